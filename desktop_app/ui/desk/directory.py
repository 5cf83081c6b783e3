"""The clinic and doctor pickers' behaviour: loading the directory, choosing, live status.

The form (``BookingForm``) only lays the pickers out; this controller fills them from the
registry, tracks what the operator chose, refreshes the chosen clinic's online status in the
background, and says when the server has no directory calls (404) so the window can switch to
pasted GUIDs.

Rows lead with what tells items apart: a clinic's short name and street
(``ГП № 3 — пр-т Строителей, д. 41``, then the town, the official name and the МО code in a
lighter colour), a doctor's surname and initials, speciality and room
(``Смирнова А. В. — терапевт, каб. 214``, then the full name, the post and the floor). What is
searched, and with what weight, is in :func:`clinic_item` and :func:`resource_item`.

While a list loads it says "загрузка…"; an ``Enter`` typed meanwhile is honoured when it
arrives (``SearchPicker``). The focus moves on after such a late choice only if the operator is
still in that picker.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Coroutine, Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_app.api import ApiError, Clinic, ClinicStatus, NotFound, RegistryClient, Resource
from desktop_app.printing.fill import looks_like_person
from desktop_app.search import (
    code_field,
    collector_paused,
    postcode_field,
    region_field,
    split_address,
    text_field,
)
from desktop_app.ui.desk.booking_form import BookingForm
from desktop_app.ui.desk.messages import message_for
from desktop_app.ui.desk.search_picker import PickerItem, SearchPicker

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 30_000
#: A clinic status older than this (the refreshes failed meanwhile) is "stale" before a booking.
STATUS_STALE_S = 120.0
#: Between the parts of a row's lighter detail.
DETAIL_JOIN = " · "


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.split()) or None


class RowTexts(NamedTuple):
    """The translated bits of list rows, looked up once per list rather than once per row."""

    room: str
    floor: str
    mcod: str

    @classmethod
    def current(cls) -> RowTexts:
        return cls(
            room=QCoreApplication.translate("DirectoryController", "каб. {0}"),
            floor=QCoreApplication.translate("DirectoryController", "{0} эт."),
            mcod=QCoreApplication.translate("DirectoryController", "код МО {0}"),
        )


@lru_cache(maxsize=8192)
def initials_name(fio: str | None) -> str | None:
    """``Смирнова Анна Викторовна`` → ``Смирнова А. В.``; a room's name stays as it is."""
    text = _clean(fio)
    if text is None or not looks_like_person(text):
        return text
    parts = [part.rstrip(".") for part in text.replace(".", ". ").split() if part.rstrip(".")]
    surname, given = parts[0], parts[1:3]
    return " ".join([surname, *(f"{part[0]}." for part in given)])


