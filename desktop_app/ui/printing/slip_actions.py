"""Printing the shown ticket: straight to the printer (Ctrl+P), dialog, preview, PDF, reprint.

Every path ends in the same place: the queue is asked whether it takes jobs now
(``slip_printer.check_queue``, off the GUI thread), the slip is built with the next copy
number, painted in a worker thread, and only then counted in the shift journal; the copy number
decides whether the slip says "ДУБЛИКАТ № n". A stopped or rejecting queue, a layout that does
not fit the paper, or a failed job changes nothing: the ticket stays on screen and can be
printed again or saved as PDF. When the system cannot tell whether the queue prints, the copy is
counted (it may exist) and the operator is told it was *sent*, not that it was printed.

Each issued copy is reported once, as an :class:`IssuedCopy` naming the ticket actually
printed (a journal reprint may be another ticket than the one on screen).
"""

from __future__ import annotations

import asyncio
import getpass
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.lazy import lazy_module
from desktop_app.printing.fill import ChosenBooking
from desktop_app.ui.platform.dialogs import Message, Severity

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.api import TicketVisitWithLpu
    from desktop_app.printing import SlipLayout, TicketSlip
    from desktop_app.ui.printing import slip_printer
else:
    # Qt's print support, the slip's HTML and the queue checks load on the first print, not
    # with the window (bench/bench_startup.py).
    slip_printer = lazy_module("desktop_app.ui.printing.slip_printer")

log = logging.getLogger(__name__)


class IssuedHow(StrEnum):
    PRINTED = "printed"  # the queue (or a file) took the job
    SENT = "sent"  # handed to a queue whose state the system cannot tell
    PDF = "pdf"  # saved as a PDF file


@dataclass(frozen=True)
class IssuedCopy:
    """One copy that came out (or was sent): what the status line and training are told."""

    attempt_id: int | None
    ticket_num: str | None
    ticket_guid: str | None
    copy_number: int
    how: IssuedHow
    printer: str | None = None
    path: Path | None = None
    #: Printed from the shift journal (perhaps not the ticket on screen).
    from_journal: bool = False
    status_text: str = ""


