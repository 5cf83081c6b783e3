"""Slips that are never emptier than what the operator chose (content, without Qt).

A ``fullResponse=false`` answer is filled from :class:`ChosenBooking`; times are shown on the
clinic's clock; the resource's label fits its kind; an optional reminder line from settings.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from desktop_app.api.models import Clinic, Resource, TicketVisitWithLpu
from desktop_app.journal import ShiftJournal
from desktop_app.printing import (
    FILLED_FOOTNOTE,
    NO_NUMBER_TEXT,
    ChosenBooking,
    SlipLayout,
    TicketSlip,
    clinic_zone,
    guess_resource_kind,
    parse_resource_text,
    render_slip_html,
    resource_kind,
)
from desktop_app.sandbox import data as sandbox_data
from desktop_app.settings.model import AppSettings

PRINTED_AT = datetime(2026, 11, 27, 9, 58)
REMINDER_TEXT = "При себе иметь полис ОМС и паспорт"

CHOSEN = ChosenBooking(
    clinic_name="ГБУЗ «Городская поликлиника № 3»",
    clinic_address="г. Москва, ул. Ленина, д. 10, корп. 2",
    resource_name="Смирнова Елена Викторовна",
    resource_kind="doctor",
    speciality="Терапевт",
    room="214",
    floor=2,
    day=date(2026, 11, 27),
    time=time(10, 20),
)


def slip_of(ticket: TicketVisitWithLpu, **kwargs) -> TicketSlip:
    kwargs.setdefault("printed_at", PRINTED_AT)
    kwargs.setdefault("operator_login", "reg_ivanova")
    kwargs.setdefault("training", False)
    return TicketSlip.from_ticket(ticket, **kwargs)


def visible_text(html_text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", html_text))
    return " ".join(text.replace("\u00a0", " ").split())


def only_number() -> TicketVisitWithLpu:
    """What a ``fullResponse=false`` answer may be: the number and nothing else."""
    return TicketVisitWithLpu.model_validate({"num": "12"})


# --- filling from the operator's choice --------------------------------------------------------


def test_sparse_ticket_is_filled_from_the_choice() -> None:
    slip = slip_of(only_number(), chosen=CHOSEN)
    assert slip.number == "12"
    assert slip.clinic_name == "ГБУЗ «Городская поликлиника № 3»"
    assert slip.day == date(2026, 11, 27)
    assert slip.time_range == "10:20"
    assert slip.doctor == "Смирнова Е.В."
    assert slip.resource_label == "Врач"
    assert slip.speciality == "Терапевт"
    assert slip.room == "Кабинет 214"
    assert slip.floor == 2
    assert slip.filled == {
        "clinic_name", "clinic_address", "day", "time_range", "speciality", "doctor", "room",
        "floor",
    }  # fmt: skip

    text = visible_text(render_slip_html(slip, SlipLayout.ROLL58))
    for expected in (
        "№ 12",
        "пятница, 27 ноября 2026*",
        "10:20*",
        "Кабинет 214*",
        "Этаж 2*",
        "Терапевт*",
        "Врач: Смирнова Е.В.*",
        "Адрес: г. Москва, ул. Ленина, д. 10, корп. 2",
        FILLED_FOOTNOTE,
    ):
        assert expected in text, expected
    # The clinic's own name is as good as the registry's: no mark on the header.
    assert "поликлиника № 3»*" not in text


def test_the_tickets_own_values_win_and_nothing_is_marked(samples) -> None:
    other = ChosenBooking(
        clinic_name="Другая поликлиника",
        resource_name="Петров Пётр Петрович",
        room="999",
        floor=9,
        day=date(2026, 12, 1),
        time=time(8, 0),
    )
    slip = slip_of(samples.ticket(), chosen=other)
    assert slip.filled == frozenset()
    assert (slip.doctor, slip.room, slip.floor) == ("Смирнова Е.В.", "Кабинет 214", 2)
    assert (slip.day, slip.time_range) == (date(2026, 11, 27), "10:20–10:40")
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    assert "*" not in text and FILLED_FOOTNOTE not in text
    assert "Петров" not in text and "999" not in text


def test_partly_sparse_ticket_fills_only_the_gaps(samples) -> None:
    ticket = samples.ticket(room=None, flat=None, docFio=None)
    slip = slip_of(ticket, chosen=CHOSEN)
    assert slip.filled == {"doctor", "room", "floor"}
    text = visible_text(render_slip_html(slip, SlipLayout.A6))
    assert "10:20–10:40" in text and "10:20–10:40*" not in text
    assert "Кабинет 214*" in text and "Врач: Смирнова Е.В.*" in text
    assert FILLED_FOOTNOTE in text


def test_chosen_time_is_not_put_on_a_day_the_registry_moved() -> None:
    ticket = TicketVisitWithLpu.model_validate(
        {"num": "3", "dateOfAppointment": "2026-11-28T00:00:00"}
    )
    slip = slip_of(ticket, chosen=CHOSEN)
    assert slip.day == date(2026, 11, 28)
    assert slip.time_range is None
    assert "day" not in slip.filled and "time_range" not in slip.filled


def test_without_a_choice_a_sparse_ticket_stays_sparse() -> None:
    slip = slip_of(only_number())
    assert slip.filled == frozenset()
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    assert FILLED_FOOTNOTE not in text and "ноября" not in text and "Врач" not in text


def test_filled_must_name_slip_fields() -> None:
    slip = slip_of(only_number())
    with pytest.raises(ValueError):
        TicketSlip(**{**slip.__dict__, "filled": frozenset({"patient"})})


# --- no number ---------------------------------------------------------------------------------


@pytest.mark.parametrize("num", [None, "", "   ", "—", "-"])
@pytest.mark.parametrize("layout", list(SlipLayout))
def test_no_number_says_where_to_get_it(num: str | None, layout: SlipLayout, samples) -> None:
    slip = slip_of(samples.ticket(num=num, ticketGuid=None), chosen=CHOSEN)
    assert slip.number is None
    text = visible_text(render_slip_html(slip, layout))
    assert NO_NUMBER_TEXT in text
    assert "ТАЛОН НА ПРИЁМ" in text
    assert not re.search(r"№(?!\s*\w)", text), text  # never a "№" with nothing after it


def test_number_present_means_no_registry_sentence(samples) -> None:
    text = visible_text(render_slip_html(slip_of(samples.ticket()), SlipLayout.ROLL80))
    assert NO_NUMBER_TEXT not in text and "№ 12" in text


# --- times on the clinic's clock ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("begin", "end"),
    [
        ("2026-11-27T10:20:00+03:00", "2026-11-27T10:40:00+03:00"),
        ("2026-11-27T10:20:00+03:00", "2026-11-27T07:40:00Z"),  # mixed offsets
        ("2026-11-27T07:20:00Z", "2026-11-27T07:40:00Z"),  # another offset
        ("2026-11-27T07:20:00Z", "2026-11-27T10:40:00+03:00"),
        ("2026-11-27T12:20:00+05:00", "2026-11-27T07:40:00Z"),
        ("2026-11-27T10:20:00", "2026-11-27T10:40:00.000"),  # naive: the server's zone
        ("2026-11-27T10:20:00+03:00", "2026-11-27T10:40:00"),  # naive end: its partner's
    ],
)
@pytest.mark.parametrize("zone", [None, clinic_zone(180)])
def test_times_are_shown_on_the_clinics_clock(begin: str, end: str, zone, samples) -> None:
    slip = slip_of(samples.ticket(beginTime=begin, endTime=end), zone=zone)
    assert slip.time_range == "10:20–10:40"
    assert slip.day == date(2026, 11, 27)
    assert "10:20–10:40" in visible_text(render_slip_html(slip, SlipLayout.ROLL80))


def test_the_day_comes_from_the_converted_begin_time(samples) -> None:
    slip = slip_of(samples.ticket(beginTime="2026-11-26T22:30:00Z", endTime=None))
    assert slip.day == date(2026, 11, 27) and slip.time_range == "01:30"
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    assert "пятница, 27 ноября 2026" in text and "01:30" in text


def test_the_zone_setting_is_the_clinics_zone(samples) -> None:
    settings = AppSettings(server_utc_offset_minutes=300)  # Yekaterinburg
    zone = clinic_zone(settings.server_utc_offset_minutes)
    assert zone.utcoffset(None) == timedelta(hours=5)
    assert clinic_zone().utcoffset(None) == timedelta(hours=3)
    slip = slip_of(samples.ticket(), zone=zone)
    assert slip.time_range == "12:20–12:40"
    hand_built = TicketVisitWithLpu.model_construct(
        **{
            **dict(samples.ticket()),
            "begin_time": datetime(2026, 11, 27, 12, 20),  # naive: already the clinic's clock
            "end_time": datetime(2026, 11, 27, 12, 40),
        }
    )
    assert slip_of(hand_built, zone=zone).time_range == "12:20–12:40"


# --- the resource's label ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("res_type", "name", "line"),
    [
        ("doctor", "Смирнова Елена Викторовна", "Врач: Смирнова Е.В."),
        ("room", "Процедурная", "Кабинет: Процедурная"),
        ("room", "Флюорография", "Кабинет: Флюорография"),
        ("device", "Аппарат МРТ Siemens", "Оборудование: Аппарат МРТ Siemens"),
        ("equipment", "Томограф № 2", "Оборудование: Томограф № 2"),
    ],
)
def test_the_label_fits_the_resource_type(res_type: str, name: str, line: str) -> None:
    resource = Resource.model_validate(
        {"guid": "r1", "fio": name, "resType": res_type, "room": "105", "flat": 1}
    )
    chosen = ChosenBooking.from_directory(None, resource, date(2026, 11, 27))
    slip = slip_of(only_number(), chosen=chosen)
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    assert f"{line}*" in text, text
    if res_type != "doctor":
        assert "Врач" not in text


def test_a_room_resource_of_the_sandbox_is_labelled_as_a_room() -> None:
    """The sandbox's procedure room (``resType: room``) is the shape real rooms have."""
    dataset = sandbox_data.build_standard_dataset()
    record = dataset.resources[dataset.keys[sandbox_data.PROCEDURE_ROOM]]
    assert record.res_type == "room"
    resource = Resource.model_validate(record.wire())
    assert resource_kind(resource.res_type) == "room"
    chosen = ChosenBooking.from_directory(None, resource, date(2026, 11, 27), time(9, 0))
    # A ticket of a room names the room where a doctor's name would be.
    ticket = TicketVisitWithLpu.model_validate(
        {"num": "4", "docFio": resource.fio, "room": resource.room, "flat": resource.flat}
    )
    for slip in (slip_of(ticket, chosen=chosen), slip_of(ticket)):
        text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
        assert slip.resource_kind == "room"
        assert "Врач" not in text
        assert "Процедурный кабинет" in text  # the name says what it is: no label needed
        assert text.count("Процедурный кабинет") == 1  # not the speciality a second time


