"""Russian dates, times and plurals, spelled out by hand and free of Qt.

The OS locale of a reception PC is not to be trusted (``strftime("%A")`` gives English or
nominative month names on many machines), so every weekday and month name the app shows or
prints comes from the two tables here and nowhere else.

Time zones: a ticket's times are shown on the clinic's wall clock, i.e. in the offset the
server sent with the begin time, never in the reception PC's zone. Servers are not consistent
about offsets (``beginTime`` with ``+03:00`` and ``endTime`` without one is a common .NET
answer), so the helpers below never compare or subtract an aware and a naive datetime: a naive
value is first placed in a zone (the aware partner's offset, or :data:`DEFAULT_ZONE`), then
both ends are converted to one display zone before anything is formatted.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

__all__ = [
    "DEFAULT_ZONE",
    "MONTHS_GENITIVE",
    "WEEKDAYS",
    "as_aware",
    "day_ru",
    "display_zone",
    "hhmm",
    "local_time",
    "month_genitive",
    "plural_ru",
    "stamp",
    "time_range",
    "to_zone",
    "weekday_ru",
    "years_ru",
]

#: Where a naive time is assumed to be when nothing says otherwise: Moscow time, the zone of
#: most regional registries (and of the sandbox).
DEFAULT_ZONE: tzinfo = timezone(timedelta(hours=3))

MONTHS_GENITIVE: tuple[str, ...] = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
WEEKDAYS: tuple[str, ...] = (
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
)

#: En dash between the two ends of a time range.
RANGE_DASH = "–"


# --- words -----------------------------------------------------------------------------------


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for ``n``: ``plural_ru(n, "год", "года", "лет")``.

    ``one`` for 1, 21, 101 (not 11, 111); ``few`` for 2-4, 22-24 (not 12-14); ``many`` else.
    """
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def years_ru(n: int) -> str:
    """``41 год``, ``42 года``, ``45 лет``."""
    return f"{n} {plural_ru(n, 'год', 'года', 'лет')}"


def weekday_ru(day: date) -> str:
    """``понедельник`` … ``воскресенье`` (lower case, as inside a sentence)."""
    return WEEKDAYS[day.weekday()]


def month_genitive(month: int) -> str:
    """``января`` for 1 … ``декабря`` for 12: the form used after a day number."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return MONTHS_GENITIVE[month - 1]


def day_ru(day: date) -> str:
    """``четверг, 3 декабря 2026``; a datetime gives the day on its own wall clock."""
    if isinstance(day, datetime):
        day = day.date()
    return f"{weekday_ru(day)}, {day.day} {month_genitive(day.month)} {day.year}"


# --- zones -----------------------------------------------------------------------------------


def as_aware(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` itself when it carries an offset; a naive one is taken to be in ``zone``
    (default :data:`DEFAULT_ZONE`)."""
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        return moment
    return moment.replace(tzinfo=zone or DEFAULT_ZONE)


def to_zone(moment: datetime, tz: tzinfo, *, naive_in: tzinfo | None = None) -> datetime:
    """``moment`` on the wall clock of ``tz``.

    An aware moment is converted; a naive one is taken to be in ``naive_in`` (default: ``tz``
    itself, i.e. it already is that wall clock) and then converted.
    """
    return as_aware(moment, naive_in or tz).astimezone(tz)


def local_time(moment: datetime | None, tz: tzinfo | None = None) -> datetime | None:
    """``moment`` on the wall clock of ``tz``, by default the zone of this computer.

    For what the app itself stamped (journal entries, training progress, a token's expiry):
    those are the operator's times, not the clinic's. A naive moment is taken to be this
    computer's local time when no ``tz`` is given, else to be in ``tz``.
    """
    if moment is None:
        return None
    if tz is None:
        return moment.astimezone()
    return to_zone(moment, tz)


def display_zone(
    begin: datetime | None,
    end: datetime | None = None,
    *,
    tz: tzinfo | None = None,
    naive_in: tzinfo | None = None,
) -> tzinfo:
    """The one zone a ticket's times are shown in.

    ``tz`` when given; otherwise the begin time's offset, or the end time's when only that one
    carries an offset, or ``naive_in`` / :data:`DEFAULT_ZONE` when neither does.
    """
    if tz is not None:
        return tz
    for moment in (begin, end):
        if moment is not None and moment.tzinfo is not None and moment.utcoffset() is not None:
            return moment.tzinfo
    return naive_in or DEFAULT_ZONE


def _naive_zone(begin: datetime | None, end: datetime | None, naive_in: tzinfo | None) -> tzinfo:
    """Where a naive end of a range is: ``naive_in``, else the aware partner's offset."""
    if naive_in is not None:
        return naive_in
    return display_zone(begin, end)


# --- times -----------------------------------------------------------------------------------


def hhmm(moment: datetime | time | None) -> str:
    """``08:00``; empty for ``None``. The moment's own wall clock: convert first if needed."""
    if moment is None:
        return ""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def stamp(moment: datetime | None, tz: tzinfo | None = None) -> str:
    """``03.12.2026 08:00``; empty for ``None``. Shown in ``tz`` when given (a naive moment
    is then taken to be in ``tz``), else on the moment's own wall clock."""
    if moment is None:
        return ""
    if tz is not None:
        moment = to_zone(moment, tz)
    return f"{moment.day:02d}.{moment.month:02d}.{moment.year:04d} {hhmm(moment)}"


def time_range(
    begin: datetime | None,
    end: datetime | None,
    *,
    tz: tzinfo | None = None,
    naive_in: tzinfo | None = None,
) -> str:
    """``08:00–08:12`` (en dash) for a ticket's begin and end; never raises on mixed offsets.

    A naive end is taken to be in ``naive_in`` if given, else in the aware partner's offset
    (else :data:`DEFAULT_ZONE`). Both ends are converted to one display zone first: ``tz`` if
    given, else the begin time's offset (see :func:`display_zone`). The begin time alone when
    the end is unknown or not after the begin; empty when the begin is unknown (an end alone
    would read as the start).
    """
    if begin is None:
        return ""
    zone = display_zone(begin, end, tz=tz, naive_in=naive_in)
    assumed = _naive_zone(begin, end, naive_in)
    start = to_zone(begin, zone, naive_in=assumed)
    if end is None:
        return hhmm(start)
    finish = to_zone(end, zone, naive_in=assumed)
    if finish <= start:
        return hhmm(start)
    return f"{hhmm(start)}{RANGE_DASH}{hhmm(finish)}"
