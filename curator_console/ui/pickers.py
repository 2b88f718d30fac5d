"""Finding and picking collection objects and shop products: search panels to embed (drag rows
out of them, or double-click / Enter) and modal pickers around them.

- ``ObjectSearchPanel``: search as you type over the collection's search index, in the
  background; only the first ``MAX_OBJECT_RESULTS`` matches are read, so a collection of millions
  answers as fast as a small one. Rows show a thumbnail, the object number and the titles.
- ``ProductSearchPanel``: the store's products, read once, filtered as you type (SKU, titles,
  linked object numbers), sortable by any column.
- Dragged rows carry their ids as JSON in ``OBJECT_IDS_MIME`` / ``PRODUCT_IDS_MIME``
  (``encode_ids`` / ``decode_ids``). Ids passed to ``set_excluded`` (already linked) are greyed,
  marked and cannot be picked again.
- ``pick_objects`` / ``pick_products``: modal dialogs (``ObjectPickerDialog``,
  ``ProductPickerDialog``) answering the picked ids, or None when cancelled.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QIcon, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import collection_objects as objsvc
from curator_console.services import store as store_svc
from curator_console.ui import formatting as fmt
from curator_console.ui.table_model import SORT_ROLE, Column, RowsModel
from curator_console.ui.tasks import run_task
from curator_console.ui.thumbnails import Thumbnails

OBJECT_IDS_MIME = "application/x-curator-object-ids"
PRODUCT_IDS_MIME = "application/x-curator-product-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 10
EXCLUDED_ROLE = Qt.ItemDataRole.UserRole + 11

MAX_OBJECT_RESULTS = 300  # rows read for one object search (the first, best-ranked ones)
SEARCH_DELAY_MS = 150
THUMB_PX = 32  # thumbnail size in the result list (logical pixels)


# --- drag and drop --------------------------------------------------------------------------------


def encode_ids(ids: Iterable[int], kind: str = OBJECT_IDS_MIME) -> QMimeData:
    """Drag data carrying ``ids`` (a JSON list of ints) under the MIME type ``kind``."""
    mime = QMimeData()
    unique = list(dict.fromkeys(int(i) for i in ids))
    mime.setData(kind, QByteArray(json.dumps(unique).encode("utf-8")))
    return mime


def decode_ids(mime: QMimeData | None, kind: str) -> list[int]:
    """The ids in drag data of type ``kind`` (in order, without repeats); [] when there are none
    or the data is not a JSON list of ints."""
    if mime is None or not mime.hasFormat(kind):
        return []
    try:
        value = json.loads(bytes(mime.data(kind).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(v for v in value if isinstance(v, int) and not isinstance(v, bool)))


# --- the result model -----------------------------------------------------------------------------


class PickRowsModel(RowsModel):
    """Result rows (each with an ``id``) that can be dragged out; excluded ids are greyed, marked
    (``excluded_mark`` in the ``mark_column`` column, ``excluded_tip`` as tooltip) and neither
    selectable nor draggable."""

    def __init__(self, columns: Sequence[Column], mime_type: str, excluded_tip: Callable[[], str],
                 decorations: dict[str, Callable[[Any], Any]] | None = None, parent=None,
                 mark_column: str = "title") -> None:
        super().__init__(columns, parent)
        self.mime_type = mime_type
        self.excluded: frozenset[int] = frozenset()
        self.excluded_tip = excluded_tip
        self.decorations = decorations or {}
        self.mark_column = mark_column
        self.excluded_mark: QIcon | None = None
        self.dimmed = QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))

    def set_palette(self, palette: QPalette) -> None:
        self.dimmed = QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))

    def set_excluded(self, ids: Iterable[int]) -> None:
        self.excluded = frozenset(int(i) for i in ids)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def id_at(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def rows_with(self, predicate: Callable[[Any], bool]) -> list[int]:
        return [i for i, r in enumerate(self.rows) if predicate(r)]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()].id in self.excluded:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        excluded = row.id in self.excluded
        if role == ID_ROLE:
            return row.id
        if role == EXCLUDED_ROLE:
            return excluded
        if role == Qt.ItemDataRole.DecorationRole:
            if col.key in self.decorations:
                return self.decorations[col.key](row)
            if excluded and col.key == self.mark_column:
                return self.excluded_mark
            return None
        if excluded:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self.dimmed
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.excluded_tip()
        return super().data(index, role)

    def mimeTypes(self) -> list[str]:
        return [self.mime_type]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids([self.rows[r].id for r in rows if self.rows[r].id not in self.excluded], self.mime_type)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _make_view(name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setDefaultDropAction(Qt.DropAction.CopyAction)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


def _fold(text: str) -> str:
    """Text for matching: full-width forms folded (NFKC), case folded."""
    return unicodedata.normalize("NFKC", text or "").casefold()


class _SearchPanel(QWidget):
    """What both panels share: the search box, the result table, the count line, the signals."""

    activated_ids = Signal(list)  # ids double-clicked or Entered (the selection)
    selection_changed = Signal()
    results_shown = Signal()  # a search's (or filter's) results are on screen

    def __init__(self, context, view_name: str, search_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.search = QLineEdit()
        self.search.setObjectName(search_name)
        self.search.setClearButtonEnabled(True)
        self.view = _make_view(view_name, self)
        self.count_label = QLabel()
        self.count_label.setObjectName(view_name + "Count")
        self.count_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.view.activated.connect(self._activated)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.focus_results)

    def _fit_columns(self, first_width: int) -> None:
        """The first column (number / SKU) as wide as ``first_width``, the titles share the rest,
        numbers as wide as they need."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        self.view.setColumnWidth(0, first_width)
        for column, spec in enumerate(self.source_model().columns):
            if spec.key in ("title", "alt_title"):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif spec.numeric:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _fit_first_column(self) -> None:
        """Widen the first column to its longest value once results are there (never narrower)."""
        if not self.view.model().rowCount():
            return
        em = self.view.fontMetrics().horizontalAdvance("M")
        wanted = min(self.view.sizeHintForColumn(0) + em // 2, em * 16)
        if wanted > self.view.columnWidth(0):
            self.view.setColumnWidth(0, wanted)

    def _attach_model(self, model) -> None:
        """Set the view's model (after the subclass made it) and follow its selection."""
        source = self.source_model()
        source.set_palette(self.view.palette())
        # A small mark (a pixmap icon is never scaled up to the view's icon size).
        mark = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        source.excluded_mark = QIcon(mark.pixmap(side, side))
        self.view.setModel(model)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.view.selectionModel().currentChanged.connect(lambda *_: self.selection_changed.emit())

    # --- for subclasses -----------------------------------------------------------------------
    def source_model(self) -> PickRowsModel:
        raise NotImplementedError

    def _source_row(self, view_row: int) -> int:
        return view_row

    def _view_row(self, source_row: int) -> int:
        return source_row

    # --- selection ----------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The selected ids, top to bottom (never an excluded one)."""
        model = self.source_model()
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        ids = [model.id_at(self._source_row(r)) for r in rows]
        return [i for i in ids if i is not None and i not in model.excluded]

    def select_ids(self, ids: Iterable[int]) -> int:
        """Select the shown rows of ``ids`` (not excluded ones); returns how many."""
        wanted = set(ids)
        model = self.source_model()
        view_model = self.view.model()
        last = view_model.columnCount() - 1
        rows = sorted(r for r in (self._view_row(s) for s in model.rows_with(
            lambda r: r.id in wanted and r.id not in model.excluded)) if r >= 0)
        selection = QItemSelection()
        for row in rows:
            selection.select(view_model.index(row, 0), view_model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if rows:
            self.view.selectionModel().setCurrentIndex(view_model.index(rows[0], 0), flags.NoUpdate)
        self.selection_changed.emit()
        return len(rows)

    def set_excluded(self, ids: Iterable[int]) -> None:
        """Mark these ids as already linked: greyed, marked, not pickable (and no longer selected)."""
        before = self.selected_ids()
        self.source_model().set_excluded(ids)
        keep = [i for i in before if i not in self.source_model().excluded]
        if keep != before:
            self.select_ids(keep)
        else:
            self.selection_changed.emit()

    def excluded_ids(self) -> frozenset[int]:
        return self.source_model().excluded

    def shown_ids(self) -> list[int]:
        """The ids shown, top to bottom."""
        model = self.source_model()
        return [i for i in (model.id_at(self._source_row(r)) for r in range(self.view.model().rowCount()))
                if i is not None]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_results(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.view.model().rowCount():
            first = next((r for r in range(self.view.model().rowCount())
                          if self.view.model().index(r, 0).flags() & Qt.ItemFlag.ItemIsSelectable), -1)
            if first >= 0:
                flags = QItemSelectionModel.SelectionFlag
                self.view.selectionModel().setCurrentIndex(self.view.model().index(first, 0),
                                                           flags.ClearAndSelect | flags.Rows)

    def _activated(self, index: QModelIndex) -> None:
        ids = self.selected_ids()
        if not ids and index.isValid():
            item_id = self.source_model().id_at(self._source_row(index.row()))
            if item_id is not None and item_id not in self.source_model().excluded:
                ids = [item_id]
        if ids:
            self.activated_ids.emit(ids)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.source_model().retranslate()


class ObjectSearchPanel(_SearchPanel):
    """Search the collection and pick objects from the (first few hundred) matches."""

    def __init__(self, context, parent: QWidget | None = None, *, thumbnails: Thumbnails | None = None,
                 limit: int = MAX_OBJECT_RESULTS) -> None:
        super().__init__(context, "objectResults", "objectSearch", parent)
        self.setObjectName("objectSearchPanel")
        self.limit = max(1, int(limit))
        self.thumbnails = thumbnails if thumbnails is not None else Thumbnails(MediaStore(paths.media_dir()), self)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self._generation = 0
        self._pending = 0
        self._shown_query: str | None = None
        self._error = ""
        self.model = PickRowsModel([
            Column("object_number", lambda: self.tr("Object number"), lambda r: r.object_number),
            Column("title", lambda: self.tr("Title"), lambda r: r.title, tooltip=lambda r: r.title),
            Column("alt_title", lambda: self.tr("Title (second language)"), lambda r: r.alt_title,
                   tooltip=lambda r: r.alt_title),
        ], OBJECT_IDS_MIME, lambda: self.tr("Already added"), {"object_number": self._thumbnail}, self)
        self._attach_model(self.model)
        self.view.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(max(self.view.fontMetrics().height() + 10, THUMB_PX + 6))
        self._fit_columns(THUMB_PX + self.view.fontMetrics().horizontalAdvance("M") * 9)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.search_now)
        self.retranslate()

    # --- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search object number, title, maker, tags…"))
        self.search.setAccessibleName(self.tr("Search objects"))
        self.view.setAccessibleName(self.tr("Objects found"))
        super().retranslate()
        self._update_count()

    def _update_count(self) -> None:
        n = len(self.model.rows)
        if self._error:
            text = fmt.arg(self.tr("The search failed: %1"), self._error)
        elif self._shown_query is None:
            text = self.tr("Searching…") if self._pending else ""
        elif n >= self.limit:
            text = fmt.arg(self.tr("The first %1 matches; type more to narrow the search."), fmt.number(n))
        elif n == 0:
            text = self.tr("No object matches.") if self._shown_query else self.tr("The collection is empty.")
        elif self._shown_query:
            text = self.tr("1 match") if n == 1 else fmt.arg(self.tr("%1 matches"), fmt.number(n))
        else:
            text = self.tr("1 object") if n == 1 else fmt.arg(self.tr("%1 objects"), fmt.number(n))
        self.count_label.setText(text)

    # --- searching ------------------------------------------------------------------------------
    def source_model(self) -> PickRowsModel:
        return self.model

    def query(self) -> str:
        return self.search.text().strip()

    def set_query(self, text: str) -> None:
        """Type ``text`` into the search box and search at once."""
        self.search.setText(text)
        self.search_now()

    @property
    def is_searching(self) -> bool:
        return self._pending > 0 or self._debounce.isActive()

    @property
    def shown_query(self) -> str | None:
        """The query whose results are on screen (None before the first answer)."""
        return self._shown_query

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._shown_query is None and not self._pending:
            self.search_now()  # the first time it is seen: the collection's first objects

    def search_now(self) -> None:
        """Search for the box's text now (an answer to an older search is dropped)."""
        self._debounce.stop()
        query = self.query()
        self._generation += 1
        generation = self._generation
        self._pending += 1
        uow, limit = self.context.uow, self.limit

        def find():
            ids = objsvc.result_id_array(uow(), query, None, None, False, limit=limit)
            return objsvc.listed_rows(uow(), list(ids))

        run_task(find, lambda rows: self._arrived(generation, query, rows),
                 lambda exc: self._failed(generation, exc))
        self._update_count()

    def _arrived(self, generation: int, query: str, rows) -> None:
        if not isValid(self):
            return
        self._pending -= 1
        if generation != self._generation:
            return  # an older search: a newer one is on its way
        keep = self.selected_ids()
        self._error = ""
        self._shown_query = query
        self.model.set_rows(rows)
        self._fit_first_column()
        if keep:
            self.select_ids(keep)
        self.selection_changed.emit()
        self._update_count()
        self.results_shown.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._pending -= 1
        if generation != self._generation:
            return
        self._error = str(exc) or exc.__class__.__name__
        self._update_count()
        self.results_shown.emit()

    # --- thumbnails -----------------------------------------------------------------------------
    def _thumbnail(self, row) -> QIcon:
        # Made at twice the size (sharp on high-density screens); the icon is drawn at THUMB_PX.
        px = THUMB_PX * 2
        pm = self.thumbnails.pixmap(row.primary_image, px) if row.primary_image else None
        return QIcon(pm if pm is not None else self.thumbnails.placeholder(px))

    def _thumbnail_ready(self, sha: str, px: int) -> None:
        if px != THUMB_PX * 2 or not isValid(self):
            return
        for row in self.model.rows_with(lambda r: r.primary_image == sha):
            index = self.model.index(row, 0)
            self.model.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class _ProductFilter(QSortFilterProxyModel):
    """Rows whose SKU, titles or linked object numbers hold every word of the query."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.terms: list[str] = []
        self.haystacks: list[str] = []

    def set_haystacks(self, rows) -> None:
        self.haystacks = [_fold(" ".join((r.sku, r.title or "", r.alt_title or "", *r.linked_objects))) for r in rows]

    def set_query(self, query: str) -> None:
        terms = _fold(query).split()
        if terms != self.terms:
            if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
                self.beginFilterChange()
                self.terms = terms
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                self.terms = terms
                self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.terms:
            return True
        hay = self.haystacks[source_row] if source_row < len(self.haystacks) else ""
        return all(t in hay for t in self.terms)


class ProductSearchPanel(_SearchPanel):
    """The store's products, filtered as you type; pick one or more."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, "productResults", "productSearch", parent)
        self.setObjectName("productSearchPanel")
        self._loaded = False
        self._pending = 0
        self._error = ""
        self.model = PickRowsModel([
            Column("sku", lambda: self.tr("SKU"), lambda r: r.sku),
            Column("title", lambda: self.tr("Title"), lambda r: r.title, tooltip=lambda r: r.title),
            Column("alt_title", lambda: self.tr("Title (second language)"), lambda r: r.alt_title,
                   tooltip=lambda r: r.alt_title),
            Column("price", lambda: self.tr("Price"), lambda r: fmt.money(r.price, r.currency),
                   sort_value=lambda r: float(r.price if r.price is not None else -1), numeric=True),
            Column("stock", lambda: self.tr("Stock"), lambda r: fmt.number(r.stock),
                   sort_value=lambda r: -1 if r.stock is None else r.stock, numeric=True,
                   warn=lambda r: r.stock == 0),
        ], PRODUCT_IDS_MIME, lambda: self.tr("Already added"), parent=self)
        self.proxy = _ProductFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._attach_model(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self._fit_columns(self.view.fontMetrics().horizontalAdvance("M") * 8)
        self.search.textChanged.connect(self._filter)
        self.retranslate()

    def source_model(self) -> PickRowsModel:
        return self.model

    def _source_row(self, view_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()

    def _view_row(self, source_row: int) -> int:
        return self.proxy.mapFromSource(self.model.index(source_row, 0)).row()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Filter by SKU, title or object number…"))
        self.search.setAccessibleName(self.tr("Filter products"))
        self.view.setAccessibleName(self.tr("Products"))
        super().retranslate()
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), len(self.model.rows)
        if self._error:
            text = fmt.arg(self.tr("The products could not be read: %1"), self._error)
        elif not self._loaded:
            text = self.tr("Loading…") if self._pending else ""
        elif total == 0:
            text = self.tr("The store has no products yet.")
        elif shown == total:
            text = self.tr("1 product") if total == 1 else fmt.arg(self.tr("%1 products"), fmt.number(total))
        else:
            text = fmt.arg(self.tr("%1 of %2 products"), fmt.number(shown), fmt.number(total))
        self.count_label.setText(text)

    @property
    def is_searching(self) -> bool:
        return self._pending > 0

    @property
    def loaded(self) -> bool:
        return self._loaded

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded and not self._pending:
            self.reload()

    def reload(self) -> None:
        """Read the products again (after a store sync or an edit elsewhere)."""
        self._pending += 1
        uow = self.context.uow
        run_task(lambda: store_svc.list_products(uow()), self._arrived, self._failed)
        self._update_count()

    def _arrived(self, rows) -> None:
        if not isValid(self):
            return
        self._pending -= 1
        if self._pending:
            return  # a newer reload is on its way
        keep = self.selected_ids()
        self._loaded = True
        self._error = ""
        self.proxy.set_haystacks(rows)
        self.model.set_rows(rows)
        self._fit_first_column()
        if keep:
            self.select_ids(keep)
        self.selection_changed.emit()
        self._update_count()
        self.results_shown.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._pending -= 1
        self._error = str(exc) or exc.__class__.__name__
        self._update_count()
        self.results_shown.emit()

    def query(self) -> str:
        return self.search.text().strip()

    def set_query(self, text: str) -> None:
        self.search.setText(text)

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self.selection_changed.emit()
        self._update_count()
        self.results_shown.emit()

    def row_of_id(self, product_id: int) -> Any:
        """The shown row (a ``ProductRow``) of a product id, or None."""
        source = self.model.row_of(lambda r: r.id == product_id)
        return self.model.rows[source] if source >= 0 and self._view_row(source) >= 0 else None


# --- the dialogs ----------------------------------------------------------------------------------


class _PickerDialog(QDialog):
    """A search panel with OK / Cancel; OK (and Enter or a double-click on a result) picks the selection."""

    def __init__(self, panel: _SearchPanel, title: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._title = title
        self.picked: list[int] = []
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        panel.selection_changed.connect(self._update_ok)
        panel.activated_ids.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(panel, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self._update_ok()

    def selected_ids(self) -> list[int]:
        return self.panel.selected_ids()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.panel.selected_ids()))

    def _activated(self, ids: list) -> None:
        if ids:
            self.panel.select_ids(ids)
            self.accept()

    def accept(self) -> None:
        ids = self.panel.selected_ids()
        if not ids:
            return
        self.picked = ids
        super().accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.panel.focus_search()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter in the search box searches, on a result picks it (the view's ``activated``);
            # it never presses a default button by surprise.
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ok_button.setText(self.tr("Add"))


class ObjectPickerDialog(_PickerDialog):
    def __init__(self, context, parent: QWidget | None = None, *, exclude: Iterable[int] = (),
                 title: str | None = None, thumbnails: Thumbnails | None = None) -> None:
        super().__init__(ObjectSearchPanel(context, thumbnails=thumbnails), title, parent)
        self.setObjectName("objectPickerDialog")
        self.panel.set_excluded(exclude)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self._title or self.tr("Add objects"))


class ProductPickerDialog(_PickerDialog):
    def __init__(self, context, parent: QWidget | None = None, *, exclude: Iterable[int] = (),
                 title: str | None = None) -> None:
        super().__init__(ProductSearchPanel(context), title, parent)
        self.setObjectName("productPickerDialog")
        self.panel.set_excluded(exclude)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self._title or self.tr("Add products"))


def _run(dialog: _PickerDialog) -> list[int] | None:
    try:
        return list(dialog.picked) if dialog.exec() else None
    finally:
        dialog.deleteLater()


def pick_objects(parent: QWidget | None, context, *, exclude: Iterable[int] = (),
                 title: str | None = None) -> list[int] | None:
    """Let the user pick collection objects; their ids, or None when cancelled."""
    return _run(ObjectPickerDialog(context, parent, exclude=exclude, title=title))


def pick_products(parent: QWidget | None, context, *, exclude: Iterable[int] = (),
                  title: str | None = None) -> list[int] | None:
    """Let the user pick shop products; their ids, or None when cancelled."""
    return _run(ProductPickerDialog(context, parent, exclude=exclude, title=title))
