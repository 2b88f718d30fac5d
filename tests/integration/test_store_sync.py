"""Store sync from a REST-contract partner: exactly-once orders, product upsert, no token leaks."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import keyring
import pytest
from keyring.backend import KeyringBackend

from curator_console.connectors.http import HttpClient
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import connections, store_sync
from tests.fakes.rest_partner import FakePartner, make_orders

TOKEN = "tok-7f3a9c1e-UNIQUE-SENTINEL-42"
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
PRODUCTS = [
    {"sku": "S1", "title": "Vase replica", "price": "298.00", "currency": "CNY", "stock": 12, "url": "", "image_url": ""},
    {"sku": "S2", "title": "Silk scarf", "price": "168.00", "currency": "CNY", "stock": 40, "url": "", "image_url": ""},
    {"sku": "S3", "title": "Postcards", "price": "19.90", "currency": "CNY", "stock": 0, "url": "", "image_url": ""},
]


class MemoryKeyring(KeyringBackend):
    """Stands in for the OS keychain, which CI machines do not have."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def get_password(self, service, username):
        return self.store.get((service, username))

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def db(any_db_url, open_db):
    return open_db(any_db_url)


def uow_factory(db):
    return lambda: UnitOfWork(db.session_factory)


def add_partner(db, url, token_env="", token=None, name="Partner shop"):
    spec = connections.ConnectionSpec(name=name, platform="rest", base_url=url, room="r1", token_env=token_env)
    return connections.add_connection(UnitOfWork(db.session_factory), spec, token)


def order_count(db) -> int:
    with db.session_factory() as s:
        return s.query(m.Order).count()


def test_overlapping_windows_store_each_order_once(db, httpserver, monkeypatch):
    monkeypatch.setenv("PARTNER_TOKEN", TOKEN)
    orders = make_orders(T0, 40, ["S1", "S2", "S3"])
    FakePartner(httpserver, TOKEN, orders, PRODUCTS, page_size=7)
    add_partner(db, httpserver.url_for("/"), token_env="PARTNER_TOKEN")
    factory, client = uow_factory(db), HttpClient()

    first = store_sync.sync_store(factory, "Partner shop", client, T0, T0 + timedelta(hours=3))
    in_first = sum(1 for o in orders if datetime.fromisoformat(o["created_at"].replace("Z", "+00:00")) < T0 + timedelta(hours=3))
    assert (first.products, first.orders_new) == (3, in_first)
    assert order_count(db) == in_first  # pages repeating an order did not store it twice

    second = store_sync.sync_store(factory, "Partner shop", client, T0 + timedelta(hours=2), T0 + timedelta(hours=6))
    assert second.orders_new == len(orders) - in_first
    assert order_count(db) == len(orders)

    third = store_sync.sync_store(factory, "Partner shop", client, T0, T0 + timedelta(days=1))
    assert third.orders_new == 0 and third.orders_seen >= len(orders)
    assert order_count(db) == len(orders)

    with db.session_factory() as s:
        lines = s.query(m.OrderLine).all()
        assert sum(ln.quantity for ln in lines) == sum(o["lines"][0]["quantity"] for o in orders)
        assert all(isinstance(ln.unit_price, Decimal) and ln.product_id is not None for ln in lines)


def test_product_sync_updates_price_stock_title_and_keeps_links(db, httpserver, monkeypatch):
    monkeypatch.setenv("PARTNER_TOKEN", TOKEN)
    FakePartner(httpserver, TOKEN, [], PRODUCTS)
    add_partner(db, httpserver.url_for("/"), token_env="PARTNER_TOKEN")
    with db.session_factory() as s:
        museum = m.Museum(code="T", name="Test")
        s.add(museum)
        s.flush()
        item = m.CollectionItem(museum_id=museum.id, object_number="A.1", title="Vase")
        s.add(m.Product(sku="S1", title="old title", price=Decimal("1.00"), stock=1, items=[item]))
        s.commit()
    store_sync.sync_store(uow_factory(db), "Partner shop", HttpClient(), T0, T0 + timedelta(days=1))
    with db.session_factory() as s:
        p = s.query(m.Product).filter_by(sku="S1").one()
        assert (p.title, p.price, p.stock) == ("Vase replica", Decimal("298.00"), 12)
        assert [i.object_number for i in p.items] == ["A.1"]
        assert p.connection_id is not None and p.synced_at is not None
        assert s.query(m.Product).count() == 3


def test_sync_refuses_a_connection_that_is_not_a_store(db, httpserver):
    spec = connections.ConnectionSpec(name="OBS", platform="obs", base_url="ws://127.0.0.1:4455")
    connections.add_connection(UnitOfWork(db.session_factory), spec)
    with pytest.raises(connections.ConnectionError_, match="not a store"):
        store_sync.sync_store(uow_factory(db), "OBS", HttpClient(), T0, T0 + timedelta(hours=1))


def test_removing_a_connection_with_orders_needs_confirmation(db, httpserver, monkeypatch):
    monkeypatch.setenv("PARTNER_TOKEN", TOKEN)
    FakePartner(httpserver, TOKEN, make_orders(T0, 5, ["S1"]), PRODUCTS)
    add_partner(db, httpserver.url_for("/"), token_env="PARTNER_TOKEN")
    store_sync.sync_store(uow_factory(db), "Partner shop", HttpClient(), T0, T0 + timedelta(days=1))
    with pytest.raises(connections.ConnectionError_, match="5 synced orders"):
        connections.remove_connection(UnitOfWork(db.session_factory), "Partner shop")
    assert order_count(db) == 5
    assert connections.remove_connection(UnitOfWork(db.session_factory), "Partner shop", delete_orders=True) == 5
    assert order_count(db) == 0


