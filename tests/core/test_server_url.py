"""Server URL rules: https everywhere, plain http only for this computer; proxies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.settings.model import AppSettings
from desktop_app.settings.network import (
    InsecureUrlError,
    InvalidUrlError,
    SettingsError,
    check_server_url,
    client_kwargs,
    is_loopback,
    proxy_for,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://localhost", "http://localhost"),
        ("http://[::1]:80", "http://[::1]:80"),
        ("  http://LocalHost:9000/api/  ", "http://localhost:9000/api"),
        ("http://127.1.2.3/sandbox", "http://127.1.2.3/sandbox"),
        ("https://mis.example.ru", "https://mis.example.ru"),
        ("HTTPS://MIS.Example.RU/test/api/", "https://mis.example.ru/test/api"),
        ("https://10.0.0.5:8443/api", "https://10.0.0.5:8443/api"),
        ("https://регистратура.рф/api", "https://регистратура.рф/api"),
    ],
)
def test_accepted(url: str, expected: str) -> None:
    assert check_server_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://mis.example.ru",
        "http://10.0.0.5",
        "http://192.168.1.10:8080/api",
        "http://[2001:db8::1]/",
        "http://localhost.evil.example",
        "http://127.0.0.1.nip.io",
    ],
)
def test_plain_http_to_another_computer_refused(url: str) -> None:
    with pytest.raises(InsecureUrlError) as info:
        check_server_url(url)
    assert "https" in info.value.message and "127.0.0.1" in info.value.message


@pytest.mark.parametrize(
    "url",
    [
        "ftp://x",
        "",
        "   ",
        "not a url",
        "mis.example.ru",
        "https://",
        "https://:443",
        "https://host:99999",
        "https://user:pass@mis.example.ru",
        "https://mis.example.ru/api?x=1",
        "https://mis.example.ru/#frag",
        "https://mis example.ru",
        "https://[::1",
        "https://ho$t",
        "file:///etc/passwd",
        "javascript:alert(1)",
    ],
)
def test_garbage_refused(url: str) -> None:
    with pytest.raises(InvalidUrlError) as info:
        check_server_url(url)
    assert info.value.message  # a Russian sentence for the operator


@given(st.text(max_size=60))
def test_never_crashes_with_anything_else(text: str) -> None:
    try:
        result = check_server_url(text)
    except SettingsError:
        return
    assert result.startswith(("https://", "http://"))


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.255.0.9", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("10.0.0.5", False),
        ("0.0.0.0", False),
        ("::", False),
        ("mis.example.ru", False),
        ("", False),
        (None, False),
    ],
)
def test_is_loopback(host: str | None, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_proxy_for() -> None:
    assert proxy_for(AppSettings()) == (None, True)
    assert proxy_for(AppSettings(use_system_proxy=False)) == (None, False)
    explicit = AppSettings(proxy_url="http://proxy.clinic.local:3128", use_system_proxy=True)
    assert proxy_for(explicit) == ("http://proxy.clinic.local:3128", False)


def test_client_kwargs_refuses_missing_or_insecure_url() -> None:
    with pytest.raises(InvalidUrlError):
        client_kwargs(AppSettings(mode="work"))
    with pytest.raises(InsecureUrlError):
        client_kwargs(AppSettings(mode="work", server_url="http://mis.example.ru"))
