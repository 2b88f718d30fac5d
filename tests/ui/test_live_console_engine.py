"""The console's keys and buttons against the real engine and the in-process simulator: what the
operator does ends up, in order, in the session's event log; and ``curator-console live``."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from shiboken6 import isValid

from curator_console.domain.live_view import (
    MARKER,
    PRODUCT_FEATURED,
    SEGMENT_STARTED,
    SESSION_ENDED,
    SESSION_PAUSED,
    SESSION_RESUMED,
)
from curator_console.persistence import models as m
from curator_console.services import live_sessions
from curator_console.ui.live.console import LiveConsole, open_console

from .conftest import LOAD_TIMEOUT_MS

TOUR = "Treasures in ten minutes"
OPERATOR_EVENTS = (SEGMENT_STARTED, PRODUCT_FEATURED, MARKER, SESSION_PAUSED, SESSION_RESUMED, SESSION_ENDED)


def _tour_id(uow) -> int:
    with uow:
        return uow.session.query(m.Tour).filter_by(title=TOUR).one().id


def _status(app, session_id: int) -> str:
    with app.uow() as uow:
        return uow.session.get(m.LiveSession, session_id).status


def _events(uow, session_id: int) -> list[tuple[str, dict]]:
    with uow:
        rows = (uow.session.query(m.SessionEvent).filter_by(session_id=session_id)
                .order_by(m.SessionEvent.id).all())
        return [(e.type, dict(e.payload or {})) for e in rows]


def _operator_events(uow, session_id: int) -> list[tuple]:
    """The events the operator caused, in log order, with the payload value that matters."""
    out = []
    for kind, payload in _events(uow, session_id):
        if kind == SEGMENT_STARTED:
            out.append((kind, payload.get("index")))
        elif kind == PRODUCT_FEATURED:
            out.append((kind, payload.get("sku")))
        elif kind == MARKER:
            out.append((kind, payload.get("text", "")))
        elif kind in OPERATOR_EVENTS:
            out.append((kind,))
    return out


@pytest.fixture
def console(app, qtbot):
    session_id = live_sessions.start_session(app.uow(), _tour_id(app.uow()))
    c = open_console(app.context, session_id, speed=60)
    c.resize(1280, 800)
    qtbot.waitExposed(c)
    c.activateWindow()
    qtbot.waitUntil(lambda: c.panel.view is not None and c.panel.view.ready and c.panel.view.mode == "rehearsal",
                    timeout=LOAD_TIMEOUT_MS)
    yield c
    if isValid(c) and c.isVisible():
        c.shutdown()


def _key(qtbot, console: LiveConsole, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(console.panel, key, modifier)


def _wait_segment(qtbot, console: LiveConsole, index: int) -> None:
    qtbot.waitUntil(lambda: console.panel.view.segment_index == index, timeout=LOAD_TIMEOUT_MS)


def test_keys_and_buttons_are_recorded_in_order(app, console, qtbot):
    assert console.panel.badge.text() == "REHEARSAL"
    assert "REHEARSAL" in console.windowTitle()
    _key(qtbot, console, Qt.Key.Key_Space)  # Next is one key
    _wait_segment(qtbot, console, 0)
    _key(qtbot, console, Qt.Key.Key_N)
    _wait_segment(qtbot, console, 1)
    qtbot.mouseClick(console.panel.next_button, Qt.MouseButton.LeftButton)
    _wait_segment(qtbot, console, 2)
    assert console.panel.segment_title.full_text() == "3. The horse"
    assert [r.sku for r in console.panel.product_rows] == ["TSM-P-003", "TSM-P-002"]

    _key(qtbot, console, Qt.Key.Key_1)  # feature product 1 of this segment
    qtbot.waitUntil(lambda: console.panel.product_row("TSM-P-003").button.text() == "Unfeature",
                    timeout=LOAD_TIMEOUT_MS)
    _key(qtbot, console, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: console.panel.view.markers == 1, timeout=LOAD_TIMEOUT_MS)
    _key(qtbot, console, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # pause
    qtbot.waitUntil(lambda: console.panel.view.status == "paused", timeout=LOAD_TIMEOUT_MS)
    assert console.panel.pause_button.text() == "Resume"
    paused_at = console.panel.session_clock.text()
    qtbot.mouseClick(console.panel.pause_button, Qt.MouseButton.LeftButton)  # resume
    qtbot.waitUntil(lambda: console.panel.view.status == "running", timeout=LOAD_TIMEOUT_MS)

    _key(qtbot, console, Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier)  # a marker with text
    dialog = console.findChild(QInputDialog, "markerDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("Vase close-up")
    dialog.accept()
    qtbot.waitUntil(lambda: console.panel.view.markers == 2, timeout=LOAD_TIMEOUT_MS)

    _key(qtbot, console, Qt.Key.Key_Escape)  # never ends the session
    assert console.isVisible()
    qtbot.mouseClick(console.panel.end_button, Qt.MouseButton.LeftButton)
    box = console.findChild(QMessageBox, "endConfirm")
    assert box is not None and box.isVisible()
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)  # changed my mind
    assert console.engine.wait_idle(10)
    assert console.panel.view.status == "running"
    qtbot.mouseClick(console.panel.end_button, Qt.MouseButton.LeftButton)
    box = console.findChild(QMessageBox, "endConfirm")
    end = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: console.panel.view.status == "ended", timeout=LOAD_TIMEOUT_MS)
    assert not console.panel.next_button.isEnabled()
    assert "ended" in console.panel.state.text()
    assert paused_at  # the clock was shown while paused
    # the end is written once the last orders are in
    qtbot.waitUntil(lambda: _status(app, console.engine_session_id) == "ended", timeout=LOAD_TIMEOUT_MS)

    assert _operator_events(app.uow(), console.engine_session_id) == [
        (SEGMENT_STARTED, 0), (SEGMENT_STARTED, 1), (SEGMENT_STARTED, 2), (PRODUCT_FEATURED, "TSM-P-003"), (MARKER, ""), (SESSION_PAUSED,), (SESSION_RESUMED,),
        (MARKER, "Vase close-up"), (SESSION_ENDED,),
    ]


def test_viewers_and_orders_arrive_and_draw(console, qtbot):
    _key(qtbot, console, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: console.panel.view.viewers is not None, timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: console.panel.sparkline.point_count >= 3, timeout=LOAD_TIMEOUT_MS)
    assert console.panel.viewers.text() not in ("", "—")
    assert console.panel.status_lines.texts() == ["Connected"]
    qtbot.waitUntil(lambda: console.panel.chart.point_count >= 1, timeout=LOAD_TIMEOUT_MS)
    assert console.panel.chart.rebuilt == 0  # grown incrementally from the first minute


def test_closing_a_running_session_asks_and_leaves_it_resumable(app, console, qtbot):
    session_id = console.engine_session_id
    console.close()
    box = console.findChild(QMessageBox, "closeConfirm")
    assert console.isVisible() and box is not None and box.isVisible()
    leave = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: console.engine_closed, timeout=LOAD_TIMEOUT_MS)
    assert not console.isVisible()
    assert [r.id for r in live_sessions.unfinished_sessions(app.uow())] == [session_id]


def test_teleprompter_window_follows_the_current_segment(console, qtbot):
    _key(qtbot, console, Qt.Key.Key_T)
    window = console.teleprompter_window
    assert window is not None and window.isVisible()
    assert window.screen_box.count() == len(QApplication.screens())
    _key(qtbot, console, Qt.Key.Key_Space)
    _wait_segment(qtbot, console, 0)
    qtbot.waitUntil(lambda: window.view.segment is not None and window.view.segment.index == 0,
                    timeout=LOAD_TIMEOUT_MS)
    assert "Welcome to the museum" in window.view.text()
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # the session keys work from the teleprompter window too
    qtbot.waitUntil(lambda: window.view.segment is not None and window.view.segment.index == 1,
                    timeout=LOAD_TIMEOUT_MS)
    assert "青花瓷瓶" in window.view.text()
    window.full_screen.setChecked(True)
    assert window.isFullScreen() and not window.bar.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    window.move_to_screen(0)
    assert window.screen() == QApplication.screens()[0]


def _live_args(db_path, **overrides) -> argparse.Namespace:
    values = dict(db=str(db_path), demo=False, reset=False, smoke=False, lang="en", verbose=False, command="live",
                  tour=TOUR, connection=None, speed=60.0, autopilot=False, resume=False)
    values.update(overrides)
    return argparse.Namespace(**values)


def test_live_command_opens_the_console_and_resumes(db_path, qapp):
    from curator_console.app import run_live
    from curator_console.services import database as db_svc

    seen = []

    def look_and_close(console: LiveConsole) -> None:
        seen.append((console.isVisible(), console.engine_session_id))
        console.shutdown()

    assert run_live(_live_args(db_path), on_shown=look_and_close) == 0
    assert len(seen) == 1 and seen[0][0]
    session_id = seen[0][1]
    assert run_live(_live_args(db_path, resume=True), on_shown=look_and_close) == 0
    assert seen[1] == (True, session_id)  # the same, unfinished session
    database = db_svc.open_database(str(db_path))
    try:
        kinds = [k for k, _ in _events(db_svc.unit_of_work(database), session_id)]
    finally:
        database.dispose()
    assert kinds.count(SESSION_RESUMED) == 1


def test_live_command_refuses_an_unknown_tour(db_path, qapp, capsys):
    from curator_console.app import run_live

    assert run_live(_live_args(db_path, tour="No such tour")) == 1
    assert "No such tour" in capsys.readouterr().err
