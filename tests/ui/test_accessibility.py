"""Keyboard and screen-reader contract: key widgets, accessible names, unique mnemonics."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from desktop_app.api import RegistryClient
from tests.ui.desk import open_desk

pytestmark = pytest.mark.asyncio

KEY_WIDGETS = [
    "clinicSearch",
    "resourceSearch",
    "dateEdit",
    "timeEdit",
    "bookButton",
    "ticketView",
    "ticketNumber",
    "ticketRoom",
    "ticketFloor",
    "ticketBusyType",
    "clinicStatus",
    "clinicPing",
]
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonics(window) -> Counter:
    letters: Counter = Counter()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        text = ""
        if isinstance(widget, QAbstractButton | QLabel):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        for match in MNEMONIC.finditer(text or ""):
            letters[match.group(1).casefold()] += 1
    for action in window.menuBar().actions():
        for match in MNEMONIC.finditer(action.text()):
            letters[match.group(1).casefold()] += 1
    return letters


@pytest.mark.parametrize("training", [True, False])
async def test_key_widgets_names_and_unique_mnemonics(qtbot, tmp_path, training) -> None:
    client = None if training else RegistryClient("http://127.0.0.1:9")
    async with open_desk(
        tmp_path, training=training, client=client, wait_for_clinics=training
    ) as desk:
        window = desk.window
        window.manual_action.setChecked(True)  # the manual GUID box too
        for name in KEY_WIDGETS:
            assert window.findChild(QWidget, name) is not None, name
        patient = "patientPicker" if training else "patientPolicy"
        for name in [*KEY_WIDGETS, patient]:
            widget = window.findChild(QWidget, name)
            if name.startswith("ticket") and name != "ticketView":
                continue  # value labels inside the card, named by their captions
            assert widget.accessibleName(), name
        duplicated = {k: v for k, v in mnemonics(window).items() if v > 1}
        assert duplicated == {}
        # Every input of the form is reachable by a mnemonic on its label (a buddy).
        buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
        for name in [
            "clinicSearch",
            "resourceSearch",
            "dateEdit",
            patient,
            "manualLpuGuid",
            "manualResourceGuid",
            "manualName",
            "manualRecent",
        ]:
            assert window.findChild(QWidget, name) in buddies, name
