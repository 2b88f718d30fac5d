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

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from curator_console.domain.review_model import SeriesPoint, SessionReport
from curator_console.ui import formatting as fmt
from curator_console.ui.background_export import BackgroundExport
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


class ReviewExport(BackgroundExport):
    """One export (see the module docstring). ``finished(result)`` is emitted with the
    ``ExportResult`` or the exception once the message is shown (``message_box``); nothing is
    emitted when the user cancels the file dialog."""

    def __init__(self, parent: QWidget, kind: str, job: ExportJob) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown export {kind!r}")
        super().__init__(parent)
        self.setObjectName("reviewExport")
        self.kind = kind
        self.job = job

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
        label = (fmt.arg(self.tr("Writing %1…"), target.name) if self.kind == "pdf"
                 else fmt.arg(self.tr("Writing the files into %1…"), str(target)))
        self.show_busy("reviewExportProgress", self.what(), label)
        kind, job = self.kind, self.job
        run_task(lambda: _write(kind, job, target), self._done, self._failed)

    def _done(self, result: ExportResult) -> None:
        if not self.alive():
            return
        if result.kind == "pdf":
            target = result.paths[0]
            text = fmt.arg(self.tr("Saved %1 (one page).") if result.pages == 1 else self.tr("Saved %1 (%2 pages)."),
                           str(target), fmt.number(result.pages))
            open_text = None
        else:
            target = result.paths[0].parent if result.paths else Path()
            text = fmt.arg(self.tr("Saved %1 files in %2: %3."), fmt.number(len(result.paths)), str(target),
                           ", ".join(p.name for p in result.paths))
            open_text = self.tr("&Open folder")
        self.report_saved(result, "reviewExportDone", self.what(), text, target, open_text)

    def _failed(self, exc: BaseException) -> None:
        if not self.alive():
            return
        self.report_failed(exc, "reviewExportFailed", self.what(),
                           self.tr("The PDF could not be written.") if self.kind == "pdf"
                           else self.tr("The files could not be written."), plain=_is_plain(exc))
