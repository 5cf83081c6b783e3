"""The settings dialog: every desk setting on five tabs, checked before it is accepted.

Nothing here writes a file: the dialog hands back a new, validated :class:`AppSettings`
(``result_settings``) and the caller saves it. A value the core refuses (``http://`` to another
computer, a broken path template, a missing CA file) is explained in Russian in a red line under
its field and the dialog stays open, so an operator on the phone with support can fix it there
and then instead of meeting a crash or a silently ignored change.

This module is the view (tabs, fields, sizes); the values and the checks are
``SettingsController``'s (``controller.py``), the page and row helpers are in ``pages.py``.

No token is remembered any more (a token is one patient's, and the next patient must never be
booked on it), so there is no "forget the token" here: the patient is looked up each time.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.settings.model import SLIP_REMINDER_LIMIT, AppSettings
from desktop_app.ui.settings.controller import (
    CALL_METHODS,
    DEFAULT_CALLS,
    DEFAULT_PATHS,
    SettingsController,
)
from desktop_app.ui.settings.pages import Pages, error_label, hint_label, narrow, page_height

DATETIME_FORMATS = (("iso", "yyyy-MM-ddTHH:mm:ss"), ("space-millis", "yyyy-MM-dd HH:mm:ss.fff"))
LANGUAGES = (("ru", "Русский"), ("en", "English"))  # each language by its own name


class SettingsDialog(QDialog):
    """Edit a copy of the settings; ``result_settings()`` after ``accepted``.

    ``printers`` replaces the installed-printer list (tests; a caller that already has it).
    """

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        printers: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Настройки"))
        self.setAccessibleName(self.tr("Настройки"))
        self.controller = SettingsController(self, settings, printers=printers)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(self.tr("Разделы настроек"))
        self.rows = Pages(self.tabs)
        self._build_connection_tab()
        self._build_printing_tab()
        self._build_journal_tab()
        self._build_patient_tab()
        self._build_advanced_tab()

        self.general_error = error_label(self, "settingsGeneralError")
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

        self.controller.load()
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
        content = max(page_height(page, width - 4 * em) for page in self.rows.pages)
        chrome = self.sizeHint().height() - self.tabs.sizeHint().height() + 3 * em
        self.resize(width, min(max(round(em * 30), content + chrome), self._screen_height()))

    def _screen_height(self) -> int:
        screen = self.screen()
        return screen.availableGeometry().height() - 60 if screen is not None else 900

    def fit_current_page(self) -> None:
        """Grow (never shrink) so that the current page's messages show without scrolling."""
        index = self.tabs.currentIndex()
        scroll = self.tabs.widget(index)
        page = scroll.widget() if isinstance(scroll, QScrollArea) else None
        if not isinstance(scroll, QScrollArea) or page is None:
            return
        needed = page_height(page, scroll.viewport().width())
        missing = needed - scroll.viewport().height()
        if missing > 0:
            height = min(self.height() + missing, self._screen_height())
            self.resize(self.width(), max(self.height(), height))

    # -- building --------------------------------------------------------------------------------

    def _line_edit(self, parent: QWidget, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textEdited.connect(lambda _text, k=key: self.controller.clear_error(k))
        return edit

    def _build_connection_tab(self) -> None:
        page, form, _outer = self.rows.page(self.tr("&Подключение"), "settingsConnectionTab")
        self.server_url = self._line_edit(page, "server_url", "https://mis.example.ru/api")
        self.rows.row(
            form,
            "server_url",
            self.tr("&Адрес сервера:"),
            self.server_url,
            "settingsServerUrl",
            self.tr("Адрес сервера регистратуры"),
            hint=self.tr("Только https://. Адрес http:// допустим лишь для этого компьютера."),
        )
        self.use_system_proxy = QCheckBox(self.tr("&Использовать системный прокси"), page)
        self.use_system_proxy.setObjectName("settingsUseSystemProxy")
        self.use_system_proxy.setAccessibleName(self.tr("Использовать системный прокси"))
        form.addRow("", self.use_system_proxy)
        self.proxy_url = self._line_edit(page, "proxy_url", "http://proxy.clinic.local:3128")
        self.rows.row(
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
        self.ca_browse.clicked.connect(self.controller.browse_ca_file)
        self.rows.row(
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
        page, form, _outer = self.rows.page(self.tr("Пе&чать и вид"), "settingsPrintingTab")
        self.slip_layout = QComboBox(page)
        for value, title in (
            ("auto", self.tr("По бумаге принтера (автоматически)")),
            ("roll80", self.tr("80 мм рулон")),
            ("roll58", self.tr("58 мм рулон")),
            ("a5", self.tr("A5")),
            ("a6", self.tr("A6")),
        ):
            self.slip_layout.addItem(title, value)
        self.rows.row(
            form,
            "slip_layout",
            self.tr("&Размер талона:"),
            self.slip_layout,
            "settingsSlipLayout",
            self.tr("Размер талона"),
            hint=self.tr(
                "«Автоматически»: 58 или 80 мм по ширине бумаги, которую сообщает принтер."
            ),
        )

        self.printer = QComboBox(page)
        self.rows.row(
            form,
            "printer_name",
            self.tr("При&нтер:"),
            self.printer,
            "settingsPrinter",
            self.tr("Принтер для талонов"),
        )

        self.slip_reminder = self._line_edit(page, "slip_reminder", self.tr("не печатается"))
        self.slip_reminder.setMaxLength(SLIP_REMINDER_LIMIT)
        self.rows.row(
            form,
            "slip_reminder",
            self.tr("Напо&минание на талоне:"),
            self.slip_reminder,
            "settingsSlipReminder",
            self.tr("Напоминание на талоне"),
            hint=self.tr(
                "Строка под временем приёма, например «При себе иметь полис ОМС и "
                "паспорт». Пустое поле — без напоминания."
            ),
        )

        self.font_scale = narrow(QSpinBox(page))
        self.font_scale.setRange(80, 200)
        self.font_scale.setSingleStep(10)
        self.font_scale.setSuffix(" %")
        self.rows.row(
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
        self.rows.row(
            form,
            "language",
            self.tr("&Язык интерфейса:"),
            self.language,
            "settingsLanguage",
            self.tr("Язык интерфейса"),
            hint=self.tr("Размер шрифта и язык применяются после перезапуска программы."),
        )

        self.patient_on_slip = QCheckBox(self.tr("&ФИО пациента и на талоне для пациента"), page)
        self.patient_on_slip.setObjectName("settingsPatientOnSlip")
        self.patient_on_slip.setAccessibleName(self.tr("Печатать пациента на талоне пациента"))
        self._check_row(
            form,
            self.patient_on_slip,
            self.tr(
                "Копия регистратуры всегда печатается с пациентом; талон, который уносит "
                "пациент, — только с этой отметкой."
            ),
        )

    def _check_row(self, form: QFormLayout, box: QCheckBox, hint: str | None = None) -> None:
        """A check box row (its own mnemonic), with a grey hint under it."""
        page = form.parentWidget()
        holder = QWidget(page)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(box)
        if hint:
            column.addWidget(hint_label(hint, holder))
        form.addRow("", holder)

    def _section(self, form: QFormLayout, title: str) -> None:
        label = QLabel(title, form.parentWidget())
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        form.addRow(label)

    def _build_patient_tab(self) -> None:
        page, form, _outer = self.rows.page(self.tr("&Запись и пациент"), "settingsPatientTab")
        self.booking_days_ahead = narrow(QSpinBox(page))
        self.booking_days_ahead.setRange(1, 365)
        self.booking_days_ahead.setSuffix(self.tr(" дн."))
        self.rows.row(
            form,
            "booking_days_ahead",
            self.tr("Запись на &сколько дней вперёд:"),
            self.booking_days_ahead,
            "settingsBookingDaysAhead",
            self.tr("На сколько дней вперёд можно записать"),
        )
        self.keep_doctor_on_new = QCheckBox(self.tr("Оставлять &врача при новой записи (F2)"), page)
        self.keep_doctor_on_new.setObjectName("settingsKeepDoctorOnNew")
        self.keep_doctor_on_new.setAccessibleName(self.tr("Оставлять врача при новой записи"))
        self._check_row(
            form,
            self.keep_doctor_on_new,
            self.tr("Поликлиника остаётся всегда; данные пациента стираются всегда."),
        )
        self.allow_surname_lookup = QCheckBox(
            self.tr("Искать пациента по &фамилии и дате рождения"), page
        )
        self.allow_surname_lookup.setObjectName("settingsAllowSurnameLookup")
        self.allow_surname_lookup.setAccessibleName(
            self.tr("Разрешить поиск пациента по фамилии и дате рождения")
        )
        self._check_row(
            form,
            self.allow_surname_lookup,
            self.tr("Только если это разрешено в вашем регионе; иначе — по полису ОМС."),
        )

        self._section(form, self.tr("Запрос токена пациента (сервис авторизации)"))
        self.patient_token_method = QComboBox(page)
        self.rows.row(
            form,
            "patient_token_method",
            self.tr("&Метод запроса токена:"),
            self.patient_token_method,
            "settingsPatientTokenMethod",
            self.tr("HTTP-метод запроса токена пациента"),
        )
        self.call_edits: dict[str, QLineEdit] = {}
        for key, caption, object_name, accessible, hint in (
            (
                "patient_token_path",
                self.tr("П&уть запроса токена:"),
                "settingsPatientTokenPath",
                self.tr("Путь запроса токена пациента"),
                self.tr("Может содержать {lpu} — GUID поликлиники."),
            ),
            (
                "patient_token_lpu_param",
                self.tr("Параметр &ЛПУ:"),
                "settingsPatientTokenLpuParam",
                self.tr("Имя параметра GUID поликлиники"),
                self.tr("Пусто — GUID поликлиники не передаётся."),
            ),
            (
                "patient_token_policy_param",
                self.tr("Параметр &номера полиса:"),
                "settingsPatientTokenPolicyParam",
                self.tr("Имя параметра номера полиса"),
                None,
            ),
            (
                "patient_token_birth_param",
                self.tr("Параметр даты &рождения:"),
                "settingsPatientTokenBirthParam",
                self.tr("Имя параметра даты рождения"),
                self.tr("Дата передаётся как ГГГГ-ММ-ДД."),
            ),
            (
                "patient_token_surname_param",
                self.tr("Параметр фам&илии:"),
                "settingsPatientTokenSurnameParam",
                self.tr("Имя параметра фамилии"),
                None,
            ),
            (
                "patient_token_field",
                self.tr("Поле с &токеном в ответе:"),
                "settingsPatientTokenField",
                self.tr("Поле ответа, в котором токен"),
                self.tr(
                    "Пусто — искать автоматически (token, access_token, lpuToken, в том "
                    "числе внутри data/result); ответ-строка читается всегда."
                ),
            ),
        ):
            default = str(DEFAULT_CALLS[key]) or self.tr("автоматически")
            edit = self._line_edit(page, key, default)
            self.call_edits[key] = edit
            self.rows.row(form, key, caption, edit, object_name, accessible, hint=hint)

        self._section(form, self.tr("Запрос отмены записи"))
        self.cancel_method = QComboBox(page)
        self.rows.row(
            form,
            "cancel_method",
            self.tr("Метод &отмены:"),
            self.cancel_method,
            "settingsCancelMethod",
            self.tr("HTTP-метод запроса отмены записи"),
        )
        edit = self._line_edit(page, "cancel_path", str(DEFAULT_CALLS["cancel_path"]))
        self.call_edits["cancel_path"] = edit
        self.rows.row(
            form,
            "cancel_path",
            self.tr("Путь запроса отм&ены:"),
            edit,
            "settingsCancelPath",
            self.tr("Путь запроса отмены записи"),
            hint=self.tr("Должен содержать {lpu} и {ticket} — GUID поликлиники и талона."),
        )
        for combo, key in (
            (self.patient_token_method, "patient_token_method"),
            (self.cancel_method, "cancel_method"),
        ):
            for method in CALL_METHODS[key]:
                combo.addItem(method, method)
        self.reset_calls_button = QPushButton(self.tr("&Как по умолчанию"), page)
        self.reset_calls_button.setObjectName("settingsResetCalls")
        self.reset_calls_button.setAccessibleName(
            self.tr("Вернуть стандартные запросы токена и отмены")
        )
        self.reset_calls_button.setAutoDefault(False)
        self.reset_calls_button.clicked.connect(self.controller.reset_calls)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_calls_button)
        reset_row.addStretch(1)
        form.addRow("", reset_row)

    def _build_journal_tab(self) -> None:
        page, form, _outer = self.rows.page(self.tr("&Журнал и оператор"), "settingsJournalTab")
        self.operator_login = self._line_edit(page, "operator_login")
        self.operator_login.setMaxLength(200)
        self.rows.row(
            form,
            "operator_login",
            self.tr("&Логин оператора:"),
            self.operator_login,
            "settingsOperatorLogin",
            self.tr("Логин оператора"),
            hint=self.tr("Печатается на талоне и помогает найти, кто записал пациента."),
        )
        self.retention_days = narrow(QSpinBox(page))
        self.retention_days.setRange(1, 3650)
        self.retention_days.setSuffix(self.tr(" дн."))
        self.rows.row(
            form,
            "journal_retention_days",
            self.tr("&Хранить журнал:"),
            self.retention_days,
            "settingsJournalRetention",
            self.tr("Сколько дней хранить журнал смены"),
            hint=self.tr("Более старые записи журнала смены удаляются автоматически."),
        )

    def _build_advanced_tab(self) -> None:
        page, form, outer = self.rows.page(self.tr("&Дополнительно"), "settingsAdvancedTab")
        outer.insertWidget(
            0,
            hint_label(
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
        self.rows.row(
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
            self.rows.row(form, key, caption, edit, object_name, accessible)
        self.reset_paths_button = QPushButton(self.tr("Восстановить &стандартные пути"), page)
        self.reset_paths_button.setObjectName("settingsResetPaths")
        self.reset_paths_button.setAccessibleName(self.tr("Восстановить стандартные пути"))
        self.reset_paths_button.setAutoDefault(False)
        self.reset_paths_button.clicked.connect(self.controller.reset_paths)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_paths_button)
        reset_row.addStretch(1)
        form.addRow("", reset_row)

        self.connect_timeout = narrow(QDoubleSpinBox(page))
        self.connect_timeout.setRange(0.5, 60.0)
        self.connect_timeout.setDecimals(1)
        self.connect_timeout.setSingleStep(0.5)
        self.connect_timeout.setSuffix(self.tr(" с"))
        self.rows.row(
            form,
            "connect_timeout",
            self.tr("Ожидание соедин&ения:"),
            self.connect_timeout,
            "settingsConnectTimeout",
            self.tr("Время ожидания соединения, секунд"),
        )
        self.read_timeout = narrow(QDoubleSpinBox(page))
        self.read_timeout.setRange(1.0, 300.0)
        self.read_timeout.setDecimals(0)
        self.read_timeout.setSuffix(self.tr(" с"))
        self.rows.row(
            form,
            "read_timeout",
            self.tr("Ожидание о&твета:"),
            self.read_timeout,
            "settingsReadTimeout",
            self.tr("Время ожидания ответа сервера, секунд"),
        )

    # -- what the controller does --------------------------------------------------------------

    def result_settings(self) -> AppSettings:
        """A new, validated copy of the settings with the dialog's values.

        Raises :class:`SettingsError` (Russian message, also shown under the fields) when a
        value is refused; after ``accepted`` it never raises.
        """
        return self.controller.result_settings()

    def accept(self) -> None:
        if self.controller.accept():
            super().accept()

    def reset_paths(self) -> None:
        self.controller.reset_paths()

    def reset_calls(self) -> None:
        self.controller.reset_calls()


__all__ = ["SettingsDialog"]
