"""The simulator serves the live-commerce REST contract (PLATFORM_APIS.md §1) to a plain client."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from curator_console.connectors.simulator.model import Catalog
from curator_console.connectors.simulator.runner import start_embedded
from curator_console.connectors.simulator.server import SimulatorServer

from .conftest import START, TOKEN, Client, FakeClock, make_model

ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def iso(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("path", [
    "/v1/rooms", "/v1/rooms/r1/viewers", "/v1/rooms/r1/featured", "/v1/products",
    "/v1/orders?since=2026-03-01T00:00:00Z&until=2026-03-11T00:00:00Z", "/v1/_sim/status",
])
def test_every_call_needs_the_bearer_token(server, path):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                    {"Authorization": f"Basic {TOKEN}"}):
        r = Client(server.url, token=None).get(path, headers=headers)
        assert r.status_code == 401
        assert r.json() == {"error": "missing or wrong bearer token"}
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert Client(server.url).get(path).status_code == 200


def test_writes_need_the_token_too(server, model):
    anonymous = Client(server.url, token=None)
    assert anonymous.put("/v1/rooms/r1/featured/QHM-P001").status_code == 401
    assert anonymous.delete("/v1/rooms/r1/featured/QHM-P001").status_code == 401
    assert anonymous.post("/v1/_sim/faults", json={"mode": "error", "seconds": 5}).status_code == 401
    assert model.featured("r1") == []


def test_rooms_lists_one_live_room(client):
    body = client.get("/v1/rooms").json()
    assert body["rooms"] == [{"id": "r1", "title": body["rooms"][0]["title"], "status": "live",
                              "started_at": iso(START)}]
    assert body["rooms"][0]["title"]


def test_viewers_change_over_simulated_time(client, clock):
    seen = []
    for _ in range(8):
        clock.advance_minutes(4)
        body = client.get("/v1/rooms/r1/viewers").json()
        assert set(body) >= {"room", "viewers", "at", "visitors"}
        assert body["room"] == "r1" and isinstance(body["viewers"], int) and isinstance(body["visitors"], int)
        assert ISO_Z.match(body["at"])
        seen.append(body)
    assert len({b["viewers"] for b in seen}) == len(seen)
    assert [b["at"] for b in seen] == sorted({b["at"] for b in seen})
    assert seen[0]["at"] == iso(START + timedelta(minutes=4))
    visitors = [b["visitors"] for b in seen]
    assert visitors == sorted(visitors) and visitors[-1] > visitors[0]


def test_unknown_room_is_404(client):
    for method, path in [("get", "/v1/rooms/nope/viewers"), ("get", "/v1/rooms/nope/featured"),
                         ("put", "/v1/rooms/nope/featured/QHM-P001"), ("delete", "/v1/rooms/nope/featured/QHM-P001"),
                         ("get", "/v1/rooms/nope")]:
        r = getattr(client, method)(path)
        assert r.status_code == 404, (method, path)
        assert "error" in r.json()


def test_feature_unfeature_round_trip(client):
    assert client.get("/v1/rooms/r1/featured").json() == {"skus": []}
    r = client.put("/v1/rooms/r1/featured/QHM-P002")
    assert r.status_code == 204 and r.content == b""
    assert client.put("/v1/rooms/r1/featured/QHM-P005").status_code == 204
    assert client.put("/v1/rooms/r1/featured/QHM-P002").status_code == 204  # idempotent
    assert client.get("/v1/rooms/r1/featured").json() == {"skus": ["QHM-P002", "QHM-P005"]}
    assert client.delete("/v1/rooms/r1/featured/QHM-P002").status_code == 204
    assert client.get("/v1/rooms/r1/featured").json() == {"skus": ["QHM-P005"]}
    assert client.delete("/v1/rooms/r1/featured/QHM-P002").status_code == 204  # idempotent
    assert client.delete("/v1/rooms/r1/featured/QHM-P005").status_code == 204
    assert client.get("/v1/rooms/r1/featured").json() == {"skus": []}


def test_feature_unknown_sku_is_404(client):
    r = client.put("/v1/rooms/r1/featured/NO-SUCH-SKU")
    assert r.status_code == 404 and "NO-SUCH-SKU" in r.json()["error"]
    assert client.get("/v1/rooms/r1/featured").json() == {"skus": []}


def test_on_show_extension(client):
    assert client.get("/v1/rooms/r1/on-show").json() == {"object_numbers": []}
    r = client.put("/v1/rooms/r1/on-show", json={"object_numbers": ["QHM.1987.034", "QHM.1991.012"]})
    assert r.status_code == 204
    assert client.get("/v1/rooms/r1/on-show").json() == {"object_numbers": ["QHM.1987.034", "QHM.1991.012"]}
    assert client.put("/v1/rooms/r1/on-show", json={"object_numbers": "QHM.1"}).status_code == 400
    assert client.put("/v1/rooms/r1/on-show", data=b"{not json").status_code == 400
    assert client.put("/v1/rooms/nope/on-show", json={"object_numbers": []}).status_code == 404


def test_orders_paged_with_cursors_to_the_end(client, model, clock):
    clock.advance_minutes(60)
    since, until = START - timedelta(days=30), START + timedelta(minutes=60)
    orders, pages = client.all_orders(iso(since), iso(until))
    assert pages > 10  # page size 25
    ids = [o["id"] for o in orders]
    assert len(ids) == len(set(ids))
    keys = [(o["created_at"], o["id"]) for o in orders]
    assert keys == sorted(keys)
    for o in orders:
        assert ISO_Z.match(o["created_at"])
        created = datetime.fromisoformat(o["created_at"].replace("Z", "+00:00"))
        assert since <= created < until
        assert o["lines"]
        for line in o["lines"]:
            assert set(line) == {"sku", "quantity", "unit_price", "currency"}
            assert isinstance(line["unit_price"], str) and re.match(r"^\d+\.\d\d$", line["unit_price"])
            assert line["quantity"] >= 1 and line["currency"] == "CNY"
    expected = [o.id for o in model.all_orders() if since.timestamp() <= o.ts < until.timestamp()]
    assert ids == expected
    assert any(o["created_at"] >= iso(START) for o in orders)  # live orders as well as history


def test_a_busy_bucket_pages_without_skipping_or_repeating(clock):
    """A bucket of 100+ orders (bursts of 10+ orders per second): ids still sort in (time, id)
    order, so paging with cursors returns every order once (two-digit counters once skipped some)."""
    from curator_console.connectors.simulator.model import StoreProfile

    catalog = [{"sku": f"B-{n}", "title": f"Busy {n}", "price": "9.90", "stock": None} for n in range(3)]
    busy = make_model(seed=3, clock=clock, catalog=catalog, store=StoreProfile(orders_per_1000_visitors=600.0))
    clock.advance_minutes(40)
    live = [o for o in busy.all_orders() if o.ts >= busy.start_ts]
    per_bucket = Counter(o.id.rsplit("-", 1)[0] for o in live)
    assert max(per_bucket.values()) >= 100
    keys = [o.key for o in busy.all_orders()]
    assert keys == sorted(keys)
    srv = SimulatorServer(busy, "127.0.0.1", 0, TOKEN, page_size=37)
    srv.start()
    try:
        orders, _pages = Client(srv.url).all_orders(iso(START), iso(START + timedelta(minutes=40)))
    finally:
        srv.stop()
    assert [o["id"] for o in orders] == [o.id for o in live]


def test_orders_window_is_half_open(client, model, clock):
    clock.advance_minutes(30)
    orders = model.all_orders()
    pivot = orders[len(orders) // 2]
    at = iso(pivot.created_at)
    before, _ = client.all_orders(iso(START - timedelta(days=31)), at)
    after, _ = client.all_orders(at, iso(START + timedelta(days=1)))
    assert all(o["created_at"] < at for o in before)
    assert all(o["created_at"] >= at for o in after)
    assert pivot.id in {o["id"] for o in after}
    assert len(before) + len(after) == len(orders)


def test_only_orders_up_to_now_exist_and_new_ones_arrive(client, clock):
    window = (iso(START), iso(START + timedelta(hours=3)))
    first, _ = client.all_orders(*window)
    clock.advance_minutes(60)
    later, _ = client.all_orders(*window)
    assert len(later) > len(first)
    assert all(o["created_at"] <= iso(START + timedelta(minutes=60)) for o in later)
    assert [o["id"] for o in later[: len(first)]] == [o["id"] for o in first]


def test_orders_accept_offsets_and_limit(client, clock):
    clock.advance_minutes(30)
    a, _ = client.all_orders("2026-03-10T19:30:00+08:00", "2026-03-10T20:00:00+08:00")
    b, _ = client.all_orders(iso(START), iso(START + timedelta(minutes=30)), limit=1000)
    assert a == b and a
    r = client.get("/v1/orders", params={"since": iso(START - timedelta(days=30)), "until": iso(START), "limit": 3})
    assert len(r.json()["orders"]) == 3 and r.json()["next_cursor"]


@pytest.mark.parametrize("query", [
    {"since": "yesterday", "until": "2026-03-11T00:00:00Z"},
    {"since": "2026-03-10T00:00:00Z", "until": "2026-13-40"},
    {"since": "2026-03-10T00:00:00Z"},
    {"since": "2026-03-10T00:00:00Z", "until": "2026-03-11T00:00:00Z", "cursor": "!!garbage!!"},
    {"since": "2026-03-10T00:00:00Z", "until": "2026-03-11T00:00:00Z", "limit": "0"},
])
def test_bad_order_queries_are_400(client, query):
    r = client.get("/v1/orders", params=query)
    assert r.status_code == 400
    assert r.json()["error"]


def test_products_paged_with_stock(client, model):
    products, cursor, pages = [], None, 0
    while True:
        r = client.get("/v1/products", params={"cursor": cursor} if cursor else {"limit": 7})
        body = r.json()
        products.extend(body["products"])
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(products) == len(model.catalog) == 20
    assert len({p["sku"] for p in products}) == 20
    first = products[0]
    assert {"sku", "title", "price", "currency", "stock", "url", "image_url"} <= set(first)
    assert first["price"] == "598.00" and first["currency"] == "CNY" and first["stock"] == 40
    assert first["objects"] == ["QHM.1987.034"]
    assert Decimal(first["price"]) == model.catalog.by_sku[first["sku"]].price


def test_unknown_paths_and_methods(client):
    assert client.get("/v1/nothing").status_code == 404
    assert client.get("/nothing").status_code == 404
    r = client.post("/v1/rooms")
    assert r.status_code == 405 and r.headers["Allow"] == "GET"
    assert client.put("/v1/orders").status_code == 405


def test_idle_room_goes_live_on_demand():
    clock = FakeClock()
    model = make_model(clock=clock, idle=True)
    with SimulatorServer(model, "127.0.0.1", 0, TOKEN) as srv:
        c = Client(srv.url)
        assert c.get("/v1/rooms").json()["rooms"][0]["status"] == "idle"
        clock.advance_minutes(10)
        body = c.get("/v1/rooms/r1/viewers").json()
        assert body["viewers"] == 0 and body["status"] == "idle"
        r = c.post("/v1/_sim/rooms/r1/start")
        assert r.status_code == 200 and r.json()["status"] == "live"
        assert r.json()["started_at"] == iso(START + timedelta(minutes=10))
        clock.advance_minutes(20)
        assert c.get("/v1/rooms/r1/viewers").json()["viewers"] > 1000
        assert c.post("/v1/_sim/rooms/r1/end").json()["status"] == "idle"
        clock.advance_minutes(1)
        assert c.get("/v1/rooms/r1/viewers").json()["viewers"] == 0
        assert c.post("/v1/_sim/rooms/nope/start").status_code == 404


def test_start_embedded_with_a_catalogue_from_the_app():
    products = [
        {"sku": "A-1", "title": "Vase", "price": "100", "currency": "CNY", "stock": 5, "objects": ["OBJ.1"]},
        {"sku": "B-2", "title": "Scarf", "price": 20, "currency": "CNY", "stock": None, "objects": []},
    ]
    srv = start_embedded(seed=3, speed=60, catalog=products)
    try:
        assert srv.url.startswith("http://127.0.0.1:") and srv.port > 0 and len(srv.token) >= 20
        assert srv.token not in repr(srv)
        c = Client(srv.url, srv.token)
        body = c.get("/v1/products").json()
        assert [(p["sku"], p["price"], p["stock"]) for p in body["products"]] == [("A-1", "100.00", 5), ("B-2", "20.00", None)]
        assert c.get("/v1/rooms").json()["rooms"][0]["status"] == "live"
        assert Client(srv.url, "wrong").get("/v1/rooms").status_code == 401
    finally:
        srv.stop()
    assert not srv.running


def test_catalog_refuses_bad_products():
    with pytest.raises(ValueError):
        Catalog.from_dicts([{"sku": "A", "price": "1"}, {"sku": "A", "price": "2"}])
    with pytest.raises(ValueError):
        Catalog.from_dicts([{"sku": "A", "price": "cheap"}])
    with pytest.raises(ValueError):
        Catalog.from_dicts([{"title": "no sku", "price": "1"}])


def test_concurrent_clients_see_one_consistent_store(server, model, clock):
    import threading

    errors: list[BaseException] = []
    seen: list[list[str]] = []

    def poll() -> None:
        c = Client(server.url)
        try:
            for _ in range(15):
                assert c.get("/v1/rooms/r1/viewers").status_code == 200
                orders, _ = c.all_orders(iso(START), iso(START + timedelta(hours=2)), limit=1000)
                ids = [o["id"] for o in orders]
                assert len(ids) == len(set(ids))
                seen.append(ids)
                clock.advance(20)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=poll) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    final = [o.id for o in model.all_orders() if o.ts >= model.start_ts]
    for ids in seen:  # every answer is a prefix of the final history: nothing rewritten
        assert final[: len(ids)] == ids
