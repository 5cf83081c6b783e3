"""The settings dialog's building blocks: scrolling tab pages and labelled rows.

No text of its own (the dialog passes every caption in, translated), no behaviour: a row is a
mnemonic label, the field (plus an optional button), a grey hint and a red error line that the
controller fills when a value is refused.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

#: Same red as the status badge: readable on white (contrast > 4.5:1).
ERROR_COLOUR = "#b3261e"
HINT_COLOUR = "#555555"


def error_label(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def hint_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOUR};")
    return label


_SpinBox = TypeVar("_SpinBox", QSpinBox, QDoubleSpinBox)


def narrow(spin: _SpinBox) -> _SpinBox:
    """Numbers need no full-width field: a wide one only makes the arrows hard to find."""
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000,0 дн.") + 48)
    return spin


def page_height(page: QWidget, width: int) -> int:
    layout = page.layout()
    if layout is not None and layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return page.sizeHint().height()


class Pages:
    """The tab pages of one dialog, and each setting's field, error line, hint and tab."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        #: Setting name -> (its input widget, its red error line, index of its tab).
        self.fields: dict[str, tuple[QWidget, QLabel, int]] = {}
        #: Setting name -> its grey hint, hidden while the red error line says more.
        self.hints: dict[str, QLabel] = {}
        self.pages: list[QWidget] = []

    def page(self, title: str, object_name: str) -> tuple[QWidget, QFormLayout, QVBoxLayout]:
        """A scrolling tab page: a form, with room for full-width blocks above or below it.

        Full-width blocks go in the page's box layout, not in the form as spanning rows:
        QFormLayout gives a spanning row with wrapped text less height than it asks for, and
        the text is then cut off.
        """
        scroll = QScrollArea(self.tabs)
        scroll.setObjectName(object_name)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget(scroll)
        page.setObjectName(f"{object_name}Page")
        outer = QVBoxLayout(page)
        outer.setSpacing(12)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(12)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        self.pages.append(page)
        return page, form, outer

    def row(
        self,
        form: QFormLayout,
        key: str | None,
        caption: str,
        field: QWidget,
        object_name: str,
        accessible_name: str,
        *,
        extra: QWidget | None = None,
        hint: str | None = None,
    ) -> QLabel:
        """One form row: a mnemonic label, the field (plus a button), a hint, a red error line."""
        page = form.parentWidget()
        field.setObjectName(object_name)
        field.setAccessibleName(accessible_name)
        label = QLabel(caption, page)
        label.setBuddy(field)
        box = QWidget(page)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        if extra is None:
            column.addWidget(field)
        else:
            line = QHBoxLayout()
            line.setSpacing(6)
            line.addWidget(field, 1)
            line.addWidget(extra)
            column.addLayout(line)
        hint_widget = hint_label(hint, box) if hint else None
        if hint_widget is not None:
            column.addWidget(hint_widget)
        error = error_label(box, f"{object_name}Error")
        column.addWidget(error)
        if key is not None:
            self.fields[key] = (field, error, len(self.pages) - 1)
            if hint_widget is not None:
                self.hints[key] = hint_widget
        form.addRow(label, box)
        return label
