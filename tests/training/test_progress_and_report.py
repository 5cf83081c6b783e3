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
