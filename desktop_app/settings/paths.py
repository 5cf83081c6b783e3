"""Where the app keeps its files, and the one setting the splash needs (stdlib and platformdirs
only: this is read before the first paint, before pydantic is imported).

``desktop_app.settings.store`` reads and validates the settings; it re-exports these folders.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

__all__ = [
    "APP_AUTHOR",
    "APP_NAME",
    "HOME_ENV",
    "SETTINGS_FILE_NAME",
    "config_dir",
    "data_dir",
    "log_dir",
    "saved_language",
    "settings_path",
]

APP_NAME = "DeskBooking"
APP_AUTHOR = "DeskBooking"
#: Overrides every folder: ``$DESKTOP_APP_HOME/{config,data,logs}`` (tests, CI, portable use).
HOME_ENV = "DESKTOP_APP_HOME"
SETTINGS_FILE_NAME = "settings.json"
#: What ``saved_language`` may answer; the first is the source language (Russian).
LANGUAGES = ("ru", "en")
#: A settings file larger than this is not peeked into (the store will judge it).
_PEEK_LIMIT = 1_000_000


# -- folders -------------------------------------------------------------------------------------


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _folder(name: str, platform_folder: Callable[[str, str], Path]) -> Path:
    """``$DESKTOP_APP_HOME/<name>`` when set, else the platform's folder for the app."""
    home = _home()
    return home / name if home is not None else platform_folder(APP_NAME, APP_AUTHOR)


def config_dir() -> Path:
    """Folder of ``settings.json`` (not created here: reading must not need write access)."""
    return _folder("config", platformdirs.user_config_path)


def data_dir() -> Path:
    """Folder of the shift journal and other app data."""
    return _folder("data", platformdirs.user_data_path)


def log_dir() -> Path:
    """Folder of the log files (shown to the operator after a crash)."""
    return _folder("logs", platformdirs.user_log_path)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def saved_language(path: Path | None = None) -> str:
    """The UI language the settings file asks for, for the splash only; never raises.

    The splash paints before the settings are loaded (that needs pydantic). This reads the one
    key with the standard library; anything unusual — no file, a broken one, an unknown value —
    gives Russian, the source language. ``store.load_settings`` stays the authority: should it
    refuse a file that asks for English (another value is damaged), the window falls back to
    Russian after an English splash, and the store's notice says why.
    """
    try:
        file = Path(path) if path is not None else settings_path()
        if not file.is_file() or file.stat().st_size > _PEEK_LIMIT:
            return LANGUAGES[0]
        data = json.loads(file.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return LANGUAGES[0]
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in LANGUAGES else LANGUAGES[0]
