"""The ticket card (issue 11 §7, issue 10 §2/§4): each fact once, by name, for whom, cancelled.

* role and speciality merged when one contains the other ("Врач-терапевт участковый" /
  "Терапевт участковый" → one line); both kept when they differ;
* the busy type by its name, never a raw code ("(4)", "код 4");
* the patient the ticket belongs to, prominently, when known;
* a cancelled ticket marked "ОТМЕНЕНА" in red and greyed;
* at font scale 1.5 no label is cut: every text fits its label (wrapping), nothing has a fixed
  height; the card in the window's scroll area grows instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea

from desktop_app.api import BusyType
from desktop_app.api.models import TicketVisitWithLpu
from desktop_app.ui.desk.ticket_view import (
    CANCELLED_COLOUR,
    TicketView,
    busy_type_name,
    doctor_lines,
)
from desktop_app.ui.platform.palette import contrast_ratio

PATIENT = "Лебедев А. П., д. р. 12.04.1985"


def ticket(**overrides) -> TicketVisitWithLpu:
    data = {
        "num": "17",
        "room": "214",
        "flat": 2,
        "docFio": "Смирнова Ольга Ивановна",
        "doctorRole": "Врач-терапевт участковый",
        "speciality": "Терапевт участковый",
        "beginTime": "2026-12-03T08:00:00+03:00",
        "endTime": "2026-12-03T08:12:00+03:00",
        "busyType": {"code": "4", "name": "Приём вне расписания (4)"},
        "lpu": {
            "ferName": "ГП № 3",
            "address": "г. Сыктывкар, ул. Ленина, д. 10",
            "phone": "8 (8212) 00-00-00",
            "status": {"name": "Online", "ping": 12, "lastChangeTime": "2026-12-02T07:00:00"},
        },
        "dateOfAppointment": "2026-12-02T09:30:00+03:00",
        "sourceName": "Регистратура",
        "login": "operator1",
    }
    data.update(overrides)
    return TicketVisitWithLpu.model_validate(data)


@pytest.fixture
def view(qtbot) -> TicketView:
    card = TicketView()
    qtbot.addWidget(card)
    return card


# -- role and speciality --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "speciality", "expected"),
    [
        (
            "Врач-терапевт участковый",
            "Терапевт участковый",
            ["Смирнова О. И., Врач-терапевт участковый"],
        ),
        ("терапевт", "Врач-ТЕРАПЕВТ", ["Смирнова О. И., Врач-ТЕРАПЕВТ"]),  # the fuller one
        ("Врач-хирург", "Онколог", ["Смирнова О. И., Врач-хирург", "Онколог"]),
        ("Хирург", "хирург", ["Смирнова О. И., Хирург"]),
        (None, "Офтальмолог", ["Смирнова О. И.", "Офтальмолог"]),
        ("Врач-педиатр", None, ["Смирнова О. И., Врач-педиатр"]),
        ("Врач-акушёр-гинеколог", "акушер-гинеколог", ["Смирнова О. И., Врач-акушёр-гинеколог"]),
    ],
)
def test_role_and_speciality_are_merged_when_one_contains_the_other(
    role, speciality, expected
) -> None:
    assert doctor_lines("Смирнова О. И.", role, speciality) == expected


def test_the_card_says_the_doctor_s_role_once(view) -> None:
    view.show_ticket(ticket(), training=False)
    assert view.doctor.text() == "Смирнова Ольга Ивановна, Врач-терапевт участковый"
    assert "Терапевт участковый" not in view.doctor.text().split("\n")


# -- busy type ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("busy", "expected"),
    [
        ({"code": "4", "name": "Приём вне расписания (4)"}, "Приём вне расписания"),
        ({"code": "4", "name": "Первичный прием"}, "Первичный прием"),
        ({"code": "322"}, "ТМК врач-врач"),  # a documented code: its name
        ("Повторный приём [код 12]", "Повторный приём"),
        (4, None),  # an unknown bare code: no raw number on the card
        ({"code": "77", "name": "  "}, None),
    ],
)
def test_busy_type_is_a_name_never_a_raw_code(busy, expected) -> None:
    assert busy_type_name(BusyType.model_validate(busy)) == expected


def test_the_card_shows_the_busy_type_by_name(view) -> None:
    view.show_ticket(ticket(), training=False)
    assert view.busy_type.text() == "Приём вне расписания"
    view.show_ticket(ticket(busyType=4), training=False)
    assert view.busy_type.text() == "—"
    assert "4" not in view.busy_type.text()


# -- the patient ----------------------------------------------------------------------------------


def test_the_patient_is_shown_prominently_when_known(view) -> None:
    view.show()
    view.show_ticket(ticket(), training=False, patient=PATIENT)
    assert view.patient.isVisible() and view.patient_text == PATIENT
    # "д. р. ДД.ММ.ГГГГ" is kept on one line (no-break spaces) when the name wraps.
    assert view.patient.text() == PATIENT.replace("д. р. ", "д.\u00a0р.\u00a0")
    assert view.patient_caption.isVisible() and view.patient_caption.text() == "Пациент:"
    assert view.patient.font().bold()
    assert view.patient.font().pointSizeF() > view.clinic.font().pointSizeF()
    # Right under the title, above the ticket number.
    assert view.patient.y() < view.number.y()

    view.show_ticket(ticket(), training=False)  # an older caller: no patient given
    assert not view.patient.isVisible() and not view.patient_caption.isVisible()
    view.show_ticket(ticket(), training=False, patient=PATIENT)
    view.clear()
    assert view.patient_text is None and not view.card.isVisible()


# -- cancelled ------------------------------------------------------------------------------------


def test_a_cancelled_ticket_is_marked_in_red_and_greyed(view) -> None:
    view.show()
    view.show_ticket(ticket(), training=False, patient=PATIENT)
    assert not view.cancelled_mark.isVisible()
    assert not view.number.font().strikeOut()

    view.set_cancelled(True)
    assert view.cancelled and view.cancelled_mark.isVisible()
    assert view.cancelled_mark.text() == "ОТМЕНЕНА"
    assert CANCELLED_COLOUR in view.cancelled_mark.styleSheet()
    assert view.number.font().strikeOut()
    greyed = [label for label in (view.number, view.doctor, view.when, view.patient)]
    for label in greyed:
        assert "color:" in label.styleSheet()
    assert "отменена" in view.accessibleName()
    # Grey, yet still readable on the window and on the training tint.
    colour = view.number.styleSheet().split("color:")[1].strip(" ;")
    for background in ("#efefef", "#fff8e1", "#ffffff"):
        assert contrast_ratio(colour, background) >= 4.5
        assert contrast_ratio(CANCELLED_COLOUR, background) >= 4.5

    view.set_cancelled(False)
    assert not view.cancelled_mark.isVisible() and not view.number.font().strikeOut()
    view.set_cancelled(True)
    view.show_ticket(ticket(num="18"), training=False)  # the next ticket starts valid
    assert not view.cancelled and not view.cancelled_mark.isVisible()


# -- font scale -----------------------------------------------------------------------------------


@pytest.fixture
def big_font(qapp) -> Iterator[None]:
    """The app's font scale 150 % (app.py: 11 pt × scale on the application font)."""
    previous = QFont(qapp.font())
    font = QFont(previous)
    font.setPointSizeF(11.0 * 1.5)
    qapp.setFont(font)
    yield
    qapp.setFont(previous)


