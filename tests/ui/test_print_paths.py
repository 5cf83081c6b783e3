"""Every way a slip leaves the desk, opened for real (offscreen) and driven by its buttons.

Ctrl+P, Ctrl+Shift+P (Qt's print dialog), the preview's own Print button, the PDF file dialog
and the journal's reprint. Each copy is counted once, gets its own duplicate number, and the
status line and the PRINTED desk event name the ticket actually printed. The queue's state,
its paper width and the receipt printer itself are seams here (``printer_state``,
``paper_width_mm``, ``make_printer`` writing a PDF); the real CUPS queues are in
``tests/printing/test_cups_desk.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
)

from desktop_app.api import RegistryClient, TicketVisitWithLpu
from desktop_app.booking import DeskEventKind
from desktop_app.printing import short_fio
from desktop_app.sandbox import Sandbox, SandboxConfig
from desktop_app.ui.desk.ticket_view import TicketView
from desktop_app.ui.platform.dialogs import Severity
from desktop_app.ui.printing import slip_printer
from desktop_app.ui.printing.queue_state import PrinterStatus, QueueState
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    Desk,
    choose_main_therapist,
    choose_patient,
    ctrl_enter,
    open_desk,
    open_http_desk,
)
from tests.ui.test_printing_flow import pdf_text

pytestmark = pytest.mark.asyncio

MM_TO_PT = 72 / 25.4


class Paper:
    """The receipt printer as a PDF file; each print replaces the file (a new sheet)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.made: list[QPrinter] = []

    def __call__(self, _name: str | None) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.path))
        self.made.append(printer)
        return printer

    def take(self) -> str:
        text = pdf_text(self.path)
        self.path.unlink()
        return text


@pytest.fixture
def paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paper:
    paper = Paper(tmp_path / "printed.pdf")
    monkeypatch.setattr(slip_printer, "make_printer", paper)
    return paper


async def _book(
    qtbot, desk: Desk, patient: str = "adult", *, at: time | None = None, again: bool = False
) -> str:
    """Book the therapist tomorrow for ``patient``; returns the ticket number on screen.

    ``again``: the form still holds the clinic, doctor and day of the previous booking.
    """
    if not again:
        await choose_main_therapist(qtbot, desk)
        desk.form.date_edit.setFocus()
        qtbot.keyClick(desk.form.date_edit, Qt.Key.Key_Plus)
    if at is not None:
        desk.form.time_check.setChecked(True)
        desk.form.time_edit.setTime(QTime(at.hour, at.minute))
    before = desk.window.ticket_view.ticket
    if desk.window.training:
        choose_patient(qtbot, desk, patient)
        ctrl_enter(qtbot, desk.form.patient_picker)
    else:
        desk.form.token_edit.setFocus()
        qtbot.keyClicks(desk.form.token_edit, desk.sandbox.issue_token(patient))
        ctrl_enter(qtbot, desk.form.token_edit)
    await wait_until(
        lambda: (
            (
                desk.window.ticket_view.card.isVisible()
                and desk.window.ticket_view.ticket is not before
            )
            or desk.dialogs.shown
        ),
        what="ticket",
    )
    assert not desk.dialogs.shown, desk.dialogs.shown
    return desk.window.ticket_view.number.text()


def _count(desk: Desk, attempt_id: int | None = None) -> int:
    entry = desk.session.journal.get(attempt_id or desk.window.last_attempt_id)
    return entry.print_count


def _printed(events: list) -> list:
    return [e for e in events if e.kind is DeskEventKind.PRINTED]


def _visible(kind: type):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[0] if found else None


def _status(desk: Desk) -> str:
    return desk.window.status_text.text()


async def _printed_done(desk: Desk, what: str) -> None:
    await wait_until(lambda: not desk.window.slips.printing, what=what)


# --- Ctrl+P -------------------------------------------------------------------------------------


async def test_ctrl_p_prints_counts_and_the_next_copy_is_a_duplicate(
    qtbot, tmp_path, paper
) -> None:
    async with open_desk(tmp_path) as desk:
        events: list = []
        desk.window.desk_event.connect(events.append)
        number = await _book(qtbot, desk)
        guid = desk.window.ticket_view.ticket.ticket_guid
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="first copy"
        )
        text = paper.take()
        assert f"№ {number}" in text or number in text
        assert "ДУБЛИКАТ" not in text
        assert _count(desk) == 1
        assert _status(desk) == f"Талон № {number} напечатан."
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="second copy"
        )
        assert "ДУБЛИКАТ № 2" in paper.take()
        assert _count(desk) == 2
        assert _status(desk) == f"Напечатан дубликат № 2 талона № {number}."
        assert [(e.ticket_num, e.ticket_guid) for e in _printed(events)] == [(number, guid)] * 2
        assert desk.dialogs.shown == []


