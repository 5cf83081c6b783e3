"""Display text without Qt: Russian dates, times, weekdays, months and plurals, and the hook
that translates the core's texts into the UI's language.

The one place month and weekday names live (see :mod:`desktop_app.text.ru`); the ticket card,
the slip, the journal, the training panel and report and the sandbox all format through it.
Documents (the slip, the day list) and the sandbox use the ``*_ru`` helpers and stay Russian;
the screen uses the ``*_text`` helpers of :mod:`desktop_app.text.local`, which follow the UI
language through :func:`translate` (:mod:`desktop_app.text.translate`).
"""

from desktop_app.text.local import day_text, month_text, weekday_text, years_text
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
from desktop_app.text.translate import QT_TRANSLATE_NOOP, install_translate, translate

__all__ = [
    "DEFAULT_ZONE",
    "MONTHS_GENITIVE",
    "QT_TRANSLATE_NOOP",
    "WEEKDAYS",
    "as_aware",
    "day_ru",
    "day_text",
    "display_zone",
    "hhmm",
    "install_translate",
    "local_time",
    "month_genitive",
    "month_text",
    "plural_ru",
    "stamp",
    "time_range",
    "to_zone",
    "translate",
    "weekday_ru",
    "weekday_text",
    "years_ru",
    "years_text",
]
