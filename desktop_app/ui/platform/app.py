"""Composition root: settings, logging, the services of each session and its window.

Everything is built here and handed down: the one ``SettingsOwner``, and per session the
``Services`` from ``desktop_app.services.build_services`` (the only caller in the app). Start-up
never loops: work mode that cannot start falls back to training once; a journal that cannot be
opened (or a training mode that cannot start) is one dialog and a non-zero exit code.

Start-up is measured by bench/bench_startup.py. A splash paints before the heavy imports; until
the main window has painted, PySide6 reads no module sources (``skip_pyside_source_scan``), the
cyclic garbage collector rests, pydantic scans no plugins, the training panel waits
(``Session.open_window(defer_training=True)``) and so do the sandbox's ASGI stack (built on the
first request), printing and the exercise catalogue (docs/ARCHITECTURE.md, "Start-up"). Qt's
own Russian, the desk palette and its focus frame are installed before any window is built.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

os.environ.setdefault("QT_API", "pyside6")  # before qasync is imported anywhere
# The app uses no pydantic plugins; without this, pydantic scans every installed package's
# entry points when it builds the first model (before the window paints).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

if TYPE_CHECKING:  # kept out of the import before the splash (bench/bench_startup.py)
    from desktop_app.journal import JournalError
    from desktop_app.services import Services
    from desktop_app.settings.owner import SettingsOwner
    from desktop_app.ui.platform.dialogs import Message

log = logging.getLogger(__name__)

#: The exit code when the app could not start (the operator was told why).
EXIT_CANNOT_START = 2
#: Test seam: dialogs are echoed to the log and stdout and accepted at once (see _EchoDialogs).
ECHO_DIALOGS_ENV = "DESKTOP_APP_ECHO_DIALOGS"


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
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--exit-after-splash", action="store_true", help=argparse.SUPPRESS)
    # For bench/bench_startup.py: print "painted <what> <time.perf_counter()>" at each first paint
    # (the splash, the main window), so the bench times the paint itself, not the process exit.
    parser.add_argument("--report-paint-times", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv) if argv is not None else None)


def skip_pyside_source_scan() -> bool:
    """Stop PySide6 from reading the source of every module imported after it.

    PySide6's ``__feature__`` support (``shibokensupport.feature``) hooks ``__import__`` and,
    for each newly imported module, runs ``inspect.getsource`` to find out whether the text
    "PySide6" occurs in it (PYSIDE-2029): ~330 source files read and searched at each start
    (measured with cProfile: ~45 ms). The answer only matters to a module that selects a
    feature (``from __feature__ import snake_case``); this app selects none, so every module is
    taken to "use PySide" — the answer that keeps features off everywhere, as they are. A
    module that does select a feature is still set by PySide's own ``feature_import``.

    Call it right after the first PySide6 import. Returns False (and changes nothing) when this
    PySide6 has no such hook; tests/ui/test_d_startup.py pins the hook's name.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _module_uses_pyside  # type: ignore[attr-defined]
    return True


def _module_uses_pyside(module: object) -> bool:
    """Every module counts as a PySide user (feature selection: "none"); no source is read."""
    return True


def _import_httpx_without_cli() -> None:
    """Import httpx without its command-line tool (``httpx._main``: click and friends, ~15 ms
    before the first paint, bench/bench_startup.py). The app never runs ``httpx.main``; it is
    left as httpx's own stand-in for a missing CLI. ``httpx._main`` stays importable later."""
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return
    sys.modules["httpx._main"] = None  # type: ignore[assignment]  # -> ImportError: no CLI
    try:
        import httpx  # noqa: F401
    finally:
        if sys.modules.get("httpx._main", False) is None:
            del sys.modules["httpx._main"]


def _report_paint(what: str) -> None:
    """``--report-paint-times``: one line the bench reads (perf_counter is system-wide)."""
    _echo(f"painted {what} {time.perf_counter():.6f}")


