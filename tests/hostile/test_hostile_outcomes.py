"""Every hostile answer to the booking POST, over real HTTP, through the real booking flow.

``RegistryClient`` -> ``BookingService`` -> ``ShiftJournal`` (a real SQLite file): each scenario
must give the outcome the rules say (``booking/outcome.py``), exactly one POST on the wire, and
the journal row that goes with it; a second booking of the same patient asks the operator first
exactly when the first one may have booked.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sqlite3
import time
import tracemalloc
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import pytest_asyncio

from desktop_app.api import ClientSettings, RegistryClient, TicketVisitWithLpu
from desktop_app.booking import (
    BookingRequest,
    BookingService,
    EarlierAttempt,
    OutcomeKind,
    Reason,
)
from desktop_app.journal import ShiftJournal, patient_key_from_token
from tests.hostile.server import (
    MAIN_CLINIC,
    THERAPIST,
    THERAPIST_FIO,
    HostileServer,
    gzip_bomb,
)
from tests.ui.asyncwait import wait_until

pytestmark = pytest.mark.asyncio

MSK = timezone(timedelta(hours=3))
TODAY = date.today()
DAY = TODAY + timedelta(days=1)
READ_TIMEOUT = 0.5

BOOKED, REFUSED, NOT_SENT = OutcomeKind.BOOKED, OutcomeKind.REFUSED, OutcomeKind.NOT_SENT
UNKNOWN, UNREADABLE = OutcomeKind.UNKNOWN, OutcomeKind.BOOKED_UNREADABLE

#: scenario -> (outcome kind, reason, journal status) — the rules of booking/outcome.py.
EXPECTED: dict[str, tuple[OutcomeKind, Reason, str]] = {
    "ok": (BOOKED, Reason.OK, "booked"),
    "mixed_offsets": (BOOKED, Reason.OK, "booked"),
    "busy_text": (BOOKED, Reason.OK, "booked"),
    "net_date": (BOOKED, Reason.OK, "booked"),
    "zero_date": (BOOKED, Reason.OK, "booked"),
    "text_number": (BOOKED, Reason.OK, "booked"),
    # The body is readable once decoded by its declared charset: the ticket must be shown.
    "cp1251": (BOOKED, Reason.OK, "booked"),
    "error_in_200": (REFUSED, Reason.VALIDATION, "failed"),
    "json_503_5030": (REFUSED, Reason.UNAVAILABLE, "failed"),
    "html_500": (UNKNOWN, Reason.GATEWAY, "unknown"),
    "html_502": (UNKNOWN, Reason.GATEWAY, "unknown"),
    "html_504": (UNKNOWN, Reason.GATEWAY, "unknown"),
    "bare_500": (UNKNOWN, Reason.GATEWAY, "unknown"),
    "json_500_no_code": (UNKNOWN, Reason.GATEWAY, "unknown"),
    "chunked_cut": (UNKNOWN, Reason.NO_ANSWER, "unknown"),
    "length_cut": (UNKNOWN, Reason.NO_ANSWER, "unknown"),
    "slow": (UNKNOWN, Reason.NO_ANSWER, "unknown"),
    "drop": (UNKNOWN, Reason.NO_ANSWER, "unknown"),
    "redirect_302": (UNKNOWN, Reason.REDIRECT, "unknown"),
    # Nothing readable came back: whoever sent it, nothing says whether the registry booked.
    "broken_gzip": (UNKNOWN, Reason.UNREADABLE, "unknown"),
    "gzip_bomb": (UNKNOWN, Reason.TOO_LARGE, "unknown"),
    "oversized": (UNKNOWN, Reason.TOO_LARGE, "unknown"),
}


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode("ascii")


def fake_jwt(sub: str = "card-7700123456") -> str:
    """A JWT-shaped token (unsigned): the patient is its ``sub``."""
    exp = int((datetime.now(UTC) + timedelta(hours=8)).timestamp())
    return ".".join(
        (
            _b64({"alg": "HS256", "typ": "JWT"}),
            _b64({"sub": sub, "exp": exp}),
            "c2lnbmF0dXJlLW5vdC1jaGVja2Vk",
        )
    )


TOKEN = fake_jwt()


def booking(token: str = TOKEN) -> BookingRequest:
    return BookingRequest(
        lpu_guid=MAIN_CLINIC,
        resource_guid=THERAPIST,
        day=DAY,
        at=None,
        token=token,
        patient_key=patient_key_from_token("".join(token.split())),
        patient_label="Петров П. П.",
        clinic_name="ГП № 7",
        resource_name=THERAPIST_FIO,
    )


def use(server: HostileServer, scenario: str) -> None:
    """Set the scenario; the gzip bomb is built (once) before the client's clock runs."""
    if scenario == "gzip_bomb":
        gzip_bomb()
    server.scenario = scenario


