"""Signed LPU tokens for the sandbox: compact JWTs (HS256) built with the standard library only.

The real registry issues an opaque "LPU token" that in practice is a signed JWT bound to one
patient's card. The sandbox imitates that closely enough for the client to treat it the same way
(it never looks inside), while staying dependency-free: a JWT with HS256 is three base64url parts
and one HMAC-SHA256, which ``hmac``/``hashlib`` do exactly.

Claims: ``sub`` (the sandbox patient id), ``iat``, ``exp`` (Unix seconds) and ``channel`` (how the
patient is booking: ``internet``, ``infomat``, ``registry``, ``callcenter``; see ``engine``).
Every failure to verify raises :class:`InvalidToken`; the engine turns any of them into the
server's ``403``/``5009`` "Подпись запроса некорректна".
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

__all__ = ["InvalidToken", "TokenClaims", "decode_token", "encode_token"]

_HEADER = {"alg": "HS256", "typ": "JWT"}


class InvalidToken(ValueError):
    """The token is missing, malformed, badly signed, expired or lacks a subject."""


@dataclass(frozen=True, slots=True)
class TokenClaims:
    """What a verified token says."""

    subject: str
    issued_at: int
    expires_at: int
    channel: str | None


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:  # binascii.Error is a ValueError
        raise InvalidToken("bad base64") from exc


def _sign(signing_input: bytes, secret: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), signing_input, hashlib.sha256).digest()


def _json_part(obj: dict[str, Any]) -> str:
    return _b64encode(json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def encode_token(claims: dict[str, Any], secret: str) -> str:
    """Return ``header.payload.signature`` for ``claims`` signed with HMAC-SHA256."""
    signing_input = f"{_json_part(_HEADER)}.{_json_part(claims)}".encode("ascii")
    return f"{signing_input.decode('ascii')}.{_b64encode(_sign(signing_input, secret))}"


def _load_json(part: str) -> dict[str, Any]:
    try:
        value = json.loads(_b64decode(part))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidToken("bad JSON") from exc
    if not isinstance(value, dict):
        raise InvalidToken("not a JSON object")
    return value


def decode_token(token: str | None, secret: str, now: int) -> TokenClaims:
    """Verify ``token`` at Unix time ``now`` and return its claims.

    Only HS256 is accepted (``alg: none`` and friends are refused), the signature is compared in
    constant time, and a token with ``exp <= now`` is expired.
    """
    if not token:
        raise InvalidToken("no token")
    parts = token.strip().split(".")
    if len(parts) != 3 or not all(parts):
        raise InvalidToken("not a compact JWT")
    header = _load_json(parts[0])
    if header.get("alg") != "HS256":
        raise InvalidToken("unsupported algorithm")
    expected = _sign(f"{parts[0]}.{parts[1]}".encode("ascii", "replace"), secret)
    if not hmac.compare_digest(expected, _b64decode(parts[2])):
        raise InvalidToken("bad signature")
    payload = _load_json(parts[1])
    subject, iat, exp = payload.get("sub"), payload.get("iat", 0), payload.get("exp")
    if not isinstance(subject, str) or not subject:
        raise InvalidToken("no subject")
    if not isinstance(exp, int) or isinstance(exp, bool) or not isinstance(iat, int):
        raise InvalidToken("bad timestamps")
    if exp <= now:
        raise InvalidToken("expired")
    channel = payload.get("channel")
    return TokenClaims(subject, iat, exp, channel if isinstance(channel, str) else None)