# --- Ctrl+Shift+P: the print dialog ---------------------------------------------------------------


async def test_ctrl_shift_p_opens_the_print_dialog_and_its_print_button_prints(
    qtbot, tmp_path, paper
) -> None:
    out = tmp_path / "chosen.pdf"
    async with open_desk(tmp_path) as desk:
        assert "Ctrl+Shift+P" in desk.window.print_dialog_action.text()
        assert "Ctrl+Shift+P" in desk.window.print_dialog_button.toolTip()
        number = await _book(qtbot, desk)
        qtbot.keyClick(
            desk.form.patient_picker,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        await wait_until(lambda: _visible(QPrintDialog) is not None, what="print dialog")
        dialog = _visible(QPrintDialog)
        # Non-blocking: the event loop (and this test) runs on while the dialog is open.
        assert dialog.windowModality() == Qt.WindowModality.WindowModal
        assert _count(desk) == 0  # opening the dialog prints nothing
        printers = dialog.findChild(QComboBox, "printers")
        to_file = printers.findText("(PDF)", Qt.MatchFlag.MatchContains)  # Qt in ru or en
        assert to_file >= 0
        printers.setCurrentIndex(to_file)
        dialog.findChild(QLineEdit, "filename").setText(str(out))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: out.exists() and not desk.window.slips.printing, what="printed file"
        )
        assert number in pdf_text(out)
        assert _count(desk) == 1
        assert _status(desk) == f"Талон № {number} напечатан."
        assert not paper.path.exists()  # the dialog's choice, not the default printer


async def test_print_dialog_cancel_prints_and_counts_nothing(qtbot, tmp_path, paper) -> None:
    async with open_desk(tmp_path) as desk:
        await _book(qtbot, desk)
        qtbot.mouseClick(desk.window.print_dialog_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: _visible(QPrintDialog) is not None, what="print dialog")
        dialog = _visible(QPrintDialog)
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        await wait_until(lambda: _visible(QPrintDialog) is None, what="dialog closed")
        assert _count(desk) == 0 and not paper.path.exists()


# --- the preview's Print button ------------------------------------------------------------------


async def test_preview_print_button_counts_the_copy_with_its_own_duplicate_number(
    qtbot, tmp_path, paper
) -> None:
    async with open_desk(tmp_path) as desk:
        events: list = []
        desk.window.desk_event.connect(events.append)
        number = await _book(qtbot, desk)
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="first copy"
        )
        paper.take()

        qtbot.mouseClick(desk.window.preview_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: _visible(QPrintPreviewDialog) is not None, what="preview")
        preview = _visible(QPrintPreviewDialog)
        assert _count(desk) == 1  # looking is not printing
        action = slip_printer.preview_print_action(preview)
        assert action is not None and action.isEnabled()
        action.trigger()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing,
            what="copy from the preview",
        )
        assert "ДУБЛИКАТ № 2" in paper.take()
        assert not preview.isVisible()  # printed: the preview is done
        assert _count(desk) == 2
        assert _status(desk) == f"Напечатан дубликат № 2 талона № {number}."

        # The next Ctrl+P is the third copy, not a second "ДУБЛИКАТ № 2".
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="third copy"
        )
        assert "ДУБЛИКАТ № 3" in paper.take()
        assert _count(desk) == 3
        assert len(_printed(events)) == 3


# --- PDF ------------------------------------------------------------------------------------------


async def test_pdf_button_opens_the_file_dialog_and_saves_a_counted_copy(qtbot, tmp_path) -> None:
    out = tmp_path / "saved.pdf"
    async with open_desk(tmp_path) as desk:
        number = await _book(qtbot, desk)
        qtbot.mouseClick(desk.window.pdf_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: _visible(QFileDialog) is not None, what="file dialog")
        dialog = _visible(QFileDialog)
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None and name.text() == f"talon-{number}.pdf"
        name.setText(str(out))
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        save = next(
            b
            for b in box.findChildren(QPushButton)
            if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        )
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        await wait_until(lambda: out.exists(), what="saved PDF")
        assert number in pdf_text(out)
        assert _count(desk) == 1
        assert _status(desk) == f"Талон № {number} сохранён в PDF: {out}"


