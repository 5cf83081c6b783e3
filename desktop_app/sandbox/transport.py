"""An httpx transport that talks to a sandbox in the same process, with no socket at all.

Training mode uses it: ``httpx.AsyncClient(transport=InProcessTransport(sb),
base_url="http://sandbox.invalid")`` behaves like a client of a real server, including the
failures that matter to the client: with ``drop_connection`` it raises
``httpx.RemoteProtocolError`` after the booking was made, and with ``slow_seconds`` beyond the
client's read timeout it raises ``httpx.ReadTimeout`` (the booking is made before the delay),
just as a socket would.
"""

from __future__ import annotations

import asyncio

import httpx

from .engine import Sandbox

__all__ = ["InProcessTransport"]


class InProcessTransport(httpx.AsyncBaseTransport):
    """Wraps ``httpx.ASGITransport`` around ``create_app(sandbox, prefix)``.

    The app (and Starlette with it, ~30 ms of imports) is made on the first request, not when
    the transport is: training mode's window paints first (bench/bench_startup.py). The prefix
    is still the one configured when the transport was made.
    """

    def __init__(self, sandbox: Sandbox, prefix: str | None = None) -> None:
        self.sandbox = sandbox
        self._prefix = prefix if prefix is not None else sandbox.config.prefix
        self._asgi: httpx.ASGITransport | None = None

    @property
    def _inner(self) -> httpx.ASGITransport:
        if self._asgi is None:
            from .app import create_app

            self._asgi = httpx.ASGITransport(app=create_app(self.sandbox, self._prefix))
        return self._asgi

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        from .app import ConnectionDropped

        timeout = (request.extensions.get("timeout") or {}).get("read")
        try:
            if timeout is None:
                return await self._inner.handle_async_request(request)
            return await asyncio.wait_for(self._inner.handle_async_request(request), timeout)
        except ConnectionDropped as exc:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a complete response.", request=request
            ) from exc
        except TimeoutError as exc:
            raise httpx.ReadTimeout("The sandbox did not answer in time.", request=request) from exc

    async def aclose(self) -> None:
        if self._asgi is not None:
            await self._asgi.aclose()
