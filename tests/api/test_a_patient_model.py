"""The patient query and what the answer said about the person: checks before anything is sent."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.api import (
    ErrorFamily,
    InvalidRequestError,
    PatientName,
    PatientQuery,
    PatientToken,
    normalize_policy,
)

BIRTH = date(1985, 4, 12)


@pytest.mark.parametrize(
    "typed",
    [
        "0000202600000001",
        "0000 2026 0000 0001",
        " 0000-2026-0000-0001 ",
        "0000\u00a02026\u00a00000\u00a00001",  # pasted from a document
        "0000\u202f2026 0000\u20130001",
    ],
)
def test_policy_typed_with_separators_is_sixteen_digits(typed: str) -> None:
    assert normalize_policy(typed) == "0000202600000001"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "000020260000001",  # 15
        "00002026000000012",  # 17
        "0000 2026 0000 000О",  # a Cyrillic О for a zero
        "０００００２０２６００００００１",  # full-width digits
        "0000.2026.0000.0001",
    ],
)
def test_policy_of_the_wrong_form_is_refused_with_its_field(typed: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        normalize_policy(typed)
    assert caught.value.field == "policy"
    assert caught.value.nothing_sent
    assert caught.value.family is ErrorFamily.INVALID_INPUT


def test_query_normalizes_and_takes_exactly_one_of_policy_or_surname() -> None:
    query = PatientQuery(birth_date=BIRTH, policy="0000 2026 0000 0001")
    assert query.policy == "0000202600000001" and query.surname is None
    by_name = PatientQuery(birth_date=BIRTH, surname="  Лебедев \t")
    assert by_name.surname == "Лебедев" and by_name.policy is None
    with pytest.raises(InvalidRequestError):
        PatientQuery(birth_date=BIRTH)
    with pytest.raises(InvalidRequestError):
        PatientQuery(birth_date=BIRTH, policy="0000202600000001", surname="Лебедев")
    with pytest.raises(InvalidRequestError) as caught:
        PatientQuery(birth_date=BIRTH, surname="   ")
    assert caught.value.field == "surname"
    with pytest.raises(InvalidRequestError) as caught:
        PatientQuery(birth_date="1985-04-12", policy="0000202600000001")  # type: ignore[arg-type]
    assert caught.value.field == "birth_date"
    moment = PatientQuery(birth_date=datetime(1985, 4, 12, 13, 30), surname="Лебедев")
    assert type(moment.birth_date) is date and moment.birth_date == BIRTH


def test_reprs_show_neither_the_person_nor_the_token() -> None:
    query = PatientQuery(birth_date=BIRTH, policy="0000202600000001")
    surname = PatientQuery(birth_date=BIRTH, surname="Лебедев")
    token = PatientToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", PatientName("Лебедев"))
    for text in (repr(query), str(query), repr(surname), repr(token), str(token)):
        for secret in ("0000202600000001", "1985", "Лебедев", "eyJ", "c2ln"):
            assert secret not in text, text
    assert "policy" in repr(query) and "surname" in repr(surname)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (PatientName("Лебедев", "Антон", "Павлович", BIRTH), "Лебедев А. П., д. р. 12.04.1985"),
        (PatientName("Лебедев", "Антон", None, BIRTH), "Лебедев А., д. р. 12.04.1985"),
        (PatientName("Лебедев", None, "Павлович", None), "Лебедев П."),
        (PatientName("Лебедев", None, None, BIRTH), "Лебедев, д. р. 12.04.1985"),
        (PatientName("Лебедев"), "Лебедев"),
        (
            PatientName("Журавлёва", "тамара", "", date(1958, 11, 5)),
            "Журавлёва Т., д. р. 05.11.1958",
        ),
        (PatientName(" Салтыков-Щедрин ", "Михаил", "Евграфович"), "Салтыков-Щедрин М. Е."),
    ],
)
def test_display_is_surname_initials_and_birth_date(name: PatientName, shown: str) -> None:
    assert name.display() == shown
