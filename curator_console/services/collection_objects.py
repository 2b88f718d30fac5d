"""Collection use cases for one object: read it whole, edit a field, its tags and images, create
and delete objects (with a snapshot that restores them), and the id lists behind the lazy table.

Every function takes a ``UnitOfWork`` (one session, committed at once) and returns plain frozen
dataclasses, never ORM objects. Edits take the value the caller last saw (``expected``) and refuse
with ``ConcurrentEditError`` when the database no longer holds it, so a colleague's change on a
shared database is never overwritten silently, and undo/redo never clobber a later change.

Validation errors are ``FieldError``s naming the field and a stable ``code`` (the interface shows
its own translated sentence for each code; ``str(error)`` is a plain English fallback).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, delete, func, insert, select, text

from curator_console.domain.records import ItemRow
from curator_console.domain.search import SORT_KEYS, CollectionFilter, Term, parse_query
from curator_console.persistence import models as m
from curator_console.persistence.media import MAX_IMAGE_BYTES, MediaError, MediaStore, sniff
from curator_console.persistence.search import SearchIndex
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork
from curator_console.services import collection as collection_svc
from curator_console.services.collection import ValidationError

__all__ = [
    "ConcurrentEditError", "FieldError", "ImageInfo", "ImageProblem", "LinkedProduct", "ListedObject",
    "ObjectDetail", "ObjectMissingError", "ObjectSnapshot", "TourUse", "ValidationError",
]

TEXT_FIELDS = collection_svc.EDITABLE_TEXT_FIELDS
YEAR_FIELDS = ("begin_year", "end_year")
EDITABLE_FIELDS = TEXT_FIELDS + YEAR_FIELDS
# Fields the search index holds (an edit of any of them re-indexes the object).
INDEXED_FIELDS = frozenset(TEXT_FIELDS) - {"dimensions", "rights"}
YEAR_LIMIT = 9999
MAX_TAG_LENGTH = 200
ID_STREAM_BATCH = 20_000


# --- errors --------------------------------------------------------------------------------------


class FieldError(ValidationError):
    """A value a field cannot take. ``code``: ``required``, ``duplicate``, ``not_integer``,
    ``out_of_range``, ``too_long``, ``not_editable``; ``limit`` the bound for the last two."""

    def __init__(self, field: str, code: str, message: str, limit: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.limit = limit


class ObjectMissingError(ValidationError):
    """The object was deleted (here or by someone else on a shared database)."""

    def __init__(self) -> None:
        super().__init__("This object no longer exists.")


# --- plain results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageInfo:
    """One image of an object (``id`` 0 for one stored but not yet attached)."""

    id: int
    sha256: str
    mime_type: str = ""
    width: int | None = None
    height: int | None = None
    byte_size: int | None = None
    original_name: str = ""
    source_url: str = ""
    caption: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """What makes two images the same image, whatever row holds it."""
        return self.sha256, self.source_url


@dataclass(frozen=True)
class ImageProblem:
    """A file that could not be added. ``code``: ``missing``, ``not_image``, ``too_large``, ``unreadable``."""

    name: str
    code: str
    message: str


@dataclass(frozen=True)
class LinkedProduct:
    id: int
    sku: str
    title: str
    alt_title: str
    status: str


@dataclass(frozen=True)
class TourUse:
    tour_id: int
    title: str
    status: str
    segments: tuple[str, ...]


@dataclass(frozen=True)
class ObjectDetail:
    id: int
    museum_id: int
    object_number: str
    title: str
    alt_title: str
    maker: str
    culture: str
    period: str
    date_text: str
    begin_year: int | None
    end_year: int | None
    medium: str
    dimensions: str
    classification: str
    credit_line: str
    provenance: str
    description: str
    alt_description: str
    rights: str
    source: str
    source_ref: str
    version: int
    tags: tuple[str, ...] = ()
    images: tuple[ImageInfo, ...] = ()
    products: tuple[LinkedProduct, ...] = ()
    tours: tuple[TourUse, ...] = ()

    def value(self, name: str) -> Any:
        return getattr(self, name)


@dataclass(frozen=True)
class ListedObject(ItemRow):
    """A row of the collection table: the object's listing plus its primary image (SHA-256, or "")."""

    primary_image: str = ""


