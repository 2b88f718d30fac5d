"""Live sessions as records: start one from a tour (the tour frozen into it), find the unfinished
ones a crash left, give one up, and the figures ``session list`` / ``session show`` print.

The running of a session (clocks, polling, featuring) is ``services/live_engine.py``; its events
are written by ``services/live_writer.py``. See docs/live.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select

from curator_console.domain.live_view import (
    EVENT_TYPES,
    ORDER_RECEIVED,
    SESSION_STARTED,
    LiveObject,
    LiveProduct,
    LiveSegment,
)
from curator_console.domain.records import SessionRow
from curator_console.domain.tour_plan import CUE_OBS_SCENE, CUE_TEXT
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork

SNAPSHOT_FORMAT = 2
SIMULATOR_CONNECTION = "Built-in simulator"  # the same name the demo museum gives it
SIMULATOR_ROOM = "r1"
UNFINISHED = ("running", "paused")


class LiveSessionError(ValueError):
    """A session cannot be started or changed as asked; the message says why in plain words."""


# --- the frozen tour ------------------------------------------------------------------------------


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def freeze_tour(tour: m.Tour) -> dict[str, Any]:
    """Everything the live console shows of a tour, as JSON-ready values. Stored in
    ``live_session.tour_snapshot`` at the start, so later edits of the tour never rewrite history."""
    segments = []
    for seg in tour.segments:
        objects = []
        for si in seg.items:
            item = si.item
            sha = next((img.sha256 for img in item.images if img.sha256), "")
            objects.append({"object_number": item.object_number, "title": item.title or "", "image_sha256": sha})
        products = []
        for sp in seg.products:
            p = sp.product
            products.append({
                "sku": p.sku, "title": p.title or "", "price": _money(p.price), "live_price": _money(sp.live_price),
                "currency": p.currency or "", "stock": p.stock, "pitch": sp.pitch or "",
                "auto_feature": bool(sp.auto_feature),
            })
        segments.append({
            "title": seg.title or "", "planned_seconds": int(seg.planned_seconds or 0), "script": seg.script or "",
            "script_alt": seg.script_alt or "", "objects": objects, "products": products,
            "cues": [{"kind": c.kind or CUE_TEXT, "text": c.text or ""} for c in seg.cues],
        })
    return {
        "format": SNAPSHOT_FORMAT, "tour_id": tour.id, "title": tour.title, "host": tour.host or "",
        "language": tour.language or "", "slot_seconds": tour.slot_seconds,
        "planned_start": tour.planned_start.isoformat() if tour.planned_start else None,
        "segments": segments,
    }


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def snapshot_segments(snapshot: Mapping[str, Any]) -> tuple[LiveSegment, ...]:
    """The frozen tour's segments as the console shows them. Reads this module's snapshots and the
    older, thinner shape (object numbers, cue texts, "OBS:" prefixes) the demo's sessions carry."""
    result = []
    for index, seg in enumerate(snapshot.get("segments") or ()):
        if not isinstance(seg, Mapping):
            continue
        objects = []
        for o in seg.get("objects") or ():
            if isinstance(o, Mapping):
                objects.append(LiveObject(str(o.get("object_number") or ""), str(o.get("title") or ""),
                                          str(o.get("image_sha256") or "")))
            else:
                objects.append(LiveObject(str(o), ""))
        products = []
        for n, p in enumerate(x for x in (seg.get("products") or ()) if isinstance(x, Mapping)):
            live_price = _decimal(p.get("live_price"))
            price = live_price if live_price is not None else _decimal(p.get("price"))
            stock = p.get("stock")
            products.append(LiveProduct(
                sku=str(p.get("sku") or ""), title=str(p.get("title") or ""), price=price,
                currency=str(p.get("currency") or ""), stock=stock if isinstance(stock, int) else None,
                pitch=str(p.get("pitch") or ""), auto_feature=bool(p.get("auto_feature")),
                hotkey=n + 1 if n < 9 else None,
            ))
        cues = []
        for c in seg.get("cues") or ():
            if isinstance(c, Mapping):
                kind, text = str(c.get("kind") or CUE_TEXT), str(c.get("text") or "")
                cues.append(f"OBS: {text}" if kind == CUE_OBS_SCENE else text)
            else:
                cues.append(str(c))
        planned = seg.get("planned_seconds")
        result.append(LiveSegment(
            index=index, title=str(seg.get("title") or ""), planned_seconds=planned if isinstance(planned, int) else 0,
            script=str(seg.get("script") or ""), script_alt=str(seg.get("script_alt") or ""),
            objects=tuple(objects), products=tuple(products), cues=tuple(cues),
        ))
    return tuple(result)


