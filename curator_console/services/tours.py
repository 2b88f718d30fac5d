"""Tour use cases: list tours and templates, read a whole tour, create (blank, from a template, as
a copy), edit a tour's fields, status and template flag, delete a tour and put it back.

Every function takes a ``UnitOfWork`` and returns plain values (``domain/tour_plan.py``,
``domain/records.py``), never ORM objects. Edits take the value the caller last saw
(``expected``); when the database holds something else by now (a colleague saved first on a
shared database) the edit is refused with ``TourConflictError`` carrying the three values, and
``force=True`` saves it anyway ("keep mine"). Segment edits live in ``tour_segments``, saved
versions in ``tour_versions``; both share the snapshot format defined here (see docs/tours.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import update

from curator_console.domain.records import SegmentRow, TourRow
from curator_console.domain.timing import ReadingSpeed, plan_tour
from curator_console.domain.tour_plan import (
    CUE_KINDS,
    TOUR_STATUSES,
    CueInfo,
    ProductLink,
    SegmentDetail,
    SegmentObject,
    SegmentProductInfo,
    TourDetail,
)
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork
from curator_console.services.collection import ValidationError
from curator_console.services.collection_objects import FieldError

__all__ = [
    "ConcurrentEditError", "FieldError", "SegmentMissingError", "TourConflictError", "TourMissingError",
    "ValidationError",
]

TOUR_FIELDS = ("title", "host", "planned_start", "slot_seconds", "language", "notes")
LANGUAGES = ("zh_CN", "en")
MAX_TITLE = 500
MAX_HOST = 300
MAX_NOTES = 100_000
MAX_SLOT_SECONDS = 24 * 3600
SNAPSHOT_FORMAT = 1

NOT_GIVEN: Any = ...  # ``expected`` left out: no conflict check


# --- errors --------------------------------------------------------------------------------------

_FIELD_WORDS = {
    "title": "title", "host": "host", "planned_start": "planned start", "slot_seconds": "slot length",
    "language": "language", "notes": "notes", "planned_seconds": "planned time", "script": "script",
    "script_alt": "second-language script", "objects": "objects", "products": "products", "cues": "cues",
    "order": "segment order",
}


class TourConflictError(ConcurrentEditError):
    """A colleague saved this part of the tour after the caller read it. ``base`` is the value the
    caller had seen, ``mine`` what the caller tried to save, ``theirs`` what the database holds now.
    Nothing was saved."""

    def __init__(self, target: str, target_id: int, field: str, base: Any, mine: Any, theirs: Any) -> None:
        self.target = target  # "tour" or "segment"
        self.target_id = target_id
        self.field = field
        self.base = base
        self.mine = mine
        self.theirs = theirs
        super().__init__(
            f"Someone else changed this {target}'s {_FIELD_WORDS.get(field, field)} after you opened it.")


class TourMissingError(ValidationError):
    """The tour was deleted (here or by someone else on a shared database)."""

    def __init__(self) -> None:
        super().__init__("This tour no longer exists.")


class SegmentMissingError(ValidationError):
    """The segment was deleted (here or by someone else on a shared database)."""

    def __init__(self) -> None:
        super().__init__("This segment no longer exists.")


def normalized_expected(normalize: Any, expected: Any) -> Any:
    """``expected`` as it would have been stored (so a value the caller sent unnormalised, e.g.
    with a trailing space, still matches what the database holds); unchanged if it is not valid."""
    if expected is NOT_GIVEN or expected is None:
        return expected
    try:
        return normalize(expected)
    except (ValidationError, TypeError, ValueError):
        return expected


def check_conflict(target: str, target_id: int, field: str, stored: Any, expected: Any, new: Any,
                   force: bool) -> None:
    """Refuse to overwrite a value that is neither what the caller saw nor what it wants now."""
    if expected is NOT_GIVEN or expected is None and field in ("objects", "products", "cues", "order"):
        return
    if not force and stored != expected and stored != new:
        raise TourConflictError(target, target_id, field, expected, new, stored)


# --- validation ----------------------------------------------------------------------------------


def normalize_text(field: str, value: Any, limit: int, *, required: bool = False, line: bool = True,
                   label: str = "") -> str:
    """A text value: ``line`` ones are stripped, multi-line ones keep their text with ``\\n`` line ends."""
    label = label or _FIELD_WORDS.get(field, field).capitalize()
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise FieldError(field, "invalid", f"{label} must be text.")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = " ".join(value.split()) if line else value
    if required and not value.strip():
        raise FieldError(field, "required", f"{label} cannot be empty.")
    if len(value) > limit:
        raise FieldError(field, "too_long", f"{label} has at most {limit:,} characters.", limit=limit)
    return value


def normalize_int(field: str, value: Any, low: int, high: int, *, label: str = "", optional: bool = False) -> int | None:
    label = label or _FIELD_WORDS.get(field, field).capitalize()
    if optional and (value is None or (isinstance(value, str) and not value.strip())):
        return None
    if isinstance(value, bool):
        raise FieldError(field, "not_integer", f"{label} must be a whole number of seconds.")
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise FieldError(field, "not_integer", f"{label} must be a whole number of seconds.") from None
    if isinstance(value, (float, Decimal)):
        if not (value == value and abs(value) < 10 ** 12 and value == int(value)):  # NaN, infinity, fractions
            raise FieldError(field, "not_integer", f"{label} must be a whole number of seconds.")
        value = int(value)
    if not isinstance(value, int):
        raise FieldError(field, "not_integer", f"{label} must be a whole number of seconds.")
    if value < low:
        raise FieldError(field, "out_of_range", f"{label} must be at least {low} seconds.", limit=low)
    if value > high:
        raise FieldError(field, "out_of_range", f"{label} can be at most {high:,} seconds.", limit=high)
    return value


def normalize_tour_field(name: str, value: Any) -> Any:
    """The value as it would be stored, or ``FieldError`` naming the field."""
    if name == "title":
        return normalize_text("title", value, MAX_TITLE, required=True, label="The tour's title")
    if name == "host":
        return normalize_text("host", value, MAX_HOST, label="The host")
    if name == "notes":
        return normalize_text("notes", value, MAX_NOTES, line=False, label="The notes")
    if name == "language":
        if value not in LANGUAGES:
            raise FieldError("language", "invalid", "The language must be zh_CN (Chinese) or en (English).")
        return value
    if name == "slot_seconds":
        return normalize_int("slot_seconds", value, 1, MAX_SLOT_SECONDS, label="The slot length", optional=True)
    if name == "planned_start":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                raise FieldError("planned_start", "invalid",
                                 f"The planned start “{value}” is not a date and time.") from None
        if not isinstance(value, datetime):
            raise FieldError("planned_start", "invalid", "The planned start must be a date and time.")
        if value.tzinfo is None or value.utcoffset() is None:
            raise FieldError("planned_start", "invalid", "The planned start needs a time zone.")
        return value.astimezone(timezone.utc)
    raise FieldError(name, "not_editable", f"“{name}” cannot be edited here.")


def normalize_money(field: str, value: Any, label: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (float, bool)):
        raise FieldError(field, "invalid", f"{label} must be an exact amount (not a floating-point number).")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise FieldError(field, "invalid", f"{label} “{value}” is not an amount of money.") from None
    if not amount.is_finite():
        raise FieldError(field, "invalid", f"{label} “{value}” is not an amount of money.")
    if amount < 0:
        raise FieldError(field, "out_of_range", f"{label} cannot be negative.", limit=0)
    if amount.as_tuple().exponent < -4:  # type: ignore[operator]
        raise FieldError(field, "invalid", f"{label} has at most 4 decimal places.")
    if amount >= Decimal(10) ** 14:
        raise FieldError(field, "out_of_range", f"{label} is too large.")
    return amount


# --- reading -------------------------------------------------------------------------------------


def _get_tour(uow: UnitOfWork, tour_id: int) -> m.Tour:
    tour = uow.repos.tours.get(tour_id)
    if tour is None:
        raise TourMissingError()
    return tour


def first_image(images: Sequence[m.ItemImage]) -> tuple[str, str]:
    """(sha256 of the first stored image, or "", and the first image URL when none is stored)."""
    sha = next((i.sha256 for i in images if i.sha256), "")
    url = "" if sha else next((i.source_url for i in images if i.source_url), "")
    return sha, url


def segment_object(item: m.CollectionItem) -> SegmentObject:
    sha, url = first_image(item.images)
    return SegmentObject(item.id, item.object_number, item.title or "", item.alt_title or "", sha, url,
                         item.rights or "")


def product_info(product: m.Product, link: ProductLink) -> SegmentProductInfo:
    return SegmentProductInfo(
        product_id=product.id, sku=product.sku, title=product.title or "", alt_title=product.alt_title or "",
        price=product.price, currency=product.currency or "", stock=product.stock, status=product.status or "",
        pitch=link.pitch, live_price=link.live_price, auto_feature=link.auto_feature,
    )


def product_links(seg: m.Segment) -> tuple[ProductLink, ...]:
    return tuple(ProductLink(sp.product_id, sp.pitch or "", sp.live_price, bool(sp.auto_feature)) for sp in seg.products)


def cue_infos(seg: m.Segment) -> tuple[CueInfo, ...]:
    return tuple(CueInfo(c.kind or "text", c.text or "") for c in seg.cues)


def segment_detail(seg: m.Segment, position: int | None = None) -> SegmentDetail:
    return SegmentDetail(
        id=seg.id, position=seg.position if position is None else position, title=seg.title or "",
        planned_seconds=seg.planned_seconds or 0, script=seg.script or "", script_alt=seg.script_alt or "",
        version=seg.version,
        objects=tuple(segment_object(si.item) for si in seg.items),
        products=tuple(product_info(sp.product, link) for sp, link in zip(seg.products, product_links(seg))),
        cues=cue_infos(seg),
    )


def tour_detail(tour: m.Tour) -> TourDetail:
    return TourDetail(
        id=tour.id, title=tour.title, host=tour.host or "", planned_start=tour.planned_start,
        slot_seconds=tour.slot_seconds, language=tour.language or "zh_CN", status=tour.status or "draft",
        is_template=bool(tour.is_template), notes=tour.notes or "", version=tour.version,
        museum_name=tour.museum.name if tour.museum is not None else "",
        segments=tuple(segment_detail(s, pos) for pos, s in enumerate(tour.segments)),
    )


def get_tour(uow: UnitOfWork, tour_id: int) -> TourDetail | None:
    """The whole tour: fields, segments in running order with their objects (first image, rights),
    featured products (catalogue values joined with the link) and cues. ``None`` when it is gone.
    Segment ``position`` is the running index 0..n-1."""
    with uow:
        tour = uow.repos.tours.whole(tour_id)
        return None if tour is None else tour_detail(tour)


def _row(t: m.Tour, speed: ReadingSpeed) -> TourRow:
    timing = plan_tour([(s.title, s.planned_seconds, s.script) for s in t.segments], t.slot_seconds, speed)
    return TourRow(
        id=t.id, title=t.title, host=t.host, language=t.language, planned_start=t.planned_start,
        slot_seconds=t.slot_seconds, segment_count=len(t.segments),
        planned_seconds=timing.planned_seconds, estimated_seconds=timing.estimated_seconds,
        status=t.status, version=t.version, is_template=bool(t.is_template),
    )


def list_tours(uow: UnitOfWork, speed: ReadingSpeed = ReadingSpeed()) -> list[TourRow]:
    """Every tour (templates included, ``is_template`` tells), by title."""
    with uow:
        return [_row(t, speed) for t in uow.repos.tours.all_with_segments()]


def list_templates(uow: UnitOfWork, speed: ReadingSpeed = ReadingSpeed()) -> list[TourRow]:
    """The tours marked as templates, by title."""
    with uow:
        return [_row(t, speed) for t in uow.repos.tours.templates()]


def list_segments(uow: UnitOfWork, tour_id: int, speed: ReadingSpeed = ReadingSpeed()) -> list[SegmentRow]:
    with uow:
        tour = uow.repos.tours.with_details(tour_id)
        if tour is None:
            return []
        timing = plan_tour([(s.title, s.planned_seconds, s.script) for s in tour.segments], tour.slot_seconds, speed)
        return [
            SegmentRow(
                id=s.id, position=s.position, title=s.title, planned_seconds=s.planned_seconds,
                estimated_seconds=t.estimated_seconds, start_offset_seconds=t.start_offset_seconds,
                object_count=len(s.items), product_count=len(s.products), cues=tuple(c.text for c in s.cues),
            )
            for s, t in zip(tour.segments, timing.segments)
        ]


# --- editing a tour ------------------------------------------------------------------------------


def touch(row: m.Tour | m.Segment) -> None:
    """Mark a tour or segment as changed, so its version is bumped (and checked) on commit."""
    row.updated_at = m.utcnow()


def renumber(segments: Sequence[m.Segment]) -> None:
    for pos, seg in enumerate(segments):
        if seg.position != pos:
            seg.position = pos


def rename_tour(uow: UnitOfWork, tour_id: int, title: str) -> str:
    """Give a tour a new title and commit. Returns the previous title (for undo)."""
    old, _new = update_tour_field(uow, tour_id, "title", title)
    return old


def update_tour_field(uow: UnitOfWork, tour_id: int, name: str, value: Any, expected: Any = NOT_GIVEN,
                      force: bool = False) -> tuple[Any, Any]:
    """Set one of ``TOUR_FIELDS`` and commit. Returns (old, new) as stored. With ``expected`` (the
    value the caller saw) a value changed by someone else meanwhile is refused with
    ``TourConflictError`` unless ``force``."""
    if name not in TOUR_FIELDS:
        raise FieldError(name, "not_editable", f"“{name}” cannot be edited here.")
    new = normalize_tour_field(name, value)
    expected = normalized_expected(lambda v: normalize_tour_field(name, v), expected)
    with uow:
        tour = _get_tour(uow, tour_id)
        old = getattr(tour, name)
        check_conflict("tour", tour_id, name, old, expected, new, force)
        if old != new:
            setattr(tour, name, new)
            touch(tour)
            uow.commit()
        return old, new


def set_template(uow: UnitOfWork, tour_id: int, is_template: bool) -> bool:
    """Mark a tour as a template (or not). Returns the old flag."""
    with uow:
        tour = _get_tour(uow, tour_id)
        old = bool(tour.is_template)
        if old != bool(is_template):
            tour.is_template = bool(is_template)
            touch(tour)
            uow.commit()
        return old


def set_tour_status(uow: UnitOfWork, tour_id: int, status: str) -> str:
    """Set a tour's status ("archived" archives it, "draft" restores it from the archive). Returns the old one."""
    if status not in TOUR_STATUSES:
        raise FieldError("status", "invalid", f"A tour's status is one of {', '.join(TOUR_STATUSES)}, not “{status}”.")
    with uow:
        tour = _get_tour(uow, tour_id)
        old = tour.status
        if old != status:
            tour.status = status
            touch(tour)
            uow.commit()
        return old


