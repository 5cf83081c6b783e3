"""Booking outcomes and registry errors → what the operator reads: what happened, what to do.

Nothing here decides what happened: a booking's outcome comes from
``desktop_app.booking.outcome.classify``; other calls' errors are looked up by their
``ErrorFamily``. This module only words them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from desktop_app.api import ApiError, ErrorFamily
from desktop_app.booking import BookingOutcome, OutcomeKind, Reason
from desktop_app.ui.platform.dialogs import Message, Severity

# lupdate reads translate("Context", "literal") calls, so every string keeps its context.
translate = QCoreApplication.translate


def _advice_for_code(code: str | None) -> str:
    advice = {
        "4009": translate("Errors", "Выберите другое время или другой день приёма."),
        "4008": translate(
            "Errors",
            "У пациента уже есть запись на эту специальность. Найдите существующую запись "
            "и при необходимости отмените её, прежде чем записывать снова.",
        ),
        "4005": translate(
            "Errors",
            "Детская поликлиника не принимает пациентов старше 18 лет. Выберите другую "
            "поликлинику.",
        ),
        "4029": translate(
            "Errors",
            "Врач не принимает пациентов этого возраста. Выберите другого врача или другую "
            "поликлинику.",
        ),
        "4007": translate(
            "Errors",
            "Запись запрещена правилами регистратуры для этого пациента. Действуйте по "
            "правилам вашей регистратуры (например, запись через заведующего или по "
            "направлению).",
        ),
        "4036": translate(
            "Errors", "Не выбран врач или дата. Проверьте выбор врача и даты и повторите запись."
        ),
    }
    return advice.get(
        code or "", translate("Errors", "Исправьте данные записи и повторите попытку.")
    )


def _server_line(server_message: str | None, message_code: str | None, status: int | None) -> str:
    parts = []
    if server_message:
        parts.append(translate("Errors", "Ответ сервера: «{0}»").format(server_message))
    code = message_code or (str(status) if status else None)
    if code:
        parts.append(translate("Errors", "Код: {0}").format(code))
    return "\n".join(parts)


def _lines(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def _log_hint(log_path: str | None) -> str:
    return translate("Errors", "Подробности записаны в журнал программы{0}.").format(
        f": {log_path}" if log_path else ""
    )


def _check_first() -> str:
    return translate(
        "Errors",
        "Прежде чем записывать пациента снова, проверьте, есть ли у него запись "
        "(в МИС или по телефону регистратуры поликлиники). Повторно запрос "
        "автоматически не отправлялся.",
    )


def booking_message(
    outcome: BookingOutcome, *, training: bool = False, log_path: str | None = None
) -> Message | None:
    """The dialog for a booking outcome; None when there is nothing to say (a ticket)."""
    server = _server_line(outcome.server_message, outcome.message_code, outcome.status)
    kind, reason = outcome.kind, outcome.reason
    if kind is OutcomeKind.BOOKED:
        if outcome.journal_saved:
            return None
        return Message(
            Severity.WARNING,
            translate("Errors", "Талон не записан в журнал смены"),
            translate(
                "Errors",
                "Пациент записан, талон на экране. Но записать талон в журнал смены не "
                "удалось (диск заполнен или файл журнала занят).",
            ),
            _lines(
                translate(
                    "Errors",
                    "Напечатайте талон сейчас. Программа повторит запись в журнал перед "
                    "следующей записью; освободите место на диске или сообщите в ИТ-отдел.",
                ),
                _log_hint(log_path),
            ),
        )
    if kind is OutcomeKind.BOOKED_UNREADABLE:
        return Message(
            Severity.WARNING,
            translate("Errors", "Запись, вероятно, создана"),
            translate(
                "Errors",
                "Сервер подтвердил запрос на запись, но его ответ не удалось прочитать, "
                "поэтому талон показать нельзя. Запись, скорее всего, СОЗДАНА.",
            ),
            _lines(_check_first(), server, _log_hint(log_path)),
        )
    if kind is OutcomeKind.UNKNOWN:
        texts = {
            Reason.GATEWAY: translate(
                "Errors",
                "Запрос на запись был отправлен, но вместо ответа регистратуры пришла ошибка "
                "шлюза или сервера. Запись МОГЛА быть создана, а могла и нет.",
            ),
            Reason.LOCAL_ERROR: translate(
                "Errors",
                "Запрос на запись был отправлен, но программа не смогла обработать ответ. "
                "Запись МОГЛА быть создана, а могла и нет.",
            ),
        }
        return Message(
            Severity.WARNING,
            translate("Errors", "Результат записи неизвестен"),
            texts.get(
                reason,
                translate(
                    "Errors",
                    "Запрос на запись был отправлен, но ответ сервера не получен или не прочитан. "
                    "Запись МОГЛА быть создана, а могла и нет.",
                ),
            ),
            _lines(
                _check_first(), server if reason is Reason.GATEWAY else None, _log_hint(log_path)
            ),
        )
    if kind is OutcomeKind.REFUSED:
        return _refusal(outcome, server, training=training)
    return _not_sent(outcome, training=training, log_path=log_path)


def _refusal(outcome: BookingOutcome, server: str, *, training: bool) -> Message:
    reason = outcome.reason
    if reason is Reason.VALIDATION:
        return Message(
            Severity.WARNING,
            translate("Errors", "Запись не создана"),
            outcome.server_message or translate("Errors", "Сервер отказал в записи."),
            _lines(
                translate("Errors", "Код: {0}").format(outcome.message_code or outcome.status),
                _advice_for_code(outcome.message_code),
            ),
        )
    if reason is Reason.CREDENTIALS:
        advice = (
            translate("Errors", "Выберите пациента ещё раз и повторите запись.")
            if training
            else translate("Errors", "Получите новый токен и вставьте его в поле «Токен».")
        )
        return Message(
            Severity.ERROR,
            translate("Errors", "Токен отклонён"),
            translate(
                "Errors",
                "Сервер не принял токен пациента: он неверный или срок его действия истёк. "
                "Запись не создана.",
            ),
            _lines(advice, server),
        )
    # The other refusals read as the same error of any call, plus that nothing was booked.
    family = {
        Reason.UNAVAILABLE: ErrorFamily.UNAVAILABLE,
        Reason.NOT_FOUND: ErrorFamily.NOT_FOUND,
    }.get(reason, ErrorFamily.REQUEST)
    message = _message_for_family(family, None, server=server)
    nothing_booked = translate("Errors", "Запись не создана.")
    return replace(message, text=f"{message.text} {nothing_booked}")


def _not_sent(outcome: BookingOutcome, *, training: bool, log_path: str | None) -> Message | None:
    reason = outcome.reason
    if reason in (Reason.DECLINED, Reason.BUSY):
        return None  # the operator chose it, or a booking is already on its way
    if reason is Reason.TOKEN_UNSENDABLE:
        return Message(
            Severity.WARNING,
            translate("Errors", "Проверьте токен"),
            translate(
                "Errors",
                "В поле «Токен» есть символы, которых в токене не бывает (русские буквы или "
                "служебные символы). Запрос не отправлялся.",
            ),
            translate("Errors", "Скопируйте токен заново целиком и вставьте его в поле «Токен»."),
        )
    if reason is Reason.INVALID_INPUT:
        return _invalid_input(outcome.field, training=training)
    if reason is Reason.JOURNAL:
        return Message(
            Severity.ERROR,
            translate("Errors", "Журнал смены недоступен"),
            translate(
                "Errors",
                "Попытку записи не удалось сохранить в журнале смены, поэтому запрос не "
                "отправлялся. Запись не создана.",
            ),
            _lines(
                translate(
                    "Errors",
                    "Освободите место на диске или закройте другую копию программы, затем "
                    "повторите. Если не помогает, обратитесь в ИТ-отдел.",
                ),
                _log_hint(log_path),
            ),
        )
    if reason is Reason.CERTIFICATE:
        return _message_for_family(ErrorFamily.CERTIFICATE, log_path)
    return _message_for_family(ErrorFamily.NETWORK, log_path)


def _invalid_input(field: str | None, *, training: bool) -> Message:
    texts = {
        "lpu_guid": translate(
            "Errors",
            "GUID поликлиники указан неверно: нужен вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
        ),
        "resource_guid": translate(
            "Errors",
            "GUID врача указан неверно: нужен вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
        ),
        "day": translate(
            "Errors", "Дата приёма уже прошла. Выберите сегодняшний или будущий день."
        ),
        "token": (
            translate("Errors", "Не выбран учебный пациент. Выберите пациента.")
            if training
            else translate("Errors", "Не указан токен пациента. Вставьте токен в поле «Токен».")
        ),
    }
    return Message(
        Severity.WARNING,
        translate("Errors", "Проверьте данные"),
        texts.get(field or "", translate("Errors", "Данные записи заполнены неверно.")),
        translate("Errors", "Запрос не отправлялся."),
    )


def message_for(error: BaseException, log_path: str | None = None) -> Message:
    """A non-booking call's error (directory, status), looked up by its family."""
    if isinstance(error, ApiError):
        if error.family in (ErrorFamily.INVALID_INPUT, ErrorFamily.UNSENDABLE_TOKEN):
            return _invalid_input(getattr(error, "field", None), training=False)
        return _message_for_family(error.family, log_path, error)
    return Message(
        Severity.ERROR,
        translate("Errors", "Непредвиденная ошибка"),
        translate("Errors", "В программе произошла непредвиденная ошибка. Данные формы сохранены."),
        _log_hint(log_path),
    )


