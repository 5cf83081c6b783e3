"""Picker search with 100 000 resources: time per keystroke, typed as an operator would.

Baseline in the same run: Qt's stock ``QSortFilterProxyModel`` (fixed-string, case-insensitive)
over a ``QStringListModel`` of the same row texts, fed the same keystrokes. Our picker does more
per keystroke: it folds ``ё``→``е``, splits ``гп3`` into ``гп`` and ``3``, *ranks* every match
(exact room number, word starts, substrings; fewer extra characters; earlier fields) over name,
speciality, room and post, and retries a query that finds nothing in the other keyboard layout
(``rfhlbjkju`` → ``кардиолог``). Each keystroke is timed with the list repaint.

Goal: ≤ 16 ms per keystroke, worst case. Run: ``uv run python bench/bench_picker.py``.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import QApplication, QListView

from desktop_app.api import Resource
from desktop_app.sandbox import generate_directory
from desktop_app.ui.desk.directory import resource_items
from desktop_app.ui.desk.search_picker import SearchPicker

QUERIES = ["смирнова", "кардиолог", "терапевт 21", "каб 3", "каб41", "rfhlbjkju", "с а"]
GOAL_MS = 16.0


def keystrokes(query: str) -> list[str]:
    return [query[: i + 1] for i in range(len(query))]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    _, raw = generate_directory(n_clinics=3000, n_resources=100_000)
    resources = [Resource.model_validate(r) for r in raw]

    started = time.perf_counter()
    items = resource_items(resources)
    built = time.perf_counter()
    picker = SearchPicker("resourceSearch", "")
    picker.resize(500, 400)
    picker.show()
    picker.set_items(items)
    app.processEvents()
    loaded = time.perf_counter()

    ours: list[float] = []
    for query in QUERIES:
        picker.edit.clear()
        picker.filter("")
        app.processEvents()
        for text in keystrokes(query):
            t0 = time.perf_counter()
            picker.edit.setText(text)
            picker.filter(text)
            app.processEvents()  # include the list repaint
            ours.append(time.perf_counter() - t0)

    texts = [item.text + "  ·  " + (item.detail or "") for item in items]
    model = QStringListModel(texts)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(proxy)
    view.resize(500, 400)
    view.show()
    app.processEvents()
    base: list[float] = []
    for query in QUERIES:
        proxy.setFilterFixedString("")
        app.processEvents()
        for text in keystrokes(query):
            t0 = time.perf_counter()
            proxy.setFilterFixedString(text)
            app.processEvents()
            base.append(time.perf_counter() - t0)

    def fmt(xs: list[float]) -> str:
        return (
            f"median {statistics.median(xs) * 1000:6.1f} ms, "
            f"max {max(xs) * 1000:6.1f} ms over {len(xs)} keystrokes"
        )

    print(
        f"items: {len(items)}; rows {(built - started) * 1000:.0f} ms,"
        f" index + model {(loaded - built) * 1000:.0f} ms"
    )
    print(f"desk picker (ranked)  : {fmt(ours)}")
    typed = [text for query in QUERIES for text in keystrokes(query)]
    slowest = sorted(zip(ours, typed, strict=True), reverse=True)[:5]
    print("slowest keystrokes   : " + ", ".join(f"{t!r} {s * 1000:.1f} ms" for s, t in slowest))
    print(f"QSortFilterProxyModel : {fmt(base)}")
    ratio = statistics.median(ours) / statistics.median(base)
    print(
        f"ratio (median) ours/Qt proxy: {ratio:.2f}x;"
        f" worst keystroke {max(ours) * 1000:.1f} ms (goal <= {GOAL_MS:g} ms)"
    )


if __name__ == "__main__":
    main()
