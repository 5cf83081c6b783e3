"""Every training exercise, done end to end by keys in the real window on the sandbox.

Each test starts a trainee, does the exercise the way the task text says, and checks that the
right dialog or ticket was seen and that exactly that exercise got ticked in the panel.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from training_fixtures import TrainingRig, training_rig, wait_until

from desktop_app.booking import DeskEventKind
from desktop_app.sandbox import data as ds

K = DeskEventKind


def _main(rig: TrainingRig) -> tuple[str, str]:
    return ("ГП № 1", rig.sandbox.landmarks().main_clinic)


def _doctor(rig: TrainingRig, key: str) -> str:
    return rig.sandbox.resource_guid(key)


def _last_text(rig: TrainingRig) -> str:
    assert rig.dialogs.shown, "no dialog was shown"
    return rig.dialogs.shown[-1].full_text


async def _started(rig: TrainingRig) -> None:
    await rig.start_trainee("Иванова Мария")
    assert rig.ticked() == set()


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.asyncio
async def test_normal_booking_and_printing(tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.ui.printing import slip_printer

    out = tmp_path / "talon.pdf"

    def pdf_printer(_name):  # the desk's receipt printer, as a PDF file
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(slip_printer, "make_printer", pdf_printer)
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        surgeon = _doctor(rig, f"{ds.MAIN_CLINIC}/surgeon")
        event = await rig.book(clinic=_main(rig), doctor=("хирург", surgeon), patient="adult")
        assert event.kind is K.BOOKED
        assert rig.window.ticket_view.number.text() == event.ticket_num
        assert rig.dialogs.shown == []
        assert "print_slip" not in rig.ticked()  # the slip is not printed yet
        # Ctrl+P, as at the desk: straight to the printer, no dialog.
        rig.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: rig.events[-1].kind is K.PRINTED, what="the slip printed")
        assert out.stat().st_size > 0
        assert rig.events[-1].kind is K.PRINTED
        assert rig.events[-1].ticket_guid == event.ticket_guid
        assert rig.ticked() == {"print_slip"}
        assert "выполнено" in rig.panel.message.text()


@pytest.mark.asyncio
async def test_taken_time_then_another_time(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        urologist = rig.sandbox.landmarks().full_day_doctor
        first = await rig.book(
            clinic=_main(rig), doctor=("уролог", urologist), patient="adult", hour=10
        )
        assert (first.kind, first.message_code, first.has_time) == (K.REJECTED, "4009", True)
        assert "занято" in _last_text(rig)
        assert rig.ticked() == set()
        second = await rig.book(
            clinic=_main(rig), doctor=("уролог", urologist), patient="adult", hour=12
        )
        assert second.kind is K.BOOKED
        assert rig.window.ticket_view.when.text().startswith("12:00")
        assert rig.ticked() == {"time_taken"}


@pytest.mark.asyncio
async def test_second_booking_same_speciality(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        therapists = {_doctor(rig, f"{ds.MAIN_CLINIC}/therapist-{n}") for n in (1, 2, 3)}
        event = await rig.book(clinic=_main(rig), doctor=("терапевт", therapists), patient="booked")
        assert (event.kind, event.message_code) == (K.REJECTED, "4008")
        assert "Морозова О.В." in _last_text(rig)
        assert rig.ticked() == {"one_per_speciality"}


@pytest.mark.asyncio
async def test_adult_in_children_clinic(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        marks = rig.sandbox.landmarks()
        children = {r.guid for r in rig.sandbox.data.by_clinic[marks.children_clinic]}
        event = await rig.book(
            clinic=("ДГП № 2", marks.children_clinic),
            doctor=("педиатр", children),
            patient="parent",
        )
        assert (event.kind, event.message_code) == (K.REJECTED, "4005")
        assert "детское учреждение" in _last_text(rig)
        assert rig.ticked() == {"children_clinic"}


@pytest.mark.asyncio
async def test_age_restricted_doctor(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        geriatrician = rig.sandbox.landmarks().geriatrician
        event = await rig.book(clinic=_main(rig), doctor=("гериатр", geriatrician), patient="young")
        assert (event.kind, event.message_code) == (K.REJECTED, "4029")
        assert "возрастной группы" in _last_text(rig)
        assert rig.ticked() == {"age_limit"}


@pytest.mark.asyncio
async def test_barred_from_self_booking(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        eye = _doctor(rig, f"{ds.MAIN_CLINIC}/ophthalmologist")
        event = await rig.book(clinic=_main(rig), doctor=("офтальмолог", eye), patient="barred")
        assert (event.kind, event.message_code) == (K.REJECTED, "4007")
        assert "самостоятельная запись" in _last_text(rig)
        assert rig.ticked() == {"self_booking_barred"}


@pytest.mark.asyncio
async def test_not_under_dispensary_observation(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        cardiologist = rig.sandbox.landmarks().dispensary_doctor
        event = await rig.book(
            clinic=_main(rig), doctor=("кардиолог", cardiologist), patient="no_dispensary"
        )
        assert (event.kind, event.message_code) == (K.REJECTED, "4007")
        assert "диспансерном учете" in _last_text(rig)
        assert rig.ticked() == {"not_dispensary"}


@pytest.mark.asyncio
async def test_offline_clinic(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        marks = rig.sandbox.landmarks()
        therapist = _doctor(rig, f"{ds.OFFLINE_CLINIC}/therapist-1")
        event = await rig.book(
            clinic=("Заречная", marks.offline_clinic),
            doctor=("терапевт", therapist),
            patient="adult",
        )
        assert event.kind is K.OFFLINE_DECLINED  # warned before sending; default: not sent
        assert rig.dialogs.offered[-1][1] == "skip"
        assert rig.sandbox.bookings_of("adult") == []
        assert rig.ticked() == {"clinic_offline"}


@pytest.mark.asyncio
async def test_expired_token(qtbot, tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        geriatrician = rig.sandbox.landmarks().geriatrician
        rig.panel.select_exercise("token_expired")
        _click(qtbot, rig.panel.exercise_button)
        refused = await rig.book(
            clinic=_main(rig), doctor=("гериатр", geriatrician), patient="elderly"
        )
        assert refused.kind is K.CREDENTIALS_REFUSED
        assert "token_expired" not in rig.ticked()
        assert rig.sandbox.bookings_of("elderly") == []
        again = await rig.book(
            clinic=_main(rig), doctor=("гериатр", geriatrician), patient="elderly"
        )
        assert again.kind is K.BOOKED  # the trap fired once: the next token is fresh
        assert rig.ticked() == {"token_expired"}


@pytest.mark.asyncio
async def test_lost_connection_then_check_first(qtbot, tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        cardiologist = rig.sandbox.landmarks().dispensary_doctor
        rig.panel.select_exercise("connection_lost")
        _click(qtbot, rig.panel.exercise_button)
        assert rig.sandbox.config.drop_connection
        lost = await rig.book(
            clinic=_main(rig), doctor=("кардиолог", cardiologist), patient="dispensary"
        )
        assert lost.kind is K.OUTCOME_UNKNOWN
        assert not rig.sandbox.config.drop_connection  # only the next booking was dropped
        assert len(rig.sandbox.bookings_of("dispensary")) == 1  # it was made all the same
        assert "connection_lost" not in rig.ticked()
        # Same patient, doctor and day again: the warning; "Отмена" (the recorded default).
        again = await rig.book_now()
        assert again.kind is K.REBOOK_CANCELLED
        assert [e.kind for e in rig.events[-2:]] == [K.REBOOK_WARNED, K.REBOOK_CANCELLED]
        assert len(rig.dialogs.asked) == 1
        assert rig.ticked() == {"connection_lost"}
        assert len(rig.sandbox.bookings_of("dispensary")) == 1


@pytest.mark.asyncio
async def test_lost_connection_booking_again_is_not_done(qtbot, tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        cardiologist = rig.sandbox.landmarks().dispensary_doctor
        rig.panel.select_exercise("connection_lost")
        _click(qtbot, rig.panel.exercise_button)
        lost = await rig.book(
            clinic=_main(rig), doctor=("кардиолог", cardiologist), patient="dispensary"
        )
        assert lost.kind is K.OUTCOME_UNKNOWN
        rig.dialogs.answers.append(True)  # "Записать ещё раз" — the wrong step
        await rig.book_now()
        await wait_until(lambda: any(e.kind is K.REBOOK_CONFIRMED for e in rig.events))
        assert "connection_lost" not in rig.ticked()
        assert "без проверки" in rig.panel.message.text()


# -- each exercise started after its patient was already booked -----------------------------------
#
# A trainee who practised before (or booked the patient while looking around) has left bookings in
# the sandbox: the same patient again would get 4008 where the exercise means 4009, or the lost
# connection's retry would be refused. "Начать упражнение" (as the hint says) removes that
# patient's earlier training bookings and says so; the exercise then goes as the task says.


async def _booked_before(rig: TrainingRig, *, doctor: tuple[str, str], patient: str) -> str:
    """A booking left over from an earlier try (tomorrow, as every exercise); its ticket GUID."""
    event = await rig.book(clinic=_main(rig), doctor=doctor, patient=patient, hour=12)
    assert event.kind is K.BOOKED, event
    assert any(b.ticket_guid == event.ticket_guid for b in rig.sandbox.bookings_of(patient))
    return event.ticket_guid or ""


def _start(qtbot, rig: TrainingRig, exercise_id: str, patient: str) -> None:
    """ "Начать упражнение" for the exercise: the patient's earlier bookings go, with a message."""
    rig.panel.select_exercise(exercise_id)
    _click(qtbot, rig.panel.exercise_button)
    message = rig.panel.message.text()
    assert "Прежние учебные записи пациента" in message, message
    assert rig.sandbox.data.patients[patient].full_name in message
    assert [b for b in rig.sandbox.bookings_of(patient) if not b.preseeded] == []
    assert rig.focus_name() == "clinicSearch"


