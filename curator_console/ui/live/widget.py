"""Live workspace: the platform connections a session can run on, and the sessions run so far."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from curator_console.services import review as review_svc
from curator_console.ui.platform_names import platform_label
from curator_console.ui.sessions_columns import session_columns
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import WorkspacePage, heading, resize_columns



class LivePage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("livePage")
        self.header = heading()
        self.connections_label = heading()
        self.connections = RowsModel([
            Column("name", lambda: self.tr("Connection"), lambda r: r.name),
            Column("platform", lambda: self.tr("Platform"), lambda r: platform_label(r.platform)),
            Column("room", lambda: self.tr("Room / channel / shop"), lambda r: r.room),
            Column("url", lambda: self.tr("Address"), lambda r: r.base_url or self.tr("(built in)")),
        ], self)
        self.connection_table = self.make_table(self.connections, "connectionTable")
        self.sessions_label = heading()
        self.sessions = RowsModel(session_columns(with_sales=False), self)
        self.session_table = self.make_table(self.sessions, "liveSessionTable")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.hint)
        layout.addWidget(self.connections_label)
        layout.addWidget(self.connection_table, 1)
        layout.addWidget(self.sessions_label)
        layout.addWidget(self.session_table, 2)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Live")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Live"))
        self.hint.setText(self.tr(
            "Sessions run against a platform connection. The built-in simulated platform is used for "
            "rehearsals; sessions on real connections are marked LIVE."))
        self.connections_label.setText(self.tr("Platform connections"))
        self.sessions_label.setText(self.tr("Sessions"))
        self.connection_table.setAccessibleName(self.tr("Platform connections"))
        self.session_table.setAccessibleName(self.tr("Sessions"))
        self.connections.retranslate()
        self.sessions.retranslate()

    def load(self) -> None:
        from curator_console.services import connections as live_svc  # loads the connectors: not at start-up

        uow = self.context.uow
        self.fetch(lambda: live_svc.list_connections(uow()), self._show_connections)
        self.fetch(lambda: review_svc.list_sessions(uow()), self._show_sessions)

    def _show_connections(self, rows) -> None:
        self.connections.set_rows(rows)
        if rows:
            resize_columns(self.connection_table)

    def _show_sessions(self, rows) -> None:
        self.sessions.set_rows(rows)
        if rows:
            resize_columns(self.session_table)
