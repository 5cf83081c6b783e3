"""Start-up to the first painted window: our app (training mode) vs a bare PySide6 window.

Both run as fresh processes, each quitting right after its window received its first paint
event, so imports, settings, the sandbox and the first layout are all inside the measurement.
Prints medians and the ratio (goal: ≤ 1.5×). Run: ``uv run python bench/bench_startup.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("hello"); w.resize(1280, 760)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            app.quit()
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""

OURS = r"""
import sys
from desktop_app.ui.platform.app import run
sys.exit(run(["--training", "--exit-after-first-paint"]))
"""

SPLASH = r"""
import sys
from desktop_app.ui.platform.app import run
sys.exit(run(["--training", "--exit-after-splash"]))
"""


def measure(code: str, runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["DESKTOP_APP_HOME"] = tempfile.mkdtemp(prefix="bench-home-")
    # A shipped build carries compiled bytecode; let the warm-up run write it (some machines set
    # PYTHONDONTWRITEBYTECODE, which would make every run compile ~1200 modules from source).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    measure(OURS, 1, env)  # warm the file cache, write .pyc files, create the app home once
    bare = measure(BARE, runs, env)
    splash = measure(SPLASH, runs, env)
    ours = measure(OURS, runs, env)
    b, s, o = statistics.median(bare), statistics.median(splash), statistics.median(ours)
    print(f"bare PySide6 window            : median {b * 1000:7.1f} ms over {runs} runs")
    print(f"desk app, first paint (splash) : median {s * 1000:7.1f} ms  ratio {s / b:.2f}x")
    print(f"desk app, main window painted  : median {o * 1000:7.1f} ms  ratio {o / b:.2f}x")
    print("goal: first painted window <= 1.5x the bare window")


if __name__ == "__main__":
    main()
