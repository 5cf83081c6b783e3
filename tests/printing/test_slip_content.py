"""Slip content without Qt: names, dates, what is left out, escaping, the barcode payload."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.printing import (
    BARCODE_IMAGE_URL,
    TRAINING_WATERMARK,
    SlipLayout,
    TicketSlip,
    format_day_ru,
    format_time_range,
    layout_for_paper_width,
    render_slip_html,
    short_fio,
)
from desktop_app.text import day_ru

PRINTED_AT = datetime(2026, 11, 27, 9, 58)


def slip_of(ticket: TicketVisitWithLpu, **kwargs) -> TicketSlip:
    kwargs.setdefault("printed_at", PRINTED_AT)
    kwargs.setdefault("operator_login", "reg_ivanova")
    kwargs.setdefault("training", False)
    return TicketSlip.from_ticket(ticket, **kwargs)


def visible_text(html_text: str) -> str:
    """The HTML's text as a reader sees it: tags gone, entities and no-break spaces resolved."""
    import html

    text = html.unescape(re.sub(r"<[^>]+>", " ", html_text))
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Иванова Мария Петровна", "Иванова М.П."),
        ("  Иванова   Мария\tПетровна  ", "Иванова М.П."),
        ("Иванова Мария", "Иванова М."),
        ("Иванова", "Иванова"),
        ("Иванова М. П.", "Иванова М.П."),
        ("Иванова М.П.", "Иванова М.П."),
        ("Салтыков-Щедрин Михаил Евграфович", "Салтыков-Щедрин М.Е."),
        ("Мамедов Рашид Али оглы", "Мамедов Р.А."),
        ("ИВАНОВА МАРИЯ ПЕТРОВНА", "ИВАНОВА М.П."),
        ("Кабинет флюорографии", "Кабинет флюорографии"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_short_fio(raw: str | None, expected: str | None) -> None:
    assert short_fio(raw) == expected


def test_day_and_time_come_from_the_text_module() -> None:
    """The slip spells days through ``desktop_app.text`` (tested in tests/text), as the card."""
    for day in (date(2026, 11, 27), date(2026, 3, 8), date(2027, 2, 28)):
        assert format_day_ru(day) == day_ru(day)
    assert format_day_ru(date(2026, 11, 27)) == "пятница, 27 ноября 2026"


def test_time_range_keeps_the_clinics_wall_clock() -> None:
    msk = timezone(timedelta(hours=3))
    begin = datetime(2026, 11, 27, 10, 0, tzinfo=msk)
    assert format_time_range(begin, begin + timedelta(minutes=20)) == "10:00–10:20"
    assert format_time_range(begin, None) == "10:00"
    assert format_time_range(None, begin) is None
    naive = datetime(2026, 11, 27, 10, 0)
    assert format_time_range(naive, naive + timedelta(minutes=20)) == "10:00–10:20"


@pytest.mark.parametrize(
    ("begin", "end", "expected"),
    [
        # The common .NET answer: an offset on beginTime only.
        ("2026-12-03T08:00:00+03:00", "2026-12-03T08:12:00.000", "08:00–08:12"),
        ("2026-12-03T08:00:00", "2026-12-03T08:12:00+03:00", "08:00–08:12"),
        ("2026-12-03T08:00:00.000", "2026-12-03 08:12:00.000", "08:00–08:12"),
        # The end in another offset is shown on the begin time's clock.
        ("2026-12-03T08:00:00+03:00", "2026-12-03T05:12:00Z", "08:00–08:12"),
        ("2026-12-03T08:00:00+03:00", "2026-12-03T07:59:00", "08:00"),
    ],
)
def test_mixed_offsets_never_crash_the_slip(begin: str, end: str, expected: str, samples) -> None:
    slip = slip_of(samples.ticket(beginTime=begin, endTime=end))
    assert slip.time_range == expected
    assert slip.day == date(2026, 12, 3)
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    assert expected in text and "четверг, 3 декабря 2026" in text


MSK = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("begin", "end"),
    [
        (datetime(2026, 12, 3, 8, 0, tzinfo=MSK), datetime(2026, 12, 3, 8, 12)),
        (datetime(2026, 12, 3, 8, 0), datetime(2026, 12, 3, 8, 12, tzinfo=MSK)),
        (datetime(2026, 12, 3, 8, 0, tzinfo=MSK), datetime(2026, 12, 3, 5, 12, tzinfo=UTC)),
    ],
)
def test_hand_built_ticket_with_mixed_datetimes(begin: datetime, end: datetime, samples) -> None:
    """``model_construct`` (and journal rows of older versions) skip the models' parsing."""
    fields = {**dict(samples.ticket()), "begin_time": begin, "end_time": end}
    ticket = TicketVisitWithLpu.model_construct(**fields)
    slip = slip_of(ticket)
    assert slip.time_range == "08:00–08:12"
    assert "08:00–08:12" in visible_text(render_slip_html(slip, SlipLayout.A6))


