"""The settings dialog's behaviour, and the window's "Настройки…" from opening to applying.

``SettingsController`` fills the dialog from a copy of the settings, checks what the operator
entered with the core's own rules (``check_server_url``, ``build_ssl_context``, the
``AppSettings`` model) and puts each refusal under its field. ``SettingsFlow`` opens the dialog
over the desk window, saves an accepted result through the session's ``SettingsOwner`` and says
when the connection changed (the app then rebuilds the session). Nothing here lays widgets
out: that is ``dialog.py`` and ``pages.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, get_args

from pydantic import ValidationError
from PySide6.QtCore import QDir, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.services import Services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.network import SettingsError, build_ssl_context, check_server_url
from desktop_app.ui.platform.dialogs import Message, Severity
from desktop_app.ui.printing.slip_printer import available_printers

if TYPE_CHECKING:
    from desktop_app.ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)

#: Path templates as shipped, for the "restore" button (taken from the model, not repeated).
DEFAULT_PATHS = {
    name: AppSettings.model_fields[name].default
    for name in ("booking_path", "clinics_path", "clinic_path", "resources_path")
}
#: The patient-token and cancellation calls as shipped (for "Как по умолчанию").
CALL_FIELDS = (
    "patient_token_method",
    "patient_token_path",
    "patient_token_lpu_param",
    "patient_token_policy_param",
    "patient_token_birth_param",
    "patient_token_surname_param",
    "patient_token_field",
    "cancel_method",
    "cancel_path",
)
DEFAULT_CALLS: dict[str, Any] = {
    name: AppSettings.model_fields[name].default for name in CALL_FIELDS
}
#: The HTTP methods each call may use (the model's own choices).
CALL_METHODS: dict[str, tuple[str, ...]] = {
    name: tuple(str(m) for m in get_args(AppSettings.model_fields[name].annotation))
    for name in ("patient_token_method", "cancel_method")
}
#: What a change of these needs: a new client, so the app rebuilds the session.
CONNECTION_FIELDS = (
    "server_url",
    "extra_ca_file",
    "proxy_url",
    "use_system_proxy",
    "connect_timeout",
    "read_timeout",
    "booking_datetime_format",
    "booking_path",
    "clinics_path",
    "clinic_path",
    "resources_path",
    *CALL_FIELDS,
)


def error_text(error: Any) -> str:
    """The Russian sentence a validator raised (pydantic prefixes it with "Value error, ")."""
    message = str(error.get("msg", ""))
    return message.removeprefix("Value error, ").strip()


class SettingsController(QObject):
    """Values in and out of one ``SettingsDialog``, checked before the dialog may close."""

    def __init__(
        self,
        view: SettingsDialog,
        settings: AppSettings,
        *,
        printers: Sequence[str] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self._settings = settings.model_copy(deep=True)
        self._printers = list(printers) if printers is not None else available_printers()
        self._result: AppSettings | None = None

    # -- values in and out ---------------------------------------------------------------------

    def load(self) -> None:
        s = self._settings
        self.view.server_url.setText(s.server_url or "")
        self.view.use_system_proxy.setChecked(s.use_system_proxy)
        self.view.proxy_url.setText(s.proxy_url or "")
        self.view.ca_file.setText(s.extra_ca_file or "")
        self.view.slip_layout.setCurrentIndex(max(0, self.view.slip_layout.findData(s.slip_layout)))
        self._fill_printers(s.printer_name)
        self.view.slip_reminder.setText(s.slip_reminder or "")
        self.view.font_scale.setValue(round(s.font_scale * 100))
        self.view.language.setCurrentIndex(max(0, self.view.language.findData(s.language)))
        self.view.operator_login.setText(s.operator_login or "")
        self.view.retention_days.setValue(s.journal_retention_days)
        self.view.datetime_format.setCurrentIndex(
            max(0, self.view.datetime_format.findData(s.booking_datetime_format))
        )
        for key, edit in self.view.path_edits.items():
            edit.setText(getattr(s, key))
        self.view.connect_timeout.setValue(s.connect_timeout)
        self.view.read_timeout.setValue(s.read_timeout)
        self.view.patient_on_slip.setChecked(s.patient_on_slip)
        self.view.booking_days_ahead.setValue(s.booking_days_ahead)
        self.view.keep_doctor_on_new.setChecked(s.keep_doctor_on_new)
        self.view.allow_surname_lookup.setChecked(s.allow_surname_lookup)
        self._load_calls(s.model_dump())

    def _load_calls(self, values: dict[str, Any]) -> None:
        for combo, key in (
            (self.view.patient_token_method, "patient_token_method"),
            (self.view.cancel_method, "cancel_method"),
        ):
            value = str(values[key])
            if combo.findData(value) < 0:  # a value this version does not offer: keep it
                combo.addItem(value, value)
            combo.setCurrentIndex(combo.findData(value))
        for key, edit in self.view.call_edits.items():
            edit.setText(str(values[key] or ""))

    def _fill_printers(self, chosen: str | None) -> None:
        self.view.printer.clear()
        if not self._printers:
            self.view.printer.addItem(self.tr("Принтеры не найдены"), chosen)
            self.view.printer.setEnabled(False)
            return
        self.view.printer.setEnabled(True)
        self.view.printer.addItem(self.tr("Принтер по умолчанию"), None)
        for name in self._printers:
            self.view.printer.addItem(name, name)
        if chosen and chosen not in self._printers:
            # Keep a printer that is switched off today; say so rather than drop the choice.
            self.view.printer.addItem(self.tr("{0} (не найден)").format(chosen), chosen)
        index = self.view.printer.findData(chosen) if chosen else 0
        self.view.printer.setCurrentIndex(max(0, index))

    def _updates(self) -> dict[str, Any]:
        return {
            "proxy_url": self.view.proxy_url.text(),
            "use_system_proxy": self.view.use_system_proxy.isChecked(),
            "extra_ca_file": self.view.ca_file.text(),
            "slip_layout": self.view.slip_layout.currentData(),
            "printer_name": self.view.printer.currentData(),
            "slip_reminder": self.view.slip_reminder.text(),
            "font_scale": self.view.font_scale.value() / 100,
            "language": self.view.language.currentData(),
            "operator_login": self.view.operator_login.text(),
            "journal_retention_days": self.view.retention_days.value(),
            "booking_datetime_format": self.view.datetime_format.currentData(),
            **{key: edit.text() for key, edit in self.view.path_edits.items()},
            "connect_timeout": self.view.connect_timeout.value(),
            "read_timeout": self.view.read_timeout.value(),
            "patient_on_slip": self.view.patient_on_slip.isChecked(),
            "booking_days_ahead": self.view.booking_days_ahead.value(),
            "keep_doctor_on_new": self.view.keep_doctor_on_new.isChecked(),
            "allow_surname_lookup": self.view.allow_surname_lookup.isChecked(),
            "patient_token_method": self.view.patient_token_method.currentData(),
            "cancel_method": self.view.cancel_method.currentData(),
            **{key: edit.text() for key, edit in self.view.call_edits.items()},
        }

    def collect(self) -> tuple[AppSettings | None, dict[str, str]]:
        """The settings as entered, or the Russian problem of each refused field."""
        errors: dict[str, str] = {}
        update = self._updates()
        url_text = self.view.server_url.text().strip()
        update["server_url"] = None
        if url_text:
            try:
                update["server_url"] = check_server_url(url_text)
            except SettingsError as exc:
                errors["server_url"] = exc.message
        ca_file = str(update["extra_ca_file"] or "").strip()
        if ca_file:
            try:
                build_ssl_context(ca_file)
            except SettingsError as exc:
                errors["extra_ca_file"] = exc.message
        try:
            result = AppSettings.model_validate(
                self._settings.model_copy(update=update).model_dump()
            )
        except ValidationError as exc:
            for error in exc.errors():
                key = str(error["loc"][0]) if error.get("loc") else ""
                errors.setdefault(key, error_text(error) or self.tr("Недопустимое значение."))
            result = None
        return (None, errors) if errors else (result, {})

    def show_errors(self, errors: dict[str, str]) -> None:
        general: list[str] = []
        for key, (field, label, _tab) in self.view.rows.fields.items():
            message = errors.get(key)
            label.setText(message or "")
            label.setVisible(bool(message))
            field.setAccessibleDescription(message or "")
            if key in self.view.rows.hints:
                self.view.rows.hints[key].setVisible(not message)
        for key, message in errors.items():
            if key not in self.view.rows.fields:
                general.append(message)
        self.view.general_error.setText("\n".join(general))
        self.view.general_error.setVisible(bool(general))
        first = next((key for key in self.view.rows.fields if key in errors), None)
        if first is not None:
            field, _label, tab = self.view.rows.fields[first]
            self.view.tabs.setCurrentIndex(tab)
            field.setFocus()
            self.view.fit_current_page()

    def clear_error(self, key: str) -> None:
        entry = self.view.rows.fields.get(key)
        if entry is not None and entry[1].isVisible():
            entry[1].hide()
            entry[0].setAccessibleDescription("")
            if key in self.view.rows.hints:
                self.view.rows.hints[key].show()

    def result_settings(self) -> AppSettings:
        """A new, validated copy of the settings with the dialog's values.

        Raises :class:`SettingsError` (Russian message, also shown under the fields) when a
        value is refused; after ``accepted`` it never raises.
        """
        if self._result is not None:
            return self._result
        result, errors = self.collect()
        if result is None:
            self.show_errors(errors)
            raise SettingsError(next(iter(errors.values())))
        return result

    def accept(self) -> bool:
        """Check every field; True (and the result kept) when the dialog may close."""
        result, errors = self.collect()
        self.show_errors(errors)
        if result is None:
            log.info("settings: not accepted, refused fields %s", sorted(errors))
            return False
        self._result = result
        return True

    # -- actions ---------------------------------------------------------------------------------

    def reset_paths(self) -> None:
        for key, edit in self.view.path_edits.items():
            edit.setText(str(DEFAULT_PATHS[key]))
            self.clear_error(key)

    def reset_calls(self) -> None:
        """ "Как по умолчанию": the patient-token and cancellation calls as shipped."""
        self._load_calls(DEFAULT_CALLS)
        for key in CALL_FIELDS:
            self.clear_error(key)

    def browse_ca_file(self) -> None:
        current = self.view.ca_file.text().strip()
        path, _filter = QFileDialog.getOpenFileName(
            self.view,
            self.tr("Файл сертификата удостоверяющего центра"),
            current or QDir.homePath(),
            self.tr("Сертификаты (*.pem *.crt *.cer *.der);;Все файлы (*)"),
        )
        if path:
            self.view.ca_file.setText(QDir.toNativeSeparators(path))
            self.clear_error("extra_ca_file")


class SettingsFlow(QObject):
    """The window's "Настройки…": open the dialog, save what was accepted, report back."""

    restart_requested = Signal()  # connection settings changed: rebuild in the same mode

    def __init__(
        self,
        services: Services,
        *,
        dialogs: Any,
        set_status: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self._set_status = set_status
        self._window = parent

    def open(self) -> SettingsDialog:
        from desktop_app.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings.current, self._window)
        dialog.setObjectName("settingsDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setParent(dialog)  # lives as long as the dialog
        dialog.accepted.connect(lambda: self._accepted(dialog))
        dialog.open()
        return dialog

    def _accepted(self, dialog: SettingsDialog) -> None:
        old = self.services.settings.current
        new = dialog.result_settings()
        problem = self.services.settings.replace(new)
        if problem is not None:
            self.dialogs.show(
                Message(
                    Severity.ERROR,
                    self.tr("Настройки не сохранены"),
                    self.tr("Не удалось записать файл настроек: {0}").format(problem),
                    self.tr("Настройки действуют до закрытия программы."),
                )
            )
        changed = any(getattr(old, f) != getattr(new, f) for f in CONNECTION_FIELDS)
        self._set_status(self.tr("Настройки сохранены."))
        if changed and not self.services.training:
            self.restart_requested.emit()


__all__ = ["SettingsController", "SettingsFlow"]
