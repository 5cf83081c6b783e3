"""The Qt-free core's messages for the operator follow the UI's language.

Two guards: every Russian literal in the core is marked for translation (or sits in a module
whose Russian is a document or data, listed below with why); and the messages that reach the
operator come out in English in the English UI — the settings file's notice too, although it is
written before the language is known (``LaterText``).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.i18n import install_translator
from desktop_app.settings.network import InsecureUrlError, check_server_url
from desktop_app.settings.store import REASON_BAD_JSON, SECRETS_REMOVED_MESSAGE, load_settings
from desktop_app.text.translate import LaterText, in_ui_language, install_translate

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop_app"
CYRILLIC = re.compile("[А-Яа-яЁё]")
#: Calls whose string arguments are marked for lupdate (or translated on the spot).
MARKERS = {"QT_TRANSLATE_NOOP", "translate", "LaterText"}
#: Core modules whose Russian is meant to stay Russian, and why.
RUSSIAN_BY_DESIGN = {
    "sandbox": "the simulated registry server: its data and answers are a Russian server's",
    "printing": "the slip is a document the patient takes away",
    "journal/day_list.py": "the printed day list is a document",
    "training/report.py": "the mentor's report is a document",
    "text/ru.py": "the Russian helpers the documents use",
    "search": "folding, keyboard-layout and address tables (data, not messages)",
    "training/exercises.py": "clinic names of the sandbox (ГП № 1) are data",
    "api/models.py": "the registry's own names of busy types (ТМК врач-врач)",
    "api/patient.py": "the patient's identity as the journal keeps it (д. р.)",
}
#: Letters compared while folding text (ё as е), not words.
FOLDING = {"ё", "е"}


def _core_files() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "ui"
        and not any(
            str(path.relative_to(PACKAGE).as_posix()).startswith(prefix)
            for prefix in RUSSIAN_BY_DESIGN
        )
    ]


def unmarked_russian(source: str) -> list[tuple[int, str]]:
    """(line, text) of Russian literals that are neither docstrings nor marked."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # a docstring
        elif isinstance(node, ast.Call):
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", "")
            if name in MARKERS:
                skip.update(id(inner) for inner in ast.walk(node))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CYRILLIC.search(node.value)
        and id(node) not in skip
        and node.value not in FOLDING
    ]


def test_the_scan_finds_an_unmarked_message_and_passes_a_marked_one() -> None:
    sample = (
        '"""Модуль."""\n'
        'A = "Файл не найден"\n'
        'B = QT_TRANSLATE_NOOP("Ctx", "Файл найден")\n'
        'C = translate("Ctx", "Готово").format(x=1)\n'
    )
    assert unmarked_russian(sample) == [(2, "Файл не найден")]


def test_every_russian_text_of_the_core_is_marked_for_translation() -> None:
    files = _core_files()
    assert any(p.name == "network.py" for p in files)  # the scan covers the settings
    left = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in files
        for line, text in unmarked_russian(path.read_text(encoding="utf-8"))
    ]
    assert not left, "Russian text the English UI cannot translate:\n" + "\n".join(left)


def test_every_marked_core_file_is_read_by_lupdate() -> None:
    """A core file that marks texts but is missing from tools/update_translations.sh would
    never get its texts into desk_en.ts."""
    script = (ROOT / "tools" / "update_translations.sh").read_text(encoding="utf-8")
    sources = script.split("SOURCES=(", 1)[1].split(")", 1)[0].split()
    listed: set[Path] = set()
    for pattern in sources:
        listed.update(ROOT.glob(pattern.replace("**/", "**/")))
    marking = [
        path
        for path in PACKAGE.rglob("*.py")
        if "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8") and path.name != "translate.py"
    ]
    assert marking
    missing = [str(p.relative_to(ROOT)) for p in marking if p not in listed]
    assert not missing, missing


@pytest.fixture
def english(qapp):
    previous = install_translate(None)
    install_translate(previous)
    assert install_translator(qapp, "en") is True
    yield qapp
    install_translator(qapp, "ru")
    install_translate(previous)


def test_a_settings_notice_written_before_the_language_is_known_is_shown_in_english(
    english, tmp_path: Path
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "api_token": "eyJabc"}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.language == "en"
    assert isinstance(notice, LaterText)
    # The value stays the Russian source (the log, the Russian UI) ...
    assert notice == SECRETS_REMOVED_MESSAGE.format(path=path)
    # ... and the operator of the English UI reads it in English.
    shown = in_ui_language(notice)
    assert shown.startswith("A token or password was found in the settings file")
    assert str(path) in shown and not CYRILLIC.search(shown.replace(str(path), ""))


