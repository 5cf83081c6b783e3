"""Sandbox-only routes and state: roster, tokens, reset, config, request log, bookings."""

from __future__ import annotations

import pytest
from sandbox_testkit import TOMORROW, Desk, FakeClock

from desktop_app.sandbox import Landmarks, Sandbox

pytestmark = pytest.mark.asyncio


async def test_patients_route_matches_python_api(desk: Desk, sb: Sandbox) -> None:
    response = await desk.client.get("/sandbox/patients")
    assert response.status_code == 200
    assert response.json() == sb.patients()


async def test_token_route_issues_working_tokens(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    response = await desk.client.post("/sandbox/token", json={"patient": "barred"})
    assert response.status_code == 200
    token = response.json()["token"]
    assert sb.verify_token(token).subject == "barred"
    refused = await desk.book(None, marks.main_clinic, marks.therapist, token=token)
    assert refused.json()["message_code"] == "4007"
    desk_token = (
        await desk.client.post("/sandbox/token", json={"patient": "barred", "channel": "registry"})
    ).json()["token"]
    assert (
        await desk.book(None, marks.main_clinic, marks.therapist, token=desk_token)
    ).status_code == 200


async def test_token_route_can_issue_expired_tokens(desk: Desk, marks: Landmarks) -> None:
    token = (
        await desk.client.post("/sandbox/token", json={"patient": "adult", "ttlSeconds": -60})
    ).json()["token"]
    response = await desk.book(None, marks.main_clinic, marks.therapist, token=token)
    assert response.status_code == 403 and response.json()["message_code"] == "5009"


async def test_token_route_errors(desk: Desk) -> None:
    assert (await desk.client.post("/sandbox/token", json={"patient": "nobody"})).status_code == 404
    for body in (
        b"",
        b"not json",
        b"[]",
        b'{"patient": 5}',
        b'{"patient": "adult", "ttlSeconds": "soon"}',
        b'{"who": "adult"}',
    ):
        response = await desk.client.post("/sandbox/token", content=body)
        assert response.status_code == 400, body
        assert response.json()["message"]


async def test_reset_restores_the_initial_state(
    desk: Desk, sb: Sandbox, clock: FakeClock, marks: Landmarks
) -> None:
    initial = [b.to_dict() for b in sb.bookings]
    first = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    sb.set_clinic_status(marks.main_clinic, "Offline")
    assert len(sb.requests) == 1 and len(sb.bookings) == len(initial) + 1
    assert (await desk.client.post("/sandbox/reset")).json() == {"ok": True}
    assert [b.to_dict() for b in sb.bookings] == initial
    assert sb.requests == []
    assert sb.clinic(marks.main_clinic)["status"]["name"] == "Online"
    again = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    assert again["num"] == "1"  # counters reset
    assert again["ticketGuid"] == first["ticketGuid"]  # deterministic GUIDs after a reset


async def test_reset_patient_clears_only_that_patients_bookings(
    desk: Desk, sb: Sandbox, clock: FakeClock, marks: Landmarks
) -> None:
    made = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    other = (await desk.book("dispensary", marks.main_clinic, marks.dispensary_doctor)).json()
    preseeded = [b.to_dict() for b in sb.bookings if b.preseeded]
    removed = sb.reset_patient("adult")
    assert [b.ticket_guid for b in removed] == [made["ticketGuid"]]
    assert sb.bookings_of("adult") == []
    assert [b.ticket_guid for b in sb.bookings_of("dispensary")] == [other["ticketGuid"]]
    assert [b.to_dict() for b in sb.bookings if b.preseeded] == preseeded
    # the same booking can be made again: no 4008 from the removed one
    assert (await desk.book("adult", marks.main_clinic, marks.therapist)).status_code == 200
    with pytest.raises(KeyError):
        sb.reset_patient("nobody")


async def test_reset_patient_makes_the_preseeded_booking_again(
    sb: Sandbox, clock: FakeClock
) -> None:
    clock.advance(days=3)  # the pre-seeded visit is in the past now
    removed = sb.reset_patient("booked")
    assert [b.preseeded for b in removed] == [True]
    (booked,) = sb.bookings_of("booked")
    assert booked.preseeded and booked.begin.date().isoformat() == "2026-12-02"
    full_day = [b for b in sb.bookings if b.patient_id.startswith("external-")]
    assert len(full_day) == 3  # other people's bookings are left alone


async def test_reset_route_for_one_patient(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    made = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    kept = (await desk.book("young", marks.main_clinic, marks.therapist)).json()
    response = await desk.client.post("/sandbox/reset", json={"patient": "adult"})
    assert response.json() == {"ok": True, "removed": [made["ticketGuid"]]}
    assert sb.bookings_of("adult") == []
    assert [b.ticket_guid for b in sb.bookings_of("young")] == [kept["ticketGuid"]]
    assert len(sb.requests) == 2  # a control call is not a reset of the log
    missing = await desk.client.post("/sandbox/reset", json={"patient": "nobody"})
    assert missing.status_code == 404 and missing.json()["message"]
    for body in (b'{"patient": 5}', b"[]", b"{bad"):
        bad = await desk.client.post("/sandbox/reset", content=body)
        assert bad.status_code == 400, body
    assert sb.bookings_of("young") != []


async def test_reset_moves_preseeded_bookings_with_the_clock(sb: Sandbox, clock: FakeClock) -> None:
    clock.advance(days=10)
    sb.reset()
    (booked,) = sb.bookings_of("booked")
    assert booked.begin.date().isoformat() == "2026-12-09"


async def test_request_log_records_every_api_request(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    await desk.book(None, marks.main_clinic, marks.therapist)  # 403
    await desk.book("adult", marks.main_clinic, marks.therapist, params={"fullResponse": "false"})
    await desk.client.get("/lpu")
    await desk.client.get("/no/such/route")
    await desk.client.get("/sandbox/requests")  # control calls are not logged
    assert [(r.method, r.status) for r in sb.requests] == [
        ("POST", 403),
        ("POST", 200),
        ("GET", 200),
        ("GET", 404),
    ]
    booking = sb.requests[1]
    assert booking.path == f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}"
    assert booking.query == {"fullResponse": "false"}
    assert booking.headers["content-type"] == "application/json"
    assert booking.headers["authorization"].startswith("Bearer ")
    assert booking.time == sb.now()
    logged = (await desk.client.get("/sandbox/requests")).json()
    assert [r["status"] for r in logged] == [403, 200, 200, 404]
    assert logged[1]["query"] == {"fullResponse": "false"}


async def test_bookings_route(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    ticket = (await desk.book("adult", marks.main_clinic, marks.therapist)).json()
    listed = (await desk.client.get("/sandbox/bookings")).json()
    assert len(listed) == len(sb.bookings)
    mine = [b for b in listed if b["patient_id"] == "adult"]
    assert mine[0]["ticket_guid"] == ticket["ticketGuid"]
    assert mine[0]["begin"] == ticket["beginTime"] and mine[0]["preseeded"] is False


async def test_config_route_merges_and_validates(desk: Desk, sb: Sandbox) -> None:
    config = sb.config
    response = await desk.client.post(
        "/sandbox/config", json={"pascal_case": True, "checks": {"past_date": False}}
    )
    assert response.status_code == 200
    assert response.json()["pascal_case"] is True
    assert sb.config is config and config.pascal_case is True
    assert config.checks["past_date"] is False and config.checks["age_limits"] is True
    for bad in (
        {"datetime_style": "roman"},
        {"no_such_switch": 1},
        {"slow_seconds": -1},
        {"checks": {"past_dates": False}},
    ):
        response = await desk.client.post("/sandbox/config", json=bad)
        assert response.status_code == 400, bad
    assert (await desk.client.get("/sandbox/config")).json() == config.model_dump(mode="json")


async def test_config_route_rejects_all_or_nothing(desk: Desk, sb: Sandbox) -> None:
    response = await desk.client.post(
        "/sandbox/config", json={"pascal_case": True, "fault": "explode"}
    )
    assert response.status_code == 400
    assert sb.config.pascal_case is False


async def test_status_route(desk: Desk, sb: Sandbox, marks: Landmarks) -> None:
    response = await desk.client.post(
        "/sandbox/status", json={"lpuGuid": marks.offline_clinic, "status": "Online", "ping": 12}
    )
    assert response.status_code == 200
    assert sb.clinic(marks.offline_clinic)["status"]["ping"] == 12
    missing = await desk.client.post(
        "/sandbox/status",
        json={"lpuGuid": "11111111-2222-3333-4444-555555555555", "status": "Offline"},
    )
    assert missing.status_code == 404


async def test_landmarks_route(desk: Desk, marks: Landmarks) -> None:
    assert (await desk.client.get("/sandbox/landmarks")).json() == marks.to_dict()


async def test_control_routes_ignore_wire_variants(desk: Desk, sb: Sandbox) -> None:
    sb.update_config({"pascal_case": True, "html_errors": True, "extra_fields": True})
    assert "id" in (await desk.client.get("/sandbox/patients")).json()[0]
    response = await desk.client.post("/sandbox/token", json={"patient": "nobody"})
    assert response.status_code == 404 and response.json()["code"] == 404
