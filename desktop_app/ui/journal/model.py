"""The shift journal as table rows, and the words and colours of a journal status.

Journal rows hold server text (doctor, clinic, error messages): cells are plain text and
tooltips (which Qt would guess to be rich text) get it HTML-escaped.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from desktop_app.journal import JournalEntry, Status
from desktop_app.printing import ChosenBooking
from desktop_app.text import hhmm, local_time, stamp

#: After the ticket number of an entry whose slip was filled from the operator's choice.
FILLED_MARK = "*"

_STATUS_COLOURS: dict[str, str] = {
    "booked": "#1b6e20",
    "failed": "#b3261e",
    "unknown": "#7a3e00",
    "sent": "#555555",
    "resolved": "#333333",
    "cancelled": "#6b6b6b",
}
#: A booked row whose cancellation has no confirmed answer: the operator must check it.
_CANCEL_UNCONFIRMED_COLOUR = "#7a3e00"


def status_text(status: Status | str) -> str:
    """The status as the operator reads it (Russian, lower case, as in the shift report)."""
    if status == "booked":
        return QCoreApplication.translate("JournalView", "записан")
    if status == "failed":
        return QCoreApplication.translate("JournalView", "отказ")
    if status == "unknown":
        return QCoreApplication.translate("JournalView", "результат неизвестен")
    if status == "resolved":
        return QCoreApplication.translate("JournalView", "проверено")
    if status == "sent":
        return QCoreApplication.translate("JournalView", "отправляется")
    if status == "cancelled":
        return QCoreApplication.translate("JournalView", "отменена")
    return str(status)


def entry_status_text(entry: JournalEntry) -> str:
    """The row's status with what happened to a cancellation of a booked row."""
    text = status_text(entry.status)
    if entry.status != "booked" or not entry.cancel_state:
        return text
    if entry.cancel_state == "sent":
        return QCoreApplication.translate("JournalView", "{0}, отмена отправляется").format(text)
    if entry.cancel_state == "unknown":
        return QCoreApplication.translate("JournalView", "{0}, отмена не подтверждена").format(text)
    if entry.cancel_state == "refused":
        return QCoreApplication.translate("JournalView", "{0}, в отмене отказано").format(text)
    return text


def cancellable(entry: JournalEntry | None) -> bool:
    """A booked row with a ticket GUID whose cancellation is not on its way right now."""
    return (
        entry is not None
        and entry.status == "booked"
        and bool(entry.ticket_guid)
        and entry.cancel_state != "sent"
    )


#: The order filled slip fields are named in: as they stand on the slip.
_FIELD_ORDER = (
    "day", "time_range", "speciality", "doctor", "room", "floor",
    "clinic_name", "clinic_address", "clinic_phone",
)  # fmt: skip


def _field_name(field: str, kind: str | None) -> str:
    """A slip field as the operator calls it (Russian, lower case)."""
    if field == "doctor":  # the resource: a doctor, or a room's or device's name
        if kind == "room":
            return QCoreApplication.translate("JournalView", "кабинет")
        if kind == "device":
            return QCoreApplication.translate("JournalView", "оборудование")
        return QCoreApplication.translate("JournalView", "врач")
    names = {
        "day": QCoreApplication.translate("JournalView", "дата"),
        "time_range": QCoreApplication.translate("JournalView", "время"),
        "speciality": QCoreApplication.translate("JournalView", "специальность"),
        "room": QCoreApplication.translate("JournalView", "кабинет"),
        "floor": QCoreApplication.translate("JournalView", "этаж"),
        "clinic_name": QCoreApplication.translate("JournalView", "поликлиника"),
        "clinic_address": QCoreApplication.translate("JournalView", "адрес"),
        "clinic_phone": QCoreApplication.translate("JournalView", "телефон"),
    }
    return names.get(field, field)


def filled_names(entry: JournalEntry) -> str:
    """``дата, время, врач, кабинет``: slip fields filled from the operator's choice; or ""."""
    if not entry.filled_fields:
        return ""
    kind = ChosenBooking.from_journal_entry(entry).resource_kind
    order = {field: i for i, field in enumerate(_FIELD_ORDER)}
    fields = sorted(entry.filled_fields, key=lambda f: (order.get(f, len(order)), f))
    names: list[str] = []
    for field in fields:
        name = _field_name(field, kind)
        if name not in names:  # a room's name and its number are both "кабинет"
            names.append(name)
    return ", ".join(names)


