"""``--self-test``: prove that a build (frozen or not) can do the desk's job on this computer.

A desk technician runs ``DeskBooking-debug.exe --self-test`` after installing a build; CI runs it
on the PyInstaller output. It exercises exactly what a broken bundle loses first: Qt's plugins
(platform, print support), the in-process sandbox with its HTTP stack, the slip renderer and
PDF writer, the printer list, the OS trust store and the credential store backend.

One booking is made on the in-process sandbox (no socket, nothing leaves the computer), its slip
is saved as a PDF, and each step is reported OK/FAIL. The return code is 0 only when every step
passed; nothing here raises. The report goes to stdout; in a windowed build there is no stdout
(``sys.stdout is None``), so it is also always written to ``selftest-report.txt`` beside the PDF.
"""

from __future__ import annotations

import asyncio
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

REPORT_FILE_NAME = "selftest-report.txt"
PDF_FILE_NAME = "selftest-slip.pdf"
JOURNAL_NAME = "selftest-journal.sqlite3"
#: A slip PDF with its text layer, fonts and QR code is ~20-40 KB; under this it is surely empty.
MIN_PDF_BYTES = 1024

#: The QApplication must outlive the steps that paint; module-level so it is never collected.
_keep_alive: list[Any] = []
#: What one step hands to the next (the ticket, the printers); cleared at each run.
_state: dict[str, Any] = {}


@dataclass
class _Report:
    lines: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def info(self, text: str) -> None:
        self.lines.append(f"      {text}")

    def step(self, name: str, action: Callable[[], Any]) -> Any:
        """Run ``action``; OK with its (short) result, or FAIL with the exception. Never raises."""
        try:
            result = action()
        except Exception as exc:  # a self-test reports, it does not crash
            self.failed.append(name)
            self.lines.append(f"FAIL  {name}: {type(exc).__name__}: {exc}")
            for line in traceback.format_exception(exc)[-6:]:
                for sub in line.rstrip().splitlines():
                    self.lines.append(f"        {sub}")
            return None
        detail = f": {result}" if isinstance(result, str) and result else ""
        self.lines.append(f"OK    {name}{detail}")
        return result

    def text(self) -> str:
        verdict = "PASSED" if not self.failed else f"FAILED ({', '.join(self.failed)})"
        return "\n".join([*self.lines, f"self-test {verdict}"]) + "\n"


def _qt_app() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    # Under pytest-qt (or inside the running app) a QApplication already exists: reuse it.
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "DeskBooking"])
        _keep_alive.append(app)
    name = app.platformName() if isinstance(app, QApplication) else type(app).__name__
    return f"Qt {qVersion()}, PySide6 {pyside_version}, platform plugin {name!r}"


def _qt_plugins() -> str:
    """The plugin files a frozen build must carry; print support is the one most easily lost."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platforms = sorted(p.name for p in (plugins / "platforms").glob("*") if p.is_file())
    printsupport = sorted(p.name for p in (plugins / "printsupport").glob("*") if p.is_file())
    if sys.platform == "win32":
        # Qt 6 builds Windows print support into Qt6PrintSupport.dll itself (no plugin).
        needed = {"platforms": ["qwindows"]}
    elif sys.platform == "darwin":
        needed = {"platforms": ["qcocoa"]}
    else:
        # Without the CUPS plugin Qt lists no printers at all on Linux.
        needed = {"platforms": ["qxcb"], "printsupport": ["cupsprintersupport"]}
    found = {"platforms": platforms, "printsupport": printsupport}
    missing = [
        f"{folder}/{stem}"
        for folder, stems in needed.items()
        for stem in stems
        if not any(stem in name for name in found[folder])
    ]
    if missing:
        raise RuntimeError(f"missing Qt plugins under {plugins}: {', '.join(missing)}")
    return f"platforms {len(platforms)}, printsupport {printsupport or 'built in'}"


def _qt_translations() -> str:
    """Qt's own Russian (qtbase_ru.qm): without it context menus and the print and file dialogs
    of the Russian UI are English."""
    from PySide6.QtCore import QTranslator

    from desktop_app.i18n import qt_qm_path

    path = qt_qm_path("ru")
    if path is None:
        raise RuntimeError("qtbase_ru.qm not found: Qt's own texts would be English")
    translator = QTranslator()
    if not translator.load(str(path)) or not translator.translate("QLineEdit", "&Copy"):
        raise RuntimeError(f"{path} does not load")
    return str(path)


def _book() -> Any:
    """One booking through the app's own services (client, journal first, booking service)."""
    from desktop_app.booking import BookingRequest
    from desktop_app.journal import patient_key_from_token
    from desktop_app.sandbox import Sandbox
    from desktop_app.services import build_services
    from desktop_app.settings.owner import SettingsOwner

    sb = Sandbox()
    marks = sb.landmarks()
    token = sb.issue_token("adult")
    day = sb.now().date() + timedelta(days=1)
    folder = _state.get("folder") or Path(tempfile.mkdtemp(prefix="deskbooking-selftest-"))
    journal = Path(folder) / JOURNAL_NAME

    async def book() -> Any:
        services = build_services(
            SettingsOwner(),
            training=True,
            server_url=None,
            log_path=None,
            sandbox=sb,
            journal_path=journal,
        )
        try:
            request = BookingRequest(
                lpu_guid=marks.main_clinic,
                resource_guid=marks.therapist,
                day=day,
                at=None,
                token=token,
                patient_key=patient_key_from_token(token),
                patient_label="self-test",
            )
            result = await services.booking.book(request)
            ticket = getattr(result, "ticket", None)
            if ticket is None:
                raise RuntimeError(f"no ticket: {result!r}")
            return ticket
        finally:
            await services.aclose()

    ticket = asyncio.run(book())
    _state["ticket"] = ticket
    _state["printed_at"] = sb.now()
    return f"ticket № {ticket.num} on {day.isoformat()}"


