"""The Store workspace driven through its real widgets: the list (filter, status, out of stock,
empty state), the product editor (fields saved when left, refused values explained, undo, a
colleague's change never overwritten, picture, links to objects through the real picker and from
the object's side), new and delete (asked, undoable), importing a CSV, and syncing from the
built-in simulated platform running as a real HTTP server."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from curator_console.connectors.simulator.model import SimulatorModel
from curator_console.connectors.simulator.server import SimulatorServer
from curator_console.services import collection as collection_svc
from curator_console.services import collection_objects as objsvc
from curator_console.services import connections
from curator_console.services import store as svc
from curator_console.ui.pickers import ObjectPickerDialog, ProductPickerDialog
from tests.images import png_bytes

from .conftest import LOAD_TIMEOUT_MS
from .helpers import cell, column_texts, figures

SKUS = ["TSM-P-001", "TSM-P-002", "TSM-P-003"]
TOKEN = "store-sync-token-5e1d"


def skus(page) -> list[str]:
    return column_texts(page.table, "sku")


def settle(qtbot, page) -> None:
    from curator_console.ui import tasks

    qtbot.waitUntil(lambda: not page.is_loading and tasks.pending_count() == 0, timeout=LOAD_TIMEOUT_MS)


def open_store(qtbot, app, expected: list[str] | None = None):
    app.window.nav.setCurrentRow(1)
    page = app.window.pages[1]
    want = sorted(SKUS if expected is None else expected)
    qtbot.waitUntil(lambda: page.has_loaded and not page.is_loading and sorted(skus(page)) == want,
                    timeout=LOAD_TIMEOUT_MS)
    return page


def wait_skus(qtbot, page, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: not page.is_loading and sorted(skus(page)) == sorted(expected), timeout=LOAD_TIMEOUT_MS)


def view_row(page, sku: str) -> int:
    return skus(page).index(sku)


def open_editor(qtbot, app, sku: str):
    page = open_store(qtbot, app)
    row = view_row(page, sku)
    page._select_row(row)
    assert page.open_editor(row)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.sku == sku and not page.is_loading,
                    timeout=LOAD_TIMEOUT_MS)
    assert editor.isVisible()
    return page, editor


def product(app, sku: str) -> svc.ProductDetail:
    return next(svc.get_product(app.uow(), r.id) for r in svc.list_products(app.uow()) if r.sku == sku)


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user does: Latin text key by key, anything else (¥, Chinese) committed by the input method."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def edit(qtbot, editor, name: str, text: str) -> None:
    """Type a value into a line field and press Enter (the field is saved when it is left)."""
    widget = editor.editors[name]
    widget.selectAll()
    widget.del_()
    type_text(qtbot, widget, text)
    assert widget.text() == text
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def object_ids(app) -> dict[str, int]:
    return {r.object_number: r.id for r in collection_svc.list_items(app.uow())}


# --- the list ------------------------------------------------------------------------------------


def test_filter_by_sku_or_title_and_by_status(qtbot, app, dataset):
    page = open_store(qtbot, app)
    assert figures(page.count_label.text()) == ["3", "1"]
    qtbot.keyClicks(page.filter, "scarf")
    assert skus(page) == ["TSM-P-002"]
    assert figures(page.count_label.text())[:2] == ["1", "3"]
    page.filter.clear()
    qtbot.keyClicks(page.filter, "p-003")
    assert skus(page) == ["TSM-P-003"]
    page.filter.clear()
    page.set_status_filter("out_of_stock")
    assert skus(page) == ["TSM-P-002"]
    # Out of stock is shown in the warning colour.
    assert cell(page.table, 0, "stock", Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(page.table, 0, "stock", Qt.ItemDataRole.ToolTipRole) == "Out of stock"
    page.set_status_filter("draft")
    assert skus(page) == [] and page.list_stack.currentWidget() is page.empty
    assert page.empty_clear.isVisibleTo(page) and not page.empty_new.isVisibleTo(page)
    qtbot.mouseClick(page.empty_clear, Qt.MouseButton.LeftButton)
    assert sorted(skus(page)) == SKUS and page.list_stack.currentWidget() is page.table
    # Ctrl+F goes to the filter box, Down from there into the list.
    app.window.activateWindow()
    qtbot.waitActive(app.window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter.hasFocus()
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.current_id() is not None


def test_an_empty_store_says_what_to_do(qtbot, app):
    ids = [r.id for r in svc.list_products(app.uow())]
    svc.delete_products(app.uow(), ids)
    page = open_store(qtbot, app, expected=[])
    assert page.list_stack.currentWidget() is page.empty
    assert "No products yet" in page.empty_title.text()
    for button in (page.empty_new, page.empty_import, page.empty_sync):
        assert button.isVisibleTo(page)
    qtbot.mouseClick(page.empty_new, Qt.MouseButton.LeftButton)
    wait_skus(qtbot, page, ["NEW-0001"])
    assert page.list_stack.currentWidget() is page.table


def test_the_list_shows_when_each_product_was_last_synced(qtbot, app):
    page = open_store(qtbot, app)
    assert "Not synced" in page.sync_label.text()
    with app.database.session() as s:
        from curator_console.persistence import models as m

        conn = s.query(m.Connection).first()
        p = s.query(m.Product).filter_by(sku="TSM-P-001").one()
        p.synced_at, p.connection_id = m.utcnow(), conn.id
        s.commit()
        name = conn.name
    page.load()
    qtbot.waitUntil(lambda: name in page.sync_label.text(), timeout=LOAD_TIMEOUT_MS)
    assert cell(page.table, view_row(page, "TSM-P-001"), "synced") != ""
    assert cell(page.table, view_row(page, "TSM-P-002"), "synced") == ""


# --- the editor ----------------------------------------------------------------------------------


def test_fields_are_saved_when_left_and_each_is_one_undo_step(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-P-001")
    stack = app.context.undo_stack
    edit(qtbot, editor, "price", "¥219.50")
    edit(qtbot, editor, "stock", "0")
    edit(qtbot, editor, "title", "Lotus vase replica")
    edit(qtbot, editor, "alt_title", "青花缠枝莲纹瓶复制品")
    choose(editor.editors["status"], "draft")
    assert stack.count() == 5
    saved = product(app, "TSM-P-001")
    assert (saved.price, saved.stock, saved.title, saved.alt_title, saved.status) == (
        Decimal("219.50"), 0, "Lotus vase replica", "青花缠枝莲纹瓶复制品", "draft")
    assert isinstance(saved.price, Decimal)
    # The list follows: price, and the red out-of-stock mark.
    qtbot.waitUntil(lambda: cell(page.table, view_row(page, "TSM-P-001"), "price") == "¥219.50",
                    timeout=LOAD_TIMEOUT_MS)
    row = view_row(page, "TSM-P-001")
    assert cell(page.table, row, "stock", Qt.ItemDataRole.ForegroundRole) is not None
    assert "Out of stock" in editor.subheading.text()
    for _ in range(5):
        app.window.undo_action.trigger()
    original = product(app, "TSM-P-001")
    assert (original.price, original.stock, original.title, original.status) == (Decimal("199.00"), 12,
                                                                                   "Vase replica", "active")
    assert editor.editors["price"].text() == "199.00" and editor.editors["status"].currentData() == "active"
    app.window.redo_action.trigger()
    assert product(app, "TSM-P-001").price == Decimal("219.50")
    settle(qtbot, page)


@pytest.mark.parametrize("name, value, message", [
    ("price", "about 12", "Enter a price"),
    ("price", "-1", "cannot be negative"),
    ("stock", "2.5", "whole number"),
    ("sku", "TSM-P-002", "Another product already has the SKU"),
    ("sku", "", "cannot be empty"),
    ("url", "shop.example/vase", "web address"),
])
def test_refused_values_are_explained_next_to_the_field(qtbot, app, name, value, message):
    page, editor = open_editor(qtbot, app, "TSM-P-001")
    before = product(app, "TSM-P-001")
    edit(qtbot, editor, name, value)
    error = editor.errors[name]
    assert error.isVisibleTo(editor) and message in error.text()
    assert product(app, "TSM-P-001") == before and app.context.undo_stack.count() == 0
    edit(qtbot, editor, name, str(before.value(name) or ""))  # corrected: the message goes
    assert not error.isVisibleTo(editor)
    settle(qtbot, page)


def test_a_colleagues_change_is_not_overwritten(qtbot, app, warnings):
    page, editor = open_editor(qtbot, app, "TSM-P-003")
    svc.update_product_field(app.uow(), editor.detail.id, "price", "349.00")  # on another computer
    edit(qtbot, editor, "price", "299.00")
    assert editor.banner.isVisibleTo(editor) and "someone else" in editor.banner.text().lower()
    qtbot.waitUntil(lambda: editor.editors["price"].text() == "349.00", timeout=LOAD_TIMEOUT_MS)
    assert product(app, "TSM-P-003").price == Decimal("349.00")
    assert app.context.undo_stack.count() == 0
    # An undo after a colleague's change is refused plainly, too.
    edit(qtbot, editor, "stock", "9")
    svc.update_product_field(app.uow(), editor.detail.id, "stock", "2")
    app.window.undo_action.trigger()
    assert len(warnings) == 1 and "someone else" in warnings[0][1]
    assert product(app, "TSM-P-003").stock == 2
    qtbot.waitUntil(lambda: editor.editors["stock"].text() == "2", timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, page)


def test_picture_chosen_from_a_file_and_removed_with_undo(qtbot, app, tmp_path, monkeypatch):
    picture = tmp_path / "vase.png"
    picture.write_bytes(png_bytes(8, 6, (0xC6, 0x28, 0x28)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(picture), "")))
    page, editor = open_editor(qtbot, app, "TSM-P-001")
    assert not editor.remove_image_button.isEnabled()
    qtbot.mouseClick(editor.choose_image_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.busy == 0 and bool(editor.detail.image.sha256), timeout=LOAD_TIMEOUT_MS)
    sha = product(app, "TSM-P-001").image.sha256
    assert sha and editor.remove_image_button.isEnabled()
    qtbot.waitUntil(lambda: editor.image_view.pixmap() is not None and not editor.image_view.pixmap().isNull(),
                    timeout=LOAD_TIMEOUT_MS)
    qtbot.mouseClick(editor.remove_image_button, Qt.MouseButton.LeftButton)
    assert not product(app, "TSM-P-001").image and editor.image_view.text() == "No picture"
    app.window.undo_action.trigger()
    assert product(app, "TSM-P-001").image.sha256 == sha
    # A file that is not an image is refused next to the picture.
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    editor.set_image_file(bad)
    qtbot.waitUntil(lambda: editor.busy == 0 and editor.image_error.isVisibleTo(editor), timeout=LOAD_TIMEOUT_MS)
    assert "not an image" in editor.image_error.text() and product(app, "TSM-P-001").image.sha256 == sha
    settle(qtbot, page)


def test_objects_linked_through_the_picker_and_unlinked_with_undo(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-P-001")
    ids = object_ids(app)
    assert len(editor.object_lines()) == 1 and editor.object_lines()[0].startswith("TSM-001 — ")

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ObjectPickerDialog)
        panel = dialog.panel
        assert ids["TSM-001"] in panel.excluded_ids()  # already linked: not offered again
        qtbot.waitUntil(lambda: not panel.is_searching and panel.view.model().rowCount() > 0, timeout=LOAD_TIMEOUT_MS)
        panel.set_query("唐三彩")
        qtbot.waitUntil(lambda: not panel.is_searching and panel.shown_query == "唐三彩"
                        and panel.view.model().rowCount() == 1, timeout=LOAD_TIMEOUT_MS)
        panel.select_ids([ids["TSM-005"]])
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    qtbot.mouseClick(editor.link_button, Qt.MouseButton.LeftButton)
    assert [o.object_number for o in product(app, "TSM-P-001").objects] == ["TSM-001", "TSM-005"]
    qtbot.waitUntil(lambda: len(editor.object_lines()) == 2, timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: cell(page.table, view_row(page, "TSM-P-001"), "objects") == "TSM-001, TSM-005",
                    timeout=LOAD_TIMEOUT_MS)
    # The object's side shows the product too.
    assert "TSM-P-001" in [p.sku for p in objsvc.get_object(app.uow(), ids["TSM-005"]).products]
    # Unlink the first.
    assert not editor.unlink_button.isEnabled()
    editor.object_list.setCurrentRow(0)
    qtbot.mouseClick(editor.unlink_button, Qt.MouseButton.LeftButton)
    assert [o.object_number for o in product(app, "TSM-P-001").objects] == ["TSM-005"]
    app.window.undo_action.trigger()
    app.window.undo_action.trigger()
    assert [o.object_number for o in product(app, "TSM-P-001").objects] == ["TSM-001"]
    qtbot.waitUntil(lambda: len(editor.object_lines()) == 1, timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, page)


def test_the_delete_key_unlinks_the_selected_objects(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-P-003")
    app.window.activateWindow()
    qtbot.waitActive(app.window)
    editor.object_list.setCurrentRow(0)
    editor.object_list.setFocus()
    qtbot.keyClick(editor.object_list, Qt.Key.Key_Delete)
    assert [o.object_number for o in product(app, "TSM-P-003").objects] == ["TSM-005"]
    assert "Unlink" in app.context.undo_stack.undoText()
    settle(qtbot, page)


def test_a_linked_object_opens_in_the_collection(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-P-003")
    item = editor.object_list.item(0)
    editor.object_list.itemActivated.emit(item)
    collection = app.window.pages[0]
    assert app.window.current_page() is collection
    qtbot.waitUntil(lambda: collection.editor.detail is not None
                    and collection.editor.detail.object_number == item.text().split(" — ")[0], timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, collection)


def test_a_product_linked_from_the_objects_side(qtbot, app):
    ids = object_ids(app)
    app.window.nav.setCurrentRow(0)
    collection = app.window.pages[0]
    qtbot.waitUntil(lambda: collection.has_loaded and not collection.is_loading, timeout=LOAD_TIMEOUT_MS)
    collection.open_object(ids["TSM-002"])
    editor = collection.editor
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.object_number == "TSM-002",
                    timeout=LOAD_TIMEOUT_MS)
    assert editor.detail.products == ()

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProductPickerDialog)
        qtbot.waitUntil(lambda: dialog.panel.loaded, timeout=LOAD_TIMEOUT_MS)
        dialog.panel.set_query("scarf")
        qtbot.waitUntil(lambda: dialog.panel.view.model().rowCount() == 1, timeout=LOAD_TIMEOUT_MS)
        dialog.panel.select_ids([dialog.panel.shown_ids()[0]])
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    qtbot.mouseClick(editor.link_product_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(editor.product_lines()) and editor.product_lines()[0].startswith("TSM-P-002"),
                    timeout=LOAD_TIMEOUT_MS)
    assert [o.object_number for o in product(app, "TSM-P-002").objects] == ["TSM-002", "TSM-003"]
    app.window.undo_action.trigger()
    assert [o.object_number for o in product(app, "TSM-P-002").objects] == ["TSM-003"]
    qtbot.waitUntil(lambda: editor.product_lines() == [], timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, collection)


# --- new and delete ------------------------------------------------------------------------------


def test_ctrl_n_creates_a_product_undoably(qtbot, app):
    page = open_store(qtbot, app)
    window, stack = app.window, app.context.undo_stack
    window.activateWindow()
    qtbot.waitActive(window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_skus(qtbot, page, SKUS + ["NEW-0001"])
    editor = page.editor
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.sku == "NEW-0001"
                    and editor.editors["sku"].hasFocus(), timeout=LOAD_TIMEOUT_MS)
    assert page.current_id() == editor.detail.id
    qtbot.keyClicks(editor.editors["sku"], "TSM-P-004")  # the SKU is selected: typing replaces it
    qtbot.keyClick(editor.editors["sku"], Qt.Key.Key_Return)
    wait_skus(qtbot, page, SKUS + ["TSM-P-004"])
    assert stack.count() == 2 and product(app, "TSM-P-004").status == "draft"
    window.undo_action.trigger()
    window.undo_action.trigger()
    wait_skus(qtbot, page, SKUS)
    assert not editor.isVisible()
    window.redo_action.trigger()
    wait_skus(qtbot, page, SKUS + ["NEW-0001"])
    settle(qtbot, page)


def test_delete_asks_then_deletes_and_undo_restores_links(qtbot, app, answers):
    page = open_store(qtbot, app)
    window, stack = app.window, app.context.undo_stack
    before = product(app, "TSM-P-003")
    page._select_row(view_row(page, "TSM-P-003"))
    page.table.setFocus()
    answers.queue.append(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert sorted(skus(page)) == SKUS and stack.count() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "TSM-P-003" in answers.asked[-1] and "undo" in answers.asked[-1].lower()
    wait_skus(qtbot, page, SKUS[:2])
    assert figures(page.count_label.text()) == ["2", "1"]
    window.undo_action.trigger()
    wait_skus(qtbot, page, SKUS)
    assert product(app, "TSM-P-003") == before  # fields, picture and links, as they were
    assert page.current_id() == before.id
    # Several at once, with the button.
    page.table.selectAll()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "3 products" in answers.asked[-1]
    wait_skus(qtbot, page, [])
    assert page.list_stack.currentWidget() is page.empty
    window.undo_action.trigger()
    wait_skus(qtbot, page, SKUS)
    settle(qtbot, page)


# --- import --------------------------------------------------------------------------------------


def test_import_products_from_a_chinese_csv(qtbot, app, monkeypatch, tmp_path):
    path = tmp_path / "商品.csv"
    path.write_bytes(("货号,商品名称,售价,库存,上架状态,关联藏品,备注\r\n"
                      "TSM-P-001,青花瓷瓶复制品,¥209.00,8,在售,TSM-002,\r\n"
                      "TSM-P-010,唐三彩马书签,25,100,草稿,TSM-005,新品\r\n"
                      "TSM-P-011,坏价格,十元,1,在售,,\r\n").encode("gb18030"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    page = open_store(qtbot, app)
    flow = page.start_import()
    qtbot.waitUntil(lambda: flow.mapping_dialog is not None and flow.mapping_dialog.isVisible(),
                    timeout=LOAD_TIMEOUT_MS)
    dialog = flow.mapping_dialog
    qtbot.waitUntil(lambda: dialog.saved_loaded, timeout=LOAD_TIMEOUT_MS)
    assert dialog.windowTitle() == "Import products"
    assert dialog.combo_for("货号").currentData() == "sku"
    assert dialog.combo_for("关联藏品").currentData() == "objects"
    assert dialog.combo_for("备注").currentData() == ""  # unknown: marked, ignored
    assert dialog.import_button.isEnabled()
    dialog.set_field("货号", "")  # no SKU column: the import cannot start, and says why
    assert not dialog.import_button.isEnabled() and "SKU" in dialog.status.text()
    dialog.set_field("货号", "sku")
    with qtbot.waitSignal(flow.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert flow.outcome == "imported"
    report = flow.report_dialog
    assert [report.counts[k].text() for k in ("imported", "updated", "rejected")] == ["1", "1", "1"]
    assert report.count_names["imported"].text() == "new products"
    assert report.model.columns[1].title() == "SKU"
    assert [r.object_number for r in report.rows] == ["TSM-P-011"]
    wait_skus(qtbot, page, SKUS + ["TSM-P-010"])
    new = product(app, "TSM-P-010")
    assert (new.title, new.price, new.status, [o.object_number for o in new.objects]) == (
        "唐三彩马书签", Decimal("25"), "draft", ["TSM-005"])
    assert [o.object_number for o in product(app, "TSM-P-001").objects] == ["TSM-001", "TSM-002"]
    report.close()
    settle(qtbot, page)


def test_file_menu_import_products_action(qtbot, app, monkeypatch):
    action = app.window.import_products_action
    assert action in app.window.file_menu.actions() and action.text() == "Import &products…"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    action.trigger()
    from curator_console.ui.store.import_products import ProductImportAction

    holder = app.window.findChild(ProductImportAction)
    assert holder.flow is not None and holder.flow.outcome == "closed"


# --- sync from a store ---------------------------------------------------------------------------


CATALOG = [
        {"sku": "TSM-P-001", "title": "Vase replica (new edition)", "price": "219.00", "currency": "CNY", "stock": 30,
         "objects": ["TSM-001"]},
        {"sku": "TSM-P-002", "title": "Handscroll silk scarf", "price": "95.00", "currency": "CNY", "stock": 7},
        {"sku": "TSM-P-900", "title": "Museum tote bag", "price": "59.00", "currency": "CNY", "stock": 200},
]


def start_shop(app, monkeypatch, name: str = "Museum shop", page_size: int = 2) -> SimulatorServer:
    """The simulated platform as a real HTTP server selling the museum's products at new prices,
    and a connection to it (token from an environment variable). The clock stands still, so the
    store's stock does not move while a test looks at it."""
    model = SimulatorModel(CATALOG, seed=11, clock=lambda: 1000.0, history_days=3)
    server = SimulatorServer(model, "127.0.0.1", 0, TOKEN, page_size=page_size)
    server.start()
    monkeypatch.setenv("SHOP_TOKEN", TOKEN)
    connections.add_connection(app.uow(), connections.ConnectionSpec(
        name, "simulator", base_url=server.url, token_env="SHOP_TOKEN"))
    return server


