"""Start-up to the first painted window: our app (training mode) against two baselines.

Every figure is a fresh process that quits right after its window received its first paint
event, so the interpreter, imports, settings, the sandbox and the first layout are all inside
the measurement (wall clock from ``subprocess`` start to exit, median over the runs):

* **bare** — a bare PySide6 window (``QLabel``): what any PySide6 program pays;
* **floor** — the same bare window after importing what the app cannot start without: httpx,
  pydantic, qasync, truststore and our wire models (``desktop_app.api.models``). What is left
  above the floor is ours;
* **main window** — our main window painted (``--exit-after-first-paint``, training mode). It
  is also the app's first paint: the window paints before the libraries of the floor are
  imported (``desktop_app/ui/platform/app.py``), so no splash precedes it. The process goes on
  to attach the services and exits once the window works: "to the process exit" below.

Goals (issue 11 §9): main window ≤ 2.5× bare; first paint ≤ 1.3× the floor.

    uv run python bench/bench_startup.py            # BENCH_RUNS=7 by default
    BENCH_RUNS=11 uv run python bench/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

_WINDOW = r"""
import time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("hello"); w.resize(1280, 760)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"painted window {time.perf_counter():.6f}", flush=True)
            app.quit()
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""

BARE = _WINDOW

#: The libraries first, qasync (which imports PySide6) last, so PySide's import hook reads none
#: of their sources: the least any start-up that needs them can cost.
FLOOR = (
    "import httpx, pydantic, truststore\nimport desktop_app.api.models\nimport qasync\n" + _WINDOW
)

OURS = r"""
import sys
from desktop_app.ui.platform.app import run
sys.exit(run(["--training", "--exit-after-first-paint", "--report-paint-times"]))
"""

#: Goals of issue 11 §9.
MAIN_OVER_BARE_GOAL = 2.5
FIRST_PAINT_OVER_FLOOR_GOAL = 1.3


@dataclass
class Run:
    painted: float  # seconds from the process start to the first paint of the measured window
    exited: float  # ... to the process exit (what this bench reported before: all of it)


def measure_once(code: str, env: dict[str, str], what: str) -> Run:
    """One fresh process. ``time.perf_counter`` is the system's monotonic clock on Linux,
    Windows and macOS, so the child's "painted <what> <t>" line compares with our clock."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    exited = time.perf_counter() - start
    stamps = [
        float(line.split()[2])
        for line in done.stdout.splitlines()
        if line.startswith(f"painted {what} ")
    ]
    if not stamps:
        raise SystemExit(f"no 'painted {what}' line from the child:\n{done.stdout}")
    return Run(stamps[0] - start, exited)


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["DESKTOP_APP_HOME"] = tempfile.mkdtemp(prefix="bench-home-")
    # A shipped build carries compiled bytecode; let the warm-up run write it (some machines set
    # PYTHONDONTWRITEBYTECODE, which would make every run compile ~1200 modules from source).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cases = {
        "bare": (BARE, "window"),
        "floor": (FLOOR, "window"),
        "ours": (OURS, "main-window"),
    }
    for code, what in cases.values():  # warm the file cache, write .pyc, create the app home
        measure_once(code, env, what)
    results: dict[str, list[Run]] = {name: [] for name in cases}
    for _ in range(runs):  # interleaved, so a burst of load on the machine hits every case
        for name, (code, what) in cases.items():
            results[name].append(measure_once(code, env, what))

    def median(name: str, exited: bool = False) -> float:
        return statistics.median(r.exited if exited else r.painted for r in results[name])

    b, f, o = (median(name) for name in ("bare", "floor", "ours"))

    def ms(value: float) -> str:
        return f"{value * 1000:7.1f} ms"

    print(
        f"time to the first paint, median of {runs} runs (QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']})"
    )
    print(f"bare PySide6 window                     : {ms(b)}")
    print(f"floor: bare + httpx, pydantic, qasync,  : {ms(f)}  {f / b:.2f}x bare")
    print("       truststore, desktop_app.api.models")
    print(
        f"desk app, main window painted           : {ms(o)}  {o / b:.2f}x bare, {o / f:.2f}x floor"
    )
    print("       (the app's first paint: nothing paints before it)")
    print(f"main window minus the floor             : {ms(o - f)}")
    eb, eo = median("bare", exited=True), median("ours", exited=True)
    print(f"to the process exit: bare {ms(eb)}, main window {ms(eo)} ({eo / eb:.2f}x)")
    print(
        f"goals: main window <= {MAIN_OVER_BARE_GOAL}x bare "
        f"({'met' if o / b <= MAIN_OVER_BARE_GOAL else 'NOT met'}); "
        f"first paint <= {FIRST_PAINT_OVER_FLOOR_GOAL}x floor "
        f"({'met' if o / f <= FIRST_PAINT_OVER_FLOOR_GOAL else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
