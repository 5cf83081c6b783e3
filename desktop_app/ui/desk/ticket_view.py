"""The ticket card shown after a successful booking: number, room and floor large.

Every value on the card comes from the server, so every label is plain text: a ``<b>`` or a
``<script>`` in a doctor's name is shown as typed, never interpreted.

Every label wraps and nothing has a fixed height, so the card grows (inside the window's scroll
area) instead of clipping at a large font scale. The patient the ticket belongs to is shown
right under the title when known; a cancelled ticket is marked "ОТМЕНЕНА" in red and greyed.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.text import DEFAULT_ZONE, day_text, display_zone, stamp, time_range, to_zone
from desktop_app.ui.desk.status import StatusBadge

if TYPE_CHECKING:  # the window paints before the wire models are imported
    from desktop_app.api import BusyType, TicketVisitWithLpu

#: Colours on the window background (#efefef, or the training tint #fff8e1); each ≥ 4.5:1.
CAPTION_COLOUR = "#333333"
CANCELLED_COLOUR = "#b3261e"
GREYED_COLOUR = "#5f5f5f"
TRAINING_MARK_COLOUR = "#7a3e00"

#: A trailing "(4)" / "(код 4)" some servers append to the busy type's name.
_TRAILING_CODE = re.compile(r"\s*[(\[]\s*(?:код\s*)?[\w-]{1,8}\s*[)\]]\s*$", re.IGNORECASE)


def _big(label: QLabel, factor: float) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def doctor_lines(fio: str | None, role: str | None, speciality: str | None) -> list[str]:
    """The doctor's name, role and speciality, each once.

    Role and speciality are merged when one contains the other, ignoring case and "ё"
    ("Врач-терапевт участковый" / "Терапевт участковый" → "Врач-терапевт участковый"): the
    longer, fuller one is kept. Both are shown when they differ ("Врач-хирург" / "Онколог").
    """
    role = (role or "").strip() or None
    speciality = (speciality or "").strip() or None
    if role and speciality:
        a, b = _fold(role), _fold(speciality)
        if b in a:
            speciality = None
        elif a in b:
            role, speciality = speciality, None
    first = ", ".join(p for p in ((fio or "").strip() or None, role) if p)
    return [line for line in (first, speciality) if line]


def busy_type_name(busy_type: BusyType | None) -> str | None:
    """The kind of visit by its name, never a raw code: the server's name without a trailing
    "(4)", else the documented name of the code; None when only an unknown code came."""
    if busy_type is None:
        return None
    name = (busy_type.name or "").strip()
    if name:
        bare = _TRAILING_CODE.sub("", name).strip()
        return bare or name
    if busy_type.code:
        from desktop_app.api.models import KNOWN_BUSY_TYPES

        return KNOWN_BUSY_TYPES.get(busy_type.code)
    return None


class TicketView(QFrame):
    """Read-only card. ``show_ticket`` fills it; ``clear`` shows the placeholder;
    ``set_cancelled`` marks the shown ticket cancelled (or not)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Талон записи"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.placeholder = QLabel(
            self.tr(
                "Здесь появится талон после записи.\n\n"
                "Выберите поликлинику, врача и дату, затем нажмите «Записать» "
                "(Ctrl+Enter)."
            ),
            self,
        )
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("ticketPlaceholder")

        self.card = QWidget(self)
        self.card.setObjectName("ticketCard")
        grid = QGridLayout(self.card)
        grid.setColumnStretch(1, 1)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(6)
        grid.setHorizontalSpacing(12)
        self._values: list[QLabel] = []
        self._captions: list[QLabel] = []

        def value(name: str, factor: float = 1.0, accessible: str = "") -> QLabel:
            label = QLabel(self.card)
            label.setObjectName(name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if accessible:
                label.setAccessibleName(accessible)
            if factor != 1.0:
                _big(label, factor)
            self._values.append(label)
            return label

        self.title = QLabel(self.tr("Талон на приём — вне расписания"), self.card)
        self.title.setObjectName("ticketTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        _big(self.title, 1.2)
        self.cancelled_mark = QLabel(self.tr("ОТМЕНЕНА"), self.card)
        self.cancelled_mark.setObjectName("ticketCancelledMark")
        self.cancelled_mark.setTextFormat(Qt.TextFormat.PlainText)
        self.cancelled_mark.setWordWrap(True)
        self.cancelled_mark.setAccessibleName(self.tr("Запись отменена"))
        _big(self.cancelled_mark, 1.6)
        self.cancelled_mark.setStyleSheet(
            f"color: {CANCELLED_COLOUR}; border: 2px solid {CANCELLED_COLOUR}; padding: 2px 6px;"
        )
        self.cancelled_mark.hide()
        self.patient = value("ticketPatient", 1.05, self.tr("Пациент"))
        self.number = value("ticketNumber", 3.0, self.tr("Номер талона"))
        self.room = value("ticketRoom", 2.0, self.tr("Кабинет"))
        self.floor = value("ticketFloor", 2.0, self.tr("Этаж"))
        self.busy_type = value("ticketBusyType", 1.0, self.tr("Тип приёма"))
        self.doctor = value("ticketDoctor", 1.15, self.tr("Врач"))
        self.when = value("ticketTime", 1.4, self.tr("Время приёма"))
        self.clinic = value("ticketClinic", 1.0, self.tr("Поликлиника"))
        self.booked = value("ticketBooked", 0.95, self.tr("Кем и когда записано"))
        self.status = StatusBadge(self.card, object_prefix="ticket", wrap=True)
        self.training_mark = QLabel(self.tr("УЧЕБНАЯ ЗАПИСЬ — не настоящая"), self.card)
        self.training_mark.setObjectName("ticketTrainingMark")
        self.training_mark.setTextFormat(Qt.TextFormat.PlainText)
        self.training_mark.setWordWrap(True)
        self.training_mark.setStyleSheet(f"color: {TRAINING_MARK_COLOUR}; font-weight: bold;")
        self.training_mark.hide()

        rows: list[tuple[str | None, QWidget]] = [
            (None, self.title),
            (None, self.cancelled_mark),
            (self.tr("Пациент:"), self.patient),
            (self.tr("Номер:"), self.number),
            (self.tr("Кабинет:"), self.room),
            (self.tr("Этаж:"), self.floor),
            (self.tr("Приём:"), self.when),
            (self.tr("Врач:"), self.doctor),
            (self.tr("Тип приёма:"), self.busy_type),
            (self.tr("Поликлиника:"), self.clinic),
            (self.tr("Статус:"), self.status),
            (self.tr("Записано:"), self.booked),
            (None, self.training_mark),
        ]
        self._grid = grid
        self._rows: list[tuple[QLabel | None, QWidget]] = []
        for caption, widget in rows:
            cap = None
            if caption is not None:
                cap = QLabel(caption, self.card)
                cap.setTextFormat(Qt.TextFormat.PlainText)
                self._captions.append(cap)
                if widget is self.patient:
                    self.patient_caption = cap
            self._rows.append((cap, widget))
        #: Captions beside the values (wide) or above them (narrow: a large font scale or a
        #: small screen); chosen from the width the card is given, see resizeEvent.
        self.stacked = False
        self._arrange(stacked=False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.card)
        self.ticket: TicketVisitWithLpu | None = None
        self.patient_text: str | None = None
        self.cancelled = False
        self._paint(cancelled=False)
        self.clear()

    # -- layout that reflows instead of clipping --------------------------------------------------

    def _arrange(self, *, stacked: bool) -> None:
        grid = self._grid
        for caption, widget in self._rows:
            if caption is not None:
                grid.removeWidget(caption)
            grid.removeWidget(widget)
        row = 0
        for caption, widget in self._rows:
            if caption is None:
                grid.addWidget(widget, row, 0, 1, 2)
            elif stacked:
                caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(caption, row, 0, 1, 2)
                row += 1
                grid.addWidget(widget, row, 0, 1, 2)
            else:
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(caption, row, 0)
                grid.addWidget(widget, row, 1)
            row += 1
        for stretch_row in range(grid.rowCount()):
            grid.setRowStretch(stretch_row, 0)
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1 if stacked else 0)
        self.stacked = stacked

    def _side_by_side_width(self) -> int:
        """The width captions and values need side by side (their longest unbreakable words)."""
        captions = [c for c, _ in self._rows if c is not None and not c.isHidden()]
        values = [w for c, w in self._rows if c is not None and not w.isHidden()]
        caption_width = max((c.minimumSizeHint().width() for c in captions), default=0)
        value_width = max((w.minimumSizeHint().width() for w in values), default=0)
        full_width = max(
            (w.minimumSizeHint().width() for c, w in self._rows if c is None and not w.isHidden()),
            default=0,
        )
        side = caption_width + self._grid.horizontalSpacing() + value_width
        return max(side, full_width) + self._chrome()

    def _stacked_width(self) -> int:
        widths = [w.minimumSizeHint().width() for c, w in self._rows if not w.isHidden()]
        widths += [c.minimumSizeHint().width() for c, _ in self._rows if c is not None]
        return max(widths, default=0) + self._chrome()

    def _chrome(self) -> int:
        """Horizontal margins and frame around the card's grid."""
        inner = self._grid.contentsMargins()
        layout = self.layout()
        outer = layout.contentsMargins() if layout is not None else inner
        return inner.left() + inner.right() + outer.left() + outer.right() + 2 * self.frameWidth()

    def _reflow(self) -> None:
        stacked = self.width() < self._side_by_side_width()
        if stacked != self.stacked:
            self._arrange(stacked=stacked)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the stacked card: a scroll area gives the card its own width (and the
        card then puts the captions above the values) instead of a wider one to scroll."""
        hint = super().minimumSizeHint()
        if self.card.isHidden():
            return hint
        return QSize(min(hint.width(), self._stacked_width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def clear(self) -> None:
        self.ticket = None
        self.patient_text = None
        self.set_cancelled(False)
        self.card.hide()
        self.placeholder.show()

    def show_ticket(
        self,
        ticket: TicketVisitWithLpu,
        *,
        training: bool,
        zone: tzinfo | None = None,
        patient: str | None = None,
    ) -> None:
        """Show the ticket; its times on the clinic's clock ``zone`` (default: Moscow).

        ``patient``: who it was booked for, as the operator identified them ("Лебедев А. П.,
        д. р. 12.04.1985"); the row is hidden when it is not known. A newly shown ticket is
        never marked cancelled.
        """
        self.ticket = ticket
        zone = zone or DEFAULT_ZONE
        dash = "—"
        self.patient_text = (patient or "").strip() or None
        # "д. р. 12.04.1985" stays on one line when the name wraps.
        self.patient.setText((self.patient_text or "").replace("д. р. ", "д.\u00a0р.\u00a0"))
        self.patient.setVisible(self.patient_text is not None)
        self.patient_caption.setVisible(self.patient_text is not None)
        self.number.setText(ticket.num or dash)
        self.room.setText(ticket.room or dash)
        self.floor.setText(str(ticket.flat) if ticket.flat is not None else dash)
        self.busy_type.setText(busy_type_name(ticket.busy_type) or dash)
        doctor = doctor_lines(ticket.doc_fio, ticket.doctor_role, ticket.speciality)
        self.doctor.setText("\n".join(doctor) or dash)
        # The clinic's wall clock, by the same rule as the slip (TicketSlip.from_ticket): both
        # ends converted to the clinic's zone; a naive end is in its aware partner's offset.
        begin = ticket.begin_time
        when = ""
        if begin is not None:
            assumed = display_zone(begin, ticket.end_time, naive_in=zone)
            when = time_range(begin, ticket.end_time, tz=zone, naive_in=assumed)
            day = day_text(to_zone(begin, zone, naive_in=assumed).date())
            when = f"{when}, {day}"
        self.when.setText(when or self.tr("время назначит поликлиника"))
        lpu = ticket.lpu
        if lpu is not None:
            lines = [lpu.display_name]
            if lpu.address:
                lines.append(lpu.address)
            if lpu.phone:
                lines.append(self.tr("тел. {0}").format(lpu.phone))
            self.clinic.setText("\n".join(lines))
        else:
            self.clinic.setText(dash)
        self.status.set_status(lpu.status if lpu else None)
        booked = []
        if ticket.date_of_appointment:
            booked.append(stamp(ticket.date_of_appointment))
        who = " / ".join(p for p in (ticket.source_name, ticket.login) if p)
        if who:
            booked.append(who)
        self.booked.setText(", ".join(booked) or dash)
        self.training_mark.setVisible(training)
        self.set_cancelled(False)
        self.placeholder.hide()
        self.card.show()
        self._reflow()
        self.updateGeometry()

    def set_cancelled(self, cancelled: bool) -> None:
        """Mark the shown ticket cancelled: a red "ОТМЕНЕНА" above it, its values greyed and
        the number struck through. ``False`` takes the mark away again."""
        self.cancelled = bool(cancelled)
        self.cancelled_mark.setVisible(self.cancelled)
        self._paint(cancelled=self.cancelled)
        name = self.tr("Талон записи — запись отменена") if self.cancelled else ""
        self.setAccessibleName(name or self.tr("Талон записи"))

    def _paint(self, *, cancelled: bool) -> None:
        value_colour = f"color: {GREYED_COLOUR};" if cancelled else ""
        for label in self._values:
            label.setStyleSheet(value_colour)
        caption = GREYED_COLOUR if cancelled else CAPTION_COLOUR
        for label in self._captions:
            label.setStyleSheet(f"color: {caption};")
        self.title.setStyleSheet(value_colour)
        font = QFont(self.number.font())
        font.setStrikeOut(cancelled)
        self.number.setFont(font)
