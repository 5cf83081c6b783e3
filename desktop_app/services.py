# pyright: strict
"""The composition root's Qt-free half: everything one working session needs, built in one place.

``build_services`` wires the registry client, the shift journal, the booking and cancel
services, the credential store (work mode) and the sandbox with its training desk (training
mode) around the one ``SettingsOwner``. The UI (``ui/platform/app.py``) calls it once per
session; the self-test and the tests call it too. Training and work mode differ only here:
training wires the client to the in-process sandbox (no socket, no URL), work mode to the
configured server over verified TLS.

Failures are reported by type, so the caller can decide without guessing:

* ``ClientSetupError`` — work mode's connection settings are unusable (URL, CA file, proxy);
  nothing is left open. The app falls back to training once.
* ``JournalError`` (``desktop_app.journal``) — the journal cannot be opened (locked by another
  program, no access to its folder, newer version); its ``reason`` says which. A *corrupt*
  journal is not an error: it is set aside, a new one is started and ``journal_notice`` says so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.api import RegistryClient
from desktop_app.booking import BookingService, CancelService
from desktop_app.journal import JournalError, ShiftJournal
from desktop_app.settings.owner import SettingsOwner

if TYPE_CHECKING:
    from desktop_app.sandbox import Sandbox
    from desktop_app.settings.secrets import TokenStore
    from desktop_app.training.desk import TrainingDesk

log = logging.getLogger(__name__)

__all__ = [
    "SANDBOX_BASE_URL",
    "TOKEN_ENV",
    "ClientSetupError",
    "Services",
    "build_services",
    "build_training_client",
    "journal_file",
]

#: The training client's base URL: never resolvable, and never used (the transport answers).
SANDBOX_BASE_URL = "http://sandbox.invalid/"
#: Work mode: a patient's token given to the app at start (kiosk scripts, tests).
TOKEN_ENV = "DESKTOP_APP_TOKEN"
TRAINING_JOURNAL_NAME = "training-journal.sqlite3"
WORK_JOURNAL_NAME = "journal.sqlite3"


class ClientSetupError(Exception):
    """Work mode cannot start: the server URL, the extra CA file or the proxy is unusable.

    ``cause`` is the original error; ``detail`` its operator-facing text (the settings module's
    own message when it has one).
    """

    def __init__(self, cause: Exception) -> None:
        self.cause = cause
        message = getattr(cause, "message", None)
        self.detail: str = message if isinstance(message, str) and message else str(cause)
        super().__init__(self.detail)


@dataclass(eq=False)
class Services:
    """What one session (one mode) runs on; built by ``build_services``, closed by ``aclose``."""

    client: RegistryClient
    journal: ShiftJournal
    booking: BookingService
    #: Cancels booked tickets (journal first, one request), over the same client and journal.
    cancel: CancelService
    settings: SettingsOwner
    training: bool
    log_path: Path | None
    #: The clinic's calendar day: the sandbox's clock in training, this PC's otherwise.
    today: Callable[[], date]
    #: Set when a corrupt journal was set aside and a new one started (Russian, for the operator).
    journal_notice: str | None = None
    #: Work mode: the OS credential store. No token is remembered any more (a token is one
    #: patient's); at start, one an older version remembered is deleted from it.
    token_store: TokenStore | None = None
    #: Training mode: the simulator the client talks to, and the desk that arms its traps.
    sandbox: Sandbox | None = None
    training_desk: TrainingDesk | None = None
    #: Work mode: the token for the first booking after start, from ``DESKTOP_APP_TOKEN`` only
    #: (scripted use); the UI clears it with the other patient fields (F2).
    initial_token: str | None = None
    #: Training mode: issues a roster patient's token (through the desk, so traps work).
    issue_token: Callable[[str], str] | None = None
    _closed: bool = field(default=False, init=False, repr=False)

    async def aclose(self) -> None:
        """Close the client and the journal (checkpointed); a second call does nothing."""
        if self._closed:
            return
        self._closed = True
        if self.booking.retry_unsaved():  # a last try at outcomes the journal refused
            log.error(
                "closing with %d booking outcome(s) not written to the journal "
                "(they are in this log)",
                self.booking.unsaved_count,
            )
        try:
            await self.client.aclose()
        finally:
            self.journal.close()


def build_training_client(sandbox: Sandbox) -> RegistryClient:
    """A client wired to the in-process sandbox: no socket can be opened through it."""
    from desktop_app.sandbox import InProcessTransport

    return RegistryClient(
        SANDBOX_BASE_URL,
        transport=InProcessTransport(sandbox),
        trust_env=False,
        today=lambda: sandbox.now().date(),
    )


def journal_file(*, training: bool, data_dir: Path | None = None) -> Path:
    """Where the journal of a mode lives: training and work never share one."""
    if data_dir is None:
        from desktop_app.settings.store import data_dir as default_data_dir

        data_dir = default_data_dir()
    return Path(data_dir) / (TRAINING_JOURNAL_NAME if training else WORK_JOURNAL_NAME)


def build_services(
    settings_owner: SettingsOwner,
    *,
    training: bool,
    server_url: str | None,
    log_path: Path | None,
    data_dir: Path | None = None,
    sandbox: Sandbox | None = None,
    client: RegistryClient | None = None,
    journal_path: Path | None = None,
    today: Callable[[], date] | None = None,
) -> Services:
    """Build one session's services.

    ``server_url`` (work mode; None: the saved setting) is ignored in training. ``client``
    replaces the client that would be built (tests: a client over real HTTP to a sandbox).
    ``sandbox`` is training's simulator (a new one when None); passing one in work mode is an
    error. The journal is ``journal_path``, else the mode's file in ``data_dir`` (default: the
    per-user data folder). ``today`` overrides the clinic's calendar day.

    Raises ``ClientSetupError`` (work mode's connection settings) or ``JournalError``; on
    either, nothing stays open.
    """
    settings = settings_owner.current
    if not training and sandbox is not None:
        raise ValueError("a sandbox is only used in training mode")
    desk: TrainingDesk | None = None
    if training:
        from desktop_app.sandbox import Sandbox
        from desktop_app.training.desk import TrainingDesk

        sandbox = sandbox if sandbox is not None else Sandbox()
        desk = TrainingDesk(sandbox)
    make_client = _client_factory(settings_owner, training, server_url, sandbox, client)

    path = (
        journal_path
        if journal_path is not None
        else journal_file(training=training, data_dir=data_dir)
    )
    journal, notice = _open_journal(path, settings.journal_retention_days)
    try:
        the_client = make_client()
    except Exception as exc:
        journal.close()
        raise ClientSetupError(exc) from exc

    token_store: TokenStore | None = None
    if not training:
        from desktop_app.settings.secrets import TokenStore

        token_store = TokenStore()
        _forget_remembered_tokens(token_store, (settings.server_url, server_url))
    if today is None:
        today = _sandbox_day(sandbox) if sandbox is not None else date.today
    booking = BookingService(the_client, journal, training=training, today=today)
    return Services(
        client=the_client,
        journal=journal,
        booking=booking,
        cancel=CancelService(the_client, journal),
        settings=settings_owner,
        training=training,
        log_path=log_path,
        today=today,
        journal_notice=notice,
        token_store=token_store,
        sandbox=sandbox,
        training_desk=desk,
        initial_token=None if training else (os.environ.get(TOKEN_ENV) or None),
        issue_token=desk.issue_token if desk is not None else None,
    )


# -- pieces ----------------------------------------------------------------------------------------


def _client_factory(
    owner: SettingsOwner,
    training: bool,
    server_url: str | None,
    sandbox: Sandbox | None,
    client: RegistryClient | None,
) -> Callable[[], RegistryClient]:
    """Check work mode's connection settings now (before the journal is opened); build later."""
    if client is not None:
        given = client
        return lambda: given
    if training:
        assert sandbox is not None
        chosen = sandbox
        return lambda: build_training_client(chosen)
    from desktop_app.settings.network import client_kwargs

    settings = owner.current
    if server_url is not None:
        settings = settings.model_copy(update={"server_url": server_url})
    try:
        kwargs = client_kwargs(settings)  # URL check, TLS context, proxy, timeouts, paths
    except Exception as exc:
        raise ClientSetupError(exc) from exc
    return lambda: RegistryClient(**kwargs)


def _open_journal(path: Path, retention_days: int) -> tuple[ShiftJournal, str | None]:
    try:
        return ShiftJournal.open_with_recovery(path, retention_days=retention_days)
    except JournalError:
        raise
    except OSError as exc:  # ShiftJournal wraps its own; this is a last-resort net
        raise JournalError(str(exc), reason="no_access", path=path) from exc


def _forget_remembered_tokens(store: TokenStore, urls: tuple[str | None, ...]) -> None:
    """Delete a patient token an older version remembered ("Запомнить токен" is gone: a
    remembered token would book the next patient on the previous patient's card). Best
    effort: a credential store that fails is logged and the start goes on."""
    for url in dict.fromkeys(u.strip() for u in urls if u and u.strip()):
        try:
            if store.load(url) is None:
                continue
            if store.delete(url):
                log.info("a token remembered by an older version was deleted from the store")
            else:
                log.warning("a token remembered by an older version could not be deleted")
        except Exception as exc:  # TokenStore does not raise; a last-resort net at start-up
            log.warning("remembered token not deleted: %s", type(exc).__name__)


def _sandbox_day(sandbox: Sandbox) -> Callable[[], date]:
    return lambda: sandbox.now().date()
