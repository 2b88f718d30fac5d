"""A store's order export as CSV: one row per order line, English and common Chinese headers.

Reading (encoding detection, delimiter sniffing, quoted newlines, row numbers as a spreadsheet
shows them, ragged and undecodable rows) is ``csv_collection.CsvImport``'s; this module adds the
order fields (``ORDERS``, a ``mapping.FieldScheme``), turns each row into an ``OrderLineRecord``
and groups the rows into orders (``group_orders``):

- ``order_id`` — required; rows with the same order id are one order, its lines numbered in row
  order (the rows need not be next to each other).
- ``created_at`` — ISO 8601 (``2026-03-14T09:30:00+08:00``, ``…Z``), also with a space or ``/``
  (``2026/3/14 9:30``) or a date alone (midnight). A time without an offset is read in the zone
  the caller gives (the museum's) and every time is returned in UTC. An empty cell on a later row
  of an order takes the order's time (exports often fill order-level cells on the first row only).
- ``sku`` — required. ``quantity`` — a whole number ≥ 1 (``2``, ``1,200``, ``2.0``).
- ``unit_price`` — a ``Decimal`` by ``csv_products.parse_price`` (``¥128.00``, ``1,280.50``,
  ``128 CNY``); a symbol or code in it names the currency when the currency cell is empty.
- ``currency`` — a code or a word (``CNY``, ``人民币``, ``美元``); else the price's, else another
  row of the order's, else the default the caller gives (the app's: CNY).

Rows of one order that disagree (another time or currency) are a problem naming both rows, and an
order with any bad row is rejected whole (each of its other rows says why), so an order is never
stored with lines missing. Standard library (and ``domain``) only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from pathlib import Path

from curator_console.domain.platform import OrderInfo, OrderLineInfo
from curator_console.importers.csv_collection import CsvImport, preview_csv
from curator_console.importers.csv_products import parse_currency, parse_price
from curator_console.importers.mapping import FieldScheme, make_scheme
from curator_console.importers.records import ImportFileError, Preview, RowProblem, clean_text

# Fields an order import fills, in the order the mapping dialog lists them.
ORDER_FIELDS: tuple[str, ...] = ("order_id", "created_at", "sku", "quantity", "unit_price", "currency")
REQUIRED_FIELDS: tuple[str, ...] = ("order_id", "created_at", "sku", "quantity", "unit_price")
ORDER_ID_LIMIT = 200  # store_order.platform_order_id
SKU_LIMIT = 100  # order_line.sku
QUANTITY_LIMIT = 2**31 - 1
DEFAULT_CURRENCY = "CNY"

_KNOWN: list[tuple[str, int, list[str]]] = [
    ("order_id", 10, ["order id", "order number", "order no", "order no.", "order #", "order ref",
                      "order reference", "platform order id", "external order id", "订单号", "订单编号", "订单id",
                      "订单编码", "订单号码", "平台订单号", "外部订单号", "主订单号", "主订单编号"]),
    ("order_id", 20, ["order", "订单"]),
    ("created_at", 10, ["created at", "created", "order date", "order time", "order created at", "created date",
                        "creation time", "date created", "date", "下单时间", "创建时间", "订单创建时间", "下单日期",
                        "订单时间", "订单日期", "成交时间", "日期"]),
    ("created_at", 20, ["time", "date time", "datetime", "时间"]),
    ("sku", 10, ["sku", "lineitem sku", "line item sku", "variant sku", "product sku", "item sku", "sku code",
                 "product code", "item code", "商品编码", "货号", "商家编码", "sku编码", "商品货号", "商品编号",
                 "规格编码", "商家sku"]),
    ("quantity", 10, ["quantity", "qty", "lineitem quantity", "line item quantity", "units", "数量", "购买数量",
                      "商品数量", "件数", "销售数量", "宝贝数量"]),
    ("unit_price", 10, ["unit price", "price", "lineitem price", "line item price", "item price", "sale price",
                        "单价", "商品单价", "成交单价", "成交价", "价格", "售价", "销售单价"]),
    ("currency", 10, ["currency", "currency code", "币种", "货币", "币别"]),
]
# Columns of common order exports (Shopify's among them) that hold nothing an order line keeps.
_IGNORED = [
    "email", "financial status", "paid at", "fulfillment status", "fulfilled at", "accepts marketing",
    "subtotal", "shipping", "taxes", "total", "discount code", "discount amount", "shipping method",
    "lineitem name", "lineitem compare at price", "lineitem requires shipping", "lineitem taxable",
    "lineitem fulfillment status", "lineitem discount", "product name", "title", "商品名称", "宝贝标题", "订单状态",
    "实付金额", "总金额", "订单金额", "买家", "买家昵称", "收货人", "备注", "买家留言",
]
ORDERS: FieldScheme = make_scheme(
    "orders", ORDER_FIELDS, _KNOWN,
    aliases={"order": "order_id", "id": "order_id", "order_number": "order_id", "order_no": "order_id",
             "date": "created_at", "created": "created_at", "time": "created_at", "qty": "quantity",
             "price": "unit_price"},
    ignored=_IGNORED,
)

# --- values ----------------------------------------------------------------------------------

_DATETIME = re.compile(
    r"^(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:T|\s+)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?"
    r"\s*(?P<tz>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$")
_WHOLE = re.compile(r"^\d+(?:\.0*)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def parse_created_at(value: object, tz: tzinfo = timezone.utc) -> datetime | None:
    """An order's time in UTC (``None`` for an empty cell). A time without an offset is read in
    ``tz``. Raises ``ValueError`` with a plain reason."""
    text = clean_text(value)
    if not text:
        return None
    match = _DATETIME.match(text)
    if match is None:
        raise ValueError(f"“{text[:40]}” is not a date and time (write it like 2026-03-14 09:30, "
                         "2026-03-14T09:30:00+08:00 or 2026-03-14T01:30:00Z)")
    fraction = (match["f"] or "")[:6].ljust(6, "0")
    try:
        naive = datetime(int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"] or 0),
                         int(match["mi"] or 0), int(match["s"] or 0), int(fraction))
    except ValueError:
        raise ValueError(f"“{text[:40]}” is not a date and time that exists") from None
    zone = match["tz"]
    if not zone:
        return naive.replace(tzinfo=tz).astimezone(timezone.utc)
    if zone.upper() in ("Z", "UTC", "GMT"):
        return naive.replace(tzinfo=timezone.utc)
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"“{zone}” in “{text[:40]}” is not a time-zone offset")
    offset = timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
    return naive.replace(tzinfo=timezone(offset)).astimezone(timezone.utc)


def parse_quantity(value: object) -> int | None:
    """A line's quantity, a whole number ≥ 1 (``None`` for an empty cell). Raises ``ValueError``."""
    text = clean_text(value).replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    body = text[1:] if text[:1] in "+-" else text
    if _GROUPED.match(body):
        body = body.replace(",", "")
    if not _WHOLE.match(body):
        raise ValueError(f"“{text[:40]}” is not a whole number of items")
    number = int(body.split(".")[0])
    if text.startswith("-") and number:
        raise ValueError(f"a quantity cannot be negative ({text[:40]})")
    if number < 1:
        raise ValueError("a quantity must be at least 1")
    if number > QUANTITY_LIMIT:
        raise ValueError(f"{number} is too large for a quantity")
    return number


