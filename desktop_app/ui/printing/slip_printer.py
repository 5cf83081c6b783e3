"""Putting a :class:`TicketSlip` on paper: printers, PDF, preview.

The slip is a ``QTextDocument`` laid out with the printer itself as its paint device, so type
sizes in points and the text width come out right for the printer's resolution and for the
page width it reports (TOOLCHAIN.md, "Printing to an exact paper size"). Roll paper gets a page
exactly as long as the content; sheets get A5/A6.

We paint the pages ourselves instead of calling ``QTextDocument.print_``: ``print_`` fails
silently when the printer cannot be opened, and the operator must be told that the slip did not
come out. Painting ourselves also lets a training slip carry a diagonal watermark.

Every failure the operator can act on is a :class:`SlipPrintError` with a Russian
``user_message``; the slip itself is untouched, so it can be printed again or saved as PDF.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Callable
from pathlib import Path

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QTextDocument,
)
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.printing.slip import (
    BARCODE_IMAGE_URL,
    TRAINING_WATERMARK,
    SlipLayout,
    TicketSlip,
    render_slip_html,
)

log = logging.getLogger(__name__)

#: Families tried in order: Arial on Windows desks, Liberation/DejaVu on Linux. All have Cyrillic.
SLIP_FONT_FAMILIES = ["Arial", "Liberation Sans", "DejaVu Sans"]

#: Provisional roll length while the content is measured; the real length replaces it.
_PROVISIONAL_ROLL_MM = 300.0
#: Slack below the content on a roll so the last line is never on the cut.
_ROLL_SLACK_MM = 1.0
#: Smallest scale a sheet slip is shrunk to before it may run onto a second page.
_MIN_SHEET_SCALE = 0.6

_SHEET_SIZES = {
    SlipLayout.A5: QPageSize.PageSizeId.A5,
    SlipLayout.A6: QPageSize.PageSizeId.A6,
}


# --- errors the operator sees ----------------------------------------------------------------


class SlipPrintError(Exception):
    """A slip did not come out; ``user_message`` is Russian and says what to do next."""

    def __init__(self, user_message: str, detail: str | None = None) -> None:
        super().__init__(detail or user_message)
        self.user_message = user_message
        self.detail = detail or user_message


class PrinterUnavailable(SlipPrintError):
    """No printer installed, the chosen one is gone, or it reports an error/paused state."""


class PrintFailed(SlipPrintError):
    """The printer (or the PDF file) refused the job once we started it."""


class _Text:
    """All operator-facing texts of this module, each a literal ``translate`` call for lupdate."""

    @staticmethod
    def no_printers() -> str:
        return QCoreApplication.translate(
            "SlipPrinter",
            "На этом компьютере не установлен ни один принтер. Подключите принтер или "
            "обратитесь к администратору. Талон можно сохранить в PDF или напечатать позже.",
        )

    @staticmethod
    def no_default_printer() -> str:
        return QCoreApplication.translate(
            "SlipPrinter",
            "Не выбран принтер для талонов. Выберите принтер в настройках или сохраните "
            "талон в PDF.",
        )

    @staticmethod
    def printer_missing(name: str) -> str:
        return QCoreApplication.translate(
            "SlipPrinter",
            "Принтер «{name}» не найден. Выберите другой принтер в настройках или сохраните "
            "талон в PDF.",
        ).format(name=name)

    @staticmethod
    def printer_not_ready(name: str) -> str:
        return QCoreApplication.translate(
            "SlipPrinter",
            "Принтер «{name}» сейчас не готов: он выключен, приостановлен или сообщает об "
            "ошибке. Проверьте принтер и бумагу и повторите печать или сохраните талон в PDF.",
        ).format(name=name)

    @staticmethod
    def print_failed(name: str) -> str:
        return QCoreApplication.translate(
            "SlipPrinter",
            "Не удалось напечатать талон на принтере «{name}». Проверьте принтер и повторите "
            "печать или сохраните талон в PDF.",
        ).format(name=name)

    @staticmethod
    def pdf_failed(path: str) -> str:
        return QCoreApplication.translate(
            "SlipPrinter",
            "Не удалось сохранить талон в файл «{path}». Выберите другую папку.",
        ).format(path=path)

    @staticmethod
    def preview_title() -> str:
        return QCoreApplication.translate("SlipPrinter", "Предпросмотр талона")

    @staticmethod
    def doc_name(number: str) -> str:
        return QCoreApplication.translate("SlipPrinter", "Талон № {number}").format(number=number)


# --- printers ----------------------------------------------------------------------------------


def available_printers() -> list[str]:
    """Names of the installed printers (empty when there are none)."""
    return list(QPrinterInfo.availablePrinterNames())


def default_printer_name() -> str | None:
    """The system's default printer, or ``None`` when none is set."""
    return QPrinterInfo.defaultPrinterName() or None


