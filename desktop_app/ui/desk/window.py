"""The operator's main window: the booking form on the left, the ticket on the right.

A view: it lays out the form, the ticket, the print buttons, the menus and the keys, and connects
them to the controllers that hold the behaviour: ``BookingController`` (the booking and the
form's own logic), ``DirectoryController`` (the pickers), ``SlipActions`` (printing),
``ModeSwitch`` and ``SettingsFlow``. Outcomes are decided in the core (``BookingService``); the
window only renders them. The thin methods and properties kept here (``request_booking``,
``booking_busy``, ``last_attempt_id`` …) are what the app, the training panel and tests use.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api import Clinic, Resource
from desktop_app.booking import DeskEvent, DeskEventKind
from desktop_app.printing import clinic_zone
from desktop_app.services import Services
from desktop_app.ui.desk.booking_controller import BookingController
from desktop_app.ui.desk.booking_form import BookingForm
from desktop_app.ui.desk.directory import DirectoryController
from desktop_app.ui.desk.mode_switch import ModeSwitch
from desktop_app.ui.desk.ticket_view import TicketView
from desktop_app.ui.platform.async_tools import TaskKeeper
from desktop_app.ui.platform.dialogs import Dialogs
from desktop_app.ui.printing.slip_actions import IssuedCopy, SlipActions

#: What the window needs: one session's ``Services`` (built by ``desktop_app.services``).
WindowServices = Services


class _ShortcutKeys(QObject):
    """Ctrl+Enter and F2 from any field of the window, even inside pickers and popups."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window:
            return False
        key = event.key()  # type: ignore[attr-defined]
        mods = event.modifiers()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.window.request_booking()
            return True
        if key == Qt.Key.Key_F2 and not mods:
            self.window.new_booking()
            return True
        if key == Qt.Key.Key_P and mods == Qt.KeyboardModifier.ControlModifier:
            self.window.slips.print_now()
            return True
        if key == Qt.Key.Key_P and mods == (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            self.window.slips.print_dialog()
            return True
        return False


class MainWindow(QMainWindow):
    desk_event = Signal(object)  # DeskEvent: what the operator saw or did (training listens)
    closed = Signal()
    switch_mode_requested = Signal()  # confirmed by the operator; the app rebuilds the session
    restart_requested = Signal()  # connection settings changed: rebuild in the same mode
    first_painted = Signal()

    def __init__(self, services: WindowServices, dialogs: Any = None) -> None:
        super().__init__()
        self.services = services
        self.training = services.training
        self.dialogs = dialogs if dialogs is not None else Dialogs(self)
        self.tasks = TaskKeeper(on_error=self._task_failed)
        self._painted = False

        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self.setMinimumSize(900, 600)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.training_banner = QLabel(self.tr("УЧЕБНЫЙ РЕЖИМ — записи не настоящие"), central)
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setStyleSheet(
            "background: #ffd54f; color: #3e2700; font-weight: bold; padding: 6px;"
            "border: 2px solid #8d6e00;"
        )
        self.training_banner.setVisible(self.training)
        outer.addWidget(self.training_banner)

        self.form = BookingForm(training=self.training, parent=central)
        self.ticket_view = TicketView(central)
        ticket_side = QWidget(central)
        ticket_layout = QVBoxLayout(ticket_side)
        ticket_layout.setContentsMargins(0, 0, 0, 0)
        ticket_layout.addWidget(self.ticket_view, 1)
        self.print_row = QWidget(ticket_side)
        row = QGridLayout(self.print_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.print_button = QPushButton(self.tr("Пе&чать (Ctrl+P)"), self.print_row)
        self.print_button.setObjectName("printButton")
        self.print_button.setAccessibleName(self.tr("Напечатать талон"))
        # The shortcut is in the tooltip and the menu: in the label it widened the ticket side
        # until the booking form's fields were cut off.
        self.print_dialog_button = QPushButton(self.tr("Печать с в&ыбором…"), self.print_row)
        self.print_dialog_button.setToolTip(self.tr("Выбрать принтер и напечатать (Ctrl+Shift+P)"))
        self.print_dialog_button.setObjectName("printDialogButton")
        self.print_dialog_button.setAccessibleName(self.tr("Печать с выбором принтера"))
        self.preview_button = QPushButton(self.tr("Пр&осмотр"), self.print_row)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setAccessibleName(self.tr("Предварительный просмотр талона"))
        self.pdf_button = QPushButton(self.tr("PD&F…"), self.print_row)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.setAccessibleName(self.tr("Сохранить талон в PDF"))
        self.new_button = QPushButton(self.tr("&Новая запись (F2)"), self.print_row)
        self.new_button.setObjectName("newBookingButton")
        self.new_button.setAccessibleName(self.tr("Новая запись"))
        # Two rows, so nothing is clipped when the training panel narrows the window.
        placement = [
            (self.print_button, 0, 0, 1, 2),
            (self.print_dialog_button, 0, 2, 1, 1),
            (self.new_button, 1, 0, 1, 1),
            (self.preview_button, 1, 1, 1, 1),
            (self.pdf_button, 1, 2, 1, 1),
        ]
        for button, r, c, rs, cs in placement:
            button.setAutoDefault(False)
            row.addWidget(button, r, c, rs, cs)
        ticket_layout.addWidget(self.print_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.addWidget(self.form)
        splitter.addWidget(ticket_side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.status_text = QLabel(self)
        self.status_text.setObjectName("statusText")
        self.status_text.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.busy_bar)

        self.directory = DirectoryController(
            self.form,
            services.client,
            dialogs=self.dialogs,
            spawn=self.tasks.spawn,
            set_status=self._set_status,
            log_path=self._log_path,
            parent=self,
        )
        self.booking = BookingController(
            self.form,
            self.ticket_view,
            services,
            directory=self.directory,
            dialogs=self.dialogs,
            spawn=self.tasks.spawn,
            set_status=self._set_status,
            log_path=self._log_path,
            parent=self,
        )
        self.booking.desk_event.connect(self.desk_event.emit)
        self.booking.busy_changed.connect(self._show_busy)
        self.booking.printable_changed.connect(self._set_print_enabled)
        self.slips = SlipActions(
            self,
            dialogs=self.dialogs,
            journal=services.journal,
            training=self.training,
            current=lambda: (self.booking.last_attempt_id, self.ticket_view.ticket),
            layout=lambda: self._setting("slip_layout", "auto"),
            printer_name=lambda: self._setting("printer_name", None),
            operator_login=lambda: self._setting("operator_login", None),
            chosen=self.booking.chosen_for,
            zone=lambda: clinic_zone(self._setting("server_utc_offset_minutes", None)),
            reminder=lambda: self._setting("slip_reminder", None),
            spawn=lambda coro: self.tasks.spawn(coro, name="print-slip"),
        )
        self.mode_switch = ModeSwitch(
            training=self.training,
            dialogs=self.dialogs,
            server_url=lambda: self._setting("server_url", None),
            busy=lambda: self.booking.busy,
            parent=self,
        )
        self.mode_switch.switch_requested.connect(self.switch_mode_requested.emit)
        self._build_actions()
        self._connect()
        self._set_print_enabled(False)
        self.directory.manual_needed.connect(lambda: self.manual_action.setChecked(True))
        self._shortcut_keys = _ShortcutKeys(self)

        self.booking.start()
        if self.training:
            self.setStyleSheet("QMainWindow { background: #fff8e1; }")

    @property
    def clinic(self) -> Clinic | None:
        return self.directory.clinic

    @property
    def resource(self) -> Resource | None:
        return self.directory.resource

    @property
    def booking_busy(self) -> bool:
        return self.booking.busy

    @property
    def last_attempt_id(self) -> int | None:
        """The journal entry of the ticket on show (what a print counts against)."""
        return self.booking.last_attempt_id

    @last_attempt_id.setter
    def last_attempt_id(self, value: int | None) -> None:
        self.booking.last_attempt_id = value

    # -- construction --------------------------------------------------------------------------

    def _title(self) -> str:
        mode = self.tr("УЧЕБНЫЙ РЕЖИМ") if self.training else self.tr("рабочий режим")
        return self.tr("Запись вне расписания — {0}").format(mode)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Запис&ь"))
        self.book_action = QAction(self.tr("&Записать"), self)
        self.book_action.triggered.connect(self.request_booking)
        self.new_action = QAction(self.tr("&Новая запись (F2)"), self)
        self.new_action.triggered.connect(self.new_booking)
        self.reload_action = QAction(self.tr("&Обновить справочник"), self)
        self.reload_action.triggered.connect(lambda: self.directory.load())
        self.manual_action = QAction(self.tr("Ввод &GUID вручную"), self)
        self.manual_action.setCheckable(True)
        self.manual_action.toggled.connect(self.booking.set_manual_mode)
        self.journal_action = QAction(self.tr("&Журнал смены…"), self)
        self.journal_action.setShortcut(QKeySequence("Ctrl+J"))
        self.journal_action.triggered.connect(self.open_journal)
        self.settings_action = QAction(self.tr("&Настройки…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        quit_action = QAction(self.tr("В&ыход"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.book_action, self.new_action, self.reload_action, self.manual_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.journal_action)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        # Real desktops deliver these through the shortcut map; the key filter covers the rest.
        for seq, slot in (
            ("Ctrl+Return", self.request_booking),
            ("Ctrl+Enter", self.request_booking),
            ("F2", self.new_booking),
            ("Ctrl+P", self.slips.print_now),
            ("Ctrl+Shift+P", self.slips.print_dialog),
        ):
            QShortcut(QKeySequence(seq), self).activated.connect(slot)

        mode_menu = self.menuBar().addMenu(self.tr("Ре&жим"))
        self.switch_mode_action = QAction(
            self.tr("Перейти в &рабочий режим…")
            if self.training
            else self.tr("Перейти в &учебный режим…"),
            self,
        )
        self.switch_mode_action.setObjectName("switchModeAction")
        self.switch_mode_action.triggered.connect(
            lambda: self.tasks.spawn(self.mode_switch.confirm(), name="switch-mode")
        )
        mode_menu.addAction(self.switch_mode_action)

        print_menu = self.menuBar().addMenu(self.tr("Т&алон"))
        self.print_action = QAction(self.tr("&Печать на принтер по умолчанию\tCtrl+P"), self)
        self.print_action.triggered.connect(self.slips.print_now)
        self.print_dialog_action = QAction(
            self.tr("Печать с &выбором принтера…\tCtrl+Shift+P"), self
        )
        self.print_dialog_action.triggered.connect(self.slips.print_dialog)
        self.preview_action = QAction(self.tr("Пред&варительный просмотр"), self)
        self.preview_action.triggered.connect(self.slips.preview)
        self.pdf_action = QAction(self.tr("Сохранить в P&DF…"), self)
        self.pdf_action.triggered.connect(self.slips.save_pdf)
        for action in (
            self.print_action,
            self.print_dialog_action,
            self.preview_action,
            self.pdf_action,
        ):
            print_menu.addAction(action)

    def _connect(self) -> None:
        f = self.form
        f.date_edit.installEventFilter(self)
        f.time_edit.installEventFilter(self)
        f.patient_picker.installEventFilter(self)
        f.token_edit.returnPressed.connect(f.book_button.setFocus)
        self.print_button.clicked.connect(self.slips.print_now)
        self.print_dialog_button.clicked.connect(self.slips.print_dialog)
        self.preview_button.clicked.connect(self.slips.preview)
        self.pdf_button.clicked.connect(self.slips.save_pdf)
        self.new_button.clicked.connect(self.new_booking)
        self.slips.issued.connect(self._slip_issued)
        self.slips.failed.connect(self._set_status)
        self.slips.busy_changed.connect(self._printing_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter moves on from date/time/patient; Ctrl+Enter is left to the shortcut filter."""
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            mods = event.modifiers()  # type: ignore[attr-defined]
            plain_enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                mods & Qt.KeyboardModifier.ControlModifier
            )
            if plain_enter and watched is self.form.date_edit:
                (
                    self.form.time_edit
                    if self.form.time_check.isChecked()
                    else self._patient_widget()
                ).setFocus()
                return True
            if plain_enter and watched is self.form.time_edit:
                self._patient_widget().setFocus()
                return True
            if (
                plain_enter
                and watched is self.form.patient_picker
                and (not self.form.patient_picker.view().isVisible())
            ):
                self.form.book_button.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _patient_widget(self) -> QWidget:
        return self.form.patient_picker if self.training else self.form.token_edit

    def _setting(self, name: str, default: Any) -> Any:
        return getattr(self.services.settings.current, name, default)

    # -- what the controllers show -------------------------------------------------------------

    def _set_print_enabled(self, enabled: bool) -> None:
        for widget in (
            self.print_button,
            self.print_dialog_button,
            self.preview_button,
            self.pdf_button,
            self.print_action,
            self.print_dialog_action,
            self.preview_action,
            self.pdf_action,
        ):
            widget.setEnabled(enabled)

    def _printing_changed(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy and self.ticket_view.ticket is not None)
        self.print_action.setEnabled(not busy and self.ticket_view.ticket is not None)
        if busy:
            self._set_status(self.tr("Печать талона…"))

    def _slip_issued(self, copy: IssuedCopy) -> None:
        """A copy came out: say which ticket and copy, and tell training (that ticket's id)."""
        self._set_status(copy.status_text)
        self.desk_event.emit(
            DeskEvent(
                kind=DeskEventKind.PRINTED,
                ticket_num=copy.ticket_num,
                ticket_guid=copy.ticket_guid,
            )
        )

    def _show_busy(self, busy: bool) -> None:
        self.form.book_button.setEnabled(not busy)
        self.book_action.setEnabled(not busy)
        self.busy_bar.setVisible(busy)

    def _set_status(self, text: str) -> None:
        self.status_text.setText(text)

    def _log_path(self) -> str | None:
        return str(self.services.log_path) if self.services.log_path else None

    def _task_failed(self, exc: BaseException) -> None:
        self.booking.task_failed(exc)

    # -- what the menus, buttons and keys do ----------------------------------------------------

    def start(self) -> None:
        """Called once the event loop runs: load the directory, focus the clinic search."""
        self.form.clinic_picker.edit.setFocus()
        self.directory.load()

    def request_booking(self) -> None:
        """Book (Ctrl+Enter / button). A second press while one is in flight does nothing."""
        self.booking.request_booking()

    def new_booking(self) -> None:
        """F2: clear the ticket and the doctor, keep the clinic, start from the doctor."""
        self.booking.new_booking()

    def open_journal(self) -> Any:
        from desktop_app.ui.journal.view import JournalView

        view = JournalView(self.services.journal, self, on_reprint=self._reprint_entry)
        view.setObjectName("journalView")
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.resize(1000, 560)
        view.open()
        return view

    def _reprint_entry(self, entry: Any) -> None:
        if entry.ticket is not None:
            self.slips.reprint(entry.id, entry.ticket, from_journal=True)

    def open_settings(self) -> Any:
        from desktop_app.ui.settings.controller import SettingsFlow

        flow = SettingsFlow(
            self.services,
            dialogs=self.dialogs,
            set_status=self._set_status,
            parent=self,
        )
        flow.token_forgotten.connect(self.booking.token_forgotten)
        flow.restart_requested.connect(self.restart_requested.emit)
        return flow.open()

    def bring_forward(self) -> None:
        """A second start of the app asked this window to come to the front."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- events --------------------------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        app = self._app()
        if app is not None:
            app.installEventFilter(self._shortcut_keys)

    def closeEvent(self, event: QCloseEvent) -> None:
        app = self._app()
        if app is not None:
            app.removeEventFilter(self._shortcut_keys)
        self.directory.stop()
        super().closeEvent(event)
        self.closed.emit()

    @staticmethod
    def _app() -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.instance()


__all__ = ["MainWindow", "WindowServices"]
