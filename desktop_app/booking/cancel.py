"""Cancelling a booking as a desk does it: journal first, one DELETE, one outcome (Qt-free).

The same rules as a booking (``booking/service.py``, ``booking/outcome.py``):

* what cannot be sent (no ticket GUID, a row that is not a booking, a token HTTP cannot carry,
  a cancel already in flight) is refused before anything is journaled or sent: ``NOT_SENT``;
* the cancel is written to the journal (``record_cancel_attempt``) *before* the request; if
  that write fails nothing is sent (``NOT_SENT`` / ``Reason.JOURNAL``);
* exactly one request is sent and never repeated by this code; ``classify`` decides what its
  answer means: a clean refusal (400/4021 the visit's time has passed, 400/4022 the visit is
  not active, 403/5009 another patient's token…) is ``REFUSED`` and the row stays booked;
  anything that may have reached the registry without a clean answer (a lost answer, a
  gateway's HTML 502/503/504, an unreadable 2xx) is ``UNKNOWN``: the booking may or may not be
  cancelled, the row keeps status booked with ``cancel_state`` "unknown";
* the journal is updated after: ``record_cancelled`` / ``record_cancel_refused`` /
  ``record_cancel_unknown``. ``cancel`` never raises for anything the server, the network or
  the journal did.

A ticket that is not in this desk's journal (``attempt_id`` None) is just sent, with nothing
journaled.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from desktop_app.api import ApiError, InvalidRequestError, check_guid, clean_token
from desktop_app.booking.events import DeskEventKind
from desktop_app.booking.outcome import OutcomeKind, Reason, classify
from desktop_app.text.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop_app.journal import CancelState, JournalEntry

log = logging.getLogger(__name__)

__all__ = [
    "CANCEL_REASONS",
    "CancelClient",
    "CancelJournal",
    "CancelKind",
    "CancelOutcome",
    "CancelService",
]

#: How often a journal write after the answer is tried at once.
JOURNAL_WRITE_TRIES = 3

#: The short list of reasons the operator picks from (``ReasonCode``, ``Reason``); the UI adds
#: free text to the chosen one. 9 is "other": its free text is the reason.
#: The words are sent to the registry in Russian; the UI shows them translated.
CANCEL_REASONS: tuple[tuple[int, str], ...] = (
    (1, QT_TRANSLATE_NOOP("CancelReasons", "Пациент передумал")),
    (2, QT_TRANSLATE_NOOP("CancelReasons", "Записан по ошибке (не тот пациент или врач)")),
    (3, QT_TRANSLATE_NOOP("CancelReasons", "Записан повторно")),
    (4, QT_TRANSLATE_NOOP("CancelReasons", "Врач не принимает в этот день")),
    (9, QT_TRANSLATE_NOOP("CancelReasons", "Другая причина")),
)


class CancelKind(StrEnum):
    DONE = "done"  # the registry confirmed: the booking is cancelled
    REFUSED = "refused"  # the registry cleanly refused: the booking still stands
    UNKNOWN = "unknown"  # the request may have reached the registry: check the booking
    NOT_SENT = "not_sent"  # nothing left this PC: the booking still stands


@dataclass(frozen=True)
class CancelOutcome:
    """One cancellation's result. ``detail`` is English, for the log; never holds the token.

    ``reason`` is a ``booking.outcome.Reason`` (the same families as a booking's: ``OK``,
    ``VALIDATION`` for 4021/4022, ``CREDENTIALS``, ``NO_ANSWER``, ``GATEWAY``, ``JOURNAL``,
    ``BUSY``, ``INVALID_INPUT``…). ``journal_saved`` is False when the journal could not record
    the answer (the row then stays "cancel sent", which becomes "unknown" at the next start).
    """

    kind: CancelKind
    reason: Reason
    status: int | None = None
    message_code: str | None = None
    server_message: str | None = None
    detail: str = ""
    journal_saved: bool = True
    attempt_id: int | None = None
    #: The input our own checks refused (``ticket_guid``, ``lpu_guid``, ``token``,
    #: ``attempt_id``, ``reason_code``).
    field: str | None = None

    @property
    def done(self) -> bool:
        return self.kind is CancelKind.DONE

    @property
    def may_be_cancelled(self) -> bool:
        """True when the booking may be cancelled although no answer says so."""
        return self.kind is CancelKind.UNKNOWN

    @property
    def desk_event(self) -> DeskEventKind | None:
        """``CANCELLED`` for a confirmed cancellation; the UI words the others itself."""
        return DeskEventKind.CANCELLED if self.kind is CancelKind.DONE else None


class CancelClient(Protocol):
    """The part of ``RegistryClient`` a cancellation needs."""

    async def cancel_visit(
        self, lpu_guid: str, ticket_guid: str, *, reason_code: int, reason: str, token: str
    ) -> None: ...


class CancelJournal(Protocol):
    """The part of ``ShiftJournal`` a cancellation needs."""

    def get(self, attempt_id: int) -> JournalEntry | None: ...
    def record_cancel_attempt(self, attempt_id: int, reason: str) -> None: ...
    def record_cancelled(self, attempt_id: int) -> None: ...
    def record_cancel_refused(self, attempt_id: int, message: str | None) -> None: ...
    def record_cancel_unknown(self, attempt_id: int, detail: str) -> None: ...
    def record_cancel_not_sent(
        self, attempt_id: int, detail: str, *, restore: CancelState | None = None
    ) -> None: ...


_KINDS: dict[OutcomeKind, CancelKind] = {
    OutcomeKind.REFUSED: CancelKind.REFUSED,
    OutcomeKind.NOT_SENT: CancelKind.NOT_SENT,
    OutcomeKind.UNKNOWN: CancelKind.UNKNOWN,
    # A 2xx whose JSON says nothing clear: the registry processed it, but did it cancel?
    OutcomeKind.BOOKED_UNREADABLE: CancelKind.UNKNOWN,
}


def _not_sent(reason: Reason, detail: str, attempt_id: int | None = None) -> CancelOutcome:
    return CancelOutcome(CancelKind.NOT_SENT, reason, detail=detail, attempt_id=attempt_id)


def _journal_text(reason_code: int, reason: str) -> str:
    """The reason as the journal keeps it: the short list's words, then the free text."""
    words = dict(CANCEL_REASONS).get(reason_code)
    text = " ".join((reason or "").split())
    if words and text and text != words:
        return f"{reason_code}. {words}: {text}"
    return f"{reason_code}. {words or text}" if (words or text) else str(reason_code)


