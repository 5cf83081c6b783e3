"""SettingsOwner: the one owner of the current settings (save, then notify; copies out)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.settings.store import load_settings

GUID = "8e8f2a3c-1111-4a5b-9c9d-0123456789ab"
RES = "5b1d3f00-2222-4c3d-8e8f-abcdefabcdef"


def test_current_is_a_copy_that_cannot_change_the_owner() -> None:
    owner = SettingsOwner(AppSettings(printer_name="Kitchen"))
    seen = owner.current
    seen.printer_name = "Other"
    seen.remember_clinic(GUID, "ГП № 3")
    assert owner.current.printer_name == "Kitchen"
    assert owner.current.known_clinics == []


def test_the_initial_settings_are_copied_too() -> None:
    initial = AppSettings()
    owner = SettingsOwner(initial)
    initial.printer_name = "changed behind the owner's back"
    assert owner.current.printer_name is None


def test_update_notifies_old_and_new_and_validates() -> None:
    owner = SettingsOwner(AppSettings())
    calls: list[tuple[AppSettings, AppSettings]] = []
    owner.subscribe(lambda old, new: calls.append((old, new)))
    assert owner.update(slip_layout="a5", operator_login="reg_ivanova") is None
    assert owner.current.slip_layout == "a5"
    [(old, new)] = calls
    assert old.slip_layout == "auto" and new.slip_layout == "a5"
    with pytest.raises(ValidationError):
        owner.update(slip_layout="napkin")
    with pytest.raises(TypeError):
        owner.update(no_such_setting=1)
    assert owner.current.slip_layout == "a5" and len(calls) == 1


def test_no_change_means_no_notice_and_no_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    owner = SettingsOwner(AppSettings(), persist=True, path=path)
    calls: list[object] = []
    owner.subscribe(lambda old, new: calls.append(new))
    assert owner.update(slip_layout="auto") is None
    assert calls == [] and not path.exists()


def test_update_with_goes_through_the_owner_for_mutating_helpers(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    owner = SettingsOwner(AppSettings(), persist=True, path=path)
    news: list[AppSettings] = []
    owner.subscribe(lambda _old, new: news.append(new))

    def remember(s: AppSettings) -> None:
        s.remember_clinic(GUID, "ГП № 3")
        s.remember_resource(RES, "Смирнова Е. В.", GUID)

    assert owner.update_with(remember) is None
    assert owner.current.clinic_name(GUID) == "ГП № 3"
    assert owner.current.resource_name(RES, GUID) == "Смирнова Е. В."
    assert len(news) == 1 and news[0].known_resources[0].guid == RES
    saved, warning = load_settings(path)
    assert warning is None and saved.clinic_name(GUID) == "ГП № 3"
    # A function may also return a new instance instead of changing the draft.
    assert owner.update_with(lambda s: s.model_copy(update={"font_scale": 1.5})) is None
    assert owner.current.font_scale == 1.5


def test_replace_saves_then_notifies(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    owner = SettingsOwner(AppSettings(), persist=True, path=path)
    order: list[str] = []
    owner.subscribe(
        lambda _old, new: order.append(
            "saved"
            if path.exists() and json.loads(path.read_text("utf-8"))["language"] == "en"
            else "not saved"
        )
    )
    new = AppSettings(language="en", server_url="https://mis.example.ru/api")
    assert owner.replace(new) is None
    assert order == ["saved"]
    new.language = "ru"  # the caller's instance is not the owner's
    assert owner.current.language == "en"


def test_not_persisting_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    owner = SettingsOwner(AppSettings(), path=path)
    assert owner.update(language="en") is None
    assert not path.exists()
    owner.persist = True
    assert owner.update(language="ru") is None
    assert load_settings(path)[0].language == "ru"


def test_a_failed_save_is_reported_in_english_and_the_change_still_holds(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be", encoding="utf-8")
    owner = SettingsOwner(AppSettings(), persist=True, path=blocker / "settings.json")
    calls: list[AppSettings] = []
    owner.subscribe(lambda _old, new: calls.append(new))
    problem = owner.update(printer_name="Reception")
    assert problem is not None
    assert str(blocker / "settings.json") in problem
    assert re.search("[а-яё]", problem, re.IGNORECASE) is None  # English, for the UI to word
    assert owner.current.printer_name == "Reception"
    assert [c.printer_name for c in calls] == ["Reception"]


def test_a_broken_subscriber_does_not_stop_the_others() -> None:
    owner = SettingsOwner()
    seen: list[str] = []

    def broken(_old: AppSettings, _new: AppSettings) -> None:
        raise RuntimeError("subscriber bug")

    owner.subscribe(broken)
    owner.subscribe(lambda _old, new: seen.append(new.language))
    assert owner.update(language="en") is None
    assert seen == ["en"]


def test_unsubscribe() -> None:
    owner = SettingsOwner()
    seen: list[str] = []
    stop = owner.subscribe(lambda _old, new: seen.append(new.language))
    owner.update(language="en")
    stop()
    stop()  # twice is harmless
    owner.update(language="ru")
    assert seen == ["en"]
