"""Cancelling a booking: which ticket, why, a last "are you sure", then one cancellation call.

``CancelDialog`` (the view) shows the ticket (number, doctor, time, patient), a reason from the
short list (``desktop_app.booking.cancel.CANCEL_REASONS``) and free text (required for "Другая
причина"). Its default button, and Esc, is "Не отменять". When no token of the booking's patient
is at hand (cancelling from the journal) it embeds a ``PatientBlock`` to identify the patient
first, in work and training mode alike.

``CancelFlow`` (the controller) opens the dialog, asks the confirmation (default "Не отменять"),
runs ``CancelService.cancel`` and renders its ``CancelOutcome`` through ``messages.py``
(``cancel_message``). It never decides what happened: the service does.

Wiring: ``flow = CancelFlow(services_cancel, dialogs, spawn, lookup=patient_lookup,
parent=window)``; ``flow.start(CancelTarget.from_ticket(...) or .from_entry(entry), token)``;
listen to ``flow.finished(outcome | None)`` to refresh the card or the journal.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api import TicketVisitWithLpu
from desktop_app.booking.cancel import CANCEL_REASONS, CancelOutcome
from desktop_app.text import hhmm, stamp, time_range, translate
from desktop_app.ui.desk.messages import cancel_buttons, cancel_message, cancel_question
from desktop_app.ui.desk.patient_block import PatientBlock, PatientIdentity, PatientLookup

if TYPE_CHECKING:
    from desktop_app.journal import JournalEntry

log = logging.getLogger(__name__)

#: The "other" reason: its free text is the reason, so it is required.
OTHER_REASON = 9
REASON_TEXT_LIMIT = 300
ERROR_COLOUR = "#b3261e"

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]


@dataclass(frozen=True)
class CancelTarget:
    """The booking to cancel, as the dialog shows it and the service needs it."""

    lpu_guid: str
    ticket_guid: str | None
    attempt_id: int | None = None
    number: str | None = None
    doctor: str | None = None
    when: str | None = None
    patient: str | None = None
    training: bool = False

    @classmethod
    def from_entry(cls, entry: JournalEntry) -> CancelTarget:
        """A journal row (its ticket, if any, for the doctor and time)."""
        ticket = entry.ticket
        begin = entry.begin_time or (ticket.begin_time if ticket else None)
        if begin is not None:
            when = stamp(begin)
        else:
            day = f"{entry.day.day:02d}.{entry.day.month:02d}.{entry.day.year:04d}"
            when = f"{day} {hhmm(entry.at)}".strip()
        return cls(
            lpu_guid=entry.lpu_guid,
            ticket_guid=entry.ticket_guid or (ticket.ticket_guid if ticket else None),
            attempt_id=entry.id,
            number=entry.ticket_num or (ticket.num if ticket else None),
            doctor=entry.resource_name or (ticket.doc_fio if ticket else None),
            when=when,
            patient=entry.patient_label,
            training=entry.training,
        )

    @classmethod
    def from_ticket(
        cls,
        ticket: TicketVisitWithLpu,
        *,
        lpu_guid: str,
        attempt_id: int | None,
        patient: str | None,
        doctor: str | None = None,
        training: bool = False,
    ) -> CancelTarget:
        """The ticket on the card (its journal row, if it has one)."""
        when = None
        if ticket.begin_time is not None:
            day = ticket.begin_time
            span = time_range(ticket.begin_time, ticket.end_time)
            when = f"{day.day:02d}.{day.month:02d}.{day.year:04d} {span}"
        return cls(
            lpu_guid=lpu_guid,
            ticket_guid=ticket.ticket_guid,
            attempt_id=attempt_id,
            number=ticket.num,
            doctor=ticket.doc_fio or doctor,
            when=when,
            patient=patient,
            training=training,
        )

    def summary(self) -> str:
        """One line for the confirmation: "талон № 12, 28.11.2026 10:20, Смирнова Е. В."."""
        parts = []
        if self.number:
            parts.append(
                QCoreApplication.translate("CancelDialog", "талон № {0}").format(self.number)
            )
        if self.when:
            parts.append(self.when)
        if self.doctor:
            parts.append(self.doctor)
        if self.patient:
            parts.append(self.patient)
        return ", ".join(parts)


@dataclass(frozen=True)
class CancelChoice:
    """What the operator chose: the reason code, the reason text sent, the token to use."""

    reason_code: int
    reason: str
    reason_words: str
    token: str | None
    identity: PatientIdentity | None = None

    def __repr__(self) -> str:
        return f"CancelChoice(reason_code={self.reason_code}, token=***)"


class CancelDialog(QDialog):
    """ "Отменить запись…": the ticket, a reason, free text; "Не отменять" is the default.

    ``need_patient`` embeds a ``PatientBlock`` (looking up through ``lookup`` for the booking's
    clinic); then "Отменить запись" needs the patient identified. ``choice()`` after
    ``accepted``.
    """

    def __init__(
        self,
        target: CancelTarget,
        parent: QWidget | None = None,
        *,
        need_patient: bool = False,
        lookup: PatientLookup | None = None,
        allow_surname: bool = False,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cancelDialog")
        self.setWindowTitle(self.tr("Отмена записи"))
        self.setAccessibleName(self.tr("Отмена записи"))
        self.target = target
        self._choice: CancelChoice | None = None

        self.ticket_label = QLabel(self)
        self.ticket_label.setObjectName("cancelTicket")
        self.ticket_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ticket_label.setWordWrap(True)
        self.ticket_label.setText(self._ticket_text(target))
        self.ticket_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.patient_block: PatientBlock | None = None
        patient_box: QGroupBox | None = None
        if need_patient:
            patient_box = QGroupBox(self.tr("Найдите пациента этой записи"), self)
            patient_box.setObjectName("cancelPatientBox")
            box_layout = QVBoxLayout(patient_box)
            hint = QLabel(
                self.tr(
                    "Для отмены нужен токен пациента: введите полис и дату рождения и "
                    "нажмите Enter."
                ),
                patient_box,
            )
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555555;")
            box_layout.addWidget(hint)
            self.patient_block = PatientBlock(
                patient_box,
                lpu_guid=lambda: target.lpu_guid,
                lookup=lookup,
                allow_surname=allow_surname,
                today=today,
            )
            box_layout.addWidget(self.patient_block)

        self.reason = QComboBox(self)
        self.reason.setObjectName("cancelReason")
        self.reason.setAccessibleName(self.tr("Причина отмены"))
        for code, words in CANCEL_REASONS:
            self.reason.addItem(translate("CancelReasons", words), code)
        self.reason_text = QLineEdit(self)
        self.reason_text.setObjectName("cancelReasonText")
        self.reason_text.setAccessibleName(self.tr("Пояснение к причине отмены"))
        self.reason_text.setMaxLength(REASON_TEXT_LIMIT)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("cancelError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        reason_label = QLabel(self.tr("&Причина:"), self)
        reason_label.setBuddy(self.reason)
        text_label = QLabel(self.tr("Пояснени&е:"), self)
        text_label.setBuddy(self.reason_text)
        form.addRow(reason_label, self.reason)
        form.addRow(text_label, self.reason_text)

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(
            self.tr("&Отменить запись"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button.setObjectName("cancelConfirm")
        self.keep_button = self.buttons.addButton(
            self.tr("&Не отменять"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setObjectName("cancelKeep")
        self.cancel_button.setAutoDefault(False)
        self.keep_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.ticket_label)
        if patient_box is not None:
            layout.addWidget(patient_box)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.reason_text.textEdited.connect(lambda _t: self.error_label.hide())
        if self.patient_block is not None:
            self.patient_block.identified.connect(self._identified)
        self._reason_changed()
        if self.patient_block is not None:
            self.patient_block.first_field().setFocus()
        else:
            self.reason.setFocus()

    def _ticket_text(self, t: CancelTarget) -> str:
        lines = [
            self.tr("Талон № {0}").format(t.number or "—"),
            self.tr("Врач: {0}").format(t.doctor or "—"),
            self.tr("Время приёма: {0}").format(t.when or "—"),
            self.tr("Пациент: {0}").format(t.patient or self.tr("не указан")),
        ]
        if t.training:
            lines.append(self.tr("Учебная запись"))
        return "\n".join(lines)

    def _reason_changed(self, _index: int = 0) -> None:
        other = self.reason.currentData() == OTHER_REASON
        self.reason_text.setPlaceholderText(
            self.tr("обязательно: что случилось") if other else self.tr("необязательно")
        )
        self.error_label.hide()

    def _identified(self, _identity: PatientIdentity) -> None:
        self.error_label.hide()
        self.reason.setFocus()

    def _problem(self) -> tuple[str, QWidget] | None:
        if self.patient_block is not None:
            identity = self.patient_block.identity
            if identity is None or not identity.valid_for(self.target.lpu_guid):
                return (
                    self.tr("Сначала найдите пациента: полис и дата рождения, затем Enter."),
                    self.patient_block.first_field(),
                )
        text = " ".join(self.reason_text.text().split())
        if self.reason.currentData() == OTHER_REASON and len(text) < 3:
            return self.tr("Напишите причину отмены."), self.reason_text
        return None

    def accept(self) -> None:
        problem = self._problem()
        if problem is not None:
            message, widget = problem
            self.error_label.setText(message)
            self.error_label.show()
            widget.setFocus()
            return
        code = int(self.reason.currentData())
        # The registry gets the reason in Russian, whatever the UI language.
        words = dict(CANCEL_REASONS).get(code, self.reason.currentText())
        text = " ".join(self.reason_text.text().split())
        identity = self.patient_block.identity if self.patient_block is not None else None
        self._choice = CancelChoice(
            reason_code=code,
            reason=text or words,
            reason_words=f"{words}: {text}" if text and code != OTHER_REASON else (text or words),
            token=identity.token if identity is not None else None,
            identity=identity,
        )
        super().accept()

    def choice(self) -> CancelChoice | None:
        """What was chosen (after ``accepted``); None when the dialog was not accepted."""
        return self._choice


class CancelFlow(QObject):
    """ "Отменить запись…" from the card or the journal, end to end.

    ``service`` is a ``CancelService`` (``async cancel(...) -> CancelOutcome``); ``dialogs``
    the window's ``Dialogs`` (``confirm``, ``show``); ``spawn`` keeps the task (the window's
    ``TaskKeeper.spawn``); ``lookup`` is the ``PatientLookup`` the embedded patient block
    uses when no token is given. ``finished`` carries the ``CancelOutcome`` (None when the
    operator kept the booking).
    """

    finished = Signal(object)

    def __init__(
        self,
        service: Any,
        dialogs: Any,
        spawn: Spawn,
        *,
        lookup: PatientLookup | None = None,
        parent: QWidget | None = None,
        allow_surname: bool = False,
        log_path: str | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.dialogs = dialogs
        self.spawn = spawn
        self.lookup = lookup
        self.allow_surname = allow_surname
        self.log_path = log_path
        self._today = today
        self._parent = parent
        #: The dialog on show (tests and the window read it).
        self.dialog: CancelDialog | None = None

    def open_dialog(
        self, target: CancelTarget, token: str | None, *, parent: QWidget | None = None
    ) -> CancelDialog:
        dialog = CancelDialog(
            target,
            parent or self._parent,
            need_patient=not token,
            lookup=self.lookup,
            allow_surname=self.allow_surname,
            today=self._today,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        return dialog

    def start(
        self, target: CancelTarget, token: str | None = None, *, parent: QWidget | None = None
    ) -> CancelDialog:
        """Open the dialog (window-modal) and carry on in a kept task; returns the dialog."""
        dialog = self.open_dialog(target, token, parent=parent)
        waiting = self._wait(dialog)
        dialog.open()
        self.spawn(self._follow(target, token, waiting))
        return dialog

    async def run(
        self, target: CancelTarget, token: str | None = None, *, parent: QWidget | None = None
    ) -> CancelOutcome | None:
        """The whole flow, awaited: the outcome, or None when the booking was kept."""
        dialog = self.open_dialog(target, token, parent=parent)
        waiting = self._wait(dialog)
        dialog.open()
        return await self._follow(target, token, waiting)

    def _wait(self, dialog: CancelDialog) -> asyncio.Future[CancelChoice | None]:
        future: asyncio.Future[CancelChoice | None] = asyncio.get_event_loop().create_future()

        def done(result: int) -> None:
            if not future.done():
                accepted = result == QDialog.DialogCode.Accepted
                future.set_result(dialog.choice() if accepted else None)
            if self.dialog is dialog:
                self.dialog = None

        dialog.finished.connect(done)
        return future

    async def _follow(
        self,
        target: CancelTarget,
        token: str | None,
        waiting: asyncio.Future[CancelChoice | None],
    ) -> CancelOutcome | None:
        try:
            outcome = await self._cancel(target, token, await waiting)
        except Exception:
            self.finished.emit(None)
            raise
        self.finished.emit(outcome)
        return outcome

    async def _cancel(
        self, target: CancelTarget, token: str | None, choice: CancelChoice | None
    ) -> CancelOutcome | None:
        if choice is None:
            log.info("cancel: the operator kept the booking")
            return None
        use_token = token or choice.token
        if not use_token:  # the dialog refuses to close without one; defence in depth
            return None
        yes, no = cancel_buttons()
        question = cancel_question(target.summary(), choice.reason_words)
        if not await self.dialogs.confirm(question, yes, no):
            log.info("cancel: not confirmed")
            return None
        outcome: CancelOutcome = await self.service.cancel(
            target.attempt_id,
            lpu_guid=target.lpu_guid,
            ticket_guid=target.ticket_guid,
            reason_code=choice.reason_code,
            reason=choice.reason,
            token=use_token,
        )
        log.info("cancel: %s (%s)", outcome.kind, outcome.reason)
        message = cancel_message(outcome, log_path=self.log_path)
        if message is not None:
            self.dialogs.show(message)
        return outcome


__all__ = ["CancelChoice", "CancelDialog", "CancelFlow", "CancelTarget"]
