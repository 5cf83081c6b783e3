"""Helpers for the extra widget tests: a real shift journal with entries, Cyrillic mnemonics.

Typing and window teardown come from the one window kit, ``tests/qtkit.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.api import TicketVisitWithLpu
from desktop_app.journal import ShiftJournal, patient_key_from_token
from tests.qtkit import type_text

__all__ = ["LPU", "RES", "Clock", "JournalKit", "alt_key", "ticket", "type_text"]

LPU = "8e8f2a3c-1111-4a5b-9c9d-0123456789ab"
RES = "5b1d3f00-2222-4c3d-8e8f-abcdefabcdef"


def alt_key(letter: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    """Key and modifier for a Cyrillic mnemonic (``Alt+Ч``): Qt keys them by the upper letter."""
    return Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier


class Clock:
    """A settable "now" shared by the journal and the view."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def ticket(**overrides: Any) -> TicketVisitWithLpu:
    data: dict[str, Any] = {
        "ticketGuid": "0f0e0d0c-3333-4b4b-8c8c-111122223333",
        "num": "12",
        "room": "214",
        "flat": 2,
        "docFio": "Смирнова Елена Викторовна",
        "doctorRole": "врач-терапевт участковый",
        "speciality": "Терапия",
        "beginTime": "2026-11-27T10:20:00+03:00",
        "endTime": "2026-11-27T10:40:00+03:00",
        "busyType": {"code": 4, "name": "Вне расписания"},
        "login": "reg_ivanova",
        "sourceName": "Регистратура",
        "lpu": {
            "guid": LPU,
            "name": "ГП № 3",
            "address": "г. Москва, ул. Ленина, д. 10",
            "phone": "+7 (495) 123-45-67",
        },
    }
    data.update(overrides)
    return TicketVisitWithLpu.model_validate(data)


class JournalKit:
    """A real journal in ``tmp_path`` and helpers that write entries as the booking flow does."""

    def __init__(self, journal: ShiftJournal, clock: Clock) -> None:
        self.journal = journal
        self.clock = clock

    def attempt(
        self,
        patient: str,
        *,
        token: str | None = None,
        training: bool = False,
        resource: str = "Смирнова Елена Викторовна",
    ) -> int:
        return self.journal.record_attempt(
            lpu_guid=LPU,
            resource_guid=RES,
            day=self.clock.now.date(),
            at=None,
            patient_key=patient_key_from_token(token or f"token-of-{patient}"),
            patient_label=patient,
            clinic_name="ГП № 3",
            resource_name=resource,
            training=training,
        )

    def booked(self, patient: str, num: str = "12", **kw: Any) -> int:
        attempt_id = self.attempt(patient, **kw)
        self.journal.record_success(attempt_id, ticket(num=num))
        return attempt_id

    def failed(self, patient: str) -> int:
        attempt_id = self.attempt(patient)
        self.journal.record_failure(
            attempt_id,
            kind="refused",
            status=400,
            message_code="4005",
            message="У врача нет свободного времени на эту дату",
        )
        return attempt_id

    def unknown(self, patient: str) -> int:
        attempt_id = self.attempt(patient)
        self.journal.record_unknown(attempt_id, "Сервер не ответил за 20 секунд")
        return attempt_id
