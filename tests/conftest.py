"""Test-wide environment: offscreen Qt, a private app home, no real credential store, and no
state carried from one test to the next (the suite passes repeated: ``pytest --count 2``)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import
os.environ.setdefault("QT_API", "pyside6")
os.environ["DESKTOP_APP_HOME"] = tempfile.mkdtemp(prefix="desk-app-test-home-")

import gc
import logging
import sys
import threading
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A credential store in a dict, so tests never touch (or need) a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What exists once the tests are collected (modules, parameters) lives for the whole run:
    move it out of the collector's sight, so the collection after each test (below) only
    looks at what the tests made."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def process_state_is_restored() -> Iterator[None]:
    """Undo what a test leaves in the process: registered secrets, exception hooks, log
    handlers, the UI translator and every window. Qt is only touched when a test loaded it."""
    from desktop_app.settings import redact

    with redact._secrets_lock:
        secrets = set(redact._secrets)
    hooks = (sys.excepthook, threading.excepthook)
    root_level = logging.getLogger().level
    yield
    if "PySide6.QtWidgets" in sys.modules:
        _reset_qt()
    if "desktop_app.logs" in sys.modules:
        sys.modules["desktop_app.logs"].reset_logging()
    logging.getLogger().setLevel(root_level)
    sys.excepthook, threading.excepthook = hooks
    with redact._secrets_lock:
        redact._secrets.clear()
        redact._secrets.update(secrets)


def _reset_qt() -> None:
    from PySide6.QtCore import QCoreApplication

    from tests.qtkit import dispose_top_level_widgets, flush_deferred_deletes

    app = QCoreApplication.instance()
    if app is None:
        return
    if "desktop_app.i18n" in sys.modules:  # back to the source language (Russian)
        sys.modules["desktop_app.i18n"].install_translator(app, "ru")
    dispose_top_level_widgets()
    # Qt wrappers in reference cycles (a window's lambdas, a qasync loop's timers) are freed
    # now, in the GUI thread; left to the collector they die at a random later moment, maybe
    # in a worker thread, and take their timers and children with them mid-test.
    gc.collect()
    flush_deferred_deletes()
