"""Collection import: CSV, JSON and IIIF files (and records from connectors) into the collection.

Semantics
---------
- Objects are matched by object number within the target museum: the database's first museum;
  when there is none, one is created, named after the file (``MetObjects.csv`` → "MetObjects") or
  "My museum" — inside the import's transaction, so a cancelled or refused import leaves none.
- A new object is inserted; an existing one is updated with the fields the source *has* (a CSV
  column that is present, even with an empty cell; a JSON key that is present). It counts as
  ``updated`` only when something changed, otherwise as ``unchanged``. Tags, when the source has a
  tags column, replace the object's tags; images are added when the object does not have them yet
  (same content hash or same URL) and are never removed by an import.
- Rows with problems are skipped and listed (``ImportReport.rejected``): no object number, an
  object number repeated in the file (the second and later occurrences), more cells than headers,
  undecodable bytes, a year that is not a whole number, an object number longer than its column,
  an image path leaving the import file's folder (``../``, absolute paths, links pointing out).
  ``strict=True`` reads the whole source first and raises ``StrictImportError`` (nothing written)
  when any row has a problem.
- Warnings keep the object: text cut to its column's length, an image that is missing, not an
  image, too large or unreadable (field ``image``), a IIIF manifest without an object number.
- The whole import is ONE transaction — objects, tags, images rows, search index — committed at
  the end only. ``cancelled()`` is asked between batches: when it says so the transaction is rolled
  back and ``ImportCancelled`` raised; any error rolls back the same way. The database is then
  exactly as before. (Image *files* copied into the media store before a rollback stay there:
  stored under their content hash, unreferenced, harmless.)
- Local images are copied into the media store (``paths.media_dir()``) before the commit; remote
  URLs are stored as ``ItemImage(source_url=…, sha256="")`` for the background fetcher.

Speed: rows go through in batches (``BATCH`` rows): one chunked ``IN`` lookup of existing object
numbers, one executemany INSERT for the new objects (then one lookup of their ids), executemany
UPDATEs (optimistic: ``WHERE version = …``) for changed ones, one executemany each for tags, image
rows and the search index (``SearchIndex.index``).

Progress: ``progress(ImportProgress)`` at most every ``PROGRESS_INTERVAL_S`` and once at the end.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import String, bindparam, delete, insert, select

from curator_console import paths
from curator_console.importers.csv_collection import CsvImport, preview_csv
from curator_console.importers.json_collection import JsonImport, preview_json
from curator_console.importers.mapping import FieldScheme, MappingError, parse_map_option, parse_targets
from curator_console.importers.records import (
    TEXT_FIELDS,
    YEAR_FIELDS,
    ImportFileError,
    ImportProgress,
    ImportReport,
    ObjectRecord,
    Preview,
    RowProblem,
)
from curator_console.persistence import models as m
from curator_console.persistence.media import MediaError, MediaInfo, MediaStore, resolve_inside
from curator_console.persistence.search import SearchIndex
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork

__all__ = [
    "BATCH", "FORMATS", "ConcurrentEditError", "ImportCancelled", "ImportFileError", "ImportProgress", "ImportReport", "MappingError",
    "Preview", "RowProblem", "SavedMapping", "StrictImportError", "delete_mapping", "get_mapping",
    "import_collection", "import_records", "list_mappings", "open_source", "parse_map_option", "preview",
    "save_mapping",
    "write_report_csv",
]

BATCH = 1000
LOOKUP_CHUNK = 500  # bound parameters per IN (…) lookup
PROGRESS_INTERVAL_S = 0.1
FORMATS = ("csv", "json", "iiif")
MAPPING_KIND = "collection"
DEFAULT_MUSEUM = "My museum"

_ITEMS = m.CollectionItem.__table__
_TAGS = m.ItemTag.__table__
_IMAGES = m.ItemImage.__table__
_FIELD_COLUMNS: tuple[str, ...] = TEXT_FIELDS + YEAR_FIELDS
_ITEM_INSERT: tuple[str, ...] = ("museum_id", "object_number", *TEXT_FIELDS, "begin_year", "end_year", "source",
                                 "version", "created_at", "updated_at")
_LIMITS: dict[str, int] = {
    c.name: c.type.length for c in _ITEMS.columns if isinstance(c.type, String) and c.type.length
}
_TAG_LIMIT = _TAGS.c.tag.type.length or 200
_URL_LIMIT = _IMAGES.c.source_url.type.length or 2000
_NAME_LIMIT = _IMAGES.c.original_name.type.length or 500
_REMOTE = ("http://", "https://")


class ImportCancelled(Exception):
    """The import was cancelled; nothing was written."""


class StrictImportError(Exception):
    """``strict`` and some rows have problems: nothing was written. ``report.rejected`` lists them."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        n = report.rejected_rows
        super().__init__(f"{report.path or 'the import'}: {n} row{'s' if n != 1 else ''} "
                         f"{'have' if n != 1 else 'has'} problems, so nothing was imported (strict mode).")


