"""Store workspace: the shop's products, their prices and stock, and the objects they belong to.

The list (a ``RowsModel`` behind a filtering, sorting proxy) is read in the background; a filter
box narrows it by SKU or title as you type, a status chooser by status (or to what is out of
stock, which is also shown in red). The product editor opens beside the list (Enter or
double-click) and follows the selection. Keys: Ctrl+F filter, Ctrl+N new product, Delete deletes
the selected products (after a question; undoable). "Import products…" reads a CSV file, "Sync
from store…" fetches products and orders from a store connection; both run in the background.
Products are kept in the database, so the list works offline; the last sync is named above it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import store as svc
from curator_console.ui import formatting as fmt
from curator_console.ui import icons
from curator_console.ui.commands import RecordsCommand
from curator_console.ui.store.editor import ProductEditor
from curator_console.ui.store.import_products import replace_flow, start_product_import
from curator_console.ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowsModel
from curator_console.ui.thumbnails import Thumbnails
from curator_console.ui.workspace import WorkspacePage, heading, make_sortable_table, resize_columns

OUT_OF_STOCK = "out_of_stock"  # the status chooser's extra entry


class ProductFilter(QSortFilterProxyModel):
    """Sorts like the other tables (by ``SORT_ROLE``) and keeps the rows whose SKU, title or
    second-language title contains the filter text and whose status matches."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.status = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter(self, text: str, status: str) -> None:
        text = " ".join(text.casefold().split())
        if (text, status) != (self.text, self.status):
            self.text, self.status = text, status
            self.invalidate()

    @property
    def active(self) -> bool:
        return bool(self.text or self.status)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return False
        if self.status == OUT_OF_STOCK:
            if row.stock != 0:
                return False
        elif self.status and row.status != self.status:
            return False
        if self.text:
            haystack = " ".join((row.sku, row.title, row.alt_title)).casefold()
            return all(word in haystack for word in self.text.split())
        return True


