"""BookingService: the duplicate check before sending (issue 10 §5) and who the patient is."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from desktop_app.api import TicketVisitWithLpu, parse_ticket
from desktop_app.booking import (
    BookingOutcome,
    BookingRequest,
    BookingService,
    DeskEventKind,
    OutcomeKind,
    Reason,
)
from desktop_app.journal import JournalEntry, ShiftJournal, patient_key_from_token

MSK = timezone(timedelta(hours=3), "MSK")
LPU = "8e8f2a3c-1111-4a5b-9c9d-0123456789ab"
THERAPIST = "5b1d3f00-2222-4c3d-8e8f-abcdefabcdef"
THERAPIST_2 = "5b1d3f00-3333-4c3d-8e8f-abcdefabcdef"
TODAY = date(2025, 3, 10)
DAY = date(2025, 3, 11)


class CountingClient:
    """A registry that books everything and counts the POSTs."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, str, date, time | None]] = []

    async def book_out_of_schedule(
        self, lpu_guid: str, resource_guid: str, day: date, at: time | None, *, token: str
    ) -> TicketVisitWithLpu:
        self.posts.append((lpu_guid, resource_guid, day, at))
        n = len(self.posts)
        body = {
            "ticketGuid": f"0f0e0d0c-3333-4b4b-8c8c-{n:012d}",
            "num": f"Т-{n:03d}",
            "docFio": "Иванов Иван Иванович",
            "speciality": "Терапия",
            "beginTime": datetime.combine(day, time(9, n), MSK).isoformat(),
            "lpu": {"guid": lpu_guid, "name": "ГП № 3"},
        }
        return parse_ticket(json.dumps(body, ensure_ascii=False).encode())


@dataclass
class Confirm:
    answer: bool | None
    calls: list[list[JournalEntry]] = field(default_factory=lambda: [])

    async def __call__(self, active: list[JournalEntry]) -> bool:
        self.calls.append(active)
        return self.answer  # type: ignore[return-value]  # None: a dialog closed oddly


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[ShiftJournal]:
    with ShiftJournal(tmp_path / "journal.sqlite3") as j:
        yield j


@pytest.fixture
def client() -> CountingClient:
    return CountingClient()


def service_for(client: CountingClient, journal: ShiftJournal, *, training: bool = False):
    return BookingService(client, journal, training=training, today=lambda: TODAY)  # type: ignore[arg-type]


@pytest.fixture
def service(client: CountingClient, journal: ShiftJournal) -> BookingService:
    return service_for(client, journal)


@pytest.fixture
def request_for(jwt_token: str) -> Callable[..., BookingRequest]:
    def make(**overrides: Any) -> BookingRequest:
        fields: dict[str, Any] = {
            "lpu_guid": LPU,
            "resource_guid": THERAPIST,
            "day": DAY,
            "at": None,
            "token": jwt_token,
            "patient_key": patient_key_from_token(jwt_token),
            "clinic_name": "ГП № 3",
            "resource_name": "Иванов И. И., терапевт",
            "speciality": "Терапия",
            "patient_display": "Лебедев А. П., д. р. 12.04.1985",
        }
        fields.update(overrides)
        return BookingRequest(**fields)

    return make


def book(service: BookingService, request: BookingRequest, **kwargs: Any) -> BookingOutcome:
    return asyncio.run(service.book(request, **kwargs))


def test_a_second_booking_of_the_speciality_is_asked_first_and_declined_sends_nothing(
    service: BookingService,
    client: CountingClient,
    journal: ShiftJournal,
    request_for: Callable[..., BookingRequest],
) -> None:
    first = book(service, request_for())
    assert first.booked and len(client.posts) == 1
    rows_before = [e.id for e in journal.entries()]

    # Another therapist, same speciality typed otherwise: the journal's booking is found.
    no = Confirm(False)
    second = book(
        service, request_for(resource_guid=THERAPIST_2, speciality="ТЕРАПИЯ"), confirm_duplicate=no
    )
    assert (second.kind, second.reason) == (OutcomeKind.NOT_SENT, Reason.DUPLICATE)
    assert second.desk_event is DeskEventKind.DUPLICATE_DECLINED
    assert len(client.posts) == 1  # nothing sent
    assert [e.id for e in journal.entries()] == rows_before  # nothing journaled
    [shown] = no.calls
    assert [e.id for e in shown] == [first.attempt_id]
    assert (
        shown[0].ticket_num == "Т-001"
        and shown[0].patient_label == "Лебедев А. П., д. р. 12.04.1985"
    )

    # No callback (nobody to ask), or a dialog that gave no answer: not sent either.
    assert book(service, request_for()).reason is Reason.DUPLICATE
    assert book(service, request_for(), confirm_duplicate=Confirm(None)).reason is Reason.DUPLICATE
    assert len(client.posts) == 1


def test_book_anyway_sends_one_post_and_journals_the_speciality(
    service: BookingService,
    client: CountingClient,
    journal: ShiftJournal,
    request_for: Callable[..., BookingRequest],
) -> None:
    book(service, request_for())
    yes = Confirm(True)
    again = book(service, request_for(resource_guid=THERAPIST_2), confirm_duplicate=yes)
    assert again.booked and len(yes.calls) == 1
    assert len(client.posts) == 2
    entry = journal.get(again.attempt_id)  # type: ignore[arg-type]
    assert entry is not None and entry.status == "booked" and entry.speciality == "Терапия"
    # Both bookings are now active: the third attempt is shown both.
    third = Confirm(False)
    book(service, request_for(), confirm_duplicate=third)
    assert len(third.calls[0]) == 2 and len(client.posts) == 2


