"""Reading product CSVs: header mapping (Shopify, English, Chinese), values (Decimal prices, stock,
status, object numbers), Shopify variant rows, encodings and delimiters, and refused files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from curator_console.importers.csv_products import (
    PRODUCTS,
    make_product_record,
    open_products_csv,
    parse_currency,
    parse_price,
    parse_status,
    parse_stock,
    preview_products_csv,
    split_objects,
)
from curator_console.importers.mapping import MappingError, parse_map_option, plan_columns
from curator_console.importers.records import ImportFileError

SHOPIFY_HEADERS = ["Handle", "Title", "Body (HTML)", "Vendor", "Option1 Name", "Option1 Value", "Variant SKU",
                   "Variant Inventory Qty", "Variant Price", "Variant Compare At Price", "Image Src", "Status"]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def records(path: Path, **kw):
    source = open_products_csv(path, **kw)
    try:
        return list(source.products())
    finally:
        source.close()


# --- mapping -----------------------------------------------------------------------------------


def test_shopify_export_headers_map_and_compare_at_price_is_ignored():
    plan = plan_columns(SHOPIFY_HEADERS, scheme=PRODUCTS)
    mapping = plan.mapping
    assert mapping["Variant SKU"] == "sku"
    assert mapping["Variant Price"] == "price"
    assert mapping["Variant Inventory Qty"] == "stock"
    assert mapping["Image Src"] == "image"
    assert mapping["Status"] == "status"
    assert mapping["Handle"] == "handle"
    assert mapping["Variant Compare At Price"] == ""  # never the price …
    assert plan.unknown == ()  # … and not reported as an unknown column either (nor Vendor, Body …)


@pytest.mark.parametrize("header, field", [
    ("sku", "sku"), ("SKU", "sku"), ("title", "title"), ("title_en", "alt_title"), ("alt_title", "alt_title"),
    ("price", "price"), ("currency", "currency"), ("stock", "stock"), ("quantity", "stock"),
    ("inventory", "stock"), ("status", "status"), ("url", "url"), ("image", "image"), ("objects", "objects"),
    ("object_number", "objects"), ("object numbers", "objects"),
    ("货号", "sku"), ("商品编码", "sku"), ("商品名称", "title"), ("名称", "title"), ("标题", "title"),
    ("英文名称", "alt_title"), ("价格", "price"), ("售价", "price"), ("单价", "price"), ("价格（元）", "price"),
    ("币种", "currency"), ("货币", "currency"), ("库存", "stock"), ("数量", "stock"), ("状态", "status"),
    ("上架状态", "status"), ("链接", "url"), ("商品链接", "url"), ("图片", "image"), ("关联藏品", "objects"),
    ("藏品编号", "objects"), ("文物编号", "objects"),
])
def test_common_headers_map_to_product_fields(header, field):
    assert plan_columns([header], scheme=PRODUCTS).mapping[header] == field


def test_unknown_headers_are_reported_and_map_overrides_win():
    plan = plan_columns(["Artikel", "Bezeichnung", "price"], {"Artikel": "sku"}, scheme=PRODUCTS)
    assert plan.mapping == {"Artikel": "sku", "Bezeichnung": "", "price": "price"}
    assert plan.unknown == ("Bezeichnung",)
    assert parse_map_option("Bezeichnung=title", PRODUCTS) == ("Bezeichnung", "title")
    with pytest.raises(MappingError, match="not a field"):
        parse_map_option("Bezeichnung=maker", PRODUCTS)  # a collection field, not a product one


def test_the_collection_scheme_is_unchanged_by_the_product_one():
    assert plan_columns(["藏品编号", "名称"]).mapping == {"藏品编号": "object_number", "名称": "title"}


# --- values ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, amount, currency", [
    ("¥128.00", "128.00", "CNY"), ("128", "128", ""), ("1,280.50", "1280.50", ""), ("￥ 99.9", "99.9", "CNY"),
    ("128元", "128", "CNY"), ("US$ 12", "12", "USD"), ("€3,000", "3000", "EUR"), ("RMB 88", "88", "CNY"),
    ("0.5", "0.5", ""), ("12.3456", "12.3456", ""),
])
def test_prices_are_decimals(text, amount, currency):
    value, found = parse_price(text)
    assert isinstance(value, Decimal) and value == Decimal(amount) and found == currency


@pytest.mark.parametrize("text, reason", [
    ("abc", "not a price"), ("1,28", "commas only between thousands"), ("12.5.3", "not a price"),
    ("-5", "negative"), ("$-5", "negative"), ("12.34567", "decimal places"), ("12 apples", "not a price"),
    ("¥5 USD", "two currencies"), ("¥$5", "not a price"), ("1e3", "not a price"), ("NaN", "not a price"),
])
def test_garbage_prices_are_refused_with_a_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_price(text)


def test_a_float_price_is_refused_and_empty_means_none():
    with pytest.raises(ValueError):
        parse_price(12.5)
    assert parse_price("") == (None, "") and parse_price("  ") == (None, "")


@pytest.mark.parametrize("text, stock", [("12", 12), ("1,200", 1200), ("12.0", 12), ("+3", 3), ("", None), ("0", 0)])
def test_stock(text, stock):
    assert parse_stock(text) == stock


@pytest.mark.parametrize("text", ["-3", "1.5", "many", "1,20"])
def test_bad_stock_is_refused(text):
    with pytest.raises(ValueError):
        parse_stock(text)


@pytest.mark.parametrize("text, status", [
    ("active", "active"), ("Active", "active"), ("上架", "active"), ("在售", "active"), ("下架", "archived"),
    ("草稿", "draft"), ("draft", "draft"), ("archived", "archived"), ("", None),
])
def test_status_words(text, status):
    assert parse_status(text) == status


def test_unknown_status_and_currency_are_refused():
    with pytest.raises(ValueError, match="not a status"):
        parse_status("sold out maybe")
    with pytest.raises(ValueError, match="currency code"):
        parse_currency("dollars")
    assert parse_currency("usd") == "USD" and parse_currency("人民币") == "CNY" and parse_currency("RMB") == "CNY"


def test_object_numbers_split_on_every_separator():
    assert split_objects(["A.1|A.2; A.3；A.4、A.5", "A.2", ""]) == ("A.1", "A.2", "A.3", "A.4", "A.5")


def test_a_record_names_the_row_and_field_of_each_problem():
    r = make_product_record(7, {"sku": "S-1", "price": "12,5", "stock": "-1", "status": "gone", "currency": "XX"})
    assert not r.ok
    assert {(p.row, p.field, p.object_number) for p in r.problems} == {
        (7, "price", "S-1"), (7, "stock", "S-1"), (7, "status", "S-1"), (7, "currency", "S-1")}
    missing = make_product_record(3, {"sku": "  ", "title": "x"})
    assert [(p.field, p.reason) for p in missing.problems] == [("sku", "no SKU")]


def test_a_symbol_sets_the_currency_unless_the_currency_column_disagrees():
    assert make_product_record(2, {"sku": "A", "price": "$12"}).fields["currency"] == "USD"
    clash = make_product_record(2, {"sku": "A", "price": "$12", "currency": "CNY"})
    assert [p.field for p in clash.problems] == ["currency"]
    agree = make_product_record(2, {"sku": "A", "price": "¥12", "currency": "cny"})
    assert agree.ok and agree.fields["currency"] == "CNY"


def test_a_link_that_is_not_a_web_address_is_left_out_with_a_warning():
    r = make_product_record(2, {"sku": "A", "url": "shop/page"})
    assert r.ok and "url" not in r.fields and [w.field for w in r.warnings] == ["url"]
    long_title = make_product_record(2, {"sku": "A", "title": "长" * 600})
    assert len(long_title.fields["title"]) == 500 and [w.field for w in long_title.warnings] == ["title"]


# --- files -------------------------------------------------------------------------------------


def test_shopify_variants_take_the_products_title_and_image_rows_are_skipped(tmp_path):
    path = write(tmp_path / "products_export.csv", "\n".join([
        ",".join(SHOPIFY_HEADERS),
        'vase,Lotus vase replica,<p>Blue</p>,Museum,Size,Small,VASE-S,10,128.00,150.00,https://cdn.example/v1.jpg,active',
        'vase,,,,,Large,VASE-L,0,198.00,,,',
        'vase,,,,,,,,,,https://cdn.example/v2.jpg,',  # an extra image of the product
        'scarf,Silk scarf,,Museum,,,,,88.00,,,draft',  # no SKU: the handle stands in
    ]) + "\n")
    rows = records(path)
    assert [(r.row, r.sku) for r in rows] == [(2, "VASE-S"), (3, "VASE-L"), (5, "scarf")]
    small, large, scarf = rows
    assert small.fields["price"] == Decimal("128.00") and small.fields["stock"] == 10
    assert large.fields["title"] == "Lotus vase replica" and large.fields["status"] == "active"
    assert large.fields["stock"] == 0 and large.image == "https://cdn.example/v1.jpg"
    assert scarf.fields["status"] == "draft" and scarf.ok


def test_chinese_gb18030_semicolon_file(tmp_path):
    text = "货号;商品名称;英文名称;售价;库存;上架状态;关联藏品\r\n" \
           "TSM-P-101;青花瓷杯;Blue cup;¥68.00;5;在售;TSM-001、TSM-002\r\n" \
           "TSM-P-102;唐三彩书签;;12;;下架;\r\n"
    path = write(tmp_path / "商品.csv", text, "gb18030")
    source = open_products_csv(path)
    try:
        assert (source.encoding, source.delimiter) == ("gb18030", ";")
        rows = list(source.products())
    finally:
        source.close()
    assert rows[0].sku == "TSM-P-101" and rows[0].fields["title"] == "青花瓷杯"
    assert rows[0].objects == ("TSM-001", "TSM-002") and rows[0].fields["currency"] == "CNY"
    assert rows[1].fields["status"] == "archived" and rows[1].fields["stock"] is None and rows[1].objects is None


def test_utf8_bom_quoted_newlines_and_ragged_rows(tmp_path):
    path = write(tmp_path / "p.csv", '\ufeffsku,title,price\nA,"Two\nlines",1\nB,x,2,surplus,cells\n')
    rows = records(path)
    assert rows[0].fields["title"] == "Two\nlines" and rows[0].ok
    assert rows[1].row == 3 and [p.field for p in rows[1].problems] == ["row"]  # a record is one row


def test_a_file_without_a_sku_column_is_refused_before_reading_rows(tmp_path):
    path = write(tmp_path / "p.csv", "name,cost\nVase,12\n")
    with pytest.raises(ImportFileError, match="no column holds the SKU"):
        open_products_csv(path)
    assert records(path, mapping={"name": "sku"})[0].sku == "Vase"


def test_preview_shows_the_automatic_product_mapping(tmp_path):
    path = write(tmp_path / "p.csv", "货号,售价,备注\nA,1,x\n")
    preview = preview_products_csv(path)
    assert preview.auto_mapping == {"货号": "sku", "售价": "price", "备注": ""}
    assert preview.unknown_headers == ["备注"] and preview.rows == [["A", "1", "x"]]
