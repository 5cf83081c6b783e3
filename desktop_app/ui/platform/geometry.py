"""Window geometry in QSettings (an INI file beside settings.json), restored on a visible screen.

A desk PC's monitors change (a laptop undocked, a projector gone); a window restored off every
screen is a window the operator cannot find. So a restored rectangle is moved and shrunk into the
available area of the screen it overlaps most, or of the primary screen.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

KEY = "mainWindow/geometry"


def _settings(config_dir: Path) -> QSettings:
    return QSettings(str(config_dir / "window.ini"), QSettings.Format.IniFormat)


def save_geometry(window: QWidget, config_dir: Path) -> None:
    store = _settings(config_dir)
    store.setValue(KEY, window.saveGeometry())
    store.sync()


def visible_rect(rect: QRect, available: list[QRect]) -> QRect:
    """``rect`` moved (and if need be shrunk) inside the available area it overlaps most."""
    if not available:
        return rect
    target = max(
        available, key=lambda a: a.intersected(rect).width() * a.intersected(rect).height()
    )
    if target.intersected(rect).isEmpty():
        target = available[0]
    width = min(rect.width(), target.width())
    height = min(rect.height(), target.height())
    left = min(max(rect.left(), target.left()), target.right() - width + 1)
    top = min(max(rect.top(), target.top()), target.bottom() - height + 1)
    return QRect(left, top, width, height)


def restore_geometry(window: QWidget, config_dir: Path) -> bool:
    value = _settings(config_dir).value(KEY)
    if value is None:
        return False
    try:
        if not window.restoreGeometry(value):
            return False
    except TypeError:
        log.warning("window geometry in %s is unreadable; using the default", config_dir)
        return False
    screens = [s.availableGeometry() for s in QGuiApplication.screens()]
    fixed = visible_rect(window.geometry(), screens)
    if fixed != window.geometry():
        window.setGeometry(fixed)
    return True
