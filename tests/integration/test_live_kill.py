"""Kill test: ``curator-console live TOUR --autopilot`` in a child process, killed with SIGKILL at
random moments, picked up each time with ``live TOUR --resume``.

The platform (a real simulator on 127.0.0.1) lives in this process, so it carries on while the
console is dead, as a real one would. After every kill the test reads what the database holds —
committed before the kill — and checks, once the next run has resumed, that all of it is still
there unchanged (ids and contents), that the session continues (a ``session_resumed`` event, the
segment index never going backwards) and that no order is counted twice. The last run ends the
session (the autopilot at a higher speed runs out the remaining segments), and every order the
simulator produced in the session's window is stored exactly once.

No fixed sleeps: a kill waits until the running console has committed at least one new event,
then a random extra moment (a seeded RNG) so kills land anywhere — while loading, polling,
writing a burst, switching segments.
"""

from __future__ import annotations

import json
import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from curator_console.connectors.simulator.model import SimulatorModel, StoreProfile
from curator_console.connectors.simulator.server import SimulatorServer
from curator_console.persistence import models as m
from curator_console.services.live_writer import parse_time

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

TOKEN = "sim-token-for-the-kill-test"
TOKEN_ENV = "LIVE_KILL_SIM_TOKEN"
TOUR = "Kill test tour"
SPEED = 20  # the platform's and the autopilot's speed while the console is being killed
FINAL_SPEED = 600  # the last run's autopilot runs out the remaining segments at once
# Six 200-second segments: ten real seconds each at SPEED, so kills land in several of them.
SEGMENTS = [("Welcome", 200, "KL-1"), ("Silk", 200, "KL-2"), ("Tea", 200, "KL-3"), ("Vase", 200, "KL-1"),
            ("Scarf", 200, "KL-2"), ("Goodbye", 200, "KL-3")]
PRODUCTS = [("KL-1", "Vase replica", "298.00"), ("KL-2", "Silk scarf", "168.00"), ("KL-3", "Tea cup", "88.00")]
KILLS = 10
SEED = 20261127
START_TIMEOUT = 45.0  # a child must commit its first event within this (a slow, shared CI box)


class FreezableClock:
    def __init__(self) -> None:
        self.frozen: float | None = None

    def __call__(self) -> float:
        return self.frozen if self.frozen is not None else time.monotonic()

    def freeze(self) -> None:
        self.frozen = time.monotonic()


def build(db, server_url: str) -> None:
    with db.session_factory() as s:
        museum = m.Museum(code="KT", name="Kill test museum")
        item = m.CollectionItem(museum=museum, object_number="KT-1", title="Object")
        products = {sku: m.Product(sku=sku, title=title, price=Decimal(price), currency="CNY", items=[item])
                    for sku, title, price in PRODUCTS}
        s.add_all([museum, item, *products.values()])
        s.add(m.Connection(name="Sim", platform="simulator", base_url=server_url, room="r1", token_env=TOKEN_ENV,
                           options={"speed": SPEED}))
        tour = m.Tour(title=TOUR, museum=museum)
        for pos, (title, planned, sku) in enumerate(SEGMENTS):
            seg = m.Segment(position=pos, title=title, planned_seconds=planned, script=f"**{title}**")
            seg.items = [m.SegmentItem(item=item, position=0)]
            seg.products = [m.SegmentProduct(product=products[sku], position=0, auto_feature=True)]
            tour.segments.append(seg)
        s.add(tour)
        s.commit()


class Snapshot:
    """What the file holds: events (id → (type, at, payload)), stored order ids, session status."""

    def __init__(self, path: Path) -> None:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            row = con.execute("SELECT id, status FROM live_session ORDER BY id DESC LIMIT 1").fetchone()
            self.session_id, self.status = row if row else (None, None)
            self.events = {i: (t, at, json.loads(p) if isinstance(p, str) else p) for i, t, at, p in con.execute(
                "SELECT id, type, at, payload FROM session_event WHERE session_id=? ORDER BY id", (self.session_id,))}
            self.stored = [r[0] for r in con.execute("SELECT platform_order_id FROM store_order")]
        finally:
            con.close()

    @property
    def last_id(self) -> int:
        return max(self.events, default=0)

    def of(self, kind: str) -> list[dict]:
        return [p for t, _at, p in self.events.values() if t == kind]

    def segment_index(self) -> int:
        started = self.of("segment_started")
        return started[-1]["index"] if started else -1


