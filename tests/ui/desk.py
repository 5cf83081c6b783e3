"""Helpers for driving the real window the way an operator does."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.api import RegistryClient
from desktop_app.sandbox import Landmarks, Sandbox
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.ui.desk.window import MainWindow
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.session import Session
from tests.qtkit import close_session, type_text
from tests.ui.asyncwait import wait_until


@dataclass
class Desk:
    window: MainWindow
    sandbox: Sandbox
    dialogs: RecordingDialogs
    session: Session

    @property
    def form(self):
        return self.window.form

    def posts(self) -> int:
        return sum(
            1 for r in self.sandbox.requests if r.method == "POST" and "/outSchedule/" in r.path
        )

    def resource_fio(self, guid: str) -> str:
        lpu = next(
            c["guid"]
            for c in self.sandbox.clinics()
            if any(r["guid"] == guid for r in self.sandbox.resources(c["guid"]))
        )
        return next(r["fio"] for r in self.sandbox.resources(lpu) if r["guid"] == guid)

    def clinic_short(self, guid: str) -> str:
        return next(c["ferName"] for c in self.sandbox.clinics() if c["guid"] == guid)


@contextlib.asynccontextmanager
async def open_desk(
    tmp_path: Path,
    *,
    sandbox: Sandbox | None = None,
    client: RegistryClient | None = None,
    training: bool = True,
    wait_for_clinics: bool = True,
) -> AsyncIterator[Desk]:
    sandbox = sandbox or Sandbox()
    dialogs = RecordingDialogs()
    services = build_services(
        SettingsOwner(AppSettings()),
        training=training,
        server_url=None,
        log_path=tmp_path / "desk.log",
        sandbox=sandbox if training else None,
        client=client,
        journal_path=tmp_path / "journal.sqlite3",
        today=lambda: sandbox.now().date(),  # work mode over HTTP: the sandbox's day too
    )
    session = Session(services, dialogs=dialogs)
    window = session.open_window()
    window.activateWindow()
    desk = Desk(window, sandbox, dialogs, session)
    try:
        if wait_for_clinics:
            await wait_until(
                lambda: window.form.clinic_picker.model.rowCount() > 0, what="clinic directory"
            )
        yield desk
    finally:
        await close_session(session)  # closed, deleted and forgotten before the next test


@contextlib.asynccontextmanager
async def open_http_desk(
    tmp_path: Path,
    *,
    sandbox: Sandbox | None = None,
    wait_for_clinics: bool = True,
    **client_settings: object,
) -> AsyncIterator[Desk]:
    """Work mode against the sandbox served over real HTTP on 127.0.0.1."""
    from desktop_app.api import ClientSettings
    from desktop_app.sandbox import serve_in_thread

    sandbox = sandbox or Sandbox()
    with serve_in_thread(sandbox) as base_url:
        client = RegistryClient(
            base_url, settings=ClientSettings(**client_settings), today=lambda: sandbox.now().date()
        )
        async with open_desk(
            tmp_path,
            sandbox=sandbox,
            client=client,
            training=False,
            wait_for_clinics=wait_for_clinics,
        ) as desk:
            yield desk


async def choose_clinic_and_doctor(qtbot, desk: Desk, clinic_text: str, doctor_text: str) -> None:
    """Type into the clinic search, Enter, type a doctor, Enter — as at the desk."""
    form = desk.form
    type_text(form.clinic_picker.edit, clinic_text)
    qtbot.keyClick(form.clinic_picker.edit, Qt.Key.Key_Return)
    await wait_until(lambda: form.resource_picker.model.rowCount() > 0, what="doctor list")
    type_text(form.resource_picker.edit, doctor_text)
    qtbot.keyClick(form.resource_picker.edit, Qt.Key.Key_Return)
    await wait_until(lambda: desk.window.resource is not None, what="doctor chosen")


async def choose_main_therapist(qtbot, desk: Desk) -> Landmarks:
    """The sandbox's main clinic and its therapist 1, by keys; returns the landmarks."""
    marks = desk.sandbox.landmarks()
    await choose_clinic_and_doctor(
        qtbot,
        desk,
        desk.clinic_short(marks.main_clinic),
        surname(desk.resource_fio(marks.therapist)),
    )
    return marks


def choose_patient(qtbot, desk: Desk, patient_id: str) -> None:
    """Pick a roster patient in the combo by keyboard (Down/Up from the current row)."""
    combo = desk.form.patient_picker
    target = next(i for i in range(combo.count()) if combo.itemData(i)["id"] == patient_id)
    combo.setFocus()
    if combo.currentIndex() < 0:
        qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    type_documents(qtbot, desk.form, combo.itemData(target))


def type_documents(qtbot, form, patient: dict) -> None:
    """Type the patient's policy and birth date into the patient block, as from the documents
    handed over at the counter (Ctrl+Enter then finds the patient and books)."""
    block = form.patient_block
    block.policy_edit.setFocus()
    block.policy_edit.selectAll()
    qtbot.keyClicks(block.policy_edit, patient["policy"])
    qtbot.keyClick(block.policy_edit, Qt.Key.Key_Tab)
    born = patient["birthDate"]  # ISO
    block.birth_edit.setFocus()
    block.birth_edit.selectAll()
    qtbot.keyClicks(block.birth_edit, born[8:10] + born[5:7] + born[0:4])


def ctrl_enter(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def surname(fio: str) -> str:
    return fio.split()[0]
