"""The session's event writer against a real SQLite file and a real PostgreSQL server: events are
committed as they come (seen from another connection without any flush), orders exactly once."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import create_engine, text

from curator_console.domain.live_view import MARKER, ORDER_RECEIVED, SESSION_ENDED, SESSION_PAUSED, VIEWER_SAMPLE
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.live_writer import EventWriter

T0 = datetime(2026, 3, 14, 11, 30, tzinfo=timezone.utc)


def make_session(db) -> tuple[int, int]:
    with db.session_factory() as s:
        conn = m.Connection(name="Sim", platform="simulator", room="r1")
        s.add(conn)
        s.add(m.Product(sku="S1", title="Vase", price=Decimal("298.00")))
        s.flush()
        live = m.LiveSession(connection_id=conn.id, title="Rehearsal", status="running", started_at=T0)
        s.add(live)
        s.commit()
        return live.id, conn.id


def order(order_id: str, minute: int = 0, qty: int = 1) -> dict:
    return {"platform_order_id": order_id, "created_at": T0 + timedelta(minutes=minute), "currency": "CNY",
            "lines": [{"sku": "S1", "quantity": qty, "unit_price": Decimal("298.00"), "currency": "CNY"},
                      {"sku": "NOT-IN-CATALOGUE", "quantity": 1, "unit_price": "0.10", "currency": "CNY"}]}


def wait_for(condition, timeout: float = 10.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def outside(url: str):
    """A second, independent connection to the same database (another engine, another pool)."""
    return create_engine(url)


def test_events_are_visible_to_another_connection_without_flush(db, any_db_url):
    session_id, _ = make_session(db)
    writer = EventWriter(lambda: UnitOfWork(db.session_factory), session_id)
    other = outside(any_db_url)
    try:
        writer.put(MARKER, {"text": "guest joins"})
        writer.put(VIEWER_SAMPLE, {"viewers": 1234})

        def seen():
            with other.connect() as c:
                return c.execute(text("SELECT type FROM session_event WHERE session_id = :s ORDER BY id"),
                                 {"s": session_id}).scalars().all()

        assert wait_for(lambda: len(seen()) == 2 and seen(), what="two events") == [MARKER, VIEWER_SAMPLE]
        with other.connect() as c:
            assert c.execute(text("SELECT viewers FROM viewer_sample WHERE session_id = :s"),
                             {"s": session_id}).scalar_one() == 1234
        writer.put(SESSION_PAUSED, {})

        def status():
            with other.connect() as c:
                return c.execute(text("SELECT status FROM live_session WHERE id = :s"), {"s": session_id}).scalar_one()

        wait_for(lambda: status() == "paused", what="the paused status")
        writer.put(SESSION_ENDED, {}, at=T0 + timedelta(hours=2))
        wait_for(lambda: status() == "ended", what="the ended status")
    finally:
        writer.close()
        other.dispose()


def test_orders_are_stored_once_with_their_event_in_one_transaction(db):
    session_id, conn_id = make_session(db)
    writer = EventWriter(lambda: UnitOfWork(db.session_factory), session_id)
    try:
        writer.put(ORDER_RECEIVED, order("A", 1, qty=2))
        writer.put(ORDER_RECEIVED, order("B", 2))
        writer.put(ORDER_RECEIVED, order("A", 1, qty=2))  # polled twice (window overlap)
        assert writer.flush(10)
    finally:
        writer.close()
    # A second writer (a resumed session) meets the same orders again: nothing new is written.
    again = EventWriter(lambda: UnitOfWork(db.session_factory), session_id)
    try:
        again.put(ORDER_RECEIVED, order("B", 2))
        again.put(ORDER_RECEIVED, order("C", 3))
        assert again.flush(10)
        assert again.skipped_orders == 1
    finally:
        again.close()
    with db.session_factory() as s:
        orders = s.query(m.Order).filter_by(connection_id=conn_id).order_by(m.Order.platform_order_id).all()
        assert [o.platform_order_id for o in orders] == ["A", "B", "C"]
        a = orders[0]
        assert [(ln.sku, ln.quantity, ln.unit_price) for ln in a.lines] == [
            ("S1", 2, Decimal("298.00")), ("NOT-IN-CATALOGUE", 1, Decimal("0.10"))]
        assert a.lines[0].product_id is not None and a.lines[1].product_id is None
        assert a.created_at == T0 + timedelta(minutes=1)
        events = s.query(m.SessionEvent).filter_by(session_id=session_id, type=ORDER_RECEIVED).order_by(m.SessionEvent.id).all()
        assert [e.payload["platform_order_id"] for e in events] == ["A", "B", "C"]
        assert events[0].payload["units"] == 3 and Decimal(events[0].payload["revenue"]) == Decimal("596.10")
        assert "lines" not in events[0].payload and events[0].payload["skus"] == ["S1", "NOT-IN-CATALOGUE"]


def test_a_burst_from_several_threads_is_committed_exactly_once(db):
    session_id, conn_id = make_session(db)
    writer = EventWriter(lambda: UnitOfWork(db.session_factory), session_id)
    ids = [f"O{n:05d}" for n in range(600)]

    def produce(offset: int) -> None:
        for n in range(offset, len(ids), 3):
            writer.put(ORDER_RECEIVED, order(ids[n], n % 60))
            writer.put(ORDER_RECEIVED, order(ids[(n * 7) % len(ids)], 0))  # repeats of others

    threads = [threading.Thread(target=produce, args=(k,)) for k in range(3)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert writer.flush(60)
    finally:
        writer.close()
    with db.session_factory() as s:
        stored = [o for (o,) in s.query(m.Order.platform_order_id).filter_by(connection_id=conn_id)]
        assert sorted(stored) == ids
        events = s.query(m.SessionEvent).filter_by(session_id=session_id, type=ORDER_RECEIVED).count()
        assert events == len(ids)


def test_an_event_that_cannot_be_written_is_reported_and_the_rest_goes_on(db):
    session_id, _ = make_session(db)
    errors: list[BaseException] = []
    writer = EventWriter(lambda: UnitOfWork(db.session_factory), session_id, on_error=errors.append)
    try:
        bad = order("X")
        bad["lines"][0]["unit_price"] = 1.5  # a float: money is never a float
        writer.put(ORDER_RECEIVED, bad)
        writer.put(MARKER, {"text": "still recorded"})
        assert writer.flush(10)
    finally:
        writer.close()
    assert len(errors) == 1 and "float" in str(errors[0])
    with db.session_factory() as s:
        assert [e.type for e in s.query(m.SessionEvent).filter_by(session_id=session_id)] == [MARKER]
        assert s.query(m.Order).count() == 0