def time_text(when: datetime, tz: tzinfo) -> str:
    """A stored time as a person reads it in the museum's zone (for messages)."""
    local = when.astimezone(tz)
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%d %H:%M:%S") + (f" {offset[:3]}:{offset[3:]}" if offset else "")


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderLineRecord:
    """One row of an order export. ``created_at`` (UTC), ``quantity``, ``unit_price`` are
    ``None`` when the cell is empty or could not be read (``problems`` then says why);
    ``currency`` is "" when neither the currency cell nor the price names one."""

    row: int
    order_id: str
    created_at: datetime | None
    sku: str
    quantity: int | None
    unit_price: Decimal | None
    currency: str
    problems: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def make_order_line_record(row: int, values: Mapping[str, object], problems: Iterable[RowProblem] = (),
                           tz: tzinfo = timezone.utc) -> OrderLineRecord:
    """A record from raw values keyed by field (only the fields the file has)."""
    found = list(problems)
    order_id = clean_text(values.get("order_id"))
    if not order_id:
        found.append(RowProblem(row, "order_id", "no order ID"))
    elif len(order_id) > ORDER_ID_LIMIT:
        found.append(RowProblem(row, "order_id", f"longer than {ORDER_ID_LIMIT} characters"))
    sku = clean_text(values.get("sku"))
    if not sku:
        found.append(RowProblem(row, "sku", "no SKU"))
    elif len(sku) > SKU_LIMIT:
        found.append(RowProblem(row, "sku", f"the SKU is longer than {SKU_LIMIT} characters"))
    created_at = None
    try:
        created_at = parse_created_at(values.get("created_at"), tz)
    except ValueError as exc:
        found.append(RowProblem(row, "created_at", str(exc)))
    quantity = None
    try:
        quantity = parse_quantity(values.get("quantity"))
        if quantity is None:
            found.append(RowProblem(row, "quantity", "no quantity"))
    except ValueError as exc:
        found.append(RowProblem(row, "quantity", str(exc)))
    price, hint = None, ""
    try:
        price, hint = parse_price(values.get("unit_price"))
        if price is None:
            found.append(RowProblem(row, "unit_price", "no unit price"))
    except ValueError as exc:
        found.append(RowProblem(row, "unit_price", str(exc)))
    currency = hint
    if "currency" in values:
        try:
            code = parse_currency(values["currency"])
        except ValueError as exc:
            found.append(RowProblem(row, "currency", str(exc)))
        else:
            if code and hint and code != hint:
                found.append(RowProblem(row, "currency", f"the unit price is in {hint} but the currency column "
                                                         f"says {code}"))
            currency = code or hint
    found = [p if p.object_number or not order_id else RowProblem(p.row, p.field, p.reason, order_id) for p in found]
    return OrderLineRecord(row, order_id, created_at, sku, quantity, price, currency, tuple(found))


