"""The booking flow, Qt-free: journal first, one POST, one outcome; cancellations alike.

Its names are imported on first use (``desktop_app.lazy``)."""

from typing import TYPE_CHECKING

from desktop_app.lazy import lazy_exports

if TYPE_CHECKING:
    from desktop_app.booking.cancel import (
        CANCEL_REASONS,
        CancelClient,
        CancelKind,
        CancelOutcome,
        CancelService,
    )
    from desktop_app.booking.events import (
        DeskEvent,
        DeskEventKind,
    )
    from desktop_app.booking.outcome import (
        BookingOutcome,
        OutcomeKind,
        Reason,
        classify,
    )
    from desktop_app.booking.service import (
        BookingRequest,
        BookingService,
        EarlierAttempt,
    )

__all__ = [
    "CANCEL_REASONS",
    "BookingOutcome",
    "BookingRequest",
    "BookingService",
    "CancelClient",
    "CancelKind",
    "CancelOutcome",
    "CancelService",
    "DeskEvent",
    "DeskEventKind",
    "EarlierAttempt",
    "OutcomeKind",
    "Reason",
    "classify",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "cancel": (
            "CANCEL_REASONS",
            "CancelClient",
            "CancelKind",
            "CancelOutcome",
            "CancelService",
        ),
        "events": (
            "DeskEvent",
            "DeskEventKind",
        ),
        "outcome": (
            "BookingOutcome",
            "OutcomeKind",
            "Reason",
            "classify",
        ),
        "service": (
            "BookingRequest",
            "BookingService",
            "EarlierAttempt",
        ),
    },
)
