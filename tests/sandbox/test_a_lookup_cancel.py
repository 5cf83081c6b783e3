"""The sandbox's patient lookup (the authorization service) and cancellation call.

Through the in-process HTTP client (the routes, the request log, the wire variants) and the
Python API (``lookup_token``, ``cancel``), with the pinned clock of the sandbox tests.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from sandbox_testkit import NOW, TOMORROW, Desk, FakeClock, assert_error

from desktop_app.sandbox import MSK, PATIENTS, TWINS, Landmarks, Sandbox, SandboxError

pytestmark = pytest.mark.asyncio

TOKEN_PATH = "/auth/lpu/token"
ADULT = {"n_pol": "0000202600000001", "Birthday": "1985-04-12"}
TWINS_BIRTH = "1996-06-18"


async def lookup(desk: Desk, lpu: str | None, **params: str):
    query = dict(params)
    if lpu is not None:
        query["lpuGuid"] = lpu
    return await desk.client.get(TOKEN_PATH, params=query)


async def cancel(desk: Desk, lpu: str, ticket: str, token: str | None, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await desk.client.request(
        "DELETE",
        f"/visit/{lpu}/{ticket}",
        json={"ReasonCode": 1, "Reason": "Пациент передумал"} if body is None else body,
        headers=headers,
    )


# -- the roster ----------------------------------------------------------------------------------


async def test_every_patient_has_a_fictitious_policy_listed(desk: Desk, sb: Sandbox) -> None:
    policies = [p.policy for p in PATIENTS]
    assert len(set(policies)) == len(PATIENTS)
    assert all(re.fullmatch(r"0000[0-9]{12}", p) for p in policies)
    listed = (await desk.client.get("/sandbox/patients")).json()
    assert {p["id"]: p["policy"] for p in listed} == {p.id: p.policy for p in PATIENTS}
    assert listed == sb.patients()


async def test_the_twins_share_surname_and_birth_date_only(sb: Sandbox) -> None:
    anna, maria = (sb.data.patients[t] for t in TWINS)
    assert (anna.surname, anna.birth_date) == (maria.surname, maria.birth_date)
    assert anna.first_name != maria.first_name and anna.policy != maria.policy
    assert anna.card != maria.card
    pairs = {(p.surname, p.birth_date) for p in PATIENTS}
    assert len(pairs) == len(PATIENTS) - 1  # the twins are the only such pair


# -- lookup --------------------------------------------------------------------------------------


async def test_lookup_by_policy_gives_the_same_token_as_issue_token(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    response = await lookup(
        desk, marks.main_clinic, n_pol="0000 2026 0000 0001", Birthday="1985-04-12"
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token"] == sb.issue_token("adult")
    assert body["patient"] == {
        "surname": "Лебедев",
        "firstName": "Антон",
        "patronymic": "Павлович",
        "birthDate": "1985-04-12",
    }
    booked = await desk.book(None, marks.main_clinic, marks.therapist, token=body["token"])
    assert booked.status_code == 200


async def test_lookup_takes_other_casings_and_forms(desk: Desk, sb: Sandbox) -> None:
    response = await desk.client.get(
        TOKEN_PATH, params={"N_POL": "0000-2026-0000-0001", "birthday": "12.04.1985"}
    )
    assert response.status_code == 200, response.text  # no clinic GUID: not needed
    assert sb.verify_token(response.json()["token"]).subject == "adult"
    midnight = await desk.client.get(
        TOKEN_PATH, params={**ADULT, "Birthday": "1985-04-12T00:00:00"}
    )
    assert midnight.status_code == 200
    posted = await desk.client.post(TOKEN_PATH, json=ADULT)
    assert sb.verify_token(posted.json()["token"]).subject == "adult"


async def test_lookup_by_surname_ignores_case_and_yo(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    for surname in ("лебедев", "ЛЕБЕДЕВ", " Лебедев "):
        response = await lookup(desk, marks.main_clinic, Fam=surname, Birthday="1985-04-12")
        assert sb.verify_token(response.json()["token"]).subject == "adult", surname
    response = await lookup(desk, marks.main_clinic, Fam="Журавлева", Birthday="1958-11-05")
    assert sb.verify_token(response.json()["token"]).subject == "dispensary"
    assert response.json()["patient"]["surname"] == "Журавлёва"


async def test_lookup_refusals(desk: Desk, marks: Landmarks) -> None:
    lpu = marks.main_clinic
    assert_error(await lookup(desk, lpu, Fam="Кравцова", Birthday=TWINS_BIRTH), 400, "4042")
    assert_error(await lookup(desk, lpu, **{**ADULT, "Birthday": "1985-04-13"}), 404, "4041")
    assert_error(
        await lookup(desk, lpu, n_pol="0000202600000099", Birthday="1985-04-12"), 404, "4041"
    )
    assert_error(await lookup(desk, lpu, Fam="Лебедева", Birthday="1985-04-12"), 404, "4041")
    for bad in (
        {"n_pol": "0000202600000001"},  # no birth date
        {"n_pol": "000020260000000", "Birthday": "1985-04-12"},  # 15 digits
        {"n_pol": "0000 2026 0000 000O", "Birthday": "1985-04-12"},
        {"Birthday": "1985-04-12"},  # neither policy nor surname
        {"Fam": "  ", "Birthday": "1985-04-12"},
        {**ADULT, "Birthday": "1985-13-01"},
        {**ADULT, "Birthday": "вчера"},
    ):
        assert_error(await lookup(desk, lpu, **bad), 400, "4036")
    assert_error(await lookup(desk, "0b0b0b0b-1111-4222-8333-444455556666", **ADULT), 404, "4040")
    assert_error(await lookup(desk, "not-a-guid", **ADULT), 404, "4040")
    # The twins apart, by policy.
    anna = await lookup(desk, lpu, n_pol="0000202600000011", Birthday=TWINS_BIRTH)
    maria = await lookup(desk, lpu, n_pol="0000202600000012", Birthday=TWINS_BIRTH)
    assert anna.json()["patient"]["firstName"] == "Анна"
    assert maria.json()["patient"]["firstName"] == "Мария"


async def test_lookup_python_api(sb: Sandbox, marks: Landmarks) -> None:
    token, patient = sb.lookup_token(
        marks.main_clinic, birth_date=date(1972, 1, 17), policy="0000202600000007"
    )
    assert patient.id == "barred"
    assert sb.verify_token(token).channel == "internet"  # the patient's own channel, as issued
    token, patient = sb.lookup_token(None, birth_date=date(1985, 4, 12), surname="Лебедев")
    assert patient.id == "adult" and sb.verify_token(token).channel == "registry"
    with pytest.raises(SandboxError) as twins:
        sb.lookup_token(None, birth_date=date(1996, 6, 18), surname="кравцова")
    assert (twins.value.status, twins.value.code) == (400, "4042")
    with pytest.raises(SandboxError) as missing:
        sb.lookup_token(None, birth_date=None, policy="0000202600000001")
    assert missing.value.code == "4036"


async def test_lookup_issuer_hook_serves_the_training_desk(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    from desktop_app.training.desk import TrainingDesk

    training = TrainingDesk(sb)
    sb.lookup_issuer = training.issue_token
    training.expire_next_token("adult")
    expired = (await lookup(desk, marks.main_clinic, **ADULT)).json()["token"]
    assert_error(
        await desk.book(None, marks.main_clinic, marks.therapist, token=expired), 403, "5009"
    )
    fresh = (await lookup(desk, marks.main_clinic, **ADULT)).json()["token"]
    assert (
        await desk.book(None, marks.main_clinic, marks.therapist, token=fresh)
    ).status_code == 200


async def test_lookups_are_in_the_request_log_and_answer_in_variants(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    await lookup(desk, marks.main_clinic, **ADULT)
    await lookup(desk, marks.main_clinic, Fam="Кравцова", Birthday=TWINS_BIRTH)
    logged = (await desk.client.get("/sandbox/requests")).json()
    assert [(r["method"], r["path"], r["status"]) for r in logged] == [
        ("GET", TOKEN_PATH, 200),
        ("GET", TOKEN_PATH, 400),
    ]
    assert logged[0]["query"] == {**ADULT, "lpuGuid": marks.main_clinic}
    sb.update_config({"pascal_case": True, "numeric_message_code": True})
    pascal = await lookup(desk, marks.main_clinic, **ADULT)
    assert set(pascal.json()) == {"Token", "Patient"}
    assert pascal.json()["Patient"]["FirstName"] == "Антон"
    twins = await lookup(desk, marks.main_clinic, Fam="Кравцова", Birthday=TWINS_BIRTH)
    assert twins.json()["Message_code"] == 4042
    sb.update_config({"pascal_case": False, "html_errors": True})
    html = await lookup(desk, marks.main_clinic, Fam="Кравцова", Birthday=TWINS_BIRTH)
    assert html.status_code == 400 and html.headers["content-type"].startswith("text/html")


# -- cancel --------------------------------------------------------------------------------------


async def _book(desk: Desk, patient: str, lpu: str, resource: str, date: str = TOMORROW) -> str:
    response = await desk.book(patient, lpu, resource, date)
    assert response.status_code == 200, response.text
    return response.json()["ticketGuid"]


async def test_cancel_frees_the_slot_and_keeps_the_booking_apart(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    at = f"{TOMORROW}T12:00:00"
    ticket = await _book(desk, "adult", marks.main_clinic, marks.therapist, at)
    taken = await desk.book("young", marks.main_clinic, marks.therapist, at)
    assert_error(taken, 400, "4009")
    response = await cancel(desk, marks.main_clinic, ticket, sb.issue_token("adult"))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "code": 2000,
        "message": "Запись на прием отменена.",
        "message_code": "2000",
    }
    assert sb.bookings_of("adult") == []
    listed = (await desk.client.get("/sandbox/bookings")).json()
    assert ticket not in [b["ticket_guid"] for b in listed]
    (gone,) = (await desk.client.get("/sandbox/cancelled")).json()
    assert gone["ticket_guid"] == ticket and gone["patient_id"] == "adult"
    assert (gone["cancel_reason_code"], gone["cancel_reason"]) == (1, "Пациент передумал")
    assert gone["cancelled_at"] == NOW.isoformat()
    # The slot is free: the same time books now.
    again = await desk.book("young", marks.main_clinic, marks.therapist, at)
    assert again.status_code == 200
    # Its number is not reused (a paper queue): adult had 1; young's refused try took none.
    assert again.json()["num"] == "2"


async def test_cancelling_the_existing_visit_lifts_4008(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    assert_error(await desk.book("booked", marks.main_clinic, marks.therapist), 400, "4008")
    (held,) = sb.bookings_of("booked")
    sb.cancel(sb.issue_token("booked"), marks.main_clinic, held.ticket_guid, 3, "Повторно")
    assert (await desk.book("booked", marks.main_clinic, marks.therapist)).status_code == 200


async def test_cancel_refusals(desk: Desk, sb: Sandbox, marks: Landmarks, clock: FakeClock) -> None:
    lpu = marks.main_clinic
    ticket = await _book(desk, "adult", lpu, marks.therapist, f"{TOMORROW}T09:30:00")
    token = sb.issue_token("adult")
    assert_error(await cancel(desk, lpu, ticket, None), 403, "5009")
    assert_error(await cancel(desk, lpu, ticket, sb.issue_token("young")), 403, "5009")
    assert_error(
        await cancel(desk, lpu, "0b0b0b0b-1111-4222-8333-444455556666", token), 404, "4040"
    )
    assert_error(await cancel(desk, marks.children_clinic, ticket, token), 404, "4040")
    assert_error(await cancel(desk, lpu, ticket, token, body={"Reason": "без кода"}), 400, "4036")
    assert_error(await cancel(desk, lpu, ticket, token, body={"ReasonCode": "1"}), 400, "4036")
    assert_error(
        await cancel(desk, lpu, "00000000-0000-0000-0000-000000000000", token), 400, "4036"
    )
    assert sb.bookings_of("adult")  # nothing of that cancelled it
    # The visit's time passes (sandbox clock): 4021.
    clock.current = datetime.combine(NOW.date() + timedelta(days=1), time(9, 31), MSK)
    late = sb.issue_token("adult")
    assert_error(await cancel(desk, lpu, ticket, late), 400, "4021")
    clock.current = NOW
    assert (await cancel(desk, lpu, ticket, token)).status_code == 200
    assert_error(await cancel(desk, lpu, ticket, token), 400, "4022")  # not 4040
    # 4022 even after the time has passed; another patient still gets 5009 first.
    clock.current = datetime.combine(NOW.date() + timedelta(days=1), time(9, 31), MSK)
    assert_error(await cancel(desk, lpu, ticket, sb.issue_token("adult")), 400, "4022")
    assert_error(await cancel(desk, lpu, ticket, sb.issue_token("young")), 403, "5009")
    statuses = [r.status for r in sb.requests if r.method == "DELETE"]
    assert statuses == [403, 403, 404, 404, 400, 400, 400, 400, 200, 400, 400, 403]


async def test_cancel_at_an_offline_clinic_is_unavailable(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    ticket = await _book(desk, "adult", marks.main_clinic, marks.therapist)
    sb.set_clinic_status(marks.main_clinic, "Offline")
    assert_error(
        await cancel(desk, marks.main_clinic, ticket, sb.issue_token("adult")), 503, "5030"
    )
    assert sb.bookings_of("adult")


async def test_dropped_answer_to_a_cancel_still_cancels(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    import httpx

    ticket = await _book(desk, "adult", marks.main_clinic, marks.therapist)
    sb.update_config({"drop_connection": True})
    with pytest.raises(httpx.RemoteProtocolError):
        await cancel(desk, marks.main_clinic, ticket, sb.issue_token("adult"))
    assert [b.ticket_guid for b in sb.cancelled] == [ticket]


async def test_reset_and_reset_patient_after_a_cancel(
    desk: Desk, sb: Sandbox, marks: Landmarks
) -> None:
    (held,) = sb.bookings_of("booked")
    sb.cancel(sb.issue_token("booked"), marks.main_clinic, held.ticket_guid, 1, "")
    assert sb.bookings_of("booked") == [] and len(sb.cancelled) == 1
    sb.reset_patient("booked")  # training starts the 4008 exercise again
    (again,) = sb.bookings_of("booked")
    assert again.preseeded and sb.cancelled == []
    sb.cancel(sb.issue_token("booked"), marks.main_clinic, again.ticket_guid, 1, "")
    assert (await desk.client.post("/sandbox/reset")).json() == {"ok": True}
    assert sb.cancelled == [] and len(sb.bookings_of("booked")) == 1


async def test_routes_other_than_the_cancel_keep_their_answers(
    desk: Desk, marks: Landmarks
) -> None:
    token = desk.sb.issue_token("adult")
    response = await desk.client.request(
        "DELETE",
        f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 404
    got = await desk.client.get(f"/visit/{marks.main_clinic}/{marks.therapist}")
    assert got.status_code == 405 and got.json()["message_code"] == "4050"
