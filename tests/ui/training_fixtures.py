"""Driving the real window by keys in training mode (helpers for tests/ui/test_training_*.py).

Keys always go to the widget that has the focus, as a keyboard would deliver them; the tests
check where the focus lands after each Enter. Cyrillic text is typed as key events carrying
the text (``QTest.keyClicks`` only handles Latin-1 and aborts on anything else).

Async tests wait by polling with ``asyncio.sleep`` (TOOLCHAIN.md); never with qtbot waits.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from datetime import time as dtime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.booking import DeskEvent, DeskEventKind
from desktop_app.sandbox import Sandbox
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.training.desk import ATTEMPT_OUTCOMES
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.session import Session
from desktop_app.ui.training.panel import TrainingPanel
from tests.qtkit import close_session

MSK = timezone(timedelta(hours=3))

#: Events after which a booking attempt is over (the rebook dialog's "no" ends one too).
FINAL_KINDS = ATTEMPT_OUTCOMES | {
    DeskEventKind.REBOOK_CANCELLED,
    DeskEventKind.OFFLINE_DECLINED,
    DeskEventKind.DUPLICATE_DECLINED,
}


async def wait_until(
    predicate: Callable[[], object], timeout: float = 5.0, what: str = "condition"
) -> None:
    """Poll ``predicate`` while the Qt loop keeps running; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def pinned_sandbox() -> Sandbox:
    """A sandbox whose clock stands at 10:00 Moscow time today: tomorrow is always open."""
    now = datetime.combine(datetime.now(MSK).date(), dtime(10), MSK)
    return Sandbox(clock=lambda: now)


