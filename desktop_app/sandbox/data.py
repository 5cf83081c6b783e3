"""The sandbox's fictitious data set: clinics, their doctors and rooms, and a patient roster.

Everything here is invented. The region ("Северореченская область"), the clinics, the doctors and
the patients do not exist; card numbers start with ``СБ-`` ("sandbox") so they can never be
mistaken for real ones. No real person may ever appear in the sandbox.

Determinism: clinic and resource GUIDs are ``uuid5`` of a fixed namespace and ``"{seed}:{key}"``,
so for a given seed the GUID of, say, the children's polyclinic never changes between runs or
machines, and does not shift when a name pool is edited. Names, rooms, floors, hours and pings
come from ``random.Random(seed)``.

Every clinic and resource has a stable *key* (``"gp1"``, ``"gp1/cardiologist-disp"``…). The
module constants below name the ones that training and tests need ("the Offline clinic", "the
doctor whose day is full"); ``Sandbox.clinic_guid(key)`` / ``Sandbox.resource_guid(key)`` and
``Sandbox.landmarks()`` turn them into GUIDs.

The patient roster (``PATIENTS``) is fixed, not seeded: its ids, birth dates and policy numbers
are documented for trainers. Policy numbers are 16 digits starting ``0000`` (no real policy
does); two patients are twins (same surname and birth date) so that a surname lookup can find
several cards. Birth dates are fixed too, so ages grow with the calendar (the 7-year-old child
turns 18 in 2037); tests pin the clock.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, time, timedelta, timezone
from typing import Any

__all__ = [
    "ADULTS_ONLY_DOCTOR",
    "CHILDREN_CLINIC",
    "DISPENSARY_DOCTOR",
    "FULL_DAY_DOCTOR",
    "GERIATRICIAN",
    "HIGH_PING_CLINIC",
    "MAIN_CLINIC",
    "MSK",
    "OFFLINE_CLINIC",
    "PATIENTS",
    "PEDIATRICIAN",
    "PRESEEDED_THERAPIST",
    "PROCEDURE_ROOM",
    "TEEN_DOCTOR",
    "TWINS",
    "ClinicRecord",
    "DataSet",
    "Patient",
    "ResourceRecord",
    "build_standard_dataset",
    "stable_guid",
]

#: All sandbox clinics live in one time zone: Moscow time, a fixed +03:00 (no DST since 2014).
MSK = timezone(timedelta(hours=3), "MSK")

_NAMESPACE = uuid.UUID("6f1c6a52-3b0e-4f43-9a43-5d2a0c9e2026")

# --- Keys of the clinics and resources that training and tests rely on -------------------------
MAIN_CLINIC = "gp1"  # adult polyclinic that shows every adult error
CHILDREN_CLINIC = "dgp2"  # isChildrenPolyclinic: adults get 4005
OFFLINE_CLINIC = "zarechnaya-crb"  # status Offline: every booking gets 503
HIGH_PING_CLINIC = "ozerki-ub"  # Online with a ping around 1.2 s
PRESEEDED_THERAPIST = "gp1/therapist-1"  # patient "booked" already has a visit here (4008)
DISPENSARY_DOCTOR = "gp1/cardiologist-disp"  # dispensary patients only (4007, message 2)
GERIATRICIAN = "gp1/geriatrician"  # patients aged 60+ only (4029 for younger)
ADULTS_ONLY_DOCTOR = "gp1/neurologist-adult"  # patients aged 18+ only (4029 for children)
FULL_DAY_DOCTOR = "gp1/urologist-short"  # one hour a day, tomorrow already full (4009)
PROCEDURE_ROOM = "gp1/procedure-room"  # resType "room"
PEDIATRICIAN = "dgp2/pediatrician-1"
TEEN_DOCTOR = "dgp2/teen-doctor"  # patients aged 14-17 only (4029 for a 7-year-old)


def stable_guid(seed: int, key: str) -> str:
    """The deterministic GUID of a keyed clinic or resource for ``seed``."""
    return str(uuid.uuid5(_NAMESPACE, f"{seed}:{key}"))


# --- Records ------------------------------------------------------------------------------------


@dataclass(slots=True)
class ClinicRecord:
    """A clinic as the engine keeps it; ``Sandbox`` renders the wire form (LpuWithStatus)."""

    guid: str
    name: str
    full_name: str
    fer_name: str
    address: str
    phone: str
    types: tuple[str, ...]
    mcod: str
    fcod: str
    host_id: int
    children: bool = False
    is_call_doctor: bool = True
    is_waiting_list: bool = True
    is_disp: bool = True
    status: str = "Online"  # the initial status; the live one is kept by the engine
    ping: int | None = 10
    key: str | None = None

    def static_wire(self) -> dict[str, Any]:
        """The LpuWithStatus fields except ``status`` (camelCase, as the seed's JSON sample)."""
        return {
            "guid": self.guid,
            "name": self.name,
            "fullName": self.full_name,
            "ferName": self.fer_name,
            "address": self.address,
            "phone": self.phone,
            "type": list(self.types),
            "mcod": self.mcod,
            "fcod": self.fcod,
            "stLpu": True,
            "hostID": self.host_id,
            "isChildrenPolyclinic": self.children,
            "isCallDoctor": self.is_call_doctor,
            "isWaitingList": self.is_waiting_list,
            "isDisp": self.is_disp,
            "isActive": True,
        }


@dataclass(slots=True)
class ResourceRecord:
    """A doctor or a room, with the scheduling rules the wire form does not show."""

    guid: str
    lpu_guid: str
    fio: str
    speciality: str
    speciality_code: str
    doctor_role: str
    room: str
    flat: int
    res_type: str = "doctor"  # "doctor" or "room"
    start: time = time(8, 0)
    end: time = time(20, 0)
    slot_minutes: int = 15
    age_min: int | None = None
    age_max: int | None = None
    dispensary_only: bool = False
    dispensary_patients: frozenset[str] = frozenset()
    busy_code: int = 4
    busy_name: str = "Первичный прием"
    uchastok: str | None = None
    key: str | None = None

    def wire(self) -> dict[str, Any]:
        """The Resource wire form of the contract (section 4)."""
        return {
            "guid": self.guid,
            "fio": self.fio,
            "speciality": self.speciality,
            "specialityCode": self.speciality_code,
            "doctorRole": self.doctor_role,
            "room": self.room,
            "flat": self.flat,
            "resType": self.res_type,
        }


@dataclass(frozen=True, slots=True)
class Patient:
    """A fictitious patient of the roster."""

    id: str
    surname: str
    first_name: str
    patronymic: str
    birth_date: date
    card: str
    #: Who the person is, as the desk would see them (age group, situation). Shown to the
    #: trainee next to the patient list, so it never names the outcome of a booking.
    note: str
    #: What this patient is for (the errors they reach): for trainers, tests and the CLI.
    scenario: str
    barred_from_self_booking: bool = False
    #: The channel of this patient's tokens when none is asked for (None: the config's
    #: ``default_channel``, the desk). A patient who got the token on the portal carries
    #: ``"internet"``: that is how the barred patient meets 4007 at the desk.
    token_channel: str | None = None
    #: The fictitious policy number (ЕНП): 16 digits starting ``0000``, which no real policy
    #: does (a real one starts with the region's code). The desk looks the patient up by it.
    policy: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.surname} {self.first_name} {self.patronymic}"

    @property
    def short_name(self) -> str:
        """``Фамилия И.О.``, the form the 4008 message uses."""
        return f"{self.surname} {self.first_name[0]}.{self.patronymic[0]}."

    def age_on(self, day: date) -> int:
        """Full years on ``day``."""
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


