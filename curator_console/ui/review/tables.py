"""The Review workspace's tables: what each product and each segment of a session did.

Both are ``RowsModel``s (declared columns, numbers sorted as numbers: money by its amount, a lift
by its percentage with "new" above every figure and "—" below) behind a ``QSortFilterProxyModel``.
Ctrl+C and the context menu's Copy put the selected rows on the clipboard as tab-separated text
with the header line, ready to paste into a spreadsheet: money as plain amounts (``1393.00``, the
currency is in the header), counts as plain numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from curator_console.documents.review_text import lift_cell
from curator_console.domain.money import Money
from curator_console.domain.review_model import NEW_SALES, Lift, ProductResult, SegmentResult
from curator_console.ui import formatting as fmt
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import make_sortable_table

COPY_ROLE = Qt.ItemDataRole.UserRole + 10  # the plain value a copy puts on the clipboard
DASH = "—"
LOW = -math.inf  # "—" sorts below every figure


def _money_sort(amount: Decimal | None) -> float:
    return LOW if amount is None else float(amount)


def _lift_sort(lift: Lift) -> float:
    if lift.reason == NEW_SALES:
        return math.inf  # the baseline sold nothing: above every percentage
    return LOW if lift.percent is None else float(lift.percent)


def _rate_text(value: Decimal | None) -> str:
    return DASH if value is None else QLocale().toString(float(value), "f", 1)


def _plain_money(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else str(Money(amount, currency).quantized())


class ReviewTableModel(RowsModel):
    """A ``RowsModel`` knowing the report's currency and labels, with a plain value per cell for
    copying (``copy`` functions by column key; the shown text otherwise)."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self.currency = "CNY"
        self.labels: Mapping[str, str] = {}
        self.copy: dict[str, Callable[[object], str]] = {}
        self.columns = self.make_columns()

    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def money(self, amount: Decimal | None) -> str:
        return DASH if amount is None else fmt.money(amount, self.currency)

    def set_report(self, rows, currency: str, labels: Mapping[str, str]) -> None:
        self.currency = currency
        self.labels = labels
        self.set_rows(rows)
        self.retranslate()

    def set_labels(self, labels: Mapping[str, str]) -> None:
        self.labels = labels
        self.retranslate()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == COPY_ROLE and index.isValid() and 0 <= index.row() < len(self.rows):
            key = self.columns[index.column()].key
            if key in self.copy:
                return self.copy[key](self.rows[index.row()])
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)


