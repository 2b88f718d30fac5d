"""Shop product lists as CSV: Shopify product exports, generic English and common Chinese headers.

Reading (encoding detection, delimiter sniffing, quoted newlines, row numbers as a spreadsheet
shows them, ragged and undecodable rows) is ``csv_collection.CsvImport``'s; this module only adds
the product fields (``PRODUCTS``, a ``mapping.FieldScheme``) and turns each row into a
``ProductRecord``:

- ``sku`` — required; Shopify's ``Variant SKU``; when a Shopify row has no SKU but a price, its
  ``Handle`` stands in. Rows of a Shopify product that carry neither SKU nor price (its extra
  images) are skipped silently, and a variant row without a title takes its product's first row's
  title, status, link and image.
- ``price`` — a ``Decimal``: ``¥128.00``, ``128``, ``1,280.50``, ``128元``, ``US$ 12``; the symbol
  names the currency when there is no currency column. Never negative, at most 4 decimals.
- ``stock`` — a whole number ≥ 0 (``12``, ``1,200``, ``12.0``); empty means "not tracked".
- ``status`` — active / draft / archived, or 上架 / 在售 (active), 草稿 (draft), 下架 (archived) …
- ``objects`` — object numbers of the collection objects the product belongs to, several in one
  cell separated by ``|``, ``;``, ``；`` or ``、`` (and every column mapped to ``objects``).
- ``image`` — an http(s) address, or a file path relative to the CSV's folder.

``parse_price``, ``parse_stock``, ``parse_status`` and ``parse_currency`` are the same rules the
product editor applies (``services.store``). Standard library (and ``domain``) only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from curator_console.domain.money import parse_amount
from curator_console.importers.csv_collection import CsvImport, preview_csv
from curator_console.importers.mapping import FieldScheme, make_scheme
from curator_console.importers.records import ImportFileError, Preview, RowProblem, clean_text

# Fields a product import can set, in the order the mapping dialog lists them.
PRODUCT_FIELDS: tuple[str, ...] = (
    "sku", "title", "alt_title", "price", "currency", "stock", "status", "url", "image", "objects",
)
HANDLE = "handle"  # Shopify's product handle: groups variant rows, stands in for a missing SKU
PRODUCT_TARGETS: tuple[str, ...] = PRODUCT_FIELDS + (HANDLE,)
TEXT_FIELDS = ("title", "alt_title")
STATUSES = ("active", "draft", "archived")
SKU_LIMIT = 100
TEXT_LIMIT = 500
URL_LIMIT = 2000
PRICE_LIMIT = Decimal(10) ** 14  # NUMERIC(18, 4)
PRICE_DECIMALS = 4
STOCK_LIMIT = 2**31 - 1

OBJECT_SPLIT = re.compile(r"[|;；、]")

_KNOWN: list[tuple[str, int, list[str]]] = [
    ("sku", 10, ["sku", "variant sku", "product sku", "item sku", "sku code", "product code", "item code",
                 "article number", "货号", "商品编码", "商品编号", "商品货号", "sku编码", "sku码", "商家编码"]),
    ("sku", 20, ["code", "编码"]),
    (HANDLE, 10, ["handle", "product handle"]),
    ("title", 10, ["title", "product title", "product name", "name", "商品名称", "名称", "标题", "品名", "商品名",
                   "商品标题", "中文名称"]),
    ("alt_title", 10, ["title en", "alt title", "alternative title", "english title", "english name", "name en",
                       "title (english)", "英文名称", "英文名", "英文标题", "外文名称"]),
    ("price", 10, ["price", "variant price", "unit price", "sale price", "retail price", "价格", "售价", "单价",
                   "零售价", "销售价", "价格(元)"]),
    ("currency", 10, ["currency", "currency code", "币种", "货币", "币别"]),
    ("stock", 10, ["stock", "quantity", "qty", "inventory", "variant inventory qty", "inventory quantity",
                   "available", "库存", "数量", "库存数量", "可售库存", "库存量"]),
    ("status", 10, ["status", "product status", "state", "状态", "上架状态", "商品状态", "销售状态"]),
    ("url", 10, ["url", "link", "product url", "product link", "store url", "shop url", "链接", "商品链接",
                 "网址", "购买链接"]),
    ("image", 10, ["image", "image src", "image url", "image file", "picture", "photo", "图片", "商品图片", "主图",
                   "图片链接", "图片地址"]),
    ("objects", 10, ["objects", "object", "object number", "object numbers", "linked objects",
                     "collection objects", "关联藏品", "藏品编号", "文物编号", "藏品", "关联文物"]),
]
# Shopify product-export columns that hold nothing the app keeps ("Variant Compare At Price" is a
# struck-through "was" price, never the price).
_IGNORED = [
    "variant compare at price", "compare at price", "body (html)", "body html", "vendor", "product category",
    "type", "tags", "published", "option1 name", "option1 value", "option1 linked to", "option2 name",
    "option2 value", "option2 linked to", "option3 name", "option3 value", "option3 linked to", "variant grams",
    "variant inventory tracker", "variant inventory policy", "variant fulfillment service",
    "variant requires shipping", "variant taxable", "variant barcode", "image position", "image alt text",
    "gift card", "seo title", "seo description", "variant image", "variant weight unit", "variant tax code",
    "cost per item", "included / international", "price / international", "compare at price / international",
    "google shopping / google product category", "google shopping / gender", "google shopping / age group",
    "google shopping / mpn", "google shopping / condition", "google shopping / custom product",
]
PRODUCTS: FieldScheme = make_scheme(
    "products", PRODUCT_TARGETS, _KNOWN, multi=("objects",),
    aliases={"images": "image", "object_number": "objects", "object_numbers": "objects", "links": "objects",
             "title_en": "alt_title", "quantity": "stock", "inventory": "stock", "link": "url"},
    ignored=_IGNORED,
)

# --- values ----------------------------------------------------------------------------------

# Currency marks written before or after an amount, and the currency each names.
_MARKS = {
    "¥": "CNY", "￥": "CNY", "元": "CNY", "rmb": "CNY", "cny": "CNY", "人民币": "CNY",
    "$": "USD", "us$": "USD", "usd": "USD", "美元": "USD",
    "€": "EUR", "eur": "EUR", "欧元": "EUR", "£": "GBP", "gbp": "GBP", "英镑": "GBP",
    "hk$": "HKD", "hkd": "HKD", "港币": "HKD", "港元": "HKD", "nt$": "TWD", "twd": "TWD",
    "jpy": "JPY", "円": "JPY", "日元": "JPY",
}
_AMOUNT = re.compile(r"^(?P<pre>[^\d+\-.]*?)\s*(?P<num>[+-]?[\d.,\s\u00a0]*\d[\d.,]*|[+-]?\.\d+)\s*(?P<post>[^\d]*)$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$|^\.\d+$")
_CODE = re.compile(r"^[A-Z]{3}$")
_CURRENCY_WORDS = {"rmb": "CNY", "人民币": "CNY", "元": "CNY", "美元": "USD", "欧元": "EUR", "英镑": "GBP",
                   "日元": "JPY", "港币": "HKD", "港元": "HKD", "新台币": "TWD"}
_STATUS_WORDS = {
    "active": "active", "on sale": "active", "onsale": "active", "published": "active", "live": "active",
    "enabled": "active", "available": "active", "true": "active", "yes": "active",
    "上架": "active", "在售": "active", "已上架": "active", "销售中": "active", "出售中": "active", "启用": "active",
    "draft": "draft", "unpublished": "draft", "草稿": "draft", "未发布": "draft", "待上架": "draft",
    "archived": "archived", "inactive": "archived", "disabled": "archived", "off sale": "archived",
    "discontinued": "archived", "false": "archived", "no": "archived",
    "下架": "archived", "已下架": "archived", "停售": "archived", "归档": "archived", "已归档": "archived",
}


def parse_price(value: object) -> tuple[Decimal | None, str]:
    """(amount, currency named by a symbol or code in the text, or "") — ``(None, "")`` for an empty
    cell. Raises ``ValueError`` with a plain reason for anything that is not a usable price."""
    if value is None:
        return None, ""
    if isinstance(value, float) or isinstance(value, bool):
        raise ValueError(f"a price must be written as text, not {type(value).__name__}")
    if isinstance(value, (int, Decimal)):
        amount, currency = parse_amount(value), ""
    else:
        text = clean_text(value).replace("\u00a0", " ")
        if not text:
            return None, ""
        match = _AMOUNT.match(text)
        if match is None:
            raise ValueError(f"“{text[:40]}” is not a price (write it like 128, 128.00, ¥128.00 or 1,280.50)")
        marks = [m.strip().casefold() for m in (match["pre"], match["post"]) if m.strip()]
        currencies = set()
        for mark in marks:
            if mark not in _MARKS:
                raise ValueError(f"“{text[:40]}” is not a price (write it like 128, 128.00, ¥128.00 or 1,280.50)")
            currencies.add(_MARKS[mark])
        if len(currencies) > 1:
            raise ValueError(f"“{text[:40]}” names two currencies")
        number = match["num"].replace(" ", "").replace("\u00a0", "")
        sign = ""
        if number[:1] in "+-":
            sign, number = number[:1], number[1:]
        if not (_PLAIN.match(number) or _GROUPED.match(number)):
            raise ValueError(f"“{text[:40]}” is not a price (write it like 128, 128.00, ¥128.00 or 1,280.50; "
                             "commas only between thousands)")
        amount = parse_amount(sign + number)
        currency = currencies.pop() if currencies else ""
    if amount < 0:
        raise ValueError("a price cannot be negative")
    if amount >= PRICE_LIMIT:
        raise ValueError(f"{amount} is too large for a price")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > PRICE_DECIMALS:
        raise ValueError(f"{amount} has more than {PRICE_DECIMALS} decimal places")
    return amount, currency


def parse_stock(value: object) -> int | None:
    """A stock count (``None`` for an empty cell: not tracked). Raises ``ValueError``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("stock must be a whole number")
    if isinstance(value, int):
        number = value
    else:
        text = clean_text(value).replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        body = text.lstrip("+-")
        if _GROUPED.match(body):
            body = body.replace(",", "")
        if not re.match(r"^\d+(?:\.0*)?$", body):
            raise ValueError(f"“{text[:40]}” is not a whole number of items in stock")
        number = int(body.split(".")[0])
        if text.startswith("-") and number:
            number = -number
    if number < 0:
        raise ValueError(f"stock cannot be negative ({number})")
    if number > STOCK_LIMIT:
        raise ValueError(f"{number} is too large for a stock count")
    return number


