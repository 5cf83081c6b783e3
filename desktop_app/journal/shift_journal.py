"""The shift journal: every booking attempt at this desk, kept in a local SQLite file.

Why it exists: a booking whose answer was lost (timeout, crash, power cut) may or may not exist
on the server, and booking again could create a second, real appointment. So an attempt is
written *before* the request is sent and its outcome after; ``find_open_unknown`` lets the UI
warn "check before booking this patient again". Durability therefore matters more than speed:
WAL with ``synchronous=FULL``, one committed transaction per write, and attempts left "sent" by a
crash become "unknown" when the journal is opened again.

Cancellations (schema 3): a booked row can be cancelled through the registry. The cancel is
journaled the same way: ``record_cancel_attempt`` (``cancel_state`` "sent") before the request,
then ``record_cancelled`` (status "cancelled"), ``record_cancel_refused`` (the registry said no:
still booked) or ``record_cancel_unknown`` (no answer: the booking may or may not be cancelled).
A cancel left "sent" by a crash becomes "unknown" at the next start, like a booking.

Privacy: the journal holds what the desk needs to answer "what did we book today" and nothing
more. The token is never stored (only ``patient_key``, a one-way hash, see ``tokens.py``), rows
older than the retention period are deleted, and deleted rows are overwritten
(``secure_delete``).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, cast

from pydantic import ValidationError

from desktop_app.api import TicketVisitWithLpu
from desktop_app.files import broken_name
from desktop_app.settings.redact import redact, redact_credentials
from desktop_app.text.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
JOURNAL_FILE_NAME = "shift-journal.sqlite3"
DEFAULT_LIMIT = 500
MAX_LIMIT = 100_000

Status = Literal["sent", "booked", "failed", "unknown", "resolved", "cancelled"]
STATUSES: tuple[Status, ...] = ("sent", "booked", "failed", "unknown", "resolved", "cancelled")
#: Where a cancellation of a booked row stands (None: never asked, or done: status "cancelled").
CancelState = Literal["sent", "unknown", "refused"]
CANCEL_STATES: tuple[CancelState, ...] = ("sent", "unknown", "refused")
#: Statuses a day list shows: what is (or may be) on the doctor's day, and what was cancelled.
DAY_STATUSES: tuple[Status, ...] = ("booked", "cancelled", "unknown", "sent")

# -- user-facing messages (Russian) ------------------------------------------------------------

INTERRUPTED_DETAIL = QT_TRANSLATE_NOOP(
    "CoreJournal",
    "Программа была закрыта до получения ответа сервера: запись могла быть создана. "
    "Проверьте её, прежде чем записывать пациента снова.",
)
CANCEL_INTERRUPTED_DETAIL = QT_TRANSLATE_NOOP(
    "CoreJournal",
    "Программа была закрыта до получения ответа сервера на отмену: запись могла быть "
    "отменена. Проверьте её в регистратуре.",
)
JOURNAL_UNREADABLE_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreJournal",
    "Не удалось открыть журнал смены {path}: {reason}. Возможно, программа уже запущена "
    "на этом компьютере или нет доступа к папке.",
)
JOURNAL_CORRUPT_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreJournal", "Журнал смены {path} повреждён и не может быть прочитан."
)
JOURNAL_TOO_NEW_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreJournal",
    "Журнал смены {path} создан более новой версией программы (версия журнала {found}, "
    "эта программа понимает версию {supported}). Обновите программу.",
)
JOURNAL_RECOVERED_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreJournal",
    "Журнал смены был повреждён. Он сохранён как {moved} (его можно передать специалисту "
    "поддержки), начат новый журнал: прежние записи в нём не видны.",
)


def _tr(text: str) -> str:
    """``text`` (one of the constants above) in the UI's language."""
    return translate("CoreJournal", text)


_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
#: A slip field name as ``TicketSlip`` spells it (``day``, ``time_range``, ``doctor``).
_FIELD_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

