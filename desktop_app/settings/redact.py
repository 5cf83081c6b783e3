"""Remove credentials from any text before it reaches a log file or a dialog.

An LPU token grants access to a patient's card, so it must never land in a log that an operator
may attach to a support ticket. The API client already keeps tokens out of its own messages; this
is the safety net for everything else (a third-party library's exception text, a repr of
headers, a pasted token echoed in an error).

Six rules:

* ``scheme://user:password@`` in a URL (a proxy or server address with credentials);
* ``Bearer <anything>`` (an ``Authorization`` header value in any form);
* anything shaped like a JWT: three or more base64url parts separated by dots whose first part
  decodes to a JSON object (so dotted module names such as ``desktop_app.api.client`` survive);
* ``token=…`` / ``"password": "…"`` style key-value pairs;
* any run of exactly 16 digits (a policy number, ЕНП, however it reached the text);
* plus every value registered with :func:`add_secret` (opaque, non-JWT tokens the app holds) and
  :func:`add_patient_secret` (the policy number and birth date of a patient being looked up).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
from datetime import date

#: What replaces a removed secret.
MASK = "***"

_BEARER_RE = re.compile(r"(?i)\b(bearer)\s+[^\s\"'<>,;)\]}]+")
#: Candidate JWT (or JWE): base64url runs joined by dots; checked further in ``_jwt_sub``.
_JWT_RE = re.compile(r"[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)+")
#: A bare JWT header or fragment: ``eyJ`` is base64 of ``{"``.
_EYJ_RE = re.compile(r"\beyJ[A-Za-z0-9_-]{6,}")
_PAIR_RE = re.compile(
    r"""(?ix)
    (\b(?:access_token|refresh_token|id_token|token|lpu_?token|password|passwd|secret|api_?key)
     ["']?\s*[:=]\s*["']?)
    [^\s"'&,;}\]]+
    """
)

#: ``scheme://user:password@host`` — credentials written into a URL (a proxy, a server).
_URL_CREDENTIALS_RE = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@:]+(?::[^/\s@]*)?@")

#: A policy number (ЕНП) written as one run of 16 digits; longer runs are something else.
_POLICY_RE = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")

_MIN_SECRET_LEN = 8
_secrets: set[str] = set()
#: The members of ``_secrets`` that identify a patient rather than grant access.
_patient_forms: set[str] = set()
_secrets_lock = threading.Lock()


def add_secret(value: str | None) -> None:
    """Remember a secret the app holds (e.g. an opaque token) so logs never show it verbatim.

    Short values are ignored: masking every occurrence of a 3-letter string would destroy logs
    and protect nothing.
    """
    if value and len(value.strip()) >= _MIN_SECRET_LEN:
        with _secrets_lock:
            _secrets.add(value.strip())


def add_patient_secret(policy: str | None, birth_date: date | None) -> None:
    """Mask a patient's policy number and birth date in every log line from now on.

    The policy is registered as typed, as bare digits and in the usual groups of four (with
    spaces, no-break spaces or dashes); the birth date as ``YYYY-MM-DD`` (what the request
    carries) and ``DD.MM.YYYY`` (what the operator typed and the screen shows).
    :func:`redact_credentials` leaves them alone (the journal's patient label, a dialog that
    names the patient on purpose).
    """
    forms: set[str] = set()
    if policy:
        digits = "".join(ch for ch in policy if ch.isdigit())
        groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
        forms |= {policy.strip(), digits, *(sep.join(groups) for sep in (" ", "-", "\u00a0"))}
    if birth_date is not None:
        forms |= {birth_date.isoformat(), birth_date.strftime("%d.%m.%Y")}
    forms = {f for f in forms if len(f) >= _MIN_SECRET_LEN}
    with _secrets_lock:
        _secrets.update(forms)
        _patient_forms.update(forms)


def forget_secret(value: str | None) -> None:
    """Stop masking ``value`` (the token was replaced or the session ended)."""
    if value:
        with _secrets_lock:
            _secrets.discard(value.strip())


def _decodes_to_json_object(segment: str) -> bool:
    """True when ``segment`` is base64url of a JSON object, as every JWT header is."""
    padded = segment + "=" * (-len(segment) % 4)
    try:
        value = json.loads(base64.urlsafe_b64decode(padded))
    except (binascii.Error, ValueError, RecursionError):
        return False
    return isinstance(value, dict)


def _jwt_sub(match: re.Match[str]) -> str:
    text = match.group(0)
    if text.startswith("eyJ") or _decodes_to_json_object(text.split(".", 1)[0]):
        return MASK
    return text


def redact(text: object) -> str:
    """Return ``text`` (anything, converted with ``str``) with every credential replaced.

    For logs, crash reports and anything else that may leave the desk: patients' policy
    numbers and birth dates are masked too.
    """
    return _redact(text, patient=True)


def redact_credentials(text: object) -> str:
    """Like :func:`redact`, but a patient's policy number and birth date are kept.

    For text that names the patient on purpose and stays at the desk (the shift journal's
    patient label, a dialog about the patient at the counter): tokens and passwords are still
    removed.
    """
    return _redact(text, patient=False)


def _redact(text: object, *, patient: bool) -> str:
    out = text if isinstance(text, str) else str(text)
    if not out:
        return out
    with _secrets_lock:
        chosen = _secrets if patient else _secrets - _patient_forms
        known = sorted(chosen, key=len, reverse=True)
    for secret in known:
        if secret in out:
            out = out.replace(secret, MASK)
    out = _URL_CREDENTIALS_RE.sub(lambda m: f"{m.group(1)}{MASK}@", out)
    out = _BEARER_RE.sub(lambda m: f"{m.group(1)} {MASK}", out)
    out = _JWT_RE.sub(_jwt_sub, out)
    out = _EYJ_RE.sub(MASK, out)
    out = _PAIR_RE.sub(lambda m: f"{m.group(1)}{MASK}", out)
    if patient:
        out = _POLICY_RE.sub(MASK, out)
    return out
