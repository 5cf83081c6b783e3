"""The operator's main window: the booking form on the left, the ticket on the right.

A view: it lays out the form, the ticket, the print buttons, the menus and the keys, and connects
them to the controllers that hold the behaviour: ``BookingController`` (the booking and the
form's own logic), ``DirectoryController`` (the pickers), ``SlipActions`` (printing),
``ModeSwitch`` and ``SettingsFlow``. Outcomes are decided in the core (``BookingService``); the
window only renders them. The thin methods and properties kept here (``request_booking``,
``booking_busy``, ``last_attempt_id`` …) are what the app, the training panel and tests use.

The layout reflows rather than clips (issue 11 §3): the form and the ticket scroll inside their
halves, the print buttons wrap, the splitter is sized once, and the window's first size comes
from the screen (``ui/platform/geometry.py``). Mnemonics work in either keyboard layout
(``LayoutMnemonics``), and F1 lists the keys (``desk/help.py``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QFrame,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.desk.booking_form import BookingForm, FlowLayout
from desktop_app.ui.desk.ticket_view import TicketView
from desktop_app.ui.platform.dialogs import Dialogs

if TYPE_CHECKING:
    # The view is built and painted before these are imported (pydantic, httpx, asyncio: the
    # app paints the window first, bench/bench_startup.py); ``attach`` imports them.
    from desktop_app.api import Clinic, Resource
    from desktop_app.services import Services
    from desktop_app.ui.desk.booking_controller import BookingController
    from desktop_app.ui.desk.directory import DirectoryController
    from desktop_app.ui.desk.mode_switch import ModeSwitch
    from desktop_app.ui.platform.async_tools import TaskKeeper
    from desktop_app.ui.printing.slip_actions import IssuedCopy, SlipActions

#: The smallest window: it fits 1366×768 at 150 % (about 910×480 logical pixels available).
MINIMUM_SIZE = QSize(720, 420)

# -- mnemonics in either keyboard layout -------------------------------------------------------

#: The same physical keys in the QWERTY and ЙЦУКЕН layouts, in the same order.
LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
CYRILLIC_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюё"
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
_PUNCTUATION = {
    Qt.Key.Key_BracketLeft: "[",
    Qt.Key.Key_BracketRight: "]",
    Qt.Key.Key_Semicolon: ";",
    Qt.Key.Key_Apostrophe: "'",
    Qt.Key.Key_Comma: ",",
    Qt.Key.Key_Period: ".",
    Qt.Key.Key_QuoteLeft: "`",
}
#: Windows virtual-key codes of the punctuation keys above (VK_OEM_*).
_WINDOWS_OEM = {0xDB: "[", 0xDD: "]", 0xBA: ";", 0xDE: "'", 0xBC: ",", 0xBE: ".", 0xC0: "`"}


def mnemonic_letter(text: str | None) -> str | None:
    """The mnemonic letter of a label (``"&Дата:"`` → ``"д"``), case-folded; None if none."""
    match = _MNEMONIC.search(text or "")
    return match.group(1).casefold() if match else None


def other_layout(letter: str) -> str | None:
    """The letter on the same physical key in the other layout (``g`` ↔ ``п``)."""
    if letter in LATIN_KEYS:
        return CYRILLIC_KEYS[LATIN_KEYS.index(letter)]
    if letter in CYRILLIC_KEYS:
        return LATIN_KEYS[CYRILLIC_KEYS.index(letter)]
    return None


def physical_key(letter: str) -> str:
    """The key a letter is typed on, named by its QWERTY letter (``п`` → ``g``)."""
    return LATIN_KEYS[CYRILLIC_KEYS.index(letter)] if letter in CYRILLIC_KEYS else letter


def key_letter(event: QKeyEvent) -> str | None:
    """The letter of the pressed key in the layout it was typed in (lower case), if a letter.

    On Windows the physical key is read from the virtual-key code (the same for a key in the
    Latin and the Cyrillic layout); elsewhere from Qt's key, which names the active layout's
    letter — either way ``other_layout`` gives the letter in the other layout.
    """
    key = event.key()
    if 0x410 <= key <= 0x42F or key == 0x401:  # А…Я, Ё: Qt keys are the upper-case letters
        return chr(key).lower()
    if sys.platform == "win32":
        vk = event.nativeVirtualKey()
        if 0x41 <= vk <= 0x5A:
            return chr(vk).lower()
        if vk in _WINDOWS_OEM:
            return _WINDOWS_OEM[vk]
    if Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return chr(key).lower()
    return _PUNCTUATION.get(Qt.Key(key)) if key in _PUNCTUATION else None


def _press(button: QAbstractButton) -> None:
    button.setFocus(Qt.FocusReason.ShortcutFocusReason)
    button.click()


def mnemonic_targets(window: QWidget, letter: str) -> list[Callable[[], None]]:
    """What Alt+``letter`` would activate in ``window`` (a main window or a dialog): menu
    titles, buttons, labels' buddies and group boxes whose mnemonic is ``letter`` (visible and
    enabled ones only)."""
    found: list[Callable[[], None]] = []
    if isinstance(window, QMainWindow):
        bar = window.menuBar()
        for action in bar.actions():
            if (
                action.isVisible()
                and action.isEnabled()
                and mnemonic_letter(action.text()) == letter
            ):
                found.append(lambda a=action, b=bar: b.setActiveAction(a))
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QLabel):
            buddy = widget.buddy()
            if (
                buddy is not None
                and buddy.isVisible()
                and buddy.isEnabled()
                and mnemonic_letter(widget.text()) == letter
            ):
                found.append(lambda b=buddy: b.setFocus(Qt.FocusReason.ShortcutFocusReason))
        elif isinstance(widget, QAbstractButton):
            if mnemonic_letter(widget.text()) == letter:
                found.append(lambda b=widget: _press(b))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabEnabled(index) and mnemonic_letter(widget.tabText(index)) == letter:
                    found.append(lambda t=widget, i=index: t.setCurrentIndex(i))
        elif isinstance(widget, QGroupBox) and mnemonic_letter(widget.title()) == letter:
            found.append(lambda g=widget: g.setFocus(Qt.FocusReason.ShortcutFocusReason))
    return found


def _menu_letters(widget: QMenu | QMenuBar) -> set[str]:
    return {
        letter
        for action in widget.actions()
        if action.isVisible() and (letter := mnemonic_letter(action.text())) is not None
    }


class LayoutMnemonics(QObject):
    """Alt+letter (and a letter in an open menu) in either keyboard layout.

    Qt matches a mnemonic by the letter typed, so with the English layout on, Alt+G is not
    Alt+П. When a key press reaches this filter (no shortcut took it), the letter on the same
    physical key in the other layout is tried — only if the typed letter itself names nothing.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if isinstance(watched, QMenu | QMenuBar):
            return self._in_menu(watched, event, mods)
        if mods != Qt.KeyboardModifier.AltModifier or not isinstance(watched, QWidget):
            return False
        top = watched.window()
        if not self._ours(top):
            return False
        letter = key_letter(event)
        if letter is None:
            return False
        for candidate in (letter, other_layout(letter)):
            if candidate is None:
                continue
            targets = mnemonic_targets(top, candidate)
            if targets:
                targets[0]()
                return True
        return False

    def _ours(self, top: QWidget) -> bool:
        """This window, or a dialog of it (the settings, the journal …)."""
        parent = top.parentWidget()
        return top is self.window or (parent is not None and parent.window() is self.window)

    def _in_menu(self, menu: QMenu | QMenuBar, event: QKeyEvent, mods: Qt.KeyboardModifier) -> bool:
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.AltModifier):
            return False
        owner = menu.parentWidget() if isinstance(menu, QMenu) else menu
        if owner is None or not self._ours(owner.window()):
            return False
        letter = key_letter(event)
        letters = _menu_letters(menu)
        if letter is None or letter in letters:
            return False
        other = other_layout(letter)
        if other is None or other not in letters:
            return False
        # The same key press, carrying the other layout's letter: the menu matches it itself.
        again = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key(ord(other.upper())), event.modifiers(), other
        )
        QApplication.sendEvent(menu, again)
        return True


