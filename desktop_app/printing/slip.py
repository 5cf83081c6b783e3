"""What goes on a ticket slip and how it is laid out, without Qt.

The slip is the patient's only guide from the reception desk to the doctor's door, so it carries
exactly what is needed to get there on time (number, day, time, room, floor, doctor) and, by
default, nothing about the patient. When the patient is known (work mode), the slip ends with a
dashed cut line and the operator's stub ("Корешок — остаётся в регистратуре": patient, ticket
number, doctor, day and time), which stays at the desk; the patient's own part names the patient
only when the layout setting says so (``patient_on_slip``). A cancelled booking's slip is printed
under a banner ("ЗАПИСЬ ОТМЕНЕНА — ТАЛОН НЕДЕЙСТВИТЕЛЕН", top and bottom) with its number struck
through and no barcode, so it can never pass for a valid ticket.

The content is decided here as plain data (:class:`TicketSlip`) and rendered
as Qt rich text (:func:`render_slip_html`) so the Qt layer only has to lay it out on paper; this
keeps the content testable without an event loop or a printer.

Russian dates and times come from :mod:`desktop_app.text` (the OS locale of a reception PC is
not to be trusted); the ticket card formats through the same helpers, so both always agree.
Times are shown on the clinic's clock (a zone given to :meth:`TicketSlip.from_ticket`, by default
Moscow time), whatever offset the server wrote them in.

A short answer (``fullResponse=false``) is filled from what the operator chose
(:class:`~desktop_app.printing.fill.ChosenBooking`); filled values carry a discreet ``*`` and a
footnote, and :attr:`TicketSlip.filled` names them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from desktop_app.api.models import KNOWN_BUSY_TYPES
from desktop_app.printing.fill import (
    NAME_PART,
    REMINDER_LIMIT,
    RESOURCE_LABELS,
    ChosenBooking,
    ResourceKind,
    clean,
    guess_resource_kind,
)
from desktop_app.text import (
    DEFAULT_ZONE,
    day_ru,
    display_zone,
    hhmm,
    stamp,
    time_range,
    to_zone,
)

if TYPE_CHECKING:
    from desktop_app.api.models import BusyType, Clinic, TicketVisitWithLpu

#: Where the Qt layer puts the barcode image; the HTML only refers to it.
BARCODE_IMAGE_URL = "slip-qr://code"

#: The marker every training slip carries, top and bottom (and painted across the page by Qt).
TRAINING_WATERMARK = "УЧЕБНЫЙ — НЕ ДЕЙСТВИТЕЛЕН"

SLIP_TITLE = "Талон на приём"
OUT_OF_SCHEDULE_MARK = "вне расписания"
REMINDER = "Приходите за 10 минут до приёма"
#: Printed instead of the number when the registry sent none.
NO_NUMBER_TEXT = "Номер талона выдадут в регистратуре"
#: The mark after a value taken from the operator's choice, and its footnote.
FILLED_MARK = "*"
FILLED_FOOTNOTE = "* — по данным записи, уточните в регистратуре"
#: The banner of a cancelled booking's slip, top and bottom.
CANCELLED_BANNER = "ЗАПИСЬ ОТМЕНЕНА — ТАЛОН НЕДЕЙСТВИТЕЛЕН"
#: Under the banner.
CANCELLED_NOTE = "пациенту не выдаётся"
#: The heading of the operator's stub below the cut line.
STUB_TITLE = "Корешок — остаётся в регистратуре"
#: The middle of the dashed cut line.
CUT_LABEL = "линия отреза"
PATIENT_LABEL = "Пациент"
#: Filled fields that get the mark: the visit's facts. A clinic's name or address from the
#: directory is as good as the registry's and is not marked.
MARKED_FIELDS = frozenset({"day", "time_range", "speciality", "doctor", "room", "floor"})


@dataclass(frozen=True)
class LayoutSpec:
    """Paper and type sizes of one slip layout. Sizes in millimetres and points."""

    title: str
    paper_width_mm: float
    #: ``None`` for roll paper: the page is as long as the content.
    paper_height_mm: float | None
    margin_x_mm: float
    margin_y_mm: float
    base_pt: float
    small_pt: float
    clinic_pt: float
    heading_pt: float
    number_pt: float
    room_pt: float
    time_pt: float
    barcode_mm: float
    #: Extra space between the slip's sections.
    gap_pt: float
    #: Share of the text width the room/floor frame takes (sheets look better with a narrower one).
    place_box_percent: int

    @property
    def fits_height_to_content(self) -> bool:
        return self.paper_height_mm is None

    @property
    def printable_width_mm(self) -> float:
        return self.paper_width_mm - 2 * self.margin_x_mm


class SlipLayout(StrEnum):
    """The paper a slip can be printed on. The value is what settings store."""

    ROLL80 = "roll80"
    ROLL58 = "roll58"
    A5 = "a5"
    A6 = "a6"

    @property
    def spec(self) -> LayoutSpec:
        return _SPECS[self]

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def paper_width_mm(self) -> float:
        return self.spec.paper_width_mm

    @property
    def paper_height_mm(self) -> float | None:
        return self.spec.paper_height_mm

    @property
    def fits_height_to_content(self) -> bool:
        return self.spec.fits_height_to_content

    @classmethod
    def default(cls) -> SlipLayout:
        return cls.ROLL80


# Thermal printers print 72 mm of an 80 mm roll and 48 mm of a 58 mm roll: the side margins
# below give exactly that, so nothing lands on the unprintable edge.
_SPECS: dict[SlipLayout, LayoutSpec] = {
    SlipLayout.ROLL80: LayoutSpec(
        title="Чековая лента 80 мм",
        paper_width_mm=80,
        paper_height_mm=None,
        margin_x_mm=4,
        margin_y_mm=3,
        base_pt=9,
        small_pt=7,
        clinic_pt=9.5,
        heading_pt=12,
        number_pt=34,
        room_pt=18,
        time_pt=16,
        barcode_mm=20,
        gap_pt=3,
        place_box_percent=100,
    ),
    SlipLayout.ROLL58: LayoutSpec(
        title="Чековая лента 58 мм",
        paper_width_mm=58,
        paper_height_mm=None,
        margin_x_mm=5,
        margin_y_mm=3,
        base_pt=8,
        small_pt=6.5,
        clinic_pt=8.5,
        heading_pt=10.5,
        number_pt=28,
        room_pt=15,
        time_pt=13,
        barcode_mm=17,
        gap_pt=2,
        place_box_percent=100,
    ),
    SlipLayout.A6: LayoutSpec(
        title="Лист A6",
        paper_width_mm=105,
        paper_height_mm=148,
        margin_x_mm=8,
        margin_y_mm=8,
        base_pt=9.5,
        small_pt=7,
        clinic_pt=10.5,
        heading_pt=13,
        number_pt=36,
        room_pt=18,
        time_pt=16,
        barcode_mm=20,
        gap_pt=4,
        place_box_percent=80,
    ),
    SlipLayout.A5: LayoutSpec(
        title="Лист A5",
        paper_width_mm=148,
        paper_height_mm=210,
        margin_x_mm=12,
        margin_y_mm=10,
        base_pt=11.5,
        small_pt=8,
        clinic_pt=13,
        heading_pt=16,
        number_pt=44,
        room_pt=22,
        time_pt=20,
        barcode_mm=24,
        gap_pt=9,
        place_box_percent=70,
    ),
}


def layout_for_paper_width(width_mm: float) -> SlipLayout:
    """The layout that fits paper of this width (as a printer reports it)."""
    if width_mm < 70:
        return SlipLayout.ROLL58
    if width_mm < 100:
        return SlipLayout.ROLL80
    if width_mm < 140:
        return SlipLayout.A6
    return SlipLayout.A5


# --- small formatting helpers ----------------------------------------------------------------


_clean = clean


def format_day_ru(day: date) -> str:
    """``пятница, 27 ноября 2026`` regardless of the OS locale."""
    return day_ru(day)


def format_time_range(
    begin: datetime | None, end: datetime | None, *, tz: tzinfo | None = None
) -> str | None:
    """``10:00–10:20`` (en dash); the begin time alone when the end is unknown or not after it.

    Times are shown on the clinic's wall clock: ``tz`` when given, else the begin time's
    offset; never the reception PC's zone. Both ends are converted to that zone and a naive end
    is taken to be in its partner's, so mixed answers never raise.
    """
    return time_range(begin, end, tz=tz) or None


def format_printed_at(moment: datetime) -> str:
    return stamp(moment)


_NAME_PART = NAME_PART


def short_fio(full_name: str | None) -> str | None:
    """``Иванова Мария Петровна`` → ``Иванова М.П.``; anything that is not a name stays as is.

    One part stays as it is, two give one initial; initials already abbreviated
    (``Иванова М. П.``) are kept. A resource that is not a person (``Кабинет флюорографии``)
    is recognised by a lower-case or non-letter part and printed unchanged.
    """
    text = _clean(full_name)
    if text is None:
        return None
    tokens = [token.rstrip(".") for token in text.replace(".", ". ").split()]
    tokens = [token for token in tokens if token]
    if not tokens:
        return None
    if len(tokens) == 1:
        return tokens[0]
    if not all(_NAME_PART.match(token) and token[0].isupper() for token in tokens[:3]):
        return text
    surname, given = tokens[0], tokens[1:3]
    return surname + " " + "".join(part[0] + "." for part in given)


_ROOM_PREFIX = re.compile(r"^(?:каб(?:инет)?\.?)\s*(?:№\s*)?", re.IGNORECASE)


def _room_text(room: str | None) -> str | None:
    """``Кабинет 214`` for ``214``, ``каб. 214`` or ``Кабинет №214``; named rooms as they are."""
    text = _clean(room)
    if text is None:
        return None
    bare = _clean(_ROOM_PREFIX.sub("", text))
    if bare is None:
        return None
    if "кабинет" in bare.lower():
        return bare[0].upper() + bare[1:]
    return f"Кабинет {bare}"


def _busy_type_text(busy_type: BusyType | None) -> str | None:
    """The visit kind in words; a bare unknown code means nothing to a patient and is left out."""
    if busy_type is None:
        return None
    name = _clean(busy_type.name)
    if name:
        return name
    if busy_type.code is not None:
        return KNOWN_BUSY_TYPES.get(busy_type.code)
    return None


def _clinic_name(clinic: Clinic | None) -> str | None:
    """The short name patients know (``ferName``), then ``name``, then the official one."""
    if clinic is None:
        return None
    return _clean(clinic.fer_name) or _clean(clinic.name) or _clean(clinic.full_name)


# --- the slip's content ----------------------------------------------------------------------


_T = TypeVar("_T")


def _ticket_number(num: str | None) -> str | None:
    """The ticket's number; a blank or a bare dash (``—``, ``-``) is no number."""
    text = _clean(num)
    if text is None or not any(ch.isalnum() for ch in text):
        return None
    return text


