"""Syncing the Store from a store connection, start to finish: choose the connection (and how many
days of orders) → the sync in the background with progress and Cancel → what it did, in words.

The sync itself is ``services.store.sync_from_store`` (``services.store_sync``): products are
upserted by SKU (price, stock and title from the store; the links to collection objects made in the
app are kept) and orders are stored exactly once. It runs on the thread pool; the window keeps
repainting. Every step is non-blocking (``open()``, never ``exec()``). Outcomes (``outcome``):
``synced``, ``cancelled`` (what was stored before Cancel is kept), ``failed`` (the platform is
down, the token is refused … said plainly), ``no_connection``, ``closed``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console.connectors.errors import PlatformError
from curator_console.domain.records import ConnectionRow
from curator_console.services import store as svc
from curator_console.services.store_sync import Cancelled, SyncSummary
from curator_console.ui import formatting as fmt
from curator_console.ui.context import AppContext
from curator_console.ui.imports.common import platform_error_text, show_message
from curator_console.ui.imports.progress import ProgressDialog
from curator_console.ui.platform_names import platform_label
from curator_console.ui.tasks import run_task
from curator_console.ui.workspace import heading

DEFAULT_DAYS = 30


class SyncDialog(QDialog):
    """Which store connection to sync from, and how many days of orders to fetch."""

    def __init__(self, connections: list[ConnectionRow], parent: QWidget | None = None,
                 selected: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("storeSyncDialog")
        self.connections = connections
        self.title = heading()
        self.connection_label = QLabel()
        self.connection_combo = QComboBox()
        self.connection_combo.setObjectName("syncConnectionCombo")
        self.connection_label.setBuddy(self.connection_combo)
        for row in connections:
            self.connection_combo.addItem("", row.name)
        self.connection_combo.setCurrentIndex(max(0, self.connection_combo.findData(selected)))
        self.days_label = QLabel()
        self.days = QSpinBox()
        self.days.setObjectName("syncDays")
        self.days.setRange(1, 3650)
        self.days.setValue(DEFAULT_DAYS)
        self.days_label.setBuddy(self.days)
        self.note = QLabel()
        self.note.setObjectName("syncNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.sync_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sync_button.setObjectName("syncStartButton")
        self.sync_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.connection_label, self.connection_combo)
        form.addRow(self.days_label, self.days)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync from store"))
        self.title.setText(self.tr("Sync products and orders from a store"))
        self.connection_label.setText(self.tr("&Store:"))
        for i, row in enumerate(self.connections):
            self.connection_combo.setItemText(i, fmt.arg(self.tr("%1 (%2)"), row.name, platform_label(row.platform)))
        self.days_label.setText(self.tr("&Orders from the last:"))
        self.days.setSuffix(self.tr(" days"))
        self.note.setText(self.tr(
            "Each product's price, stock and title are taken from the store; the collection objects you linked "
            "here are kept. Orders are stored once, however often you sync. Everything stays available offline."))
        self.sync_button.setText(self.tr("&Sync"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def connection_name(self) -> str:
        return self.connection_combo.currentData() or ""


class SyncProgressDialog(ProgressDialog):
    """The import progress dialog, showing a sync's figures: products stored, then orders."""

    def sync_progress(self, progress: svc.SyncProgress) -> None:
        """Thread-safe: called on the worker thread, shown on the GUI thread."""
        self._relay.update.emit(progress)

    def _apply(self, progress: object) -> None:
        if not isinstance(progress, svc.SyncProgress):
            super()._apply(progress)
            return
        self.bar.setRange(0, 0)  # the store does not say how much there is
        if not self.cancelled():
            if progress.stage == "products":
                self.heading.setText(self.tr("Fetching the store's products…"))
            else:
                self.heading.setText(self.tr("Fetching the store's orders…"))
            self.counts.setText(fmt.arg(self.tr("%1 products · %2 new orders · %3 already here"),
                                        fmt.number(progress.products), fmt.number(progress.orders_new),
                                        fmt.number(progress.orders_seen)))
        self.progressed.emit(progress)


class StoreSync(QObject):
    """One sync. ``finished`` is emitted once whatever the outcome; ``dialog``, ``progress`` and
    ``message`` are the dialogs shown (tests look at them); ``summary`` is what a sync did."""

    finished = Signal()

    def __init__(self, parent_widget: QWidget, context: AppContext, on_synced: Callable[[], None]) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.context = context
        self.on_synced = on_synced
        self.dialog: SyncDialog | None = None
        self.progress: SyncProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.summary: SyncSummary | None = None
        self.connection = ""
        self.outcome = ""

    def start(self, selected: str = "") -> None:
        """List the store connections (in the background), then ask which one to sync from."""
        uow = self.context.uow()
        run_task(lambda: svc.store_connections(uow), lambda rows: self._choose(rows, selected), self._failed)

    def _choose(self, rows: list[ConnectionRow], selected: str) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        if not rows:
            self.message = show_message(
                self.parent_widget, QMessageBox.Icon.Information, self.tr("No store to sync from"),
                self.tr("There is no store connection yet. Add one in File ▸ Settings ▸ Connections (Shopify, a "
                        "live-commerce partner, or the built-in simulated platform), then sync again."))
            self._end("no_connection")
            return
        dialog = SyncDialog(rows, self.parent_widget, selected)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.run(dialog.connection_name(), dialog.days.value()))
        dialog.rejected.connect(lambda: self._end("closed"))
        self.dialog = dialog
        dialog.open()

    def run(self, name: str, days: int = DEFAULT_DAYS) -> None:
        """Sync from the connection ``name`` in the background, with progress and Cancel."""
        self.connection = name
        progress = SyncProgressDialog(self.tr("Syncing"), self.parent_widget)
        progress.setObjectName("storeSyncProgress")
        progress.set_heading(fmt.arg(self.tr("Syncing from “%1”…"), name))
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.progress = progress
        factory, client = self.context.uow, self.context.http

        def work() -> SyncSummary:
            return svc.sync_from_store(factory, name, client, days=days, progress=progress.sync_progress,
                                       cancelled=progress.cancelled)

        progress.run(work, self._synced, self._failed)

    def _synced(self, summary: SyncSummary) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        self.summary = summary
        self.message = show_message(
            self.parent_widget, QMessageBox.Icon.Information, self.tr("Store synced"),
            fmt.arg(self.tr("Synced from “%1”: %2 products updated; %3 new orders (%4 already here)."),
                    self.connection, fmt.number(summary.products), fmt.number(summary.orders_new),
                    fmt.number(summary.orders_seen)))
        try:
            self.on_synced()
        finally:
            self._end("synced")

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self) or not isValid(self.parent_widget):
            return
        if isinstance(exc, Cancelled):
            self.message = show_message(
                self.parent_widget, QMessageBox.Icon.Information, self.tr("Sync cancelled"),
                self.tr("The sync was cancelled. What was fetched before that is kept; sync again to fetch the rest."))
            try:
                self.on_synced()
            finally:
                self._end("cancelled")
            return
        if isinstance(exc, PlatformError):
            text = platform_error_text(exc, fmt.arg(self.tr("“%1”"), self.connection) if self.connection
                                       else self.tr("The store"))
        else:
            text = str(exc) or exc.__class__.__name__
        self.message = show_message(self.parent_widget, QMessageBox.Icon.Warning, self.tr("The sync failed"),
                                    fmt.arg(self.tr("Nothing more could be fetched: %1"), text))
        self._end("failed")

    def _end(self, outcome: str) -> None:
        self.outcome = outcome
        self.finished.emit()
