"""The booking flow, Qt-free: journal first, one POST, one outcome."""

from desktop_app.booking.events import DeskEvent, DeskEventKind
from desktop_app.booking.outcome import BookingOutcome, OutcomeKind, Reason, classify
from desktop_app.booking.service import (
    BookingRequest,
    BookingService,
    EarlierAttempt,
)

__all__ = [
    "BookingOutcome",
    "BookingRequest",
    "BookingService",
    "DeskEvent",
    "DeskEventKind",
    "EarlierAttempt",
    "OutcomeKind",
    "Reason",
    "classify",
]
