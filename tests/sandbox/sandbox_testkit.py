"""Helpers shared by the sandbox tests (imported by name; not a test module)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from desktop_app.sandbox import MSK, Sandbox

#: "Now" in every sandbox test: Friday 27 November 2026, 10:00 Moscow time.
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=MSK)
TOMORROW = "2026-11-28"


class FakeClock:
    """A settable clock: tests move time explicitly instead of sleeping."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


def visit_path(lpu: str, resource: str, date: str) -> str:
    return f"/visit/{lpu}/outSchedule/{resource}/{date}"


@dataclass
class Desk:
    """What a client of the API does, in one call per booking attempt."""

    sb: Sandbox
    client: httpx.AsyncClient

    async def book(
        self,
        patient: str | None,
        lpu: str,
        resource: str,
        date: str = TOMORROW,
        *,
        channel: str | None = None,
        token: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if token is None and patient is not None:
            token = self.sb.issue_token(patient, channel=channel)
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return await self.client.post(
            visit_path(lpu, resource, date), headers=headers, params=params
        )


def assert_error(
    response: httpx.Response, status: int, code: str, message: str | None = None
) -> dict[str, Any]:
    """The standard error body, checked field by field; returns it for further checks."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == status
    assert body["message_code"] == code
    assert isinstance(body["message"], str) and body["message"]
    if message is not None:
        assert body["message"] == message
    return body
