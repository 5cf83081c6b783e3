"""The booking endpoint: the 11 checks, their order, their switches, and the ticket."""

from __future__ import annotations

from datetime import datetime

import pytest
from sandbox_testkit import TOMORROW, Desk, FakeClock, assert_error

from desktop_app.sandbox import CHECK_NAMES, Landmarks, Sandbox
from desktop_app.sandbox import engine as en

pytestmark = pytest.mark.asyncio

NIL = "00000000-0000-0000-0000-000000000000"
TICKET_FIELDS = {
    "ticketGuid",
    "timeTableGuid",
    "docFio",
    "docGuid",
    "doctorRole",
    "speciality",
    "beginTime",
    "endTime",
    "dateOfAppointment",
    "planCount",
    "usedCount",
    "source",
    "login",
    "sourceName",
    "dispExamGuid",
    "history",
    "num",
    "uchastokNum",
    "room",
    "flat",
    "busyType",
    "lpu",
}


def begin_of(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return response.json()["beginTime"]


# --- 11. success ---------------------------------------------------------------------------------


async def test_success_returns_a_full_ticket(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    response = await desk.book("adult", marks.main_clinic, marks.therapist, TOMORROW)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    ticket = response.json()
    assert set(ticket) == TICKET_FIELDS
    resource = sb.data.resources[marks.therapist]
    assert ticket["docGuid"] == marks.therapist
    assert ticket["docFio"] == resource.fio
    assert ticket["speciality"] == "Терапевт"
    assert ticket["doctorRole"] == resource.doctor_role
    assert ticket["room"] == resource.room and isinstance(ticket["room"], str)
    assert ticket["flat"] == resource.flat and isinstance(ticket["flat"], int)
    assert ticket["num"] == "1"
    assert ticket["uchastokNum"] == "1"
    assert ticket["busyType"] == {"code": 4, "name": "Первичный прием"}
    # the default channel is the desk: a training ticket reads as it will at work
    assert ticket["source"] == 1 and ticket["sourceName"] == "Регистратура"
    assert ticket["dateOfAppointment"] == "2026-11-27T10:00:00+03:00"
    assert ticket["history"] == [
        {
            "date": "2026-11-27T10:00:00+03:00",
            "action": "Создание записи на прием вне расписания",
            "login": ticket["login"],
            "source": 1,
        }
    ]
    assert ticket["lpu"]["guid"] == marks.main_clinic
    assert ticket["lpu"]["status"]["name"] == "Online"
    assert isinstance(ticket["lpu"]["status"]["ping"], int)
    begin = datetime.fromisoformat(ticket["beginTime"])
    end = datetime.fromisoformat(ticket["endTime"])
    assert (end - begin).total_seconds() == resource.slot_minutes * 60
    (made,) = sb.bookings_of("adult")
    assert made.ticket_guid == ticket["ticketGuid"]
    assert made.time_table_guid == ticket["timeTableGuid"]
    assert not made.preseeded


async def test_registry_channel_is_recorded_as_source(desk: Desk, marks: Landmarks) -> None:
    response = await desk.book("adult", marks.main_clinic, marks.therapist, channel="registry")
    assert (response.json()["source"], response.json()["sourceName"]) == (1, "Регистратура")


async def test_internet_channel_is_recorded_as_the_portal(desk: Desk, marks: Landmarks) -> None:
    response = await desk.book("adult", marks.main_clinic, marks.therapist, channel="internet")
    assert (response.json()["source"], response.json()["sourceName"]) == (2, "Интернет-портал")


async def test_the_default_channel_can_still_be_switched(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    sb.update_config({"default_channel": "internet"})
    response = await desk.book("adult", marks.main_clinic, marks.therapist)
    assert response.json()["sourceName"] == "Интернет-портал"


async def test_date_only_takes_the_first_free_slot(desk: Desk, marks: Landmarks) -> None:
    # therapist 1 works 08:00-14:00 in 15-minute slots
    assert begin_of(await desk.book("adult", marks.main_clinic, marks.therapist, TOMORROW)) == (
        "2026-11-28T08:00:00+03:00"
    )
    assert begin_of(await desk.book("parent", marks.main_clinic, marks.therapist, TOMORROW)) == (
        "2026-11-28T08:15:00+03:00"
    )


async def test_date_only_today_is_not_earlier_than_now(
    desk: Desk, clock: FakeClock, marks: Landmarks
) -> None:
    clock.advance(minutes=7)  # 10:07 -> next 15-minute slot is 10:15
    assert (
        begin_of(await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-27"))
        == "2026-11-27T10:15:00+03:00"
    )


async def test_date_only_skips_an_explicitly_booked_slot(desk: Desk, marks: Landmarks) -> None:
    await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-28T08:05:00")
    # 08:00 overlaps 08:05-08:20, 08:15 too; 08:30 is the first free slot
    assert begin_of(await desk.book("parent", marks.main_clinic, marks.therapist, TOMORROW)) == (
        "2026-11-28T08:30:00+03:00"
    )


@pytest.mark.parametrize(
    "date_text",
    [
        "2026-11-28T11:30:00",
        "2026-11-28 11:30:00",
        "2026-11-28 11:30:00.000",
        "2026-11-28%2011:30:00.000",
    ],
)
async def test_explicit_time_formats(desk: Desk, marks: Landmarks, date_text: str) -> None:
    assert begin_of(await desk.book("adult", marks.main_clinic, marks.therapist, date_text)) == (
        "2026-11-28T11:30:00+03:00"
    )


async def test_explicit_time_may_be_outside_the_doctors_hours(desk: Desk, marks: Landmarks) -> None:
    # out-of-schedule booking: 21:00 is after the 08:00-14:00 shift, and is accepted
    assert (
        begin_of(
            await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-28T21:00:00")
        )
        == "2026-11-28T21:00:00+03:00"
    )


async def test_ticket_numbers_count_per_resource_per_day(desk: Desk, marks: Landmarks) -> None:
    async def num(patient: str, resource: str, date_text: str) -> str:
        response = await desk.book(patient, marks.main_clinic, resource, date_text)
        assert response.status_code == 200, response.text
        return response.json()["num"]

    assert await num("adult", marks.therapist, TOMORROW) == "1"
    assert await num("parent", marks.therapist, TOMORROW) == "2"
    assert await num("young", marks.therapist, "2026-11-30") == "1"  # another day
    assert await num("adult", marks.procedure_room, TOMORROW) == "1"  # another resource
    assert await num("no_dispensary", marks.therapist, TOMORROW) == "3"


async def test_numbering_continues_after_the_preseeded_visit(desk: Desk, marks: Landmarks) -> None:
    response = await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-29")
    assert response.json()["num"] == "2"
    assert response.json()["beginTime"] == "2026-11-29T08:00:00+03:00"


# --- 1. token ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Bearer not-a-jwt", "Basic YWRtaW46YWRtaW4=", "Bearer a.b.c"],
)
async def test_missing_or_malformed_token_is_403_5009(
    desk: Desk, marks: Landmarks, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await desk.client.post(
        f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}", headers=headers
    )
    assert_error(response, 403, "5009", "Подпись запроса некорректна")


async def test_expired_and_foreign_tokens_are_403(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    expired = sb.issue_token("adult", ttl_seconds=0)
    assert_error(
        await desk.book(None, marks.main_clinic, marks.therapist, token=expired), 403, "5009"
    )
    foreign = Sandbox(sb.config.model_copy(update={"secret": "x"})).issue_token("adult")
    assert_error(
        await desk.book(None, marks.main_clinic, marks.therapist, token=foreign), 403, "5009"
    )
    assert sb.bookings_of("adult") == []


async def test_bearer_scheme_is_case_insensitive(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    response = await desk.client.post(
        f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}",
        headers={"Authorization": f"bearer {sb.issue_token('adult')}"},
    )
    assert response.status_code == 200


# --- 2. 4036 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "date_text"),
    [
        (NIL, TOMORROW),
        ("", TOMORROW),
        ("not-a-guid", TOMORROW),
        ("{res}", "2026-13-01"),
        ("{res}", "28.11.2026"),
        ("{res}", ""),
        ("{res}", "2026-11-28T25:00:00"),
        ("{res}", "2026-11-28T10:00"),
        ("{res}", "2026-11-28T10:00:00+03:00"),
    ],
)
async def test_empty_resource_or_bad_date_is_400_4036(
    desk: Desk, marks: Landmarks, resource: str, date_text: str
) -> None:
    resource = resource.replace("{res}", marks.therapist)
    response = await desk.book("adult", marks.main_clinic, resource, date_text)
    assert_error(response, 400, "4036", en.MSG_4036)


async def test_path_without_resource_and_date_is_4036(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    response = await desk.client.post(
        f"/visit/{marks.main_clinic}/outSchedule",
        headers={"Authorization": f"Bearer {sb.issue_token('adult')}"},
    )
    assert_error(response, 400, "4036")


# --- 3. 404 --------------------------------------------------------------------------------------


async def test_unknown_clinic_or_resource_is_404(desk: Desk, marks: Landmarks) -> None:
    unknown = "11111111-2222-3333-4444-555555555555"
    body = assert_error(await desk.book("adult", unknown, marks.therapist), 404, "4040")
    assert "организация" in body["message"]
    body = assert_error(await desk.book("adult", marks.main_clinic, unknown), 404, "4040")
    assert "Врач" in body["message"]
    # a real resource, but of another clinic
    assert_error(await desk.book("adult", marks.main_clinic, marks.pediatrician), 404, "4040")
    assert_error(await desk.book("adult", "garbage", marks.therapist), 404, "4040")


async def test_guids_are_case_insensitive(desk: Desk, marks: Landmarks) -> None:
    response = await desk.book("adult", marks.main_clinic.upper(), marks.therapist.upper())
    assert response.status_code == 200


# --- 4. Offline ----------------------------------------------------------------------------------


async def test_offline_clinic_is_503(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    resource = sb.resources(marks.offline_clinic)[0]["guid"]
    assert_error(
        await desk.book("adult", marks.offline_clinic, resource), 503, "5030", en.MSG_OFFLINE
    )
    sb.set_clinic_status(marks.offline_clinic, "Online")
    assert (await desk.book("adult", marks.offline_clinic, resource)).status_code == 200
    sb.set_clinic_status(marks.main_clinic, "Offline")
    assert_error(await desk.book("parent", marks.main_clinic, marks.therapist), 503, "5030")


async def test_set_status_is_visible_in_the_directory(
    sb: Sandbox, clock: FakeClock, marks: Landmarks
) -> None:
    clock.advance(minutes=3)
    sb.set_clinic_status(marks.offline_clinic, "Online", ping=77)
    status = sb.clinic(marks.offline_clinic)["status"]
    assert (status["name"], status["ping"]) == ("Online", 77)
    assert status["lastChangeTime"] == clock()
    sb.set_clinic_status(marks.main_clinic, "Offline", ping=5)
    assert sb.clinic(marks.main_clinic)["status"]["ping"] is None
    sb.set_clinic_status(marks.main_clinic, "Online")
    assert sb.clinic(marks.main_clinic)["status"]["ping"] == sb.data.clinics[marks.main_clinic].ping
    with pytest.raises(KeyError):
        sb.set_clinic_status("11111111-2222-3333-4444-555555555555", "Online")


# --- 5. past -------------------------------------------------------------------------------------


@pytest.mark.parametrize("date_text", ["2026-11-26", "2026-11-27T09:59:59", "2025-01-01T12:00:00"])
async def test_past_date_is_400_with_a_sandbox_code(
    desk: Desk, marks: Landmarks, date_text: str
) -> None:
    assert_error(
        await desk.book("adult", marks.main_clinic, marks.therapist, date_text),
        400,
        "4090",
        en.MSG_PAST,
    )


async def test_today_and_now_are_not_past(desk: Desk, marks: Landmarks) -> None:
    assert (
        await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-27")
    ).status_code == 200
    # an explicit "now" on another resource (the 10:00 slot above is taken)
    assert (
        await desk.book("parent", marks.main_clinic, marks.procedure_room, "2026-11-27T10:00:00")
    ).status_code == 200


# --- 6. 4005 -------------------------------------------------------------------------------------


async def test_adult_in_childrens_clinic_is_4005(desk: Desk, marks: Landmarks) -> None:
    assert_error(
        await desk.book("parent", marks.children_clinic, marks.pediatrician),
        400,
        "4005",
        en.MSG_4005,
    )
    assert (await desk.book("child", marks.children_clinic, marks.pediatrician)).status_code == 200


# --- 7. 4029 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patient", "landmark"),
    [
        ("young", "geriatrician"),
        ("adult", "geriatrician"),
        ("child", "adults_only_doctor"),
        ("teen", "adults_only_doctor"),
    ],
)
async def test_age_limits_are_4029(
    desk: Desk, marks: Landmarks, patient: str, landmark: str
) -> None:
    response = await desk.book(patient, marks.main_clinic, getattr(marks, landmark))
    assert_error(response, 400, "4029", en.MSG_4029)


async def test_age_limits_in_the_childrens_clinic(desk: Desk, marks: Landmarks) -> None:
    assert_error(await desk.book("child", marks.children_clinic, marks.teen_doctor), 400, "4029")
    assert (await desk.book("teen", marks.children_clinic, marks.teen_doctor)).status_code == 200


async def test_elderly_patient_reaches_the_geriatrician(desk: Desk, marks: Landmarks) -> None:
    assert (await desk.book("elderly", marks.main_clinic, marks.geriatrician)).status_code == 200


# --- 8. 4007 -------------------------------------------------------------------------------------


# The barred patient's own tokens are from the portal (``token_channel``), so None means
# "internet" for him even though the sandbox's default channel is the desk.
@pytest.mark.parametrize("channel", [None, "internet", "infomat"])
async def test_barred_patient_self_booking_is_4007(
    desk: Desk, marks: Landmarks, channel: str | None
) -> None:
    response = await desk.book("barred", marks.main_clinic, marks.therapist, channel=channel)
    assert_error(response, 400, "4007", en.MSG_4007_SELF)


@pytest.mark.parametrize("channel", ["registry", "callcenter"])
async def test_barred_patient_can_be_booked_by_the_desk(
    desk: Desk, marks: Landmarks, channel: str
) -> None:
    response = await desk.book("barred", marks.main_clinic, marks.therapist, channel=channel)
    assert response.status_code == 200


async def test_dispensary_only_doctor_is_4007_with_the_other_message(
    desk: Desk, marks: Landmarks
) -> None:
    assert_error(
        await desk.book("no_dispensary", marks.main_clinic, marks.dispensary_doctor),
        400,
        "4007",
        en.MSG_4007_DISP,
    )
    ok = await desk.book("dispensary", marks.main_clinic, marks.dispensary_doctor)
    assert ok.status_code == 200
    assert ok.json()["busyType"]["code"] == 202


# --- 9. 4008 -------------------------------------------------------------------------------------


async def test_preseeded_booking_gives_4008_at_once(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    other_therapist = sb.resource_guid("gp3/therapist-1")
    response = await desk.book("booked", sb.clinic_guid("gp3"), other_therapist)
    assert_error(
        response,
        400,
        "4008",
        "Вы уже записаны Морозова О.В. на 29.11.2026 09:00. Запрещено иметь более "
        "одной активной записи на прием на одну специальность.",
    )


async def test_second_booking_same_speciality_is_4008_naming_the_first(
    desk: Desk, marks: Landmarks
) -> None:
    first = await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-30T12:45:00")
    assert first.status_code == 200
    body = assert_error(await desk.book("adult", marks.main_clinic, marks.therapist), 400, "4008")
    assert body["message"].startswith("Вы уже записаны Лебедев А.П. на 30.11.2026 12:45.")
    # another speciality is fine
    assert (await desk.book("adult", marks.main_clinic, marks.procedure_room)).status_code == 200


async def test_past_booking_no_longer_blocks(
    desk: Desk, clock: FakeClock, marks: Landmarks
) -> None:
    clock.advance(days=2, minutes=1)  # 29.11 10:01: the 09:00 visit has begun
    assert (
        await desk.book("booked", marks.main_clinic, marks.therapist, "2026-11-30")
    ).status_code == 200


# --- 10. 4009 ------------------------------------------------------------------------------------


async def test_explicit_time_overlapping_a_booking_is_4009(desk: Desk, marks: Landmarks) -> None:
    # "booked" holds 29.11 09:00-09:15 at therapist 1
    for date_text in ("2026-11-29T09:00:00", "2026-11-29T08:50:00", "2026-11-29T09:14:00"):
        assert_error(
            await desk.book("adult", marks.main_clinic, marks.therapist, date_text),
            400,
            "4009",
            en.MSG_4009,
        )
    assert (
        await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-29T09:15:00")
    ).status_code == 200


async def test_full_day_is_4009(desk: Desk, marks: Landmarks) -> None:
    assert_error(
        await desk.book("adult", marks.main_clinic, marks.full_day_doctor, TOMORROW),
        400,
        "4009",
        en.MSG_4009,
    )


async def test_day_fills_up_after_three_visits(desk: Desk, marks: Landmarks) -> None:
    day = "2026-11-30"  # the one-hour urologist has three 20-minute slots
    begins = [
        begin_of(await desk.book(p, marks.main_clinic, marks.full_day_doctor, day))
        for p in ("adult", "parent", "young")
    ]
    assert begins == [
        "2026-11-30T10:00:00+03:00",
        "2026-11-30T10:20:00+03:00",
        "2026-11-30T10:40:00+03:00",
    ]
    assert_error(
        await desk.book("no_dispensary", marks.main_clinic, marks.full_day_doctor, day), 400, "4009"
    )


async def test_after_hours_today_is_4009(desk: Desk, clock: FakeClock, marks: Landmarks) -> None:
    clock.advance(hours=5)  # 15:00, after the 08:00-14:00 shift
    assert_error(
        await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-27"), 400, "4009"
    )


# --- the order of the checks ---------------------------------------------------------------------


async def test_order_token_before_everything(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    expired = sb.issue_token("parent", ttl_seconds=-1)
    offline_res = sb.resources(marks.offline_clinic)[0]["guid"]
    assert_error(
        await desk.book(None, marks.offline_clinic, offline_res, token=expired), 403, "5009"
    )
    assert_error(await desk.book(None, "nope", NIL, "bad", token=expired), 403, "5009")


async def test_order_4036_before_404(desk: Desk) -> None:
    assert_error(await desk.book("adult", "11111111-2222-3333-4444-555555555555", NIL), 400, "4036")
    assert_error(
        await desk.book(
            "adult",
            "11111111-2222-3333-4444-555555555555",
            "11111111-2222-3333-4444-555555555555",
            "bad-date",
        ),
        400,
        "4036",
    )


async def test_order_404_before_offline(desk: Desk, marks: Landmarks) -> None:
    assert_error(
        await desk.book("adult", marks.offline_clinic, "11111111-2222-3333-4444-555555555555"),
        404,
        "4040",
    )


async def test_order_offline_before_past(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    offline_res = sb.resources(marks.offline_clinic)[0]["guid"]
    assert_error(
        await desk.book("adult", marks.offline_clinic, offline_res, "2020-01-01"), 503, "5030"
    )


async def test_order_past_before_4005(desk: Desk, marks: Landmarks) -> None:
    assert_error(
        await desk.book("parent", marks.children_clinic, marks.pediatrician, "2020-01-01"),
        400,
        "4090",
    )


async def test_order_4005_before_4029(desk: Desk, marks: Landmarks) -> None:
    # the pediatrician also has an age limit 0-17: the clinic check answers first
    assert_error(await desk.book("parent", marks.children_clinic, marks.pediatrician), 400, "4005")


async def test_order_4029_before_4007(desk: Desk, marks: Landmarks) -> None:
    assert_error(await desk.book("barred", marks.main_clinic, marks.geriatrician), 400, "4029")


async def test_order_self_booking_before_dispensary(desk: Desk, marks: Landmarks) -> None:
    response = await desk.book("barred", marks.main_clinic, marks.dispensary_doctor)
    assert_error(response, 400, "4007", en.MSG_4007_SELF)


async def test_order_4007_before_4008(desk: Desk, marks: Landmarks) -> None:
    assert (
        await desk.book("barred", marks.main_clinic, marks.therapist, channel="registry")
    ).status_code == 200
    assert_error(await desk.book("barred", marks.main_clinic, marks.therapist), 400, "4007")


async def test_order_4008_before_4009(desk: Desk, marks: Landmarks) -> None:
    # "booked" asks for her own slot: she already has a therapist visit -> 4008, not 4009
    assert_error(
        await desk.book("booked", marks.main_clinic, marks.therapist, "2026-11-29T09:00:00"),
        400,
        "4008",
    )


async def test_failed_checks_make_no_booking(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    before = list(sb.bookings)
    await desk.book("parent", marks.children_clinic, marks.pediatrician)
    await desk.book("young", marks.main_clinic, marks.geriatrician)
    await desk.book("booked", marks.main_clinic, marks.therapist)
    assert sb.bookings == before


# --- switches ------------------------------------------------------------------------------------


async def test_past_date_switch(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.checks["past_date"] = False
    response = await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-20")
    assert begin_of(response) == "2026-11-20T08:00:00+03:00"


async def test_children_clinic_switch_reaches_the_next_check(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    sb.config.checks["children_clinic"] = False
    assert_error(await desk.book("parent", marks.children_clinic, marks.pediatrician), 400, "4029")
    sb.config.checks["age_limits"] = False
    assert (await desk.book("parent", marks.children_clinic, marks.pediatrician)).status_code == 200


async def test_age_limits_switch(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.checks["age_limits"] = False
    assert (await desk.book("young", marks.main_clinic, marks.geriatrician)).status_code == 200


async def test_self_booking_switch(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.checks["self_booking"] = False
    assert (await desk.book("barred", marks.main_clinic, marks.therapist)).status_code == 200


async def test_dispensary_switch(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.checks["dispensary"] = False
    assert (
        await desk.book("no_dispensary", marks.main_clinic, marks.dispensary_doctor)
    ).status_code == 200


async def test_one_per_speciality_switch(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.checks["one_per_speciality"] = False
    assert (await desk.book("booked", marks.main_clinic, marks.therapist)).status_code == 200
    assert len(sb.bookings_of("booked")) == 2


async def test_time_taken_switch_allows_double_booking(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    sb.config.checks["time_taken"] = False
    assert (
        begin_of(
            await desk.book("adult", marks.main_clinic, marks.therapist, "2026-11-29T09:00:00")
        )
        == "2026-11-29T09:00:00+03:00"
    )
    assert (
        begin_of(await desk.book("parent", marks.main_clinic, marks.full_day_doctor, TOMORROW))
        == "2026-11-28T10:00:00+03:00"
    )


async def test_all_switches_off_still_keeps_the_fixed_checks(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    sb.update_config({"checks": dict.fromkeys(CHECK_NAMES, False)})
    offline_res = sb.resources(marks.offline_clinic)[0]["guid"]
    assert_error(await desk.book("adult", marks.offline_clinic, offline_res), 503, "5030")
    assert_error(await desk.book("adult", marks.main_clinic, NIL), 400, "4036")
    assert_error(await desk.book(None, marks.main_clinic, marks.therapist), 403, "5009")
