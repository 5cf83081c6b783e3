"""Wire models of the registry API, lenient at the boundary.

The vendor documents field tables in PascalCase but sends camelCase JSON; some servers answer
with other casings, numbers as strings, missing or extra fields. Every model here therefore
accepts any casing of a key, ignores unknown fields and tolerates missing optional ones, so that
a surprising but plausible answer never crashes the app (CONTRACT.md sections 1-3).
"""

from __future__ import annotations

import logging
import re
import reprlib
from contextvars import ContextVar
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel

log = logging.getLogger("desktop_app.api.models")

#: The registry's wall clock when the server sends a time without an offset and the caller gave
#: no ``server_tz`` in the validation context (Moscow time, where the vendor's servers run).
DEFAULT_SERVER_TZ: tzinfo = timezone(timedelta(hours=3))

#: True while a model re-validates after dropping fields: nested models already warned once.
_quiet: ContextVar[bool] = ContextVar("desktop_app_api_models_quiet", default=False)

_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlevel = 2
_short.maxdict = 4
_short.maxlist = 4
_short.maxlong = 40


def short_repr(value: Any, limit: int = 80) -> str:
    """A repr fit for a log line: never the whole payload, at most ``limit`` characters."""
    try:
        text = _short.repr(value)
    except Exception:  # a broken __repr__ must not break parsing
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _key_token(key: str) -> str:
    """Normalise a JSON key so ``message_code``, ``messageCode``, ``Message_code`` all match."""
    return re.sub(r"[_\-\s]", "", key).lower()


def _server_tz(info: ValidationInfo) -> tzinfo:
    """``server_tz`` from the validation context (a tzinfo or an IANA name), else the default."""
    context = info.context if isinstance(info.context, dict) else None
    zone = context.get("server_tz") if context else None
    if isinstance(zone, tzinfo):
        return zone
    if isinstance(zone, str) and zone.strip():
        try:
            return ZoneInfo(zone.strip())
        except (ValueError, OSError):
            log.warning("unknown server_tz %s; using %s", short_repr(zone), DEFAULT_SERVER_TZ)
    return DEFAULT_SERVER_TZ


