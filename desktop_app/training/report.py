"""A one-page HTML report for the trainer: who, when, which exercises are done, what went wrong.

Plain HTML with inline CSS, so it opens in any browser and prints on one A4 sheet (a long list
of mistakes may take a second). Everything that comes from the trainee (the name), the progress
file (mistakes) or the catalogue is HTML-escaped.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from desktop_app.text import local_time, stamp
from desktop_app.training.exercises import Exercise
from desktop_app.training.progress import TraineeProgress

__all__ = ["render_report", "write_report"]

DONE_MARK = "✔"
NOT_DONE_MARK = "✘"

_CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt;
       color: #222; margin: 2em; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
.meta { color: #444; margin: 0.2em 0; }
table { border-collapse: collapse; margin-top: 1em; width: 100%; }
th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.mark { text-align: center; font-weight: bold; width: 2em; }
tr.done td.mark { color: #1b5e20; }
tr.todo td.mark { color: #b71c1c; }
.note { color: #555; font-size: 9pt; margin-top: 1.5em; }
h2 { font-size: 13pt; margin-top: 1.5em; margin-bottom: 0.2em; }
td.count { text-align: center; }
table.mistakes td { font-size: 10pt; }
"""


def _when(moment: datetime) -> str:
    return stamp(local_time(moment))


def render_report(
    progress: TraineeProgress,
    exercises: Sequence[Exercise],
    *,
    generated_at: datetime | None = None,
) -> str:
    """The report as an HTML document (a str)."""
    generated = generated_at or datetime.now().astimezone()
    done = sum(1 for e in exercises if progress.is_done(e.id))
    total = len(exercises)
    rows = []
    for number, exercise in enumerate(exercises, start=1):
        finished = progress.completed.get(exercise.id)
        mark = DONE_MARK if finished else NOT_DONE_MARK
        when = _when(finished) if finished else "не выполнено"
        hint = "да" if exercise.id in progress.hints_used else "—"
        mistakes = len(progress.mistakes_in(exercise.id))
        rows.append(
            f'<tr class="{"done" if finished else "todo"}">'
            f"<td>{number}</td>"
            f'<td class="mark">{mark}</td>'
            f"<td>{escape(exercise.title)}</td>"
            f"<td>{escape(when)}</td>"
            f"<td>{hint}</td>"
            f'<td class="count">{mistakes or "—"}</td></tr>'
        )
    trainee = escape(progress.trainee)
    former = (
        [f'<p class="meta">Прежнее написание имени: {escape(", ".join(progress.former_names))}</p>']
        if progress.former_names
        else []
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="ru">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>Отчёт об обучении — {trainee}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            "<h1>Отчёт об обучении: запись вне расписания</h1>",
            f'<p class="meta">Стажёр: <strong>{trainee}</strong></p>',
            *former,
            f'<p class="meta">Дата отчёта: {escape(_when(generated))}</p>',
            f'<p class="meta">Обучение начато: {escape(_when(progress.started_at))}</p>',
            f'<p class="meta">Выполнено упражнений: <strong>{done} из {total}</strong></p>',
            "<table>",
            "<tr><th>№</th><th></th><th>Упражнение</th><th>Выполнено</th><th>Подсказка</th>"
            "<th>Ошибки</th></tr>",
            *rows,
            "</table>",
            *_mistakes_section(progress, exercises),
            '<p class="note">Учебный режим: все записи сделаны в учебной песочнице и не '
            "настоящие.</p>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _mistakes_section(progress: TraineeProgress, exercises: Sequence[Exercise]) -> list[str]:
    """The list of mistakes, oldest first, or one line saying there were none."""
    heading = f"<h2>Ошибки во время упражнений ({len(progress.mistakes)})</h2>"
    if not progress.mistakes:
        return [heading, '<p class="meta">Ошибок не записано.</p>']
    numbers = {e.id: n for n, e in enumerate(exercises, start=1)}
    titles = {e.id: e.title for e in exercises}
    rows = []
    for mistake in progress.mistakes:
        exercise = mistake.exercise or ""
        if exercise in titles:
            where = f"{numbers[exercise]}. {titles[exercise]}"
        else:
            where = exercise or "—"
        rows.append(
            f"<tr><td>{escape(_when(mistake.at))}</td>"
            f"<td>{escape(where)}</td>"
            f"<td>{escape(mistake.text)}</td></tr>"
        )
    return [
        heading,
        '<table class="mistakes">',
        "<tr><th>Когда</th><th>Упражнение</th><th>Что произошло</th></tr>",
        *rows,
        "</table>",
    ]


def write_report(
    path: Path,
    progress: TraineeProgress,
    exercises: Sequence[Exercise],
    *,
    generated_at: datetime | None = None,
) -> Path:
    """Write the report atomically (UTF-8); raises OSError if the disk refuses."""
    html = render_report(progress, exercises, generated_at=generated_at)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(html)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
