"""Composition root: settings, logging, the services of each session and its window.

Everything is built here and handed down: the one ``SettingsOwner``, and per session the
``Services`` from ``desktop_app.services.build_services`` (the only caller in the app). Start-up
never loops: work mode that cannot start falls back to training once; a journal that cannot be
opened (or a training mode that cannot start) is one dialog and a non-zero exit code.

Start-up is measured by bench/bench_startup.py. The main window paints first, before pydantic,
httpx, asyncio and qasync are imported: its view is built from the few settings read with the
standard library (``_show_first_view``), and the first session attaches its services to it once
they exist (``Session.open_window(view=…)``); when the loaded settings disagree with what the
view was built from (another language, font scale or mode), the window is built again before the
operator can use it. Until the services are in, PySide6 reads no module sources
(``skip_pyside_source_scan``), the cyclic garbage collector rests, pydantic scans no plugins;
the training panel, the sandbox's ASGI stack (built on the first request), printing and the
exercise catalogue come later still (docs/ARCHITECTURE.md, "Start-up"). Qt's own Russian, the
desk palette and its focus frame are installed before any window is built.
"""

from __future__ import annotations

import argparse
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

if TYPE_CHECKING:  # kept out of the imports before the first paint (bench/bench_startup.py)
    import asyncio

    from desktop_app.journal import JournalError
    from desktop_app.services import Services
    from desktop_app.settings.model import AppSettings
    from desktop_app.settings.owner import SettingsOwner
    from desktop_app.settings.paths import StartupPeek
    from desktop_app.ui.desk.window import MainWindow
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
    # For bench/bench_startup.py and tests: quit once the window has painted and is working.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    # For bench/bench_startup.py: print "painted main-window <time.perf_counter()>" at the main
    # window's first paint, so the bench times the paint itself, not the process exit.
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


def _show_first_view(
    app: object, args: argparse.Namespace, echo: object
) -> tuple[MainWindow, StartupPeek]:
    """The main window, painted before the heavy imports (pydantic, httpx, asyncio, qasync).

    Built from the few settings ``settings.paths.peek_settings`` reads with the standard
    library — the language (its translator is installed first), the font scale, the mode and
    the server — placed and shown as a session would (``session.open_view``), and painted at
    once; what the operator types meanwhile waits in the queue for the services. ``_run`` keeps
    it only while the loaded settings agree with what it was built from.
    """
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication

    from desktop_app.i18n import install_translator
    from desktop_app.settings.paths import peek_settings
    from desktop_app.ui.platform.palette import apply_palette
    from desktop_app.ui.platform.session import hold_input_until_attached, open_view

    qt_app = cast(QApplication, app)
    peek = peek_settings()
    # Russian too: it is Qt's own Russian (context menus, the calendar) and the core's hook.
    install_translator(qt_app, peek.language)
    _set_font_scale(qt_app, peek.font_scale)
    apply_palette(qt_app)
    training, url = choose_mode(args, peek)
    view = open_view(
        training=training,
        server_url=url,
        dialogs=echo,  # type: ignore[arg-type]
        persist=True,
    )
    if args.report_paint_times:

        class _FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watched.removeEventFilter(self)
                    _report_paint("main-window")
                return False

        watcher = _FirstPaint(view)
        view.installEventFilter(watcher)
    qt_app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    hold_input_until_attached(view)
    return view, peek


def _set_font_scale(app: object, scale: float) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    qt_app = cast(QApplication, app)
    font = QFont(qt_app.font())
    font.setPointSizeF(11.0 * scale)
    qt_app.setFont(font)


def _keeps_view(peek: StartupPeek, settings: AppSettings) -> bool:
    """The first view was built in the language and font scale the loaded settings ask for
    (else it is built again; its mode is checked against the session's)."""
    return (peek.language, peek.font_scale) == (settings.language, settings.font_scale)


class _ShownThen:
    """What follows a session window's first paint (at once, if it has painted already)."""

    def __init__(self, window: MainWindow, *, close: bool) -> None:
        self.window = window
        self.close = close

    def __call__(self) -> None:
        from PySide6.QtCore import QTimer

        log.info("start-up: the main window is shown")
        # After this turn of the loop: the collector's first pass (~30 ms over all that start-up
        # allocated) runs neither inside a paintEvent nor before the services are in.
        QTimer.singleShot(0, _resume_gc)
        if self.close:  # --exit-after-first-paint
            QTimer.singleShot(0, self.window.close)


def _drop(view: MainWindow | None) -> None:
    """Take away a first view that will not be used (its mode or language was not the one)."""
    if view is not None:
        view.hide()
        view.deleteLater()


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

    from desktop_app.settings.paths import data_dir
    from desktop_app.ui.platform.single_instance import SingleInstance

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("DeskBooking")
    app.setOrganizationName("DeskBooking")
    # One copy per data folder: two copies on one journal could book a patient twice.
    instance = SingleInstance("DeskBooking", folder=data_dir())
    if not instance.is_primary():
        # The first window was asked to come forward; a second desk app would only confuse.
        return 0
    echo = _EchoDialogs() if os.environ.get(ECHO_DIALOGS_ENV) else None
    view: MainWindow | None
    view, peek = _show_first_view(app, args, echo)

    import asyncio

    _import_httpx_without_cli()
    import qasync

    from desktop_app.logs import setup_logging
    from desktop_app.settings.owner import SettingsOwner
    from desktop_app.settings.store import load_settings, log_dir

    log_path = setup_logging(log_dir())
    loaded, settings_warning = load_settings()
    owner = SettingsOwner(loaded, persist=True)
    current: dict[str, object] = {"window": view}

    from desktop_app.ui.platform.crash import install_gui_excepthook, install_loop_exception_handler

    reporter = install_gui_excepthook(
        log_path,
        lambda: current.get("window"),  # type: ignore[arg-type,return-value]
    )
    settings = owner.current
    from desktop_app.i18n import install_translator
    from desktop_app.ui.platform.palette import apply_palette

    if not _keeps_view(peek, settings):
        log.info("start-up: the settings differ from the first view's; the window is built again")
        _drop(view)
        view = None
        _set_font_scale(app, settings.font_scale)
    if settings.language != peek.language:
        install_translator(app, settings.language)
    apply_palette(app)
    training, _url = choose_mode(args, settings)

    async def main() -> int:
        from PySide6.QtCore import QCoreApplication, Qt, QTimer

        from desktop_app.text.translate import in_ui_language
        from desktop_app.ui.platform.dialogs import Message, Severity
        from desktop_app.ui.platform.session import Session

        nonlocal training, view
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
                _drop(view)
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

            if view is not None and view.training != services.training:
                # Work mode could not start (training instead): not the window on show.
                _drop(view)
                view = None
            window = session.open_window(defer_training=True, view=view)
            view = None  # the first session's only
            current["window"] = window
            instance.raise_requested.connect(window.bring_forward)
            window.closed.connect(lambda: finish("quit"))
            window.switch_mode_requested.connect(lambda: finish("switch"))
            window.restart_requested.connect(lambda: finish("restart"))
            app.aboutToQuit.connect(lambda: finish("quit"))
            shown = _ShownThen(window, close=args.exit_after_first_paint)
            if window.painted:
                shown()
            else:
                if args.report_paint_times:
                    window.first_painted.connect(lambda: _report_paint("main-window"))
                window.first_painted.connect(shown, Qt.ConnectionType.QueuedConnection)
            QTimer.singleShot(GC_RESUME_LATEST_MS, _resume_gc)  # a window that never paints
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
    import asyncio

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
