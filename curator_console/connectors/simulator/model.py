"""The simulated platform's world: a store catalogue, live rooms, viewers and orders. No I/O.

Everything is driven by an injectable ``clock`` (a callable returning real seconds, e.g.
``time.monotonic``): simulated time is ``start + (clock() - t0) * speed``. Given the same seed,
the same start and the same timeline of actions (feature / unfeature / on-show / room start,
each stamped with the simulated time it was made at), the model produces exactly the same
viewers and orders however often, and whenever, a client asks.

How it plays a room
-------------------
*Viewers.* Concurrent viewers follow a profile over the planned session length (default 120
simulated minutes): a quick ramp, a plateau, then an exponential decay that carries on after the
planned end (never below zero). Viewers arrive and leave with a mean watch time ``W``; with
``dV/dt = arrivals - V/W`` the cumulative number of visitors is ``A(t) = V(t) + ∫V/W``, which
the profile's peak is solved for, so the default room has about 200,000 visitors over its two
hours (the seed story). Seeded, smooth noise of a few per cent rides on top.

*Orders.* Simulated time after the start is cut into fixed buckets (10 simulated seconds). Bucket
``k`` is generated once, lazily, when it is complete, with an RNG seeded from ``(seed, k)`` and
the state of the rooms as of the end of that bucket (actions take effect from the bucket in which
they were made). Its expected number of orders is the store's ordinary trade (a daily pattern)
plus, for each live room, ``viewers × conversion``; a featured product's live rate is multiplied
(×4 by default) and, while objects are on show, most live purchases go to the products linked to
them. Stock decrements; a product with stock 0 stops selling.

*History.* Thirty days of ordinary store orders before the start, drawn per calendar day from
``(seed, date)`` with the same daily pattern, so Review has baselines. History ids start ``…-H``
and never collide with live ones.
"""

from __future__ import annotations

import bisect
import json
import math
import random
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path
from typing import Any

from curator_console.domain.sampling import poisson

DEFAULT_ROOM = "r1"
DEFAULT_ROOM_TITLE = "Curator-led live tour"
BUCKET_SECONDS = 10
HISTORY_DAYS = 30
CENT = Decimal("0.01")


class SimulatorError(Exception):
    """Base of the model's refusals."""


class UnknownRoomError(SimulatorError, LookupError):
    pass


class UnknownProductError(SimulatorError, LookupError):
    pass


# --- Catalogue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Product:
    sku: str
    title: str
    price: Decimal | None
    currency: str = "CNY"
    stock: int | None = None  # None: not tracked (never runs out)
    url: str = ""
    image_url: str = ""
    object_numbers: tuple[str, ...] = ()
    status: str = "active"
    alt_title: str = ""

    @property
    def sellable(self) -> bool:
        return self.status == "active" and self.price is not None and self.price > 0


def _decimal(value: Any, where: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"{where}: price {value!r} is not a number") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"{where}: price {value!r} is not a usable amount")
    return amount.quantize(CENT)


