"""The ticket card shown after a successful booking: number, room and floor large.

Every value on the card comes from the server, so every label is plain text: a ``<b>`` or a
``<script>`` in a doctor's name is shown as typed, never interpreted.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api import TicketVisitWithLpu
from desktop_app.text import DEFAULT_ZONE, day_ru, display_zone, stamp, time_range, to_zone
from desktop_app.ui.desk.status import StatusBadge


def _big(label: QLabel, factor: float) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)


class TicketView(QFrame):
    """Read-only card. ``show_ticket`` fills it; ``clear`` shows the placeholder."""

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
        grid = QGridLayout(self.card)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        grid.setHorizontalSpacing(12)

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
            return label

        self.title = QLabel(self.tr("Талон на приём — вне расписания"), self.card)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        _big(self.title, 1.2)
        self.number = value("ticketNumber", 3.0, self.tr("Номер талона"))
        self.room = value("ticketRoom", 2.0, self.tr("Кабинет"))
        self.floor = value("ticketFloor", 2.0, self.tr("Этаж"))
        self.busy_type = value("ticketBusyType", 1.0, self.tr("Тип приёма"))
        self.doctor = value("ticketDoctor", 1.15, self.tr("Врач"))
        self.when = value("ticketTime", 1.4, self.tr("Время приёма"))
        self.clinic = value("ticketClinic", 1.0, self.tr("Поликлиника"))
        self.booked = value("ticketBooked", 0.95, self.tr("Кем и когда записано"))
        self.status = StatusBadge(self.card, object_prefix="ticket")
        self.training_mark = QLabel(self.tr("УЧЕБНАЯ ЗАПИСЬ — не настоящая"), self.card)
        self.training_mark.setObjectName("ticketTrainingMark")
        self.training_mark.setTextFormat(Qt.TextFormat.PlainText)
        self.training_mark.setStyleSheet("color: #7a3e00; font-weight: bold;")
        self.training_mark.hide()

        rows = [
            (None, self.title),
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
        for row, (caption, widget) in enumerate(rows):
            if caption is None:
                grid.addWidget(widget, row, 0, 1, 2)
                continue
            cap = QLabel(caption, self.card)
            cap.setTextFormat(Qt.TextFormat.PlainText)
            cap.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            cap.setStyleSheet("color: #333;")
            grid.addWidget(cap, row, 0)
            grid.addWidget(widget, row, 1)
        grid.setRowStretch(len(rows), 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.card)
        self.ticket: TicketVisitWithLpu | None = None
        self.clear()

    def clear(self) -> None:
        self.ticket = None
        self.card.hide()
        self.placeholder.show()

    def show_ticket(
        self, ticket: TicketVisitWithLpu, *, training: bool, zone: tzinfo | None = None
    ) -> None:
        """Show the ticket; its times on the clinic's clock ``zone`` (default: Moscow)."""
        self.ticket = ticket
        zone = zone or DEFAULT_ZONE
        dash = "—"
        self.number.setText(ticket.num or dash)
        self.room.setText(ticket.room or dash)
        self.floor.setText(str(ticket.flat) if ticket.flat is not None else dash)
        self.busy_type.setText(ticket.busy_type.describe() if ticket.busy_type else dash)
        doctor = ", ".join(p for p in (ticket.doc_fio, ticket.doctor_role) if p)
        if ticket.speciality and ticket.speciality != ticket.doctor_role:
            doctor = f"{doctor}\n{ticket.speciality}" if doctor else ticket.speciality
        self.doctor.setText(doctor or dash)
        # The clinic's wall clock, by the same rule as the slip (TicketSlip.from_ticket): both
        # ends converted to the clinic's zone; a naive end is in its aware partner's offset.
        begin = ticket.begin_time
        when = ""
        if begin is not None:
            assumed = display_zone(begin, ticket.end_time, naive_in=zone)
            when = time_range(begin, ticket.end_time, tz=zone, naive_in=assumed)
            when = f"{when}, {day_ru(to_zone(begin, zone, naive_in=assumed).date())}"
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
        self.placeholder.hide()
        self.card.show()