def test_no_question_when_nothing_matches(
    service: BookingService,
    client: CountingClient,
    journal: ShiftJournal,
    request_for: Callable[..., BookingRequest],
    jwt_factory: Callable[..., str],
) -> None:
    never = Confirm(False)
    assert book(service, request_for(), confirm_duplicate=never).booked
    other = jwt_factory({"sub": "card-000999"})
    cases = [
        request_for(speciality="Хирургия"),  # another speciality
        request_for(day=DAY + timedelta(days=1)),  # another day
        request_for(token=other, patient_key=patient_key_from_token(other)),  # another patient
        request_for(speciality=None),  # the form knows no speciality: not checked
        request_for(speciality="   "),
    ]
    for request in cases:
        assert book(service, request, confirm_duplicate=never).booked
    assert never.calls == [] and len(client.posts) == 1 + len(cases)
    # The training journal's bookings are not this desk's real ones, and the other way round.
    training = service_for(client, journal, training=True)
    assert book(training, request_for(), confirm_duplicate=never).booked
    assert never.calls == []


def test_a_cancelled_booking_is_no_duplicate(
    service: BookingService,
    client: CountingClient,
    journal: ShiftJournal,
    request_for: Callable[..., BookingRequest],
) -> None:
    first = book(service, request_for())
    assert first.attempt_id is not None
    journal.record_cancel_attempt(first.attempt_id, "3. Записан повторно")
    journal.record_cancelled(first.attempt_id)
    never = Confirm(False)
    assert book(service, request_for(), confirm_duplicate=never).booked
    assert never.calls == [] and len(client.posts) == 2


def test_the_duplicate_question_comes_before_the_rebook_question(
    service: BookingService,
    client: CountingClient,
    journal: ShiftJournal,
    request_for: Callable[..., BookingRequest],
) -> None:
    book(service, request_for())
    # An unknown outcome for the other therapist, same patient and day.
    unknown = journal.record_attempt(
        lpu_guid=LPU,
        resource_guid=THERAPIST_2,
        day=DAY,
        at=None,
        patient_key=request_for().patient_key,
        patient_label=None,
        clinic_name=None,
        resource_name=None,
        training=False,
    )
    journal.record_unknown(unknown, "no_answer")
    order: list[str] = []

    async def duplicate(active: list[JournalEntry]) -> bool:
        order.append("duplicate")
        return True

    async def rebook(earlier: object) -> bool:
        order.append("rebook")
        return False

    out = book(
        service,
        request_for(resource_guid=THERAPIST_2),
        confirm_duplicate=duplicate,
        confirm_rebook=rebook,
    )
    assert order == ["duplicate", "rebook"]
    assert (out.kind, out.reason) == (OutcomeKind.NOT_SENT, Reason.DECLINED)
    assert len(client.posts) == 1
    # Declining the duplicate never reaches the rebook question.
    order.clear()

    async def decline(active: list[JournalEntry]) -> bool:
        order.append("duplicate")
        return False

    book(
        service,
        request_for(resource_guid=THERAPIST_2),
        confirm_duplicate=decline,
        confirm_rebook=rebook,
    )
    assert order == ["duplicate"]


def test_input_checks_come_before_the_duplicate_question(
    service: BookingService, client: CountingClient, request_for: Callable[..., BookingRequest]
) -> None:
    book(service, request_for())
    never = Confirm(True)
    out = book(service, request_for(day=TODAY - timedelta(days=1)), confirm_duplicate=never)
    assert (out.reason, out.field) == (Reason.INVALID_INPUT, "day")
    out = book(service, request_for(token="токен"), confirm_duplicate=never)
    assert out.reason is Reason.TOKEN_UNSENDABLE
    assert never.calls == [] and len(client.posts) == 1


def test_a_journal_that_cannot_look_up_does_not_stop_the_booking(
    client: CountingClient,
    journal: ShiftJournal,
    request_for: Callable[..., BookingRequest],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service = service_for(client, journal)
    book(service, request_for())

    def broken(*args: object, **kwargs: object) -> list[JournalEntry]:
        raise OSError("disk gone")

    monkeypatch.setattr(journal, "find_active_bookings", broken)
    assert book(service, request_for(), confirm_duplicate=Confirm(False)).booked
    assert len(client.posts) == 2


def test_the_patient_display_is_the_journal_label_and_is_searchable(
    service: BookingService, journal: ShiftJournal, request_for: Callable[..., BookingRequest]
) -> None:
    shown = book(service, request_for(patient_label="старая метка"))
    entry = journal.get(shown.attempt_id)  # type: ignore[arg-type]
    assert entry is not None and entry.patient_label == "Лебедев А. П., д. р. 12.04.1985"
    for text in ("Лебедев", "лебедев", "ЛЕБЕДЕВ А. П."):
        assert [e.id for e in journal.entries(search=text)] == [shown.attempt_id]
    # Without a display the label given is kept (a pasted token: "—" in the journal).
    plain = book(
        service,
        request_for(patient_display=None, patient_label="Смирнова", speciality="Хирургия"),
    )
    assert journal.get(plain.attempt_id).patient_label == "Смирнова"  # type: ignore[arg-type,union-attr]
    none = book(service, request_for(patient_display="  ", speciality="ЛОР"))
    assert journal.get(none.attempt_id).patient_label is None  # type: ignore[arg-type,union-attr]


def test_the_request_has_no_remember_token_any_more(
    request_for: Callable[..., BookingRequest],
) -> None:
    with pytest.raises(TypeError):
        request_for(remember_token=True)
    assert "token" not in repr(request_for()).replace("patient_key", "")
