"""Shopify Admin GraphQL API: a store's products and orders.

``POST https://{shop}.myshopify.com/admin/api/{version}/graphql.json`` with the Admin API access
token in ``X-Shopify-Access-Token``. The connection's room is the shop name (``{shop}`` or
``{shop}.myshopify.com``), option ``api_version`` picks the version (default ``2025-10``), and a
base URL set on the connection is used as the whole GraphQL endpoint (tests, proxies).

Queries are reads, so they are sent with ``retry_unsafe=True``: the client may repeat them after a
5xx or a dropped connection.

Page sizes and the cost limit
    Shopify refuses outright a query whose *requested* cost exceeds 1,000 points, and a nested
    connection multiplies: ``products(first: 250) { variants(first: 100) }`` asks for ~25,000.
    So pages are smaller (``PRODUCTS_PAGE`` × ``VARIANTS_PAGE``, ``ORDERS_PAGE`` × ``LINES_PAGE``,
    each well under 1,000), and a product with more variants or an order with more lines than fit
    in its page is completed by a follow-up query on that one product or order.

Cost-based throttling
    Every answer carries ``extensions.cost`` (``requestedQueryCost``, ``actualQueryCost``,
    ``throttleStatus {maximumAvailable, currentlyAvailable, restoreRate}``). The connector keeps
    the bucket as last seen and, before a query whose expected cost (its last requested cost, or
    an estimate) exceeds what is available now, waits ``(cost - available) / restoreRate`` with the
    client's injectable ``sleep``. An answer ``errors: [{"message": "Throttled"}]`` (HTTP 200) is
    waited out the same way and retried, at most ``MAX_THROTTLED_RETRIES`` times; HTTP 429 is
    handled by the shared client (``Retry-After``). Any other GraphQL error becomes
    ``UnexpectedResponseError`` with the first message (``ACCESS_DENIED``: ``NotAuthorisedError``).

Products: one ``ProductInfo`` per variant that has a SKU (variants without one are skipped:
nothing could be linked or sold by it); archived products are skipped; the title is the
product's title; the price is the variant's, in the shop's currency.

Orders: one ``OrderInfo`` per order, keyed by its global id. A line without a SKU keeps its
revenue: its ``sku`` is the variant's global id (``"shopify:custom"`` for a custom item, which has
no variant). Unit prices are ``originalUnitPriceSet.shopMoney`` (before discounts).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Container, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, NoReturn
from urllib.parse import urlsplit

from curator_console.connectors.base import ConnectionSettings, Connector, PlatformType
from curator_console.connectors.errors import (
    NotAuthorisedError,
    PlatformError,
    RateLimitedError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, decode_json, require
from curator_console.domain.money import parse_amount
from curator_console.domain.platform import (
    Capability,
    OrderInfo,
    OrderLineInfo,
    ProductInfo,
)

NAME = "Shopify"
DEFAULT_API_VERSION = "2025-10"
DEFAULT_BASE_URL = "https://{shop}.myshopify.com/admin/api/{version}/graphql.json"
MAX_QUERY_COST = 1000
MAX_THROTTLED_RETRIES = 5
CUSTOM_ITEM_SKU = "shopify:custom"

# Requested cost ≈ 2 + first × (cost of one node); every estimate stays well under 1,000.
PRODUCTS_PAGE, VARIANTS_PAGE = 50, 10  # ≈ 2 + 50 × (1 + 2 + 10) = 652
MORE_VARIANTS_PAGE = 100  # ≈ 1 + 2 + 100 = 103
ORDERS_PAGE, LINES_PAGE = 20, 10  # ≈ 2 + 20 × (1 + 2 + 10 × 4) = 862
MORE_LINES_PAGE = 100  # ≈ 1 + 2 + 100 × 4 = 403

_VARIANT_FIELDS = "id sku price inventoryQuantity"
# ``product { id }`` is left out: it adds 1 per line (20 × 10 lines = 200 points) and is not needed.
_LINE_FIELDS = "quantity sku variant { id } originalUnitPriceSet { shopMoney { amount currencyCode } }"

SHOP_QUERY = "query Shop { shop { name currencyCode } }"

PRODUCTS_QUERY = f"""
query Products($cursor: String) {{
  shop {{ currencyCode }}
  products(first: {PRODUCTS_PAGE}, after: $cursor) {{
    nodes {{
      id title handle status
      variants(first: {VARIANTS_PAGE}) {{
        nodes {{ {_VARIANT_FIELDS} }}
        pageInfo {{ hasNextPage endCursor }}
      }}
    }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}"""

MORE_VARIANTS_QUERY = f"""
query ProductVariants($id: ID!, $cursor: String) {{
  product(id: $id) {{
    variants(first: {MORE_VARIANTS_PAGE}, after: $cursor) {{
      nodes {{ {_VARIANT_FIELDS} }}
      pageInfo {{ hasNextPage endCursor }}
    }}
  }}
}}"""

ORDERS_QUERY = f"""
query Orders($cursor: String, $query: String!) {{
  orders(first: {ORDERS_PAGE}, after: $cursor, sortKey: CREATED_AT, query: $query) {{
    nodes {{
      id name createdAt
      lineItems(first: {LINES_PAGE}) {{
        nodes {{ {_LINE_FIELDS} }}
        pageInfo {{ hasNextPage endCursor }}
      }}
    }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}"""

MORE_LINES_QUERY = f"""
query OrderLines($id: ID!, $cursor: String) {{
  order(id: $id) {{
    lineItems(first: {MORE_LINES_PAGE}, after: $cursor) {{
      nodes {{ {_LINE_FIELDS} }}
      pageInfo {{ hasNextPage endCursor }}
    }}
  }}
}}"""

# Before the first answer tells the real figure (requestedQueryCost), expect these.
COST_ESTIMATES = {"Shop": 1, "Products": 700, "ProductVariants": 110, "Orders": 900, "OrderLines": 500}

_SHOP = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def shop_from(room: str) -> str:
    """The shop name from ``name``, ``name.myshopify.com`` or ``https://name.myshopify.com/…``."""
    text = (room or "").strip().lower()
    if "/" in text or "." in text:
        host = urlsplit(text if "://" in text else "https://" + text).hostname or ""
        text = host.split(".")[0] if host.endswith(".myshopify.com") or "." not in host else host
    return text


def utc_iso(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("order windows need timezone-aware datetimes")
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_time(value: str) -> datetime:
    """ISO 8601 with ``Z`` (Python 3.10's ``fromisoformat`` does not read ``Z``) → aware UTC."""
    moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@dataclass
class Bucket:
    """Shopify's leaky bucket as last reported, and when (the client's clock)."""

    maximum: float
    available: float
    restore_rate: float
    seen_at: float

    def available_at(self, now: float) -> float:
        return min(self.maximum, self.available + self.restore_rate * max(0.0, now - self.seen_at))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


class ShopifyConnector(Connector):
    """A Shopify store: products (per variant SKU) and orders in a time window."""

    platform = "shopify"
    capabilities = frozenset({Capability.PRODUCTS, Capability.ORDERS})

    def __init__(self, settings: ConnectionSettings, client: HttpClient) -> None:
        super().__init__(settings, client)
        self.shop = shop_from(settings.room)
        options = settings.options or {}
        self.api_version = str(options.get("api_version") or DEFAULT_API_VERSION).strip()
        self.endpoint = (settings.base_url or "").strip() or DEFAULT_BASE_URL.format(
            shop=self.shop, version=self.api_version
        )
        self._lock = threading.Lock()
        self.bucket: Bucket | None = None
        self.expected_cost: dict[str, float] = dict(COST_ESTIMATES)
        self.currency: str | None = None

    # --- plumbing ---------------------------------------------------------------------------
    def _check_settings(self) -> None:
        if not self.shop:
            raise PlatformError("No Shopify shop is set: enter the shop name (name.myshopify.com).", NAME)
        if not _SHOP.match(self.shop):
            raise PlatformError(f"“{self.shop[:80]}” is not a Shopify shop name (as in name.myshopify.com).", NAME)
        if not self.settings.token:
            raise NotAuthorisedError(
                "Shopify needs an Admin API access token: set it in the connection's settings.", NAME
            )

    def _scrub(self, text: str) -> str:
        token = self.settings.token
        text = text if len(text) <= 300 else text[:300] + "…"
        return text.replace(token, "•••") if token else text

    def _observe_cost(self, operation: str, data: dict[str, Any]) -> None:
        cost = data.get("extensions", {}).get("cost") if isinstance(data.get("extensions"), dict) else None
        if not isinstance(cost, dict):
            return
        requested = _number(cost.get("requestedQueryCost"))
        if requested is not None:
            with self._lock:
                self.expected_cost[operation] = requested
        status = cost.get("throttleStatus")
        if isinstance(status, dict):
            maximum = _number(status.get("maximumAvailable"))
            available = _number(status.get("currentlyAvailable"))
            rate = _number(status.get("restoreRate"))
            if maximum is not None and available is not None and rate is not None and rate > 0:
                with self._lock:
                    self.bucket = Bucket(maximum, available, rate, self.client.clock())

    def _wait_needed(self, operation: str) -> float:
        """Seconds until the bucket holds the expected cost of ``operation`` (0 when it does now)."""
        with self._lock:
            bucket, cost = self.bucket, self.expected_cost.get(operation, 0.0)
        if bucket is None:
            return 0.0
        cost = min(cost, bucket.maximum)
        available = bucket.available_at(self.client.clock())
        return max(0.0, (cost - available) / bucket.restore_rate)

    def _waited(self, seconds: float) -> None:
        """Credit a wait to the bucket, so a clock that does not move (tests) does not wait twice."""
        with self._lock:
            if self.bucket is not None:
                b = self.bucket
                now = self.client.clock()
                refilled = min(b.maximum, b.available_at(now) + b.restore_rate * seconds)
                self.bucket = Bucket(b.maximum, refilled, b.restore_rate, now)

    def _pause(self, seconds: float) -> None:
        if seconds > self.client.retry.max_retry_after:
            raise RateLimitedError(
                f"Shopify's API limit for this app is used up (try again in {seconds:.0f} s).", NAME, seconds
            )
        self.client.sleep(seconds)
        self._waited(seconds)

    def _query(self, operation: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run one GraphQL read; return its ``data``. Waits for the cost bucket, retries Throttled."""
        self._check_settings()
        throttled = 0
        while True:
            wait = self._wait_needed(operation)
            if wait > 0:
                self._pause(wait)
            response = self.client.request(
                "POST",
                self.endpoint,
                platform=NAME,
                json_body={"query": query, "variables": variables or {}},
                headers={
                    "X-Shopify-Access-Token": self.settings.token or "",
                    "Content-Type": "application/json",
                    "Accept": "application/json",
                },
                allow_insecure_http=self.settings.allow_insecure_http,
                retry_unsafe=True,  # a query only reads: safe to repeat
                ok_statuses=(404,),
            )
            if response.status_code == 404:
                raise UnexpectedResponseError(
                    f"Shopify knows no shop “{self.shop}” with API version {self.api_version} (HTTP 404). "
                    "Check the shop name and the api_version option.",
                    NAME,
                )
            data = decode_json(response, NAME)
            if not isinstance(data, dict):
                raise UnexpectedResponseError("Shopify sent an answer of an unexpected shape.", NAME)
            self._observe_cost(operation, data)
            errors = data.get("errors")
            if not errors:
                return require(data, "data", dict, NAME)
            if self._is_throttled(errors):
                wait = self._wait_needed(operation)
                if wait <= 0:
                    wait = 2.0**throttled  # no bucket figures: 1 s, 2 s, 4 s …
                if throttled >= MAX_THROTTLED_RETRIES:
                    raise RateLimitedError(
                        f"Shopify keeps throttling this app's queries (try again in {max(wait, 1):.0f} s).",
                        NAME,
                        wait,
                    )
                throttled += 1
                self._pause(wait)
                continue
            self._raise_graphql_error(errors)

    @staticmethod
    def _error_list(errors: Any) -> list[dict[str, Any]]:
        if isinstance(errors, dict):
            return [errors]
        if isinstance(errors, list):
            return [e for e in errors if isinstance(e, dict)]
        return [{"message": str(errors)}]  # REST-style "errors": "…" string

    def _is_throttled(self, errors: Any) -> bool:
        for error in self._error_list(errors):
            code = error.get("extensions", {}).get("code") if isinstance(error.get("extensions"), dict) else None
            if error.get("message") == "Throttled" or code == "THROTTLED":
                return True
        return False

    def _raise_graphql_error(self, errors: Any) -> NoReturn:
        listed = self._error_list(errors)
        first = listed[0] if listed else {}
        message = first.get("message")
        message = self._scrub(message.strip()) if isinstance(message, str) and message.strip() else "no details given"
        code = first.get("extensions", {}).get("code") if isinstance(first.get("extensions"), dict) else None
        if code == "ACCESS_DENIED":
            raise NotAuthorisedError(f"Shopify refused access: {message}", NAME)
        raise UnexpectedResponseError(f"Shopify reported an error: {message}", NAME)

    @staticmethod
    def _page(connection: Any, what: str) -> tuple[list[Any], str | None]:
        """(nodes, cursor of the next page or None) of a GraphQL connection."""
        nodes = require(connection, "nodes", list, NAME) if isinstance(connection, dict) else None
        if nodes is None:
            raise UnexpectedResponseError(f"Shopify's answer lacks “{what}”.", NAME)
        info = connection.get("pageInfo")
        if isinstance(info, dict) and info.get("hasNextPage") is True:
            cursor = info.get("endCursor")
            if not isinstance(cursor, str) or not cursor:
                raise UnexpectedResponseError(f"Shopify's answer has more “{what}” but no cursor for them.", NAME)
            return nodes, cursor
        return nodes, None

    def _paged(self, operation: str, query: str, path: str, variables: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every node of the connection at ``path`` in ``data``, page after page to the end."""
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            data = self._query(operation, query, {**variables, "cursor": cursor})
            if operation == "Products" and self.currency is None:
                self.currency = require(data, "shop.currencyCode", str, NAME)
            connection: Any = data
            for key in path.split("."):
                if not isinstance(connection, dict) or connection.get(key) is None:
                    raise UnexpectedResponseError(f"Shopify's answer lacks “{path}”.", NAME)
                connection = connection[key]
            nodes, cursor = self._page(connection, path)
            for node in nodes:
                if not isinstance(node, dict):
                    raise UnexpectedResponseError(f"Shopify's answer has an unexpected “{path}”.", NAME)
                yield node
            if cursor is None:
                return
            if cursor in seen:  # a server that hands back the same cursor would loop forever
                raise UnexpectedResponseError(f"Shopify repeated a page cursor while listing {path}.", NAME)
            seen.add(cursor)

    def _rest_of(self, first_page: Any, what: str, operation: str, query: str, path: str, gid: str) -> list[Any]:
        """The nodes of a nested connection: its first page, then the rest queried on its owner."""
        nodes, cursor = self._page(first_page, what)
        nodes = list(nodes)
        while cursor is not None:
            data = self._query(operation, query, {"id": gid, "cursor": cursor})
            connection: Any = data
            for key in path.split("."):
                if not isinstance(connection, dict) or connection.get(key) is None:
                    raise UnexpectedResponseError(f"Shopify's answer lacks “{path}”.", NAME)
                connection = connection[key]
            more, next_cursor = self._page(connection, what)
            nodes.extend(more)
            if next_cursor == cursor:
                raise UnexpectedResponseError(f"Shopify repeated a page cursor while listing {what}.", NAME)
            cursor = next_cursor
        return nodes

    # --- Store ------------------------------------------------------------------------------
    def products(self) -> Iterator[ProductInfo]:
        for product in self._paged("Products", PRODUCTS_QUERY, "products", {}):
            if str(product.get("status", "")).upper() == "ARCHIVED":
                continue
            gid = require(product, "id", str, NAME)
            title = product.get("title") if isinstance(product.get("title"), str) else ""
            handle = product.get("handle") if isinstance(product.get("handle"), str) else ""
            url = f"https://{self.shop}.myshopify.com/products/{handle}" if handle else ""
            variants = self._rest_of(
                product.get("variants"), "variants", "ProductVariants", MORE_VARIANTS_QUERY, "product.variants", gid
            )
            for variant in variants:
                if not isinstance(variant, dict):
                    raise UnexpectedResponseError("Shopify's answer has an unexpected “variants”.", NAME)
                sku = variant.get("sku")
                if not isinstance(sku, str) or not sku.strip():
                    continue
                stock = variant.get("inventoryQuantity")
                yield ProductInfo(
                    sku=sku.strip(),
                    title=title,
                    price=self._money(variant.get("price"), "price", optional=True),
                    currency=self.currency or "",
                    stock=stock if isinstance(stock, int) and not isinstance(stock, bool) else None,
                    url=url,
                    external_id=require(variant, "id", str, NAME),
                )

    def orders(self, since: datetime, until: datetime, known: Container[str] = ()) -> Iterator[OrderInfo]:
        search = f"created_at:>='{utc_iso(since)}' created_at:<='{utc_iso(until)}'"
        for order in self._paged("Orders", ORDERS_QUERY, "orders", {"query": search}):
            gid = require(order, "id", str, NAME)
            if gid in known:
                continue  # the caller has it (a live poll's overlap): not read again
            created = require(order, "createdAt", str, NAME)
            try:
                created_at = parse_time(created)
            except ValueError:
                raise UnexpectedResponseError("Shopify's answer has an unexpected “createdAt”.", NAME) from None
            items = self._rest_of(
                order.get("lineItems"), "lineItems", "OrderLines", MORE_LINES_QUERY, "order.lineItems", gid
            )
            yield OrderInfo(
                platform_order_id=gid,
                created_at=created_at,
                lines=tuple(self._line(item) for item in items),
            )

    def _line(self, item: Any) -> OrderLineInfo:
        if not isinstance(item, dict):
            raise UnexpectedResponseError("Shopify's answer has an unexpected “lineItems”.", NAME)
        sku = item.get("sku")
        if not isinstance(sku, str) or not sku.strip():
            # Keep the revenue of a line without SKU: key it by its variant's id (a custom item has none).
            variant = item.get("variant")
            ref = variant.get("id") if isinstance(variant, dict) else None
            sku = ref if isinstance(ref, str) and ref.strip() else CUSTOM_ITEM_SKU
        quantity = require(item, "quantity", int, NAME)
        money = require(item, "originalUnitPriceSet.shopMoney", dict, NAME)
        amount = self._money(money.get("amount"), "originalUnitPriceSet.shopMoney.amount")
        currency = require(money, "currencyCode", str, NAME)
        return OrderLineInfo(sku=sku.strip(), quantity=quantity, unit_price=amount, currency=currency)

    @staticmethod
    def _money(value: Any, what: str, optional: bool = False) -> Decimal | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):  # Shopify's Money/Decimal scalars are strings; a float is refused
            raise UnexpectedResponseError(f"Shopify's answer has an unexpected “{what}”.", NAME)
        try:
            return parse_amount(value)
        except ValueError:
            raise UnexpectedResponseError(f"Shopify's answer has an unexpected “{what}”.", NAME) from None

    # --- Connector --------------------------------------------------------------------------
    def test(self) -> str:
        shop = require(self._query("Shop", SHOP_QUERY), "shop", dict, NAME)
        name = require(shop, "name", str, NAME)
        currency = require(shop, "currencyCode", str, NAME)
        self.currency = self.currency or currency
        return f"Connected to Shopify shop {name} ({currency})."


PLATFORM = PlatformType(
    key="shopify",
    label="Shopify",
    capabilities=ShopifyConnector.capabilities,
    factory=ShopifyConnector,
    default_base_url=DEFAULT_BASE_URL,
    needs_token=True,
    room_label="Shop",
    poll_interval_seconds=60.0,
)
