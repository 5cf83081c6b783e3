"""The operator's token in the OS credential store (Windows Credential Manager, Keychain, …).

The desk no longer remembers tokens; at start it uses this store to delete what older versions
remembered (``services._forget_remembered_tokens``). "No credential store" is a normal situation
(a locked-down Windows profile, a headless Linux box), not an error. Therefore nothing here
raises: every keyring failure becomes a result plus a log line, and no log line or exception text
ever contains the token.

Windows Credential Manager limits a secret to 2560 bytes (1280 UTF-16 characters), which a long
JWT can exceed; longer tokens are split over several entries and joined on load.
"""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors

from desktop_app.settings.network import SettingsError, check_server_url
from desktop_app.settings.redact import redact

log = logging.getLogger(__name__)

SERVICE_NAME = "DeskBooking"
#: Characters per stored entry; below Windows' 1280-character limit with room to spare.
CHUNK_SIZE = 1000
_CHUNK_MARKER = "\x00chunks:"
_MAX_CHUNKS = 64


def _user(server_url: str) -> str:
    try:
        key = check_server_url(server_url)
    except SettingsError:
        key = (server_url or "").strip().rstrip("/")
    return f"token:{key}"


def _describe(exc: BaseException, secret: str | None = None) -> str:
    """Exception text safe for a log: the token removed even if a backend echoed it."""
    text = str(exc)
    if secret:
        text = text.replace(secret, "***")
    return f"{type(exc).__name__}: {redact(text)}"


class TokenStore:
    """Saves, loads and deletes one token per server URL; never raises.

    ``backend`` pins a keyring backend (tests); by default the one keyring selects now is used,
    so a backend installed with ``keyring.set_keyring`` later is honoured.
    """

    def __init__(
        self,
        service: str = SERVICE_NAME,
        *,
        backend: keyring.backend.KeyringBackend | None = None,
    ) -> None:
        self.service = service
        self._pinned = backend

    def _backend(self) -> keyring.backend.KeyringBackend:
        return self._pinned if self._pinned is not None else keyring.get_keyring()

    def available(self) -> bool:
        """True when a real credential store answers; False is a normal outcome."""
        try:
            backend = self._backend()
            if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
                log.info("credential store: none (%s)", type(backend).__name__)
                return False
            backend.get_password(self.service, "probe")
        except Exception as exc:  # NoKeyringError, KeyringLocked, D-Bus/Win32 errors, …
            log.info("credential store unavailable: %s", _describe(exc))
            return False
        return True

    def save(self, server_url: str, token: str) -> bool:
        """Store the token for ``server_url``; False (and a log line) when it could not be."""
        token = (token or "").strip()
        if not token:
            return False
        user = _user(server_url)
        backend = self._backend()
        chunks = [token[i : i + CHUNK_SIZE] for i in range(0, len(token), CHUNK_SIZE)]
        if len(chunks) > _MAX_CHUNKS:
            log.warning("credential store: token too long to store (%d chars)", len(token))
            return False
        try:
            self._delete_all(backend, user)
            if len(chunks) == 1:
                backend.set_password(self.service, user, token)
            else:
                for index, chunk in enumerate(chunks):
                    backend.set_password(self.service, f"{user}#{index}", chunk)
                backend.set_password(self.service, user, f"{_CHUNK_MARKER}{len(chunks)}")
        except Exception as exc:
            log.warning("credential store: saving for %s failed: %s", user, _describe(exc, token))
            try:
                self._delete_all(backend, user)  # no half-written token left behind
            except Exception as cleanup:
                log.info("credential store: cleanup failed: %s", _describe(cleanup, token))
            return False
        log.info("credential store: token saved for %s", user)
        return True

    def load(self, server_url: str) -> str | None:
        """The stored token for ``server_url``, or None (none stored, or the store failed)."""
        user = _user(server_url)
        try:
            backend = self._backend()
            value = backend.get_password(self.service, user)
            if value is None or not value.startswith(_CHUNK_MARKER):
                return value or None
            count = int(value.removeprefix(_CHUNK_MARKER))
            parts = [backend.get_password(self.service, f"{user}#{i}") for i in range(count)]
        except Exception as exc:
            log.warning("credential store: loading for %s failed: %s", user, _describe(exc))
            return None
        if any(part is None for part in parts):
            log.warning("credential store: token for %s is incomplete; ignored", user)
            return None
        return "".join(p for p in parts if p is not None) or None

    def delete(self, server_url: str) -> bool:
        """Forget the token for ``server_url``; True when nothing is stored afterwards."""
        user = _user(server_url)
        try:
            self._delete_all(self._backend(), user)
        except Exception as exc:
            log.warning("credential store: deleting for %s failed: %s", user, _describe(exc))
            return False
        log.info("credential store: token deleted for %s", user)
        return True

    def _delete_all(self, backend: keyring.backend.KeyringBackend, user: str) -> None:
        """Delete the entry and any chunks; a missing entry is not an error."""
        value = backend.get_password(self.service, user)
        if value is None:
            return
        if value.startswith(_CHUNK_MARKER):
            try:
                count = min(int(value.removeprefix(_CHUNK_MARKER)), _MAX_CHUNKS)
            except ValueError:
                count = 0
            for index in range(count):
                _delete_quietly(backend, self.service, f"{user}#{index}")
        _delete_quietly(backend, self.service, user)


def _delete_quietly(backend: keyring.backend.KeyringBackend, service: str, user: str) -> None:
    try:
        backend.delete_password(service, user)
    except keyring.errors.PasswordDeleteError:
        pass  # already gone
