"""Printing the shown ticket: straight to the printer (Ctrl+P), dialog, preview, PDF, reprint.

Every issued copy (paper or PDF) is counted in the shift journal; the copy number decides
whether the slip says "ДУБЛИКАТ № n". A failed print changes nothing: the ticket stays on
screen and can be printed again or saved as PDF.
"""

from __future__ import annotations

import asyncio
import getpass
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.api import TicketVisitWithLpu
from desktop_app.printing import SlipLayout, TicketSlip
from desktop_app.ui.platform.dialogs import Message, Severity
from desktop_app.ui.printing import slip_printer

log = logging.getLogger(__name__)


class SlipActions(QObject):
    """Owns the print flow for one window; ``current`` supplies (attempt id, ticket)."""

    printed = Signal(int)  # the copy number just issued
    busy_changed = Signal(bool)  # a slip is being printed in the background

    def __init__(
        self,
        parent: QWidget,
        *,
        dialogs: Any,
        journal: Any,
        training: bool,
        current: Callable[[], tuple[int | None, TicketVisitWithLpu | None]],
        layout: Callable[[], str] = lambda: SlipLayout.default().value,
        printer_name: Callable[[], str | None] = lambda: None,
        operator_login: Callable[[], str | None] = lambda: None,
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

    def slip_for(self, attempt_id: int | None, ticket: TicketVisitWithLpu) -> TicketSlip:
        return TicketSlip.from_ticket(
            ticket,
            printed_at=datetime.now().astimezone(),
            operator_login=self._login(),
            training=self.training,
            copy_number=self._copies_so_far(attempt_id) + 1,
        )

    def _shown(self) -> tuple[int | None, TicketVisitWithLpu] | None:
        attempt_id, ticket = self._current()
        if ticket is None:
            self.dialogs.show(Message(
                Severity.INFO, self.tr("Печать"),
                self.tr("Нет талона для печати: сначала запишите пациента."),
            ))
            return None
        return attempt_id, ticket

    def _issued(self, attempt_id: int | None) -> None:
        count = self._copies_so_far(attempt_id) + 1
        if attempt_id is not None and self.journal is not None:
            count = self.journal.mark_printed(attempt_id)
        log.info("slip issued: attempt %s copy %d", attempt_id, count)
        self.printed.emit(count)

    def _failed(self, error: slip_printer.SlipPrintError) -> None:
        log.warning("printing failed: %s", error.detail)
        self.dialogs.show(Message(
            Severity.ERROR, self.tr("Талон не напечатан"), error.user_message,
            self.tr("Талон остаётся на экране: его можно напечатать ещё раз или сохранить "
                    "в PDF."),
        ))

    # -- actions -------------------------------------------------------------------------------

    def print_now(self) -> asyncio.Task | None:
        """Ctrl+P: print on the chosen printer with no dialog (the desk flow)."""
        shown = self._shown()
        if shown is None:
            return None
        return self.reprint(*shown)

    def save_pdf_to(self, path: Path, attempt_id: int | None = None,
                    ticket: TicketVisitWithLpu | None = None) -> Path | None:
        if ticket is None:
            shown = self._shown()
            if shown is None:
                return None
            attempt_id, ticket = shown
        try:
            out = slip_printer.save_pdf(self.slip_for(attempt_id, ticket), self._layout(), path)
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return None
        self._issued(attempt_id)
        return out

    def save_pdf(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        attempt_id, ticket = shown
        dialog = QFileDialog(self._parent, self.tr("Сохранить талон в PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"talon-{ticket.num or 'b-n'}.pdf")
        self._keep(dialog)
        dialog.fileSelected.connect(
            lambda name: self.save_pdf_to(Path(name), attempt_id, ticket)
        )
        dialog.open()

    def print_dialog(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        attempt_id, ticket = shown
        try:
            dialog = slip_printer.open_print_dialog(
                self._parent, self.slip_for(attempt_id, ticket), self._layout(),
                self._printer_name(), on_error=self._failed,
                on_printed=lambda: self._issued(attempt_id),
            )
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return
        self._keep(dialog)
        # Not dialog.open(): PySide6 exposes only QPrintDialog.open(receiver, member) and
        # raises TypeError for the bare call. Window-modal + show() is what open() does.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def preview(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        attempt_id, ticket = shown
        dialog = slip_printer.open_preview(
            self._parent, self.slip_for(attempt_id, ticket), self._layout(),
            printer_name=self._printer_name(), on_error=self._failed,
        )
        self._keep(dialog)
        dialog.open()

    @property
    def printing(self) -> bool:
        return self._printing

    def reprint(self, attempt_id: int | None, ticket: TicketVisitWithLpu) -> asyncio.Task | None:
        """Print a ticket on the chosen printer; copies after the first say "ДУБЛИКАТ".

        The printer is chosen on the GUI thread (QPrinterInfo); laying out and painting the
        slip, and the driver's spooling, run in a worker thread so the window never freezes on
        a slow printer. A second request while one is printing is ignored, not queued.
        """
        if self._printing:
            log.info("a slip is already printing; request ignored")
            return None
        try:
            printer = slip_printer.make_printer(self._printer_name())
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return None
        slip = self.slip_for(attempt_id, ticket)
        self._printing = True
        self.busy_changed.emit(True)
        return self._spawn(self._print(attempt_id, slip, printer))

    async def _print(self, attempt_id: int | None, slip: TicketSlip, printer: Any) -> bool:
        try:
            await asyncio.to_thread(slip_printer.print_slip, slip, self._layout(), printer)
        except slip_printer.SlipPrintError as exc:
            self._failed(exc)
            return False
        finally:
            self._printing = False
            self.busy_changed.emit(False)
            self._keep_printer = printer  # released only after the worker is done with it
        self._issued(attempt_id)
        return True

    def _keep(self, dialog: QWidget) -> None:
        self._open_dialogs.add(dialog)
        dialog.finished.connect(lambda *_: self._open_dialogs.discard(dialog))  # type: ignore[attr-defined]
