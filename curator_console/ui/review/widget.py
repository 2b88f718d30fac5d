"""Review workspace: what each session did for the store.

The sessions table (peak viewers, orders, revenue) sits above the chosen session's review
(``detail.ReviewDetail``): sentences, key figures, charts and tables, against the baseline chosen
in "Compare with" (``baseline.BaselineChooser``). Everything is worked out in the background
(``data.compute`` through ``WorkspacePage.fetch``); the window keeps answering meanwhile.

Actions: Fetch orders (``fetch.ReviewOrderFetch``: the session's and the baseline's orders from
the store, with progress and Cancel), Export (``export.ReviewExport``: PDF report — Ctrl+E —, charts
as PNG, tables as CSV) and Set exchange rate… when the orders are in several currencies (rates kept
per session for as long as the app runs). F5 (View ▸ Refresh) reads the sessions and the report again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
)

from curator_console.domain.records import SessionRow
from curator_console.services import review as svc
from curator_console.ui import formatting as fmt
from curator_console.ui import icons
from curator_console.ui.export_labels import document_labels
from curator_console.ui.review import data
from curator_console.ui.review.baseline import BaselineChooser
from curator_console.ui.review.detail import ReviewDetail
from curator_console.ui.review.export import ExportJob, ReviewExport
from curator_console.ui.review.rates import ExchangeRatesDialog
from curator_console.ui.sessions_columns import session_columns
from curator_console.ui.table_model import ROW_ROLE, RowsModel
from curator_console.ui.workspace import WorkspacePage, heading, resize_columns

if TYPE_CHECKING:
    from curator_console.ui.review.fetch import ReviewOrderFetch


class ReviewPage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("reviewPage")
        self.session_id: int | None = None
        self.result: data.ReviewResult | None = None
        self.rates: dict[int, dict[str, Decimal]] = {}  # per session, for the workspace's life
        self.zone = None
        self.series_key: tuple | None = None  # what the series shown was worked out for
        self.order_fetch: ReviewOrderFetch | None = None
        self.export: ReviewExport | None = None
        self.rates_dialog: ExchangeRatesDialog | None = None
        self._computing = False
        self._selecting = False

        self.header = heading()
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.baseline_label = QLabel()
        self.baseline = BaselineChooser()
        self.baseline_label.setBuddy(self.baseline)
        self.baseline.changed.connect(self.recompute)
        self.fetch_button = QPushButton()
        self.fetch_button.setObjectName("fetchOrdersButton")
        self.fetch_button.setIcon(icons.icon("refresh"))
        self.fetch_button.clicked.connect(self.fetch_orders)
        self.export_pdf_action = QAction(self)
        self.export_pdf_action.setObjectName("exportReviewPdfAction")
        self.export_pdf_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.export_pdf_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # only while this page shows
        self.export_pdf_action.triggered.connect(lambda: self.export_report("pdf"))
        self.export_png_action = QAction(self)
        self.export_png_action.setObjectName("exportReviewPngAction")
        self.export_png_action.triggered.connect(lambda: self.export_report("png"))
        self.export_csv_action = QAction(self)
        self.export_csv_action.setObjectName("exportReviewCsvAction")
        self.export_csv_action.triggered.connect(lambda: self.export_report("csv"))
        self.addAction(self.export_pdf_action)
        self.export_menu = QMenu(self)
        for action in (self.export_pdf_action, self.export_png_action, self.export_csv_action):
            self.export_menu.addAction(action)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportReviewButton")
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setIcon(icons.icon("export"))

        self.sessions = RowsModel(session_columns(with_sales=True), self)
        self.table = self.make_table(self.sessions, "reviewSessionTable")
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail = ReviewDetail()
        self.detail.rates_requested.connect(self.ask_rates)
        self.detail.scope_changed.connect(lambda _scope: self._ensure_series())
        self.detail.tab_changed.connect(lambda _name: self._ensure_series())

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 2 + 30)
        self.splitter.setSizes([self.table.verticalHeader().defaultSectionSize() * 4 + 34, 800])

        for widget in (self.baseline_label, self.baseline, self.fetch_button, self.export_button):
            self.detail.controls.addWidget(widget)  # beside the chosen session's title: they act on it
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._update_actions()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Review")

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.setText(self.tr("Review"))
        self.table.setAccessibleName(self.tr("Sessions and their results"))
        self.baseline_label.setText(self.tr("&Compare with:"))
        self.fetch_button.setText(self.tr("&Fetch orders"))
        self.fetch_button.setToolTip(self.tr(
            "Fetch from the store the orders placed during the session and during the baseline, then work out "
            "the figures again. Orders already here are not stored twice."))
        self.export_button.setText(self.tr("&Export"))
        self.export_pdf_action.setText(self.tr("Export &PDF report…"))
        self.export_png_action.setText(self.tr("Export charts as P&NG…"))
        self.export_csv_action.setText(self.tr("Export tables as &CSV…"))
        self.sessions.retranslate()
        self._update_summary()
        self.detail.retranslate()
        self.detail.set_labels(document_labels())
        if self.session_id is None:
            self._show_no_session()

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the sessions (and the museum's time zone); the chosen session's report follows."""
        uow = self.context.uow
        self.fetch(lambda: (svc.list_sessions(uow()), data.museum_zone(uow())), self._show)

    def _show(self, loaded) -> None:
        rows, zone = loaded
        self.zone = zone
        self.baseline.zone = zone
        self.sessions.set_rows(rows)
        if rows:
            resize_columns(self.table)
        self._update_summary()
        wanted = self.session_id if any(r.id == self.session_id for r in rows) else (rows[0].id if rows else None)
        self.select_session(wanted, recompute=True)

    def _update_summary(self) -> None:
        rows = self.sessions.rows
        if not rows:
            self.summary.setText(self.tr("No sessions yet."))
            return
        by_currency: dict[str, Decimal] = {}
        for r in rows:
            for currency, amount in r.revenue_by_currency or ((r.currency, r.revenue),):
                by_currency[currency] = by_currency.get(currency, Decimal(0)) + amount
        revenue = " + ".join(fmt.money(amount, cur) for cur, amount in sorted(by_currency.items()))
        self.summary.setText(
            fmt.arg(self.tr("Sessions: %1 · orders: %2 · revenue: %3"), fmt.number(len(rows)),
                    fmt.number(sum(r.orders for r in rows)), revenue)
        )

    # --- the chosen session -----------------------------------------------------------------
    def select_session(self, session_id: int | None, recompute: bool = False) -> None:
        """Choose ``session_id`` in the table (and show its review)."""
        if session_id is None:
            self.table.clearSelection()
            self._set_session(None)
            return
        row = self.sessions.row_of(lambda r: r.id == session_id)
        if row < 0:
            return
        index = self.table.model().mapFromSource(self.sessions.index(row, 0))
        changed = session_id != self.session_id
        self._selecting = True  # the table's current-row signal is ours: handled below, once
        try:
            self.table.setCurrentIndex(index)
            self.table.selectRow(index.row())
        finally:
            self._selecting = False
        self.table.scrollTo(index)
        if changed or recompute:
            self._set_session(session_id)

    def current_row(self) -> SessionRow | None:
        row = self.sessions.row_of(lambda r: r.id == self.session_id) if self.session_id is not None else -1
        return self.sessions.rows[row] if row >= 0 else None

    def _current_changed(self, current, _previous) -> None:
        if self._selecting:
            return
        row = current.data(ROW_ROLE) if current.isValid() else None
        session_id = row.id if row is not None else None
        if session_id != self.session_id:
            self._set_session(session_id)

    def _set_session(self, session_id: int | None) -> None:
        if session_id != self.session_id:
            self.result = None
            self.series_key = None
        self.session_id = session_id
        row = self.current_row()
        if row is not None:
            self.baseline.session_start = row.started_at
        self.recompute()

    def _show_no_session(self) -> None:
        self.detail.show_message(self.tr("No sessions yet: run a tour live or as a rehearsal, and what it did "
                                         "for the store shows here.") if not self.sessions.rows
                                 else self.tr("Choose a session above to see what it did for the store."))

    def request(self) -> data.ReviewRequest | None:
        if self.session_id is None:
            return None
        rates = tuple(sorted(self.rates.get(self.session_id, {}).items()))
        return data.ReviewRequest(self.session_id, self.baseline.spec(), rates)

    def recompute(self) -> None:
        """Work out the chosen session's report again (baseline, rates or orders changed)."""
        request = self.request()
        self._update_actions()
        if request is None:
            self._show_no_session()
            return
        row = self.current_row()
        if row is not None and row.started_at is None:
            self.result = None
            self.detail.show_message(self.tr("This session never started: there is nothing to review."))
            self._update_actions()
            return
        uow = self.context.uow
        self._computing = True
        self.detail.set_busy(True)
        self.fetch(lambda: data.compute(uow(), request), self._show_result)

    def show_error(self, exc: BaseException) -> None:
        self._computing = False  # only the newest fetch's error is shown
        self.detail.set_busy(False)
        super().show_error(exc)

    def _show_result(self, result) -> None:
        # Only the newest computation is delivered (WorkspacePage.fetch drops older ones).
        self._computing = False
        self.detail.set_busy(False)
        if result.request.session_id != self.session_id:
            return
        if isinstance(result, data.Unavailable):
            self.result = None
            self.detail.show_message(result.message)
            self._update_actions()
            return
        self.result = result
        self.zone = result.zone
        self.baseline.zone = result.zone
        self.detail.show_result(result, document_labels())
        self._update_actions()
        key = self._series_key()
        if self.series_key is not None and self.series_key != key:
            self.series_key = None
        self._ensure_series()

    def _update_actions(self) -> None:
        ready = self.result is not None
        self.fetch_button.setEnabled(self.session_id is not None and self.current_row() is not None
                                     and self.current_row().started_at is not None)
        for action in (self.export_pdf_action, self.export_png_action, self.export_csv_action):
            action.setEnabled(ready)
        self.export_button.setEnabled(ready)

    @property
    def is_computing(self) -> bool:
        return self._computing

    # --- the series -------------------------------------------------------------------------
    def _series_key(self) -> tuple | None:
        if self.result is None:
            return None
        return (self.result.request.session_id, self.detail.scope, self.result.report.currency,
                self.result.request.rates)

    def _ensure_series(self) -> None:
        """Work out the series when the Series tab shows and it is not there yet."""
        if self.result is None or self.detail.current_tab() != "series":
            return
        key = self._series_key()
        if key == self.series_key and self.detail.series_points is not None:
            return
        self.series_key = key
        self.detail.show_series(None)
        uow = self.context.uow
        session_id, scope, currency, rates = key

        def done(points) -> None:
            if self.series_key == key:
                self.detail.show_series(points)

        self.fetch(lambda: data.compute_series(uow(), session_id, scope, currency, rates), done)

    def _series_work(self):
        """The series for an export: the one shown when it is there, else worked out by the export."""
        if self.result is None:
            return None
        key = self._series_key()
        if key == self.series_key and self.detail.series_points is not None:
            points = list(self.detail.series_points)
            return lambda: points
        uow = self.context.uow
        session_id, scope, currency, rates = key
        return lambda: data.compute_series(uow(), session_id, scope, currency, rates)

    # --- exchange rates ---------------------------------------------------------------------
    def ask_rates(self) -> ExchangeRatesDialog | None:
        result = self.result
        if result is None or not result.other_currencies:
            return None
        given = self.rates.get(result.request.session_id, {})
        dialog = ExchangeRatesDialog(result.report.currency, result.other_currencies, given, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        session_id = result.request.session_id
        dialog.accepted.connect(lambda: self.set_rates(session_id, dialog.rates()))
        self.rates_dialog = dialog
        dialog.open()
        return dialog

    def set_rates(self, session_id: int, rates: dict[str, Decimal]) -> None:
        self.rates[session_id] = dict(rates)
        if session_id == self.session_id:
            self.recompute()

    # --- fetching orders --------------------------------------------------------------------
    def fetch_orders(self) -> ReviewOrderFetch | None:
        if self.session_id is None:
            return None
        source = self.result.source if self.result is not None else ""
        from curator_console.ui.review.fetch import ReviewOrderFetch  # loads requests: on first use

        job = ReviewOrderFetch(self, self.context, self._orders_fetched)
        self.order_fetch = job
        job.start(self.session_id, self.baseline.spec(), source)
        return job

    def _orders_fetched(self) -> None:
        self.series_key = None
        self.load()  # the sessions' figures and the report

    # --- export -----------------------------------------------------------------------------
    def export_job(self) -> ExportJob | None:
        if self.result is None:
            return None
        return ExportJob(self.detail.display_report(self.result), document_labels(), self.result.zone,
                         self._series_work())

    def export_report(self, kind: str, path=None) -> ReviewExport | None:
        """Export the review shown as ``kind`` ("pdf", "png", "csv"); asks where unless ``path``."""
        job = self.export_job()
        if job is None:
            return None
        export = ReviewExport(self, kind, job)
        self.export = export
        if path is None:
            export.begin()
        else:
            export.start(path)
        return export
