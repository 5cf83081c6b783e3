"""The one window test kit: what a test opened is gone, deterministically, when the test ends.

A window that is only closed stays alive in C++; its Python wrapper owns it, so the garbage
collector deletes it later, at whatever moment (in another test, inside another window's event,
from a worker thread) — the segfaults of a repeated run. Every kit (``tests/ui/desk.py``,
``tests/ui/training_fixtures.py``, ``tests/ui_extra``) and the autouse fixture in
``tests/conftest.py`` end their windows here instead: close, ``deleteLater()``, process the
deferred deletes, and only then drop the Python references.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def flush_deferred_deletes() -> None:
    """Run the pending ``deleteLater()`` deletes now (and the events they post in turn)."""
    if QCoreApplication.instance() is None:
        return
    for _ in range(3):  # a destructor may deleteLater() more objects
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def dispose(*widgets: QWidget | None) -> None:
    """Close and delete ``widgets`` now; a widget already deleted (or None) is skipped."""
    alive = [w for w in widgets if w is not None and shiboken6.isValid(w)]
    for widget in alive:
        widget.close()
    for widget in alive:
        if shiboken6.isValid(widget):  # closing one may have deleted another (WA_DeleteOnClose)
            widget.deleteLater()
    flush_deferred_deletes()
    # A deferred delete is skipped while an outer event loop that posted it still runs; such a
    # widget is deleted directly (nothing of it is on the stack here: this is a teardown).
    for widget in alive:
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)


def dispose_top_level_widgets() -> int:
    """Close and delete every top-level widget still there (the safety net after each test).

    Returns how many there were. Windows with a parent (dialogs, menus) go with their parent.
    """
    if not isinstance(QCoreApplication.instance(), QApplication):
        return 0
    widgets = [w for w in QApplication.topLevelWidgets() if w.parentWidget() is None]
    dispose(*widgets)
    return len(widgets)


async def close_session(session: Any) -> None:
    """End a ``desktop_app.ui.platform.session.Session`` a kit opened, as the app does on
    quit: close its window, stop the window's tasks, client and journal — then delete the
    window (and the docked training panel with it) and drop the session's references."""
    window = session.window
    try:
        if window is not None and shiboken6.isValid(window):
            window.close()
        await session.close()
    finally:
        dispose(window)
        session.window = None
        session.training_panel = None


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Cyrillic and ``№`` included.

    ``QTest.keyClicks`` asserts (and aborts the process) on characters outside Latin-1, so each
    character goes as a press/release pair carrying its text, as a keyboard's events do.
    """
    for char in text:
        upper = char.upper()
        key = ord(upper) if char.isalnum() and len(upper) == 1 else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
