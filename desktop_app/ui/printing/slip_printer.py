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

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QAction,
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
    layout_for_paper_width,
    render_slip_html,
)
from desktop_app.ui.printing.queue_state import PrinterStatus, QueueState, printer_state

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


class LayoutDoesNotFit(SlipPrintError):
    """The layout fixed in the settings is wider than the paper the printer reports."""


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
    def printer_stopped(name: str, reason: str | None) -> str:
        text = QCoreApplication.translate(
            "SlipPrinter",
            "Принтер «{name}» остановлен (приостановлен или выключен): талон не напечатан. "
            "Включите принтер, проверьте бумагу и возобновите печать (в Windows: «Принтеры и "
            "сканеры» → принтер → «Открыть очередь» → снимите «Приостановить печать»), затем "
            "напечатайте ещё раз или сохраните талон в PDF.",
        ).format(name=name)
        return _with_reason(text, reason)

    @staticmethod
    def printer_rejecting(name: str, reason: str | None) -> str:
        text = QCoreApplication.translate(
            "SlipPrinter",
            "Принтер «{name}» сейчас не принимает задания: талон не напечатан. Попросите "
            "администратора включить приём заданий на этом принтере, выберите другой принтер "
            "(«Печать с выбором…») или сохраните талон в PDF.",
        ).format(name=name)
        return _with_reason(text, reason)

    @staticmethod
    def layout_does_not_fit(name: str, layout: str, paper_mm: float) -> str:
        return QCoreApplication.translate(
            "SlipPrinter",
            "В настройках выбран размер талона «{layout}», а в принтере «{name}» бумага "
            "шириной {paper} мм: талон на ней не поместится и не напечатан. Выберите в "
            "настройках размер «По бумаге принтера (автоматически)» или подходящий к этой "
            "бумаге, или напечатайте на другом принтере («Печать с выбором…»).",
        ).format(layout=layout, name=name, paper=f"{paper_mm:.0f}")

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


def _with_reason(text: str, reason: str | None) -> str:
    if not reason:
        return text
    return (
        text
        + " "
        + QCoreApplication.translate("SlipPrinter", "Система сообщает: {reason}.").format(
            reason=reason.rstrip(".")
        )
    )


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
    # Qt maps a stopped CUPS queue and a paused/offline/erroring Windows printer to Error;
    # the system's own state (``check_queue``) says which, and why.
    state = info.state()
    if state in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        check_queue(name)
        raise PrinterUnavailable(_Text.printer_not_ready(name), f"printer {name!r} is {state}")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setCopyCount(1)
    return printer


def queue_name(printer: QPrinter) -> str | None:
    """The system queue a printer sends to; ``None`` for a printer that writes a file."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    return printer.printerName() or None


def check_queue(name: str | None) -> PrinterStatus:
    """The queue's state before a job is handed to it; raises when it will not print.

    ``None`` (a file) is always accepting. Stopped and rejecting queues raise
    PrinterUnavailable with a Russian message that says what to do; an unknown state is
    returned (the job is sent, the operator is told it was sent). Safe off the GUI thread.
    """
    if name is None:
        return PrinterStatus(QueueState.ACCEPTING)
    status = printer_state(name)
    log.info("printer %r: %s (%s)", name, status.state, status.reason or "-")
    if status.state is QueueState.STOPPED:
        raise PrinterUnavailable(
            _Text.printer_stopped(name, status.reason), f"printer {name!r} is stopped"
        )
    if status.state is QueueState.REJECTING:
        raise PrinterUnavailable(
            _Text.printer_rejecting(name, status.reason), f"printer {name!r} rejects jobs"
        )
    return status


def paper_width_mm(printer: QPrinter | None) -> float | None:
    """The width of the paper the printer's queue reports (its default page size), in mm.

    ``None`` for a file, a printer that reports nothing, or no printer. The queue's default
    is read, not the ``QPrinter``'s page (which is ours to set, and A4 until we do).
    """
    if printer is None:
        return None
    name = queue_name(printer)
    if name is None:
        return None
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return None
    size = info.defaultPageSize()
    if not size.isValid():
        return None
    width = size.size(QPageSize.Unit.Millimeter).width()
    return width if width > 0 else None


#: A fixed layout may be this much wider than the reported paper (drivers round sizes).
_FIT_SLACK_MM = 2.0
#: The settings value that picks the layout from the paper.
AUTO_LAYOUT = "auto"


def choose_layout(setting: str | None, paper_mm: float | None, printer: str = "") -> SlipLayout:
    """The layout to print with: ``auto`` follows the paper, a fixed one must fit it.

    Raises LayoutDoesNotFit (with a Russian message) for a fixed layout wider than the paper
    (80 mm on a 58 mm roll): shrinking it would make it unreadable. Unknown paper: ``auto``
    is the default layout, a fixed one is used as is.
    """
    if not setting or setting == AUTO_LAYOUT:
        return layout_for_paper_width(paper_mm) if paper_mm else SlipLayout.default()
    layout = SlipLayout(setting)
    if paper_mm is not None and layout.paper_width_mm > paper_mm + _FIT_SLACK_MM:
        raise LayoutDoesNotFit(
            _Text.layout_does_not_fit(printer or "—", layout.title, paper_mm),
            f"layout {layout} ({layout.paper_width_mm} mm) on {paper_mm:.1f} mm paper",
        )
    return layout


# --- the document ------------------------------------------------------------------------------


def barcode_image(payload: str) -> QImage:
    """A QR code of ``payload`` as a crisp black-and-white image (8 px per module)."""
    import segno  # on the first slip, not at start-up (bench/bench_startup.py)

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


# --- dialogs (thin; shown with open()/show(), never exec) --------------------------------------

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


#: Qt's own (qtbase) translation of one of its labels: called through this name so that lupdate
#: does not copy Qt's strings into the app's catalogue.
_qt_own_text = QCoreApplication.translate


def preview_print_action(dialog: QPrintPreviewDialog) -> QAction | None:
    """The Print button of the preview's tool bar (Qt gives it no object name)."""
    text = _qt_own_text("QPrintPreviewDialog", "Print")
    for action in dialog.findChildren(QAction):
        if action.text() in (text, "Print"):
            return action
    return None


