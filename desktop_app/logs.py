"""Logging to a rotating file with credentials removed, and a last-resort error handler.

The log is what an operator sends to support after something went wrong, so it must be useful
(tracebacks, requests made) and safe (no token, ever). Every record passes through
:class:`RedactingFilter` on our handlers: message, arguments, exception text and stack text.

Windowed PyInstaller builds run with ``sys.stderr is None``; nothing here writes to stderr then.
An unhandled exception (including one raised in a Qt slot, which PySide6 routes to
``sys.excepthook``) is logged and shown to the operator instead of killing the app silently.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from desktop_app.settings.redact import redact
from desktop_app.text.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

LOG_FILE_NAME = "desk-app.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

#: Russian text for the crash dialog; ``summary`` and ``log_path`` are what ``show`` receives.
CRASH_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreCrash",
    "Произошла непредвиденная ошибка: {summary}\n\n"
    "Последнее действие могло не выполниться — проверьте его результат в журнале смены. "
    "Подробности записаны в файл {log_path}; передайте его специалисту поддержки.",
)
#: Fallback summary when even the exception's text cannot be produced.
UNKNOWN_ERROR_SUMMARY = QT_TRANSLATE_NOOP("CoreCrash", "неизвестная ошибка")
_SUMMARY_LIMIT = 300

_HANDLER_TAG = "_desk_app_handler"
_state: dict[str, Path | None] = {"log_path": None}
_hook_guard = threading.local()


class RedactingFilter(logging.Filter):
    """Redacts a record in place: formatted message, args, exception and stack text.

    The message is formatted here once and ``args`` cleared, so no later formatter can
    re-insert an unredacted argument. Exception info is turned into redacted ``exc_text`` and
    ``exc_info`` dropped, so no handler can format the raw exception again.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} args={record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info:
            if not record.exc_text:
                try:
                    record.exc_text = self._formatter.formatException(record.exc_info)
                except Exception:
                    record.exc_text = "<traceback unavailable>"
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _file_handler(folder: Path) -> tuple[RotatingFileHandler, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    return handler, path


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Log to ``log_dir/desk-app.log`` (1 MB × 5, UTF-8) and to stderr when there is one.

    Returns the log file's path, for the UI to show. Calling it again replaces our handlers
    (no duplicates). If ``log_dir`` cannot be written, a folder in the temp directory is used
    instead: a desk without a log is better than a desk that does not start.
    """
    reset_logging()
    try:
        handler, path = _file_handler(Path(log_dir))
    except OSError:
        handler, path = _file_handler(Path(tempfile.gettempdir()) / "DeskBooking-logs")
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [handler]
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler(sys.stderr))
    root = logging.getLogger()
    root.setLevel(level)
    for h in handlers:
        h.setFormatter(formatter)
        h.addFilter(RedactingFilter())
        setattr(h, _HANDLER_TAG, True)
        root.addHandler(h)
    logging.captureWarnings(True)
    _state["log_path"] = path
    log.info("logging to %s", path)
    return path


def reset_logging() -> None:
    """Remove and close the handlers ``setup_logging`` added (app exit, tests)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_TAG, False):
            root.removeHandler(handler)
            try:
                handler.close()
            except Exception:
                pass
    _state["log_path"] = None


def current_log_path() -> Path | None:
    """The file ``setup_logging`` is writing to, if it was called."""
    return _state["log_path"]


def _summary(exc_type: type[BaseException], exc: BaseException | None) -> str:
    try:
        lines = traceback.format_exception_only(exc_type, exc)
        text = " ".join(" ".join(lines).split())
    except Exception:
        text = getattr(exc_type, "__name__", "") or translate("CoreCrash", UNKNOWN_ERROR_SUMMARY)
    text = redact(text)
    if len(text) > _SUMMARY_LIMIT:
        text = text[: _SUMMARY_LIMIT - 1] + "…"
    return text or translate("CoreCrash", UNKNOWN_ERROR_SUMMARY)


def _handle(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
    show: Callable[[str, Path], None],
    log_path: Path | None,
    where: str,
) -> None:
    """Log and show one unhandled exception. Never raises."""
    try:
        if exc_type is None:
            return
        path = log_path or current_log_path() or Path(LOG_FILE_NAME)
        try:
            if exc is not None:
                log.critical("unhandled exception %s", where, exc_info=(exc_type, exc, tb))
            else:  # a bare type, as a hook may pass: nothing more to show than its name
                log.critical("unhandled exception %s: %s", where, exc_type.__name__)
        except Exception:
            pass
        summary = _summary(exc_type, exc)
        if getattr(_hook_guard, "active", False):
            return  # an error while showing an error: logged above, no dialog storm
        _hook_guard.active = True
        try:
            show(summary, path)
        except Exception:
            try:
                log.exception("the error dialog itself failed")
            except Exception:
                pass
        finally:
            _hook_guard.active = False
    except BaseException:  # the hook must never raise, whatever happens above
        pass


def install_excepthook(show: Callable[[str, Path], None], log_path: Path | None = None) -> None:
    """Route unhandled exceptions (main thread and worker threads) to the log and to ``show``.

    ``show(summary, log_path)`` gets a one-line redacted summary and the log file's path
    (``log_path`` or the one from ``setup_logging``); ``CRASH_MESSAGE`` is the Russian text to
    build the dialog from. For worker threads ``show`` is called in that thread: a Qt UI must
    forward it to the GUI thread (a queued signal). Ctrl+C keeps Python's default behaviour.
    """

    def excepthook(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
            if sys.stderr is not None:
                sys.__excepthook__(exc_type, exc, tb)
            return
        _handle(exc_type, exc, tb, show, log_path, "in the main thread")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return  # the thread ended itself on purpose
        name = args.thread.name if args.thread is not None else "?"
        _handle(
            args.exc_type, args.exc_value, args.exc_traceback, show, log_path, f"in thread {name}"
        )

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
