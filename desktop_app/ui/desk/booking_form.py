"""The booking form's layout (view only): clinic, doctor, date/time, patient, Book button."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.desk.search_picker import SearchPicker
from desktop_app.ui.desk.status import StatusBadge


class DayKeys(QObject):
    """``+``/``-`` change the day by one in the date field (a habit from paper calendars)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QDateEdit) and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                watched.setDate(watched.date().addDays(1))
                return True
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                target = watched.date().addDays(-1)
                if target >= watched.minimumDate():
                    watched.setDate(target)
                return True
        return super().eventFilter(watched, event)


class BookingForm(QWidget):
    def __init__(self, *, training: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingForm")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        # Clinic
        clinic_box = QGroupBox(self.tr("1. Поликлиника (ЛПУ)"), self)
        clinic_layout = QVBoxLayout(clinic_box)
        self.clinic_label = QLabel(self.tr("&Поиск поликлиники:"), clinic_box)
        self.clinic_picker = SearchPicker(
            "clinicSearch", self.tr("название, адрес или код МО"), clinic_box
        )
        self.clinic_picker.edit.setAccessibleName(self.tr("Поиск поликлиники"))
        self.clinic_label.setBuddy(self.clinic_picker.edit)
        self.clinic_status = StatusBadge(clinic_box)
        clinic_layout.addWidget(self.clinic_label)
        clinic_layout.addWidget(self.clinic_picker, 1)
        clinic_layout.addWidget(self.clinic_status)

        # Resource
        resource_box = QGroupBox(self.tr("2. Врач или кабинет"), self)
        resource_layout = QVBoxLayout(resource_box)
        self.resource_label = QLabel(self.tr("&Врач:"), resource_box)
        self.resource_picker = SearchPicker(
            "resourceSearch", self.tr("фамилия, специальность или кабинет"), resource_box
        )
        self.resource_picker.edit.setAccessibleName(self.tr("Поиск врача"))
        self.resource_label.setBuddy(self.resource_picker.edit)
        resource_layout.addWidget(self.resource_label)
        resource_layout.addWidget(self.resource_picker, 1)

        # Manual GUIDs (servers without directory calls)
        self.manual_box = QGroupBox(self.tr("Ввод GUID вручную"), self)
        manual = QFormLayout(self.manual_box)
        self.manual_recent = QComboBox(self.manual_box)
        self.manual_recent.setObjectName("manualRecent")
        self.manual_recent.setAccessibleName(self.tr("Ранее использованные врачи"))
        recent_label = QLabel(self.tr("Сохран&ённые:"), self.manual_box)
        recent_label.setBuddy(self.manual_recent)
        manual.addRow(recent_label, self.manual_recent)
        self.manual_lpu = QLineEdit(self.manual_box)
        self.manual_lpu.setObjectName("manualLpuGuid")
        self.manual_lpu.setAccessibleName(self.tr("GUID поликлиники"))
        self.manual_lpu.setPlaceholderText("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        self.manual_resource = QLineEdit(self.manual_box)
        self.manual_resource.setObjectName("manualResourceGuid")
        self.manual_resource.setAccessibleName(self.tr("GUID врача"))
        self.manual_resource.setPlaceholderText("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        self.manual_name = QLineEdit(self.manual_box)
        self.manual_name.setObjectName("manualName")
        self.manual_name.setAccessibleName(self.tr("Название для памяти"))
        self.manual_name.setPlaceholderText(self.tr("например: ГП № 3, терапевт Смирнова"))
        manual.addRow(self.tr("GUID &ЛПУ:"), self.manual_lpu)
        manual.addRow(self.tr("GUID р&есурса:"), self.manual_resource)
        manual.addRow(self.tr("Под каким &именем запомнить:"), self.manual_name)
        self.manual_box.hide()

        # Date and time, patient
        when_box = QGroupBox(self.tr("3. Дата и пациент"), self)
        when = QFormLayout(when_box)
        when.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_edit = QDateEdit(when_box)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setAccessibleName(self.tr("Дата приёма"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setLocale(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        self.date_edit.setDisplayFormat("dd.MM.yyyy, dddd")
        self.date_edit.setMinimumDate(QDate.currentDate())
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setToolTip(self.tr("+ / − — следующий / предыдущий день"))
        self._day_keys = DayKeys(self)
        self.date_edit.installEventFilter(self._day_keys)
        date_label = QLabel(self.tr("&Дата:"), when_box)
        date_label.setBuddy(self.date_edit)
        when.addRow(date_label, self.date_edit)

        time_row = QHBoxLayout()
        self.time_check = QCheckBox(self.tr("Указать в&ремя"), when_box)
        self.time_check.setObjectName("timeCheck")
        self.time_check.setAccessibleName(self.tr("Указать время приёма"))
        self.time_check.setToolTip(self.tr("Без времени поликлиника назначит ближайшее свободное"))
        self.time_edit = QTimeEdit(when_box)
        self.time_edit.setObjectName("timeEdit")
        self.time_edit.setAccessibleName(self.tr("Время приёма"))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setTime(QTime(9, 0))
        self.time_edit.setEnabled(False)
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        time_row.addWidget(self.time_check)
        time_row.addWidget(self.time_edit, 1)
        when.addRow(self.tr("Время:"), time_row)

        self.patient_picker = QComboBox(when_box)
        self.patient_picker.setObjectName("patientPicker")
        self.patient_picker.setAccessibleName(self.tr("Учебный пациент"))
        self.token_edit = QLineEdit(when_box)
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setAccessibleName(self.tr("Токен пациента"))
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("вставьте токен (Ctrl+V)"))
        self.token_expiry = QLabel(when_box)
        self.token_expiry.setObjectName("tokenExpiry")
        self.remember_token = QCheckBox(self.tr("Запо&мнить токен"), when_box)
        self.remember_token.setObjectName("rememberToken")
        self.remember_token.setAccessibleName(self.tr("Запомнить токен в хранилище Windows"))
        if training:
            patient_label = QLabel(self.tr("Па&циент:"), when_box)
            patient_label.setBuddy(self.patient_picker)
            when.addRow(patient_label, self.patient_picker)
            self.patient_note = QLabel(when_box)
            self.patient_note.setObjectName("patientNote")
            self.patient_note.setWordWrap(True)
            self.patient_note.setStyleSheet("color: #444;")
            when.addRow("", self.patient_note)
            self.token_edit.hide()
            self.token_expiry.hide()
            self.remember_token.hide()
        else:
            token_label = QLabel(self.tr("&Токен:"), when_box)
            token_label.setBuddy(self.token_edit)
            when.addRow(token_label, self.token_edit)
            when.addRow("", self.token_expiry)
            when.addRow("", self.remember_token)
            self.patient_picker.hide()
            self.patient_note = QLabel(when_box)
            self.patient_note.hide()

        self.book_button = QPushButton(self.tr("&Записать  (Ctrl+Enter)"), self)
        self.book_button.setObjectName("bookButton")
        self.book_button.setAccessibleName(self.tr("Записать пациента"))
        self.book_button.setDefault(False)
        self.book_button.setAutoDefault(False)
        self.book_button.setMinimumHeight(44)
        font = self.book_button.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.book_button.setFont(font)

        outer.addWidget(clinic_box, 3)
        outer.addWidget(resource_box, 3)
        outer.addWidget(self.manual_box)
        outer.addWidget(when_box)
        outer.addWidget(self.book_button)

        # Tab order follows the form.
        chain = [
            self.clinic_picker.edit,
            self.resource_picker.edit,
            self.manual_lpu,
            self.manual_resource,
            self.manual_name,
            self.date_edit,
            self.time_check,
            self.time_edit,
            self.patient_picker if training else self.token_edit,
        ]
        if not training:
            chain.append(self.remember_token)
        chain.append(self.book_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