class StorePage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("storePage")
        self.flow = None  # the product import last started here
        self.sync = None  # the store sync last started here
        self._pending_select: int | None = None
        self._listed = False  # the list has been read at least once
        self.thumbnails = Thumbnails(MediaStore(paths.media_dir()), self)

        self.header = heading()
        self.count_label = QLabel()
        self.count_label.setObjectName("storeCount")
        self.filter = QLineEdit()
        self.filter.setObjectName("storeFilter")
        self.filter.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("storeStatusFilter")
        for key in ("", "active", "draft", "archived", OUT_OF_STOCK):
            self.status_filter.addItem("", key)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newProductButton")
        self.new_button.setIcon(icons.icon("new"))
        self.new_button.clicked.connect(self.new_product)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteProductsButton")
        self.delete_button.setIcon(icons.icon("delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importProductsButton")
        self.import_button.clicked.connect(lambda: self.start_import())
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncStoreButton")
        self.sync_button.clicked.connect(lambda: self.start_sync())
        self.sync_label = QLabel()
        self.sync_label.setObjectName("lastSynced")
        self.sync_label.setWordWrap(True)
        self.sync_label.setStyleSheet("color: palette(placeholder-text);")

        self.model = RowsModel([
            Column("sku", lambda: self.tr("SKU"), lambda r: r.sku, warn=lambda r: r.stock == 0,
                   tooltip=self._row_tip),
            Column("title", lambda: self.tr("Title"), lambda r: r.title, tooltip=lambda r: r.title),
            Column("alt_title", lambda: self.tr("Title (second language)"), lambda r: r.alt_title,
                   tooltip=lambda r: r.alt_title),
            Column("price", lambda: self.tr("Price"), lambda r: fmt.money(r.price, r.currency),
                   sort_value=lambda r: (r.currency, r.price if r.price is not None else -1), numeric=True),
            Column("stock", lambda: self.tr("Stock"), lambda r: fmt.number(r.stock),
                   sort_value=lambda r: -1 if r.stock is None else r.stock, numeric=True,
                   warn=lambda r: r.stock == 0, tooltip=self._stock_tip),
            Column("status", lambda: self.tr("Status"), lambda r: self.status_text(r.status)),
            Column("objects", lambda: self.tr("Linked objects"), lambda r: ", ".join(r.linked_objects),
                   sort_value=lambda r: len(r.linked_objects), tooltip=lambda r: "\n".join(r.linked_objects)),
            Column("synced", lambda: self.tr("Last synced"), lambda r: fmt.local_datetime(r.synced_at),
                   sort_value=lambda r: r.synced_at.timestamp() if r.synced_at else 0.0),
        ], self)
        self.table = make_sortable_table(self.model, "storeTable", self)
        self.proxy = ProductFilter(self)
        self.proxy.setSourceModel(self.model)
        unused = self.table.model()
        self.table.setModel(self.proxy)  # the filtering proxy instead of the plain sorting one
        unused.deleteLater()
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda index: self.open_editor(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._current_changed(cur.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        # What the list area shows when there is nothing to list.
        self.empty = QWidget()
        self.empty.setObjectName("storeEmpty")
        self.empty_title = heading()
        self.empty_title.setObjectName("storeEmptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel()
        self.empty_text.setObjectName("storeEmptyText")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setMaximumWidth(520)
        self.empty_new = QPushButton()
        self.empty_new.setIcon(icons.icon("new"))
        self.empty_new.clicked.connect(self.new_product)
        self.empty_import = QPushButton()
        self.empty_import.setIcon(icons.icon("import"))
        self.empty_import.clicked.connect(lambda: self.start_import())
        self.empty_sync = QPushButton()
        self.empty_sync.clicked.connect(lambda: self.start_sync())
        self.empty_clear = QPushButton()
        self.empty_clear.setObjectName("clearStoreFilter")
        self.empty_clear.clicked.connect(self.clear_filter)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        for b in (self.empty_new, self.empty_import, self.empty_sync, self.empty_clear):
            empty_buttons.addWidget(b)
        empty_buttons.addStretch(1)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.empty_text, 4)
        text_row.addStretch(1)
        empty_layout.addLayout(text_row)
        empty_layout.addSpacing(8)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.setObjectName("storeListStack")
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.editor = ProductEditor(context, self.thumbnails, self.fetch, self.show_error)
        self.editor.closed.connect(self.close_editor)
        self.editor.changed.connect(lambda _pid: self.load())
        self.editor.open_object.connect(self.open_collection_object)
        self.editor.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("storeSplitter")
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)

        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.count_label)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 3)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.new_button)
        bar.addWidget(self.delete_button)
        bar.addSpacing(12)
        bar.addWidget(self.import_button)
        bar.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.sync_label)
        layout.addWidget(self.splitter, 1)

        self.filter.textChanged.connect(lambda _t: self._apply_filter())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_filter)
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.activated.connect(self.new_product)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_table)
        self.retranslate()
        self._update_buttons()

    # --- texts ----------------------------------------------------------------------------------
    def status_text(self, status: str) -> str:
        return {"active": self.tr("On sale"), "draft": self.tr("Draft"), "archived": self.tr("Archived")}.get(status, status)

    def title(self) -> str:
        return self.tr("Store")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Store"))
        self.table.setAccessibleName(self.tr("Products"))
        self.filter.setPlaceholderText(self.tr("Filter by SKU or title…  (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter the products by SKU or title"))
        self.status_filter.setAccessibleName(self.tr("Show products with this status"))
        for i in range(self.status_filter.count()):
            key = self.status_filter.itemData(i)
            text = (self.tr("All statuses") if not key else self.tr("Out of stock") if key == OUT_OF_STOCK
                    else self.status_text(key))
            self.status_filter.setItemText(i, text)
        self.new_button.setText(self.tr("New product"))
        self.new_button.setToolTip(self.tr("Add a new product to the store (Ctrl+N)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected products (Delete)"))
        self.import_button.setText(self.tr("Import products…"))
        self.import_button.setToolTip(self.tr("Import the shop's products from a CSV file"))
        self.sync_button.setText(self.tr("Sync from store…"))
        self.sync_button.setToolTip(self.tr("Fetch products and orders from a store connection"))
        self.empty_new.setText(self.tr("New product"))
        self.empty_import.setText(self.tr("Import products…"))
        self.empty_sync.setText(self.tr("Sync from store…"))
        self.empty_clear.setText(self.tr("Clear the filter"))
        self.model.retranslate()
        self._update_count()
        self._update_sync_label()
        self._update_empty()

    def _row_tip(self, r) -> str:
        return self.tr("Out of stock") if r.stock == 0 else ""

    def _stock_tip(self, r) -> str:
        if r.stock == 0:
            return self.tr("Out of stock")
        return self.tr("Stock not tracked") if r.stock is None else ""

    # --- loading --------------------------------------------------------------------------------
    def load(self) -> None:
        uow = self.context.uow
        self.fetch(lambda: svc.list_products(uow()), self._show)

    def _show(self, rows) -> None:
        keep = self.current_id() if self._pending_select is None else self._pending_select
        self._pending_select = None
        self._listed = True
        first = not self.model.rows
        if [r.id for r in rows] == [r.id for r in self.model.rows]:
            for i, row in enumerate(rows):  # the same products: refresh in place, keep selection and scroll
                if row != self.model.rows[i]:
                    self.model.replace_row(i, row)
            self.proxy.invalidate()
        else:
            self.model.set_rows(rows)
        if rows and first:
            resize_columns(self.table)
        self._update_count()
        self._update_sync_label()
        self._update_empty()
        if keep is not None:
            self.select_product(keep)
        self._update_buttons()

    @property
    def is_loading(self) -> bool:
        return self._loading > 0 or self.editor.busy > 0

    def _update_count(self) -> None:
        rows = self.model.rows
        out = sum(1 for r in rows if r.stock == 0)
        if self.proxy.active and rows:
            shown = self.proxy.rowCount()
            text = fmt.arg(self.tr("Showing %1 of %2 products"), fmt.number(shown), fmt.number(len(rows)))
            if out:
                text = fmt.arg(self.tr("%1 · out of stock: %2"), text, fmt.number(out))
        elif out:
            text = fmt.arg(self.tr("Products: %1 · out of stock: %2"), fmt.number(len(rows)), fmt.number(out))
        else:
            text = fmt.arg(self.tr("Products: %1"), fmt.number(len(rows)))
        self.count_label.setText(text)

    def _update_sync_label(self) -> None:
        synced = [r for r in self.model.rows if r.synced_at is not None]
        if not self.model.rows:
            self.sync_label.hide()
            return
        if synced:
            last = max(synced, key=lambda r: r.synced_at)
            self.sync_label.setText(fmt.arg(
                self.tr("Last synced from “%1”: %2. The list is kept in the database, so it works offline."),
                last.connection_name or self.tr("a store"), fmt.local_datetime(last.synced_at)))
        else:
            self.sync_label.setText(self.tr("Not synced from a store yet. The list is kept in the database, so it "
                                            "works offline."))
        self.sync_label.show()

    def _update_empty(self) -> None:
        if not self._listed:
            self.list_stack.setCurrentWidget(self.table)
            return
        if not self.model.rows:
            self.empty_title.setText(self.tr("No products yet"))
            self.empty_text.setText(self.tr(
                "Create a product (Ctrl+N), import the shop's product list from a CSV file, or sync from a store "
                "connection. Then link each product to the collection objects it belongs to."))
            filtering = False
        elif self.proxy.rowCount() == 0:
            self.empty_title.setText(self.tr("No product matches"))
            text = self.filter.text().strip()
            if text and self.proxy.status:
                self.empty_text.setText(fmt.arg(self.tr("No product matches “%1” with this status."), text))
            elif text:
                self.empty_text.setText(fmt.arg(self.tr("No product matches “%1”."), text))
            else:
                self.empty_text.setText(self.tr("No product has this status."))
            filtering = True
        else:
            self.list_stack.setCurrentWidget(self.table)
            return
        for b in (self.empty_new, self.empty_import, self.empty_sync):
            b.setVisible(not filtering)
        self.empty_clear.setVisible(filtering)
        self.list_stack.setCurrentWidget(self.empty)

    # --- filter ---------------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.filter.text(), self.status_filter.currentData() or "")
        self._update_count()
        self._update_empty()
        self._update_buttons()

    def clear_filter(self) -> None:
        self.filter.clear()
        self.status_filter.setCurrentIndex(0)
        self._apply_filter()

    def set_status_filter(self, status: str) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _to_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self._select_row(0)

    # --- selection ------------------------------------------------------------------------------
    def row_at(self, view_row: int):
        if not 0 <= view_row < self.proxy.rowCount():
            return None
        return self.proxy.index(view_row, 0).data(ROW_ROLE)

    def current_id(self) -> int | None:
        row = self.row_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        return row.id if row is not None else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [r.id for r in (self.row_at(v) for v in rows) if r is not None]

    def _select_row(self, view_row: int) -> None:
        index = self.proxy.index(view_row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def select_product(self, product_id: int) -> bool:
        for view_row in range(self.proxy.rowCount()):
            row = self.row_at(view_row)
            if row is not None and row.id == product_id:
                if self.current_id() != product_id:
                    self._select_row(view_row)
                return True
        return False

    def _current_changed(self, view_row: int) -> None:
        row = self.row_at(view_row)
        if row is not None and self.editor.isVisible() and row.id != self.editor.product_id:
            self.editor.show_product(row.id)

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(bool(self.selected_ids()))

    # --- the editor -----------------------------------------------------------------------------
    def open_editor(self, view_row: int | None = None, focus: str | None = "title") -> bool:
        view_row = self.table.currentIndex().row() if view_row is None else view_row
        row = self.row_at(view_row)
        if row is None:
            return False
        self.open_product(row.id, focus)
        return True

    def open_product(self, product_id: int, focus: str | None = "title") -> None:
        self.editor.open_beside(self.splitter, product_id, focus, width=480, share=0.4)

    def close_editor(self) -> None:
        if self.editor.isVisible():
            self.editor.hide()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_collection_object(self, item_id: int) -> bool:
        """Show a linked object in the Collection workspace (its editor open)."""
        window = self.window()
        pages = getattr(window, "pages", None)
        nav = getattr(window, "nav", None)
        if not pages or nav is None:
            return False
        for i, page in enumerate(pages):
            if page.objectName() == "collectionPage" and hasattr(page, "open_object"):
                nav.setCurrentRow(i)
                page.open_object(item_id)
                return True
        return False

    # --- new and delete -------------------------------------------------------------------------
    def new_product(self) -> None:
        uow = self.context.uow
        try:
            snapshot = svc.create_product(uow())
        except Exception as exc:  # noqa: BLE001 - shown plainly
            self.show_error(exc)
            return
        product_id = snapshot.id

        def restored() -> None:
            self._reload_then_select(product_id)
            self.open_product(product_id, focus="sku")

        self.clear_filter()
        label = fmt.arg(self.tr("New product %1"), snapshot.sku)
        self.context.undo_stack.push(RecordsCommand(
            label, None, snapshot,
            delete=lambda: svc.delete_products(uow(), [product_id]),
            restore=lambda value: svc.restore_products(uow(), [value]),
            removed=lambda: self._removed([product_id]), restored=restored, on_error=self._undo_failed))
        self.status_message.emit(fmt.arg(self.tr("Created %1."), snapshot.sku))

    def _reload_then_select(self, product_id: int) -> None:
        self._pending_select = product_id
        self.load()

    def _removed(self, ids: list[int]) -> None:
        """Products were deleted (or their creation undone)."""
        if self.editor.product_id in ids:
            self.close_editor()
        self.load()

    def _undo_failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self.load()

    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        uow = self.context.uow
        try:
            summary = svc.product_delete_summary(uow(), ids)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return False
        if len(ids) == 1:
            question = fmt.arg(self.tr("Delete the product %1?"), summary.skus[0] if summary.skus else "")
        else:
            question = fmt.arg(self.tr("Delete %1 products?"), fmt.number(len(ids)))
        details = []
        if summary.tours:
            details.append(self.tr("It is featured in 1 tour; it will be taken out of it.") if summary.tours == 1
                           else fmt.arg(self.tr("They are featured in %1 tours; they will be taken out of them."),
                                        fmt.number(summary.tours)))
        if summary.order_lines:
            details.append(self.tr("Past orders keep their SKU, price and quantity."))
        details.append(self.tr("You can undo this with Edit ▸ Undo."))
        answer = QMessageBox.question(self, self.tr("Delete products"), question + "\n\n" + "\n".join(details),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            snapshots = svc.delete_products(uow(), ids)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            self.load()
            return False

        label = (fmt.arg(self.tr("Delete %1"), snapshots[0].sku) if len(snapshots) == 1
                 else fmt.arg(self.tr("Delete %1 products"), len(snapshots)))
        self.context.undo_stack.push(RecordsCommand(
            label, snapshots, None,
            delete=lambda: svc.delete_products(uow(), ids),
            restore=lambda value: svc.restore_products(uow(), value),
            removed=lambda: self._removed(ids), restored=lambda: self._reload_then_select(ids[0]),
            on_error=self._undo_failed))
        self.status_message.emit(self.tr("Deleted."))
        return True

    # --- import and sync ------------------------------------------------------------------------
    def start_import(self, path: str | None = None):
        """Import products from a CSV file (asked for unless ``path`` is given)."""
        self.flow = replace_flow(self.flow, lambda: start_product_import(self, self.context, self.load, path))
        return self.flow

    def start_sync(self, selected: str = ""):
        """Sync products and orders from a store connection (chosen in a dialog)."""
        self.sync = replace_flow(self.sync, lambda: self._new_sync(selected))
        return self.sync

    def _new_sync(self, selected: str):
        from curator_console.ui.store.sync import StoreSync

        sync = StoreSync(self, self.context, self.load)
        sync.start(selected)
        return sync
