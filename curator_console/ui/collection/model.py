"""``LazyRowsModel``: the Collection table over millions of objects, a page of rows at a time.

Adapts: an ordered ``array('q')`` of object ids (the current view: the whole collection, a filter
or a search, in display order) → rows, and ``list[LazyColumn]`` → columns. Row values come from
``fetch_rows(ids)`` (a plain function returning rows with an ``id``, in the order asked), called
in the background for a *page* of ids (keyset by id list, never OFFSET) the first time the view
asks for a row of that page; meanwhile the row shows "…" and ``dataChanged`` follows when the page
is there. At most ``max_pages`` pages are kept (least recently used dropped first), so memory is
the id array (8 bytes an object) plus a bounded number of rows.

Sorting is the database's job: ``sort()`` (a header click) only announces ``sort_requested(key,
descending)``; the page fetches the id list in that order and hands it back with ``set_ids``.
The model never calls a service itself; like ``RowsModel`` it announces cell edits with
``edit_requested(row, column_key, text)``.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)

from shiboken6 import isValid

from curator_console.ui.table_model import ROW_ROLE, SORT_ROLE, Column
from curator_console.ui.tasks import run_task

PLACEHOLDER = "…"
PAGE_ROWS = 100
MAX_PAGES = 120  # 12,000 rows at most in memory
MAX_IN_FLIGHT = 3
ID_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass
class LazyColumn(Column):
    """A column of the lazy table. ``sort_key`` names the database sort (None: not sortable);
    ``decoration`` gives the cell's icon (a thumbnail); ``placeholder`` shows "…" until loaded."""

    sort_key: str | None = None
    decoration: Callable[[Any], Any] | None = None
    placeholder: bool = True


