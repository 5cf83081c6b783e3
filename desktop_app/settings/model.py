"""The app's settings: one validated model, stored as plain JSON (see ``store.py``).

The settings file is readable by anyone who can open the user's profile and is often copied
between desks by a clinic's IT, so it must never hold a credential. Tokens live in the OS
credential store (``secrets.py``) or only in memory. The model enforces this twice: no field may
be named like a secret (checked when the class is built), and secret-looking keys in a loaded
file are dropped before validation, so they are never written back.
"""

from __future__ import annotations

import logging
import re
import string
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from desktop_app.api import ClientSettings
from desktop_app.printing.fill import REMINDER_LIMIT as SLIP_REMINDER_LIMIT
from desktop_app.text.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

#: Keys (in the file) or field names (in the model) that look like they hold a credential.
SECRET_KEY_RE = re.compile(r"(?i)(token|passw|pwd|secret|api[_-]?key|credential|bearer|jwt)")
#: Fields whose names match ``SECRET_KEY_RE`` but hold no secret: the patient-token call's
#: path, method, parameter names and answer field, and ``remember_token`` (a flag of older
#: versions, no longer a field: files that still carry it load without a warning).
_ALLOWED_SECRETISH_FIELDS = frozenset(
    {
        "remember_token",
        "patient_token_method",
        "patient_token_path",
        "patient_token_lpu_param",
        "patient_token_policy_param",
        "patient_token_birth_param",
        "patient_token_surname_param",
        "patient_token_field",
    }
)

#: How many clinics/resources the app remembers by name.
KNOWN_ENTRIES_CAP = 200
#: Longer remembered names are cut, not refused (a long official clinic name is not damage).
NAME_LIMIT = 500

#: Placeholders each request-path template must use, exactly.
PATH_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "booking_path": frozenset({"lpu", "resource", "date"}),
    "clinics_path": frozenset(),
    "clinic_path": frozenset({"lpu"}),
    "resources_path": frozenset({"lpu"}),
    "cancel_path": frozenset({"lpu", "ticket"}),
}
#: Templates that may use any of these placeholders, or none.
PATH_PLACEHOLDERS_OPTIONAL: dict[str, frozenset[str]] = {
    "patient_token_path": frozenset({"lpu"}),
}

# -- user-facing messages (Russian); pydantic wraps them in ValidationError ----------------------

PATH_TEMPLATE_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings", "Шаблон пути «{template}» должен содержать ровно такие подстановки: {expected}."
)
PATH_TEMPLATE_FORM_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Шаблон пути «{template}» должен быть относительным путём на сервере регистратуры "
    "(без http://, «..», «?», «#» и пробелов).",
)
PATH_TEMPLATE_OPTIONAL_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings", "Шаблон пути «{template}» может содержать только такие подстановки: {expected}."
)
QUERY_NAME_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Имя параметра запроса «{name}» должно состоять из латинских букв, цифр и знаков "
    "«_», «-», «.».",
)
QUERY_NAME_REQUIRED_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings", "Имя параметра запроса не может быть пустым."
)
TOKEN_FIELD_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Поле токена в ответе «{name}» должно быть именем поля или путём через точку "
    "(например, data.access_token); пустое значение — искать автоматически.",
)
PROXY_URL_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Адрес прокси-сервера «{url}» не распознан. Пример: http://proxy.clinic.local:3128",
)
NO_PLACEHOLDERS = QT_TRANSLATE_NOOP("CoreSettings", "никаких")
PROXY_CREDENTIALS_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Имя пользователя и пароль прокси-сервера нельзя хранить в настройках: файл настроек не "
    "защищён. Укажите адрес прокси без них.",
)


def _tr(text: str) -> str:
    """``text`` (one of the constants above) in the UI's language."""
    return translate("CoreSettings", text)


