"""The live session engine against a real simulated platform on 127.0.0.1 (and a fake OBS speaking
obs-websocket): autopilot through every segment, orders stored exactly once, featuring, faults,
crash and resume, OBS scene switches. No fixed sleeps: every wait is a condition with a deadline.

The simulator's clock can be frozen: with simulated time standing still no new orders appear, so
after the session ends the orders it stored can be compared id for id with every order the
simulator produced in the session's window."""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

import pytest
import requests

from curator_console.connectors.http import HttpClient
from curator_console.connectors.simulator.model import SimulatorModel, StoreProfile
from curator_console.connectors.simulator.server import SimulatorServer
from curator_console.domain.live_view import (
    CONNECTED,
    CONNECTION_STATUS,
    OFFLINE,
    ORDER_RECEIVED,
    PRODUCT_FEATURED,
    PRODUCT_UNFEATURED,
    RETRYING,
    SEGMENT_ENDED,
    SEGMENT_STARTED,
    SESSION_ENDED,
    SESSION_RESUMED,
)
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import live_sessions
from curator_console.services.live_engine import LiveEngine
from curator_console.services.live_writer import parse_time
from tests.fakes.obs_server import FakeObs

TOKEN = "sim-token-for-live-engine"
PRODUCTS = [  # sku, title, price, linked object
    ("LV-1", "Vase replica", "298.00", "OBJ-1"),
    ("LV-2", "Silk scarf", "168.00", "OBJ-2"),
    ("LV-3", "Postcards", "19.90", "OBJ-3"),
    ("LV-4", "Tea cup", "88.00", "OBJ-3"),
]
# segment: (title, planned seconds, [(sku, auto_feature)], obs scene or "")
SEGMENTS = [
    ("Welcome", 900, [("LV-1", True), ("LV-2", False)], "Main"),
    ("Silk", 900, [("LV-2", True), ("LV-3", False)], ""),
    ("Tea", 900, [("LV-4", True)], "Outro"),
]


class FreezableClock:
    """Real seconds until ``freeze()``: from then on the simulator's time stands still."""

    def __init__(self) -> None:
        self.frozen: float | None = None

    def __call__(self) -> float:
        return self.frozen if self.frozen is not None else time.monotonic()

    def freeze(self) -> None:
        self.frozen = time.monotonic()