# --- the journal's reprint ---------------------------------------------------------------------


async def test_journal_reprint_of_another_ticket_names_that_ticket(qtbot, tmp_path, paper) -> None:
    async with open_desk(tmp_path) as desk:
        events: list = []
        desk.window.desk_event.connect(events.append)
        first = await _book(qtbot, desk, "adult")
        first_id = desk.window.last_attempt_id
        first_guid = desk.window.ticket_view.ticket.ticket_guid
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing,
            what="first ticket printed",
        )
        paper.take()
        second = await _book(qtbot, desk, "elderly", again=True)
        shown_guid = desk.window.ticket_view.ticket.ticket_guid
        assert second != first and shown_guid != first_guid

        view = desk.window.open_journal()
        model = view.table.model()
        await wait_until(lambda: model.rowCount() >= 2, what="journal rows")
        row = next(
            r
            for r in range(model.rowCount())
            if (view.table.selectRow(r) or True) and view.current_entry().id == first_id
        )
        view.table.selectRow(row)
        qtbot.mouseClick(view.reprint_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="reprint"
        )
        view.close()
        text = paper.take()
        assert "ДУБЛИКАТ № 2" in text and first in text
        assert _status(desk) == f"Напечатан дубликат № 2 талона № {first} (из журнала)"
        last = _printed(events)[-1]
        assert (last.ticket_num, last.ticket_guid) == (first, first_guid)
        assert _count(desk, first_id) == 2
        assert _count(desk) == 0  # the ticket on screen was not printed
        assert desk.window.ticket_view.ticket.ticket_guid == shown_guid


# --- honest counts: the queue's state ------------------------------------------------------------


@pytest.fixture
def queue(monkeypatch: pytest.MonkeyPatch):
    """The printer is the system queue "Kassa-80"; the test says what state it reports."""
    state = {"status": PrinterStatus(QueueState.ACCEPTING)}
    monkeypatch.setattr(slip_printer, "queue_name", lambda printer: "Kassa-80")
    monkeypatch.setattr(slip_printer, "paper_width_mm", lambda printer: 80.0)
    monkeypatch.setattr(slip_printer, "printer_state", lambda name: state["status"])
    return state


@pytest.mark.parametrize(
    ("status", "says"),
    [
        (
            PrinterStatus(QueueState.REJECTING, "Rejecting Jobs"),
            "«Kassa-80» сейчас не принимает задания",
        ),
        (PrinterStatus(QueueState.STOPPED, "Paused"), "«Kassa-80» остановлен"),
    ],
)
async def test_a_queue_that_will_not_print_is_not_counted(
    qtbot, tmp_path, paper, queue, status, says
) -> None:
    queue["status"] = status
    async with open_desk(tmp_path) as desk:
        events: list = []
        desk.window.desk_event.connect(events.append)
        number = await _book(qtbot, desk)
        desk.window.slips.print_now()
        await wait_until(lambda: desk.dialogs.shown, what="message")
        await _printed_done(desk, "printing to end")
        message = desk.dialogs.shown[-1]
        assert message.severity is Severity.ERROR and message.title == "Талон не напечатан"
        assert says in message.text and status.reason in message.text
        assert not paper.path.exists()
        assert _count(desk) == 0 and _printed(events) == []
        assert _status(desk) == "Талон не напечатан и не засчитан."
        assert desk.window.ticket_view.number.text() == number  # the ticket stays

        queue["status"] = PrinterStatus(QueueState.ACCEPTING)  # fixed: the first copy now
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing,
            what="printed after the fix",
        )
        assert "ДУБЛИКАТ" not in paper.take()
        assert _status(desk) == f"Талон № {number} напечатан."


async def test_unknown_queue_state_is_sent_not_printed(qtbot, tmp_path, paper, queue) -> None:
    queue["status"] = PrinterStatus(QueueState.UNKNOWN, "lpstat gave no answer")
    async with open_desk(tmp_path) as desk:
        number = await _book(qtbot, desk)
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="sent"
        )
        assert _count(desk) == 1  # it may well exist: the next copy must say ДУБЛИКАТ
        assert _status(desk).startswith(f"Отправлено на принтер «Kassa-80»: талон № {number}")
        assert "напечатан" not in _status(desk).lower()
        assert desk.dialogs.shown == []