def make_printer(name: str | None) -> QPrinter:
    """A ready ``QPrinter`` for ``name``; ``None`` means the default (or the only) printer.

    Raises PrinterUnavailable with a Russian ``user_message`` when there is nothing to print on.
    """
    names = available_printers()
    if not names:
        raise PrinterUnavailable(_Text.no_printers(), "no printers installed")
    if name is None:
        name = default_printer_name() or (names[0] if len(names) == 1 else None)
        if name is None:
            raise PrinterUnavailable(_Text.no_default_printer(), "no default printer")
    if name not in names:
        raise PrinterUnavailable(_Text.printer_missing(name), f"printer {name!r} not installed")
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrinterUnavailable(_Text.printer_missing(name), f"printer {name!r} has no info")
    # Qt maps a stopped CUPS queue and a paused/offline/erroring Windows printer to Error.
    state = info.state()
    if state in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrinterUnavailable(_Text.printer_not_ready(name), f"printer {name!r} is {state}")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setCopyCount(1)
    return printer


# --- the document ------------------------------------------------------------------------------


def barcode_image(payload: str) -> QImage:
    """A QR code of ``payload`` as a crisp black-and-white image (8 px per module)."""
    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buffer, kind="png", scale=8, border=2)
    image = QImage.fromData(buffer.getvalue())  # the format is read from the PNG header
    if image.isNull():  # pragma: no cover - segno always writes a valid PNG
        raise RuntimeError("segno produced an unreadable PNG")
    return image


