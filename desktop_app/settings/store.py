"""Where the app keeps its files, and how settings are read and written.

A desk must start even if its settings file was damaged (a power cut mid-write on an old PC, a
hand edit gone wrong): loading never raises. A broken file is moved aside, not deleted, so IT can
still recover what was in it, and the operator gets one Russian sentence saying what happened.
Writes are atomic (temp file in the same folder + ``os.replace``) so a crash leaves either the
old or the new file, never half of one.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from desktop_app.files import broken_name
from desktop_app.settings.model import AppSettings, find_secret_keys

# The folders live in paths.py (no pydantic there: read before the first paint); re-exported here.
from desktop_app.settings.paths import config_dir, data_dir, log_dir, settings_path
from desktop_app.text.translate import QT_TRANSLATE_NOOP, LaterText

__all__ = [
    "config_dir",
    "data_dir",
    "load_settings",
    "log_dir",
    "save_settings",
    "settings_path",
]

log = logging.getLogger(__name__)


# -- user-facing messages (Russian) ------------------------------------------------------------

SETTINGS_BROKEN_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Файл настроек {path} не удалось прочитать ({reason}). Используются настройки по "
    "умолчанию. Повреждённый файл сохранён как {moved} — его можно передать специалисту "
    "поддержки.",
)
SETTINGS_BROKEN_NOT_MOVED_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Файл настроек {path} не удалось прочитать ({reason}). Используются настройки по "
    "умолчанию. Переместить повреждённый файл не удалось: при сохранении настроек он будет "
    "заменён.",
)
SECRETS_REMOVED_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "В файле настроек {path} был найден токен или пароль. Хранить их там небезопасно: "
    "значение не загружено и удалено из файла.",
)
SECRETS_NOT_REMOVED_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "В файле настроек {path} был найден токен или пароль. Значение не загружено, но удалить "
    "его из файла не удалось: удалите файл или сохраните настройки заново.",
)
#: The context of these texts in desk_en.ts.
_CONTEXT = "CoreSettings"
REASON_NOT_UTF8 = QT_TRANSLATE_NOOP("CoreSettings", "файл не в кодировке UTF-8")
REASON_BAD_JSON = QT_TRANSLATE_NOOP("CoreSettings", "нарушен формат JSON")
REASON_NOT_OBJECT = QT_TRANSLATE_NOOP("CoreSettings", "в файле нет набора настроек")
REASON_BAD_VALUES = QT_TRANSLATE_NOOP("CoreSettings", "недопустимые значения настроек")
REASON_IS_DIRECTORY = QT_TRANSLATE_NOOP("CoreSettings", "вместо файла находится папка")
REASON_UNREADABLE = QT_TRANSLATE_NOOP("CoreSettings", "нет доступа к файлу")


# -- load / save ---------------------------------------------------------------------------------


class _Unreadable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _read(path: Path) -> tuple[AppSettings, list[str]]:
    """Parse the file or raise ``_Unreadable`` with a Russian reason."""
    if path.is_dir():
        raise _Unreadable(REASON_IS_DIRECTORY)
    try:
        raw = path.read_bytes()
    except OSError:
        raise _Unreadable(REASON_UNREADABLE) from None
    try:
        text = raw.decode("utf-8-sig")  # Notepad on Windows may add a BOM; that is not damage.
    except UnicodeDecodeError:
        raise _Unreadable(REASON_NOT_UTF8) from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise _Unreadable(REASON_BAD_JSON) from None
    if not isinstance(data, dict):
        raise _Unreadable(REASON_NOT_OBJECT)
    secret_keys = find_secret_keys(data)
    try:
        settings = AppSettings.model_validate(data)
    except (ValidationError, RecursionError, TypeError, ValueError) as exc:
        # Field names only: pydantic is configured not to echo input values.
        errors = exc.errors() if isinstance(exc, ValidationError) else []
        fields = sorted({".".join(map(str, e["loc"])) for e in errors})
        log.warning("settings: invalid values in %s: %s", path, fields)
        raise _Unreadable(REASON_BAD_VALUES) from None
    return settings, secret_keys


def _move_aside(path: Path, now: datetime) -> Path | None:
    target = broken_name(path, now)
    try:
        path.rename(target)
        return target
    except OSError as exc:
        log.warning("settings: could not rename %s: %s", path, exc)
    if path.is_file():
        try:
            shutil.copy2(path, target)
            return target
        except OSError as exc:
            log.warning("settings: could not copy %s: %s", path, exc)
    return None


def _set_aside(path: Path, reason: str, now: datetime | None) -> str:
    """Move a broken file aside and return the Russian message for the operator."""
    try:
        moved = _move_aside(path, now or datetime.now())
    except Exception:
        log.exception("settings: could not move %s aside", path)
        moved = None
    log.warning("settings: %s unreadable (%s); defaults used; moved to %s", path, reason, moved)
    why = LaterText(_CONTEXT, reason)
    if moved is None:
        return LaterText(_CONTEXT, SETTINGS_BROKEN_NOT_MOVED_MESSAGE, path=path, reason=why)
    return LaterText(_CONTEXT, SETTINGS_BROKEN_MESSAGE, path=path, reason=why, moved=moved)


def load_settings(
    path: Path | None = None, *, now: datetime | None = None
) -> tuple[AppSettings, str | None]:
    """Read settings; never raises.

    Returns ``(settings, message)``: ``message`` is ``None`` normally, or a sentence for the
    operator (a ``LaterText``: Russian, translated by ``in_ui_language`` when shown) when the
    file was broken (defaults are used; the file was renamed to
    ``settings.json.broken-YYYYmmdd-HHMMSS``) or held a credential (it was removed).
    """
    path = Path(path) if path is not None else settings_path()
    try:
        exists = path.exists() or path.is_symlink()
    except OSError:
        exists = True
    if not exists:
        return AppSettings(), None
    try:
        settings, secret_keys = _read(path)
    except _Unreadable as exc:
        return AppSettings(), _set_aside(path, exc.reason, now)
    except Exception:  # the contract is "never an exception": last-resort net
        log.exception("settings: unexpected failure reading %s", path)
        return AppSettings(), _set_aside(path, REASON_UNREADABLE, now)
    if not secret_keys:
        return settings, None
    # A credential sat in a plain file: rewrite the file without it right away.
    log.warning("settings: secret-looking keys %s removed from %s", secret_keys, path)
    try:
        save_settings(settings, path)
    except OSError as exc:
        log.warning("settings: could not rewrite %s: %s", path, exc)
        return settings, LaterText(_CONTEXT, SECRETS_NOT_REMOVED_MESSAGE, path=path)
    return settings, LaterText(_CONTEXT, SECRETS_REMOVED_MESSAGE, path=path)


def save_settings(settings: AppSettings, path: Path | None = None) -> Path:
    """Write settings atomically as UTF-8 JSON; returns the path written.

    Raises ``OSError`` when the folder is not writable: the UI must tell the operator that the
    change was not saved.
    """
    path = Path(path) if path is not None else settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    log.info("settings saved to %s", path)
    return path


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable on POSIX; Windows cannot open folders this way."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