def find_secret_keys(data: Any, prefix: str = "") -> list[str]:
    """Dotted paths of every key in ``data`` (nested dicts/lists too) that looks like a secret.

    Declared harmless names (``remember_token``, ``patient_token_path``…) are not reported.
    Used by the store to tell the operator that a credential was found in the file and
    removed.
    """
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{prefix}{key}"
            if isinstance(key, str) and _is_secret_key(key):
                found.append(name)
            else:
                found.extend(find_secret_keys(value, f"{name}."))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(find_secret_keys(value, f"{prefix}{index}."))
    return found


def _is_secret_key(key: str) -> bool:
    return key not in _ALLOWED_SECRETISH_FIELDS and bool(SECRET_KEY_RE.search(key))


def _drop_secret_keys(data: Any) -> Any:
    if isinstance(data, dict):
        dropped = [k for k in data if isinstance(k, str) and _is_secret_key(k)]
        if dropped:
            # Key names only: the value is the very thing that must not be logged.
            log.warning("settings: ignored secret-looking keys %s", dropped)
            return {k: v for k, v in data.items() if k not in dropped}
    return data


class _NoSecretsModel(BaseModel):
    """Base that refuses secret-named fields at class creation and drops such keys on input."""

    # hide_input_in_errors: a rejected value (a proxy URL with a password) must not reach logs.
    model_config = ConfigDict(extra="ignore", validate_assignment=True, hide_input_in_errors=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        for name in cls.model_fields:
            if _is_secret_key(name):
                raise TypeError(f"{cls.__name__}.{name}: settings must not hold secrets")

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        return _drop_secret_keys(data)


class KnownEntry(_NoSecretsModel):
    """A clinic or resource the operator has used, remembered by name for the pickers."""

    guid: str = Field(min_length=1, max_length=64)
    name: str = ""
    #: For resources: the clinic they belong to.
    lpu_guid: str | None = Field(default=None, max_length=64)

    @field_validator("guid", "lpu_guid", mode="before")
    @classmethod
    def _guid(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        if value is None:
            return ""
        return value.strip()[:NAME_LIMIT] if isinstance(value, str) else value


def _check_template(field: str, value: str) -> str:
    template = value.strip()
    optional = field in PATH_PLACEHOLDERS_OPTIONAL
    expected = PATH_PLACEHOLDERS_OPTIONAL[field] if optional else PATH_PLACEHOLDERS[field]
    if (
        "://" in template
        or template.startswith("//")
        or ".." in template
        or any(ch in template for ch in "?#\\")
        or any(ch.isspace() for ch in template)
    ):
        raise ValueError(_tr(PATH_TEMPLATE_FORM_MESSAGE).format(template=value))
    expected_text = ", ".join(f"{{{p}}}" for p in sorted(expected)) or _tr(NO_PLACEHOLDERS)
    form = _tr(PATH_TEMPLATE_OPTIONAL_MESSAGE) if optional else _tr(PATH_TEMPLATE_MESSAGE)
    message = form.format(template=value, expected=expected_text)
    seen: list[str] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise ValueError(message) from None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion or name not in expected:
            raise ValueError(message)
        seen.append(name)
    if len(seen) != len(set(seen)) or (not optional and set(seen) != expected):
        raise ValueError(message)
    return template


_QUERY_NAME_RE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_TOKEN_FIELD_RE = re.compile(r"[A-Za-z0-9_$-]{1,64}(?:\.[A-Za-z0-9_$-]{1,64}){0,4}")


def _check_query_name(value: str, *, required: bool) -> str:
    name = value.strip()
    if not name:
        if required:
            raise ValueError(_tr(QUERY_NAME_REQUIRED_MESSAGE))
        return ""
    if not _QUERY_NAME_RE.fullmatch(name):
        raise ValueError(_tr(QUERY_NAME_MESSAGE).format(name=value))
    return name


def _cap_entries(entries: list[KnownEntry]) -> list[KnownEntry]:
    """Unique by (guid, lpu_guid), first occurrence wins (the list is kept newest first)."""
    out: list[KnownEntry] = []
    seen: set[tuple[str, str | None]] = set()
    for entry in entries:
        key = (entry.guid, entry.lpu_guid)
        if key in seen:
            continue
        seen.add(key)
        out.append(entry)
        if len(out) >= KNOWN_ENTRIES_CAP:
            break
    return out


class AppSettings(_NoSecretsModel):
    """Everything a desk can configure. Unknown keys are ignored (older/newer app versions)."""

    mode: Literal["training", "work"] = "training"
    server_url: str | None = None
    booking_datetime_format: Literal["iso", "space-millis"] = "iso"
    booking_path: str = "visit/{lpu}/outSchedule/{resource}/{date}"
    clinics_path: str = "lpu"
    clinic_path: str = "lpu/{lpu}"
    resources_path: str = "lpu/{lpu}/doctor"
    connect_timeout: float = Field(default=5.0, ge=0.5, le=60)
    read_timeout: float = Field(default=20.0, ge=1, le=300)
    #: The zone of server times that carry no offset, in minutes east of UTC (Moscow: +180).
    server_utc_offset_minutes: int = Field(default=180, ge=-720, le=840)
    #: The slip's paper: ``auto`` picks the roll (58/80 mm) or sheet from the paper the printer
    #: reports; a fixed value is used as is (a warning when it does not fit that paper).
    slip_layout: Literal["auto", "roll80", "roll58", "a5", "a6"] = "auto"
    printer_name: str | None = None
    #: An optional line printed under the time on every slip ("При себе иметь полис ОМС и
    #: паспорт"). Whitespace is collapsed, blank is None, longer text is cut to
    #: ``SLIP_REMINDER_LIMIT`` characters (a long line must not cost the desk its settings).
    slip_reminder: str | None = None
    font_scale: float = Field(default=1.0, ge=0.8, le=2.0)
    language: Literal["ru", "en"] = "ru"
    extra_ca_file: str | None = None
    proxy_url: str | None = None
    use_system_proxy: bool = True
    journal_retention_days: int = Field(default=30, ge=1, le=3650)
    operator_login: str | None = Field(default=None, max_length=200)
    # -- the patient-token call (authorization service): policy or surname + birth date -----
    patient_token_method: Literal["GET", "POST"] = "GET"
    patient_token_path: str = "auth/lpu/token"
    #: Query names; the clinic's may be empty (then it is not sent), as may the surname's
    #: (then this server offers no surname lookup).
    patient_token_lpu_param: str = "lpuGuid"
    patient_token_policy_param: str = "n_pol"
    patient_token_birth_param: str = "Birthday"
    patient_token_surname_param: str = "Fam"
    #: Where the token is in a JSON answer (``access_token``, ``data.token``); empty: found
    #: automatically (a raw string answer is always read).
    patient_token_field: str = ""
    # -- the cancellation call ----------------------------------------------------------------
    cancel_method: Literal["DELETE", "POST", "PUT"] = "DELETE"
    cancel_path: str = "visit/{lpu}/{ticket}"
    #: Offer the surname + birth date lookup (where the site allows it); policy otherwise.
    allow_surname_lookup: bool = False
    #: ``F2`` (new booking) keeps the doctor as well as the clinic.
    keep_doctor_on_new: bool = False
    #: Print the patient's name on the patient's own slip too (the operator copy always has it).
    patient_on_slip: bool = False
    #: How many days ahead a booking may be made.
    booking_days_ahead: int = Field(default=60, ge=1, le=365)
    known_clinics: list[KnownEntry] = Field(default_factory=list)
    known_resources: list[KnownEntry] = Field(default_factory=list)

    @field_validator(
        "server_url",
        "printer_name",
        "extra_ca_file",
        "proxy_url",
        "operator_login",
        mode="before",
    )
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    @field_validator("slip_reminder", mode="before")
    @classmethod
    def _reminder(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = " ".join(value.split())[:SLIP_REMINDER_LIMIT].rstrip()
        return text or None

    @field_validator(
        "booking_path",
        "clinics_path",
        "clinic_path",
        "resources_path",
        "patient_token_path",
        "cancel_path",
    )
    @classmethod
    def _template(cls, value: str, info: ValidationInfo) -> str:
        return _check_template(str(info.field_name), value)

    @field_validator("patient_token_method", "cancel_method", mode="before")
    @classmethod
    def _method(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("patient_token_policy_param", "patient_token_birth_param")
    @classmethod
    def _required_query_name(cls, value: str) -> str:
        return _check_query_name(value, required=True)

    @field_validator("patient_token_lpu_param", "patient_token_surname_param")
    @classmethod
    def _optional_query_name(cls, value: str) -> str:
        return _check_query_name(value, required=False)

    @field_validator("patient_token_field")
    @classmethod
    def _token_field(cls, value: str) -> str:
        name = value.strip()
        if name and not _TOKEN_FIELD_RE.fullmatch(name):
            raise ValueError(_tr(TOKEN_FIELD_MESSAGE).format(name=value))
        return name

    @field_validator("proxy_url")
    @classmethod
    def _proxy(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            parts = urlsplit(value)
            ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
            _ = parts.port
        except ValueError:
            ok = False
        if not ok:
            raise ValueError(_tr(PROXY_URL_MESSAGE).format(url=value))
        if parts.username is not None or parts.password is not None:
            raise ValueError(_tr(PROXY_CREDENTIALS_MESSAGE))
        return value

    @field_validator("known_clinics", "known_resources", mode="before")
    @classmethod
    def _skip_bad_entries(cls, value: Any) -> Any:
        """A bad remembered entry is dropped alone: it must not cost the desk its settings."""
        if not isinstance(value, list):
            return value
        kept: list[Any] = []
        for item in value:
            try:
                kept.append(KnownEntry.model_validate(item))
            except ValidationError:
                log.info("settings: dropped an unreadable remembered entry")
        return kept

    @field_validator("known_clinics", "known_resources")
    @classmethod
    def _cap(cls, value: list[KnownEntry]) -> list[KnownEntry]:
        return _cap_entries(value)

    # -- helpers ---------------------------------------------------------------------------------

    def to_client_settings(self) -> ClientSettings:
        """The API client's view of these settings (timeouts, date format, path templates)."""
        return ClientSettings(
            connect_timeout=float(self.connect_timeout),
            read_timeout=float(self.read_timeout),
            booking_datetime_format=self.booking_datetime_format,
            booking_path=self.booking_path,
            clinics_path=self.clinics_path,
            clinic_path=self.clinic_path,
            resources_path=self.resources_path,
            server_utc_offset_minutes=int(self.server_utc_offset_minutes),
            patient_token_method=self.patient_token_method,
            patient_token_path=self.patient_token_path,
            patient_token_lpu_param=self.patient_token_lpu_param,
            patient_token_policy_param=self.patient_token_policy_param,
            patient_token_birth_param=self.patient_token_birth_param,
            patient_token_surname_param=self.patient_token_surname_param,
            patient_token_field=self.patient_token_field,
            cancel_method=self.cancel_method,
            cancel_path=self.cancel_path,
        )

    def remember_clinic(self, guid: str, name: str | None) -> None:
        """Put a clinic at the top of the remembered list (dropping its older entry)."""
        entry = KnownEntry(guid=guid, name=name or "")
        self.known_clinics = [entry, *self.known_clinics]

    def remember_resource(self, guid: str, name: str | None, lpu_guid: str | None) -> None:
        """Put a resource at the top of the remembered list (dropping its older entry)."""
        entry = KnownEntry(guid=guid, name=name or "", lpu_guid=lpu_guid)
        self.known_resources = [entry, *self.known_resources]

    def clinic_name(self, guid: str) -> str | None:
        """The remembered name of a clinic, for showing a pasted GUID by name."""
        key = guid.strip().lower()
        return next((e.name for e in self.known_clinics if e.guid == key and e.name), None)

    def resource_name(self, guid: str, lpu_guid: str | None = None) -> str | None:
        """The remembered name of a resource (optionally of a given clinic)."""
        key = guid.strip().lower()
        lpu = lpu_guid.strip().lower() if lpu_guid else None
        for entry in self.known_resources:
            if entry.guid == key and entry.name and (lpu is None or entry.lpu_guid == lpu):
                return entry.name
        return None
