"""Whether a print queue will take a job now: asked of the system before a copy is counted.

Qt's ``QPrinterInfo.state()`` sees a stopped CUPS queue as an error but not one that rejects
jobs, and a Windows driver's state only while a job runs. So before printing we ask the system
itself, behind one small seam, :func:`printer_state`:

* CUPS (Linux, macOS): ``lpstat -p NAME`` says "disabled" for a stopped queue, ``lpstat -a NAME``
  "not accepting" for a rejecting one; the indented lines under either are the reason the
  administrator gave. Run with ``LC_ALL=C`` and a bounded timeout.
* Windows: the spooler's ``PRINTER_INFO_2`` (``OpenPrinterW``/``GetPrinterW``): its ``Status``
  bits and the "work offline" attribute. :func:`decode_windows_status` is pure and unit-tested;
  the ``ctypes`` call itself runs only on Windows.

Anything else, or an answer that cannot be read, is :attr:`QueueState.UNKNOWN`: the slip is
still printed, but the operator is told it was *sent*, not that it was printed.

Qt-free, so it can be tested (and used) without a display.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)

#: The longest ``lpstat`` may take before the state counts as unknown.
LPSTAT_TIMEOUT_S = 5.0


class QueueState(StrEnum):
    ACCEPTING = "accepting"  # takes jobs and prints them
    STOPPED = "stopped"  # takes or holds jobs but does not print now (paused, offline, error)
    REJECTING = "rejecting"  # refuses new jobs
    UNKNOWN = "unknown"  # the system cannot tell (or did not answer in time)


@dataclass(frozen=True)
class PrinterStatus:
    state: QueueState
    #: What the system says about it (the administrator's reason, the spooler's flags).
    reason: str | None = None

    @property
    def will_print(self) -> bool:
        """A job may be handed over (accepting, or nobody can tell)."""
        return self.state in (QueueState.ACCEPTING, QueueState.UNKNOWN)


def printer_state(name: str) -> PrinterStatus:
    """The state of the system's print queue ``name`` (see the module docstring)."""
    if sys.platform == "win32":  # pragma: no cover - runs on Windows desks only
        return _windows_state(name)
    if shutil.which("lpstat") is not None:
        return cups_state(name)
    return PrinterStatus(QueueState.UNKNOWN, "lpstat not installed")


# --- CUPS ---------------------------------------------------------------------------------

_REASON_LINE = re.compile(r"^\s+(?P<text>\S.*)$")


