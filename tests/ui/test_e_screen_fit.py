"""Issue 11 §3: the window fits every screen and scale, and nothing jumps.

The real screens are simulated: a subprocess runs the window on Qt's offscreen platform with a
screen of the given size (its ``configfile``) and ``QT_SCALE_FACTOR`` (or the app's font scale),
and reports where the window and its controls ended up. In-process tests replace
``geometry.screen_areas`` for the legacy path (a fixed size given before the show).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

from desktop_app.sandbox import MSK, Sandbox
from desktop_app.ui.platform import geometry
from desktop_app.ui.platform.geometry import (
    MAXIMIZE_BELOW,
    first_start_geometry,
    place_first_start,
    starts_maximized,
)
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    choose_main_therapist,
    choose_patient,
    ctrl_enter,
    open_desk,
)

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import asyncio, json, sys
from pathlib import Path

import qasync
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

font_scale = float(sys.argv[2])
app = QApplication([])
app.setQuitOnLastWindowClosed(False)
if font_scale != 1.0:
    font = QFont(app.font())
    font.setPointSizeF(11.0 * font_scale)
    app.setFont(font)

from desktop_app.sandbox import Sandbox
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.geometry import place_first_start
from desktop_app.ui.platform.session import Session

out = Path(sys.argv[1])


def rect_in_window(widget, window):
    top_left = widget.mapTo(window, QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


async def main():
    sandbox = Sandbox()
    services = build_services(
        SettingsOwner(AppSettings()), training=True, server_url=None, log_path=None,
        sandbox=sandbox, journal_path=out.with_suffix(".sqlite3"),
        today=lambda: sandbox.now().date(),
    )
    session = Session(services, dialogs=RecordingDialogs())
    window = session.open_window()
    # What a first start does (no saved geometry); Session.open_window is to call it in place
    # of its fixed size (until then the window's show fits that size to the screen).
    place_first_start(window)
    for _ in range(200):
        if window.form.clinic_picker.model.rowCount() and session.training_panel is not None:
            break
        await asyncio.sleep(0.01)
    for _ in range(5):
        await asyncio.sleep(0.02)
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    report = {
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "window": [0, 0, window.width(), window.height()],
        "maximized": window.isMaximized(),
        "panel": session.training_panel is not None and session.training_panel.isVisible(),
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "book": rect_in_window(window.form.book_button, window),
        "book_visible": window.form.book_button.isVisible(),
        "clinic": rect_in_window(window.form.clinic_picker.edit, window),
        "buttons": {
            b.objectName(): rect_in_window(b, window)
            for b in window.print_row.findChildren(QPushButton)
        },
        "button_hints": {
            b.objectName(): b.sizeHint().width()
            for b in window.print_row.findChildren(QPushButton)
        },
        # Shown word-wrapped labels lower than their text needs (a line cut off).
        "clipped": [
            [label.objectName() or label.text()[:40], label.height(),
             label.heightForWidth(label.width())]
            for label in window.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.hasHeightForWidth()
            and label.height() < label.heightForWidth(label.width())
        ],
    }
    out.write_text(json.dumps(report), encoding="utf-8")
    window.close()
    await session.close()


loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
with loop:
    loop.run_until_complete(main())
"""


