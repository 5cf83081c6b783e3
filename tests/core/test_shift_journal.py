"""The shift journal: outcomes, unknown outcomes, search, retention, durability, privacy."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from desktop_app.api import TicketVisitWithLpu, parse_ticket
from desktop_app.journal import (
    JournalCorruptError,
    JournalEntry,
    JournalTooNewError,
    ShiftJournal,
    patient_key_from_token,
)
from desktop_app.journal.shift_journal import (
    _SCHEMA_V1,
    INTERRUPTED_DETAIL,
    SCHEMA_VERSION,
    JournalError,
)

MSK = timezone(timedelta(hours=3), "MSK")
LPU = "8E8F2A3C-1111-4A5B-9C9D-0123456789AB"
RES = "5b1d3f00-2222-4c3d-8e8f-abcdefabcdef"
TICKET_JSON = """{
  "ticketGuid": "0f0e0d0c-3333-4b4b-8c8c-111122223333", "num": "Т-017",
  "docFio": "Иванов Иван Иванович", "speciality": "Терапия", "room": "214", "flat": 2,
  "beginTime": "2025-03-10T09:15:00+03:00", "endTime": "2025-03-10T09:30:00+03:00",
  "busyType": {"code": 4, "name": "Вне расписания"},
  "lpu": {"guid": "8e8f2a3c-1111-4a5b-9c9d-0123456789ab", "name": "ГП № 3",
          "status": {"name": "Online", "ping": 9}}
}"""


class Clock:
    """A settable clock in the clinic's time zone."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 3, 10, 8, 30, tzinfo=MSK))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "shift-journal.sqlite3"


@pytest.fixture
def journal(db_path: Path, clock: Clock) -> Iterator[ShiftJournal]:
    with ShiftJournal(db_path, clock=clock) as j:
        yield j


@pytest.fixture
def ticket() -> TicketVisitWithLpu:
    return parse_ticket(TICKET_JSON.encode())


@pytest.fixture
def attempt(journal: ShiftJournal, jwt_token: str) -> Callable[..., int]:
    def make(**overrides: object) -> int:
        fields: dict[str, object] = {
            "lpu_guid": LPU,
            "resource_guid": RES,
            "day": date(2025, 3, 10),
            "at": time(9, 15),
            "patient_key": patient_key_from_token(jwt_token),
            "patient_label": "Смирнова А. А.",
            "clinic_name": "ГП № 3",
            "resource_name": "Иванов И. И., терапевт",
            "training": False,
        }
        fields.update(overrides)
        return journal.record_attempt(**fields)  # type: ignore[arg-type]

    return make


def test_attempt_then_success(
    journal: ShiftJournal, attempt: Callable[..., int], ticket: TicketVisitWithLpu
) -> None:
    attempt_id = attempt()
    sent = journal.get(attempt_id)
    assert sent is not None and sent.status == "sent" and sent.ticket is None
    assert sent.lpu_guid == LPU.lower()  # GUIDs normalised for matching
    assert sent.created_at == datetime(2025, 3, 10, 8, 30, tzinfo=MSK)
    journal.record_success(attempt_id, ticket)
    entry = journal.entries()[0]
    assert isinstance(entry, JournalEntry)
    assert entry.id == attempt_id and entry.status == "booked"
    assert entry.ticket == ticket  # parsed back in full, for reprinting
    assert entry.ticket_num == "Т-017"
    assert entry.ticket_guid == "0f0e0d0c-3333-4b4b-8c8c-111122223333"
    assert entry.begin_time == datetime(2025, 3, 10, 9, 15, tzinfo=MSK)
    assert (entry.day, entry.at) == (date(2025, 3, 10), time(9, 15))
    assert entry.print_count == 0
    with pytest.raises(AttributeError):
        entry.status = "failed"  # type: ignore[misc]  # frozen


def test_failure(journal: ShiftJournal, attempt: Callable[..., int]) -> None:
    attempt_id = attempt(at=None)
    journal.record_failure(
        attempt_id,
        kind="BookingRejected",
        status=400,
        message_code="4009",
        message="Это время уже занято. Выберите другое свободное время приема.",
    )
    entry = journal.get(attempt_id)
    assert entry is not None and entry.status == "failed" and entry.at is None
    assert (entry.error_kind, entry.error_status, entry.error_code) == (
        "BookingRejected",
        400,
        "4009",
    )
    assert entry.error_message is not None and entry.error_message.startswith("Это время")


