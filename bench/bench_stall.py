"""Longest event-loop stall while bookings run, vs the same loop idle.

The real window books N times on the in-process sandbox (journal write, request, parsing,
ticket card) while a 5 ms QTimer records the gap between its ticks. Baseline in the same run:
the same timer with the window idle for the same time. Goal: longest stall ≤ 50 ms.
Run: ``uv run python bench/bench_stall.py``.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DESKTOP_APP_HOME", tempfile.mkdtemp(prefix="bench-home-"))

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.sandbox import Sandbox
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.session import Session

BOOKINGS = int(os.environ.get("BENCH_BOOKINGS", "30"))


class GapMeter:
    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return list(self.gaps)


async def until(predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.005)


async def main() -> None:
    sandbox = Sandbox()
    services = build_services(
        SettingsOwner(AppSettings()),
        training=True,
        server_url=None,
        log_path=None,
        sandbox=sandbox,
        journal_path=Path(tempfile.mkdtemp()) / "j.db",
    )
    session = Session(services, dialogs=RecordingDialogs())
    window = session.open_window()
    await until(lambda: window.form.clinic_picker.model.rowCount() > 0)
    marks = sandbox.landmarks()
    window.form.clinic_picker.choose_key(marks.main_clinic)
    window.directory._clinic_accepted(window.form.clinic_picker.chosen)
    await until(lambda: window.form.resource_picker.model.rowCount() > 0)
    window.form.resource_picker.choose_key(marks.procedure_room)
    window.directory._resource_accepted(window.form.resource_picker.chosen)
    window.form.date_edit.setDate(window.form.date_edit.date().addDays(1))
    roster = sandbox.patients()

    meter = GapMeter()
    meter.start()
    started = time.perf_counter()
    done = 0
    for n in range(BOOKINGS):
        patient = roster[n % len(roster)]
        window.form.patient_picker.setCurrentIndex(n % len(roster))
        # The documents the patient hands over: the booking finds them (the lookup call) first.
        window.form.patient_block.fill(patient["policy"], date.fromisoformat(patient["birthDate"]))
        if n % len(roster) == 0:
            sandbox.reset()  # the roster's patients may book again
            services.booking.forget_open_attempts()  # as the training panel's reset does
        before = len(window.dialogs.shown)
        window.request_booking()
        await until(lambda: not window.booking_busy)
        done += 1 if len(window.dialogs.shown) == before else 0
    busy = meter.stop()
    elapsed = time.perf_counter() - started

    meter.start()
    await asyncio.sleep(elapsed)
    idle = meter.stop()
    window.close()
    await session.close()

    print(f"{BOOKINGS} bookings ({done} tickets, {BOOKINGS - done} refusals) in {elapsed:.2f} s")
    print(
        f"idle loop     : longest gap {max(idle) * 1000:6.1f} ms, "
        f"median {statistics.median(idle) * 1000:5.1f} ms"
    )
    print(
        f"while booking : longest gap {max(busy) * 1000:6.1f} ms, "
        f"median {statistics.median(busy) * 1000:5.1f} ms"
    )
    print(
        f"ratio longest gap booking/idle: {max(busy) / max(idle):.2f}x "
        f"(goal: longest stall <= 50 ms)"
    )


if __name__ == "__main__":
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())
