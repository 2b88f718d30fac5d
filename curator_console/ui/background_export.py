"""What every export from the interface shares: a window-modal busy dialog while the file is
written on the thread pool (the window keeps repainting), then a message saying how it went —
where the files are, with a button to open them, or why nothing could be written.

Subclasses (``ui/tours/export.py: TourExport``, ``ui/review/export.py: ReviewExport``) ask for the
path, start the work with ``show_busy`` + ``run_task``, and answer with ``report_saved`` or
``report_failed``. ``finished(result)`` is emitted with the result or the exception once the
message is shown (``message_box``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from curator_console.ui import formatting as fmt


class BackgroundExport(QObject):
    finished = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.progress: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None
        self.result: object = None

    def alive(self) -> bool:
        """The export and its window still exist (a result may arrive after the window closed)."""
        return isValid(self) and isValid(self.parent_widget)

    def show_busy(self, name: str, title: str, label: str) -> None:
        p = QProgressDialog(self.parent_widget)
        p.setObjectName(name)
        p.setWindowTitle(title)
        p.setLabelText(label)
        p.setCancelButton(None)
        p.setRange(0, 0)  # busy: no percentage to show
        p.setWindowModality(Qt.WindowModality.WindowModal)
        p.setMinimumDuration(0)
        p.setAutoClose(False)
        p.show()
        self.progress = p

    def _close_progress(self) -> None:
        if self.progress is not None and isValid(self.progress):
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None

    def report_saved(self, result: object, name: str, title: str, text: str, target,
                     open_text: str | None = None) -> None:
        """``text`` says what was written; the Open button opens ``target`` (a file or a folder)."""
        self._close_progress()
        self.result = result
        box = QMessageBox(self.parent_widget)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        open_button = box.addButton(open_text or QCoreApplication.translate("BackgroundExport", "&Open"), QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("openExportButton")
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_button)
        url = QUrl.fromLocalFile(str(target))
        box.buttonClicked.connect(lambda button: QDesktopServices.openUrl(url) if button is open_button else None)
        self._show(box)
        self.finished.emit(result)

    def report_failed(self, exc: BaseException, name: str, title: str, text: str, plain: bool) -> None:
        """``plain``: the exception's message is meant for people (else it is named as unexpected)."""
        self._close_progress()
        self.result = exc
        box = QMessageBox(self.parent_widget)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        if plain:
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        else:
            detail = fmt.arg(QCoreApplication.translate("BackgroundExport", "Unexpected error: %1"), f"{type(exc).__name__}: {exc}")
        box.setInformativeText(detail)
        box.addButton(QMessageBox.StandardButton.Close)
        self._show(box)
        self.finished.emit(exc)

    def _show(self, box: QMessageBox) -> None:
        self.message_box = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: self.deleteLater() if isValid(self) else None)
        box.open()  # window-modal, without a nested event loop
