"""The one Russian text module: plurals, day names, genitive months, times across offsets."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.text import (
    DEFAULT_ZONE,
    day_ru,
    display_zone,
    hhmm,
    local_time,
    month_genitive,
    plural_ru,
    stamp,
    time_range,
    to_zone,
    weekday_ru,
    years_ru,
)

MSK = timezone(timedelta(hours=3))
EKB = timezone(timedelta(hours=5))


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# --- plurals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (0, "лет"),
        (1, "год"),
        (2, "года"),
        (5, "лет"),
        (11, "лет"),
        (12, "лет"),
        (14, "лет"),
        (21, "год"),
        (22, "года"),
        (25, "лет"),
        (111, "лет"),
        (101, "год"),
        (104, "года"),
        (112, "лет"),
    ],
)
def test_plural_ru(n: int, word: str) -> None:
    assert plural_ru(n, "год", "года", "лет") == word
    assert years_ru(n) == f"{n} {word}"


def test_plural_ru_other_words_and_negative_numbers() -> None:
    forms = ("минута", "минуты", "минут")
    assert [plural_ru(n, *forms) for n in (1, 3, 7, 31, 44, 113)] == [
        "минута", "минуты", "минут", "минута", "минуты", "минут",
    ]  # fmt: skip
    assert plural_ru(-21, *forms) == "минута"


# --- days and months -------------------------------------------------------------------------

# 30 November 2026 is a Monday.
WEEK = [
    (date(2026, 11, 30), "понедельник"),
    (date(2026, 12, 1), "вторник"),
    (date(2026, 12, 2), "среда"),
    (date(2026, 12, 3), "четверг"),
    (date(2026, 12, 4), "пятница"),
    (date(2026, 12, 5), "суббота"),
    (date(2026, 12, 6), "воскресенье"),
]


@pytest.mark.parametrize(("day", "name"), WEEK)
def test_every_weekday(day: date, name: str) -> None:
    assert weekday_ru(day) == name
    assert day_ru(day).startswith(f"{name}, ")


@pytest.mark.parametrize(
    ("month", "name"),
    list(
        enumerate(
            [
                "января", "февраля", "марта", "апреля", "мая", "июня",
                "июля", "августа", "сентября", "октября", "ноября", "декабря",
            ],
            start=1,
        )
    ),
)  # fmt: skip
def test_every_month_is_genitive(month: int, name: str) -> None:
    assert month_genitive(month) == name
    assert day_ru(date(2027, month, 15)).split(", ")[1] == f"15 {name} 2027"


def test_day_ru() -> None:
    assert day_ru(date(2026, 12, 3)) == "четверг, 3 декабря 2026"
    assert day_ru(date(2026, 1, 1)) == "четверг, 1 января 2026"
    # A datetime gives the day on its own wall clock, not this computer's.
    assert day_ru(at("2026-12-03T00:30:00+03:00")) == "четверг, 3 декабря 2026"


def test_month_out_of_range() -> None:
    with pytest.raises(ValueError):
        month_genitive(13)


# --- times -----------------------------------------------------------------------------------


def test_hhmm_and_stamp() -> None:
    moment = at("2026-12-03T08:05:59+03:00")
    assert hhmm(moment) == "08:05"
    assert hhmm(time(9, 7)) == "09:07"
    assert hhmm(None) == ""
    assert stamp(moment) == "03.12.2026 08:05"
    assert stamp(at("2026-12-03T08:05:00")) == "03.12.2026 08:05"
    assert stamp(None) == ""
    # Converted when a zone is given: 08:05 Moscow is 10:05 in Yekaterinburg.
    assert stamp(moment, EKB) == "03.12.2026 10:05"
    assert stamp(at("2026-12-31T23:30:00Z"), MSK) == "01.01.2027 02:30"


def test_time_range_same_offset() -> None:
    begin = at("2026-11-27T10:20:00+03:00")
    assert time_range(begin, begin + timedelta(minutes=20)) == "10:20–10:40"
    assert time_range(begin, None) == "10:20"
    assert time_range(None, begin) == ""
    assert time_range(None, None) == ""


def test_time_range_aware_begin_naive_end() -> None:
    """The common .NET answer: an offset on beginTime only. The naive end is in its offset."""
    begin = at("2026-12-03T08:00:00+03:00")
    end = at("2026-12-03T08:12:00.000")
    assert time_range(begin, end) == "08:00–08:12"


def test_time_range_naive_begin_aware_end() -> None:
    begin = at("2026-12-03T08:00:00")
    end = at("2026-12-03T08:12:00+05:00")
    assert time_range(begin, end) == "08:00–08:12"  # the naive begin is taken in +05:00


def test_time_range_naive_end_in_a_given_default_zone() -> None:
    begin = at("2026-12-03T08:00:00+03:00")
    end = at("2026-12-03T10:12:00")
    # The server is known to send naive times in +05:00: 10:12+05:00 is 08:12+03:00.
    assert time_range(begin, end, naive_in=EKB) == "08:00–08:12"


def test_time_range_end_in_another_offset_is_shown_on_the_begin_clock() -> None:
    assert time_range(at("2026-11-27T10:20:00+03:00"), at("2026-11-27T07:40:00Z")) == (
        "10:20–10:40"
    )


def test_time_range_in_a_passed_zone() -> None:
    begin, end = at("2026-11-27T10:20:00+03:00"), at("2026-11-27T07:40:00Z")
    assert time_range(begin, end, tz=EKB) == "12:20–12:40"
    assert time_range(begin, end, tz=UTC) == "07:20–07:40"
    # Both naive: taken to be in +03:00, then shown in the passed zone.
    assert time_range(at("2026-11-27T10:20"), at("2026-11-27T10:40"), tz=EKB) == "12:20–12:40"


def test_time_range_both_naive_is_shown_as_sent() -> None:
    assert time_range(at("2026-11-27T10:20:00"), at("2026-11-27T10:40:00")) == "10:20–10:40"


@pytest.mark.parametrize(
    ("begin", "end"),
    [
        ("2026-11-27T10:20:00+03:00", "2026-11-27T10:20:00+03:00"),  # equal
        ("2026-11-27T10:20:00+03:00", "2026-11-27T10:00:00+03:00"),  # before
        ("2026-11-27T10:20:00+03:00", "2026-11-27T10:00:00"),  # before, naive
        ("2026-11-27T10:20:00+03:00", "2026-11-27T07:20:00Z"),  # equal, other offset
        ("2026-11-27T10:20:00", "2026-11-27T06:00:00Z"),  # before, naive begin
    ],
)
def test_time_range_end_not_after_begin_shows_the_begin(begin: str, end: str) -> None:
    assert time_range(at(begin), at(end)) == "10:20"


def test_display_zone() -> None:
    aware, naive = at("2026-11-27T10:20:00+05:00"), at("2026-11-27T10:20:00")
    assert display_zone(aware, naive) == EKB
    assert display_zone(naive, aware) == EKB
    assert display_zone(naive, naive) == DEFAULT_ZONE == MSK
    assert display_zone(aware, naive, tz=UTC) == UTC


def test_to_zone_and_local_time() -> None:
    aware = at("2026-11-27T10:20:00+03:00")
    assert to_zone(aware, UTC) == at("2026-11-27T07:20:00Z")
    assert to_zone(aware, UTC).utcoffset() == timedelta(0)
    naive = at("2026-11-27T10:20:00")
    assert to_zone(naive, EKB) == at("2026-11-27T10:20:00+05:00")  # already that wall clock
    assert to_zone(naive, EKB, naive_in=MSK) == at("2026-11-27T12:20:00+05:00")
    assert local_time(None) is None
    assert local_time(aware, EKB).hour == 12
    # No zone: this computer's clock (the same instant).
    assert local_time(aware) == aware
    assert local_time(aware).utcoffset() == aware.astimezone().utcoffset()


def test_mixed_offsets_on_a_hand_built_ticket() -> None:
    """``model_construct`` skips validation: the datetimes are exactly as given."""
    ticket = TicketVisitWithLpu.model_construct(
        begin_time=datetime(2026, 12, 3, 8, 0, tzinfo=MSK),
        end_time=datetime(2026, 12, 3, 8, 12),
    )
    assert time_range(ticket.begin_time, ticket.end_time) == "08:00–08:12"


def test_text_module_does_not_import_qt() -> None:
    code = (
        "import sys, desktop_app.text;"
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
