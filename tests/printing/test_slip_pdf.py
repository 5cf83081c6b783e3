"""Slips rendered through Qt into real PDFs and read back with poppler.

PDFs that Qt writes keep their text layer, so ``pdftotext`` reads back exactly what a patient
would read; ``pdfinfo`` gives the paper size and ``pdftotext -bbox`` where every word sits.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.journal import ShiftJournal
from desktop_app.printing import BARCODE_IMAGE_URL, TRAINING_WATERMARK, SlipLayout, TicketSlip
from desktop_app.ui.printing import slip_printer
from desktop_app.ui.printing.slip_printer import (
    PrinterUnavailable,
    PrintFailed,
    SlipPrintError,
    barcode_image,
    build_document,
    make_printer,
    open_preview,
    open_print_dialog,
    print_slip,
    save_pdf,
)

MM_TO_PT = 72 / 25.4
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
#: The paper each layout must produce, in points: width, and height for sheets.
PAPER_PT = {
    SlipLayout.ROLL80: (80 * MM_TO_PT, None),
    SlipLayout.ROLL58: (58 * MM_TO_PT, None),
    SlipLayout.A6: (105 * MM_TO_PT, 148 * MM_TO_PT),
    SlipLayout.A5: (148 * MM_TO_PT, 210 * MM_TO_PT),
}


@pytest.fixture
def poppler() -> None:
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not installed (Debian: apt-get install poppler-utils)")


def make_slip(samples, ticket=None, **kwargs) -> TicketSlip:
    kwargs.setdefault("printed_at", samples.printed_at)
    kwargs.setdefault("operator_login", "reg_ivanova")
    kwargs.setdefault("training", False)
    return TicketSlip.from_ticket(ticket or samples.ticket(), **kwargs)


def pdf_text(path: Path) -> str:
    """The PDF's text with whitespace (and no-break spaces) collapsed to single spaces."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(out.replace("\u00a0", " ").split())


def page_sizes(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    ]


def word_boxes(path: Path) -> tuple[float, list[tuple[str, float, float]]]:
    """Page width and (word, xMin, xMax) of every word on the first page."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))
    words = [
        (word, float(x_min), float(x_max))
        for x_min, x_max, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            out,
        )
    ]
    return width, words


@pytest.mark.parametrize("layout", list(SlipLayout))
def test_every_layout_renders_the_essentials(
    layout: SlipLayout, tmp_path: Path, qapp, poppler, samples
) -> None:
    path = save_pdf(make_slip(samples), layout, tmp_path / f"{layout}.pdf")
    text = pdf_text(path)
    for expected in (
        "ГБУЗ «Городская поликлиника № 3»",
        "ТАЛОН НА ПРИЁМ",
        "вне расписания",
        "№ 12",
        "пятница, 27 ноября 2026",
        "10:20–10:40",
        "Кабинет 214",
        "Этаж 2",
        "Терапия",
        "Смирнова Е.В.",
        "Приходите за 10 минут до приёма",
    ):
        assert expected in text, f"{expected!r} missing on {layout}: {text}"
    assert "амбулаторного" not in text.lower()
    assert TRAINING_WATERMARK not in text
    assert "ДУБЛИКАТ" not in text

    sizes = page_sizes(path)
    assert len(sizes) == 1, f"{layout} spilled onto {len(sizes)} pages"
    width, height = sizes[0]
    want_width, want_height = PAPER_PT[layout]
    assert abs(width - want_width) <= 1.0, (layout, width, want_width)
    if want_height is None:
        assert 150 < height < 900, f"roll height {height} pt is not fitted to the content"
    else:
        assert abs(height - want_height) <= 1.0, (layout, height, want_height)


@pytest.mark.parametrize("layout", list(SlipLayout))
def test_training_watermark_only_in_training(
    layout: SlipLayout, tmp_path: Path, qapp, poppler, samples
) -> None:
    training = pdf_text(save_pdf(make_slip(samples, training=True), layout, tmp_path / "t.pdf"))
    real = pdf_text(save_pdf(make_slip(samples), layout, tmp_path / "r.pdf"))
    assert training.count(TRAINING_WATERMARK) >= 2, training  # top and bottom banners
    assert "УЧЕБНЫЙ" not in real and "НЕ ДЕЙСТВИТЕЛЕН" not in real


def test_training_slip_carries_a_painted_diagonal_watermark(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch, samples
) -> None:
    """Besides the banners, the diagonal watermark puts visible ink across the page."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed (Debian: apt-get install poppler-utils)")

    def ink(name: str) -> int:
        pdf = save_pdf(make_slip(samples, training=True), "a6", tmp_path / f"{name}.pdf")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
            check=True,
        )
        image = QImage(str(pdf.with_suffix(".png")))
        return sum(
            1
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).lightness() < 250
        )

    with_diagonal = ink("with")
    monkeypatch.setattr(slip_printer, "_paint_training_watermark", lambda painter, page: None)
    banners_only = ink("without")
    assert with_diagonal > banners_only * 1.08, (with_diagonal, banners_only)


