"""`curator-console import-orders` end to end, in a subprocess, on a real SQLite file (``--db``):
the summary and report CSV, exactly once on a second run, strict refusal (exit 1, nothing changed),
the connection rule (exit 2 when it cannot choose), dry runs, --map / --save-mapping / --mapping
and usage errors."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from curator_console.persistence import models as m

from .conftest import populate, row_counts

ORDERS_GBK = ("订单号,下单时间,商品编码,数量,单价,币种\r\n"
              "TB-1,2026-03-14 20:15,SKU-1,2,￥199.90,\r\n"
              "TB-2,2026-03-14 21:00,NEW-1,1,12 USD,\r\n"
              "TB-1,,SKU-X,1,\"1,280.50\",\r\n"
              "TB-3,2026-03-14 22:00,SKU-1,0,10,\r\n")


@pytest.fixture
def db_file(sqlite_url, open_db) -> Path:
    db = open_db(sqlite_url)
    populate(db, items=4)  # one store connection, "Simulator", holding order ORD-1
    with db.session() as s:
        s.scalars(select(m.Museum)).one().timezone = "Asia/Shanghai"
        s.commit()
    db.dispose()
    return Path(make_url(sqlite_url).database)


def run(home: Path, db: Path, *args: str):
    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "curator_console", "--db", str(db), "import-orders", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def orders(open_db, db_file: Path) -> dict[str, tuple]:
    db = open_db(f"sqlite:///{db_file}")
    with db.session() as s:
        return {o.platform_order_id: (s.get(m.Connection, o.connection_id).name,
                                      o.created_at.astimezone(timezone.utc), o.currency,
                                      [(ln.line_no, ln.sku, ln.quantity, ln.unit_price, ln.currency) for ln in o.lines])
                for o in s.scalars(select(m.Order))}


def add_connection(open_db, db_file: Path, name: str, platform: str) -> None:
    db = open_db(f"sqlite:///{db_file}")
    with db.session() as s:
        s.add(m.Connection(name=name, platform=platform))
        s.commit()


def test_import_prints_a_summary_and_a_second_run_adds_nothing(curator_home, db_file, open_db, tmp_path):
    path = write(tmp_path / "订单.csv", ORDERS_GBK, "gbk")
    out = run(curator_home, db_file, str(path), "--report", str(tmp_path / "report.csv"))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith(f"file={path} encoding=gb18030 delimiter=comma connection=Simulator")
    assert "time_zone=Asia/Shanghai" in lines[0]
    assert "row 5: rejected: quantity: a quantity must be at least 1" in lines
    assert lines[-1] == "imported=2 lines=3 already_there=0 rejected=1"
    with open(tmp_path / "report.csv", encoding="utf-8-sig", newline="") as fh:
        report = list(csv.reader(fh))
    assert report[0] == ["row", "order_id", "field", "status", "problem"]
    assert report[1][:4] == ["5", "TB-3", "quantity", "rejected"]
    stored = orders(open_db, db_file)
    assert stored["TB-1"] == ("Simulator", datetime(2026, 3, 14, 12, 15, tzinfo=timezone.utc), "CNY",
                              [(1, "SKU-1", 2, Decimal("199.90"), "CNY"), (2, "SKU-X", 1, Decimal("1280.50"), "CNY")])
    assert stored["TB-2"][2] == "USD" and "TB-3" not in stored
    before = row_counts(open_db(f"sqlite:///{db_file}").engine)
    again = run(curator_home, db_file, str(path))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines()[-1] == "imported=0 lines=0 already_there=2 rejected=1"
    assert row_counts(open_db(f"sqlite:///{db_file}").engine) == before


def test_strict_exits_1_listing_the_rows_and_changes_nothing(curator_home, db_file, open_db, tmp_path):
    path = write(tmp_path / "o.csv", "order id,date,sku,qty,price\nA-1,2026-03-14 10:00,SKU-1,1,10\n"
                                     "A-2,2026-03-14 10:00,SKU-1,1,abc\n")
    before = row_counts(open_db(f"sqlite:///{db_file}").engine)
    out = run(curator_home, db_file, str(path), "--strict", "--report", str(tmp_path / "r.csv"))
    assert out.returncode == 1
    assert "row 3: unit_price:" in out.stderr and "nothing was imported" in out.stderr
    assert (tmp_path / "r.csv").is_file()
    assert row_counts(open_db(f"sqlite:///{db_file}").engine) == before


def test_the_connection_rule(curator_home, db_file, open_db, tmp_path):
    path = write(tmp_path / "o.csv", "order id,date,sku,qty,price\nC-1,2026-03-14T10:00:00Z,SKU-1,1,10\n")
    add_connection(open_db, db_file, "Shop", "shopify")
    several = run(curator_home, db_file, str(path))
    assert several.returncode == 2
    assert "“Shop”" in several.stderr and "“Simulator”" in several.stderr and "--connection" in several.stderr
    unknown = run(curator_home, db_file, str(path), "--connection", "Nope")
    assert unknown.returncode == 2 and "no connection named “Nope”" in unknown.stderr
    add_connection(open_db, db_file, "Studio", "obs")
    not_store = run(curator_home, db_file, str(path), "--connection", "Studio")
    assert not_store.returncode == 2 and "not a store" in not_store.stderr
    chosen = run(curator_home, db_file, str(path), "--connection", "Shop")
    assert chosen.returncode == 0, chosen.stderr
    assert "connection=Shop" in chosen.stdout and orders(open_db, db_file)["C-1"][0] == "Shop"


def test_with_no_store_connection_one_named_imported_orders_is_created(curator_home, sqlite_url, open_db, tmp_path):
    db = open_db(sqlite_url)  # an empty database: no museum (times in UTC), no connection
    db.dispose()
    db_file = Path(make_url(sqlite_url).database)
    path = write(tmp_path / "o.csv", "Order ID,Created at,SKU,Quantity,Unit price\nF-1,2026-03-14 10:00,A,1,10\n")
    out = run(curator_home, db_file, str(path))
    assert out.returncode == 0, out.stderr
    assert "connection=Imported orders (new) time_zone=UTC" in out.stdout
    assert orders(open_db, db_file)["F-1"][:2] == ("Imported orders", datetime(2026, 3, 14, 10, 0, tzinfo=timezone.utc))


def test_a_dry_run_stores_nothing(curator_home, db_file, open_db, tmp_path):
    path = write(tmp_path / "o.csv", "order id,date,sku,qty,price\nORD-1,2026-03-14 10:00,SKU-1,1,10\n"
                                     "D-1,2026-03-14 10:00,SKU-1,1,10\n")
    before = row_counts(open_db(f"sqlite:///{db_file}").engine)
    out = run(curator_home, db_file, str(path), "--dry-run", "--save-mapping", "never")
    assert out.returncode == 0, out.stderr
    assert "dry_run=yes" in out.stdout.splitlines()[0]
    assert out.stdout.strip().splitlines()[-1] == "imported=1 lines=1 already_there=1 rejected=0"
    assert "dry run: nothing was stored" in out.stderr
    assert row_counts(open_db(f"sqlite:///{db_file}").engine) == before


def test_map_save_mapping_and_usage_errors(curator_home, db_file, open_db, tmp_path):
    path = write(tmp_path / "o.csv", "Bestellung;Zeit;Artikel;Menge;Preis\nB-1;2026-03-14 10:00;SKU-1;2;12.00\n")
    missing = run(curator_home, db_file, str(path))
    assert missing.returncode == 1 and "no column holds the order ID" in missing.stderr
    maps = ["--map", "Bestellung=order_id", "--map", "Zeit=created_at", "--map", "Artikel=sku",
            "--map", "Menge=quantity", "--map", "Preis=unit_price"]
    mapped = run(curator_home, db_file, str(path), *maps, "--save-mapping", "German shop")
    assert mapped.returncode == 0, mapped.stderr
    assert "saved mapping=German shop" in mapped.stdout
    assert mapped.stdout.strip().endswith("imported=1 lines=1 already_there=0 rejected=0")
    saved = run(curator_home, db_file, str(path), "--mapping", "German shop")
    assert saved.returncode == 0 and saved.stdout.strip().endswith("already_there=1 rejected=0")
    no_mapping = run(curator_home, db_file, str(path), "--mapping", "Nope")
    assert no_mapping.returncode == 2 and "no saved order mapping “Nope”" in no_mapping.stderr
    bad_field = run(curator_home, db_file, str(path), "--map", "Menge=stock")
    assert bad_field.returncode == 2 and "not a field" in bad_field.stderr
    no_column = run(curator_home, db_file, str(path), *maps, "--map", "Nope=sku")
    assert no_column.returncode == 1 and "Nope" in no_column.stderr
    no_file = run(curator_home, db_file, str(tmp_path / "missing.csv"))
    assert no_file.returncode == 1 and "no such file" in no_file.stderr
