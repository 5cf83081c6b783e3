"""What can go wrong talking to the registry, as types the UI can act on.

Each error carries the HTTP status, the server's message code and the server's own message when
there was one. Messages here are English and meant for the log; the UI turns the *type* into a
Russian dialog (through ``tr()``) and shows the server's Russian message verbatim. No error text
ever contains the token: the client never passes headers into an exception.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorFamily(StrEnum):
    """What kind of failure an error is; outcomes and messages are looked up by it."""

    INVALID_INPUT = "invalid_input"  # our own checks: nothing sent
    UNSENDABLE_TOKEN = "unsendable_token"  # the token has characters HTTP cannot carry
    NETWORK = "network"  # not delivered: nothing sent
    CERTIFICATE = "certificate"  # TLS refused: nothing sent
    VALIDATION = "validation"  # the registry refused (400 / 4xxx)
    CREDENTIALS = "credentials"  # the token was refused (401/403 / 5xxx)
    NOT_FOUND = "not_found"  # 404
    UNAVAILABLE = "unavailable"  # 5xx
    REQUEST = "request"  # another refusal (3xx, other 4xx, an error body in a 2xx)
    NO_ANSWER = "no_answer"  # sent, but no complete answer came back
    UNREADABLE = "unreadable"  # an answer came but cannot be read
    TOO_LARGE = "too_large"  # an answer over the size cap


class ApiError(Exception):
    """Base of every registry error."""

    #: True when nothing reached the server, so nothing can have been booked.
    nothing_sent: bool = False
    family: ErrorFamily = ErrorFamily.REQUEST

    def __init__(
        self,
        detail: str,
        *,
        status: int | None = None,
        message_code: str | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status
        self.message_code = message_code
        self.server_message = server_message

    def __str__(self) -> str:
        parts = [self.detail]
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.message_code:
            parts.append(f"code {self.message_code}")
        if self.server_message:
            parts.append(f"server: {self.server_message}")
        return "; ".join(parts)


class InvalidRequestError(ApiError):
    """Our own checks refused the input (bad GUID, past date): no request was sent."""

    family = ErrorFamily.INVALID_INPUT

    nothing_sent = True

    def __init__(self, detail: str, *, field: str) -> None:
        super().__init__(detail)
        self.field = field


class UnsendableToken(InvalidRequestError):
    """The token holds control or non-Latin-1 characters: no HTTP header can carry it."""

    family = ErrorFamily.UNSENDABLE_TOKEN

    def __init__(self, detail: str) -> None:
        super().__init__(detail, field="token")


class BookingRejected(ApiError):
    """HTTP 400 / message code 4xxx: the registry refused the booking (validation).

    The operator can act on it: another time (4009), the existing booking (4008), another clinic
    or doctor (4005, 4029), the registry's rules (4007).
    """

    family = ErrorFamily.VALIDATION


class CredentialsRefused(ApiError):
    """401/403 or message code 5xxx: the token is invalid, expired or not accepted."""

    family = ErrorFamily.CREDENTIALS


class NotFound(ApiError):
    """404: the clinic, the resource or the call itself does not exist on this server."""

    family = ErrorFamily.NOT_FOUND


class ServiceUnavailable(ApiError):
    """5xx: the registry or the clinic's own system is unavailable. Nothing was booked."""

    family = ErrorFamily.UNAVAILABLE


class RequestFailed(ApiError):
    """Another 4xx (405, 415, 429, …): the server refused the request as such."""

    family = ErrorFamily.REQUEST


class NetworkError(ApiError):
    """The request could not be delivered (no connection, DNS, refused): nothing was booked."""

    family = ErrorFamily.NETWORK

    nothing_sent = True


class CertificateError(NetworkError):
    """TLS verification failed: the server's certificate is not trusted by this PC."""

    family = ErrorFamily.CERTIFICATE


class OutcomeUnknown(ApiError):
    """A booking was sent but no complete answer came back (timeout, connection lost).

    The booking may or may not exist. It must be checked before booking again; the client never
    repeats the POST on its own.
    """

    family = ErrorFamily.NO_ANSWER


class MalformedAnswer(ApiError):
    """The server answered something we cannot read (HTML, empty, truncated, wrong shape)."""

    family = ErrorFamily.UNREADABLE

    def __init__(
        self,
        detail: str,
        *,
        after_booking: bool = False,
        json_read: bool = False,
        status: int | None = None,
        message_code: str | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(
            detail, status=status, message_code=message_code, server_message=server_message
        )
        #: True when this was the answer to the booking POST.
        self.after_booking = after_booking
        #: True when the body was JSON but not a ticket: with a 2xx the server evidently
        #: processed the booking (it answered in its own format), so it probably exists.
        self.json_read = json_read


class AnswerTooLarge(MalformedAnswer):
    """The answer exceeded the size cap (after decompression): it was not read further."""

    family = ErrorFamily.TOO_LARGE
