"""Shared sample tickets for the slip tests; Qt runs offscreen (set before any Qt import)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime
from typing import Any

import pytest

from desktop_app.api.models import TicketVisitWithLpu

SAMPLE_GUID = "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f"
PRINTED_AT = datetime(2026, 11, 27, 9, 58)


def ticket_data(**overrides: Any) -> dict[str, Any]:
    """A full booking answer as the registry sends it (camelCase JSON)."""
    data: dict[str, Any] = {
        "ticketGuid": SAMPLE_GUID,
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
        "sourceName": "Регистратура",
        "lpu": {
            "ferName": "ГБУЗ «Городская поликлиника № 3»",
            "name": "ГП № 3",
            "fullName": "Государственное бюджетное учреждение здравоохранения «ГП № 3»",
            "address": "г. Москва, ул. Ленина, д. 10, корп. 2",
            "phone": "+7 (495) 123-45-67",
        },
    }
    data.update(overrides)
    return data


def make_ticket(**overrides: Any) -> TicketVisitWithLpu:
    return TicketVisitWithLpu.model_validate(ticket_data(**overrides))


@pytest.fixture
def sample_ticket() -> TicketVisitWithLpu:
    return make_ticket()


class Samples:
    """Test data reachable through one fixture (test modules cannot import ``conftest``
    reliably: several conftest modules share that name in one run)."""

    guid = SAMPLE_GUID
    printed_at = PRINTED_AT
    ticket = staticmethod(make_ticket)
    data = staticmethod(ticket_data)


@pytest.fixture
def samples() -> type[Samples]:
    return Samples