def client_for(server: HostileServer) -> RegistryClient:
    return RegistryClient(
        server.base_url,
        settings=ClientSettings(read_timeout=READ_TIMEOUT),
        trust_env=False,
        today=lambda: TODAY,
    )


@dataclass
class Confirm:
    """A ``confirm_rebook`` that records each call and answers ``answer``."""

    answer: bool
    calls: list[list[EarlierAttempt]] = field(default_factory=list)

    async def __call__(self, earlier: list[EarlierAttempt]) -> bool:
        self.calls.append(earlier)
        return self.answer


class Desk:
    """One desk's booking flow over the hostile server: client, journal, service."""

    def __init__(
        self, server: HostileServer, path: Path, journal_type: type[ShiftJournal] = ShiftJournal
    ) -> None:
        self.server = server
        self.client = client_for(server)
        self.journal = journal_type(path)
        self.service = BookingService(
            self.client, self.journal, training=False, today=lambda: TODAY
        )

    async def aclose(self) -> None:
        await self.client.aclose()
        self.journal.close()


@pytest_asyncio.fixture
async def desk(hostile: HostileServer, tmp_path: Path):
    d = Desk(hostile, tmp_path / "journal.sqlite3")
    try:
        yield d
    finally:
        await d.aclose()


# -- the ticket fields each booked scenario must keep ----------------------------------------------


def _check_ticket(scenario: str, ticket: TicketVisitWithLpu) -> None:
    assert ticket.num == "Т-042"
    assert ticket.ticket_guid == "e1d2c3b4-a5f6-4789-9abc-def012345678"
    assert ticket.doc_fio == THERAPIST_FIO
    assert ticket.lpu is not None and ticket.lpu.guid == MAIN_CLINIC
    begin = ticket.begin_time
    assert begin is not None and begin.utcoffset() == timedelta(hours=3)
    if scenario == "mixed_offsets":
        assert begin == datetime.combine(DAY, datetime.min.time(), MSK).replace(hour=8)
        # The naive end takes the begin's offset: 08:12 on the clinic's clock, not UTC.
        assert ticket.end_time == begin.replace(minute=12)
        assert ticket.end_time is not None and ticket.end_time.utcoffset() == timedelta(hours=3)
        return
    assert begin == datetime.combine(DAY, datetime.min.time(), MSK).replace(hour=10)
    if scenario == "busy_text":
        assert ticket.busy_type is not None
        assert (ticket.busy_type.code, ticket.busy_type.name, ticket.busy_type.type) == (
            "ПП",
            "Первичный прием",
            1,
        )
        assert ticket.busy_type.describe() == "Первичный прием"
    elif scenario == "net_date":
        moment = ticket.date_of_appointment
        assert moment == datetime.fromtimestamp(1_700_000_000, UTC)
        assert moment is not None and moment.utcoffset() == timedelta(hours=3)
    elif scenario == "zero_date":
        assert ticket.end_time is None  # .NET's DateTime.MinValue is "no date"
    elif scenario == "text_number":
        assert ticket.flat is None  # "второй" is not a number: dropped, the ticket kept
        assert ticket.room == "214"
        assert ticket.lpu.status is not None and ticket.lpu.status.ping is None
        assert ticket.lpu.status.is_online is True
    else:
        assert ticket.end_time == begin.replace(minute=15)
        assert (ticket.room, ticket.flat) == ("214", 2)


# -- every scenario --------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", list(EXPECTED))
async def test_scenario_outcome_journal_and_one_post(
    scenario: str, hostile: HostileServer, desk: Desk
) -> None:
    kind, reason, status = EXPECTED[scenario]
    use(hostile, scenario)
    outcome = await desk.service.book(booking())

    assert (outcome.kind, outcome.reason) == (kind, reason), outcome.detail
    assert hostile.posts == 1
    assert outcome.journal_saved
    assert TOKEN not in outcome.detail
    row = desk.journal.get(outcome.attempt_id)
    assert row is not None and row.status == status
    if kind is BOOKED:
        assert outcome.ticket is not None
        _check_ticket(scenario, outcome.ticket)
        assert row.ticket_num == outcome.ticket.num
        assert row.ticket == outcome.ticket
    else:
        assert outcome.ticket is None
    if scenario == "error_in_200":
        assert (outcome.status, outcome.message_code, outcome.server_message) == (
            200,
            "4009",
            "Время занято",
        )
        assert (row.error_code, row.error_message) == ("4009", "Время занято")
    if scenario == "json_503_5030":
        assert (outcome.status, outcome.message_code, outcome.server_message) == (
            503,
            "5030",
            "ЛПУ не в сети",
        )
        assert (row.error_status, row.error_code) == (503, "5030")