# --- snapshots -----------------------------------------------------------------------------------
# A snapshot is a JSON-able dict of a whole tour. Links keep both the id and the object number /
# SKU (plus titles, for showing a version whose objects are gone); see docs/tours.md.


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).isoformat() if value is not None else None


def _parse_iso(value: Any) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def segment_snapshot_dict(seg: m.Segment) -> dict[str, Any]:
    return {
        "id": seg.id, "title": seg.title or "", "planned_seconds": seg.planned_seconds or 0,
        "script": seg.script or "", "script_alt": seg.script_alt or "",
        "objects": [{"id": si.item_id, "object_number": si.item.object_number, "title": si.item.title or "",
                     "alt_title": si.item.alt_title or ""} for si in seg.items],
        "products": [{"id": sp.product_id, "sku": sp.product.sku, "title": sp.product.title or "",
                      "alt_title": sp.product.alt_title or "", "pitch": sp.pitch or "",
                      "live_price": None if sp.live_price is None else format(sp.live_price, "f"),
                      "auto_feature": bool(sp.auto_feature)} for sp in seg.products],
        "cues": [{"kind": c.kind or "text", "text": c.text or ""} for c in seg.cues],
    }


def tour_snapshot_dict(tour: m.Tour) -> dict[str, Any]:
    """The tour's fields and segments (with links and cues) as JSON-able values."""
    return {
        "format": SNAPSHOT_FORMAT, "id": tour.id, "title": tour.title, "host": tour.host or "",
        "planned_start": _iso(tour.planned_start), "slot_seconds": tour.slot_seconds,
        "language": tour.language or "zh_CN", "notes": tour.notes or "", "status": tour.status or "draft",
        "is_template": bool(tour.is_template), "museum_id": tour.museum_id,
        "segments": [segment_snapshot_dict(s) for s in tour.segments],
    }