def snapshot_scene_cues(snapshot: Mapping[str, Any]) -> tuple[str, ...]:
    """Per segment, the OBS scene its first scene cue switches to ("" when it has none)."""
    scenes = []
    for seg in snapshot.get("segments") or ():
        scene = ""
        for c in (seg.get("cues") or ()) if isinstance(seg, Mapping) else ():
            if isinstance(c, Mapping) and c.get("kind") == CUE_OBS_SCENE and str(c.get("text") or "").strip():
                scene = str(c["text"]).strip()
                break
            if isinstance(c, str) and c.startswith("OBS:") and c[4:].strip():
                scene = c[4:].strip()
                break
        scenes.append(scene)
    return tuple(scenes)


# --- starting, resuming, giving up ----------------------------------------------------------------


def _simulator_connection(uow: UnitOfWork) -> m.Connection:
    c = uow.repos.connections.by_name(SIMULATOR_CONNECTION)
    if c is not None:
        return c
    c = next((x for x in uow.repos.connections.all() if x.platform == "simulator" and not (x.base_url or "").strip()),
             None)
    if c is not None:
        return c
    c = m.Connection(name=SIMULATOR_CONNECTION, platform="simulator", base_url="", room=SIMULATOR_ROOM)
    uow.repos.connections.add(c)
    uow.session.flush()
    return c


def start_session(uow: UnitOfWork, tour_id: int, connection: str | None = None, *,
                  now: datetime | None = None) -> int:
    """Start a session of a tour on a connection (None: the built-in simulator, created when the
    database has none). The tour is frozen into the session; the simulator makes it a rehearsal,
    any other connection a live session. Writes ``session_started``; returns the session's id."""
    now = now or datetime.now(timezone.utc)
    with uow:
        tour = uow.repos.tours.whole(tour_id)
        if tour is None:
            raise LiveSessionError("This tour no longer exists; it may have been deleted.")
        if not tour.segments:
            raise LiveSessionError(f"“{tour.title}” has no segments yet; add one before going live.")
        if connection is None:
            conn = _simulator_connection(uow)
        else:
            conn = uow.repos.connections.by_name(connection)
            if conn is None:
                raise LiveSessionError(f"There is no connection named “{connection}”.")
            if conn.platform == "obs":
                raise LiveSessionError(f"“{connection}” is an OBS connection; a session needs a live room or a store.")
        mode = "rehearsal" if conn.platform == "simulator" else "live"
        live = m.LiveSession(
            tour_id=tour.id, connection_id=conn.id, title=f"{tour.title} — {now:%Y-%m-%d %H:%M} UTC",
            tour_snapshot=freeze_tour(tour), mode=mode, status="running",
            room=(conn.room or "").strip() or (SIMULATOR_ROOM if conn.platform == "simulator" else ""),
            started_at=now,
        )
        uow.repos.sessions.add(live)
        uow.session.flush()
        uow.session.add(m.SessionEvent(session_id=live.id, type=SESSION_STARTED, at=now,
                                       payload={"mode": mode, "connection": conn.name, "tour_id": tour.id}))
        uow.commit()
        return live.id


def _session_row(uow: UnitOfWork, s: m.LiveSession, peak: int) -> SessionRow:
    totals = _totals(uow, s)
    return SessionRow(
        id=s.id, title=s.title, tour_title=_tour_title(s), mode=s.mode, status=s.status, started_at=s.started_at,
        ended_at=s.ended_at, connection_name=s.connection.name if s.connection else "", peak_viewers=peak,
        orders=totals.orders, units=totals.units, revenue=totals.revenue, currency=totals.currency or "CNY",
    )


def unfinished_sessions(uow: UnitOfWork) -> list[SessionRow]:
    """Sessions still running or paused — what a crash or a killed process leaves — newest first."""
    with uow:
        rows = [s for s in uow.repos.sessions.all() if s.status in UNFINISHED]
        peaks = uow.repos.sessions.peak_viewers([s.id for s in rows])
        return [_session_row(uow, s, peaks.get(s.id, 0)) for s in rows]


def abandon_session(uow: UnitOfWork, session_id: int, *, now: datetime | None = None) -> None:
    """The operator declines to resume: the session is closed as "abandoned" (its events stay)."""
    now = now or datetime.now(timezone.utc)
    with uow:
        s = uow.session.get(m.LiveSession, session_id)
        if s is None:
            raise LiveSessionError(f"There is no session {session_id}.")
        if s.status not in UNFINISHED:
            raise LiveSessionError(f"Session {session_id} is already {s.status}.")
        s.status = "abandoned"
        s.ended_at = now
        uow.commit()


def session_info(uow: UnitOfWork, session_id: int) -> dict[str, Any]:
    """What the engine needs to run a session: its row's values and the frozen tour."""
    with uow:
        s = uow.session.get(m.LiveSession, session_id)
        if s is None:
            raise LiveSessionError(f"There is no session {session_id}.")
        return {
            "id": s.id, "title": s.title, "mode": s.mode, "status": s.status, "room": s.room,
            "started_at": s.started_at, "ended_at": s.ended_at, "snapshot": dict(s.tour_snapshot or {}),
            "connection_id": s.connection_id, "connection": s.connection.name if s.connection else "",
            "platform": s.connection.platform if s.connection else "",
        }