@pytest.mark.parametrize(
    "scenario", [s for s, (k, _, _) in EXPECTED.items() if k in (UNKNOWN, UNREADABLE)]
)
async def test_second_booking_after_a_may_exist_outcome_asks_first(
    scenario: str, hostile: HostileServer, desk: Desk
) -> None:
    use(hostile, scenario)
    first = await desk.service.book(booking())
    assert first.may_exist and hostile.posts == 1

    hostile.scenario = "ok"
    declined = Confirm(answer=False)
    second = await desk.service.book(booking(), confirm_rebook=declined)
    assert (second.kind, second.reason) == (NOT_SENT, Reason.DECLINED)
    assert hostile.posts == 1
    assert [a.attempt_id for a in declined.calls[0]] == [first.attempt_id]
    assert desk.journal.get(first.attempt_id).status == "unknown"

    confirmed = Confirm(answer=True)
    third = await desk.service.book(booking(), confirm_rebook=confirmed)
    assert len(confirmed.calls) == 1
    assert (third.kind, third.reason) == (BOOKED, Reason.OK)
    assert hostile.posts == 2
    # The operator checked the earlier attempt before booking again: it is resolved.
    assert desk.journal.get(first.attempt_id).status == "resolved"
    assert desk.journal.get(third.attempt_id).status == "booked"


@pytest.mark.parametrize(
    "scenario", [s for s, (k, _, _) in EXPECTED.items() if k in (BOOKED, REFUSED)]
)
async def test_second_booking_after_a_clear_outcome_is_not_questioned(
    scenario: str, hostile: HostileServer, desk: Desk
) -> None:
    use(hostile, scenario)
    first = await desk.service.book(booking())
    assert first.kind in (BOOKED, REFUSED), first.detail
    confirm = Confirm(answer=False)
    second = await desk.service.book(booking(), confirm_rebook=confirm)
    assert confirm.calls == []
    assert second.kind is first.kind
    assert hostile.posts == 2


async def test_without_confirm_a_rebook_after_unknown_is_not_sent(
    hostile: HostileServer, desk: Desk
) -> None:
    hostile.scenario = "html_502"
    await desk.service.book(booking())
    again = await desk.service.book(booking())
    assert (again.kind, again.reason) == (NOT_SENT, Reason.DECLINED)
    assert hostile.posts == 1


# -- the gzip bomb's cost ------------------------------------------------------------------------


async def test_gzip_bomb_is_stopped_at_the_cap_cheaply(hostile: HostileServer, desk: Desk) -> None:
    gzip_bomb()  # built once per session, outside the measurement
    hostile.scenario = "gzip_bomb"
    tracemalloc.start()
    try:
        outcome = await desk.service.book(booking())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (outcome.kind, outcome.reason) == (UNKNOWN, Reason.TOO_LARGE)
    assert hostile.posts == 1
    assert peak < 50 * 1024 * 1024, f"peak {peak / 2**20:.1f} MB"


# -- a journal that cannot write the ticket ------------------------------------------------------


class DiskFullJournal(ShiftJournal):
    """``record_success`` fails as SQLite does on a full disk, until ``full`` is cleared."""

    full = True

    def record_success(self, attempt_id: int, ticket: TicketVisitWithLpu) -> None:
        if self.full:
            raise sqlite3.OperationalError("database or disk is full")
        super().record_success(attempt_id, ticket)


