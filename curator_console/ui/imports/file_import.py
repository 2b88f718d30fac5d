"""Importing a file, start to finish: choose the file → preview and mapping (with the strict option,
and for orders the store connection) → the import in the background with progress and Cancel →
the report. The kind (``ui.imports.kinds``: collection, products, orders) decides what is imported.

Every step after the file dialog is non-blocking (``open()``, never ``exec()``): the window keeps
repainting while the file is read and imported. Outcomes:

- success → ``ReportDialog`` and ``on_imported()`` (the Collection page reloads);
- cancelled → "Import cancelled; nothing was changed." (the service rolled everything back);
- strict and some rows bad → the report of those rows, titled "Nothing was imported";
- a file that cannot be read, a mapping that cannot be used → a plain message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from shiboken6 import isValid

from curator_console import paths
from curator_console.services import collection_import as svc
from curator_console.ui import formatting as fmt
from curator_console.ui.context import AppContext
from curator_console.ui.imports.common import show_message
from curator_console.ui.imports.kinds import COLLECTION, ImportKind
from curator_console.ui.imports.mapping_dialog import PREVIEW_ROWS, MappingDialog
from curator_console.ui.imports.progress import ProgressDialog
from curator_console.ui.imports.report_dialog import ReportDialog
from curator_console.ui.tasks import run_task


class FileImport(QObject):
    """One file import. ``finished`` is emitted once whatever the outcome (after the last dialog
    opened); ``mapping_dialog``, ``progress``, ``report_dialog`` and ``message`` are the dialogs
    shown, for whoever wants to look (tests do)."""

    finished = Signal()
    imported = Signal(object)  # the ImportReport of a successful import

    def __init__(self, parent_widget: QWidget, context: AppContext, on_imported: Callable[[], None],
                 kind: ImportKind | None = None) -> None:
        super().__init__(parent_widget)
        self.kind = kind or COLLECTION  # objects into the collection, or products into the store
        self.parent_widget = parent_widget
        self.context = context
        self.on_imported = on_imported
        self.path: Path | None = None
        self.mapping_dialog: MappingDialog | None = None
        self.progress: ProgressDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.message: QMessageBox | None = None
        self.outcome = ""  # "", "imported", "cancelled", "refused", "failed", "closed"
        self._busy_cursor = False

    # --- step 1: the file -----------------------------------------------------------------
    def start(self) -> None:
        if self.kind.key == "products":
            title = self.tr("Import products")
            filters = [self.tr("CSV files (*.csv *.tsv *.txt)"), self.tr("All files (*)")]
        elif self.kind.key == "orders":
            title = self.tr("Import orders")
            filters = [self.tr("CSV files (*.csv *.tsv *.txt)"), self.tr("All files (*)")]
        else:
            title = self.tr("Import collection file")
            filters = [self.tr("Collection files (*.csv *.tsv *.txt *.json *.jsonld)"),
                       self.tr("CSV files (*.csv *.tsv *.txt)"),
                       self.tr("JSON files and IIIF manifests (*.json *.jsonld)"),
                       self.tr("All files (*)")]
        path, _filter = QFileDialog.getOpenFileName(self.parent_widget, title, str(Path.home()), ";;".join(filters))
        if path:
            self.open_file(path)
        else:
            self._end("closed")

    def open_file(self, path: str | Path) -> None:
        """Read the preview in the background, then show the mapping dialog."""
        self.path = Path(path)
        target = self.path
        self._set_busy(True)
        preview = self.kind.preview
        run_task(lambda: preview(target, limit=PREVIEW_ROWS), self._preview_ready, self._preview_failed)

    def _set_busy(self, busy: bool) -> None:
        if busy and not self._busy_cursor:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif not busy and self._busy_cursor:
            QGuiApplication.restoreOverrideCursor()
        self._busy_cursor = busy

    def _preview_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isValid(self):
            return
        self._show_error(exc)

    # --- step 2: mapping and options ------------------------------------------------------
    def _preview_ready(self, preview: svc.Preview) -> None:
        self._set_busy(False)
        if not isValid(self) or not isValid(self.parent_widget):
            return
        dialog = MappingDialog(self.path, preview, self.context, self.parent_widget, kind=self.kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._run(dialog))
        dialog.rejected.connect(lambda: self._end("closed"))
        self.mapping_dialog = dialog
        dialog.open()

    # --- step 3: the import ---------------------------------------------------------------
    def _run(self, dialog: MappingDialog) -> None:
        path = self.path
        mapping = dialog.overrides() or None
        encoding, delimiter, strict = dialog.encoding(), dialog.delimiter(), dialog.strict.isChecked()
        options = dialog.run_options()  # the kind's own: the store connection for orders
        progress = ProgressDialog(self.tr("Importing"), self.parent_widget)
        progress.set_heading(fmt.arg(self.tr("Importing “%1”…"), path.name))
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.progress = progress
        uow = self.context.uow()
        media_dir = paths.media_dir()
        run = self.kind.run

        def work() -> svc.ImportReport:
            return run(uow, path, encoding=encoding, delimiter=delimiter, mapping=mapping, strict=strict,
                       media_dir=media_dir, progress=progress.rows_progress, cancelled=progress.cancelled, **options)

        progress.run(work, self._imported, self._failed)

    def _imported(self, report: svc.ImportReport) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        self.report_dialog = self._open_report(report, strict_refused=False)
        try:
            self.on_imported()
        finally:
            self.imported.emit(report)
            self._end("imported")

    def _open_report(self, report: svc.ImportReport, strict_refused: bool) -> ReportDialog:
        dialog = ReportDialog(report, self.parent_widget, source=self.path.name if self.path else "",
                              strict_refused=strict_refused, kind=self.kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        if isinstance(exc, svc.ImportCancelled):
            self.message = show_message(self.parent_widget, QMessageBox.Icon.Information,
                                        self.tr("Import cancelled"), self.tr("Import cancelled; nothing was changed."))
            self._end("cancelled")
        elif isinstance(exc, svc.StrictImportError):
            self.report_dialog = self._open_report(exc.report, strict_refused=True)
            self._end("refused")
        else:
            self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        name = self.path.name if self.path else ""
        if isinstance(exc, svc.ImportFileError):
            text = fmt.arg(self.tr("“%1” cannot be imported: %2"), name, str(exc))
        elif isinstance(exc, svc.MappingError):
            text = fmt.arg(self.tr("The mapping cannot be used: %1"), str(exc))
        else:
            text = fmt.arg(self.tr("The import of “%1” failed, so nothing was changed: %2"), name,
                           str(exc) or exc.__class__.__name__)
        self.message = show_message(self.parent_widget, QMessageBox.Icon.Warning, self.tr("Import failed"), text)
        self._end("failed")

    def _end(self, outcome: str) -> None:
        self.outcome = outcome
        self.finished.emit()