def test_unknown_find_and_resolve(
    journal: ShiftJournal, attempt: Callable[..., int], clock: Clock, jwt_token: str
) -> None:
    key = patient_key_from_token(jwt_token)
    day = date(2025, 3, 10)
    assert journal.find_open_unknown(key, RES, day) is None
    first = attempt()
    journal.record_unknown(first, "ReadTimeout after sending")
    clock.advance(minutes=1)
    second = attempt()
    journal.record_unknown(second, "connection dropped")
    clock.advance(minutes=1)
    failed = attempt()
    journal.record_failure(
        failed, kind="NetworkError", status=None, message_code=None, message=None
    )

    found = journal.find_open_unknown(key, RES.upper(), day)
    assert found is not None and found.id == second and found.is_open_unknown
    assert found.unknown_detail == "connection dropped"
    # Another patient, resource or day does not match.
    assert journal.find_open_unknown("0" * 64, RES, day) is None
    assert journal.find_open_unknown(key, "other-resource", day) is None
    assert journal.find_open_unknown(key, RES, day + timedelta(days=1)) is None

    journal.resolve_unknown(second, "Позвонили в регистратуру: запись есть, талон Т-016")
    resolved = journal.get(second)
    assert resolved is not None and resolved.status == "resolved"
    assert resolved.resolution_note is not None and "Т-016" in resolved.resolution_note
    assert resolved.resolved_at == clock.now
    again = journal.find_open_unknown(key, RES, day)
    assert again is not None and again.id == first
    journal.resolve_unknown(first, "записи нет")
    assert journal.find_open_unknown(key, RES, day) is None
    with pytest.raises(ValueError):
        journal.resolve_unknown(failed, "not an unknown outcome")
    with pytest.raises(KeyError):
        journal.resolve_unknown(9999, "no such entry")


def test_mark_printed_counts(
    journal: ShiftJournal, attempt: Callable[..., int], ticket: TicketVisitWithLpu
) -> None:
    attempt_id = attempt()
    journal.record_success(attempt_id, ticket)
    assert [journal.mark_printed(attempt_id) for _ in range(3)] == [1, 2, 3]
    entry = journal.get(attempt_id)
    assert entry is not None and entry.print_count == 3 and entry.last_printed_at is not None
    with pytest.raises(KeyError):
        journal.mark_printed(424242)


def test_unknown_ids_are_errors(journal: ShiftJournal, ticket: TicketVisitWithLpu) -> None:
    assert journal.get(1) is None
    with pytest.raises(KeyError):
        journal.record_success(1, ticket)
    with pytest.raises(KeyError):
        journal.record_unknown(1, "x")


def test_search_is_case_insensitive_for_cyrillic(
    journal: ShiftJournal,
    attempt: Callable[..., int],
    ticket: TicketVisitWithLpu,
    clock: Clock,
) -> None:
    smirnova = attempt(patient_label="Смирнова А. А.")
    journal.record_success(smirnova, ticket)
    clock.advance(minutes=5)
    attempt(
        patient_label="Петров П. П.",
        clinic_name="Детская поликлиника № 1",
        resource_name="ЛОР-кабинет",
    )
    clock.advance(minutes=5)
    attempt(patient_label="Семёнова Ё. Ё.")

    def ids(text: str) -> list[int]:
        return [e.id for e in journal.entries(search=text)]

    assert ids("смирнова") == [smirnova]
    assert ids("СМИРНОВА") == [smirnova]
    assert ids("т-017") == [smirnova]  # ticket number, Cyrillic Т in another case
    assert ids("0F0E0D0C") == [smirnova]  # ticket GUID
    assert len(ids("детская")) == 1 and len(ids("лор-КАБИНЕТ")) == 1
    assert len(ids("семенова")) == 1  # ё typed as е
    assert len(ids("ГП № 3")) == 2  # clinic name
    assert ids("нет такого") == []
    assert len(journal.entries(search="   ")) == 3  # blank search = everything
    assert [e.patient_label for e in journal.entries(limit=2)] == [
        "Семёнова Ё. Ё.",
        "Петров П. П.",  # newest first
    ]


def test_entries_since_and_shift(
    journal: ShiftJournal, attempt: Callable[..., int], clock: Clock
) -> None:
    clock.now = datetime(2025, 3, 9, 19, 0, tzinfo=MSK)  # yesterday evening
    yesterday = attempt(training=True)
    clock.now = datetime(2025, 3, 10, 0, 5, tzinfo=MSK)  # just after midnight
    today = attempt()
    clock.now = datetime(2025, 3, 10, 12, 0, tzinfo=MSK)
    assert [e.id for e in journal.shift_entries()] == [today]
    assert [e.id for e in journal.entries()] == [today, yesterday]
    assert [e.id for e in journal.entries(since=datetime(2025, 3, 9, 18, 0, tzinfo=MSK))] == [
        today,
        yesterday,
    ]
    # The same instant in UTC selects the same entries.
    assert [e.id for e in journal.entries(since=datetime(2025, 3, 9, 21, 1, tzinfo=UTC))] == [today]
    assert [e.id for e in journal.entries(training=True)] == [yesterday]
    assert [e.id for e in journal.entries(training=False)] == [today]


