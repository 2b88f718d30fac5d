"""Order CSV import into a real database (SQLite and PostgreSQL): rows grouped into orders, exactly
once per (connection, order id) — against a re-import and against orders synced from the platform —
naive times read in the museum's zone and stored in UTC, Chinese GBK files, problems named by row
and field, one transaction (strict refusal and cancel leave every table as it was), currencies as
given, the target connection rule, dry runs, saved mappings and the report."""

from __future__ import annotations

import csv
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import order_import as oi
from curator_console.services import product_import as pi

from .conftest import T0, populate, row_counts

UTC = timezone.utc
HEADER = "Order ID,Created at,SKU,Quantity,Unit price,Currency"


@pytest.fixture
def uow(db):
    populate(db, items=3)  # connection "Simulator" (platform simulator) holding order ORD-1; product SKU-1
    return lambda: UnitOfWork(db.session_factory)


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def stored(db) -> dict[str, dict]:
    """Every stored order by platform order id: connection, time (UTC), currency and its lines."""
    out: dict[str, dict] = {}
    with db.session() as s:
        for order in s.scalars(select(m.Order).order_by(m.Order.id)):
            conn = s.get(m.Connection, order.connection_id)
            out[order.platform_order_id] = {
                "connection": conn.name, "created_at": order.created_at.astimezone(UTC), "currency": order.currency,
                "lines": [(ln.line_no, ln.sku, ln.quantity, ln.unit_price, ln.currency, ln.product_id)
                          for ln in order.lines],
            }
    return out


def order_tables(db) -> dict[str, list[tuple]]:
    """Every row of the tables an order import writes (to compare before and after)."""
    with db.engine.connect() as conn:
        return {
            "connection": [tuple(r) for r in conn.execute(text("SELECT id, name, platform FROM connection ORDER BY id"))],
            "store_order": [tuple(r) for r in conn.execute(text(
                "SELECT id, connection_id, platform_order_id, created_at, currency FROM store_order ORDER BY id"))],
            "order_line": [tuple(r) for r in conn.execute(text(
                "SELECT id, order_id, line_no, sku, product_id, quantity, unit_price, currency FROM order_line "
                "ORDER BY id"))],
        }


def product_id(db, sku: str) -> int:
    with db.session() as s:
        return s.scalars(select(m.Product.id).where(m.Product.sku == sku)).one()


def set_museum_zone(uow, zone: str) -> None:
    with uow() as u:
        u.repos.museums.first().timezone = zone
        u.commit()


def add_connection(uow, name: str, platform: str) -> None:
    with uow() as u:
        u.repos.connections.add(m.Connection(name=name, platform=platform))
        u.commit()


def test_rows_with_one_order_id_are_one_order_with_lines_in_row_order(db, uow, tmp_path):
    path = write(tmp_path / "orders.csv", [
        HEADER,
        "A-1,2026-03-14T10:00:00Z,SKU-1,2,128.00,CNY",
        "B-7,2026-03-14T11:30:00Z,NEW-9,1,35,CNY",
        "A-1,2026-03-14T10:00:00Z,SKU-X,3,\"1,280.50\",CNY",  # the same order, further down
        "A-1,,SKU-1,1,128.00,",  # empty order-level cells: the order's
    ])
    report = oi.import_orders(uow(), path)
    assert (report.imported, report.unchanged, report.lines, report.rejected) == (2, 0, 4, [])
    assert report.connection == "Simulator" and not report.connection_created  # the one store connection
    orders = stored(db)
    sku1 = product_id(db, "SKU-1")
    assert orders["A-1"] == {
        "connection": "Simulator", "created_at": datetime(2026, 3, 14, 10, 0, tzinfo=UTC), "currency": "CNY",
        "lines": [(1, "SKU-1", 2, Decimal("128.00"), "CNY", sku1), (2, "SKU-X", 3, Decimal("1280.50"), "CNY", None),
                  (3, "SKU-1", 1, Decimal("128.00"), "CNY", sku1)],
    }
    assert orders["B-7"]["lines"] == [(1, "NEW-9", 1, Decimal("35"), "CNY", None)]  # unknown SKU: kept as given
    assert all(isinstance(ln[3], Decimal) for o in orders.values() for ln in o["lines"])


def test_reimporting_adds_nothing_and_says_the_orders_are_already_there(db, uow, tmp_path):
    path = write(tmp_path / "orders.csv", [HEADER, "A-1,2026-03-14T10:00:00Z,SKU-1,2,128,CNY",
                                           "A-2,2026-03-14T10:05:00Z,SKU-1,1,128,CNY"])
    first = oi.import_orders(uow(), path)
    assert (first.imported, first.unchanged) == (2, 0)
    before = order_tables(db), row_counts(db.engine)
    again = oi.import_orders(uow(), path)
    assert (again.imported, again.unchanged, again.lines) == (0, 2, 0)
    assert again.summary_line() == "imported=0 lines=0 already_there=2 rejected=0"
    assert (order_tables(db), row_counts(db.engine)) == before


