"""RestConnector against a local fake partner speaking docs/live-commerce-api.yaml (pytest-httpserver).

The fake checks the bearer token on every call (401 otherwise), pages orders and products by
``next_cursor`` and answers 404 for an unknown room, as the contract documents. Nothing sleeps:
the client's ``sleep`` is a recorder.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from curator_console.connectors.base import ConnectionSettings, LiveRoom, Store
from curator_console.connectors.errors import (
    InsecureAddressError,
    NotAuthorisedError,
    PlatformError,
    PlatformUnavailableError,
    RateLimitedError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.connectors.registry import connect, platform_type
from curator_console.connectors.rest import PLATFORM, RestConnector
from curator_console.domain.platform import Capability, OrderInfo, OrderLineInfo, ProductInfo

from .test_http_client import LocalAdapter, SleepRecorder, local_session

TOKEN = "rest-tok-SECRET-7781"
SPEC = Path(__file__).resolve().parents[3] / "docs" / "live-commerce-api.yaml"
SINCE = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
UNTIL = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


def line(sku: str, quantity: int, price: Any, currency: str = "CNY") -> dict[str, Any]:
    return {"sku": sku, "quantity": quantity, "unit_price": price, "currency": currency}


def order(order_id: str, *lines: dict[str, Any], at: str = "2026-03-10T10:05:00Z") -> dict[str, Any]:
    return {"id": order_id, "created_at": at, "lines": list(lines)}


def product(sku: str, title: str, price: Any = "99.00", **extra: Any) -> dict[str, Any]:
    return {
        "sku": sku,
        "title": title,
        "price": price,
        "currency": "CNY",
        "stock": 5,
        "url": f"https://shop.example/p/{sku}",
        "image_url": f"https://img.example/{sku}.jpg",
        **extra,
    }


class FakePartner:
    """The live-commerce contract, in memory; a pytest-httpserver handler."""

    def __init__(self) -> None:
        self.rooms: dict[str, dict[str, Any]] = {
            "r1": {"title": "Bronze tour", "status": "live"},
            "r2": {"title": "", "status": "idle"},
        }
        self.viewers: dict[str, Any] = {"r1": 1234, "r2": 0}
        self.viewers_at = "2026-03-10T10:00:05Z"
        self.featured: dict[str, list[str]] = {room: [] for room in self.rooms}
        # cursor (None = first page) -> page
        self.order_pages: dict[str | None, dict[str, Any]] = {
            None: {
                "orders": [
                    order("o1", line("S1", 2, "25.00"), line("S2", 1, "1299.90")),
                    order("o2", line("S1", 1, "25.00"), at="2026-03-10T18:06:00+08:00"),
                ],
                "next_cursor": "c2",
            },
            "c2": {
                # o2 again: the contract allows a page to repeat an order already seen
                "orders": [order("o2", line("S1", 1, "25.00")), order("o3", line("S3", 3, "0.10"))],
                "next_cursor": "c3",
            },
            "c3": {"orders": [order("o4", line("S2", 1, "1299.90"))], "next_cursor": None},
        }
        self.product_pages: dict[str | None, dict[str, Any]] = {
            None: {"products": [product("S1", "Bronze mirror postcard", "25.00")], "next_cursor": "p2"},
            "p2": {
                "products": [
                    product("S2", "Ding replica", "1299.90"),
                    product("S3", "Catalogue (sold out)", None, stock=None, url=None, image_url=None),
                ],
                "next_cursor": None,
            },
        }
        self.on_show_implemented = True
        self.on_show: dict[str, list[str]] = {}
        self.seen: list[tuple[str, list[str], dict[str, str]]] = []

    @staticmethod
    def _json(data: Any, status: int = 200) -> Response:
        return Response(json.dumps(data), status=status, content_type="application/json")

    def __call__(self, request: Request) -> Response:
        raw_path = (request.environ.get("RAW_URI") or request.path).split("?", 1)[0]
        segments = [unquote(s) for s in raw_path.split("/")[1:]]
        segments = segments[segments.index("v1"):] if "v1" in segments else segments
        self.seen.append((request.method, segments, dict(request.args)))
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._json({"error": "unauthorised"}, 401)
        method = request.method
        match segments:
            case ["v1", "rooms"] if method == "GET":
                return self._json({"rooms": [{"id": k, **v} for k, v in self.rooms.items()]})
            case ["v1", "rooms", room, *rest]:
                if room not in self.rooms:
                    return self._json({"error": "unknown room"}, 404)
                return self._room(request, room, rest)
            case ["v1", "orders"] if method == "GET":
                assert request.args.get("since") and request.args.get("until")
                return self._json(self.order_pages[request.args.get("cursor")])
            case ["v1", "products"] if method == "GET":
                return self._json(self.product_pages[request.args.get("cursor")])
        return self._json({"error": "no such route"}, 404)

    def _room(self, request: Request, room: str, rest: list[str]) -> Response:
        match (request.method, rest):
            case ("GET", ["viewers"]):
                return self._json({"room": room, "viewers": self.viewers[room], "at": self.viewers_at})
            case ("GET", ["featured"]):
                return self._json({"skus": self.featured[room]})
            case ("PUT", ["featured", sku]):
                if sku not in self.featured[room]:
                    self.featured[room].append(sku)
                return Response(status=204)
            case ("DELETE", ["featured", sku]):
                if sku in self.featured[room]:
                    self.featured[room].remove(sku)
                return Response(status=204)
            case ("PUT", ["on-show"]) if self.on_show_implemented:
                self.on_show[room] = request.get_json()["object_numbers"]
                return Response(status=204)
        return self._json({"error": "no such route"}, 404)


@pytest.fixture
def partner(httpserver: HTTPServer) -> FakePartner:
    fake = FakePartner()
    httpserver.expect_request(re.compile(r"^(/partner)?/v1/")).respond_with_handler(fake)
    return fake


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def client(sleeps: SleepRecorder) -> HttpClient:
    return HttpClient(timeout=(2.0, 5.0), retry=RetryPolicy(max_retries=2, backoff_base=0.01), sleep=sleeps)


def make(
    httpserver: HTTPServer,
    client: HttpClient,
    *,
    room: str = "r1",
    token: str | None = TOKEN,
    name: str = "Jade Hall shop",
    base_path: str = "/",
    **settings: Any,
) -> RestConnector:
    return RestConnector(
        ConnectionSettings(
            name=name,
            platform="rest",
            base_url=settings.pop("base_url", httpserver.url_for(base_path)),
            room=room,
            token=token,
            **settings,
        ),
        client,
    )


@pytest.fixture
def rest(httpserver: HTTPServer, client: HttpClient, partner: FakePartner) -> RestConnector:
    return make(httpserver, client)


# --- the platform type -----------------------------------------------------------------------


def test_the_platform_type_declares_what_the_contract_offers(httpserver: HTTPServer, client: HttpClient):
    assert platform_type("rest") is PLATFORM
    assert PLATFORM.capabilities == {Capability.VIEWERS, Capability.FEATURE, Capability.PRODUCTS, Capability.ORDERS}
    assert PLATFORM.needs_token and PLATFORM.room_label == "Room" and PLATFORM.poll_interval_seconds == 2.0

    connector = connect(ConnectionSettings(name="x", platform="rest", base_url=httpserver.url_for("/")), client)
    assert isinstance(connector, RestConnector)
    assert isinstance(connector, LiveRoom) and isinstance(connector, Store)
    assert connector.room == "r1"  # default room when none is set


def test_every_call_is_documented_in_the_openapi_file():
    text = SPEC.read_text(encoding="utf-8")
    assert text.startswith("openapi: 3.1")
    for path in (
        "/v1/rooms:",
        "/v1/rooms/{room}/viewers:",
        "/v1/rooms/{room}/featured:",
        "/v1/rooms/{room}/featured/{sku}:",
        "/v1/rooms/{room}/on-show:",
        "/v1/orders:",
        "/v1/products:",
    ):
        assert f"\n  {path}\n" in text, path
    for word in ("bearerAuth", "Retry-After", "next_cursor", "visitors", "object_numbers"):
        assert word in text


# --- auth ------------------------------------------------------------------------------------


def test_the_bearer_token_is_sent_on_every_call(httpserver: HTTPServer, rest: RestConnector, partner: FakePartner):
    rest.test()
    rest.viewers()
    rest.feature("S1")
    rest.featured()
    rest.unfeature("S1")
    list(rest.orders(SINCE, UNTIL))
    list(rest.products())
    rest.set_on_show(["A-1"])

    assert len(httpserver.log) == 11  # orders and products took 3 and 2 pages
    assert {req.headers.get("Authorization") for req, _ in httpserver.log} == {f"Bearer {TOKEN}"}


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.test(),
        lambda c: c.viewers(),
        lambda c: c.feature("S1"),
        lambda c: c.featured(),
        lambda c: list(c.orders(SINCE, UNTIL)),
        lambda c: list(c.products()),
        lambda c: c.set_on_show(["A-1"]),
    ],
    ids=["test", "viewers", "feature", "featured", "orders", "products", "on-show"],
)
def test_a_wrong_token_is_not_authorised(httpserver: HTTPServer, client, partner, sleeps, call):
    connector = make(httpserver, client, token="wrong-token-SECRET")

    with pytest.raises(NotAuthorisedError) as caught:
        call(connector)

    assert "HTTP 401" in str(caught.value)
    assert "Jade Hall shop" in str(caught.value)
    assert "SECRET" not in str(caught.value)
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer wrong-token-SECRET"
    assert sleeps.calls == []  # 401 is not retried


def test_no_token_is_refused_before_any_request(httpserver: HTTPServer, client, partner):
    connector = make(httpserver, client, token=None)
    with pytest.raises(NotAuthorisedError, match="needs a token"):
        connector.viewers()
    assert httpserver.log == []


# --- connection test -------------------------------------------------------------------------


def test_test_says_in_plain_words_what_it_found(httpserver: HTTPServer, client, partner):
    assert make(httpserver, client).test() == "Connected: 2 rooms, room r1 (“Bronze tour”) is live."
    assert make(httpserver, client, room="r2").test() == "Connected: 2 rooms, room r2 is idle (not live)."

    del partner.rooms["r2"]
    assert make(httpserver, client).test() == "Connected: 1 room, room r1 (“Bronze tour”) is live."


def test_test_names_a_room_the_partner_does_not_have(httpserver: HTTPServer, client, partner):
    with pytest.raises(UnexpectedResponseError) as caught:
        make(httpserver, client, room="r9").test()
    message = str(caught.value)
    assert "“r9”" in message and "r1, r2" in message


def test_base_url_with_a_path_prefix_and_trailing_slash(httpserver: HTTPServer, client, partner):
    connector = make(httpserver, client, base_path="/partner/")
    assert connector.test().startswith("Connected: 2 rooms")
    assert httpserver.log[0][0].path == "/partner/v1/rooms"

    no_slash = make(httpserver, client, base_url=httpserver.url_for("/partner").rstrip("/"))
    assert no_slash.featured() == []
    assert httpserver.log[-1][0].path == "/partner/v1/rooms/r1/featured"


def test_without_a_base_url_there_is_a_clear_error(client):
    connector = RestConnector(ConnectionSettings(name="Shop", platform="rest", token=TOKEN), client)
    with pytest.raises(PlatformError, match="base URL"):
        connector.viewers()


def test_the_default_name_in_messages(httpserver: HTTPServer, client, partner):
    with pytest.raises(UnexpectedResponseError, match="^Live-commerce platform has no room “r9”"):
        make(httpserver, client, room="r9", name="").viewers()


# --- live room -------------------------------------------------------------------------------


def test_viewers_are_parsed_with_an_aware_utc_time(rest: RestConnector, partner: FakePartner):
    count = rest.viewers()
    assert count.viewers == 1234
    assert count.at == datetime(2026, 3, 10, 10, 0, 5, tzinfo=timezone.utc)
    assert count.at.utcoffset() == timedelta(0)
    assert count.live

    partner.viewers_at = "2026-03-10T18:00:06.250+08:00"
    assert rest.viewers().at == datetime(2026, 3, 10, 10, 0, 6, 250000, tzinfo=timezone.utc)


def test_the_optional_status_extension_says_whether_the_room_is_live(httpserver: HTTPServer, rest: RestConnector):
    for status, live in (("idle", False), ("live", True)):
        httpserver.expect_oneshot_request("/v1/rooms/r1/viewers").respond_with_json(
            {"room": "r1", "viewers": 0, "status": status, "at": "2026-03-10T10:00:05Z"}
        )
        assert rest.viewers().live is live


def test_viewers_may_be_hidden(rest: RestConnector, partner: FakePartner):
    partner.viewers["r1"] = None
    assert rest.viewers().viewers is None


def test_the_optional_visitors_extension_is_tolerated(httpserver: HTTPServer, rest: RestConnector):
    httpserver.expect_oneshot_request("/v1/rooms/r1/viewers").respond_with_json(
        {"room": "r1", "viewers": 12, "visitors": 340, "at": "2026-03-10T10:00:05Z"}
    )
    assert rest.viewers().viewers == 12


def test_feature_unfeature_and_featured_round_trip(rest: RestConnector, partner: FakePartner, httpserver):
    assert rest.featured() == []
    rest.feature("S1")
    rest.feature("S2")
    assert rest.featured() == ["S1", "S2"]
    rest.unfeature("S1")
    assert rest.featured() == ["S2"]
    assert partner.featured["r1"] == ["S2"]
    puts = [(m, s) for m, s, _ in partner.seen if m in ("PUT", "DELETE")]
    assert puts == [
        ("PUT", ["v1", "rooms", "r1", "featured", "S1"]),
        ("PUT", ["v1", "rooms", "r1", "featured", "S2"]),
        ("DELETE", ["v1", "rooms", "r1", "featured", "S1"]),
    ]


def test_room_and_sku_are_quoted_as_single_path_segments(httpserver: HTTPServer, client, partner):
    room, sku = "hall 1/east", "S 1/β?x#y"
    partner.rooms[room] = {"title": "East", "status": "live"}
    partner.viewers[room] = 7
    partner.featured[room] = []
    connector = make(httpserver, client, room=room)

    assert connector.viewers().viewers == 7
    connector.feature(sku)
    assert connector.featured() == [sku]

    raw = [req.environ["RAW_URI"] for req, _ in httpserver.log]
    assert raw[0] == "/v1/rooms/hall%201%2Feast/viewers"
    assert raw[1] == "/v1/rooms/hall%201%2Feast/featured/S%201%2F%CE%B2%3Fx%23y"


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.viewers(),
        lambda c: c.featured(),
        lambda c: c.feature("S1"),
        lambda c: c.unfeature("S1"),
    ],
    ids=["viewers", "featured", "feature", "unfeature"],
)
def test_an_unknown_room_is_named_in_the_error(httpserver: HTTPServer, client, partner, sleeps, call):
    with pytest.raises(UnexpectedResponseError) as caught:
        call(make(httpserver, client, room="r9"))

    message = str(caught.value)
    assert "room “r9”" in message
    assert "HTTP 404" in message
    assert "room id" in message
    assert sleeps.calls == []


# --- on-show extension -----------------------------------------------------------------------


def test_on_show_tells_the_room_what_is_on_camera(rest: RestConnector, partner: FakePartner, httpserver):
    assert rest.on_show_supported is None
    assert rest.set_on_show(["2019.12.1", "故宫-00042"]) is True
    assert partner.on_show["r1"] == ["2019.12.1", "故宫-00042"]
    assert rest.set_on_show([]) is True
    assert partner.on_show["r1"] == []
    assert rest.on_show_supported is True
    request = httpserver.log[0][0]
    assert request.method == "PUT" and request.path == "/v1/rooms/r1/on-show"
    assert request.headers["Content-Type"] == "application/json"


def test_on_show_404_from_a_partner_without_the_extension_is_swallowed(rest: RestConnector, partner, sleeps):
    partner.on_show_implemented = False
    assert rest.set_on_show(["A-1"]) is False
    assert rest.on_show_supported is False
    assert sleeps.calls == []


@pytest.mark.parametrize("status", [405, 501])
def test_on_show_not_implemented_statuses_are_swallowed(httpserver: HTTPServer, rest: RestConnector, sleeps, status):
    httpserver.expect_oneshot_request("/v1/rooms/r1/on-show", method="PUT").respond_with_data("", status=status)
    assert rest.set_on_show(["A-1"]) is False
    assert sleeps.calls == []


def test_on_show_other_failures_still_raise(httpserver: HTTPServer, rest: RestConnector):
    for _ in range(3):  # the first attempt and two retries (a PUT is idempotent)
        httpserver.expect_oneshot_request("/v1/rooms/r1/on-show", method="PUT").respond_with_data("", status=503)
    with pytest.raises(PlatformUnavailableError):
        rest.set_on_show(["A-1"])


# --- store -----------------------------------------------------------------------------------


def test_orders_are_paged_to_the_end_and_each_order_yielded_once(rest: RestConnector, partner: FakePartner):
    orders = list(rest.orders(SINCE, UNTIL))

    assert [o.platform_order_id for o in orders] == ["o1", "o2", "o3", "o4"]
    assert orders[0] == OrderInfo(
        platform_order_id="o1",
        created_at=datetime(2026, 3, 10, 10, 5, tzinfo=timezone.utc),
        lines=(
            OrderLineInfo(sku="S1", quantity=2, unit_price=Decimal("25.00"), currency="CNY"),
            OrderLineInfo(sku="S2", quantity=1, unit_price=Decimal("1299.90"), currency="CNY"),
        ),
    )
    assert orders[1].created_at == datetime(2026, 3, 10, 10, 6, tzinfo=timezone.utc)
    assert orders[2].lines[0].unit_price == Decimal("0.10")
    assert all(isinstance(ln.unit_price, Decimal) for o in orders for ln in o.lines)

    calls = [args for _, path, args in partner.seen if path == ["v1", "orders"]]
    assert [a.get("cursor") for a in calls] == [None, "c2", "c3"]
    assert {(a["since"], a["until"]) for a in calls} == {("2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z")}


def test_known_orders_are_left_out_without_being_read(rest: RestConnector, partner: FakePartner):
    """A live poll passes the ids it already has: they are skipped before parsing, so even a
    known order the connector could not parse costs nothing."""
    first_page = partner.order_pages[None]["orders"]
    first_page.append({"id": "o-broken", "created_at": "not a time", "lines": "nope"})
    orders = list(rest.orders(SINCE, UNTIL, known={"o1", "o3", "o-broken"}))
    assert [o.platform_order_id for o in orders] == ["o2", "o4"]
    with pytest.raises(UnexpectedResponseError):
        list(rest.orders(SINCE, UNTIL))  # the same page without the id known: refused, as ever


def test_order_window_times_are_sent_in_utc(rest: RestConnector, partner: FakePartner):
    beijing = timezone(timedelta(hours=8))
    list(rest.orders(datetime(2026, 3, 10, 18, 0, tzinfo=beijing), datetime(2026, 3, 10, 20, 0, 0, 500, beijing)))
    first = next(args for _, path, args in partner.seen if path == ["v1", "orders"])
    assert first["since"] == "2026-03-10T10:00:00Z"
    assert first["until"] == "2026-03-10T12:00:00.000500Z"


def test_naive_order_window_times_are_refused(rest: RestConnector):
    with pytest.raises(ValueError):
        rest.orders(datetime(2026, 3, 10, 10, 0), UNTIL)


def test_an_empty_order_window(rest: RestConnector, partner: FakePartner):
    partner.order_pages = {None: {"orders": [], "next_cursor": None}}
    assert list(rest.orders(SINCE, UNTIL)) == []


def test_orders_are_read_lazily_page_by_page(rest: RestConnector, partner: FakePartner):
    orders = rest.orders(SINCE, UNTIL)
    assert next(orders).platform_order_id == "o1"
    assert len([p for _, p, _ in partner.seen if p == ["v1", "orders"]]) == 1


def test_a_repeated_cursor_stops_instead_of_looping_forever(rest: RestConnector, partner: FakePartner):
    partner.order_pages["c3"] = {"orders": [], "next_cursor": "c2"}
    with pytest.raises(UnexpectedResponseError, match="same page"):
        list(rest.orders(SINCE, UNTIL))


def test_products_are_paged_to_the_end(rest: RestConnector, partner: FakePartner):
    products = list(rest.products())

    assert [p.sku for p in products] == ["S1", "S2", "S3"]
    assert products[1] == ProductInfo(
        sku="S2",
        title="Ding replica",
        price=Decimal("1299.90"),
        currency="CNY",
        stock=5,
        url="https://shop.example/p/S2",
        image_url="https://img.example/S2.jpg",
        external_id="S2",
    )
    assert products[2].price is None and products[2].stock is None and products[2].url == ""
    calls = [args for _, path, args in partner.seen if path == ["v1", "products"]]
    assert calls == [{}, {"cursor": "p2"}]


# --- what the partner may get wrong ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "call"),
    [
        ("/v1/rooms", lambda c: c.test()),
        ("/v1/rooms/r1/viewers", lambda c: c.viewers()),
        ("/v1/rooms/r1/featured", lambda c: c.featured()),
        ("/v1/orders", lambda c: list(c.orders(SINCE, UNTIL))),
        ("/v1/products", lambda c: list(c.products())),
    ],
    ids=["rooms", "viewers", "featured", "orders", "products"],
)
def test_malformed_json_is_an_unexpected_response(httpserver: HTTPServer, rest: RestConnector, path, call):
    httpserver.expect_oneshot_request(path).respond_with_data('{"rooms": [', content_type="application/json")
    with pytest.raises(UnexpectedResponseError, match="not valid JSON"):
        call(rest)


ORDER_ID_CASES = [
    pytest.param(order("o7", line("S1", 1, 25.0)), "o7", "float", id="float-price"),
    pytest.param(order("o7", line("S1", 1, 25)), "o7", "decimal string", id="integer-price"),
    pytest.param(order("o7", line("S1", 1, "twenty")), "o7", "not an amount", id="garbage-price"),
    pytest.param(order("o7", line("S1", 1, "NaN")), "o7", "not an amount", id="nan-price"),
    pytest.param(order("o7", line("S1", 1, "-5.00")), "o7", "not an amount", id="negative-price"),
    pytest.param(order("o7", {"sku": "S1", "quantity": 1, "currency": "CNY"}), "o7", "unit price", id="no-price"),
    pytest.param(order("o7", line("S1", 1.5, "25.00")), "o7", "quantity", id="float-quantity"),
    pytest.param(order("o7", line("S1", True, "25.00")), "o7", "quantity", id="bool-quantity"),
    pytest.param(order("o7", line("", 1, "25.00")), "o7", "SKU", id="no-sku"),
    pytest.param(order("o7", line("S1", 1, "25.00", currency="")), "o7", "currency", id="no-currency"),
    pytest.param(order("o7", line("S1", 1, "25.00"), at="yesterday"), "o7", "ISO 8601", id="bad-time"),
    pytest.param({"id": "o7", "lines": []}, "o7", "time", id="no-time"),
    pytest.param({"id": "o7", "created_at": "2026-03-10T10:05:00Z"}, "o7", "lines", id="no-lines"),
]


@pytest.mark.parametrize(("bad", "order_id", "fragment"), ORDER_ID_CASES)
def test_a_bad_order_is_refused_naming_it(rest: RestConnector, partner: FakePartner, bad, order_id, fragment):
    partner.order_pages["c2"]["orders"].append(bad)
    with pytest.raises(UnexpectedResponseError) as caught:
        list(rest.orders(SINCE, UNTIL))
    message = str(caught.value)
    assert f"order “{order_id}”" in message
    assert fragment in message
    assert message.startswith("Jade Hall shop sent ")


@pytest.mark.parametrize(
    ("page", "fragment"),
    [
        ({"orders": [{"created_at": "2026-03-10T10:05:00Z", "lines": []}], "next_cursor": None}, "without an id"),
        ({"orders": ["o1"], "next_cursor": None}, "not an object"),
        ({"next_cursor": None}, "“orders” list"),
        ({"orders": {"o1": {}}, "next_cursor": None}, "“orders” list"),
        ({"orders": [], "next_cursor": 2}, "next_cursor"),
        ([], "not an object"),
    ],
    ids=["no-id", "order-not-object", "no-orders", "orders-not-list", "int-cursor", "page-not-object"],
)
def test_a_wrongly_shaped_orders_page_is_refused(rest: RestConnector, partner: FakePartner, page, fragment):
    partner.order_pages = {None: page}
    with pytest.raises(UnexpectedResponseError, match=re.escape(fragment)):
        list(rest.orders(SINCE, UNTIL))


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        (product("S9", "Vase", 99.0), "product “S9” with a price as a float"),
        (product("S9", "Vase", "cheap"), "product “S9” with a price that is not an amount"),
        (product("S9", "Vase", stock="5"), "product “S9” with an unexpected stock"),
        (product("S9", None), "product “S9” without a title"),
        ({**product("S9", "Vase"), "currency": None}, "product “S9” without a currency"),
        (product("S9", "Vase", url=5), "product “S9” with an unexpected “url”"),
        ({"title": "Vase", "price": "1.00"}, "a product without a SKU"),
    ],
    ids=["float-price", "garbage-price", "string-stock", "no-title", "no-currency", "bad-url", "no-sku"],
)
def test_a_bad_product_is_refused_naming_it(rest: RestConnector, partner: FakePartner, bad, fragment):
    partner.product_pages["p2"]["products"].append(bad)
    with pytest.raises(UnexpectedResponseError, match=re.escape(fragment)):
        list(rest.products())


@pytest.mark.parametrize(
    ("path", "body", "call", "fragment"),
    [
        ("/v1/rooms/r1/viewers", {"room": "r1", "viewers": 12}, lambda c: c.viewers(), "without a time"),
        ("/v1/rooms/r1/viewers", {"room": "r1", "viewers": "12", "at": "2026-03-10T10:00:05Z"},
         lambda c: c.viewers(), "unexpected viewer count"),
        ("/v1/rooms/r1/viewers", {"room": "r1", "viewers": 12.5, "at": "2026-03-10T10:00:05Z"},
         lambda c: c.viewers(), "unexpected viewer count"),
        ("/v1/rooms/r1/viewers", {"room": "r1", "viewers": 12, "at": "10:00"}, lambda c: c.viewers(), "ISO 8601"),
        ("/v1/rooms/r1/featured", {"skus": "S1"}, lambda c: c.featured(), "“skus” list"),
        ("/v1/rooms/r1/featured", {"skus": [1, 2]}, lambda c: c.featured(), "not SKU strings"),
        ("/v1/rooms", {"rooms": [{"title": "x"}]}, lambda c: c.test(), "room without an id"),
        ("/v1/rooms", ["r1"], lambda c: c.test(), "not an object"),
    ],
    ids=["viewers-no-at", "viewers-string", "viewers-float", "viewers-bad-at", "skus-not-list", "skus-not-strings",
         "room-no-id", "rooms-not-object"],
)
def test_wrong_shapes_are_unexpected_responses(httpserver: HTTPServer, rest: RestConnector, path, body, call, fragment):
    httpserver.expect_oneshot_request(path).respond_with_json(body)
    with pytest.raises(UnexpectedResponseError, match=re.escape(fragment)):
        call(rest)


# --- rate limits and transient failures ------------------------------------------------------


def test_429_with_retry_after_is_waited_then_answered(httpserver: HTTPServer, rest: RestConnector, sleeps):
    httpserver.expect_oneshot_request("/v1/rooms/r1/viewers").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3"}
    )
    assert rest.viewers().viewers == 1234
    assert sleeps.calls == [3.0]


def test_429_with_a_long_retry_after_raises_rate_limited(httpserver: HTTPServer, rest: RestConnector, sleeps):
    httpserver.expect_oneshot_request("/v1/orders").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "600"}
    )
    with pytest.raises(RateLimitedError) as caught:
        list(rest.orders(SINCE, UNTIL))
    assert caught.value.retry_after == 600.0
    assert caught.value.platform == "Jade Hall shop"
    assert sleeps.calls == []


def test_5xx_then_success_mid_paging(httpserver: HTTPServer, rest: RestConnector, sleeps):
    httpserver.expect_oneshot_request("/v1/orders", query_string={"since": "2026-03-10T10:00:00Z",
                                                                  "until": "2026-03-10T12:00:00Z",
                                                                  "cursor": "c3"}).respond_with_data(
        "busy", status=503
    )
    assert [o.platform_order_id for o in rest.orders(SINCE, UNTIL)] == ["o1", "o2", "o3", "o4"]
    assert len(sleeps.calls) == 1


def test_5xx_feature_then_success(httpserver: HTTPServer, rest: RestConnector, partner: FakePartner, sleeps):
    httpserver.expect_oneshot_request("/v1/rooms/r1/featured/S1", method="PUT").respond_with_data("", status=502)
    rest.feature("S1")
    assert partner.featured["r1"] == ["S1"]
    assert len(sleeps.calls) == 1


def test_5xx_every_time_is_unavailable(httpserver: HTTPServer, client, sleeps):
    httpserver.expect_request("/v1/rooms/r1/viewers").respond_with_data("down", status=500)
    with pytest.raises(PlatformUnavailableError, match="HTTP 500"):
        make(httpserver, client).viewers()
    assert len(sleeps.calls) == 2


# --- plain http ------------------------------------------------------------------------------


def test_plain_http_to_another_machine_follows_the_connection_setting(sleeps):
    adapter = LocalAdapter(body=b'{"skus": ["S1"]}')
    client = HttpClient(sleep=sleeps, session=local_session(adapter))
    settings = dict(name="Partner", platform="rest", base_url="http://partner.lan:8080/", room="r1", token=TOKEN)

    with pytest.raises(InsecureAddressError) as caught:
        RestConnector(ConnectionSettings(**settings), client).featured()
    assert TOKEN not in str(caught.value)
    assert adapter.calls == []

    allowed = RestConnector(ConnectionSettings(**settings, allow_insecure_http=True), client)
    assert allowed.featured() == ["S1"]
    assert [c.url for c in adapter.calls] == ["http://partner.lan:8080/v1/rooms/r1/featured"]
    assert adapter.calls[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_the_token_is_not_in_the_settings_repr():
    settings = ConnectionSettings(name="Shop", platform="rest", token=TOKEN)
    assert TOKEN not in repr(settings)


def test_messages_never_contain_the_token(httpserver: HTTPServer, client, partner):
    httpserver.expect_oneshot_request("/v1/rooms/r1/viewers").respond_with_data("x", status=418)
    with pytest.raises(PlatformError) as caught:
        make(httpserver, client).viewers()
    assert "HTTP 418" in str(caught.value)
    assert TOKEN not in str(caught.value)



# --- the built-in simulator speaks the same contract -----------------------------------------


def test_the_connector_reads_the_built_in_simulator(sleeps):
    """Contract conformance both ways: the project's simulator (a real server on 127.0.0.1, fake
    clock) answers everything the connector asks, in shapes the connector accepts."""
    from curator_console.connectors.simulator.model import SimulatorModel
    from curator_console.connectors.simulator.server import SimulatorServer

    start = datetime(2026, 3, 10, 11, 30, tzinfo=timezone.utc)
    now = [1000.0]
    model = SimulatorModel(seed=7, clock=lambda: now[0], start=start)
    client = HttpClient(timeout=(2.0, 10.0), sleep=sleeps)
    with SimulatorServer(model, token=TOKEN, page_size=5) as server:
        sim = RestConnector(ConnectionSettings(name="Simulator", platform="rest", base_url=server.url, token=TOKEN),
                            client)
        assert sim.test().startswith("Connected: ")
        assert sim.viewers().at.tzinfo is not None

        products = list(sim.products())  # several pages of 5
        assert len(products) > 5
        assert len({p.sku for p in products}) == len(products)
        sku = products[0].sku
        sim.feature(sku)
        assert sim.featured() == [sku]
        sim.unfeature(sku)
        assert sim.featured() == []
        assert sim.set_on_show([]) is True

        now[0] += 3600.0  # an hour of simulated selling
        orders = list(sim.orders(start - timedelta(days=1), start + timedelta(hours=2)))
        assert len(orders) > 5  # more than one page
        assert len({o.platform_order_id for o in orders}) == len(orders)
        assert all(isinstance(ln.unit_price, Decimal) for o in orders for ln in o.lines)
        with pytest.raises(NotAuthorisedError):
            RestConnector(
                ConnectionSettings(name="Simulator", platform="rest", base_url=server.url, token="wrong"), client
            ).viewers()
    assert sleeps.calls == []
