"""Guard for the PySide6 pin (TOOLCHAIN.md): 6.12.0 on CPython 3.11 corrupts None's refcount."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_none_refcount_does_not_drift_across_widget_calls(qtbot) -> None:
    """PySide6 6.12.0 on CPython 3.11 decremented None's refcount per void call (TOOLCHAIN)."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(3000):
        label.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 100
