"""build_services: one Qt-free place that wires client, journal, booking and settings."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from desktop_app.booking import BookingRequest
from desktop_app.journal import JournalError, ShiftJournal, patient_key_from_token
from desktop_app.sandbox import Sandbox
from desktop_app.services import (
    ClientSetupError,
    Services,
    build_services,
    build_training_client,
    journal_file,
)
from desktop_app.settings.model import AppSettings
from desktop_app.settings.network import InsecureUrlError, SettingsError
from desktop_app.settings.owner import SettingsOwner

ROOT = Path(__file__).resolve().parents[2]


def _training(tmp_path: Path, **kwargs: object) -> Services:
    return build_services(
        SettingsOwner(),
        training=True,
        server_url=None,
        log_path=tmp_path / "desk.log",
        data_dir=tmp_path / "data",
        **kwargs,  # type: ignore[arg-type]
    )


def test_services_import_no_qt() -> None:
    code = (
        "import sys, desktop_app.services, desktop_app.settings.owner\n"
        "from desktop_app.services import build_services\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


def test_training_books_through_the_journal(tmp_path: Path) -> None:
    sandbox = Sandbox()
    services = _training(tmp_path, sandbox=sandbox)

    async def go() -> object:
        try:
            marks = sandbox.landmarks()
            assert services.issue_token is not None
            token = services.issue_token("adult")
            request = BookingRequest(
                lpu_guid=marks.main_clinic,
                resource_guid=marks.therapist,
                day=services.today() + timedelta(days=1),
                at=None,
                token=token,
                patient_key=patient_key_from_token(token),
            )
            return await services.booking.book(request)
        finally:
            await services.aclose()

    result = asyncio.run(go())
    assert getattr(result, "ticket", None) is not None
    assert services.training and services.token_store is None and services.initial_token is None
    assert services.sandbox is sandbox and services.training_desk is not None
    assert services.training_desk.sandbox is sandbox
    assert services.today() == sandbox.now().date()
    assert services.journal.path == tmp_path / "data" / "training-journal.sqlite3"
    assert services.journal_notice is None
    asyncio.run(services.aclose())  # a second close does nothing
    with ShiftJournal(services.journal.path) as journal:
        assert [e.status for e in journal.entries()] == ["booked"]


def test_training_never_uses_the_server_url(tmp_path: Path) -> None:
    owner = SettingsOwner(AppSettings(server_url="https://mis.example.ru/api", mode="work"))
    services = build_services(
        owner,
        training=True,
        server_url="https://mis.example.ru/api",
        log_path=None,
        data_dir=tmp_path,
    )
    try:
        assert "mis.example.ru" not in services.client.base_url
    finally:
        asyncio.run(services.aclose())


def test_work_mode_builds_a_verified_client_and_takes_the_env_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKTOP_APP_TOKEN", "header.payload.signature")
    owner = SettingsOwner(AppSettings(server_url="https://mis.example.ru/api", mode="work"))
    services = build_services(
        owner, training=False, server_url=None, log_path=None, data_dir=tmp_path
    )
    try:
        assert services.client.base_url.startswith("https://mis.example.ru/api")
        assert services.token_store is not None
        assert services.initial_token == "header.payload.signature"
        assert services.sandbox is None and services.training_desk is None
        assert services.journal.path == tmp_path / "journal.sqlite3"
        assert services.settings is owner
    finally:
        asyncio.run(services.aclose())


@pytest.mark.parametrize(
    ("settings", "url", "cause"),
    [
        (AppSettings(), "http://mis.example.ru/api", InsecureUrlError),
        (AppSettings(), None, SettingsError),
        (
            AppSettings(server_url="https://mis.example.ru", extra_ca_file="/no/such/ca.pem"),
            None,
            SettingsError,
        ),
    ],
)
def test_unusable_work_settings_raise_before_anything_is_opened(
    tmp_path: Path, settings: AppSettings, url: str | None, cause: type[Exception]
) -> None:
    with pytest.raises(ClientSetupError) as info:
        build_services(
            SettingsOwner(settings),
            training=False,
            server_url=url,
            log_path=None,
            data_dir=tmp_path,
        )
    assert isinstance(info.value.cause, cause)
    assert info.value.detail
    assert not journal_file(training=False, data_dir=tmp_path).exists()


def test_a_sandbox_in_work_mode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        build_services(
            SettingsOwner(),
            training=False,
            server_url="https://x.ru",
            log_path=None,
            data_dir=tmp_path,
            sandbox=Sandbox(),
        )


def test_a_corrupt_journal_is_set_aside_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "data" / "training-journal.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x8f not a database " * 300)
    services = _training(tmp_path)
    try:
        assert services.journal_notice is not None and "повреждён" in services.journal_notice
        assert list(path.parent.glob("training-journal.sqlite3.broken-*"))
    finally:
        asyncio.run(services.aclose())


def test_a_locked_journal_is_an_error_and_nothing_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "data" / "training-journal.sqlite3"
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("CREATE TABLE t (x)")
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(JournalError) as info:
            build_services(
                SettingsOwner(AppSettings()),
                training=True,
                server_url=None,
                log_path=None,
                journal_path=path,
            )
    finally:
        other.close()
    assert info.value.reason == "locked"
    assert info.value.path == path
    assert list(path.parent.glob("*.broken-*")) == []


def test_a_data_folder_that_cannot_be_made_is_no_access(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with pytest.raises(JournalError) as info:
        _training(tmp_path)
    assert info.value.reason == "no_access"


def test_a_journal_path_that_is_a_folder_is_no_access(tmp_path: Path) -> None:
    (tmp_path / "data" / "training-journal.sqlite3").mkdir(parents=True)
    with pytest.raises(JournalError) as info:
        _training(tmp_path)
    assert info.value.reason == "no_access"
    assert list((tmp_path / "data").glob("*.broken-*")) == []


def test_build_training_client_is_in_process(tmp_path: Path) -> None:
    sandbox = Sandbox()

    async def go() -> int:
        client = build_training_client(sandbox)
        try:
            return len(await client.list_clinics())
        finally:
            await client.aclose()

    assert asyncio.run(go()) > 0