class Catalog:
    """The store's products, in a fixed order (the order ``/v1/products`` pages through)."""

    def __init__(self, products: Iterable[Product]) -> None:
        self.products: list[Product] = list(products)
        self.by_sku: dict[str, Product] = {}
        for p in self.products:
            if not p.sku:
                raise ValueError("a product has no SKU")
            if p.sku in self.by_sku:
                raise ValueError(f"SKU {p.sku!r} appears twice in the catalogue")
            self.by_sku[p.sku] = p

    def __len__(self) -> int:
        return len(self.products)

    def __iter__(self):
        return iter(self.products)

    @classmethod
    def from_dicts(cls, items: Iterable[Mapping[str, Any]]) -> Catalog:
        """Products as in ``resources/demo/products.json`` (``objects`` lists the linked object
        numbers; ``object_numbers`` is accepted too). Built from the app database the same way."""
        products = []
        for n, item in enumerate(items, start=1):
            sku = str(item.get("sku") or "").strip()
            where = f"product {n} ({sku or 'no SKU'})"
            stock = item.get("stock")
            objects = item.get("objects", item.get("object_numbers")) or ()
            products.append(
                Product(
                    sku=sku,
                    title=str(item.get("title") or ""),
                    alt_title=str(item.get("alt_title") or ""),
                    price=_decimal(item.get("price"), where),
                    currency=str(item.get("currency") or "CNY"),
                    stock=None if stock is None else max(0, int(stock)),
                    url=str(item.get("url") or ""),
                    image_url=str(item.get("image_url") or ""),
                    object_numbers=tuple(str(o) for o in objects),
                    status=str(item.get("status") or "active"),
                )
            )
        return cls(products)

    @classmethod
    def from_file(cls, path: str | Path) -> Catalog:
        return cls.from_dicts(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def default(cls) -> Catalog:
        """The demo museum's shop (``resources/demo/products.json``)."""
        from curator_console.paths import resources_dir

        return cls.from_file(resources_dir() / "demo" / "products.json")


# --- Viewers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ViewerProfile:
    """Concurrent viewers over a session, calibrated to a number of visitors.

    Shape in session fractions ``x = t / T``: ``ramp(x) = 1 - exp(-x / ramp)``; from
    ``plateau_end`` on, multiplied by ``exp(-(x - plateau_end) / decay)``.
    """

    session_minutes: float = 120.0
    target_visitors: int = 200_000
    mean_watch_minutes: float = 6.0
    ramp: float = 0.08
    plateau_end: float = 0.7
    decay: float = 0.25
    noise: float = 0.04  # amplitude of the smooth multiplicative noise
    noise_knot_seconds: int = 15

    def __post_init__(self) -> None:
        if self.session_minutes <= 0 or self.mean_watch_minutes <= 0:
            raise ValueError("session length and mean watch time must be positive")
        # Arrivals = V' + V/W must stay >= 0 while the room decays.
        if self.mean_watch_minutes >= self.decay * self.session_minutes:
            raise ValueError("mean watch time must be shorter than the decay time")

    def shape(self, x: float) -> float:
        if x <= 0:
            return 0.0
        value = 1.0 - math.exp(-x / self.ramp)
        if x > self.plateau_end:
            value *= math.exp(-(x - self.plateau_end) / self.decay)
        return value

    def shape_integral(self, x: float) -> float:
        """∫₀ˣ shape(s) ds, in closed form."""
        if x <= 0:
            return 0.0
        a, p, b = self.ramp, self.plateau_end, self.decay

        def rising(u: float) -> float:
            return u - a * (1.0 - math.exp(-u / a))

        if x <= p:
            return rising(x)
        c = 1.0 / a + 1.0 / b
        decaying = b * (1.0 - math.exp(-(x - p) / b))
        ramp_part = math.exp(p / b) * (math.exp(-p * c) - math.exp(-x * c)) / c
        return rising(p) + decaying - ramp_part

    def _visitors_factor(self, x: float) -> float:
        """Visitors per unit of peak at session fraction x: shape(x) + (T / W) * ∫shape."""
        return self.shape(x) + self.session_minutes / self.mean_watch_minutes * self.shape_integral(x)

    @cached_property
    def peak(self) -> float:
        return self.target_visitors / self._visitors_factor(1.0)

    def concurrent(self, elapsed_seconds: float) -> float:
        return self.peak * self.shape(elapsed_seconds / (self.session_minutes * 60.0))

    def visitors(self, elapsed_seconds: float) -> float:
        return self.peak * self._visitors_factor(elapsed_seconds / (self.session_minutes * 60.0))


# --- Store rates -----------------------------------------------------------------------------


def _hour_weights(mean: float = 17.0, sd: float = 3.5, first: int = 8, last: int = 23) -> tuple[float, ...]:
    raw = [math.exp(-0.5 * ((h + 0.5 - mean) / sd) ** 2) if first <= h <= last else 0.0 for h in range(24)]
    total = sum(raw)
    return tuple(w / total for w in raw)


@dataclass(frozen=True)
class StoreProfile:
    """The shop's ordinary trade and how a live room converts."""

    weekday_orders: float = 22.0  # a normal day's orders
    weekend_orders: float = 31.0
    day_variation: float = 0.2  # each day's level is drawn within ±20 %
    utc_offset_hours: float = 8.0  # the shop's local time (China)
    hour_weights: tuple[float, ...] = field(default_factory=_hour_weights)
    # Live conversion: orders per 1,000 visitors before feature / on-show boosts. With 0.3 a
    # two-hour session of 200,000 visitors sells ~2.7 normal days' revenue when nothing is
    # featured and ~9 when a tour features products and shows their objects (10 seeds); the seed
    # story's flagship store sold ~460 % more than on a normal day, in between.
    orders_per_1000_visitors: float = 0.3
    feature_boost: float = 4.0  # a featured product's live rate is multiplied by this
    on_show_share: float = 0.6  # share of live purchases going to products linked to objects on show
    second_line_probability: float = 0.08


# --- Records ---------------------------------------------------------------------------------


def utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)


