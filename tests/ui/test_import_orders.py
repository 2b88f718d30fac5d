"""File ▸ Import orders… in the real window on a real SQLite file (the small seeded museum, time
zone Asia/Shanghai, one store connection: the built-in simulator): the mapping dialog's orders kind
(Chinese headers mapped, required columns, the store connection), the import in the background,
the report (new orders, already there, rejected rows), exactly once on a second import, and the
connection asked for when there are several."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from curator_console.persistence import models as m
from curator_console.services import connections

from .conftest import LOAD_TIMEOUT_MS

ORDERS_CSV = ("订单编号,下单时间,商品编码,数量,单价,币种,买家留言\r\n"
              "TB-9001,2026-03-14 20:15:00,TSM-P-001,2,￥199.00,人民币,请包装好\r\n"
              "TB-9001,,TSM-P-002,1,88,,\r\n"
              "TB-9002,2026-03-15T01:00:00Z,TSM-P-003,1,$12.50,,\r\n"
              "TB-9003,2026-03-15 09:00,TSM-P-001,0,10,,\r\n")


def imported_orders(app, prefix: str = "TB-") -> dict[str, tuple]:
    with app.uow() as u:
        rows = u.session.scalars(select(m.Order).where(m.Order.platform_order_id.like(f"{prefix}%"))).all()
        return {o.platform_order_id: (u.session.get(m.Connection, o.connection_id).name,
                                      o.created_at.astimezone(timezone.utc), o.currency,
                                      [(ln.line_no, ln.sku, ln.quantity, ln.unit_price, ln.currency, ln.product_id
                                        is not None) for ln in o.lines])
                for o in rows}


def open_orders_dialog(qtbot, app, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    action = app.window.import_orders_action
    assert action in app.window.file_menu.actions() and action.text() == "Import o&rders…"
    action.trigger()
    from curator_console.ui.store.import_orders import OrderImportAction

    flow = app.window.findChild(OrderImportAction).flow
    qtbot.waitUntil(lambda: flow.mapping_dialog is not None and flow.mapping_dialog.isVisible(),
                    timeout=LOAD_TIMEOUT_MS)
    dialog = flow.mapping_dialog
    qtbot.waitUntil(lambda: dialog.saved_loaded and dialog.connections_read, timeout=LOAD_TIMEOUT_MS)
    return flow, dialog


def run_import(qtbot, flow, dialog):
    assert dialog.import_button.isEnabled(), dialog.status.text()
    with qtbot.waitSignal(flow.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return flow.report_dialog


def test_import_orders_from_a_chinese_csv_exactly_once(qtbot, app, monkeypatch, tmp_path):
    path = tmp_path / "订单导出.csv"
    path.write_bytes(ORDERS_CSV.encode("gbk"))
    flow, dialog = open_orders_dialog(qtbot, app, monkeypatch, path)
    assert dialog.windowTitle() == "Import orders"
    assert [dialog.combo_for(h).currentData() for h in ("订单编号", "下单时间", "商品编码", "数量", "单价", "币种")] == [
        "order_id", "created_at", "sku", "quantity", "unit_price", "currency"]
    assert dialog.combo_for("买家留言").currentData() == ""  # known and ignored
    assert dialog.connection_combo.isVisible()
    assert dialog.connection_combo.currentData() == "Built-in simulator"  # the one store connection
    dialog.set_field("数量", "")  # a required column unmapped: the import cannot start, and says why
    assert not dialog.import_button.isEnabled() and "Quantity" in dialog.status.text()
    dialog.set_field("数量", "quantity")
    dialog.set_field("订单编号", "")
    assert not dialog.import_button.isEnabled() and "Order ID" in dialog.status.text()
    dialog.set_field("订单编号", "order_id")

    report = run_import(qtbot, flow, dialog)
    assert flow.outcome == "imported"
    assert [report.counts[k].text() for k in ("imported", "unchanged", "rejected")] == ["2", "0", "1"]
    assert report.count_names["imported"].text() == "new orders"
    assert report.count_names["unchanged"].text() == "already there"
    assert not report.counts["updated"].isVisible()
    assert report.model.columns[1].title() == "Order ID"
    assert [(r.row, r.object_number, r.field) for r in report.rows] == [(5, "TB-9003", "quantity")]
    assert "Built-in simulator" in report.intro.text()
    stored = imported_orders(app)
    assert stored == {
        "TB-9001": ("Built-in simulator", datetime(2026, 3, 14, 12, 15, tzinfo=timezone.utc), "CNY",
                    [(1, "TSM-P-001", 2, Decimal("199.00"), "CNY", True), (2, "TSM-P-002", 1, Decimal("88"), "CNY", True)]),
        "TB-9002": ("Built-in simulator", datetime(2026, 3, 15, 1, 0, tzinfo=timezone.utc), "USD",
                    [(1, "TSM-P-003", 1, Decimal("12.50"), "USD", True)]),
    }
    report.close()

    flow, dialog = open_orders_dialog(qtbot, app, monkeypatch, path)  # the same file again
    report = run_import(qtbot, flow, dialog)
    assert [report.counts[k].text() for k in ("imported", "unchanged", "rejected")] == ["0", "2", "1"]
    assert imported_orders(app) == stored
    report.close()


def test_with_several_store_connections_the_dialog_asks_which(qtbot, app, monkeypatch, tmp_path):
    connections.add_connection(app.uow(), connections.ConnectionSpec("Museum shop", "rest",
                                                                     base_url="https://shop.example"))
    path = tmp_path / "orders.csv"
    path.write_text("Order ID,Created at,SKU,Qty,Price\nW-1,2026-03-14T10:00:00+08:00,TSM-P-002,3,88.00\n",
                    encoding="utf-8")
    flow, dialog = open_orders_dialog(qtbot, app, monkeypatch, path)
    assert dialog.connection_names() == ["Built-in simulator", "Museum shop"]
    assert dialog.connection_combo.currentData() is None
    assert not dialog.import_button.isEnabled() and "store connection" in dialog.status.text()
    dialog.choose_connection("Museum shop")
    report = run_import(qtbot, flow, dialog)
    assert [report.counts[k].text() for k in ("imported", "rejected")] == ["1", "0"]
    assert imported_orders(app, "W-") == {
        "W-1": ("Museum shop", datetime(2026, 3, 14, 2, 0, tzinfo=timezone.utc), "CNY",
                [(1, "TSM-P-002", 3, Decimal("88.00"), "CNY", True)])}
    report.close()


def test_a_strict_refusal_stores_nothing(qtbot, app, monkeypatch, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("Order ID,Date,SKU,Quantity,Unit price\nS-1,2026-03-14 10:00,TSM-P-001,1,10\n"
                    "S-2,yesterday,TSM-P-001,1,10\n", encoding="utf-8")
    flow, dialog = open_orders_dialog(qtbot, app, monkeypatch, path)
    dialog.strict.setChecked(True)
    with qtbot.waitSignal(flow.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert flow.outcome == "refused"
    report = flow.report_dialog
    assert report.title.text() == "Nothing was imported" and "No order was stored" in report.intro.text()
    assert [(r.row, r.field) for r in report.rows] == [(3, "created_at")]
    assert imported_orders(app, "S-") == {}
    report.close()