async def test_disk_full_journal_keeps_the_ticket_and_the_warning(
    hostile: HostileServer, tmp_path: Path
) -> None:
    desk = Desk(hostile, tmp_path / "journal.sqlite3", journal_type=DiskFullJournal)
    try:
        outcome = await desk.service.book(booking())
        assert (outcome.kind, outcome.reason) == (BOOKED, Reason.OK)
        assert outcome.journal_saved is False
        assert outcome.ticket is not None and outcome.ticket.num == "Т-042"
        assert desk.service.unsaved_count == 1
        assert desk.journal.get(outcome.attempt_id).status == "sent"
        assert hostile.posts == 1

        # The journal does not know the patient is booked: the next booking asks first.
        confirm = Confirm(answer=False)
        again = await desk.service.book(booking(), confirm_rebook=confirm)
        assert len(confirm.calls) == 1
        assert [a.attempt_id for a in confirm.calls[0]] == [outcome.attempt_id]
        assert (again.kind, again.reason) == (NOT_SENT, Reason.DECLINED)
        assert hostile.posts == 1
        assert desk.service.unsaved_count == 1  # retried before that booking, still full

        desk.journal.full = False
        assert desk.service.retry_unsaved() == 0
        row = desk.journal.get(outcome.attempt_id)
        assert row.status == "booked"
        assert row.ticket == outcome.ticket

        # Written now: the patient is booked, nothing left to check.
        confirm = Confirm(answer=False)
        third = await desk.service.book(booking(), confirm_rebook=confirm)
        assert confirm.calls == []
        assert third.kind is BOOKED and third.journal_saved
        assert hostile.posts == 2
    finally:
        await desk.aclose()


class LockedJournal(ShiftJournal):
    """The attempt itself cannot be written (another program holds the file)."""

    def record_attempt(self, **kwargs):  # type: ignore[override]
        raise sqlite3.OperationalError("database is locked")


async def test_journal_that_cannot_record_the_attempt_sends_nothing(
    hostile: HostileServer, tmp_path: Path
) -> None:
    desk = Desk(hostile, tmp_path / "journal.sqlite3", journal_type=LockedJournal)
    try:
        outcome = await desk.service.book(booking())
        assert (outcome.kind, outcome.reason) == (NOT_SENT, Reason.JOURNAL)
        assert hostile.posts == 0
    finally:
        await desk.aclose()


# -- tokens --------------------------------------------------------------------------------------


async def test_token_broken_across_lines_is_joined_and_books(
    hostile: HostileServer, desk: Desk
) -> None:
    pasted = f"{TOKEN[:25]}\r\n{TOKEN[25:60]}\n  {TOKEN[60:]}\n"
    outcome = await desk.service.book(booking(pasted))
    assert (outcome.kind, outcome.reason) == (BOOKED, Reason.OK)
    assert hostile.posts == 1
    assert hostile.auth == [f"Bearer {TOKEN}"]


@pytest.mark.parametrize(
    "bad", ["а", "\x00", "\x07", "\x7f", "é"], ids=["cyrillic", "nul", "bell", "del", "latin1"]
)
async def test_unsendable_token_sends_nothing_and_journals_nothing(
    bad: str, hostile: HostileServer, desk: Desk
) -> None:
    token = TOKEN[:30] + bad + TOKEN[30:]
    outcome = await desk.service.book(booking(token))
    assert (outcome.kind, outcome.reason) == (NOT_SENT, Reason.TOKEN_UNSENDABLE)
    assert outcome.field == "token"
    assert outcome.attempt_id is None
    assert hostile.posts == 0 and hostile.requests == 0
    assert desk.journal.entries() == []
    assert token not in outcome.detail


# -- the server itself ---------------------------------------------------------------------------


async def test_slow_handler_is_released_and_answers_nothing(
    hostile: HostileServer, desk: Desk
) -> None:
    """The client gives up at its read timeout; nothing in the test sleeps."""
    hostile.scenario = "slow"
    started = time.perf_counter()
    outcome = await desk.service.book(booking())
    assert outcome.reason is Reason.NO_ANSWER
    assert READ_TIMEOUT <= time.perf_counter() - started < READ_TIMEOUT + 3


async def test_directory_is_served(hostile: HostileServer, desk: Desk) -> None:
    clinics = await desk.client.list_clinics()
    assert [c.guid for c in clinics] == [MAIN_CLINIC, clinics[1].guid]
    doctors = await desk.client.list_resources(MAIN_CLINIC)
    assert doctors[0].guid == THERAPIST and doctors[0].fio == THERAPIST_FIO
    assert hostile.posts == 0 and hostile.requests == 2


async def test_in_flight_booking_refuses_a_second_one(hostile: HostileServer, desk: Desk) -> None:
    hostile.scenario = "slow"
    first = asyncio.ensure_future(desk.service.book(booking()))
    await wait_until(lambda: hostile.posts == 1, what="the POST on the wire")
    second = await desk.service.book(replace(booking(), resource_guid=THERAPIST.upper()))
    assert (second.kind, second.reason) == (NOT_SENT, Reason.BUSY)
    hostile.release.set()
    assert (await first).kind is UNKNOWN
    assert hostile.posts == 1


# -- answers beyond the list: the same rules must hold --------------------------------------------