def _lower_first(text: str) -> str:
    """``Терапевт`` → ``терапевт``; ``УЗИ`` and ``Кабинет УЗИ``'s abbreviation keep their case."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _room_words(room: str) -> str:
    return room if "каб" in room.casefold() else f"кабинет {room}"


def _adds(role: str | None, *shown: str | None) -> bool:
    """Whether the post says more than what the row shows (``Врач-терапевт`` after
    ``терапевт`` does not; ``Врач-терапевт участковый`` does)."""
    if not role:
        return False
    said = {(text or "").casefold() for text in shown}
    folded = role.casefold()
    bare = folded.removeprefix("врач-").removeprefix("врач ")
    return folded not in said and bare not in said


# -- clinics ---------------------------------------------------------------------------------------


def clinic_short_name(clinic: Clinic) -> str:
    return (
        _clean(clinic.fer_name)
        or _clean(clinic.name)
        or _clean(clinic.full_name)
        or (clinic.guid or "—")
    )


def clinic_item(clinic: Clinic, texts: RowTexts | None = None) -> PickerItem:
    """A clinic's row and search fields.

    Fields, most important first: short name, МО code (a code: equal beats all, digits match
    from its start), street and house, the official names, town and district, region (never
    digits), postcode (only four digits or more, from its start), federal code.
    """
    texts = texts or RowTexts.current()
    short = clinic_short_name(clinic)
    parts = split_address(clinic.address)
    where = parts.street or parts.locality
    head = f"{short} — {where}" if where else short
    official = _clean(clinic.name) if _clean(clinic.name) != short else _clean(clinic.full_name)
    detail = [
        part
        for part in (
            parts.locality if parts.street else None,
            parts.district,
            official,
            texts.mcod.format(clinic.mcod) if clinic.mcod else None,
        )
        if part
    ]
    names = " ".join(
        dict.fromkeys(
            n for n in (clinic.name, clinic.full_name, clinic.fer_name) if n and n != short
        )
    )
    tooltip = "\n".join(p for p in (clinic.address, clinic.full_name or clinic.name) if p)
    return PickerItem(
        key=clinic.guid or "",
        text=head,
        fields=(
            text_field(short),
            code_field(clinic.mcod),
            text_field(parts.street),
            text_field(names),
            text_field(" ".join(p for p in (parts.locality, parts.district) if p)),
            region_field(parts.region),
            postcode_field(parts.postcode),
            code_field(clinic.fcod),
        ),
        payload=clinic,
        tooltip=tooltip or None,
        detail=DETAIL_JOIN.join(detail) or None,
    )


# -- resources -------------------------------------------------------------------------------------


def resource_item(resource: Resource, texts: RowTexts | None = None) -> PickerItem:
    """A doctor's or room's row and search fields.

    Fields, most important first: the name (surname, given names), the speciality, the room
    number (a code: ``41`` equal to room 41 comes first, digits match from its start), the room
    as words (``кабинет 214``: so ``каб 214`` finds it; a code too), the post
    (``Врач-терапевт участковый``).
    """
    texts = texts or RowTexts.current()
    fio = _clean(resource.fio)
    speciality = _clean(resource.speciality)
    role = _clean(resource.doctor_role)
    room = _clean(resource.room)
    name = initials_name(fio)
    about = speciality or role
    if about and fio and about.casefold() == fio.casefold():
        about = None  # a room named as its speciality ("Процедурный кабинет"): once
    where = texts.room.format(room) if room and "каб" not in room.casefold() else room
    tail = ", ".join(p for p in (_lower_first(about) if about else None, where) if p)
    if name and tail:
        head = f"{name} — {tail}"
    else:
        head = name or tail or resource.guid or "—"
    floor = texts.floor.format(resource.flat) if resource.flat is not None else None
    detail = [
        fio if fio and fio != name else None,
        floor,
        role if _adds(role, speciality, fio) else None,
    ]
    return PickerItem(
        key=resource.guid or "",
        text=head,
        fields=(
            text_field(fio),
            text_field(speciality),
            code_field(room),
            code_field(_room_words(room) if room else None),
            text_field(role),
        ),
        payload=resource,
        detail=DETAIL_JOIN.join(p for p in detail if p) or None,
    )


def clinic_items(clinics: Iterable[Clinic]) -> list[PickerItem]:
    texts = RowTexts.current()
    with collector_paused():
        return [clinic_item(c, texts) for c in clinics if c.guid]


def resource_items(resources: Iterable[Resource]) -> list[PickerItem]:
    texts = RowTexts.current()
    with collector_paused():
        return [resource_item(r, texts) for r in resources if r.guid]


class DirectoryController(QObject):
    manual_needed = Signal()  # the server has no directory call: paste GUIDs instead
    #: The doctor list started (True) or finished (False) loading for the chosen clinic.
    resources_loading = Signal(bool)

    def __init__(
        self,
        form: BookingForm,
        client: RegistryClient,
        *,
        dialogs: Any,
        spawn: Callable[..., Any],
        set_status: Callable[[str], None],
        log_path: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.client = client
        self.dialogs = dialogs
        self._spawn = spawn
        self._set_status = set_status
        self._log_path = log_path
        self.clinic: Clinic | None = None
        self.resource: Resource | None = None
        #: The chosen clinic's last status, and when it was confirmed (``clock`` seconds).
        self.status: ClinicStatus | None = None
        self.status_at: float | None = None
        self.clock: Callable[[], float] = time.monotonic
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(STATUS_REFRESH_MS)
        self.status_timer.timeout.connect(self.refresh_status)
        form.clinic_picker.set_results_name(self.tr("Результаты поиска поликлиники"))
        form.resource_picker.set_results_name(self.tr("Результаты поиска врача"))
        form.clinic_picker.accepted.connect(self._clinic_accepted)
        form.clinic_picker.cleared.connect(self._clinic_cleared)
        form.resource_picker.accepted.connect(self._resource_accepted)
        form.resource_picker.cleared.connect(lambda: setattr(self, "resource", None))
        form.resource_picker.loading_changed.connect(self.resources_loading.emit)

    def _run(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        self._spawn(coro, name=name)

    @property
    def loading_resources(self) -> bool:
        """The chosen clinic's doctors are still loading (an Enter typed now is kept)."""
        return self.form.resource_picker.loading

    # -- clinics -------------------------------------------------------------------------------

    def load(self) -> None:
        self.form.clinic_picker.set_loading(True)
        self._run(self._load_clinics(), "load-clinics")

    async def _load_clinics(self) -> None:
        picker = self.form.clinic_picker
        self._set_status(self.tr("Загрузка списка поликлиник…"))
        try:
            clinics = await self.client.list_clinics()
        except NotFound:
            log.info("server has no clinic directory call; switching to manual GUIDs")
            picker.set_unavailable(self.tr("справочник недоступен"))
            self.manual_needed.emit()
            self._set_status(self.tr("Сервер не отдаёт справочник: введите GUID вручную."))
            return
        except ApiError as exc:
            picker.set_unavailable(self.tr("не загружено"))
            self._set_status(self.tr("Справочник не загружен."))
            self.dialogs.show(message_for(exc, self._log_path()))
            return
        items = clinic_items(clinics)
        picker.set_items(items)
        self._set_status(self.tr("Поликлиник в справочнике: {0}").format(len(items)))

    @staticmethod
    def clinic_text(clinic: Clinic) -> str:
        """A clinic as its row leads: ``ГП № 3 — пр-т Строителей, д. 41``."""
        return clinic_item(clinic).text

    def _clinic_accepted(self, item: PickerItem) -> None:
        picker = self.form.clinic_picker
        clinic: Clinic = item.payload
        changed = self.clinic is None or self.clinic.guid != clinic.guid
        self.clinic = clinic
        self.note_status(clinic.status)
        if changed:
            self.resource = None
            self.form.resource_picker.clear_choice()
            self.form.resource_picker.set_loading(True)
            self._run(self._load_resources(clinic), "load-resources")
        self.status_timer.start()
        if not picker.accept_was_deferred or picker.has_focus():
            self.form.resource_picker.edit.setFocus()

    def _clinic_cleared(self) -> None:
        self.clinic = None
        self.resource = None
        self.status_timer.stop()
        self.note_status(None)

    # -- resources -----------------------------------------------------------------------------

    async def _load_resources(self, clinic: Clinic) -> None:
        assert clinic.guid
        picker = self.form.resource_picker

        def current() -> bool:
            return self.clinic is not None and self.clinic.guid == clinic.guid

        try:
            resources = await self.client.list_resources(clinic.guid)
        except NotFound:
            if current():
                picker.set_unavailable(self.tr("список врачей недоступен"))
            self._set_status(self.tr("Сервер не отдаёт список врачей: введите GUID вручную."))
            self.manual_needed.emit()
            return
        except ApiError as exc:
            if current():
                picker.set_unavailable(self.tr("не загружено"))
            self.dialogs.show(message_for(exc, self._log_path()))
            return
        if not current():
            return  # the operator moved on meanwhile
        # Grouped by speciality, then by surname: how a registry thinks of its doctors.
        resources.sort(key=lambda r: ((r.speciality or "").casefold(), (r.fio or "").casefold()))
        picker.set_items(resource_items(resources))

    def resource_text(self, r: Resource) -> str:
        """The resource as the journal keeps it: ``Терапевт — Смирнова Анна Викторовна (каб.
        214, 2 эт.)`` (``desktop_app.printing.fill.parse_resource_text`` reads it back)."""
        head = r.speciality or r.doctor_role or ""
        where = []
        if r.room:
            where.append(self.tr("каб. {0}").format(r.room))
        if r.flat is not None:
            where.append(self.tr("{0} эт.").format(r.flat))
        text = " — ".join(p for p in (head, r.fio or "") if p) or (r.guid or "—")
        return f"{text} ({', '.join(where)})" if where else text

    def _resource_accepted(self, item: PickerItem) -> None:
        picker: SearchPicker = self.form.resource_picker
        self.resource = item.payload
        if not picker.accept_was_deferred or picker.has_focus():
            self.form.date_edit.setFocus()

    def clear_resource(self) -> None:
        self.resource = None
        self.form.resource_picker.clear_choice()

    # -- status ----------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        if self.clinic is not None and self.clinic.guid:
            self._run(self._refresh_status(self.clinic.guid), "clinic-status")

    async def _refresh_status(self, guid: str) -> None:
        try:
            fresh = await self.client.get_clinic(guid)
        except ApiError as exc:
            log.info("status refresh failed: %s", exc)
            return
        if self.clinic is not None and self.clinic.guid == guid:
            self.note_status(fresh.status)

    def note_status(self, status: ClinicStatus | None) -> None:
        """Show the clinic's status and remember when it was last confirmed."""
        self.status = status
        self.status_at = self.clock() if status is not None else None
        self.form.clinic_status.set_status(status)

    def state(self) -> str:
        """``online``, ``offline``, ``stale`` (not confirmed for ``STATUS_STALE_S``) or
        ``unknown`` (the server gives no status) for the chosen clinic."""
        status = self.status
        if status is None or self.status_at is None:
            return "unknown"
        if self.clock() - self.status_at > STATUS_STALE_S:
            return "stale"
        return "online" if status.is_online else "offline"

    async def checked_state(self) -> str:
        """The state before a booking: a stale status is asked for once more first."""
        state = self.state()
        if state == "stale" and self.clinic is not None and self.clinic.guid:
            await self._refresh_status(self.clinic.guid)
            state = self.state()
        return state

    def stop(self) -> None:
        self.status_timer.stop()
