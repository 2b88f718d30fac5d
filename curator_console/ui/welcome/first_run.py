"""First run: shows the welcome page on an empty database and does what its buttons say.

``FirstRun(window)`` puts a stack in the main window's splitter in place of the workspace stack:
the workspaces on one page, the welcome page on the other (the navigation list stays). On start
it asks in the background whether the database is empty (``services/welcome.py: is_empty``); if it
is, and the user has not picked a workspace meanwhile, the welcome page shows. While the page
shows, the guided path is read again whenever a workspace reloads, an edit is made or undone, and
every few seconds (imports, a colleague on a shared database, the command line); once a page that
opened by itself finds content in the database, the workspaces take its place. Help → Getting
started shows the page at any time (it then stays until a workspace is chosen).

"Open the demo museum" opens the demo database (``services/demo.py: open_demo_database``, the
same call as ``--demo``; seeded on first use, in the background) and replaces the window with a
new main window on it, with the same size and place; the old window closes. A new window rather
than swapping the database under the open one: every workspace, cache and the undo history start
clean, and nothing depends on how the app was started (a Python install, a bundle, an .app), as a
restart would. The user's own database setting is not changed, so the next start opens it again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QStackedWidget
from shiboken6 import isValid

from curator_console.domain import getting_started as gs
from curator_console.services import welcome as welcome_svc
from curator_console.ui import formatting as fmt
from curator_console.ui.tasks import run_task
from curator_console.ui.welcome.page import WelcomePage

POLL_MS = 3000
COLLECTION, STORE, TOURS, LIVE, REVIEW = range(5)  # rows of the main window's workspaces

# Main windows opened in place of another (the demo museum). Nothing else holds a reference to
# them; each leaves this list when it is destroyed.
_windows: list = []


class FirstRun(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("firstRun")
        self.window = window
        self.context = window.context
        self.page = WelcomePage(demo=bool(getattr(window, "demo", False)))
        self.central = QStackedWidget()
        self.central.setObjectName("centralStack")
        splitter = window.splitter
        index = splitter.indexOf(window.stack)
        splitter.replaceWidget(index, self.central)
        splitter.setCollapsible(index, False)
        self.central.addWidget(window.stack)
        self.central.addWidget(self.page)
        self.central.setCurrentWidget(window.stack)
        self.central.currentChanged.connect(self._shown_changed)

        self.auto = False  # the page opened by itself (and gives way once the database has content)
        self.navigated = False  # the user picked a workspace since the window opened
        self.facts: gs.GettingStarted | None = None
        self.demo_window = None  # the window that replaced this one (the demo museum)
        self.connections_dialog = None
        self._reading = False
        self._read_again = False
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)

        # Any way of choosing a workspace leaves the page: another row of the list, a click on the
        # row that is current (the list keeps its current row while the page shows, only its
        # selection is cleared), Return on it, or View → a workspace (Ctrl+1 … Ctrl+5).
        nav = window.nav
        nav.currentRowChanged.connect(self._workspace_chosen)
        nav.itemClicked.connect(lambda item: self._workspace_chosen(nav.row(item)))
        nav.itemActivated.connect(lambda item: self._workspace_chosen(nav.row(item)))
        for row, action in enumerate(getattr(window, "workspace_actions", [])):
            action.triggered.connect(lambda _checked=False, r=row: self._workspace_chosen(r))
        for page in window.pages:
            page.loaded.connect(self._content_may_have_changed)
        self.context.undo_stack.indexChanged.connect(self._content_may_have_changed)
        p = self.page
        p.demo_requested.connect(self.open_demo)
        p.import_requested.connect(self.import_collection)
        p.online_import_requested.connect(self.import_online)
        p.connect_requested.connect(self.connect_platform)
        p.step_requested.connect(self.go_to_step)

        uow = self.context.uow
        run_task(lambda: welcome_svc.is_empty(uow()), self._checked_empty, lambda _exc: None)

    # --- showing and leaving --------------------------------------------------------------------
    @property
    def showing(self) -> bool:
        return self.central.currentWidget() is self.page

    def _checked_empty(self, empty: bool) -> None:
        if isValid(self) and empty and not self.navigated and not self.showing:
            self.show_welcome(auto=True)

    def show_welcome(self, auto: bool = False) -> WelcomePage:
        """The welcome page in place of the workspaces (Help → Getting started: ``auto`` false)."""
        self.auto = auto
        self.central.setCurrentWidget(self.page)
        # No workspace is shown: none is selected (the list keeps its current row, so giving it the
        # focus does not pick one).
        self.window.nav.clearSelection()
        first = self.page.import_card.button if getattr(self.window, "demo", False) else self.page.demo_card.button
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()
        return self.page

    def show_workspace(self, row: int) -> None:
        self.auto = False
        nav = self.window.nav
        if nav.currentRow() == row:
            self._leave()
        else:
            nav.setCurrentRow(row)  # -> _workspace_chosen

    def _workspace_chosen(self, row: int) -> None:
        if row < 0:
            return
        if self.window.isVisible():
            self.navigated = True
        if self.showing:
            self._leave()

    def _leave(self) -> None:
        self.auto = False
        self.central.setCurrentWidget(self.window.stack)
        item = self.window.nav.currentItem()
        if item is not None:
            item.setSelected(True)

    def _shown_changed(self, _index: int) -> None:
        if self.showing:
            self.poll.start()
        else:
            self.poll.stop()

    # --- the guided path ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the guided path's facts again (in the background)."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        uow, speed = self.context.uow, self.context.settings.reading_speed
        run_task(lambda: welcome_svc.getting_started(uow(), speed), self._got_facts, self._read_failed)

    def _read_failed(self, _exc: BaseException) -> None:
        if isValid(self):
            self._reading = False

    def _got_facts(self, facts: gs.GettingStarted) -> None:
        if not isValid(self) or not isValid(self.page):
            return
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.refresh()
        self.facts = facts
        self.page.set_facts(facts)
        if self.auto and self.showing and not facts.empty:
            self.auto = False
            row = COLLECTION if facts.objects else STORE if facts.products else TOURS if facts.tours else LIVE
            self.show_workspace(row)
            self.window.statusBar().showMessage(self.tr(
                "The database has content now, so the workspaces are open. Help → Getting started shows the "
                "guided path again."), 10000)

    def _poll(self) -> None:
        if self.showing and self.page.isVisible():
            self.refresh()
        elif not self.showing:
            self.poll.stop()

    def _content_may_have_changed(self, *_args) -> None:
        if self.showing:
            self.refresh()

    def go_to_step(self, step: str) -> None:
        facts = self.facts or gs.GettingStarted()
        window = self.window
        if step == gs.OBJECTS:
            if facts.done(gs.OBJECTS):
                self.show_workspace(COLLECTION)
            else:
                self.import_collection()
        elif step == gs.PRODUCTS:
            self.show_workspace(STORE)
        elif step == gs.TOUR:
            self.show_workspace(TOURS)
            if not facts.done(gs.TOUR) and facts.focus_tour_id is None:
                window.pages[TOURS].new_tour(None)
            elif facts.focus_tour_id is not None:
                window.pages[TOURS].select_tour(facts.focus_tour_id)
        elif step == gs.READINESS:
            self.show_workspace(TOURS)
            tours = window.pages[TOURS]
            if facts.focus_tour_id is not None:
                tours.select_tour(facts.focus_tour_id)
            tours.editor.readiness.list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif step == gs.REHEARSAL:
            self.show_workspace(LIVE)
            window.pages[LIVE].start_session(tour_id=facts.ready_tour_id or facts.focus_tour_id)
        else:
            raise ValueError(step)

    # --- the three ways to start ----------------------------------------------------------------
    def import_collection(self) -> None:
        """File → Import collection file… (the file dialog, then the column mapping)."""
        self.window.import_actions[0].trigger()

    def import_online(self) -> None:
        """File → Import from online collections… (The Met, the Art Institute of Chicago)."""
        self.window.import_actions[1].trigger()

    def connect_platform(self):
        """The platform connections (as in Settings → Connections), in a dialog of their own."""
        from curator_console.ui.connections.manage_dialog import ConnectionsDialog

        dialog = self.connections_dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ConnectionsDialog(self.context, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        live = self.window.pages[LIVE]
        dialog.changed.connect(lambda: live.load() if isValid(live) and live.has_loaded else None)
        self.connections_dialog = dialog
        dialog.open()
        return dialog

    def open_demo(self) -> None:
        """Open the demo museum's database (seeded on first use) in a new window in place of this one."""
        window = self.window
        if getattr(window, "demo", False) or self.page.busy:
            return
        live = window.pages[LIVE]
        if any(isValid(c) and c.isVisible() for c in getattr(live, "consoles", [])):
            QMessageBox.information(window, self.tr("Open the demo museum"), self.tr(
                "A live session is open. Close the live console before opening the demo museum."))
            return
        from curator_console.services import demo

        self.page.set_busy(True)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        window.statusBar().showMessage(self.tr("Opening the demo museum…"))
        run_task(demo.open_demo_database, self._demo_opened, self._demo_failed)

    def _demo_failed(self, exc: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        if not isValid(self):
            return
        self.page.set_busy(False)
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, self.tr("Could not open the demo museum"),
                            str(exc) or exc.__class__.__name__)

    def _demo_opened(self, database) -> None:
        QApplication.restoreOverrideCursor()
        app = QApplication.instance()
        if not isValid(self) or not isValid(self.window):
            database.dispose()
            return
        from curator_console.ui.context import AppContext
        from curator_console.ui.main_window import MainWindow

        old = self.window
        self.page.set_busy(False)
        new = MainWindow(AppContext(database, self.context.settings), demo=True)
        _windows.append(new)
        new.destroyed.connect(lambda *_: _windows.remove(new) if new in _windows else None)
        app.aboutToQuit.connect(database.dispose)
        new.restoreGeometry(old.saveGeometry())  # same place, same screen, maximised or not
        if not (old.isMaximized() or old.isFullScreen()):
            new.resize(old.size())
        new.show()
        new.statusBar().showMessage(fmt.arg(self.tr(
            "The demo museum is open (%1). Your own database is unchanged; the next start opens it again."),
            database.display), 15000)
        self.demo_window = new
        self.poll.stop()
        old.close()
        old.deleteLater()
