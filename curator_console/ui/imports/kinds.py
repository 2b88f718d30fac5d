"""What kind of file import a dialog runs: the collection's (objects) or the store's (products).

The file-import flow, the mapping dialog and the report dialog are the same for both; an
``ImportKind`` hands them the service functions and the fields of one kind. Texts that differ
("new objects" / "new products", "Object number" / "SKU" …) are chosen by ``key`` in the dialogs
themselves, so that they stay translatable there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from curator_console.importers.csv_products import PRODUCT_TARGETS
from curator_console.importers.records import TARGETS
from curator_console.services import collection_import as ci
from curator_console.services import product_import as pi


@dataclass(frozen=True)
class ImportKind:
    key: str  # "collection" or "products"
    preview: Callable  # (path, encoding=None, delimiter=None, limit=20) -> Preview
    run: Callable  # (uow, path, *, encoding, delimiter, mapping, strict, media_dir, progress, cancelled) -> ImportReport
    list_mappings: Callable
    save_mapping: Callable
    delete_mapping: Callable
    write_report_csv: Callable
    targets: tuple[str, ...]  # the fields a column can fill, in the order the combo boxes list them
    key_field: str  # the field records are matched by; the import cannot start without it


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
