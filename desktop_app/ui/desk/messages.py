"""Booking outcomes and registry errors → what the operator reads: what happened, what to do.

Nothing here decides what happened: a booking's outcome comes from
``desktop_app.booking.outcome.classify``, a cancellation's from ``CancelService``; other calls'
errors are looked up by their ``ErrorFamily`` (and, for the patient lookup, the server's message
code). This module only words them, plus the questions asked before a booking is sent
(``duplicate_question``, ``offline_question``) and before a cancellation (``cancel_question``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop_app.api import ApiError, ErrorFamily
from desktop_app.booking import BookingOutcome, OutcomeKind, Reason
from desktop_app.booking.cancel import CancelKind, CancelOutcome
from desktop_app.text import hhmm
from desktop_app.ui.platform.dialogs import Message, Severity

if TYPE_CHECKING:
    from desktop_app.journal import JournalEntry

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
    if reason in (Reason.DECLINED, Reason.BUSY, Reason.DUPLICATE):
        # The operator chose it (check first / do not book twice), or a booking is on its way.
        return None
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


# -- the patient lookup (policy / surname + birth date → the patient's LPU token) ---------------


def _lookup_retry_advice() -> str:
    return translate(
        "Errors",
        "Повторите поиск через минуту. Если не помогает, получите токен пациента в сервисе "
        "авторизации и вставьте его: «Вставить токен…».",
    )


def patient_lookup_message(
    error: BaseException, *, by_surname: bool = False, log_path: str | None = None
) -> Message:
    """The dialog for a failed patient lookup: what happened and what to do next.

    The server's message code decides first (4041 not found, 4042 several cards, 4036 format),
    then the error's family; anything else reads as "the service is not answering".
    """
    if not isinstance(error, ApiError):
        return Message(
            Severity.ERROR,
            translate("Errors", "Пациент не найден: ошибка программы"),
            translate("Errors", "При поиске пациента в программе произошла ошибка."),
            _lines(_lookup_retry_advice(), _log_hint(log_path)),
        )
    code = error.message_code or ""
    server = _server_line(error.server_message, error.message_code, error.status)
    if code == "4041" or (not code and error.family is ErrorFamily.NOT_FOUND):
        return Message(
            Severity.WARNING,
            translate("Errors", "Пациент не найден"),
            translate(
                "Errors",
                "Сервис авторизации не нашёл пациента с такими данными.",
            ),
            _lines(
                translate(
                    "Errors",
                    "Проверьте номер полиса и дату рождения; попросите у пациента документ "
                    "(полис ОМС или выписку с ЕНП) и сверьте цифры.",
                ),
                server,
            ),
        )
    if code == "4042":
        advice = (
            translate(
                "Errors",
                "Найдите пациента по номеру полиса ОМС: по фамилии и дате рождения его не "
                "отличить от другого.",
            )
            if by_surname
            else translate(
                "Errors",
                "Обратитесь в регистратуру поликлиники: карты пациента нужно объединить в МИС.",
            )
        )
        return Message(
            Severity.WARNING,
            translate("Errors", "Найдено несколько карт"),
            translate("Errors", "Этим данным соответствует больше одной карты пациента."),
            _lines(advice, server),
        )
    if code == "4036" or error.family is ErrorFamily.INVALID_INPUT:
        return Message(
            Severity.WARNING,
            translate("Errors", "Проверьте данные пациента"),
            translate("Errors", "Данные пациента указаны в неверном формате."),
            _lines(
                translate(
                    "Errors",
                    "Полис ОМС (ЕНП) — 16 цифр, дата рождения — ДД.ММ.ГГГГ. Исправьте и "
                    "нажмите Enter.",
                ),
                server,
            ),
        )
    if error.family is ErrorFamily.CERTIFICATE:
        return _message_for_family(ErrorFamily.CERTIFICATE, log_path)
    if error.family is ErrorFamily.NETWORK:
        title = translate("Errors", "Нет связи с сервисом авторизации")
        text = translate(
            "Errors", "Не удалось связаться с сервисом авторизации. Пациент не найден."
        )
    else:
        title = translate("Errors", "Сервис авторизации не ответил")
        text = translate("Errors", "Сервис авторизации сейчас недоступен или ответил непонятно.")
    return Message(Severity.ERROR, title, text, _lines(_lookup_retry_advice(), server))


def no_clinic_for_lookup() -> Message:
    return Message(
        Severity.INFO,
        translate("Errors", "Сначала выберите поликлинику"),
        translate(
            "Errors",
            "Сначала выберите поликлинику: токен пациента выдаётся для одной поликлиники.",
        ),
    )


# -- cancelling a booking ------------------------------------------------------------------------


def cancel_question(summary: str, reason: str) -> Message:
    """The last question before the cancellation is sent (its default is "Не отменять")."""
    return Message(
        Severity.WARNING,
        translate("Errors", "Отменить запись?"),
        translate("Errors", "Отменить запись {0}?").format(summary),
        translate(
            "Errors", "Причина: {0}. Отмену нельзя вернуть: время приёма освободится."
        ).format(reason),
    )


def cancel_buttons() -> tuple[str, str]:
    """The confirmation's two buttons: (do it, keep the booking)."""
    return (
        translate("Errors", "&Отменить запись"),
        translate("Errors", "&Не отменять"),
    )


