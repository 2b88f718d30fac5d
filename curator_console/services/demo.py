"""The demo museum: seeds a database from ``resources/demo/*.json``.

Objects, products and tours come from the JSON files as written. The three past sessions are
played out from their parameters (peak viewers, length, conversion) with a fixed random seed, so
every demo database holds the same viewer samples, session events and orders, placed relative to
the day the demo was created; thirty days of ordinary store orders before them give the Review
workspace its baselines.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from curator_console.domain.sampling import poisson
from curator_console.domain.money import parse_amount
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork

SEED = 20200308
SIMULATOR_CONNECTION = "Built-in simulator"
VIEWER_SAMPLE_SECONDS = 30


class DemoDataError(ValueError):
    """The demo files are inconsistent; the message names the file and record."""


@dataclass(frozen=True)
class DemoSummary:
    objects: int
    products: int
    tours: int
    sessions: int
    orders: int


def _load(folder: Path, name: str):
    path = folder / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DemoDataError(f"demo file missing: {path}") from None
    except json.JSONDecodeError as exc:
        raise DemoDataError(f"{path}: line {exc.lineno}: {exc.msg}") from None


def seed_demo(uow: UnitOfWork, folder: Path, now: datetime | None = None) -> DemoSummary:
    """Fill an empty database with the demo museum. Runs in one transaction."""
    now = now or datetime.now(timezone.utc)
    museum_data = _load(folder, "museum.json")
    objects = _load(folder, "objects.json")
    products = _load(folder, "products.json")
    tours = _load(folder, "tours.json")
    sessions = _load(folder, "sessions.json")
    rng = random.Random(SEED)
    tz = ZoneInfo(museum_data.get("timezone", "UTC"))

    with uow:
        s = uow.session
        if uow.repos.museums.first() is not None:
            raise DemoDataError("the database already holds a museum; the demo is only seeded into an empty one")
        museum = m.Museum(
            code=museum_data["code"], name=museum_data["name"], alt_name=museum_data.get("alt_name", ""),
            city=museum_data.get("city", ""), timezone=museum_data.get("timezone", "UTC"),
            description=museum_data.get("description", ""), alt_description=museum_data.get("alt_description", ""),
        )
        s.add(museum)
        s.flush()
        items: dict[str, m.CollectionItem] = {}
        for n, o in enumerate(objects, start=1):
            number = o.get("object_number", "").strip()
            if not number or number in items:
                raise DemoDataError(f"objects.json record {n}: missing or repeated object_number {number!r}")
            item = m.CollectionItem(
                museum=museum, object_number=number, source="demo",
                **{k: o.get(k) or "" for k in (
                    "title", "alt_title", "maker", "culture", "period", "date_text", "medium", "dimensions",
                    "classification", "credit_line", "provenance", "description", "alt_description", "rights")},
                begin_year=o.get("begin_year"), end_year=o.get("end_year"),
            )
            item.tags = [m.ItemTag(tag=t, position=i) for i, t in enumerate(dict.fromkeys(o.get("tags", [])))]
            items[number] = item
            s.add(item)

        connection = m.Connection(name=SIMULATOR_CONNECTION, platform="simulator", base_url="", room="r1")
        s.add(connection)

        by_sku: dict[str, m.Product] = {}
        for n, p in enumerate(products, start=1):
            try:
                linked = [items[num] for num in p.get("objects", [])]
            except KeyError as exc:
                raise DemoDataError(f"products.json record {n}: unknown object {exc.args[0]}") from None
            product = m.Product(
                sku=p["sku"], title=p.get("title", ""), alt_title=p.get("alt_title", ""),
                price=parse_amount(p["price"]) if p.get("price") not in (None, "") else None,
                currency=p.get("currency", "CNY"), stock=p.get("stock"), status=p.get("status", "active"),
                url=p.get("url", ""), items=linked,
            )
            by_sku[product.sku] = product
            s.add(product)

        tour_rows: dict[str, m.Tour] = {}
        for n, t in enumerate(tours, start=1):
            hh, mm = (int(x) for x in t.get("planned_start_time", "19:30").split(":"))
            day = (now.astimezone(tz) + timedelta(days=int(t.get("planned_start_days_ahead", 3)))).date()
            tour = m.Tour(
                museum_id=museum.id, title=t["title"], host=t.get("host", ""), language=t.get("language", "zh_CN"),
                slot_seconds=int(t["slot_minutes"]) * 60 if t.get("slot_minutes") else None,
                planned_start=None if t.get("is_template") else datetime.combine(day, time(hh, mm), tz).astimezone(timezone.utc),
                status="draft", is_template=bool(t.get("is_template", False)),
            )
            for pos, seg in enumerate(t.get("segments", [])):
                segment = m.Segment(
                    position=pos, title=seg.get("title", ""), planned_seconds=int(seg.get("planned_seconds", 0)),
                    script=seg.get("script", ""), script_alt=seg.get("script_alt", ""),
                )
                for ipos, num in enumerate(seg.get("objects", [])):
                    if num not in items:
                        raise DemoDataError(f"tours.json tour {n} segment {pos + 1}: unknown object {num}")
                    segment.items.append(m.SegmentItem(item=items[num], position=ipos))
                for ppos, fp in enumerate(seg.get("products", [])):
                    if fp["sku"] not in by_sku:
                        raise DemoDataError(f"tours.json tour {n} segment {pos + 1}: unknown sku {fp['sku']}")
                    live = fp.get("live_price")
                    segment.products.append(
                        m.SegmentProduct(
                            product=by_sku[fp["sku"]], position=ppos, pitch=fp.get("pitch", ""),
                            live_price=parse_amount(live) if live not in (None, "") else None,
                            auto_feature=bool(fp.get("auto_feature", False)),
                        )
                    )
                for cpos, cue in enumerate(seg.get("cues", [])):
                    kind = "obs_scene" if cue.startswith("OBS:") else "text"
                    text = cue[4:].strip() if kind == "obs_scene" else cue
                    segment.cues.append(m.Cue(position=cpos, kind=kind, text=text))
                tour.segments.append(segment)
            tour_rows[tour.title] = tour
            s.add(tour)
        s.flush()

        from curator_console.persistence.search import SearchIndex

        SearchIndex(s).index_items(items.values())
        order_count = _history_orders(s, rng, connection, list(by_sku.values()), now, tz)
        for n, sd in enumerate(sessions, start=1):
            tour = tour_rows.get(sd["tour"])
            if tour is None:
                raise DemoDataError(f"sessions.json record {n}: unknown tour {sd['tour']!r}")
            order_count += _play_session(s, rng, connection, tour, sd, now, tz, by_sku)
        uow.commit()
        return DemoSummary(len(items), len(by_sku), len(tour_rows), len(sessions), order_count)


def open_demo_database(reset: bool = False):
    """The demo museum's own database (never the user's): created and seeded on first use, kept
    afterwards; ``reset`` deletes it first so it is seeded afresh."""
    from curator_console import paths
    from curator_console.services import database as dbs

    path = paths.demo_database_path()
    if reset:
        for suffix in ("", "-wal", "-shm", "-journal"):
            candidate = path.with_name(path.name + suffix)
            if candidate.exists():
                candidate.unlink()
    database = dbs.open_database(str(path))
    if dbs.is_empty(database):
        seed_demo(dbs.unit_of_work(database), paths.resources_dir() / "demo")
    return database


def tour_snapshot(tour: m.Tour) -> dict:
    """The tour as it stood when a session started (sessions keep it; later edits never rewrite it)."""
    return {
        "title": tour.title, "host": tour.host, "language": tour.language, "slot_seconds": tour.slot_seconds,
        "segments": [
            {
                "title": seg.title, "planned_seconds": seg.planned_seconds, "script": seg.script,
                "objects": [si.item.object_number for si in seg.items],
                "products": [
                    {"sku": sp.product.sku, "pitch": sp.pitch, "auto_feature": sp.auto_feature,
                     "live_price": str(sp.live_price) if sp.live_price is not None else None}
                    for sp in seg.products
                ],
                "cues": [c.text for c in seg.cues],
            }
            for seg in tour.segments
        ],
    }


def _store_weights(products: list[m.Product]) -> list[float]:
    # Cheaper products sell more often.
    return [1.0 / math.sqrt(float(p.price or 50)) for p in products]


def _add_order(s, connection, order_id: str, at: datetime, lines: list[tuple[m.Product, int, Decimal]]) -> None:
    order = m.Order(connection_id=connection.id, platform_order_id=order_id, created_at=at, currency="CNY")
    for no, (product, qty, price) in enumerate(lines, start=1):
        order.lines.append(
            m.OrderLine(line_no=no, sku=product.sku, product_id=product.id, quantity=qty, unit_price=price, currency="CNY")
        )
    s.add(order)


def _history_orders(s, rng: random.Random, connection, products, now: datetime, tz: ZoneInfo) -> int:
    """Thirty days of ordinary trade before today: 15–40 orders a day, mostly in the afternoon and evening."""
    sellable = [p for p in products if p.status == "active" and p.price is not None]
    weights = _store_weights(sellable)
    today = now.astimezone(tz).date()
    count = 0
    for back in range(30, 0, -1):
        day: date = today - timedelta(days=back)
        weekend = day.weekday() >= 5
        n = rng.randint(22, 40) if weekend else rng.randint(15, 30)
        for k in range(n):
            hour = min(23, max(8, int(rng.gauss(17, 3.5))))
            at = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), tz).astimezone(timezone.utc)
            product = rng.choices(sellable, weights)[0]
            qty = 1 if rng.random() < 0.85 else 2
            _add_order(s, connection, f"H{day:%Y%m%d}-{k:03d}", at, [(product, qty, product.price)])
            count += 1
    return count


def viewer_curve(minute: float, duration: float, peak: int) -> float:
    """Concurrent viewers: a quick ramp over the first ~15%, a plateau, then decay towards the end."""
    x = minute / duration
    ramp = 1 - math.exp(-x / 0.08)
    decay = 1.0 if x < 0.7 else math.exp(-(x - 0.7) / 0.25)
    return peak * ramp * decay


def _play_session(s, rng, connection, tour: m.Tour, sd: dict, now: datetime, tz: ZoneInfo, by_sku) -> int:
    hh, mm = (int(x) for x in sd.get("start_time", "19:30").split(":"))
    day = now.astimezone(tz).date() - timedelta(days=int(sd["days_ago"]))
    start = datetime.combine(day, time(hh, mm), tz).astimezone(timezone.utc)
    duration_min = float(sd["duration_minutes"])
    end = start + timedelta(minutes=duration_min)
    peak = int(sd["peak_viewers"])
    live = m.LiveSession(
        tour_id=tour.id, connection_id=connection.id, title=f"{tour.title} — {day.isoformat()}",
        tour_snapshot=tour_snapshot(tour), mode=sd.get("mode", "live"), status="ended", room="r1",
        started_at=start, ended_at=end,
    )
    s.add(live)
    s.flush()

    def event(kind: str, at: datetime, **payload) -> None:
        s.add(m.SessionEvent(session_id=live.id, type=kind, at=at, payload=payload))

    event("session_started", start, mode=live.mode)
    # Segments, stretched to the session's real length; auto-feature products featured in them.
    planned_total = sum(seg.planned_seconds for seg in tour.segments) or 1
    scale = duration_min * 60 / planned_total
    featured: list[tuple[datetime, datetime, m.Product]] = []
    t = start
    for i, seg in enumerate(tour.segments):
        seg_end = t + timedelta(seconds=seg.planned_seconds * scale)
        event("segment_started", t, index=i, title=seg.title)
        for sp in seg.products:
            if sp.auto_feature or rng.random() < 0.5:
                f_start = t + timedelta(seconds=rng.uniform(20, 90))
                f_end = min(seg_end, f_start + timedelta(minutes=rng.uniform(4, 9)))
                if f_end > f_start:
                    event("product_featured", f_start, sku=sp.product.sku)
                    event("product_unfeatured", f_end, sku=sp.product.sku)
                    featured.append((f_start, f_end, sp.product))
        event("segment_ended", seg_end, index=i, title=seg.title)
        t = seg_end
    for marker in sd.get("markers", []):
        event("marker", start + timedelta(minutes=float(marker["minute"])), text=marker.get("text", ""))
    event("session_ended", end)

    # Viewer samples every 30 s.
    steps = int(duration_min * 60 // VIEWER_SAMPLE_SECONDS) + 1
    for k in range(steps):
        at = start + timedelta(seconds=k * VIEWER_SAMPLE_SECONDS)
        v = viewer_curve(k * VIEWER_SAMPLE_SECONDS / 60, duration_min, peak) * rng.uniform(0.96, 1.04)
        s.add(m.ViewerSample(session_id=live.id, at=at, viewers=max(0, int(v))))

    # Orders: a rate that follows the viewers, three times higher for a featured product.
    products = [p for p in by_sku.values() if p.status == "active" and p.price is not None]
    weights = _store_weights(products)
    per_minute_per_viewer = float(sd.get("orders_per_1000_viewers", 5.0)) / 1000 / (duration_min * 0.6)
    count = 0
    minute = 0.0
    while minute < duration_min:
        at = start + timedelta(minutes=minute)
        rate = viewer_curve(minute + 0.5, duration_min, peak) * per_minute_per_viewer
        on_air = [p for (a, b, p) in featured if a <= at < b]
        n = poisson(rng, rate * (1.6 if on_air else 1.0))
        for _ in range(n):
            when = at + timedelta(seconds=rng.uniform(0, 60))
            if on_air and rng.random() < 0.6:
                product = rng.choice(on_air)
            else:
                product = rng.choices(products, weights)[0]
            qty = 1 if rng.random() < 0.8 else rng.randint(2, 3)
            count += 1
            _add_order(s, connection, f"L{live.id}-{count:05d}", when, [(product, qty, product.price)])
        minute += 1
    return count