@dataclass(frozen=True)
class ObjectSnapshot:
    """Everything needed to put a deleted object back as it was (same id)."""

    values: tuple[tuple[str, Any], ...]
    tags: tuple[str, ...]
    images: tuple[ImageInfo, ...]
    product_ids: tuple[int, ...]
    segments: tuple[tuple[int, int], ...]  # (segment id, position)

    @property
    def id(self) -> int:
        return dict(self.values)["id"]

    @property
    def object_number(self) -> str:
        return dict(self.values)["object_number"]


@dataclass(frozen=True)
class DeleteSummary:
    """What deleting some objects touches, for the confirmation question."""

    objects: int
    tours: int
    products: int
    object_numbers: tuple[str, ...] = field(default_factory=tuple)


# --- reading -------------------------------------------------------------------------------------


def _image_info(img: m.ItemImage) -> ImageInfo:
    return ImageInfo(id=img.id, sha256=img.sha256 or "", mime_type=img.mime_type or "", width=img.width,
                     height=img.height, byte_size=img.byte_size, original_name=img.original_name or "",
                     source_url=img.source_url or "", caption=img.caption or "")


def _get(uow: UnitOfWork, item_id: int) -> m.CollectionItem:
    item = uow.repos.collection.get(item_id)
    if item is None:
        raise ObjectMissingError()
    return item


def get_object(uow: UnitOfWork, item_id: int) -> ObjectDetail | None:
    """The object with every field, its tags, images, linked products and the tours using it."""
    with uow:
        s = uow.session
        item = uow.repos.collection.get(item_id)
        if item is None:
            return None
        products = tuple(
            LinkedProduct(p.id, p.sku, p.title or "", p.alt_title or "", p.status or "")
            for p in sorted(item.products, key=lambda p: p.sku)
        )
        q = (
            select(m.Tour.id, m.Tour.title, m.Tour.status, m.Segment.position, m.Segment.title)
            .join(m.Segment, m.Segment.tour_id == m.Tour.id)
            .join(m.SegmentItem, m.SegmentItem.segment_id == m.Segment.id)
            .where(m.SegmentItem.item_id == item_id)
            .order_by(m.Tour.title, m.Tour.id, m.Segment.position)
        )
        tours: dict[int, tuple[str, str, list[str]]] = {}
        for tour_id, title, status, position, seg_title in s.execute(q):
            tours.setdefault(tour_id, (title, status, []))[2].append(seg_title or f"#{position + 1}")
        return ObjectDetail(
            **{f.name: getattr(item, f.name) for f in fields(ObjectDetail)
               if f.name not in ("tags", "images", "products", "tours")},
            tags=tuple(t.tag for t in item.tags),
            images=tuple(_image_info(i) for i in item.images),
            products=products,
            tours=tuple(TourUse(tid, t, st, tuple(segs)) for tid, (t, st, segs) in tours.items()),
        )


def primary_images(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, str]:
    """The first image's SHA-256 of each of ``ids`` that has a stored image."""
    if not ids:
        return {}
    with uow:
        q = (
            select(m.ItemImage.item_id, m.ItemImage.sha256)
            .where(m.ItemImage.item_id.in_(list(ids)))
            .order_by(m.ItemImage.item_id, m.ItemImage.position, m.ItemImage.id)
        )
        out: dict[int, str] = {}
        for item_id, sha in uow.session.execute(q):
            out.setdefault(item_id, sha or "")
        return out


def listed_rows(uow: UnitOfWork, ids: Sequence[int]) -> list[ListedObject]:
    """The table rows of ``ids`` (in that order, missing ones left out), with their primary image."""
    rows = collection_svc.rows_by_ids(uow, list(ids))
    shas = primary_images(uow, [r.id for r in rows if r.image_count])
    names = [f.name for f in fields(ItemRow)]
    return [ListedObject(*(getattr(r, n) for n in names), primary_image=shas.get(r.id, "")) for r in rows]


