"""The one place every operator dialog goes through (and the seam tests replace).

Dialogs are window-modal but opened with ``open()``, never ``exec()``: a nested event loop
inside a qasync task can step other tasks re-entrantly. A question is answered through an
awaitable future instead.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


class Severity(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    severity: Severity
    title: str
    text: str
    details: str | None = None

    @property
    def full_text(self) -> str:
        return self.text if not self.details else f"{self.text}\n\n{self.details}"


_ICONS = {
    Severity.INFO: QMessageBox.Icon.Information,
    Severity.WARNING: QMessageBox.Icon.Warning,
    Severity.ERROR: QMessageBox.Icon.Critical,
}


class Dialogs:
    """Shows messages parented to the window; keeps open boxes alive until closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self._open: set[QMessageBox] = set()

    def _box(self, message: Message) -> QMessageBox:
        box = QMessageBox(self.parent)
        box.setIcon(_ICONS[message.severity])
        box.setWindowTitle(message.title)
        box.setText(message.text)
        if message.details:
            box.setInformativeText(message.details)
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.setAccessibleName(message.title)
        self._open.add(box)
        box.finished.connect(lambda _r, b=box: self._open.discard(b))
        return box

    def show(self, message: Message) -> None:
        log.info("dialog [%s] %s: %s", message.severity.value, message.title, message.text)
        box = self._box(message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setEscapeButton(QMessageBox.StandardButton.Ok)
        box.open()

    async def confirm(self, message: Message, yes: str, no: str) -> bool:
        """Ask a yes/no question; the safe answer (no) is the default and Esc."""
        log.info("question: %s", message.text)
        box = self._box(message)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        future: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

        def done(_result: int) -> None:
            if not future.done():
                future.set_result(box.clickedButton() is yes_button)

        box.finished.connect(done)
        box.open()
        return await future


@dataclass
class RecordingDialogs:
    """A test double: records every message and answers questions from a queue."""

    shown: list[Message] = field(default_factory=list)
    asked: list[Message] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    parent: QWidget | None = None

    def show(self, message: Message) -> None:
        self.shown.append(message)

    async def confirm(self, message: Message, yes: str, no: str) -> bool:
        self.asked.append(message)
        return self.answers.pop(0) if self.answers else False