def to_ts(when: datetime) -> float:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


@dataclass(frozen=True)
class OrderLine:
    sku: str
    quantity: int
    unit_price: Decimal
    currency: str


@dataclass(frozen=True)
class Order:
    id: str
    ts: int  # epoch seconds, UTC
    lines: tuple[OrderLine, ...]

    @property
    def created_at(self) -> datetime:
        return utc(self.ts)

    @property
    def key(self) -> tuple[int, str]:
        return (self.ts, self.id)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class RoomInfo:
    id: str
    title: str
    status: str  # "idle" | "live"
    started_at: datetime | None
    ended_at: datetime | None = None


@dataclass(frozen=True)
class ViewerReading:
    room: str
    viewers: int
    visitors: int
    at: datetime
    status: str


@dataclass(frozen=True)
class StockedProduct:
    product: Product
    stock: int | None  # current stock


@dataclass
class _RoomState:
    id: str
    title: str
    started: float | None = None
    ended: float | None = None
    featured: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    on_show: tuple[str, ...] = ()

    @property
    def live(self) -> bool:
        return self.started is not None and self.ended is None

    def copy(self) -> _RoomState:
        return _RoomState(self.id, self.title, self.started, self.ended, dict(self.featured), self.on_show)

    def apply(self, at: float, kind: str, value: Any) -> None:
        if kind == "start":
            self.started, self.ended = at, None
        elif kind == "end":
            if self.live:
                self.ended = at
        elif kind == "feature":
            self.featured[value] = None
        elif kind == "unfeature":
            self.featured.pop(value, None)
        elif kind == "on_show":
            self.on_show = tuple(value)


# --- The model -------------------------------------------------------------------------------


