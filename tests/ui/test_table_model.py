"""``RowsModel`` under Qt's own model checker (QAbstractItemModelTester via pytest-qt), with real
rows read from the seeded database, and the behaviour the pages rely on."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from curator_console.services import collection as collection_svc
from curator_console.services import review as review_svc
from curator_console.services import store as store_svc
from curator_console.services import tours as tours_svc
from curator_console.services.database import open_database, unit_of_work
from curator_console.ui.sessions_columns import session_columns
from curator_console.ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowsModel

from .helpers import find_table, wait_for_page


def item_columns() -> list[Column]:
    return [
        Column("object_number", lambda: "Object number", lambda r: r.object_number, editable=True),
        Column("title", lambda: "Title", lambda r: r.title, editable=True),
        Column("maker", lambda: "Maker", lambda r: r.maker, tooltip=lambda r: r.maker or "unknown"),
        Column("images", lambda: "Images", lambda r: r.image_count, numeric=True, warn=lambda r: r.image_count == 0),
    ]


def real_rows(db_path):
    database = open_database(str(db_path))
    try:
        uow = lambda: unit_of_work(database)  # noqa: E731
        return (collection_svc.list_items(uow()), store_svc.list_products(uow()),
                tours_svc.list_tours(uow()), review_svc.list_sessions(uow()))
    finally:
        database.dispose()


def test_rows_model_passes_the_qt_model_tester(qtmodeltester, db_path, dataset):
    items, *_ = real_rows(db_path)
    assert len(items) == len(dataset.objects)
    model = RowsModel(item_columns())
    model.set_rows(items)
    qtmodeltester.check(model, force_py=False)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(items) and model.columnCount() == 4
    assert model.data(model.index(0, 0)) == items[0].object_number
    assert model.data(model.index(0, 0), ROW_ROLE) == items[0]
    assert model.data(model.index(0, 3), SORT_ROLE) == items[0].image_count


def test_model_tester_follows_resets_and_row_replacement(qtmodeltester, db_path):
    """The tester stays attached while the model is reset, emptied, refilled and rows replaced."""
    items, *_ = real_rows(db_path)
    model = RowsModel(item_columns())
    qtmodeltester.check(model)
    model.set_rows(items)
    model.replace_row(1, items[3])
    model.retranslate()
    model.set_rows([])
    model.retranslate()
    model.set_rows(items[:2])
    assert model.rowCount() == 2


def test_every_page_model_passes_the_model_tester(qtmodeltester, qtbot, app, dataset):
    """The models behind the real tables, loaded from the database, through their sort proxies."""
    from .helpers import wait_for_page

    for row in (1, 2, 3, 4, 0):
        app.window.nav.setCurrentRow(row)
        wait_for_page(qtbot, app, row, dataset)
    # The Collection's lazy model sorts in the database: the view shows it without a proxy.
    collection = find_table(app.window, "collectionTable").model()
    assert collection.rowCount() > 0
    qtmodeltester.check(collection)
    # The running order is the tour's own order (reordered by drag and drop): no sort proxy.
    segments = find_table(app.window, "segmentTable").model()
    assert segments.rowCount() > 0
    qtmodeltester.check(segments)
    for name in ("storeTable", "tourTable", "connectionTable",
                 "liveSessionTable", "reviewSessionTable"):
        proxy = find_table(app.window, name).model()
        assert isinstance(proxy, QSortFilterProxyModel)
        assert proxy.rowCount() > 0, name
        qtmodeltester.check(proxy.sourceModel())
        qtmodeltester.check(proxy)


def test_session_columns_model_with_real_sessions(qtmodeltester, db_path):
    *_, sessions = real_rows(db_path)
    for with_sales in (True, False):
        model = RowsModel(session_columns(with_sales=with_sales))
        model.set_rows(sessions)
        qtmodeltester.check(model)


def test_roles_flags_and_headers(db_path):
    items, *_ = real_rows(db_path)
    model = RowsModel(item_columns())
    model.set_rows(items)
    editable = model.flags(model.index(0, 1))
    assert editable & Qt.ItemFlag.ItemIsEditable and editable & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Title"
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.headerData(9, Qt.Orientation.Horizontal) is None
    assert model.data(model.index(0, 3), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == (items[0].maker or "unknown")
    # No images in the seeded data: the warning colour is on.
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(len(items), 0)) is None


def test_set_data_announces_an_edit_and_leaves_the_row_alone(qtbot, db_path):
    items, *_ = real_rows(db_path)
    model = RowsModel(item_columns())
    model.set_rows(items)
    with qtbot.waitSignal(model.edit_requested) as blocker:
        assert model.setData(model.index(2, 1), "Renamed", Qt.ItemDataRole.EditRole) is False
    assert blocker.args == [2, "title", "Renamed"]
    assert model.rows[2] == items[2]
    # No signal for a non-edit role, a read-only column, or an unchanged value.
    with qtbot.assertNotEmitted(model.edit_requested):
        model.setData(model.index(2, 1), "x", Qt.ItemDataRole.DisplayRole)
        model.setData(model.index(2, 2), "x", Qt.ItemDataRole.EditRole)
        model.setData(model.index(2, 1), items[2].title, Qt.ItemDataRole.EditRole)


def test_proxy_sorts_by_the_sort_role(qtbot, db_path):
    _, products, _, _ = real_rows(db_path)
    model = RowsModel([
        Column("sku", lambda: "SKU", lambda r: r.sku),
        Column("stock", lambda: "Stock", lambda r: str(r.stock), sort_value=lambda r: r.stock, numeric=True),
    ])
    model.set_rows(products)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    stocks = [proxy.index(r, 0).data(ROW_ROLE).stock for r in range(proxy.rowCount())]
    assert stocks == sorted(p.stock for p in products)
