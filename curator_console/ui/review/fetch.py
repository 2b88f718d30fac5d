"""Fetch from the store the orders a review needs: those of the session's window and of each of
the baseline's windows (``services.review.sync_review_orders``), each order stored once.

It runs on the thread pool behind the store sync's progress dialog (figures as they come, Cancel);
afterwards the page works out the report again. Outcomes (``outcome``): ``fetched``, ``cancelled``
(what was stored before Cancel is kept), ``failed`` (no store, the platform is down, the token is
refused … said plainly).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from curator_console.connectors.errors import PlatformError
from curator_console.domain.review_model import BaselineSpec
from curator_console.services import review as svc
from curator_console.services.errors import ConnectionError_
from curator_console.services.store_sync import Cancelled
from curator_console.ui import formatting as fmt
from curator_console.ui.context import AppContext
from curator_console.ui.imports.common import platform_error_text, show_message
from curator_console.ui.store.sync import SyncProgressDialog


@dataclass(frozen=True)
class FetchProgress:
    window: int  # 1: the session's window; 2…: the baseline's
    windows: int
    new: int
    seen: int


class FetchProgressDialog(SyncProgressDialog):
    """The store sync's progress dialog, showing which window's orders are being fetched."""

    def window_progress(self, window: int, windows: int, new: int, seen: int) -> None:
        """Thread-safe: called on the worker thread, shown on the GUI thread."""
        self._relay.update.emit(FetchProgress(window, windows, new, seen))

    def _apply(self, progress: object) -> None:
        if not isinstance(progress, FetchProgress):
            super()._apply(progress)
            return
        self.bar.setRange(0, 0)  # the store does not say how many orders there are
        if not self.cancelled():
            if progress.window <= 1:
                self.heading.setText(self.tr("Fetching the session's orders…"))
            else:
                self.heading.setText(fmt.arg(self.tr("Fetching the baseline's orders (period %1 of %2)…"),
                                             fmt.number(progress.window - 1), fmt.number(progress.windows - 1)))
            self.counts.setText(fmt.arg(self.tr("%1 new orders · %2 already here"), fmt.number(progress.new),
                                        fmt.number(progress.seen)))
        self.progressed.emit(progress)


class ReviewOrderFetch(QObject):
    """One fetch. ``finished`` is emitted once, whatever the outcome; ``progress`` and ``message``
    are the dialogs shown (tests look at them); ``result`` is (new orders, already here)."""

    finished = Signal()

    def __init__(self, parent_widget: QWidget, context: AppContext, on_fetched: Callable[[], None]) -> None:
        super().__init__(parent_widget)
        self.setObjectName("reviewOrderFetch")
        self.parent_widget = parent_widget
        self.context = context
        self.on_fetched = on_fetched
        self.progress: FetchProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.result: tuple[int, int] | None = None
        self.source = ""
        self.outcome = ""

    def start(self, session_id: int, baseline: BaselineSpec | None, source: str = "") -> None:
        """Fetch in the background; ``source`` (the order source's name, when known) is only for
        the messages: the service finds the source itself."""
        self.source = source
        progress = FetchProgressDialog(self.tr("Fetching orders"), self.parent_widget)
        progress.setObjectName("reviewFetchProgress")
        progress.set_heading(fmt.arg(self.tr("Fetching orders from “%1”…"), source) if source
                             else self.tr("Fetching orders from the store…"))
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.progress = progress
        factory, client = self.context.uow, self.context.http

        def work() -> tuple[int, int]:
            return svc.sync_review_orders(factory, client, session_id, baseline, progress=progress.window_progress,
                                          cancelled=progress.cancelled)

        progress.run(work, self._fetched, self._failed)

    def _alive(self) -> bool:
        return isValid(self) and isValid(self.parent_widget)

    def _fetched(self, result: tuple[int, int]) -> None:
        if not self._alive():
            return
        self.result = result
        new, seen = result
        if self.source:
            text = fmt.arg(self.tr("Fetched from “%1”: %2 new orders (%3 already here)."), self.source,
                           fmt.number(new), fmt.number(seen))
        else:
            text = fmt.arg(self.tr("Fetched %1 new orders (%2 already here)."), fmt.number(new), fmt.number(seen))
        self.message = show_message(self.parent_widget, QMessageBox.Icon.Information, self.tr("Orders fetched"), text)
        self._end("fetched", refresh=True)

    def _failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        if isinstance(exc, Cancelled):
            self.message = show_message(self.parent_widget, QMessageBox.Icon.Information, self.tr("Fetching cancelled"),
                                        self.tr("Cancelled; the orders fetched so far are kept."))
            self._end("cancelled", refresh=True)
            return
        if isinstance(exc, PlatformError):
            where = fmt.arg(self.tr("“%1”"), self.source) if self.source else self.tr("The store")
            text = platform_error_text(exc, where)
        elif isinstance(exc, (ConnectionError_, svc.ReviewError)):
            text = str(exc)
        else:
            text = fmt.arg(self.tr("Unexpected error: %1"), f"{type(exc).__name__}: {exc}")
        self.message = show_message(self.parent_widget, QMessageBox.Icon.Warning, self.tr("The orders could not be fetched"),
                                    fmt.arg(self.tr("Nothing more could be fetched: %1"), text))
        self._end("failed", refresh=True)  # windows fetched before the failure are kept: show them

    def _end(self, outcome: str, refresh: bool) -> None:
        self.outcome = outcome
        try:
            if refresh:
                self.on_fetched()
        finally:
            self.finished.emit()
