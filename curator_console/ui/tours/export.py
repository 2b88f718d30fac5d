"""Export a tour's run-of-show PDF or its cue cards from the interface.

    export_tour(parent, context, tour_id, cards=False)

reads the tour's title in the background, asks for a file name (suggested from the title), then
writes the PDF on the thread pool behind a window-modal busy dialog (the window keeps repainting)
and says how it went: where the file is, with a button to open it, or why it could not be written.
``TourExport`` is the object doing it (a child of ``parent``); ``start(path)`` skips the question.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import tour_export
from curator_console.services import tours as tours_svc
from curator_console.ui import formatting as fmt
from curator_console.ui.background_export import BackgroundExport
from curator_console.ui.context import AppContext
from curator_console.ui.export_labels import document_labels
from curator_console.ui.tasks import run_task

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
MAX_NAME = 120


def suggested_file_name(title: str, document: str) -> str:
    """``<tour title> - <document>.pdf`` with characters no file system accepts replaced."""
    name = _UNSAFE.sub(" ", f"{title.strip()} - {document}" if title.strip() else document)
    name = " ".join(name.split()).strip(" .")[:MAX_NAME].strip(" .")
    return f"{name or 'tour'}.pdf"


class TourExport(BackgroundExport):
    """One export: read the title, ask for the file, write it in the background, report.

    ``finished(result)`` is emitted with the ``ExportSummary`` or the exception once the result
    message is shown (``message_box``); nothing is emitted when the user cancels the file dialog."""

    def __init__(self, parent: QWidget, context: AppContext, tour_id: int, cards: bool) -> None:
        super().__init__(parent)
        self.setObjectName("tourExport")
        self.context = context
        self.tour_id = tour_id
        self.cards = cards
        self.title = ""

    # --- texts --------------------------------------------------------------------------------

    def document_name(self) -> str:
        return document_labels()["cue_cards" if self.cards else "run_of_show"]

    def suggested_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        return str(base / suggested_file_name(self.title, self.document_name()))

    # --- flow ---------------------------------------------------------------------------------

    def begin(self) -> None:
        """Read the tour's title in the background, then ask where to save."""
        uow = self.context.uow()
        run_task(lambda: tours_svc.get_tour(uow, self.tour_id), self._got_tour, self._failed)

    def _got_tour(self, tour) -> None:
        if not self.alive():
            return
        if tour is None:
            self._failed(tour_export.TourExportError(self.tr("This tour no longer exists.")))
            return
        self.title = tour.title
        caption = self.tr("Export cue cards") if self.cards else self.tr("Export run of show")
        path, _filter = QFileDialog.getSaveFileName(self.parent_widget, caption, self.suggested_path(),
                                                    self.tr("PDF files (*.pdf)"))
        if not path:
            self.deleteLater()
            return
        self.start(path)

    def start(self, path: str | Path) -> None:
        """Write the PDF to ``path`` (".pdf" added when it has no extension) in the background."""
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".pdf")
        self.show_busy("tourExportProgress", self.document_name(), fmt.arg(self.tr("Writing %1…"), path.name))
        labels = document_labels()
        speed = self.context.settings.reading_speed
        uow = self.context.uow()
        cards, tour_id = self.cards, self.tour_id

        def work():
            return tour_export.export_tour_pdf(uow, MediaStore(paths.media_dir()), tour_id, path, cards=cards,
                                               labels=labels, speed=speed)

        run_task(work, self._done, self._failed)

    def _done(self, summary: tour_export.ExportSummary) -> None:
        if not self.alive():
            return
        text = (fmt.arg(self.tr("Saved %1 (one page)."), str(summary.path)) if summary.pages == 1
                else fmt.arg(self.tr("Saved %1 (%2 pages)."), str(summary.path), summary.pages))
        self.report_saved(summary, "tourExportDone", self.document_name(), text, summary.path)

    def _failed(self, exc: BaseException) -> None:
        if not self.alive():
            return
        self.report_failed(exc, "tourExportFailed", self.document_name(), self.tr("The PDF could not be written."),
                           plain=isinstance(exc, (tour_export.TourExportError, OSError)))


def export_tour(parent: QWidget, context: AppContext, tour_id: int, cards: bool) -> None:
    """Export tour ``tour_id`` as a run-of-show PDF, or as cue cards when ``cards``."""
    TourExport(parent, context, tour_id, cards).begin()
