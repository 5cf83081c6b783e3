# pyright: strict
"""One working session's window: the main window (and the training panel) over one ``Services``.

The services are built by ``desktop_app.services.build_services`` (called by
``ui/platform/app.py``, the self-test and the tests); a session only shows them and closes them
again.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop_app.api import RegistryClient
from desktop_app.journal import ShiftJournal
from desktop_app.services import Services
from desktop_app.settings.owner import SettingsOwner

if TYPE_CHECKING:
    from desktop_app.sandbox import Sandbox
    from desktop_app.ui.desk.window import MainWindow
    from desktop_app.ui.platform.dialogs import Message
    from desktop_app.ui.training.panel import TrainingPanel

log = logging.getLogger(__name__)

__all__ = ["DialogSink", "Session"]


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

    def open_window(self, *, show: bool = True) -> MainWindow:
        from desktop_app.settings.store import config_dir
        from desktop_app.ui.desk.window import MainWindow
        from desktop_app.ui.platform.geometry import restore_geometry, save_geometry

        window = MainWindow(self.services, dialogs=self.dialogs)
        self.window = window
        if not (self.persist and restore_geometry(window, config_dir())):
            window.resize(1366, 768)
        if self.persist:
            window.closed.connect(lambda: save_geometry(window, config_dir()))
        if show:
            window.show()
        window.start()
        if self.services.training:
            from desktop_app.ui.training.controller import install_training

            desk = self.services.training_desk or self.services.sandbox
            self.training_panel = install_training(window, desk, progress_dir=self.progress_dir)
        return window

    async def close(self) -> None:
        """Stop the window's tasks, then close the client and the journal."""
        if self.window is not None:
            await self.window.tasks.cancel_all()
        await self.services.aclose()
