"""What platforms tell us, as plain records: viewer counts, products, orders, OBS scenes.

Connectors produce these; services store them. Money is Decimal, times are aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum


class Capability(str, Enum):
    VIEWERS = "viewers"  # concurrent viewers now
    FEATURE = "feature"  # feature / unfeature / list featured products in a live room
    PRODUCTS = "products"  # the store's product catalogue
    ORDERS = "orders"  # store orders in a time window
    SCENES = "scenes"  # OBS program scenes and stream status


@dataclass(frozen=True)
class ViewerCount:
    viewers: int | None  # None when the platform hides the count or nobody is watching
    at: datetime
    live: bool = True


@dataclass(frozen=True)
class ProductInfo:
    sku: str
    title: str
    price: Decimal | None
    currency: str
    stock: int | None = None
    url: str = ""
    image_url: str = ""
    external_id: str = ""


@dataclass(frozen=True)
class OrderLineInfo:
    sku: str
    quantity: int
    unit_price: Decimal
    currency: str


@dataclass(frozen=True)
class OrderInfo:
    platform_order_id: str
    created_at: datetime
    lines: tuple[OrderLineInfo, ...] = field(default_factory=tuple)

    @property
    def currency(self) -> str:
        return self.lines[0].currency if self.lines else ""


@dataclass(frozen=True)
class SceneList:
    current: str
    scenes: tuple[str, ...]


@dataclass(frozen=True)
class StreamStatus:
    active: bool
    duration_ms: int = 0
