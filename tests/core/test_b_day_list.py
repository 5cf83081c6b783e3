"""The day list: rows and words per doctor, CSV for Excel, printable HTML."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop_app.api import TicketVisitWithLpu, parse_ticket
from desktop_app.journal import (
    DayRow,
    DoctorDay,
    ShiftJournal,
    day_list,
    day_list_html,
    patient_key_from_token,
    write_day_csv,
)
from desktop_app.journal.day_list import CSV_HEADER, day_list_csv

MSK = timezone(timedelta(hours=3), "MSK")
LPU = "8e8f2a3c-1111-4a5b-9c9d-0123456789ab"
THERAPIST = "5b1d3f00-2222-4c3d-8e8f-abcdefabcdef"
ROOM = "5b1d3f00-3333-4c3d-8e8f-abcdefabcdef"
DAY = date(2025, 3, 11)


def ticket(
    num: str, hour: int | None, *, doctor: str = "Иванов Иван Иванович"
) -> TicketVisitWithLpu:
    body: dict[str, object] = {
        "ticketGuid": f"0f0e0d0c-3333-4b4b-8c8c-{sum(map(ord, num)):012d}",
        "num": num,
        "docFio": doctor,
        "lpu": {"guid": LPU, "name": "ГП № 3 (из ответа)"},
    }
    if hour is not None:
        body["beginTime"] = datetime(2025, 3, 11, hour, 5, tzinfo=MSK).isoformat()
    return parse_ticket(json.dumps(body, ensure_ascii=False).encode())


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[ShiftJournal]:
    clock = lambda: datetime(2025, 3, 10, 8, 30, tzinfo=MSK)  # noqa: E731 - booked the day before
    with ShiftJournal(tmp_path / "j.sqlite3", clock=clock) as j:
        yield j


def _attempt(journal: ShiftJournal, key: str, **overrides: object) -> int:
    fields: dict[str, object] = {
        "lpu_guid": LPU,
        "resource_guid": THERAPIST,
        "day": DAY,
        "at": None,
        "patient_key": key,
        "patient_label": "Лебедев А. П., д. р. 12.04.1985",
        "clinic_name": "ГП № 3",
        "resource_name": "Иванов И. И., терапевт",
        "training": False,
    }
    fields.update(overrides)
    return journal.record_attempt(**fields)  # type: ignore[arg-type]


@pytest.fixture
def groups(journal: ShiftJournal, jwt_token: str) -> list[DoctorDay]:
    """A day with every kind of row, over two doctors."""
    key = patient_key_from_token(jwt_token)
    printed = _attempt(journal, key)
    journal.record_success(printed, ticket("Т-002", 9))
    journal.mark_printed(printed)
    booked = _attempt(journal, key, patient_label="Семёнова Е. В., д. р. 01.02.1990")
    journal.record_success(booked, ticket("Т-001", 8))
    cancelled = _attempt(journal, key, patient_label=None)
    journal.record_success(cancelled, ticket("Т-003", 10))
    journal.mark_printed(cancelled)
    journal.record_cancel_attempt(cancelled, "1")
    journal.record_cancelled(cancelled)
    unconfirmed = _attempt(journal, key, patient_label="Петров П. П.")
    journal.record_success(unconfirmed, ticket("Т-004", 11))
    journal.record_cancel_attempt(unconfirmed, "1")
    journal.record_cancel_unknown(unconfirmed, "timeout")
    refused = _attempt(journal, key, patient_label="Орлов О. О.")
    journal.record_success(refused, ticket("Т-005", 12))
    journal.record_cancel_attempt(refused, "1")
    journal.record_cancel_refused(refused, "Время визита прошло")
    unknown = _attempt(journal, key, patient_label="Сидоров С. С.", at=time(13, 30))
    journal.record_unknown(unknown, "no_answer")
    no_time = _attempt(journal, key, patient_label="Кузнецов К. К.")
    journal.record_unknown(no_time, "gateway")
    failed = _attempt(journal, key)
    journal.record_failure(failed, kind="validation", status=400, message_code="4009", message="")
    # A room with no resource name: the heading comes from the ticket's doctor.
    room = _attempt(journal, key, resource_guid=ROOM, resource_name=None, clinic_name=None)
    journal.record_success(room, ticket("К-1", 14, doctor="Андреева А. А."))
    return day_list(journal.day_entries(DAY))


def test_rows_words_and_order(groups: list[DoctorDay]) -> None:
    assert [(g.doctor, g.clinic) for g in groups] == [
        ("Андреева А. А.", "ГП № 3 (из ответа)"),
        ("Иванов И. И., терапевт", "ГП № 3"),
    ]
    assert groups[0].rows == [DayRow("14:05", "К-1", "Лебедев А. П., д. р. 12.04.1985", "записан")]
    assert groups[1].rows == [
        DayRow("08:05", "Т-001", "Семёнова Е. В., д. р. 01.02.1990", "записан"),
        DayRow("09:05", "Т-002", "Лебедев А. П., д. р. 12.04.1985", "талон напечатан"),
        DayRow("10:05", "Т-003", "—", "отменена"),
        DayRow("11:05", "Т-004", "Петров П. П.", "отмена не подтверждена"),
        DayRow("12:05", "Т-005", "Орлов О. О.", "записан"),  # the registry refused to cancel
        DayRow("13:30", "—", "Сидоров С. С.", "результат неизвестен"),
        DayRow("—", "—", "Кузнецов К. К.", "результат неизвестен"),  # no time: last
    ]


def test_csv_reads_back_with_the_cyrillic_and_a_bom(
    groups: list[DoctorDay], tmp_path: Path
) -> None:
    path = tmp_path / "out" / "day.csv"
    path.parent.mkdir()
    path.write_text("old content", encoding="utf-8")  # replaced, not appended to
    write_day_csv(path, DAY, groups)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")  # CRLF only
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert (
        rows[0]
        == list(CSV_HEADER)
        == [
            "Дата",
            "Врач",
            "Поликлиника",
            "Время",
            "Талон",
            "Пациент",
            "Статус",
        ]
    )
    assert len(rows) == 1 + 8
    lebedev = "Лебедев А. П., д. р. 12.04.1985"
    assert rows[1] == [
        "11.03.2025",
        "Андреева А. А.",
        "ГП № 3 (из ответа)",
        "14:05",
        "К-1",
        lebedev,
        "записан",
    ]
    assert rows[3] == [
        "11.03.2025",
        "Иванов И. И., терапевт",
        "ГП № 3",
        "09:05",
        "Т-002",
        lebedev,
        "талон напечатан",
    ]
    assert [r[6] for r in rows[2:]] == [
        "записан",
        "талон напечатан",
        "отменена",
        "отмена не подтверждена",
        "записан",
        "результат неизвестен",
        "результат неизвестен",
    ]
    assert sorted(p.name for p in path.parent.iterdir()) == ["day.csv"]  # no temp file left


def test_csv_quotes_semicolons_and_defuses_formulas() -> None:
    groups = [
        DoctorDay(
            "Иванов; И. И.",
            "ГП",
            [DayRow("08:00", "=1+1", '@SUM(A1) "x"', "записан"), DayRow("—", "-5", "+7", "ok")],
        )
    ]
    text = day_list_csv(DAY, groups)
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[1][1:] == ["Иванов; И. И.", "ГП", "08:00", "'=1+1", '\'@SUM(A1) "x"', "записан"]
    assert rows[2][3:6] == ["—", "'-5", "'+7"]


def test_csv_of_an_empty_day_is_the_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    write_day_csv(path, DAY, [])
    assert (
        path.read_bytes() == "\ufeffДата;Врач;Поликлиника;Время;Талон;Пациент;Статус\r\n".encode()
    )


def test_a_csv_that_cannot_be_written_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_day_csv(tmp_path / "no-such-folder" / "day.csv", DAY, [])
    assert list(tmp_path.iterdir()) == []


class _Text(HTMLParser):
    """What a browser would show, plus the tags it met."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if data.strip() and self.tags[-1:] != ["style"]:
            self.text.append(data.strip())