@dataclass
class TrainingRig:
    """One training session: window, panel, recorded dialogs and every desk event seen."""

    session: Session
    window: Any
    panel: TrainingPanel
    sandbox: Sandbox
    dialogs: RecordingDialogs
    events: list[DeskEvent] = field(default_factory=list)

    # -- keys ------------------------------------------------------------------------------------

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def focus_name(self) -> str:
        return self.focused().objectName()

    def press(
        self,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        times: int = 1,
    ) -> None:
        for _ in range(times):
            QTest.keyClick(self.focused(), key, modifiers)

    def type_text(self, text: str) -> None:
        for char in text:
            target = self.focused()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )

    def replace_text(self, text: str) -> None:
        """Ctrl+A, then type: what an operator does in a search field that has old text."""
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.type_text(text)

    # -- the booking flow ------------------------------------------------------------------------

    async def start_trainee(self, name: str) -> None:
        # The desk's focus starts in the clinic search; the trainee clicks into the name field.
        QTest.mouseClick(self.panel.name_edit, Qt.MouseButton.LeftButton)
        assert self.focus_name() == "traineeName", self.focus_name()
        self.type_text(name)
        self.press(Qt.Key.Key_Return)
        assert self.panel.progress is not None
        assert self.focus_name() == "clinicSearch"

    async def choose_clinic(self, query: str, guid: str) -> None:
        form = self.window.form
        await wait_until(lambda: form.clinic_picker.model.items, what="clinic directory")
        if self.focus_name() == "resourceSearch":
            self.press(Qt.Key.Key_Backtab)
        assert self.focus_name() == "clinicSearch"
        self.replace_text(query)
        self.press(Qt.Key.Key_Return)
        assert self.window.clinic is not None and self.window.clinic.guid == guid, (
            f"{query!r} chose {self.window.clinic}"
        )
        assert self.focus_name() == "resourceSearch"
        await wait_until(lambda: form.resource_picker.model.items, what="doctors of the clinic")

    async def choose_doctor(self, query: str, guids: set[str]) -> None:
        assert self.focus_name() == "resourceSearch"
        self.replace_text(query)
        self.press(Qt.Key.Key_Return)
        assert self.window.resource is not None and self.window.resource.guid in guids, (
            f"{query!r} chose {self.window.resource}"
        )
        assert self.focus_name() == "dateEdit"

    def choose_day(self, days_ahead: int) -> None:
        """In the date field: "-" down to today (it stops there), "+" per day ahead, Enter."""
        assert self.focus_name() == "dateEdit"
        self.press(Qt.Key.Key_Minus, times=3)
        self.press(Qt.Key.Key_Plus, times=days_ahead)
        self.press(Qt.Key.Key_Return)
        assert self.focus_name() == "patientPicker"

    def choose_hour(self, hour: int) -> None:
        """From the patient field: back to "Указать время", tick it, set the hour with arrows."""
        form = self.window.form
        assert self.focus_name() == "patientPicker"
        self.press(Qt.Key.Key_Backtab)
        assert self.focus_name() == "timeCheck"
        if not form.time_check.isChecked():
            self.press(Qt.Key.Key_Space)
        self.press(Qt.Key.Key_Tab)
        assert self.focus_name() == "timeEdit"
        current = form.time_edit.time().hour()
        key = Qt.Key.Key_Up if hour > current else Qt.Key.Key_Down
        self.press(key, times=abs(hour - current))
        assert form.time_edit.time().hour() == hour
        self.press(Qt.Key.Key_Return)
        assert self.focus_name() == "patientPicker"

    def choose_patient(self, patient_id: str) -> None:
        picker = self.window.form.patient_picker
        assert self.focus_name() == "patientPicker"
        ids = [picker.itemData(i)["id"] for i in range(picker.count())]
        self.press(Qt.Key.Key_Home)
        self.press(Qt.Key.Key_Down, times=ids.index(patient_id))
        assert picker.currentData()["id"] == patient_id
        # The trainee types the documents into the patient block, as at a real desk.
        patient = picker.currentData()
        self.press(Qt.Key.Key_Tab)
        assert self.focus_name() == "patientPolicy"
        self.type_text(patient["policy"])
        self.press(Qt.Key.Key_Tab)
        if self.focus_name() == "patientSurname":
            self.press(Qt.Key.Key_Tab)
        assert self.focus_name() == "patientBirthDate"
        born = patient["birthDate"]
        self.type_text(born[8:10] + born[5:7] + born[0:4])

    async def book_now(self) -> DeskEvent:
        """Ctrl+Enter where the focus is; the event that ended the attempt."""
        seen = len(self.events)
        self.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(
            lambda: any(e.kind in FINAL_KINDS for e in self.events[seen:]),
            what="the end of the booking attempt",
        )
        await wait_until(lambda: not self.window.booking_busy, what="the form to be free")
        return next(e for e in self.events[seen:] if e.kind in FINAL_KINDS)

    async def book(
        self,
        *,
        clinic: tuple[str, str],
        doctor: tuple[str, set[str] | str],
        patient: str,
        days_ahead: int = 1,
        hour: int | None = None,
    ) -> DeskEvent:
        """The whole form by keys: F2, clinic, doctor, day, [time], patient, Ctrl+Enter."""
        self.press(Qt.Key.Key_F2)
        query, guid = clinic
        if self.window.clinic is None or self.window.clinic.guid != guid:
            await self.choose_clinic(query, guid)
        doctor_query, doctor_guids = doctor
        await self.choose_doctor(
            doctor_query, {doctor_guids} if isinstance(doctor_guids, str) else doctor_guids
        )
        self.choose_day(days_ahead)
        if hour is not None:
            self.choose_hour(hour)
        self.choose_patient(patient)
        return await self.book_now()

    def ticked(self) -> set[str]:
        return {e.id for e in self.panel.exercises if self.panel.is_ticked(e.id)}


@asynccontextmanager
async def training_rig(
    tmp_path: Path,
    *,
    sandbox: Sandbox | None = None,
    progress_dir: Path | None = None,
    journal_path: Path | None = None,
) -> AsyncIterator[TrainingRig]:
    """Session (training, in-process sandbox, recorded dialogs) + window + docked panel."""
    sandbox = sandbox or pinned_sandbox()
    dialogs = RecordingDialogs()
    services = build_services(
        SettingsOwner(AppSettings()),
        training=True,
        server_url=None,
        log_path=None,
        sandbox=sandbox,
        journal_path=journal_path or tmp_path / "journal.sqlite3",
    )
    session = Session(services, dialogs=dialogs, progress_dir=progress_dir or tmp_path / "progress")
    window = session.open_window(show=True)
    panel = session.training_panel  # Session docks the panel in training mode
    rig = TrainingRig(session, window, panel, sandbox, dialogs)
    window.desk_event.connect(rig.events.append)
    try:
        window.activateWindow()
        await wait_until(window.isActiveWindow, what="the window to become active")
        await wait_until(lambda: window.form.clinic_picker.model.items, what="clinics")
        yield rig
    finally:
        await close_session(session)  # closed, deleted and forgotten before the next test
