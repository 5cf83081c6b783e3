"""``classify``: the one place a client error becomes a booking outcome (pure, no I/O)."""

from __future__ import annotations

import pytest

from desktop_app.api import (
    AnswerTooLarge,
    BookingRejected,
    CertificateError,
    CredentialsRefused,
    InvalidRequestError,
    MalformedAnswer,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    RequestFailed,
    ServiceUnavailable,
    UnsendableToken,
    clean_token,
    error_from_response,
    error_in_success,
)
from desktop_app.booking import DeskEventKind, OutcomeKind, Reason, classify
from desktop_app.settings.redact import redact

K, R = OutcomeKind, Reason


@pytest.mark.parametrize(
    ("error", "kind", "reason"),
    [
        (InvalidRequestError("bad", field="lpu_guid"), K.NOT_SENT, R.INVALID_INPUT),
        (UnsendableToken("x"), K.NOT_SENT, R.TOKEN_UNSENDABLE),
        (NetworkError("refused"), K.NOT_SENT, R.NETWORK),
        (CertificateError("untrusted"), K.NOT_SENT, R.CERTIFICATE),
        (BookingRejected("r", status=400, message_code="4009"), K.REFUSED, R.VALIDATION),
        (CredentialsRefused("c", status=401), K.REFUSED, R.CREDENTIALS),
        (NotFound("n", status=404, message_code="4040"), K.REFUSED, R.NOT_FOUND),
        (ServiceUnavailable("s", status=503, message_code="5030"), K.REFUSED, R.UNAVAILABLE),
        (ServiceUnavailable("s", status=502), K.UNKNOWN, R.GATEWAY),
        (
            ServiceUnavailable("s", status=500, server_message="An error has occurred."),
            K.UNKNOWN,
            R.GATEWAY,
        ),
        (RequestFailed("redirect", status=302), K.UNKNOWN, R.REDIRECT),
        (RequestFailed("r", status=429), K.REFUSED, R.REQUEST),
        (OutcomeUnknown("timeout"), K.UNKNOWN, R.NO_ANSWER),
        (
            MalformedAnswer("wrong shape", after_booking=True, json_read=True, status=200),
            K.BOOKED_UNREADABLE,
            R.UNREADABLE,
        ),
        (MalformedAnswer("html", after_booking=True, status=200), K.UNKNOWN, R.UNREADABLE),
        (AnswerTooLarge("big", after_booking=True, status=200), K.UNKNOWN, R.TOO_LARGE),
        (AnswerTooLarge("big", after_booking=True, status=502), K.UNKNOWN, R.TOO_LARGE),
        (MalformedAnswer("broken gzip", after_booking=True), K.UNKNOWN, R.UNREADABLE),
    ],
)
def test_every_client_error_maps_to_one_outcome(error, kind, reason) -> None:
    outcome = classify(error, attempt_id=7)
    assert (outcome.kind, outcome.reason) == (kind, reason)
    assert outcome.attempt_id == 7
    assert outcome.may_exist == (kind in (K.UNKNOWN, K.BOOKED_UNREADABLE))


def test_statuses_and_bodies_become_the_errors_classify_expects() -> None:
    body = b'{"code":503,"message":"\xd0\x9b\xd0\x9f\xd0\xa3 offline","message_code":"5030"}'
    assert classify(error_from_response(503, body)).kind is K.REFUSED
    assert classify(error_from_response(502, b"<html>Bad Gateway</html>")).reason is R.GATEWAY
    assert classify(error_from_response(500, b"")).reason is R.GATEWAY
    # A .NET back end that reports a validation error as a 500 still refused cleanly.
    rejected = classify(error_from_response(500, b'{"message":"busy","message_code":"4009"}'))
    assert (rejected.kind, rejected.reason) == (K.REFUSED, R.VALIDATION)
    in_200 = error_in_success(200, {"code": 400, "message": "Время занято", "message_code": "4009"})
    assert in_200 is not None
    outcome = classify(in_200)
    assert (outcome.kind, outcome.reason, outcome.server_message) == (
        K.REFUSED,
        R.VALIDATION,
        "Время занято",
    )
    assert error_in_success(200, {"num": "5", "message": "ok"}) is None


def test_desk_events_follow_the_outcome() -> None:
    assert classify(OutcomeUnknown("t")).desk_event is DeskEventKind.OUTCOME_UNKNOWN
    assert classify(BookingRejected("r", status=400, message_code="4008")).desk_event is (
        DeskEventKind.REJECTED
    )
    assert classify(ServiceUnavailable("s", status=504)).desk_event is (
        DeskEventKind.OUTCOME_UNKNOWN
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("abc.def.ghi\n", "abc.def.ghi"), ("  abc.de\r\nf.ghi ", "abc.def.ghi"), ("a\tb", "ab")],
)
def test_pasted_tokens_lose_whitespace_and_line_breaks(raw, expected) -> None:
    assert clean_token(raw) == expected


@pytest.mark.parametrize("raw", ["токен.abc.def", "abc\x00def", "abc\x7fdef", "abc€def"])
def test_tokens_http_cannot_carry_are_refused(raw) -> None:
    with pytest.raises(UnsendableToken):
        clean_token(raw)


def test_no_token_is_invalid_input() -> None:
    with pytest.raises(InvalidRequestError) as info:
        clean_token(" \n ")
    assert classify(info.value).reason is R.INVALID_INPUT


def test_credentials_in_urls_are_redacted() -> None:
    text = redact(
        "POST https://desk:s3cr3t-pass@mis.example.ru/api/visit and proxy http://user@10.0.0.1:3128"
    )
    assert "s3cr3t-pass" not in text and "desk" not in text and "user@" not in text
    assert "mis.example.ru/api/visit" in text
