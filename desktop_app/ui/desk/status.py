"""The clinic's online status: always text and colour together, plus ping and last change.

The status name comes from the server: the labels are plain text, never rich text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from desktop_app.text import stamp

if TYPE_CHECKING:  # the window paints before the wire models are imported
    from desktop_app.api import ClinicStatus

# Dark enough on white for >= 4.5:1 contrast.
_COLOURS = {True: "#1b6e20", False: "#b3261e", None: "#555555"}


class StatusBadge(QWidget):
    def __init__(
        self, parent: QWidget | None = None, *, object_prefix: str = "clinic", wrap: bool = False
    ) -> None:
        """``wrap`` (the ticket card): the "since …" part goes on a line of its own and wraps,
        so the badge never needs more width than its state and ping."""
        super().__init__(parent)
        self.state = QLabel(self)
        self.state.setObjectName(
            f"{object_prefix}Status"
            if object_prefix == "clinic"
            else f"{object_prefix}ClinicStatus"
        )
        self.ping = QLabel(self)
        self.ping.setObjectName(
            f"{object_prefix}Ping" if object_prefix == "clinic" else f"{object_prefix}ClinicPing"
        )
        self.changed = QLabel(self)
        self.changed.setObjectName(f"{object_prefix}StatusChanged")
        for label in (self.state, self.ping, self.changed):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAccessibleName(self.tr("Статус поликлиники"))
        self.ping.setAccessibleName(self.tr("Пинг поликлиники"))
        if wrap:
            grid = QGridLayout(self)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.addWidget(self.state, 0, 0)
            grid.addWidget(self.ping, 0, 1)
            grid.addWidget(self.changed, 1, 0, 1, 3)
            grid.setColumnStretch(2, 1)
            for label in (self.state, self.ping, self.changed):
                label.setWordWrap(True)
        else:
            layout = QHBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.state)
            layout.addWidget(self.ping)
            layout.addWidget(self.changed, 1)
        self.set_status(None)

    def set_status(self, status: ClinicStatus | None) -> None:
        if status is None:
            self.state.setText(self.tr("● статус неизвестен"))
            self.state.setStyleSheet(f"color: {_COLOURS[None]}; font-weight: bold;")
            self.ping.setText("")
            self.changed.setText("")
            return
        online = status.is_online
        if online is True:
            text = self.tr("● В сети")
        elif online is False:
            text = self.tr("✖ Не в сети")
        else:
            text = self.tr("? {0}").format(status.name or self.tr("неизвестно"))
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {_COLOURS[online]}; font-weight: bold;")
        self.ping.setText(
            self.tr("пинг {0} мс").format(status.ping) if status.ping is not None else ""
        )
        self.changed.setText(
            self.tr("с {0}").format(stamp(status.last_change_time))
            if status.last_change_time
            else ""
        )