@dataclass(frozen=True)
class OrderRecord:
    """One order of the file: its rows (in order) and the order as the store keeps it."""

    rows: tuple[int, ...]
    order: OrderInfo

    @property
    def order_id(self) -> str:
        return self.order.platform_order_id


def group_orders(records: Iterable[OrderLineRecord], *, default_currency: str = DEFAULT_CURRENCY,
                 tz: tzinfo = timezone.utc) -> tuple[list[OrderRecord], list[RowProblem]]:
    """The rows grouped by order id, in the order each id first appears, and the problems: every
    record's own, rows of one order that disagree on the time or currency (naming both rows), an
    order without a time, and — for an order with any problem — a note on each of its other rows
    that the whole order was skipped. Orders with a problem are not returned."""
    groups: dict[str, list[OrderLineRecord]] = {}
    problems: list[RowProblem] = []
    for record in records:
        if not record.order_id or len(record.order_id) > ORDER_ID_LIMIT:
            problems.extend(record.problems)
            continue
        groups.setdefault(record.order_id, []).append(record)
    orders: list[OrderRecord] = []
    for order_id, rows in groups.items():
        found: list[RowProblem] = [p for r in rows for p in r.problems]
        created: OrderLineRecord | None = None
        currency: OrderLineRecord | None = None
        for r in rows:
            if r.created_at is not None:
                if created is None:
                    created = r
                elif r.created_at != created.created_at:
                    found.append(RowProblem(
                        r.row, "created_at",
                        f"the rows of order “{order_id}” disagree on when it was created: row {created.row} says "
                        f"{time_text(created.created_at, tz)}, row {r.row} says {time_text(r.created_at, tz)}",
                        order_id))
            if r.currency:
                if currency is None:
                    currency = r
                elif r.currency != currency.currency:
                    found.append(RowProblem(
                        r.row, "currency",
                        f"the rows of order “{order_id}” disagree on its currency: row {currency.row} says "
                        f"{currency.currency}, row {r.row} says {r.currency}", order_id))
        if created is None and not any(p.field == "created_at" for p in found):
            found.append(RowProblem(rows[0].row, "created_at", f"no creation time in any row of order “{order_id}”",
                                    order_id))
        if found:
            bad_rows = sorted({p.row for p in found})
            for r in rows:
                if r.row not in bad_rows:
                    which = ", ".join(str(n) for n in bad_rows)
                    found.append(RowProblem(
                        r.row, "row", f"order “{order_id}” was skipped as a whole because its row"
                                      f"{'s' if len(bad_rows) > 1 else ''} {which} "
                                      f"{'have' if len(bad_rows) > 1 else 'has'} a problem", order_id))
            problems.extend(found)
            continue
        code = currency.currency if currency is not None else default_currency
        assert created is not None and created.created_at is not None
        lines = tuple(OrderLineInfo(sku=r.sku, quantity=r.quantity or 0, unit_price=r.unit_price or Decimal(0),
                                    currency=code) for r in rows)
        orders.append(OrderRecord(tuple(r.row for r in rows),
                                  OrderInfo(platform_order_id=order_id, created_at=created.created_at, lines=lines)))
    problems.sort(key=lambda p: p.row)
    return orders, problems


