"""The crash notice: errors from any thread are logged and shown on the GUI thread."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.logs import reset_logging, setup_logging
from desktop_app.ui.platform.crash import install_gui_excepthook, install_loop_exception_handler


def visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


@pytest.fixture
def log_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # install_excepthook replaces both hooks: put the test run's own back afterwards.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = setup_logging(tmp_path / "logs")
    yield path
    for box in visible_boxes():
        box.close()
    reset_logging()


def crash_in_worker(message: str) -> None:
    """Raise in a worker thread and hand the exception to ``sys.excepthook`` there."""
    seen: list[bool] = []

    def work() -> None:
        seen.append(QThread.currentThread() is not QApplication.instance().thread())
        try:
            raise RuntimeError(message)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())

    worker = threading.Thread(target=work, name="booking-worker")
    worker.start()
    worker.join(5)
    assert seen == [True]


@pytest.mark.qt_no_exception_capture
def test_worker_thread_crash_shows_the_notice_on_the_gui_thread(qtbot, log_path: Path) -> None:
    shown_in: list[bool] = []
    reporter = install_gui_excepthook(log_path, lambda: None)
    # Observe which thread handles the request (a private signal, on purpose).
    reporter._requested.connect(
        lambda *_: shown_in.append(QThread.currentThread() is QApplication.instance().thread())
    )
    crash_in_worker("сбой в потоке записи")

    qtbot.waitUntil(lambda: bool(visible_boxes()), timeout=3000)
    box = visible_boxes()[0]
    assert str(log_path) in box.text()
    assert "Произошла непредвиденная ошибка" in box.text()
    assert "сбой в потоке записи" in box.text()
    assert box.windowTitle() == "Непредвиденная ошибка"
    assert all(shown_in) and shown_in
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: сбой в потоке записи" in text
    assert "booking-worker" in text

    # A second crash while the notice is up is only logged.
    crash_in_worker("второй сбой")
    qtbot.waitUntil(lambda: "второй сбой" in log_path.read_text(encoding="utf-8"))
    qtbot.wait(50)
    assert visible_boxes() == [box]

    # After the operator closes it, the next crash gets a notice again.
    box.done(0)
    qtbot.waitUntil(lambda: not visible_boxes())
    crash_in_worker("третий сбой")
    qtbot.waitUntil(lambda: bool(visible_boxes()), timeout=3000)
    assert "третий сбой" in visible_boxes()[0].text()


@pytest.mark.qt_no_exception_capture
def test_no_stderr_is_fine(qtbot, log_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_gui_excepthook(log_path, lambda: None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        raise ValueError("без консоли")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(visible_boxes()), timeout=3000)
    assert "без консоли" in visible_boxes()[0].text()


@pytest.mark.qt_no_exception_capture
def test_a_failing_parent_getter_still_shows_the_notice(qtbot, log_path: Path) -> None:
    def broken_parent():
        raise LookupError("no window yet")

    install_gui_excepthook(log_path, broken_parent)
    crash_in_worker("до окна")
    qtbot.waitUntil(lambda: bool(visible_boxes()), timeout=3000)


def test_loop_exception_handler_logs_and_shows(log_path: Path, caplog) -> None:
    shown: list[tuple[str, Path]] = []
    loop = asyncio.new_event_loop()
    try:
        install_loop_exception_handler(loop, lambda s, p: shown.append((s, p)), log_path)

        async def failing() -> None:
            raise KeyError("нет такого талона")

        task = loop.create_task(failing())
        loop.run_until_complete(asyncio.sleep(0))
        loop.call_exception_handler(
            {
                "message": "Task exception was never retrieved",
                "exception": task.exception(),
                "task": task,
            }
        )
        with caplog.at_level(logging.WARNING):
            loop.call_exception_handler({"message": "Task was destroyed but it is pending!"})
    finally:
        loop.close()
    assert shown == [("KeyError: 'нет такого талона'", log_path)]
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback" in text and "нет такого талона" in text
    assert "Task was destroyed" in text


@pytest.mark.qt_no_exception_capture
def test_the_notice_speaks_english_in_the_english_ui_and_closes(qtbot, log_path: Path) -> None:
    from desktop_app.i18n import install_translator
    from desktop_app.text.translate import install_translate

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = install_translate(None)
    install_translate(previous)
    assert install_translator(app, "en")
    try:
        reporter = install_gui_excepthook(log_path, lambda: None)
        crash_in_worker("worker failure")
        qtbot.waitUntil(lambda: bool(visible_boxes()), timeout=3000)
        box = visible_boxes()[0]
        assert box.text().startswith("An unexpected error occurred: RuntimeError: worker failure")
        assert str(log_path) in box.text() and "support specialist" in box.text()
        assert box.windowTitle() == "Unexpected error"
        [close] = [b for b in box.buttons() if b.text() == "Close"]
        close.click()
        qtbot.waitUntil(lambda: not visible_boxes(), timeout=3000)
        assert reporter.box is None  # the reporter lets go of a closed notice
    finally:
        install_translator(app, "ru")
        install_translate(previous)
