"""First run and help: the welcome page on an empty database (and not on a museum or the demo),
what its buttons do, the guided path following the database, the Help menu's shortcuts sheet,
user guide and About box. Real SQLite files, the real main window."""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog
from shiboken6 import isValid

from curator_console import paths
from curator_console.domain import getting_started as gs
from curator_console.services import collection_objects, demo, live_sessions, store, tour_segments, tours
from curator_console.ui import settings as keys
from curator_console.ui.imports.actions import ImportActions
from curator_console.ui.welcome import first_run as first_run_module

from .conftest import LOAD_TIMEOUT_MS, drain_background_tasks


def native(sequence) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


@pytest.fixture
def empty_app(open_app, tmp_path: Path):
    """The main window on a new, empty database file."""
    return open_app(tmp_path / "empty.sqlite3")


def wait_welcome(qtbot, app):
    fr = app.window.first_run
    qtbot.waitUntil(lambda: fr.showing and fr.page.isVisible() and fr.facts is not None, timeout=LOAD_TIMEOUT_MS)
    return fr


def states(fr) -> dict[str, str]:
    return {step: line.state.text() for step, line in fr.page.steps.items()}


def wait_states(qtbot, fr, done: list[str]) -> None:
    expected = {step: ("Done" if step in done else "To do") for step in gs.STEPS}
    fr.refresh()
    qtbot.waitUntil(lambda: states(fr) == expected, timeout=LOAD_TIMEOUT_MS)


# --- when the page shows ------------------------------------------------------------------------


def test_the_welcome_page_opens_by_itself_on_an_empty_database(qtbot, empty_app):
    fr = wait_welcome(qtbot, empty_app)
    window = empty_app.window
    assert not window.nav.selectedItems() and not window.stack.isVisible()
    page = fr.page
    assert page.heading.text() == "Welcome to Curator Console"
    assert [c.button.text() for c in (page.demo_card, page.import_card, page.connect_card)] == [
        "Open the demo museum", "Import a collection…", "Connect a platform…"]
    assert states(fr) == {step: "To do" for step in gs.STEPS}
    assert page.progress.text() == "0 of 5 done"
    # Choosing a workspace leaves the page; Help → Getting started brings it back.
    window.nav.setCurrentRow(2)
    assert not fr.showing and window.stack.currentIndex() == 2 and window.stack.isVisible()
    window.help_actions.getting_started.trigger()
    assert fr.showing and not window.nav.selectedItems()
    window.nav.setFocus()  # focus alone picks no workspace
    assert fr.showing
    window.workspace_actions[2].trigger()  # Ctrl+3: the row that is current still leaves the page
    assert not fr.showing and window.stack.currentIndex() == 2
    assert [window.nav.row(i) for i in window.nav.selectedItems()] == [2]
    window.help_actions.getting_started.trigger()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(window.nav.item(2)).center())
    assert not fr.showing and window.stack.currentIndex() == 2


def test_no_welcome_page_on_a_museum_or_the_demo(qtbot, app, open_app, tmp_path):
    drain_background_tasks(qtbot)
    assert not app.window.first_run.showing and app.window.stack.isVisible()
    database = demo.open_demo_database()  # the demo museum's own file, as --demo opens it
    database.dispose()
    demo_app = open_app(paths.demo_database_path(), settings_file=tmp_path / "demo-settings.ini", demo=True)
    drain_background_tasks(qtbot)
    assert not demo_app.window.first_run.showing and demo_app.window.stack.isVisible()
    # The guided path is still there on request; the demo button says the demo is open.
    page = demo_app.window.first_run.show_welcome()
    qtbot.waitUntil(lambda: demo_app.window.first_run.facts is not None, timeout=LOAD_TIMEOUT_MS)
    assert not page.demo_card.button.isEnabled() and page.demo_card.button.text() == "The demo museum is open"


def test_a_workspace_chosen_before_the_check_answers_keeps_the_page_away(qtbot, empty_app):
    window = empty_app.window
    fr = window.first_run
    window.nav.setCurrentRow(1)  # the user picks the Store while (or after) the database is checked
    assert fr.navigated and not fr.showing
    fr._checked_empty(True)  # the answer "empty" arriving late does not push the page in
    assert not fr.showing and window.stack.currentIndex() == 1


# --- the three ways to start --------------------------------------------------------------------


