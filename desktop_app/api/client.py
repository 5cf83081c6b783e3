"""``RegistryClient``: the one async HTTP client the app talks to the registry through.

Rules that matter at a reception desk:

* a booking POST is **never** retried: a lost answer becomes ``OutcomeUnknown``;
* input is checked before anything is sent (GUID form, past dates), and path segments are
  percent-encoded, so no input can change the request path;
* the token lives only in the ``Authorization`` header of the request being sent: it is never
  logged and never put into an exception.
"""

from __future__ import annotations

import json
import logging
import re
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from desktop_app.api.errors import (
    ApiError,
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
)
from desktop_app.api.models import (
    Clinic,
    ErrorResponse,
    Resource,
    TicketVisitWithLpu,
    format_path_date,
)

log = logging.getLogger(__name__)

GUID_RE = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
NIL_GUID = "00000000-0000-0000-0000-000000000000"

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class ClientSettings:
    """Everything about talking to a server that a site may need to change."""

    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    #: Retries of idempotent GETs after a network failure (the booking POST is never retried).
    get_retries: int = 2
    #: ``iso`` → ``yyyy-MM-ddTHH:mm:ss``, ``space-millis`` → ``yyyy-MM-dd HH:mm:ss.fff``.
    booking_datetime_format: str = "iso"
    booking_path: str = "visit/{lpu}/outSchedule/{resource}/{date}"
    clinics_path: str = "lpu"
    clinic_path: str = "lpu/{lpu}"
    resources_path: str = "lpu/{lpu}/doctor"
    extra_headers: Mapping[str, str] = field(default_factory=dict)

    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(
            connect=self.connect_timeout,
            read=self.read_timeout,
            write=self.read_timeout,
            pool=self.connect_timeout,
        )


def check_guid(value: str, *, field_name: str, allow_nil: bool = False) -> str:
    """A well-formed 36-character GUID, stripped; anything else is refused before sending."""
    text = (value or "").strip()
    if not GUID_RE.fullmatch(text):
        raise InvalidRequestError(f"{field_name} is not a GUID", field=field_name)
    if not allow_nil and text == NIL_GUID:
        raise InvalidRequestError(f"{field_name} is the nil GUID", field=field_name)
    return text.lower()


def _segment(value: str) -> str:
    return quote(value, safe="")


def _short_body(response: httpx.Response) -> str:
    text = response.content[:300].decode("utf-8", errors="replace")
    return " ".join(text.split())