def _answer(status: int, body: bytes, content_type: str = "application/json"):
    def scenario(h) -> None:
        h.send(status, body, content_type=content_type)

    return scenario


@pytest.mark.parametrize(
    "body",
    [
        b'{"message":"An error has occurred."}',
        b'{"code":200,"message":"OK"}',
        b'{"Message":"\xd0\x97\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x81\xd1\x8c \xd1\x81\xd0\xbe\xd0\xb7'
        b'\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xb0"}',
    ],
    ids=["aspnet_message", "code_200_ok", "message_created"],
)
async def test_2xx_message_without_refusal_code_is_not_a_refusal(
    body: bytes, hostile: HostileServer, desk: Desk
) -> None:
    """A 200 whose body only *talks* (no 4xxx/5xxx code, no 4xx/5xx ``code``) is not a clean
    refusal: the server said yes, so the booking may exist and the next one must ask."""
    hostile.scenario = _answer(200, body)
    outcome = await desk.service.book(booking())
    assert outcome.kind is not REFUSED, outcome.detail
    assert outcome.may_exist
    confirm = Confirm(answer=False)
    await desk.service.book(booking(), confirm_rebook=confirm)
    assert len(confirm.calls) == 1
    assert hostile.posts == 1


@pytest.mark.parametrize("body", [b"[]", b"true", b'"OK"', b"null"])
async def test_2xx_json_that_is_not_an_object_is_booked_unreadable(
    body: bytes, hostile: HostileServer, desk: Desk
) -> None:
    """The rule: a 2xx whose ticket cannot be read is BOOKED_UNREADABLE, whatever the JSON."""
    hostile.scenario = _answer(200, body)
    outcome = await desk.service.book(booking())
    assert (outcome.kind, outcome.status) == (UNREADABLE, 200), outcome.detail
    assert hostile.posts == 1


@pytest.mark.parametrize(
    ("status", "body", "content_type", "kind", "reason"),
    [
        # Not JSON at all (a proxy's login page, an empty 204): unknown, not "probably booked".
        (200, b"<html><body>Login</body></html>", "text/html", UNKNOWN, Reason.UNREADABLE),
        (204, b"", "application/json", UNKNOWN, Reason.UNREADABLE),
        (200, b'{"result": true}', "application/json", UNREADABLE, Reason.UNREADABLE),
        (401, b"<html>401 Authorization Required</html>", "text/html", REFUSED, Reason.CREDENTIALS),
        (429, b"", "text/plain", REFUSED, Reason.REQUEST),
        (
            500,
            b'{"code":500,"message":"\xd0\x92\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f \xd0\xb7\xd0\xb0'
            b'\xd0\xbd\xd1\x8f\xd1\x82\xd0\xbe","message_code":"4009"}',
            "application/json",
            REFUSED,
            Reason.VALIDATION,
        ),
    ],
    ids=[
        "html_login_200",
        "no_content_204",
        "no_ticket_200",
        "html_401",
        "bare_429",
        "code_4009_in_500",
    ],
)
async def test_more_answers(
    status: int,
    body: bytes,
    content_type: str,
    kind: OutcomeKind,
    reason: Reason,
    hostile: HostileServer,
    desk: Desk,
) -> None:
    hostile.scenario = _answer(status, body, content_type)
    outcome = await desk.service.book(booking())
    assert (outcome.kind, outcome.reason) == (kind, reason), outcome.detail
    assert hostile.posts == 1


def _drip(h) -> None:
    """Headers, then one byte of a never-ending body at a time, each within the read timeout."""
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    h._write(b"{")
    while not h.hostile.release.wait(READ_TIMEOUT / 5):
        try:
            h.wfile.write(b" ")
            h.wfile.flush()
        except OSError:
            return
    h.cut()


async def test_a_server_that_drips_its_answer_is_stopped_by_the_overall_deadline(
    hostile: HostileServer, tmp_path: Path
) -> None:
    """The read timeout restarts with every byte; the overall deadline does not."""
    settings = ClientSettings(connect_timeout=0.5, read_timeout=READ_TIMEOUT)
    assert settings.total_deadline() == 0.5 + 2 * READ_TIMEOUT
    hostile.scenario = _drip
    async with RegistryClient(
        hostile.base_url, settings=settings, trust_env=False, today=lambda: TODAY
    ) as client:
        with ShiftJournal(tmp_path / "journal.sqlite3") as journal:
            service = BookingService(client, journal, training=False)
            outcome = await service.book(booking())
    assert (outcome.kind, outcome.reason) == (UNKNOWN, Reason.NO_ANSWER)
    assert hostile.posts == 1
