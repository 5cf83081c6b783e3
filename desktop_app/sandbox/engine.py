"""The sandbox engine: state (bookings, clinic statuses, request log) and the booking checks.

This module knows nothing about HTTP; ``app.py`` maps it onto routes and ``wire.py`` renders its
answers in whichever variant the config asks for.

Decisions (contract section 5 leaves them to us):

* **Channels and the self-booking rule (4007, message 1).** A token carries a ``channel``:
  ``internet`` (patient portal), ``infomat`` (kiosk), ``registry`` (reception desk) or
  ``callcenter``. The rule "self-booking forbidden" is about booking *by oneself*, so it applies
  only to ``internet`` and ``infomat`` tokens. A token issued without a channel gets the
  patient's own ``token_channel`` if the roster gives one, else ``config.default_channel``,
  which is ``registry`` (training is the desk: tickets say "Регистратура"). The barred patient
  carries ``internet`` (his token is from the portal), so he reaches 4007 in the default flow;
  issue a ``registry`` token to show that the desk can still book him.
* **Time.** All clinics are in Moscow time (+03:00). Date-times in the path without an offset are
  clinic-local. ``clock`` must return an aware datetime (a naive one is taken as Moscow time).
* **Out-of-schedule.** An explicit time may lie outside the doctor's hours (that is what
  "вне расписания" means); a date-only request is placed at the first free slot of the doctor's
  hours that day, not earlier than now when the day is today. Doctors work every day.
* **4008** looks at the patient's active (not yet begun) bookings with the same speciality code in
  *any* sandbox clinic; the message names the earliest one.
* **4009**: an explicit time overlapping a booking of the same resource, or a date-only request on
  a day with no free slot left (e.g. after the doctor's hours today).
* **Age** is counted in full years on today's date (the clock's).
* **Ticket numbers** (``num``) are a per-resource-per-day counter, "1", "2", …, never reused
  within a day (like a paper queue), reset by ``reset()``.
* **Pre-seeded bookings** (made at construction and by every ``reset()``): patient ``booked`` has
  a visit to the main clinic's therapist 1 the day after tomorrow at 09:00 (so 4008 is reachable
  at once), and the one-hour urologist of the main clinic is fully booked tomorrow by patients
  outside the roster (so 4009 "no room left" is reachable at once). They are marked
  ``preseeded=True`` in ``sb.bookings``.
* **One patient back to the start.** ``reset_patient(id)`` removes that patient's bookings and
  makes their pre-seeded ones again (relative to now), leaving everybody else's alone: training
  calls it when an exercise starts, so a booking from an earlier try cannot get in the way.
* **Patient lookup** (the authorization service's patient-token call). A patient is found by
  policy number (spaces and dashes ignored) *and* birth date, or by surname (case and ``ё``/``е``
  ignored) *and* birth date; the token is the one ``issue_token(patient_id)`` gives. Nobody
  found: 404/4041; several cards (the twins, by surname): 400/4042; a missing or malformed
  policy, surname or birth date: 400/4036. The clinic GUID is not needed to find the patient,
  but one the sandbox does not know is 404/4040.
* **Cancellation.** Only the token of the booking's patient may cancel it (another's: 403/5009);
  a visit whose time has passed (sandbox clock) is 400/4021; an already cancelled one is
  400/4022 (cancelled bookings are kept apart in ``cancelled``, so a second cancel is not a
  404); an unknown ticket is 404/4040; the clinic Offline is 503/5030. A cancelled booking no
  longer counts (4008, its slot is free again); its ticket number is not reused.
* **Directory.** ``Sandbox.with_directory(clinics, resources)`` adds a generated directory
  (``bigdata.generate_directory``) to the standard data set; its resources work every day
  08:00-20:00 with 15-minute slots and have no age or dispensary rules.
"""

from __future__ import annotations

import random
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop_app.text import stamp

from . import data as ds
from .bigdata import add_directory
from .config import SELF_BOOKING_CHANNELS, SandboxConfig
from .tokens import InvalidToken, TokenClaims, decode_token, encode_token

__all__ = [
    "NIL_GUID",
    "Booking",
    "ClinicStatus",
    "Landmarks",
    "RequestRecord",
    "Sandbox",
    "SandboxError",
    "VisitDate",
    "parse_guid",
    "parse_visit_date",
]

