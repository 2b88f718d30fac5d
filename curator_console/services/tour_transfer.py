"""Move a tour to another computer: one ``.cctour`` file with the tour, the objects it shows, the
products it features and their images (the format: ``domain/tour_file.py``; the rules:
docs/tours.md, "Moving a tour to another computer").

``export_tour_file(uow, media, tour_id, path)`` reads the tour in one transaction and writes the
ZIP beside the target (a temporary file, then an atomic rename), so an existing file is replaced
only by a complete one. ``import_tour_file(uow, media, path)`` reads and checks the whole file
first — ZIP, JSON, references, every image's SHA-256 — and only then writes, in one transaction:
objects found by (museum, object number) and products found by SKU are left as they are, the
missing ones are created, the tour is always created anew. A file refused for any reason leaves
the database as it was.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from curator_console import __version__
from curator_console.domain import tour_file as tf
from curator_console.domain.tour_file import TourFileError
from curator_console.domain.tour_plan import CUE_KINDS, TOUR_STATUSES
from curator_console.importers.csv_products import STATUSES as PRODUCT_STATUSES
from curator_console.persistence import models as m
from curator_console.persistence.media import MAX_IMAGE_BYTES, MediaError, MediaStore, sniff
from curator_console.persistence.search import SearchIndex
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.tours import LANGUAGES

__all__ = ["ExportSummary", "ImportSummary", "TourFileError", "export_tour_file", "import_tour_file",
           "read_tour_file"]

MAX_JSON_BYTES = 256 * 1024 * 1024  # per JSON member, uncompressed
CHUNK = 500
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    tour_id: int
    title: str
    segments: int
    objects: int
    products: int
    images: int  # image files written into the tour file
    missing_images: tuple[str, ...] = ()  # “object QHM.1 (sha256 …)”: not in this computer's media folder

    def line(self) -> str:
        return (f"tour_id={self.tour_id} title={self.title} segments={self.segments} objects={self.objects} "
                f"products={self.products} images={self.images} file={self.path}")


@dataclass(frozen=True)
class ImportSummary:
    tour_id: int
    title: str  # as imported (with “ (imported)” when the title was taken)
    original_title: str  # as in the file
    segments: int
    objects_created: int
    objects_existing: int
    products_created: int
    products_existing: int
    images_copied: int  # image files added to the media store
    images_existing: int  # image files the media store held already
    museum_code: str
    museum_created: bool
    existing_objects: tuple[str, ...] = ()  # object numbers left as they were
    existing_products: tuple[str, ...] = ()  # SKUs left as they were
    exported_at: datetime | None = None
    app_version: str = ""

    def line(self) -> str:
        return (f"tour_id={self.tour_id} title={self.title} objects_new={self.objects_created} "
                f"objects_existing={self.objects_existing} products_new={self.products_created} "
                f"products_existing={self.products_existing} images={self.images_copied}")


# --- export ----------------------------------------------------------------------------------------


def _chunks(values: Sequence[Any]) -> list[Sequence[Any]]:
    return [values[i:i + CHUNK] for i in range(0, len(values), CHUNK)]


def _object_record(item: m.CollectionItem) -> tf.ObjectRecord:
    values = tuple((k, getattr(item, k) or "") for k in tf.OBJECT_TEXT_FIELDS)
    values += tuple((k, getattr(item, k)) for k in tf.OBJECT_YEAR_FIELDS)
    images = tuple(
        tf.ImageRecord(sha256=i.sha256 or "", mime_type=i.mime_type or "", width=i.width, height=i.height,
                       byte_size=i.byte_size, original_name=i.original_name or "", source_url=i.source_url or "",
                       caption=i.caption or "")
        for i in item.images
    )
    return tf.ObjectRecord(item.object_number, values, tuple(t.tag for t in item.tags), images)


def _product_record(p: m.Product, numbers: set[str], connections: dict[int, str]) -> tf.ProductRecord:
    return tf.ProductRecord(
        sku=p.sku, title=p.title or "", alt_title=p.alt_title or "", price=p.price, currency=p.currency or "CNY",
        stock=p.stock, status=p.status or "active", url=p.url or "", image_sha256=p.image_sha256 or "",
        image_url=p.image_url or "", external_id=p.external_id or "", synced_at=p.synced_at,
        connection=connections.get(p.connection_id, "") if p.connection_id else "",
        objects=tuple(i.object_number for i in p.items if i.object_number in numbers),
    )


def _read_tour(uow: UnitOfWork, tour_id: int) -> tuple[int, tf.TourFile]:
    """The tour and everything it uses as file records (the manifest's time and missing images are
    filled in by the caller)."""
    with uow:
        s = uow.session
        tour = uow.repos.tours.whole(tour_id)
        if tour is None:
            raise TourFileError(f"there is no tour with id {tour_id} (it may have been deleted).")
        museum = tour.museum or uow.repos.museums.first()
        info = tf.MuseumInfo("MUSEUM", "Museum") if museum is None else tf.MuseumInfo(
            code=museum.code, name=museum.name, alt_name=museum.alt_name or "", city=museum.city or "",
            timezone=museum.timezone or "UTC", description=museum.description or "",
            alt_description=museum.alt_description or "")
        item_ids = list(dict.fromkeys(si.item_id for seg in tour.segments for si in seg.items))
        product_ids = list(dict.fromkeys(sp.product_id for seg in tour.segments for sp in seg.products))
        items: dict[int, m.CollectionItem] = {}
        for chunk in _chunks(item_ids):
            q = (select(m.CollectionItem).where(m.CollectionItem.id.in_(chunk))
                 .options(selectinload(m.CollectionItem.tags), selectinload(m.CollectionItem.images)))
            items.update((i.id, i) for i in s.scalars(q))
        products: dict[int, m.Product] = {}
        for chunk in _chunks(product_ids):
            q = select(m.Product).where(m.Product.id.in_(chunk)).options(selectinload(m.Product.items))
            products.update((p.id, p) for p in s.scalars(q))
        connection_ids = sorted({p.connection_id for p in products.values() if p.connection_id})
        connections = dict(s.execute(select(m.Connection.id, m.Connection.name)
                                     .where(m.Connection.id.in_(connection_ids))).all()) if connection_ids else {}
        objects = tuple(_object_record(items[i]) for i in item_ids)
        numbers = {o.object_number for o in objects}
        record = tf.TourRecord(
            title=tour.title, host=tour.host or "", planned_start=tour.planned_start, slot_seconds=tour.slot_seconds,
            language=tour.language or "zh_CN", status=tour.status or "draft", is_template=bool(tour.is_template),
            notes=tour.notes or "",
            segments=tuple(
                tf.SegmentRecord(
                    title=seg.title or "", planned_seconds=seg.planned_seconds or 0, script=seg.script or "",
                    script_alt=seg.script_alt or "", objects=tuple(si.item.object_number for si in seg.items),
                    products=tuple(tf.ProductLinkRecord(sp.product.sku, sp.pitch or "", sp.live_price,
                                                        bool(sp.auto_feature)) for sp in seg.products),
                    cues=tuple(tf.CueRecord(c.kind or "text", c.text or "") for c in seg.cues),
                )
                for seg in tour.segments
            ),
        )
        manifest = tf.Manifest(tf.FORMAT_VERSION, __version__, datetime.now(timezone.utc), info, tour.title)
        return tour.id, tf.TourFile(manifest, record, objects,
                                    tuple(_product_record(products[p], numbers, connections) for p in product_ids))


def _owners(tour_file: tf.TourFile) -> dict[str, str]:
    """Who uses each stored image, for messages: “object QHM.1”, “product QHM-P001”."""
    out: dict[str, str] = {}
    for o in tour_file.objects:
        for img in o.images:
            if img.sha256:
                out.setdefault(img.sha256, f"object {o.object_number}")
    for p in tour_file.products:
        if p.image_sha256:
            out.setdefault(p.image_sha256, f"product {p.sku}")
    return out


def _local_image(media: MediaStore, sha: str) -> bytes | None:
    """The stored image's bytes when the media folder holds it intact (None: missing or damaged)."""
    path = media.path_for(sha)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha else None


