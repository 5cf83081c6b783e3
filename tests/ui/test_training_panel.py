"""The training panel around the exercises: docking, trainee, hints, reset, progress, report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from training_fixtures import training_rig, wait_until

from desktop_app.booking import DeskEventKind
from desktop_app.sandbox import data as ds
from desktop_app.training import ProgressStore

K = DeskEventKind


async def _book_offline(rig) -> None:
    marks = rig.sandbox.landmarks()
    therapist = rig.sandbox.resource_guid(f"{ds.OFFLINE_CLINIC}/therapist-1")
    event = await rig.book(
        clinic=("Заречная", marks.offline_clinic), doctor=("терапевт", therapist), patient="adult"
    )
    assert event.kind is K.UNAVAILABLE


@pytest.mark.asyncio
async def test_panel_is_docked_and_waits_for_the_trainee(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        panel = rig.panel
        assert rig.window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea
        assert panel.exercise_list.count() == len(panel.exercises) >= 10
        assert not panel.exercise_list.isEnabled()
        # The desk's keyboard contract holds in training too: focus starts in the clinic search.
        assert rig.focus_name() == "clinicSearch"
        QTest.mouseClick(panel.name_edit, Qt.MouseButton.LeftButton)
        assert rig.focus_name() == "traineeName"
        # An empty name is refused inline; nothing modal is shown.
        rig.type_text("   ")
        rig.press(Qt.Key.Key_Return)
        assert panel.progress is None
        assert rig.focus_name() == "traineeName"
        assert rig.dialogs.shown == []
        rig.replace_text("Петров Пётр")
        rig.press(Qt.Key.Key_Return)
        assert panel.progress is not None and panel.progress.trainee == "Петров Пётр"
        assert panel.exercise_list.isEnabled()
        assert panel.selected is panel.exercises[0]
        assert "Пациент:" in panel.task_view.toPlainText()
        assert panel.windowTitle() == f"Обучение — выполнено 0 из {len(panel.exercises)}"
        # The hint is hidden until asked for, and the trainer will see it was used.
        hint = panel.exercises[0].hint
        assert panel.hint_text is None
        assert hint not in panel.task_view.toPlainText()
        panel.hint_button.click()
        assert panel.hint_text == hint
        assert hint in panel.task_view.toPlainText()
        assert panel.progress.hints_used == [panel.exercises[0].id]
        # Another exercise hides it again.
        panel.select_exercise(panel.exercises[1].id)
        assert panel.hint_text is None
        assert hint not in panel.task_view.toPlainText()


@pytest.mark.asyncio
async def test_reset_asks_first_then_clears_bookings_and_ticket(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await rig.start_trainee("Иванова Мария")
        surgeon = rig.sandbox.resource_guid(f"{ds.MAIN_CLINIC}/surgeon")
        event = await rig.book(
            clinic=("ГП № 1", rig.sandbox.landmarks().main_clinic),
            doctor=("хирург", surgeon),
            patient="adult",
        )
        assert event.kind is K.BOOKED
        assert len(rig.sandbox.bookings_of("adult")) == 1
        assert rig.window.ticket_view.ticket is not None

        rig.dialogs.answers.append(False)  # "Отмена"
        rig.panel.findChild(type(rig.panel.reset_button), "resetSandbox").click()
        await wait_until(lambda: len(rig.dialogs.asked) == 1, what="the question")
        await wait_until(lambda: rig.window.tasks.pending == 0, what="the reset task")
        assert len(rig.sandbox.bookings_of("adult")) == 1
        assert rig.window.ticket_view.ticket is not None

        rig.dialogs.answers.append(True)  # "Сбросить"
        rig.panel.reset_button.click()
        await wait_until(lambda: not rig.sandbox.bookings_of("adult"), what="the reset")
        assert len(rig.dialogs.asked) == 2
        assert rig.window.ticket_view.ticket is None
        # Back to the initial state: the pre-seeded bookings are there again.
        assert len(rig.sandbox.bookings_of("booked")) == 1
        assert rig.sandbox.bookings == [b for b in rig.sandbox.bookings if b.preseeded]
        assert "сброшена" in rig.panel.message.text()


@pytest.mark.asyncio
async def test_reset_disarms_a_started_trap(qtbot, tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await rig.start_trainee("Иванова Мария")
        rig.panel.select_exercise("connection_lost")
        rig.panel.exercise_button.click()
        assert rig.sandbox.config.drop_connection
        rig.dialogs.answers.append(True)
        assert await rig.panel.reset_sandbox()
        assert not rig.sandbox.config.drop_connection


@pytest.mark.asyncio
async def test_progress_survives_a_restart(tmp_path: Path) -> None:
    progress_dir = tmp_path / "progress"
    async with training_rig(
        tmp_path, progress_dir=progress_dir, journal_path=tmp_path / "j1.sqlite3"
    ) as rig:
        await rig.start_trainee("Иванова Мария")
        await _book_offline(rig)
        assert rig.ticked() == {"clinic_offline"}

    files = list(progress_dir.glob("*.json"))
    assert len(files) == 1
    saved = json.loads(files[0].read_text(encoding="utf-8"))
    assert saved["trainee"] == "Иванова Мария"
    assert set(saved["completed"]) == {"clinic_offline"}

    # A new session, panel and progress object over the same folder; the name typed differently.
    async with training_rig(
        tmp_path, progress_dir=progress_dir, journal_path=tmp_path / "j2.sqlite3"
    ) as rig:
        assert rig.ticked() == set()
        await rig.start_trainee("иванова   мария")
        assert rig.ticked() == {"clinic_offline"}
        assert rig.panel.progress.trainee == "Иванова Мария"
        assert rig.panel.windowTitle().endswith(f"выполнено 1 из {len(rig.panel.exercises)}")
        # The first unfinished exercise is selected; the done one does not tick again.
        assert rig.panel.selected.id == rig.panel.exercises[0].id
        await _book_offline(rig)
        assert rig.ticked() == {"clinic_offline"}
    assert ProgressStore(progress_dir).load("Иванова Мария").progress.is_done("clinic_offline")


@pytest.mark.asyncio
async def test_broken_progress_file_starts_afresh_with_a_warning(tmp_path: Path) -> None:
    progress_dir = tmp_path / "progress"
    store = ProgressStore(progress_dir)
    broken = store.path_for("Иванова Мария")
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b'{"trainee": "\xd0')
    async with training_rig(tmp_path, progress_dir=progress_dir) as rig:
        await rig.start_trainee("Иванова Мария")
        assert rig.panel.progress.completed == {}
        assert "не удалось прочитать" in rig.panel.message.text()
        assert rig.dialogs.shown == []
        await _book_offline(rig)
        assert rig.ticked() == {"clinic_offline"}
    assert list(progress_dir.glob("*.broken-*"))
    assert store.load("Иванова Мария").progress.is_done("clinic_offline")


@pytest.mark.asyncio
async def test_report_for_the_trainer(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        name = "Петрова <Анна> & Co"
        await rig.start_trainee(name)
        await _book_offline(rig)
        path = rig.panel.export_report(tmp_path / "отчёт")
        assert path == tmp_path / "отчёт.html"
        html = path.read_text(encoding="utf-8")
        assert "Петрова &lt;Анна&gt; &amp; Co" in html
        assert "<Анна>" not in html
        assert "Выполнено упражнений: <strong>1 из" in html
        for exercise in rig.panel.exercises:
            assert exercise.title in html
        assert html.count("✔") == 1
        assert html.count("✘") == len(rig.panel.exercises) - 1
        assert "Отчёт сохранён" in rig.panel.message.text()
        # A folder that cannot be written to: a message, no exception.
        assert rig.panel.export_report(tmp_path / "missing" / "r.html") is None
        assert "Не удалось сохранить отчёт" in rig.panel.message.text()


@pytest.mark.asyncio
async def test_a_done_exercise_can_be_practised_again(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await rig.start_trainee("Иванова Мария")
        await _book_offline(rig)
        first = rig.panel.progress.completed["clinic_offline"]
        rig.panel.select_exercise("clinic_offline")
        assert "выполнено" in rig.panel.title_label.text()
        rig.panel.exercise_button.click()
        assert "начато" in rig.panel.message.text()
        await _book_offline(rig)
        assert "выполнено" in rig.panel.message.text()
        assert rig.panel.progress.completed["clinic_offline"] == first
        assert rig.ticked() == {"clinic_offline"}


def test_tokens_go_through_the_desk_with_or_without_the_window_hook() -> None:
    from dataclasses import dataclass

    from desktop_app.sandbox import Sandbox
    from desktop_app.training import TrainingDesk
    from desktop_app.ui.training.controller import _route_tokens

    @dataclass
    class WithHook:
        sandbox: object
        issue_token: object = None

    @dataclass
    class WithoutHook:
        sandbox: object

    class Window:
        def __init__(self, services: object) -> None:
            self.services = services

    sandbox = Sandbox()
    desk = TrainingDesk(sandbox)
    hooked = Window(WithHook(sandbox))
    _route_tokens(hooked, desk)
    assert hooked.services.issue_token == desk.issue_token
    assert hooked.services.sandbox is sandbox
    plain = Window(WithoutHook(sandbox))
    _route_tokens(plain, desk)
    assert plain.services.sandbox is desk


@pytest.mark.asyncio
async def test_reset_closes_the_unknown_outcomes_so_the_exercise_can_be_repeated(
    tmp_path: Path,
) -> None:
    async with training_rig(tmp_path) as rig:
        await rig.start_trainee("Иванова Мария")
        cardiologist = rig.sandbox.landmarks().dispensary_doctor
        main = ("ГП № 1", rig.sandbox.landmarks().main_clinic)
        rig.panel.select_exercise("connection_lost")
        rig.panel.exercise_button.click()
        lost = await rig.book(clinic=main, doctor=("кардиолог", cardiologist), patient="dispensary")
        assert lost.kind is K.OUTCOME_UNKNOWN
        journal = rig.session.journal
        assert [e.is_open_unknown for e in journal.entries(training=True)] == [True]
        rig.dialogs.answers.append(True)
        assert await rig.panel.reset_sandbox()
        assert not any(e.is_open_unknown for e in journal.entries(training=True))
        # Same patient, doctor and day: no warning about a booking the reset removed.
        again = await rig.book(
            clinic=main, doctor=("кардиолог", cardiologist), patient="dispensary"
        )
        assert again.kind is K.BOOKED
        assert not any(e.kind is K.REBOOK_WARNED for e in rig.events)