# --- the layout from the paper --------------------------------------------------------------------


def _page_width_mm(path: Path) -> float:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    width = re.search(r"Page size:\s+([\d.]+) x", info)
    assert width, info
    return float(width.group(1)) / MM_TO_PT


@pytest.mark.parametrize(("paper_mm", "page_mm"), [(58.0, 58), (80.0, 80), (57.9, 58)])
async def test_auto_layout_follows_the_paper_the_queue_reports(
    qtbot, tmp_path, paper, queue, monkeypatch, paper_mm, page_mm
) -> None:
    monkeypatch.setattr(slip_printer, "paper_width_mm", lambda printer: paper_mm)
    async with open_desk(tmp_path) as desk:
        assert desk.window.services.settings.current.slip_layout == "auto"  # the default
        await _book(qtbot, desk)
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="printed"
        )
        assert _page_width_mm(paper.path) == pytest.approx(page_mm, abs=0.5)


async def test_fixed_80mm_layout_on_58mm_paper_warns_and_prints_nothing(
    qtbot, tmp_path, paper, queue, monkeypatch
) -> None:
    monkeypatch.setattr(slip_printer, "paper_width_mm", lambda printer: 58.0)
    async with open_desk(tmp_path) as desk:
        desk.window.services.settings.update(slip_layout="roll80")
        number = await _book(qtbot, desk)
        desk.window.slips.print_now()
        await wait_until(lambda: desk.dialogs.shown, what="warning")
        message = desk.dialogs.shown[-1]
        assert message.severity is Severity.WARNING
        assert "80 мм" in message.text and "58 мм" in message.text
        assert "По бумаге принтера" in message.text
        assert not desk.window.slips.printing and not paper.path.exists()
        assert _count(desk) == 0
        assert desk.window.ticket_view.number.text() == number
        # The preview warns the same way instead of showing a shrunk slip.
        desk.window.slips.preview()
        assert len(desk.dialogs.shown) == 2 and _visible(QPrintPreviewDialog) is None

        desk.window.services.settings.update(slip_layout="roll58")  # fits: prints
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="printed on 58 mm"
        )
        assert _page_width_mm(paper.path) == pytest.approx(58, abs=0.5)


# --- what the slip says: the operator's choice, the clinic's clock, the reminder ------------------


async def test_sparse_answer_slip_holds_the_chosen_doctor_room_day_and_time(
    qtbot, tmp_path, monkeypatch
) -> None:
    """``fullResponse=false``: the registry sends lpu, num and ticketGuid only."""
    booked = RegistryClient.book_out_of_schedule

    async def sparse(self, lpu_guid, resource_guid, day, at=None, full_response=True, **kw):
        return await booked(self, lpu_guid, resource_guid, day, at, False, **kw)

    monkeypatch.setattr(RegistryClient, "book_out_of_schedule", sparse)
    async with open_http_desk(tmp_path) as desk:
        desk.window.services.settings.update(slip_reminder="При себе иметь полис ОМС и паспорт")
        await _book(qtbot, desk, "elderly", at=time(11, 30))
        ticket = desk.window.ticket_view.ticket
        assert ticket.begin_time is None and ticket.doc_fio is None and ticket.room is None
        resource = desk.window.resource
        day = desk.form.date_edit.date().toPython()
        out = desk.window.slips.save_pdf_to(tmp_path / "sparse.pdf")
        text = " ".join(pdf_text(out).split())
        assert short_fio(resource.fio) in text
        assert f"Кабинет {resource.room}" in text
        assert f"{day.day} " in text and str(day.year) in text
        assert "11:30" in text
        assert "по данным записи" in text  # filled values are marked as such
        entry = desk.session.journal.get(desk.window.last_attempt_id)
        assert {"day", "time_range", "doctor", "room"} <= entry.filled_fields  # saved: noted
        assert "При себе иметь полис ОМС и паспорт" in text