def _show_splash(app: object, *, report: bool = False):  # -> QLabel
    """Paint something at once: heavy imports (httpx, pydantic) come after the first paint.

    A plain frameless label, not ``QSplashScreen``: its ``show()`` blocks up to a second
    waiting for the window to be exposed (measured here with bench/bench_startup.py). Its texts
    are in the language the settings file asks for (``_splash_language``).
    """
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
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
    painter.drawText(
        pixmap.rect().adjusted(0, 0, 0, -40),
        Qt.AlignmentFlag.AlignCenter,
        QCoreApplication.translate("Splash", "Запись вне расписания"),
    )
    font.setPointSize(11)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(
        pixmap.rect().adjusted(0, 60, 0, 0),
        Qt.AlignmentFlag.AlignCenter,
        QCoreApplication.translate("Splash", "Загрузка…"),
    )
    painter.end()
    splash = QLabel()
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setPixmap(pixmap)
    splash.setAccessibleName(
        QCoreApplication.translate("Splash", "Запись вне расписания: загрузка")
    )
    if report:

        class _FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watched.removeEventFilter(self)
                    _report_paint("splash")
                return False

        watcher = _FirstPaint(splash)
        splash.installEventFilter(watcher)
    splash.show()
    app.processEvents()  # type: ignore[attr-defined]
    return splash


def _splash_language(app: object) -> None:
    """An English desk gets an English splash: the language is peeked from the settings file
    (stdlib only; ``settings.paths.saved_language``) and its translator installed before the
    first paint. Russian, the source language, needs nothing here. The loaded settings decide
    the language again (``install_translator`` after ``load_settings``)."""
    from desktop_app.settings.paths import saved_language

    language = saved_language()
    if language != "ru":
        from desktop_app.i18n import install_translator

        install_translator(app, language)  # type: ignore[arg-type]


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
    """Start the desk app; the exit code is 0, or ``EXIT_CANNOT_START`` when it could not."""
    args = parse_args(argv if argv is not None else sys.argv[1:])
    # Start-up allocates hundreds of thousands of objects (modules, classes, pydantic schemas)
    # and none of them is garbage: the cyclic collector would only walk them, ~30 ms before
    # the first paint (bench/bench_startup.py). It runs again once the main window has painted
    # (or whenever run() ends); reference counting frees memory as usual meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        if was_enabled:
            gc.enable()


#: The collector runs again at the main window's first paint, and at the latest after this.
GC_RESUME_LATEST_MS = 5000


def _resume_gc() -> None:
    gc.enable()