def snapshot_segments(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """The segment dicts of a snapshot (tolerant of older or partial snapshots)."""
    segs = snapshot.get("segments") if isinstance(snapshot, dict) else None
    return [s for s in segs if isinstance(s, dict)] if isinstance(segs, list) else []


def snapshot_fields(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The editable tour fields of a snapshot, as stored values."""
    out: dict[str, Any] = {
        "title": str(snapshot.get("title") or "Untitled tour")[:MAX_TITLE], "host": str(snapshot.get("host") or ""),
        "planned_start": _parse_iso(snapshot.get("planned_start")),
        "slot_seconds": snapshot.get("slot_seconds") or None,
        "language": snapshot.get("language") if snapshot.get("language") in LANGUAGES else "zh_CN",
        "notes": str(snapshot.get("notes") or ""),
    }
    return out


@dataclass
class LinkResolver:
    """Finds the objects and products a snapshot names: by id when that record is still the same
    one (same object number / SKU, or renumbered with its old number unused), else by object
    number / SKU. One query per kind and key."""

    items_by_id: dict[int, m.CollectionItem]
    items_by_number: dict[str, m.CollectionItem]
    products_by_id: dict[int, m.Product]
    products_by_sku: dict[str, m.Product]

    @classmethod
    def for_segments(cls, uow: UnitOfWork, segments: Sequence[dict[str, Any]]) -> LinkResolver:
        objs = [o for s in segments for o in s.get("objects") or [] if isinstance(o, dict)]
        prods = [p for s in segments for p in s.get("products") or [] if isinstance(p, dict)]
        repo = uow.repos.tours
        return cls(
            repo.items_by_ids([int(o["id"]) for o in objs if o.get("id")]),
            repo.items_by_numbers([str(o["object_number"]) for o in objs if o.get("object_number")]),
            repo.products_by_ids([int(p["id"]) for p in prods if p.get("id")]),
            repo.products_by_skus([str(p["sku"]) for p in prods if p.get("sku")]),
        )

    def item(self, ref: dict[str, Any]) -> m.CollectionItem | None:
        number = str(ref.get("object_number") or "")
        row = self.items_by_id.get(int(ref.get("id") or 0))
        if row is not None and (not number or row.object_number == number or number not in self.items_by_number):
            return row
        return self.items_by_number.get(number) if number else None

    def product(self, ref: dict[str, Any]) -> m.Product | None:
        sku = str(ref.get("sku") or "")
        row = self.products_by_id.get(int(ref.get("id") or 0))
        if row is not None and (not sku or row.sku == sku or sku not in self.products_by_sku):
            return row
        return self.products_by_sku.get(sku) if sku else None


def _segment_name(data: dict[str, Any], index: int) -> str:
    return str(data.get("title") or "") or f"#{index + 1}"


def fill_segment(seg: m.Segment, data: dict[str, Any], index: int, refs: LinkResolver, skipped: list[str]) -> None:
    """Make ``seg`` hold the snapshot segment ``data`` (fields, objects, products, cues). Links whose
    object or product no longer exists are left out and named in ``skipped`` (“object QHM.1 in
    “Opening””, “product P-7 in “Opening””)."""
    seg.position = index
    seg.title = str(data.get("title") or "")[:MAX_TITLE]
    seg.planned_seconds = max(0, int(data.get("planned_seconds") or 0))
    seg.script = str(data.get("script") or "")
    seg.script_alt = str(data.get("script_alt") or "")
    name = _segment_name(data, index)
    item_ids: list[int] = []
    for ref in data.get("objects") or []:
        item = refs.item(ref) if isinstance(ref, dict) else None
        if item is None:
            number = ref.get("object_number") if isinstance(ref, dict) else ref
            skipped.append(f"object {number} in “{name}”")
        elif item.id not in item_ids:
            item_ids.append(item.id)
    replace_items(seg, item_ids)
    links: list[ProductLink] = []
    for ref in data.get("products") or []:
        product = refs.product(ref) if isinstance(ref, dict) else None
        if product is None:
            sku = ref.get("sku") if isinstance(ref, dict) else ref
            skipped.append(f"product {sku} in “{name}”")
        elif all(link.product_id != product.id for link in links):
            price = ref.get("live_price")
            links.append(ProductLink(product.id, str(ref.get("pitch") or ""),
                                     Decimal(str(price)) if price not in (None, "") else None,
                                     bool(ref.get("auto_feature"))))
    replace_products(seg, links)
    cues = [CueInfo(str(c.get("kind") or "text"), str(c.get("text") or "")) for c in data.get("cues") or []
            if isinstance(c, dict)]
    replace_cues(seg, [c for c in cues if c.kind in CUE_KINDS and c.text.strip()])


def replace_items(seg: m.Segment, item_ids: Sequence[int]) -> None:
    """The segment's objects become ``item_ids`` in that order (rows of objects it keeps are reused)."""
    kept = {si.item_id: si for si in seg.items}
    rows = []
    for pos, item_id in enumerate(item_ids):
        row = kept.pop(item_id, None) or m.SegmentItem(item_id=item_id)
        row.position = pos
        rows.append(row)
    seg.items = rows


def replace_products(seg: m.Segment, links: Sequence[ProductLink]) -> None:
    kept = {sp.product_id: sp for sp in seg.products}
    rows = []
    for pos, link in enumerate(links):
        row = kept.pop(link.product_id, None) or m.SegmentProduct(product_id=link.product_id)
        row.position = pos
        row.pitch = link.pitch
        row.live_price = link.live_price
        row.auto_feature = link.auto_feature
        rows.append(row)
    seg.products = rows


def replace_cues(seg: m.Segment, cues: Sequence[CueInfo]) -> None:
    old = list(seg.cues)
    rows = []
    for pos, cue in enumerate(cues):
        row = old[pos] if pos < len(old) else m.Cue()
        row.position, row.kind, row.text = pos, cue.kind, cue.text
        rows.append(row)
    seg.cues = rows


def build_segments(uow: UnitOfWork, tour: m.Tour, segments: Sequence[dict[str, Any]], *, keep_ids: bool,
                   skipped: list[str]) -> None:
    """Append new segments made from snapshot dicts to ``tour``. With ``keep_ids`` a segment gets
    its snapshot id back when no segment holds that id now."""
    refs = LinkResolver.for_segments(uow, segments)
    free: set[int] = set()
    if keep_ids:
        wanted = [int(s.get("id") or 0) for s in segments]
        taken = uow.repos.tours.existing_segment_ids(wanted)
        free = {i for i in wanted if i and i not in taken}
    start = len(tour.segments)
    for n, data in enumerate(segments):
        seg_id = int(data.get("id") or 0)
        seg = m.Segment(id=seg_id) if seg_id in free else m.Segment()
        free.discard(seg_id)
        fill_segment(seg, data, start + n, refs, skipped)
        tour.segments.append(seg)


def _first_museum_id(uow: UnitOfWork, wanted: int | None = None) -> int | None:
    if wanted is not None and uow.session.get(m.Museum, wanted) is not None:
        return wanted
    museum = uow.repos.museums.first()
    return museum.id if museum is not None else None


# --- creating, copying, deleting -----------------------------------------------------------------


def create_tour(uow: UnitOfWork, title: str, template_id: int | None = None) -> int:
    """A new draft tour, blank or made from a template (host, slot, language, notes and every
    segment with its script, objects, products and cues; not the planned start). Returns its id."""
    title = normalize_tour_field("title", title)
    with uow:
        if template_id is None:
            tour = m.Tour(title=title, museum_id=_first_museum_id(uow), status="draft", is_template=False)
            uow.repos.tours.add(tour)
        else:
            template = uow.repos.tours.whole(template_id)
            if template is None:
                raise TourMissingError()
            tour = m.Tour(title=title, museum_id=template.museum_id or _first_museum_id(uow), host=template.host,
                          slot_seconds=template.slot_seconds, language=template.language, notes=template.notes,
                          status="draft", is_template=False)
            uow.repos.tours.add(tour)
            segments = [segment_snapshot_dict(s) for s in template.segments]
            build_segments(uow, tour, segments, keep_ids=False, skipped=[])
        uow.session.flush()
        tour_id = tour.id
        uow.commit()
        return tour_id


def duplicate_tour(uow: UnitOfWork, tour_id: int, title: str) -> int:
    """A full copy of a tour (fields, segments, links, cues; not its saved versions) under a new
    title. The copy is a draft; a copy of a template is a template. Returns its id."""
    title = normalize_tour_field("title", title)
    with uow:
        source = uow.repos.tours.whole(tour_id)
        if source is None:
            raise TourMissingError()
        tour = m.Tour(title=title, museum_id=source.museum_id, host=source.host, planned_start=source.planned_start,
                      slot_seconds=source.slot_seconds, language=source.language, notes=source.notes,
                      status="draft", is_template=bool(source.is_template))
        uow.repos.tours.add(tour)
        build_segments(uow, tour, [segment_snapshot_dict(s) for s in source.segments], keep_ids=False, skipped=[])
        uow.session.flush()
        new_id = tour.id
        uow.commit()
        return new_id


def delete_summary(uow: UnitOfWork, tour_id: int) -> tuple[int, int]:
    """(segments, live sessions recorded from it) for the confirmation question. The sessions stay
    (with the snapshot frozen when they started); they just no longer point at the tour."""
    with uow:
        tour = uow.repos.tours.whole(tour_id)
        if tour is None:
            raise TourMissingError()
        return len(tour.segments), uow.repos.tours.session_count(tour_id)


def delete_tour(uow: UnitOfWork, tour_id: int) -> dict[str, Any]:
    """Delete a tour with its segments, links, cues and saved versions, and commit. Returns a
    JSON-able snapshot of all of it, which ``restore_tour`` puts back."""
    with uow:
        tour = uow.repos.tours.whole(tour_id)
        if tour is None:
            raise TourMissingError()
        snap = tour_snapshot_dict(tour)
        snap["created_at"] = _iso(tour.created_at)
        snap["versions"] = [{"name": v.name, "created_at": _iso(v.created_at), "snapshot": v.snapshot}
                            for v in tour.saved_versions]
        snap["sessions"] = uow.repos.tours.session_ids(tour_id)
        uow.session.delete(tour)
        uow.commit()
        return snap


def restore_tour(uow: UnitOfWork, snapshot: dict[str, Any]) -> int:
    """Re-create a deleted tour from ``delete_tour``'s snapshot (undo). It gets its old id back when
    that is free (and so do its segments), and the live sessions recorded from it point at it again.
    Objects and products deleted meanwhile are left out. Returns its id."""
    if not isinstance(snapshot, dict) or "title" not in snapshot:
        raise ValidationError("This is not a tour snapshot.")
    fields = snapshot_fields(snapshot)
    with uow:
        s = uow.session
        old_id = int(snapshot.get("id") or 0)
        tour = m.Tour(**fields, museum_id=_first_museum_id(uow, snapshot.get("museum_id")),
                      status=snapshot.get("status") if snapshot.get("status") in TOUR_STATUSES else "draft",
                      is_template=bool(snapshot.get("is_template")))
        if old_id and not uow.repos.tours.tour_id_taken(old_id):
            tour.id = old_id
        created = _parse_iso(snapshot.get("created_at"))
        if created is not None:
            tour.created_at = created
        uow.repos.tours.add(tour)
        build_segments(uow, tour, snapshot_segments(snapshot), keep_ids=True, skipped=[])
        for v in snapshot.get("versions") or []:
            if isinstance(v, dict) and isinstance(v.get("snapshot"), dict):
                tour.saved_versions.append(m.TourVersion(name=str(v.get("name") or "")[:300],
                                                         created_at=_parse_iso(v.get("created_at")) or m.utcnow(),
                                                         snapshot=v["snapshot"]))
        s.flush()
        sessions = [int(i) for i in snapshot.get("sessions") or []]
        if sessions:
            s.execute(update(m.LiveSession).where(m.LiveSession.id.in_(sessions), m.LiveSession.tour_id.is_(None))
                      .values(tour_id=tour.id))
        new_id = tour.id
        uow.commit()
        return new_id