def test_open_the_demo_museum_replaces_the_window_with_one_on_the_demo_database(qtbot, empty_app, monkeypatch):
    from curator_console.ui.main_window import MainWindow

    fr = wait_welcome(qtbot, empty_app)
    old = empty_app.window
    deleted: list[object] = []  # the old window is deleted once closed (kept here for the fixtures)
    monkeypatch.setattr(MainWindow, "deleteLater", lambda self: deleted.append(self))
    before = list(first_run_module._windows)
    qtbot.mouseClick(fr.page.demo_card.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(first_run_module._windows) > len(before), timeout=LOAD_TIMEOUT_MS)
    new = first_run_module._windows[-1]
    try:
        qtbot.waitUntil(lambda: new.isVisible() and not old.isVisible(), timeout=LOAD_TIMEOUT_MS)
        assert deleted == [old]
        assert new.geometry().size() == old.geometry().size()
        assert new.demo and new.windowTitle() == "Curator Console — Demo museum"
        assert Path(new.context.database.url.database).resolve() == paths.demo_database_path().resolve()
        assert Path(empty_app.database.url.database).name == "empty.sqlite3"  # the user's own one, untouched
        assert not empty_app.settings.get(keys.DATABASE)  # the next start opens the user's database again
        drain_background_tasks(qtbot)
        assert not new.first_run.showing  # the demo has content
        assert new.context.database.display in new.statusBar().currentMessage()
    finally:
        drain_background_tasks(qtbot)
        new.close()
        new.context.undo_stack.clear()
        new.context.database.dispose()
        first_run_module._windows.remove(new)


