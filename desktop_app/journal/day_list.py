"""The day's out-of-schedule bookings per doctor: rows, CSV and a printable A4 page (Qt-free).

``ShiftJournal.day_entries(day)`` gives the journal rows of one *appointment* day; ``day_list``
turns them into one ``DoctorDay`` per doctor (or room) with its rows in time order, worded as
the registry reads them. ``write_day_csv`` writes them for Excel (UTF-8 with a BOM, ``;``,
CRLF), ``day_list_html`` as one HTML page the UI prints on A4 (``QTextDocument``). Every text
from the journal goes into the HTML escaped: names come from the registry and the operator.
"""

from __future__ import annotations

import csv
import html
import io
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desktop_app.journal.shift_journal import JournalEntry
from desktop_app.text import day_ru, hhmm, stamp

log = logging.getLogger(__name__)

__all__ = [
    "CSV_HEADER",
    "DAY_LIST_TITLE",
    "NO_TIME",
    "STATUS_BOOKED",
    "STATUS_CANCELLED",
    "STATUS_CANCEL_UNCONFIRMED",
    "STATUS_PRINTED",
    "STATUS_UNKNOWN",
    "DayRow",
    "DoctorDay",
    "day_list",
    "day_list_csv",
    "day_list_html",
    "status_word",
    "write_day_csv",
]

# -- words (Russian: this is what the registry reads and prints) -------------------------------

DAY_LIST_TITLE = "Список записанных вне расписания"
STATUS_BOOKED = "записан"
STATUS_PRINTED = "талон напечатан"
STATUS_CANCELLED = "отменена"
STATUS_UNKNOWN = "результат неизвестен"
STATUS_CANCEL_UNCONFIRMED = "отмена не подтверждена"
#: What a cell shows when the journal does not know the value (no time, no number, no patient).
NO_TIME = "—"
CSV_HEADER: tuple[str, ...] = (
    "Дата",
    "Врач",
    "Поликлиника",
    "Время",
    "Талон",
    "Пациент",
    "Статус",
)
_TABLE_HEADER = ("Время", "Талон", "Пациент", "Статус")
_TRAINING_LINE = "УЧЕБНЫЙ РЕЖИМ — записи не настоящие"
_EMPTY_LINE = "Записей на этот день нет."
#: Spreadsheet programs run a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DayRow:
    """One booking on the day list, as printed: every field is display text."""

    time: str
    num: str
    patient: str
    status: str


@dataclass(frozen=True)
class DoctorDay:
    """One doctor's (or room's) bookings of the day, in time order."""

    doctor: str
    clinic: str
    rows: list[DayRow] = field(default_factory=lambda: [])


def status_word(entry: JournalEntry) -> str | None:
    """The day list's word for a row's status; None for rows a day list leaves out
    (failed attempts, checked unknowns)."""
    if entry.status == "cancelled":
        return STATUS_CANCELLED
    if entry.status in ("unknown", "sent"):
        return STATUS_UNKNOWN
    if entry.status != "booked":
        return None
    if entry.cancel_state in ("sent", "unknown"):
        return STATUS_CANCEL_UNCONFIRMED
    if entry.print_count > 0:
        return STATUS_PRINTED
    return STATUS_BOOKED


def _doctor(entry: JournalEntry) -> str:
    for text in (entry.resource_name, entry.ticket.doc_fio if entry.ticket else None):
        if text and text.strip():
            return text.strip()
    return NO_TIME


def _clinic(entry: JournalEntry) -> str:
    ticket_lpu = entry.ticket.lpu if entry.ticket is not None else None
    for text in (entry.clinic_name, ticket_lpu.name if ticket_lpu is not None else None):
        if text and text.strip():
            return text.strip()
    return ""


def _time_key(entry: JournalEntry) -> tuple[bool, str, int]:
    shown = _time(entry)
    return (shown == NO_TIME, shown, entry.id)


