"""The live-commerce REST contract (``docs/live-commerce-api.yaml``): a live room and its store.

JD-style live rooms publish no public API, so the console speaks one documented contract that a
platform partner can implement (and the built-in simulator implements exactly):

- ``GET /v1/rooms``; ``GET /v1/rooms/{room}/viewers``;
- ``PUT`` / ``DELETE /v1/rooms/{room}/featured/{sku}`` and ``GET /v1/rooms/{room}/featured``;
- ``GET /v1/orders?since&until[&cursor]`` and ``GET /v1/products[?cursor]``, paged by ``next_cursor``;
- the optional extension ``PUT /v1/rooms/{room}/on-show`` (which collection objects are on camera).

Every call carries ``Authorization: Bearer <token>``. Money arrives as decimal strings and is
parsed with ``Decimal`` (a float is refused); times are ISO 8601 in UTC. A page may repeat an
order already seen: one iteration yields each order id once.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote

import requests

from curator_console.connectors.base import ConnectionSettings, Connector, PlatformType
from curator_console.connectors.errors import NotAuthorisedError, PlatformError, UnexpectedResponseError
from curator_console.connectors.http import HttpClient, decode_json
from curator_console.domain.platform import (
    Capability,
    OrderInfo,
    OrderLineInfo,
    ProductInfo,
    ViewerCount,
)

DEFAULT_ROOM = "r1"
DEFAULT_NAME = "Live-commerce platform"
# What a partner that does not implement the optional on-show extension may answer.
_NOT_IMPLEMENTED = (404, 405, 501)


def _quote(part: str) -> str:
    """One path segment, percent-encoded (a ``/`` in a room id or SKU stays inside the segment)."""
    return quote(part, safe="")


def utc_iso(moment: datetime) -> str:
    """An aware datetime as ISO 8601 in UTC with a ``Z`` (microseconds only when present)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("order windows need timezone-aware datetimes")
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