def test_import_a_collection_opens_the_file_import_and_the_workspaces_follow(qtbot, empty_app, monkeypatch,
                                                                               tmp_path):
    fr = wait_welcome(qtbot, empty_app)
    csv = tmp_path / "objects.csv"
    csv.write_text("Object number,Title\nW-1,Bronze ding\nW-2,Jade bi disc\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(csv), "")))
    qtbot.mouseClick(fr.page.import_card.button, Qt.MouseButton.LeftButton)
    actions = empty_app.window.findChild(ImportActions)
    qtbot.waitUntil(lambda: actions.file_import is not None and actions.file_import.mapping_dialog is not None
                    and actions.file_import.mapping_dialog.isVisible(), timeout=LOAD_TIMEOUT_MS)
    dialog = actions.file_import.mapping_dialog
    qtbot.waitUntil(lambda: dialog.saved_loaded, timeout=LOAD_TIMEOUT_MS)
    with qtbot.waitSignal(actions.file_import.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    # The database has content now: the page that opened by itself gives way to the Collection.
    qtbot.waitUntil(lambda: not fr.showing, timeout=LOAD_TIMEOUT_MS)
    assert empty_app.window.nav.currentRow() == 0 and empty_app.window.stack.currentIndex() == 0
    report = actions.file_import.report_dialog
    if report is not None and isValid(report):
        report.close()


def test_the_online_link_opens_the_online_collections(qtbot, empty_app):
    fr = wait_welcome(qtbot, empty_app)
    fr.page.online_link.linkActivated.emit("online")
    actions = empty_app.window.findChild(ImportActions)
    qtbot.waitUntil(lambda: actions.online_dialog is not None and actions.online_dialog.isVisible(),
                    timeout=LOAD_TIMEOUT_MS)
    actions.online_dialog.close()


def test_connect_a_platform_opens_the_connections(qtbot, empty_app):
    fr = wait_welcome(qtbot, empty_app)
    qtbot.mouseClick(fr.page.connect_card.button, Qt.MouseButton.LeftButton)
    dialog = fr.connections_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.panel.has_loaded, timeout=LOAD_TIMEOUT_MS)
    assert dialog.windowTitle() == "Platform connections"
    assert "built-in simulator" in dialog.intro.text()
    assert dialog.panel.add_button.isEnabled()
    assert dialog.panel.model.rowCount() == 0  # a new database has no connections yet
    dialog.close()


# --- the guided path ----------------------------------------------------------------------------


def test_the_guided_path_follows_the_database(qtbot, empty_app):
    window = empty_app.window
    window.help_actions.getting_started.trigger()  # shown on request: stays while the steps get done
    fr = window.first_run
    uow = empty_app.uow
    wait_states(qtbot, fr, [])
    assert not fr.page.steps[gs.READINESS].button.isEnabled()
    assert not fr.page.steps[gs.REHEARSAL].button.isEnabled()

    item = collection_objects.create_object(uow(), "W-1", "Bronze ding")
    wait_states(qtbot, fr, ["objects"])
    assert fr.showing and fr.page.progress.text() == "1 of 5 done"
    assert fr.page.steps[gs.OBJECTS].button.text() == "Open the Collection"

    product = store.create_product(uow(), "SKU-1", "Ding replica")
    store.set_product_objects(uow(), product.id, [item.id])
    wait_states(qtbot, fr, ["objects", "products"])

    tour_id = tours.create_tour(uow(), "Bronzes at night")
    segment_id = tour_segments.add_segment(uow(), tour_id, title="The ding")
    wait_states(qtbot, fr, ["objects", "products", "tour"])
    assert "Bronzes at night" in fr.page.steps[gs.READINESS].detail.text()
    assert fr.page.steps[gs.READINESS].button.isEnabled() and fr.page.steps[gs.REHEARSAL].button.isEnabled()

    tour_segments.update_segment_field(uow(), segment_id, "script", "Good evening. This ding held offerings.")
    wait_states(qtbot, fr, ["objects", "products", "tour", "readiness"])

    session_id = live_sessions.start_session(uow(), tour_id)  # a rehearsal on the built-in simulator
    live_sessions.abandon_session(uow(), session_id)
    wait_states(qtbot, fr, list(gs.STEPS))
    assert fr.page.progress.text() == "5 of 5 done" and fr.showing


def test_the_step_buttons_take_the_user_there(qtbot, empty_app, monkeypatch):
    window = empty_app.window
    fr = wait_welcome(qtbot, empty_app)
    uow = empty_app.uow

    # 3. "New tour…" on an empty database: the Tours workspace and its New tour question.
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("My first tour", True)))
    qtbot.mouseClick(fr.page.steps[gs.TOUR].button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == 2 and not fr.showing
    tours_page = window.pages[2]
    qtbot.waitUntil(lambda: [r.title for r in tours_page.tours.rows] == ["My first tour"], timeout=LOAD_TIMEOUT_MS)
    tour_id = tours_page.tours.rows[0].id
    tour_segments.add_segment(uow(), tour_id, title="Opening")

    # 2. "Open the Store".
    window.help_actions.getting_started.trigger()
    wait_states(qtbot, fr, ["tour"])
    qtbot.mouseClick(fr.page.steps[gs.PRODUCTS].button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == 1 and not fr.showing

    # 4. "Check readiness": the tour opens in Tours, with its readiness check.
    window.help_actions.getting_started.trigger()
    wait_states(qtbot, fr, ["tour"])
    qtbot.mouseClick(fr.page.steps[gs.READINESS].button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == 2
    editor = tours_page.editor
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.id == tour_id, timeout=LOAD_TIMEOUT_MS)
    assert "problems: 1" in editor.readiness.header.text()  # the segment has no script yet

    # 5. "Start a rehearsal…": the Live workspace asks to start a session on that tour, on the
    # built-in simulator.
    window.help_actions.getting_started.trigger()
    wait_states(qtbot, fr, ["tour"])
    qtbot.mouseClick(fr.page.steps[gs.REHEARSAL].button, Qt.MouseButton.LeftButton)
    live = window.pages[3]
    assert window.stack.currentIndex() == 3
    dialog = live.start_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.tours_loaded, timeout=LOAD_TIMEOUT_MS)
    assert dialog.tour.currentData() == tour_id and dialog.rehearsal
    assert dialog.connection.currentData() is None  # the built-in simulator
    dialog.reject()

    # 1. "Import a collection…" while there are no objects: the file import's file dialog.
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (asked.append("open"), ("", ""))[1]))
    window.help_actions.getting_started.trigger()
    wait_states(qtbot, fr, ["tour"])
    qtbot.mouseClick(fr.page.steps[gs.OBJECTS].button, Qt.MouseButton.LeftButton)
    assert asked == ["open"]


# --- Help menu ----------------------------------------------------------------------------------


def test_the_help_menu_lists_its_actions(empty_app):
    window = empty_app.window
    texts = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert texts == ["&Getting started", "&Keyboard shortcuts", "&User guide", "&About Curator Console"]
    assert window.help_actions.shortcuts.shortcut().toString() == "Ctrl+/"
    assert window.help_actions.user_guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    # No other action of the window takes those keys.
    taken = [a for a in window.findChildren(type(window.help_actions.shortcuts))
             if a.shortcut() in (QKeySequence("Ctrl+/"), QKeySequence(QKeySequence.StandardKey.HelpContents))]
    assert sorted(a.objectName() for a in taken) == ["keyboardShortcutsAction", "userGuideAction"]