@dataclass(frozen=True)
class SavedMapping:
    name: str
    mapping: dict[str, str]


# --- sources ---------------------------------------------------------------------------------


def _guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonld", ".manifest"):
        return "json"
    if suffix in (".csv", ".tsv", ".tab", ".txt"):
        return "csv"
    try:
        with open(path, "rb") as fh:
            head = fh.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return "csv"  # the CSV reader says why it cannot be read
    return "json" if head[:1] in (b"{", b"[") else "csv"


def open_source(path: Path | str, format: str | None = None, encoding: str | None = None,
                delimiter: str | None = None, mapping: Mapping[str, str] | None = None,
                require_mapping_headers: bool | Iterable[str] = False) -> CsvImport | JsonImport:
    """The file opened by the reader for its format (``None``: by extension, then by content)."""
    path = Path(path)
    if format is not None and format not in FORMATS:
        raise ImportFileError(f"“{format}” is not an import format ({', '.join(FORMATS)}).")
    kind = format or _guess_format(path)
    if kind == "csv":
        source: CsvImport | JsonImport = CsvImport(path, encoding, delimiter, mapping, require_mapping_headers)
        if "object_number" not in source.plan.fields:
            source.close()
            raise ImportFileError(
                f"{path}: no column holds the object number (headers such as “Object Number”, "
                f"“dcterms:identifier”, “藏品编号”, “登记号”); map one with --map \"Header=object_number\". "
                f"The columns are: {', '.join(h for h in source.headers if h)}.")
        return source
    return JsonImport(path, mapping, require_mapping_headers, expect="iiif" if kind == "iiif" else None)


def preview(path: Path | str, encoding: str | None = None, delimiter: str | None = None, limit: int = 20,
            format: str | None = None, mapping: Mapping[str, str] | None = None) -> Preview:
    """The header, the first ``limit`` rows and the automatic mapping, for the mapping dialog."""
    path = Path(path)
    kind = format or _guess_format(path)
    if kind == "csv":
        return preview_csv(path, encoding, delimiter, limit, mapping)
    return preview_json(path, limit, mapping)


# --- the import ------------------------------------------------------------------------------


