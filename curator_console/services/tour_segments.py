"""Segment use cases: add, delete (with a snapshot that restores it), move, edit a field, and set
the objects, featured products and cues of a segment.

Every edit commits at once and bumps the segment's version (and, for add/delete/move, the
tour's), so an edit racing a colleague's on a shared database ends in ``ConcurrentEditError``
instead of a silent overwrite. Edits that take ``expected`` (what the caller saw) refuse with
``TourConflictError`` when the database holds something else now, unless ``force`` ("keep mine").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from curator_console.domain.tour_plan import CUE_KINDS, CueInfo, ProductLink, SegmentDetail
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.collection import ValidationError
from curator_console.services.collection_objects import FieldError
from curator_console.services.tours import (
    MAX_TITLE,
    NOT_GIVEN,
    LinkResolver,
    SegmentMissingError,
    TourConflictError,
    TourMissingError,
    check_conflict,
    cue_infos,
    fill_segment,
    normalize_int,
    normalize_money,
    normalize_text,
    normalized_expected,
    product_links,
    renumber,
    replace_cues,
    replace_items,
    replace_products,
    segment_detail,
    touch,
)

__all__ = ["SegmentSnapshot", "SegmentMissingError", "TourConflictError", "TourMissingError"]

SEGMENT_FIELDS = ("title", "planned_seconds", "script", "script_alt")
MAX_PLANNED_SECONDS = 24 * 3600
MAX_SCRIPT = 200_000
MAX_PITCH = 1000
MAX_CUE = 500
DEFAULT_PLANNED_SECONDS = 300


@dataclass(frozen=True)
class SegmentSnapshot:
    """Everything of a deleted segment, to put it back (``restore_segment``). Links keep the ids
    and the object numbers / SKUs, so they are found again even if only the latter still match."""

    id: int
    tour_id: int
    index: int
    title: str
    planned_seconds: int
    script: str
    script_alt: str
    version: int = 1
    item_ids: tuple[int, ...] = ()
    object_numbers: tuple[str, ...] = ()
    products: tuple[ProductLink, ...] = ()
    skus: tuple[str, ...] = ()
    cues: tuple[CueInfo, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The segment in the tour snapshot format (see ``services/tours.py``)."""
        return {
            "id": self.id, "title": self.title, "planned_seconds": self.planned_seconds, "script": self.script,
            "script_alt": self.script_alt,
            "objects": [{"id": i, "object_number": n} for i, n in zip(self.item_ids, self.object_numbers)],
            "products": [{"id": p.product_id, "sku": sku, "pitch": p.pitch,
                          "live_price": None if p.live_price is None else format(p.live_price, "f"),
                          "auto_feature": p.auto_feature} for p, sku in zip(self.products, self.skus)],
            "cues": [{"kind": c.kind, "text": c.text} for c in self.cues],
        }


# --- helpers -------------------------------------------------------------------------------------


def _segment(uow: UnitOfWork, segment_id: int) -> m.Segment:
    seg = uow.repos.tours.segment_with_links(segment_id)
    if seg is None:
        raise SegmentMissingError()
    return seg


def _tour(uow: UnitOfWork, tour_id: int) -> m.Tour:
    tour = uow.repos.tours.with_details(tour_id)
    if tour is None:
        raise TourMissingError()
    return tour


def normalize_segment_field(name: str, value: Any) -> Any:
    if name == "title":
        return normalize_text("title", value, MAX_TITLE, label="The segment's title")
    if name == "planned_seconds":
        return normalize_int("planned_seconds", value, 0, MAX_PLANNED_SECONDS, label="The planned time")
    if name == "script":
        return normalize_text("script", value, MAX_SCRIPT, line=False, label="The script")
    if name == "script_alt":
        return normalize_text("script_alt", value, MAX_SCRIPT, line=False, label="The second-language script")
    raise FieldError(name, "not_editable", f"“{name}” cannot be edited here.")


def normalize_links(links: Sequence[ProductLink]) -> tuple[ProductLink, ...]:
    """Links with stripped pitches and checked prices; a product listed twice keeps its first link."""
    out: list[ProductLink] = []
    for link in links:
        if not isinstance(link, ProductLink):
            raise FieldError("products", "invalid", "A featured product must be given as a ProductLink.")
        pitch = normalize_text("products", link.pitch, MAX_PITCH, label="A product's pitch line")
        price = normalize_money("products", link.live_price, "A live price")
        if all(o.product_id != link.product_id for o in out):
            out.append(ProductLink(int(link.product_id), pitch, price, bool(link.auto_feature)))
    return tuple(out)


