"""The live console soak (registered in run.py as ``live-soak`` and ``live-faults``).

    python tests/benchmarks/run.py live-soak [--speed 120] [--faults] [--profile]
    python tests/benchmarks/run.py live-faults [--speed 120]        # = live-soak --faults

What runs (every part real, nothing mocked):

- **The platform** — a ``SimulatorModel`` served by ``SimulatorServer`` on 127.0.0.1, in *this*
  (the benchmark's) process. It plays the seed story: a two-hour room with about 200,000 visitors
  (the model's default viewer profile), the demo museum's catalogue with stock untracked (so
  nothing sells out), a conversion of ``CONVERSION`` orders per 1,000 visitors and, built for the
  purpose (``RushModel``), a *rush* after every product is featured: for ``RUSH_SECONDS``
  platform seconds the room buys ``RUSH_FACTOR`` times as much, all of it the featured product.
  That gives tens of thousands of orders with bursts of 50+ orders per platform second.
- **The console** — a child process (so its RSS is the console's own) running the real
  ``curator-console --db FILE live TOUR --connection NAME --autopilot --speed X`` code path
  (``app.run_live``) off screen: the real ``LiveConsole`` on a real ``LiveEngine`` on a real
  SQLite file (the demo museum seeded with ``services/demo.py`` plus a tour of eight 15-minute
  segments — two hours — each auto-featuring one product and showing its objects).
- **The heartbeat** — a ``QTimer`` (``HEARTBEAT_MS``, precise) on the GUI thread; each tick's
  lateness (gap − interval) is recorded. The **baseline** is the same heartbeat in the same
  child process for ``--baseline`` seconds before the console opens: an idle ``QApplication``.
- **Orders** — when the autopilot is half a second from ending the session the platform's clock is
  frozen (no new orders), the session ends (the engine's final poll), and the orders the simulator
  produced in the session's window (``session_ended``'s ``orders_since``/``orders_until``, the
  simulator's own ``ceil(since) <= ts < ceil(until)`` rule) are compared id for id with the
  orders stored for the connection and the session's ``order_received`` events.
- **Memory** — ``VmRSS`` from ``/proc/self/status`` in the child when the session is loaded
  (start) and when it has ended and everything is committed (end); ``VmHWM`` is the peak.
- **Faults** (``--faults``) — during the session the simulator fails on purpose, in periods:
  503s, 429s with ``Retry-After: 2``, 10-second stalls (every answer held 10 real seconds, the
  engine's poll timeout) and dropped connections. They are cleared before the clock is frozen.

``--profile`` runs cProfile on the GUI thread during the session and prints the top functions.
Figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

SEED = 5
CONVERSION = 60.0  # live orders per 1,000 visitors (before featuring and rushes)
RUSH_FACTOR = 8.0  # the room buys this many times as much …
RUSH_SECONDS = 45.0  # … for this many platform seconds after a product is featured
SEGMENT_SECONDS = 900
SEGMENTS = 8  # eight 15-minute segments: two hours
TOUR_TITLE = "Soak: two hours on the platform"
CONNECTION = "Soak simulator"
TOKEN_ENV = "CURATOR_BENCH_SIM_TOKEN"
HEARTBEAT_MS = 5
FREEZE_LEAD_S = 0.5  # the platform's clock stops this long before the autopilot ends the session
# Feature rota: one product per segment (cheap and dear ones alternate).
SKUS = ["QHM-P017", "QHM-P001", "QHM-P005", "QHM-P003", "QHM-P014", "QHM-P007", "QHM-P009", "QHM-P019"]
# (start as a fraction of the session's real length, mode, real seconds, extra body)
FAULTS = [
    (0.10, "error", 4.0, {}),
    (0.22, "rate_limit", 4.0, {"retry_after": 2}),
    (0.36, "slow", 12.0, {"delay": 10.0}),
    (0.62, "drop", 4.0, {}),
    (0.78, "error", 3.0, {}),
]


# =================================================================================================
# The platform (benchmark process)
# =================================================================================================


def _rush_model_class():
    from curator_console.connectors.simulator.model import SimulatorModel

    class RushModel(SimulatorModel):
        """The model's room, plus a rush after each feature: for ``RUSH_SECONDS`` the featured
        product sells ``RUSH_FACTOR - 1`` times the room's whole live rate on top."""

        def _live_rates(self, r, mid):  # noqa: ANN001 - the model's private hook
            rates = super()._live_rates(r, mid)
            if not rates:
                return rates
            total = sum(rates.values())
            for at, kind, room, value in self._events:
                if (room == r.id and kind == "feature" and value in r.featured and value in rates
                        and 0 <= mid - at < RUSH_SECONDS):
                    rates[value] += (RUSH_FACTOR - 1.0) * total
            return rates

    return RushModel