@dataclass
class World:
    db: object
    server: SimulatorServer
    model: SimulatorModel
    clock: FreezableClock
    tour_id: int

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.db.session_factory)

    def engine(self, session_id: int, **kw) -> LiveEngine:
        kw.setdefault("backoff_base", 0.1)
        kw.setdefault("backoff_max", 0.5)
        kw.setdefault("poll_timeout", 1.0)
        return LiveEngine(self.uow, HttpClient(), session_id, **kw)

    def fault(self, mode: str, **body) -> None:
        r = requests.post(self.server.url + "/v1/_sim/faults", json={"mode": mode, "seconds": 120, **body},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
        assert r.status_code == 204

    def clear_faults(self) -> None:
        r = requests.delete(self.server.url + "/v1/_sim/faults", headers={"Authorization": f"Bearer {TOKEN}"},
                            timeout=10)
        assert r.status_code == 204


def wait_for(condition, timeout: float = 30.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def db(sqlite_url, open_db):
    return open_db(sqlite_url)


def build_world(db, monkeypatch, speed: float, conversion: float, obs_url: str = "", obs_timeout: float = 5.0):
    clock = FreezableClock()
    catalog = [{"sku": sku, "title": title, "price": price, "currency": "CNY", "stock": None, "objects": [obj]}
               for sku, title, price, obj in PRODUCTS]
    model = SimulatorModel(catalog, seed=11, speed=speed, clock=clock,
                           store=StoreProfile(orders_per_1000_visitors=conversion))
    server = SimulatorServer(model, "127.0.0.1", 0, TOKEN, page_size=50)
    server.start()
    monkeypatch.setenv("LIVE_TEST_SIM_TOKEN", TOKEN)
    monkeypatch.setenv("LIVE_TEST_OBS_PASSWORD", "obs-secret")
    with db.session_factory() as s:
        museum = m.Museum(code="LT", name="Live test museum")
        s.add(museum)
        items = {}
        for _sku, _t, _p, obj in PRODUCTS:
            if obj not in items:
                items[obj] = m.CollectionItem(museum=museum, object_number=obj, title=f"Object {obj}")
        products = {}
        for sku, title, price, obj in PRODUCTS:
            products[sku] = m.Product(sku=sku, title=title, price=Decimal(price), currency="CNY", items=[items[obj]])
        s.add_all([*items.values(), *products.values()])
        s.add(m.Connection(name="Sim", platform="simulator", base_url=server.url, room="r1",
                           token_env="LIVE_TEST_SIM_TOKEN", options={"speed": speed}))
        if obs_url:
            s.add(m.Connection(name="OBS", platform="obs", base_url=obs_url, token_env="LIVE_TEST_OBS_PASSWORD",
                               options={"timeout": obs_timeout}))
        tour = m.Tour(title="Night tour", museum=museum)
        for pos, (title, planned, links, scene) in enumerate(SEGMENTS):
            seg = m.Segment(position=pos, title=title, planned_seconds=planned, script=f"**{title}**")
            seg.items = [m.SegmentItem(item=items[PRODUCTS[pos][3]], position=0)]
            seg.products = [m.SegmentProduct(product=products[sku], position=n, auto_feature=auto,
                                             pitch=f"pitch {sku}")
                            for n, (sku, auto) in enumerate(links)]
            seg.cues = [m.Cue(position=0, kind="text", text="Camera 2")]
            if scene:
                seg.cues.append(m.Cue(position=1, kind="obs_scene", text=scene))
            tour.segments.append(seg)
        s.add(tour)
        s.commit()
        tour_id = tour.id
    return World(db, server, model, clock, tour_id)


@pytest.fixture
def worlds():
    made: list[World] = []
    yield made
    for w in made:
        w.server.stop()


def events(world: World, session_id: int) -> list[m.SessionEvent]:
    with world.db.session_factory() as s:
        rows = s.query(m.SessionEvent).filter_by(session_id=session_id).order_by(m.SessionEvent.id).all()
        s.expunge_all()
        return rows


def stored_order_ids(world: World) -> list[str]:
    with world.db.session_factory() as s:
        return [i for (i,) in s.query(m.Order.platform_order_id)]


def simulator_orders_in(world: World, since, until) -> set[str]:
    """The simulator's orders in the window the engine polled (its rule: ceil(since) <= ts < ceil(until))."""
    lo, hi = math.ceil(since.timestamp()), math.ceil(until.timestamp())
    return {o.id for o in world.model.all_orders() if lo <= o.ts < hi}


def ended_window(world: World, session_id: int):
    end = [e for e in events(world, session_id) if e.type == SESSION_ENDED]
    assert len(end) == 1
    return parse_time(end[0].payload["orders_since"]), parse_time(end[0].payload["orders_until"])


@pytest.fixture
def any_db(any_db_url, open_db):
    return open_db(any_db_url)


def test_autopilot_runs_every_segment_and_stores_every_order_once(any_db, monkeypatch, worlds):
    world = build_world(any_db, monkeypatch, speed=300, conversion=20)
    worlds.append(world)
    session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
    engine = world.engine(session_id, autopilot=True, speed=300)
    engine.start()
    try:
        # Segment 0 auto-features LV-1: the platform says so while the segment runs.
        wait_for(lambda: engine.view().segment_index == 0, what="segment 0")
        wait_for(lambda: "LV-1" in world.model.featured("r1"), what="LV-1 featured on the platform")
        wait_for(lambda: "LV-1" in engine.view().featured, what="LV-1 featured in the view")
        wait_for(lambda: engine.view().segment_index == 2, what="the last segment")
        world.clock.freeze()  # no new orders from here on
        wait_for(lambda: engine.view().status == "ended", what="the autopilot to end the session")
        assert engine.wait_idle(30)
        view = engine.view()
    finally:
        engine.close()

    log = events(world, session_id)
    kinds = Counter(e.type for e in log)
    assert [e.payload["index"] for e in log if e.type == SEGMENT_STARTED] == [0, 1, 2]
    assert [e.payload["index"] for e in log if e.type == SEGMENT_ENDED] == [0, 1, 2]
    assert kinds[SESSION_ENDED] == 1 and log[-1].type == SESSION_ENDED
    # Each segment's auto-feature product was featured, and unfeatured when the next one began.
    assert [e.payload["sku"] for e in log if e.type == PRODUCT_FEATURED] == ["LV-1", "LV-2", "LV-4"]
    assert sorted(e.payload["sku"] for e in log if e.type == PRODUCT_UNFEATURED) == ["LV-1", "LV-2", "LV-4"]
    assert world.model.featured("r1") == []
    statuses = [(e.payload["state"], e.payload["detail"]) for e in log if e.type == CONNECTION_STATUS]
    assert statuses == [(CONNECTED, "")]  # a healthy platform: connected once, never retrying

    since, until = ended_window(world, session_id)
    expected = simulator_orders_in(world, since, until)
    stored = stored_order_ids(world)
    received = [e.payload["platform_order_id"] for e in log if e.type == ORDER_RECEIVED]
    assert len(expected) > 100  # a real burst went through
    assert len(stored) == len(set(stored)) and set(stored) == expected
    assert len(received) == len(set(received)) and set(received) == expected
    assert view.orders == len(expected)
    with world.db.session_factory() as s:
        live = s.get(m.LiveSession, session_id)
        assert (live.status, live.mode) == ("ended", "rehearsal") and live.ended_at is not None
        samples = s.query(m.ViewerSample).filter_by(session_id=session_id).count()
        units = sum(ln.quantity for ln in s.query(m.OrderLine))
        revenue = sum((ln.quantity * ln.unit_price for ln in s.query(m.OrderLine)), Decimal(0))
    assert samples == kinds["viewer_sample"] and samples > 0
    assert (view.units, view.revenue) == (units, revenue)
    detail = live_sessions.session_detail_json(world.uow(), session_id)
    assert (detail["orders"], detail["units"], Decimal(detail["revenue"])) == (len(expected), units, revenue)
    assert view.segment_index == 2 and view.viewers is not None and view.viewer_series


def test_featuring_by_hand_and_by_hotkey_reaches_the_platform_and_the_log(db, monkeypatch, worlds):
    world = build_world(db, monkeypatch, speed=10, conversion=1)
    worlds.append(world)
    session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
    engine = world.engine(session_id)
    engine.start()
    try:
        engine.next_segment()
        wait_for(lambda: engine.view().segment_index == 0, what="segment 0")
        engine.feature("LV-2")
        wait_for(lambda: world.model.featured("r1") == ["LV-2"], what="LV-2 featured on the platform")
        wait_for(lambda: engine.view().featured == ("LV-2",), what="LV-2 in the view")
        current = engine.view().current
        assert [(p.sku, p.featured, p.hotkey) for p in current.products] == [("LV-1", False, 1), ("LV-2", True, 2)]
        engine.feature_hotkey(1)  # toggles LV-1 on
        wait_for(lambda: set(world.model.featured("r1")) == {"LV-1", "LV-2"}, what="LV-1 featured by hotkey")
        engine.feature_hotkey(2)  # toggles LV-2 off
        wait_for(lambda: world.model.featured("r1") == ["LV-1"], what="LV-2 unfeatured by hotkey")
        engine.feature_hotkey(7)
        wait_for(lambda: "no product 7" in engine.view().notice, what="a notice for a missing hotkey")
        engine.add_marker("guest joins")
        engine.end()
        wait_for(lambda: engine.view().status == "ended", what="the end")
        assert engine.wait_idle(30)
    finally:
        engine.close()
    log = events(world, session_id)
    feats = [(e.type, e.payload["sku"]) for e in log if e.type in (PRODUCT_FEATURED, PRODUCT_UNFEATURED)]
    assert feats == [(PRODUCT_FEATURED, "LV-2"), (PRODUCT_FEATURED, "LV-1"), (PRODUCT_UNFEATURED, "LV-2"),
                     (PRODUCT_UNFEATURED, "LV-1")]  # the end unfeatures what is still featured
    first = next(e for e in log if e.type == PRODUCT_FEATURED)
    assert first.payload["segment"] == 0 and parse_time(first.payload["requested_at"]) <= first.at
    assert [e.payload["text"] for e in log if e.type == "marker"] == ["guest joins"]
    assert world.model.featured("r1") == []


@pytest.mark.parametrize("mode, body", [("error", {}), ("rate_limit", {"retry_after": 1}), ("slow", {"delay": 30}),
                                        ("drop", {})])
def test_a_fault_shows_retrying_then_connected_and_loses_no_order(db, monkeypatch, worlds, mode, body):
    world = build_world(db, monkeypatch, speed=120, conversion=20)
    worlds.append(world)
    session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
    engine = world.engine(session_id)
    engine.start()

    def platform_state():
        states = [c for c in engine.view().connections if c.role == "platform"]
        return states[0] if states else None

    try:
        engine.next_segment()
        wait_for(lambda: platform_state() is not None and platform_state().state == CONNECTED, what="connected")
        wait_for(lambda: engine.view().orders > 0, what="first orders")
        world.fault(mode, **body)
        retrying = wait_for(lambda: (s := platform_state()) and s.state in (RETRYING, OFFLINE) and s, what="retrying")
        assert retrying.detail and retrying.offline_since is not None
        frozen_orders = engine.view().orders
        started = time.monotonic()
        engine.add_marker("during the outage")  # the console keeps working meanwhile
        wait_for(lambda: engine.view().markers == 1, timeout=5, what="a marker during the outage")
        wait_for(lambda: time.monotonic() - started > 0.5, what="some of the outage")
        world.clear_faults()
        wait_for(lambda: platform_state().state == CONNECTED, what="connected again")
        wait_for(lambda: engine.view().orders > frozen_orders, what="orders after the outage")
        world.clock.freeze()
        engine.end()
        wait_for(lambda: engine.view().status == "ended", what="the end")
        assert engine.wait_idle(30)
    finally:
        engine.close()
    log = events(world, session_id)
    states = [e.payload["state"] for e in log if e.type == CONNECTION_STATUS and e.payload["role"] == "platform"]
    assert states[0] == CONNECTED and states[-1] == CONNECTED and RETRYING in states
    assert all(a != b for a, b in zip(states, states[1:]))  # written only on change
    since, until = ended_window(world, session_id)
    expected = simulator_orders_in(world, since, until)
    stored = stored_order_ids(world)
    assert len(stored) == len(set(stored)) and set(stored) == expected


def test_a_crashed_session_resumes_its_segment_and_clocks_and_orders_stay_exactly_once(db, monkeypatch, worlds):
    world = build_world(db, monkeypatch, speed=120, conversion=20)
    worlds.append(world)
    session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
    first = world.engine(session_id)
    first.start()
    first.next_segment()
    first.next_segment()
    wait_for(lambda: first.view().segment_index == 1, what="segment 1")
    first.feature("LV-3")
    wait_for(lambda: "LV-3" in first.view().featured, what="LV-3 featured")
    wait_for(lambda: first.view().orders > 20, what="orders before the crash")
    orders_before = first.view().orders
    first.close()  # like a crash: never ended
    assert [r.id for r in live_sessions.unfinished_sessions(world.uow())] == [session_id]
    log_at_crash = events(world, session_id)
    last_stored_at = log_at_crash[-1].at

    second = world.engine(session_id)
    second.start(resume=True)
    try:
        view = wait_for(lambda: (v := second.view()).ready and v, what="the resumed session")
        assert view.segment_index == 1 and view.status == "running"
        assert view.featured == ("LV-3",)
        assert view.orders >= orders_before
        # The clocks continue from the stored events: the crash gap counted as running time.
        segment_start = next(e.at for e in reversed(log_at_crash) if e.type == SEGMENT_STARTED)
        assert view.segment_elapsed_seconds >= (last_stored_at - segment_start).total_seconds()
        assert view.session_elapsed_seconds >= (last_stored_at - log_at_crash[0].at).total_seconds()
        wait_for(lambda: second.view().orders > orders_before + 5, what="orders after the resume")
        second.next_segment()
        wait_for(lambda: second.view().segment_index == 2, what="segment 2 after the resume")
        world.clock.freeze()
        second.end()
        wait_for(lambda: second.view().status == "ended", what="the end")
        assert second.wait_idle(30)
    finally:
        second.close()
    log = events(world, session_id)
    assert sum(e.type == SESSION_RESUMED for e in log) == 1
    assert [e.payload["index"] for e in log if e.type == SEGMENT_STARTED] == [0, 1, 2]
    stored = stored_order_ids(world)
    received = [e.payload["platform_order_id"] for e in log if e.type == ORDER_RECEIVED]
    assert len(stored) == len(set(stored)) and len(received) == len(set(received)) == len(stored)
    since, until = ended_window(world, session_id)
    # The first engine's window started at the session's start; the resumed one continues it.
    first_since = min(parse_time(e.payload["created_at"]) for e in log if e.type == ORDER_RECEIVED)
    expected = simulator_orders_in(world, min(since, first_since), until)
    assert set(stored) == expected
    assert live_sessions.unfinished_sessions(world.uow()) == []


def test_resuming_on_a_restarted_platform_continues_from_its_present(db, monkeypatch, worlds):
    """The built-in simulator dies with a crashed app and starts again with a fresh clock: the
    resumed session carries on selling from the new platform's present, and nothing the new
    platform sold before the resume (its own history) is counted as the session's."""
    world = build_world(db, monkeypatch, speed=1200, conversion=20)
    worlds.append(world)
    session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
    first = world.engine(session_id, speed=1200)
    first.start()
    first.next_segment()
    wait_for(lambda: first.view().orders > 20, what="orders before the crash")
    # Far ahead: at ×1200 the first platform's clock ran ~40 platform minutes in two real seconds,
    # which the restarted one (×30) would need over a real minute to reach.
    wait_for(lambda: first.view().session_elapsed_seconds > 2.0, what="two seconds of session")
    first.close()  # the crash: the app and its simulator are gone
    world.server.stop()
    stored_before = set(stored_order_ids(world))

    catalog = [{"sku": sku, "title": title, "price": price, "currency": "CNY", "stock": None, "objects": [obj]}
               for sku, title, price, obj in PRODUCTS]
    model = SimulatorModel(catalog, seed=11, speed=30, store=StoreProfile(orders_per_1000_visitors=20))
    restarted = SimulatorServer(model, "127.0.0.1", 0, TOKEN, page_size=50)
    restarted.start()
    worlds.append(World(world.db, restarted, model, world.clock, world.tour_id))
    with db.session_factory() as s:
        s.query(m.Connection).filter_by(name="Sim").one().base_url = restarted.url
        s.commit()

    second = world.engine(session_id, speed=30)
    second.start(resume=True)
    try:
        wait_for(lambda: len(set(stored_order_ids(world)) - stored_before) > 3, timeout=30,
                 what="orders from the new platform")
    finally:
        second.close()
    new = set(stored_order_ids(world)) - stored_before
    live_since_restart = {o.id for o in model.all_orders() if o.ts >= model.start_ts}
    assert new <= live_since_restart  # none of the new platform's history
    log = events(world, session_id)
    received = [e.payload["platform_order_id"] for e in log if e.type == ORDER_RECEIVED]
    assert len(received) == len(set(received)) == len(stored_before | new)


def test_obs_switches_scene_on_segment_start_and_a_hanging_obs_never_blocks(db, monkeypatch, worlds):
    with FakeObs(password="obs-secret", scenes=["Intro", "Main", "Outro"], current="Intro") as obs:
        world = build_world(db, monkeypatch, speed=60, conversion=1, obs_url=obs.url)
        worlds.append(world)
        session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
        engine = world.engine(session_id)
        engine.start()
        try:
            engine.next_segment()
            wait_for(lambda: obs.current == "Main", what="OBS on Main")
            wait_for(lambda: any(c.role == "obs" and c.state == CONNECTED for c in engine.view().connections),
                     what="OBS connected")
            engine.next_segment()  # no scene cue: OBS stays on Main
            engine.next_segment()
            wait_for(lambda: obs.current == "Outro", what="OBS on Outro")
            assert "Main" in [d.get("sceneName") for t, d in obs.requests if t == "SetCurrentProgramScene"]
            engine.end()
            wait_for(lambda: engine.view().status == "ended", what="the end")
        finally:
            engine.close()


def test_an_obs_that_never_answers_never_blocks_the_session(db, monkeypatch, worlds):
    """OBS accepts the connection but never says hello: segments move on at once, and the failure
    shows as a notice and an offline OBS."""
    with FakeObs(password="obs-secret", hello_delay=None) as silent:
        world = build_world(db, monkeypatch, speed=60, conversion=1, obs_url=silent.url, obs_timeout=1.0)
        worlds.append(world)
        session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
        engine = world.engine(session_id)
        engine.start()
        try:
            engine.next_segment()
            engine.next_segment()
            engine.next_segment()
            wait_for(lambda: engine.view().segment_index == 2, timeout=10, what="segments moving on")
            wait_for(lambda: "OBS scene switch" in engine.view().notice, what="the OBS failure notice")
            obs_state = next(c for c in engine.view().connections if c.role == "obs")
            assert obs_state.state == OFFLINE and obs_state.detail and obs_state.offline_since is not None
            engine.end()
            wait_for(lambda: engine.view().status == "ended", what="the end")
        finally:
            engine.close()
    statuses = [e.payload for e in events(world, session_id) if e.type == CONNECTION_STATUS]
    assert [(p["role"], p["state"]) for p in statuses if p["role"] == "obs"] == [("obs", OFFLINE)]


def test_view_is_cheap_and_clocks_run_between_frames(db, monkeypatch, worlds):
    world = build_world(db, monkeypatch, speed=10, conversion=1)
    worlds.append(world)
    session_id = live_sessions.start_session(world.uow(), world.tour_id, "Sim")
    engine = world.engine(session_id)
    assert engine.view().ready is False  # before start: a placeholder, no I/O
    engine.start()
    try:
        engine.next_segment()
        wait_for(lambda: engine.view().segment_index == 0, what="segment 0")
        a = engine.view()
        b = wait_for(lambda: (v := engine.view()).segment_elapsed_seconds > a.segment_elapsed_seconds and v,
                     what="the segment clock to move")
        assert b.session_elapsed_seconds > a.session_elapsed_seconds
        engine.pause()
        paused = wait_for(lambda: (v := engine.view()).status == "paused" and v, what="paused")
        later = wait_for(lambda: (v := engine.view()).version > paused.version and v, timeout=60,
                         what="another frame while paused")
        assert later.status == "paused" and later.segment_elapsed_seconds == paused.segment_elapsed_seconds
        engine.resume()
        wait_for(lambda: engine.view().status == "running", what="running again")
        engine.end()
        wait_for(lambda: engine.view().status == "ended", what="ended")
        assert engine.wait_idle(30)
    finally:
        engine.close()
    assert [e.type for e in events(world, session_id) if e.type.startswith("session_")] == [
        "session_started", "session_paused", "session_resumed", "session_ended"]


def test_the_tour_is_frozen_into_the_session(db, monkeypatch, worlds):
    world = build_world(db, monkeypatch, speed=10, conversion=1)
    worlds.append(world)
    session_id = live_sessions.start_session(world.uow(), world.tour_id)  # default: the built-in simulator
    with world.db.session_factory() as s:
        seg = s.query(m.Segment).filter_by(tour_id=world.tour_id, position=0).one()
        seg.title = "Renamed later"
        s.commit()
        live = s.get(m.LiveSession, session_id)
        assert live.mode == "rehearsal" and live.status == "running" and live.connection.platform == "simulator"
        snap = live.tour_snapshot
    first = snap["segments"][0]
    assert first["title"] == "Welcome"
    assert first["objects"] == [{"object_number": "OBJ-1", "title": "Object OBJ-1", "image_sha256": ""}]
    assert first["products"][0] == {"sku": "LV-1", "title": "Vase replica", "price": "298.00", "live_price": None,
                                    "currency": "CNY", "stock": None, "pitch": "pitch LV-1", "auto_feature": True}
    assert first["cues"] == [{"kind": "text", "text": "Camera 2"}, {"kind": "obs_scene", "text": "Main"}]
    assert live_sessions.snapshot_scene_cues(snap) == ("Main", "", "Outro")
    live_sessions.abandon_session(world.uow(), session_id)
    assert live_sessions.unfinished_sessions(world.uow()) == []
    with pytest.raises(live_sessions.LiveSessionError, match="already abandoned"):
        live_sessions.abandon_session(world.uow(), session_id)



def test_a_rehearsal_on_the_built_in_simulator_runs_at_the_engine_speed(db, monkeypatch, worlds):
    from curator_console.connectors.simulator import platform as simulator

    world = build_world(db, monkeypatch, speed=1, conversion=1)
    worlds.append(world)
    simulator.stop_shared()
    session_id = live_sessions.start_session(world.uow(), world.tour_id)  # no connection: the built-in one
    engine = world.engine(session_id, speed=240)
    engine.start()
    try:
        wait_for(lambda: engine.view().viewers, what="viewer counts from the embedded simulator")
        embedded = simulator.shared()
        assert embedded.model.speed == 240
        assert {p.sku for p in embedded.model.catalog} == {sku for sku, *_ in PRODUCTS}  # the museum's own shop
        engine.next_segment()
        engine.feature("LV-4")
        wait_for(lambda: embedded.model.featured("r1") == ["LV-4"], what="LV-4 featured on the embedded simulator")
        engine.end()
        wait_for(lambda: engine.view().status == "ended", what="the end")
        assert engine.wait_idle(30)
    finally:
        engine.close()
        simulator.stop_shared()
    with world.db.session_factory() as s:
        live = s.get(m.LiveSession, session_id)
        assert live.mode == "rehearsal" and live.connection.name == live_sessions.SIMULATOR_CONNECTION
        assert s.query(m.ViewerSample).filter_by(session_id=session_id).count() > 0