def _sparse_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk books with ``fullResponse=false`` (the registry's short answer)."""
    booked = RegistryClient.book_out_of_schedule

    async def sparse(self, lpu_guid, resource_guid, day, at=None, full_response=True, **kw):
        return await booked(self, lpu_guid, resource_guid, day, at, False, **kw)

    monkeypatch.setattr(RegistryClient, "book_out_of_schedule", sparse)


async def test_a_filled_slip_is_marked_as_such_in_the_journal(
    qtbot, tmp_path, paper, monkeypatch
) -> None:
    """Short answer with the fields left out: Ctrl+P, then the journal says what was filled."""
    _sparse_answers(monkeypatch)
    sandbox = Sandbox(SandboxConfig(short_response_omit=True))
    async with open_http_desk(tmp_path, sandbox=sandbox) as desk:
        number = await _book(qtbot, desk, "elderly", at=time(11, 30))
        ticket = desk.window.ticket_view.ticket
        assert ticket.begin_time is None and ticket.doc_fio is None and ticket.room is None
        attempt_id = desk.window.last_attempt_id
        assert desk.session.journal.get(attempt_id).filled_fields == frozenset()  # not yet
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="printed"
        )
        assert "по данным записи" in " ".join(paper.take().split())
        assert _status(desk) == f"Талон № {number} напечатан."
        entry = desk.session.journal.get(attempt_id)
        assert entry.print_count == 1
        assert {"day", "time_range", "doctor", "room"} <= entry.filled_fields
        assert entry.filled_fields <= {
            "day",
            "time_range",
            "speciality",
            "doctor",
            "room",
            "floor",
        }  # the visit's facts, not the clinic's address

        view = desk.window.open_journal()
        await wait_until(lambda: view.current_entry() is not None, what="journal rows")
        assert view.current_entry().id == attempt_id  # the newest entry comes first
        details = view.details.toPlainText()
        assert "Дополнено по данным записи: дата, время" in details
        for name in ("врач", "кабинет"):
            assert name in details.split("Дополнено по данным записи: ", 1)[1]
        ticket_cell = view.model.data(view.model.index(0, view.model.TICKET))
        assert ticket_cell == f"{number} *"
        view.close()


async def test_a_journal_failure_on_filled_fields_does_not_stop_printing(
    qtbot, tmp_path, paper, monkeypatch
) -> None:
    _sparse_answers(monkeypatch)
    async with open_http_desk(tmp_path) as desk:
        number = await _book(qtbot, desk, "elderly", at=time(11, 30))

        calls: list[object] = []

        def broken(*args, **_kwargs):
            calls.append(args)
            raise OSError("disk full")

        monkeypatch.setattr(desk.session.journal, "record_filled", broken)
        desk.window.slips.print_now()
        await wait_until(
            lambda: paper.path.exists() and not desk.window.slips.printing, what="printed"
        )
        assert number in paper.take()
        assert calls  # it was asked, and failed
        assert _count(desk) == 1
        assert _status(desk) == f"Талон № {number} напечатан."
        assert desk.dialogs.shown == []


def _other_offset_ticket() -> TicketVisitWithLpu:
    begin = datetime(2026, 12, 3, 7, 20, tzinfo=UTC)
    end = datetime(2026, 12, 3, 7, 40, tzinfo=UTC)
    return TicketVisitWithLpu.model_construct(
        num="7",
        ticket_guid=None,
        begin_time=begin,
        end_time=end,
        lpu=None,
        room=None,
        flat=None,
        busy_type=None,
        doc_fio=None,
        doctor_role=None,
        speciality=None,
        date_of_appointment=None,
        source_name=None,
        login=None,
    )


async def test_ticket_card_shows_times_on_the_clinic_clock(qtbot) -> None:
    view = TicketView()
    qtbot.addWidget(view)
    view.show_ticket(_other_offset_ticket(), training=False, zone=timezone(timedelta(hours=3)))
    assert view.when.text().startswith("10:20–10:40, четверг, 3 декабря 2026")
    view.show_ticket(_other_offset_ticket(), training=False, zone=timezone(timedelta(hours=7)))
    assert view.when.text().startswith("14:20–14:40")


async def test_slip_times_follow_the_clinic_zone_setting(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        await _book(qtbot, desk)
        desk.window.services.settings.update(server_utc_offset_minutes=420)  # UTC+7
        slips = desk.window.slips
        slip = slips.slip_for(desk.window.last_attempt_id, _other_offset_ticket())
        assert slip.time_range == "14:20–14:40"
        assert slip.day is not None and slip.day.day == 3