def test_the_shortcuts_sheet_lists_the_window_and_the_live_console(qtbot, app):
    from curator_console.ui.live.console import KEYS, key_descriptions

    dialog = app.window.help_actions.show_shortcuts()
    qtbot.waitExposed(dialog)
    rows = dialog.rows()
    by_keys: dict[str, list[tuple[str, str]]] = {}
    for section, text, keys in rows:
        by_keys.setdefault(keys, []).append((section, text))
    for n, title in enumerate(("Collection", "Store", "Tours", "Live", "Review"), start=1):
        assert ("View", title) in by_keys[native(f"Ctrl+{n}")]
    assert ("Edit", "Undo") in by_keys[native(QKeySequence.StandardKey.Undo)]
    assert ("Edit", "Redo") in by_keys[native(QKeySequence.StandardKey.Redo)]
    assert ("Help", "Keyboard shortcuts") in by_keys[native("Ctrl+/")]
    assert ("File", "Import collection file…") in by_keys[native("Ctrl+I")]
    # The script editor's keys come from its actions, in the Tours section.
    assert ("In the Tours workspace", "Bold") in by_keys[native("Ctrl+B")]
    # Every live console key, described as the console describes it.
    live = [(text, keys) for section, text, keys in rows if section == "Live console and teleprompter"]
    words = key_descriptions()
    assert len(live) == len(KEYS) + 1  # and Escape
    assert (words["next"], f"{native('Space')} / {native('N')}") in live
    assert (words["feature"], f"{native('1')}–{native('9')}") in live
    assert (words["teleprompter"], native("T")) in live
    assert any(keys == native("Esc") for _text, keys in live)
    # The filter narrows the sheet.
    dialog.filter.setText("undo")
    visible = [dialog.tree.topLevelItem(i).child(j).text(0)
               for i in range(dialog.tree.topLevelItemCount())
               for j in range(dialog.tree.topLevelItem(i).childCount())
               if not dialog.tree.topLevelItem(i).child(j).isHidden()]
    assert visible == ["Undo"]
    dialog.close()


def test_the_shortcuts_sheet_follows_the_language(qtbot, app):
    from curator_console.ui import i18n

    from curator_console.ui.live.console import key_descriptions

    dialog = app.window.help_actions.show_shortcuts()
    i18n.apply_language("zh_CN")  # the sheet is read again in the new language
    wanted = key_descriptions()["teleprompter"]
    assert wanted == "提词器窗口"
    qtbot.waitUntil(lambda: [text for _s, text, keys in dialog.rows() if keys == native("T")] == [wanted],
                    timeout=LOAD_TIMEOUT_MS)
    assert all("&" not in t for _s, t, _k in dialog.rows())
    dialog.close()


def first_heading(path: Path) -> str:
    return next(line.lstrip("#").strip() for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("# "))


def test_the_user_guide_opens_with_its_first_heading_and_images(qtbot, app):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    dialog = app.window.help_actions.show_user_guide()
    qtbot.waitExposed(dialog)
    guide = paths.user_guide_path("en")
    assert dialog.path == guide and guide.name == "user-guide.md"
    text = dialog.browser.toPlainText()
    assert text.startswith(first_heading(guide))
    assert "Getting started" in text and "Keyboard" in text
    # Images come from docs/images beside the guide, no wider than the reading column.
    image = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("images/welcome-en.png"))
    assert image is not None and not image.isNull() and image.width() <= 860
    dialog.close()


def test_the_user_guide_follows_the_interface_language(qtbot, app):
    from curator_console.ui import i18n

    i18n.apply_language("zh_CN")
    dialog = app.window.help_actions.show_user_guide()
    guide = paths.user_guide_path("zh_CN")
    assert guide.name == "user-guide.zh_CN.md" and dialog.path == guide
    assert dialog.browser.toPlainText().startswith(first_heading(guide))
    dialog.close()


def test_about_shows_the_versions_and_copies_them(qtbot, app):
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from sqlalchemy import __version__ as sqlalchemy_version

    from curator_console import __version__

    from curator_console.ui.help.about import AboutDialog

    app.window.about_action.trigger()
    dialog = app.window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    shown = dialog.text()
    for fact in (__version__, qVersion(), pyside_version, platform.python_version(), sqlalchemy_version,
                 f"SQLite {sqlite3.sqlite_version}", str(app.db_path), str(paths.data_dir()), app.database.revision):
        assert fact in shown, fact
    labels = {label.text(): value.text() for label, value in dialog.labels}
    assert labels["Database engine:"] == f"SQLite {sqlite3.sqlite_version}"
    assert labels["Database file:"] == app.database.display
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == shown
    assert f"Qt: {qVersion()}" in copied and f"PySide6: {pyside_version}" in copied
    assert f"SQLAlchemy: {sqlalchemy_version}" in copied and f"Data folder: {paths.data_dir()}" in copied
    assert dialog.copied.text() == "Copied to the clipboard."
    dialog.close()
