"""RegistryClient against the sandbox served over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest

from desktop_app.api import (
    BookingRejected,
    ClientSettings,
    CredentialsRefused,
    InvalidRequestError,
    MalformedAnswer,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    RegistryClient,
    ServiceUnavailable,
)
from desktop_app.sandbox import MSK, Sandbox, SandboxConfig, serve_in_thread

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=MSK)
TOMORROW = NOW.date() + timedelta(days=1)


class Server:
    def __init__(self, sandbox: Sandbox, url: str) -> None:
        self.sandbox = sandbox
        self.url = url
        self.marks = sandbox.landmarks()

    def client(self, token: str | None = None, **settings: object) -> RegistryClient:
        return RegistryClient(
            self.url,
            token,
            settings=ClientSettings(**settings),  # type: ignore[arg-type]
            today=lambda: NOW.date(),
        )

    def posts(self) -> int:
        return sum(1 for r in self.sandbox.requests if r.method == "POST")


@pytest.fixture(scope="module")
def server_root() -> Iterator[Server]:
    sandbox = Sandbox(clock=lambda: NOW)
    with serve_in_thread(sandbox) as url:
        yield Server(sandbox, url)


@pytest.fixture
def server(server_root: Server) -> Server:
    server_root.sandbox.reset()
    server_root.sandbox.config = SandboxConfig()
    return server_root


@pytest.fixture(scope="module")
def api_server() -> Iterator[Server]:
    """A server that answers in PascalCase, numeric message codes, under /api."""
    sandbox = Sandbox(
        config=SandboxConfig(pascal_case=True, numeric_message_code=True, prefix="/api"),
        clock=lambda: NOW,
    )
    with serve_in_thread(sandbox) as url:
        assert url.endswith("/api")
        yield Server(sandbox, url + "/")  # a trailing slash as some sites write it


@pytest.mark.asyncio
async def test_successful_booking_parses_every_ticket_field(server: Server) -> None:
    token = server.sandbox.issue_token("adult")
    async with server.client(token) as client:
        ticket = await client.book_out_of_schedule(
            server.marks.main_clinic, server.marks.therapist, TOMORROW
        )
    booking = server.sandbox.bookings[-1]
    resource = next(
        r
        for r in server.sandbox.resources(server.marks.main_clinic)
        if r["guid"] == server.marks.therapist
    )
    assert ticket.ticket_guid == booking.ticket_guid
    assert ticket.time_table_guid == booking.time_table_guid
    assert ticket.num == booking.num
    assert ticket.room == resource["room"] and ticket.flat == resource["flat"]
    assert ticket.doc_fio == resource["fio"] and ticket.doc_guid == server.marks.therapist
    assert ticket.speciality == resource["speciality"]
    assert ticket.doctor_role
    assert ticket.begin_time == booking.begin and ticket.end_time == booking.end
    assert ticket.date_of_appointment is not None
    assert ticket.busy_type is not None and ticket.busy_type.code == "4"
    assert ticket.source is not None and ticket.source_name
    assert ticket.history and ticket.history[0].action
    assert ticket.lpu is not None and ticket.lpu.guid == server.marks.main_clinic
    assert ticket.lpu.status is not None and ticket.lpu.status.is_online
    assert isinstance(ticket.lpu.status.ping, int)
    assert server.posts() == 1


@pytest.mark.asyncio
async def test_explicit_time_reaches_the_server(server: Server) -> None:
    token = server.sandbox.issue_token("adult")
    async with server.client(token) as client:
        ticket = await client.book_out_of_schedule(
            server.marks.main_clinic, server.marks.therapist, TOMORROW, time(11, 40)
        )
    assert ticket.begin_time.time() == time(11, 40)


@pytest.mark.asyncio
async def test_short_response(server: Server) -> None:
    token = server.sandbox.issue_token("adult")
    async with server.client(token) as client:
        ticket = await client.book_out_of_schedule(
            server.marks.main_clinic, server.marks.therapist, TOMORROW, full_response=False
        )
        server.sandbox.update_config({"short_response_omit": True})
        omitted = await client.book_out_of_schedule(
            server.marks.main_clinic,
            server.marks.geriatrician,
            TOMORROW,
            full_response=False,
            token=server.sandbox.issue_token("elderly"),
        )
    for t in (ticket, omitted):
        assert t.num and t.ticket_guid and t.lpu is not None
        assert t.room is None and t.doc_fio is None and t.busy_type is None
    assert server.sandbox.requests[-1].query.get("fullResponse") == "false"


CASES = [
    ("parent", "children_clinic", "pediatrician", "4005", "Вы пытаетесь записаться в детское"),
    ("young", "main_clinic", "geriatrician", "4029", "Запись недоступна для данной возрастной"),
    ("barred", "main_clinic", "therapist", "4007", "Вам запрещена самостоятельная запись"),
    ("no_dispensary", "main_clinic", "dispensary_doctor", "4007", "Вы не состоите на диспансерном"),
    ("booked", "main_clinic", "therapist", "4008", "Вы уже записаны Морозова О.В. на "),
    ("adult", "main_clinic", "full_day_doctor", "4009", "Это время уже занято."),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("patient", "clinic", "resource", "code", "text"), CASES)
async def test_validation_codes_reach_booking_rejected(
    server: Server, patient: str, clinic: str, resource: str, code: str, text: str
) -> None:
    marks = server.marks.to_dict()
    async with server.client(server.sandbox.issue_token(patient)) as client:
        with pytest.raises(BookingRejected) as info:
            await client.book_out_of_schedule(marks[clinic], marks[resource], TOMORROW)
    assert info.value.status == 400
    assert info.value.message_code == code
    assert info.value.server_message.startswith(text)
    assert server.posts() == 1


@pytest.mark.asyncio
async def test_4036_nil_resource_is_refused_by_our_checks_and_by_the_server(
    server: Server,
) -> None:
    nil = "00000000-0000-0000-0000-000000000000"
    async with server.client(server.sandbox.issue_token("adult")) as client:
        with pytest.raises(InvalidRequestError):
            await client.book_out_of_schedule(server.marks.main_clinic, nil, TOMORROW)
        assert server.posts() == 0
        raw = await client._http.post(  # what a server says when sent anyway
            f"visit/{server.marks.main_clinic}/outSchedule/{nil}/{TOMORROW}",
            headers={"Authorization": f"Bearer {server.sandbox.issue_token('adult')}"},
        )
    assert raw.status_code == 400 and raw.json()["message_code"] == "4036"


@pytest.mark.asyncio
async def test_bad_and_expired_tokens_are_credentials_refused(server: Server) -> None:
    for token in ("garbage", server.sandbox.issue_token("adult", ttl_seconds=-1)):
        async with server.client(token) as client:
            with pytest.raises(CredentialsRefused) as info:
                await client.book_out_of_schedule(
                    server.marks.main_clinic, server.marks.therapist, TOMORROW
                )
        assert info.value.status == 403 and info.value.message_code == "5009"
        assert info.value.server_message == "Подпись запроса некорректна"
        assert token not in str(info.value)


@pytest.mark.asyncio
async def test_unknown_resource_not_found_and_offline_unavailable(server: Server) -> None:
    async with server.client(server.sandbox.issue_token("adult")) as client:
        with pytest.raises(NotFound):
            await client.book_out_of_schedule(
                server.marks.main_clinic, "12345678-1234-1234-1234-123456789abc", TOMORROW
            )
        offline_doctor = server.sandbox.resources(server.marks.offline_clinic)[0]["guid"]
        with pytest.raises(ServiceUnavailable) as info:
            await client.book_out_of_schedule(server.marks.offline_clinic, offline_doctor, TOMORROW)
    assert info.value.status == 503 and info.value.server_message


@pytest.mark.asyncio
async def test_directory_calls(server: Server) -> None:
    async with server.client() as client:
        clinics = await client.list_clinics()
        one = await client.get_clinic(server.marks.high_ping_clinic)
        resources = await client.list_resources(server.marks.main_clinic)
    assert len(clinics) == len(server.sandbox.clinics())
    assert one.status.ping > 500
    assert any(c.is_children_polyclinic for c in clinics)
    assert any(c.status and c.status.is_online is False for c in clinics)
    assert {r.guid for r in resources} >= {server.marks.therapist, server.marks.procedure_room}


@pytest.mark.asyncio
async def test_pascal_case_numeric_codes_under_api_prefix(api_server: Server) -> None:
    sandbox = api_server.sandbox
    sandbox.reset()
    async with api_server.client(sandbox.issue_token("adult")) as client:
        clinics = await client.list_clinics()
        ticket = await client.book_out_of_schedule(
            api_server.marks.main_clinic, api_server.marks.therapist, TOMORROW
        )
        with pytest.raises(BookingRejected) as info:
            await client.book_out_of_schedule(
                api_server.marks.main_clinic,
                api_server.marks.therapist,
                TOMORROW,
                ticket.begin_time.time(),
                token=sandbox.issue_token("elderly"),
            )
    assert clinics and clinics[0].guid
    assert ticket.num == sandbox.bookings[-1].num and ticket.room
    assert ticket.lpu.status.ping is not None
    assert info.value.message_code == "4009"
    assert sandbox.requests[-1].path.startswith("/api/visit/")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "variant",
    [
        {"extra_fields": True},
        {"busy_type_form": "int"},
        {"busy_type_form": "string"},
        {"ping_as_string": True},
        {"datetime_style": "naive"},
        {"datetime_style": "millis"},
        {"pascal_case": True, "numeric_message_code": True},
    ],
)
async def test_leniency_variants(server: Server, variant: dict) -> None:
    server.sandbox.update_config(variant)
    async with server.client(server.sandbox.issue_token("adult")) as client:
        ticket = await client.book_out_of_schedule(
            server.marks.main_clinic, server.marks.therapist, TOMORROW
        )
        with pytest.raises(BookingRejected) as info:
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.therapist, TOMORROW
            )
    booking = server.sandbox.bookings[-1]
    assert ticket.num == booking.num
    assert ticket.begin_time.replace(tzinfo=None) == booking.begin.replace(tzinfo=None)
    assert ticket.busy_type is not None and ticket.busy_type.describe() != "—"
    assert isinstance(ticket.lpu.status.ping, int)
    assert info.value.message_code == "4008"


@pytest.mark.asyncio
async def test_html_error_page_is_mapped_by_status(server: Server) -> None:
    server.sandbox.update_config({"html_errors": True})
    async with server.client(server.sandbox.issue_token("young")) as client:
        with pytest.raises(BookingRejected) as info:
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.geriatrician, TOMORROW
            )
    assert info.value.status == 400 and info.value.message_code is None
    assert server.posts() == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("fault", ["html_200", "empty_body", "truncated_json"])
async def test_unreadable_success_is_malformed_after_booking_sent_once(
    server: Server, fault: str
) -> None:
    server.sandbox.update_config({"fault": fault})
    async with server.client(server.sandbox.issue_token("adult")) as client:
        with pytest.raises(MalformedAnswer) as info:
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.therapist, TOMORROW
            )
    assert info.value.after_booking
    assert server.posts() == 1
    assert len(server.sandbox.bookings_of("adult")) == 1


@pytest.mark.asyncio
async def test_slow_answer_past_the_timeout_is_outcome_unknown(server: Server) -> None:
    server.sandbox.update_config({"slow_seconds": 1.5})
    async with server.client(server.sandbox.issue_token("adult"), read_timeout=1.0) as client:
        with pytest.raises(OutcomeUnknown):
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.therapist, TOMORROW
            )
    assert server.posts() == 1


@pytest.mark.asyncio
async def test_dropped_connection_is_outcome_unknown_sent_once(server: Server) -> None:
    server.sandbox.update_config({"drop_connection": True})
    async with server.client(server.sandbox.issue_token("adult")) as client:
        with pytest.raises(OutcomeUnknown):
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.therapist, TOMORROW
            )
    assert server.posts() == 1
    assert len(server.sandbox.bookings_of("adult")) == 1  # it WAS booked


@pytest.mark.asyncio
async def test_connection_refused_is_network_error_nothing_sent() -> None:
    sandbox = Sandbox(clock=lambda: NOW)
    with serve_in_thread(sandbox) as url:
        pass
    async with RegistryClient(
        url, "t", settings=ClientSettings(get_retries=1), today=lambda: NOW.date()
    ) as client:
        with pytest.raises(NetworkError) as info:
            await client.book_out_of_schedule(
                sandbox.landmarks().main_clinic, sandbox.landmarks().therapist, TOMORROW
            )
        assert info.value.nothing_sent
        with pytest.raises(NetworkError):
            await client.list_clinics()


@pytest.mark.asyncio
async def test_get_is_retried_but_post_never(server: Server) -> None:
    """A 503 on an idempotent GET is retried a bounded number of times; a POST is not."""
    server.sandbox.set_clinic_status(server.marks.main_clinic, "Offline")
    async with server.client(server.sandbox.issue_token("adult"), get_retries=2) as client:
        with pytest.raises(ServiceUnavailable):
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.therapist, TOMORROW
            )
    assert server.posts() == 1


BAD_GUIDS = [
    "../../etc/passwd",
    "%2F..%2F",
    "abc",
    "305b9cf2-66f0-56f4-bff0-ccc8a476d80",
    "305b9cf2 66f0 56f4 bff0 ccc8a476d800",
    "305b9cf2-66f0-56f4-bff0-ccc8a476d800/../x",
    "305b9cf2-66f0-56f4-bff0-ccc8a476d800?x=1",
    "",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("bad", BAD_GUIDS)
async def test_bad_guids_are_refused_before_sending(server: Server, bad: str) -> None:
    async with server.client(server.sandbox.issue_token("adult")) as client:
        with pytest.raises(InvalidRequestError) as first:
            await client.book_out_of_schedule(bad, server.marks.therapist, TOMORROW)
        with pytest.raises(InvalidRequestError) as second:
            await client.book_out_of_schedule(server.marks.main_clinic, bad, TOMORROW)
    assert first.value.field == "lpu_guid" and second.value.field == "resource_guid"
    assert server.sandbox.requests == []


@pytest.mark.asyncio
async def test_past_date_and_missing_token_are_refused_before_sending(server: Server) -> None:
    async with server.client(server.sandbox.issue_token("adult")) as client:
        with pytest.raises(InvalidRequestError) as info:
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.therapist, NOW.date() - timedelta(days=1)
            )
        assert info.value.field == "day"
        with pytest.raises(InvalidRequestError) as info:
            await client.book_out_of_schedule(
                server.marks.main_clinic, server.marks.therapist, TOMORROW, token="  "
            )
        assert info.value.field == "token"
    assert server.sandbox.requests == []


def test_client_repr_and_errors_never_show_the_token() -> None:
    client = RegistryClient("https://mis.example.ru/api", "SECRET-TOKEN-123")
    assert "SECRET" not in repr(client)


@pytest.mark.asyncio
async def test_token_is_sent_as_bearer_and_not_logged(server: Server, caplog) -> None:
    token = server.sandbox.issue_token("adult")
    caplog.set_level("DEBUG")
    async with server.client(token) as client:
        await client.book_out_of_schedule(
            server.marks.main_clinic, server.marks.therapist, TOMORROW
        )
    assert server.sandbox.requests[-1].headers.get("authorization") == f"Bearer {token}"
    assert token not in caplog.text


@pytest.mark.asyncio
async def test_base_url_with_and_without_trailing_slash(server: Server) -> None:
    for url in (server.url.rstrip("/"), server.url.rstrip("/") + "/"):
        async with RegistryClient(url, today=lambda: NOW.date()) as client:
            assert await client.list_clinics()
