"""The real window in work mode against the hostile registry, driven by keys.

What the operator sees for each hostile answer: the ticket card, the dialog, the status bar and
the print buttons; and how many booking POSTs reached the server.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.api import ClientSettings, RegistryClient
from desktop_app.sandbox import Sandbox
from tests.hostile.server import (
    MAIN_CLINIC_SHORT,
    SCRIPT_FIO,
    THERAPIST_FIO,
    HostileServer,
    script_fio,
)
from tests.hostile.test_hostile_outcomes import fake_jwt
from tests.ui.asyncwait import wait_until
from tests.ui.desk import Desk, choose_clinic_and_doctor, ctrl_enter, open_desk, surname

pytestmark = pytest.mark.asyncio

TOKEN = fake_jwt("card-5500987654")


@contextlib.asynccontextmanager
async def hostile_desk(tmp_path: Path, server: HostileServer) -> AsyncIterator[Desk]:
    """Work mode over real HTTP to the hostile server; the sandbox only supplies "today"."""
    sandbox = Sandbox()
    client = RegistryClient(
        server.base_url,
        settings=ClientSettings(read_timeout=2.0),
        trust_env=False,
        today=lambda: sandbox.now().date(),
    )
    async with open_desk(tmp_path, sandbox=sandbox, client=client, training=False) as desk:
        yield desk


async def _fill(qtbot, desk: Desk) -> None:
    """ГП № 7, the therapist, tomorrow, the patient's token — typed as at the desk."""
    await choose_clinic_and_doctor(qtbot, desk, MAIN_CLINIC_SHORT, surname(THERAPIST_FIO))
    desk.form.date_edit.setFocus()
    qtbot.keyClick(desk.form.date_edit, Qt.Key.Key_Plus)
    desk.form.token_edit.setFocus()
    qtbot.keyClicks(desk.form.token_edit, TOKEN)


async def _book(qtbot, desk: Desk, done) -> None:
    ctrl_enter(qtbot, desk.form.token_edit)
    await wait_until(
        lambda: not desk.window.booking_busy and done(), timeout=10, what="booking outcome"
    )


def _print_widgets(desk: Desk) -> list:
    w = desk.window
    return [
        w.print_button,
        w.print_dialog_button,
        w.preview_button,
        w.pdf_button,
        w.print_action,
        w.print_dialog_action,
        w.preview_action,
        w.pdf_action,
    ]


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _card_shown(desk: Desk) -> bool:
    return desk.window.ticket_view.card.isVisible()


async def test_ok_shows_the_ticket_and_enables_print(qtbot, tmp_path, hostile) -> None:
    async with hostile_desk(tmp_path, hostile) as desk:
        await _fill(qtbot, desk)
        await _book(qtbot, desk, lambda: _card_shown(desk))
        view = desk.window.ticket_view
        assert view.number.text() == "Т-042"
        assert (view.room.text(), view.floor.text()) == ("214", "2")
        assert view.when.text().startswith("10:00–10:15")
        assert all(w.isEnabled() for w in _print_widgets(desk))
        assert "Записано" in desk.window.status_text.text()
        assert "Т-042" in desk.window.status_text.text()
        assert desk.dialogs.shown == []
        assert hostile.posts == 1
        assert hostile.auth == [f"Bearer {TOKEN}"]


async def test_gateway_502_says_unknown_and_shows_no_ticket(qtbot, tmp_path, hostile) -> None:
    hostile.scenario = "html_502"
    async with hostile_desk(tmp_path, hostile) as desk:
        await _fill(qtbot, desk)
        await _book(qtbot, desk, lambda: desk.dialogs.shown)
        message = desk.dialogs.shown[-1]
        assert message.title == "Результат записи неизвестен"
        assert "МОГЛА" in message.text
        assert "Код: 502" in message.details
        assert not _card_shown(desk) and desk.window.ticket_view.ticket is None
        assert not any(w.isEnabled() for w in _print_widgets(desk))
        assert "неизвестен" in desk.window.status_text.text()
        assert hostile.posts == 1

        # Booking the same patient again asks first; "Отмена" sends nothing.
        desk.dialogs.answers.append(False)
        await _book(qtbot, desk, lambda: desk.dialogs.asked)
        assert desk.dialogs.asked[-1].title == "Возможна повторная запись"
        assert hostile.posts == 1
        assert "отменена" in desk.window.status_text.text()

        # "Записать ещё раз" sends one more POST.
        hostile.scenario = "ok"
        desk.dialogs.answers.append(True)
        await _book(qtbot, desk, lambda: _card_shown(desk))
        assert len(desk.dialogs.asked) == 2
        assert hostile.posts == 2


