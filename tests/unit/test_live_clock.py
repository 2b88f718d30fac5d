"""The session clocks worked out from the event log alone (domain/live_clock.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from curator_console.domain.live_clock import autopilot_due, clock_state, planned_offset
from curator_console.domain.live_view import (
    PRODUCT_FEATURED,
    PRODUCT_UNFEATURED,
    SEGMENT_ENDED,
    SEGMENT_STARTED,
    SESSION_ENDED,
    SESSION_PAUSED,
    SESSION_RESUMED,
    SESSION_STARTED,
)

T0 = datetime(2026, 3, 14, 11, 30, tzinfo=timezone.utc)
PLAN = [600, 300, 900]  # planned starts at 0, 600, 900


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def ev(kind: str, seconds: float, **payload):
    return (kind, at(seconds), payload)


def test_before_anything_started_nothing_runs():
    s = clock_state([], PLAN, at(100))
    assert (s.started, s.session_elapsed_seconds, s.segment_index, s.drift_seconds) == (False, 0.0, None, 0.0)
    assert not autopilot_due(s, PLAN)


def test_waiting_before_the_first_segment_counts_as_late():
    s = clock_state([ev(SESSION_STARTED, 0)], PLAN, at(45))
    assert s.session_elapsed_seconds == 45
    assert s.segment_index is None and s.segment_elapsed_seconds == 0
    assert s.drift_seconds == 45
    assert autopilot_due(s, PLAN)  # the autopilot starts segment 0 at once


def test_segment_within_its_plan_adds_no_drift_and_overrun_does():
    events = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 0, index=0)]
    within = clock_state(events, PLAN, at(500))
    assert (within.segment_index, within.segment_elapsed_seconds, within.drift_seconds) == (0, 500, 0)
    over = clock_state(events, PLAN, at(700))
    assert over.drift_seconds == 100  # 100 s over the 600 planned


def test_finishing_a_segment_early_puts_the_session_ahead():
    events = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 0, index=0), ev(SEGMENT_ENDED, 400, index=0),
              ev(SEGMENT_STARTED, 400, index=1)]
    s = clock_state(events, PLAN, at(450))
    assert (s.segment_index, s.segment_elapsed_seconds) == (1, 50)
    assert s.drift_seconds == -200  # segment 1 was planned at 600 and started at 400


def test_starting_the_first_segment_late_is_behind_the_plan():
    events = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 90, index=0)]
    s = clock_state(events, PLAN, at(100))
    assert s.drift_seconds == 90 and s.segment_elapsed_seconds == 10


def test_pauses_stop_both_clocks():
    events = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 0, index=0), ev(SESSION_PAUSED, 100),
              ev(SESSION_RESUMED, 400)]
    paused = clock_state(events[:3], PLAN, at(300))
    assert paused.paused and paused.session_elapsed_seconds == 100 and paused.segment_elapsed_seconds == 100
    assert not autopilot_due(paused, PLAN, speed=1000)  # never while paused
    running = clock_state(events, PLAN, at(450))
    assert not running.paused
    assert running.session_elapsed_seconds == 150 and running.segment_elapsed_seconds == 150


def test_a_crash_gap_counts_as_running_time_but_a_recorded_pause_does_not():
    # Crashed at 200 (no event), picked up again at 800: the stream went on, so the gap counts.
    crashed = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 0, index=0), ev(SESSION_RESUMED, 800)]
    s = clock_state(crashed, PLAN, at(900))
    assert s.session_elapsed_seconds == 900 and s.segment_index == 0 and s.segment_elapsed_seconds == 900
    assert s.drift_seconds == 300
    # Paused at 200, then crashed, resumed at 800: the pause is excluded.
    paused_then_crashed = crashed[:2] + [ev(SESSION_PAUSED, 200), ev(SESSION_RESUMED, 800)]
    p = clock_state(paused_then_crashed, PLAN, at(900))
    assert p.session_elapsed_seconds == 300 and p.segment_elapsed_seconds == 300 and not p.paused


def test_ended_freezes_everything():
    events = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 0, index=0), ev(SEGMENT_ENDED, 500, index=0),
              ev(SEGMENT_STARTED, 500, index=1), ev(SEGMENT_ENDED, 900, index=1), ev(SESSION_ENDED, 900)]
    s = clock_state(events, PLAN, at(5000))
    assert s.ended and not s.paused
    assert (s.session_elapsed_seconds, s.segment_index, s.segment_elapsed_seconds) == (900, 1, 400)
    assert s.drift_seconds == (500 - 600) + (400 - 300)
    assert not autopilot_due(s, PLAN)


def test_between_segments_the_plan_expects_the_next_one_now():
    events = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 0, index=0), ev(SEGMENT_ENDED, 550, index=0)]
    s = clock_state(events, PLAN, at(650))
    assert s.segment_ended and s.segment_elapsed_seconds == 550
    assert s.drift_seconds == 50  # segment 1 was planned at 600; it is 650 now


def test_featured_products_follow_the_log_in_order():
    events = [ev(SESSION_STARTED, 0), ev(PRODUCT_FEATURED, 10, sku="A"), ev(PRODUCT_FEATURED, 11, sku="B"),
              ev(PRODUCT_UNFEATURED, 12, sku="A"), ev(PRODUCT_FEATURED, 13, sku="C")]
    assert clock_state(events, PLAN, at(20)).featured == ("B", "C")


def test_events_out_of_order_are_replayed_in_time_order():
    events = [ev(SEGMENT_STARTED, 100, index=0), ev(SESSION_STARTED, 0)]
    s = clock_state(events, PLAN, at(160))
    assert s.session_elapsed_seconds == 160 and s.segment_elapsed_seconds == 60


@pytest.mark.parametrize("speed, elapsed, due", [(1.0, 599, False), (1.0, 600, True), (60.0, 9.9, False),
                                                 (60.0, 10.0, True)])
def test_autopilot_moves_on_when_the_planned_length_divided_by_speed_is_up(speed, elapsed, due):
    events = [ev(SESSION_STARTED, 0), ev(SEGMENT_STARTED, 0, index=0)]
    assert autopilot_due(clock_state(events, PLAN, at(elapsed)), PLAN, speed) is due


def test_planned_offset():
    assert [planned_offset(PLAN, i) for i in range(4)] == [0, 600, 900, 1800]
