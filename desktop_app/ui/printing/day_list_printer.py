"""Putting the day list ("Список записанных вне расписания") on A4 paper or into a PDF.

The page itself is ``desktop_app.journal.day_list.day_list_html`` (Qt-free); here it becomes a
``QTextDocument`` laid out for the printer's resolution and painted page by page. As with the
slip (``slip_printer.py``), the pages are painted here rather than through
``QTextDocument.print_``, which fails silently when the printer cannot be opened: the operator
must hear that the list did not come out.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop_app.ui.printing.slip_printer import SLIP_FONT_FAMILIES

log = logging.getLogger(__name__)

#: Page margins of the day list, millimetres.
MARGIN_MM = 15.0
FONT_POINTS = 10.0


class DayListPrintError(Exception):
    """The list did not come out; ``user_message`` is Russian and says what to do."""

    def __init__(self, user_message: str, detail: str | None = None) -> None:
        super().__init__(detail or user_message)
        self.user_message = user_message
        self.detail = detail or user_message


translate = QCoreApplication.translate


def print_failed_message(name: str) -> str:
    return translate(
        "DayListPrinter",
        "Список не напечатан: принтер «{0}» не удалось открыть. Проверьте принтер или "
        "сохраните список в PDF.",
    ).format(name)


def pdf_failed_message(path: str) -> str:
    return translate(
        "DayListPrinter", "Не удалось сохранить PDF «{0}». Выберите другую папку."
    ).format(path)


def a4_printer(name: str | None = None) -> QPrinter:
    """A high-resolution printer on A4 portrait (the named queue, else the default one)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)
    set_a4(printer)
    return printer


def set_a4(printer: QPrinter) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    printer.setFullPage(False)
    printer.setPageLayout(layout)


def has_printers() -> bool:
    return bool(QPrinterInfo.availablePrinters())


def build_document(html: str, printer: QPrinter) -> QTextDocument:
    """The list laid out for ``printer``'s page (its resolution: points come out right)."""
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(SLIP_FONT_FAMILIES)
    font.setPointSizeF(FONT_POINTS)
    doc.setDefaultFont(font)
    doc.documentLayout().setPaintDevice(printer)
    doc.setHtml(html)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    doc.setPageSize(QSizeF(page.width(), page.height()))
    return doc


def print_day_list(html: str, printer: QPrinter, *, failed_message: str | None = None) -> int:
    """Print the list on ``printer`` (A4 portrait); returns the number of pages.

    Raises ``DayListPrintError`` when the printer cannot be opened or the job fails.
    """
    set_a4(printer)
    printer.setDocName(translate("DayListPrinter", "Список записанных вне расписания"))
    failed = failed_message or print_failed_message(printer.printerName() or "—")
    doc = build_document(html, printer)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise DayListPrintError(failed, "QPainter.begin failed")
    try:
        for index in range(pages):
            if index and not printer.newPage():
                raise DayListPrintError(failed, "QPrinter.newPage failed")
            painter.save()
            painter.translate(0, -index * page.height())
            doc.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
            painter.restore()
    finally:
        ended = painter.end()
    if not ended or printer.printerState() in (
        QPrinter.PrinterState.Error,
        QPrinter.PrinterState.Aborted,
    ):
        raise DayListPrintError(failed, f"printer state after job: {printer.printerState()}")
    log.info("day list: %d page(s) sent to %s", pages, printer.printerName() or "PDF")
    return pages


def save_day_pdf(html: str, path: Path) -> Path:
    """Write the list to ``path`` as an A4 PDF with a text layer; returns the path."""
    path = Path(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("desktop-app")
    print_day_list(html, printer, failed_message=pdf_failed_message(str(path)))
    if not path.is_file():
        raise DayListPrintError(pdf_failed_message(str(path)), "no PDF file written")
    return path


__all__ = [
    "DayListPrintError",
    "a4_printer",
    "build_document",
    "has_printers",
    "print_day_list",
    "save_day_pdf",
    "set_a4",
]
