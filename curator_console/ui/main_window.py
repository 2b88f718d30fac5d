"""The main window: navigation between the five workspaces, menus, undo/redo, status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)

from curator_console.services import database as db_svc
from curator_console.ui import appearance, icons, layout_state
from curator_console.ui import formatting as fmt
from curator_console.ui import i18n
from curator_console.ui import settings as keys
from curator_console.ui.collection.widget import CollectionPage
from curator_console.ui.context import AppContext
from curator_console.ui.live.widget import LivePage
from curator_console.ui.review.widget import ReviewPage
from curator_console.ui.store.widget import StorePage
from curator_console.ui.tours.widget import ToursPage
from curator_console.ui.workspace import WorkspacePage


WORKSPACE_ICONS = ("collection", "store", "tours", "live", "review")  # resources/icons/<name>.svg, in page order


class MainWindow(QMainWindow):
    ready = Signal()  # the first workspace has shown its data

    def __init__(self, context: AppContext, demo: bool = False) -> None:
        # Palette and text size first: every widget, the window too, starts in them.
        appearance.apply_settings(context.settings)
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.demo = demo
        self.pages: list[WorkspacePage] = [
            CollectionPage(context), StorePage(context), ToursPage(context), LivePage(context), ReviewPage(context),
        ]
        self.nav = QListWidget()
        self.nav.setObjectName("workspaceNav")
        self.nav.setMinimumWidth(120)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setSpacing(3)
        self.stack = QStackedWidget()
        for page, icon_name in zip(self.pages, WORKSPACE_ICONS):
            self.stack.addWidget(page)
            QListWidgetItem(icons.icon(icon_name), "", self.nav)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.nav.currentRowChanged.connect(self.show_workspace)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        nav_width = max(150, self.fontMetrics().horizontalAdvance("M") * 11)
        self.splitter.setSizes([nav_width, 1200])
        self.setCentralWidget(self.splitter)

        self.db_label = QLabel()
        self.db_label.setObjectName("databaseStatus")
        self.platform_label = QLabel()
        self.platform_label.setObjectName("platformStatus")
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.platform_label)

        self._build_actions()
        appearance.watcher().applied.connect(self._fit_nav)  # a new text size
        self.retranslate()
        self._restore_window()
        self._restore_layout()
        first = min(max(0, context.settings.get(keys.WORKSPACE)), len(self.pages) - 1)
        self._first_page = self.pages[first]
        self._first_page.loaded.connect(self._first_loaded)
        self.nav.setCurrentRow(first)
        from curator_console.ui.welcome.first_run import FirstRun

        self.first_run = FirstRun(self)  # the welcome page on an empty database (Help → Getting started)

    # --- actions and menus ----------------------------------------------------------------
    def _build_actions(self) -> None:
        stack = self.context.undo_stack
        # Our own actions (not createUndoAction) so their texts follow our translations and the
        # current language: "Undo Rename tour" / "撤销 重命名导览".
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(stack.redo)
        # Bound methods, not lambdas: Qt drops these connections when the window is destroyed.
        stack.canUndoChanged.connect(self._stack_changed)
        stack.canRedoChanged.connect(self._stack_changed)
        stack.undoTextChanged.connect(self._stack_changed)
        stack.redoTextChanged.connect(self._stack_changed)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(self.back_up_database)
        self.restore_action = QAction(self)
        self.restore_action.setObjectName("restoreBackupAction")
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(lambda: self.current_page().load())
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.last_restore = None  # the RestoreSummary of the latest restore (tests look at it)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.workspace_actions = []
        for i in range(len(self.pages)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, row=i: self.nav.setCurrentRow(row))
            self.workspace_actions.append(action)

        from curator_console.ui.imports.actions import make_import_actions

        collection = self.pages[0]
        self.import_actions = make_import_actions(
            self, self.context, lambda: collection.load() if collection.has_loaded else None)
        from curator_console.ui.store.import_products import make_product_import_action

        store = self.pages[1]
        self.import_products_action = make_product_import_action(
            self, self.context, lambda: store.load() if store.has_loaded else None)
        from curator_console.ui.store.import_orders import make_order_import_action

        self.import_orders_action = make_order_import_action(self, self.context, self._orders_imported)
        self.pages[2].records_imported.connect(self._tour_file_imported)

        for action, name in ((self.undo_action, "undo"), (self.redo_action, "redo"),
                             (self.settings_action, "settings"), (self.backup_action, "backup"),
                             (self.restore_action, "restore"), (self.refresh_action, "refresh"),
                             (self.import_products_action, "import"), (self.import_orders_action, "import"),
                             *((a, "import") for a in self.import_actions),
                             *zip(self.workspace_actions, WORKSPACE_ICONS)):
            action.setIcon(icons.icon(name))

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in self.import_actions:
            self.file_menu.addAction(action)
        self.file_menu.addAction(self.import_products_action)
        self.file_menu.addAction(self.import_orders_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = bar.addMenu("")
        for action in self.workspace_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = bar.addMenu("")
        from curator_console.ui.help.actions import HelpActions

        # Getting started, Keyboard shortcuts (Ctrl+/), User guide (F1); they retranslate themselves.
        self.help_actions = HelpActions(self, lambda: self.first_run.show_welcome())
        self.help_menu.addActions(self.help_actions.actions)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _orders_imported(self) -> None:
        """After an order import: the pages that show orders (the Review workspace) read them again."""
        for page in self.pages:
            if isinstance(page, ReviewPage) and page.has_loaded:
                page.load()

    def _tour_file_imported(self) -> None:
        """A tour file added objects or products: the Collection and Store read them again."""
        for page in self.pages:
            if isinstance(page, (CollectionPage, StorePage)) and page.has_loaded:
                page.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Curator Console — Demo museum") if self.demo else self.tr("Curator Console"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self._update_undo_texts()
        self.settings_action.setText(self.tr("&Settings…"))
        self.backup_action.setText(self.tr("&Back up database…"))
        self.restore_action.setText(self.tr("Restore from bac&kup…"))
        self.refresh_action.setText(self.tr("Re&fresh"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Curator Console"))
        self.nav.setAccessibleName(self.tr("Workspaces"))
        for i, page in enumerate(self.pages):
            self.nav.item(i).setText(page.title())
            self.workspace_actions[i].setText(page.title())
        self._fit_nav()
        db = self.context.database
        backend = self.tr("shared PostgreSQL") if db.backend == "postgresql" else self.tr("local file")
        self.db_label.setText(fmt.arg(self.tr("Database: %1 (%2)"), db.display, backend))
        self.db_label.setToolTip(db.display)
        self.platform_label.setText(self.tr("Platform: built-in simulator (rehearsal)"))

    def _fit_nav(self) -> None:
        """Icons as tall as the text, and room for the longest workspace name (language, text size)."""
        fm = self.nav.fontMetrics()
        side = max(16, round(fm.height() * 1.1))
        self.nav.setIconSize(QSize(side, side))
        widest = self.nav.sizeHintForColumn(0) + 2 * (self.nav.frameWidth() + self.nav.spacing())
        self.nav.setMinimumWidth(max(120, widest))

    def _stack_changed(self, *_args) -> None:
        self._update_undo_texts()

    def _update_undo_texts(self) -> None:
        stack = self.context.undo_stack
        if not (isValid(self) and isValid(stack)):
            return
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(fmt.arg(self.tr("&Undo %1"), undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(fmt.arg(self.tr("&Redo %1"), redo) if redo else self.tr("&Redo"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- workspaces -----------------------------------------------------------------------
    def current_page(self) -> WorkspacePage:
        return self.pages[self.stack.currentIndex()]

    def show_workspace(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.pages[row].ensure_loaded()
        self.context.settings.set(keys.WORKSPACE, row)

    def _first_loaded(self) -> None:
        self._first_page.loaded.disconnect(self._first_loaded)
        self.ready.emit()
        self.pages[3].offer_resume()  # sessions a crash left unfinished (asked in the background)

    # --- commands -------------------------------------------------------------------------
    def open_settings(self) -> None:
        from curator_console.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context.settings, self.context.database.display, self, context=self.context)
        if dialog.connections is not None:
            live = self.pages[3]
            dialog.connections.changed.connect(lambda: live.load() if live.has_loaded else None)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        if dialog.save():
            i18n.apply_language(self.context.settings.language)
        appearance.apply_settings(self.context.settings)  # light/dark and text size, at once
        tours = self.pages[2]
        if tours.has_loaded:
            tours.load()  # reading speeds change the tour timing
        self.statusBar().showMessage(self.tr("Settings saved."), 4000)

    def back_up_database(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up the database into folder"),
                                                  str(db_svc.list_backups()[0].parent) if db_svc.list_backups() else "")
        if not folder:
            return
        from pathlib import Path

        try:
            dest = db_svc.backup(self.context.database, Path(folder))
        except Exception as exc:  # noqa: BLE001 - disk full, permissions …: shown plainly
            QMessageBox.warning(self, self.tr("Backup failed"), str(exc))
            return
        self.statusBar().showMessage(fmt.arg(self.tr("Backed up to %1"), dest), 8000)

    def restore_from_backup(self) -> None:
        """File → Restore from backup…: choose a backup, confirm, then replace the database with it
        (after a safety backup of the current one) and show the restored data in every workspace."""
        from curator_console.ui.restore_dialog import RestoreDialog

        db = self.context.database
        if db.backend != "sqlite":
            QMessageBox.information(self, self.tr("Restore from backup"), fmt.arg(self.tr(
                "Restoring from a backup works on a database file only. %1 is a shared database server: "
                "ask its administrator to restore it."), db.display))
            return
        if self._open_consoles():
            QMessageBox.information(self, self.tr("Restore from backup"), self.tr(
                "A live session is open. Close the live console before restoring the database."))
            return
        dialog = RestoreDialog(db.display, self)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted:
            return
        info = dialog.selected()
        if info is None:
            return
        from pathlib import Path

        from curator_console import paths
        from curator_console.ui.restore_dialog import kind_text

        path = Path(info.path)
        answer = QMessageBox.question(
            self, self.tr("Restore from backup"),
            fmt.arg(self.tr("Replace the database %1 with the backup %2 (made %3, %4)?\n\n"
                            "Everything in the database now is replaced by what the backup holds. A copy of the "
                            "database as it is now is kept in %5 first."),
                    db.display, path.name, fmt.local_datetime(info.created_at), kind_text(info).lower(),
                    paths.backups_dir()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # What is being typed is saved first (so the safety backup holds it), editors close.
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        for page in self.pages:
            if hasattr(page, "close_editor"):
                page.close_editor()
            panel = getattr(getattr(page, "editor", None), "segment_panel", None)
            if panel is not None:
                panel.flush()
                page.editor.load_tour(None)
        self._wait_for_background_work()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = db_svc.restore_backup(db, path)
        except Exception as exc:  # noqa: BLE001 - refused or failed: shown plainly, the database unchanged
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Could not restore the backup"), str(exc) or exc.__class__.__name__)
            return
        QApplication.restoreOverrideCursor()
        self.last_restore = summary
        self.context.undo_stack.clear()  # its edits belong to the database as it was
        for page in self.pages:
            if page.has_loaded:
                page.load()
        self.retranslate()
        self.statusBar().showMessage(fmt.arg(self.tr("Restored from %1"), path.name), 8000)
        QMessageBox.information(self, self.tr("Backup restored"), fmt.arg(self.tr(
            "The database now holds the backup %1.\n\nThe database as it was before is kept at %2."),
            path.name, summary.safety_backup))

    def _open_consoles(self) -> list:
        live = self.pages[3]
        return [c for c in getattr(live, "consoles", []) if isValid(c) and c.isVisible()]

    def _wait_for_background_work(self) -> None:
        """Let every query in flight finish before the database file is replaced."""
        from PySide6.QtCore import QThreadPool

        from curator_console.ui import tasks

        QThreadPool.globalInstance().waitForDone(30_000)
        for pool in self.findChildren(QThreadPool):
            pool.waitForDone(30_000)
        for _ in range(100):
            if tasks.pending_count() == 0:
                break
            QApplication.processEvents()
            QThreadPool.globalInstance().waitForDone(100)

    def show_about(self):
        """Help → About: versions, the database and the data folder, with a Copy button for support."""
        from curator_console.ui.help.about import AboutDialog

        dialog = AboutDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- window state ---------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.context.settings.get(keys.GEOMETRY)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            width = min(1360, avail.width() - 40) if avail else 1280
            height = min(860, avail.height() - 60) if avail else 800
            self.resize(max(900, width), max(600, height))
        state = self.context.settings.get(keys.WINDOW_STATE)
        if state and not state.isEmpty():
            self.restoreState(state)

    def _restore_layout(self) -> None:
        """Splitter positions as they were left, per workspace (``ui/layout_state.py``)."""
        settings = self.context.settings
        layout_state.restore(self.splitter, settings, "mainWindow", nested=False)
        for page in self.pages:
            layout_state.restore(page, settings)

    def save_layout(self) -> None:
        settings = self.context.settings
        layout_state.save(self.splitter, settings, "mainWindow", nested=False)
        for page in self.pages:
            layout_state.save(page, settings)

    def closeEvent(self, event) -> None:
        self.context.settings.set(keys.GEOMETRY, self.saveGeometry())
        self.context.settings.set(keys.WINDOW_STATE, self.saveState())
        self.save_layout()
        self.context.settings.sync()
        super().closeEvent(event)
