"""Journal schema 3: the v2 -> v3 rebuild, cancellations, the appointment day, duplicates."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from desktop_app.api import TicketVisitWithLpu, parse_ticket
from desktop_app.journal import JournalError, ShiftJournal, patient_key_from_token
from desktop_app.journal import shift_journal as sj

MSK = timezone(timedelta(hours=3), "MSK")
LPU = "8e8f2a3c-1111-4a5b-9c9d-0123456789ab"
THERAPIST = "5b1d3f00-2222-4c3d-8e8f-abcdefabcdef"
SURGEON = "5b1d3f00-3333-4c3d-8e8f-abcdefabcdef"
TODAY = date(2025, 3, 10)
TOMORROW = TODAY + timedelta(days=1)


def make_ticket(
    *,
    num: str = "Т-017",
    guid: str = "0f0e0d0c-3333-4b4b-8c8c-111122223333",
    begin: datetime | None = datetime(2025, 3, 10, 9, 15, tzinfo=MSK),
    doctor: str = "Иванов Иван Иванович",
    speciality: str | None = "Терапия",
) -> TicketVisitWithLpu:
    body: dict[str, object] = {
        "ticketGuid": guid,
        "num": num,
        "docFio": doctor,
        "room": "214",
        "lpu": {"guid": LPU, "name": "ГП № 3"},
    }
    if speciality is not None:
        body["speciality"] = speciality
    if begin is not None:
        body["beginTime"] = begin.isoformat()
        body["endTime"] = (begin + timedelta(minutes=15)).isoformat()
    return parse_ticket(json.dumps(body, ensure_ascii=False).encode())


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 3, 10, 8, 30, tzinfo=MSK))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
def journal(db_path: Path, clock: Clock) -> Iterator[ShiftJournal]:
    with ShiftJournal(db_path, clock=clock) as j:
        yield j


@pytest.fixture
def key(jwt_token: str) -> str:
    return patient_key_from_token(jwt_token)


@pytest.fixture
def attempt(journal: ShiftJournal, key: str) -> Callable[..., int]:
    def make(**overrides: object) -> int:
        fields: dict[str, object] = {
            "lpu_guid": LPU,
            "resource_guid": THERAPIST,
            "day": TODAY,
            "at": None,
            "patient_key": key,
            "patient_label": "Лебедев А. П., д. р. 12.04.1985",
            "clinic_name": "ГП № 3",
            "resource_name": "Иванов И. И., терапевт",
            "training": False,
        }
        fields.update(overrides)
        return journal.record_attempt(**fields)  # type: ignore[arg-type]

    return make


# -- migration ---------------------------------------------------------------------------------

_V2_INSERT = (
    "INSERT INTO attempts (id, created_at, created_ts, updated_at, status, training, lpu_guid, "
    "resource_guid, day, at, patient_key, patient_label, clinic_name, resource_name, "
    "ticket_json, ticket_num, ticket_guid, begin_time, error_kind, unknown_detail, "
    "print_count, filled_fields) "
    "VALUES (?, ?, ?, ?, ?, 0, ?, ?, '2025-03-10', ?, ?, ?, 'ГП № 3', 'Иванов И. И.', ?, ?, ?, "
    "?, ?, ?, ?, ?)"
)


def _version_2_file(path: Path, key: str) -> dict[int, tuple[object, ...]]:
    """A journal exactly as the schema-2 program writes it: rows with gaps in their ids (a
    purged row), a booked+printed one, a failed one, an unknown one. Returns the rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(path)
    for statement in (*sj._SCHEMA_V1, *sj._SCHEMA_V2):
        raw.execute(statement)
    raw.execute("PRAGMA user_version = 2")
    ticket = make_ticket()
    moment = datetime(2025, 3, 10, 8, 0, tzinfo=MSK)
    rows: dict[int, tuple[object, ...]] = {
        3: ("booked", ticket.model_dump_json(), "Т-017", ticket.ticket_guid, None, None, 2, "day"),
        5: ("failed", None, None, None, "validation", None, 0, None),
        9: ("unknown", None, None, None, None, "no_answer: timeout", 0, None),
    }
    for row_id, (status, tj, num, guid, kind, detail, printed, filled) in rows.items():
        begin = ticket.begin_time.isoformat() if status == "booked" and ticket.begin_time else None
        raw.execute(
            _V2_INSERT,
            (
                row_id,
                moment.isoformat(),
                moment.timestamp(),
                moment.isoformat(),
                status,
                LPU,
                THERAPIST,
                "09:15:00",
                key,
                f"Пациент {row_id}",
                tj,
                num,
                guid,
                begin,
                kind,
                detail,
                printed,
                filled,
            ),
        )
    # A later row was purged: the AUTOINCREMENT counter is ahead of the highest id.
    raw.execute("UPDATE sqlite_sequence SET seq = 12 WHERE name = 'attempts'")
    raw.commit()
    raw.close()
    return rows


