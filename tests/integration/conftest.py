"""Helpers for the persistence integration tests (real SQLite files, a real PostgreSQL server)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine, make_url

from curator_console.persistence.db import Database, open_database
from curator_console.persistence.models import (
    Base,
    CollectionItem,
    Connection,
    Cue,
    ImportMapping,
    ItemImage,
    ItemTag,
    LiveSession,
    Museum,
    Order,
    OrderLine,
    Product,
    Segment,
    SegmentItem,
    SegmentProduct,
    SessionEvent,
    Tour,
    TourVersion,
    ViewerSample,
)

T0 = datetime(2026, 3, 14, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def backups_dir(tmp_path: Path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def open_db(backups_dir: Path) -> Iterator[Callable[..., Database]]:
    """``open_db(url, **kw)``: ``open_database`` whose engines are all disposed after the test."""
    opened: list[Database] = []

    def _open(url: str, **kwargs) -> Database:
        kwargs.setdefault("backups_dir", backups_dir)
        db = open_database(make_url(url), **kwargs)
        opened.append(db)
        return db

    yield _open
    for db in opened:
        db.dispose()


@pytest.fixture
def db(any_db_url: str, open_db) -> Database:
    """A database at head on either backend."""
    return open_db(any_db_url)


def all_table_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def table_names(engine: Engine) -> set[str]:
    """The tables, without the search index (``item_search`` and, on SQLite, its FTS5 shadow tables)."""
    return {t for t in all_table_names(engine) if not t.startswith("item_search")}


def row_counts(engine: Engine, tables: list[str] | None = None) -> dict[str, int]:
    """Rows per table (every table of the models plus ``alembic_version`` by default)."""
    names = tables if tables is not None else sorted(Base.metadata.tables) + ["alembic_version"]
    with engine.connect() as conn:
        return {name: conn.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one() for name in names}


def alembic_revisions(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]


def set_alembic_revision(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def file_fingerprint(path: Path) -> tuple[str, int, int]:
    """(sha256, mtime in ns, size) of a file."""
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_size


def populate(db: Database, *, items: int = 25) -> None:
    """A small but complete data set: rows in every table of the models."""
    with db.session() as s:
        museum = Museum(code="PMC", name="Palace Museum Collection", alt_name="故宫博物院", city="北京")
        s.add(museum)
        objects = []
        for i in range(items):
            item = CollectionItem(
                museum=museum,
                object_number=f"GU-{i:05d}",
                title=f"青花瓷瓶 {i}",
                alt_title=f"Blue-and-white vase {i}",
                period="明 Ming",
                begin_year=1403 + i,
            )
            item.tags = [ItemTag(tag="porcelain", position=0), ItemTag(tag=f"t{i % 3}", position=1)]
            item.images = [ItemImage(position=0, sha256="ab" * 32, mime_type="image/jpeg", width=640, height=480)]
            objects.append(item)
        s.add_all(objects)
        conn = Connection(name="Simulator", platform="simulator", options={"rate": 3, "名": "模拟"})
        s.add(conn)
        s.add(ImportMapping(kind="collection", name="Museum CSV", mapping={"Object No.": "object_number"}))
        s.flush()
        product = Product(sku="SKU-1", title="Vase replica", price=Decimal("199.90"), stock=5, connection_id=conn.id)
        product.items = objects[:2]
        s.add(product)
        s.flush()
        tour = Tour(title="Ming porcelain", museum_id=museum.id, slot_seconds=3600, planned_start=T0)
        for pos in range(3):
            seg = Segment(position=pos, title=f"Segment {pos}", planned_seconds=600, script="**欢迎** welcome")
            seg.cues = [Cue(position=0, text="Camera 2"), Cue(position=1, kind="obs_scene", text="Close-up")]
            seg.products = [SegmentProduct(product=product, position=0, live_price=Decimal("179.00"))]
            seg.items = [SegmentItem(item=objects[pos], position=0)]
            tour.segments.append(seg)
        tour.saved_versions.append(TourVersion(name="v1", snapshot={"title": tour.title, "segments": 3}))
        s.add(tour)
        s.flush()
        session = LiveSession(tour_id=tour.id, connection=conn, title="Rehearsal", started_at=T0)
        s.add(session)
        s.flush()
        s.add_all(
            [SessionEvent(session_id=session.id, type="segment", at=T0 + timedelta(seconds=k), payload={"k": k}) for k in range(4)]
            + [ViewerSample(session_id=session.id, at=T0 + timedelta(seconds=10 * k), viewers=100 + k) for k in range(5)]
        )
        order = Order(connection_id=conn.id, platform_order_id="ORD-1", created_at=T0, currency="CNY")
        order.lines = [
            OrderLine(line_no=1, sku="SKU-1", product_id=product.id, quantity=2, unit_price=Decimal("179.00")),
            OrderLine(line_no=2, sku="SKU-X", quantity=1, unit_price=Decimal("0.1")),
        ]
        s.add(order)
        s.commit()