class FreezableClock:
    """Real seconds until ``freeze()``; then the platform's time stands still (no new orders)."""

    def __init__(self) -> None:
        self.frozen: float | None = None

    def __call__(self) -> float:
        return self.frozen if self.frozen is not None else time.monotonic()

    def freeze(self) -> None:
        self.frozen = time.monotonic()


def build_database(path: Path, server_url: str, speed: float, scratch: Path) -> None:
    """The demo museum (services/demo.py) plus the soak tour and a connection to our simulator."""
    from curator_console.paths import resources_dir
    from curator_console.persistence import models as m
    from curator_console.persistence.db import open_database, resolve_url
    from curator_console.persistence.unit_of_work import UnitOfWork
    from curator_console.services.demo import seed_demo

    db = open_database(resolve_url(path, scratch), backups_dir=scratch)
    try:
        seed_demo(UnitOfWork(db.session_factory), resources_dir() / "demo")
        with db.session_factory() as s:
            museum = s.query(m.Museum).one()
            products = {p.sku: p for p in s.query(m.Product)}
            demo_tour = s.query(m.Tour).filter(m.Tour.is_template.is_(False)).order_by(m.Tour.id).first()
            scripts = [seg.script for seg in demo_tour.segments] if demo_tour else []
            s.add(m.Connection(name=CONNECTION, platform="simulator", base_url=server_url, room="r1",
                               token_env=TOKEN_ENV, options={"speed": speed}))
            tour = m.Tour(title=TOUR_TITLE, museum_id=museum.id, host="Bench", language="zh_CN",
                          slot_seconds=SEGMENTS * SEGMENT_SECONDS)
            for pos in range(SEGMENTS):
                main, other = products[SKUS[pos]], products[SKUS[(pos + 3) % SEGMENTS]]
                seg = m.Segment(position=pos, title=f"Segment {pos + 1}: {main.title}",
                                planned_seconds=SEGMENT_SECONDS,
                                script=scripts[pos % len(scripts)] if scripts else f"Segment {pos + 1}")
                seg.items = [m.SegmentItem(item=item, position=n) for n, item in enumerate(main.items[:3])]
                seg.products = [m.SegmentProduct(product=main, position=0, auto_feature=True, pitch="rush"),
                                m.SegmentProduct(product=other, position=1, auto_feature=False)]
                seg.cues = [m.Cue(position=0, kind="text", text="Camera 2")]
                tour.segments.append(seg)
            s.add(tour)
            s.commit()
    finally:
        db.dispose()


def _catalog() -> list[dict]:
    from curator_console.paths import resources_dir

    catalog = json.loads((resources_dir() / "demo" / "products.json").read_text(encoding="utf-8"))
    for product in catalog:
        product["stock"] = None  # never sells out: the room's story is the same every run
    return catalog


def _session_figures(db_path: Path) -> dict:
    """What the console stored: the session, its window, received and stored orders, samples."""
    import sqlite3

    con = sqlite3.connect(db_path)
    try:
        sid, status, conn_id = con.execute(
            "SELECT id, status, connection_id FROM live_session ORDER BY id DESC LIMIT 1").fetchone()
        events = con.execute("SELECT type, payload FROM session_event WHERE session_id=? ORDER BY id",
                             (sid,)).fetchall()
        stored = [r[0] for r in con.execute("SELECT platform_order_id FROM store_order WHERE connection_id=?",
                                            (conn_id,))]
        peak = con.execute("SELECT MAX(viewers), COUNT(*) FROM viewer_sample WHERE session_id=?",
                           (sid,)).fetchone()
    finally:
        con.close()
    kinds = Counter(k for k, _ in events)
    ended = [json.loads(p) for k, p in events if k == "session_ended"]
    received = [json.loads(p)["platform_order_id"] for k, p in events if k == "order_received"]
    states = [json.loads(p)["state"] for k, p in events if k == "connection_status"]
    return {"session_id": sid, "status": status, "kinds": kinds, "ended": ended, "received": received,
            "stored": stored, "peak_viewers": peak[0] or 0, "viewer_samples": peak[1], "states": states}


