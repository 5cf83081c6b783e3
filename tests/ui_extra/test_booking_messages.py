"""Every booking outcome has words for the operator: what happened and what to do."""

from __future__ import annotations

import pytest

from desktop_app.booking import BookingOutcome, OutcomeKind, Reason
from desktop_app.ui.desk.messages import booking_message
from desktop_app.ui.platform.dialogs import Severity

K, R = OutcomeKind, Reason

CASES = [
    (K.REFUSED, R.VALIDATION, "Запись не создана"),
    (K.REFUSED, R.CREDENTIALS, "Токен отклонён"),
    (K.REFUSED, R.UNAVAILABLE, "Поликлиника недоступна"),
    (K.REFUSED, R.NOT_FOUND, "Не найдено"),
    (K.REFUSED, R.REQUEST, "Сервер отказал"),
    (K.NOT_SENT, R.INVALID_INPUT, "Проверьте данные"),
    (K.NOT_SENT, R.TOKEN_UNSENDABLE, "Проверьте токен"),
    (K.NOT_SENT, R.NETWORK, "Нет связи с сервером"),
    (K.NOT_SENT, R.CERTIFICATE, "Сертификат сервера не доверенный"),
    (K.NOT_SENT, R.JOURNAL, "Журнал смены недоступен"),
    (K.UNKNOWN, R.NO_ANSWER, "Результат записи неизвестен"),
    (K.UNKNOWN, R.GATEWAY, "Результат записи неизвестен"),
    (K.UNKNOWN, R.REDIRECT, "Результат записи неизвестен"),
    (K.UNKNOWN, R.UNREADABLE, "Результат записи неизвестен"),
    (K.UNKNOWN, R.TOO_LARGE, "Результат записи неизвестен"),
    (K.UNKNOWN, R.LOCAL_ERROR, "Результат записи неизвестен"),
    (K.BOOKED_UNREADABLE, R.UNREADABLE, "Запись, вероятно, создана"),
]


@pytest.mark.parametrize(("kind", "reason", "title"), CASES)
@pytest.mark.parametrize("training", [False, True])
def test_each_outcome_says_what_happened_and_what_to_do(kind, reason, title, training) -> None:
    outcome = BookingOutcome(
        kind, reason, status=502, message_code="4009", server_message="Время занято", field="token"
    )
    message = booking_message(outcome, training=training, log_path="C:/logs/desk-app.log")
    assert message is not None
    assert message.title == title
    assert message.text and message.details  # what happened, and what to do
    if outcome.may_exist:
        assert "проверьте" in message.details.lower()  # check before booking again
        assert message.severity is Severity.WARNING
    if training and reason is not R.TOKEN_UNSENDABLE:  # training issues its own tokens
        assert "«Токен»" not in message.text + message.details  # no such field in training


def test_no_dialog_for_a_ticket_the_operator_chose_to_check_or_a_busy_desk() -> None:
    assert booking_message(BookingOutcome(K.BOOKED, R.OK)) is None
    assert booking_message(BookingOutcome(K.NOT_SENT, R.DECLINED)) is None
    assert booking_message(BookingOutcome(K.NOT_SENT, R.BUSY)) is None
    unsaved = booking_message(BookingOutcome(K.BOOKED, R.OK, journal_saved=False))
    assert unsaved is not None and unsaved.title == "Талон не записан в журнал смены"
