"""The settings of issue 10 in the dialog, by keys: the patient-token and cancellation calls,
surname lookup, keeping the doctor on F2, the patient on the slip, days ahead; no token UI."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel

from desktop_app.settings.model import AppSettings
from desktop_app.settings.store import load_settings, save_settings
from desktop_app.ui.settings.controller import CONNECTION_FIELDS, DEFAULT_CALLS
from desktop_app.ui.settings.dialog import SettingsDialog


def open_dialog(qtbot, settings: AppSettings | None = None) -> SettingsDialog:
    dialog = SettingsDialog(settings or AppSettings(), printers=["Касса-80"])
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def press(qtbot, dialog: QDialog, letter: str) -> None:
    key = Qt.Key(ord(letter.upper()))
    qtbot.keyClick(QApplication.focusWidget() or dialog, key, Qt.KeyboardModifier.AltModifier)


def retype(qtbot, widget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)


def test_new_settings_round_trip_by_keys(qtbot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot)
    press(qtbot, dialog, "з")  # tab "Запись и пациент"
    assert dialog.tabs.currentWidget().objectName() == "settingsPatientTab"
    press(qtbot, dialog, "с")
    assert QApplication.focusWidget() is dialog.booking_days_ahead
    retype(qtbot, dialog.booking_days_ahead, "14")
    press(qtbot, dialog, "в")  # "Оставлять врача…" (a mnemonic clicks after an animation)
    qtbot.waitUntil(dialog.keep_doctor_on_new.isChecked)
    press(qtbot, dialog, "ф")  # "Искать пациента по фамилии…"
    qtbot.waitUntil(dialog.allow_surname_lookup.isChecked)
    press(qtbot, dialog, "м")
    assert QApplication.focusWidget() is dialog.patient_token_method
    qtbot.keyClick(dialog.patient_token_method, Qt.Key.Key_Down)  # GET → POST
    press(qtbot, dialog, "у")
    retype(qtbot, dialog.call_edits["patient_token_path"], "auth/{lpu}/token")
    press(qtbot, dialog, "л")
    retype(qtbot, dialog.call_edits["patient_token_lpu_param"], "")
    press(qtbot, dialog, "н")
    retype(qtbot, dialog.call_edits["patient_token_policy_param"], "enp")
    press(qtbot, dialog, "р")
    retype(qtbot, dialog.call_edits["patient_token_birth_param"], "birthDate")
    press(qtbot, dialog, "и")
    retype(qtbot, dialog.call_edits["patient_token_surname_param"], "lastName")
    press(qtbot, dialog, "т")
    qtbot.keyClicks(dialog.call_edits["patient_token_field"], "data.access_token")
    press(qtbot, dialog, "о")
    assert QApplication.focusWidget() is dialog.cancel_method
    qtbot.keyClick(dialog.cancel_method, Qt.Key.Key_Down)  # DELETE → POST
    press(qtbot, dialog, "е")
    retype(qtbot, dialog.call_edits["cancel_path"], "visit/{lpu}/{ticket}/cancel")
    press(qtbot, dialog, "ч")  # tab "Печать и вид"
    press(qtbot, dialog, "ф")  # "ФИО пациента и на талоне для пациента"
    qtbot.waitUntil(dialog.patient_on_slip.isChecked)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Сохранить

    assert dialog.result() == QDialog.DialogCode.Accepted
    result = dialog.result_settings()
    assert result.booking_days_ahead == 14
    assert result.keep_doctor_on_new and result.allow_surname_lookup and result.patient_on_slip
    assert result.patient_token_method == "POST"
    assert result.patient_token_path == "auth/{lpu}/token"
    assert result.patient_token_lpu_param == ""
    assert result.patient_token_policy_param == "enp"
    assert result.patient_token_birth_param == "birthDate"
    assert result.patient_token_surname_param == "lastName"
    assert result.patient_token_field == "data.access_token"
    assert result.cancel_method == "POST"
    assert result.cancel_path == "visit/{lpu}/{ticket}/cancel"

    path = save_settings(result, tmp_path / "settings.json")
    loaded, problem = load_settings(path)
    assert problem is None and loaded == result

    # Read back: the saved values are what a new dialog shows.
    again = open_dialog(qtbot, loaded)
    assert again.booking_days_ahead.value() == 14
    assert again.keep_doctor_on_new.isChecked() and again.patient_on_slip.isChecked()
    assert again.patient_token_method.currentText() == "POST"
    assert again.call_edits["cancel_path"].text() == "visit/{lpu}/{ticket}/cancel"
    again.save_button.click()
    assert again.result_settings() == loaded

    # "Как по умолчанию" brings the shipped calls back.
    again = open_dialog(qtbot, loaded)
    press(qtbot, again, "з")
    press(qtbot, again, "к")
    qtbot.waitUntil(lambda: again.cancel_method.currentText() == "DELETE")
    again.save_button.click()
    back = again.result_settings()
    for key, value in DEFAULT_CALLS.items():
        assert getattr(back, key) == value, key
    assert back.booking_days_ahead == 14  # not a call setting: kept


def test_bad_cancel_path_and_query_name_are_refused_on_their_tab(qtbot) -> None:
    dialog = open_dialog(qtbot)
    retype(qtbot, dialog.call_edits["cancel_path"], "visit/{lpu}")
    retype(qtbot, dialog.call_edits["patient_token_policy_param"], "n pol")
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentWidget().objectName() == "settingsPatientTab"
    path_error = dialog.findChild(QLabel, "settingsCancelPathError")
    name_error = dialog.findChild(QLabel, "settingsPatientTokenPolicyParamError")
    assert path_error.isVisible() and "{lpu}, {ticket}" in path_error.text()
    assert name_error.isVisible() and "«n pol»" in name_error.text()
    assert QApplication.focusWidget() is dialog.call_edits["patient_token_policy_param"]
    retype(qtbot, dialog.call_edits["patient_token_policy_param"], "n_pol")
    assert not name_error.isVisible()
    retype(qtbot, dialog.call_edits["cancel_path"], "visit/{lpu}/{ticket}")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_no_token_ui_and_call_changes_rebuild_the_client(qtbot) -> None:
    dialog = open_dialog(qtbot)
    texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
    texts += [lb.text() for lb in dialog.findChildren(QLabel)]
    assert not [t for t in texts if re.search("(?i)токен", t) and "Забыть" in t]
    assert not hasattr(dialog, "forget_token_button")
    for key in DEFAULT_CALLS:
        assert key in CONNECTION_FIELDS
    # An old settings file with "remember_token" still opens and saves without it.
    old = AppSettings.model_validate({"remember_token": True, "server_url": None})
    dialog = open_dialog(qtbot, old)
    dialog.save_button.click()
    assert "remember_token" not in dialog.result_settings().model_dump()
