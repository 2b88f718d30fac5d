"""`curator-console import-products` end to end, in a subprocess, on a real SQLite file."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from curator_console.persistence import models as m

from .conftest import populate, row_counts


@pytest.fixture
def db_file(sqlite_url, open_db) -> Path:
    db = open_db(sqlite_url)
    populate(db, items=4)
    db.dispose()
    return Path(make_url(sqlite_url).database)


def run(home: Path, db: Path, *args: str):
    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "curator_console", "--db", str(db), "import-products", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_import_prints_a_summary_and_upserts(curator_home, db_file, open_db, tmp_path):
    path = write(tmp_path / "商品.csv", "货号,商品名称,售价,库存,上架状态,关联藏品\r\n"
                                       "SKU-1,青花瓷瓶复制品,¥219.00,7,上架,GU-00003\r\n"
                                       "NEW-1,丝巾,\"1,280.50\",3,草稿,GU-00000；GU-00001\r\n"
                                       "BAD-1,坏,abc,1,上架,\r\n", "gb18030")
    out = run(curator_home, db_file, str(path), "--report", str(tmp_path / "report.csv"))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[-1] == "imported=1 updated=1 rejected=1"
    assert "encoding=gb18030" in lines[0]
    assert any(line.startswith("row 4: rejected: price:") for line in lines)
    with open(tmp_path / "report.csv", encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1][:4] == ["4", "BAD-1", "price", "rejected"]
    db = open_db(f"sqlite:///{db_file}")
    with db.session() as s:
        new = s.scalars(select(m.Product).where(m.Product.sku == "NEW-1")).one()
        assert (new.price, new.status) == (Decimal("1280.50"), "draft")
        assert sorted(i.object_number for i in new.items) == ["GU-00000", "GU-00001"]
        old = s.scalars(select(m.Product).where(m.Product.sku == "SKU-1")).one()
        assert old.price == Decimal("219.00")
        assert sorted(i.object_number for i in old.items) == ["GU-00000", "GU-00001", "GU-00003"]
    again = run(curator_home, db_file, str(path))
    assert again.stdout.strip().splitlines()[-1] == "imported=0 updated=0 rejected=1"


def test_strict_exits_1_listing_the_rows_and_changes_nothing(curator_home, db_file, open_db, tmp_path):
    path = write(tmp_path / "p.csv", "sku,title,price,objects\nOK-1,Fine,1,GU-00001\nBAD-1,Bad,1,NOPE\n")
    before = row_counts(open_db(f"sqlite:///{db_file}").engine)
    out = run(curator_home, db_file, str(path), "--strict")
    assert out.returncode == 1
    assert "row 3: objects:" in out.stderr and "nothing was imported" in out.stderr
    assert row_counts(open_db(f"sqlite:///{db_file}").engine) == before


def test_map_option_and_usage_errors(curator_home, db_file, tmp_path):
    path = write(tmp_path / "p.csv", "Artikel,Bezeichnung\nX-1,Tasse\n")
    missing = run(curator_home, db_file, str(path))
    assert missing.returncode == 1 and "no column holds the SKU" in missing.stderr
    mapped = run(curator_home, db_file, str(path), "--map", "Artikel=sku", "--map", "Bezeichnung=title")
    assert mapped.returncode == 0 and mapped.stdout.strip().endswith("imported=1 updated=0 rejected=0")
    bad_field = run(curator_home, db_file, str(path), "--map", "Artikel=maker")
    assert bad_field.returncode == 2 and "not a field" in bad_field.stderr
    no_column = run(curator_home, db_file, str(path), "--map", "Nope=sku")
    assert no_column.returncode == 1 and "Nope" in no_column.stderr
    no_file = run(curator_home, db_file, str(tmp_path / "missing.csv"))
    assert no_file.returncode == 1 and "no such file" in no_file.stderr