_SCHEMA_V1 = (
    """
    CREATE TABLE attempts (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at      TEXT    NOT NULL,
        created_ts      REAL    NOT NULL,
        updated_at      TEXT    NOT NULL,
        status          TEXT    NOT NULL
                        CHECK (status IN ('sent', 'booked', 'failed', 'unknown', 'resolved')),
        training        INTEGER NOT NULL,
        lpu_guid        TEXT    NOT NULL,
        resource_guid   TEXT    NOT NULL,
        day             TEXT    NOT NULL,
        at              TEXT,
        patient_key     TEXT    NOT NULL,
        patient_label   TEXT,
        clinic_name     TEXT,
        resource_name   TEXT,
        ticket_json     TEXT,
        ticket_num      TEXT,
        ticket_guid     TEXT,
        begin_time      TEXT,
        error_kind      TEXT,
        error_status    INTEGER,
        error_code      TEXT,
        error_message   TEXT,
        unknown_detail  TEXT,
        resolution_note TEXT,
        resolved_at     TEXT,
        print_count     INTEGER NOT NULL DEFAULT 0,
        last_printed_at TEXT
    )
    """,
    "CREATE INDEX attempts_created ON attempts (created_ts)",
    "CREATE INDEX attempts_patient ON attempts (patient_key, resource_guid, day, status)",
)
#: Version 2: which slip fields were filled from the operator's choice because the registry's
#: answer lacked them (``fullResponse=false``), comma-separated; NULL when none were.
_SCHEMA_V2 = ("ALTER TABLE attempts ADD COLUMN filled_fields TEXT",)
#: The columns every version since 2 has, in table order (copied as they are by version 3).
_V2_COLUMNS = (
    "id, created_at, created_ts, updated_at, status, training, lpu_guid, resource_guid, day, "
    "at, patient_key, patient_label, clinic_name, resource_name, ticket_json, ticket_num, "
    "ticket_guid, begin_time, error_kind, error_status, error_code, error_message, "
    "unknown_detail, resolution_note, resolved_at, print_count, last_printed_at, filled_fields"
)
#: Version 3: a booking can be cancelled (status "cancelled", the cancel's own state, reason,
#: time and error) and the speciality is kept (the duplicate check before sending). The status
#: CHECK changes, which SQLite cannot ALTER: the table is rebuilt in the migration's one
#: transaction, ids (and the AUTOINCREMENT counter) kept, indexes recreated.
_SCHEMA_V3 = (
    """
    CREATE TABLE attempts_new (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at      TEXT    NOT NULL,
        created_ts      REAL    NOT NULL,
        updated_at      TEXT    NOT NULL,
        status          TEXT    NOT NULL
                        CHECK (status IN ('sent', 'booked', 'failed', 'unknown', 'resolved',
                                          'cancelled')),
        training        INTEGER NOT NULL,
        lpu_guid        TEXT    NOT NULL,
        resource_guid   TEXT    NOT NULL,
        day             TEXT    NOT NULL,
        at              TEXT,
        patient_key     TEXT    NOT NULL,
        patient_label   TEXT,
        clinic_name     TEXT,
        resource_name   TEXT,
        ticket_json     TEXT,
        ticket_num      TEXT,
        ticket_guid     TEXT,
        begin_time      TEXT,
        error_kind      TEXT,
        error_status    INTEGER,
        error_code      TEXT,
        error_message   TEXT,
        unknown_detail  TEXT,
        resolution_note TEXT,
        resolved_at     TEXT,
        print_count     INTEGER NOT NULL DEFAULT 0,
        last_printed_at TEXT,
        filled_fields   TEXT,
        speciality      TEXT,
        cancel_state    TEXT
                        CHECK (cancel_state IS NULL
                               OR cancel_state IN ('sent', 'unknown', 'refused')),
        cancel_reason   TEXT,
        cancelled_at    TEXT,
        cancel_error    TEXT
    )
    """,
    f"INSERT INTO attempts_new ({_V2_COLUMNS}) SELECT {_V2_COLUMNS} FROM attempts",
    # Keep the AUTOINCREMENT counter: ids of purged rows are never handed out again.
    "DELETE FROM sqlite_sequence WHERE name = 'attempts_new'",
    "INSERT INTO sqlite_sequence (name, seq) "
    "SELECT 'attempts_new', seq FROM sqlite_sequence WHERE name = 'attempts'",
    "DROP TABLE attempts",
    "ALTER TABLE attempts_new RENAME TO attempts",
    "CREATE INDEX attempts_created ON attempts (created_ts)",
    "CREATE INDEX attempts_patient ON attempts (patient_key, resource_guid, day, status)",
    "CREATE INDEX attempts_day ON attempts (day)",
)
#: Statements that bring a journal from version ``n - 1`` to ``n``.
_MIGRATIONS: dict[int, tuple[str, ...]] = {1: _SCHEMA_V1, 2: _SCHEMA_V2, 3: _SCHEMA_V3}


#: Why a journal could not be opened, for the UI to word it (``JournalError.reason``).
JournalFailure = Literal["locked", "no_access", "corrupt", "too_new", "other"]

#: SQLite primary result codes (``sqlite3.Error.sqlite_errorcode & 0xFF``).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_AUTH = 10, 14, 23


