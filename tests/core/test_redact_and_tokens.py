"""Credential redaction, and what the journal derives from a token without keeping it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.journal import jwt_claims, patient_key_from_token, token_expiry
from desktop_app.settings.redact import MASK, add_secret, forget_secret, redact


def test_bearer_removed() -> None:
    text = "headers={'Authorization': 'Bearer abc.DEF-123_xyz'} sent"
    out = redact(text)
    assert "abc.DEF-123_xyz" not in out
    assert "Bearer ***" in out and out.endswith("sent")
    assert "DEF" not in redact("authorization: bearer   DEF456789")


def test_jwt_removed_anywhere(jwt_token: str) -> None:
    for text in (
        jwt_token,
        f"token is {jwt_token}.",
        f'{{"token":"{jwt_token}"}}',
        f"x={jwt_token}",
    ):
        out = redact(text)
        assert jwt_token not in out
        assert jwt_token.split(".")[1] not in out


def test_truncated_jwt_removed() -> None:
    assert "eyJhbGciOiJIUzI1NiJ9" not in redact("header eyJhbGciOiJIUzI1NiJ9 seen")


def test_dotted_names_survive() -> None:
    for text in (
        "desktop_app.api.client",
        "logger desktop_app.settings.store wrote settings.json.broken-20250101-000000",
        "version 6.11.3.post1 ready",
        "https://mis.example.ru/test/api",
    ):
        assert redact(text) == text


def test_key_value_pairs() -> None:
    out = redact('token=opaque-secret-1 password: "hunter2" remember_token: true')
    assert "opaque-secret-1" not in out and "hunter2" not in out
    assert "remember_token: true" in out


def test_registered_opaque_secret() -> None:
    secret = "0paque-Token-Value-77"
    add_secret(secret)
    try:
        assert redact(f"server echoed {secret}!") == f"server echoed {MASK}!"
    finally:
        forget_secret(secret)
    assert secret in redact(f"server echoed {secret}!")
    add_secret("short")  # too short to mask safely: ignored
    assert redact("a short text") == "a short text"


@given(st.dictionaries(st.text(max_size=8), st.text(max_size=20), max_size=4), st.text(max_size=30))
def test_any_jwt_in_any_text_is_removed(claims: dict[str, str], noise: str) -> None:
    import base64
    import json

    def b64(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    token = f"{b64({'alg': 'RS256'})}.{b64(claims or {'sub': 'x'})}.c2lnbmF0dXJl"
    assert token not in redact(f"{noise} {token} {noise}")


def test_redact_accepts_non_strings() -> None:
    assert redact(42) == "42"
    assert redact("") == ""


# -- tokens --------------------------------------------------------------------------------------


def test_patient_key_from_sub(jwt_factory: Callable[..., str]) -> None:
    first = jwt_factory({"sub": "card-1", "exp": 1})
    reissued = jwt_factory({"sub": "card-1", "exp": 2}, signature="b3RoZXI")
    other = jwt_factory({"sub": "card-2"})
    assert patient_key_from_token(first) == patient_key_from_token(reissued)
    assert patient_key_from_token(first) == hashlib.sha256(b"card-1").hexdigest()
    assert patient_key_from_token(first) != patient_key_from_token(other)
    assert (
        patient_key_from_token(jwt_factory({"sub": 12345})) == hashlib.sha256(b"12345").hexdigest()
    )


@pytest.mark.parametrize(
    "token", ["opaque-token-value", "a.b.c", "x.eyJzdWIiOiIifQ.y", "  spaced  "]
)
def test_patient_key_without_sub_hashes_the_token(token: str) -> None:
    assert patient_key_from_token(token) == hashlib.sha256(token.strip().encode()).hexdigest()
    assert token.strip() not in patient_key_from_token(token)


def test_token_expiry(jwt_factory: Callable[..., str]) -> None:
    assert token_expiry(jwt_factory({"exp": 1_900_000_000})) == datetime(
        2030, 3, 17, 17, 46, 40, tzinfo=UTC
    )
    assert token_expiry(jwt_factory({"exp": 1.5e9})) == datetime.fromtimestamp(1.5e9, UTC)
    for bad in ({"exp": "soon"}, {"exp": True}, {"exp": 1e300}, {}):
        assert token_expiry(jwt_factory(bad)) is None
    assert token_expiry("opaque") is None
    assert token_expiry(None) is None


def test_jwt_claims() -> None:
    assert jwt_claims("not-a-jwt") is None
    assert jwt_claims("a.!!!.c") is None
    assert jwt_claims("a.WzEsMl0.c") is None  # a JSON list, not claims


def test_hostnames_that_look_base64_survive() -> None:
    text = "GET https://eyeglasses.example.ru/api failed"
    assert redact(text) == text
