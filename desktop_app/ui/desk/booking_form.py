"""The booking form's layout (view only): clinic, doctor, date/time, patient, Book button.

The fields sit in a scroll area, so at 150 % on a 1366×768 screen the form scrolls instead of
clipping; the Book button stays below it, always in view. The date field is keyboard-complete:
``+``/``-`` change the day, ``F4`` or ``Alt+↓`` open the calendar, ``Tab`` leaves the field (not
its day, month and year sections), and a day outside the allowed range is named next to it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, QPointF, QRect, QSize, Qt, QTime, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from desktop_app.i18n import ui_locale
from desktop_app.ui.desk.patient_block import PatientBlock
from desktop_app.ui.desk.search_picker import SearchPicker
from desktop_app.ui.desk.status import StatusBadge

#: The fewest lines the training patient's note takes (more when the longest note needs them).
NOTE_LINES = 2
#: The date field's own range is this much wider than the allowed days, so a typed day outside
#: them is shown and explained instead of being swallowed keystroke by keystroke.
_SLACK_YEARS = 2

DayRange = Callable[[], tuple[QDate, QDate]]


def open_calendar(edit: QDateEdit) -> bool:
    """Open the date field's own calendar popup, as a click on its arrow does.

    Qt has no public call for it; the arrow is found the way ``QDateTimeEdit`` hit-tests it.
    """
    if not edit.calendarPopup() or edit.isReadOnly() or not edit.isEnabled():
        return False
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    arrow = edit.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, edit
    )
    if arrow.isEmpty():
        return False
    at = QPointF(arrow.center())
    where = QPointF(edit.mapToGlobal(arrow.center()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(kind, at, where, left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(edit, event)
    return edit.calendarWidget().isVisible()


def leave_field(widget: QWidget, forward: bool) -> None:
    """Move the focus to the next (previous) field of the window, as Tab does elsewhere."""
    parent = widget.parentWidget()
    if parent is not None:
        parent.focusNextPrevChild(forward)


class DateKeys(QObject):
    """The date (and time) field's keys.

    ``+``/``-`` change the day by one within the allowed days (a habit from paper calendars);
    ``F4`` and ``Alt+↓`` open the calendar; ``Tab``/``Shift+Tab`` leave the field instead of
    walking its sections. The calendar offers only the allowed days.
    """

    def __init__(self, days: DayRange, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._days = days
        self._popups: list[QWidget] = []  # the calendars' popups being watched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(watched, QAbstractSpinBox) and kind == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Backtab or (
                key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ShiftModifier
            ):
                leave_field(watched, forward=False)
                return True
            if key == Qt.Key.Key_Tab and not mods:
                leave_field(watched, forward=True)
                return True
            if isinstance(watched, QDateEdit):
                return self._date_key(watched, key, mods)
        if isinstance(watched, QDateEdit) and kind == QEvent.Type.MouseButtonPress:
            self._hook_calendar(watched)  # before Qt opens it
        if kind == QEvent.Type.Show and any(watched is popup for popup in self._popups):
            calendar = watched.findChild(QCalendarWidget)
            if calendar is not None:
                calendar.setDateRange(*self._days())  # Qt set the field's wider range
        return super().eventFilter(watched, event)

    def _date_key(self, edit: QDateEdit, key: int, mods: Qt.KeyboardModifier) -> bool:
        if (key == Qt.Key.Key_F4 and not mods) or (
            key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.AltModifier
        ):
            self._hook_calendar(edit)
            open_calendar(edit)
            return True
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        first, last = self._days()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            target = edit.date().addDays(1)
            if target < first:
                target = first
            if target <= last:
                edit.setDate(target)
            return True
        if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            target = edit.date().addDays(-1)
            if target > last:
                target = last
            if target >= first:
                edit.setDate(target)
            return True
        return False

    def _hook_calendar(self, edit: QDateEdit) -> None:
        """Watch the calendar popup (made on first use) so it offers only the allowed days."""
        popup = edit.calendarWidget().window()
        if not any(popup is known for known in self._popups):
            self._popups.append(popup)  # kept: the same wrapper comes back to eventFilter
            popup.installEventFilter(self)


# -- a layout that wraps -------------------------------------------------------------------------


class FlowLayout(QLayout):
    """Widgets left to right, wrapping to the next row when the width runs out; each row's
    widgets share its spare width. The print buttons (none is ever cut), the form's heading
    with the clinic's status, the day with the time: one row when wide, more when narrow."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:  # type: ignore[override]
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint()))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self.spacing()
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if rows[-1] and used + gap + width > area.width():
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + width
            rows[-1].append(item)
        y = area.top()
        for row in rows:
            if not row:
                continue
            height = max(item.sizeHint().height() for item in row)
            natural = sum(item.sizeHint().width() for item in row) + gap * (len(row) - 1)
            spare = max(0, area.width() - natural)
            x = area.left()
            for index, item in enumerate(row):
                extra = spare // len(row) + (1 if index < spare % len(row) else 0)
                width = item.sizeHint().width() + extra
                if apply:
                    item.setGeometry(QRect(x, y, min(width, area.width()), height))
                x += width + gap
            y += height + gap
        return y - gap - area.top() + margins.top() + margins.bottom() if y > area.top() else 0


