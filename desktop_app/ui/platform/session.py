# pyright: strict
"""One working session's window: the main window (and the training panel) over one ``Services``.

The services are built by ``desktop_app.services.build_services`` (called by
``ui/platform/app.py``, the self-test and the tests); a session only shows them and closes them
again. At start-up the app shows the window before the services exist (``open_view``: the view
only, placed and shown as a session would) and hands it to the first session
(``Session.open_window(view=…)``), which attaches the services to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QWidget

if TYPE_CHECKING:
    from desktop_app.api import RegistryClient
    from desktop_app.journal import ShiftJournal
    from desktop_app.sandbox import Sandbox
    from desktop_app.services import Services
    from desktop_app.settings.owner import SettingsOwner
    from desktop_app.ui.desk.window import MainWindow
    from desktop_app.ui.platform.dialogs import Message
    from desktop_app.ui.training.panel import TrainingPanel

log = logging.getLogger(__name__)

#: The training panel's width at start (``desktop_app.ui.training.panel.PANEL_WIDTH``; not
#: imported from there: that module and the exercises behind it come after the first paint).
PANEL_WIDTH = 350

__all__ = ["DialogSink", "HeldInput", "Session", "hold_input_until_attached", "open_view"]

#: The object name of the training panel's placeholder dock (``_placeholder_dock``).
PLACEHOLDER_NAME = "trainingPanelPlaceholder"


def _placeholder_dock(window: QMainWindow) -> QDockWidget:
    """Where the training panel will be, at its width, until it is built (no layout jump)."""
    dock = QDockWidget(QCoreApplication.translate("TrainingPanel", "Обучение"), window)
    dock.setObjectName(PLACEHOLDER_NAME)
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    label = QLabel(QCoreApplication.translate("Session", "Загрузка упражнений…"), dock)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    dock.setWidget(label)
    # As narrow as the panel may get (TrainingPanel sets the same minimum), so a small window
    # splits the same way before and after the panel comes.
    dock.setMinimumWidth(PANEL_WIDTH - 40)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)
    return dock


class DialogSink(Protocol):
    """Where the window's messages and questions go (``ui.dialogs.Dialogs`` or a test double)."""

    def show(self, message: Message) -> None: ...

    async def confirm(self, message: Message, yes: str, no: str) -> bool: ...


class Session:
    """The window of one mode. ``persist``: restore and save the window geometry."""

    def __init__(
        self,
        services: Services,
        *,
        dialogs: DialogSink | None = None,
        persist: bool = False,
        progress_dir: Path | None = None,
    ) -> None:
        self.services = services
        self.dialogs = dialogs
        self.persist = persist
        self.progress_dir = progress_dir
        self.window: MainWindow | None = None
        self.training_panel: TrainingPanel | None = None

    # -- what tests and the app look at -----------------------------------------------------------

    @property
    def training(self) -> bool:
        return self.services.training

    @property
    def client(self) -> RegistryClient:
        return self.services.client

    @property
    def journal(self) -> ShiftJournal:
        return self.services.journal

    @property
    def sandbox(self) -> Sandbox | None:
        return self.services.sandbox

    @property
    def settings(self) -> SettingsOwner:
        return self.services.settings

    # -- window ----------------------------------------------------------------------------------

    def open_window(
        self,
        *,
        show: bool = True,
        defer_training: bool = False,
        view: MainWindow | None = None,
    ) -> MainWindow:
        """Build, show and start the window (and dock the training panel in training mode).

        ``defer_training`` (the app's start-up): the training panel is built just after the
        window's first paint — it costs ~40 ms of widgets and exercise texts the operator does
        not need in the first frame (bench/bench_startup.py). Until then a light placeholder dock
        of the panel's width holds its place, so nothing moves when the panel arrives;
        ``training_panel`` is None until it has.

        ``view``: a window ``open_view`` built and showed before these services existed, in
        their mode; the services are attached to it (its training panel follows as deferred).
        """
        if view is not None:
            view.attach(self.services)
            window = view
            self.window = window
            placeholder = window.findChild(QDockWidget, PLACEHOLDER_NAME)
        else:
            from desktop_app.ui.desk.window import MainWindow

            window = _build(
                self.services.training,
                lambda: MainWindow(self.services, dialogs=self.dialogs),
                persist=self.persist,
                placeholder=defer_training and show,
                show=show,
            )
            self.window = window
            placeholder = window.findChild(QDockWidget, PLACEHOLDER_NAME)
        if self.persist:
            from desktop_app.settings.paths import config_dir
            from desktop_app.ui.platform.geometry import save_geometry

            window.closed.connect(lambda: save_geometry(window, config_dir()))
        if self.services.training and placeholder is not None:
            dock = placeholder

            def deferred() -> None:
                QTimer.singleShot(0, lambda: self._install_deferred_training(window, dock))

            if window.painted:
                deferred()
            else:
                window.first_painted.connect(deferred, Qt.ConnectionType.QueuedConnection)
        window.start()
        if self.services.training and placeholder is None:
            self._install_training(window)
        return window

    def _install_training(self, window: MainWindow) -> None:
        from desktop_app.ui.training.controller import install_training

        desk = self.services.training_desk or self.services.sandbox
        self.training_panel = install_training(window, desk, progress_dir=self.progress_dir)

    def _install_deferred_training(self, window: MainWindow, placeholder: QDockWidget) -> None:
        """After the first paint: the panel in place of ``placeholder``, at its width. Skipped
        once the window has gone (closed before this turn of the loop: the bench, a quick
        quit, a mode switch)."""
        if self.window is not window or not shiboken6.isValid(window) or not window.isVisible():
            return
        if not shiboken6.isValid(placeholder):
            self._install_training(window)
            return
        width = placeholder.width()
        self._install_training(window)
        window.removeDockWidget(placeholder)
        placeholder.deleteLater()
        if self.training_panel is not None:
            window.resizeDocks([self.training_panel], [width], Qt.Orientation.Horizontal)

    async def close(self) -> None:
        """Stop the window's tasks, then close the client and the journal."""
        if self.window is not None:
            await self.window.tasks.cancel_all()
        await self.services.aclose()


