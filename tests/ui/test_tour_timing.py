"""The Tours page's timing label: a tour whose segments fit its slot, and one that overruns it."""

from __future__ import annotations

import json
import shutil
import sqlite3

from PySide6.QtCore import Qt

from curator_console.services import tours as tours_svc

from .conftest import DATA_DIR, LOAD_TIMEOUT_MS, seed_into
from .helpers import cell, column_texts, figures, find_table
from .helpers import wait_for_page

WARN_COLOUR = "#b3261e"


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def open_tours(qtbot, app, tour_count: int = 1):
    window = app.window
    window.nav.setCurrentRow(2)
    page = window.pages[2]
    qtbot.waitUntil(lambda: page.has_loaded and not page.is_loading
                    and find_table(page, "tourTable").model().rowCount() == tour_count, timeout=LOAD_TIMEOUT_MS)
    return page


def select_tour(qtbot, page, title: str) -> None:
    table = find_table(page, "tourTable")
    row = column_texts(table, "title").index(title)
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.segment_header.text() == title and not page.is_loading, timeout=LOAD_TIMEOUT_MS)


def test_tour_that_fits_its_slot(qtbot, app, dataset):
    page = open_tours(qtbot, app)
    wait_for_page(qtbot, app, 2, dataset)
    label = page.findChild(type(page.timing_label), "tourTimingLabel")
    tour = dataset.tours[0]
    planned = sum(s["planned_seconds"] for s in tour["segments"])
    spare = tour["slot_minutes"] * 60 - planned
    assert spare > 0
    text = label.text()
    speaking = tours_svc.list_tours(app.uow(), app.settings.reading_speed)[0].estimated_seconds
    # Planned, speaking time, slot, time to spare -- in that order.
    assert figures(text) == [mmss(planned), mmss(speaking), mmss(tour["slot_minutes"] * 60), mmss(spare)]
    assert "fits" in text.lower() and "overrun" not in text.lower()
    assert WARN_COLOUR not in label.styleSheet()
    table = find_table(page, "tourTable")
    assert cell(table, 0, "planned", Qt.ItemDataRole.ForegroundRole) is None
    assert cell(table, 0, "planned", Qt.ItemDataRole.ToolTipRole) == ""


def test_overrunning_tour_shows_a_warning(qtbot, open_app, tmp_path, dataset):
    """Seed a second tour whose three segments (12 min) overrun its 10-minute slot."""
    folder = tmp_path / "demo_overrun"
    shutil.copytree(DATA_DIR, folder)
    long_tour = {
        "title": "Overlong tour", "host": "Zhou Min", "language": "en", "slot_minutes": 10,
        "segments": [
            {"title": "Opening", "planned_seconds": 240, "script": "Hello.", "objects": ["TSM-002"]},
            {"title": "Middle", "planned_seconds": 240, "script": "More.", "objects": []},
            {"title": "Ending", "planned_seconds": 240, "script": "Goodbye.", "cues": ["Wave"]},
        ],
    }
    (folder / "tours.json").write_text(json.dumps(dataset.tours + [long_tour], ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "overrun.sqlite3"
    seed_into(db, folder)

    app = open_app(db)
    page = open_tours(qtbot, app, tour_count=2)
    label, table = page.timing_label, find_table(page, "tourTable")

    select_tour(qtbot, page, "Overlong tour")
    qtbot.waitUntil(lambda: find_table(page, "segmentTable").model().rowCount() == 3, timeout=LOAD_TIMEOUT_MS)
    assert column_texts(find_table(page, "segmentTable"), "title") == ["Opening", "Middle", "Ending"]
    text = label.text()
    assert figures(text) == ["12:00", "0:00", "10:00", "2:00"]  # planned, speaking, slot, overrun
    assert "overruns the slot" in text.lower() and "fits" not in text.lower()
    assert WARN_COLOUR in label.styleSheet()
    row = column_texts(table, "title").index("Overlong tour")
    assert cell(table, row, "planned", Qt.ItemDataRole.ForegroundRole) is not None
    tip = cell(table, row, "planned", Qt.ItemDataRole.ToolTipRole)
    assert figures(tip) == ["2:00"] and "overrun" in tip.lower()

    # Back to the tour that fits: the warning goes away.
    select_tour(qtbot, page, dataset.tours[0]["title"])
    assert "fits" in label.text().lower() and "overrun" not in label.text().lower()
    assert WARN_COLOUR not in label.styleSheet()
    other = column_texts(table, "title").index(dataset.tours[0]["title"])
    assert cell(table, other, "planned", Qt.ItemDataRole.ForegroundRole) is None


def test_overrun_appears_after_refresh(qtbot, app, dataset):
    """The slot is shortened in the database behind the app's back; View → Refresh shows the overrun."""
    page = open_tours(qtbot, app)
    wait_for_page(qtbot, app, 2, dataset)
    assert "fits" in page.timing_label.text().lower()
    conn = sqlite3.connect(app.db_path)
    try:
        with conn:
            conn.execute("UPDATE tour SET slot_seconds = 1200")
    finally:
        conn.close()
    app.window.refresh_action.trigger()
    qtbot.waitUntil(lambda: "overrun" in page.timing_label.text().lower(), timeout=LOAD_TIMEOUT_MS)
    assert WARN_COLOUR in page.timing_label.styleSheet()
    text = page.timing_label.text()
    assert figures(text)[0] == "25:00" and figures(text)[2:] == ["20:00", "5:00"]
    assert cell(find_table(page, "tourTable"), 0, "slot") == "20:00"
