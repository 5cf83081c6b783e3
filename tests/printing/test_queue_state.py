"""The queue-state seam: lpstat's answers, the Windows spooler's bits, the layout for the paper."""

from __future__ import annotations

import pytest

from desktop_app.printing import SlipLayout
from desktop_app.ui.printing import queue_state
from desktop_app.ui.printing.queue_state import (
    PrinterStatus,
    QueueState,
    decode_windows_status,
    parse_lpstat,
)
from desktop_app.ui.printing.slip_printer import (
    LayoutDoesNotFit,
    PrinterUnavailable,
    check_queue,
    choose_layout,
)

IDLE = "printer Kassa is idle.  enabled since Wed Dec  2 04:05:17 2026\n"
ACCEPTING = "Kassa accepting requests since Wed Dec  2 04:05:17 2026\n"
DISABLED = "printer Kassa disabled since Wed Dec  2 04:05:23 2026 -\n\tpaused by test\n"
REJECTING = "Kassa not accepting requests since Wed Dec  2 04:05:17 2026 -\n\tout of paper\n"


@pytest.mark.parametrize(
    ("printers", "accepting", "state", "reason"),
    [
        (IDLE, ACCEPTING, QueueState.ACCEPTING, None),
        (
            "printer Kassa now printing Kassa-3.  enabled since Wed\n",
            ACCEPTING,
            QueueState.ACCEPTING,
            None,
        ),
        (DISABLED, ACCEPTING, QueueState.STOPPED, "paused by test"),
        (IDLE, REJECTING, QueueState.REJECTING, "out of paper"),
        (DISABLED, REJECTING, QueueState.REJECTING, "out of paper"),
        (
            "printer Kassa disabled since Wed -\n\treason unknown\n",
            ACCEPTING,
            QueueState.STOPPED,
            None,
        ),
        (None, ACCEPTING, QueueState.UNKNOWN, "lpstat gave no answer"),
        (
            "printer Other is idle.\n",
            "Other accepting requests\n",
            QueueState.UNKNOWN,
            "lpstat does not list the queue",
        ),
    ],
)
def test_lpstat_answers(printers, accepting, state, reason) -> None:
    status = parse_lpstat("Kassa", printers, accepting)
    assert status.state is state
    assert status.reason == reason


def test_a_queue_name_with_regex_characters_is_matched_literally() -> None:
    name = "Kassa+80 (1)"
    status = parse_lpstat(name, f"printer {name} is idle.\n", f"{name} accepting requests\n")
    assert status.state is QueueState.ACCEPTING


@pytest.mark.parametrize(
    ("status", "attributes", "state", "words"),
    [
        (0, 0, QueueState.ACCEPTING, None),
        (0x400, 0, QueueState.ACCEPTING, None),  # PRINTING
        (0x1, 0, QueueState.STOPPED, "приостановлен"),
        (0x80, 0, QueueState.STOPPED, "не в сети"),
        (0x10 | 0x2, 0, QueueState.STOPPED, "ошибка, нет бумаги"),
        (0x400000, 0, QueueState.STOPPED, "открыта крышка"),
        (0, 0x400, QueueState.STOPPED, "Работать автономно"),
        (0x4, 0, QueueState.REJECTING, "удаляется"),
        (0x800000, 0, QueueState.UNKNOWN, "неизвестно"),
    ],
)
def test_windows_spooler_status_decoding(status, attributes, state, words) -> None:
    decoded = decode_windows_status(status, attributes)
    assert decoded.state is state
    if words is None:
        assert decoded.reason is None
    else:
        assert words in decoded.reason


def test_check_queue_raises_russian_messages_that_say_what_to_do(monkeypatch) -> None:
    from desktop_app.ui.printing import slip_printer

    monkeypatch.setattr(
        slip_printer,
        "printer_state",
        lambda name: PrinterStatus(QueueState.REJECTING, "Rejecting Jobs"),
    )
    with pytest.raises(PrinterUnavailable) as info:
        check_queue("Kassa")
    assert "не принимает задания" in info.value.user_message
    assert "Rejecting Jobs" in info.value.user_message
    assert "PDF" in info.value.user_message
    monkeypatch.setattr(
        slip_printer, "printer_state", lambda name: PrinterStatus(QueueState.STOPPED, None)
    )
    with pytest.raises(PrinterUnavailable) as info:
        check_queue("Kassa")
    assert "остановлен" in info.value.user_message and "Система" not in info.value.user_message
    monkeypatch.setattr(
        slip_printer, "printer_state", lambda name: PrinterStatus(QueueState.UNKNOWN, "no lpstat")
    )
    assert check_queue("Kassa").state is QueueState.UNKNOWN
    assert check_queue(None).state is QueueState.ACCEPTING  # a file


def test_without_lpstat_the_state_is_unknown(monkeypatch) -> None:
    monkeypatch.setattr(queue_state.sys, "platform", "linux")
    monkeypatch.setattr(queue_state.shutil, "which", lambda name: None)
    assert queue_state.printer_state("Kassa").state is QueueState.UNKNOWN


@pytest.mark.parametrize(
    ("paper", "layout"),
    [
        (57.86, SlipLayout.ROLL58),
        (48.0, SlipLayout.ROLL58),
        (80.0, SlipLayout.ROLL80),
        (72.0, SlipLayout.ROLL80),
        (105.0, SlipLayout.A6),
        (210.0, SlipLayout.A5),
        (None, SlipLayout.ROLL80),
    ],
)
def test_auto_picks_the_layout_from_the_paper(paper, layout) -> None:
    assert choose_layout("auto", paper) is layout


def test_a_fixed_layout_is_kept_when_it_fits_and_refused_when_it_does_not(qapp) -> None:
    assert choose_layout("roll58", 80.0) is SlipLayout.ROLL58
    assert choose_layout("roll80", 80.0) is SlipLayout.ROLL80
    assert choose_layout("roll80", 79.0) is SlipLayout.ROLL80  # drivers round sizes
    assert choose_layout("roll80", None) is SlipLayout.ROLL80  # unknown paper: as chosen
    with pytest.raises(LayoutDoesNotFit) as info:
        choose_layout("roll80", 57.86, "Kassa-58")
    assert "«Kassa-58»" in info.value.user_message and "58 мм" in info.value.user_message
    with pytest.raises(LayoutDoesNotFit):
        choose_layout("a6", 80.0)