def _parse_iso(text: str) -> float:
    from datetime import datetime, timezone

    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def run(scratch: Path, env: dict[str, str], speed: float = 120.0, faults: bool = False,
        baseline_seconds: float = 10.0, profile: bool = False, name: str = "live-soak") -> dict[str, object]:
    from curator_console.connectors.simulator.model import StoreProfile
    from curator_console.connectors.simulator.server import SimulatorServer

    real_length = SEGMENTS * SEGMENT_SECONDS / speed
    clock = FreezableClock()
    model = _rush_model_class()(_catalog(), seed=SEED, speed=speed, clock=clock, idle=True,
                                store=StoreProfile(orders_per_1000_visitors=CONVERSION))
    token = secrets.token_urlsafe(18)
    # The fault timer runs on real seconds (the model's clock is frozen at the end).
    server = SimulatorServer(model, "127.0.0.1", 0, token, clock=time.monotonic)
    server.start()
    db_path = scratch / "live-soak.sqlite3"
    print(f"{name}: building the database (demo museum + a {SEGMENTS}×{SEGMENT_SECONDS // 60}-minute tour) …",
          flush=True)
    build_database(db_path, server.url, speed, scratch)

    child_env = dict(env)
    child_env[TOKEN_ENV] = token
    child_env["QT_QPA_PLATFORM"] = "offscreen"
    cmd = [sys.executable, str(Path(__file__).resolve()), "child", "--db", str(db_path), "--tour", TOUR_TITLE,
           "--connection", CONNECTION, "--speed", f"{speed:g}", "--baseline", f"{baseline_seconds:g}"]
    if profile:
        cmd.append("--profile")
    stderr_path = scratch / "console-stderr.txt"
    print(f"{name}: speed ×{speed:g}: the session plays {real_length:.0f} s of real time; "
          f"baseline heartbeat {baseline_seconds:g} s first", flush=True)
    result: dict | None = None
    fault_stop = threading.Event()
    fault_log: list[str] = []
    room_started_at = [0.0]
    freeze_timer: list[threading.Timer] = []

    def fault_rota() -> None:
        for fraction, mode, seconds, body in FAULTS:
            at = room_started_at[0] + fraction * real_length
            if fault_stop.wait(max(0.0, at - time.monotonic())):
                return
            server.inject_fault(mode, seconds, retry_after=int(body.get("retry_after", 5)),
                                delay=float(body.get("delay", 2.0)))
            fault_log.append(f"{mode} {seconds:g}s at {fraction * real_length:.1f}s")

    def freeze() -> None:
        fault_stop.set()
        server.clear_faults()
        clock.freeze()

    deadline = time.monotonic() + real_length + baseline_seconds + 240
    with open(stderr_path, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, env=child_env, stdout=subprocess.PIPE, stderr=err, text=True,
                                encoding="utf-8", errors="replace", cwd=scratch)
        watchdog = threading.Timer(max(1.0, deadline - time.monotonic()), proc.kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                line = line.rstrip("\n")
                if line == "@baseline_done":
                    model.start_room("r1")  # the room goes live as the console opens
                    room_started_at[0] = time.monotonic()
                    if faults:
                        threading.Thread(target=fault_rota, daemon=True).start()
                elif line.startswith("@last_segment "):
                    remaining = float(line.split("=", 1)[1])
                    t = threading.Timer(max(0.0, remaining - FREEZE_LEAD_S), freeze)
                    t.daemon = True
                    t.start()
                    freeze_timer.append(t)
                elif line.startswith("@result "):
                    result = json.loads(line[len("@result "):])
                else:
                    print(line, flush=True)
            code = proc.wait(timeout=60)
        finally:
            watchdog.cancel()
            fault_stop.set()
            for t in freeze_timer:
                t.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    server_status = model.describe()
    try:
        if code != 0 or result is None:
            tail = stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]
            raise RuntimeError(f"the console exited {code} without a result; its stderr ends:\n{tail}")
        figures = _session_figures(db_path)
        if not figures["ended"]:
            raise RuntimeError(f"the session did not end (status {figures['status']})")
        window = figures["ended"][-1]
        lo, hi = math.ceil(_parse_iso(window["orders_since"])), math.ceil(_parse_iso(window["orders_until"]))
        in_window = [o for o in model.all_orders() if lo <= o.ts < hi]
        produced = {o.id for o in in_window}
        stored, received = figures["stored"], figures["received"]
        stored_set, received_set = set(stored), set(received)
        lost = len(produced - stored_set)
        extra = len(stored_set - produced)
        doubled = (len(stored) - len(stored_set)) + (len(received) - len(received_set))
        per_second = Counter(o.ts for o in in_window)
        visitors = model.viewers("r1").visitors
    finally:
        server.stop()

    hb, base = result["session"], result["baseline"]
    print(f"{name}: room: visitors={visitors:,} peak_viewers_seen={figures['peak_viewers']:,} "
          f"orders={len(produced):,} max_orders_per_platform_s={max(per_second.values(), default=0)} "
          f"(seed {SEED}, conversion {CONVERSION:g}/1000, rush ×{RUSH_FACTOR:g} for {RUSH_SECONDS:g}s after a "
          f"feature; simulator {server_status['orders']:,} orders incl. 30 days of history)", flush=True)
    print(f"{name}: heartbeat ({HEARTBEAT_MS} ms) console: ticks={hb['ticks']} max_late_ms={hb['max_ms']:.1f} "
          f"p99_ms={hb['p99_ms']:.1f} p50_ms={hb['p50_ms']:.2f} stalls>16ms={hb['over_16']} "
          f"stalls>50ms={hb['over_50']}", flush=True)
    print(f"{name}: heartbeat ({HEARTBEAT_MS} ms) baseline (idle QApplication, same process): ticks={base['ticks']} "
          f"max_late_ms={base['max_ms']:.1f} p99_ms={base['p99_ms']:.1f} p50_ms={base['p50_ms']:.2f}", flush=True)
    print(f"{name}: opening the console (first frame, session loaded; before the heartbeat): "
          f"{result.get('open_ms', 0.0):.0f} ms", flush=True)
    r = result["refresh"]
    print(f"{name}: console refresh (100 ms timer): calls={r['calls']} drawn={r['drawn']} max_ms={r['max_ms']:.1f} "
          f"p99_ms={r['p99_ms']:.1f}", flush=True)
    gcs = ", ".join(f"gen{g}: {v['count']}× max {v['max_ms']:.1f} ms" for g, v in result["gc"].items())
    print(f"{name}: garbage collections in the console process (any thread; they hold the GIL): {gcs}", flush=True)
    causes = ", ".join(f"{k}={v}" for k, v in sorted(hb["stall_causes"].items(), key=lambda kv: -kv[1]))
    print(f"{name}: stalls>16ms by what took most of them: {causes or '-'}", flush=True)
    for s in hb["worst"]:
        inside = ", ".join(f"{k} {v:.1f} ms" for k, v in s["causes"].items()) or "nothing instrumented"
        print(f"{name}:   stall {s['late_ms']:.1f} ms at {s['at_s']:.1f} s: {inside}"
              f"{' (redrawn: ' + ', '.join(s['parts']) + ')' if s['parts'] else ''}", flush=True)
    print(f"{name}: memory: rss_start_mb={result['rss_start_mb']:.1f} rss_end_mb={result['rss_end_mb']:.1f} "
          f"peak (VmHWM) {result['rss_peak_mb']:.1f} MB", flush=True)
    print(f"{name}: orders: produced={len(produced):,} stored={len(stored_set):,} received_events={len(received):,} "
          f"lost={lost} extra={extra} doubled={doubled}; viewer samples {figures['viewer_samples']:,}; "
          f"final poll: {window.get('final_orders_poll')}", flush=True)
    if faults:
        print(f"{name}: faults: {'; '.join(fault_log)}; platform states written: {' → '.join(figures['states'])}",
              flush=True)
    if result.get("profile"):
        print(f"{name}: GUI-thread profile (cProfile, top by own time):\n{result['profile']}", flush=True)
    return {
        "speed": f"{speed:g}",
        "faults": "yes" if faults else "no",
        "max_stall_ms": f"{hb['max_ms']:.1f}",
        "p99_ms": f"{hb['p99_ms']:.1f}",
        "baseline_max_stall_ms": f"{base['max_ms']:.1f}",
        "baseline_p99_ms": f"{base['p99_ms']:.1f}",
        "orders_produced": len(produced),
        "orders_stored": len(stored_set),
        "lost": lost + extra,
        "doubled": doubled,
        "rss_start_mb": f"{result['rss_start_mb']:.1f}",
        "rss_end_mb": f"{result['rss_end_mb']:.1f}",
        "rss_growth_mb": f"{result['rss_end_mb'] - result['rss_start_mb']:.1f}",
        "visitors": visitors,
        "max_orders_per_s": max(per_second.values(), default=0),
    }