@pytest.fixture
def shop(app, monkeypatch):
    server = start_shop(app, monkeypatch)  # two products a page: the sync follows the pages
    yield server
    server.stop()


def start_sync(qtbot, page, connection: str):
    sync = page.start_sync()
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible(), timeout=LOAD_TIMEOUT_MS)
    dialog = sync.dialog
    dialog.connection_combo.setCurrentIndex(dialog.connection_combo.findData(connection))
    return sync, dialog


def test_sync_keeps_links_made_in_the_app_and_updates_price_stock_title(qtbot, app, shop):
    ids = object_ids(app)
    page, editor = open_editor(qtbot, app, "TSM-P-001")
    editor.link_objects([ids["TSM-004"]])  # a link made in the app
    assert [o.object_number for o in product(app, "TSM-P-001").objects] == ["TSM-001", "TSM-004"]
    sync, dialog = start_sync(qtbot, page, "Museum shop")
    names = [dialog.connection_combo.itemData(i) for i in range(dialog.connection_combo.count())]
    assert "Museum shop" in names
    with qtbot.waitSignal(sync.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert sync.outcome == "synced", sync.message.text() if sync.message else ""
    assert sync.summary.products == 3 and sync.summary.orders_new > 0
    assert figures(sync.message.text())[:2] == ["3", str(sync.summary.orders_new)]
    synced = product(app, "TSM-P-001")
    assert (synced.title, synced.price, synced.stock) == ("Vase replica (new edition)", Decimal("219.00"),
                                                          shop.model.stock("TSM-P-001"))
    assert [o.object_number for o in synced.objects] == ["TSM-001", "TSM-004"]  # the app's link is kept
    assert synced.connection_name == "Museum shop" and synced.synced_at is not None
    assert product(app, "TSM-P-002").price == Decimal("95.00")
    assert product(app, "TSM-P-003").price == Decimal("329.00")  # not at the store: untouched
    wait_skus(qtbot, page, SKUS + ["TSM-P-900"])
    qtbot.waitUntil(lambda: "Museum shop" in page.sync_label.text(), timeout=LOAD_TIMEOUT_MS)
    # Syncing again stores no order twice.
    again, dialog = start_sync(qtbot, page, "Museum shop")
    with qtbot.waitSignal(again.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert again.outcome == "synced" and again.summary.orders_new == 0
    assert again.summary.orders_seen >= sync.summary.orders_new
    settle(qtbot, page)


def test_a_refused_token_is_said_plainly_and_changes_nothing(qtbot, app, shop, monkeypatch):
    monkeypatch.setenv("SHOP_TOKEN", "wrong-token")
    page = open_store(qtbot, app)
    before = svc.list_products(app.uow())
    sync, dialog = start_sync(qtbot, page, "Museum shop")
    with qtbot.waitSignal(sync.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert sync.outcome == "failed"
    assert "Museum shop" in sync.message.text() and "refused" in sync.message.text()
    assert svc.list_products(app.uow()) == before
    settle(qtbot, page)


def test_an_unreachable_store_is_said_plainly(qtbot, app, shop):
    shop.stop()
    page = open_store(qtbot, app)
    sync, dialog = start_sync(qtbot, page, "Museum shop")
    with qtbot.waitSignal(sync.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert sync.outcome == "failed" and "cannot be reached" in sync.message.text()
    settle(qtbot, page)


def test_a_sync_can_be_cancelled(qtbot, app, monkeypatch):
    slow = start_shop(app, monkeypatch, "Slow shop", page_size=100)
    try:
        slow.inject_fault("slow", 600, delay=3)  # every answer comes 3 s late: Cancel is pressed before
        page = open_store(qtbot, app)
        before = svc.list_products(app.uow())
        sync, dialog = start_sync(qtbot, page, "Slow shop")
        with qtbot.waitSignal(sync.finished, timeout=LOAD_TIMEOUT_MS):
            qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
            assert sync.progress is not None and sync.progress.isVisible()
            qtbot.mouseClick(sync.progress.cancel_button, Qt.MouseButton.LeftButton)
            assert sync.progress.cancelled() and not sync.progress.cancel_button.isEnabled()
    finally:
        slow.stop()
    assert sync.outcome == "cancelled", sync.message.text()
    assert "cancelled" in sync.message.text()
    assert svc.list_products(app.uow()) == before  # the products came after Cancel: none was stored
    settle(qtbot, page)


def test_without_a_store_connection_the_sync_says_how_to_add_one(qtbot, app):
    for row in svc.store_connections(app.uow()):
        connections.remove_connection(app.uow(), row.name, delete_orders=True)
    page = open_store(qtbot, app)
    sync = page.start_sync()
    qtbot.waitUntil(lambda: sync.outcome == "no_connection", timeout=LOAD_TIMEOUT_MS)
    assert "Settings" in sync.message.text() and sync.dialog is None
    sync.message.close()
