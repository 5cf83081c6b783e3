"""What the operator chose, to fill the slip where the registry's answer is silent.

With ``fullResponse=false`` the registry may answer a booking with little more than the ticket's
number (sometimes not even that). The slip must still tell the patient where to go and when, so
:meth:`TicketSlip.from_ticket <desktop_app.printing.slip.TicketSlip.from_ticket>` fills every
field the ticket lacks from a :class:`ChosenBooking`: the clinic, doctor or room and day the
operator picked. Values from the ticket always win; filled ones are recorded on the slip and
marked on paper, so nobody mistakes them for the registry's word.

Also here: the kind of a resource (doctor, room, device), which decides the label printed before
its name, and :func:`clinic_zone`, the zone slip times are shown in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta, timezone, tzinfo
from datetime import time as dt_time
from typing import TYPE_CHECKING, Literal

from desktop_app.text import DEFAULT_ZONE

if TYPE_CHECKING:
    from desktop_app.api.models import Clinic, Resource
    from desktop_app.journal.shift_journal import JournalEntry

ResourceKind = Literal["doctor", "room", "device"]

#: The label printed before a resource's name, by its kind.
RESOURCE_LABELS: dict[ResourceKind, str] = {
    "doctor": "Врач",
    "room": "Кабинет",
    "device": "Оборудование",
}

#: ``resType`` values (lower case) seen or plausible for each kind. The sandbox and the known
#: servers send ``doctor`` and ``room``; the others are accepted so a server that names its
#: equipment differently still gets the right label.
_RES_TYPES: dict[str, ResourceKind] = {
    "doctor": "doctor",
    "doc": "doctor",
    "person": "doctor",
    "employee": "doctor",
    "врач": "doctor",
    "room": "room",
    "cabinet": "room",
    "office": "room",
    "кабинет": "room",
    "device": "device",
    "equipment": "device",
    "apparatus": "device",
    "оборудование": "device",
    "аппарат": "device",
}

#: Words that make a resource's name a room or a device (checked on lower-cased words).
_ROOM_WORDS = re.compile(
    r"^(?:каб|кабинет\w*|процедурн\w*|прививочн\w*|манипуляционн\w*|перевязочн\w*|"
    r"смотров\w*|лаборатори\w*|пункт\w*|отделени\w*)$"
)
_DEVICE_WORDS = re.compile(
    r"^(?:аппарат\w*|оборудовани\w*|томограф\w*|мрт|кт|мскт|рентген\w*|флюорограф|"
    r"маммограф|денситометр|эндоскоп|узи-аппарат|экг-аппарат)$"
)
_DOCTOR_WORDS = re.compile(r"^(?:врач\w*|доктор\w*|фельдшер\w*)$")
#: One part of a person's name: letters, maybe joined by a hyphen or an apostrophe.
NAME_PART = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*$")

#: Longest reminder line a slip carries (the settings field cuts at the same length).
REMINDER_LIMIT = 120


def clean(text: object) -> str | None:
    """Collapse runs of whitespace (including no-break spaces); blank becomes ``None``."""
    if text is None:
        return None
    collapsed = " ".join(str(text).split())
    return collapsed or None


def clinic_zone(offset_minutes: int | None = None) -> tzinfo:
    """The clinic's zone from ``AppSettings.server_utc_offset_minutes`` (Moscow: ``180``)."""
    if offset_minutes is None:
        return DEFAULT_ZONE
    return timezone(timedelta(minutes=int(offset_minutes)))


def resource_kind(res_type: str | None) -> ResourceKind | None:
    """The kind of a directory resource from its ``resType``; ``None`` when unknown."""
    key = clean(res_type)
    return _RES_TYPES.get(key.lower()) if key else None


def looks_like_person(name: str | None) -> bool:
    """``Иванова Мария Петровна``, ``Иванова М.П.``: two or three capitalised name parts."""
    text = clean(name)
    if text is None:
        return False
    tokens = [token.rstrip(".") for token in text.replace(".", ". ").split()]
    tokens = [token for token in tokens if token]
    if not 2 <= len(tokens) <= 5:
        return False
    return all(NAME_PART.match(token) and token[0].isupper() for token in tokens[:3])


def guess_resource_kind(name: str | None) -> ResourceKind | None:
    """The kind a resource's name suggests (rooms and devices are named by what they are).

    ``Процедурный кабинет`` and ``Кабинет УЗИ`` are rooms, ``Аппарат МРТ`` is a device,
    ``Смирнова Е.В.`` is a doctor; anything else is ``None`` (no label is printed then).
    """
    text = clean(name)
    if text is None:
        return None
    words = [word.strip('.,;:()«»"') for word in text.lower().split()]
    if any(_ROOM_WORDS.match(word) for word in words):
        return "room"
    if any(_DEVICE_WORDS.match(word) for word in words):
        return "device"
    if any(_DOCTOR_WORDS.match(word) for word in words) or looks_like_person(text):
        return "doctor"
    return None


# --- what the operator chose -------------------------------------------------------------------


