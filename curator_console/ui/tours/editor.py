"""The tour editor: the tour's details, its running order with timing against the slot, the
selected segment in full, and the readiness check.

Every change is saved at once by a service and pushed onto the app's undo stack as a
``TourCommand`` (so Ctrl+Z walks back through text edits, reorders and links alike). The editor
then reloads the tour in the background. Edits carry the value the editor last showed; when a
colleague saved the same thing first on a shared database, the service refuses and the user
chooses between both versions (``ConflictDialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain.readiness import check_readiness
from curator_console.domain.timing import plan_tour
from curator_console.domain.tour_plan import TourDetail
from curator_console.services import tour_segments as seg_svc
from curator_console.services import tour_versions as ver_svc
from curator_console.services import tours as svc
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui import icons
from curator_console.ui.tours.commands import IdMap, TourCommand
from curator_console.ui.tours.conflict import ConflictDialog
from curator_console.ui.tours.readiness_panel import ReadinessPanel
from curator_console.ui.tours.segment_detail import SegmentDetailPanel
from curator_console.ui.tours.segment_model import SegmentLine, SegmentOrderModel
from curator_console.ui.tours.timing_bar import TimingBar
from curator_console.ui.table_model import Column
from curator_console.ui.tasks import run_task

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


def to_utc(qdt: QDateTime) -> datetime:
    return datetime.fromtimestamp(qdt.toSecsSinceEpoch(), timezone.utc)


def from_utc(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())


class TourEditor(QWidget):
    """Edits one tour. ``load_tour(id)`` shows it; ``changed`` tells the page a tour's summary changed."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, context, thumbnails, fetch: Callable, show_error: Callable[[BaseException], None],
                 tour_ids: IdMap, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tourEditor")
        self.context = context
        self.fetch = fetch
        self.show_error = show_error
        self.tour_ids = tour_ids
        self.segment_ids = IdMap()
        self.tour_id: int | None = None
        self.detail: TourDetail | None = None
        self._select_segment: int | None = None
        self._lines: list[SegmentLine] = []

        # --- the tour's details ---------------------------------------------------------
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("tourTitleEdit")
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("tourHostEdit")
        self.start_check = QCheckBox()
        self.start_check.setObjectName("tourStartCheck")
        self.start_edit = QDateTimeEdit()
        self.start_edit.setObjectName("tourStartEdit")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.slot_edit = QSpinBox()
        self.slot_edit.setObjectName("tourSlotEdit")
        self.slot_edit.setRange(0, 24 * 60)
        self.slot_edit.setSingleStep(5)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("tourLanguageCombo")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.title_edit.editingFinished.connect(lambda: self._tour_field("title", self.title_edit.text().strip()))
        self.host_edit.editingFinished.connect(lambda: self._tour_field("host", self.host_edit.text().strip()))
        self.start_check.toggled.connect(self._start_toggled)
        self.start_edit.editingFinished.connect(self._start_finished)
        self.slot_edit.editingFinished.connect(
            lambda: self._tour_field("slot_seconds", self.slot_edit.value() * 60 or None))
        self.language_combo.activated.connect(
            lambda _i: self._tour_field("language", self.language_combo.currentData()))

        self.labels = {k: QLabel() for k in ("title", "host", "start", "slot", "language")}
        # Two columns of fields on a wide window; one form keeps the editor usable on a narrow one.
        form_left, form_right = QFormLayout(), QFormLayout()
        form_left.addRow(self.labels["title"], self.title_edit)
        form_left.addRow(self.labels["host"], self.host_edit)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_check)
        start_row.addWidget(self.start_edit, 1)
        form_right.addRow(self.labels["start"], start_row)
        slot_row = QHBoxLayout()
        slot_row.addWidget(self.slot_edit)
        slot_row.addWidget(self.labels["language"])
        slot_row.addWidget(self.language_combo)
        form_right.addRow(self.labels["slot"], slot_row)
        for key, buddy in (("title", self.title_edit), ("host", self.host_edit), ("start", self.start_edit),
                           ("slot", self.slot_edit), ("language", self.language_combo)):
            self.labels[key].setBuddy(buddy)
        self.title_edit.setMinimumWidth(120)
        self.form_box = QWidget()
        forms = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.form_box)
        forms.setContentsMargins(0, 0, 0, 0)
        forms.addLayout(form_left, 3)
        forms.addLayout(form_right, 2)
        self._forms = forms

        # --- actions ----------------------------------------------------------------------
        def button(name: str, slot: Callable[[], None]) -> QPushButton:
            b = QPushButton()
            b.setObjectName(name)
            b.clicked.connect(slot)
            return b

        self.add_button = button("addSegmentButton", self.add_segment)
        self.delete_button = button("deleteSegmentButton", self.delete_segment)
        self.up_button = button("segmentUpButton", lambda: self.move_current(-1))
        self.down_button = button("segmentDownButton", lambda: self.move_current(1))
        self.save_version_button = button("saveVersionButton", self.save_version)
        self.versions_button = button("versionsButton", self.show_versions)
        self.export_button = button("exportRunOfShowButton", lambda: self.export(False))
        self.cards_button = button("exportCueCardsButton", lambda: self.export(True))
        # Icons on the editing buttons only: the row stays short enough to show every button.
        for b, name in ((self.add_button, "new"), (self.delete_button, "delete"), (self.up_button, "up"),
                        (self.down_button, "down")):
            b.setIcon(icons.icon(name))
        # A toolbar, so a narrow window folds the last buttons into its overflow menu.
        actions = QToolBar()
        actions.setObjectName("tourEditorToolbar")
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            actions.addWidget(b)
        actions.addSeparator()
        for b in (self.save_version_button, self.versions_button, self.export_button, self.cards_button):
            actions.addWidget(b)

        # --- timing -----------------------------------------------------------------------
        self.timing_label = QLabel()
        self.timing_label.setObjectName("tourTimingLabel")
        self.timing_label.setWordWrap(True)
        self.timing_bar = TimingBar()
        self.timing_bar.segment_clicked.connect(self.select_segment_row)

        # --- running order ----------------------------------------------------------------
        self.model = SegmentOrderModel([
            Column("position", lambda: self.tr("#"), lambda r: r.segment.position + 1, numeric=True),
            Column("offset", lambda: self.tr("Starts at"), lambda r: fmt.duration(r.start_offset_seconds), numeric=True),
            Column("title", lambda: self.tr("Segment"), lambda r: r.segment.title),
            Column("planned", lambda: self.tr("Planned"), lambda r: fmt.duration(r.segment.planned_seconds), numeric=True),
            Column("estimated", lambda: self.tr("Speaking time"), lambda r: fmt.duration(r.estimated_seconds),
                   numeric=True, warn=lambda r: r.estimated_seconds > r.segment.planned_seconds,
                   tooltip=self._estimate_tip),
            Column("objects", lambda: self.tr("Objects"), lambda r: len(r.segment.objects), numeric=True),
            Column("products", lambda: self.tr("Products"), lambda r: len(r.segment.products), numeric=True),
            Column("cues", lambda: self.tr("Cues"), lambda r: " · ".join(c.text for c in r.segment.cues)),
            Column("problems", lambda: self.tr("Check"), lambda r: "⚠" if r.problems else "✓",
                   warn=lambda r: bool(r.problems), tooltip=self._problems_tip),
        ], self)
        self.model.move_requested.connect(self.move_segment)
        self.model.objects_dropped.connect(lambda row, ids: self._add_objects_to_row(row, ids))
        self.model.products_dropped.connect(lambda row, ids: self._add_products_to_row(row, ids))
        self.table = QTableView()
        self.table.setObjectName("segmentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())

        for keys, slot in ((QKeySequence("Ctrl+Shift+N"), self.add_segment),
                           (QKeySequence("Alt+Up"), lambda: self.move_current(-1)),
                           (QKeySequence("Alt+Down"), lambda: self.move_current(1))):
            sc = QShortcut(keys, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_segment)

        self.segment_panel = SegmentDetailPanel(context, thumbnails, self)
        self.segment_panel.field_edited.connect(self._segment_field)
        self.segment_panel.objects.changed.connect(lambda old, new: self._segment_list("objects", old, new))
        self.segment_panel.objects.pick_requested.connect(self._pick_objects)
        self.segment_panel.products.changed.connect(lambda old, new: self._segment_list("products", old, new))
        self.segment_panel.products.pick_requested.connect(self._pick_products)
        self.segment_panel.products.invalid_value.connect(
            lambda text: QMessageBox.warning(self, self.tr("Not saved"), text))
        self.segment_panel.cues.changed.connect(lambda old, new: self._segment_list("cues", old, new))
        self.segment_panel.cues.scenes_wanted.connect(self.load_scenes)

        self.readiness = ReadinessPanel(self)
        self.readiness.problem_activated.connect(self._jump_to_problem)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(self.readiness, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("tourEditorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.segment_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_box)
        layout.addWidget(actions)
        layout.addWidget(self.timing_label)
        layout.addWidget(self.timing_bar)
        layout.addWidget(self.splitter, 1)
        self._scenes_loaded = False
        self.retranslate()
        self._enable(False)

    def resizeEvent(self, event) -> None:
        # The two field columns stack when the editor is narrower than both side by side.
        wide = event.size().width() >= 900
        self._forms.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"title": self.tr("&Title"), "host": self.tr("&Host"), "start": self.tr("Planned &start"),
                 "slot": self.tr("S&lot"), "language": self.tr("Lan&guage")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.title_edit.setAccessibleName(self.tr("Tour title"))
        self.host_edit.setAccessibleName(self.tr("Host"))
        self.start_check.setAccessibleName(self.tr("Planned start is set"))
        self.start_check.setToolTip(self.tr("Set a planned start"))
        self.start_edit.setAccessibleName(self.tr("Planned start"))
        self.slot_edit.setAccessibleName(self.tr("Slot length in minutes"))
        self.slot_edit.setSuffix(self.tr(" min"))
        self.slot_edit.setSpecialValueText(self.tr("no slot"))
        self.language_combo.setAccessibleName(self.tr("Tour language"))
        self.add_button.setText(self.tr("Add segment"))
        self.add_button.setToolTip(self.tr("Add a segment after the selected one (Ctrl+Shift+N)"))
        self.delete_button.setText(self.tr("Delete segment"))
        self.delete_button.setToolTip(self.tr("Delete the selected segment (Delete); Ctrl+Z brings it back"))
        self.up_button.setText(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Move the selected segment earlier (Alt+Up), or drag it"))
        self.down_button.setText(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Move the selected segment later (Alt+Down), or drag it"))
        self.save_version_button.setText(self.tr("Save version…"))
        self.save_version_button.setToolTip(self.tr("Keep a named snapshot of the whole tour"))
        self.versions_button.setText(self.tr("Versions…"))
        self.versions_button.setToolTip(self.tr("Compare with or restore a saved version"))
        self.export_button.setText(self.tr("Run-of-show PDF…"))
        self.cards_button.setText(self.tr("Cue cards PDF…"))
        self.table.setAccessibleName(self.tr("Running order"))
        self.model.retranslate()
        self.segment_panel.retranslate()
        self.readiness.retranslate()
        self._update_timing()

    def _estimate_tip(self, line: SegmentLine) -> str:
        diff = line.estimated_seconds - line.segment.planned_seconds
        if diff > 0:
            return fmt.arg(self.tr("The script needs about %1 more than planned"), fmt.duration(diff))
        return fmt.arg(self.tr("The script fits, %1 to spare"), fmt.duration(-diff))

    def _problems_tip(self, line: SegmentLine) -> str:
        if not line.problems:
            return self.tr("Ready")
        return fmt.arg(self.tr("Problems: %1 — see the readiness check"), line.problems)

    # --- loading ----------------------------------------------------------------------------
    def _enable(self, on: bool) -> None:
        for w in (self.title_edit, self.host_edit, self.start_check, self.start_edit, self.slot_edit,
                  self.language_combo, self.add_button, self.save_version_button, self.versions_button,
                  self.export_button, self.cards_button, self.table, self.segment_panel):
            w.setEnabled(on)
        has_segment = on and self.current_row() >= 0
        for w in (self.delete_button, self.up_button, self.down_button):
            w.setEnabled(has_segment)

    def load_tour(self, tour_id: int | None) -> None:
        if tour_id != self.tour_id:
            self.segment_panel.flush()
            self._select_segment = None
        self.tour_id = tour_id
        if tour_id is None:
            self.detail = None
            self._show(None)
            return
        self.reload()

    def reload(self) -> None:
        if self.tour_id is None:
            return
        uow, tour_id = self.context.uow, self.tour_ids.resolve(self.tour_id)
        self.fetch(lambda: svc.get_tour(uow(), tour_id), self._show)

    def _show(self, detail: TourDetail | None) -> None:
        if detail is not None and self.tour_id is not None and detail.id != self.tour_ids.resolve(self.tour_id):
            return  # an older tour's answer
        self.detail = detail
        speed = self.context.settings.reading_speed
        if detail is None:
            self.model.set_rows([])
            self.segment_panel.set_segment(None, 0)
            self.readiness.set_problems([], None)
            self._enable(False)
            self._update_timing()
            return
        problems = check_readiness(detail, speed)
        per_segment: dict[int, int] = {}
        for p in problems:
            if p.segment_index is not None:
                per_segment[p.segment_index] = per_segment.get(p.segment_index, 0) + 1
        timing = plan_tour([(s.title, s.planned_seconds, s.script) for s in detail.segments], detail.slot_seconds, speed)
        current_id = self._select_segment or self.current_segment_id()
        self._lines = [SegmentLine(s, t.start_offset_seconds, t.estimated_seconds, per_segment.get(i, 0))
                       for i, (s, t) in enumerate(zip(detail.segments, timing.segments))]
        self.model.set_rows(self._lines)
        row = next((i for i, line in enumerate(self._lines) if line.id == current_id), 0 if self._lines else -1)
        self._select_segment = None
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 2))
        self._show_fields(detail)
        self.readiness.set_problems(problems, detail)
        self._enable(True)
        self._current_changed()
        self._update_timing()

    def _show_fields(self, d: TourDetail) -> None:
        if not self.title_edit.hasFocus():
            self.title_edit.setText(d.title)
        if not self.host_edit.hasFocus():
            self.host_edit.setText(d.host)
        self.start_check.blockSignals(True)
        self.start_check.setChecked(d.planned_start is not None)
        self.start_check.blockSignals(False)
        self.start_edit.setEnabled(d.planned_start is not None)
        if d.planned_start is not None and not self.start_edit.hasFocus():
            self.start_edit.setDateTime(from_utc(d.planned_start))
        if not self.slot_edit.hasFocus():
            self.slot_edit.setValue((d.slot_seconds or 0) // 60)
        index = self.language_combo.findData(d.language)
        if index < 0:
            self.language_combo.addItem(d.language, d.language)
            index = self.language_combo.count() - 1
        self.language_combo.setCurrentIndex(index)

    def _update_timing(self) -> None:
        d = self.detail
        if d is None:
            self.timing_label.setText("")
            self.timing_bar.set_timing([], None)
            return
        planned = sum(line.segment.planned_seconds for line in self._lines)
        spoken = sum(line.estimated_seconds for line in self._lines)
        p, s = fmt.duration(planned), fmt.duration(spoken)
        style = ""
        if not d.slot_seconds:
            text = fmt.arg(self.tr("Planned %1 · speaking time %2 · no slot set"), p, s)
        elif planned > d.slot_seconds:
            text = fmt.arg(self.tr("Planned %1 · speaking time %2 · slot %3 — overruns the slot by %4"), p, s,
                           fmt.duration(d.slot_seconds), fmt.duration(planned - d.slot_seconds))
            style = "color: $error; font-weight: bold;"
        else:
            text = fmt.arg(self.tr("Planned %1 · speaking time %2 · slot %3 — fits, %4 to spare"), p, s,
                           fmt.duration(d.slot_seconds), fmt.duration(d.slot_seconds - planned))
        appearance.styled(self.timing_label, style)
        self.timing_label.setText(text)
        self.timing_bar.set_timing([(line.segment.title, line.segment.planned_seconds, line.estimated_seconds)
                                    for line in self._lines], d.slot_seconds)
        self.timing_bar.set_selected(self.current_row())

    # --- selection --------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() and index.row() < len(self._lines) else -1

    def current_segment_id(self) -> int | None:
        row = self.current_row()
        return self._lines[row].id if row >= 0 else None

    def select_segment_row(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.table.setCurrentIndex(self.model.index(row, 2))

    def _current_changed(self) -> None:
        row = self.current_row()
        segment = self._lines[row].segment if row >= 0 else None
        if self.segment_panel.segment is not None and (segment is None or segment.id != self.segment_panel.segment.id):
            self.segment_panel.flush()
        self.segment_panel.set_reading_speed(self.context.settings.reading_speed)
        self.segment_panel.set_segment(segment, row)
        has = row >= 0 and self.detail is not None
        self.delete_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._lines) - 1)
        self.timing_bar.set_selected(row)

    # --- saving edits -----------------------------------------------------------------------
    def _tour(self) -> int:
        assert self.tour_id is not None
        return self.tour_ids.resolve(self.tour_id)

    def _undo_failed(self, exc: BaseException) -> None:
        self.show_error(exc)

    def _after(self) -> None:
        self.reload()
        self.changed.emit()

    def _apply(self, label: str, redo: Callable[[], object], undo: Callable[[], object],
               what: str = "", force_redo: Callable[[], object] | None = None) -> bool:
        """Save an edit now and put it on the undo stack. A conflict with a colleague's saved
        change asks which version to keep; any other refusal is shown and nothing is pushed."""
        try:
            redo()
        except svc.TourConflictError as exc:
            if force_redo is None or not self._keep_mine(what or label, exc):
                self.reload()
                return False
            try:
                force_redo()
            except Exception as again:  # noqa: BLE001 - shown plainly
                self.show_error(again)
                self.reload()
                return False
        except Exception as exc:  # noqa: BLE001 - shown plainly; the view goes back to the saved state
            self.show_error(exc)
            self.reload()
            return False
        self.context.undo_stack.push(TourCommand(label, redo, undo, self._after, self._undo_failed))
        return True

    def _keep_mine(self, what: str, exc) -> bool:
        dialog = ConflictDialog(what, exc.mine, exc.theirs, self)
        dialog.exec()
        return dialog.keep_mine

    def field_name(self, name: str) -> str:
        return {
            "title": self.tr("The title"), "host": self.tr("The host"), "planned_start": self.tr("The planned start"),
            "slot_seconds": self.tr("The slot"), "language": self.tr("The language"),
            "planned_seconds": self.tr("The planned duration"), "script": self.tr("The script"),
            "script_alt": self.tr("The second-language script"), "objects": self.tr("The objects"),
            "products": self.tr("The featured products"), "cues": self.tr("The cues"), "order": self.tr("The running order"),
        }.get(name, name)

    def _tour_field(self, name: str, value) -> None:
        if self.detail is None:
            return
        old = getattr(self.detail, name)
        if value == old:
            return
        self.detail = replace(self.detail, **{name: value})  # until the reload: a second signal is a no-op
        uow, tour = self.context.uow, self._tour
        label = fmt.arg(self.tr("Edit tour: %1"), self.field_name(name))
        self._apply(
            label,
            lambda: svc.update_tour_field(uow(), tour(), name, value, expected=old),
            lambda: svc.update_tour_field(uow(), tour(), name, old, expected=value),
            what=self.field_name(name),
            force_redo=lambda: svc.update_tour_field(uow(), tour(), name, value, force=True),
        )
        self.changed.emit()

    def _start_toggled(self, on: bool) -> None:
        self.start_edit.setEnabled(on)
        if on:
            if self.detail is not None and self.detail.planned_start is None:
                self._tour_field("planned_start", to_utc(self.start_edit.dateTime()))
        else:
            self._tour_field("planned_start", None)

    def _start_finished(self) -> None:
        if self.start_check.isChecked():
            self._tour_field("planned_start", to_utc(self.start_edit.dateTime()))

    def _segment_field(self, name: str, old, new) -> None:
        segment = self.segment_panel.segment
        if segment is None:
            return
        uow, ids, seg = self.context.uow, self.segment_ids, segment.id
        labels = {"title": self.tr("Rename segment"), "planned_seconds": self.tr("Change planned duration"),
                  "script": self.tr("Edit script"), "script_alt": self.tr("Edit second-language script")}
        self._apply(
            labels.get(name, name),
            lambda: seg_svc.update_segment_field(uow(), ids.resolve(seg), name, new, expected=old),
            lambda: seg_svc.update_segment_field(uow(), ids.resolve(seg), name, old, expected=new),
            what=self.field_name(name),
            force_redo=lambda: seg_svc.update_segment_field(uow(), ids.resolve(seg), name, new, force=True),
        )

    _LIST_SETTERS = {"objects": "set_segment_objects", "products": "set_segment_products", "cues": "set_segment_cues"}

    def _segment_list(self, what: str, old: tuple, new: tuple, segment_id: int | None = None) -> None:
        if segment_id is None:
            segment = self.segment_panel.segment
            if segment is None:
                return
            segment_id = segment.id
        setter = getattr(seg_svc, self._LIST_SETTERS[what])
        uow, ids, seg = self.context.uow, self.segment_ids, segment_id
        labels = {"objects": self.tr("Change the segment's objects"), "products": self.tr("Change featured products"),
                  "cues": self.tr("Change cues")}
        self._apply(
            labels[what],
            lambda: setter(uow(), ids.resolve(seg), list(new), expected=list(old)),
            lambda: setter(uow(), ids.resolve(seg), list(old), expected=list(new)),
            what=self.field_name(what),
            force_redo=lambda: setter(uow(), ids.resolve(seg), list(new), force=True),
        )

    def _add_objects_to_row(self, row: int, ids: list[int]) -> None:
        segment = self._lines[row].segment
        have = tuple(o.item_id for o in segment.objects)
        new = have + tuple(i for i in dict.fromkeys(ids) if i not in have)
        if new != have:
            self._segment_list("objects", have, new, segment.id)

    def _add_products_to_row(self, row: int, ids: list[int]) -> None:
        from curator_console.domain.tour_plan import ProductLink

        segment = self._lines[row].segment
        have = tuple(p.link for p in segment.products)
        known = {link.product_id for link in have}
        new = have + tuple(ProductLink(i) for i in dict.fromkeys(ids) if i not in known)
        if new != have:
            self._segment_list("products", have, new, segment.id)

    def _pick_objects(self) -> None:
        from curator_console.ui.pickers import pick_objects

        segment = self.segment_panel.segment
        if segment is None:
            return
        ids = pick_objects(self, self.context, exclude=[o.item_id for o in segment.objects],
                           title=self.tr("Add objects to the segment"))
        if ids:
            self.segment_panel.objects.add_ids(ids)

    def _pick_products(self) -> None:
        from curator_console.ui.pickers import pick_products

        segment = self.segment_panel.segment
        if segment is None:
            return
        ids = pick_products(self, self.context, exclude=[p.product_id for p in segment.products],
                            title=self.tr("Feature products in the segment"))
        if ids:
            self.segment_panel.products.add_ids(ids)

    # --- structure --------------------------------------------------------------------------
    def add_segment(self) -> None:
        if self.detail is None:
            return
        self.segment_panel.flush()
        row = self.current_row()
        index = row + 1 if row >= 0 else len(self._lines)
        uow, tour, ids = self.context.uow, self._tour, self.segment_ids
        title = fmt.arg(self.tr("Segment %1"), index + 1)
        state: dict = {}

        def redo() -> None:
            if "snapshot" in state:
                ids.alias(state["id"], seg_svc.restore_segment(uow(), tour(), state["snapshot"]))
            else:
                state["id"] = seg_svc.add_segment(uow(), tour(), index, title=title)
            self._select_segment = ids.resolve(state["id"])

        def undo() -> None:
            state["snapshot"] = seg_svc.delete_segment(uow(), ids.resolve(state["id"]))

        if self._apply(self.tr("Add segment"), redo, undo):
            self.status_message.emit(self.tr("Segment added. Type its title, then write the script."))
            self.segment_panel.title_edit.setFocus()
            self.segment_panel.title_edit.selectAll()

    def delete_segment(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.segment_panel.flush()
        segment = self._lines[row].segment
        uow, tour, ids = self.context.uow, self._tour, self.segment_ids
        state: dict = {"id": segment.id}
        neighbour = self._lines[row + 1].id if row + 1 < len(self._lines) else (self._lines[row - 1].id if row else None)

        def redo() -> None:
            state["snapshot"] = seg_svc.delete_segment(uow(), ids.resolve(state["id"]))
            self._select_segment = neighbour and ids.resolve(neighbour)

        def undo() -> None:
            ids.alias(state["id"], seg_svc.restore_segment(uow(), tour(), state["snapshot"]))
            self._select_segment = ids.resolve(state["id"])

        if self._apply(fmt.arg(self.tr("Delete segment “%1”"), segment.title), redo, undo):
            self.status_message.emit(self.tr("Segment deleted. Undo (Ctrl+Z) brings it back."))

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.move_segment(row, row + delta)

    def move_segment(self, source: int, to: int) -> None:
        if not (0 <= source < len(self._lines)) or not (0 <= to < len(self._lines)) or source == to:
            return
        self.segment_panel.flush()
        uow, tour, ids = self.context.uow, self._tour, self.segment_ids
        order = [line.id for line in self._lines]
        moved_id = order[source]
        after = list(order)
        after.insert(to, after.pop(source))

        def redo() -> None:
            seg_svc.move_segment(uow(), tour(), source, to, expected_order=[ids.resolve(i) for i in order])
            self._select_segment = ids.resolve(moved_id)

        def undo() -> None:
            seg_svc.move_segment(uow(), tour(), to, source, expected_order=[ids.resolve(i) for i in after])
            self._select_segment = ids.resolve(moved_id)

        def force() -> None:
            seg_svc.move_segment(uow(), tour(), source, to)
            self._select_segment = ids.resolve(moved_id)

        self._apply(self.tr("Move segment"), redo, undo, what=self.field_name("order"), force_redo=force)

    # --- versions & export ------------------------------------------------------------------
    def save_version(self) -> None:
        if self.detail is None:
            return
        self.segment_panel.flush()
        default = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
        name, ok = QInputDialog.getText(self, self.tr("Save version"), self.tr("Name of this version:"),
                                        QLineEdit.EchoMode.Normal, default)
        if not ok or not name.strip():
            return
        try:
            ver_svc.save_version(self.context.uow(), self._tour(), name.strip())
        except Exception as exc:  # noqa: BLE001 - shown plainly
            self.show_error(exc)
            return
        self.status_message.emit(fmt.arg(self.tr("Version “%1” saved."), name.strip()))

    def show_versions(self) -> None:
        if self.detail is None:
            return
        from curator_console.ui.tours.versions import VersionsDialog

        self.segment_panel.flush()
        dialog = VersionsDialog(self.context, self._tour(), self)
        if dialog.exec() and dialog.chosen_version is not None:
            self.restore_version(dialog.chosen_version, dialog.chosen_name)

    def restore_version(self, version_id: int, name: str) -> None:
        uow, tour = self.context.uow, self._tour
        state: dict = {}

        def redo() -> None:
            state["before"] = ver_svc.restore_version(uow(), version_id)

        def undo() -> None:
            skipped = ver_svc.restore_snapshot(uow(), tour(), state["before"])
            if skipped:
                self.status_message.emit(fmt.arg(self.tr("Restored without: %1"), ", ".join(skipped)))

        if self._apply(fmt.arg(self.tr("Restore version “%1”"), name), redo, undo):
            self.status_message.emit(fmt.arg(self.tr("Version “%1” restored. Undo (Ctrl+Z) goes back."), name))

    def export(self, cards: bool) -> None:
        if self.detail is None:
            return
        from curator_console.ui.tours.export import export_tour

        self.segment_panel.flush()
        export_tour(self, self.context, self._tour(), cards)

    def load_scenes(self) -> None:
        """Fill the OBS scene choices from the connected OBS (once per editor; failures shown quietly)."""
        if self._scenes_loaded:
            return
        self._scenes_loaded = True
        from curator_console.services.obs_scenes import obs_scenes

        uow, http = self.context.uow, self.context.http

        def done(result) -> None:
            self.segment_panel.cues.set_scenes(result.scenes)

        def failed(exc: BaseException) -> None:
            self._scenes_loaded = False
            self.status_message.emit(fmt.arg(self.tr("OBS did not answer: %1"), str(exc)))

        run_task(lambda: obs_scenes(uow(), http), done, failed)

    # --- readiness --------------------------------------------------------------------------
    def _jump_to_problem(self, problem) -> None:
        if problem.segment_index is None:
            if problem.kind == "overrun":
                self.slot_edit.setFocus()
            return
        self.select_segment_row(problem.segment_index)
        panel = self.segment_panel
        if problem.item_id is not None:
            panel.tabs.setCurrentIndex(panel.TAB_OBJECTS)
        elif problem.product_id is not None:
            panel.tabs.setCurrentIndex(panel.TAB_PRODUCTS)
        elif problem.kind in ("no_script", "script_too_long"):
            panel.tabs.setCurrentIndex(panel.TAB_SCRIPT)
            panel.script.setFocus()

    def flush(self) -> None:
        self.segment_panel.flush()
