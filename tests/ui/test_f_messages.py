"""The words of issue 10's messages, and the pre-send questions as real message boxes: which
buttons, which is the default (the safe one), what Esc and a click answer."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.api import (
    BookingRejected,
    CertificateError,
    MalformedAnswer,
    NetworkError,
    NotFound,
    ServiceUnavailable,
)
from desktop_app.booking import BookingOutcome, CancelKind, CancelOutcome, OutcomeKind, Reason
from desktop_app.journal import ShiftJournal
from desktop_app.ui.desk.messages import (
    DUPLICATE_BOOK,
    DUPLICATE_SHOW,
    DUPLICATE_SKIP,
    OFFLINE_SEND,
    OFFLINE_SKIP,
    booking_message,
    cancel_message,
    duplicate_question,
    offline_question,
    patient_lookup_message,
)
from desktop_app.ui.platform.dialogs import Dialogs, RecordingDialogs
from tests.ui.asyncwait import wait_until
from tests.ui.test_f_kit import button, wait_box
from tests.ui_extra.kit import LPU, RES, ticket


@pytest.fixture
def journal(tmp_path):
    j = ShiftJournal(
        tmp_path / "j.sqlite3", clock=lambda: datetime(2026, 11, 26, 9, 0).astimezone()
    )
    yield j
    j.close()


def booked_entry(journal: ShiftJournal):
    attempt = journal.record_attempt(
        lpu_guid=LPU,
        resource_guid=RES,
        day=datetime(2026, 11, 27).date(),
        at=None,
        patient_key="a" * 64,
        patient_label="Лебедев А. П., д. р. 12.04.1985",
        clinic_name="ГП № 3",
        resource_name="Смирнова Елена Викторовна",
        training=False,
        speciality="Терапия",
    )
    journal.record_success(attempt, ticket(num="12"))
    entry = journal.get(attempt)
    assert entry is not None
    return entry


async def _host(qtbot) -> QWidget:
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    return host


@pytest.mark.asyncio
async def test_duplicate_question_defaults_to_not_booking(qtbot, journal) -> None:
    host = await _host(qtbot)
    question = duplicate_question([booked_entry(journal)])
    assert question.default == DUPLICATE_SKIP
    dialogs = Dialogs(host)

    asking = asyncio.ensure_future(question.ask(dialogs))
    box = await wait_box("duplicate question")
    assert box.windowTitle() == "У пациента уже есть запись"
    assert box.text().startswith(
        "По журналу смены у этого пациента уже есть запись на эту специальность в этот день:"
    )
    assert "• талон № 12, 10:20, Смирнова Елена Викторовна, Терапия" in box.text()
    assert "отмените ту запись из журнала смены" in box.informativeText()
    labels = sorted(b.text() for b in box.buttons())
    assert labels == ["Записать всё равно", "Не записывать", "Показать запись"]
    assert box.defaultButton() is button(box, "Не записывать")
    assert box.escapeButton() is button(box, "Не записывать")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert await asyncio.wait_for(asking, 5) == DUPLICATE_SKIP

    asking = asyncio.ensure_future(question.ask(dialogs))
    box = await wait_box("duplicate question")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter is the default: still not booked
    assert await asyncio.wait_for(asking, 5) == DUPLICATE_SKIP

    for label, key in (("Записать всё равно", DUPLICATE_BOOK), ("Показать запись", DUPLICATE_SHOW)):
        asking = asyncio.ensure_future(question.ask(dialogs))
        box = await wait_box("duplicate question")
        qtbot.mouseClick(button(box, label), Qt.MouseButton.LeftButton)
        assert await asyncio.wait_for(asking, 5) == key
        await wait_until(lambda b=box: not b.isVisible(), what="closed")

    recorded = RecordingDialogs(choices=[DUPLICATE_BOOK])
    assert await question.ask(recorded) == DUPLICATE_BOOK
    assert await question.ask(recorded) == DUPLICATE_SKIP  # no answer left: the default
    assert recorded.offered[0][1] == DUPLICATE_SKIP


@pytest.mark.asyncio
async def test_offline_and_stale_clinic_questions(qtbot) -> None:
    host = await _host(qtbot)
    dialogs = Dialogs(host)
    offline = offline_question("ГП № 3", stale=False)
    asking = asyncio.ensure_future(offline.ask(dialogs))
    box = await wait_box("offline question")
    assert box.windowTitle() == "Поликлиника не в сети"
    assert "«ГП № 3»" in box.text()
    assert box.defaultButton() is button(box, "Не отправлять")
    assert box.escapeButton() is button(box, "Не отправлять")
    qtbot.mouseClick(button(box, "Отправить всё равно"), Qt.MouseButton.LeftButton)
    assert await asyncio.wait_for(asking, 5) == OFFLINE_SEND

    stale = offline_question(None, stale=True)
    asking = asyncio.ensure_future(stale.ask(dialogs))
    box = await wait_box("stale question")
    assert box.windowTitle() == "Статус поликлиники давно не обновлялся"
    assert "«выбранная поликлиника»" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert await asyncio.wait_for(asking, 5) == OFFLINE_SKIP

    with pytest.raises(ValueError):
        await dialogs.choose(stale.message, stale.buttons, "nonsense")


def test_duplicate_not_sent_needs_no_second_dialog() -> None:
    outcome = BookingOutcome(OutcomeKind.NOT_SENT, Reason.DUPLICATE)
    assert booking_message(outcome) is None


def test_cancel_outcomes_in_words() -> None:
    def words(**kw):
        message = cancel_message(CancelOutcome(**kw))
        assert message is not None
        return message

    done = words(kind=CancelKind.DONE, reason=Reason.OK)
    assert (done.title, done.text) == (
        "Запись отменена",
        "Запись отменена. Время приёма освободилось.",
    )
    unsaved = words(kind=CancelKind.DONE, reason=Reason.OK, journal_saved=False)
    assert "отметить это в журнале смены не удалось" in unsaved.text
    refused = words(
        kind=CancelKind.REFUSED, reason=Reason.VALIDATION, status=400, message_code="4021"
    )
    assert refused.text == "Время приёма уже прошло — отменить нельзя."
    inactive = words(
        kind=CancelKind.REFUSED, reason=Reason.VALIDATION, status=400, message_code="4022"
    )
    assert inactive.text == "Запись уже отменена или неактивна."
    other = words(
        kind=CancelKind.REFUSED,
        reason=Reason.CREDENTIALS,
        status=403,
        message_code="5009",
        server_message="Чужой токен",
    )
    assert other.title == "Токен отклонён" and "Чужой токен" in (other.details or "")
    unknown = words(kind=CancelKind.UNKNOWN, reason=Reason.NO_ANSWER)
    assert unknown.text == (
        "Результат отмены неизвестен — проверьте в регистратуре/МИС, не отменяйте "
        "повторно без проверки."
    )
    no_guid = words(kind=CancelKind.NOT_SENT, reason=Reason.INVALID_INPUT, field="ticket_guid")
    assert no_guid.title == "Отмена не отправлена" and "Отмените запись в МИС" in no_guid.text
    assert "запись не отменена" in (no_guid.details or "")
    offline = words(kind=CancelKind.NOT_SENT, reason=Reason.NETWORK)
    assert offline.title == "Нет связи с сервером"
    journal = words(kind=CancelKind.NOT_SENT, reason=Reason.JOURNAL)
    assert "поэтому запрос не отправлялся" in journal.text
    assert cancel_message(CancelOutcome(CancelKind.NOT_SENT, Reason.BUSY)) is None


def test_patient_lookup_errors_in_words() -> None:
    found = patient_lookup_message(NotFound("x", status=404, message_code="4041"))
    assert found.title == "Пациент не найден"
    several = patient_lookup_message(
        BookingRejected("x", status=400, message_code="4042"), by_surname=True
    )
    assert "по номеру полиса ОМС" in (several.details or "")
    by_policy = patient_lookup_message(BookingRejected("x", status=400, message_code="4042"))
    assert "объединить в МИС" in (by_policy.details or "")
    form = patient_lookup_message(BookingRejected("x", status=400, message_code="4036"))
    assert form.title == "Проверьте данные пациента" and "16 цифр" in (form.details or "")
    for error in (
        ServiceUnavailable("x", status=503),
        MalformedAnswer("x", status=200),
        NetworkError("x"),
    ):
        message = patient_lookup_message(error)
        assert "«Вставить токен…»" in (message.details or ""), error
    assert patient_lookup_message(CertificateError("x")).title == (
        "Сертификат сервера не доверенный"
    )
    bug = patient_lookup_message(RuntimeError("boom"), log_path="/tmp/desk.log")
    assert "/tmp/desk.log" in (bug.details or "")
