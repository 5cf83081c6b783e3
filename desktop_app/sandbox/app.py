"""The sandbox as an ASGI app (Starlette): the registry routes plus sandbox-only control routes.

Routes, all under the prefix (``create_app(prefix=...)`` or ``config.prefix``, e.g. ``/api``):

Registry API (answers in the configured wire variant):
  ``POST /visit/{lpuGuid}/outSchedule/{resGuid}/{date}[?fullResponse=false]``
  ``DELETE /visit/{lpuGuid}/{ticketGuid}`` with ``{"ReasonCode": n, "Reason": "…"}``
  ``GET  /lpu``, ``GET /lpu/{lpuGuid}``, ``GET /lpu/{lpuGuid}/doctor``
  ``GET  /auth/lpu/token?lpuGuid=…&n_pol=…&Birthday=yyyy-MM-dd`` (or ``Fam=…`` instead of
  ``n_pol``; parameter names in any casing; ``POST`` with the same names in a JSON body too):
  ``{"token": "…", "patient": {"surname", "firstName", "patronymic", "birthDate"}}``

Directory calls need no token: the vendor's pages for them are not public, a client must be able
to list clinics before it has a patient's token, and a token that is sent is simply ignored.

Sandbox-only (plain camelCase JSON, never variant-rendered, never delayed, not logged in
``sb.requests`` since the app under test never calls them in production):
  ``GET /sandbox/patients``, ``POST /sandbox/token`` ``{"patient", "ttlSeconds"?, "channel"?}``,
  ``POST /sandbox/reset`` (``{"patient"}``: only that patient's bookings),
  ``GET|POST /sandbox/config`` (POST merges the given fields, and ``checks`` key by key),
  ``GET /sandbox/requests``, ``GET /sandbox/bookings``, ``GET /sandbox/cancelled``,
  ``POST /sandbox/status`` ``{"lpuGuid", "status", "ping"?}``, ``GET /sandbox/landmarks``.

A single trailing ``/`` is tolerated on every path (no redirect: httpx does not follow them by
default and a real server behind IIS would not redirect either).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from datetime import date
from typing import Any

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .engine import (
    CODE_CANCELLED,
    CODE_NOT_FOUND,
    MSG_CANCEL_FORMAT,
    MSG_CANCELLED,
    MSG_CLINIC_NOT_FOUND,
    MSG_LOOKUP_FORMAT,
    Sandbox,
    SandboxError,
)
from .wire import error_payload, html_error_page, html_maintenance_page, json_bytes, shorten

__all__ = ["ConnectionDropped", "DroppedConnectionLogFilter", "create_app", "normalize_prefix"]

_JSON = "application/json; charset=utf-8"
_HTML = "text/html; charset=utf-8"


class ConnectionDropped(Exception):
    """Raised by the app after a half-sent answer so the server aborts the connection.

    uvicorn closes the transport when an app fails after the response started; the in-process
    transport turns it into ``httpx.RemoteProtocolError``. Either way the client sees a dropped
    connection, while the booking has been made.
    """


class DroppedConnectionLogFilter(logging.Filter):
    """Keeps uvicorn from logging a traceback for every intentionally dropped connection."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, ConnectionDropped)


def normalize_prefix(prefix: str | None) -> str:
    """``"api"``, ``"/api"`` and ``"/api/"`` → ``"/api"``; ``None``, ``""`` and ``"/"`` → ``""``."""
    stripped = (prefix or "").strip().strip("/")
    return f"/{stripped}" if stripped else ""


class _DroppedResponse(Response):
    """Sends the status line, headers promising more body than will come, half the body, dies."""

    def __init__(self, inner: Response) -> None:
        super().__init__(status_code=inner.status_code)
        self._inner = inner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = bytes(self._inner.body)
        headers = [(k, v) for k, v in self._inner.raw_headers if k != b"content-length"]
        headers.append((b"content-length", str(len(body) + 256).encode("ascii")))
        await send({"type": "http.response.start", "status": self.status_code, "headers": headers})
        await send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
        raise ConnectionDropped("sandbox: connection dropped on purpose (drop_connection)")


