"""Rules the database itself enforces: optimistic locking, cascades, uniqueness, SQLite pragmas."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from curator_console.persistence.models import (
    CollectionItem,
    Cue,
    Museum,
    Order,
    Product,
    Segment,
    SegmentProduct,
    Tour,
)
from curator_console.persistence.models import Connection as PlatformConnection

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=timezone.utc)


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


# --- Optimistic locking ----------------------------------------------------------------------


def test_second_of_two_concurrent_edits_raises_stale_data(db):
    with db.session() as s:
        product = Product(sku="VASE-1", title="Vase")
        s.add(product)
        s.commit()
        product_id = product.id
        assert product.version == 1

    first, second = db.session(), db.session()
    try:
        mine = first.get(Product, product_id)
        theirs = second.get(Product, product_id)
        mine.title = "Vase (first edit)"
        theirs.title = "Vase (second edit)"

        first.commit()
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()

    with db.session() as s:
        saved = s.get(Product, product_id)
        assert saved.title == "Vase (first edit)"  # the first edit is not silently overwritten
        assert saved.version == 2


def test_stale_delete_is_refused_too(db):
    with db.session() as s:
        s.add(Product(sku="VASE-2", title="Vase"))
        s.commit()

    first, second = db.session(), db.session()
    try:
        mine = first.scalars(select(Product).where(Product.sku == "VASE-2")).one()
        theirs = second.scalars(select(Product).where(Product.sku == "VASE-2")).one()
        mine.stock = 3
        first.commit()

        second.delete(theirs)
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    assert count(db, Product) == 1


def test_each_commit_bumps_the_version(db):
    with db.session() as s:
        tour = Tour(title="Draft")
        s.add(tour)
        s.commit()
        for n in range(2, 5):
            tour.title = f"Draft {n}"
            s.commit()
            assert tour.version == n


# --- SQLite connection settings -------------------------------------------------------------


def test_sqlite_connections_use_wal_and_enforce_foreign_keys(sqlite_url, open_db):
    db = open_db(sqlite_url)

    # Two connections at once: the settings apply to every pooled connection, not just the first.
    with db.engine.connect() as a, db.engine.connect() as b:
        for conn in (a, b):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_sqlite_refuses_a_row_pointing_at_a_missing_parent(sqlite_url, open_db):
    db = open_db(sqlite_url)
    with db.session() as s:
        s.add(Segment(tour_id=12345, position=0))
        with pytest.raises(IntegrityError):
            s.flush()


# --- Cascades ------------------------------------------------------------------------------


def _tour_with_segments(db) -> int:
    with db.session() as s:
        product = Product(sku="P-1")
        tour = Tour(title="Ming porcelain", planned_start=NOW)
        for pos in range(3):
            seg = Segment(position=pos, title=f"S{pos}", planned_seconds=300)
            seg.cues = [Cue(position=0, text="cue")]
            seg.products = [SegmentProduct(product=product, position=0)]
            tour.segments.append(seg)
        s.add(tour)
        s.commit()
        return tour.id


def test_deleting_a_tour_in_sql_cascades_to_its_segments(db):
    """ON DELETE CASCADE in the schema (on SQLite this needs foreign_keys=ON)."""
    tour_id = _tour_with_segments(db)
    assert (count(db, Segment), count(db, Cue), count(db, SegmentProduct)) == (3, 3, 3)

    with db.engine.begin() as conn:
        conn.execute(delete(Tour.__table__).where(Tour.__table__.c.id == tour_id))

    assert (count(db, Segment), count(db, Cue), count(db, SegmentProduct)) == (0, 0, 0)
    assert count(db, Product) == 1  # the product a segment featured stays


def test_deleting_a_tour_through_the_orm_removes_its_segments(db):
    tour_id = _tour_with_segments(db)

    with db.session() as s:
        s.delete(s.get(Tour, tour_id))
        s.commit()

    assert (count(db, Tour), count(db, Segment), count(db, Cue)) == (0, 0, 0)


# --- Uniqueness ----------------------------------------------------------------------------


def _connections(db) -> tuple[int, int]:
    with db.session() as s:
        a, b = PlatformConnection(name="Shop A", platform="shopify"), PlatformConnection(name="Shop B", platform="rest")
        s.add_all([a, b])
        s.commit()
        return a.id, b.id


def test_an_order_id_is_unique_per_connection(db):
    shop_a, shop_b = _connections(db)
    with db.session() as s:
        s.add(Order(connection_id=shop_a, platform_order_id="ORD-1", created_at=NOW))
        s.add(Order(connection_id=shop_b, platform_order_id="ORD-1", created_at=NOW))  # other shop: fine
        s.commit()

    with db.session() as s:
        s.add(Order(connection_id=shop_a, platform_order_id="ORD-1", created_at=NOW))
        with pytest.raises(IntegrityError):
            s.commit()
        s.rollback()

    assert count(db, Order) == 2


def test_an_object_number_is_unique_per_museum(db):
    with db.session() as s:
        one, two = Museum(code="A", name="A"), Museum(code="B", name="B")
        s.add_all([one, two])
        s.flush()
        s.add(CollectionItem(museum_id=one.id, object_number="1994.12.3"))
        s.add(CollectionItem(museum_id=two.id, object_number="1994.12.3"))  # other museum: fine
        s.commit()
        museum_id = one.id

    with db.session() as s:
        s.add(CollectionItem(museum_id=museum_id, object_number="1994.12.3", title="duplicate"))
        with pytest.raises(IntegrityError):
            s.commit()
        s.rollback()

    assert count(db, CollectionItem) == 2


def test_a_sku_is_unique(db):
    with db.session() as s:
        s.add(Product(sku="SKU-1"))
        s.commit()
    with db.session() as s:
        s.add(Product(sku="SKU-1"))
        with pytest.raises(IntegrityError):
            s.commit()