class ProductsModel(ReviewTableModel):
    """One row per product sold in the session (``ProductResult``), highest revenue first."""

    def make_columns(self) -> list[Column]:
        self.copy = {
            "revenue": lambda p: _plain_money(p.revenue, self.currency),
            "baseline_revenue": lambda p: _plain_money(p.baseline_revenue, self.currency),
            "units": lambda p: str(p.units),
            "orders": lambda p: str(p.orders),
            "featured": lambda p: str(int(round(p.featured_seconds))),
            "rate_featured": lambda p: "" if p.units_per_min_featured is None else f"{p.units_per_min_featured:.2f}",
            "rate_rest": lambda p: "" if p.units_per_min_rest is None else f"{p.units_per_min_rest:.2f}",
        }
        return [
            Column("sku", lambda: QCoreApplication.translate("ReviewTables", "SKU"), lambda p: p.sku),
            Column("product", lambda: QCoreApplication.translate("ReviewTables", "Product"), lambda p: p.title or DASH,
                   sort_value=lambda p: (p.title or p.sku).casefold()),
            Column("units", lambda: QCoreApplication.translate("ReviewTables", "Units"), lambda p: fmt.number(p.units), sort_value=lambda p: p.units,
                   numeric=True),
            Column("orders", lambda: QCoreApplication.translate("ReviewTables", "Orders"), lambda p: fmt.number(p.orders), sort_value=lambda p: p.orders,
                   numeric=True),
            Column("revenue", lambda: fmt.arg(QCoreApplication.translate("ReviewTables", "Revenue (%1)"), self.currency), lambda p: self.money(p.revenue),
                   sort_value=lambda p: _money_sort(p.revenue), numeric=True),
            Column("baseline_revenue", lambda: fmt.arg(QCoreApplication.translate("ReviewTables", "Baseline revenue (%1)"), self.currency),
                   lambda p: self.money(p.baseline_revenue), sort_value=lambda p: _money_sort(p.baseline_revenue),
                   numeric=True),
            Column("lift", lambda: QCoreApplication.translate("ReviewTables", "Change"), lambda p: lift_cell(p.lift, self.labels),
                   sort_value=lambda p: _lift_sort(p.lift), numeric=True,
                   tooltip=lambda p: QCoreApplication.translate("ReviewTables", "The baseline sold none of it") if p.lift.reason == NEW_SALES else "",
                   warn=lambda p: p.lift.percent is not None and p.lift.percent < 0),
            Column("featured", lambda: QCoreApplication.translate("ReviewTables", "Featured"),
                   lambda p: fmt.duration(int(round(p.featured_seconds))) if p.featured_seconds else DASH,
                   sort_value=lambda p: float(p.featured_seconds), numeric=True,
                   tooltip=lambda p: QCoreApplication.translate("ReviewTables", "How long it was featured during the session")),
            Column("rate_featured", lambda: QCoreApplication.translate("ReviewTables", "Units/min featured"), lambda p: _rate_text(p.units_per_min_featured),
                   sort_value=lambda p: _money_sort(p.units_per_min_featured), numeric=True,
                   tooltip=lambda p: QCoreApplication.translate("ReviewTables", "Units sold per minute while it was featured")),
            Column("rate_rest", lambda: QCoreApplication.translate("ReviewTables", "Units/min otherwise"), lambda p: _rate_text(p.units_per_min_rest),
                   sort_value=lambda p: _money_sort(p.units_per_min_rest), numeric=True,
                   tooltip=lambda p: QCoreApplication.translate("ReviewTables", "Units sold per minute during the rest of the session")),
        ]

    BASELINE_COLUMNS = ("baseline_revenue", "lift")

    def row_product(self, row: int) -> ProductResult:
        return self.rows[row]


