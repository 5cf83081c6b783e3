"""The window's menus wired to the journal, settings, the credential store and the logs."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop_app.api import RegistryClient
from desktop_app.logs import reset_logging, setup_logging
from desktop_app.sandbox import Sandbox, serve_in_thread
from desktop_app.services import build_services
from desktop_app.settings.model import AppSettings
from desktop_app.settings.owner import SettingsOwner
from desktop_app.settings.store import load_settings, save_settings, settings_path
from desktop_app.ui.platform.dialogs import RecordingDialogs
from desktop_app.ui.platform.session import Session
from desktop_app.ui.printing import slip_printer
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    Desk,
    choose_clinic_and_doctor,
    choose_patient,
    ctrl_enter,
    open_desk,
    open_http_desk,
    surname,
)
from tests.ui.test_printing_flow import pdf_text

pytestmark = pytest.mark.asyncio


async def _book(qtbot, desk: Desk, *, token: str | None = None) -> None:
    marks = desk.sandbox.landmarks()
    await choose_clinic_and_doctor(
        qtbot,
        desk,
        desk.clinic_short(marks.main_clinic),
        surname(desk.resource_fio(marks.therapist)),
    )
    desk.form.date_edit.setFocus()
    qtbot.keyClick(desk.form.date_edit, Qt.Key.Key_Plus)
    if token is None:
        choose_patient(qtbot, desk, "adult")
        ctrl_enter(qtbot, desk.form.patient_picker)
    else:
        desk.form.token_edit.setFocus()
        qtbot.keyClicks(desk.form.token_edit, token)
        ctrl_enter(qtbot, desk.form.token_edit)
    await wait_until(lambda: desk.window.ticket_view.card.isVisible(), timeout=10, what="ticket")


async def test_journal_lists_the_booking_and_reprints_a_duplicate(
    qtbot, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "printed.pdf"

    def pdf_printer(_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(slip_printer, "make_printer", pdf_printer)
    async with open_desk(tmp_path) as desk:
        await _book(qtbot, desk)
        number = desk.window.ticket_view.number.text()
        qtbot.keyClick(desk.form.patient_picker, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(
            lambda: out.exists() and not desk.window.slips.printing, what="first print"
        )
        assert "ДУБЛИКАТ" not in pdf_text(out)
        out.unlink()

        view = desk.window.open_journal()
        await wait_until(lambda: view.table.model().rowCount() >= 1, what="journal rows")
        view.table.selectRow(0)
        entry = view.current_entry()
        assert entry is not None and entry.ticket is not None
        assert entry.ticket.num == number and entry.print_count == 1
        reprint = view.findChild(type(view.reprint_button), "journalReprint")
        assert reprint.isEnabled()
        qtbot.mouseClick(reprint, Qt.MouseButton.LeftButton)
        await wait_until(lambda: out.exists() and not desk.window.slips.printing, what="reprint")
        assert "ДУБЛИКАТ № 2" in pdf_text(out)
        assert desk.session.journal.get(entry.id).print_count == 2
        view.close()


async def test_remembered_token_goes_to_the_credential_store_only(
    qtbot, tmp_path, memory_keyring
) -> None:
    sandbox = Sandbox()
    settings = AppSettings(server_url="http://127.0.0.1:1", mode="work")
    with serve_in_thread(sandbox) as base_url:
        client = RegistryClient(base_url, today=lambda: sandbox.now().date())
        token = sandbox.issue_token("elderly")
        dialogs = RecordingDialogs()
        services = build_services(
            SettingsOwner(settings, persist=True),
            training=False,
            server_url=None,
            log_path=None,
            client=client,
            journal_path=tmp_path / "j.sqlite3",
            today=lambda: sandbox.now().date(),
        )
        session = Session(services, dialogs=dialogs, persist=True)
        window = session.open_window()
        desk = Desk(window, sandbox, dialogs, session)
        try:
            await wait_until(lambda: window.form.clinic_picker.model.rowCount() > 0, what="clinics")
            assert window.form.remember_token.isEnabled()
            window.form.remember_token.setFocus()
            qtbot.keyClick(window.form.remember_token, Qt.Key.Key_Space)
            await _book(qtbot, desk, token=token)
        finally:
            window.close()
            await session.close()
    assert token in memory_keyring.store.values()
    saved = settings_path().read_text(encoding="utf-8")
    assert token not in saved
    assert json.loads(saved)["remember_token"] is True
    loaded, _warning = load_settings()
    # A new window in work mode starts with the remembered token.
    services = build_services(
        SettingsOwner(loaded),
        training=False,
        server_url=None,
        log_path=None,
        client=RegistryClient("http://127.0.0.1:1"),
        journal_path=tmp_path / "j2.sqlite3",
    )
    session = Session(services, dialogs=RecordingDialogs())
    window = session.open_window(show=False)
    try:
        assert window.form.token_edit.text() == token
    finally:
        await session.close()
        save_settings(AppSettings())


async def test_the_token_never_reaches_logs_journal_or_settings(qtbot, tmp_path) -> None:
    home = Path(os.environ["DESKTOP_APP_HOME"])
    log_path = setup_logging(tmp_path / "logs")
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        async with open_http_desk(tmp_path) as desk:
            token = desk.sandbox.issue_token("adult")
            await _book(qtbot, desk, token=token)
            # Then a refusal and an unknown outcome, which log more.
            desk.sandbox.update_config({"drop_connection": True})
            desk.form.token_edit.setFocus()
            ctrl_enter(qtbot, desk.form.token_edit)
            await wait_until(lambda: desk.dialogs.shown, what="unknown dialog")
            logging.getLogger("test").info("operator pasted %s", token)
            for message in desk.dialogs.shown:
                assert token not in message.full_text
            assert token not in desk.window.windowTitle()
    finally:
        reset_logging()
    assert log_path.exists() and log_path.stat().st_size > 0
    leaks = []
    for root in (tmp_path, home):
        for path in root.rglob("*"):
            if path.is_file() and token.encode() in path.read_bytes():
                leaks.append(path)
    assert leaks == []
    # The JWT's signature part alone must not leak either.
    signature = token.rsplit(".", 1)[1].encode()
    assert not any(signature in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


async def test_settings_dialog_from_the_menu_saves(qtbot, tmp_path) -> None:
    async with open_desk(tmp_path) as desk:
        desk.session.settings.persist = True  # the owner writes settings.json from now on
        dialog = desk.window.open_settings()
        assert dialog is not None and dialog.isVisible()
        url_edit = dialog.findChild(type(desk.form.token_edit), "settingsServerUrl")
        assert url_edit is not None
        url_edit.clear()
        qtbot.keyClicks(url_edit, "https://mis.example.ru/api")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: desk.window.services.settings.current.server_url is not None,
            what="settings applied",
        )
        assert desk.window.services.settings.current.server_url == "https://mis.example.ru/api"
        loaded, _ = load_settings()
        assert loaded.server_url == "https://mis.example.ru/api"
    save_settings(AppSettings())


async def test_token_is_remembered_only_once_accepted_and_forget_forgets(
    qtbot, tmp_path, memory_keyring
) -> None:
    """A refused token is never stored; "forget" in settings is not undone by the next booking."""
    sandbox = Sandbox()
    with serve_in_thread(sandbox) as base_url:
        settings = AppSettings(server_url=base_url, mode="work")
        client = RegistryClient(base_url, today=lambda: sandbox.now().date())
        services = build_services(
            SettingsOwner(settings),
            training=False,
            server_url=None,
            log_path=None,
            client=client,
            journal_path=tmp_path / "j.sqlite3",
            today=lambda: sandbox.now().date(),
        )
        dialogs = RecordingDialogs()
        session = Session(services, dialogs=dialogs)
        window = session.open_window()
        desk = Desk(window, sandbox, dialogs, session)
        form = window.form
        try:
            await wait_until(lambda: form.clinic_picker.model.rowCount() > 0, what="clinics")
            form.remember_token.setFocus()
            qtbot.keyClick(form.remember_token, Qt.Key.Key_Space)
            assert form.remember_token.isChecked()
            expired = sandbox.issue_token("elderly", ttl_seconds=0)
            marks = sandbox.landmarks()
            await choose_clinic_and_doctor(
                qtbot,
                desk,
                desk.clinic_short(marks.main_clinic),
                surname(desk.resource_fio(marks.therapist)),
            )
            form.token_edit.setFocus()
            qtbot.keyClicks(form.token_edit, expired)
            ctrl_enter(qtbot, form.token_edit)
            await wait_until(lambda: dialogs.shown, what="refusal")
            assert dialogs.shown[-1].title == "Токен отклонён"
            assert memory_keyring.store == {}  # refused: not remembered

            good = sandbox.issue_token("elderly")
            form.token_edit.selectAll()
            qtbot.keyClicks(form.token_edit, good)
            ctrl_enter(qtbot, form.token_edit)
            await wait_until(lambda: window.ticket_view.ticket is not None, what="ticket")
            assert good in memory_keyring.store.values()

            dialog = window.open_settings()
            qtbot.mouseClick(dialog.forget_token_button, Qt.MouseButton.LeftButton)
            assert good not in memory_keyring.store.values()
            assert not form.remember_token.isChecked()
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert services.settings.current.remember_token is False

            other = sandbox.issue_token("parent")
            form.token_edit.setFocus()
            form.token_edit.selectAll()
            qtbot.keyClicks(form.token_edit, other)
            assert form.token_edit.text() == other
            ctrl_enter(qtbot, form.token_edit)
            await wait_until(
                lambda: desk.posts() == 3 and not window.booking_busy, what="third booking"
            )
            assert len(dialogs.shown) == 1  # only the refusal above
            assert window.ticket_view.ticket is not None
            assert window.status_text.text().startswith("Записано: талон №")
            assert memory_keyring.store == {}  # forgotten stays forgotten
        finally:
            window.close()
            await session.close()