def wait_for(condition, timeout: float, what: str, proc: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the console exited ({proc.returncode}) while waiting for {what}")
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def test_the_console_killed_at_random_moments_resumes_with_every_committed_event_and_no_order_twice(
        tmp_path, open_db, monkeypatch):
    clock = FreezableClock()
    catalog = [{"sku": sku, "title": title, "price": price, "currency": "CNY", "stock": None, "objects": ["KT-1"]}
               for sku, title, price in PRODUCTS]
    model = SimulatorModel(catalog, seed=3, speed=SPEED, clock=clock, store=StoreProfile(orders_per_1000_visitors=100))
    server = SimulatorServer(model, "127.0.0.1", 0, TOKEN, page_size=100, clock=time.monotonic)
    server.start()
    db_path = tmp_path / "live.sqlite3"
    db = open_db(f"sqlite:///{db_path}")
    build(db, server.url)
    db.dispose()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1", **{TOKEN_ENV: TOKEN})
    base = [sys.executable, "-m", "curator_console", "--db", str(db_path), "live", TOUR, "--autopilot"]
    rng = random.Random(SEED)
    logs: list[Path] = []

    def launch(*extra: str) -> subprocess.Popen:
        log = tmp_path / f"console-{len(logs)}.log"
        logs.append(log)
        with open(log, "w", encoding="utf-8") as out:
            return subprocess.Popen(base + list(extra), env=env, stdout=out, stderr=subprocess.STDOUT,
                                    cwd=tmp_path)

    def kill(proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    proc = launch("--connection", "Sim", "--speed", str(SPEED))
    snapshots: list[Snapshot] = []
    kill_delays: list[float] = []
    trail: list[str] = []
    try:
        before = 0
        for n in range(KILLS + 1):
            # The console committed something new (for a resumed run: at least its session_resumed).
            wait_for(lambda: Snapshot(db_path).last_id > before, START_TIMEOUT, f"run {n}'s first new event",
                     proc)
            if n > 0:
                now = Snapshot(db_path)
                at_kill = snapshots[-1]
                # Every event committed before the kill is still there, unchanged.
                for event_id, event in at_kill.events.items():
                    assert now.events.get(event_id) == event, f"run {n}: event {event_id} changed or vanished"
                assert set(at_kill.stored) <= set(now.stored)
                assert now.status in ("running", "paused")
                new = [now.events[i] for i in sorted(now.events) if i > at_kill.last_id]
                assert new[0][0] == "session_resumed" and new[0][2].get("after_restart") is True, new[:3]
                assert now.segment_index() >= at_kill.segment_index()  # never backwards
            if n == KILLS:
                break
            delay = rng.uniform(0.0, 1.5)
            kill_delays.append(delay)
            deadline = time.monotonic() + delay
            wait_for(lambda: time.monotonic() >= deadline, delay + 5, "the kill moment", proc)
            kill(proc)
            snap = Snapshot(db_path)
            assert snap.status in ("running", "paused"), "the session ended before the kills were done"
            received = [p["platform_order_id"] for p in snap.of("order_received")]
            assert len(received) == len(set(received)), f"kill {n + 1}: an order was announced twice"
            assert len(snap.stored) == len(set(snap.stored)) and set(received) == set(snap.stored)
            snapshots.append(snap)
            trail.append(f"+{delay:.2f}s seg {snap.segment_index()} orders {len(snap.stored)}")
            before = snap.last_id
            proc = launch("--resume", "--speed", str(SPEED))

        # The platform's time when the session started (its clock still runs here).
        started = parse_time(snapshots[0].events[min(snapshots[0].events)][1])
        session_start_ts = model.sim_ts() - (time.time() - started.timestamp()) * SPEED
        # The last run: the platform's time stops (no new orders), the autopilot runs out the
        # remaining segments and ends the session, with the final orders poll.
        kill(proc)
        snapshots.append(Snapshot(db_path))
        clock.freeze()
        before = snapshots[-1].last_id
        proc = launch("--resume", "--speed", str(FINAL_SPEED))
        final = wait_for(lambda: (s := Snapshot(db_path)).status == "ended" and s.of("session_ended") and s, 60.0,
                         "the autopilot to end the session", proc)
    finally:
        kill(proc)
        server.stop()
    final = Snapshot(db_path)
    for snap in snapshots:
        for event_id, event in snap.events.items():
            assert final.events.get(event_id) == event
    assert final.status == "ended"
    assert len(final.of("session_ended")) == 1
    # One session_resumed per restart (each run was killed only after committing one).
    resumed = final.of("session_resumed")
    assert len(resumed) == KILLS + 1 and all(p.get("after_restart") for p in resumed)
    # The autopilot went through every segment, never backwards.
    indexes = [p["index"] for p in final.of("segment_started")]
    assert indexes == sorted(indexes) and indexes[-1] == len(SEGMENTS) - 1 and set(indexes) == set(range(len(SEGMENTS)))
    # No order counted twice; every order received is stored, and the other way round.
    received = [p["platform_order_id"] for p in final.of("order_received")]
    assert len(received) == len(set(received)) == len(final.stored) == len(set(final.stored))
    assert set(received) == set(final.stored)
    assert len(received) > 50  # orders really flowed across the kills
    # And none lost: every order the simulator produced from the session's start to the end of the
    # window (its clock is frozen now). The engine knows the platform's time of the start to a
    # platform second or two (it reads it off the viewer counts), so orders within BAND seconds of
    # it may fall either side.
    end = final.of("session_ended")[0]
    hi = math.ceil(parse_time(end["orders_until"]).timestamp())
    band = 3 * 1.0
    expected = {o.id for o in model.all_orders() if session_start_ts + band <= o.ts < hi}
    either = {o.id for o in model.all_orders() if session_start_ts - band <= o.ts < session_start_ts + band}
    assert expected <= set(received), f"{len(expected - set(received))} orders lost"
    assert set(received) - expected <= either, f"{len(set(received) - expected - either)} orders from elsewhere"
    print(f"kills (delay after a new commit, segment, orders stored): {'; '.join(trail)}; "
          f"at the end {len(final.events)} events, {len(received)} orders")