def _resource_text(name: str | None, kind: ResourceKind | None) -> str | None:
    """A doctor's name shortened (``Смирнова Е.В.``); a room's or device's name as it is."""
    if kind in ("room", "device"):
        return _clean(name)
    return short_fio(name)


def _clean_reminder(text: str | None) -> str | None:
    reminder = _clean(text)
    if reminder is None:
        return None
    return reminder[:REMINDER_LIMIT].rstrip() or None


@dataclass(frozen=True)
class TicketSlip:
    """Everything printed on one slip, already cleaned; ``None`` means "leave the line out".

    ``doctor`` is the resource's text: a doctor's short name, or a room's or device's name
    (``resource_kind`` says which, and so the label printed before it). ``filled`` names the
    fields taken from the operator's choice because the ticket lacked them.
    """

    clinic_name: str | None
    clinic_address: str | None
    clinic_phone: str | None
    number: str | None
    ticket_guid: str | None
    day: date | None
    time_range: str | None
    speciality: str | None
    doctor: str | None
    room: str | None
    floor: int | None
    busy_type: str | None
    printed_at: datetime
    operator_login: str | None
    training: bool
    copy_number: int = 1
    resource_kind: ResourceKind | None = None
    #: A line from the settings under the time (``При себе иметь полис ОМС и паспорт``).
    reminder: str | None = None
    filled: frozenset[str] = frozenset()
    #: Who the ticket is for (``Лебедев А. П., д. р. 12.04.1985``): printed on the operator's
    #: stub, and on the patient's part only with ``patient_on_slip``. ``None``: no stub.
    patient: str | None = None
    patient_on_slip: bool = False
    #: The booking was cancelled: the slip says so and must never look valid.
    cancelled: bool = False

    def __post_init__(self) -> None:
        if self.copy_number < 1:
            raise ValueError(f"copy_number must be >= 1, got {self.copy_number}")
        unknown = self.filled - _SLIP_FIELDS
        if unknown:
            raise ValueError(f"filled names unknown fields: {sorted(unknown)}")

    @classmethod
    def from_ticket(
        cls,
        ticket: TicketVisitWithLpu,
        *,
        printed_at: datetime,
        operator_login: str | None,
        training: bool,
        copy_number: int = 1,
        chosen: ChosenBooking | None = None,
        zone: tzinfo | None = None,
        reminder: str | None = None,
        patient: str | None = None,
        patient_on_slip: bool = False,
        cancelled: bool = False,
    ) -> TicketSlip:
        """Build the slip of a booking answer; ``copy_number > 1`` marks a duplicate.

        ``chosen`` fills every field the ticket lacks (a ``fullResponse=false`` answer);
        the ticket's own values always win. Times are shown in ``zone``, the clinic's zone
        (default :data:`~desktop_app.text.DEFAULT_ZONE`, Moscow time); the day is the one of
        the converted begin time. ``reminder`` is printed under the time.

        ``patient`` (see :func:`~desktop_app.printing.fill.patient_text`) adds the operator's
        stub, and the patient line on the patient's part if ``patient_on_slip``; ``cancelled``
        prints the slip of a cancelled booking (banner, number struck, no barcode).
        """
        zone = zone or DEFAULT_ZONE
        chosen = chosen or ChosenBooking()
        filled: set[str] = set()

        def pick(field: str, own: _T | None, fallback: _T | None) -> _T | None:
            if own is not None:
                return own
            if fallback is not None:
                filled.add(field)
            return fallback

        clinic = ticket.lpu
        begin = ticket.begin_time
        own_day: date | None = None
        own_times: str | None = None
        if begin is not None:
            # A naive time (a hand-built ticket) is in its aware partner's offset, else on the
            # clinic's clock: the same rule the wire models apply.
            assumed = display_zone(begin, ticket.end_time, naive_in=zone)
            own_day = to_zone(begin, zone, naive_in=assumed).date()
            own_times = time_range(begin, ticket.end_time, tz=zone, naive_in=assumed) or None
        elif ticket.date_of_appointment is not None:
            own_day = ticket.date_of_appointment.date()  # a date: its own wall clock
        day = pick("day", own_day, chosen.day)
        # The chosen time belongs to the chosen day: not to a day the registry moved it to.
        chosen_time = hhmm(chosen.time) or None
        if own_day is not None and chosen.day is not None and own_day != chosen.day:
            chosen_time = None
        times = pick("time_range", own_times, chosen_time)

        own_name = _clean(ticket.doc_fio)
        kind = chosen.resource_kind or guess_resource_kind(own_name or chosen.resource_name)
        doctor = pick(
            "doctor",
            _resource_text(own_name, kind),
            _resource_text(chosen.resource_name, kind),
        )
        return cls(
            clinic_name=pick("clinic_name", _clinic_name(clinic), chosen.clinic_name),
            clinic_address=pick(
                "clinic_address",
                _clean(clinic.address) if clinic else None,
                chosen.clinic_address,
            ),
            clinic_phone=pick(
                "clinic_phone", _clean(clinic.phone) if clinic else None, chosen.clinic_phone
            ),
            number=_ticket_number(ticket.num),
            ticket_guid=_clean(ticket.ticket_guid),
            day=day,
            time_range=times,
            speciality=pick(
                "speciality",
                _clean(ticket.speciality) or _clean(ticket.doctor_role),
                chosen.speciality,
            ),
            doctor=doctor,
            room=pick("room", _room_text(ticket.room), _room_text(chosen.room)),
            floor=pick("floor", ticket.flat, chosen.floor),
            busy_type=_busy_type_text(ticket.busy_type),
            printed_at=printed_at,
            operator_login=_clean(operator_login) or _clean(ticket.login),
            training=training,
            copy_number=copy_number,
            resource_kind=kind if doctor is not None else None,
            reminder=_clean_reminder(reminder),
            filled=frozenset(filled),
            patient=_clean(patient),
            patient_on_slip=patient_on_slip,
            cancelled=cancelled,
        )

    @property
    def is_duplicate(self) -> bool:
        return self.copy_number > 1

    @property
    def barcode_payload(self) -> str | None:
        """What the barcode encodes: the ticket GUID, or its number; never personal data."""
        return self.ticket_guid or self.number

    @property
    def day_text(self) -> str | None:
        return format_day_ru(self.day) if self.day else None

    @property
    def floor_text(self) -> str | None:
        return None if self.floor is None else f"Этаж {self.floor}"

    @property
    def resource_label(self) -> str | None:
        """``Врач``, ``Кабинет`` or ``Оборудование`` by the resource's kind; ``None`` unknown."""
        return RESOURCE_LABELS.get(self.resource_kind) if self.resource_kind else None

    @property
    def marked(self) -> frozenset[str]:
        """The filled fields the paper marks with :data:`FILLED_MARK`."""
        return self.filled & MARKED_FIELDS

    @property
    def has_stub(self) -> bool:
        """The slip ends with the operator's stub (the patient is known)."""
        return self.patient is not None

    @property
    def shows_patient(self) -> bool:
        """The patient's part names the patient (the layout setting asks for it)."""
        return self.patient is not None and self.patient_on_slip

    @property
    def short_when(self) -> str | None:
        """``27.11.2026, 10:20``: the day and the begin time, for the stub."""
        parts = []
        if self.day:
            parts.append(self.day.strftime("%d.%m.%Y"))
        if self.time_range:
            parts.append(self.time_range.split("–", 1)[0].strip())
        return ", ".join(parts) or None


