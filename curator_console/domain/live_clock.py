"""The clocks of a live session, worked out from its event log alone (pure; no I/O).

``clock_state(events, planned, now)`` replays ``(type, at, payload)`` events (the
``session_event`` rows, event names from ``domain/live_view.py``) and says where the session
stands at ``now``. The live engine calls it when it resumes a session, and its own running state
follows the same rules, so a resumed session shows exactly the clocks it had.

Rules
-----
- The **session clock** starts at ``session_started`` (or, without one, at the first event) and
  runs until ``session_ended``. ``session_paused`` stops it; ``session_resumed`` restarts it. A
  ``session_resumed`` that follows no pause (what a crashed session writes when it is picked up
  again) changes nothing: **the time between a crash and the resume counts as running time**,
  because the stream and the audience carried on; only a recorded pause is excluded.
- The **segment clock** is the session clock since the current segment's ``segment_started``;
  it stops at that segment's ``segment_ended``.
- **Drift** — how late the session runs against the planned running order (> 0 late, < 0
  early). With ``S`` the session time at which the current segment ``i`` started, ``e`` its
  elapsed time, ``P`` the planned offset of segment ``i`` (the sum of the planned seconds before
  it) and ``p`` its planned length::

      drift = (S + e) - (P + min(e, p)) = (S - P) + max(0, e - p)

  i.e. how late the segment started plus how far it has overrun its plan; a segment still within
  its plan does not add to the drift. Before the first segment starts the plan expects segment 0
  at 0, so the drift is the session time so far; after a segment ended with no next one started
  (yet) the plan expects segment ``i + 1`` now, so the drift is ``session time - P(i + 1)``.
- **Featured** products are those featured and not unfeatured since, in feature order.

Events are taken in time order (a stable sort on ``at``: events at the same instant keep their
order in the log).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

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

Event = tuple[str, datetime, Mapping]


@dataclass(frozen=True)
class ClockState:
    session_elapsed_seconds: float  # pauses excluded
    paused: bool
    ended: bool
    segment_index: int | None  # None before the first segment starts
    segment_elapsed_seconds: float  # pauses excluded; stops when the segment ends
    drift_seconds: float  # > 0: running late against the plan; < 0: early
    featured: tuple[str, ...] = ()
    started: bool = False  # a session_started (or any event) was seen
    segment_ended: bool = False  # the current segment has a segment_ended (none started since)
    segment_started_at: float | None = None  # session time at which the current segment started


def planned_offset(planned: Sequence[int], index: int) -> float:
    """Planned session time at which segment ``index`` starts (the sum of those before it)."""
    return float(sum(planned[: max(0, index)]))


def _planned_length(planned: Sequence[int], index: int) -> float:
    return float(planned[index]) if 0 <= index < len(planned) else 0.0


def clock_state(events: Sequence[Event], planned: Sequence[int], now: datetime) -> ClockState:
    ordered = sorted(events, key=lambda e: e[1])  # stable: same-instant events keep their log order
    started = False
    running = False
    paused = False
    ended = False
    acc = 0.0  # running seconds up to ``last``
    last: datetime | None = None
    seg_index: int | None = None
    seg_start = 0.0
    seg_end: float | None = None
    featured: dict[str, None] = {}

    for kind, at, payload in ordered:
        if last is not None and running and at > last:
            acc += (at - last).total_seconds()
        if last is None or at > last:
            last = at
        if not started:
            started = True
            running = True
        if kind == SESSION_STARTED:
            continue
        if kind == SESSION_PAUSED and not ended:
            running, paused = False, True
        elif kind == SESSION_RESUMED and not ended:
            running, paused = True, False
        elif kind == SESSION_ENDED:
            running, paused, ended = False, False, True
        elif kind == SEGMENT_STARTED:
            index = payload.get("index") if isinstance(payload, Mapping) else None
            seg_index = int(index) if isinstance(index, int) else (0 if seg_index is None else seg_index + 1)
            seg_start, seg_end = acc, None
        elif kind == SEGMENT_ENDED:
            index = payload.get("index") if isinstance(payload, Mapping) else None
            if seg_index is not None and seg_end is None and (index is None or index == seg_index):
                seg_end = acc
        elif kind in (PRODUCT_FEATURED, PRODUCT_UNFEATURED):
            sku = payload.get("sku") if isinstance(payload, Mapping) else None
            if isinstance(sku, str) and sku:
                if kind == PRODUCT_FEATURED:
                    featured[sku] = None
                else:
                    featured.pop(sku, None)

    if running and last is not None and now > last:
        acc += (now - last).total_seconds()

    if seg_index is None:
        seg_elapsed = 0.0
        drift = acc
    else:
        seg_elapsed = (seg_end if seg_end is not None else acc) - seg_start
        if seg_end is not None and not ended:
            drift = acc - planned_offset(planned, seg_index + 1)
        else:
            drift = (seg_start - planned_offset(planned, seg_index)) + max(
                0.0, seg_elapsed - _planned_length(planned, seg_index))
    return ClockState(
        session_elapsed_seconds=acc, paused=paused, ended=ended, segment_index=seg_index,
        segment_elapsed_seconds=seg_elapsed, drift_seconds=drift, featured=tuple(featured),
        started=started, segment_ended=seg_end is not None,
        segment_started_at=None if seg_index is None else seg_start,
    )


def autopilot_due(state: ClockState, planned: Sequence[int], speed: float = 1.0) -> bool:
    """Whether the autopilot should move on now: start the first segment, or leave the current one
    because its planned length (divided by ``speed``) is up. After the last segment moving on means
    ending the session (the engine does that). Never while paused or after the end."""
    if state.ended or state.paused or not state.started or not planned:
        return False
    if state.segment_index is None:
        return True
    if state.segment_ended:
        return True
    speed = speed if speed > 0 else 1.0
    return state.segment_elapsed_seconds >= _planned_length(planned, state.segment_index) / speed
