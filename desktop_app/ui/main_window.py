"""The operator's main window: the booking form on the left, the ticket on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api import (
    ApiError,
    BookingRejected,
    Clinic,
    CredentialsRefused,
    InvalidRequestError,
    MalformedAnswer,
    NetworkError,
    OutcomeUnknown,
    RegistryClient,
    Resource,
    ServiceUnavailable,
    check_guid,
)
from desktop_app.booking import (
    BookingInProgress,
    BookingRequest,
    BookingService,
    DeskEvent,
    DeskEventKind,
)
from desktop_app.journal import patient_key_from_token, token_expiry
from desktop_app.ui.async_tools import TaskKeeper
from desktop_app.ui.booking_form import BookingForm
from desktop_app.ui.dialogs import Dialogs, Message, Severity
from desktop_app.ui.directory import DirectoryController
from desktop_app.ui.error_messages import message_for
from desktop_app.ui.formatting import years_ru
from desktop_app.ui.slip_actions import SlipActions
from desktop_app.ui.ticket_view import TicketView

log = logging.getLogger(__name__)


@dataclass
class WindowServices:
    """What the window needs, built by the composition root (``ui/app.py``)."""

    client: RegistryClient
    booking: BookingService
    training: bool
    sandbox: Any = None  # desktop_app.sandbox.Sandbox in training mode
    initial_token: str | None = None
    log_path: Path | None = None
    today: Callable[[], date] = date.today
    journal: Any = None  # desktop_app.journal.ShiftJournal
    settings: Any = None  # desktop_app.settings.model.AppSettings
    token_store: Any = None  # desktop_app.settings.secrets.TokenStore (work mode)
    save_settings: Callable[[Any], None] | None = None
    #: Training: issues a roster patient's token (training traps); None = sandbox.issue_token.
    issue_token: Callable[[str], str] | None = None


class _ShortcutKeys(QObject):
    """Ctrl+Enter and F2 from any field of the window, even inside pickers and popups."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window:
            return False
        key = event.key()  # type: ignore[attr-defined]
        mods = event.modifiers()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.window.request_booking()
            return True
        if key == Qt.Key.Key_F2 and not mods:
            self.window.new_booking()
            return True
        if key == Qt.Key.Key_P and mods == Qt.KeyboardModifier.ControlModifier:
            self.window.slips.print_now()
            return True
        return False