_SLIP_FIELDS = frozenset(TicketSlip.__dataclass_fields__) - {
    "printed_at",
    "operator_login",
    "training",
    "copy_number",
    "filled",
    "reminder",
    "patient",
    "patient_on_slip",
    "cancelled",
}


# --- HTML ------------------------------------------------------------------------------------

#: Advances of bold characters in em, rounded up from DejaVu Sans Bold (the widest of the slip
#: fonts): used to keep each word of the room frame on one line.
_BOLD_EM = 0.72
_BOLD_EM_CAPITAL = 0.9
_BOLD_EM_WIDE = 1.15
_BOLD_EM_NARROW = 0.5
_WIDE_CHARS = frozenset("жшщыюмфЖШЩЫЮМФmMwW№")
_NARROW_CHARS = frozenset(".,:;!()[]-'’\"iljfrtI")
#: A room is never set smaller than this share of its full size (Qt then breaks the word).
_ROOM_MIN_SHARE = 0.7
#: "Кабинет 214а" stays on one line if that costs at most this much of the size.
_GLUE_MIN_SHARE = 0.85
MM_TO_PT = 72 / 25.4
#: Ticket numbers longer than this are set smaller than the full headline size.
_LONG_NUMBER_CHARS = 5

NBSP = "\u00a0"

