"""Importing from online collections: The Met and the Art Institute of Chicago (search, tick the
objects, import them with their images), a IIIF manifest by its address, and "Fetch missing
images" for remote images not downloaded yet.

Every network call runs in the background (``run_task``); the services pace their requests to
each museum's limits (the shared ``HttpClient``), so the dialog never waits for them. Searches
are paged: AIC by its pages, The Met twenty objects at a time (each found object is one more
request). Thumbnails load one after another in the background and appear when they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import collection_import
from curator_console.services import collection_sources as sources
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.context import AppContext
from curator_console.ui.imports.common import platform_error_text, show_message
from curator_console.ui.imports.progress import ProgressDialog
from curator_console.ui.imports.report_dialog import ImageFetchDialog, ReportDialog
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.tasks import run_task
from curator_console.ui.thumbnails import placeholder
from curator_console.ui.workspace import heading

PAGE_SIZE = 20
THUMB_PX = 56


@dataclass(frozen=True)
class SourceEndpoints:
    """Where the museums' APIs are (tests point these at local fake servers)."""

    met: str = sources.MET_API
    aic: str = sources.AIC_API


def source_name(source: str) -> str:
    names = {
        "met": QCoreApplication.translate("OnlineSources", "The Met"),
        "aic": QCoreApplication.translate("OnlineSources", "Art Institute of Chicago"),
        "iiif": QCoreApplication.translate("OnlineSources", "The IIIF server"),
    }
    return names.get(source, source)


def _key(hit: sources.SourceHit) -> tuple[str, str]:
    return hit.source, hit.object_id


class HitsModel(RowsModel):
    """Adapts a page of ``SourceHit`` to rows; the first column carries a check box (kept across
    pages in ``checked``) and the thumbnail once it is loaded (``set_thumbnail``)."""

    checked_changed = Signal()

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent)
        self.checked: dict[tuple[str, str], sources.SourceHit] = {}
        self.thumbnails: dict[str, QPixmap] = {}
        self._placeholder: QPixmap | None = None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 0 and 0 <= index.row() < len(self.rows):
            hit = self.rows[index.row()]
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if _key(hit) in self.checked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DecorationRole:  # a neutral picture until (or unless) it arrives
                found = self.thumbnails.get(hit.thumbnail_url)
                if found is None:
                    if self._placeholder is None:
                        self._placeholder = placeholder(THUMB_PX)
                    found = self._placeholder
                return found
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            self.set_checked(index.row(), checked)
            return True
        return super().setData(index, value, role)

    def set_checked(self, row: int, checked: bool) -> None:
        hit = self.rows[row]
        if checked:
            self.checked[_key(hit)] = hit
        else:
            self.checked.pop(_key(hit), None)
        i = self.index(row, 0)
        self.dataChanged.emit(i, i, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.set_checked(row, _key(self.rows[row]) not in self.checked)

    def clear_checked(self) -> None:
        self.checked.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))
        self.checked_changed.emit()

    def set_thumbnail(self, url: str, pixmap: QPixmap) -> None:
        self.thumbnails[url] = pixmap
        for row, hit in enumerate(self.rows):
            if hit.thumbnail_url == url:
                i = self.index(row, 0)
                self.dataChanged.emit(i, i, [Qt.ItemDataRole.DecorationRole])