@dataclass(slots=True)
class DataSet:
    """Clinics, resources and patients, indexed by GUID/id."""

    clinics: dict[str, ClinicRecord] = field(default_factory=dict)
    resources: dict[str, ResourceRecord] = field(default_factory=dict)
    by_clinic: dict[str, list[ResourceRecord]] = field(default_factory=dict)
    patients: dict[str, Patient] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # key -> GUID

    def add_clinic(self, clinic: ClinicRecord) -> None:
        self.clinics[clinic.guid] = clinic
        self.by_clinic.setdefault(clinic.guid, [])
        if clinic.key:
            self.keys[clinic.key] = clinic.guid

    def add_resource(self, resource: ResourceRecord) -> None:
        self.resources[resource.guid] = resource
        self.by_clinic.setdefault(resource.lpu_guid, []).append(resource)
        if resource.key:
            self.keys[resource.key] = resource.guid


# --- Patients -----------------------------------------------------------------------------------

PATIENTS: tuple[Patient, ...] = (
    Patient(
        "adult",
        "Лебедев",
        "Антон",
        "Павлович",
        date(1985, 4, 12),
        "СБ-100001",
        "Взрослый мужчина, работает инженером на заводе. Пришёл записаться к врачу для себя.",
        "Обычный взрослый пациент без ограничений: запись к любому взрослому врачу проходит. "
        "В детской поликлинике получает 4005, у гериатра (приём с 60 лет) — 4029.",
        policy="0000202600000001",
    ),
    Patient(
        "child",
        "Соколова",
        "Алиса",
        "Дмитриевна",
        date(2019, 3, 14),
        "СБ-100002",
        "Девочка, дочь Дмитрия Соколова. На приём её приводит папа.",
        "Ребёнок 7 лет: успешная запись в детскую поликлинику (ДГП № 2). У врачей «только с 18 "
        "лет» (невролог ГП № 1) и в подростковом кабинете (14–17 лет) получает 4029.",
        policy="0000202600000002",
    ),
    Patient(
        "parent",
        "Соколов",
        "Дмитрий",
        "Игоревич",
        date(1988, 7, 30),
        "СБ-100003",
        "Папа Алисы Соколовой, взрослый. Часто приходит в регистратуру по делам дочери.",
        "Отец Алисы, взрослый: при записи в детскую поликлинику (ДГП № 2) получает 4005 "
        "«детское учреждение».",
        policy="0000202600000003",
    ),
    Patient(
        "teen",
        "Белкин",
        "Тимофей",
        "Романович",
        date(2011, 8, 9),
        "СБ-100004",
        "Подросток, школьник. Приходит на приём с мамой.",
        "Подросток 15 лет: успешная запись в подростковый кабинет детской поликлиники; "
        "у невролога ГП № 1 (только с 18 лет) получает 4029.",
        policy="0000202600000004",
    ),
    Patient(
        "young",
        "Воронин",
        "Кирилл",
        "Андреевич",
        date(2006, 5, 20),
        "СБ-100005",
        "Молодой человек, студент. Пришёл записаться к врачу для себя.",
        "Молодой взрослый, 20 лет: у гериатра ГП № 1 (приём с 60 лет) получает 4029 "
        "«возрастная группа».",
        policy="0000202600000005",
    ),
    Patient(
        "elderly",
        "Голубева",
        "Нина",
        "Степановна",
        date(1947, 9, 2),
        "СБ-100006",
        "Пенсионерка, живёт одна. Наблюдается у эндокринолога в КДЦ.",
        "Пожилая пациентка, 79 лет: успешная запись к гериатру ГП № 1; состоит на "
        "диспансерном учёте у эндокринолога КДЦ.",
        policy="0000202600000006",
    ),
    Patient(
        "barred",
        "Ершов",
        "Виктор",
        "Олегович",
        date(1972, 1, 17),
        "СБ-100007",
        "Взрослый мужчина. Обычно записывается сам через интернет-портал; токен для записи "
        "получил там же.",
        "Запрещена самостоятельная запись; его токены по умолчанию с канала «internet» "
        "(портал): получает 4007 «самостоятельная запись запрещена»; с токеном канала "
        "«registry» или «callcenter» запись проходит.",
        barred_from_self_booking=True,
        token_channel="internet",
        policy="0000202600000007",
    ),
    Patient(
        "dispensary",
        "Журавлёва",
        "Тамара",
        "Ильинична",
        date(1958, 11, 5),
        "СБ-100008",
        "Пенсионерка. После болезни сердца наблюдается у кардиолога ГП № 1.",
        "Состоит на диспансерном учёте у кардиолога ГП № 1 (он принимает только "
        "диспансерных): запись к нему проходит.",
        policy="0000202600000008",
    ),
    Patient(
        "no_dispensary",
        "Фомин",
        "Степан",
        "Аркадьевич",
        date(1961, 2, 23),
        "СБ-100009",
        "Пенсионер. Беспокоит давление; у кардиолога раньше не наблюдался.",
        "Не состоит на диспансерном учёте: у кардиолога ГП № 1 получает 4007 «Вы не состоите "
        "на диспансерном учете у данного специалиста».",
        policy="0000202600000009",
    ),
    Patient(
        "booked",
        "Морозова",
        "Ольга",
        "Викторовна",
        date(1990, 10, 10),
        "СБ-100010",
        "Взрослая женщина, работает бухгалтером. Пришла записаться к терапевту.",
        "Уже записана к терапевту ГП № 1 на послезавтра, 09:00 (запись создаётся при запуске "
        "и сбросе песочницы): новая запись к любому терапевту даёт 4008 с её фамилией и "
        "временем той записи.",
        policy="0000202600000010",
    ),
    # Twin sisters: one surname, one birth date, two cards. Looking either of them up by
    # surname and birth date finds both cards (4042); the policy number tells them apart.
    Patient(
        "twin_anna",
        "Кравцова",
        "Анна",
        "Сергеевна",
        date(1996, 6, 18),
        "СБ-100011",
        "Молодая женщина, сестра-близнец Марии Кравцовой. Пришла записаться к врачу для себя.",
        "Сестра-близнец Марии Кравцовой (та же фамилия и дата рождения): поиск по фамилии и "
        "дате рождения находит две карты — 4042, нужен полис; по полису запись к любому "
        "взрослому врачу проходит.",
        policy="0000202600000011",
    ),
    Patient(
        "twin_maria",
        "Кравцова",
        "Мария",
        "Сергеевна",
        date(1996, 6, 18),
        "СБ-100012",
        "Молодая женщина, сестра-близнец Анны Кравцовой. Пришла записаться к врачу для себя.",
        "Сестра-близнец Анны Кравцовой (та же фамилия и дата рождения): поиск по фамилии и "
        "дате рождения находит две карты — 4042, нужен полис; по полису запись к любому "
        "взрослому врачу проходит.",
        policy="0000202600000012",
    ),
)