def import_collection(
    uow: UnitOfWork,
    path: Path | str,
    *,
    format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    mapping: Mapping[str, str] | None = None,
    require_mapping_headers: bool | Iterable[str] = False,
    strict: bool = False,
    media_dir: Path | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH,
) -> ImportReport:
    """Import a CSV / JSON / IIIF file into the collection (see the module docstring).

    ``mapping`` (header → field spec) overrides the automatic header mapping; a header named by
    ``require_mapping_headers`` (``True``: every one in ``mapping``) that the file lacks is a
    ``MappingError`` (``--map`` typed by a person; a saved mapping's other headers may be missing).
    Raises ``ImportFileError`` / ``MappingError`` before anything is written when the file cannot be
    read at all, ``StrictImportError`` (with the report) in strict mode, ``ImportCancelled``."""
    path = Path(path)
    base_dir = path.resolve().parent

    def opened() -> CsvImport | JsonImport:
        return open_source(path, format, encoding, delimiter, mapping, require_mapping_headers)

    source = opened()
    report = ImportReport(unknown_headers=source.unknown_headers, encoding=source.encoding,
                          delimiter=source.delimiter, format=source.format, path=str(path))
    try:
        if strict:
            _refuse_if_any_problem(source.records(), base_dir, report)
            source.close()
            source = opened()
        return _run(uow, source.records(), lambda: source.fraction_read, base_dir, report,
                    museum_name=path.stem, media_dir=media_dir, progress=progress, cancelled=cancelled,
                    batch_size=batch_size)
    finally:
        source.close()


def import_records(
    uow: UnitOfWork,
    records: Iterable[ObjectRecord],
    *,
    total: int | None = None,
    base_dir: Path | None = None,
    strict: bool = False,
    museum_name: str = "",
    source_label: str = "",
    media_dir: Path | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH,
) -> ImportReport:
    """Import records made elsewhere (the Met / AIC / IIIF-over-HTTP connectors) with the same
    rules. Image references should be URLs; local paths need ``base_dir`` and must lie inside it."""
    report = ImportReport(format=source_label, path=source_label)
    if strict:
        records = list(records)
        _refuse_if_any_problem(records, base_dir, report)
        total = len(records)
    counted = {"n": 0}

    def counting() -> Iterator[ObjectRecord]:
        for record in records:
            counted["n"] += 1
            yield record

    def fraction() -> float:
        return counted["n"] / total if total else 0.0

    return _run(uow, counting(), fraction, base_dir, report, museum_name=museum_name, media_dir=media_dir,
                progress=progress, cancelled=cancelled, batch_size=batch_size)


def _refuse_if_any_problem(records: Iterable[ObjectRecord], base_dir: Path | None, report: ImportReport) -> None:
    checker = _Checker(base_dir)
    for record in records:
        prepared = checker.prepare(record)
        if prepared.problems:
            report.rejected.extend(prepared.problems)
    if report.rejected:
        raise StrictImportError(report)


@dataclass(slots=True)
class _Prepared:
    record: ObjectRecord
    fields: dict
    tags: tuple[str, ...] | None
    images: list[tuple[str, str, Path | None]]  # (kind "url"/"file", as written, resolved path)
    problems: list[RowProblem]
    warnings: list[RowProblem]