_GLUE_AFTER = re.compile(
    r"(№|\b(?:г|ул|д|корп|стр|к|пр|пр-т|пер|наб|пл|б-р|ш|каб|эт|им|тел|доб)\.)\s*(?=\S)",
    re.IGNORECASE,
)
#: Spaces inside a phone number (between digits, brackets, plus, dashes) never break.
_PHONE_GAP = re.compile(r"(?<=[\d()+\-])\s+(?=[\d()+\-])")


def _glue(text: str) -> str:
    """No-break spaces where a line break would strand a number (``№ 3``, ``д. 10``)."""
    return _GLUE_AFTER.sub(lambda m: m.group(1) + NBSP, text)


def _e(text: str) -> str:
    """Escape for HTML after gluing numbers to their labels."""
    return html.escape(_glue(text), quote=True)


def _p(
    text_html: str,
    *,
    pt: float,
    bold: bool = False,
    italic: bool = False,
    top: float = 0,
    bottom: float = 0,
) -> str:
    style = f"margin-top:{top:g}pt; margin-bottom:{bottom:g}pt; font-size:{pt:g}pt;"
    if bold:
        style += " font-weight:700;"
    if italic:
        style += " font-style:italic;"
    return f'<p align="center" style="{style}">{text_html}</p>'


def _frame(
    inner_html: str, *, border_px: int, gap: float, width_percent: int = 100, padding: int = 4
) -> str:
    """A framed block with ``gap`` points around it (Qt draws borders on tables, not ``div``)."""
    table = (
        f'<table align="center" width="{width_percent}%" cellspacing="0" '
        f'cellpadding="{padding}" border="{border_px}" style="border-style:solid; '
        'border-color:#000; border-collapse:collapse;">'
        f'<tr><td align="center">{inner_html}</td></tr></table>'
    )
    return _spacer(gap) + table + _spacer(gap)


