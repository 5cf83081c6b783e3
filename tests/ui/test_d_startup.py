"""Start-up work that is ours, removed from before the first paint (issue 11 §9).

bench/bench_startup.py measures the figures; these tests pin what the savings rest on:

* PySide6's ``__feature__`` import hook no longer reads the source of every module imported
  after PySide6 (``skip_pyside_source_scan``; the hook's name is pinned to this PySide6);
* training mode's in-process transport imports Starlette on its first request, not when the
  session is built;
* the training panel is built just after the window's first paint, in a placeholder of its
  size, so nothing moves when it arrives;
* the app reports its paint times for the bench (``--report-paint-times``).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from desktop_app.sandbox import Sandbox
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.session import Session
from desktop_app.ui.training.panel import PANEL_WIDTH, TrainingPanel
from tests.qtkit import close_session
from tests.ui.asyncwait import wait_until

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_pyside_no_longer_reads_the_source_of_each_imported_module() -> None:
    done = run_python(
        """
        import inspect, sys
        import PySide6.QtCore
        import shibokensupport.feature as feature
        assert callable(feature._mod_uses_pyside), "PySide6's hook moved: see app.py"
        read = []
        original = inspect.getsource
        inspect.getsource = lambda obj: read.append(obj) or original(obj)
        import json.decoder, email.parser  # imported after PySide6: the hook reads them
        assert read, "the hook did not read sources: PySide6 changed, revisit app.py"
        from desktop_app.ui.platform.app import skip_pyside_source_scan
        assert skip_pyside_source_scan() is True
        read.clear()
        import csv, difflib, html.parser
        assert read == [], read
        # Features stay off everywhere (the answer "uses PySide" means: no feature selected).
        assert feature.pyside_feature_dict["difflib"] == 0
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_training_transport_imports_starlette_on_its_first_request() -> None:
    done = run_python(
        """
        import asyncio, sys
        from desktop_app.sandbox import Sandbox
        from desktop_app.services import build_training_client
        client = build_training_client(Sandbox())
        assert "starlette" not in sys.modules, "Starlette imported before any request"
        clinics = asyncio.run(client.list_clinics())
        assert "starlette" in sys.modules and len(clinics) == 12
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


#: What the child records at the main window's first paint and once the session has it.
_RECORD_PAINT = """
import sys
from PySide6.QtWidgets import QApplication
import desktop_app.ui.platform.app as app
from desktop_app.ui.desk.window import MainWindow

HEAVY = ("pydantic", "pydantic_core", "httpx", "asyncio", "qasync", "sqlite3", "ssl",
         "truststore", "starlette", "desktop_app.api.models", "desktop_app.api.client",
         "desktop_app.journal.shift_journal", "desktop_app.services", "desktop_app.sandbox")
seen = {}
report = app._report_paint

def at_paint(what):
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    seen.setdefault("paint", (what, [m for m in HEAVY if m in sys.modules],
                              [(id(w), w.windowTitle(), w.attached) for w in windows]))
    # Qt's own texts (a text field's context menu) in the language of the first paint.
    seen.setdefault("qt_copy", QApplication.translate("QLineEdit", "&Copy"))
    report(what)

shown = app._ShownThen.__call__

def at_shown(self):
    seen["shown"] = (id(self.window), self.window.windowTitle(), self.window.attached)
    shown(self)

app._report_paint = at_paint
app._ShownThen.__call__ = at_shown
code = app.run(ARGS)
print("RESULT", code, repr(seen))
"""


def _record_start(home: Path, tmp: Path, args: list[str], **env: str) -> tuple[int, dict, str]:
    """Run the app; (exit code, what it recorded, its stdout). At the first paint: which heavy
    modules were imported and the main windows then (id, title, attached); at the session's
    window's first paint ("shown"): that window."""
    done = run_python(
        _RECORD_PAINT.replace("ARGS", repr(args)),
        DESKTOP_APP_HOME=str(home),
        TMPDIR=str(tmp),
        **env,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert len(lines) == 1, done.stdout
    _tag, code, seen = lines[0].split(" ", 2)
    return int(code), eval(seen), done.stdout  # the child's repr of plain tuples and lists


def test_the_main_window_paints_before_the_libraries_behind_its_services(tmp_path) -> None:
    """The first paint is the main window's own, before pydantic, httpx, asyncio, qasync and
    the journal are imported; the same window then gets its services and works."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    code, seen, _out = _record_start(
        home, tmp, ["--training", "--exit-after-first-paint", "--report-paint-times"]
    )
    assert code == 0
    what, heavy, windows = seen["paint"]
    assert what == "main-window"
    assert heavy == []
    assert len(windows) == 1
    first_id, first_title, attached = windows[0]
    assert attached is False  # painted as a view, before the services existed
    assert "УЧЕБНЫЙ РЕЖИМ" in first_title
    # The session took that very window: same object, same title, now with its services.
    assert seen["shown"] == (first_id, first_title, True)
    log = (home / "logs" / "desk-app.log").read_text(encoding="utf-8")
    assert "start-up: the main window is shown" in log
    assert "built again" not in log


def _write_settings(home: Path, text: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.json").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "training_title"),
    [
        ('{"language": "en"}', "Unscheduled booking — TRAINING MODE"),
        ('{"language": "ru"}', "Запись вне расписания — УЧЕБНЫЙ РЕЖИМ"),
    ],
)
def test_the_first_paint_is_in_the_language_of_the_settings_file(
    tmp_path: Path, content: str, training_title: str
) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    tmp.mkdir()
    _write_settings(home, content)
    code, seen, _out = _record_start(
        home, tmp, ["--training", "--exit-after-first-paint", "--report-paint-times"]
    )
    assert code == 0
    _what, _heavy, [(first_id, first_title, _attached)] = seen["paint"]
    assert first_title == training_title
    assert seen["shown"] == (first_id, training_title, True)
    # Qt's own Russian is loaded for a Russian desk before its first paint, too.
    assert seen["qt_copy"] == ("&Copy" if "Unscheduled" in training_title else "&Копировать")


def test_a_window_painted_from_settings_the_store_refuses_is_built_again(
    tmp_path: Path,
) -> None:
    """The file asks for English, but a damaged value makes the store refuse it (defaults,
    Russian): the English first view is not the one the operator works in."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    tmp.mkdir()
    _write_settings(home, '{"language": "en", "font_scale": 5.0}')
    code, seen, _out = _record_start(
        home,
        tmp,
        ["--training", "--exit-after-first-paint", "--report-paint-times"],
        DESKTOP_APP_ECHO_DIALOGS="1",
    )
    assert code == 0
    _what, _heavy, [(first_id, first_title, _attached)] = seen["paint"]
    assert first_title == "Unscheduled booking — TRAINING MODE"
    shown_id, shown_title, attached = seen["shown"]
    assert (shown_id != first_id, shown_title, attached) == (
        True,
        "Запись вне расписания — УЧЕБНЫЙ РЕЖИМ",
        True,
    )
    log = (home / "logs" / "desk-app.log").read_text(encoding="utf-8")
    assert "the window is built again" in log
    assert list((home / "config").glob("settings.json.broken-*"))  # the store's own notice


def test_work_mode_that_cannot_start_replaces_its_first_view_with_training(
    tmp_path: Path,
) -> None:
    """The file asks for work mode on a server the client refuses: the work-mode view painted
    first gives way to the training window the app falls back to, and the operator is told."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    tmp.mkdir()
    _write_settings(home, '{"mode": "work", "server_url": "ftp://registry.example"}')
    code, seen, out = _record_start(
        home,
        tmp,
        ["--exit-after-first-paint", "--report-paint-times"],
        DESKTOP_APP_ECHO_DIALOGS="1",
    )
    assert code == 0
    _what, _heavy, [(first_id, first_title, _attached)] = seen["paint"]
    assert first_title == "Запись вне расписания — рабочий режим"
    shown_id, shown_title, attached = seen["shown"]
    assert shown_id != first_id and attached
    assert shown_title == "Запись вне расписания — УЧЕБНЫЙ РЕЖИМ"
    assert "DIALOG [warning] Рабочий режим: Рабочий режим не запущен" in out


def test_the_collector_rests_during_start_up_and_runs_again_after(tmp_path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    done = run_python(
        """
        import gc, sys
        import desktop_app.ui.platform.app as app
        seen = {}
        run_inner, resume = app._run, app._resume_gc

        def spy_run(args):
            seen["start-up"] = gc.isenabled()
            return run_inner(args)

        def spy_resume():
            resume()
            seen["after paint"] = gc.isenabled()

        app._run, app._resume_gc = spy_run, spy_resume
        code = app.run(["--training", "--exit-after-first-paint"])
        assert code == 0, code
        assert seen == {"start-up": False, "after paint": True}, seen
        assert gc.isenabled()
        print("ok")
        """,
        DESKTOP_APP_HOME=str(home),
        TMPDIR=str(tmp),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "ok"


@pytest.mark.asyncio
async def test_the_training_panel_arrives_after_the_first_paint_without_moving_anything(
    qtbot, tmp_path
) -> None:
    sandbox = Sandbox()
    services = build_services(
        SettingsOwner(AppSettings()),
        training=True,
        server_url=None,
        log_path=tmp_path / "desk.log",
        sandbox=sandbox,
        journal_path=tmp_path / "journal.sqlite3",
        today=lambda: sandbox.now().date(),
    )
    session = Session(services, dialogs=RecordingDialogs())
    painted: list[bool] = []
    try:
        window = session.open_window(defer_training=True)
        window.first_painted.connect(lambda: painted.append(session.training_panel is None))
        assert session.training_panel is None  # not built before the first frame
        placeholder = window.findChild(QDockWidget, "trainingPanelPlaceholder")
        assert placeholder is not None and placeholder.isVisibleTo(window)
        assert window.dockWidgetArea(placeholder) == Qt.DockWidgetArea.RightDockWidgetArea
        assert "Обучение" in placeholder.windowTitle()
        await wait_until(lambda: painted, what="first paint")
        central = window.centralWidget()
        assert central is not None
        central_before = central.geometry()
        placeholder_width = placeholder.width()

        await wait_until(lambda: session.training_panel is not None, what="training panel")
        panel = session.training_panel
        assert painted == [True]  # the window painted before the panel existed
        assert isinstance(panel, TrainingPanel)
        assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea
        await wait_until(lambda: not shiboken6.isValid(placeholder), what="placeholder gone")
        await wait_until(lambda: panel.isVisible(), what="panel shown")
        # The panel took the placeholder's place: the form and the ticket did not move.
        assert abs(panel.width() - placeholder_width) <= 2
        assert abs(central.geometry().width() - central_before.width()) <= 2
        assert placeholder_width >= PANEL_WIDTH - 40  # the panel's own minimum
        # And it is wired as an eagerly built one is (desk events reach it).
        assert window.findChildren(TrainingPanel) == [panel]
    finally:
        await close_session(session)


@pytest.mark.asyncio
async def test_a_window_closed_before_the_panel_comes_gets_none(qtbot, tmp_path) -> None:
    sandbox = Sandbox()
    services = build_services(
        SettingsOwner(AppSettings()),
        training=True,
        server_url=None,
        log_path=tmp_path / "desk.log",
        sandbox=sandbox,
        journal_path=tmp_path / "journal.sqlite3",
        today=lambda: sandbox.now().date(),
    )
    session = Session(services, dialogs=RecordingDialogs())
    try:
        window = session.open_window(defer_training=True)
        window.close()  # as --exit-after-first-paint or a quick quit does
        await wait_until(lambda: not window.isVisible(), what="closed")
        for _ in range(5):  # a few turns of the event loop: the deferred build would be done
            await asyncio.sleep(0.02)
        assert session.training_panel is None
        assert window.findChildren(TrainingPanel) == []
    finally:
        await close_session(session)


def test_what_waits_until_after_the_main_window_has_painted(tmp_path) -> None:
    """Printing, the exercise catalogue, the wire models' validators and pydantic's plugin scan
    are not paid before the main window paints; all of them work afterwards (the print and
    training tests use them)."""
    done = run_python(
        """
        import sys
        import desktop_app.ui.platform.app as app
        from desktop_app.api import Clinic

        seen = {}

        def report(what):
            if what == "main-window":
                seen.update(
                    modules=sorted(
                        m for m in (
                            "PySide6.QtPrintSupport",
                            "desktop_app.printing.slip",
                            "desktop_app.ui.printing.slip_printer",
                            "desktop_app.training.exercises",
                            "desktop_app.training.detectors",
                            "desktop_app.training.progress",
                            "desktop_app.training.report",
                        )
                        if m in sys.modules and not type(sys.modules[m]).__name__ == "_LazyModule"
                    ),
                    clinic_built=bool(getattr(Clinic, "__pydantic_complete__", True)),
                )

        app._report_paint = report
        code = app.run(["--training", "--exit-after-first-paint", "--report-paint-times"])
        import os
        print(code, seen["modules"], seen["clinic_built"], os.environ["PYDANTIC_DISABLE_PLUGINS"])
        """,
        DESKTOP_APP_HOME=str(tmp_path / "home"),
        TMPDIR=str(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0 [] False __all__"


# -- the settings the first view is built with ---------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "ru"),  # no settings file yet: a first start
        ('{"language": "en"}', "en"),
        ('\ufeff{"language": "en", "font_scale": 1.2}', "en"),  # Notepad's BOM
        ('{"language": "de"}', "ru"),
        ('{"language": ["en"]}', "ru"),
        ('["en"]', "ru"),
        ('{"language": "en"', "ru"),  # cut off
        ("\xff\xfe{", "ru"),  # not UTF-8
    ],
)
def test_the_language_is_peeked_from_the_settings_file_without_raising(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    from desktop_app.settings.paths import saved_language

    path = tmp_path / "settings.json"
    if content is not None:
        path.write_bytes(content.encode("latin-1") if "\xff" in content else content.encode())
    assert saved_language(path) == expected
    assert saved_language(tmp_path) == "ru"  # a folder where the file should be


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, ("ru", 1.0, "training", None)),
        (
            '{"language": "en", "font_scale": 1.25, "mode": "work", "server_url": "https://r.ru"}',
            ("en", 1.25, "work", "https://r.ru"),
        ),
        ('{"font_scale": 3, "mode": "play", "server_url": 5}', ("ru", 1.0, "training", None)),
        ('{"font_scale": true, "server_url": "  "}', ("ru", 1.0, "training", None)),
        ('{"font_scale": 0.8}', ("ru", 0.8, "training", None)),
        ('{"font_scale": NaN}', ("ru", 1.0, "training", None)),
        ("[1, 2]", ("ru", 1.0, "training", None)),
    ],
)
def test_the_first_view_settings_are_peeked_without_raising(
    tmp_path: Path, content: str | None, expected: tuple
) -> None:
    from desktop_app.settings.paths import peek_settings

    path = tmp_path / "settings.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert tuple(peek_settings(path)) == expected


# -- input typed into the first view waits for its services ------------------------------------


@pytest.mark.asyncio
async def test_a_search_and_enter_typed_before_the_services_are_in_choose_that_clinic(
    qtbot, tmp_path
) -> None:
    """At start-up the window paints before its services exist; the operator who types
    "<clinic> Enter" at once gets that clinic once they are in, nothing lost or reordered."""
    from desktop_app.ui.desk.help import ShortcutHelp
    from desktop_app.ui.platform.session import hold_input_until_attached, open_view
    from tests.qtkit import type_text

    sandbox = Sandbox()
    dialogs = RecordingDialogs()
    view = open_view(training=True, server_url=None, dialogs=dialogs, persist=False)
    session: Session | None = None
    try:
        await wait_until(lambda: view.painted, what="the view painted")
        held = hold_input_until_attached(view)
        edit = view.form.clinic_picker.edit
        edit.setFocus()
        main_clinic = sandbox.landmarks().main_clinic
        name = next(c["ferName"] for c in sandbox.clinics() if c["guid"] == main_clinic)
        type_text(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClick(edit, Qt.Key.Key_F1)  # a window key: lost if it came before the keys
        assert edit.text() == ""  # held: nothing reached the field yet
        assert held.held >= len(name) + 2
        assert view.form.clinic_picker.loading  # the list says it is loading meanwhile

        services = build_services(
            SettingsOwner(AppSettings()),
            training=True,
            server_url=None,
            log_path=tmp_path / "desk.log",
            sandbox=sandbox,
            journal_path=tmp_path / "journal.sqlite3",
            today=lambda: sandbox.now().date(),
        )
        session = Session(services, dialogs=dialogs)
        window = session.open_window(defer_training=True, view=view)
        assert window is view and window.attached
        await wait_until(lambda: edit.text() == name, what="the typed search delivered")
        await wait_until(lambda: window.clinic is not None, what="the clinic chosen by Enter")
        assert window.clinic is not None and window.clinic.guid == main_clinic
        await wait_until(
            lambda: window.findChild(ShortcutHelp, "shortcutHelp") is not None, what="F1's help"
        )
        help_box = window.findChild(ShortcutHelp, "shortcutHelp")
        assert help_box is not None
        await wait_until(lambda: help_box.isVisible(), what="the help shown")
        assert "клавиш" in help_box.windowTitle()
        qtbot.keyClick(help_box, Qt.Key.Key_Escape)
        await wait_until(lambda: not help_box.isVisible(), what="the help closed by Esc")
        assert dialogs.shown == []
    finally:
        if session is not None:
            await close_session(session)
        else:
            view.close()
            view.deleteLater()