def test_room_label_with_a_room_name_that_does_not_say_room() -> None:
    ticket = TicketVisitWithLpu.model_validate({"num": "4", "docFio": "Процедурная"})
    chosen = ChosenBooking(resource_kind="room")
    text = visible_text(render_slip_html(slip_of(ticket, chosen=chosen), SlipLayout.ROLL58))
    assert "Кабинет: Процедурная" in text and "Врач" not in text


def test_a_room_named_in_capitals_is_not_shortened_like_a_person() -> None:
    ticket = TicketVisitWithLpu.model_validate({"num": "4", "docFio": "Кабинет УЗИ"})
    slip = slip_of(ticket)
    assert slip.doctor == "Кабинет УЗИ" and slip.resource_kind == "room"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Смирнова Елена Викторовна", "doctor"),
        ("Смирнова Е.В.", "doctor"),
        ("Дежурный врач", "doctor"),
        ("Процедурный кабинет", "room"),
        ("Кабинет УЗИ", "room"),
        ("каб. 214", "room"),
        ("Прививочный", "room"),
        ("Аппарат МРТ", "device"),
        ("МРТ", "device"),
        ("Рентгенография", "device"),
        ("Смотровая для взрослых", "room"),
        ("что-то непонятное", None),
        ("", None),
        (None, None),
    ],
)
def test_guess_resource_kind(name: str | None, kind: str | None) -> None:
    assert guess_resource_kind(name) == kind


