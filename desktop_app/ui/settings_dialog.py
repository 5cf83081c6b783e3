"""The settings dialog: every desk setting on four tabs, checked before it is accepted.

Nothing here writes a file: the dialog hands back a new, validated :class:`AppSettings`
(``result_settings``) and the caller saves it. A value the core refuses (``http://`` to another
computer, a broken path template, a missing CA file) is explained in Russian in a red line under
its field and the dialog stays open, so an operator on the phone with support can fix it there
and then instead of meeting a crash or a silently ignored change.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import ValidationError
from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.settings.model import AppSettings
from desktop_app.settings.network import SettingsError, build_ssl_context, check_server_url
from desktop_app.settings.secrets import NO_STORE_MESSAGE, TokenStore
from desktop_app.ui.slip_printer import available_printers

log = logging.getLogger(__name__)

#: Same red as the status badge: readable on white (contrast > 4.5:1).
ERROR_COLOUR = "#b3261e"
HINT_COLOUR = "#555555"
#: Path templates as shipped, for the "restore" button (taken from the model, not repeated).
DEFAULT_PATHS = {
    name: AppSettings.model_fields[name].default
    for name in ("booking_path", "clinics_path", "clinic_path", "resources_path")
}
DATETIME_FORMATS = (("iso", "yyyy-MM-ddTHH:mm:ss"), ("space-millis", "yyyy-MM-dd HH:mm:ss.fff"))
LANGUAGES = (("ru", "Русский"), ("en", "English"))  # each language by its own name


def _error_label(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _hint_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOUR};")
    return label


_SpinBox = TypeVar("_SpinBox", QSpinBox, QDoubleSpinBox)


def _narrow(spin: _SpinBox) -> _SpinBox:
    """Numbers need no full-width field: a wide one only makes the arrows hard to find."""
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000,0 дн.") + 48)
    return spin


def _error_text(error: Any) -> str:
    """The Russian sentence a validator raised (pydantic prefixes it with "Value error, ")."""
    message = str(error.get("msg", ""))
    return message.removeprefix("Value error, ").strip()


class SettingsDialog(QDialog):
    """Edit a copy of the settings; ``result_settings()`` after ``accepted``.

    ``printers`` replaces the installed-printer list (tests; a caller that already has it).
    ``token_forgotten`` is emitted after the stored token was deleted, so the session can drop
    its in-memory copy too.
    """

    token_forgotten = Signal()

    def __init__(
        self,
        settings: AppSettings,
        token_store: TokenStore,
        parent: QWidget | None = None,
        *,
        printers: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Настройки"))
        self.setAccessibleName(self.tr("Настройки"))
        self._settings = settings.model_copy(deep=True)
        self._token_store = token_store
        self._store_available = token_store.available()
        self._printers = list(printers) if printers is not None else available_printers()
        self._result: AppSettings | None = None
        #: Setting name -> (its input widget, its red error line, index of its tab).
        self._fields: dict[str, tuple[QWidget, QLabel, int]] = {}
        #: Setting name -> its grey hint, hidden while the red error line says more.
        self._hints: dict[str, QLabel] = {}
        self._pages: list[QWidget] = []

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(self.tr("Разделы настроек"))
        self._build_connection_tab()
        self._build_printing_tab()
        self._build_journal_tab()
        self._build_advanced_tab()

        self.general_error = _error_label(self, "settingsGeneralError")
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Сохранить"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("settingsSave")
        self.cancel_button = self.buttons.addButton(
            self.tr("Отмена"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("settingsCancel")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._load(self._settings)
        self.server_url.setFocus()
        # Every tab title stays readable; the pages scroll rather than squeeze their text.
        self.setMinimumWidth(self.tabs.tabBar().sizeHint().width() + 48)
        self.setMinimumHeight(round(self.fontMetrics().height() * 18))
        self._initial_size()

    def _initial_size(self) -> None:
        """Room for the longest page at the app's font size, within the screen."""
        em = self.fontMetrics().height()
        screen = self.screen()
        screen_width = screen.availableGeometry().width() - 40 if screen is not None else 1200
        width = max(self.minimumWidth(), min(round(em * 38), screen_width))
        content = max(self._page_height(page, width - 4 * em) for page in self._pages)
        chrome = self.sizeHint().height() - self.tabs.sizeHint().height() + 3 * em
        self.resize(width, min(max(round(em * 30), content + chrome), self._screen_height()))

    def _screen_height(self) -> int:
        screen = self.screen()
        return screen.availableGeometry().height() - 60 if screen is not None else 900

    @staticmethod
    def _page_height(page: QWidget, width: int) -> int:
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return page.sizeHint().height()

    def _fit_current_page(self) -> None:
        """Grow (never shrink) so that the current page's messages show without scrolling."""
        index = self.tabs.currentIndex()
        scroll = self.tabs.widget(index)
        page = scroll.widget() if isinstance(scroll, QScrollArea) else None
        if not isinstance(scroll, QScrollArea) or page is None:
            return
        needed = self._page_height(page, scroll.viewport().width())
        missing = needed - scroll.viewport().height()
        if missing > 0:
            height = min(self.height() + missing, self._screen_height())
            self.resize(self.width(), max(self.height(), height))

    # -- building --------------------------------------------------------------------------------

    def _page(self, title: str, object_name: str) -> tuple[QWidget, QFormLayout, QVBoxLayout]:
        """A scrolling tab page: a form, with room for full-width blocks above or below it.

        Full-width blocks go in the page's box layout, not in the form as spanning rows:
        QFormLayout gives a spanning row with wrapped text less height than it asks for, and
        the text is then cut off.
        """
        scroll = QScrollArea(self.tabs)
        scroll.setObjectName(object_name)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget(scroll)
        page.setObjectName(f"{object_name}Page")
        outer = QVBoxLayout(page)
        outer.setSpacing(12)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(12)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        self._pages.append(page)
        return page, form, outer

    def _row(
        self,
        form: QFormLayout,
        key: str | None,
        caption: str,
        field: QWidget,
        object_name: str,
        accessible_name: str,
        *,
        extra: QWidget | None = None,
        hint: str | None = None,
    ) -> QLabel:
        """One form row: a mnemonic label, the field (plus a button), a hint, a red error line."""
        page = form.parentWidget()
        field.setObjectName(object_name)
        field.setAccessibleName(accessible_name)
        label = QLabel(caption, page)
        label.setBuddy(field)
        box = QWidget(page)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        if extra is None:
            column.addWidget(field)
        else:
            line = QHBoxLayout()
            line.setSpacing(6)
            line.addWidget(field, 1)
            line.addWidget(extra)
            column.addLayout(line)
        hint_label = _hint_label(hint, box) if hint else None
        if hint_label is not None:
            column.addWidget(hint_label)
        error = _error_label(box, f"{object_name}Error")
        column.addWidget(error)
        if key is not None:
            self._fields[key] = (field, error, len(self._pages) - 1)
            if hint_label is not None:
                self._hints[key] = hint_label
        form.addRow(label, box)
        return label

    def _line_edit(self, parent: QWidget, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textEdited.connect(lambda _text, k=key: self._clear_error(k))
        return edit

    def _build_connection_tab(self) -> None:
        page, form, outer = self._page(self.tr("&Подключение"), "settingsConnectionTab")
        self.server_url = self._line_edit(page, "server_url", "https://mis.example.ru/api")
        self._row(
            form,
            "server_url",
            self.tr("&Адрес сервера:"),
            self.server_url,
            "settingsServerUrl",
            self.tr("Адрес сервера регистратуры"),
            hint=self.tr("Только https://. Адрес http:// допустим лишь для этого компьютера."),
        )
        self.server_url.textChanged.connect(self._update_token_button)

        token_box = QGroupBox(self.tr("Токен доступа"), page)
        token_box.setObjectName("settingsTokenGroup")
        token_layout = QVBoxLayout(token_box)
        token_layout.addWidget(
            _hint_label(
                self.tr(
                    "Сохранённый токен хранится в защищённом хранилище Windows, "
                    "а не в файле настроек."
                ),
                token_box,
            )
        )
        self.forget_token_button = QPushButton(self.tr("&Забыть сохранённый токен"), token_box)
        self.forget_token_button.setObjectName("settingsForgetToken")
        self.forget_token_button.setAccessibleName(self.tr("Забыть сохранённый токен"))
        self.forget_token_button.setAutoDefault(False)
        self.forget_token_button.clicked.connect(self.forget_token)
        button_row = QHBoxLayout()
        button_row.addWidget(self.forget_token_button)
        button_row.addStretch(1)
        token_layout.addLayout(button_row)
        self.token_status = QLabel(token_box)
        self.token_status.setObjectName("settingsTokenStatus")
        self.token_status.setWordWrap(True)
        self.token_status.hide()
        token_layout.addWidget(self.token_status)
        self.no_store_label = QLabel(NO_STORE_MESSAGE, token_box)
        self.no_store_label.setObjectName("settingsNoStore")
        self.no_store_label.setWordWrap(True)
        self.no_store_label.setStyleSheet("color: #7a3e00;")
        self.no_store_label.setAccessibleName(self.tr("Хранилище токенов недоступно"))
        self.no_store_label.setVisible(not self._store_available)
        token_layout.addWidget(self.no_store_label)
        outer.insertWidget(outer.count() - 1, token_box)  # below the form, above the stretch

        self.use_system_proxy = QCheckBox(self.tr("&Использовать системный прокси"), page)
        self.use_system_proxy.setObjectName("settingsUseSystemProxy")
        self.use_system_proxy.setAccessibleName(self.tr("Использовать системный прокси"))
        form.addRow("", self.use_system_proxy)
        self.proxy_url = self._line_edit(page, "proxy_url", "http://proxy.clinic.local:3128")
        self._row(
            form,
            "proxy_url",
            self.tr("Адрес п&рокси:"),
            self.proxy_url,
            "settingsProxyUrl",
            self.tr("Адрес прокси-сервера"),
            hint=self.tr("Если адрес указан, системный прокси не используется."),
        )

        self.ca_file = self._line_edit(page, "extra_ca_file", self.tr("не используется"))
        self.ca_browse = QPushButton(self.tr("О&бзор…"), page)
        self.ca_browse.setObjectName("settingsCaBrowse")
        self.ca_browse.setAccessibleName(self.tr("Выбрать файл сертификата"))
        self.ca_browse.setAutoDefault(False)
        self.ca_browse.clicked.connect(self._browse_ca_file)
        self._row(
            form,
            "extra_ca_file",
            self.tr("&Файл сертификата УЦ:"),
            self.ca_file,
            "settingsCaFile",
            self.tr("Файл сертификата удостоверяющего центра"),
            extra=self.ca_browse,
            hint=self.tr(
                "Дополнительный корневой сертификат (.pem, .crt, .cer). "
                "Сертификаты Windows используются всегда."
            ),
        )

    def _build_printing_tab(self) -> None:
        page, form, _outer = self._page(self.tr("Пе&чать и вид"), "settingsPrintingTab")
        self.slip_layout = QComboBox(page)
        for value, title in (
            ("roll80", self.tr("80 мм рулон")),
            ("roll58", self.tr("58 мм рулон")),
            ("a5", self.tr("A5")),
            ("a6", self.tr("A6")),
        ):
            self.slip_layout.addItem(title, value)
        self._row(
            form,
            "slip_layout",
            self.tr("&Размер талона:"),
            self.slip_layout,
            "settingsSlipLayout",
            self.tr("Размер талона"),
        )

        self.printer = QComboBox(page)
        self._row(
            form,
            "printer_name",
            self.tr("При&нтер:"),
            self.printer,
            "settingsPrinter",
            self.tr("Принтер для талонов"),
        )

        self.font_scale = _narrow(QSpinBox(page))
        self.font_scale.setRange(80, 200)
        self.font_scale.setSingleStep(10)
        self.font_scale.setSuffix(" %")
        self._row(
            form,
            "font_scale",
            self.tr("Размер &шрифта:"),
            self.font_scale,
            "settingsFontScale",
            self.tr("Размер шрифта в процентах"),
        )

        self.language = QComboBox(page)
        for value, title in LANGUAGES:
            self.language.addItem(title, value)
        self._row(
            form,
            "language",
            self.tr("&Язык интерфейса:"),
            self.language,
            "settingsLanguage",
            self.tr("Язык интерфейса"),
            hint=self.tr("Размер шрифта и язык применяются после перезапуска программы."),
        )

    def _build_journal_tab(self) -> None:
        page, form, _outer = self._page(self.tr("&Журнал и оператор"), "settingsJournalTab")
        self.operator_login = self._line_edit(page, "operator_login")
        self.operator_login.setMaxLength(200)
        self._row(
            form,
            "operator_login",
            self.tr("&Логин оператора:"),
            self.operator_login,
            "settingsOperatorLogin",
            self.tr("Логин оператора"),
            hint=self.tr("Печатается на талоне и помогает найти, кто записал пациента."),
        )
        self.retention_days = _narrow(QSpinBox(page))
        self.retention_days.setRange(1, 3650)
        self.retention_days.setSuffix(self.tr(" дн."))
        self._row(
            form,
            "journal_retention_days",
            self.tr("&Хранить журнал:"),
            self.retention_days,
            "settingsJournalRetention",
            self.tr("Сколько дней хранить журнал смены"),
            hint=self.tr("Более старые записи журнала смены удаляются автоматически."),
        )

    def _build_advanced_tab(self) -> None:
        page, form, outer = self._page(self.tr("&Дополнительно"), "settingsAdvancedTab")
        outer.insertWidget(
            0,
            _hint_label(
                self.tr(
                    "Эти параметры зависят от сервера регистратуры. Меняйте их только по "
                    "указанию службы поддержки."
                ),
                page,
            ),
        )
        self.datetime_format = QComboBox(page)
        for value, title in DATETIME_FORMATS:
            self.datetime_format.addItem(title, value)
        self._row(
            form,
            "booking_datetime_format",
            self.tr("&Формат даты в запросе:"),
            self.datetime_format,
            "settingsDatetimeFormat",
            self.tr("Формат даты и времени в запросе записи"),
        )

        self.path_edits: dict[str, QLineEdit] = {}
        for key, caption, object_name, accessible in (
            (
                "booking_path",
                self.tr("Запись &вне расписания:"),
                "settingsBookingPath",
                self.tr("Путь запроса записи вне расписания"),
            ),
            (
                "clinics_path",
                self.tr("Спис&ок поликлиник:"),
                "settingsClinicsPath",
                self.tr("Путь запроса списка поликлиник"),
            ),
            (
                "clinic_path",
                self.tr("Поликлин&ика:"),
                "settingsClinicPath",
                self.tr("Путь запроса сведений о поликлинике"),
            ),
            (
                "resources_path",
                self.tr("Врачи поли&клиники:"),
                "settingsResourcesPath",
                self.tr("Путь запроса списка врачей поликлиники"),
            ),
        ):
            edit = self._line_edit(page, key, str(DEFAULT_PATHS[key]))
            self.path_edits[key] = edit
            self._row(form, key, caption, edit, object_name, accessible)
        self.reset_paths_button = QPushButton(self.tr("Восстановить &стандартные пути"), page)
        self.reset_paths_button.setObjectName("settingsResetPaths")
        self.reset_paths_button.setAccessibleName(self.tr("Восстановить стандартные пути"))
        self.reset_paths_button.setAutoDefault(False)
        self.reset_paths_button.clicked.connect(self.reset_paths)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_paths_button)
        reset_row.addStretch(1)
        form.addRow("", reset_row)

        self.connect_timeout = _narrow(QDoubleSpinBox(page))
        self.connect_timeout.setRange(0.5, 60.0)
        self.connect_timeout.setDecimals(1)
        self.connect_timeout.setSingleStep(0.5)
        self.connect_timeout.setSuffix(self.tr(" с"))
        self._row(
            form,
            "connect_timeout",
            self.tr("Ожидание соедин&ения:"),
            self.connect_timeout,
            "settingsConnectTimeout",
            self.tr("Время ожидания соединения, секунд"),
        )
        self.read_timeout = _narrow(QDoubleSpinBox(page))
        self.read_timeout.setRange(1.0, 300.0)
        self.read_timeout.setDecimals(0)
        self.read_timeout.setSuffix(self.tr(" с"))
        self._row(
            form,
            "read_timeout",
            self.tr("Ожидание о&твета:"),
            self.read_timeout,
            "settingsReadTimeout",
            self.tr("Время ожидания ответа сервера, секунд"),
        )

    # -- values in and out ---------------------------------------------------------------------

    def _load(self, s: AppSettings) -> None:
        self.server_url.setText(s.server_url or "")
        self.use_system_proxy.setChecked(s.use_system_proxy)
        self.proxy_url.setText(s.proxy_url or "")
        self.ca_file.setText(s.extra_ca_file or "")
        self.slip_layout.setCurrentIndex(max(0, self.slip_layout.findData(s.slip_layout)))
        self._fill_printers(s.printer_name)
        self.font_scale.setValue(round(s.font_scale * 100))
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.operator_login.setText(s.operator_login or "")
        self.retention_days.setValue(s.journal_retention_days)
        self.datetime_format.setCurrentIndex(
            max(0, self.datetime_format.findData(s.booking_datetime_format))
        )
        for key, edit in self.path_edits.items():
            edit.setText(getattr(s, key))
        self.connect_timeout.setValue(s.connect_timeout)
        self.read_timeout.setValue(s.read_timeout)
        self._update_token_button()

    def _fill_printers(self, chosen: str | None) -> None:
        self.printer.clear()
        if not self._printers:
            self.printer.addItem(self.tr("Принтеры не найдены"), chosen)
            self.printer.setEnabled(False)
            return
        self.printer.setEnabled(True)
        self.printer.addItem(self.tr("Принтер по умолчанию"), None)
        for name in self._printers:
            self.printer.addItem(name, name)
        if chosen and chosen not in self._printers:
            # Keep a printer that is switched off today; say so rather than drop the choice.
            self.printer.addItem(self.tr("{0} (не найден)").format(chosen), chosen)
        index = self.printer.findData(chosen) if chosen else 0
        self.printer.setCurrentIndex(max(0, index))

    def _updates(self) -> dict[str, Any]:
        return {
            "proxy_url": self.proxy_url.text(),
            "use_system_proxy": self.use_system_proxy.isChecked(),
            "extra_ca_file": self.ca_file.text(),
            "slip_layout": self.slip_layout.currentData(),
            "printer_name": self.printer.currentData(),
            "font_scale": self.font_scale.value() / 100,
            "language": self.language.currentData(),
            "operator_login": self.operator_login.text(),
            "journal_retention_days": self.retention_days.value(),
            "booking_datetime_format": self.datetime_format.currentData(),
            **{key: edit.text() for key, edit in self.path_edits.items()},
            "connect_timeout": self.connect_timeout.value(),
            "read_timeout": self.read_timeout.value(),
        }

    def _collect(self) -> tuple[AppSettings | None, dict[str, str]]:
        """The settings as entered, or the Russian problem of each refused field."""
        errors: dict[str, str] = {}
        update = self._updates()
        url_text = self.server_url.text().strip()
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
                errors.setdefault(key, _error_text(error) or self.tr("Недопустимое значение."))
            result = None
        return (None, errors) if errors else (result, {})

    def _show_errors(self, errors: dict[str, str]) -> None:
        general: list[str] = []
        for key, (field, label, _tab) in self._fields.items():
            message = errors.get(key)
            label.setText(message or "")
            label.setVisible(bool(message))
            field.setAccessibleDescription(message or "")
            if key in self._hints:
                self._hints[key].setVisible(not message)
        for key, message in errors.items():
            if key not in self._fields:
                general.append(message)
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        first = next((key for key in self._fields if key in errors), None)
        if first is not None:
            field, _label, tab = self._fields[first]
            self.tabs.setCurrentIndex(tab)
            field.setFocus()
            self._fit_current_page()

    def _clear_error(self, key: str) -> None:
        entry = self._fields.get(key)
        if entry is not None and entry[1].isVisible():
            entry[1].hide()
            entry[0].setAccessibleDescription("")
            if key in self._hints:
                self._hints[key].show()

    def result_settings(self) -> AppSettings:
        """A new, validated copy of the settings with the dialog's values.

        Raises :class:`SettingsError` (Russian message, also shown under the fields) when a
        value is refused; after ``accepted`` it never raises.
        """
        if self._result is not None:
            return self._result
        result, errors = self._collect()
        if result is None:
            self._show_errors(errors)
            raise SettingsError(next(iter(errors.values())))
        return result

    def accept(self) -> None:
        result, errors = self._collect()
        self._show_errors(errors)
        if result is None:
            log.info("settings: not accepted, refused fields %s", sorted(errors))
            return
        self._result = result
        super().accept()

    # -- actions ---------------------------------------------------------------------------------

    def _token_urls(self) -> list[str]:
        urls = [self.server_url.text().strip(), (self._settings.server_url or "").strip()]
        return list(dict.fromkeys(url for url in urls if url))

    def _update_token_button(self) -> None:
        self.forget_token_button.setEnabled(self._store_available and bool(self._token_urls()))

    def forget_token(self) -> None:
        """Delete the stored token of the entered (and of the previously saved) server."""
        urls = self._token_urls()
        if not urls:
            return
        ok = all([self._token_store.delete(url) for url in urls])
        if ok:
            self.token_status.setText(self.tr("Сохранённый токен удалён."))
            self.token_status.setStyleSheet("")
            self.token_forgotten.emit()
        else:
            self.token_status.setText(
                self.tr(
                    "Не удалось удалить токен из хранилища учётных данных. Подробности записаны "
                    "в журнал программы."
                )
            )
            self.token_status.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.token_status.show()

    def reset_paths(self) -> None:
        for key, edit in self.path_edits.items():
            edit.setText(str(DEFAULT_PATHS[key]))
            self._clear_error(key)

    def _browse_ca_file(self) -> None:
        current = self.ca_file.text().strip()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Файл сертификата удостоверяющего центра"),
            current or QDir.homePath(),
            self.tr("Сертификаты (*.pem *.crt *.cer *.der);;Все файлы (*)"),
        )
        if path:
            self.ca_file.setText(QDir.toNativeSeparators(path))
            self._clear_error("extra_ca_file")