def test_a_version_2_journal_is_rebuilt_as_version_3_with_every_row(
    db_path: Path, clock: Clock, key: str
) -> None:
    _version_2_file(db_path, key)
    journal, notice = ShiftJournal.open_with_recovery(db_path, clock=clock)
    with journal:
        conn = journal._conn
        assert notice is None
        assert conn.execute("PRAGMA user_version").fetchone()[0] == sj.SCHEMA_VERSION == 3
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "attempts_new" not in names
        assert {"attempts_created", "attempts_patient", "attempts_day"} <= names
        columns = {r[1] for r in conn.execute("PRAGMA table_info(attempts)")}
        assert {"speciality", "cancel_state", "cancel_reason", "cancelled_at"} <= columns
        assert "cancel_error" in columns and "filled_fields" in columns
        entries = {e.id: e for e in journal.entries()}
        assert sorted(entries) == [3, 5, 9]  # ids kept
        booked, failed, unknown = entries[3], entries[5], entries[9]
        assert booked.status == "booked" and booked.ticket == make_ticket()
        assert booked.print_count == 2 and booked.filled_fields == {"day"}
        assert booked.patient_label == "Пациент 3" and booked.at == time(9, 15)
        assert failed.status == "failed" and failed.error_kind == "validation"
        assert unknown.status == "unknown" and unknown.unknown_detail == "no_answer: timeout"
        for entry in entries.values():
            assert entry.speciality is None and entry.cancel_state is None
            assert entry.cancelled_at is None and not entry.is_cancelled
        # The new CHECKs: 'cancelled' is a status now, and only known cancel states exist.
        journal.record_cancel_attempt(3, "1. Пациент передумал")
        journal.record_cancelled(3)
        assert journal.get(3).is_cancelled  # type: ignore[union-attr]
        with pytest.raises(sqlite3.IntegrityError):
            with conn:
                conn.execute("UPDATE attempts SET cancel_state = 'bogus' WHERE id = 5")
        with pytest.raises(sqlite3.IntegrityError):
            with conn:
                conn.execute("UPDATE attempts SET status = 'gone' WHERE id = 5")
        # The AUTOINCREMENT counter survived the rebuild: no purged id is handed out again.
        new_id = journal.record_attempt(
            lpu_guid=LPU,
            resource_guid=THERAPIST,
            day=TODAY,
            at=None,
            patient_key=key,
            patient_label=None,
            clinic_name=None,
            resource_name=None,
            training=False,
        )
        assert new_id == 13
    with ShiftJournal(db_path, clock=clock) as again:  # opening a v3 file changes nothing
        assert [e.id for e in again.entries()] == [13, 9, 5, 3]
        assert again.get(3).status == "cancelled"  # type: ignore[union-attr]


