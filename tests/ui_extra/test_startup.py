"""Start-up never loops: the real app, started in a subprocess, on a journal it cannot open.

Each case gets its own ``DESKTOP_APP_HOME`` and ``TMPDIR`` (so its own single-instance socket),
the offscreen platform, ``--exit-after-first-paint`` and the ``DESKTOP_APP_ECHO_DIALOGS`` seam:
every dialog is printed to stdout (and logged) and accepted at once instead of waiting for a
click. The test then reads what the operator would have seen, the exit code and the log.

"Read-only folder" must fail for root too (root ignores permission bits), so the data folder
is made impossible instead: a *file* stands where the folder should be, or the journal's own
path is a folder.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.ui.platform.app import ECHO_DIALOGS_ENV, EXIT_CANNOT_START

ROOT = Path(__file__).resolve().parents[2]
#: Generous for a slow CI machine; a locked journal waits ~5 s for SQLite's busy timeout.
START_TIMEOUT = 45.0
JOURNAL = "training-journal.sqlite3"
SHOWN = "start-up: the main window is shown"


@dataclass
class Started:
    code: int
    stdout: str
    log: list[str]

    def dialogs(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.startswith("DIALOG ")]

    def log_lines_with(self, text: str) -> list[str]:
        return [line for line in self.log if text in line]


def start_app(home: Path, tmp: Path, *args: str) -> Started:
    env = {k: v for k, v in os.environ.items() if k != "DESKTOP_APP_TOKEN"}
    env.update(
        {
            "DESKTOP_APP_HOME": str(home),
            "TMPDIR": str(tmp),
            "QT_QPA_PLATFORM": "offscreen",
            ECHO_DIALOGS_ENV: "1",
            "PYTHONIOENCODING": "utf-8",
        }
    )
    tmp.mkdir(parents=True, exist_ok=True)
    code = (
        "import sys\n"
        "from desktop_app.ui.platform.app import run\n"
        f"sys.exit(run({[*args, '--exit-after-first-paint']!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=START_TIMEOUT,
    )
    log_file = home / "logs" / "desk-app.log"
    log = log_file.read_text(encoding="utf-8").splitlines() if log_file.exists() else []
    return Started(done.returncode, done.stdout.decode("utf-8", "replace"), log)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def locked_journal(home: Path) -> Iterator[Path]:
    """The training journal, held by another connection inside ``BEGIN EXCLUSIVE``."""
    path = home / "data" / JOURNAL
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE held (x)")
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield path
    finally:
        other.close()


def assert_bounded(started: Started) -> None:
    """No loop: a short log, and at most one ERROR line per failure."""
    assert len(started.log) < 40, "\n".join(started.log[-20:])
    assert len(started.log_lines_with(" ERROR ")) <= 2, started.log


def test_a_corrupt_journal_is_set_aside_and_the_window_opens_with_a_notice(
    home: Path, tmp_path: Path
) -> None:
    journal = home / "data" / JOURNAL
    journal.parent.mkdir(parents=True)
    journal.write_bytes(os.urandom(64 * 1024))

    started = start_app(home, tmp_path / "tmp", "--training")

    assert started.code == 0, started.stdout + "\n".join(started.log)
    assert started.log_lines_with(SHOWN), started.log
    [notice] = started.dialogs()
    assert "Журнал смены был повреждён" in notice and ".broken-" in notice
    broken = list(journal.parent.glob(f"{JOURNAL}.broken-*"))
    assert len(broken) == 1 and broken[0].stat().st_size == 64 * 1024
    assert journal.exists()  # a new journal was started
    assert len(started.log_lines_with(JOURNAL)) <= 4, started.log
    assert started.log_lines_with(" ERROR ") == []
    assert_bounded(started)


def test_a_locked_journal_is_one_dialog_and_a_non_zero_exit(
    home: Path, tmp_path: Path, locked_journal: Path
) -> None:
    started = start_app(home, tmp_path / "tmp", "--training")

    assert started.code == EXIT_CANNOT_START, started.stdout
    assert not started.log_lines_with(SHOWN)
    [dialog] = started.dialogs()
    assert str(locked_journal) in dialog
    assert "занят другой программой" in dialog
    assert "закройте другую копию программы" in started.stdout.lower()
    assert len(started.log_lines_with(str(locked_journal))) <= 2, started.log
    assert len(started.log_lines_with(" ERROR ")) == 1
    assert list(locked_journal.parent.glob("*.broken-*")) == []
    assert_bounded(started)


@pytest.mark.parametrize("blocked", ["data folder is a file", "journal path is a folder"])
def test_no_access_to_the_data_folder_is_one_dialog_and_a_non_zero_exit(
    home: Path, tmp_path: Path, blocked: str
) -> None:
    data = home / "data"
    if blocked == "data folder is a file":
        data.write_text("a file where the data folder should be", encoding="utf-8")
    else:
        (data / JOURNAL).mkdir(parents=True)

    started = start_app(home, tmp_path / "tmp", "--training")

    assert started.code == EXIT_CANNOT_START, started.stdout
    assert not started.log_lines_with(SHOWN)
    [dialog] = started.dialogs()
    assert str(data / JOURNAL) in dialog
    assert "обратитесь к администратору: нет прав на запись в папку" in dialog.lower()
    assert str(data) in dialog
    assert len(started.log_lines_with(" ERROR ")) == 1
    assert_bounded(started)


def test_work_mode_that_cannot_start_falls_back_to_training_once(
    home: Path, tmp_path: Path
) -> None:
    started = start_app(home, tmp_path / "tmp", "--server-url", "http://mis.example.ru/api")

    assert started.code == 0, started.stdout
    assert started.log_lines_with(SHOWN)
    [dialog] = started.dialogs()
    assert "Рабочий режим не запущен" in dialog and "учебном режиме" in dialog
    assert len(started.log_lines_with("work mode could not start")) == 1
    assert_bounded(started)


def test_work_mode_fallback_whose_training_also_fails_exits(
    home: Path, tmp_path: Path, locked_journal: Path
) -> None:
    started = start_app(home, tmp_path / "tmp", "--server-url", "http://mis.example.ru/api")

    assert started.code == EXIT_CANNOT_START, started.stdout
    assert not started.log_lines_with(SHOWN)
    [dialog] = started.dialogs()
    assert "занят другой программой" in dialog
    assert len(started.log_lines_with("work mode could not start")) == 1
    assert len(started.log_lines_with(" ERROR ")) == 2  # one per failure, no retry
    assert_bounded(started)


def test_the_settings_files_notice_is_in_the_language_the_file_chooses(
    home: Path, tmp_path: Path
) -> None:
    """The notice is written while the settings (and so the language) are read, before any
    translator exists; the English desk still reads it in English."""
    config = home / "config"
    config.mkdir()
    (config / "settings.json").write_text(
        json.dumps({"language": "en", "server_token": "eyJabc.def.ghi"}), encoding="utf-8"
    )

    started = start_app(home, tmp_path / "tmp", "--training")

    assert started.code == 0, started.stdout
    dialogs = started.dialogs()
    assert len(dialogs) == 1, dialogs
    assert dialogs[0].startswith("DIALOG [warning] Settings: A token or password was found")
    assert "eyJabc" not in started.stdout and "eyJabc" not in "\n".join(started.log)
    saved = json.loads((config / "settings.json").read_text(encoding="utf-8"))
    assert "server_token" not in saved and saved["language"] == "en"
