"""Per-trainee progress, kept as one small JSON file per trainee on this PC.

Several trainees may share one training PC, and a trainer looks at their progress days later,
so each trainee's file is found again from the name typed at the start. The file name is derived
from the name (letters and digits kept, so a trainer can recognise it in Explorer, plus a short
hash of the normalised name so that different names never share a file and Windows' reserved
names cannot occur).

Besides the completions and the hints used, the file keeps the trainee's *mistakes* (see
``Mistake``): when, in which exercise, what happened. A trainee whose name was mistyped can be
renamed (``ProgressStore.rename_trainee``); the history moves to the new name's file and the
old name is remembered in ``former_names``.

Loading never raises: a damaged file is moved aside (kept for the trainer, like the settings
file) and the trainee starts afresh with a Russian warning. Saving is atomic (temp file in the
same folder + ``os.replace``), so a power cut leaves either the old or the new file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from desktop_app.files import broken_name
from desktop_app.text.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

__all__ = [
    "MAX_MISTAKES",
    "MAX_NAME_LENGTH",
    "LoadedProgress",
    "Mistake",
    "ProgressError",
    "ProgressStore",
    "TraineeProgress",
    "default_progress_dir",
    "normalise_name",
    "progress_file_name",
]

MAX_NAME_LENGTH = 100
#: The oldest mistakes are dropped beyond this many (the file stays small).
MAX_MISTAKES = 300
_SLUG_LENGTH = 40

BROKEN_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreTraining",
    "Файл с прогрессом стажёра «{name}» не удалось прочитать ({reason}). Обучение начато "
    "заново; старый файл сохранён как {moved}.",
)
BROKEN_NOT_MOVED_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreTraining",
    "Файл с прогрессом стажёра «{name}» не удалось прочитать ({reason}). Обучение начато "
    "заново; при сохранении файл будет заменён.",
)
SAVE_FAILED_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreTraining",
    "Не удалось сохранить прогресс обучения в {path}: {reason}. Выполненные упражнения "
    "отмечены только до закрытия программы.",
)
RENAME_TAKEN_MESSAGE = QT_TRANSLATE_NOOP(
    "CoreTraining",
    "Стажёр «{new}» уже есть на этом компьютере. Выберите другое имя или продолжите обучение "
    "под именем «{new}».",
)
REASON_NOT_UTF8 = QT_TRANSLATE_NOOP("CoreTraining", "файл не в кодировке UTF-8")
REASON_BAD_JSON = QT_TRANSLATE_NOOP("CoreTraining", "нарушен формат JSON")
REASON_BAD_VALUES = QT_TRANSLATE_NOOP("CoreTraining", "недопустимые данные")
REASON_OTHER_TRAINEE = QT_TRANSLATE_NOOP("CoreTraining", "в файле записан другой стажёр")
REASON_UNREADABLE = QT_TRANSLATE_NOOP("CoreTraining", "нет доступа к файлу")


def _tr(text: str) -> str:
    """``text`` (one of the constants above) in the UI's language."""
    return translate("CoreTraining", text)


def _now() -> datetime:
    return datetime.now().astimezone()


def default_progress_dir() -> Path:
    """``data_dir()/training``: next to the training journal, per Windows user."""
    from desktop_app.settings.store import data_dir

    return data_dir() / "training"


def normalise_name(name: str) -> str:
    """The name as stored and shown: NFC, inner whitespace collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFC", name).split())[:MAX_NAME_LENGTH].strip()


def progress_file_name(name: str) -> str:
    """A safe, stable file name for a trainee (case and spacing do not matter)."""
    key = normalise_name(name).casefold()
    slug = re.sub(r"[^\w]+", "_", key, flags=re.UNICODE).strip("_")[:_SLUG_LENGTH].strip("_")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    return f"{slug or 'trainee'}-{digest}.json"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.astimezone()


class Mistake(BaseModel):
    """One mistake seen during an exercise: for the trainer's report.

    ``kind`` is the desk event's kind (``rebook_confirmed``, ``rejected``…), ``code`` the
    server's message code when there was one, ``text`` a Russian description.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    at: datetime
    exercise: str | None = None
    kind: str
    code: str | None = None
    text: str

    @field_validator("at")
    @classmethod
    def _aware_at(cls, value: datetime) -> datetime:
        return _aware(value)