class JournalError(Exception):
    """The journal cannot be used; ``message`` is Russian and meant for the operator.

    ``reason`` says why in a form the UI can act on; ``path`` is the journal file.
    """

    reason: JournalFailure = "other"

    def __init__(
        self,
        message: str,
        *,
        reason: JournalFailure | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if reason is not None:
            self.reason = reason
        self.path = path


class JournalCorruptError(JournalError):
    """The file is not a readable SQLite database (see ``ShiftJournal.open_with_recovery``)."""

    reason: JournalFailure = "corrupt"


class JournalTooNewError(JournalError):
    """A newer app version wrote this journal; it is left untouched."""

    reason: JournalFailure = "too_new"


@dataclass(frozen=True)
class JournalEntry:
    """One booking attempt as stored; ``ticket`` is parsed back from its JSON."""

    id: int
    created_at: datetime
    updated_at: datetime
    status: Status
    training: bool
    lpu_guid: str
    resource_guid: str
    day: date
    at: time | None
    patient_key: str
    patient_label: str | None
    clinic_name: str | None
    resource_name: str | None
    ticket: TicketVisitWithLpu | None
    ticket_num: str | None
    ticket_guid: str | None
    begin_time: datetime | None
    print_count: int
    last_printed_at: datetime | None
    error_kind: str | None
    error_status: int | None
    error_code: str | None
    error_message: str | None
    unknown_detail: str | None
    resolution_note: str | None
    resolved_at: datetime | None
    #: Slip fields printed from the operator's choice, not the registry's answer
    #: (``TicketSlip.marked`` names: ``day``, ``time_range``, ``doctor``, ``room``...).
    filled_fields: frozenset[str] = frozenset()
    #: The speciality the operator booked (the duplicate check), else the ticket's.
    speciality: str | None = None
    #: A cancellation of this booked row: "sent" (in flight), "unknown" (no answer: it may be
    #: cancelled), "refused" (the registry said no: still booked); None otherwise. A cancel
    #: that went through sets ``status`` to "cancelled" and clears this.
    cancel_state: CancelState | None = None
    cancel_reason: str | None = None
    cancelled_at: datetime | None = None
    cancel_error: str | None = None

    @property
    def is_open_unknown(self) -> bool:
        """The outcome is unknown and no operator has checked it yet."""
        return self.status == "unknown"

    @property
    def is_cancelled(self) -> bool:
        """The registry confirmed the cancellation."""
        return self.status == "cancelled"

    @property
    def cancel_unconfirmed(self) -> bool:
        """A cancellation was sent and no answer says whether it happened."""
        return self.status == "booked" and self.cancel_state in ("sent", "unknown")

    @property
    def appointment_day(self) -> date:
        """The day of the visit: the ticket's begin time (its wall clock) when known."""
        return self.begin_time.date() if self.begin_time is not None else self.day


def _aware_now() -> datetime:
    return datetime.now().astimezone()


def _aware(moment: datetime) -> datetime:
    """Naive datetimes are taken as local time (the clinic's clock)."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _fold(text: str | None) -> str:
    """Case-insensitive form for search, Cyrillic included; ``ё`` matches ``е``."""
    if not text:
        return ""
    return text.casefold().replace("ё", "е")


def _clean(text: str | None, limit: int = 2000) -> str | None:
    """Free text as stored: redacted (defence in depth), trimmed, length-capped."""
    if text is None:
        return None
    value = redact(str(text)).strip()
    return value[:limit] or None


#: A full policy number (16 digits in a row): never needed in the journal.
_POLICY_RE = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")


def _label(text: str | None) -> str | None:
    """The patient label as stored: it names the patient on purpose (surname, initials, birth
    date), so only credentials are removed, and a full policy number, should one be in it."""
    if text is None:
        return None
    value = _POLICY_RE.sub("***", redact_credentials(str(text))).strip()
    return value[:200] or None


def _guid(value: str) -> str:
    text = (value or "").strip().lower()
    if not text:
        raise ValueError("empty GUID")
    return text


class ShiftJournal:
    """The journal over one SQLite file. Thread-safe (one connection behind a lock)."""

    def __init__(
        self,
        path: Path,
        *,
        retention_days: int = 30,
        clock: Callable[[], datetime] = _aware_now,
        recover_interrupted: bool = True,
    ) -> None:
        if retention_days < 1:
            raise ValueError("retention_days must be at least 1")
        self.path = Path(path)
        self.retention_days = retention_days
        self._clock = clock
        self._lock = threading.RLock()
        self._conn = self._open()
        try:
            self._migrate()
            if recover_interrupted:
                self._mark_interrupted()
            self.purge()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise self._error(exc) from None
        except BaseException:
            self._conn.close()
            raise

    # -- opening ---------------------------------------------------------------------------------

    def _error(self, exc: sqlite3.Error) -> JournalError:
        if isinstance(exc, sqlite3.OperationalError):
            return JournalError(
                _tr(JOURNAL_UNREADABLE_MESSAGE).format(path=self.path, reason=exc),
                reason=_failure_of(exc),
                path=self.path,
            )
        return JournalCorruptError(
            _tr(JOURNAL_CORRUPT_MESSAGE).format(path=self.path), path=self.path
        )

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JournalError(
                _tr(JOURNAL_UNREADABLE_MESSAGE).format(path=self.path, reason=exc),
                reason="no_access",
                path=self.path,
            ) from None
        try:
            conn = sqlite3.connect(str(self.path), timeout=5.0, check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            conn.row_factory = sqlite3.Row
            conn.create_function("desk_fold", 1, _fold, deterministic=True)
            conn.execute("PRAGMA busy_timeout = 5000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("journal: WAL not available (%s), using %s", self.path, mode)
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
        except sqlite3.Error as exc:
            conn.close()
            raise self._error(exc) from None
        return conn

    def _migrate(self) -> None:
        found = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if found > SCHEMA_VERSION:
            raise JournalTooNewError(
                _tr(JOURNAL_TOO_NEW_MESSAGE).format(
                    path=self.path, found=found, supported=SCHEMA_VERSION
                ),
                path=self.path,
            )
        for version in range(found + 1, SCHEMA_VERSION + 1):
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")  # DDL is not wrapped implicitly
                for statement in _MIGRATIONS[version]:
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {int(version)}")
        if found < SCHEMA_VERSION:  # one line, however many steps it took
            log.info("journal %s: schema version %d -> %d", self.path, found, SCHEMA_VERSION)

    def _mark_interrupted(self) -> None:
        """Attempts still "sent" were cut off by a crash or a kill: their outcome is unknown."""
        with self._lock, self._conn:
            cur = self._conn.execute(
                "UPDATE attempts SET status = 'unknown', unknown_detail = ?, updated_at = ? "
                "WHERE status = 'sent'",
                (INTERRUPTED_DETAIL, self._now().isoformat()),
            )
        if cur.rowcount:
            log.warning("journal: %d interrupted attempt(s) marked unknown", cur.rowcount)
        with self._lock, self._conn:
            cur = self._conn.execute(
                "UPDATE attempts SET cancel_state = 'unknown', cancel_error = ?, updated_at = ? "
                "WHERE cancel_state = 'sent'",
                (CANCEL_INTERRUPTED_DETAIL, self._now().isoformat()),
            )
        if cur.rowcount:
            log.warning("journal: %d interrupted cancel(s) marked unknown", cur.rowcount)

    @classmethod
    def open_with_recovery(cls, path: Path, **kwargs: Any) -> tuple[ShiftJournal, str | None]:
        """Open the journal; if the file is corrupt, move it aside and start a new one.

        Returns ``(journal, message)``; ``message`` is a Russian notice when a file was moved
        aside. Other ``JournalError``s (locked, no access, newer version) still raise: moving a
        healthy file aside would hide bookings from the desk.
        """
        try:
            return cls(path, **kwargs), None
        except JournalCorruptError:
            path = Path(path)
            moved = broken_name(path, datetime.now())
            try:
                path.rename(moved)
                for suffix in ("-wal", "-shm"):
                    side = path.with_name(path.name + suffix)
                    if side.exists():
                        side.rename(moved.with_name(moved.name + suffix))
            except OSError as exc:
                raise JournalError(
                    _tr(JOURNAL_UNREADABLE_MESSAGE).format(path=path, reason=exc),
                    reason="no_access",
                    path=path,
                ) from None
            log.warning("journal: corrupt %s moved to %s", path, moved)
            return cls(path, **kwargs), _tr(JOURNAL_RECOVERED_MESSAGE).format(moved=moved)

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close."""
        with self._lock:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                log.info("journal: checkpoint on close failed: %s", exc)
            self._conn.close()

    def __enter__(self) -> ShiftJournal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writes ----------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return _aware(self._clock())

    def _update(self, attempt_id: int, sql: str, params: tuple[Any, ...]) -> None:
        """Run one UPDATE for one row and commit; a missing row is a programming error."""
        with self._lock, self._conn:
            cur = self._conn.execute(sql, (*params, int(attempt_id)))
        if cur.rowcount != 1:
            raise KeyError(f"no journal entry {attempt_id}")

    def record_attempt(
        self,
        *,
        lpu_guid: str,
        resource_guid: str,
        day: date,
        at: time | None,
        patient_key: str,
        patient_label: str | None,
        clinic_name: str | None,
        resource_name: str | None,
        training: bool,
        speciality: str | None = None,
    ) -> int:
        """Write an attempt (status "sent") before the request goes out; returns its id.

        ``patient_key`` must come from ``patient_key_from_token`` (64 hex digits): anything else
        is refused so a token can never be stored here by mistake. ``patient_label`` is who the
        patient is as the desk shows it ("Лебедев А. П., д. р. 12.04.1985"); ``speciality`` is
        what the duplicate check matches on.
        """
        if not _HEX64_RE.match(patient_key or ""):
            raise ValueError("patient_key must be a sha256 hex digest (patient_key_from_token)")
        if isinstance(day, datetime):
            day = day.date()
        now = self._now()
        with self._lock, self._conn:
            cur = self._conn.execute(
                "INSERT INTO attempts (created_at, created_ts, updated_at, status, training, "
                "lpu_guid, resource_guid, day, at, patient_key, patient_label, clinic_name, "
                "resource_name, speciality) VALUES (?, ?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now.isoformat(),
                    now.timestamp(),
                    now.isoformat(),
                    int(bool(training)),
                    _guid(lpu_guid),
                    _guid(resource_guid),
                    day.isoformat(),
                    at.isoformat() if at is not None else None,
                    patient_key,
                    _label(patient_label),
                    _clean(clinic_name, 500),
                    _clean(resource_name, 500),
                    _clean(speciality, 200),
                ),
            )
        attempt_id = int(cast(int, cur.lastrowid))
        log.info("journal: attempt %d recorded (training=%s)", attempt_id, bool(training))
        return attempt_id

    def record_success(self, attempt_id: int, ticket: TicketVisitWithLpu) -> None:
        """The server booked it: keep the whole ticket (for reprinting) plus searchable fields."""
        begin = ticket.begin_time.isoformat() if ticket.begin_time else None
        self._update(
            attempt_id,
            "UPDATE attempts SET status = 'booked', updated_at = ?, ticket_json = ?, "
            "ticket_num = ?, ticket_guid = ?, begin_time = ?, "
            "speciality = coalesce(speciality, ?) WHERE id = ?",
            (
                self._now().isoformat(),
                ticket.model_dump_json(),
                ticket.num,
                ticket.ticket_guid,
                begin,
                _clean(ticket.speciality, 200),
            ),
        )

    def record_failure(
        self,
        attempt_id: int,
        *,
        kind: str,
        status: int | None,
        message_code: str | None,
        message: str | None,
    ) -> None:
        """Nothing was booked (refused, not delivered): keep why, for the shift report."""
        self._update(
            attempt_id,
            "UPDATE attempts SET status = 'failed', updated_at = ?, error_kind = ?, "
            "error_status = ?, error_code = ?, error_message = ? WHERE id = ?",
            (
                self._now().isoformat(),
                _clean(kind, 100),
                status,
                _clean(message_code, 50),
                _clean(message),
            ),
        )

    def record_unknown(self, attempt_id: int, detail: str) -> None:
        """The request may have reached the server but no answer came: must be checked."""
        self._update(
            attempt_id,
            "UPDATE attempts SET status = 'unknown', updated_at = ?, unknown_detail = ? "
            "WHERE id = ?",
            (self._now().isoformat(), _clean(detail)),
        )

    def resolve_unknown(self, attempt_id: int, note: str) -> None:
        """The operator checked an unknown outcome; ``note`` says what they found."""
        now = self._now().isoformat()
        with self._lock, self._conn:
            cur = self._conn.execute(
                "UPDATE attempts SET status = 'resolved', updated_at = ?, resolution_note = ?, "
                "resolved_at = ? WHERE id = ? AND status IN ('unknown', 'sent')",
                (now, _clean(note), now, int(attempt_id)),
            )
        if cur.rowcount != 1:
            if self.get(attempt_id) is None:
                raise KeyError(f"no journal entry {attempt_id}")
            raise ValueError(f"journal entry {attempt_id} is not an unknown outcome")

    # -- cancellation --------------------------------------------------------------------------

    def _update_booked(self, attempt_id: int, sql: str, params: tuple[Any, ...]) -> None:
        """One UPDATE of a booked row: KeyError when there is no row, ValueError when the row
        is not a booking (never booked, or already cancelled)."""
        with self._lock, self._conn:
            cur = self._conn.execute(sql, (*params, int(attempt_id)))
        if cur.rowcount != 1:
            entry = self.get(attempt_id)
            if entry is None:
                raise KeyError(f"no journal entry {attempt_id}")
            raise ValueError(f"journal entry {attempt_id} is {entry.status}, not booked")

    def record_cancel_attempt(self, attempt_id: int, reason: str) -> None:
        """Write the cancellation (``cancel_state`` "sent") BEFORE the request goes out.

        Only a booked row can be cancelled: ValueError otherwise (KeyError: no such row).
        """
        self._update_booked(
            attempt_id,
            "UPDATE attempts SET cancel_state = 'sent', cancel_reason = ?, cancel_error = NULL, "
            "updated_at = ? WHERE id = ? AND status = 'booked'",
            (_clean(reason, 500), self._now().isoformat()),
        )
        log.info("journal: cancel of attempt %s recorded", attempt_id)

    def record_cancelled(self, attempt_id: int) -> None:
        """The registry confirmed the cancellation: the row is "cancelled" (idempotent)."""
        now = self._now().isoformat()
        self._update_booked(
            attempt_id,
            "UPDATE attempts SET status = 'cancelled', cancel_state = NULL, cancel_error = NULL, "
            "cancelled_at = coalesce(cancelled_at, ?), updated_at = ? "
            "WHERE id = ? AND status IN ('booked', 'cancelled')",
            (now, now),
        )

    def record_cancel_refused(self, attempt_id: int, message: str | None) -> None:
        """The registry refused to cancel (4021 the time has passed, 4022 not active…): the row
        stays booked; ``message`` is the server's text, kept for the journal window."""
        self._update_booked(
            attempt_id,
            "UPDATE attempts SET cancel_state = 'refused', cancel_error = ?, updated_at = ? "
            "WHERE id = ? AND status = 'booked'",
            (_clean(message), self._now().isoformat()),
        )

    def record_cancel_unknown(self, attempt_id: int, detail: str) -> None:
        """No answer to the cancel: the booking may or may not be cancelled (status stays
        booked, the day list says "отмена не подтверждена")."""
        self._update_booked(
            attempt_id,
            "UPDATE attempts SET cancel_state = 'unknown', cancel_error = ?, updated_at = ? "
            "WHERE id = ? AND status = 'booked'",
            (_clean(detail), self._now().isoformat()),
        )

    def record_cancel_not_sent(
        self, attempt_id: int, detail: str, *, restore: CancelState | None = None
    ) -> None:
        """The cancel never left this PC (no connection, our own checks): the row goes back to
        ``restore``, the cancel state it had before ``record_cancel_attempt``."""
        if restore is not None and restore not in CANCEL_STATES:
            raise ValueError(f"not a cancel state: {restore!r}")
        self._update_booked(
            attempt_id,
            "UPDATE attempts SET cancel_state = ?, cancel_error = ?, updated_at = ? "
            "WHERE id = ? AND status = 'booked'",
            (restore, _clean(detail), self._now().isoformat()),
        )

    def mark_printed(self, attempt_id: int) -> int:
        """Count a printed slip; returns the new count (the UI marks reprints as copies)."""
        with self._lock, self._conn:
            cur = self._conn.execute(
                "UPDATE attempts SET print_count = print_count + 1, last_printed_at = ? "
                "WHERE id = ?",
                (self._now().isoformat(), int(attempt_id)),
            )
            if cur.rowcount != 1:
                raise KeyError(f"no journal entry {attempt_id}")
            row = self._conn.execute(
                "SELECT print_count FROM attempts WHERE id = ?", (int(attempt_id),)
            ).fetchone()
        return int(row["print_count"])

    def record_filled(self, attempt_id: int, fields: Iterable[str]) -> frozenset[str]:
        """Note slip fields filled from the operator's choice; returns all noted so far.

        Idempotent: the names are added to those already noted (a reprint fills the same
        ones). ``fields`` are ``TicketSlip`` field names; anything else is refused.
        """
        names = {str(name).strip() for name in fields}
        names.discard("")
        bad = sorted(name for name in names if not _FIELD_RE.match(name))
        if bad:
            raise ValueError(f"not slip field names: {bad}")
        with self._lock, self._conn:
            row = self._conn.execute(
                "SELECT filled_fields FROM attempts WHERE id = ?", (int(attempt_id),)
            ).fetchone()
            if row is None:
                raise KeyError(f"no journal entry {attempt_id}")
            known = _fields(row["filled_fields"])
            union = known | names
            if union != known:
                self._conn.execute(
                    "UPDATE attempts SET filled_fields = ? WHERE id = ?",
                    (",".join(sorted(union)), int(attempt_id)),
                )
        return union

    def purge(self, now: datetime | None = None) -> int:
        """Delete entries older than the retention period; returns how many were deleted."""
        moment = _aware(now) if now is not None else self._now()
        cutoff = moment - timedelta(days=self.retention_days)
        with self._lock, self._conn:
            cur = self._conn.execute(
                "DELETE FROM attempts WHERE created_ts < ?", (cutoff.timestamp(),)
            )
        deleted = cur.rowcount
        if deleted:
            log.info("journal: purged %d entries older than %s", deleted, cutoff.isoformat())
            with self._lock:
                try:  # move the deletions out of the WAL file too
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error as exc:
                    log.info("journal: checkpoint after purge failed: %s", exc)
        return deleted

    # -- reads -----------------------------------------------------------------------------------

    def get(self, attempt_id: int) -> JournalEntry | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT * FROM attempts WHERE id = ?", (int(attempt_id),)
            ).fetchone()
        return _entry(row) if row is not None else None

    def find_open_unknown(
        self, patient_key: str, resource_guid: str, day: date
    ) -> JournalEntry | None:
        """The latest unresolved unknown outcome for this patient, resource and day, if any."""
        if isinstance(day, datetime):
            day = day.date()
        with self._lock:
            row = self._conn.execute(
                "SELECT * FROM attempts WHERE status = 'unknown' AND patient_key = ? "
                "AND resource_guid = ? AND day = ? ORDER BY created_ts DESC, id DESC LIMIT 1",
                (patient_key, (resource_guid or "").strip().lower(), day.isoformat()),
            ).fetchone()
        return _entry(row) if row is not None else None

    def find_open_attempts(
        self, patient_key: str, resource_guid: str, day: date
    ) -> list[JournalEntry]:
        """Every earlier attempt for this patient, resource and day that may have booked.

        That is each attempt that did not end in a ticket or a clean refusal: unknown outcomes
        and rows still "sent" (the program was stopped, or could not record the answer).
        """
        if isinstance(day, datetime):
            day = day.date()
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM attempts WHERE status IN ('unknown', 'sent') AND patient_key = ? "
                "AND resource_guid = ? AND day = ? ORDER BY created_ts DESC, id DESC",
                (patient_key, (resource_guid or "").strip().lower(), day.isoformat()),
            ).fetchall()
        return [_entry(row) for row in rows]

    def find_active_bookings(
        self, patient_key: str, speciality: str, day: date, *, training: bool
    ) -> list[JournalEntry]:
        """Booked rows (not cancelled) of this patient whose visit is on ``day`` and whose
        speciality is ``speciality``, ignoring case and ``ё``/``е``; newest first.

        The day is the visit's (the ticket's begin time when known, else the booked day), so a
        booking made yesterday for today counts. A row whose cancel is unconfirmed is still
        booked: it is listed (the operator decides).
        """
        if isinstance(day, datetime):
            day = day.date()
        needle = _fold((speciality or "").strip())
        if not needle:
            return []
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM attempts WHERE status = 'booked' AND patient_key = ? "
                "AND training = ? AND coalesce(substr(begin_time, 1, 10), day) = ? "
                "AND desk_fold(trim(coalesce(speciality, ''))) = ? "
                "ORDER BY created_ts DESC, id DESC",
                (patient_key, int(bool(training)), day.isoformat(), needle),
            ).fetchall()
        return [_entry(row) for row in rows]

    def day_entries(self, day: date, *, training: bool | None = None) -> list[JournalEntry]:
        """The rows of one APPOINTMENT day, for the day list: booked, cancelled, unknown and
        still-sent attempts (not failed ones, nor checked unknowns), ordered by resource, then
        time of the visit (rows without a time last).

        The appointment day is the ticket's begin time's date (on its own wall clock) when
        known, else the day the booking was asked for; when the booking was made does not
        matter. ``training`` filters training or real rows (None: both).
        """
        if isinstance(day, datetime):
            day = day.date()
        marks = ", ".join("?" for _ in DAY_STATUSES)
        sql = (
            f"SELECT * FROM attempts WHERE status IN ({marks}) "
            "AND coalesce(substr(begin_time, 1, 10), day) = ?"
        )
        params: list[Any] = [*DAY_STATUSES, day.isoformat()]
        if training is not None:
            sql += " AND training = ?"
            params.append(int(training))
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        entries = [_entry(row) for row in rows]
        entries.sort(key=_day_order)
        return entries

    def entries(
        self,
        *,
        since: datetime | None = None,
        search: str | None = None,
        limit: int = DEFAULT_LIMIT,
        training: bool | None = None,
    ) -> list[JournalEntry]:
        """Entries newest first.

        ``search`` matches, ignoring case (Cyrillic too, and ``ё`` = ``е``), the clinic, the
        resource, the patient label, the ticket number and the ticket GUID. ``training`` filters
        training or real entries (None: both).
        """
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("created_ts >= ?")
            params.append(_aware(since).timestamp())
        if training is not None:
            where.append("training = ?")
            params.append(int(training))
        needle = _fold(search.strip()) if search else ""
        if needle:
            where.append(
                "instr(desk_fold(coalesce(clinic_name, '') || char(10) || "
                "coalesce(resource_name, '') || char(10) || coalesce(patient_label, '') || "
                "char(10) || coalesce(ticket_num, '') || char(10) || "
                "coalesce(ticket_guid, '')), ?) > 0"
            )
            params.append(needle)
        sql = "SELECT * FROM attempts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_ts DESC, id DESC LIMIT ?"
        params.append(max(0, min(int(limit), MAX_LIMIT)))
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [_entry(row) for row in rows]

    def shift_entries(self, now: datetime | None = None) -> list[JournalEntry]:
        """Entries since local midnight of ``now``'s day (the clinic's day)."""
        moment = _aware(now) if now is not None else self._now()
        start = datetime.combine(moment.date(), time.min, tzinfo=moment.tzinfo)
        return self.entries(since=start, limit=MAX_LIMIT)


