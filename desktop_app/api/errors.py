"""What can go wrong talking to the registry, as types the UI can act on.

Each error carries the HTTP status, the server's message code and the server's own message when
there was one. Messages here are English and meant for the log; the UI turns the *type* into a
Russian dialog (through ``tr()``) and shows the server's Russian message verbatim. No error text
ever contains the token: the client never passes headers into an exception.
"""

from __future__ import annotations


class ApiError(Exception):
    """Base of every registry error."""

    #: True when nothing reached the server, so nothing can have been booked.
    nothing_sent: bool = False

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

    nothing_sent = True

    def __init__(self, detail: str, *, field: str) -> None:
        super().__init__(detail)
        self.field = field


class BookingRejected(ApiError):
    """HTTP 400 / message code 4xxx: the registry refused the booking (validation).

    The operator can act on it: another time (4009), the existing booking (4008), another clinic
    or doctor (4005, 4029), the registry's rules (4007).
    """


class CredentialsRefused(ApiError):
    """401/403 or message code 5xxx: the token is invalid, expired or not accepted."""


class NotFound(ApiError):
    """404: the clinic, the resource or the call itself does not exist on this server."""


class ServiceUnavailable(ApiError):
    """5xx: the registry or the clinic's own system is unavailable. Nothing was booked."""


class RequestFailed(ApiError):
    """Another 4xx (405, 415, 429, …): the server refused the request as such."""


class NetworkError(ApiError):
    """The request could not be delivered (no connection, DNS, refused): nothing was booked."""

    nothing_sent = True


class CertificateError(NetworkError):
    """TLS verification failed: the server's certificate is not trusted by this PC."""


class OutcomeUnknown(ApiError):
    """A booking was sent but no complete answer came back (timeout, connection lost).

    The booking may or may not exist. It must be checked before booking again; the client never
    repeats the POST on its own.
    """


class MalformedAnswer(ApiError):
    """The server answered something we cannot read (HTML, empty, truncated, wrong shape)."""

    def __init__(self, detail: str, *, after_booking: bool = False, **kwargs: object) -> None:
        super().__init__(detail, **kwargs)  # type: ignore[arg-type]
        #: True when this was the answer to a booking POST that the server accepted (2xx):
        #: the booking probably exists although its ticket could not be read.
        self.after_booking = after_booking
