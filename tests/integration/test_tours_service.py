"""The Tours workspace services (tours, segments, saved versions) on SQLite and on PostgreSQL:
reading a whole tour, creating and copying, every edit with its validation and conflicts, and the
snapshot round trips behind undo (delete → restore, version → restore → restore back)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select

from curator_console.domain.readiness import check_readiness
from curator_console.domain.timing import ReadingSpeed
from curator_console.domain.tour_diff import compare_tours
from curator_console.domain.tour_plan import CueInfo, ProductLink
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork
from curator_console.services import collection_objects, tour_segments, tour_versions, tours
from curator_console.services.collection import ValidationError
from curator_console.services.collection_objects import FieldError
from curator_console.services.tours import SegmentMissingError, TourConflictError, TourMissingError

from .conftest import T0, populate

REMOTE_URL = "https://images.example.org/remote.jpg"


@pytest.fixture
def db_uow(db):
    """``populate``'s museum (tour "Ming porcelain": 3 segments, objects GU-00000…, product SKU-1)
    plus an object with only a remote image and a second product (no price, none in stock, draft)."""
    populate(db, items=8)
    with db.session() as s:
        museum = s.scalars(select(m.Museum)).one()
        remote = m.CollectionItem(museum=museum, object_number="REMOTE-1", title="Remote", rights="Public domain")
        remote.images = [m.ItemImage(position=0, sha256="", source_url=REMOTE_URL)]
        s.add(remote)
        s.add(m.Product(sku="SKU-2", title="Scarf", price=None, stock=0, status="draft"))
        s.commit()
    return db, (lambda: UnitOfWork(db.session_factory))


@pytest.fixture
def uow(db_uow):
    return db_uow[1]


def scalar(uow, query):
    with uow() as u:
        return u.session.scalar(query)


def tour_id(uow, title: str = "Ming porcelain") -> int:
    return scalar(uow, select(m.Tour.id).where(m.Tour.title == title))


def item_id(uow, number: str) -> int:
    return scalar(uow, select(m.CollectionItem.id).where(m.CollectionItem.object_number == number))


def product_id(uow, sku: str) -> int:
    return scalar(uow, select(m.Product.id).where(m.Product.sku == sku))


def count(uow, model) -> int:
    return scalar(uow, select(func.count()).select_from(model))


def content(detail):
    """What a tour says, without ids and versions (to compare copies and restores)."""
    return (
        detail.title, detail.host, detail.planned_start, detail.slot_seconds, detail.language, detail.notes,
        [(s.title, s.planned_seconds, s.script, s.script_alt, [o.object_number for o in s.objects],
          [(p.sku, p.pitch, p.live_price, p.auto_feature) for p in s.products], list(s.cues))
         for s in detail.segments],
    )


# --- reading -------------------------------------------------------------------------------------


def test_get_tour_reads_the_whole_tour_in_running_order(uow):
    t = tours.get_tour(uow(), tour_id(uow))
    assert (t.title, t.slot_seconds, t.planned_start, t.language, t.status, t.is_template) == (
        "Ming porcelain", 3600, T0, "zh_CN", "draft", False)
    assert t.museum_name == "Palace Museum Collection"
    assert [(s.title, s.position, s.planned_seconds) for s in t.segments] == [
        (f"Segment {i}", i, 600) for i in range(3)]
    first = t.segments[0]
    assert first.script == "**欢迎** welcome" and first.version == 1
    (o,) = first.objects
    assert (o.object_number, o.title, o.alt_title, o.image_sha256, o.image_url) == (
        "GU-00000", "青花瓷瓶 0", "Blue-and-white vase 0", "ab" * 32, "")
    (p,) = first.products
    assert (p.sku, p.title, p.price, p.currency, p.stock, p.status) == ("SKU-1", "Vase replica", Decimal("199.90"),
                                                                         "CNY", 5, "active")
    assert (p.live_price, p.pitch, p.auto_feature, p.selling_price) == (Decimal("179.00"), "", False, Decimal("179.00"))
    assert first.cues == (CueInfo("text", "Camera 2"), CueInfo("obs_scene", "Close-up"))
    assert tours.get_tour(uow(), 987654) is None
    assert tour_segments.get_segment(uow(), t.segments[2].id) == t.segments[2]
    assert tour_segments.get_segment(uow(), 987654) is None


def test_an_object_with_only_a_remote_image_has_its_url(uow):
    seg_id = tours.get_tour(uow(), tour_id(uow)).segments[1].id
    tour_segments.set_segment_objects(uow(), seg_id, [item_id(uow, "REMOTE-1")])
    (o,) = tours.get_tour(uow(), tour_id(uow)).segments[1].objects
    assert (o.object_number, o.image_sha256, o.image_url, o.rights) == ("REMOTE-1", "", REMOTE_URL, "Public domain")


def test_get_tour_needs_the_same_number_of_queries_however_many_segments(db_uow):
    db, uow = db_uow
    tid = tour_id(uow)
    statements: list[str] = []

    def counted() -> int:
        statements.clear()
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            tours.get_tour(uow(), tid)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    small = counted()
    items = [item_id(uow, f"GU-{i:05d}") for i in range(8)]
    for n in range(5):
        seg = tour_segments.add_segment(uow(), tid, title=f"Extra {n}")
        tour_segments.set_segment_objects(uow(), seg, items[n:n + 3])
        tour_segments.set_segment_products(uow(), seg, [ProductLink(product_id(uow, "SKU-1"))])
        tour_segments.set_segment_cues(uow(), seg, [CueInfo("text", f"cue {n}")])
    assert len(tours.get_tour(uow(), tid).segments) == 8
    assert counted() == small


def test_list_tours_and_templates_report_the_template_flag(uow):
    tid = tour_id(uow)
    assert [(r.title, r.is_template) for r in tours.list_tours(uow())] == [("Ming porcelain", False)]
    assert tours.list_templates(uow()) == []
    assert tours.set_template(uow(), tid, True) is False
    assert tours.set_template(uow(), tid, True) is True
    (row,) = tours.list_templates(uow())
    assert (row.id, row.is_template, row.segment_count, row.planned_seconds) == (tid, True, 3, 1800)
    assert tours.list_tours(uow())[0].is_template is True


# --- creating and copying ------------------------------------------------------------------------


def test_create_a_blank_tour_validates_its_title(uow):
    new_id = tours.create_tour(uow(), "  Night  tour ")
    t = tours.get_tour(uow(), new_id)
    assert (t.title, t.status, t.is_template, t.segments, t.museum_name) == (
        "Night tour", "draft", False, (), "Palace Museum Collection")
    with pytest.raises(FieldError) as err:
        tours.create_tour(uow(), "   ")
    assert (err.value.field, err.value.code) == ("title", "required")
    with pytest.raises(FieldError) as err:
        tours.create_tour(uow(), "x" * 501)
    assert (err.value.field, err.value.code, err.value.limit) == ("title", "too_long", 500)
    with pytest.raises(TourMissingError):
        tours.create_tour(uow(), "From nothing", template_id=987654)


def test_create_from_a_template_copies_its_content_but_not_its_date_or_flag(uow):
    tid = tour_id(uow)
    tours.update_tour_field(uow(), tid, "host", "Lin")
    tours.update_tour_field(uow(), tid, "notes", "Bring the white gloves.")
    tours.set_template(uow(), tid, True)
    tours.set_tour_status(uow(), tid, "ready")
    new_id = tours.create_tour(uow(), "Ming porcelain — March", template_id=tid)
    template, made = tours.get_tour(uow(), tid), tours.get_tour(uow(), new_id)
    assert (made.title, made.status, made.is_template, made.planned_start) == ("Ming porcelain — March", "draft",
                                                                              False, None)
    assert (made.host, made.slot_seconds, made.language, made.notes, made.museum_name) == (
        "Lin", 3600, "zh_CN", "Bring the white gloves.", template.museum_name)
    assert content(made)[6] == content(template)[6]
    assert {s.id for s in made.segments}.isdisjoint(s.id for s in template.segments)
    # editing the new tour leaves the template alone
    tour_segments.update_segment_field(uow(), made.segments[0].id, "script", "Changed")
    assert tours.get_tour(uow(), tid).segments[0].script == "**欢迎** welcome"


def test_duplicate_is_a_full_copy_without_saved_versions(uow):
    tid = tour_id(uow)
    tours.update_tour_field(uow(), tid, "notes", "notes")
    copy_id = tours.duplicate_tour(uow(), tid, "Copy of Ming porcelain")
    source, copy = tours.get_tour(uow(), tid), tours.get_tour(uow(), copy_id)
    assert content(copy)[1:] == content(source)[1:] and copy.title == "Copy of Ming porcelain"
    assert copy.planned_start == T0 and copy.status == "draft"
    assert tour_versions.list_versions(uow(), copy_id) == []
    assert len(tour_versions.list_versions(uow(), tid)) == 1
    with pytest.raises(FieldError):
        tours.duplicate_tour(uow(), tid, "")
    with pytest.raises(TourMissingError):
        tours.duplicate_tour(uow(), 987654, "Copy")


# --- tour fields, status, template ---------------------------------------------------------------


def test_update_tour_fields_normalises_and_returns_old_and_new(uow):
    tid = tour_id(uow)
    assert tours.update_tour_field(uow(), tid, "title", "  Ming  porcelain at night ") == (
        "Ming porcelain", "Ming porcelain at night")
    assert tours.update_tour_field(uow(), tid, "host", " 林晓棠 ") == ("", "林晓棠")
    local = datetime(2026, 4, 1, 19, 30, tzinfo=timezone(timedelta(hours=8)))
    old, new = tours.update_tour_field(uow(), tid, "planned_start", local)
    assert old == T0 and new == local and new.tzinfo == timezone.utc
    assert tours.update_tour_field(uow(), tid, "planned_start", None) == (local, None)
    assert tours.update_tour_field(uow(), tid, "slot_seconds", 2700) == (3600, 2700)
    assert tours.update_tour_field(uow(), tid, "slot_seconds", None) == (2700, None)
    assert tours.update_tour_field(uow(), tid, "language", "en") == ("zh_CN", "en")
    assert tours.update_tour_field(uow(), tid, "notes", "line 1\r\nline 2") == ("", "line 1\nline 2")
    t = tours.get_tour(uow(), tid)
    assert (t.title, t.host, t.planned_start, t.slot_seconds, t.language, t.notes) == (
        "Ming porcelain at night", "林晓棠", None, None, "en", "line 1\nline 2")
    assert t.version == 1 + 8  # each of the eight changes bumped the version once


@pytest.mark.parametrize(("name", "value", "code"), [
    ("title", "", "required"),
    ("title", "t" * 501, "too_long"),
    ("host", "h" * 301, "too_long"),
    ("planned_start", datetime(2026, 4, 1, 19, 30), "invalid"),  # naive
    ("planned_start", "next Tuesday", "invalid"),
    ("slot_seconds", 0, "out_of_range"),
    ("slot_seconds", -60, "out_of_range"),
    ("slot_seconds", 24 * 3600 + 1, "out_of_range"),
    ("slot_seconds", "an hour", "not_integer"),
    ("slot_seconds", 90.5, "not_integer"),
    ("language", "fr", "invalid"),
    ("status", "ready", "not_editable"),
    ("version", 3, "not_editable"),
])
def test_invalid_tour_fields_are_refused_naming_the_field(uow, name, value, code):
    tid = tour_id(uow)
    before = tours.get_tour(uow(), tid)
    with pytest.raises(FieldError) as err:
        tours.update_tour_field(uow(), tid, name, value)
    assert (err.value.field, err.value.code) == (name, code)
    assert str(err.value)
    assert tours.get_tour(uow(), tid) == before


def test_a_tour_field_changed_meanwhile_is_a_conflict_unless_forced(uow):
    tid = tour_id(uow)
    tours.update_tour_field(uow(), tid, "title", "Theirs")  # a colleague, after we read "Ming porcelain"
    with pytest.raises(TourConflictError) as err:
        tours.update_tour_field(uow(), tid, "title", "Mine", expected="Ming porcelain")
    e = err.value
    assert (e.target, e.target_id, e.field, e.base, e.mine, e.theirs) == ("tour", tid, "title", "Ming porcelain",
                                                                          "Mine", "Theirs")
    assert isinstance(e, ConcurrentEditError)
    assert str(e) == "Someone else changed this tour's title after you opened it."
    assert tours.get_tour(uow(), tid).title == "Theirs"
    # the same change as theirs is no conflict; the expected value is no conflict either
    assert tours.update_tour_field(uow(), tid, "title", "Theirs", expected="Ming porcelain") == ("Theirs", "Theirs")
    assert tours.update_tour_field(uow(), tid, "title", "Mine", expected="Ming porcelain", force=True) == (
        "Theirs", "Mine")
    # an expected value sent as typed (before normalising) still matches the stored one
    assert tours.update_tour_field(uow(), tid, "title", "Mine again", expected="  Mine ") == ("Mine", "Mine again")
    assert tours.update_tour_field(uow(), tid, "slot_seconds", None, expected="3600") == (3600, None)
    tours.update_tour_field(uow(), tid, "slot_seconds", 3600)
    assert tours.update_tour_field(uow(), tid, "slot_seconds", None, expected=3600) == (3600, None)
    with pytest.raises(TourConflictError) as err:
        tours.update_tour_field(uow(), tid, "slot_seconds", 1200, expected=3600)
    assert (err.value.base, err.value.mine, err.value.theirs) == (3600, 1200, None)


def test_status_archive_and_restore(uow):
    tid = tour_id(uow)
    assert tours.set_tour_status(uow(), tid, "archived") == "draft"
    assert tours.get_tour(uow(), tid).status == "archived"
    assert tours.set_tour_status(uow(), tid, "draft") == "archived"
    with pytest.raises(FieldError) as err:
        tours.set_tour_status(uow(), tid, "deleted")
    assert err.value.field == "status"
    with pytest.raises(TourMissingError):
        tours.set_tour_status(uow(), 987654, "ready")
    with pytest.raises(TourMissingError):
        tours.set_template(uow(), 987654, True)


def test_rename_tour_still_returns_the_old_title(uow):
    tid = tour_id(uow)
    assert tours.rename_tour(uow(), tid, "Renamed") == "Ming porcelain"
    with pytest.raises(ValidationError):
        tours.rename_tour(uow(), tid, " ")
    with pytest.raises(TourMissingError):
        tours.rename_tour(uow(), 987654, "Gone")


# --- deleting a tour and undoing it --------------------------------------------------------------


def test_delete_summary_counts_segments_and_sessions(uow):
    assert tours.delete_summary(uow(), tour_id(uow)) == (3, 1)
    with pytest.raises(TourMissingError):
        tours.delete_summary(uow(), 987654)


def test_delete_then_restore_brings_back_everything_with_its_ids(uow):
    tid = tour_id(uow)
    tours.set_template(uow(), tid, True)
    tour_versions.save_version(uow(), tid, "Before the rehearsal")
    before = tours.get_tour(uow(), tid)
    versions_before = [(v.name, v.segment_count) for v in tour_versions.list_versions(uow(), tid)]
    snapshot = tours.delete_tour(uow(), tid)
    json.dumps(snapshot)  # JSON-able
    assert tours.get_tour(uow(), tid) is None
    assert count(uow, m.Segment) == 0 and count(uow, m.Cue) == 0 and count(uow, m.TourVersion) == 0
    # the live session stays, with its frozen snapshot, no longer pointing at the tour
    assert scalar(uow, select(m.LiveSession.tour_id)) is None
    assert count(uow, m.LiveSession) == 1

    restored_id = tours.restore_tour(uow(), snapshot)
    assert restored_id == tid
    after = tours.get_tour(uow(), restored_id)
    assert content(after) == content(before)
    assert [s.id for s in after.segments] == [s.id for s in before.segments]
    assert (after.status, after.is_template) == (before.status, True)
    assert [(v.name, v.segment_count) for v in tour_versions.list_versions(uow(), tid)] == versions_before
    assert scalar(uow, select(m.LiveSession.tour_id)) == tid


def test_restore_skips_objects_and_products_deleted_meanwhile(uow):
    tid = tour_id(uow)
    snapshot = tours.delete_tour(uow(), tid)
    collection_objects.delete_objects(uow(), [item_id(uow, "GU-00001")])
    new_id = tours.restore_tour(uow(), snapshot)
    t = tours.get_tour(uow(), new_id)
    assert [[o.object_number for o in s.objects] for s in t.segments] == [["GU-00000"], [], ["GU-00002"]]
    assert all(len(s.products) == 1 for s in t.segments)
    with pytest.raises(ValidationError):
        tours.restore_tour(uow(), {"not": "a tour"})


def test_delete_of_a_tour_already_gone_is_refused(uow):
    tid = tour_id(uow)
    tours.delete_tour(uow(), tid)
    with pytest.raises(TourMissingError):
        tours.delete_tour(uow(), tid)


# --- segments: structure -------------------------------------------------------------------------


def seg_ids(uow, tid) -> list[int]:
    return [s.id for s in tours.get_tour(uow(), tid).segments]


def test_add_segments_at_the_end_and_at_an_index(uow):
    tid = tour_id(uow)
    a, b, c = seg_ids(uow, tid)
    end = tour_segments.add_segment(uow(), tid, title="Q&A", planned_seconds=120)
    first = tour_segments.add_segment(uow(), tid, 0, "Opening")
    middle = tour_segments.add_segment(uow(), tid, 2)
    t = tours.get_tour(uow(), tid)
    assert [s.id for s in t.segments] == [first, a, middle, b, c, end]
    assert [s.position for s in t.segments] == list(range(6))
    new = t.segments[2]
    assert (new.title, new.planned_seconds, new.script, new.objects, new.products, new.cues) == ("", 300, "", (), (), ())
    assert t.segments[5].planned_seconds == 120
    with pytest.raises(FieldError) as err:
        tour_segments.add_segment(uow(), tid, planned_seconds=-1)
    assert err.value.field == "planned_seconds"
    with pytest.raises(TourMissingError):
        tour_segments.add_segment(uow(), 987654)


def test_delete_and_restore_a_segment_at_its_place_with_its_links(uow):
    tid = tour_id(uow)
    a, b, c = seg_ids(uow, tid)
    tour_segments.update_segment_field(uow(), b, "script_alt", "English")
    before = tours.get_tour(uow(), tid)
    snap = tour_segments.delete_segment(uow(), b)
    assert (snap.id, snap.tour_id, snap.index, snap.object_numbers, snap.skus) == (b, tid, 1, ("GU-00001",), ("SKU-1",))
    assert seg_ids(uow, tid) == [a, c]
    assert [s.position for s in tours.get_tour(uow(), tid).segments] == [0, 1]
    with pytest.raises(SegmentMissingError):
        tour_segments.delete_segment(uow(), b)
    restored = tour_segments.restore_segment(uow(), tid, snap)
    assert restored == b  # the id was free, so the segment has it again
    assert content(tours.get_tour(uow(), tid)) == content(before)


def test_restore_segment_resolves_an_object_recreated_under_the_same_number(uow):
    tid = tour_id(uow)
    _a, b, _c = seg_ids(uow, tid)
    snap = tour_segments.delete_segment(uow(), b)
    old_item = item_id(uow, "GU-00001")
    collection_objects.delete_objects(uow(), [old_item])
    collection_objects.create_object(uow(), "GU-00001", "Re-catalogued")
    new_item = item_id(uow, "GU-00001")
    restored = tour_segments.restore_segment(uow(), tid, snap)
    seg = next(s for s in tours.get_tour(uow(), tid).segments if s.id == restored)
    assert [(o.item_id, o.object_number, o.title) for o in seg.objects] == [(new_item, "GU-00001", "Re-catalogued")]


def test_move_segments_and_refuse_a_move_on_a_changed_order(uow):
    tid = tour_id(uow)
    a, b, c = seg_ids(uow, tid)
    assert tour_segments.move_segment(uow(), tid, 0, 2) == (b, c, a)
    assert seg_ids(uow, tid) == [b, c, a]
    assert [s.position for s in tours.get_tour(uow(), tid).segments] == [0, 1, 2]
    assert tour_segments.move_segment(uow(), tid, 2, 0, expected_order=[b, c, a]) == (a, b, c)
    with pytest.raises(TourConflictError) as err:
        tour_segments.move_segment(uow(), tid, 0, 1, expected_order=[b, c, a])
    e = err.value
    assert (e.target, e.target_id, e.field, e.base, e.mine, e.theirs) == ("tour", tid, "order", (b, c, a), (c, b, a),
                                                                          (a, b, c))
    assert seg_ids(uow, tid) == [a, b, c]
    with pytest.raises(ValidationError):
        tour_segments.move_segment(uow(), tid, 0, 3)
    with pytest.raises(TourMissingError):
        tour_segments.move_segment(uow(), 987654, 0, 1)


# --- segments: contents --------------------------------------------------------------------------


def test_update_segment_fields_and_their_validation(uow):
    tid = tour_id(uow)
    a = seg_ids(uow, tid)[0]
    assert tour_segments.update_segment_field(uow(), a, "title", "  开场 ") == ("Segment 0", "开场")
    assert tour_segments.update_segment_field(uow(), a, "planned_seconds", "420") == (600, 420)
    assert tour_segments.update_segment_field(uow(), a, "planned_seconds", 0) == (420, 0)
    assert tour_segments.update_segment_field(uow(), a, "script", "# 标题\r\n- 要点\n") == (
        "**欢迎** welcome", "# 标题\n- 要点\n")
    assert tour_segments.update_segment_field(uow(), a, "script_alt", "Hello") == ("", "Hello")
    seg = tours.get_tour(uow(), tid).segments[0]
    assert (seg.title, seg.planned_seconds, seg.script, seg.script_alt, seg.version) == (
        "开场", 0, "# 标题\n- 要点\n", "Hello", 6)
    for name, value, code in [("planned_seconds", -1, "out_of_range"), ("planned_seconds", 24 * 3600 + 1, "out_of_range"),
                              ("planned_seconds", "soon", "not_integer"), ("planned_seconds", True, "not_integer"),
                              ("title", "t" * 501, "too_long"), ("script", 42, "invalid"), ("position", 3, "not_editable")]:
        with pytest.raises(FieldError) as err:
            tour_segments.update_segment_field(uow(), a, name, value)
        assert (err.value.field, err.value.code) == (name, code)
    assert tours.get_tour(uow(), tid).segments[0] == seg
    with pytest.raises(SegmentMissingError):
        tour_segments.update_segment_field(uow(), 987654, "title", "x")


def test_a_segment_script_changed_meanwhile_is_a_conflict_unless_forced(uow):
    a = seg_ids(uow, tour_id(uow))[0]
    tour_segments.update_segment_field(uow(), a, "script", "Theirs")
    with pytest.raises(TourConflictError) as err:
        tour_segments.update_segment_field(uow(), a, "script", "Mine", expected="**欢迎** welcome")
    e = err.value
    assert (e.target, e.target_id, e.field, e.base, e.mine, e.theirs) == ("segment", a, "script", "**欢迎** welcome",
                                                                          "Mine", "Theirs")
    assert str(e) == "Someone else changed this segment's script after you opened it."
    assert tour_segments.update_segment_field(uow(), a, "script", "Mine", expected="**欢迎** welcome", force=True) == (
        "Theirs", "Mine")
    assert tour_segments.update_segment_field(uow(), a, "script", "Mine again", expected="Mine") == ("Mine", "Mine again")


def test_set_segment_objects_in_order_without_duplicates(uow):
    a = seg_ids(uow, tour_id(uow))[0]
    x, y, z = (item_id(uow, f"GU-0000{i}") for i in (5, 6, 7))
    old_first = item_id(uow, "GU-00000")
    assert tour_segments.set_segment_objects(uow(), a, [y, x, y, z]) == ((old_first,), (y, x, z))
    assert [o.object_number for o in tours.get_tour(uow(), tour_id(uow)).segments[0].objects] == [
        "GU-00006", "GU-00005", "GU-00007"]
    assert tour_segments.set_segment_objects(uow(), a, [z, y]) == ((y, x, z), (z, y))
    with pytest.raises(FieldError) as err:
        tour_segments.set_segment_objects(uow(), a, [z, 987654])
    assert err.value.field == "objects" and "987654" in str(err.value)
    # conflicts
    with pytest.raises(TourConflictError) as err:
        tour_segments.set_segment_objects(uow(), a, [x], expected=[y, x, z])
    assert (err.value.field, err.value.base, err.value.mine, err.value.theirs) == ("objects", (y, x, z), (x,), (z, y))
    assert tour_segments.set_segment_objects(uow(), a, [x], expected=[y, x, z], force=True) == ((z, y), (x,))
    assert tour_segments.set_segment_objects(uow(), a, [], expected=[x]) == ((x,), ())
    with pytest.raises(SegmentMissingError):
        tour_segments.set_segment_objects(uow(), 987654, [x])


def test_set_segment_products_with_exact_prices(uow):
    a = seg_ids(uow, tour_id(uow))[0]
    p1, p2 = product_id(uow, "SKU-1"), product_id(uow, "SKU-2")
    links = [ProductLink(p2, "  Only tonight ", Decimal("0"), True), ProductLink(p1, "", None, False),
             ProductLink(p2, "duplicate", Decimal("5"))]
    old, new = tour_segments.set_segment_products(uow(), a, links)
    assert old == (ProductLink(p1, "", Decimal("179.00"), False),)
    assert new == (ProductLink(p2, "Only tonight", Decimal("0"), True), ProductLink(p1, "", None, False))
    seg = tours.get_tour(uow(), tour_id(uow)).segments[0]
    assert [(p.sku, p.pitch, p.live_price, p.auto_feature, p.price, p.stock) for p in seg.products] == [
        ("SKU-2", "Only tonight", Decimal("0"), True, None, 0), ("SKU-1", "", None, False, Decimal("199.90"), 5)]
    assert tuple(p.link for p in seg.products) == new
    exact = ProductLink(p1, "", Decimal("123.4567"))
    assert tour_segments.set_segment_products(uow(), a, [exact])[1] == (exact,)
    assert tours.get_tour(uow(), tour_id(uow)).segments[0].products[0].live_price == Decimal("123.4567")
    for bad in [ProductLink(p1, "", Decimal("-1")), ProductLink(p1, "", 19.9), ProductLink(p1, "", Decimal("1.00001")),
                ProductLink(p1, "p" * 1001), ProductLink(987654)]:
        with pytest.raises(FieldError) as err:
            tour_segments.set_segment_products(uow(), a, [bad])
        assert err.value.field == "products"
    with pytest.raises(TourConflictError) as err:
        tour_segments.set_segment_products(uow(), a, [], expected=new)
    assert (err.value.field, err.value.theirs, err.value.mine) == ("products", (exact,), ())
    assert tour_segments.set_segment_products(uow(), a, [], expected=[exact]) == ((exact,), ())


def test_set_segment_cues_drops_empty_ones_and_checks_kinds(uow):
    a = seg_ids(uow, tour_id(uow))[0]
    old = (CueInfo("text", "Camera 2"), CueInfo("obs_scene", "Close-up"))
    new = [CueInfo("obs_scene", " Gallery wide "), CueInfo("text", "   "), CueInfo("text", "Hold up the bowl")]
    assert tour_segments.set_segment_cues(uow(), a, new) == (
        old, (CueInfo("obs_scene", "Gallery wide"), CueInfo("text", "Hold up the bowl")))
    assert tours.get_tour(uow(), tour_id(uow)).segments[0].cues == (
        CueInfo("obs_scene", "Gallery wide"), CueInfo("text", "Hold up the bowl"))
    with pytest.raises(FieldError) as err:
        tour_segments.set_segment_cues(uow(), a, [CueInfo("lights", "dim")])
    assert err.value.field == "cues"
    with pytest.raises(TourConflictError):
        tour_segments.set_segment_cues(uow(), a, [], expected=old)
    stored = tours.get_tour(uow(), tour_id(uow)).segments[0].cues
    as_typed = [CueInfo("obs_scene", "Gallery wide "), CueInfo("text", ""), CueInfo("text", "Hold up the bowl")]
    assert tour_segments.set_segment_cues(uow(), a, list(stored) + [CueInfo("text", "Lights")], expected=as_typed)[1][-1] \
        == CueInfo("text", "Lights")
    tour_segments.set_segment_cues(uow(), a, stored)
    assert tour_segments.set_segment_cues(uow(), a, [], expected=old, force=True)[1] == ()
    assert count(uow, m.Cue) == 4  # the other two segments' cues


def test_segment_edits_bump_the_segment_version_and_structure_edits_the_tour_version(uow):
    tid = tour_id(uow)
    a = seg_ids(uow, tid)[0]
    t0 = tours.get_tour(uow(), tid)
    tour_segments.set_segment_cues(uow(), a, [CueInfo("text", "x")])
    tour_segments.set_segment_objects(uow(), a, [])
    tour_segments.set_segment_products(uow(), a, [])
    t1 = tours.get_tour(uow(), tid)
    assert t1.segments[0].version == t0.segments[0].version + 3 and t1.version == t0.version
    tour_segments.move_segment(uow(), tid, 0, 1)
    tour_segments.add_segment(uow(), tid)
    t2 = tours.get_tour(uow(), tid)
    assert t2.version == t0.version + 2
    # an unchanged value saves nothing
    tour_segments.set_segment_cues(uow(), a, [CueInfo("text", "x")])
    tour_segments.update_segment_field(uow(), a, "title", "Segment 0")
    assert tours.get_tour(uow(), tid) == t2


# --- saved versions ------------------------------------------------------------------------------


def test_save_list_and_show_versions(uow):
    tid = tour_id(uow)
    first = tour_versions.save_version(uow(), tid, "Draft 1")
    a, b, c = seg_ids(uow, tid)
    tour_segments.delete_segment(uow(), c)
    tour_segments.update_segment_field(uow(), a, "planned_seconds", 60)
    second = tour_versions.save_version(uow(), tid, " Draft 2 ")
    rows = tour_versions.list_versions(uow(), tid)
    assert [(r.id, r.name, r.segment_count, r.planned_seconds) for r in rows[:2]] == [
        (second, "Draft 2", 2, 660), (first, "Draft 1", 3, 1800)]
    assert rows[0].created_at.tzinfo is not None and rows[0].created_at >= rows[1].created_at
    detail = tour_versions.version_detail(uow(), first)
    assert [s.id for s in detail.segments] == [a, b, 0]  # the third segment no longer exists
    assert detail.segments[2].title == "Segment 2" and detail.segments[2].objects[0].object_number == "GU-00002"
    assert detail.segments[0].products[0].price == Decimal("199.90")
    with pytest.raises(FieldError) as err:
        tour_versions.save_version(uow(), tid, "  ")
    assert err.value.field == "name"
    with pytest.raises(tour_versions.VersionMissingError):
        tour_versions.version_detail(uow(), 987654)
    # the version compared with the tour now
    changes = compare_tours(detail, tours.get_tour(uow(), tid))
    assert [(c.kind, c.segment_title, c.field) for c in changes] == [
        ("changed", "Segment 0", "planned_seconds"), ("removed", "Segment 2", "segment")]


def test_restore_a_version_and_undo_the_restore(uow):
    tid = tour_id(uow)
    a, b, c = seg_ids(uow, tid)
    saved = tours.get_tour(uow(), tid)
    version_id = tour_versions.save_version(uow(), tid, "Good one")
    # later edits: a field, a script, a reorder, a deleted and an added segment
    tours.update_tour_field(uow(), tid, "title", "Edited")
    tour_segments.update_segment_field(uow(), a, "script", "Rewritten")
    tour_segments.move_segment(uow(), tid, 0, 1)
    tour_segments.delete_segment(uow(), c)
    added = tour_segments.add_segment(uow(), tid, title="New part")
    edited = tours.get_tour(uow(), tid)

    before = tour_versions.restore_version(uow(), version_id)
    json.dumps(before)
    restored = tours.get_tour(uow(), tid)
    assert content(restored) == content(saved)
    assert [s.id for s in restored.segments][:2] == [a, b]  # kept segments keep their ids
    assert restored.segments[2].id == c  # the deleted one got its id back (it was free)
    assert count(uow, m.Segment) == 3

    skipped = tour_versions.restore_snapshot(uow(), tid, before)  # undo
    assert skipped == []
    back = tours.get_tour(uow(), tid)
    assert content(back) == content(edited)
    assert [s.id for s in back.segments] == [s.id for s in edited.segments] and added in seg_ids(uow, tid)
    assert tour_versions.current_snapshot(uow(), tid)["segments"][0]["id"] == b


def test_restoring_reports_what_was_deleted_since_and_resolves_by_number(uow):
    tid = tour_id(uow)
    version_id = tour_versions.save_version(uow(), tid, "v")
    collection_objects.delete_objects(uow(), [item_id(uow, "GU-00000"), item_id(uow, "GU-00001")])
    collection_objects.create_object(uow(), "GU-00001", "Re-catalogued")
    with UnitOfWork(uow().session_factory) as u:
        u.session.delete(u.repos.products.by_sku("SKU-1"))
        u.commit()
    before, skipped = tour_versions.restore_version_report(uow(), version_id)
    assert skipped == ["object GU-00000 in “Segment 0”", "product SKU-1 in “Segment 0”",
                       "product SKU-1 in “Segment 1”", "product SKU-1 in “Segment 2”"]
    t = tours.get_tour(uow(), tid)
    assert [[o.object_number for o in s.objects] for s in t.segments] == [[], ["GU-00001"], ["GU-00002"]]
    assert t.segments[1].objects[0].title == "Re-catalogued"
    detail = tour_versions.version_detail(uow(), version_id)
    gone = detail.segments[0].objects[0]
    assert (gone.item_id, gone.object_number, gone.title) == (0, "GU-00000", "青花瓷瓶 0")
    assert (detail.segments[0].products[0].product_id, detail.segments[0].products[0].sku) == (0, "SKU-1")
    assert before["segments"][0]["objects"] == []  # the tour already lost the deleted object
    with pytest.raises(tour_versions.VersionMissingError):
        tour_versions.restore_version(uow(), 987654)
    with pytest.raises(ValidationError):
        tour_versions.restore_snapshot(uow(), tid, {"segments": 3})


def test_a_version_of_an_old_incomplete_snapshot_is_listed_but_not_restored(uow):
    tid = tour_id(uow)
    (old,) = tour_versions.list_versions(uow(), tid)  # populate() stored {"title": …, "segments": 3}
    assert (old.name, old.segment_count, old.planned_seconds) == ("v1", 0, 0)
    assert tour_versions.version_detail(uow(), old.id).segments == ()
    before = tours.get_tour(uow(), tid)
    tour_versions.restore_version(uow(), old.id)
    assert content(tours.get_tour(uow(), tid))[6] == []
    tour_versions.delete_version(uow(), old.id)
    assert tour_versions.list_versions(uow(), tid) == []
    assert before.segments


# --- readiness on a real tour --------------------------------------------------------------------


def test_readiness_of_a_tour_read_from_the_database(uow):
    tid = tour_id(uow)
    a, b, c = seg_ids(uow, tid)
    tour_segments.update_segment_field(uow(), b, "script", "  \n**  **")
    tour_segments.set_segment_products(uow(), c, [ProductLink(product_id(uow, "SKU-2"))])
    tour_segments.add_segment(uow(), tid, title="Overtime", planned_seconds=2400)  # 1800 + 2400 in a 3600 s slot
    problems = check_readiness(tours.get_tour(uow(), tid), ReadingSpeed())
    found = [(p.kind, p.segment_index, p.subject) for p in problems]
    assert ("overrun", None, "Ming porcelain") in found and problems[0].detail == "600"
    assert ("no_script", 1, "Segment 1") in found
    assert ("no_script", 3, "Overtime") in found
    assert ("object_rights", 0, "GU-00000") in found  # populate() leaves rights empty
    assert {("product_out_of_stock", 2, "SKU-2"), ("product_no_price", 2, "SKU-2"), ("product_not_active", 2, "SKU-2")} <= set(found)
    assert [p.segment_index for p in problems if p.segment_index is not None] == sorted(
        p.segment_index for p in problems if p.segment_index is not None)
