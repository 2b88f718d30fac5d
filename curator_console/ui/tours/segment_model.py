"""The running order of a tour's segments as a table that can be reordered by drag and drop, and
onto whose rows objects and products can be dropped (from the search panels).

The model never changes the order itself: a drop is announced (``move_requested``,
``objects_dropped``, ``products_dropped``) and the editor turns it into an undoable command, then
reloads the tour.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from curator_console.domain.tour_plan import SegmentDetail
from curator_console.ui.pickers import OBJECT_IDS_MIME, PRODUCT_IDS_MIME, decode_ids
from curator_console.ui.table_model import Column, RowsModel

SEGMENT_ROWS_MIME = "application/x-curator-segment-rows"


@dataclass(frozen=True)
class SegmentLine:
    """A segment with its timing, as the running-order table shows it."""

    segment: SegmentDetail
    start_offset_seconds: int
    estimated_seconds: int
    problems: int = 0

    @property
    def id(self) -> int:
        return self.segment.id


class SegmentOrderModel(RowsModel):
    move_requested = Signal(int, int)  # from row, to row (the row it should end up at)
    objects_dropped = Signal(int, list)  # row, item ids
    products_dropped = Signal(int, list)  # row, product ids

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(columns, parent)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SEGMENT_ROWS_MIME, OBJECT_IDS_MIME, PRODUCT_IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(SEGMENT_ROWS_MIME, QByteArray(json.dumps(rows).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int, parent) -> bool:
        return any(data.hasFormat(f) for f in self.mimeTypes())

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent) -> bool:
        """Segments dropped between rows (``row``) or onto one (``parent``) move there; objects
        or products dropped onto a segment are added to it."""
        target = parent.row() if parent.isValid() else row
        if data.hasFormat(SEGMENT_ROWS_MIME):
            rows = json.loads(bytes(data.data(SEGMENT_ROWS_MIME)).decode() or "[]")
            if len(rows) != 1:
                return False
            source = rows[0]
            if parent.isValid():
                to = target  # dropped onto a segment: take its place
            else:
                if target < 0:
                    target = len(self.rows)
                # Dropped in the gap before row ``target``: end up just before it.
                to = target - 1 if target > source else target
            to = max(0, min(to, len(self.rows) - 1))
            if to != source:
                self.move_requested.emit(source, to)
            return False  # the editor moves it through an undoable command and reloads
        if not (0 <= target < len(self.rows)):
            return False
        if data.hasFormat(OBJECT_IDS_MIME):
            ids = decode_ids(data, OBJECT_IDS_MIME)
            if ids:
                self.objects_dropped.emit(target, ids)
            return False
        if data.hasFormat(PRODUCT_IDS_MIME):
            ids = decode_ids(data, PRODUCT_IDS_MIME)
            if ids:
                self.products_dropped.emit(target, ids)
        return False
