"""Settings: the model's rules, the file round trip, broken files and secrets kept out."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from desktop_app.api import ClientSettings
from desktop_app.settings import store
from desktop_app.settings.model import KNOWN_ENTRIES_CAP, AppSettings, find_secret_keys
from desktop_app.settings.store import (
    SECRETS_REMOVED_MESSAGE,
    config_dir,
    data_dir,
    load_settings,
    log_dir,
    save_settings,
    settings_path,
)

BROKEN_NAME_RE = re.compile(r"^settings\.json\.broken-\d{8}-\d{6}(-\d+)?$")
CLINIC = "8e8f2a3c-1111-4a5b-9c9d-0123456789ab"


# -- folders -------------------------------------------------------------------------------------


def test_folders_follow_desktop_app_home(app_home: Path) -> None:
    assert config_dir() == app_home / "config"
    assert data_dir() == app_home / "data"
    assert log_dir() == app_home / "logs"
    assert settings_path() == app_home / "config" / "settings.json"


def test_folders_without_override_use_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESKTOP_APP_HOME")
    assert "DeskBooking" in str(config_dir())
    assert "DeskBooking" in str(data_dir())
    assert "DeskBooking" in str(log_dir())


# -- the model -----------------------------------------------------------------------------------


def test_defaults() -> None:
    s = AppSettings()
    assert s.mode == "training"
    assert s.server_url is None
    assert s.booking_path == "visit/{lpu}/outSchedule/{resource}/{date}"
    assert (s.connect_timeout, s.read_timeout, s.font_scale) == (5, 20, 1.0)
    assert s.slip_layout == "auto" and s.language == "ru" and s.use_system_proxy
    assert s.journal_retention_days == 30 and "remember_token" not in AppSettings.model_fields


def test_to_client_settings() -> None:
    s = AppSettings(
        connect_timeout=3,
        read_timeout=40,
        booking_datetime_format="space-millis",
        booking_path="api/visit/{lpu}/{resource}/{date}/out",
    )
    cs = s.to_client_settings()
    assert isinstance(cs, ClientSettings)
    assert (cs.connect_timeout, cs.read_timeout) == (3.0, 40.0)
    assert cs.booking_datetime_format == "space-millis"
    assert cs.booking_path == "api/visit/{lpu}/{resource}/{date}/out"
    assert cs.resources_path == "lpu/{lpu}/doctor"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("booking_path", "visit/{lpu}/outSchedule/{resource}"),  # {date} missing
        ("booking_path", "visit/{lpu}/{resource}/{date}/{extra}"),  # unknown placeholder
        ("booking_path", "visit/{lpu}/{lpu}/{resource}/{date}"),  # twice
        ("booking_path", "visit/{lpu!r}/{resource}/{date}"),  # conversion
        ("booking_path", "https://evil.example/{lpu}/{resource}/{date}"),  # elsewhere
        ("clinic_path", "lpu/{lpu.__class__}"),  # attribute access
        ("clinic_path", "lpu/{lpu:>40}"),  # format spec
        ("clinics_path", "lpu/{lpu}"),  # takes no placeholder
        ("resources_path", "lpu/{lpu}/../admin"),
        ("resources_path", "lpu/{lpu}/doctor?all=1"),
        ("resources_path", "lpu/{"),
    ],
)
def test_path_templates_are_checked(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        AppSettings.model_validate({field: value})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("connect_timeout", 0.1),
        ("connect_timeout", 61),
        ("read_timeout", 0.5),
        ("read_timeout", 301),
        ("font_scale", 0.5),
        ("font_scale", 2.5),
        ("journal_retention_days", 0),
        ("journal_retention_days", 3651),
        ("mode", "production"),
        ("slip_layout", "a4"),
        ("proxy_url", "ftp://proxy"),
    ],
)
def test_out_of_range_values_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        AppSettings.model_validate({field: value})


def test_validate_assignment() -> None:
    s = AppSettings()
    with pytest.raises(ValidationError):
        s.font_scale = 9
    s.font_scale = 1.5
    assert s.font_scale == 1.5


def test_proxy_with_password_refused_and_not_echoed() -> None:
    with pytest.raises(ValidationError) as info:
        AppSettings(proxy_url="http://user:hunter2@proxy.local:3128")
    assert "hunter2" not in str(info.value)
    assert AppSettings(proxy_url=" http://proxy.local:3128 ").proxy_url == "http://proxy.local:3128"
    assert AppSettings(proxy_url="  ").proxy_url is None


def test_known_entries_are_capped_and_deduplicated() -> None:
    s = AppSettings()
    for i in range(KNOWN_ENTRIES_CAP + 20):
        s.remember_clinic(f"guid-{i}", f"Поликлиника {i}")
    assert len(s.known_clinics) == KNOWN_ENTRIES_CAP
    assert s.known_clinics[0].guid == f"guid-{KNOWN_ENTRIES_CAP + 19}"  # newest first
    s.remember_clinic(CLINIC.upper(), "Городская поликлиника № 3")
    s.remember_clinic(CLINIC, "Городская поликлиника № 3 (новое имя)")
    assert [e.guid for e in s.known_clinics].count(CLINIC) == 1
    assert s.clinic_name(CLINIC.upper()) == "Городская поликлиника № 3 (новое имя)"
    s.remember_resource("res-1", "Иванов И. И.", CLINIC)
    assert s.resource_name("RES-1") == "Иванов И. И."
    assert s.resource_name("res-1", lpu_guid="other") is None


def test_no_field_may_be_named_like_a_secret() -> None:
    secretish = [name for name in AppSettings.model_fields if find_secret_keys({name: 1})]
    assert secretish == []
    with pytest.raises(TypeError):

        class Leaky(AppSettings):  # a later edit adding a token field fails at import time
            token: str | None = None


def test_secret_keys_dropped_by_the_model(jwt_token: str) -> None:
    s = AppSettings.model_validate(
        {
            "mode": "work",
            "token": jwt_token,
            "lpuToken": jwt_token,
            "Password": "x",
            "client_secret": "y",
            "known_clinics": [{"guid": CLINIC, "name": "П-ка", "api_key": "z"}],
        }
    )
    dumped = json.dumps(s.model_dump(mode="json"), ensure_ascii=False)
    assert s.mode == "work"
    assert jwt_token not in dumped
    for key in ("token", "lpuToken", "Password", "client_secret", "api_key"):
        assert f'"{key}"' not in dumped


# -- round trip ----------------------------------------------------------------------------------


def test_missing_file_gives_defaults_and_no_message() -> None:
    s, message = load_settings()
    assert s == AppSettings()
    assert message is None
    assert not settings_path().exists()  # loading never creates anything


def test_round_trip_default_location() -> None:
    s = AppSettings(
        mode="work",
        server_url="https://mis.example.ru/test/api",
        printer_name="Принтер чеков на стойке № 2",
        operator_login="регистратор1",
        font_scale=1.25,
    )
    s.remember_clinic(CLINIC, "ГБУЗ «Поликлиника № 3»")
    path = save_settings(s)
    assert path == settings_path()
    raw = path.read_text(encoding="utf-8")
    assert "Принтер чеков" in raw  # ensure_ascii=False: readable by IT in Notepad
    assert raw.startswith("{\n  ")  # indent 2
    loaded, message = load_settings()
    assert message is None
    assert loaded == s
    assert not list(path.parent.glob("*.tmp"))  # the temp file was renamed, not left behind


def test_save_is_atomic_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    save_settings(AppSettings(printer_name="старый"), path)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(AppSettings(printer_name="новый"), path)
    monkeypatch.undo()
    assert load_settings(path)[0].printer_name == "старый"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_bom_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"mode": "work"}).encode())
    s, message = load_settings(path)
    assert s.mode == "work" and message is None


def test_unknown_keys_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"mode": "work", "from_a_newer_version": [1, 2]}), "utf-8")
    s, message = load_settings(path)
    assert s.mode == "work" and message is None


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    printer=st.one_of(st.none(), st.text(min_size=1, max_size=40).filter(str.strip)),
    scale=st.floats(min_value=0.8, max_value=2.0, allow_nan=False),
    timeout=st.floats(min_value=0.5, max_value=60, allow_nan=False),
    days=st.integers(min_value=1, max_value=3650),
)
def test_round_trip_property(
    tmp_path: Path, printer: str | None, scale: float, timeout: float, days: int
) -> None:
    path = tmp_path / "prop" / "settings.json"
    s = AppSettings(
        printer_name=printer,
        font_scale=scale,
        connect_timeout=timeout,
        journal_retention_days=days,
    )
    save_settings(s, path)
    loaded, message = load_settings(path)
    assert message is None
    assert loaded == s


# -- broken files --------------------------------------------------------------------------------

BROKEN_VARIANTS = {
    "garbage bytes": b"\x00\x9f\xff\xfe\x01garbage\x00",
    "invalid json": b'{"mode": "work", "printer_name": ',
    "wrong types": json.dumps({"mode": "work", "connect_timeout": "fast"}).encode(),
    "json list": b'["mode", "work"]',
    "not utf-8": '{"printer_name": "Принтер"}'.encode("cp1251"),
    "empty": b"",
    "json null": b"null",
    "deep nesting": b"[" * 100_000,
}


@pytest.mark.parametrize("content", BROKEN_VARIANTS.values(), ids=BROKEN_VARIANTS.keys())
def test_broken_file_gives_defaults_warning_and_is_preserved(content: bytes) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    s, message = load_settings(now=datetime(2025, 3, 4, 5, 6, 7))
    assert s == AppSettings()
    assert message is not None
    assert "по умолчанию" in message
    assert str(path) in message
    moved = path.with_name("settings.json.broken-20250304-050607")
    assert str(moved) in message
    assert moved.read_bytes() == content  # nothing lost
    assert not path.exists()
    # The next save works and the broken copy stays.
    save_settings(s)
    assert load_settings() == (s, None)
    assert moved.read_bytes() == content


def test_directory_instead_of_file() -> None:
    path = settings_path()
    path.mkdir(parents=True)
    (path / "inside.txt").write_text("x")
    s, message = load_settings()
    assert s == AppSettings()
    assert message is not None and "папка" in message
    broken = [p for p in path.parent.iterdir() if BROKEN_NAME_RE.match(p.name)]
    assert len(broken) == 1 and (broken[0] / "inside.txt").exists()


def test_two_breakages_in_one_second_keep_both(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    when = datetime(2025, 1, 2, 3, 4, 5)
    path.write_bytes(b"first")
    load_settings(path, now=when)
    path.write_bytes(b"second")
    load_settings(path, now=when)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "settings.json.broken-20250102-030405",
        "settings.json.broken-20250102-030405-2",
    ]
    assert all(BROKEN_NAME_RE.match(n) for n in names)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"mode": "work"}', "utf-8")
    path.chmod(0)
    try:
        s, message = load_settings(path)
    finally:
        for p in tmp_path.iterdir():
            p.chmod(0o600)
    assert s == AppSettings()
    assert message is not None and "доступ" in message


def test_unexpected_failure_is_still_not_an_exception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{}", "utf-8")

    def explode(_: Path) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "_read", explode)
    s, message = load_settings(path)
    assert s == AppSettings() and message is not None


# -- secrets in the file -------------------------------------------------------------------------


def test_token_in_file_is_not_loaded_and_not_written_back(jwt_token: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "mode": "work",
                "printer_name": "Стойка 1",
                "token": jwt_token,
                "known_clinics": [{"guid": CLINIC, "name": "П-ка", "password": "hunter2"}],
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    s, message = load_settings()
    assert (s.mode, s.printer_name) == ("work", "Стойка 1")
    assert message == SECRETS_REMOVED_MESSAGE.format(path=path)
    on_disk = path.read_text("utf-8")
    assert jwt_token not in on_disk and "hunter2" not in on_disk  # scrubbed right away
    assert "Стойка 1" in on_disk  # the rest is kept
    save_settings(s)
    again = path.read_text("utf-8")
    assert jwt_token not in again and '"token"' not in again
    assert load_settings() == (s, None)


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same as above for root/CI: reading raises PermissionError (a locked or ACL'd file)."""
    path = tmp_path / "settings.json"
    path.write_text('{"mode": "work"}', "utf-8")
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    s, message = load_settings(path)
    assert s == AppSettings()
    assert message is not None and "доступ" in message


def test_a_bad_remembered_entry_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    entries = [
        {"guid": CLINIC, "name": "П" * 2000},
        {"guid": ""},
        "not an entry",
        {"name": "no guid"},
        {"guid": "res-1", "name": None, "lpu_guid": CLINIC},
    ]
    path.write_text(json.dumps({"mode": "work", "known_clinics": entries}), "utf-8")
    s, message = load_settings(path)
    assert message is None and s.mode == "work"
    assert [e.guid for e in s.known_clinics] == [CLINIC, "res-1"]
    assert len(s.known_clinics[0].name) == 500