def _spacer(pt: float) -> str:
    """Vertical space of about ``pt`` points (Qt ignores margins on tables)."""
    if pt <= 0:
        return ""
    return f'<p style="margin:0; font-size:{pt / 1.2:.2g}pt;">&nbsp;</p>'


def _rule(*, top: float, bottom: float) -> str:
    """A solid black rule: ``<hr>`` is a hairline that vanishes on a 1200 dpi device."""
    bar = (
        '<table width="100%" cellspacing="0" cellpadding="0" bgcolor="#000000">'
        '<tr><td style="font-size:1pt;">&nbsp;</td></tr></table>'
    )
    return _spacer(top) + bar + _spacer(bottom)


def _training_banner(spec: LayoutSpec) -> str:
    return _frame(
        _p(_e(TRAINING_WATERMARK), pt=spec.base_pt + 1, bold=True)
        + _p("учебная печать, пациенту не выдаётся", pt=spec.small_pt),
        border_px=3,
        gap=spec.gap_pt,
    )


def _cancelled_banner(spec: LayoutSpec) -> str:
    """The banner in a heavy frame, as large as its longest word allows on this paper."""
    inner_pt = spec.printable_width_mm * MM_TO_PT - 16  # padding and borders, with slack
    widest = max(_bold_width_em(word) for word in CANCELLED_BANNER.split())
    pt = round(min(spec.heading_pt + 2, inner_pt / widest), 1)
    return _frame(
        _p(_e(CANCELLED_BANNER), pt=pt, bold=True) + _p(_e(CANCELLED_NOTE), pt=spec.base_pt),
        border_px=4,
        gap=spec.gap_pt,
    )


