"""The English translation: complete, faithful to the placeholders, compiled, and up to date.

A translation that drops "{0}" makes str.format() raise in front of the operator; one that adds a
second "&" steals a keyboard shortcut; a .qm older than the .ts ships stale English; and a string
lupdate cannot see stays Russian forever. Each of those is a test here, so a translator (or an
engineer adding a label) hears about it before a reception desk does.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.i18n import install_translator, qm_path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "desktop_app" / "i18n"
TS = I18N / "desk_en.ts"
QM = I18N / "desk_en.qm"
UI_SOURCES = sorted((ROOT / "desktop_app" / "ui").rglob("*.py"))
#: The Qt-free core's translatable texts (desktop_app.text.translate, QT_TRANSLATE_NOOP): every
#: core file that marks a text, read by lupdate like the UI (tools/update_translations.sh lists
#: the same files; tests/i18n/test_e_core_texts.py checks that it does).
CORE_SOURCES = sorted(
    path
    for path in (ROOT / "desktop_app").rglob("*.py")
    if "ui" not in path.relative_to(ROOT / "desktop_app").parts[:1]
    and (path.parent.name == "text" or "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8"))
)

# A real string, so the runtime check fails if contexts or the .qm ever drift apart.
KNOWN_CONTEXT = "SettingsDialog"
KNOWN_SOURCE = "Настройки"
KNOWN_ENGLISH = "Settings"

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:L?\d+|n)")
BAD_TYPES = {"unfinished", "vanished", "obsolete"}


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or one per plural form
    type: str | None

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


def read_ts(path: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"[{name}] message without <translation>"
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            entries.append(
                Entry(name, message.findtext("source") or "", texts, translation.get("type"))
            )
    return entries


ENTRIES = read_ts(TS)


def tool(name: str) -> str | None:
    """A PySide6 tool from this venv (uv run puts it on PATH; a bare pytest may not)."""
    beside_python = Path(sys.executable).parent / name
    return str(beside_python) if beside_python.exists() else shutil.which(name)


def mnemonics(text: str) -> int:
    return text.replace("&&", "").count("&")


def accelerator(text: str) -> str | None:
    """The shortcut shown after a tab in a menu item ("…\\tCtrl+P"); it is not translated."""
    return text.split("\t", 1)[1] if "\t" in text else None


def test_the_translation_has_messages() -> None:
    assert len(ENTRIES) > 100
    assert ET.parse(TS).getroot().get("sourcelanguage") == "ru"
    assert ET.parse(TS).getroot().get("language") == "en"


def test_every_message_is_translated_and_current() -> None:
    bad = [f"{e} ({e.type})" for e in ENTRIES if e.type in BAD_TYPES]
    empty = [str(e) for e in ENTRIES if not all(t.strip() for t in e.translations)]
    assert not bad, "unfinished/vanished/obsolete; run tools/update_translations.sh:\n" + "\n".join(
        bad
    )
    assert not empty, "empty translations:\n" + "\n".join(empty)


def test_translations_keep_placeholders_and_line_breaks() -> None:
    wrong = []
    for e in ENTRIES:
        for text in e.translations:
            if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(e.source)):
                wrong.append(f"{e}: placeholders in {text!r}")
            if text.count("\n") != e.source.count("\n"):
                wrong.append(f"{e}: line breaks in {text!r}")
            if accelerator(text) != accelerator(e.source):
                wrong.append(f"{e}: shortcut after the tab in {text!r}")
    assert not wrong, "\n".join(wrong)


def test_translations_keep_one_mnemonic() -> None:
    """At most one "&" (a literal ampersand is "&&"), and one wherever the source has one."""
    wrong = []
    for e in ENTRIES:
        for text in e.translations:
            if mnemonics(text) > 1:
                wrong.append(f"{e}: several mnemonics in {text!r}")
            if mnemonics(text) != mnemonics(e.source):
                wrong.append(f"{e}: mnemonic lost or added in {text!r}")
            if text.replace("&&", "").endswith("&"):
                wrong.append(f"{e}: dangling '&' in {text!r}")
    assert not wrong, "\n".join(wrong)


def test_committed_qm_is_compiled_from_committed_ts(tmp_path: Path) -> None:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not found")
    fresh = tmp_path / "desk_en.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == QM.read_bytes(), (
        "desk_en.qm is stale: run tools/update_translations.sh and commit both files"
    )


def test_committed_ts_covers_every_ui_string(tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing the committed .ts lacks (takes well under 1 s).

    Fails when someone adds or rewords a UI string without running tools/update_translations.sh.
    """
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not found")
    fresh = tmp_path / "desk_en.ts"
    options = ["-silent", "-extensions", "py", "-source-language", "ru", "-target-language", "en"]
    sources = [str(path) for path in [*UI_SOURCES, *CORE_SOURCES]]
    subprocess.run([lupdate, *options, *sources, "-ts", str(fresh)], check=True, timeout=120)
    committed = {(e.context, e.source) for e in ENTRIES}
    missing = sorted({(e.context, e.source) for e in read_ts(fresh)} - committed)
    assert not missing, (
        "UI strings missing from desk_en.ts; run tools/update_translations.sh and translate:\n"
        + "\n".join(f"[{c}] {s!r}" for c, s in missing)
    )


