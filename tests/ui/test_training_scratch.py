import asyncio
from datetime import datetime, time as dtime, timezone, timedelta
import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication
from desktop_app.sandbox import Sandbox
from desktop_app.settings.model import AppSettings
from desktop_app.ui.dialogs import RecordingDialogs
from desktop_app.ui.session import Session
from desktop_app.ui.training_panel import install_training
from conftest import wait_until

MSK = timezone(timedelta(hours=3))

@pytest.mark.asyncio
async def test_scratch(qtbot, tmp_path):
    now = datetime.combine(datetime.now(MSK).date(), dtime(10), MSK)
    sb = Sandbox(clock=lambda: now)
    dialogs = RecordingDialogs()
    session = Session(settings=AppSettings(), log_path=None, training=True, server_url=None,
                      dialogs=dialogs, sandbox=sb, journal_path=tmp_path / "j.sqlite3")
    window = session.open_window(show=True)
    panel = install_training(window, sb, progress_dir=tmp_path / "p")
    events = []
    window.desk_event.connect(events.append)
    try:
        print("focus", QApplication.focusWidget(), window.isActiveWindow())
        f = window.form
        await wait_until(lambda: f.clinic_picker.model.rowCount() > 0)
        qtbot.keyClicks(f.clinic_picker.edit, "ГП № 1 Набережная")
        qtbot.keyClick(f.clinic_picker.edit, Qt.Key_Return)
        print("clinic", window.clinic and window.clinic.fer_name, QApplication.focusWidget().objectName())
        await wait_until(lambda: f.resource_picker.model.rowCount() > 0)
        qtbot.keyClicks(f.resource_picker.edit, "уролог")
        qtbot.keyClick(f.resource_picker.edit, Qt.Key_Return)
        print("res", window.resource and window.resource.fio, QApplication.focusWidget().objectName())
        qtbot.keyClick(f.date_edit, Qt.Key_Plus)
        print("date", f.date_edit.date())
        qtbot.keyClick(f.date_edit, Qt.Key_Tab)
        print("focus after tab", QApplication.focusWidget().objectName())
        qtbot.keyClick(f.time_check, Qt.Key_Space)
        print("timecheck", f.time_check.isChecked())
        qtbot.keyClick(f.time_check, Qt.Key_Tab)
        print("focus after tab", QApplication.focusWidget().objectName())
        qtbot.keyClicks(f.time_edit, "1200")
        print("time", f.time_edit.time())
        qtbot.keyClick(f.time_edit, Qt.Key_Return)
        print("focus", QApplication.focusWidget().objectName())
        pp = f.patient_picker
        qtbot.keyClick(pp, Qt.Key_End)
        print("patient", pp.currentIndex(), pp.currentText())
        qtbot.keyClick(pp, Qt.Key_Home)
        print("patient", pp.currentIndex(), pp.currentText())
        qtbot.keyClick(pp, Qt.Key_Return, Qt.ControlModifier)
        await wait_until(lambda: events, what="event")
        print(events, dialogs.shown)
    finally:
        await session.close()
        window.close()