class CancelService:
    """Sends cancellations through one client and keeps the journal straight."""

    def __init__(self, client: CancelClient, journal: CancelJournal | None) -> None:
        self.client = client
        self.journal = journal
        self._in_flight = False

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    async def cancel(
        self,
        attempt_id: int | None,
        *,
        lpu_guid: str,
        ticket_guid: str | None,
        reason_code: int,
        reason: str,
        token: str,
    ) -> CancelOutcome:
        """Cancel once. ``attempt_id`` is the journal row of the booking (None: a ticket this
        journal does not hold: just sent). Never retried; never raises for what the server,
        the network or the journal did."""
        if self._in_flight:
            return _not_sent(Reason.BUSY, "another cancellation is in flight")
        self._in_flight = True
        try:
            return await self._cancel(
                attempt_id,
                lpu_guid=lpu_guid,
                ticket_guid=ticket_guid,
                reason_code=reason_code,
                reason=reason,
                token=token,
            )
        finally:
            self._in_flight = False

    def _check(
        self, attempt_id: int | None, lpu_guid: str, ticket_guid: str | None, reason_code: int
    ) -> tuple[str, str, CancelState | None]:
        """The GUIDs as sent and the row's cancel state before this cancel; raises
        ``InvalidRequestError`` for what cannot be sent."""
        if not (ticket_guid or "").strip():
            raise InvalidRequestError("no ticket GUID: nothing to cancel", field="ticket_guid")
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        ticket = check_guid(ticket_guid or "", field_name="ticket_guid")
        if isinstance(reason_code, bool) or not isinstance(reason_code, int) or reason_code < 0:
            raise InvalidRequestError("reason code must be a whole number", field="reason_code")
        if attempt_id is None:
            return lpu, ticket, None
        if self.journal is None:
            raise InvalidRequestError("no journal to find the booking in", field="attempt_id")
        entry = self.journal.get(attempt_id)
        if entry is None:
            raise InvalidRequestError(f"no journal entry {attempt_id}", field="attempt_id")
        if entry.status != "booked":
            raise InvalidRequestError(
                f"journal entry {attempt_id} is {entry.status}, not booked", field="attempt_id"
            )
        if not entry.ticket_guid:
            raise InvalidRequestError(
                f"journal entry {attempt_id} has no ticket GUID", field="ticket_guid"
            )
        if entry.ticket_guid.strip().lower() != ticket:
            raise InvalidRequestError(
                f"journal entry {attempt_id} holds another ticket", field="ticket_guid"
            )
        return lpu, ticket, entry.cancel_state

    async def _cancel(
        self,
        attempt_id: int | None,
        *,
        lpu_guid: str,
        ticket_guid: str | None,
        reason_code: int,
        reason: str,
        token: str,
    ) -> CancelOutcome:
        try:
            clean = clean_token(token)
            lpu, ticket, before = self._check(attempt_id, lpu_guid, ticket_guid, reason_code)
        except InvalidRequestError as exc:
            log.info("cancel not sent: %s", exc)
            checked = classify(exc, attempt_id=attempt_id)
            return CancelOutcome(
                CancelKind.NOT_SENT,
                checked.reason,
                detail=checked.detail,
                attempt_id=attempt_id,
                field=checked.field,
            )
        # What the registry gets: the operator's words, else the short list's for the code.
        reason_text = " ".join((reason or "").split()) or dict(CANCEL_REASONS).get(reason_code, "")

        if attempt_id is not None:
            assert self.journal is not None  # _check refused a row without a journal
            try:
                self.journal.record_cancel_attempt(attempt_id, _journal_text(reason_code, reason))
            except Exception as exc:
                log.error("journal: cancel not recorded, not sent: %s", type(exc).__name__)
                return _not_sent(
                    Reason.JOURNAL,
                    f"journal write failed: {type(exc).__name__}",
                    attempt_id=attempt_id,
                )

        try:
            await self.client.cancel_visit(
                lpu, ticket, reason_code=reason_code, reason=reason_text, token=clean
            )
        except ApiError as exc:
            log.info("cancel outcome from %s: %s", type(exc).__name__, exc)
            booking = classify(exc, attempt_id=attempt_id)
            outcome = CancelOutcome(
                _KINDS.get(booking.kind, CancelKind.UNKNOWN),
                booking.reason,
                status=booking.status,
                message_code=booking.message_code,
                server_message=booking.server_message,
                detail=booking.detail,
                attempt_id=attempt_id,
                field=booking.field,
            )
        except asyncio.CancelledError:
            # The window closed under it: the row stays "cancel sent", which the journal turns
            # into "unknown" at the next start.
            log.warning("cancel of %s interrupted while in flight: outcome unknown", attempt_id)
            raise
        except Exception as exc:
            log.exception("cancel of %s: local error after sending", attempt_id)
            outcome = CancelOutcome(
                CancelKind.UNKNOWN,
                Reason.LOCAL_ERROR,
                detail=f"local error after sending: {type(exc).__name__}",
                attempt_id=attempt_id,
            )
        else:
            outcome = CancelOutcome(CancelKind.DONE, Reason.OK, status=200, attempt_id=attempt_id)

        if attempt_id is not None:
            outcome = self._record(attempt_id, outcome, before)
        log.info("cancel %s: %s/%s", attempt_id, outcome.kind, outcome.reason)
        return outcome

    def _write(self, attempt_id: int, outcome: CancelOutcome, before: CancelState | None) -> None:
        assert self.journal is not None
        if outcome.kind is CancelKind.DONE:
            self.journal.record_cancelled(attempt_id)
        elif outcome.kind is CancelKind.REFUSED:
            self.journal.record_cancel_refused(attempt_id, outcome.server_message or outcome.detail)
        elif outcome.kind is CancelKind.UNKNOWN:
            self.journal.record_cancel_unknown(attempt_id, f"{outcome.reason}: {outcome.detail}")
        else:
            self.journal.record_cancel_not_sent(
                attempt_id, f"{outcome.reason}: {outcome.detail}", restore=before
            )

    def _record(
        self, attempt_id: int, outcome: CancelOutcome, before: CancelState | None
    ) -> CancelOutcome:
        last: BaseException | None = None
        for _ in range(JOURNAL_WRITE_TRIES):
            try:
                self._write(attempt_id, outcome, before)
                return outcome
            except Exception as exc:  # a lock, a full disk
                last = exc
        log.error(
            "journal: outcome %s of cancel %s not written (%s); the row stays 'cancel sent'",
            outcome.kind,
            attempt_id,
            type(last).__name__ if last else "?",
        )
        return replace(outcome, journal_saved=False)
