"""How the app reaches the registry: server URL rules, TLS trust and proxies.

Decisions that matter at a clinic:

* TLS trust comes from the operating system (``truststore``): on Windows that is the certificate
  store where a clinic's IT installs the Russian root CA, so no extra setup is needed there. A
  site may add one CA file on top (PEM or DER). Verification is always on: there is deliberately
  no switch to turn it off, because a desk that "just clicks through" a certificate warning sends
  patient tokens to whoever intercepts the connection.
* Unencrypted ``http://`` is allowed only for this computer (the sandbox, a local test server):
  patient data must travel over https.
"""

from __future__ import annotations

import ipaddress
import ssl
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import truststore

from desktop_app.text.translate import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop_app.settings.model import AppSettings

# -- user-facing messages (Russian) ------------------------------------------------------------

INSECURE_URL_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Адрес {url} использует незашифрованное соединение (http). Без шифрования можно "
    "подключаться только к этому компьютеру (127.0.0.1, localhost, ::1). Данные пациентов "
    "должны передаваться только по защищённому протоколу: укажите адрес, начинающийся с https://.",
)
INVALID_URL_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Адрес сервера «{url}» не распознан: {reason}. Пример правильного адреса: "
    "https://mis.example.ru/api",
)
URL_EMPTY_REASON = QT_TRANSLATE_NOOP("CoreSettings", "адрес не указан")
URL_SCHEME_REASON = QT_TRANSLATE_NOOP(
    "CoreSettings", "адрес должен начинаться с https:// (или http:// для этого компьютера)"
)
URL_HOST_REASON = QT_TRANSLATE_NOOP("CoreSettings", "в адресе нет имени сервера")
URL_PORT_REASON = QT_TRANSLATE_NOOP("CoreSettings", "неверный номер порта")
URL_SPACES_REASON = QT_TRANSLATE_NOOP("CoreSettings", "в адресе есть пробелы")
URL_CREDENTIALS_REASON = QT_TRANSLATE_NOOP(
    "CoreSettings", "в адресе не должно быть имени пользователя или пароля"
)
URL_QUERY_REASON = QT_TRANSLATE_NOOP(
    "CoreSettings", "в адресе сервера не должно быть параметров после «?» или «#»"
)
CA_FILE_MISSING_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Файл сертификата удостоверяющего центра не найден: {path}. Проверьте путь в настройках "
    "или уберите его, чтобы использовать только сертификаты Windows.",
)
CA_FILE_INVALID_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings",
    "Файл {path} не удалось загрузить как сертификат удостоверяющего центра "
    "(ожидается файл .pem, .crt или .cer): {reason}",
)
CA_FILE_UNREADABLE_REASON = QT_TRANSLATE_NOOP("CoreSettings", "нет доступа к файлу")
CA_FILE_BAD_CONTENT_REASON = QT_TRANSLATE_NOOP(
    "CoreSettings", "в файле нет корректного сертификата"
)
NO_SERVER_URL_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreSettings", "Не указан адрес сервера регистратуры. Укажите его в настройках."
)


def _tr(text: str) -> str:
    """``text`` (one of the constants above) in the UI's language."""
    return translate("CoreSettings", text)


class SettingsError(Exception):
    """A setting cannot be used as it is; ``message`` is Russian and meant for the operator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidUrlError(SettingsError):
    """The server address is not a usable http(s) URL."""


class InsecureUrlError(SettingsError):
    """``http://`` to another computer: refused, patient data must be encrypted in transit."""


# -- TLS -----------------------------------------------------------------------------------------


def build_ssl_context(extra_ca_file: str | Path | None = None) -> ssl.SSLContext:
    """An SSL context that trusts the OS store plus, optionally, one extra CA file.

    The extra file may be PEM (one or more certificates) or a single DER certificate (the
    ``.cer`` files that Windows exports by default). Any problem with it raises
    :class:`SettingsError` with a Russian message rather than silently trusting less or more.
    """
    ctx: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # PROTOCOL_TLS_CLIENT already implies these; stated so no later edit can weaken them quietly.
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.check_hostname = True
    if extra_ca_file is None or not str(extra_ca_file).strip():
        return ctx
    path = Path(str(extra_ca_file).strip()).expanduser()
    if not path.is_file():
        raise SettingsError(_tr(CA_FILE_MISSING_MESSAGE).format(path=path))
    try:
        data = path.read_bytes()
    except OSError:
        raise SettingsError(
            _tr(CA_FILE_INVALID_MESSAGE).format(path=path, reason=_tr(CA_FILE_UNREADABLE_REASON))
        ) from None
    try:
        if b"-----BEGIN" in data:
            ctx.load_verify_locations(cadata=data.decode("ascii", errors="strict"))
        else:
            ctx.load_verify_locations(cadata=data)
    except (ssl.SSLError, ValueError, UnicodeDecodeError, TypeError):
        raise SettingsError(
            _tr(CA_FILE_INVALID_MESSAGE).format(path=path, reason=_tr(CA_FILE_BAD_CONTENT_REASON))
        ) from None
    return ctx