class _Frontdoor:
    """Outer ASGI layer: logs each request, tolerates a trailing slash, delays API answers."""

    def __init__(self, app: ASGIApp, sandbox: Sandbox, prefix: str) -> None:
        self.app = app
        self.sandbox = sandbox
        self.control = f"{prefix}/sandbox"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if len(path) > 1 and path.endswith("/"):
            scope = {**scope, "path": path[:-1]}
        if path == self.control or path.startswith(self.control + "/"):
            await self.app(scope, receive, send)
            return
        query = Request(scope).query_params
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        record = self.sandbox.record_request(scope["method"], path, dict(query.items()), headers)
        delay = self.sandbox.config.slow_seconds

        async def send_answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                record.status = message["status"]
                if delay > 0:
                    await asyncio.sleep(delay)
            await send(message)

        await self.app(scope, receive, send_answer)


def _full_response(request: Request) -> bool:
    """``fullResponse`` (name and value case-insensitive); anything but "false" means true."""
    for key, value in request.query_params.items():
        if key.lower() == "fullresponse":
            return value.strip().lower() != "false"
    return True


def _bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else header


def _field(values: dict[str, Any], *names: str) -> Any:
    """A value by any of ``names``, compared without casing and ``_``; None when absent."""
    wanted = {n.replace("_", "").lower() for n in names}
    for key, value in values.items():
        if isinstance(key, str) and key.replace("_", "").lower() in wanted:
            return value
    return None


_BIRTH_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]*)?")
_BIRTH_DOTTED = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


