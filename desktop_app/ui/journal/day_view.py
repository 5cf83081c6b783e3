"""The day's bookings by appointment date, per doctor: on screen, on A4, as PDF and CSV.

"Who did we book to Smirnova today?" — the registry prints this list for the doctors' rooms.
The rows are the journal's (``ShiftJournal.day_entries``: the day the visit is *on*, not the
day it was booked), grouped and worded by ``desktop_app.journal.day_list`` (Qt-free); this
module shows them as a tree (doctor → time, №, patient, status) and hands the same groups to
the printer (``ui/printing/day_list_printer.py``) and to ``write_day_csv``.

Wiring: ``DayListView(journal, parent, training=services.training, today=services.today,
dialogs=window.dialogs, printer_name=settings.printer_name).open()``. ``ask_save_path``
replaces the file dialog (tests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDir, Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import ui_locale
from desktop_app.journal.day_list import (
    STATUS_CANCELLED,
    STATUS_UNKNOWN,
    DoctorDay,
    day_list,
    day_list_html,
    write_day_csv,
)
from desktop_app.ui.platform.dialogs import Dialogs, Message, Severity
from desktop_app.ui.printing.day_list_printer import (
    DayListPrintError,
    a4_printer,
    has_printers,
    print_day_list,
    save_day_pdf,
)

log = logging.getLogger(__name__)

#: ``ask_save_path(caption, suggested path, filter)`` → the chosen path, or None.
AskSavePath = Callable[[str, str, str], str | None]

_STATUS_COLOURS = {STATUS_CANCELLED: "#7a7a7a", STATUS_UNKNOWN: "#7a3e00"}


def _ddmmyyyy(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


class DayListView(QDialog):
    """The day list of one appointment date (default today), per doctor.

    ``journal`` has ``day_entries(day, training=...)``; ``training`` picks the journal's rows
    (None: all) and marks the printout "УЧЕБНЫЙ РЕЖИМ"; ``dialogs`` shows messages (the
    window's; else its own); ``printer_name`` is the queue the print dialog starts on.
    """

    def __init__(
        self,
        journal: Any,
        parent: QWidget | None = None,
        *,
        training: bool | None = None,
        today: Callable[[], date] = date.today,
        dialogs: Any = None,
        printer_name: str | None = None,
        ask_save_path: AskSavePath | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayListView")
        self.setWindowTitle(self.tr("Список на день"))
        self.setAccessibleName(self.tr("Список записанных на день"))
        self.journal = journal
        self.training = training
        self.dialogs = dialogs if dialogs is not None else Dialogs(self)
        self.printer_name = printer_name
        self._ask_save_path = ask_save_path or self._file_dialog
        #: The groups on show (what printing and CSV use).
        self.groups: list[DoctorDay] = []
        #: The print dialog while it is open (tests press its buttons).
        self.print_dialog: QPrintDialog | None = None

        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("dayListDate")
        self.date_edit.setAccessibleName(self.tr("Дата приёма"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setLocale(ui_locale())
        self.date_edit.setDisplayFormat("dd.MM.yyyy, dddd")
        start = today()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        date_label = QLabel(self.tr("Дата &приёма:"), self)
        date_label.setBuddy(self.date_edit)
        self.refresh_button = QPushButton(self.tr("О&бновить"), self)
        self.refresh_button.setObjectName("dayListRefresh")
        self.refresh_button.setAccessibleName(self.tr("Обновить список"))
        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addWidget(self.refresh_button)
        top.addStretch(1)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("dayListTree")
        self.tree.setAccessibleName(self.tr("Записанные по врачам"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Время"), self.tr("№ талона"), self.tr("Пациент"), self.tr("Статус")]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("dayListSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setStyleSheet("color: #555555;")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("dayListStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.print_button = QPushButton(self.tr("Пе&чать (A4)…"), self)
        self.print_button.setObjectName("dayListPrint")
        self.print_button.setAccessibleName(self.tr("Напечатать список на A4"))
        self.pdf_button = QPushButton(self.tr("P&DF…"), self)
        self.pdf_button.setObjectName("dayListPdf")
        self.pdf_button.setAccessibleName(self.tr("Сохранить список в PDF"))
        self.csv_button = QPushButton(self.tr("&CSV…"), self)
        self.csv_button.setObjectName("dayListCsv")
        self.csv_button.setAccessibleName(self.tr("Сохранить список в CSV для Excel"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Закрыть"))
        close.setObjectName("dayListClose")
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.csv_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.print_a4)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button.clicked.connect(self.save_csv)

        em = self.fontMetrics().height()
        self.resize(round(em * 46), round(em * 34))
        self.refresh()
        self.date_edit.setFocus()

    # -- showing -------------------------------------------------------------------------------

    @property
    def day(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def set_day(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def refresh(self) -> None:
        """Re-read the journal for the chosen day."""
        entries = self.journal.day_entries(self.day, training=self.training)
        self.groups = day_list(entries)
        self.tree.clear()
        total = 0
        for group in self.groups:
            title = group.doctor if not group.clinic else f"{group.doctor} — {group.clinic}"
            top = QTreeWidgetItem([self.tr("{0} ({1})").format(title, len(group.rows))])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for row in group.rows:
                item = QTreeWidgetItem([row.time, row.num, row.patient, row.status])
                colour = _STATUS_COLOURS.get(row.status)
                if colour:
                    for column in range(4):
                        item.setForeground(column, QColor(colour))
                top.addChild(item)
                total += 1
            top.setExpanded(True)
        for column in (0, 1, 3):
            self.tree.resizeColumnToContents(column)
        if total:
            self.summary_label.setText(
                self.tr("Записей: {0}, врачей: {1}").format(total, len(self.groups))
            )
        else:
            self.summary_label.setText(self.tr("На этот день записей нет."))
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(total > 0)

    def rows_text(self) -> list[list[str]]:
        """What the tree shows, row by row (doctor rows as one cell); for tests and support."""
        out: list[list[str]] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            out.append([top.text(0)])
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None:
                    out.append([child.text(c) for c in range(4)])
        return out

    def html(self) -> str:
        return day_list_html(self.day, self.groups, training=bool(self.training))

    # -- output --------------------------------------------------------------------------------

    def _file_dialog(self, caption: str, suggested: str, filters: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(self, caption, suggested, filters)
        return path or None

    def _suggested(self, extension: str) -> str:
        name = self.tr("Список на {0}").format(_ddmmyyyy(self.day)) + extension
        return str(Path(QDir.homePath()) / name)

    def _done(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #1b6e20;")
        self.status_label.show()

    def _failed(self, title: str, text: str) -> None:
        self.status_label.hide()
        self.dialogs.show(Message(Severity.ERROR, title, text))

    def print_a4(self) -> QPrintDialog | None:
        """ "Печать (A4)…": the system print dialog, then the list on the chosen printer."""
        if not has_printers():
            self._failed(
                self.tr("Принтеры не найдены"),
                self.tr(
                    "На этом компьютере не найдено ни одного принтера. Сохраните список в PDF "
                    "и напечатайте его с другого компьютера."
                ),
            )
            return None
        printer = a4_printer(self.printer_name)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("dayListPrintDialog")
        dialog.day_printer = printer  # type: ignore[attr-defined]  # lifetime = dialog's
        html = self.html()

        def finished(result: int) -> None:
            self.print_dialog = None
            if result != QDialog.DialogCode.Accepted:
                return
            self.print_on(printer, html)

        dialog.finished.connect(finished)
        self.print_dialog = dialog
        # Not dialog.open(): PySide6 exposes only QPrintDialog.open(receiver, member).
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def print_on(self, printer: QPrinter, html: str | None = None) -> bool:
        """Print the list on ``printer`` now; a failure is a message. True when it went."""
        try:
            pages = print_day_list(html or self.html(), printer)
        except DayListPrintError as exc:
            log.warning("day list not printed: %s", exc.detail)
            self._failed(self.tr("Список не напечатан"), exc.user_message)
            return False
        self._done(
            self.tr("Список отправлен на принтер «{0}», страниц: {1}.").format(
                printer.printerName() or "—", pages
            )
        )
        return True

    def save_pdf(self) -> Path | None:
        """ "PDF…": choose a file, write the list there as an A4 PDF."""
        path = self._ask_save_path(
            self.tr("Сохранить список в PDF"), self._suggested(".pdf"), self.tr("PDF (*.pdf)")
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            saved = save_day_pdf(self.html(), Path(path))
        except DayListPrintError as exc:
            log.warning("day list PDF not saved: %s", exc.detail)
            self._failed(self.tr("PDF не сохранён"), exc.user_message)
            return None
        self._done(self.tr("Список сохранён: {0}").format(QDir.toNativeSeparators(str(saved))))
        return saved

    def save_csv(self) -> Path | None:
        """ "CSV…": choose a file, write the list there (UTF-8 with BOM, for Excel)."""
        path = self._ask_save_path(
            self.tr("Сохранить список в CSV"),
            self._suggested(".csv"),
            self.tr("CSV для Excel (*.csv)"),
        )
        if not path:
            return None
        if not path.lower().endswith(".csv"):
            path += ".csv"
        target = Path(path)
        try:
            write_day_csv(target, self.day, self.groups)
        except OSError as exc:
            log.warning("day list CSV not saved: %s", type(exc).__name__)
            self._failed(
                self.tr("CSV не сохранён"),
                self.tr("Не удалось записать файл «{0}»: {1}. Выберите другую папку.").format(
                    QDir.toNativeSeparators(str(target)), exc.strerror or type(exc).__name__
                ),
            )
            return None
        self._done(self.tr("Список сохранён: {0}").format(QDir.toNativeSeparators(str(target))))
        return target


__all__ = ["DayListView"]