def _thumbnail_image(client, url: str) -> QImage:
    """Runs on a worker thread: the image at ``url`` scaled to a thumbnail (QImage, not QPixmap)."""
    data = sources.thumbnail_bytes(client, url)
    image = QImage.fromData(data)
    if image.isNull():
        raise ValueError("not an image")
    return image.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class OnlineSourcesDialog(QDialog):
    """Search The Met or the Art Institute of Chicago, tick objects (across pages), import them with
    their images. ``searched`` is emitted when a search page (or its error) is shown,
    ``thumbnails_done`` when the page's thumbnails have all been tried, ``import_finished`` after an
    import (its report dialog is ``report_dialog``)."""

    searched = Signal()
    thumbnails_done = Signal()
    import_finished = Signal()

    def __init__(self, context: AppContext, on_imported: Callable[[], None], parent: QWidget | None = None,
                 endpoints: SourceEndpoints | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onlineSourcesDialog")
        self.context = context
        self.on_imported = on_imported
        self.endpoints = endpoints or SourceEndpoints()
        self.page = 1
        self.total_pages = 0
        self.total = 0
        self.query = ""
        self._has_more = False
        self._searching = False
        self._generation = 0
        self._status_warn = False
        self._status_fn: Callable[[], str] | None = None
        self._thumb_queue: list[str] = []
        self._thumb_busy = False
        self.progress: ProgressDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.message: QMessageBox | None = None

        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.source_label = QLabel()
        self.source = QComboBox()
        self.source.setObjectName("onlineSourceCombo")
        self.source.addItem("", "met")
        self.source.addItem("", "aic")
        self.source_label.setBuddy(self.source)
        self.query_label = QLabel()
        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("onlineQuery")
        self.query_edit.setClearButtonEnabled(True)
        self.query_label.setBuddy(self.query_edit)
        self.search_button = QPushButton()
        self.search_button.setObjectName("onlineSearchButton")
        self.images_only = QCheckBox()
        self.images_only.setObjectName("onlineImagesOnly")
        self.images_only.setChecked(True)

        self.status = QLabel()
        self.status.setObjectName("onlineStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = HitsModel([
            Column("title", lambda: self.tr("Title"), lambda h: h.title, tooltip=lambda h: h.title),
            Column("artist", lambda: self.tr("Artist / maker"), lambda h: h.artist, tooltip=lambda h: h.artist),
            Column("date", lambda: self.tr("Date"), lambda h: h.date),
            Column("object_number", lambda: self.tr("Object number"), lambda h: h.object_number),
        ], self)
        self.table = QTableView()
        self.table.setObjectName("onlineResultsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(THUMB_PX + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.setMinimumHeight(300)
        self.table.installEventFilter(self)

        self.previous_button = QPushButton()
        self.previous_button.setObjectName("onlinePrevious")
        self.next_button = QPushButton()
        self.next_button.setObjectName("onlineNext")
        self.page_label = QLabel()
        self.page_label.setObjectName("onlinePage")
        self.checked_label = QLabel()
        self.checked_label.setObjectName("onlineChecked")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("onlineClearChecked")

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("onlineImportButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for b in (self.previous_button, self.next_button, self.clear_button, self.close_button):
            b.setAutoDefault(False)
        self.buttons.accepted.connect(self.import_checked)
        self.buttons.rejected.connect(self.reject)

        # --- layout ---
        search_row = QHBoxLayout()
        search_row.addWidget(self.source_label)
        search_row.addWidget(self.source)
        search_row.addSpacing(12)
        search_row.addWidget(self.query_label)
        search_row.addWidget(self.query_edit, 1)
        search_row.addWidget(self.search_button)
        paging = QHBoxLayout()
        paging.addWidget(self.previous_button)
        paging.addWidget(self.page_label)
        paging.addWidget(self.next_button)
        paging.addStretch(1)
        paging.addWidget(self.checked_label)
        paging.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(search_row)
        layout.addWidget(self.images_only)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        layout.addWidget(self.buttons)
        chain = [self.source, self.query_edit, self.search_button, self.images_only, self.table,
                 self.previous_button, self.next_button, self.clear_button, self.import_button, self.close_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

        self.search_button.clicked.connect(self.search)
        self.query_edit.returnPressed.connect(self.search)
        self.query_edit.installEventFilter(self)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.page + 1))
        self.clear_button.clicked.connect(self.model.clear_checked)
        self.model.checked_changed.connect(self._update_state)
        self.search_button.setDefault(True)
        self.retranslate()
        self.resize(940, 640)

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import from online collections"))
        self.title.setText(self.tr("Import from online collections"))
        self.intro.setText(self.tr(
            "Search a museum's open collection, tick the objects you want, and import them with their images. "
            "Objects already in your collection (same object number) are updated."))
        self.source.setItemText(0, source_name("met"))
        self.source.setItemText(1, source_name("aic"))
        self.source_label.setText(self.tr("&Museum:"))
        self.query_label.setText(self.tr("&Search for:"))
        self.query_edit.setPlaceholderText(self.tr("e.g. lotus, blue and white, Monet"))
        self.search_button.setText(self.tr("Searc&h"))
        self.images_only.setText(self.tr("Only objects &with images"))
        self.previous_button.setText(self.tr("◀ &Previous"))
        self.next_button.setText(self.tr("&Next ▶"))
        self.clear_button.setText(self.tr("C&lear ticks"))
        self.source.setAccessibleName(self.tr("Museum to search"))
        self.query_edit.setAccessibleName(self.tr("Search words"))
        self.table.setAccessibleName(self.tr("Search results; press Space to tick or untick an object"))
        self.previous_button.setAccessibleName(self.tr("Previous page of results"))
        self.next_button.setAccessibleName(self.tr("Next page of results"))
        self.model.retranslate()
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                index = self.table.currentIndex()
                if index.isValid():
                    self.model.toggle(index.row())
                return True
        if event.type() == QEvent.Type.FocusIn:
            # Enter searches while typing the words, and imports once the results have the focus.
            if watched is self.query_edit:
                self.search_button.setDefault(True)
            elif watched is self.table:
                self.import_button.setDefault(True)
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self._generation += 1  # a search still running stops asking the museum
        self._thumb_queue.clear()
        super().done(result)

    # --- state ----------------------------------------------------------------------------
    @property
    def current_source(self) -> str:
        return self.source.currentData()

    def _set_status(self, text_fn: Callable[[], str] | None, warn: bool = False) -> None:
        """``text_fn`` makes the text again on a language change."""
        self._status_fn = text_fn
        self._status_warn = warn
        self._update_state()

    def _update_state(self) -> None:
        text = self._status_fn() if self._status_fn else ""
        warn = self._status_warn
        self.status.setText(text)
        appearance.styled(self.status, "color: $error;" if warn else "")
        self.status.setVisible(bool(text))
        self.images_only.setVisible(self.current_source == "met")
        n = len(self.model.checked)
        self.checked_label.setText(fmt.arg(self.tr("%1 ticked"), fmt.number(n)) if n else "")
        self.clear_button.setVisible(n > 0)
        self.import_button.setText(fmt.arg(self.tr("&Import %1 with images"), fmt.number(n)) if n
                                   else self.tr("&Import with images"))
        self.import_button.setEnabled(n > 0)
        self.search_button.setEnabled(not self._searching)
        has_rows = bool(self.model.rows)
        if self.current_source == "aic" and self.total_pages:
            self.page_label.setText(fmt.arg(self.tr("Page %1 of %2 (%3 found)"), fmt.number(self.page),
                                            fmt.number(self.total_pages), fmt.number(self.total)))
        elif has_rows:
            first = (self.page - 1) * PAGE_SIZE + 1
            self.page_label.setText(fmt.arg(self.tr("Results %1–%2"), fmt.number(first),
                                            fmt.number(first + len(self.model.rows) - 1)))
        else:
            self.page_label.setText("")
        self.previous_button.setEnabled(not self._searching and self.page > 1)
        if self.current_source == "aic":
            more = self.page < self.total_pages
        else:
            more = self._has_more
        self.next_button.setEnabled(not self._searching and more)
        for w in (self.previous_button, self.next_button, self.page_label):
            w.setVisible(has_rows or self.page > 1)

    def _source_changed(self, _index: int) -> None:
        self._generation += 1  # a search still running for the other museum is dropped
        self._searching = False
        self.model.set_rows([])
        self.model.clear_checked()
        self.page, self.total_pages, self.total, self._has_more = 1, 0, 0, False
        self._thumb_queue.clear()
        self._set_status(None)

    # --- searching ------------------------------------------------------------------------
    def search(self) -> None:
        query = self.query_edit.text().strip()
        if not query:
            self._set_status(lambda: self.tr("Type what to search for first."), warn=True)
            self.query_edit.setFocus()
            return
        self.query = query
        self.go_to_page(1)

    def go_to_page(self, page: int) -> None:
        if not self.query or page < 1:
            return
        self._generation += 1
        generation = self._generation
        source, query, client = self.current_source, self.query, self.context.http
        name = source_name(source)
        self._searching = True
        self._set_status(lambda: fmt.arg(self.tr("Searching %1 for “%2”…"), source_name(source), query))
        if source == "met":
            has_images, base = self.images_only.isChecked(), self.endpoints.met
            offset = (page - 1) * PAGE_SIZE

            def work():
                # One more than a page tells whether there is a next page.
                hits = sources.search_met(client, query, has_images, limit=PAGE_SIZE + 1, offset=offset,
                                          base_url=base, cancelled=lambda: generation != self._generation)
                return sources.SourcePage(hits[:PAGE_SIZE], 0, page, 0), len(hits) > PAGE_SIZE
        else:
            base = self.endpoints.aic

            def work():
                return sources.search_aic(client, query, page=page, limit=PAGE_SIZE, base_url=base), False

        def done(result) -> None:
            if not isValid(self) or generation != self._generation:
                return
            result_page, more = result
            self._searching = False
            self.page = result_page.page or page
            self.total_pages, self.total, self._has_more = result_page.total_pages, result_page.total, more
            self.model.set_rows(result_page.hits)
            self._size_columns()
            if result_page.hits:
                self._set_status(None)
                self.table.setCurrentIndex(self.model.index(0, 0))
            else:
                self._set_status(lambda: fmt.arg(self.tr("%1 has nothing for “%2”. Try other words."),
                                                 source_name(source), query))
            self._load_thumbnails(result_page.hits)
            self.searched.emit()

        def failed(exc: BaseException) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self._searching = False
            self._set_status(lambda: fmt.arg(self.tr("The search did not work. %1"), platform_error_text(exc, name)),
                             warn=True)
            self.searched.emit()

        run_task(work, done, failed)

    @property
    def is_searching(self) -> bool:
        return self._searching

    def _size_columns(self) -> None:
        for c, most in ((1, 240), (2, 170), (3, 150)):  # the title (column 0) takes the rest
            self.table.resizeColumnToContents(c)
            self.table.setColumnWidth(c, min(max(self.table.columnWidth(c), 90), most))

    # --- thumbnails -----------------------------------------------------------------------
    def _load_thumbnails(self, hits: list[sources.SourceHit]) -> None:
        """Fetch this page's thumbnails one after another (a new page replaces the queue)."""
        wanted = [h.thumbnail_url for h in hits if h.thumbnail_url and h.thumbnail_url not in self.model.thumbnails]
        self._thumb_queue = list(dict.fromkeys(wanted))
        if not self._thumb_busy:
            self._next_thumbnail()

    def _next_thumbnail(self) -> None:
        if not isValid(self):
            return
        if not self._thumb_queue:
            self._thumb_busy = False
            self.thumbnails_done.emit()
            return
        self._thumb_busy = True
        url = self._thumb_queue.pop(0)
        client = self.context.http

        def done(image: QImage) -> None:
            if not isValid(self):
                return
            self.model.set_thumbnail(url, QPixmap.fromImage(image))
            self._next_thumbnail()

        def failed(_exc: BaseException) -> None:  # no thumbnail: a "broken picture" placeholder
            if not isValid(self):
                return
            self.model.set_thumbnail(url, placeholder(THUMB_PX, broken=True))
            self._next_thumbnail()

        run_task(lambda: _thumbnail_image(client, url), done, failed)

    # --- importing ------------------------------------------------------------------------
    def checked_hits(self) -> list[sources.SourceHit]:
        return list(self.model.checked.values())

    def import_checked(self) -> None:
        hits = [h for h in self.checked_hits() if h.source == self.current_source]
        if not hits:
            return
        source, ids = self.current_source, [h.object_id for h in hits]
        client, uow_factory = self.context.http, self.context.uow
        name = source_name(source)
        progress = ProgressDialog(self.tr("Importing"), self)
        progress.set_heading(fmt.arg(self.tr("Fetching %1 objects from %2…"), fmt.number(len(ids)), name))
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.progress = progress
        base = self.endpoints.met if source == "met" else self.endpoints.aic
        importer = sources.import_from_met if source == "met" else sources.import_from_aic

        def work():
            media = MediaStore(paths.media_dir())
            return importer(uow_factory, client, ids, media, progress=progress.source_progress,
                            cancelled=progress.cancelled, base_url=base)

        def done(report) -> None:
            if not isValid(self):
                return
            for hit in hits:  # imported: untick them
                self.model.checked.pop(_key(hit), None)
            if self.model.rows:
                self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(len(self.model.rows) - 1, 0))
            self.model.checked_changed.emit()
            self.report_dialog = open_report(report, self, name)
            try:
                self.on_imported()
            finally:
                self.import_finished.emit()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.message = show_import_error(self, exc, name)
            self.import_finished.emit()

        progress.run(work, done, failed)


