"""Regenerate the sample slip pictures in ``resources/screenshots``.

Renders a realistic ticket to PDF with the app's own printing code, then rasterises it with
poppler's ``pdftoppm`` at 150 dpi, so the pictures show exactly what a printer would get.

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
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from PySide6.QtWidgets import QApplication

from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.printing import SlipLayout, TicketSlip
from desktop_app.ui.slip_printer import save_pdf

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

#: picture name → (layout, training)
SAMPLES: dict[str, tuple[SlipLayout, bool]] = {
    "slip-80mm": (SlipLayout.ROLL80, False),
    "slip-a5": (SlipLayout.A5, False),
    "slip-80mm-training": (SlipLayout.ROLL80, True),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "screenshots")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (Debian: apt-get install poppler-utils)", file=sys.stderr)
        return 2

    app = QApplication.instance() or QApplication([])
    ticket = TicketVisitWithLpu.model_validate(SAMPLE_TICKET)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (layout, training) in SAMPLES.items():
            slip = TicketSlip.from_ticket(
                ticket,
                printed_at=datetime(2026, 11, 27, 9, 58),
                operator_login="reg_ivanova",
                training=training,
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