class LazyRowsModel(QAbstractTableModel):
    edit_requested = Signal(int, str, str)
    sort_requested = Signal(str, bool)  # sort key ("" = the database's default order), descending
    page_loaded = Signal(int)  # page number
    fetch_failed = Signal(object)  # the exception of a failed page fetch

    def __init__(self, columns: Sequence[LazyColumn], fetch_rows: Callable[[list[int]], list[Any]],
                 page_rows: int = PAGE_ROWS, max_pages: int = MAX_PAGES, parent: QObject | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.fetch_rows = fetch_rows
        self.page_rows = page_rows
        self.max_pages = max(2, max_pages)
        self.ids = array("q")
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()  # page number -> rows (None = gone)
        self._generation = 0  # bumped on every new id list: older page results are dropped
        self._page_gen: dict[int, int] = {}  # per page: bumped when a page is refreshed
        self._in_flight: set[int] = set()
        self._wanted: OrderedDict[int, None] = OrderedDict()  # pages asked for, newest last
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._start_fetches)
        self._pool = pool
        self.pages_fetched = 0  # how many page fetches have come back (for tests and diagnostics)

    # --- ids and rows -----------------------------------------------------------------------
    def set_ids(self, ids: array | Sequence[int], first_rows: Sequence[Any] | None = None) -> None:
        """Show a new id list (reset). ``first_rows``: rows already known for the first ids."""
        self.beginResetModel()
        self.ids = ids if isinstance(ids, array) else array("q", ids)
        self._forget()
        if first_rows:
            self._put_rows(list(first_rows))
        self.endResetModel()

    def extend_ids(self, ids: array | Sequence[int], first_rows: Sequence[Any] | None = None) -> bool:
        """Replace the id list by a longer one that starts with the current ids (the whole result
        arriving after its first screenful): rows are inserted, nothing is reset. Returns False
        (and resets) when the new list does not start with the current one."""
        ids = ids if isinstance(ids, array) else array("q", ids)
        n = len(self.ids)
        if n == 0 or len(ids) < n or ids[:n] != self.ids:
            self.set_ids(ids, first_rows)
            return False
        if len(ids) > n:
            # A page cached in part (the first screenful) completes itself when the view asks.
            self.beginInsertRows(QModelIndex(), n, len(ids) - 1)
            self.ids = ids
            self.endInsertRows()
        return True

    def _forget(self) -> None:
        self._generation += 1
        self._pages.clear()
        self._page_gen.clear()
        self._in_flight.clear()
        self._wanted.clear()

    def _put_rows(self, rows: list[Any]) -> None:
        """Cache rows already fetched for the first ids (a page may be cached in part: the rest
        of it is fetched when the view asks for it)."""
        by_id = {r.id: r for r in rows}
        page = 0
        while True:
            lo, hi = self._page_span(page)
            if lo >= hi:
                return
            present = []
            for r in range(lo, hi):
                row = by_id.get(self.ids[r])
                if row is None:
                    break
                present.append(row)
            if present:
                self._store(page, present)
            if len(present) < hi - lo:
                return
            page += 1

    def _page_span(self, page: int) -> tuple[int, int]:
        lo = page * self.page_rows
        return lo, min(len(self.ids), lo + self.page_rows)

    def _store(self, page: int, rows: list[Any]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    def id_at(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of_id(self, item_id: int) -> int:
        try:
            return self.ids.index(item_id)
        except ValueError:
            return -1

    def row_at(self, row: int) -> Any | None:
        """The cached row (None while its page is not loaded; asking does not fetch it)."""
        if not 0 <= row < len(self.ids):
            return None
        cached = self._pages.get(row // self.page_rows)
        offset = row % self.page_rows
        return cached[offset] if cached is not None and offset < len(cached) else None

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def is_loaded(self, row: int) -> bool:
        return self.row_at(row) is not None

    def refresh_ids(self, item_ids: Sequence[int]) -> None:
        """Fetch again the pages holding these ids (after an edit), keeping the rows shown until
        the fresh ones arrive."""
        for item_id in item_ids:
            row = self.row_of_id(item_id)
            if row < 0:
                continue
            page = row // self.page_rows
            asked = page in self._pages or page in self._in_flight
            self._page_gen[page] = self._page_gen.get(page, 0) + 1  # an answer on its way is stale
            self._in_flight.discard(page)
            if asked:
                self._request(page)

    def refresh_all(self) -> None:
        """Fetch every cached page again (after a language change nothing is fetched; this is for
        changes made elsewhere)."""
        for page in list(self._pages):
            self._page_gen[page] = self._page_gen.get(page, 0) + 1
            self._in_flight.discard(page)
            self._request(page)

    def rows_with(self, predicate: Callable[[Any], bool]) -> list[int]:
        """Rows (numbers) among the cached ones whose row value satisfies ``predicate``."""
        out = []
        for page, rows in self._pages.items():
            base = page * self.page_rows
            out.extend(base + i for i, r in enumerate(rows) if r is not None and predicate(r))
        return out

    def emit_row_changed(self, rows: Sequence[int], columns: Sequence[int] | None = None) -> None:
        cols = list(columns) if columns is not None else [0, len(self.columns) - 1]
        for r in rows:
            self.dataChanged.emit(self.index(r, min(cols)), self.index(r, max(cols)))

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if len(self.ids):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.columns) - 1))

    # --- background paging -----------------------------------------------------------------
    def _request(self, page: int) -> None:
        if page in self._in_flight:
            return
        self._wanted.pop(page, None)
        self._wanted[page] = None
        if not self._flush.isActive():
            self._flush.start()

    def _start_fetches(self) -> None:
        # Newest requests first: while the scroll bar is dragged, the rows passed over do not matter.
        while self._wanted and len(self._in_flight) < MAX_IN_FLIGHT:
            page, _ = self._wanted.popitem(last=True)
            lo, hi = self._page_span(page)
            if lo >= hi:
                continue
            ids = list(self.ids[lo:hi])
            generation, page_gen = self._generation, self._page_gen.get(page, 0)
            self._in_flight.add(page)
            fetch = self.fetch_rows
            run_task(lambda ids=ids: fetch(ids),
                     lambda rows, p=page, g=generation, pg=page_gen, ids=ids: self._arrived(p, g, pg, ids, rows),
                     lambda exc, p=page, g=generation, pg=page_gen: self._failed(p, g, pg, exc),
                     pool=self._pool)
        # Keep the queue short: old requests are for rows scrolled past long ago.
        while len(self._wanted) > 4 * MAX_IN_FLIGHT:
            self._wanted.popitem(last=False)

    def _current(self, page: int, generation: int, page_gen: int) -> bool:
        return generation == self._generation and page_gen == self._page_gen.get(page, 0)

    def _arrived(self, page: int, generation: int, page_gen: int, ids: list[int], rows: list[Any]) -> None:
        if not isValid(self) or not self._current(page, generation, page_gen):
            return
        self._in_flight.discard(page)
        self.pages_fetched += 1
        by_id = {r.id: r for r in rows}
        # A deleted object comes back as None: the row shows empty until the id list is reloaded.
        self._store(page, [by_id.get(i) for i in ids])
        lo, hi = self._page_span(page)
        if hi > lo:
            self.dataChanged.emit(self.index(lo, 0), self.index(hi - 1, len(self.columns) - 1))
        self.page_loaded.emit(page)
        if self._wanted and not self._flush.isActive():
            self._flush.start()

    def _failed(self, page: int, generation: int, page_gen: int, exc: BaseException) -> None:
        if not isValid(self) or not self._current(page, generation, page_gen):
            return
        self._in_flight.discard(page)
        self.fetch_failed.emit(exc)

    @property
    def loading(self) -> bool:
        return bool(self._in_flight or self._wanted)

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.title()
            if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and self.row_at(index.row()) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = index.row()
        if not 0 <= r < len(self.ids):
            return None
        if role == ID_ROLE:
            return self.ids[r]
        page = r // self.page_rows
        rows = self._pages.get(page)
        col = self.columns[index.column()]
        if rows is None:
            self._request(page)
            if role == Qt.ItemDataRole.DisplayRole:
                return PLACEHOLDER if col.placeholder else ""
            if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        self._pages.move_to_end(page)
        offset = r - page * self.page_rows
        if offset >= len(rows):  # a page cached in part: fetch the whole page
            self._request(page)
            if role == Qt.ItemDataRole.DisplayRole:
                return PLACEHOLDER if col.placeholder else ""
            return None
        row = rows[offset]
        if row is None:  # deleted meanwhile: empty until the id list is read again
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = col.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DecorationRole and col.decoration is not None:
            return col.decoration(row)
        if role == SORT_ROLE:
            return (col.sort_value or col.value)(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.columns[index.column()].editable:
            return False
        row = self.row_at(index.row())
        if row is None:
            return False
        text = str(value)
        if text == str(self.columns[index.column()].value(row) or ""):
            return False
        self.edit_requested.emit(index.row(), self.columns[index.column()].key, text)
        return False  # the page saves the edit through an undoable command, then refreshes the row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: announce the database sort (column -1: the default order)."""
        if not 0 <= column < len(self.columns):
            self.sort_requested.emit("", False)
        elif self.columns[column].sort_key:
            self.sort_requested.emit(self.columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)
