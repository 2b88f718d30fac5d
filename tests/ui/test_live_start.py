"""Starting a session (the start dialog) and the offer to resume one a crash left unfinished."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from curator_console.persistence import models as m
from curator_console.services import connections as conn_svc
from curator_console.services import live_sessions
from curator_console.ui.live.resume import ResumeDialog, offer_resume
from curator_console.ui.live.start_dialog import StartSessionDialog

from .conftest import LOAD_TIMEOUT_MS, drain_background_tasks
from .helpers import column_texts, find_table


def _tour_id(app) -> int:
    with app.uow() as uow:
        return uow.session.query(m.Tour).filter_by(title="Treasures in ten minutes").one().id


def _status(app, session_id: int) -> str:
    with app.uow() as uow:
        return uow.session.get(m.LiveSession, session_id).status


def test_start_dialog_defaults_to_a_rehearsal_on_the_built_in_simulator(app, qtbot):
    conn_svc.add_connection(app.uow(), conn_svc.ConnectionSpec("Studio room", "rest", "https://live.example.org",
                                                               "room-9", "STUDIO_TOKEN"))
    conn_svc.add_connection(app.uow(), conn_svc.ConnectionSpec("Studio OBS", "obs", "ws://127.0.0.1:4455", "",
                                                               "OBS_TOKEN"))
    dialog = StartSessionDialog(app.context, app.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tours_loaded, timeout=LOAD_TIMEOUT_MS)
    assert dialog.tour.count() == 1 and "Treasures in ten minutes" in dialog.tour.itemText(0)
    texts = [dialog.connection.itemText(i) for i in range(dialog.connection.count())]
    assert "Built-in simulator" in texts[0] and "rehearsal" in texts[0]
    assert any("Studio room" in t and "LIVE" in t for t in texts)
    assert not any("Studio OBS" in t for t in texts)  # OBS switches scenes; it cannot host a session
    assert sum("Built-in simulator" in t for t in texts) == 1
    assert dialog.mode.text().startswith("REHEARSAL") and dialog.speed.isEnabled()
    dialog.speed.setValue(60)
    dialog.autopilot.setChecked(True)
    choice = dialog.choice()
    assert (choice.tour_id, choice.connection, choice.rehearsal, choice.autopilot, choice.speed) == (
        _tour_id(app), None, True, True, 60)

    dialog.connection.setCurrentIndex(next(i for i, t in enumerate(texts) if "Studio room" in t))
    assert dialog.mode.text().startswith("LIVE") and not dialog.speed.isEnabled()
    choice = dialog.choice()
    assert (choice.connection, choice.rehearsal, choice.speed) == ("Studio room", False, 1.0)


def test_resume_offer_lists_unfinished_sessions_and_abandons_one(app, qtbot):
    session_id = live_sessions.start_session(app.uow(), _tour_id(app))  # then "the process was killed"
    resumed = []
    offer_resume(app.window, app.context, resumed.append)
    qtbot.waitUntil(lambda: app.window.findChild(ResumeDialog) is not None, timeout=LOAD_TIMEOUT_MS)
    dialog = app.window.findChild(ResumeDialog)
    assert dialog.sessions.count() == 1
    assert "Treasures in ten minutes" in dialog.sessions.item(0).text()
    assert "rehearsal" in dialog.sessions.item(0).text()
    qtbot.mouseClick(dialog.abandon_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=LOAD_TIMEOUT_MS)
    assert _status(app, session_id) == "abandoned"
    assert resumed == []


def test_resume_offer_later_changes_nothing_and_resume_hands_over_the_row(app, qtbot):
    session_id = live_sessions.start_session(app.uow(), _tour_id(app))
    dialog = ResumeDialog(app.context, live_sessions.unfinished_sessions(app.uow()), app.window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and _status(app, session_id) == "running"
    dialog.open()
    with qtbot.waitSignal(dialog.resume_requested) as blocker:
        qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].id == session_id


def test_no_offer_without_unfinished_sessions(app, qtbot):
    offer_resume(app.window, app.context, lambda row: None)
    drain_background_tasks(qtbot)
    QApplication.processEvents()
    assert app.window.findChild(ResumeDialog) is None


def test_live_page_resume_button_follows_the_selected_session(app, qtbot):
    live_sessions.start_session(app.uow(), _tour_id(app))
    page = app.window.pages[3]
    app.window.nav.setCurrentRow(3)
    page.load()
    drain_background_tasks(qtbot)
    table = find_table(page, "liveSessionTable")
    statuses = column_texts(table, "status")
    assert sorted(statuses) == ["Ended", "Running"]
    table.selectRow(statuses.index("Ended"))
    table.setCurrentIndex(table.model().index(statuses.index("Ended"), 0))
    assert not page.resume_button.isEnabled()
    table.setCurrentIndex(table.model().index(statuses.index("Running"), 0))
    assert page.resume_button.isEnabled()
    assert page.start_button.isEnabled()


def test_main_window_offers_the_unfinished_session_when_it_starts(open_app, db_path, qtbot):
    from curator_console.services import database as db_svc

    database = db_svc.open_database(str(db_path))
    try:
        with db_svc.unit_of_work(database) as uow:
            tour_id = uow.session.query(m.Tour).one().id
        live_sessions.start_session(db_svc.unit_of_work(database), tour_id)  # …and the app crashed
    finally:
        database.dispose()
    app = open_app(db_path)
    qtbot.waitUntil(lambda: app.window.findChild(ResumeDialog) is not None, timeout=LOAD_TIMEOUT_MS)
    dialog = app.window.findChild(ResumeDialog)
    assert dialog.sessions.count() == 1 and dialog.resume_button.isEnabled()
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