def test_duplicate_is_marked(tmp_path: Path, qapp, poppler, samples) -> None:
    first = pdf_text(save_pdf(make_slip(samples), "roll80", tmp_path / "1.pdf"))
    second = pdf_text(save_pdf(make_slip(samples, copy_number=2), "roll80", tmp_path / "2.pdf"))
    assert "ДУБЛИКАТ" not in first
    assert "ДУБЛИКАТ № 2" in second


LONG_DOCTOR = "Константинопольская-Верхнеднепровская Аполлинария Святославовна"
LONG_SURNAME = "Константинопольская-Верхнеднепровская"


@pytest.mark.parametrize("layout", [SlipLayout.ROLL58, SlipLayout.ROLL80])
def test_long_texts_stay_inside_the_printable_width(
    layout: SlipLayout, tmp_path: Path, qapp, poppler, samples
) -> None:
    assert len(LONG_DOCTOR) >= 60
    ticket = samples.ticket(
        docFio=LONG_DOCTOR,
        num="2026112700123",
        speciality="Оториноларингологияпедиатрическаявысшейкатегории",
        room="214а (процедурный, вход со двора через приёмное отделение)",
        lpu={
            "ferName": "ГБУЗ «Городская клиническая поликлиника имени "
            "Героя Советского Союза Константина Константиновича Рокоссовского № 203»",
            "address": "Российская Федерация, г. Москва, Верхнеднепровский проезд, "
            "д. 110, корп. 12, стр. 4",
            "phone": "+7 (495) 123-45-67 доб. 1234, +7 (495) 765-43-21",
        },
    )
    slip = make_slip(samples, ticket, training=True, copy_number=3)
    path = save_pdf(slip, layout, tmp_path / "long.pdf")

    width, words = word_boxes(path)
    spec = layout.spec
    left = spec.margin_x_mm * MM_TO_PT
    right = width - spec.margin_x_mm * MM_TO_PT
    assert words
    for word, x_min, x_max in words:
        assert x_min >= left - 1.0, f"{word!r} starts at {x_min:.1f} pt, left edge {left:.1f}"
        assert x_max <= right + 1.0, f"{word!r} ends at {x_max:.1f} pt, right edge {right:.1f}"

    text = re.sub(r"-\s+", "-", pdf_text(path))  # a hyphenated surname may wrap at its hyphen
    assert f"{LONG_SURNAME} А.С." in text
    joined = text.replace(" ", "")
    assert "2026112700123" in joined  # a long number may wrap but is never cut
    assert "Оториноларингологияпедиатрическаявысшейкатегории" in joined
    assert "Рокоссовского№203»" in joined
    assert len(page_sizes(path)) == 1


def test_sheet_with_long_texts_stays_on_one_page(tmp_path: Path, qapp, poppler, samples) -> None:
    long_address = "Российская Федерация, Московская область, " * 4 + "д. 1"
    ticket = samples.ticket(lpu={"ferName": "Поликлиника", "address": long_address})
    path = save_pdf(make_slip(samples, ticket, training=True, copy_number=2), "a6", tmp_path / "x")
    assert len(page_sizes(path)) == 1
    assert "д. 1" in pdf_text(path)


def test_short_answer_prints_without_empty_labels(tmp_path: Path, qapp, poppler, samples) -> None:
    short = TicketVisitWithLpu.model_validate(
        {"num": "7", "ticketGuid": samples.guid, "lpu": {"name": "ГП № 3"}}
    )
    text = pdf_text(save_pdf(make_slip(samples, short), "roll58", tmp_path / "s.pdf"))
    assert re.search(r"№ ?7\b", text) and "ГП № 3" in text
    for absent in ("None", "Кабинет", "Этаж", "Врач", "Адрес"):
        assert absent not in text


def test_document_uses_the_printer_width_and_the_qr(qapp, samples) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    doc = build_document(make_slip(samples), "roll80", printer)
    dpi = printer.resolution()
    assert doc.textWidth() <= 72 / 25.4 * dpi + 1
    assert CYRILLIC.search(doc.toPlainText())
    image = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(BARCODE_IMAGE_URL))
    assert isinstance(image, QImage) and not image.isNull()


