"""Filled, zoned and long-room slips rendered through Qt into PDFs and read back with poppler."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import pytest

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.printing import (
    FILLED_FOOTNOTE,
    NO_NUMBER_TEXT,
    ChosenBooking,
    SlipLayout,
    TicketSlip,
    clinic_zone,
)
from desktop_app.ui.printing.slip_printer import save_pdf
from tests.printing.pdfread import MM_TO_PT, need_poppler, page_count, pdf_text, words

REMINDER_TEXT = "При себе иметь полис ОМС и паспорт"
CHOSEN = ChosenBooking(
    clinic_name="ГБУЗ «Городская поликлиника № 3»",
    resource_name="Смирнова Елена Викторовна",
    resource_kind="doctor",
    speciality="Терапевт",
    room="214",
    floor=2,
    day=date(2026, 11, 27),
    time=time(10, 20),
)
#: 40 characters; its longest word alone is wider than 58 mm paper allows at 15 pt bold.
LONG_ROOM = "Кабинет ультразвуковой диагностики № 12а"


@pytest.fixture
def poppler() -> None:
    need_poppler()


def make_slip(ticket: TicketVisitWithLpu, **kwargs) -> TicketSlip:
    kwargs.setdefault("printed_at", datetime(2026, 11, 27, 9, 58))
    kwargs.setdefault("operator_login", "reg_ivanova")
    kwargs.setdefault("training", False)
    return TicketSlip.from_ticket(ticket, **kwargs)


@pytest.mark.parametrize("layout", list(SlipLayout))
def test_short_answer_prints_what_the_operator_chose(
    layout: SlipLayout, tmp_path: Path, qapp, poppler
) -> None:
    ticket = TicketVisitWithLpu.model_validate({"num": "12"})  # fullResponse=false
    slip = make_slip(ticket, chosen=CHOSEN, zone=clinic_zone(180), reminder=REMINDER_TEXT)
    path = save_pdf(slip, layout, tmp_path / f"{layout}.pdf")
    text = pdf_text(path)
    for expected in (
        "ГБУЗ «Городская поликлиника № 3»",
        "№ 12",
        "пятница, 27 ноября 2026*",
        "10:20*",
        REMINDER_TEXT,
        "Кабинет 214*",
        "Этаж 2*",
        "Терапевт*",
        "Врач: Смирнова Е.В.*",
        FILLED_FOOTNOTE,
    ):
        assert expected in text, f"{expected!r} missing on {layout}: {text}"
    assert page_count(path) == 1


@pytest.mark.parametrize("layout", [SlipLayout.ROLL58, SlipLayout.A6])
def test_no_number_prints_the_registry_sentence(
    layout: SlipLayout, tmp_path: Path, qapp, poppler, samples
) -> None:
    slip = make_slip(samples.ticket(num=None, ticketGuid=None))
    text = pdf_text(save_pdf(slip, layout, tmp_path / "n.pdf"))
    assert NO_NUMBER_TEXT in text and "ТАЛОН НА ПРИЁМ" in text
    assert not re.search(r"№(?!\s*\w)", text), text


@pytest.mark.parametrize(
    ("begin", "end"),
    [
        ("2026-11-27T10:20:00+03:00", "2026-11-27T07:40:00Z"),
        ("2026-11-27T07:20:00Z", "2026-11-27T07:40:00Z"),
    ],
)
def test_other_offsets_print_on_the_clinics_clock(
    begin: str, end: str, tmp_path: Path, qapp, poppler, samples
) -> None:
    slip = make_slip(samples.ticket(beginTime=begin, endTime=end), zone=clinic_zone(180))
    text = pdf_text(save_pdf(slip, "roll80", tmp_path / "t.pdf"))
    assert "10:20–10:40" in text and "пятница, 27 ноября 2026" in text


@pytest.mark.parametrize("layout", [SlipLayout.ROLL58, SlipLayout.ROLL80])
def test_long_room_wraps_inside_the_page_at_the_large_size(
    layout: SlipLayout, tmp_path: Path, qapp, poppler, samples
) -> None:
    assert len(LONG_ROOM) == 40
    slip = make_slip(samples.ticket(room=LONG_ROOM), reminder=REMINDER_TEXT)
    path = save_pdf(slip, layout, tmp_path / "room.pdf")
    width, found = words(path)
    spec = layout.spec
    left, right = spec.margin_x_mm * MM_TO_PT, width - spec.margin_x_mm * MM_TO_PT
    for word in found:
        assert word.x_min >= left - 1.0, f"{word.text!r} starts at {word.x_min:.1f} pt"
        assert word.x_max <= right + 1.0, f"{word.text!r} ends at {word.x_max:.1f} pt"

    # The frame comes before the doctor's lines: its words are the first ones of each kind.
    by_text = {}
    for word in found:
        by_text.setdefault(word.text, word)
    floor_height = by_text["Этаж"].height  # "Этаж 2" is always set at the full room size
    # Every word of the room is whole (never broken inside) and nearly as large as the floor.
    for part in ("Кабинет", "ультразвуковой", "диагностики", "12а"):
        assert part in by_text, f"{part!r} broken or missing: {[w.text for w in found]}"
        assert by_text[part].height >= 0.78 * floor_height, (part, by_text[part].height)
    if layout is SlipLayout.ROLL80:  # 72 mm: every word fits at the full size
        assert by_text["ультразвуковой"].height == pytest.approx(floor_height, abs=0.5)
    # Several lines, not one squeezed line: the room's words do not all share one baseline.
    assert len({round(by_text[p].y_min) for p in ("Кабинет", "ультразвуковой", "12а")}) >= 2
    text = pdf_text(path)
    assert REMINDER_TEXT in text.replace("- ", "")
    assert page_count(path) == 1


def test_room_resource_prints_without_a_doctor_label(tmp_path: Path, qapp, poppler) -> None:
    ticket = TicketVisitWithLpu.model_validate(
        {"num": "4", "docFio": "Процедурная", "room": "105", "flat": 1}
    )
    slip = make_slip(ticket, chosen=ChosenBooking(resource_kind="room"))
    text = pdf_text(save_pdf(slip, "roll58", tmp_path / "r.pdf"))
    assert "Кабинет: Процедурная" in text and "Врач" not in text