@dataclass(frozen=True)
class ChosenBooking:
    """What the operator asked for: the source of slip fields the registry's answer lacks.

    ``resource_name`` is the doctor's full name (shortened on the slip) or the room's or
    device's name; ``day`` and ``time`` are on the clinic's wall clock.
    """

    clinic_name: str | None = None
    clinic_address: str | None = None
    clinic_phone: str | None = None
    resource_name: str | None = None
    resource_kind: ResourceKind | None = None
    speciality: str | None = None
    room: str | None = None
    floor: int | None = None
    day: date | None = None
    time: dt_time | None = None

    def __post_init__(self) -> None:
        for name in (
            "clinic_name", "clinic_address", "clinic_phone", "resource_name", "speciality", "room"
        ):  # fmt: skip
            object.__setattr__(self, name, clean(getattr(self, name)))
        if self.resource_kind not in (None, *RESOURCE_LABELS):
            raise ValueError(f"unknown resource kind {self.resource_kind!r}")

    @classmethod
    def from_directory(
        cls,
        clinic: Clinic | None,
        resource: Resource | None,
        day: date | None,
        at: dt_time | None = None,
    ) -> ChosenBooking:
        """From the clinic and resource picked in the directory (``api.models``)."""
        resource_name = None
        kind: ResourceKind | None = None
        speciality = room = None
        floor = None
        if resource is not None:
            resource_name = clean(resource.fio) or clean(resource.doctor_role)
            kind = resource_kind(resource.res_type) or guess_resource_kind(resource_name)
            speciality = clean(resource.speciality) or clean(resource.doctor_role)
            room, floor = resource.room, resource.flat
        return cls(
            clinic_name=_clinic_display_name(clinic),
            clinic_address=clinic.address if clinic is not None else None,
            clinic_phone=clinic.phone if clinic is not None else None,
            resource_name=resource_name,
            resource_kind=kind,
            speciality=speciality,
            room=room,
            floor=floor,
            day=day,
            time=at,
        )

    @classmethod
    def from_journal_entry(cls, entry: JournalEntry) -> ChosenBooking:
        """From a shift-journal entry, for reprints.

        The journal keeps the clinic's name, the day and time asked for and the resource as
        the desk showed it (``Терапевт — Смирнова Елена Викторовна (каб. 214, 2 эт.)``); the
        speciality, room and floor are read back out of that text when it has that form.
        """
        speciality, resource_name, room, floor = parse_resource_text(entry.resource_name)
        return cls(
            clinic_name=entry.clinic_name,
            resource_name=resource_name,
            resource_kind=guess_resource_kind(resource_name),
            speciality=speciality,
            room=room,
            floor=floor,
            day=entry.day,
            time=entry.at,
        )


def _clinic_display_name(clinic: Clinic | None) -> str | None:
    """The short name patients know (``ferName``), then ``name``, then the official one."""
    if clinic is None:
        return None
    return clean(clinic.fer_name) or clean(clinic.name) or clean(clinic.full_name)


_WHERE_ROOM = re.compile(r"^(?:каб\.|кабинет|room)\s*(?P<room>.+)$", re.IGNORECASE)
_WHERE_FLOOR = re.compile(
    r"^(?:(?P<a>-?\d+)\s*(?:эт\.?|этаж))$|^(?:(?:floor|этаж)\s*(?P<b>-?\d+))$", re.IGNORECASE
)
_HEAD_SEPARATOR = " — "


def _split_trailing_parens(text: str) -> tuple[str, str | None]:
    """``head (inner)`` → (``head``, ``inner``), matching nested brackets from the right."""
    if not text.endswith(")"):
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            depth -= 1
            if depth == 0:
                return text[:index].rstrip(), text[index + 1 : -1].strip()
    return text, None


def parse_resource_text(
    text: str | None,
) -> tuple[str | None, str | None, str | None, int | None]:
    """(speciality, name, room, floor) of the desk's resource text; unknown parts ``None``.

    The desk shows a resource as ``{speciality} — {name} ({каб. room}, {floor} эт.)``, each
    part optional (Russian or English UI). Text in any other form is taken as the name.
    """
    whole = clean(text)
    if whole is None:
        return None, None, None, None
    main, where = _split_trailing_parens(whole)
    room: str | None = None
    floor: int | None = None
    if where is not None:
        parts = [part.strip() for part in where.split(",")]
        floor_match = _WHERE_FLOOR.match(parts[-1]) if parts else None
        if floor_match:
            floor = int(floor_match.group("a") or floor_match.group("b"))
            parts = parts[:-1]
        room_match = _WHERE_ROOM.match(", ".join(parts)) if parts else None
        if room_match:
            room = clean(room_match.group("room"))
        elif parts or floor is None:
            main, room, floor = whole, None, None  # not the desk's form: keep it whole
    speciality: str | None = None
    name: str | None = main
    if _HEAD_SEPARATOR in main:
        head, _, tail = main.partition(_HEAD_SEPARATOR)
        speciality, name = clean(head), clean(tail)
    return speciality, clean(name), room, floor