def test_a_broken_settings_file_names_its_reason_in_english(english, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    _settings, notice = load_settings(path)
    assert notice is not None and REASON_BAD_JSON in notice  # Russian source, reason inside
    shown = in_ui_language(notice)
    assert "could not be read (the JSON format is broken)" in shown
    assert not CYRILLIC.search(shown)


def test_a_core_check_speaks_the_ui_language(english) -> None:
    with pytest.raises(InsecureUrlError) as refused:
        check_server_url("http://registry.example.ru")
    assert refused.value.message.startswith("The address http://registry.example.ru uses an")
    install_translator(QCoreApplication.instance(), "ru")  # type: ignore[arg-type]
    with pytest.raises(InsecureUrlError) as russian:
        check_server_url("http://registry.example.ru")
    assert russian.value.message.startswith("Адрес http://registry.example.ru использует")


def test_plain_text_passes_through_in_ui_language() -> None:
    assert in_ui_language("обычный текст") == "обычный текст"


def test_the_english_settings_dialog_refuses_bad_values_in_english(english, qtbot) -> None:
    """The checks are the core's (network rules, path templates, proxy): typed by keys into
    the English dialog, their refusals under the fields are English."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QLabel

    from desktop_app.settings.model import AppSettings
    from desktop_app.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(AppSettings(language="en"), printers=["Till-80"])
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClicks(dialog.server_url, "http://mis.example.ru")
    proxy = dialog.proxy_url
    qtbot.keyClick(proxy, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(proxy, "not a proxy")
    booking = dialog.path_edits["booking_path"]
    qtbot.keyClick(booking, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(booking, "visit/{lpu}/{date}")
    qtbot.keyClick(dialog.server_url, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    shown = {
        name: dialog.findChild(QLabel, name).text()
        for name in ("settingsServerUrlError", "settingsProxyUrlError", "settingsBookingPathError")
    }
    assert shown["settingsServerUrlError"].startswith(
        "The address http://mis.example.ru uses an unencrypted connection"
    )
    assert shown["settingsProxyUrlError"] == (
        "The proxy server address “not a proxy” is not recognised. "
        "Example: http://proxy.clinic.local:3128"
    )
    assert shown["settingsBookingPathError"] == (
        "The path template “visit/{lpu}/{date}” must contain exactly these placeholders: "
        "{date}, {lpu}, {resource}."
    )
    for text in shown.values():
        assert not CYRILLIC.search(text), text
    dialog.reject()


def test_the_patients_identity_string_stays_russian_in_the_english_ui(english) -> None:
    """What the journal keeps and the slip (a Russian document) prints: an English desk used to
    write its policy form in English ("policy …0001, b. …") onto the Russian slip."""
    from datetime import date

    from desktop_app.api.patient import PatientName, policy_display

    born = date(1985, 4, 12)
    assert policy_display("0000202600000001", born) == "полис …0001, д. р. 12.04.1985"
    assert PatientName("Лебедев", "Антон", "Павлович", born).display() == (
        "Лебедев А. П., д. р. 12.04.1985"
    )


def test_the_journal_shows_a_stored_russian_reason_in_english(english, qtbot, tmp_path) -> None:
    """The journal keeps why a result is unknown in Russian (the core writes it while the app
    closes or starts); the English journal window shows it in English."""
    from datetime import date

    from PySide6.QtCore import Qt

    from desktop_app.journal import ShiftJournal, patient_key_from_token
    from desktop_app.journal.shift_journal import INTERRUPTED_DETAIL
    from desktop_app.ui.journal.view import JournalView

    path = tmp_path / "journal.sqlite3"
    first = ShiftJournal(path)
    first.record_attempt(
        lpu_guid="11111111-1111-1111-1111-111111111111",
        resource_guid="22222222-2222-2222-2222-222222222222",
        day=date.today(),
        at=None,
        patient_key=patient_key_from_token("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"),
        patient_label="Смирнова А. А.",
        clinic_name="ГП № 1",
        resource_name="Чижов И. П.",
        training=True,
    )
    first.close()  # closed while "sent": the next start marks it unknown
    journal = ShiftJournal(path)
    try:
        view = JournalView(journal, training=True)
        qtbot.addWidget(view)
        with qtbot.waitActive(view):
            view.show()
            view.activateWindow()
        view.table.setFocus()
        qtbot.keyClick(view.table, Qt.Key.Key_Home)
        entry = view.current_entry()
        assert entry is not None and entry.unknown_detail == INTERRUPTED_DETAIL
        details = view.details.toPlainText()
        assert "The program was closed before the server answered" in details
        assert "Программа была закрыта" not in details
        view.reject()
    finally:
        journal.close()
