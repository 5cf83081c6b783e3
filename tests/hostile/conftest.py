"""Fixtures for the hostile-registry tests: one server per session, reset for every test.

The window tests (``test_hostile_window.py``) run on a qasync loop over the one QApplication,
as the tests under ``tests/ui`` do; the outcome tests run on a plain asyncio loop (the booking
flow is Qt-free).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.hostile.server import HostileServer


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    # A test's window closing must not quit the application under a test still cleaning up.
    app.setQuitOnLastWindowClosed(False)  # type: ignore[attr-defined]
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(config, item):
    if item.module.__name__.endswith("test_hostile_window"):
        return {"qasync": _qasync_loop}
    return {"asyncio": asyncio.new_event_loop}


@pytest.fixture(scope="session")
def hostile_server() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture
def hostile(hostile_server: HostileServer) -> Iterator[HostileServer]:
    """The server with zeroed counters and the ``ok`` scenario; ``slow`` handlers are released
    when the test ends."""
    hostile_server.reset("ok")
    hostile_server.release.clear()
    try:
        yield hostile_server
    finally:
        hostile_server.release.set()
