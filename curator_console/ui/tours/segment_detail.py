"""One segment in full: title, planned duration, script (with its second-language version), and
the tabs for its objects, products and cues, each beside a search panel to drag from."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTime, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain.timing import ReadingSpeed
from curator_console.domain.tour_plan import SegmentDetail
from curator_console.ui.pickers import ObjectSearchPanel, ProductSearchPanel
from curator_console.ui.tours.script_editor import ScriptEditor
from curator_console.ui.tours.segment_links import SegmentCuesWidget, SegmentObjectsWidget, SegmentProductsWidget

MAX_PLANNED_SECONDS = 24 * 3600 - 1


def seconds_to_time(seconds: int) -> QTime:
    seconds = max(0, min(int(seconds), MAX_PLANNED_SECONDS))
    return QTime(seconds // 3600, seconds // 60 % 60, seconds % 60)


def time_to_seconds(t: QTime) -> int:
    return t.hour() * 3600 + t.minute() * 60 + t.second()


class SegmentDetailPanel(QWidget):
    field_edited = Signal(str, object, object)  # field, old, new (title, planned_seconds, script, script_alt)

    TAB_SCRIPT, TAB_OBJECTS, TAB_PRODUCTS, TAB_CUES = range(4)

    def __init__(self, context, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentDetail")
        self.context = context
        self.segment: SegmentDetail | None = None
        self.heading = QLabel()
        self.heading.setObjectName("segmentHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("segmentTitleEdit")
        self.title_edit.editingFinished.connect(self._title_finished)
        self.planned_edit = QTimeEdit()
        self.planned_edit.setObjectName("segmentPlannedEdit")
        self.planned_edit.setDisplayFormat("H:mm:ss")
        self.planned_edit.editingFinished.connect(self._planned_finished)
        self.form = QFormLayout()
        self.title_label, self.planned_label = QLabel(), QLabel()
        self.title_label.setBuddy(self.title_edit)
        self.planned_label.setBuddy(self.planned_edit)
        self.form.addRow(self.title_label, self.title_edit)
        self.form.addRow(self.planned_label, self.planned_edit)

        self.script = ScriptEditor(self)
        self.script.setObjectName("segmentScript")
        self.script.committed.connect(lambda field, old, new: self.field_edited.emit(field, old, new))

        self.objects = SegmentObjectsWidget(thumbnails, self)
        self.object_search = ObjectSearchPanel(context, self, thumbnails=thumbnails)
        self.object_search.setObjectName("segmentObjectSearch")
        self.products = SegmentProductsWidget(self)
        self.product_search = ProductSearchPanel(context, self)
        self.product_search.setObjectName("segmentProductSearch")
        self.object_search.activated_ids.connect(self.objects.add_ids)
        self.product_search.activated_ids.connect(self.products.add_ids)
        self.cues = SegmentCuesWidget(self)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("segmentTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.script, "")
        self.tabs.addTab(_beside(self.objects, self.object_search, "segmentObjectsSplitter"), "")
        self.tabs.addTab(_beside(self.products, self.product_search, "segmentProductsSplitter"), "")
        self.tabs.addTab(self.cues, "")

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.heading)
        body.addLayout(self.form)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)
        self.retranslate()
        self.set_segment(None, 0)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("&Segment title"))
        self.planned_label.setText(self.tr("&Planned duration"))
        self.title_edit.setAccessibleName(self.tr("Segment title"))
        self.planned_edit.setAccessibleName(self.tr("Planned duration"))
        self.planned_edit.setToolTip(self.tr("Hours:minutes:seconds"))
        self.tabs.setTabText(self.TAB_SCRIPT, self.tr("Script"))
        self.tabs.setTabText(self.TAB_OBJECTS, self._count_label(self.tr("Objects"), len(self.segment.objects) if self.segment else 0))
        self.tabs.setTabText(self.TAB_PRODUCTS, self._count_label(self.tr("Products"), len(self.segment.products) if self.segment else 0))
        self.tabs.setTabText(self.TAB_CUES, self._count_label(self.tr("Cues"), len(self.segment.cues) if self.segment else 0))
        self.empty.setText(self.tr("Add a segment to start writing the script (Ctrl+Shift+N)."))
        self.objects.retranslate()
        self.products.retranslate()
        self.cues.retranslate()
        self._update_heading()

    @staticmethod
    def _count_label(name: str, n: int) -> str:
        return f"{name} ({n})" if n else name

    def set_reading_speed(self, speed: ReadingSpeed) -> None:
        self.script.set_reading_speed(speed)

    def flush(self) -> None:
        """Save what is being typed (before switching segments, undo, closing)."""
        if self.segment is None:
            return
        if self.title_edit.hasFocus():
            self._title_finished()
        if self.planned_edit.hasFocus():
            self._planned_finished()
        self.script.flush()

    def set_segment(self, segment: SegmentDetail | None, index: int) -> None:
        same = self.segment is not None and segment is not None and segment.id == self.segment.id
        self.segment = segment
        self.index = index
        self.empty.setVisible(segment is None)
        self.body.setVisible(segment is not None)
        if segment is None:
            return
        if not (same and self.title_edit.hasFocus()):
            self.title_edit.setText(segment.title)
        if not (same and self.planned_edit.hasFocus()):
            self.planned_edit.setTime(seconds_to_time(segment.planned_seconds))
        # Never replace text being typed (it is committed on its own, and a conflict asks first).
        if not same or (not self.script.has_pending_edits()
                        and self.script.texts() != (segment.script, segment.script_alt)):
            self.script.set_texts(segment.script, segment.script_alt)
        self.objects.set_objects(segment.objects)
        self.products.set_products(segment.products)
        self.cues.set_cues(segment.cues)
        self.object_search.set_excluded([o.item_id for o in segment.objects])
        self.product_search.set_excluded([p.product_id for p in segment.products])
        self.retranslate()

    def _update_heading(self) -> None:
        if self.segment is None:
            self.heading.setText("")
            return
        from curator_console.ui import formatting as fmt

        self.heading.setText(fmt.arg(self.tr("Segment %1: %2"), self.index + 1, self.segment.title))

    def _title_finished(self) -> None:
        if self.segment is None:
            return
        new = self.title_edit.text().strip()
        if new != self.segment.title:
            old, self.segment = self.segment.title, replace(self.segment, title=new)
            self.field_edited.emit("title", old, new)

    def _planned_finished(self) -> None:
        if self.segment is None:
            return
        new = time_to_seconds(self.planned_edit.time())
        if new != self.segment.planned_seconds:
            old, self.segment = self.segment.planned_seconds, replace(self.segment, planned_seconds=new)
            self.field_edited.emit("planned_seconds", old, new)


def _beside(left: QWidget, right: QWidget, name: str) -> QSplitter:
    split = QSplitter(Qt.Orientation.Horizontal)
    split.setObjectName(name)  # its position is remembered (ui/layout_state.py)
    split.addWidget(left)
    split.addWidget(right)
    split.setCollapsible(0, False)  # the search panel may fold away in a narrow window
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    return split

