"""The booking behaviour of the desk window: from the filled form to a rendered outcome.

``MainWindow`` lays the form, the ticket and the menus out; this controller reads the form into a
``BookingRequest``, hands it to the core's ``BookingService`` (which decides the outcome, see
``desktop_app.booking.outcome``), and renders what came back: the status line, the ticket, the
message box and the ``DeskEvent`` the training panel listens to. It also keeps the form's own
small behaviours that feed a request: the remembered token, pasted GUIDs used before, the
training patients and the clinic's today.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import date, time
from typing import Any, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.api import InvalidRequestError, check_guid
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
from desktop_app.printing import ChosenBooking, clinic_zone
from desktop_app.services import Services
from desktop_app.settings.model import AppSettings
from desktop_app.text import stamp, years_ru
from desktop_app.ui.desk.booking_form import BookingForm
from desktop_app.ui.desk.directory import DirectoryController
from desktop_app.ui.desk.messages import booking_message, message_for
from desktop_app.ui.desk.ticket_view import TicketView
from desktop_app.ui.platform.dialogs import Message, Severity

log = logging.getLogger(__name__)

#: How many attempts' choices are kept for their slips (older ones come from the journal).
_CHOSEN_KEPT = 500


class FormProblem(Exception):
    """The form cannot make a request yet: what to tell the operator, where to put the focus."""

    def __init__(self, text: str, focus: QWidget | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.focus = focus


class BookingController(QObject):
    """One window's booking flow; the window connects its buttons, menus and keys to it."""

    desk_event = Signal(object)  # DeskEvent: what the operator saw or did (training listens)
    busy_changed = Signal(bool)  # a booking is in flight
    printable_changed = Signal(bool)  # a ticket that can be printed is (or is no longer) shown

    def __init__(
        self,
        form: BookingForm,
        ticket_view: TicketView,
        services: Services,
        *,
        directory: DirectoryController,
        dialogs: Any,
        spawn: Callable[..., Any],
        set_status: Callable[[str], None],
        log_path: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.ticket_view = ticket_view
        self.services = services
        self.training = services.training
        self.directory = directory
        self.dialogs = dialogs
        self._spawn = spawn
        self._set_status = set_status
        self._log_path = log_path
        self._busy = False
        self.last_attempt_id: int | None = None
        #: What the operator chose for each attempt (by journal id): fills a sparse slip.
        self._chosen: dict[int, ChosenBooking] = {}
        form.book_button.clicked.connect(self.request_booking)
        form.token_edit.textChanged.connect(self._token_changed)
        form.patient_picker.currentIndexChanged.connect(self._patient_changed)
        form.manual_recent.activated.connect(self._recent_chosen)

    def start(self) -> None:
        """Fill the form from the session: today, training patients, the remembered token."""
        self._apply_today()
        if self.training and self.services.sandbox is not None:
            self._fill_patients()
        self._init_token_store()
        if self.services.initial_token:
            self.form.token_edit.setText(self.services.initial_token)
            self._token_changed(self.services.initial_token)

    @property
    def busy(self) -> bool:
        return self._busy

    def _setting(self, name: str, default: Any) -> Any:
        return getattr(self.services.settings.current, name, default)

    def _update_settings(self, **changes: Any) -> None:
        """A small change the operator did not ask to save (a remembered choice): a failed
        save is only logged (the owner did), the change still holds for this run."""
        self.services.settings.update(**changes)

    # -- the form ------------------------------------------------------------------------------

    def _apply_today(self) -> None:
        """Past days are refused: the calendar starts at the clinic's today."""
        from PySide6.QtCore import QDate

        today = self.services.today()
        qtoday = QDate(today.year, today.month, today.day)
        self.form.date_edit.setMinimumDate(qtoday)
        if self.form.date_edit.date() < qtoday:
            self.form.date_edit.setDate(qtoday)

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
        """ "Remember" keeps the token only in the OS credential store; without one, in memory."""
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

    def _token_changed(self, text: str) -> None:
        if text.strip():
            from desktop_app.settings.redact import add_secret

            add_secret(text.strip())  # masked in every log line from now on
        expires = token_expiry(text.strip()) if text.strip() else None
        if expires is None:
            self.form.token_expiry.setText("")
            return
        local = expires.astimezone()
        self.form.token_expiry.setText(self.tr("действует до {0}").format(stamp(local)))

    def token_forgotten(self) -> None:
        """ "Forget the token" in settings: the next booking must not remember it again."""
        self.form.remember_token.setChecked(False)
        if self._setting("remember_token", False):
            self._update_settings(remember_token=False)

    def set_manual_mode(self, on: bool) -> None:
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

    def request_booking(self) -> None:
        """Book (Ctrl+Enter / button). A second press while one is in flight does nothing."""
        if self._busy:
            log.info("booking already in flight; ignoring a second request")
            return
        try:
            request = self._build_request()
        except FormProblem as problem:
            self.dialogs.show(Message(Severity.WARNING, self.tr("Проверьте данные"), problem.text))
            if problem.focus is not None:
                problem.focus.setFocus()
            return
        except InvalidRequestError as exc:
            self.dialogs.show(message_for(exc))
            return
        self.set_busy(True)
        self._run(self._book(request), "book")

    def _run(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        self._spawn(coro, name=name)

    def _build_request(self) -> BookingRequest:
        f = self.form
        clinic, resource = self.directory.clinic, self.directory.resource
        manual = f.manual_box.isVisible() and (
            f.manual_lpu.text().strip() or f.manual_resource.text().strip()
        )
        if manual:
            lpu_guid = check_guid(f.manual_lpu.text(), field_name="lpu_guid")
            resource_guid = check_guid(f.manual_resource.text(), field_name="resource_guid")
            clinic_name = f.manual_name.text().strip() or None
            resource_name = clinic_name
        else:
            if clinic is None or not clinic.guid:
                raise FormProblem(self.tr("Выберите поликлинику из списка."), f.clinic_picker.edit)
            if resource is None or not resource.guid:
                raise FormProblem(
                    self.tr("Выберите врача или кабинет из списка."), f.resource_picker.edit
                )
            lpu_guid, resource_guid = clinic.guid, resource.guid
            clinic_name = clinic.display_name
            resource_name = self.directory.resource_text(resource)
        day = cast(date, f.date_edit.date().toPython())
        if day < self.services.today():
            raise FormProblem(
                self.tr("Дата приёма уже прошла. Выберите сегодняшний или будущий день."),
                f.date_edit,
            )
        at = cast(time, f.time_edit.time().toPython()) if f.time_check.isChecked() else None
        if self.training:
            patient = f.patient_picker.currentData()
            if not patient:
                raise FormProblem(self.tr("Выберите учебного пациента."), f.patient_picker)
            issue = self.services.issue_token
            if issue is None and self.services.sandbox is not None:
                issue = self.services.sandbox.issue_token
            if issue is None:
                raise FormProblem(self.tr("Выберите учебного пациента."), f.patient_picker)
            token = issue(patient["id"])
            label = patient["name"]
            patient_id = patient["id"]
        else:
            token = f.token_edit.text()
            if not token.strip():
                raise FormProblem(self.tr("Вставьте токен пациента в поле «Токен»."), f.token_edit)
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
            remember_token=(
                not self.training and f.remember_token.isEnabled() and f.remember_token.isChecked()
            ),
        )

    def _emit(self, kind: DeskEventKind, request: BookingRequest, **extra: Any) -> None:
        self.desk_event.emit(
            DeskEvent(
                kind=kind,
                lpu_guid=request.lpu_guid.lower(),
                resource_guid=request.resource_guid.lower(),
                patient_id=request.patient_id,
                has_time=request.at is not None,
                **extra,
            )
        )

    def chosen_for(self, attempt_id: int) -> ChosenBooking | None:
        """What the operator chose for this attempt, if it was booked in this window."""
        return self._chosen.get(attempt_id)

    def _chosen_of(self, request: BookingRequest) -> ChosenBooking:
        """The clinic, resource, day and time the request was made for, as the desk knew them."""
        clinic, resource = self.directory.clinic, self.directory.resource
        if clinic is None or (clinic.guid or "").lower() != request.lpu_guid.lower():
            clinic = None
        if resource is None or (resource.guid or "").lower() != request.resource_guid.lower():
            resource = None
        chosen = ChosenBooking.from_directory(clinic, resource, request.day, request.at)
        if clinic is None and request.clinic_name:  # a pasted GUID with the operator's name
            chosen = replace(chosen, clinic_name=request.clinic_name)
        return chosen

    def _keep_chosen(self, attempt_id: int | None, chosen: ChosenBooking) -> None:
        if attempt_id is None:
            return
        self._chosen[attempt_id] = chosen
        while len(self._chosen) > _CHOSEN_KEPT:
            del self._chosen[next(iter(self._chosen))]

    async def _book(self, request: BookingRequest) -> None:
        chosen = self._chosen_of(request)  # before the await: the pickers may change meanwhile

        async def confirm(earlier: list[EarlierAttempt]) -> bool:
            return await self._confirm_rebook(request, earlier)

        try:
            outcome = await self.services.booking.book(
                request, confirm_rebook=confirm, on_sending=self._sending
            )
        finally:
            self.set_busy(False)
        self._keep_chosen(outcome.attempt_id, chosen)
        self._render_outcome(outcome, request)

    async def _confirm_rebook(self, request: BookingRequest, earlier: list[EarlierAttempt]) -> bool:
        self._emit(DeskEventKind.REBOOK_WARNED, request)
        go_on = await self.dialogs.confirm(
            Message(
                Severity.WARNING,
                self.tr("Возможна повторная запись"),
                self.tr(
                    "Для этого пациента к этому врачу на этот день уже была попытка "
                    "записи с неизвестным результатом. Запись могла быть создана."
                ),
                self.tr("Сначала проверьте, есть ли у пациента запись. Записать ещё раз?"),
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
        self.printable_changed.emit(False)

    def _render_outcome(self, outcome: BookingOutcome, request: BookingRequest) -> None:
        """Show what happened; the outcome was decided by the booking service."""
        self._set_status(self._status_for(outcome))
        if outcome.booked and outcome.ticket is not None:
            ticket = outcome.ticket
            self.last_attempt_id = outcome.attempt_id
            self._remember_manual(request)
            self.ticket_view.show_ticket(
                ticket,
                training=self.training,
                zone=clinic_zone(self._setting("server_utc_offset_minutes", None)),
            )
            self.printable_changed.emit(True)
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
        self._emit(
            outcome.desk_event,
            request,
            message_code=outcome.message_code,
            status=outcome.status,
            ticket_num=outcome.ticket.num if outcome.ticket else None,
            ticket_guid=outcome.ticket.ticket_guid if outcome.ticket else None,
        )

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

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def task_failed(self, exc: BaseException) -> None:
        """A background task of the window raised: the form is free again, the operator told."""
        self.set_busy(False)
        self.dialogs.show(message_for(exc, self._log_path()))

    def new_booking(self) -> None:
        """F2: clear the ticket and the doctor, keep the clinic, start from the doctor."""
        if self._busy:
            return
        self._clear_ticket()
        self.directory.clear_resource()
        self.form.time_check.setChecked(False)
        self.form.date_edit.setDate(self.form.date_edit.minimumDate())
        target = (
            self.form.resource_picker.edit
            if self.directory.clinic
            else self.form.clinic_picker.edit
        )
        target.setFocus()
        self._set_status(self.tr("Новая запись."))
        self.desk_event.emit(DeskEvent(kind=DeskEventKind.NEW_BOOKING))


__all__ = ["BookingController", "FormProblem"]
