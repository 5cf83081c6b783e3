"""Booking as a desk does it: journal first, one POST at a time, unknown outcomes remembered.

Qt-free. The UI hands a ``BookingRequest`` to ``BookingService.book``; the service writes the
attempt to the shift journal *before* sending, sends exactly once, and records the result
(ticket, refusal or unknown outcome) before returning, so a crash right after a booking loses
nothing and a lost answer is never silently retried.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Protocol

from desktop_app.api import (
    ApiError,
    MalformedAnswer,
    OutcomeUnknown,
    RegistryClient,
    TicketVisitWithLpu,
)

if TYPE_CHECKING:
    from desktop_app.journal import JournalEntry

log = logging.getLogger(__name__)


class Journal(Protocol):
    """The part of ``ShiftJournal`` the booking flow needs."""

    def record_attempt(self, **kwargs: object) -> int: ...
    def record_success(self, attempt_id: int, ticket: TicketVisitWithLpu) -> None: ...
    def record_failure(self, attempt_id: int, **kwargs: object) -> None: ...
    def record_unknown(self, attempt_id: int, detail: str) -> None: ...
    def find_open_unknown(
        self, patient_key: str, resource_guid: str, day: date
    ) -> JournalEntry | None: ...


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

    def __repr__(self) -> str:  # keep the token out of any log line or traceback
        return (
            f"BookingRequest(lpu={self.lpu_guid}, resource={self.resource_guid}, "
            f"day={self.day}, at={self.at}, patient_key={self.patient_key[:8]}…)"
        )


@dataclass(frozen=True)
class BookingResult:
    attempt_id: int | None
    ticket: TicketVisitWithLpu


class BookingInProgress(Exception):
    """A second booking was asked for while the first is still in flight."""


class BookingService:
    """Sends bookings through one ``RegistryClient`` and keeps the journal straight."""

    def __init__(
        self, client: RegistryClient, journal: Journal | None, *, training: bool
    ) -> None:
        self.client = client
        self.journal = journal
        self.training = training
        self._in_flight = False

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    def open_unknown(self, request: BookingRequest) -> JournalEntry | None:
        """An earlier attempt for the same patient, resource and day whose outcome is unknown."""
        if self.journal is None:
            return None
        return self.journal.find_open_unknown(
            request.patient_key, request.resource_guid.lower(), request.day
        )

    async def book(self, request: BookingRequest) -> BookingResult:
        if self._in_flight:
            raise BookingInProgress
        self._in_flight = True
        try:
            return await self._book(request)
        finally:
            self._in_flight = False

    async def _book(self, request: BookingRequest) -> BookingResult:
        attempt_id = None
        if self.journal is not None:
            attempt_id = self.journal.record_attempt(
                lpu_guid=request.lpu_guid.lower(),
                resource_guid=request.resource_guid.lower(),
                day=request.day,
                at=request.at,
                patient_key=request.patient_key,
                patient_label=request.patient_label,
                clinic_name=request.clinic_name,
                resource_name=request.resource_name,
                training=self.training,
            )
        try:
            ticket = await self.client.book_out_of_schedule(
                request.lpu_guid,
                request.resource_guid,
                request.day,
                request.at,
                token=request.token,
            )
        except (OutcomeUnknown, MalformedAnswer) as exc:
            unknown = isinstance(exc, OutcomeUnknown) or exc.after_booking
            if attempt_id is not None and self.journal is not None:
                if unknown:
                    self.journal.record_unknown(attempt_id, str(exc))
                else:
                    self._record_failure(attempt_id, exc)
            raise
        except ApiError as exc:
            if attempt_id is not None:
                self._record_failure(attempt_id, exc)
            raise
        if attempt_id is not None and self.journal is not None:
            self.journal.record_success(attempt_id, ticket)
        return BookingResult(attempt_id, ticket)

    def _record_failure(self, attempt_id: int, exc: ApiError) -> None:
        assert self.journal is not None
        self.journal.record_failure(
            attempt_id,
            kind=type(exc).__name__,
            status=exc.status,
            message_code=exc.message_code,
            message=exc.server_message or exc.detail,
        )
