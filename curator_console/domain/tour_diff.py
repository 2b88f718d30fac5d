"""What changed between two states of a tour (a saved version and the tour now, or two versions).

``compare_tours(before, after)`` lists the changes in reading order: the tour's own fields first,
then segment by segment in ``after``'s running order, a removed segment right after the segment
that preceded it in ``before``. Segments are the same segment when both ids are non-zero and equal;
a segment with id 0 on either side (one re-created or no longer in the tour) is matched by title.

A segment is reported ``moved`` only when its place relative to the other kept segments changed
(adding or removing a segment before it does not move it); ``before``/``after`` are then its
1-based positions. Values are plain text: objects as object numbers, products as
``SKU @live-price [auto] “pitch”``, cues one per line (``[obs_scene] name`` for OBS scenes).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from curator_console.domain.tour_plan import CUE_TEXT, SegmentDetail, SegmentProductInfo, TourDetail

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
MOVED = "moved"

TOUR_FIELDS = ("title", "host", "slot_seconds", "language")
SEGMENT_FIELDS = ("title", "planned_seconds", "script", "script_alt", "objects", "products", "cues")


@dataclass(frozen=True)
class TourChange:
    kind: str  # "added" | "removed" | "changed" | "moved"
    segment_title: str  # "" for the tour's own fields
    field: str  # a field name, "segment" for added/removed, "position" for moved
    before: str
    after: str


def _money(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0")
        whole, _, frac = text.partition(".")
        text = f"{whole}.{frac.ljust(2, '0')}"
    return text


def _product(p: SegmentProductInfo) -> str:
    parts = [p.sku]
    if p.live_price is not None:
        parts.append(f"@{_money(p.live_price)}")
    if p.auto_feature:
        parts.append("[auto]")
    if p.pitch:
        parts.append(f"“{p.pitch}”")
    return " ".join(parts)


def _value(seg: SegmentDetail, name: str) -> str:
    if name == "objects":
        return ", ".join(o.object_number for o in seg.objects)
    if name == "products":
        return "\n".join(_product(p) for p in seg.products)
    if name == "cues":
        return "\n".join(c.text if c.kind == CUE_TEXT else f"[{c.kind}] {c.text}" for c in seg.cues)
    value = getattr(seg, name)
    return "" if value is None else str(value)


def _tour_value(tour: TourDetail, name: str) -> str:
    value = getattr(tour, name)
    return "" if value is None else str(value)


def _match(before: tuple[SegmentDetail, ...], after: tuple[SegmentDetail, ...]) -> dict[int, int]:
    """after index → before index of the same segment."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_id = {s.id: i for i, s in enumerate(before) if s.id}
    for j, seg in enumerate(after):
        i = by_id.get(seg.id) if seg.id else None
        if i is not None:
            pairs[j] = i
            used.add(i)
    for j, seg in enumerate(after):
        if j in pairs:
            continue
        for i, old in enumerate(before):
            if i in used or old.title != seg.title:
                continue
            if seg.id and old.id:  # both known and different: different segments
                continue
            pairs[j] = i
            used.add(i)
            break
    return pairs


def _kept_in_order(sequence: list[int]) -> set[int]:
    """The longest increasing subsequence of ``sequence`` (its values): what did not move."""
    tails: list[int] = []  # index into sequence of the smallest tail of each length
    prev: list[int] = [-1] * len(sequence)
    for k, value in enumerate(sequence):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if sequence[tails[mid]] < value:
                lo = mid + 1
            else:
                hi = mid
        prev[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    kept: set[int] = set()
    k = tails[-1] if tails else -1
    while k >= 0:
        kept.add(sequence[k])
        k = prev[k]
    return kept


def compare_tours(before: TourDetail, after: TourDetail) -> list[TourChange]:
    """Every difference from ``before`` to ``after``, in reading order."""
    changes: list[TourChange] = []
    for name in TOUR_FIELDS:
        old, new = _tour_value(before, name), _tour_value(after, name)
        if old != new:
            changes.append(TourChange(CHANGED, "", name, old, new))

    pairs = _match(before.segments, after.segments)
    matched_before = set(pairs.values())
    kept = _kept_in_order([pairs[j] for j in range(len(after.segments)) if j in pairs])

    # Removed segments go after the before-segment that preceded them (None: at the very start).
    removed_after: dict[int | None, list[int]] = {}
    anchor: int | None = None
    for i in range(len(before.segments)):
        if i in matched_before:
            anchor = i
        else:
            removed_after.setdefault(anchor, []).append(i)

    def emit_removed(anchor_index: int | None) -> None:
        for i in removed_after.pop(anchor_index, []):
            title = before.segments[i].title
            changes.append(TourChange(REMOVED, title, "segment", title, ""))

    emit_removed(None)
    for j, seg in enumerate(after.segments):
        i = pairs.get(j)
        if i is None:
            changes.append(TourChange(ADDED, seg.title, "segment", "", seg.title))
            continue
        old = before.segments[i]
        if i not in kept:
            changes.append(TourChange(MOVED, seg.title, "position", str(i + 1), str(j + 1)))
        for name in SEGMENT_FIELDS:
            a, b = _value(old, name), _value(seg, name)
            if a != b:
                changes.append(TourChange(CHANGED, seg.title, name, a, b))
        emit_removed(i)
    for anchor_index in sorted(k for k in removed_after if k is not None):
        emit_removed(anchor_index)
    return changes
