"""The one place every operator dialog goes through (and the seam tests replace).

Dialogs are window-modal but opened with ``open()``, never ``exec()``: a nested event loop
inside a qasync task can step other tasks re-entrantly. A question is answered through an
awaitable future instead.

What a dialog says often quotes the server (its error message, an echoed request), so every
box shows plain text only, and every text passes through :func:`desktop_app.settings.redact.redact`
plus a stricter rule for anything JWT-shaped: a token the server echoes back never appears on
screen, registered or not.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop_app.settings.redact import MASK, redact

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


#: Three base64url segments joined by dots, each long enough to be a token part. ``redact``
#: masks JWTs whose header decodes to JSON; on screen anything shaped like one goes too.
_JWT_SHAPED = re.compile(
    r"(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
    r"(?:\.[A-Za-z0-9_-]+)*(?![A-Za-z0-9_-])"
)


def _token_like(text: str) -> bool:
    """Mixed case and digits: a token part, not a host name (``registry.clinic-3.example``)."""
    return (
        any(c.isupper() for c in text)
        and any(c.islower() for c in text)
        and any(c.isdigit() for c in text)
    )


def screen_text(text: str | None) -> str:
    """``text`` as a dialog may show it: credentials (registered or JWT-shaped) masked."""
    if not text:
        return ""
    out = redact(text)
    return _JWT_SHAPED.sub(lambda m: MASK if _token_like(m.group(0)) else m.group(0), out)


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
        title = screen_text(message.title)
        box = QMessageBox(self.parent)
        box.setIcon(_ICONS[message.severity])
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(screen_text(message.text))
        if message.details:
            box.setInformativeText(screen_text(message.details))
            # setTextFormat covers only the main label; the informative one is Qt's own.
            for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
                label.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.setAccessibleName(title)
        self._open.add(box)
        box.finished.connect(lambda _r, b=box: self._open.discard(b))
        return box

    def show(self, message: Message) -> None:
        log.info(
            "dialog [%s] %s: %s",
            message.severity.value,
            screen_text(message.title),
            screen_text(message.text),
        )
        box = self._box(message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setEscapeButton(QMessageBox.StandardButton.Ok)
        box.open()

    async def confirm(self, message: Message, yes: str, no: str) -> bool:
        """Ask a yes/no question; the safe answer (no) is the default and Esc."""
        log.info("question: %s", screen_text(message.text))
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