def test_every_server_value_is_escaped(samples) -> None:
    evil = "<i>x</i>&"
    ticket = samples.ticket(
        num=evil,
        ticketGuid=evil,
        room=evil,
        busyType={"code": 1, "name": evil},
        docFio=evil,
        doctorRole=evil,
        speciality=None,
        login=evil,
        lpu={"ferName": evil, "address": evil, "phone": evil},
    )
    html_text = render_slip_html(slip_of(ticket, operator_login=evil), SlipLayout.A5)
    assert "<i>" not in html_text and "&amp;" in html_text
    text = visible_text(html_text)
    # clinic, number, room, doctor role (speciality), doctor, busy type, address, phone,
    # operator, GUID: every one shows literally.
    assert text.count(evil) >= 10, text


def test_full_slip_content(sample_ticket: TicketVisitWithLpu, samples) -> None:
    slip = slip_of(sample_ticket)
    assert slip.clinic_name == "ГБУЗ «Городская поликлиника № 3»"
    assert slip.number == "12"
    assert slip.day == date(2026, 11, 27)
    assert slip.time_range == "10:20–10:40"
    assert slip.doctor == "Смирнова Е.В."
    assert slip.room == "Кабинет 214"
    assert slip.floor_text == "Этаж 2"
    assert slip.busy_type == "Приём по направлению"
    assert not slip.is_duplicate

    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
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
        "Врач: Смирнова Е.В.",
        "Приём по направлению",
        "Адрес: г. Москва, ул. Ленина, д. 10, корп. 2",
        "Регистратура: +7 (495) 123-45-67",
        "Приходите за 10 минут до приёма",
        "Напечатан 27.11.2026 09:58",
        "оператор reg_ivanova",
        samples.guid,
    ):
        assert expected in text, expected
    assert TRAINING_WATERMARK not in text
    assert "ДУБЛИКАТ" not in text


def test_clinic_name_falls_back_to_name(samples) -> None:
    ticket = samples.ticket(lpu={"ferName": "  ", "name": "ГП № 3"})
    assert slip_of(ticket).clinic_name == "ГП № 3"


def test_short_answer_leaves_missing_fields_out(samples) -> None:
    """``fullResponse=false`` carries only num, ticketGuid and lpu: no empty labels, no None."""
    ticket = TicketVisitWithLpu.model_validate(
        {"num": "7", "ticketGuid": samples.guid, "lpu": {"name": "ГП № 3"}}
    )
    slip = slip_of(ticket, operator_login=None)
    html_text = render_slip_html(slip, SlipLayout.ROLL80)
    text = visible_text(html_text)
    assert "№ 7" in text
    assert "ГП № 3" in text
    for absent in (
        "None", "null", "Кабинет", "Этаж", "Врач", "Вид приёма", "Адрес", "Регистратура",
        "оператор", "—:", ": ,", "ноября", "пятница",
    ):  # fmt: skip
        assert absent not in text, absent
    assert not re.search(r":\s*(<|$)", html_text), "a label without a value"


def test_no_clinic_at_all() -> None:
    ticket = TicketVisitWithLpu.model_validate({"num": "7"})
    slip = slip_of(ticket, operator_login=None)
    assert slip.clinic_name is None and slip.clinic_address is None
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL58))
    assert "None" not in text and "№ 7" in text


