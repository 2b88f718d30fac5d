"""The live session engine: runs a session, records every event, polls the platform, survives
faults and picks a crashed session up again. Design and event payloads: docs/live.md.

Threads (all daemons; the caller's thread — the GUI — never waits for the database or network):

- **worker**: owns the session state. Commands (``next_segment()``, ``feature()`` …) and results
  of the other threads arrive on its inbox; it applies them, hands events to the ``EventWriter``,
  runs the autopilot, and publishes an immutable ``LiveView`` that ``view()`` returns (O(1): the
  running clocks are extrapolated from the published frame).
- **viewers poller** and **orders poller**: one each, a loop that never overlaps itself, paced by
  the platform (its poll interval, divided by the simulator's speed), with exponential backoff
  and jitter on failure (a 429's Retry-After is honoured).
- **actions**: feature / unfeature / on-show calls to the platform; **obs**: scene switches.
  A hanging OBS or platform call delays nothing else.
- the **writer** (``live_writer.EventWriter``) commits events as they come.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from curator_console.connectors.errors import (
    NotAuthorisedError,
    PlatformError,
    PlatformUnavailableError,
    RateLimitedError,
)
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.connectors.registry import connect, platform_type
from curator_console.domain.live_clock import ClockState, autopilot_due, clock_state, planned_offset
from curator_console.domain.live_view import (
    CONNECTED,
    CONNECTION_STATUS,
    MARKER,
    OFFLINE,
    ORDER_RECEIVED,
    PRODUCT_FEATURED,
    PRODUCT_UNFEATURED,
    RETRYING,
    SEGMENT_ENDED,
    SEGMENT_STARTED,
    SESSION_ENDED,
    SESSION_PAUSED,
    SESSION_RESUMED,
    SESSION_STARTED,
    ConnectionState,
    LiveSegment,
    LiveView,
    VIEWER_SAMPLE,
    TickerOrder,
)
from curator_console.domain.platform import Capability, OrderInfo
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import live_sessions
from curator_console.services.live_writer import EventWriter, parse_time

log = logging.getLogger(__name__)

CLOCK_TYPES = (SESSION_STARTED, SESSION_PAUSED, SESSION_RESUMED, SESSION_ENDED, SEGMENT_STARTED, SEGMENT_ENDED,
               PRODUCT_FEATURED, PRODUCT_UNFEATURED)
MAX_SERIES_POINTS = 2000  # the sparkline's points (thinned by halves beyond this)
TICKER_ORDERS = 30
ORDER_CHUNK = 200  # orders handed to the worker at a time while a poll pages through a burst
BASE_POLL_SECONDS = 2.0
_TRANSIENT = (PlatformUnavailableError, RateLimitedError)  # worth doing again when the platform is back
MIN_POLL_SECONDS = 0.1


def _now() -> datetime:
    return datetime.now(timezone.utc)


class PlatformClock:
    """The platform's own clock (the simulator's runs ``speed`` times faster than ours), anchored
    on the time stamp of its latest viewer count; ``rate`` platform seconds pass per real second."""

    def __init__(self, rate: float = 1.0) -> None:
        self.rate = rate
        self._anchor: tuple[float, float] | None = None  # (platform epoch seconds, monotonic)
        self._lock = threading.Lock()

    @property
    def anchored(self) -> bool:
        return self._anchor is not None

    def observe(self, at: datetime) -> None:
        with self._lock:
            self._anchor = (at.timestamp(), time.monotonic())

    def observe_wall(self) -> None:
        self.observe(_now())

    def now(self) -> datetime:
        with self._lock:
            anchor = self._anchor
        if anchor is None:
            return _now()
        ts, mono = anchor
        return datetime.fromtimestamp(ts + (time.monotonic() - mono) * self.rate, timezone.utc)

    def at_wall(self, moment: datetime) -> datetime:
        """The platform's time at a moment of ours."""
        return self.now() - timedelta(seconds=(_now() - moment).total_seconds() * self.rate)


class _Health:
    """One concern's view of the platform: ok, or failing since when, retrying in how long."""

    __slots__ = ("ok", "since", "detail", "retry_in", "fatal")

    def __init__(self) -> None:
        self.ok: bool | None = None
        self.since: datetime | None = None
        self.detail = ""
        self.retry_in: float | None = None
        self.fatal = False


class _Series:
    """Viewer counts for the sparkline: at most ``limit`` points, thinned by halves (bounded memory)."""

    def __init__(self, limit: int = MAX_SERIES_POINTS) -> None:
        self.limit = limit
        self.points: list[tuple[float, int]] = []
        self.stride = 1
        self._count = 0
        self._tuple: tuple[tuple[float, int], ...] = ()
        self._dirty = False

    def add(self, seconds: float, viewers: int) -> None:
        keep = self._count % self.stride == 0
        self._count += 1
        if not keep:
            return
        self.points.append((round(seconds, 3), viewers))
        if len(self.points) > self.limit:
            self.points = self.points[::2]
            self.stride *= 2
        self._dirty = True

    def as_tuple(self) -> tuple[tuple[float, int], ...]:
        if self._dirty:
            self._tuple = tuple(self.points)
            self._dirty = False
        return self._tuple


