"""Store sync: products and orders from a store connection into the local database.

Ingestion is exactly-once: an order is keyed by (connection, platform order id), so overlapping
windows, repeated pages and re-runs never count an order twice. Orders are committed page by
page, so an interrupted sync keeps what it fetched and a re-run fetches only the rest. Products
are upserted by SKU: price, stock, title and links to the store are refreshed; links to
collection objects made in the app are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice

from sqlalchemy.exc import IntegrityError

from curator_console.connectors.base import Store
from curator_console.connectors.http import HttpClient
from curator_console.connectors.registry import connect
from curator_console.domain.platform import Capability, OrderInfo, ProductInfo
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.connections import ConnectionError_, settings_for

PAGE = 500


@dataclass(frozen=True)
class SyncSummary:
    products: int
    orders_new: int
    orders_seen: int

    def line(self) -> str:
        return f"products={self.products} orders_new={self.orders_new} orders_seen={self.orders_seen}"


class Cancelled(Exception):
    pass


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def upsert_products(uow_factory: Callable[[], UnitOfWork], connection_name: str, products: Iterable[ProductInfo],
                    progress: Callable[[int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> int:
    """Store the store's products page by page; ``progress(stored so far)`` after each page,
    ``cancelled()`` asked before each (``Cancelled``: the pages stored so far are kept)."""
    n = 0
    for chunk in _chunks(products, PAGE):
        if cancelled is not None and cancelled():
            raise Cancelled()
        uow = uow_factory()
        with uow:
            connection = uow.repos.connections.by_name(connection_name)
            for info in chunk:
                p = uow.repos.products.by_sku(info.sku)
                if p is None:
                    p = uow.repos.products.add(m.Product(sku=info.sku, status="active"))
                p.title = info.title or p.title
                p.price = info.price
                p.currency = (info.currency or p.currency or "CNY")[:3]
                p.stock = info.stock if info.stock is None or info.stock >= 0 else 0
                p.url = info.url or p.url
                p.image_url = info.image_url or p.image_url
                p.external_id = info.external_id or p.external_id
                p.connection_id = connection.id if connection else None
                p.synced_at = datetime.now(timezone.utc)
                n += 1
            uow.commit()
        if progress is not None:
            progress(n)
    return n


def ingest_orders(
    uow_factory: Callable[[], UnitOfWork],
    connection_id: int,
    orders: Iterable[OrderInfo],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[int, int]:
    """Store the orders not stored yet; returns (new, already seen). Commits page by page."""
    new = seen = 0
    for chunk in _chunks(orders, PAGE):
        if cancelled is not None and cancelled():
            raise Cancelled()
        unique = list({o.platform_order_id: o for o in chunk}.values())
        seen += len(chunk) - len(unique)
        for attempt in range(2):
            uow = uow_factory()
            with uow:
                existing = uow.repos.orders.existing_ids(connection_id, [o.platform_order_id for o in unique])
                fresh = [o for o in unique if o.platform_order_id not in existing]
                products = uow.repos.orders.product_ids_by_sku([ln.sku for o in fresh for ln in o.lines])
                try:
                    uow.repos.orders.insert_many(connection_id, fresh, products)
                    uow.commit()
                except IntegrityError:
                    # Another sync stored some of these meanwhile: look again and store the rest.
                    if attempt:
                        raise
                    continue
                new += len(fresh)
                seen += len(existing)
                break
        if progress is not None:
            progress(new, seen)
    return new, seen


def sync_store(
    uow_factory: Callable[[], UnitOfWork],
    connection_name: str,
    client: HttpClient,
    since: datetime,
    until: datetime,
    include_products: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    product_progress: Callable[[int], None] | None = None,
) -> SyncSummary:
    if since.tzinfo is None or until.tzinfo is None:
        raise ConnectionError_("Sync windows need time zones (UTC).")
    if until <= since:
        raise ConnectionError_("The end of the sync window must come after its start.")
    settings = settings_for(uow_factory(), connection_name)
    connector = connect(settings, client)
    try:
        if Capability.ORDERS not in connector.capabilities or not isinstance(connector, Store):
            raise ConnectionError_(f"“{connection_name}” is not a store: it cannot list products and orders.")
        uow = uow_factory()
        with uow:
            connection_id = uow.repos.connections.by_name(connection_name).id
        products = (upsert_products(uow_factory, connection_name, connector.products(), product_progress, cancelled)
                    if include_products else 0)
        new, seen = ingest_orders(uow_factory, connection_id, connector.orders(since, until), progress, cancelled)
        return SyncSummary(products, new, seen)
    finally:
        connector.close()
