"""Saved versions of a tour ("Save version"): save, list, show one, and restore a version or any
snapshot (the undo of a restore).

A version is a JSON snapshot of the tour's fields and segments (``tours.tour_snapshot_dict``).
Restoring one replaces the tour's editable fields and segments in one transaction; segments that
still exist in the tour keep their ids (so an open editor keeps pointing at them), and links to
objects or products deleted since are left out and reported. See docs/tours.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from curator_console.domain.tour_plan import (
    CUE_KINDS,
    CueInfo,
    ProductLink,
    SegmentDetail,
    SegmentObject,
    SegmentProductInfo,
    TourDetail,
    TourVersionRow,
)
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.collection import ValidationError
from curator_console.services.tours import (
    LinkResolver,
    TourMissingError,
    fill_segment,
    first_image,
    normalize_text,
    product_info,
    snapshot_fields,
    snapshot_segments,
    touch,
    tour_snapshot_dict,
)

__all__ = ["TourMissingError", "VersionMissingError"]

MAX_VERSION_NAME = 300


class VersionMissingError(ValidationError):
    """The saved version was deleted (or its tour was)."""

    def __init__(self) -> None:
        super().__init__("This saved version no longer exists.")


def _whole_tour(uow: UnitOfWork, tour_id: int) -> m.Tour:
    tour = uow.repos.tours.whole(tour_id)
    if tour is None:
        raise TourMissingError()
    return tour


def _version(uow: UnitOfWork, version_id: int) -> m.TourVersion:
    version = uow.repos.tours.version(version_id)
    if version is None:
        raise VersionMissingError()
    return version


def save_version(uow: UnitOfWork, tour_id: int, name: str) -> int:
    """Keep the tour as it is now under ``name``. Returns the version's id."""
    name = normalize_text("name", name, MAX_VERSION_NAME, required=True, label="The version's name")
    with uow:
        tour = _whole_tour(uow, tour_id)
        version = m.TourVersion(tour_id=tour.id, name=name, snapshot=tour_snapshot_dict(tour))
        uow.session.add(version)
        uow.session.flush()
        version_id = version.id
        uow.commit()
        return version_id


def list_versions(uow: UnitOfWork, tour_id: int) -> list[TourVersionRow]:
    """The tour's saved versions, newest first."""
    with uow:
        rows = []
        for v in uow.repos.tours.versions(tour_id):
            segs = snapshot_segments(v.snapshot)
            planned = sum(max(0, int(s.get("planned_seconds") or 0)) for s in segs)
            rows.append(TourVersionRow(v.id, v.name, v.created_at, len(segs), planned))
        return rows


def delete_version(uow: UnitOfWork, version_id: int) -> None:
    """Forget a saved version."""
    with uow:
        uow.session.delete(_version(uow, version_id))
        uow.commit()


def current_snapshot(uow: UnitOfWork, tour_id: int) -> dict[str, Any]:
    """The tour as it is now, in the snapshot format (JSON-able)."""
    with uow:
        return tour_snapshot_dict(_whole_tour(uow, tour_id))


