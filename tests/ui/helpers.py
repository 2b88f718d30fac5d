"""Reading what the real widgets show (through the views' own proxy models)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

LOAD_TIMEOUT_MS = 20_000  # an upper bound for waiting on background loads, never asserted


class Answers:
    """What QMessageBox.question was asked, and the answers to give (Yes when none is queued)."""

    def __init__(self) -> None:
        self.queue: list[QMessageBox.StandardButton] = []
        self.asked: list[str] = []

    def __call__(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return self.queue.pop(0) if self.queue else QMessageBox.StandardButton.Yes


def find_table(root: QWidget, name: str) -> QTableView:
    view = root.findChild(QTableView, name)
    assert view is not None, f"no QTableView named {name!r}"
    return view


def source_model(view: QTableView):
    """The model holding the rows: behind the sort proxy, or the view's own (the Collection's lazy
    model sorts in the database and has no proxy)."""
    model = view.model()
    return model.sourceModel() if hasattr(model, "sourceModel") else model


def column_of(view: QTableView, key: str) -> int:
    keys = [c.key for c in source_model(view).columns]
    assert key in keys, f"{view.objectName()} has no column {key!r}: {keys}"
    return keys.index(key)


def column_texts(view: QTableView, key: str) -> list[str]:
    """The text shown in one column, top to bottom, as the view shows it."""
    model = view.model()
    col = column_of(view, key)
    return [model.index(r, col).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]


def cell(view: QTableView, row: int, key: str, role=Qt.ItemDataRole.DisplayRole) -> Any:
    return view.model().index(row, column_of(view, key)).data(role)


def proxy_index_where(view: QTableView, key: str, text: str, edit_key: str | None = None):
    """The proxy index in column ``edit_key`` (default ``key``) of the row whose ``key`` shows ``text``."""
    texts = column_texts(view, key)
    assert text in texts, f"{text!r} not shown in {view.objectName()}.{key}: {texts}"
    return view.model().index(texts.index(text), column_of(view, edit_key or key))


def header_texts(view: QTableView) -> list[str]:
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]


def figures(text: str) -> list[str]:
    """The numbers, money amounts and durations in a label, in order ("Products: 3 · …: 1" → ["3", "1"]).

    Tests compare these rather than whole sentences, so rewording a label never breaks them."""
    return re.findall(r"\d(?:[\d,.:]*\d)?", text)


# Workspace row -> (page objectName, tables it shows)
WORKSPACES = {
    0: ("collectionPage", ("collectionTable",)),
    1: ("storePage", ("storeTable",)),
    2: ("toursPage", ("tourTable", "segmentTable")),
    3: ("livePage", ("connectionTable", "liveSessionTable")),
    4: ("reviewPage", ("reviewSessionTable",)),
}
ENGLISH_TITLES = ["Collection", "Store", "Tours", "Live", "Review"]


def expected_counts(dataset) -> dict[str, int]:
    tour = dataset.tours[0]
    return {
        "collectionTable": len(dataset.objects),
        "storeTable": len(dataset.products),
        "tourTable": len(dataset.tours),
        "segmentTable": len(tour["segments"]),
        "connectionTable": 1,  # the demo seeds the built-in simulator connection
        "liveSessionTable": len(dataset.sessions),
        "reviewSessionTable": len(dataset.sessions),
    }


def wait_for_page(qtbot, app, row: int, dataset) -> None:
    window = app.window
    page = window.pages[row]
    counts = expected_counts(dataset)
    names = WORKSPACES[row][1]

    def shown() -> bool:
        return (
            window.stack.currentIndex() == row
            and page.has_loaded
            and not page.is_loading
            and all(find_table(page, n).model().rowCount() == counts[n] for n in names)
        )

    qtbot.waitUntil(shown, timeout=LOAD_TIMEOUT_MS)
