"""``--self-test`` in process, and the PyInstaller spec read as text.

PyInstaller itself is not run here: CI builds the spec and runs the frozen self-test with
``tools/build_and_selftest.sh``.
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from pathlib import Path

import pytest

from desktop_app import selftest
from desktop_app.selftest import PDF_FILE_NAME, REPORT_FILE_NAME, run_self_test

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "build_spec.py"


# --- the self-test ------------------------------------------------------------------------------


def test_self_test_passes_and_reuses_the_running_qapplication(qapp, tmp_path, capsys):
    """pytest-qt's QApplication is already there: the self-test must use it, not make another."""
    from PySide6.QtWidgets import QApplication

    assert run_self_test(tmp_path) == 0

    assert QApplication.instance() is qapp
    pdf = tmp_path / PDF_FILE_NAME
    assert pdf.is_file()
    assert pdf.stat().st_size > 1024
    assert pdf.read_bytes().startswith(b"%PDF-")
    out = capsys.readouterr().out
    assert "self-test PASSED" in out
    assert "FAIL" not in out
    for step in (
        "Qt application",
        "Qt plugins",
        "booking on the in-process sandbox",
        "slip rendered to PDF",
        "PDF file check",
        "printers",
    ):
        assert f"OK    {step}" in out
    assert str(pdf) in out
    assert (tmp_path / REPORT_FILE_NAME).read_text(encoding="utf-8") == out


def test_a_failing_step_is_reported_and_returns_1_without_raising(
    qapp, tmp_path, capsys, monkeypatch
):
    def broken_booking(*_args: object) -> str:
        raise ConnectionError("sandbox unreachable")

    monkeypatch.setattr(selftest, "_book", broken_booking)

    assert run_self_test(tmp_path) == 1

    out = capsys.readouterr().out
    assert "FAIL  booking on the in-process sandbox: ConnectionError: sandbox unreachable" in out
    assert "FAIL  slip rendered to PDF" in out  # no ticket, no slip
    assert "self-test FAILED" in out
    assert not (tmp_path / PDF_FILE_NAME).exists()


def test_without_stdout_the_report_still_reaches_the_file(tmp_path, monkeypatch):
    """A windowed exe has ``sys.stdout is None``; printing must not crash the report."""
    monkeypatch.setattr(sys, "stdout", None)
    selftest._emit("OK    step\nself-test PASSED\n", tmp_path)
    assert (tmp_path / REPORT_FILE_NAME).read_text(encoding="utf-8").endswith("PASSED\n")


def test_main_routes_the_flag_before_the_ui(monkeypatch, tmp_path):
    import desktop_app.__main__ as entry

    calls: list[Path | None] = []

    def fake_self_test(out_dir: Path | None = None) -> int:
        calls.append(out_dir)
        return 7

    monkeypatch.setattr(selftest, "run_self_test", fake_self_test)
    monkeypatch.setattr(sys, "argv", ["DeskBooking", "--self-test"])
    assert entry.main() == 7
    monkeypatch.setattr(
        sys, "argv", ["DeskBooking", "--self-test", "--self-test-out", str(tmp_path)]
    )
    assert entry.main() == 7
    monkeypatch.setattr(sys, "argv", ["DeskBooking", f"--self-test-out={tmp_path}", "--self-test"])
    assert entry.main() == 7
    assert calls == [None, tmp_path, tmp_path]


# --- the spec -----------------------------------------------------------------------------------


def _spec_assignments() -> dict[str, object]:
    """Module-level literal assignments of build_spec.py (EXCLUDES, DROP_PATTERNS, ...)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                try:
                    values[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    pass
    return values


def test_spec_compiles():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    stub = REPO / "DeskBooking.spec"
    compile(stub.read_text(encoding="utf-8"), str(stub), "exec")
    assert "build_spec.py" in stub.read_text(encoding="utf-8")


def test_spec_never_excludes_print_support():
    values = _spec_assignments()
    excludes = [*values["EXCLUDES"], *values["LINUX_EXCLUDES"]]  # type: ignore[misc]
    assert excludes, "no excludes found in build_spec.py"
    assert not [name for name in excludes if "printsupport" in name.lower()]
    # The Analysis gets exactly these lists.
    text = SPEC.read_text(encoding="utf-8")
    assert re.search(r"excludes=EXCLUDES \+ \(LINUX_EXCLUDES if IS_LINUX else \[\]\)", text)
    # Other Qt bindings are out; QtNetwork stays (single-instance QLocalServer).
    for name in (
        "PyQt5",
        "PyQt6",
        "PySide2",
        "tkinter",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtWebEngineCore",
        "PySide6.QtMultimedia",
        "PySide6.QtSql",
    ):
        assert name in excludes
    for name in ("PySide6.QtNetwork", "PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtSvg"):
        assert name not in excludes


def test_spec_run_as_a_script_builds_through_pyinstaller_on_the_stub(monkeypatch):
    """``python build_spec.py`` hands the stub to PyInstaller (which provides the spec's
    globals) instead of analysing by itself; PyInstaller is replaced here, not run."""
    import runpy

    import PyInstaller.__main__

    calls: list[list[str]] = []
    monkeypatch.setattr(PyInstaller.__main__, "run", lambda args: calls.append(list(args)))
    monkeypatch.setattr(sys, "argv", [str(SPEC), "--log-level", "WARN"])
    with pytest.raises(SystemExit) as exited:
        runpy.run_path(str(SPEC), run_name="__main__")
    assert exited.value.code == 0
    assert calls == [
        ["--noconfirm", "--clean", "--log-level", "WARN", str(REPO / "DeskBooking.spec")]
    ]


@pytest.mark.parametrize(
    "path",
    [
        # Linux wheel layout
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/QtPrintSupport.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/translations/qtbase_ru.qm",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/lib/libQt6Network.so.6",
        # Windows wheel layout (no Qt/ level)
        "PySide6/Qt6PrintSupport.dll",
        "PySide6/QtPrintSupport.pyd",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/translations/qtbase_ru.qm",
        "PySide6/Qt6Network.dll",
        "resources/app.png",
    ],
)
def test_spec_file_filter_keeps(path):
    values = _spec_assignments()
    patterns = [*values["DROP_PATTERNS"], *values["LINUX_DROP_PATTERNS"]]  # type: ignore[misc]
    assert not [p for p in patterns if re.search(p, path)]


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_ru.qm",
        "PySide6/Qt/translations/qtwebengine_ru.qm",
        "PySide6/translations/qtbase_fr.qm",
        "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
        "PySide6/opengl32sw.dll",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/plugins/imageformats/qjpeg.dll",
    ],
)
def test_spec_file_filter_drops(path):
    patterns = _spec_assignments()["DROP_PATTERNS"]
    assert [p for p in patterns if re.search(p, path)]  # type: ignore[union-attr]


def test_app_icon_is_a_multi_size_ico():
    data = (REPO / "resources" / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = {struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    assert (REPO / "resources" / "app.png").read_bytes().startswith(b"\x89PNG")