_INITIAL_GAP = re.compile(r"(?<=[^\s,]) (?=[^\W\d_]\.)")
_BIRTH_GAP = re.compile(r"(д\.) (р\.) (?=\d)")


def _patient_html(patient: str) -> str:
    """``Лебедев А. П., д. р. 12.04.1985``, breaking only after the comma."""
    text = _BIRTH_GAP.sub(f"\\1{NBSP}\\2{NBSP}", patient)
    text = _INITIAL_GAP.sub(NBSP, text)
    return html.escape(text, quote=True)


#: Advance of "- " in em at the cut line's size (generous, so the line never wraps).
_DASH_PAIR_EM = 0.75


def _cut_line(spec: LayoutSpec) -> str:
    """``- - - - линия отреза - - - -`` across the printable width, on one line."""
    pt = spec.small_pt
    label_em = len(CUT_LABEL) * 0.62 + 1.5
    width_em = spec.printable_width_mm * MM_TO_PT / pt
    pairs = max(2, int((width_em - label_em) / 2 / _DASH_PAIR_EM))
    dashes = " ".join("-" * pairs)
    return _spacer(spec.gap_pt * 2) + _p(f"{dashes} {_e(CUT_LABEL)} {dashes}", pt=pt)


def _stub(slip: TicketSlip, spec: LayoutSpec) -> str:
    """The operator's part below the cut line: who, which ticket, which doctor, when."""
    base, small = spec.base_pt, spec.small_pt
    out = [_cut_line(spec), _p(_e(STUB_TITLE), pt=base, bold=True, top=spec.gap_pt)]
    if slip.cancelled:
        out.append(_p(_e("ОТМЕНЕНА"), pt=base + 2, bold=True))
    if slip.training:
        out.append(_p(_e(TRAINING_WATERMARK), pt=small, bold=True))
    out.append(
        _p(f"{_e(PATIENT_LABEL)}: {_patient_html(slip.patient or '—')}", pt=base + 1, bold=True)
    )
    number = f"Талон № {_e(slip.number)}" if slip.number else "Талон без номера"
    if slip.cancelled and slip.number:
        number = f"<s>{number}</s>"
    out.append(_p(number, pt=base + 1))
    who = _e(slip.doctor) if slip.doctor else ""
    if slip.speciality and slip.speciality != slip.doctor:
        who = f"{who} ({_e(slip.speciality)})" if who else _e(slip.speciality)
    if who:
        label = slip.resource_label
        out.append(_p(f"{_e(label)}: {who}" if label else who, pt=base))
    if slip.short_when:
        out.append(_p(_e(slip.short_when), pt=base, bold=True))
    if slip.ticket_guid:
        out.append(_p(f"Талон {_e(slip.ticket_guid)}", pt=small))
    return "\n".join(out)


