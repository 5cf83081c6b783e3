"""Issue 11 §1, §2 and §8 (lists) by keys: a search that ranks, no lost Enter, named lists.

The real window against the sandbox (in process, and over HTTP for the slow list), and the
picker alone where a directory the sandbox does not have is needed (room 41 next to 410а).
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from desktop_app.api import Resource
from desktop_app.ui.desk.directory import clinic_item, initials_name, resource_items
from desktop_app.ui.desk.search_picker import MIN_VISIBLE_ROWS, SearchPicker
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    choose_patient,
    ctrl_enter,
    open_desk,
    open_http_desk,
    surname,
    type_text,
)

pytestmark = pytest.mark.asyncio


def rows(picker: SearchPicker) -> list[str]:
    return [picker.model.item(i).text for i in range(picker.model.rowCount())]


def clear_and_type(qtbot, picker: SearchPicker, text: str) -> None:
    picker.edit.setFocus()
    qtbot.keyClick(picker.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Backspace)
    type_text(picker.edit, text)


# -- ranking in the window ------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["гп 3", "гп3", "ГП №3"])
async def test_gp_3_enter_chooses_gp_3_not_gp_1_by_its_postcode(qtbot, tmp_path, query) -> None:
    async with open_desk(tmp_path) as desk:
        picker = desk.form.clinic_picker
        clear_and_type(qtbot, picker, query)
        assert rows(picker)[0].startswith("ГП № 3 — пр-т Строителей, д. 41")
        assert not any(r.startswith("ГП № 1") for r in rows(picker))
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
        assert desk.window.clinic is not None
        assert desk.window.clinic.fer_name == "ГП № 3"
        await wait_until(lambda: desk.form.resource_picker.model.rowCount() > 0, what="doctors")


async def test_wrong_layout_is_tried_and_the_list_says_so(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        picker = desk.form.clinic_picker
        clear_and_type(qtbot, picker, "ug 3")  # "гп 3" typed on the EN layout
        assert picker.notice.isVisibleTo(desk.window)
        assert picker.notice.text() == "показано для «гп 3»"
        assert rows(picker)[0].startswith("ГП № 3")
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
        assert desk.window.clinic.fer_name == "ГП № 3"
        assert not picker.notice.isVisibleTo(desk.window)  # the choice is shown as it is
        clear_and_type(qtbot, picker, "гп")
        assert not picker.notice.isVisibleTo(desk.window)


async def test_rows_lead_with_what_tells_items_apart(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        sandbox = desk.sandbox
        marks = sandbox.landmarks()
        form = desk.form
        clinic_rows = rows(form.clinic_picker)
        # Short name and street first; no postcode or region ahead of them.
        assert "ГП № 1 — ул. Набережная Светлой, д. 12" in clinic_rows
        assert not any(r[:1].isdigit() or "обл." in r for r in clinic_rows)
        item = form.clinic_picker.model.item(
            clinic_rows.index("ГП № 1 — ул. Набережная Светлой, д. 12")
        )
        assert "г. Северореченск" in item.detail and "код МО" in item.detail
        clear_and_type(qtbot, form.clinic_picker, "гп 1")
        qtbot.keyClick(form.clinic_picker.edit, Qt.Key.Key_Return)
        await wait_until(lambda: form.resource_picker.model.rowCount() > 0, what="doctors")
        fio = desk.resource_fio(marks.therapist)
        therapist = next(
            r for r in sandbox.resources(marks.main_clinic) if r["guid"] == marks.therapist
        )
        expected = f"{initials_name(fio)} — терапевт, каб. {therapist['room']}"
        assert expected in rows(form.resource_picker)
        assert expected.startswith(surname(fio) + " ")
        clear_and_type(qtbot, form.resource_picker, surname(fio).lower())
        assert rows(form.resource_picker)[0] == expected
        assert fio in form.resource_picker.model.item(0).detail


async def test_kab_41_by_keys_chooses_room_41_before_410a_418_419(qtbot) -> None:
    picker = SearchPicker("resourceSearch", "", results_name="Результаты поиска врача")
    qtbot.addWidget(picker)
    picker.show()
    resources = [
        Resource(guid=f"g{room}", fio=fio, speciality="Терапевт", room=room, flat=4)
        for room, fio in (
            ("419", "Рябинина Любовь Максимовна"),
            ("418", "Малинина Оксана Андреевна"),
            ("410а", "Синицын Никита Романович"),
            ("41", "Орлова Зоя Сергеевна"),
            ("141", "Чижов Илья Павлович"),
        )
    ]
    picker.set_items(resource_items(resources))
    accepted = []
    picker.accepted.connect(accepted.append)
    picker.edit.setFocus()
    type_text(picker.edit, "каб 41")
    shown = [picker.model.item(i).payload.room for i in range(picker.model.rowCount())]
    # Room 41 exactly first; the rooms starting with 41 after it (equally good: by row text,
    # that is by surname); 141 holds 41 inside its number and is no match.
    assert shown == ["41", "418", "419", "410а"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert [item.payload.room for item in accepted] == ["41"]
    assert picker.edit.text() == "Орлова З. С. — терапевт, каб. 41"


# -- list height ----------------------------------------------------------------------------------


async def test_lists_show_at_least_six_rows_at_1366x768(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        window = desk.window
        window.resize(1366, 768)
        await wait_until(lambda: window.width() == 1366, what="resize")
        for picker in (desk.form.clinic_picker, desk.form.resource_picker):
            view = picker.list
            row = view.row_height()
            assert row >= view.fontMetrics().height()
            assert view.minimumHeight() >= MIN_VISIBLE_ROWS * row
            assert view.viewport().height() >= 6 * row, picker.edit.objectName()


async def test_list_height_follows_the_font(qtbot) -> None:
    picker = SearchPicker("x", "")
    qtbot.addWidget(picker)
    before = picker.list.minimumHeight()
    font = picker.list.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    picker.list.setFont(font)
    assert picker.list.minimumHeight() > before * 1.3
    assert picker.list.minimumHeight() >= MIN_VISIBLE_ROWS * picker.list.row_height()


# -- accessibility and keys in the list -----------------------------------------------------------


async def test_result_lists_are_named_focusable_and_announce_the_current_item(
    qtbot, tmp_path
) -> None:
    async with open_desk(tmp_path) as desk:
        form = desk.form
        clinic, doctor = form.clinic_picker, form.resource_picker
        assert clinic.list.accessibleName() == "Результаты поиска поликлиники"
        assert doctor.list.accessibleName() == "Результаты поиска врача"
        interface = QAccessible.queryAccessibleInterface(clinic.list)
        assert interface is not None
        assert interface.text(QAccessible.Text.Name) == "Результаты поиска поликлиники"

        clear_and_type(qtbot, clinic, "гп")
        assert clinic.edit.hasFocus()
        first, second = clinic.model.item(0), clinic.model.item(1)
        assert first.text in clinic.edit.accessibleDescription()
        qtbot.keyClick(clinic.edit, Qt.Key.Key_Down)  # into the list, on the next row
        assert QApplication.focusWidget() is clinic.list
        assert clinic.list.currentIndex().row() == 1
        assert clinic.list.selectionModel().isSelected(clinic.list.currentIndex())
        assert second.text in clinic.list.accessibleDescription()
        qtbot.keyClick(clinic.list, Qt.Key.Key_Up)
        assert clinic.list.currentIndex().row() == 0
        assert QApplication.focusWidget() is clinic.list
        qtbot.keyClick(clinic.list, Qt.Key.Key_Up)  # up from the top: back to the field
        assert QApplication.focusWidget() is clinic.edit

        qtbot.keyClick(clinic.edit, Qt.Key.Key_Down)
        type_text(clinic.list, " 5")  # typing in the list goes on in the field
        assert QApplication.focusWidget() is clinic.edit
        assert clinic.edit.text() == "гп 5"
        assert rows(clinic)[0].startswith("ГП № 5")
        qtbot.keyClick(clinic.edit, Qt.Key.Key_Down)
        qtbot.keyClick(clinic.list, Qt.Key.Key_Up)
        qtbot.keyClick(clinic.edit, Qt.Key.Key_Down)
        chosen = clinic.model.item(clinic.list.currentIndex().row())
        qtbot.keyClick(clinic.list, Qt.Key.Key_Return)  # Enter in the list takes that row
        assert desk.window.clinic is chosen.payload
        assert doctor.edit.hasFocus()


async def test_tab_from_the_list_goes_on_along_the_form(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        clinic, doctor = desk.form.clinic_picker, desk.form.resource_picker
        clear_and_type(qtbot, clinic, "гп")
        qtbot.keyClick(clinic.edit, Qt.Key.Key_Down)
        assert QApplication.focusWidget() is clinic.list
        qtbot.keyClick(clinic.list, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is doctor.edit


# -- loading: "загрузка…" and the kept Enter ------------------------------------------------------


async def _clinic_then_slow_doctors(qtbot, desk) -> tuple[str, str]:
    marks = desk.sandbox.landmarks()
    desk.sandbox.config.slow_seconds = 1.5  # every API answer from now on takes 1.5 s
    form = desk.form
    clear_and_type(qtbot, form.clinic_picker, "гп 1")
    qtbot.keyClick(form.clinic_picker.edit, Qt.Key.Key_Return)
    assert desk.window.clinic.guid == marks.main_clinic
    doctor = form.resource_picker
    assert doctor.edit.hasFocus()
    assert doctor.loading
    assert doctor.list.placeholder == "загрузка…"
    assert doctor.model.rowCount() == 0
    return marks.therapist, surname(desk.resource_fio(marks.therapist))


async def test_enter_during_a_slow_doctor_list_books_the_right_doctor(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        form = desk.form
        therapist, name = await _clinic_then_slow_doctors(qtbot, desk)
        doctor = form.resource_picker
        type_text(doctor.edit, name.lower())
        qtbot.keyClick(doctor.edit, Qt.Key.Key_Return)
        typed_at = time.monotonic()
        assert desk.window.resource is None  # not lost: kept
        assert doctor.pending_enter
        await wait_until(lambda: desk.window.resource is not None, timeout=10, what="doctor")
        assert time.monotonic() - typed_at > 1.0  # it was taken when the list came, not before
        assert desk.window.resource.guid == therapist
        assert not doctor.loading and not doctor.pending_enter
        assert form.date_edit.hasFocus()  # the chain goes on as after any Enter
        form.date_edit.setFocus()
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Plus)
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, form.patient_picker)
        await wait_until(
            lambda: desk.window.ticket_view.card.isVisible(), timeout=10, what="ticket"
        )
        assert desk.sandbox.bookings[-1].resource_guid == therapist
        assert not desk.dialogs.shown


async def test_enter_during_a_slow_doctor_list_over_http(qtbot, tmp_path) -> None:
    async with open_http_desk(tmp_path) as desk:
        therapist, name = await _clinic_then_slow_doctors(qtbot, desk)
        doctor = desk.form.resource_picker
        type_text(doctor.edit, name)
        qtbot.keyClick(doctor.edit, Qt.Key.Key_Return)
        assert desk.window.resource is None
        await wait_until(lambda: desk.window.resource is not None, timeout=10, what="doctor")
        assert desk.window.resource.guid == therapist
        assert desk.form.date_edit.hasFocus()


async def test_typing_after_enter_while_loading_waits_for_a_new_enter(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        _, name = await _clinic_then_slow_doctors(qtbot, desk)
        doctor = desk.form.resource_picker
        type_text(doctor.edit, name[:2])
        qtbot.keyClick(doctor.edit, Qt.Key.Key_Return)
        assert doctor.pending_enter
        type_text(doctor.edit, name[2:])  # still typing: that Enter was too early
        assert not doctor.pending_enter
        await wait_until(lambda: not doctor.loading, timeout=10, what="doctor list")
        assert desk.window.resource is None
        assert rows(doctor)[0].startswith(name)
        assert doctor.edit.hasFocus()


async def test_a_late_choice_does_not_take_the_focus_from_elsewhere(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        therapist, name = await _clinic_then_slow_doctors(qtbot, desk)
        doctor = desk.form.resource_picker
        type_text(doctor.edit, name)
        qtbot.keyClick(doctor.edit, Qt.Key.Key_Return)
        desk.form.patient_picker.setFocus()  # the operator went on to the patient meanwhile
        await wait_until(lambda: desk.window.resource is not None, timeout=10, what="doctor")
        assert desk.window.resource.guid == therapist
        assert desk.form.patient_picker.hasFocus()


async def test_a_list_that_fails_to_load_says_so_and_drops_the_enter(qtbot) -> None:
    picker = SearchPicker("x", "")
    qtbot.addWidget(picker)
    picker.show()
    accepted = []
    picker.accepted.connect(accepted.append)
    picker.set_loading(True)
    assert picker.list.placeholder == "загрузка…"
    type_text(picker.edit, "тер")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.pending_enter
    picker.set_unavailable("не загружено")
    assert not picker.loading and not picker.pending_enter
    assert picker.list.placeholder == "не загружено"
    picker.set_items(
        resource_items([Resource(guid="g", fio="Иванов И. И.", speciality="Терапевт")])
    )
    assert accepted == []  # the dropped Enter is not replayed by a later load
    assert picker.list.placeholder == ""
    assert picker.model.rowCount() == 1


async def test_the_list_says_when_nothing_matches(qtbot) -> None:
    picker = SearchPicker("x", "")
    qtbot.addWidget(picker)
    picker.show()
    picker.set_items(
        resource_items([Resource(guid="g", fio="Иванов И. И.", speciality="Терапевт")])
    )
    type_text(picker.edit, "хирург")
    assert picker.model.rowCount() == 0
    assert picker.list.placeholder == "ничего не найдено"
    assert picker.edit.accessibleDescription() == "ничего не найдено"
    picker.set_items([])
    assert picker.list.placeholder == "список пуст"


async def test_clinic_rows_without_a_street_or_address(qtbot) -> None:
    from desktop_app.api import Clinic

    bare = clinic_item(Clinic(guid="c1", fer_name="ФАП Боровое"))
    assert bare.text == "ФАП Боровое" and bare.detail is None
    town = clinic_item(Clinic(guid="c2", name="ЦРБ", address="169420, г. Заречный"))
    assert town.text == "ЦРБ — г. Заречный"


async def test_detail_text_keeps_a_readable_contrast(qtbot) -> None:
    from PySide6.QtGui import QColor, QPalette

    from desktop_app.ui.desk.search_picker import MIN_CONTRAST, contrast, detail_color

    picker = SearchPicker("x", "")
    qtbot.addWidget(picker)
    palette = picker.list.palette()
    pairs = [
        (palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)),
        (QColor("#000000"), QColor("#ffffff")),
        (QColor("#ffffff"), QColor("#202020")),  # a dark theme
        (QColor("#1a1a1a"), QColor("#fff8d6")),  # the training tint
    ]
    for text, base in pairs:
        lighter = detail_color(text, base)
        assert contrast(lighter, base) >= MIN_CONTRAST
        assert contrast(lighter, base) < contrast(text, base)  # and still lighter


async def test_more_rows_line_sits_inside_the_list_and_moves_nothing(qtbot) -> None:
    picker = SearchPicker("x", "")
    qtbot.addWidget(picker)
    picker.resize(400, 300)
    picker.show()
    resources = [
        Resource(guid=f"g{i}", fio=f"Иванов{i:03d} Иван Иванович", speciality="Терапевт")
        for i in range(400)
    ]
    picker.set_items(resource_items(resources))
    geometry = picker.list.geometry()
    assert picker.more.isVisibleTo(picker)
    assert picker.more.text() == "и ещё 100 — уточните поиск"
    assert picker.more.parent() is picker.list
    type_text(picker.edit, "иванов001")
    assert not picker.more.isVisibleTo(picker)
    assert picker.list.geometry() == geometry
    assert picker.match_count == 1


async def test_ctrl_enter_while_the_doctor_list_loads_books_once_it_is_there(
    qtbot, tmp_path
) -> None:
    """The patient first, then the clinic, the doctor, Enter and Ctrl+Enter before the list
    came: the booking waits for the list and goes to the doctor typed, once."""
    async with open_desk(tmp_path) as desk:
        form = desk.form
        form.date_edit.setFocus()
        qtbot.keyClick(form.date_edit, Qt.Key.Key_Plus)
        choose_patient(qtbot, desk, "adult")
        therapist, name = await _clinic_then_slow_doctors(qtbot, desk)
        type_text(form.resource_picker.edit, name.lower())
        qtbot.keyClick(form.resource_picker.edit, Qt.Key.Key_Return)
        ctrl_enter(qtbot, form.resource_picker.edit)
        assert desk.window.resource is None and desk.posts() == 0
        assert "загружается" in desk.window.status_text.text()
        await wait_until(
            lambda: desk.window.ticket_view.card.isVisible(), timeout=15, what="ticket"
        )
        assert desk.posts() == 1
        assert desk.sandbox.bookings[-1].resource_guid == therapist
        assert not desk.dialogs.shown
