"""One copy per user and data folder: a second start knocks, the first comes forward."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from desktop_app.ui.platform.single_instance import SingleInstance, server_name


def test_second_instance_raises_the_first(qtbot) -> None:
    key = f"desk-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(key)
    second = SingleInstance(key)
    try:
        assert first.is_primary()
        assert first.is_primary()  # asking again changes nothing
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert not second.is_primary()
        # A third start is told the same; the primary still answers.
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert not SingleInstance(key).is_primary()
    finally:
        first.close()
        second.close()


def test_after_the_primary_quits_the_next_start_is_primary(qtbot) -> None:
    key = f"desk-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(key)
    assert first.is_primary()
    first.close()
    again = SingleInstance(key)
    try:
        assert again.is_primary()
    finally:
        again.close()


def test_the_name_is_per_user_and_safe() -> None:
    assert server_name("DeskBooking", "ivanova") != server_name("DeskBooking", "petrova")
    assert server_name("DeskBooking", "Ivanova") == server_name("DeskBooking", "ivanova")
    name = server_name("Desk Booking/../x", "Иванова И.И.")
    assert name.isascii() and "/" not in name and " " not in name
    assert len(name) < 64


def test_copies_with_different_data_folders_run_side_by_side(qtbot, tmp_path: Path) -> None:
    key = f"desk-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(key, folder=tmp_path / "home-a" / "data")
    other_home = SingleInstance(key, folder=tmp_path / "home-b" / "data")
    same_home = SingleInstance(key, folder=tmp_path / "home-a" / "." / "data")
    try:
        assert first.is_primary()
        assert other_home.is_primary()  # its own journal: no reason to stop it
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert not same_home.is_primary()  # the same journal: the first comes forward
    finally:
        for instance in (first, other_home, same_home):
            instance.close()


def test_the_name_is_per_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name("DeskBooking", "ivanova", a) != server_name("DeskBooking", "ivanova", b)
    assert server_name("DeskBooking", "ivanova", a) == server_name(
        "DeskBooking", "ivanova", tmp_path / "x" / ".." / "a"
    )
    # By default the folder is the app's data folder, which DESKTOP_APP_HOME moves.
    monkeypatch.setenv("DESKTOP_APP_HOME", str(a))
    by_home = server_name("DeskBooking", "ivanova")
    assert by_home == server_name("DeskBooking", "ivanova", a / "data")
    monkeypatch.setenv("DESKTOP_APP_HOME", str(b))
    assert server_name("DeskBooking", "ivanova") != by_home