class TraineeProgress(BaseModel):
    """What one trainee has done. Times are aware datetimes (local time of the PC)."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    version: int = 1
    trainee: str
    started_at: datetime = Field(default_factory=_now)
    updated_at: datetime = Field(default_factory=_now)
    #: exercise id -> when it was first completed
    completed: dict[str, datetime] = Field(default_factory=dict)
    #: exercises whose hint the trainee opened (the trainer may want to know)
    hints_used: list[str] = Field(default_factory=list)
    #: what went wrong during exercises, oldest first (at most ``MAX_MISTAKES``)
    mistakes: list[Mistake] = Field(default_factory=list)
    #: earlier spellings of the name (``ProgressStore.rename_trainee``), oldest first
    former_names: list[str] = Field(default_factory=list)

    @field_validator("trainee")
    @classmethod
    def _name(cls, value: str) -> str:
        value = normalise_name(value)
        if not value:
            raise ValueError("empty trainee name")
        return value

    @field_validator("started_at", "updated_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return _aware(value)

    @field_validator("completed")
    @classmethod
    def _aware_all(cls, value: dict[str, datetime]) -> dict[str, datetime]:
        return {k: _aware(v) for k, v in value.items()}

    @field_validator("mistakes")
    @classmethod
    def _bounded(cls, value: list[Mistake]) -> list[Mistake]:
        return value[-MAX_MISTAKES:]

    def is_done(self, exercise_id: str) -> bool:
        return exercise_id in self.completed

    def mark_done(self, exercise_id: str, at: datetime | None = None) -> bool:
        """Record a completion; False (and nothing changes) if it was done before."""
        if exercise_id in self.completed:
            return False
        moment = at or _now()
        self.completed = {**self.completed, exercise_id: moment}
        self.updated_at = moment
        return True

    def note_hint(self, exercise_id: str) -> bool:
        if exercise_id in self.hints_used:
            return False
        self.hints_used = [*self.hints_used, exercise_id]
        self.updated_at = _now()
        return True

    def note_mistake(
        self,
        exercise_id: str | None,
        kind: str,
        text: str,
        *,
        code: str | None = None,
        at: datetime | None = None,
    ) -> Mistake:
        """Record a mistake (kept in order; the oldest dropped beyond ``MAX_MISTAKES``)."""
        moment = at or _now()
        mistake = Mistake(at=moment, exercise=exercise_id, kind=str(kind), code=code, text=text)
        self.mistakes = [*self.mistakes, mistake]
        self.updated_at = moment
        return mistake

    def mistakes_in(self, exercise_id: str) -> list[Mistake]:
        return [m for m in self.mistakes if m.exercise == exercise_id]


class ProgressError(Exception):
    """Progress could not be saved; ``message`` is for the trainee (Russian)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LoadedProgress:
    progress: TraineeProgress
    path: Path
    warning: str | None = None  # Russian; set when a damaged file was replaced


