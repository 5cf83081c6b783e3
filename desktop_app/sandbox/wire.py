"""Rendering engine answers on the wire, in whichever variant ``SandboxConfig`` asks for.

The engine builds canonical camelCase dicts holding ``datetime`` objects; everything that the
real server might do differently (PascalCase keys, numeric message codes, omitted fields, extra
fields, a bare busy type, a string ping, date-time styles, HTML error pages) happens here, in one
walk, so every route gets every variant the same way.
"""

from __future__ import annotations

import json
from datetime import datetime
from http import HTTPStatus
from typing import Any

from .config import SandboxConfig

__all__ = [
    "SHORT_FIELDS",
    "error_payload",
    "format_datetime",
    "html_error_page",
    "html_maintenance_page",
    "json_bytes",
    "render",
    "shorten",
]

#: What ``fullResponse=false`` keeps (seed: "будут заполнены только … lpu, num, ticketGuid").
SHORT_FIELDS = frozenset({"lpu", "num", "ticketGuid"})

#: Added to every object with ``extra_fields`` on: a client must ignore what it does not know.
_EXTRA_FIELDS: dict[str, Any] = {
    "sandboxExtra": "поле, о котором клиент не знает",
    "schemaRevision": 7,
    "extraObject": {"nested": [1, 2, 3], "flag": True},
}


def format_datetime(value: datetime, style: str) -> str:
    """``offset``: 2026-11-28T09:00:00+03:00; ``naive``: no offset; ``millis``: .000 and offset."""
    value = value.replace(microsecond=value.microsecond // 1000 * 1000)
    if style == "naive":
        return value.replace(tzinfo=None).isoformat(timespec="seconds")
    if style == "millis":
        return value.isoformat(timespec="milliseconds")
    return value.isoformat(timespec="seconds")


def _pascal(key: str) -> str:
    return key[:1].upper() + key[1:]


def render(value: Any, cfg: SandboxConfig, key: str | None = None) -> Any:
    """Apply every wire variant to a canonical engine value (recursively)."""
    if isinstance(value, datetime):
        return format_datetime(value, cfg.datetime_style)
    if isinstance(value, dict):
        if key == "busyType" and cfg.busy_type_form != "object":
            return value.get("code") if cfg.busy_type_form == "int" else value.get("name")
        out: dict[str, Any] = {}
        for k, v in value.items():
            if k == "ping" and cfg.ping_as_string and isinstance(v, int):
                v = str(v)
            out[_pascal(k) if cfg.pascal_case else k] = render(v, cfg, k)
        if cfg.extra_fields:
            for k, v in _EXTRA_FIELDS.items():
                out[_pascal(k) if cfg.pascal_case else k] = _rekey(v, cfg)
        return out
    if isinstance(value, list):
        return [render(item, cfg) for item in value]
    return value


def _rekey(value: Any, cfg: SandboxConfig) -> Any:
    if isinstance(value, dict):
        return {(_pascal(k) if cfg.pascal_case else k): _rekey(v, cfg) for k, v in value.items()}
    return value


def json_bytes(value: Any, cfg: SandboxConfig) -> bytes:
    """The rendered value as UTF-8 JSON (Cyrillic unescaped, as .NET servers usually send)."""
    return json.dumps(render(value, cfg), ensure_ascii=False).encode("utf-8")


def shorten(ticket: dict[str, Any], omit: bool) -> dict[str, Any]:
    """``fullResponse=false``: only lpu/num/ticketGuid, the rest null (or absent if ``omit``)."""
    if omit:
        return {k: v for k, v in ticket.items() if k in SHORT_FIELDS}
    return {k: (v if k in SHORT_FIELDS else None) for k, v in ticket.items()}


def error_payload(status: int, code: str, message: str, cfg: SandboxConfig) -> dict[str, Any]:
    """The standard server response (ExceptionResponse), before rendering."""
    message_code: str | int = int(code) if cfg.numeric_message_code else code
    return {"code": status, "message": message, "message_code": message_code}


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def html_error_page(status: int) -> str:
    """What an nginx in front of the server sends instead of the JSON error body."""
    title = f"{status} {_reason(status)}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    )


def html_maintenance_page() -> str:
    """A 200 page from a captive portal or a misrouted proxy: not the JSON the client expects."""
    return (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        "<title>Технические работы</title></head>\n<body><h1>Ведутся технические работы</h1>"
        "<p>Сервис временно недоступен. Приносим извинения за неудобства.</p></body></html>\n"
    )
