"""TokenStore over keyring: a working store, no store at all, and a store that misbehaves."""

from __future__ import annotations

import logging
from typing import Any

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from desktop_app.settings.secrets import CHUNK_SIZE, SERVICE_NAME, TokenStore

URL = "https://mis.example.ru/test/api"


def test_save_load_delete(memory_keyring: Any, jwt_token: str) -> None:
    ts = TokenStore()
    assert ts.available()
    assert ts.load(URL) is None
    assert ts.save(URL, jwt_token)
    assert memory_keyring.store[(SERVICE_NAME, f"token:{URL}")] == jwt_token
    # The same server written differently finds the same entry.
    assert ts.load("HTTPS://MIS.example.ru/test/api/ ") == jwt_token
    assert ts.load("https://other.example.ru") is None
    assert ts.delete(URL)
    assert ts.load(URL) is None
    assert ts.delete(URL)  # deleting nothing is fine
    assert memory_keyring.store == {}


def test_long_token_is_split_for_windows_limit(memory_keyring: Any) -> None:
    memory_keyring.max_length = 1280  # Credential Manager: 2560 bytes of UTF-16
    token = "x" * (CHUNK_SIZE * 3 + 17)
    ts = TokenStore()
    assert ts.save(URL, token)
    assert all(len(v) <= 1280 for v in memory_keyring.store.values())
    assert ts.load(URL) == token
    assert ts.save(URL, "short-token-value")  # replacing removes the old chunks
    assert list(memory_keyring.store.values()) == ["short-token-value"]
    assert ts.delete(URL) and memory_keyring.store == {}


def test_incomplete_chunks_are_ignored(memory_keyring: Any) -> None:
    ts = TokenStore()
    assert ts.save(URL, "y" * (CHUNK_SIZE + 1))
    del memory_keyring.store[(SERVICE_NAME, f"token:{URL}#1")]
    assert ts.load(URL) is None


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_no_credential_store_is_normal(backend: type, jwt_token: str) -> None:
    keyring.set_keyring(backend())
    ts = TokenStore()
    assert ts.available() is False
    if backend is keyring.backends.fail.Keyring:
        assert ts.save(URL, jwt_token) is False
        assert ts.delete(URL) is False
    assert ts.load(URL) is None


class ExplodingKeyring(keyring.backend.KeyringBackend):
    """A backend whose errors echo the secret (some do) and are not KeyringErrors."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        if username == "probe":
            raise keyring.errors.KeyringLocked("collection is locked")
        return None

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("not found")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(f"win32 error 1783 storing {password!r}")


def test_backend_errors_become_results_without_the_token(
    jwt_token: str, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(ExplodingKeyring())
    ts = TokenStore()
    with caplog.at_level(logging.DEBUG):
        assert ts.available() is False
        assert ts.save(URL, jwt_token) is False
    assert "OSError" in caplog.text
    assert jwt_token not in caplog.text
    assert jwt_token.split(".")[2] not in caplog.text


def test_empty_token_is_not_saved(memory_keyring: Any) -> None:
    assert TokenStore().save(URL, "   ") is False
    assert memory_keyring.store == {}