def normalize_cues(cues: Sequence[CueInfo]) -> tuple[CueInfo, ...]:
    """Cues with stripped text; empty ones dropped; unknown kinds refused."""
    out: list[CueInfo] = []
    for cue in cues:
        if cue.kind not in CUE_KINDS:
            raise FieldError("cues", "invalid", f"A cue is one of {', '.join(CUE_KINDS)}, not “{cue.kind}”.")
        text = normalize_text("cues", cue.text, MAX_CUE, label="A cue")
        if text:
            out.append(CueInfo(cue.kind, text))
    return tuple(out)


# --- reading -------------------------------------------------------------------------------------


def get_segment(uow: UnitOfWork, segment_id: int) -> SegmentDetail | None:
    """One segment as ``get_tour`` shows it (``position`` is its running index), or ``None``."""
    with uow:
        seg = uow.repos.tours.segment_with_links(segment_id)
        if seg is None:
            return None
        index = [s.id for s in uow.repos.tours.get(seg.tour_id).segments].index(seg.id)
        return segment_detail(seg, index)


# --- structure -----------------------------------------------------------------------------------


def add_segment(uow: UnitOfWork, tour_id: int, index: int | None = None, title: str = "",
                planned_seconds: int = DEFAULT_PLANNED_SECONDS) -> int:
    """A new empty segment at ``index`` (``None``: at the end). Returns its id."""
    title = normalize_segment_field("title", title)
    planned = normalize_segment_field("planned_seconds", planned_seconds)
    with uow:
        tour = _tour(uow, tour_id)
        segments = list(tour.segments)
        at = len(segments) if index is None else max(0, min(int(index), len(segments)))
        seg = m.Segment(title=title, planned_seconds=planned, script="", script_alt="", position=at)
        segments.insert(at, seg)
        tour.segments = segments
        renumber(segments)
        touch(tour)
        uow.session.flush()
        seg_id = seg.id
        uow.commit()
        return seg_id


def _snapshot(seg: m.Segment, index: int) -> SegmentSnapshot:
    return SegmentSnapshot(
        id=seg.id, tour_id=seg.tour_id, index=index, title=seg.title or "", planned_seconds=seg.planned_seconds or 0,
        script=seg.script or "", script_alt=seg.script_alt or "", version=seg.version,
        item_ids=tuple(si.item_id for si in seg.items), object_numbers=tuple(si.item.object_number for si in seg.items),
        products=product_links(seg), skus=tuple(sp.product.sku for sp in seg.products), cues=cue_infos(seg),
    )


def delete_segment(uow: UnitOfWork, segment_id: int) -> SegmentSnapshot:
    """Delete a segment with its links and cues, and commit. Returns its snapshot (for undo)."""
    with uow:
        seg = _segment(uow, segment_id)
        tour = _tour(uow, seg.tour_id)
        segments = list(tour.segments)
        index = [s.id for s in segments].index(seg.id)
        snap = _snapshot(seg, index)
        segments.pop(index)
        tour.segments = segments  # delete-orphan removes the row with its links and cues
        renumber(segments)
        touch(tour)
        uow.commit()
        return snap


def restore_segment(uow: UnitOfWork, tour_id: int, snapshot: SegmentSnapshot) -> int:
    """Put a deleted segment back at its index (or at the end if the tour is shorter now). It keeps
    its old id when no segment holds that id; objects and products deleted meanwhile are left out.
    Returns its id."""
    with uow:
        tour = _tour(uow, tour_id)
        data = snapshot.as_dict()
        refs = LinkResolver.for_segments(uow, [data])
        free = snapshot.id and not uow.repos.tours.existing_segment_ids([snapshot.id])
        seg = m.Segment(id=snapshot.id) if free else m.Segment()
        segments = list(tour.segments)
        at = max(0, min(snapshot.index, len(segments)))
        fill_segment(seg, data, at, refs, skipped=[])
        segments.insert(at, seg)
        tour.segments = segments
        renumber(segments)
        touch(tour)
        uow.session.flush()
        seg_id = seg.id
        uow.commit()
        return seg_id


