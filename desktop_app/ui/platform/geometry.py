"""Window geometry: the first-start size from the screen, saved geometry restored on a screen.

A desk PC's monitors change (a laptop undocked, a projector gone); a window restored off every
screen is a window the operator cannot find. So a restored rectangle is moved and shrunk into the
available area of the screen it overlaps most, or of the primary screen. Saved geometry lives in
QSettings (an INI file beside settings.json).

At the first start there is nothing saved: the window takes ``FIRST_START_SHARE`` of the
screen's available area (capped at ``FIRST_START_CAP``), centred — never a fixed pixel size, which
at 150 % scaling on a 1366×768 screen (about 910×480 logical pixels) put the Book button
off-screen. On a screen where that share would be smaller than ``MAXIMIZE_BELOW`` (a laptop, or
any screen at 125–150 %) the window starts maximized: there every pixel is needed. A saved
geometry still wins, clamped to the screen. ``screen_areas`` is the one place the screens are
read (tests replace it).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

KEY = "mainWindow/geometry"
#: The first start's share of the screen's available area …
FIRST_START_SHARE = 0.9
#: … but no larger than this (logical pixels): a form spread over a wide screen reads worse.
FIRST_START_CAP = QSize(1600, 1000)
#: When the share would be smaller than this, the first start is maximized instead.
MAXIMIZE_BELOW = QSize(1200, 720)
#: Room left for the window frame (title bar, borders) before the frame is known.
FRAME_ALLOWANCE = QSize(16, 40)


def screen_areas() -> list[QRect]:
    """The available area (without task bars) of every screen, the primary one first."""
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def area_for(rect: QRect, areas: list[QRect] | None = None) -> QRect | None:
    """The available area ``rect`` overlaps most; the primary screen's when it overlaps none."""
    areas = screen_areas() if areas is None else areas
    if not areas:
        return None
    best = max(areas, key=lambda a: a.intersected(rect).width() * a.intersected(rect).height())
    return best if not best.intersected(rect).isEmpty() else areas[0]


def first_start_geometry(area: QRect, minimum: QSize | None = None) -> QRect:
    """The window's rectangle at the first start: ``FIRST_START_SHARE`` of ``area`` (capped),
    at least ``minimum`` where the area allows it, centred in ``area``."""
    width = min(round(area.width() * FIRST_START_SHARE), FIRST_START_CAP.width())
    height = min(round(area.height() * FIRST_START_SHARE), FIRST_START_CAP.height())
    if minimum is not None:
        width = max(width, min(minimum.width(), area.width()))
        height = max(height, min(minimum.height(), area.height()))
    left = area.left() + (area.width() - width) // 2
    top = area.top() + (area.height() - height) // 2
    return QRect(left, top, width, height)


def starts_maximized(area: QRect) -> bool:
    """Whether a first start on ``area`` is better maximized (the share would be cramped)."""
    return (
        round(area.width() * FIRST_START_SHARE) < MAXIMIZE_BELOW.width()
        or round(area.height() * FIRST_START_SHARE) < MAXIMIZE_BELOW.height()
    )


def place_first_start(window: QWidget) -> QRect:
    """Size and place ``window`` for a first start on the primary screen (call before ``show``).

    Returns the normal (not maximized) rectangle it was given.
    """
    areas = screen_areas()
    if not areas:
        window.resize(window.minimumSize().expandedTo(QSize(1024, 640)))
        return window.geometry()
    area = areas[0]
    if starts_maximized(area):
        # Its normal size (after "restore down") is the whole area less the frame.
        size = (area.size() - FRAME_ALLOWANCE).expandedTo(window.minimumSize())
        rect = QRect(area.topLeft(), size.boundedTo(area.size()))
        window.setGeometry(rect)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return rect
    rect = first_start_geometry(area, window.minimumSize())
    window.setGeometry(rect)
    return rect


def _frame_extra(window: QWidget) -> QSize:
    """How much the window manager's frame adds (known once the window is shown)."""
    frame, inner = window.frameGeometry(), window.geometry()
    return QSize(max(0, frame.width() - inner.width()), max(0, frame.height() - inner.height()))


def fit_to_screen(window: QWidget) -> bool:
    """Move and shrink ``window`` (frame included) into the screen area it overlaps most.

    Returns whether it had to change. A window never starts larger than its screen, whoever
    sized it.
    """
    area = area_for(window.frameGeometry())
    if area is None:
        return False
    extra = _frame_extra(window)
    inner = QRect(
        area.left(), area.top(), area.width() - extra.width(), area.height() - extra.height()
    )
    fixed = visible_rect(window.geometry(), [inner])
    if fixed == window.geometry():
        return False
    window.setGeometry(fixed)
    return True


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
    fixed = visible_rect(window.geometry(), screen_areas())
    if fixed != window.geometry():
        window.setGeometry(fixed)
    return True


__all__ = [
    "FIRST_START_CAP",
    "FIRST_START_SHARE",
    "MAXIMIZE_BELOW",
    "area_for",
    "first_start_geometry",
    "fit_to_screen",
    "place_first_start",
    "restore_geometry",
    "save_geometry",
    "screen_areas",
    "starts_maximized",
    "visible_rect",
]