def test_barcode_image_is_square_and_sharp(qapp, samples) -> None:
    image = barcode_image(samples.guid)
    assert image.width() == image.height()
    assert image.width() % 8 == 0  # 8 pixels per module, no resampling


def test_roll_page_margins_are_small(tmp_path: Path, qapp, samples) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "m.pdf"))
    print_slip(make_slip(samples), "roll80", printer)
    margins = printer.pageLayout().margins(QPageLayout.Unit.Millimeter)
    assert margins.left() == pytest.approx(4, abs=0.1)
    assert margins.top() == pytest.approx(3, abs=0.1)
    page_mm = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    assert page_mm.width() == pytest.approx(80, abs=0.1)
    assert 60 < page_mm.height() < 200  # fitted to the content, not a sheet


# --- failures ----------------------------------------------------------------------------------


def test_unknown_printer_is_unavailable_with_a_russian_message(qapp) -> None:
    with pytest.raises(PrinterUnavailable) as info:
        make_printer("no such printer")
    assert CYRILLIC.search(info.value.user_message)
    assert "None" not in info.value.user_message


class FakePrinterInfo:
    """Stands in for ``QPrinterInfo`` so printer states can be tested without CUPS."""

    names: ClassVar[list[str]] = []
    default = ""
    printer_state = QPrinter.PrinterState.Idle

    @classmethod
    def availablePrinterNames(cls) -> list[str]:
        return cls.names

    @classmethod
    def defaultPrinterName(cls) -> str:
        return cls.default

    @classmethod
    def printerInfo(cls, name: str) -> FakePrinterInfo:
        return cls()

    def isNull(self) -> bool:
        return False

    def state(self) -> QPrinter.PrinterState:
        return type(self).printer_state


@pytest.fixture
def fake_printers(monkeypatch: pytest.MonkeyPatch) -> type[FakePrinterInfo]:
    class Info(FakePrinterInfo):
        names: ClassVar[list[str]] = []
        default = ""
        printer_state = QPrinter.PrinterState.Idle

    monkeypatch.setattr(slip_printer, "QPrinterInfo", Info)
    return Info


def test_no_printer_installed(qapp, fake_printers) -> None:
    with pytest.raises(PrinterUnavailable) as info:
        make_printer(None)
    assert "не установлен ни один принтер" in info.value.user_message
    assert slip_printer.available_printers() == []
    assert slip_printer.default_printer_name() is None


def test_named_printer_missing(qapp, fake_printers) -> None:
    fake_printers.names = ["Kassa-80"]
    with pytest.raises(PrinterUnavailable) as info:
        make_printer("Kassa-58")
    assert "«Kassa-58» не найден" in info.value.user_message


def test_no_default_among_several(qapp, fake_printers) -> None:
    fake_printers.names = ["Kassa-80", "Office"]
    with pytest.raises(PrinterUnavailable) as info:
        make_printer(None)
    assert "Не выбран принтер" in info.value.user_message


@pytest.mark.parametrize("state", [QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted])
def test_printer_in_error_or_paused_state(qapp, fake_printers, state) -> None:
    fake_printers.names = ["Kassa-80"]
    fake_printers.default = "Kassa-80"
    fake_printers.printer_state = state
    with pytest.raises(PrinterUnavailable) as info:
        make_printer(None)
    assert "«Kassa-80» сейчас не готов" in info.value.user_message
    assert isinstance(info.value, SlipPrintError)


def test_unwritable_pdf_fails_clearly_and_the_slip_stays_printable(
    tmp_path: Path, qapp, poppler, samples
) -> None:
    slip = make_slip(samples)
    with pytest.raises(PrintFailed) as info:
        save_pdf(slip, "roll80", tmp_path / "no" / "such" / "dir" / "slip.pdf")
    assert "Не удалось сохранить талон" in info.value.user_message
    again = save_pdf(slip, "roll80", tmp_path / "retry.pdf")
    assert "№ 12" in pdf_text(again)


# --- dialogs: constructed, never exec'd ------------------------------------------------------


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_preview_keeps_its_printer_and_paints_the_slip(
    tmp_path: Path, qtbot, poppler, samples
) -> None:
    dialog = open_preview(None, make_slip(samples), "roll58")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintPreviewDialog)
    assert isinstance(dialog.slip_printer, QPrinter)
    dialog.show()  # not exec: the preview renders its pages through our slot
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 1)
    target = pdf_printer(tmp_path / "preview.pdf")
    dialog.paintRequested.emit(target)
    assert "№ 12" in pdf_text(tmp_path / "preview.pdf")


