"""Settings of the patient-token and cancellation calls, and patients' data kept out of logs."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from desktop_app.api import ClientSettings, PatientQuery, RegistryClient
from desktop_app.logs import setup_logging
from desktop_app.sandbox import MSK, Sandbox, serve_in_thread
from desktop_app.settings.model import AppSettings, find_secret_keys
from desktop_app.settings.redact import (
    MASK,
    add_patient_secret,
    add_secret,
    redact,
    redact_credentials,
)
from desktop_app.settings.store import load_settings, save_settings, settings_path

pytestmark = pytest.mark.usefixtures("restore_logging")

NEW_CLIENT_FIELDS = {
    "patient_token_method": "GET",
    "patient_token_path": "auth/lpu/token",
    "patient_token_lpu_param": "lpuGuid",
    "patient_token_policy_param": "n_pol",
    "patient_token_birth_param": "Birthday",
    "patient_token_surname_param": "Fam",
    "patient_token_field": "",
    "cancel_method": "DELETE",
    "cancel_path": "visit/{lpu}/{ticket}",
}


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


# -- settings ------------------------------------------------------------------------------------


def test_defaults_of_the_new_settings() -> None:
    s = AppSettings()
    for name, value in NEW_CLIENT_FIELDS.items():
        assert getattr(s, name) == value, name
        assert getattr(ClientSettings(), name) == value, name
    assert s.allow_surname_lookup is False
    assert s.keep_doctor_on_new is False
    assert s.patient_on_slip is False
    assert s.booking_days_ahead == 60
    assert "remember_token" not in AppSettings.model_fields


def test_to_client_settings_passes_the_new_calls() -> None:
    s = AppSettings(
        patient_token_method="post",
        patient_token_path="auth/{lpu}/token",
        patient_token_lpu_param="",
        patient_token_policy_param="enp",
        patient_token_birth_param="birth_date",
        patient_token_surname_param="",
        patient_token_field="data.access_token",
        cancel_method="post",
        cancel_path="visit/cancel/{ticket}/{lpu}",
    )
    cs = s.to_client_settings()
    assert (cs.patient_token_method, cs.cancel_method) == ("POST", "POST")
    assert cs.patient_token_path == "auth/{lpu}/token"
    assert (cs.patient_token_lpu_param, cs.patient_token_surname_param) == ("", "")
    assert (cs.patient_token_policy_param, cs.patient_token_birth_param) == ("enp", "birth_date")
    assert cs.patient_token_field == "data.access_token"
    assert cs.cancel_path == "visit/cancel/{ticket}/{lpu}"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("patient_token_path", "auth/{ticket}/token"),  # only {lpu} may appear
        ("patient_token_path", "auth/{lpu}/{lpu}"),
        ("patient_token_path", "auth/{lpu!r}"),
        ("patient_token_path", "https://auth.example.ru/token"),
        ("patient_token_path", "auth/token?n_pol=1"),
        ("patient_token_path", "../auth/token"),
        ("cancel_path", "visit/{lpu}"),  # {ticket} missing
        ("cancel_path", "visit/{ticket}"),
        ("cancel_path", "visit/{lpu}/{ticket}/{date}"),
        ("cancel_path", "visit/{lpu}/{ticket}/{ticket}"),
        ("cancel_path", "visit/{lpu} /{ticket}"),
        ("patient_token_method", "PATCH"),
        ("cancel_method", "GET"),
        ("patient_token_policy_param", ""),
        ("patient_token_birth_param", "  "),
        ("patient_token_policy_param", "n pol"),
        ("patient_token_surname_param", "фамилия"),
        ("patient_token_lpu_param", "lpu&x=1"),
        ("patient_token_field", "data..token"),
        ("patient_token_field", "data token"),
        ("booking_days_ahead", 0),
        ("booking_days_ahead", 366),
    ],
)
def test_bad_values_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        AppSettings.model_validate({field: value})


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("patient_token_path", "auth/lpu/token", "auth/lpu/token"),
        ("patient_token_path", " lpu/{lpu}/patient/token ", "lpu/{lpu}/patient/token"),
        ("cancel_path", "visit/{ticket}/cancel/{lpu}", "visit/{ticket}/cancel/{lpu}"),
        ("cancel_method", " put ", "PUT"),
        ("patient_token_lpu_param", "", ""),
        ("patient_token_surname_param", " last_name ", "last_name"),
        ("patient_token_field", " result.lpuToken ", "result.lpuToken"),
        ("booking_days_ahead", 365, 365),
    ],
)
def test_good_values_are_kept(field: str, value: object, stored: object) -> None:
    assert getattr(AppSettings.model_validate({field: value}), field) == stored


def test_the_token_call_settings_are_not_mistaken_for_secrets() -> None:
    names = [n for n in AppSettings.model_fields if n.startswith("patient_token")]
    assert len(names) == 7 and find_secret_keys(dict.fromkeys(names, "x")) == []
    s = AppSettings.model_validate({"patient_token_field": "access_token", "token": "eyJabc"})
    assert s.patient_token_field == "access_token"


def test_an_old_file_with_remember_token_loads_quietly(caplog: pytest.LogCaptureFixture) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"mode": "work", "remember_token": True, "cancel_path": "v/{lpu}/{ticket}"}),
        encoding="utf-8",
    )
    caplog.set_level(logging.INFO)
    s, message = load_settings()
    assert message is None  # no "a credential was removed" notice for an old flag
    assert s.mode == "work" and s.cancel_path == "v/{lpu}/{ticket}"
    assert "secret-looking" not in caplog.text
    save_settings(s)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert "remember_token" not in saved
    assert saved["patient_token_path"] == "auth/lpu/token"


# -- redaction -----------------------------------------------------------------------------------


def test_patient_policy_and_birth_date_are_masked_in_the_log_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    add_patient_secret("0000 2026 0000 0001", date(1985, 4, 12))
    log = logging.getLogger("desktop_app.test")
    log.info("lookup n_pol=%s Birthday=%s", "0000202600000001", "1985-04-12")
    log.info("typed %s, д. р. %s", "0000 2026 0000 0001", "12.04.1985")
    log.info("dashes %s nbsp %s", "0000-2026-0000-0001", "0000\u00a02026\u00a00000\u00a00001")
    log.warning("another policy 1234567890123456 seen in %s", "a server message")
    log.info("not policies: 123456789012345 and 98765432109876543, GUID 0305e82c3301")
    try:
        raise RuntimeError("server echoed polis 0000202600000001 born 1985-04-12")
    except RuntimeError:
        log.exception("lookup failed")
    _flush()
    text = path.read_text(encoding="utf-8")
    for secret in ("0000202600000001", "1985-04-12", "12.04.1985", "2026 0000", "1234567890123456"):
        assert secret not in text, secret
    assert "lookup n_pol=*** Birthday=***" in text
    assert "typed ***, д. р. ***" in text
    assert "RuntimeError: server echoed polis *** born ***" in text
    assert "123456789012345 and 98765432109876543, GUID 0305e82c3301" in text  # kept


def test_redact_credentials_keeps_the_patient_but_not_the_token(jwt_token: str) -> None:
    add_patient_secret("0000202600000001", date(1985, 4, 12))
    add_secret("opaque-desk-token-42")
    label = "Лебедев А. П., д. р. 12.04.1985"
    assert redact(label) == f"Лебедев А. П., д. р. {MASK}"
    assert redact_credentials(label) == label
    text = f"{label} Bearer {jwt_token} opaque-desk-token-42 полис 0000202600000001"
    kept = redact_credentials(text)
    assert jwt_token not in kept and "opaque-desk-token-42" not in kept
    assert kept.startswith(label) and "0000202600000001" in kept
    assert "0000202600000001" not in redact(text)


def test_short_or_empty_patient_data_registers_nothing() -> None:
    add_patient_secret(None, None)
    add_patient_secret("", None)
    assert redact("1985 12 04 2026") == "1985 12 04 2026"


@pytest.mark.asyncio
async def test_a_real_lookup_leaves_no_patient_data_in_the_log(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    logging.getLogger().setLevel(logging.DEBUG)
    now = datetime(2026, 11, 27, 10, 0, tzinfo=MSK)
    sandbox = Sandbox(clock=lambda: now)
    lpu = sandbox.landmarks().main_clinic
    with serve_in_thread(sandbox) as url:
        async with RegistryClient(url, today=lambda: now.date()) as client:
            await client.patient_token(
                lpu, PatientQuery(birth_date=date(1985, 4, 12), policy="0000 2026 0000 0001")
            )
            found = await client.patient_token(
                lpu, PatientQuery(birth_date=date(1985, 4, 12), surname="Лебедев")
            )
    _flush()
    text = path.read_text(encoding="utf-8")
    assert "auth/lpu/token" in text and "n_pol" in text  # the call is in the log, by name
    for secret in ("0000202600000001", "1985-04-12", "Лебедев", "%D0%9B", found.token):
        assert secret not in text, secret
