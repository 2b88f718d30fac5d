"""Importing products from a CSV file: the collection's file-import flow (file → preview and
mapping → background import with progress and Cancel → report) run with the product fields
(``ui.imports.kinds.PRODUCTS``).

``start_product_import(parent, context, on_imported)`` starts it (the Store page's button does);
``make_product_import_action(window, context, on_imported)`` is File ▸ "Import products…".

``FileImportAction`` is what a File-menu import of one kind shares (``ProductImportAction`` here,
``import_orders.OrderImportAction`` for orders); each subclass says its own texts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from curator_console.ui.context import AppContext


def start_file_import(parent: QWidget, context: AppContext, on_imported: Callable[[], None], kind_key: str,
                      path: str | None = None):
    """Ask for a file (or take ``path``) and import it as ``kind_key`` ("products", "orders").
    Returns the ``FileImport`` flow (named ``productImport`` / ``orderImport``)."""
    from curator_console.ui.imports import kinds
    from curator_console.ui.imports.file_import import FileImport

    kind = {"products": kinds.PRODUCTS, "orders": kinds.ORDERS}[kind_key]
    flow = FileImport(parent, context, on_imported, kind=kind)
    flow.setObjectName({"products": "productImport", "orders": "orderImport"}[kind_key])
    if path:
        flow.open_file(path)
    else:
        flow.start()
    return flow


def start_product_import(parent: QWidget, context: AppContext, on_imported: Callable[[], None],
                         path: str | None = None):
    """Ask for a product CSV (or take ``path``) and import it. Returns the ``FileImport`` flow."""
    return start_file_import(parent, context, on_imported, "products", path)


def replace_flow(previous, start: Callable[[], object]):
    """Start a new flow; the previous one, if it has ended, is deleted (its dialogs belong to the window)."""
    if previous is not None and isValid(previous) and getattr(previous, "outcome", ""):
        previous.deleteLater()
    return start()


class FileImportAction(QObject):
    """Owns one File-menu import action of ``kind_key`` and retranslates it on a language change
    (subclasses set the names and say the texts in ``retranslate``)."""

    kind_key = ""
    object_name = ""
    action_name = ""

    def __init__(self, parent_widget: QWidget, context: AppContext, on_imported: Callable[[], None]) -> None:
        super().__init__(parent_widget)
        self.setObjectName(self.object_name)
        self.parent_widget = parent_widget
        self.context = context
        self.on_imported = on_imported
        self.flow = None
        self.action = QAction(parent_widget)
        self.action.setObjectName(self.action_name)
        self.action.triggered.connect(self.start)
        parent_widget.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent_widget and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def start(self, _checked: bool = False):
        self.flow = replace_flow(self.flow, lambda: start_file_import(self.parent_widget, self.context,
                                                                      self.on_imported, self.kind_key))
        return self.flow


class ProductImportAction(FileImportAction):
    """Owns File ▸ "Import products…"."""

    kind_key = "products"
    object_name = "productImportActions"
    action_name = "importProductsAction"

    def retranslate(self) -> None:
        self.action.setText(self.tr("Import &products…"))
        self.action.setStatusTip(self.tr("Import the shop's products from a CSV file (a Shopify export, or columns "
                                         "such as SKU, title, price, stock)."))
        self.action.setToolTip(self.action.text().replace("&", "").rstrip("…"))


def make_product_import_action(parent_widget: QWidget, context: AppContext,
                               on_imported: Callable[[], None]) -> QAction:
    return ProductImportAction(parent_widget, context, on_imported).action
