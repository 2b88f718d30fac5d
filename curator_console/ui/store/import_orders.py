"""Importing a store's order export (CSV, one row per order line): the file-import flow (file →
preview, mapping and the store connection → background import with progress and Cancel → report)
run with the order fields (``ui.imports.kinds.ORDERS``; ``services.order_import`` does the work,
exactly once per connection and order ID, in one transaction).

``start_order_import(parent, context, on_imported)`` starts it; ``make_order_import_action(window,
context, on_imported)`` is File ▸ "Import orders…".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from curator_console.ui.context import AppContext
from curator_console.ui.store.import_products import FileImportAction, start_file_import


def start_order_import(parent: QWidget, context: AppContext, on_imported: Callable[[], None],
                       path: str | None = None):
    """Ask for an order CSV (or take ``path``) and import it. Returns the ``FileImport`` flow."""
    return start_file_import(parent, context, on_imported, "orders", path)


class OrderImportAction(FileImportAction):
    """Owns File ▸ "Import orders…"."""

    kind_key = "orders"
    object_name = "orderImportActions"
    action_name = "importOrdersAction"

    def retranslate(self) -> None:
        self.action.setText(self.tr("Import o&rders…"))
        self.action.setStatusTip(self.tr("Import a store's orders from a CSV export (columns such as order ID, "
                                         "date, SKU, quantity, unit price); orders already stored are skipped."))
        self.action.setToolTip(self.action.text().replace("&", "").rstrip("…"))


def make_order_import_action(parent_widget: QWidget, context: AppContext,
                             on_imported: Callable[[], None]) -> QAction:
    return OrderImportAction(parent_widget, context, on_imported).action