def test_purge_by_retention(db_path: Path, clock: Clock, jwt_token: str) -> None:
    key = patient_key_from_token(jwt_token)
    with ShiftJournal(db_path, retention_days=30, clock=clock) as journal:
        common = {
            "lpu_guid": LPU,
            "resource_guid": RES,
            "day": date(2025, 3, 10),
            "at": None,
            "patient_key": key,
            "patient_label": None,
            "clinic_name": None,
            "resource_name": None,
            "training": False,
        }
        old = journal.record_attempt(**common)  # type: ignore[arg-type]
        clock.advance(days=10)
        recent = journal.record_attempt(**common)  # type: ignore[arg-type]
        assert journal.purge(clock.now + timedelta(days=25)) == 1
        assert journal.get(old) is None and journal.get(recent) is not None
        assert journal.purge() == 0
    clock.advance(days=31)
    with ShiftJournal(db_path, retention_days=30, clock=clock) as journal:  # purges on open
        assert journal.entries() == []


def test_survives_reopen(
    db_path: Path,
    clock: Clock,
    attempt: Callable[..., int],
    journal: ShiftJournal,
    ticket: TicketVisitWithLpu,
) -> None:
    booked = attempt()
    journal.record_success(booked, ticket)
    journal.mark_printed(booked)
    journal.close()
    with ShiftJournal(db_path, clock=clock) as reopened:
        entry = reopened.get(booked)
        assert entry is not None and entry.status == "booked" and entry.print_count == 1
        assert entry.ticket == ticket


def test_crash_after_sending_becomes_unknown(db_path: Path, clock: Clock, jwt_token: str) -> None:
    """A process killed mid-request leaves "sent"; the next start must not forget it."""
    key = patient_key_from_token(jwt_token)
    first = ShiftJournal(db_path, clock=clock)
    attempt_id = first.record_attempt(
        lpu_guid=LPU,
        resource_guid=RES,
        day=date(2025, 3, 10),
        at=None,
        patient_key=key,
        patient_label="Смирнова А. А.",
        clinic_name=None,
        resource_name=None,
        training=False,
    )
    # Simulate a hard kill: read the file from another connection without closing cleanly.
    raw = sqlite3.connect(db_path)
    assert raw.execute("SELECT status FROM attempts").fetchone() == ("sent",)  # committed
    raw.close()
    second = ShiftJournal(db_path, clock=clock)
    entry = second.find_open_unknown(key, RES, date(2025, 3, 10))
    assert entry is not None and entry.id == attempt_id
    assert entry.unknown_detail == INTERRUPTED_DETAIL
    second.close()
    first.close()


def test_pragmas_and_schema_version(journal: ShiftJournal, db_path: Path) -> None:
    conn = journal._conn  # white-box: durability settings are the point of this class
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_filled_fields_are_recorded_as_a_union(
    journal: ShiftJournal,
    attempt: Callable[..., int],
    ticket: TicketVisitWithLpu,
    db_path: Path,
    clock: Clock,
) -> None:
    booked = attempt()
    journal.record_success(booked, ticket)
    other = attempt()
    assert journal.get(booked).filled_fields == frozenset()  # type: ignore[union-attr]
    assert journal.record_filled(booked, ["day", "time_range", "doctor"]) == {
        "day",
        "time_range",
        "doctor",
    }
    assert journal.record_filled(booked, ("doctor", "room")) == {
        "day",
        "time_range",
        "doctor",
        "room",
    }
    assert journal.record_filled(booked, ["room", "day"]) == {"day", "time_range", "doctor", "room"}
    assert journal.record_filled(booked, []) == {"day", "time_range", "doctor", "room"}
    entry = journal.get(booked)
    assert entry is not None and entry.filled_fields == {"day", "time_range", "doctor", "room"}
    assert entry.status == "booked" and entry.ticket == ticket  # nothing else touched
    assert journal.get(other).filled_fields == frozenset()  # type: ignore[union-attr]
    assert [e.filled_fields for e in journal.entries() if e.id == booked] == [entry.filled_fields]
    journal.close()
    with ShiftJournal(db_path, clock=clock) as reopened:
        again = reopened.get(booked)
        assert again is not None and again.filled_fields == entry.filled_fields