class SlipActions(QObject):
    """Owns the print flow for one window; ``current`` supplies (attempt id, ticket)."""

    issued = Signal(object)  # IssuedCopy: a copy was printed, sent or saved
    failed = Signal(str)  # nothing came out: a short status line (the message says why)
    busy_changed = Signal(bool)  # a slip is being printed in the background

    def __init__(
        self,
        parent: QWidget,
        *,
        dialogs: Any,
        journal: Any,
        training: bool,
        current: Callable[[], tuple[int | None, TicketVisitWithLpu | None]],
        layout: Callable[[], str] = lambda: slip_printer.AUTO_LAYOUT,
        printer_name: Callable[[], str | None] = lambda: None,
        operator_login: Callable[[], str | None] = lambda: None,
        chosen: Callable[[int], ChosenBooking | None] = lambda _attempt: None,
        zone: Callable[[], tzinfo | None] = lambda: None,
        reminder: Callable[[], str | None] = lambda: None,
        patient_on_slip: Callable[[], bool] = lambda: False,
        cancelled: Callable[[], bool] = lambda: False,
        spawn: Callable[[Coroutine[Any, Any, Any]], asyncio.Task] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.dialogs = dialogs
        self.journal = journal
        self.training = training
        self._current = current
        self._layout = layout
        self._printer_name = printer_name
        self._operator_login = operator_login
        self._chosen = chosen
        self._zone = zone
        self._reminder = reminder
        self._patient_on_slip = patient_on_slip
        #: The ticket on show was cancelled: it is never printed as a valid slip.
        self._cancelled = cancelled
        self._open_dialogs: set[QWidget] = set()
        self._printing = False
        self._keep_printer: Any = None
        self._spawn = spawn or (lambda coro: asyncio.get_event_loop().create_task(coro))

    # -- slip --------------------------------------------------------------------------------

    def _copies_so_far(self, attempt_id: int | None) -> int:
        if attempt_id is None or self.journal is None:
            return 0
        entry = self.journal.get(attempt_id)
        return entry.print_count if entry is not None else 0

    def _login(self) -> str | None:
        login = self._operator_login()
        if login:
            return login
        try:
            return getpass.getuser()
        except Exception:  # no user name on some locked-down PCs
            return None

    def chosen_for(self, attempt_id: int | None) -> ChosenBooking | None:
        """What the operator chose for this attempt: kept by the desk, else from the journal."""
        if attempt_id is None:
            return None
        chosen = self._chosen(attempt_id)
        if chosen is not None or self.journal is None:
            return chosen
        entry = self.journal.get(attempt_id)
        return ChosenBooking.from_journal_entry(entry) if entry is not None else None

    def slip_for(self, attempt_id: int | None, ticket: TicketVisitWithLpu) -> TicketSlip:
        """The slip of the next copy of this ticket (copy number from the journal).

        The patient (the operator's stub; the patient's part too if the settings say so) and a
        cancellation come from the ticket's journal row.
        """
        entry = None
        if attempt_id is not None and self.journal is not None:
            try:
                entry = self.journal.get(attempt_id)
            except Exception:  # the slip still prints: without the stub rather than not at all
                log.warning("journal: entry %s not read for its slip", attempt_id)
        from desktop_app.printing.slip import TicketSlip

        return TicketSlip.from_ticket(
            ticket,
            printed_at=datetime.now().astimezone(),
            operator_login=self._login(),
            training=self.training,
            copy_number=self._copies_so_far(attempt_id) + 1,
            chosen=self.chosen_for(attempt_id),
            zone=self._zone(),
            reminder=self._reminder(),
            patient=getattr(entry, "patient_label", None),
            patient_on_slip=bool(self._patient_on_slip()),
            cancelled=bool(getattr(entry, "is_cancelled", False)),
        )

    def layout_for(self, printer: QPrinter | None) -> SlipLayout:
        """The settings' layout for this printer's paper; raises LayoutDoesNotFit."""
        name = slip_printer.queue_name(printer) if printer is not None else None
        return slip_printer.choose_layout(
            self._layout(), slip_printer.paper_width_mm(printer), name or ""
        )

    def _shown(self) -> tuple[int | None, TicketVisitWithLpu] | None:
        attempt_id, ticket = self._current()
        if ticket is None:
            self.dialogs.show(
                Message(
                    Severity.INFO,
                    self.tr("Печать"),
                    self.tr("Нет талона для печати: сначала запишите пациента."),
                )
            )
            return None
        if self._cancelled():
            self.dialogs.show(
                Message(
                    Severity.INFO,
                    self.tr("Печать"),
                    self.tr("Запись отменена: талон недействителен и не печатается."),
                )
            )
            return None
        return attempt_id, ticket

    # -- the outcome ---------------------------------------------------------------------------

    def _issued(
        self,
        attempt_id: int | None,
        ticket: TicketVisitWithLpu,
        slip: TicketSlip,
        how: IssuedHow,
        *,
        printer: str | None = None,
        path: Path | None = None,
        from_journal: bool = False,
    ) -> IssuedCopy:
        copy_number = slip.copy_number
        if attempt_id is not None and self.journal is not None:
            counted = self.journal.mark_printed(attempt_id)
            if counted != copy_number:
                log.warning(
                    "attempt %s: copy %d printed, journal counts %d",
                    attempt_id,
                    copy_number,
                    counted,
                )
            if slip.marked:  # the visit's facts came from the operator's choice: say so
                try:
                    self.journal.record_filled(attempt_id, slip.marked)
                except Exception:  # the copy is out: a journal hiccup must not hide that
                    log.exception("attempt %s: filled fields not recorded", attempt_id)
        copy = IssuedCopy(
            attempt_id=attempt_id,
            ticket_num=ticket.num,
            ticket_guid=ticket.ticket_guid,
            copy_number=copy_number,
            how=how,
            printer=printer,
            path=path,
            from_journal=from_journal,
            status_text=self._status_text(
                ticket.num, copy_number, how, printer, path, from_journal
            ),
        )
        log.info("slip %s: attempt %s copy %d", how, attempt_id, copy_number)
        self.issued.emit(copy)
        return copy

    def _status_text(
        self,
        num: str | None,
        copy: int,
        how: IssuedHow,
        printer: str | None,
        path: Path | None,
        from_journal: bool,
    ) -> str:
        number = num or self.tr("б/н")
        if how is IssuedHow.PDF:
            text = (
                self.tr("Талон № {0} сохранён в PDF: {1}").format(number, path)
                if copy == 1
                else self.tr("В PDF сохранён дубликат № {0} талона № {1}: {2}").format(
                    copy, number, path
                )
            )
        elif how is IssuedHow.SENT:
            text = (
                self.tr(
                    "Отправлено на принтер «{0}»: талон № {1}. Проверьте, вышел ли талон."
                ).format(printer or "—", number)
                if copy == 1
                else self.tr(
                    "Отправлено на принтер «{0}»: дубликат № {1} талона № {2}. "
                    "Проверьте, вышел ли талон."
                ).format(printer or "—", copy, number)
            )
        else:
            text = (
                self.tr("Талон № {0} напечатан.").format(number)
                if copy == 1
                else self.tr("Напечатан дубликат № {0} талона № {1}.").format(copy, number)
            )
        if from_journal:
            text = text.removesuffix(".") + self.tr(" (из журнала)")
        return text

    def _failed(self, error: slip_printer.SlipPrintError) -> None:
        log.warning("printing failed: %s", error.detail)
        self.failed.emit(self.tr("Талон не напечатан и не засчитан."))
        if isinstance(error, slip_printer.LayoutDoesNotFit):
            self.dialogs.show(
                Message(
                    Severity.WARNING,
                    self.tr("Размер талона не подходит к бумаге"),
                    error.user_message,
                    self.tr("Талон остаётся на экране."),
                )
            )
            return
        self.dialogs.show(
            Message(
                Severity.ERROR,
                self.tr("Талон не напечатан"),
                error.user_message,
                self.tr(
                    "Талон остаётся на экране: его можно напечатать ещё раз или сохранить в PDF."
                ),
            )
        )

    # -- actions -------------------------------------------------------------------------------

    def print_now(self) -> asyncio.Task | None:
        """Ctrl+P: print on the chosen printer with no dialog (the desk flow)."""
        shown = self._shown()
        if shown is None:
            return None
        return self.reprint(*shown)

    def save_pdf_to(
        self, path: Path, attempt_id: int | None = None, ticket: TicketVisitWithLpu | None = None
    ) -> Path | None:
        if ticket is None:
            shown = self._shown()
            if shown is None:
                return None
            attempt_id, ticket = shown
        slip = self.slip_for(attempt_id, ticket)
        try:
            out = slip_printer.save_pdf(slip, self.layout_for(None), path)
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return None
        self._issued(attempt_id, ticket, slip, IssuedHow.PDF, path=out)
        return out

    def save_pdf(self) -> QFileDialog | None:
        shown = self._shown()
        if shown is None:
            return None
        attempt_id, ticket = shown
        dialog = QFileDialog(self._parent, self.tr("Сохранить талон в PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"talon-{ticket.num or 'b-n'}.pdf")
        self._keep(dialog)
        dialog.fileSelected.connect(lambda name: self.save_pdf_to(Path(name), attempt_id, ticket))
        dialog.open()
        return dialog

    def print_dialog(self) -> QWidget | None:
        """Ctrl+Shift+P: the system print dialog (window-modal, never blocking the loop)."""
        shown = self._shown()
        if shown is None:
            return None
        attempt_id, ticket = shown
        try:
            dialog = slip_printer.open_print_dialog(
                self._parent,
                None,
                None,
                self._printer_name(),
                on_accepted=lambda printer: self._start(attempt_id, ticket, printer),
            )
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return None
        self._keep(dialog)
        # Not dialog.open(): PySide6 exposes only QPrintDialog.open(receiver, member) and
        # raises TypeError for the bare call. Window-modal + show() is what open() does.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def preview(self) -> QWidget | None:
        """The preview; its Print button prints and counts a copy like Ctrl+P."""
        shown = self._shown()
        if shown is None:
            return None
        attempt_id, ticket = shown
        printer: QPrinter | None
        problem: slip_printer.SlipPrintError | None = None
        try:
            printer = slip_printer.make_printer(self._printer_name())
        except slip_printer.SlipPrintError as exc:
            printer, problem = None, exc  # the preview still shows; printing says why not
        try:
            layout = self.layout_for(printer)
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return None

        def print_from_preview() -> None:
            if printer is None:
                assert problem is not None
                self._failed(problem)
            else:
                self._start(attempt_id, ticket, printer)

        dialog = slip_printer.open_preview(
            self._parent,
            self.slip_for(attempt_id, ticket),
            layout,
            printer=printer,
            on_error=self._failed,
            on_print=print_from_preview,
        )
        self._keep(dialog)
        dialog.open()
        return dialog

    @property
    def printing(self) -> bool:
        return self._printing

    def reprint(
        self, attempt_id: int | None, ticket: TicketVisitWithLpu, *, from_journal: bool = False
    ) -> asyncio.Task | None:
        """Print a ticket on the chosen printer; copies after the first say "ДУБЛИКАТ".

        The printer is chosen on the GUI thread (QPrinterInfo); asking the queue's state,
        laying out and painting the slip, and the driver's spooling run in a worker thread so
        the window never freezes on a slow printer or spooler. A second request while one is
        printing is ignored, not queued.
        """
        if self._printing:
            log.info("a slip is already printing; request ignored")
            return None
        try:
            printer = slip_printer.make_printer(self._printer_name())
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return None
        return self._start(attempt_id, ticket, printer, from_journal=from_journal)

    def _start(
        self,
        attempt_id: int | None,
        ticket: TicketVisitWithLpu,
        printer: QPrinter,
        *,
        from_journal: bool = False,
    ) -> asyncio.Task | None:
        if self._printing:
            log.info("a slip is already printing; request ignored")
            return None
        try:
            layout = self.layout_for(printer)
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return None
        self._printing = True
        self.busy_changed.emit(True)
        return self._spawn(self._print(attempt_id, ticket, printer, layout, from_journal))

    async def _print(
        self,
        attempt_id: int | None,
        ticket: TicketVisitWithLpu,
        printer: QPrinter,
        layout: SlipLayout,
        from_journal: bool,
    ) -> bool:
        name = slip_printer.queue_name(printer)
        try:
            status = await asyncio.to_thread(slip_printer.check_queue, name)
            slip = self.slip_for(attempt_id, ticket)  # the copy number as of now
            await asyncio.to_thread(slip_printer.print_slip, slip, layout, printer)
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return False
        finally:
            self._printing = False
            self.busy_changed.emit(False)
            self._keep_printer = printer  # released only after the worker is done with it
        from desktop_app.ui.printing.queue_state import QueueState

        how = IssuedHow.SENT if status.state is QueueState.UNKNOWN else IssuedHow.PRINTED
        self._issued(attempt_id, ticket, slip, how, printer=name, from_journal=from_journal)
        return True

    def _keep(self, dialog: QWidget) -> None:
        self._open_dialogs.add(dialog)
        dialog.finished.connect(lambda *_: self._open_dialogs.discard(dialog))  # type: ignore[attr-defined]


__all__ = ["IssuedCopy", "IssuedHow", "SlipActions"]
