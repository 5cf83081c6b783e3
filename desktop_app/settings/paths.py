"""Where the app keeps its files, and the few settings the main window is built with before the
settings are loaded (stdlib and platformdirs only: read before the first paint, before pydantic
is imported).

``desktop_app.settings.store`` reads and validates the settings; it re-exports these folders.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

__all__ = [
    "APP_AUTHOR",
    "APP_NAME",
    "HOME_ENV",
    "SETTINGS_FILE_NAME",
    "StartupPeek",
    "config_dir",
    "data_dir",
    "log_dir",
    "peek_settings",
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


class StartupPeek(NamedTuple):
    """What the window is built with before the settings are loaded (``peek_settings``)."""

    language: str = LANGUAGES[0]
    font_scale: float = 1.0
    mode: str = "training"
    server_url: str | None = None


#: The font scale the settings accept (``AppSettings.font_scale``).
_FONT_SCALE_RANGE = (0.8, 2.0)


def peek_settings(path: Path | None = None) -> StartupPeek:
    """The language, font scale, mode and server the settings file asks for; never raises.

    The app builds and paints the main window before the settings are loaded (that needs
    pydantic), from these four keys read with the standard library. Anything unusual — no file,
    a broken one, a value of the wrong kind — gives that key's default. ``store.load_settings``
    stays the authority: when what it loads differs from this (it refused the file, say), the
    app builds the window again from the loaded settings before the operator can use it.
    """
    data: Any = None
    try:
        file = Path(path) if path is not None else settings_path()
        if file.is_file() and file.stat().st_size <= _PEEK_LIMIT:
            data = json.loads(file.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        return StartupPeek()
    language = data.get("language")
    scale = data.get("font_scale")
    low, high = _FONT_SCALE_RANGE
    url = data.get("server_url")
    return StartupPeek(
        language=language if language in LANGUAGES else LANGUAGES[0],
        font_scale=(
            float(scale)
            if isinstance(scale, int | float)
            and not isinstance(scale, bool)
            and math.isfinite(scale)
            and low <= scale <= high
            else 1.0
        ),
        mode="work" if data.get("mode") == "work" else "training",
        server_url=url if isinstance(url, str) and url.strip() else None,
    )


def saved_language(path: Path | None = None) -> str:
    """The UI language the settings file asks for (``peek_settings``); never raises."""
    return peek_settings(path).language
