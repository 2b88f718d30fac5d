"""Store workspace: the shop's products, their prices and stock, and the objects they belong to."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from curator_console.services import store as svc
from curator_console.ui import formatting as fmt
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import WorkspacePage, heading, resize_columns


class StorePage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("storePage")
        self.header = heading()
        self.count_label = QLabel()
        self.model = RowsModel([
            Column("sku", lambda: self.tr("SKU"), lambda r: r.sku),
            Column("title", lambda: self.tr("Title"), lambda r: r.title),
            Column("alt_title", lambda: self.tr("Title (second language)"), lambda r: r.alt_title),
            Column("price", lambda: self.tr("Price"), lambda r: fmt.money(r.price, r.currency),
                   sort_value=lambda r: float(r.price or 0), numeric=True),
            Column("stock", lambda: self.tr("Stock"), lambda r: fmt.number(r.stock),
                   sort_value=lambda r: -1 if r.stock is None else r.stock, numeric=True,
                   warn=lambda r: r.stock == 0),
            Column("status", lambda: self.tr("Status"), lambda r: self.status_text(r.status)),
            Column("objects", lambda: self.tr("Linked objects"), lambda r: ", ".join(r.linked_objects),
                   sort_value=lambda r: len(r.linked_objects)),
        ], self)
        self.table = self.make_table(self.model, "storeTable")
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def status_text(self, status: str) -> str:
        return {"active": self.tr("On sale"), "draft": self.tr("Draft"), "archived": self.tr("Archived")}.get(status, status)

    def title(self) -> str:
        return self.tr("Store")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Store"))
        self.table.setAccessibleName(self.tr("Products"))
        self.model.retranslate()
        self._update_count()

    def load(self) -> None:
        uow = self.context.uow
        self.fetch(lambda: svc.list_products(uow()), self._show)

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        self._update_count()
        if rows:
            resize_columns(self.table)

    def _update_count(self) -> None:
        rows = self.model.rows
        out = sum(1 for r in rows if r.stock == 0)
        if out:
            text = fmt.arg(self.tr("Products: %1 · out of stock: %2"), fmt.number(len(rows)), fmt.number(out))
        else:
            text = fmt.arg(self.tr("Products: %1"), fmt.number(len(rows)))
        self.count_label.setText(text)
