"""Training mode is sealed: no socket is opened and a production URL cannot be reached."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from desktop_app.sandbox import Sandbox
from desktop_app.services import ClientSetupError, build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.ui.platform.app import choose_mode, parse_args
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.session import Session
from tests.ui.asyncwait import wait_until
from tests.ui.desk import choose_clinic_and_doctor, choose_patient, ctrl_enter, surname

PRODUCTION = "https://mis.example.ru/api"


@pytest.fixture
def network_calls(monkeypatch):
    """Record (and refuse) every attempt to open a network connection or resolve a name."""
    calls: list[tuple[str, object]] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            calls.append((name, args[1:] if args else kwargs))
            raise OSError(f"network use in training mode: {name}")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    return calls


@pytest.mark.asyncio
async def test_training_books_without_any_socket_even_with_a_production_url(
    qtbot, tmp_path, network_calls
) -> None:
    sandbox = Sandbox()
    settings = AppSettings(server_url=PRODUCTION)
    services = build_services(
        SettingsOwner(settings),
        training=True,
        server_url=PRODUCTION,
        log_path=None,
        sandbox=sandbox,
        journal_path=tmp_path / "j.sqlite3",
    )
    session = Session(services, dialogs=RecordingDialogs())
    assert "mis.example.ru" not in session.client.base_url
    window = session.open_window()
    try:
        await wait_until(lambda: window.form.clinic_picker.model.rowCount() > 0, what="clinics")
        marks = sandbox.landmarks()
        from tests.ui.desk import Desk

        desk = Desk(window, sandbox, window.dialogs, session)
        await choose_clinic_and_doctor(
            qtbot,
            desk,
            desk.clinic_short(marks.main_clinic),
            surname(desk.resource_fio(marks.therapist)),
        )
        window.form.date_edit.setFocus()
        qtbot.keyClick(window.form.date_edit, Qt.Key.Key_Plus)
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, window.form.patient_picker)
        await wait_until(lambda: window.ticket_view.card.isVisible(), what="ticket")
        # An absolute production URL through the training client still lands in the sandbox.
        before = len(sandbox.requests)
        response = await session.client._http.get("https://mis.example.ru/lpu")
        assert response.status_code == 200
        assert len(sandbox.requests) == before + 1
        assert window.training_banner.isVisible()
        assert "УЧЕБНЫЙ РЕЖИМ" in window.windowTitle()
    finally:
        window.close()
        await session.close()
    assert network_calls == []


def test_mode_choice() -> None:
    none = AppSettings()
    work = AppSettings(server_url=PRODUCTION, mode="work")
    left_in_training = AppSettings(server_url=PRODUCTION, mode="training")
    assert choose_mode(parse_args([]), none) == (True, None)
    assert choose_mode(parse_args([]), work) == (False, PRODUCTION)
    assert choose_mode(parse_args([]), left_in_training) == (True, PRODUCTION)
    assert choose_mode(parse_args(["--training"]), work)[0] is True
    assert choose_mode(parse_args(["--server-url", "https://x.ru"]), none) == (
        False,
        "https://x.ru",
    )


@pytest.mark.asyncio
async def test_switching_mode_is_confirmed(qtbot, tmp_path) -> None:
    dialogs = RecordingDialogs()
    services = build_services(
        SettingsOwner(AppSettings(server_url=PRODUCTION)),
        training=True,
        server_url=None,
        log_path=None,
        sandbox=Sandbox(),
        journal_path=tmp_path / "j.sqlite3",
    )
    session = Session(services, dialogs=dialogs)
    window = session.open_window()
    switched: list[bool] = []
    window.switch_mode_requested.connect(lambda: switched.append(True))
    try:
        dialogs.answers.append(False)
        window.switch_mode_action.trigger()
        await wait_until(lambda: dialogs.asked, what="question")
        assert "НАСТОЯЩИЕ" in dialogs.asked[-1].text
        await wait_until(lambda: window.tasks.pending == 0 or switched, what="idle")
        assert switched == []
        dialogs.answers.append(True)
        window.switch_mode_action.trigger()
        await wait_until(lambda: switched, what="switch")
    finally:
        window.close()
        await session.close()


def test_work_mode_refuses_plain_http_to_a_remote_server(tmp_path) -> None:
    from desktop_app.settings.network import InsecureUrlError

    with pytest.raises(ClientSetupError) as info:
        build_services(
            SettingsOwner(AppSettings()),
            training=False,
            server_url="http://mis.example.ru/api",
            log_path=None,
            journal_path=tmp_path / "j.sqlite3",
        )
    assert isinstance(info.value.cause, InsecureUrlError)
    assert "https" in info.value.detail
    # Refused before anything was opened: no journal file was created for it.
    assert not (tmp_path / "j.sqlite3").exists()
