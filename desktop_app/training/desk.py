"""The sandbox as training mode sees it: the same simulator, plus one-shot "traps".

Some exercises need the next booking to go wrong in a particular way (the token has expired,
the connection drops after the booking was made). The sandbox can do both through its public
API (``issue_token(ttl_seconds<=0)``, ``update_config({"drop_connection": True})``), but only as
standing switches; a trainee must meet the trouble *once*, then work normally again. The desk
arms a trap, springs it on the next booking attempt and disarms it by itself.

Starting an exercise (``prepare_exercise``) also puts the exercise's patients back to the
sandbox's initial state (``Sandbox.reset_patient``): a booking from an earlier try must not turn
the exercise into a dead end (4008 where 4009 was meant, the lost connection's retry refused).

``TrainingDesk`` forwards every other attribute to the sandbox, so the window can use it
wherever it used the sandbox (``patients()``, ``now()``…) and call ``issue_token(patient_id)``
through it; see ``install_training`` for how the window is pointed at it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from desktop_app.booking.events import DeskEvent, DeskEventKind

if TYPE_CHECKING:
    from desktop_app.sandbox import Booking, Sandbox
    from desktop_app.training.exercises import Exercise

log = logging.getLogger(__name__)

__all__ = ["ATTEMPT_OUTCOMES", "EXPIRED_TTL_SECONDS", "TrainingDesk"]

#: A token issued this many seconds "ago" has expired before the request reaches the sandbox.
EXPIRED_TTL_SECONDS = -60

#: Events that end a booking attempt (one per POST that was sent or refused before sending).
ATTEMPT_OUTCOMES: frozenset[DeskEventKind] = frozenset(
    {
        DeskEventKind.BOOKED,
        DeskEventKind.REJECTED,
        DeskEventKind.CREDENTIALS_REFUSED,
        DeskEventKind.UNAVAILABLE,
        DeskEventKind.NETWORK,
        DeskEventKind.OUTCOME_UNKNOWN,
        DeskEventKind.MALFORMED,
        DeskEventKind.OTHER_ERROR,
    }
)

_ANY_PATIENT = "*"


class TrainingDesk:
    """Wraps one ``Sandbox``; arms and disarms the traps of the exercises."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._expire_for: str | None = None  # patient id, or _ANY_PATIENT
        self._drop_armed = False
        self._drop_was_on = False
        # A patient looked up by policy and birth date gets the token the desk issues, so the
        # expired-token trap fires on the real lookup flow too.
        sandbox.lookup_issuer = self.issue_token

    # -- the window's calls ----------------------------------------------------------------------

    def issue_token(self, patient_id: str) -> str:
        """A token for the roster patient; an already expired one when that trap is armed."""
        if self._expire_for in (patient_id, _ANY_PATIENT):
            self._expire_for = None
            log.info("training: issuing an expired token for %s", patient_id)
            return self.sandbox.issue_token(patient_id, ttl_seconds=EXPIRED_TTL_SECONDS)
        return self.sandbox.issue_token(patient_id)

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes the desk lacks: the rest of the sandbox's API.
        if name.startswith("__") or name == "sandbox":
            raise AttributeError(name)
        return getattr(self.sandbox, name)

    def prepare_exercise(self, exercise: Exercise) -> list[Booking]:
        """Start ``exercise``: no earlier trap, its patients as after a reset, then its trap.

        Returns the bookings the trainee had made that were removed (pre-seeded visits are made
        again and not listed), so the caller can say that earlier training bookings were cleared.
        """
        self.disarm()
        removed: list[Booking] = []
        for patient_id in exercise.patients:
            removed += self.sandbox.reset_patient(patient_id)
        if removed:
            log.info(
                "training: %s started, %d earlier booking(s) of %s removed",
                exercise.id,
                len(removed),
                ", ".join(exercise.patients),
            )
        if exercise.trap is not None:
            exercise.trap(self)
        return [b for b in removed if not b.preseeded]

    # -- traps -----------------------------------------------------------------------------------

    def expire_next_token(self, patient_id: str | None = None) -> None:
        """The next token issued for ``patient_id`` (any patient when None) is expired."""
        self._expire_for = patient_id or _ANY_PATIENT

    def drop_next_booking(self) -> None:
        """The next booking is made by the sandbox, but its answer never arrives."""
        if not self._drop_armed:
            self._drop_was_on = self.sandbox.config.drop_connection
        self._drop_armed = True
        self.sandbox.update_config({"drop_connection": True})

    @property
    def armed(self) -> bool:
        return self._expire_for is not None or self._drop_armed

    def disarm(self) -> None:
        """Remove every trap that has not been sprung yet (the sandbox's own switch restored)."""
        self._expire_for = None
        if self._drop_armed:
            self._drop_armed = False
            self.sandbox.update_config({"drop_connection": self._drop_was_on})

    def observe(self, event: DeskEvent) -> None:
        """Called with every desk event: a finished attempt has sprung the connection trap."""
        if self._drop_armed and event.kind in ATTEMPT_OUTCOMES:
            self._drop_armed = False
            self.sandbox.update_config({"drop_connection": self._drop_was_on})

    def reset(self) -> None:
        """The sandbox back to its initial state, and no trap left armed."""
        self.disarm()
        self.sandbox.reset()
