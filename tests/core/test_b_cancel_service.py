"""CancelService: journal first, one request, the outcome by ``classify``; never retried.

The client here is a fake that raises the real ``desktop_app.api`` errors, built the way the
real client builds them (``error_from_response`` for an HTTP answer). The same flow over real
HTTP to the sandbox is tested once ``RegistryClient.cancel_visit`` exists.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from desktop_app.api import (
    ApiError,
    MalformedAnswer,
    NetworkError,
    OutcomeUnknown,
    error_from_response,
    error_in_success,
    parse_ticket,
)
from desktop_app.booking import (
    CANCEL_REASONS,
    CancelKind,
    CancelOutcome,
    CancelService,
    DeskEventKind,
    Reason,
)
from desktop_app.journal import ShiftJournal, day_list, patient_key_from_token

MSK = timezone(timedelta(hours=3), "MSK")
LPU = "8E8F2A3C-1111-4A5B-9C9D-0123456789AB"
RES = "5b1d3f00-2222-4c3d-8e8f-abcdefabcdef"
TICKET = "0f0e0d0c-3333-4b4b-8c8c-111122223333"
DAY = date(2025, 3, 11)


def json_error(status: int, code: str, message: str) -> ApiError:
    body = {"code": status, "message": message, "message_code": code}
    return error_from_response(
        status, json.dumps(body, ensure_ascii=False).encode(), "application/json"
    )


HTML_503 = error_from_response(
    503, b"<html><body><h1>503 Service Temporarily Unavailable</h1>nginx</body></html>", "text/html"
)


@dataclass
class FakeClient:
    """Answers every ``cancel_visit`` with ``result`` (None: success; an error: raised) and
    notes what the journal said while the request was on its way."""

    result: ApiError | BaseException | None = None
    journal: ShiftJournal | None = None
    calls: list[dict[str, Any]] = field(default_factory=lambda: [])
    state_during_call: list[str | None] = field(default_factory=lambda: [])
    gate: asyncio.Event | None = None

    async def cancel_visit(
        self, lpu_guid: str, ticket_guid: str, *, reason_code: int, reason: str, token: str
    ) -> None:
        self.calls.append(
            {
                "lpu": lpu_guid,
                "ticket": ticket_guid,
                "code": reason_code,
                "reason": reason,
                "token": token,
            }
        )
        if self.journal is not None:
            rows = [e for e in self.journal.entries() if e.ticket_guid == ticket_guid]
            self.state_during_call.append(rows[0].cancel_state if rows else None)
        if self.gate is not None:
            await self.gate.wait()
        if self.result is not None:
            raise self.result


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[ShiftJournal]:
    with ShiftJournal(tmp_path / "journal.sqlite3") as j:
        yield j


@pytest.fixture
def booked(journal: ShiftJournal, jwt_token: str) -> int:
    """A booked row of this desk's journal, with its ticket."""
    row = journal.record_attempt(
        lpu_guid=LPU,
        resource_guid=RES,
        day=DAY,
        at=None,
        patient_key=patient_key_from_token(jwt_token),
        patient_label="Лебедев А. П., д. р. 12.04.1985",
        clinic_name="ГП № 3",
        resource_name="Иванов И. И., терапевт",
        training=False,
    )
    body = {
        "ticketGuid": TICKET,
        "num": "Т-017",
        "beginTime": datetime(2025, 3, 11, 9, 0, tzinfo=MSK).isoformat(),
    }
    journal.record_success(row, parse_ticket(json.dumps(body).encode()))
    return row


@pytest.fixture
def run(journal: ShiftJournal, jwt_token: str) -> Callable[..., tuple[CancelOutcome, FakeClient]]:
    def go(
        attempt_id: int | None, result: ApiError | BaseException | None = None, **overrides: Any
    ) -> tuple[CancelOutcome, FakeClient]:
        client = FakeClient(result, journal)
        service = CancelService(client, journal)
        kwargs: dict[str, Any] = {
            "lpu_guid": LPU,
            "ticket_guid": TICKET,
            "reason_code": 2,
            "reason": "  Записан по ошибке:\n не тот врач ",
            "token": jwt_token,
        }
        kwargs.update(overrides)
        outcome = asyncio.run(service.cancel(attempt_id, **kwargs))
        return outcome, client

    return go