def open_report(report, parent: QWidget, source: str) -> ReportDialog:
    dialog = ReportDialog(report, parent, source=source, online=True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


def show_import_error(parent: QWidget, exc: BaseException, source: str) -> QMessageBox:
    if isinstance(exc, collection_import.ImportCancelled):
        return show_message(parent, QMessageBox.Icon.Information,
                            QCoreApplication.translate("OnlineSources", "Import cancelled"),
                            QCoreApplication.translate("OnlineSources", "Import cancelled; nothing was changed."))
    text = fmt.arg(QCoreApplication.translate("OnlineSources", "The import did not work, so nothing was changed. %1"),
                   platform_error_text(exc, source))
    return show_message(parent, QMessageBox.Icon.Warning,
                        QCoreApplication.translate("OnlineSources", "Import failed"), text)


class IiifManifestDialog(QDialog):
    """Paste a IIIF Presentation 2 or 3 manifest's address and import the object it describes,
    with its images. Stays open on failure (to correct the address); closes after an import."""

    import_finished = Signal()

    def __init__(self, context: AppContext, on_imported: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("iiifManifestDialog")
        self.context = context
        self.on_imported = on_imported
        self.progress: ProgressDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.message: QMessageBox | None = None
        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("iiifUrl")
        self.url.setClearButtonEnabled(True)
        self.url.setMinimumWidth(520)
        self.url.setPlaceholderText("https://example.org/iiif/object-1/manifest.json")
        self.allow_http = QCheckBox()
        self.allow_http.setObjectName("iiifAllowHttp")
        self.error = QLabel()
        self.error.setObjectName("iiifError")
        appearance.styled(self.error, "color: $error;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.url_label = QLabel()
        self.url_label.setBuddy(self.url)
        form = QFormLayout()
        form.addRow(self.url_label, self.url)
        form.addRow("", self.allow_http)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("iiifImportButton")
        self.import_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(max(680, self.sizeHint().width()), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import IIIF manifest"))
        self.title.setText(self.tr("Import a IIIF manifest"))
        self.intro.setText(self.tr(
            "Paste the address of a IIIF Presentation manifest (version 2 or 3). The object it describes is "
            "imported with its images."))
        self.url_label.setText(self.tr("Manifest &address:"))
        self.url.setAccessibleName(self.tr("Address of the IIIF manifest"))
        self.allow_http.setText(self.tr("Allow an unencrypted http:// address (trusted local network only)"))
        self.import_button.setText(self.tr("&Import"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def start_import(self) -> None:
        url = self.url.text().strip()
        if not url.lower().startswith(("http://", "https://")):
            self._show_error(self.tr("Enter the manifest's web address, starting with https://."))
            self.url.setFocus()
            return
        self._show_error("")
        client, uow_factory, allow = self.context.http, self.context.uow, self.allow_http.isChecked()
        progress = ProgressDialog(self.tr("Importing"), self)
        progress.set_heading(self.tr("Fetching the IIIF manifest…"))
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.progress = progress
        self.import_button.setEnabled(False)

        def work():
            media = MediaStore(paths.media_dir())
            return sources.import_iiif_manifest(uow_factory, client, url, media, progress=progress.source_progress,
                                                cancelled=progress.cancelled, allow_insecure_http=allow)

        def done(report) -> None:
            if not isValid(self):
                return
            self.import_button.setEnabled(True)
            parent = self.parentWidget() or self
            self.report_dialog = open_report(report, parent, sources.display_address(url))
            self.accept()
            try:
                self.on_imported()
            finally:
                self.import_finished.emit()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.import_button.setEnabled(True)
            if isinstance(exc, collection_import.ImportCancelled):
                self.message = show_import_error(self, exc, source_name("iiif"))
            else:
                self._show_error(fmt.arg(self.tr("The manifest was not imported. %1"),
                                         platform_error_text(exc, source_name("iiif"))))
            self.import_finished.emit()

        progress.run(work, done, failed)


class FetchMissingImages(QObject):
    """Download every remote image not in the media store yet, with progress, then a summary."""

    finished = Signal()

    def __init__(self, parent_widget: QWidget, context: AppContext, on_imported: Callable[[], None]) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.context = context
        self.on_imported = on_imported
        self.progress: ProgressDialog | None = None
        self.summary_dialog: ImageFetchDialog | None = None
        self.message: QMessageBox | None = None
        self.summary: sources.FetchSummary | None = None
        self.ended = False

    def start(self) -> None:
        client, uow_factory = self.context.http, self.context.uow
        progress = ProgressDialog(self.tr("Fetching missing images"), self.parent_widget)
        progress.set_heading(self.tr("Downloading the images not in the media store yet…"))
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.progress = progress

        def work():
            media = MediaStore(paths.media_dir())
            return sources.fetch_missing_images(uow_factory, client, media, progress=progress.source_progress,
                                                cancelled=progress.cancelled)

        progress.run(work, self._done, self._failed)

    def _done(self, summary: sources.FetchSummary) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        self.summary = summary
        self.ended = True
        if not summary.fetched and not summary.failed and not summary.not_tried:
            self.message = show_message(self.parent_widget, QMessageBox.Icon.Information, self.tr("Missing images"),
                                        self.tr("There was nothing to download: every image is in the media "
                                                "store already."))
        else:
            dialog = ImageFetchDialog(summary, self.parent_widget)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.open()
            self.summary_dialog = dialog
        try:
            if summary.fetched:
                self.on_imported()
        finally:
            self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        self.ended = True
        self.message = show_message(self.parent_widget, QMessageBox.Icon.Warning, self.tr("Missing images"),
                                    fmt.arg(self.tr("The images could not be downloaded: %1"),
                                            str(exc) or exc.__class__.__name__))
        self.finished.emit()
