"""Tours workspace: the tour scripts with their timing against the slot, and each tour's segments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from curator_console.services import tours as svc
from curator_console.ui import formatting as fmt
from curator_console.ui.commands import AppliedEditCommand
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import WorkspacePage, heading, resize_columns, selected_row

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class ToursPage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("toursPage")
        self.header = heading()
        self.tours = RowsModel([
            Column("title", lambda: self.tr("Tour"), lambda r: r.title, editable=True),
            Column("host", lambda: self.tr("Host"), lambda r: r.host),
            Column("language", lambda: self.tr("Language"), lambda r: LANGUAGE_NAMES.get(r.language, r.language)),
            Column("start", lambda: self.tr("Planned start"), lambda r: fmt.local_datetime(r.planned_start),
                   sort_value=lambda r: r.planned_start.timestamp() if r.planned_start else 0),
            Column("segments", lambda: self.tr("Segments"), lambda r: r.segment_count, numeric=True),
            Column("planned", lambda: self.tr("Planned"), lambda r: fmt.duration(r.planned_seconds),
                   sort_value=lambda r: r.planned_seconds, numeric=True, warn=self._overruns,
                   tooltip=self._overrun_tip),
            Column("slot", lambda: self.tr("Slot"), lambda r: fmt.duration(r.slot_seconds),
                   sort_value=lambda r: r.slot_seconds or 0, numeric=True),
            Column("estimated", lambda: self.tr("Speaking time"), lambda r: fmt.duration(r.estimated_seconds),
                   sort_value=lambda r: r.estimated_seconds, numeric=True),
        ], self)
        self.tours.edit_requested.connect(self._rename)
        self.tour_table = self.make_table(self.tours, "tourTable")
        self.tour_table.selectionModel().currentRowChanged.connect(lambda *_: self._load_segments())

        self.segments = RowsModel([
            Column("position", lambda: self.tr("#"), lambda r: r.position + 1, numeric=True),
            Column("offset", lambda: self.tr("Starts at"), lambda r: fmt.duration(r.start_offset_seconds),
                   sort_value=lambda r: r.start_offset_seconds, numeric=True),
            Column("title", lambda: self.tr("Segment"), lambda r: r.title),
            Column("planned", lambda: self.tr("Planned"), lambda r: fmt.duration(r.planned_seconds),
                   sort_value=lambda r: r.planned_seconds, numeric=True),
            Column("estimated", lambda: self.tr("Speaking time"), lambda r: fmt.duration(r.estimated_seconds),
                   sort_value=lambda r: r.estimated_seconds, numeric=True,
                   warn=lambda r: r.estimated_seconds > r.planned_seconds),
            Column("objects", lambda: self.tr("Objects"), lambda r: r.object_count, numeric=True),
            Column("products", lambda: self.tr("Products"), lambda r: r.product_count, numeric=True),
            Column("cues", lambda: self.tr("Cues"), lambda r: " · ".join(r.cues)),
        ], self)
        self.segment_table = self.make_table(self.segments, "segmentTable")
        self.segment_header = heading()
        self.timing_label = QLabel()
        self.timing_label.setObjectName("tourTimingLabel")
        self.timing_label.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.segment_header)
        lower_layout.addWidget(self.timing_label)
        lower_layout.addWidget(self.segment_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("toursSplitter")
        self.splitter.addWidget(self.tour_table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    def _overruns(self, r) -> bool:
        return bool(r.slot_seconds) and r.planned_seconds > r.slot_seconds

    def _overrun_tip(self, r) -> str:
        if self._overruns(r):
            return fmt.arg(self.tr("Overruns the slot by %1"), fmt.duration(r.planned_seconds - r.slot_seconds))
        return ""

    def title(self) -> str:
        return self.tr("Tours")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Tours"))
        self.tour_table.setAccessibleName(self.tr("Tours"))
        self.segment_table.setAccessibleName(self.tr("Segments of the selected tour"))
        self.tours.retranslate()
        self.segments.retranslate()
        self._update_timing()

    def load(self) -> None:
        uow, speed = self.context.uow, self.context.settings.reading_speed
        self.fetch(lambda: svc.list_tours(uow(), speed), self._show_tours)

    def _show_tours(self, rows) -> None:
        current = selected_row(self.tour_table)
        self.tours.set_rows(rows)
        if rows:
            resize_columns(self.tour_table)
            index = self.tours.row_of(lambda r: current is not None and r.id == current.id)
            proxy = self.tour_table.model()
            self.tour_table.setCurrentIndex(proxy.mapFromSource(self.tours.index(max(0, index), 0)))
        else:
            self.segments.set_rows([])
            self._update_timing()

    def _load_segments(self) -> None:
        tour = selected_row(self.tour_table)
        if tour is None:
            self.segments.set_rows([])
            self._update_timing()
            return
        uow, speed = self.context.uow, self.context.settings.reading_speed
        self.fetch(lambda: svc.list_segments(uow(), tour.id, speed), self._show_segments)

    def _show_segments(self, rows) -> None:
        self.segments.set_rows(rows)
        if rows:
            resize_columns(self.segment_table)
        self._update_timing()

    def _update_timing(self) -> None:
        tour = selected_row(self.tour_table)
        if tour is None:
            self.segment_header.setText(self.tr("Segments"))
            self.timing_label.setText(self.tr("Select a tour to see its segments."))
            self.timing_label.setStyleSheet("")
            return
        self.segment_header.setText(tour.title)
        planned, spoken = fmt.duration(tour.planned_seconds), fmt.duration(tour.estimated_seconds)
        style = ""
        if not tour.slot_seconds:
            text = fmt.arg(self.tr("Planned %1 · speaking time %2 · no slot set"), planned, spoken)
        elif self._overruns(tour):
            text = fmt.arg(self.tr("Planned %1 · speaking time %2 · slot %3 — overruns the slot by %4"), planned,
                           spoken, fmt.duration(tour.slot_seconds), fmt.duration(tour.planned_seconds - tour.slot_seconds))
            style = "color: #b3261e; font-weight: bold;"
        else:
            text = fmt.arg(self.tr("Planned %1 · speaking time %2 · slot %3 — fits, %4 to spare"), planned, spoken,
                           fmt.duration(tour.slot_seconds), fmt.duration(tour.slot_seconds - tour.planned_seconds))
        self.timing_label.setStyleSheet(style)
        self.timing_label.setText(text)

    def _rename(self, row_index: int, key: str, text: str) -> None:
        row = self.tours.rows[row_index]
        uow = self.context.uow

        def apply(value: str) -> str:
            return svc.rename_tour(uow(), row.id, value)

        try:
            old = apply(text)
        except Exception as exc:  # noqa: BLE001 - shown plainly
            self.show_error(exc)
            return
        if old == text.strip():
            return  # the same title: nothing to undo
        self.context.undo_stack.push(
            AppliedEditCommand(self.tr("Rename tour"), apply, old, text, lambda _v: self.load(), self.show_error)
        )
