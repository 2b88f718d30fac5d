"""Move a tour to another computer from the interface: "Export tour to file…" and "Import tour
from file…" in the Tours workspace (``services/tour_transfer.py`` does the work).

    TourFileTransfer(parent, context).export_tour(tour_id, title)   # asks where to save
    TourFileTransfer(parent, context).import_tour()                 # asks which file to open

After the file dialog the work runs on the thread pool behind a window-modal busy dialog (the
window keeps repainting); then a message says what happened: where the file is and what it holds,
or what was imported (objects and products new or already there, images copied), or, plainly,
why it could not be done. ``start_export(path)`` / ``start_import(path)`` skip the file dialog.
``finished(result)`` carries the summary or the exception once the message is shown; nothing is
emitted when the file dialog is cancelled.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from curator_console import paths
from curator_console.domain.tour_file import EXTENSION
from curator_console.persistence.media import MediaStore
from curator_console.services import tour_export, tour_transfer
from curator_console.ui import formatting as fmt
from curator_console.ui.context import AppContext
from curator_console.ui.tasks import run_task

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
MAX_NAME = 120


def tour_file_name(title: str) -> str:
    """``<tour title>.cctour`` with characters no file system accepts replaced."""
    name = " ".join(_UNSAFE.sub(" ", title).split()).strip(" .")[:MAX_NAME].strip(" .")
    return f"{name or 'tour'}{EXTENSION}"


def _documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


class TourFileTransfer(QObject):
    """One export or import of a tour file (a child of ``parent`` until its message is closed)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, context: AppContext) -> None:
        super().__init__(parent)
        self.setObjectName("tourFileTransfer")
        self.parent_widget = parent
        self.context = context
        self.kind = ""  # "export" or "import"
        self.progress: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None
        self.result: object = None

    def _caption(self) -> str:
        return self.tr("Export tour to file") if self.kind == "export" else self.tr("Import tour from file")

    def _filters(self) -> str:
        return ";;".join([self.tr("Curator Console tours (*.cctour)"), self.tr("All files (*)")])

    # --- export -------------------------------------------------------------------------------

    def export_tour(self, tour_id: int, title: str) -> None:
        """Ask where to save tour ``tour_id`` (suggested: its title), then write it."""
        self.kind = "export"
        path, _filter = QFileDialog.getSaveFileName(self.parent_widget, self._caption(),
                                                    str(_documents_folder() / tour_file_name(title)), self._filters())
        if not path:
            self.deleteLater()
            return
        self.start_export(tour_id, path)

    def start_export(self, tour_id: int, path: str | Path) -> None:
        self.kind = "export"
        target = tour_transfer.export_path(path)
        uow = self.context.uow()

        def work():
            return tour_transfer.export_tour_file(uow, MediaStore(paths.media_dir()), tour_id, target)

        self._busy(fmt.arg(self.tr("Writing %1…"), target.name))
        run_task(work, self._exported, self._failed)

    def _exported(self, summary: tour_transfer.ExportSummary) -> None:
        if not self._alive():
            return
        text = fmt.arg(self.tr("Saved the tour “%1” to %2."), summary.title, str(summary.path))
        detail = fmt.arg(self.tr("%1 segments, %2 objects, %3 products, %4 images. Open the file on the other "
                                 "computer with Tours → New tour → Import tour from file…"),
                         summary.segments, summary.objects, summary.products, summary.images)
        icon = QMessageBox.Icon.Information
        if summary.missing_images:
            icon = QMessageBox.Icon.Warning
            detail += "\n\n" + fmt.arg(
                self.tr("%1 images are not in this computer's media folder, so the file names them but does not "
                        "carry them: %2"), len(summary.missing_images), "; ".join(summary.missing_images))
        self._report(summary, "tourFileExported", icon, text, detail)

    # --- import -------------------------------------------------------------------------------

    def import_tour(self) -> None:
        """Ask which tour file to import, then import it."""
        self.kind = "import"
        path, _filter = QFileDialog.getOpenFileName(self.parent_widget, self._caption(), str(_documents_folder()),
                                                    self._filters())
        if not path:
            self.deleteLater()
            return
        self.start_import(path)

    def start_import(self, path: str | Path) -> None:
        self.kind = "import"
        source = Path(path)
        uow = self.context.uow()

        def work():
            return tour_transfer.import_tour_file(uow, MediaStore(paths.media_dir()), source)

        self._busy(fmt.arg(self.tr("Importing %1…"), source.name))
        run_task(work, self._imported, self._failed)

    def _imported(self, summary: tour_transfer.ImportSummary) -> None:
        if not self._alive():
            return
        text = fmt.arg(self.tr("Imported the tour “%1”."), summary.title)
        lines = [
            fmt.arg(self.tr("Objects: %1 new, %2 already there (left as they were)."),
                    summary.objects_created, summary.objects_existing),
            fmt.arg(self.tr("Products: %1 new, %2 already there (left as they were)."),
                    summary.products_created, summary.products_existing),
            fmt.arg(self.tr("Images copied: %1."), summary.images_copied),
        ]
        if summary.title != summary.original_title:
            lines.append(fmt.arg(
                self.tr("A tour titled “%1” was there already, so the imported one is called “%2”."),
                summary.original_title, summary.title))
        if summary.museum_created:
            lines.append(fmt.arg(self.tr("The museum “%1” was added from the file."), summary.museum_code))
        self._report(summary, "tourFileImported", QMessageBox.Icon.Information, text, "\n".join(lines))

    # --- both ---------------------------------------------------------------------------------

    def _alive(self) -> bool:
        return isValid(self) and isValid(self.parent_widget)

    def _busy(self, label: str) -> None:
        self.progress = QProgressDialog(self.parent_widget)
        self.progress.setObjectName("tourFileProgress")
        self.progress.setWindowTitle(self._caption())
        self.progress.setLabelText(label)
        self.progress.setCancelButton(None)
        self.progress.setRange(0, 0)  # busy: no percentage to show
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.show()

    def _close_progress(self) -> None:
        if self.progress is not None and isValid(self.progress):
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None

    def _failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        if self.kind == "export":
            text = self.tr("The tour could not be exported.")
        else:
            text = self.tr("The tour could not be imported. Nothing was changed.")
        if isinstance(exc, (tour_transfer.TourFileError, tour_export.TourExportError)):
            detail = str(exc)
        elif isinstance(exc, OSError):
            detail = exc.strerror or str(exc)
        else:
            detail = fmt.arg(self.tr("Unexpected error: %1"), f"{type(exc).__name__}: {exc}")
        self._report(exc, "tourFileFailed", QMessageBox.Icon.Warning, text, detail)

    def _report(self, result: object, name: str, icon: QMessageBox.Icon, text: str, detail: str) -> None:
        self._close_progress()
        self.result = result
        box = QMessageBox(self.parent_widget)
        box.setObjectName(name)
        box.setIcon(icon)
        box.setWindowTitle(self._caption())
        box.setText(text)
        box.setInformativeText(detail)
        box.addButton(QMessageBox.StandardButton.Close)
        self.message_box = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: self.deleteLater() if isValid(self) else None)
        box.open()  # window-modal, without a nested event loop
        self.finished.emit(result)