def _compact(layout: QVBoxLayout | QFormLayout) -> None:
    """Tight margins inside a step's box: at 150 % every line of height counts."""
    layout.setContentsMargins(8, 4, 8, 6)
    layout.setSpacing(4)


class _MinimumHfwLayout(QVBoxLayout):
    """A column whose height for a width is its *minimum* height for it.

    The scrolled fields use it, so the scroll area sizes them by what they need (wrapped rows
    included) and the lists take the room there is instead of their preferred height scrolling
    it away. The clinic step uses it too: a box laid out by height-for-width gets that height
    as its minimum in the fields' column, and the clinic step's preferred height (its list at
    full height) would then squeeze the date-and-patient step below what its wrapped lines
    need — the found patient's line came out clipped at 125-150 %."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._inside = False

    def heightForWidth(self, width: int) -> int:
        if self._inside:  # minimumHeightForWidth asks this first (to compute both)
            return super().heightForWidth(width)
        self._inside = True
        try:
            return self.minimumHeightForWidth(width)
        finally:
            self._inside = False


def _fixed_lines(label: QLabel, lines: int) -> None:
    """A word-wrapped label ``lines`` lines high whatever its text (and no height-for-width:
    the form's height must not depend on a text's length)."""
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    policy.setHeightForWidth(False)
    label.setSizePolicy(policy)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 2)


class BookingForm(QWidget):
    def __init__(self, *, training: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingForm")
        self.training = training
        self._first_day = QDate.currentDate()
        self._last_day = self._first_day.addDays(60)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        # Everything but the Book button scrolls when the screen is too small for it.
        self.fields_scroll = QScrollArea(self)
        self.fields_scroll.setObjectName("formScroll")
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fields = QWidget(self.fields_scroll)
        fields.setObjectName("formFields")
        fields.setAutoFillBackground(False)
        self.fields_scroll.viewport().setAutoFillBackground(False)
        inner = _MinimumHfwLayout(fields)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.setSpacing(4)

        # Step 1: the clinic. Its heading carries the mnemonic; the chosen clinic's status
        # sits beside it (below it when narrow).
        clinic_box = QGroupBox(fields)
        clinic_box.setObjectName("clinicStep")
        clinic_layout = _MinimumHfwLayout(clinic_box)
        _compact(clinic_layout)
        clinic_head = QWidget(clinic_box)
        head = FlowLayout(clinic_head, spacing=12)
        self.clinic_label = QLabel(self.tr("1. &Поиск поликлиники:"), clinic_head)
        self.clinic_picker = SearchPicker(
            "clinicSearch", self.tr("название, адрес или код МО"), clinic_box
        )
        self.clinic_picker.edit.setAccessibleName(self.tr("Поиск поликлиники"))
        self.clinic_label.setBuddy(self.clinic_picker.edit)
        # Wrapped ("since …" on a line of its own): the badge never widens the form.
        self.clinic_status = StatusBadge(clinic_head, wrap=True)
        head.addWidget(self.clinic_label)
        head.addWidget(self.clinic_status)
        clinic_layout.addWidget(clinic_head)
        clinic_layout.addWidget(self.clinic_picker, 1)

        # Step 2: the doctor or room.
        resource_box = QGroupBox(fields)
        resource_box.setObjectName("resourceStep")
        resource_layout = QVBoxLayout(resource_box)
        _compact(resource_layout)
        self.resource_label = QLabel(self.tr("2. &Врач или кабинет:"), resource_box)
        self.resource_picker = SearchPicker(
            "resourceSearch", self.tr("фамилия, специальность или кабинет"), resource_box
        )
        self.resource_picker.edit.setAccessibleName(self.tr("Поиск врача"))
        self.resource_label.setBuddy(self.resource_picker.edit)
        resource_layout.addWidget(self.resource_label)
        resource_layout.addWidget(self.resource_picker, 1)
        for heading in (self.clinic_label, self.resource_label):
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)

        # Manual GUIDs (servers without directory calls)
        self.manual_box = QGroupBox(self.tr("Ввод GUID вручную"), fields)
        manual = QFormLayout(self.manual_box)
        _compact(manual)
        manual.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.manual_recent = QComboBox(self.manual_box)
        self.manual_recent.setObjectName("manualRecent")
        self.manual_recent.setAccessibleName(self.tr("Ранее использованные врачи"))
        self.manual_recent.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.manual_recent.setMinimumContentsLength(12)
        recent_label = QLabel(self.tr("Сохран&ённые:"), self.manual_box)
        recent_label.setBuddy(self.manual_recent)
        manual.addRow(recent_label, self.manual_recent)
        self.manual_lpu = QLineEdit(self.manual_box)
        self.manual_lpu.setObjectName("manualLpuGuid")
        self.manual_lpu.setAccessibleName(self.tr("GUID поликлиники"))
        self.manual_lpu.setPlaceholderText("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        self.manual_resource = QLineEdit(self.manual_box)
        self.manual_resource.setObjectName("manualResourceGuid")
        self.manual_resource.setAccessibleName(self.tr("GUID врача"))
        self.manual_resource.setPlaceholderText("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        self.manual_name = QLineEdit(self.manual_box)
        self.manual_name.setObjectName("manualName")
        self.manual_name.setAccessibleName(self.tr("Название для памяти"))
        self.manual_name.setPlaceholderText(self.tr("например: ГП № 3, терапевт Смирнова"))
        manual.addRow(self.tr("GUID &ЛПУ:"), self.manual_lpu)
        manual.addRow(self.tr("GUID р&есурса:"), self.manual_resource)
        manual.addRow(self.tr("Под каким &именем запомнить:"), self.manual_name)
        self.manual_box.hide()

        # Step 3: the day (and time), the patient.
        when_box = QGroupBox(self.tr("3. Дата и пациент"), fields)
        when_box.setObjectName("whenStep")
        when = QVBoxLayout(when_box)
        _compact(when)
        day_row = QWidget(when_box)
        day_flow = FlowLayout(day_row, spacing=12)
        date_unit = QWidget(day_row)
        date_line = QHBoxLayout(date_unit)
        date_line.setContentsMargins(0, 0, 0, 0)
        time_unit = QWidget(day_row)
        time_line = QHBoxLayout(time_unit)
        time_line.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit(when_box)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setAccessibleName(self.tr("Дата приёма"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setLocale(ui_locale())
        # The short weekday ("чт"): the full one ("воскресенье") made the field, and so the
        # form, too wide for a 1366×768 screen at 150 % beside the training panel.
        self.date_edit.setDisplayFormat("dd.MM.yyyy, ddd")
        self._date_keys = DateKeys(self.allowed_days, self)
        self.date_edit.installEventFilter(self._date_keys)
        date_label = QLabel(self.tr("&Дата:"), date_unit)
        date_label.setBuddy(self.date_edit)
        date_line.addWidget(date_label)
        date_line.addWidget(self.date_edit, 1)
        # Why the chosen day cannot be booked: next to the field, not in a message box.
        self.date_problem = QLabel(when_box)
        self.date_problem.setObjectName("dateProblem")
        self.date_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.date_problem.setWordWrap(True)
        self.date_problem.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.date_problem.setAccessibleName(self.tr("Ошибка в дате"))
        self.date_problem.hide()
        self.set_allowed_days(self._first_day, self._last_day)

        self.time_check = QCheckBox(self.tr("Указать вре&мя"), when_box)
        self.time_check.setObjectName("timeCheck")
        self.time_check.setAccessibleName(self.tr("Указать время приёма"))
        self.time_check.setToolTip(self.tr("Без времени поликлиника назначит ближайшее свободное"))
        self.time_edit = QTimeEdit(when_box)
        self.time_edit.setObjectName("timeEdit")
        self.time_edit.setAccessibleName(self.tr("Время приёма"))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setTime(QTime(9, 0))
        self.time_edit.setEnabled(False)
        self.time_edit.installEventFilter(self._date_keys)  # Tab leaves it too
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        time_line.addWidget(self.time_check)
        time_line.addWidget(self.time_edit, 1)
        day_flow.addWidget(date_unit)
        day_flow.addWidget(time_unit)
        when.addWidget(day_row)
        when.addWidget(self.date_problem)

        # The patient: one row, one widget (``patient_slot``), so it can be replaced whole.
        self.patient_slot = QWidget(when_box)
        self.patient_slot.setObjectName("patientSlot")
        slot = QVBoxLayout(self.patient_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        slot.setSpacing(2)
        self.patient_picker = QComboBox(self.patient_slot)
        self.patient_picker.setObjectName("patientPicker")
        self.patient_picker.setAccessibleName(self.tr("Учебный пациент"))
        self.patient_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.patient_picker.setMinimumContentsLength(10)
        self.patient_note = QLabel(self.patient_slot)
        self.patient_note.setObjectName("patientNote")
        self.patient_note.setWordWrap(True)
        self.patient_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.patient_note.setStyleSheet("color: #444;")
        self._notes: list[str] = []  # every note the picker can show (they size the label)
        self.patient_note.installEventFilter(self)  # its width changes: so may its height
        # The patient is identified by policy and birth date (or a pasted token) in both modes:
        # trainees practise the same lookup the desk does at work.
        self.patient_block = PatientBlock(self.patient_slot)
        #: The pasted-token field of the patient block (kept under its old name for callers).
        self.token_edit = self.patient_block.token_edit
        self.token_expiry = QLabel(self.patient_slot)
        self.token_expiry.setObjectName("tokenExpiry")
        self.token_expiry.hide()
        if training:
            # The roster is the patient in front of the trainee: their documents are in the
            # note, and the trainee types them into the block as at a real desk.
            self.patient_label = QLabel(self.tr("Па&циент:"), when_box)
            self.patient_label.setBuddy(self.patient_picker)
            self.patient_picker.setAccessibleName(self.tr("Учебный пациент у стойки"))
            slot.addWidget(self.patient_picker)
            slot.addWidget(self.patient_note)
            slot.addWidget(self.patient_block)
            # Trainees practise the lookup; a pasted token is a work-mode fallback.
            self.patient_block.set_paste_allowed(False)
        else:
            self.patient_label = QLabel(self.tr("Пациент:"), when_box)
            self.patient_label.setBuddy(self.patient_block.first_field())
            slot.addWidget(self.patient_block)
            slot.addWidget(self.token_expiry)
            self.patient_picker.hide()
            self.patient_note.hide()
        patient_line = QHBoxLayout()
        patient_line.addWidget(self.patient_label, 0, Qt.AlignmentFlag.AlignTop)
        patient_line.addWidget(self.patient_slot, 1)
        when.addLayout(patient_line)
        # The two captions of the step share one width, so the fields line up.
        caption = max(date_label.sizeHint().width(), self.patient_label.sizeHint().width())
        for label in (date_label, self.patient_label):
            label.setMinimumWidth(caption)
        self._fit_note()

        self.book_button = QPushButton(self.tr("&Записать  (Ctrl+Enter)"), self)
        self.book_button.setObjectName("bookButton")
        self.book_button.setAccessibleName(self.tr("Записать пациента"))
        # Enter on the focused button books, as Space does (the end of the Enter chain).
        self.book_button.setAutoDefault(True)
        self.book_button.setDefault(False)
        font = self.book_button.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.book_button.setFont(font)
        self._fit_book_button()

        inner.addWidget(clinic_box, 3)
        inner.addWidget(resource_box, 3)
        inner.addWidget(self.manual_box)
        inner.addWidget(when_box)
        self.fields_scroll.setWidget(fields)
        # A lookup's answer (found, not found) must not sit under the fold of a scrolled form.
        self._follow_result = False
        self.patient_block.result_shown.connect(self._bring_result_into_view)
        self.patient_block.result_label.installEventFilter(self)  # its size settles later
        fields.installEventFilter(self)  # its minimum changes: so does the form's
        outer.addWidget(self.fields_scroll, 1)
        outer.addWidget(self.book_button)

        # Tab order follows the form.
        chain: list[QWidget] = [
            self.clinic_picker.edit,
            self.resource_picker.edit,
            self.manual_recent,
            self.manual_lpu,
            self.manual_resource,
            self.manual_name,
            self.date_edit,
            self.time_check,
            self.time_edit,
            *([self.patient_picker] if training else []),
            self.patient_block.policy_edit,
            self.patient_block.surname_edit,
            self.patient_block.birth_edit,
            self.patient_block.paste_button,
            self.patient_block.token_edit,
            self.book_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        # A field given the focus by Enter or a mnemonic is scrolled into view.
        for widget in chain[:-1]:
            widget.installEventFilter(self)

    # -- the allowed days ----------------------------------------------------------------------

    def allowed_days(self) -> tuple[QDate, QDate]:
        """The first and the last day a booking may be made for (today … today + limit)."""
        return self._first_day, self._last_day

    def set_allowed_days(self, first: QDate, last: QDate) -> None:
        """Allow ``first`` … ``last``. The field itself takes a wider range, so a day typed
        outside is shown (and named by ``set_date_problem``) rather than refused silently."""
        self._first_day, self._last_day = first, max(first, last)
        self.date_edit.setDateRange(
            QDate(first.year() - _SLACK_YEARS, 1, 1),
            QDate(self._last_day.year() + _SLACK_YEARS, 12, 31),
        )
        self.date_edit.setToolTip(
            self.tr(
                "Можно с {0} по {1}. + / − — следующий / предыдущий день; F4 или Alt+↓ — календарь"
            ).format(first.toString("dd.MM.yyyy"), self._last_day.toString("dd.MM.yyyy"))
        )

    def set_date_problem(self, text: str | None) -> None:
        """Show (or clear) why the chosen day cannot be booked, next to the date field."""
        self.date_problem.setText(text or "")
        self.date_problem.setVisible(bool(text))
        self.date_edit.setAccessibleDescription(text or "")

    def open_calendar(self) -> bool:
        """Open the date field's calendar (F4 / Alt+↓ do this from the field)."""
        self._date_keys._hook_calendar(self.date_edit)
        return open_calendar(self.date_edit)

    # -- sizes that follow the font --------------------------------------------------------------

    def set_patient_notes(self, notes: list[str]) -> None:
        """Every note the patient picker can show: the note's height is the longest one's at
        the current width, so choosing another patient never moves the form."""
        self._notes = [note for note in notes if note]
        self._fit_note()

    def set_patient_note(self, text: str) -> None:
        """Show the chosen training patient's note (the whole note is in the tooltip too)."""
        self.patient_note.setText(text)
        self.patient_note.setToolTip(text)
        if text and text not in self._notes:
            self._notes.append(text)
            self._fit_note()

    def _bring_result_into_view(self) -> None:
        """A lookup's answer was shown: keep its line in view of a scrolled form while the
        fields settle (its text wraps, the bold font arrives with the style), until the focus
        moves on to another step."""
        self._follow_result = True
        QTimer.singleShot(0, self, self._show_result_line)

    def _show_result_line(self) -> None:
        label = self.patient_block.result_label
        if self._follow_result and label.isVisible():
            self.fields_scroll.ensureWidgetVisible(label, 0, 0)
            self.fields_scroll.horizontalScrollBar().setValue(0)

    def _fit_note(self) -> None:
        label = self.patient_note
        metrics = label.fontMetrics()
        lines = NOTE_LINES
        width = label.contentsRect().width()
        if width > 20:
            flags = int(Qt.TextFlag.TextWordWrap)
            for note in self._notes:
                room = metrics.boundingRect(QRect(0, 0, width, 100000), flags, note)
                lines = max(lines, -(-room.height() // metrics.lineSpacing()))
        height = metrics.lineSpacing() * lines + 2
        if label.height() != height or label.minimumHeight() != height:
            _fixed_lines(label, lines)

    def _fit_book_button(self) -> None:
        metrics = self.book_button.fontMetrics()
        self.book_button.setMinimumHeight(round(metrics.height() * 2.2))

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the fields plus the scroll bar: the form scrolls down, not
        sideways (a sideways scroll hid the field labels at 150 %)."""
        hint = super().minimumSizeHint()
        fields = self.fields_scroll.widget()
        if fields is None:
            return hint
        bar = self.fields_scroll.verticalScrollBar().sizeHint().width()
        frame = 2 * self.fields_scroll.frameWidth()
        width = fields.minimumSizeHint().width() + bar + frame
        return QSize(
            max(hint.width(), width, self.book_button.minimumSizeHint().width()), hint.height()
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_note()
            self._fit_book_button()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.patient_note:
            self._fit_note()
        elif watched is self.patient_block.result_label:
            if self._follow_result and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
                QTimer.singleShot(0, self, self._show_result_line)
        elif event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            if self.fields_scroll.isAncestorOf(watched) and not self.patient_block.isAncestorOf(
                watched
            ):
                self._follow_result = False  # on to another step: its field leads
            self.show_field(watched)
            # Again once pending layout changes are done (the focus often moves together
            # with a change that resizes the fields: a status shown, a list filled).
            QTimer.singleShot(0, self, lambda w=watched: self._show_if_focused(w))
        elif event.type() == QEvent.Type.LayoutRequest and watched is self.fields_scroll.widget():
            self.updateGeometry()  # e.g. the pasted-GUID box shown: the form's minimum grew
        return super().eventFilter(watched, event)

    def _show_if_focused(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and widget.hasFocus():
            self.show_field(widget)
            self._show_result_line()  # a lookup's answer below the field stays in view

    def show_field(self, widget: QWidget) -> None:
        """Scroll the form so the field's whole step (clinic, doctor, date and patient) is in
        view — the field itself at least, when the step is taller than the view."""
        section: QWidget | None = widget
        while section is not None and not isinstance(section, QGroupBox):
            section = section.parentWidget()
        if section is not None:
            self.fields_scroll.ensureWidgetVisible(section, 0, 0)
        self.fields_scroll.ensureWidgetVisible(widget, 8, 8)
        # Never sideways: a pixel too narrow must not hide the fields' captions on the left.
        self.fields_scroll.horizontalScrollBar().setValue(0)
