"""Edits made in the tables are saved at once, and undo / redo put the database back and forth.
Refused edits show an error and never reach the database or the undo stack."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from curator_console.services import collection as collection_svc
from curator_console.services import collection_objects as objects_svc
from curator_console.services import tours as tours_svc
from curator_console.ui import tasks

from .conftest import LOAD_TIMEOUT_MS
from .helpers import column_texts, find_table, proxy_index_where
from .helpers import wait_for_page

EDIT = Qt.ItemDataRole.EditRole


def db_item(app, object_number: str):
    rows = [r for r in collection_svc.list_items(app.uow(), object_number) if r.object_number == object_number]
    assert len(rows) == 1, rows
    return rows[0]


def db_tour_titles(app) -> list[str]:
    return [t.title for t in tours_svc.list_tours(app.uow())]


def shown_title(table, object_number: str) -> str | None:
    shown = dict(zip(column_texts(table, "object_number"), column_texts(table, "title")))
    return shown.get(object_number)


def edit_cell(table, key: str, text: str, edit_key: str, value: str) -> bool:
    index = proxy_index_where(table, key, text, edit_key)
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    return table.model().setData(index, value, EDIT)


def test_collection_title_edit_undo_redo(qtbot, app, dataset, warnings):
    window, stack = app.window, app.context.undo_stack
    table = find_table(window, "collectionTable")
    old = next(o["title"] for o in dataset.objects if o["object_number"] == "TSM-002")
    new = "Bronze ding with taotie mask"
    assert not window.undo_action.isEnabled()

    edit_cell(table, "object_number", "TSM-002", "title", new)
    qtbot.waitUntil(lambda: shown_title(table, "TSM-002") == new, timeout=LOAD_TIMEOUT_MS)
    assert db_item(app, "TSM-002").title == new
    assert stack.count() == 1 and stack.index() == 1
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert "TSM-002" in stack.undoText()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: shown_title(table, "TSM-002") == old, timeout=LOAD_TIMEOUT_MS)
    assert db_item(app, "TSM-002").title == old
    assert window.redo_action.isEnabled() and not window.undo_action.isEnabled()

    window.redo_action.trigger()
    qtbot.waitUntil(lambda: shown_title(table, "TSM-002") == new, timeout=LOAD_TIMEOUT_MS)
    assert db_item(app, "TSM-002").title == new
    assert stack.index() == 1
    # Nothing else changed.
    for o in dataset.objects:
        if o["object_number"] != "TSM-002":
            assert db_item(app, o["object_number"]).title == o["title"]
    assert warnings == []


def test_collection_undo_with_keyboard_shortcuts(qtbot, app, dataset, warnings):
    window = app.window
    table = find_table(window, "collectionTable")
    edit_cell(table, "object_number", "TSM-004", "maker", "Liangzhu workshop")
    qtbot.waitUntil(lambda: db_item(app, "TSM-004").maker == "Liangzhu workshop", timeout=LOAD_TIMEOUT_MS)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_item(app, "TSM-004").maker == ""
    window.redo_action.trigger()
    assert db_item(app, "TSM-004").maker == "Liangzhu workshop"
    drained = lambda: not window.pages[0].is_loading  # noqa: E731
    qtbot.waitUntil(drained, timeout=LOAD_TIMEOUT_MS)
    assert warnings == []


def test_two_edits_undo_in_reverse_order(qtbot, app, dataset, warnings):
    window = app.window
    table = find_table(window, "collectionTable")
    edit_cell(table, "object_number", "TSM-001", "title", "First")
    qtbot.waitUntil(lambda: shown_title(table, "TSM-001") == "First", timeout=LOAD_TIMEOUT_MS)
    edit_cell(table, "object_number", "TSM-001", "title", "Second")
    qtbot.waitUntil(lambda: shown_title(table, "TSM-001") == "Second", timeout=LOAD_TIMEOUT_MS)
    assert app.context.undo_stack.count() == 2
    window.undo_action.trigger()
    assert db_item(app, "TSM-001").title == "First"
    qtbot.waitUntil(lambda: shown_title(table, "TSM-001") == "First", timeout=LOAD_TIMEOUT_MS)
    window.undo_action.trigger()
    assert db_item(app, "TSM-001").title == dataset.objects[0]["title"]
    qtbot.waitUntil(lambda: shown_title(table, "TSM-001") == dataset.objects[0]["title"], timeout=LOAD_TIMEOUT_MS)


def test_tour_rename_undo_redo(qtbot, app, dataset, warnings):
    window, stack = app.window, app.context.undo_stack
    window.nav.setCurrentRow(2)
    wait_for_page(qtbot, app, 2, dataset)
    page = window.pages[2]
    table = find_table(window, "tourTable")
    old = dataset.tours[0]["title"]
    new = "Treasures, extended cut"

    edit_cell(table, "title", old, "title", new)
    qtbot.waitUntil(lambda: column_texts(table, "title") == [new], timeout=LOAD_TIMEOUT_MS)
    assert db_tour_titles(app) == [new]
    assert stack.count() == 1
    qtbot.waitUntil(lambda: page.segment_header.text() == new, timeout=LOAD_TIMEOUT_MS)

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: column_texts(table, "title") == [old], timeout=LOAD_TIMEOUT_MS)
    assert db_tour_titles(app) == [old]

    window.redo_action.trigger()
    qtbot.waitUntil(lambda: column_texts(table, "title") == [new], timeout=LOAD_TIMEOUT_MS)
    assert db_tour_titles(app) == [new]
    # The tour stays selected, its segments still shown.
    qtbot.waitUntil(lambda: find_table(window, "segmentTable").model().rowCount() == 3, timeout=LOAD_TIMEOUT_MS)
    assert warnings == []


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_object_number_is_refused(qtbot, app, dataset, warnings, value):
    window, stack = app.window, app.context.undo_stack
    table = find_table(window, "collectionTable")
    before = [(r.object_number, r.title, r.version) for r in collection_svc.list_items(app.uow())]

    edit_cell(table, "object_number", "TSM-003", "object_number", value)

    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Could not complete the action"
    assert "object number cannot be empty" in text
    assert [(r.object_number, r.title, r.version) for r in collection_svc.list_items(app.uow())] == before
    assert stack.count() == 0
    assert not window.undo_action.isEnabled()
    assert "TSM-003" in column_texts(table, "object_number")


def test_duplicate_object_number_is_refused(qtbot, app, dataset, warnings):
    window, stack = app.window, app.context.undo_stack
    table = find_table(window, "collectionTable")
    edit_cell(table, "object_number", "TSM-003", "object_number", "TSM-001")
    assert len(warnings) == 1 and "TSM-001" in warnings[0][1]
    assert db_item(app, "TSM-003").title == dataset.objects[2]["title"]
    assert stack.count() == 0


def test_empty_tour_title_is_refused(qtbot, app, dataset, warnings):
    window, stack = app.window, app.context.undo_stack
    window.nav.setCurrentRow(2)
    wait_for_page(qtbot, app, 2, dataset)
    table = find_table(window, "tourTable")
    edit_cell(table, "title", dataset.tours[0]["title"], "title", " ")
    assert len(warnings) == 1 and "title" in warnings[0][1]
    assert db_tour_titles(app) == [dataset.tours[0]["title"]]
    assert stack.count() == 0


def test_valid_edit_after_a_refused_one_is_undoable(qtbot, app, dataset, warnings):
    window, stack = app.window, app.context.undo_stack
    table = find_table(window, "collectionTable")
    edit_cell(table, "object_number", "TSM-005", "object_number", "")
    assert len(warnings) == 1 and stack.count() == 0
    edit_cell(table, "object_number", "TSM-005", "object_number", "TSM-005A")
    qtbot.waitUntil(lambda: "TSM-005A" in column_texts(table, "object_number"), timeout=LOAD_TIMEOUT_MS)
    assert stack.count() == 1
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "TSM-005" in column_texts(table, "object_number"), timeout=LOAD_TIMEOUT_MS)
    assert db_item(app, "TSM-005").title == dataset.objects[4]["title"]
    assert len(warnings) == 1


def test_undo_and_redo_labels_follow_the_language(qtbot, app, dataset, warnings):
    from curator_console.ui import i18n

    from .conftest import has_cjk

    window = app.window
    table = find_table(window, "collectionTable")
    assert window.undo_action.text() == "&Undo" and not window.undo_action.isEnabled()
    edit_cell(table, "object_number", "TSM-002", "title", "Renamed ding")
    assert "TSM-002" in window.undo_action.text() and window.undo_action.text().startswith("&Undo")

    i18n.apply_language("zh_CN")
    qtbot.waitUntil(lambda: has_cjk(window.undo_action.text()), timeout=LOAD_TIMEOUT_MS)
    assert "TSM-002" in window.undo_action.text()
    assert has_cjk(window.redo_action.text()) and not window.redo_action.isEnabled()
    window.undo_action.trigger()
    assert has_cjk(window.redo_action.text()) and "TSM-002" in window.redo_action.text()
    assert has_cjk(window.undo_action.text()) and not window.undo_action.isEnabled()
    assert db_item(app, "TSM-002").title == dataset.objects[1]["title"]

    i18n.apply_language("en")
    qtbot.waitUntil(lambda: window.redo_action.text().startswith("&Redo"), timeout=LOAD_TIMEOUT_MS)
    assert "TSM-002" in window.redo_action.text()
    assert window.undo_action.text() == "&Undo"
    qtbot.waitUntil(lambda: not window.pages[0].is_loading, timeout=LOAD_TIMEOUT_MS)


def test_saved_edit_is_reported_in_the_status_bar(qtbot, app, warnings):
    window = app.window
    table = find_table(window, "collectionTable")
    edit_cell(table, "object_number", "TSM-001", "medium", "Hard-paste porcelain")
    assert window.statusBar().currentMessage() != ""
    qtbot.waitUntil(lambda: db_item(app, "TSM-001").title == "Blue-and-white vase" and not window.pages[0].is_loading,
                    timeout=LOAD_TIMEOUT_MS)


def test_edit_that_changes_nothing_is_not_undoable(qtbot, app, dataset, warnings):
    window, stack = app.window, app.context.undo_stack
    table = find_table(window, "collectionTable")
    title = dataset.objects[1]["title"]
    edit_cell(table, "object_number", "TSM-002", "title", title + "  ")
    assert db_item(app, "TSM-002").title == title
    assert warnings == []
    assert stack.count() == 0
    assert not window.undo_action.isEnabled()


def test_quick_undos_leave_the_table_showing_the_database(qtbot, app, dataset, warnings, monkeypatch):
    window = app.window
    table = find_table(window, "collectionTable")
    for value in ("First", "Second"):
        edit_cell(table, "object_number", "TSM-001", "title", value)
        qtbot.waitUntil(lambda: shown_title(table, "TSM-001") == value, timeout=LOAD_TIMEOUT_MS)  # noqa: B023

    # The row refresh after the first undo reads the database, then is slow to come back.
    read_first, gate = threading.Event(), threading.Event()
    real = objects_svc.listed_rows
    calls: list[int] = []

    def listed_rows(uow, *args, **kwargs):
        n = len(calls)
        calls.append(n)
        rows = real(uow, *args, **kwargs)
        if n == 0:
            read_first.set()
            gate.wait(LOAD_TIMEOUT_MS / 1000)
        return rows

    monkeypatch.setattr(objects_svc, "listed_rows", listed_rows)
    window.undo_action.trigger()  # database: "First"; its reload reads that, then is held
    qtbot.waitUntil(read_first.is_set, timeout=LOAD_TIMEOUT_MS)
    window.undo_action.trigger()  # database: the original title; its reload comes back at once
    original = dataset.objects[0]["title"]
    qtbot.waitUntil(lambda: shown_title(table, "TSM-001") == original, timeout=LOAD_TIMEOUT_MS)
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending_count() == 0 and not window.pages[0].is_loading, timeout=LOAD_TIMEOUT_MS)
    assert db_item(app, "TSM-001").title == original
    assert shown_title(table, "TSM-001") == original
