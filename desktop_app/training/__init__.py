"""Training mode, Qt-free: the exercise catalogue, detectors, trainee progress and the report.

The Qt side (the dock panel) is ``desktop_app.ui.training.panel``.
"""

from typing import TYPE_CHECKING

from desktop_app.lazy import lazy_exports

if TYPE_CHECKING:
    from desktop_app.training.desk import TrainingDesk
    from desktop_app.training.detectors import Expect, Feedback, Outcome, StepDetector
    from desktop_app.training.exercises import Exercise, build_exercises, record_mistake
    from desktop_app.training.progress import (
        LoadedProgress,
        Mistake,
        ProgressError,
        ProgressStore,
        TraineeProgress,
    )
    from desktop_app.training.report import render_report, write_report

__all__ = [
    "Exercise",
    "Expect",
    "Feedback",
    "LoadedProgress",
    "Mistake",
    "Outcome",
    "ProgressError",
    "ProgressStore",
    "StepDetector",
    "TraineeProgress",
    "TrainingDesk",
    "build_exercises",
    "record_mistake",
    "render_report",
    "write_report",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "desk": ("TrainingDesk",),
        "detectors": (
            "Expect",
            "Feedback",
            "Outcome",
            "StepDetector",
        ),
        "exercises": (
            "Exercise",
            "build_exercises",
            "record_mistake",
        ),
        "progress": (
            "LoadedProgress",
            "Mistake",
            "ProgressError",
            "ProgressStore",
            "TraineeProgress",
        ),
        "report": (
            "render_report",
            "write_report",
        ),
    },
)