@pytest.mark.parametrize(
    ("res_type", "kind"),
    [("doctor", "doctor"), ("ROOM", "room"), (" device ", "device"), ("", None), (None, None),
     ("robot", None)],
)  # fmt: skip
def test_resource_kind_from_res_type(res_type: str | None, kind: str | None) -> None:
    assert resource_kind(res_type) == kind


def test_unknown_kind_has_no_label() -> None:
    ticket = TicketVisitWithLpu.model_validate({"num": "4", "docFio": "что-то непонятное"})
    slip = slip_of(ticket)
    assert slip.resource_label is None
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    assert "что-то непонятное" in text and "Врач" not in text
    with pytest.raises(ValueError):
        ChosenBooking(resource_kind="robot")  # type: ignore[arg-type]


def test_from_directory_takes_clinic_and_resource() -> None:
    clinic = Clinic.model_validate(
        {"ferName": " ГП № 3 ", "name": "ГБУЗ ГП 3", "address": "ул. Ленина, д. 10",
         "phone": "+7 (495) 123-45-67"}
    )  # fmt: skip
    resource = Resource.model_validate(
        {"fio": "Смирнова Елена Викторовна", "speciality": "Терапия", "room": "214",
         "flat": 2, "resType": "doctor"}
    )  # fmt: skip
    chosen = ChosenBooking.from_directory(clinic, resource, date(2026, 11, 27), time(10, 20))
    assert chosen == ChosenBooking(
        clinic_name="ГП № 3",
        clinic_address="ул. Ленина, д. 10",
        clinic_phone="+7 (495) 123-45-67",
        resource_name="Смирнова Елена Викторовна",
        resource_kind="doctor",
        speciality="Терапия",
        room="214",
        floor=2,
        day=date(2026, 11, 27),
        time=time(10, 20),
    )


