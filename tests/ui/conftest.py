"""Widget tests: async tests run on a qasync loop over the one QApplication.

Recipe from TOOLCHAIN.md: pytest-asyncio's loop-factory hook returns a qasync loop; inside an
async test we wait by polling with ``asyncio.sleep`` (``wait_until``), never with qtbot waits.
The hook lives in this conftest so that only tests under tests/ui get a Qt loop.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest
import qasync
from PySide6.QtWidgets import QApplication

MSK = timezone(timedelta(hours=3))


def pytest_asyncio_loop_factories(config, item):  # noqa: ARG001
    return {"qasync": lambda: qasync.QEventLoop(QApplication.instance() or QApplication([]))}


async def wait_until(predicate: Callable[[], object], timeout: float = 5.0,
                     what: str = "condition") -> None:
    """Poll ``predicate`` while the Qt loop keeps running; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


@pytest.fixture
def today() -> date:
    return datetime.now(MSK).date()
