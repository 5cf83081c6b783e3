"""Printing from the window: Ctrl+P, failures that keep the ticket, PDF copies and duplicates."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.booking import DeskEventKind
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    choose_main_therapist,
    choose_patient,
    ctrl_enter,
    open_desk,
)

pytestmark = pytest.mark.asyncio


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


async def _booked_desk(qtbot, desk) -> None:
    await choose_main_therapist(qtbot, desk)
    desk.form.date_edit.setFocus()
    qtbot.keyClick(desk.form.date_edit, Qt.Key.Key_Plus)
    choose_patient(qtbot, desk, "adult")
    ctrl_enter(qtbot, desk.form.patient_picker)
    await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket")


async def test_ctrl_p_without_a_printer_says_so_and_keeps_the_ticket(
    qtbot, tmp_path, monkeypatch
) -> None:
    from desktop_app.ui.printing import slip_printer

    monkeypatch.setattr(slip_printer, "available_printers", lambda: [])
    monkeypatch.setattr(slip_printer, "default_printer_name", lambda: None)
    async with open_desk(tmp_path) as desk:
        assert not desk.window.print_button.isEnabled()  # nothing to print yet
        await _booked_desk(qtbot, desk)
        assert desk.window.print_button.isEnabled()
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: desk.dialogs.shown, what="dialog")
        message = desk.dialogs.shown[-1]
        assert message.title == "Талон не напечатан"
        assert "PDF" in message.details
        assert desk.window.ticket_view.card.isVisible()
        entry = desk.session.journal.get(desk.window.last_attempt_id)
        assert entry.print_count == 0


async def test_pdf_copies_count_and_the_second_is_a_duplicate(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        events = []
        desk.window.desk_event.connect(events.append)
        await _booked_desk(qtbot, desk)
        number = desk.window.ticket_view.number.text()
        first = desk.window.slips.save_pdf_to(tmp_path / "first.pdf")
        second = desk.window.slips.save_pdf_to(tmp_path / "second.pdf")
        text1, text2 = pdf_text(first), pdf_text(second)
        assert number in text1
        assert "ДУБЛИКАТ" not in text1
        assert "ДУБЛИКАТ № 2" in text2
        assert "УЧЕБНЫЙ — НЕ ДЕЙСТВИТЕЛЕН" in text1  # training mode watermark
        entry = desk.session.journal.get(desk.window.last_attempt_id)
        assert entry.print_count == 2
        assert [e.kind for e in events].count(DeskEventKind.PRINTED) == 2
        assert "дубликат № 2" in desk.window.status_text.text()
        assert f"талона № {number}" in desk.window.status_text.text()
        assert str(second) in desk.window.status_text.text()


def _pdf_printer(path: Path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


async def test_printing_runs_off_the_gui_thread_and_is_not_doubled(
    qtbot, tmp_path, monkeypatch
) -> None:
    """A slow printer driver must not freeze the window; a second Ctrl+P meanwhile is ignored."""
    import threading

    from PySide6.QtCore import QTimer

    from desktop_app.ui.printing import slip_printer

    release = threading.Event()
    calls: list[str] = []

    def slow_driver(slip, layout, printer):
        calls.append(threading.current_thread().name)
        assert release.wait(timeout=10), "test never released the printer"

    monkeypatch.setattr(slip_printer, "make_printer", lambda name: _pdf_printer(tmp_path / "x.pdf"))
    monkeypatch.setattr(slip_printer, "print_slip", slow_driver)
    async with open_desk(tmp_path) as desk:
        await _booked_desk(qtbot, desk)
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: calls, what="the driver to start")
        assert not desk.window.print_button.isEnabled()
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        before = len(ticks)
        await wait_until(lambda: len(ticks) >= before + 10, what="the loop to keep ticking")
        release.set()
        await wait_until(lambda: not desk.window.slips.printing, what="printing to finish")
        timer.stop()
        assert len(calls) == 1
        assert calls[0] != threading.main_thread().name
        assert desk.session.journal.get(desk.window.last_attempt_id).print_count == 1
        assert desk.window.print_button.isEnabled()


async def test_print_with_a_choice_opens_the_print_dialog_and_its_button_prints(
    qtbot, tmp_path, monkeypatch
) -> None:
    """ "Печать с выбором…" opens the real (non-blocking) print dialog; its Print button prints."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

    from desktop_app.ui.printing import slip_printer

    out = tmp_path / "chosen.pdf"

    def pdf_printer(_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(slip_printer, "make_printer", pdf_printer)
    async with open_desk(tmp_path) as desk:
        await _booked_desk(qtbot, desk)
        qtbot.mouseClick(desk.window.print_dialog_button, Qt.MouseButton.LeftButton)

        def dialog() -> QPrintDialog | None:
            found = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QPrintDialog) and w.isVisible()
            ]
            return found[0] if found else None

        await wait_until(lambda: dialog() is not None, what="print dialog")
        # Qt's own dialog lists the system's queues first; choose "print to file", as an
        # operator saving a copy would, with the file name the app suggested.
        printers = dialog().findChild(QComboBox, "printers")
        to_file = printers.findText("(PDF)", Qt.MatchFlag.MatchContains)  # Qt in ru or en
        assert to_file >= 0
        printers.setCurrentIndex(to_file)
        name = dialog().findChild(QLineEdit, "filename")
        name.setText(str(out))
        box = dialog().findChild(QDialogButtonBox)
        button = box.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None and button.isEnabled()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: out.exists() and out.stat().st_size > 0, what="printed file")
        assert desk.window.ticket_view.number.text() in pdf_text(out)
        await wait_until(
            lambda: "напечатан" in desk.window.status_text.text().lower(), what="status"
        )
