"""After a crash or a killed process a session stays "running" in the database. On the next start
the app offers each such session: Resume (the console picks it up where the log ends), Mark as
abandoned (closed for good; its events stay for the review) or Later (asked again next start, and
the Live page keeps a Resume button)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console.domain.records import SessionRow
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.tasks import run_task


log = logging.getLogger(__name__)


class ResumeDialog(QDialog):
    """The unfinished sessions, newest first, and what to do with the selected one."""

    resume_requested = Signal(object)  # SessionRow
    abandoned = Signal(int)

    def __init__(self, context, rows: list[SessionRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeDialog")
        self.context = context
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.sessions = QListWidget()
        self.sessions.setObjectName("unfinishedSessions")
        self.sessions.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        appearance.styled(self.error, "color: $error;")
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resumeButton")
        self.abandon_button = QPushButton()
        self.abandon_button.setObjectName("abandonButton")
        self.later_button = QPushButton()
        self.later_button.setObjectName("laterButton")
        self.buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.abandon_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.resume_button.clicked.connect(self._resume)
        self.abandon_button.clicked.connect(self._abandon)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.sessions, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.rows = list(rows)
        for row in self.rows:
            self.sessions.addItem(QListWidgetItem(""))
        if self.rows:
            self.sessions.setCurrentRow(0)
        self.resize(640, 300)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unfinished sessions"))
        self.text.setText(self.tr(
            "These sessions did not end properly (the app was closed or crashed while they ran). "
            "Resume one to carry on where its log stops, or mark it as abandoned."))
        self.resume_button.setText(self.tr("&Resume"))
        self.abandon_button.setText(self.tr("&Mark as abandoned"))
        self.later_button.setText(self.tr("&Later"))
        for i, row in enumerate(self.rows):
            self.sessions.item(i).setText(self.session_label(row))

    def session_label(self, row: SessionRow) -> str:
        mode = self.tr("LIVE") if row.mode == "live" else self.tr("rehearsal")
        return fmt.arg(self.tr("%1 — %2, started %3"), row.tour_title or row.title, mode,
                       fmt.local_datetime(row.started_at))

    def selected(self) -> SessionRow | None:
        i = self.sessions.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _resume(self) -> None:
        row = self.selected()
        if row is not None:
            self.resume_requested.emit(row)
            self.accept()

    def _abandon(self) -> None:
        row = self.selected()
        if row is None:
            return
        from curator_console.services import live_sessions

        uow = self.context.uow
        self.abandon_button.setEnabled(False)

        def done(_result) -> None:
            if not isValid(self):
                return
            self.abandon_button.setEnabled(True)
            i = self.rows.index(row)
            self.rows.pop(i)
            self.sessions.takeItem(i)
            self.abandoned.emit(row.id)
            if not self.rows:
                self.accept()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.abandon_button.setEnabled(True)
                self.error.setText(str(exc))
                self.error.show()

        run_task(lambda: live_sessions.abandon_session(uow(), row.id), done, failed)


def offer_resume(parent: QWidget, context, on_resume: Callable[[SessionRow], None],
                 on_abandoned: Callable[[int], None] | None = None) -> None:
    """Look for unfinished sessions in the background; when there are any, show the offer
    (window-modal, not blocking the event loop)."""
    from curator_console.services import live_sessions

    uow = context.uow

    def done(rows: list[SessionRow]) -> None:
        if not rows or not isValid(parent):
            return
        dialog = ResumeDialog(context, rows, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resume_requested.connect(on_resume)
        if on_abandoned is not None:
            dialog.abandoned.connect(on_abandoned)
        dialog.open()

    def failed(exc: BaseException) -> None:
        log.warning("could not look for unfinished sessions: %s", exc)

    run_task(lambda: live_sessions.unfinished_sessions(uow()), done, failed)
