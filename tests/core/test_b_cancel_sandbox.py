"""Book then cancel through a training session's services: the real client over the in-process
sandbox (the HTTP-level tests live with the sandbox and the window)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.booking import BookingOutcome, BookingRequest, CancelKind, CancelOutcome, Reason
from desktop_app.journal import day_list, patient_key_from_token
from desktop_app.sandbox import Sandbox
from desktop_app.services import Services, build_services
from desktop_app.settings.owner import SettingsOwner

START = datetime(2026, 3, 2, 9, 0).astimezone()


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(tmp_path: Path, clock: Clock) -> Iterator[Services]:
    sandbox = Sandbox(clock=clock)
    built = build_services(
        SettingsOwner(),
        training=True,
        server_url=None,
        log_path=None,
        data_dir=tmp_path,
        sandbox=sandbox,
    )
    try:
        yield built
    finally:
        asyncio.run(built.aclose())


def _book(services: Services, patient: str, days_ahead: int = 1) -> tuple[BookingOutcome, str]:
    assert services.sandbox is not None and services.issue_token is not None
    marks = services.sandbox.landmarks()
    token = services.issue_token(patient)
    request = BookingRequest(
        lpu_guid=marks.main_clinic,
        resource_guid=marks.therapist,
        day=services.today() + timedelta(days=days_ahead),
        at=None,
        token=token,
        patient_key=patient_key_from_token(token),
        patient_display="Учебный пациент",
        speciality="Терапия",
    )
    outcome = asyncio.run(services.booking.book(request))
    assert outcome.booked and outcome.ticket is not None, outcome
    return outcome, token


def _cancel(
    services: Services, booking: BookingOutcome, token: str, *, by_row: bool = True
) -> CancelOutcome:
    assert booking.ticket is not None and services.sandbox is not None
    return asyncio.run(
        services.cancel.cancel(
            booking.attempt_id if by_row else None,
            lpu_guid=services.sandbox.landmarks().main_clinic,
            ticket_guid=booking.ticket.ticket_guid,
            reason_code=3,
            reason="Записан повторно",
            token=token,
        )
    )


def test_cancel_frees_the_booking_and_the_journal_says_cancelled(services: Services) -> None:
    assert services.sandbox is not None
    booking, token = _book(services, "adult")
    held = [b.ticket_guid for b in services.sandbox.bookings_of("adult")]
    assert booking.ticket is not None and booking.ticket.ticket_guid in held

    done = _cancel(services, booking, token)
    assert (done.kind, done.reason) == (CancelKind.DONE, Reason.OK)
    assert booking.ticket.ticket_guid not in [
        b.ticket_guid for b in services.sandbox.bookings_of("adult")
    ]
    entry = services.journal.get(booking.attempt_id)  # type: ignore[arg-type]
    assert entry is not None and entry.is_cancelled
    [group] = day_list(services.journal.day_entries(entry.appointment_day, training=True))
    assert [(r.patient, r.status) for r in group.rows] == [("Учебный пациент", "отменена")]

    # The registry says the visit is no longer active (4022): a clean refusal.
    again = _cancel(services, booking, token, by_row=False)
    assert (again.kind, again.message_code) == (CancelKind.REFUSED, "4022")


def test_a_visit_whose_time_has_passed_cannot_be_cancelled(
    services: Services, clock: Clock
) -> None:
    booking, _ = _book(services, "adult")
    clock.now = START + timedelta(days=3)
    assert services.issue_token is not None
    refused = _cancel(services, booking, services.issue_token("adult"))  # a fresh token
    assert (refused.kind, refused.reason, refused.message_code) == (
        CancelKind.REFUSED,
        Reason.VALIDATION,
        "4021",
    )
    entry = services.journal.get(booking.attempt_id)  # type: ignore[arg-type]
    assert entry is not None and entry.status == "booked" and entry.cancel_state == "refused"
    assert entry.cancel_error == refused.server_message
