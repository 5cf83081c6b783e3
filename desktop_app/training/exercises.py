"""The exercise catalogue of training mode.

Each exercise names the roster patient, the clinic (by the short name the sandbox shows, e.g.
"ГП № 1") and the doctor, says in plain Russian what to do, carries a hint, and says how to tell
that it was done (a sequence of desk events, see ``detectors``). Two exercises need the sandbox
to misbehave once; their ``trap`` arms it on the ``TrainingDesk``.

Starting an exercise ("Начать упражнение": ``Exercise.prepare(desk)``, which is
``TrainingDesk.prepare_exercise``) puts the exercise's patients back to the sandbox's initial
state first, so a booking left from an earlier try cannot turn the exercise into a dead end
(4008 where 4009 was meant, the retry of the lost connection refused).

Every text goes through ``desktop_app.text.translate`` (context "Exercises") when the catalogue
is built, so the English UI shows the English of desk_en.ts; module constants are marked with
``QT_TRANSLATE_NOOP`` and translated where they are used. Clinic short names ("ГП № 1") are the
sandbox's data and stay as the sandbox shows them.

Texts use the words the screen shows: the dialog titles («Запись не создана», «Токен
отклонён», «Поликлиника недоступна», «Результат записи неизвестен», «Возможна повторная
запись»), the status under the clinic («Не в сети»), the buttons («Записать ещё раз»,
«Отмена», «Печать (Ctrl+P)»). Training has no «Токен» field: a new token comes with the next
booking.

``Exercise.mistake_in(event)`` says whether a desk event, seen while the exercise is under
way, is a mistake the trainer should see in the report (see ``progress.Mistake``).

The catalogue is built from a sandbox because GUIDs and doctors' names come from its data set
(deterministic for a seed). Every visit is for *tomorrow*: today's hours may be over when the
trainee gets to it, tomorrow's never are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop_app.booking.events import DeskEvent, DeskEventKind
from desktop_app.sandbox import data as ds
from desktop_app.text import QT_TRANSLATE_NOOP, translate
from desktop_app.training.desk import TrainingDesk
from desktop_app.training.detectors import Expect, StepDetector

if TYPE_CHECKING:
    from desktop_app.sandbox import Booking, Sandbox
    from desktop_app.training.progress import Mistake, TraineeProgress

__all__ = ["REFUSALS", "Exercise", "build_exercises", "record_mistake"]

K = DeskEventKind

#: Desk events that are a refusal dialog, with the dialog's title as the screen shows it.
REFUSALS: Mapping[DeskEventKind, str] = {
    K.REJECTED: QT_TRANSLATE_NOOP("Exercises", "Запись не создана"),
    K.CREDENTIALS_REFUSED: QT_TRANSLATE_NOOP("Exercises", "Токен отклонён"),
    K.UNAVAILABLE: QT_TRANSLATE_NOOP("Exercises", "Поликлиника недоступна"),
}

MISTAKE_REBOOK = QT_TRANSLATE_NOOP(
    "Exercises",
    "В предупреждении «Возможна повторная запись» выбрано «Записать ещё раз» без проверки, "
    "есть ли у пациента запись: так у пациента могут появиться две записи.",
)
MISTAKE_REFUSAL = QT_TRANSLATE_NOOP(
    "Exercises", "Ответ «{title}»{code}{patient}: в этом упражнении такого ответа быть не должно."
)

#: Appended to every hint: how to start over when earlier tries left bookings behind.
START_OVER = QT_TRANSLATE_NOOP(
    "Exercises",
    "Если пациент уже записан после прошлых попыток, нажмите «Начать упражнение»: его "
    "учебные записи будут удалены, и упражнение начнётся сначала.",
)


@dataclass(frozen=True, eq=False)
class Exercise:
    """One exercise. ``trap``/``cleanup`` receive the training desk (``desk.sandbox``).

    ``patients`` are the roster ids the exercise is about: starting it puts their sandbox
    bookings back to the initial state. ``names`` maps roster ids to full names (for the
    texts of mistakes).
    """

    id: str
    title: str
    task: str
    hint: str
    steps: tuple[Expect, ...]
    breakers: Mapping[DeskEventKind, str | None] = field(default_factory=dict)
    trap: Callable[[TrainingDesk], None] | None = None
    cleanup: Callable[[TrainingDesk], None] | None = None
    patients: tuple[str, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def needs_start(self) -> bool:
        """Whether "Начать упражнение" must be pressed first (the exercise arms a trap)."""
        return self.trap is not None

    def prepare(self, desk: TrainingDesk) -> list[Booking]:
        """Start the exercise on ``desk``: clean state for its patients, then its trap.

        The same as ``desk.prepare_exercise(self)``; returns the trainee's bookings removed.
        """
        return desk.prepare_exercise(self)

    def detector(self) -> StepDetector:
        return StepDetector(self.steps, dict(self.breakers))

    def expects(self, event: DeskEvent) -> bool:
        """Whether some step of the exercise could be this event (whatever came before)."""
        return any(step.matches(event, {}) for step in self.steps)

    def mistake_in(self, event: DeskEvent) -> str | None:
        """A Russian description if ``event``, seen during this exercise, is a mistake.

        Mistakes: booking again in spite of the "outcome unknown" warning, and a refusal
        dialog that no step of the exercise expects (another patient, doctor or clinic, or
        another refusal than the one the exercise is about).
        """
        if event.kind is K.REBOOK_CONFIRMED:
            return translate("Exercises", MISTAKE_REBOOK)
        title = REFUSALS.get(event.kind)
        if title is None or self.expects(event):
            return None
        code = (
            translate("Exercises", ", код {0}").format(event.message_code)
            if event.message_code
            else ""
        )
        who = self.names.get(event.patient_id or "") or event.patient_id
        patient = translate("Exercises", ", пациент {0}").format(who) if who else ""
        return translate("Exercises", MISTAKE_REFUSAL).format(
            title=translate("Exercises", title), code=code, patient=patient
        )


def record_mistake(
    progress: TraineeProgress,
    exercise: Exercise | None,
    detector: StepDetector | None,
    event: DeskEvent,
    catalogue: Sequence[Exercise] = (),
) -> Mistake | None:
    """Note ``event`` in ``progress`` if it is a mistake in the exercise under way.

    The exercise under way is the selected one while its detector is not done (a done exercise
    is under way again once "Начать упражнение" gave it a fresh detector). A refusal that some
    exercise of ``catalogue`` is about is not charged to the selected one (the trainee may be
    doing that other exercise without selecting it), and the refusal that follows a confirmed
    re-booking is the same mistake, not a second one. Returns the mistake recorded (the caller
    saves the progress), or None.
    """
    if exercise is None or detector is None or detector.done:
        return None
    text = exercise.mistake_in(event)
    if text is None:
        return None
    if event.kind is not K.REBOOK_CONFIRMED:
        if any(other.expects(event) for other in catalogue):
            return None
        last = progress.mistakes[-1] if progress.mistakes else None
        if (
            last is not None
            and last.kind == K.REBOOK_CONFIRMED
            and last.code is None
            and last.exercise == exercise.id
        ):
            # The refusal the confirmed re-booking ran into: noted on that mistake, once.
            progress.mistakes = [
                *progress.mistakes[:-1],
                last.model_copy(update={"code": event.message_code or "—"}),
            ]
            return None
    return progress.note_mistake(exercise.id, event.kind, text, code=event.message_code)


def _disarm(desk: TrainingDesk) -> None:
    desk.disarm()


def _task(*, todo: str, patient: str, clinic: str, doctor: str, day: str) -> str:
    """The task as the trainee reads it: what to do, then the details on separate lines.

    Names stay in the nominative case on their own lines ("Пациент: Лебедев Антон Павлович"),
    so no Russian declension of generated names is ever needed.
    """
    return translate(
        "Exercises",
        "{todo}\n\nПациент: {patient}\nПоликлиника: {clinic}\nВрач: {doctor}\nДень: {day}",
    ).format(todo=todo, patient=patient, clinic=clinic, doctor=doctor, day=day)


def build_exercises(sandbox: Sandbox) -> tuple[Exercise, ...]:
    """The catalogue for this sandbox's data set (the standard one)."""
    names = {pid: p.full_name for pid, p in sandbox.data.patients.items()}
    return tuple(
        replace(e, hint=f"{e.hint} {translate('Exercises', START_OVER)}", names=names)
        for e in _catalogue(sandbox)
    )


