"""``RegistryClient``: the one async HTTP client the app talks to the registry through.

Rules that matter at a reception desk:

* a booking POST (and a cancellation) is **never** retried: a lost answer becomes
  ``OutcomeUnknown``;
* input is checked before anything is sent (GUID form, past dates), and path segments are
  percent-encoded, so no input can change the request path;
* the token lives only in the ``Authorization`` header of the request being sent: it is never
  logged and never put into an exception;
* a patient's policy number, birth date and surname (the patient-token call's query) are never
  logged either: only the parameter names are.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import logging
import re
import ssl
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta, timezone
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from desktop_app.api.errors import (
    AnswerTooLarge,
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
    UnsendableToken,
)
from desktop_app.api.models import (
    Clinic,
    ErrorResponse,
    Resource,
    TicketVisitWithLpu,
    format_path_date,
)
from desktop_app.api.patient import PatientName, PatientQuery, PatientToken
from desktop_app.settings.redact import add_patient_secret, add_secret

log = logging.getLogger(__name__)

GUID_RE = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
NIL_GUID = "00000000-0000-0000-0000-000000000000"

ModelT = TypeVar("ModelT", bound=BaseModel)


class _QueryValueFilter(logging.Filter):
    """Masks the values of patient-identifying query parameters in httpx's request log line.

    httpx logs every request URL at INFO (``HTTP Request: GET http://…?n_pol=…``); the names
    of the patient-token call's parameters are registered here by every client, so the line
    keeps the path and the names and loses the values.
    """

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            args = record.args
            if isinstance(args, tuple) and len(args) >= 2 and isinstance(args[1], httpx.URL):
                url = args[1]
                pairs = url.params.multi_items()
                if any(key.lower() in self.names for key, _ in pairs):
                    query = "&".join(
                        f"{key}={'***' if key.lower() in self.names else value}"
                        for key, value in pairs
                    )
                    shown = f"{url.copy_with(query=None)}?{query}"
                    record.args = (args[0], shown, *args[2:])
        except Exception:  # a log line must never break a request
            record.args = None
            record.msg = "HTTP Request (details withheld)"
        return True


_query_filter = _QueryValueFilter()
logging.getLogger("httpx").addFilter(_query_filter)


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
    #: Largest answer read (after decompression); a bigger one is not read further.
    max_answer_bytes: int = 2 * 1024 * 1024
    #: The zone of a server's times that carry no offset (Moscow unless a site says otherwise).
    server_utc_offset_minutes: int = 180
    #: The patient-token call of the authorization service (``patient_token``): method, path
    #: (``{lpu}`` optional) and query names. An empty clinic name sends no clinic; an empty
    #: surname name means the server has no surname lookup.
    patient_token_method: str = "GET"
    patient_token_path: str = "auth/lpu/token"
    patient_token_lpu_param: str = "lpuGuid"
    patient_token_policy_param: str = "n_pol"
    patient_token_birth_param: str = "Birthday"
    patient_token_surname_param: str = "Fam"
    #: Where the token is in a JSON answer (dotted path, any key casing); empty: found by name.
    patient_token_field: str = ""
    #: The cancellation call (``cancel_visit``): sent once, with a JSON body.
    cancel_method: str = "DELETE"
    cancel_path: str = "visit/{lpu}/{ticket}"

    def total_deadline(self) -> float:
        """The longest a whole request may take, however the server paces its bytes."""
        return self.connect_timeout + 2 * self.read_timeout

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


def _short_body(content: bytes) -> str:
    text = content[:300].decode("utf-8", errors="replace")
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
        _query_filter.names.update(
            name.lower()
            for name in (
                self.settings.patient_token_policy_param,
                self.settings.patient_token_birth_param,
                self.settings.patient_token_surname_param,
            )
            if name
        )
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
        bearer = clean_token(token if token is not None else self._token)
        path = self.settings.booking_path.format(
            lpu=_segment(lpu),
            resource=_segment(resource),
            date=_segment(format_path_date(day, at, self.settings.booking_datetime_format)),
        )
        params = {"fullResponse": "true" if full_response else "false"}
        answer = await self._send_once("POST", path, params=params, token=bearer)
        payload = self._json_or_raise(answer, after_booking=True)
        ticket = parse_model(
            TicketVisitWithLpu,
            payload,
            after_booking=True,
            context=self._context(),
            status=answer.status,
        )
        if not (ticket.num or ticket.ticket_guid):
            raise MalformedAnswer(
                "booking answer carries neither a ticket number nor a ticket GUID",
                after_booking=True,
                json_read=True,
                status=answer.status,
            )
        log.info(
            "booked: lpu=%s resource=%s day=%s at=%s -> ticket %s num %s",
            lpu,
            resource,
            day,
            at,
            ticket.ticket_guid,
            ticket.num,
        )
        return ticket

    def _context(self) -> dict[str, Any]:
        offset = timedelta(minutes=self.settings.server_utc_offset_minutes)
        return {"server_tz": timezone(offset)}

    async def list_clinics(self) -> list[Clinic]:
        payload = await self._get_json(self.settings.clinics_path)
        return parse_list(Clinic, payload, context=self._context())

    async def get_clinic(self, lpu_guid: str) -> Clinic:
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        payload = await self._get_json(self.settings.clinic_path.format(lpu=_segment(lpu)))
        return parse_model(Clinic, payload, context=self._context())

    async def list_resources(self, lpu_guid: str) -> list[Resource]:
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        payload = await self._get_json(self.settings.resources_path.format(lpu=_segment(lpu)))
        return parse_list(Resource, payload)

    async def patient_token(self, lpu_guid: str, query: PatientQuery) -> PatientToken:
        """The patient's LPU token for a clinic, from the authorization service.

        The call is the settings' (default ``GET auth/lpu/token?lpuGuid=…&n_pol=…&Birthday=…``,
        ``Fam=…`` for a surname). It is idempotent, so the GET retry rules apply. The answer may
        be the token itself (a raw body or a JSON string) or a JSON object holding it
        (``patient_token_field``, else ``token``/``access_token``/``lpuToken`` in any casing,
        also under ``data``/``result``). The query values are never logged, and are masked in
        every log line from here on (``add_patient_secret``).
        """
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        if not isinstance(query, PatientQuery):
            raise InvalidRequestError("no patient query", field="policy")
        if query.birth_date > self._today() or query.birth_date.year < 1900:
            raise InvalidRequestError("the birth date is not plausible", field="birth_date")
        add_patient_secret(query.policy, query.birth_date)
        s = self.settings
        params: dict[str, str] = {}
        if s.patient_token_lpu_param:
            params[s.patient_token_lpu_param] = lpu
        if query.policy is not None:
            params[s.patient_token_policy_param] = query.policy
        else:
            if not s.patient_token_surname_param:
                raise InvalidRequestError("this server has no surname lookup", field="surname")
            params[s.patient_token_surname_param] = query.surname or ""
        params[s.patient_token_birth_param] = query.birth_date.isoformat()
        path = s.patient_token_path.format(lpu=_segment(lpu))
        method = (s.patient_token_method or "GET").strip().upper()
        if method == "GET":
            answer = await self._fetch_idempotent(method, path, params=params, token=None)
        else:
            answer = await self._fetch_idempotent(
                method, path, params=None, token=None, json_body=params
            )
        token, patient = _token_from_answer(answer, s.patient_token_field)
        add_secret(token)
        if patient is None and query.surname is not None:
            patient = PatientName(query.surname, None, None, query.birth_date)
        log.info("patient token received for lpu=%s (HTTP %s)", lpu, answer.status)
        return PatientToken(token, patient)

    async def cancel_visit(
        self,
        lpu_guid: str,
        ticket_guid: str,
        *,
        reason_code: int,
        reason: str,
        token: str,
    ) -> None:
        """Cancel a booking: the settings' call (default ``DELETE visit/{lpu}/{ticket}`` with
        ``{"ReasonCode": n, "Reason": "…"}``), sent exactly once like the booking POST.

        A lost answer raises ``OutcomeUnknown``; success is a 2xx whose body is empty or
        carries no error code (``2000`` is the documented success code); an error body in a
        2xx raises as the refusal it is.
        """
        lpu = check_guid(lpu_guid, field_name="lpu_guid")
        ticket = check_guid(ticket_guid, field_name="ticket_guid")
        if not isinstance(reason_code, int) or isinstance(reason_code, bool):
            raise InvalidRequestError("the reason code is not a number", field="reason_code")
        text = " ".join((reason or "").split())
        if len(text) > 1000:
            raise InvalidRequestError("the reason is too long", field="reason")
        bearer = clean_token(token)
        s = self.settings
        path = s.cancel_path.format(lpu=_segment(lpu), ticket=_segment(ticket))
        method = (s.cancel_method or "DELETE").strip().upper()
        body = {"ReasonCode": reason_code, "Reason": text}
        answer = await self._send_once(
            method, path, params={}, token=bearer, json_body=body, what="cancellation"
        )
        _check_cancel_answer(answer)
        log.info("cancelled: lpu=%s ticket %s (HTTP %s)", lpu, ticket, answer.status)

    # -- transport -----------------------------------------------------------------------------

    def _auth(self, token: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token.strip()}"} if token else {}

    async def _fetch(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None,
        token: str | None,
        json_body: Any = None,
    ) -> Answer:
        """One request, its body read under the size cap (decompressed by us, bounded).

        ``json_body`` goes with any method, DELETE included (``build_request`` sends it where
        httpx's ``delete()`` shortcut would not).
        """
        request = self._http.build_request(
            method, path, params=params, headers=self._auth(token), json=json_body
        )
        try:
            # The read timeout restarts with every byte; a server that drips its answer is
            # stopped by this overall deadline instead of holding the desk for ever.
            async with asyncio.timeout(self.settings.total_deadline()):
                response = await self._http.send(request, stream=True)
                try:
                    content = await _read_capped(response, self.settings.max_answer_bytes)
                finally:
                    await response.aclose()
        except TimeoutError:
            raise httpx.ReadTimeout("overall deadline passed", request=request) from None
        return Answer(response.status_code, response.headers.get("content-type"), content)

    async def _send_once(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str],
        token: str | None,
        json_body: Any = None,
        what: str = "booking",
    ) -> Answer:
        """Send a non-idempotent request exactly once; classify every failure.

        ``json_body`` is never logged (a cancellation's reason is the operator's free text);
        only its keys are.
        """
        if json_body is None:
            log.info("%s %s %s", method, path, params)
        else:
            keys = sorted(json_body) if isinstance(json_body, dict) else type(json_body).__name__
            log.info("%s %s %s body keys %s", method, path, params, keys)
        try:
            answer = await self._fetch(
                method, path, params=params, token=token, json_body=json_body
            )
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise _not_delivered(exc) from None
        except httpx.UnsupportedProtocol as exc:
            raise NetworkError(f"unsupported URL: {type(exc).__name__}") from None
        except httpx.TransportError as exc:
            # The request left (or may have left) this PC: the booking may exist.
            log.warning("%s outcome unknown after %s: %s", what, type(exc).__name__, exc)
            raise OutcomeUnknown(f"no complete answer: {type(exc).__name__}") from None
        except _BodyProblem as exc:
            log.warning("%s answer %s unreadable: %s", what, exc.status, exc)
            raise exc.error(after_booking=True) from None
        log.info("-> HTTP %s (%d bytes)", answer.status, len(answer.content))
        return answer

    async def _get_json(self, path: str) -> Any:
        answer = await self._fetch_idempotent("GET", path, params=None, token=self._token)
        return self._json_or_raise(answer, after_booking=False)

    async def _fetch_idempotent(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None,
        token: str | None,
        json_body: Any = None,
    ) -> Answer:
        """A request that may be repeated: retried on transport errors and 502/503/504.

        Only the path and the parameter *names* are logged, never their values.
        """
        attempts = 1 + max(0, self.settings.get_retries)
        shown = f"{path} {sorted(params)}" if params else path
        last: ApiError | None = None
        for attempt in range(1, attempts + 1):
            log.info("%s %s (attempt %d)", method, shown, attempt)
            try:
                answer = await self._fetch(
                    method, path, params=params, token=token, json_body=json_body
                )
            except httpx.UnsupportedProtocol as exc:
                raise NetworkError(f"unsupported URL: {type(exc).__name__}") from None
            except httpx.TransportError as exc:
                last = _not_delivered(exc)
                if isinstance(last, CertificateError):
                    break  # retrying cannot fix a certificate
                log.warning(
                    "%s %s failed (%s), attempt %d", method, path, type(exc).__name__, attempt
                )
                continue
            except _BodyProblem as exc:
                raise exc.error(after_booking=False) from None
            if answer.status in (502, 503, 504) and attempt < attempts:
                log.warning("%s %s -> %s, retrying", method, path, answer.status)
                continue
            return answer
        assert last is not None
        raise last

    def _json_or_raise(self, answer: Answer, *, after_booking: bool) -> Any:
        status = answer.status
        if 200 <= status < 300:
            try:
                payload = _decode_json(answer.content, answer.content_type)
            except ValueError as exc:
                log.warning(
                    "unreadable %s answer: %s; body starts %r",
                    status,
                    exc,
                    _short_body(answer.content),
                )
                raise MalformedAnswer(
                    f"answer is not JSON: {exc}", after_booking=after_booking, status=status
                ) from None
            error = error_in_success(status, payload)
            if error is not None:
                log.warning("HTTP %s carries an error body (code %s)", status, error.message_code)
                raise error
            return payload
        raise error_from_response(status, answer.content, answer.content_type)


@dataclass(frozen=True)
class Answer:
    """A server's answer, read whole (within the cap)."""

    status: int
    content_type: str | None
    content: bytes


class _BodyProblem(Exception):
    """The body could not be read: broken encoding, or over the size cap."""

    def __init__(self, detail: str, *, status: int, too_large: bool) -> None:
        super().__init__(detail)
        self.status = status
        self.too_large = too_large

    def error(self, *, after_booking: bool) -> MalformedAnswer:
        kind = AnswerTooLarge if self.too_large else MalformedAnswer
        return kind(str(self), after_booking=after_booking, status=self.status)


async def _read_capped(response: httpx.Response, cap: int) -> bytes:
    """The decoded body, refusing to hold more than ``cap`` bytes (compressed or not).

    gzip and deflate are decompressed here with a bound on the output, so a small body that
    unpacks to hundreds of megabytes is stopped at the cap instead of filling the memory.
    """
    encoding = response.headers.get("content-encoding", "").strip().lower()
    decoder: Any = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = _DeflateDecoder()
    elif encoding not in ("", "identity"):
        # Anything else (br, zstd) goes through httpx's own decoder, still capped.
        out = bytearray()
        try:
            async for chunk in response.aiter_bytes():
                out += chunk
                if len(out) > cap:
                    raise _BodyProblem(
                        f"answer over {cap} bytes", status=response.status_code, too_large=True
                    )
        except httpx.DecodingError as exc:
            raise _BodyProblem(
                f"undecodable {encoding} body: {exc}", status=response.status_code, too_large=False
            ) from None
        return bytes(out)
    out = bytearray()
    async for chunk in response.aiter_raw():
        if decoder is None:
            out += chunk
        else:
            try:
                data = chunk
                while data:
                    out += decoder.decompress(data, cap + 1 - len(out))
                    if len(out) > cap:
                        break
                    data = decoder.unconsumed_tail
            except zlib.error as exc:
                raise _BodyProblem(
                    f"undecodable {encoding} body: {exc}",
                    status=response.status_code,
                    too_large=False,
                ) from None
        if len(out) > cap:
            raise _BodyProblem(
                f"answer over {cap} bytes", status=response.status_code, too_large=True
            )
    if decoder is not None:
        try:
            out += decoder.flush()
        except zlib.error as exc:
            raise _BodyProblem(
                f"undecodable {encoding} body: {exc}", status=response.status_code, too_large=False
            ) from None
        if out and not decoder.eof:
            raise _BodyProblem(
                f"{encoding} body cut off", status=response.status_code, too_large=False
            )
        if len(out) > cap:
            raise _BodyProblem(
                f"answer over {cap} bytes", status=response.status_code, too_large=True
            )
    return bytes(out)


class _DeflateDecoder:
    """``deflate`` as servers send it: zlib-wrapped, or (IIS) raw."""

    def __init__(self) -> None:
        self._obj = zlib.decompressobj()
        self._first = True

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._first:
            self._first = False
            try:
                return self._obj.decompress(data, max_length)
            except zlib.error:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._obj.decompress(data, max_length)

    @property
    def unconsumed_tail(self) -> bytes:
        return self._obj.unconsumed_tail

    @property
    def eof(self) -> bool:
        return self._obj.eof

    def flush(self) -> bytes:
        return self._obj.flush()


_CHARSET_RE = re.compile(r"(?i)charset\s*=\s*[\"']?([\w.:-]+)")


def _charset(content_type: str | None) -> str:
    """The declared charset (``windows-1251`` from .NET and 1C gateways), else UTF-8."""
    match = _CHARSET_RE.search(content_type or "")
    if match:
        name = match.group(1).lower()
        try:
            codecs.lookup(name)
        except LookupError:
            return "utf-8-sig"
        return "utf-8-sig" if name in ("utf-8", "utf8") else name
    return "utf-8-sig"


def _decode_json(content: bytes, content_type: str | None = None) -> Any:
    if not content.strip():
        raise ValueError("empty body")
    try:
        return json.loads(content.decode(_charset(content_type)))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(type(exc).__name__) from None


#: Keys a ticket carries; an object with none of them and an error's keys is an error body.
_TICKET_KEYS = frozenset(
    {"num", "ticketguid", "ticket_guid", "begintime", "doctorrole", "docfio", "room"}
)
_ERROR_KEYS = frozenset({"message", "messagecode", "message_code", "code", "error"})


def error_in_success(status: int, payload: Any) -> ApiError | None:
    """A 2xx whose body is the standard error object (some gateways answer errors with 200)."""
    if not isinstance(payload, dict):
        return None
    keys = {str(k).replace("_", "").lower() for k in payload}
    if keys & {k.replace("_", "") for k in _TICKET_KEYS}:
        return None
    if not keys & {"messagecode", "message"}:
        return None
    try:
        body = ErrorResponse.model_validate(payload)
    except (ValidationError, ValueError):
        return None
    code = body.message_code or ""
    refusal_code = len(code) == 4 and code[:1] in ("4", "5") and code.isdigit()
    if not (refusal_code or (body.code is not None and body.code >= 400)):
        # {"message": "An error has occurred."} or {"code": 200, "message": "OK"} in a 2xx
        # says nothing about the booking: it is not a clean refusal.
        return MalformedAnswer(
            "2xx answer with a message but no refusal code",
            after_booking=True,
            json_read=True,
            status=status,
            message_code=body.message_code,
            server_message=body.message,
        )
    return _error_for(status, body)


#: Keys that hold the token in an authorization answer (compared without ``_`` and casing).
_TOKEN_KEYS = ("token", "accesstoken", "lputoken")
#: Wrappers the token may be nested in.
_WRAPPER_KEYS = ("data", "result")
_PATIENT_KEYS = ("patient", "person", "pacient")


def _norm_key(key: object) -> str:
    return re.sub(r"[_\-\s]", "", str(key)).lower()


def _child(obj: dict[str, Any], name: str) -> Any:
    """``obj[name]`` with the key compared without casing and ``_``; None when absent."""
    wanted = _norm_key(name)
    for key, value in obj.items():
        if _norm_key(key) == wanted:
            return value
    return None


def _find_token(payload: Any, field_path: str) -> tuple[Any, dict[str, Any] | None]:
    """The token value and the object that held it (for the patient next to it)."""
    if not isinstance(payload, dict):
        return None, None
    if field_path:
        holder: Any = payload
        parts = field_path.split(".")
        for part in parts[:-1]:
            holder = _child(holder, part) if isinstance(holder, dict) else None
        if not isinstance(holder, dict):
            return None, None
        return _child(holder, parts[-1]), holder
    for key in _TOKEN_KEYS:
        value = _child(payload, key)
        if value is not None:
            return value, payload
    for wrapper in _WRAPPER_KEYS:
        inner = _child(payload, wrapper)
        if isinstance(inner, str):
            return inner, payload
        if isinstance(inner, dict):
            value, holder = _find_token(inner, "")
            if value is not None:
                return value, holder
    return None, None


def _text_token(value: str, status: int) -> str:
    """A token given as text: trimmed; a line with spaces inside or markup is not a token."""
    text = value.strip()
    if not text:
        raise MalformedAnswer("the answer holds no token", status=status)
    if any(ch.isspace() for ch in text) or text.startswith(("<", "{", "[")):
        raise MalformedAnswer("the answer is not a token", status=status)
    return clean_token(text)


def _date_or_none(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text) or None
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        dotted = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", text)
        if dotted:
            return date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
    except ValueError:
        return None
    return None


def _name_part(obj: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = _child(obj, name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _patient_from(holder: dict[str, Any] | None, payload: Any) -> PatientName | None:
    """What the answer says about the person (``patient`` next to the token, or at the top)."""
    for container in (holder, payload):
        if not isinstance(container, dict):
            continue
        for key in _PATIENT_KEYS:
            person = _child(container, key)
            if not isinstance(person, dict):
                continue
            surname = _name_part(person, "surname", "lastName", "familyName", "fam")
            if surname is None:
                continue
            return PatientName(
                surname,
                _name_part(person, "firstName", "name", "givenName", "im"),
                _name_part(person, "patronymic", "middleName", "ot"),
                _date_or_none(_child(person, "birthDate") or _child(person, "birthday")),
            )
    return None


def _token_from_answer(answer: Answer, field_path: str) -> tuple[str, PatientName | None]:
    """The token (and the person, if named) in an authorization answer; errors as usual."""
    status = answer.status
    if not 200 <= status < 300:
        raise error_from_response(status, answer.content, answer.content_type)
    content_type = (answer.content_type or "").lower()
    try:
        payload = _decode_json(answer.content, answer.content_type)
    except ValueError:
        if "html" in content_type:
            raise MalformedAnswer("an HTML page instead of a token", status=status) from None
        try:
            text = answer.content.decode(_charset(answer.content_type))
        except UnicodeDecodeError:
            raise MalformedAnswer("the answer is not text", status=status) from None
        return _text_token(text, status), None
    if isinstance(payload, str):
        return _text_token(payload, status), None
    error = error_in_success(status, payload)
    if error is not None and not isinstance(error, MalformedAnswer):
        log.warning("HTTP %s carries an error body (code %s)", status, error.message_code)
        raise error
    value, holder = _find_token(payload, field_path)
    if not isinstance(value, str):
        raise MalformedAnswer("the answer holds no token", json_read=True, status=status)
    return _text_token(value, status), _patient_from(holder, payload)


def _check_cancel_answer(answer: Answer) -> None:
    """A 2xx with an empty body or no error code is done; anything else raises."""
    status = answer.status
    if not 200 <= status < 300:
        raise error_from_response(status, answer.content, answer.content_type)
    if not answer.content.strip():
        return
    try:
        payload = _decode_json(answer.content, answer.content_type)
    except ValueError as exc:
        log.warning(
            "unreadable %s cancellation answer: %s; body starts %r",
            status,
            exc,
            _short_body(answer.content),
        )
        raise MalformedAnswer(
            f"cancellation answer is not JSON: {exc}", after_booking=True, status=status
        ) from None
    if not isinstance(payload, dict):
        return  # true, "OK", []: the server said yes in its own way
    try:
        body = ErrorResponse.model_validate(payload)
    except (ValidationError, ValueError):
        return
    code = body.message_code or ""
    if not code and body.code is not None and 1000 <= body.code <= 9999:
        code = str(body.code)  # {"code": 4022, ...}: the message code in the code field
    if len(code) == 4 and code.isdigit() and code[0] in "45":
        error = _error_for(status, body.model_copy(update={"message_code": code}))
        log.warning("HTTP %s cancellation answer carries code %s", status, code)
        raise error
    if body.code is not None and 400 <= body.code < 600:
        log.warning("HTTP %s cancellation answer carries code %s", status, body.code)
        raise _error_for(status, body)
    if body.message:
        log.info("cancellation answer: code %s", code or body.code)


def clean_token(raw: str | None) -> str:
    """A pasted token without whitespace or line breaks; refused if HTTP cannot carry it.

    Tokens (JWTs and opaque ones) never contain whitespace, so a token pasted across lines or
    with a trailing newline is joined. Control characters or letters outside Latin-1 (a
    Cyrillic letter typed into the field) cannot go into a header: nothing is sent.
    """
    token = "".join((raw or "").split())
    if not token:
        raise InvalidRequestError("no token", field="token")
    if not all(33 <= ord(ch) < 127 for ch in token):
        raise UnsendableToken("token holds characters a header cannot carry (unsendable)")
    return token


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
        data = _decode_json(content, content_type)
        if isinstance(data, dict):
            body = ErrorResponse.model_validate(data)
    except (ValueError, ValidationError):
        log.info("error answer %s is not a standard body (%s)", status, content_type)
    return _error_for(status, body)


def _error_for(status: int, body: ErrorResponse) -> ApiError:
    code = body.message_code
    kwargs: dict[str, Any] = {
        "status": status,
        "message_code": code,
        "server_message": body.message,
    }
    family = code[0] if code and code[:1].isdigit() and len(code) == 4 else None
    if 200 <= status < 300:
        if family == "5":
            return CredentialsRefused("credentials refused (in a 2xx answer)", **kwargs)
        if family == "4":
            return BookingRejected("rejected by the registry (in a 2xx answer)", **kwargs)
        return RequestFailed("error body in a 2xx answer", **kwargs)
    if status in (401, 403) or (family == "5" and status < 500):
        return CredentialsRefused("credentials refused", **kwargs)
    if status == 404:
        return NotFound("not found", **kwargs)
    if status == 400 or (family == "4" and status >= 400):
        return BookingRejected("rejected by the registry", **kwargs)
    if status >= 500:
        return ServiceUnavailable("server unavailable", **kwargs)
    if 300 <= status < 400:
        return RequestFailed("unexpected redirect", **kwargs)
    return RequestFailed("request refused", **kwargs)


def parse_model(
    model: type[ModelT],
    payload: Any,
    *,
    after_booking: bool = False,
    context: dict[str, Any] | None = None,
    status: int | None = None,
) -> ModelT:
    """Validate a decoded JSON value into ``model``; only ``MalformedAnswer`` escapes."""
    if not isinstance(payload, dict):
        raise MalformedAnswer(
            f"expected an object, got {type(payload).__name__}",
            after_booking=after_booking,
            json_read=True,
            status=status,
        )
    try:
        return model.model_validate(payload, context=context)
    except (ValidationError, ValueError, TypeError, RecursionError) as exc:
        log.warning("answer does not fit %s: %s", model.__name__, exc)
        raise MalformedAnswer(
            f"answer does not fit {model.__name__}",
            after_booking=after_booking,
            json_read=True,
            status=status,
        ) from None


def parse_list(
    model: type[ModelT], payload: Any, *, context: dict[str, Any] | None = None
) -> list[ModelT]:
    """A JSON array of ``model``; a wrapper object with one list field is unwrapped."""
    if isinstance(payload, dict):
        lists = [v for v in payload.values() if isinstance(v, list)]
        if len(lists) == 1:
            payload = lists[0]
    if not isinstance(payload, list):
        raise MalformedAnswer(f"expected a list, got {type(payload).__name__}")
    return [parse_model(model, item, context=context) for item in payload]


def parse_ticket(content: bytes) -> TicketVisitWithLpu:
    """Parse raw booking-answer bytes; raises only ``MalformedAnswer`` (used by tests, tools)."""
    try:
        payload = _decode_json(content)
    except ValueError as exc:
        raise MalformedAnswer(f"answer is not JSON: {exc}", after_booking=True) from None
    return parse_model(TicketVisitWithLpu, payload, after_booking=True)