class WireModel(BaseModel):
    """Base for every API model: reads any key casing, writes camelCase, never fails on a field.

    Leniency is generic (``_lenient``): a field whose value cannot be read is dropped — it takes
    its default (None, ``[]``) — with one warning naming the model, the field and a short repr of
    the value. A nested model that is wholly unreadable (``lpu: 5``) is such a field too. Only an
    input that is not an object at all still fails (the client turns that into MalformedAnswer).

    After validation every naive datetime of the model becomes aware: it takes the offset of the
    first aware datetime field of the same model (declaration order, so ``begin_time`` before
    ``end_time`` before ``date_of_appointment``), else the server zone (``server_tz`` in the
    validation context, else ``DEFAULT_SERVER_TZ``). Aware values are never converted.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="ignore",
        frozen=True,
        # The validators are built on a model's first use (the first answer read), not at
        # import: ~15 ms off the start-up before the window paints (bench/bench_startup.py).
        defer_build=True,
    )

    @classmethod
    def _field_for_key(cls) -> dict[str, str]:
        lookup = {_key_token(name): name for name in cls.model_fields}
        for name, field in cls.model_fields.items():
            for alias in (field.alias, field.validation_alias):
                if isinstance(alias, str):
                    lookup.setdefault(_key_token(alias), name)
                elif isinstance(alias, AliasChoices):
                    for choice in alias.choices:
                        if isinstance(choice, str):
                            lookup.setdefault(_key_token(choice), name)
        return lookup

    @classmethod
    def _normalise_keys(cls, data: dict[Any, Any]) -> dict[str, Any]:
        """Map keys of any casing onto our field names; drop unknown keys."""
        lookup = cls._field_for_key()
        out: dict[str, Any] = {}
        for key, value in data.items():
            if not isinstance(key, str):
                continue
            target = lookup.get(_key_token(key))
            if target is None:
                continue
            # First spelling wins, but a real value beats an explicit null of another casing.
            if target not in out or out[target] is None:
                out[target] = value
        return out

    @model_validator(mode="wrap")
    @classmethod
    def _lenient(
        cls, data: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        if not isinstance(data, dict):
            return handler(data)  # a model instance passes; anything else fails as before
        data = cls._normalise_keys(data)
        lookup = cls._field_for_key()
        model = None
        retry = False
        while model is None:  # each failed round drops at least one field, so this ends
            # Nested models warned in the first round; re-validating them must not warn again.
            token = _quiet.set(True) if retry else None
            bad: dict[str, str] = {}
            try:
                model = handler(data)
            except ValidationError as exc:
                for error in exc.errors(include_url=False, include_input=False):
                    loc = error.get("loc") or ()
                    name = lookup.get(_key_token(str(loc[0]))) if loc else None
                    if name is None or name not in data or cls.model_fields[name].is_required():
                        raise  # not an optional field we can drop: let the caller see it
                    bad.setdefault(name, str(error.get("msg", "")))
            finally:
                if token is not None:
                    _quiet.reset(token)
            for name, msg in bad.items():
                if not _quiet.get():
                    log.warning(
                        "%s.%s: unreadable value %s dropped (%s)",
                        cls.__name__,
                        name,
                        short_repr(data[name]),
                        short_repr(msg, 60),
                    )
                del data[name]
            retry = True
        if isinstance(model, WireModel):
            model._make_times_aware(_server_tz(info))
        return model

    def _make_times_aware(self, server_tz: tzinfo) -> None:
        values = {name: getattr(self, name, None) for name in type(self).model_fields}
        times = {k: v for k, v in values.items() if isinstance(v, datetime)}
        naive = [k for k, v in times.items() if v.tzinfo is None or v.utcoffset() is None]
        if not naive:
            return
        donor = next(
            (v.tzinfo for k, v in times.items() if k not in naive and v.tzinfo is not None),
            server_tz,
        )
        for name in naive:
            # The model is frozen; this runs inside validation, before anyone holds it.
            object.__setattr__(self, name, times[name].replace(tzinfo=donor))


def _none_if_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


#: .NET JSON dates: ``/Date(1700000000000+0300)/`` (ms since the epoch, UTC; optional offset
#: that says in which zone to show it); the slashes may arrive escaped.
_DOTNET_DATE = re.compile(r"^\\?/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)\\?/$", re.IGNORECASE)
#: .NET ``DateTime.MinValue`` and friends: "no date" rather than a date.
_MIN_DATE = re.compile(r"^0*1-0?1-0?1(?:$|[T\s])")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _parse_dotnet_date(match: re.Match[str]) -> datetime:
    millis = int(match.group(1))
    zone: tzinfo = UTC
    if match.group(2):
        minutes = int(match.group(3)) * 60 + int(match.group(4))
        if minutes >= 24 * 60:
            raise ValueError("offset out of range")
        zone = timezone(timedelta(minutes=-minutes if match.group(2) == "-" else minutes))
    try:
        return (_EPOCH + timedelta(milliseconds=millis)).astimezone(zone)
    except (OverflowError, ValueError):
        raise ValueError("date out of range") from None


def _parse_datetime(value: Any) -> datetime | None:
    """ISO 8601 with or without offset/fraction/``Z``, ``yyyy-MM-dd HH:mm:ss.fff``, a date alone,
    or ``/Date(ms±hhmm)/``. ``0001-01-01…`` (.NET's "no value") is None; any other year up to
    1900 is a placeholder too and is refused, so the generic leniency drops it with a warning.
    """
    value = _none_if_blank(value)
    if value is None:
        return None
    parsed: datetime | None = None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        text = value.strip()
        if _MIN_DATE.match(text):
            return None
        match = _DOTNET_DATE.match(text)
        if match:
            parsed = _parse_dotnet_date(match)
        else:
            text = text.replace(" ", "T", 1)
            if text.endswith(("Z", "z")):
                text = text[:-1] + "+00:00"
            # Python 3.11 accepts 1-6 fractional digits; .NET may send 7.
            text = re.sub(r"(\.\d{6})\d+", r"\1", text)
            try:
                parsed = datetime.fromisoformat(text)
            except ValueError:
                parsed = None
    if parsed is None:
        raise ValueError(f"not a date-time: {short_repr(value, 40)}")
    if parsed.year <= 1900:
        if (parsed.year, parsed.month, parsed.day) == (1, 1, 1):
            return None
        raise ValueError(f"placeholder date {parsed.date().isoformat()}")
    return parsed


#: A number followed by a unit or a word with no further digits: ``12ms``, ``2 этаж``.
_LEADING_INT = re.compile(r"^\s*([+-]?\d+)(?:[.,]\d+)?\s*[^\d]*$")


def _parse_int(value: Any) -> int | None:
    """An int from a number or text; ``"12ms"`` and ``"2 этаж"`` give their leading number."""
    value = _none_if_blank(value)
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("boolean is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("not a finite number")
        return round(value)
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            return round(float(text))
        except (ValueError, OverflowError):
            pass
        match = _LEADING_INT.match(value)
        if match and len(match.group(1)) <= 18:
            return int(match.group(1))
    raise ValueError(f"not a number: {short_repr(value, 40)}")


def _as_text(value: Any) -> str | None:
    """Strings stay strings; numbers (a numeric room, ``num: 12``) become text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value
    raise ValueError(f"not text: {type(value).__name__}")


class ClinicStatus(WireModel):
    """``LpuWithStatus.status``: is the clinic's own system reachable, and how fast."""

    name: str | None = None
    last_change_time: datetime | None = None
    ping: int | None = None

    _dt = field_validator("last_change_time", mode="before")(_parse_datetime)
    _ping = field_validator("ping", mode="before")(_parse_int)

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        return _as_text(value)

    @property
    def is_online(self) -> bool | None:
        """True/False for the documented names; None for anything else (shown as unknown)."""
        if self.name is None:
            return None
        norm = self.name.strip().lower()
        if norm == "online":
            return True
        if norm == "offline":
            return False
        return None


class Clinic(WireModel):
    """``LpuWithStatus``: a clinic (ЛПУ) with its current status."""

    guid: str | None = None
    name: str | None = None
    full_name: str | None = None
    fer_name: str | None = None
    address: str | None = None
    phone: str | None = None
    type: list[str] = Field(default_factory=list)
    mcod: str | None = None
    fcod: str | None = None
    st_lpu: bool | None = None
    host_id: int | None = Field(
        default=None, validation_alias=AliasChoices("hostID", "hostId", "host_id")
    )
    is_children_polyclinic: bool | None = None
    is_call_doctor: bool | None = None
    is_waiting_list: bool | None = None
    is_disp: bool | None = None
    is_active: bool | None = None
    status: ClinicStatus | None = None

    @field_validator(
        "guid", "name", "full_name", "fer_name", "address", "phone", "mcod", "fcod", mode="before"
    )
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)

    @field_validator("host_id", mode="before")
    @classmethod
    def _host(cls, value: Any) -> Any:
        return _parse_int(value)

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [str(v) for v in value if v is not None]
        raise ValueError("type must be a list of strings")

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> Any:
        # Some servers may send the bare status name.
        if isinstance(value, str):
            return {"name": value}
        return value

    @property
    def display_name(self) -> str:
        return self.fer_name or self.name or self.full_name or self.guid or "—"


