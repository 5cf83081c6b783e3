"""Engine pieces that need no HTTP: date parsing, the clock, config validation."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sandbox_testkit import NOW, FakeClock

from desktop_app.sandbox import Sandbox
from desktop_app.sandbox import engine as en


def test_unknown_check_name_is_refused(sb: Sandbox) -> None:
    with pytest.raises(ValueError, match="unknown checks"):
        sb.update_config({"checks": {"pastdate": False}})
    assert all(sb.config.checks.values())
    with pytest.raises(KeyError):
        sb.config.check_on("pastdate")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-28", en.VisitDate(date(2026, 11, 28))),
        ("2026-11-28T09:05:07", en.VisitDate(date(2026, 11, 28), time(9, 5, 7))),
        ("2026-11-28 09:05:07.250", en.VisitDate(date(2026, 11, 28), time(9, 5, 7, 250000))),
        ("2026-11-28 9:05:07", None),
        ("2026-11-28T09:05:07Z", None),
        (None, None),
        ("", None),
        ("2026-02-30", None),
        ("2026-11-28x09:05:07", None),
        ("2026-11-28 09:05:07.", None),
        ("2026-11-28 09:05:07.1234567", en.VisitDate(date(2026, 11, 28), time(9, 5, 7, 123456))),
        ("2026-11-28 09:05:07.12345678", None),
        ("２０２６-11-28", None),
    ],
)
def test_parse_visit_date(text: str | None, expected: en.VisitDate | None) -> None:
    assert en.parse_visit_date(text) == expected


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)))
def test_every_documented_form_parses_back(moment: datetime) -> None:
    moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    whole = moment.replace(microsecond=0)
    assert en.parse_visit_date(moment.strftime("%Y-%m-%d")) == en.VisitDate(moment.date())
    for text in (whole.strftime("%Y-%m-%dT%H:%M:%S"), whole.strftime("%Y-%m-%d %H:%M:%S")):
        assert en.parse_visit_date(text) == en.VisitDate(moment.date(), whole.time())
    millis = f"{whole:%Y-%m-%d %H:%M:%S}.{moment.microsecond // 1000:03d}"
    assert en.parse_visit_date(millis) == en.VisitDate(moment.date(), moment.time())


@given(st.text(max_size=40))
def test_parse_visit_date_never_raises(text: str) -> None:
    result = en.parse_visit_date(text)
    assert result is None or isinstance(result, en.VisitDate)


def test_parse_guid() -> None:
    guid = "305b9cf2-66f0-56f4-bff0-ccc8a476d800"
    assert en.parse_guid(guid.upper()) == guid
    assert en.parse_guid("{" + guid + "}") == guid
    assert en.parse_guid("nope") is None and en.parse_guid("") is None


def test_now_defaults_to_moscow_time() -> None:
    now = Sandbox().now()
    offset = now.utcoffset()
    assert offset is not None and offset.total_seconds() == 3 * 3600
    naive = Sandbox(clock=lambda: datetime(2026, 1, 1, 12, 0)).now()
    assert naive.isoformat() == "2026-01-01T12:00:00+03:00"
    assert Sandbox(clock=FakeClock(NOW)).now() == NOW