def export_path(path: Path | str) -> Path:
    """Where an export goes: ``path`` with ``.cctour`` added when it has no extension (a folder
    stays as it is, to be refused by name)."""
    path = Path(path).expanduser()
    return path if path.suffix or path.is_dir() else path.with_name(path.name + tf.EXTENSION)


def export_tour_file(uow: UnitOfWork, media: MediaStore, tour_id: int, path: Path | str) -> ExportSummary:
    """Write tour ``tour_id`` with its objects, products and their images to ``path`` (``.cctour``
    added when the name has no extension; an existing file is replaced, but only by a complete
    one). Images the media folder lacks (or holds damaged) are named in the file's manifest and in
    ``missing_images``; the rest of the tour is written. Raises ``TourFileError``."""
    path = export_path(path)
    if path.is_dir():
        raise TourFileError(f"cannot write {path}: it is a folder; give a file name such as {path / 'tour.cctour'}.")
    if not path.parent.is_dir():
        raise TourFileError(f"cannot write {path}: the folder {path.parent} does not exist.")
    real_id, content = _read_tour(uow, tour_id)
    owners = _owners(content)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise TourFileError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    missing: list[str] = []
    written = 0
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for sha in content.media_hashes():
                    data = _local_image(media, sha)
                    if data is None:
                        missing.append(sha)
                        continue
                    # Images are compressed already: stored as they are.
                    zf.writestr(f"{tf.MEDIA_DIR}{sha}", data, compress_type=zipfile.ZIP_STORED)
                    written += 1
                manifest = tf.Manifest(**{**content.manifest.__dict__, "missing_media": tuple(missing)})
                members = tf.json_members(tf.TourFile(manifest, content.tour, content.objects, content.products))
                for name in tf.JSON_MEMBERS:
                    zf.writestr(name, members[name])
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise TourFileError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportSummary(
        path=path, tour_id=real_id, title=content.tour.title, segments=len(content.tour.segments),
        objects=len(content.objects), products=len(content.products), images=written,
        missing_images=tuple(f"{owners.get(sha, 'image')} (sha256 {sha})" for sha in missing),
    )


