"""Issue 10 §2 and §4 on paper: the operator's stub with the patient, and the cancelled slip.

Rendered through Qt into real PDFs and read back with poppler: what a patient (or the desk) would
read, and where on the page it sits.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.printing import (
    BARCODE_IMAGE_URL,
    CANCELLED_BANNER,
    CUT_LABEL,
    STUB_TITLE,
    TRAINING_WATERMARK,
    SlipLayout,
    TicketSlip,
    render_slip_html,
)
from desktop_app.ui.printing.slip_printer import save_pdf
from tests.printing.pdfread import need_poppler, page_count, pdf_text, words

PATIENT = "Лебедев А. П., д. р. 12.04.1985"


@pytest.fixture
def poppler() -> None:
    need_poppler()


def make_slip(samples, **kwargs) -> TicketSlip:
    kwargs.setdefault("printed_at", datetime(2026, 11, 27, 9, 58))
    kwargs.setdefault("operator_login", "reg_ivanova")
    kwargs.setdefault("training", False)
    ticket: TicketVisitWithLpu = kwargs.pop("ticket", None) or samples.ticket()
    return TicketSlip.from_ticket(ticket, **kwargs)


def split_at_cut(text: str) -> tuple[str, str]:
    """(the patient's part, the stub) of a slip's text."""
    assert CUT_LABEL in text, text
    patient_part, _, stub = text.partition(CUT_LABEL)
    return patient_part, stub


# -- content, without Qt ---------------------------------------------------------------------------


def test_from_ticket_stays_backward_compatible(samples) -> None:
    slip = make_slip(samples)
    assert slip.patient is None and not slip.patient_on_slip and not slip.cancelled
    assert not slip.has_stub and not slip.shows_patient
    html = render_slip_html(slip, SlipLayout.ROLL80)
    assert STUB_TITLE not in html and CANCELLED_BANNER not in html and CUT_LABEL not in html


def test_patient_is_cleaned_and_the_stub_has_the_short_day_and_time(samples) -> None:
    slip = make_slip(samples, patient="  Лебедев А. П.,  д. р. 12.04.1985 ")
    assert slip.patient == PATIENT
    assert slip.has_stub and not slip.shows_patient
    assert slip.short_when == "27.11.2026, 10:20"
    assert make_slip(samples, patient="   ").patient is None


def test_the_patient_is_escaped_in_the_html(samples) -> None:
    slip = make_slip(samples, patient="<b>Лебедев</b> & Ко", patient_on_slip=True)
    html = render_slip_html(slip, SlipLayout.ROLL80)
    assert "<b>Лебедев" not in html
    assert "&lt;b&gt;Лебедев&lt;/b&gt; &amp; Ко" in html


def test_a_cancelled_slip_has_no_barcode_and_no_reminder(samples) -> None:
    slip = make_slip(samples, cancelled=True, reminder="При себе иметь полис")
    html = render_slip_html(slip, SlipLayout.ROLL80)
    assert BARCODE_IMAGE_URL not in html  # a scanner must not read it as a valid ticket
    assert "При себе иметь полис" not in html
    assert "Приходите за 10 минут" not in html
    assert "<s>" in html  # the number struck through
    assert html.count(CANCELLED_BANNER) == 2  # top and bottom


# -- on paper --------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", list(SlipLayout))
def test_stub_holds_the_patient_and_the_patient_part_does_not(
    samples, layout: SlipLayout, tmp_path: Path, qapp, poppler
) -> None:
    slip = make_slip(samples, patient=PATIENT)
    path = save_pdf(slip, layout, tmp_path / f"{layout}.pdf")
    text = pdf_text(path)
    patient_part, stub = split_at_cut(text)
    assert STUB_TITLE in stub
    assert PATIENT in stub, stub
    assert "Талон № 12" in stub
    assert "Смирнова Е.В." in stub and "Терапия" in stub
    assert "27.11.2026, 10:20" in stub
    # The patient's own part says nothing about the patient by default.
    assert "Лебедев" not in patient_part
    assert "12.04.1985" not in patient_part
    assert "№ 12" in patient_part and "Кабинет 214" in patient_part
    assert page_count(path) == 1


@pytest.mark.parametrize("layout", [SlipLayout.ROLL80, SlipLayout.ROLL58])
def test_patient_on_the_slip_when_the_layout_setting_says_so(
    samples, layout: SlipLayout, tmp_path: Path, qapp, poppler
) -> None:
    slip = make_slip(samples, patient=PATIENT, patient_on_slip=True)
    text = pdf_text(save_pdf(slip, layout, tmp_path / "slip.pdf"))
    patient_part, stub = split_at_cut(text)
    assert f"Пациент: {PATIENT}" in patient_part
    assert PATIENT in stub


@pytest.mark.parametrize("layout", [SlipLayout.ROLL80, SlipLayout.ROLL58])
def test_the_cut_line_is_one_line_across_the_roll(
    samples, layout: SlipLayout, tmp_path: Path, qapp, poppler
) -> None:
    path = save_pdf(make_slip(samples, patient=PATIENT), layout, tmp_path / "slip.pdf")
    width, found = words(path)
    label = next(w for w in found if w.text == CUT_LABEL.split()[0])
    dashes = [w for w in found if w.text == "-"]
    on_the_line = [w for w in dashes if abs(w.y_min - label.y_min) < 1]
    assert len(on_the_line) == len(dashes) >= 8  # no dash wrapped to a line of its own
    left = min(w.x_min for w in on_the_line)
    right = max(w.x_max for w in on_the_line)
    assert left >= 0 and right <= width
    assert right - left > width * 0.6  # it spans the roll


@pytest.mark.parametrize("layout", list(SlipLayout))
def test_a_cancelled_slip_carries_the_banner_and_never_a_valid_number(
    samples, layout: SlipLayout, tmp_path: Path, qapp, poppler
) -> None:
    slip = make_slip(samples, cancelled=True, patient=PATIENT)
    path = save_pdf(slip, layout, tmp_path / f"{layout}.pdf")
    text = pdf_text(path)
    patient_part, stub = split_at_cut(text)
    assert patient_part.startswith(CANCELLED_BANNER), patient_part
    assert patient_part.count(CANCELLED_BANNER) == 2
    assert "аннулирован" in patient_part
    assert "ОТМЕНЕНА" in stub and PATIENT in stub
    assert page_count(path) == 1
    # The number is no headline any more: no word of the page is set at the number's size.
    _, found = words(path)
    spec = layout.spec
    number = next(w for w in found if w.text == "12")
    assert number.height < spec.number_pt * 0.6
    # The banner's longest word never breaks inside (it is sized to the paper).
    assert any(w.text == "НЕДЕЙСТВИТЕЛЕН" for w in found)


def test_cancelled_without_a_patient_and_without_a_number(samples, tmp_path, qapp, poppler) -> None:
    ticket = samples.ticket(num=None)
    slip = make_slip(samples, ticket=ticket, cancelled=True)
    text = pdf_text(save_pdf(slip, SlipLayout.ROLL58, tmp_path / "slip.pdf"))
    assert text.startswith(CANCELLED_BANNER)
    assert CUT_LABEL not in text  # no patient: no stub
    assert "Номер талона выдадут" not in text  # a cancelled slip promises nothing


def test_training_stub_says_training_too(samples, tmp_path, qapp, poppler) -> None:
    slip = make_slip(samples, training=True, patient=PATIENT)
    text = pdf_text(save_pdf(slip, SlipLayout.ROLL80, tmp_path / "slip.pdf"))
    _, stub = split_at_cut(text)
    assert TRAINING_WATERMARK in stub
