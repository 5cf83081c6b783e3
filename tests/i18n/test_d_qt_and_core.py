"""Qt's own texts follow the UI language, and the Qt-free core is translatable without Qt.

* The Russian UI loads Qt's ``qtbase_ru.qm`` (shipped with PySide6): a text field's standard
  context menu says "Копировать", not "Copy"; the English UI takes it away again.
* ``desktop_app.text.translate`` is the identity until ``install_translator`` points it at
  ``QCoreApplication.translate``; the markers in the core are read by ``pyside6-lupdate``
  (checked by running it), so their English lives in desk_en.ts beside the UI's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QLineEdit

import desktop_app.i18n as i18n
from desktop_app.i18n import install_qt_translator, install_translator, qt_qm_path, ui_locale
from desktop_app.text import day_text, install_translate, month_text, translate, years_text

ROOT = Path(__file__).resolve().parents[2]
CORE_TEXT_SOURCES = sorted((ROOT / "desktop_app" / "text").glob("*.py"))


def tool(name: str) -> str | None:
    beside_python = Path(sys.executable).parent / name
    return str(beside_python) if beside_python.exists() else shutil.which(name)


def menu_texts(edit: QLineEdit) -> list[str]:
    menu = edit.createStandardContextMenu()
    try:
        return [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    finally:
        menu.deleteLater()


@pytest.fixture
def restore_language(qapp):
    previous = install_translate(None)
    install_translate(previous)
    yield qapp
    install_translator(qapp, "ru")
    install_translate(previous)


# -- Qt's own texts -------------------------------------------------------------------------------


def test_qt_russian_catalogue_ships_with_pyside() -> None:
    path = qt_qm_path("ru")
    assert path is not None and path.name == "qtbase_ru.qm" and path.is_file()
    assert qt_qm_path("en") is None  # Qt's source language needs no catalogue


def test_russian_ui_gives_qt_context_menus_in_russian(qtbot, restore_language) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    assert install_translator(restore_language, "ru") is True
    texts = menu_texts(edit)
    assert "Копировать" in texts and "Вставить" in texts and "Выделить всё" in texts
    assert "Copy" not in texts


def test_english_ui_gives_qt_context_menus_in_english(qtbot, restore_language) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    install_translator(restore_language, "ru")
    assert install_translator(restore_language, "en") is True
    texts = menu_texts(edit)
    assert "Copy" in texts and "Paste" in texts
    assert not any("Копировать" in t for t in texts)
    # Back to Russian: one Qt catalogue again, not two.
    install_translator(restore_language, "ru")
    assert "Копировать" in menu_texts(edit)
    assert isinstance(getattr(restore_language, "_desk_qt_translator", None), QTranslator)


def test_qt_catalogue_is_found_in_a_pyinstaller_bundle(tmp_path, monkeypatch) -> None:
    """Frozen, Qt's own folder may not be where QLibraryInfo says: the bundle's copy is used."""
    source = qt_qm_path("ru")
    assert source is not None
    bundled = tmp_path / "PySide6" / "Qt" / "translations" / "qtbase_ru.qm"
    bundled.parent.mkdir(parents=True)
    bundled.write_bytes(source.read_bytes())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(tmp_path / "nowhere"))
    assert qt_qm_path("ru") == bundled
    windows_layout = tmp_path / "PySide6" / "translations" / "qtbase_ru.qm"
    windows_layout.parent.mkdir(parents=True)
    windows_layout.write_bytes(source.read_bytes())
    bundled.unlink()
    assert qt_qm_path("ru") == windows_layout


def test_a_missing_qt_catalogue_is_logged_and_the_ui_still_starts(
    qapp, restore_language, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(i18n, "qt_translations_dirs", lambda: [Path("/nonexistent")])
    assert install_qt_translator(qapp, "ru") is False
    assert "qtbase_ru.qm not found" in caplog.text
    assert install_translator(qapp, "ru") is True  # the desk itself is fine in Russian
    edit = QLineEdit()
    assert "Copy" in menu_texts(edit)
    edit.deleteLater()


def test_the_ui_locale_follows_the_language(qapp, restore_language) -> None:
    """For widgets that spell weekdays out (a QDateEdit's "чт" / "Thu")."""
    from PySide6.QtCore import QDate, QLocale, Qt

    thursday = QDate(2026, 12, 3)
    install_translator(qapp, "ru")
    assert ui_locale().language() == QLocale.Language.Russian
    assert ui_locale().toString(thursday, "ddd") == "чт"
    install_translator(qapp, "en")
    assert ui_locale().language() == QLocale.Language.English
    assert ui_locale().toString(thursday, "dddd") == "Thursday"
    assert ui_locale().firstDayOfWeek() == Qt.DayOfWeek.Monday


# -- the core's hook ------------------------------------------------------------------------------


def test_core_translate_is_the_identity_without_a_translator() -> None:
    previous = install_translate(None)
    try:
        assert translate("DeskText", "четверг") == "четверг"
        assert day_text(date(2026, 12, 3)) == "четверг, 3 декабря 2026"
        assert [years_text(n) for n in (1, 2, 5, 21, 11)] == [
            "1 год",
            "2 года",
            "5 лет",
            "21 год",
            "11 лет",
        ]
    finally:
        install_translate(previous)


def test_a_failing_translator_shows_the_source_text(caplog) -> None:
    def broken(_context: str, _text: str) -> str:
        raise RuntimeError("boom")

    previous = install_translate(broken)
    try:
        assert translate("DeskText", "среда") == "среда"
        assert "failed" in caplog.text
    finally:
        install_translate(previous)


def test_core_markers_are_read_by_lupdate(tmp_path) -> None:
    """pyside6-lupdate finds the core's QT_TRANSLATE_NOOP and translate() calls by name."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not found")
    ts = tmp_path / "core.ts"
    options = ["-silent", "-extensions", "py", "-source-language", "ru", "-target-language", "en"]
    sources = [str(p) for p in CORE_TEXT_SOURCES]
    subprocess.run([lupdate, *options, *sources, "-ts", str(ts)], check=True, timeout=120)
    found = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(ts).getroot().iter("context")
        for m in c.iter("message")
    }
    for weekday in ("понедельник", "четверг", "воскресенье"):
        assert ("DeskText", weekday) in found
    for month in ("января", "декабря"):
        assert ("DeskText", month) in found
    assert ("DeskText", "{weekday}, {day} {month} {year}") in found
    assert {("DeskText.one", "{0} год"), ("DeskText", "{0} год"), ("DeskText", "{0} лет")} <= found


def _english_core_translator(tmp_path: Path) -> QTranslator:
    """A small English catalogue for the core's calendar words, compiled with lrelease."""
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not found")
    words = {
        "DeskText": {
            "четверг": "Thursday",
            "декабря": "December",
            "{weekday}, {day} {month} {year}": "{weekday}, {day} {month} {year}",
            "{0} год": "{0} years",
            "{0} года": "{0} years",
            "{0} лет": "{0} years",
        },
        "DeskText.one": {"{0} год": "{0} year"},
    }
    root = ET.Element("TS", version="2.1", language="en", sourcelanguage="ru")
    for context, messages in words.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source, english in messages.items():
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = english
    ts, qm = tmp_path / "core_en.ts", tmp_path / "core_en.qm"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_install_translator_points_the_core_at_qt(qapp, tmp_path, restore_language) -> None:
    """With a translator installed, the Qt-free helpers speak English (no Qt import in them)."""
    translator = _english_core_translator(tmp_path)
    install_translator(qapp, "ru")  # installs the hook
    assert qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("DeskText", "четверг") == "Thursday"
        assert day_text(date(2026, 12, 3)) == "Thursday, 3 December 2026"
        assert month_text(12) == "December"
        assert [years_text(n) for n in (1, 21, 41)] == ["1 year", "21 years", "41 years"]
    finally:
        qapp.removeTranslator(translator)
    assert day_text(date(2026, 12, 3)) == "четверг, 3 декабря 2026"


def test_the_text_package_does_not_import_qt() -> None:
    code = (
        "import sys, datetime\n"
        "import desktop_app.text as t\n"
        "t.day_text(datetime.date(2026, 12, 3)); t.years_text(3)\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))], 'Qt'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
