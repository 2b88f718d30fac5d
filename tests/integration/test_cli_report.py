"""`curator-console report SESSION` end to end, in a subprocess, on the seeded demo museum: the
headline figures of ``--json`` are checked against figures worked out here straight from the
order, line and viewer tables with plain SQL and arithmetic (not through the app's analytics)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text

from curator_console import paths
from tests.pdf_tools import pdf_text


def run(home, *args):
    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "curator_console", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=240)


def utc(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def lines_between(c, connection_id, start, end):
    """(order id, sku, quantity, unit price) of orders placed in [start, end)."""
    rows = c.execute(text(
        "SELECT o.platform_order_id, o.created_at, l.sku, l.quantity, l.unit_price FROM store_order o "
        "JOIN order_line l ON l.order_id = o.id WHERE o.connection_id = :c"), {"c": connection_id}).all()
    return [(oid, sku, int(q), Decimal(str(p))) for oid, at, sku, q, p in rows if start <= utc(at) < end]


def money(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01')):f}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    first = run(home, "--demo", "session", "list", "--json")
    assert first.returncode == 0, first.stderr
    env_home = os.environ.get("CURATOR_CONSOLE_HOME")
    os.environ["CURATOR_CONSOLE_HOME"] = str(home)
    try:
        db_path = paths.demo_database_path()
    finally:
        if env_home is None:
            os.environ.pop("CURATOR_CONSOLE_HOME", None)
        else:
            os.environ["CURATOR_CONSOLE_HOME"] = env_home
    return home, db_path


@pytest.mark.parametrize("baseline", ["day-before", "week-before", "avg-28d"])
def test_report_json_matches_the_raw_orders_for_every_demo_session(demo, baseline):
    home, db_path = demo
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as c:
        tz = ZoneInfo(c.execute(text("SELECT timezone FROM museum")).scalar_one())
        sessions = c.execute(text("SELECT id, started_at, ended_at, connection_id FROM live_session")).all()
        assert len(sessions) == 3
        for sid, started, ended, conn in sessions:
            start, end = utc(started), utc(ended)
            out = run(home, "--demo", "report", str(sid), "--baseline", baseline, "--json")
            assert out.returncode == 0, out.stderr
            got = json.loads(out.stdout)

            lines = lines_between(c, conn, start, end)
            revenue = sum((q * p for _o, _s, q, p in lines), Decimal(0))
            assert got["session_revenue"] == money(revenue)
            assert got["units"] == sum(q for _o, _s, q, _p in lines)
            assert got["orders"] == len({o for o, _s, _q, _p in lines})
            assert got["currency"] == "CNY"

            # the baseline, worked out by hand in the museum's zone
            local_start, local_end = start.astimezone(tz), end.astimezone(tz)
            if baseline == "avg-28d":
                day0 = local_start.replace(hour=0, minute=0, second=0, microsecond=0)
                b_start = (day0 - timedelta(days=28)).astimezone(timezone.utc)
                b_end = day0.astimezone(timezone.utc)
                scale = Decimal((end - start).total_seconds()) / Decimal(28 * 86400)
            else:
                days = 1 if baseline == "day-before" else 7
                b_start = (local_start - timedelta(days=days)).astimezone(timezone.utc)
                b_end = (local_end - timedelta(days=days)).astimezone(timezone.utc)
                scale = Decimal(1)
            b_lines = lines_between(c, conn, b_start, b_end)
            b_revenue = sum((q * p for _o, _s, q, p in b_lines), Decimal(0)) * scale
            assert Decimal(got["baseline_revenue"]) == b_revenue.quantize(Decimal("0.01"))
            if b_revenue:
                assert got["lift_multiple"] == pytest.approx(float(revenue / b_revenue), abs=0.001)
                assert got["lift_percent"] == pytest.approx(float((revenue - b_revenue) / b_revenue * 100), abs=0.01)
                assert got["lift_reason"] is None
            else:
                assert got["lift_percent"] is None and got["lift_multiple"] is None
                assert got["lift_reason"] in ("new sales", "no sales in either")

            viewers = c.execute(text("SELECT at, viewers FROM viewer_sample WHERE session_id = :s ORDER BY at"),
                                {"s": sid}).all()
            peak = max(v for _a, v in viewers)
            assert got["peak_viewers"] == peak
            # time-weighted average: each sample holds until the next one, the last until the end
            times = [utc(a) for a, _v in viewers] + [end]
            weighted = sum(v * (times[i + 1] - times[i]).total_seconds() for i, (_a, v) in enumerate(viewers))
            assert got["avg_viewers"] == pytest.approx(weighted / (end - times[0]).total_seconds(), abs=0.06)
            assert got["conversion_per_1000"] == pytest.approx(got["orders"] * 1000 / peak, abs=0.006)

            per_sku: dict[str, list] = defaultdict(lambda: [0, Decimal(0)])
            for _o, sku, q, p in lines:
                per_sku[sku][0] += q
                per_sku[sku][1] += q * p
            listed = {p["sku"]: p for p in got["products"]}
            for sku, (units, rev) in per_sku.items():
                assert listed[sku]["units"] == units and listed[sku]["revenue"] == money(rev)
            assert set(listed[next(iter(listed))]) >= {"sku", "units", "revenue", "baseline_revenue", "lift_percent"}


def test_report_custom_window_and_files(demo, tmp_path):
    home, _db = demo
    out = run(home, "--demo", "report", "1", "--baseline", "2026-01-01..2026-12-31", "--json",
              "--pdf", str(tmp_path / "r.pdf"), "--png", str(tmp_path / "png"), "--csv", str(tmp_path / "csv"))
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["baseline"]["kind"] == "custom" and got["baseline"]["scale"] == "1"
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
    assert "%PDF" in (tmp_path / "r.pdf").read_bytes()[:8].decode("latin-1")
    assert sorted(p.suffix for p in (tmp_path / "png").iterdir()) and all(
        p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in (tmp_path / "png").iterdir())
    assert {p.name for p in (tmp_path / "csv").iterdir()} >= {"products.csv", "segments.csv"}
    words = pdf_text(tmp_path / "r.pdf")
    assert "青花与蜀绣" in words


def test_report_refusals_are_plain(demo):
    home, _db = demo
    bad = run(home, "--demo", "report", "1", "--baseline", "yesterday")
    assert bad.returncode == 2 and "not a baseline" in bad.stderr
    rate = run(home, "--demo", "report", "1", "--rate", "USD:7")
    assert rate.returncode == 2 and "exchange rate" in rate.stderr
    missing = run(home, "--demo", "report", "999")
    assert missing.returncode == 1 and "no session 999" in missing.stderr
    text_out = run(home, "--demo", "report", "1", "--baseline", "none")
    assert text_out.returncode == 0 and "orders_from=Built-in simulator" in text_out.stdout
