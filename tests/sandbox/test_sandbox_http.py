"""The sandbox over real HTTP (uvicorn on 127.0.0.1), as the client's own tests will use it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from sandbox_testkit import NOW, TOMORROW, FakeClock

from desktop_app.sandbox import Sandbox, serve_in_thread
from desktop_app.sandbox.cli import build_parser, config_from_args, main, years


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(clock=FakeClock(NOW))


@pytest.fixture
def base_url(sandbox: Sandbox) -> Iterator[str]:
    with serve_in_thread(sandbox, prefix="/api") as url:
        yield url


def _auth(sb: Sandbox, patient: str, **kw: object) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {sb.issue_token(patient, **kw)}",  # type: ignore[arg-type]
        "Content-Type": "application/json",
    }


def test_port_zero_binds_a_real_port(base_url: str) -> None:
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1" and parts.port and parts.port > 0
    assert parts.path == "/api"
    with socket.create_connection((parts.hostname, parts.port), timeout=2):
        pass


def test_booking_over_real_http(sandbox: Sandbox, base_url: str) -> None:
    marks = sandbox.landmarks()
    with httpx.Client(base_url=base_url, timeout=5) as client:
        ok = client.post(
            f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/2026-11-28 11:30:00.000",
            headers=_auth(sandbox, "adult"),
        )
        assert ok.status_code == 200, ok.text
        assert ok.json()["beginTime"] == "2026-11-28T11:30:00+03:00"
        again = client.post(
            f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}",
            headers=_auth(sandbox, "adult"),
        )
        assert again.status_code == 400 and again.json()["message_code"] == "4008"
        assert "Лебедев А.П." in again.json()["message"]
    assert [r.status for r in sandbox.requests] == [200, 400]
    assert sandbox.requests[0].path.endswith("/2026-11-28 11:30:00.000")


def test_dropped_connection_over_real_http(sandbox: Sandbox, base_url: str) -> None:
    marks = sandbox.landmarks()
    sandbox.config.drop_connection = True
    with httpx.Client(base_url=base_url, timeout=5) as client:
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            client.post(
                f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}",
                headers=_auth(sandbox, "adult"),
            )
        (booking,) = sandbox.bookings_of("adult")
        assert booking.num == "1"
        posts = [r for r in sandbox.requests if r.method == "POST"]
        assert len(posts) == 1
        # the server survives and keeps serving
        sandbox.config.drop_connection = False
        assert client.get("/lpu").status_code == 200
        retry = client.post(
            f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}",
            headers=_auth(sandbox, "adult"),
        )
        assert retry.json()["message_code"] == "4008"  # what a blind retry would hit


def test_slow_answer_over_real_http_times_out_after_booking(
    sandbox: Sandbox, base_url: str
) -> None:
    marks = sandbox.landmarks()
    sandbox.config.slow_seconds = 1
    with httpx.Client(base_url=base_url, timeout=0.3) as client, pytest.raises(httpx.ReadTimeout):
        client.post(
            f"/visit/{marks.main_clinic}/outSchedule/{marks.therapist}/{TOMORROW}",
            headers=_auth(sandbox, "adult"),
        )
    assert len(sandbox.bookings_of("adult")) == 1


def test_steering_a_server_over_http(sandbox: Sandbox, base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=5) as client:
        marks = client.get("/sandbox/landmarks").json()
        token = client.post("/sandbox/token", json={"patient": "young"}).json()["token"]
        assert client.post(
            "/sandbox/config", json={"pascal_case": True, "numeric_message_code": True}
        ).is_success
        refused = client.post(
            f"/visit/{marks['main_clinic']}/outSchedule/{marks['geriatrician']}/{TOMORROW}",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert refused.json()["Message_code"] == 4029
        assert client.post("/sandbox/config", json={"checks": {"age_limits": False}}).is_success
        ok = client.post(
            f"/visit/{marks['main_clinic']}/outSchedule/{marks['geriatrician']}/{TOMORROW}",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert ok.status_code == 200 and ok.json()["Num"] == "1"
        assert [r["status"] for r in client.get("/sandbox/requests").json()] == [400, 200]
        assert client.post("/sandbox/reset").is_success
        assert client.get("/sandbox/requests").json() == []


def test_two_servers_at_once_on_different_ports() -> None:
    first, second = Sandbox(clock=FakeClock(NOW)), Sandbox(clock=FakeClock(NOW))
    with serve_in_thread(first) as url_a, serve_in_thread(second) as url_b:
        assert url_a != url_b
        assert httpx.get(f"{url_a}/lpu", timeout=5).status_code == 200
        assert httpx.get(f"{url_b}/lpu", timeout=5).status_code == 200
    assert len(first.requests) == len(second.requests) == 1


def test_server_is_stopped_after_the_block() -> None:
    with serve_in_thread(Sandbox(clock=FakeClock(NOW))) as url:
        port = urlsplit(url).port
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_busy_port_is_reported() -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with (
            pytest.raises(RuntimeError, match="did not start"),
            serve_in_thread(Sandbox(clock=FakeClock(NOW)), port=port),
        ):
            pass


def test_cli_arguments_map_to_the_config() -> None:
    args = build_parser().parse_args(
        [
            "--port",
            "9000",
            "--prefix",
            "api/",
            "--pascal-case",
            "--numeric-codes",
            "--disable-check",
            "past_date",
            "--disable-check",
            "time_taken",
            "--busy-type",
            "int",
            "--slow",
            "1.5",
            "--fault",
            "empty_body",
            "--datetime-style",
            "millis",
        ]
    )
    config = config_from_args(args)
    assert args.port == 9000
    assert config.prefix == "/api"
    assert config.pascal_case and config.numeric_message_code
    assert config.checks["past_date"] is False and config.checks["time_taken"] is False
    assert config.checks["age_limits"] is True
    assert (config.busy_type_form, config.slow_seconds, config.fault, config.datetime_style) == (
        "int",
        1.5,
        "empty_body",
        "millis",
    )
    assert config_from_args(build_parser().parse_args([])) == type(config)()


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1 год"),
        (2, "2 года"),
        (5, "5 лет"),
        (11, "11 лет"),
        (14, "14 лет"),
        (21, "21 год"),
        (41, "41 год"),
        (79, "79 лет"),
        (104, "104 года"),
    ],
)
def test_years_in_russian(n: int, text: str) -> None:
    assert years(n) == text


def test_cli_main_prints_the_roster_and_serves(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    served: dict[str, object] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: served.update(app=app, **kw))
    main(["--port", "9123", "--prefix", "/api"])
    out = capsys.readouterr().out
    assert "http://127.0.0.1:9123/api" in out
    assert "Морозова Ольга Викторовна (" in out and "лет)" in out
    assert out.count("токен: ey") == 12
    assert (served["host"], served["port"]) == ("127.0.0.1", 9123)