#: The roster patients whose surname and birth date are the same (surname lookup gives 4042).
TWINS: tuple[str, str] = ("twin_anna", "twin_maria")

# --- Name pools (doctors) -----------------------------------------------------------------------

_SURNAMES = (
    "Орлов",
    "Медведев",
    "Соболев",
    "Грачёв",
    "Лисицын",
    "Куликов",
    "Сорокин",
    "Зайцев",
    "Воробьёв",
    "Синицын",
    "Комаров",
    "Щеглов",
    "Снегирёв",
    "Дроздов",
    "Чижов",
    "Бобров",
    "Барсуков",
    "Ежов",
    "Ястребов",
    "Кречетов",
    "Сомов",
    "Карпов",
    "Окунев",
    "Щукин",
    "Тетерин",
    "Рябинин",
    "Калинин",
    "Малинин",
    "Клюквин",
    "Берёзин",
    "Ольховский",
    "Кедров",
    "Дубинин",
    "Липатов",
    "Вишневский",
    "Полевой",
    "Луговской",
    "Ручьёв",
)
_MALE_NAMES = (
    "Александр",
    "Алексей",
    "Андрей",
    "Борис",
    "Вадим",
    "Валерий",
    "Геннадий",
    "Георгий",
    "Григорий",
    "Денис",
    "Евгений",
    "Иван",
    "Игорь",
    "Илья",
    "Константин",
    "Леонид",
    "Максим",
    "Михаил",
    "Никита",
    "Павел",
    "Роман",
    "Сергей",
    "Станислав",
    "Тимур",
    "Фёдор",
    "Юрий",
    "Ярослав",
)
_FEMALE_NAMES = (
    "Алла",
    "Анна",
    "Валентина",
    "Вера",
    "Галина",
    "Дарья",
    "Евгения",
    "Екатерина",
    "Елена",
    "Жанна",
    "Зоя",
    "Ирина",
    "Лариса",
    "Любовь",
    "Людмила",
    "Марина",
    "Надежда",
    "Наталья",
    "Оксана",
    "Ольга",
    "Полина",
    "Светлана",
    "Софья",
    "Татьяна",
    "Ульяна",
    "Юлия",
)
_PATRONYMICS = (
    ("Александрович", "Александровна"),
    ("Алексеевич", "Алексеевна"),
    ("Андреевич", "Андреевна"),
    ("Борисович", "Борисовна"),
    ("Вадимович", "Вадимовна"),
    ("Валерьевич", "Валерьевна"),
    ("Геннадьевич", "Геннадьевна"),
    ("Георгиевич", "Георгиевна"),
    ("Григорьевич", "Григорьевна"),
    ("Денисович", "Денисовна"),
    ("Евгеньевич", "Евгеньевна"),
    ("Иванович", "Ивановна"),
    ("Игоревич", "Игоревна"),
    ("Ильич", "Ильинична"),
    ("Константинович", "Константиновна"),
    ("Леонидович", "Леонидовна"),
    ("Максимович", "Максимовна"),
    ("Михайлович", "Михайловна"),
    ("Никитич", "Никитична"),
    ("Павлович", "Павловна"),
    ("Романович", "Романовна"),
    ("Сергеевич", "Сергеевна"),
    ("Фёдорович", "Фёдоровна"),
    ("Юрьевич", "Юрьевна"),
    ("Ярославович", "Ярославовна"),
)


