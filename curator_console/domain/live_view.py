"""What the live console shows, as plain values, and the names of the events a session records.

The live engine (``services/live_*``) keeps this picture up to date from its own threads; the
console (``ui/live/``) asks for the newest ``LiveView`` on a timer and draws it. Nothing here
knows about Qt or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

# --- event types (session_event.type) -------------------------------------------------------
SESSION_STARTED = "session_started"
SESSION_PAUSED = "session_paused"
SESSION_RESUMED = "session_resumed"  # also written when a crashed session is picked up again
SESSION_ENDED = "session_ended"
SEGMENT_STARTED = "segment_started"  # payload: index, title
SEGMENT_ENDED = "segment_ended"  # payload: index
PRODUCT_FEATURED = "product_featured"  # payload: sku
PRODUCT_UNFEATURED = "product_unfeatured"  # payload: sku
VIEWER_SAMPLE = "viewer_sample"  # payload: viewers (also stored in viewer_sample)
ORDER_RECEIVED = "order_received"  # payload: platform_order_id, units, revenue, currency
MARKER = "marker"  # payload: text
CONNECTION_STATUS = "connection_status"  # payload: connection, state, detail, retry_in

EVENT_TYPES = (
    SESSION_STARTED, SESSION_PAUSED, SESSION_RESUMED, SESSION_ENDED, SEGMENT_STARTED, SEGMENT_ENDED,
    PRODUCT_FEATURED, PRODUCT_UNFEATURED, VIEWER_SAMPLE, ORDER_RECEIVED, MARKER, CONNECTION_STATUS,
)

# --- connection states ----------------------------------------------------------------------
CONNECTED = "connected"
RETRYING = "retrying"
OFFLINE = "offline"


@dataclass(frozen=True)
class ConnectionState:
    connection: str  # the connection's name
    role: str  # "platform" (viewers, orders, featuring) or "obs"
    state: str  # CONNECTED / RETRYING / OFFLINE
    detail: str = ""  # the last error in plain words
    retry_in_seconds: float | None = None  # when RETRYING
    offline_since: datetime | None = None  # when RETRYING or OFFLINE: since when nothing got through


@dataclass(frozen=True)
class LiveProduct:
    sku: str
    title: str
    price: Decimal | None  # the live price when the tour set one, else the catalogue price
    currency: str
    stock: int | None
    pitch: str = ""
    auto_feature: bool = False
    featured: bool = False
    hotkey: int | None = None  # 1-9: the key that features it in the current segment


@dataclass(frozen=True)
class LiveObject:
    object_number: str
    title: str
    image_sha256: str = ""


@dataclass(frozen=True)
class LiveSegment:
    index: int
    title: str
    planned_seconds: int
    script: str  # light Markdown (domain/script_markup.py)
    script_alt: str = ""
    objects: tuple[LiveObject, ...] = ()
    products: tuple[LiveProduct, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class TickerOrder:
    platform_order_id: str
    at: datetime
    units: int
    revenue: Decimal
    currency: str
    skus: tuple[str, ...] = ()


@dataclass(frozen=True)
class LiveView:
    """One frame of the console."""

    session_id: int
    title: str
    mode: str  # "rehearsal" or "live"
    status: str  # "running" / "paused" / "ended"
    session_elapsed_seconds: float  # the session clock (pauses excluded)
    segment_index: int | None  # None before the first segment starts
    segment_count: int
    segment_elapsed_seconds: float
    drift_seconds: float  # > 0: behind the plan (running late); < 0: ahead
    current: LiveSegment | None
    next: LiveSegment | None
    viewers: int | None  # the latest count
    viewer_series: tuple[tuple[float, int], ...] = ()  # (session seconds, viewers), thinned for a sparkline
    orders: int = 0
    units: int = 0
    revenue: Decimal = Decimal("0")
    currency: str = ""
    latest_orders: tuple[TickerOrder, ...] = ()  # newest first, a few dozen at most
    per_minute: tuple[tuple[int, int | None, int], ...] = ()  # (minute, average viewers, orders)
    connections: tuple[ConnectionState, ...] = ()
    featured: tuple[str, ...] = ()
    markers: int = 0
    autopilot: bool = False
    notice: str = ""  # the latest thing the operator should know (e.g. "OBS scene switch failed: …")
    ready: bool = True  # False only in the engine's first frame, before the session is loaded
    speed: float = 1.0  # rehearsal speed: planned durations are divided by it (autopilot, simulator)
    version: int = field(default=0, compare=False)  # grows with every change (the console redraws on change)
