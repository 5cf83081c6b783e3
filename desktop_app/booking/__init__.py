"""The booking flow, Qt-free: journal first, one POST, unknown outcomes remembered."""

from desktop_app.booking.events import DeskEvent, DeskEventKind
from desktop_app.booking.service import (
    BookingInProgress,
    BookingRequest,
    BookingResult,
    BookingService,
)

__all__ = [
    "BookingInProgress",
    "BookingRequest",
    "BookingResult",
    "BookingService",
    "DeskEvent",
    "DeskEventKind",
]