NIL_GUID = "00000000-0000-0000-0000-000000000000"

# --- Messages (exact texts of the seed where the seed has them) ---------------------------------
MSG_5009 = "Подпись запроса некорректна"
MSG_4036 = "Время и гвид врача или гвид ячейки расписания не должны быть пустыми"
MSG_4005 = "Вы пытаетесь записаться в детское учреждение. Запись пациентов старше 18 лет запрещена."
MSG_4007_SELF = (
    "Вам запрещена самостоятельная запись на прием через интернет или инфомат. Для записи на "
    "прием обратитесь в регистратуру медицинского учреждения лично или по телефону."
)
MSG_4007_DISP = "Вы не состоите на диспансерном учете у данного специалиста. Запись невозможна."
MSG_4008 = (
    "Вы уже записаны {fio} на {time}. Запрещено иметь более одной активной записи на прием на "
    "одну специальность."
)
MSG_4029 = (
    "Запись недоступна для данной возрастной группы. Сотрудниками МО было установлено "
    "ограничение по возрасту при записи на прием."
)
MSG_4009 = "Это время уже занято. Выберите другое свободное время приема."
# sandbox-only codes and texts (the seed documents none for these cases)
CODE_NOT_FOUND = "4040"
MSG_CLINIC_NOT_FOUND = "Медицинская организация не найдена."
MSG_RESOURCE_NOT_FOUND = "Врач или кабинет не найден в указанной медицинской организации."
CODE_OFFLINE = "5030"
MSG_OFFLINE = (
    "Информационная система медицинской организации временно недоступна. "
    "Запись невозможна, попробуйте позже."
)
CODE_PAST = "4090"
MSG_PAST = "Нельзя записаться на прошедшие дату или время. Выберите другое время приема."
# patient lookup (authorization service) and cancellation
CODE_PATIENT_NOT_FOUND = "4041"
MSG_PATIENT_NOT_FOUND = "Пациент не найден. Проверьте номер полиса (или фамилию) и дату рождения."
CODE_SEVERAL_CARDS = "4042"
MSG_SEVERAL_CARDS = (
    "Найдено несколько карт пациента с такими данными. Уточните поиск по номеру полиса."
)
MSG_LOOKUP_FORMAT = "Укажите дату рождения и номер полиса (16 цифр) или фамилию пациента."
CODE_VISIT_PASSED = "4021"
MSG_VISIT_PASSED = "Время приема уже прошло. Отменить запись нельзя."
CODE_VISIT_INACTIVE = "4022"
MSG_VISIT_INACTIVE = "Запись не активна: она уже отменена."
MSG_TICKET_NOT_FOUND = "Запись на прием не найдена."
MSG_CANCEL_FORMAT = "Гвид записи и код причины отмены (ReasonCode) не должны быть пустыми."
CODE_CANCELLED = "2000"
MSG_CANCELLED = "Запись на прием отменена."

#: channel -> (source, sourceName, login) written into the ticket
CHANNELS: dict[str, tuple[int, str, str]] = {
    "registry": (1, "Регистратура", "registry"),
    "internet": (2, "Интернет-портал", "portal"),
    "infomat": (3, "Инфомат", "infomat"),
    "callcenter": (4, "Колл-центр", "callcenter"),
}