def open_view(
    *, training: bool, server_url: str | None, dialogs: DialogSink | None, persist: bool
) -> MainWindow:
    """The main window without services, placed and shown as ``Session.open_window`` does
    (with the training panel's placeholder in training mode); give it to the first session.
    Painting it needs no pydantic, httpx or asyncio (tests/ui/test_d_startup.py)."""
    from desktop_app.ui.desk.window import MainWindow

    return _build(
        training,
        lambda: MainWindow(training=training, server_url=server_url, dialogs=dialogs),
        persist=persist,
        placeholder=True,
        show=True,
    )


def _build(
    training: bool,
    make: Callable[[], MainWindow],
    *,
    persist: bool,
    placeholder: bool,
    show: bool,
) -> MainWindow:
    """Make the window, give it its place (saved, or the first start's) and show it."""
    from desktop_app.settings.paths import config_dir
    from desktop_app.ui.platform.geometry import place_first_start, restore_geometry
    from desktop_app.ui.platform.palette import apply_palette

    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_palette(app)  # idempotent: windows built without app.py (tests) get it too
    window = make()
    if not (persist and restore_geometry(window, config_dir())):
        place_first_start(window)
    dock = _placeholder_dock(window) if training and placeholder else None
    if show:
        window.show()
        if dock is not None:  # the width the panel will get in the shown window
            window.resizeDocks([dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)
    return window


#: The input a view without services holds back (``HeldInput``).
_HELD_KINDS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
    }
)


class HeldInput(QObject):
    """What the operator types or clicks into a view before its services are in waits for
    them: each such event is put back at the end of the queue, in order, until the window is
    attached; then the filter takes itself away. Without it a search typed at once would find
    nothing and an Enter would be lost."""

    def __init__(self, view: MainWindow) -> None:
        super().__init__(view)
        self.view = view
        self.held = 0  # events put back so far (the tests read it)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.view.attached:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            return False
        if event.type() not in _HELD_KINDS or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.view:
            return False
        QCoreApplication.postEvent(watched, event.clone())
        self.held += 1
        return True


def hold_input_until_attached(view: MainWindow) -> HeldInput:
    """Install ``HeldInput`` for ``view`` on the application (``open_view``'s window)."""
    held = HeldInput(view)
    app = QCoreApplication.instance()
    if app is not None:
        app.installEventFilter(held)
    return held
