"""Wire models of the registry API, lenient at the boundary.

The vendor documents field tables in PascalCase but sends camelCase JSON; some servers answer
with other casings, numbers as strings, missing or extra fields. Every model here therefore
accepts any casing of a key, ignores unknown fields and tolerates missing optional ones, so that
a surprising but plausible answer never crashes the app (CONTRACT.md sections 1-3).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel


def _key_token(key: str) -> str:
    """Normalise a JSON key so ``message_code``, ``messageCode``, ``Message_code`` all match."""
    return re.sub(r"[_\-\s]", "", key).lower()


class WireModel(BaseModel):
    """Base for every API model: reads any key casing, writes camelCase."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="ignore",
        frozen=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _normalise_keys(cls, data: Any) -> Any:
        """Map keys of any casing onto our field names; leave unknown keys for pydantic to drop."""
        if not isinstance(data, dict):
            return data
        lookup = {_key_token(name): name for name in cls.model_fields}
        for name, field in cls.model_fields.items():
            if field.alias:
                lookup.setdefault(_key_token(field.alias), name)
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


def _none_if_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _parse_datetime(value: Any) -> datetime | None:
    """ISO 8601 with or without offset/milliseconds, or ``yyyy-MM-dd HH:mm:ss.fff``."""
    value = _none_if_blank(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        text = value.strip().replace(" ", "T", 1)
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        # Python 3.11 accepts 1-6 fractional digits; .NET may send 7.
        text = re.sub(r"(\.\d{6})\d+", r"\1", text)
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"not a date-time: {value!r}")


def _parse_int(value: Any) -> int | None:
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
    raise ValueError(f"not a number: {value!r}")


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
    """``DocBusyType``: the kind of visit. Accepts an object, a bare int or a bare string."""

    code: int | None = None
    name: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _scalar(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError("busy type cannot be a boolean")
        if isinstance(data, int):
            return {"code": data}
        if isinstance(data, str):
            text = data.strip()
            return {"code": int(text)} if text.isdigit() else {"name": text}
        return data

    _code = field_validator("code", mode="before")(_parse_int)

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        return _as_text(value)

    def describe(self) -> str:
        if self.name and self.code is not None:
            return f"{self.name} ({self.code})"
        if self.name:
            return self.name
        if self.code is not None:
            return KNOWN_BUSY_TYPES.get(self.code, f"код {self.code}")
        return "—"


#: Busy-type codes documented by the vendor; used when a server sends only the number.
KNOWN_BUSY_TYPES: dict[int, str] = {
    322: "ТМК врач-врач",
    323: "ТМК консилиум",
}


class DocumentHistory(WireModel):
    """One entry of a ticket's history; its page is not public, so everything is optional."""

    date: datetime | None = None
    action: str | None = None
    login: str | None = None
    source: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        try:
            return _parse_datetime(value)
        except ValueError:
            return None

    @field_validator("action", "login", "source", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        if isinstance(value, dict | list):
            return None
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
    _int = field_validator("plan_count", "used_count", "source", "flat", mode="before")(
        _parse_int
    )

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
        "guid", "fio", "speciality", "speciality_code", "doctor_role", "room", "res_type",
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