async def test_unknown_after_a_ticket_clears_the_previous_ticket(qtbot, tmp_path, hostile) -> None:
    async with hostile_desk(tmp_path, hostile) as desk:
        await _fill(qtbot, desk)
        await _book(qtbot, desk, lambda: _card_shown(desk))
        assert desk.window.print_button.isEnabled()

        hostile.scenario = "html_502"
        # The same patient, speciality and day: the desk asks first; the operator books anyway.
        desk.dialogs.choices.append("book")
        await _book(qtbot, desk, lambda: desk.dialogs.shown)
        assert desk.dialogs.offered[-1][1] == "skip"  # "Не записывать" is the default
        assert desk.dialogs.shown[-1].title == "Результат записи неизвестен"
        view = desk.window.ticket_view
        assert not _card_shown(desk) and view.ticket is None
        assert desk.window.last_attempt_id is None
        assert not any(w.isEnabled() for w in _print_widgets(desk))
        assert hostile.posts == 2

        # Ctrl+P now prints nothing: there is no ticket to print, and it says so.
        shown = len(desk.dialogs.shown)
        qtbot.keyClick(desk.form.token_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(desk.dialogs.shown) > shown, what="nothing-to-print note")
        assert desk.dialogs.shown[-1].title == "Печать"
        assert "Нет талона" in desk.dialogs.shown[-1].text
        assert not desk.window.slips.printing
        first = desk.session.journal.entries()[-1]
        assert first.status == "booked" and first.print_count == 0


async def test_error_in_200_shows_the_servers_message(qtbot, tmp_path, hostile) -> None:
    hostile.scenario = "error_in_200"
    async with hostile_desk(tmp_path, hostile) as desk:
        await _fill(qtbot, desk)
        await _book(qtbot, desk, lambda: desk.dialogs.shown)
        message = desk.dialogs.shown[-1]
        assert message.title == "Запись не создана"
        assert message.text == "Время занято"
        assert "Код: 4009" in message.details
        assert not _card_shown(desk)
        assert not desk.window.print_button.isEnabled()
        assert "сервер отказал" in desk.window.status_text.text()
        assert hostile.posts == 1


async def test_mixed_offsets_card_and_pdf_slip(qtbot, tmp_path, hostile) -> None:
    hostile.scenario = "mixed_offsets"
    async with hostile_desk(tmp_path, hostile) as desk:
        await _fill(qtbot, desk)
        await _book(qtbot, desk, lambda: _card_shown(desk))
        assert desk.window.ticket_view.when.text().startswith("08:00–08:12")
        assert desk.dialogs.shown == []
        out = desk.window.slips.save_pdf_to(tmp_path / "slip.pdf")
        assert out is not None and out.read_bytes().startswith(b"%PDF")
        text = _pdf_text(out)
        assert "08:00–08:12" in text
        assert "Т-042" in text
        assert desk.dialogs.shown == []  # no print failure
        entry = desk.session.journal.get(desk.window.last_attempt_id)
        assert entry.print_count == 1
        assert hostile.posts == 1


async def test_markup_in_the_doctors_name_shows_literally(qtbot, tmp_path, hostile) -> None:
    hostile.scenario = script_fio
    async with hostile_desk(tmp_path, hostile) as desk:
        await _fill(qtbot, desk)
        await _book(qtbot, desk, lambda: _card_shown(desk))
        doctor = desk.window.ticket_view.doctor
        assert doctor.textFormat() == Qt.TextFormat.PlainText
        assert doctor.text().startswith(SCRIPT_FIO)
        out = desk.window.slips.save_pdf_to(tmp_path / "slip.pdf")
        assert out is not None
        flat = " ".join(_pdf_text(out).split())
        assert "<script>" in flat and "<b>Иван</b>" in flat
        assert hostile.posts == 1