class _Checker:
    """Per-record checks that need no database: duplicates, column lengths, image paths."""

    def __init__(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir
        self.seen: dict[str, int] = {}

    def prepare(self, record: ObjectRecord) -> _Prepared:
        row, number = record.row, record.object_number
        problems = list(record.problems)
        warnings = list(record.warnings)
        if number:
            first = self.seen.get(number)
            if first is not None:
                problems.append(RowProblem(row, "object_number",
                                           f"the object number “{number}” already appeared in row {first}; "
                                           "only the first is imported", number))
            else:
                self.seen[number] = row
            if len(number) > _LIMITS["object_number"]:
                problems.append(RowProblem(row, "object_number",
                                           f"longer than {_LIMITS['object_number']} characters", number))
        fields = record.fields
        for name, value in fields.items():
            limit = _LIMITS.get(name)
            if limit and isinstance(value, str) and len(value) > limit:
                if fields is record.fields:
                    fields = dict(fields)
                fields[name] = value[:limit]
                warnings.append(RowProblem(row, name, f"{len(value)} characters, cut to {limit}", number))
        tags = record.tags
        if tags and any(len(t) > _TAG_LIMIT for t in tags):
            warnings.append(RowProblem(row, "tags", f"a tag longer than {_TAG_LIMIT} characters was cut", number))
            tags = tuple(dict.fromkeys(t[:_TAG_LIMIT].strip() for t in tags))
        images: list[tuple[str, str, Path | None]] = []
        for ref in record.images or ():
            kind, resolved, problem = self._image(ref)
            if problem:
                problems.append(RowProblem(row, "image", problem, number))
            elif kind == "skip":
                warnings.append(RowProblem(row, "image", _skipped_reason(ref), number))
            else:
                images.append((kind, ref, resolved))
        return _Prepared(record, dict(fields), tags, images, problems, warnings)

    def _image(self, ref: str) -> tuple[str, Path | None, str | None]:
        lower = ref.lower()
        if lower.startswith(_REMOTE):
            if len(ref) > _URL_LIMIT:
                return "skip", None, None
            return "url", None, None
        if lower.startswith("file:") or (len(ref) > 2 and ref[1] == ":" and ref[0].isalpha()) or ref.startswith(
                ("\\\\", "//", "/", "\\")):
            return "", None, (f"the image path “{ref}” is absolute; only images inside the import file's folder "
                              "(paths relative to it) are imported")
        if "://" in ref:
            return "skip", None, None
        if self.base_dir is None:
            return "", None, f"“{ref}” is a local path, but this import has no folder to look for images in"
        resolved = resolve_inside(self.base_dir, ref.replace("\\", "/"))
        if resolved is None:
            return "", None, (f"the image path “{ref}” leads outside the import file's folder; only images "
                              "inside it are imported")
        return "file", resolved, None


def image_reference(base_dir: Path | None, ref: str) -> tuple[str, Path | None, str | None]:
    """How an import treats an image reference: ("url", None, None), ("file", resolved path, None),
    ("skip", None, None) for something that is neither, or ("", None, problem) for a path that is
    absolute or leaves ``base_dir`` (the import file's folder). Product imports share these rules."""
    return _Checker(base_dir)._image(ref)


def skipped_image_reason(ref: str) -> str:
    """Why a ``"skip"`` image reference was left out (for the report)."""
    return _skipped_reason(ref)


def _skipped_reason(ref: str) -> str:
    if ref.lower().startswith(_REMOTE):
        return f"the image address is longer than {_URL_LIMIT} characters; it was skipped"
    return f"“{ref[:80]}” is neither a file path nor an http(s) address; it was skipped"


class _Progress:
    def __init__(self, callback: Callable[[ImportProgress], None] | None, fraction: Callable[[], float]) -> None:
        self.callback = callback
        self.fraction = fraction
        self.started = time.monotonic()
        self.last = 0.0

    def tick(self, done: int, final: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if not final and now - self.last < PROGRESS_INTERVAL_S:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        fraction = 1.0 if final else self.fraction()
        total = done if final or fraction <= 0 else max(done, int(round(done / fraction)))
        left = 0.0 if final else ((total - done) / rate if rate > 0 and fraction > 0 else None)
        self.callback(ImportProgress(rows_done=done, rows_total_estimate=total, rows_per_s=rate, seconds_left=left))


ProgressTicker = _Progress  # ``ProgressTicker(callback, fraction).tick(rows_done, final=False)``: shared with product imports


def _run(uow: UnitOfWork, records: Iterable[ObjectRecord], fraction: Callable[[], float], base_dir: Path | None,
         report: ImportReport, *, museum_name: str, media_dir: Path | None,
         progress: Callable[[ImportProgress], None] | None, cancelled: Callable[[], bool] | None,
         batch_size: int) -> ImportReport:
    checker = _Checker(base_dir)
    ticker = _Progress(progress, fraction)
    done = 0
    with uow:
        writer = _Writer(uow, report, museum_name, media_dir)

        def check_cancel() -> None:
            if cancelled is not None and cancelled():
                uow.rollback()
                raise ImportCancelled("The import was cancelled; nothing was changed.")

        batch: list[_Prepared] = []
        for record in records:
            done += 1
            prepared = checker.prepare(record)
            if prepared.problems:
                report.rejected.extend(prepared.problems)
                continue
            batch.append(prepared)
            if len(batch) >= batch_size:
                check_cancel()
                writer.write(batch)
                batch = []
                ticker.tick(done)
        check_cancel()
        if batch:
            writer.write(batch)
        check_cancel()
        uow.commit()
    report.museum = writer.museum_name
    ticker.tick(done, final=True)
    return report


class _Writer:
    """Writes batches of checked records inside the import's one transaction."""

    def __init__(self, uow: UnitOfWork, report: ImportReport, museum_name: str, media_dir: Path | None) -> None:
        self.uow = uow
        self.s = uow.session
        self.report = report
        self.museum_name_hint = museum_name
        self.museum_id: int | None = None
        self.museum_name = ""
        self.media_dir = media_dir
        self._media: MediaStore | None = None
        self._media_cache: dict[Path, MediaInfo | str] = {}
        dialect = self.s.get_bind().dialect
        self.dialect = dialect
        self.sane_rowcount = dialect.supports_sane_multi_rowcount
        # Bulk inserts go straight to the driver's executemany with positional rows (SQLAlchemy's
        # per-row parameter processing costs more than SQLite's insert itself); drivers with
        # another parameter style fall back to Core inserts.
        self._mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)
        self._sql: dict[str, str] = {}
        museum = uow.repos.museums.first()
        if museum is not None:
            self.museum_id, self.museum_name = museum.id, museum.name

    # --- helpers --------------------------------------------------------------------------
    def _museum(self) -> int:
        if self.museum_id is None:
            name = (self.museum_name_hint or "").strip()[:300] or DEFAULT_MUSEUM
            museum = self.uow.repos.museums.add(m.Museum(code="MUSEUM", name=name))
            self.s.flush()
            self.museum_id, self.museum_name = museum.id, museum.name
        return self.museum_id

    def _media_store(self) -> MediaStore:
        if self._media is None:
            self._media = MediaStore(self.media_dir or paths.media_dir())
        return self._media

    def _lookup(self, numbers: list[str], columns) -> dict[str, tuple]:
        found: dict[str, tuple] = {}
        if self.museum_id is None:
            return found
        for start in range(0, len(numbers), LOOKUP_CHUNK):
            chunk = numbers[start:start + LOOKUP_CHUNK]
            q = select(_ITEMS.c.object_number, *columns).where(
                _ITEMS.c.museum_id == self.museum_id, _ITEMS.c.object_number.in_(chunk))
            for row in self.s.execute(q):
                found[row[0]] = tuple(row[1:])
        return found

    def _by_item(self, table, columns, item_ids: list[int], order) -> dict[int, list[tuple]]:
        out: dict[int, list[tuple]] = {}
        for start in range(0, len(item_ids), LOOKUP_CHUNK):
            chunk = item_ids[start:start + LOOKUP_CHUNK]
            q = select(table.c.item_id, *columns).where(table.c.item_id.in_(chunk)).order_by(table.c.item_id, order)
            for row in self.s.execute(q):
                out.setdefault(row[0], []).append(tuple(row[1:]))
        return out

    def _bound(self, column, value):
        """A constant as the driver takes it (e.g. an aware datetime → the column's stored form)."""
        processor = column.type.bind_processor(self.dialect)
        return processor(value) if processor is not None else value

    def _insert_many(self, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        if self._mark is None:
            self.s.execute(insert(table), [dict(zip(columns, r)) for r in rows])
            return
        sql = self._sql.get(table.name)
        if sql is None:
            quote = self.dialect.identifier_preparer.quote
            sql = self._sql[table.name] = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                                           f"VALUES ({', '.join([self._mark] * len(columns))})")
        self.s.connection().exec_driver_sql(sql, rows)

    def _image_info(self, path: Path) -> MediaInfo | str:
        cached = self._media_cache.get(path)
        if cached is None:
            try:
                cached = self._media_store().add_file(path)
            except MediaError as exc:
                cached = str(exc)
            self._media_cache[path] = cached
        return cached

    # --- a batch --------------------------------------------------------------------------
    def write(self, batch: list[_Prepared]) -> None:
        report = self.report
        existing_cols = [_ITEMS.c.id, _ITEMS.c.version, *(_ITEMS.c[f] for f in _FIELD_COLUMNS)]
        existing = self._lookup([p.record.object_number for p in batch], existing_cols)
        museum_id = self._museum()
        now = m.utcnow()
        docs: list[tuple[int, dict]] = []  # (item id, fields) of new objects: indexed without a delete
        redocs: list[tuple[int, dict]] = []  # (item id, fields) of updated objects: re-indexed
        tag_rows: list[dict] = []
        image_jobs: list[tuple[int, _Prepared, set[str], set[str], int]] = []  # id, record, shas, urls, next position
        new: list[_Prepared] = []
        old: list[_Prepared] = []
        for p in batch:
            (old if p.record.object_number in existing else new).append(p)
            report.warnings.extend(p.warnings)

        if new:
            stamp = self._bound(_ITEMS.c.created_at, now)
            rows: list[tuple] = []
            texts: list[list] = []
            for p in new:
                fields = p.fields
                values = [fields.get(f, "") for f in TEXT_FIELDS]
                texts.append(values)
                rows.append((museum_id, p.record.object_number, *values, fields.get("begin_year"),
                             fields.get("end_year"), (p.record.source or report.format or "import")[:100], 1,
                             stamp, stamp))
            self._insert_many(_ITEMS, _ITEM_INSERT, rows)
            ids = self._lookup([p.record.object_number for p in new], [_ITEMS.c.id])
            for p, values in zip(new, texts):
                item_id = ids[p.record.object_number][0]
                tags = p.tags or ()
                tag_rows.extend((item_id, t, i) for i, t in enumerate(tags))
                doc = dict(zip(TEXT_FIELDS, values))
                doc["object_number"] = p.record.object_number
                doc["tags"] = tags
                docs.append((item_id, doc))
                if p.images:
                    image_jobs.append((item_id, p, set(), set(), 0))
            report.imported += len(new)

        unchanged: dict[int, int] = {}  # item id → version, for objects nothing but new images may change
        if old:
            ids = [existing[p.record.object_number][0] for p in old]
            old_tags = self._by_item(_TAGS, [_TAGS.c.tag], ids, _TAGS.c.position)
            with_images = [existing[p.record.object_number][0] for p in old if p.images]
            old_images = self._by_item(_IMAGES, [_IMAGES.c.sha256, _IMAGES.c.source_url, _IMAGES.c.position],
                                       with_images, _IMAGES.c.position) if with_images else {}
            updates: dict[tuple[str, ...], list[dict]] = {}
            retag: list[int] = []
            for p in old:
                item_id, version, *values = existing[p.record.object_number]
                current = dict(zip(_FIELD_COLUMNS, values))
                tags = tuple(t for (t,) in old_tags.get(item_id, ()))
                changed = any(current[k] != v for k, v in p.fields.items())
                if p.tags is not None and p.tags != tags:
                    tags = p.tags
                    retag.append(item_id)
                    tag_rows.extend((item_id, t, i) for i, t in enumerate(tags))
                    changed = True
                if p.images:
                    have = old_images.get(item_id, [])
                    shas = {sha for sha, _url, _pos in have if sha}
                    urls = {url for _sha, url, _pos in have if url}
                    position = max((pos for _s, _u, pos in have), default=-1) + 1
                    image_jobs.append((item_id, p, shas, urls, position))
                if changed:
                    params = {"b_id": item_id, "b_version": version, "updated_at": now, **p.fields}
                    updates.setdefault(tuple(sorted(p.fields)), []).append(params)
                    current.update(p.fields)
                    current["object_number"] = p.record.object_number
                    current["tags"] = tags
                    redocs.append((item_id, current))
                    report.updated += 1
                else:
                    unchanged[item_id] = version
            for params in updates.values():
                stmt = (_ITEMS.update()
                        .where(_ITEMS.c.id == bindparam("b_id"), _ITEMS.c.version == bindparam("b_version"))
                        .values(version=_ITEMS.c.version + 1))
                self._expect_rows(self.s.execute(stmt, params).rowcount, len(params))
            for start in range(0, len(retag), LOOKUP_CHUNK):
                self.s.execute(delete(_TAGS).where(_TAGS.c.item_id.in_(retag[start:start + LOOKUP_CHUNK])))

        self._insert_many(_TAGS, ("item_id", "tag", "position"), tag_rows)
        gained = self._write_images(image_jobs, now) if image_jobs else set()
        # An object whose only change is a new image is updated too: its version moves on like an edit's.
        bumped = [{"b_id": i, "b_version": v} for i, v in unchanged.items() if i in gained]
        if bumped:
            stmt = (_ITEMS.update()
                    .where(_ITEMS.c.id == bindparam("b_id"), _ITEMS.c.version == bindparam("b_version"))
                    .values(version=_ITEMS.c.version + 1, updated_at=now))
            self._expect_rows(self.s.execute(stmt, bumped).rowcount, len(bumped))
        report.updated += len(bumped)
        report.unchanged += len(unchanged) - len(bumped)
        if docs:
            SearchIndex(self.s).index(docs, new=True)
        if redocs:
            SearchIndex(self.s).index(redocs)

    def _expect_rows(self, rowcount: int, expected: int) -> None:
        if self.sane_rowcount and rowcount != expected:
            raise ConcurrentEditError(
                "Some objects were changed by someone else during the import, so nothing was imported. "
                "Run the import again.")

    def _write_images(self, jobs: list[tuple[int, _Prepared, set[str], set[str], int]], now) -> set[int]:
        """Copy local images into the media store and add image rows for those the objects do not
        have yet (same content hash or same URL). Returns the ids of objects that gained images."""
        rows: list[dict] = []
        gained: set[int] = set()
        for item_id, p, shas, urls, position in jobs:
            for kind, ref, resolved in p.images:
                if kind == "url":
                    if ref in urls:
                        continue
                    urls.add(ref)
                    rows.append({"item_id": item_id, "position": position, "sha256": "", "mime_type": "",
                                 "width": None, "height": None, "byte_size": None,
                                 "original_name": ref.rsplit("/", 1)[-1][:_NAME_LIMIT], "source_url": ref,
                                 "caption": "", "created_at": now})
                else:
                    info = self._image_info(resolved)
                    if isinstance(info, str):
                        self.report.warnings.append(RowProblem(p.record.row, "image", info, p.record.object_number))
                        continue
                    if info.sha256 in shas:
                        continue
                    shas.add(info.sha256)
                    rows.append({"item_id": item_id, "position": position, "sha256": info.sha256,
                                 "mime_type": info.mime_type, "width": info.width, "height": info.height,
                                 "byte_size": info.byte_size, "original_name": ref[:_NAME_LIMIT], "source_url": "",
                                 "caption": "", "created_at": now})
                position += 1
                gained.add(item_id)
        if rows:
            self.s.execute(insert(_IMAGES), rows)
        return gained


# --- report ----------------------------------------------------------------------------------


def write_report_csv(report: ImportReport, path: Path | str, key_header: str = "object_number") -> Path:
    """The rejected rows and warnings as CSV (UTF-8 with BOM, so Excel shows Chinese correctly):
    ``row, object_number, field, status, problem`` — rejected rows first within a row number.
    (Product imports name the key column ``sku``.)"""
    path = Path(path)
    entries = [(p, "rejected") for p in report.rejected] + [(p, "warning") for p in report.warnings]
    entries.sort(key=lambda e: (e[0].row, e[1] != "rejected"))
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["row", key_header, "field", "status", "problem"])
        for problem, status in entries:
            out.writerow([problem.row, problem.object_number, problem.field, status, problem.reason])
    return path