# --- reading a file --------------------------------------------------------------------------------


def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.exists():
        raise TourFileError(f"cannot import {path}: there is no such file.")
    if path.is_dir():
        raise TourFileError(f"cannot import {path}: it is a folder, not a tour file.")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise TourFileError(f"cannot import {path}: it is not a Curator Console tour file (not a ZIP archive), "
                            "or it is damaged, for example cut off while copying.") from None
    except OSError as exc:
        raise TourFileError(f"cannot import {path}: {exc.strerror or exc}") from None


def _read_member(zf: zipfile.ZipFile, path: Path, name: str, limit: int) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise TourFileError(f"cannot import {path}: {name} is missing, so this is not a complete tour file.") from None
    if info.file_size > limit:
        raise TourFileError(f"cannot import {path}: {name} is too large ({info.file_size:,} bytes).")
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except _READ_ERRORS as exc:
        raise TourFileError(f"cannot import {path}: {name} is damaged ({exc}).") from None
    except OSError as exc:
        raise TourFileError(f"cannot import {path}: {name} cannot be read ({exc.strerror or exc}).") from None
    if len(data) > limit:
        raise TourFileError(f"cannot import {path}: {name} is too large.")
    return data


def _column_limit(table: Any, name: str) -> int | None:
    return getattr(table.c[name].type, "length", None)


