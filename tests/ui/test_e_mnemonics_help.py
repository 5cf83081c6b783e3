"""Issue 11 §5 and §7: unique mnemonics that work in either layout, F1 help, the mode on screen."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu, QWidget

from desktop_app import __version__
from desktop_app.api import RegistryClient
from desktop_app.sandbox import InProcessTransport, Sandbox
from desktop_app.ui.desk.help import AboutDialog, ShortcutHelp
from desktop_app.ui.desk.window import CYRILLIC_KEYS, LATIN_KEYS, other_layout, physical_key
from tests.ui.asyncwait import wait_until
from tests.ui.desk import open_desk, open_http_desk

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letters(texts: list[str]) -> list[str]:
    return [m.group(1).casefold() for text in texts for m in MNEMONIC.finditer(text or "")]


def window_texts(window) -> list[str]:
    """Every visible label, button, check box and group box of the window, and the menu titles."""
    texts = [action.text() for action in window.menuBar().actions() if action.isVisible()]
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return texts


def menu_texts(window) -> dict[str, list[str]]:
    return {
        action.text(): [a.text() for a in action.menu().actions() if not a.isSeparator()]
        for action in window.menuBar().actions()
        if action.menu() is not None
    }


def duplicates(found: list[str]) -> dict[str, int]:
    return {k: v for k, v in Counter(found).items() if v > 1}


def test_the_two_layouts_name_the_same_keys() -> None:
    assert len(LATIN_KEYS) == len(CYRILLIC_KEYS) == len(set(CYRILLIC_KEYS)) == 33
    assert other_layout("g") == "п" and other_layout("п") == "g"
    assert other_layout("`") == "ё" and other_layout("1") is None
    assert physical_key("д") == "l" and physical_key("f") == "f"


@pytest.mark.asyncio
@pytest.mark.parametrize("training", [True, False])
async def test_mnemonics_are_unique_per_window_and_menu(qtbot, tmp_path, training) -> None:
    """Unique by letter and by physical key, so Alt+key means one thing in either layout."""
    client = None if training else RegistryClient("http://127.0.0.1:9")
    async with open_desk(
        tmp_path, training=training, client=client, wait_for_clinics=training
    ) as desk:
        window = desk.window
        for manual in (False, True):  # the pasted-GUID box adds its own fields
            window.manual_action.setChecked(manual)
            found = letters(window_texts(window))
            assert len(found) >= 15
            assert duplicates(found) == {}, found
            assert duplicates([physical_key(x) for x in found]) == {}, found
        menus = menu_texts(window)
        assert "Сп&равка" in menus
        assert menus["Сп&равка"] == ["&Горячие клавиши\tF1", "&О программе…"]
        for title, texts in menus.items():
            found = letters(texts)
            assert len(found) == len(texts), (title, texts)  # every action has one
            assert duplicates(found) == {}, (title, texts)
            assert duplicates([physical_key(x) for x in found]) == {}, (title, texts)


@pytest.mark.asyncio
async def test_alt_with_the_latin_key_reaches_the_cyrillic_mnemonic(qtbot, tmp_path) -> None:
    """With the English layout on, Alt+G is the key of "&Поиск поликлиники" (П), and so on."""
    alt = Qt.KeyboardModifier.AltModifier
    async with open_desk(tmp_path) as desk:
        form = desk.form
        start = form.clinic_picker.edit
        qtbot.keyClick(start, Qt.Key.Key_L, alt)  # Д: "&Дата:"
        assert form.date_edit.hasFocus()
        qtbot.keyClick(form.date_edit, Qt.Key.Key_D, alt)  # В: "&Врач:"
        assert form.resource_picker.edit.hasFocus()
        qtbot.keyClick(form.resource_picker.edit, Qt.Key.Key_W, alt)  # Ц: "Па&циент:"
        assert form.patient_picker.hasFocus()
        qtbot.keyClick(form.patient_picker, Qt.Key.Key_G, alt)  # П: "&Поиск поликлиники:"
        assert start.hasFocus()
        qtbot.keyClick(start, Qt.Key.Key_V, alt)  # М: "Указать вре&мя" toggles
        assert form.time_check.isChecked() and form.time_check.hasFocus()
        # The Cyrillic key itself still works (Qt's own mnemonic).
        qtbot.keyClick(form.time_check, Qt.Key(ord("Д")), alt)
        assert form.date_edit.hasFocus()
        # Alt+P is "&Записать": it books (here: nothing chosen yet, so the form says what).
        qtbot.keyClick(form.date_edit, Qt.Key.Key_P, alt)
        assert desk.dialogs.shown[-1].text == "Выберите поликлинику из списка."
        assert start.hasFocus()
        assert desk.posts() == 0


@pytest.mark.asyncio
async def test_alt_latin_opens_a_menu_and_a_latin_letter_picks_in_it(qtbot, tmp_path) -> None:
    alt = Qt.KeyboardModifier.AltModifier
    async with open_desk(tmp_path) as desk:
        window = desk.window
        qtbot.keyClick(desk.form.clinic_picker.edit, Qt.Key.Key_H, alt)  # Р: "Сп&равка"
        menu = window.findChild(QMenu, "helpMenu")
        await wait_until(menu.isVisible, what="help menu")
        qtbot.keyClick(menu, Qt.Key.Key_U)  # Г: "&Горячие клавиши"
        dialog = await _dialog(window, ShortcutHelp, "shortcutHelp")
        assert "F4, Alt+↓ — открыть календарь в поле даты" in dialog.text()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: not _open(window, "shortcutHelp"), what="help closed")
        # A Latin mnemonic matches as typed: "Ввод &GUID вручную" by G, and by П (same key).
        qtbot.keyClick(desk.form.clinic_picker.edit, Qt.Key.Key_M, alt)  # Ь: "Запис&ь"
        entry = window.findChild(QMenu, "bookingMenu")
        await wait_until(entry.isVisible, what="Запись menu")
        qtbot.keyClick(entry, Qt.Key(ord("П")), Qt.KeyboardModifier.NoModifier, -1)
        await wait_until(lambda: window.manual_action.isChecked(), what="manual mode")
        assert desk.form.manual_box.isVisible()


def _open(window, name: str):
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == name and widget.isVisible() and widget.parentWidget() is window:
            return widget
    return None


async def _dialog(window, kind, name: str):
    await wait_until(lambda: _open(window, name) is not None, what=name)
    dialog = _open(window, name)
    assert isinstance(dialog, kind)
    return dialog


@pytest.mark.asyncio
async def test_f1_opens_the_shortcuts_and_esc_closes_them(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        window = desk.window
        qtbot.keyClick(desk.form.clinic_picker.edit, Qt.Key.Key_F1)
        dialog = await _dialog(window, ShortcutHelp, "shortcutHelp")
        assert dialog.windowTitle() == "Горячие клавиши"
        text = dialog.text()
        for line in (
            "Ctrl+Enter — записать из любого поля",
            "F2 — новая запись: талон, врач и все данные пациента очищаются, поликлиника остаётся",
            "Enter в дате рождения — найти пациента по полису ОМС и дате рождения",
            "Ctrl+D — список записанных на день, по врачам",
            "+ − — следующий, предыдущий день в поле даты",
            "Ctrl+P — печать талона на выбранный принтер",
            "Ctrl+J — журнал смены",
            "F1 — эта справка",
        ):
            assert line in text, line
        assert "в любой раскладке клавиатуры" in text
        assert dialog.close_button.text() == "Закрыть"
        assert dialog.body.text().count("<tr>") == 15
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        await wait_until(lambda: not _open(window, "shortcutHelp"), what="closed by Esc")
        # The menu item opens the same help; its button closes it.
        window.shortcuts_action.trigger()
        dialog = await _dialog(window, ShortcutHelp, "shortcutHelp")
        qtbot.keyClick(dialog.close_button, Qt.Key.Key_Space)
        await wait_until(lambda: not _open(window, "shortcutHelp"), what="closed by the button")


@pytest.mark.asyncio
async def test_about_names_the_version_and_the_mode(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        window = desk.window
        window.about_action.trigger()
        dialog = await _dialog(window, AboutDialog, "aboutDialog")
        assert dialog.windowTitle() == "О программе"
        assert f"Запись вне расписания, версия {__version__}" in dialog.text()
        assert "учебный режим" in dialog.text()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: not _open(window, "aboutDialog"), what="about closed")


@pytest.mark.asyncio
async def test_the_status_bar_shows_the_mode_and_the_server(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        mode = desk.window.mode_status
        assert mode.text() == "Учебный режим · встроенная песочница"
        assert mode.isVisible()
    async with open_http_desk(tmp_path / "http") as desk:
        port = desk.window.services.client.base_url.rstrip("/").rsplit(":", 1)[1]
        assert desk.window.mode_status.text() == f"Рабочий режим · 127.0.0.1:{port}"
        assert desk.window.mode_status.isVisible()
    sandbox = Sandbox()
    client = RegistryClient(
        "https://registry.example.ru/api", transport=InProcessTransport(sandbox), trust_env=False
    )
    async with open_desk(
        tmp_path / "named", sandbox=sandbox, client=client, training=False, wait_for_clinics=False
    ) as desk:
        assert desk.window.mode_status.text() == "Рабочий режим · registry.example.ru"
        window = desk.window
        window.about_action.trigger()
        dialog = await _dialog(window, AboutDialog, "aboutDialog")
        assert "Сейчас: рабочий режим, сервер registry.example.ru." in dialog.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        await wait_until(lambda: not _open(window, "aboutDialog"), what="about closed")


@pytest.mark.asyncio
async def test_alt_latin_works_in_the_windows_dialogs_too(qtbot, tmp_path) -> None:
    """The settings dialog: Alt+F (the key of А) is "&Адрес сервера:" with the English layout."""
    from PySide6.QtWidgets import QLineEdit

    async with open_desk(tmp_path) as desk:
        dialog = desk.window.open_settings()
        url = dialog.findChild(QLineEdit, "settingsServerUrl")
        assert url is not None
        start = dialog.use_system_proxy
        dialog.activateWindow()
        start.setFocus()
        await wait_until(start.hasFocus, what="focus in the dialog")
        qtbot.keyClick(start, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        assert url.hasFocus()
        qtbot.keyClick(url, Qt.Key.Key_Escape)
        await wait_until(lambda: not dialog.isVisible(), what="settings closed")
