"""Two curators editing the same tour on a shared PostgreSQL database, each from their own app
(two ``Database`` objects, two engines, like two laptops): a change saved by one is never
overwritten silently by the other; the second is told, with both versions, and may keep theirs."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import ConcurrentEditError
from curator_console.services import database as dbs
from curator_console.services import tour_segments, tours
from curator_console.services.tours import TourConflictError

from .conftest import populate


@pytest.fixture
def laptops(pg_url):
    """(A, B): unit-of-work factories of two independently opened databases on one server."""
    a = dbs.open_database(pg_url)
    b = dbs.open_database(pg_url)
    assert a.engine is not b.engine
    populate(a, items=6)
    try:
        yield (lambda: dbs.unit_of_work(a)), (lambda: dbs.unit_of_work(b))
    finally:
        a.dispose()
        b.dispose()


def the_tour_id(uow) -> int:
    with uow() as u:
        return u.session.scalar(select(m.Tour.id).where(m.Tour.title == "Ming porcelain"))


def test_a_script_saved_first_by_a_colleague_is_not_overwritten(laptops):
    a, b = laptops
    tid = the_tour_id(a)
    seen_by_a, seen_by_b = tours.get_tour(a(), tid), tours.get_tour(b(), tid)
    seg_id = seen_by_b.segments[1].id
    base = seen_by_b.segments[1].script

    tour_segments.update_segment_field(a(), seg_id, "script", "A's new script", expected=seen_by_a.segments[1].script)
    with pytest.raises(TourConflictError) as err:
        tour_segments.update_segment_field(b(), seg_id, "script", "B's new script", expected=base)
    e = err.value
    assert (e.target, e.target_id, e.field) == ("segment", seg_id, "script")
    assert (e.base, e.mine, e.theirs) == (base, "B's new script", "A's new script")
    assert "script" in str(e) and "someone else" in str(e).lower()
    assert tours.get_tour(b(), tid).segments[1].script == "A's new script"  # nothing overwritten

    # B looks at both versions and keeps theirs: saved, and A sees it on reload
    assert tour_segments.update_segment_field(b(), seg_id, "script", e.mine, expected=e.base, force=True) == (
        "A's new script", "B's new script")
    assert tours.get_tour(a(), tid).segments[1].script == "B's new script"


def test_a_tour_field_saved_first_by_a_colleague_is_not_overwritten(laptops):
    a, b = laptops
    tid = the_tour_id(a)
    seen = tours.get_tour(b(), tid)
    tours.update_tour_field(a(), tid, "slot_seconds", 2700, expected=seen.slot_seconds)
    with pytest.raises(TourConflictError) as err:
        tours.update_tour_field(b(), tid, "slot_seconds", 4500, expected=seen.slot_seconds)
    assert (err.value.target, err.value.field, err.value.base, err.value.mine, err.value.theirs) == (
        "tour", "slot_seconds", 3600, 4500, 2700)
    assert tours.get_tour(a(), tid).slot_seconds == 2700
    # a different field of the same tour is no conflict
    assert tours.update_tour_field(b(), tid, "host", "Wang", expected=seen.host) == ("", "Wang")
    t = tours.get_tour(a(), tid)
    assert (t.slot_seconds, t.host) == (2700, "Wang")


def test_a_reorder_on_an_order_a_colleague_changed_is_refused(laptops):
    a, b = laptops
    tid = the_tour_id(a)
    order = tuple(s.id for s in tours.get_tour(b(), tid).segments)
    first, second, third = order
    assert tour_segments.move_segment(a(), tid, 2, 0, expected_order=order) == (third, first, second)
    with pytest.raises(TourConflictError) as err:
        tour_segments.move_segment(b(), tid, 0, 1, expected_order=order)
    assert (err.value.field, err.value.base, err.value.mine, err.value.theirs) == (
        "order", order, (second, first, third), (third, first, second))
    assert tuple(s.id for s in tours.get_tour(a(), tid).segments) == (third, first, second)


def test_objects_changed_by_a_colleague_are_not_overwritten(laptops):
    a, b = laptops
    tid = the_tour_id(a)
    seg = tours.get_tour(b(), tid).segments[0]
    seen = tuple(o.item_id for o in seg.objects)
    with a() as u:
        extra = u.session.scalar(select(m.CollectionItem.id).where(m.CollectionItem.object_number == "GU-00005"))
    tour_segments.set_segment_objects(a(), seg.id, seen + (extra,), expected=seen)
    with pytest.raises(TourConflictError) as err:
        tour_segments.set_segment_objects(b(), seg.id, (), expected=seen)
    assert (err.value.theirs, err.value.mine) == (seen + (extra,), ())
    assert tuple(o.item_id for o in tours.get_tour(b(), tid).segments[0].objects) == seen + (extra,)


def test_a_true_race_at_the_version_column_is_a_concurrent_edit_error(laptops):
    a, b = laptops
    tid = the_tour_id(a)
    ua, ub = a(), b()
    with ua, ub:
        tour_a, tour_b = ua.repos.tours.get(tid), ub.repos.tours.get(tid)
        assert tour_a.version == tour_b.version
        seg_a, seg_b = tour_a.segments[0], tour_b.segments[0]
        tour_a.title, seg_a.script = "A's title", "A's script"
        ua.commit()
        tour_b.title, seg_b.script = "B's title", "B's script"
        with pytest.raises(ConcurrentEditError):
            ub.commit()
    t = tours.get_tour(b(), tid)
    assert (t.title, t.segments[0].script) == ("A's title", "A's script")


def test_a_service_edit_racing_a_colleagues_commit_is_refused_not_lost(laptops):
    """B's edit has read the segment (old version) when A's save lands: B's UPDATE finds a newer
    version and is refused; A's script stays."""
    a, b = laptops
    tid = the_tour_id(a)
    seg_id = tours.get_tour(a(), tid).segments[2].id
    ub = b()
    with ub:
        seg_b = ub.repos.tours.segment(seg_id)
        tour_segments.update_segment_field(a(), seg_id, "script", "A was quicker")
        seg_b.script = "B's script"
        seg_b.updated_at = m.utcnow()
        with pytest.raises(ConcurrentEditError):
            ub.commit()
    assert tours.get_tour(b(), tid).segments[2].script == "A was quicker"
    # B reloads and saves normally
    tour_segments.update_segment_field(b(), seg_id, "script", "B's script", expected="A was quicker")
    assert tours.get_tour(a(), tid).segments[2].script == "B's script"


def test_deleting_a_segment_a_colleague_is_editing(laptops):
    a, b = laptops
    tid = the_tour_id(a)
    seg = tours.get_tour(b(), tid).segments[0]
    tour_segments.delete_segment(a(), seg.id)
    with pytest.raises(tours.SegmentMissingError):
        tour_segments.update_segment_field(b(), seg.id, "script", "too late", expected=seg.script)
    assert len(tours.get_tour(b(), tid).segments) == 2
