"""Importing products from a CSV file: the collection's file-import flow (file → preview and
mapping → background import with progress and Cancel → report) run with the product fields
(``ui.imports.kinds.PRODUCTS``).

``start_product_import(parent, context, on_imported)`` starts it (the Store page's button does);
``make_product_import_action(window, context, on_imported)`` is File ▸ "Import products…".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from curator_console.ui.context import AppContext


def start_product_import(parent: QWidget, context: AppContext, on_imported: Callable[[], None],
                         path: str | None = None):
    """Ask for a product CSV (or take ``path``) and import it. Returns the ``FileImport`` flow."""
    from curator_console.ui.imports.file_import import FileImport
    from curator_console.ui.imports.kinds import PRODUCTS

    flow = FileImport(parent, context, on_imported, kind=PRODUCTS)
    flow.setObjectName("productImport")
    if path:
        flow.open_file(path)
    else:
        flow.start()
    return flow


def replace_flow(previous, start: Callable[[], object]):
    """Start a new flow; the previous one, if it has ended, is deleted (its dialogs belong to the window)."""
    if previous is not None and isValid(previous) and getattr(previous, "outcome", ""):
        previous.deleteLater()
    return start()


class ProductImportAction(QObject):
    """Owns File ▸ "Import products…" and retranslates it on a language change."""

    def __init__(self, parent_widget: QWidget, context: AppContext, on_imported: Callable[[], None]) -> None:
        super().__init__(parent_widget)
        self.setObjectName("productImportActions")
        self.parent_widget = parent_widget
        self.context = context
        self.on_imported = on_imported
        self.flow = None
        self.action = QAction(parent_widget)
        self.action.setObjectName("importProductsAction")
        self.action.triggered.connect(self.start)
        parent_widget.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Import &products…"))
        self.action.setStatusTip(self.tr("Import the shop's products from a CSV file (a Shopify export, or columns "
                                         "such as SKU, title, price, stock)."))
        self.action.setToolTip(self.action.text().replace("&", "").rstrip("…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent_widget and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def start(self, _checked: bool = False):
        self.flow = replace_flow(self.flow, lambda: start_product_import(self.parent_widget, self.context,
                                                                         self.on_imported))
        return self.flow


def make_product_import_action(parent_widget: QWidget, context: AppContext,
                               on_imported: Callable[[], None]) -> QAction:
    return ProductImportAction(parent_widget, context, on_imported).action
