"""Window geometry: saved on close, restored inside the visible screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from desktop_app.ui.platform.geometry import restore_geometry, save_geometry, visible_rect


def test_restored_geometry_is_moved_onto_a_visible_screen() -> None:
    screen = [QRect(0, 0, 1366, 768)]
    # Left on a second monitor that is gone: pulled back fully onto the screen.
    assert visible_rect(QRect(2000, 100, 1200, 700), screen) == QRect(166, 68, 1200, 700)
    # Larger than the screen: shrunk to it.
    assert visible_rect(QRect(-50, -50, 1920, 1080), screen) == QRect(0, 0, 1366, 768)
    # Already visible: unchanged.
    assert visible_rect(QRect(10, 10, 800, 600), screen) == QRect(10, 10, 800, 600)


def test_geometry_round_trip(qtbot, tmp_path) -> None:
    first = QWidget()
    qtbot.addWidget(first)
    first.setGeometry(40, 50, 700, 500)
    save_geometry(first, tmp_path)
    second = QWidget()
    qtbot.addWidget(second)
    assert restore_geometry(second, tmp_path)
    assert second.geometry().size() == first.geometry().size()
    assert not restore_geometry(QWidget(), tmp_path / "nowhere")