def _run(args: argparse.Namespace) -> int:
    import PySide6  # noqa: F401  # installs PySide's import hook, which the next line quiets

    skip_pyside_source_scan()  # before QtWidgets: its own import would read three sources
    from PySide6.QtWidgets import QApplication

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("DeskBooking")
    app.setOrganizationName("DeskBooking")
    _splash_language(app)
    splash = _show_splash(app, report=args.report_paint_times)
    if args.exit_after_splash:
        return 0

    _import_httpx_without_cli()
    from desktop_app.settings.store import data_dir
    from desktop_app.ui.platform.single_instance import SingleInstance

    # One copy per data folder: two copies on one journal could book a patient twice.
    instance = SingleInstance("DeskBooking", folder=data_dir())
    if not instance.is_primary():
        # The first window was asked to come forward; a second desk app would only confuse.
        splash.close()
        return 0

    import qasync
    from PySide6.QtGui import QFont

    from desktop_app.logs import setup_logging
    from desktop_app.settings.owner import SettingsOwner
    from desktop_app.settings.store import load_settings, log_dir

    log_path = setup_logging(log_dir())
    loaded, settings_warning = load_settings()
    owner = SettingsOwner(loaded, persist=True)
    current: dict[str, object] = {}
    echo = _EchoDialogs() if os.environ.get(ECHO_DIALOGS_ENV) else None

    from desktop_app.ui.platform.crash import install_gui_excepthook, install_loop_exception_handler

    reporter = install_gui_excepthook(
        log_path,
        lambda: current.get("window"),  # type: ignore[arg-type,return-value]
    )
    settings = owner.current
    font = QFont(app.font())
    font.setPointSizeF(11.0 * settings.font_scale)
    app.setFont(font)
    from desktop_app.i18n import install_translator
    from desktop_app.ui.platform.palette import apply_palette

    install_translator(app, settings.language)
    apply_palette(app)
    training, _url = choose_mode(args, settings)

    async def main() -> int:
        from PySide6.QtCore import QCoreApplication, Qt, QTimer

        from desktop_app.text.translate import in_ui_language
        from desktop_app.ui.platform.dialogs import Message, Severity
        from desktop_app.ui.platform.session import Session

        nonlocal training
        install_loop_exception_handler(asyncio.get_running_loop(), reporter.show, log_path)
        # The window's close ends the coroutine; letting Qt quit on its own would stop the
        # loop under a pending coroutine and skip the orderly shutdown below.
        app.setQuitOnLastWindowClosed(False)
        notices: list[Message] = []
        if settings_warning:
            title = QCoreApplication.translate("MainWindow", "Настройки")
            # Formed before the language was known: translated now (desktop_app.text).
            notices.append(Message(Severity.WARNING, title, in_ui_language(settings_warning)))
        while True:
            # Each pass is one session, started by the operator (start, mode switch, restart
            # after new connection settings); a failure ends the app instead of retrying.
            try:
                services, problems = _start_services(
                    owner, training=training, server_url=args.server_url, log_path=log_path
                )
            except CannotStart as failure:
                splash.close()
                await _tell_cannot_start(failure.message, echo)
                instance.close()
                return EXIT_CANNOT_START
            training = services.training
            notices.extend(problems)
            session = Session(services, dialogs=echo, persist=True)
            done: asyncio.Future[str] = asyncio.get_running_loop().create_future()

            def finish(outcome: str, fut: asyncio.Future[str] = done) -> None:
                if not fut.done():
                    fut.set_result(outcome)

            window = session.open_window(defer_training=True)
            current["window"] = window
            splash.close()
            instance.raise_requested.connect(window.bring_forward)
            window.closed.connect(lambda: finish("quit"))
            window.switch_mode_requested.connect(lambda: finish("switch"))
            window.restart_requested.connect(lambda: finish("restart"))
            window.first_painted.connect(lambda: log.info("start-up: the main window is shown"))
            # Queued: the collector's first pass (~30 ms over everything start-up allocated)
            # runs after this frame, not inside the window's paintEvent ahead of its children.
            window.first_painted.connect(_resume_gc, Qt.ConnectionType.QueuedConnection)
            QTimer.singleShot(GC_RESUME_LATEST_MS, _resume_gc)  # a window that never paints
            if args.report_paint_times:
                window.first_painted.connect(lambda: _report_paint("main-window"))
            app.aboutToQuit.connect(lambda: finish("quit"))
            if args.exit_after_first_paint:
                window.first_painted.connect(window.close, Qt.ConnectionType.QueuedConnection)
            for notice in notices:
                window.dialogs.show(notice)
            notices.clear()
            outcome = await done
            await session.close()
            instance.raise_requested.disconnect(window.bring_forward)
            if outcome == "quit":
                instance.close()
                return 0
            window.hide()
            window.deleteLater()
            if outcome == "switch":
                training = not training
                owner.update(mode="training" if training else "work")  # a failure is logged

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        return runner.run(main())


# -- start-up failures ---------------------------------------------------------------------------