def test_done_sends_once_journals_first_and_marks_the_row_cancelled(
    run: Callable[..., tuple[CancelOutcome, FakeClient]],
    journal: ShiftJournal,
    booked: int,
    jwt_token: str,
) -> None:
    outcome, client = run(booked, token=f" {jwt_token[:20]}\r\n{jwt_token[20:]} ")
    assert (outcome.kind, outcome.reason) == (CancelKind.DONE, Reason.OK)
    assert outcome.done and outcome.journal_saved and outcome.attempt_id == booked
    assert outcome.desk_event is DeskEventKind.CANCELLED
    assert client.calls == [
        {
            "lpu": LPU.lower(),
            "ticket": TICKET,
            "code": 2,
            "reason": "Записан по ошибке: не тот врач",
            "token": jwt_token,  # joined like a booking's token
        }
    ]
    assert client.state_during_call == ["sent"]  # written before the request went out
    entry = journal.get(booked)
    assert entry is not None and entry.status == "cancelled" and entry.cancelled_at is not None
    assert entry.cancel_reason == "2. Записан по ошибке (не тот пациент или врач): " + (
        "Записан по ошибке: не тот врач"
    )
    assert [r.status for g in day_list(journal.day_entries(DAY)) for r in g.rows] == ["отменена"]


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (json_error(400, "4021", "Время визита прошло"), "4021", "Время визита прошло"),
        (json_error(400, "4022", "Запись не активна"), "4022", "Запись не активна"),
        (json_error(403, "5009", "Чужой токен"), "5009", "Чужой токен"),
    ],
)
def test_a_clean_refusal_keeps_the_booking(
    run: Callable[..., tuple[CancelOutcome, FakeClient]],
    journal: ShiftJournal,
    booked: int,
    error: ApiError,
    code: str,
    message: str,
) -> None:
    outcome, client = run(booked, error)
    assert outcome.kind is CancelKind.REFUSED and len(client.calls) == 1
    assert (outcome.status, outcome.message_code, outcome.server_message) == (
        error.status,
        code,
        message,
    )
    assert outcome.reason is (Reason.CREDENTIALS if code == "5009" else Reason.VALIDATION)
    assert outcome.desk_event is None
    entry = journal.get(booked)
    assert entry is not None and entry.status == "booked" and entry.cancel_state == "refused"
    assert entry.cancel_error == message
    assert [r.status for g in day_list(journal.day_entries(DAY)) for r in g.rows] == ["записан"]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OutcomeUnknown("no answer within the read timeout"), Reason.NO_ANSWER),
        (HTML_503, Reason.GATEWAY),
        (error_from_response(500, b"", None), Reason.GATEWAY),
        (error_in_success(200, {"message": "An error has occurred."}), Reason.UNREADABLE),
        (MalformedAnswer("answer is not JSON", status=200), Reason.UNREADABLE),
        (RuntimeError("bug after sending"), Reason.LOCAL_ERROR),
    ],
)
def test_no_clean_answer_is_unknown_and_never_retried(
    run: Callable[..., tuple[CancelOutcome, FakeClient]],
    journal: ShiftJournal,
    booked: int,
    error: BaseException,
    reason: Reason,
) -> None:
    outcome, client = run(booked, error)
    assert (outcome.kind, outcome.reason) == (CancelKind.UNKNOWN, reason)
    assert outcome.may_be_cancelled and len(client.calls) == 1  # one request, no retry
    entry = journal.get(booked)
    assert entry is not None and entry.status == "booked" and entry.cancel_state == "unknown"
    assert entry.cancel_unconfirmed and entry.cancel_error
    [group] = day_list(journal.day_entries(DAY))
    assert [r.status for r in group.rows] == ["отмена не подтверждена"]


