"""The Collection's lazy table model over a few thousand generated objects: model-tester clean,
pages fetched in the background only when the view reaches them, the page cache bounded, the
first screenful kept when the whole id list arrives, and sorting done by the database."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from curator_console.persistence.search import SearchIndex
from curator_console.services import collection_objects as objsvc
from curator_console.ui.collection.model import PLACEHOLDER, LazyColumn, LazyRowsModel

from .conftest import LOAD_TIMEOUT_MS

N_OBJECTS = 3000
ZH = ["青花", "瓷瓶", "青铜", "鼎", "山水", "手卷", "玉璧", "唐三彩", "马", "缠枝莲"]
EN = ["vase", "bronze", "landscape", "scroll", "jade", "disc", "horse", "bowl", "lotus", "dish"]
PERIODS = ["明 Ming", "清 Qing", "宋 Song", "唐 Tang"]
CLASSES = ["Ceramics", "Paintings", "Metalwork", "Jades"]


def generate_objects(path: Path, n: int = N_OBJECTS) -> None:
    """A database file with ``n`` generated objects (Core inserts) and their search index."""
    from sqlalchemy import insert

    from curator_console.persistence import models as m
    from curator_console.services.database import open_database

    database = open_database(str(path))
    try:
        with database.session() as s:
            museum = m.Museum(code="GEN", name="Generated museum", alt_name="生成博物馆")
            s.add(museum)
            s.flush()
            rows = []
            for i in range(1, n + 1):
                rows.append({
                    "id": i, "museum_id": museum.id, "object_number": f"GEN.{i:05d}",
                    "title": f"{EN[i % 10].capitalize()} {EN[(i // 10) % 10]} no. {i}",
                    "alt_title": f"{ZH[i % 10]}{ZH[(i // 10) % 10]}{i}", "maker": f"Workshop {i % 7}",
                    "period": PERIODS[i % 4], "classification": CLASSES[(i // 4) % 4], "medium": "Porcelain",
                    "description": f"{ZH[(i * 3) % 10]} {EN[(i * 7) % 10]}", "source": "test",
                })
            s.execute(insert(m.CollectionItem), rows)
            s.execute(insert(m.ItemTag), [{"item_id": i, "tag": f"tag{i % 5}", "position": 0} for i in range(1, n + 1)])
            SearchIndex(s).index((r["id"], {**r, "tags": [f"tag{r['id'] % 5}"]}) for r in rows)
            s.commit()
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def generated_template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    path = root / "generated.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CURATOR_CONSOLE_HOME", str(root / "home"))
        generate_objects(path)
    return path


@pytest.fixture
def generated_db(tmp_path, generated_template):
    from curator_console.services.database import open_database

    from .conftest import copy_sqlite

    path = tmp_path / "generated.sqlite3"
    copy_sqlite(generated_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()


def columns() -> list[LazyColumn]:
    return [
        LazyColumn("object_number", lambda: "Object number", lambda r: r.object_number, editable=True,
                   sort_key="object_number"),
        LazyColumn("title", lambda: "Title", lambda r: r.title, sort_key="title"),
        LazyColumn("images", lambda: "Images", lambda r: r.image_count, numeric=True, placeholder=False),
    ]


class Fetcher:
    """The row source: the real service, counting calls (from worker threads)."""

    def __init__(self, database) -> None:
        from curator_console.persistence.unit_of_work import UnitOfWork

        self.uow = lambda: UnitOfWork(database.session_factory)
        self.calls: list[int] = []

    def __call__(self, ids: list[int]):
        self.calls.append(len(ids))
        return objsvc.listed_rows(self.uow(), ids)


def all_ids(database, **kwargs) -> array:
    from curator_console.persistence.unit_of_work import UnitOfWork

    return objsvc.result_id_array(UnitOfWork(database.session_factory), **kwargs)


def wait_rows(qtbot, model: LazyRowsModel, rows) -> None:
    """Ask for the rows (as a view painting them does) until they are loaded."""
    rows = list(rows)

    def loaded() -> bool:
        missing = [r for r in rows if not model.is_loaded(r)]
        for r in missing:
            model.index(r, 0).data()
        return not missing

    qtbot.waitUntil(loaded, timeout=LOAD_TIMEOUT_MS)


def test_model_tester_on_thousands_of_objects(qtbot, qtmodeltester, generated_db):
    fetch = Fetcher(generated_db)
    model = LazyRowsModel(columns(), fetch, page_rows=50, max_pages=6)
    model.set_ids(all_ids(generated_db))
    assert model.rowCount() == N_OBJECTS and model.columnCount() == 3
    qtmodeltester.check(model)  # asks for rows here and there: pages load in the background
    wait_rows(qtbot, model, [0, 1, N_OBJECTS - 1])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "GEN.00001"
    assert model.index(N_OBJECTS - 1, 0).data() == f"GEN.{N_OBJECTS:05d}"
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Title"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_a_row_not_loaded_shows_a_placeholder_then_its_values(qtbot, generated_db):
    model = LazyRowsModel(columns(), Fetcher(generated_db), page_rows=100)
    model.set_ids(all_ids(generated_db))
    index = model.index(1234, 0)
    assert index.data() == PLACEHOLDER
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable  # nothing to edit until it is there
    with qtbot.waitSignal(model.dataChanged, timeout=LOAD_TIMEOUT_MS):
        pass
    wait_rows(qtbot, model, [1234])
    assert index.data() == "GEN.01235"
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    assert model.cached_pages() == [12]


def test_scrolling_to_the_end_fetches_only_the_pages_seen(qtbot, generated_db):
    fetch = Fetcher(generated_db)
    model = LazyRowsModel(columns(), fetch, page_rows=50, max_pages=2)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    model.set_ids(all_ids(generated_db))
    wait_rows(qtbot, model, [0])
    visible = lambda: (view.rowAt(0), view.rowAt(view.viewport().height() - 1))  # noqa: E731
    # Page down a few times, then jump to the end.
    for _ in range(12):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        first, last = visible()
        wait_rows(qtbot, model, [first, last])
    view.scrollToBottom()
    qtbot.waitUntil(lambda: visible()[1] in (N_OBJECTS - 1, -1), timeout=LOAD_TIMEOUT_MS)
    first, last = visible()
    wait_rows(qtbot, model, range(first, N_OBJECTS))
    qtbot.waitUntil(lambda: not model.loading, timeout=LOAD_TIMEOUT_MS)
    total_pages = N_OBJECTS // 50
    assert model.pages_fetched <= 10, model.pages_fetched  # a handful, never all 60
    assert model.pages_fetched < total_pages // 4
    assert all(n <= 50 for n in fetch.calls)  # a page at a time, by id list
    assert model.pages_fetched >= 4  # pages 0..3 paged through, then the last one
    assert len(model.cached_pages()) <= 2  # the bound holds
    assert (N_OBJECTS - 1) // 50 in model.cached_pages()
    assert model.index(N_OBJECTS - 1, 0).data() == f"GEN.{N_OBJECTS:05d}"
    # Back to the top: page 0 was dropped from the cache and comes back.
    before = model.pages_fetched
    view.scrollToTop()
    wait_rows(qtbot, model, [0, visible()[1]])
    assert model.pages_fetched > before


def test_first_screen_is_kept_when_the_whole_list_arrives(qtbot, qtmodeltester, generated_db):
    fetch = Fetcher(generated_db)
    model = LazyRowsModel(columns(), fetch, page_rows=100)
    qtmodeltester.check(model)
    ids = all_ids(generated_db, query="vase")
    first_rows = objsvc.listed_rows(Fetcher(generated_db).uow(), list(ids[:40]))
    model.set_ids(ids[:40], first_rows)
    assert model.rowCount() == 40 and model.index(39, 0).data() != PLACEHOLDER
    assert fetch.calls == []  # shown without another query
    persistent = model.index(10, 0)
    from PySide6.QtCore import QPersistentModelIndex

    keep = QPersistentModelIndex(persistent)
    with qtbot.waitSignal(model.rowsInserted, timeout=LOAD_TIMEOUT_MS):
        assert model.extend_ids(ids)
    assert model.rowCount() == len(ids) and keep.row() == 10
    assert model.index(10, 0).data() == first_rows[10].object_number
    # Rows 40..99 belong to the page cached in part: the page completes itself.
    assert model.index(60, 0).data() == PLACEHOLDER
    wait_rows(qtbot, model, [60])
    assert len(fetch.calls) == 1
    # A list that does not start with the shown rows resets the model.
    with qtbot.waitSignal(model.modelReset, timeout=LOAD_TIMEOUT_MS):
        assert not model.extend_ids(array("q", reversed(ids)))


def test_header_click_asks_the_database_to_sort(qtbot, generated_db):
    model = LazyRowsModel(columns(), Fetcher(generated_db))
    model.set_ids(all_ids(generated_db))
    with qtbot.waitSignal(model.sort_requested, timeout=LOAD_TIMEOUT_MS) as blocker:
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert blocker.args == ["title", True]
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(2)  # not a sortable column
    model.set_ids(all_ids(generated_db, sort="title", descending=True))
    wait_rows(qtbot, model, [0, 1])
    titles = [model.index(r, 1).data() for r in range(2)]
    assert titles == sorted(titles, reverse=True)
    assert titles[0].startswith("Vase")


def test_refresh_shows_saved_values_and_drops_older_answers(qtbot, generated_db):
    from curator_console.persistence.unit_of_work import UnitOfWork

    model = LazyRowsModel(columns(), Fetcher(generated_db))
    model.set_ids(all_ids(generated_db))
    model.index(5, 0).data()
    wait_rows(qtbot, model, [5])
    item_id = model.id_at(5)
    objsvc.update_field(UnitOfWork(generated_db.session_factory), item_id, "title", "Renamed")
    assert model.index(5, 1).data() != "Renamed"  # still the cached row
    model.refresh_ids([item_id])
    qtbot.waitUntil(lambda: model.index(5, 1).data() == "Renamed", timeout=LOAD_TIMEOUT_MS)
    assert model.row_of_id(item_id) == 5 and model.row_of_id(-1) == -1


def test_set_data_announces_an_edit(qtbot, generated_db):
    model = LazyRowsModel(columns(), Fetcher(generated_db))
    model.set_ids(all_ids(generated_db))
    model.index(0, 0).data()
    wait_rows(qtbot, model, [0])
    with qtbot.waitSignal(model.edit_requested, timeout=LOAD_TIMEOUT_MS) as blocker:
        assert model.setData(model.index(0, 0), "GEN.X") is False
    assert blocker.args == [0, "object_number", "GEN.X"]
    with qtbot.assertNotEmitted(model.edit_requested):
        model.setData(model.index(0, 0), "GEN.00001")  # unchanged
        model.setData(model.index(0, 1), "x")  # not editable
