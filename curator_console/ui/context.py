"""What every workspace page needs: the open database, settings, the undo stack, error reporting."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QUndoStack

from curator_console.persistence.db import Database
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.ui.settings import Settings


@dataclass
class AppContext:
    database: Database
    settings: Settings
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    _http: object = field(default=None, repr=False)

    @property
    def http(self):
        """The one HttpClient every connector call shares (requests is imported on first use)."""
        if self._http is None:
            from curator_console.connectors.http import HttpClient

            self._http = HttpClient()
        return self._http

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.session_factory)
