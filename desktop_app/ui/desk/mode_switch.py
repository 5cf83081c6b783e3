"""Switching between training and work mode: asked, explained, then left to the app.

The window's "Режим" menu starts ``confirm``; once the operator agrees, ``switch_requested`` is
emitted and the app rebuilds the session in the other mode (``platform/app.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.ui.platform.dialogs import Message, Severity


class ModeSwitch(QObject):
    switch_requested = Signal()  # confirmed by the operator

    def __init__(
        self,
        *,
        training: bool,
        dialogs: Any,
        server_url: Callable[[], str | None],
        busy: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.training = training
        self.dialogs = dialogs
        self._server_url = server_url
        self._busy = busy

    async def confirm(self) -> None:
        if self._busy():
            return
        if self.training:
            url = self._server_url()
            if not url:
                self.dialogs.show(
                    Message(
                        Severity.INFO,
                        self.tr("Рабочий режим"),
                        self.tr("Адрес сервера регистратуры не указан."),
                        self.tr(
                            "Укажите его в настройках (меню «Запись» → «Настройки…»), затем "
                            "перейдите в рабочий режим."
                        ),
                    )
                )
                return
            question = Message(
                Severity.WARNING,
                self.tr("Перейти в рабочий режим?"),
                self.tr(
                    "В рабочем режиме записи НАСТОЯЩИЕ: пациенты будут записаны на приём "
                    "через сервер {0}."
                ).format(url),
                self.tr("Учебные записи и упражнения останутся в учебном режиме."),
            )
            yes = self.tr("Перейти в рабочий режим")
        else:
            question = Message(
                Severity.INFO,
                self.tr("Перейти в учебный режим?"),
                self.tr(
                    "В учебном режиме программа работает со встроенной песочницей: "
                    "записи не настоящие, сервер регистратуры не используется."
                ),
            )
            yes = self.tr("Перейти в учебный режим")
        if await self.dialogs.confirm(question, yes=yes, no=self.tr("Отмена")):
            self.switch_requested.emit()


__all__ = ["ModeSwitch"]