class RegistryClient:
    """Async client of the registry API over a single ``httpx.AsyncClient``.

    ``token`` is the default LPU token; a booking may pass its own (an LPU token is bound to one
    patient, so at a desk it usually changes per booking). ``today`` is injectable so the
    past-date check follows the clinic's calendar in tests.
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        settings: ClientSettings | None = None,
        verify: ssl.SSLContext | bool = True,
        proxy: str | None = None,
        trust_env: bool = True,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.settings = settings or ClientSettings()
        self._token = token
        self._today = today
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        headers.update(self.settings.extra_headers)
        self._http = httpx.AsyncClient(
            base_url=base_url.strip(),
            transport=transport,
            timeout=self.settings.timeout(),
            headers=headers,
            verify=verify,
            proxy=proxy,
            trust_env=trust_env,
            follow_redirects=False,
        )

    # -- lifecycle -----------------------------------------------------------------------------

    async def __aenter__(self) -> RegistryClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def base_url(self) -> str:
        return str(self._http.base_url)

    @property
    def token(self) -> str | None:
        return self._token

    @token.setter
    def token(self, value: str | None) -> None:
        self._token = value

    def __repr__(self) -> str:  # never shows the token
        return f"RegistryClient(base_url={self.base_url!r})"

    # -- calls ---------------------------------------------------------------------------------

    async def book_out_of_schedule(
        self,
        lpu_guid: str,
        resource_guid: str,
        day: date,
        at: time | None = None,
        full_response: bool = True,
        *,
        token: str | None = None,
    ) -> TicketVisitWithLpu:
        """Book a visit out of schedule. Sent exactly once; see the module docstring."""
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        resource = check_guid(resource_guid, field_name="resource_guid")
        if not isinstance(day, date):
            raise InvalidRequestError("day is not a date", field="day")
        if day < self._today():
            raise InvalidRequestError("the day is in the past", field="day")
        bearer = token if token is not None else self._token
        if not bearer or not bearer.strip():
            raise InvalidRequestError("no token", field="token")
        path = self.settings.booking_path.format(
            lpu=_segment(lpu),
            resource=_segment(resource),
            date=_segment(format_path_date(day, at, self.settings.booking_datetime_format)),
        )
        params = {"fullResponse": "true" if full_response else "false"}
        response = await self._send_once("POST", path, params=params, token=bearer)
        payload = self._json_or_raise(response, after_booking=True)
        ticket = parse_model(TicketVisitWithLpu, payload, after_booking=True)
        if not (ticket.num or ticket.ticket_guid):
            raise MalformedAnswer(
                "booking answer carries neither a ticket number nor a ticket GUID",
                after_booking=True,
                status=response.status_code,
            )
        log.info(
            "booked: lpu=%s resource=%s day=%s at=%s -> ticket %s num %s",
            lpu, resource, day, at, ticket.ticket_guid, ticket.num,
        )
        return ticket

    async def list_clinics(self) -> list[Clinic]:
        payload = await self._get_json(self.settings.clinics_path)
        return parse_list(Clinic, payload)

    async def get_clinic(self, lpu_guid: str) -> Clinic:
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        payload = await self._get_json(self.settings.clinic_path.format(lpu=_segment(lpu)))
        return parse_model(Clinic, payload)

    async def list_resources(self, lpu_guid: str) -> list[Resource]:
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        payload = await self._get_json(self.settings.resources_path.format(lpu=_segment(lpu)))
        return parse_list(Resource, payload)

    # -- transport -----------------------------------------------------------------------------

    def _auth(self, token: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token.strip()}"} if token else {}

    async def _send_once(
        self, method: str, path: str, *, params: dict[str, str], token: str | None
    ) -> httpx.Response:
        """Send a non-idempotent request exactly once; classify every failure."""
        log.info("%s %s %s", method, path, params)
        try:
            response = await self._http.request(
                method, path, params=params, headers=self._auth(token)
            )
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise _not_delivered(exc) from None
        except httpx.UnsupportedProtocol as exc:
            raise NetworkError(f"unsupported URL: {type(exc).__name__}") from None
        except httpx.TransportError as exc:
            # The request left (or may have left) this PC: the booking may exist.
            log.warning("booking outcome unknown after %s: %s", type(exc).__name__, exc)
            raise OutcomeUnknown(f"no complete answer: {type(exc).__name__}") from None
        log.info("-> HTTP %s (%d bytes)", response.status_code, len(response.content))
        return response

    async def _get_json(self, path: str) -> Any:
        attempts = 1 + max(0, self.settings.get_retries)
        last: ApiError | None = None
        for attempt in range(1, attempts + 1):
            log.info("GET %s (attempt %d)", path, attempt)
            try:
                response = await self._http.get(path, headers=self._auth(self._token))
            except httpx.UnsupportedProtocol as exc:
                raise NetworkError(f"unsupported URL: {type(exc).__name__}") from None
            except httpx.TransportError as exc:
                last = _not_delivered(exc)
                if isinstance(last, CertificateError):
                    break  # retrying cannot fix a certificate
                log.warning("GET %s failed (%s), attempt %d", path, type(exc).__name__, attempt)
                continue
            if response.status_code in (502, 503, 504) and attempt < attempts:
                log.warning("GET %s -> %s, retrying", path, response.status_code)
                continue
            return self._json_or_raise(response, after_booking=False)
        assert last is not None
        raise last

    def _json_or_raise(self, response: httpx.Response, *, after_booking: bool) -> Any:
        status = response.status_code
        if 200 <= status < 300:
            try:
                return _decode_json(response.content)
            except ValueError as exc:
                log.warning("unreadable %s answer: %s; body starts %r", status, exc,
                            _short_body(response))
                raise MalformedAnswer(
                    f"answer is not JSON: {exc}", after_booking=after_booking, status=status
                ) from None
        raise error_from_response(status, response.content, response.headers.get("content-type"))


def _decode_json(content: bytes) -> Any:
    if not content.strip():
        raise ValueError("empty body")
    try:
        return json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(type(exc).__name__) from None


def _not_delivered(exc: httpx.TransportError) -> NetworkError:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return CertificateError(f"certificate not trusted: {cause.verify_message}")
        if isinstance(cause, ssl.SSLError):
            return CertificateError(f"TLS failure: {cause.reason or cause}")
        cause = cause.__cause__ or cause.__context__
    return NetworkError(f"not delivered: {type(exc).__name__}")


def error_from_response(status: int, content: bytes, content_type: str | None = None) -> ApiError:
    """Turn a non-2xx answer into our error type, keeping the server's message and code."""
    body = ErrorResponse()
    try:
        data = _decode_json(content)
        if isinstance(data, dict):
            body = ErrorResponse.model_validate(data)
    except (ValueError, ValidationError):
        log.info("error answer %s is not a standard body (%s)", status, content_type)
    code = body.message_code
    kwargs: dict[str, Any] = {
        "status": status,
        "message_code": code,
        "server_message": body.message,
    }
    family = code[0] if code and code[:1].isdigit() and len(code) == 4 else None
    if status in (401, 403) or (family == "5" and status < 500):
        return CredentialsRefused("credentials refused", **kwargs)
    if status == 404:
        return NotFound("not found", **kwargs)
    if status == 400 or (family == "4" and 400 <= status < 500):
        return BookingRejected("rejected by the registry", **kwargs)
    if status >= 500:
        return ServiceUnavailable("server unavailable", **kwargs)
    if 300 <= status < 400:
        return RequestFailed("unexpected redirect", **kwargs)
    return RequestFailed("request refused", **kwargs)