def result_id_array(uow: UnitOfWork, query: str = "", flt: CollectionFilter | None = None,
                    sort: str | None = None, descending: bool = False, limit: int | None = None) -> array:
    """The ids the collection view shows, in display order, as a compact ``array('q')``.

    Same order as ``services.collection.result_ids``; but a whole-collection listing is streamed
    from the database in batches straight into the array (8 bytes an object), so two million
    objects never exist as two million Python rows at once. ``limit`` gives just the first ids
    (the first screenful, shown while the whole list is read)."""
    from curator_console.persistence.repositories import filter_sql

    if sort is not None and sort not in SORT_KEYS:
        raise ValidationError(f"Cannot sort by “{sort}”.")
    ranked = bool(query.strip()) and sort is None
    if ranked:
        with uow:
            cond, params = filter_sql(flt)
            if limit is not None:
                hits = SearchIndex(uow.session).ranked(query, limit, within=cond, within_params=params)
                out = array("q", [h.item_id for h in hits])
            else:
                out = _ranked_id_array(uow, query, cond, params)
        if descending:
            out.reverse()
        return out
    col = getattr(m.CollectionItem, sort or "object_number")
    order = (col.desc(), m.CollectionItem.id.desc()) if descending else (col, m.CollectionItem.id)
    q = select(m.CollectionItem.id)
    cond, params = filter_sql(flt)
    if cond:
        q = q.where(text(cond).bindparams(**params))
    with uow:
        if query.strip():
            sql, mparams = SearchIndex(uow.session).match_subquery(query)
            q = q.where(m.CollectionItem.id.in_(text(sql).bindparams(**mparams).columns(id=Integer)))
        q = q.order_by(*order)
        if limit is not None:
            q = q.limit(limit)
        out = array("q")
        conn = uow.session.connection().execution_options(stream_results=True, yield_per=ID_STREAM_BATCH)
        for part in conn.execute(q).scalars().partitions():
            out.extend(part)
        return out


def _ranked_id_array(uow: UnitOfWork, query: str, cond: str | None, params: dict) -> array:
    """Every match of ``query`` in ``SearchIndex.ranked`` order (exact object number, whole words
    by tier, then prefixes by tier, each in id order, an object listed once), streamed into an
    array: a "seen" flag
    per id in a bytearray instead of a set of Python ints, so a query matching all two million
    objects costs tens of megabytes, not hundreds."""
    from curator_console.persistence.search import TIER_COLUMNS

    terms = parse_query(query)
    if not terms:
        return array("q")
    s = uow.session
    index = SearchIndex(s)
    seen = bytearray((s.scalar(select(func.max(m.CollectionItem.id))) or 0) + 1)
    out = array("q")

    def take(ids) -> None:
        for i in ids:
            if i >= len(seen):
                seen.extend(bytes(i + 1 - len(seen)))
            if not seen[i]:
                seen[i] = 1
                out.append(i)

    exact = select(m.CollectionItem.id).where(m.CollectionItem.object_number == query.strip())
    if cond:
        exact = exact.where(text(cond).bindparams(**params))
    take(s.scalars(exact))
    conn = s.connection().execution_options(stream_results=True, yield_per=ID_STREAM_BATCH)
    # Whole words tier by tier, then (for word terms) prefixes tier by tier: the order of
    # SearchIndex.ranked, whose first screen is therefore the start of this list.
    stages = [[Term(t.tokens, prefix=False) for t in terms]]
    if any(t.prefix for t in terms):
        stages.append(terms)
    for stage_terms, columns in ((st, c) for st in stages for c in TIER_COLUMNS):
        sql, qparams = index._match_sql(columns, stage_terms)
        if cond:
            sql = (f"SELECT s.id FROM ({sql}) s JOIN collection_item ON collection_item.id = s.id "
                   f"WHERE {cond} ORDER BY s.id")
            qparams.update(params)
        else:
            sql = f"SELECT id FROM ({sql}) s ORDER BY id"
        for part in conn.execute(text(sql), qparams).scalars().partitions():
            take(part)
    return out