def parse_status(value: object) -> str | None:
    """active / draft / archived (``None`` for an empty cell). Raises ``ValueError``."""
    text = clean_text(value)
    if not text:
        return None
    found = _STATUS_WORDS.get(" ".join(text.casefold().split()))
    if found is None:
        raise ValueError(f"“{text[:40]}” is not a status: use active, draft or archived "
                         "(上架 / 在售, 草稿, 下架)")
    return found


def parse_currency(value: object) -> str | None:
    """A three-letter currency code, upper case (``None`` for an empty cell). Raises ``ValueError``."""
    text = clean_text(value)
    if not text:
        return None
    key = text.casefold()
    if key in _CURRENCY_WORDS:
        code = _CURRENCY_WORDS[key]
    elif len(text) != 3 and key in _MARKS:  # ¥, $, US$ …
        code = _MARKS[key]
    else:
        code = text.upper()
    if not _CODE.match(code):
        raise ValueError(f"“{text[:40]}” is not a currency code (three letters such as CNY, USD or EUR)")
    return code


def split_objects(values: Iterable[object]) -> tuple[str, ...]:
    """Object numbers from one or more cells, unique, in order."""
    out: list[str] = []
    for value in values:
        text = clean_text(value)
        if text:
            out.extend(p.strip() for p in OBJECT_SPLIT.split(text))
    return tuple(dict.fromkeys(p for p in out if p))


