"""The shift journal window: what this desk booked today, found by any word, reprinted.

Three questions an operator brings here: "did that booking go through?" (status and details),
"the patient lost the slip" (reprint), and "the program froze mid-booking, is the patient booked?"
(unknown outcomes, which the operator checks in the registry and marks with a note). The
window only reads and annotates the journal; printing belongs to the caller (``on_reprint``).

This module is the view: the search row, the table, the details and the inline note. Reading
and annotating the journal is ``JournalController``'s (``controller.py``); the table model is in
``model.py``.

"Отменить запись…" (a booked row) opens the cancel flow (``CancelFlow``: reason, confirmation,
one cancellation call; without a token of the row's patient the dialog asks for the patient
first); "Список на день…" opens the day list by appointment date (``day_view.DayListView``).
Cancelled rows read "отменена" and their ticket number is struck out.

The note for an unknown outcome is typed inline, not in a modal input box: a nested event loop
inside the qasync app can run other tasks re-entrantly (see ``platform/dialogs.py``).

A booking whose answer was sparse (``fullResponse=false``) had its slip filled from what the
operator chose; the details say which facts ("Дополнено по данным записи: дата, время, врач") and
the ticket number in the table carries a "*" whose tooltip says the same.

Journal rows hold server text (doctor, clinic, error messages): labels are plain text, the
details pane and tooltips (which Qt would guess to be rich text) get it HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.journal import JournalEntry, ShiftJournal
from desktop_app.text import day_text, hhmm, stamp, time_range, translate
from desktop_app.ui.journal.controller import HISTORY_LIMIT, JournalController
from desktop_app.ui.journal.model import (
    JournalTableModel,
    cancellable,
    clinic_of,
    doctor_of,
    entry_status_text,
    filled_names,
    local,
)

NOTE_LIMIT = 500


class JournalView(QDialog):
    """The journal of the current shift (or all kept history), searchable.

    ``on_reprint(entry)`` is called for a booked entry when the operator asks for another
    copy; the caller prints and marks it printed, and the view refreshes afterwards. ``clock``
    gives "now" for where the shift starts (local midnight); tests pin it.

    ``cancel_flow`` (a ``desk.cancel_dialog.CancelFlow``) enables "Отменить запись…";
    ``token_for(entry)`` may give the token of the row's patient when the desk holds it (else
    the cancel dialog asks for the patient). ``training``, ``today``, ``dialogs`` and
    ``printer_name`` are handed to the day list ("Список на день…").
    """

    def __init__(
        self,
        journal: ShiftJournal,
        parent: QWidget | None = None,
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
        super().__init__(parent)
        self.setObjectName("journalView")
        self.setWindowTitle(self.tr("Журнал смены"))
        self.setAccessibleName(self.tr("Журнал смены"))
        self._on_reprint = on_reprint
        self._cancel_flow = cancel_flow
        #: The id of the entry whose details are on show.
        self.shown_id: int | None = None
        self.controller = JournalController(
            self,
            journal,
            on_reprint=on_reprint,
            clock=clock,
            cancel_flow=cancel_flow,
            token_for=token_for,
            training=training,
            today=today,
            dialogs=dialogs,
            printer_name=printer_name,
        )

        # Search row
        self.search = QLineEdit(self)
        self.search.setObjectName("journalSearch")
        self.search.setAccessibleName(self.tr("Поиск в журнале"))
        self.search.setPlaceholderText(self.tr("поликлиника, врач, пациент или № талона"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("Пои&ск:"), self)
        search_label.setBuddy(self.search)
        self.all_history = QCheckBox(self.tr("&Вся история"), self)
        self.all_history.setObjectName("journalAllHistory")
        self.all_history.setAccessibleName(self.tr("Показать всю историю, не только смену"))
        self.all_history.setToolTip(
            self.tr("Показать записи за все хранимые дни, а не только за сегодня")
        )
        self.refresh_button = QPushButton(self.tr("О&бновить"), self)
        self.refresh_button.setObjectName("journalRefresh")
        self.refresh_button.setAccessibleName(self.tr("Обновить журнал"))
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.all_history)
        top.addWidget(self.refresh_button)

        # Table
        self.model = JournalTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("journalTable")
        self.table.setAccessibleName(self.tr("Записи журнала"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The clinic (often the same on every row) takes whatever width is left.
        header.setSectionResizeMode(JournalTableModel.CLINIC, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("journalEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555555;")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("journalCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setStyleSheet("color: #555555;")
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.empty_label)
        table_layout.addWidget(self.count_label)

        # Details
        self.details = QTextBrowser(self)
        self.details.setObjectName("journalDetails")
        self.details.setAccessibleName(self.tr("Подробности записи"))
        self.details.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("journalSplitter")
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        # Inline note for an unknown outcome
        self.resolve_panel = QWidget(self)
        self.resolve_panel.setObjectName("journalResolvePanel")
        self.resolve_note = QLineEdit(self.resolve_panel)
        self.resolve_note.setObjectName("journalResolveNote")
        self.resolve_note.setAccessibleName(self.tr("Что выяснили при проверке"))
        self.resolve_note.setPlaceholderText(
            self.tr("например: запись есть в МИС, талон № 12 / записи нет")
        )
        self.resolve_note.setMaxLength(NOTE_LIMIT)
        note_label = QLabel(self.tr("&Что выяснили:"), self.resolve_panel)
        note_label.setBuddy(self.resolve_note)
        self.resolve_save = QPushButton(self.tr("Со&хранить отметку"), self.resolve_panel)
        self.resolve_save.setObjectName("journalResolveSave")
        self.resolve_save.setAccessibleName(self.tr("Сохранить отметку о проверке"))
        self.resolve_cancel = QPushButton(self.tr("Отмена"), self.resolve_panel)
        self.resolve_cancel.setObjectName("journalResolveCancel")
        self.resolve_error = QLabel(self.resolve_panel)
        self.resolve_error.setObjectName("journalResolveError")
        self.resolve_error.setTextFormat(Qt.TextFormat.PlainText)
        self.resolve_error.setWordWrap(True)
        self.resolve_error.setStyleSheet("color: #b3261e;")
        self.resolve_error.hide()
        panel = QVBoxLayout(self.resolve_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        note_row = QHBoxLayout()
        note_row.addWidget(note_label)
        note_row.addWidget(self.resolve_note, 1)
        note_row.addWidget(self.resolve_save)
        note_row.addWidget(self.resolve_cancel)
        panel.addLayout(note_row)
        panel.addWidget(self.resolve_error)
        self.resolve_panel.hide()

        # Actions
        self.reprint_button = QPushButton(self.tr("Повторить &печать"), self)
        self.reprint_button.setObjectName("journalReprint")
        self.reprint_button.setAccessibleName(self.tr("Повторить печать талона"))
        self.reprint_button.setVisible(on_reprint is not None)  # no printing here: no button
        self.resolve_button = QPushButton(self.tr("&Отметить как проверенную"), self)
        self.resolve_button.setObjectName("journalResolve")
        self.resolve_button.setAccessibleName(
            self.tr("Отметить запись с неизвестным результатом как проверенную")
        )
        self.cancel_button = QPushButton(self.tr("Отменить &запись…"), self)
        self.cancel_button.setObjectName("journalCancelBooking")
        self.cancel_button.setAccessibleName(self.tr("Отменить выбранную запись"))
        self.cancel_button.setVisible(cancel_flow is not None)  # no cancel call here: no button
        self.day_list_button = QPushButton(self.tr("Список на &день…"), self)
        self.day_list_button.setObjectName("journalDayList")
        self.day_list_button.setAccessibleName(self.tr("Список записанных на день по врачам"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("Закрыть"))
        close_button.setObjectName("journalClose")
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.resolve_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.day_list_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.resolve_panel)
        layout.addLayout(actions)

        # Enter in the table means "details", never "press a button": no default buttons.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        c = self.controller
        self.search.textChanged.connect(c.refresh)
        self.all_history.toggled.connect(c.refresh)
        self.refresh_button.clicked.connect(c.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(self._on_activated)
        self.reprint_button.clicked.connect(c.reprint_current)
        self.resolve_button.clicked.connect(c.start_resolve)
        self.resolve_save.clicked.connect(c.save_resolution)
        self.resolve_note.returnPressed.connect(c.save_resolution)
        self.resolve_note.textEdited.connect(lambda _t: self.resolve_error.hide())
        self.resolve_cancel.clicked.connect(self.cancel_resolve)
        self.cancel_button.clicked.connect(c.cancel_current)
        self.day_list_button.clicked.connect(c.open_day_list)

        self._initial_size()
        c.refresh()
        self.search.setFocus()

    def _initial_size(self) -> None:
        """Room for the table and the details at the app's font size, within the screen."""
        em = self.fontMetrics().height()
        width, height = round(em * 62), round(em * 40)
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() - 40)
            height = min(height, available.height() - 60)
        self.resize(width, height)

    # -- showing -------------------------------------------------------------------------------

    def current_entry(self) -> JournalEntry | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def show_entries(
        self, entries: list[JournalEntry], *, with_dates: bool, keep: int | None
    ) -> None:
        """List ``entries``; the one with id ``keep`` (else the first) becomes current."""
        self.model.set_entries(entries, with_dates=with_dates)
        self.fit_columns()
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and entries:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        else:
            self.show_entry(None)

    def fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().averageCharWidth()
        m = JournalTableModel
        for column, cap in ((m.PATIENT, 30 * em), (m.DOCTOR, 30 * em), (m.CLINIC, 30 * em)):
            header.resizeSection(column, min(max(header.sectionSize(column), 12 * em), cap))

    def show_counts(self, count: int, search: str | None, everything: bool) -> None:
        if count:
            self.empty_label.hide()
        else:
            if search:
                self.empty_label.setText(self.tr("Ничего не найдено."))
            elif everything:
                self.empty_label.setText(self.tr("В журнале нет записей."))
            else:
                self.empty_label.setText(self.tr("За эту смену записей нет."))
            self.empty_label.show()
        if everything and count >= HISTORY_LIMIT:
            self.count_label.setText(
                self.tr("Показаны последние {0} записей — уточните поиск.").format(count)
            )
        else:
            self.count_label.setText(self.tr("Записей: {0}").format(count))
        self.count_label.setVisible(count > 0)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        if entry is None or entry.id != self.shown_id:
            self.cancel_resolve()
        self.show_entry(entry)

    def _on_activated(self, index: QModelIndex) -> None:
        """Double-click or Enter on a row: its details, with the focus in them."""
        self.show_entry(self.model.entry(index.row()))
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[1] < 80:
            self.splitter.setSizes([max(sizes[0] - 200, 100), sizes[1] + 200])
        self.details.setFocus()

    def show_entry(self, entry: JournalEntry | None) -> None:
        self.shown_id = entry.id if entry is not None else None
        if entry is None:
            self.details.setHtml(
                "<p style='color:#555555'>{}</p>".format(
                    html.escape(self.tr("Выберите запись, чтобы увидеть подробности."))
                )
            )
        else:
            self.details.setHtml(self._details_html(entry))
        booked = entry is not None and entry.status == "booked" and entry.ticket is not None
        self.reprint_button.setEnabled(booked and self._on_reprint is not None)
        self.resolve_button.setEnabled(entry is not None and entry.status == "unknown")
        self.cancel_button.setEnabled(self._cancel_flow is not None and cancellable(entry))

    def _details_html(self, e: JournalEntry) -> str:
        rows: list[tuple[str, str]] = []

        def add(caption: str, value: object) -> None:
            if value not in (None, ""):
                rows.append((caption, str(value)))

        status = entry_status_text(e)
        if e.training:
            status = self.tr("{0} — учебная запись, не настоящая").format(status)
        add(self.tr("Статус"), status)
        add(self.tr("Попытка записи"), stamp(local(e.created_at)))
        if e.updated_at != e.created_at:
            add(self.tr("Изменено"), stamp(local(e.updated_at)))
        add(self.tr("Пациент"), e.patient_label)
        add(self.tr("Поликлиника"), clinic_of(e))
        add(self.tr("Врач или кабинет"), doctor_of(e))
        wanted = day_text(e.day)
        if e.at is not None:
            wanted = f"{wanted}, {hhmm(e.at)}"
        add(self.tr("Запрошенный день"), wanted)

        t = e.ticket
        if t is not None:
            add(self.tr("Номер талона"), t.num)
            # The clinic's own clock (the begin time's offset), same as the ticket card and slip.
            when = time_range(t.begin_time, t.end_time)
            if t.begin_time is not None:
                when = f"{when}, {day_text(t.begin_time.date())}"
            add(self.tr("Время приёма"), when)
            add(self.tr("Кабинет"), t.room)
            add(self.tr("Этаж"), t.flat)
            doctor = ", ".join(p for p in (t.doc_fio, t.doctor_role, t.speciality) if p)
            add(self.tr("Врач по талону"), doctor)
            add(self.tr("Тип приёма"), t.busy_type.describe() if t.busy_type else None)
            if t.lpu is not None:
                clinic = ", ".join(p for p in (t.lpu.display_name, t.lpu.address, t.lpu.phone) if p)
                add(self.tr("Поликлиника по талону"), clinic)
            who = " / ".join(p for p in (t.source_name, t.login) if p)
            add(self.tr("Кем записано"), who)
            add(self.tr("GUID талона"), t.ticket_guid)
        elif e.ticket_num:
            add(self.tr("Номер талона"), e.ticket_num)
        if e.print_count:
            add(
                self.tr("Напечатано"),
                self.tr("{0} раз(а), последний — {1}").format(
                    e.print_count, stamp(local(e.last_printed_at))
                ),
            )
        add(self.tr("Ошибка"), e.error_message)
        add(self.tr("Код ошибки"), e.error_code)
        technical = ", ".join(
            p for p in (f"HTTP {e.error_status}" if e.error_status else "", e.error_kind) if p
        )
        add(self.tr("Для поддержки"), technical)
        # Stored in Russian by the core (``INTERRUPTED_DETAIL``…); shown in the UI's language.
        add(
            self.tr("Почему результат неизвестен"),
            translate("CoreJournal", e.unknown_detail) if e.unknown_detail else e.unknown_detail,
        )
        add(self.tr("Отметка о проверке"), e.resolution_note)
        add(self.tr("Проверено"), stamp(local(e.resolved_at)))
        add(self.tr("Причина отмены"), e.cancel_reason)
        add(self.tr("Отменена"), stamp(local(e.cancelled_at)))
        add(self.tr("Отмена: ответ сервера"), e.cancel_error)

        body = "".join(
            "<tr><td style='color:#333333; padding-right:12px; white-space:nowrap' "
            "valign='top'><b>{}</b></td><td>{}</td></tr>".format(
                html.escape(caption), html.escape(value).replace("\n", "<br>")
            )
            for caption, value in rows
        )
        warning = ""
        if e.status == "unknown":
            warning = "<p style='color:#7a3e00'><b>{}</b></p>".format(
                html.escape(
                    self.tr(
                        "Ответ сервера не получен: запись могла быть создана. Проверьте её в "
                        "регистратуре, прежде чем записывать пациента снова, и отметьте результат."
                    )
                )
            )
        if e.is_cancelled:
            warning = "<p style='color:#6b6b6b'><b>{}</b></p>".format(
                html.escape(self.tr("Запись отменена: талон недействителен."))
            )
        elif e.cancel_unconfirmed:
            warning = "<p style='color:#7a3e00'><b>{}</b></p>".format(
                html.escape(
                    self.tr(
                        "Результат отмены неизвестен — проверьте в регистратуре/МИС, не "
                        "отменяйте повторно без проверки."
                    )
                )
            )
        filled = ""
        names = filled_names(e)
        if names:  # fullResponse=false: the slip's visit facts came from the operator's choice
            filled = "<p>{}<br><span style='color:#555555'>{}</span></p>".format(
                html.escape(self.tr("Дополнено по данным записи: {0}").format(names)),
                html.escape(
                    self.tr(
                        "Сервер не прислал эти данные; талон заполнен тем, что выбрал "
                        "регистратор, и они отмечены на нём «*»."
                    )
                ),
            )
        return f"{warning}<table cellspacing='0' cellpadding='2'>{body}</table>{filled}"

    # -- the note for an unknown outcome -------------------------------------------------------

    def open_note(self) -> None:
        self.resolve_note.clear()
        self.resolve_error.hide()
        self.resolve_panel.show()
        self.resolve_note.setFocus()

    def note_error(self, text: str) -> None:
        self.resolve_error.setText(text)
        self.resolve_error.show()

    def close_note(self) -> None:
        self.resolve_panel.hide()
        self.resolve_note.clear()

    def cancel_resolve(self) -> None:
        if self.resolve_panel.isVisible():
            self.resolve_panel.hide()
            self.table.setFocus()
        self.resolve_note.clear()
        self.resolve_error.hide()

    # -- what the controller does --------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the journal with the current search; the selected entry stays selected."""
        self.controller.refresh()

    def reprint_current(self) -> None:
        self.controller.reprint_current()

    def start_resolve(self) -> None:
        self.controller.start_resolve()

    def save_resolution(self) -> None:
        self.controller.save_resolution()

    def cancel_current(self) -> Any:
        """ "Отменить запись…" for the current row; the cancel dialog, or None."""
        return self.controller.cancel_current()

    def open_day_list(self) -> Any:
        """ "Список на день…"; the day list window."""
        return self.controller.open_day_list()

    def reject(self) -> None:
        """Esc while typing a note closes the note, not the window."""
        if self.resolve_panel.isVisible():
            self.cancel_resolve()
            return
        super().reject()


__all__ = ["JournalTableModel", "JournalView"]