def cancel_message(outcome: CancelOutcome, *, log_path: str | None = None) -> Message | None:
    """The dialog for a cancellation's outcome; None when there is nothing to say."""
    server = _server_line(outcome.server_message, outcome.message_code, outcome.status)
    kind, reason = outcome.kind, outcome.reason
    if kind is CancelKind.DONE:
        if outcome.journal_saved:
            return Message(
                Severity.INFO,
                translate("Errors", "Запись отменена"),
                translate("Errors", "Запись отменена. Время приёма освободилось."),
            )
        return Message(
            Severity.WARNING,
            translate("Errors", "Запись отменена"),
            translate(
                "Errors",
                "Запись отменена, но отметить это в журнале смены не удалось (диск заполнен "
                "или файл журнала занят).",
            ),
            _lines(translate("Errors", "Не отменяйте эту запись повторно."), _log_hint(log_path)),
        )
    if kind is CancelKind.UNKNOWN:
        return Message(
            Severity.WARNING,
            translate("Errors", "Результат отмены неизвестен"),
            translate(
                "Errors",
                "Результат отмены неизвестен — проверьте в регистратуре/МИС, не отменяйте "
                "повторно без проверки.",
            ),
            _lines(
                translate(
                    "Errors",
                    "Запрос на отмену был отправлен, но ответ сервера не получен или не "
                    "прочитан. Повторно он автоматически не отправлялся.",
                ),
                server if reason is Reason.GATEWAY else None,
                _log_hint(log_path),
            ),
        )
    if kind is CancelKind.REFUSED:
        return _cancel_refusal(outcome, server)
    return _cancel_not_sent(outcome, log_path=log_path)


def _cancel_refusal(outcome: CancelOutcome, server: str) -> Message:
    code = outcome.message_code or ""
    not_cancelled = translate("Errors", "Запись не отменена.")
    if code == "4021":
        return Message(
            Severity.WARNING,
            translate("Errors", "Отменить нельзя"),
            translate("Errors", "Время приёма уже прошло — отменить нельзя."),
            _lines(not_cancelled, server),
        )
    if code == "4022":
        return Message(
            Severity.WARNING,
            translate("Errors", "Запись неактивна"),
            translate("Errors", "Запись уже отменена или неактивна."),
            _lines(
                translate("Errors", "Проверьте запись в МИС; отменять её повторно не нужно."),
                server,
            ),
        )
    if outcome.reason is Reason.CREDENTIALS:
        return Message(
            Severity.ERROR,
            translate("Errors", "Токен отклонён"),
            translate(
                "Errors",
                "Сервер не принял токен пациента для этой записи: он другого пациента или "
                "срок его действия истёк. Запись не отменена.",
            ),
            _lines(
                translate("Errors", "Найдите пациента этой записи заново и повторите отмену."),
                server,
            ),
        )
    if outcome.reason is Reason.NOT_FOUND:
        return Message(
            Severity.WARNING,
            translate("Errors", "Запись не найдена"),
            translate("Errors", "Сервер не нашёл этот талон. Запись не отменена."),
            _lines(translate("Errors", "Проверьте запись в МИС."), server),
        )
    if outcome.reason is Reason.UNAVAILABLE:
        return Message(
            Severity.ERROR,
            translate("Errors", "Поликлиника недоступна"),
            translate(
                "Errors",
                "Сервер регистратуры или система поликлиники сейчас недоступны. Запись не "
                "отменена.",
            ),
            _lines(translate("Errors", "Повторите отмену через несколько минут."), server),
        )
    return Message(
        Severity.ERROR,
        translate("Errors", "Сервер отказал в отмене"),
        outcome.server_message or translate("Errors", "Сервер отказал в отмене записи."),
        _lines(not_cancelled, translate("Errors", "Код: {0}").format(code or outcome.status)),
    )