# =================================================================================================
# The console (child process)
# =================================================================================================


def rss_mb(field: str = "VmRSS") -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(math.ceil(q * len(sorted_values))) - 1)]


class Heartbeat:
    """A precise QTimer on the GUI thread; each tick's lateness = the gap since the last − the interval."""

    def __init__(self, interval_ms: int, on_tick=None, spans=None) -> None:  # noqa: ANN001
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000.0
        self.late: list[float] = []
        # (late, at, {cause: seconds inside the stall}, parts redrawn by a refresh inside it)
        self.stalls: list[tuple[float, float, dict, list[str]]] = []
        self._on_tick = on_tick
        self._spans = spans  # deque of (start, end, cause, parts): refresh, paint:<widget>, gc<generation>
        self._last = 0.0
        self._t0 = 0.0
        self._n = 0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = self._t0 = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, now - self._last - self.interval)
        self.late.append(late)
        if late > 0.016:
            causes: dict[str, float] = {}
            parts: list[str] = []
            if self._spans is not None:
                for start, end, cause, drawn in list(self._spans):
                    overlap = min(end, now) - max(start, self._last)
                    if overlap > 0:
                        causes[cause] = causes.get(cause, 0.0) + overlap
                        parts.extend(drawn)
            self.stalls.append((late, self._last - self._t0, causes, parts))
        self._last = now
        self._n += 1
        if self._on_tick is not None and self._n % 20 == 0:
            self._on_tick()

    def figures(self) -> dict:
        values = sorted(self.late)
        worst = sorted(self.stalls, key=lambda st: -st[0])[:6]
        return {
            "ticks": len(values),
            "max_ms": (values[-1] if values else 0.0) * 1000,
            "p99_ms": _percentile(values, 0.99) * 1000,
            "p50_ms": _percentile(values, 0.50) * 1000,
            "over_16": sum(v > 0.016 for v in values),
            "over_50": sum(v > 0.050 for v in values),
            # each stall > 16 ms put down to what took at least half of it (or "other")
            "stall_causes": dict(Counter(self._main_cause(late, causes) for late, _at, causes, _p in self.stalls)),
            "worst": [{"late_ms": late * 1000, "at_s": at,
                       "causes": {k: round(v * 1000, 1) for k, v in sorted(causes.items(), key=lambda kv: -kv[1])},
                       "parts": sorted(set(parts))} for late, at, causes, parts in worst],
        }

    @staticmethod
    def _main_cause(late: float, causes: dict) -> str:
        if not causes:
            return "other"
        cause, seconds = max(causes.items(), key=lambda kv: kv[1])
        kind = "gc" if cause.startswith("gc") else cause
        return kind if seconds >= 0.5 * late else "other"


