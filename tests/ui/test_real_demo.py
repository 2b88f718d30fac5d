"""The shipped demo museum (resources/demo): seeded into a temporary database, it holds 60 objects,
20 products, 2 tours and 3 sessions, and the main window shows all of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator_console import paths
from curator_console.services import collection as collection_svc
from curator_console.services import review as review_svc
from curator_console.services import store as store_svc
from curator_console.services import tours as tours_svc
from curator_console.services.database import open_database, unit_of_work

from .conftest import LOAD_TIMEOUT_MS, Dataset, seed_into
from .helpers import column_texts, figures, find_table

DEMO_DIR = paths.resources_dir() / "demo"
EXPECTED = {"objects": 60, "products": 20, "tours": 3, "sessions": 3}  # tours: two tours and one template


@pytest.fixture(scope="module")
def demo_dataset() -> Dataset:
    return Dataset.load(DEMO_DIR)


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, object]:
    path = tmp_path / "real-demo.sqlite3"
    summary = seed_into(path, DEMO_DIR)
    return path, summary


def test_demo_json_describes_the_expected_museum(demo_dataset):
    assert len(demo_dataset.objects) == EXPECTED["objects"]
    assert len(demo_dataset.products) == EXPECTED["products"]
    assert len(demo_dataset.tours) == EXPECTED["tours"]
    assert len(demo_dataset.sessions) == EXPECTED["sessions"]


def test_real_demo_seeds_the_described_counts(demo_db, demo_dataset):
    path, summary = demo_db
    assert (summary.objects, summary.products, summary.tours, summary.sessions) == (
        EXPECTED["objects"], EXPECTED["products"], EXPECTED["tours"], EXPECTED["sessions"])
    assert summary.orders > 0
    database = open_database(str(path))
    try:
        uow = lambda: unit_of_work(database)  # noqa: E731
        assert collection_svc.count_items(uow()) == EXPECTED["objects"]
        assert len(store_svc.list_products(uow())) == EXPECTED["products"]
        tours = tours_svc.list_tours(uow())
        assert sorted(t.title for t in tours) == sorted(t["title"] for t in demo_dataset.tours)
        by_title = {t["title"]: t for t in demo_dataset.tours}
        for t in tours:
            assert t.segment_count == len(by_title[t.title]["segments"])
        sessions = review_svc.list_sessions(uow())
        assert len(sessions) == EXPECTED["sessions"]
        assert all(s.orders > 0 and s.peak_viewers > 0 for s in sessions)
    finally:
        database.dispose()


def test_main_window_shows_the_real_demo(qtbot, open_app, demo_db, demo_dataset):
    path, _ = demo_db
    app = open_app(path, demo=True)
    window = app.window
    assert window.windowTitle() == "Curator Console — Demo museum"

    collection = find_table(window, "collectionTable")
    assert collection.model().rowCount() == EXPECTED["objects"]
    assert sorted(column_texts(collection, "object_number")) == sorted(o["object_number"] for o in demo_dataset.objects)
    assert figures(window.pages[0].count_label.text()) == [str(EXPECTED["objects"])]

    expected_rows = {
        1: {"storeTable": EXPECTED["products"]},
        2: {"tourTable": EXPECTED["tours"]},
        3: {"connectionTable": 1, "liveSessionTable": EXPECTED["sessions"]},
        4: {"reviewSessionTable": EXPECTED["sessions"]},
    }
    for row, tables in expected_rows.items():
        window.nav.setCurrentRow(row)
        page = window.pages[row]
        qtbot.waitUntil(
            lambda: page.has_loaded and not page.is_loading  # noqa: B023
            and all(find_table(page, n).model().rowCount() == c for n, c in tables.items()),  # noqa: B023
            timeout=LOAD_TIMEOUT_MS,
        )

    store = find_table(window, "storeTable")
    assert sorted(column_texts(store, "sku")) == sorted(p["sku"] for p in demo_dataset.products)
    tours = find_table(window, "tourTable")
    assert sorted(column_texts(tours, "title")) == sorted(t["title"] for t in demo_dataset.tours)
    # The selected tour's segments are listed.
    tours_page = window.pages[2]
    qtbot.waitUntil(lambda: tours_page.editor.detail is not None, timeout=LOAD_TIMEOUT_MS)
    selected = tours_page.editor.title_edit.text()
    n_segments = next(len(t["segments"]) for t in demo_dataset.tours if t["title"] == selected)
    qtbot.waitUntil(lambda: find_table(window, "segmentTable").model().rowCount() == n_segments, timeout=LOAD_TIMEOUT_MS)
    review = find_table(window, "reviewSessionTable")
    assert sorted(column_texts(review, "tour")) == sorted(s["tour"] for s in demo_dataset.sessions)
    assert figures(window.pages[4].summary.text())[0] == str(EXPECTED["sessions"])