def _render_pdf(path: Path) -> str:
    from desktop_app.printing import SlipLayout, TicketSlip
    from desktop_app.ui.printing.slip_printer import save_pdf

    if "ticket" not in _state:
        raise RuntimeError("no ticket: the booking step failed")
    slip = TicketSlip.from_ticket(
        _state["ticket"],
        printed_at=_state["printed_at"],
        operator_login="self-test",
        training=True,
    )
    save_pdf(slip, SlipLayout.ROLL80, path)
    return str(path)


def _check_pdf(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(str(path))
    size = path.stat().st_size
    if size <= MIN_PDF_BYTES:
        raise RuntimeError(f"{path} is only {size} bytes")
    head = path.read_bytes()[:5]
    if head != b"%PDF-":
        raise RuntimeError(f"{path} does not start with %PDF- ({head!r})")
    return f"{size} bytes"


def _printers() -> str:
    from desktop_app.ui.printing.slip_printer import available_printers, default_printer_name

    names = available_printers()
    _state["printers"] = names
    default = default_printer_name()
    return f"{len(names)} found {names!r}, default {default!r}"


def _tls() -> str:
    from desktop_app.settings.network import build_ssl_context

    ctx = build_ssl_context()
    return f"{type(ctx).__module__}.{type(ctx).__name__}"


def _credential_store() -> str:
    import keyring
    import keyring.backends.fail

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    # On Windows the Credential Manager backend is always there unless the bundle lost
    # keyring's backends (entry points or win32ctypes); elsewhere "none" is a normal outcome.
    if sys.platform == "win32" and isinstance(backend, keyring.backends.fail.Keyring):
        raise RuntimeError(f"no Windows Credential Manager backend ({name})")
    return name


def _emit(text: str, out_dir: Path | None) -> None:
    """stdout when there is one; always the report file (a windowed build has no stdout)."""
    stream = sys.stdout
    if stream is not None:
        try:
            print(text, end="", flush=True)
        except (OSError, ValueError):
            stream = None
    if out_dir is not None:
        try:
            (out_dir / REPORT_FILE_NAME).write_text(text, encoding="utf-8")
        except OSError:
            if stream is None:
                raise


def run_self_test(out_dir: Path | None = None) -> int:
    """Run every step, report each OK/FAIL; 0 when all passed, 1 otherwise. Never raises."""
    report = _Report()
    _state.clear()
    folder: Path | None = None
    try:
        from desktop_app import __version__

        frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
        report.lines.append(
            f"DeskBooking {__version__} self-test ({frozen}), Python {platform.python_version()}"
            f", {platform.platform()}"
        )
        folder = report.step("output folder", lambda: str(_out_dir(out_dir)))
        folder = Path(folder) if folder else None
        report.step("Qt application", _qt_app)
        report.step("Qt plugins", _qt_plugins)
        report.step("Qt translations", _qt_translations)
        _state["folder"] = folder
        report.step("booking on the in-process sandbox", _book)
        pdf = (folder or Path(tempfile.gettempdir())) / PDF_FILE_NAME
        report.step("slip rendered to PDF", lambda: _render_pdf(pdf))
        report.step("PDF file check", lambda: _check_pdf(pdf))
        report.step("printers", _printers)
        report.step("TLS context (OS trust store)", _tls)
        report.step("credential store backend", _credential_store)
        report.info(f"PDF: {pdf}")
        report.info(f"printers: {_state.get('printers', [])!r}")
    except Exception as exc:  # last line of defence: report, never raise
        report.failed.append("self-test")
        report.lines.append(f"FAIL  self-test: {type(exc).__name__}: {exc}")
    finally:
        _state.pop("ticket", None)
    try:
        _emit(report.text(), folder)
    except Exception:  # nowhere left to report to
        return 1
    return 0 if not report.failed else 1


def _out_dir(out_dir: Path | None) -> Path:
    if out_dir is None:
        return Path(tempfile.mkdtemp(prefix="deskbooking-selftest-"))
    path = Path(out_dir).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path
