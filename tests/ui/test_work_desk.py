"""Work mode at a real desk, by keys in the real window against the sandbox over HTTP (issue 10):
the patient found by policy and birth date, shown on the card and in the journal, never carried
over by F2; a mistake cancelled; the checks before sending; the day's list."""

from __future__ import annotations

import contextlib
import csv
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.api import ClientSettings, RegistryClient
from desktop_app.logs import reset_logging, setup_logging
from desktop_app.sandbox import Sandbox, serve_in_thread
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.session import Session
from tests.qtkit import close_session, type_text
from tests.ui.asyncwait import wait_until
from tests.ui.desk import Desk, choose_main_therapist, ctrl_enter, surname
from tests.ui.test_f_kit import Clock

pytestmark = pytest.mark.asyncio


@contextlib.asynccontextmanager
async def work_desk(
    tmp_path: Path,
    *,
    clock: Clock | None = None,
    initial_token: str | None = None,
    settings: AppSettings | None = None,
) -> AsyncIterator[Desk]:
    """The work-mode window on the sandbox served over HTTP on 127.0.0.1 (its own clock)."""
    sandbox = Sandbox(clock=clock) if clock is not None else Sandbox()
    with serve_in_thread(sandbox) as base_url:
        client = RegistryClient(
            base_url, settings=ClientSettings(), today=lambda: sandbox.now().date()
        )
        services = build_services(
            SettingsOwner(settings or AppSettings(server_url=base_url, mode="work")),
            training=False,
            server_url=None,
            log_path=tmp_path / "desk.log",
            client=client,
            journal_path=tmp_path / "journal.sqlite3",
            today=lambda: sandbox.now().date(),
        )
        services.initial_token = initial_token
        dialogs = RecordingDialogs()
        session = Session(services, dialogs=dialogs)
        window = session.open_window()
        window.activateWindow()
        desk = Desk(window, sandbox, dialogs, session)
        try:
            await wait_until(lambda: window.form.clinic_picker.model.rowCount() > 0, what="clinics")
            yield desk
        finally:
            await close_session(session)


def roster(desk: Desk, patient_id: str) -> dict:
    return next(p for p in desk.sandbox.patients() if p["id"] == patient_id)


def requests(desk: Desk, method: str, part: str) -> int:
    return sum(1 for r in desk.sandbox.requests if r.method == method and part in r.path)


class Keys:
    """Counts what the operator presses: the issue asks for the keystrokes to a printed slip."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def click(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.count += 1

    def type(self, widget, text: str) -> None:
        type_text(widget, text)
        self.count += len(text)


async def book_by_lookup(
    qtbot, desk: Desk, patient_id: str = "adult", *, days: int = 1, keys: Keys | None = None
) -> None:
    """Clinic, therapist, the day, the patient's policy and birth date, Enter, Enter on Book."""
    keys = keys or Keys(qtbot)
    form = desk.form
    marks = desk.sandbox.landmarks()
    if desk.window.clinic is None:
        keys.type(form.clinic_picker.edit, desk.clinic_short(marks.main_clinic))
        keys.click(form.clinic_picker.edit, Qt.Key.Key_Return)
        await wait_until(lambda: form.resource_picker.model.rowCount() > 0, what="doctor list")
    keys.type(form.resource_picker.edit, surname(desk.resource_fio(marks.therapist)))
    keys.click(form.resource_picker.edit, Qt.Key.Key_Return)
    await wait_until(lambda: desk.window.resource is not None, what="doctor chosen")
    assert form.date_edit.hasFocus()
    for _ in range(days):
        keys.click(form.date_edit, Qt.Key.Key_Plus)
    keys.click(form.date_edit, Qt.Key.Key_Return)
    block = form.patient_block
    assert block.policy_edit.hasFocus()
    patient = roster(desk, patient_id)
    keys.type(block.policy_edit, patient["policy"])
    keys.click(block.policy_edit, Qt.Key.Key_Tab)
    assert block.birth_edit.hasFocus()
    born = patient["birthDate"]
    keys.type(block.birth_edit, born[8:10] + born[5:7] + born[0:4])
    keys.click(block.birth_edit, Qt.Key.Key_Return)  # find the patient
    await wait_until(lambda: form.book_button.hasFocus(), what="the patient found")
    keys.click(form.book_button, Qt.Key.Key_Return)  # book
    await wait_until(lambda: not desk.window.booking_busy, timeout=10, what="the booking")