def test_preview_reports_errors_through_the_callback(tmp_path: Path, qtbot, samples) -> None:
    errors: list[SlipPrintError] = []
    dialog = open_preview(None, make_slip(samples), "a6", on_error=errors.append)
    qtbot.addWidget(dialog)
    dialog.paintRequested.emit(pdf_printer(tmp_path / "missing" / "dir" / "x.pdf"))
    assert len(errors) == 1 and isinstance(errors[0], PrintFailed)


def test_print_dialog_needs_a_printer(qtbot, fake_printers, samples) -> None:
    with pytest.raises(PrinterUnavailable):
        open_print_dialog(None, make_slip(samples), "roll80", None)


def test_print_dialog_prints_on_accept(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, poppler, samples
) -> None:
    target = tmp_path / "dialog.pdf"
    monkeypatch.setattr(slip_printer, "make_printer", lambda name: pdf_printer(target))
    dialog = open_print_dialog(None, make_slip(samples), "roll80", "Kassa-80")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintDialog)
    dialog.finished.emit(int(QDialog.DialogCode.Rejected))
    assert not target.exists()
    dialog.finished.emit(int(QDialog.DialogCode.Accepted))
    assert "Кабинет 214" in pdf_text(target)


# --- tickets whose times carry different offsets ----------------------------------------------

#: The common .NET answer: ``beginTime`` with an offset, ``endTime`` without one.
MIXED_TIMES = {"beginTime": "2026-12-03T08:00:00+03:00", "endTime": "2026-12-03T08:12:00.000"}


def _mixed_by_hand(samples) -> TicketVisitWithLpu:
    """The same ticket built without the models' parsing: one aware and one naive datetime."""
    begin = datetime(2026, 12, 3, 8, 0, tzinfo=timezone(timedelta(hours=3)))
    end = datetime(2026, 12, 3, 8, 12)
    fields = {**dict(samples.ticket()), "begin_time": begin, "end_time": end}
    return TicketVisitWithLpu.model_construct(**fields)


def _assert_mixed_times(text: str) -> None:
    assert "08:00–08:12" in text, text
    assert "четверг, 3 декабря 2026" in text, text


@pytest.mark.parametrize("layout", list(SlipLayout))
def test_mixed_offset_ticket_saves_as_pdf(
    layout: SlipLayout, tmp_path: Path, qapp, poppler, samples
) -> None:
    slip = make_slip(samples, samples.ticket(**MIXED_TIMES))
    _assert_mixed_times(pdf_text(save_pdf(slip, layout, tmp_path / f"{layout}.pdf")))


def test_hand_built_mixed_ticket_prints(tmp_path: Path, qapp, poppler, samples) -> None:
    """Ctrl+P's path: ``print_slip`` on a printer (here one writing a PDF)."""
    target = tmp_path / "printed.pdf"
    print_slip(make_slip(samples, _mixed_by_hand(samples)), "roll80", pdf_printer(target))
    _assert_mixed_times(pdf_text(target))


def test_mixed_offset_ticket_previews(tmp_path: Path, qtbot, poppler, samples) -> None:
    dialog = open_preview(None, make_slip(samples, _mixed_by_hand(samples)), "a6")
    qtbot.addWidget(dialog)
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 1)
    dialog.paintRequested.emit(pdf_printer(tmp_path / "preview.pdf"))
    _assert_mixed_times(pdf_text(tmp_path / "preview.pdf"))


def test_mixed_offset_ticket_reprints_from_the_journal(
    tmp_path: Path, qapp, poppler, samples
) -> None:
    journal = ShiftJournal(tmp_path / "journal.sqlite3")
    try:
        attempt = journal.record_attempt(
            lpu_guid="305b9cf2-66f0-56f4-bff0-ccc8a476d800",
            resource_guid="3dd32e19-b75e-5e15-beb1-02e313b4ab61",
            day=date(2026, 12, 3),
            at=None,
            patient_key="a" * 64,
            patient_label="Иванов И.И.",
            clinic_name="ГП № 3",
            resource_name="Смирнова Е.В.",
            training=False,
        )
        journal.record_success(attempt, _mixed_by_hand(samples))
        journal.mark_printed(attempt)
        entry = journal.get(attempt)
    finally:
        journal.close()
    assert entry is not None and entry.ticket is not None
    slip = make_slip(samples, entry.ticket, copy_number=entry.print_count + 1)
    text = pdf_text(save_pdf(slip, "roll58", tmp_path / "reprint.pdf"))
    _assert_mixed_times(text)
    assert "ДУБЛИКАТ № 2" in text
