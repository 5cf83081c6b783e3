"""Small Qt-free display helpers shared by the window (dates, names, status)."""

from __future__ import annotations

from datetime import date, datetime

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")


def day_ru(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year}"


def hhmm(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def time_range(begin: datetime | None, end: datetime | None) -> str:
    if begin and end:
        return f"{hhmm(begin)}–{hhmm(end)}"
    return hhmm(begin or end)


def stamp(moment: datetime | None) -> str:
    return moment.strftime("%d.%m.%Y %H:%M") if moment else ""


def years_ru(n: int) -> str:
    """``41 год``, ``42 года``, ``45 лет`` — Russian plural of years."""
    if n % 10 == 1 and n % 100 != 11:
        word = "год"
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        word = "года"
    else:
        word = "лет"
    return f"{n} {word}"