def is_web_address(text: str) -> bool:
    return text.lower().startswith(("http://", "https://")) and len(text) > 8


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductRecord:
    """One product row. ``fields`` holds only what the file has: ``title``/``alt_title`` (text),
    ``price`` (Decimal or None), ``stock`` (int or None), ``url`` (text), and — only when the cell
    is filled — ``status`` and ``currency``. ``image`` is ``None`` when there is nothing to set;
    ``objects`` is ``None`` when the file names none for this product."""

    row: int
    sku: str
    fields: Mapping[str, object]
    image: str | None = None
    objects: tuple[str, ...] | None = None
    problems: tuple[RowProblem, ...] = ()
    warnings: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def make_product_record(row: int, values: Mapping[str, object], problems: Iterable[RowProblem] = ()) -> ProductRecord:
    """A record from raw values keyed by target (only the targets the file has)."""
    found = list(problems)
    warnings: list[RowProblem] = []
    sku = clean_text(values.get("sku"))
    if not sku:
        found.append(RowProblem(row, "sku", "no SKU"))
    elif len(sku) > SKU_LIMIT:
        found.append(RowProblem(row, "sku", f"longer than {SKU_LIMIT} characters", sku))
    fields: dict[str, object] = {}
    for name in TEXT_FIELDS:
        if name in values:
            text = clean_text(values[name])
            if len(text) > TEXT_LIMIT:
                warnings.append(RowProblem(row, name, f"{len(text)} characters, cut to {TEXT_LIMIT}", sku))
                text = text[:TEXT_LIMIT]
            fields[name] = text
    hint = ""
    if "price" in values:
        try:
            fields["price"], hint = parse_price(values["price"])
        except ValueError as exc:
            found.append(RowProblem(row, "price", str(exc), sku))
    if "currency" in values:
        try:
            currency = parse_currency(values["currency"])
        except ValueError as exc:
            found.append(RowProblem(row, "currency", str(exc), sku))
        else:
            if currency and hint and currency != hint:
                found.append(RowProblem(row, "currency", f"the price is in {hint} but the currency column says "
                                                         f"{currency}", sku))
            if currency:
                fields["currency"] = currency
    if hint and "currency" not in fields:
        fields["currency"] = hint
    if "stock" in values:
        try:
            fields["stock"] = parse_stock(values["stock"])
        except ValueError as exc:
            found.append(RowProblem(row, "stock", str(exc), sku))
    if "status" in values:
        try:
            status = parse_status(values["status"])
        except ValueError as exc:
            found.append(RowProblem(row, "status", str(exc), sku))
        else:
            if status:
                fields["status"] = status
    if "url" in values:
        url = clean_text(values["url"])
        if url and (not is_web_address(url) or len(url) > URL_LIMIT):
            warnings.append(RowProblem(row, "url", f"“{url[:60]}” is not a web address (http:// or https://); "
                                                   "the link was left out", sku))
        else:
            fields["url"] = url
    image = clean_text(values.get("image")) or None
    objects = None
    if "objects" in values:
        raw = values["objects"]
        objects = split_objects(raw if isinstance(raw, (list, tuple)) else [raw]) or None
    found = [p if p.object_number or not sku else RowProblem(p.row, p.field, p.reason, sku) for p in found]
    return ProductRecord(row, sku, fields, image, objects, tuple(found), tuple(warnings))


