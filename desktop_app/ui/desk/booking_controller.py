"""The booking behaviour of the desk window: from the filled form to a rendered outcome.

``MainWindow`` lays the form, the ticket and the menus out; this controller reads the form into a
``BookingRequest``, hands it to the core's ``BookingService`` (which decides the outcome, see
``desktop_app.booking.outcome``), and renders what came back: the status line, the ticket, the
message box and the ``DeskEvent`` the training panel listens to. It also keeps the form's own
small behaviours that feed a request: pasted GUIDs used before, the training patients, and the
days a booking may be made for (the clinic's today up to ``booking_days_ahead`` days on).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import date, time, timedelta
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
from desktop_app.booking.cancel import CancelKind, CancelOutcome
from desktop_app.journal import JournalEntry, jwt_claims, token_expiry
from desktop_app.printing import ChosenBooking, clinic_zone
from desktop_app.services import Services
from desktop_app.settings.model import AppSettings
from desktop_app.text import stamp, years_text
from desktop_app.ui.desk.booking_form import BookingForm
from desktop_app.ui.desk.cancel_dialog import CancelFlow, CancelTarget
from desktop_app.ui.desk.directory import DirectoryController
from desktop_app.ui.desk.messages import (
    DUPLICATE_BOOK,
    DUPLICATE_SHOW,
    OFFLINE_SEND,
    booking_message,
    duplicate_question,
    message_for,
    offline_question,
)
from desktop_app.ui.desk.patient_block import PatientIdentity, PatientLookup
from desktop_app.ui.desk.ticket_view import TicketView
from desktop_app.ui.platform.dialogs import Message, Severity

log = logging.getLogger(__name__)

#: How many attempts' choices are kept for their slips (older ones come from the journal).
_CHOSEN_KEPT = 500
#: How far ahead a booking may be made when the settings do not say (``booking_days_ahead``).
DEFAULT_DAYS_AHEAD = 60


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
    show_entry_requested = Signal(object)  # JournalEntry: "show the existing booking"
    cancellable_changed = Signal(bool)  # the ticket on show can be cancelled

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
        #: Ctrl+Enter came while the doctor list loaded: book once it is there.
        self._book_when_loaded = False
        #: The patient of the last request (their token cancels the ticket on show).
        self._identity: PatientIdentity | None = None
        #: The ticket on show: its clinic and its patient, for "Отменить запись…".
        self._shown: tuple[str, PatientIdentity | None, str | None] | None = None
        self.lookup = PatientLookup(
            services.client, dialogs, spawn, log_path=log_path(), parent=self
        )
        block = form.patient_block
        block.set_lookup(self.lookup)
        block.set_sources(lpu_guid=self._chosen_lpu, today=services.today)
        block.set_allow_surname(bool(self._setting("allow_surname_lookup", False)))
        block.identified.connect(self._patient_identified)
        self.cancel_flow = CancelFlow(
            services.cancel,
            dialogs,
            spawn,
            lookup=self.lookup,
            parent=form,  # its dialogs open over the desk window
            allow_surname=bool(self._setting("allow_surname_lookup", False)),
            log_path=log_path(),
            today=services.today,
        )
        self.cancel_flow.finished.connect(self._cancel_finished)
        directory.resources_loading.connect(self._resources_loading)
        form.book_button.clicked.connect(self.request_booking)
        form.token_edit.textChanged.connect(self._token_changed)
        form.patient_picker.currentIndexChanged.connect(self._patient_changed)
        form.manual_recent.activated.connect(self._recent_chosen)
        form.date_edit.dateChanged.connect(self._date_changed)

    def start(self) -> None:
        """Fill the form from the session: the allowed days, training patients, the token
        given at start (``DESKTOP_APP_TOKEN``)."""
        self._apply_today()
        if self.training and self.services.sandbox is not None:
            self._fill_patients()
        if self.services.initial_token:
            # DESKTOP_APP_TOKEN (scripted use): serves the first booking; F2 clears it.
            self.form.patient_block.set_token(self.services.initial_token)
            self._token_changed(self.services.initial_token)

    @property
    def busy(self) -> bool:
        return self._busy

    def _setting(self, name: str, default: Any) -> Any:
        return getattr(self.services.settings.current, name, default)

    # -- the form ------------------------------------------------------------------------------

    def allowed_days(self) -> tuple[date, date]:
        """The first and last day a booking may be made for: the clinic's today, and today plus
        the ``booking_days_ahead`` setting."""
        today = self.services.today()
        ahead = self._setting("booking_days_ahead", DEFAULT_DAYS_AHEAD)
        try:
            ahead = max(0, int(ahead))
        except (TypeError, ValueError):
            ahead = DEFAULT_DAYS_AHEAD
        return today, today + timedelta(days=ahead)

    def date_problem(self, day: date) -> str | None:
        """Why ``day`` cannot be booked (shown next to the date field), or None."""
        first, last = self.allowed_days()
        if day < first:
            return self.tr("Этот день уже прошёл. Первый день для записи — {0}.").format(
                first.strftime("%d.%m.%Y")
            )
        if day > last:
            return self.tr(
                "Так далеко вперёд записать нельзя. Последний день для записи — {0}."
            ).format(last.strftime("%d.%m.%Y"))
        return None

    def _apply_today(self) -> None:
        """The form offers the allowed days; the field starts at the clinic's today."""
        from PySide6.QtCore import QDate

        first, last = self.allowed_days()
        qfirst = QDate(first.year, first.month, first.day)
        self.form.set_allowed_days(qfirst, QDate(last.year, last.month, last.day))
        day = cast(date, self.form.date_edit.date().toPython())
        if day < first or day > last:
            self.form.date_edit.setDate(qfirst)
        self._date_changed()

    def _date_changed(self, *_args: object) -> None:
        day = cast(date, self.form.date_edit.date().toPython())
        self.form.set_date_problem(self.date_problem(day))

    def _fill_patients(self) -> None:
        picker = self.form.patient_picker
        picker.clear()
        sandbox = self.services.sandbox
        if sandbox is None:
            return
        patients = sandbox.patients()
        self.form.set_patient_notes([self._note_of(p) for p in patients])
        for patient in patients:
            label = f"{patient['name']}, {years_text(int(patient['age']))}"
            picker.addItem(label, patient)
        self._patient_changed(picker.currentIndex())

    def _note_of(self, patient: dict[str, Any]) -> str:
        """Who the training patient is, and the documents they hand over at the counter."""
        note = str(patient.get("note", ""))
        policy = str(patient.get("policy") or "")
        born = str(patient.get("birthDate") or "")
        if not (policy and born):
            return note
        grouped = " ".join(policy[i : i + 4] for i in range(0, len(policy), 4))
        shown = date.fromisoformat(born).strftime("%d.%m.%Y")
        docs = self.tr("Документы: полис ОМС {0}, дата рождения {1}.").format(grouped, shown)
        return f"{note}\n{docs}" if note else docs

    def _patient_changed(self, index: int) -> None:
        patient = self.form.patient_picker.itemData(index)
        self.form.set_patient_note(self._note_of(patient) if patient else "")

    def _patient_identified(self, _identity: PatientIdentity) -> None:
        """The patient was found: their name in view, the focus on the Book button."""
        from PySide6.QtCore import QTimer

        self.form.book_button.setFocus()
        # Once the result line has its new height (the next turn of the event loop).
        QTimer.singleShot(
            0, self, lambda: self.form.show_field(self.form.patient_block.result_label)
        )

    def _chosen_lpu(self) -> str | None:
        """The clinic the next booking is for (chosen in the list, or a pasted GUID)."""
        f = self.form
        if f.manual_box.isVisible() and f.manual_lpu.text().strip():
            return f.manual_lpu.text().strip().lower()
        clinic = self.directory.clinic
        return clinic.guid.lower() if clinic is not None and clinic.guid else None

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
        if self._doctors_loading():
            # Ctrl+Enter typed while the doctor list loads: book when it has arrived.
            self._book_when_loaded = True
            self._set_status(self.tr("Список врачей загружается — запись продолжится сама."))
            return
        try:
            base = self._build_request()
        except FormProblem as problem:
            self._show_problem(problem)
            return
        except InvalidRequestError as exc:
            self.dialogs.show(message_for(exc))
            return
        chosen = self._chosen_of(base)  # now: the pickers may change while the patient is found
        self.set_busy(True)
        self._run(self._identify_and_book(base, chosen), "book")

    def _show_problem(self, problem: FormProblem) -> None:
        self.dialogs.show(Message(Severity.WARNING, self.tr("Проверьте данные"), problem.text))
        if problem.focus is not None:
            problem.focus.setFocus()

    def _doctors_loading(self) -> bool:
        manual = self.form.manual_box.isVisible()
        return not manual and self.directory.resource is None and self.directory.loading_resources

    def _resources_loading(self, loading: bool) -> None:
        if not loading and self._book_when_loaded:
            self._book_when_loaded = False
            from PySide6.QtCore import QTimer

            # After the list has taken the Enter typed while it loaded (the same turn).
            QTimer.singleShot(0, self, self.request_booking)

    async def _identify_and_book(self, base: BookingRequest, chosen: ChosenBooking) -> None:
        """Find the patient (the lookup call when needed), check the clinic, then book."""
        try:
            try:
                request = await self._with_patient(base)
            except FormProblem as problem:
                self._show_problem(problem)
                return
            if request is None:
                self._set_status(self.tr("Пациент не найден — запись не отправлена."))
                return
            if not await self._clinic_reachable(request):
                self._set_status(self.tr("Запись не отправлена: поликлиника не в сети."))
                self._emit(DeskEventKind.OFFLINE_DECLINED, request)
                return
            await self._book(request, chosen)
        finally:
            self.set_busy(False)

    async def _with_patient(self, base: BookingRequest) -> BookingRequest | None:
        """The request with the patient's token: the one found, or a lookup for this clinic."""
        block = self.form.patient_block
        identity = block.identity
        if block.lookup_needed_for(base.lpu_guid):
            if not block.has_query():
                raise FormProblem(
                    self.tr(
                        "Укажите пациента: полис ОМС и дату рождения (Enter — найти), "
                        "или вставьте токен."
                    ),
                    block.first_field(),
                )
            identity = await block.identify()
        if identity is None:
            return None
        patient_id = None
        if self.training:
            claims = jwt_claims(identity.token)
            sub = claims.get("sub") if claims else None
            patient_id = sub if isinstance(sub, str) else None
        display = identity.display or None
        self._identity = identity
        return replace(
            base,
            token=identity.token,
            patient_key=identity.patient_key,
            patient_label=display,
            patient_display=display,
            patient_id=patient_id,
        )

    async def _clinic_reachable(self, request: BookingRequest) -> bool:
        """An Offline clinic, or one whose status has not been confirmed for a while: ask."""
        clinic = self.directory.clinic
        if clinic is None or (clinic.guid or "").lower() != request.lpu_guid.lower():
            return True  # pasted GUIDs: the desk knows nothing about the clinic's status
        state = await self.directory.checked_state()
        if state == "online" or state == "unknown":
            return True
        question = offline_question(clinic.display_name, stale=state == "stale")
        answer = await question.ask(self.dialogs)
        if answer == OFFLINE_SEND:
            log.info("clinic %s is %s: the operator sends anyway", clinic.guid, state)
            return True
        return False

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
        problem = self.date_problem(day)
        if problem is not None:
            f.set_date_problem(problem)
            raise FormProblem(problem, f.date_edit)
        at = cast(time, f.time_edit.time().toPython()) if f.time_check.isChecked() else None
        speciality = resource.speciality if (resource is not None and not manual) else None
        # The patient (token, key, label) is filled in by ``_with_patient``.
        return BookingRequest(
            lpu_guid=lpu_guid,
            resource_guid=resource_guid,
            day=day,
            at=at,
            token="",
            patient_key="",
            clinic_name=clinic_name,
            resource_name=resource_name,
            speciality=speciality,
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

    async def _book(self, request: BookingRequest, chosen: ChosenBooking) -> None:
        async def confirm(earlier: list[EarlierAttempt]) -> bool:
            return await self._confirm_rebook(request, earlier)

        async def duplicate(entries: list[JournalEntry]) -> bool:
            return await self._confirm_duplicate(request, entries)

        try:
            outcome = await self.services.booking.book(
                request,
                confirm_rebook=confirm,
                confirm_duplicate=duplicate,
                on_sending=self._sending,
            )
        finally:
            self.set_busy(False)
        self._keep_chosen(outcome.attempt_id, chosen)
        self._render_outcome(outcome, request)

    async def _confirm_duplicate(
        self, request: BookingRequest, entries: list[JournalEntry]
    ) -> bool:
        """The journal holds an active booking of this patient to this speciality that day."""
        answer = await duplicate_question(entries).ask(self.dialogs)
        if answer == DUPLICATE_SHOW and entries:
            self.show_entry_requested.emit(entries[0])
        if answer == DUPLICATE_BOOK:
            log.info("duplicate booking confirmed by the operator")
            return True
        return False

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
        self._shown = None
        self.printable_changed.emit(False)
        self.cancellable_changed.emit(False)

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
                patient=request.label,
            )
            self._shown = (request.lpu_guid, self._identity, request.label)
            self.printable_changed.emit(True)
            self.cancellable_changed.emit(bool(ticket.ticket_guid))
            if ticket.lpu is not None and ticket.lpu.status is not None:
                self.directory.note_status(ticket.lpu.status)
        message = booking_message(outcome, training=self.training, log_path=self._log_path())
        if message is not None:
            self.dialogs.show(message)
        if outcome.reason is Reason.CREDENTIALS:
            # The token was refused: the next booking looks the patient up again.
            block = self.form.patient_block
            pasted = block.identity is not None and block.identity.pasted
            block.forget_found()
            if pasted:
                block.token_edit.setFocus()
                block.token_edit.selectAll()
            else:
                block.first_field().setFocus()
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
        if outcome.reason is Reason.DUPLICATE:
            return self.tr(
                "Запись не отправлена: у пациента уже есть запись к этому специалисту на этот день."
            )
        if outcome.reason is Reason.DECLINED:
            return self.tr("Запись отменена оператором.")
        return self.tr("Запрос на запись не отправлен.")

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def task_failed(self, exc: BaseException) -> None:
        """A background task of the window raised: the form is free again, the operator told."""
        self.set_busy(False)
        self.dialogs.show(message_for(exc, self._log_path()))

    def new_booking(self) -> None:
        """F2: clear the ticket, the patient (every field and token) and the doctor (unless the
        settings keep it); keep the clinic; start from the doctor (or the patient)."""
        if self._busy:
            return
        self._clear_ticket()
        self._book_when_loaded = False
        self.form.patient_block.clear()
        self._identity = None
        self.form.token_expiry.setText("")
        if self.training:
            self.form.patient_picker.setCurrentIndex(-1)
        keep_doctor = bool(self._setting("keep_doctor_on_new", False))
        if not keep_doctor:
            self.directory.clear_resource()
        self.form.time_check.setChecked(False)
        self._apply_today()
        first = self.form.allowed_days()[0]
        self.form.date_edit.setDate(first)
        if self.directory.clinic is None:
            target: QWidget = self.form.clinic_picker.edit
        elif keep_doctor and self.directory.resource is not None:
            target = (
                self.form.patient_picker if self.training else self.form.patient_block.first_field()
            )
        else:
            target = self.form.resource_picker.edit
        target.setFocus()
        self._set_status(self.tr("Новая запись."))
        self.desk_event.emit(DeskEvent(kind=DeskEventKind.NEW_BOOKING))

    # -- cancelling ----------------------------------------------------------------------------

    def cancel_shown(self) -> Any:
        """ "Отменить запись…" for the ticket on show: its patient's token when still at hand."""
        ticket = self.ticket_view.ticket
        if ticket is None or self._shown is None or not ticket.ticket_guid:
            self._set_status(self.tr("Нет записи, которую можно отменить."))
            return None
        lpu_guid, identity, label = self._shown
        target = CancelTarget.from_ticket(
            ticket,
            lpu_guid=lpu_guid,
            attempt_id=self.last_attempt_id,
            patient=label,
            training=self.training,
        )
        token = identity.token if identity is not None and identity.valid_for(lpu_guid) else None
        return self.cancel_flow.start(target, token)

    def token_for_entry(self, entry: JournalEntry) -> str | None:
        """The journal asks for a token to cancel ``entry``: only the ticket on show has one."""
        if self._shown is None or entry.id != self.last_attempt_id:
            return None
        lpu_guid, identity, _label = self._shown
        if identity is None or not identity.valid_for(lpu_guid):
            return None
        return identity.token

    def _cancel_finished(self, outcome: CancelOutcome | None) -> None:
        if outcome is None:
            return
        if outcome.kind is CancelKind.DONE:
            mine = outcome.attempt_id is not None and outcome.attempt_id == self.last_attempt_id
            if mine or outcome.attempt_id is None:
                self.ticket_view.set_cancelled(True)
                self.printable_changed.emit(False)
                self.cancellable_changed.emit(False)
                num = self.ticket_view.ticket.num if self.ticket_view.ticket else None
                self._set_status(self.tr("Запись отменена: талон № {0}.").format(num or "—"))
            else:
                self._set_status(self.tr("Запись отменена."))
            self.desk_event.emit(DeskEvent(kind=DeskEventKind.CANCELLED))
        elif outcome.kind is CancelKind.UNKNOWN:
            self._set_status(self.tr("Результат отмены неизвестен — проверьте запись."))
        elif outcome.kind is CancelKind.REFUSED:
            self._set_status(self.tr("Запись не отменена: сервер отказал."))
        else:
            self._set_status(self.tr("Отмена не отправлена."))


__all__ = ["BookingController", "FormProblem"]
