"""Deprecated: the display helpers moved to the Qt-free :mod:`desktop_app.text`.

Kept only as re-exports so that an import not yet updated keeps working; import from
``desktop_app.text`` instead.
"""

from desktop_app.text import day_ru, hhmm, stamp, time_range, years_ru

__all__ = ["day_ru", "hhmm", "stamp", "time_range", "years_ru"]
