"""Booking as a desk does it: journal first, one POST, one outcome.

Qt-free. The UI hands a ``BookingRequest`` to ``BookingService.book`` and gets back a
``BookingOutcome`` (``booking/outcome.py``); nothing the server, the network or the journal does
escapes as an exception. The service

* refuses what cannot be sent (bad GUID, past day, a token HTTP cannot carry) *before* anything
  is journaled;
* asks (through the caller's ``confirm_duplicate``) before booking a patient who already holds an
  active booking in this desk's journal for the same speciality and day (issue 10 §5);
* asks (through the caller's ``confirm_rebook``) before booking again when an earlier attempt for
  the same patient, resource and day may have booked — an unknown outcome, or a row left "sent";
* writes the attempt to the shift journal before sending, sends exactly once, and records the
  outcome before returning; a ticket that cannot be written is still returned (and the write is
  retried before the next booking).

The patient's token is used for the one POST and kept nowhere: a token is one patient's, and a
remembered one would book the next patient on the previous patient's card.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Protocol

from desktop_app.api import (
    ApiError,
    InvalidRequestError,
    RegistryClient,
    TicketVisitWithLpu,
    check_guid,
    clean_token,
)
from desktop_app.booking.outcome import (
    BookingOutcome,
    OutcomeKind,
    Reason,
    classify,
    local_failure,
)

if TYPE_CHECKING:
    from desktop_app.journal import JournalEntry

log = logging.getLogger(__name__)

#: How often a journal write is tried at once before it is kept for later.
JOURNAL_WRITE_TRIES = 3


class Journal(Protocol):
    """The part of ``ShiftJournal`` the booking flow needs."""

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
    ) -> int: ...
    def record_success(self, attempt_id: int, ticket: TicketVisitWithLpu) -> None: ...
    def record_failure(
        self,
        attempt_id: int,
        *,
        kind: str,
        status: int | None,
        message_code: str | None,
        message: str | None,
    ) -> None: ...
    def record_unknown(self, attempt_id: int, detail: str) -> None: ...
    def resolve_unknown(self, attempt_id: int, note: str) -> None: ...
    def find_open_attempts(
        self, patient_key: str, resource_guid: str, day: date
    ) -> list[JournalEntry]: ...
    def find_active_bookings(
        self, patient_key: str, speciality: str, day: date, *, training: bool
    ) -> list[JournalEntry]: ...


@dataclass(frozen=True)
class BookingRequest:
    """What the operator asked for. ``token`` identifies the patient and is never stored."""

    lpu_guid: str
    resource_guid: str
    day: date
    at: time | None
    token: str
    patient_key: str
    patient_label: str | None = None
    clinic_name: str | None = None
    resource_name: str | None = None
    #: The sandbox roster id in training mode (never a real patient's identifier).
    patient_id: str | None = None
    #: The doctor's speciality: a booking of the same patient, speciality and day already in
    #: the journal is asked about first (``confirm_duplicate``). None: not checked.
    speciality: str | None = None
    #: Who the patient is as the card and the journal show it ("Лебедев А. П., д. р.
    #: 12.04.1985"); stored as the journal's patient label, in place of ``patient_label``.
    patient_display: str | None = None

    def __repr__(self) -> str:  # keep the token out of any log line or traceback
        return (
            f"BookingRequest(lpu={self.lpu_guid}, resource={self.resource_guid}, "
            f"day={self.day}, at={self.at}, patient_key={self.patient_key[:8]}…)"
        )

    @property
    def key(self) -> tuple[str, str, date]:
        return (self.patient_key, self.resource_guid.strip().lower(), self.day)

    @property
    def label(self) -> str | None:
        """The patient as the journal stores it: ``patient_display`` wins when given."""
        for text in (self.patient_display, self.patient_label):
            if text and text.strip():
                return text.strip()
        return None


@dataclass(frozen=True)
class EarlierAttempt:
    """An earlier attempt that may have booked: the operator must check it first."""

    attempt_id: int | None
    when: datetime | None
    status: str  # "unknown" or "sent" (journal), "unsaved" (kept in memory only)


@dataclass
class _Pending:
    """A journal write that failed; retried before the next booking."""

    attempt_id: int
    outcome: BookingOutcome
    tries: int = field(default=0)


class BookingService:
    """Sends bookings through one ``RegistryClient`` and keeps the journal straight."""

    def __init__(
        self,
        client: RegistryClient,
        journal: Journal | None,
        *,
        training: bool,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.client = client
        self.journal = journal
        self.training = training
        self._today = today
        self._in_flight = False
        #: Attempts that may have booked but are not (reliably) in the journal.
        self._open_in_memory: dict[tuple[str, str, date], list[EarlierAttempt]] = {}
        self._pending: list[_Pending] = []
        #: Bookings journaled before this moment are not "active" (a training reset).
        self._active_since: datetime | None = None

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    @property
    def unsaved_count(self) -> int:
        """Outcomes not yet written to the journal (the disk was full, the file locked)."""
        return len(self._pending)

    # -- earlier attempts ----------------------------------------------------------------------

    def earlier_attempts(self, request: BookingRequest) -> list[EarlierAttempt]:
        """Attempts for the same patient, resource and day that did not end booked or refused."""
        found: list[EarlierAttempt] = []
        if self.journal is not None:
            try:
                rows = self.journal.find_open_attempts(*request.key)
            except Exception as exc:  # a broken journal must not hide the warning below
                log.warning("journal: cannot look up earlier attempts: %s", type(exc).__name__)
                rows = []
            found = [EarlierAttempt(r.id, r.created_at, r.status) for r in rows]
        known = {a.attempt_id for a in found}
        found += [
            a
            for a in self._open_in_memory.get(request.key, [])
            if a.attempt_id is None or a.attempt_id not in known
        ]
        return found

    def active_bookings(self, request: BookingRequest) -> list[JournalEntry]:
        """Booked rows of this journal for the same patient, speciality and day (none when the
        request names no speciality, or the journal cannot be read)."""
        speciality = (request.speciality or "").strip()
        if self.journal is None or not speciality:
            return []
        try:
            found = self.journal.find_active_bookings(
                request.patient_key, speciality, request.day, training=self.training
            )
        except Exception as exc:  # the attempt's own journal write decides whether it is sent
            log.warning("journal: cannot look up active bookings: %s", type(exc).__name__)
            return []
        since = self._active_since
        return [e for e in found if since is None or e.created_at >= since]

    def forget_open_attempts(self) -> None:
        """Drop the in-memory list, and the bookings made so far from the duplicate check
        (training: the sandbox reset removed those bookings)."""
        self._open_in_memory.clear()
        self._active_since = datetime.now().astimezone()

    def _resolve_earlier(self, request: BookingRequest, earlier: list[EarlierAttempt]) -> None:
        self._open_in_memory.pop(request.key, None)
        if self.journal is None:
            return
        for attempt in earlier:
            if attempt.attempt_id is None:
                continue
            try:
                self.journal.resolve_unknown(attempt.attempt_id, "operator confirmed a new attempt")
            except Exception as exc:
                log.warning(
                    "journal: attempt %s not resolved: %s", attempt.attempt_id, type(exc).__name__
                )

    # -- booking -------------------------------------------------------------------------------

    async def book(
        self,
        request: BookingRequest,
        *,
        confirm_rebook: Callable[[list[EarlierAttempt]], Awaitable[bool]] | None = None,
        confirm_duplicate: Callable[[list[JournalEntry]], Awaitable[bool]] | None = None,
        on_sending: Callable[[], None] | None = None,
    ) -> BookingOutcome:
        """Book once. ``confirm_duplicate`` is asked when the journal holds an active booking
        of the same patient for the same speciality and day; ``confirm_rebook`` when an earlier
        attempt may have booked. Without the callback (or when it answers False) such a
        booking is not sent. ``on_sending`` runs right before the POST."""
        if self._in_flight:
            return BookingOutcome(
                OutcomeKind.NOT_SENT, Reason.BUSY, detail="another booking is in flight"
            )
        self._in_flight = True
        try:
            return await self._book(request, confirm_rebook, confirm_duplicate, on_sending)
        finally:
            self._in_flight = False

    async def _book(
        self,
        request: BookingRequest,
        confirm_rebook: Callable[[list[EarlierAttempt]], Awaitable[bool]] | None,
        confirm_duplicate: Callable[[list[JournalEntry]], Awaitable[bool]] | None,
        on_sending: Callable[[], None] | None,
    ) -> BookingOutcome:
        self.retry_unsaved()
        try:
            token = clean_token(request.token)
            self._check_input(request)
        except InvalidRequestError as exc:
            log.info("booking not sent: %s", exc)
            return classify(exc)
        request = replace(request, token=token)

        active = self.active_bookings(request)
        if active:
            go_on = confirm_duplicate is not None and bool(await confirm_duplicate(active))
            if not go_on:
                log.info("booking not sent: %d active booking(s) of that speciality", len(active))
                return BookingOutcome(
                    OutcomeKind.NOT_SENT,
                    Reason.DUPLICATE,
                    detail=f"{len(active)} active booking(s) for that speciality and day",
                )

        earlier = self.earlier_attempts(request)
        if earlier:
            go_on = confirm_rebook is not None and bool(await confirm_rebook(earlier))
            if not go_on:
                return BookingOutcome(
                    OutcomeKind.NOT_SENT,
                    Reason.DECLINED,
                    detail=f"{len(earlier)} earlier attempt(s) to check first",
                )
            self._resolve_earlier(request, earlier)

        try:
            attempt_id = self._record_attempt(request)
        except Exception as exc:
            log.error("journal: attempt not recorded, booking not sent: %s", exc)
            return BookingOutcome(
                OutcomeKind.NOT_SENT,
                Reason.JOURNAL,
                detail=f"journal write failed: {type(exc).__name__}",
            )

        if on_sending is not None:
            on_sending()
        try:
            ticket = await self.client.book_out_of_schedule(
                request.lpu_guid, request.resource_guid, request.day, request.at, token=token
            )
        except ApiError as exc:
            log.info("booking outcome from %s: %s", type(exc).__name__, exc)
            outcome = classify(exc, attempt_id=attempt_id)
        except asyncio.CancelledError:
            # The window closed under a booking in flight: its row stays "sent", which the
            # journal turns into "unknown" at the next start.
            log.warning("booking %s cancelled while in flight: outcome unknown", attempt_id)
            raise
        except Exception as exc:
            log.exception("booking %s: local error after sending", attempt_id)
            outcome = local_failure(exc, attempt_id=attempt_id)
        else:
            outcome = BookingOutcome(
                OutcomeKind.BOOKED, Reason.OK, attempt_id=attempt_id, ticket=ticket, status=200
            )

        outcome = self._record_outcome(outcome)
        unrecorded = attempt_id is None or not outcome.journal_saved
        if unrecorded and (outcome.may_exist or outcome.booked):
            # Not (reliably) in the journal: kept in memory, so the warning still comes.
            self._open_in_memory.setdefault(request.key, []).append(
                EarlierAttempt(attempt_id, datetime.now().astimezone(), "unsaved")
            )
        log.info("booking %s: %s/%s", attempt_id, outcome.kind, outcome.reason)
        return outcome

    def _check_input(self, request: BookingRequest) -> None:
        check_guid(request.lpu_guid, field_name="lpu_guid")
        check_guid(request.resource_guid, field_name="resource_guid")
        today = self._today() if self._today is not None else None
        if today is not None and request.day < today:
            raise InvalidRequestError("the day is in the past", field="day")

    def _record_attempt(self, request: BookingRequest) -> int | None:
        if self.journal is None:
            return None
        return self.journal.record_attempt(
            lpu_guid=request.lpu_guid.lower(),
            resource_guid=request.resource_guid.lower(),
            day=request.day,
            at=request.at,
            patient_key=request.patient_key,
            patient_label=request.label,
            clinic_name=request.clinic_name,
            resource_name=request.resource_name,
            training=self.training,
            speciality=(request.speciality or "").strip() or None,
        )

    # -- journal writes ------------------------------------------------------------------------

    def _write(self, attempt_id: int, outcome: BookingOutcome) -> None:
        assert self.journal is not None
        if outcome.kind is OutcomeKind.BOOKED:
            assert outcome.ticket is not None
            self.journal.record_success(attempt_id, outcome.ticket)
        elif outcome.may_exist:
            self.journal.record_unknown(attempt_id, f"{outcome.reason}: {outcome.detail}")
        else:
            self.journal.record_failure(
                attempt_id,
                kind=str(outcome.reason),
                status=outcome.status,
                message_code=outcome.message_code,
                message=outcome.server_message or outcome.detail,
            )

    def _record_outcome(self, outcome: BookingOutcome) -> BookingOutcome:
        attempt_id = outcome.attempt_id
        if attempt_id is None or self.journal is None:
            return outcome
        last: BaseException | None = None
        for _ in range(JOURNAL_WRITE_TRIES):
            try:
                self._write(attempt_id, outcome)
                return outcome
            except Exception as exc:  # JournalError, sqlite3 "disk is full", a lock, OSError
                last = exc
        log.error(
            "journal: outcome of attempt %s not written (%s); kept to retry",
            attempt_id,
            type(last).__name__ if last else "?",
        )
        self._pending.append(_Pending(attempt_id, outcome, JOURNAL_WRITE_TRIES))
        return replace(outcome, journal_saved=False)

    def retry_unsaved(self) -> int:
        """Try again to write outcomes the journal refused; returns how many are still unsaved."""
        if self.journal is None or not self._pending:
            return len(self._pending)
        still: list[_Pending] = []
        for pending in self._pending:
            try:
                self._write(pending.attempt_id, pending.outcome)
                log.info("journal: outcome of attempt %s written on retry", pending.attempt_id)
                if pending.outcome.booked:
                    self._forget_in_memory(pending.attempt_id)
            except Exception as exc:
                pending.tries += 1
                log.warning(
                    "journal: retry %d for attempt %s failed: %s",
                    pending.tries,
                    pending.attempt_id,
                    type(exc).__name__,
                )
                still.append(pending)
        self._pending = still
        return len(still)

    def _forget_in_memory(self, attempt_id: int) -> None:
        for key, attempts in list(self._open_in_memory.items()):
            kept = [a for a in attempts if a.attempt_id != attempt_id]
            if kept:
                self._open_in_memory[key] = kept
            else:
                del self._open_in_memory[key]


__all__ = [
    "BookingOutcome",
    "BookingRequest",
    "BookingService",
    "EarlierAttempt",
    "Journal",
    "OutcomeKind",
    "Reason",
]