def test_an_order_synced_from_the_platform_is_not_stored_again(db, uow, tmp_path):
    synced = stored(db)["ORD-1"]  # populate() stored it on "Simulator", as a sync does
    path = write(tmp_path / "export.csv", [HEADER, "ORD-1,2026-03-14T09:30:00Z,SKU-1,5,1.00,CNY",
                                           "ORD-2,2026-03-15T09:30:00Z,SKU-1,1,179.00,CNY"])
    report = oi.import_orders(uow(), path)
    assert (report.imported, report.unchanged) == (1, 1)
    orders = stored(db)
    assert orders["ORD-1"] == synced  # the synced order is untouched: its two lines, its prices
    assert len(orders["ORD-1"]["lines"]) == 2 and synced["created_at"] == T0
    assert orders["ORD-2"]["connection"] == "Simulator"


def test_naive_times_are_read_in_the_museums_zone_and_stored_in_utc(db, uow, tmp_path):
    set_museum_zone(uow, "Asia/Shanghai")
    path = write(tmp_path / "times.csv", [
        HEADER,
        "T-1,2026-03-14 10:00,SKU-1,1,1,CNY",  # Shanghai, UTC+8
        "T-2,2026/3/14 9:05:30,SKU-1,1,1,CNY",
        "T-3,2026-03-14T10:00:00Z,SKU-1,1,1,CNY",
        "T-4,2026-03-14T10:00:00+09:00,SKU-1,1,1,CNY",
        "T-5,2026-03-14,SKU-1,1,1,CNY",  # a date alone: midnight there
    ])
    report = oi.import_orders(uow(), path)
    assert report.time_zone == "Asia/Shanghai" and report.rejected == []
    times = {k: v["created_at"] for k, v in stored(db).items() if k.startswith("T-")}
    assert times == {
        "T-1": datetime(2026, 3, 14, 2, 0, tzinfo=UTC), "T-2": datetime(2026, 3, 14, 1, 5, 30, tzinfo=UTC),
        "T-3": datetime(2026, 3, 14, 10, 0, tzinfo=UTC), "T-4": datetime(2026, 3, 14, 1, 0, tzinfo=UTC),
        "T-5": datetime(2026, 3, 13, 16, 0, tzinfo=UTC),
    }


def test_a_gbk_file_with_chinese_headers(db, uow, tmp_path):
    set_museum_zone(uow, "Asia/Shanghai")
    path = write(tmp_path / "订单导出.csv", [
        "订单编号,下单时间,商品编码,数量,单价,币种,买家留言",
        "TB-1001,2026-03-14 20:15:00,SKU-1,2,￥199.90,人民币,请尽快发货",
        "TB-1001,2026-03-14 20:15:00,纪念书签,1,12,人民币,",
    ], encoding="gbk")
    report = oi.import_orders(uow(), path)
    assert report.encoding == "gb18030" and report.rejected == [] and report.unknown_headers == []
    order = stored(db)["TB-1001"]
    assert order["created_at"] == datetime(2026, 3, 14, 12, 15, tzinfo=UTC)
    assert [ln[1:5] for ln in order["lines"]] == [("SKU-1", 2, Decimal("199.90"), "CNY"),
                                                   ("纪念书签", 1, Decimal("12"), "CNY")]


