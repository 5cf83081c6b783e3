# pyright: strict
"""The one owner of the app's current settings (Qt-free).

Everything that reads settings asks ``owner.current``; everything that changes them goes
through ``update``/``update_with``/``replace``. The owner saves the new settings (when it was
built with ``persist=True``), then tells its subscribers ``(old, new)``. Nobody else holds a
live ``AppSettings``: ``current`` hands out a copy, so a caller that mutates what it got (for
example with ``AppSettings.remember_clinic``) changes nothing behind the owner's back.

A save that fails does not undo the change: the new settings take effect for this run and the
caller gets a plain English reason to show (the UI words it for the operator).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from desktop_app.settings.model import AppSettings

log = logging.getLogger(__name__)

__all__ = ["SettingsListener", "SettingsOwner"]

#: Called with ``(old, new)`` after every change that took effect.
SettingsListener = Callable[[AppSettings, AppSettings], None]


class SettingsOwner:
    """Holds the current ``AppSettings``; saves and notifies on every change."""

    def __init__(
        self,
        initial: AppSettings | None = None,
        *,
        persist: bool = False,
        path: Path | None = None,
    ) -> None:
        """``persist``: write every change to ``path`` (None: the per-user settings file)."""
        self._current = (initial if initial is not None else AppSettings()).model_copy(deep=True)
        #: Whether changes are written to the settings file (may be switched on later).
        self.persist = persist
        self.path = Path(path) if path is not None else None
        self._listeners: list[SettingsListener] = []

    @property
    def current(self) -> AppSettings:
        """A copy of the settings in effect; changing it changes nothing (use ``update``)."""
        return self._current.model_copy(deep=True)

    # -- changes ---------------------------------------------------------------------------------

    def update(self, **changes: object) -> str | None:
        """Set the named fields (validated); None, or why the change could not be saved."""
        data = self._current.model_dump()
        unknown = sorted(set(changes) - set(data))
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(unknown)}")
        data.update(changes)
        return self._apply(AppSettings.model_validate(data))

    def update_with(self, change: Callable[[AppSettings], AppSettings | None]) -> str | None:
        """Apply ``change`` to a copy of the current settings (it may mutate the copy, e.g. with
        ``remember_clinic``, or return a new instance); None, or why saving failed."""
        draft = self.current
        result = change(draft)
        return self._apply(result if result is not None else draft)

    def replace(self, new: AppSettings) -> str | None:
        """Make ``new`` (a copy of it) the current settings; None, or why saving failed."""
        return self._apply(new.model_copy(deep=True))

    def subscribe(self, listener: SettingsListener) -> Callable[[], None]:
        """Call ``listener(old, new)`` after each change; returns a function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    # -- internals -------------------------------------------------------------------------------

    def _apply(self, new: AppSettings) -> str | None:
        old = self._current
        if new == old:
            return None
        self._current = new
        problem = self._save(new) if self.persist else None
        for listener in list(self._listeners):
            try:
                listener(old.model_copy(deep=True), new.model_copy(deep=True))
            except Exception:  # one broken subscriber must not stop the others
                log.exception("settings: a subscriber failed")
        return problem

    def _save(self, settings: AppSettings) -> str | None:
        from desktop_app.settings.store import save_settings, settings_path

        target = self.path if self.path is not None else settings_path()
        try:
            save_settings(settings, target)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            log.warning("settings not saved to %s: %s", target, reason)
            return f"could not write the settings file {target}: {reason}"
        return None