def test_token_from_keychain_never_lands_in_database_settings_or_logs(
    sqlite_url, open_db, httpserver, memory_keyring, caplog, curator_home
):
    db = open_db(sqlite_url)
    FakePartner(httpserver, TOKEN, make_orders(T0, 12, ["S1", "S2"]), PRODUCTS)
    caplog.set_level(logging.DEBUG)
    add_partner(db, httpserver.url_for("/"), token=TOKEN)
    assert memory_keyring.store == {("Curator Console", "connection:Partner shop"): TOKEN}
    client = HttpClient()
    assert "1 room" in connections.test_connection(UnitOfWork(db.session_factory), "Partner shop", client)
    summary = store_sync.sync_store(uow_factory(db), "Partner shop", client, T0, T0 + timedelta(days=1))
    assert summary.orders_new == 12
    db.dispose()

    from sqlalchemy.engine import make_url

    path = make_url(sqlite_url).database
    for candidate in (path, path + "-wal"):
        try:
            data = open(candidate, "rb").read()
        except FileNotFoundError:
            continue
        assert TOKEN.encode() not in data
    for f in curator_home.rglob("*"):
        if f.is_file():
            assert TOKEN.encode() not in f.read_bytes(), f
    assert TOKEN not in caplog.text
    assert any("/v1/orders" in r.getMessage() or "orders" in r.getMessage() for r in caplog.records) or caplog.records


def test_cli_add_test_sync_with_token_env(tmp_path, httpserver, curator_home):
    """The CLI path end to end in a subprocess: add (token from an env var), test, sync twice."""
    orders = make_orders(T0, 9, ["S1", "S2"])
    FakePartner(httpserver, TOKEN, orders, PRODUCTS, page_size=4)
    dbfile = tmp_path / "cli.sqlite3"
    env = {"CURATOR_CONSOLE_HOME": str(curator_home), "PARTNER_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"}
    base = [sys.executable, "-m", "curator_console", "-v", "--db", str(dbfile)]

    def run(*args):
        return subprocess.run([*base, *args], capture_output=True, text=True, env=env, timeout=120)

    added = run("connection", "add", "shop", "--type", "rest", "--url", httpserver.url_for("/"), "--token-env", "PARTNER_TOKEN")
    assert added.returncode == 0, added.stderr
    tested = run("connection", "test", "shop")
    assert tested.returncode == 0, tested.stderr
    window = ["--since", "2026-03-01T08:00:00Z", "--until", "2026-03-01T09:00:00Z"]
    first = run("sync-store", "shop", *window)
    assert first.returncode == 0, first.stderr
    in_window = sum(1 for o in orders if o["created_at"] < "2026-03-01T09:00:00Z")
    assert first.stdout.strip().splitlines()[-1] == f"products=3 orders_new={in_window} orders_seen={first.stdout.split('orders_seen=')[1].strip()}"
    second = run("sync-store", "shop", "--since", "2026-03-01T08:00:00Z", "--until", "2026-03-02T00:00:00Z")
    assert second.returncode == 0, second.stderr
    line = second.stdout.strip().splitlines()[-1]
    assert f"orders_new={len(orders) - in_window}" in line
    for out in (added, tested, first, second):
        assert TOKEN not in out.stdout + out.stderr
    assert TOKEN.encode() not in dbfile.read_bytes()


# --- the built-in simulated platform ---------------------------------------------------------


@pytest.fixture
def fresh_simulator():
    from curator_console.connectors.simulator import platform as sim

    sim.stop_shared()
    yield sim
    sim.stop_shared()


def test_builtin_simulator_connection_syncs_exactly_once_across_restarts(db, fresh_simulator):
    spec = connections.ConnectionSpec(name="Rehearsal room", platform="simulator", room="r1")
    connections.add_connection(UnitOfWork(db.session_factory), spec)
    client = HttpClient()
    assert "built-in simulated platform" in connections.test_connection(UnitOfWork(db.session_factory), "Rehearsal room", client)
    now = datetime.now(timezone.utc)
    week_ago, two_weeks_ago = now - timedelta(days=7), now - timedelta(days=14)
    first = store_sync.sync_store(uow_factory(db), "Rehearsal room", client, two_weeks_ago, now - timedelta(days=5))
    assert first.products > 0 and first.orders_new > 0
    stored = order_count(db)
    # Overlapping window on a restarted simulator: only the days not yet synced are new.
    fresh_simulator.stop_shared()
    second = store_sync.sync_store(uow_factory(db), "Rehearsal room", client, week_ago, now - timedelta(days=1))
    assert second.orders_seen > 0 and second.orders_new > 0
    assert order_count(db) == stored + second.orders_new
    again = store_sync.sync_store(uow_factory(db), "Rehearsal room", client, two_weeks_ago, now - timedelta(days=1))
    assert again.orders_new == 0
    assert again.orders_seen == first.orders_new + second.orders_new
    with db.session_factory() as s:
        ids = [o.platform_order_id for o in s.query(m.Order)]
        assert len(ids) == len(set(ids))
        # The simulator sold the database's own catalogue, so every line is linked to a product.
        assert all(ln.product_id is not None for ln in s.query(m.OrderLine))
