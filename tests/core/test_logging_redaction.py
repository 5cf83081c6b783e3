"""The log file never holds a token; unhandled exceptions are logged and shown, never fatal."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from desktop_app import logs
from desktop_app.logs import CRASH_MESSAGE, install_excepthook, setup_logging

pytestmark = pytest.mark.usefixtures("restore_logging")


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def test_log_file_holds_no_token(tmp_path: Path, jwt_token: str) -> None:
    path = setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "desk-app.log"
    log = logging.getLogger("desktop_app.test")
    log.info("sending with Authorization: Bearer eyJhbGciOi...")
    log.info("raw token in the message %s", jwt_token)
    log.warning("header %s and dict %r", f"Bearer {jwt_token}", {"Authorization": jwt_token})
    try:
        raise RuntimeError(f"server said: bad token {jwt_token}")
    except RuntimeError:
        log.exception("booking failed for %s", "Смирнова А. А.")
    log.info("stack", stack_info=True, extra={"note": "no token here"})
    _flush()
    text = path.read_text(encoding="utf-8")
    assert "booking failed for Смирнова А. А." in text  # useful content kept, UTF-8
    assert "RuntimeError: server said: bad token ***" in text  # the traceback is kept
    assert "Traceback (most recent call last)" in text
    for secret in (jwt_token, "eyJhbGciOi", *jwt_token.split(".")):
        assert secret not in text


def test_filter_keeps_a_record_with_bad_format_arguments() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "two %s %s", ("one",), None)
    assert logs.RedactingFilter().filter(record)
    assert "two %s %s" in record.getMessage() and record.args is None


def test_setup_twice_does_not_duplicate(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    path = setup_logging(tmp_path)
    logging.getLogger("x").warning("once")
    _flush()
    assert path.read_text("utf-8").count("once") == 1
    assert logs.current_log_path() == path


def test_rotation_settings(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    handlers = [h for h in logging.getLogger().handlers if hasattr(h, "maxBytes")]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (1_000_000, 5)  # type: ignore[attr-defined]


def test_unwritable_log_dir_falls_back(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    path = setup_logging(blocker / "logs")
    assert path.name == "desk-app.log" and path.parent != blocker / "logs"
    logging.getLogger("x").warning("still logging")
    _flush()
    assert "still logging" in path.read_text("utf-8")


def test_windowed_build_without_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    path = setup_logging(tmp_path)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_desk_app_handler", False)]
    assert len(ours) == 1 and isinstance(ours[0], RotatingFileHandler)  # no console handler
    logging.getLogger("x").error("no console here")
    _flush()
    assert "no console here" in path.read_text("utf-8")


# -- excepthook ----------------------------------------------------------------------------------


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the test replace the hooks; monkeypatch puts the originals back."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def _recorder() -> tuple[list[tuple[str, Path]], Callable[[str, Path], None]]:
    calls: list[tuple[str, Path]] = []

    def show(summary: str, log_path: Path) -> None:
        calls.append((summary, log_path))

    return calls, show


@pytest.mark.usefixtures("hooks")
def test_excepthook_logs_and_shows(tmp_path: Path, jwt_token: str) -> None:
    path = setup_logging(tmp_path)
    calls, show = _recorder()
    install_excepthook(show)
    exc = _raised(ValueError(f"unexpected answer with Bearer {jwt_token}"))
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(calls) == 1
    summary, shown_path = calls[0]
    assert shown_path == path
    assert summary.startswith("ValueError: unexpected answer")
    assert jwt_token not in summary
    message = CRASH_MESSAGE.format(summary=summary, log_path=shown_path)
    assert str(path) in message
    _flush()
    text = path.read_text("utf-8")
    assert "unhandled exception" in text and "ValueError" in text
    assert jwt_token not in text


@pytest.mark.usefixtures("hooks")
def test_excepthook_survives_a_failing_show(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)

    def broken_show(summary: str, log_path: Path) -> None:
        raise RuntimeError("the dialog could not be created")

    install_excepthook(broken_show)
    exc = _raised(KeyError("x"))
    sys.excepthook(type(exc), exc, exc.__traceback__)  # must not raise
    _flush()
    assert "the error dialog itself failed" in path.read_text("utf-8")


@pytest.mark.usefixtures("hooks")
def test_excepthook_with_no_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    path = setup_logging(tmp_path)
    calls, show = _recorder()
    install_excepthook(show)
    exc = _raised(ZeroDivisionError("division by zero"))
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert calls == [("ZeroDivisionError: division by zero", path)]


@pytest.mark.usefixtures("hooks")
def test_excepthook_with_an_exception_whose_str_fails(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    calls, show = _recorder()
    install_excepthook(show)

    class Nasty(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no text")

    exc = _raised(Nasty())
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(calls) == 1 and "Nasty" in calls[0][0]


@pytest.mark.usefixtures("hooks")
def test_error_inside_show_does_not_open_a_second_dialog(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    calls: list[str] = []

    def show(summary: str, log_path: Path) -> None:
        calls.append(summary)
        inner = _raised(OSError("while showing"))
        sys.excepthook(type(inner), inner, inner.__traceback__)  # re-entered, e.g. from a slot

    install_excepthook(show)
    exc = _raised(ValueError("first"))
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert calls == ["ValueError: first"]


@pytest.mark.usefixtures("hooks")
def test_thread_exceptions_are_shown(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    calls, show = _recorder()
    install_excepthook(show)

    def worker() -> None:
        raise LookupError("printer queue vanished")

    thread = threading.Thread(target=worker, name="printer-worker")
    thread.start()
    thread.join(5)
    assert calls == [("LookupError: printer queue vanished", path)]
    _flush()
    assert "in thread printer-worker" in path.read_text("utf-8")


@pytest.mark.usefixtures("hooks")
def test_keyboard_interrupt_is_not_a_crash_dialog(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    calls, show = _recorder()
    install_excepthook(show)
    exc = _raised(KeyboardInterrupt())
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert calls == []


@pytest.mark.asyncio
async def test_credentials_in_a_server_url_never_reach_the_log(tmp_path: Path) -> None:
    """httpx logs every request URL; a server or proxy address with user:password@ is masked."""
    from desktop_app.api import RegistryClient
    from desktop_app.sandbox import Sandbox, serve_in_thread

    path = setup_logging(tmp_path / "logs")
    logging.getLogger().setLevel(logging.DEBUG)
    with serve_in_thread(Sandbox()) as base_url:
        url = base_url.replace("http://", "http://desk-login:Pa55-w0rd-secret@")
        async with RegistryClient(url) as client:
            logging.getLogger("desktop_app.test").info("server is %s", client.base_url)
            assert len(await client.list_clinics()) > 0
    _flush()
    text = path.read_text(encoding="utf-8")
    assert "server is http://***@127.0.0.1" in text  # the address is kept, the login is not
    assert "Pa55-w0rd-secret" not in text and "desk-login" not in text