class _Unreadable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ProgressStore:
    """The folder of progress files (created on first save)."""

    def __init__(
        self, directory: Path | None = None, *, clock: Callable[[], datetime] = _now
    ) -> None:
        self.directory = directory if directory is not None else default_progress_dir()
        self._clock = clock

    def path_for(self, name: str) -> Path:
        return self.directory / progress_file_name(name)

    def load(self, name: str) -> LoadedProgress:
        """The trainee's progress, fresh if there is none; never raises for a bad file."""
        trainee = normalise_name(name)
        if not trainee:
            raise ValueError("empty trainee name")
        path = self.path_for(trainee)
        try:
            present = path.exists() or path.is_symlink()
        except OSError:  # no access to the folder: reading will say so
            present = True
        if not present:
            return LoadedProgress(self._fresh(trainee), path)
        try:
            progress = self._read(path, trainee)
        except _Unreadable as problem:
            moved = self._move_aside(path)
            log.warning(
                "training progress %s unreadable (%s); starting afresh", path, problem.reason
            )
            template = _tr(BROKEN_MESSAGE) if moved is not None else _tr(BROKEN_NOT_MOVED_MESSAGE)
            warning = template.format(
                name=trainee, reason=_tr(problem.reason), moved=moved.name if moved else ""
            )
            return LoadedProgress(self._fresh(trainee), path, warning)
        return LoadedProgress(progress, path)

    def save(self, progress: TraineeProgress) -> Path:
        """Write atomically; ``ProgressError`` with a Russian message if the disk refuses."""
        path = self.path_for(progress.trainee)
        text = json.dumps(progress.model_dump(mode="json"), ensure_ascii=False, indent=2)
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            log.warning("could not save training progress to %s: %s", path, exc)
            raise ProgressError(
                _tr(SAVE_FAILED_MESSAGE).format(
                    path=path, reason=exc.strerror or type(exc).__name__
                )
            ) from exc
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        return path

    def rename_trainee(
        self, old: str, new: str, *, progress: TraineeProgress | None = None
    ) -> LoadedProgress:
        """Correct a trainee's name, keeping the whole history (done, hints, mistakes).

        ``progress`` is the trainee's progress in memory (the panel's); without it the old
        name's file is loaded. The result is saved under the new name and the old file is
        removed; the old name goes to ``former_names``. A new name that differs only in case or
        spacing keeps the same file. ``ProgressError`` (Russian) if another trainee already has
        the new name or the disk refuses; ``ValueError`` for an empty name.
        """
        old_name, new_name = normalise_name(old), normalise_name(new)
        if not old_name or not new_name:
            raise ValueError("empty trainee name")
        old_path, new_path = self.path_for(old_name), self.path_for(new_name)
        if new_path != old_path and (new_path.exists() or new_path.is_symlink()):
            raise ProgressError(_tr(RENAME_TAKEN_MESSAGE).format(new=new_name))
        current = progress if progress is not None else self.load(old_name).progress
        renamed = current.model_copy(deep=True)
        if new_name != current.trainee:
            former = [n for n in current.former_names if n != new_name]
            if current.trainee not in former:
                former.append(current.trainee)
            renamed = TraineeProgress.model_validate(
                {
                    **current.model_dump(),
                    "trainee": new_name,
                    "former_names": former,
                    "updated_at": self._clock(),
                }
            )
        path = self.save(renamed)
        if old_path != path:
            try:
                old_path.unlink(missing_ok=True)
            except OSError as exc:  # the new file is saved; the old one only lingers
                log.warning("could not remove the old progress file %s: %s", old_path, exc)
        log.info("training: trainee renamed (%s -> %s)", old_path.name, path.name)
        return LoadedProgress(renamed, path)

    # -- internals -------------------------------------------------------------------------------

    def _fresh(self, trainee: str) -> TraineeProgress:
        now = self._clock()
        return TraineeProgress(trainee=trainee, started_at=now, updated_at=now)

    @staticmethod
    def _read(path: Path, trainee: str) -> TraineeProgress:
        try:
            raw = path.read_bytes()
        except OSError:
            raise _Unreadable(REASON_UNREADABLE) from None
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise _Unreadable(REASON_NOT_UTF8) from None
        except (json.JSONDecodeError, RecursionError):
            raise _Unreadable(REASON_BAD_JSON) from None
        if not isinstance(data, dict):
            raise _Unreadable(REASON_BAD_VALUES)
        try:
            progress = TraineeProgress.model_validate(data)
        except (ValidationError, ValueError, TypeError, RecursionError):
            raise _Unreadable(REASON_BAD_VALUES) from None
        if progress.trainee.casefold() != trainee.casefold():
            raise _Unreadable(REASON_OTHER_TRAINEE)
        return progress

    def _move_aside(self, path: Path) -> Path | None:
        target = broken_name(path, self._clock())
        try:
            os.replace(path, target)
        except OSError:
            return None
        return target
