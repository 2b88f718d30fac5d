"""Saved versions of a tour: the list, what changed since each one, and restoring one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain.tour_diff import compare_tours
from curator_console.services import tour_versions as ver_svc
from curator_console.services import tours as svc
from curator_console.ui import formatting as fmt

VERSION_ROLE = Qt.ItemDataRole.UserRole + 30


class VersionsDialog(QDialog):
    """Choose a saved version; the table shows how the tour changed since it. Accepting with
    "Restore" sets ``chosen_version``/``chosen_name`` (the editor restores it as an undoable step)."""

    def __init__(self, context, tour_id: int, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tourVersionsDialog")
        self.setWindowTitle(self.tr("Saved versions"))
        self.context = context
        self.tour_id = tour_id
        self.chosen_version: int | None = None
        self.chosen_name = ""
        self.list = QListWidget()
        self.list.setObjectName("versionList")
        self.list.setAccessibleName(self.tr("Saved versions"))
        self.list.currentItemChanged.connect(lambda *_: self._compare())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes = QTableWidget(0, 4)
        self.changes.setObjectName("versionChanges")
        self.changes.setAccessibleName(self.tr("Changes since the selected version"))
        self.changes.setHorizontalHeaderLabels([self.tr("Segment"), self.tr("What"), self.tr("In the version"), self.tr("Now")])
        self.changes.verticalHeader().setVisible(False)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.setObjectName("restoreVersionButton")
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.summary)
        box_layout.addWidget(self.changes, 1)
        split.addWidget(box)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(980, 560)
        self._load()

    def _load(self) -> None:
        uow = self.context.uow
        versions = ver_svc.list_versions(uow(), self.tour_id)
        self.current = svc.get_tour(uow(), self.tour_id)
        for v in reversed(versions):  # newest first
            item = QListWidgetItem(fmt.arg(self.tr("%1\n%2 · %3 segments · %4"), v.name, fmt.local_datetime(v.created_at),
                                           v.segment_count, fmt.duration(v.planned_seconds)))
            item.setData(VERSION_ROLE, (v.id, v.name))
            self.list.addItem(item)
        if not versions:
            self.summary.setText(self.tr("No saved versions yet. Use “Save version…” to keep a snapshot of the tour."))
        else:
            self.list.setCurrentRow(0)

    def _compare(self) -> None:
        item = self.list.currentItem()
        self.restore_button.setEnabled(item is not None)
        self.changes.setRowCount(0)
        if item is None or self.current is None:
            return
        version_id, _name = item.data(VERSION_ROLE)
        before = ver_svc.version_detail(self.context.uow(), version_id)
        changes = compare_tours(before, self.current)
        if not changes:
            self.summary.setText(self.tr("The tour is the same as this version."))
        else:
            self.summary.setText(fmt.arg(self.tr("%1 changes since this version:"), len(changes)))
        kinds = {"added": self.tr("added"), "removed": self.tr("removed"), "changed": self.tr("changed"),
                 "moved": self.tr("moved")}
        self.changes.setRowCount(len(changes))
        for row, c in enumerate(changes):
            what = f"{self.field_text(c.field)} ({kinds.get(c.kind, c.kind)})" if c.field else kinds.get(c.kind, c.kind)
            for col, text in enumerate((c.segment_title, what, _short(c.before), _short(c.after))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text if col < 2 else (c.before if col == 2 else c.after))
                self.changes.setItem(row, col, cell)
        self.changes.resizeColumnsToContents()
        for col in range(4):
            if self.changes.columnWidth(col) > 280:
                self.changes.setColumnWidth(col, 280)
        self.changes.resizeRowsToContents()

    def field_text(self, name: str) -> str:
        return {
            "title": self.tr("title"), "host": self.tr("host"), "slot_seconds": self.tr("slot"),
            "language": self.tr("language"), "planned_seconds": self.tr("planned duration"),
            "script": self.tr("script"), "script_alt": self.tr("second-language script"), "objects": self.tr("objects"),
            "products": self.tr("products"), "cues": self.tr("cues"), "position": self.tr("position"),
            "planned_start": self.tr("planned start"), "segment": self.tr("segment"),
        }.get(name, name)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen_version, self.chosen_name = item.data(VERSION_ROLE)
        self.accept()


def _short(text: str, limit: int = 300) -> str:
    text = str(text or "")
    return text if len(text) <= limit else text[: limit - 1] + "…"
