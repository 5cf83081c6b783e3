"""Trainee progress files and the trainer's report, without Qt."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop_app.sandbox import Sandbox
from desktop_app.training import (
    ProgressError,
    ProgressStore,
    TraineeProgress,
    build_exercises,
    render_report,
    write_report,
)
from desktop_app.training.progress import default_progress_dir, progress_file_name

MSK = timezone(timedelta(hours=3))
T0 = datetime(2026, 11, 27, 12, 0, tzinfo=MSK)


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "training", clock=lambda: T0)


def test_default_folder_is_under_the_app_data_dir() -> None:
    from desktop_app.settings.store import data_dir

    assert default_progress_dir() == data_dir() / "training"
    assert ProgressStore().directory == data_dir() / "training"


@pytest.mark.parametrize(
    "name",
    [
        "Иванова Мария",
        "CON",
        "../../etc/passwd",
        'a/b\\c:d*e?f"g<h>i|j',
        "   x   ",
        "Ёлкина Анна-Мария",
        "😀 emoji",
        "очень " * 40,
    ],
)
def test_file_names_are_safe(name: str) -> None:
    file_name = progress_file_name(name)
    assert file_name.endswith(".json")
    assert not set('/\\:*?"<>| ') & set(file_name)
    assert not file_name.startswith(".")
    assert len(file_name) <= 60
    stem = file_name.split("-")[0].upper()
    assert stem not in {"CON", "PRN", "AUX", "NUL"} or "-" in file_name


def test_file_name_ignores_case_and_spacing_but_not_the_name() -> None:
    assert progress_file_name("Иванова Мария") == progress_file_name("  иванова   МАРИЯ ")
    assert progress_file_name("Иванова Мария") != progress_file_name("Иванова_Мария")
    assert progress_file_name("Иванова Мария") != progress_file_name("Иванова Мари")


def test_fresh_progress_then_save_and_load(store: ProgressStore) -> None:
    loaded = store.load("  Иванова   Мария ")
    assert loaded.warning is None and not loaded.path.exists()
    progress = loaded.progress
    assert progress.trainee == "Иванова Мария"
    assert progress.started_at == T0
    assert progress.mark_done("clinic_offline", T0 + timedelta(minutes=5))
    assert not progress.mark_done("clinic_offline", T0 + timedelta(minutes=9))
    assert progress.note_hint("age_limit") and not progress.note_hint("age_limit")
    path = store.save(progress)
    assert path == loaded.path and path.parent == store.directory
    assert [p.name for p in store.directory.iterdir()] == [path.name]  # no temp file left
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["trainee"] == "Иванова Мария"
    assert raw["completed"]["clinic_offline"].startswith("2026-11-27T12:05:00")
    again = store.load("иванова мария").progress
    assert again.completed == {"clinic_offline": T0 + timedelta(minutes=5)}
    assert again.hints_used == ["age_limit"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("Иванова Мария", b"\xff\xfe garbage", "UTF-8"),
        ("Иванова Мария", b"{not json", "JSON"),
        ("Иванова Мария", b"[1, 2]", "недопустимые"),
        ("Иванова Мария", b'{"trainee": "", "completed": {}}', "недопустимые"),
        ("X", b'{"trainee": "X", "completed": {"a": "yesterday"}}', "недопустимые"),
        ("Иванова Мария", b'{"trainee": "Someone Else"}', "другой стажёр"),
    ],
)
def test_broken_file_gives_fresh_progress_and_a_warning(
    store: ProgressStore, name: str, content: bytes, reason: str
) -> None:
    path = store.path_for(name)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    loaded = store.load(name)
    assert loaded.progress.completed == {}
    assert loaded.progress.trainee == name
    assert loaded.warning and reason in loaded.warning
    assert not path.exists()
    kept = list(store.directory.glob("*.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    store.save(loaded.progress)
    assert store.load(name).warning is None


def test_a_folder_in_place_of_the_file_is_not_a_crash(store: ProgressStore) -> None:
    store.path_for("Иванова Мария").mkdir(parents=True)
    loaded = store.load("Иванова Мария")
    assert loaded.warning is not None
    store.save(loaded.progress)


def test_save_failure_is_a_russian_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = ProgressStore(blocker / "training")
    with pytest.raises(ProgressError) as info:
        store.save(TraineeProgress(trainee="Иванова Мария"))
    assert "Не удалось сохранить прогресс" in info.value.message


def test_empty_name_is_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError):
        store.load("   ")


def test_naive_times_in_a_hand_edited_file_become_aware(store: ProgressStore) -> None:
    path = store.path_for("X")
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "trainee": "X",
                "started_at": "2026-11-27T10:00:00",
                "completed": {"a": "2026-11-27T10:05:00"},
                "extra": 1,
            }
        )
    )
    progress = store.load("X").progress
    assert progress.started_at.tzinfo is not None
    assert progress.completed["a"].tzinfo is not None


def test_report_lists_every_exercise_and_escapes_the_name(tmp_path: Path) -> None:
    exercises = build_exercises(Sandbox())
    progress = TraineeProgress(trainee="<script>alert(1)</script> Иванова", started_at=T0)
    progress.mark_done(exercises[2].id, T0 + timedelta(hours=1, minutes=7))
    progress.note_hint(exercises[2].id)
    html = render_report(progress, exercises, generated_at=T0 + timedelta(hours=2))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Иванова" in html
    assert html.count("✔") == 1 and html.count("✘") == len(exercises) - 1
    done_at = (T0 + timedelta(hours=1, minutes=7)).astimezone().strftime("%d.%m.%Y %H:%M")
    assert done_at in html
    assert f"1 из {len(exercises)}" in html
    for exercise in exercises:
        assert exercise.title in html
    path = write_report(tmp_path / "r.html", progress, exercises)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(os.listdir(tmp_path)) == ["r.html"]


def test_mistakes_are_kept_with_their_times(store: ProgressStore) -> None:
    progress = store.load("Иванова Мария").progress
    first = progress.note_mistake(
        "connection_lost",
        "rebook_confirmed",
        "Записано ещё раз без проверки.",
        at=T0 + timedelta(minutes=3),
    )
    progress.note_mistake(
        "print_slip",
        "rejected",
        "Ответ «Запись не создана», код 4008.",
        code="4008",
        at=T0 + timedelta(minutes=9),
    )
    assert first.at == T0 + timedelta(minutes=3) and first.exercise == "connection_lost"
    assert progress.updated_at == T0 + timedelta(minutes=9)
    store.save(progress)
    again = store.load("иванова мария").progress
    assert [(m.exercise, m.kind, m.code, m.at) for m in again.mistakes] == [
        ("connection_lost", "rebook_confirmed", None, T0 + timedelta(minutes=3)),
        ("print_slip", "rejected", "4008", T0 + timedelta(minutes=9)),
    ]
    assert [m.text for m in again.mistakes_in("print_slip")] == [
        "Ответ «Запись не создана», код 4008."
    ]


def test_mistakes_are_bounded_and_old_files_still_load(store: ProgressStore) -> None:
    from desktop_app.training.progress import MAX_MISTAKES

    progress = TraineeProgress(trainee="X")
    for n in range(MAX_MISTAKES + 5):
        progress.note_mistake("a", "rejected", f"№ {n}")
    assert len(progress.mistakes) == MAX_MISTAKES
    assert progress.mistakes[-1].text == f"№ {MAX_MISTAKES + 4}"
    # a file written before mistakes were recorded: no "mistakes", no "former_names"
    path = store.path_for("Y")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"trainee": "Y", "completed": {"a": T0.isoformat()}}))
    loaded = store.load("Y")
    assert loaded.warning is None
    assert loaded.progress.mistakes == [] and loaded.progress.former_names == []
    # a naive time in a hand-edited mistake becomes aware
    path.write_text(
        json.dumps(
            {
                "trainee": "Y",
                "mistakes": [
                    {"at": "2026-11-27T10:00:00", "exercise": "a", "kind": "rejected", "text": "t"}
                ],
            }
        )
    )
    assert store.load("Y").progress.mistakes[0].at.tzinfo is not None


def test_rename_trainee_keeps_the_history(tmp_path: Path) -> None:
    moments = iter([T0, T0 + timedelta(hours=1)])
    store = ProgressStore(tmp_path / "training", clock=lambda: next(moments, T0))
    progress = store.load("Иваноа Мария").progress  # the typo
    progress.mark_done("clinic_offline", T0 + timedelta(minutes=5))
    progress.note_hint("age_limit")
    progress.note_mistake("print_slip", "rejected", "m", at=T0 + timedelta(minutes=7))
    old_path = store.save(progress)

    loaded = store.rename_trainee("Иваноа Мария", "  Иванова   Мария ")
    renamed = loaded.progress
    assert renamed.trainee == "Иванова Мария"
    assert renamed.former_names == ["Иваноа Мария"]
    assert renamed.started_at == progress.started_at
    assert renamed.completed == {"clinic_offline": T0 + timedelta(minutes=5)}
    assert renamed.hints_used == ["age_limit"] and len(renamed.mistakes) == 1
    assert loaded.path == store.path_for("Иванова Мария") and loaded.path.exists()
    assert not old_path.exists()
    assert [p.name for p in store.directory.iterdir()] == [loaded.path.name]
    # the new name finds the history; the old one starts afresh
    assert store.load("иванова мария").progress.completed == renamed.completed
    assert store.load("Иваноа Мария").progress.completed == {}
    # back again: the names are not duplicated
    back = store.rename_trainee("Иванова Мария", "Иваноа Мария").progress
    assert back.former_names == ["Иванова Мария"]


def test_rename_trainee_uses_the_progress_in_memory(store: ProgressStore) -> None:
    progress = store.load("Петров").progress  # never saved: nothing on disk yet
    progress.note_hint("print_slip")
    loaded = store.rename_trainee("Петров", "Петров Пётр", progress=progress)
    assert loaded.progress.hints_used == ["print_slip"]
    assert store.load("Петров Пётр").progress.former_names == ["Петров"]
    assert progress.trainee == "Петров"  # the caller's object is not changed


def test_rename_trainee_only_changing_case_keeps_the_file(store: ProgressStore) -> None:
    progress = store.load("иванова мария").progress
    progress.mark_done("a", T0)
    path = store.save(progress)
    loaded = store.rename_trainee("иванова мария", "Иванова Мария")
    assert loaded.path == path and path.exists()
    assert store.load("Иванова Мария").progress.trainee == "Иванова Мария"
    assert loaded.progress.is_done("a")


def test_rename_trainee_refuses_a_name_another_trainee_has(store: ProgressStore) -> None:
    store.save(TraineeProgress(trainee="Иванова Мария"))
    mine = TraineeProgress(trainee="Петрова Анна")
    mine.mark_done("a", T0)
    store.save(mine)
    with pytest.raises(ProgressError) as info:
        store.rename_trainee("Петрова Анна", "иванова мария")
    assert "уже есть" in info.value.message
    assert store.load("Петрова Анна").progress.is_done("a")  # nothing moved
    assert not store.load("Иванова Мария").progress.completed
    with pytest.raises(ValueError):
        store.rename_trainee("Петрова Анна", "   ")


def test_report_lists_the_mistakes_escaped_with_times(tmp_path: Path) -> None:
    exercises = build_exercises(Sandbox())
    progress = TraineeProgress(trainee="Иванова", started_at=T0, former_names=["Иваноа <b>"])
    progress.note_mistake(
        "connection_lost",
        "rebook_confirmed",
        "«Записать ещё раз» <script>x</script>",
        at=T0 + timedelta(minutes=42),
    )
    progress.note_mistake("gone_exercise", "rejected", "a & b", at=T0 + timedelta(minutes=50))
    html = render_report(progress, exercises, generated_at=T0 + timedelta(hours=1))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "a &amp; b" in html and "gone_exercise" in html
    assert "Иваноа &lt;b&gt;" in html
    assert "Ошибки во время упражнений (2)" in html
    number = [e.id for e in exercises].index("connection_lost") + 1
    assert f"{number}. {exercises[number - 1].title}" in html
    when = (T0 + timedelta(minutes=42)).astimezone().strftime("%d.%m.%Y %H:%M")
    assert when in html
    assert html.count("✔") == 0  # the marks stay for the exercises only
    clean = render_report(TraineeProgress(trainee="X"), exercises)
    assert "Ошибок не записано." in clean
