"""Export a session's review: the PDF report, the charts as PNGs, the tables as CSVs.

    ReviewExport(parent, kind, job).begin()   # kind: "pdf", "png" or "csv"

asks for the file (PDF) or the folder (PNGs, CSVs), then writes on the thread pool behind a
window-modal busy dialog (the window keeps repainting) and says how it went: the files written,
with a button to open the file or the folder, or why nothing could be written
(``review_report.ReviewExportError`` and disk errors say it plainly). ``start(path)`` skips the
question (tests use it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from curator_console.domain.review_model import SeriesPoint, SessionReport
from curator_console.ui import formatting as fmt
from curator_console.ui.tasks import run_task
from curator_console.ui.tours.export import suggested_file_name

KINDS = ("pdf", "png", "csv")
PNG_NAMES = ("timeline.png", "products.png", "cumulative.png", "series.png")
CSV_NAMES = ("products.csv", "segments.csv", "minutes.csv")


@dataclass(frozen=True)
class ExportJob:
    """What to export: the report as shown (money problem in the interface language), its labels
    and zone, and how to get the series (run on the worker thread; None: no series page)."""

    report: SessionReport
    labels: Mapping[str, str]
    zone: tzinfo
    series: Callable[[], Sequence[SeriesPoint]] | None = None


@dataclass(frozen=True)
class ExportResult:
    kind: str
    paths: tuple[Path, ...]
    pages: int = 0  # the PDF's


def _write(kind: str, job: ExportJob, target: Path) -> ExportResult:
    from curator_console.documents import review_report as rr

    series = list(job.series()) if job.series is not None else None
    if kind == "pdf":
        pages = rr.export_review_pdf(job.report, target, job.labels, job.zone, series=series)
        return ExportResult(kind, (target,), pages)
    if kind == "png":
        return ExportResult(kind, tuple(rr.export_review_pngs(job.report, target, job.labels, job.zone, series)))
    return ExportResult(kind, tuple(rr.export_review_csvs(job.report, target, job.labels, tz=job.zone)))


def _is_plain(exc: BaseException) -> bool:
    from curator_console.documents.review_report import ReviewExportError

    return isinstance(exc, (ReviewExportError, OSError))


class ReviewExport(QObject):
    """One export (see the module docstring). ``finished(result)`` is emitted with the
    ``ExportResult`` or the exception once the message is shown (``message_box``); nothing is
    emitted when the user cancels the file dialog."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, kind: str, job: ExportJob) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown export {kind!r}")
        self.setObjectName("reviewExport")
        self.parent_widget = parent
        self.kind = kind
        self.job = job
        self.progress: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None
        self.result: object = None

    # --- texts --------------------------------------------------------------------------------
    def what(self) -> str:
        return {"pdf": self.tr("Export PDF report"), "png": self.tr("Export charts as PNG"),
                "csv": self.tr("Export tables as CSV")}[self.kind]

    def _documents(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def suggested_path(self) -> str:
        s = self.job.report.session
        return str(self._documents() / suggested_file_name(s.title or s.tour, self.job.labels["review_report"]))

    # --- flow ---------------------------------------------------------------------------------
    def begin(self) -> None:
        """Ask where to write, then write."""
        if self.kind == "pdf":
            path, _filter = QFileDialog.getSaveFileName(self.parent_widget, self.what(), self.suggested_path(),
                                                        self.tr("PDF files (*.pdf)"))
        else:
            path = QFileDialog.getExistingDirectory(self.parent_widget, self.what(), str(self._documents()))
        if not path:
            self.deleteLater()
            return
        if self.kind != "pdf" and not self._may_replace(Path(path)):
            self.deleteLater()
            return
        self.start(path)

    def _may_replace(self, folder: Path) -> bool:
        names = PNG_NAMES if self.kind == "png" else CSV_NAMES
        there = [n for n in names if (folder / n).is_file()]
        if not there:
            return True
        answer = QMessageBox.question(
            self.parent_widget, self.what(),
            fmt.arg(self.tr("%1 already has %2. Replace them?"), str(folder), ", ".join(there)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def start(self, path: str | Path) -> None:
        """Write to ``path`` (a file for the PDF, ".pdf" added when it has no extension; a folder
        otherwise) in the background."""
        target = Path(path)
        if self.kind == "pdf" and not target.suffix:
            target = target.with_suffix(".pdf")
        self.progress = QProgressDialog(self.parent_widget)
        self.progress.setObjectName("reviewExportProgress")
        self.progress.setWindowTitle(self.what())
        if self.kind == "pdf":
            self.progress.setLabelText(fmt.arg(self.tr("Writing %1…"), target.name))
        else:
            self.progress.setLabelText(fmt.arg(self.tr("Writing the files into %1…"), str(target)))
        self.progress.setCancelButton(None)
        self.progress.setRange(0, 0)  # busy: no percentage to show
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.show()
        kind, job = self.kind, self.job
        run_task(lambda: _write(kind, job, target), self._done, self._failed)

    def _close_progress(self) -> None:
        if self.progress is not None and isValid(self.progress):
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None

    def _done(self, result: ExportResult) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        self._close_progress()
        self.result = result
        box = QMessageBox(self.parent_widget)
        box.setObjectName("reviewExportDone")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.what())
        if result.kind == "pdf":
            path = result.paths[0]
            box.setText(fmt.arg(self.tr("Saved %1 (one page).") if result.pages == 1 else
                                self.tr("Saved %1 (%2 pages)."), str(path), fmt.number(result.pages)))
            url = QUrl.fromLocalFile(str(path))
            open_text = self.tr("&Open")
        else:
            folder = result.paths[0].parent if result.paths else Path()
            box.setText(fmt.arg(self.tr("Saved %1 files in %2: %3."), fmt.number(len(result.paths)), str(folder),
                                ", ".join(p.name for p in result.paths)))
            url = QUrl.fromLocalFile(str(folder))
            open_text = self.tr("&Open folder")
        open_button = box.addButton(open_text, QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("openExportButton")
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_button)
        box.buttonClicked.connect(lambda button: QDesktopServices.openUrl(url) if button is open_button else None)
        self._show(box)
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        self._close_progress()
        self.result = exc
        box = QMessageBox(self.parent_widget)
        box.setObjectName("reviewExportFailed")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.what())
        box.setText(self.tr("The PDF could not be written.") if self.kind == "pdf"
                    else self.tr("The files could not be written."))
        if _is_plain(exc):
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        else:
            detail = fmt.arg(self.tr("Unexpected error: %1"), f"{type(exc).__name__}: {exc}")
        box.setInformativeText(detail)
        box.addButton(QMessageBox.StandardButton.Close)
        self._show(box)
        self.finished.emit(exc)

    def _show(self, box: QMessageBox) -> None:
        self.message_box = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: self.deleteLater() if isValid(self) else None)
        box.open()  # window-modal, without a nested event loop