def parse_model(model: type[ModelT], payload: Any, *, after_booking: bool = False) -> ModelT:
    """Validate a decoded JSON value into ``model``; only ``MalformedAnswer`` escapes."""
    if not isinstance(payload, dict):
        raise MalformedAnswer(
            f"expected an object, got {type(payload).__name__}", after_booking=after_booking
        )
    try:
        return model.model_validate(payload)
    except (ValidationError, ValueError, TypeError, RecursionError) as exc:
        log.warning("answer does not fit %s: %s", model.__name__, exc)
        raise MalformedAnswer(
            f"answer does not fit {model.__name__}", after_booking=after_booking
        ) from None


def parse_list(model: type[ModelT], payload: Any) -> list[ModelT]:
    """A JSON array of ``model``; a wrapper object with one list field is unwrapped."""
    if isinstance(payload, dict):
        lists = [v for v in payload.values() if isinstance(v, list)]
        if len(lists) == 1:
            payload = lists[0]
    if not isinstance(payload, list):
        raise MalformedAnswer(f"expected a list, got {type(payload).__name__}")
    return [parse_model(model, item) for item in payload]


def parse_ticket(content: bytes) -> TicketVisitWithLpu:
    """Parse raw booking-answer bytes; raises only ``MalformedAnswer`` (used by tests, tools)."""
    try:
        payload = _decode_json(content)
    except ValueError as exc:
        raise MalformedAnswer(f"answer is not JSON: {exc}", after_booking=True) from None
    return parse_model(TicketVisitWithLpu, payload, after_booking=True)
