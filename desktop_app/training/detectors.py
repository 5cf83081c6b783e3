"""Deciding "the exercise is done" from what the operator saw and did.

An exercise is a short sequence of desk events: "the 4009 dialog for this patient and this
doctor, then a ticket for the same patient and doctor". ``StepDetector`` follows such a sequence
over the stream of ``DeskEvent``s the window emits:

* an event matching the *first* step (re)starts the sequence and binds the patient, clinic,
  doctor and ticket it names: a later attempt always replaces an earlier one;
* an event matching the *current* step, for the same bound patient/doctor/…, moves on;
* a "breaker" event in the middle (another ticket shown before the slip was printed, booking
  again after an unknown outcome) starts over, optionally with a message for the trainee;
* anything else is ignored: trainees click around, and that is fine.

A field that an event does not carry (None) is not compared: a print event may not name the
patient, and that must not fail the exercise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.booking.events import DeskEvent, DeskEventKind

__all__ = ["BOUND_FIELDS", "Expect", "Feedback", "Outcome", "StepDetector"]

#: The event fields a first step binds and later steps can require to be the same.
BOUND_FIELDS: tuple[str, ...] = ("patient_id", "lpu_guid", "resource_guid", "ticket_guid")


def _folded(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(v.lower() for v in values)


@dataclass(frozen=True)
class Expect:
    """One step: an event of ``kind`` whose fields fall within the given sets.

    ``None`` for a set means "any". ``same`` names fields (of ``BOUND_FIELDS``) that must equal
    what the earlier steps bound. GUIDs are compared case-insensitively.
    """

    kind: DeskEventKind
    codes: frozenset[str] | None = None
    patients: frozenset[str] | None = None
    clinics: frozenset[str] | None = None
    resources: frozenset[str] | None = None
    same: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        kind: DeskEventKind,
        *,
        codes: Iterable[str] | None = None,
        patients: Iterable[str] | None = None,
        clinics: Iterable[str] | None = None,
        resources: Iterable[str] | None = None,
        same: Sequence[str] = (),
    ) -> Expect:
        unknown = set(same) - set(BOUND_FIELDS)
        if unknown:
            raise ValueError(f"cannot require the same {sorted(unknown)}")
        return cls(
            kind,
            None if codes is None else frozenset(codes),
            None if patients is None else frozenset(patients),
            _folded(clinics),
            _folded(resources),
            tuple(same),
        )

    def matches(self, event: DeskEvent, bound: Mapping[str, str]) -> bool:
        if event.kind is not self.kind:
            return False
        if self.codes is not None and (event.message_code or "") not in self.codes:
            return False
        checks = (
            (self.patients, event.patient_id),
            (self.clinics, (event.lpu_guid or "").lower() or None),
            (self.resources, (event.resource_guid or "").lower() or None),
        )
        for allowed, value in checks:
            if allowed is not None and (value is None or value not in allowed):
                return False
        for name in self.same:
            want, got = bound.get(name), _value(event, name)
            if want is not None and got is not None and want != got:
                return False
        return True


def _value(event: DeskEvent, name: str) -> str | None:
    value = getattr(event, name)
    if value is None:
        return None
    return value.lower() if name != "patient_id" else value


class Outcome(StrEnum):
    IGNORED = "ignored"
    STARTED = "started"  # the first step matched (again)
    ADVANCED = "advanced"  # a later step matched, more to go
    DONE = "done"
    RESTARTED = "restarted"  # a breaker came in the middle


@dataclass(frozen=True)
class Feedback:
    outcome: Outcome
    stage: int  # steps done so far
    total: int
    message: str | None = None  # for RESTARTED: what went wrong, in Russian


@dataclass
class StepDetector:
    """A small state machine over desk events (see the module docstring)."""

    steps: Sequence[Expect]
    breakers: Mapping[DeskEventKind, str | None] = field(default_factory=dict)
    stage: int = 0
    done: bool = False
    bound: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("a detector needs at least one step")

    @property
    def total(self) -> int:
        return len(self.steps)

    def restart(self) -> None:
        """Forget a half-done sequence (not a finished one)."""
        self.stage = 0
        self.bound = {}

    def feed(self, event: DeskEvent) -> Feedback:
        if self.done:
            return Feedback(Outcome.IGNORED, self.stage, self.total)
        if self.steps[0].matches(event, {}):
            self.bound = {}
            self._bind(event)
            self.stage = 1
            outcome = Outcome.STARTED
        elif self.stage > 0 and self.steps[self.stage].matches(event, self.bound):
            self._bind(event)
            self.stage += 1
            outcome = Outcome.ADVANCED
        elif self.stage > 0 and event.kind in self.breakers:
            self.restart()
            return Feedback(Outcome.RESTARTED, 0, self.total, self.breakers[event.kind])
        else:
            return Feedback(Outcome.IGNORED, self.stage, self.total)
        if self.stage >= self.total:
            self.done = True
            return Feedback(Outcome.DONE, self.stage, self.total)
        return Feedback(outcome, self.stage, self.total)

    def _bind(self, event: DeskEvent) -> None:
        for name in BOUND_FIELDS:
            value = _value(event, name)
            if value is not None:
                self.bound[name] = value
