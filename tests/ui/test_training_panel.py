"""The training panel around the exercises: docking, trainee, hints, reset, progress, report."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)
from training_fixtures import training_rig, wait_until

from desktop_app.booking import DeskEventKind
from desktop_app.sandbox import data as ds
from desktop_app.training import ProgressStore

K = DeskEventKind

TS = Path(__file__).resolve().parents[2] / "desktop_app" / "i18n" / "desk_en.ts"


async def _book_offline(rig) -> None:
    marks = rig.sandbox.landmarks()
    therapist = rig.sandbox.resource_guid(f"{ds.OFFLINE_CLINIC}/therapist-1")
    event = await rig.book(
        clinic=("Заречная", marks.offline_clinic), doctor=("терапевт", therapist), patient="adult"
    )
    assert event.kind is K.OFFLINE_DECLINED  # warned before sending; the default sends nothing


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


# -- mistakes in the trainer's report -------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_confirmed_rebooking_is_a_mistake_in_the_report(tmp_path: Path) -> None:
    from desktop_app.text import local_time, stamp
    from desktop_app.training.exercises import MISTAKE_REBOOK

    progress_dir = tmp_path / "progress"
    async with training_rig(tmp_path, progress_dir=progress_dir) as rig:
        await rig.start_trainee("Иванова Мария")
        cardiologist = rig.sandbox.landmarks().dispensary_doctor
        rig.panel.select_exercise("connection_lost")
        rig.panel.exercise_button.click()
        lost = await rig.book(
            clinic=("ГП № 1", rig.sandbox.landmarks().main_clinic),
            doctor=("кардиолог", cardiologist),
            patient="dispensary",
        )
        assert lost.kind is K.OUTCOME_UNKNOWN
        assert rig.panel.progress.mistakes == []
        rig.dialogs.answers.append(True)  # «Записать ещё раз» — without checking first
        await rig.book_now()
        assert any(e.kind is K.REBOOK_CONFIRMED for e in rig.events)
        # One mistake: the re-booking; what it ran into (the booking made behind the lost
        # answer answers 4008) is noted on it, not counted a second time.
        (mistake,) = rig.panel.progress.mistakes
        assert (mistake.exercise, mistake.kind, mistake.text, mistake.code) == (
            "connection_lost",
            "rebook_confirmed",
            MISTAKE_REBOOK,
            "4008",
        )
        # Saved at once: the trainer sees it even if the program is closed now.
        saved = ProgressStore(progress_dir).load("Иванова Мария").progress
        assert [m.kind for m in saved.mistakes] == ["rebook_confirmed"]
        html = rig.panel.export_report(tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Ошибки во время упражнений (1)" in html
    number = [e.id for e in rig.panel.exercises].index("connection_lost") + 1
    row = (
        f"<tr><td>{stamp(local_time(mistake.at))}</td>"
        f"<td>{number}. Обрыв связи при записи</td>"
        f"<td>{escape(MISTAKE_REBOOK)}</td></tr>"
    )
    assert row in html


# -- renaming the trainee -------------------------------------------------------------------------


async def _rename_dialog(rig) -> QInputDialog:
    dialog = rig.panel.rename_dialog
    assert isinstance(dialog, QInputDialog)
    await wait_until(dialog.isVisible, what="the rename dialog")
    await wait_until(
        lambda: (
            isinstance(QApplication.focusWidget(), QLineEdit)
            and dialog.isAncestorOf(QApplication.focusWidget())
        ),
        what="the focus in the dialog's name field",
    )
    return dialog


@pytest.mark.asyncio
async def test_the_trainee_corrects_a_mistyped_name(tmp_path: Path) -> None:
    progress_dir = tmp_path / "progress"
    store = ProgressStore(progress_dir)
    async with training_rig(tmp_path, progress_dir=progress_dir) as rig:
        panel = rig.panel
        assert not panel.rename_button.isVisibleTo(panel)  # nothing to rename yet
        await rig.start_trainee("Иванвоа Мария")
        await _book_offline(rig)
        panel.hint_button.click()
        old_file = store.path_for("Иванвоа Мария")
        assert old_file.exists()
        assert panel.rename_button.isVisibleTo(panel)

        # Keyboard: Tab reaches the button, Space opens the dialog (not modal-blocking).
        panel.rename_button.setFocus()
        assert rig.focus_name() == "renameTrainee"
        rig.press(Qt.Key.Key_Space)
        dialog = await _rename_dialog(rig)
        assert dialog.textValue() == "Иванвоа Мария"
        assert dialog.windowModality() == Qt.WindowModality.WindowModal  # open(), no exec()
        rig.replace_text("Иванова Мария")
        rig.press(Qt.Key.Key_Return)
        await wait_until(lambda: panel.rename_dialog is None, what="the dialog closed")

        assert panel.progress.trainee == "Иванова Мария"
        assert panel.trainee_label.text() == "Стажёр: Иванова Мария"
        assert "Имя исправлено" in panel.message.text()
        assert rig.ticked() == {"clinic_offline"}
        # The history moved to the new name's file; the old one is gone.
        assert not old_file.exists()
        moved = store.load("Иванова Мария").progress
        assert moved.is_done("clinic_offline")
        assert moved.hints_used == panel.progress.hints_used != []
        assert moved.former_names == ["Иванвоа Мария"]
        # What is done next is saved under the new name.
        panel.select_exercise("one_per_speciality")
        panel.hint_button.click()
        assert "one_per_speciality" in store.load("Иванова Мария").progress.hints_used
        path = panel.export_report(tmp_path / "r.html")
        assert "Прежнее написание имени: Иванвоа Мария" in path.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_renaming_to_another_trainee_or_cancelling_changes_nothing(tmp_path: Path) -> None:
    progress_dir = tmp_path / "progress"
    store = ProgressStore(progress_dir)
    store.save(store.load("Петров Пётр").progress)  # another trainee of this PC
    async with training_rig(tmp_path, progress_dir=progress_dir) as rig:
        panel = rig.panel
        await rig.start_trainee("Иванова Мария")
        await _book_offline(rig)
        shown = len(rig.dialogs.shown)
        # Another trainee's name: refused with the store's message, in the panel.
        panel.rename_button.click()
        await _rename_dialog(rig)
        rig.replace_text("петров  пётр")
        rig.press(Qt.Key.Key_Return)
        await wait_until(lambda: panel.rename_dialog is None, what="the dialog closed")
        assert "уже есть на этом компьютере" in panel.message.text()
        assert panel.progress.trainee == "Иванова Мария"
        assert panel.trainee_label.text() == "Стажёр: Иванова Мария"
        assert store.load("Петров Пётр").progress.completed == {}
        assert store.load("Иванова Мария").progress.is_done("clinic_offline")
        # Esc: the dialog goes, the name stays.
        panel.rename_button.click()
        await _rename_dialog(rig)
        rig.replace_text("Сидорова Анна")
        rig.press(Qt.Key.Key_Escape)
        await wait_until(lambda: panel.rename_dialog is None, what="the dialog closed")
        assert panel.progress.trainee == "Иванова Мария"
        assert not store.path_for("Сидорова Анна").exists()
        # An empty name: a message, nothing renamed.
        assert panel.rename_trainee("  ") is False
        assert panel.progress.trainee == "Иванова Мария"
        assert len(rig.dialogs.shown) == shown  # all said in the panel, no message box


@pytest.mark.asyncio
async def test_rename_has_its_own_mnemonic_in_the_window(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        await rig.start_trainee("Иванова Мария")
        letters = _mnemonics(rig.window)
        assert {k: v for k, v in letters.items() if v > 1} == {}
        text = rig.panel.rename_button.text()
        assert text.replace("&", "") == "Исправить имя…"
        letter = text[text.index("&") + 1].casefold()
        assert letters[letter] == 1
        # Alt+letter is the button's shortcut (QTest cannot type a Cyrillic Alt+letter; the
        # press by keyboard is Tab + Space, tested above), and Tab reaches it.
        button = rig.panel.rename_button
        assert button.shortcut() == QKeySequence.mnemonic(text)
        assert button.shortcut().toString() == "Alt+" + letter.upper()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def _mnemonics(window) -> Counter:
    """Letters of the visible mnemonics, as tests/ui/test_accessibility.py counts them."""
    letters: Counter = Counter()
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    for text in texts:
        letters.update(m.group(1).casefold() for m in _MNEMONIC.finditer(text or ""))
    return letters


_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


# -- what the trainee reads -----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_patient_notes_say_who_the_person_is_not_the_answer(tmp_path: Path) -> None:
    async with training_rig(tmp_path) as rig:
        picker = rig.window.form.patient_picker
        note = rig.window.form.patient_note
        roster = {p["id"]: p for p in rig.sandbox.patients()}
        assert picker.count() == len(roster)
        for index in range(picker.count()):
            picker.setCurrentIndex(index)
            patient = roster[picker.itemData(index)["id"]]
            assert note.text().startswith(patient["note"])
            # ... and the documents the patient hands over, typed into the patient block
            assert patient["birthDate"][:4] in note.text()
            assert patient["policy"][-4:] in note.text().replace(" ", "")
            assert patient["scenario"] not in note.text()
            # No outcome, code or jargon: that is the trainer's ``scenario``.
            assert not re.search(r"\b[45]0\d\d\b", note.text()), note.text()
            assert "канал" not in note.text()


def _screen_words() -> list[str]:
    """Every text the UI can show by itself: the sources of desk_en.ts, mnemonics removed."""
    root = ET.parse(TS).getroot()
    sources = [m.findtext("source") or "" for m in root.iter("message")]
    return [s.replace("&&", "\0").replace("&", "").replace("\0", "&") for s in sources]


def _sandbox_words(sandbox) -> list[str]:
    """What the sandbox puts on screen (clinic names, doctors' specialities, server messages):
    a hint may quote it, and the trainee types part of it into the searches."""
    from desktop_app.sandbox import engine

    data = sandbox.data
    words = [n for c in data.clinics.values() for n in (c.name, c.fer_name)]
    words += [r.speciality.lower() for r in data.resources.values()]
    words += [v for k, v in vars(engine).items() if k.startswith("MSG_") and isinstance(v, str)]
    return words


def test_hints_quote_only_words_the_screen_shows() -> None:
    from desktop_app.sandbox import Sandbox
    from desktop_app.training import build_exercises

    sandbox = Sandbox()
    exercises = build_exercises(sandbox)
    screen = _screen_words()
    shown = screen + _sandbox_words(sandbox) + [e.title for e in exercises]
    wrong = []
    for exercise in exercises:
        for where, text in (("hint", exercise.hint), ("task", exercise.task)):
            for quoted in re.findall(r"«([^»]+)»", text):
                if not any(quoted in words for words in shown):
                    wrong.append(f"{exercise.id} ({where}): «{quoted}»")
    assert not wrong, "quoted words the screen never shows:\n" + "\n".join(wrong)
    # The dialog titles and buttons a hint names are the UI's own strings, not data.
    for quoted in (
        "Запись не создана",
        "Токен отклонён",
        "Поликлиника недоступна",
        "Результат записи неизвестен",
        "Возможна повторная запись",
        "Записать ещё раз",
        "Не в сети",
        "Печать (Ctrl+P)",
        "Начать упражнение",
    ):
        assert any(quoted in words for words in screen), quoted
    # Training has no token field: no hint sends the trainee to one.
    assert not any("«Токен»" in e.hint for e in exercises)