def _bold_width_em(word: str) -> float:
    """A generous estimate of ``word``'s width in bold type, in em."""
    return sum(
        _BOLD_EM_WIDE
        if ch in _WIDE_CHARS
        else _BOLD_EM_NARROW
        if ch in _NARROW_CHARS
        else _BOLD_EM_CAPITAL
        if ch.isupper()
        else _BOLD_EM
        for ch in word
    )


def _room_line(text: str, spec: LayoutSpec) -> str:
    """One line of the room frame at full size, wrapping between words.

    The label and a short number stay together (``Кабинет 214а``) when that fits; a size is
    only reduced as far as the longest single word needs to fit the frame, so a long room
    name wraps at (nearly) full size and never breaks inside a word.
    """
    # The frame's inner width: its share of the text width less padding and borders (4 px
    # and 2 px each side, about 4.5 pt) and a little slack for rounding.
    inner_pt = spec.printable_width_mm * MM_TO_PT * spec.place_box_percent / 100 - 12
    full = spec.room_pt

    def fitting_pt(words: list[str]) -> float:
        widest = max(_bold_width_em(word) for word in words)
        return min(full, inner_pt / widest) if widest else full

    words = _glue(text).split(" ")  # "№ 12а" is glued first and stays one word
    if len(words) > 1 and fitting_pt([f"{words[0]} {words[1]}"]) >= full * _GLUE_MIN_SHARE:
        words = [f"{words[0]}{NBSP}{words[1]}", *words[2:]]
    pt = max(fitting_pt(words), full * _ROOM_MIN_SHARE)
    words_html = " ".join(html.escape(word, quote=True) for word in words)
    return _p(words_html, pt=round(pt, 1), bold=True)