def _lpstat(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["lpstat", *args],
            capture_output=True,
            text=True,
            timeout=LPSTAT_TIMEOUT_S,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("lpstat %s: %s", " ".join(args), type(exc).__name__)
        return None
    if done.returncode != 0:
        log.warning("lpstat %s failed: %s", " ".join(args), done.stderr.strip()[:200])
        return None
    return done.stdout


def _reason(text: str) -> str | None:
    lines = [m.group("text").strip() for m in map(_REASON_LINE.match, text.splitlines()) if m]
    lines = [line for line in lines if line and line.lower() != "reason unknown"]
    return "; ".join(lines) or None


def parse_lpstat(name: str, printers: str | None, accepting: str | None) -> PrinterStatus:
    """The state from ``lpstat -p NAME`` and ``lpstat -a NAME`` output (``None``: no answer)."""
    if printers is None or accepting is None:
        return PrinterStatus(QueueState.UNKNOWN, "lpstat gave no answer")
    head_p = re.search(rf"^printer {re.escape(name)} (?P<rest>.*)$", printers, re.MULTILINE)
    head_a = re.search(rf"^{re.escape(name)} (?P<rest>.*)$", accepting, re.MULTILINE)
    if head_p is None or head_a is None:
        return PrinterStatus(QueueState.UNKNOWN, "lpstat does not list the queue")
    if head_a.group("rest").startswith("not accepting"):
        return PrinterStatus(QueueState.REJECTING, _reason(accepting))
    if re.match(r"(?:is )?disabled\b", head_p.group("rest")):
        return PrinterStatus(QueueState.STOPPED, _reason(printers))
    if head_a.group("rest").startswith("accepting"):
        return PrinterStatus(QueueState.ACCEPTING)
    return PrinterStatus(QueueState.UNKNOWN, head_a.group("rest").strip())


def cups_state(name: str) -> PrinterStatus:
    return parse_lpstat(name, _lpstat("-p", name), _lpstat("-a", name))


# --- Windows ------------------------------------------------------------------------------

#: ``PRINTER_INFO_2.Status`` bits (winspool.h) that mean "will not print now", with a reason.
WINDOWS_STOPPING_STATUS: dict[int, str] = {
    0x00000001: "приостановлен",  # PRINTER_STATUS_PAUSED
    0x00000002: "ошибка",  # PRINTER_STATUS_ERROR
    0x00000008: "замята бумага",  # PRINTER_STATUS_PAPER_JAM
    0x00000010: "нет бумаги",  # PRINTER_STATUS_PAPER_OUT
    0x00000040: "неполадка с бумагой",  # PRINTER_STATUS_PAPER_PROBLEM
    0x00000080: "не в сети",  # PRINTER_STATUS_OFFLINE
    0x00000800: "лоток выдачи переполнен",  # PRINTER_STATUS_OUTPUT_BIN_FULL
    0x00001000: "недоступен",  # PRINTER_STATUS_NOT_AVAILABLE
    0x00040000: "нет тонера",  # PRINTER_STATUS_NO_TONER
    0x00100000: "требуется вмешательство",  # PRINTER_STATUS_USER_INTERVENTION
    0x00200000: "нехватка памяти",  # PRINTER_STATUS_OUT_OF_MEMORY
    0x00400000: "открыта крышка",  # PRINTER_STATUS_DOOR_OPEN
}
PRINTER_STATUS_PENDING_DELETION = 0x00000004
PRINTER_STATUS_SERVER_UNKNOWN = 0x00800000
PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x00000400


def decode_windows_status(status: int, attributes: int) -> PrinterStatus:
    """The state from ``PRINTER_INFO_2``'s ``Status`` and ``Attributes``.

    Status 0 is "ready"; many drivers never report more, so a ready printer may still be
    switched off (the job then waits in the spooler, which has accepted it).
    """
    if status & PRINTER_STATUS_PENDING_DELETION:
        return PrinterStatus(QueueState.REJECTING, "удаляется")
    reasons = [text for bit, text in WINDOWS_STOPPING_STATUS.items() if status & bit]
    if attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE:
        reasons.append("включён режим «Работать автономно»")
    if reasons:
        return PrinterStatus(QueueState.STOPPED, ", ".join(reasons))
    if status & PRINTER_STATUS_SERVER_UNKNOWN:
        return PrinterStatus(QueueState.UNKNOWN, "состояние сервера печати неизвестно")
    return PrinterStatus(QueueState.ACCEPTING)


def _windows_state(name: str) -> PrinterStatus:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return PrinterStatus(QueueState.UNKNOWN, "not Windows")
    import ctypes
    from ctypes import wintypes

    class PRINTER_INFO_2W(ctypes.Structure):
        _fields_ = [
            *(
                (field, wintypes.LPWSTR)
                for field in (
                    "pServerName",
                    "pPrinterName",
                    "pShareName",
                    "pPortName",
                    "pDriverName",
                    "pComment",
                    "pLocation",
                )
            ),
            ("pDevMode", ctypes.c_void_p),
            *(
                (field, wintypes.LPWSTR)
                for field in (
                    "pSepFile",
                    "pPrintProcessor",
                    "pDatatype",
                    "pParameters",
                )
            ),
            ("pSecurityDescriptor", ctypes.c_void_p),
            *(
                (field, wintypes.DWORD)
                for field in (
                    "Attributes",
                    "Priority",
                    "DefaultPriority",
                    "StartTime",
                    "UntilTime",
                    "Status",
                    "cJobs",
                    "AveragePPM",
                )
            ),
        ]

    try:
        winspool = ctypes.WinDLL("winspool.drv", use_last_error=True)
        handle = wintypes.HANDLE()
        if not winspool.OpenPrinterW(name, ctypes.byref(handle), None):
            return PrinterStatus(QueueState.UNKNOWN, f"OpenPrinterW: {ctypes.get_last_error()}")
        try:
            needed = wintypes.DWORD()
            winspool.GetPrinterW(handle, 2, None, 0, ctypes.byref(needed))
            buffer = ctypes.create_string_buffer(needed.value)
            if not winspool.GetPrinterW(handle, 2, buffer, needed, ctypes.byref(needed)):
                return PrinterStatus(QueueState.UNKNOWN, f"GetPrinterW: {ctypes.get_last_error()}")
            info = PRINTER_INFO_2W.from_buffer(buffer)
            return decode_windows_status(int(info.Status), int(info.Attributes))
        finally:
            winspool.ClosePrinter(handle)
    except Exception as exc:  # a missing spooler must not stop printing
        log.warning("printer state of %r unknown: %s", name, exc)
        return PrinterStatus(QueueState.UNKNOWN, type(exc).__name__)


__all__ = [
    "PrinterStatus",
    "QueueState",
    "cups_state",
    "decode_windows_status",
    "parse_lpstat",
    "printer_state",
]
