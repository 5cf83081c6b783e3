"""The window's menus wired to the journal, settings, the credential store and the logs."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop_app.logs import reset_logging, setup_logging
from desktop_app.settings.model import AppSettings
from desktop_app.settings.store import load_settings, save_settings
from desktop_app.ui.printing import slip_printer
from tests.ui.asyncwait import wait_until
from tests.ui.desk import (
    Desk,
    choose_main_therapist,
    choose_patient,
    ctrl_enter,
    open_desk,
    open_http_desk,
)
from tests.ui.test_printing_flow import pdf_text

pytestmark = pytest.mark.asyncio


async def _book(qtbot, desk: Desk, *, token: str | None = None) -> None:
    await choose_main_therapist(qtbot, desk)
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
            desk.dialogs.choices.append("book")  # same patient and speciality: book anyway
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