def render_slip_html(slip: TicketSlip, layout: SlipLayout | str) -> str:
    """The slip as Qt rich text for ``QTextDocument.setHtml``; every value is HTML-escaped.

    Only the subset Qt understands is used: paragraphs with ``font-size``, tables for frames,
    ``<hr>``. The barcode is an ``<img>`` pointing at :data:`BARCODE_IMAGE_URL`, which the Qt
    layer fills with a QR code of :attr:`TicketSlip.barcode_payload`.
    """
    spec = SlipLayout(layout).spec
    base, small = spec.base_pt, spec.small_pt
    out: list[str] = []

    if slip.cancelled:
        out.append(_cancelled_banner(spec))
    if slip.training:
        out.append(_training_banner(spec))

    gap = spec.gap_pt
    if slip.clinic_name:
        out.append(_p(_e(slip.clinic_name), pt=spec.clinic_pt, bold=True))
    out.append(_rule(top=gap, bottom=gap))

    out.append(_p(_e(SLIP_TITLE.upper()), pt=spec.heading_pt, bold=True))
    out.append(_p(f"({_e(OUT_OF_SCHEDULE_MARK)})", pt=base, italic=True, bottom=gap / 2))

    if slip.is_duplicate:
        out.append(
            _frame(
                _p(_e(f"ДУБЛИКАТ № {slip.copy_number}"), pt=base + 2, bold=True),
                border_px=1,
                gap=gap / 2,
                width_percent=spec.place_box_percent,
            )
        )

    if slip.number and slip.cancelled:
        # Struck through and small: a cancelled number must not look like a ticket.
        struck = f"<s>{_e(f'№ {slip.number}')}</s> (аннулирован)"
        out.append(_p(struck, pt=base + 2, bottom=gap / 2))
    elif slip.number:
        # Long numbers are set smaller so they break as rarely as possible.
        chars = len(slip.number)
        number_pt = spec.number_pt
        if chars > _LONG_NUMBER_CHARS:
            number_pt = max(spec.time_pt, number_pt * _LONG_NUMBER_CHARS / chars)
        out.append(_p(_e(f"№ {slip.number}"), pt=number_pt, bold=True, bottom=gap / 2))
    elif slip.cancelled:
        pass  # no number, and no "the desk will give you one" either
    else:
        out.append(
            _frame(
                _p(_e(NO_NUMBER_TEXT), pt=base + 1, bold=True),
                border_px=1,
                gap=gap / 2,
                width_percent=spec.place_box_percent,
            )
        )

    if slip.shows_patient:
        out.append(
            _p(f"{_e(PATIENT_LABEL)}: {_e(slip.patient or '')}", pt=base + 1, bottom=gap / 2)
        )

    def mark(field: str) -> str:
        return FILLED_MARK if field in slip.marked else ""

    if slip.day:
        weekday, rest = format_day_ru(slip.day).split(", ", 1)
        day_html = f"{_e(weekday)}, {_e(rest).replace(' ', NBSP)}{mark('day')}"
        out.append(_p(day_html, pt=base + 2, bold=True))
    # A cancelled slip keeps the facts (what was cancelled) but never their headline look.
    if slip.time_range:
        times = _e(slip.time_range) + mark("time_range")
        time_pt = base + 1 if slip.cancelled else spec.time_pt
        out.append(_p(times, pt=time_pt, bold=True, bottom=gap / 2))
    if slip.reminder and not slip.cancelled:
        out.append(_p(_e(slip.reminder), pt=base + 1, bottom=gap / 2))

    place = [
        text + mark(field)
        for field, text in (("room", slip.room), ("floor", slip.floor_text))
        if text
    ]
    if place and slip.cancelled:
        out.append(_p(_e(", ".join(place)), pt=base + 1))
    elif place:
        lines = "".join(_room_line(text, spec) for text in place)
        box_width = spec.place_box_percent
        out.append(_frame(lines, border_px=2, gap=gap / 2, width_percent=box_width))

    doctor = slip.doctor
    speciality = slip.speciality
    if (
        slip.resource_kind in ("room", "device")
        and speciality
        and doctor
        and speciality.casefold() == doctor.casefold()
    ):
        speciality = None  # a room named as its speciality ("Процедурный кабинет"): once
    if speciality:
        out.append(_p(_e(speciality) + mark("speciality"), pt=base + 2, bold=True, top=gap / 2))
    if doctor:
        doctor_html = _e(doctor)
        if slip.resource_kind in (None, "doctor"):
            doctor_html = doctor_html.replace(" ", NBSP, 1)  # "Смирнова Е.В." never splits
        label = slip.resource_label
        if label and label.casefold() in doctor.casefold():
            label = None  # "Процедурный кабинет" says what it is already
        label = f"{_e(label)}: " if label else ""
        out.append(_p(f"{label}{doctor_html}{mark('doctor')}", pt=base + 1))
    if slip.busy_type:
        out.append(_p(f"Вид приёма: {_e(slip.busy_type)}", pt=base))
    if slip.marked:
        out.append(_p(_e(FILLED_FOOTNOTE), pt=small, italic=True, top=gap / 2))

    out.append(_rule(top=gap, bottom=gap))
    if not slip.cancelled:
        out.append(_p(_e(REMINDER), pt=base, bold=True, bottom=gap / 2))
    if slip.clinic_address:
        out.append(_p(f"Адрес: {_e(slip.clinic_address)}", pt=base))
    if slip.clinic_phone:
        phone = _PHONE_GAP.sub(NBSP, _e(slip.clinic_phone))
        out.append(_p(f"Регистратура: {phone}", pt=base))

    if slip.barcode_payload and not slip.cancelled:  # a scanner must not read it as valid
        side_px = round(spec.barcode_mm / 25.4 * 96)
        out.append(
            f'<p align="center" style="margin-top:{gap + 2:g}pt; margin-bottom:2pt;">'
            f'<img src="{BARCODE_IMAGE_URL}" width="{side_px}" height="{side_px}"/></p>'
        )

    fine_print = [f"Напечатан {_e(format_printed_at(slip.printed_at))}"]
    if slip.operator_login:
        fine_print.append(f"оператор{NBSP}{_e(slip.operator_login)}")
    out.append(_p(", ".join(fine_print), pt=small, top=2))
    if slip.ticket_guid:
        out.append(_p(f"Талон {_e(slip.ticket_guid)}", pt=small))

    if slip.training:
        out.append(_training_banner(spec))
    if slip.cancelled:
        out.append(_cancelled_banner(spec))
    if slip.has_stub:
        out.append(_stub(slip, spec))

    body = "\n".join(out)
    return (
        '<html><head><meta charset="utf-8"/></head>'
        f'<body style="font-size:{base:g}pt;">\n{body}\n</body></html>'
    )
