"""The workspace services on a database seeded with the real demo museum, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from curator_console import paths
from curator_console.domain.timing import ReadingSpeed
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork
from curator_console.services import collection, connections, demo, review, store, tours
from curator_console.services.collection import ValidationError

DEMO = paths.resources_dir() / "demo"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc)


def _json(name):
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


@pytest.fixture
def seeded(any_db_url, open_db):
    db = open_db(any_db_url)
    summary = demo.seed_demo(UnitOfWork(db.session_factory), DEMO, now=NOW)
    return db, summary


def uow(db) -> UnitOfWork:
    return UnitOfWork(db.session_factory)


def test_demo_seed_matches_its_files(seeded):
    db, summary = seeded
    assert summary.objects == len(_json("objects.json"))
    assert summary.products == len(_json("products.json"))
    assert summary.tours == len(_json("tours.json"))
    assert summary.sessions == len(_json("sessions.json"))
    assert summary.orders > 0
    assert collection.count_items(uow(db)) == summary.objects


def test_demo_seed_refuses_a_database_that_already_has_a_museum(seeded):
    db, _ = seeded
    with pytest.raises(demo.DemoDataError, match="already"):
        demo.seed_demo(uow(db), DEMO, now=NOW)


def test_demo_is_deterministic(any_db_url, open_db, tmp_path):
    a = open_db(any_db_url)
    b = open_db(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    sa = demo.seed_demo(uow(a), DEMO, now=NOW)
    sb = demo.seed_demo(uow(b), DEMO, now=NOW)
    assert sa == sb
    ra = [(r.orders, r.units, r.revenue, r.peak_viewers) for r in review.list_sessions(uow(a))]
    rb = [(r.orders, r.units, r.revenue, r.peak_viewers) for r in review.list_sessions(uow(b))]
    assert ra == rb


def test_list_items_filters_and_pages_by_object_number(seeded):
    db, _ = seeded
    objects = _json("objects.json")
    rows = collection.list_items(uow(db))
    assert [r.object_number for r in rows] == sorted(o["object_number"] for o in objects)
    # Keyset paging: the second page starts after the last number of the first.
    first = collection.list_items(uow(db), limit=10)
    second = collection.list_items(uow(db), limit=10, after=first[-1].object_number)
    assert [r.object_number for r in first + second] == [r.object_number for r in rows[:20]]
    # Filtering finds Chinese inside unsegmented titles and English case-insensitively.
    hits = collection.list_items(uow(db), "青花")
    expected = {o["object_number"] for o in objects if "青花" in o["title"] or "青花" in o["alt_title"] or "青花" in o["maker"]}
    assert {r.object_number for r in hits} == expected and expected
    assert collection.count_items(uow(db), "青花") == len(expected)
    assert collection.list_items(uow(db), "zzz-no-such-thing") == []
    # LIKE wildcards typed by a person are taken literally.
    assert collection.list_items(uow(db), "%") == []


def test_update_item_field_returns_old_value_and_validates(seeded):
    db, _ = seeded
    row = collection.list_items(uow(db), limit=1)[0]
    old = collection.update_item_field(uow(db), row.id, "title", "  新标题  ")
    assert old == row.title
    again = collection.list_items(uow(db), limit=1)[0]
    assert again.title == "新标题" and again.version == row.version + 1
    other = collection.list_items(uow(db), limit=2)[1]
    with pytest.raises(ValidationError, match=other.object_number):
        collection.update_item_field(uow(db), row.id, "object_number", other.object_number)
    with pytest.raises(ValidationError):
        collection.update_item_field(uow(db), row.id, "object_number", "   ")
    with pytest.raises(ValidationError):
        collection.update_item_field(uow(db), row.id, "museum_id", "2")


def test_concurrent_edit_is_detected_not_overwritten(seeded):
    db, _ = seeded
    row = collection.list_items(uow(db), limit=1)[0]
    first, second = uow(db), uow(db)
    with first, second:
        a = first.repos.collection.get(row.id)
        b = second.repos.collection.get(row.id)
        a.title = "A's title"
        first.commit()
        b.title = "B's title"
        with pytest.raises(ConcurrentEditError):
            second.commit()
    assert collection.list_items(uow(db), limit=1)[0].title == "A's title"


def test_products_with_links(seeded):
    db, _ = seeded
    rows = store.list_products(uow(db))
    data = {p["sku"]: p for p in _json("products.json")}
    assert {r.sku for r in rows} == set(data)
    for r in rows:
        assert r.linked_objects == tuple(sorted(data[r.sku]["objects"]))
        assert r.price == Decimal(data[r.sku]["price"])
        assert isinstance(r.price, Decimal)


def test_tours_timing_and_rename(seeded):
    db, _ = seeded
    speed = ReadingSpeed(240, 150)
    rows = tours.list_tours(uow(db), speed)
    data = {t["title"]: t for t in _json("tours.json")}
    assert {r.title for r in rows} == set(data)
    for r in rows:
        segs = data[r.title]["segments"]
        assert r.segment_count == len(segs)
        assert r.planned_seconds == sum(s["planned_seconds"] for s in segs)
        assert r.slot_seconds == data[r.title]["slot_minutes"] * 60
        assert r.estimated_seconds > 0
        seg_rows = tours.list_segments(uow(db), r.id, speed)
        assert [s.title for s in seg_rows] == [s["title"] for s in segs]
        offsets = [s.start_offset_seconds for s in seg_rows]
        assert offsets[0] == 0 and offsets == sorted(offsets)
        assert offsets[-1] + seg_rows[-1].planned_seconds == r.planned_seconds
    # Slower reading makes every estimate longer.
    slow = tours.list_tours(uow(db), ReadingSpeed(120, 75))
    assert all(s.estimated_seconds > f.estimated_seconds for s, f in zip(slow, rows))
    target = rows[0]
    assert tours.rename_tour(uow(db), target.id, "Renamed") == target.title
    assert any(r.title == "Renamed" for r in tours.list_tours(uow(db)))
    with pytest.raises(ValidationError):
        tours.rename_tour(uow(db), target.id, "  ")


def test_sessions_headline_figures(seeded):
    db, _ = seeded
    rows = review.list_sessions(uow(db))
    assert len(rows) == len(_json("sessions.json"))
    assert [r.started_at for r in rows] == sorted((r.started_at for r in rows), reverse=True)
    for r in rows:
        assert r.status == "ended" and r.mode == "live"
        assert r.peak_viewers > 0 and r.orders > 0 and r.units >= r.orders
        assert isinstance(r.revenue, Decimal) and r.revenue > 0
    # The peak is close to the planned one (samples are jittered by at most 4 %).
    planned = {s["duration_minutes"]: s["peak_viewers"] for s in _json("sessions.json")}
    for r in rows:
        minutes = round((r.ended_at - r.started_at).total_seconds() / 60)
        assert abs(r.peak_viewers - planned[minutes]) <= planned[minutes] * 0.05
    rows = connections.list_connections(uow(db))
    assert [c.platform for c in rows] == ["simulator"]