# --- reprints from the shift journal -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        (
            "Терапевт — Смирнова Елена Викторовна (каб. 214, 2 эт.)",
            ("Терапевт", "Смирнова Елена Викторовна", "214", 2),
        ),
        (
            "Терапевт — Смирнова Елена Викторовна",
            ("Терапевт", "Смирнова Елена Викторовна", None, None),
        ),
        (
            "Therapist — Smirnova Elena (room 214, floor 2)",
            ("Therapist", "Smirnova Elena", "214", 2),
        ),
        (
            "Процедурный кабинет — Процедурный кабинет (каб. 105 (вход со двора), 1 эт.)",
            ("Процедурный кабинет", "Процедурный кабинет", "105 (вход со двора)", 1),
        ),
        ("Смирнова Е.В. (каб. 5)", (None, "Смирнова Е.В.", "5", None)),
        ("Поликлиника (взрослая)", (None, "Поликлиника (взрослая)", None, None)),
        ("ГП № 3", (None, "ГП № 3", None, None)),
        (None, (None, None, None, None)),
    ],
)
def test_parse_resource_text(text: str | None, parsed: tuple) -> None:
    assert parse_resource_text(text) == parsed


def test_reprint_from_the_journal_is_filled_from_the_entry(tmp_path: Path) -> None:
    journal = ShiftJournal(tmp_path / "journal.sqlite3")
    try:
        attempt = journal.record_attempt(
            lpu_guid="305b9cf2-66f0-56f4-bff0-ccc8a476d800",
            resource_guid="3dd32e19-b75e-5e15-beb1-02e313b4ab61",
            day=date(2026, 11, 27),
            at=time(10, 20),
            patient_key="a" * 64,
            patient_label="Иванов И.И.",
            clinic_name="ГП № 3",
            resource_name="Терапевт — Смирнова Елена Викторовна (каб. 214, 2 эт.)",
            training=False,
        )
        journal.record_success(attempt, only_number())
        journal.mark_printed(attempt)
        entry = journal.get(attempt)
    finally:
        journal.close()
    assert entry is not None and entry.ticket is not None
    chosen = ChosenBooking.from_journal_entry(entry)
    assert chosen.resource_kind == "doctor" and chosen.room == "214" and chosen.floor == 2
    slip = slip_of(entry.ticket, chosen=chosen, copy_number=entry.print_count + 1)
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL80))
    for expected in (
        "ГП № 3", "ДУБЛИКАТ № 2", "№ 12", "пятница, 27 ноября 2026*", "10:20*",
        "Кабинет 214*", "Этаж 2*", "Терапевт*", "Врач: Смирнова Е.В.*", FILLED_FOOTNOTE,
    ):  # fmt: skip
        assert expected in text, expected


# --- the reminder line -------------------------------------------------------------------------


def test_reminder_line_is_under_the_time(samples) -> None:
    slip = slip_of(samples.ticket(), reminder=f"  {REMINDER_TEXT}\n")
    assert slip.reminder == REMINDER_TEXT
    text = visible_text(render_slip_html(slip, SlipLayout.ROLL58))
    assert text.index("10:20–10:40") < text.index(REMINDER_TEXT) < text.index("Кабинет 214")
    assert REMINDER_TEXT not in visible_text(
        render_slip_html(slip_of(samples.ticket()), SlipLayout.ROLL58)
    )
    assert slip_of(samples.ticket(), reminder="   ").reminder is None
    assert len(slip_of(samples.ticket(), reminder="слово " * 60).reminder) <= 120


def test_reminder_is_escaped(samples) -> None:
    html_text = render_slip_html(slip_of(samples.ticket(), reminder="<b>ОМС</b>"), "a6")
    assert "<b>" not in html_text and "&lt;b&gt;ОМС&lt;/b&gt;" in html_text


def test_reminder_setting() -> None:
    assert AppSettings().slip_reminder is None
    assert AppSettings(slip_reminder="   ").slip_reminder is None
    assert AppSettings(slip_reminder=f"  {REMINDER_TEXT} \n").slip_reminder == REMINDER_TEXT
    long = AppSettings(slip_reminder="При себе иметь " * 20).slip_reminder
    assert long is not None and len(long) <= 120 and long == long.strip()
    restored = AppSettings.model_validate_json(
        AppSettings(slip_reminder=REMINDER_TEXT).model_dump_json()
    )
    assert restored.slip_reminder == REMINDER_TEXT
