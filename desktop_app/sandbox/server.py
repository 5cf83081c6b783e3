"""Serving the sandbox over real HTTP on 127.0.0.1 from a background thread (for tests).

``serve_in_thread`` starts uvicorn in a daemon thread, waits for the *startup event* (no
polling), reads the port the OS really bound (so ``port=0`` works and parallel test runs do not
collide), yields the API base URL and shuts the server down on exit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from .app import DroppedConnectionLogFilter, create_app, normalize_prefix
from .engine import Sandbox

__all__ = ["install_log_filter", "serve_in_thread"]


def install_log_filter() -> None:
    """Silence uvicorn's traceback for connections the sandbox drops on purpose (idempotent)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, DroppedConnectionLogFilter) for f in logger.filters):
        logger.addFilter(DroppedConnectionLogFilter())


class _Server(uvicorn.Server):
    """A uvicorn server that signals when startup has finished, successfully or not."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.startup_done = threading.Event()

    async def startup(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
        try:
            await super().startup(sockets)
        except SystemExit:  # uvicorn's answer to e.g. a busy port; already logged by uvicorn
            self.should_exit = True  # serve() then returns instead of killing the thread
        finally:
            self.startup_done.set()


@contextmanager
def serve_in_thread(
    sandbox: Sandbox,
    host: str = "127.0.0.1",
    port: int = 0,
    prefix: str | None = None,
    *,
    startup_timeout: float = 10.0,
) -> Iterator[str]:
    """Serve ``sandbox`` on ``host:port`` while the block runs; yields the base URL.

    The base URL includes the prefix (``http://127.0.0.1:54321/api``), i.e. it is the API root
    ``{url}`` of the contract; the sandbox-only routes are under it too (``{url}/sandbox/...``).
    """
    root = normalize_prefix(prefix if prefix is not None else sandbox.config.prefix)
    config = uvicorn.Config(
        create_app(sandbox, root),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        loop="asyncio",
        timeout_graceful_shutdown=1,  # then in-flight (e.g. deliberately slow) answers are cut
    )
    install_log_filter()
    server = _Server(config)
    thread = threading.Thread(target=server.run, name="sandbox-uvicorn", daemon=True)
    thread.start()
    try:
        if not server.startup_done.wait(startup_timeout) or not server.started:
            raise RuntimeError(f"the sandbox server did not start on {host}:{port}")
        bound_port = server.servers[0].sockets[0].getsockname()[1]
        url_host = f"[{host}]" if ":" in host else host
        yield f"http://{url_host}:{bound_port}{root}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
