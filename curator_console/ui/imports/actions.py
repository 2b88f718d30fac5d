"""The import actions the main window puts in its File menu and the Collection page in its toolbar.

    actions = make_import_actions(window, context, on_imported=collection_page.load)
    file_menu.addActions(actions)            # and/or toolbar.addActions(actions)

Call it ONCE per window and share the returned actions between the menu and the toolbar (two sets
would give two actions the same Ctrl+I shortcut). The actions, in order:

0. "Import collection file…" (Ctrl+I) — CSV / JSON / IIIF manifest file, with the mapping dialog;
1. "Import from online collections…" — The Met and the Art Institute of Chicago;
2. "Import IIIF manifest…" — by its web address;
3. "Fetch missing images" — download remote images not in the media store yet.

``on_imported()`` is called on the GUI thread after anything was imported (or images were fetched),
so the Collection page can reload. The actions retranslate themselves on a language change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from curator_console.ui.context import AppContext

# The flows (and the network code behind them) are imported when an action is first used, so
# building the menus costs nothing at start-up.


class ImportActions(QObject):
    """Owns the four actions and whatever they have open (``file_import``, ``online_dialog``,
    ``iiif_dialog``, ``image_fetch``). A child of ``parent_widget``; find it with
    ``parent_widget.findChild(ImportActions)``."""

    def __init__(self, parent_widget: QWidget, context: AppContext, on_imported: Callable[[], None],
                 endpoints=None) -> None:
        super().__init__(parent_widget)
        self.setObjectName("importActions")
        self.parent_widget = parent_widget
        self.context = context
        self.on_imported = on_imported
        self.endpoints = endpoints  # None: the museums' public APIs
        self.file_import = None
        self.online_dialog = None
        self.iiif_dialog = None
        self.image_fetch = None

        self.import_file = QAction(parent_widget)
        self.import_file.setObjectName("importCollectionFileAction")
        self.import_file.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.import_file.triggered.connect(self.start_file_import)
        self.import_online = QAction(parent_widget)
        self.import_online.setObjectName("importOnlineAction")
        self.import_online.triggered.connect(self.open_online_sources)
        self.import_iiif = QAction(parent_widget)
        self.import_iiif.setObjectName("importIiifAction")
        self.import_iiif.triggered.connect(self.open_iiif)
        self.fetch_images = QAction(parent_widget)
        self.fetch_images.setObjectName("fetchMissingImagesAction")
        self.fetch_images.triggered.connect(self.start_image_fetch)
        self.actions = [self.import_file, self.import_online, self.import_iiif, self.fetch_images]
        parent_widget.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_file.setText(self.tr("&Import collection file…"))
        self.import_file.setStatusTip(self.tr("Import objects from a CSV or JSON file or a IIIF manifest file."))
        self.import_online.setText(self.tr("Import from &online collections…"))
        self.import_online.setStatusTip(self.tr("Search The Met or the Art Institute of Chicago and import "
                                                "objects with their images."))
        self.import_iiif.setText(self.tr("Import II&IF manifest…"))
        self.import_iiif.setStatusTip(self.tr("Import the object a IIIF manifest describes, by its web address."))
        self.fetch_images.setText(self.tr("&Fetch missing images"))
        self.fetch_images.setStatusTip(self.tr("Download the images that are only linked so far into the media "
                                               "store."))
        for action in self.actions:
            action.setToolTip(action.text().replace("&", "").rstrip("…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent_widget and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    # --- what the actions do ----------------------------------------------------------------
    def _new_file_import(self):
        from curator_console.ui.imports.file_import import FileImport

        if self.file_import is not None and isValid(self.file_import) and self.file_import.outcome:
            self.file_import.deleteLater()  # the previous one has ended; its dialogs belong to the window
        flow = FileImport(self.parent_widget, self.context, self.on_imported)
        self.file_import = flow
        return flow

    def start_file_import(self):
        flow = self._new_file_import()
        flow.start()
        return flow

    def import_path(self, path: str):
        """The file import without the file dialog (e.g. for a file dropped on the window)."""
        flow = self._new_file_import()
        flow.open_file(path)
        return flow

    def open_online_sources(self):
        from curator_console.ui.imports.online_sources import OnlineSourcesDialog, SourceEndpoints

        if self.online_dialog is not None and isValid(self.online_dialog) and self.online_dialog.isVisible():
            self.online_dialog.raise_()
            self.online_dialog.activateWindow()
            return self.online_dialog
        dialog = OnlineSourcesDialog(self.context, self.on_imported, self.parent_widget,
                                     self.endpoints or SourceEndpoints())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.online_dialog = dialog
        dialog.open()
        return dialog

    def open_iiif(self):
        from curator_console.ui.imports.online_sources import IiifManifestDialog

        dialog = IiifManifestDialog(self.context, self.on_imported, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.iiif_dialog = dialog
        dialog.open()
        return dialog

    def start_image_fetch(self):
        from curator_console.ui.imports.online_sources import FetchMissingImages

        flow = FetchMissingImages(self.parent_widget, self.context, self.on_imported)
        if self.image_fetch is not None and isValid(self.image_fetch) and self.image_fetch.ended:
            self.image_fetch.deleteLater()
        self.image_fetch = flow
        flow.start()
        return flow


def make_import_actions(parent_widget: QWidget, context: AppContext, on_imported: Callable[[], None],
                        endpoints=None) -> list[QAction]:
    """The four import actions (see the module docstring). ``endpoints`` points The Met and AIC
    elsewhere (tests); by default the museums' public APIs."""
    return ImportActions(parent_widget, context, on_imported, endpoints).actions
