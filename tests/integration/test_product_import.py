"""Product CSV import into a real database (SQLite and PostgreSQL): Shopify exports, Chinese files
with object links, upsert by SKU, problems reported by row and field, strict mode, one
transaction (a cancel leaves every table exactly as before), images, saved mappings, the report."""

from __future__ import annotations

import csv
import struct
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from curator_console.persistence import models as m
from curator_console.persistence.media import MediaStore
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection_import as ci
from curator_console.services import product_import as pi
from curator_console.services import store as store_svc

from .conftest import populate, row_counts

SHOPIFY = """Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Status
lotus-vase,Lotus vase replica,<p>Blue and white</p>,Museum shop,Size,Small,VASE-S,10,128.00,150.00,https://cdn.example/vase.jpg,active
lotus-vase,,,,,Large,VASE-L,0,198.00,240.00,,
lotus-vase,,,,,,,,,,https://cdn.example/vase-2.jpg,
silk-scarf,Silk scarf,,Museum shop,,,SCARF-1,25,"1,280.50",,,draft
"""

CHINESE_HEADER = ["货号", "商品名称", "英文名称", "售价", "币种", "库存", "上架状态", "商品链接", "关联藏品"]


def write_chinese(path: Path, rows: list[list[str]], encoding: str = "gb18030") -> Path:
    lines = [",".join(CHINESE_HEADER)] + [",".join(f'"{c}"' if "," in c else c for c in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00" + b"\x10\x20\x30" * 2
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def uow(db):
    populate(db, items=6)  # objects GU-00000 … GU-00005; product SKU-1 linked to the first two
    return lambda: UnitOfWork(db.session_factory)


def products(uow) -> dict[str, store_svc.ListedProduct]:
    return {p.sku: p for p in store_svc.list_products(uow())}


def store_tables(db) -> dict[str, list[tuple]]:
    """Every row of the tables an import writes, in a stable order (to compare before and after)."""
    with db.engine.connect() as conn:
        return {
            "product": [tuple(r) for r in conn.execute(text(
                "SELECT id, sku, title, alt_title, price, currency, stock, status, url, image_sha256, image_url, "
                "version FROM product ORDER BY id"))],
            "product_item": [tuple(r) for r in conn.execute(text(
                "SELECT product_id, item_id FROM product_item ORDER BY product_id, item_id"))],
        }


def test_shopify_export(uow, tmp_path):
    path = tmp_path / "products_export_1.csv"
    path.write_text(SHOPIFY, encoding="utf-8")
    report = pi.import_products(uow(), path)
    assert (report.imported, report.updated, report.unchanged, report.rejected) == (3, 0, 0, [])
    assert report.unknown_headers == [] and report.encoding == "utf-8" and report.delimiter == ","
    shown = products(uow)
    small, large, scarf = shown["VASE-S"], shown["VASE-L"], shown["SCARF-1"]
    assert (small.title, small.price, small.stock, small.status) == ("Lotus vase replica", Decimal("128.00"), 10, "active")
    assert small.image_url == "https://cdn.example/vase.jpg" and small.currency == "CNY"
    assert (large.title, large.price, large.stock) == ("Lotus vase replica", Decimal("198.00"), 0)  # not 240.00
    assert (scarf.price, scarf.status) == (Decimal("1280.50"), "draft")
    assert isinstance(scarf.price, Decimal)


def test_chinese_file_links_objects_and_reports_unknown_ones(uow, tmp_path):
    path = write_chinese(tmp_path / "商品清单.csv", [
        ["TSM-P-101", "青花瓷杯", "Blue cup", "¥68.00", "", "5", "在售", "https://shop.example/p/101",
         "GU-00002、GU-00003"],
        ["TSM-P-102", "唐三彩书签", "", "12", "", "", "下架", "", ""],
        ["TSM-P-103", "未知藏品", "", "20", "", "1", "上架", "", "GU-00002|NOPE-9"],
        ["TSM-P-104", "坏价格", "", "十二元", "", "1", "上架", "", ""],
    ])
    report = pi.import_products(uow(), path)
    assert report.encoding == "gb18030"
    assert (report.imported, report.rejected_rows) == (2, 2)
    assert [(p.row, p.field, p.object_number) for p in report.rejected] == [
        (4, "objects", "TSM-P-103"), (5, "price", "TSM-P-104")]
    assert "NOPE-9" in report.rejected[0].reason
    shown = products(uow)
    assert "TSM-P-103" not in shown and "TSM-P-104" not in shown  # never half-imported
    cup = shown["TSM-P-101"]
    assert cup.linked_objects == ("GU-00002", "GU-00003") and cup.url == "https://shop.example/p/101"
    assert (cup.title, cup.alt_title, cup.status) == ("青花瓷杯", "Blue cup", "active")
    assert shown["TSM-P-102"].status == "archived" and shown["TSM-P-102"].stock is None


def test_upsert_by_sku_counts_updated_and_unchanged_and_keeps_links_made_in_the_app(uow, tmp_path):
    rows = [["SKU-1", "Vase replica", "", "199.90", "CNY", "5", "上架", "", "GU-00004"],
            ["NEW-1", "Scarf", "", "88", "", "3", "草稿", "", ""]]
    first = pi.import_products(uow(), write_chinese(tmp_path / "a.csv", rows))
    assert (first.imported, first.updated, first.unchanged) == (1, 1, 0)  # SKU-1 gained a link
    assert products(uow)["SKU-1"].linked_objects == ("GU-00000", "GU-00001", "GU-00004")  # added, none removed
    again = pi.import_products(uow(), write_chinese(tmp_path / "b.csv", rows))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    rows[0][3] = "¥209.90"
    rows[1][8] = ""
    third = pi.import_products(uow(), write_chinese(tmp_path / "c.csv", rows))
    assert (third.imported, third.updated, third.unchanged) == (0, 1, 1)
    assert products(uow)["SKU-1"].price == Decimal("209.90")


def test_strict_refuses_the_whole_file_and_writes_nothing(db, uow, tmp_path):
    path = write_chinese(tmp_path / "strict.csv", [
        ["OK-1", "好", "", "10", "", "1", "上架", "", "GU-00001"],
        ["BAD-1", "坏", "", "10", "", "-2", "上架", "", ""],
        ["BAD-2", "坏", "", "10", "", "1", "上架", "", "GU-99999"],
    ])
    before = store_tables(db), row_counts(db.engine)
    with pytest.raises(pi.StrictImportError) as err:
        pi.import_products(uow(), path, strict=True)
    assert [(p.row, p.field) for p in err.value.report.rejected] == [(3, "stock"), (4, "objects")]
    assert (store_tables(db), row_counts(db.engine)) == before


def test_a_cancelled_import_leaves_every_table_exactly_as_it_was(db, uow, tmp_path):
    rows = [[f"P-{i:03d}", f"商品{i}", "", f"{i}.50", "", str(i), "上架", "", "GU-00001"] for i in range(1, 30)]
    rows.insert(0, ["SKU-1", "改了", "", "1.00", "", "1", "下架", "", "GU-00005"])
    path = write_chinese(tmp_path / "big.csv", rows)
    before = store_tables(db), row_counts(db.engine)
    asked = {"n": 0}

    def cancelled() -> bool:
        asked["n"] += 1
        return asked["n"] > 3  # after three batches were written inside the transaction

    seen = []
    with pytest.raises(pi.ImportCancelled):
        pi.import_products(uow(), path, batch_size=5, cancelled=cancelled, progress=seen.append)
    assert asked["n"] == 4 and seen  # it was well under way
    assert (store_tables(db), row_counts(db.engine)) == before


def test_images_from_files_next_to_the_csv_and_paths_leaving_the_folder(uow, tmp_path):
    folder = tmp_path / "export"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "cup.png").write_bytes(png_bytes())
    (folder / "broken.png").write_bytes(b"no picture here")
    (tmp_path / "secret.png").write_bytes(png_bytes())
    path = folder / "p.csv"
    path.write_text("sku,title,image\nA,Cup,img/cup.png\nB,Broken,broken.png\nC,Escape,../secret.png\n",
                    encoding="utf-8")
    media = MediaStore(tmp_path / "media")
    report = pi.import_products(uow(), path, media_dir=media.root)
    assert [(p.row, p.field) for p in report.rejected] == [(4, "image")]  # leaves the folder: refused
    assert [(w.row, w.field) for w in report.warnings] == [(3, "image")]  # not an image: kept, no picture
    shown = products(uow)
    assert media.path_for(shown["A"].image_sha256) is not None
    assert shown["B"].image_sha256 == "" and "C" not in shown


def test_the_map_option_and_saved_mappings_are_kept_apart_from_the_collections(uow, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Artikel;Bezeichnung;Preis\nX-1;Tasse;12,00\n", encoding="utf-8")
    with pytest.raises(pi.ImportFileError, match="no column holds the SKU"):
        pi.import_products(uow(), path)
    mapping = {"Artikel": "sku", "Bezeichnung": "title", "Preis": "price"}
    pi.save_mapping(uow(), "German shop", mapping)
    assert [s.name for s in pi.list_mappings(uow())] == ["German shop"]
    assert "German shop" not in [s.name for s in ci.list_mappings(uow())]
    report = pi.import_products(uow(), path, mapping=pi.get_mapping(uow(), "German shop"))
    assert [(p.row, p.field) for p in report.rejected] == [(2, "price")]  # 12,00 is not a price here
    with pytest.raises(pi.MappingError):
        pi.import_products(uow(), path, mapping={"Nope": "sku"}, require_mapping_headers=["Nope"])
    assert pi.delete_mapping(uow(), "German shop") and pi.list_mappings(uow()) == []


def test_the_report_csv_names_the_sku(uow, tmp_path):
    path = write_chinese(tmp_path / "r.csv", [["R-1", "x" * 600, "", "abc", "", "1", "上架", "", ""],
                                              ["R-2", "y" * 600, "", "1", "", "1", "上架", "", ""]])
    report = pi.import_products(uow(), path)
    out = pi.write_report_csv(report, tmp_path / "report.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["row", "sku", "field", "status", "problem"]
    assert rows[1][:4] == ["2", "R-1", "price", "rejected"]
    assert rows[2][:4] == ["3", "R-2", "title", "warning"]


def test_an_existing_product_keeps_status_and_currency_when_their_cells_are_empty(uow, tmp_path):
    with uow() as u:
        p = u.repos.products.by_sku("SKU-1")
        p.status, p.currency = "draft", "USD"
        u.commit()
    path = tmp_path / "p.csv"
    path.write_text("sku,price,status,currency\nSKU-1,25,,\n", encoding="utf-8")
    pi.import_products(uow(), path)
    with uow() as u:
        p = u.session.scalars(select(m.Product).where(m.Product.sku == "SKU-1")).one()
        assert (p.status, p.currency, p.price) == ("draft", "USD", Decimal("25"))