def _parse(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    return parser


def test_html_is_escaped_and_laid_out_per_doctor(groups: list[DoctorDay]) -> None:
    row = DayRow("08:00", "<1>", "<script>x</script>", "записан")
    hostile = [DoctorDay("<b>Иванов</b> & Co", "ГП <i>3</i>", [row]), *groups]
    page = day_list_html(DAY, hostile, training=False, now=datetime(2025, 3, 10, 17, 4, tzinfo=MSK))
    assert "<b>" not in page and "<script>" not in page and "<i>" not in page
    assert "&lt;b&gt;Иванов&lt;/b&gt; &amp; Co" in page
    parsed = _parse(page)
    assert parsed.tags.count("h1") == 1 and parsed.tags.count("h2") == 3
    assert parsed.tags.count("table") == 3
    assert "<table border=1 cellpadding=4" in page
    assert parsed.text[:2] == ["Список записанных вне расписания"] * 2  # title, heading
    assert "Дата приёма: вторник, 11 марта 2025 (11.03.2025)" in parsed.text
    assert "<b>Иванов</b> & Co" in parsed.text  # shown as typed
    assert "Сформировано 10.03.2025 17:04" in parsed.text
    assert "отмена не подтверждена" in parsed.text
    assert not any("УЧЕБНЫЙ" in t for t in parsed.text)
    assert "A4" in page


def test_html_in_training_and_for_an_empty_day() -> None:
    page = day_list_html(DAY, [], title="Список <на день>", training=True)
    parsed = _parse(page)
    assert "&lt;на день&gt;" in page
    assert "УЧЕБНЫЙ РЕЖИМ — записи не настоящие" in parsed.text
    assert "Записей на этот день нет." in parsed.text
    assert "table" not in parsed.tags
    assert any(t.startswith("Сформировано ") for t in parsed.text)
