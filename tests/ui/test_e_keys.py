"""Issue 11 §2 and §4 by keys: the Enter chain ends in a booking, the date field is complete."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.settings.model import AppSettings
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    choose_main_therapist,
    choose_patient,
    ctrl_enter,
    open_desk,
    open_http_desk,
)

pytestmark = pytest.mark.asyncio


def qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


async def _to_the_date(qtbot, desk) -> None:
    """Clinic → Enter → doctor → Enter: the focus is on the date."""
    await choose_main_therapist(qtbot, desk)
    assert desk.form.date_edit.hasFocus()


def _type_date(qtbot, form, day) -> None:
    """Tab into the date field from the doctor and type ``day``: dd, mm, yyyy."""
    form.resource_picker.edit.setFocus()
    qtbot.keyClick(form.resource_picker.edit, Qt.Key.Key_Tab)
    assert form.date_edit.hasFocus()
    qtbot.keyClicks(form.date_edit, day.strftime("%d%m%Y"))


async def test_the_enter_chain_ends_in_a_booking(qtbot, tmp_path) -> None:
    """clinic → doctor → date → time → patient → Book, by Enter, Tab and Space only."""
    async with open_desk(tmp_path) as desk:
        form = desk.form
        await _to_the_date(qtbot, desk)
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Plus)
        # One Tab leaves the date field (not its day, month, year and weekday sections).
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Tab)
        assert form.time_check.hasFocus()
        qtbot.keyClick(form.time_check, Qt.Key.Key_Space)
        qtbot.keyClick(form.time_check, Qt.Key.Key_Tab)
        assert form.time_edit.hasFocus()
        qtbot.keyClick(form.time_edit, Qt.Key.Key_Up)  # 09:00 → 10:00
        qtbot.keyClick(form.time_edit, Qt.Key.Key_Return)
        assert form.patient_picker.hasFocus()
        choose_patient(qtbot, desk, "adult")  # the picker, then the documents typed
        qtbot.keyClick(form.patient_picker, Qt.Key.Key_Return)
        assert form.patient_block.policy_edit.hasFocus()  # the documents come next
        qtbot.keyClick(form.patient_block.birth_edit, Qt.Key.Key_Return)  # Enter: find them
        await wait_until(lambda: form.book_button.hasFocus(), what="the patient found")
        assert "Лебедев" in form.patient_block.result_label.text()
        assert desk.posts() == 0
        qtbot.keyClick(form.book_button, Qt.Key.Key_Return)  # Enter on the button books
        await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket")
        booking = desk.sandbox.bookings[-1]
        assert desk.posts() == 1
        assert booking.patient_id == "adult"
        assert booking.begin.date() == desk.sandbox.now().date() + timedelta(days=1)
        assert desk.window.ticket_view.when.text().startswith("10:00")
        assert not desk.dialogs.shown


async def test_shift_tab_leaves_the_date_field_backwards(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        form = desk.form
        await _to_the_date(qtbot, desk)
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert form.resource_picker.edit.hasFocus()
        # Enter from the date without a time goes straight to the patient.
        form.date_edit.setFocus()
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Return)
        assert form.patient_picker.hasFocus()


@pytest.mark.parametrize("key", ["enter", "space"])
async def test_the_book_button_books_by_enter_and_space_over_http(qtbot, tmp_path, key) -> None:
    async with open_http_desk(tmp_path) as desk:
        form = desk.form
        await _to_the_date(qtbot, desk)
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Plus)
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Return)
        assert form.patient_block.policy_edit.hasFocus()  # the patient's documents come next
        qtbot.keyClicks(form.token_edit, desk.sandbox.issue_token("elderly"))  # the fallback
        qtbot.keyClick(form.token_edit, Qt.Key.Key_Return)
        assert form.book_button.hasFocus()
        press = Qt.Key.Key_Return if key == "enter" else Qt.Key.Key_Space
        qtbot.keyClick(form.book_button, press)
        await wait_until(
            lambda: desk.window.ticket_view.card.isVisible(), timeout=10, what="ticket"
        )
        assert desk.posts() == 1
        assert desk.sandbox.bookings[-1].patient_id == "elderly"


async def test_f4_and_alt_down_open_the_calendar_of_allowed_days(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        edit = desk.form.date_edit
        today = desk.sandbox.now().date()
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_F4)
        calendar = edit.calendarWidget()
        await wait_until(calendar.isVisible, what="calendar after F4")
        assert calendar.minimumDate() == qdate(today)
        assert calendar.maximumDate() == qdate(today + timedelta(days=60))
        # Keys in the calendar: → next day, Enter takes it and closes the calendar.
        view = QApplication.focusWidget()
        assert view is not None and view.window() is calendar.window()
        qtbot.keyClick(view, Qt.Key.Key_Right)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        await wait_until(lambda: not calendar.isVisible(), what="calendar closed")
        assert edit.date() == qdate(today + timedelta(days=1))
        assert edit.hasFocus()
        # Alt+↓ opens it too; Esc closes it and keeps the day.
        qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        await wait_until(calendar.isVisible, what="calendar after Alt+Down")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        await wait_until(lambda: not calendar.isVisible(), what="calendar closed by Esc")
        assert edit.date() == qdate(today + timedelta(days=1))


async def test_a_typed_past_or_too_far_day_is_named_and_refused(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        form = desk.form
        problem = form.date_problem
        today = desk.sandbox.now().date()
        await _to_the_date(qtbot, desk)
        choose_patient(qtbot, desk, "adult")
        assert not problem.isVisible()

        _type_date(qtbot, form, today - timedelta(days=3))
        assert form.date_edit.date() == qdate(today - timedelta(days=3))  # not swallowed
        assert problem.isVisible()
        first = today.strftime("%d.%m.%Y")
        assert problem.text() == f"Этот день уже прошёл. Первый день для записи — {first}."
        ctrl_enter(qtbot, form.date_edit)
        assert desk.dialogs.shown[-1].text == problem.text()
        assert form.date_edit.hasFocus()
        assert desk.posts() == 0

        # "+" brings a past day back to the first allowed one; the message goes.
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Plus)
        assert form.date_edit.date() == qdate(today)
        assert not problem.isVisible()

        last = today + timedelta(days=60)
        _type_date(qtbot, form, last + timedelta(days=1))
        assert problem.isVisible()
        assert problem.text() == (
            "Так далеко вперёд записать нельзя. "
            f"Последний день для записи — {last.strftime('%d.%m.%Y')}."
        )
        ctrl_enter(qtbot, form.date_edit)
        assert desk.dialogs.shown[-1].text == problem.text()
        assert desk.posts() == 0
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Minus)  # back to the last allowed day
        assert form.date_edit.date() == qdate(last)
        assert not problem.isVisible()
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Plus)  # "+" stops there
        assert form.date_edit.date() == qdate(last)

        _type_date(qtbot, form, today + timedelta(days=2))
        assert not problem.isVisible()
        ctrl_enter(qtbot, form.date_edit)
        await wait_until(lambda: desk.window.ticket_view.card.isVisible(), what="ticket")
        assert desk.sandbox.bookings[-1].begin.date() == today + timedelta(days=2)


async def test_the_days_ahead_come_from_the_settings(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        today = desk.sandbox.now().date()
        desk.session.settings.update(booking_days_ahead=5)
        desk.window.booking.new_booking()  # F2 takes the current settings
        edit = desk.form.date_edit
        assert desk.form.allowed_days() == (qdate(today), qdate(today + timedelta(days=5)))
        edit.setFocus()
        for _ in range(8):
            qtbot.keyClick(edit, Qt.Key.Key_Plus)
        assert edit.date() == qdate(today + timedelta(days=5))
        assert isinstance(AppSettings().booking_days_ahead, int)