class RestConnector(Connector):
    """A live room (viewers, featured products) and a store (products, orders) over the contract."""

    platform = "rest"
    capabilities = frozenset({Capability.VIEWERS, Capability.FEATURE, Capability.PRODUCTS, Capability.ORDERS})

    def __init__(self, settings: ConnectionSettings, client: HttpClient) -> None:
        super().__init__(settings, client)
        self.room = (settings.room or "").strip() or DEFAULT_ROOM
        self.base_url = (settings.base_url or "").strip().rstrip("/")
        self.where = (settings.name or "").strip() or DEFAULT_NAME
        # None until the first set_on_show(); then whether the partner implements the extension.
        self.on_show_supported: bool | None = None

    # --- plumbing ---------------------------------------------------------------------------
    def _url(self, *segments: str) -> str:
        if not self.base_url:
            raise PlatformError(
                f"{self.where} has no address: set its base URL in the connection's settings.", self.where
            )
        return self.base_url + "/v1/" + "/".join(segments)

    def _room_url(self, *tail: str) -> str:
        return self._url("rooms", _quote(self.room), *tail)

    def _headers(self) -> dict[str, str]:
        token = (self.settings.token or "").strip()
        if not token:
            raise NotAuthorisedError(
                f"{self.where} needs a token, and none is set. Add it in the connection's settings.", self.where
            )
        return {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        ok_statuses: tuple[int, ...] = (),
    ) -> requests.Response:
        return self.client.request(
            method,
            url,
            platform=self.where,
            params=params,
            headers=self._headers(),
            json_body=json_body,
            allow_insecure_http=self.settings.allow_insecure_http,
            ok_statuses=ok_statuses,
        )

    def _room_call(self, method: str, url: str, *, what: str = "", json_body: Any = None) -> requests.Response:
        """A call on the room: a 404 becomes an error that names the room."""
        response = self._send(method, url, json_body=json_body, ok_statuses=(404,))
        if response.status_code == 404:
            raise UnexpectedResponseError(self._unknown_room_message(what), self.where)
        return response

    def _unknown_room_message(self, what: str = "") -> str:
        if what:
            return (
                f"{self.where} does not know room “{self.room}”, or {what} in it (HTTP 404). "
                "Check the room id in the connection's settings."
            )
        return f"{self.where} has no room “{self.room}” (HTTP 404). Check the room id in the connection's settings."

    def _json(self, response: requests.Response) -> Any:
        return decode_json(response, self.where)

    def _bad(self, message: str) -> UnexpectedResponseError:
        return UnexpectedResponseError(f"{self.where} sent {message}", self.where)

    def _object(self, data: Any, what: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self._bad(f"an answer that is not an object where {what} was expected.")
        return data

    def _list_field(self, data: dict[str, Any], key: str, what: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            raise self._bad(f"{what} without a “{key}” list.")
        return value

    def _next_cursor(self, data: dict[str, Any], what: str, seen: set[str]) -> str | None:
        cursor = data.get("next_cursor")
        if cursor is None or cursor == "":
            return None
        if not isinstance(cursor, str):
            raise self._bad(f"a page of {what} with an unexpected “next_cursor”.")
        if cursor in seen:
            raise self._bad(f"the same page of {what} again (cursor repeated); stopped reading.")
        seen.add(cursor)
        return cursor

    # --- connection test --------------------------------------------------------------------
    def rooms(self) -> list[dict[str, str]]:
        """``[{"id", "title", "status"}]`` for every room the token can see."""
        data = self._object(self._json(self._send("GET", self._url("rooms"))), "the rooms")
        rooms = []
        for entry in self._list_field(data, "rooms", "the rooms"):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
                raise self._bad("a room without an id.")
            title = entry.get("title")
            status = entry.get("status")
            rooms.append(
                {
                    "id": entry["id"],
                    "title": title if isinstance(title, str) else "",
                    "status": status if isinstance(status, str) else "",
                }
            )
        return rooms

    def test(self) -> str:
        rooms = self.rooms()
        count = f"{len(rooms)} room" + ("" if len(rooms) == 1 else "s")
        mine = next((r for r in rooms if r["id"] == self.room), None)
        if mine is None:
            others = ", ".join(r["id"] for r in rooms[:10]) or "none"
            raise UnexpectedResponseError(
                f"Connected to {self.where} ({count}), but there is no room “{self.room}” "
                f"(rooms: {others}). Check the room id in the connection's settings.",
                self.where,
            )
        state = {"live": "is live", "idle": "is idle (not live)"}.get(mine["status"], "status unknown")
        title = f" (“{mine['title']}”)" if mine["title"] else ""
        return f"Connected: {count}, room {self.room}{title} {state}."

    # --- LiveRoom ---------------------------------------------------------------------------
    def viewers(self) -> ViewerCount:
        data = self._object(self._json(self._room_call("GET", self._room_url("viewers"))), "the viewer count")
        count = data.get("viewers")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 0):
            raise self._bad(f"an unexpected viewer count for room “{self.room}”.")
        at = self._parse_time(data.get("at"), f"the viewer count of room “{self.room}”")
        # ``status`` is an optional extension (the simulator sends it); without it, assume live.
        status = data.get("status")
        live = not (isinstance(status, str) and status.strip().lower() == "idle")
        return ViewerCount(viewers=count, at=at, live=live)

    def feature(self, sku: str) -> None:
        self._room_call("PUT", self._room_url("featured", _quote(sku)), what=f"product “{sku}”")

    def unfeature(self, sku: str) -> None:
        self._room_call("DELETE", self._room_url("featured", _quote(sku)), what=f"product “{sku}”")

    def featured(self) -> list[str]:
        data = self._object(self._json(self._room_call("GET", self._room_url("featured"))), "the featured products")
        skus = self._list_field(data, "skus", "the featured products")
        if not all(isinstance(s, str) for s in skus):
            raise self._bad(f"featured products of room “{self.room}” that are not SKU strings.")
        return list(skus)

    def set_on_show(self, object_numbers: Iterable[str]) -> bool:
        """Tell the room which collection objects are on camera now (optional extension).

        Returns True when the partner took it (204), False when it does not implement the
        extension (404, 405 or 501: nothing to do). Other failures raise as usual.
        """
        numbers = list(object_numbers)
        if not all(isinstance(n, str) for n in numbers):
            raise TypeError("object numbers must be strings")
        response = self._send(
            "PUT", self._room_url("on-show"), json_body={"object_numbers": numbers}, ok_statuses=_NOT_IMPLEMENTED
        )
        self.on_show_supported = response.status_code not in _NOT_IMPLEMENTED
        return self.on_show_supported

    # --- Store ------------------------------------------------------------------------------
    def orders(self, since: datetime, until: datetime, known: Container[str] = ()) -> Iterator[OrderInfo]:
        """Orders created in ``[since, until]``, every page to the end, each order id once. Ids in
        ``known`` are skipped before they are parsed (a live poll re-reads its overlap window: at
        hundreds of orders a second, parsing them again is what costs)."""
        params = {"since": utc_iso(since), "until": utc_iso(until)}
        return self._orders(params, known)

    def _orders(self, params: dict[str, str], known: Container[str] = ()) -> Iterator[OrderInfo]:
        seen_ids: set[str] = set()
        seen_cursors: set[str] = set()
        url = self._url("orders")
        while True:
            data = self._object(self._json(self._send("GET", url, params=params)), "a page of orders")
            for raw in self._list_field(data, "orders", "a page of orders"):
                raw_id = raw.get("id") if isinstance(raw, dict) else None
                if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id) in known:
                    continue
                order = self._parse_order(raw)
                if order.platform_order_id in seen_ids:
                    continue
                seen_ids.add(order.platform_order_id)
                yield order
            cursor = self._next_cursor(data, "orders", seen_cursors)
            if cursor is None:
                return
            params = {**params, "cursor": cursor}

    def products(self) -> Iterator[ProductInfo]:
        """The whole catalogue, every page to the end, each SKU once."""
        seen_skus: set[str] = set()
        seen_cursors: set[str] = set()
        url = self._url("products")
        params: dict[str, str] = {}
        while True:
            data = self._object(
                self._json(self._send("GET", url, params=params or None)), "a page of products"
            )
            for raw in self._list_field(data, "products", "a page of products"):
                product = self._parse_product(raw)
                if product.sku in seen_skus:
                    continue
                seen_skus.add(product.sku)
                yield product
            cursor = self._next_cursor(data, "products", seen_cursors)
            if cursor is None:
                return
            params = {"cursor": cursor}

    # --- parsing ----------------------------------------------------------------------------
    def _parse_time(self, value: Any, what: str) -> datetime:
        if not isinstance(value, str) or not value.strip():
            raise self._bad(f"{what} without a time.")
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise self._bad(f"{what} with a time that is not ISO 8601 (“{value[:40]}”).") from None
        if moment.tzinfo is None:  # the contract's times are UTC
            return moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)

    def _money(self, value: Any, label: str, field: str) -> Decimal:
        """A decimal-string amount; a JSON number (float rounding!) or garbage is refused."""
        if value is None:
            raise self._bad(f"{label} without {field}.")
        if not isinstance(value, str):
            raise self._bad(
                f"{label} with {field} as a {type(value).__name__} ({str(value)[:20]}); "
                "money must be a decimal string such as “25.00”."
            )
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0:
            raise self._bad(f"{label} with {field} that is not an amount (“{value[:20]}”).")
        return amount

    def _parse_order(self, raw: Any) -> OrderInfo:
        if not isinstance(raw, dict):
            raise self._bad("an order that is not an object.")
        order_id = raw.get("id")
        if isinstance(order_id, int) and not isinstance(order_id, bool):
            order_id = str(order_id)
        if not isinstance(order_id, str) or not order_id:
            raise self._bad("an order without an id.")
        label = f"order “{order_id}”"
        created_at = self._parse_time(raw.get("created_at"), label)
        raw_lines = raw.get("lines")
        if not isinstance(raw_lines, list):
            raise self._bad(f"{label} without a “lines” list.")
        lines = []
        for number, line in enumerate(raw_lines, start=1):
            where = f"{label}, line {number},"
            if not isinstance(line, dict):
                raise self._bad(f"{where} that is not an object.")
            sku = line.get("sku")
            if not isinstance(sku, str) or not sku:
                raise self._bad(f"{where} without a SKU.")
            quantity = line.get("quantity")
            if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 0:
                raise self._bad(f"{where} with an unexpected quantity.")
            price = self._money(line.get("unit_price"), where, "a unit price")
            currency = line.get("currency")
            if not isinstance(currency, str) or not currency.strip():
                raise self._bad(f"{where} without a currency.")
            lines.append(OrderLineInfo(sku=sku, quantity=quantity, unit_price=price, currency=currency.strip().upper()))
        return OrderInfo(platform_order_id=order_id, created_at=created_at, lines=tuple(lines))

    def _parse_product(self, raw: Any) -> ProductInfo:
        if not isinstance(raw, dict):
            raise self._bad("a product that is not an object.")
        sku = raw.get("sku")
        if not isinstance(sku, str) or not sku:
            raise self._bad("a product without a SKU.")
        label = f"product “{sku}”"
        title = raw.get("title")
        if not isinstance(title, str):
            raise self._bad(f"{label} without a title.")
        raw_price = raw.get("price")
        price = None if raw_price is None else self._money(raw_price, label, "a price")
        currency = raw.get("currency")
        if currency is None:
            currency = ""
        if not isinstance(currency, str) or (price is not None and not currency.strip()):
            raise self._bad(f"{label} without a currency.")
        stock = raw.get("stock")
        if stock is not None and (not isinstance(stock, int) or isinstance(stock, bool)):
            raise self._bad(f"{label} with an unexpected stock.")
        texts = {}
        for key in ("url", "image_url"):
            value = raw.get(key)
            if value is not None and not isinstance(value, str):
                raise self._bad(f"{label} with an unexpected “{key}”.")
            texts[key] = value or ""
        return ProductInfo(
            sku=sku,
            title=title,
            price=price,
            currency=currency.strip().upper(),
            stock=stock,
            url=texts["url"],
            image_url=texts["image_url"],
            external_id=sku,
        )


PLATFORM = PlatformType(
    key="rest",
    label="Live-commerce REST contract",
    capabilities=frozenset({Capability.VIEWERS, Capability.FEATURE, Capability.PRODUCTS, Capability.ORDERS}),
    factory=RestConnector,
    needs_token=True,
    room_label="Room",
    poll_interval_seconds=2.0,
)
