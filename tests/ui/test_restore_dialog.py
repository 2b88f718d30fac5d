"""File → Restore from backup…, end to end on real SQLite files: the dialog lists the backups
(automatic and manual, with date, kind, size and schema), restoring asks first, keeps a safety
copy, replaces the database and every workspace shows the restored data; a damaged file chosen
with "Choose file…" is refused and the database stays as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from curator_console import paths
from curator_console.persistence import db as dbmod
from curator_console.persistence.schema_version import HEAD_REVISION
from curator_console.services import database as db_svc
from curator_console.services import tours as tours_svc
from curator_console.ui.restore_dialog import RestoreDialog

from .conftest import LOAD_TIMEOUT_MS, drain_background_tasks
from .helpers import column_texts, find_table, wait_for_page


@pytest.fixture
def informed(monkeypatch) -> list[tuple[str, str]]:
    """Every QMessageBox.information shown, as (title, text)."""
    shown: list[tuple[str, str]] = []

    def fake(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", fake)
    return shown


def in_restore_dialog(qtbot, act) -> list[RestoreDialog]:
    """Run ``act(dialog)`` once the modal restore dialog is up (``act`` closes it)."""
    seen: list[RestoreDialog] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(10, step)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, step)
    return seen


def rename_tour(app, title: str) -> None:
    tour = tours_svc.list_tours(app.uow(), app.settings.reading_speed)[0]
    tours_svc.rename_tour(app.uow(), tour.id, title)


def tour_titles(app) -> list[str]:
    return [t.title for t in tours_svc.list_tours(app.uow(), app.settings.reading_speed)]


def fingerprint(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path.read_bytes()


def test_restore_from_a_listed_backup_end_to_end(qtbot, app, dataset, answers, informed):
    window = app.window
    window.nav.setCurrentRow(2)
    wait_for_page(qtbot, app, 2, dataset)
    original = dataset.tours[0]["title"]
    manual = db_svc.backup(app.database)
    automatic = dbmod.backup_database(app.database.url, app.database.engine, paths.backups_dir(),
                                      reason="before-upgrade-from-0001_initial")
    rename_tour(app, "Renamed after the backup")
    window.pages[2].load()
    tours = find_table(window, "tourTable")
    qtbot.waitUntil(lambda: column_texts(tours, "title") == ["Renamed after the backup"], timeout=LOAD_TIMEOUT_MS)
    window.context.undo_stack.push(QUndoCommand("an edit of the database as it was"))
    listed: list[list[tuple[str, str, str]]] = []

    def choose_manual(dialog: RestoreDialog) -> None:
        table = find_table(dialog, "backupTable")
        listed.append(list(zip(column_texts(table, "file"), column_texts(table, "kind"), column_texts(table, "schema"))))
        assert dialog.restore_button.isEnabled()
        dialog.select_path(manual)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    seen = in_restore_dialog(qtbot, choose_manual)
    window.restore_action.trigger()

    assert len(seen) == 1
    rows = {name: (kind, schema) for name, kind, schema in listed[0]}
    assert rows[manual.name] == ("Made with Back up database", f"{HEAD_REVISION} (current)")
    assert rows[automatic.name] == ("Automatic, before an upgrade", f"{HEAD_REVISION} (current)")
    # The question names what is replaced and by what.
    assert len(answers.asked) == 1
    assert app.database.display in answers.asked[0] and manual.name in answers.asked[0]
    # Restored: the data, the window, the undo stack, and a safety backup of what was replaced.
    summary = window.last_restore
    assert summary is not None and Path(summary.source) == manual
    assert tour_titles(app) == [original]
    qtbot.waitUntil(lambda: column_texts(tours, "title") == [original], timeout=LOAD_TIMEOUT_MS)
    assert window.context.undo_stack.count() == 0
    safety = Path(summary.safety_backup)
    assert safety.is_file() and "before-restore" in safety.name
    conn = sqlite3.connect(f"{safety.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT title FROM tour").fetchall() == [("Renamed after the backup",)]
    finally:
        conn.close()
    assert informed and summary.safety_backup in informed[-1][1]
    assert manual.name in window.statusBar().currentMessage()
    # The other workspaces read the restored database too.
    window.nav.setCurrentRow(0)
    wait_for_page(qtbot, app, 0, dataset)


def test_a_damaged_file_is_refused_and_nothing_changes(qtbot, app, tmp_path, monkeypatch, answers, warnings):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8192)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(damaged), ""))
    drain_background_tasks(qtbot)
    before_titles = tour_titles(app)
    before = fingerprint(app.db_path)

    def choose_file(dialog: RestoreDialog) -> None:
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        assert dialog.selected_path() == damaged
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    in_restore_dialog(qtbot, choose_file)
    app.window.restore_action.trigger()

    assert len(answers.asked) == 1
    assert len(warnings) == 1 and str(damaged) in warnings[0][1]
    assert app.window.last_restore is None
    assert fingerprint(app.db_path) == before
    assert tour_titles(app) == before_titles
    assert not any(paths.backups_dir().glob("*before-restore*"))


def test_answering_no_changes_nothing(qtbot, app, answers):
    backup = db_svc.backup(app.database)
    rename_tour(app, "Kept")
    answers.queue.append(QMessageBox.StandardButton.No)

    def restore(dialog: RestoreDialog) -> None:
        dialog.select_path(backup)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    in_restore_dialog(qtbot, restore)
    app.window.restore_action.trigger()
    assert len(answers.asked) == 1
    assert tour_titles(app) == ["Kept"]
    assert app.window.last_restore is None


def test_cancel_and_an_empty_backups_folder(qtbot, app):
    seen = []

    def cancel(dialog: RestoreDialog) -> None:
        seen.append((dialog.backups(), dialog.empty.isVisibleTo(dialog), dialog.restore_button.isEnabled()))
        dialog.reject()

    in_restore_dialog(qtbot, cancel)
    app.window.restore_action.trigger()
    assert seen == [([], True, False)]
    assert app.window.last_restore is None


def test_a_shared_server_database_is_refused_plainly(qtbot, app, monkeypatch, informed):
    monkeypatch.setattr(type(app.database), "backend", property(lambda self: "postgresql"))
    app.window.restore_action.trigger()
    assert len(informed) == 1 and "database file only" in informed[0][1]
    assert app.window.last_restore is None