def move_segment(uow: UnitOfWork, tour_id: int, from_index: int, to_index: int,
                 expected_order: Sequence[int] | None = None) -> tuple[int, ...]:
    """Move the segment at ``from_index`` to ``to_index`` and commit. Returns the segment ids in
    their new order. With ``expected_order`` (the ids in the order the caller saw) a tour whose
    segments were added, removed or reordered meanwhile is refused with ``TourConflictError``."""
    with uow:
        tour = _tour(uow, tour_id)
        segments = list(tour.segments)
        order = tuple(s.id for s in segments)
        if expected_order is not None and tuple(expected_order) != order:
            wanted = list(expected_order)
            if 0 <= from_index < len(wanted) and 0 <= to_index < len(wanted):
                wanted.insert(to_index, wanted.pop(from_index))
            raise TourConflictError("tour", tour_id, "order", tuple(expected_order), tuple(wanted), order)
        if not (0 <= from_index < len(segments) and 0 <= to_index < len(segments)):
            raise ValidationError("This segment is no longer there.")
        if from_index == to_index:
            return order
        segments.insert(to_index, segments.pop(from_index))
        tour.segments = segments
        renumber(segments)
        touch(tour)
        new_order = tuple(s.id for s in segments)
        uow.commit()
        return new_order


# --- contents ------------------------------------------------------------------------------------


def update_segment_field(uow: UnitOfWork, segment_id: int, name: str, value: Any, expected: Any = NOT_GIVEN,
                         force: bool = False) -> tuple[Any, Any]:
    """Set ``title``, ``planned_seconds`` (0 … 24 h), ``script`` or ``script_alt`` and commit.
    Returns (old, new) as stored; conflicts as in ``tours.update_tour_field``."""
    if name not in SEGMENT_FIELDS:
        raise FieldError(name, "not_editable", f"“{name}” cannot be edited here.")
    new = normalize_segment_field(name, value)
    expected = normalized_expected(lambda v: normalize_segment_field(name, v), expected)
    with uow:
        seg = uow.repos.tours.segment(segment_id)
        if seg is None:
            raise SegmentMissingError()
        old = getattr(seg, name)
        check_conflict("segment", segment_id, name, old, expected, new, force)
        if old != new:
            setattr(seg, name, new)
            touch(seg)
            uow.commit()
        return old, new


def set_segment_objects(uow: UnitOfWork, segment_id: int, item_ids: Sequence[int],
                        expected: Sequence[int] | None = None, force: bool = False
                        ) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The segment shows exactly ``item_ids``, in that order (duplicates dropped). Returns (old, new)."""
    new = tuple(dict.fromkeys(int(i) for i in item_ids))
    with uow:
        seg = _segment(uow, segment_id)
        old = tuple(si.item_id for si in seg.items)
        check_conflict("segment", segment_id, "objects", old,
                       normalized_expected(lambda v: tuple(dict.fromkeys(int(i) for i in v)), expected), new, force)
        if old == new:
            return old, new
        found = uow.repos.tours.items_by_ids(new)
        missing = [i for i in new if i not in found]
        if missing:
            raise FieldError("objects", "invalid", "Some of these objects no longer exist: "
                             + ", ".join(f"#{i}" for i in missing) + ".")
        replace_items(seg, new)
        touch(seg)
        uow.commit()
        return old, new


def set_segment_products(uow: UnitOfWork, segment_id: int, links: Sequence[ProductLink],
                         expected: Sequence[ProductLink] | None = None, force: bool = False
                         ) -> tuple[tuple[ProductLink, ...], tuple[ProductLink, ...]]:
    """The segment features exactly ``links`` (pitch, live price ≥ 0 or none, auto-feature), in that
    order. Returns (old, new)."""
    new = normalize_links(links)
    with uow:
        seg = _segment(uow, segment_id)
        old = product_links(seg)
        check_conflict("segment", segment_id, "products", old, normalized_expected(normalize_links, expected), new,
                       force)
        if old == new:
            return old, new
        found = uow.repos.tours.products_by_ids([link.product_id for link in new])
        missing = [link.product_id for link in new if link.product_id not in found]
        if missing:
            raise FieldError("products", "invalid", "Some of these products no longer exist: "
                             + ", ".join(f"#{i}" for i in missing) + ".")
        replace_products(seg, new)
        touch(seg)
        uow.commit()
        return old, new


def set_segment_cues(uow: UnitOfWork, segment_id: int, cues: Sequence[CueInfo],
                     expected: Sequence[CueInfo] | None = None, force: bool = False
                     ) -> tuple[tuple[CueInfo, ...], tuple[CueInfo, ...]]:
    """The segment's cues become ``cues`` in order (empty ones dropped). Returns (old, new)."""
    new = normalize_cues(cues)
    with uow:
        seg = _segment(uow, segment_id)
        old = cue_infos(seg)
        check_conflict("segment", segment_id, "cues", old, normalized_expected(normalize_cues, expected), new, force)
        if old == new:
            return old, new
        replace_cues(seg, new)
        touch(seg)
        uow.commit()
        return old, new