# --- saved mappings --------------------------------------------------------------------------


# Saved mappings are kept per kind of import (``import_mapping.kind``): "collection" here; product
# imports pass ``kind="products"`` and their field scheme.


def _clean_mapping(mapping: Mapping[str, str], scheme: FieldScheme | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    for header, spec in mapping.items():
        header = str(header).strip()
        if not header:
            continue
        out[header] = ",".join(parse_targets(spec, scheme)) or "ignore"
    return out


def save_mapping(uow: UnitOfWork, name: str, mapping: Mapping[str, str], *, kind: str = MAPPING_KIND,
                 scheme: FieldScheme | None = None) -> SavedMapping:
    """Save (or replace) a named header → field mapping for collection imports (or ``kind``'s)."""
    name = (name or "").strip()
    if not name:
        raise MappingError("a saved mapping needs a name.")
    if len(name) > 200:
        raise MappingError("a mapping name can have at most 200 characters.")
    cleaned = _clean_mapping(mapping, scheme)
    with uow:
        row = uow.session.scalars(select(m.ImportMapping).where(
            m.ImportMapping.kind == kind, m.ImportMapping.name == name)).first()
        if row is None:
            uow.session.add(m.ImportMapping(kind=kind, name=name, mapping=cleaned))
        else:
            row.mapping = cleaned
        uow.commit()
    return SavedMapping(name, cleaned)


def list_mappings(uow: UnitOfWork, *, kind: str = MAPPING_KIND) -> list[SavedMapping]:
    with uow:
        rows = uow.session.scalars(select(m.ImportMapping).where(m.ImportMapping.kind == kind)
                                   .order_by(m.ImportMapping.name)).all()
        return [SavedMapping(r.name, dict(r.mapping or {})) for r in rows]


def get_mapping(uow: UnitOfWork, name: str, *, kind: str = MAPPING_KIND) -> dict[str, str] | None:
    with uow:
        row = uow.session.scalars(select(m.ImportMapping).where(
            m.ImportMapping.kind == kind, m.ImportMapping.name == (name or "").strip())).first()
        return dict(row.mapping or {}) if row is not None else None


def delete_mapping(uow: UnitOfWork, name: str, *, kind: str = MAPPING_KIND) -> bool:
    with uow:
        row = uow.session.scalars(select(m.ImportMapping).where(
            m.ImportMapping.kind == kind, m.ImportMapping.name == (name or "").strip())).first()
        if row is None:
            return False
        uow.session.delete(row)
        uow.commit()
        return True


@dataclass(frozen=True)
class ImportKind:
    """What another kind of CSV import (products, orders) shares with the collection's: its
    ``--map`` check against its own fields, its report CSV's key column, and its saved mappings
    kept apart under its own ``kind``. The import modules expose these as their module functions
    (``parse_map_option``, ``write_report_csv``, ``save_mapping``, ``list_mappings``,
    ``get_mapping``, ``delete_mapping``), which the command line and the import dialog call."""

    kind: str
    scheme: FieldScheme
    report_key: str

    def parse_map_option(self, text: str) -> tuple[str, str]:
        """``"Header=field"`` checked against this import's fields."""
        return parse_map_option(text, self.scheme)

    def write_report_csv(self, report: ImportReport, path: Path | str) -> Path:
        return write_report_csv(report, path, key_header=self.report_key)

    def save_mapping(self, uow: UnitOfWork, name: str, mapping: Mapping[str, str]) -> SavedMapping:
        return save_mapping(uow, name, mapping, kind=self.kind, scheme=self.scheme)

    def list_mappings(self, uow: UnitOfWork) -> list[SavedMapping]:
        return list_mappings(uow, kind=self.kind)

    def get_mapping(self, uow: UnitOfWork, name: str) -> dict[str, str] | None:
        return get_mapping(uow, name, kind=self.kind)

    def delete_mapping(self, uow: UnitOfWork, name: str) -> bool:
        return delete_mapping(uow, name, kind=self.kind)
