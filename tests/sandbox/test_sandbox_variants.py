"""Wire variants: each switch changes the answers the way a real server might, and only that."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sandbox_testkit import TOMORROW, Desk, visit_path

from desktop_app.sandbox import InProcessTransport, Landmarks, Sandbox

pytestmark = pytest.mark.asyncio


def all_keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from all_keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_keys(item)


def all_objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from all_objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_objects(item)


# --- fullResponse ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["false", "False", "FALSE"])
async def test_short_response_keeps_only_lpu_num_ticket(
    desk: Desk, marks: Landmarks, value: str
) -> None:
    response = await desk.book(
        "adult", marks.main_clinic, marks.therapist, params={"fullResponse": value}
    )
    ticket = response.json()
    assert response.status_code == 200
    assert {k for k, v in ticket.items() if v is not None} == {"lpu", "num", "ticketGuid"}
    assert "docFio" in ticket and ticket["docFio"] is None
    assert ticket["lpu"]["guid"] == marks.main_clinic and ticket["num"] == "1"


async def test_short_response_can_omit_fields(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.short_response_omit = True
    response = await desk.book(
        "adult", marks.main_clinic, marks.therapist, params={"fullResponse": "false"}
    )
    assert set(response.json()) == {"lpu", "num", "ticketGuid"}
    full = await desk.book(
        "parent", marks.main_clinic, marks.therapist, params={"fullResponse": "true"}
    )
    assert full.json()["docFio"]  # omission only concerns short answers


async def test_short_response_booking_is_still_complete(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    response = await desk.book(
        "adult", marks.main_clinic, marks.therapist, params={"FULLRESPONSE": "false"}
    )
    assert response.json()["docFio"] is None  # the parameter name is case-insensitive too
    (booking,) = sb.bookings_of("adult")
    assert booking.ticket_guid == response.json()["ticketGuid"]


# --- casing and codes ------------------------------------------------------------------------


async def test_pascal_case_everywhere(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.pascal_case = True
    ticket = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    keys = list(all_keys(ticket))
    assert len(keys) > 40 and all(k[0].isupper() for k in keys)
    assert ticket["Lpu"]["Status"]["Ping"] == sb.clinic(marks.main_clinic)["status"]["ping"]
    assert ticket["BusyType"] == {"Code": 4, "Name": "Первичный прием"}
    assert ticket["History"][0]["Action"]
    error = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    assert error == {"Code": 400, "Message": error["Message"], "Message_code": "4008"}
    clinics = (await desk.client.get("/lpu")).json()
    assert all(k[0].isupper() for k in all_keys(clinics))
    doctors = (await desk.client.get(f"/lpu/{marks.main_clinic}/doctor")).json()
    assert set(doctors[0]) == {
        "Guid",
        "Fio",
        "Speciality",
        "SpecialityCode",
        "DoctorRole",
        "Room",
        "Flat",
        "ResType",
    }


async def test_numeric_message_code(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.numeric_message_code = True
    body = (await desk.book("adult", marks.main_clinic, marks.full_day_doctor)).json()
    assert body["message_code"] == 4009 and isinstance(body["message_code"], int)
    sb.config.pascal_case = True
    body = (await desk.book(None, marks.main_clinic, marks.therapist)).json()
    assert body["Message_code"] == 5009


async def test_extra_fields_in_every_object(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    plain = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    sb.reset()
    sb.config.extra_fields = True
    extra = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    for obj in all_objects(extra):
        if "nested" not in obj:  # the extra object itself
            assert obj["sandboxExtra"] == "поле, о котором клиент не знает"
    stripped = {
        k: v for k, v in extra.items() if k not in ("sandboxExtra", "schemaRevision", "extraObject")
    }
    assert stripped["ticketGuid"] == plain["ticketGuid"]  # same reset state, same GUIDs
    assert set(stripped) == set(plain)
    error = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    assert error["message_code"] == "4008" and "sandboxExtra" in error
    clinic = (await desk.client.get(f"/lpu/{marks.main_clinic}")).json()
    assert "sandboxExtra" in clinic and "sandboxExtra" in clinic["status"]


@pytest.mark.parametrize(
    ("form", "expected"),
    [("int", 4), ("string", "Первичный прием"), ("object", {"code": 4, "name": "Первичный прием"})],
)
async def test_busy_type_forms(
    desk: Desk, sb: Sandbox, marks: Landmarks, form: str, expected: Any
) -> None:
    sb.config.busy_type_form = form  # type: ignore[assignment]
    ticket = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    assert ticket["busyType"] == expected


async def test_ping_as_string(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.ping_as_string = True
    clinics = {c["guid"]: c for c in (await desk.client.get("/lpu")).json()}
    assert clinics[marks.high_ping_clinic]["status"]["ping"] == "1240"
    assert clinics[marks.offline_clinic]["status"]["ping"] is None
    ticket = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    assert isinstance(ticket["lpu"]["status"]["ping"], str)
    assert isinstance(ticket["flat"], int)  # only the ping changes


@pytest.mark.parametrize(
    ("style", "pattern"),
    [
        ("offset", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00"),
        ("naive", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"),
        ("millis", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+03:00"),
    ],
)
async def test_datetime_styles(
    desk: Desk, sb: Sandbox, marks: Landmarks, style: str, pattern: str
) -> None:
    sb.config.datetime_style = style  # type: ignore[assignment]
    ticket = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    for value in (
        ticket["beginTime"],
        ticket["endTime"],
        ticket["dateOfAppointment"],
        ticket["history"][0]["date"],
        ticket["lpu"]["status"]["lastChangeTime"],
    ):
        assert re.fullmatch(pattern, value), value
    assert ticket["beginTime"].startswith("2026-11-28T08:00:00")


# --- broken answers --------------------------------------------------------------------------


async def test_html_errors(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.html_errors = True
    response = await desk.book(None, marks.main_clinic, marks.therapist)
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "<html>" in response.text and "403 Forbidden" in response.text
    with pytest.raises(json.JSONDecodeError):
        response.json()
    ok = await desk.book("adult", marks.main_clinic, marks.therapist)
    assert ok.status_code == 200 and ok.json()["num"] == "1"  # successes stay JSON


@pytest.mark.parametrize("fault", ["html_200", "empty_body", "truncated_json"])
async def test_faults_break_the_body_but_the_booking_is_made(
    desk: Desk, sb: Sandbox, marks: Landmarks, fault: str
) -> None:
    sb.config.fault = fault  # type: ignore[assignment]
    response = await desk.book("adult", marks.main_clinic, marks.therapist)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    if fault == "html_200":
        assert response.headers["content-type"].startswith("text/html")
    if fault == "truncated_json":
        assert response.content.startswith(b'{"ticketGuid": "')
    assert len(sb.bookings_of("adult")) == 1
    error = await desk.book("adult", marks.main_clinic, marks.therapist)
    assert error.json()["message_code"] == "4008"  # error answers are not broken


async def test_drop_connection_in_process(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.drop_connection = True
    with pytest.raises(httpx.RemoteProtocolError):
        await desk.book("adult", marks.main_clinic, marks.therapist)
    assert len(sb.bookings_of("adult")) == 1
    posts = [r for r in sb.requests if r.method == "POST"]
    assert len(posts) == 1 and posts[0].status == 200


async def test_slow_answer_in_process(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    sb.config.slow_seconds = 0.3
    started = time.perf_counter()
    response = await desk.book("adult", marks.main_clinic, marks.therapist)
    assert response.status_code == 200
    assert time.perf_counter() - started >= 0.3
    started = time.perf_counter()
    assert (await desk.client.post("/sandbox/reset")).status_code == 200
    assert time.perf_counter() - started < 0.3  # control calls are never delayed


async def test_slow_answer_past_the_read_timeout(sb: Sandbox, marks: Landmarks) -> None:
    sb.config.slow_seconds = 5
    async with httpx.AsyncClient(
        transport=InProcessTransport(sb), base_url="http://sandbox.invalid", timeout=0.2
    ) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.post(
                visit_path(marks.main_clinic, marks.therapist, TOMORROW),
                headers={"Authorization": f"Bearer {sb.issue_token('adult')}"},
            )
    assert len(sb.bookings_of("adult")) == 1  # the outcome is unknown to the client, not void


# --- paths -----------------------------------------------------------------------------------


async def test_prefix_and_trailing_slashes(sb: Sandbox, marks: Landmarks) -> None:
    transport = InProcessTransport(sb, prefix="api/")
    async with httpx.AsyncClient(
        transport=transport, base_url="http://sandbox.invalid/api/"
    ) as client:
        assert len((await client.get("lpu")).json()) == len(sb.clinics())
        assert (await client.get("lpu/")).status_code == 200
        response = await client.post(
            f"visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}/",
            headers={"Authorization": f"Bearer {sb.issue_token('adult')}"},
        )
        assert response.status_code == 200
        outside = await client.get("http://sandbox.invalid/lpu")
        assert outside.status_code == 404 and outside.json()["message_code"] == "4040"
        assert (await client.get("sandbox/patients")).status_code == 200


async def test_unknown_route_and_method_answer_with_standard_bodies(desk: Desk) -> None:
    response = await desk.client.get("/nothing/here")
    assert response.status_code == 404 and response.json()["code"] == 404
    response = await desk.client.get("/visit/a/outSchedule/b/c")
    assert response.status_code == 405 and response.json()["message_code"] == "4050"
    response = await desk.client.post("/visit/a/inSchedule/b/c")
    assert response.status_code == 404


async def test_config_prefix_is_used_when_none_is_passed() -> None:
    sb = Sandbox()
    sb.config.prefix = "/api"
    async with httpx.AsyncClient(
        transport=InProcessTransport(sb), base_url="http://sandbox.invalid"
    ) as client:
        assert (await client.get("/api/lpu")).status_code == 200
        assert (await client.get("/lpu")).status_code == 404


# --- directory -------------------------------------------------------------------------------


async def test_directory_routes(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    clinics = (await desk.client.get("/lpu")).json()
    assert [c["guid"] for c in clinics] == [c["guid"] for c in sb.clinics()]
    one = (await desk.client.get(f"/lpu/{marks.children_clinic}")).json()
    assert one["isChildrenPolyclinic"] is True
    assert one["status"]["lastChangeTime"].endswith("+03:00")
    doctors = (await desk.client.get(f"/lpu/{marks.children_clinic}/doctor")).json()
    assert doctors == sb.resources(marks.children_clinic)
    unknown = "11111111-2222-3333-4444-555555555555"
    for path in (f"/lpu/{unknown}", f"/lpu/{unknown}/doctor", "/lpu/garbage"):
        response = await desk.client.get(path)
        assert response.status_code == 404 and response.json()["message_code"] == "4040"


async def test_directory_needs_no_token_but_tolerates_any(desk: Desk, sb: Sandbox) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer garbage"},
        {"Authorization": f"Bearer {sb.issue_token('adult', ttl_seconds=-5)}"},
    ):
        assert (await desk.client.get("/lpu", headers=headers)).status_code == 200
