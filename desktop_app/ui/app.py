"""Composition root: settings, logging, the HTTP client, services and the main window.

Everything is built here and handed down; nothing else creates clients or reads settings.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence

os.environ.setdefault("QT_API", "pyside6")  # before qasync is imported anywhere

log = logging.getLogger(__name__)

SANDBOX_BASE_URL = "http://sandbox.invalid/"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="desktop-app",
        description="Запись пациентов вне расписания (регистратура).",
    )
    parser.add_argument("--server-url", help="адрес API регистратуры (https://…)")
    parser.add_argument(
        "--training", action="store_true", help="учебный режим на встроенной песочнице"
    )
    # For bench/bench_startup.py: quit as soon as the window has painted once.
    parser.add_argument("--exit-after-first-paint", action="store_true",
                        help=argparse.SUPPRESS)
    return parser.parse_args(list(argv) if argv is not None else None)


def build_training_client(sandbox: object):  # -> RegistryClient
    """A client wired to the in-process sandbox: no socket can be opened through it."""
    from desktop_app.api import RegistryClient
    from desktop_app.sandbox import InProcessTransport

    return RegistryClient(
        SANDBOX_BASE_URL,
        transport=InProcessTransport(sandbox),  # type: ignore[arg-type]
        trust_env=False,
        today=lambda: sandbox.now().date(),  # type: ignore[attr-defined]
    )


def run(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])

    import qasync
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop_app.logs import setup_logging
    from desktop_app.settings.store import load_settings, log_dir

    log_path = setup_logging(log_dir())
    settings, settings_warning = load_settings()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DeskBooking")
    app.setOrganizationName("DeskBooking")
    font = QFont(app.font())
    font.setPointSizeF(11.0 * settings.font_scale)
    app.setFont(font)

    server_url = args.server_url or settings.server_url
    training = bool(args.training or not server_url or settings.mode == "training")
    if args.server_url and not args.training:
        training = False

    async def main() -> int:
        from desktop_app.ui.session import Session

        session = Session(settings=settings, log_path=log_path, training=training,
                          server_url=server_url)
        quit_event = asyncio.Event()
        # The window's close ends the coroutine; letting Qt quit on its own would stop the
        # loop under a pending coroutine and skip the orderly shutdown below.
        app.setQuitOnLastWindowClosed(False)
        app.aboutToQuit.connect(quit_event.set)
        window = session.open_window()
        window.closed.connect(quit_event.set)
        if args.exit_after_first_paint:
            from PySide6.QtCore import Qt

            window.first_painted.connect(window.close, Qt.ConnectionType.QueuedConnection)
        if settings_warning:
            from desktop_app.ui.dialogs import Message, Severity

            window.dialogs.show(Message(Severity.WARNING, window.tr("Настройки"),
                                        settings_warning))
        await quit_event.wait()
        await session.close()
        return 0

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        return runner.run(main())

