"""TLS against a real HTTPS server on 127.0.0.1 (uvicorn + a trustme CA).

The point: a clinic's registry uses a certificate from a CA that only the clinic's PCs trust.
With that CA added the client works; without it the operator gets ``CertificateError`` (a
message, not a traceback), and there is no way to switch verification off.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from desktop_app.api import CertificateError, RegistryClient
from desktop_app.settings.model import AppSettings
from desktop_app.settings.network import SettingsError, build_ssl_context, client_kwargs

STARTUP_DEADLINE_S = 15.0


async def _clinics(request: Request) -> JSONResponse:
    return JSONResponse([])


@dataclass(frozen=True)
class TlsServer:
    port: int
    ca_pem: Path
    ca_der: Path

    def url(self, host: str = "127.0.0.1") -> str:
        return f"https://{host}:{self.port}"


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    ca_pem = folder / "clinic-root-ca.pem"
    ca.cert_pem.write_to_path(str(ca_pem))
    ca_der = folder / "clinic-root-ca.cer"
    ca_der.write_bytes(ssl.PEM_cert_to_DER_cert(ca.cert_pem.bytes().decode("ascii")))
    chain = folder / "server.pem"
    ca.issue_cert("127.0.0.1", "localhost").private_key_and_cert_chain_pem.write_to_path(str(chain))

    app = Starlette(routes=[Route("/lpu", _clinics)])
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        ssl_keyfile=str(chain),
        ssl_certfile=str(chain),
        log_level="warning",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="tls-test-server", daemon=True)
    thread.start()
    ready = threading.Event()
    deadline = time.monotonic() + STARTUP_DEADLINE_S
    while not server.started:  # poll readiness in small steps, up to a deadline
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            pytest.fail("the HTTPS test server did not start")
        ready.wait(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield TlsServer(port=port, ca_pem=ca_pem, ca_der=ca_der)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _list_clinics(base_url: str, verify: ssl.SSLContext) -> list[object]:
    async def run() -> list[object]:
        async with RegistryClient(base_url, verify=verify, trust_env=False) as client:
            return list(await client.list_clinics())

    return asyncio.run(run())


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_extra_ca_pem_makes_the_server_trusted(tls_server: TlsServer, host: str) -> None:
    ctx = build_ssl_context(extra_ca_file=tls_server.ca_pem)
    assert _list_clinics(tls_server.url(host), ctx) == []


def test_extra_ca_der_cer_file_works_too(tls_server: TlsServer) -> None:
    ctx = build_ssl_context(extra_ca_file=str(tls_server.ca_der))
    assert _list_clinics(tls_server.url(), ctx) == []


def test_without_the_ca_the_certificate_is_refused(tls_server: TlsServer) -> None:
    with pytest.raises(CertificateError) as info:
        _list_clinics(tls_server.url(), build_ssl_context())
    assert "certificate" in str(info.value).lower()
    assert info.value.nothing_sent


def test_verification_cannot_be_weakened() -> None:
    ctx = build_ssl_context()
    assert ctx.verify_mode == ssl.CERT_REQUIRED
    assert ctx.check_hostname is True


def test_client_kwargs_from_settings(tls_server: TlsServer) -> None:
    s = AppSettings(
        mode="work",
        server_url=tls_server.url() + "/",
        extra_ca_file=str(tls_server.ca_pem),
        use_system_proxy=False,
    )
    kwargs = client_kwargs(s)
    assert kwargs["base_url"] == tls_server.url()
    assert kwargs["proxy"] is None and kwargs["trust_env"] is False

    async def run() -> list[object]:
        async with RegistryClient(**kwargs) as client:
            return list(await client.list_clinics())

    assert asyncio.run(run()) == []


def test_missing_ca_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as info:
        build_ssl_context(tmp_path / "nope.pem")
    assert "не найден" in info.value.message


@pytest.mark.parametrize(
    "content",
    [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
    ids=["empty", "text", "bad-pem"],
)
def test_invalid_ca_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ca.pem"
    path.write_bytes(content)
    with pytest.raises(SettingsError) as info:
        build_ssl_context(path)
    assert str(path) in info.value.message


def test_ca_file_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SettingsError):
        build_ssl_context(tmp_path)
