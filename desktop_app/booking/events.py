"""What happened at the desk, as plain events (Qt-free).

The window emits one ``DeskEvent`` per thing the operator saw or did; training mode listens to
them to detect that an exercise was done, and the tests use them to follow the flow.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DeskEventKind(StrEnum):
    BOOKED = "booked"  # a ticket was shown
    REJECTED = "rejected"  # a 4xxx refusal dialog (message_code says which)
    CREDENTIALS_REFUSED = "credentials_refused"  # 401/403/5009 dialog
    UNAVAILABLE = "unavailable"  # clinic/server unavailable (5xx) dialog
    NETWORK = "network"  # not delivered (no connection, TLS)
    OUTCOME_UNKNOWN = "outcome_unknown"  # the "may or may not exist" dialog
    MALFORMED = "malformed"  # unreadable answer (nothing booked)
    OTHER_ERROR = "other_error"  # any other error dialog
    REBOOK_WARNED = "rebook_warned"  # asked to check an unknown attempt before re-booking
    REBOOK_CANCELLED = "rebook_cancelled"  # ... and the operator chose to check first
    REBOOK_CONFIRMED = "rebook_confirmed"  # ... and the operator booked again anyway
    #: The journal holds an active booking of the patient for the same speciality and day,
    #: and the operator chose not to book another (``Reason.DUPLICATE``).
    DUPLICATE_DECLINED = "duplicate_declined"
    #: The chosen clinic is Offline (or its status stale) and the operator chose not to send.
    OFFLINE_DECLINED = "offline_declined"
    CANCELLED = "cancelled"  # the registry confirmed a cancellation (``CancelKind.DONE``)
    PRINTED = "printed"  # a slip was printed or saved
    NEW_BOOKING = "new_booking"  # F2


@dataclass(frozen=True)
class DeskEvent:
    kind: DeskEventKind
    lpu_guid: str | None = None
    resource_guid: str | None = None
    patient_id: str | None = None  # training roster id; None in work mode
    message_code: str | None = None
    status: int | None = None
    ticket_num: str | None = None
    ticket_guid: str | None = None
    has_time: bool = False  # the operator chose an explicit time
