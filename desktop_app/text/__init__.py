"""Display text without Qt: Russian dates, times, weekdays, months and plurals.

The one place month and weekday names live (see :mod:`desktop_app.text.ru`); the ticket card,
the slip, the journal, the training panel and report and the sandbox all format through it.
"""

from desktop_app.text.ru import (
    DEFAULT_ZONE,
    MONTHS_GENITIVE,
    WEEKDAYS,
    as_aware,
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
