"""A booking the server accepted is never thrown away because one optional field is odd.

Every unreadable optional field becomes absent with one short warning; busy-type codes may be
text; .NET dates, ``0001-01-01`` placeholders and mixed naive/aware times are understood.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.api import (
    BusyType,
    Clinic,
    ClinicStatus,
    DocumentHistory,
    MalformedAnswer,
    TicketVisitWithLpu,
    parse_ticket,
)
from desktop_app.api.models import DEFAULT_SERVER_TZ, KNOWN_BUSY_TYPES

LOGGER = "desktop_app.api.models"
MSK = timezone(timedelta(hours=3))
GUID = "2f1c0a7e-5d2b-4c55-9a55-0c1a2b3c4d5e"

VALID: dict[str, Any] = {
    "ticketGuid": GUID,
    "timeTableGuid": "11111111-2222-3333-4444-555555555555",
    "docFio": "Иванова Мария Петровна",
    "docGuid": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    "doctorRole": "Терапевт",
    "speciality": "Терапия",
    "beginTime": "2026-12-03T08:00:00+03:00",
    "endTime": "2026-12-03T08:12:00+03:00",
    "dateOfAppointment": "2026-12-01T15:30:00+03:00",
    "planCount": 1,
    "usedCount": 0,
    "source": 3,
    "login": "reg1",
    "sourceName": "Регистратура",
    "dispExamGuid": None,
    "history": [{"date": "2026-12-01T15:30:00+03:00", "action": "create", "login": "reg1"}],
    "num": "7",
    "uchastokNum": "12",
    "room": "214",
    "flat": 2,
    "busyType": {"code": 4, "name": "Первичный прием"},
    "lpu": {
        "guid": "c3c977af-c3b4-4517-9d57-50a6844ec660",
        "name": "ГП 3",
        "type": ["lpu"],
        "hostID": 209,
        "isActive": True,
        "status": {"name": "Online", "lastChangeTime": "2018-08-21T09:15:27+03:00", "ping": 9},
    },
}

#: JSON field name -> model attribute, for every optional field of the ticket.
TICKET_FIELDS = {
    "ticketGuid": "ticket_guid",
    "timeTableGuid": "time_table_guid",
    "docFio": "doc_fio",
    "docGuid": "doc_guid",
    "doctorRole": "doctor_role",
    "speciality": "speciality",
    "beginTime": "begin_time",
    "endTime": "end_time",
    "dateOfAppointment": "date_of_appointment",
    "planCount": "plan_count",
    "usedCount": "used_count",
    "source": "source",
    "login": "login",
    "sourceName": "source_name",
    "dispExamGuid": "disp_exam_guid",
    "history": "history",
    "num": "num",
    "uchastokNum": "uchastok_num",
    "room": "room",
    "flat": "flat",
    "busyType": "busy_type",
    "lpu": "lpu",
}


def ticket_with(**fields: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(VALID))
    data.update(fields)
    return data


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING
    ]


# --- busy type ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code", "name", "kind"),
    [
        ({"name": "Первичный прием", "type": 1, "code": "ПП"}, "ПП", "Первичный прием", 1),
        ({"code": 4, "name": "Первичный"}, "4", "Первичный", None),
        ({"Code": 4.0}, "4", None, None),
        ({"code": " ПП ", "type": "2"}, "ПП", None, 2),
        (322, "322", None, None),
        ("323", "323", None, None),
        ("ТМК врач-врач", None, "ТМК врач-врач", None),
    ],
)
def test_busy_type_code_is_text(raw, code, name, kind) -> None:
    busy = BusyType.model_validate(raw)
    assert (busy.code, busy.name, busy.type) == (code, name, kind)


def test_text_busy_type_code_in_a_ticket() -> None:
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(busyType={"name": "Первичный прием", "type": 1, "code": "ПП"})
    )
    assert ticket.busy_type is not None
    assert (ticket.busy_type.code, ticket.busy_type.type) == ("ПП", 1)
    assert ticket.busy_type.describe() == "Первичный прием"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ({"code": "ПП", "name": "Первичный прием"}, "Первичный прием"),
        (322, "ТМК врач-врач"),
        ("323", "ТМК консилиум"),
        ({"code": "ПП"}, "код ПП"),
        (17, "код 17"),
        ({}, "—"),
    ],
)
def test_busy_type_describe_prefers_the_name(raw, text) -> None:
    assert BusyType.model_validate(raw).describe() == text


def test_known_busy_types_keyed_by_text() -> None:
    assert set(KNOWN_BUSY_TYPES) == {"322", "323"}


# --- date-times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/Date(1700000000000+0300)/", datetime(2023, 11, 15, 1, 13, 20, tzinfo=MSK)),
        ("/Date(1700000000000)/", datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        ("\\/Date(1700000000000+0300)\\/", datetime(2023, 11, 15, 1, 13, 20, tzinfo=MSK)),
        (
            "/Date(1700000000000-0130)/",
            datetime(2023, 11, 14, 20, 43, 20, tzinfo=timezone(-timedelta(hours=1, minutes=30))),
        ),
        ("/Date(1700000000123)/", datetime(2023, 11, 14, 22, 13, 20, 123000, tzinfo=UTC)),
    ],
)
def test_dotnet_dates(raw: str, expected: datetime) -> None:
    ticket = TicketVisitWithLpu.model_validate(ticket_with(beginTime=raw, endTime=None))
    assert ticket.begin_time == expected
    assert ticket.begin_time.utcoffset() == expected.utcoffset()  # shown in the given offset


@pytest.mark.parametrize(
    "json_text",
    [
        '"\\/Date(1700000000000+0300)\\/"',  # JSON's own escape: decodes to /Date(...)/
        '"\\\\/Date(1700000000000+0300)\\\\/"',
    ],  # a literal backslash survives decoding
)
def test_escaped_dotnet_date_through_raw_json(json_text: str) -> None:
    content = (
        json.dumps(ticket_with(endTime=None))
        .replace('"2026-12-03T08:00:00+03:00"', json_text, 1)
        .encode()
    )
    ticket = parse_ticket(content)
    assert ticket.begin_time == datetime(2023, 11, 15, 1, 13, 20, tzinfo=MSK)


@pytest.mark.parametrize(
    "raw",
    [
        "0001-01-01T00:00:00",
        "0001-01-01T00:00:00+03:00",
        "0001-01-01T00:00:00.0000000Z",
        "0001-01-01 00:00:00.000",
        "0001-01-01",
        "0001-01-01T00:00:00-05:00",
    ],
)
def test_min_value_dates_are_absent(raw: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    ticket = TicketVisitWithLpu.model_validate(ticket_with(dateOfAppointment=raw))
    assert ticket.date_of_appointment is None
    assert ticket.num == "7"
    assert warnings_of(caplog) == []  # .NET's "no value", not an oddity


@pytest.mark.parametrize("raw", ["1899-12-30T00:00:00", "1900-01-01", "1753-01-01T00:00:00Z"])
def test_placeholder_years_are_absent_with_a_warning(raw, caplog) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    ticket = TicketVisitWithLpu.model_validate(ticket_with(dateOfAppointment=raw))
    assert ticket.date_of_appointment is None and ticket.num == "7"
    assert any("date_of_appointment" in m for m in warnings_of(caplog))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-12-03T08:00:00.1234567+03:00", datetime(2026, 12, 3, 8, 0, 0, 123456, tzinfo=MSK)),
        ("2026-12-03T05:00:00Z", datetime(2026, 12, 3, 5, 0, tzinfo=UTC)),
        ("2026-12-03T05:00:00.1234567Z", datetime(2026, 12, 3, 5, 0, 0, 123456, tzinfo=UTC)),
    ],
)
def test_long_fractions_and_zulu_keep_working(raw: str, expected: datetime) -> None:
    ticket = TicketVisitWithLpu.model_validate(ticket_with(beginTime=raw, endTime=None))
    assert ticket.begin_time == expected
    assert ticket.begin_time.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("begin", "end", "offset"),
    [
        ("2026-12-03T08:00:00+03:00", "2026-12-03T08:12:00.000", timedelta(hours=3)),
        ("2026-12-03T08:00:00", "2026-12-03T08:12:00+05:00", timedelta(hours=5)),
        ("2026-12-03T08:00:00.000", "2026-12-03T08:12:00Z", timedelta(0)),
        ("2026-12-03T08:00:00+04:00", "2026-12-03 08:12:00.000", timedelta(hours=4)),
    ],
)
def test_mixed_aware_and_naive_times(begin: str, end: str, offset: timedelta) -> None:
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(beginTime=begin, endTime=end, dateOfAppointment="2026-12-01T15:30:00")
    )
    b, e = ticket.begin_time, ticket.end_time
    assert b is not None and e is not None
    assert b.utcoffset() == e.utcoffset() == offset
    assert e - b == timedelta(minutes=12)
    assert (b.hour, b.minute, e.hour, e.minute) == (8, 0, 8, 12)  # wall clock kept
    assert ticket.date_of_appointment.utcoffset() == offset


def test_begin_times_offset_wins_over_end_times() -> None:
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(
            beginTime="2026-12-03T08:00:00+04:00",
            endTime="2026-12-03T08:12:00+03:00",
            dateOfAppointment="2026-12-01T15:30:00",
        )
    )
    assert ticket.date_of_appointment.utcoffset() == timedelta(hours=4)
    assert ticket.end_time.utcoffset() == timedelta(hours=3)  # aware values are not converted


def test_aware_siblings_keep_their_instant() -> None:
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(beginTime="2026-12-03T05:00:00Z", endTime="2026-12-03T08:12:00+03:00")
    )
    assert ticket.begin_time.utcoffset() == timedelta(0)
    assert ticket.end_time - ticket.begin_time == timedelta(minutes=12)


def test_naive_only_ticket_takes_the_server_zone_from_context() -> None:
    plus5 = timezone(timedelta(hours=5))
    data = ticket_with(
        beginTime="2026-12-03T08:00:00",
        endTime="2026-12-03T08:12:00.000",
        dateOfAppointment="2026-12-01 15:30:00.000",
        history=[{"date": "2026-12-01T15:30:00", "action": "create"}],
    )
    data["lpu"]["status"]["lastChangeTime"] = "2018-08-21T09:15:27"
    ticket = TicketVisitWithLpu.model_validate(data, context={"server_tz": plus5})
    moments = [
        ticket.begin_time,
        ticket.end_time,
        ticket.date_of_appointment,
        ticket.history[0].date,
        ticket.lpu.status.last_change_time,
    ]
    assert all(m is not None and m.utcoffset() == timedelta(hours=5) for m in moments)
    assert ticket.begin_time == datetime(2026, 12, 3, 8, 0, tzinfo=plus5)


def test_naive_only_ticket_without_context_is_moscow_time() -> None:
    assert DEFAULT_SERVER_TZ.utcoffset(None) == timedelta(hours=3)
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(
            beginTime="2026-12-03T08:00:00",
            endTime="2026-12-03T08:12:00",
            dateOfAppointment="2026-12-01T15:30:00",
        )
    )
    assert ticket.begin_time == datetime(2026, 12, 3, 8, 0, tzinfo=MSK)
    assert ticket.end_time.utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize(
    ("model", "data", "attr"),
    [
        (
            ClinicStatus,
            {"name": "Online", "lastChangeTime": "2018-08-21T09:15:27"},
            "last_change_time",
        ),
        (DocumentHistory, {"date": "2026-12-01 15:30:00.000"}, "date"),
    ],
)
def test_nested_models_are_aware_too(model, data, attr) -> None:
    parsed = model.model_validate(data, context={"server_tz": timezone(timedelta(hours=7))})
    assert getattr(parsed, attr).utcoffset() == timedelta(hours=7)
    assert getattr(model.model_validate(data), attr).utcoffset() == timedelta(hours=3)


def test_journal_round_trip_keeps_the_offsets() -> None:
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(
            beginTime="2026-12-03T08:00:00",
            endTime="/Date(1700000000000+0500)/",
            busyType={"code": "ПП", "name": "Первичный прием", "type": 1},
        ),
        context={"server_tz": timezone(timedelta(hours=5))},
    )
    again = TicketVisitWithLpu.model_validate_json(ticket.model_dump_json())
    assert again == ticket
    assert again.begin_time.utcoffset() == timedelta(hours=5)


# --- numbers and text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "raw", "attr", "expected"),
    [
        ("flat", "2 этаж", "flat", 2),
        ("flat", "3-й этаж", "flat", 3),
        ("flat", "4", "flat", 4),
        ("flat", 2.0, "flat", 2),
        ("num", 12, "num", "12"),
        ("room", 214, "room", "214"),
        ("planCount", "1 шт", "plan_count", 1),
    ],
)
def test_numbers_and_text_cross_over(field, raw, attr, expected) -> None:
    ticket = TicketVisitWithLpu.model_validate(ticket_with(**{field: raw}))
    assert getattr(ticket, attr) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12ms", 12), ("12 мс", 12), ("1250", 1250), (9.6, 10), ("быстро", None), ("1-2", None)],
)
def test_ping_text(raw, expected) -> None:
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(lpu={"guid": "g", "status": {"name": "Online", "ping": raw}})
    )
    assert ticket.lpu.status is not None and ticket.lpu.status.ping == expected


# --- junk in any one optional field ------------------------------------------------------------

JUNK: list[tuple[str, Any]] = [
    ("ticketGuid", {"a": 1}),
    ("timeTableGuid", [1, 2]),
    ("docFio", {"last": "Иванова"}),
    ("docGuid", []),
    ("doctorRole", [{}]),
    ("speciality", {"x": None}),
    ("beginTime", "завтра"),
    ("endTime", 12),
    ("dateOfAppointment", True),
    ("beginTime", "2026-13-45T99:00:00"),
    ("endTime", "/Date(abc)/"),
    ("beginTime", [2026]),
    ("beginTime", "/Date(99999999999999999999)/"),
    ("planCount", "много"),
    ("usedCount", True),
    ("source", "ЕПГУ"),
    ("source", {"id": 1}),
    ("login", {"user": "x"}),
    ("sourceName", ["a"]),
    ("dispExamGuid", {}),
    ("history", "created"),
    ("history", 5),
    ("num", {"n": 7}),
    ("num", ["7"]),
    ("uchastokNum", {}),
    ("room", {"number": 214}),
    ("flat", "этаж"),
    ("flat", [2]),
    ("flat", "Infinity"),
    ("busyType", True),
    ("busyType", [4]),
    ("lpu", 5),
    ("lpu", "x"),
    ("lpu", []),
    ("lpu", True),
]


@pytest.mark.parametrize(("field", "junk"), JUNK)
def test_junk_in_one_field_keeps_the_ticket(field, junk, caplog) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    keep = "docFio" if field == "num" else "num"
    ticket = TicketVisitWithLpu.model_validate(ticket_with(**{field: junk}))
    attr = TICKET_FIELDS[field]
    assert ticket.ticket_guid == (None if field == "ticketGuid" else GUID)
    assert ticket.num == (None if field == "num" else "7")
    assert getattr(ticket, TICKET_FIELDS[keep]) is not None
    assert getattr(ticket, attr) in (None, [])
    messages = warnings_of(caplog)
    assert len(messages) == 1, messages
    assert f"TicketVisitWithLpu.{attr}" in messages[0]


@pytest.mark.parametrize(
    ("lpu", "attr"),
    [
        ({"guid": "g", "status": 7}, "status"),
        ({"guid": "g", "status": []}, "status"),
        ({"guid": "g", "status": {"name": "Online", "ping": "быстро"}}, "ping"),
        ({"guid": "g", "status": {"name": ["Online"]}}, "name"),
        ({"guid": "g", "status": {"lastChangeTime": "вчера"}}, "last_change_time"),
        ({"guid": "g", "hostID": "главный"}, "host_id"),
        ({"guid": "g", "type": 5}, "type"),
        ({"guid": "g", "isActive": "maybe"}, "is_active"),
        ({"guid": "g", "name": {"ru": "ГП"}}, "name"),
        ({"guid": "g", "phone": ["1", "2"]}, "phone"),
    ],
)
def test_nested_clinic_junk(lpu, attr, caplog) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    ticket = TicketVisitWithLpu.model_validate(ticket_with(lpu=lpu))
    assert ticket.num == "7" and ticket.ticket_guid == GUID
    assert ticket.lpu is not None and ticket.lpu.guid == "g"
    messages = warnings_of(caplog)
    assert len(messages) == 1, messages  # once, even though the ticket is validated again
    assert f".{attr}:" in messages[0]


def test_nested_junk_in_history_and_busy_type(caplog) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(
            history=[{"date": "когда-то", "action": {"x": 1}, "login": "reg1"}, "junk", 5],
            busyType={"code": [4], "name": "Первичный прием", "type": "первичный"},
            flat="этаж",
        )
    )
    assert ticket.num == "7" and ticket.flat is None
    assert len(ticket.history) == 1 and ticket.history[0].login == "reg1"
    assert ticket.history[0].date is None and ticket.history[0].action is None
    assert ticket.busy_type is not None and ticket.busy_type.name == "Первичный прием"
    assert ticket.busy_type.code is None and ticket.busy_type.type is None
    messages = warnings_of(caplog)
    assert len(messages) == 5, messages
    assert {m.split(":")[0] for m in messages} == {
        "DocumentHistory.date",
        "DocumentHistory.action",
        "BusyType.code",
        "BusyType.type",
        "TicketVisitWithLpu.flat",
    }


def test_many_bad_fields_at_once(caplog) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(flat="этаж", room={}, beginTime="x", lpu={"status": 7}, busyType=True)
    )
    assert ticket.num == "7" and ticket.ticket_guid == GUID
    assert (ticket.flat, ticket.room, ticket.begin_time, ticket.busy_type) == (None,) * 4
    assert ticket.lpu is not None and ticket.lpu.status is None
    assert len(warnings_of(caplog)) == 5


def test_warning_never_carries_a_long_value(caplog) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    huge = "Ж" * 5000
    ticket = TicketVisitWithLpu.model_validate(
        ticket_with(
            room={"text": huge},
            flat=huge,
            beginTime=huge,
            lpu={"status": [huge] * 50},
            history=[{"action": {"k": huge}}],
        )
    )
    assert ticket.num == "7"
    messages = warnings_of(caplog)
    assert len(messages) == 5
    for message in messages:
        assert "Ж" * 100 not in message
        assert len(message) < 250


@pytest.mark.parametrize("payload", [[VALID], "ticket", 7, None, True])
def test_only_a_non_object_answer_is_malformed(payload) -> None:
    with pytest.raises(MalformedAnswer):
        parse_ticket(json.dumps(payload).encode())


def test_clinic_status_behaviour_kept() -> None:
    clinic = Clinic.model_validate({"guid": "g", "status": "Offline"})
    assert clinic.status is not None and clinic.status.is_online is False
    odd = Clinic.model_validate({"guid": "g", "status": {"name": "Degraded"}})
    assert odd.status is not None and odd.status.is_online is None


# --- any JSON value in any one optional field --------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "/Date(1700000000000+0300)/",
            "/Date(-1)/",
            "0001-01-01",
            "1899-12-30",
            "2026-12-03T08:00:00",
            "12ms",
            "2 этаж",
            "",
            " ",
            "ПП",
            "9" * 30,
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "code",
                    "name",
                    "type",
                    "status",
                    "ping",
                    "date",
                    "guid",
                    "lastChangeTime",
                    "hostID",
                    "action",
                ]
            )
            | st.text(max_size=6),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(TICKET_FIELDS)), json_values)
def test_any_json_value_in_any_one_field(field: str, value: Any) -> None:
    keep = "docFio" if field == "num" else "num"
    payload = json.loads(json.dumps(ticket_with(**{field: value}), allow_nan=True))
    ticket = parse_ticket(json.dumps(payload, allow_nan=True).encode())
    assert getattr(ticket, TICKET_FIELDS[keep]) == VALID[keep]
    for moment in (ticket.begin_time, ticket.end_time, ticket.date_of_appointment):
        assert moment is None or moment.utcoffset() is not None


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["status", "guid", "hostID", "type", "name", "isActive"]), json_values)
def test_any_json_value_in_a_clinic_field(field: str, value: Any) -> None:
    lpu = dict(VALID["lpu"], **{field: value})
    ticket = TicketVisitWithLpu.model_validate(ticket_with(lpu=lpu))
    assert ticket.num == "7" and ticket.lpu is not None
    status = ticket.lpu.status
    assert (
        status is None
        or status.last_change_time is None
        or (status.last_change_time.utcoffset() is not None)
    )
