"""The exercise catalogue and its detectors, without Qt: desk events in, "done" out."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop_app.booking import DeskEvent, DeskEventKind
from desktop_app.sandbox import Sandbox
from desktop_app.sandbox import data as ds
from desktop_app.training import (
    Exercise,
    Expect,
    Outcome,
    StepDetector,
    TrainingDesk,
    build_exercises,
)

K = DeskEventKind


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox()


@pytest.fixture(scope="module")
def catalogue(sandbox: Sandbox) -> dict[str, Exercise]:
    return {e.id: e for e in build_exercises(sandbox)}


@pytest.fixture(scope="module")
def g(sandbox: Sandbox) -> dict[str, str]:
    """GUIDs by a short name."""
    marks = sandbox.landmarks()
    r = sandbox.resource_guid
    return {
        "main": marks.main_clinic,
        "children": marks.children_clinic,
        "offline": marks.offline_clinic,
        "surgeon": r(f"{ds.MAIN_CLINIC}/surgeon"),
        "eye": r(f"{ds.MAIN_CLINIC}/ophthalmologist"),
        "therapist2": r(f"{ds.MAIN_CLINIC}/therapist-2"),
        "urologist": marks.full_day_doctor,
        "cardiologist": marks.dispensary_doctor,
        "geriatrician": marks.geriatrician,
        "pediatrician": marks.pediatrician,
        "offline_therapist": r(f"{ds.OFFLINE_CLINIC}/therapist-1"),
    }


def ev(
    kind: DeskEventKind,
    patient: str | None = None,
    lpu: str | None = None,
    res: str | None = None,
    code: str | None = None,
    **extra: object,
) -> DeskEvent:
    return DeskEvent(
        kind=kind, patient_id=patient, lpu_guid=lpu, resource_guid=res, message_code=code, **extra
    )  # type: ignore[arg-type]


def run(exercise: Exercise, events: list[DeskEvent]) -> bool:
    detector = exercise.detector()
    for event in events:
        detector.feed(event)
    return detector.done


def test_catalogue_is_complete_and_readable(catalogue: dict[str, Exercise]) -> None:
    assert list(catalogue) == [
        "print_slip",
        "time_taken",
        "one_per_speciality",
        "children_clinic",
        "age_limit",
        "self_booking_barred",
        "not_dispensary",
        "clinic_offline",
        "token_expired",
        "connection_lost",
    ]
    for exercise in catalogue.values():
        assert exercise.title and exercise.hint
        for line in ("Пациент: ", "Поликлиника: ", "Врач: ", "День: "):
            assert line in exercise.task, (exercise.id, line)
    assert "ГП № 1" in catalogue["print_slip"].task
    assert "ДГП № 2" in catalogue["children_clinic"].task
    assert "Заречная ЦРБ" in catalogue["clinic_offline"].task
    assert {e.id for e in catalogue.values() if e.needs_start} == {
        "token_expired",
        "connection_lost",
    }


def test_tasks_name_the_roster_patient_and_the_doctor(
    sandbox: Sandbox, catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    patients = sandbox.data.patients
    assert patients["booked"].full_name in catalogue["one_per_speciality"].task
    assert patients["no_dispensary"].full_name in catalogue["not_dispensary"].task
    assert sandbox.data.resources[g["cardiologist"]].fio in catalogue["not_dispensary"].task
    assert sandbox.data.resources[g["surgeon"]].room in catalogue["print_slip"].task


def test_print_slip_needs_the_booking_then_the_print(
    catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    ex = catalogue["print_slip"]
    booked = ev(K.BOOKED, "adult", g["main"], g["surgeon"], ticket_guid="T1", ticket_num="1")
    assert run(ex, [booked, ev(K.PRINTED, ticket_guid="T1")])
    assert run(ex, [booked, ev(K.PRINTED)])  # a print event without a ticket id is enough
    assert not run(ex, [booked])
    assert not run(ex, [ev(K.PRINTED, ticket_guid="T1")])
    # wrong patient or doctor
    assert not run(ex, [ev(K.BOOKED, "child", g["main"], g["surgeon"]), ev(K.PRINTED)])
    assert not run(ex, [ev(K.BOOKED, "adult", g["main"], g["eye"]), ev(K.PRINTED)])
    # another ticket shown, or F2, before printing: that print is not this slip
    other = ev(K.BOOKED, "teen", g["main"], g["eye"], ticket_guid="T2")
    assert not run(ex, [booked, other, ev(K.PRINTED, ticket_guid="T2")])
    assert not run(ex, [booked, ev(K.NEW_BOOKING), ev(K.PRINTED)])
    assert not run(ex, [booked, ev(K.PRINTED, ticket_guid="T9")])
    # upper-case GUIDs from a server are the same GUIDs
    upper = ev(K.BOOKED, "adult", g["main"].upper(), g["surgeon"].upper(), ticket_guid="t1")
    assert run(ex, [upper, ev(K.PRINTED, ticket_guid="T1")])


def test_time_taken_needs_4009_then_a_ticket_for_the_same_patient_and_doctor(
    catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    ex = catalogue["time_taken"]
    taken = ev(K.REJECTED, "adult", g["main"], g["urologist"], "4009", has_time=True)
    ok = ev(K.BOOKED, "adult", g["main"], g["urologist"], has_time=True)
    assert run(ex, [taken, ev(K.NEW_BOOKING), ok])
    assert not run(ex, [taken])
    assert not run(ex, [ok])
    assert not run(ex, [taken, ev(K.BOOKED, "adult", g["main"], g["surgeon"])])
    assert not run(ex, [taken, ev(K.BOOKED, "child", g["main"], g["urologist"])])
    assert not run(ex, [ev(K.REJECTED, "adult", g["main"], g["urologist"], "4008"), ok])


@pytest.mark.parametrize(
    ("exercise_id", "patient", "clinic", "doctor", "code", "kind"),
    [
        ("one_per_speciality", "booked", "main", "therapist2", "4008", K.REJECTED),
        ("children_clinic", "parent", "children", "pediatrician", "4005", K.REJECTED),
        ("age_limit", "young", "main", "geriatrician", "4029", K.REJECTED),
        ("self_booking_barred", "barred", "main", "eye", "4007", K.REJECTED),
        ("not_dispensary", "no_dispensary", "main", "cardiologist", "4007", K.REJECTED),
        ("clinic_offline", "adult", "offline", "offline_therapist", None, K.OFFLINE_DECLINED),
    ],
)
def test_one_dialog_exercises(
    catalogue: dict[str, Exercise],
    g: dict[str, str],
    exercise_id: str,
    patient: str,
    clinic: str,
    doctor: str,
    code: str | None,
    kind: DeskEventKind,
) -> None:
    ex = catalogue[exercise_id]
    right = ev(kind, patient, g[clinic], g[doctor], code, status=400)
    assert run(ex, [right])
    if code is not None:
        wrong_code = "4009" if code != "4009" else "4008"
        assert not run(ex, [ev(kind, patient, g[clinic], g[doctor], wrong_code)])
        assert not run(ex, [ev(kind, "elderly", g[clinic], g[doctor], code)])
    assert not run(ex, [ev(K.BOOKED, patient, g[clinic], g[doctor])])
    assert not run(
        ex,
        [
            ev(
                kind,
                patient,
                g["main"] if clinic != "main" else g["children"],
                g["pediatrician"] if clinic == "main" else g["surgeon"],
                code,
            )
        ],
    )


def test_the_two_4007_exercises_are_told_apart_by_patient_and_doctor(
    catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    barred = ev(K.REJECTED, "barred", g["main"], g["eye"], "4007")
    not_disp = ev(K.REJECTED, "no_dispensary", g["main"], g["cardiologist"], "4007")
    assert run(catalogue["self_booking_barred"], [barred])
    assert not run(catalogue["self_booking_barred"], [not_disp])
    assert run(catalogue["not_dispensary"], [not_disp])
    assert not run(catalogue["not_dispensary"], [barred])


def test_expired_token_then_a_new_booking(
    catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    ex = catalogue["token_expired"]
    refused = ev(K.CREDENTIALS_REFUSED, "elderly", g["main"], g["geriatrician"], "5009")
    ok = ev(K.BOOKED, "elderly", g["main"], g["geriatrician"])
    assert run(ex, [refused, ok])
    assert not run(ex, [refused])
    assert not run(ex, [refused, ev(K.BOOKED, "adult", g["main"], g["geriatrician"])])
    assert not run(ex, [ok, refused])


def test_lost_connection_needs_the_warning_and_cancel(
    catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    ex = catalogue["connection_lost"]
    args = ("dispensary", g["main"], g["cardiologist"])
    unknown, warned = ev(K.OUTCOME_UNKNOWN, *args), ev(K.REBOOK_WARNED, *args)
    cancelled, confirmed = ev(K.REBOOK_CANCELLED, *args), ev(K.REBOOK_CONFIRMED, *args)
    assert run(ex, [unknown, warned, cancelled])
    assert not run(ex, [unknown, warned])
    assert not run(ex, [warned, cancelled])
    assert not run(ex, [unknown, warned, confirmed, cancelled])
    # the warning for somebody else does not count
    other = ("adult", g["main"], g["cardiologist"])
    assert not run(ex, [unknown, ev(K.REBOOK_WARNED, *other), ev(K.REBOOK_CANCELLED, *other)])

    detector = ex.detector()
    assert detector.feed(unknown).outcome is Outcome.STARTED
    assert detector.feed(warned).outcome is Outcome.ADVANCED
    wrong = detector.feed(confirmed)
    assert wrong.outcome is Outcome.RESTARTED
    assert wrong.message and "без проверки" in wrong.message
    assert detector.stage == 0 and not detector.done
    for event in (unknown, warned):
        detector.feed(event)
    done = detector.feed(cancelled)
    assert (done.outcome, done.stage, done.total) == (Outcome.DONE, 3, 3)
    assert detector.feed(unknown).outcome is Outcome.IGNORED  # done stays done


def test_a_later_attempt_replaces_an_earlier_one() -> None:
    detector = StepDetector(
        [
            Expect.of(K.REJECTED, codes=["4009"]),
            Expect.of(K.BOOKED, same=["patient_id", "resource_guid"]),
        ]
    )
    detector.feed(ev(K.REJECTED, "adult", "L", "R1", "4009"))
    detector.feed(ev(K.REJECTED, "teen", "L", "R2", "4009"))
    assert detector.feed(ev(K.BOOKED, "adult", "L", "R1")).outcome is Outcome.IGNORED
    assert detector.feed(ev(K.BOOKED, "teen", "L", "r2")).outcome is Outcome.DONE


def test_detector_definitions_are_checked() -> None:
    with pytest.raises(ValueError):
        StepDetector([])
    with pytest.raises(ValueError):
        Expect.of(K.BOOKED, same=["patinet_id"])


def test_desk_expires_exactly_one_token(sandbox: Sandbox) -> None:
    desk = TrainingDesk(sandbox)
    desk.expire_next_token("elderly")
    fresh_other = desk.issue_token("adult")  # another patient's token is unaffected
    sandbox.verify_token(fresh_other)
    expired = desk.issue_token("elderly")
    with pytest.raises(Exception) as info:
        sandbox.verify_token(expired)
    assert getattr(info.value, "code", None) == "5009"
    sandbox.verify_token(desk.issue_token("elderly"))
    assert not desk.armed


def test_desk_drops_only_the_next_booking() -> None:
    sandbox = Sandbox()
    desk = TrainingDesk(sandbox)
    desk.drop_next_booking()
    assert sandbox.config.drop_connection and desk.armed
    desk.observe(ev(K.REBOOK_WARNED))  # not an attempt's end
    assert sandbox.config.drop_connection
    desk.observe(ev(K.OUTCOME_UNKNOWN))
    assert not sandbox.config.drop_connection and not desk.armed
    # a switch a tester turned on stays on after a trap
    sandbox.update_config({"drop_connection": True})
    desk.drop_next_booking()
    desk.disarm()
    assert sandbox.config.drop_connection


def test_prepare_is_the_desks_prepare_exercise(catalogue: dict[str, Exercise]) -> None:
    sandbox = Sandbox()
    desk = TrainingDesk(sandbox)
    token = sandbox.issue_token("dispensary")
    sandbox.book(
        token, sandbox.landmarks().main_clinic, sandbox.landmarks().dispensary_doctor, "2099-01-05"
    )
    removed = catalogue["connection_lost"].prepare(desk)
    assert [b.patient_id for b in removed] == ["dispensary"]
    assert sandbox.bookings_of("dispensary") == [] and sandbox.config.drop_connection
    desk.disarm()


def test_desk_reset_and_forwarding() -> None:
    sandbox = Sandbox()
    desk = TrainingDesk(sandbox)
    assert desk.patients() == sandbox.patients()
    assert desk.landmarks() == sandbox.landmarks()
    desk.expire_next_token()
    desk.drop_next_booking()
    desk.reset()
    assert not desk.armed and not sandbox.config.drop_connection
    with pytest.raises(AttributeError):
        desk.no_such_thing  # noqa: B018


def test_training_core_does_not_import_qt() -> None:
    code = (
        "import sys, desktop_app.training; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_every_exercise_cleans_its_patients_and_says_how_to_start_over(
    catalogue: dict[str, Exercise], sandbox: Sandbox
) -> None:
    for exercise in catalogue.values():
        assert exercise.patients, exercise.id
        assert set(exercise.patients) <= set(sandbox.data.patients)
        assert "«Начать упражнение»" in exercise.hint, exercise.id
    assert catalogue["connection_lost"].patients == ("dispensary",)
    assert catalogue["one_per_speciality"].patients == ("booked",)


def test_texts_use_the_words_the_screen_shows(catalogue: dict[str, Exercise]) -> None:
    for exercise in catalogue.values():
        texts = [exercise.task, exercise.hint, *(m for m in exercise.breakers.values() if m)]
        for text in texts:
            # The status under the clinic says «Не в сети»; training has no «Токен» field.
            for wrong in ("Offline", "Online", "«Токен»", "вставьте", "поле токен"):
                assert wrong not in text, (exercise.id, wrong)
    assert "«Не в сети»" in catalogue["clinic_offline"].hint
    assert "«Поликлиника недоступна»" in catalogue["clinic_offline"].hint
    assert "«Токен отклонён»" in catalogue["token_expired"].hint
    assert "«Пациент»" in catalogue["token_expired"].hint
    lost = catalogue["connection_lost"]
    assert "«Результат записи неизвестен»" in lost.hint
    assert "«Возможна повторная запись»" in lost.hint and "«Отмена»" in lost.hint
    assert "«Печать (Ctrl+P)»" in catalogue["print_slip"].hint
    assert "«Указать время»" in catalogue["time_taken"].task


def test_confirmed_rebooking_is_a_mistake_in_any_exercise(
    catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    confirmed = ev(K.REBOOK_CONFIRMED, "dispensary", g["main"], g["cardiologist"])
    for exercise in catalogue.values():
        text = exercise.mistake_in(confirmed)
        assert text and "«Записать ещё раз»" in text
    assert catalogue["connection_lost"].mistake_in(ev(K.REBOOK_CANCELLED)) is None
    assert catalogue["connection_lost"].mistake_in(ev(K.REBOOK_WARNED)) is None


def test_only_unexpected_refusals_are_mistakes(
    sandbox: Sandbox, catalogue: dict[str, Exercise], g: dict[str, str]
) -> None:
    taken = ev(K.REJECTED, "adult", g["main"], g["urologist"], "4009")
    assert catalogue["time_taken"].mistake_in(taken) is None  # the exercise wants it
    in_print = catalogue["print_slip"].mistake_in(taken)
    assert in_print is not None
    assert "«Запись не создана»" in in_print and "4009" in in_print
    assert sandbox.data.patients["adult"].full_name in in_print
    # the right code for the wrong patient is not what the exercise wanted
    assert catalogue["time_taken"].mistake_in(
        ev(K.REJECTED, "young", g["main"], g["urologist"], "4009")
    )
    expired = ev(K.CREDENTIALS_REFUSED, "elderly", g["main"], g["geriatrician"], "5009")
    assert catalogue["token_expired"].mistake_in(expired) is None
    assert "«Токен отклонён»" in (catalogue["age_limit"].mistake_in(expired) or "")
    offline = ev(K.UNAVAILABLE, "adult", g["offline"], g["offline_therapist"])
    assert "«Поликлиника недоступна»" in (catalogue["print_slip"].mistake_in(offline) or "")
    # what is not a refusal is never a mistake
    for kind in (K.BOOKED, K.PRINTED, K.NEW_BOOKING, K.OUTCOME_UNKNOWN, K.NETWORK):
        assert catalogue["print_slip"].mistake_in(ev(kind, "adult", g["main"], g["eye"])) is None
    # an unknown patient id is named as it is
    stray = ev(K.REJECTED, "x-1", g["main"], g["eye"], "4007")
    stranger = catalogue["print_slip"].mistake_in(stray)
    assert stranger is not None and "x-1" in stranger


def test_exercises_are_built_with_the_start_over_sentence_once(sandbox: Sandbox) -> None:
    again = build_exercises(sandbox)
    for exercise in again:
        assert exercise.hint.count("«Начать упражнение»") == 1
