"""What happened to a booking, decided in one place.

``BookingService.book`` never raises for anything the server, the network or the journal did:
it returns one ``BookingOutcome``. The window only renders it (``ui`` maps an outcome to a
dialog and a status line by its ``kind`` and ``reason``); the training desk and the journal read
the same object. ``classify`` is the only function that turns a client error into an outcome.

The rule that matters at a desk: anything that happened *after* the request may have reached the
server and that is not a clean refusal from the server is **unknown** — the booking may exist,
and it is never retried by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_app.api import ApiError, ErrorFamily, TicketVisitWithLpu
from desktop_app.booking.events import DeskEventKind


class OutcomeKind(StrEnum):
    BOOKED = "booked"  # a ticket came back and is shown
    REFUSED = "refused"  # the server cleanly refused: nothing was booked
    NOT_SENT = "not_sent"  # nothing left this PC: nothing was booked
    UNKNOWN = "unknown"  # the request may have been booked: check before booking again
    #: The server said yes (2xx) but its ticket cannot be read.
    BOOKED_UNREADABLE = "booked_unreadable"


class Reason(StrEnum):
    """Why an outcome is what it is; the UI picks its text by this."""

    # booked
    OK = "ok"
    # refused (the server's family of refusal)
    VALIDATION = "validation"  # 400 / 4xxx: another time, the existing booking, another clinic…
    CREDENTIALS = "credentials"  # 401/403 / 5xxx: the token is refused
    NOT_FOUND = "not_found"  # 404
    UNAVAILABLE = "unavailable"  # 5xx with a standard error body (e.g. 503/5030 clinic offline)
    REQUEST = "request"  # another 4xx with a body, or a 2xx carrying an error body
    # not sent
    INVALID_INPUT = "invalid_input"  # our own checks (GUID, past day, no token, no ticket)
    TOKEN_UNSENDABLE = "token_unsendable"  # control characters or non-Latin-1 in the token
    NETWORK = "network"  # could not connect: nothing was delivered
    CERTIFICATE = "certificate"  # TLS verification failed
    JOURNAL = "journal"  # the attempt could not be written to the journal first
    DECLINED = "declined"  # the operator chose to check an earlier attempt first
    #: The journal holds an active booking of this patient for the same speciality and day,
    #: and the operator chose not to book another (or nobody could be asked).
    DUPLICATE = "duplicate"
    BUSY = "busy"  # another booking is in flight
    # unknown
    NO_ANSWER = "no_answer"  # timeout, connection dropped, body cut off
    GATEWAY = "gateway"  # 5xx without a standard error body (HTML gateway page, empty, bare 500)
    REDIRECT = "redirect"  # 3xx on the POST
    UNREADABLE = "unreadable"  # the answer could not be decoded (broken encoding, not JSON)
    TOO_LARGE = "too_large"  # the answer exceeded the size cap
    LOCAL_ERROR = "local_error"  # this program failed after sending


@dataclass(frozen=True)
class BookingOutcome:
    """One booking's result. ``detail`` is English, for the log; never holds the token."""

    kind: OutcomeKind
    reason: Reason
    attempt_id: int | None = None
    ticket: TicketVisitWithLpu | None = None
    status: int | None = None
    message_code: str | None = None
    server_message: str | None = None
    detail: str = ""
    #: The input field our own checks refused (``lpu_guid``, ``resource_guid``, ``day``, ``token``).
    field: str | None = None
    #: False when the outcome could not be written to the shift journal (the disk, a lock):
    #: the ticket is still shown, and the service retries the write later.
    journal_saved: bool = True

    @property
    def booked(self) -> bool:
        return self.kind is OutcomeKind.BOOKED

    @property
    def may_exist(self) -> bool:
        """True when the booking may exist although no ticket can be shown."""
        return self.kind in (OutcomeKind.UNKNOWN, OutcomeKind.BOOKED_UNREADABLE)

    @property
    def desk_event(self) -> DeskEventKind:
        """The desk event the window emits for this outcome (training listens to it)."""
        if self.kind is OutcomeKind.BOOKED:
            return DeskEventKind.BOOKED
        if self.may_exist:
            return DeskEventKind.OUTCOME_UNKNOWN
        return _EVENTS.get(self.reason, DeskEventKind.OTHER_ERROR)


