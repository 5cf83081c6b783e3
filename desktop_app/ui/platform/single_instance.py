"""One running copy per user and data folder: a second start brings the first window forward.

Two copies at one desk would share one shift journal and could book the same patient twice
(each thinking the other's attempt is "someone else's"). The first copy listens on a local
socket (a named pipe on Windows); a later copy knocks, says ``raise`` and exits.

The name includes a hash of the user name and of the data folder (the one holding the shift
journal: ``DESKTOP_APP_HOME`` or the per-user folder): on a shared reception PC two Windows
users (or two terminal-server sessions of different users) each get their own app, and copies
with different data folders (tests, screenshots, CI, a portable copy) run side by side, since
they share no journal. Listening is restricted to the same user (``UserAccessOption``).

If the socket cannot be opened at all the app runs anyway: a desk that cannot start is worse
than the rare double start.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE_MESSAGE = b"raise\n"
CONNECT_TIMEOUT_MS = 500
WRITE_TIMEOUT_MS = 1000


def current_user() -> str:
    """The login name, or a stable placeholder when the OS will not tell."""
    try:
        name = getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (odd containers, services)
        name = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    return name or "unknown-user"


def folder_key(folder: str | Path) -> str:
    """One spelling per folder: absolute, normalised, case-folded where the OS ignores case."""
    return os.path.normcase(os.path.normpath(os.path.abspath(os.fspath(folder))))


def default_folder() -> Path:
    """The data folder the journal lives in (``DESKTOP_APP_HOME/data`` or the per-user one)."""
    from desktop_app.settings.store import data_dir

    return data_dir()


def server_name(key: str, user: str | None = None, folder: str | Path | None = None) -> str:
    """The local socket name for ``key``, ``user`` and the data ``folder``: short, ASCII,
    unique per user and folder (None: the app's data folder).

    Short because a Unix socket path is limited to ~100 bytes; hashed because user names and
    paths may hold characters a pipe name must not (and need not be readable there).
    """
    user = current_user() if user is None else user
    place = folder_key(default_folder() if folder is None else folder)
    identity = f"{user.casefold()}\0{place}"
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
    safe_key = re.sub(r"[^A-Za-z0-9_-]", "_", key)[:40] or "app"
    return f"{safe_key}-{digest}"


class SingleInstance(QObject):
    """Call ``is_primary()`` once at start-up; keep the object alive while the app runs.

    In the primary copy ``raise_requested`` is emitted each time another copy is started.
    """

    raise_requested = Signal()

    def __init__(
        self,
        key: str,
        parent: QObject | None = None,
        *,
        user: str | None = None,
        folder: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.server_name = server_name(key, user, folder)
        self._server: QLocalServer | None = None
        self._clients: set[QLocalSocket] = set()

    # -- start-up --------------------------------------------------------------------------------

    def is_primary(self) -> bool:
        """True when this copy should run; False after asking the running copy to come forward."""
        if self._server is not None:
            return True
        if self._knock():
            log.info(
                "single instance: another copy is running (%s); asked it to come forward",
                self.server_name,
            )
            return False
        if self._listen():
            return True
        # Lost a race with a copy started at the same moment, or the socket is unusable.
        if self._knock():
            return False
        log.warning(
            "single instance: cannot listen on %s: running without the check", self.server_name
        )
        return True

    def _knock(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(RAISE_MESSAGE)
        socket.flush()
        if not socket.waitForBytesWritten(WRITE_TIMEOUT_MS):
            log.info("single instance: the running copy did not take the message")
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(WRITE_TIMEOUT_MS)
        return True

    def _listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # Nobody answered, so a socket file left by a crashed copy (Unix) is stale.
        QLocalServer.removeServer(self.server_name)
        if not server.listen(self.server_name):
            log.info(
                "single instance: listen(%s) failed: %s", self.server_name, server.errorString()
            )
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        log.info("single instance: primary copy, listening on %s", self.server_name)
        return True

    # -- primary side ----------------------------------------------------------------------------

    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                break
            self._clients.add(socket)
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(lambda s=socket, b=buffer: self._finish(s, b))
            self._read(socket, buffer)  # the knock may already be here

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer.extend(bytes(socket.readAll().data()))
        if b"\n" not in buffer:
            if len(buffer) > 1024:  # not one of ours; do not let it grow
                socket.abort()
            return
        line, _sep, rest = bytes(buffer).partition(b"\n")
        buffer[:] = rest
        if line.strip() == RAISE_MESSAGE.strip():
            log.info("single instance: another copy was started; raising the window")
            self.raise_requested.emit()

    def _finish(self, socket: QLocalSocket, buffer: bytearray) -> None:
        if socket not in self._clients:
            return
        self._read(socket, buffer)
        self._clients.discard(socket)
        socket.deleteLater()

    def close(self) -> None:
        """Stop listening (on quit); the name is free for the next start."""
        for socket in list(self._clients):
            # Unhook first: abort() emits disconnected, and a deleteLater() from inside that
            # emission (``_finish``) crashes when the server is deleted right after.
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.abort()
            socket.deleteLater()
        self._clients.clear()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
