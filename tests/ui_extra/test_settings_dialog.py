"""The settings dialog, driven by keys: round trip to disk, refusals shown inline, tokens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.settings.model import AppSettings, KnownEntry
from desktop_app.settings.network import INSECURE_URL_MESSAGE, SettingsError
from desktop_app.settings.store import load_settings, save_settings
from desktop_app.ui.settings.dialog import SettingsDialog
from tests.ui_extra.kit import alt_key

PRINTERS = ["Касса-80", "Кабинет 214 A4"]


def open_dialog(
    qtbot,
    settings: AppSettings | None = None,
    printers: list[str] | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(
        settings or AppSettings(),
        printers=PRINTERS if printers is None else printers,
    )
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def press(qtbot, dialog: QDialog, letter: str) -> None:
    """Alt+letter on whatever has the focus, as the operator would."""
    key, modifier = alt_key(letter)
    qtbot.keyClick(QApplication.focusWidget() or dialog, key, modifier)


def select_all_and_type(qtbot, widget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_round_trip_by_keys(qtbot, tmp_path: Path) -> None:
    original = AppSettings(known_clinics=[KnownEntry(guid="ABC", name="ГП № 3")])
    dialog = open_dialog(qtbot, original)
    assert QApplication.focusWidget() is dialog.server_url

    qtbot.keyClicks(dialog.server_url, "https://MIS.example.ru/api/")
    press(qtbot, dialog, "ч")  # tab "Печать и вид"
    assert dialog.tabs.currentWidget().objectName() == "settingsPrintingTab"
    press(qtbot, dialog, "р")  # "Размер талона"
    assert QApplication.focusWidget() is dialog.slip_layout
    qtbot.keyClick(dialog.slip_layout, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.slip_layout, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.slip_layout, Qt.Key.Key_Down)  # авто → 80 мм → 58 мм → A5
    press(qtbot, dialog, "н")  # "Принтер"
    qtbot.keyClick(dialog.printer, Qt.Key.Key_Down)  # default → first printer
    press(qtbot, dialog, "ш")
    select_all_and_type(qtbot, dialog.font_scale, "130")
    press(qtbot, dialog, "ж")  # tab "Журнал и оператор"
    press(qtbot, dialog, "л")
    qtbot.keyClicks(dialog.operator_login, "reg_petrova")
    press(qtbot, dialog, "х")
    select_all_and_type(qtbot, dialog.retention_days, "45")
    press(qtbot, dialog, "д")  # tab "Дополнительно"
    press(qtbot, dialog, "ф")
    qtbot.keyClick(dialog.datetime_format, Qt.Key.Key_Down)
    press(qtbot, dialog, "т")
    select_all_and_type(qtbot, dialog.read_timeout, "45")
    qtbot.keyClick(dialog.read_timeout, Qt.Key.Key_Return)  # the default button: Сохранить

    assert dialog.result() == QDialog.DialogCode.Accepted
    result = dialog.result_settings()
    assert result is not original
    assert result.server_url == "https://mis.example.ru/api"
    assert result.slip_layout == "a5"
    assert result.printer_name == PRINTERS[0]
    assert result.font_scale == pytest.approx(1.3)
    assert result.operator_login == "reg_petrova"
    assert result.journal_retention_days == 45
    assert result.booking_datetime_format == "space-millis"
    assert result.read_timeout == 45
    assert result.known_clinics == original.known_clinics  # untouched settings are kept
    assert original.server_url is None and original.slip_layout == "auto"

    path = save_settings(result, tmp_path / "settings.json")
    loaded, message = load_settings(path)
    assert message is None
    assert loaded == result


def test_values_are_shown_and_unchanged_dialog_returns_equal_settings(qtbot) -> None:
    settings = AppSettings(
        server_url="https://mis.example.ru/api",
        slip_layout="a6",
        printer_name=PRINTERS[1],
        font_scale=1.5,
        language="en",
        proxy_url="http://proxy.clinic.local:3128",
        use_system_proxy=False,
        journal_retention_days=7,
        operator_login="reg_ivanova",
        booking_datetime_format="space-millis",
        connect_timeout=2.5,
        read_timeout=60,
    )
    dialog = open_dialog(qtbot, settings)
    assert dialog.slip_layout.currentText() == "A6"
    assert dialog.printer.currentText() == PRINTERS[1]
    assert dialog.language.currentText() == "English"
    assert dialog.font_scale.value() == 150
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_settings() == settings


def test_http_to_another_computer_is_refused_inline(qtbot) -> None:
    dialog = open_dialog(qtbot)
    url = "http://mis.example.ru"
    qtbot.keyClicks(dialog.server_url, url)
    qtbot.keyClick(dialog.server_url, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.findChild(QLabel, "settingsServerUrlError")
    assert error.isVisible()
    assert error.text() == INSECURE_URL_MESSAGE.format(url=url)
    assert "https://" in error.text()
    assert QApplication.focusWidget() is dialog.server_url
    with pytest.raises(SettingsError):
        dialog.result_settings()

    # Fixing the address clears the message and the dialog accepts.
    select_all_and_type(qtbot, dialog.server_url, "http://127.0.0.1:8080")
    assert not error.isVisible()
    qtbot.keyClick(dialog.server_url, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_settings().server_url == "http://127.0.0.1:8080"


def test_bad_path_template_and_proxy_are_refused_on_their_tab(qtbot) -> None:
    dialog = open_dialog(qtbot)
    select_all_and_type(qtbot, dialog.path_edits["booking_path"], "visit/{lpu}/{date}")
    select_all_and_type(qtbot, dialog.proxy_url, "user:secret@proxy")
    dialog.save_button.click()

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    proxy_error = dialog.findChild(QLabel, "settingsProxyUrlError")
    path_error = dialog.findChild(QLabel, "settingsBookingPathError")
    # The first tab with a problem is shown; the other message is waiting on its tab.
    assert dialog.tabs.currentWidget().objectName() == "settingsConnectionTab"
    assert proxy_error.isVisible() and "прокси" in proxy_error.text()
    assert not path_error.isHidden()
    assert "{date}, {lpu}, {resource}" in path_error.text()
    assert not path_error.text().startswith("Value error")

    dialog.reset_paths_button.click()
    dialog.proxy_url.clear()
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_missing_ca_file_is_refused_and_browse_fills_the_field(qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot)
    missing = tmp_path / "нет-такого.pem"
    chosen: list[str] = []

    def fake_open(parent, caption, directory, filters):
        chosen.append(caption)
        return str(missing), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    dialog.ca_browse.click()
    assert chosen and dialog.ca_file.text() == str(missing)

    dialog.save_button.click()
    error = dialog.findChild(QLabel, "settingsCaFileError")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert error.isVisible() and str(missing) in error.text()


def test_no_printers_keeps_the_saved_choice(qtbot) -> None:
    dialog = open_dialog(qtbot, AppSettings(printer_name="Касса-80"), printers=[])
    assert not dialog.printer.isEnabled()
    assert dialog.printer.currentText() == "Принтеры не найдены"
    dialog.save_button.click()
    assert dialog.result_settings().printer_name == "Касса-80"


def test_missing_printer_is_kept_and_marked(qtbot) -> None:
    dialog = open_dialog(qtbot, AppSettings(printer_name="Старый принтер"))
    assert dialog.printer.isEnabled()
    assert dialog.printer.itemText(0) == "Принтер по умолчанию"
    assert dialog.printer.currentText() == "Старый принтер (не найден)"


def test_every_field_is_named_labelled_and_reachable_by_mnemonic(qtbot) -> None:
    dialog = open_dialog(qtbot)
    inputs = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    fields = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, inputs)
        and w.objectName().startswith("settings")
        and w.parent() is not dialog.buttons
    ]
    assert len(fields) >= 18
    for widget in fields:
        assert widget.accessibleName(), widget.objectName()
        assert "&" not in widget.accessibleName()
        assert re.search("[а-яё]", widget.accessibleName(), re.IGNORECASE), widget.objectName()

    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    for widget in fields:
        if isinstance(widget, QAbstractButton):
            assert "&" in widget.text(), widget.objectName()  # its own mnemonic
        elif not (
            isinstance(widget, QLineEdit)
            and widget.parent() is not None
            and isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
        ):
            assert widget in buddies, widget.objectName()

    # Mnemonics are unique among the tab titles and on each tab (plus the tab titles).
    def letter(text: str) -> str:
        match = re.search(r"&(.)", text)
        assert match, text
        return match.group(1).casefold()

    tab_letters = [letter(dialog.tabs.tabText(i)) for i in range(dialog.tabs.count())]
    assert len(set(tab_letters)) == len(tab_letters)
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        texts = [lb.text() for lb in page.findChildren(QLabel) if lb.buddy() is not None]
        texts += [b.text() for b in page.findChildren(QAbstractButton) if "&" in b.text()]
        letters = [letter(t) for t in texts]
        assert len(set(letters)) == len(letters), (dialog.tabs.tabText(index), letters)
        assert not set(letters) & set(tab_letters), (dialog.tabs.tabText(index), letters)
