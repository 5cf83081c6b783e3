"""The operator window, driven by keys against the sandbox (in-process and over HTTP)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.api import ClientSettings, RegistryClient
from desktop_app.sandbox import Sandbox, serve_in_thread
from desktop_app.ui.platform.dialogs import Severity
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    choose_clinic_and_doctor,
    choose_main_therapist,
    choose_patient,
    ctrl_enter,
    open_desk,
    open_http_desk,
    surname,
    type_text,
)

pytestmark = pytest.mark.asyncio


def _tomorrow(qtbot, desk) -> None:
    desk.form.date_edit.setFocus()
    qtbot.keyClick(desk.form.date_edit, Qt.Key.Key_Plus)


async def _choose_therapist(qtbot, desk):
    """ГП № 1 and its first therapist, typed into the pickers; returns the landmarks."""
    marks = await choose_main_therapist(qtbot, desk)
    return marks


async def _book_therapist(qtbot, desk, patient: str = "adult") -> None:
    await _choose_therapist(qtbot, desk)
    _tomorrow(qtbot, desk)
    choose_patient(qtbot, desk, patient)
    ctrl_enter(qtbot, desk.form.patient_picker)


async def test_focus_starts_in_clinic_search(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        await wait_until(lambda: desk.form.clinic_picker.edit.hasFocus(), what="focus")
        assert QApplication.focusWidget().objectName() == "clinicSearch"


async def test_book_by_keys_shows_the_sandbox_ticket(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        marks = await _choose_therapist(qtbot, desk)
        # Enter on the doctor moved the focus to the date; the chosen clinic shows its status.
        assert desk.form.date_edit.hasFocus()
        status = desk.window.findChild(QLabel, "clinicStatus")
        assert "В сети" in status.text()
        assert "мс" in desk.window.findChild(QLabel, "clinicPing").text()
        _tomorrow(qtbot, desk)
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, desk.form.patient_picker)
        await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket card")

        booking = desk.sandbox.bookings[-1]
        resource = next(
            r for r in desk.sandbox.resources(marks.main_clinic) if r["guid"] == marks.therapist
        )
        view = desk.window.ticket_view
        assert view.number.text() == booking.num
        assert view.room.text() == resource["room"]
        assert view.floor.text() == str(resource["flat"])
        assert view.busy_type.text() not in ("", "—")
        assert booking.patient_id == "adult"
        assert booking.begin.date() == desk.sandbox.now().date() + timedelta(days=1)
        assert desk.posts() == 1
        assert not desk.dialogs.shown


async def test_book_over_real_http_with_a_pasted_token(qtbot, tmp_path) -> None:
    async with open_http_desk(tmp_path) as desk:
        sandbox = desk.sandbox
        await _choose_therapist(qtbot, desk)
        _tomorrow(qtbot, desk)
        token = sandbox.issue_token("elderly")
        desk.form.token_edit.setFocus()
        qtbot.keyClicks(desk.form.token_edit, token)
        assert desk.form.token_edit.echoMode() != desk.form.token_edit.EchoMode.Normal
        assert "действует до" in desk.form.token_expiry.text()
        ctrl_enter(qtbot, desk.form.token_edit)
        await wait_until(
            lambda: desk.window.ticket_view.card.isVisible(), timeout=10, what="ticket card"
        )
        booking = sandbox.bookings[-1]
        assert desk.window.ticket_view.number.text() == booking.num
        assert booking.patient_id == "elderly"
        assert token not in desk.window.windowTitle()


@pytest.mark.parametrize(
    ("patient", "clinic_key", "doctor_key", "code", "server_text", "advice"),
    [
        (
            "parent",
            "children_clinic",
            "pediatrician",
            "4005",
            "Вы пытаетесь записаться в детское учреждение",
            "другую",
        ),
        (
            "young",
            "main_clinic",
            "geriatrician",
            "4029",
            "Запись недоступна для данной возрастной группы",
            "другого врача",
        ),
        (
            "barred",
            "main_clinic",
            "therapist",
            "4007",
            "Вам запрещена самостоятельная запись",
            "правил",
        ),
        (
            "no_dispensary",
            "main_clinic",
            "dispensary_doctor",
            "4007",
            "Вы не состоите на диспансерном учете",
            "правил",
        ),
        (
            "booked",
            "main_clinic",
            "therapist",
            "4008",
            "Вы уже записаны Морозова О.В.",
            "существующую запись",
        ),
    ],
)
async def test_validation_errors_show_server_message_and_advice(
    qtbot, tmp_path, patient, clinic_key, doctor_key, code, server_text, advice
) -> None:
    async with open_desk(tmp_path) as desk:
        marks = desk.sandbox.landmarks().to_dict()
        await choose_clinic_and_doctor(
            qtbot,
            desk,
            desk.clinic_short(marks[clinic_key]),
            surname(desk.resource_fio(marks[doctor_key])),
        )
        _tomorrow(qtbot, desk)
        choose_patient(qtbot, desk, patient)
        before = (
            desk.form.clinic_picker.edit.text(),
            desk.form.resource_picker.edit.text(),
            desk.form.date_edit.date(),
        )
        ctrl_enter(qtbot, desk.form.patient_picker)
        await wait_until(lambda: desk.dialogs.shown, what="dialog")
        message = desk.dialogs.shown[-1]
        record = [r for r in desk.sandbox.requests if r.method == "POST"][-1]
        assert record.status == 400
        assert message.severity is Severity.WARNING
        assert message.title == "Запись не создана"
        assert f"Код: {code}" in message.details
        assert advice in message.details
        # The server's own message is shown verbatim (4007 has two different ones).
        assert message.text.startswith(server_text)
        # The form is unchanged so the operator can adjust and retry.
        assert (
            desk.form.clinic_picker.edit.text(),
            desk.form.resource_picker.edit.text(),
            desk.form.date_edit.date(),
        ) == before
        assert desk.form.book_button.isEnabled()
        assert not desk.window.ticket_view.card.isVisible()


async def test_taken_time_4009(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        await _choose_therapist(qtbot, desk)
        _tomorrow(qtbot, desk)
        qtbot.keyClick(desk.form.time_check, Qt.Key.Key_Space)
        assert desk.form.time_edit.isEnabled()
        desk.form.time_edit.setFocus()
        qtbot.keyClicks(desk.form.time_edit, "1000")
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, desk.form.patient_picker)
        await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="first ticket")
        assert desk.window.ticket_view.when.text().startswith("10:00")
        choose_patient(qtbot, desk, "elderly")
        ctrl_enter(qtbot, desk.form.patient_picker)
        await wait_until(lambda: desk.dialogs.shown, what="4009 dialog")
        assert "Код: 4009" in desk.dialogs.shown[-1].details
        assert "другое время" in desk.dialogs.shown[-1].details


async def test_expired_token_is_refused_and_token_field_focused(qtbot, tmp_path) -> None:
    async with open_http_desk(tmp_path) as desk:
        sandbox = desk.sandbox
        await _choose_therapist(qtbot, desk)
        _tomorrow(qtbot, desk)
        desk.form.token_edit.setFocus()
        qtbot.keyClicks(desk.form.token_edit, sandbox.issue_token("adult", ttl_seconds=-60))
        ctrl_enter(qtbot, desk.form.token_edit)
        await wait_until(lambda: desk.dialogs.shown, what="dialog")
        message = desk.dialogs.shown[-1]
        assert message.title == "Токен отклонён"
        assert "истёк" in message.text
        assert "5009" in message.details
        await wait_until(lambda: desk.form.token_edit.hasFocus(), what="token focus")
        assert not sandbox.bookings or all(b.preseeded for b in sandbox.bookings)


async def test_offline_clinic_warns_before_sending_and_the_default_sends_nothing(
    qtbot, tmp_path
) -> None:
    async with open_desk(tmp_path) as desk:
        marks = desk.sandbox.landmarks()
        offline = marks.offline_clinic
        doctor = desk.sandbox.resources(offline)[0]
        await choose_clinic_and_doctor(
            qtbot, desk, desk.clinic_short(offline), surname(doctor["fio"])
        )
        assert "Не в сети" in desk.window.findChild(QLabel, "clinicStatus").text()
        _tomorrow(qtbot, desk)
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, desk.form.patient_block.birth_edit)
        await wait_until(lambda: desk.dialogs.offered, what="the Offline warning")
        await wait_until(lambda: not desk.window.booking_busy, what="the form to be free")
        buttons, default = desk.dialogs.offered[-1]
        assert default == "skip"
        assert [label for _key, label in buttons] == ["Отправить всё равно", "Не отправлять"]
        assert "не в сети" in desk.dialogs.asked[-1].title.lower()
        assert desk.posts() == 0  # the default: nothing sent
        assert "не отправлена" in desk.window.status_text.text()

        desk.dialogs.choices.append("send")  # "Отправить всё равно": the registry refuses
        ctrl_enter(qtbot, desk.form.patient_block.birth_edit)
        await wait_until(lambda: desk.dialogs.shown, what="dialog")
        message = desk.dialogs.shown[-1]
        assert message.title == "Поликлиника недоступна"
        assert "Запись не создана" in message.text
        assert desk.posts() == 1


async def test_network_failure_says_nothing_was_booked(qtbot, tmp_path) -> None:
    sandbox = Sandbox()
    with serve_in_thread(sandbox) as base_url:
        pass  # the server is gone: its port now refuses connections
    client = RegistryClient(
        base_url, settings=ClientSettings(get_retries=0), today=lambda: sandbox.now().date()
    )
    async with open_desk(
        tmp_path, sandbox=sandbox, client=client, training=False, wait_for_clinics=False
    ) as desk:
        await wait_until(lambda: desk.dialogs.shown, what="directory failure dialog")
        message = desk.dialogs.shown[-1]
        assert message.title == "Нет связи с сервером"
        assert "Запись не создана" in message.text


async def test_outcome_unknown_then_warning_before_rebooking(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        desk.sandbox.update_config({"drop_connection": True})
        await _book_therapist(qtbot, desk)
        await wait_until(lambda: desk.dialogs.shown, what="unknown-outcome dialog")
        message = desk.dialogs.shown[-1]
        assert message.title == "Результат записи неизвестен"
        assert "МОГЛА быть создана" in message.text
        assert "проверьте" in message.details
        assert desk.posts() == 1  # never retried automatically
        desk.sandbox.update_config({"drop_connection": False})

        # Same patient, same doctor, same day: the operator is asked first; "no" sends nothing.
        desk.dialogs.answers.append(False)
        ctrl_enter(qtbot, desk.form.patient_picker)
        await wait_until(lambda: desk.dialogs.asked, what="confirmation")
        assert "неизвестным результатом" in desk.dialogs.asked[-1].text
        await wait_until(lambda: not desk.window.booking_busy, what="idle")
        assert desk.posts() == 1

        # "Yes" books again, once.
        desk.dialogs.answers.append(True)
        ctrl_enter(qtbot, desk.form.patient_picker)
        await wait_until(lambda: len(desk.dialogs.asked) == 2, what="second confirmation")
        await wait_until(lambda: desk.posts() == 2, what="second POST")
        await wait_until(
            lambda: (
                desk.dialogs.shown[-1] is not message or desk.window.ticket_view.card.isVisible()
            ),
            what="answer",
        )


async def test_malformed_answer_after_booking_is_reported_as_unknown(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        desk.sandbox.update_config({"fault": "html_200"})
        await _book_therapist(qtbot, desk)
        await wait_until(lambda: desk.dialogs.shown, what="dialog")
        message = desk.dialogs.shown[-1]
        # An HTML page is not the registry's answer: the booking may or may not exist.
        assert message.title == "Результат записи неизвестен"
        assert "могла быть создана" in message.text.lower()
        assert "проверьте" in message.details
        assert "неизвестен" in desk.window.status_text.text()
        assert desk.window.ticket_view.ticket is None
        assert not desk.window.print_button.isEnabled()
        assert desk.posts() == 1


async def test_double_ctrl_enter_sends_exactly_one_post(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        desk.sandbox.update_config({"slow_seconds": 0.4})
        await _choose_therapist(qtbot, desk)
        _tomorrow(qtbot, desk)
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, desk.form.date_edit)
        ctrl_enter(qtbot, desk.form.date_edit)
        qtbot.mouseClick(desk.form.book_button, Qt.MouseButton.LeftButton)
        assert not desk.form.book_button.isEnabled()
        assert desk.window.busy_bar.isVisible()
        await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket")
        assert desk.posts() == 1
        assert desk.form.book_button.isEnabled()


async def test_window_keeps_ticking_during_a_slow_booking(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        desk.sandbox.update_config({"slow_seconds": 0.6})
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        await _book_therapist(qtbot, desk)
        await wait_until(lambda: desk.window.booking_busy, what="busy")
        started = len(ticks)
        await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket")
        timer.stop()
        # 0.6 s of waiting at a 20 ms interval: a blocked loop would tick once or not at all.
        assert len(ticks) - started >= 10


async def test_f2_starts_a_new_booking_keeping_the_clinic(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        await _book_therapist(qtbot, desk)
        await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket")
        clinic_text = desk.form.clinic_picker.edit.text()
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_F2)
        assert not desk.window.ticket_view.card.isVisible()
        assert desk.form.clinic_picker.edit.text() == clinic_text
        assert desk.window.clinic is not None
        assert desk.window.resource is None
        assert desk.form.resource_picker.edit.hasFocus()


async def test_past_days_cannot_be_chosen(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        edit = desk.form.date_edit
        today = desk.sandbox.now().date()
        assert edit.date() == QDate(today.year, today.month, today.day)
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_Minus)
        assert edit.date() == QDate(today.year, today.month, today.day)
        qtbot.keyClick(edit, Qt.Key.Key_Plus)
        qtbot.keyClick(edit, Qt.Key.Key_Plus)
        qtbot.keyClick(edit, Qt.Key.Key_Minus)
        assert edit.date() == QDate(today.year, today.month, today.day).addDays(1)


async def test_clinic_search_ignores_case_and_yo(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        picker = desk.form.clinic_picker
        type_text(picker.edit, "озерковская")  # the clinic is spelt with ё
        texts = [picker.model.item(i).text for i in range(picker.model.rowCount())]
        assert texts and all("Озёрковская" in t for t in texts)
        qtbot.keyClick(picker.edit, Qt.Key.Key_Down)  # arrows move, Enter accepts
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
        assert desk.window.clinic is not None
        assert "Озёрковская" in desk.window.clinic.display_name
        await wait_until(
            lambda: "1" in desk.window.findChild(QLabel, "clinicPing").text(), what="ping"
        )


async def test_server_without_directory_lets_operator_paste_guids(qtbot, tmp_path) -> None:
    async with open_http_desk(
        tmp_path, clinics_path="no/such/call", wait_for_clinics=False
    ) as desk:
        sandbox = desk.sandbox
        marks = sandbox.landmarks()
        await wait_until(lambda: desk.form.manual_box.isVisible(), what="manual mode")
        qtbot.keyClicks(desk.form.manual_lpu, marks.main_clinic)
        qtbot.keyClicks(desk.form.manual_resource, marks.therapist.upper())
        type_text(desk.form.manual_name, "ГП 1, терапевт")
        _tomorrow(qtbot, desk)
        desk.form.token_edit.setFocus()
        qtbot.keyClicks(desk.form.token_edit, sandbox.issue_token("adult"))
        ctrl_enter(qtbot, desk.form.token_edit)
        await wait_until(
            lambda: desk.window.ticket_view.card.isVisible(), timeout=10, what="ticket"
        )
        assert sandbox.bookings[-1].resource_guid == marks.therapist
        # What was used is remembered by name and offered next time.
        known = desk.window.services.settings.current.known_resources[0]
        assert (known.guid, known.name, known.lpu_guid) == (
            marks.therapist,
            "ГП 1, терапевт",
            marks.main_clinic,
        )
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_F2)
        desk.form.manual_lpu.clear()
        desk.form.manual_resource.clear()
        combo = desk.form.manual_recent
        assert combo.count() == 2 and "ГП 1, терапевт" in combo.itemText(1)
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert desk.form.manual_resource.text() == marks.therapist
        assert desk.form.manual_lpu.text() == marks.main_clinic


async def test_malformed_guid_is_refused_before_sending(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        desk.window.manual_action.setChecked(True)
        qtbot.keyClicks(desk.form.manual_lpu, "../../admin")
        qtbot.keyClicks(desk.form.manual_resource, "00000000-0000-0000-0000-000000000001")
        ctrl_enter(qtbot, desk.form.manual_resource)
        await wait_until(lambda: desk.dialogs.shown, what="dialog")
        assert "GUID поликлиники указан неверно" in desk.dialogs.shown[-1].text
        assert desk.posts() == 0


async def test_unexpected_exception_shows_dialog_not_crash(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:

        async def boom() -> None:
            raise RuntimeError("unexpected")

        desk.window.tasks.spawn(boom(), name="boom")
        await wait_until(lambda: desk.dialogs.shown, what="dialog")
        message = desk.dialogs.shown[-1]
        assert message.title == "Непредвиденная ошибка"
        assert str(tmp_path / "desk.log") in message.details
        await asyncio.sleep(0)
        assert desk.window.isVisible()


async def test_ticket_is_in_the_journal_even_if_showing_it_fails(
    qtbot, tmp_path, monkeypatch
) -> None:
    """The journal entry is committed before the ticket view changes: a crash while showing
    the ticket loses nothing, and the ticket is there after a restart."""
    from desktop_app.journal import ShiftJournal
    from desktop_app.ui.desk.ticket_view import TicketView

    def broken_display(self, ticket, *, training):
        raise RuntimeError("display failed")

    monkeypatch.setattr(TicketView, "show_ticket", broken_display)
    async with open_desk(tmp_path) as desk:
        await _book_therapist(qtbot, desk)
        await wait_until(lambda: desk.dialogs.shown, what="error dialog")
        assert desk.dialogs.shown[-1].title == "Непредвиденная ошибка"
        booking = desk.sandbox.bookings[-1]
    # "Restart": a fresh journal object on the same file.
    with ShiftJournal(tmp_path / "journal.sqlite3") as journal:
        entries = journal.entries()
    booked = [e for e in entries if e.ticket is not None]
    assert len(booked) == 1
    assert booked[0].ticket.num == booking.num
    assert booked[0].ticket.ticket_guid == booking.ticket_guid


async def test_clinic_status_refreshes_in_the_background(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        marks = await _choose_therapist(qtbot, desk)
        status = desk.window.findChild(QLabel, "clinicStatus")
        assert "В сети" in status.text()
        assert desk.window.directory.status_timer.isActive()
        desk.sandbox.set_clinic_status(marks.main_clinic, "Offline")
        desk.window.directory.status_timer.timeout.emit()  # the periodic refresh fires
        await wait_until(lambda: "Не в сети" in status.text(), what="status refresh")
        assert desk.window.findChild(QLabel, "clinicPing").text() == ""


async def test_a_full_disk_keeps_the_ticket_on_screen_and_the_retry_warns(
    qtbot, tmp_path, monkeypatch
) -> None:
    """The journal cannot write the answer: the ticket is still shown (with a warning) and the
    next booking of the same patient, doctor and day asks first."""
    import sqlite3

    async with open_desk(tmp_path) as desk:
        journal = desk.session.journal
        real_success = journal.record_success

        def disk_full(*_args: object, **_kwargs: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(journal, "record_success", disk_full)
        await _book_therapist(qtbot, desk)
        await wait_until(
            lambda: desk.window.ticket_view.ticket is not None and not desk.window.booking_busy,
            what="ticket",
        )
        number = desk.sandbox.bookings[-1].num
        assert desk.window.ticket_view.number.text() == number
        assert desk.window.print_button.isEnabled()
        assert desk.dialogs.shown[-1].title == "Талон не записан в журнал смены"
        assert "талон не записан в журнал смены" in desk.window.status_text.text()
        assert desk.posts() == 1

        # The operator books the same patient again: the app asks, "Отмена" sends nothing.
        desk.dialogs.answers.append(False)
        ctrl_enter(qtbot, desk.form.patient_picker)
        await wait_until(lambda: desk.dialogs.asked, what="re-booking question")
        assert desk.dialogs.asked[-1].title == "Возможна повторная запись"
        await wait_until(lambda: not desk.window.booking_busy, what="no booking")
        assert desk.posts() == 1

        # Once the disk works again the ticket reaches the journal before the next booking.
        monkeypatch.setattr(journal, "record_success", real_success)
        assert desk.session.services.booking.retry_unsaved() == 0
        assert [e.status for e in journal.entries(training=True)] == ["booked"]