def _birth_date(value: Any) -> date | None:
    """``yyyy-MM-dd`` (a midnight time after it tolerated) or ``dd.MM.yyyy``; else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if match := _BIRTH_ISO.fullmatch(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _BIRTH_DOTTED.fullmatch(text):
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None


def create_app(sandbox: Sandbox, prefix: str | None = None) -> ASGIApp:
    """The ASGI app serving ``sandbox`` (prefix defaults to ``sandbox.config.prefix``)."""
    root = normalize_prefix(prefix if prefix is not None else sandbox.config.prefix)
    control = f"{root}/sandbox"

    def error_response(status: int, code: str, message: str) -> Response:
        cfg = sandbox.config
        if cfg.html_errors:
            return Response(html_error_page(status), status, media_type=_HTML)
        return Response(
            json_bytes(error_payload(status, code, message, cfg), cfg), status, media_type=_JSON
        )

    def api_json(value: Any) -> Response:
        return Response(json_bytes(value, sandbox.config), media_type=_JSON)

    def control_error(status: int, message: str) -> JSONResponse:
        return JSONResponse(
            {"code": status, "message": message, "message_code": str(status)}, status
        )

    async def visit(request: Request) -> Response:
        parts = request.path_params["tail"].split("/")
        if request.method == "DELETE":
            if len(parts) != 2:
                raise HTTPException(404)
            return await cancel(request, parts[0], parts[1])
        if len(parts) < 2 or parts[1].lower() != "outschedule":
            raise HTTPException(404)
        resource = parts[2] if len(parts) > 2 else None
        date_text = "/".join(parts[3:]) if len(parts) > 3 else None
        cfg = sandbox.config
        response: Response
        try:
            ticket = sandbox.book(
                _bearer(request.headers.get("authorization")), parts[0], resource, date_text
            )
        except SandboxError as exc:
            response = error_response(exc.status, exc.code, exc.message)
        else:
            body = ticket if _full_response(request) else shorten(ticket, cfg.short_response_omit)
            data = json_bytes(body, cfg)
            if cfg.fault == "html_200":
                response = Response(html_maintenance_page(), 200, media_type=_HTML)
            elif cfg.fault == "empty_body":
                response = Response(b"", 200, media_type=_JSON)
            elif cfg.fault == "truncated_json":
                response = Response(data[: len(data) // 2], 200, media_type=_JSON)
            else:
                response = Response(data, 200, media_type=_JSON)
        if cfg.drop_connection:
            return _DroppedResponse(response)
        return response

    async def cancel(request: Request, lpu_guid: str, ticket_guid: str) -> Response:
        cfg = sandbox.config
        response: Response
        try:
            body = await read_json(request)
        except (ValueError, UnicodeDecodeError):
            body = None
        code = _field(body, "ReasonCode") if body is not None else None
        reason = _field(body, "Reason") if body is not None else None
        try:
            if body is None or (reason is not None and not isinstance(reason, str)):
                raise SandboxError(400, "4036", MSG_CANCEL_FORMAT)
            sandbox.cancel(
                _bearer(request.headers.get("authorization")),
                lpu_guid,
                ticket_guid,
                code,
                reason,
            )
        except SandboxError as exc:
            response = error_response(exc.status, exc.code, exc.message)
        else:
            message_code: str | int = (
                int(CODE_CANCELLED) if cfg.numeric_message_code else CODE_CANCELLED
            )
            response = api_json(
                {
                    "code": int(CODE_CANCELLED),
                    "message": MSG_CANCELLED,
                    "message_code": message_code,
                }
            )
        if cfg.drop_connection:
            return _DroppedResponse(response)
        return response

    async def patient_token(request: Request) -> Response:
        values: dict[str, Any] = dict(request.query_params.items())
        if request.method == "POST":
            try:
                values.update(await read_json(request))
            except (ValueError, UnicodeDecodeError):
                return error_response(400, "4036", MSG_LOOKUP_FORMAT)
        policy = _field(values, "n_pol", "policy", "enp")
        surname = _field(values, "Fam", "surname")
        lpu = _field(values, "lpuGuid", "lpu")
        try:
            if not all(v is None or isinstance(v, str) for v in (policy, surname, lpu)):
                raise SandboxError(400, "4036", MSG_LOOKUP_FORMAT)
            token, patient = sandbox.lookup_token(
                lpu,
                birth_date=_birth_date(_field(values, "Birthday", "birthDate")),
                policy=policy,
                surname=surname,
            )
        except SandboxError as exc:
            return error_response(exc.status, exc.code, exc.message)
        return api_json(
            {
                "token": token,
                "patient": {
                    "surname": patient.surname,
                    "firstName": patient.first_name,
                    "patronymic": patient.patronymic,
                    "birthDate": patient.birth_date.isoformat(),
                },
            }
        )

    async def lpu_list(request: Request) -> Response:
        return api_json(sandbox.clinics())

    async def lpu_one(request: Request) -> Response:
        try:
            return api_json(sandbox.clinic(request.path_params["lpuGuid"]))
        except KeyError:
            return error_response(404, CODE_NOT_FOUND, MSG_CLINIC_NOT_FOUND)

    async def lpu_doctors(request: Request) -> Response:
        try:
            return api_json(sandbox.resources(request.path_params["lpuGuid"]))
        except KeyError:
            return error_response(404, CODE_NOT_FOUND, MSG_CLINIC_NOT_FOUND)

    async def read_json(request: Request) -> dict[str, Any]:
        raw = await request.body()
        if not raw.strip():
            return {}
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError("a JSON object is expected")
        return value

    async def sb_patients(request: Request) -> Response:
        return JSONResponse(sandbox.patients())

    async def sb_token(request: Request) -> Response:
        try:
            body = await read_json(request)
            patient = body["patient"]
            ttl = int(body.get("ttlSeconds", 8 * 3600))
            channel = body.get("channel")
            if not isinstance(patient, str) or (
                channel is not None and not isinstance(channel, str)
            ):
                raise ValueError("patient and channel must be strings")
        except (ValueError, KeyError, TypeError) as exc:
            return control_error(400, f"Некорректный запрос токена: {exc!r}")
        try:
            return JSONResponse({"token": sandbox.issue_token(patient, ttl, channel)})
        except KeyError:
            return control_error(404, f"Пациент {patient!r} не найден в песочнице")

    async def sb_reset(request: Request) -> Response:
        try:
            patient = (await read_json(request)).get("patient")
            if patient is not None and not isinstance(patient, str):
                raise ValueError("patient must be a string")
        except (ValueError, TypeError) as exc:
            return control_error(400, f"Некорректный запрос сброса: {exc!r}")
        if patient is None:
            sandbox.reset()
            return JSONResponse({"ok": True})
        try:
            removed = sandbox.reset_patient(patient)
        except KeyError:
            return control_error(404, f"Пациент {patient!r} не найден в песочнице")
        return JSONResponse({"ok": True, "removed": [b.ticket_guid for b in removed]})

    async def sb_config(request: Request) -> Response:
        if request.method == "POST":
            try:
                sandbox.update_config(await read_json(request))
            except (ValueError, ValidationError) as exc:
                return control_error(400, f"Некорректная настройка песочницы: {exc}")
        return JSONResponse(sandbox.config.model_dump(mode="json"))

    async def sb_requests(request: Request) -> Response:
        return JSONResponse([r.to_dict() for r in list(sandbox.requests)])

    async def sb_bookings(request: Request) -> Response:
        return JSONResponse([b.to_dict() for b in list(sandbox.bookings)])

    async def sb_cancelled(request: Request) -> Response:
        return JSONResponse([b.to_dict() for b in list(sandbox.cancelled)])

    async def sb_status(request: Request) -> Response:
        try:
            body = await read_json(request)
            sandbox.set_clinic_status(body["lpuGuid"], str(body["status"]), body.get("ping"))
        except KeyError as exc:
            return control_error(404, f"Медицинская организация не найдена: {exc}")
        except (ValueError, TypeError) as exc:
            return control_error(400, f"Некорректный запрос: {exc}")
        return JSONResponse({"ok": True})

    async def sb_landmarks(request: Request) -> Response:
        try:
            return JSONResponse(sandbox.landmarks().to_dict())
        except KeyError:
            return control_error(404, "В этом наборе данных нет стандартных ориентиров")

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        path = request.url.path
        if status == 405:
            message = f"Метод {request.method} не поддерживается по адресу {path}"
        else:
            message = f"Адрес не найден: {path}"
        if path == control or path.startswith(control + "/"):
            return control_error(status, message)
        return error_response(status, f"{status}0", message)  # 404 -> "4040", 405 -> "4050"

    routes = [
        Route(f"{root}/visit/{{tail:path}}", visit, methods=["POST", "DELETE"]),
        Route(f"{root}/auth/lpu/token", patient_token, methods=["GET", "POST"]),
        Route(f"{root}/lpu", lpu_list, methods=["GET"]),
        Route(f"{root}/lpu/{{lpuGuid}}", lpu_one, methods=["GET"]),
        Route(f"{root}/lpu/{{lpuGuid}}/doctor", lpu_doctors, methods=["GET"]),
        Route(f"{control}/patients", sb_patients, methods=["GET"]),
        Route(f"{control}/token", sb_token, methods=["POST"]),
        Route(f"{control}/reset", sb_reset, methods=["POST"]),
        Route(f"{control}/config", sb_config, methods=["GET", "POST"]),
        Route(f"{control}/requests", sb_requests, methods=["GET"]),
        Route(f"{control}/bookings", sb_bookings, methods=["GET"]),
        Route(f"{control}/cancelled", sb_cancelled, methods=["GET"]),
        Route(f"{control}/status", sb_status, methods=["POST"]),
        Route(f"{control}/landmarks", sb_landmarks, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error})
    return _Frontdoor(app, sandbox, root)