# -- strings lupdate cannot see, or files under another context than the app asks for ----------

#: Call sites present when the translation was made; each still shows Russian in the English UI.
#: Fix the call (see the reason) and delete its line here; new ones fail the test below.
KNOWN_UNREADABLE: set[tuple[str, str]] = set()


def unreadable_calls(path: Path) -> list[tuple[int, str, str]]:
    """Translation calls whose context or text lupdate cannot know as the app will ask for it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
        reason = None
        if isinstance(func, ast.Name) and func.id == "tr":
            reason = "bare tr()"
        elif isinstance(func, ast.Attribute) and func.attr == "tr":
            if not (isinstance(func.value, ast.Name) and func.value.id == "self"):
                reason = "tr() on an object other than self"
            elif not literal[:1] == [True]:
                reason = "source is not a string literal"
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and (isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication")
        ):
            if not literal[:1] == [True]:
                reason = "context is not a string literal"
            elif not literal[1:2] == [True]:
                reason = "source is not a string literal"
        if reason:
            found.append((node.lineno, reason, ast.unparse(node)[:90]))
    return found


def test_lupdate_can_read_every_translation_call() -> None:
    new = [
        f"{path.name}:{line}: {reason}: {code}"
        for path in UI_SOURCES
        for line, reason, code in unreadable_calls(path)
        if (path.name, reason) not in KNOWN_UNREADABLE
    ]
    assert not new, (
        "lupdate cannot extract these (or files them under a context the app never asks for), "
        'so they would stay Russian; use self.tr("literal") in a QObject subclass or '
        'QCoreApplication.translate("Context", "literal"):\n' + "\n".join(new)
    )


# -- the translator at run time -----------------------------------------------------------------


@pytest.fixture
def english(qapp):
    assert install_translator(qapp, "en") is True
    yield qapp
    translator = getattr(qapp, "_desk_translator", None)
    if translator is not None:
        qapp.removeTranslator(translator)
        qapp._desk_translator = None
    # Other tests expect the Russian source text.
    assert QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE) == KNOWN_SOURCE


def test_known_string_is_in_the_ts() -> None:
    assert Entry(KNOWN_CONTEXT, KNOWN_SOURCE, (KNOWN_ENGLISH,), None) in ENTRIES


def test_english_translator_translates(english) -> None:
    assert QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE) == KNOWN_ENGLISH
    assert QCoreApplication.translate("MainWindow", "&Настройки…") == "&Settings…"


def test_english_twice_keeps_one_translator(english) -> None:
    first = english._desk_translator
    assert install_translator(english, "en") is True
    assert english._desk_translator is not first
    assert QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE) == KNOWN_ENGLISH


def test_back_to_russian_removes_english(english) -> None:
    assert install_translator(english, "ru") is True
    assert QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE) == KNOWN_SOURCE


def test_russian_needs_no_translator(qapp) -> None:
    assert install_translator(qapp, "ru") is True
    assert getattr(qapp, "_desk_translator", None) is None
    assert QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE) == KNOWN_SOURCE


def test_missing_translation_is_logged_not_raised(qapp, caplog) -> None:
    assert install_translator(qapp, "de") is False
    assert "desk_de.qm" in caplog.text
    assert QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE) == KNOWN_SOURCE


def test_qm_is_found_inside_a_pyinstaller_bundle(tmp_path, monkeypatch) -> None:
    bundled = tmp_path / "desktop_app" / "i18n" / "desk_xx.qm"
    bundled.parent.mkdir(parents=True)
    bundled.write_bytes(QM.read_bytes())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert qm_path("xx") == bundled
    assert qm_path("en") == QM  # the package folder still comes first


# -- the real window in English -----------------------------------------------------------------

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def window_mnemonics(window) -> Counter:
    """Letters of every visible mnemonic, as tests/ui/test_accessibility.py counts them."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

    letters: Counter = Counter()
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    for text in texts:
        letters.update(m.group(1).casefold() for m in MNEMONIC.finditer(text or ""))
    return letters


@pytest.mark.parametrize("training", [True, False])
def test_english_window_has_unique_mnemonics(english, tmp_path, training) -> None:
    """Alt+letter reaches one control in English too (the Russian rule, tests/ui)."""
    import asyncio

    import qasync

    from desktop_app.api import RegistryClient
    from tests.ui.desk import open_desk

    async def letters() -> Counter:
        client = None if training else RegistryClient("http://127.0.0.1:9")
        async with open_desk(
            tmp_path, training=training, client=client, wait_for_clinics=training
        ) as desk:
            window = desk.window
            window.manual_action.setChecked(True)  # the manual GUID box too
            assert window.menuBar().actions()[0].text() == "Boo&king"
            await asyncio.sleep(0)
            found = window_mnemonics(window)
        # open_desk has deleted the window by now (tests/qtkit.py), before the fixture
        # removes the translator: a closed window would still get the LanguageChange.
        return found

    english.setQuitOnLastWindowClosed(False)  # as tests/ui/conftest.py and the app do
    # As ui/platform/app.py runs it: the Runner cancels what is left and closes the loop cleanly.
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(english)) as runner:
        found = runner.run(letters())
    assert len(found) > 15
    assert {letter: n for letter, n in found.items() if n > 1} == {}
