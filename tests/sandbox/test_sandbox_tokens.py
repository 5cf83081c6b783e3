"""Sandbox tokens: HS256 JWTs that verify only when intact, correctly signed and unexpired."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sandbox_testkit import NOW, FakeClock

from desktop_app.sandbox import Sandbox, SandboxConfig, SandboxError
from desktop_app.sandbox.tokens import InvalidToken, decode_token, encode_token

SECRET = "test-secret"
T0 = 1_800_000_000


def _b64(obj: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def test_round_trip_keeps_every_claim() -> None:
    token = encode_token({"sub": "adult", "iat": T0, "exp": T0 + 60, "channel": "infomat"}, SECRET)
    claims = decode_token(token, SECRET, T0 + 59)
    assert (claims.subject, claims.issued_at, claims.expires_at, claims.channel) == (
        "adult",
        T0,
        T0 + 60,
        "infomat",
    )


def test_token_is_a_standard_hs256_jwt() -> None:
    header, payload, _ = encode_token({"sub": "adult", "iat": T0, "exp": T0 + 1}, SECRET).split(".")
    pad = "=="
    assert json.loads(base64.urlsafe_b64decode(header + pad)) == {"alg": "HS256", "typ": "JWT"}
    assert json.loads(base64.urlsafe_b64decode(payload + pad))["sub"] == "adult"


def test_wrong_secret_is_refused() -> None:
    token = encode_token({"sub": "adult", "iat": T0, "exp": T0 + 60}, "other-secret")
    with pytest.raises(InvalidToken):
        decode_token(token, SECRET, T0)


def test_altered_signature_is_refused() -> None:
    token = encode_token({"sub": "adult", "iat": T0, "exp": T0 + 60}, SECRET)
    decode_token(token, SECRET, T0)
    header, payload, signature = token.split(".")
    altered = signature[:5] + ("A" if signature[5] != "A" else "B") + signature[6:]
    with pytest.raises(InvalidToken):
        decode_token(f"{header}.{payload}.{altered}", SECRET, T0)


def test_tampered_payload_is_refused() -> None:
    header, _, signature = encode_token({"sub": "adult", "iat": T0, "exp": T0 + 60}, SECRET).split(
        "."
    )
    forged = f"{header}.{_b64({'sub': 'barred', 'iat': T0, 'exp': T0 + 60})}.{signature}"
    with pytest.raises(InvalidToken):
        decode_token(forged, SECRET, T0)


def test_alg_none_is_refused() -> None:
    token = f"{_b64({'alg': 'none'})}.{_b64({'sub': 'adult', 'iat': T0, 'exp': T0 + 60})}.x"
    with pytest.raises(InvalidToken):
        decode_token(token, SECRET, T0)


def test_expiry_is_exclusive() -> None:
    token = encode_token({"sub": "adult", "iat": T0, "exp": T0 + 60}, SECRET)
    decode_token(token, SECRET, T0 + 59)
    with pytest.raises(InvalidToken):
        decode_token(token, SECRET, T0 + 60)


@pytest.mark.parametrize("token", [None, "", "abc", "a.b", "a.b.c", "..", "a.b.c.d", "Ж.Ж.Ж"])
def test_malformed_tokens_are_refused(token: str | None) -> None:
    with pytest.raises(InvalidToken):
        decode_token(token, SECRET, T0)


@given(st.text(max_size=200))
def test_arbitrary_text_only_ever_raises_invalid_token(text: str) -> None:
    with pytest.raises(InvalidToken):
        decode_token(text, SECRET, T0)


def test_issue_token_for_unknown_patient_raises_key_error() -> None:
    with pytest.raises(KeyError):
        Sandbox(clock=FakeClock(NOW)).issue_token("nobody")


def test_issued_token_carries_patient_channel_and_lifetime() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    claims = sb.verify_token(sb.issue_token("child", ttl_seconds=600, channel="registry"))
    assert claims.subject == "child"
    assert claims.channel == "registry"
    assert claims.expires_at - claims.issued_at == 600
    assert claims.issued_at == int(NOW.timestamp())
    assert sb.verify_token(sb.issue_token("child")).channel == "registry"  # the default: the desk


def test_a_patient_with_a_channel_of_their_own_keeps_it() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    assert sb.verify_token(sb.issue_token("barred")).channel == "internet"  # from the portal
    assert sb.verify_token(sb.issue_token("barred", channel="registry")).channel == "registry"
    sb.update_config({"default_channel": "callcenter"})
    assert sb.verify_token(sb.issue_token("adult")).channel == "callcenter"
    assert sb.verify_token(sb.issue_token("barred")).channel == "internet"
    roster = {p["id"]: p for p in sb.patients()}
    assert roster["barred"]["tokenChannel"] == "internet"
    assert roster["adult"]["tokenChannel"] == "callcenter"


@pytest.mark.parametrize("ttl", [0, -1, -3600])
def test_non_positive_ttl_gives_an_expired_token(ttl: int) -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    with pytest.raises(SandboxError) as info:
        sb.verify_token(sb.issue_token("adult", ttl_seconds=ttl))
    assert (info.value.status, info.value.code) == (403, "5009")


def test_token_expires_when_the_clock_passes_exp() -> None:
    clock = FakeClock(NOW)
    sb = Sandbox(clock=clock)
    token = sb.issue_token("adult", ttl_seconds=60)
    sb.verify_token(token)
    clock.advance(seconds=60)
    with pytest.raises(SandboxError):
        sb.verify_token(token)


def test_token_of_another_sandbox_secret_is_refused() -> None:
    other = Sandbox(SandboxConfig(secret="another"), clock=FakeClock(NOW))
    with pytest.raises(SandboxError):
        Sandbox(clock=FakeClock(NOW)).verify_token(other.issue_token("adult"))