def _time(entry: JournalEntry) -> str:
    """The visit's time on the clinic's wall clock (the ticket's own offset), else the time
    the operator asked for, else "—"."""
    if entry.begin_time is not None:
        return hhmm(entry.begin_time)
    if entry.at is not None:
        return hhmm(entry.at)
    return NO_TIME


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def day_list(entries: Iterable[JournalEntry]) -> list[DoctorDay]:
    """Group journal rows by doctor and clinic (sorted by name), rows sorted by time (rows
    without a time last). Rows a day list does not show (failed, resolved) are left out."""
    groups: dict[tuple[str, str], list[JournalEntry]] = {}
    for entry in entries:
        if status_word(entry) is None:
            continue
        groups.setdefault((_doctor(entry), _clinic(entry)), []).append(entry)
    result: list[DoctorDay] = []
    for doctor, clinic in sorted(groups, key=lambda k: (_fold(k[0]), _fold(k[1]))):
        rows = [
            DayRow(
                time=_time(entry),
                num=(entry.ticket_num or "").strip() or NO_TIME,
                patient=(entry.patient_label or "").strip() or NO_TIME,
                status=status_word(entry) or "",
            )
            for entry in sorted(groups[(doctor, clinic)], key=_time_key)
        ]
        result.append(DoctorDay(doctor=doctor, clinic=clinic, rows=rows))
    return result


# -- CSV ---------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """A cell Excel shows as text: a leading ``=``, ``+``, ``-``, ``@`` is not a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _ddmmyyyy(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def day_list_csv(day: date, groups: Sequence[DoctorDay]) -> str:
    """The day list as CSV text (``;`` between cells, CRLF line ends, a header row)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_HEADER)
    shown_day = _ddmmyyyy(day)
    for group in groups:
        for row in group.rows:
            writer.writerow(
                [
                    shown_day,
                    _cell(group.doctor),
                    _cell(group.clinic),
                    _cell(row.time),
                    _cell(row.num),
                    _cell(row.patient),
                    _cell(row.status),
                ]
            )
    return out.getvalue()


def write_day_csv(path: Path, day: date, groups: Sequence[DoctorDay]) -> None:
    """Write the day list to ``path`` as UTF-8 with a BOM (Excel then reads the Cyrillic).

    Atomic: written to a temporary file beside ``path``, flushed to disk, then moved over it,
    so a full disk never leaves half a list. ``OSError`` is raised for the caller to word.
    """
    path = Path(path)
    data = day_list_csv(day, groups).encode("utf-8-sig")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    log.info("day list: %d row(s) written to %s", sum(len(g.rows) for g in groups), path)


# -- printable page ----------------------------------------------------------------------------

_STYLE = (
    "@page { size: A4 portrait; margin: 15mm; } "
    "body { font-family: 'DejaVu Sans', 'Arial', sans-serif; font-size: 10pt; } "
    "h1 { font-size: 15pt; margin-bottom: 2pt; } "
    "h2 { font-size: 12pt; margin-top: 12pt; margin-bottom: 2pt; } "
    "p.clinic { margin-top: 0; margin-bottom: 4pt; } "
    "p.training { font-weight: bold; } "
    "table { border-collapse: collapse; } "
    "th { background-color: #e8e8e8; text-align: left; } "
    "p.footer { margin-top: 12pt; font-size: 8pt; }"
)


def day_list_html(
    day: date,
    groups: Sequence[DoctorDay],
    *,
    title: str = DAY_LIST_TITLE,
    training: bool,
    now: datetime | None = None,
) -> str:
    """The day list as one printable HTML page (A4): a heading, the day in Russian words, a
    "УЧЕБНЫЙ РЕЖИМ" line in training, then per doctor an ``<h2>``, the clinic and a table
    (time, number, patient, status), and a footer "Сформировано ДД.ММ.ГГГГ ЧЧ:ММ" (``now``,
    default this computer's clock). Every text is HTML-escaped."""
    esc = html.escape
    moment = now if now is not None else datetime.now().astimezone()
    parts = [
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="day">Дата приёма: {esc(day_ru(day))} ({esc(_ddmmyyyy(day))})</p>',
    ]
    if training:
        parts.append(f'<p class="training">{esc(_TRAINING_LINE)}</p>')
    if not any(group.rows for group in groups):
        parts.append(f'<p class="empty">{esc(_EMPTY_LINE)}</p>')
    for group in groups:
        if not group.rows:
            continue
        parts.append(f"<h2>{esc(group.doctor)}</h2>")
        if group.clinic:
            parts.append(f'<p class="clinic">{esc(group.clinic)}</p>')
        parts.append('<table border=1 cellpadding=4 cellspacing=0 width="100%">')
        parts.append(
            "<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in _TABLE_HEADER) + "</tr></thead>"
        )
        parts.append("<tbody>")
        for row in group.rows:
            cells = (row.time, row.num, row.patient, row.status)
            parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
        parts.append("</tbody></table>")
    parts.append(f'<p class="footer">Сформировано {esc(stamp(moment))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)
