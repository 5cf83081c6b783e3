"""One working session: the client, journal and booking service for one mode, and its window.

Training and work mode differ only here: training wires the client to the in-process sandbox
(no socket, no URL), work mode to the configured server over verified TLS.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.api import RegistryClient
from desktop_app.booking import BookingService
from desktop_app.journal import ShiftJournal
from desktop_app.settings.model import AppSettings
from desktop_app.settings.store import data_dir

log = logging.getLogger(__name__)


class Session:
    def __init__(
        self,
        *,
        settings: AppSettings,
        log_path: Path | None,
        training: bool,
        server_url: str | None,
        dialogs: Any = None,
        sandbox: Any = None,
        client: RegistryClient | None = None,
        journal_path: Path | None = None,
        persist: bool = False,
        progress_dir: Path | None = None,
    ) -> None:
        self.settings = settings
        self.training = training
        self.log_path = log_path
        self.sandbox = sandbox
        self.dialogs = dialogs
        if client is None:
            client = self._make_client(server_url)
        self.client = client
        name = "training-journal.sqlite3" if training else "journal.sqlite3"
        self.journal = ShiftJournal(
            journal_path or (data_dir() / name),
            retention_days=settings.journal_retention_days,
        )
        self.booking = BookingService(self.client, self.journal, training=training)
        self.window: Any = None
        self.token_store = None
        if not training:
            from desktop_app.settings.secrets import TokenStore

            self.token_store = TokenStore()
        self.persist = persist
        self.progress_dir = progress_dir

    def _save_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        if self.persist:
            from desktop_app.settings.store import save_settings

            save_settings(settings)

    def _make_client(self, server_url: str | None) -> RegistryClient:
        if self.training:
            from desktop_app.sandbox import Sandbox
            from desktop_app.ui.app import build_training_client

            if self.sandbox is None:
                self.sandbox = Sandbox()
            return build_training_client(self.sandbox)
        from desktop_app.settings.network import build_ssl_context, check_server_url, proxy_for

        if not server_url:
            raise ValueError("work mode needs a server URL")
        url = check_server_url(server_url)
        proxy, trust_env = proxy_for(self.settings)
        return RegistryClient(
            url,
            settings=self.settings.to_client_settings(),
            verify=build_ssl_context(self.settings.extra_ca_file),
            proxy=proxy,
            trust_env=trust_env,
        )

    def today(self) -> date:
        """The clinic's calendar day: the sandbox's clock in training, this PC's otherwise."""
        if self.training and self.sandbox is not None:
            return self.sandbox.now().date()
        return date.today()

    def open_window(self, *, show: bool = True) -> Any:
        import os

        from desktop_app.ui.main_window import MainWindow, WindowServices

        services = WindowServices(
            client=self.client,
            booking=self.booking,
            training=self.training,
            sandbox=self.sandbox,
            initial_token=None if self.training else os.environ.get("DESKTOP_APP_TOKEN"),
            log_path=self.log_path,
            today=self.today,
            journal=self.journal,
            settings=self.settings,
            token_store=self.token_store,
            save_settings=self._save_settings,
        )
        self.window = MainWindow(services, dialogs=self.dialogs)
        from desktop_app.settings.store import config_dir
        from desktop_app.ui.geometry import restore_geometry, save_geometry

        if not (self.persist and restore_geometry(self.window, config_dir())):
            self.window.resize(1366, 768)
        if self.persist:
            window = self.window
            window.closed.connect(lambda: save_geometry(window, config_dir()))
        if show:
            self.window.show()
        self.window.start()
        self.training_panel = None
        if self.training:
            from desktop_app.ui.training_panel import install_training

            self.training_panel = install_training(self.window, self.sandbox,
                                                   progress_dir=self.progress_dir)
        return self.window

    async def close(self) -> None:
        if self.window is not None and self.window.services.settings is not None:
            self.settings = self.window.services.settings
        if self.window is not None:
            await self.window.tasks.cancel_all()
        await self.client.aclose()
        self.journal.close()
