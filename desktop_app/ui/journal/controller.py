"""The shift journal window's behaviour: which entries to list, reprinting, marking as checked,
cancelling a booking and opening the day list.

The view (``view.py``) shows entries and the note field; this controller reads the core's
``ShiftJournal`` for the current search (this shift since local midnight, or all kept history),
hands a booked entry to ``on_reprint``, writes the operator's note for an unknown outcome, starts
the cancel flow (``desk.cancel_dialog.CancelFlow``) for a booked row and opens the day list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from desktop_app.journal import JournalEntry, ShiftJournal
from desktop_app.ui.desk.cancel_dialog import CancelTarget
from desktop_app.ui.journal.day_view import DayListView
from desktop_app.ui.journal.model import cancellable

if TYPE_CHECKING:
    from desktop_app.ui.journal.view import JournalView

log = logging.getLogger(__name__)

#: How many entries "all history" shows at most (newest first); the search narrows it.
HISTORY_LIMIT = 1000
#: Enough for any one shift at one desk.
SHIFT_LIMIT = 100_000


class JournalController(QObject):
    """``on_reprint(entry)`` prints another copy of a booked entry (the caller marks it printed);
    ``clock`` gives "now" for where the shift starts (local midnight); tests pin it."""

    def __init__(
        self,
        view: JournalView,
        journal: ShiftJournal,
        *,
        on_reprint: Callable[[JournalEntry], None] | None = None,
        clock: Callable[[], datetime] | None = None,
        cancel_flow: Any = None,
        token_for: Callable[[JournalEntry], str | None] | None = None,
        training: bool | None = None,
        today: Callable[[], date] | None = None,
        dialogs: Any = None,
        printer_name: str | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.journal = journal
        self._on_reprint = on_reprint
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._cancel_flow = cancel_flow
        self._token_for = token_for
        self._training = training
        self._today = today or (lambda: self._clock().date())
        self._dialogs = dialogs
        self._printer_name = printer_name
        #: The day list window while it is open.
        self.day_view: Any = None
        if cancel_flow is not None:
            cancel_flow.finished.connect(self._cancel_finished)

    def _shift_start(self) -> datetime:
        now = self._clock()
        now = now if now.tzinfo is not None else now.astimezone()
        return datetime.combine(now.date(), time.min, tzinfo=now.tzinfo)

    def refresh(self) -> None:
        """Re-read the journal with the current search; the selected entry stays selected."""
        view = self.view
        text = view.search.text().strip() or None
        everything = view.all_history.isChecked()
        if everything:
            entries = self.journal.entries(search=text, limit=HISTORY_LIMIT)
        else:
            entries = self.journal.entries(
                since=self._shift_start(), search=text, limit=SHIFT_LIMIT
            )
        view.show_entries(entries, with_dates=everything, keep=view.shown_id)
        view.show_counts(len(entries), text, everything)

    def reprint_current(self) -> None:
        entry = self.view.current_entry()
        if entry is None or entry.status != "booked" or entry.ticket is None:
            return
        if self._on_reprint is None:
            return
        self._on_reprint(entry)
        self.refresh()

    def start_resolve(self) -> None:
        entry = self.view.current_entry()
        if entry is None or entry.status != "unknown":
            return
        self.view.open_note()

    def save_resolution(self) -> None:
        view = self.view
        entry = view.current_entry()
        if entry is None or entry.status != "unknown" or not view.resolve_panel.isVisible():
            return
        note = " ".join(view.resolve_note.text().split())
        if len(note) < 3:
            view.note_error(
                self.tr(
                    "Напишите коротко, что выяснили: например, «запись есть, талон № 12» "
                    "или «записи нет»."
                )
            )
            view.resolve_note.setFocus()
            return
        try:
            self.journal.resolve_unknown(entry.id, note)
        except (KeyError, ValueError):
            log.info("journal view: entry %s is no longer an unknown outcome", entry.id)
            view.note_error(self.tr("Эту запись уже отметили или она изменилась. Список обновлён."))
            self.refresh()
            return
        log.info("journal view: unknown outcome %s marked as checked", entry.id)
        view.close_note()
        self.refresh()
        view.table.setFocus()

    # -- cancelling ----------------------------------------------------------------------------

    def cancel_current(self) -> Any:
        """Start the cancel flow for the current booked row; the cancel dialog, or None."""
        entry = self.view.current_entry()
        if self._cancel_flow is None or not cancellable(entry):
            return None
        assert entry is not None
        token = self._token_for(entry) if self._token_for is not None else None
        log.info("journal view: cancel of entry %s started", entry.id)
        return self._cancel_flow.start(CancelTarget.from_entry(entry), token, parent=self.view)

    def _cancel_finished(self, _outcome: object) -> None:
        try:
            self.refresh()
        except RuntimeError:  # the view was closed meanwhile
            pass

    # -- the day list ----------------------------------------------------------------------------

    def open_day_list(self) -> Any:
        """ "Список на день…": the day's bookings per doctor, by appointment date."""
        view = DayListView(
            self.journal,
            self.view,
            training=self._training,
            today=self._today,
            dialogs=self._dialogs,
            printer_name=self._printer_name,
        )
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(lambda *_: setattr(self, "day_view", None))
        self.day_view = view
        view.open()
        return view


__all__ = ["HISTORY_LIMIT", "SHIFT_LIMIT", "JournalController"]