def _cut(label: QLabel) -> str | None:
    """Why ``label``'s text does not fit its rectangle, or None."""
    text = label.text()
    if not text:
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"needs {needed} px of height, has {label.height()}"
        # Qt breaks lines at spaces and after hyphens (Unicode line breaking).
        words = [w for w in re.split(r"\s+|(?<=-)", text) if w]
        longest = max(label.fontMetrics().horizontalAdvance(w) for w in words)
        if longest > label.width() + 1:
            return f"a word needs {longest} px, the label is {label.width()} wide"
        return None
    if label.sizeHint().width() > label.width() + 1:
        return f"needs {label.sizeHint().width()} px of width, has {label.width()}"
    return None


@pytest.mark.parametrize(("width", "stacked"), [(380, True), (460, True), (720, False)])
def test_nothing_is_cut_at_font_scale_150(qtbot, big_font, width, stacked) -> None:
    """As in the window: the card in a resizable scroll area of a fixed size. Narrow, the
    captions go above the values; the longest unbreakable word here (a 20-letter surname
    part in the doctor's bold font) needs ~330 px, below that the area scrolls sideways."""
    long = ticket(
        docFio="Константинопольская-Щедрина Александра Вячеславовна",
        doctorRole="Врач-акушер-гинеколог участковый",
        speciality="Акушер-гинеколог",
        busyType={"name": "Приём по направлению из другой медицинской организации (4)"},
        lpu={
            "ferName": "ГБУЗ РК «Сыктывкарская городская поликлиника № 3»",
            "address": "г. Сыктывкар, ул. Интернациональная, д. 148, корп. 2, вход со двора",
            "phone": "8 (8212) 00-00-00",
            "status": {"name": "Online", "ping": 1234, "lastChangeTime": "2026-12-02T07:00:00"},
        },
    )
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view = TicketView()
    area.setWidget(view)
    qtbot.addWidget(area)
    area.resize(width, 420)
    area.show()
    qtbot.waitExposed(area)
    view.show_ticket(long, training=True, patient=PATIENT)
    view.set_cancelled(True)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: view.number.width() > 0)

    assert area.horizontalScrollBar().maximum() == 0, "the card is wider than its place"
    assert view.stacked is stacked
    cut = {
        label.objectName() or label.text(): why
        for label in view.findChildren(QLabel)
        if label.isVisibleTo(view) and (why := _cut(label))
    }
    assert cut == {}
    for label in view.findChildren(QLabel):
        if label.isVisibleTo(view):
            assert label.maximumHeight() >= 10_000, f"{label.objectName()} has a fixed height"
            right = label.mapTo(view, label.rect().topRight()).x()
            assert right <= view.width(), label.objectName()
    # The scroll area reaches the bottom of the card: scrolling shows the last line.
    assert view.height() >= view.minimumSizeHint().height()


def test_the_card_reflows_both_ways_as_its_width_changes(qtbot, big_font) -> None:
    area = QScrollArea()
    area.setWidgetResizable(True)
    view = TicketView()
    area.setWidget(view)
    qtbot.addWidget(area)
    area.resize(900, 500)
    area.show()
    qtbot.waitExposed(area)
    view.show_ticket(ticket(), training=False, patient=PATIENT)
    qtbot.waitUntil(lambda: not view.stacked)
    qtbot.waitUntil(lambda: view.patient_caption.y() == view.patient.y())  # side by side
    area.resize(360, 500)
    qtbot.waitUntil(lambda: view.stacked)
    qtbot.waitUntil(lambda: view.patient_caption.y() < view.patient.y())  # caption above
    assert area.horizontalScrollBar().maximum() == 0
    area.resize(900, 500)
    qtbot.waitUntil(lambda: not view.stacked)
