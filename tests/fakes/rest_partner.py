"""A fake live-commerce partner on pytest-httpserver: products and orders in the contract's
shapes, paged by cursor, with a bearer token. Used by store-sync tests."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from werkzeug.wrappers import Request, Response


class FakePartner:
    def __init__(self, httpserver, token: str, orders: list[dict], products: list[dict], page_size: int = 3,
                 repeat_last: bool = True) -> None:
        self.token, self.orders, self.products, self.page_size = token, orders, products, page_size
        self.repeat_last = repeat_last  # each page after the first repeats the previous page's last order
        self.calls: list[str] = []
        httpserver.expect_request("/v1/orders").respond_with_handler(self._orders)
        httpserver.expect_request("/v1/products").respond_with_handler(self._products)
        httpserver.expect_request("/v1/rooms").respond_with_handler(self._rooms)
        self.url = httpserver.url_for("").rstrip("/")

    def _auth(self, request: Request) -> Response | None:
        self.calls.append(request.full_path)
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return Response(json.dumps({"error": "unauthorised"}), status=401, content_type="application/json")
        return None

    def _page(self, items: list[dict], cursor: str | None, key: str) -> Response:
        start = int(cursor or 0)
        chunk = items[start:start + self.page_size]
        if self.repeat_last and start > 0 and key == "orders":
            chunk = [items[start - 1], *chunk]
        nxt = start + self.page_size
        body = {key: chunk, "next_cursor": str(nxt) if nxt < len(items) else None}
        return Response(json.dumps(body), content_type="application/json")

    def _orders(self, request: Request) -> Response:
        denied = self._auth(request)
        if denied:
            return denied
        since = datetime.fromisoformat(request.args["since"].replace("Z", "+00:00"))
        until = datetime.fromisoformat(request.args["until"].replace("Z", "+00:00"))
        window = [o for o in self.orders
                  if since <= datetime.fromisoformat(o["created_at"].replace("Z", "+00:00")) < until]
        return self._page(window, request.args.get("cursor"), "orders")

    def _products(self, request: Request) -> Response:
        denied = self._auth(request)
        return denied or self._page(self.products, request.args.get("cursor"), "products")

    def _rooms(self, request: Request) -> Response:
        denied = self._auth(request)
        return denied or Response(json.dumps({"rooms": [{"id": "r1", "title": "Room", "status": "live"}]}),
                                  content_type="application/json")


def make_orders(start: datetime, n: int, skus: list[str]) -> list[dict]:
    out = []
    for i in range(n):
        at = (start + timedelta(minutes=7 * i)).astimezone(timezone.utc)
        out.append({
            "id": f"o{i:04d}", "created_at": at.isoformat().replace("+00:00", "Z"),
            "lines": [{"sku": skus[i % len(skus)], "quantity": 1 + i % 3, "unit_price": f"{10 + i % 5}.50",
                       "currency": "CNY"}],
        })
    return out
