"""Who the patient is: the policy number and birth date (or surname) the desk asks the
authorization service about, and what its answer says about the person (Qt-free).

A policy number (ЕНП, полис ОМС) is 16 digits; operators type it with spaces or dashes in
groups, or paste it with a no-break space from a document, so those are dropped before the
check. Nothing here is ever logged: the ``repr`` of a query or a token hides what identifies
the person or grants access to the card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.api.errors import InvalidRequestError

__all__ = ["POLICY_DIGITS", "PatientName", "PatientQuery", "PatientToken", "normalize_policy"]

#: A policy number (ЕНП) has exactly this many digits.
POLICY_DIGITS = 16

#: What operators put between the groups of a policy number (space, NBSP, narrow NBSP, dashes).
_POLICY_SEPARATORS = frozenset(" \t\u00a0\u202f\u2007-\u2010\u2011\u2012\u2013\u2014")


def normalize_policy(text: str) -> str:
    """The policy number as 16 ASCII digits; spaces, dashes and no-break spaces are dropped.

    Anything else (a letter, a full-width digit, 15 or 17 digits) raises
    ``InvalidRequestError(field="policy")``: nothing is sent for it.
    """
    if not isinstance(text, str):
        raise InvalidRequestError("the policy number is not text", field="policy")
    digits = "".join(ch for ch in text if ch not in _POLICY_SEPARATORS)
    if len(digits) != POLICY_DIGITS or not all("0" <= ch <= "9" for ch in digits):
        raise InvalidRequestError(
            f"the policy number must be {POLICY_DIGITS} digits", field="policy"
        )
    return digits


def _initial(part: str | None) -> str:
    text = (part or "").strip()
    return f"{text[0].upper()}." if text else ""


@dataclass(frozen=True)
class PatientName:
    """The person as the registry named them (parts may be missing)."""

    surname: str
    first_name: str | None = None
    patronymic: str | None = None
    birth_date: date | None = None

    def display(self) -> str:
        """``Лебедев А. П., д. р. 12.04.1985``: the initials present, then the birth date."""
        initials = " ".join(i for i in (_initial(self.first_name), _initial(self.patronymic)) if i)
        name = " ".join(p for p in (" ".join(self.surname.split()), initials) if p)
        if self.birth_date is not None:
            return f"{name}, д. р. {self.birth_date.strftime('%d.%m.%Y')}"
        return name


def policy_display(policy: str, birth_date: date) -> str:
    """``полис …0001, д. р. 12.04.1985``: a patient the service named nobody for, by the last
    digits of the policy. Russian in every UI language, like ``PatientName.display``: it is what
    the journal keeps and the slip's operator copy prints."""
    return f"полис …{policy[-4:]}, д. р. {birth_date.strftime('%d.%m.%Y')}"


@dataclass(frozen=True)
class PatientQuery:
    """What the desk asks the authorization service: a birth date and a policy *or* a surname.

    The policy is normalized (``normalize_policy``) and the surname's whitespace collapsed;
    exactly one of them must be given. Bad input raises ``InvalidRequestError`` with the field.
    """

    birth_date: date
    policy: str | None = None
    surname: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.birth_date, date):
            raise InvalidRequestError("the birth date is not a date", field="birth_date")
        policy = self.policy if self.policy is None else normalize_policy(self.policy)
        surname = None
        if self.surname is not None:
            if not isinstance(self.surname, str):
                raise InvalidRequestError("the surname is not text", field="surname")
            surname = " ".join(self.surname.split()) or None
            if surname is None:
                raise InvalidRequestError("the surname is empty", field="surname")
            if len(surname) > 100 or not all(ch.isprintable() for ch in surname):
                raise InvalidRequestError("the surname cannot be sent", field="surname")
        if (policy is None) == (surname is None):
            raise InvalidRequestError(
                "give either the policy number or the surname", field="policy"
            )
        object.__setattr__(self, "policy", policy)
        object.__setattr__(self, "surname", surname)
        # A datetime is a date too; the query is about a day.
        object.__setattr__(self, "birth_date", date(*self.birth_date.timetuple()[:3]))

    def __repr__(self) -> str:  # never shows who the patient is
        kind = "policy" if self.policy is not None else "surname"
        return f"PatientQuery(by={kind}, ...)"


@dataclass(frozen=True)
class PatientToken:
    """The patient's LPU token, and who the answer said the patient is (if it said)."""

    token: str
    patient: PatientName | None = None

    def __repr__(self) -> str:  # never shows the token
        return f"PatientToken(token=***, patient={'known' if self.patient else None})"
