"""Server text on screen is plain text: the ticket card, the status badge and the dialogs.

A doctor's name with ``<script>`` must show as typed (rich text would swallow the tag and the
name with it), and a token the server echoes back in an error must never reach a dialog.
"""

from __future__ import annotations

import asyncio
import base64
import json

import pytest
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.settings.redact import MASK, add_secret, forget_secret
from desktop_app.ui.desk.status import StatusBadge
from desktop_app.ui.desk.ticket_view import TicketView
from desktop_app.ui.platform.dialogs import Dialogs, Message, Severity, screen_text

EVIL_FIO = "<script>x</script>Иванов"


def _ticket(**overrides) -> TicketVisitWithLpu:
    data = {
        "num": "<b>12</b>",
        "room": "<i>214</i>",
        "flat": 2,
        "docFio": EVIL_FIO,
        "doctorRole": "врач-терапевт",
        "beginTime": "2026-12-03T08:00:00+03:00",
        "endTime": "2026-12-03T08:12:00.000",
        "lpu": {
            "ferName": "<h1>ГП № 3</h1>",
            "address": "ул. <u>Ленина</u>",
            "status": {"name": "<b>Перерыв</b>", "ping": 12},
        },
    }
    data.update(overrides)
    return TicketVisitWithLpu.model_validate(data)


def test_ticket_card_shows_server_text_literally(qtbot) -> None:
    view = TicketView()
    qtbot.addWidget(view)
    view.show_ticket(_ticket(), training=False)

    assert view.doctor.textFormat() == Qt.TextFormat.PlainText
    assert EVIL_FIO in view.doctor.text()
    assert view.number.text() == "<b>12</b>"
    assert view.room.text() == "<i>214</i>"
    assert "<h1>ГП № 3</h1>" in view.clinic.text()
    # The mixed-offset times read as on the slip.
    assert view.when.text() == "08:00–08:12, четверг, 3 декабря 2026"
    for label in view.card.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_status_badge_shows_an_unknown_status_name_literally(qtbot) -> None:
    view = TicketView()
    qtbot.addWidget(view)
    view.show_ticket(_ticket(), training=False)
    badge = view.status
    assert isinstance(badge, StatusBadge)
    for label in (badge.state, badge.ping, badge.changed):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Перерыв</b>" in badge.state.text()


# --- dialogs ---------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


#: An opaque token the app holds and registered with ``add_secret``.
OPAQUE = "opaque-LPU-token-7f3a9c2e41"
#: Shaped like a JWT, but its header is not JSON: ``redact`` alone would keep it.
JWT_SHAPED = "Zm9vYmFyQmF6MTIz.UXV4WnVyMTIzNDU2.c2lnbmF0dXJlOTg3NjU0"
#: A real-looking JWT.
JWT = ".".join(
    [
        _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()),
        _b64(json.dumps({"sub": "patient-42", "exp": 1893456000}).encode()),
        _b64(b"\x8f\x12signature-bytes\x00\xff" * 2),
    ]
)


@pytest.fixture
def registered_token():
    add_secret(OPAQUE)
    yield OPAQUE
    forget_secret(OPAQUE)


def test_screen_text_masks_tokens_but_keeps_ordinary_dotted_words(registered_token) -> None:
    text = f"токен {registered_token} и {JWT_SHAPED} и {JWT}"
    masked = screen_text(text)
    for secret in (registered_token, JWT_SHAPED, JWT, JWT.split(".")[1]):
        assert secret not in masked
    assert masked.count(MASK) == 3
    kept = "Сервер registry.clinic-three.example недоступен, модуль desktop_app.api.client"
    assert screen_text(kept) == kept


def _server_message(token: str) -> Message:
    return Message(
        Severity.ERROR,
        "Запись не создана",
        f"Сервер ответил: <b>неверный токен</b> {token}",
        f"Authorization echoed: {JWT_SHAPED}; raw={JWT}",
    )


def test_dialog_shows_redacted_plain_text_and_closes_on_ok(qtbot, registered_token) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialogs = Dialogs(parent)
    dialogs.show(_server_message(registered_token))

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert box in parent.findChildren(QMessageBox)
    shown = [box.windowTitle(), box.text(), box.informativeText()]
    shown += [label.text() for label in box.findChildren(QLabel)]
    for text in shown:
        for secret in (registered_token, JWT_SHAPED, JWT):
            assert secret not in text
    assert box.text() == f"Сервер ответил: <b>неверный токен</b> {MASK}"
    assert box.informativeText() == f"Authorization echoed: {MASK}; raw={MASK}"
    assert box.textFormat() == Qt.TextFormat.PlainText
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = box.findChild(QLabel, name)
        assert label is not None and label.textFormat() == Qt.TextFormat.PlainText, name

    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box not in dialogs._open


def test_question_is_redacted_and_answered_by_its_button(qapp, registered_token) -> None:
    parent = QWidget()
    parent.show()
    dialogs = Dialogs(parent)
    seen: list[str] = []

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer_yes)  # not shown yet: look again on the next turn
            return
        seen.append(box.text())
        yes = next(b for b in box.buttons() if b.text() == "Да, записать")
        yes.click()

    async def ask() -> bool:
        QTimer.singleShot(0, answer_yes)
        return await dialogs.confirm(_server_message(registered_token), "Да, записать", "Нет")

    loop = qasync.QEventLoop(qapp)
    try:
        answered = loop.run_until_complete(asyncio.wait_for(ask(), 10))
    finally:
        loop.close()
        parent.deleteLater()
    assert answered is True
    assert seen == [f"Сервер ответил: <b>неверный токен</b> {MASK}"]