def test_bad_rows_are_named_by_row_and_field_and_their_whole_order_is_skipped(db, uow, tmp_path):
    path = write(tmp_path / "bad.csv", [
        HEADER,
        "OK-1,2026-03-14T10:00:00Z,SKU-1,1,10,CNY",        # row 2
        "Q-1,2026-03-14T10:00:00Z,SKU-1,0,10,CNY",         # row 3: quantity 0
        "P-1,2026-03-14T10:00:00Z,SKU-1,1,十元,CNY",        # row 4: price
        "D-1,14 March 2026,SKU-1,1,10,CNY",                # row 5: date
        ",2026-03-14T10:00:00Z,SKU-1,1,10,CNY",            # row 6: no order id
        "S-1,2026-03-14T10:00:00Z,,1,10,CNY",              # row 7: no SKU
        "M-1,2026-03-14T10:00:00Z,SKU-1,1,10,CNY",         # row 8: fine, but …
        "M-1,2026-03-14T11:00:00Z,SKU-1,1,10,CNY",         # row 9: … the order's time disagrees
        "C-1,2026-03-14T10:00:00Z,SKU-1,1,$10,",           # row 10: USD by its price …
        "C-1,2026-03-14T10:00:00Z,SKU-1,1,10,CNY",         # row 11: … CNY here
        "X-1,2026-03-14T10:00:00Z,SKU-1,2.5,10,CNY",       # row 12: not a whole number
        "Y-1,2026-03-14T10:00:00Z,SKU-1,1,$10,CNY",        # row 13: price and currency disagree
    ])
    report = oi.import_orders(uow(), path)
    assert (report.imported, report.rejected_rows) == (1, 11)
    assert [(p.row, p.field, p.object_number) for p in report.rejected] == [
        (3, "quantity", "Q-1"), (4, "unit_price", "P-1"), (5, "created_at", "D-1"), (6, "order_id", ""),
        (7, "sku", "S-1"), (8, "row", "M-1"), (9, "created_at", "M-1"), (10, "row", "C-1"), (11, "currency", "C-1"),
        (12, "quantity", "X-1"), (13, "currency", "Y-1")]
    reasons = {(p.row, p.field): p.reason for p in report.rejected}
    assert "at least 1" in reasons[(3, "quantity")]
    assert "十元" in reasons[(4, "unit_price")] and "not a price" in reasons[(4, "unit_price")]
    assert "14 March 2026" in reasons[(5, "created_at")]
    assert "row 8" in reasons[(9, "created_at")] and "row 9" in reasons[(9, "created_at")]  # both rows named
    assert "row 10" in reasons[(11, "currency")] and "USD" in reasons[(11, "currency")]
    assert "skipped as a whole" in reasons[(8, "row")] and "9" in reasons[(8, "row")]
    assert set(stored(db)) == {"ORD-1", "OK-1"}  # no order half-stored


def test_strict_refuses_the_whole_file_and_writes_nothing(db, uow, tmp_path):
    with uow() as u:  # no store connection: the import would create "Imported orders" …
        u.session.execute(text("DELETE FROM connection"))
        u.commit()
    path = write(tmp_path / "strict.csv", [HEADER, "OK-1,2026-03-14T10:00:00Z,SKU-1,1,10,CNY",
                                           "BAD-1,2026-03-14T10:00:00Z,SKU-1,-2,10,CNY"])
    before = order_tables(db), row_counts(db.engine)
    with pytest.raises(oi.StrictImportError) as err:
        oi.import_orders(uow(), path, strict=True)
    assert [(p.row, p.field) for p in err.value.report.rejected] == [(3, "quantity")]
    assert "nothing was imported" in str(err.value)
    assert (order_tables(db), row_counts(db.engine)) == before  # … but not even that


def test_a_cancelled_import_leaves_every_table_exactly_as_it_was(db, uow, tmp_path):
    lines = [HEADER] + [f"N-{i:03d},2026-03-14T10:00:00Z,SKU-1,1,{i},CNY" for i in range(40)]
    path = write(tmp_path / "big.csv", lines)
    before = order_tables(db), row_counts(db.engine)
    asked = {"n": 0}

    def cancelled() -> bool:
        asked["n"] += 1
        return asked["n"] > 10  # after some batches were inserted inside the transaction

    with pytest.raises(oi.ImportCancelled):
        oi.import_orders(uow(), path, batch_size=3, cancelled=cancelled)
    assert asked["n"] == 11
    assert (order_tables(db), row_counts(db.engine)) == before


def test_a_second_currency_is_kept_as_given_and_the_default_is_cny(db, uow, tmp_path):
    path = write(tmp_path / "money.csv", [
        "order id,date,sku,qty,price",  # no currency column
        "U-1,2026-03-14T10:00:00Z,SKU-1,2,$12.50",
        "U-1,2026-03-14T10:00:00Z,SKU-X,1,3",  # takes the order's currency
        "E-1,2026-03-14T10:00:00Z,SKU-1,1,99 EUR",
        "Y-1,2026-03-14T10:00:00Z,SKU-1,1,128.00",
    ])
    report = oi.import_orders(uow(), path)
    assert report.rejected == []
    orders = stored(db)
    assert orders["U-1"]["currency"] == "USD"
    assert [(ln[3], ln[4]) for ln in orders["U-1"]["lines"]] == [(Decimal("12.50"), "USD"), (Decimal("3"), "USD")]
    assert (orders["E-1"]["currency"], orders["E-1"]["lines"][0][3]) == ("EUR", Decimal("99"))  # not converted
    assert orders["Y-1"]["currency"] == "CNY"