_EVENTS: dict[Reason, DeskEventKind] = {
    Reason.VALIDATION: DeskEventKind.REJECTED,
    Reason.CREDENTIALS: DeskEventKind.CREDENTIALS_REFUSED,
    Reason.UNAVAILABLE: DeskEventKind.UNAVAILABLE,
    Reason.NETWORK: DeskEventKind.NETWORK,
    Reason.CERTIFICATE: DeskEventKind.NETWORK,
    Reason.DECLINED: DeskEventKind.REBOOK_CANCELLED,
    Reason.DUPLICATE: DeskEventKind.DUPLICATE_DECLINED,
}

#: A server refusal's family -> the outcome's reason.
_REFUSALS: dict[ErrorFamily, Reason] = {
    ErrorFamily.VALIDATION: Reason.VALIDATION,
    ErrorFamily.CREDENTIALS: Reason.CREDENTIALS,
    ErrorFamily.NOT_FOUND: Reason.NOT_FOUND,
    ErrorFamily.UNAVAILABLE: Reason.UNAVAILABLE,
    ErrorFamily.REQUEST: Reason.REQUEST,
}


def classify(error: ApiError, *, attempt_id: int | None = None) -> BookingOutcome:
    """The one place a client error on the booking POST becomes an outcome.

    * Nothing sent (our checks, no connection, TLS) -> ``NOT_SENT``.
    * A server answer with a standard error body (a message code or a message) -> ``REFUSED``,
      whatever its status; a 5xx *without* one (a gateway's HTML page, an empty or bare 500)
      -> ``UNKNOWN``: the back end may have booked before the gateway gave up.
    * A 3xx, a lost or cut-off answer, an undecodable, non-JSON or oversized body -> ``UNKNOWN``.
    * A 2xx whose JSON is not a ticket (wrong shape, no number or GUID, a message without a
      refusal code) -> ``BOOKED_UNREADABLE``: the server processed it and said yes.
    """
    common = {
        "attempt_id": attempt_id,
        "status": error.status,
        "message_code": error.message_code,
        "server_message": error.server_message,
        "detail": str(error),
    }
    family = error.family
    if family in (ErrorFamily.INVALID_INPUT, ErrorFamily.UNSENDABLE_TOKEN):
        reason = (
            Reason.TOKEN_UNSENDABLE
            if family is ErrorFamily.UNSENDABLE_TOKEN
            else Reason.INVALID_INPUT
        )
        return BookingOutcome(
            OutcomeKind.NOT_SENT, reason, field=getattr(error, "field", None), **common
        )
    if family is ErrorFamily.NETWORK:
        return BookingOutcome(OutcomeKind.NOT_SENT, Reason.NETWORK, **common)
    if family is ErrorFamily.CERTIFICATE:
        return BookingOutcome(OutcomeKind.NOT_SENT, Reason.CERTIFICATE, **common)
    status = error.status
    if family in _REFUSALS:
        has_body = bool(error.message_code or error.server_message)
        if status is not None and status >= 500 and not error.message_code:
            return BookingOutcome(OutcomeKind.UNKNOWN, Reason.GATEWAY, **common)
        if status is not None and 300 <= status < 400:
            return BookingOutcome(OutcomeKind.UNKNOWN, Reason.REDIRECT, **common)
        if family is ErrorFamily.REQUEST and not has_body:
            # A bare 4xx (405, 415, 429 without a body) is still the server refusing.
            return BookingOutcome(OutcomeKind.REFUSED, Reason.REQUEST, **common)
        return BookingOutcome(OutcomeKind.REFUSED, _REFUSALS[family], **common)
    reason = {
        ErrorFamily.UNREADABLE: Reason.UNREADABLE,
        ErrorFamily.TOO_LARGE: Reason.TOO_LARGE,
    }.get(family, Reason.NO_ANSWER)
    json_read = bool(getattr(error, "json_read", False))
    if json_read and status is not None and 200 <= status < 300:
        # The server answered "yes" in its own JSON, just not as a ticket we can read.
        return BookingOutcome(OutcomeKind.BOOKED_UNREADABLE, reason, **common)
    # HTML (a proxy's login page), a broken encoding, an oversized body: whatever sent it,
    # nothing says whether the registry booked.
    return BookingOutcome(OutcomeKind.UNKNOWN, reason, **common)


def local_failure(exc: BaseException, *, attempt_id: int | None) -> BookingOutcome:
    """This program failed after the request was sent: the booking may exist."""
    return BookingOutcome(
        OutcomeKind.UNKNOWN,
        Reason.LOCAL_ERROR,
        attempt_id=attempt_id,
        detail=f"local error after sending: {type(exc).__name__}",
    )


__all__ = ["BookingOutcome", "OutcomeKind", "Reason", "classify", "local_failure"]