class SegmentsModel(ReviewTableModel):
    """One row per segment of the session (``SegmentResult``), in running order; times in ``zone``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.zone: tzinfo | None = None

    def _local(self, at):
        return at.astimezone(self.zone) if self.zone is not None else at.astimezone()

    def make_columns(self) -> list[Column]:
        self.copy = {
            "revenue": lambda g: _plain_money(g.revenue, self.currency),
            "orders": lambda g: str(g.orders),
            "units": lambda g: str(g.units),
            "duration": lambda g: str(int(round((g.end - g.start).total_seconds()))),
            "avg_viewers": lambda g: "" if g.avg_viewers is None else str(int(round(g.avg_viewers))),
            "peak_viewers": lambda g: "" if g.peak_viewers is None else str(g.peak_viewers),
            "start": lambda g: self._local(g.start).isoformat(timespec="seconds"),
        }
        return [
            Column("index", lambda: QCoreApplication.translate("ReviewTables", "#"), lambda g: str(g.index + 1), sort_value=lambda g: g.index, numeric=True),
            Column("title", lambda: QCoreApplication.translate("ReviewTables", "Segment"), lambda g: g.title or DASH),
            Column("start", lambda: QCoreApplication.translate("ReviewTables", "Start"), lambda g: f"{self._local(g.start):%H:%M}",
                   sort_value=lambda g: g.start.timestamp(), numeric=True),
            Column("duration", lambda: QCoreApplication.translate("ReviewTables", "Duration"),
                   lambda g: fmt.duration(int(round((g.end - g.start).total_seconds()))),
                   sort_value=lambda g: (g.end - g.start).total_seconds(), numeric=True),
            Column("orders", lambda: QCoreApplication.translate("ReviewTables", "Orders"), lambda g: fmt.number(g.orders), sort_value=lambda g: g.orders,
                   numeric=True),
            Column("units", lambda: QCoreApplication.translate("ReviewTables", "Units"), lambda g: fmt.number(g.units), sort_value=lambda g: g.units,
                   numeric=True),
            Column("revenue", lambda: fmt.arg(QCoreApplication.translate("ReviewTables", "Revenue (%1)"), self.currency), lambda g: self.money(g.revenue),
                   sort_value=lambda g: _money_sort(g.revenue), numeric=True),
            Column("avg_viewers", lambda: QCoreApplication.translate("ReviewTables", "Average viewers"),
                   lambda g: DASH if g.avg_viewers is None else fmt.number(int(round(g.avg_viewers))),
                   sort_value=lambda g: LOW if g.avg_viewers is None else float(g.avg_viewers), numeric=True),
            Column("peak_viewers", lambda: QCoreApplication.translate("ReviewTables", "Peak viewers"),
                   lambda g: DASH if g.peak_viewers is None else fmt.number(g.peak_viewers),
                   sort_value=lambda g: LOW if g.peak_viewers is None else g.peak_viewers, numeric=True),
        ]

    def set_zone(self, zone: tzinfo | None) -> None:
        self.zone = zone

    def row_segment(self, row: int) -> SegmentResult:
        return self.rows[row]


# --- the views --------------------------------------------------------------------------------


def make_review_table(model: ReviewTableModel, name: str, parent: QWidget) -> QTableView:
    """A read-only table over ``model`` through a sort proxy: whole rows selected, headers sort,
    Ctrl+C and the context menu copy the selected rows with the header line."""
    view = make_sortable_table(model, name, parent, copy_shortcut=False)  # type: ignore[arg-type]
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    copy = QAction(view)
    copy.setObjectName("copyRowsAction")
    copy.setShortcut(QKeySequence.StandardKey.Copy)
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    copy.triggered.connect(lambda: copy_rows(view))
    select_all = QAction(view)
    select_all.setObjectName("selectAllRowsAction")
    select_all.triggered.connect(view.selectAll)
    view.addAction(copy)
    view.copy_action = copy  # type: ignore[attr-defined]
    view.select_all_action = select_all  # type: ignore[attr-defined]
    retranslate_table_actions(view)

    def menu(pos) -> None:
        m = QMenu(view)
        m.setObjectName("reviewTableMenu")
        copy.setEnabled(view.selectionModel().hasSelection())
        m.addAction(copy)
        m.addAction(select_all)
        m.popup(view.viewport().mapToGlobal(pos))
        view.context_menu = m  # type: ignore[attr-defined] - tests look at it

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(menu)
    return view


def retranslate_table_actions(view: QTableView) -> None:
    view.copy_action.setText(QCoreApplication.translate("ReviewTables", "&Copy"))  # type: ignore[attr-defined]
    view.select_all_action.setText(QCoreApplication.translate("ReviewTables", "Select &all"))  # type: ignore[attr-defined]


def rows_text(view: QTableView, all_rows: bool = False) -> str:
    """The selected rows (every row when ``all_rows``) in the order shown, as tab-separated lines
    under the header line; hidden columns left out."""
    model = view.model()
    header = view.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not view.isColumnHidden(c)]
    if all_rows:
        rows = list(range(model.rowCount()))
    else:
        rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
    if not rows:
        return ""

    def clean(value) -> str:
        return " ".join(str(value if value is not None else "").split())  # no tab or line break inside a cell

    lines = ["\t".join(clean(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
    for r in rows:
        lines.append("\t".join(clean(model.index(r, c).data(COPY_ROLE)) for c in columns))
    return "\n".join(lines) + "\n"


def copy_rows(view: QTableView) -> None:
    text = rows_text(view)
    if text:
        QGuiApplication.clipboard().setText(text)