@pytest.mark.asyncio
async def test_print_slip_after_an_earlier_booking(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.ui.printing import slip_printer

    out = tmp_path / "talon.pdf"

    def pdf_printer(_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(slip_printer, "make_printer", pdf_printer)
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        surgeon = _doctor(rig, f"{ds.MAIN_CLINIC}/surgeon")
        earlier = await _booked_before(rig, doctor=("хирург", surgeon), patient="adult")
        assert rig.window.ticket_view.ticket is not None
        _start(qtbot, rig, "print_slip", "adult")
        # The ticket on screen was one of the bookings removed: it is not left to be printed.
        assert rig.window.ticket_view.ticket is None
        event = await rig.book(clinic=_main(rig), doctor=("хирург", surgeon), patient="adult")
        assert event.kind is K.BOOKED and event.ticket_guid != earlier
        rig.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: rig.events[-1].kind is K.PRINTED, what="the slip printed")
        assert rig.ticked() == {"print_slip"}


@pytest.mark.asyncio
async def test_taken_time_after_an_earlier_booking(qtbot, tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        urologist = rig.sandbox.landmarks().full_day_doctor
        await _booked_before(rig, doctor=("уролог", urologist), patient="adult")
        # Without a clean start the same speciality would now be refused with 4008.
        _start(qtbot, rig, "time_taken", "adult")
        first = await rig.book(
            clinic=_main(rig), doctor=("уролог", urologist), patient="adult", hour=10
        )
        assert (first.kind, first.message_code) == (K.REJECTED, "4009")
        second = await rig.book(
            clinic=_main(rig), doctor=("уролог", urologist), patient="adult", hour=12
        )
        assert second.kind is K.BOOKED
        assert rig.ticked() == {"time_taken"}


@pytest.mark.asyncio
async def test_second_booking_same_speciality_after_an_earlier_booking(
    qtbot, tmp_path: Path
) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        surgeon = _doctor(rig, f"{ds.MAIN_CLINIC}/surgeon")
        await _booked_before(rig, doctor=("хирург", surgeon), patient="booked")
        preseeded = [b for b in rig.sandbox.bookings_of("booked") if b.preseeded]
        _start(qtbot, rig, "one_per_speciality", "booked")
        # The visit the exercise is about is there again (made anew, as after a reset).
        assert [b.preseeded for b in rig.sandbox.bookings_of("booked")] == [True] * len(preseeded)
        therapists = {_doctor(rig, f"{ds.MAIN_CLINIC}/therapist-{n}") for n in (1, 2, 3)}
        event = await rig.book(clinic=_main(rig), doctor=("терапевт", therapists), patient="booked")
        assert (event.kind, event.message_code) == (K.REJECTED, "4008")
        assert rig.ticked() == {"one_per_speciality"}


@pytest.mark.asyncio
async def test_expired_token_after_an_earlier_booking(qtbot, tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        geriatrician = rig.sandbox.landmarks().geriatrician
        await _booked_before(rig, doctor=("гериатр", geriatrician), patient="elderly")
        # The dead end: after the refused token, the retry got 4008.
        _start(qtbot, rig, "token_expired", "elderly")
        refused = await rig.book(
            clinic=_main(rig), doctor=("гериатр", geriatrician), patient="elderly"
        )
        assert refused.kind is K.CREDENTIALS_REFUSED
        again = await rig.book(
            clinic=_main(rig), doctor=("гериатр", geriatrician), patient="elderly"
        )
        assert again.kind is K.BOOKED
        assert rig.ticked() == {"token_expired"}


@pytest.mark.asyncio
async def test_lost_connection_after_an_earlier_try(qtbot, tmp_path: Path) -> None:
    """The exercise done once (an unknown outcome left open, the booking made), then again."""
    async with training_rig(tmp_path) as rig:
        await _started(rig)
        cardiologist = rig.sandbox.landmarks().dispensary_doctor
        doctor = ("кардиолог", cardiologist)
        rig.panel.select_exercise("connection_lost")
        _click(qtbot, rig.panel.exercise_button)
        lost = await rig.book(clinic=_main(rig), doctor=doctor, patient="dispensary")
        assert lost.kind is K.OUTCOME_UNKNOWN
        assert len(rig.sandbox.bookings_of("dispensary")) == 1
        # Start again: the booking made behind the lost answer goes, and so does the open
        # "outcome unknown" (journal and memory), or the first try would warn about it.
        _start(qtbot, rig, "connection_lost", "dispensary")
        assert not any(e.is_open_unknown for e in rig.session.journal.entries(training=True))
        lost = await rig.book(clinic=_main(rig), doctor=doctor, patient="dispensary")
        assert lost.kind is K.OUTCOME_UNKNOWN  # not 4008, not a rebooking warning
        again = await rig.book_now()
        assert again.kind is K.REBOOK_CANCELLED
        assert len(rig.dialogs.asked) == 1
        assert rig.ticked() == {"connection_lost"}
