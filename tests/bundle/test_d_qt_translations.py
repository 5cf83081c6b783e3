"""The build carries Qt's own Russian (qtbase_ru.qm), where the frozen app looks for it.

build_spec.py names the file in its data (PyInstaller's Qt hooks collect the folder too, but a
hook change must not make the Russian desk's context menus and print dialogs English), and its
file filter keeps it. PyInstaller itself is not run here: tools/build_and_selftest.sh builds the
bundle in CI and runs its self-test.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import Any

from desktop_app.i18n import qt_qm_path

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "build_spec.py"


def spec_functions(*names: str) -> dict[str, Any]:
    """The named functions and constants of build_spec.py, without running the build."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    wanted = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            wanted.append(node)
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in names for t in node.targets
        ):
            wanted.append(node)
    namespace: dict[str, Any] = {"os": os, "re": re, "ROOT": str(REPO)}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def test_the_spec_bundles_qtbase_ru_in_qt_s_own_layout() -> None:
    spec = spec_functions("QT_TRANSLATIONS", "_qt_translation_datas", "_datas")
    assert spec["QT_TRANSLATIONS"] == ["qtbase_ru.qm"]
    found = spec["_qt_translation_datas"]()
    assert len(found) == 1
    source, folder = found[0]
    assert Path(source).name == "qtbase_ru.qm" and Path(source).is_file()
    assert Path(source) == qt_qm_path("ru")  # the file the running app loads
    # Linux/macOS wheels: PySide6/Qt/translations; Windows wheels: PySide6/translations.
    assert folder.replace("\\", "/") in ("PySide6/Qt/translations", "PySide6/translations")
    assert (source, folder) in spec["_datas"]()


def test_the_file_filter_keeps_what_the_spec_bundles() -> None:
    spec = spec_functions(
        "DROP_PATTERNS", "LINUX_DROP_PATTERNS", "QT_TRANSLATIONS", "_qt_translation_datas"
    )
    patterns = [*spec["DROP_PATTERNS"], *spec["LINUX_DROP_PATTERNS"]]
    for source, folder in spec["_qt_translation_datas"]():
        bundled = f"{folder}/{Path(source).name}".replace("\\", "/")
        assert not [p for p in patterns if re.search(p, bundled)], bundled


def test_the_frozen_app_finds_it_in_the_bundle_layout(tmp_path, monkeypatch) -> None:
    """As in dist/DeskBooking/_internal: the bundle's copy is found when Qt's path is not."""
    import sys

    from PySide6.QtCore import QLibraryInfo

    spec = spec_functions("QT_TRANSLATIONS", "_qt_translation_datas")
    source, folder = spec["_qt_translation_datas"]()[0]
    copy = tmp_path / folder / "qtbase_ru.qm"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(Path(source).read_bytes())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(tmp_path / "no-qt-conf"))
    assert qt_qm_path("ru") == copy
