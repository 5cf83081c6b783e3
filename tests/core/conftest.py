"""Fixtures for the Qt-free core tests: an in-memory credential store and a private app home."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from desktop_app import logs


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A dict-backed keyring (TOOLCHAIN.md): headless Linux has no real credential store."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, max_length: int | None = None) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        #: Simulates Windows Credential Manager's size limit when set.
        self.max_length = max_length

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.max_length is not None and len(password) > self.max_length:
            raise keyring.errors.PasswordSetError("credential too large")
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DESKTOP_APP_HOME", str(home))
    return home


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Undo ``setup_logging``: our handlers removed, the root level restored."""
    root = logging.getLogger()
    level = root.level
    try:
        yield
    finally:
        logs.reset_logging()
        root.setLevel(level)
        logging.captureWarnings(False)


def _b64(data: dict[str, object]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def make_jwt(claims: dict[str, object], signature: str = "c2lnbmF0dXJlLW5vdC1jaGVja2Vk") -> str:
    """An unsigned-looking JWT: the app never verifies tokens, it only reads claims."""
    return f"{_b64({'alg': 'HS256', 'typ': 'JWT'})}.{_b64(claims)}.{signature}"


@pytest.fixture
def jwt_token() -> str:
    return make_jwt({"sub": "card-000123", "exp": 1_900_000_000, "lpu": "demo"})


@pytest.fixture
def jwt_factory() -> Callable[..., str]:
    """``jwt_factory(claims)`` builds a JWT-shaped token with those claims."""
    return make_jwt
