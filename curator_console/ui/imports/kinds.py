"""What kind of file import a dialog runs: the collection's (objects), or the store's (products,
orders).

The file-import flow, the mapping dialog and the report dialog are the same for all; an
``ImportKind`` hands them the service functions and the fields of one kind. Texts that differ
("new objects" / "new products" / "new orders", "Object number" / "SKU" / "Order ID" …) are chosen
by ``key`` in the dialogs themselves, so that they stay translatable there.

A kind whose records belong to a connection (orders) gives ``connections``: the mapping dialog then
asks which one, and hands the choice to ``run`` as ``connection=``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from curator_console.importers.csv_orders import ORDER_FIELDS, REQUIRED_FIELDS
from curator_console.importers.csv_products import PRODUCT_TARGETS
from curator_console.importers.records import TARGETS
from curator_console.services import collection_import as ci
from curator_console.services import order_import as oi
from curator_console.services import product_import as pi


@dataclass(frozen=True)
class ImportKind:
    key: str  # "collection", "products" or "orders"
    preview: Callable  # (path, encoding=None, delimiter=None, limit=20) -> Preview
    run: Callable  # (uow, path, *, encoding, delimiter, mapping, strict, media_dir, progress, cancelled) -> ImportReport
    list_mappings: Callable
    save_mapping: Callable
    delete_mapping: Callable
    write_report_csv: Callable
    targets: tuple[str, ...]  # the fields a column can fill, in the order the combo boxes list them
    key_field: str  # the field records are matched by; the import cannot start without it
    required: tuple[str, ...] = ()  # other fields the import cannot start without
    connections: Callable | None = None  # (uow) -> [ConnectionRow] the records can go to; None: no choice


COLLECTION = ImportKind(
    key="collection", preview=ci.preview, run=ci.import_collection, list_mappings=ci.list_mappings,
    save_mapping=ci.save_mapping, delete_mapping=ci.delete_mapping, write_report_csv=ci.write_report_csv,
    targets=TARGETS, key_field="object_number",
)

PRODUCTS = ImportKind(
    key="products", preview=pi.preview, run=pi.import_products, list_mappings=pi.list_mappings,
    save_mapping=pi.save_mapping, delete_mapping=pi.delete_mapping, write_report_csv=pi.write_report_csv,
    targets=PRODUCT_TARGETS, key_field="sku",
)


def _import_orders(uow, path, *, media_dir=None, **options):
    """``order_import.import_orders`` with the flow's arguments (orders have no pictures)."""
    return oi.import_orders(uow, path, **options)


ORDERS = ImportKind(
    key="orders", preview=oi.preview, run=_import_orders, list_mappings=oi.list_mappings,
    save_mapping=oi.save_mapping, delete_mapping=oi.delete_mapping, write_report_csv=oi.write_report_csv,
    targets=ORDER_FIELDS, key_field="order_id", required=tuple(f for f in REQUIRED_FIELDS if f != "order_id"),
    connections=oi.import_connections,
)