class ProductCsvImport(CsvImport):
    """A product CSV opened for import (see the module docstring)."""

    def __init__(self, path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                 mapping: Mapping[str, str] | None = None,
                 require_mapping_headers: bool | Iterable[str] = False) -> None:
        super().__init__(path, encoding, delimiter, mapping, require_mapping_headers, scheme=PRODUCTS)

    @property
    def has_key(self) -> bool:
        """Whether some column gives the SKU (or a Shopify handle standing in for it)."""
        return bool({"sku", HANDLE} & self.plan.fields)

    def products(self) -> Iterator[ProductRecord]:
        first_of: dict[str, dict[str, object]] = {}  # Shopify handle → its first row's values
        for row, values, problems in self.rows_with_values():
            handle = clean_text(values.pop(HANDLE, ""))
            if handle:
                first = first_of.setdefault(handle, values)
                if first is not values:
                    no_sku = not clean_text(values.get("sku"))
                    if no_sku and not clean_text(values.get("price")) and not problems:
                        continue  # one of the product's extra images, not a variant
                    for name in ("title", "alt_title", "status", "url", "image"):
                        if name in values and not clean_text(values[name]):
                            values[name] = first.get(name, "")
                if not clean_text(values.get("sku")) and clean_text(values.get("price")):
                    values["sku"] = handle
            yield make_product_record(row, values, problems)


def open_products_csv(path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                      mapping: Mapping[str, str] | None = None,
                      require_mapping_headers: bool | Iterable[str] = False) -> ProductCsvImport:
    """The file opened, or ``ImportFileError`` when no column holds the SKU."""
    source = ProductCsvImport(path, encoding, delimiter, mapping, require_mapping_headers)
    if not source.has_key:
        source.close()
        raise ImportFileError(
            f"{source.path}: no column holds the SKU (headers such as “SKU”, “Variant SKU”, “货号”, “商品编码”); "
            f"map one with --map \"Header=sku\". The columns are: {', '.join(h for h in source.headers if h)}.")
    return source


def preview_products_csv(path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                         limit: int = 20, mapping: Mapping[str, str] | None = None) -> Preview:
    """The header, the first rows and the automatic product mapping, for the mapping dialog."""
    return preview_csv(path, encoding, delimiter, limit, mapping, scheme=PRODUCTS)


__all__ = ["HANDLE", "PRODUCTS", "PRODUCT_FIELDS", "PRODUCT_TARGETS", "STATUSES", "ProductCsvImport", "ProductRecord",
           "is_web_address", "make_product_record", "open_products_csv", "parse_currency", "parse_price",
           "parse_status", "parse_stock", "preview_products_csv", "split_objects"]
