"""Dates and ages for the screen, in the UI's language (Russian source, see :mod:`.translate`).

The slip, the printed day list and the sandbox stay Russian whatever the UI speaks (a patient's
document, a clinic's list, a server's answer): they use :func:`desktop_app.text.day_ru`. The
screen uses these: in the Russian UI they give exactly what the ``*_ru`` helpers give
(``четверг, 3 декабря 2026``, ``41 год``); in the English UI, ``Thursday, 3 December 2026``,
``41 years``.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop_app.text.ru import plural_ru
from desktop_app.text.translate import QT_TRANSLATE_NOOP, translate

__all__ = ["CONTEXT", "day_text", "month_text", "weekday_text", "years_text"]

#: The translation context of the core's calendar words (not a Qt class name, so Qt's own
#: catalogue never answers for it). lupdate reads literals only: every call spells it out.
CONTEXT = "DeskText"

# The names, marked for lupdate (the tables in ru.py stay plain Russian for the documents).
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("DeskText", "понедельник"),
    QT_TRANSLATE_NOOP("DeskText", "вторник"),
    QT_TRANSLATE_NOOP("DeskText", "среда"),
    QT_TRANSLATE_NOOP("DeskText", "четверг"),
    QT_TRANSLATE_NOOP("DeskText", "пятница"),
    QT_TRANSLATE_NOOP("DeskText", "суббота"),
    QT_TRANSLATE_NOOP("DeskText", "воскресенье"),
)
#: Genitive, as after a day number ("3 декабря").
_MONTHS = (
    QT_TRANSLATE_NOOP("DeskText", "января"),
    QT_TRANSLATE_NOOP("DeskText", "февраля"),
    QT_TRANSLATE_NOOP("DeskText", "марта"),
    QT_TRANSLATE_NOOP("DeskText", "апреля"),
    QT_TRANSLATE_NOOP("DeskText", "мая"),
    QT_TRANSLATE_NOOP("DeskText", "июня"),
    QT_TRANSLATE_NOOP("DeskText", "июля"),
    QT_TRANSLATE_NOOP("DeskText", "августа"),
    QT_TRANSLATE_NOOP("DeskText", "сентября"),
    QT_TRANSLATE_NOOP("DeskText", "октября"),
    QT_TRANSLATE_NOOP("DeskText", "ноября"),
    QT_TRANSLATE_NOOP("DeskText", "декабря"),
)


def weekday_text(day: date) -> str:
    """``четверг`` / ``Thursday``."""
    return translate("DeskText", _WEEKDAYS[day.weekday()])


def month_text(month: int) -> str:
    """``декабря`` / ``December``: the form after a day number."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return translate("DeskText", _MONTHS[month - 1])


def day_text(day: date) -> str:
    """``четверг, 3 декабря 2026`` / ``Thursday, 3 December 2026``; a datetime gives its day."""
    if isinstance(day, datetime):
        day = day.date()
    return translate("DeskText", "{weekday}, {day} {month} {year}").format(
        weekday=weekday_text(day), day=day.day, month=month_text(day.month), year=day.year
    )


def years_text(n: int) -> str:
    """``41 год`` / ``41 years``, ``1 год`` / ``1 year``.

    Python's lupdate has no plural (numerus) messages, so each Russian form is a message of its
    own and exactly 1 has a context of its own ("DeskText.one"): English says "year" there and
    only there, while Russian says "год" for 1, 21, 31 … alike.
    """
    if n == 1:
        return translate("DeskText.one", "{0} год").format(n)
    form = plural_ru(n, "one", "few", "many")
    if form == "one":
        return translate("DeskText", "{0} год").format(n)
    if form == "few":
        return translate("DeskText", "{0} года").format(n)
    return translate("DeskText", "{0} лет").format(n)
