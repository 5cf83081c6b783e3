"""Contrast and focus (issue 11 §8): every text ≥ 4.5:1, a visible 2 px focus frame.

The contrast is computed (WCAG 2.x relative luminance) from the palette the real window is
drawn with — the application's, as ``Session.open_window`` (and ``app.py``) set it — for every
text role on its background in the active and inactive groups (disabled controls are exempt),
plus the colours the window sets itself: the training banner and tint, the ticket card, the
clinic status. The focus frame is checked on screen: Tab through the real window and the
pixels around the focused control are the frame's colour, two pixels deep.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLineEdit, QWidget

from desktop_app.ui.desk import status, ticket_view
from desktop_app.ui.platform.palette import (
    FOCUS_FRAME_COLOUR,
    FOCUS_FRAME_WIDTH,
    MIN_CONTRAST,
    TEXT_ROLES,
    TRAINING_BANNER_BACKGROUND,
    TRAINING_BANNER_TEXT,
    TRAINING_WINDOW_BACKGROUND,
    FocusRing,
    contrast_ratio,
    desk_palette,
    effective_colour,
    focus_ring,
)
from tests.ui.asyncwait import wait_until
from tests.ui.desk import open_desk

GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def the_ring() -> FocusRing:
    ring = focus_ring()
    assert ring is not None, "no focus ring yet"
    return ring


def ring_shown() -> bool:
    ring = focus_ring()
    return ring is not None and ring.isVisible()


def low_contrast(palette: QPalette) -> list[str]:
    bad = []
    for group in GROUPS:
        for text, background in TEXT_ROLES:
            fg, bg = palette.color(group, text), palette.color(group, background)
            ratio = contrast_ratio(fg, bg)
            if ratio < MIN_CONTRAST:
                bad.append(f"{group.name} {text.name} {fg.name()} on {background.name} {bg.name()}")
    return bad


def test_wcag_formula_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    # Qt's Fusion defaults, the figures of the issue: placeholder and selected rows.
    half_black = QColor(0, 0, 0, 128)
    assert effective_colour(half_black, "#ffffff").name() == "#7f7f7f"
    assert contrast_ratio(half_black, "#ffffff") == pytest.approx(4.0, abs=0.05)
    assert contrast_ratio("#ffffff", "#308cc6") == pytest.approx(3.7, abs=0.1)


def test_the_desk_palette_gives_every_text_enough_contrast(qapp) -> None:
    assert low_contrast(desk_palette()) == []


@pytest.mark.asyncio
@pytest.mark.parametrize("training", [True, False])
async def test_the_window_is_drawn_with_enough_contrast(qtbot, tmp_path, training) -> None:
    from desktop_app.api import RegistryClient

    client = None if training else RegistryClient("http://127.0.0.1:9")
    async with open_desk(
        tmp_path, training=training, client=client, wait_for_clinics=training
    ) as desk:
        window = desk.window
        assert low_contrast(QApplication.palette()) == []
        # What the widgets themselves are drawn with (no widget overrides the palette).
        edit = desk.form.clinic_picker.edit
        assert low_contrast(edit.palette()) == []
        assert edit.placeholderText()
        for view in (desk.form.clinic_picker.list, desk.form.resource_picker.list):
            assert low_contrast(view.palette()) == []
        if training:
            banner = window.training_banner
            assert banner.isVisible()
            style = banner.styleSheet()
            background = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", style)
            text = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", style)
            assert background and text, style
            assert contrast_ratio(text.group(1), background.group(1)) >= MIN_CONTRAST
            tint = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", window.styleSheet())
            if tint:
                window_text = QApplication.palette().color(QPalette.ColorRole.WindowText)
                assert contrast_ratio(window_text, tint.group(1)) >= MIN_CONTRAST


def test_colours_the_desk_sets_itself_are_readable_where_they_are_drawn() -> None:
    window = QApplication.palette().color(QPalette.ColorRole.Window).name()
    backgrounds = [window, "#efefef", "#ffffff", TRAINING_WINDOW_BACKGROUND]
    texts = [
        *status._COLOURS.values(),
        ticket_view.CAPTION_COLOUR,
        ticket_view.CANCELLED_COLOUR,
        ticket_view.GREYED_COLOUR,
        ticket_view.TRAINING_MARK_COLOUR,
    ]
    bad = [
        f"{fg} on {bg}: {contrast_ratio(fg, bg):.2f}"
        for fg in texts
        for bg in backgrounds
        if contrast_ratio(fg, bg) < MIN_CONTRAST
    ]
    assert bad == []
    assert contrast_ratio(TRAINING_BANNER_TEXT, TRAINING_BANNER_BACKGROUND) >= MIN_CONTRAST
    # The focus frame against what it is drawn on (WCAG asks 3:1 of a focus indicator).
    for bg in backgrounds:
        assert contrast_ratio(FOCUS_FRAME_COLOUR, bg) >= 3.0


# -- the focus frame ------------------------------------------------------------------------------


def visible_area(widget: QWidget, window: QWidget) -> QRect:
    """Where a frame around ``widget`` can show: the window, cut to any scroll area around it."""
    area = QRect(QPoint(0, 0), window.size())
    node = widget.parentWidget()
    while node is not None and node is not window:
        parent = node.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and node is parent.viewport():
            area = area.intersected(QRect(node.mapTo(window, QPoint(0, 0)), node.size()))
        node = parent
    return area


def frame_pixels(window: QWidget, widget: QWidget) -> list[tuple[str, int, str]]:
    """The colours of the 2 px just outside ``widget``'s edges (midpoints of each side), where
    they can be seen (a control flush with a scroll area's edge has its frame cut there)."""
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    top_left = widget.mapTo(window, QPoint(0, 0))
    w, h = widget.width(), widget.height()
    area = visible_area(widget, window)
    probes = []
    for depth in range(1, FOCUS_FRAME_WIDTH + 1):
        for side, point in (
            ("left", QPoint(top_left.x() - depth, top_left.y() + h // 2)),
            ("right", QPoint(top_left.x() + w - 1 + depth, top_left.y() + h // 2)),
            ("top", QPoint(top_left.x() + w // 2, top_left.y() - depth)),
            ("bottom", QPoint(top_left.x() + w // 2, top_left.y() + h - 1 + depth)),
        ):
            if not area.contains(point):
                continue
            colour = image.pixelColor(int(point.x() * ratio), int(point.y() * ratio)).name()
            probes.append((side, depth, colour))
    return probes


@pytest.mark.asyncio
async def test_tab_moves_a_visible_2px_focus_frame(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        window = desk.window
        window.resize(1366, 768)  # the field wholly visible (a small screen scrolls the form)
        edit = desk.form.clinic_picker.edit
        await wait_until(lambda: edit.hasFocus(), what="focus in the clinic search")
        await wait_until(lambda: edit.visibleRegion().boundingRect() == edit.rect(), what="field")
        await wait_until(ring_shown, what="ring")
        ring = the_ring()
        assert ring.widget() is edit
        # Just outside the field, on all four sides, two pixels deep.
        probes = frame_pixels(window, edit)
        assert len(probes) >= 6, probes  # three sides at least, two pixels deep
        assert {colour for _side, _depth, colour in probes} == {FOCUS_FRAME_COLOUR}, probes

        seen: list[QWidget] = [edit]
        for _ in range(4):  # Tab on, the frame follows the focus
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            await wait_until(lambda: QApplication.focusWidget() is not seen[-1], what="Tab")
            focused = QApplication.focusWidget()
            assert focused is not None
            seen.append(focused)
            if focused.isWindow():
                continue
            await wait_until(lambda f=focused: ring.widget() is f, what="ring follows")
            assert ring.isVisible()
            if focused.visibleRegion().boundingRect() == focused.rect():
                framed = {colour for _s, _d, colour in frame_pixels(window, focused)}
                assert framed == {FOCUS_FRAME_COLOUR}, focused.objectName()
        assert len(set(seen)) > 2


def test_the_focus_frame_does_not_cover_the_control(qtbot, qapp) -> None:
    from desktop_app.ui.platform.palette import apply_palette

    apply_palette(qapp)
    box = QWidget()
    first, second = QLineEdit(box), QLineEdit(box)
    first.move(10, 10)
    second.move(10, 60)
    qtbot.addWidget(box)
    box.resize(300, 120)
    box.show()
    qtbot.waitExposed(box)
    second.setFocus()
    qtbot.waitUntil(lambda: ring_shown() and the_ring().widget() is second)
    ring = the_ring()
    assert ring.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    # The mask is the frame only: the control's own rectangle is not part of the ring.
    inside = second.geometry().center() - ring.geometry().topLeft()
    assert not ring.mask().contains(inside)
    assert ring.mask().contains(QPoint(0, ring.height() // 2))
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton)
    assert second.hasFocus()


def test_inside_a_scroll_area_the_frame_is_clipped_to_what_is_visible(qtbot, qapp) -> None:
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout

    from desktop_app.ui.platform.palette import apply_palette

    apply_palette(qapp)
    area = QScrollArea()
    content = QWidget()
    column = QVBoxLayout(content)
    edits = [QLineEdit(content) for _ in range(30)]
    for edit in edits:
        column.addWidget(edit)
    area.setWidget(content)
    area.setWidgetResizable(True)
    qtbot.addWidget(area)
    area.resize(240, 160)
    area.show()
    qtbot.waitExposed(area)
    edits[0].setFocus()
    qtbot.waitUntil(ring_shown)
    ring = the_ring()
    assert ring.widget() is edits[0]
    # Scrolled out of sight: no frame floating over the other fields.
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: not ring.isVisible())
    # Focus on a visible field: the frame is back, around it.
    last = edits[-1]
    last.setFocus()
    qtbot.waitUntil(lambda: ring.isVisible() and ring.widget() is last)
    top_left = last.mapTo(area, QPoint(0, 0))
    assert ring.geometry().topLeft() == top_left - QPoint(FOCUS_FRAME_WIDTH, FOCUS_FRAME_WIDTH)
