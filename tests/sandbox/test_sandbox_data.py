"""The fictitious data set: deterministic, plausible, and shaped so every error is reachable."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from sandbox_testkit import NOW, FakeClock

from desktop_app.sandbox import PATIENTS, Sandbox, SandboxConfig
from desktop_app.sandbox import data as ds

RESOURCE_KEYS = {
    "guid",
    "fio",
    "speciality",
    "specialityCode",
    "doctorRole",
    "room",
    "flat",
    "resType",
}
LPU_KEYS = {
    "guid",
    "name",
    "fullName",
    "ferName",
    "address",
    "phone",
    "type",
    "mcod",
    "fcod",
    "stLpu",
    "hostID",
    "isChildrenPolyclinic",
    "isCallDoctor",
    "isWaitingList",
    "isDisp",
    "isActive",
    "status",
}


def test_same_seed_gives_identical_directory() -> None:
    a, b = Sandbox(clock=FakeClock(NOW)), Sandbox(clock=FakeClock(NOW))
    assert a.clinics() == b.clinics()
    for clinic in a.clinics():
        assert a.resources(clinic["guid"]) == b.resources(clinic["guid"])
    assert a.landmarks() == b.landmarks()


def test_another_seed_gives_other_guids_but_the_same_roster() -> None:
    a = Sandbox(clock=FakeClock(NOW))
    b = Sandbox(SandboxConfig(seed=7), clock=FakeClock(NOW))
    assert {c["guid"] for c in a.clinics()}.isdisjoint({c["guid"] for c in b.clinics()})
    assert a.patients() == b.patients()


def test_guids_are_uuid5_of_seed_and_key() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    assert sb.clinic_guid(ds.CHILDREN_CLINIC) == ds.stable_guid(2026, ds.CHILDREN_CLINIC)
    assert sb.resource_guid(ds.TEEN_DOCTOR) == ds.stable_guid(2026, ds.TEEN_DOCTOR)


def test_about_a_dozen_clinics_each_with_six_to_twelve_resources() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    clinics = sb.clinics()
    assert 10 <= len(clinics) <= 14
    for clinic in clinics:
        assert set(clinic) == LPU_KEYS
        assert clinic["name"].startswith("ГБУЗ «") and clinic["ferName"]
        assert clinic["address"][:6].isdigit()  # postcode first
        resources = sb.resources(clinic["guid"])
        assert 6 <= len(resources) <= 12, clinic["name"]
        for resource in resources:
            assert set(resource) == RESOURCE_KEYS
            assert resource["resType"] in {"doctor", "room"}
            assert isinstance(resource["flat"], int) and isinstance(resource["room"], str)
        rooms = [r["room"] for r in resources]
        assert len(rooms) == len(set(rooms)), "two resources share a room"
    all_resources = [r for c in clinics for r in sb.resources(c["guid"])]
    specialities = {r["speciality"] for r in all_resources}
    assert {
        "Терапевт",
        "Хирург",
        "Офтальмолог",
        "Оториноларинголог",
        "Невролог",
        "Кардиолог",
        "Педиатр",
        "Эндокринолог",
        "Стоматолог",
        "Акушер-гинеколог",
    } <= specialities
    assert sum(r["resType"] == "room" for r in all_resources) >= 2
    fios = [r["fio"] for r in all_resources if r["resType"] == "doctor"]
    assert all(len(fio.split()) == 3 for fio in fios)


def test_landmark_clinics_have_their_special_property() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    marks = sb.landmarks()
    by_guid = {c["guid"]: c for c in sb.clinics()}
    assert by_guid[marks.children_clinic]["isChildrenPolyclinic"] is True
    assert [g for g, c in by_guid.items() if c["isChildrenPolyclinic"]] == [marks.children_clinic]
    assert by_guid[marks.offline_clinic]["status"]["name"] == "Offline"
    assert by_guid[marks.offline_clinic]["status"]["ping"] is None
    assert 900 <= by_guid[marks.high_ping_clinic]["status"]["ping"] <= 1500
    others = [
        c for g, c in by_guid.items() if g not in (marks.offline_clinic, marks.high_ping_clinic)
    ]
    assert all(c["status"]["name"] == "Online" and 0 < c["status"]["ping"] < 100 for c in others)
    children = {r["guid"]: r for r in sb.resources(marks.children_clinic)}
    assert children[marks.pediatrician]["speciality"] == "Педиатр"
    main = {r["guid"]: r for r in sb.resources(marks.main_clinic)}
    assert main[marks.procedure_room]["resType"] == "room"
    assert main[marks.dispensary_doctor]["speciality"] == "Кардиолог"
    assert main[marks.therapist]["speciality"] == "Терапевт"


def test_landmark_resources_carry_the_rules_training_relies_on() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    marks, res = sb.landmarks(), sb.data.resources
    assert res[marks.geriatrician].age_min == 60
    assert res[marks.adults_only_doctor].age_min == 18
    assert (res[marks.teen_doctor].age_min, res[marks.teen_doctor].age_max) == (14, 17)
    assert res[marks.dispensary_doctor].dispensary_only
    assert "dispensary" in res[marks.dispensary_doctor].dispensary_patients
    assert "no_dispensary" not in res[marks.dispensary_doctor].dispensary_patients
    full = res[marks.full_day_doctor]
    assert (full.end.hour - full.start.hour) * 60 // full.slot_minutes <= 3


def test_roster_covers_every_scenario_with_a_note() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    roster = {p["id"]: p for p in sb.patients()}
    assert set(roster) == {
        "adult",
        "child",
        "parent",
        "teen",
        "young",
        "elderly",
        "barred",
        "dispensary",
        "no_dispensary",
        "booked",
        "twin_anna",
        "twin_maria",
    }
    for patient in roster.values():
        assert set(patient) >= {"id", "name", "birthDate", "age", "note"}
        assert len(patient["name"].split()) == 3
        assert date.fromisoformat(patient["birthDate"]) < NOW.date()
        assert len(patient["note"]) > 30
        assert patient["card"].startswith("СБ-")
    assert roster["child"]["age"] == 7
    assert roster["teen"]["age"] == 15
    assert roster["young"]["age"] == 20
    assert roster["elderly"]["age"] >= 60
    assert all(roster[p]["age"] >= 18 for p in ("adult", "parent", "barred", "booked"))
    assert [p.id for p in PATIENTS if p.barred_from_self_booking] == ["barred"]


def test_notes_say_who_the_person_is_not_the_answer() -> None:
    # The note is shown to the trainee beside the patient list: no codes, no jargon, no outcome.
    for patient in PATIENTS:
        note = patient.note.casefold()
        assert not re.search(r"\b[45]\d{3}\b", note), patient.id
        for word in (
            "internet",
            "infomat",
            "registry",
            "канал",
            "получает",
            "проходит",
            "запрещен",
            "диспансерн",
        ):
            assert word not in note, (patient.id, word)
        # The trainer's version keeps what the patient is for.
        assert len(patient.scenario) > 30
    scenarios = {p.id: p.scenario for p in PATIENTS}
    assert "4007" in scenarios["barred"] and "4008" in scenarios["booked"]


def test_age_counts_full_years() -> None:
    patient = next(p for p in PATIENTS if p.id == "child")  # born 2019-03-14
    assert patient.age_on(date(2026, 3, 13)) == 6
    assert patient.age_on(date(2026, 3, 14)) == 7


def test_short_name_is_surname_and_initials() -> None:
    assert next(p for p in PATIENTS if p.id == "booked").short_name == "Морозова О.В."


def test_preseeded_bookings_are_relative_to_the_clock() -> None:
    sb = Sandbox(clock=FakeClock(NOW))
    marks = sb.landmarks()
    (booked,) = sb.bookings_of("booked")
    assert booked.resource_guid == marks.therapist
    assert booked.begin.isoformat() == "2026-11-29T09:00:00+03:00"
    full_day = [b for b in sb.bookings if b.resource_guid == marks.full_day_doctor]
    assert len(full_day) == 3
    assert {b.begin.date().isoformat() for b in full_day} == {"2026-11-28"}
    assert all(b.preseeded for b in sb.bookings)


def test_sandbox_imports_no_qt() -> None:
    code = (
        "import sys, desktop_app.sandbox, desktop_app.sandbox.cli; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0
