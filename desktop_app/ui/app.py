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
    parser.add_argument("--exit-after-splash", action="store_true", help=argparse.SUPPRESS)
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


def _show_splash(app: object):  # -> QLabel
    """Paint something at once: heavy imports (httpx, pydantic) come after the first paint.

    A plain frameless label, not ``QSplashScreen``: its ``show()`` blocks up to a second
    waiting for the window to be exposed (measured here with bench/bench_startup.py).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
    from PySide6.QtWidgets import QLabel

    pixmap = QPixmap(460, 150)
    pixmap.fill(QColor("#00695c"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPointSize(16)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect().adjusted(0, 0, 0, -40), Qt.AlignmentFlag.AlignCenter,
                     "Запись вне расписания")
    font.setPointSize(11)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(pixmap.rect().adjusted(0, 60, 0, 0), Qt.AlignmentFlag.AlignCenter,
                     "Загрузка…")
    painter.end()
    splash = QLabel()
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setPixmap(pixmap)
    splash.setAccessibleName("Запись вне расписания: загрузка")
    splash.show()
    app.processEvents()  # type: ignore[attr-defined]
    return splash


def choose_mode(args: argparse.Namespace, settings: object) -> tuple[bool, str | None]:
    """(training?, server URL). ``--training`` forces training; ``--server-url`` selects a
    real server; otherwise the app starts in the mode it was left in, and in training when no
    server is configured."""
    saved_url = getattr(settings, "server_url", None)
    if args.training:
        return True, args.server_url or saved_url
    if args.server_url:
        return False, args.server_url
    if getattr(settings, "mode", "training") == "work" and saved_url:
        return False, saved_url
    return True, saved_url


def run(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DeskBooking")
    app.setOrganizationName("DeskBooking")
    splash = _show_splash(app)
    if args.exit_after_splash:
        return 0

    from desktop_app.ui.single_instance import SingleInstance

    instance = SingleInstance("DeskBooking")
    if not instance.is_primary():
        # The first window was asked to come forward; a second desk app would only confuse.
        splash.close()
        return 0

    import qasync
    from PySide6.QtGui import QFont

    from desktop_app.logs import setup_logging
    from desktop_app.settings.store import load_settings, log_dir, save_settings

    log_path = setup_logging(log_dir())
    settings, settings_warning = load_settings()
    current: dict[str, object] = {}

    from desktop_app.ui.crash import install_gui_excepthook, install_loop_exception_handler

    reporter = install_gui_excepthook(
        log_path, lambda: current.get("window")  # type: ignore[arg-type,return-value]
    )
    font = QFont(app.font())
    font.setPointSizeF(11.0 * settings.font_scale)
    app.setFont(font)
    from desktop_app.i18n import install_translator

    install_translator(app, settings.language)
    training, _url = choose_mode(args, settings)

    async def main() -> int:
        from desktop_app.ui.session import Session

        nonlocal training, settings, settings_warning
        install_loop_exception_handler(asyncio.get_running_loop(), reporter.show, log_path)
        # The window's close ends the coroutine; letting Qt quit on its own would stop the
        # loop under a pending coroutine and skip the orderly shutdown below.
        app.setQuitOnLastWindowClosed(False)
        while True:
            try:
                session = Session(settings=settings, log_path=log_path, training=training,
                                  server_url=args.server_url or settings.server_url,
                                  persist=True)
            except Exception as exc:  # a bad URL or CA file must not kill the start-up
                log.exception("work mode could not start; falling back to training")
                settings_warning = _startup_problem(exc)
                training = True
                continue
            done: asyncio.Future[str] = asyncio.get_running_loop().create_future()

            def finish(outcome: str, fut: asyncio.Future[str] = done) -> None:
                if not fut.done():
                    fut.set_result(outcome)

            window = session.open_window()
            current["window"] = window
            splash.close()
            instance.raise_requested.connect(window.bring_forward)
            window.closed.connect(lambda: finish("quit"))
            window.switch_mode_requested.connect(lambda: finish("switch"))
            window.restart_requested.connect(lambda: finish("restart"))
            app.aboutToQuit.connect(lambda: finish("quit"))
            if args.exit_after_first_paint:
                from PySide6.QtCore import Qt

                window.first_painted.connect(window.close, Qt.ConnectionType.QueuedConnection)
            if settings_warning:
                from PySide6.QtCore import QCoreApplication

                from desktop_app.ui.dialogs import Message, Severity

                title = QCoreApplication.translate("MainWindow", "Настройки")
                window.dialogs.show(Message(Severity.WARNING, title, settings_warning))
                settings_warning = None
            outcome = await done
            await session.close()
            settings = session.settings
            instance.raise_requested.disconnect(window.bring_forward)
            if outcome == "quit":
                instance.close()
                return 0
            window.hide()
            window.deleteLater()
            if outcome == "restart":
                continue
            training = not training
            settings = settings.model_copy(update={"mode": "training" if training else "work"})
            try:
                save_settings(settings)
            except OSError:
                log.exception("could not save the mode")

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        return runner.run(main())


def _startup_problem(exc: Exception) -> str:
    from PySide6.QtCore import QCoreApplication

    detail = getattr(exc, "message", None) or str(exc)
    return QCoreApplication.translate(
        "App",
        "Рабочий режим не запущен: {0}\nПрограмма открыта в учебном режиме. Исправьте адрес "
        "сервера или файл сертификата в настройках.",
    ).format(detail)