def test_room_prefixes_are_not_doubled(samples) -> None:
    assert slip_of(samples.ticket(room="каб. 214")).room == "Кабинет 214"
    assert slip_of(samples.ticket(room="Кабинет №5")).room == "Кабинет 5"
    assert slip_of(samples.ticket(room="Процедурный кабинет")).room == "Процедурный кабинет"
    assert slip_of(samples.ticket(room=214)).room == "Кабинет 214"
    assert slip_of(samples.ticket(room="  ")).room is None


def test_floor_zero_is_printed_and_unknown_busy_code_is_not(samples) -> None:
    slip = slip_of(samples.ticket(flat=0, busyType=777))
    assert slip.floor_text == "Этаж 0"
    assert slip.busy_type is None
    assert slip_of(samples.ticket(busyType=322)).busy_type == "ТМК врач-врач"


def test_doctor_name_is_escaped(samples) -> None:
    ticket = samples.ticket(
        docFio="<script>alert(1)</script>", speciality="Хирургия & <b>травматология</b>"
    )
    html_text = render_slip_html(slip_of(ticket), SlipLayout.A6)
    assert "<script>" not in html_text
    assert "&lt;script&gt;" in html_text
    assert "<b>" not in html_text
    assert "Хирургия &amp; &lt;b&gt;травматология&lt;/b&gt;" in html_text


@pytest.mark.parametrize("layout", list(SlipLayout))
def test_never_titled_as_the_outpatient_form(layout: SlipLayout, samples) -> None:
    for training in (False, True):
        slip = slip_of(samples.ticket(), training=training, copy_number=2)
        text = visible_text(render_slip_html(slip, layout)).lower()
        assert "амбулаторного пациента" not in text
        assert "талон на приём" in text


def test_barcode_payload_is_only_the_guid_or_the_number(samples) -> None:
    slip = slip_of(samples.ticket())
    assert slip.barcode_payload == samples.guid
    no_guid = slip_of(samples.ticket(ticketGuid=None))
    assert no_guid.barcode_payload == "12"
    nothing = slip_of(samples.ticket(ticketGuid=None, num=None))
    assert nothing.barcode_payload is None
    assert BARCODE_IMAGE_URL not in render_slip_html(nothing, SlipLayout.ROLL80)
    assert BARCODE_IMAGE_URL in render_slip_html(slip, SlipLayout.ROLL80)


def test_training_and_duplicate_markers(samples) -> None:
    slip = slip_of(samples.ticket(), training=True, copy_number=2)
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    assert text.count(TRAINING_WATERMARK) == 2  # top and bottom
    assert "ДУБЛИКАТ № 2" in text
    assert slip.is_duplicate
    with pytest.raises(ValueError):
        slip_of(samples.ticket(), copy_number=0)


def test_operator_login_falls_back_to_the_tickets_login(samples) -> None:
    assert slip_of(samples.ticket(), operator_login=None).operator_login == "reg_ivanova"
    assert slip_of(samples.ticket(), operator_login="desk2").operator_login == "desk2"


def test_layouts() -> None:
    assert SlipLayout.default() is SlipLayout.ROLL80
    assert SlipLayout("roll58").spec.printable_width_mm == 48
    assert SlipLayout.ROLL80.spec.printable_width_mm == 72
    assert SlipLayout.ROLL80.fits_height_to_content
    assert not SlipLayout.A5.fits_height_to_content
    assert (SlipLayout.A5.paper_width_mm, SlipLayout.A5.paper_height_mm) == (148, 210)
    assert (SlipLayout.A6.paper_width_mm, SlipLayout.A6.paper_height_mm) == (105, 148)
    assert layout_for_paper_width(57.5) is SlipLayout.ROLL58
    assert layout_for_paper_width(80) is SlipLayout.ROLL80
    assert layout_for_paper_width(105) is SlipLayout.A6
    assert layout_for_paper_width(148) is SlipLayout.A5


def test_printing_core_does_not_import_qt() -> None:
    code = (
        "import sys, desktop_app.printing, desktop_app.printing.slip;"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
