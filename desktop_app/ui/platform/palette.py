"""Colours every text can be read in, and a focus frame that can be seen (issue 11 §8).

Qt's default palettes fall short of WCAG 2.x AA at a reception desk: placeholder text is black at
half opacity (4.0:1 on white) and selected rows are white on #308cc6 (3.7:1). ``apply_palette``
sets one light palette in which every text role has a contrast of at least
:data:`MIN_CONTRAST` (4.5:1) on the background it is drawn on — checked by
tests/ui/test_d_contrast.py from the palette itself — and installs a :class:`FocusRing`: a 2 px
frame around whichever control has the keyboard focus (the styles' own focus cue is a 1 px line
or a faint tint).

The same palette is used in both modes; training mode only tints the main window (see
:data:`TRAINING_WINDOW_BACKGROUND`) and shows its banner in :data:`TRAINING_BANNER_BACKGROUND` /
:data:`TRAINING_BANNER_TEXT`.

``ui/platform/app.py`` applies it at start-up, ``Session.open_window`` again (idempotent), so
windows built without ``app.py`` (the tests, the self-test) look the same.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QMenu,
    QMenuBar,
    QWidget,
)

__all__ = [
    "FOCUS_FRAME_COLOUR",
    "FOCUS_FRAME_WIDTH",
    "MIN_CONTRAST",
    "TEXT_ROLES",
    "TRAINING_BANNER_BACKGROUND",
    "TRAINING_BANNER_BORDER",
    "TRAINING_BANNER_TEXT",
    "TRAINING_WINDOW_BACKGROUND",
    "FocusRing",
    "apply_palette",
    "contrast_ratio",
    "desk_palette",
    "effective_colour",
    "focus_ring",
    "relative_luminance",
]

#: WCAG 2.x AA for normal text.
MIN_CONTRAST = 4.5

#: The focus frame: width in device-independent pixels and colour (8.1:1 on white, 6.8:1 on the
#: window grey, 7.6:1 on the training tint; WCAG asks 3:1 of a focus indicator).
FOCUS_FRAME_WIDTH = 2
FOCUS_FRAME_COLOUR = "#0b57d0"

#: Training mode: the banner "УЧЕБНЫЙ РЕЖИМ — записи не настоящие" and the window's tint.
TRAINING_BANNER_BACKGROUND = "#ffd54f"
TRAINING_BANNER_TEXT = "#3e2700"
TRAINING_BANNER_BORDER = "#8d6e00"
TRAINING_WINDOW_BACKGROUND = "#fff8e1"

_TEXT = "#1f1f1f"
_WINDOW = "#efefef"
_BASE = "#ffffff"
_SELECTION = "#0b57d0"

#: (role, colour) for the active and inactive groups. Text roles first, then their backgrounds.
_ROLES: tuple[tuple[QPalette.ColorRole, str], ...] = (
    (QPalette.ColorRole.Window, _WINDOW),
    (QPalette.ColorRole.WindowText, _TEXT),
    (QPalette.ColorRole.Base, _BASE),
    (QPalette.ColorRole.AlternateBase, "#f5f5f5"),
    (QPalette.ColorRole.Text, _TEXT),
    (QPalette.ColorRole.PlaceholderText, "#616161"),  # 6.2:1 on white, 5.3:1 on #efefef
    (QPalette.ColorRole.Button, _WINDOW),
    (QPalette.ColorRole.ButtonText, _TEXT),
    (QPalette.ColorRole.BrightText, "#ffffff"),
    (QPalette.ColorRole.Highlight, _SELECTION),  # selected rows: white on it is 8.1:1
    (QPalette.ColorRole.HighlightedText, "#ffffff"),
    (QPalette.ColorRole.ToolTipBase, "#ffffdc"),
    (QPalette.ColorRole.ToolTipText, "#000000"),
    (QPalette.ColorRole.Link, "#0b57d0"),
    (QPalette.ColorRole.LinkVisited, "#6a1b9a"),
    (QPalette.ColorRole.Accent, _SELECTION),
)

#: Disabled controls: WCAG exempts them; still kept readable (4.9:1 on white, 4.2:1 on grey).
_DISABLED: tuple[tuple[QPalette.ColorRole, str], ...] = (
    (QPalette.ColorRole.WindowText, "#707070"),
    (QPalette.ColorRole.Text, "#707070"),
    (QPalette.ColorRole.ButtonText, "#707070"),
    (QPalette.ColorRole.PlaceholderText, "#8a8a8a"),
    (QPalette.ColorRole.Highlight, "#8a8a8a"),
    (QPalette.ColorRole.HighlightedText, "#ffffff"),
)

#: (text role, background role) pairs that must reach MIN_CONTRAST in the active and inactive
#: groups: what the tests check and the palette above is made for.
TEXT_ROLES: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
)


# -- contrast (WCAG 2.x) -------------------------------------------------------------------------


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor | str) -> float:
    """WCAG relative luminance of an opaque colour (its alpha is ignored)."""
    c = QColor(colour)
    return (
        0.2126 * _channel(c.redF()) + 0.7152 * _channel(c.greenF()) + 0.0722 * _channel(c.blueF())
    )


def effective_colour(colour: QColor | str, background: QColor | str) -> QColor:
    """What a (possibly translucent) colour looks like drawn over an opaque ``background``."""
    fg, bg = QColor(colour), QColor(background)
    alpha = fg.alphaF()
    return QColor.fromRgbF(
        fg.redF() * alpha + bg.redF() * (1 - alpha),
        fg.greenF() * alpha + bg.greenF() * (1 - alpha),
        fg.blueF() * alpha + bg.blueF() * (1 - alpha),
    )


def contrast_ratio(foreground: QColor | str, background: QColor | str) -> float:
    """WCAG contrast ratio (1 … 21) of ``foreground`` drawn on an opaque ``background``."""
    fg = relative_luminance(effective_colour(foreground, background))
    bg = relative_luminance(background)
    light, dark = max(fg, bg), min(fg, bg)
    return (light + 0.05) / (dark + 0.05)


# -- the palette ---------------------------------------------------------------------------------


def desk_palette(base: QPalette | None = None) -> QPalette:
    """``base`` (default: the style's standard palette) with the desk's text colours."""
    palette = (
        QPalette(base) if base is not None else QPalette(QApplication.style().standardPalette())
    )
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in _ROLES:
            palette.setColor(group, role, QColor(colour))
    for role, colour in _DISABLED:
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


_APPLIED = "_desk_palette_applied"


def apply_palette(app: QApplication) -> None:
    """Give ``app`` the desk palette (light, also under a dark OS theme) and the focus ring.

    Idempotent: a second call changes nothing (``Session.open_window`` calls it for the
    windows the tests build without ``app.py``).
    """
    if getattr(app, _APPLIED, False):
        return
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: a dark Windows theme stays out of the desk
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(desk_palette())
    keeper = _RingKeeper(app)
    app.focusChanged.connect(keeper.follow)
    setattr(app, _KEEPER, keeper)
    setattr(app, _APPLIED, True)
    keeper.follow(None, app.focusWidget())


_KEEPER = "_desk_focus_ring_keeper"


def focus_ring(app: QApplication | None = None) -> FocusRing | None:
    """The focus ring ``apply_palette`` installed, once some control has had the focus."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    keeper = getattr(app, _KEEPER, None)
    return keeper.ring if keeper is not None else None


class _RingKeeper(QObject):
    """Moves the one :class:`FocusRing` to the focused control; makes a new ring when the old
    one went with the window it was in (a ring is a child of its control's parent)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None

    @property
    def ring(self) -> FocusRing | None:
        ring = self._ring
        return ring if ring is not None and shiboken6.isValid(ring) else None

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new if _wants_ring(new) else None
        ring = self.ring
        if ring is None:
            if target is None:
                return
            ring = self._ring = FocusRing()
        ring.setWidget(target)


# -- the focus frame -----------------------------------------------------------------------------


class FocusRing(QWidget):
    """A 2 px frame drawn just outside the control with the keyboard focus.

    A child of the control's window, raised above everything in it and moved with the control
    (it watches the control and each of its parents for moves, resizes and scrolling), so a
    control flush with its parent's edge still gets its whole frame — Qt's ``QFocusFrame``
    lives in the control's parent and is cut off there. Inside a scroll area the frame is
    clipped to the visible part of the area. It is masked to the frame itself and lets the
    mouse through: the control under it is never covered. One ring per application, moved to
    the focused control by the keeper ``apply_palette`` connects to
    ``QApplication.focusChanged``.
    """

    _WATCHED = (
        QEvent.Type.Move,
        QEvent.Type.Resize,
        QEvent.Type.Show,
        QEvent.Type.Hide,
        QEvent.Type.ParentChange,
        QEvent.Type.ZOrderChange,
    )

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deskFocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.colour = QColor(FOCUS_FRAME_COLOUR)
        self.width_px = FOCUS_FRAME_WIDTH
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()

    def widget(self) -> QWidget | None:
        """The control being framed (None: the ring is hidden)."""
        target = self._target
        return target if target is not None and shiboken6.isValid(target) else None

    def setWidget(self, widget: QWidget | None) -> None:
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []
        self._target = widget
        if widget is None:
            self.hide()
            return
        window = widget.window()
        if self.parentWidget() is not window:
            self.setParent(window)
        node: QWidget | None = widget
        while node is not None and node is not window:
            node.installEventFilter(self)
            self._watched.append(node)
            node = node.parentWidget()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._WATCHED:
            self._place()
        return False

    def _place(self) -> None:
        target = self.widget()
        window = self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        top_left = target.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, target.size()).adjusted(
            -self.width_px, -self.width_px, self.width_px, self.width_px
        )
        self.setGeometry(rect)
        # What of the frame is on screen: inside a scroll area, its visible part only.
        visible = QRegion(QRect(QPoint(0, 0), window.size()))
        node = target.parentWidget()
        while node is not None and node is not window:
            if isinstance(node.parentWidget(), QAbstractScrollArea) and (
                node is node.parentWidget().viewport()  # type: ignore[union-attr]
            ):
                port = QRect(node.mapTo(window, QPoint(0, 0)), node.size())
                visible = visible.intersected(QRegion(port))
            node = node.parentWidget()
        outer = QRect(0, 0, rect.width(), rect.height())
        inner = outer.adjusted(self.width_px, self.width_px, -self.width_px, -self.width_px)
        frame = QRegion(outer).subtracted(QRegion(inner))
        frame = frame.intersected(visible.translated(-rect.topLeft()))
        if frame.isEmpty():
            self.hide()
            return
        self.setMask(frame)
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QEvent) -> None:  # type: ignore[override]
        if self.widget() is None:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)  # the mask leaves only the frame
        painter.end()


def _wants_ring(widget: QObject | None) -> bool:
    if not isinstance(widget, QWidget) or widget.isWindow():
        return False
    if isinstance(widget, QMenu | QMenuBar | FocusRing):
        return False
    if widget.window().windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup:
        return False  # completer lists, combo pop-ups: they are their own highlight
    parent = widget.parentWidget()
    # An editor opened inside a table or list: the view's own current-cell frame is the cue.
    return not (parent is not None and isinstance(parent.parentWidget(), QAbstractItemView))
