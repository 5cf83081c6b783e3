"""Slips printed through a REAL CUPS print queue: the ``PDF`` queue of cups-pdf.

``tools/setup_cups_pdf.sh`` (run by ``.ci/run``) installs CUPS and cups-pdf, starts ``cupsd``
and creates the queue; without it every test here is skipped with the reason. The slip goes
the way it goes at a reception desk: ``make_printer`` + ``print_slip`` hand the job to CUPS,
the queue's filters and the cups-pdf backend turn it into a PDF. That PDF is re-distilled by
Ghostscript (no text layer: ``pdftotext`` reads garbage), so the paper size comes from
``pdfinfo`` and the words from OCR of a rendered page (``tesseract-ocr-rus``), when available.

The queue may be shared (other test runs on the same machine print to it at the same time), so
each slip carries a random six-digit ticket number: it is in the job title ("Талон № 123456"),
cups-pdf puts the title into the file name, and so we wait for and remove only our own files.
"""

from __future__ import annotations

import os
import pwd
import random
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.printing import SlipLayout, TicketSlip
from desktop_app.ui.printing.slip_printer import available_printers, make_printer, print_slip

QUEUE = "PDF"
MM_TO_PT = 72 / 25.4
#: How long one job may take from submission to a finished PDF (normally 1-2 s).
JOB_DEADLINE_S = 60.0
POLL_S = 0.2
REPO = Path(__file__).resolve().parents[2]
#: The output directory tools/setup_cups_pdf.sh reported in CI (its last stdout line).
CI_DIR_FILE = REPO / ".ci-home" / "cups-pdf-dir.txt"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")


def _run(*args: str, timeout: float = 15) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "LC_ALL": "C"},
        check=False,
    )


def _queue_missing_reason() -> str | None:
    """Why the real-queue tests cannot run here, or ``None`` when they can."""
    if shutil.which("lpstat") is None:
        return "CUPS client not installed (run tools/setup_cups_pdf.sh)"
    if shutil.which("pdfinfo") is None:
        return "pdfinfo not installed (Debian: poppler-utils)"
    try:
        if _run("lpstat", "-r").stdout.strip() != "scheduler is running":
            return "the CUPS scheduler (cupsd) is not running; run tools/setup_cups_pdf.sh"
        probe = _run("lpstat", "-p", QUEUE)
    except subprocess.TimeoutExpired:
        return "lpstat did not answer: is cupsd hung?"
    if probe.returncode != 0:
        detail = (probe.stderr or probe.stdout).strip()
        return f"no CUPS queue {QUEUE!r} ({detail}); run tools/setup_cups_pdf.sh"
    return None


@pytest.fixture
def cups_queue(qapp) -> None:
    reason = _queue_missing_reason()
    if reason is None and QUEUE not in available_printers():
        reason = f"Qt does not list the CUPS queue {QUEUE!r} (libcups2 missing?)"
    if reason is not None:
        pytest.skip(reason)


def _output_dirs() -> list[Path]:
    """Every place cups-pdf may put a job of ours, most likely first.

    tools/setup_cups_pdf.sh sets ``Out /var/spool/cups-pdf/${USER}``; Debian's default is
    ``${HOME}/PDF`` with the home directory from the password database.
    """
    user = pwd.getpwuid(os.getuid())
    dirs: list[Path] = []
    if CI_DIR_FILE.is_file():
        lines = CI_DIR_FILE.read_text(encoding="utf-8").strip().splitlines()
        if lines:
            dirs.append(Path(lines[-1].strip()))
    try:
        conf = CUPS_PDF_CONF.read_text(encoding="utf-8", errors="replace")
    except OSError:
        conf = ""
    for match in re.finditer(r"^\s*Out\s+(\S+)\s*$", conf, re.MULTILINE):
        out = match.group(1).replace("${USER}", user.pw_name).replace("${HOME}", user.pw_dir)
        dirs.append(Path(out))
    dirs.append(Path(user.pw_dir) / "PDF")
    return list(dict.fromkeys(dirs))


def _unique_number() -> str:
    """Six digits: short enough to survive cups-pdf's title truncation in the file name, and
    never mistaken for its three-digit octal escapes of the Cyrillic letters around it."""
    return str(random.SystemRandom().randrange(100_000, 1_000_000))


def _our_pdfs(dirs: list[Path], number: str) -> list[Path]:
    """The PDFs whose name (the job title, mangled by cups-pdf) carries ``number``."""
    pattern = re.compile(rf"(?<!\d)(?<!job_){number}(?!\d)")  # not the "-job_<id>" label
    found: list[Path] = []
    for folder in dirs:
        try:
            found.extend(p for p in folder.glob("*.pdf") if pattern.search(p.name))
        except OSError:  # not there (yet), or vanished while we looked
            continue
    return found


def _pending_jobs() -> str:
    return _run("lpstat", "-o", QUEUE).stdout.strip()


def _job_done(pdf: Path) -> bool:
    """Our job has left the queue. cups-pdf labels files ``<title>-job_<id>.pdf``; without the
    label we cannot tell our job from others and wait for the whole queue to drain."""
    pending = _pending_jobs()
    label = re.search(r"job_(\d+)", pdf.name)
    if label is None:
        return not pending
    return f"{QUEUE}-{label.group(1)}" not in pending.split()


