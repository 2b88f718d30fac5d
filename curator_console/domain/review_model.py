"""The Review workspace's values: what a finished session and its store's orders are, as plain data,
and the figures the analytics (``domain/analytics.py``) compute from them.

Nothing here knows about Qt, the database or matplotlib. The service layer (``services/review.py``)
reads a session and the orders of its windows into these types; the charts and the report
(``documents/review_*``) and the Review workspace (``ui/review/``) draw the results.

Conventions:
- Every ``datetime`` is timezone-aware (UTC from the database).
- Every window is half-open, ``[start, end)``: an order placed exactly at a window's start is in
  it, one placed exactly at its end is not (it belongs to the next window).
- Money is ``Decimal`` in the report's currency. Orders in another currency are converted with a
  rate the user gave (``rates[currency]`` = how many report-currency units one unit is worth);
  when a currency has no rate, no money figure is added up: money fields are ``None`` and
  ``SessionReport.money_problem`` says why in plain words. Orders, units and viewers still count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

# --- baselines ------------------------------------------------------------------------------------
DAY_BEFORE = "day-before"  # the same hours the day before (local calendar day)
WEEK_BEFORE = "week-before"  # the same hours on the same weekday a week before
AVG_28D = "avg-28d"  # the average day of the 28 days before the session's day, scaled to its length
CUSTOM = "custom"  # a window the user gives (e.g. the whole previous month); not scaled
BASELINE_KINDS = (DAY_BEFORE, WEEK_BEFORE, AVG_28D, CUSTOM)


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime  # exclusive

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    def contains(self, at: datetime) -> bool:
        return self.start <= at < self.end


@dataclass(frozen=True)
class BaselineSpec:
    kind: str  # one of BASELINE_KINDS
    custom: Window | None = None  # only for CUSTOM


# --- inputs -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaleLine:
    """One order line. An order with several lines has several SaleLines with the same order_id."""

    order_id: str
    at: datetime  # the order's creation time
    sku: str
    quantity: int
    unit_price: Decimal
    currency: str  # ISO 4217


@dataclass(frozen=True)
class SegmentSpan:
    index: int  # position in the tour, from 0
    title: str
    start: datetime
    end: datetime  # exclusive; the last segment ends with the session


@dataclass(frozen=True)
class FeatureSpan:
    sku: str
    start: datetime
    end: datetime  # exclusive; a product still featured when the session ended ends with it


@dataclass(frozen=True)
class Marker:
    at: datetime
    text: str


@dataclass(frozen=True)
class SessionData:
    """A session as the analytics need it."""

    id: int
    title: str
    tour: str
    mode: str  # rehearsal / live
    window: Window  # started_at .. ended_at (or the last event for an unfinished one)
    viewers: tuple[tuple[datetime, int], ...] = ()  # samples, in time order
    segments: tuple[SegmentSpan, ...] = ()
    features: tuple[FeatureSpan, ...] = ()
    markers: tuple[Marker, ...] = ()
    lines: tuple[SaleLine, ...] = ()  # the store's order lines inside ``window``
    product_titles: dict[str, str] = field(default_factory=dict)  # sku -> title, for labels


@dataclass(frozen=True)
class BaselineData:
    """The orders of a baseline: the lines inside its windows, and how to scale their total to be
    comparable with the session (1 for the shifted windows and for CUSTOM;
    session length / (28 × 24 h) for AVG_28D)."""

    spec: BaselineSpec
    windows: tuple[Window, ...]
    scale: Decimal
    lines: tuple[SaleLine, ...] = ()


# --- results ----------------------------------------------------------------------------------------

NEW_SALES = "new sales"  # Lift.reason: the baseline sold nothing, the session did
NO_SALES = "no sales in either"  # both sold nothing
NO_BASELINE = "no baseline"  # no baseline was chosen
NO_MONEY = "revenue cannot be added up"  # money figures are None (currency without a rate)


@dataclass(frozen=True)
class Lift:
    """Session against baseline. ``percent`` = (session − baseline) / baseline × 100 and
    ``multiple`` = session / baseline; both ``None`` when the baseline is zero or unknown, with
    ``reason`` one of the constants above (``""`` when the figures are there)."""

    percent: Decimal | None
    multiple: Decimal | None
    reason: str = ""


@dataclass(frozen=True)
class Totals:
    orders: int
    units: int
    revenue: Decimal | None  # None: see SessionReport.money_problem


@dataclass(frozen=True)
class MinuteRow:
    """One minute of the session, counted from its start (minute 0 = [start, start + 60 s))."""

    minute: int
    start: datetime
    viewers: float | None  # mean of the samples in the minute; None when there were none
    orders: int
    units: int
    revenue: Decimal | None


@dataclass(frozen=True)
class ProductResult:
    sku: str
    title: str
    orders: int  # orders with at least one line of this product
    units: int
    revenue: Decimal | None
    baseline_units: Decimal | None  # scaled; None when there is no baseline
    baseline_revenue: Decimal | None  # scaled; None when there is no baseline or no money
    lift: Lift  # on revenue
    featured_seconds: float  # total time featured in the session
    units_featured: int  # units sold while it was featured
    revenue_featured: Decimal | None
    units_per_min_featured: Decimal | None  # None when never featured
    units_per_min_rest: Decimal | None  # the rest of the session; None when featured throughout


@dataclass(frozen=True)
class SegmentResult:
    index: int
    title: str
    start: datetime
    end: datetime
    orders: int
    units: int
    revenue: Decimal | None
    avg_viewers: float | None
    peak_viewers: int | None


@dataclass(frozen=True)
class BaselineResult:
    spec: BaselineSpec
    windows: tuple[Window, ...]
    scale: Decimal
    raw: Totals  # as counted in the windows
    totals: Totals  # scaled (orders and units rounded to whole numbers)
    revenue_exact: Decimal | None  # scaled revenue before rounding to the currency's minor unit


@dataclass(frozen=True)
class SessionReport:
    session: SessionData
    currency: str  # the report's currency
    totals: Totals
    peak_viewers: int | None
    avg_viewers: float | None  # time-weighted mean of the sample step function over the window
    conversion_per_1000: Decimal | None  # orders per 1,000 peak concurrent viewers
    minutes: tuple[MinuteRow, ...]
    products: tuple[ProductResult, ...]  # by revenue (then units), highest first
    segments: tuple[SegmentResult, ...]
    baseline: BaselineResult | None
    lift: Lift  # revenue against the baseline
    cumulative: tuple[tuple[float, Decimal], ...]  # (minutes since start, revenue so far) per order
    baseline_cumulative: tuple[tuple[float, Decimal], ...]  # the same for the baseline, on the session's clock
    money_problem: str = ""  # plain words when money figures are None, else ""


@dataclass(frozen=True)
class SeriesPoint:
    """One session in a series (the same tour's, or the museum's, sessions side by side)."""

    session_id: int
    label: str
    started_at: datetime
    peak_viewers: int | None
    revenue: Decimal | None
    currency: str
    conversion_per_1000: Decimal | None
