"""Fixtures for the settings, journal, single-instance and crash-notice widget tests.

All tests here are synchronous pytest-qt tests (``qtbot``); no modal dialog is ever exec'd.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.journal import ShiftJournal
from tests.ui_extra.kit import Clock, JournalKit


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime.now().astimezone().replace(hour=11, minute=30, second=0, microsecond=0))


@pytest.fixture
def journal_kit(tmp_path: Path, clock: Clock) -> Iterator[JournalKit]:
    journal = ShiftJournal(tmp_path / "data" / "shift-journal.sqlite3", clock=clock)
    try:
        yield JournalKit(journal, clock)
    finally:
        journal.close()