def _female_surname(surname: str) -> str:
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    if surname.endswith("ой"):
        return surname[:-2] + "ая"
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname


def random_fio(rng: random.Random) -> str:
    """A plausible fictitious ``Фамилия Имя Отчество`` of either sex."""
    surname = rng.choice(_SURNAMES)
    male_patronymic, female_patronymic = rng.choice(_PATRONYMICS)
    if rng.random() < 0.6:  # most outpatient doctors are women
        return f"{_female_surname(surname)} {rng.choice(_FEMALE_NAMES)} {female_patronymic}"
    return f"{surname} {rng.choice(_MALE_NAMES)} {male_patronymic}"


# --- Specialities -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Speciality:
    name: str
    code: str
    role: str
    room_type: bool = False


SPECIALITIES: dict[str, Speciality] = {
    "therapist": Speciality("Терапевт", "76", "Врач-терапевт участковый"),
    "surgeon": Speciality("Хирург", "83", "Врач-хирург"),
    "ophthalmologist": Speciality("Офтальмолог", "65", "Врач-офтальмолог"),
    "ent": Speciality("Оториноларинголог", "64", "Врач-оториноларинголог"),
    "neurologist": Speciality("Невролог", "53", "Врач-невролог"),
    "cardiologist": Speciality("Кардиолог", "27", "Врач-кардиолог"),
    "endocrinologist": Speciality("Эндокринолог", "88", "Врач-эндокринолог"),
    "gastroenterologist": Speciality("Гастроэнтеролог", "12", "Врач-гастроэнтеролог"),
    "urologist": Speciality("Уролог", "79", "Врач-уролог"),
    "geriatrician": Speciality("Гериатр", "14", "Врач-гериатр"),
    "gynecologist": Speciality("Акушер-гинеколог", "2", "Врач-акушер-гинеколог"),
    "dentist": Speciality("Стоматолог", "73", "Врач-стоматолог-терапевт"),
    "dental_surgeon": Speciality("Стоматолог-хирург", "72", "Врач-стоматолог-хирург"),
    "orthodontist": Speciality("Ортодонт", "63", "Врач-ортодонт"),
    "pediatrician": Speciality("Педиатр", "68", "Врач-педиатр участковый"),
    "child_surgeon": Speciality("Детский хирург", "36", "Врач-детский хирург"),
    "child_ophthalmologist": Speciality("Офтальмолог", "65", "Врач-офтальмолог детский"),
    "child_ent": Speciality("Оториноларинголог", "64", "Врач-оториноларинголог детский"),
    "child_neurologist": Speciality("Невролог", "53", "Врач-невролог детский"),
    "teen": Speciality("Педиатр", "68", "Врач-педиатр (подростковый кабинет)"),
    "procedure_room": Speciality("Процедурный кабинет", "901", "Процедурный кабинет", True),
    "vaccination_room": Speciality("Прививочный кабинет", "902", "Прививочный кабинет", True),
    "ultrasound_room": Speciality("Кабинет УЗИ", "903", "Кабинет ультразвуковой диагностики", True),
}

