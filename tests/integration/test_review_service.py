"""The review service on SQLite and PostgreSQL: which orders count (the order source), a session's
window, currencies, baselines from words, and fetching the orders a review needs from a real
store server (a local fake REST partner)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from curator_console.connectors.http import HttpClient
from curator_console.domain.platform import OrderInfo, OrderLineInfo
from curator_console.domain.review_model import CUSTOM, DAY_BEFORE, BaselineSpec
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import review, store_sync
from tests.fakes.rest_partner import FakePartner

T0 = datetime(2026, 3, 10, 11, 0, tzinfo=timezone.utc)  # 19:00 in Shanghai
TOKEN = "review-test-token-not-real"


@pytest.fixture
def db(any_db_url, open_db):
    return open_db(any_db_url)


def factory(db):
    return lambda: UnitOfWork(db.session_factory)


def setup_museum(db, *, platform="rest", name="Shop", ended=True) -> int:
    """A museum in Shanghai, a store connection and one session 19:00–20:00 local with two
    segments, a feature and viewer samples; returns the session id."""
    with db.session_factory() as s:
        s.add(m.Museum(code="QH", name="Qinghe", timezone="Asia/Shanghai"))
        conn = m.Connection(name=name, platform=platform, base_url="http://127.0.0.1:1/", room="r1")
        s.add(conn)
        s.add(m.Product(sku="S1", title="青花瓷盘", price=Decimal("100.00")))
        s.flush()
        live = m.LiveSession(connection_id=conn.id, title="Night tour", mode="live",
                             status="ended" if ended else "running", started_at=T0,
                             ended_at=T0 + timedelta(hours=1) if ended else None)
        s.add(live)
        s.flush()
        for kind, minutes, payload in [("session_started", 0, {}), ("segment_started", 0, {"index": 0, "title": "开场"}),
                                       ("product_featured", 10, {"sku": "S1"}),
                                       ("product_unfeatured", 20, {"sku": "S1"}),
                                       ("segment_started", 30, {"index": 1, "title": "Vase"}),
                                       ("marker", 45, {"text": "question"})]:
            s.add(m.SessionEvent(session_id=live.id, type=kind, at=T0 + timedelta(minutes=minutes), payload=payload))
        if not ended:
            s.add(m.SessionEvent(session_id=live.id, type="viewer_sample", at=T0 + timedelta(minutes=50), payload={}))
        for minute, viewers in [(0, 100), (30, 300)]:
            s.add(m.ViewerSample(session_id=live.id, at=T0 + timedelta(minutes=minute), viewers=viewers))
        s.commit()
        return live.id


def add_orders(db, connection: str, orders: list[tuple[str, datetime, str, int, str, str]]) -> None:
    infos = [OrderInfo(oid, at, (OrderLineInfo(sku, qty, Decimal(price), cur),)) for oid, at, sku, qty, price, cur in orders]
    with UnitOfWork(db.session_factory) as uow:
        cid = uow.repos.connections.by_name(connection).id
    store_sync.ingest_orders(factory(db), cid, infos)


def test_report_counts_the_window_half_open_with_baseline_and_timeline(db):
    sid = setup_museum(db)
    add_orders(db, "Shop", [
        ("a", T0, "S1", 2, "100.00", "CNY"),  # exactly at the start: in
        ("b", T0 + timedelta(minutes=15), "S1", 1, "100.00", "CNY"),  # while featured
        ("c", T0 + timedelta(minutes=59, seconds=59), "S2", 1, "50.00", "CNY"),
        ("d", T0 + timedelta(hours=1), "S1", 5, "100.00", "CNY"),  # exactly at the end: out
        ("y", T0 - timedelta(days=1) + timedelta(minutes=5), "S1", 1, "100.00", "CNY"),  # the day before
    ])
    report = review.session_report(factory(db)(), sid, BaselineSpec(DAY_BEFORE))
    assert (report.totals.orders, report.totals.units, report.totals.revenue) == (3, 4, Decimal("350.00"))
    assert report.baseline.totals.revenue == Decimal("100.00")
    assert report.lift.multiple == Decimal("3.5") and report.lift.percent == Decimal("250")
    assert [(g.title, g.orders) for g in report.segments] == [("开场", 2), ("Vase", 1)]
    s1 = next(p for p in report.products if p.sku == "S1")
    assert s1.title == "青花瓷盘" and s1.units_featured == 1 and s1.featured_seconds == 600
    assert report.peak_viewers == 300 and report.session.markers[0].text == "question"


def test_an_unfinished_session_runs_to_its_last_event(db):
    sid = setup_museum(db, ended=False)
    add_orders(db, "Shop", [("a", T0 + timedelta(minutes=49), "S1", 1, "100.00", "CNY"),
                            ("b", T0 + timedelta(minutes=51), "S1", 1, "100.00", "CNY")])
    report = review.session_report(factory(db)(), sid)
    assert report.session.window.end == T0 + timedelta(minutes=50)
    assert report.totals.orders == 1 and report.lift.reason == "no baseline"


def test_order_source_rule(db):
    sid = setup_museum(db, platform="youtube", name="Channel")  # a live room, not a store
    with db.session_factory() as s:
        s.add_all([m.Connection(name="Export A", platform="file"), m.Connection(name="Export B", platform="file")])
        s.commit()
    add_orders(db, "Export A", [("a1", T0 + timedelta(minutes=1), "S1", 1, "10.00", "CNY")])
    add_orders(db, "Export B", [("b1", T0 + timedelta(minutes=1), "S1", 1, "20.00", "CNY"),
                                ("b2", T0 + timedelta(minutes=2), "S1", 1, "20.00", "CNY")])
    data = review.review_input(factory(db)(), sid)
    assert data.source == "Export B"  # the most orders in the session's window
    assert review.session_report(factory(db)(), sid, source="Export A").totals.revenue == Decimal("10.00")
    with pytest.raises(review.ReviewError, match="no connection called"):
        review.session_report(factory(db)(), sid, source="Nowhere")
    with pytest.raises(review.ReviewError, match="no session 99"):
        review.session_report(factory(db)(), 99)


def test_two_currencies_are_not_added_without_a_rate(db):
    sid = setup_museum(db)
    add_orders(db, "Shop", [("a", T0 + timedelta(minutes=1), "S1", 1, "100.00", "CNY"),
                            ("b", T0 + timedelta(minutes=2), "S1", 1, "10.00", "USD")])
    report = review.session_report(factory(db)(), sid)
    assert report.totals.revenue is None and "USD" in report.money_problem
    assert report.totals.orders == 2
    assert review.report_json(report)["session_revenue"] is None
    converted = review.session_report(factory(db)(), sid, rates={"USD": Decimal("7.10")})
    assert converted.totals.revenue == Decimal("171.00") and converted.money_problem == ""


def test_baselines_and_rates_from_words():
    from zoneinfo import ZoneInfo

    sh = ZoneInfo("Asia/Shanghai")
    feb = review.parse_baseline("2026-02-01..2026-02-28", sh)
    assert feb.kind == CUSTOM
    assert feb.custom.start == datetime(2026, 1, 31, 16, 0, tzinfo=timezone.utc)
    assert feb.custom.end == datetime(2026, 2, 28, 16, 0, tzinfo=timezone.utc)  # the 28th is included
    timed = review.parse_baseline("2026-03-09T19:00..2026-03-09T20:00Z", sh)
    assert timed.custom.start == datetime(2026, 3, 9, 11, 0, tzinfo=timezone.utc)
    assert timed.custom.end == datetime(2026, 3, 9, 20, 0, tzinfo=timezone.utc)
    assert review.parse_baseline("avg-28d").kind == "avg-28d"
    for bad, words in [("yesterday", "not a baseline"), ("2026-03-02..2026-03-01", "does not come after"),
                       ("2026-13-01..2026-12-01", "not a date")]:
        with pytest.raises(review.ReviewError, match=words):
            review.parse_baseline(bad, sh)
    assert review.parse_rate("usd=7.1") == ("USD", Decimal("7.1"))
    for bad in ("USD", "USD=0", "USD=-1", "US=7", "USD=abc"):
        with pytest.raises(review.ReviewError, match="exchange rate"):
            review.parse_rate(bad)


def test_fetching_the_orders_of_the_session_and_its_baseline(db, httpserver, monkeypatch):
    monkeypatch.setenv("PARTNER_TOKEN", TOKEN)
    orders = [
        {"id": "in-1", "created_at": "2026-03-10T11:05:00Z",
         "lines": [{"sku": "S1", "quantity": 2, "unit_price": "100.00", "currency": "CNY"}]},
        {"id": "in-2", "created_at": "2026-03-10T11:59:00Z",
         "lines": [{"sku": "S1", "quantity": 1, "unit_price": "100.00", "currency": "CNY"}]},
        {"id": "day-before", "created_at": "2026-03-09T11:30:00Z",
         "lines": [{"sku": "S1", "quantity": 1, "unit_price": "80.00", "currency": "CNY"}]},
        {"id": "elsewhere", "created_at": "2026-03-09T15:00:00Z",
         "lines": [{"sku": "S1", "quantity": 9, "unit_price": "1.00", "currency": "CNY"}]},
    ]
    FakePartner(httpserver, TOKEN, orders, [], page_size=2)
    sid = setup_museum(db)
    with db.session_factory() as s:
        conn = s.query(m.Connection).filter_by(name="Shop").one()
        conn.base_url, conn.token_env, conn.allow_insecure_http = httpserver.url_for("/"), "PARTNER_TOKEN", True
        s.commit()
    calls = []
    new, seen = review.sync_review_orders(factory(db), HttpClient(), sid, BaselineSpec(DAY_BEFORE),
                                          progress=lambda *a: calls.append(a))
    assert (new, seen) == (3, 0)  # the session's two and the day before's one; nothing else
    assert calls[-1] == (2, 2, 3, 0)
    report = review.session_report(factory(db)(), sid, BaselineSpec(DAY_BEFORE))
    assert report.totals.revenue == Decimal("300.00") and report.baseline.totals.revenue == Decimal("80.00")
    again = review.sync_review_orders(factory(db), HttpClient(), sid, BaselineSpec(DAY_BEFORE))
    assert again == (0, 3)  # exactly once
    with pytest.raises(store_sync.Cancelled):
        review.sync_review_orders(factory(db), HttpClient(), sid, cancelled=lambda: True)


def test_fetching_needs_a_store(db):
    sid = setup_museum(db, platform="youtube", name="Channel")
    with pytest.raises(review.ReviewError, match="no store connection"):
        review.sync_review_orders(factory(db), HttpClient(), sid)


def test_the_sessions_list_keeps_currencies_apart_and_counts_the_order_source(db):
    sid = setup_museum(db)
    with db.session_factory() as s:
        s.add(m.Connection(name="Other shop", platform="file"))
        s.commit()
    add_orders(db, "Shop", [("a", T0 + timedelta(minutes=1), "S1", 2, "100.00", "CNY"),
                            ("b", T0 + timedelta(minutes=2), "S1", 1, "10.00", "USD")])
    add_orders(db, "Other shop", [("z", T0 + timedelta(minutes=3), "S1", 9, "1.00", "CNY")])  # not this session's source
    row = next(r for r in review.list_sessions(factory(db)()) if r.id == sid)
    assert (row.orders, row.units) == (2, 3)
    assert (row.currency, row.revenue) == ("CNY", Decimal("200.00"))
    assert row.revenue_by_currency == (("CNY", Decimal("200.00")), ("USD", Decimal("10.00")))
