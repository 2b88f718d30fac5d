"""Review workspace: every session with what it did for the store (peak viewers, orders, revenue)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from curator_console.services import review as svc
from curator_console.ui import formatting as fmt
from curator_console.ui.sessions_columns import session_columns
from curator_console.ui.table_model import RowsModel
from curator_console.ui.workspace import WorkspacePage, heading, resize_columns


class ReviewPage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("reviewPage")
        self.header = heading()
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.sessions = RowsModel(session_columns(with_sales=True), self)
        self.table = self.make_table(self.sessions, "reviewSessionTable")
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Review")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Review"))
        self.table.setAccessibleName(self.tr("Sessions and their results"))
        self.sessions.retranslate()
        self._update_summary()

    def load(self) -> None:
        uow = self.context.uow
        self.fetch(lambda: svc.list_sessions(uow()), self._show)

    def _show(self, rows) -> None:
        self.sessions.set_rows(rows)
        if rows:
            resize_columns(self.table)
        self._update_summary()

    def _update_summary(self) -> None:
        rows = self.sessions.rows
        if not rows:
            self.summary.setText(self.tr("No sessions yet."))
            return
        revenue = sum((r.revenue for r in rows), Decimal(0))
        currency = rows[0].currency
        self.summary.setText(
            fmt.arg(self.tr("Sessions: %1 · orders: %2 · revenue: %3"), fmt.number(len(rows)),
                    fmt.number(sum(r.orders for r in rows)), fmt.money(revenue, currency))
        )
