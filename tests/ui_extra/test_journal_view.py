"""The shift journal window over a real journal file: list, search, reprint, unknown outcomes."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.journal import JournalEntry
from desktop_app.ui.journal.model import JournalTableModel as M
from desktop_app.ui.journal.view import JournalView
from tests.ui_extra.kit import JournalKit, type_text


def open_view(qtbot, kit: JournalKit, **kwargs) -> JournalView:
    view = JournalView(kit.journal, clock=kit.clock, **kwargs)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def column(view: JournalView, col: int) -> list[str]:
    model = view.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def select(qtbot, view: JournalView, entry_id: int) -> None:
    row = view.model.row_of(entry_id)
    assert row >= 0, f"entry {entry_id} not listed"
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, 0))
    assert view.current_entry() is not None and view.current_entry().id == entry_id


def test_lists_the_shift_with_russian_statuses(qtbot, journal_kit: JournalKit) -> None:
    kit = journal_kit
    booked = kit.booked("Иванова Мария Петровна", num="12")
    kit.failed("Петров Пётр")
    kit.unknown("Сидоров Олег")
    kit.attempt("Кузнецова Анна")  # still being sent

    view = open_view(qtbot, kit)
    assert view.model.rowCount() == 4
    assert column(view, M.STATUS) == ["отправляется", "результат неизвестен", "отказ", "записан"]
    assert column(view, M.PATIENT)[-1] == "Иванова Мария Петровна"
    assert column(view, M.CLINIC)[-1] == "ГП № 3"
    assert column(view, M.DOCTOR)[-1] == "Смирнова Елена Викторовна"
    assert column(view, M.TICKET) == ["", "", "", "12"]
    assert column(view, M.TIME)[0] == "11:30"
    assert view.count_label.text() == "Записей: 4"

    select(qtbot, view, booked)
    details = view.details.toPlainText()
    for text in ("записан", "214", "Смирнова Елена Викторовна", "ГП № 3", "10:20–10:40"):
        assert text in details


def test_search_narrows_by_cyrillic_in_any_case(qtbot, journal_kit: JournalKit) -> None:
    kit = journal_kit
    ivanova = kit.booked("Иванова Мария Петровна", num="12")
    kit.booked("Петров Пётр", num="13")
    kit.failed("Сидоров Олег")
    view = open_view(qtbot, kit)
    assert view.model.rowCount() == 3

    type_text(view.search, "иВАНОВА")
    assert view.model.rowCount() == 1
    assert view.current_entry().id == ivanova

    view.search.clear()
    type_text(view.search, "петров пЕТР")  # ё = е: matches "Петров Пётр"
    assert column(view, M.PATIENT) == ["Петров Пётр"]

    view.search.clear()
    type_text(view.search, "нет такого")
    assert view.model.rowCount() == 0
    assert view.empty_label.isVisible() and view.empty_label.text() == "Ничего не найдено."
    assert not view.reprint_button.isEnabled()


def test_all_history_drops_the_shift_limit(qtbot, journal_kit: JournalKit) -> None:
    kit = journal_kit
    kit.clock.now -= timedelta(days=2)
    kit.booked("Вчерашняя Пациентка", num="7")
    kit.clock.now += timedelta(days=2)
    kit.booked("Сегодняшний Пациент", num="8")

    view = open_view(qtbot, kit)
    assert column(view, M.PATIENT) == ["Сегодняшний Пациент"]
    qtbot.keyClick(view.all_history, Qt.Key.Key_Space)
    assert view.all_history.isChecked()
    assert column(view, M.PATIENT) == ["Сегодняшний Пациент", "Вчерашняя Пациентка"]
    assert "." in column(view, M.TIME)[1]  # with the date, not only the time


def test_reprint_calls_back_with_the_entry_only_for_booked(qtbot, journal_kit) -> None:
    kit = journal_kit
    booked = kit.booked("Иванова Мария", num="12")
    failed = kit.failed("Петров Пётр")
    unknown = kit.unknown("Сидоров Олег")
    reprinted: list[JournalEntry] = []

    def on_reprint(entry: JournalEntry) -> None:
        reprinted.append(entry)
        kit.journal.mark_printed(entry.id)

    view = open_view(qtbot, kit, on_reprint=on_reprint)
    select(qtbot, view, failed)
    assert not view.reprint_button.isEnabled()
    assert "У врача нет свободного времени" in view.details.toPlainText()
    assert "4005" in view.details.toPlainText()
    select(qtbot, view, unknown)
    assert not view.reprint_button.isEnabled()

    select(qtbot, view, booked)
    assert view.reprint_button.isEnabled()
    qtbot.mouseClick(view.reprint_button, Qt.MouseButton.LeftButton)
    assert [e.id for e in reprinted] == [booked]
    assert reprinted[0].ticket is not None and reprinted[0].ticket.num == "12"
    # The view re-read the journal: the count shows and the same entry stays selected.
    assert view.current_entry().id == booked
    assert view.model.data(view.model.index(view.model.row_of(booked), M.PRINTED)) == "1"


def test_resolve_unknown_with_a_typed_note(qtbot, journal_kit: JournalKit) -> None:
    kit = journal_kit
    kit.booked("Иванова Мария")
    unknown = kit.unknown("Сидоров Олег")
    view = open_view(qtbot, kit)
    assert not view.resolve_panel.isVisible()

    select(qtbot, view, unknown)
    assert "запись могла быть создана" in view.details.toPlainText()
    assert view.resolve_button.isEnabled()
    qtbot.mouseClick(view.resolve_button, Qt.MouseButton.LeftButton)
    assert view.resolve_panel.isVisible()
    assert QApplication.focusWidget() is view.resolve_note

    qtbot.keyClick(view.resolve_note, Qt.Key.Key_Return)  # empty note: asked to write one
    assert view.resolve_error.isVisible()
    assert kit.journal.get(unknown).status == "unknown"

    type_text(view.resolve_note, "запись есть в МИС, талон № 14")
    assert not view.resolve_error.isVisible()
    qtbot.keyClick(view.resolve_note, Qt.Key.Key_Return)

    entry = kit.journal.get(unknown)
    assert entry.status == "resolved"
    assert entry.resolution_note == "запись есть в МИС, талон № 14"
    assert not view.resolve_panel.isVisible()
    assert view.isVisible()  # Enter saved the note; it did not close the window
    assert view.current_entry().id == unknown
    assert column(view, M.STATUS)[view.model.row_of(unknown)] == "проверено"
    assert not view.resolve_button.isEnabled()
    assert "запись есть в МИС" in view.details.toPlainText()


def test_escape_in_the_note_closes_the_note_not_the_window(qtbot, journal_kit) -> None:
    unknown = journal_kit.unknown("Сидоров Олег")
    view = open_view(qtbot, journal_kit)
    select(qtbot, view, unknown)
    view.resolve_button.click()
    type_text(view.resolve_note, "черновик")
    qtbot.keyClick(view.resolve_note, Qt.Key.Key_Escape)
    assert view.isVisible() and not view.resolve_panel.isVisible()
    assert journal_kit.journal.get(unknown).status == "unknown"


def test_enter_on_a_row_opens_its_details_and_presses_no_button(qtbot, journal_kit) -> None:
    booked = journal_kit.booked("Иванова Мария", num="12")
    reprinted: list[JournalEntry] = []
    view = open_view(qtbot, journal_kit, on_reprint=reprinted.append)
    select(qtbot, view, booked)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.details
    assert "Иванова Мария" in view.details.toPlainText()
    assert reprinted == [] and view.isVisible()


def test_training_entries_are_marked(qtbot, journal_kit: JournalKit) -> None:
    journal_kit.booked("Учебный Пациент", training=True)
    view = open_view(qtbot, journal_kit)
    assert column(view, M.STATUS) == ["записан (учебная)"]
    assert "учебная запись" in view.details.toPlainText()


def test_empty_shift_says_so(qtbot, journal_kit: JournalKit) -> None:
    view = open_view(qtbot, journal_kit)
    assert view.model.rowCount() == 0
    assert view.empty_label.text() == "За эту смену записей нет."
    assert not view.reprint_button.isEnabled() and not view.resolve_button.isEnabled()


def test_a_slip_filled_from_the_operators_choice_says_so(qtbot, journal_kit: JournalKit) -> None:
    kit = journal_kit
    plain = kit.booked("Иванова Мария", num="12")
    filled = kit.booked("Петров Пётр", num="13")
    kit.journal.record_filled(filled, ["room", "time_range", "doctor", "day"])
    room = kit.booked("Сидоров Олег", num="14", resource="Процедурный кабинет")
    kit.journal.record_filled(room, ["doctor", "room", "floor"])

    view = open_view(qtbot, kit)
    model = view.model
    assert column(view, M.TICKET) == ["14 *", "13 *", "12"]
    tip = model.data(model.index(model.row_of(filled), M.TICKET), Qt.ItemDataRole.ToolTipRole)
    assert "Дополнено по данным записи: дата, время, врач, кабинет" in tip
    assert tip.startswith("<p>") and tip.endswith("</p>")
    plain_tip = model.data(model.index(model.row_of(plain), M.TICKET), Qt.ItemDataRole.ToolTipRole)
    assert "Дополнено" not in plain_tip

    select(qtbot, view, filled)
    assert "Дополнено по данным записи: дата, время, врач, кабинет" in view.details.toPlainText()
    select(qtbot, view, room)  # a room's name and number are both "кабинет": said once
    assert "Дополнено по данным записи: кабинет, этаж" in view.details.toPlainText()
    select(qtbot, view, plain)
    assert "Дополнено" not in view.details.toPlainText()
