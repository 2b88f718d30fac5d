"""Collection workspace: every object of the museum in a lazy table (millions scroll smoothly),
search as you type, filters, sortable columns, thumbnails, and the object editor beside the table.

The table shows ``LazyRowsModel`` over the ordered ids of the current view. A new search or
filter first shows its first screenful (one LIMITed query), then the whole ordered id list read in
the background. Keys: Ctrl+F search, Enter / double-click open the editor, Ctrl+N new object,
Delete deletes the selected objects (after a question; undoable), F2 edits a cell in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import collection as svc
from curator_console.services import collection_objects as objsvc
from curator_console.ui import formatting as fmt
from curator_console.ui import icons
from curator_console.ui.collection.editor import ObjectEditor
from curator_console.ui.collection.filters import FilterBar
from curator_console.ui.collection.model import LazyColumn, LazyRowsModel
from curator_console.ui.commands import AppliedEditCommand, RecordsCommand
from curator_console.ui.record_editor import local_files
from curator_console.ui.thumbnails import Thumbnails
from curator_console.ui.workspace import WorkspacePage, copy_selection, heading

FIRST_SCREEN = 100  # rows read with the first query of a new view
THUMB_PX = 24  # thumbnail size in the table (logical pixels)
MAX_DELETE = 1000


class CollectionTable(QTableView):
    """The table; image files dropped on a row are announced with ``files_dropped(row, paths)``."""

    files_dropped = Signal(int, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def _drop_row(self, event) -> int:
        index = self.indexAt(event.position().toPoint())
        return index.row() if index.isValid() else -1

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        row = self._drop_row(event)
        if row >= 0 and local_files(event.mimeData()):
            event.acceptProposedAction()
            self.selectRow(row)
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        row = self._drop_row(event)
        files = local_files(event.mimeData())
        if row < 0 or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(row, files)


class CollectionPage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("collectionPage")
        self._query: tuple | None = None  # (text, filter, sort, descending) being shown
        self._sort: tuple[str, bool] | None = None  # the user's sort; None: ranked (search) / object number
        self._had_query = False
        self._total: int | None = None
        self._facets_loaded = False
        self._columns_sized = False
        self.thumbnails = Thumbnails(MediaStore(paths.media_dir()), self)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self._row_pool = QThreadPool(self)
        self._row_pool.setMaxThreadCount(3)

        self.header = heading()
        self.count_label = QLabel()
        self.count_label.setObjectName("collectionCount")
        self.search = QLineEdit()
        self.search.setObjectName("collectionSearch")
        self.search.setClearButtonEnabled(True)
        self.filters = FilterBar()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newObjectButton")
        self.new_button.setIcon(icons.icon("new"))
        self.new_button.clicked.connect(self.new_object)

        uow = context.uow
        self.model = LazyRowsModel([
            LazyColumn("image", lambda: self.tr("Image"), lambda r: "", decoration=self._thumbnail,
                       placeholder=False, tooltip=self._image_tip),
            LazyColumn("object_number", lambda: self.tr("Object number"), lambda r: r.object_number, editable=True,
                       sort_key="object_number"),
            LazyColumn("title", lambda: self.tr("Title"), lambda r: r.title, editable=True, sort_key="title"),
            LazyColumn("alt_title", lambda: self.tr("Title (second language)"), lambda r: r.alt_title, editable=True,
                       sort_key="alt_title"),
            LazyColumn("maker", lambda: self.tr("Maker"), lambda r: r.maker, editable=True, sort_key="maker"),
            LazyColumn("period", lambda: self.tr("Period / dynasty"), lambda r: r.period, editable=True,
                       sort_key="period"),
            LazyColumn("classification", lambda: self.tr("Classification"), lambda r: r.classification,
                       editable=True, sort_key="classification"),
            LazyColumn("medium", lambda: self.tr("Medium"), lambda r: r.medium, editable=True, sort_key="medium"),
            LazyColumn("images", lambda: self.tr("Images"), lambda r: r.image_count, numeric=True, placeholder=False),
        ], lambda ids: objsvc.listed_rows(uow(), ids), parent=self, pool=self._row_pool)
        self.model.edit_requested.connect(self._edit)
        self.model.fetch_failed.connect(self.show_error)
        self.table = self._make_table()
        self.model.sort_requested.connect(self._sort_requested)  # after the view's initial sort call

        self.editor = ObjectEditor(context, self.thumbnails, self.fetch, self.show_error)
        self.editor.closed.connect(self.close_editor)
        self.editor.changed.connect(lambda item_id: self.model.refresh_ids([item_id]))
        self.editor.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("collectionSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)

        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.count_label)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        # Search as you type: wait for a pause, then query (an older answer is dropped).
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_now)
        self.filters.changed.connect(self.load)
        # The editor follows the current row (after a short pause while arrowing through rows).
        self._follow = QTimer(self, singleShot=True, interval=120)
        self._follow.timeout.connect(self._follow_current)

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_search)
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.activated.connect(self.new_object)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_table)

        self.retranslate()

    # --- table ----------------------------------------------------------------------------------
    def _make_table(self) -> CollectionTable:
        view = CollectionTable(self)
        view.setObjectName("collectionTable")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setIconSize(QSize(THUMB_PX, THUMB_PX))
        view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        vh = view.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(view.fontMetrics().height() + 10, THUMB_PX + 6))
        hh = view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        hh.setSortIndicatorShown(True)
        hh.setSectionsClickable(True)
        hh.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        hh.sortIndicatorChanged.connect(self._sort_indicator_changed)
        em = view.fontMetrics().horizontalAdvance("M")
        image_width = max(THUMB_PX + 14, view.fontMetrics().horizontalAdvance(self.tr("Image")) + 16)
        widths = {"image": image_width, "object_number": em * 9, "title": em * 18, "alt_title": em * 14,
                  "maker": em * 11, "period": em * 8, "classification": em * 9, "medium": em * 12, "images": em * 5}
        for i, col in enumerate(self.model.columns):
            view.setColumnWidth(i, widths.get(col.key, em * 10))
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        view.activated.connect(lambda index: self.open_editor(index.row()))
        view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._current_changed(cur.row()))
        view.files_dropped.connect(self._files_dropped)
        copy = QShortcut(QKeySequence.StandardKey.Copy, view)
        copy.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.activated.connect(lambda: copy_selection(view))
        return view

    def fit_columns(self) -> None:
        """Columns as wide as the rows on screen need (within bounds); room left over goes to the titles."""
        view = self.table
        hh = view.horizontalHeader()
        em = view.fontMetrics().horizontalAdvance("M")
        caps = {"title": 18, "alt_title": 18, "object_number": 14, "images": 6}
        for i, col in enumerate(self.model.columns):
            if col.key == "image":
                continue
            view.resizeColumnToContents(i)
            wanted = max(hh.sectionSize(i), hh.sectionSizeHint(i) + em)  # room for the sort arrow
            hh.resizeSection(i, max(min(wanted, em * caps.get(col.key, 12)), em * 4))
        spare = (view.viewport().width() - view.verticalScrollBar().sizeHint().width() - 2
                 - sum(hh.sectionSize(i) for i in range(hh.count())))
        if spare > 0:
            for key, share in (("title", 0.6), ("alt_title", 0.4)):
                i = self._column(key)
                hh.resizeSection(i, hh.sectionSize(i) + int(spare * share))

    def _thumbnail(self, row):
        if not row.primary_image:
            return None
        pm = self.thumbnails.pixmap(row.primary_image, THUMB_PX * 2)
        return pm if pm is not None else self.thumbnails.placeholder(THUMB_PX * 2)

    def _image_tip(self, row) -> str:
        if not row.image_count:
            return self.tr("No image")
        return self.tr("1 image") if row.image_count == 1 else fmt.arg(self.tr("%1 images"), row.image_count)

    def _thumbnail_ready(self, sha: str, px: int) -> None:
        if px != THUMB_PX * 2:
            return
        rows = self.model.rows_with(lambda r: r.primary_image == sha)
        self.model.emit_row_changed(rows, [0])

    @property
    def is_loading(self) -> bool:
        """Queries, row pages or image additions still on their way."""
        return self._loading > 0 or self.model.loading or self.editor.adding_images > 0

    # --- texts ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Collection")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Collection"))
        self.search.setPlaceholderText(self.tr("Search object number, title, maker, description, tags…  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the collection"))
        self.table.setAccessibleName(self.tr("Collection objects"))
        self.new_button.setText(self.tr("New object"))
        self.new_button.setToolTip(self.tr("Add a new object to the collection (Ctrl+N)"))
        self.model.retranslate()
        self._update_count()

    # --- loading --------------------------------------------------------------------------------
    def _search_now(self) -> None:
        if self._debounce.isActive():
            self.load()

    def load(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        flt = self.filters.current()
        if text and not self._had_query:
            self._sort = None  # a new search starts in ranked order
        self._had_query = bool(text)
        self._show_sort_state(text)
        sort, descending = self._sort if self._sort else (None, False)
        query = (text, flt, sort, descending)
        uow = self.context.uow
        if not self._facets_loaded:
            self.fetch(lambda: objsvc.facet_values(uow()), self._show_facets)
        if query == self._query and len(self.model.ids):
            # The same view again (after a delete, an undo, F5): keep the place in the list.
            self.fetch(lambda: objsvc.facet_values(uow()), self._show_facets)
            self.fetch(lambda: (query, objsvc.result_id_array(uow(), *query)), self._show_again)
            return

        def first_screen():
            ids = objsvc.result_id_array(uow(), text, flt, sort, descending, limit=FIRST_SCREEN)
            return query, ids, objsvc.listed_rows(uow(), list(ids))

        self.fetch(first_screen, self._show_first)

    def _show_facets(self, facets) -> None:
        self._facets_loaded = True
        self.filters.set_facets(facets)
        self.editor.set_tag_suggestions(facets.get("tag", []))

    def _show_first(self, result) -> None:
        query, ids, rows = result
        keep = self.current_id()
        self._query = query
        self.model.set_ids(ids, rows)
        if rows and not self._columns_sized:
            self._columns_sized = True
            self.fit_columns()
        if len(ids) < FIRST_SCREEN:
            self._total = len(ids)
        else:
            self._total = None
            uow = self.context.uow
            self.fetch(lambda: (query, objsvc.result_id_array(uow(), *query)), self._show_all)
        self._update_count()
        self._select_id(keep, scroll=True)

    def _show_all(self, result) -> None:
        query, ids = result
        if query != self._query:
            return
        keep = self.current_id()
        self.model.extend_ids(ids)
        self._total = len(ids)
        self._update_count()
        if keep is not None and self.current_id() != keep:
            self._select_id(keep, scroll=True)

    def _show_again(self, result) -> None:
        query, ids = result
        if query != self._query:
            return
        keep, row = self.current_id(), self.table.currentIndex().row()
        scroll = self.table.verticalScrollBar().value()
        self.model.set_ids(ids)
        self._total = len(ids)
        self._update_count()
        self.table.verticalScrollBar().setValue(scroll)
        if not self._select_id(keep, scroll=False) and row >= 0 and len(ids):
            self._select_row(min(row, len(ids) - 1), scroll=False)

    def _update_count(self) -> None:
        total = self._total
        searching = bool(self._query and self._query[0])
        if self._query is None:
            self.count_label.setText("")
        elif total is None:
            self.count_label.setText(self.tr("Searching…") if searching else self.tr("Counting…"))
        elif searching:
            self.count_label.setText(self.tr("1 match") if total == 1 else fmt.arg(self.tr("%1 matches"), fmt.number(total)))
        else:
            self.count_label.setText(self.tr("1 object") if total == 1 else fmt.arg(self.tr("%1 objects"), fmt.number(total)))

    # --- sorting --------------------------------------------------------------------------------
    def _set_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        hh = self.table.horizontalHeader()
        hh.blockSignals(True)
        hh.setSortIndicator(section, order)
        hh.blockSignals(False)
        hh.viewport().update()

    def _show_sort_state(self, text: str) -> None:
        if self._sort is None:
            section = -1 if text else self._column("object_number")
            self._set_sort_indicator(section, Qt.SortOrder.AscendingOrder)
        else:
            key, descending = self._sort
            self._set_sort_indicator(self._column(key),
                                     Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def _column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model.columns) if c.key == key)

    def _sort_indicator_changed(self, section: int, _order) -> None:
        if 0 <= section < len(self.model.columns) and not self.model.columns[section].sort_key:
            self._show_sort_state(self.search.text().strip())  # not a sortable column

    def _sort_requested(self, key: str, descending: bool) -> None:
        wanted = (key, descending) if key else None
        if wanted == self._sort:
            return
        self._sort = wanted
        self.load()

    def sort_by(self, key: str, descending: bool = False) -> None:
        """Sort by a column key as a header click does."""
        self.table.sortByColumn(self._column(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    # --- selection ------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_row_count(self) -> int:
        """Selected rows, counted from the selection's ranges (never a list of 2 million indexes)."""
        rows: set[tuple[int, int]] = {(r.top(), r.bottom()) for r in self.table.selectionModel().selection()}
        return sum(bottom - top + 1 for top, bottom in rows)

    def selected_ids(self, limit: int | None = None) -> list[int]:
        rows: set[int] = set()
        for r in self.table.selectionModel().selection():
            rows.update(range(r.top(), r.bottom() + 1))
            if limit is not None and len(rows) > limit:
                break
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [i for i in (self.model.id_at(r) for r in sorted(rows)) if i is not None]

    def _select_row(self, row: int, scroll: bool = True) -> None:
        index = self.model.index(row, 1)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        if scroll:
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _select_id(self, item_id: int | None, scroll: bool = True) -> bool:
        if item_id is None:
            return False
        row = self.model.row_of_id(item_id)
        if row < 0:
            return False
        self._select_row(row, scroll)
        return True

    def select_object(self, item_id: int) -> bool:
        return self._select_id(item_id)

    def _current_changed(self, row: int) -> None:
        if self.editor.isVisible() and row >= 0:
            self._follow.start()

    def _follow_current(self) -> None:
        item_id = self.current_id()
        if item_id is not None and self.editor.isVisible() and item_id != self.editor.item_id:
            self.editor.show_object(item_id)

    # --- keys -----------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _to_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self._select_row(0)

    # --- the editor -----------------------------------------------------------------------------
    def open_editor(self, row: int | None = None, focus: str | None = "title") -> bool:
        row = self.table.currentIndex().row() if row is None else row
        item_id = self.model.id_at(row) if row is not None else None
        if item_id is None:
            return False
        self.open_object(item_id, focus)
        return True

    def open_object(self, item_id: int, focus: str | None = "title") -> None:
        self.editor.open_beside(self.splitter, item_id, focus, width=520, share=0.42)

    def close_editor(self) -> None:
        if self.editor.isVisible():
            self.editor.hide()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _files_dropped(self, row: int, files: list) -> None:
        item_id = self.model.id_at(row)
        if item_id is None:
            return
        self._select_row(row, scroll=False)
        self.add_images(item_id, files)

    def add_images(self, item_id: int, files: Sequence[str]) -> bool:
        """Add image files to an object (what dropping them on its row does)."""
        return self.editor.add_image_files(files, item_id=item_id)

    # --- in-place edits ---------------------------------------------------------------------------
    def _edit(self, row_index: int, key: str, text: str) -> None:
        row = self.model.row_at(row_index)
        if row is None:
            return
        uow = self.context.uow

        def apply(value: str) -> str:
            return svc.update_item_field(uow(), row.id, key, value)

        try:
            old = apply(text)
        except Exception as exc:  # noqa: BLE001 - validation and conflicts are shown plainly
            self.show_error(exc)
            return
        if old == text.strip():
            return  # nothing changed (the service strips surrounding spaces): nothing to undo

        def after(_value) -> None:
            self.model.refresh_ids([row.id])
            if self.editor.item_id == row.id and self.editor.isVisible():
                self.editor.reload()

        column = next(c for c in self.model.columns if c.key == key)
        label = fmt.arg(self.tr("Edit %1 of %2"), column.title(), row.object_number)
        self.context.undo_stack.push(AppliedEditCommand(label, apply, old, text.strip(), after, self.show_error))
        self.status_message.emit(self.tr("Saved."))

    # --- new and delete ---------------------------------------------------------------------------
    def new_object(self) -> None:
        uow = self.context.uow
        try:
            snapshot = objsvc.create_object(uow())
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return
        item_id = snapshot.id

        def restored() -> None:
            self._reload_then_select(item_id)
            self.open_object(item_id, focus="object_number")

        label = fmt.arg(self.tr("New object %1"), snapshot.object_number)
        self.context.undo_stack.push(RecordsCommand(
            label, None, snapshot,
            delete=lambda: objsvc.delete_objects(uow(), [item_id]),
            restore=lambda value: objsvc.restore_objects(uow(), [value]),
            removed=lambda: self._removed([item_id]), restored=restored, on_error=self.show_error))
        self.status_message.emit(fmt.arg(self.tr("Created %1."), snapshot.object_number))

    def _reload_then_select(self, item_id: int) -> None:
        def select(_=None) -> None:
            self.loaded.disconnect(select)
            self._select_id(item_id)

        self.loaded.connect(select)
        self.load()

    def _removed(self, ids: list[int]) -> None:
        """Objects were deleted (or their creation undone)."""
        if self.editor.item_id in ids:
            self.close_editor()
        self.load()

    def delete_selected(self) -> bool:
        if self.selected_row_count() > MAX_DELETE:
            QMessageBox.information(self, self.tr("Delete objects"),
                                    fmt.arg(self.tr("Select at most %1 objects to delete at once."), fmt.number(MAX_DELETE)))
            return False
        ids = self.selected_ids(limit=MAX_DELETE)
        if not ids:
            return False
        if len(ids) > MAX_DELETE:
            QMessageBox.information(self, self.tr("Delete objects"),
                                    fmt.arg(self.tr("Select at most %1 objects to delete at once."), fmt.number(MAX_DELETE)))
            return False
        uow = self.context.uow
        try:
            summary = objsvc.delete_summary(uow(), ids)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return False
        if len(ids) == 1:
            question = fmt.arg(self.tr("Delete the object %1?"), summary.object_numbers[0] if summary.object_numbers else "")
        else:
            question = fmt.arg(self.tr("Delete %1 objects?"), fmt.number(len(ids)))
        details = []
        if summary.tours:
            details.append(self.tr("It is used in 1 tour; it will be taken out of it.") if summary.tours == 1 else
                           fmt.arg(self.tr("They are used in %1 tours; they will be taken out of them."), summary.tours))
        if summary.products:
            details.append(self.tr("1 product links to it.") if summary.products == 1 else
                           fmt.arg(self.tr("%1 products link to them."), summary.products))
        details.append(self.tr("You can undo this with Edit ▸ Undo."))
        answer = QMessageBox.question(self, self.tr("Delete objects"), question + "\n\n" + "\n".join(details),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            snapshots = objsvc.delete_objects(uow(), ids)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return False

        label = (fmt.arg(self.tr("Delete %1"), snapshots[0].object_number) if len(snapshots) == 1
                 else fmt.arg(self.tr("Delete %1 objects"), len(snapshots)))
        self.context.undo_stack.push(RecordsCommand(
            label, snapshots, None,
            delete=lambda: objsvc.delete_objects(uow(), ids),
            restore=lambda value: objsvc.restore_objects(uow(), value),
            removed=lambda: self._removed(ids), restored=lambda: self._reload_then_select(ids[0]),
            on_error=self.show_error))
        self.status_message.emit(self.tr("Deleted."))
        return True

