"""The five workspaces, reached through the navigation list and the Ctrl+1..5 actions, each show
the small museum's rows from the database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from curator_console.services import review as review_svc
from curator_console.services import tours as tours_svc
from curator_console.ui import settings as keys
from curator_console.ui.table_model import ROW_ROLE

from .conftest import LOAD_TIMEOUT_MS
from .helpers import ENGLISH_TITLES, WORKSPACES, cell, column_texts, figures, find_table, wait_for_page


def check_page_contents(app, row: int, dataset) -> None:
    """Compare what the visible page shows with the dataset (and, for computed figures, with the DB)."""
    window = app.window
    page = window.pages[row]
    assert window.current_page() is page
    assert page.objectName() == WORKSPACES[row][0]
    assert page.isVisible()
    if row == 0:
        table = find_table(page, "collectionTable")
        shown = dict(zip(column_texts(table, "object_number"), column_texts(table, "title")))
        assert shown == {o["object_number"]: o["title"] for o in dataset.objects}
        alt = dict(zip(column_texts(table, "object_number"), column_texts(table, "alt_title")))
        assert alt == {o["object_number"]: o["alt_title"] for o in dataset.objects}
        periods = dict(zip(column_texts(table, "object_number"), column_texts(table, "period")))
        assert periods == {o["object_number"]: o["period"] for o in dataset.objects}
        assert figures(page.count_label.text()) == [str(len(dataset.objects))]
    elif row == 1:
        table = find_table(page, "storeTable")
        skus = column_texts(table, "sku")
        assert sorted(skus) == sorted(p["sku"] for p in dataset.products)
        by_sku = {p["sku"]: p for p in dataset.products}
        for r, sku in enumerate(skus):
            product = by_sku[sku]
            assert cell(table, r, "title") == product["title"]
            assert cell(table, r, "price") == f"¥{Decimal(product['price']):,.2f}"
            assert cell(table, r, "stock") == str(product["stock"])
            linked = cell(table, r, "objects").split(", ")
            assert sorted(linked) == sorted(product["objects"])
            warned = cell(table, r, "stock", Qt.ItemDataRole.ForegroundRole) is not None
            assert warned == (product["stock"] == 0)
        out = sum(1 for p in dataset.products if p["stock"] == 0)
        assert out == 1
        assert figures(page.count_label.text()) == [str(len(dataset.products)), str(out)]
        assert "out of stock" in page.count_label.text().lower()
    elif row == 2:
        tour = dataset.tours[0]
        tours = find_table(page, "tourTable")
        assert column_texts(tours, "title") == [tour["title"]]
        assert cell(tours, 0, "host") == tour["host"]
        assert cell(tours, 0, "segments") == str(len(tour["segments"]))
        planned = sum(s["planned_seconds"] for s in tour["segments"])
        assert cell(tours, 0, "planned") == f"{planned // 60}:{planned % 60:02d}"
        assert cell(tours, 0, "slot") == f"{tour['slot_minutes']}:00"
        segments = find_table(page, "segmentTable")
        assert column_texts(segments, "title") == [s["title"] for s in tour["segments"]]
        assert column_texts(segments, "objects") == [str(len(s["objects"])) for s in tour["segments"]]
        assert column_texts(segments, "products") == [str(len(s["products"])) for s in tour["segments"]]
        # "OBS:" cues are stored as scene cues without the prefix.
        assert cell(segments, 0, "cues") == "Camera 1 · Wide shot"
        assert page.segment_header.text() == tour["title"]
    elif row == 3:
        connections = find_table(page, "connectionTable")
        assert column_texts(connections, "name") == ["Built-in simulator"]
        assert column_texts(connections, "platform") == ["Built-in simulated platform"]
        sessions = find_table(page, "liveSessionTable")
        assert column_texts(sessions, "tour") == [s["tour"] for s in dataset.sessions]
        assert column_texts(sessions, "mode") == ["Live"]
        assert column_texts(sessions, "status") == ["Ended"]
        minutes = dataset.sessions[0]["duration_minutes"]
        assert column_texts(sessions, "duration") == [f"{minutes}:00"]
        assert column_texts(sessions, "connection") == ["Built-in simulator"]
    elif row == 4:
        table = find_table(page, "reviewSessionTable")
        assert column_texts(table, "tour") == [s["tour"] for s in dataset.sessions]
        (db_row,) = review_svc.list_sessions(app.uow())
        assert cell(table, 0, "orders") == str(db_row.orders)
        assert cell(table, 0, "units") == str(db_row.units)
        assert cell(table, 0, "peak") == f"{db_row.peak_viewers:,}"
        assert cell(table, 0, "revenue") == f"¥{db_row.revenue:,.2f}"
        # Sanity of the played-out session: some orders, a peak near the configured one.
        assert db_row.orders > 0
        peak = dataset.sessions[0]["peak_viewers"]
        assert 0.5 * peak <= db_row.peak_viewers <= 1.05 * peak
        assert figures(page.summary.text()) == [str(len(dataset.sessions)), str(db_row.orders), f"{db_row.revenue:,.2f}"]


def click_nav(qtbot, window, row: int) -> None:
    nav = window.nav
    rect = nav.visualItemRect(nav.item(row))
    assert rect.isValid()
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_opens_on_the_collection(app, dataset):
    window = app.window
    assert window.objectName() == "mainWindow"
    assert window.nav.objectName() == "workspaceNav"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ENGLISH_TITLES
    assert window.nav.currentRow() == 0
    check_page_contents(app, 0, dataset)
    # Other pages are loaded only when first shown.
    assert not any(page.has_loaded for page in window.pages[1:])


@pytest.mark.parametrize("row", [1, 2, 3, 4, 0])
def test_navigation_list_switches_workspace(qtbot, app, dataset, row):
    click_nav(qtbot, app.window, row)
    wait_for_page(qtbot, app, row, dataset)
    assert app.window.nav.currentRow() == row
    check_page_contents(app, row, dataset)
    assert app.settings.get(keys.WORKSPACE) == row


@pytest.mark.parametrize("row", [1, 2, 3, 4, 0])
def test_ctrl_number_shortcut_switches_workspace(qtbot, app, dataset, row):
    window = app.window
    action = window.workspace_actions[row]
    assert action.shortcut() == QKeySequence(f"Ctrl+{row + 1}")
    assert action.text() == ENGLISH_TITLES[row]
    if row == 0:
        window.nav.setCurrentRow(3)  # start elsewhere so Ctrl+1 has something to do
        wait_for_page(qtbot, app, 3, dataset)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1.value + row), Qt.KeyboardModifier.ControlModifier)
    wait_for_page(qtbot, app, row, dataset)
    assert window.nav.currentRow() == row
    check_page_contents(app, row, dataset)


@pytest.mark.parametrize("row", [1, 2, 3, 4, 0])
def test_workspace_actions_trigger(qtbot, app, dataset, row):
    """The View menu's workspace actions (what Ctrl+1..5 are bound to) switch the page too."""
    window = app.window
    if row == 0:
        window.workspace_actions[4].trigger()
        wait_for_page(qtbot, app, 4, dataset)
    assert window.workspace_actions[row] in window.view_menu.actions()
    window.workspace_actions[row].trigger()
    wait_for_page(qtbot, app, row, dataset)
    check_page_contents(app, row, dataset)


