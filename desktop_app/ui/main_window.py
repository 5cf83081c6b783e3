"""The operator's main window: the booking form on the left, the ticket on the right."""

from __future__ import annotations

import logging
from datetime import date, time
from typing import Any, cast

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
    Clinic,
    InvalidRequestError,
    Resource,
    check_guid,
)
from desktop_app.booking import (
    BookingOutcome,
    BookingRequest,
    DeskEvent,
    DeskEventKind,
    EarlierAttempt,
    OutcomeKind,
    Reason,
)
from desktop_app.journal import patient_key_from_token, token_expiry
from desktop_app.services import Services
from desktop_app.settings.model import AppSettings
from desktop_app.text import stamp, years_ru
from desktop_app.ui.async_tools import TaskKeeper
from desktop_app.ui.booking_form import BookingForm
from desktop_app.ui.dialogs import Dialogs, Message, Severity
from desktop_app.ui.directory import DirectoryController
from desktop_app.ui.error_messages import booking_message, message_for
from desktop_app.ui.slip_actions import SlipActions
from desktop_app.ui.ticket_view import TicketView

log = logging.getLogger(__name__)


#: What the window needs: one session's ``Services`` (built by ``desktop_app.services``).
WindowServices = Services


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
        self.status_text.setTextFormat(Qt.TextFormat.PlainText)
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
        for seq, slot in (("Ctrl+Return", self.request_booking),
                          ("Ctrl+Enter", self.request_booking),
                          ("F2", self.new_booking), ("Ctrl+P", self.slips.print_now)):
            QShortcut(QKeySequence(seq), self).activated.connect(slot)

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
        return getattr(self.services.settings.current, name, default)

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
        sandbox = self.services.sandbox
        if sandbox is None:
            return
        for patient in sandbox.patients():
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

    def _update_settings(self, **changes: Any) -> None:
        """A small change the operator did not ask to save (a remembered choice): a failed
        save is only logged (the owner did), the change still holds for this run."""
        self.services.settings.update(**changes)

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
            self.tr("действует до {0}").format(stamp(local))
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
        settings = self.services.settings.current
        for entry in settings.known_resources:
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
        if not self.form.manual_box.isVisible():
            return
        name = request.resource_name or request.resource_guid
        lpu, resource = request.lpu_guid.lower(), request.resource_guid.lower()

        def remember(settings: AppSettings) -> None:
            settings.remember_clinic(lpu, request.clinic_name or name)
            settings.remember_resource(resource, name, lpu)

        self.services.settings.update_with(remember)  # a failed save is logged by the owner
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
        day = cast(date, f.date_edit.date().toPython())
        if day < self.services.today():
            raise _FormProblem(
                self.tr("Дата приёма уже прошла. Выберите сегодняшний или будущий день."),
                f.date_edit,
            )
        at = cast(time, f.time_edit.time().toPython()) if f.time_check.isChecked() else None
        if self.training:
            patient = f.patient_picker.currentData()
            if not patient:
                raise _FormProblem(self.tr("Выберите учебного пациента."), f.patient_picker)
            issue = self.services.issue_token
            if issue is None and self.services.sandbox is not None:
                issue = self.services.sandbox.issue_token
            if issue is None:
                raise _FormProblem(self.tr("Выберите учебного пациента."), f.patient_picker)
            token = issue(patient["id"])
            label = patient["name"]
            patient_id = patient["id"]
        else:
            token = f.token_edit.text()
            if not token.strip():
                raise _FormProblem(
                    self.tr("Вставьте токен пациента в поле «Токен»."), f.token_edit
                )
            label = None
            patient_id = None
        return BookingRequest(
            lpu_guid=lpu_guid,
            resource_guid=resource_guid,
            day=day,
            at=at,
            token=token,
            patient_key=patient_key_from_token("".join(token.split())),
            patient_label=label,
            clinic_name=clinic_name,
            resource_name=resource_name,
            patient_id=patient_id,
            remember_token=(not self.training and f.remember_token.isEnabled()
                            and f.remember_token.isChecked()),
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
        async def confirm(earlier: list[EarlierAttempt]) -> bool:
            return await self._confirm_rebook(request, earlier)

        try:
            outcome = await self.services.booking.book(
                request, confirm_rebook=confirm, on_sending=self._sending
            )
        finally:
            self._set_busy(False)
        self._render_outcome(outcome, request)

    async def _confirm_rebook(self, request: BookingRequest,
                              earlier: list[EarlierAttempt]) -> bool:
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
        if go_on:
            self._emit(DeskEventKind.REBOOK_CONFIRMED, request)
        return go_on

    def _sending(self) -> None:
        """The request is about to leave: the previous patient's ticket must not stay."""
        self._clear_ticket()
        self._set_status(self.tr("Отправка записи…"))

    def _clear_ticket(self) -> None:
        self.ticket_view.clear()
        self.last_attempt_id = None
        self._set_print_enabled(False)

    def _render_outcome(self, outcome: BookingOutcome, request: BookingRequest) -> None:
        """Show what happened; the outcome was decided by the booking service."""
        self._set_status(self._status_for(outcome))
        if outcome.booked and outcome.ticket is not None:
            ticket = outcome.ticket
            self.last_attempt_id = outcome.attempt_id
            self._remember_manual(request)
            self.ticket_view.show_ticket(ticket, training=self.training)
            self._set_print_enabled(True)
            if ticket.lpu is not None and ticket.lpu.status is not None:
                self.form.clinic_status.set_status(ticket.lpu.status)
            self._sync_remember_setting(request)
        message = booking_message(outcome, training=self.training, log_path=self._log_path())
        if message is not None:
            self.dialogs.show(message)
        if outcome.reason is Reason.CREDENTIALS and not self.training:
            self.form.token_edit.setFocus()
            self.form.token_edit.selectAll()
        if outcome.reason is Reason.BUSY:
            return
        self._emit(outcome.desk_event, request, message_code=outcome.message_code,
                   status=outcome.status,
                   ticket_num=outcome.ticket.num if outcome.ticket else None,
                   ticket_guid=outcome.ticket.ticket_guid if outcome.ticket else None)

    def _status_for(self, outcome: BookingOutcome) -> str:
        kind = outcome.kind
        if kind is OutcomeKind.BOOKED:
            num = outcome.ticket.num if outcome.ticket and outcome.ticket.num else "—"
            text = self.tr("Записано: талон № {0}").format(num)
            if not outcome.journal_saved:
                text += self.tr(" — талон не записан в журнал смены")
            return text
        if kind is OutcomeKind.BOOKED_UNREADABLE:
            return self.tr("Запись, вероятно, создана, но талон не прочитан — проверьте запись.")
        if kind is OutcomeKind.UNKNOWN:
            return self.tr("Результат записи неизвестен — проверьте, создана ли запись.")
        if kind is OutcomeKind.REFUSED:
            return self.tr("Запись не создана: сервер отказал.")
        if outcome.reason is Reason.DECLINED:
            return self.tr("Запись отменена оператором.")
        return self.tr("Запрос на запись не отправлен.")

    def _sync_remember_setting(self, request: BookingRequest) -> None:
        """The server accepted the token: keep the operator's "remember" choice in settings."""
        if self.training or not self.form.remember_token.isEnabled():
            return
        was = bool(self._setting("remember_token", False))
        if request.remember_token == was:
            return
        self._update_settings(remember_token=request.remember_token)
        store, url = self.services.token_store, self._setting("server_url", None)
        if not request.remember_token and store is not None and url:
            try:
                store.delete(url)
            except Exception as exc:  # the credential store must not spoil a booking
                log.warning("remembered token not deleted: %s", type(exc).__name__)

    def _set_busy(self, busy: bool) -> None:
        self._booking_busy = busy
        self.form.book_button.setEnabled(not busy)
        self.book_action.setEnabled(not busy)
        self.busy_bar.setVisible(busy)

    def new_booking(self) -> None:
        """F2: clear the ticket and the doctor, keep the clinic, start from the doctor."""
        if self._booking_busy:
            return
        self._clear_ticket()
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

        store = self.services.token_store or TokenStore()
        dialog = SettingsDialog(self.services.settings.current, store, self)
        dialog.setObjectName("settingsDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.token_forgotten.connect(self._token_forgotten)
        dialog.open()
        return dialog

    def _token_forgotten(self) -> None:
        """"Forget the token" in settings: the next booking must not remember it again."""
        self.form.remember_token.setChecked(False)
        if self._setting("remember_token", False):
            self._update_settings(remember_token=False)

    def _settings_accepted(self, dialog: Any) -> None:
        old = self.services.settings.current
        # The dialog does not own "remember the token" (the form does, and "forget" in the
        # dialog already cleared it): its snapshot must not switch it back on.
        new = dialog.result_settings().model_copy(update={"remember_token": old.remember_token})
        problem = self.services.settings.replace(new)
        if problem is not None:
            self.dialogs.show(Message(
                Severity.ERROR, self.tr("Настройки не сохранены"),
                self.tr("Не удалось записать файл настроек: {0}").format(problem),
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


class _FormProblem(Exception):
    def __init__(self, text: str, focus: QWidget | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.focus = focus


__all__ = ["MainWindow", "WindowServices"]
