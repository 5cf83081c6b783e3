"""Helpers for helper F's widget tests (patient block, cancel, day list); no tests here.

The registry is the sandbox served over real HTTP on 127.0.0.1 (``serve_in_thread``); the
journal is a real ``ShiftJournal`` in ``tmp_path``; message boxes are the real ``Dialogs``
where a test presses their buttons, ``RecordingDialogs`` where it only reads their words.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop_app.api import RegistryClient
from desktop_app.booking import BookingRequest, BookingService, CancelService
from desktop_app.journal import ShiftJournal
from desktop_app.sandbox import MSK, Sandbox, serve_in_thread
from tests.ui.asyncwait import wait_until

#: "Now" of the pinned sandbox clock: Monday 2 March 2026, 09:00 Moscow time.
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=MSK)


class Clock:
    """A settable clock shared by the sandbox and the widgets."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def today(self) -> date:
        return self.now.date()

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Registry:
    """The sandbox over HTTP, a client, a journal and the booking and cancel services."""

    sandbox: Sandbox
    client: RegistryClient
    journal: ShiftJournal
    booking: BookingService
    cancel: CancelService
    clock: Clock
    base_url: str

    @property
    def main_clinic(self) -> str:
        return self.sandbox.landmarks().main_clinic

    def patient(self, patient_id: str) -> dict:
        return next(p for p in self.sandbox.patients() if p["id"] == patient_id)

    def requests(self, method: str, part: str) -> int:
        return sum(1 for r in self.sandbox.requests if r.method == method and part in r.path)

    async def book(self, patient_id: str, *, label: str, days_ahead: int = 1):
        """Book ``patient_id`` to the main clinic's therapist as the desk would."""
        from desktop_app.ui.desk.patient_block import PatientIdentity

        marks = self.sandbox.landmarks()
        token = self.sandbox.issue_token(patient_id)
        info = self.patient(patient_id)
        identity = PatientIdentity(
            token=token,
            display=label,
            birth_date=date.fromisoformat(info["birthDate"]),
            policy=info["policy"],
            lpu_guid=marks.main_clinic,
        )
        outcome = await self.booking.book(
            BookingRequest(
                lpu_guid=marks.main_clinic,
                resource_guid=marks.therapist,
                day=self.clock.today() + timedelta(days=days_ahead),
                at=None,
                token=token,
                patient_key=identity.patient_key,
                patient_label=label,
                patient_display=label,
                clinic_name="ГП № 1",
                resource_name="Терапевт",
                speciality="Терапия",
            )
        )
        assert outcome.booked and outcome.ticket is not None, outcome
        return outcome, token


@contextlib.asynccontextmanager
async def http_registry(
    tmp_path: Path, *, clock: Clock | None = None, sandbox: Sandbox | None = None
) -> AsyncIterator[Registry]:
    clock = clock or Clock()
    sandbox = sandbox or Sandbox(clock=clock)
    journal = ShiftJournal(tmp_path / "journal.sqlite3", clock=clock)
    try:
        with serve_in_thread(sandbox) as base_url:
            client = RegistryClient(base_url, today=lambda: sandbox.now().date())
            try:
                yield Registry(
                    sandbox=sandbox,
                    client=client,
                    journal=journal,
                    booking=BookingService(
                        client, journal, training=False, today=lambda: sandbox.now().date()
                    ),
                    cancel=CancelService(client, journal),
                    clock=clock,
                    base_url=base_url,
                )
            finally:
                await client.aclose()
    finally:
        journal.close()


def open_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


async def wait_box(what: str = "message box") -> QMessageBox:
    await wait_until(lambda: open_boxes(), what=what)
    return open_boxes()[-1]


def button(box: QMessageBox, label: str) -> QPushButton:
    found = [b for b in box.buttons() if b.text() == label]
    assert found, [b.text() for b in box.buttons()]
    pushed = found[0]
    assert isinstance(pushed, QPushButton)
    return pushed


def spawner(tasks: set) -> Callable:
    """A ``spawn`` that keeps the task (as the window's ``TaskKeeper`` does)."""
    import asyncio

    def spawn(coro):
        task = asyncio.get_event_loop().create_task(coro)
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return task

    return spawn
