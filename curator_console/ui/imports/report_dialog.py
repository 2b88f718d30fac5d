"""What an import did (``ReportDialog``) and what a download of missing images did
(``ImageFetchDialog``): the counts first, then a sortable table of every problem, and for imports
"Save report as CSV…" (``services.collection_import.write_report_csv``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_console.services import collection_import as svc
from curator_console.services.collection_sources import FetchSummary
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.imports.common import field_label
from curator_console.ui.imports.kinds import COLLECTION, ImportKind
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import heading, make_sortable_table


@dataclass(frozen=True)
class ProblemRow:
    row: int
    object_number: str
    field: str
    rejected: bool
    reason: str


def problem_rows(report: svc.ImportReport) -> list[ProblemRow]:
    """Rejections and warnings in row order (a row's rejections before its warnings)."""
    rows = [ProblemRow(p.row, p.object_number, p.field, True, p.reason) for p in report.rejected]
    rows += [ProblemRow(p.row, p.object_number, p.field, False, p.reason) for p in report.warnings]
    rows.sort(key=lambda r: (r.row, not r.rejected))
    return rows


def make_problem_table(model: RowsModel, name: str, parent: QWidget) -> QTableView:
    view = make_sortable_table(model, name, parent)
    view.setMinimumHeight(220)
    return view


def _count_font(label: QLabel) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)


