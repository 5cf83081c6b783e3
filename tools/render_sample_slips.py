"""Regenerate the sample slip pictures in ``resources/screenshots``.

Renders realistic tickets to PDF with the app's own printing code, then rasterises them with
poppler's ``pdftoppm`` at 150 dpi, so the pictures show exactly what a printer would get: a full
answer on every paper, a short ``fullResponse=false`` answer filled from what the operator chose
(with the reminder line of the settings), a room with a long name on 58 mm, a work-mode slip
with the operator's stub below the cut line (80 and 58 mm), and a cancelled booking's slip.

    uv run python tools/render_sample_slips.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from PySide6.QtWidgets import QApplication

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.printing import ChosenBooking, SlipLayout, TicketSlip, clinic_zone
from desktop_app.ui.printing.slip_printer import save_pdf

REPO = Path(__file__).resolve().parent.parent

SAMPLE_TICKET = {
    "ticketGuid": "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f",
    "num": "12",
    "room": "214",
    "flat": 2,
    "busyType": {"code": 1, "name": "Приём по направлению"},
    "docFio": "Смирнова Елена Викторовна",
    "doctorRole": "врач-терапевт участковый",
    "speciality": "Терапия",
    "beginTime": "2026-11-27T10:20:00+03:00",
    "endTime": "2026-11-27T10:40:00+03:00",
    "login": "reg_ivanova",
    "lpu": {
        "ferName": "ГБУЗ «Городская поликлиника № 3»",
        "name": "ГП № 3",
        "address": "г. Москва, ул. Ленина, д. 10, корп. 2",
        "phone": "+7 (495) 123-45-67",
    },
}

#: A ``fullResponse=false`` answer: the number and the GUID, nothing else.
SHORT_TICKET = {"ticketGuid": SAMPLE_TICKET["ticketGuid"], "num": "12"}

#: What the operator picked for that booking (the directory's clinic and doctor, the day).
CHOSEN = ChosenBooking(
    clinic_name="ГБУЗ «Городская поликлиника № 3»",
    clinic_address="г. Москва, ул. Ленина, д. 10, корп. 2",
    clinic_phone="+7 (495) 123-45-67",
    resource_name="Смирнова Елена Викторовна",
    resource_kind="doctor",
    speciality="Терапия",
    room="214",
    floor=2,
    day=date(2026, 11, 27),
    time=clock_time(10, 20),
)

#: A room (``resType: room``) with a long name, its times sent in UTC.
ROOM_TICKET = {
    **SAMPLE_TICKET,
    "num": "7",
    "room": "Кабинет ультразвуковой диагностики № 12а",
    "flat": 1,
    "docFio": "Кабинет ультразвуковой диагностики",
    "doctorRole": None,
    "speciality": "Кабинет УЗИ",
    "busyType": {"code": 204, "name": "Процедуры и манипуляции"},
    "beginTime": "2026-11-27T07:20:00Z",
    "endTime": "2026-11-27T07:40:00Z",
}

REMINDER = "При себе иметь полис ОМС и паспорт"
PATIENT = "Лебедев А. П., д. р. 12.04.1985"


@dataclass(frozen=True)
class Sample:
    layout: SlipLayout
    training: bool = False
    ticket: dict[str, Any] | None = None
    chosen: ChosenBooking | None = None
    reminder: str | None = None
    patient: str | None = None
    patient_on_slip: bool = False
    cancelled: bool = False


SAMPLES: dict[str, Sample] = {
    "slip-80mm": Sample(SlipLayout.ROLL80),
    "slip-a5": Sample(SlipLayout.A5),
    "slip-80mm-training": Sample(SlipLayout.ROLL80, training=True),
    "slip-58mm-short-answer": Sample(
        SlipLayout.ROLL58, ticket=SHORT_TICKET, chosen=CHOSEN, reminder=REMINDER
    ),
    "slip-58mm-room": Sample(SlipLayout.ROLL58, ticket=ROOM_TICKET, reminder=REMINDER),
    "slip-80mm-stub": Sample(SlipLayout.ROLL80, reminder=REMINDER, patient=PATIENT),
    "slip-58mm-stub": Sample(SlipLayout.ROLL58, patient=PATIENT, patient_on_slip=True),
    "slip-80mm-cancelled": Sample(SlipLayout.ROLL80, patient=PATIENT, cancelled=True),
    "slip-58mm-cancelled": Sample(SlipLayout.ROLL58, ticket=ROOM_TICKET, cancelled=True),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "screenshots")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (Debian: apt-get install poppler-utils)", file=sys.stderr)
        return 2

    app = QApplication.instance() or QApplication([])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, sample in SAMPLES.items():
            layout = sample.layout
            ticket = TicketVisitWithLpu.model_validate(sample.ticket or SAMPLE_TICKET)
            slip = TicketSlip.from_ticket(
                ticket,
                printed_at=datetime(2026, 11, 27, 9, 58),
                operator_login="reg_ivanova",
                training=sample.training,
                chosen=sample.chosen,
                zone=clinic_zone(180),
                reminder=sample.reminder,
                patient=sample.patient,
                patient_on_slip=sample.patient_on_slip,
                cancelled=sample.cancelled,
            )
            started = time.perf_counter()
            pdf = save_pdf(slip, layout, Path(tmp) / f"{name}.pdf")
            elapsed_ms = (time.perf_counter() - started) * 1000
            target = args.out / name
            subprocess.run(
                ["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(target)],
                check=True,
            )
            print(f"{target}.png  ({layout.title}, PDF in {elapsed_ms:.0f} ms)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
