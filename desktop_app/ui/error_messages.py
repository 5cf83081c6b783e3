"""Registry errors → what the operator reads: what happened, and what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.api import (
    ApiError,
    BookingRejected,
    CertificateError,
    CredentialsRefused,
    InvalidRequestError,
    MalformedAnswer,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    RequestFailed,
    ServiceUnavailable,
)
from desktop_app.ui.dialogs import Message, Severity

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


def _server_line(error: ApiError) -> str:
    parts = []
    if error.server_message:
        parts.append(translate("Errors", "Ответ сервера: «{0}»").format(error.server_message))
    code = error.message_code or (str(error.status) if error.status else None)
    if code:
        parts.append(translate("Errors", "Код: {0}").format(code))
    return "\n".join(parts)


def message_for(error: BaseException, log_path: str | None = None) -> Message:
    """One Russian message per error class; the server's own text is always shown verbatim."""
    if isinstance(error, BookingRejected):
        text = error.server_message or translate("Errors", "Сервер отказал в записи.")
        return Message(
            Severity.WARNING,
            translate("Errors", "Запись не создана"),
            text,
            "\n".join(
                p
                for p in (
                    translate("Errors", "Код: {0}").format(error.message_code or error.status),
                    _advice_for_code(error.message_code),
                )
                if p
            ),
        )
    if isinstance(error, CredentialsRefused):
        return Message(
            Severity.ERROR,
            translate("Errors", "Токен отклонён"),
            translate(
                "Errors",
                "Сервер не принял токен пациента: он неверный или срок его действия истёк. "
                "Запись не создана.",
            ),
            "\n".join(
                p
                for p in (
                    translate("Errors", "Получите новый токен и вставьте его в поле «Токен»."),
                    _server_line(error),
                )
                if p
            ),
        )
    if isinstance(error, MalformedAnswer) and error.after_booking:
        return Message(
            Severity.WARNING,
            translate("Errors", "Непонятный ответ сервера"),
            translate(
                "Errors",
                "Сервер принял запрос на запись, но ответил что-то неожиданное, и программа "
                "не смогла прочитать талон. Запись МОГЛА быть создана.",
            ),
            translate(
                "Errors",
                "Прежде чем записывать пациента снова, проверьте, есть ли у него запись "
                "(в МИС или по телефону регистратуры поликлиники). Повторно запрос "
                "автоматически не отправлялся. Подробности записаны в журнал программы{0}.",
            ).format(f": {log_path}" if log_path else ""),
        )
    if isinstance(error, OutcomeUnknown):
        return Message(
            Severity.WARNING,
            translate("Errors", "Результат записи неизвестен"),
            translate(
                "Errors",
                "Запрос на запись был отправлен, но ответ сервера не получен или не прочитан. "
                "Запись МОГЛА быть создана, а могла и нет.",
            ),
            translate(
                "Errors",
                "Прежде чем записывать пациента снова, проверьте, есть ли у него запись "
                "(в МИС или по телефону регистратуры поликлиники). Повторно запрос "
                "автоматически не отправлялся.",
            ),
        )
    if isinstance(error, MalformedAnswer):
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
    if isinstance(error, ServiceUnavailable):
        return Message(
            Severity.ERROR,
            translate("Errors", "Поликлиника недоступна"),
            translate(
                "Errors",
                "Сервер регистратуры или система поликлиники сейчас недоступны. Запись не создана.",
            ),
            "\n".join(
                p
                for p in (
                    translate(
                        "Errors", "Повторите через несколько минут или выберите другую поликлинику."
                    ),
                    _server_line(error),
                )
                if p
            ),
        )
    if isinstance(error, CertificateError):
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
    if isinstance(error, NetworkError):
        return Message(
            Severity.ERROR,
            translate("Errors", "Нет связи с сервером"),
            translate("Errors", "Не удалось связаться с сервером регистратуры. Запись не создана."),
            translate(
                "Errors",
                "Проверьте подключение к сети и адрес сервера в настройках, затем повторите.",
            ),
        )
    if isinstance(error, NotFound):
        return Message(
            Severity.ERROR,
            translate("Errors", "Не найдено"),
            translate(
                "Errors", "Сервер не нашёл поликлинику, врача или адрес запроса. Запись не создана."
            ),
            "\n".join(
                p
                for p in (
                    translate(
                        "Errors", "Проверьте выбор поликлиники и врача (или GUID) и адрес сервера."
                    ),
                    _server_line(error),
                )
                if p
            ),
        )
    if isinstance(error, InvalidRequestError):
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
            "token": translate(
                "Errors", "Не указан токен пациента. Вставьте токен в поле «Токен»."
            ),
        }
        return Message(
            Severity.WARNING,
            translate("Errors", "Проверьте данные"),
            texts.get(error.field, translate("Errors", "Данные записи заполнены неверно.")),
            translate("Errors", "Запрос не отправлялся."),
        )
    if isinstance(error, RequestFailed | ApiError):
        return Message(
            Severity.ERROR,
            translate("Errors", "Сервер отказал"),
            translate("Errors", "Сервер отказал в выполнении запроса. Запись не создана."),
            _server_line(error) or None,
        )
    return Message(
        Severity.ERROR,
        translate("Errors", "Непредвиденная ошибка"),
        translate("Errors", "В программе произошла непредвиденная ошибка. Данные формы сохранены."),
        translate("Errors", "Подробности записаны в журнал программы{0}.").format(
            f": {log_path}" if log_path else ""
        ),
    )