_ADULT_POOL = (
    "therapist",
    "surgeon",
    "ophthalmologist",
    "ent",
    "neurologist",
    "cardiologist",
    "endocrinologist",
    "gastroenterologist",
    "urologist",
)


@dataclass(frozen=True, slots=True)
class _ResourceSpec:
    """One planned resource of a hand-made clinic."""

    key: str
    speciality: str
    hours: tuple[time, time] | None = None  # None: a seeded morning or afternoon shift
    slot_minutes: int | None = None
    age_min: int | None = None
    age_max: int | None = None
    dispensary: tuple[str, ...] | None = None  # patient ids; not None = dispensary only
    uchastok: str | None = None


@dataclass(frozen=True, slots=True)
class _ClinicSpec:
    key: str
    short: str  # the part inside «»
    fer_name: str
    city: str
    postcode: str
    street: str
    types: tuple[str, ...]
    resources: tuple[_ResourceSpec, ...] = ()
    random_resources: int = 0  # extra resources drawn from the adult pool
    children: bool = False
    status: str = "Online"
    ping: int | None = None  # None: a seeded small ping
    is_disp: bool = True


_R = _ResourceSpec
_REGION = "Северореченская обл."
_REGION_GENITIVE = "Северореченской области"

_CLINICS: tuple[_ClinicSpec, ...] = (
    _ClinicSpec(
        MAIN_CLINIC,
        "Северореченская городская поликлиника № 1",
        "ГП № 1",
        "г. Северореченск",
        "169301",
        "ул. Набережная Светлой, д. 12",
        ("lpu", "milk"),
        resources=(
            _R("therapist-1", "therapist", (time(8), time(14)), 15, uchastok="1"),
            _R("therapist-2", "therapist", (time(14), time(20)), 15, uchastok="2"),
            _R("therapist-3", "therapist", None, 20, uchastok="3"),
            _R("surgeon", "surgeon"),
            _R("ophthalmologist", "ophthalmologist"),
            _R("ent", "ent"),
            _R("neurologist-adult", "neurologist", age_min=18),
            _R(
                "cardiologist-disp",
                "cardiologist",
                (time(9), time(15)),
                20,
                dispensary=("dispensary",),
            ),
            _R("geriatrician", "geriatrician", (time(9), time(13)), 20, age_min=60),
            _R("urologist-short", "urologist", (time(10), time(11)), 20),
            _R("procedure-room", "procedure_room", (time(8), time(12)), 10),
        ),
    ),
    _ClinicSpec(
        "gp3",
        "Городская поликлиника № 3",
        "ГП № 3",
        "г. Северореченск",
        "169305",
        "пр-т Строителей, д. 41",
        ("lpu",),
        random_resources=7,
        resources=(_R("therapist-1", "therapist", uchastok="7"),),
    ),
    _ClinicSpec(
        "gp5",
        "Городская поликлиника № 5",
        "ГП № 5",
        "г. Северореченск",
        "169312",
        "ул. Кедровая, д. 3, корп. 2",
        ("lpu",),
        random_resources=6,
        resources=(
            _R("therapist-1", "therapist", uchastok="12"),
            _R("procedure-room", "procedure_room", (time(8), time(11)), 10),
        ),
    ),
    _ClinicSpec(
        CHILDREN_CLINIC,
        "Детская городская поликлиника № 2",
        "ДГП № 2",
        "г. Северореченск",
        "169303",
        "ул. Школьная, д. 8",
        ("lpu", "milk"),
        children=True,
        resources=(
            _R("pediatrician-1", "pediatrician", (time(8), time(14)), 15, age_max=17, uchastok="1"),
            _R(
                "pediatrician-2", "pediatrician", (time(14), time(20)), 15, age_max=17, uchastok="2"
            ),
            _R("pediatrician-3", "pediatrician", None, 15, age_max=17, uchastok="3"),
            _R("child-surgeon", "child_surgeon"),
            _R("child-ophthalmologist", "child_ophthalmologist"),
            _R("child-ent", "child_ent"),
            _R("child-neurologist", "child_neurologist"),
            _R("teen-doctor", "teen", (time(12), time(18)), 20, age_min=14, age_max=17),
            _R("vaccination-room", "vaccination_room", (time(8), time(13)), 10),
        ),
    ),
    _ClinicSpec(
        "stom",
        "Городская стоматологическая поликлиника",
        "Стоматология",
        "г. Северореченск",
        "169302",
        "ул. Мира, д. 27",
        ("lpu",),
        is_disp=False,
        resources=(
            _R("dentist-1", "dentist"),
            _R("dentist-2", "dentist"),
            _R("dentist-3", "dentist"),
            _R("dental-surgeon", "dental_surgeon"),
            _R("orthodontist", "orthodontist", age_max=17),
            _R("dentist-adult", "dentist", age_min=18),
        ),
    ),
    _ClinicSpec(
        "zhk",
        "Северореченский перинатальный центр",
        "Перинатальный центр",
        "г. Северореченск",
        "169304",
        "ул. Садовая, д. 15",
        ("lpu",),
        resources=(
            _R("gynecologist-1", "gynecologist", age_min=14),
            _R("gynecologist-2", "gynecologist", age_min=14),
            _R("gynecologist-3", "gynecologist", age_min=14),
            _R("ultrasound-room", "ultrasound_room", (time(8), time(16)), 20),
            _R("endocrinologist", "endocrinologist"),
            _R("therapist", "therapist"),
        ),
    ),
    _ClinicSpec(
        "gvv",
        "Госпиталь для ветеранов войн",
        "ГВВ",
        "г. Северореченск",
        "169310",
        "ул. Победы, д. 2",
        ("lpu",),
        resources=(
            _R("geriatrician-1", "geriatrician", age_min=60),
            _R("geriatrician-2", "geriatrician", age_min=60),
            _R("cardiologist", "cardiologist"),
            _R("therapist", "therapist"),
            _R("neurologist", "neurologist"),
            _R("ophthalmologist", "ophthalmologist"),
            _R("procedure-room", "procedure_room", (time(8), time(12)), 10),
        ),
    ),
    _ClinicSpec(
        "kdc",
        "Консультативно-диагностический центр",
        "КДЦ",
        "г. Северореченск",
        "169306",
        "ул. Академическая, д. 5",
        ("lpu",),
        resources=(
            _R("cardiologist", "cardiologist"),
            _R("endocrinologist-disp", "endocrinologist", dispensary=("elderly",)),
            _R("neurologist", "neurologist"),
            _R("gastroenterologist", "gastroenterologist"),
            _R("ophthalmologist", "ophthalmologist"),
            _R("ent", "ent"),
            _R("urologist", "urologist"),
            _R("ultrasound-room", "ultrasound_room", (time(8), time(20)), 20),
        ),
    ),
    _ClinicSpec(
        OFFLINE_CLINIC,
        "Заречная центральная районная больница",
        "Заречная ЦРБ",
        "г. Заречный",
        "169420",
        "ул. Больничная, д. 1",
        ("lpu", "smp"),
        status="Offline",
        random_resources=7,
        resources=(_R("therapist-1", "therapist", uchastok="1"),),
    ),
    _ClinicSpec(
        HIGH_PING_CLINIC,
        "Озёрковская участковая больница",
        "Озёрковская УБ",
        "с. Озёрки, Лесной р-н",
        "169455",
        "ул. Центральная, д. 19",
        ("lpu", "smp"),
        ping=1240,
        random_resources=5,
        resources=(
            _R("therapist-1", "therapist", uchastok="1"),
            _R("pediatrician", "pediatrician", age_max=17),
        ),
    ),
    _ClinicSpec(
        "msch7",
        "Медико-санитарная часть № 7",
        "МСЧ № 7",
        "г. Северореченск",
        "169315",
        "Заводское ш., д. 60",
        ("lpu",),
        random_resources=8,
        resources=(_R("therapist-1", "therapist", uchastok="21"),),
    ),
    _ClinicSpec(
        "borovoe-va",
        "Боровская врачебная амбулатория",
        "Боровская ВА",
        "пос. Боровое",
        "169431",
        "ул. Лесная, д. 4",
        ("lpu",),
        random_resources=4,
        resources=(
            _R("therapist-1", "therapist", (time(8), time(14)), 20, uchastok="1"),
            _R("pediatrician", "pediatrician", (time(14), time(18)), 20, age_max=17),
        ),
    ),
)

