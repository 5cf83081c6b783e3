"""Cancelling a booking: the dialog by keys, the confirmation whose default keeps the booking,
the registry's cancellation over real HTTP, its refusals and the journal afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_app.booking import CANCEL_REASONS, CancelKind
from desktop_app.ui.desk.cancel_dialog import CancelDialog, CancelFlow, CancelTarget
from desktop_app.ui.desk.patient_block import PatientLookup
from desktop_app.ui.journal.model import JournalTableModel
from desktop_app.ui.journal.view import JournalView
from desktop_app.ui.platform.dialogs import Dialogs, RecordingDialogs
from tests.qtkit import type_text
from tests.ui.asyncwait import wait_until
from tests.ui.test_f_kit import Clock, button, http_registry, spawner, wait_box

pytestmark = pytest.mark.asyncio

LABEL = "Лебедев А. П., д. р. 12.04.1985"

_alive: list[QWidget] = []


@pytest.fixture(autouse=True)
def _forget_hosts():
    yield
    _alive.clear()


async def host_window(qtbot) -> QWidget:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(700, 500)
    host.show()
    host.activateWindow()
    _alive.append(host)
    await wait_until(host.isActiveWindow, what="host window active")
    return host


def alt(qtbot, letter: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)


def target(**kw) -> CancelTarget:
    data = {
        "lpu_guid": "8e8f2a3c-1111-4a5b-9c9d-0123456789ab",
        "ticket_guid": "0f0e0d0c-3333-4b4b-8c8c-111122223333",
        "attempt_id": None,
        "number": "12",
        "doctor": "Смирнова Елена Викторовна",
        "when": "03.03.2026 10:20–10:40",
        "patient": LABEL,
    }
    data.update(kw)
    return CancelTarget(**data)


async def test_dialog_shows_the_ticket_and_keeps_the_booking_by_default(qtbot) -> None:
    host = await host_window(qtbot)
    dialog = CancelDialog(target(training=True), host)
    dialog.open()
    await wait_until(dialog.isActiveWindow, what="cancel dialog")
    assert dialog.windowTitle() == "Отмена записи"
    assert dialog.ticket_label.text().splitlines() == [
        "Талон № 12",
        "Врач: Смирнова Елена Викторовна",
        "Время приёма: 03.03.2026 10:20–10:40",
        f"Пациент: {LABEL}",
        "Учебная запись",
    ]
    assert [dialog.reason.itemText(i) for i in range(dialog.reason.count())] == [
        words for _code, words in CANCEL_REASONS
    ]
    assert dialog.keep_button.text() == "&Не отменять" and dialog.keep_button.isDefault()
    assert not dialog.cancel_button.isDefault()
    assert dialog.patient_block is None  # a token is at hand: no patient block
    assert QApplication.focusWidget() is dialog.reason
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.choice() is None

    # "Другая причина" needs its free text.
    dialog = CancelDialog(target(), host)
    dialog.open()
    await wait_until(dialog.isActiveWindow, what="cancel dialog")
    dialog.reason.setFocus()
    for _ in range(len(CANCEL_REASONS)):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    assert dialog.reason.currentData() == 9
    assert dialog.reason_text.placeholderText() == "обязательно: что случилось"
    alt(qtbot, "о")  # "Отменить запись" (a mnemonic clicks after a short animation)
    await wait_until(dialog.error_label.isVisible, what="error line")
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Напишите причину отмены."
    assert QApplication.focusWidget() is dialog.reason_text
    type_text(dialog.reason_text, "Пациент заболел")
    assert not dialog.error_label.isVisible()
    alt(qtbot, "о")
    await wait_until(lambda: dialog.result() == QDialog.DialogCode.Accepted, what="accepted")
    choice = dialog.choice()
    assert choice is not None
    assert (choice.reason_code, choice.reason, choice.token) == (9, "Пациент заболел", None)

    # A reason from the list with a note: the note is sent, the words are shown.
    dialog = CancelDialog(target(), host)
    dialog.open()
    await wait_until(dialog.isActiveWindow, what="cancel dialog")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # "Записан по ошибке"
    alt(qtbot, "е")
    type_text(dialog.reason_text, "не тот врач")
    alt(qtbot, "о")
    await wait_until(lambda: dialog.choice() is not None, what="accepted")
    choice = dialog.choice()
    assert choice is not None and choice.reason_code == 2
    assert choice.reason == "не тот врач"
    assert choice.reason_words == "Записан по ошибке (не тот пациент или врач): не тот врач"


async def test_cancel_by_keys_frees_the_booking_and_marks_the_journal(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        outcome, token = await reg.book("adult", label=LABEL)
        assert outcome.ticket is not None
        host = await host_window(qtbot)
        tasks: set = set()
        dialogs = Dialogs(host)
        flow = CancelFlow(reg.cancel, dialogs, spawner(tasks), parent=host)
        results: list[object] = []
        flow.finished.connect(results.append)
        t = CancelTarget.from_ticket(
            outcome.ticket,
            lpu_guid=reg.main_clinic,
            attempt_id=outcome.attempt_id,
            patient=LABEL,
        )
        dialog = flow.start(t, token)
        await wait_until(dialog.isActiveWindow, what="cancel dialog")
        assert f"Талон № {outcome.ticket.num}" in dialog.ticket_label.text()
        alt(qtbot, "о")

        box = await wait_box("confirmation")
        assert box.windowTitle() == "Отменить запись?"
        assert f"талон № {outcome.ticket.num}" in box.text()
        assert "Причина: Пациент передумал." in box.informativeText()
        assert box.defaultButton() is button(box, "&Не отменять")
        assert box.escapeButton() is button(box, "&Не отменять")
        assert reg.requests("DELETE", "/visit/") == 0  # nothing sent before the answer
        qtbot.mouseClick(button(box, "&Отменить запись"), Qt.MouseButton.LeftButton)

        done = await wait_box("result")
        await wait_until(lambda: results, timeout=10, what="flow finished")
        assert done.windowTitle() == "Запись отменена"
        assert done.text() == "Запись отменена. Время приёма освободилось."
        qtbot.mouseClick(button(done, "OK"), Qt.MouseButton.LeftButton)
        [result] = results
        assert result.kind is CancelKind.DONE  # type: ignore[attr-defined]
        assert reg.requests("DELETE", "/visit/") == 1
        assert outcome.ticket.ticket_guid not in [
            b.ticket_guid for b in reg.sandbox.bookings_of("adult")
        ]
        entry = reg.journal.get(outcome.attempt_id)  # type: ignore[arg-type]
        assert entry is not None and entry.is_cancelled
        assert entry.cancel_reason and "Пациент передумал" in entry.cancel_reason

        # A second cancel: the registry says the visit is no longer active (4022).
        second = CancelFlow(reg.cancel, RecordingDialogs(answers=[True]), spawner(tasks))
        again = await _run_accepting(
            qtbot,
            second,
            CancelTarget.from_ticket(
                outcome.ticket, lpu_guid=reg.main_clinic, attempt_id=None, patient=LABEL
            ),
            token,
        )
        assert again is not None and again.message_code == "4022"
        [message] = second.dialogs.shown
        assert message.text == "Запись уже отменена или неактивна."


async def _run_accepting(qtbot, flow: CancelFlow, t: CancelTarget, token):
    """Run the flow: accept the dialog as it is (first reason) and return the outcome."""
    import asyncio

    running = asyncio.ensure_future(flow.run(t, token))
    await wait_until(
        lambda: flow.dialog is not None and flow.dialog.isActiveWindow(), what="dialog"
    )
    assert flow.dialog is not None
    qtbot.mouseClick(flow.dialog.cancel_button, Qt.MouseButton.LeftButton)
    return await asyncio.wait_for(running, 15)


async def test_past_visit_gives_the_4021_dialog_and_stays_booked(qtbot, tmp_path) -> None:
    clock = Clock()
    async with http_registry(tmp_path, clock=clock) as reg:
        outcome, _token = await reg.book("adult", label=LABEL)
        clock.advance(days=3)
        dialogs = RecordingDialogs(answers=[True])
        flow = CancelFlow(reg.cancel, dialogs, spawner(set()))
        assert outcome.ticket is not None
        result = await _run_accepting(
            qtbot,
            flow,
            CancelTarget.from_ticket(
                outcome.ticket,
                lpu_guid=reg.main_clinic,
                attempt_id=outcome.attempt_id,
                patient=LABEL,
            ),
            reg.sandbox.issue_token("adult"),
        )
        assert result is not None and result.kind is CancelKind.REFUSED
        [message] = dialogs.shown
        assert message.title == "Отменить нельзя"
        assert message.text == "Время приёма уже прошло — отменить нельзя."
        assert "Код: 4021" in (message.details or "")
        entry = reg.journal.get(outcome.attempt_id)  # type: ignore[arg-type]
        assert entry is not None and entry.status == "booked"
        assert entry.cancel_state == "refused"


async def test_declined_confirmation_sends_nothing(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        outcome, token = await reg.book("adult", label=LABEL)
        assert outcome.ticket is not None
        dialogs = RecordingDialogs(answers=[False])
        flow = CancelFlow(reg.cancel, dialogs, spawner(set()))
        result = await _run_accepting(
            qtbot,
            flow,
            CancelTarget.from_ticket(
                outcome.ticket,
                lpu_guid=reg.main_clinic,
                attempt_id=outcome.attempt_id,
                patient=LABEL,
            ),
            token,
        )
        assert result is None
        [question] = dialogs.asked
        assert question.title == "Отменить запись?"
        assert dialogs.shown == []
        assert reg.requests("DELETE", "/visit/") == 0
        entry = reg.journal.get(outcome.attempt_id)  # type: ignore[arg-type]
        assert entry is not None and entry.status == "booked" and entry.cancel_state is None


async def test_lost_answer_reads_as_unknown(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        outcome, token = await reg.book("adult", label=LABEL)
        assert outcome.ticket is not None
        reg.sandbox.update_config({"drop_connection": True})
        dialogs = RecordingDialogs(answers=[True])
        flow = CancelFlow(reg.cancel, dialogs, spawner(set()))
        result = await _run_accepting(
            qtbot,
            flow,
            CancelTarget.from_ticket(
                outcome.ticket,
                lpu_guid=reg.main_clinic,
                attempt_id=outcome.attempt_id,
                patient=LABEL,
            ),
            token,
        )
        assert result is not None and result.kind is CancelKind.UNKNOWN
        [message] = dialogs.shown
        assert message.title == "Результат отмены неизвестен"
        assert "не отменяйте повторно без проверки" in message.text
        assert reg.requests("DELETE", "/visit/") == 1  # never repeated


async def test_cancel_from_the_journal_asks_for_the_patient_first(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        outcome, _token = await reg.book("adult", label=LABEL)
        assert outcome.ticket is not None
        host = await host_window(qtbot)
        tasks: set = set()
        dialogs = RecordingDialogs(answers=[True])
        lookup = PatientLookup(reg.client, dialogs, spawner(tasks), parent=host)
        flow = CancelFlow(
            reg.cancel,
            dialogs,
            spawner(tasks),
            lookup=lookup,
            parent=host,
            today=reg.clock.today,
        )
        view = JournalView(reg.journal, host, cancel_flow=flow, clock=reg.clock)
        view.open()
        await wait_until(view.isActiveWindow, what="journal")
        row = view.model.row_of(outcome.attempt_id)  # type: ignore[arg-type]
        assert view.model.index(row, JournalTableModel.PATIENT).data() == LABEL
        view.table.selectRow(row)
        assert view.cancel_button.isVisible() and view.cancel_button.isEnabled()
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)

        await wait_until(
            lambda: flow.dialog is not None and flow.dialog.isActiveWindow(), what="dlg"
        )
        dialog = flow.dialog
        assert dialog is not None and dialog.patient_block is not None
        block = dialog.patient_block
        assert QApplication.focusWidget() is block.policy_edit
        # Without the patient the booking cannot be cancelled.
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.error_label.text().startswith("Сначала найдите пациента")
        type_text(block.policy_edit, reg.patient("adult")["policy"])
        qtbot.keyClick(block.policy_edit, Qt.Key.Key_Return)
        type_text(block.birth_edit, "12041985")
        qtbot.keyClick(block.birth_edit, Qt.Key.Key_Return)
        await wait_until(lambda: block.identity is not None, timeout=10, what="patient found")
        assert QApplication.focusWidget() is dialog.reason  # on to the reason
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # "Записан повторно"
        alt(qtbot, "о")
        await wait_until(lambda: dialogs.shown, timeout=10, what="result")
        assert dialogs.shown[-1].title == "Запись отменена"
        await wait_until(
            lambda: view.model.index(row, JournalTableModel.STATUS).data() == "отменена",
            what="journal refreshed",
        )
        assert not view.cancel_button.isEnabled() and not view.reprint_button.isEnabled()
        assert "Запись отменена: талон недействителен." in view.details.toPlainText()
        assert "Записан повторно" in view.details.toPlainText()
        assert outcome.ticket.ticket_guid not in [
            b.ticket_guid for b in reg.sandbox.bookings_of("adult")
        ]
        view.search.setText("лебедев")
        assert view.model.rowCount() == 1
        view.search.setText("кравцова")
        assert view.model.rowCount() == 0
        # The journal's day list says so too.
        view.search.clear()
        day_view = view.open_day_list()
        day_view.set_day(reg.clock.today() + timedelta(days=1))
        rows = day_view.rows_text()
        assert rows[1][2:] == [LABEL, "отменена"]