def facet_values(uow: UnitOfWork) -> dict[str, list[str]]:
    """Distinct periods, classifications and tags for the filter menus (see ``collection.facets``)."""
    return collection_svc.facets(uow)


# --- editing fields ------------------------------------------------------------------------------

_INTEGER = re.compile(r"^[+-]?\d+$")


def _max_length(name: str) -> int | None:
    return getattr(m.CollectionItem.__table__.c[name].type, "length", None)


def normalize_value(name: str, value: Any) -> Any:
    """The value as it would be stored (stripped text; a year as int or None), or ``FieldError``."""
    if name not in EDITABLE_FIELDS:
        raise FieldError(name, "not_editable", f"“{name}” cannot be edited here.")
    if name in YEAR_FIELDS:
        if value is None:
            return None
        if isinstance(value, bool):
            raise FieldError(name, "not_integer", "A year must be a whole number, e.g. 1426 or -1200.")
        if isinstance(value, int):
            year = value
        else:
            raw = str(value).strip().replace("\u2212", "-")
            if not raw:
                return None
            if not _INTEGER.match(raw):
                raise FieldError(name, "not_integer", "A year must be a whole number, e.g. 1426 or -1200.")
            year = int(raw)
        if abs(year) > YEAR_LIMIT:
            raise FieldError(name, "out_of_range", f"A year must lie between -{YEAR_LIMIT} and {YEAR_LIMIT}.",
                             limit=YEAR_LIMIT)
        return year
    text_value = "" if value is None else str(value).strip()
    if name == "object_number" and not text_value:
        raise FieldError(name, "required", "The object number cannot be empty.")
    limit = _max_length(name)
    if limit is not None and len(text_value) > limit:
        raise FieldError(name, "too_long", f"At most {limit} characters.", limit=limit)
    return text_value


def update_field(uow: UnitOfWork, item_id: int, name: str, value: Any, expected: Any = ...) -> tuple[Any, Any]:
    """Set one field and commit. ``expected`` is the value the caller saw (omit it to skip the
    check). Returns ``(old, new)`` as stored; ``old == new`` when nothing changed."""
    new = normalize_value(name, value)
    with uow:
        item = _get(uow, item_id)
        old = getattr(item, name)
        if expected is not ... and old != expected and old != new:
            raise ConcurrentEditError(
                "This object was changed by someone else after you opened it. It has been reloaded; "
                "please make your change again.")
        if name == "object_number" and new != old:
            other = uow.repos.collection.by_object_number(item.museum_id, new)
            if other is not None and other.id != item.id:
                raise FieldError(name, "duplicate", f"Another object already has the number “{new}”.")
        if old != new:
            setattr(item, name, new)
            uow.session.flush()
            if name in INDEXED_FIELDS:
                SearchIndex(uow.session).index_items([item])
            uow.commit()
        return old, new