class BusyType(WireModel):
    """``DocBusyType``: the kind of visit. Accepts an object, a bare int or a bare string.

    ``code`` is text: servers send numbers (``4``, ``322``) or letters (``"ПП"``); a number
    becomes its text. ``type`` is the numeric kind some servers add next to the code.
    """

    code: str | None = None
    name: str | None = None
    type: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _scalar(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError("busy type cannot be a boolean")
        if isinstance(data, int | float):
            return {"code": data}
        if isinstance(data, str):
            text = data.strip()
            return {"code": text} if text.isdigit() else {"name": text}
        return data

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> Any:
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError("not a finite number")
            if value.is_integer():
                value = int(value)
        text = _as_text(_none_if_blank(value))
        return text.strip() if text else None

    _type = field_validator("type", mode="before")(_parse_int)

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        return _as_text(value)

    def describe(self) -> str:
        """The name when there is one; else the known name of the code, else ``код X``."""
        if self.name and self.name.strip():
            return self.name.strip()
        if self.code:
            return KNOWN_BUSY_TYPES.get(self.code, f"код {self.code}")
        return "—"


#: Busy-type codes documented by the vendor; used when a server sends only the code.
KNOWN_BUSY_TYPES: dict[str, str] = {
    "322": "ТМК врач-врач",
    "323": "ТМК консилиум",
}


class DocumentHistory(WireModel):
    """One entry of a ticket's history; its page is not public, so everything is optional."""

    date: datetime | None = None
    action: str | None = None
    login: str | None = None
    source: str | None = None

    _date = field_validator("date", mode="before")(_parse_datetime)

    @field_validator("action", "login", "source", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)


class TicketVisit(WireModel):
    """``TicketVisit``: a booked visit. Every field may be absent (``fullResponse=false``)."""

    ticket_guid: str | None = None
    time_table_guid: str | None = None
    doc_fio: str | None = None
    doc_guid: str | None = None
    doctor_role: str | None = None
    speciality: str | None = None
    begin_time: datetime | None = None
    end_time: datetime | None = None
    date_of_appointment: datetime | None = None
    plan_count: int | None = None
    used_count: int | None = None
    source: int | None = None
    login: str | None = None
    source_name: str | None = None
    disp_exam_guid: str | None = None
    history: list[DocumentHistory] = Field(default_factory=list)
    num: str | None = None
    uchastok_num: str | None = None
    room: str | None = None
    flat: int | None = None
    busy_type: BusyType | None = None

    @field_validator(
        "ticket_guid",
        "time_table_guid",
        "doc_fio",
        "doc_guid",
        "doctor_role",
        "speciality",
        "login",
        "source_name",
        "disp_exam_guid",
        "num",
        "uchastok_num",
        "room",
        mode="before",
    )
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)

    _dt = field_validator("begin_time", "end_time", "date_of_appointment", mode="before")(
        _parse_datetime
    )
    _int = field_validator("plan_count", "used_count", "source", "flat", mode="before")(_parse_int)

    @field_validator("history", mode="before")
    @classmethod
    def _history(cls, value: Any) -> Any:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValueError("history must be a list")
        return [item for item in value if isinstance(item, dict)]

    @field_validator("busy_type", mode="before")
    @classmethod
    def _busy(cls, value: Any) -> Any:
        return _none_if_blank(value)


