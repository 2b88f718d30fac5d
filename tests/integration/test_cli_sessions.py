"""`curator-console session list/show` end to end, in a subprocess, on the seeded demo museum; the
figures are checked against counts worked out here straight from the tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import create_engine, text

from curator_console import paths
from curator_console.domain.live_view import EVENT_TYPES


def run(home, *args):
    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "curator_console", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=180)


def iso(value) -> str:
    if isinstance(value, str):  # SQLite hands back text
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def test_session_list_and_show_json_match_the_tables(curator_home):
    out = run(curator_home, "--demo", "session", "list", "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)
    assert all(set(row) == {"id", "tour", "mode", "status", "started_at", "ended_at"} for row in listed)

    engine = create_engine(f"sqlite:///{paths.demo_database_path()}")
    try:
        with engine.connect() as c:
            sessions = c.execute(text(
                "SELECT s.id, t.title, s.mode, s.status, s.started_at, s.ended_at, s.connection_id "
                "FROM live_session s LEFT JOIN tour t ON t.id = s.tour_id ORDER BY s.started_at DESC, s.id DESC"
            )).all()
            assert len(sessions) == 3  # the demo seeds three past sessions
            assert [(r["id"], r["tour"], r["mode"], r["status"], r["started_at"], r["ended_at"]) for r in listed] == [
                (sid, title, mode, status, iso(start), iso(end)) for sid, title, mode, status, start, end, _ in sessions]

            for sid, title, mode, status, start, end, _conn in sessions:
                shown = run(curator_home, "--demo", "session", "show", str(sid), "--json")
                assert shown.returncode == 0, shown.stderr
                detail = json.loads(shown.stdout)
                assert {k: detail[k] for k in ("id", "tour", "mode", "status")} == {
                    "id": sid, "tour": title, "mode": mode, "status": status}
                kinds = Counter(dict(c.execute(text(
                    "SELECT type, COUNT(*) FROM session_event WHERE session_id = :s GROUP BY type"), {"s": sid}).all()))
                assert detail["events"] == {k: kinds.get(k, 0) for k in EVENT_TYPES}
                assert detail["events"]["segment_started"] > 0 and detail["events"]["marker"] > 0
                samples = c.execute(text("SELECT COUNT(*) FROM viewer_sample WHERE session_id = :s"),
                                    {"s": sid}).scalar_one()
                assert detail["viewer_samples"] == samples > 0
                # The demo's sessions carry no order_received events: their orders are those
                # placed between start and end.
                lines = c.execute(text(
                    "SELECT o.platform_order_id, l.quantity, l.unit_price FROM store_order o "
                    "JOIN order_line l ON l.order_id = o.id WHERE o.created_at >= :a AND o.created_at < :b"),
                    {"a": start, "b": end}).all()
                assert lines
                assert detail["orders"] == len({oid for oid, _, _ in lines})
                assert detail["units"] == sum(q for _, q, _ in lines)
                assert Decimal(detail["revenue"]) == sum((q * Decimal(str(p)) for _, q, p in lines), Decimal(0))
                assert detail["revenue"] == f"{Decimal(detail['revenue']):.2f}"  # a decimal string, cents shown
    finally:
        engine.dispose()


def test_session_show_of_an_unknown_id_says_so(curator_home):
    out = run(curator_home, "--demo", "session", "show", "9999")
    assert out.returncode == 1
    assert "There is no session 9999" in out.stderr and out.stdout == ""


def test_session_list_as_a_table(curator_home):
    out = run(curator_home, "--demo", "session", "list")
    assert out.returncode == 0, out.stderr
    header, *lines = out.stdout.rstrip("\n").splitlines()
    assert header.split() == ["id", "tour", "mode", "status", "started", "ended"]
    assert len(lines) == 3 and all(" ended " in line for line in lines)