def version_detail(uow: UnitOfWork, version_id: int) -> TourDetail:
    """A saved version as a ``TourDetail`` (to show it or compare it with the tour now). Objects and
    products are described as they are now; those deleted since have id 0 and the number / SKU
    and title they had. Segments that no longer exist in the tour have id 0; ``version`` is 0."""
    with uow:
        version = _version(uow, version_id)
        tour = uow.repos.tours.whole(version.tour_id)
        if tour is None:
            raise VersionMissingError()
        snap = version.snapshot if isinstance(version.snapshot, dict) else {}
        segs = snapshot_segments(snap)
        refs = LinkResolver.for_segments(uow, segs)
        resolved_items = {id(ref): refs.item(ref) for s in segs for ref in s.get("objects") or [] if isinstance(ref, dict)}
        images = uow.repos.tours.images_of([i.id for i in resolved_items.values() if i is not None])
        current = {s.id for s in tour.segments}
        segments = []
        for n, data in enumerate(segs):
            objects = []
            for ref in data.get("objects") or []:
                if not isinstance(ref, dict):
                    continue
                item = resolved_items.get(id(ref))
                if item is None:
                    objects.append(SegmentObject(0, str(ref.get("object_number") or ""), str(ref.get("title") or ""),
                                                 str(ref.get("alt_title") or "")))
                else:
                    sha, url = first_image(images.get(item.id, []))
                    objects.append(SegmentObject(item.id, item.object_number, item.title or "", item.alt_title or "",
                                                 sha, url, item.rights or ""))
            products = []
            for ref in data.get("products") or []:
                if not isinstance(ref, dict):
                    continue
                price = ref.get("live_price")
                link = ProductLink(0, str(ref.get("pitch") or ""), Decimal(str(price)) if price not in (None, "") else None,
                                   bool(ref.get("auto_feature")))
                product = refs.product(ref)
                if product is None:
                    products.append(SegmentProductInfo(0, str(ref.get("sku") or ""), str(ref.get("title") or ""),
                                                       str(ref.get("alt_title") or ""), None, "", None, "",
                                                       link.pitch, link.live_price, link.auto_feature))
                else:
                    products.append(product_info(product, link))
            cues = tuple(CueInfo(str(c.get("kind") or "text"), str(c.get("text") or ""))
                         for c in data.get("cues") or [] if isinstance(c, dict) and c.get("kind", "text") in CUE_KINDS)
            seg_id = int(data.get("id") or 0)
            segments.append(SegmentDetail(
                id=seg_id if seg_id in current else 0, position=n, title=str(data.get("title") or ""),
                planned_seconds=max(0, int(data.get("planned_seconds") or 0)), script=str(data.get("script") or ""),
                script_alt=str(data.get("script_alt") or ""), version=0, objects=tuple(objects),
                products=tuple(products), cues=cues,
            ))
        fields = snapshot_fields(snap) if snap else snapshot_fields({"title": tour.title})
        return TourDetail(
            id=tour.id, title=fields["title"], host=fields["host"], planned_start=fields["planned_start"],
            slot_seconds=fields["slot_seconds"], language=fields["language"],
            status=str(snap.get("status") or tour.status), is_template=bool(snap.get("is_template", tour.is_template)),
            notes=fields["notes"], version=0, museum_name=tour.museum.name if tour.museum is not None else "",
            segments=tuple(segments),
        )


def _apply(uow: UnitOfWork, tour: m.Tour, snapshot: dict[str, Any]) -> list[str]:
    """Make ``tour`` (loaded whole) hold the snapshot's editable fields and segments."""
    skipped: list[str] = []
    for name, value in snapshot_fields(snapshot).items():
        if getattr(tour, name) != value:
            setattr(tour, name, value)
    touch(tour)
    segs = snapshot_segments(snapshot)
    refs = LinkResolver.for_segments(uow, segs)
    current = {s.id: s for s in tour.segments}
    wanted = [int(d.get("id") or 0) for d in segs]
    taken = uow.repos.tours.existing_segment_ids([i for i in wanted if i and i not in current])
    used: set[int] = set()
    segments: list[m.Segment] = []
    for n, data in enumerate(segs):
        seg_id = int(data.get("id") or 0)
        if seg_id in current and seg_id not in used:
            seg = current[seg_id]
            touch(seg)
        elif seg_id and seg_id not in current and seg_id not in taken and seg_id not in used:
            seg = m.Segment(id=seg_id)
        else:
            seg = m.Segment()
        used.add(seg_id)
        fill_segment(seg, data, n, refs, skipped)
        segments.append(seg)
    tour.segments = segments  # segments not in the snapshot are deleted (with their links and cues)
    return skipped


def restore_snapshot(uow: UnitOfWork, tour_id: int, snapshot: dict[str, Any]) -> list[str]:
    """Replace the tour's editable fields (title, host, planned start, slot, language, notes) and
    all its segments with ``snapshot``'s, and commit. Status and template flag stay as they are.
    Returns a reference to every object or product it had to leave out (deleted since), such as
    “object QHM.1987.034 in “Opening””."""
    if not isinstance(snapshot, dict) or "title" not in snapshot:
        raise ValidationError("This is not a tour snapshot.")
    with uow:
        skipped = _apply(uow, _whole_tour(uow, tour_id), snapshot)
        uow.commit()
        return skipped


def restore_version_report(uow: UnitOfWork, version_id: int) -> tuple[dict[str, Any], list[str]]:
    """``restore_version`` that also returns what it had to leave out (as ``restore_snapshot``)."""
    with uow:
        version = _version(uow, version_id)
        tour = _whole_tour(uow, version.tour_id)
        before = tour_snapshot_dict(tour)
        if not isinstance(version.snapshot, dict) or "title" not in version.snapshot:
            raise ValidationError("This saved version cannot be restored: its snapshot is incomplete.")
        skipped = _apply(uow, tour, version.snapshot)
        uow.commit()
        return before, skipped


def restore_version(uow: UnitOfWork, version_id: int) -> dict[str, Any]:
    """Make the tour what it was when the version was saved, and commit. Returns the tour's
    snapshot from just before, so that undo can call ``restore_snapshot`` with it."""
    before, _skipped = restore_version_report(uow, version_id)
    return before
