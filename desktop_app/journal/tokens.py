"""What the app may learn from an LPU token without keeping it.

The token is a bearer credential for a patient's card: it must never be written to disk. The
journal still needs to recognise "the same patient" (to warn before booking again after an
unknown outcome), so it stores a one-way key derived from the token's ``sub`` claim. The claims
are read without verifying the signature: the registry verifies tokens, we only label them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from datetime import UTC, datetime
from typing import Any


def jwt_claims(token: str | None) -> dict[str, Any] | None:
    """The payload of a JWT-shaped token as a dict, or None if it is not one (no verification)."""
    parts = (token or "").strip().split(".")
    if len(parts) != 3 or not parts[1]:
        return None
    segment = parts[1]
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        claims = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return claims if isinstance(claims, dict) else None


def patient_key_from_token(token: str) -> str:
    """A stable, non-reversible key (64 hex chars) identifying the token's patient.

    sha256 of the ``sub`` claim when the token is a JWT carrying one (so a re-issued token for the
    same card maps to the same key), else sha256 of the whole token (stripped). Note that a
    ``sub`` from a small space (a card number) could be found by trying every value; the journal
    also holds the operator-entered patient label, so the key protects the token, not the name.
    """
    claims = jwt_claims(token)
    sub = claims.get("sub") if claims else None
    if isinstance(sub, bool) or sub is None or (isinstance(sub, str) and not sub.strip()):
        sub = None
    if sub is not None and isinstance(sub, str | int):
        material = str(sub)
    else:
        material = (token or "").strip()
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def token_expiry(token: str | None) -> datetime | None:
    """The JWT ``exp`` claim as an aware UTC datetime, for the UI's "expires at …"; else None."""
    claims = jwt_claims(token)
    exp = claims.get("exp") if claims else None
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return None
    if not math.isfinite(exp):
        return None
    try:
        return datetime.fromtimestamp(exp, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
