"""Product import: a shop's product list (CSV) into the store's products, in one transaction.

Reading is ``importers.csv_products`` (the collection import's CSV machinery with product fields:
Shopify exports, generic English and Chinese headers). The rules follow the collection import:

- Products are matched by SKU. A new SKU is inserted (status ``active`` and currency ``CNY`` unless
  the file says otherwise; a price written ``$12`` makes it USD). An existing product gets the
  fields the file *has*: a title, second-language title, price, stock or link column that is
  present sets the field even from an empty cell (an empty price or stock means "no price" /
  "not tracked"); an empty status or currency cell leaves the product's as it is. It counts as
  ``updated`` only when something changed, otherwise as ``unchanged``.
- Links to collection objects (an ``objects`` column: 藏品编号, 关联藏品 …) are **added**; an
  import never removes a link made in the app (an empty cell links nothing). An object number
  the collection does not have — or has in more than one museum — is a problem of the row: the
  row is skipped and listed, so a product is never imported half-linked. Import the collection
  first (or correct the number) and import the file again.
- Rows with problems are skipped and listed (``ImportReport.rejected``, field named): no SKU, a SKU
  repeated in the file, a price or stock that cannot be read, an unknown status or currency, an
  unknown object number, an image path leaving the file's folder. ``strict=True`` reads the whole
  file first and raises ``StrictImportError`` (nothing written) when any row has a problem.
- Warnings keep the product: a title cut to its column's length, a link that is not a web
  address (left out), an image that could not be stored.
- Images: an http(s) address is kept as the product's image address; a file path (relative to the
  CSV's folder) is copied into the media store. An import never removes an image.
- The whole import is ONE transaction: ``cancelled()`` is asked between batches and a cancel (or
  any error) rolls everything back (``ImportCancelled``); the database is then exactly as before.

Saved mappings are kept with ``kind="products"``; the report CSV names its key column ``sku``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, insert, select

from curator_console import paths
from curator_console.importers.csv_products import (
    PRODUCTS,
    ProductCsvImport,
    ProductRecord,
    open_products_csv,
    preview_products_csv,
)
from curator_console.importers.mapping import MappingError
from curator_console.importers.records import ImportFileError, ImportProgress, ImportReport, Preview, RowProblem
from curator_console.persistence import models as m
from curator_console.persistence.media import MediaError, MediaInfo, MediaStore
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork
from curator_console.services import collection_import as ci
from curator_console.services.collection_import import ImportCancelled, SavedMapping, StrictImportError

__all__ = [
    "BATCH", "ConcurrentEditError", "ImportCancelled", "ImportFileError", "ImportProgress", "ImportReport",
    "MAPPING_KIND", "MappingError", "Preview", "RowProblem", "SavedMapping", "StrictImportError", "delete_mapping",
    "get_mapping", "import_products", "list_mappings", "parse_map_option", "preview", "save_mapping",
    "write_report_csv",
]

BATCH = 500
LOOKUP_CHUNK = 500
MAPPING_KIND = "products"
REPORT_KEY = "sku"

_P = m.Product.__table__
_LINKS = m.ProductItem.__table__
_ITEMS = m.CollectionItem.__table__
_COMPARED = ("title", "alt_title", "price", "currency", "stock", "status", "url", "image_sha256", "image_url")


# --- sources, preview, mappings, report ------------------------------------------------------


def open_source(path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                mapping: Mapping[str, str] | None = None,
                require_mapping_headers: bool | Iterable[str] = False) -> ProductCsvImport:
    return open_products_csv(path, encoding, delimiter, mapping, require_mapping_headers)


def preview(path: Path | str, encoding: str | None = None, delimiter: str | None = None, limit: int = 20,
            format: str | None = None, mapping: Mapping[str, str] | None = None) -> Preview:
    """The header, the first ``limit`` rows and the automatic product mapping (CSV only)."""
    if format not in (None, "csv"):
        raise ImportFileError(f"products are imported from CSV files, not “{format}”.")
    return preview_products_csv(path, encoding, delimiter, limit, mapping)


_KIND = ci.ImportKind(MAPPING_KIND, PRODUCTS, REPORT_KEY)
parse_map_option = _KIND.parse_map_option
write_report_csv = _KIND.write_report_csv
save_mapping = _KIND.save_mapping
list_mappings = _KIND.list_mappings
get_mapping = _KIND.get_mapping
delete_mapping = _KIND.delete_mapping


# --- the import ------------------------------------------------------------------------------


def import_products(
    uow: UnitOfWork,
    path: Path | str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    mapping: Mapping[str, str] | None = None,
    require_mapping_headers: bool | Iterable[str] = False,
    strict: bool = False,
    media_dir: Path | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH,
    format: str | None = None,
) -> ImportReport:
    """Import a product CSV (see the module docstring). Raises ``ImportFileError`` /
    ``MappingError`` before anything is written when the file cannot be read at all,
    ``StrictImportError`` (with the report) in strict mode, ``ImportCancelled`` on cancel."""
    if format not in (None, "csv"):
        raise ImportFileError(f"products are imported from CSV files, not “{format}”.")
    path = Path(path)
    base_dir = path.resolve().parent

    def opened() -> ProductCsvImport:
        return open_source(path, encoding, delimiter, mapping, require_mapping_headers)

    source = opened()
    report = ImportReport(unknown_headers=source.unknown_headers, encoding=source.encoding,
                          delimiter=source.delimiter, format=source.format, path=str(path))
    try:
        with uow:
            writer = _Writer(uow, report, base_dir, media_dir)

            def check_cancel() -> None:
                if cancelled is not None and cancelled():
                    uow.rollback()
                    raise ImportCancelled("The import was cancelled; nothing was changed.")

            if strict:
                problems: list[RowProblem] = []
                checker = _Checker(base_dir)
                batch: list[_Prepared] = []
                for record in source.products():
                    batch.append(checker.prepare(record))
                    if len(batch) >= batch_size:
                        check_cancel()
                        writer.resolve_objects(batch)
                        problems.extend(p for prepared in batch for p in prepared.problems)
                        batch = []
                writer.resolve_objects(batch)
                problems.extend(p for prepared in batch for p in prepared.problems)
                if problems:
                    report.rejected.extend(problems)
                    raise StrictImportError(report)
                source.close()
                source = opened()
            ticker = ci.ProgressTicker(progress, lambda: source.fraction_read)
            checker = _Checker(base_dir)
            done = 0
            batch = []
            for record in source.products():
                done += 1
                batch.append(checker.prepare(record))
                if len(batch) >= batch_size:
                    check_cancel()
                    writer.write(batch)
                    batch = []
                    ticker.tick(done)
            check_cancel()
            writer.write(batch)
            check_cancel()
            uow.commit()
        ticker.tick(done, final=True)
        return report
    finally:
        source.close()


@dataclass(slots=True)
class _Prepared:
    record: ProductRecord
    problems: list[RowProblem]
    warnings: list[RowProblem]
    image: tuple[str, str, Path | None] | None = None  # (kind "url"/"file", as written, resolved path)
    item_ids: list[int] = field(default_factory=list)


class _Checker:
    """Checks that need no database: a SKU repeated in the file, image references."""

    def __init__(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir
        self.seen: dict[str, int] = {}

    def prepare(self, record: ProductRecord) -> _Prepared:
        row, sku = record.row, record.sku
        problems = list(record.problems)
        warnings = list(record.warnings)
        if sku:
            first = self.seen.get(sku)
            if first is not None:
                problems.append(RowProblem(row, "sku", f"the SKU “{sku}” already appeared in row {first}; only the "
                                                       "first is imported", sku))
            else:
                self.seen[sku] = row
        image = None
        if record.image:
            kind, resolved, problem = ci.image_reference(self.base_dir, record.image)
            if problem:
                problems.append(RowProblem(row, "image", problem, sku))
            elif kind == "skip":
                warnings.append(RowProblem(row, "image", ci.skipped_image_reason(record.image), sku))
            else:
                image = (kind, record.image, resolved)
        return _Prepared(record, problems, warnings, image)


class _Writer:
    """Writes batches of checked records inside the import's one transaction."""

    def __init__(self, uow: UnitOfWork, report: ImportReport, base_dir: Path, media_dir: Path | None) -> None:
        self.s = uow.session
        self.report = report
        self.base_dir = base_dir
        self.media_dir = media_dir
        self._media: MediaStore | None = None
        self._media_cache: dict[Path, MediaInfo | str] = {}
        self._objects: dict[str, list[int]] = {}  # object number → ids (several: more than one museum)
        self.sane_rowcount = self.s.get_bind().dialect.supports_sane_multi_rowcount

    # --- object numbers -------------------------------------------------------------------
    def resolve_objects(self, batch: list[_Prepared]) -> None:
        """Attach the object ids each record names; an unknown or ambiguous number is a problem."""
        wanted = {n for p in batch for n in (p.record.objects or ()) if n not in self._objects}
        numbers = sorted(wanted)
        for start in range(0, len(numbers), LOOKUP_CHUNK):
            chunk = numbers[start:start + LOOKUP_CHUNK]
            for number in chunk:
                self._objects[number] = []
            q = select(_ITEMS.c.object_number, _ITEMS.c.id).where(_ITEMS.c.object_number.in_(chunk))
            for number, item_id in self.s.execute(q):
                self._objects[number].append(item_id)
        for p in batch:
            r = p.record
            for number in r.objects or ():
                ids = self._objects.get(number, [])
                if not ids:
                    p.problems.append(RowProblem(r.row, "objects", f"no object in the collection has the number "
                                                                   f"“{number}”", r.sku))
                elif len(ids) > 1:
                    p.problems.append(RowProblem(r.row, "objects", f"the object number “{number}” exists in more "
                                                                   "than one museum", r.sku))
                elif ids[0] not in p.item_ids:
                    p.item_ids.append(ids[0])

    # --- images ---------------------------------------------------------------------------
    def _stored_image(self, p: _Prepared) -> str | None:
        """The SHA-256 of a local image once in the media store (None, with a warning, if it cannot be)."""
        assert p.image is not None
        _kind, ref, resolved = p.image
        cached = self._media_cache.get(resolved)
        if cached is None:
            if self._media is None:
                self._media = MediaStore(self.media_dir or paths.media_dir())
            try:
                cached = self._media.add_file(resolved)
            except MediaError as exc:
                cached = str(exc)
            self._media_cache[resolved] = cached
        if isinstance(cached, str):
            p.warnings.append(RowProblem(p.record.row, "image", cached, p.record.sku))
            return None
        return cached.sha256

    def _values(self, p: _Prepared) -> dict[str, object]:
        values = dict(p.record.fields)
        if p.image is not None:
            kind, ref, _resolved = p.image
            if kind == "url":
                values["image_url"] = ref
            else:
                sha = self._stored_image(p)
                if sha:
                    values["image_sha256"] = sha
        return values

    # --- a batch --------------------------------------------------------------------------
    def write(self, batch: list[_Prepared]) -> None:
        if not batch:
            return
        report = self.report
        self.resolve_objects(batch)
        good: list[_Prepared] = []
        for p in batch:
            if p.problems:
                report.rejected.extend(p.problems)
            else:
                good.append(p)
        if not good:
            return
        existing = self._existing([p.record.sku for p in good])
        now = m.utcnow()
        new_rows: list[dict] = []
        new_links: list[tuple[str, list[int]]] = []
        updates: dict[tuple[str, ...], list[dict]] = {}
        touched: list[tuple[int, int, list[int], dict]] = []  # (id, version, item ids, changes)
        for p in good:
            values = self._values(p)
            report.warnings.extend(p.warnings)
            row = existing.get(p.record.sku)
            if row is None:
                new_rows.append({
                    "sku": p.record.sku, "title": values.get("title", ""), "alt_title": values.get("alt_title", ""),
                    "price": values.get("price"), "currency": values.get("currency") or "CNY",
                    "stock": values.get("stock"), "status": values.get("status") or "active",
                    "url": values.get("url", ""), "image_sha256": values.get("image_sha256", ""),
                    "image_url": values.get("image_url", ""), "external_id": "", "version": 1,
                    "created_at": now, "updated_at": now,
                })
                new_links.append((p.record.sku, p.item_ids))
                continue
            changes = {k: v for k, v in values.items() if k in _COMPARED and row[k] != v}
            touched.append((row["id"], row["version"], p.item_ids, changes))
        if new_rows:
            self.s.execute(insert(_P), new_rows)
            ids = self._existing([sku for sku, _items in new_links])
            links = [{"product_id": ids[sku]["id"], "item_id": i} for sku, items in new_links for i in items]
            if links:
                self.s.execute(insert(_LINKS), links)
            report.imported += len(new_rows)
        if touched:
            have = self._links([pid for pid, _v, items, _c in touched if items])
            links = []
            for product_id, version, items, changes in touched:
                extra = [i for i in items if i not in have.get(product_id, set())]
                links.extend({"product_id": product_id, "item_id": i} for i in extra)
                if changes or extra:
                    params = {"b_id": product_id, "b_version": version, "updated_at": now, **changes}
                    updates.setdefault(tuple(sorted(params)), []).append(params)
                    report.updated += 1
                else:
                    report.unchanged += 1
            if links:
                self.s.execute(insert(_LINKS), links)
            for params in updates.values():
                stmt = (_P.update().where(_P.c.id == bindparam("b_id"), _P.c.version == bindparam("b_version"))
                        .values(version=_P.c.version + 1))
                rowcount = self.s.execute(stmt, params).rowcount
                if self.sane_rowcount and rowcount != len(params):
                    raise ConcurrentEditError(
                        "Some products were changed by someone else during the import, so nothing was imported. "
                        "Run the import again.")

    def _existing(self, skus: list[str]) -> dict[str, dict]:
        found: dict[str, dict] = {}
        columns = [_P.c.id, _P.c.sku, _P.c.version, *(_P.c[c] for c in _COMPARED)]
        for start in range(0, len(skus), LOOKUP_CHUNK):
            chunk = skus[start:start + LOOKUP_CHUNK]
            for row in self.s.execute(select(*columns).where(_P.c.sku.in_(chunk))).mappings():
                found[row["sku"]] = dict(row)
        return found

    def _links(self, product_ids: list[int]) -> dict[int, set[int]]:
        out: dict[int, set[int]] = {}
        for start in range(0, len(product_ids), LOOKUP_CHUNK):
            chunk = product_ids[start:start + LOOKUP_CHUNK]
            q = select(_LINKS.c.product_id, _LINKS.c.item_id).where(_LINKS.c.product_id.in_(chunk))
            for product_id, item_id in self.s.execute(q):
                out.setdefault(product_id, set()).add(item_id)
        return out
