"""Every exercise done end to end on the sandbox (no Qt), also after its patient was booked.

"Each exercise starts from a clean state for its patient": a booking left from a free try or an
earlier run of the exercise must not turn it into a dead end (4008 where 4009 was meant, the
lost connection's retry refused). ``CoreDesk`` (training_corekit) stands in for the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest
from training_corekit import CoreDesk, kinds

from desktop_app.booking import DeskEventKind
from desktop_app.training import TrainingDesk

K = DeskEventKind


def _print_slip(d: CoreDesk, g: dict[str, str]) -> None:
    booked = d.book("adult", g["main"], g["surgeon"])
    assert booked.kind is K.BOOKED
    d.print_slip(booked.ticket_guid)


def _time_taken(d: CoreDesk, g: dict[str, str]) -> None:
    taken = d.book("adult", g["main"], g["urologist"], at=time(10))
    assert (taken.kind, taken.message_code) == (K.REJECTED, "4009")
    assert d.book("adult", g["main"], g["urologist"], at=time(12)).kind is K.BOOKED


def _refused(patient: str, clinic: str, doctor: str, code: str) -> Callable[..., None]:
    def run(d: CoreDesk, g: dict[str, str]) -> None:
        event = d.book(patient, g[clinic], g[doctor])
        assert (event.kind, event.message_code) == (K.REJECTED, code)

    return run


def _clinic_offline(d: CoreDesk, g: dict[str, str]) -> None:
    assert d.book("adult", g["offline"], g["offline_therapist"]).kind is K.OFFLINE_DECLINED


def _token_expired(d: CoreDesk, g: dict[str, str]) -> None:
    assert d.book("elderly", g["main"], g["geriatrician"]).kind is K.CREDENTIALS_REFUSED
    assert d.book("elderly", g["main"], g["geriatrician"]).kind is K.BOOKED


def _connection_lost(d: CoreDesk, g: dict[str, str]) -> None:
    assert d.book("dispensary", g["main"], g["cardiologist"]).kind is K.OUTCOME_UNKNOWN
    assert not d.sandbox.config.drop_connection  # only that booking was dropped
    assert len(d.sandbox.bookings_of("dispensary")) == 1  # made all the same
    again = d.book("dispensary", g["main"], g["cardiologist"])  # "Отмена" on the warning
    assert again.kind is K.REBOOK_CANCELLED


#: exercise id -> (the booking made before it: patient, clinic, doctor[, time]), its run
RUNS: dict[str, tuple[tuple[str, ...], Callable[[CoreDesk, dict[str, str]], None]]] = {
    "print_slip": (("adult", "main", "surgeon"), _print_slip),
    "time_taken": (("adult", "main", "urologist", "12:00"), _time_taken),
    "one_per_speciality": (
        ("booked", "main", "therapist2"),
        _refused("booked", "main", "therapist2", "4008"),
    ),
    "children_clinic": (
        ("parent", "children", "pediatrician"),
        _refused("parent", "children", "pediatrician", "4005"),
    ),
    "age_limit": (
        ("young", "main", "geriatrician"),
        _refused("young", "main", "geriatrician", "4029"),
    ),
    "self_booking_barred": (("barred", "main", "eye"), _refused("barred", "main", "eye", "4007")),
    "not_dispensary": (
        ("no_dispensary", "main", "cardiologist"),
        _refused("no_dispensary", "main", "cardiologist", "4007"),
    ),
    "clinic_offline": (("adult", "main", "therapist2"), _clinic_offline),
    "token_expired": (("elderly", "main", "geriatrician"), _token_expired),
    "connection_lost": (("dispensary", "main", "cardiologist"), _connection_lost),
}


def test_every_exercise_has_a_run() -> None:
    assert set(RUNS) == set(CoreDesk.create().exercises)


@pytest.mark.parametrize("exercise_id", list(RUNS))
def test_each_exercise_can_be_done_from_the_start(exercise_id: str) -> None:
    d = CoreDesk.create()
    d.start(exercise_id)
    RUNS[exercise_id][1](d, d.guids())
    assert d.done(exercise_id)
    assert not d.desk.armed  # a trap is sprung once and gone


@pytest.mark.parametrize("exercise_id", list(RUNS))
def test_each_exercise_can_be_done_after_its_patient_was_booked(exercise_id: str) -> None:
    d = CoreDesk.create()
    g = d.guids()
    (patient, clinic, doctor, *at), run = RUNS[exercise_id]
    d.book_behind_the_scenes(
        patient, g[clinic], g[doctor], time.fromisoformat(at[0]) if at else None
    )
    earlier = [b for b in d.sandbox.bookings_of(patient) if not b.preseeded]
    assert earlier
    d.start(exercise_id)
    assert all(b not in d.sandbox.bookings for b in earlier)
    run(d, g)
    assert d.done(exercise_id), kinds(d.events)


@pytest.mark.parametrize("exercise_id", list(RUNS))
def test_each_exercise_can_be_done_twice_in_a_row(exercise_id: str) -> None:
    d = CoreDesk.create()
    g = d.guids()
    for _ in range(2):
        d.start(exercise_id)
        RUNS[exercise_id][1](d, g)
        assert d.done(exercise_id), kinds(d.events)


def test_without_a_clean_start_the_booked_patient_dead_ends() -> None:
    # Why prepare matters: adult already has a urology visit, so 10:00 is 4008, not 4009.
    d = CoreDesk.create()
    g = d.guids()
    d.book_behind_the_scenes("adult", g["main"], g["urologist"], time(12))
    event = d.book("adult", g["main"], g["urologist"], at=time(10))
    assert (event.kind, event.message_code) == (K.REJECTED, "4008")
    assert not d.done("time_taken")


def test_the_lost_connection_run_after_an_earlier_run_needs_the_clean_start() -> None:
    d = CoreDesk.create()
    g = d.guids()
    d.start("connection_lost")
    _connection_lost(d, g)
    # Second run without "Начать упражнение": the earlier attempt is still open, so the first
    # try is only warned about, and the trap was never armed: the exercise cannot be done.
    d.detectors["connection_lost"] = d.exercises["connection_lost"].detector()
    assert d.book("dispensary", g["main"], g["cardiologist"]).kind is K.REBOOK_CANCELLED
    d.answers.append(True)  # "Записать ещё раз": now the earlier booking answers 4008
    refused = d.book("dispensary", g["main"], g["cardiologist"])
    assert (refused.kind, refused.message_code) == (K.REJECTED, "4008")
    assert not d.done("connection_lost")
    # With the clean start it works again.
    d.start("connection_lost")
    _connection_lost(d, g)
    assert d.done("connection_lost")


def test_prepare_exercise_keeps_other_patients_and_the_preseeded_visit() -> None:
    d = CoreDesk.create()
    g = d.guids()
    d.book_behind_the_scenes("young", g["main"], g["surgeon"])
    d.book_behind_the_scenes("booked", g["main"], g["surgeon"])
    (preseeded,) = [b for b in d.sandbox.bookings_of("booked") if b.preseeded]
    removed = d.desk.prepare_exercise(d.exercises["one_per_speciality"])
    assert [b.patient_id for b in removed] == ["booked"] and not removed[0].preseeded
    (kept,) = d.sandbox.bookings_of("booked")  # the pre-seeded visit, made again
    assert kept.preseeded and kept.begin == preseeded.begin
    assert len(d.sandbox.bookings_of("young")) == 1


def test_prepare_exercise_disarms_the_old_trap_and_arms_its_own() -> None:
    d = CoreDesk.create()
    desk: TrainingDesk = d.desk
    desk.prepare_exercise(d.exercises["connection_lost"])
    assert d.sandbox.config.drop_connection
    desk.prepare_exercise(d.exercises["token_expired"])  # another exercise: the drop is gone
    assert not d.sandbox.config.drop_connection and desk.armed
    desk.prepare_exercise(d.exercises["print_slip"])  # no trap at all
    assert not desk.armed


def test_the_self_booking_ban_is_met_at_the_desk_with_a_portal_token() -> None:
    d = CoreDesk.create()
    g = d.guids()
    # Other patients' tickets read as at work: booked by the desk.
    d.start("print_slip")
    booked = d.book("adult", g["main"], g["surgeon"])
    (made,) = [b for b in d.sandbox.bookings_of("adult")]
    assert booked.kind is K.BOOKED and made.channel == "registry"
    # The barred patient's own token is from the portal, through the desk's issue_token too.
    assert d.sandbox.verify_token(d.desk.issue_token("barred")).channel == "internet"


def test_mistakes_during_an_exercise_reach_the_progress_and_the_report() -> None:
    from desktop_app.training import TraineeProgress, record_mistake, render_report

    d = CoreDesk.create()
    g = d.guids()
    progress = TraineeProgress(trainee="Иванова Мария")
    selected = d.exercises["connection_lost"]

    def desk_event_seen(count_before: int) -> None:  # what the panel does per event
        for event in d.events[count_before:]:
            record_mistake(progress, selected, d.detectors[selected.id], event)

    d.start(selected.id)
    seen = len(d.events)
    d.book("dispensary", g["main"], g["cardiologist"])  # outcome unknown: expected
    d.answers.append(True)  # "Записать ещё раз": the wrong answer
    d.book("dispensary", g["main"], g["cardiologist"])  # ... and the booking made answers 4008
    d.book("young", g["main"], g["geriatrician"])  # 4029: not what this exercise is about
    desk_event_seen(seen)
    # The 4008 the re-booking ran into is noted on it, not counted again; the 4029 counts.
    assert [(m.kind, m.code) for m in progress.mistakes] == [
        ("rebook_confirmed", "4008"),
        ("rejected", "4029"),
    ]
    assert all(m.exercise == "connection_lost" for m in progress.mistakes)
    # A refusal another exercise is about is not charged to the selected one: the trainee may
    # be doing that exercise without selecting it.
    catalogue = list(d.exercises.values())
    ages = [e for e in catalogue if any(s.codes and "4029" in s.codes for s in e.steps)]
    assert ages and any(e.expects(d.events[-1]) for e in ages)
    spare = TraineeProgress(trainee="Петров Пётр")
    assert (
        record_mistake(spare, selected, d.detectors[selected.id], d.events[-1], catalogue) is None
    )
    assert record_mistake(spare, selected, d.detectors[selected.id], d.events[-1]) is not None
    assert not d.done(selected.id)
    # Done properly, the exercise is no longer under way: nothing more is recorded.
    d.start(selected.id)
    _connection_lost(d, g)
    assert d.done(selected.id)
    seen = len(d.events)
    d.book("young", g["main"], g["geriatrician"])
    desk_event_seen(seen)
    assert len(progress.mistakes) == 2
    # No exercise selected: nothing is recorded either.
    assert record_mistake(progress, None, None, d.events[-1]) is None
    html = render_report(progress, list(d.exercises.values()))
    assert "Ошибки во время упражнений (2)" in html
    assert "&laquo;" not in html and "«Записать ещё раз»" in html
