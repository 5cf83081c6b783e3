"""A Qt-free stand-in for the desk window, for driving exercises end to end on the sandbox.

``CoreDesk.book`` does what one Ctrl+Enter does in training mode, at the level the exercises see
it: a token from the ``TrainingDesk`` (so its traps work), the sandbox's answer, and the desk
event the window would emit. With ``drop_connection`` on, the sandbox decides but the answer
never arrives (``OUTCOME_UNKNOWN``), and the attempt stays open like an "outcome unknown" row of
the shift journal: the next attempt for the same patient, doctor and day is warned first and
the recorded answer (default "Отмена") decides. Every event goes to ``TrainingDesk.observe``
and to one detector per exercise, as the training panel does. Imported by name (not a test
module).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from desktop_app.booking import DeskEvent, DeskEventKind
from desktop_app.sandbox import MSK, Sandbox, SandboxError
from desktop_app.sandbox import data as ds
from desktop_app.training import Exercise, StepDetector, TrainingDesk, build_exercises

K = DeskEventKind

#: "Now" of every run: 10:00 Moscow time, so tomorrow is always open.
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=MSK)
TOMORROW = (NOW + timedelta(days=1)).date()

_CHECKS_OFF = dict.fromkeys(
    (
        "past_date",
        "children_clinic",
        "age_limits",
        "self_booking",
        "dispensary",
        "one_per_speciality",
        "time_taken",
    ),
    False,
)


@dataclass
class CoreDesk:
    sandbox: Sandbox
    desk: TrainingDesk
    exercises: dict[str, Exercise]
    detectors: dict[str, StepDetector] = field(default_factory=dict)
    events: list[DeskEvent] = field(default_factory=list)
    open_unknown: set[tuple[str, str, date]] = field(default_factory=set)
    answers: list[bool] = field(default_factory=list)  # the rebook question; empty: "Отмена"

    @classmethod
    def create(cls) -> CoreDesk:
        sandbox = Sandbox(clock=lambda: NOW)
        desk = TrainingDesk(sandbox)
        exercises = {e.id: e for e in build_exercises(sandbox)}
        return cls(sandbox, desk, exercises, {i: e.detector() for i, e in exercises.items()})

    # -- what the panel does ---------------------------------------------------------------------

    def start(self, exercise_id: str) -> None:
        """ "Начать упражнение": a fresh detector and ``Exercise.prepare`` (the panel's call).

        The panel also closes the training journal's open "outcome unknown" rows of the
        exercise's patients; here that is ``open_unknown``.
        """
        exercise = self.exercises[exercise_id]
        self.detectors[exercise_id] = exercise.detector()
        exercise.prepare(self.desk)
        self.open_unknown = {k for k in self.open_unknown if k[0] not in exercise.patients}

    def done(self, exercise_id: str) -> bool:
        return self.detectors[exercise_id].done

    def emit(self, kind: DeskEventKind, **fields: object) -> DeskEvent:
        event = DeskEvent(kind=kind, **fields)  # type: ignore[arg-type]
        self.events.append(event)
        self.desk.observe(event)
        for detector in self.detectors.values():
            detector.feed(event)
        return event

    # -- what the window does --------------------------------------------------------------------

    def book(
        self,
        patient: str,
        lpu: str,
        resource: str,
        day: date = TOMORROW,
        at: time | None = None,
    ) -> DeskEvent:
        where = {
            "patient_id": patient,
            "lpu_guid": lpu,
            "resource_guid": resource,
            "has_time": at is not None,
        }
        status = (self.sandbox.clinic(lpu).get("status") or {}).get("name")
        if status is not None and status != "Online":
            # The window warns before sending to an Offline clinic; its default sends nothing.
            return self.emit(K.OFFLINE_DECLINED, **where)
        key = (patient, resource, day)
        if key in self.open_unknown:
            self.emit(K.REBOOK_WARNED, **where)
            if not (self.answers.pop(0) if self.answers else False):
                return self.emit(K.REBOOK_CANCELLED, **where)
            self.emit(K.REBOOK_CONFIRMED, **where)
            self.open_unknown.discard(key)
        token = self.desk.issue_token(patient)
        dropped = self.sandbox.config.drop_connection
        date_text = day.isoformat() if at is None else f"{day.isoformat()}T{at.isoformat()}"
        try:
            ticket = self.sandbox.book(token, lpu, resource, date_text)
        except SandboxError as exc:
            if dropped:
                self.open_unknown.add(key)
                return self.emit(K.OUTCOME_UNKNOWN, **where)
            if exc.code == "5009":
                kind = K.CREDENTIALS_REFUSED
            elif exc.status == 503:
                kind = K.UNAVAILABLE
            else:
                kind = K.REJECTED
            return self.emit(kind, message_code=exc.code, status=exc.status, **where)
        if dropped:
            self.open_unknown.add(key)
            return self.emit(K.OUTCOME_UNKNOWN, **where)
        return self.emit(
            K.BOOKED, ticket_guid=ticket["ticketGuid"], ticket_num=ticket["num"], **where
        )

    def print_slip(self, ticket_guid: str | None) -> DeskEvent:
        return self.emit(K.PRINTED, ticket_guid=ticket_guid)

    # -- set-up ----------------------------------------------------------------------------------

    def book_behind_the_scenes(
        self, patient: str, lpu: str, resource: str, at: time | None = None
    ) -> None:
        """A booking made before the exercise (a free try, an earlier run): every check off, a
        desk token, so it lands even where the exercise expects a refusal."""
        saved = dict(self.sandbox.config.checks)
        self.sandbox.update_config({"checks": _CHECKS_OFF})
        try:
            date_text = TOMORROW.isoformat() if at is None else f"{TOMORROW}T{at.isoformat()}"
            token = self.sandbox.issue_token(patient, channel="registry")
            self.sandbox.book(token, lpu, resource, date_text)
        finally:
            self.sandbox.update_config({"checks": saved})

    # -- GUIDs -----------------------------------------------------------------------------------

    def guid(self, key: str) -> str:
        return self.sandbox.resource_guid(key)

    def guids(self) -> dict[str, str]:
        marks = self.sandbox.landmarks()
        return {
            "main": marks.main_clinic,
            "children": marks.children_clinic,
            "offline": marks.offline_clinic,
            "surgeon": self.guid(f"{ds.MAIN_CLINIC}/surgeon"),
            "eye": self.guid(f"{ds.MAIN_CLINIC}/ophthalmologist"),
            "therapist2": self.guid(f"{ds.MAIN_CLINIC}/therapist-2"),
            "urologist": marks.full_day_doctor,
            "cardiologist": marks.dispensary_doctor,
            "geriatrician": marks.geriatrician,
            "pediatrician": marks.pediatrician,
            "offline_therapist": self.guid(f"{ds.OFFLINE_CLINIC}/therapist-1"),
        }


def kinds(events: Iterable[DeskEvent]) -> list[DeskEventKind]:
    return [e.kind for e in events]