def test_visiting_every_workspace_in_turn(qtbot, app, dataset):
    for row in (2, 4, 1, 3, 0, 2):
        click_nav(qtbot, app.window, row)
        wait_for_page(qtbot, app, row, dataset)
        check_page_contents(app, row, dataset)
    assert all(page.has_loaded for page in app.window.pages)


def test_last_workspace_is_reopened(qtbot, open_app, db_path, dataset):
    first = open_app(db_path)
    click_nav(qtbot, first.window, 2)
    wait_for_page(qtbot, first, 2, dataset)
    first.window.close()
    second = open_app(db_path)
    assert second.window.nav.currentRow() == 2
    wait_for_page(qtbot, second, 2, dataset)
    check_page_contents(second, 2, dataset)


def test_tour_row_carries_the_db_timing(app, qtbot, dataset):
    click_nav(qtbot, app.window, 2)
    wait_for_page(qtbot, app, 2, dataset)
    table = find_table(app.window, "tourTable")
    shown = table.model().index(0, 0).data(ROW_ROLE)
    (db_row,) = tours_svc.list_tours(app.uow(), app.settings.reading_speed)
    assert shown == db_row


def test_collection_filter_as_you_type(qtbot, app, dataset):
    page = app.window.pages[0]
    search = app.window.findChild(type(page.search), "collectionSearch")
    table = find_table(page, "collectionTable")

    def shows(numbers: list[str]) -> bool:
        return not page.is_loading and sorted(column_texts(table, "object_number")) == numbers

    qtbot.keyClicks(search, "vase")
    qtbot.waitUntil(lambda: shows(["TSM-001"]), timeout=LOAD_TIMEOUT_MS)
    assert figures(page.count_label.text()) == ["1"]
    search.clear()
    search.insert("青铜")  # the second-language title (as an input method commits it; QTest types Latin-1 only)
    qtbot.waitUntil(lambda: shows(["TSM-002"]), timeout=LOAD_TIMEOUT_MS)
    search.clear()
    qtbot.keyClicks(search, "wang hui")  # maker, any case
    qtbot.waitUntil(lambda: shows(["TSM-003"]), timeout=LOAD_TIMEOUT_MS)
    search.clear()
    qtbot.keyClicks(search, "%")  # a LIKE wildcard is searched for literally
    qtbot.waitUntil(lambda: shows([]), timeout=LOAD_TIMEOUT_MS)
    search.clear()
    qtbot.waitUntil(lambda: shows(sorted(o["object_number"] for o in dataset.objects)), timeout=LOAD_TIMEOUT_MS)
    assert figures(page.count_label.text()) == [str(len(dataset.objects))]


def test_status_bar_names_the_database(app):
    text = app.window.findChild(type(app.window.db_label), "databaseStatus").text()
    assert str(app.db_path) in text or str(app.db_path.resolve()) in text
    assert "local file" in text


def test_back_up_database_action(qtbot, app, tmp_path, monkeypatch, dataset):
    from PySide6.QtWidgets import QFileDialog

    from curator_console.services import collection as collection_svc
    from curator_console.services.database import open_database, unit_of_work

    folder = tmp_path / "my-backups"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    app.window.backup_action.trigger()
    (copy,) = list(folder.glob("*.sqlite3"))
    assert str(copy) in app.window.statusBar().currentMessage()
    backup = open_database(str(copy))
    try:
        assert collection_svc.count_items(unit_of_work(backup)) == len(dataset.objects)
    finally:
        backup.dispose()


def test_back_up_cancelled_writes_nothing(app, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    before = sorted(p.name for p in app.db_path.parent.iterdir())
    app.window.backup_action.trigger()
    assert sorted(p.name for p in app.db_path.parent.iterdir()) == before


def test_about_box_names_version_and_database(app):
    from curator_console import __version__
    from curator_console.ui.help.about import AboutDialog

    app.window.about_action.trigger()
    dialog = app.window.findChild(AboutDialog)
    title, text = dialog.windowTitle(), dialog.text()
    assert "Curator Console" in title
    assert __version__ in text and app.database.revision in text
    assert app.db_path.name in text
    dialog.close()
