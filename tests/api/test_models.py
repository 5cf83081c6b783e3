"""The wire models accept every variant the contract lists, and nothing crashes the parser."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.api import (
    BusyType,
    ErrorResponse,
    MalformedAnswer,
    TicketVisitWithLpu,
    parse_ticket,
)
from desktop_app.api.client import error_from_response

SEED_SAMPLE = {
    "lpu": {
        "status": {"name": "Online", "lastChangeTime": "2018-08-21T09:15:27+03:00", "ping": 9},
        "guid": "c3c977af-c3b4-4517-9d57-50a6844ec660",
        "name": "ГП 3",
        "type": ["milk", "smp", "lpu"],
        "phone": "8-496-416-04-13",
        "mcod": "330501",
        "hostID": 209,
        "isChildrenPolyclinic": False,
    },
    "num": "7",
    "ticketGuid": "2f1c0a7e-5d2b-4c55-9a55-0c1a2b3c4d5e",
}


def test_seed_sample_parses_with_status_and_ping() -> None:
    ticket = TicketVisitWithLpu.model_validate(SEED_SAMPLE)
    assert ticket.num == "7"
    assert ticket.lpu is not None and ticket.lpu.host_id == 209
    assert ticket.lpu.status is not None
    assert ticket.lpu.status.is_online is True
    assert ticket.lpu.status.ping == 9
    assert ticket.lpu.status.last_change_time.utcoffset() == timedelta(hours=3)


def _pascal(obj):
    if isinstance(obj, dict):
        return {k[:1].upper() + k[1:]: _pascal(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_pascal(v) for v in obj]
    return obj


def test_pascal_case_equals_camel_case() -> None:
    assert TicketVisitWithLpu.model_validate(_pascal(SEED_SAMPLE)) == (
        TicketVisitWithLpu.model_validate(SEED_SAMPLE)
    )


@pytest.mark.parametrize(
    ("raw", "code", "name"),
    [
        ({"code": 4, "name": "Первичный"}, "4", "Первичный"),
        (202, "202", None),
        ("323", "323", None),
        ("ТМК врач-врач", None, "ТМК врач-врач"),
        ({"Code": "203"}, "203", None),
    ],
)
def test_busy_type_forms(raw, code, name) -> None:
    busy = BusyType.model_validate(raw)
    assert (busy.code, busy.name) == (code, name)


def test_known_busy_code_described_by_name() -> None:
    assert BusyType.model_validate(322).describe() == "ТМК врач-врач"


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-27T10:00:00",
        "2026-11-27T10:00:00+03:00",
        "2026-11-27T10:00:00.123+03:00",
        "2026-11-27 10:00:00.123",
        "2026-11-27T07:00:00Z",
        "2026-11-27T10:00:00.1234567+03:00",
    ],
)
def test_datetime_forms(value: str) -> None:
    ticket = TicketVisitWithLpu.model_validate({"num": "1", "beginTime": value})
    assert ticket.begin_time is not None
    assert (ticket.begin_time.year, ticket.begin_time.month, ticket.begin_time.day) == (
        2026,
        11,
        27,
    )


def test_short_response_null_and_absent_fields_alike() -> None:
    absent = TicketVisitWithLpu.model_validate(SEED_SAMPLE)
    nulls = TicketVisitWithLpu.model_validate(
        {
            **SEED_SAMPLE,
            "room": None,
            "flat": None,
            "busyType": None,
            "docFio": None,
            "history": None,
        }
    )
    assert absent == nulls
    assert nulls.room is None and nulls.history == []


def test_ping_as_string_and_extra_fields() -> None:
    data = json.loads(json.dumps(SEED_SAMPLE))
    data["lpu"]["status"]["ping"] = "1250"
    data["somethingNew"] = {"x": 1}
    ticket = TicketVisitWithLpu.model_validate(data)
    assert ticket.lpu.status.ping == 1250


@pytest.mark.parametrize(
    "body",
    [
        {"code": 400, "message": "m", "message_code": "4009"},
        {"Code": 400, "Message": "m", "Message_code": 4009},
        {"code": 400, "message": "m", "messageCode": 4009.0},
    ],
)
def test_error_body_casings(body) -> None:
    parsed = ErrorResponse.model_validate(body)
    assert parsed.message_code == "4009"
    assert parsed.message == "m"


@pytest.mark.parametrize(
    ("status", "content", "kind"),
    [
        (400, b'{"code":400,"message":"x","message_code":"4008"}', "BookingRejected"),
        (403, b'{"code":403,"message":"x","message_code":"5009"}', "CredentialsRefused"),
        (401, b"", "CredentialsRefused"),
        (404, b"<html>Not found</html>", "NotFound"),
        (503, b"<html><body>Bad gateway</body></html>", "ServiceUnavailable"),
        (500, b'{"oops":', "ServiceUnavailable"),
        (415, b"", "RequestFailed"),
        (429, b'{"message":"slow down"}', "RequestFailed"),
    ],
)
def test_error_mapping_by_status_and_code(status, content, kind) -> None:
    error = error_from_response(status, content)
    assert type(error).__name__ == kind
    assert error.status == status


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "num",
                    "Num",
                    "ticketGuid",
                    "lpu",
                    "status",
                    "ping",
                    "busyType",
                    "beginTime",
                    "flat",
                    "room",
                    "history",
                    "name",
                    "code",
                    "x",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_parser_raises_only_malformed_answer(value) -> None:
    content = json.dumps(value, allow_nan=True).encode()
    try:
        ticket = parse_ticket(content)
    except MalformedAnswer:
        return
    assert isinstance(ticket, TicketVisitWithLpu)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_parser_on_arbitrary_bytes(content: bytes) -> None:
    try:
        parse_ticket(content)
    except MalformedAnswer:
        pass