# -- URLs ----------------------------------------------------------------------------------------


def is_loopback(host: str | None) -> bool:
    """True for names and addresses that can only mean this computer.

    ``localhost`` by name, ``127.0.0.0/8``, ``::1`` and the IPv4-mapped ``::ffff:127.x.y.z``
    (which Python 3.11's ``ipaddress`` does not count as loopback on its own).
    """
    if not host:
        return False
    text = host.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")
    if text == "localhost":
        return True
    try:
        addr = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return addr.ipv4_mapped.is_loopback
    return addr.is_loopback


def _invalid(url: str, reason: str) -> InvalidUrlError:
    """``reason``: one of the ``URL_*_REASON`` constants (translated here)."""
    return InvalidUrlError(_tr(INVALID_URL_MESSAGE).format(url=url, reason=_tr(reason)))


def check_server_url(url: str) -> str:
    """Normalise the registry's base URL or refuse it with a Russian explanation.

    Returns ``scheme://host[:port]/path`` with scheme and host lower-cased and no trailing
    slash, so the same server always gets the same key in the credential store.
    """
    text = (url or "").strip()
    if not text:
        raise _invalid(text, URL_EMPTY_REASON)
    if any(ch.isspace() for ch in text):
        raise _invalid(text, URL_SPACES_REASON)
    try:
        parts = urlsplit(text)
    except ValueError:
        raise _invalid(text, URL_HOST_REASON) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.netloc:
        raise _invalid(text, URL_SCHEME_REASON)
    if parts.username is not None or parts.password is not None:
        raise _invalid(text, URL_CREDENTIALS_REASON)
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        raise _invalid(text, URL_QUERY_REASON)
    host = parts.hostname
    if not host:
        raise _invalid(text, URL_HOST_REASON)
    try:
        port = parts.port
    except ValueError:
        raise _invalid(text, URL_PORT_REASON) from None
    if ":" in host:  # IPv6 literal
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            raise _invalid(text, URL_HOST_REASON) from None
        netloc = f"[{host}]"
    else:
        if not all(ch.isalnum() or ch in "-._" for ch in host):
            raise _invalid(text, URL_HOST_REASON)
        netloc = host
    if port is not None:
        netloc = f"{netloc}:{port}"
    if scheme == "http" and not is_loopback(host):
        raise InsecureUrlError(_tr(INSECURE_URL_MESSAGE).format(url=text))
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), "", ""))


# -- proxies and the client ----------------------------------------------------------------------


def proxy_for(settings: AppSettings) -> tuple[str | None, bool]:
    """``(proxy_url, trust_env)`` for ``RegistryClient``.

    An explicit proxy wins and the environment is then ignored, so a stray ``HTTPS_PROXY`` cannot
    redirect traffic. Otherwise ``trust_env`` follows ``use_system_proxy``: httpx then reads the
    ``*_PROXY`` variables and, on Windows, the system (Internet Options) proxy through
    ``urllib.request.getproxies``. PAC scripts are not supported by httpx.
    """
    if settings.proxy_url:
        return settings.proxy_url, False
    return None, settings.use_system_proxy


def client_kwargs(settings: AppSettings) -> dict[str, Any]:
    """Keyword arguments for ``RegistryClient(**client_kwargs(s))`` in work mode.

    Collects every network rule in one place (URL check, TLS context, proxy, timeouts, path
    templates) so the UI cannot forget one of them. Raises :class:`SettingsError` subclasses.
    """
    if not settings.server_url:
        raise InvalidUrlError(_tr(NO_SERVER_URL_MESSAGE))
    base_url = check_server_url(settings.server_url)
    proxy, trust_env = proxy_for(settings)
    return {
        "base_url": base_url,
        "settings": settings.to_client_settings(),
        "verify": build_ssl_context(settings.extra_ca_file),
        "proxy": proxy,
        "trust_env": trust_env,
    }