def test_the_target_connection_rule(db, uow, tmp_path):
    path = write(tmp_path / "o.csv", [HEADER, "R-1,2026-03-14T10:00:00Z,SKU-1,1,10,CNY"])
    add_connection(uow, "YouTube", "youtube")  # not a store: never a target
    assert oi.target_connection(uow()).name == "Simulator"
    with pytest.raises(oi.ConnectionChoiceError, match="“YouTube” is a youtube connection, not a store"):
        oi.import_orders(uow(), path, connection="YouTube")
    with pytest.raises(oi.ConnectionChoiceError, match="no connection named “Nope”"):
        oi.import_orders(uow(), path, connection="Nope")
    add_connection(uow, "Shop", "shopify")
    with pytest.raises(oi.ConnectionChoiceError) as several:
        oi.import_orders(uow(), path)
    assert "“Shop”" in str(several.value) and "“Simulator”" in str(several.value) and "--connection" in str(several.value)
    report = oi.import_orders(uow(), path, connection="Shop")
    assert report.imported == 1 and stored(db)["R-1"]["connection"] == "Shop"
    # The same order id under another connection is another order (the key is connection + id).
    assert oi.import_orders(uow(), path, connection="Simulator").imported == 1
    assert [r.name for r in oi.import_connections(uow())] == ["Shop", "Simulator"]


def test_without_a_store_connection_one_is_created_for_imported_orders(db, uow, tmp_path):
    with uow() as u:
        u.session.execute(text("UPDATE connection SET platform = 'obs'"))
        u.commit()
    path = write(tmp_path / "o.csv", [HEADER, "F-1,2026-03-14T10:00:00Z,SKU-1,1,10,CNY"])
    dry = oi.import_orders(uow(), path, dry_run=True)
    assert (dry.imported, dry.connection, dry.connection_created, dry.dry_run) == (1, "Imported orders", True, True)
    assert "F-1" not in stored(db) and [r.name for r in oi.import_connections(uow())] == []  # a dry run stores nothing
    report = oi.import_orders(uow(), path)
    assert (report.connection, report.connection_created) == ("Imported orders", True)
    assert [(r.name, r.platform) for r in oi.import_connections(uow())] == [("Imported orders", "file")]
    again = oi.import_orders(uow(), path)  # now the one store connection
    assert (again.connection, again.connection_created, again.unchanged) == ("Imported orders", False, 1)


def test_a_dry_run_reports_what_would_be_stored_and_changes_nothing(db, uow, tmp_path):
    path = write(tmp_path / "o.csv", [HEADER, "ORD-1,2026-03-14T09:30:00Z,SKU-1,1,1,CNY",
                                      "N-1,2026-03-14T10:00:00Z,SKU-1,1,1,CNY", "N-1,,SKU-X,2,1,CNY",
                                      "N-2,2026-03-14T10:00:00Z,SKU-1,x,1,CNY"])
    before = order_tables(db), row_counts(db.engine)
    report = oi.import_orders(uow(), path, dry_run=True)
    assert (report.imported, report.lines, report.unchanged, report.rejected_rows) == (1, 2, 1, 1)
    assert (order_tables(db), row_counts(db.engine)) == before


def test_the_map_option_and_saved_mappings_are_kept_apart(db, uow, tmp_path):
    path = write(tmp_path / "de.csv", ["Bestellung;Zeit;Artikel;Menge;Preis", "B-1;2026-03-14 10:00;SKU-1;2;12.00"])
    with pytest.raises(oi.ImportFileError, match="no column holds the order ID.*the time of the order"):
        oi.import_orders(uow(), path)
    mapping = {"Bestellung": "order_id", "Zeit": "created_at", "Artikel": "sku", "Menge": "quantity",
               "Preis": "unit_price"}
    oi.save_mapping(uow(), "German shop", mapping)
    assert [s.name for s in oi.list_mappings(uow())] == ["German shop"]
    assert "German shop" not in [s.name for s in pi.list_mappings(uow())]
    report = oi.import_orders(uow(), path, mapping=oi.get_mapping(uow(), "German shop"))
    assert report.imported == 1 and stored(db)["B-1"]["lines"][0][2:4] == (2, Decimal("12.00"))
    with pytest.raises(oi.MappingError):
        oi.import_orders(uow(), path, mapping={"Nope": "sku"}, require_mapping_headers=["Nope"])
    with pytest.raises(oi.MappingError):
        oi.parse_map_option("Menge=stock")  # a product field, not an order field
    assert oi.delete_mapping(uow(), "German shop") and oi.list_mappings(uow()) == []


def test_the_report_csv_names_the_order_id(uow, tmp_path):
    path = write(tmp_path / "r.csv", [HEADER, "R-1,2026-03-14T10:00:00Z,SKU-1,1,abc,CNY"])
    report = oi.import_orders(uow(), path)
    out = oi.write_report_csv(report, tmp_path / "report.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["row", "order_id", "field", "status", "problem"]
    assert rows[1][:4] == ["2", "R-1", "unit_price", "rejected"]
