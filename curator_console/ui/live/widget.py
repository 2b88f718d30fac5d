"""Live workspace: the platform connections a session can run on, and the sessions run so far.

"Start session…" asks for a tour and a connection and opens the live console; an unfinished
session (a crash, a killed process, a console closed with "resume later") gets a Resume button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from curator_console.services import review as review_svc
from curator_console.ui.live.console import open_console
from curator_console.ui.live.resume import offer_resume
from curator_console.ui.live.start_dialog import StartChoice, StartSessionDialog
from curator_console.ui.tasks import run_task
from curator_console.ui.platform_names import platform_label
from curator_console.ui.sessions_columns import session_columns
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import WorkspacePage, heading, resize_columns, selected_row

UNFINISHED = ("running", "paused")


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
        self.session_table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.session_table.doubleClicked.connect(lambda _index: self.resume_selected())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("startSessionButton")
        self.start_button.clicked.connect(lambda: self.start_session())
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resumeSessionButton")
        self.resume_button.setEnabled(False)
        self.resume_button.clicked.connect(self.resume_selected)
        self.consoles: list = []  # open LiveConsole windows
        self.start_dialog: StartSessionDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
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
        self.start_button.setText(self.tr("&Start session…"))
        self.resume_button.setText(self.tr("&Resume session"))
        self.resume_button.setToolTip(self.tr("Carry on with the selected unfinished session"))
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
        self._selection_changed()

    # --- sessions -----------------------------------------------------------------------
    def _selected_session(self):
        return selected_row(self.session_table)

    def _selection_changed(self, *_args) -> None:
        row = self._selected_session()
        self.resume_button.setEnabled(row is not None and row.status in UNFINISHED
                                      and not self._console_for(row.id))

    def _console_for(self, session_id: int):
        from shiboken6 import isValid

        self.consoles = [c for c in self.consoles if isValid(c) and c.isVisible()]
        return next((c for c in self.consoles if c.engine_session_id == session_id), None)

    def start_session(self, tour_id: int | None = None) -> None:
        """Ask for tour and connection, then start the session and open its console. ``tour_id``
        is the tour chosen to begin with (the welcome page's "Start a rehearsal…")."""
        if self.start_dialog is not None and self.start_dialog.isVisible():
            self.start_dialog.raise_()
            return
        dialog = StartSessionDialog(self.context, self, tour_id=tour_id)
        dialog.accepted.connect(lambda: self._start(dialog.choice()))
        self.start_dialog = dialog
        dialog.open()

    def _start(self, choice: StartChoice | None) -> None:
        if choice is None:
            return
        from curator_console.services import live_sessions

        uow = self.context.uow
        self.start_button.setEnabled(False)

        def started(session_id: int) -> None:
            self.start_button.setEnabled(True)
            self.open_session(session_id, resume=False, autopilot=choice.autopilot, speed=choice.speed)

        def failed(exc: BaseException) -> None:
            self.start_button.setEnabled(True)
            self.show_error(exc)

        run_task(lambda: live_sessions.start_session(uow(), choice.tour_id, choice.connection), started, failed)

    def resume_selected(self) -> None:
        row = self._selected_session()
        if row is None or row.status not in UNFINISHED:
            return
        self.resume_session(row)

    def resume_session(self, row) -> None:
        existing = self._console_for(row.id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return
        self.open_session(row.id, resume=True)

    def open_session(self, session_id: int, *, resume: bool, autopilot: bool = False, speed: float = 1.0):
        console = open_console(self.context, session_id, resume=resume, autopilot=autopilot, speed=speed)
        console.closed.connect(self.load)  # the session's row shows how it ended
        self.consoles.append(console)
        self.load()
        return console

    def offer_resume(self) -> None:
        """Offer the sessions a crash left unfinished (called once the main window is ready)."""
        offer_resume(self.window(), self.context, self.resume_session,
                     lambda _id: self.load() if self.has_loaded else None)