def _failure_of(exc: sqlite3.OperationalError) -> JournalFailure:
    """Locked by another program, or no access to the file or its folder, or something else."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return "locked"
    if primary in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_AUTH, _SQLITE_IOERR):
        return "no_access"
    if "readonly" in text or "unable to open" in text:
        return "no_access"
    return "other"


def _visit_time(entry: JournalEntry) -> time | None:
    """The visit's wall-clock time: the ticket's begin time, else the time asked for."""
    if entry.begin_time is not None:
        return entry.begin_time.time()
    return entry.at


def _day_order(entry: JournalEntry) -> tuple[str, str, bool, time, int]:
    moment = _visit_time(entry)
    return (
        _fold(entry.resource_name or ""),
        entry.resource_guid,
        moment is None,
        moment or time.min,
        entry.id,
    )


def _fields(text: str | None) -> frozenset[str]:
    return frozenset(part for part in (text or "").split(",") if part)


def _entry(row: sqlite3.Row) -> JournalEntry:
    data = {key: row[key] for key in row.keys()}
    ticket: TicketVisitWithLpu | None = None
    if data["ticket_json"]:
        try:
            ticket = TicketVisitWithLpu.model_validate_json(data["ticket_json"])
        except ValidationError:
            log.warning("journal: ticket of entry %s could not be read back", data["id"])
    at_text = data["at"]
    return JournalEntry(
        id=int(data["id"]),
        created_at=datetime.fromisoformat(data["created_at"]),
        updated_at=datetime.fromisoformat(data["updated_at"]),
        status=cast(Status, data["status"]),
        training=bool(data["training"]),
        lpu_guid=data["lpu_guid"],
        resource_guid=data["resource_guid"],
        day=date.fromisoformat(data["day"]),
        at=time.fromisoformat(at_text) if at_text else None,
        patient_key=data["patient_key"],
        patient_label=data["patient_label"],
        clinic_name=data["clinic_name"],
        resource_name=data["resource_name"],
        ticket=ticket,
        ticket_num=data["ticket_num"],
        ticket_guid=data["ticket_guid"],
        begin_time=_dt(data["begin_time"]),
        print_count=int(data["print_count"]),
        last_printed_at=_dt(data["last_printed_at"]),
        error_kind=data["error_kind"],
        error_status=data["error_status"],
        error_code=data["error_code"],
        error_message=data["error_message"],
        unknown_detail=data["unknown_detail"],
        resolution_note=data["resolution_note"],
        resolved_at=_dt(data["resolved_at"]),
        filled_fields=_fields(data.get("filled_fields")),
        speciality=data.get("speciality"),
        cancel_state=_cancel_state(data.get("cancel_state")),
        cancel_reason=data.get("cancel_reason"),
        cancelled_at=_dt(data.get("cancelled_at")),
        cancel_error=data.get("cancel_error"),
    )


def _cancel_state(text: str | None) -> CancelState | None:
    return cast(CancelState, text) if text in CANCEL_STATES else None
