"""The clinic and doctor pickers' behaviour: loading the directory, choosing, live status.

The form (``BookingForm``) only lays the pickers out; this controller fills them from the
registry, tracks what the operator chose, refreshes the chosen clinic's online status in the
background, and says when the server has no directory calls (404) so the window can switch to
pasted GUIDs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.api import ApiError, Clinic, NotFound, RegistryClient, Resource
from desktop_app.ui.desk.booking_form import BookingForm
from desktop_app.ui.desk.messages import message_for
from desktop_app.ui.desk.search_picker import PickerItem, make_item

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 30_000


class DirectoryController(QObject):
    manual_needed = Signal()  # the server has no directory call: paste GUIDs instead

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
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(STATUS_REFRESH_MS)
        self.status_timer.timeout.connect(self.refresh_status)
        form.clinic_picker.accepted.connect(self._clinic_accepted)
        form.clinic_picker.cleared.connect(self._clinic_cleared)
        form.resource_picker.accepted.connect(self._resource_accepted)
        form.resource_picker.cleared.connect(lambda: setattr(self, "resource", None))

    def _run(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        self._spawn(coro, name=name)

    # -- clinics -------------------------------------------------------------------------------

    def load(self) -> None:
        self._run(self._load_clinics(), "load-clinics")

    async def _load_clinics(self) -> None:
        self._set_status(self.tr("Загрузка списка поликлиник…"))
        try:
            clinics = await self.client.list_clinics()
        except NotFound:
            log.info("server has no clinic directory call; switching to manual GUIDs")
            self.manual_needed.emit()
            self._set_status(self.tr("Сервер не отдаёт справочник: введите GUID вручную."))
            return
        except ApiError as exc:
            self._set_status(self.tr("Справочник не загружен."))
            self.dialogs.show(message_for(exc, self._log_path()))
            return
        items = [
            make_item(
                c.guid,
                self.clinic_text(c),
                c.name,
                c.full_name,
                c.fer_name,
                c.mcod,
                c.address,
                payload=c,
                tooltip=c.address,
            )
            for c in clinics
            if c.guid
        ]
        self.form.clinic_picker.set_items(items)
        self._set_status(self.tr("Поликлиник в справочнике: {0}").format(len(items)))

    @staticmethod
    def clinic_text(clinic: Clinic) -> str:
        name = clinic.display_name
        return f"{name} — {clinic.address}" if clinic.address else name

    def _clinic_accepted(self, item: PickerItem) -> None:
        clinic: Clinic = item.payload
        changed = self.clinic is None or self.clinic.guid != clinic.guid
        self.clinic = clinic
        self.form.clinic_status.set_status(clinic.status)
        if changed:
            self.resource = None
            self.form.resource_picker.set_items([])
            self.form.resource_picker.clear_choice()
            self._run(self._load_resources(clinic), "load-resources")
        self.status_timer.start()
        self.form.resource_picker.edit.setFocus()

    def _clinic_cleared(self) -> None:
        self.clinic = None
        self.resource = None
        self.status_timer.stop()
        self.form.clinic_status.set_status(None)

    # -- resources -----------------------------------------------------------------------------

    async def _load_resources(self, clinic: Clinic) -> None:
        assert clinic.guid
        try:
            resources = await self.client.list_resources(clinic.guid)
        except NotFound:
            self._set_status(self.tr("Сервер не отдаёт список врачей: введите GUID вручную."))
            self.manual_needed.emit()
            return
        except ApiError as exc:
            self.dialogs.show(message_for(exc, self._log_path()))
            return
        if self.clinic is None or self.clinic.guid != clinic.guid:
            return  # the operator moved on meanwhile
        # Grouped by speciality, then by surname: how a registry thinks of its doctors.
        resources.sort(key=lambda r: ((r.speciality or "").casefold(), (r.fio or "").casefold()))
        items = [
            make_item(
                r.guid,
                self.resource_text(r),
                r.fio,
                r.speciality,
                r.doctor_role,
                r.room and f"каб {r.room} кабинет {r.room}",
                payload=r,
            )
            for r in resources
            if r.guid
        ]
        self.form.resource_picker.set_items(items)

    def resource_text(self, r: Resource) -> str:
        head = r.speciality or r.doctor_role or ""
        where = []
        if r.room:
            where.append(self.tr("каб. {0}").format(r.room))
        if r.flat is not None:
            where.append(self.tr("{0} эт.").format(r.flat))
        text = " — ".join(p for p in (head, r.fio or "") if p) or (r.guid or "—")
        return f"{text} ({', '.join(where)})" if where else text

    def _resource_accepted(self, item: PickerItem) -> None:
        self.resource = item.payload
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
            self.form.clinic_status.set_status(fresh.status)

    def stop(self) -> None:
        self.status_timer.stop()
