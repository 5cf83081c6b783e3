"""The shift journal: every booking attempt at this desk, kept in a local SQLite file.

Why it exists: a booking whose answer was lost (timeout, crash, power cut) may or may not exist
on the server, and booking again could create a second, real appointment. So an attempt is
written *before* the request is sent and its outcome after; ``find_open_unknown`` lets the UI
warn "check before booking this patient again". Durability therefore matters more than speed:
WAL with ``synchronous=FULL``, one committed transaction per write, and attempts left "sent" by a
crash become "unknown" when the journal is opened again.

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
from desktop_app.settings.redact import redact

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
JOURNAL_FILE_NAME = "shift-journal.sqlite3"
DEFAULT_LIMIT = 500
MAX_LIMIT = 100_000

Status = Literal["sent", "booked", "failed", "unknown", "resolved"]
STATUSES: tuple[Status, ...] = ("sent", "booked", "failed", "unknown", "resolved")

# -- user-facing messages (Russian) ------------------------------------------------------------

INTERRUPTED_DETAIL = (
    "Программа была закрыта до получения ответа сервера: запись могла быть создана. "
    "Проверьте её, прежде чем записывать пациента снова."
)
JOURNAL_UNREADABLE_MESSAGE = (
    "Не удалось открыть журнал смены {path}: {reason}. Возможно, программа уже запущена "
    "на этом компьютере или нет доступа к папке."
)
JOURNAL_CORRUPT_MESSAGE = "Журнал смены {path} повреждён и не может быть прочитан."
JOURNAL_TOO_NEW_MESSAGE = (
    "Журнал смены {path} создан более новой версией программы (версия журнала {found}, "
    "эта программа понимает версию {supported}). Обновите программу."
)
JOURNAL_RECOVERED_MESSAGE = (
    "Журнал смены был повреждён. Он сохранён как {moved} (его можно передать специалисту "
    "поддержки), начат новый журнал: прежние записи в нём не видны."
)

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
#: Statements that bring a journal from version ``n - 1`` to ``n``.
_MIGRATIONS: dict[int, tuple[str, ...]] = {1: _SCHEMA_V1, 2: _SCHEMA_V2}


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

    @property
    def is_open_unknown(self) -> bool:
        """The outcome is unknown and no operator has checked it yet."""
        return self.status == "unknown"


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
                JOURNAL_UNREADABLE_MESSAGE.format(path=self.path, reason=exc),
                reason=_failure_of(exc),
                path=self.path,
            )
        return JournalCorruptError(JOURNAL_CORRUPT_MESSAGE.format(path=self.path), path=self.path)

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JournalError(
                JOURNAL_UNREADABLE_MESSAGE.format(path=self.path, reason=exc),
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
                JOURNAL_TOO_NEW_MESSAGE.format(
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
            log.info("journal %s: schema version %d", self.path, version)

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
                    JOURNAL_UNREADABLE_MESSAGE.format(path=path, reason=exc),
                    reason="no_access",
                    path=path,
                ) from None
            log.warning("journal: corrupt %s moved to %s", path, moved)
            return cls(path, **kwargs), JOURNAL_RECOVERED_MESSAGE.format(moved=moved)

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
    ) -> int:
        """Write an attempt (status "sent") before the request goes out; returns its id.

        ``patient_key`` must come from ``patient_key_from_token`` (64 hex digits): anything else
        is refused so a token can never be stored here by mistake.
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
                "resource_name) VALUES (?, ?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    _clean(patient_label, 200),
                    _clean(clinic_name, 500),
                    _clean(resource_name, 500),
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
            "ticket_num = ?, ticket_guid = ?, begin_time = ? WHERE id = ?",
            (
                self._now().isoformat(),
                ticket.model_dump_json(),
                ticket.num,
                ticket.ticket_guid,
                begin,
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
    )