def test_nothing_delivered_is_not_sent_and_the_row_goes_back(
    run: Callable[..., tuple[CancelOutcome, FakeClient]], journal: ShiftJournal, booked: int
) -> None:
    outcome, client = run(booked, NetworkError("connection refused"))
    assert (outcome.kind, outcome.reason) == (CancelKind.NOT_SENT, Reason.NETWORK)
    assert len(client.calls) == 1
    entry = journal.get(booked)
    assert entry is not None and entry.status == "booked" and entry.cancel_state is None
    # After an unknown cancel, a cancel that is not delivered leaves "unknown" standing.
    run(booked, OutcomeUnknown("timeout"))
    run(booked, NetworkError("connection refused"))
    assert journal.get(booked).cancel_state == "unknown"  # type: ignore[union-attr]


def test_the_operator_may_cancel_again_after_an_unknown_cancel(
    run: Callable[..., tuple[CancelOutcome, FakeClient]], journal: ShiftJournal, booked: int
) -> None:
    first, _ = run(booked, OutcomeUnknown("timeout"))
    assert first.kind is CancelKind.UNKNOWN
    # The first DELETE did arrive: the registry now says the visit is not active.
    second, client = run(booked, json_error(400, "4022", "Запись не активна"))
    assert second.kind is CancelKind.REFUSED and second.message_code == "4022"
    assert len(client.calls) == 1
    third, _ = run(booked)
    assert third.done and journal.get(booked).is_cancelled  # type: ignore[union-attr]