class SandboxError(Exception):
    """An error answer: HTTP status, 4-digit message code and the Russian message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status}/{code}: {message}")
        self.status = status
        self.code = code
        self.message = message


@dataclass(slots=True)
class RequestRecord:
    """One request the sandbox saw. ``status`` is filled in when the answer starts."""

    method: str
    path: str  # as received, prefix included
    query: dict[str, str]
    time: datetime
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    status: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["time"] = self.time.isoformat()
        return out


@dataclass(slots=True)
class Booking:
    """A booking held by the sandbox."""

    ticket_guid: str
    time_table_guid: str
    patient_id: str
    lpu_guid: str
    resource_guid: str
    speciality_code: str
    begin: datetime
    end: datetime
    num: str
    created: datetime
    channel: str
    preseeded: bool = False
    #: Set when the booking is cancelled (it then moves from ``bookings`` to ``cancelled``).
    cancelled_at: datetime | None = None
    cancel_reason_code: int | None = None
    cancel_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for name in ("begin", "end", "created", "cancelled_at"):
            value = getattr(self, name)
            out[name] = value.isoformat() if value is not None else None
        return out


@dataclass(slots=True)
class ClinicStatus:
    name: str
    last_change: datetime
    ping: int | None


@dataclass(frozen=True, slots=True)
class Landmarks:
    """GUIDs of the clinics and resources every training scenario starts from."""

    main_clinic: str
    children_clinic: str
    offline_clinic: str
    high_ping_clinic: str
    therapist: str  # main clinic; patient "booked" already has a visit here
    dispensary_doctor: str  # main clinic cardiologist, dispensary patients only
    geriatrician: str  # main clinic, 60+
    adults_only_doctor: str  # main clinic neurologist, 18+
    full_day_doctor: str  # main clinic urologist, one hour a day, tomorrow full
    procedure_room: str  # main clinic, resType "room"
    pediatrician: str  # children's clinic
    teen_doctor: str  # children's clinic, 14-17

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class VisitDate:
    """The ``{date}`` path segment: a day, and a time when the client chose one."""

    day: date
    at: time | None = None


def parse_guid(text: str | None) -> str | None:
    """Canonical lower-case GUID, or None when ``text`` is not a GUID."""
    if not text:
        return None
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        return None


_VISIT_DATE = re.compile(
    r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[T ](?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.(?P<fraction>[0-9]{1,7}))?)?"
)


def parse_visit_date(text: str | None) -> VisitDate | None:
    """Parse ``yyyy-MM-dd``, ``yyyy-MM-ddTHH:mm:ss`` or ``yyyy-MM-dd HH:mm:ss[.fff]``.

    Returns None for anything else (the engine answers 4036). Up to seven fraction digits are
    accepted (.NET's widest), an offset is not: the documented forms have none.
    """
    match = _VISIT_DATE.fullmatch(text.strip()) if text else None
    if match is None:
        return None
    try:
        day = date.fromisoformat(match["day"])
        if match["time"] is None:
            return VisitDate(day)
        at = time.fromisoformat(match["time"])
    except ValueError:
        return None
    micro = int((match["fraction"] or "0").ljust(7, "0")[:6])
    return VisitDate(day, at.replace(microsecond=micro))


def _fold(text: str | None) -> str:
    """A surname compared as the desk compares it: case, ``ё``/``е`` and spacing ignored."""
    return " ".join((text or "").split()).casefold().replace("ё", "е")


def _default_clock() -> datetime:
    return datetime.now(ds.MSK)


class Sandbox:
    """A faithful, resettable simulator of the registry API's state and checks.

    Thread-safe: the uvicorn thread books while a test thread reads ``bookings``/``requests``.
    ``config`` may be changed at any time; ``seed`` is read only when the sandbox is built.
    """

    def __init__(
        self,
        config: SandboxConfig | None = None,
        clock: Callable[[], datetime] | None = None,
        *,
        directory: tuple[list[dict[str, Any]], list[dict[str, Any]]] | None = None,
        include_standard: bool = True,
    ) -> None:
        self.config = config if config is not None else SandboxConfig()
        self._clock = clock or _default_clock
        self._lock = threading.RLock()
        self._data = (
            ds.build_standard_dataset(self.config.seed)
            if include_standard
            else ds.DataSet(patients={p.id: p for p in ds.PATIENTS})
        )
        if directory is not None:
            add_directory(self._data, *directory)
        self.requests: list[RequestRecord] = []
        self.bookings: list[Booking] = []
        #: Cancelled bookings, oldest cancellation first (no longer held: not in ``bookings``).
        self.cancelled: list[Booking] = []
        #: Issues the token of a patient found by ``lookup_token`` (default: ``issue_token``).
        #: Training points it at its desk, so a trap on the next token works for lookups too.
        self.lookup_issuer: Callable[[str], str] | None = None
        self._status: dict[str, ClinicStatus] = {}
        self._counters: dict[tuple[str, date], int] = {}
        self._rng = random.Random()
        self.reset()

    @classmethod
    def with_directory(
        cls,
        clinics: list[dict[str, Any]],
        resources: list[dict[str, Any]],
        config: SandboxConfig | None = None,
        clock: Callable[[], datetime] | None = None,
        *,
        include_standard: bool = True,
    ) -> Sandbox:
        """A sandbox serving a (large) generated directory in addition to the standard one.

        ``resources`` are wire dicts that also carry ``lpuGuid`` (as ``generate_directory``
        makes them). With ``include_standard=False`` only the given directory is served (the
        patient roster is always there, the pre-seeded bookings are not).
        """
        return cls(config, clock, directory=(clinics, resources), include_standard=include_standard)

    # --- time ---------------------------------------------------------------------------------

    def now(self) -> datetime:
        """The clock's "now", in Moscow time."""
        current = self._clock()
        if current.tzinfo is None:
            return current.replace(tzinfo=ds.MSK)
        return current.astimezone(ds.MSK)

    # --- state --------------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the initial state: only pre-seeded bookings, counters, statuses, empty log."""
        with self._lock:
            now = self.now()
            self.requests.clear()
            self.bookings.clear()
            self.cancelled.clear()
            self._counters.clear()
            self._rng.seed(f"{self.config.seed}:tickets")
            self._status = {
                guid: ClinicStatus(
                    clinic.status,
                    (now - timedelta(minutes=5 + clinic.host_id * 7 % 240)).replace(
                        second=0, microsecond=0
                    ),
                    clinic.ping if clinic.status == "Online" else None,
                )
                for guid, clinic in self._data.clinics.items()
            }
            self._preseed(now)

    def _preseed(self, now: datetime, *, only_patient: str | None = None) -> None:
        keys = self._data.keys
        created = now - timedelta(days=1)
        if ds.PRESEEDED_THERAPIST in keys and only_patient in (None, "booked"):
            therapist = self._data.resources[keys[ds.PRESEEDED_THERAPIST]]
            begin = datetime.combine(now.date() + timedelta(days=2), time(9), ds.MSK)
            self._add_booking("booked", therapist, begin, created, "registry", preseeded=True)
        if only_patient is not None:  # the full day is booked by patients outside the roster
            return
        if ds.FULL_DAY_DOCTOR in keys:
            urologist = self._data.resources[keys[ds.FULL_DAY_DOCTOR]]
            tomorrow = now.date() + timedelta(days=1)
            for number, begin in enumerate(self._slots(urologist, tomorrow), start=1):
                self._add_booking(
                    f"external-{number}", urologist, begin, created, "registry", preseeded=True
                )

    def reset_patient(self, patient_id: str) -> list[Booking]:
        """One roster patient back to the initial state; the bookings removed are returned.

        The patient's bookings go, cancelled ones too (their pre-seeded ones are made again,
        relative to now);
        nobody else's bookings, the counters and the request log are touched. KeyError for a
        patient not on the roster.
        """
        if patient_id not in self._data.patients:
            raise KeyError(patient_id)
        with self._lock:
            removed = [b for b in self.bookings if b.patient_id == patient_id]
            self.bookings[:] = [b for b in self.bookings if b.patient_id != patient_id]
            gone = [b for b in self.cancelled if b.patient_id == patient_id]
            self.cancelled[:] = [b for b in self.cancelled if b.patient_id != patient_id]
            if any(b.preseeded for b in (*removed, *gone)):
                self._preseed(self.now(), only_patient=patient_id)
            return removed

    def update_config(self, changes: dict[str, Any]) -> SandboxConfig:
        """Change some config fields at once (``checks`` is merged key by key).

        The whole result is validated before anything changes, so a bad value changes nothing;
        the ``config`` object is updated in place (references to it stay valid).
        """
        with self._lock:
            if isinstance(changes.get("checks"), dict):
                changes = {**changes, "checks": {**self.config.checks, **changes["checks"]}}
            validated = SandboxConfig.model_validate({**self.config.model_dump(), **changes})
            for name in changes:
                setattr(self.config, name, getattr(validated, name))
            return self.config

    def record_request(
        self,
        method: str,
        path: str,
        query: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> RequestRecord:
        """Append a request to ``requests`` (the app does this before answering)."""
        record = RequestRecord(
            method.upper(), path, dict(query or {}), self.now(), dict(headers or {})
        )
        with self._lock:
            self.requests.append(record)
        return record

    # --- data set -----------------------------------------------------------------------------

    @property
    def data(self) -> ds.DataSet:
        """The underlying records (hours, age limits, dispensary lists…), read-only by intent."""
        return self._data

    def patients(self) -> list[dict[str, Any]]:
        """The roster: id, name, birthDate, age (today), note, plus card, policy (16 digits),
        shortName, the channel of the patient's tokens and the trainer's ``scenario`` (which
        errors they reach).
        """
        today = self.now().date()
        return [
            {
                "id": p.id,
                "name": p.full_name,
                "shortName": p.short_name,
                "birthDate": p.birth_date.isoformat(),
                "age": p.age_on(today),
                "card": p.card,
                "barredFromSelfBooking": p.barred_from_self_booking,
                "tokenChannel": p.token_channel or self.config.default_channel,
                "policy": p.policy,
                "note": p.note,
                "scenario": p.scenario,
            }
            for p in self._data.patients.values()
        ]

    def clinic_guid(self, key: str) -> str:
        """GUID of a keyed clinic (``data.MAIN_CLINIC``…); KeyError if unknown."""
        guid = self._data.keys[key]
        if guid not in self._data.clinics:
            raise KeyError(key)
        return guid

    def resource_guid(self, key: str) -> str:
        """GUID of a keyed resource (``data.DISPENSARY_DOCTOR``…); KeyError if unknown."""
        guid = self._data.keys[key]
        if guid not in self._data.resources:
            raise KeyError(key)
        return guid

    def landmarks(self) -> Landmarks:
        """The GUIDs training and tests start from (standard data set only)."""
        c, r = self.clinic_guid, self.resource_guid
        return Landmarks(
            main_clinic=c(ds.MAIN_CLINIC),
            children_clinic=c(ds.CHILDREN_CLINIC),
            offline_clinic=c(ds.OFFLINE_CLINIC),
            high_ping_clinic=c(ds.HIGH_PING_CLINIC),
            therapist=r(ds.PRESEEDED_THERAPIST),
            dispensary_doctor=r(ds.DISPENSARY_DOCTOR),
            geriatrician=r(ds.GERIATRICIAN),
            adults_only_doctor=r(ds.ADULTS_ONLY_DOCTOR),
            full_day_doctor=r(ds.FULL_DAY_DOCTOR),
            procedure_room=r(ds.PROCEDURE_ROOM),
            pediatrician=r(ds.PEDIATRICIAN),
            teen_doctor=r(ds.TEEN_DOCTOR),
        )

    def clinic(self, lpu_guid: str) -> dict[str, Any]:
        """One clinic in wire form (LpuWithStatus); KeyError if unknown."""
        guid = parse_guid(lpu_guid)
        if guid is None or guid not in self._data.clinics:
            raise KeyError(lpu_guid)
        return self._clinic_wire(self._data.clinics[guid])

    def clinics(self) -> list[dict[str, Any]]:
        """The clinic directory in wire form, with current statuses (datetimes as objects)."""
        with self._lock:
            return [self._clinic_wire(c) for c in self._data.clinics.values()]

    def resources(self, lpu_guid: str) -> list[dict[str, Any]]:
        """A clinic's doctors and rooms in wire form; KeyError if the clinic is unknown."""
        guid = parse_guid(lpu_guid)
        if guid is None or guid not in self._data.clinics:
            raise KeyError(lpu_guid)
        return [r.wire() for r in self._data.by_clinic.get(guid, [])]

    def _clinic_wire(self, clinic: ds.ClinicRecord) -> dict[str, Any]:
        status = self._status[clinic.guid]
        return {
            "status": {
                "name": status.name,
                "lastChangeTime": status.last_change,
                "ping": status.ping,
            },
            **clinic.static_wire(),
        }

    def set_clinic_status(self, lpu_guid: str, status: str, ping: int | None = None) -> None:
        """Switch a clinic Online/Offline (any string is stored as-is, as a real server might).

        Going Online without a ``ping`` restores the clinic's usual ping; Offline has none.
        """
        guid = parse_guid(lpu_guid)
        if guid is None or guid not in self._data.clinics:
            raise KeyError(lpu_guid)
        with self._lock:
            if ping is None and status == "Online":
                ping = self._data.clinics[guid].ping or 10
            self._status[guid] = ClinicStatus(
                status, self.now().replace(microsecond=0), ping if status == "Online" else None
            )

    # --- tokens -------------------------------------------------------------------------------

    def issue_token(
        self, patient_id: str, ttl_seconds: int = 8 * 3600, channel: str | None = None
    ) -> str:
        """A signed LPU token for a roster patient. ``ttl_seconds <= 0`` gives an expired one.

        Without ``channel`` the patient's own ``token_channel`` is used, else the config's
        ``default_channel``. Raises KeyError for an unknown patient.
        """
        patient = self._data.patients.get(patient_id)
        if patient is None:
            raise KeyError(patient_id)
        issued = int(self.now().timestamp())
        claims = {
            "sub": patient_id,
            "iat": issued,
            "exp": issued + int(ttl_seconds),
            "channel": channel or patient.token_channel or self.config.default_channel,
        }
        return encode_token(claims, self.config.secret)

    def verify_token(self, token: str | None) -> TokenClaims:
        """Claims of a valid token for a roster patient, else SandboxError 403/5009."""
        try:
            claims = decode_token(token, self.config.secret, int(self.now().timestamp()))
        except InvalidToken as exc:
            raise SandboxError(403, "5009", MSG_5009) from exc
        if claims.subject not in self._data.patients:
            raise SandboxError(403, "5009", MSG_5009)
        return claims

    def lookup_token(
        self,
        lpu_guid: str | None,
        *,
        birth_date: date | None,
        policy: str | None = None,
        surname: str | None = None,
    ) -> tuple[str, ds.Patient]:
        """The authorization service: find a roster patient, issue their token.

        By policy (spaces and dashes ignored) and birth date, else by surname (case and
        ``ё``/``е`` ignored) and birth date. SandboxError 400/4036 for a missing or malformed
        query, 404/4040 for a clinic GUID the sandbox does not know (the GUID is otherwise not
        needed), 404/4041 when nobody matches, 400/4042 when several cards do.
        """
        digits = None
        if policy is not None and policy.strip():
            digits = "".join(ch for ch in policy if ch not in " \t\u00a0-")
            if len(digits) != 16 or not all("0" <= ch <= "9" for ch in digits):
                raise SandboxError(400, "4036", MSG_LOOKUP_FORMAT)
        wanted = _fold(surname) if surname is not None else ""
        if not isinstance(birth_date, date) or (digits is None and not wanted):
            raise SandboxError(400, "4036", MSG_LOOKUP_FORMAT)
        if lpu_guid is not None and lpu_guid.strip():
            if (parse_guid(lpu_guid) or "") not in self._data.clinics:
                raise SandboxError(404, CODE_NOT_FOUND, MSG_CLINIC_NOT_FOUND)
        with self._lock:
            people = [p for p in self._data.patients.values() if p.birth_date == birth_date]
            if digits is not None:
                found = [p for p in people if p.policy == digits]
            else:
                found = [p for p in people if _fold(p.surname) == wanted]
            if not found:
                raise SandboxError(404, CODE_PATIENT_NOT_FOUND, MSG_PATIENT_NOT_FOUND)
            if len(found) > 1:
                raise SandboxError(400, CODE_SEVERAL_CARDS, MSG_SEVERAL_CARDS)
            issuer = self.lookup_issuer or self.issue_token
            return issuer(found[0].id), found[0]

    # --- booking ------------------------------------------------------------------------------

    def book(
        self,
        token: str | None,
        lpu_guid: str | None,
        resource_guid: str | None,
        date_text: str | None,
    ) -> dict[str, Any]:
        """Run the contract's checks 1-11 in order; return the full TicketVisitWithLpu.

        The result is camelCase with datetime objects (``wire.render`` formats them). Raises
        SandboxError with the status, code and message of the first failing check.
        """
        with self._lock:
            now = self.now()
            cfg = self.config
            # 1. token
            claims = self.verify_token(token)
            patient = self._data.patients[claims.subject]
            # 2. empty resource GUID or unparsable date
            res_guid = parse_guid(resource_guid)
            visit = parse_visit_date(date_text)
            if res_guid is None or res_guid == NIL_GUID or visit is None:
                raise SandboxError(400, "4036", MSG_4036)
            # 3. unknown clinic or resource
            clinic = self._data.clinics.get(parse_guid(lpu_guid) or "")
            if clinic is None:
                raise SandboxError(404, CODE_NOT_FOUND, MSG_CLINIC_NOT_FOUND)
            resource = self._data.resources.get(res_guid)
            if resource is None or resource.lpu_guid != clinic.guid:
                raise SandboxError(404, CODE_NOT_FOUND, MSG_RESOURCE_NOT_FOUND)
            # 4. the clinic's own system is unreachable
            if self._status[clinic.guid].name != "Online":
                raise SandboxError(503, CODE_OFFLINE, MSG_OFFLINE)
            # 5. past date
            explicit = (
                datetime.combine(visit.day, visit.at, ds.MSK) if visit.at is not None else None
            )
            if cfg.check_on("past_date") and (
                explicit < now if explicit is not None else visit.day < now.date()
            ):
                raise SandboxError(400, CODE_PAST, MSG_PAST)
            # 6. children's clinic
            age = patient.age_on(now.date())
            if cfg.check_on("children_clinic") and clinic.children and age >= 18:
                raise SandboxError(400, "4005", MSG_4005)
            # 7. age limits
            if cfg.check_on("age_limits") and (
                (resource.age_min is not None and age < resource.age_min)
                or (resource.age_max is not None and age > resource.age_max)
            ):
                raise SandboxError(400, "4029", MSG_4029)
            # 8. self-booking barred / dispensary only
            channel = claims.channel or cfg.default_channel
            if (
                cfg.check_on("self_booking")
                and patient.barred_from_self_booking
                and channel in SELF_BOOKING_CHANNELS
            ):
                raise SandboxError(400, "4007", MSG_4007_SELF)
            if (
                cfg.check_on("dispensary")
                and resource.dispensary_only
                and patient.id not in resource.dispensary_patients
            ):
                raise SandboxError(400, "4007", MSG_4007_DISP)
            # 9. one active booking per speciality
            if cfg.check_on("one_per_speciality"):
                active = [
                    b
                    for b in self.bookings
                    if b.patient_id == patient.id
                    and b.speciality_code == resource.speciality_code
                    and b.begin >= now
                ]
                if active:
                    first = min(active, key=lambda b: b.begin)
                    raise SandboxError(
                        400,
                        "4008",
                        MSG_4008.format(fio=patient.short_name, time=stamp(first.begin)),
                    )
            # 10. time taken / no room left
            begin = self._place(
                resource, visit.day, explicit, now, strict=cfg.check_on("time_taken")
            )
            # 11. success
            booking = self._add_booking(patient.id, resource, begin, now, channel)
            return self._ticket(booking, resource, clinic)

    def _slots(self, resource: ds.ResourceRecord, day: date) -> list[datetime]:
        """Start times of the resource's slots on ``day``."""
        step = timedelta(minutes=resource.slot_minutes)
        current = datetime.combine(day, resource.start, ds.MSK)
        end = datetime.combine(day, resource.end, ds.MSK)
        slots = []
        while current + step <= end:
            slots.append(current)
            current += step
        return slots

    def _overlaps(self, resource_guid: str, begin: datetime, end: datetime) -> bool:
        return any(
            b.resource_guid == resource_guid and b.begin < end and begin < b.end
            for b in self.bookings
        )

    def _place(
        self,
        resource: ds.ResourceRecord,
        day: date,
        explicit: datetime | None,
        now: datetime,
        *,
        strict: bool,
    ) -> datetime:
        """The visit's begin time, or SandboxError 4009 (only when ``strict``)."""
        length = timedelta(minutes=resource.slot_minutes)
        if explicit is not None:
            if strict and self._overlaps(resource.guid, explicit, explicit + length):
                raise SandboxError(400, "4009", MSG_4009)
            return explicit
        candidates = [s for s in self._slots(resource, day) if day != now.date() or s >= now]
        for start in candidates:
            if not self._overlaps(resource.guid, start, start + length):
                return start
        if strict:
            raise SandboxError(400, "4009", MSG_4009)
        if candidates:  # the check is off: double-book the first slot
            return candidates[0]
        minutes = -(-(now.hour * 60 + now.minute) // resource.slot_minutes) * resource.slot_minutes
        return datetime.combine(day, time(0), ds.MSK) + timedelta(minutes=minutes)

    def _add_booking(
        self,
        patient_id: str,
        resource: ds.ResourceRecord,
        begin: datetime,
        created: datetime,
        channel: str,
        *,
        preseeded: bool = False,
    ) -> Booking:
        counter_key = (resource.guid, begin.date())
        number = self._counters.get(counter_key, 0) + 1
        self._counters[counter_key] = number
        booking = Booking(
            ticket_guid=self._new_guid(),
            time_table_guid=self._new_guid(),
            patient_id=patient_id,
            lpu_guid=resource.lpu_guid,
            resource_guid=resource.guid,
            speciality_code=resource.speciality_code,
            begin=begin,
            end=begin + timedelta(minutes=resource.slot_minutes),
            num=str(number),
            created=created.replace(microsecond=0),
            channel=channel,
            preseeded=preseeded,
        )
        self.bookings.append(booking)
        return booking

    def _new_guid(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def _ticket(
        self, booking: Booking, resource: ds.ResourceRecord, clinic: ds.ClinicRecord
    ) -> dict[str, Any]:
        source, source_name, login = CHANNELS.get(
            booking.channel, (0, "Другой источник", booking.channel)
        )
        return {
            "ticketGuid": booking.ticket_guid,
            "timeTableGuid": booking.time_table_guid,
            "docFio": resource.fio,
            "docGuid": resource.guid,
            "doctorRole": resource.doctor_role,
            "speciality": resource.speciality,
            "beginTime": booking.begin,
            "endTime": booking.end,
            "dateOfAppointment": booking.created,
            "planCount": 1,
            "usedCount": 1,
            "source": source,
            "login": login,
            "sourceName": source_name,
            "dispExamGuid": None,
            "history": [
                {
                    "date": booking.created,
                    "action": "Создание записи на прием вне расписания",
                    "login": login,
                    "source": source,
                },
            ],
            "num": booking.num,
            "uchastokNum": resource.uchastok,
            "room": resource.room,
            "flat": resource.flat,
            "busyType": {"code": resource.busy_code, "name": resource.busy_name},
            "lpu": self._clinic_wire(clinic),
        }

    # --- cancellation -------------------------------------------------------------------------

    def cancel(
        self,
        token: str | None,
        lpu_guid: str | None,
        ticket_guid: str | None,
        reason_code: int | None,
        reason: str | None,
    ) -> None:
        """Cancel a booking held by the sandbox (the order of checks is the booking's).

        SandboxError: 403/5009 for a bad token or another patient's booking, 400/4036 for an
        empty ticket GUID or reason code, 404/4040 for an unknown clinic or ticket, 503/5030
        when the clinic is Offline, 400/4022 when the visit was cancelled already, 400/4021
        when its time has passed. On success the booking moves to ``cancelled``.
        """
        with self._lock:
            now = self.now()
            claims = self.verify_token(token)
            ticket = parse_guid(ticket_guid)
            if (
                ticket is None
                or ticket == NIL_GUID
                or not isinstance(reason_code, int)
                or isinstance(reason_code, bool)
            ):
                raise SandboxError(400, "4036", MSG_CANCEL_FORMAT)
            clinic = self._data.clinics.get(parse_guid(lpu_guid) or "")
            if clinic is None:
                raise SandboxError(404, CODE_NOT_FOUND, MSG_CLINIC_NOT_FOUND)
            active = next(
                (b for b in self.bookings if b.ticket_guid == ticket and b.lpu_guid == clinic.guid),
                None,
            )
            gone = next(
                (
                    b
                    for b in self.cancelled
                    if b.ticket_guid == ticket and b.lpu_guid == clinic.guid
                ),
                None,
            )
            booking = active or gone
            if booking is None:
                raise SandboxError(404, CODE_NOT_FOUND, MSG_TICKET_NOT_FOUND)
            if booking.patient_id != claims.subject:
                raise SandboxError(403, "5009", MSG_5009)
            if self._status[clinic.guid].name != "Online":
                raise SandboxError(503, CODE_OFFLINE, MSG_OFFLINE)
            if active is None:
                raise SandboxError(400, CODE_VISIT_INACTIVE, MSG_VISIT_INACTIVE)
            if active.begin < now:
                raise SandboxError(400, CODE_VISIT_PASSED, MSG_VISIT_PASSED)
            self.bookings.remove(active)
            active.cancelled_at = now.replace(microsecond=0)
            active.cancel_reason_code = reason_code
            active.cancel_reason = reason
            self.cancelled.append(active)

    def bookings_of(self, patient_id: str) -> list[Booking]:
        """The bookings of one patient (a convenience for tests and training)."""
        with self._lock:
            return [b for b in self.bookings if b.patient_id == patient_id]