class SimulatorModel:
    """The simulated platform. Thread-safe: every public method takes the model's lock."""

    def __init__(
        self,
        catalog: Catalog | Sequence[Mapping[str, Any]] | None = None,
        *,
        seed: int | None = None,
        speed: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        start: datetime | None = None,
        idle: bool = False,
        rooms: Sequence[tuple[str, str]] | None = None,
        profile: ViewerProfile | None = None,
        store: StoreProfile | None = None,
        bucket_seconds: int = BUCKET_SECONDS,
        history_days: int = HISTORY_DAYS,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        if catalog is None:
            catalog = Catalog.default()
        elif not isinstance(catalog, Catalog):
            catalog = Catalog.from_dicts(catalog)
        self.catalog = catalog
        self.seed = int(seed) if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
        self.speed = float(speed)
        self.clock = clock
        self.profile = profile or ViewerProfile()
        self.store = store or StoreProfile()
        self.bucket_seconds = int(bucket_seconds)
        self.history_days = int(history_days)
        start = start or datetime.now(timezone.utc)
        self.start_ts: int = int(to_ts(start))
        self._t0 = clock()
        self._lock = threading.RLock()
        self._run_tag = f"SIM{self.seed}"
        self._live_prefix = f"{self._run_tag}-{utc(self.start_ts):%Y%m%d%H%M%S}"

        room_defs = list(rooms) if rooms else [(DEFAULT_ROOM, DEFAULT_ROOM_TITLE)]
        initial = {rid: _RoomState(rid, title) for rid, title in room_defs}
        if not idle:
            first = room_defs[0][0]
            initial[first].started = float(self.start_ts)
        self._rooms_now = {rid: r.copy() for rid, r in initial.items()}  # as of now (answers)
        self._rooms_gen = {rid: r.copy() for rid, r in initial.items()}  # as of the last generated bucket
        self._events: list[tuple[float, str, str, Any]] = []  # (sim ts, kind, room, value)
        self._events_applied = 0

        self._stock: dict[str, int | None] = {p.sku: p.stock for p in catalog}
        self._sellable = [p for p in catalog if p.sellable]
        self._weight = {p.sku: 1.0 / math.sqrt(float(p.price)) for p in self._sellable}  # cheaper sells more
        self._weight_total = sum(self._weight.values()) or 1.0
        self._day_levels: dict[date, float] = {}

        self._orders: list[Order] = []
        self._keys: list[tuple[int, str]] = []
        self._next_bucket = 0
        self._append_history()

    # --- time -------------------------------------------------------------------------------
    def sim_ts(self) -> float:
        return self.start_ts + (self.clock() - self._t0) * self.speed

    def now(self) -> datetime:
        return utc(self.sim_ts())

    # --- rooms ------------------------------------------------------------------------------
    def _room(self, room: str) -> _RoomState:
        try:
            return self._rooms_now[room]
        except KeyError:
            raise UnknownRoomError(f"unknown room {room!r}") from None

    @staticmethod
    def _info(r: _RoomState) -> RoomInfo:
        return RoomInfo(
            r.id, r.title, "live" if r.live else "idle",
            utc(r.started) if r.started is not None else None,
            utc(r.ended) if r.ended is not None else None,
        )

    def rooms(self) -> list[RoomInfo]:
        with self._lock:
            return [self._info(r) for r in self._rooms_now.values()]

    def room(self, room: str) -> RoomInfo:
        with self._lock:
            return self._info(self._room(room))

    def _record(self, kind: str, room: str, value: Any = None) -> None:
        now = self.sim_ts()
        self._advance(now)  # buckets complete before this action never see it
        self._events.append((now, kind, room, value))
        self._rooms_now[room].apply(now, kind, value)

    def start_room(self, room: str) -> RoomInfo:
        """Go live now (a room already live stays as it is)."""
        with self._lock:
            r = self._room(room)
            if not r.live:
                self._record("start", room)
            return self._info(r)

    def end_room(self, room: str) -> RoomInfo:
        with self._lock:
            r = self._room(room)
            if r.live:
                self._record("end", room)
            return self._info(r)

    def feature(self, room: str, sku: str) -> None:
        with self._lock:
            r = self._room(room)
            if sku not in self.catalog.by_sku:
                raise UnknownProductError(f"unknown product {sku!r}")
            if sku not in r.featured:
                self._record("feature", room, sku)

    def unfeature(self, room: str, sku: str) -> None:
        with self._lock:
            r = self._room(room)
            if sku not in self.catalog.by_sku:
                raise UnknownProductError(f"unknown product {sku!r}")
            if sku in r.featured:
                self._record("unfeature", room, sku)

    def featured(self, room: str) -> list[str]:
        with self._lock:
            return list(self._room(room).featured)

    def set_on_show(self, room: str, object_numbers: Iterable[str]) -> None:
        with self._lock:
            r = self._room(room)
            value = tuple(dict.fromkeys(str(o) for o in object_numbers))
            if value != r.on_show:
                self._record("on_show", room, value)

    def on_show(self, room: str) -> list[str]:
        with self._lock:
            return list(self._room(room).on_show)

    # --- viewers ----------------------------------------------------------------------------
    def _noise(self, room: str, second: int) -> float:
        knot = self.profile.noise_knot_seconds
        k, frac = divmod(second, knot)

        def value(i: int) -> float:
            return random.Random(f"curator-sim/{self.seed}/viewers/{room}/{i}").uniform(-1.0, 1.0)

        a, b = value(k), value(k + 1)
        return self.profile.noise * (a + (b - a) * frac / knot)

    def _smooth_viewers(self, r: _RoomState, at: float) -> float:
        if r.started is None or at < r.started or (r.ended is not None and at >= r.ended):
            return 0.0
        return self.profile.concurrent(at - r.started)

    def viewers(self, room: str) -> ViewerReading:
        with self._lock:
            r = self._room(room)
            at = int(self.sim_ts())
            if r.started is None or at < r.started:
                return ViewerReading(room, 0, 0, utc(at), "idle")
            visitors = int(self.profile.visitors(min(at, r.ended if r.ended is not None else at) - r.started))
            if not r.live:
                return ViewerReading(room, 0, visitors, utc(at), "idle")
            smooth = self.profile.concurrent(at - r.started)
            viewers = max(0, min(visitors, int(round(smooth * (1.0 + self._noise(room, at - int(r.started)))))))
            return ViewerReading(room, viewers, visitors, utc(at), "live")

    # --- products ---------------------------------------------------------------------------
    def products(self) -> list[StockedProduct]:
        with self._lock:
            self._advance(self.sim_ts())
            return [StockedProduct(p, self._stock[p.sku]) for p in self.catalog]

    def stock(self, sku: str) -> int | None:
        with self._lock:
            self._advance(self.sim_ts())
            return self._stock[sku]

    # --- orders -----------------------------------------------------------------------------
    def orders_page(
        self, since: float, until: float, after: tuple[int, str] | None = None, limit: int = 100
    ) -> tuple[list[Order], bool]:
        """Orders with ``since <= created_at < until`` that exist now, sorted by (created_at, id),
        after the key ``after``; at most ``limit``. Returns (orders, more_remain)."""
        with self._lock:
            self._advance(self.sim_ts())
            lo = bisect.bisect_left(self._keys, (math.ceil(since), ""))
            if after is not None:
                lo = max(lo, bisect.bisect_right(self._keys, after))
            hi = bisect.bisect_left(self._keys, (math.ceil(until), ""))
            page = self._orders[lo:min(hi, lo + max(1, limit))]
            return page, lo + len(page) < hi

    def all_orders(self) -> list[Order]:
        """Every order that exists now (history and live), sorted."""
        with self._lock:
            self._advance(self.sim_ts())
            return list(self._orders)

    # --- generation -------------------------------------------------------------------------
    def _day_level(self, day: date) -> float:
        level = self._day_levels.get(day)
        if level is None:
            base = self.store.weekend_orders if day.weekday() >= 5 else self.store.weekday_orders
            v = self.store.day_variation
            level = base * random.Random(f"curator-sim/{self.seed}/day/{day.isoformat()}").uniform(1 - v, 1 + v)
            self._day_levels[day] = level
        return level

    def _local(self, ts: float) -> datetime:
        return utc(ts) + timedelta(hours=self.store.utc_offset_hours)

    def _background_rate(self, ts: float) -> float:
        """Ordinary store orders per second at ``ts``."""
        local = self._local(ts)
        return self._day_level(local.date()) * self.store.hour_weights[local.hour] / 3600.0

    def _pick(self, rng: random.Random, skus: list[str], cumulative: list[float]) -> str:
        return skus[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]

    def _append_history(self) -> None:
        end = self.start_ts
        begin = end - self.history_days * 86400
        offset = int(self.store.utc_offset_hours * 3600)
        products = self._sellable
        if not products:
            return
        skus = [p.sku for p in products]
        cumulative: list[float] = []
        total = 0.0
        for s in skus:
            total += self._weight[s]
            cumulative.append(total)
        day = (utc(begin) + timedelta(seconds=offset)).date()
        last = (utc(end) + timedelta(seconds=offset)).date()
        history: list[Order] = []
        while day <= last:
            rng = random.Random(f"curator-sim/{self.seed}/history/{day.isoformat()}")
            day_start = int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()) - offset
            level = self._day_level(day)
            drawn: list[tuple[int, str, int]] = []
            for hour, weight in enumerate(self.store.hour_weights):
                for _ in range(poisson(rng, level * weight)):
                    ts = day_start + hour * 3600 + rng.randrange(3600)
                    sku = self._pick(rng, skus, cumulative)
                    qty = 1 if rng.random() < 0.85 else 2
                    drawn.append((ts, sku, qty))
            drawn.sort(key=lambda d: d[0])
            for n, (ts, sku, qty) in enumerate(drawn, start=1):
                if begin <= ts < end:
                    p = self.catalog.by_sku[sku]
                    history.append(
                        Order(f"{self._run_tag}-H{day:%Y%m%d}-{n:04d}", ts,
                              (OrderLine(sku, qty, p.price, p.currency),))  # type: ignore[arg-type]
                    )
            day += timedelta(days=1)
        history.sort(key=lambda o: o.key)
        self._orders.extend(history)
        self._keys.extend(o.key for o in history)

    def _advance(self, now: float) -> None:
        """Generate every bucket that is complete at ``now``."""
        complete = int((now - self.start_ts) // self.bucket_seconds)
        while self._next_bucket < complete:
            self._generate(self._next_bucket)
            self._next_bucket += 1

    def _live_rates(self, r: _RoomState, mid: float) -> dict[str, float]:
        viewers = self._smooth_viewers(r, mid)
        if viewers <= 0:
            return {}
        conversion = self.store.orders_per_1000_visitors / 1000.0 / (self.profile.mean_watch_minutes * 60.0)
        total = viewers * conversion * self.bucket_seconds  # expected live orders in this bucket
        on_show = set(r.on_show)
        linked = [p for p in self._sellable if on_show.intersection(p.object_numbers)] if on_show else []
        share = self.store.on_show_share if linked else 0.0
        linked_weight = sum(self._weight[p.sku] for p in linked) or 1.0
        linked_skus = {p.sku for p in linked}
        rates: dict[str, float] = {}
        for p in self._sellable:
            w = self._weight[p.sku]
            rate = total * (1.0 - share) * w / self._weight_total
            if p.sku in linked_skus:
                rate += total * share * w / linked_weight
            if p.sku in r.featured:
                rate *= self.store.feature_boost
            rates[p.sku] = rate
        return rates

    def _generate(self, k: int) -> None:
        b0 = self.start_ts + k * self.bucket_seconds
        b1 = b0 + self.bucket_seconds
        mid = b0 + self.bucket_seconds / 2.0
        while self._events_applied < len(self._events) and self._events[self._events_applied][0] < b1:
            at, kind, room, value = self._events[self._events_applied]
            self._rooms_gen[room].apply(at, kind, value)
            self._events_applied += 1

        background = self._background_rate(mid) * self.bucket_seconds
        rates: dict[str, float] = {}
        for sku in self._weight:
            if self._stock[sku] != 0:
                rates[sku] = background * self._weight[sku] / self._weight_total
        for rid in sorted(self._rooms_gen):
            for sku, rate in self._live_rates(self._rooms_gen[rid], mid).items():
                if sku in rates:
                    rates[sku] += rate
        if not rates:
            return
        skus = list(rates)
        cumulative: list[float] = []
        total = 0.0
        for s in skus:
            total += rates[s]
            cumulative.append(total)
        rng = random.Random(f"curator-sim/{self.seed}/bucket/{k}")
        drawn: list[tuple[int, list[tuple[str, int]]]] = []
        for _ in range(poisson(rng, total)):
            ts = b0 + rng.randrange(self.bucket_seconds)
            wanted = [self._pick(rng, skus, cumulative)]
            if rng.random() < self.store.second_line_probability:
                other = self._pick(rng, skus, cumulative)
                if other != wanted[0]:
                    wanted.append(other)
            lines = []
            for sku in wanted:
                qty = 1 if rng.random() < 0.8 else rng.randint(2, 3)
                lines.append((sku, qty))
            drawn.append((ts, lines))
        drawn.sort(key=lambda d: d[0])  # stable: equal times keep their draw order
        n = 0
        for ts, wanted_lines in drawn:
            lines = []
            for sku, qty in wanted_lines:
                stock = self._stock[sku]
                if stock is not None:
                    qty = min(qty, stock)
                    if qty <= 0:
                        continue
                    self._stock[sku] = stock - qty
                p = self.catalog.by_sku[sku]
                lines.append(OrderLine(sku, qty, p.price, p.currency))  # type: ignore[arg-type]
            if not lines:
                continue
            n += 1
            # Five digits: ids must sort as they were drawn (a cursor resumes after (ts, id)); with
            # two, a bucket of 100+ orders put "-100" before "-99" and paging skipped orders.
            order = Order(f"{self._live_prefix}-{k:07d}-{n:05d}", ts, tuple(lines))
            self._orders.append(order)
            self._keys.append(order.key)

    # --- description ------------------------------------------------------------------------
    def describe(self) -> dict[str, Any]:
        """Figures for the status endpoint and logs."""
        with self._lock:
            return {
                "seed": self.seed,
                "speed": self.speed,
                "start": utc(self.start_ts).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "now": utc(int(self.sim_ts())).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "session_minutes": self.profile.session_minutes,
                "peak_viewers": round(self.profile.peak),
                "target_visitors": self.profile.target_visitors,
                "products": len(self.catalog),
                "orders": len(self._orders),
            }
