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

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from desktop_app.settings.redact import MASK, redact_credentials

if TYPE_CHECKING:  # asyncio is imported by the questions, after the window has painted
    import asyncio

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
    """``text`` as a dialog may show it: credentials (registered or JWT-shaped) masked.

    The patient at the counter may be named with their birth date on screen (the log line of
    the same message still masks it): only tokens and passwords are removed here.
    """
    if not text:
        return ""
    out = redact_credentials(text)
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
        import asyncio

        future: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

        def done(_result: int) -> None:
            if not future.done():
                future.set_result(box.clickedButton() is yes_button)

        box.finished.connect(done)
        box.open()
        return await future

    async def choose(
        self, message: Message, buttons: Sequence[tuple[str, str]], default: str
    ) -> str:
        """Ask with several answers; returns the key of the button pressed.

        ``buttons`` are ``(key, label)`` pairs in the order shown; the ``default`` key is the
        default button and also what Esc (or closing the box) answers: make it the safe one.
        """
        keys = [key for key, _label in buttons]
        if default not in keys:
            raise ValueError(f"default {default!r} is not one of {keys}")
        log.info("question: %s", screen_text(message.text))
        box = self._box(message)
        pressed: dict[object, str] = {}
        default_button: QPushButton | None = None
        for key, label in buttons:
            role = (
                QMessageBox.ButtonRole.RejectRole
                if key == default
                else QMessageBox.ButtonRole.AcceptRole
            )
            button = box.addButton(label, role)
            button.setObjectName(f"choice_{key}")
            pressed[button] = key
            if key == default:
                default_button = button
        assert default_button is not None
        box.setDefaultButton(default_button)
        box.setEscapeButton(default_button)
        import asyncio

        future: asyncio.Future[str] = asyncio.get_event_loop().create_future()

        def done(_result: int) -> None:
            if not future.done():
                future.set_result(pressed.get(box.clickedButton(), default))

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
    #: Answers (button keys) for ``choose``, in order; when empty the default is chosen.
    choices: list[str] = field(default_factory=list)
    #: The buttons each ``choose`` offered, and its default: ``(buttons, default)``.
    offered: list[tuple[tuple[tuple[str, str], ...], str]] = field(default_factory=list)

    def show(self, message: Message) -> None:
        self.shown.append(message)

    async def confirm(self, message: Message, yes: str, no: str) -> bool:
        self.asked.append(message)
        return self.answers.pop(0) if self.answers else False

    async def choose(
        self, message: Message, buttons: Sequence[tuple[str, str]], default: str
    ) -> str:
        self.asked.append(message)
        self.offered.append((tuple(buttons), default))
        return self.choices.pop(0) if self.choices else default