# --- tags ----------------------------------------------------------------------------------------


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in tags:
        tag = " ".join(str(raw).split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise FieldError("tags", "too_long", f"A tag has at most {MAX_TAG_LENGTH} characters.",
                             limit=MAX_TAG_LENGTH)
        if tag not in out:
            out.append(tag)
    return tuple(out)


def set_tags(uow: UnitOfWork, item_id: int, tags: Iterable[str],
             expected: Sequence[str] | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Replace the object's tags (order kept, duplicates and blanks dropped). Returns (old, new)."""
    new = normalize_tags(tags)
    with uow:
        item = _get(uow, item_id)
        old = tuple(t.tag for t in item.tags)
        if expected is not None and tuple(expected) != old and old != new:
            raise ConcurrentEditError(
                "The tags of this object were changed by someone else. They have been reloaded; "
                "please make your change again.")
        if old != new:
            kept = {t.tag: t for t in item.tags}
            rows = []
            for pos, tag in enumerate(new):
                row = kept.pop(tag, None) or m.ItemTag(tag=tag)
                row.position = pos
                rows.append(row)
            item.tags = rows
            item.updated_at = m.utcnow()
            uow.session.flush()
            SearchIndex(uow.session).index_items([item])
            uow.commit()
        return old, new


def add_tag(uow: UnitOfWork, item_id: int, tag: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    with uow:
        current = tuple(t.tag for t in _get(uow, item_id).tags)
    return set_tags(uow, item_id, current + (tag,), expected=current)


def remove_tag(uow: UnitOfWork, item_id: int, tag: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    with uow:
        current = tuple(t.tag for t in _get(uow, item_id).tags)
    return set_tags(uow, item_id, [t for t in current if t != tag], expected=current)


# --- images --------------------------------------------------------------------------------------


def _problem(path: Path, exc: Exception | None = None) -> ImageProblem:
    name = path.name or str(path)
    try:
        if not path.exists():
            return ImageProblem(name, "missing", f"“{name}” does not exist.")
        if path.is_dir():
            return ImageProblem(name, "not_image", f"“{name}” is a folder, not an image.")
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return ImageProblem(name, "too_large", str(exc) if exc else f"“{name}” is too large.")
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as err:
        return ImageProblem(name, "unreadable", f"“{name}” cannot be read ({err.strerror or err}).")
    if not head or sniff(head) is None:
        return ImageProblem(name, "not_image", f"“{name}” is not an image (PNG, JPEG, GIF, WebP, TIFF, BMP).")
    return ImageProblem(name, "too_large" if exc and "too large" in str(exc) else "unreadable",
                        str(exc) if exc else f"“{name}” cannot be read.")


def store_images(media: MediaStore, paths: Iterable[Path | str]) -> tuple[list[ImageInfo], list[ImageProblem]]:
    """Copy image files into the media store (under their content hash). Files that are not
    images, missing, unreadable or too large are reported, never stored."""
    stored: list[ImageInfo] = []
    problems: list[ImageProblem] = []
    for raw in paths:
        path = Path(raw)
        try:
            info = media.add_file(path)
        except MediaError as exc:
            problems.append(_problem(path, exc))
            continue
        stored.append(ImageInfo(0, info.sha256, info.mime_type, info.width, info.height, info.byte_size,
                                original_name=path.name[:500]))
    return stored, problems


def set_images(uow: UnitOfWork, item_id: int, images: Sequence[ImageInfo],
               expected: Sequence[ImageInfo] | None = None) -> tuple[tuple[ImageInfo, ...], tuple[ImageInfo, ...]]:
    """Make the object's images exactly ``images``, in that order (the first is the primary one).
    Rows already holding an image are kept; images are matched by content hash and source.
    Returns (old, new) as stored."""
    with uow:
        item = _get(uow, item_id)
        old = tuple(_image_info(i) for i in item.images)
        wanted = [i.key for i in images]
        if expected is not None and [i.key for i in expected] != [i.key for i in old] and [i.key for i in old] != wanted:
            raise ConcurrentEditError(
                "The images of this object were changed by someone else. They have been reloaded; "
                "please make your change again.")
        if [i.key for i in old] == wanted and [i.caption for i in old] == [i.caption for i in images]:
            return old, old
        pool: dict[tuple[str, str], list[m.ItemImage]] = {}
        for row in item.images:
            pool.setdefault((row.sha256 or "", row.source_url or ""), []).append(row)
        rows: list[m.ItemImage] = []
        for pos, info in enumerate(images):
            candidates = pool.get(info.key)
            row = candidates.pop(0) if candidates else m.ItemImage(
                sha256=info.sha256, mime_type=info.mime_type, width=info.width, height=info.height,
                byte_size=info.byte_size, original_name=info.original_name, source_url=info.source_url)
            row.position = pos
            row.caption = info.caption
            rows.append(row)
        item.images = rows
        item.updated_at = m.utcnow()
        uow.session.flush()
        new = tuple(_image_info(i) for i in item.images)
        uow.commit()
        return old, new


def add_images(uow: UnitOfWork, media: MediaStore, item_id: int, paths: Iterable[Path | str]
               ) -> tuple[tuple[ImageInfo, ...], tuple[ImageInfo, ...], list[ImageProblem]]:
    """Store image files and append them to the object's images. Returns (old, new, problems);
    an image the object already has is not added twice."""
    stored, problems = store_images(media, paths)
    with uow:
        current = tuple(_image_info(i) for i in _get(uow, item_id).images)
    have = {i.key for i in current}
    extra = []
    for info in stored:
        if info.key not in have:
            have.add(info.key)
            extra.append(info)
    if not extra:
        return current, current, problems
    old, new = set_images(uow, item_id, current + tuple(extra), expected=current)
    return old, new, problems


def remove_image(uow: UnitOfWork, item_id: int, index: int):
    with uow:
        current = tuple(_image_info(i) for i in _get(uow, item_id).images)
    if not 0 <= index < len(current):
        raise ValidationError("This image is no longer there.")
    return set_images(uow, item_id, current[:index] + current[index + 1:], expected=current)


def move_image(uow: UnitOfWork, item_id: int, index: int, to: int):
    """Move the image at ``index`` to position ``to`` (0 makes it the primary image)."""
    with uow:
        current = list(_image_info(i) for i in _get(uow, item_id).images)
    if not (0 <= index < len(current) and 0 <= to < len(current)):
        raise ValidationError("This image is no longer there.")
    moved = list(current)
    moved.insert(to, moved.pop(index))
    return set_images(uow, item_id, moved, expected=current)


# --- creating and deleting -----------------------------------------------------------------------

_ITEM_COLUMNS = tuple(c.name for c in m.CollectionItem.__table__.columns)


def suggest_object_number(uow: UnitOfWork, prefix: str = "NEW-") -> str:
    """An object number not used yet: NEW-0001, NEW-0002 …"""
    with uow:
        taken = set(uow.session.scalars(
            select(m.CollectionItem.object_number).where(m.CollectionItem.object_number.like(prefix + "%"))))
    n = 1
    while f"{prefix}{n:04d}" in taken:
        n += 1
    return f"{prefix}{n:04d}"


def create_object(uow: UnitOfWork, object_number: str = "", title: str = "") -> ObjectSnapshot:
    """A new object in the (first) museum, committed and indexed; returns its snapshot (for undo).
    An empty ``object_number`` gets a free one (NEW-0001 …)."""
    number = normalize_value("object_number", object_number or suggest_object_number(uow.fresh()))
    title = normalize_value("title", title)
    with uow:
        museum = uow.repos.museums.first()
        if museum is None:
            museum = uow.repos.museums.add(m.Museum(code="MUSEUM", name="Museum"))
            uow.session.flush()
        if uow.repos.collection.by_object_number(museum.id, number) is not None:
            raise FieldError("object_number", "duplicate", f"Another object already has the number “{number}”.")
        item = uow.repos.collection.add(m.CollectionItem(museum_id=museum.id, object_number=number, title=title,
                                                         source="manual"))
        uow.session.flush()
        SearchIndex(uow.session).index_items([item])
        snap = _snapshot(uow, item)
        uow.commit()
        return snap


def _snapshot(uow: UnitOfWork, item: m.CollectionItem) -> ObjectSnapshot:
    s = uow.session
    product_ids = tuple(s.scalars(select(m.ProductItem.product_id).where(m.ProductItem.item_id == item.id)
                                  .order_by(m.ProductItem.product_id)))
    segments = tuple((sid, pos) for sid, pos in s.execute(
        select(m.SegmentItem.segment_id, m.SegmentItem.position).where(m.SegmentItem.item_id == item.id)
        .order_by(m.SegmentItem.segment_id)))
    return ObjectSnapshot(
        values=tuple((c, getattr(item, c)) for c in _ITEM_COLUMNS),
        tags=tuple(t.tag for t in item.tags),
        images=tuple(_image_info(i) for i in item.images),
        product_ids=product_ids,
        segments=segments,
    )


def delete_summary(uow: UnitOfWork, ids: Sequence[int]) -> DeleteSummary:
    """How many tours and products link to the objects about to be deleted."""
    ids = list(ids)
    with uow:
        s = uow.session
        numbers = tuple(s.scalars(select(m.CollectionItem.object_number).where(m.CollectionItem.id.in_(ids[:1000]))
                                  .order_by(m.CollectionItem.object_number).limit(5)))
        tours = s.scalar(select(text("COUNT(DISTINCT segment.tour_id)")).select_from(m.SegmentItem)
                         .join(m.Segment, m.Segment.id == m.SegmentItem.segment_id)
                         .where(m.SegmentItem.item_id.in_(ids[:1000]))) or 0
        products = s.scalar(select(text("COUNT(DISTINCT product_item.product_id)")).select_from(m.ProductItem)
                            .where(m.ProductItem.item_id.in_(ids[:1000]))) or 0
        return DeleteSummary(len(ids), int(tours), int(products), numbers)


def delete_objects(uow: UnitOfWork, ids: Sequence[int]) -> list[ObjectSnapshot]:
    """Delete objects (with their tags, images, product and tour links) and commit. Returns their
    snapshots, which ``restore_objects`` puts back. Image files stay in the media store."""
    ids = list(dict.fromkeys(ids))
    with uow:
        snaps = []
        for item_id in ids:
            item = uow.repos.collection.get(item_id)
            if item is None:
                raise ObjectMissingError()
            snaps.append(_snapshot(uow, item))
        s = uow.session
        SearchIndex(s).remove(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            s.execute(delete(m.SegmentItem).where(m.SegmentItem.item_id.in_(chunk)))
            s.execute(delete(m.ProductItem).where(m.ProductItem.item_id.in_(chunk)))
        for item_id in ids:
            s.delete(uow.repos.collection.get(item_id))
        uow.commit()
        return snaps


def restore_objects(uow: UnitOfWork, snapshots: Sequence[ObjectSnapshot]) -> list[int]:
    """Put deleted objects back with their ids, fields, tags, images and the links to products
    and tour segments that still exist. Refused when the object number has been taken meanwhile."""
    with uow:
        s = uow.session
        items = []
        for snap in snapshots:
            values = dict(snap.values)
            if uow.repos.collection.get(values["id"]) is not None:
                raise ValidationError(f"The object “{snap.object_number}” exists already.")
            if uow.repos.collection.by_object_number(values["museum_id"], values["object_number"]) is not None:
                raise FieldError("object_number", "duplicate",
                                 f"Another object already has the number “{values['object_number']}”.")
            if s.get(m.Museum, values["museum_id"]) is None:
                raise ValidationError(f"The museum of “{snap.object_number}” no longer exists.")
            item = m.CollectionItem(**{k: v for k, v in values.items() if k != "version"})
            item.tags = [m.ItemTag(tag=t, position=i) for i, t in enumerate(snap.tags)]
            item.images = [
                m.ItemImage(position=pos, sha256=i.sha256, mime_type=i.mime_type, width=i.width, height=i.height,
                            byte_size=i.byte_size, original_name=i.original_name, source_url=i.source_url,
                            caption=i.caption)
                for pos, i in enumerate(snap.images)
            ]
            s.add(item)
            items.append((item, snap))
        s.flush()
        for item, snap in items:
            products = set(s.scalars(select(m.Product.id).where(m.Product.id.in_(list(snap.product_ids))))) \
                if snap.product_ids else set()
            rows = [{"product_id": pid, "item_id": item.id} for pid in snap.product_ids if pid in products]
            if rows:
                s.execute(insert(m.ProductItem), rows)
            seg_ids = [sid for sid, _ in snap.segments]
            existing = set(s.scalars(select(m.Segment.id).where(m.Segment.id.in_(seg_ids)))) if seg_ids else set()
            rows = [{"segment_id": sid, "item_id": item.id, "position": pos}
                    for sid, pos in snap.segments if sid in existing]
            if rows:
                s.execute(insert(m.SegmentItem), rows)
        s.flush()
        SearchIndex(s).index_items([i for i, _ in items])
        uow.commit()
        return [i.id for i, _ in items]