def filled_note(entry: JournalEntry) -> str:
    """The tooltip of a filled slip's ticket number (plain text); "" when nothing was filled."""
    names = filled_names(entry)
    if not names:
        return ""
    return QCoreApplication.translate(
        "JournalView",
        "* Дополнено по данным записи: {0}. Сервер этих данных не прислал; на талоне они "
        "отмечены «*».",
    ).format(names)


def local(moment: datetime | None) -> datetime | None:
    """When the desk did it, on this computer's clock."""
    return local_time(moment)


def doctor_of(entry: JournalEntry) -> str:
    ticket = entry.ticket
    return entry.resource_name or (ticket.doc_fio if ticket else None) or "—"


def clinic_of(entry: JournalEntry) -> str:
    lpu = entry.ticket.lpu if entry.ticket else None
    return entry.clinic_name or (lpu.display_name if lpu else None) or "—"


class JournalTableModel(QAbstractTableModel):
    """Journal entries as table rows; the entries themselves are kept for details and actions.

    Status and patient come right after the time: they are what the operator scans for, and
    they stay in view when the window is narrow.
    """

    TIME, STATUS, PATIENT, DOCTOR, CLINIC, TICKET, PRINTED = range(7)
    COLUMNS = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[JournalEntry] = []
        self._with_dates = False

    def set_entries(self, entries: list[JournalEntry], *, with_dates: bool) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._with_dates = with_dates
        self.endResetModel()

    def entry(self, row: int) -> JournalEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: int) -> int:
        return next((i for i, e in enumerate(self._entries) if e.id == entry_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.TIME: self.tr("Время"),
            self.STATUS: self.tr("Статус"),
            self.PATIENT: self.tr("Пациент"),
            self.DOCTOR: self.tr("Врач"),
            self.CLINIC: self.tr("Поликлиника"),
            self.TICKET: self.tr("№ талона"),
            self.PRINTED: self.tr("Печать"),
        }
        return titles.get(section)

    def _text(self, entry: JournalEntry, column: int) -> str:
        if column == self.TIME:
            created = local(entry.created_at)
            return stamp(created) if self._with_dates else hhmm(created)
        if column == self.STATUS:
            text = entry_status_text(entry)
            return self.tr("{0} (учебная)").format(text) if entry.training else text
        if column == self.PATIENT:
            return entry.patient_label or "—"
        if column == self.DOCTOR:
            return doctor_of(entry)
        if column == self.CLINIC:
            return clinic_of(entry)
        if column == self.TICKET:
            number = entry.ticket_num or ""
            if entry.filled_fields:  # the slip was partly filled from the operator's choice
                return f"{number} {FILLED_MARK}".strip()
            return number
        if column == self.PRINTED:
            return str(entry.print_count) if entry.print_count else ""
        return ""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # A tooltip that looks like HTML is rendered as HTML: escape the server's text.
            text = self._text(entry, column)
            if column == self.TICKET and entry.filled_fields:
                text = filled_note(entry)
            return f"<p>{html.escape(text)}</p>" if text else None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if entry.cancel_unconfirmed:
                return QColor(_CANCEL_UNCONFIRMED_COLOUR)
            return QColor(_STATUS_COLOURS.get(entry.status, "#000000"))
        if role == Qt.ItemDataRole.ForegroundRole and entry.is_cancelled:
            return QColor(_STATUS_COLOURS["cancelled"])
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.STATUS
            and (entry.status == "unknown" or entry.cancel_unconfirmed)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.FontRole and column == self.TICKET and entry.is_cancelled:
            font = QFont()
            font.setStrikeOut(True)  # a cancelled ticket is not valid
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.TIME,
            self.TICKET,
            self.PRINTED,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


__all__ = [
    "FILLED_MARK",
    "JournalTableModel",
    "cancellable",
    "clinic_of",
    "doctor_of",
    "entry_status_text",
    "filled_names",
    "filled_note",
    "local",
    "status_text",
]