class MainWindow(QMainWindow):
    desk_event = Signal(object)  # DeskEvent: what the operator saw or did (training listens)
    closed = Signal()
    switch_mode_requested = Signal()  # confirmed by the operator; the app rebuilds the session
    restart_requested = Signal()  # connection settings changed: rebuild in the same mode
    first_painted = Signal()

    def __init__(self, services: WindowServices, dialogs: Any = None) -> None:
        super().__init__()
        self.services = services
        self.training = services.training
        self.dialogs = dialogs if dialogs is not None else Dialogs(self)
        self.tasks = TaskKeeper(on_error=self._task_failed)
        self._booking_busy = False
        self._painted = False

        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self.setMinimumSize(900, 600)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.training_banner = QLabel(
            self.tr("УЧЕБНЫЙ РЕЖИМ — записи не настоящие"), central
        )
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setStyleSheet(
            "background: #ffd54f; color: #3e2700; font-weight: bold; padding: 6px;"
            "border: 2px solid #8d6e00;"
        )
        self.training_banner.setVisible(self.training)
        outer.addWidget(self.training_banner)

        self.form = BookingForm(training=self.training, parent=central)
        self.ticket_view = TicketView(central)
        ticket_side = QWidget(central)
        ticket_layout = QVBoxLayout(ticket_side)
        ticket_layout.setContentsMargins(0, 0, 0, 0)
        ticket_layout.addWidget(self.ticket_view, 1)
        self.print_row = QWidget(ticket_side)
        row = QGridLayout(self.print_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.print_button = QPushButton(self.tr("Пе&чать (Ctrl+P)"), self.print_row)
        self.print_button.setObjectName("printButton")
        self.print_button.setAccessibleName(self.tr("Напечатать талон"))
        self.print_dialog_button = QPushButton(self.tr("Печать с в&ыбором…"), self.print_row)
        self.print_dialog_button.setObjectName("printDialogButton")
        self.print_dialog_button.setAccessibleName(self.tr("Печать с выбором принтера"))
        self.preview_button = QPushButton(self.tr("Пр&осмотр"), self.print_row)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setAccessibleName(self.tr("Предварительный просмотр талона"))
        self.pdf_button = QPushButton(self.tr("PD&F…"), self.print_row)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.setAccessibleName(self.tr("Сохранить талон в PDF"))
        self.new_button = QPushButton(self.tr("&Новая запись (F2)"), self.print_row)
        self.new_button.setObjectName("newBookingButton")
        self.new_button.setAccessibleName(self.tr("Новая запись"))
        # Two rows, so nothing is clipped when the training panel narrows the window.
        placement = [(self.print_button, 0, 0, 1, 2), (self.print_dialog_button, 0, 2, 1, 1),
                     (self.new_button, 1, 0, 1, 1), (self.preview_button, 1, 1, 1, 1),
                     (self.pdf_button, 1, 2, 1, 1)]
        for button, r, c, rs, cs in placement:
            button.setAutoDefault(False)
            row.addWidget(button, r, c, rs, cs)
        ticket_layout.addWidget(self.print_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.addWidget(self.form)
        splitter.addWidget(ticket_side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.status_text = QLabel(self)
        self.status_text.setObjectName("statusText")
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.busy_bar)

        self.slips = SlipActions(
            self,
            dialogs=self.dialogs,
            journal=services.journal,
            training=self.training,
            current=lambda: (self.last_attempt_id, self.ticket_view.ticket),
            layout=lambda: self._setting("slip_layout", "roll80"),
            printer_name=lambda: self._setting("printer_name", None),
            operator_login=lambda: self._setting("operator_login", None),
            spawn=lambda coro: self.tasks.spawn(coro, name="print-slip"),
        )
        self.last_attempt_id: int | None = None
        self._build_actions()
        self._connect()
        self._set_print_enabled(False)
        self.directory = DirectoryController(
            self.form,
            services.client,
            dialogs=self.dialogs,
            spawn=self.tasks.spawn,
            set_status=self._set_status,
            log_path=self._log_path,
            parent=self,
        )
        self.directory.manual_needed.connect(lambda: self.manual_action.setChecked(True))
        self._shortcut_keys = _ShortcutKeys(self)

        self._apply_today()
        if self.training and services.sandbox is not None:
            self._fill_patients()
        self._init_token_store()
        if services.initial_token:
            self.form.token_edit.setText(services.initial_token)
            self._token_changed(services.initial_token)
        if self.training:
            self.setStyleSheet("QMainWindow { background: #fff8e1; }")

    @property
    def clinic(self) -> Clinic | None:
        return self.directory.clinic

    @property
    def resource(self) -> Resource | None:
        return self.directory.resource

    # -- construction --------------------------------------------------------------------------

    def _title(self) -> str:
        mode = self.tr("УЧЕБНЫЙ РЕЖИМ") if self.training else self.tr("рабочий режим")
        return self.tr("Запись вне расписания — {0}").format(mode)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Запис&ь"))
        self.book_action = QAction(self.tr("&Записать"), self)
        self.book_action.triggered.connect(self.request_booking)
        self.new_action = QAction(self.tr("&Новая запись (F2)"), self)
        self.new_action.triggered.connect(self.new_booking)
        self.reload_action = QAction(self.tr("&Обновить справочник"), self)
        self.reload_action.triggered.connect(lambda: self.directory.load())
        self.manual_action = QAction(self.tr("Ввод &GUID вручную"), self)
        self.manual_action.setCheckable(True)
        self.manual_action.toggled.connect(self._set_manual_mode)
        self.journal_action = QAction(self.tr("&Журнал смены…"), self)
        self.journal_action.setShortcut(QKeySequence("Ctrl+J"))
        self.journal_action.triggered.connect(self.open_journal)
        self.settings_action = QAction(self.tr("&Настройки…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        quit_action = QAction(self.tr("В&ыход"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.book_action, self.new_action, self.reload_action,
                       self.manual_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.journal_action)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        # Real desktops deliver these through the shortcut map; the key filter covers the rest.
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.request_booking)
        QShortcut(QKeySequence("F2"), self, activated=self.new_booking)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.slips.print_now)

        mode_menu = self.menuBar().addMenu(self.tr("Ре&жим"))
        self.switch_mode_action = QAction(
            self.tr("Перейти в &рабочий режим…") if self.training
            else self.tr("Перейти в &учебный режим…"),
            self,
        )
        self.switch_mode_action.setObjectName("switchModeAction")
        self.switch_mode_action.triggered.connect(
            lambda: self.tasks.spawn(self._confirm_mode_switch(), name="switch-mode")
        )
        mode_menu.addAction(self.switch_mode_action)

        print_menu = self.menuBar().addMenu(self.tr("Т&алон"))
        self.print_action = QAction(self.tr("&Печать на принтер по умолчанию\tCtrl+P"), self)
        self.print_action.triggered.connect(self.slips.print_now)
        self.print_dialog_action = QAction(self.tr("Печать с &выбором принтера…"), self)
        self.print_dialog_action.triggered.connect(self.slips.print_dialog)
        self.preview_action = QAction(self.tr("Пред&варительный просмотр"), self)
        self.preview_action.triggered.connect(self.slips.preview)
        self.pdf_action = QAction(self.tr("Сохранить в P&DF…"), self)
        self.pdf_action.triggered.connect(self.slips.save_pdf)
        for action in (self.print_action, self.print_dialog_action, self.preview_action,
                       self.pdf_action):
            print_menu.addAction(action)

    def _connect(self) -> None:
        f = self.form
        f.book_button.clicked.connect(self.request_booking)
        f.token_edit.textChanged.connect(self._token_changed)
        f.patient_picker.currentIndexChanged.connect(self._patient_changed)
        f.date_edit.installEventFilter(self)
        f.time_edit.installEventFilter(self)
        f.patient_picker.installEventFilter(self)
        f.token_edit.returnPressed.connect(f.book_button.setFocus)
        self.print_button.clicked.connect(self.slips.print_now)
        self.print_dialog_button.clicked.connect(self.slips.print_dialog)
        self.preview_button.clicked.connect(self.slips.preview)
        self.pdf_button.clicked.connect(self.slips.save_pdf)
        self.new_button.clicked.connect(self.new_booking)
        f.manual_recent.activated.connect(self._recent_chosen)
        self.slips.printed.connect(self._slip_issued)
        self.slips.busy_changed.connect(self._printing_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter moves on from date/time/patient; Ctrl+Enter is left to the shortcut filter."""
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            mods = event.modifiers()  # type: ignore[attr-defined]
            plain_enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                mods & Qt.KeyboardModifier.ControlModifier
            )
            if plain_enter and watched is self.form.date_edit:
                (self.form.time_edit if self.form.time_check.isChecked()
                 else self._patient_widget()).setFocus()
                return True
            if plain_enter and watched is self.form.time_edit:
                self._patient_widget().setFocus()
                return True
            if plain_enter and watched is self.form.patient_picker and (
                not self.form.patient_picker.view().isVisible()
            ):
                self.form.book_button.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _apply_today(self) -> None:
        """Past days are refused: the calendar starts at the clinic's today."""
        from PySide6.QtCore import QDate

        today = self.services.today()
        qtoday = QDate(today.year, today.month, today.day)
        self.form.date_edit.setMinimumDate(qtoday)
        if self.form.date_edit.date() < qtoday:
            self.form.date_edit.setDate(qtoday)

    def _setting(self, name: str, default: Any) -> Any:
        settings = self.services.settings
        return getattr(settings, name, default) if settings is not None else default

    def _set_print_enabled(self, enabled: bool) -> None:
        for widget in (self.print_button, self.print_dialog_button, self.preview_button,
                       self.pdf_button, self.print_action, self.print_dialog_action,
                       self.preview_action, self.pdf_action):
            widget.setEnabled(enabled)

    def _printing_changed(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy and self.ticket_view.ticket is not None)
        self.print_action.setEnabled(not busy and self.ticket_view.ticket is not None)
        if busy:
            self._set_status(self.tr("Печать талона…"))

    def _slip_issued(self, copy_number: int) -> None:
        ticket = self.ticket_view.ticket
        text = (self.tr("Талон напечатан.") if copy_number == 1
                else self.tr("Напечатан дубликат № {0}.").format(copy_number))
        self._set_status(text)
        self.desk_event.emit(DeskEvent(
            kind=DeskEventKind.PRINTED,
            ticket_num=ticket.num if ticket else None,
            ticket_guid=ticket.ticket_guid if ticket else None,
        ))

    def _patient_widget(self) -> QWidget:
        return self.form.patient_picker if self.training else self.form.token_edit

    # -- start-up ------------------------------------------------------------------------------

    def start(self) -> None:
        """Called once the event loop runs: load the directory, focus the clinic search."""
        self.form.clinic_picker.edit.setFocus()
        self.directory.load()

    def _fill_patients(self) -> None:
        picker = self.form.patient_picker
        picker.clear()
        for patient in self.services.sandbox.patients():
            label = f"{patient['name']}, {years_ru(int(patient['age']))}"
            picker.addItem(label, patient)
        self._patient_changed(picker.currentIndex())

    def _patient_changed(self, index: int) -> None:
        patient = self.form.patient_picker.itemData(index)
        self.form.patient_note.setText(patient.get("note", "") if patient else "")

    def _init_token_store(self) -> None:
        """"Remember" keeps the token only in the OS credential store; without one, in memory."""
        store = self.services.token_store
        box = self.form.remember_token
        if self.training or store is None:
            box.setEnabled(False)
            return
        from desktop_app.settings.secrets import NO_STORE_MESSAGE

        if not store.available():
            box.setEnabled(False)
            box.setToolTip(NO_STORE_MESSAGE)
            box.setText(self.tr("Запо&мнить токен (хранилище паролей недоступно)"))
            return
        url = self._setting("server_url", None)
        box.setChecked(bool(self._setting("remember_token", False)))
        if url and box.isChecked() and not self.services.initial_token:
            saved = store.load(url)
            if saved:
                self.services.initial_token = saved

    def _remember_token(self, token: str) -> None:
        store = self.services.token_store
        url = self._setting("server_url", None)
        if self.training or store is None or not url or not store.available():
            return
        wanted = self.form.remember_token.isChecked()
        if wanted:
            store.save(url, token)
        elif self._setting("remember_token", False):
            store.delete(url)
        if wanted != bool(self._setting("remember_token", False)):
            self._update_settings(remember_token=wanted)

    def _update_settings(self, **changes: Any) -> None:
        settings = self.services.settings
        if settings is None:
            return
        self.services.settings = settings.model_copy(update=changes)
        if self.services.save_settings is not None:
            try:
                self.services.save_settings(self.services.settings)
            except OSError as exc:
                log.warning("settings not saved: %s", exc)

    def _token_changed(self, text: str) -> None:
        if text.strip():
            from desktop_app.settings.redact import add_secret

            add_secret(text.strip())  # masked in every log line from now on
        expires = token_expiry(text.strip()) if text.strip() else None
        if expires is None:
            self.form.token_expiry.setText("")
            return
        local = expires.astimezone()
        self.form.token_expiry.setText(
            self.tr("действует до {0}").format(local.strftime("%d.%m.%Y %H:%M"))
        )

    def _set_manual_mode(self, on: bool) -> None:
        self.form.manual_box.setVisible(on)
        if on:
            self._fill_recent()
            self.form.manual_lpu.setFocus()

    def _fill_recent(self) -> None:
        """GUIDs pasted before, by the name the operator gave them."""
        combo = self.form.manual_recent
        combo.clear()
        combo.addItem(self.tr("— выберите из использованных ранее —"), None)
        settings = self.services.settings
        for entry in getattr(settings, "known_resources", []) or []:
            clinic = settings.clinic_name(entry.lpu_guid) if entry.lpu_guid else None
            label = entry.name or entry.guid
            if clinic and clinic != entry.name:
                label = f"{label} ({clinic})"
            combo.addItem(label, entry)
        combo.setEnabled(combo.count() > 1)

    def _recent_chosen(self, index: int) -> None:
        entry = self.form.manual_recent.itemData(index)
        if entry is None:
            return
        self.form.manual_lpu.setText(entry.lpu_guid or "")
        self.form.manual_resource.setText(entry.guid)
        self.form.manual_name.setText(entry.name)
        self.form.date_edit.setFocus()

    def _remember_manual(self, request: BookingRequest) -> None:
        settings = self.services.settings
        if settings is None or not self.form.manual_box.isVisible():
            return
        name = request.resource_name or request.resource_guid
        settings.remember_clinic(request.lpu_guid.lower(), request.clinic_name or name)
        settings.remember_resource(request.resource_guid.lower(), name, request.lpu_guid.lower())
        self._update_settings()
        self._fill_recent()

    # -- booking -------------------------------------------------------------------------------

    @property
    def booking_busy(self) -> bool:
        return self._booking_busy

    def request_booking(self) -> None:
        """Book (Ctrl+Enter / button). A second press while one is in flight does nothing."""
        if self._booking_busy:
            log.info("booking already in flight; ignoring a second request")
            return
        try:
            request = self._build_request()
        except _FormProblem as problem:
            self.dialogs.show(Message(Severity.WARNING, self.tr("Проверьте данные"),
                                      problem.text))
            if problem.focus is not None:
                problem.focus.setFocus()
            return
        except InvalidRequestError as exc:
            self.dialogs.show(message_for(exc))
            return
        self._set_busy(True)
        self.tasks.spawn(self._book(request), name="book")

    def _build_request(self) -> BookingRequest:
        f = self.form
        manual = f.manual_box.isVisible() and (f.manual_lpu.text().strip()
                                               or f.manual_resource.text().strip())
        if manual:
            lpu_guid = check_guid(f.manual_lpu.text(), field_name="lpu_guid")
            resource_guid = check_guid(f.manual_resource.text(), field_name="resource_guid")
            clinic_name = f.manual_name.text().strip() or None
            resource_name = clinic_name
        else:
            if self.clinic is None or not self.clinic.guid:
                raise _FormProblem(self.tr("Выберите поликлинику из списка."),
                                   f.clinic_picker.edit)
            if self.resource is None or not self.resource.guid:
                raise _FormProblem(self.tr("Выберите врача или кабинет из списка."),
                                   f.resource_picker.edit)
            lpu_guid, resource_guid = self.clinic.guid, self.resource.guid
            clinic_name = self.clinic.display_name
            resource_name = self.directory.resource_text(self.resource)
        day = f.date_edit.date().toPython()
        if day < self.services.today():
            raise _FormProblem(
                self.tr("Дата приёма уже прошла. Выберите сегодняшний или будущий день."),
                f.date_edit,
            )
        at: time | None = f.time_edit.time().toPython() if f.time_check.isChecked() else None
        if self.training:
            patient = f.patient_picker.currentData()
            if not patient:
                raise _FormProblem(self.tr("Выберите учебного пациента."), f.patient_picker)
            issue = self.services.issue_token or self.services.sandbox.issue_token
            token = issue(patient["id"])
            label = patient["name"]
            patient_id = patient["id"]
        else:
            token = f.token_edit.text().strip()
            if not token:
                raise _FormProblem(
                    self.tr("Вставьте токен пациента в поле «Токен»."), f.token_edit
                )
            label = None
            patient_id = None
        if not self.training:
            self._remember_token(token)
        return BookingRequest(
            lpu_guid=lpu_guid,
            resource_guid=resource_guid,
            day=day,
            at=at,
            token=token,
            patient_key=patient_key_from_token(token),
            patient_label=label,
            clinic_name=clinic_name,
            resource_name=resource_name,
            patient_id=patient_id,
        )

    def _emit(self, kind: DeskEventKind, request: BookingRequest, **extra: Any) -> None:
        self.desk_event.emit(DeskEvent(
            kind=kind,
            lpu_guid=request.lpu_guid.lower(),
            resource_guid=request.resource_guid.lower(),
            patient_id=request.patient_id,
            has_time=request.at is not None,
            **extra,
        ))

    async def _book(self, request: BookingRequest) -> None:
        try:
            earlier = self.services.booking.open_unknown(request)
            if earlier is not None:
                self._emit(DeskEventKind.REBOOK_WARNED, request)
                go_on = await self.dialogs.confirm(
                    Message(
                        Severity.WARNING,
                        self.tr("Возможна повторная запись"),
                        self.tr(
                            "Для этого пациента к этому врачу на этот день уже была попытка "
                            "записи с неизвестным результатом. Запись могла быть создана."
                        ),
                        self.tr(
                            "Сначала проверьте, есть ли у пациента запись. Записать ещё раз?"
                        ),
                    ),
                    yes=self.tr("Записать ещё раз"),
                    no=self.tr("Отмена"),
                )
                if not go_on:
                    self._set_status(self.tr("Запись отменена оператором."))
                    self._emit(DeskEventKind.REBOOK_CANCELLED, request)
                    return
                self._emit(DeskEventKind.REBOOK_CONFIRMED, request)
                self.services.booking.journal.resolve_unknown(  # type: ignore[union-attr]
                    earlier.id, "operator confirmed a new attempt"
                )
            self._set_status(self.tr("Отправка записи…"))
            result = await self.services.booking.book(request)
        except BookingInProgress:
            return
        except ApiError as exc:
            log.info("booking failed: %s", exc)
            self._set_status(self.tr("Запись не создана."))
            self.dialogs.show(message_for(exc, self._log_path()))
            if isinstance(exc, CredentialsRefused) and not self.training:
                self.form.token_edit.setFocus()
                self.form.token_edit.selectAll()
            self._emit(_event_kind(exc), request, message_code=exc.message_code,
                       status=exc.status)
            return
        finally:
            self._set_busy(False)
        self.last_attempt_id = result.attempt_id
        self._remember_manual(request)
        self.ticket_view.show_ticket(result.ticket, training=self.training)
        self._set_print_enabled(True)
        self._set_status(self.tr("Записано: талон № {0}").format(result.ticket.num or "—"))
        if result.ticket.lpu is not None and result.ticket.lpu.status is not None:
            self.form.clinic_status.set_status(result.ticket.lpu.status)
        self._emit(DeskEventKind.BOOKED, request, ticket_num=result.ticket.num,
                   ticket_guid=result.ticket.ticket_guid)

    def _set_busy(self, busy: bool) -> None:
        self._booking_busy = busy
        self.form.book_button.setEnabled(not busy)
        self.book_action.setEnabled(not busy)
        self.busy_bar.setVisible(busy)

    def new_booking(self) -> None:
        """F2: clear the ticket and the doctor, keep the clinic, start from the doctor."""
        if self._booking_busy:
            return
        self.ticket_view.clear()
        self.last_attempt_id = None
        self._set_print_enabled(False)
        self.directory.clear_resource()
        self.form.time_check.setChecked(False)
        self.form.date_edit.setDate(self.form.date_edit.minimumDate())
        target = self.form.resource_picker.edit if self.clinic else self.form.clinic_picker.edit
        target.setFocus()
        self._set_status(self.tr("Новая запись."))
        self.desk_event.emit(DeskEvent(kind=DeskEventKind.NEW_BOOKING))

    # -- dialogs -------------------------------------------------------------------------------

    def open_journal(self) -> Any:
        from desktop_app.ui.journal_view import JournalView

        if self.services.journal is None:
            return None
        view = JournalView(self.services.journal, self, on_reprint=self._reprint_entry)
        view.setObjectName("journalView")
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.resize(1000, 560)
        view.open()
        return view

    def _reprint_entry(self, entry: Any) -> None:
        if entry.ticket is not None:
            self.slips.reprint(entry.id, entry.ticket)

    def open_settings(self) -> Any:
        from desktop_app.settings.secrets import TokenStore
        from desktop_app.ui.settings_dialog import SettingsDialog

        if self.services.settings is None:
            return None
        store = self.services.token_store or TokenStore()
        dialog = SettingsDialog(self.services.settings, store, self)
        dialog.setObjectName("settingsDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.open()
        return dialog

    def _settings_accepted(self, dialog: Any) -> None:
        old = self.services.settings
        new = dialog.result_settings()
        self.services.settings = new
        if self.services.save_settings is not None:
            try:
                self.services.save_settings(new)
            except OSError as exc:
                self.dialogs.show(Message(
                    Severity.ERROR, self.tr("Настройки не сохранены"),
                    self.tr("Не удалось записать файл настроек: {0}").format(exc),
                    self.tr("Настройки действуют до закрытия программы."),
                ))
        connection = ("server_url", "extra_ca_file", "proxy_url", "use_system_proxy",
                      "connect_timeout", "read_timeout", "booking_datetime_format",
                      "booking_path", "clinics_path", "clinic_path", "resources_path")
        changed = any(getattr(old, f) != getattr(new, f) for f in connection)
        self._set_status(self.tr("Настройки сохранены."))
        if changed and not self.training:
            self.restart_requested.emit()

    # -- mode ----------------------------------------------------------------------------------

    async def _confirm_mode_switch(self) -> None:
        if self._booking_busy:
            return
        if self.training:
            url = self._setting("server_url", None)
            if not url:
                self.dialogs.show(Message(
                    Severity.INFO, self.tr("Рабочий режим"),
                    self.tr("Адрес сервера регистратуры не указан."),
                    self.tr("Укажите его в настройках (меню «Запись» → «Настройки…»), затем "
                            "перейдите в рабочий режим."),
                ))
                return
            question = Message(
                Severity.WARNING, self.tr("Перейти в рабочий режим?"),
                self.tr("В рабочем режиме записи НАСТОЯЩИЕ: пациенты будут записаны на приём "
                        "через сервер {0}.").format(url),
                self.tr("Учебные записи и упражнения останутся в учебном режиме."),
            )
            yes = self.tr("Перейти в рабочий режим")
        else:
            question = Message(
                Severity.INFO, self.tr("Перейти в учебный режим?"),
                self.tr("В учебном режиме программа работает со встроенной песочницей: "
                        "записи не настоящие, сервер регистратуры не используется."),
            )
            yes = self.tr("Перейти в учебный режим")
        if await self.dialogs.confirm(question, yes=yes, no=self.tr("Отмена")):
            self.switch_mode_requested.emit()

    # -- misc ----------------------------------------------------------------------------------

    def bring_forward(self) -> None:
        """A second start of the app asked this window to come to the front."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _set_status(self, text: str) -> None:
        self.status_text.setText(text)

    def _log_path(self) -> str | None:
        return str(self.services.log_path) if self.services.log_path else None

    def _task_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.dialogs.show(message_for(exc, self._log_path()))

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        app = self._app()
        if app is not None:
            app.installEventFilter(self._shortcut_keys)

    def closeEvent(self, event: QCloseEvent) -> None:
        app = self._app()
        if app is not None:
            app.removeEventFilter(self._shortcut_keys)
        self.directory.stop()
        super().closeEvent(event)
        self.closed.emit()

    @staticmethod
    def _app() -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.instance()


def _event_kind(exc: ApiError) -> DeskEventKind:
    if isinstance(exc, OutcomeUnknown) or (isinstance(exc, MalformedAnswer) and exc.after_booking):
        return DeskEventKind.OUTCOME_UNKNOWN
    if isinstance(exc, MalformedAnswer):
        return DeskEventKind.MALFORMED
    if isinstance(exc, BookingRejected):
        return DeskEventKind.REJECTED
    if isinstance(exc, CredentialsRefused):
        return DeskEventKind.CREDENTIALS_REFUSED
    if isinstance(exc, ServiceUnavailable):
        return DeskEventKind.UNAVAILABLE
    if isinstance(exc, NetworkError):
        return DeskEventKind.NETWORK
    return DeskEventKind.OTHER_ERROR


class _FormProblem(Exception):
    def __init__(self, text: str, focus: QWidget | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.focus = focus


__all__ = ["MainWindow", "WindowServices"]