def probe(tmp_path: Path, width: int, height: int, scale: float, font_scale: float) -> dict:
    """Open the training window on a ``width``×``height`` screen (less a 40 px task bar) at
    ``scale``; return where things are, in logical pixels of the window."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "desk",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height - 40,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    out = tmp_path / "report.json"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=str(scale),
        DESKTOP_APP_HOME=str(tmp_path / "home"),
        TMPDIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, str(script), str(out), str(font_scale)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def inside(inner: list[int], outer: list[int]) -> bool:
    """``inner`` within ``outer``, give or take the pixel a fractional scale rounds off."""
    return QRect(*outer).adjusted(-1, -1, 1, 1).contains(QRect(*inner))


@pytest.mark.parametrize(
    ("width", "height", "scale", "font_scale"),
    [
        (1366, 768, 1.5, 1.0),  # ≈ 910×485 logical: the smallest case of the issue
        (1366, 768, 1.25, 1.0),
        (1920, 1080, 1.5, 1.0),
        (1366, 768, 1.0, 1.5),  # the app's own font scale at 150 %
    ],
)
def test_the_first_window_fits_the_screen_with_every_control_in_it(
    tmp_path, width, height, scale, font_scale
) -> None:
    report = probe(tmp_path, width, height, scale, font_scale)
    assert report["panel"], report  # with the training panel docked: the narrowest case
    assert inside(report["frame"], report["screen"]), report
    assert report["book_visible"]
    assert inside(report["book"], report["window"]), report
    assert inside(report["clinic"], report["window"]), report
    for name, rect in report["buttons"].items():
        assert inside(rect, report["window"]), (name, report)
        # Not squeezed: each print button has at least the width its text needs.
        assert rect[2] >= report["button_hints"][name], (name, report)
    # The window's minimum fits the screen, so the layout could never be forced larger.
    screen = report["screen"]
    assert report["minimum"][0] <= screen[2] and report["minimum"][1] <= screen[3], report
    # Reflowed, not clipped: every wrapped text in the window has the height its lines need.
    assert report["clipped"] == [], report["clipped"]


def test_first_start_geometry_is_a_share_of_the_screen_capped_and_centred() -> None:
    big = QRect(0, 0, 2560, 1400)
    rect = first_start_geometry(big)
    assert rect.size() == QSize(1600, 1000)  # capped
    assert rect.center().x() in (big.center().x(), big.center().x() + 1)
    hd = QRect(0, 0, 1920, 1040)
    assert first_start_geometry(hd).size() == QSize(1600, 936)
    assert not starts_maximized(hd)
    # 1366×768 at 150 % (910×485 logical) and 1920×1080 at 150 % start maximized.
    assert starts_maximized(QRect(0, 0, 910, 485))
    assert starts_maximized(QRect(0, 0, 1280, 693))
    assert MAXIMIZE_BELOW.width() > 910


def test_place_first_start_on_a_small_screen_maximizes_within_it(qtbot, monkeypatch) -> None:
    small = QRect(0, 0, 910, 485)
    monkeypatch.setattr(geometry, "screen_areas", lambda: [small])
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setMinimumSize(720, 420)
    rect = place_first_start(widget)
    assert small.contains(rect)
    assert widget.isMaximized() or widget.windowState() & widget.windowState().WindowMaximized
    big = QRect(0, 0, 1920, 1040)
    monkeypatch.setattr(geometry, "screen_areas", lambda: [big])
    other = QWidget()
    qtbot.addWidget(other)
    rect = place_first_start(other)
    assert rect == first_start_geometry(big) and not other.isMaximized()


@pytest.mark.asyncio
async def test_a_window_sized_too_large_is_fitted_to_its_screen_on_show(
    qtbot, tmp_path, monkeypatch
) -> None:
    """The legacy first size (1366×768 logical) on a 910×485 screen: fitted at the show."""
    small = QRect(0, 0, 910, 485)
    monkeypatch.setattr(geometry, "screen_areas", lambda: [small])
    async with open_desk(tmp_path) as desk:
        window = desk.window
        # The first start on so small a screen opens maximized; a window brought back to the
        # legacy size (an old saved geometry) is fitted to the screen.
        assert window.isMaximized() or small.contains(window.frameGeometry())
        window.showNormal()
        window.resize(1366, 768)
        geometry.fit_to_screen(window)
        frame = window.frameGeometry()
        assert frame.width() <= small.width() and frame.height() <= small.height(), frame
        book = desk.form.book_button
        where = QRect(book.mapTo(window, QPoint(0, 0)), book.size())
        assert window.rect().contains(where)


@pytest.mark.asyncio
async def test_the_splitter_and_the_form_do_not_move(qtbot, tmp_path) -> None:
    # The sandbox's morning: therapist 1 works 08:00-14:00, so after 14:00 (Moscow) a booking
    # for today is a 4009 and no ticket would appear; the test must not depend on the hour.
    morning = datetime.combine(datetime.now(MSK).date(), time(9), MSK)
    async with open_desk(tmp_path, sandbox=Sandbox(clock=lambda: morning)) as desk:
        window, form = desk.window, desk.form
        splitter = window.splitter
        sizes = splitter.sizes()

        fields = form.fields_scroll.widget()

        def anchors() -> list[QPoint]:
            """Where the fields are in the form (which may scroll) and the button in the window."""
            inner = [
                w.mapTo(fields, QPoint(0, 0)) for w in (form.clinic_picker.edit, form.date_edit)
            ]
            return [*inner, form.book_button.mapTo(window, QPoint(0, 0))]

        # The patient note's length never moves the form (it keeps its height).
        before = anchors()
        heights = set()
        for index in range(form.patient_picker.count()):
            choose_patient(qtbot, desk, form.patient_picker.itemData(index)["id"])
            heights.add(form.patient_note.height())
            assert anchors() == before
            assert form.patient_note.toolTip() == form.patient_note.text()
        assert len(heights) == 1
        # A ticket appearing does not move the splitter.
        await choose_main_therapist(qtbot, desk)
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, form.patient_picker)
        await wait_until(lambda: window.ticket_view.card.isVisible(), what="ticket")
        assert splitter.sizes() == sizes


@pytest.mark.asyncio
async def test_the_lookup_answer_is_scrolled_into_view_on_a_small_screen(qtbot, tmp_path) -> None:
    """At 125-150 % (here: a small window) the form scrolls; the patient's found line, under
    the birth date, must not be left below the fold where the operator cannot see it."""
    from PySide6.QtCore import Qt

    from tests.qtkit import type_text

    async with open_desk(tmp_path) as desk:
        window, form = desk.window, desk.form
        block = form.patient_block
        window.resize(1100, 520)
        await wait_until(
            lambda: form.fields_scroll.verticalScrollBar().maximum() > 0, what="scroll"
        )
        bar = form.fields_scroll.verticalScrollBar()
        viewport = form.fields_scroll.viewport()

        def result_in_view() -> bool:
            top = block.result_label.mapTo(viewport, QPoint(0, 0)).y()
            return top >= 0 and top + block.result_label.height() <= viewport.height()

        await choose_main_therapist(qtbot, desk)
        block.policy_edit.setFocus()
        bar.setValue(0)  # the operator is at the top of the form
        assert not result_in_view()
        type_text(block.policy_edit, "0000202600000001")
        qtbot.keyClick(block.policy_edit, Qt.Key.Key_Tab)
        type_text(block.birth_edit, "12041985")
        bar.setValue(0)
        qtbot.keyClick(block.birth_edit, Qt.Key.Key_Return)
        await wait_until(lambda: block.identity is not None, timeout=10, what="identified")
        await wait_until(result_in_view, what="the found line in view")
        assert block.result_label.text().startswith("✔ Лебедев А. П.")


def _clipped_labels(root: QWidget) -> list[str]:
    """Shown word-wrapped labels under ``root`` that are lower than their text needs."""
    from PySide6.QtWidgets import QLabel

    return [
        f"{label.objectName() or label.text()[:30]!r}: {label.height()} < "
        f"{label.heightForWidth(label.width())}"
        for label in root.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.hasHeightForWidth()
        and label.height() < label.heightForWidth(label.width())
    ]


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [QSize(820, 520), QSize(1000, 560)])
async def test_the_found_line_gets_the_height_its_wrapped_lines_need(qtbot, tmp_path, size) -> None:
    """A narrow field column (125-150 % with the training panel) wraps the found patient's
    line onto two or three lines; the form grows (and scrolls) for them instead of clipping
    the last one. The clinic step used to take its list's preferred height out of the
    date-and-patient step."""
    from PySide6.QtCore import Qt

    from tests.qtkit import type_text

    async with open_desk(tmp_path) as desk:
        window, form = desk.window, desk.form
        block = form.patient_block
        window.resize(size)
        await choose_main_therapist(qtbot, desk)
        block.policy_edit.setFocus()
        type_text(block.policy_edit, "0000202600000001")
        qtbot.keyClick(block.policy_edit, Qt.Key.Key_Tab)
        type_text(block.birth_edit, "12041985")
        qtbot.keyClick(block.birth_edit, Qt.Key.Key_Return)
        await wait_until(lambda: block.identity is not None, timeout=10, what="identified")
        label = block.result_label
        lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
        assert lines >= 2, "the column is meant to be narrow enough to wrap the line"
        await wait_until(
            lambda: not _clipped_labels(form.fields_scroll.widget()),
            what=f"no clipped label: {_clipped_labels(form.fields_scroll.widget())}",
        )
        assert label.text().startswith("✔ Лебедев А. П.")
        # The whole line can be scrolled to: the fields are as high as their layout needs.
        fields = form.fields_scroll.widget()
        assert label.mapTo(fields, QPoint(0, label.height())).y() <= fields.height()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("size", "font_scale"),
    [
        (QSize(1093, 574), 1.0),  # 1366×768 at 125 %, less the task bar
        (QSize(910, 485), 1.0),  # 1366×768 at 150 %
        (QSize(1366, 728), 1.5),  # the app's own font scale at 150 %
    ],
)
async def test_after_a_booking_no_wrapped_text_in_the_window_is_cut_off(
    qtbot, tmp_path, size, font_scale
) -> None:
    """The booked state — ticket card, found patient, status — at the issue's scales: every
    word-wrapped text in the window (form, ticket card, training panel) has the height its
    lines need, so reflowing never cuts off a line."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QFont(app.font())
    font = QFont(original)
    font.setPointSizeF(11.0 * font_scale)
    app.setFont(font)
    morning = datetime.combine(datetime.now(MSK).date(), time(9), MSK)
    try:
        async with open_desk(tmp_path, sandbox=Sandbox(clock=lambda: morning)) as desk:
            window, form = desk.window, desk.form
            window.resize(size)
            await choose_main_therapist(qtbot, desk)
            choose_patient(qtbot, desk, "adult")
            ctrl_enter(qtbot, form.patient_picker)
            await wait_until(lambda: window.ticket_view.card.isVisible(), what="ticket")
            await wait_until(
                lambda: not _clipped_labels(window),
                what=f"no clipped label: {_clipped_labels(window)}",
            )
    finally:
        app.setFont(original)