def test_a_failed_rebuild_leaves_the_version_2_file_as_it_was(
    db_path: Path, clock: Clock, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _version_2_file(db_path, key)
    broken = (*sj._SCHEMA_V3, "SELECT no_such_column FROM attempts")
    monkeypatch.setitem(sj._MIGRATIONS, 3, broken)
    with pytest.raises(JournalError):
        ShiftJournal(db_path, clock=clock)
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "attempts" in tables and "attempts_new" not in tables
        assert [r[0] for r in raw.execute("SELECT id FROM attempts ORDER BY id")] == [3, 5, 9]
    finally:
        raw.close()
    monkeypatch.setitem(sj._MIGRATIONS, 3, sj._SCHEMA_V3)
    with ShiftJournal(db_path, clock=clock) as journal:
        assert sorted(e.id for e in journal.entries()) == [3, 5, 9]


def test_a_version_1_journal_goes_all_the_way_to_3(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    raw = sqlite3.connect(db_path)
    for statement in sj._SCHEMA_V1:
        raw.execute(statement)
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    with ShiftJournal(db_path, clock=clock) as journal:
        assert journal._conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert journal.entries() == []


# -- what a v3 row holds ---------------------------------------------------------------------


def test_speciality_is_stored_else_taken_from_the_ticket(
    journal: ShiftJournal, attempt: Callable[..., int]
) -> None:
    given = attempt(speciality="  Терапия ")
    journal.record_success(given, make_ticket(speciality="Другое"))
    assert journal.get(given).speciality == "Терапия"  # type: ignore[union-attr]
    from_ticket = attempt()
    assert journal.get(from_ticket).speciality is None  # type: ignore[union-attr]
    journal.record_success(from_ticket, make_ticket(speciality="Хирургия"))
    assert journal.get(from_ticket).speciality == "Хирургия"  # type: ignore[union-attr]


def test_the_patient_label_is_searchable_in_any_case(
    journal: ShiftJournal, attempt: Callable[..., int]
) -> None:
    lebedev = attempt(patient_label="Лебедев А. П., д. р. 12.04.1985")
    attempt(patient_label="Семёнова Ё. Ё., д. р. 01.02.1990")
    for text in ("Лебедев", "лебедев", "ЛЕБЕДЕВ", "12.04.1985"):
        assert [e.id for e in journal.entries(search=text)] == [lebedev], text
    assert len(journal.entries(search="семенова")) == 1


# -- cancellation in the journal ---------------------------------------------------------------


def test_cancel_transitions(
    journal: ShiftJournal, attempt: Callable[..., int], clock: Clock
) -> None:
    row = attempt()
    journal.record_success(row, make_ticket())
    clock.now += timedelta(minutes=3)
    journal.record_cancel_attempt(row, "2. Записан по ошибке: не тот врач")
    entry = journal.get(row)
    assert entry is not None and entry.status == "booked" and entry.cancel_state == "sent"
    assert entry.cancel_reason == "2. Записан по ошибке: не тот врач"
    assert entry.cancel_unconfirmed and not entry.is_cancelled

    journal.record_cancel_refused(row, "Время визита прошло")
    entry = journal.get(row)
    assert entry is not None and entry.status == "booked" and entry.cancel_state == "refused"
    assert entry.cancel_error == "Время визита прошло" and not entry.cancel_unconfirmed

    journal.record_cancel_attempt(row, "1. Пациент передумал")
    assert journal.get(row).cancel_error is None  # type: ignore[union-attr]
    journal.record_cancel_unknown(row, "no_answer: timeout")
    entry = journal.get(row)
    assert entry is not None and entry.status == "booked" and entry.cancel_state == "unknown"
    assert entry.cancel_unconfirmed

    journal.record_cancel_attempt(row, "1. Пациент передумал")
    journal.record_cancel_not_sent(row, "network: refused", restore="unknown")
    assert journal.get(row).cancel_state == "unknown"  # type: ignore[union-attr]

    journal.record_cancel_attempt(row, "1. Пациент передумал")
    clock.now += timedelta(minutes=1)
    journal.record_cancelled(row)
    entry = journal.get(row)
    assert entry is not None and entry.status == "cancelled" and entry.is_cancelled
    assert entry.cancel_state is None and entry.cancelled_at == clock.now
    assert entry.ticket == make_ticket()  # the ticket stays, for the record
    journal.record_cancelled(row)  # idempotent
    with pytest.raises(ValueError):
        journal.record_cancel_attempt(row, "again")  # a cancelled row is not a booking
    with pytest.raises(ValueError):
        journal.record_cancel_unknown(row, "x")


def test_only_a_booked_row_can_be_cancelled(
    journal: ShiftJournal, attempt: Callable[..., int]
) -> None:
    with pytest.raises(KeyError):
        journal.record_cancel_attempt(999, "x")
    with pytest.raises(KeyError):
        journal.record_cancelled(999)
    failed = attempt()
    journal.record_failure(failed, kind="validation", status=400, message_code="4009", message="")
    sent = attempt()
    for row in (failed, sent):
        with pytest.raises(ValueError):
            journal.record_cancel_attempt(row, "x")
        with pytest.raises(ValueError):
            journal.record_cancelled(row)
    assert journal.get(failed).status == "failed"  # type: ignore[union-attr]
    booked = attempt()
    journal.record_success(booked, make_ticket())
    with pytest.raises(ValueError):
        journal.record_cancel_not_sent(booked, "x", restore="bogus")  # type: ignore[arg-type]


def test_a_cancel_cut_off_by_a_crash_is_unknown_at_the_next_start(
    db_path: Path, clock: Clock, key: str
) -> None:
    journal = ShiftJournal(db_path, clock=clock)
    row = journal.record_attempt(
        lpu_guid=LPU,
        resource_guid=THERAPIST,
        day=TODAY,
        at=None,
        patient_key=key,
        patient_label=None,
        clinic_name=None,
        resource_name=None,
        training=False,
    )
    journal.record_success(row, make_ticket())
    journal.record_cancel_attempt(row, "1. Пациент передумал")
    journal._conn.close()  # no clean close: the process died with the DELETE in flight
    with ShiftJournal(db_path, clock=clock) as again:
        entry = again.get(row)
        assert entry is not None and entry.status == "booked"
        assert entry.cancel_state == "unknown" and entry.cancel_unconfirmed
        assert entry.cancel_error == sj.CANCEL_INTERRUPTED_DETAIL


# -- the appointment day -----------------------------------------------------------------------


def test_day_entries_go_by_the_appointment_day_not_the_booking_day(
    journal: ShiftJournal, attempt: Callable[..., int]
) -> None:
    # Made today (the clock says 10 March) for tomorrow: tomorrow's list, not today's.
    for_tomorrow = attempt(day=TOMORROW, at=time(10, 0))
    journal.record_success(
        for_tomorrow, make_ticket(begin=datetime(2025, 3, 11, 10, 0, tzinfo=MSK))
    )
    for_today = attempt(day=TODAY)
    journal.record_success(for_today, make_ticket(begin=datetime(2025, 3, 10, 11, 0, tzinfo=MSK)))
    # Asked for today, but the registry put the visit on the 11th: the ticket decides.
    moved = attempt(day=TODAY)
    journal.record_success(moved, make_ticket(begin=datetime(2025, 3, 11, 8, 0, tzinfo=MSK)))
    # No ticket (unknown outcome): the day asked for.
    unknown = attempt(day=TOMORROW, at=time(9, 0))
    journal.record_unknown(unknown, "no_answer")
    assert [e.id for e in journal.day_entries(TODAY)] == [for_today]
    assert {e.id for e in journal.day_entries(TOMORROW)} == {for_tomorrow, moved, unknown}
    assert journal.get(moved).appointment_day == TOMORROW  # type: ignore[union-attr]
    assert journal.day_entries(date(2025, 3, 12)) == []


def test_day_entries_statuses_training_and_order(
    journal: ShiftJournal, attempt: Callable[..., int]
) -> None:
    def booked(resource: str, name: str, hour: int | None, **kw: object) -> int:
        row = attempt(resource_guid=resource, resource_name=name, **kw)
        begin = datetime(2025, 3, 10, hour, 0, tzinfo=MSK) if hour is not None else None
        journal.record_success(row, make_ticket(begin=begin))
        return row

    late = booked(THERAPIST, "Иванов И. И., терапевт", 12)
    early = booked(THERAPIST, "Иванов И. И., терапевт", 8)
    no_time = booked(THERAPIST, "Иванов И. И., терапевт", None)
    surgeon = booked(SURGEON, "Андреев А. А., хирург", 15)
    cancelled = booked(THERAPIST, "Иванов И. И., терапевт", 10)
    journal.record_cancel_attempt(cancelled, "1")
    journal.record_cancelled(cancelled)
    failed = attempt()
    journal.record_failure(failed, kind="validation", status=400, message_code="4009", message="")
    resolved = attempt()
    journal.record_unknown(resolved, "x")
    journal.resolve_unknown(resolved, "checked: not booked")
    sent = attempt(at=time(9, 30))
    training = booked(THERAPIST, "Иванов И. И., терапевт", 9, training=True)

    everything = [e.id for e in journal.day_entries(TODAY)]
    # Resource by name (Андреев before Иванов), then time; no time last; failed/resolved out.
    assert everything == [surgeon, early, training, sent, cancelled, late, no_time]
    assert [e.id for e in journal.day_entries(TODAY, training=False)] == [
        surgeon,
        early,
        sent,
        cancelled,
        late,
        no_time,
    ]
    assert [e.id for e in journal.day_entries(TODAY, training=True)] == [training]


# -- duplicates ------------------------------------------------------------------------------


def test_find_active_bookings_ignores_case_and_yo(
    journal: ShiftJournal, attempt: Callable[..., int], key: str, jwt_factory: Callable[..., str]
) -> None:
    row = attempt(speciality="Акушёр-гинеколог")
    journal.record_success(row, make_ticket())
    other_doctor = attempt(resource_guid=SURGEON, speciality="акушер-гинеколог")
    journal.record_success(other_doctor, make_ticket(guid="0f0e0d0c-4444-4b4b-8c8c-111122223333"))

    def found(speciality: str, *, day: date = TODAY, training: bool = False, k: str = key):
        return [e.id for e in journal.find_active_bookings(k, speciality, day, training=training)]

    assert found("АКУШЕР-ГИНЕКОЛОГ") == [other_doctor, row]  # newest first, any resource
    assert found("  акушёр-гинеколог ") == [other_doctor, row]
    assert found("Терапия") == []
    assert found("") == []
    assert found("акушер-гинеколог", day=TOMORROW) == []
    assert found("акушер-гинеколог", training=True) == []
    stranger = patient_key_from_token(jwt_factory({"sub": "card-999"}))
    assert found("акушер-гинеколог", k=stranger) == []

    # Only bookings count: a cancelled one, an unknown or failed attempt does not.
    journal.record_cancel_attempt(other_doctor, "1")
    journal.record_cancelled(other_doctor)
    unknown = attempt(speciality="Акушер-гинеколог")
    journal.record_unknown(unknown, "no_answer")
    assert found("акушер-гинеколог") == [row]
    # A cancel with no answer yet: still booked, still listed.
    journal.record_cancel_attempt(row, "1")
    journal.record_cancel_unknown(row, "timeout")
    assert found("акушер-гинеколог") == [row]


def test_the_label_keeps_the_birth_date_the_logs_hide(
    journal: ShiftJournal, attempt: Callable[..., int], jwt_token: str
) -> None:
    from desktop_app.settings.redact import add_patient_secret, redact

    add_patient_secret("1234 5678 9012 3456", date(1985, 4, 12))
    assert "12.04.1985" not in redact("Лебедев А. П., д. р. 12.04.1985")  # logs: masked
    row = attempt(patient_label="Лебедев А. П., д. р. 12.04.1985")
    assert journal.get(row).patient_label == "Лебедев А. П., д. р. 12.04.1985"  # type: ignore[union-attr]
    leaky = attempt(patient_label=f"полис 1234567890123456 {jwt_token}")
    assert journal.get(leaky).patient_label == "полис *** ***"  # type: ignore[union-attr]
