"""A progress dialog for long background work (imports, downloads): a progress bar, "1,234 rows/s ·
about 2 min left", and Cancel.

The work itself runs on the thread pool through ``run_task`` (the window keeps repainting and
answering); the dialog is window-modal, so nothing else is started on the same window meanwhile.
The service gets two thread-safe callables from the dialog:

- ``cancelled()`` — True once Cancel (or Esc, or closing the dialog) was pressed; the service
  asks it between batches and stops (rolling back what it had not committed);
- ``rows_progress(ImportProgress)`` / ``source_progress(SourceProgress)`` — called on the worker
  thread; the figures reach the widgets on the GUI thread through a queued signal.

The dialog closes itself when the work ends and then calls ``on_done(result)`` or ``on_error(exc)``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console.services.collection_import import ImportProgress
from curator_console.services.collection_sources import SourceProgress
from curator_console.ui import formatting as fmt
from curator_console.ui.imports.common import duration_text
from curator_console.ui.tasks import run_task

# Rates are recomputed from this many seconds of the stage's history (smooths bursts of images).
_MIN_ELAPSED = 0.05


class _Relay(QObject):
    """Carries progress from the worker thread to the GUI thread. It has no parent, so a worker
    that reports after the dialog is gone emits into nothing instead of a deleted object."""

    update = Signal(object)


def _disconnect(relay: _Relay) -> None:
    try:
        relay.update.disconnect()
    except (RuntimeError, TypeError):  # already gone with the dialog
        pass


def rate_text(rate: float) -> str:
    """A rate as the locale writes it: whole numbers from 10 up, one decimal below."""
    if rate >= 10:
        return fmt.number(int(round(rate)))
    return QLocale().toString(float(rate), "f", 1)


class ProgressDialog(QDialog):
    """See the module docstring. ``progressed`` is emitted (GUI thread) after each update is shown."""

    progressed = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._cancel = threading.Event()
        self._running = False
        self._relay = _Relay()
        self._relay.update.connect(self._apply)
        self._stage = ""
        self._stage_started = 0.0
        self._stage_done0 = 0
        self._what = ""

        self.heading = QLabel()
        self.heading.setObjectName("progressHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("progressBar")
        self.bar.setRange(0, 0)  # busy until the first figures come
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(420)
        self.counts = QLabel()
        self.counts.setObjectName("progressCounts")
        self.rate = QLabel()
        self.rate.setObjectName("progressRate")
        self.rate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("progressCancel")
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.rate)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.retranslate()

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the work"))
        if self._cancel.is_set():
            self.cancel_button.setText(self.tr("Cancelling…"))
        else:
            self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_heading(self, text: str) -> None:
        """What is being done, e.g. "Importing “objects.csv”…" (translated by the caller)."""
        self._what = text
        self.heading.setText(text)

    # --- thread-safe API for the service --------------------------------------------------
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def rows_progress(self, progress: ImportProgress) -> None:
        self._relay.update.emit(progress)

    def source_progress(self, progress: SourceProgress) -> None:
        self._relay.update.emit(progress)

    # --- running --------------------------------------------------------------------------
    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        """Show the dialog, run ``work`` in the background, close, then call a handler."""
        self._running = True
        relay = self._relay  # kept alive by the closures below for as long as the work runs

        def done(result: Any) -> None:
            _disconnect(relay)
            if isValid(self):
                self._finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            _disconnect(relay)
            if isValid(self):
                self._finish()
            on_error(exc)

        self.open()
        run_task(work, done, failed)

    def _finish(self) -> None:
        self._running = False
        self.accept()

    @property
    def running(self) -> bool:
        return self._running

    def request_cancel(self) -> None:
        if self._cancel.is_set() or not self._running:
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.retranslate()
        self.heading.setText(self.tr("Cancelling… the work stops after the current step."))
        self.rate.setText("")

    def reject(self) -> None:  # Esc and the window's close button cancel the work, never hide it
        if self._running:
            self.request_cancel()
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
            self.request_cancel()
        else:
            super().closeEvent(event)

    # --- showing figures (GUI thread) -----------------------------------------------------
    def _apply(self, progress: object) -> None:
        if isinstance(progress, ImportProgress):
            self._show_rows(progress)
        elif isinstance(progress, SourceProgress):
            self._show_stage(progress)
        self.progressed.emit(progress)

    def _set_bar(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def _show_rows(self, p: ImportProgress) -> None:
        self._set_bar(p.rows_done, p.rows_total_estimate)
        if self._cancel.is_set():
            return
        if p.rows_total_estimate > p.rows_done:
            self.counts.setText(fmt.arg(self.tr("%1 of about %2 rows read"), fmt.number(p.rows_done),
                                        fmt.number(p.rows_total_estimate)))
        else:
            self.counts.setText(fmt.arg(self.tr("%1 rows read"), fmt.number(p.rows_done)))
        if p.seconds_left is not None and p.seconds_left > 0:
            self.rate.setText(fmt.arg(self.tr("%1 rows/s · about %2 left"), rate_text(p.rows_per_s),
                                      duration_text(p.seconds_left)))
        else:
            self.rate.setText(fmt.arg(self.tr("%1 rows/s"), rate_text(p.rows_per_s)))

    def _show_stage(self, p: SourceProgress) -> None:
        now = time.monotonic()
        if p.stage != self._stage:
            self._stage, self._stage_started, self._stage_done0 = p.stage, now, p.done
        cancelling = self._cancel.is_set()
        if not cancelling:
            headings = {
                "fetching": self.tr("Fetching the records…"),
                "saving": self.tr("Saving the objects in the collection…"),
                "images": self.tr("Downloading the images into the media store…"),
            }
            self.heading.setText(self._what if p.stage == "fetching" and self._what else
                                 headings.get(p.stage, self._what))
        self._set_bar(p.done, p.total)
        counts = {
            "fetching": self.tr("%1 of %2 records fetched"),
            "saving": self.tr("%1 of %2 objects saved"),
            "images": self.tr("%1 of %2 images downloaded"),
        }
        self.counts.setText(fmt.arg(counts.get(p.stage, self.tr("%1 of %2 done")), fmt.number(p.done),
                                    fmt.number(p.total)))
        elapsed = now - self._stage_started
        moved = p.done - self._stage_done0
        if cancelling or elapsed < _MIN_ELAPSED or moved <= 0:
            self.rate.setText("")
            return
        rate = moved / elapsed
        left = (p.total - p.done) / rate if p.total > p.done else 0
        rates = {
            "fetching": (self.tr("%1 records/s · about %2 left"), self.tr("%1 records/s")),
            "saving": (self.tr("%1 rows/s · about %2 left"), self.tr("%1 rows/s")),
            "images": (self.tr("%1 images/s · about %2 left"), self.tr("%1 images/s")),
        }
        with_left, without = rates.get(p.stage, rates["saving"])
        if left > 0:
            self.rate.setText(fmt.arg(with_left, rate_text(rate), duration_text(left)))
        else:
            self.rate.setText(fmt.arg(without, rate_text(rate)))