def child_main(argv: list[str]) -> int:
    from collections import deque

    p = argparse.ArgumentParser(prog="live_bench.py child")
    p.add_argument("--db", required=True)
    p.add_argument("--tour", required=True)
    p.add_argument("--connection", required=True)
    p.add_argument("--speed", type=float, required=True)
    p.add_argument("--baseline", type=float, default=10.0)
    p.add_argument("--profile", action="store_true")
    a = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    # --- the baseline: the same heartbeat in an idle event loop -------------------------------
    base = Heartbeat(HEARTBEAT_MS, on_tick=lambda: None)
    base.start()
    QTimer.singleShot(int(a.baseline * 1000), app.quit)
    app.exec()
    base.stop()
    baseline = base.figures()

    # --- the console: `curator-console --db FILE live TOUR --connection C --autopilot --speed X` --
    from curator_console.app import run_live
    from curator_console.cli import build_parser
    from curator_console.ui.live import console as console_mod

    # Instrumentation (benchmark only): how long each refresh, each Python paint and each garbage
    # collection takes, so a heartbeat stall can be put down to what ran during it.
    import gc

    from curator_console.ui.live.minute_chart import MinuteChart
    from curator_console.ui.live.sparkline import Sparkline

    spans: deque = deque(maxlen=256)
    refresh_times: list[float] = []
    gc_times: list[tuple[int, float]] = []
    drawn = [0]
    original = console_mod.LiveConsole.refresh

    def timed_refresh(self) -> None:  # noqa: ANN001 - how long each refresh takes
        before = dict(self.panel.redraws)
        start = time.perf_counter()
        original(self)
        end = time.perf_counter()
        parts = [k for k, v in self.panel.redraws.items() if before.get(k) != v]
        if parts:
            drawn[0] += 1
        refresh_times.append(end - start)
        spans.append((start, end, "refresh", parts))

    console_mod.LiveConsole.refresh = timed_refresh

    def timed_paint(cls, label: str) -> None:  # noqa: ANN001
        paint = cls.paintEvent

        def timed(self, event) -> None:  # noqa: ANN001
            start = time.perf_counter()
            paint(self, event)
            spans.append((start, time.perf_counter(), label, []))

        cls.paintEvent = timed

    if os.environ.get("LIVE_BENCH_SAMPLE"):  # diagnosis: the window's own event handling (paint flushes)
        from PySide6.QtCore import QEvent

        window_event = console_mod.LiveConsole.event

        def timed_event(self, event) -> bool:  # noqa: ANN001
            start = time.perf_counter()
            kind = event.type()
            handled = window_event(self, event)
            end = time.perf_counter()
            if end - start > 0.002:
                spans.append((start, end, f"window:{QEvent.Type(kind).name}", []))
            return handled

        console_mod.LiveConsole.event = timed_event
    timed_paint(Sparkline, "paint:sparkline")
    timed_paint(MinuteChart, "paint:minute_chart")
    gc_started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            end = time.perf_counter()
            gc_times.append((info.get("generation", -1), end - gc_started[0]))
            spans.append((gc_started[0], end, f"gc{info.get('generation', '')}", []))

    gc.callbacks.append(on_gc)

    state: dict = {"rss_start": None, "announced": False, "done": False}
    profiler = None
    if a.profile:
        import cProfile

        profiler = cProfile.Profile()

    def finish(console) -> None:  # noqa: ANN001
        state["done"] = True
        heart.stop()
        if profiler is not None:
            profiler.disable()
        console.engine.wait_idle(60)  # everything committed (the measurement is over)
        figures = heart.figures()
        times = sorted(refresh_times)
        profile_text = ""
        if profiler is not None:
            import io
            import pstats

            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
            profile_text = out.getvalue()
        result = {
            "baseline": baseline, "session": figures,
            "refresh": {"calls": len(times), "drawn": drawn[0], "max_ms": (times[-1] if times else 0) * 1000,
                        "p99_ms": _percentile(times, 0.99) * 1000},
            "gc": {str(g): {"count": sum(1 for gg, _ in gc_times if gg == g),
                            "max_ms": max((d for gg, d in gc_times if gg == g), default=0.0) * 1000}
                   for g in (0, 1, 2)},
            "open_ms": state.get("open_ms", 0.0),
            "rss_start_mb": state["rss_start"] or 0.0, "rss_end_mb": rss_mb(), "rss_peak_mb": rss_mb("VmHWM"),
            "profile": profile_text,
        }
        for text, n in stall_samples.most_common(25):
            print(f"sample {n} {text}", flush=True)
        print("@result " + json.dumps(result), flush=True)
        console.shutdown()

    def shown(console) -> None:  # noqa: ANN001
        def check() -> None:
            if state["done"]:
                return
            view = console.engine.view()
            if not view.ready:
                return
            if state["rss_start"] is None:
                state["rss_start"] = rss_mb()
            if (not state["announced"] and view.segment_index is not None
                    and view.segment_index == view.segment_count - 1):
                state["announced"] = True
                planned = view.current.planned_seconds if view.current is not None else SEGMENT_SECONDS
                print(f"@last_segment remaining={planned / a.speed - view.segment_elapsed_seconds:.3f}", flush=True)
            if view.status == "ended" and not state.get("finishing"):
                state["finishing"] = True
                QTimer.singleShot(0, lambda: finish(console))

        global heart
        heart = Heartbeat(HEARTBEAT_MS, on_tick=check, spans=spans)
        opened = time.perf_counter()

        def start_measuring() -> None:
            # Opening the console (its first frame, the engine loading the session) is start-up,
            # measured by the `startup` benchmark; the heartbeat measures the session from the
            # moment the console shows it: the engine is ready and the window has painted it.
            if not console.engine.view().ready:
                QTimer.singleShot(10, start_measuring)
                return
            console.refresh()
            console.repaint()
            state["open_ms"] = (time.perf_counter() - opened) * 1000
            heart.start()
            if os.environ.get("LIVE_BENCH_SAMPLE"):
                _start_stall_sampler(heart)
            if profiler is not None:
                profiler.enable()

        start_measuring()

    # Experiment knobs (not the app's behaviour; for finding out what a stall is made of):
    # LIVE_BENCH_SWITCH_INTERVAL=0.001 shortens the GIL hand-over; LIVE_BENCH_GC_FREEZE=1 moves
    # every object alive once the console is up out of the garbage collector's sight.
    if os.environ.get("LIVE_BENCH_SWITCH_INTERVAL"):
        sys.setswitchinterval(float(os.environ["LIVE_BENCH_SWITCH_INTERVAL"]))
    if os.environ.get("LIVE_BENCH_GC_FREEZE"):
        QTimer.singleShot(3000, gc.freeze)
    print("@baseline_done", flush=True)
    args = build_parser().parse_args(["--db", a.db, "live", a.tour, "--connection", a.connection, "--autopilot",
                                      "--speed", f"{a.speed:g}"])
    return run_live(args, on_shown=shown)


