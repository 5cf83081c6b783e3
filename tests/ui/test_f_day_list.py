"""The day list by appointment date: grouped by doctor on screen, printed on A4 through the print
dialog, saved as PDF (read back with pdftotext) and CSV (read back with ``csv``)."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from desktop_app.api import TicketVisitWithLpu
from desktop_app.journal import ShiftJournal, patient_key_from_token
from desktop_app.ui.journal import day_view
from desktop_app.ui.journal.day_view import DayListView
from desktop_app.ui.journal.view import JournalView
from desktop_app.ui.platform.dialogs import RecordingDialogs
from tests.printing.pdfread import need_poppler, page_count, pdf_text
from tests.ui.asyncwait import wait_until

pytestmark = pytest.mark.asyncio

LPU = "8e8f2a3c-1111-4a5b-9c9d-0123456789ab"
SMIRNOVA = ("5b1d3f00-2222-4c3d-8e8f-abcdefabcdef", "Смирнова Елена Викторовна")
ORLOV = ("5b1d3f00-3333-4c3d-8e8f-abcdefabcdef", "Орлов Пётр Ильич")
VISIT_DAY = date(2026, 3, 3)
BOOKED_ON = datetime(2026, 3, 2, 9, 0).astimezone()


def _ticket(
    num: str, hhmm: str, doctor: str, guid: str, day: date = VISIT_DAY
) -> TicketVisitWithLpu:
    return TicketVisitWithLpu.model_validate(
        {
            "ticketGuid": guid,
            "num": num,
            "room": "214",
            "docFio": doctor,
            "beginTime": f"{day.isoformat()}T{hhmm}:00+03:00",
            "endTime": f"{day.isoformat()}T{hhmm[:3]}59:00+03:00",
            "lpu": {"guid": LPU, "name": "ГП № 3"},
        }
    )


def fill_journal(journal: ShiftJournal) -> dict[str, int]:
    """Five bookings for VISIT_DAY (two doctors), one refused attempt, one for the next day."""
    ids: dict[str, int] = {}

    def attempt(name: str, resource: tuple[str, str], day: date = VISIT_DAY) -> int:
        return journal.record_attempt(
            lpu_guid=LPU,
            resource_guid=resource[0],
            day=day,
            at=None,
            patient_key=patient_key_from_token(f"token-of-{name}"),
            patient_label=name,
            clinic_name="ГП № 3",
            resource_name=resource[1],
            training=False,
        )

    for n, (name, resource, hhmm) in enumerate(
        [
            ("Лебедев А. П., д. р. 12.04.1985", SMIRNOVA, "10:20"),
            ("Ёлкина О. В., д. р. 01.02.1970", SMIRNOVA, "09:40"),
            ("Кравцова А. С., д. р. 18.06.1996", ORLOV, "11:00"),
            ("Соколов Д. И., д. р. 03.03.1988", SMIRNOVA, "12:00"),
        ],
        start=1,
    ):
        ids[name] = attempt(name, resource)
        journal.record_success(
            ids[name], _ticket(str(n), hhmm, resource[1], f"0f0e0d0c-3333-4b4b-8c8c-11112222333{n}")
        )
    journal.mark_printed(ids["Ёлкина О. В., д. р. 01.02.1970"])
    cancelled = ids["Соколов Д. И., д. р. 03.03.1988"]
    journal.record_cancel_attempt(cancelled, "1. Пациент передумал")
    journal.record_cancelled(cancelled)
    ids["unknown"] = attempt("Громов И. И., д. р. 05.05.1955", ORLOV)
    journal.record_unknown(ids["unknown"], "no answer")
    refused = attempt("Отказов Н. Н.", ORLOV)
    journal.record_failure(refused, kind="refused", status=400, message_code="4009", message="x")
    other_day_date = VISIT_DAY + timedelta(days=1)
    other_day = attempt("Завтрашний З. З.", ORLOV, other_day_date)
    journal.record_success(
        other_day,
        _ticket("9", "08:00", ORLOV[1], "0f0e0d0c-3333-4b4b-8c8c-111122223339", other_day_date),
    )
    return ids


@pytest.fixture
def journal(tmp_path: Path):
    j = ShiftJournal(tmp_path / "journal.sqlite3", clock=lambda: BOOKED_ON)
    fill_journal(j)
    yield j
    j.close()


async def open_view(qtbot, journal, **kw) -> DayListView:
    view = DayListView(journal, today=lambda: VISIT_DAY, **kw)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    await wait_until(view.isActiveWindow, what="day list")
    return view


EXPECTED_ROWS = [
    ["Орлов Пётр Ильич — ГП № 3 (2)"],
    ["11:00", "3", "Кравцова А. С., д. р. 18.06.1996", "записан"],
    ["—", "—", "Громов И. И., д. р. 05.05.1955", "результат неизвестен"],
    ["Смирнова Елена Викторовна — ГП № 3 (3)"],
    ["09:40", "2", "Ёлкина О. В., д. р. 01.02.1970", "талон напечатан"],
    ["10:20", "1", "Лебедев А. П., д. р. 12.04.1985", "записан"],
    ["12:00", "4", "Соколов Д. И., д. р. 03.03.1988", "отменена"],
]


async def test_rows_are_grouped_by_doctor_for_the_appointment_day(qtbot, journal) -> None:
    view = await open_view(qtbot, journal)
    assert view.windowTitle() == "Список на день"
    assert view.date_edit.date() == QDate(2026, 3, 3)  # "today" by default
    assert view.rows_text() == EXPECTED_ROWS
    assert view.summary_label.text() == "Записей: 5, врачей: 2"
    assert QApplication.focusWidget() is view.date_edit

    # "+1 day" by keys: the next day's one booking; a day without any says so.
    qtbot.keyClick(view.date_edit, Qt.Key.Key_Up)  # the day section is current
    assert view.day == VISIT_DAY + timedelta(days=1)
    assert view.rows_text() == [
        ["Орлов Пётр Ильич — ГП № 3 (1)"],
        ["08:00", "9", "Завтрашний З. З.", "записан"],
    ]
    view.set_day(VISIT_DAY + timedelta(days=5))
    assert view.rows_text() == []
    assert view.summary_label.text() == "На этот день записей нет."
    assert not view.print_button.isEnabled() and not view.csv_button.isEnabled()


async def test_pdf_and_csv_hold_the_rows_and_the_cyrillic(qtbot, journal, tmp_path) -> None:
    need_poppler()
    asked: list[tuple[str, str]] = []
    answers = iter([str(tmp_path / "список"), str(tmp_path / "список.csv")])

    def ask(caption: str, suggested: str, filters: str) -> str | None:
        asked.append((caption, Path(suggested).name))
        return next(answers)

    view = await open_view(qtbot, journal, training=False, ask_save_path=ask)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "список.pdf"
    assert pdf.is_file()
    assert asked[0] == ("Сохранить список в PDF", "Список на 03.03.2026.pdf")
    assert view.status_label.isVisible() and str(pdf) in view.status_label.text()
    text = pdf_text(pdf)
    assert page_count(pdf) == 1
    assert "Список записанных вне расписания" in text
    assert "3 марта 2026" in text and "УЧЕБНЫЙ" not in text
    for row in EXPECTED_ROWS:
        if len(row) == 4:
            assert " ".join(row) in text, row
    assert "Отказов" not in text and "Завтрашний" not in text
    assert text.index("Орлов Пётр Ильич") < text.index("Смирнова Елена Викторовна")

    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "список.csv"
    assert asked[1] == ("Сохранить список в CSV", "Список на 03.03.2026.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["Дата", "Врач", "Поликлиника", "Время", "Талон", "Пациент", "Статус"]
    assert [r[1] for r in rows[1:]] == ["Орлов Пётр Ильич"] * 2 + ["Смирнова Елена Викторовна"] * 3
    assert rows[3] == [
        "03.03.2026",
        "Смирнова Елена Викторовна",
        "ГП № 3",
        "09:40",
        "2",
        "Ёлкина О. В., д. р. 01.02.1970",
        "талон напечатан",
    ]
    assert rows[-1][-2:] == ["Соколов Д. И., д. р. 03.03.1988", "отменена"]


async def test_a_training_list_says_so_and_a_bad_folder_is_a_message(
    qtbot, journal, tmp_path
) -> None:
    need_poppler()
    dialogs = RecordingDialogs()
    target = tmp_path / "учебный.pdf"
    answers = iter([str(target), str(tmp_path / "нет-папки" / "x.csv")])
    view = await open_view(
        qtbot, journal, training=None, dialogs=dialogs, ask_save_path=lambda *_: next(answers)
    )
    view.training = True
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert "УЧЕБНЫЙ РЕЖИМ — записи не настоящие" in pdf_text(target)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    [message] = dialogs.shown
    assert message.title == "CSV не сохранён"
    assert "Выберите другую папку" in message.text
    assert not view.status_label.isVisible()


async def test_print_a4_goes_through_the_print_dialog(
    qtbot, journal, tmp_path, monkeypatch
) -> None:
    need_poppler()
    dialogs = RecordingDialogs()
    view = await open_view(qtbot, journal, dialogs=dialogs)

    # No printer on this computer: the operator is told to use the PDF.
    monkeypatch.setattr(day_view, "has_printers", lambda: False)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    [message] = dialogs.shown
    assert message.title == "Принтеры не найдены"
    assert "Сохраните список в PDF" in message.text

    # A printer: the system dialog opens (window-modal, non-blocking), OK prints A4.
    monkeypatch.setattr(day_view, "has_printers", lambda: True)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: view.print_dialog is not None, what="print dialog")
    dialog = view.print_dialog
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    printer: QPrinter = dialog.day_printer  # type: ignore[attr-defined]
    assert printer.pageLayout().pageSize().id().name == "A4"
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    await wait_until(lambda: view.print_dialog is None, what="dialog closed")
    assert not view.status_label.isVisible()

    out = tmp_path / "printed.pdf"
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: view.print_dialog is not None, what="print dialog")
    dialog = view.print_dialog
    assert dialog is not None
    printers = dialog.findChild(QComboBox, "printers")
    # "Print to File (PDF)", or Qt's own Russian for it when its translation is loaded.
    to_file = next(i for i in range(printers.count()) if "(PDF)" in printers.itemText(i))
    printers.setCurrentIndex(to_file)
    dialog.findChild(QLineEdit, "filename").setText(str(out))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    await wait_until(out.exists, what="printed file")
    assert "Лебедев А. П., д. р. 12.04.1985" in pdf_text(out)
    assert view.status_label.text().startswith("Список отправлен на принтер")


async def test_journal_opens_the_day_list_and_shows_cancelled_rows(
    qtbot, journal, tmp_path
) -> None:
    clock = lambda: BOOKED_ON  # noqa: E731
    view = JournalView(journal, clock=clock, today=lambda: VISIT_DAY, training=False)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    await wait_until(view.isActiveWindow, what="journal")
    assert not view.cancel_button.isVisible()  # no cancel flow given: no button
    statuses = {
        view.model.index(r, view.model.PATIENT).data(): view.model.index(
            r, view.model.STATUS
        ).data()
        for r in range(view.model.rowCount())
    }
    assert statuses["Соколов Д. И., д. р. 03.03.1988"] == "отменена"
    assert statuses["Лебедев А. П., д. р. 12.04.1985"] == "записан"
    view.search.setText("ёлкина")
    assert view.model.rowCount() == 1
    view.search.clear()

    qtbot.mouseClick(view.day_list_button, Qt.MouseButton.LeftButton)
    day = view.controller.day_view
    assert isinstance(day, DayListView)
    await wait_until(day.isVisible, what="day list")
    assert day.day == VISIT_DAY and day.rows_text() == EXPECTED_ROWS
    day.close()