def open_preview(
    parent: QWidget | None,
    slip: TicketSlip,
    layout: SlipLayout | str,
    *,
    printer_name: str | None = None,
    printer: QPrinter | None = None,
    on_error: ErrorHandler | None = None,
    on_print: Callable[[], None] | None = None,
) -> QPrintPreviewDialog:
    """A print preview of the slip; the caller shows it (``open()``/``exec()``).

    The dialog's ``QPrinter`` (``printer``, else one for ``printer_name``) is kept alive with
    the dialog: a temporary one crashes ``QPrintPreviewDialog``. Without a usable printer the
    preview still works (PDF device). With ``on_print`` the tool bar's Print button calls it
    and closes the preview instead of Qt's own flow (a blocking print dialog whose copy
    nobody would count): the caller prints the copy the way every other copy is printed.
    """
    layout = SlipLayout(layout)
    if printer is None:
        try:
            printer = make_printer(printer_name)
        except PrinterUnavailable:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_Text.preview_title())
    dialog.paintRequested.connect(lambda device: _guarded_print(slip, layout, device, on_error))
    dialog.slip_printer = printer  # type: ignore[attr-defined]  # lifetime = dialog's
    if on_print is not None:
        action = preview_print_action(dialog)
        if action is None:  # pragma: no cover - every Qt 6 preview has one
            log.warning("the preview has no Print action; printing from it is not counted")
        else:
            action.triggered.disconnect()  # Qt's own slot too

            def print_from_preview() -> None:
                dialog.accept()
                on_print()

            action.triggered.connect(print_from_preview)
    return dialog


def open_print_dialog(
    parent: QWidget | None,
    slip: TicketSlip | None,
    layout: SlipLayout | str | None,
    printer_name: str | None,
    *,
    on_error: ErrorHandler | None = None,
    on_printed: Callable[[], None] | None = None,
    on_accepted: Callable[[QPrinter], object] | None = None,
) -> QPrintDialog:
    """The system print dialog for the slip; on OK the slip is printed with the chosen printer.

    With ``on_accepted`` the caller prints (it gets the printer the operator chose) and
    ``slip``/``layout`` are not used. Raises PrinterUnavailable before any dialog appears
    when there is nothing to print on.
    """
    printer = make_printer(printer_name)
    dialog = QPrintDialog(printer, parent)

    def on_finished(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        if on_accepted is not None:
            on_accepted(printer)
            return
        assert slip is not None and layout is not None
        if _guarded_print(slip, SlipLayout(layout), printer, on_error) and on_printed:
            on_printed()

    dialog.finished.connect(on_finished)
    dialog.slip_printer = printer  # type: ignore[attr-defined]  # lifetime = dialog's
    return dialog
