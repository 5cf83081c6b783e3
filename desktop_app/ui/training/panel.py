"""The training panel: a dock beside the booking form with the exercises of training mode.

The trainee types their name (inline, not a modal: the window stays usable), picks an exercise,
reads the task and does it in the real window on the in-process sandbox. The panel listens to
the window's ``desk_event`` signal and ticks an exercise once its detector says it is done.
Progress is saved per trainee (``desktop_app.training.progress``); the trainer gets an HTML
report.

This module is the view (the dock's layout, the task, the ticks, the messages); what the
buttons do and the talk to ``desktop_app.training`` is ``TrainingController``'s
(``controller.py``, which also has ``install_training``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.booking.events import DeskEvent
from desktop_app.text import local_time, stamp
from desktop_app.training import (
    Exercise,
    ProgressStore,
    StepDetector,
    TraineeProgress,
    TrainingDesk,
)
from desktop_app.training.progress import MAX_NAME_LENGTH
from desktop_app.ui.training.controller import TrainingController

__all__ = ["PANEL_WIDTH", "TrainingPanel"]

_TASK_KEYS = ("Пациент", "Поликлиника", "Врач", "День")

#: The dock's width at start: the booking form and the ticket keep the rest of a 1366 px screen.
PANEL_WIDTH = 350

_STYLES = {
    "info": "color: #333;",
    "success": "color: #1b5e20; font-weight: bold;",
    "warning": "color: #8a4b00;",
    "error": "color: #b71c1c; font-weight: bold;",
}


def _when(moment: datetime) -> str:
    return stamp(local_time(moment))


class TrainingPanel(QDockWidget):
    """The dock. Public methods are what the buttons do, so tests can call them directly."""

    exercise_completed = Signal(str)  # exercise id
    trainee_started = Signal(str)  # trainee name

    def __init__(
        self,
        window: Any,
        desk: TrainingDesk,
        exercises: Sequence[Exercise],
        store: ProgressStore,
    ) -> None:
        super().__init__(window)
        self.main_window = window
        self.exercises = tuple(exercises)
        self.hint_visible = False
        self.controller = TrainingController(self, window, desk, self.exercises, store)
        self.setObjectName("trainingPanel")
        self.setWindowTitle(self.tr("Обучение"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._build()
        self._set_started(False)

    @property
    def progress(self) -> TraineeProgress | None:
        return self.controller.progress

    @property
    def desk(self) -> TrainingDesk:
        return self.controller.desk

    @property
    def store(self) -> ProgressStore:
        return self.controller.store

    @property
    def detectors(self) -> dict[str, StepDetector]:
        return self.controller.detectors

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        body.setObjectName("trainingPanelBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)

        # Who is training: asked inline at start.
        self.name_box = QWidget(body)
        name_layout = QVBoxLayout(self.name_box)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_label = QLabel(self.tr("Стажёр (фамилия и имя):"), self.name_box)
        row = QHBoxLayout()
        self.name_edit = QLineEdit(self.name_box)
        self.name_edit.setObjectName("traineeName")
        self.name_edit.setAccessibleName(self.tr("Фамилия и имя стажёра"))
        self.name_edit.setPlaceholderText(self.tr("например: Иванова Мария"))
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        name_label.setBuddy(self.name_edit)
        self.start_button = QPushButton(self.tr("Начать"), self.name_box)
        self.start_button.setObjectName("startTraining")
        self.start_button.setAutoDefault(False)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.start_button)
        name_layout.addWidget(name_label)
        name_layout.addLayout(row)
        layout.addWidget(self.name_box)

        # After the start: who is training (how far they got is in the dock's title bar), and
        # a way to correct a mistyped name without losing the progress.
        self.trainee_box = QWidget(body)
        trainee_row = QHBoxLayout(self.trainee_box)
        trainee_row.setContentsMargins(0, 0, 0, 0)
        self.trainee_label = QLabel(self.trainee_box)
        self.trainee_label.setObjectName("traineeLabel")
        self.trainee_label.setWordWrap(True)
        self.trainee_label.setStyleSheet("font-weight: bold;")
        self.rename_button = QPushButton(self.tr("Исправи&ть имя…"), self.trainee_box)
        self.rename_button.setObjectName("renameTrainee")
        self.rename_button.setAccessibleName(self.tr("Исправить имя стажёра"))
        trainee_row.addWidget(self.trainee_label, 1)
        trainee_row.addWidget(self.rename_button)
        layout.addWidget(self.trainee_box)
        self.rename_dialog: QInputDialog | None = None

        # The checklist: every exercise visible at once, no scrolling.
        self.exercise_list = QListWidget(body)
        self.exercise_list.setObjectName("exerciseList")
        self.exercise_list.setAccessibleName(self.tr("Упражнения"))
        self.exercise_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.exercise_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.exercise_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.exercise_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for number, exercise in enumerate(self.exercises, start=1):
            item = QListWidgetItem(f"{number}. {exercise.title}")
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.exercise_list.addItem(item)
        layout.addWidget(self.exercise_list)

        # The selected exercise.
        self.title_label = QLabel(body)
        self.title_label.setObjectName("exerciseTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title_label)
        self.task_view = QTextBrowser(body)
        self.task_view.setObjectName("exerciseTask")
        self.task_view.setAccessibleName(self.tr("Задание"))
        self.task_view.setOpenLinks(False)
        self.task_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.task_view.setMinimumHeight(90)
        layout.addWidget(self.task_view, 1)

        buttons = QHBoxLayout()
        self.hint_button = QPushButton(self.tr("Подсказ&ка"), body)
        self.hint_button.setObjectName("showHint")
        self.exercise_button = QPushButton(self.tr("Начать &упражнение"), body)
        self.exercise_button.setObjectName("startExercise")
        buttons.addWidget(self.hint_button)
        buttons.addWidget(self.exercise_button, 1)
        layout.addLayout(buttons)

        self.message = QLabel(body)
        self.message.setObjectName("trainingStatus")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        # Tools of the session, apart from the exercise's own buttons; one per row so the
        # dock stays narrow and the booking form keeps its width.
        line = QFrame(body)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.reset_button = QPushButton(self.tr("С&бросить песочницу…"), body)
        self.reset_button.setObjectName("resetSandbox")
        self.report_button = QPushButton(self.tr("Отчёт для наставника…"), body)
        self.report_button.setObjectName("exportReport")
        layout.addWidget(self.reset_button)
        layout.addWidget(self.report_button)

        for button in (
            self.start_button,
            self.rename_button,
            self.hint_button,
            self.exercise_button,
            self.reset_button,
            self.report_button,
        ):
            button.setAutoDefault(False)

        self.setWidget(body)
        self.setMinimumWidth(PANEL_WIDTH - 40)
        self._fit_list()

        self.name_edit.returnPressed.connect(self._start_clicked)
        self.start_button.clicked.connect(self._start_clicked)
        self.rename_button.clicked.connect(self.ask_new_name)
        self.exercise_list.currentRowChanged.connect(self.show_exercise)
        self.hint_button.clicked.connect(self.controller.show_hint)
        self.exercise_button.clicked.connect(self.controller.start_exercise)
        self.reset_button.clicked.connect(self.controller.request_reset)
        self.report_button.clicked.connect(self._report_clicked)

    def _fit_list(self) -> None:
        """Make the checklist exactly as tall as its rows (they are few and short)."""
        view = self.exercise_list
        rows = sum(max(view.sizeHintForRow(i), 0) for i in range(view.count()))
        view.setFixedHeight(rows + 2 * view.frameWidth() + 2)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit_list()
        # The focus stays in the clinic search (the desk's keyboard contract): the name field
        # is one Alt+mnemonic or a click away, and the panel asks for the name in bold.

    # -- trainee ---------------------------------------------------------------------------------

    def _set_started(self, started: bool) -> None:
        self.name_box.setVisible(not started)
        self.trainee_box.setVisible(started)
        for widget in (
            self.exercise_list,
            self.hint_button,
            self.exercise_button,
            self.report_button,
        ):
            widget.setEnabled(started)
        if not started:
            self.title_label.setText(self.tr("Как проходит обучение"))
            self.task_view.setPlainText(self._how_it_works())

    def _how_it_works(self) -> str:
        return self.tr(
            "1. Введите свою фамилию и имя и нажмите «Начать».\n"
            "2. Выберите упражнение и прочитайте задание.\n"
            "3. Выполните его в окне записи, как с настоящим пациентом: все пациенты и "
            "записи здесь учебные.\n"
            "4. Выполненное упражнение отмечается галочкой само. Не получается — нажмите "
            "«Подсказка».\n\n"
            "Прогресс сохраняется на этом компьютере."
        )

    def _start_clicked(self) -> None:
        if self.start_trainee(self.name_edit.text()):
            self.main_window.form.clinic_picker.edit.setFocus()

    def start_trainee(self, name: str) -> bool:
        """Load (or begin) the trainee's progress; False, with a message, for an empty name."""
        return self.controller.start_trainee(name)

    def show_trainee(self, trainee: str) -> None:
        self._set_started(True)
        self.trainee_label.setText(self.tr("Стажёр: {0}").format(trainee))
        self.refresh_ticks()

    def ask_new_name(self) -> QInputDialog | None:
        """Ask for the corrected name in a window-modal box opened with ``open()`` (no nested
        event loop); OK renames the trainee (``TrainingController.rename_trainee``)."""
        if self.progress is None:
            return None
        if self.rename_dialog is not None:
            self.rename_dialog.raise_()
            self.rename_dialog.activateWindow()
            return self.rename_dialog
        dialog = QInputDialog(self)
        dialog.setObjectName("renameTraineeDialog")
        dialog.setWindowTitle(self.tr("Исправить имя стажёра"))
        dialog.setLabelText(
            self.tr("Фамилия и имя стажёра (выполненные упражнения и отчёт сохранятся):")
        )
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextValue(self.progress.trainee)
        dialog.setOkButtonText(self.tr("Исправить"))
        dialog.setCancelButtonText(self.tr("Отмена"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        for edit in dialog.findChildren(QLineEdit):
            edit.setMaxLength(MAX_NAME_LENGTH)
            edit.setAccessibleName(self.tr("Фамилия и имя стажёра"))
        dialog.textValueSelected.connect(self._rename_chosen)
        dialog.finished.connect(self._rename_closed)
        self.rename_dialog = dialog
        dialog.open()
        return dialog

    def _rename_chosen(self, name: str) -> None:
        self.controller.rename_trainee(name)

    def _rename_closed(self, _result: int) -> None:
        dialog, self.rename_dialog = self.rename_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def rename_trainee(self, name: str) -> bool:
        """Correct the trainee's name, keeping the history; False, with a message, if refused."""
        return self.controller.rename_trainee(name)

    def show_row(self, row: int) -> None:
        self.exercise_list.setCurrentRow(row)
        self.show_exercise(row)

    # -- exercises -------------------------------------------------------------------------------

    def exercise(self, exercise_id: str) -> Exercise:
        return self.controller.exercise(exercise_id)

    @property
    def selected(self) -> Exercise | None:
        row = self.exercise_list.currentRow()
        return self.exercises[row] if 0 <= row < len(self.exercises) else None

    def select_exercise(self, exercise_id: str) -> None:
        ids = [e.id for e in self.exercises]
        self.exercise_list.setCurrentRow(ids.index(exercise_id))

    def is_ticked(self, exercise_id: str) -> bool:
        ids = [e.id for e in self.exercises]
        item = self.exercise_list.item(ids.index(exercise_id))
        return item.checkState() == Qt.CheckState.Checked

    def show_exercise(self, row: int) -> None:
        self.hint_visible = False
        exercise = self.selected
        if exercise is None or self.progress is None:
            return
        title = f"{row + 1}. {exercise.title}"
        finished = self.progress.completed.get(exercise.id)
        if finished:
            title += " — " + self.tr("выполнено {0}").format(_when(finished))
        self.title_label.setText(title)
        self._render_task(exercise)

    def _render_task(self, exercise: Exercise) -> None:
        """The task as rich text; the hint, once asked for, as a yellow box below it.

        The hint lives inside the scrolling task view rather than in a label of its own: on a
        768 px screen a separate box would squeeze the task to a few lines.
        """
        blocks = []
        for number, paragraph in enumerate(exercise.task.split("\n\n")):
            lines = []
            for line in paragraph.split("\n"):
                key, sep, value = line.partition(": ")
                # The details under the task ("Пациент: …"), in whatever language it is in.
                if sep and (key in _TASK_KEYS or number > 0):
                    lines.append(f"<b>{escape(key)}:</b> {escape(value)}")
                else:
                    lines.append(escape(line))
            blocks.append(f"<p>{'<br>'.join(lines)}</p>")
        if self.hint_visible:
            label = escape(self.tr("Подсказка:"))  # outside the f-string: lupdate reads it
            blocks.append(
                '<table width="100%" cellpadding="6" cellspacing="0" bgcolor="#fff3c4" '
                'style="border: 1px solid #d8b548;"><tr><td style="color: #3e2700;">'
                f"<b>{label}</b> {escape(exercise.hint)}"
                "</td></tr></table>"
            )
        self.task_view.setHtml("".join(blocks))

    @property
    def hint_text(self) -> str | None:
        """The hint on show, or None (for tests and accessibility checks)."""
        exercise = self.selected
        return exercise.hint if self.hint_visible and exercise is not None else None

    def reveal_hint(self, exercise: Exercise) -> None:
        self.hint_visible = True
        self._render_task(exercise)
        # Scroll once the document has been laid out, or the box's last line stays hidden.
        bar = self.task_view.verticalScrollBar()
        QTimer.singleShot(0, self.task_view, lambda: bar.setValue(bar.maximum()))

    def show_hint(self) -> None:
        self.controller.show_hint()

    def start_exercise(self) -> None:
        """Run the selected exercise's ``prepare`` (after disarming any earlier trap)."""
        self.controller.start_exercise()

    def on_desk_event(self, event: DeskEvent) -> None:
        """Connected to ``window.desk_event``: springs traps, advances detectors, ticks."""
        self.controller.on_desk_event(event)

    def refresh_ticks(self) -> None:
        if self.progress is None:
            return
        for row, exercise in enumerate(self.exercises):
            item = self.exercise_list.item(row)
            finished = self.progress.completed.get(exercise.id)
            item.setCheckState(Qt.CheckState.Checked if finished else Qt.CheckState.Unchecked)
            state = (
                self.tr("выполнено {0}").format(_when(finished))
                if finished
                else self.tr("не выполнено")
            )
            item.setToolTip(f"{exercise.title} — {state}")
        self.setWindowTitle(self.summary_text())

    def summary_text(self) -> str:
        """ "Обучение — выполнено 3 из 10": the dock's title, always in sight."""
        if self.progress is None:
            return self.tr("Обучение")
        done = sum(1 for e in self.exercises if self.progress.is_done(e.id))
        return self.tr("Обучение — выполнено {0} из {1}").format(done, len(self.exercises))

    # -- sandbox reset ---------------------------------------------------------------------------

    def request_reset(self) -> None:
        self.controller.request_reset()

    async def reset_sandbox(self) -> bool:
        """After confirmation: the sandbox back to its start, the ticket cleared, no traps."""
        return await self.controller.reset_sandbox()

    # -- report ----------------------------------------------------------------------------------

    def default_report_path(self) -> Path:
        return self.controller.default_report_path()

    def _report_clicked(self) -> None:  # pragma: no cover - a modal file dialog
        if self.progress is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Сохранить отчёт для наставника"),
            str(self.default_report_path()),
            self.tr("Страница HTML (*.html)"),
        )
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> Path | None:
        """Write the HTML report to ``path``; None (and a message) if that failed."""
        return self.controller.export_report(path)

    # -- misc ------------------------------------------------------------------------------------

    def say(self, text: str, kind: str = "info") -> None:
        self.message.setStyleSheet(_STYLES.get(kind, _STYLES["info"]))
        self.message.setText(text)
