"""Picker filtering with 100 000 resources: time per keystroke, typed as an operator would.

Baseline in the same run: Qt's stock ``QSortFilterProxyModel`` (fixed-string, case-insensitive)
over a ``QStringListModel`` of the same texts, fed the same keystrokes. Our picker also folds
``ё``→``е`` and matches every word of the query anywhere in name, speciality and room.
Goal: ≤ 50 ms per keystroke. Run: ``uv run python bench/bench_picker.py``.
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
from desktop_app.ui.desk.search_picker import SearchPicker, make_item

QUERIES = ["смирнова", "кардиолог", "терапевт 21", "каб 3"]


def keystrokes(query: str) -> list[str]:
    return [query[: i + 1] for i in range(len(query))]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    _, raw = generate_directory(n_clinics=3000, n_resources=100_000)
    resources = [Resource.model_validate(r) for r in raw]
    texts = [f"{r.speciality} — {r.fio} (каб. {r.room}, {r.flat} эт.)" for r in resources]

    started = time.perf_counter()
    items = [
        make_item(r.guid or "", t, r.fio, r.speciality, r.doctor_role, r.room and f"каб {r.room}")
        for r, t in zip(resources, texts, strict=True)
    ]
    picker = SearchPicker("resourceSearch", "")
    picker.resize(500, 400)
    picker.show()
    picker.set_items(items)
    app.processEvents()
    load = time.perf_counter() - started

    ours: list[float] = []
    for query in QUERIES:
        picker.edit.clear()
        picker.filter("")
        for text in keystrokes(query):
            t0 = time.perf_counter()
            picker.edit.setText(text)
            picker.filter(text)
            app.processEvents()  # include the list repaint
            ours.append(time.perf_counter() - t0)

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

    print(f"items: {len(items)}; building haystacks + model: {load * 1000:.0f} ms")
    print(f"desk picker          : {fmt(ours)}")
    print(f"QSortFilterProxyModel: {fmt(base)}")
    print(
        f"ratio (median) ours/Qt proxy: {statistics.median(ours) / statistics.median(base):.2f}x;"
        f" worst keystroke {max(ours) * 1000:.1f} ms (goal <= 50 ms)"
    )


if __name__ == "__main__":
    main()
