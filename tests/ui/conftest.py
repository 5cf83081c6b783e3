"""Widget tests: async tests run on a qasync loop over the one QApplication.

Recipe from TOOLCHAIN.md: pytest-asyncio's loop-factory hook returns a qasync loop; inside an
async test we wait by polling with ``asyncio.sleep`` (``wait_until``), never with qtbot waits.
The hook lives in this conftest so that only tests under tests/ui get a Qt loop.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from tests.ui.asyncwait import wait_until  # noqa: F401  (re-exported for tests)

MSK = timezone(timedelta(hours=3))


def _qasync_loop() -> qasync.QEventLoop:
    app = QApplication.instance() or QApplication([])
    # Closing a test's window must not quit the application (and so stop the loop under a
    # test that is still cleaning up); the app itself does the same (ui/app.py).
    app.setQuitOnLastWindowClosed(False)
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(config, item):
    return {"qasync": _qasync_loop}


@pytest.fixture
def today() -> date:
    return datetime.now(MSK).date()