class CannotStart(Exception):
    """The app cannot run at all; ``message`` (Russian) says what happened and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _start_services(
    owner: SettingsOwner, *, training: bool, server_url: str | None, log_path: Path | None
) -> tuple[Services, list[Message]]:
    """The session's services and the notices to show once its window is open.

    Work mode whose connection settings are unusable falls back to training, once. A journal
    that cannot be opened, or a training mode that cannot start, raises ``CannotStart``: the
    app tells the operator and exits rather than trying again.
    """
    from desktop_app.journal import JournalError
    from desktop_app.services import ClientSetupError, build_services
    from desktop_app.ui.platform.dialogs import Message, Severity

    notices: list[Message] = []
    if not training:
        try:
            services = build_services(
                owner, training=False, server_url=server_url, log_path=log_path
            )
        except ClientSetupError as exc:
            log.error("start-up: work mode could not start (%s); training mode instead", exc.detail)
            notices.append(Message(Severity.WARNING, _mode_title(), _startup_problem(exc.detail)))
        except JournalError as exc:
            raise CannotStart(_journal_failure(exc)) from exc
        else:
            return services, [*_journal_notices(services), *notices]
    try:
        services = build_services(owner, training=True, server_url=server_url, log_path=log_path)
    except JournalError as exc:
        raise CannotStart(_journal_failure(exc)) from exc
    except Exception as exc:  # nothing else is expected; still, never loop or crash silently
        log.error("start-up: training mode could not start", exc_info=True)
        raise CannotStart(_training_failure(exc)) from exc
    return services, [*notices, *_journal_notices(services)]


def _journal_notices(services: Services) -> list[Message]:
    from desktop_app.ui.platform.dialogs import Message, Severity

    if not services.journal_notice:
        return []
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("JournalView", "Журнал смены")
    return [Message(Severity.WARNING, title, services.journal_notice)]


def _journal_failure(exc: JournalError) -> str:
    """What the operator reads when the journal cannot be opened (logged once, here)."""
    from PySide6.QtCore import QCoreApplication

    path = exc.path if exc.path is not None else Path("?")
    log.error("start-up: journal %s cannot be opened (%s): %s", path, exc.reason, exc.message)
    if exc.reason == "locked":
        return QCoreApplication.translate(
            "App",
            "Журнал смены {0} занят другой программой — вероятно, эта программа уже запущена.\n"
            "Закройте другую копию программы и запустите её снова.",
        ).format(path)
    if exc.reason == "no_access":
        return QCoreApplication.translate(
            "App",
            "Не удалось открыть журнал смены {0}.\n"
            "Обратитесь к администратору: нет прав на запись в папку {1}.",
        ).format(path, path.parent)
    if exc.reason == "too_new":
        return QCoreApplication.translate(
            "App",
            "Журнал смены {0} создан более новой версией программы.\n"
            "Запустите новую версию программы или обратитесь к администратору.",
        ).format(path)
    return QCoreApplication.translate(
        "App",
        "Не удалось открыть журнал смены {0}: {1}\nОбратитесь к администратору.",
    ).format(path, exc.message)


def _training_failure(exc: Exception) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "App",
        "Учебный режим не запущен: {0}\nОбратитесь к администратору.",
    ).format(f"{type(exc).__name__}: {exc}")


def _mode_title() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", "Рабочий режим")


def _startup_problem(detail: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "App",
        "Рабочий режим не запущен: {0}\nПрограмма открыта в учебном режиме. Исправьте адрес "
        "сервера или файл сертификата в настройках.",
    ).format(detail)


async def _tell_cannot_start(text: str, echo: _EchoDialogs | None) -> None:
    """One message box (no window behind it); returns when the operator has closed it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.platform.dialogs import Message, Severity

    title = QCoreApplication.translate("App", "Программа не может начать работу")
    if echo is not None:
        echo.show(Message(Severity.ERROR, title, text))
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    box.setAccessibleName(title)
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def done(_result: int) -> None:
        if not closed.done():
            closed.set_result(None)

    box.finished.connect(done)
    box.open()  # not exec(): no nested event loop under the running coroutine
    await closed


class _EchoDialogs:
    """Test seam (``DESKTOP_APP_ECHO_DIALOGS=1``): every message goes to the log and stdout and
    is accepted at once; questions are answered "yes". Lets a test start the real app in a
    subprocess and read what the operator would have seen, without a box blocking it."""

    def show(self, message: Message) -> None:
        text = _one_line(message.full_text)
        log.info("dialog [%s] %s: %s", message.severity.value, message.title, text)
        _echo(f"DIALOG [{message.severity.value}] {message.title}: {text}")

    async def confirm(self, message: Message, yes: str, no: str) -> bool:
        text = _one_line(message.full_text)
        log.info("question: %s (answered: %s)", text, yes)
        _echo(f"QUESTION {message.title}: {text} -> {yes}")
        return True


def _one_line(text: str) -> str:
    """One message, one line (in the log and on stdout), so a reader can count them."""
    return " / ".join(part for part in text.splitlines() if part.strip())


def _echo(text: str) -> None:
    stream = sys.stdout
    if stream is None:  # a windowed build
        return
    try:
        print(text, file=stream, flush=True)
    except (OSError, ValueError):
        pass
