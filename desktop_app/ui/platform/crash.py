"""The crash notice: any unhandled error is logged and told to the operator, on the GUI thread.

``desktop_app.logs.install_excepthook`` does the logging and calls ``show`` in whatever thread
failed. Widgets may only be touched from the GUI thread, so ``show`` here only emits a signal
that is delivered through the GUI thread's event queue (a queued connection), also when the
error happened in the GUI thread itself: the box then appears after the failing slot returned,
not in the middle of it.

The box is opened with ``open()``, never ``exec()``: a nested event loop inside the qasync app
would run other tasks re-entrantly. While one notice is on screen further errors are only
logged, so a failing timer cannot bury the desk under message boxes.

Nothing here writes to ``sys.stderr``: in the windowed build it is ``None``.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.logs import (
    CRASH_MESSAGE,
    UNKNOWN_ERROR_SUMMARY,
    current_log_path,
    install_excepthook,
)
from desktop_app.settings.redact import redact
from desktop_app.text.translate import translate

log = logging.getLogger(__name__)

_SUMMARY_LIMIT = 300

ShowCallback = Callable[[str, Path], None]


class CrashReporter(QObject):
    """Lives in the GUI thread; ``show`` may be called from any thread.

    ``box`` is the notice currently on screen (None when none is).
    """

    _requested = Signal(str, str)

    def __init__(
        self, parent_getter: Callable[[], QWidget | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._parent_getter = parent_getter
        self.box: QMessageBox | None = None
        self._requested.connect(self._show_box, Qt.ConnectionType.QueuedConnection)

    def show(self, summary: str, log_path: Path) -> None:
        """Thread-safe: queue the notice for the GUI thread."""
        self._requested.emit(summary, str(log_path))

    def _parent(self) -> QWidget | None:
        try:
            parent = self._parent_getter()
        except Exception:
            log.exception("crash notice: could not get the parent window")
            return None
        return parent if isinstance(parent, QWidget) else None

    @Slot(str, str)
    def _show_box(self, summary: str, log_path: str) -> None:
        if self.box is not None and self.box.isVisible():
            log.info("crash notice already on screen; this error is only logged")
            return
        parent = self._parent()
        box = QMessageBox(parent)
        box.setObjectName("crashNotice")
        box.setIcon(QMessageBox.Icon.Critical)
        title = QCoreApplication.translate("CrashDialog", "Непредвиденная ошибка")
        box.setWindowTitle(title)
        box.setAccessibleName(title)
        box.setText(
            translate("CoreCrash", CRASH_MESSAGE).format(summary=summary, log_path=log_path)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # QMessageBox wraps narrowly; a long log path then breaks after every "/" or "\\".
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 34em; }")
        folder_button = box.addButton(
            QCoreApplication.translate("CrashDialog", "Открыть папку с журналом"),
            QMessageBox.ButtonRole.ActionRole,
        )
        folder_button.setObjectName("crashOpenLogFolder")
        ok_button = box.addButton(
            QCoreApplication.translate("CrashDialog", "Закрыть"), QMessageBox.ButtonRole.AcceptRole
        )
        ok_button.setObjectName("crashClose")
        box.setDefaultButton(ok_button)
        box.setEscapeButton(ok_button)
        folder = Path(log_path).parent

        def finished(_result: int) -> None:
            if box.clickedButton() is folder_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
            if self.box is box:
                self.box = None
            box.deleteLater()

        box.finished.connect(finished)
        self.box = box
        box.open()
        box.raise_()


def install_gui_excepthook(
    log_path: Path, parent_getter: Callable[[], QWidget | None]
) -> CrashReporter:
    """Install ``sys.excepthook``/``threading.excepthook`` that log and show a crash notice.

    Call in the GUI thread after the ``QApplication`` exists. Returns the reporter (kept alive
    by the hooks too); pass ``reporter.show`` to :func:`install_loop_exception_handler`.
    """
    reporter = CrashReporter(parent_getter)
    app = QCoreApplication.instance()
    if app is not None and reporter.thread() is not app.thread():
        reporter.moveToThread(app.thread())
    install_excepthook(reporter.show, log_path)
    return reporter


def _summary(exc: BaseException) -> str:
    try:
        text = " ".join(" ".join(traceback.format_exception_only(type(exc), exc)).split())
    except Exception:
        text = type(exc).__name__
    text = redact(text)
    if len(text) > _SUMMARY_LIMIT:
        text = text[: _SUMMARY_LIMIT - 1] + "…"
    return text or translate("CoreCrash", UNKNOWN_ERROR_SUMMARY)


def install_loop_exception_handler(
    loop: asyncio.AbstractEventLoop,
    show: ShowCallback,
    log_path: Path | None = None,
) -> None:
    """Errors nobody awaited (a task's exception, a failing callback) get the crash notice.

    Context without an exception ("Task was destroyed but it is pending", unclosed resources)
    is logged as a warning only: there is nothing the operator could do about it.
    """

    def handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        try:
            exc = context.get("exception")
            message = str(context.get("message") or "")
            if not isinstance(exc, BaseException):
                log.warning("asyncio: %s", message or context)
                return
            if isinstance(exc, asyncio.CancelledError | KeyboardInterrupt | SystemExit):
                log.info("asyncio: %s (%s)", message, type(exc).__name__)
                return
            log.critical(
                "unhandled exception in the event loop: %s",
                message,
                exc_info=(type(exc), exc, exc.__traceback__),
            )
            path = log_path or current_log_path() or Path("desk-app.log")
            show(_summary(exc), path)
        except Exception:  # the handler must never raise into the loop
            try:
                log.exception("asyncio exception handler failed")
            except Exception:
                pass

    loop.set_exception_handler(handler)