class _ShortcutKeys(QObject):
    """Ctrl+Enter and F2 from any field of the window, even inside pickers and popups."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window or not self.window.attached:
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
        if key == Qt.Key.Key_F1 and not mods:
            self.window.show_shortcuts()
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

    services: Services
    tasks: TaskKeeper
    directory: DirectoryController
    booking: BookingController
    slips: SlipActions
    mode_switch: ModeSwitch

    def __init__(
        self,
        services: Services | None = None,
        dialogs: Any = None,
        *,
        training: bool = True,
        server_url: str | None = None,
    ) -> None:
        """The window over one session's ``services``.

        Without ``services`` only the view is built — the form, the ticket, the menus, the status
        bar, in ``training`` mode or in work mode on ``server_url`` — so the app can paint it
        before the libraries behind the services are imported; ``attach`` then adds them (and the
        behaviour). The menus and buttons do nothing until then.
        """
        super().__init__()
        self.training = services.training if services is not None else training
        self._server_url = server_url
        self._attached = False
        self.dialogs = dialogs if dialogs is not None else Dialogs(self)
        self._painted = False

        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self.setMinimumSize(MINIMUM_SIZE)
        self._sized = False

        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.training_banner = QLabel(self.tr("УЧЕБНЫЙ РЕЖИМ — записи не настоящие"), central)
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setWordWrap(True)
        self.training_banner.setStyleSheet(
            "background: #ffd54f; color: #3e2700; font-weight: bold; padding: 4px;"
            "border: 2px solid #8d6e00;"
        )
        self.training_banner.setVisible(self.training)
        outer.addWidget(self.training_banner)

        self.form = BookingForm(training=self.training, parent=central)
        self.ticket_view = TicketView(central)
        ticket_side = QWidget(central)
        ticket_side.setObjectName("ticketSide")
        ticket_layout = QVBoxLayout(ticket_side)
        ticket_layout.setContentsMargins(0, 0, 0, 0)
        # The card scrolls inside a size that never changes with its content: the splitter does
        # not jump when a ticket appears, and a large font scale scrolls instead of clipping.
        self.ticket_scroll = QScrollArea(ticket_side)
        self.ticket_scroll.setObjectName("ticketScroll")
        self.ticket_scroll.setWidgetResizable(True)
        self.ticket_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.ticket_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.ticket_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.ticket_scroll.setMinimumWidth(220)
        self.ticket_scroll.viewport().setAutoFillBackground(False)
        self.ticket_scroll.setWidget(self.ticket_view)
        ticket_layout.addWidget(self.ticket_scroll, 1)
        self.print_row = QWidget(ticket_side)
        self.print_row.setObjectName("printRow")
        row = FlowLayout(self.print_row)
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
        # "&Ф" (the A key): the F key is "Т&алон"'s in the Cyrillic layout.
        self.pdf_button = QPushButton(self.tr("PDF-&файл…"), self.print_row)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.setAccessibleName(self.tr("Сохранить талон в PDF"))
        self.new_button = QPushButton(self.tr("&Новая запись (F2)"), self.print_row)
        self.new_button.setObjectName("newBookingButton")
        self.new_button.setAccessibleName(self.tr("Новая запись"))
        # No mnemonic: every letter of it is taken; the Талон menu has "&Отменить запись…".
        self.cancel_button = QPushButton(self.tr("Отменить запись…"), self.print_row)
        self.cancel_button.setObjectName("cancelBookingButton")
        self.cancel_button.setAccessibleName(self.tr("Отменить запись на приём"))
        self.cancel_button.setEnabled(False)
        # They wrap to as many rows as the width needs, so none is ever cut.
        for button in (
            self.print_button,
            self.print_dialog_button,
            self.preview_button,
            self.pdf_button,
            self.new_button,
            self.cancel_button,
        ):
            button.setAutoDefault(False)
            row.addWidget(button)
        ticket_layout.addWidget(self.print_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("deskSplitter")
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(ticket_side)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.status_text = QLabel(self)
        self.status_text.setObjectName("statusText")
        self.status_text.setTextFormat(Qt.TextFormat.PlainText)
        self.status_text.setMinimumWidth(80)
        self.status_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The mode and the server, always in sight (the title bar may be hidden or cut).
        self.mode_status = QLabel(self._mode_text(), self)
        self.mode_status.setObjectName("modeStatus")
        self.mode_status.setTextFormat(Qt.TextFormat.PlainText)
        self.mode_status.setAccessibleName(self.tr("Режим работы"))
        self.mode_status.setStyleSheet(
            "font-weight: bold; color: #7a3e00;" if self.training else "font-weight: bold;"
        )
        self.mode_status.setToolTip(self._server_text() or self.mode_status.text())
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.mode_status)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self._build_actions()
        self._set_print_enabled(False)
        self._shortcut_keys = _ShortcutKeys(self)
        self._layout_mnemonics = LayoutMnemonics(self)
        if self.training:
            self.setStyleSheet("QMainWindow { background: #fff8e1; }")
        if services is not None:
            self.attach(services)
        else:  # what the first thing after ``attach`` will do: nothing moves when it does
            self.form.clinic_picker.set_loading(True)

    @property
    def painted(self) -> bool:
        """The window has been painted once (``first_painted`` was emitted)."""
        return self._painted

    @property
    def attached(self) -> bool:
        """The services (and with them the behaviour) are in."""
        return self._attached

    def attach(self, services: Services) -> None:
        """Add the session's services to a window built without them: the controllers, what
        the menus, buttons and keys do, and the status bar's server. Once per window."""
        if self._attached:
            raise RuntimeError("the window already has its services")
        if services.training != self.training:
            raise ValueError("the window was built for the other mode")
        from desktop_app.ui.desk.booking_controller import BookingController
        from desktop_app.ui.desk.directory import DirectoryController
        from desktop_app.ui.desk.mode_switch import ModeSwitch
        from desktop_app.ui.platform.async_tools import TaskKeeper
        from desktop_app.ui.printing.slip_actions import SlipActions

        self.services = services
        self._attached = True
        self.tasks = TaskKeeper(on_error=self._task_failed)
        self.setWindowTitle(self._title())
        self.mode_status.setText(self._mode_text())
        self.mode_status.setToolTip(self._server_text() or self.mode_status.text())
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
        self.booking.cancellable_changed.connect(self._set_cancel_enabled)
        self.booking.show_entry_requested.connect(self._show_entry)
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
            zone=self._clinic_zone,
            reminder=lambda: self._setting("slip_reminder", None),
            patient_on_slip=lambda: self._setting("patient_on_slip", False),
            cancelled=lambda: bool(self.ticket_view.cancelled),
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
        self._connect_actions()
        self._connect()
        self.directory.manual_needed.connect(lambda: self.manual_action.setChecked(True))
        self.booking.start()

    def _clinic_zone(self) -> Any:
        from desktop_app.printing import clinic_zone

        return clinic_zone(self._setting("server_utc_offset_minutes", None))

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

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget, *args: Any) -> None:  # type: ignore[override]
        """Dock ``dock``, its content scrolling: a panel taller than a 150 % screen must not
        make the whole window taller than the screen (the training panel is)."""
        content = dock.widget()
        if content is not None and not isinstance(content, QScrollArea):
            scroll = QScrollArea(dock)
            scroll.setObjectName(f"{dock.objectName() or 'dock'}Scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.viewport().setAutoFillBackground(False)
            scroll.setWidget(content)
            dock.setWidget(scroll)
        super().addDockWidget(area, dock, *args)

    def _title(self) -> str:
        mode = self.tr("УЧЕБНЫЙ РЕЖИМ") if self.training else self.tr("рабочий режим")
        return self.tr("Запись вне расписания — {0}").format(mode)

    def _server_text(self) -> str:
        """Work mode: the server's host (and port), as the status bar shows it."""
        if self.training:
            return ""
        if not self._attached:
            url = self._server_url or ""
        else:
            url = self._setting("server_url", None) or ""
            try:
                url = self.services.client.base_url or url
            except Exception:  # a test double without a base URL: the setting will do
                pass
        try:
            parts = urlsplit(url)
            host = parts.hostname or ""
            if host and parts.port:
                host = f"{host}:{parts.port}"
        except ValueError:
            host = ""
        return host or url

    def _mode_text(self) -> str:
        if self.training:
            return self.tr("Учебный режим · встроенная песочница")
        server = self._server_text()
        if not server:
            return self.tr("Рабочий режим · сервер не указан")
        return self.tr("Рабочий режим · {0}").format(server)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Запис&ь"))
        menu.setObjectName("bookingMenu")
        self.book_action = QAction(self.tr("&Записать"), self)
        # Not "&Н": that is "&Настройки…" in this menu.
        self.new_action = QAction(self.tr("Нов&ая запись (F2)"), self)
        self.reload_action = QAction(self.tr("&Обновить справочник"), self)
        self.manual_action = QAction(self.tr("Ввод &GUID вручную"), self)
        self.manual_action.setCheckable(True)
        self.journal_action = QAction(self.tr("&Журнал смены…"), self)
        self.journal_action.setShortcut(QKeySequence("Ctrl+J"))
        self.day_list_action = QAction(self.tr("Список на &день…"), self)
        self.day_list_action.setObjectName("dayListAction")
        self.day_list_action.setShortcut(QKeySequence("Ctrl+D"))
        self.settings_action = QAction(self.tr("&Настройки…"), self)
        self.quit_action = quit_action = QAction(self.tr("В&ыход"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action in (self.book_action, self.new_action, self.reload_action, self.manual_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.journal_action)
        menu.addAction(self.day_list_action)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(quit_action)

        mode_menu = self.menuBar().addMenu(self.tr("Ре&жим"))
        mode_menu.setObjectName("modeMenu")
        self.switch_mode_action = QAction(
            self.tr("Перейти в &рабочий режим…")
            if self.training
            else self.tr("Перейти в &учебный режим…"),
            self,
        )
        self.switch_mode_action.setObjectName("switchModeAction")
        mode_menu.addAction(self.switch_mode_action)

        print_menu = self.menuBar().addMenu(self.tr("Т&алон"))
        print_menu.setObjectName("ticketMenu")
        self.print_action = QAction(self.tr("&Печать на принтер по умолчанию\tCtrl+P"), self)
        self.print_dialog_action = QAction(
            self.tr("Печать с &выбором принтера…\tCtrl+Shift+P"), self
        )
        self.preview_action = QAction(self.tr("Пре&дварительный просмотр"), self)
        self.pdf_action = QAction(self.tr("Сохранить в PD&F…"), self)
        for action in (
            self.print_action,
            self.print_dialog_action,
            self.preview_action,
            self.pdf_action,
        ):
            print_menu.addAction(action)
        print_menu.addSeparator()
        self.cancel_action = QAction(self.tr("&Отменить запись…"), self)
        self.cancel_action.setObjectName("cancelBookingAction")
        self.cancel_action.setEnabled(False)
        print_menu.addAction(self.cancel_action)

        help_menu = self.menuBar().addMenu(self.tr("Сп&равка"))
        help_menu.setObjectName("helpMenu")
        self.shortcuts_action = QAction(self.tr("&Горячие клавиши\tF1"), self)
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.about_action = QAction(self.tr("&О программе…"), self)
        self.about_action.setObjectName("aboutAction")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _connect_actions(self) -> None:
        """What the menus' actions and the window's shortcuts do (``attach``)."""
        self.book_action.triggered.connect(self.request_booking)
        self.new_action.triggered.connect(self.new_booking)
        self.reload_action.triggered.connect(lambda: self.directory.load())
        self.manual_action.toggled.connect(self.booking.set_manual_mode)
        self.journal_action.triggered.connect(self.open_journal)
        self.day_list_action.triggered.connect(self.open_day_list)
        self.settings_action.triggered.connect(self.open_settings)
        self.switch_mode_action.triggered.connect(
            lambda: self.tasks.spawn(self.mode_switch.confirm(), name="switch-mode")
        )
        self.print_action.triggered.connect(self.slips.print_now)
        self.print_dialog_action.triggered.connect(self.slips.print_dialog)
        self.preview_action.triggered.connect(self.slips.preview)
        self.pdf_action.triggered.connect(self.slips.save_pdf)
        self.cancel_action.triggered.connect(self.cancel_booking)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action.triggered.connect(self.show_about)
        self.quit_action.triggered.connect(self.close)
        # Real desktops deliver these through the shortcut map; the key filter covers the rest.
        for seq, slot in (
            ("Ctrl+Return", self.request_booking),
            ("Ctrl+Enter", self.request_booking),
            ("F2", self.new_booking),
            ("F1", self.show_shortcuts),
            ("Ctrl+P", self.slips.print_now),
            ("Ctrl+Shift+P", self.slips.print_dialog),
        ):
            QShortcut(QKeySequence(seq), self).activated.connect(slot)

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
        self.cancel_button.clicked.connect(self.cancel_booking)
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
                # The patient at the counter is chosen: now their documents, into the block.
                self.form.patient_block.first_field().setFocus()
                return True
        return super().eventFilter(watched, event)

    def _patient_widget(self) -> QWidget:
        if self.training:
            return self.form.patient_picker
        return self.form.patient_block.first_field()

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
        from desktop_app.booking.events import DeskEvent, DeskEventKind

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
        self.status_text.setToolTip(text)  # a narrow window cuts the line; the tip has it all

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

    def open_journal(self, search: str | None = None) -> Any:
        from desktop_app.ui.journal.view import JournalView

        view = JournalView(
            self.services.journal,
            self,
            on_reprint=self._reprint_entry,
            cancel_flow=self.booking.cancel_flow,
            token_for=self.booking.token_for_entry,
            training=self.training,
            today=self.services.today,
            dialogs=self.dialogs,
            printer_name=self._setting("printer_name", None),
        )
        view.setObjectName("journalView")
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.resize(1000, 560)
        if search:
            view.search.setText(search)
            view.refresh()
        view.open()
        return view

    def open_day_list(self) -> Any:
        """Ctrl+D: the day's bookings by appointment date, per doctor (print, PDF, CSV)."""
        from desktop_app.ui.journal.day_view import DayListView

        view = DayListView(
            self.services.journal,
            self,
            training=self.training,
            today=self.services.today,
            dialogs=self.dialogs,
            printer_name=self._setting("printer_name", None),
        )
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()
        return view

    def _show_entry(self, entry: Any) -> None:
        """ "Показать запись" from the duplicate warning: the journal, on that booking."""
        self.open_journal(search=entry.ticket_num or entry.patient_label or None)

    def cancel_booking(self) -> Any:
        """ "Отменить запись…" for the ticket on show."""
        return self.booking.cancel_shown()

    def _set_cancel_enabled(self, enabled: bool) -> None:
        self.cancel_button.setEnabled(enabled)
        self.cancel_action.setEnabled(enabled)

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
        flow.restart_requested.connect(self.restart_requested.emit)
        return flow.open()

    def show_shortcuts(self) -> Any:
        """F1: the list of keys (a window-modal dialog; Esc or "Закрыть" closes it)."""
        from desktop_app.ui.desk.help import ShortcutHelp

        existing = self.findChild(ShortcutHelp, "shortcutHelp")
        if existing is not None and existing.isVisible():
            existing.raise_()
            return existing
        dialog = ShortcutHelp(self)
        dialog.open()
        return dialog

    def show_about(self) -> Any:
        """Справка → О программе."""
        from desktop_app import __version__
        from desktop_app.ui.desk.help import AboutDialog

        if self.training:
            mode = self.tr("Сейчас: учебный режим, встроенная песочница — записи не настоящие.")
        else:
            mode = self.tr("Сейчас: рабочий режим, сервер {0}.").format(
                self._server_text() or self.tr("не указан")
            )
        dialog = AboutDialog(self, version=__version__, mode_line=mode)
        dialog.open()
        return dialog

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
        if not self._sized:
            self._sized = True
            from desktop_app.ui.platform.geometry import fit_to_screen

            fit_to_screen(self)  # a size given before the show never leaves the screen
            self._size_splitter()
        app = self._app()
        if app is not None:
            app.installEventFilter(self._shortcut_keys)
            app.installEventFilter(self._layout_mnemonics)

    def _size_splitter(self) -> None:
        """Share the width once, 5 : 4; from then on only the operator moves the splitter."""
        total = self.splitter.width() or self.width()
        form = max(self.form.minimumSizeHint().width(), total * 5 // 9)
        self.splitter.setSizes([form, max(1, total - form)])

    def closeEvent(self, event: QCloseEvent) -> None:
        app = self._app()
        if app is not None:
            app.removeEventFilter(self._shortcut_keys)
            app.removeEventFilter(self._layout_mnemonics)
        if self._attached:
            self.directory.stop()
        super().closeEvent(event)
        self.closed.emit()

    @staticmethod
    def _app() -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.instance()


__all__ = ["MainWindow"]