def _message_for_family(
    family: ErrorFamily, log_path: str | None, error: ApiError | None = None, *, server: str = ""
) -> Message:
    if error is not None:
        server = _server_line(error.server_message, error.message_code, error.status)
    if family is ErrorFamily.CERTIFICATE:
        return Message(
            Severity.ERROR,
            translate("Errors", "Сертификат сервера не доверенный"),
            translate(
                "Errors",
                "Защищённое соединение не установлено: сертификат сервера не подтверждён "
                "этим компьютером. Ничего не отправлено.",
            ),
            translate(
                "Errors",
                "Обратитесь в ИТ-отдел: нужно установить корневой сертификат (например, "
                "Минцифры) или указать файл сертификата в настройках.",
            ),
        )
    if family is ErrorFamily.NETWORK:
        return Message(
            Severity.ERROR,
            translate("Errors", "Нет связи с сервером"),
            translate("Errors", "Не удалось связаться с сервером регистратуры. Запись не создана."),
            translate(
                "Errors",
                "Проверьте подключение к сети и адрес сервера в настройках, затем повторите.",
            ),
        )
    if family in (ErrorFamily.UNREADABLE, ErrorFamily.TOO_LARGE, ErrorFamily.NO_ANSWER):
        return Message(
            Severity.ERROR,
            translate("Errors", "Непонятный ответ сервера"),
            translate(
                "Errors", "Сервер ответил что-то неожиданное, и программа не смогла это прочитать."
            ),
            translate(
                "Errors", "Повторите позже. Подробности записаны в журнал программы{0}."
            ).format(f": {log_path}" if log_path else ""),
        )
    if family is ErrorFamily.UNAVAILABLE:
        return Message(
            Severity.ERROR,
            translate("Errors", "Поликлиника недоступна"),
            translate(
                "Errors",
                "Сервер регистратуры или система поликлиники сейчас недоступны.",
            ),
            _lines(
                translate(
                    "Errors", "Повторите через несколько минут или выберите другую поликлинику."
                ),
                server,
            ),
        )
    if family is ErrorFamily.NOT_FOUND:
        return Message(
            Severity.ERROR,
            translate("Errors", "Не найдено"),
            translate("Errors", "Сервер не нашёл поликлинику, врача или адрес запроса."),
            _lines(
                translate(
                    "Errors", "Проверьте выбор поликлиники и врача (или GUID) и адрес сервера."
                ),
                server,
            ),
        )
    if family is ErrorFamily.CREDENTIALS:
        return Message(
            Severity.ERROR,
            translate("Errors", "Токен отклонён"),
            translate("Errors", "Сервер не принял токен: он неверный или срок его действия истёк."),
            _lines(
                translate("Errors", "Получите новый токен и вставьте его в поле «Токен»."), server
            ),
        )
    return Message(
        Severity.ERROR,
        translate("Errors", "Сервер отказал"),
        translate("Errors", "Сервер отказал в выполнении запроса."),
        server or None,
    )
