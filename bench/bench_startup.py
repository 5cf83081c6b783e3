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
from desktop_app.ui.app import run
sys.exit(run(["--training", "--exit-after-first-paint"]))
"""


def measure(code: str, runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["DESKTOP_APP_HOME"] = tempfile.mkdtemp(prefix="bench-home-")
    measure(OURS, 1, env)  # warm the file cache and create the app home once
    bare = measure(BARE, runs, env)
    ours = measure(OURS, runs, env)
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window : median {b * 1000:7.1f} ms over {runs} runs")
    print(f"desk app (training) : median {o * 1000:7.1f} ms over {runs} runs")
    print(f"ratio ours/bare     : {o / b:.2f}x  (goal <= 1.5x)")


if __name__ == "__main__":
    main()