heart = None  # the child's session heartbeat
stall_samples: Counter = Counter()


def _start_stall_sampler(beat: "Heartbeat") -> None:
    """LIVE_BENCH_SAMPLE=1 (diagnosis only): a thread that looks every 2 ms whether the heartbeat
    is more than 16 ms overdue and, if so, notes where every thread is (innermost frames); the
    commonest places are printed at the end."""
    import threading

    main_id = threading.main_thread().ident

    def where(frame) -> str:  # noqa: ANN001
        parts = []
        while frame is not None and len(parts) < int(os.environ.get("LIVE_BENCH_SAMPLE_DEPTH", "4")):
            code = frame.f_code
            parts.append(f"{Path(code.co_filename).name}:{frame.f_lineno}:{code.co_name}")
            frame = frame.f_back
        return " < ".join(parts)

    def run() -> None:
        while True:
            time.sleep(0.002)
            if beat._last and time.perf_counter() - beat._last > 0.005 + 0.016:
                frames = sys._current_frames()
                for ident, frame in frames.items():
                    if ident == threading.get_ident():
                        continue
                    name = "GUI" if ident == main_id else "worker"
                    stall_samples[f"{name}: {where(frame)}"] += 1

    threading.Thread(target=run, daemon=True, name="stall-sampler").start()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
        raise SystemExit(child_main(sys.argv[2:]))
    print("run it through tests/benchmarks/run.py live-soak", file=sys.stderr)
    raise SystemExit(2)
