"""A type-ahead picker: a search field over a filtered list, driven from the keyboard.

Filtering is a plain substring match over a pre-normalised haystack per item (lower case,
``ё`` → ``е``, every word of the query must occur). Haystacks are built once when the items are
set, and a query that extends the previous one only filters the previous matches, which keeps a
keystroke well under 50 ms with 100 000 resources (see ``bench/bench_picker.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget


def normalise(text: str) -> str:
    return text.casefold().replace("ё", "е")


@dataclass(frozen=True)
class PickerItem:
    key: str
    text: str
    haystack: str
    payload: Any = None
    tooltip: str | None = None


def make_item(
    key: str, text: str, *search_parts: str | None, payload: Any = None, tooltip: str | None = None
) -> PickerItem:
    hay = normalise(" | ".join(p for p in (text, *search_parts) if p))
    return PickerItem(key=key, text=text, haystack=hay, payload=payload, tooltip=tooltip)


#: At most this many matches are listed: nobody scrolls through thousands of rows at a desk,
#: and a bounded list keeps every keystroke fast with 100 000 resources.
MAX_SHOWN = 300


class MatchModel(QAbstractListModel):
    """Shows ``items[i]`` for each index in the current match list."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[PickerItem] = []
        self._matches: list[int] = []

    def set_items(self, items: list[PickerItem]) -> None:
        self.beginResetModel()
        self._items = items
        self._matches = list(range(len(items)))
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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip or item.text
        return None


class SearchPicker(QWidget):
    """Line edit + list. Up/Down move in the list, Enter accepts, typing filters."""

    accepted = Signal(object)  # PickerItem
    cleared = Signal()

    def __init__(self, object_name: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(object_name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setObjectName(object_name + "List")
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.model = MatchModel(self)
        self.list.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.more = QLabel(self)
        self.more.setObjectName(object_name + "More")
        self.more.setStyleSheet("color: #444;")
        self.more.hide()
        layout.addWidget(self.edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self._hays: list[str] = []
        self._all_matches: list[int] = []
        self._query = ""
        self._chosen: PickerItem | None = None
        self.edit.textEdited.connect(self._on_text)
        self.edit.installEventFilter(self)
        self.list.activated.connect(lambda idx: self._accept_row(idx.row()))
        self.list.clicked.connect(lambda idx: self._accept_row(idx.row()))

    # -- data ------------------------------------------------------------------------------------

    def set_items(self, items: Sequence[PickerItem]) -> None:
        self._chosen = None
        items = list(items)
        self._hays = [item.haystack for item in items]
        self.model.set_items(items)
        self._query = ""
        self.filter(self.edit.text())

    @property
    def match_count(self) -> int:
        """All matches of the current query (the list shows at most ``MAX_SHOWN``)."""
        return len(self._all_matches)

    @property
    def chosen(self) -> PickerItem | None:
        return self._chosen

    def choose_key(self, key: str) -> bool:
        for item in self.model.items:
            if item.key == key:
                self._set_chosen(item)
                return True
        return False

    def clear_choice(self) -> None:
        self._chosen = None
        self.edit.clear()
        self.filter("")

    # -- filtering -------------------------------------------------------------------------------

    def filter(self, text: str) -> None:
        query = normalise(text.strip())
        hays = self._hays
        words = query.split()
        if not words:
            matches = list(range(len(hays)))
        else:
            # A longer query can only narrow the previous result; each word narrows further.
            narrowing = bool(self._query) and query.startswith(self._query)
            first, rest = words[0], words[1:]
            if narrowing:
                matches = [i for i in self._all_matches if first in hays[i]]
            else:
                matches = [i for i, hay in enumerate(hays) if first in hay]
            for word in rest:
                matches = [i for i in matches if word in hays[i]]
        self._query = query
        self._all_matches = matches
        self.model.set_matches(matches[:MAX_SHOWN])
        hidden = len(matches) - MAX_SHOWN
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more.setText(self.tr("и ещё {0} — уточните поиск").format(hidden))
        if matches:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _on_text(self, text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self.cleared.emit()
        self.filter(text)

    # -- keys ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            mods = event.modifiers()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                mods & Qt.KeyboardModifier.ControlModifier
            ):
                row = self.list.currentIndex().row()
                if self._chosen is not None and not self.model.matches:
                    self.accepted.emit(self._chosen)
                    return True
                self._accept_row(row if row >= 0 else 0)
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.list.currentIndex().row()
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 10,
            Qt.Key.Key_PageUp: -10,
        }[Qt.Key(key)]
        row = max(0, min(count - 1, (row if row >= 0 else 0) + step))
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _accept_row(self, row: int) -> None:
        item = self.model.item(row)
        if item is None:
            return
        self._set_chosen(item)
        self.accepted.emit(item)

    def _set_chosen(self, item: PickerItem) -> None:
        self._chosen = item
        self.edit.setText(item.text)
        self.edit.setCursorPosition(0)
        self._query = ""
        index = self.model.items.index(item) if item in self.model.items else None
        self._all_matches = [index] if index is not None else []
        self.model.set_matches(self._all_matches)
        self.more.hide()
        self.list.setCurrentIndex(self.model.index(0, 0))
