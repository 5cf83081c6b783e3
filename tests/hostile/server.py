"""A hostile registry on 127.0.0.1: the booking call answered the way real gateways and .NET
back ends answer, one *scenario* per test.

Standard library only (``http.server``), so the client under test meets bytes on a real socket:
wrong encodings, cut-off bodies, gateway pages, a gzip bomb, a server that never answers. The
directory calls (``GET /lpu``, ``GET /lpu/{guid}``, ``GET /lpu/{guid}/doctor``) always answer a
small fixed directory of two clinics, so the real window can be driven against the server.

``server.scenario`` is a scenario name (``SCENARIOS``) or a callable taking the request handler
and answering itself. ``server.posts`` counts booking POSTs received, ``server.requests`` every
request; both are incremented before any byte of the answer is written.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import socket
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

# -- the fixed directory ---------------------------------------------------------------------------

MAIN_CLINIC = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
SECOND_CLINIC = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
THERAPIST = "9b2d6a1e-1c3f-4b8e-8a55-2f64c1d0a101"
SURGEON = "9b2d6a1e-1c3f-4b8e-8a55-2f64c1d0a102"
DENTIST = "5a1c2e3f-9d8b-4c7a-b6e5-d4c3b2a10203"

MAIN_CLINIC_SHORT = "ГП № 7"
SECOND_CLINIC_SHORT = "СП № 2"
THERAPIST_FIO = "Иванова Мария Петровна"
SURGEON_FIO = "Сидоров Пётр Ильич"
#: A doctor whose name is markup: the card and the slip must show it as typed.
SCRIPT_FIO = "<script>alert(1)</script> Кузнецов <b>Иван</b>"

_STATUS = {"name": "online", "lastChangeTime": "2026-11-27T09:00:00+03:00", "ping": 12}


def _clinic(guid: str, short: str, name: str, address: str, phone: str, host: int) -> dict:
    return {
        "guid": guid,
        "name": name,
        "fullName": f"Государственное бюджетное учреждение здравоохранения «{name}»",
        "ferName": short,
        "address": address,
        "phone": phone,
        "type": ["adult"],
        "mcod": f"50{host:04d}",
        "fcod": f"1{host:05d}",
        "stLpu": True,
        "hostID": host,
        "isChildrenPolyclinic": False,
        "isCallDoctor": True,
        "isWaitingList": False,
        "isDisp": True,
        "isActive": True,
        "status": dict(_STATUS),
    }


CLINICS: list[dict[str, Any]] = [
    _clinic(
        MAIN_CLINIC,
        MAIN_CLINIC_SHORT,
        "Городская поликлиника № 7",
        "г. Москва, ул. Лесная, д. 5",
        "+7 (495) 123-45-67",
        7,
    ),
    _clinic(
        SECOND_CLINIC,
        SECOND_CLINIC_SHORT,
        "Стоматологическая поликлиника № 2",
        "г. Москва, Садовая ул., д. 12",
        "+7 (495) 765-43-21",
        2,
    ),
]

RESOURCES: dict[str, list[dict[str, Any]]] = {
    MAIN_CLINIC: [
        {
            "guid": THERAPIST,
            "fio": THERAPIST_FIO,
            "speciality": "Терапия",
            "specialityCode": "27",
            "doctorRole": "Врач-терапевт участковый",
            "room": "214",
            "flat": 2,
            "resType": "doctor",
        },
        {
            "guid": SURGEON,
            "fio": SURGEON_FIO,
            "speciality": "Хирургия",
            "specialityCode": "30",
            "doctorRole": "Врач-хирург",
            "room": "305",
            "flat": 3,
            "resType": "doctor",
        },
    ],
    SECOND_CLINIC: [
        {
            "guid": DENTIST,
            "fio": "Орлова Анна Сергеевна",
            "speciality": "Стоматология",
            "specialityCode": "60",
            "doctorRole": "Врач-стоматолог",
            "room": "12",
            "flat": 1,
            "resType": "doctor",
        },
    ],
}

# -- tickets -------------------------------------------------------------------------------------

_BOOKING_PATH = re.compile(r"^/visit/([^/]+)/outSchedule/([^/]+)/([^/]+)$")


def ticket(day: str, **changes: Any) -> dict[str, Any]:
    """A full ``TicketVisitWithLpu`` for ``day`` (yyyy-mm-dd); ``changes`` replace its fields."""
    body: dict[str, Any] = {
        "ticketGuid": "e1d2c3b4-a5f6-4789-9abc-def012345678",
        "timeTableGuid": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "docFio": THERAPIST_FIO,
        "docGuid": THERAPIST,
        "doctorRole": "Врач-терапевт участковый",
        "speciality": "Терапия",
        "beginTime": f"{day}T10:00:00+03:00",
        "endTime": f"{day}T10:15:00+03:00",
        "dateOfAppointment": "2026-11-27T09:41:07.123+03:00",
        "planCount": 1,
        "usedCount": 1,
        "source": 3,
        "login": "reg01",
        "sourceName": "Регистратура",
        "history": [],
        "num": "Т-042",
        "uchastokNum": "12",
        "room": "214",
        "flat": 2,
        "busyType": {"code": "4", "name": "Вне расписания"},
        "lpu": dict(CLINICS[0]),
    }
    body.update(changes)
    return body


def _day_of(segment: str) -> str:
    """The day of the booking path's date segment (``2026-11-28`` or ``2026-11-28T10:00:00``)."""
    text = unquote(segment)
    return text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", text) else "2026-11-28"