def test_record_filled_refuses_unknown_rows_and_odd_names(
    journal: ShiftJournal, attempt: Callable[..., int]
) -> None:
    with pytest.raises(KeyError):
        journal.record_filled(9999, ["day"])
    attempt_id = attempt()
    for bad in ("day,room", "Дата", "day; DROP TABLE attempts"):
        with pytest.raises(ValueError):
            journal.record_filled(attempt_id, [bad])
    assert journal.get(attempt_id).filled_fields == frozenset()  # type: ignore[union-attr]


def _version_1_file(path: Path, ticket: TicketVisitWithLpu, key: str) -> None:
    """A journal as the previous program version left it: schema 1, one printed booking."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(path)
    for statement in _SCHEMA_V1:
        raw.execute(statement)
    moment = datetime(2025, 3, 10, 8, 0, tzinfo=MSK)
    raw.execute(
        "INSERT INTO attempts (created_at, created_ts, updated_at, status, training, lpu_guid, "
        "resource_guid, day, at, patient_key, patient_label, clinic_name, resource_name, "
        "ticket_json, ticket_num, ticket_guid, print_count, last_printed_at) "
        "VALUES (?, ?, ?, 'booked', 0, ?, ?, '2025-03-10', '09:15:00', ?, 'Смирнова А. А.', "
        "'ГП № 3', 'Иванов И. И.', ?, ?, ?, 1, ?)",
        (
            moment.isoformat(),
            moment.timestamp(),
            moment.isoformat(),
            LPU.lower(),
            RES,
            key,
            ticket.model_dump_json(),
            ticket.num,
            ticket.ticket_guid,
            moment.isoformat(),
        ),
    )
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()


def test_a_version_1_journal_is_migrated_and_keeps_its_entries(
    db_path: Path, clock: Clock, ticket: TicketVisitWithLpu, jwt_token: str
) -> None:
    _version_1_file(db_path, ticket, patient_key_from_token(jwt_token))
    journal, notice = ShiftJournal.open_with_recovery(db_path, clock=clock)
    with journal:
        assert notice is None  # migrated, not moved aside
        assert journal._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [entry] = journal.entries()
        assert entry.status == "booked" and entry.ticket == ticket and entry.print_count == 1
        assert entry.filled_fields == frozenset()  # old rows: nothing known to be filled
        journal.record_filled(entry.id, ["day", "doctor"])
        assert journal.mark_printed(entry.id) == 2
    with ShiftJournal(db_path, clock=clock) as again:  # opening a migrated file: no-op
        entry = again.get(entry.id)
        assert entry is not None and entry.filled_fields == {"day", "doctor"}
        assert entry.print_count == 2


def test_newer_schema_is_refused_untouched(db_path: Path) -> None:
    ShiftJournal(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA user_version = 99")
    raw.commit()
    raw.close()
    with pytest.raises(JournalTooNewError) as info:
        ShiftJournal(db_path)
    assert "новой версией" in info.value.message
    with pytest.raises(JournalTooNewError):
        ShiftJournal.open_with_recovery(db_path)
    assert db_path.exists()


def test_corrupt_file(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(JournalCorruptError):
        ShiftJournal(db_path)
    journal, message = ShiftJournal.open_with_recovery(db_path)
    with journal:
        assert journal.entries() == []
    assert message is not None and "повреждён" in message
    moved = [p for p in db_path.parent.iterdir() if ".broken-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not")


def test_unopenable_path_is_a_journal_error(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(JournalError):
        ShiftJournal(folder)


def test_token_never_stored(
    db_path: Path, clock: Clock, jwt_token: str, ticket: TicketVisitWithLpu
) -> None:
    with ShiftJournal(db_path, clock=clock) as journal:
        with pytest.raises(ValueError):  # the token itself is refused as a key
            journal.record_attempt(
                lpu_guid=LPU,
                resource_guid=RES,
                day=date(2025, 3, 10),
                at=None,
                patient_key=jwt_token,
                patient_label=None,
                clinic_name=None,
                resource_name=None,
                training=False,
            )
        attempt_id = journal.record_attempt(
            lpu_guid=LPU,
            resource_guid=RES,
            day=date(2025, 3, 10),
            at=None,
            patient_key=patient_key_from_token(jwt_token),
            patient_label="Смирнова А. А.",
            clinic_name=None,
            resource_name=None,
            training=False,
        )
        # Even a careless caller passing the token inside free text does not store it.
        journal.record_unknown(attempt_id, f"timeout; request had Bearer {jwt_token}")
        journal.record_success(attempt_id, ticket)
        raw_while_open = b"".join(
            p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)
        )
    raw_after = db_path.read_bytes()
    for raw in (raw_while_open, raw_after):
        assert jwt_token.encode() not in raw
        for part in jwt_token.split("."):
            assert part.encode() not in raw
    assert "Смирнова".encode() in raw_after  # sanity: the file really holds the entry
