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

from .app import ConnectionDropped, create_app
from .engine import Sandbox

__all__ = ["InProcessTransport"]


class InProcessTransport(httpx.AsyncBaseTransport):
    """Wraps ``httpx.ASGITransport`` around ``create_app(sandbox, prefix)``."""

    def __init__(self, sandbox: Sandbox, prefix: str | None = None) -> None:
        self.sandbox = sandbox
        self._inner = httpx.ASGITransport(app=create_app(sandbox, prefix))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
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
        await self._inner.aclose()