class LiveEngine:
    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        client: HttpClient,
        session_id: int,
        *,
        autopilot: bool = False,
        speed: float = 1.0,
        media=None,
        poll_seconds: float | None = None,
        backoff_base: float = 1.0,
        backoff_max: float = 30.0,
        poll_timeout: float = 10.0,
        order_overlap_seconds: float = 60.0,
        offline_after: float = 60.0,
        final_poll_timeout: float = 15.0,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._uow_factory = uow_factory
        self._client = client
        self.session_id = session_id
        self.speed = float(speed)
        self._autopilot = bool(autopilot)
        self._media = media  # optional MediaStore: object images missing from it are not offered to the console
        self._poll_seconds = poll_seconds
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._poll_timeout = poll_timeout
        self._overlap = order_overlap_seconds
        self._offline_after = offline_after
        self._final_poll_timeout = final_poll_timeout
        self._rng = random.Random()

        self._inbox: queue.Queue = queue.Queue()
        self._actions: queue.Queue = queue.Queue()
        self._obs_queue: queue.Queue = queue.Queue()
        self._stop = threading.Event()  # close(): every thread
        self._pollers_stop = threading.Event()  # the session ended: pollers only
        self._orders_wake = threading.Event()
        self._final_requested = False
        self._threads: list[threading.Thread] = []
        self._started = False
        self._busy = 0  # messages taken but not yet handled, per queue (for wait_idle)
        self._busy_lock = threading.Lock()

        # --- state owned by the worker thread ------------------------------------------------
        self._writer: EventWriter | None = None
        self._info: dict[str, Any] = {}
        self._segments: tuple[LiveSegment, ...] = ()
        self._planned: list[int] = []
        self._scenes: tuple[str, ...] = ()
        self._clock_events: list[tuple[str, datetime, dict]] = []
        self._featured: dict[str, None] = {}
        self._pending: dict[str, bool] = {}  # sku -> wanted featured, while the platform call runs
        self._retry_actions: dict[str, bool] = {}
        self._auto_featured: set[str] = set()
        self._seen_orders: dict[str, datetime] = {}
        self._orders = 0
        self._units = 0
        self._revenue = Decimal(0)
        self._currency = ""
        self._ticker: deque[TickerOrder] = deque(maxlen=TICKER_ORDERS)
        self._minutes: dict[int, list] = {}  # minute -> [viewer sum, samples, orders]
        self._series = _Series()
        self._viewers: int | None = None
        self._markers = 0
        self._notice = ""
        self._health: dict[str, _Health] = {"viewers": _Health(), "orders": _Health(), "actions": _Health()}
        self._states: dict[str, ConnectionState] = {}
        self._ending_at: datetime | None = None
        self._ending_deadline = 0.0
        self._ended = False
        self._version = 0
        self._dirty = False  # the placeholder frame below is current until the session is loaded

        # --- platform (set up by the worker, used by pollers/actions) ------------------------
        self._connection_name = ""
        self._capabilities: frozenset = frozenset()
        self._poll_room = None  # connector on the no-retry client (pollers)
        self._action_room = None  # connector on the caller's client (feature calls)
        self._obs_name = ""
        self._pclock = PlatformClock()
        self._viewer_interval = BASE_POLL_SECONDS
        self._order_interval = BASE_POLL_SECONDS
        self.orders_since: datetime | None = None  # the platform-time window the orders poller covers
        self.orders_until: datetime | None = None
        self._watermark: datetime | None = None  # newest order created_at seen (platform time)

        placeholder = LiveView(session_id=session_id, title="", mode="", status="running",
                               session_elapsed_seconds=0.0, segment_index=None, segment_count=0,
                               segment_elapsed_seconds=0.0, drift_seconds=0.0, current=None, next=None, viewers=None,
                               autopilot=self._autopilot, ready=False, speed=self.speed)
        self._published: tuple[LiveView, float, ClockState | None] = (placeholder, time.monotonic(), None)

    # ============================================================================================
    # The caller's API: every method returns at once.
    # ============================================================================================
    def start(self, resume: bool = False) -> None:
        if self._started:
            raise RuntimeError("the engine is already started")
        self._started = True
        self._inbox.put(("load", resume))  # first in the queue: nothing is published before it
        self._spawn(self._worker, "live-worker")

    def next_segment(self) -> None:
        self._inbox.put(("cmd", "next", None))

    def previous_segment(self) -> None:
        self._inbox.put(("cmd", "previous", None))

    def feature(self, sku: str) -> None:
        self._inbox.put(("cmd", "feature", sku))

    def unfeature(self, sku: str) -> None:
        self._inbox.put(("cmd", "unfeature", sku))

    def feature_hotkey(self, n: int) -> None:
        self._inbox.put(("cmd", "hotkey", n))

    def add_marker(self, text: str = "") -> None:
        self._inbox.put(("cmd", "marker", (text, _now())))

    def pause(self) -> None:
        self._inbox.put(("cmd", "pause", None))

    def resume(self) -> None:
        self._inbox.put(("cmd", "resume", None))

    def end(self) -> None:
        self._inbox.put(("cmd", "end", None))

    def set_autopilot(self, on: bool) -> None:
        self._inbox.put(("cmd", "autopilot", bool(on)))

    def view(self) -> LiveView:
        """The newest frame (thread-safe, O(1)): the published one with its clocks run forward."""
        frame, published_at, clock = self._published
        if clock is None or clock.paused or clock.ended or not clock.started:
            return frame
        dt = time.monotonic() - published_at
        session = clock.session_elapsed_seconds + dt
        if clock.segment_index is None:
            return replace(frame, session_elapsed_seconds=session, drift_seconds=session)
        if clock.segment_ended:
            return replace(frame, session_elapsed_seconds=session,
                           drift_seconds=session - planned_offset(self._planned, clock.segment_index + 1))
        segment = clock.segment_elapsed_seconds + dt
        planned = self._planned[clock.segment_index] if clock.segment_index < len(self._planned) else 0
        drift = (clock.segment_started_at or 0.0) - planned_offset(self._planned, clock.segment_index) + max(
            0.0, segment - planned)
        return replace(frame, session_elapsed_seconds=session, segment_elapsed_seconds=segment, drift_seconds=drift)

    def wait_idle(self, timeout: float) -> bool:
        """For tests and shutdown: True once every queued command, action and event is handled and
        committed (polls in flight are not waited for)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._busy_lock:
                busy = self._busy
            ending = self._ending_at is not None and not self._ended
            if (busy == 0 and not ending and self._inbox.empty() and self._actions.empty()
                    and self._obs_queue.empty() and self._view_is_current()):
                writer = self._writer
                if writer is None or writer.flush(max(0.0, deadline - time.monotonic())):
                    with self._busy_lock:
                        if self._busy == 0 and self._inbox.empty():
                            return True
            self._stop.wait(0.01)
        return False

    def close(self, timeout: float = 3.0) -> None:
        """Stop every thread, committing what is queued first; blocks at most about ``timeout``
        seconds (a platform call in flight is not waited for: its thread is a daemon and its answer
        is dropped). The session is NOT ended: a closed-but-not-ended session is what a crash
        leaves, and can be resumed."""
        if not self._started or self._stop.is_set():
            self._stop.set()
            return
        deadline = time.monotonic() + timeout
        self.wait_idle(timeout / 2)
        self._stop.set()
        self._pollers_stop.set()
        self._orders_wake.set()
        self._inbox.put(("stop",))
        self._actions.put(None)
        self._obs_queue.put(None)
        for t in self._threads:
            t.join(timeout=max(0.0, deadline - time.monotonic()))
        if self._writer is not None:
            self._writer.close(timeout=max(1.0, deadline - time.monotonic()))
        for conn in (self._poll_room, self._action_room):
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing is best effort
                    pass

    # ============================================================================================
    # Threads
    # ============================================================================================
    def _spawn(self, target: Callable[..., None], name: str, *args: Any) -> None:
        t = threading.Thread(target=target, args=args, name=f"{name}-{self.session_id}", daemon=True)
        self._threads.append(t)
        t.start()

    def _post(self, message: tuple) -> None:
        self._inbox.put(message)

    def _view_is_current(self) -> bool:
        return not self._dirty

    def _worker(self) -> None:
        while not self._stop.is_set():
            timeout = 0.05 if (self._autopilot or self._ending_at is not None) else 0.5
            try:
                message = self._inbox.get(timeout=timeout)
            except queue.Empty:
                message = None
            with self._busy_lock:
                self._busy += 1
            try:
                batch = [message] if message is not None else []
                while len(batch) < 1000:
                    try:
                        batch.append(self._inbox.get_nowait())
                    except queue.Empty:
                        break
                for msg in batch:
                    try:
                        self._handle(msg)
                    except Exception as exc:  # noqa: BLE001 - a bug must not stop the session
                        log.exception("live engine: %r failed", msg[:2])
                        self._set_notice(f"Something went wrong in the live engine: {exc}")
                self._tick()
                if self._dirty:
                    self._publish()
            finally:
                with self._busy_lock:
                    self._busy -= 1

    def _actions_loop(self) -> None:
        while not self._stop.is_set():
            try:
                item = self._actions.get(timeout=0.5)
            except queue.Empty:
                continue
            if item is None:  # close(): wake up and stop
                continue
            with self._busy_lock:
                self._busy += 1
            try:
                kind, value, requested_at = item
                try:
                    if kind == "feature":
                        self._action_room.feature(value)
                    elif kind == "unfeature":
                        self._action_room.unfeature(value)
                    elif kind == "on_show":
                        setter = getattr(self._action_room, "set_on_show", None)
                        if setter is not None:
                            setter(value)
                    self._post(("action_ok", kind, value, requested_at, _now()))
                except Exception as exc:  # noqa: BLE001 - reported to the worker in plain words
                    self._post(("action_failed", kind, value, requested_at, exc))
            finally:
                with self._busy_lock:
                    self._busy -= 1

    def _obs_loop(self) -> None:
        connector = None
        while not self._stop.is_set():
            try:
                scene = self._obs_queue.get(timeout=0.5)
            except queue.Empty:
                continue
            if scene is None:  # close(): wake up and stop
                continue
            with self._busy_lock:
                self._busy += 1
            try:
                while True:  # only the newest scene matters when several queued up behind a slow OBS
                    try:
                        newer = self._obs_queue.get_nowait()
                    except queue.Empty:
                        break
                    if newer is None:
                        break
                    scene = newer
                if self._stop.is_set():
                    continue
                try:
                    if connector is None:
                        from curator_console.services.connections import settings_for

                        connector = connect(settings_for(self._uow_factory(), self._obs_name), self._client)
                    connector.set_program_scene(scene)  # type: ignore[attr-defined]
                    self._post(("obs", scene, None))
                except Exception as exc:  # noqa: BLE001 - shown, never blocking
                    self._post(("obs", scene, exc))
            finally:
                with self._busy_lock:
                    self._busy -= 1
        if connector is not None:
            try:
                connector.close()
            except Exception:  # noqa: BLE001
                pass

    def _backoff(self, failures: int, exc: BaseException) -> float:
        delay = min(self._backoff_max, self._backoff_base * (2 ** max(0, failures - 1)))
        delay = delay * (0.5 + self._rng.random() / 2)  # jitter: between half and the whole step
        if isinstance(exc, RateLimitedError) and exc.retry_after:
            delay = max(delay, float(exc.retry_after))
        return delay

    def _poll_loop(self, name: str, interval: float, once: Callable[[], None], wake: threading.Event | None) -> None:
        failures = 0
        next_at = time.monotonic()
        while not (self._stop.is_set() or self._pollers_stop.is_set()):
            wait = next_at - time.monotonic()
            if wait > 0:
                if wake is not None:
                    wake.wait(wait)
                    wake.clear()
                else:
                    self._pollers_stop.wait(wait)
                if self._stop.is_set() or self._pollers_stop.is_set():
                    return
            started = time.monotonic()
            try:
                once()
            except Exception as exc:  # noqa: BLE001 - every failure becomes a status and a backoff
                if not isinstance(exc, PlatformError):
                    log.exception("live engine: %s poll failed", name)
                failures += 1
                delay = self._backoff(failures, exc)
                self._post(("health", name, exc, delay))
                next_at = time.monotonic() + delay
                continue
            if failures or self._health[name].ok is not True:
                self._post(("health", name, None, None))
            failures = 0
            next_at = started + interval  # the next starts after this one ended: never overlapping

    def _poll_viewers(self) -> None:
        count = self._poll_room.viewers()
        self._pclock.observe(count.at)
        self._post(("viewers", count.viewers, _now()))

    def _poll_orders(self) -> None:
        final = self._final_requested
        if self.orders_since is None:
            if not self._pclock.anchored:
                if Capability.VIEWERS in self._capabilities:
                    self._pclock.observe(self._poll_room.viewers().at)
                else:
                    self._pclock.observe_wall()
            self.orders_since = self._pclock.at_wall(self._info["started_at"])
        platform_now = self._pclock.now()
        if self._watermark is not None and self._watermark > platform_now + timedelta(seconds=self._overlap):
            # Orders we hold are "later" than the platform's present: its clock started again (the
            # built-in simulator restarts with the app after a crash). Continue from its present:
            # what it sold before is stored, and its new orders carry new ids.
            log.info("the platform's clock is behind the orders already stored: continuing from its present")
            self.orders_since = platform_now
            self._watermark = platform_now
        since = self.orders_since
        if self._watermark is not None:
            since = max(since, self._watermark - timedelta(seconds=self._overlap))
        margin = timedelta(seconds=max(300.0, 60.0 * self._pclock.rate))
        until = self._pclock.now() + margin
        chunk: list[OrderInfo] = []
        newest = self._watermark
        for order in self._poll_room.orders(since, until, known=self._seen_orders):
            chunk.append(order)
            if newest is None or order.created_at > newest:
                newest = order.created_at
            if len(chunk) >= ORDER_CHUNK:
                self._post(("orders", chunk, since))
                chunk = []
        if chunk:
            self._post(("orders", chunk, since))
        self._watermark = newest
        self.orders_until = until
        if final:
            self._post(("orders_final", self.orders_since, until))
            self._pollers_stop.set()

    # ============================================================================================
    # The worker's handlers
    # ============================================================================================
    def _handle(self, msg: tuple) -> None:
        kind = msg[0]
        if kind == "stop":
            return
        if kind == "load":
            self._load(msg[1])
            return
        if not self._info:
            return  # nothing loaded (the session is missing): commands have nothing to act on
        if kind == "cmd":
            self._command(msg[1], msg[2])
        elif kind == "viewers":
            self._on_viewers(msg[1], msg[2])
        elif kind == "orders":
            self._on_orders(msg[1], msg[2])
        elif kind == "orders_final":
            self._finish_end(msg[1], msg[2], "done")
        elif kind == "health":
            self._on_health(msg[1], msg[2], msg[3])
        elif kind == "action_ok":
            self._on_action_ok(*msg[1:])
        elif kind == "action_failed":
            self._on_action_failed(*msg[1:])
        elif kind == "obs":
            self._on_obs(msg[1], msg[2])
        self._dirty = True

    def _set_notice(self, text: str) -> None:
        self._notice = text
        self._dirty = True

    def _put(self, kind: str, payload: dict, at: datetime | None = None) -> datetime:
        at = at or _now()
        if kind in CLOCK_TYPES:
            self._clock_events.append((kind, at, payload))
        if self._writer is not None:
            self._writer.put(kind, payload, at)
        return at

    def _writer_error(self, exc: BaseException) -> None:
        self._post(("cmd", "notice", f"Events could not be saved yet (retrying): {exc}"))

    # --- loading and resuming ---------------------------------------------------------------------
    def _load(self, resume: bool) -> None:
        try:
            info = live_sessions.session_info(self._uow_factory(), self.session_id)
        except live_sessions.LiveSessionError as exc:
            self._set_notice(str(exc))
            self._publish(ready=True)
            return
        self._info = info
        snapshot = info["snapshot"]
        segments = live_sessions.snapshot_segments(snapshot)
        if self._media is not None:
            segments = tuple(self._with_available_images(s) for s in segments)
        self._segments = segments
        self._planned = [s.planned_seconds for s in segments]
        self._scenes = live_sessions.snapshot_scene_cues(snapshot)
        self._read_history()
        clock = clock_state(self._clock_events, self._planned, _now())
        self._featured = dict.fromkeys(clock.featured)
        if info["status"] not in live_sessions.UNFINISHED or clock.ended:
            self._ended = True
            self._publish(ready=True)
            return
        self._writer = EventWriter(self._uow_factory, self.session_id, on_error=self._writer_error)
        if resume:
            self._put(SESSION_RESUMED, {"after_restart": True, "was_paused": clock.paused})
        self._connect()
        self._publish(ready=True)

    def _with_available_images(self, seg: LiveSegment) -> LiveSegment:
        objects = tuple(o if not o.image_sha256 or self._media.path_for(o.image_sha256) is not None
                        else replace(o, image_sha256="") for o in seg.objects)
        return replace(seg, objects=objects)

    def _read_history(self) -> None:
        """The stored events and samples, so a resumed session continues where it stood."""
        started = self._info["started_at"]
        with self._uow_factory() as uow:
            q = (select(m.SessionEvent.type, m.SessionEvent.at, m.SessionEvent.payload)
                 .where(m.SessionEvent.session_id == self.session_id).order_by(m.SessionEvent.id))
            for kind, at, payload in uow.session.execute(q):
                payload = payload if isinstance(payload, dict) else {}
                if kind in CLOCK_TYPES:
                    self._clock_events.append((kind, at, payload))
                elif kind == MARKER:
                    self._markers += 1
                elif kind == ORDER_RECEIVED:
                    self._count_stored_order(payload, at, started)
            q2 = (select(m.ViewerSample.at, m.ViewerSample.viewers)
                  .where(m.ViewerSample.session_id == self.session_id).order_by(m.ViewerSample.at))
            for at, viewers in uow.session.execute(q2):
                self._count_viewers(viewers, at)

    def _count_stored_order(self, payload: dict, at: datetime, started: datetime | None) -> None:
        order_id = str(payload.get("platform_order_id") or "")
        if not order_id or order_id in self._seen_orders:
            return
        try:
            created = parse_time(payload.get("created_at")) if payload.get("created_at") else at
            revenue = Decimal(str(payload.get("revenue") or "0"))
        except (ValueError, ArithmeticError):
            created, revenue = at, Decimal(0)
        units = int(payload.get("units") or 0)
        currency = str(payload.get("currency") or "")
        self._seen_orders[order_id] = created
        if self._watermark is None or created > self._watermark:
            self._watermark = created
        self._add_to_totals(order_id, at, units, revenue, currency, tuple(payload.get("skus") or ()))

    def _add_to_totals(self, order_id: str, at: datetime, units: int, revenue: Decimal, currency: str,
                       skus: tuple[str, ...]) -> None:
        self._orders += 1
        self._units += units
        self._revenue += revenue
        self._currency = self._currency or currency
        self._ticker.appendleft(TickerOrder(order_id, at, units, revenue, currency, skus))
        self._minute(at)[2] += 1

    def _minute(self, at: datetime) -> list:
        started = self._info.get("started_at") or at
        minute = max(0, int((at - started).total_seconds() // 60))
        slot = self._minutes.get(minute)
        if slot is None:
            slot = self._minutes[minute] = [0, 0, 0]
        return slot

    def _count_viewers(self, viewers: int | None, at: datetime) -> None:
        self._viewers = viewers
        if viewers is None:
            return
        started = self._info.get("started_at") or at
        self._series.add(max(0.0, (at - started).total_seconds()), viewers)
        slot = self._minute(at)
        slot[0] += viewers
        slot[1] += 1

    # --- the platform -----------------------------------------------------------------------------
    def _connect(self) -> None:
        from curator_console.services.connections import settings_for
        from curator_console.services.obs_scenes import obs_connection_name

        try:
            self._obs_name = obs_connection_name(self._uow_factory())
        except Exception as exc:  # noqa: BLE001
            self._set_notice(f"OBS connections could not be read: {exc}")
        if self._obs_name:
            self._spawn(self._obs_loop, "live-obs")
        name = self._info.get("connection") or ""
        if not name:
            self._set_notice("This session's connection was removed: no viewers, orders or featuring.")
            return
        self._connection_name = name
        try:
            settings = settings_for(self._uow_factory(), name)
            ptype = platform_type(settings.platform)
            embedded = settings.platform == "simulator" and not (settings.base_url or "").strip()
            if embedded:
                self._prepare_simulator(settings)
            poll_client = HttpClient(timeout=(min(5.0, self._poll_timeout), self._poll_timeout),
                                     retry=RetryPolicy(max_retries=0), min_interval=self._client.min_interval,
                                     default_min_interval=self._client.default_min_interval,
                                     session=self._client.session)
            self._poll_room = connect(settings, poll_client)
            self._action_room = connect(settings, self._client)
        except Exception as exc:  # noqa: BLE001 - shown; the session runs on without the platform
            self._set_notice(f"Could not connect to “{name}”: {exc}")
            self._states["platform"] = ConnectionState(name, "platform", OFFLINE, str(exc), None, _now())
            return
        self._capabilities = frozenset(self._poll_room.capabilities)
        rate = 1.0
        if settings.platform == "simulator":
            if embedded:
                from curator_console.connectors.simulator import platform as simulator

                rate = simulator.shared().model.speed
                if abs(rate - self.speed) > 1e-9:
                    self._set_notice(f"The built-in simulator was already running at ×{rate:g}; "
                                     f"it plays this rehearsal at that speed.")
            else:
                rate = float((settings.options or {}).get("speed") or self.speed)
        self._pclock = PlatformClock(rate)
        base = max(BASE_POLL_SECONDS, float(ptype.poll_interval_seconds))
        self._viewer_interval = self._poll_seconds or max(MIN_POLL_SECONDS, base / rate)
        self._order_interval = self._poll_seconds or max(MIN_POLL_SECONDS, base / rate)
        self._spawn(self._actions_loop, "live-actions")
        if Capability.VIEWERS in self._capabilities:
            self._spawn(self._poll_loop, "live-viewers", "viewers", self._viewer_interval, self._poll_viewers, None)
        if Capability.ORDERS in self._capabilities:
            self._spawn(self._poll_loop, "live-orders", "orders", self._order_interval, self._poll_orders,
                        self._orders_wake)
        if Capability.FEATURE in self._capabilities:
            for sku in self._featured:  # after a restart the platform may have forgotten them
                self._actions.put(("feature", sku, None))
        clock = clock_state(self._clock_events, self._planned, _now())
        if clock.segment_index is not None and not clock.segment_ended:
            self._send_on_show(clock.segment_index)

    def _prepare_simulator(self, settings) -> None:
        """Have the embedded simulator (if it is not running yet) play at the engine's speed."""
        from curator_console.connectors.simulator import platform as simulator
        from curator_console.services.simulator import prepare_embedded

        if simulator.is_running():
            return
        options = settings.options or {}
        seed = int(options.get("seed") or zlib.crc32(settings.name.encode("utf-8")))
        prepare_embedded(self._uow_factory(), seed=seed, speed=self.speed)

    def _platform_state(self) -> ConnectionState | None:
        known = [h for h in self._health.values() if h.ok is not None]
        if not known:
            return None
        failing = [h for h in known if h.ok is False]
        if not failing:
            return ConnectionState(self._connection_name, "platform", CONNECTED)
        since = min(h.since for h in failing if h.since is not None)
        latest = max(failing, key=lambda h: h.since or since)
        retry_in = min((h.retry_in for h in failing if h.retry_in is not None), default=None)
        fatal = any(h.fatal for h in failing) or (_now() - since).total_seconds() >= self._offline_after
        return ConnectionState(self._connection_name, "platform", OFFLINE if fatal else RETRYING,
                               latest.detail, retry_in, since)

    def _update_state(self, role: str, state: ConnectionState | None) -> None:
        if state is None:
            return
        previous = self._states.get(role)
        self._states[role] = state
        if previous is None or previous.state != state.state:
            self._put(CONNECTION_STATUS, {
                "connection": state.connection, "role": role, "state": state.state, "detail": state.detail,
                "retry_in": round(state.retry_in_seconds, 3) if state.retry_in_seconds is not None else None,
                "offline_since": state.offline_since,
            })
            if role == "platform" and state.state == CONNECTED and self._retry_actions:
                retry, self._retry_actions = self._retry_actions, {}
                for sku, on in retry.items():
                    self._request_feature(sku, on)

    def _on_health(self, name: str, exc: BaseException | None, retry_in: float | None) -> None:
        h = self._health[name]
        if exc is None:
            h.ok, h.since, h.detail, h.retry_in, h.fatal = True, None, "", None, False
            actions = self._health["actions"]
            if actions.ok is False:  # the platform answers again
                actions.ok, actions.since, actions.detail, actions.retry_in = True, None, "", None
        else:
            if h.ok is not False:
                h.since = _now()
            h.ok, h.detail, h.retry_in = False, str(exc) or type(exc).__name__, retry_in
            h.fatal = isinstance(exc, NotAuthorisedError)
        self._update_state("platform", self._platform_state())

    def _on_viewers(self, viewers: int | None, at: datetime) -> None:
        if self._ended:
            return
        self._count_viewers(viewers, at)
        if viewers is not None and self._writer is not None:
            self._writer.put(VIEWER_SAMPLE, {"viewers": viewers}, at)

    def _on_orders(self, orders: list[OrderInfo], since: datetime) -> None:
        if self._ended:
            return
        now = _now()
        for o in orders:
            if o.platform_order_id in self._seen_orders:
                continue
            self._seen_orders[o.platform_order_id] = o.created_at
            units = sum(line.quantity for line in o.lines)
            revenue = sum((line.quantity * line.unit_price for line in o.lines), Decimal(0))
            skus = tuple(dict.fromkeys(line.sku for line in o.lines))
            self._add_to_totals(o.platform_order_id, now, units, revenue, o.currency, skus)
            self._put(ORDER_RECEIVED, {
                "platform_order_id": o.platform_order_id, "created_at": o.created_at, "currency": o.currency,
                "lines": [{"sku": ln.sku, "quantity": ln.quantity, "unit_price": ln.unit_price,
                           "currency": ln.currency} for ln in o.lines],
            }, now)
        # Ids older than the window can never come back: forget them (bounded memory).
        if len(self._seen_orders) > 20_000:
            horizon = since - timedelta(seconds=self._overlap)
            self._seen_orders = {k: v for k, v in self._seen_orders.items() if v >= horizon}

    # --- commands ----------------------------------------------------------------------------------
    def _clock(self) -> ClockState:
        return clock_state(self._clock_events, self._planned, _now())

    def _command(self, name: str, value: Any) -> None:
        if name == "notice":
            self._set_notice(value)
            return
        if name == "autopilot":
            self._autopilot = value
            return
        if self._ended or self._ending_at is not None:
            if name != "end":
                self._set_notice("This session has ended.")
            return
        clock = self._clock()
        if name == "next":
            index = 0 if clock.segment_index is None else clock.segment_index + 1
            if index >= len(self._segments):
                self._set_notice("This is the last segment; end the session when you are done.")
                return
            self._start_segment(index, clock)
        elif name == "previous":
            if clock.segment_index is None or clock.segment_index == 0:
                self._set_notice("This is the first segment.")
                return
            self._start_segment(clock.segment_index - 1, clock)
        elif name in ("feature", "unfeature"):
            self._request_feature(str(value), name == "feature")
        elif name == "hotkey":
            if clock.segment_index is None:
                self._set_notice("Start a segment first: the number keys feature its products.")
                return
            products = self._segments[clock.segment_index].products
            n = int(value)
            if not 1 <= n <= min(9, len(products)):
                self._set_notice(f"This segment has no product {n}.")
                return
            sku = products[n - 1].sku
            wanted = self._pending.get(sku, sku in self._featured)
            self._request_feature(sku, not wanted)
        elif name == "marker":
            text, at = value
            self._markers += 1
            self._put(MARKER, {"text": str(text), "segment": clock.segment_index}, at)
        elif name == "pause":
            if not clock.paused:
                self._put(SESSION_PAUSED, {"segment": clock.segment_index})
        elif name == "resume":
            if clock.paused:
                self._put(SESSION_RESUMED, {"segment": clock.segment_index})
        elif name == "end":
            self._begin_end(clock)

    def _start_segment(self, index: int, clock: ClockState) -> None:
        now = _now()
        previous = clock.segment_index
        if previous is not None and not clock.segment_ended:
            self._put(SEGMENT_ENDED, {"index": previous, "title": self._segments[previous].title}, now)
        seg = self._segments[index]
        self._put(SEGMENT_STARTED, {"index": index, "title": seg.title}, now)
        if self._autopilot:
            wanted = {p.sku for p in seg.products if p.auto_feature}
            for sku in sorted(self._auto_featured - wanted):
                if sku in self._featured or self._pending.get(sku):
                    self._request_feature(sku, False)
            self._auto_featured = {s for s in self._auto_featured if s in wanted}
            for p in seg.products:
                if p.auto_feature and p.sku not in self._featured and not self._pending.get(p.sku):
                    self._request_feature(p.sku, True)
                    self._auto_featured.add(p.sku)
        scene = self._scenes[index] if index < len(self._scenes) else ""
        if scene and self._obs_name:
            self._obs_queue.put(scene)
        self._send_on_show(index)

    def _send_on_show(self, index: int) -> None:
        if self._action_room is not None and hasattr(self._action_room, "set_on_show"):
            self._actions.put(("on_show", [o.object_number for o in self._segments[index].objects], None))

    def _request_feature(self, sku: str, on: bool) -> None:
        if not sku:
            return
        current = self._pending.get(sku, sku in self._featured)
        if current == on:
            return
        requested_at = _now()
        if self._action_room is None or Capability.FEATURE not in self._capabilities:
            # No featuring on this platform (or no platform): the host features it on camera; record it.
            self._apply_feature(sku, on, requested_at, requested_at)
            return
        self._pending[sku] = on
        self._actions.put(("feature" if on else "unfeature", sku, requested_at))

    def _apply_feature(self, sku: str, on: bool, requested_at: datetime | None, at: datetime) -> None:
        clock = self._clock()
        if on and sku not in self._featured:
            self._featured[sku] = None
            self._put(PRODUCT_FEATURED, {"sku": sku, "requested_at": requested_at, "segment": clock.segment_index}, at)
        elif not on and sku in self._featured:
            del self._featured[sku]
            self._put(PRODUCT_UNFEATURED, {"sku": sku, "requested_at": requested_at, "segment": clock.segment_index},
                      at)

    def _on_action_ok(self, kind: str, value: Any, requested_at: datetime | None, done_at: datetime) -> None:
        if kind in ("feature", "unfeature"):
            on = kind == "feature"
            if self._pending.get(value) == on:
                del self._pending[value]
            if requested_at is not None and not self._ended:  # None: re-asserting after a restart
                self._apply_feature(value, on, requested_at, done_at)
        h = self._health["actions"]
        if h.ok is False:
            h.ok, h.since, h.detail, h.retry_in = True, None, "", None
            self._update_state("platform", self._platform_state())

    def _on_action_failed(self, kind: str, value: Any, requested_at: datetime | None, exc: BaseException) -> None:
        if kind in ("feature", "unfeature"):
            on = kind == "feature"
            if self._pending.get(value) == on:
                del self._pending[value]
            verb = "feature" if on else "stop featuring"
            self._set_notice(f"Could not {verb} {value}: {exc}")
            if requested_at is not None and isinstance(exc, _TRANSIENT):
                self._retry_actions[value] = on  # done again when the platform answers again
        elif kind == "on_show":
            log.info("on-show update failed: %s", exc)
            return
        if isinstance(exc, _TRANSIENT):
            h = self._health["actions"]
            if h.ok is not False:
                h.since = _now()
            h.ok, h.detail, h.retry_in = False, str(exc), None
            self._update_state("platform", self._platform_state())

    def _on_obs(self, scene: str, exc: BaseException | None) -> None:
        previous = self._states.get("obs")
        if exc is None:
            self._update_state("obs", ConnectionState(self._obs_name, "obs", CONNECTED))
            return
        since = previous.offline_since if previous is not None and previous.state != CONNECTED else _now()
        self._update_state("obs", ConnectionState(self._obs_name, "obs", OFFLINE, str(exc), None, since))
        self._set_notice(f"OBS scene switch to “{scene}” failed: {exc}")

    # --- ending --------------------------------------------------------------------------------------
    def _begin_end(self, clock: ClockState) -> None:
        now = _now()
        if clock.segment_index is not None and not clock.segment_ended:
            self._put(SEGMENT_ENDED, {"index": clock.segment_index,
                                      "title": self._segments[clock.segment_index].title}, now)
        for sku in list(self._featured):
            self._apply_feature(sku, False, now, now)
            if self._action_room is not None and Capability.FEATURE in self._capabilities:
                self._actions.put(("unfeature", sku, None))
        self._pending.clear()
        self._retry_actions.clear()
        self._ending_at = now
        self._set_notice("Ending the session: fetching the last orders…")
        if Capability.ORDERS in self._capabilities and self._poll_room is not None:
            self._final_requested = True  # the orders poller fetches up to now once more, then stops
            self._ending_deadline = time.monotonic() + self._final_poll_timeout
            self._orders_wake.set()
        else:
            self._finish_end(self.orders_since, self.orders_until, "none")

    def _finish_end(self, since: datetime | None, until: datetime | None, final: str) -> None:
        if self._ended or self._ending_at is None:
            return
        self._pollers_stop.set()
        self._put(SESSION_ENDED, {"orders_since": since, "orders_until": until, "final_orders_poll": final},
                  self._ending_at)
        self._ended = True
        if self._notice.startswith("Ending the session"):
            self._notice = "The session has ended."
        self._dirty = True

    def _tick(self) -> None:
        if self._ending_at is not None and not self._ended and time.monotonic() >= self._ending_deadline:
            self._set_notice("The last orders could not be fetched before the end; "
                             "run sync-store later to get any that are missing.")
            self._finish_end(self.orders_since, self.orders_until, "failed")
        if self._autopilot and self._info and not self._ended and self._ending_at is None:
            clock = self._clock()
            if autopilot_due(clock, self._planned, self.speed):
                if clock.segment_index is not None and clock.segment_index + 1 >= len(self._segments):
                    self._begin_end(clock)
                else:
                    self._start_segment(0 if clock.segment_index is None else clock.segment_index + 1, clock)
                self._dirty = True
        state = self._states.get("platform")
        if state is not None and state.state == RETRYING:
            refreshed = self._platform_state()
            if refreshed is not None and refreshed.state != state.state:
                self._update_state("platform", refreshed)
                self._dirty = True

    # --- publishing ----------------------------------------------------------------------------------
    def _publish(self, ready: bool = True) -> None:
        clock = self._clock()
        index = clock.segment_index
        featured = tuple(self._featured)

        def shown(seg: LiveSegment | None) -> LiveSegment | None:
            if seg is None:
                return None
            return replace(seg, products=tuple(replace(p, featured=p.sku in self._featured) for p in seg.products))

        count = len(self._segments)
        current = self._segments[index] if index is not None and index < count else None
        nxt_index = 0 if index is None else index + 1
        nxt = self._segments[nxt_index] if nxt_index < count else None
        if self._ended or clock.ended:
            status = "ended"  # once the last orders are in and session_ended is written
        elif clock.paused:
            status = "paused"
        else:
            status = "running"
        states = tuple(self._states[r] for r in ("platform", "obs") if r in self._states)
        per_minute = tuple((minute, (v // n) if n else None, orders)
                           for minute, (v, n, orders) in sorted(self._minutes.items()))
        self._version += 1
        frame = LiveView(
            session_id=self.session_id, title=str(self._info.get("snapshot", {}).get("title") or self._info.get("title", "")),
            mode=self._info.get("mode", ""), status=status,
            session_elapsed_seconds=clock.session_elapsed_seconds, segment_index=index, segment_count=count,
            segment_elapsed_seconds=clock.segment_elapsed_seconds, drift_seconds=clock.drift_seconds,
            current=shown(current), next=shown(nxt), viewers=self._viewers, viewer_series=self._series.as_tuple(),
            orders=self._orders, units=self._units, revenue=self._revenue, currency=self._currency,
            latest_orders=tuple(self._ticker), per_minute=per_minute, connections=states, featured=featured,
            markers=self._markers, autopilot=self._autopilot, notice=self._notice, version=self._version,
            ready=ready, speed=self.speed,
        )
        frozen = clock if status == "running" else None
        self._published = (frame, time.monotonic(), frozen)
        self._dirty = False