class OrderCsvImport(CsvImport):
    """An order CSV opened for import (see the module docstring)."""

    def __init__(self, path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                 mapping: Mapping[str, str] | None = None,
                 require_mapping_headers: bool | Iterable[str] = False) -> None:
        super().__init__(path, encoding, delimiter, mapping, require_mapping_headers, scheme=ORDERS)

    @property
    def missing_fields(self) -> list[str]:
        """The required fields no column fills."""
        return [f for f in REQUIRED_FIELDS if f not in self.plan.fields]

    def lines(self, tz: tzinfo = timezone.utc) -> Iterator[OrderLineRecord]:
        for row, values, problems in self.rows_with_values():
            yield make_order_line_record(row, values, problems, tz)


_FIELD_HINTS = {
    "order_id": "“Order ID”, “订单号”, “订单编号”",
    "created_at": "“Created at”, “Date”, “下单时间”, “创建时间”",
    "sku": "“SKU”, “商品编码”, “货号”",
    "quantity": "“Quantity”, “Qty”, “数量”",
    "unit_price": "“Unit price”, “Price”, “单价”",
}
_FIELD_WORDS = {"order_id": "the order ID", "created_at": "the time of the order", "sku": "the SKU",
                "quantity": "the quantity", "unit_price": "the unit price"}


def open_orders_csv(path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                    mapping: Mapping[str, str] | None = None,
                    require_mapping_headers: bool | Iterable[str] = False) -> OrderCsvImport:
    """The file opened, or ``ImportFileError`` naming the required fields no column holds."""
    source = OrderCsvImport(path, encoding, delimiter, mapping, require_mapping_headers)
    missing = source.missing_fields
    if missing:
        source.close()
        what = "; ".join(f"{_FIELD_WORDS[f]} (headers such as {_FIELD_HINTS[f]})" for f in missing)
        raise ImportFileError(
            f"{source.path}: no column holds {what}; map one with --map \"Header={missing[0]}\". "
            f"The columns are: {', '.join(h for h in source.headers if h)}.")
    return source


def preview_orders_csv(path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                       limit: int = 20, mapping: Mapping[str, str] | None = None) -> Preview:
    """The header, the first rows and the automatic order mapping, for the mapping dialog."""
    return preview_csv(path, encoding, delimiter, limit, mapping, scheme=ORDERS)


__all__ = ["DEFAULT_CURRENCY", "ORDERS", "ORDER_FIELDS", "REQUIRED_FIELDS", "OrderCsvImport", "OrderLineRecord",
           "OrderRecord", "group_orders", "make_order_line_record", "open_orders_csv", "parse_created_at",
           "parse_quantity", "preview_orders_csv", "time_text"]
