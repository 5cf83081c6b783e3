"""A type-ahead picker: a search field over a ranked list, driven from the keyboard.

The ranking lives in :mod:`desktop_app.search` (Qt-free): the index is built once when the items
are set, so a keystroke stays within a few milliseconds with 100 000 resources
(``bench/bench_picker.py``). A query that finds nothing is tried in the other keyboard layout,
and the list says so ("показано для «гп»").

Keys: typing filters, ``Enter`` takes the highlighted (best) row, ``↓`` moves into the list
(where ``↑`` on the first row comes back, typing goes on in the field, ``Enter`` takes the row).
While the items load the list says "загрузка…"; an ``Enter`` typed meanwhile is kept and
honoured when they arrive, on the text typed then.

Rows lead with what tells items apart (:attr:`PickerItem.text`); the rest
(:attr:`PickerItem.detail`) follows in a lighter colour. The list shows at least
:data:`MIN_VISIBLE_ROWS` rows, a height derived from its font.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.search import SearchField, SearchIndex, collector_paused, text_field

#: At most this many matches are listed: nobody scrolls through thousands of rows at a desk,
#: and a bounded list keeps every keystroke fast with 100 000 resources.
MAX_SHOWN = 300
#: The list is never shorter than this many rows (the half row shows there is more below).
MIN_VISIBLE_ROWS = 6.5
#: Space above and below a row's text, in pixels.
ROW_PADDING = 3
#: The role of the lighter second part of a row.
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
#: Between a row's leading text and its detail.
DETAIL_SEPARATOR = "  ·  "
#: The lighter detail colour is never below this contrast against the list's background.
MIN_CONTRAST = 4.5


@dataclass(slots=True, eq=False)
class PickerItem:
    """One row: ``text`` leads (and is what the field shows once chosen), ``detail`` follows.

    ``fields`` are what the search looks at, most important first (:mod:`desktop_app.search`);
    ``sort_key`` orders equally good matches (default: ``text``).
    """

    key: str
    text: str
    fields: tuple[SearchField, ...]
    payload: Any = None
    tooltip: str | None = None
    detail: str | None = None
    sort_key: str | None = None

    @property
    def accessible_text(self) -> str:
        return f"{self.text}, {self.detail}" if self.detail else self.text


def make_item(
    key: str,
    text: str,
    *search_parts: str | None,
    payload: Any = None,
    tooltip: str | None = None,
    detail: str | None = None,
) -> PickerItem:
    """An item searched by its ``text`` and then ``search_parts``, in that order of weight."""
    fields = tuple(text_field(part) for part in (text, *search_parts))
    return PickerItem(key, text, fields, payload=payload, tooltip=tooltip, detail=detail)


class MatchModel(QAbstractListModel):
    """Shows ``items[i]`` for each index in the current match list."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[PickerItem] = []
        self._matches: list[int] = []

    def set_items(self, items: list[PickerItem]) -> None:
        self.beginResetModel()
        self._items = items
        self._matches = list(range(min(len(items), MAX_SHOWN)))
        self.endResetModel()

    def set_matches(self, matches: list[int]) -> None:
        self.beginResetModel()
        self._matches = matches
        self.endResetModel()

    @property
    def matches(self) -> list[int]:
        return self._matches

    @property
    def items(self) -> list[PickerItem]:
        return self._items

    def item(self, row: int) -> PickerItem | None:
        if 0 <= row < len(self._matches):
            return self._items[self._matches[row]]
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        item = self.item(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == DETAIL_ROLE:
            return item.detail
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.accessible_text
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip or item.accessible_text
        return None


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 … 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def detail_color(text: QColor, base: QColor) -> QColor:
    """A lighter shade of ``text`` on ``base`` that still reads at :data:`MIN_CONTRAST`."""
    for share in (0.62, 0.7, 0.78, 0.86, 0.94):
        mixed = QColor.fromRgbF(
            base.redF() + (text.redF() - base.redF()) * share,
            base.greenF() + (text.greenF() - base.greenF()) * share,
            base.blueF() + (text.blueF() - base.blueF()) * share,
        )
        if contrast(mixed, base) >= MIN_CONTRAST:
            return mixed
    return QColor(text)


class RowDelegate(QStyledItemDelegate):
    """Paints a row as its leading text, then its detail in a lighter colour; one line each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detail_colors: dict[tuple[int, int], QColor] = {}

    def _detail_color(self, text: QColor, base: QColor) -> QColor:
        key = (text.rgba(), base.rgba())
        color = self._detail_colors.get(key)
        if color is None:
            color = self._detail_colors[key] = detail_color(text, base)
        return color

    def row_height(self, font_metrics: QFontMetrics) -> int:
        return font_metrics.height() + 2 * ROW_PADDING

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), self.row_height(option.fontMetrics))  # type: ignore[attr-defined]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        head: str = opt.text  # type: ignore[attr-defined]
        detail = index.data(DETAIL_ROLE)
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(2, 0, -2, 0)
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active  # type: ignore[attr-defined]
            else QPalette.ColorGroup.Inactive
        )
        if selected:
            head_color = palette.color(group, QPalette.ColorRole.HighlightedText)
            tail_color = head_color
        else:
            head_color = palette.color(group, QPalette.ColorRole.Text)
            tail_color = self._detail_color(
                head_color, palette.color(group, QPalette.ColorRole.Base)
            )
        metrics: QFontMetrics = opt.fontMetrics  # type: ignore[attr-defined]
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.save()
        painter.setPen(head_color)
        shown = metrics.elidedText(head, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, align, shown)
        used = metrics.horizontalAdvance(shown)
        room = rect.width() - used
        if detail and shown == head and room > metrics.averageCharWidth() * 6:
            tail = metrics.elidedText(DETAIL_SEPARATOR + detail, Qt.TextElideMode.ElideRight, room)
            painter.setPen(tail_color)
            painter.drawText(rect.adjusted(used, 0, 0, 0), align, tail)
        painter.restore()


class MatchList(QListView):
    """The result list: says "загрузка…" or "ничего не найдено" when it has no rows, and keeps
    its minimum height at :data:`MIN_VISIBLE_ROWS` rows of its font.

    A line above the rows (:attr:`header`: "показано для «гп»") and one below (:attr:`footer`:
    "и ещё 412 — уточните поиск") are drawn inside the list's frame, so showing them never
    moves the form around the list.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = ""
        self.row_delegate = RowDelegate(self)
        self.setItemDelegate(self.row_delegate)
        self.header = self._margin_label()
        self.footer = self._margin_label()
        self.update_minimum_height()
        # The first call costs PySide a few milliseconds of set-up: not on the first keystroke.
        self.viewport().update()

    def _margin_label(self) -> QLabel:
        label = QLabel(self)
        label.setIndent(6)
        label.setAutoFillBackground(True)
        label.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        label.setForegroundRole(QPalette.ColorRole.Text)
        label.hide()
        return label

    def set_header(self, text: str | None) -> None:
        self._set_margin_text(self.header, text)

    def set_footer(self, text: str | None) -> None:
        self._set_margin_text(self.footer, text)

    def _set_margin_text(self, label: QLabel, text: str | None) -> None:
        if text:
            label.setText(text)
        if bool(text) != (not label.isHidden()):
            label.setVisible(bool(text))
            self._place_margins()

    def _place_margins(self) -> None:
        line = self.fontMetrics().height() + ROW_PADDING
        top = 0 if self.header.isHidden() else line
        bottom = 0 if self.footer.isHidden() else line
        self.setViewportMargins(0, top, 0, bottom)
        frame = self.frameWidth()
        inner = self.rect().adjusted(frame, frame, -frame, -frame)
        self.header.setGeometry(inner.left(), inner.top(), inner.width(), top)
        self.footer.setGeometry(inner.left(), inner.bottom() + 1 - bottom, inner.width(), bottom)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_margins()

    @property
    def placeholder(self) -> str:
        return self._placeholder

    def set_placeholder(self, text: str) -> None:
        if text != self._placeholder:
            self._placeholder = text
            self.viewport().update()

    def row_height(self) -> int:
        return self.row_delegate.row_height(self.fontMetrics())

    def minimum_height_for_rows(self, rows: float = MIN_VISIBLE_ROWS) -> int:
        return math.ceil(rows * self.row_height()) + 2 * self.frameWidth()

    def update_minimum_height(self) -> None:
        self.setMinimumHeight(self.minimum_height_for_rows())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.update_minimum_height()
            self._place_margins()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self._placeholder or (model is not None and model.rowCount() > 0):
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        area = self.viewport().rect().adjusted(6, ROW_PADDING, -6, 0)
        painter.drawText(
            area,
            int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
            self._placeholder,
        )
        painter.end()


class SearchPicker(QWidget):
    """Line edit + ranked list. ``↓`` enters the list, ``Enter`` accepts, typing filters."""

    accepted = Signal(object)  # PickerItem
    cleared = Signal()
    loading_changed = Signal(bool)

    def __init__(
        self,
        object_name: str,
        placeholder: str,
        parent: QWidget | None = None,
        *,
        results_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(object_name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.list = MatchList(self)
        self.list.setObjectName(object_name + "List")
        self.list.setUniformItemSizes(True)
        # Reached by ↓ from the field or a click; not a Tab stop of its own (Tab goes on from
        # the field, as before).
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        if results_name:
            self.list.setAccessibleName(results_name)
        self.model = MatchModel(self)
        self.list.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        #: "показано для «гп»" (the other keyboard layout's reading) above the rows
        self.notice = self.list.header
        self.notice.setObjectName(object_name + "Notice")
        #: "и ещё 412 — уточните поиск" below them
        self.more = self.list.footer
        self.more.setObjectName(object_name + "More")
        layout.addWidget(self.edit)
        layout.addWidget(self.list, 1)
        self._index: SearchIndex | None = None
        self._row_of_key: dict[str, int] = {}
        self._total = 0
        self._chosen: PickerItem | None = None
        self._loading = False
        self._pending_text: str | None = None
        self._accept_deferred = False
        self._unavailable = ""
        self.edit.textEdited.connect(self._on_text)
        self.edit.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.clicked.connect(lambda idx: self._accept_row(idx.row()))

    # -- data ------------------------------------------------------------------------------------

    def set_items(self, items: Sequence[PickerItem]) -> None:
        """Show ``items``; ends loading and honours an ``Enter`` typed while they loaded."""
        self._chosen = None
        items = list(items)
        with collector_paused():
            self._index = SearchIndex(
                [item.fields for item in items], [item.sort_key or item.text for item in items]
            )
            self._row_of_key = {item.key: row for row, item in enumerate(items)}
        self.model.set_items(items)
        self._unavailable = ""
        self._set_loading(False)
        self.filter(self.edit.text())
        pending, self._pending_text = self._pending_text, None
        if pending is not None and pending == self.edit.text() and self.model.rowCount():
            self._accept_deferred = True
            try:
                self._accept_row(0)
            finally:
                self._accept_deferred = False

    def set_loading(self, loading: bool = True) -> None:
        """While loading the list is empty and says "загрузка…"; ``Enter`` is kept for later."""
        if loading:
            self._chosen = None
            self._index = None
            self._row_of_key = {}
            self.model.set_items([])
            self._unavailable = ""
            self._total = 0
            self.list.set_footer(None)
            self.list.set_header(None)
        else:
            self._pending_text = None
        self._set_loading(loading)

    def set_unavailable(self, text: str) -> None:
        """The items could not be loaded: the list says ``text``; a kept ``Enter`` is dropped."""
        self.set_loading(True)
        self._unavailable = text
        self.set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        changed = loading != self._loading
        self._loading = loading
        self._update_placeholder()
        if changed:
            self.loading_changed.emit(loading)

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def pending_enter(self) -> bool:
        """An ``Enter`` was typed while loading and waits for the items."""
        return self._pending_text is not None

    @property
    def accept_was_deferred(self) -> bool:
        """True while :attr:`accepted` is emitted for an ``Enter`` kept during loading."""
        return self._accept_deferred

    @property
    def match_count(self) -> int:
        """All matches of the current query (the list shows at most ``MAX_SHOWN``)."""
        return self._total

    @property
    def chosen(self) -> PickerItem | None:
        return self._chosen

    def has_focus(self) -> bool:
        return self.edit.hasFocus() or self.list.hasFocus()

    def set_results_name(self, name: str) -> None:
        """The list's accessible name ("Результаты поиска врача")."""
        self.list.setAccessibleName(name)

    def choose_key(self, key: str) -> bool:
        row = self._row_of_key.get(key)
        if row is None:
            return False
        self._set_chosen(self.model.items[row])
        return True

    def clear_choice(self) -> None:
        self._chosen = None
        self._pending_text = None
        self.edit.clear()
        self.filter("")

    # -- filtering -------------------------------------------------------------------------------

    def filter(self, text: str) -> None:
        if self._index is None:
            matches, total, shown_for = [], 0, None
        else:
            result = self._index.search(text, MAX_SHOWN)
            matches, total, shown_for = result.indices, result.total, result.shown_for
        self._total = total
        self.model.set_matches(matches)
        hidden = total - len(matches)
        self.list.set_footer(
            self.tr("и ещё {0} — уточните поиск").format(hidden) if hidden > 0 else None
        )
        self.list.set_header(
            self.tr("показано для «{0}»").format(shown_for) if shown_for is not None else None
        )
        self._update_placeholder()
        if matches:
            self._set_current(0)
        else:
            self._describe(None)

    def _update_placeholder(self) -> None:
        if self._loading:
            text = self.tr("загрузка…")
        elif self._unavailable:
            text = self._unavailable
        elif self._index is None or self.model.rowCount():
            text = ""
        elif len(self._index):
            text = self.tr("ничего не найдено")
        else:
            text = self.tr("список пуст")
        self.list.set_placeholder(text)
        if text:
            self.list.setAccessibleDescription(text)

    def _set_current(self, row: int) -> None:
        index = self.model.index(row, 0)
        # setCurrentIndex: the view tells assistive technology about the new current item
        # when it has the focus; the field's description carries it while the focus is there.
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        self._describe(self.model.item(row))

    def _describe(self, item: PickerItem | None) -> None:
        if item is None:
            self.edit.setAccessibleDescription(self.list.placeholder)
            return
        text = self.tr("{0} из {1}: {2}").format(
            self.list.currentIndex().row() + 1, self._total, item.accessible_text
        )
        self.edit.setAccessibleDescription(text)
        self.list.setAccessibleDescription(text)

    def _on_text(self, text: str) -> None:
        self._pending_text = None  # typing after Enter: the operator is not done yet
        if self._chosen is not None:
            self._chosen = None
            self.cleared.emit()
        self.filter(text)

    # -- keys ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.edit:
                return self._edit_key(event)
            if watched is self.list:
                return self._list_key(event)
        return super().eventFilter(watched, event)

    def _edit_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            count = self.model.rowCount()
            if count:
                row = max(0, self.list.currentIndex().row())
                step = 1 if key == Qt.Key.Key_Down else self._page()
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                self._set_current(min(count - 1, row + step))
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            row = self.list.currentIndex().row()
            if row > 0:
                self._set_current(max(0, row - (1 if key == Qt.Key.Key_Up else self._page())))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self._loading:
                self._pending_text = self.edit.text()
                return True
            if self._chosen is not None and not self.model.matches:
                self.accepted.emit(self._chosen)
                return True
            row = self.list.currentIndex().row()
            self._accept_row(row if row >= 0 else 0)
            return True
        return False

    def _list_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        row = self.list.currentIndex().row()
        if (key == Qt.Key.Key_Up and row <= 0) or key == Qt.Key.Key_Escape:
            self._back_to_edit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self._accept_row(row if row >= 0 else 0)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # On along the form's chain, as from the field (the list is not a Tab stop).
            self._back_to_edit()
            forward = key == Qt.Key.Key_Tab and not (mods & Qt.KeyboardModifier.ShiftModifier)
            self.edit.focusNextPrevChild(forward)
            return True
        editing = key in (
            Qt.Key.Key_Backspace,
            Qt.Key.Key_Delete,
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        )
        typed = event.text()
        if editing or (
            typed
            and typed.isprintable()
            and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            # Typing in the list goes on in the field.
            self._back_to_edit()
            copy = QKeyEvent(event.type(), key, mods, typed, event.isAutoRepeat(), event.count())
            QCoreApplication.sendEvent(self.edit, copy)
            return True
        return False

    def _back_to_edit(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.deselect()
        self.edit.end(False)

    def _page(self) -> int:
        return max(1, self.list.viewport().height() // max(1, self.list.row_height()) - 1)

    def _accept_row(self, row: int) -> None:
        item = self.model.item(row)
        if item is None:
            return
        self._set_chosen(item)
        self.accepted.emit(item)

    def _set_chosen(self, item: PickerItem) -> None:
        self._chosen = item
        self._pending_text = None
        self.edit.setText(item.text)
        self.edit.setCursorPosition(0)
        row = self._row_of_key.get(item.key)
        matches = [row] if row is not None else []
        self._total = len(matches)
        self.model.set_matches(matches)
        self.list.set_footer(None)
        self.list.set_header(None)
        if matches:
            self._set_current(0)
