"""The Shopify connector against a local fake of the Admin GraphQL endpoint (pytest-httpserver).

Shapes follow the brief's PLATFORM_APIS §4 and Shopify's documented ``extensions.cost``. No test
reaches the internet or sleeps: the client's sleep and clock are recorders, so every wait the
connector decides on is asserted exactly.
"""

from __future__ import annotations

import json
import random
import re
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.integration.connectors.conftest import FakeTime
from tests.integration.connectors.conftest import closed_port_url as shared_closed_port_url
from werkzeug import Request, Response

from curator_console.connectors import shopify
from curator_console.connectors.base import ConnectionSettings, Store
from curator_console.connectors.errors import (
    NotAuthorisedError,
    PlatformUnavailableError,
    RateLimitedError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.connectors.registry import connect, platform_type
from curator_console.connectors.shopify import PLATFORM, ShopifyConnector, shop_from
from curator_console.domain.platform import Capability, OrderLineInfo

TOKEN = "shpat_SECRET_0123456789abcdef"
SHOP = "museum-shop"
PATH = "/admin/api/2025-10/graphql.json"
SINCE = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
UNTIL = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)




def make(endpoint: str, client: HttpClient, token: str | None = TOKEN, room: str = SHOP) -> ShopifyConnector:
    settings = ConnectionSettings(name="Museum shop", platform="shopify", base_url=endpoint, room=room, token=token)
    return ShopifyConnector(settings, client)


def cost(requested: float = 10, available: float = 990, rate: float = 50, maximum: float = 1000,
         actual: float | None = None) -> dict:
    return {"cost": {"requestedQueryCost": requested, "actualQueryCost": requested if actual is None else actual,
                     "throttleStatus": {"maximumAvailable": maximum, "currentlyAvailable": available,
                                        "restoreRate": rate}}}


def answer(data: dict, extensions: dict | None = None) -> dict:
    return {"data": data, "extensions": extensions or cost()}


THROTTLED = {"message": "Throttled", "extensions": {"code": "THROTTLED",
                                                    "documentation": "https://shopify.dev/api/usage/rate-limits"}}


def throttled(requested: float, available: float, rate: float = 50) -> dict:
    return {"errors": [THROTTLED], "extensions": cost(requested, available, rate, actual=None) | {}}


def operation(request: Request) -> tuple[str, dict[str, Any]]:
    body = request.get_json()
    match = re.search(r"query\s+(\w+)", body["query"])
    return (match.group(1) if match else ""), body.get("variables") or {}