_SHIFTS = ((time(8), time(14)), (time(14), time(20)), (time(9), time(15)), (time(8), time(20)))


def _room(rng: random.Random, floor: int, used: set[str]) -> str:
    while True:
        number = f"{floor}{rng.randint(1, 30):02d}"
        if rng.random() < 0.15:
            number += "а"
        if number not in used:
            used.add(number)
            return number


def _busy_type(spec: Speciality, dispensary: bool) -> tuple[int, str]:
    if spec.room_type:
        return 204, "Процедуры и манипуляции"
    if dispensary:
        return 202, "Диспансерное наблюдение"
    return 4, "Первичный прием"


def build_standard_dataset(seed: int = 2026) -> DataSet:
    """The hand-made data set: 12 clinics, 6-12 resources each, and the patient roster."""
    rng = random.Random(seed)
    data = DataSet()
    for patient in PATIENTS:
        data.patients[patient.id] = patient
    for index, spec in enumerate(_CLINICS):
        clinic_guid = stable_guid(seed, spec.key)
        number = f"{index + 1:02d}"
        data.add_clinic(
            ClinicRecord(
                guid=clinic_guid,
                name=f"ГБУЗ «{spec.short}»",
                full_name=f"Государственное бюджетное учреждение здравоохранения "
                f"{_REGION_GENITIVE} «{spec.short}»",
                fer_name=spec.fer_name,
                address=f"{spec.postcode}, {_REGION}, {spec.city}, {spec.street}",
                phone=f"8-899-{rng.randint(200, 799)}-{rng.randint(10, 99)}-{number}",
                types=spec.types,
                mcod=f"99{rng.randint(1000, 9999)}",
                fcod=f"990{rng.randint(100, 999)}",
                host_id=300 + index,
                children=spec.children,
                is_disp=spec.is_disp,
                status=spec.status,
                ping=None if spec.status != "Online" else spec.ping or rng.randint(4, 45),
                key=spec.key,
            )
        )
        plan = list(spec.resources)
        taken = {r.speciality for r in plan}
        pool = [s for s in _ADULT_POOL if s not in taken]
        for name in rng.sample(pool, min(spec.random_resources, len(pool))):
            plan.append(_R(name, name))
        rooms: set[str] = set()
        for r in plan:
            speciality = SPECIALITIES[r.speciality]
            start, end = r.hours or rng.choice(_SHIFTS)
            floor = 1 if speciality.room_type else rng.randint(1, 4)
            dispensary = r.dispensary is not None
            busy_code, busy_name = _busy_type(speciality, dispensary)
            data.add_resource(
                ResourceRecord(
                    guid=stable_guid(seed, f"{spec.key}/{r.key}"),
                    lpu_guid=clinic_guid,
                    fio=speciality.role if speciality.room_type else random_fio(rng),
                    speciality=speciality.name,
                    speciality_code=speciality.code,
                    doctor_role=speciality.role,
                    room=_room(rng, floor, rooms),
                    flat=floor,
                    res_type="room" if speciality.room_type else "doctor",
                    start=start,
                    end=end,
                    slot_minutes=r.slot_minutes or rng.choice((15, 20)),
                    age_min=r.age_min,
                    age_max=r.age_max,
                    dispensary_only=dispensary,
                    dispensary_patients=frozenset(r.dispensary or ()),
                    busy_code=busy_code,
                    busy_name=busy_name,
                    uchastok=r.uchastok,
                    key=f"{spec.key}/{r.key}",
                )
            )
    return data