def _check_fits(where: str, table: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        limit = _column_limit(table, name)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            raise TourFileError(f"{where}: “{name}” has {len(value):,} characters; at most {limit:,} fit.")


def _check_database_rules(content: tf.TourFile) -> None:
    """What the database (not the JSON) requires: text lengths and the allowed values."""
    museum = content.manifest.museum
    _check_fits(f"{tf.MANIFEST}: museum", m.Museum.__table__, dict(museum.__dict__))
    item_t, image_t, tag_t = m.CollectionItem.__table__, m.ItemImage.__table__, m.ItemTag.__table__
    for o in content.objects:
        where = f"{tf.OBJECTS}: object {o.object_number}"
        _check_fits(where, item_t, {"object_number": o.object_number, **dict(o.values)})
        for tag in o.tags:
            _check_fits(where, tag_t, {"tag": tag})
        for img in o.images:
            _check_fits(where + ": image", image_t, {k: getattr(img, k) for k in (
                "mime_type", "original_name", "source_url", "caption")})
    product_t = m.Product.__table__
    for p in content.products:
        where = f"{tf.PRODUCTS}: product {p.sku}"
        _check_fits(where, product_t, {k: getattr(p, k) for k in (
            "sku", "title", "alt_title", "currency", "status", "url", "image_url", "external_id")})
        if p.status not in PRODUCT_STATUSES:
            raise TourFileError(f"{where}: the status “{p.status}” is not one of {', '.join(PRODUCT_STATUSES)}.")
    t = content.tour
    _check_fits(tf.TOUR, m.Tour.__table__, {"title": t.title, "host": t.host})
    if t.language not in LANGUAGES:
        raise TourFileError(f"{tf.TOUR}: the language “{t.language}” is not one of {', '.join(LANGUAGES)}.")
    if t.status not in TOUR_STATUSES:
        raise TourFileError(f"{tf.TOUR}: the status “{t.status}” is not one of {', '.join(TOUR_STATUSES)}.")
    seg_t, link_t, cue_t = m.Segment.__table__, m.SegmentProduct.__table__, m.Cue.__table__
    for n, seg in enumerate(t.segments, start=1):
        where = f"{tf.TOUR}: segment {n}"
        _check_fits(where, seg_t, {"title": seg.title})
        for link in seg.products:
            _check_fits(f"{where}: product {link.sku}", link_t, {"pitch": link.pitch})
        for k, cue in enumerate(seg.cues, start=1):
            if cue.kind not in CUE_KINDS:
                raise TourFileError(f"{where}: cue {k}: the kind “{cue.kind}” is not one of "
                                    f"{', '.join(CUE_KINDS)}.")
            _check_fits(f"{where}: cue {k}", cue_t, {"text": cue.text})


def _media_members(zf: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    out: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        if not info.filename.startswith(tf.MEDIA_DIR) or info.is_dir():
            continue
        if not tf.is_media_name(info.filename):
            raise TourFileError(f"cannot import {path}: {info.filename} is not named by its SHA-256 "
                                f"({tf.MEDIA_DIR} followed by 64 lowercase hexadecimal digits).")
        out[info.filename[len(tf.MEDIA_DIR):]] = info
    return out


def _verify_media(zf: zipfile.ZipFile, path: Path, infos: dict[str, zipfile.ZipInfo]) -> None:
    """Every image member: an image, not too large, and its bytes' SHA-256 is its name."""
    for sha, info in infos.items():
        name = info.filename
        if info.file_size > MAX_IMAGE_BYTES:
            raise TourFileError(f"cannot import {path}: {name} is too large for an image ({info.file_size:,} bytes).")
        digest = hashlib.sha256()
        head = b""
        size = 0
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(1024 * 1024):
                    if not head:
                        head = chunk[:16]
                    size += len(chunk)
                    if size > MAX_IMAGE_BYTES:
                        raise TourFileError(f"cannot import {path}: {name} is too large for an image.")
                    digest.update(chunk)
        except TourFileError:
            raise
        except _READ_ERRORS as exc:
            raise TourFileError(f"cannot import {path}: {name} is damaged ({exc}).") from None
        except OSError as exc:
            raise TourFileError(f"cannot import {path}: {name} cannot be read ({exc.strerror or exc}).") from None
        if digest.hexdigest() != sha:
            raise TourFileError(f"cannot import {path}: {name} does not match its SHA-256 (its content hashes to "
                                f"{digest.hexdigest()}): the file is damaged or was changed.")
        if sniff(head) is None:
            raise TourFileError(f"cannot import {path}: {name} is not an image (PNG, JPEG, GIF, WebP, TIFF, BMP).")


def _load(zf: zipfile.ZipFile, path: Path) -> tuple[tf.TourFile, dict[str, zipfile.ZipInfo]]:
    try:
        manifest = tf.parse_manifest(tf.load_json(tf.MANIFEST, _read_member(zf, path, tf.MANIFEST, MAX_JSON_BYTES)))
        tour = tf.parse_tour(tf.load_json(tf.TOUR, _read_member(zf, path, tf.TOUR, MAX_JSON_BYTES)))
        objects = tf.parse_objects(tf.load_json(tf.OBJECTS, _read_member(zf, path, tf.OBJECTS, MAX_JSON_BYTES)))
        products = tf.parse_products(tf.load_json(tf.PRODUCTS, _read_member(zf, path, tf.PRODUCTS, MAX_JSON_BYTES)))
        content = tf.TourFile(manifest, tour, objects, products)
        media = _media_members(zf, path)
        tf.check_references(content, media)
        _check_database_rules(content)
    except TourFileError as exc:
        text = str(exc)
        raise TourFileError(text if text.startswith("cannot import ") else f"cannot import {path}: {text}") from None
    _verify_media(zf, path, media)
    return content, media


def read_tour_file(path: Path | str) -> tf.TourFile:
    """The records of a tour file, after every check the import makes before writing (ZIP, JSON,
    references, image hashes). Raises ``TourFileError``."""
    path = Path(path).expanduser()
    with _open_zip(path) as zf:
        content, _media = _load(zf, path)
    return content


# --- import ----------------------------------------------------------------------------------------


def _existing_items(s: Any, museum_id: int, numbers: Sequence[str]) -> dict[str, m.CollectionItem]:
    out: dict[str, m.CollectionItem] = {}
    for chunk in _chunks(list(numbers)):
        q = select(m.CollectionItem).where(m.CollectionItem.museum_id == museum_id,
                                           m.CollectionItem.object_number.in_(chunk))
        out.update((i.object_number, i) for i in s.scalars(q))
    return out


def _existing_products(s: Any, skus: Sequence[str]) -> dict[str, m.Product]:
    out: dict[str, m.Product] = {}
    for chunk in _chunks(list(skus)):
        out.update((p.sku, p) for p in s.scalars(select(m.Product).where(m.Product.sku.in_(chunk))))
    return out


def _new_item(museum_id: int, o: tf.ObjectRecord) -> m.CollectionItem:
    item = m.CollectionItem(museum_id=museum_id, object_number=o.object_number, **dict(o.values))
    item.tags = [m.ItemTag(tag=t, position=k) for k, t in enumerate(o.tags)]
    item.images = [
        m.ItemImage(position=k, sha256=i.sha256, mime_type=i.mime_type, width=i.width, height=i.height,
                    byte_size=i.byte_size, original_name=i.original_name, source_url=i.source_url, caption=i.caption)
        for k, i in enumerate(o.images)
    ]
    return item


def _new_product(p: tf.ProductRecord, items: dict[str, m.CollectionItem]) -> m.Product:
    return m.Product(
        sku=p.sku, title=p.title, alt_title=p.alt_title, price=p.price, currency=p.currency, stock=p.stock,
        status=p.status, url=p.url, image_sha256=p.image_sha256, image_url=p.image_url, external_id=p.external_id,
        synced_at=p.synced_at, connection_id=None, items=[items[n] for n in p.objects],
    )


def _new_tour(content: tf.TourFile, museum_id: int, title: str, items: dict[str, m.CollectionItem],
              products: dict[str, m.Product]) -> m.Tour:
    t = content.tour
    tour = m.Tour(museum_id=museum_id, title=title, host=t.host, planned_start=t.planned_start,
                  slot_seconds=t.slot_seconds, language=t.language, status=t.status, is_template=t.is_template,
                  notes=t.notes)
    for pos, seg in enumerate(t.segments):
        row = m.Segment(position=pos, title=seg.title, planned_seconds=seg.planned_seconds, script=seg.script,
                        script_alt=seg.script_alt)
        row.items = [m.SegmentItem(item_id=items[n].id, position=k) for k, n in enumerate(seg.objects)]
        row.products = [m.SegmentProduct(product_id=products[link.sku].id, position=k, pitch=link.pitch,
                                         live_price=link.live_price, auto_feature=link.auto_feature)
                        for k, link in enumerate(seg.products)]
        row.cues = [m.Cue(position=k, kind=c.kind, text=c.text) for k, c in enumerate(seg.cues)]
        tour.segments.append(row)
    return tour


def _copy_media(zf: zipfile.ZipFile, path: Path, media: MediaStore, content: tf.TourFile,
                infos: dict[str, zipfile.ZipInfo]) -> tuple[int, int]:
    """Copy the file's images into the media store. Returns (copied, already there)."""
    copied = existing = 0
    for sha in content.media_hashes():
        info = infos.get(sha)
        if info is None:
            continue  # named in the manifest's missing_media: the exporting computer did not have it
        if media.path_for(sha) is not None:
            existing += 1
            continue
        data = _read_member(zf, path, info.filename, MAX_IMAGE_BYTES)
        try:
            stored = media.add_bytes(data, info.filename)
        except MediaError as exc:
            raise TourFileError(f"cannot import {path}: {exc}") from None
        except OSError as exc:
            raise TourFileError(f"cannot import {path}: the image {info.filename} cannot be copied into the media "
                                f"folder ({exc.strerror or exc}).") from None
        if stored.sha256 != sha:  # verified before; the file changed while it was being read
            raise TourFileError(f"cannot import {path}: {info.filename} does not match its SHA-256.")
        copied += 1
    return copied, existing


def import_tour_file(uow: UnitOfWork, media: MediaStore, path: Path | str) -> ImportSummary:
    """Import a ``.cctour`` file as a new tour, in one transaction.

    The museum is found by its code (created from the manifest when this database has no museum
    with that code); objects are found by (museum, object number) and products by SKU: the ones
    there already are left exactly as they are, the others are created with all their fields,
    tags, images and (new products') links to the file's objects. The tour is always new; when a
    tour already has its title it becomes “Title (imported)” (then “(imported 2)” …). The file is
    checked completely before anything is written; any refusal raises ``TourFileError`` and leaves
    the database unchanged."""
    path = Path(path).expanduser()
    with _open_zip(path) as zf:
        content, infos = _load(zf, path)
        t = content.tour
        info = content.manifest.museum
        with uow:
            s = uow.session
            museum = uow.repos.museums.by_code(info.code)
            museum_created = museum is None
            if museum is None:
                museum = uow.repos.museums.add(m.Museum(**info.__dict__))
                s.flush()
            items = _existing_items(s, museum.id, [o.object_number for o in content.objects])
            existing_objects = tuple(o.object_number for o in content.objects if o.object_number in items)
            created_items = []
            for o in content.objects:
                if o.object_number not in items:
                    item = _new_item(museum.id, o)
                    s.add(item)
                    items[o.object_number] = item
                    created_items.append(item)
            products = _existing_products(s, [p.sku for p in content.products])
            existing_products = tuple(p.sku for p in content.products if p.sku in products)
            created_products = 0
            for p in content.products:
                if p.sku not in products:
                    products[p.sku] = _new_product(p, items)
                    s.add(products[p.sku])
                    created_products += 1
            try:
                s.flush()
                if created_items:
                    SearchIndex(s).index_items(created_items)
                taken = set(s.scalars(select(m.Tour.title).where(
                    m.Tour.title.startswith(t.title[:100], autoescape=True))))
                title = tf.imported_title(t.title, taken)
                tour = _new_tour(content, museum.id, title, items, products)
                uow.repos.tours.add(tour)
                s.flush()
            except IntegrityError:
                raise TourFileError(
                    f"cannot import {path}: some of its objects or products were added by someone else at the "
                    "same moment; import the file again.") from None
            copied, had = _copy_media(zf, path, media, content, infos)
            tour_id = tour.id
            uow.commit()
    return ImportSummary(
        tour_id=tour_id, title=title, original_title=t.title, segments=len(t.segments),
        objects_created=len(created_items), objects_existing=len(existing_objects),
        products_created=created_products, products_existing=len(existing_products),
        images_copied=copied, images_existing=had, museum_code=info.code, museum_created=museum_created,
        existing_objects=existing_objects, existing_products=existing_products,
        exported_at=content.manifest.exported_at, app_version=content.manifest.app_version,
    )