def json_response(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json")


def page(nodes: list, cursor: str | None) -> dict:
    return {"nodes": nodes, "pageInfo": {"hasNextPage": cursor is not None, "endCursor": cursor}}


def variant(n: int, sku: str | None, price: str = "25.00", stock: int | None = 3) -> dict:
    return {"id": f"gid://shopify/ProductVariant/{n}", "sku": sku, "price": price, "inventoryQuantity": stock}


def product(n: int, title: str, handle: str, variants: dict, status: str = "ACTIVE") -> dict:
    return {"id": f"gid://shopify/Product/{n}", "title": title, "handle": handle, "status": status,
            "variants": variants}


def line(qty: int, sku: str | None, amount: str, variant_id: int | None = 1, currency: str = "EUR") -> dict:
    return {"quantity": qty, "sku": sku,
            "variant": {"id": f"gid://shopify/ProductVariant/{variant_id}"} if variant_id else None,
            "product": None,
            "originalUnitPriceSet": {"shopMoney": {"amount": amount, "currencyCode": currency}}}


def order(n: int, created: str, lines: dict) -> dict:
    return {"id": f"gid://shopify/Order/{n}", "name": f"#{1000 + n}", "createdAt": created, "lineItems": lines}


def assert_no_token(err: BaseException) -> None:
    assert TOKEN not in str(err)
    assert TOKEN not in "".join(traceback.format_exception(err))


def closed_port_url() -> str:
    return shared_closed_port_url(PATH)


def expect_graphql(server: HTTPServer, handler: Callable[[Request], Response]) -> list[tuple[str, dict]]:
    """Serve ``handler`` for every POST with the right token; returns the (operation, variables) seen."""
    seen: list[tuple[str, dict]] = []

    def wrapped(request: Request) -> Response:
        seen.append(operation(request))
        return handler(request)

    server.expect_request(PATH, method="POST", headers={"X-Shopify-Access-Token": TOKEN}).respond_with_handler(wrapped)
    return seen


# --- test() ------------------------------------------------------------------------------------


def test_connection_test_names_shop_and_currency(server: HTTPServer, client: HttpClient) -> None:
    shop = {"shop": {"name": "Museum Shop", "currencyCode": "EUR"}}
    seen = expect_graphql(server, lambda r: json_response(answer(shop)))
    assert make(server.url_for(PATH), client).test() == "Connected to Shopify shop Museum Shop (EUR)."
    assert seen == [("Shop", {})]
    request = server.log[0][0]
    assert request.headers["Content-Type"] == "application/json"


# --- products ----------------------------------------------------------------------------------


def products_handler(request: Request) -> Response:
    name, variables = operation(request)
    if name == "ProductVariants":  # the rest of product 2's variants
        assert variables == {"id": "gid://shopify/Product/2", "cursor": "v-after-21"}
        return json_response(answer({"product": {"variants": page([variant(22, "SCARF-RED", "19.90")], None)}}))
    assert name == "Products"
    cursor = variables.get("cursor")
    shop = {"currencyCode": "EUR"}
    if cursor is None:
        nodes = [product(1, "Tote bag", "tote-bag", page([variant(11, "TOTE-1", "25.00", 12),
                                                            variant(12, None, "25.00"),
                                                            variant(13, "", "25.00")], None)),
                 product(2, "Silk scarf", "silk-scarf", page([variant(21, "SCARF-BLUE", "19.90", None)], "v-after-21"))]
        return json_response(answer({"shop": shop, "products": page(nodes, "p-2")}))
    if cursor == "p-2":
        nodes = [product(3, "Old poster", "old-poster", page([variant(31, "POSTER-OLD", "5.00")], None),
                         status="ARCHIVED"),
                 product(4, "Catalogue", "catalogue", page([variant(41, "CAT-2026", "1280.50", 40)], None),
                         status="DRAFT")]
        return json_response(answer({"shop": shop, "products": page(nodes, "p-3")}))
    assert cursor == "p-3"
    nodes = [product(5, "Postcard set", "postcards", page([variant(51, "PC-SET", "8.00", 100)], None))]
    return json_response(answer({"shop": shop, "products": page(nodes, None)}))


def test_products_are_paged_to_the_end(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    seen = expect_graphql(server, products_handler)
    products = list(make(server.url_for(PATH), client).products())
    assert [p.sku for p in products] == ["TOTE-1", "SCARF-BLUE", "SCARF-RED", "CAT-2026", "PC-SET"]
    assert [(name, v.get("cursor")) for name, v in seen] == [
        ("Products", None), ("ProductVariants", "v-after-21"), ("Products", "p-2"), ("Products", "p-3")]
    tote = products[0]
    assert tote.title == "Tote bag"
    assert tote.price == Decimal("25.00") and isinstance(tote.price, Decimal)
    assert tote.currency == "EUR"
    assert tote.stock == 12
    assert tote.url == f"https://{SHOP}.myshopify.com/products/tote-bag"
    assert tote.external_id == "gid://shopify/ProductVariant/11"
    assert products[1].stock is None and products[1].title == "Silk scarf"
    assert products[3].price == Decimal("1280.50")
    assert fake_time.sleeps == []  # the bucket was full all along


def test_product_queries_stay_under_the_single_query_cost_limit() -> None:
    products = 2 + shopify.PRODUCTS_PAGE * (1 + 2 + shopify.VARIANTS_PAGE * 1)
    orders = 2 + shopify.ORDERS_PAGE * (1 + 2 + shopify.LINES_PAGE * 4)  # line, variant, price set, shop money
    assert products < shopify.MAX_QUERY_COST and orders < shopify.MAX_QUERY_COST
    assert f"products(first: {shopify.PRODUCTS_PAGE}" in shopify.PRODUCTS_QUERY
    assert f"lineItems(first: {shopify.LINES_PAGE})" in shopify.ORDERS_QUERY


def test_a_low_bucket_makes_the_next_page_wait(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    calls = []

    def handler(request: Request) -> Response:
        _, variables = operation(request)
        calls.append(variables.get("cursor"))
        if variables.get("cursor") is None:
            nodes = [product(1, "Tote bag", "tote-bag", page([variant(11, "TOTE-1")], None))]
            return json_response(answer({"shop": {"currencyCode": "EUR"}, "products": page(nodes, "p-2")},
                                        cost(requested=652, available=100, rate=50, actual=20)))
        nodes = [product(2, "Scarf", "scarf", page([variant(21, "SCARF")], None))]
        return json_response(answer({"shop": {"currencyCode": "EUR"}, "products": page(nodes, None)},
                                    cost(requested=652, available=500, rate=50)))

    expect_graphql(server, handler)
    assert [p.sku for p in make(server.url_for(PATH), client).products()] == ["TOTE-1", "SCARF"]
    # Before page 2: expected cost 652 (last requestedQueryCost), 100 available, 50 a second.
    assert fake_time.sleeps == [pytest.approx((652 - 100) / 50)]


def test_bucket_refills_while_time_passes(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    expect_graphql(server, lambda r: json_response(answer({"shop": {"name": "S", "currencyCode": "EUR"}},
                                                          cost(requested=700, available=300, rate=100))))
    shop = make(server.url_for(PATH), client)
    shop.test()
    fake_time.now += 2.5  # 250 restored: 550 available for an expected 700
    shop.test()
    assert fake_time.sleeps == [pytest.approx(1.5)]


# --- orders ------------------------------------------------------------------------------------


def orders_handler(request: Request) -> Response:
    name, variables = operation(request)
    if name == "OrderLines":
        assert variables == {"id": "gid://shopify/Order/2", "cursor": "l-after-1"}
        return json_response(answer({"order": {"lineItems": page([line(1, "PC-SET", "8.00", 51)], None)}}))
    assert name == "Orders"
    assert variables["query"] == "created_at:>='2026-03-10T10:00:00Z' created_at:<='2026-03-10T12:00:00Z'"
    cursor = variables.get("cursor")
    if cursor is None:
        nodes = [order(1, "2026-03-10T10:05:00Z", page([line(2, "TOTE-1", "25.00", 11)], None)),
                 order(2, "2026-03-10T10:06:30Z", page([line(1, "SCARF-BLUE", "19.90", 21)], "l-after-1"))]
        return json_response(answer({"orders": page(nodes, "o-2")}))
    if cursor == "o-2":
        nodes = [order(3, "2026-03-10T19:07:00+08:00", page([line(1, None, "12.00", 77),
                                                             line(1, "", "3.50", None)], None))]
        return json_response(answer({"orders": page(nodes, "o-3")}))
    assert cursor == "o-3"
    nodes = [order(4, "2026-03-10T11:59:59Z", page([line(3, "CAT-2026", "1280.50", 41)], None))]
    return json_response(answer({"orders": page(nodes, None)}))


def test_orders_are_paged_to_the_end(server: HTTPServer, client: HttpClient) -> None:
    seen = expect_graphql(server, orders_handler)
    orders = list(make(server.url_for(PATH), client).orders(SINCE, UNTIL))
    assert [o.platform_order_id for o in orders] == [f"gid://shopify/Order/{n}" for n in (1, 2, 3, 4)]
    assert [(name, v.get("cursor")) for name, v in seen] == [
        ("Orders", None), ("OrderLines", "l-after-1"), ("Orders", "o-2"), ("Orders", "o-3")]
    first = orders[0]
    assert first.created_at == datetime(2026, 3, 10, 10, 5, tzinfo=timezone.utc)
    assert first.created_at.utcoffset() == timedelta(0)
    assert first.lines == (OrderLineInfo(sku="TOTE-1", quantity=2, unit_price=Decimal("25.00"), currency="EUR"),)
    assert [ln.sku for ln in orders[1].lines] == ["SCARF-BLUE", "PC-SET"]
    # An offset time comes back as UTC; lines without SKU keep their revenue under the variant id.
    assert orders[2].created_at == datetime(2026, 3, 10, 11, 7, tzinfo=timezone.utc)
    assert [ln.sku for ln in orders[2].lines] == ["gid://shopify/ProductVariant/77", shopify.CUSTOM_ITEM_SKU]
    assert orders[2].lines[1].unit_price == Decimal("3.50")
    assert orders[3].lines[0].unit_price == Decimal("1280.50") and orders[3].currency == "EUR"
    assert all(isinstance(ln.unit_price, Decimal) for o in orders for ln in o.lines)


def test_order_window_needs_aware_times(client: HttpClient) -> None:
    with pytest.raises(ValueError):
        list(make("http://127.0.0.1:9" + PATH, client).orders(datetime(2026, 3, 10), UNTIL))


def test_float_money_is_refused(server: HTTPServer, client: HttpClient) -> None:
    bad = order(1, "2026-03-10T10:05:00Z", page([line(1, "X", "1")], None))
    bad["lineItems"]["nodes"][0]["originalUnitPriceSet"]["shopMoney"]["amount"] = 0.1
    expect_graphql(server, lambda r: json_response(answer({"orders": page([bad], None)})))
    with pytest.raises(UnexpectedResponseError, match="amount"):
        list(make(server.url_for(PATH), client).orders(SINCE, UNTIL))


# --- throttling and errors ---------------------------------------------------------------------


def test_throttled_then_success_waits_as_the_bucket_says(server: HTTPServer, client: HttpClient,
                                                          fake_time: FakeTime) -> None:
    responses = iter([
        throttled(requested=652, available=52, rate=50),
        answer({"shop": {"name": "Museum Shop", "currencyCode": "EUR"}}),
    ])
    expect_graphql(server, lambda r: json_response(next(responses)))
    assert make(server.url_for(PATH), client).test() == "Connected to Shopify shop Museum Shop (EUR)."
    assert fake_time.sleeps == [pytest.approx((652 - 52) / 50)]  # 12 s, once
    assert len(server.log) == 2


def test_throttled_without_cost_figures_backs_off(server: HTTPServer, client: HttpClient,
                                                  fake_time: FakeTime) -> None:
    responses = iter([{"errors": [{"message": "Throttled"}]}, {"errors": [THROTTLED]},
                      answer({"shop": {"name": "S", "currencyCode": "EUR"}})])
    expect_graphql(server, lambda r: json_response(next(responses)))
    make(server.url_for(PATH), client).test()
    assert fake_time.sleeps == [1.0, 2.0]


def test_throttled_every_time_is_rate_limited(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    expect_graphql(server, lambda r: json_response(throttled(requested=100, available=0, rate=50)))
    with pytest.raises(RateLimitedError) as info:
        make(server.url_for(PATH), client).test()
    assert len(server.log) == 1 + shopify.MAX_THROTTLED_RETRIES
    assert fake_time.sleeps == [pytest.approx(2.0)] * shopify.MAX_THROTTLED_RETRIES
    assert info.value.retry_after == pytest.approx(2.0)
    assert_no_token(info.value)


def test_http_429_is_retried_after_retry_after(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_oneshot_request(PATH, method="POST").respond_with_json(
        {"errors": "Exceeded 2 calls per second for api client."}, status=429, headers={"Retry-After": "2.0"})
    expect_graphql(server, lambda r: json_response(answer({"shop": {"name": "S", "currencyCode": "EUR"}})))
    assert make(server.url_for(PATH), client).test() == "Connected to Shopify shop S (EUR)."
    assert fake_time.sleeps == [2.0]


def test_http_429_every_time_is_rate_limited(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(PATH, method="POST").respond_with_json({"errors": "Throttled"}, status=429,
                                                                 headers={"Retry-After": "1"})
    with pytest.raises(RateLimitedError) as info:
        make(server.url_for(PATH), client).test()
    assert_no_token(info.value)


def test_other_graphql_errors_are_unexpected_with_the_first_message(server: HTTPServer, client: HttpClient) -> None:
    body = {"errors": [{"message": "Field 'nope' doesn't exist on type 'Shop'",
                        "locations": [{"line": 1, "column": 20}], "extensions": {"code": "undefinedField"}},
                       {"message": "second"}], "extensions": cost()}
    expect_graphql(server, lambda r: json_response(body))
    with pytest.raises(UnexpectedResponseError) as info:
        make(server.url_for(PATH), client).test()
    assert "Field 'nope' doesn't exist" in str(info.value) and "second" not in str(info.value)


def test_access_denied_is_not_authorised(server: HTTPServer, client: HttpClient) -> None:
    body = {"data": None, "errors": [{"message": "Access denied for orders field. Required access: `read_orders` "
                                                  "access scope.", "extensions": {"code": "ACCESS_DENIED"}}]}
    expect_graphql(server, lambda r: json_response(body))
    with pytest.raises(NotAuthorisedError, match="read_orders"):
        list(make(server.url_for(PATH), client).orders(SINCE, UNTIL))


def test_a_graphql_message_quoting_the_token_is_scrubbed(server: HTTPServer, client: HttpClient) -> None:
    expect_graphql(server, lambda r: json_response({"errors": [{"message": f"bad token {TOKEN}"}]}))
    with pytest.raises(UnexpectedResponseError) as info:
        make(server.url_for(PATH), client).test()
    assert_no_token(info.value)


def test_401_is_not_authorised(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(PATH, method="POST").respond_with_json(
        {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}, status=401)
    with pytest.raises(NotAuthorisedError) as info:
        list(make(server.url_for(PATH), client).products())
    assert_no_token(info.value)


def test_missing_token_fails_before_calling(server: HTTPServer, client: HttpClient) -> None:
    with pytest.raises(NotAuthorisedError, match="access token"):
        make(server.url_for(PATH), client, token=None).test()
    assert server.log == []


def test_unknown_shop_404_names_it(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(PATH, method="POST").respond_with_data("Not Found", status=404)
    with pytest.raises(UnexpectedResponseError, match=SHOP):
        make(server.url_for(PATH), client).test()


# --- transport ---------------------------------------------------------------------------------


def test_5xx_then_success_is_retried_because_queries_only_read(server: HTTPServer, client: HttpClient,
                                                               fake_time: FakeTime) -> None:
    server.expect_oneshot_request(PATH, method="POST").respond_with_data("busy", status=503)
    expect_graphql(server, lambda r: json_response(answer({"shop": {"name": "S", "currencyCode": "EUR"}})))
    assert make(server.url_for(PATH), client).test() == "Connected to Shopify shop S (EUR)."
    assert len(server.log) == 2 and len(fake_time.sleeps) == 1


def test_malformed_json_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(PATH, method="POST").respond_with_data('{"data": {', content_type="application/json")
    with pytest.raises(UnexpectedResponseError, match="not valid JSON") as info:
        make(server.url_for(PATH), client).test()
    assert_no_token(info.value)


def test_missing_page_info_cursor_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    no_cursor = {"orders": {"nodes": [], "pageInfo": {"hasNextPage": True}}}
    expect_graphql(server, lambda r: json_response(answer(no_cursor)))
    with pytest.raises(UnexpectedResponseError, match="cursor"):
        list(make(server.url_for(PATH), client).orders(SINCE, UNTIL))


@pytest.fixture
def blocking_server(hanging_server) -> HTTPServer:
    """A server whose handler blocks until teardown releases it (the client times out first)."""
    return hanging_server(PATH, lambda: json_response(answer({"shop": {"name": "S", "currencyCode": "EUR"}})))


def test_timeout_is_unavailable(blocking_server: HTTPServer, fake_time: FakeTime) -> None:
    client = HttpClient(timeout=(2.0, 0.05), retry=RetryPolicy(max_retries=1), sleep=fake_time.sleep,
                        clock=fake_time.clock, rng=random.Random(1))
    with pytest.raises(PlatformUnavailableError, match="did not answer in time") as info:
        make(blocking_server.url_for(PATH), client).test()
    assert len(fake_time.sleeps) == 1  # POST retried: a query is safe to repeat
    assert_no_token(info.value)


def test_connection_refused_is_unavailable(client: HttpClient, fake_time: FakeTime) -> None:
    with pytest.raises(PlatformUnavailableError, match="cannot be reached") as info:
        make(closed_port_url(), client).test()
    assert len(fake_time.sleeps) == client.retry.max_retries
    assert_no_token(info.value)


# --- platform type and settings ----------------------------------------------------------------


def test_platform_type_declares_shopify(client: HttpClient) -> None:
    assert platform_type("shopify") is PLATFORM
    assert PLATFORM.key == "shopify" and PLATFORM.label == "Shopify"
    assert PLATFORM.capabilities == frozenset({Capability.PRODUCTS, Capability.ORDERS})
    assert PLATFORM.needs_token is True
    store = connect(ConnectionSettings(name="s", platform="shopify", room=SHOP, token=TOKEN), client)
    assert isinstance(store, ShopifyConnector) and isinstance(store, Store)
    assert store.endpoint == f"https://{SHOP}.myshopify.com/admin/api/2025-10/graphql.json"


def test_api_version_option(client: HttpClient) -> None:
    settings = ConnectionSettings(name="s", platform="shopify", room=f"{SHOP}.myshopify.com", token=TOKEN,
                                  options={"api_version": "2026-01"})
    assert ShopifyConnector(settings, client).endpoint == f"https://{SHOP}.myshopify.com/admin/api/2026-01/graphql.json"


@pytest.mark.parametrize("pasted", [SHOP, "Museum-Shop", f"{SHOP}.myshopify.com",
                                    f"https://{SHOP}.myshopify.com/admin", f" {SHOP}.myshopify.com/ "])
def test_shop_from(pasted: str) -> None:
    assert shop_from(pasted) == SHOP