class ReportDialog(QDialog):
    """The report of one import. ``strict_refused`` shows it as the reason nothing was imported.
    ``counts`` maps ``imported``/``updated``/``unchanged``/``rejected``/``warnings`` to their labels."""

    def __init__(self, report: svc.ImportReport, parent: QWidget | None = None, *, source: str = "",
                 strict_refused: bool = False, online: bool = False, kind: ImportKind | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.kind = kind or COLLECTION
        self.report = report
        self.source = source or (Path(report.path).name if report.path else "")
        self.strict_refused = strict_refused
        self.online = online  # ``source`` names a museum or server rather than a file
        self.saved_to: Path | None = None
        self.rows = problem_rows(report)

        self.title = heading()
        self.intro = QLabel()
        self.intro.setObjectName("reportIntro")
        self.intro.setWordWrap(True)
        self.counts: dict[str, QLabel] = {}
        self.count_names: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        for column, key in enumerate(("imported", "updated", "unchanged", "rejected", "warnings")):
            value = QLabel()
            value.setObjectName(f"reportCount_{key}")
            _count_font(value)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            name = QLabel()
            name.setBuddy(value)
            self.counts[key] = value
            self.count_names[key] = name
            grid.addWidget(value, 0, column)
            grid.addWidget(name, 1, column)
        grid.setColumnStretch(5, 1)
        self.unknown = QLabel()
        self.unknown.setObjectName("reportUnknownColumns")
        self.unknown.setWordWrap(True)
        self.problems_heading = QLabel()
        font = self.problems_heading.font()
        font.setBold(True)
        self.problems_heading.setFont(font)

        self.model = RowsModel([
            Column("row", lambda: self.tr("Row"), lambda r: fmt.number(r.row) if r.row else "",
                   sort_value=lambda r: r.row, numeric=True),
            Column("object_number", self._key_title, lambda r: r.object_number),
            Column("field", lambda: self.tr("Field"), lambda r: field_label(r.field),
                   sort_value=lambda r: field_label(r.field)),
            Column("status", lambda: self.tr("Result"),
                   lambda r: self.tr("Rejected") if r.rejected else self.tr("Imported with a warning"),
                   sort_value=lambda r: (not r.rejected, r.row), warn=lambda r: r.rejected),
            Column("reason", lambda: self.tr("Reason"), lambda r: r.reason, tooltip=lambda r: r.reason),
        ], self)
        self.model.set_rows(self.rows)
        self.table = make_problem_table(self.model, "importProblemsTable", self)
        self.table.setVisible(bool(self.rows))
        self.table.resizeColumnsToContents()
        for c in range(4):
            self.table.setColumnWidth(c, min(max(self.table.columnWidth(c), 70), 220))
        self.saved_note = QLabel()
        self.saved_note.setObjectName("reportSavedNote")
        self.saved_note.setWordWrap(True)
        self.saved_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveReportButton")
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(bool(self.rows))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.ask_and_save_csv)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.unknown)
        layout.addWidget(self.problems_heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(960, 560 if self.rows else self.sizeHint().height())

    def _key_title(self) -> str:
        if self.kind.key == "products":
            return self.tr("SKU")
        if self.kind.key == "orders":
            return self.tr("Order ID")
        return self.tr("Object number")

    def retranslate(self) -> None:
        r = self.report
        products = self.kind.key == "products"
        orders = self.kind.key == "orders"
        if self.strict_refused and orders:
            self.setWindowTitle(self.tr("Nothing was imported"))
            self.title.setText(self.tr("Nothing was imported"))
            self.intro.setText(fmt.arg(self.tr(
                "“%1” has %2 rows with problems, and the whole file was to be rejected if any row had one. No "
                "order was stored. Correct the rows listed below, or import again without that option to skip "
                "the orders they belong to."), self.source, fmt.number(r.rejected_rows)))
        elif self.strict_refused and products:
            self.setWindowTitle(self.tr("Nothing was imported"))
            self.title.setText(self.tr("Nothing was imported"))
            self.intro.setText(fmt.arg(self.tr(
                "“%1” has %2 rows with problems, and the whole file was to be rejected if any row had one. The "
                "products are unchanged. Correct the rows listed below, or import again without that option to "
                "skip them."), self.source, fmt.number(r.rejected_rows)))
        elif self.strict_refused:
            self.setWindowTitle(self.tr("Nothing was imported"))
            self.title.setText(self.tr("Nothing was imported"))
            self.intro.setText(fmt.arg(self.tr(
                "“%1” has %2 rows with problems, and the whole file was to be rejected if any row had one. The "
                "collection is unchanged. Correct the rows listed below, or import again without that option to "
                "skip them."), self.source, fmt.number(r.rejected_rows)))
        else:
            self.setWindowTitle(self.tr("Import report"))
            self.title.setText(self.tr("Import finished"))
            if orders:
                self.intro.setText(fmt.arg(self.tr(
                    "“%1” was imported into the orders of the connection “%2”. Orders it held already were not "
                    "stored again."), self.source, getattr(r, "connection", "")))
            elif products:
                self.intro.setText(fmt.arg(self.tr("“%1” was imported into the store's products."), self.source))
            elif self.online:
                self.intro.setText(fmt.arg(self.tr("The objects from %1 were imported into the collection of %2."),
                                           self.source, r.museum))
            elif r.museum:
                self.intro.setText(fmt.arg(self.tr("“%1” was imported into the collection of %2."), self.source,
                                           r.museum))
            else:
                self.intro.setText(fmt.arg(self.tr("“%1” was imported into the collection."), self.source))
        values = {"imported": r.imported, "updated": r.updated, "unchanged": r.unchanged,
                  "rejected": r.rejected_rows, "warnings": len(r.warnings)}
        names = {"imported": self.tr("new products") if products else self.tr("new objects"), "updated": self.tr("updated"),
                 "unchanged": self.tr("unchanged"), "rejected": self.tr("rows rejected"),
                 "warnings": self.tr("warnings")}
        if orders:  # orders are never updated: new ones, and those stored before
            names.update(imported=self.tr("new orders"), unchanged=self.tr("already there"))
        self.counts["updated"].setVisible(not orders)
        self.count_names["updated"].setVisible(not orders)
        for key, label in self.counts.items():
            label.setText(fmt.number(values[key]))
            label.setAccessibleName(fmt.arg(self.tr("%1: %2"), names[key], fmt.number(values[key])))
            self.count_names[key].setText(names[key])
        if self.strict_refused:
            for key in ("imported", "updated", "unchanged"):
                self.counts[key].setText("–")
        appearance.styled(self.counts["rejected"], "color: $error;" if r.rejected_rows else "")
        if r.unknown_headers:
            self.unknown.setText(fmt.arg(self.tr("Columns not imported (no field chosen): %1"),
                                         ", ".join(r.unknown_headers)))
        self.unknown.setVisible(bool(r.unknown_headers))
        if self.rows:
            self.problems_heading.setText(self.tr("Problems, by row (rows as a spreadsheet numbers them)"))
        else:
            self.problems_heading.setText(self.tr("No row had a problem."))
        self.table.setAccessibleName(self.tr("Problems found in the import"))
        self.model.retranslate()
        self.save_button.setText(self.tr("&Save report as CSV…"))
        self.save_button.setAccessibleName(self.tr("Save the list of problems as a CSV file"))
        if self.saved_to is not None:
            self.saved_note.setText(fmt.arg(self.tr("The report was saved to %1."), str(self.saved_to)))
        self.saved_note.setVisible(bool(self.saved_note.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def suggested_path(self) -> str:
        if self.report.path and not self.report.path.startswith(("http://", "https://")):
            p = Path(self.report.path)
            return str(p.with_name(f"{p.stem}-import-report.csv"))
        return str(Path.home() / "import-report.csv")

    def ask_and_save_csv(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save report as CSV"), self.suggested_path(),
                                                    self.tr("CSV files (*.csv)"))
        if path:
            self.save_csv(path)

    def save_csv(self, path: str | Path) -> None:
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".csv")
        try:
            self.saved_to = self.kind.write_report_csv(self.report, path)
        except OSError as exc:
            self.saved_to = None
            self.saved_note.setText(fmt.arg(self.tr("The report could not be saved: %1"), exc.strerror or str(exc)))
            appearance.styled(self.saved_note, "color: $error;")
            self.saved_note.setVisible(True)
            return
        appearance.styled(self.saved_note, "")
        self.retranslate()


class ImageFetchDialog(QDialog):
    """What "Fetch missing images" (or an import's image step) did: downloaded / failed, with reasons."""

    def __init__(self, summary: FetchSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageFetchDialog")
        self.summary = summary
        self.title = heading()
        self.counts: dict[str, QLabel] = {}
        self.count_names: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        for column, key in enumerate(("fetched", "failed", "left")):
            value = QLabel()
            value.setObjectName(f"fetchCount_{key}")
            _count_font(value)
            name = QLabel()
            name.setBuddy(value)
            self.counts[key], self.count_names[key] = value, name
            grid.addWidget(value, 0, column)
            grid.addWidget(name, 1, column)
        grid.setColumnStretch(3, 1)
        self.note = QLabel()
        self.note.setObjectName("fetchNote")
        self.note.setWordWrap(True)
        self.model = RowsModel([
            Column("object_number", lambda: self.tr("Object number"), lambda r: r.item),
            Column("reason", lambda: self.tr("Reason"), lambda r: r.reason, tooltip=lambda r: r.reason),
            Column("url", lambda: self.tr("Image address"), lambda r: r.url, tooltip=lambda r: r.url),
        ], self)
        self.model.set_rows(summary.failed)
        self.table = make_problem_table(self.model, "imageFailuresTable", self)
        self.table.setVisible(bool(summary.failed))
        self.table.resizeColumnsToContents()
        for c in range(2):
            self.table.setColumnWidth(c, min(max(self.table.columnWidth(c), 90), 340))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(820, 460 if summary.failed else self.sizeHint().height())

    def retranslate(self) -> None:
        s = self.summary
        self.setWindowTitle(self.tr("Missing images"))
        self.title.setText(self.tr("Downloading missing images finished") if not s.cancelled
                           else self.tr("Downloading missing images was cancelled"))
        values = {"fetched": s.fetched, "failed": len(s.failed), "left": len(s.not_tried)}
        names = {"fetched": self.tr("downloaded"), "failed": self.tr("could not be downloaded"),
                 "left": self.tr("left for later")}
        for key, label in self.counts.items():
            label.setText(fmt.number(values[key]))
            label.setAccessibleName(fmt.arg(self.tr("%1: %2"), names[key], fmt.number(values[key])))
            self.count_names[key].setText(names[key])
        appearance.styled(self.counts["failed"], "color: $error;" if s.failed else "")
        notes = []
        if s.stopped:
            notes.append(fmt.arg(self.tr(
                "A server asked for a pause (%1), so the remaining images were not tried. Run “Fetch missing "
                "images” again later."), s.stopped.rstrip(".")))
        elif s.cancelled and s.not_tried:
            notes.append(self.tr("The images not downloaded yet stay in the list; run “Fetch missing images” again "
                                 "to get them."))
        if s.failed:
            notes.append(self.tr("The images below keep their web address, so they can be tried again later."))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.table.setAccessibleName(self.tr("Images that could not be downloaded"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