def _cancel_not_sent(outcome: CancelOutcome, *, log_path: str | None) -> Message | None:
    reason = outcome.reason
    if reason in (Reason.DECLINED, Reason.BUSY):
        return None
    nothing = translate("Errors", "Запрос на отмену не отправлялся, запись не отменена.")
    if reason is Reason.JOURNAL:
        return Message(
            Severity.ERROR,
            translate("Errors", "Журнал смены недоступен"),
            translate(
                "Errors",
                "Отмену не удалось записать в журнал смены, поэтому запрос не отправлялся. "
                "Запись не отменена.",
            ),
            _lines(
                translate(
                    "Errors",
                    "Освободите место на диске или закройте другую копию программы, затем "
                    "повторите.",
                ),
                _log_hint(log_path),
            ),
        )
    if reason is Reason.CERTIFICATE:
        return _message_for_family(ErrorFamily.CERTIFICATE, log_path)
    if reason is Reason.NETWORK:
        return Message(
            Severity.ERROR,
            translate("Errors", "Нет связи с сервером"),
            translate("Errors", "Не удалось связаться с сервером регистратуры."),
            _lines(
                nothing,
                translate("Errors", "Проверьте подключение к сети и повторите отмену."),
            ),
        )
    field = outcome.field or ""
    if reason is Reason.TOKEN_UNSENDABLE:
        why = translate("Errors", "В токене пациента есть недопустимые символы.")
    elif field == "ticket_guid":
        why = translate(
            "Errors",
            "У этой записи нет номера (GUID) талона или он не совпадает с журналом: отменить "
            "её из программы нельзя. Отмените запись в МИС.",
        )
    elif field == "token":
        why = translate("Errors", "Пациент не найден: сначала найдите пациента этой записи.")
    elif field == "attempt_id":
        why = translate(
            "Errors", "Эта запись в журнале смены уже не активна (отменена или изменилась)."
        )
    else:
        why = translate("Errors", "Данные для отмены указаны неверно.")
    return Message(Severity.WARNING, translate("Errors", "Отмена не отправлена"), why, nothing)


# -- questions before a booking is sent ----------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A question with several answers: ``buttons`` are (key, label), ``default`` a key."""

    message: Message
    buttons: tuple[tuple[str, str], ...]
    default: str

    async def ask(self, dialogs: Any) -> str:
        """Ask through ``dialogs.choose``; the key of the answer (the default on Esc)."""
        return await dialogs.choose(self.message, self.buttons, self.default)


DUPLICATE_SHOW = "show"
DUPLICATE_BOOK = "book"
DUPLICATE_SKIP = "skip"
OFFLINE_SEND = "send"
OFFLINE_SKIP = "skip"


def _entry_line(entry: JournalEntry) -> str:
    parts: list[str] = []
    number = entry.ticket_num or (entry.ticket.num if entry.ticket else None)
    if number:
        parts.append(translate("Errors", "талон № {0}").format(number))
    when = entry.begin_time or (entry.ticket.begin_time if entry.ticket else None)
    if when is not None:
        parts.append(hhmm(when))
    elif entry.at is not None:
        parts.append(hhmm(entry.at))
    doctor = entry.resource_name or (entry.ticket.doc_fio if entry.ticket else None)
    if doctor:
        parts.append(doctor)
    speciality = getattr(entry, "speciality", None)
    if speciality:
        parts.append(speciality)
    return ", ".join(parts) or translate("Errors", "запись из журнала смены")


def duplicate_question(entries: Sequence[JournalEntry]) -> Question:
    """Before the POST: the journal holds an active booking of this patient, speciality, day.

    Keys: ``DUPLICATE_SHOW`` (show it), ``DUPLICATE_BOOK`` (book anyway), ``DUPLICATE_SKIP``
    (do not book: the default and Esc).
    """
    lines = "\n".join(f"• {_entry_line(e)}" for e in entries)
    message = Message(
        Severity.WARNING,
        translate("Errors", "У пациента уже есть запись"),
        translate(
            "Errors",
            "По журналу смены у этого пациента уже есть запись на эту специальность в этот день:",
        )
        + (f"\n{lines}" if lines else ""),
        translate(
            "Errors",
            "Вторая запись к тому же специалисту обычно ошибка. Если пациента записали не "
            "туда, отмените ту запись из журнала смены.",
        ),
    )
    return Question(
        message,
        (
            (DUPLICATE_SHOW, translate("Errors", "Показать запись")),
            (DUPLICATE_BOOK, translate("Errors", "Записать всё равно")),
            (DUPLICATE_SKIP, translate("Errors", "Не записывать")),
        ),
        DUPLICATE_SKIP,
    )


def offline_question(clinic: str | None, *, stale: bool) -> Question:
    """Before the POST: the chosen clinic is Offline (or its status is old).

    Keys: ``OFFLINE_SEND`` (send anyway), ``OFFLINE_SKIP`` (do not send: the default and Esc).
    """
    name = clinic or translate("Errors", "выбранная поликлиника")
    if stale:
        message = Message(
            Severity.WARNING,
            translate("Errors", "Статус поликлиники давно не обновлялся"),
            translate(
                "Errors",
                "Статус поликлиники давно не обновлялся: неизвестно, принимает ли «{0}» "
                "записи сейчас.",
            ).format(name),
            translate(
                "Errors",
                "Запись может не дойти до поликлиники. Отправить её всё равно?",
            ),
        )
    else:
        message = Message(
            Severity.WARNING,
            translate("Errors", "Поликлиника не в сети"),
            translate(
                "Errors",
                "Поликлиника не в сети: система «{0}» сейчас не связана с регистратурой.",
            ).format(name),
            translate(
                "Errors",
                "Запись, скорее всего, будет отклонена или её результат останется "
                "неизвестным. Отправить её всё равно?",
            ),
        )
    return Question(
        message,
        (
            (OFFLINE_SEND, translate("Errors", "Отправить всё равно")),
            (OFFLINE_SKIP, translate("Errors", "Не отправлять")),
        ),
        OFFLINE_SKIP,
    )