async def test_policy_and_birth_date_find_the_patient_who_is_booked_shown_and_journaled(
    qtbot, tmp_path, monkeypatch
) -> None:
    log_path = setup_logging(tmp_path / "logs")
    logging.getLogger().setLevel(logging.DEBUG)
    pdf = tmp_path / "talon.pdf"
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.ui.printing import slip_printer

    def pdf_printer(_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    monkeypatch.setattr(slip_printer, "make_printer", pdf_printer)
    try:
        async with work_desk(tmp_path) as desk:
            keys = Keys(qtbot)
            await book_by_lookup(qtbot, desk, "adult", keys=keys)
            view = desk.window.ticket_view
            await wait_until(lambda: view.ticket is not None, what="ticket")
            assert requests(desk, "GET", "/auth/lpu/token") == 1
            assert desk.posts() == 1
            assert desk.sandbox.bookings[-1].patient_id == "adult"
            shown = "Лебедев А. П., д. р. 12.04.1985"
            assert shown in view.patient_text
            [entry] = desk.session.journal.entries()
            assert entry.patient_label == shown
            assert [e.id for e in desk.session.journal.entries(search="лебедев")] == [entry.id]
            keys.click(desk.form.book_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
            await wait_until(lambda: pdf.exists() and not desk.window.slips.printing, what="slip")
            from tests.printing.pdfread import pdf_text

            slip = pdf_text(pdf)
            head, _cut, stub = slip.partition("Корешок")
            assert "Лебедев" in stub and "Лебедев" not in head  # the operator's stub only
            # From an empty form to a printed slip with the patient looked up.
            print(f"keystrokes to a printed slip: {keys.count}")
            assert keys.count <= 45
            policy = roster(desk, "adult")["policy"]
    finally:
        reset_logging()
    text = log_path.read_text(encoding="utf-8")
    assert policy not in text and "12.04.1985" not in text and "1985-04-12" not in text
    assert "auth/lpu/token" in text  # the call is logged, its values are not


async def test_f2_clears_the_patient_and_the_next_ctrl_enter_sends_nothing(qtbot, tmp_path) -> None:
    async with work_desk(tmp_path) as desk:
        await book_by_lookup(qtbot, desk)
        await wait_until(lambda: desk.window.ticket_view.ticket is not None, what="ticket")
        form = desk.form
        qtbot.keyClick(form.book_button, Qt.Key.Key_F2)
        block = form.patient_block
        assert block.identity is None
        assert (block.policy_edit.text(), block.token_edit.text()) == ("", "")
        assert block.birth_edit.text().strip(". _") == ""
        assert desk.window.clinic is not None  # the clinic is kept
        assert form.resource_picker.edit.hasFocus()  # and the doctor asked again
        marks = desk.sandbox.landmarks()
        type_text(form.resource_picker.edit, surname(desk.resource_fio(marks.therapist)))
        qtbot.keyClick(form.resource_picker.edit, Qt.Key.Key_Return)
        await wait_until(lambda: desk.window.resource is not None, what="doctor")
        ctrl_enter(qtbot, form.date_edit)
        await wait_until(lambda: desk.dialogs.shown, what="the missing patient")
        assert "Укажите пациента" in desk.dialogs.shown[-1].text
        assert block.policy_edit.hasFocus()
        assert desk.posts() == 1 and requests(desk, "GET", "/auth/lpu/token") == 1


async def test_a_token_from_the_environment_serves_the_first_booking_and_f2_clears_it(
    qtbot, tmp_path
) -> None:
    sandbox_token = Sandbox().issue_token("elderly")  # same signing key as any sandbox
    async with work_desk(tmp_path, initial_token=sandbox_token) as desk:
        form = desk.form
        assert form.token_edit.text() == sandbox_token and form.token_edit.isVisible()
        await choose_main_therapist(qtbot, desk)
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Plus)
        ctrl_enter(qtbot, form.date_edit)
        await wait_until(lambda: desk.window.ticket_view.ticket is not None, what="ticket")
        assert desk.sandbox.bookings[-1].patient_id == "elderly"
        assert requests(desk, "GET", "/auth/lpu/token") == 0
        qtbot.keyClick(form.book_button, Qt.Key.Key_F2)
        assert form.token_edit.text() == "" and form.patient_block.identity is None


async def test_cancel_from_the_card_frees_the_visit_and_marks_card_and_journal(
    qtbot, tmp_path
) -> None:
    async with work_desk(tmp_path) as desk:
        await book_by_lookup(qtbot, desk)
        window = desk.window
        await wait_until(lambda: window.ticket_view.ticket is not None, what="ticket")
        ticket = window.ticket_view.ticket
        assert window.cancel_button.isEnabled() and window.cancel_action.isEnabled()
        window.cancel_action.trigger()
        flow = window.booking.cancel_flow
        await wait_until(
            lambda: flow.dialog is not None and flow.dialog.isActiveWindow(), what="dialog"
        )
        dialog = flow.dialog
        assert f"Талон № {ticket.num}" in dialog.ticket_label.text()
        assert "Лебедев А. П." in dialog.ticket_label.text()
        desk.dialogs.answers.append(True)  # "Отменить запись" in the confirmation
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # "Записан по ошибке"
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: window.ticket_view.cancelled, timeout=10, what="cancelled")
        [question] = desk.dialogs.asked
        assert "Отменить запись" in question.title
        assert requests(desk, "DELETE", "/visit/") == 1
        assert ticket.ticket_guid not in [b.ticket_guid for b in desk.sandbox.bookings]
        [entry] = desk.session.journal.entries()
        assert entry.is_cancelled and "по ошибке" in (entry.cancel_reason or "")
        assert "отменена" in window.status_text.text().lower()
        assert not window.print_button.isEnabled() and not window.cancel_button.isEnabled()
        shown = len(desk.dialogs.shown)
        qtbot.keyClick(window.form.book_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(desk.dialogs.shown) > shown, what="nothing to print")
        assert "Запись отменена: талон недействителен" in desk.dialogs.shown[-1].text
        assert desk.session.journal.get(entry.id).print_count == 0


