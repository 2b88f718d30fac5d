"""Hand-built ``LiveView`` frames: what the console is given to draw, without an engine."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from curator_console.domain.live_view import (
    CONNECTED,
    ConnectionState,
    LiveObject,
    LiveProduct,
    LiveSegment,
    LiveView,
    TickerOrder,
)

_versions = itertools.count(1)
T0 = datetime(2026, 3, 14, 11, 0, tzinfo=timezone.utc)

VASE = LiveSegment(
    index=1, title="The vase", planned_seconds=600,
    script="# The vase\n\nThis **blue-and-white** vase comes from Jingdezhen.\n\n- Ming dynasty\n- Cobalt blue\n\n"
           + "\n\n".join(f"Paragraph {n}: the painter worked with cobalt from Persia." for n in range(1, 12)),
    objects=(LiveObject("TSM-001", "Blue-and-white vase"), LiveObject("TSM-002", "Lotus bowl")),
    products=(
        LiveProduct("TSM-P-001", "Vase scarf", Decimal("179.00"), "CNY", 20, pitch="Only today", hotkey=1),
        LiveProduct("TSM-P-002", "Postcard set", Decimal("39.00"), "CNY", 200, hotkey=2),
    ),
)
HORSE = LiveSegment(index=2, title="The horse", planned_seconds=600, script="唐三彩马。The Tang horse.",
                    objects=(LiveObject("TSM-005", "Tang horse"),))
WELCOME = LiveSegment(index=0, title="Welcome", planned_seconds=300, script="Welcome to the museum.")


def version() -> int:
    return next(_versions)


def order(n: int, units: int = 1, revenue: str = "179.00", sku: str = "TSM-P-001") -> TickerOrder:
    return TickerOrder(f"O-{n:04d}", T0 + timedelta(seconds=30 * n), units, Decimal(revenue), "CNY", (sku,))


def frame(**changes) -> LiveView:
    """A running rehearsal in its second segment; ``changes`` replace fields. Every frame gets a new
    version (as the engine's do)."""
    base = LiveView(
        session_id=7, title="Treasures in ten minutes", mode="rehearsal", status="running",
        session_elapsed_seconds=425.4, segment_index=1, segment_count=3, segment_elapsed_seconds=125.2,
        drift_seconds=0.0, current=VASE, next=HORSE, viewers=1234,
        viewer_series=tuple((10.0 * i, 900 + 30 * i) for i in range(12)),
        orders=2, units=3, revenue=Decimal("397.00"), currency="CNY",
        latest_orders=(order(2, 2, "218.00", "TSM-P-002"), order(1)),
        per_minute=((0, 850, 0), (1, 960, 1), (2, 1010, 0), (3, 1100, 1)),
        connections=(ConnectionState("Built-in simulator", "platform", CONNECTED),),
    )
    return replace(base, version=version(), **changes)


def featured(product: LiveProduct) -> LiveProduct:
    return replace(product, featured=True)
