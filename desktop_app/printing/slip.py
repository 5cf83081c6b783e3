"""What goes on a ticket slip and how it is laid out, without Qt.

The slip is the patient's only guide from the reception desk to the doctor's door, so it carries
exactly what is needed to get there on time (number, day, time, room, floor, doctor) and nothing
about the patient. The content is decided here as plain data (:class:`TicketSlip`) and rendered
as Qt rich text (:func:`render_slip_html`) so the Qt layer only has to lay it out on paper; this
keeps the content testable without an event loop or a printer.

Russian dates and times come from :mod:`desktop_app.text` (the OS locale of a reception PC is
not to be trusted); the ticket card formats through the same helpers, so both always agree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_app.api.models import KNOWN_BUSY_TYPES
from desktop_app.text import day_ru, stamp, time_range

if TYPE_CHECKING:
    from desktop_app.api.models import BusyType, Clinic, TicketVisitWithLpu

#: Where the Qt layer puts the barcode image; the HTML only refers to it.
BARCODE_IMAGE_URL = "slip-qr://code"

#: The marker every training slip carries, top and bottom (and painted across the page by Qt).
TRAINING_WATERMARK = "УЧЕБНЫЙ — НЕ ДЕЙСТВИТЕЛЕН"

SLIP_TITLE = "Талон на приём"
OUT_OF_SCHEDULE_MARK = "вне расписания"
REMINDER = "Приходите за 10 минут до приёма"

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


def _clean(text: str | None) -> str | None:
    """Collapse runs of whitespace (including no-break spaces); blank becomes ``None``."""
    if text is None:
        return None
    collapsed = " ".join(str(text).split())
    return collapsed or None


def format_day_ru(day: date) -> str:
    """``пятница, 27 ноября 2026`` regardless of the OS locale."""
    return day_ru(day)


def format_time_range(begin: datetime | None, end: datetime | None) -> str | None:
    """``10:00–10:20`` (en dash); the begin time alone when the end is unknown or not after it.

    Times are shown on the clinic's wall clock (the begin time's offset), never converted to
    the reception PC's zone: the patient goes by the clinic's clock. An end in another offset
    is converted to it and a naive end is taken to be in it, so mixed answers never raise.
    """
    return time_range(begin, end) or None


def format_printed_at(moment: datetime) -> str:
    return stamp(moment)


_NAME_PART = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*$")


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


@dataclass(frozen=True)
class TicketSlip:
    """Everything printed on one slip, already cleaned; ``None`` means "leave the line out"."""

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

    def __post_init__(self) -> None:
        if self.copy_number < 1:
            raise ValueError(f"copy_number must be >= 1, got {self.copy_number}")

    @classmethod
    def from_ticket(
        cls,
        ticket: TicketVisitWithLpu,
        *,
        printed_at: datetime,
        operator_login: str | None,
        training: bool,
        copy_number: int = 1,
    ) -> TicketSlip:
        """Build the slip of a booking answer; ``copy_number > 1`` marks a duplicate."""
        clinic = ticket.lpu
        begin = ticket.begin_time
        day_source = begin or ticket.date_of_appointment
        return cls(
            clinic_name=_clinic_name(clinic),
            clinic_address=_clean(clinic.address) if clinic else None,
            clinic_phone=_clean(clinic.phone) if clinic else None,
            number=_clean(ticket.num),
            ticket_guid=_clean(ticket.ticket_guid),
            day=day_source.date() if day_source else None,
            time_range=format_time_range(begin, ticket.end_time),
            speciality=_clean(ticket.speciality) or _clean(ticket.doctor_role),
            doctor=short_fio(ticket.doc_fio),
            room=_room_text(ticket.room),
            floor=ticket.flat,
            busy_type=_busy_type_text(ticket.busy_type),
            printed_at=printed_at,
            operator_login=_clean(operator_login) or _clean(ticket.login),
            training=training,
            copy_number=copy_number,
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


# --- HTML ------------------------------------------------------------------------------------

#: Room texts longer than this ("Кабинет 214а (процедурный)") are set smaller.
_LONG_ROOM_CHARS = 16
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


def render_slip_html(slip: TicketSlip, layout: SlipLayout | str) -> str:
    """The slip as Qt rich text for ``QTextDocument.setHtml``; every value is HTML-escaped.

    Only the subset Qt understands is used: paragraphs with ``font-size``, tables for frames,
    ``<hr>``. The barcode is an ``<img>`` pointing at :data:`BARCODE_IMAGE_URL`, which the Qt
    layer fills with a QR code of :attr:`TicketSlip.barcode_payload`.
    """
    spec = SlipLayout(layout).spec
    base, small = spec.base_pt, spec.small_pt
    out: list[str] = []

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

    if slip.number:
        # Long numbers are set smaller so they break as rarely as possible.
        chars = len(slip.number)
        number_pt = spec.number_pt
        if chars > _LONG_NUMBER_CHARS:
            number_pt = max(spec.time_pt, number_pt * _LONG_NUMBER_CHARS / chars)
        out.append(_p(_e(f"№ {slip.number}"), pt=number_pt, bold=True, bottom=gap / 2))

    if slip.day:
        weekday, rest = format_day_ru(slip.day).split(", ", 1)
        day_html = f"{_e(weekday)}, {_e(rest).replace(' ', NBSP)}"
        out.append(_p(day_html, pt=base + 2, bold=True))
    if slip.time_range:
        out.append(_p(_e(slip.time_range), pt=spec.time_pt, bold=True, bottom=gap / 2))

    place = [text for text in (slip.room, slip.floor_text) if text]
    if place:
        # A room described in words would break mid-word at full size: print it smaller.
        lines = "".join(
            _p(
                _e(text).replace(" ", NBSP, 1),
                pt=spec.room_pt if len(text) <= _LONG_ROOM_CHARS else spec.room_pt * 0.65,
                bold=True,
            )
            for text in place
        )
        box_width = spec.place_box_percent
        out.append(_frame(lines, border_px=2, gap=gap / 2, width_percent=box_width))

    if slip.speciality:
        out.append(_p(_e(slip.speciality), pt=base + 2, bold=True, top=gap / 2))
    if slip.doctor:
        out.append(_p(f"Врач: {_e(slip.doctor).replace(' ', NBSP, 1)}", pt=base + 1))
    if slip.busy_type:
        out.append(_p(f"Вид приёма: {_e(slip.busy_type)}", pt=base))

    out.append(_rule(top=gap, bottom=gap))
    out.append(_p(_e(REMINDER), pt=base, bold=True, bottom=gap / 2))
    if slip.clinic_address:
        out.append(_p(f"Адрес: {_e(slip.clinic_address)}", pt=base))
    if slip.clinic_phone:
        phone = _PHONE_GAP.sub(NBSP, _e(slip.clinic_phone))
        out.append(_p(f"Регистратура: {phone}", pt=base))

    if slip.barcode_payload:
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

    body = "\n".join(out)
    return (
        '<html><head><meta charset="utf-8"/></head>'
        f'<body style="font-size:{base:g}pt;">\n{body}\n</body></html>'
    )