async def test_cancel_of_a_visit_whose_time_has_passed_gives_the_4021_dialog(
    qtbot, tmp_path
) -> None:
    clock = Clock()
    async with work_desk(tmp_path, clock=clock) as desk:
        await book_by_lookup(qtbot, desk, days=0)  # today, the nearest free time
        window = desk.window
        await wait_until(lambda: window.ticket_view.ticket is not None, what="ticket")
        clock.advance(hours=4)  # the visit is over (the patient's token is still valid)
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        flow = window.booking.cancel_flow
        await wait_until(
            lambda: flow.dialog is not None and flow.dialog.isActiveWindow(), what="dialog"
        )
        desk.dialogs.answers.append(True)
        qtbot.mouseClick(flow.dialog.cancel_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: desk.dialogs.shown, timeout=10, what="the refusal")
        message = desk.dialogs.shown[-1]
        assert message.title == "Отменить нельзя"
        assert "Время приёма уже прошло" in message.text
        assert "Код: 4021" in (message.details or "")
        assert not window.ticket_view.cancelled
        [entry] = desk.session.journal.entries()
        assert entry.status == "booked" and entry.cancel_state == "refused"
        assert len(desk.sandbox.bookings_of("adult")) >= 1


async def test_an_active_booking_of_the_same_speciality_is_named_before_sending(
    qtbot, tmp_path
) -> None:
    async with work_desk(tmp_path) as desk:
        await book_by_lookup(qtbot, desk)
        await wait_until(lambda: desk.window.ticket_view.ticket is not None, what="ticket")
        assert desk.posts() == 1
        qtbot.keyClick(desk.form.book_button, Qt.Key.Key_F2)
        await book_by_lookup(qtbot, desk)  # the same patient, therapist, day again
        buttons, default = desk.dialogs.offered[-1]
        assert default == "skip"
        assert [label for _key, label in buttons] == [
            "Показать запись",
            "Записать всё равно",
            "Не записывать",
        ]
        assert desk.posts() == 1  # the default: nothing sent
        assert "уже есть запись" in desk.window.status_text.text()

        desk.dialogs.choices.append("show")  # "Показать запись": the journal, on that booking
        ctrl_enter(qtbot, desk.form.book_button)
        await wait_until(lambda: desk.window.findChild(object, "journalView"), what="journal")
        journal_view = desk.window.findChild(object, "journalView")
        assert journal_view.search.text() == desk.session.journal.entries()[0].ticket_num
        journal_view.close()
        assert desk.posts() == 1

        desk.dialogs.choices.append("book")  # "Записать всё равно": sent, the registry decides
        ctrl_enter(qtbot, desk.form.book_button)
        await wait_until(lambda: desk.posts() == 2 and not desk.window.booking_busy, what="sent")


async def test_the_day_list_by_keys_prints_to_pdf_and_exports_csv(qtbot, tmp_path) -> None:
    from tests.printing.pdfread import pdf_text

    async with work_desk(tmp_path) as desk:
        await book_by_lookup(qtbot, desk)
        await wait_until(lambda: desk.window.ticket_view.ticket is not None, what="ticket")
        ticket = desk.window.ticket_view.ticket
        qtbot.keyClick(desk.form.book_button, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: desk.window.findChild(object, "dayListView"), what="day list")
        view = desk.window.findChild(object, "dayListView")
        assert view.day == desk.sandbox.now().date()

        def rows() -> str:
            return "\n".join(" | ".join(row) for row in view.rows_text())

        assert "Лебедев" not in rows()  # booked for tomorrow: not in today's list
        view.set_day(desk.sandbox.now().date() + timedelta(days=1))
        rows = rows()
        assert "Лебедев А. П., д. р. 12.04.1985" in rows and ticket.num in rows
        pdf, table = tmp_path / "day.pdf", tmp_path / "day.csv"
        answers = iter([str(pdf), str(table)])
        view._ask_save_path = lambda *_args: next(answers)  # the file dialog's answer
        view.save_pdf()
        text = pdf_text(pdf)
        assert "Список записанных вне расписания" in text and "Лебедев" in text
        view.save_csv()
        with table.open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle, delimiter=";"))
        assert lines[0][:3] == ["Дата", "Врач", "Поликлиника"]
        assert any("Лебедев А. П., д. р. 12.04.1985" in row for row in lines[1:])
        view.close()