def _diagnostics(dirs: list[Path]) -> str:
    log = Path("/var/log/cups/cups-pdf-PDF_log")
    tail = ""
    if log.is_file():
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-15:])
    completed = _run("lpstat", "-W", "completed", "-o", QUEUE).stdout.strip().splitlines()[:3]
    files = [p.name for d in dirs if d.is_dir() for p in sorted(d.glob("*.pdf"))][-5:]
    return (
        f"queue: {_run('lpstat', '-p', QUEUE).stdout.strip()}\n"
        f"pending: {_pending_jobs() or '-'}\ncompleted (latest): {completed}\n"
        f"watched: {[str(d) for d in dirs]}\nfiles there: {files}\ncups-pdf log tail:\n{tail}"
    )


@pytest.fixture
def print_through_queue(cups_queue) -> Iterator[Callable[[TicketSlip, SlipLayout], Path]]:
    """Prints a slip on the real ``PDF`` queue and returns the PDF cups-pdf made of it.

    The slip's number must be unique (``_unique_number``). Waits, polling up to a deadline,
    until that job's PDF is there and the job has left the queue; removes the PDFs afterwards.
    """
    produced: list[Path] = []
    dirs = _output_dirs()

    def run(slip: TicketSlip, layout: SlipLayout) -> Path:
        assert slip.number and len(slip.number) == 6, "use _unique_number() for the slip"
        leftovers = _our_pdfs(dirs, slip.number)
        assert not leftovers, f"number {slip.number} already used: {leftovers}"
        print_slip(slip, layout, make_printer(QUEUE))
        deadline = time.monotonic() + JOB_DEADLINE_S
        while True:
            ours = _our_pdfs(dirs, slip.number)
            # cups-pdf's backend exits (and the job leaves the queue) only after Ghostscript
            # has finished writing, so a file plus a finished job means a complete PDF.
            if ours and _job_done(ours[0]):
                produced.extend(ours)
                assert len(ours) == 1, f"one job, several PDFs: {ours}"
                assert ours[0].stat().st_size > 0, f"{ours[0]} is empty"
                return ours[0]
            if time.monotonic() > deadline:
                pytest.fail(
                    f"no PDF for ticket {slip.number} from the {QUEUE!r} queue after "
                    f"{JOB_DEADLINE_S:.0f} s\n" + _diagnostics(dirs)
                )
            time.sleep(POLL_S)

    yield run
    for path in produced:
        path.unlink(missing_ok=True)


def _page_sizes_pt(path: Path) -> list[tuple[float, float]]:
    out = _run("pdfinfo", "-f", "1", "-l", "99", str(path)).stdout
    return [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts", out)
    ]


def _slip(samples) -> TicketSlip:
    return TicketSlip.from_ticket(
        samples.ticket(num=_unique_number()),
        printed_at=samples.printed_at,
        operator_login="reg_ivanova",
        training=False,
    )


@pytest.mark.parametrize(("layout", "width_mm"), [(SlipLayout.ROLL80, 80), (SlipLayout.ROLL58, 58)])
def test_roll_slip_comes_out_of_the_real_queue_on_roll_paper(
    layout: SlipLayout, width_mm: int, print_through_queue, samples
) -> None:
    pdf = print_through_queue(_slip(samples), layout)

    sizes = _page_sizes_pt(pdf)
    assert len(sizes) == 1, f"{pdf.name}: expected one page, got {sizes}"
    width, height = sizes[0]
    assert width == pytest.approx(width_mm * MM_TO_PT, abs=2), (
        f"{layout}: page is {width:.1f} pt wide, not {width_mm} mm"
    )
    # Roll paper is cut to the content: neither a stub nor a whole A4 sheet.
    assert 60 * MM_TO_PT <= height <= 250 * MM_TO_PT, (
        f"{layout}: page is {height / MM_TO_PT:.0f} mm long, not fitted to the slip"
    )


def _tesseract_rus_missing() -> str | None:
    if shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        return "tesseract or pdftoppm not installed (Debian: tesseract-ocr-rus, poppler-utils)"
    langs = _run("tesseract", "--list-langs").stdout.split()
    if "rus" not in langs:
        return "tesseract has no Russian data (Debian: tesseract-ocr-rus)"
    return None


def test_slip_from_the_real_queue_reads_back_by_ocr(
    print_through_queue, samples, tmp_path: Path
) -> None:
    """What the queue produced is the slip: OCR finds its number and its room."""
    reason = _tesseract_rus_missing()
    if reason is not None:
        pytest.skip(reason)
    slip = _slip(samples)
    pdf = print_through_queue(slip, SlipLayout.ROLL80)

    png = tmp_path / "slip.png"
    render = ["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", "-singlefile"]
    _run(*render, str(pdf), str(png.with_suffix("")), timeout=60).check_returncode()
    ocr = _run("tesseract", str(png), "stdout", "-l", "rus", timeout=90)
    ocr.check_returncode()
    text = " ".join(ocr.stdout.split())

    assert slip.number in text.replace(" ", ""), (
        f"ticket number {slip.number} not recognised in: {text!r}"
    )
    assert "Кабинет" in text, f"'Кабинет' not recognised in: {text!r}"