@functools.cache
def gzip_bomb() -> bytes:
    """~400 KB of gzip that unpacks to 400 MB of zeros; built once, by streaming."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    parts = [packer.compress(block) for _ in range(400)]
    parts.append(packer.flush())
    return b"".join(parts)


GZIP_BOMB_UNPACKED = 400 * (1 << 20)

_GATEWAY_PAGES = {
    500: ("500 Internal Server Error", "nginx"),
    502: ("502 Bad Gateway", "nginx/1.24.0"),
    504: ("504 Gateway Time-out", "nginx/1.24.0"),
}


def _gateway_page(status: int) -> bytes:
    title, server = _GATEWAY_PAGES[status]
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>{server}</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode("ascii")


# -- the handler ---------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    """One connection. HTTP/1.1, so ``Transfer-Encoding: chunked`` and keep-alive are real."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        return

    # -- plumbing ----------------------------------------------------------------------------

    @property
    def hostile(self) -> HostileServer:
        return self.server.hostile

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def send(
        self,
        status: int,
        body: bytes = b"",
        *,
        content_type: str | None = None,
        headers: dict[str, str] | None = None,
        close: bool = False,
    ) -> None:
        """A complete answer with a correct Content-Length."""
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self._write(body)

    def send_json(self, status: int, payload: Any, **kwargs: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send(status, body, content_type="application/json; charset=utf-8", **kwargs)

    def _write(self, data: bytes) -> None:
        # The client may stop reading (a size cap): a broken pipe is its right, not our error.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(data)
            self.wfile.flush()

    def cut(self) -> None:
        """Close the socket now, whatever was (or was not) sent."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.flush()
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    # -- methods -------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self.hostile.count(self, booking=False)
        self._read_body()
        path = urlsplit(self.path).path.rstrip("/")
        parts = [unquote(p) for p in path.split("/") if p]
        if parts == ["lpu"]:
            self.send_json(200, CLINICS)
            return
        if len(parts) in (2, 3) and parts[0] == "lpu":
            clinic = next((c for c in CLINICS if c["guid"] == parts[1].lower()), None)
            if clinic is not None and len(parts) == 2:
                self.send_json(200, clinic)
                return
            if clinic is not None and parts[2] == "doctor":
                self.send_json(200, RESOURCES[clinic["guid"]])
                return
        self.send_json(404, {"code": 404, "message": "Not found", "message_code": "4040"})

    def do_POST(self) -> None:
        match = _BOOKING_PATH.match(urlsplit(self.path).path)
        self.hostile.count(self, booking=match is not None)
        self._read_body()
        if match is None:
            self.send_json(404, {"code": 404, "message": "Not found"})
            return
        self.day = _day_of(match.group(3))
        scenario = self.hostile.scenario
        if callable(scenario):
            scenario(self)
            return
        SCENARIOS[scenario](self)


# -- scenarios -----------------------------------------------------------------------------------


def _ticket_answer(**changes: Any) -> Callable[[Handler], None]:
    def answer(h: Handler) -> None:
        h.send_json(200, ticket(h.day, **changes))

    return answer


def _error_in_200(h: Handler) -> None:
    h.send_json(200, {"code": 400, "message": "Время занято", "message_code": "4009"})


def _gateway(status: int) -> Callable[[Handler], None]:
    def answer(h: Handler) -> None:
        h.send(
            status,
            _gateway_page(status),
            content_type="text/html",
            headers={"Server": _GATEWAY_PAGES[status][1]},
        )

    return answer


def _bare_500(h: Handler) -> None:
    h.send(500)


def _json_500_no_code(h: Handler) -> None:
    h.send_json(500, {"message": "An error has occurred."})


def _json_503_5030(h: Handler) -> None:
    h.send_json(503, {"code": 503, "message": "ЛПУ не в сети", "message_code": "5030"})


def _broken_gzip(h: Handler) -> None:
    body = json.dumps(ticket(h.day), ensure_ascii=False).encode("utf-8")  # gzip it said; it isn't
    h.send(200, body, content_type="application/json", headers={"Content-Encoding": "gzip"})


def _gzip_bomb(h: Handler) -> None:
    h.send(200, gzip_bomb(), content_type="application/json", headers={"Content-Encoding": "gzip"})


def _oversized(h: Handler) -> None:
    h.send_json(200, ticket(h.day, padding="0" * (3 * 1024 * 1024)))


def _chunked_cut(h: Handler) -> None:
    body = json.dumps(ticket(h.day), ensure_ascii=False).encode("utf-8")
    half = body[: len(body) // 2]
    h.send_response(200)
    h.send_header("Content-Type", "application/json; charset=utf-8")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    h._write(f"{len(half):x}\r\n".encode("ascii") + half + b"\r\n")
    h.cut()


def _length_cut(h: Handler) -> None:
    body = json.dumps(ticket(h.day), ensure_ascii=False).encode("utf-8")
    h.send_response(200)
    h.send_header("Content-Type", "application/json; charset=utf-8")
    h.send_header("Content-Length", str(len(body) + 500))
    h.end_headers()
    h._write(body)
    h.cut()


def _redirect_302(h: Handler) -> None:
    h.send(302, b"", headers={"Location": "/login"})


def _cp1251(h: Handler) -> None:
    body = json.dumps(ticket(h.day), ensure_ascii=False).encode("windows-1251")
    h.send(200, body, content_type="application/json; charset=windows-1251")


def _slow(h: Handler) -> None:
    # Far longer than the client's read timeout; returns as soon as the test ends.
    h.hostile.release.wait(30)
    h.cut()


def _drop(h: Handler) -> None:
    h.cut()


SCENARIOS: dict[str, Callable[[Handler], None]] = {
    "ok": _ticket_answer(),
    "mixed_offsets": lambda h: _ticket_answer(
        beginTime=f"{h.day}T08:00:00+03:00", endTime=f"{h.day}T08:12:00.000"
    )(h),
    "busy_text": _ticket_answer(busyType={"name": "Первичный прием", "type": 1, "code": "ПП"}),
    "net_date": _ticket_answer(dateOfAppointment="/Date(1700000000000+0300)/"),
    "zero_date": _ticket_answer(endTime="0001-01-01T00:00:00"),
    "text_number": _ticket_answer(
        flat="второй", lpu={**CLINICS[0], "status": {**_STATUS, "ping": "n/a"}}
    ),
    "error_in_200": _error_in_200,
    "html_500": _gateway(500),
    "html_502": _gateway(502),
    "html_504": _gateway(504),
    "bare_500": _bare_500,
    "json_500_no_code": _json_500_no_code,
    "json_503_5030": _json_503_5030,
    "broken_gzip": _broken_gzip,
    "gzip_bomb": _gzip_bomb,
    "oversized": _oversized,
    "chunked_cut": _chunked_cut,
    "length_cut": _length_cut,
    "redirect_302": _redirect_302,
    "cp1251": _cp1251,
    "slow": _slow,
    "drop": _drop,
}


def script_fio(h: Handler) -> None:
    """A ticket whose doctor's name is markup."""
    h.send_json(200, ticket(h.day, docFio=SCRIPT_FIO))


# -- the server ----------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hostile: HostileServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that stops reading (the size cap, a timeout) resets the connection: expected.
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class HostileServer:
    """The server and its counters. Use as a context manager (or the ``hostile`` fixture)."""

    def __init__(self) -> None:
        self.scenario: str | Callable[[Handler], None] = "ok"
        self.posts = 0
        self.requests = 0
        self.paths: list[str] = []
        #: The Authorization header of each booking POST, in order.
        self.auth: list[str | None] = []
        #: Set when the test ends, so a ``slow`` handler returns at once.
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def count(self, handler: Handler, *, booking: bool) -> None:
        with self._lock:
            self.requests += 1
            if booking:
                self.posts += 1
                self.auth.append(handler.headers.get("Authorization"))
            self.paths.append(f"{handler.command} {handler.path}")

    def reset(self, scenario: str | Callable[[Handler], None] = "ok") -> None:
        with self._lock:
            self.scenario = scenario
            self.posts = 0
            self.requests = 0
            self.paths.clear()
            self.auth.clear()

    def start(self) -> HostileServer:
        httpd = _Server(("127.0.0.1", 0), Handler)
        httpd.hostile = self
        self._httpd = httpd
        self.release.clear()
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            name="hostile-registry",
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def serve_hostile(scenario: str | Callable[[Handler], None] = "ok") -> Iterator[HostileServer]:
    with HostileServer() as server:
        server.scenario = scenario
        yield server


__all__ = [
    "CLINICS",
    "GZIP_BOMB_UNPACKED",
    "MAIN_CLINIC",
    "MAIN_CLINIC_SHORT",
    "RESOURCES",
    "SCENARIOS",
    "SCRIPT_FIO",
    "SURGEON",
    "THERAPIST",
    "THERAPIST_FIO",
    "Handler",
    "HostileServer",
    "gzip_bomb",
    "script_fio",
    "serve_hostile",
    "ticket",
]