def _catalogue(sandbox: Sandbox) -> tuple[Exercise, ...]:
    marks = sandbox.landmarks()
    data = sandbox.data
    main = ds.MAIN_CLINIC

    def guid(key: str) -> str:
        return sandbox.resource_guid(key)

    def who(patient_id: str) -> str:
        return data.patients[patient_id].full_name

    def doctor(resource_guid: str) -> str:
        r = data.resources[resource_guid]
        return translate("Exercises", "{speciality} {fio}, каб. {room}").format(
            speciality=r.speciality.lower(), fio=r.fio, room=r.room
        )

    surgeon = guid(f"{main}/surgeon")
    ophthalmologist = guid(f"{main}/ophthalmologist")
    therapists = [guid(f"{main}/therapist-{n}") for n in (1, 2, 3)]
    children_resources = [r.guid for r in data.by_clinic[marks.children_clinic]]
    offline_resources = [r.guid for r in data.by_clinic[marks.offline_clinic]]
    offline_therapist = guid(f"{ds.OFFLINE_CLINIC}/therapist-1")
    main_clinic = [marks.main_clinic]

    return (
        Exercise(
            id="print_slip",
            title=translate("Exercises", "Запись и печать талона"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Запишите пациента, проверьте талон на экране (номер, кабинет, этаж, "
                    "время) и напечатайте талон для пациента.",
                ),
                patient=who("adult"),
                clinic="ГП № 1",
                doctor=doctor(surgeon),
                day=translate("Exercises", "завтра, время не указывать"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "Поиск поликлиники: наберите «ГП № 1» и нажмите Enter. Врач: наберите "
                    "«хирург», Enter. В поле «Дата» клавиша «+» переключает на следующий день. "
                    "Пациента выберите в списке «Пациент», затем Ctrl+Enter. Когда талон на "
                    "экране, нажмите «Печать (Ctrl+P)».",
                )
            ),
            steps=(
                Expect.of(K.BOOKED, patients=["adult"], clinics=main_clinic, resources=[surgeon]),
                Expect.of(K.PRINTED, same=["ticket_guid"]),
            ),
            breakers={K.BOOKED: None, K.NEW_BOOKING: None},
            patients=("adult",),
        ),
        Exercise(
            id="time_taken",
            title=translate("Exercises", "Время занято (4009)"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Запишите пациента на 10:00 (отметьте «Указать время») и прочитайте "
                    "ответ поликлиники. Затем запишите его к тому же врачу на другое время, "
                    "например на 12:00.",
                ),
                patient=who("adult"),
                clinic="ГП № 1",
                doctor=doctor(marks.full_day_doctor),
                day=translate("Exercises", "завтра, 10:00"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "«Запись не создана», код 4009: это время уже занято, ничего не создано. Не "
                    "повторяйте то же время — измените время (или день) и запишите снова.",
                )
            ),
            steps=(
                Expect.of(
                    K.REJECTED,
                    codes=["4009"],
                    patients=["adult"],
                    clinics=main_clinic,
                    resources=[marks.full_day_doctor],
                ),
                Expect.of(K.BOOKED, same=["patient_id", "resource_guid"]),
            ),
            patients=("adult",),
        ),
        Exercise(
            id="one_per_speciality",
            title=translate("Exercises", "Уже есть запись (4008)"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Пациентка просит записать её к терапевту. Попробуйте записать её и "
                    "прочитайте ответ: когда она уже записана?",
                ),
                patient=who("booked"),
                clinic="ГП № 1",
                doctor=translate("Exercises", "любой терапевт"),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "«Запись не создана», код 4008: у пациента уже есть активная запись к врачу "
                    "этой специальности. В сообщении указаны фамилия и время той записи — сообщите "
                    "их пациенту; вторую запись создать нельзя.",
                )
            ),
            steps=(
                Expect.of(
                    K.REJECTED,
                    codes=["4008"],
                    patients=["booked"],
                    clinics=main_clinic,
                    resources=therapists,
                ),
            ),
            patients=("booked",),
        ),
        Exercise(
            id="children_clinic",
            title=translate("Exercises", "Детская поликлиника (4005)"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Отец пациентки Алисы (сам он взрослый) просит записать его к педиатру "
                    "детской поликлиники. Попробуйте записать его самого и прочитайте ответ.",
                ),
                patient=who("parent"),
                clinic="ДГП № 2",
                doctor=translate("Exercises", "любой педиатр"),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "«Запись не создана», код 4005: в детскую поликлинику нельзя записать пациента "
                    "старше 18 лет. Проверьте, кого записываете: ребёнка нужно выбрать в списке "
                    "«Пациент», а взрослого — записать во взрослую поликлинику.",
                )
            ),
            steps=(
                Expect.of(
                    K.REJECTED,
                    codes=["4005"],
                    patients=["parent"],
                    clinics=[marks.children_clinic],
                    resources=children_resources,
                ),
            ),
            patients=("parent",),
        ),
        Exercise(
            id="age_limit",
            title=translate("Exercises", "Не подходит возраст (4029)"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Молодой пациент просит записать его к гериатру. Попробуйте записать "
                    "его и прочитайте ответ.",
                ),
                patient=who("young"),
                clinic="ГП № 1",
                doctor=doctor(marks.geriatrician),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "«Запись не создана», код 4029: поликлиника ограничила запись к этому врачу по "
                    "возрасту (гериатр принимает с 60 лет). Предложите пациенту врача без "
                    "ограничения, например терапевта.",
                )
            ),
            steps=(
                Expect.of(
                    K.REJECTED,
                    codes=["4029"],
                    patients=["young"],
                    clinics=main_clinic,
                    resources=[marks.geriatrician],
                ),
            ),
            patients=("young",),
        ),
        Exercise(
            id="self_booking_barred",
            title=translate("Exercises", "Запрет самозаписи (4007)"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Пациент пришёл с токеном, который сам получил на интернет-портале. "
                    "Попробуйте записать его и прочитайте ответ.",
                ),
                patient=who("barred"),
                clinic="ГП № 1",
                doctor=doctor(ophthalmologist),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "«Запись не создана», код 4007, «запрещена самостоятельная запись»: этому "
                    "пациенту запрещено записываться самому, а его токен выдан для самозаписи "
                    "(портал). Запись не создана. Действуйте по правилам вашей регистратуры, как "
                    "советует сообщение (например, запись через заведующего или по направлению).",
                )
            ),
            steps=(
                Expect.of(
                    K.REJECTED,
                    codes=["4007"],
                    patients=["barred"],
                    clinics=main_clinic,
                    resources=[ophthalmologist],
                ),
            ),
            patients=("barred",),
        ),
        Exercise(
            id="not_dispensary",
            title=translate("Exercises", "Только диспансерные (4007)"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Попробуйте записать пациента и прочитайте ответ. Сравните его с "
                    "ответом из упражнения «Запрет самозаписи»: код тот же.",
                ),
                patient=who("no_dispensary"),
                clinic="ГП № 1",
                doctor=doctor(marks.dispensary_doctor),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "У кода 4007 два разных сообщения — читайте текст, а не только код. Этот "
                    "кардиолог принимает только пациентов, состоящих у него на диспансерном "
                    "учёте; направьте пациента к участковому терапевту.",
                )
            ),
            steps=(
                Expect.of(
                    K.REJECTED,
                    codes=["4007"],
                    patients=["no_dispensary"],
                    clinics=main_clinic,
                    resources=[marks.dispensary_doctor],
                ),
            ),
            patients=("no_dispensary",),
        ),
        Exercise(
            id="clinic_offline",
            title=translate("Exercises", "Поликлиника недоступна"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Выберите поликлинику и посмотрите на её статус под списком. Попробуйте "
                    "записать пациента и прочитайте предупреждение.",
                ),
                patient=translate("Exercises", "любой, например {0}").format(who("adult")),
                clinic="Заречная ЦРБ",
                doctor=doctor(offline_therapist),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "Статус «Не в сети» под поликлиникой значит, что её информационная система "
                    "сейчас недоступна. Перед отправкой программа предупредит об этом: выберите "
                    "«Не отправлять»: отправленная запись получила бы ответ «Поликлиника "
                    "недоступна» и не была бы создана. Попробуйте позже или запишите пациента "
                    "по телефону поликлиники.",
                )
            ),
            steps=(
                Expect.of(
                    K.OFFLINE_DECLINED, clinics=[marks.offline_clinic], resources=offline_resources
                ),
            ),
            patients=("adult",),
        ),
        Exercise(
            id="token_expired",
            title=translate("Exercises", "Истёк токен пациента (5009)"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Нажмите «Начать упражнение»: следующий токен этой пациентки будет уже "
                    "просроченным. Запишите её и прочитайте ответ. Затем запишите её ещё раз — "
                    "с новым токеном.",
                ),
                patient=who("elderly"),
                clinic="ГП № 1",
                doctor=doctor(marks.geriatrician),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "«Токен отклонён» (код 5009, «Подпись запроса некорректна»): токен пациента "
                    "просрочен или неверен; запись не создана. На работе нужно получить у "
                    "пациента новый токен. Здесь выберите пациентку в списке «Пациент» ещё раз "
                    "и повторите запись (Ctrl+Enter): новый токен выдаётся сам.",
                )
            ),
            steps=(
                Expect.of(K.CREDENTIALS_REFUSED, patients=["elderly"]),
                Expect.of(K.BOOKED, same=["patient_id"]),
            ),
            trap=lambda desk: desk.expire_next_token("elderly"),
            cleanup=_disarm,
            patients=("elderly",),
        ),
        Exercise(
            id="connection_lost",
            title=translate("Exercises", "Обрыв связи при записи"),
            task=_task(
                todo=translate(
                    "Exercises",
                    "Нажмите «Начать упражнение»: при следующей записи связь оборвётся. "
                    "Запишите пациентку и прочитайте сообщение. Затем попробуйте записать её к "
                    "тому же врачу на тот же день ещё раз и правильно ответьте на "
                    "предупреждение.",
                ),
                patient=who("dispensary"),
                clinic="ГП № 1",
                doctor=doctor(marks.dispensary_doctor),
                day=translate("Exercises", "завтра"),
            ),
            hint=(
                translate(
                    "Exercises",
                    "«Результат записи неизвестен»: запись могла быть создана. Повторная запись "
                    "может создать вторую запись. В предупреждении «Возможна повторная запись» "
                    "нажмите «Отмена» и сначала проверьте, есть ли у пациента запись.",
                )
            ),
            steps=(
                Expect.of(
                    K.OUTCOME_UNKNOWN,
                    patients=["dispensary"],
                    clinics=main_clinic,
                    resources=[marks.dispensary_doctor],
                ),
                Expect.of(K.REBOOK_WARNED, same=["patient_id", "resource_guid"]),
                Expect.of(K.REBOOK_CANCELLED, same=["patient_id", "resource_guid"]),
            ),
            breakers={
                K.REBOOK_CONFIRMED: (
                    translate(
                        "Exercises",
                        "Пациент записан повторно без проверки: так могут появиться две записи. "
                        "Начните упражнение заново и в предупреждении «Возможна повторная "
                        "запись» нажмите «Отмена».",
                    )
                ),
            },
            trap=lambda desk: desk.drop_next_booking(),
            cleanup=_disarm,
            patients=("dispensary",),
        ),
    )
