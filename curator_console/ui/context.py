"""What every workspace page needs: the open database, settings, the undo stack, error reporting."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QUndoStack

from curator_console.connectors.http import HttpClient
from curator_console.persistence.db import Database
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.ui.settings import Settings


@dataclass
class AppContext:
    database: Database
    settings: Settings
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    http: HttpClient = field(default_factory=HttpClient)  # shared by every connector call

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.session_factory)
