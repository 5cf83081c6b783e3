"""The desk printing through a REAL CUPS queue: accepting, rejecting, stopped, 58 mm paper.

``tools/setup_cups_pdf.sh`` creates ``PDF58``, a cups-pdf queue whose PPD offers only 58 mm roll
paper; without it (or without CUPS) every test here is skipped with the reason. The queue is
this module's own (the shared ``PDF`` queue is never stopped or rejected), and every test that
stops or rejects it restores it in a ``finally``. What is asserted is what the operator sees
(the status line, the message), the journal's count, and the jobs and files CUPS produced.

Our jobs are found by their CUPS job id (``lpstat -W completed``), which cups-pdf puts into the
file name (``…-job_<id>.pdf``): the ticket numbers of the sandbox repeat between runs.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from desktop_app.ui.platform.dialogs import Severity
from desktop_app.ui.printing.slip_printer import available_printers
from tests.printing.test_cups_queue import (
    JOB_DEADLINE_S,
    MM_TO_PT,
    POLL_S,
    _output_dirs,
    _page_sizes_pt,
    _queue_missing_reason,
    _run,
)
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    Desk,
    choose_main_therapist,
    choose_patient,
    ctrl_enter,
    open_desk,
)

QUEUE = "PDF58"

pytestmark = pytest.mark.asyncio


def _admin(*args: str) -> subprocess.CompletedProcess[str]:
    command = list(args) if os.geteuid() == 0 else ["sudo", "-n", *args]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=15,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )


@pytest.fixture
def queue58(qapp) -> str:
    reason = _queue_missing_reason()
    if reason is None and _run("lpstat", "-p", QUEUE).returncode != 0:
        reason = f"no CUPS queue {QUEUE!r}; run tools/setup_cups_pdf.sh"
    if reason is None and QUEUE not in available_printers():
        reason = f"Qt does not list the CUPS queue {QUEUE!r}"
    if reason is not None:
        pytest.skip(reason)
    return QUEUE


def _job_ids(which: str = "all") -> set[int]:
    out = _run("lpstat", "-W", which, "-o", QUEUE).stdout
    return {int(m) for m in re.findall(rf"^{QUEUE}-(\d+)\s", out, re.MULTILINE)}


def _wait_for_new_pdf(before: set[int]) -> Path:
    """The PDF of the one job submitted to the queue since ``before``, once it is complete."""
    dirs = _output_dirs()
    deadline = time.monotonic() + JOB_DEADLINE_S
    while True:
        new = _job_ids("completed") - before
        if new:
            assert len(new) == 1, f"one print, several jobs: {sorted(new)}"
            job = new.pop()
            files = [p for d in dirs if d.is_dir() for p in d.glob(f"*job_{job}.pdf")]
            if files and files[0].stat().st_size > 0:
                return files[0]
        if time.monotonic() > deadline:
            pytest.fail(
                f"no completed job/PDF on {QUEUE} after {JOB_DEADLINE_S:.0f} s: "
                f"{_run('lpstat', '-W', 'all', '-o', QUEUE).stdout}"
            )
        time.sleep(POLL_S)


async def _booked(qtbot, desk: Desk, **settings: object) -> str:
    desk.window.services.settings.update(printer_name=QUEUE, **settings)
    await choose_main_therapist(qtbot, desk)
    desk.form.date_edit.setFocus()
    qtbot.keyClick(desk.form.date_edit, Qt.Key.Key_Plus)
    choose_patient(qtbot, desk, "adult")
    ctrl_enter(qtbot, desk.form.patient_picker)
    await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket")
    return desk.window.ticket_view.number.text()


def _count(desk: Desk) -> int:
    return desk.session.journal.get(desk.window.last_attempt_id).print_count


async def _ctrl_p(qtbot, desk: Desk) -> None:
    qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    await wait_until(
        lambda: (
            not desk.window.slips.printing
            and (desk.dialogs.shown or "напечатан" in desk.window.status_text.text().lower())
        ),
        timeout=20,
        what="the print to end",
    )


async def test_accepting_queue_prints_counts_and_lays_out_for_its_58mm_paper(
    qtbot, tmp_path, queue58
) -> None:
    async with open_desk(tmp_path) as desk:
        number = await _booked(qtbot, desk)  # slip_layout "auto", the default
        before = _job_ids()
        await _ctrl_p(qtbot, desk)
        assert desk.dialogs.shown == []
        assert desk.window.status_text.text() == f"Талон № {number} напечатан."
        assert _count(desk) == 1
        pdf = _wait_for_new_pdf(before)
        try:
            [(width, _height)] = _page_sizes_pt(pdf)
            assert width == pytest.approx(58 * MM_TO_PT, abs=2), "auto: 58 mm from the queue"
        finally:
            pdf.unlink(missing_ok=True)


async def test_rejecting_queue_says_so_counts_nothing_and_makes_no_job(
    qtbot, tmp_path, queue58
) -> None:
    async with open_desk(tmp_path) as desk:
        number = await _booked(qtbot, desk)
        before = _job_ids()
        done = _admin("cupsreject", "-r", "test: jobs refused", QUEUE)
        if done.returncode != 0:
            pytest.skip(f"cannot cupsreject {QUEUE}: {done.stderr.strip()}")
        try:
            await _ctrl_p(qtbot, desk)
        finally:
            _admin("cupsaccept", QUEUE)
        message = desk.dialogs.shown[-1]
        assert message.severity is Severity.ERROR and message.title == "Талон не напечатан"
        assert f"«{QUEUE}» сейчас не принимает задания" in message.text
        assert "test: jobs refused" in message.text
        assert desk.window.status_text.text() == "Талон не напечатан и не засчитан."
        assert _count(desk) == 0
        assert _job_ids() == before  # no job, so no file either
        assert desk.window.ticket_view.number.text() == number


async def test_stopped_queue_says_so_counts_nothing_and_queues_no_job(
    qtbot, tmp_path, queue58
) -> None:
    async with open_desk(tmp_path) as desk:
        await _booked(qtbot, desk)
        before = _job_ids()
        done = _admin("cupsdisable", "-r", "test: paused", QUEUE)
        if done.returncode != 0:
            pytest.skip(f"cannot cupsdisable {QUEUE}: {done.stderr.strip()}")
        try:
            await _ctrl_p(qtbot, desk)
            pending = _run("lpstat", "-o", QUEUE).stdout.strip()
        finally:
            _admin("cupsenable", QUEUE)
        message = desk.dialogs.shown[-1]
        assert message.title == "Талон не напечатан"
        assert f"«{QUEUE}»" in message.text and "остановлен" in message.text
        assert "test: paused" in message.text
        assert _count(desk) == 0
        assert pending == "" and _job_ids() == before


async def test_fixed_80mm_layout_on_the_58mm_queue_warns_and_prints_nothing(
    qtbot, tmp_path, queue58
) -> None:
    async with open_desk(tmp_path) as desk:
        await _booked(qtbot, desk, slip_layout="roll80")
        before = _job_ids()
        await _ctrl_p(qtbot, desk)
        message = desk.dialogs.shown[-1]
        assert message.severity is Severity.WARNING
        assert "80 мм" in message.text and f"«{QUEUE}»" in message.text
        assert "58 мм" in message.text
        assert _count(desk) == 0 and _job_ids() == before


async def test_print_dialog_on_the_real_queue_produces_a_job(qtbot, tmp_path, queue58) -> None:
    async with open_desk(tmp_path) as desk:
        number = await _booked(qtbot, desk)
        before = _job_ids()
        qtbot.keyClick(
            desk.form.patient_picker,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )

        def dialog() -> QPrintDialog | None:
            found = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QPrintDialog) and w.isVisible()
            ]
            return found[0] if found else None

        await wait_until(lambda: dialog() is not None, what="print dialog")
        assert dialog().findChild(QComboBox, "printers").currentText() == QUEUE
        ok = dialog().findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: not desk.window.slips.printing and _count(desk) == 1,
            timeout=20,
            what="printed from the dialog",
        )
        assert desk.window.status_text.text() == f"Талон № {number} напечатан."
        _wait_for_new_pdf(before).unlink(missing_ok=True)
