"""Start-up trims of issue 11 §9 (bench/bench_startup.py): what the first frame no longer waits
for, and that nothing it skipped went missing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

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


def test_httpx_is_imported_without_its_command_line_tool_which_stays_importable() -> None:
    done = run_python(
        """
        import sys
        from desktop_app.ui.platform.app import _import_httpx_without_cli
        _import_httpx_without_cli()
        assert "httpx" in sys.modules
        assert "httpx._main" not in sys.modules, "no ImportError stand-in left behind"
        assert "click" not in sys.modules, sorted(m for m in sys.modules if "click" in m)
        import httpx
        assert httpx.AsyncClient and httpx.MockTransport  # the library itself is all there
        try:  # a later import of the CLI module behaves as it would have (here: no rich)
            import httpx._main
        except ImportError as exc:
            assert "halted" not in str(exc), exc  # not our None stand-in
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "ok"


def test_the_first_painted_main_window_did_not_import_the_httpx_cli(tmp_path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    done = run_python(
        """
        import sys
        import desktop_app.ui.platform.app as app
        seen = {}
        resume = app._resume_gc

        def spy_resume():
            seen["click"] = "click" in sys.modules
            resume()

        app._resume_gc = spy_resume
        code = app.run(["--training", "--exit-after-first-paint"])
        assert code == 0, code
        assert seen == {"click": False}, seen
        print("ok")
        """,
        DESKTOP_APP_HOME=str(home),
        TMPDIR=str(tmp),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "ok"