class TicketVisitWithLpu(TicketVisit):
    """``TicketVisitWithLpu``: the booking answer, a ticket plus the clinic with its status."""

    lpu: Clinic | None = None


class Resource(WireModel):
    """A bookable resource of a clinic: a doctor or a room (directory call, CONTRACT §4)."""

    guid: str | None = None
    fio: str | None = None
    speciality: str | None = None
    speciality_code: str | None = None
    doctor_role: str | None = None
    room: str | None = None
    flat: int | None = None
    res_type: str | None = None

    @field_validator(
        "guid",
        "fio",
        "speciality",
        "speciality_code",
        "doctor_role",
        "room",
        "res_type",
        mode="before",
    )
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)

    _flat = field_validator("flat", mode="before")(_parse_int)

    @property
    def display_name(self) -> str:
        return self.fio or self.doctor_role or self.speciality or self.guid or "—"


class ErrorResponse(WireModel):
    """The documented ``ExceptionResponse``: ``Code``, ``Message``, ``Message_code``."""

    code: int | None = None
    message: str | None = None
    message_code: str | None = None

    _code = field_validator("code", mode="before")(_parse_int)

    @field_validator("message", mode="before")
    @classmethod
    def _message(cls, value: Any) -> Any:
        return _as_text(value)

    @field_validator("message_code", mode="before")
    @classmethod
    def _message_code(cls, value: Any) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = _as_text(value)
        return text.strip() if text else None


def format_path_date(day: date, at: time | None, datetime_format: str = "iso") -> str:
    """The ``{date}`` path segment: a day alone, or a day and time in the configured form.

    ``iso`` gives ``yyyy-MM-ddTHH:mm:ss``; ``space-millis`` gives ``yyyy-MM-dd HH:mm:ss.fff``
    (the two forms the vendor documents; the real server's choice is unknown, so it is a setting).
    """
    if at is None:
        return day.isoformat()
    moment = datetime.combine(day, at.replace(tzinfo=None))
    if datetime_format == "space-millis":
        return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"
    return moment.strftime("%Y-%m-%dT%H:%M:%S")
