"""A Qt-free simulator of the registry API, for training mode and for the tests.

Quick start::

    from desktop_app.sandbox import Sandbox, InProcessTransport
    sb = Sandbox()
    token = sb.issue_token("adult")
    marks = sb.landmarks()
    async with httpx.AsyncClient(transport=InProcessTransport(sb),
                                 base_url="http://sandbox.invalid") as client:
        r = await client.post(f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/"
                              "2026-11-28", headers={"Authorization": f"Bearer {token}"})

See ``engine`` for the checks and the decisions behind them, ``data`` for the data set and its
landmark keys, ``app`` for the routes, ``config`` for the switches and variants.
"""

from typing import TYPE_CHECKING

from .bigdata import generate_directory
from .config import CHECK_NAMES, SELF_BOOKING_CHANNELS, SandboxConfig
from .data import MSK, PATIENTS, TWINS
from .engine import Booking, Landmarks, RequestRecord, Sandbox, SandboxError
from .transport import InProcessTransport

if TYPE_CHECKING:  # imported lazily at run time (see __getattr__ below)
    from .app import create_app
    from .server import serve_in_thread

__all__ = [
    "CHECK_NAMES",
    "MSK",
    "PATIENTS",
    "SELF_BOOKING_CHANNELS",
    "TWINS",
    "Booking",
    "InProcessTransport",
    "Landmarks",
    "RequestRecord",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "create_app",
    "generate_directory",
    "serve_in_thread",
]


def __getattr__(name: str):  # pragma: no cover - trivial
    # The HTTP server (uvicorn) is only for tests and the CLI; training mode runs in process,
    # so it is imported on first use rather than at start-up.
    if name == "serve_in_thread":
        from .server import serve_in_thread

        return serve_in_thread
    # The ASGI app (Starlette) is built on the first request of training mode (see
    # transport.py), after the window has painted, rather than at start-up.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