# --- figures for the command line -----------------------------------------------------------------


class _Totals:
    def __init__(self) -> None:
        self.orders = 0
        self.units = 0
        self.revenue = Decimal(0)
        self.currency = ""


def _tour_title(s: m.LiveSession) -> str:
    return s.tour.title if s.tour is not None else str((s.tour_snapshot or {}).get("title") or s.title)


def received_order_ids(uow: UnitOfWork, session_id: int) -> list[str]:
    """The platform order ids of the session's ``order_received`` events, in log order."""
    q = (select(m.SessionEvent.payload).where(m.SessionEvent.session_id == session_id,
                                              m.SessionEvent.type == ORDER_RECEIVED)
         .order_by(m.SessionEvent.id))
    return [str(p.get("platform_order_id")) for p in uow.session.scalars(q) if isinstance(p, dict)
            and p.get("platform_order_id")]


def _totals(uow: UnitOfWork, s: m.LiveSession) -> _Totals:
    """The session's orders: those it received (its ``order_received`` events, looked up in the
    order tables). A session recorded without such events (the demo's, or one imported) counts the
    orders placed between its start and its end (or now), as the Review workspace does."""
    t = _Totals()
    ids = received_order_ids(uow, s.id)
    if ids and s.connection_id is not None:
        seen: set[str] = set()
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            q = (select(m.Order.platform_order_id, m.OrderLine.quantity, m.OrderLine.unit_price, m.OrderLine.currency)
                 .join(m.OrderLine, m.OrderLine.order_id == m.Order.id)
                 .where(m.Order.connection_id == s.connection_id, m.Order.platform_order_id.in_(chunk)))
            for order_id, qty, price, cur in uow.session.execute(q):
                seen.add(order_id)
                t.units += qty
                t.revenue += qty * price
                t.currency = t.currency or cur
        t.orders = len(seen)
    elif s.started_at is not None and not ids:
        end = s.ended_at or datetime.now(timezone.utc)
        seen = set()
        for order_id, qty, price, cur, _sku in uow.repos.sessions.order_lines_between(s.started_at, end):
            seen.add(order_id)
            t.units += qty
            t.revenue += qty * price
            t.currency = t.currency or cur
        t.orders = len(seen)
    return t


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def money_text(amount: Decimal) -> str:
    """A decimal string with at least two decimals and no trailing zeros beyond them."""
    normal = amount.normalize()
    if normal.as_tuple().exponent > -2:  # type: ignore[operator]
        normal = normal.quantize(Decimal("0.01"))
    return f"{normal:f}"


def _summary(s: m.LiveSession) -> dict[str, Any]:
    return {"id": s.id, "tour": _tour_title(s), "mode": s.mode, "status": s.status,
            "started_at": _iso(s.started_at), "ended_at": _iso(s.ended_at)}


def list_sessions_json(uow: UnitOfWork) -> list[dict[str, Any]]:
    """Every session, newest first: ``id``, ``tour``, ``mode``, ``status``, ``started_at``, ``ended_at``
    (ISO 8601 UTC) plus ``title`` and ``connection``."""
    with uow:
        return [{**_summary(s), "title": s.title, "connection": s.connection.name if s.connection else ""}
                for s in uow.repos.sessions.all()]


def session_detail_json(uow: UnitOfWork, session_id: int) -> dict[str, Any]:
    """One session: the summary keys plus ``events`` (a count per event type, every known type
    listed), ``orders``, ``units``, ``revenue`` (decimal string), ``currency`` and ``viewer_samples``."""
    with uow:
        s = uow.session.get(m.LiveSession, session_id)
        if s is None:
            raise LiveSessionError(f"There is no session {session_id}.")
        counts = dict.fromkeys(EVENT_TYPES, 0)
        q = (select(m.SessionEvent.type, func.count()).where(m.SessionEvent.session_id == s.id)
             .group_by(m.SessionEvent.type))
        for kind, n in uow.session.execute(q):
            counts[kind] = int(n)
        samples = uow.session.scalar(select(func.count()).select_from(m.ViewerSample)
                                     .where(m.ViewerSample.session_id == s.id)) or 0
        peak = uow.repos.sessions.peak_viewers([s.id]).get(s.id, 0)
        totals = _totals(uow, s)
        return {
            **_summary(s), "title": s.title, "connection": s.connection.name if s.connection else "",
            "events": counts, "orders": totals.orders, "units": totals.units, "revenue": money_text(totals.revenue),
            "currency": totals.currency or "", "viewer_samples": int(samples), "peak_viewers": peak,
        }