def _slip_font(layout: SlipLayout) -> QFont:
    font = QFont()
    font.setFamilies(SLIP_FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(layout.spec.base_pt)
    return font


def _text_width(layout: SlipLayout, device: QPaintDevice) -> float:
    """The width the printer reports, but never wider than the layout's printable width."""
    if isinstance(device, QPrinter):
        reported = device.pageRect(QPrinter.Unit.DevicePixel).width()
    else:
        reported = float(device.width())
    layout_px = layout.spec.printable_width_mm / 25.4 * device.logicalDpiX()
    return min(reported, layout_px) if reported > 0 else layout_px


def build_document(
    slip: TicketSlip, layout: SlipLayout | str, paint_device: QPaintDevice
) -> QTextDocument:
    """The slip laid out for ``paint_device`` (normally the printer it will be printed on)."""
    layout = SlipLayout(layout)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(paint_device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(_slip_font(layout))
    if slip.barcode_payload:
        doc.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl(BARCODE_IMAGE_URL),
            barcode_image(slip.barcode_payload),
        )
    doc.setHtml(render_slip_html(slip, layout))
    doc.setTextWidth(_text_width(layout, paint_device))
    return doc


def _set_page(printer: QPrinter, layout: SlipLayout, height_mm: float | None = None) -> None:
    spec = layout.spec
    if layout in _SHEET_SIZES:
        size = QPageSize(_SHEET_SIZES[layout])
    else:
        size = QPageSize(
            QSizeF(spec.paper_width_mm, height_mm or _PROVISIONAL_ROLL_MM),
            QPageSize.Unit.Millimeter,
            "slip",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    if not printer.setPageSize(size):
        # The driver refused the size; we still lay out for whatever width it reports.
        log.warning("printer %r refused page size %s", printer.printerName(), size.name())
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    margins = QMarginsF(spec.margin_x_mm, spec.margin_y_mm, spec.margin_x_mm, spec.margin_y_mm)
    printer.setPageMargins(margins, QPageLayout.Unit.Millimeter)


def _paint_training_watermark(painter: QPainter, page: QRectF) -> None:
    """Faint diagonal ``УЧЕБНЫЙ — НЕ ДЕЙСТВИТЕЛЕН`` repeated down the page, as outlines.

    Outlines rather than text keep the PDF's text layer (and ``pdftotext``) clean; the banners
    in the HTML carry the words as text.
    """
    font = QFont()
    font.setFamilies(SLIP_FONT_FAMILIES)
    font.setPointSizeF(40)
    font.setBold(True)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, TRAINING_WATERMARK)
    bounds = path.boundingRect()
    angle = 30.0
    span = page.width() * 0.92 / math.cos(math.radians(angle))
    scale = span / bounds.width()
    step = page.width() * 0.95
    y = min(step / 2, page.height() / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    while y < page.height():
        painter.save()
        painter.translate(page.left() + page.width() / 2, page.top() + y)
        painter.rotate(-angle)
        painter.scale(scale, scale)
        painter.translate(-bounds.center())
        painter.fillPath(path, QColor(0, 0, 0, 50))
        painter.restore()
        y += step
    painter.restore()


def _paint(
    doc: QTextDocument, printer: QPagedPaintDevice, slip: TicketSlip, failed: str, scale: float
) -> None:
    """Paint every page of ``doc`` scaled by ``scale``; ``failed`` is the message on refusal."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(failed, "QPainter.begin failed")
    try:
        page_height = doc.pageSize().height()
        width = doc.textWidth()
        # Centred when the printer's page is wider than the layout (a driver refused our size).
        left = max(0.0, (printer.width() - width * scale) / 2)
        for index in range(doc.pageCount()):
            if index and not printer.newPage():
                raise PrintFailed(failed, f"newPage failed before page {index + 1}")
            top = index * page_height
            painter.save()
            painter.translate(left, 0)
            painter.scale(scale, scale)
            painter.translate(0, -top)
            doc.drawContents(painter, QRectF(0, top, width, page_height))
            painter.restore()
            if slip.training:
                page = QRectF(left, 0, width * scale, page_height * scale)
                _paint_training_watermark(painter, page)
    finally:
        ended = painter.end()
    if not ended:
        raise PrintFailed(failed, "QPainter.end failed")


def _shrink_to_page(doc: QTextDocument, page_height: float) -> float:
    """Scale (<= 1) at which the slip fits one sheet; wider text at smaller scale, never cut.

    Long clinic names or addresses can push an A6 slip past its page; shrinking slightly keeps
    the slip on one sheet. Below half size we give up and let it run onto a second page.
    """
    width = doc.textWidth()
    scale = 1.0
    for _ in range(12):
        height = doc.size().height() * scale
        if height <= page_height or scale <= _MIN_SHEET_SCALE:
            break
        scale = max(_MIN_SHEET_SCALE, scale * max(0.9, math.sqrt(page_height / height)) * 0.99)
        doc.setTextWidth(width / scale)
    return scale


def print_slip(
    slip: TicketSlip,
    layout: SlipLayout | str,
    printer: QPrinter,
    *,
    failed_message: str | None = None,
) -> None:
    """Print the slip on ``printer``: the page is the layout's paper, rolls cut to content."""
    layout = SlipLayout(layout)
    printer.setFullPage(False)
    if slip.number:
        printer.setDocName(_Text.doc_name(slip.number))
    _set_page(printer, layout)
    doc = build_document(slip, layout, printer)
    if layout.fits_height_to_content:
        margins = printer.pageLayout().margins(QPageLayout.Unit.Millimeter)
        content_mm = doc.size().height() / printer.resolution() * 25.4
        _set_page(printer, layout, content_mm + margins.top() + margins.bottom() + _ROLL_SLACK_MM)
    page_height = printer.pageRect(QPrinter.Unit.DevicePixel).height()
    scale = 1.0 if layout.fits_height_to_content else _shrink_to_page(doc, page_height)
    doc.setPageSize(QSizeF(doc.textWidth(), page_height / scale))
    failed = failed_message or _Text.print_failed(printer.printerName() or "—")
    _paint(doc, printer, slip, failed, scale)
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintFailed(failed, f"printer state after job: {printer.printerState()}")


def save_pdf(slip: TicketSlip, layout: SlipLayout | str, path: Path) -> Path:
    """Write the slip to ``path`` as a PDF with a real text layer; returns the path."""
    path = Path(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("desktop-app")
    print_slip(slip, layout, printer, failed_message=_Text.pdf_failed(str(path)))
    return path


# --- dialogs (thin; tests construct them but never exec) --------------------------------------

ErrorHandler = Callable[[SlipPrintError], None]


def _guarded_print(
    slip: TicketSlip, layout: SlipLayout, printer: QPrinter, on_error: ErrorHandler | None
) -> bool:
    try:
        print_slip(slip, layout, printer)
    except SlipPrintError as exc:
        log.warning("slip not printed: %s", exc.detail)
        if on_error is None:
            raise
        on_error(exc)
        return False
    return True


def open_preview(
    parent: QWidget | None,
    slip: TicketSlip,
    layout: SlipLayout | str,
    *,
    printer_name: str | None = None,
    on_error: ErrorHandler | None = None,
) -> QPrintPreviewDialog:
    """A print preview of the slip; the caller shows it (``open()``/``exec()``).

    The dialog's ``QPrinter`` is kept alive with the dialog: a temporary one crashes
    ``QPrintPreviewDialog``. Without a usable printer the preview still works (PDF device).
    """
    layout = SlipLayout(layout)
    try:
        printer = make_printer(printer_name)
    except PrinterUnavailable:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_Text.preview_title())
    dialog.paintRequested.connect(lambda device: _guarded_print(slip, layout, device, on_error))
    dialog.slip_printer = printer  # type: ignore[attr-defined]  # lifetime = dialog's
    return dialog


def open_print_dialog(
    parent: QWidget | None,
    slip: TicketSlip,
    layout: SlipLayout | str,
    printer_name: str | None,
    *,
    on_error: ErrorHandler | None = None,
    on_printed: Callable[[], None] | None = None,
) -> QPrintDialog:
    """The system print dialog for the slip; on OK the slip is printed with the chosen printer.

    Raises PrinterUnavailable before any dialog appears when there is nothing to print on.
    """
    layout = SlipLayout(layout)
    printer = make_printer(printer_name)
    dialog = QPrintDialog(printer, parent)

    def on_finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and _guarded_print(
            slip, layout, printer, on_error
        ) and on_printed is not None:
            on_printed()

    dialog.finished.connect(on_finished)
    dialog.slip_printer = printer  # type: ignore[attr-defined]  # lifetime = dialog's
    return dialog
