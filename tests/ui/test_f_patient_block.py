"""The "Пациент" block by keys: policy + birth date → the patient's token from the sandbox's
authorization service over real HTTP; its error dialogs; the pasted-token fallback; F2's wipe."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.api import RegistryClient
from desktop_app.sandbox import Sandbox
from desktop_app.services import build_training_client
from desktop_app.settings.redact import redact
from desktop_app.ui.desk.patient_block import PatientBlock, PatientIdentity, PatientLookup
from desktop_app.ui.platform.dialogs import Dialogs, RecordingDialogs
from tests.qtkit import type_text
from tests.ui.asyncwait import wait_until
from tests.ui.test_f_kit import Clock, button, http_registry, spawner, wait_box

pytestmark = pytest.mark.asyncio

ADULT_POLICY = "0000202600000001"  # Лебедев Антон Павлович, 12.04.1985

_alive: list[QWidget] = []


@pytest.fixture(autouse=True)
def _forget_hosts():
    yield
    _alive.clear()


async def make_block(qtbot, client, dialogs, *, lpu, allow_surname=False, today=None):
    tasks: set = set()
    host = QWidget()
    qtbot.addWidget(host)
    lookup = PatientLookup(client, dialogs, spawner(tasks), parent=host)
    block = PatientBlock(
        host,
        lpu_guid=lambda: lpu[0],
        lookup=lookup,
        allow_surname=allow_surname,
        today=today or (lambda: date(2026, 3, 2)),
    )
    host.resize(500, 300)
    host.show()
    host.activateWindow()
    _alive.append(host)  # the block's parent lives until the test's windows are disposed
    await wait_until(host.isActiveWindow, what="block window active")
    return block, tasks


def enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


async def test_policy_and_birth_date_by_keys_find_the_patient(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        dialogs = RecordingDialogs()
        lpu = [reg.main_clinic]
        block, _tasks = await make_block(qtbot, reg.client, dialogs, lpu=lpu)
        seen: list[PatientIdentity] = []
        block.identified.connect(seen.append)

        block.policy_edit.setFocus()
        type_text(block.policy_edit, "0000 2026")
        assert block.policy_hint.isVisible() and block.policy_hint.text() == "8 из 16 цифр"
        enter(qtbot, block.policy_edit)  # too short: red, stays
        assert block.policy_hint.text() == "Полис — 16 цифр, введено 8"
        assert "b3261e" in block.policy_hint.styleSheet()
        assert QApplication.focusWidget() is block.policy_edit
        type_text(block.policy_edit, " 0000 0001")
        assert not block.policy_hint.isVisible()
        enter(qtbot, block.policy_edit)  # complete: on to the birth date
        assert QApplication.focusWidget() is block.birth_edit
        type_text(block.birth_edit, "12041985")  # the dots come by themselves
        assert block.birth_edit.text() == "12.04.1985"
        enter(qtbot, block.birth_edit)

        await wait_until(lambda: seen, timeout=10, what="identified")
        identity = seen[0]
        assert identity is block.identity
        assert identity.display == "Лебедев А. П., д. р. 12.04.1985"
        assert block.result_label.text() == "✔ Лебедев А. П., д. р. 12.04.1985"
        assert identity.token == reg.sandbox.issue_token("adult")
        assert identity.policy == ADULT_POLICY and identity.birth_date == date(1985, 4, 12)
        assert identity.lpu_guid == reg.main_clinic and not identity.pasted
        assert "token" not in repr(identity).replace("token=***", "")
        assert ADULT_POLICY not in repr(identity)
        assert dialogs.shown == []
        assert reg.requests("GET", "/auth/lpu/token") == 1

        # A token is per clinic: the same clinic needs no new lookup, another one does.
        assert not block.lookup_needed_for(reg.main_clinic)
        other = next(c["guid"] for c in reg.sandbox.clinics() if c["guid"] != reg.main_clinic)
        assert block.lookup_needed_for(other)
        lpu[0] = other
        again = await block.identify()
        assert again is not None and again.lpu_guid == other
        assert not block.lookup_needed_for(other)

        # What was typed is masked in logs from now on.
        assert ADULT_POLICY not in redact(f"policy {ADULT_POLICY}")
        assert "12.04.1985" not in redact("born 12.04.1985")
        assert "1985-04-12" not in redact("Birthday=1985-04-12")

        # Editing the data drops the identity; F2's clear() wipes every field.
        cleared: list[bool] = []
        block.cleared.connect(lambda: cleared.append(True))
        block.birth_edit.setFocus()
        qtbot.keyClick(block.birth_edit, Qt.Key.Key_End)
        qtbot.keyClick(block.birth_edit, Qt.Key.Key_Backspace)
        assert block.identity is None and cleared == [True]
        assert block.result_label.text() == ""
        block.clear()
        assert block.policy_edit.text() == "" and block.birth_edit.text() == ".."
        assert block.token_edit.text() == "" and block.identity is None


async def test_not_found_dialog_says_what_to_do(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        dialogs = Dialogs()
        block, _tasks = await make_block(qtbot, reg.client, dialogs, lpu=[reg.main_clinic])
        block.policy_edit.setFocus()
        type_text(block.policy_edit, ADULT_POLICY)
        enter(qtbot, block.policy_edit)
        type_text(block.birth_edit, "13.04.1985")  # one day off
        enter(qtbot, block.birth_edit)

        box = await wait_box("not-found dialog")
        assert box.windowTitle() == "Пациент не найден"
        assert box.text() == "Сервис авторизации не нашёл пациента с такими данными."
        details = box.informativeText()
        assert "Проверьте номер полиса и дату рождения" in details
        assert "попросите у пациента документ" in details
        assert "Код: 4041" in details
        assert ADULT_POLICY not in box.text() + details
        qtbot.mouseClick(button(box, "OK"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: not box.isVisible(), what="dialog closed")
        assert block.identity is None
        assert block.result_label.text() == "Пациент не найден"


async def test_surname_lookup_of_a_twin_gives_several_cards(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        dialogs = RecordingDialogs()
        block, _tasks = await make_block(
            qtbot, reg.client, dialogs, lpu=[reg.main_clinic], allow_surname=True
        )
        assert block.surname_edit.isVisibleTo(block)
        block.surname_edit.setFocus()
        type_text(block.surname_edit, "Кравцова")
        enter(qtbot, block.surname_edit)
        assert QApplication.focusWidget() is block.birth_edit
        type_text(block.birth_edit, "18061996")
        enter(qtbot, block.birth_edit)
        await wait_until(lambda: dialogs.shown, timeout=10, what="4042 dialog")
        [message] = dialogs.shown
        assert message.title == "Найдено несколько карт"
        assert "Найдите пациента по номеру полиса ОМС" in (message.details or "")
        assert "Код: 4042" in (message.details or "")
        assert block.identity is None

        # By surname alone (a unique one) the patient is found and named.
        block.clear()
        seen: list[PatientIdentity] = []
        block.identified.connect(seen.append)
        block.surname_edit.setFocus()
        type_text(block.surname_edit, "лебедев")
        qtbot.keyClick(block.surname_edit, Qt.Key.Key_Tab)
        type_text(block.birth_edit, "12041985")
        enter(qtbot, block.birth_edit)
        await wait_until(lambda: seen, timeout=10, what="identified by surname")
        assert seen[0].display == "Лебедев А. П., д. р. 12.04.1985"
        assert seen[0].policy is None and seen[0].surname == "лебедев"


async def test_no_clinic_and_bad_birth_dates_send_nothing(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        dialogs = RecordingDialogs()
        lpu: list[str | None] = [None]
        block, _tasks = await make_block(qtbot, reg.client, dialogs, lpu=lpu)
        assert not block.surname_edit.isVisibleTo(block)  # the site does not allow it
        block.policy_edit.setFocus()
        type_text(block.policy_edit, ADULT_POLICY)
        enter(qtbot, block.policy_edit)
        type_text(block.birth_edit, "31.02.1985")
        enter(qtbot, block.birth_edit)
        assert block.birth_hint.isVisible()
        assert block.birth_hint.text() == "Нет такой даты рождения — проверьте цифры"
        block.birth_edit.clear()
        type_text(block.birth_edit, "01.01.2030")  # after "today"
        enter(qtbot, block.birth_edit)
        assert block.birth_hint.isVisible()
        block.birth_edit.clear()
        type_text(block.birth_edit, "12.04.1985")
        enter(qtbot, block.birth_edit)
        [message] = dialogs.shown
        assert message.title == "Сначала выберите поликлинику"
        assert "токен пациента выдаётся для одной поликлиники" in message.text
        assert reg.requests("GET", "/auth/lpu/token") == 0

        # Enter in the birth date with no policy: the policy is asked for.
        block.policy_edit.clear()
        block.birth_edit.setFocus()
        enter(qtbot, block.birth_edit)
        assert QApplication.focusWidget() is block.policy_edit
        assert block.policy_hint.text() == "Введите полис ОМС (16 цифр)"


async def test_service_down_dialog_offers_the_pasted_token(qtbot, tmp_path) -> None:
    async with http_registry(tmp_path) as reg:
        dead = RegistryClient("http://127.0.0.1:9", today=lambda: date(2026, 3, 2))
        try:
            dialogs = RecordingDialogs()
            block, _tasks = await make_block(qtbot, dead, dialogs, lpu=[reg.main_clinic])
            block.fill(ADULT_POLICY, date(1985, 4, 12))
            assert await block.identify() is None
            [message] = dialogs.shown
            assert message.title == "Нет связи с сервисом авторизации"
            assert "«Вставить токен…»" in (message.details or "")

            # The fallback: "Вставить токен…" reveals a password field; Enter identifies.
            seen: list[PatientIdentity] = []
            block.identified.connect(seen.append)
            assert block.paste_button.isVisible() and not block.token_edit.isVisible()
            qtbot.mouseClick(block.paste_button, Qt.MouseButton.LeftButton)
            assert block.token_edit.isVisible() and not block.paste_button.isVisible()
            assert QApplication.focusWidget() is block.token_edit
            token = reg.sandbox.issue_token("adult")
            qtbot.keyClicks(block.token_edit, token)
            enter(qtbot, block.token_edit)
            [identity] = seen
            assert identity.pasted and identity.token == token
            assert identity.display == "полис …0001, д. р. 12.04.1985"
            assert not block.lookup_needed_for(reg.main_clinic)  # taken as it is
            assert token not in redact(f"Bearer-less {token}")
            block.clear()
            assert block.identity is None and not block.token_edit.isVisible()

            # A token from outside (DESKTOP_APP_TOKEN) serves like a pasted one until F2.
            block.set_token(token)
            assert block.identity is not None and block.identity.pasted
            assert block.result_label.text() == "✔ Токен вставлен вручную"
            block.clear()
            assert block.identity is None
        finally:
            await dead.aclose()


async def test_an_answer_for_data_edited_meanwhile_is_dropped(qtbot) -> None:
    release = asyncio.Event()

    class SlowClient:
        async def patient_token(self, lpu_guid, query):
            from desktop_app.api.patient import PatientToken

            await release.wait()
            return PatientToken("slow-token-123456789", None)

    dialogs = RecordingDialogs()
    block, tasks = await make_block(qtbot, SlowClient(), dialogs, lpu=["a" * 8])
    busy: list[bool] = []
    block.busy_changed.connect(busy.append)
    block.fill(ADULT_POLICY, date(1985, 4, 12))
    block.birth_edit.setFocus()
    enter(qtbot, block.birth_edit)
    await wait_until(lambda: block.busy, what="lookup running")
    assert block.result_label.text() == "Поиск пациента…"
    enter(qtbot, block.birth_edit)  # a second Enter while busy starts nothing
    assert len(tasks) == 1
    block.policy_edit.setFocus()
    qtbot.keyClick(block.policy_edit, Qt.Key.Key_Backspace)
    release.set()
    await wait_until(lambda: not tasks, what="lookup done")
    assert block.identity is None and busy == [True, False]


async def test_training_mode_uses_the_same_block(qtbot) -> None:
    clock = Clock()
    sandbox = Sandbox(clock=clock)
    client = build_training_client(sandbox)
    try:
        dialogs = RecordingDialogs()
        block, _tasks = await make_block(
            qtbot, client, dialogs, lpu=[sandbox.landmarks().main_clinic]
        )
        child = next(p for p in sandbox.patients() if p["id"] == "child")
        block.policy_edit.setFocus()
        type_text(block.policy_edit, child["policy"])
        enter(qtbot, block.policy_edit)
        y, m, d = child["birthDate"].split("-")
        type_text(block.birth_edit, f"{d}{m}{y}")
        enter(qtbot, block.birth_edit)
        await wait_until(lambda: block.identity is not None, timeout=10, what="identified")
        identity = block.identity
        assert identity is not None
        assert identity.display == "Соколова А. Д., д. р. 14.03.2019"
        assert identity.token == sandbox.issue_token("child")
    finally:
        await client.aclose()
