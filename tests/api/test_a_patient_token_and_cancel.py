"""RegistryClient's patient-token and cancellation calls, over real HTTP on 127.0.0.1.

Against the sandbox (``serve_in_thread``) for the registry's behaviour, and against a tiny
standard-library stub for answers the sandbox never gives (a raw ``text/plain`` token, a token
nested under ``data``, an error body in a 200, a 502 before the answer).
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from desktop_app.api import (
    BookingRejected,
    ClientSettings,
    CredentialsRefused,
    ErrorFamily,
    InvalidRequestError,
    MalformedAnswer,
    NotFound,
    OutcomeUnknown,
    PatientName,
    PatientQuery,
    RegistryClient,
    UnsendableToken,
)
from desktop_app.sandbox import MSK, Sandbox, SandboxConfig, serve_in_thread

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=MSK)
TOMORROW = NOW.date() + timedelta(days=1)
LPU = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"  # for the stub: any GUID
TICKET = "e1d2c3b4-a5f6-4789-9abc-def012345678"
ADULT_POLICY = "0000202600000001"
ADULT_BIRTH = date(1985, 4, 12)
TWINS_BIRTH = date(1996, 6, 18)
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdHViIn0.c2lnbmF0dXJlLXN0dWI"


# -- the sandbox over HTTP -----------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


class Server:
    def __init__(self, sandbox: Sandbox, clock: Clock, url: str) -> None:
        self.sandbox = sandbox
        self.clock = clock
        self.url = url
        self.marks = sandbox.landmarks()

    def client(self, token: str | None = None, **settings: Any) -> RegistryClient:
        return RegistryClient(
            self.url, token, settings=ClientSettings(**settings), today=lambda: NOW.date()
        )

    def count(self, method: str, path_part: str = "") -> int:
        return sum(1 for r in self.sandbox.requests if r.method == method and path_part in r.path)


@pytest.fixture(scope="module")
def server_root() -> Iterator[Server]:
    clock = Clock()
    sandbox = Sandbox(clock=clock)
    with serve_in_thread(sandbox) as url:
        yield Server(sandbox, clock, url)


@pytest.fixture
def server(server_root: Server) -> Server:
    server_root.clock.now = NOW
    server_root.sandbox.config = SandboxConfig()
    server_root.sandbox.reset()
    return server_root


def by_policy(policy: str = ADULT_POLICY, birth: date = ADULT_BIRTH) -> PatientQuery:
    return PatientQuery(birth_date=birth, policy=policy)


def by_surname(surname: str, birth: date) -> PatientQuery:
    return PatientQuery(birth_date=birth, surname=surname)


# -- a stub registry (standard library) -----------------------------------------------------------


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Stub:
    """``answers`` are served in turn, the last one repeating; ``seen`` holds every request."""

    url: str = ""
    answers: list[tuple[int, str | None, bytes]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)

    def answer(self, status: int, body: Any = b"", content_type: str | None = None) -> None:
        if isinstance(body, str):
            raw = body.encode("utf-8")
        elif isinstance(body, bytes):
            raw = body
        else:
            raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
            content_type = content_type or "application/json; charset=utf-8"
        self.answers.append((status, content_type, raw))

    def client(self, **settings: Any) -> RegistryClient:
        return RegistryClient(
            self.url, settings=ClientSettings(**settings), today=lambda: NOW.date()
        )


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _any(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        stub: Stub = self.server.stub  # type: ignore[attr-defined]
        stub.seen.append(
            Seen(
                self.command,
                parts.path,
                dict(parse_qsl(parts.query, keep_blank_values=True)),
                {k.lower(): v for k, v in self.headers.items()},
                body,
            )
        )
        status, content_type, raw = (
            stub.answers.pop(0) if len(stub.answers) > 1 else stub.answers[0]
        )
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(raw)

    do_GET = do_POST = do_DELETE = do_PUT = _any


@pytest.fixture(scope="module")
def stub_root() -> Iterator[Stub]:
    stub = Stub()
    http = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    http.daemon_threads = True
    http.stub = stub  # type: ignore[attr-defined]
    thread = threading.Thread(target=http.serve_forever, name="stub-a", daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{http.server_address[1]}"
    try:
        yield stub
    finally:
        http.shutdown()
        http.server_close()
        thread.join(5)


@pytest.fixture
def stub(stub_root: Stub) -> Stub:
    stub_root.answers.clear()
    stub_root.seen.clear()
    return stub_root


# -- patient token: the sandbox ------------------------------------------------------------------


@pytest.mark.asyncio
async def test_policy_with_spaces_gives_the_patients_token_and_name(server: Server) -> None:
    async with server.client() as client:
        found = await client.patient_token(
            server.marks.main_clinic, by_policy("0000 2026 0000 0001")
        )
    assert server.sandbox.verify_token(found.token).subject == "adult"
    assert found.patient == PatientName("Лебедев", "Антон", "Павлович", ADULT_BIRTH)
    assert found.patient.display() == "Лебедев А. П., д. р. 12.04.1985"
    (request,) = [r for r in server.sandbox.requests if r.path.endswith("/auth/lpu/token")]
    assert request.method == "GET"
    assert request.query == {
        "lpuGuid": server.marks.main_clinic,
        "n_pol": ADULT_POLICY,
        "Birthday": "1985-04-12",
    }
    assert "authorization" not in request.headers  # no token is needed to get one
    # The token books: the whole desk flow without ever seeing a token.
    async with server.client() as client:
        ticket = await client.book_out_of_schedule(
            server.marks.main_clinic, server.marks.therapist, TOMORROW, token=found.token
        )
    assert ticket.num and server.sandbox.bookings_of("adult")


@pytest.mark.asyncio
async def test_surname_lookup_ignores_case_and_yo(server: Server) -> None:
    async with server.client() as client:
        lower = await client.patient_token(
            server.marks.main_clinic, by_surname("лебедев", ADULT_BIRTH)
        )
        yo = await client.patient_token(
            server.marks.main_clinic, by_surname("ЖУРАВЛЕВА", date(1958, 11, 5))
        )
    assert server.sandbox.verify_token(lower.token).subject == "adult"
    assert server.sandbox.verify_token(yo.token).subject == "dispensary"
    assert yo.patient is not None and yo.patient.surname == "Журавлёва"
    (request, _) = [r for r in server.sandbox.requests if r.path.endswith("/token")]
    assert request.query["Fam"] == "лебедев" and "n_pol" not in request.query


@pytest.mark.asyncio
async def test_not_found_several_cards_and_bad_format(server: Server) -> None:
    async with server.client() as client:
        with pytest.raises(NotFound) as missing:
            await client.patient_token(
                server.marks.main_clinic, by_policy(ADULT_POLICY, date(1985, 4, 13))
            )
        with pytest.raises(BookingRejected) as twins:
            await client.patient_token(
                server.marks.main_clinic, by_surname("Кравцова", TWINS_BIRTH)
            )
        # The twins apart: by policy each one is found.
        anna = await client.patient_token(
            server.marks.main_clinic, by_policy("0000202600000011", TWINS_BIRTH)
        )
    assert (missing.value.status, missing.value.message_code) == (404, "4041")
    assert missing.value.family is ErrorFamily.NOT_FOUND and missing.value.server_message
    assert (twins.value.status, twins.value.message_code) == (400, "4042")
    assert twins.value.family is ErrorFamily.VALIDATION
    assert server.sandbox.verify_token(anna.token).subject == "twin_anna"
    # A server that reads the birth date under another name sees none: 400/4036.
    async with server.client(patient_token_birth_param="DateOfBirth") as client:
        with pytest.raises(BookingRejected) as bad:
            await client.patient_token(server.marks.main_clinic, by_policy())
    assert (bad.value.status, bad.value.message_code) == (400, "4036")
    # An unknown clinic is 404/4040.
    async with server.client() as client:
        with pytest.raises(NotFound) as clinic:
            await client.patient_token("0b0b0b0b-1111-4222-8333-444455556666", by_policy())
    assert clinic.value.message_code == "4040"
    assert server.count("GET", "/auth/lpu/token") == 5


@pytest.mark.asyncio
async def test_bad_input_is_refused_before_sending(server: Server) -> None:
    async with server.client() as client:
        with pytest.raises(InvalidRequestError) as lpu:
            await client.patient_token("not-a-guid", by_policy())
        with pytest.raises(InvalidRequestError) as future:
            await client.patient_token(
                server.marks.main_clinic, by_policy(birth=NOW.date() + timedelta(days=1))
            )
        with pytest.raises(InvalidRequestError) as no_query:
            await client.patient_token(server.marks.main_clinic, None)  # type: ignore[arg-type]
    async with server.client(patient_token_surname_param="") as client:
        with pytest.raises(InvalidRequestError) as no_surname_lookup:
            await client.patient_token(server.marks.main_clinic, by_surname("Лебедев", ADULT_BIRTH))
    assert lpu.value.field == "lpu_guid" and future.value.field == "birth_date"
    assert no_query.value.field == "policy" and no_surname_lookup.value.field == "surname"
    assert server.sandbox.requests == []


@pytest.mark.asyncio
async def test_post_lookup_sends_the_names_in_a_json_body(server: Server) -> None:
    async with server.client(patient_token_method="POST") as client:
        found = await client.patient_token(server.marks.main_clinic, by_policy())
    assert server.sandbox.verify_token(found.token).subject == "adult"
    (request,) = server.sandbox.requests
    assert request.method == "POST" and request.query == {}


@pytest.mark.asyncio
async def test_query_values_are_never_logged(server: Server, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    async with server.client() as client:
        await client.patient_token(server.marks.main_clinic, by_policy("0000 2026 0000 0001"))
        await client.patient_token(server.marks.main_clinic, by_surname("Лебедев", ADULT_BIRTH))
    text = caplog.text  # raw records, before the log file's redaction
    assert "auth/lpu/token" in text and "n_pol" in text and "Birthday" in text
    for value in (ADULT_POLICY, "1985-04-12", "Лебедев", "%D0%9B%D0%B5%D0%B1"):
        assert value not in text, value
    assert "n_pol=***" in text and "Fam=***" in text  # httpx's own request line


# -- patient token: answers only a stub gives ----------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (f"  {JWT}\r\n", "text/plain; charset=utf-8"),
        (f"{JWT}\n", None),
        (json.dumps(JWT), "application/json"),
        (json.dumps({"data": {"access_token": JWT}}), "application/json"),
        (json.dumps({"Result": {"LpuToken": JWT}}), "application/json"),
        (json.dumps({"ACCESS_TOKEN": f" {JWT} ", "expires_in": 3600}), "application/json"),
        (json.dumps({"data": JWT}), "application/json"),
    ],
)
async def test_token_as_raw_text_json_string_or_field(
    stub: Stub, body: str, content_type: str | None
) -> None:
    stub.answer(200, body, content_type)
    async with stub.client() as client:
        found = await client.patient_token(LPU, by_policy())
    assert found.token == JWT
    assert found.patient is None  # nothing said about the person, and no surname was asked
    (seen,) = stub.seen
    assert seen.method == "GET" and seen.path == "/auth/lpu/token"
    assert seen.query == {"lpuGuid": LPU, "n_pol": ADULT_POLICY, "Birthday": "1985-04-12"}


@pytest.mark.asyncio
async def test_configured_field_path_call_and_names(stub: Stub) -> None:
    stub.answer(200, {"payload": {"Jwt": JWT}, "token": "not-this-one"})
    settings = {
        "patient_token_path": "lpu/{lpu}/patient-token",
        "patient_token_field": "payload.jwt",
        "patient_token_policy_param": "enp",
        "patient_token_birth_param": "dr",
        "patient_token_lpu_param": "",
    }
    async with stub.client(**settings) as client:
        found = await client.patient_token(LPU, by_policy())
    assert found.token == JWT
    (seen,) = stub.seen
    assert seen.path == f"/lpu/{LPU}/patient-token"
    assert seen.query == {"enp": ADULT_POLICY, "dr": "1985-04-12"}


@pytest.mark.asyncio
async def test_surname_query_without_a_person_in_the_answer_names_the_surname(
    stub: Stub,
) -> None:
    stub.answer(200, JWT, "text/plain")
    async with stub.client() as client:
        found = await client.patient_token(LPU, by_surname("Лебедев", ADULT_BIRTH))
    assert found.patient == PatientName("Лебедев", None, None, ADULT_BIRTH)
    assert found.patient.display() == "Лебедев, д. р. 12.04.1985"


@pytest.mark.asyncio
async def test_person_in_pascal_case_is_read(stub: Stub) -> None:
    stub.answer(
        200,
        {
            "Token": JWT,
            "Patient": {"Surname": "Лебедев", "FirstName": "Антон", "BirthDate": "1985-04-12"},
        },
    )
    async with stub.client() as client:
        found = await client.patient_token(LPU, by_policy())
    assert found.patient == PatientName("Лебедев", "Антон", None, ADULT_BIRTH)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ({"ok": True}, None),
        ({"data": {"expires": 3600}}, None),
        ({"token": 12345}, None),
        ("", "text/plain"),
        ("<html><body>Вход в систему</body></html>", "text/html"),
        ("Сервис временно недоступен", "text/plain; charset=utf-8"),
        ("[]", "application/json"),
    ],
)
async def test_an_answer_without_a_token_is_malformed(
    stub: Stub, body: Any, content_type: str | None
) -> None:
    stub.answer(200, body, content_type)
    async with stub.client() as client:
        with pytest.raises(MalformedAnswer) as caught:
            await client.patient_token(LPU, by_policy())
    assert caught.value.status == 200
    assert caught.value.family is ErrorFamily.UNREADABLE


@pytest.mark.asyncio
async def test_an_unsendable_token_is_refused_as_a_pasted_one_would_be(stub: Stub) -> None:
    stub.answer(200, "токен-с-кириллицей", "text/plain; charset=utf-8")
    async with stub.client() as client:
        with pytest.raises(UnsendableToken):
            await client.patient_token(LPU, by_policy())


@pytest.mark.asyncio
async def test_an_error_body_in_a_200_raises_as_that_error(stub: Stub) -> None:
    stub.answer(200, {"code": 404, "message": "Пациент не найден", "message_code": "4041"})
    async with stub.client() as client:
        with pytest.raises(BookingRejected) as caught:
            await client.patient_token(LPU, by_policy())
    assert caught.value.message_code == "4041"
    assert caught.value.server_message == "Пациент не найден"


@pytest.mark.asyncio
async def test_lookup_is_retried_after_a_gateway_error(stub: Stub) -> None:
    stub.answer(502, "<html>502 Bad Gateway</html>", "text/html")
    stub.answer(200, JWT, "text/plain")
    async with stub.client() as client:
        found = await client.patient_token(LPU, by_policy())
    assert found.token == JWT and len(stub.seen) == 2


# -- cancel: the sandbox -------------------------------------------------------------------------


async def _book(server: Server, patient: str, at: time | None = None) -> tuple[str, str]:
    token = server.sandbox.issue_token(patient)
    async with server.client() as client:
        ticket = await client.book_out_of_schedule(
            server.marks.main_clinic, server.marks.therapist, TOMORROW, at, token=token
        )
    assert ticket.ticket_guid
    return ticket.ticket_guid, token


@pytest.mark.asyncio
async def test_cancel_removes_the_booking_and_frees_its_slot(server: Server) -> None:
    ticket, token = await _book(server, "adult", time(11, 0))
    async with server.client() as client:
        result = await client.cancel_visit(
            server.marks.main_clinic,
            ticket,
            reason_code=1,
            reason="  Пациент\nпередумал ",
            token=token,
        )
    assert result is None
    assert server.sandbox.bookings_of("adult") == []
    (cancelled,) = server.sandbox.cancelled
    assert cancelled.ticket_guid == ticket
    # The body went with the DELETE: the sandbox kept what it read.
    assert (cancelled.cancel_reason_code, cancelled.cancel_reason) == (1, "Пациент передумал")
    (delete,) = [r for r in server.sandbox.requests if r.method == "DELETE"]
    assert delete.path == f"/visit/{server.marks.main_clinic}/{ticket}"
    assert delete.headers["authorization"] == f"Bearer {token}"
    assert delete.status == 200
    # The slot is free again: another patient books the very same time.
    again, _ = await _book(server, "young", time(11, 0))
    assert again != ticket


@pytest.mark.asyncio
async def test_cancel_of_a_visit_whose_time_has_passed_is_4021(server: Server) -> None:
    ticket, _ = await _book(server, "adult", time(11, 0))
    server.clock.now = datetime.combine(TOMORROW, time(11, 5), MSK)
    token = server.sandbox.issue_token("adult")  # the booking's token has expired by now
    async with server.client() as client:
        with pytest.raises(BookingRejected) as caught:
            await client.cancel_visit(
                server.marks.main_clinic, ticket, reason_code=9, reason="Другая", token=token
            )
    assert (caught.value.status, caught.value.message_code) == (400, "4021")
    assert caught.value.server_message
    assert len(server.sandbox.bookings_of("adult")) == 1


@pytest.mark.asyncio
async def test_second_cancel_is_4022_and_another_patients_token_5009(server: Server) -> None:
    ticket, token = await _book(server, "adult")
    other = server.sandbox.issue_token("young")
    async with server.client() as client:
        with pytest.raises(CredentialsRefused) as foreign:
            await client.cancel_visit(
                server.marks.main_clinic, ticket, reason_code=2, reason="", token=other
            )
        assert server.sandbox.bookings_of("adult")  # still held
        await client.cancel_visit(
            server.marks.main_clinic, ticket, reason_code=2, reason="", token=token
        )
        with pytest.raises(BookingRejected) as twice:
            await client.cancel_visit(
                server.marks.main_clinic, ticket, reason_code=2, reason="", token=token
            )
        with pytest.raises(NotFound) as unknown:
            await client.cancel_visit(
                server.marks.main_clinic,
                "0b0b0b0b-1111-4222-8333-444455556666",
                reason_code=2,
                reason="",
                token=token,
            )
    assert (foreign.value.status, foreign.value.message_code) == (403, "5009")
    assert (twice.value.status, twice.value.message_code) == (400, "4022")
    assert (unknown.value.status, unknown.value.message_code) == (404, "4040")
    assert server.count("DELETE") == 4


@pytest.mark.asyncio
async def test_lost_answer_to_the_delete_is_unknown_and_sent_once(server: Server) -> None:
    ticket, token = await _book(server, "adult")
    server.sandbox.config.drop_connection = True
    async with server.client() as client:
        with pytest.raises(OutcomeUnknown):
            await client.cancel_visit(
                server.marks.main_clinic, ticket, reason_code=1, reason="x", token=token
            )
    assert server.count("DELETE") == 1  # never repeated
    assert [b.ticket_guid for b in server.sandbox.cancelled] == [ticket]  # it did happen


@pytest.mark.asyncio
async def test_cancel_input_is_checked_before_sending(server: Server) -> None:
    token = server.sandbox.issue_token("adult")
    lpu = server.marks.main_clinic
    async with server.client() as client:
        with pytest.raises(InvalidRequestError) as ticket:
            await client.cancel_visit(lpu, "../../lpu", reason_code=1, reason="", token=token)
        with pytest.raises(InvalidRequestError) as code:
            await client.cancel_visit(lpu, TICKET, reason_code="1", reason="", token=token)  # type: ignore[arg-type]
        with pytest.raises(UnsendableToken):
            await client.cancel_visit(lpu, TICKET, reason_code=1, reason="", token="токен")
        with pytest.raises(InvalidRequestError) as no_token:
            await client.cancel_visit(lpu, TICKET, reason_code=1, reason="", token="")
    assert ticket.value.field == "ticket_guid" and code.value.field == "reason_code"
    assert no_token.value.field == "token"
    assert server.sandbox.requests == []


# -- cancel: answers only a stub gives -----------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, b""),
        (204, b""),
        (200, {"code": 2000, "message": "Запись отменена"}),
        (200, {"code": 200, "message": "OK", "message_code": "2000"}),
        (200, {"result": True}),
        (200, True),
    ],
)
async def test_cancel_success_answers_and_the_body_sent(stub: Stub, status: int, body: Any) -> None:
    stub.answer(status, body)
    async with stub.client() as client:
        await client.cancel_visit(
            LPU, TICKET.upper(), reason_code=3, reason="Записан повторно", token=JWT
        )
    (seen,) = stub.seen
    assert seen.method == "DELETE" and seen.path == f"/visit/{LPU}/{TICKET}"
    assert json.loads(seen.body) == {"ReasonCode": 3, "Reason": "Записан повторно"}
    assert seen.headers["content-type"].startswith("application/json")
    assert seen.headers["authorization"] == f"Bearer {JWT}"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("body", "error", "code"),
    [
        (
            {"code": 400, "message": "Запись не активна", "message_code": "4022"},
            BookingRejected,
            "4022",
        ),
        ({"code": 4021, "message": "Время прошло"}, BookingRejected, "4021"),
        ({"message": "Подпись некорректна", "messageCode": 5009}, CredentialsRefused, "5009"),
    ],
)
async def test_an_error_body_in_a_2xx_cancel_raises(
    stub: Stub, body: Any, error: type[Exception], code: str
) -> None:
    stub.answer(200, body)
    async with stub.client() as client:
        with pytest.raises(error) as caught:
            await client.cancel_visit(LPU, TICKET, reason_code=1, reason="", token=JWT)
    assert caught.value.message_code == code  # type: ignore[attr-defined]
    assert len(stub.seen) == 1


@pytest.mark.asyncio
async def test_cancel_is_never_retried_and_unreadable_2xx_is_malformed(stub: Stub) -> None:
    stub.answer(502, "<html>502 Bad Gateway</html>", "text/html")
    async with stub.client() as client:
        with pytest.raises(Exception) as gateway:
            await client.cancel_visit(LPU, TICKET, reason_code=1, reason="", token=JWT)
    assert gateway.value.status == 502 and len(stub.seen) == 1  # type: ignore[attr-defined]
    stub.answers.clear()
    stub.answer(200, "<html>Технические работы</html>", "text/html")
    async with stub.client() as client:
        with pytest.raises(MalformedAnswer) as unreadable:
            await client.cancel_visit(LPU, TICKET, reason_code=1, reason="", token=JWT)
    assert unreadable.value.after_booking and len(stub.seen) == 2


@pytest.mark.asyncio
async def test_cancel_method_and_path_are_settings(stub: Stub) -> None:
    stub.answer(200, b"")
    async with stub.client(cancel_method="POST", cancel_path="visit/cancel/{ticket}/{lpu}") as c:
        await c.cancel_visit(LPU, TICKET, reason_code=4, reason="Врач не принимает", token=JWT)
    (seen,) = stub.seen
    assert (seen.method, seen.path) == ("POST", f"/visit/cancel/{TICKET}/{LPU}")
    assert json.loads(seen.body) == {"ReasonCode": 4, "Reason": "Врач не принимает"}