def test_journal_first_a_journal_that_cannot_write_sends_nothing(
    journal: ShiftJournal, booked: int, jwt_token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(journal, "record_cancel_attempt", locked)
    client = FakeClient()
    outcome = asyncio.run(
        CancelService(client, journal).cancel(
            booked, lpu_guid=LPU, ticket_guid=TICKET, reason_code=1, reason="", token=jwt_token
        )
    )
    assert (outcome.kind, outcome.reason) == (CancelKind.NOT_SENT, Reason.JOURNAL)
    assert client.calls == []
    assert journal.get(booked).cancel_state is None  # type: ignore[union-attr]


def test_an_answer_the_journal_cannot_record_is_still_reported(
    journal: ShiftJournal, booked: int, jwt_token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(journal, "record_cancelled", full)
    client = FakeClient()
    outcome = asyncio.run(
        CancelService(client, journal).cancel(
            booked, lpu_guid=LPU, ticket_guid=TICKET, reason_code=1, reason="", token=jwt_token
        )
    )
    assert outcome.done and not outcome.journal_saved and len(client.calls) == 1
    assert client.calls[0]["reason"] == "Пациент передумал"  # no free text: the list's words
    # The row still says "cancel sent": the day list shows it unconfirmed, never as booked.
    assert journal.get(booked).cancel_state == "sent"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("prepare", "overrides", "field_name"),
    [
        ("none", {"ticket_guid": None}, "ticket_guid"),
        ("none", {"ticket_guid": "  "}, "ticket_guid"),
        ("none", {"ticket_guid": "../../visit"}, "ticket_guid"),
        ("none", {"lpu_guid": "not-a-guid"}, "lpu_guid"),
        ("none", {"ticket_guid": "0f0e0d0c-9999-4b4b-8c8c-111122223333"}, "ticket_guid"),
        ("missing", {}, "attempt_id"),
        ("failed", {}, "attempt_id"),
        ("cancelled", {}, "attempt_id"),
        ("none", {"token": ""}, "token"),
        ("none", {"token": "токен"}, "token"),
    ],
)
def test_what_cannot_be_sent_is_not_sent(
    run: Callable[..., tuple[CancelOutcome, FakeClient]],
    journal: ShiftJournal,
    booked: int,
    prepare: str,
    overrides: dict[str, Any],
    field_name: str,
) -> None:
    attempt_id: int | None = booked
    if prepare == "missing":
        attempt_id = 9999
    elif prepare == "failed":
        attempt_id = journal.record_attempt(
            lpu_guid=LPU,
            resource_guid=RES,
            day=DAY,
            at=None,
            patient_key="0" * 64,
            patient_label=None,
            clinic_name=None,
            resource_name=None,
            training=False,
        )
        journal.record_failure(
            attempt_id, kind="validation", status=400, message_code="4009", message=""
        )
    elif prepare == "cancelled":
        journal.record_cancel_attempt(booked, "1")
        journal.record_cancelled(booked)
    outcome, client = run(attempt_id, **overrides)
    assert outcome.kind is CancelKind.NOT_SENT and outcome.field == field_name
    assert outcome.reason in (Reason.INVALID_INPUT, Reason.TOKEN_UNSENDABLE)
    assert client.calls == []
    if prepare != "cancelled":
        entry = journal.get(booked)
        assert entry is not None and entry.status == "booked" and entry.cancel_state is None


def test_a_ticket_not_in_the_journal_is_just_sent(
    run: Callable[..., tuple[CancelOutcome, FakeClient]], journal: ShiftJournal, booked: int
) -> None:
    other = "0f0e0d0c-7777-4b4b-8c8c-111122223333"
    outcome, client = run(None, ticket_guid=other.upper())
    assert outcome.done and outcome.attempt_id is None
    assert [c["ticket"] for c in client.calls] == [other]
    refused, client = run(None, json_error(400, "4021", "Время визита прошло"), ticket_guid=other)
    assert refused.kind is CancelKind.REFUSED and len(client.calls) == 1
    entry = journal.get(booked)
    assert entry is not None and entry.status == "booked" and entry.cancel_state is None


def test_a_cancel_in_flight_makes_the_next_one_busy(
    journal: ShiftJournal, booked: int, jwt_token: str
) -> None:
    async def go() -> tuple[CancelOutcome, CancelOutcome, FakeClient]:
        client = FakeClient(gate=asyncio.Event())
        service = CancelService(client, journal)
        kwargs: dict[str, Any] = {
            "lpu_guid": LPU,
            "ticket_guid": TICKET,
            "reason_code": 1,
            "reason": "",
            "token": jwt_token,
        }
        first = asyncio.create_task(service.cancel(booked, **kwargs))
        while not client.calls:
            await asyncio.sleep(0)
        assert service.in_flight
        second = await service.cancel(booked, **kwargs)
        assert client.gate is not None
        client.gate.set()
        return await first, second, client

    first, second, client = asyncio.run(go())
    assert (second.kind, second.reason) == (CancelKind.NOT_SENT, Reason.BUSY)
    assert first.done and len(client.calls) == 1


def test_the_short_list_of_reasons() -> None:
    assert CANCEL_REASONS == (
        (1, "Пациент передумал"),
        (2, "Записан по ошибке (не тот пациент или врач)"),
        (3, "Записан повторно"),
        (4, "Врач не принимает в этот день"),
        (9, "Другая причина"),
    )


def test_a_window_closed_mid_cancel_leaves_it_unknown_at_the_next_start(
    tmp_path: Path, jwt_token: str
) -> None:
    path = tmp_path / "j.sqlite3"
    journal = ShiftJournal(path)
    row = journal.record_attempt(
        lpu_guid=LPU,
        resource_guid=RES,
        day=DAY,
        at=time(9, 0),
        patient_key=patient_key_from_token(jwt_token),
        patient_label=None,
        clinic_name=None,
        resource_name=None,
        training=False,
    )
    journal.record_success(
        row, parse_ticket(json.dumps({"ticketGuid": TICKET, "num": "1"}).encode())
    )

    async def go() -> None:
        client = FakeClient(gate=asyncio.Event())
        task = asyncio.create_task(
            CancelService(client, journal).cancel(
                row, lpu_guid=LPU, ticket_guid=TICKET, reason_code=1, reason="", token=jwt_token
            )
        )
        while not client.calls:
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(go())
    assert journal.get(row).cancel_state == "sent"  # type: ignore[union-attr]
    journal.close()
    with ShiftJournal(path) as again:
        assert again.get(row).cancel_state == "unknown"  # type: ignore[union-attr]
