"""The training panel's behaviour: the trainee's progress, the exercises' detectors and traps.

The panel (``panel.py``) shows the checklist, the task and the messages; this controller talks
to the core's training package: it loads and saves the trainee's progress (``ProgressStore``),
renames a mistyped trainee, starts an exercise from a clean state on the ``TrainingDesk``
(``prepare_exercise``), feeds every ``DeskEvent`` of the window to the detectors, notes the
trainee's mistakes, resets the sandbox and writes the trainer's report.

``install_training(window, sandbox)`` builds and docks the panel; the session calls it in
training mode after ``open_window``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt

from desktop_app.booking.events import DeskEvent
from desktop_app.training import (
    Exercise,
    Outcome,
    ProgressError,
    ProgressStore,
    StepDetector,
    TraineeProgress,
    TrainingDesk,
    build_exercises,
    record_mistake,
    write_report,
)
from desktop_app.training.progress import normalise_name, progress_file_name
from desktop_app.ui.platform.dialogs import Message, Severity

if TYPE_CHECKING:
    from desktop_app.sandbox import Booking
    from desktop_app.ui.training.panel import TrainingPanel

log = logging.getLogger(__name__)

__all__ = ["TrainingController", "install_training"]

#: The journal's resolution note for unknown outcomes whose bookings training removed.
_RESET_NOTE = "учебный режим: песочница сброшена"
_EXERCISE_NOTE = "учебный режим: упражнение начато заново"


class TrainingController(QObject):
    """One trainee's session in one window; the panel's buttons call it."""

    def __init__(
        self,
        view: TrainingPanel,
        window: Any,
        desk: TrainingDesk,
        exercises: Sequence[Exercise],
        store: ProgressStore,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.main_window = window
        self.desk = desk
        self.exercises = tuple(exercises)
        self.store = store
        self.progress: TraineeProgress | None = None
        self.detectors: dict[str, StepDetector] = {e.id: e.detector() for e in self.exercises}

    # -- trainee ---------------------------------------------------------------------------------

    def start_trainee(self, name: str) -> bool:
        """Load (or begin) the trainee's progress; False, with a message, for an empty name."""
        view = self.view
        trainee = normalise_name(name)
        if not any(ch.isalnum() for ch in trainee):
            view.say(self.tr("Введите фамилию и имя стажёра."), "warning")
            view.name_edit.setFocus()
            return False
        loaded = self.store.load(trainee)
        self.progress = progress = loaded.progress
        # A new trainee starts every unfinished exercise from scratch.
        self.detectors = {e.id: e.detector() for e in self.exercises}
        for exercise in self.exercises:
            self.detectors[exercise.id].done = progress.is_done(exercise.id)
        view.show_trainee(progress.trainee)
        first = next((i for i, e in enumerate(self.exercises) if not progress.is_done(e.id)), 0)
        view.show_row(first)
        if loaded.warning:
            view.say(loaded.warning, "warning")
        elif progress.completed:
            view.say(self.tr("С возвращением! Выполненные упражнения отмечены."), "info")
        else:
            view.say(self.tr("Выберите упражнение и прочитайте задание."), "info")
        view.trainee_started.emit(progress.trainee)
        return True

    def rename_trainee(self, name: str) -> bool:
        """Correct the trainee's name, keeping the history; False, with a message, if refused."""
        view = self.view
        if self.progress is None:
            return False
        new = normalise_name(name)
        if not any(ch.isalnum() for ch in new):
            view.say(self.tr("Введите фамилию и имя стажёра."), "warning")
            return False
        old = self.progress.trainee
        if new == old:
            view.say(self.tr("Имя не изменилось: {0}.").format(old), "info")
            return False
        try:
            loaded = self.store.rename_trainee(old, new, progress=self.progress)
        except ProgressError as exc:
            view.say(exc.message, "warning")
            return False
        self.progress = loaded.progress
        log.info("training: trainee renamed")
        view.show_trainee(loaded.progress.trainee)
        view.say(
            self.tr("Имя исправлено: «{0}» вместо «{1}». Прогресс сохранён.").format(
                loaded.progress.trainee, old
            ),
            "info",
        )
        return True

    # -- exercises -------------------------------------------------------------------------------

    def exercise(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(exercise_id)

    def show_hint(self) -> None:
        exercise = self.view.selected
        if exercise is None or self.progress is None:
            return
        self.view.reveal_hint(exercise)
        if self.progress.note_hint(exercise.id):
            self._save()

    def start_exercise(self) -> None:
        """Start the selected exercise from a clean state: no earlier trap, its patients as
        after a reset (their earlier training bookings removed), no open unknown outcome left
        to warn about, then its own trap."""
        exercise = self.view.selected
        if exercise is None or self.progress is None:
            return
        # A fresh detector: a done exercise can be practised again (its first time is kept).
        self.detectors[exercise.id] = exercise.detector()
        removed = self.desk.prepare_exercise(exercise)
        self._close_training_unknowns(_EXERCISE_NOTE)
        self._clear_removed_ticket(removed)
        log.info("training: exercise %s started", exercise.id)
        if removed:
            names = dict.fromkeys(exercise.names.get(b.patient_id, b.patient_id) for b in removed)
            text = self.tr(
                "Упражнение «{0}» начато. Прежние учебные записи пациента {1} удалены. "
                "Выполните задание в окне записи."
            ).format(exercise.title, ", ".join(names))
        else:
            text = self.tr("Упражнение «{0}» начато. Выполните задание в окне записи.").format(
                exercise.title
            )
        self.view.say(text, "info")
        self.main_window.form.clinic_picker.edit.setFocus()

    def _clear_removed_ticket(self, removed: Sequence[Booking]) -> None:
        """The ticket on screen goes if its booking was one of those removed."""
        ticket_view = self.main_window.ticket_view
        shown = getattr(ticket_view.ticket, "ticket_guid", None)
        if shown and any(b.ticket_guid.lower() == shown.lower() for b in removed):
            ticket_view.clear()

    def on_desk_event(self, event: DeskEvent) -> None:
        """Connected to ``window.desk_event``: springs traps, advances detectors, ticks."""
        self.desk.observe(event)
        if self.progress is None:
            return
        selected = self.view.selected
        if record_mistake(
            self.progress,
            selected,
            self.detectors[selected.id] if selected else None,
            event,
            self.exercises,
        ):
            self._save()
        for exercise in self.exercises:
            feedback = self.detectors[exercise.id].feed(event)
            if feedback.outcome is Outcome.DONE:
                self._completed(exercise)
            elif feedback.outcome is Outcome.RESTARTED and feedback.message:
                self.view.say(feedback.message, "error")
            elif feedback.outcome in (Outcome.STARTED, Outcome.ADVANCED) and exercise is selected:
                self.view.say(
                    self.tr("Шаг {0} из {1} выполнен — продолжайте по заданию.").format(
                        feedback.stage, feedback.total
                    ),
                    "info",
                )

    def _completed(self, exercise: Exercise) -> None:
        assert self.progress is not None
        first_time = self.progress.mark_done(exercise.id)
        log.info("training: exercise %s done (first time: %s)", exercise.id, first_time)
        if exercise.cleanup is not None:
            exercise.cleanup(self.desk)
        if first_time:
            self._save()
        self.view.refresh_ticks()
        if exercise is self.view.selected:
            self.view.show_exercise(self.view.exercise_list.currentRow())
        self.view.say(self.tr("✔ Упражнение «{0}» выполнено!").format(exercise.title), "success")
        self.view.exercise_completed.emit(exercise.id)

    # -- sandbox reset ---------------------------------------------------------------------------

    def request_reset(self) -> None:
        self.main_window.tasks.spawn(self.reset_sandbox(), name="training-reset")

    async def reset_sandbox(self) -> bool:
        """After confirmation: the sandbox back to its start, the ticket cleared, no traps."""
        go = await self.main_window.dialogs.confirm(
            Message(
                Severity.WARNING,
                self.tr("Сбросить песочницу"),
                self.tr(
                    "Все учебные записи будут удалены, песочница вернётся в начальное состояние."
                ),
                self.tr("Отметки о выполненных упражнениях сохранятся."),
            ),
            yes=self.tr("Сбросить"),
            no=self.tr("Отмена"),
        )
        if not go:
            return False
        self.desk.reset()
        self.main_window.ticket_view.clear()
        self._close_training_unknowns(_RESET_NOTE)
        for detector in self.detectors.values():
            detector.restart()
        log.info("training: sandbox reset")
        self.view.say(self.tr("Песочница сброшена: учебные записи удалены."), "info")
        return True

    def _close_training_unknowns(self, note: str = _RESET_NOTE) -> None:
        """Resolve the training journal's "outcome unknown" attempts (and forget the booking
        service's in-memory ones): a reset or an exercise's start removed those bookings.

        Otherwise the next attempt for the same patient, doctor and day would warn about a
        booking that no longer exists, and the lost-connection exercise could not be repeated.
        Only training entries are touched; a journal without this API is left alone.
        """
        booking = self.main_window.services.booking
        if hasattr(booking, "forget_open_attempts"):
            booking.forget_open_attempts()
        journal = getattr(booking, "journal", None)
        if journal is None or not hasattr(journal, "entries"):
            return
        try:
            for entry in journal.entries(training=True, limit=100_000):
                if entry.is_open_unknown:
                    journal.resolve_unknown(entry.id, note)
        except Exception:  # the reset itself has happened; the journal is secondary here
            log.warning("training: could not close the unknown outcomes", exc_info=True)

    # -- report ----------------------------------------------------------------------------------

    def default_report_path(self) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        name = progress_file_name(self.progress.trainee if self.progress else "")
        stem = name.rsplit("-", 1)[0]
        return Path(folder) / f"Отчёт_обучения_{stem}_{datetime.now():%Y-%m-%d}.html"

    def export_report(self, path: Path) -> Path | None:
        """Write the HTML report to ``path``; None (and a message) if that failed."""
        if self.progress is None:
            self.view.say(self.tr("Сначала введите фамилию и имя стажёра."), "warning")
            return None
        path = Path(path)
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_name(path.name + ".html")
        try:
            write_report(path, self.progress, self.exercises)
        except OSError as exc:
            log.warning("could not write the training report to %s: %s", path, exc)
            self.view.say(
                self.tr("Не удалось сохранить отчёт в {0}: {1}").format(
                    path, exc.strerror or type(exc).__name__
                ),
                "error",
            )
            return None
        self.view.say(self.tr("Отчёт сохранён: {0}").format(path), "info")
        return path

    def _save(self) -> None:
        if self.progress is None:
            return
        try:
            self.store.save(self.progress)
        except ProgressError as exc:
            self.view.say(exc.message, "warning")


def _route_tokens(window: Any, desk: TrainingDesk) -> None:
    """Make the window get patients' tokens from the desk (so the token traps work).

    With the ``WindowServices.issue_token`` hook the desk's method is plugged in there; without
    it the desk stands in for the sandbox (it forwards everything else to the sandbox).
    """
    services = window.services
    if hasattr(services, "issue_token"):
        services.issue_token = desk.issue_token
    else:
        services.sandbox = desk


def install_training(
    window: Any, sandbox: Any, *, progress_dir: Path | None = None
) -> TrainingPanel:
    """Dock the training panel into ``window`` and connect it to ``window.desk_event``."""
    from desktop_app.ui.training.panel import PANEL_WIDTH, TrainingPanel

    desk = sandbox if isinstance(sandbox, TrainingDesk) else TrainingDesk(sandbox)
    exercises = build_exercises(desk.sandbox)
    panel = TrainingPanel(window, desk, exercises, ProgressStore(progress_dir))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.resizeDocks([panel], [PANEL_WIDTH], Qt.Orientation.Horizontal)
    window.desk_event.connect(panel.on_desk_event)
    _route_tokens(window, desk)
    return panel
