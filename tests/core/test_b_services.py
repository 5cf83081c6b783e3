"""build_services (issue 10): a cancel service, and no remembered patient token any more."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import keyring.backend
import pytest

from desktop_app.booking import CancelService
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.settings.secrets import TokenStore

URL = "https://mis.example.ru/api"


def _work(tmp_path: Path, server_url: str | None = None):
    owner = SettingsOwner(AppSettings(server_url=URL, mode="work"))
    return build_services(
        owner, training=False, server_url=server_url, log_path=None, data_dir=tmp_path
    )


def test_both_modes_have_a_cancel_service_over_the_session_journal(tmp_path: Path) -> None:
    for training in (True, False):
        services = (
            build_services(
                SettingsOwner(),
                training=True,
                server_url=None,
                log_path=None,
                data_dir=tmp_path / "training",
            )
            if training
            else _work(tmp_path / "work")
        )
        try:
            assert isinstance(services.cancel, CancelService)
            assert services.cancel.journal is services.journal
            assert services.cancel.client is services.client
        finally:
            asyncio.run(services.aclose())


def test_a_token_an_older_version_remembered_is_deleted_and_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("DESKTOP_APP_TOKEN", raising=False)
    store = TokenStore()
    assert store.save(URL, "old.patient.token")
    assert store.save("https://other.example.ru/api", "other.patient.token")
    long_token = "x" * 2500  # stored in chunks by the older version
    assert store.save("https://chunked.example.ru/api", long_token)
    with caplog.at_level(logging.INFO, logger="desktop_app.services"):
        services = _work(tmp_path, server_url="https://chunked.example.ru/api")
    try:
        assert services.initial_token is None  # nothing from the store
        assert store.load(URL) is None  # the saved setting's server
        assert store.load("https://chunked.example.ru/api") is None  # the server given
        assert store.load("https://other.example.ru/api") == "other.patient.token"  # untouched
        assert "older version was deleted" in caplog.text
        assert "old.patient.token" not in caplog.text
    finally:
        asyncio.run(services.aclose())


def test_the_env_token_is_the_only_initial_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    TokenStore().save(URL, "remembered.patient.token")
    monkeypatch.setenv("DESKTOP_APP_TOKEN", "scripted.patient.token")
    services = _work(tmp_path)
    try:
        assert services.initial_token == "scripted.patient.token"
    finally:
        asyncio.run(services.aclose())


class BrokenKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("D-Bus is gone")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("D-Bus is gone")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("D-Bus is gone")


def test_a_failing_credential_store_does_not_stop_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DESKTOP_APP_TOKEN", raising=False)
    keyring.set_keyring(BrokenKeyring())  # the autouse memory keyring fixture restores it
    services = _work(tmp_path)
    try:
        assert services.initial_token is None and services.cancel is not None
    finally:
        asyncio.run(services.aclose())
