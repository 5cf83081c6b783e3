"""The desk's own help: the list of keyboard shortcuts (F1) and "О программе".

Both are small window-modal dialogs opened with ``open()`` (never ``exec()``, see
``ui/platform/dialogs.py``); Esc or the "Закрыть" button closes them. Their text is plain
text set into a table (escaped), and ``text()`` gives it back for tests and screen readers.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class HelpDialog(QDialog):
    """A titled dialog with an intro, a two-column table of rows and a "Закрыть" button.

    Built empty; ``set_content`` fills it (subclasses translate their text in their own
    context, so they call it after ``__init__``).
    """

    def __init__(self, parent: QWidget | None, *, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._lines: list[str] = []
        self.body = QLabel(self)
        self.body.setObjectName(object_name + "Text")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setMargin(6)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        buttons = QDialogButtonBox(self)
        self.close_button = QPushButton(QCoreApplication.translate("HelpDialog", "Закрыть"), self)
        self.close_button.setObjectName(object_name + "Close")
        self.close_button.setDefault(True)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def set_content(
        self, title: str, intro: list[str], rows: list[tuple[str, str]] | None = None
    ) -> None:
        self.setWindowTitle(title)
        self._lines = [*intro, *(f"{key} — {what}" for key, what in rows or [])]
        parts = [f"<p>{html.escape(line)}</p>" for line in intro]
        if rows:
            cells = "".join(
                "<tr><td style='padding: 2px 12px 2px 0; white-space: nowrap;'>"
                f"<b>{html.escape(key)}</b></td><td style='padding: 2px 0;'>"
                f"{html.escape(what)}</td></tr>"
                for key, what in rows
            )
            parts.append(f"<table cellspacing='0'>{cells}</table>")
        self.body.setText("".join(parts))
        self.body.setAccessibleName(title)
        self.body.setAccessibleDescription("\n".join(self._lines))
        self._fit()

    def text(self) -> str:
        """What the dialog says, as plain lines."""
        return "\n".join(self._lines)

    def _fit(self) -> None:
        """As large as the text wants, but never larger than the screen it opens on."""
        width = 640
        height = self.body.heightForWidth(width - 40) + 100
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() - 40)
            height = min(height, room.height() - 60)
        self.resize(width, max(height, 160))


def _quit_keys() -> str:
    text = QKeySequence(QKeySequence.StandardKey.Quit).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    return text or "Alt+F4"


class ShortcutHelp(HelpDialog):
    """F1: every key of the desk in one short table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, object_name="shortcutHelp")
        rows = [
            (
                "Enter",
                self.tr(
                    "дальше по форме: поликлиника → врач → дата → (время) → пациент → "
                    "«Записать»; на кнопке «Записать» — записать"
                ),
            ),
            ("Ctrl+Enter", self.tr("записать из любого поля")),
            ("Tab, Shift+Tab", self.tr("следующее, предыдущее поле")),
            ("↑ ↓, PgUp PgDn", self.tr("выбор в списке поликлиник и врачей")),
            ("+ −", self.tr("следующий, предыдущий день в поле даты")),
            ("F4, Alt+↓", self.tr("открыть календарь в поле даты")),
            (
                self.tr("Alt+буква"),
                self.tr("к полю или кнопке с подчёркнутой буквой — в любой раскладке клавиатуры"),
            ),
            (
                self.tr("Enter в дате рождения"),
                self.tr("найти пациента по полису ОМС и дате рождения"),
            ),
            (
                "F2",
                self.tr(
                    "новая запись: талон, врач и все данные пациента очищаются, "
                    "поликлиника остаётся"
                ),
            ),
            ("Ctrl+P", self.tr("печать талона на выбранный принтер")),
            ("Ctrl+Shift+P", self.tr("печать с выбором принтера")),
            ("Ctrl+J", self.tr("журнал смены")),
            ("Ctrl+D", self.tr("список записанных на день, по врачам")),
            ("F1", self.tr("эта справка")),
            (_quit_keys(), self.tr("выход из программы")),
        ]
        self.set_content(
            self.tr("Горячие клавиши"),
            [self.tr("Всю запись можно сделать с клавиатуры, без мыши.")],
            rows,
        )


class AboutDialog(HelpDialog):
    """Справка → О программе: name, version, mode and where the bookings go."""

    def __init__(self, parent: QWidget | None, *, version: str, mode_line: str) -> None:
        super().__init__(parent, object_name="aboutDialog")
        self.set_content(
            self.tr("О программе"),
            [
                self.tr("Запись вне расписания, версия {0}").format(version),
                self.tr(
                    "Программа для регистратуры поликлиники: запись пациента на приём вне "
                    "расписания через региональную регистратуру и печать талона."
                ),
                mode_line,
                self.tr("Горячие клавиши — F1 (меню «Справка»)."),
            ],
        )


__all__ = ["AboutDialog", "HelpDialog", "ShortcutHelp"]
