"""Fixtures for the sandbox tests: a pinned clock, a fresh sandbox, an in-process client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from sandbox_testkit import NOW, Desk, FakeClock

from desktop_app.sandbox import InProcessTransport, Landmarks, Sandbox


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def sb(clock: FakeClock) -> Sandbox:
    return Sandbox(clock=clock)


@pytest.fixture
def marks(sb: Sandbox) -> Landmarks:
    return sb.landmarks()


@pytest_asyncio.fixture
async def client(sb: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=InProcessTransport(sb), base_url="http://sandbox.invalid"
    ) as c:
        yield c


@pytest.fixture
def desk(sb: Sandbox, client: httpx.AsyncClient) -> Desk:
    return Desk(sb, client)
