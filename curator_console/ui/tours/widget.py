"""Tours workspace: the list of tours (create, from a template, duplicate, archive, delete) beside
the editor of the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import tours as svc
from curator_console.ui import formatting as fmt
from curator_console.ui.commands import AppliedEditCommand
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.thumbnails import Thumbnails
from curator_console.ui.tours.commands import IdMap, TourCommand
from curator_console.ui.tours.editor import LANGUAGES, TourEditor
from curator_console.ui.workspace import WorkspacePage, heading, selected_row

LANGUAGE_NAMES = dict(LANGUAGES)


class ToursPage(WorkspacePage):
    records_imported = Signal()  # a tour file added objects or products (the other pages read them again)

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("toursPage")
        self.header = heading()
        self.tour_ids = IdMap()
        self._select_tour: int | None = None
        self.tours = RowsModel([
            Column("title", lambda: self.tr("Tour"), lambda r: r.title, editable=True, tooltip=self._tour_tip),
            Column("planned", lambda: self.tr("Planned"), lambda r: fmt.duration(r.planned_seconds),
                   sort_value=lambda r: r.planned_seconds, numeric=True, warn=self._overruns,
                   tooltip=self._overrun_tip),
            Column("slot", lambda: self.tr("Slot"), lambda r: fmt.duration(r.slot_seconds),
                   sort_value=lambda r: r.slot_seconds or 0, numeric=True),
            Column("segments", lambda: self.tr("Segments"), lambda r: r.segment_count, numeric=True),
            Column("status", lambda: self.tr("Status"), self._status_text),
            Column("start", lambda: self.tr("Planned start"), lambda r: fmt.local_datetime(r.planned_start),
                   sort_value=lambda r: r.planned_start.timestamp() if r.planned_start else 0),
            Column("estimated", lambda: self.tr("Speaking time"), lambda r: fmt.duration(r.estimated_seconds),
                   sort_value=lambda r: r.estimated_seconds, numeric=True),
            Column("host", lambda: self.tr("Host"), lambda r: r.host),
            Column("language", lambda: self.tr("Language"), lambda r: LANGUAGE_NAMES.get(r.language, r.language)),
        ], self)
        self.tours.edit_requested.connect(self._rename)
        self.tour_table = self.make_table(self.tours, "tourTable")
        self.tour_table.selectionModel().currentRowChanged.connect(lambda *_: self._tour_selected())

        self.new_button = QToolButton()
        self.new_button.setObjectName("newTourButton")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_menu = QMenu(self.new_button)
        self.new_menu.aboutToShow.connect(self._fill_new_menu)
        self.new_button.setMenu(self.new_menu)
        self.new_button.clicked.connect(lambda: self.new_tour(None))
        self.duplicate_button = QPushButton()
        self.duplicate_button.setObjectName("duplicateTourButton")
        self.duplicate_button.clicked.connect(self.duplicate_tour)
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreTourButton")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.template_action = QAction(self)
        self.template_action.setCheckable(True)
        self.template_action.triggered.connect(self.toggle_template)
        self.archive_action = QAction(self)
        self.archive_action.triggered.connect(self.toggle_archive)
        self.delete_action = QAction(self)
        self.delete_action.triggered.connect(self.delete_tour)
        # Moving a tour to another computer (one .cctour file): export the selected tour here,
        # import from the New tour menu (there may be no tour to select yet).
        self.export_file_action = QAction(self)
        self.export_file_action.setObjectName("exportTourFileAction")
        self.export_file_action.triggered.connect(self.export_tour_file)
        self.import_file_action = QAction(self)
        self.import_file_action.setObjectName("importTourFileAction")
        self.import_file_action.triggered.connect(self.import_tour_file)
        self.last_transfer = None  # the latest TourFileTransfer (tests look at it)
        for a in (self.template_action, self.archive_action):
            more.addAction(a)
        more.addSeparator()
        more.addAction(self.export_file_action)
        more.addSeparator()
        more.addAction(self.delete_action)
        self.more_button.setMenu(more)
        self.show_archived = QCheckBox()
        self.show_archived.setObjectName("showArchivedCheck")
        self.show_archived.toggled.connect(lambda _on: self.load())

        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(lambda: self.new_tour(None))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.tour_table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_tour)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.tour_table, 1)
        list_layout.addWidget(self.show_archived)

        self.thumbnails = Thumbnails(MediaStore(paths.media_dir()), self)
        self.editor = TourEditor(context, self.thumbnails, self.fetch, self.show_error, self.tour_ids, self)
        self.editor.changed.connect(self._tour_changed)
        self.editor.status_message.connect(self.status_message)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("toursSplitter")
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(self.editor)
        self.splitter.setCollapsible(0, True)  # a narrow window may fold the list away
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 1000])

        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    @property
    def timing_label(self):
        """The selected tour's total against its slot (shown by the editor)."""
        return self.editor.timing_label

    @property
    def segment_header(self):
        """The selected tour's title as the editor shows it."""
        return self.editor.title_edit

    # --- texts ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Tours")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Tours"))
        self.tour_table.setAccessibleName(self.tr("Tours"))
        self.new_button.setText(self.tr("New tour"))
        self.new_button.setToolTip(self.tr("A new, empty tour (Ctrl+N); the arrow starts one from a template"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.duplicate_button.setToolTip(self.tr("A copy of the selected tour with all its segments and links"))
        self.more_button.setText(self.tr("More"))
        self.template_action.setText(self.tr("Use as a template"))
        self.archive_action.setText(self.tr("Archive"))
        self.delete_action.setText(self.tr("Delete tour…"))
        self.export_file_action.setText(self.tr("Export tour to file…"))
        self.export_file_action.setToolTip(self.tr(
            "One .cctour file with the tour, its objects, products and images, to open on another computer"))
        self.import_file_action.setText(self.tr("Import tour from file…"))
        self.import_file_action.setToolTip(self.tr("Add a tour exported on another computer (.cctour) as a new tour"))
        self.show_archived.setText(self.tr("Show archived tours"))
        self.tours.retranslate()
        self.editor.retranslate()
        self._update_actions()

    def _status_text(self, r) -> str:
        status = {"draft": self.tr("Draft"), "ready": self.tr("Ready"), "archived": self.tr("Archived")}.get(r.status, r.status)
        return fmt.arg(self.tr("%1 · template"), status) if getattr(r, "is_template", False) else status

    def _tour_tip(self, r) -> str:
        return self.tr("Template: new tours can start from it") if getattr(r, "is_template", False) else ""

    def _overruns(self, r) -> bool:
        return bool(r.slot_seconds) and r.planned_seconds > r.slot_seconds

    def _overrun_tip(self, r) -> str:
        if self._overruns(r):
            return fmt.arg(self.tr("Overruns the slot by %1"), fmt.duration(r.planned_seconds - r.slot_seconds))
        return ""

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        uow, speed = self.context.uow, self.context.settings.reading_speed
        self.fetch(lambda: svc.list_tours(uow(), speed), self._show_tours)

    def _show_tours(self, rows) -> None:
        current = selected_row(self.tour_table)
        wanted = self._select_tour if self._select_tour is not None else (current.id if current else None)
        self._select_tour = None
        if not self.show_archived.isChecked():
            rows = [r for r in rows if r.status != "archived" or r.id == wanted]
        self.tours.set_rows(rows)
        if rows:
            index = self.tours.row_of(lambda r: r.id == wanted)
            proxy = self.tour_table.model()
            self.tour_table.setCurrentIndex(proxy.mapFromSource(self.tours.index(max(0, index), 0)))
            self.tour_table.resizeColumnToContents(0)
            if self.tour_table.columnWidth(0) > 320:
                self.tour_table.setColumnWidth(0, 320)
        else:
            self.editor.load_tour(None)
        self._update_actions()

    def current_tour(self):
        return selected_row(self.tour_table)

    def select_tour(self, tour_id: int) -> None:
        """Select (and open in the editor) the tour ``tour_id`` once the list has been read again."""
        self._select_tour = tour_id
        self.load()

    def _tour_selected(self) -> None:
        row = self.current_tour()
        self.editor.load_tour(row.id if row else None)
        self._update_actions()

    def _tour_changed(self) -> None:
        self.load()

    def _update_actions(self) -> None:
        row = self.current_tour()
        for w in (self.duplicate_button, self.more_button):
            w.setEnabled(row is not None)
        if row is not None:
            self.template_action.setChecked(bool(getattr(row, "is_template", False)))
            self.archive_action.setText(self.tr("Restore from archive") if row.status == "archived" else self.tr("Archive"))

    # --- commands on whole tours ------------------------------------------------------------
    def _push(self, label: str, redo, undo) -> bool:
        try:
            redo()
        except Exception as exc:  # noqa: BLE001 - shown plainly
            self.show_error(exc)
            return False
        self.context.undo_stack.push(TourCommand(label, redo, undo, self._after_tour_command, self.show_error))
        return True

    def _after_tour_command(self) -> None:
        self.load()
        self.editor.reload()

    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        self.new_menu.addAction(self.tr("Blank tour"), lambda: self.new_tour(None))
        self.new_menu.addAction(self.import_file_action)
        try:
            templates = svc.list_templates(self.context.uow())
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return
        if templates:
            self.new_menu.addSeparator()
            section = self.new_menu.addAction(self.tr("From a template:"))
            section.setEnabled(False)
            for t in templates:
                self.new_menu.addAction(fmt.arg(self.tr("%1 (%2 segments)"), t.title, t.segment_count),
                                        lambda tid=t.id, title=t.title: self.new_tour(tid, title))
        else:
            hint = self.new_menu.addAction(self.tr("No templates yet: mark a tour “Use as a template”"))
            hint.setEnabled(False)

    def new_tour(self, template_id: int | None, template_title: str = "") -> None:
        default = self.tr("New tour") if template_id is None else fmt.arg(self.tr("%1 (new)"), template_title)
        title, ok = QInputDialog.getText(self, self.tr("New tour"), self.tr("Title of the tour:"),
                                         QLineEdit.EchoMode.Normal, default)
        if ok and title.strip():
            self.create_tour(title.strip(), template_id)

    def create_tour(self, title: str, template_id: int | None = None) -> None:
        uow, ids = self.context.uow, self.tour_ids
        state: dict = {}

        def redo() -> None:
            if "snapshot" in state:
                ids.alias(state["id"], svc.restore_tour(uow(), state["snapshot"]))
            else:
                state["id"] = svc.create_tour(uow(), title, template_id=template_id)
            self._select_tour = ids.resolve(state["id"])

        def undo() -> None:
            state["snapshot"] = svc.delete_tour(uow(), ids.resolve(state["id"]))

        if self._push(fmt.arg(self.tr("New tour “%1”"), title), redo, undo):
            self.status_message.emit(self.tr("Tour created. Add its first segment with Ctrl+Shift+N."))

    def duplicate_tour(self) -> None:
        row = self.current_tour()
        if row is None:
            return
        self.editor.flush()
        title, ok = QInputDialog.getText(self, self.tr("Duplicate tour"), self.tr("Title of the copy:"),
                                         QLineEdit.EchoMode.Normal, fmt.arg(self.tr("%1 (copy)"), row.title))
        if not ok or not title.strip():
            return
        uow, ids, source = self.context.uow, self.tour_ids, row.id
        state: dict = {}

        def redo() -> None:
            if "snapshot" in state:
                ids.alias(state["id"], svc.restore_tour(uow(), state["snapshot"]))
            else:
                state["id"] = svc.duplicate_tour(uow(), ids.resolve(source), title.strip())
            self._select_tour = ids.resolve(state["id"])

        def undo() -> None:
            state["snapshot"] = svc.delete_tour(uow(), ids.resolve(state["id"]))

        self._push(fmt.arg(self.tr("Duplicate tour “%1”"), row.title), redo, undo)

    def toggle_template(self) -> None:
        row = self.current_tour()
        if row is None:
            return
        uow, ids, tid = self.context.uow, self.tour_ids, row.id
        new = not bool(getattr(row, "is_template", False))
        label = self.tr("Use as a template") if new else self.tr("No longer a template")
        self._push(label, lambda: svc.set_template(uow(), ids.resolve(tid), new),
                   lambda: svc.set_template(uow(), ids.resolve(tid), not new))

    def toggle_archive(self) -> None:
        row = self.current_tour()
        if row is None:
            return
        uow, ids, tid, old = self.context.uow, self.tour_ids, row.id, row.status
        new = "draft" if row.status == "archived" else "archived"
        label = self.tr("Restore tour from archive") if new == "draft" else self.tr("Archive tour")
        self._select_tour = tid
        if self._push(label, lambda: svc.set_tour_status(uow(), ids.resolve(tid), new),
                      lambda: svc.set_tour_status(uow(), ids.resolve(tid), old)) and new == "archived":
            self.status_message.emit(self.tr("Tour archived. “Show archived tours” lists it again."))

    def delete_tour(self) -> None:
        row = self.current_tour()
        if row is None:
            return
        self.editor.flush()
        uow, ids, tid = self.context.uow, self.tour_ids, row.id
        try:
            segments, sessions = svc.delete_summary(uow(), ids.resolve(tid))
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return
        question = fmt.arg(self.tr("Delete the tour “%1” with its %2 segments?"), row.title, segments)
        if sessions:
            question += "\n\n" + fmt.arg(self.tr(
                "%1 recorded sessions keep their own copy of the script and stay in Review."), sessions)
        question += "\n\n" + self.tr("You can undo this with Ctrl+Z.")
        answer = QMessageBox.question(self, self.tr("Delete tour"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        state: dict = {"id": tid}

        def redo() -> None:
            state["snapshot"] = svc.delete_tour(uow(), ids.resolve(state["id"]))

        def undo() -> None:
            ids.alias(state["id"], svc.restore_tour(uow(), state["snapshot"]))
            self._select_tour = ids.resolve(state["id"])

        if self._push(fmt.arg(self.tr("Delete tour “%1”"), row.title), redo, undo):
            self.status_message.emit(self.tr("Tour deleted. Undo (Ctrl+Z) brings it back."))

    # --- moving a tour to another computer -------------------------------------------------
    def export_tour_file(self) -> None:
        """Write the selected tour, its objects, products and images to one .cctour file."""
        row = self.current_tour()
        if row is None:
            return
        from curator_console.ui.tours.transfer import TourFileTransfer

        self.editor.flush()  # the file holds what the editor shows, unsaved typing included
        self.last_transfer = TourFileTransfer(self, self.context)
        self.last_transfer.export_tour(self.tour_ids.resolve(row.id), row.title)

    def import_tour_file(self) -> None:
        """Add a tour from a .cctour file as a new tour, then select it."""
        from curator_console.ui.tours.transfer import TourFileTransfer

        self.editor.flush()
        transfer = TourFileTransfer(self, self.context)
        transfer.finished.connect(self._tour_file_imported)
        self.last_transfer = transfer
        transfer.import_tour()

    def _tour_file_imported(self, result) -> None:
        from curator_console.services.tour_transfer import ImportSummary

        if not isinstance(result, ImportSummary):
            return
        self._select_tour = result.tour_id
        self.load()
        if result.objects_created or result.products_created:
            self.records_imported.emit()
        self.status_message.emit(fmt.arg(self.tr("Tour “%1” imported."), result.title))

    def _rename(self, row_index: int, key: str, text: str) -> None:
        row = self.tours.rows[row_index]
        uow, ids, tid = self.context.uow, self.tour_ids, row.id

        def apply(value: str) -> str:
            return svc.rename_tour(uow(), ids.resolve(tid), value)

        try:
            old = apply(text)
        except Exception as exc:  # noqa: BLE001 - shown plainly
            self.show_error(exc)
            return
        if old == text.strip():
            return  # the same title: nothing to undo
        self.context.undo_stack.push(
            AppliedEditCommand(self.tr("Rename tour"), apply, old, text, lambda _v: self._after_tour_command(),
                               self.show_error)
        )
