"""Comparing two states of a tour: matching segments, every compared field, moves, adds and removals."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from curator_console.domain.tour_diff import TourChange, compare_tours
from curator_console.domain.tour_plan import CueInfo, SegmentDetail, SegmentObject, SegmentProductInfo, TourDetail


def seg(seg_id: int, title: str, **kw) -> SegmentDetail:
    values = dict(position=0, planned_seconds=300, script=f"Script of {title}", script_alt="", version=1)
    values.update(kw)
    return SegmentDetail(seg_id, title=title, **values)


def tour(*segments, **kw) -> TourDetail:
    values = dict(title="Night tour", host="Lin", planned_start=None, slot_seconds=3600, language="zh_CN",
                  status="draft", is_template=False, notes="", version=3)
    values.update(kw)
    return TourDetail(1, segments=tuple(segments), **values)


def obj(number: str) -> SegmentObject:
    return SegmentObject(0, number, f"Object {number}")


def prod(sku: str, **kw) -> SegmentProductInfo:
    return SegmentProductInfo(0, sku, "t", "", Decimal("10"), "CNY", 5, "active", **kw)


A, B, C, D = seg(1, "Opening"), seg(2, "Porcelain"), seg(3, "Embroidery"), seg(4, "Closing")


def test_identical_tours_have_no_changes():
    assert compare_tours(tour(A, B, C), tour(A, B, C)) == []


def test_tour_fields_title_host_slot_and_language():
    before, after = tour(A), tour(A, title="Evening tour", host="Wang", slot_seconds=None, language="en",
                                  notes="ignored", status="ready", version=9)
    assert compare_tours(before, after) == [
        TourChange("changed", "", "title", "Night tour", "Evening tour"),
        TourChange("changed", "", "host", "Lin", "Wang"),
        TourChange("changed", "", "slot_seconds", "3600", ""),
        TourChange("changed", "", "language", "zh_CN", "en"),
    ]


def test_every_segment_field_is_compared():
    changed = replace(
        B, title="Blue and white", planned_seconds=420, script="New script", script_alt="English",
        objects=(obj("QHM.1"), obj("QHM.2")), products=(prod("P-1", live_price=Decimal("179.0000"), auto_feature=True,
                                                             pitch="Only tonight"),),
        cues=(CueInfo("text", "Camera 2"), CueInfo("obs_scene", "Close-up")), version=7,
    )
    changes = compare_tours(tour(A, B), tour(A, changed))
    assert [(c.kind, c.segment_title, c.field) for c in changes] == [
        ("changed", "Blue and white", f) for f in
        ("title", "planned_seconds", "script", "script_alt", "objects", "products", "cues")
    ]
    by_field = {c.field: c for c in changes}
    assert (by_field["title"].before, by_field["title"].after) == ("Porcelain", "Blue and white")
    assert (by_field["planned_seconds"].before, by_field["planned_seconds"].after) == ("300", "420")
    assert by_field["objects"].after == "QHM.1, QHM.2"
    assert by_field["products"].after == "P-1 @179.00 [auto] “Only tonight”"
    assert by_field["cues"].after == "Camera 2\n[obs_scene] Close-up"


def test_a_product_link_change_is_seen_but_the_same_price_written_differently_is_not():
    before = replace(B, products=(prod("P-1", live_price=Decimal("179.00")),))
    same = replace(B, products=(prod("P-1", live_price=Decimal("179.0000")),))
    dearer = replace(B, products=(prod("P-1", live_price=Decimal("189")),))
    assert compare_tours(tour(before), tour(same)) == []
    (change,) = compare_tours(tour(before), tour(dearer))
    assert (change.field, change.before, change.after) == ("products", "P-1 @179.00", "P-1 @189")


def test_added_and_removed_segments_in_reading_order():
    changes = compare_tours(tour(A, B, C, D), tour(A, seg(5, "Q&A"), C, D))
    assert changes == [
        TourChange("removed", "Porcelain", "segment", "Porcelain", ""),
        TourChange("added", "Q&A", "segment", "", "Q&A"),
    ]
    assert compare_tours(tour(A, B), tour(B)) == [TourChange("removed", "Opening", "segment", "Opening", "")]


def test_removing_or_adding_a_segment_does_not_move_the_others():
    assert [c.kind for c in compare_tours(tour(A, B, C, D), tour(B, C, D))] == ["removed"]
    assert [c.kind for c in compare_tours(tour(B, C, D), tour(A, B, C, D))] == ["added"]


def test_a_moved_segment_is_reported_once_with_its_positions():
    changes = compare_tours(tour(A, B, C, D), tour(A, C, D, B))
    assert changes == [TourChange("moved", "Porcelain", "position", "2", "4")]
    swapped = compare_tours(tour(A, B), tour(B, A))
    assert len(swapped) == 1 and swapped[0].kind == "moved"


def test_segments_match_by_id_even_when_renamed_and_by_title_when_an_id_is_zero():
    renamed = replace(B, title="Ming porcelain")
    (change,) = compare_tours(tour(A, B), tour(A, renamed))
    assert (change.kind, change.field, change.before, change.after) == ("changed", "title", "Porcelain", "Ming porcelain")
    # a saved version's segment that no longer exists has id 0: matched by its title
    from_version = replace(B, id=0, script="Old script")
    (change,) = compare_tours(tour(A, from_version), tour(A, replace(B, id=22)))
    assert (change.kind, change.segment_title, change.field) == ("changed", "Porcelain", "script")


def test_two_known_segments_with_different_ids_are_different_even_with_the_same_title():
    other = seg(9, "Porcelain")
    assert [c.kind for c in compare_tours(tour(A, B), tour(A, other))] == ["removed", "added"]


def test_a_removed_segment_is_listed_after_the_segment_before_it():
    changes = compare_tours(tour(A, B, C), tour(replace(A, script="x"), replace(C, script="y")))
    assert [(c.kind, c.segment_title, c.field) for c in changes] == [
        ("changed", "Opening", "script"), ("removed", "Porcelain", "segment"), ("changed", "Embroidery", "script")]
