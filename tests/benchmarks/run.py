#!/usr/bin/env python3
"""Curator Console benchmarks (not collected by pytest).

    python tests/benchmarks/run.py startup [--runs N]
    python tests/benchmarks/run.py all [--runs N]

Every benchmark prints its individual figures as it goes and ends with ONE summary line of
``key=value`` pairs, starting with the benchmark's name, e.g.

    startup app_median_ms=812 baseline_median_ms=301 ratio=2.70 app_reported_median_ms=640 runs=9

so CI can ``grep '^startup '``. Figures are reported, never asserted: these are measurements, not
tests. Processes run off screen (``QT_QPA_PLATFORM=offscreen``) with a throwaway
``CURATOR_CONSOLE_HOME`` so nothing touches the user's own data.

Adding a benchmark: write ``def bench_<name>(args, ctx) -> dict`` that prints its per-run figures
and returns the summary's key/value pairs, and decorate it with ``@benchmark("<name>", "help")``.
``all`` runs every registered benchmark in registration order.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROCESS_TIMEOUT_S = 300  # a hang guard only
STARTUP_LINE = re.compile(r"^startup_ms=(\d+)$", re.MULTILINE)


# --- registry ------------------------------------------------------------------------------


@dataclass
class Context:
    """Shared by the benchmarks of one invocation: a private app home and the process environment."""

    home: Path
    env: dict[str, str]
    scratch: Path
    notes: list[str] = field(default_factory=list)


Benchmark = Callable[[argparse.Namespace, Context], dict[str, object]]
BENCHMARKS: dict[str, tuple[Benchmark, str]] = {}


def benchmark(name: str, help_text: str) -> Callable[[Benchmark], Benchmark]:
    def register(fn: Benchmark) -> Benchmark:
        if name in BENCHMARKS or name == "all":
            raise ValueError(f"benchmark name {name!r} is taken")
        BENCHMARKS[name] = (fn, help_text)
        return fn

    return register


def summary_line(name: str, figures: dict[str, object]) -> str:
    return " ".join([name, *(f"{k}={v}" for k, v in figures.items())])


# --- helpers -------------------------------------------------------------------------------


class BenchmarkError(RuntimeError):
    pass


@dataclass
class Timed:
    wall_ms: float
    stdout: str
    stderr: str


def run_timed(cmd: list[str], ctx: Context) -> Timed:
    """Run a process to completion; wall-clock time around ``subprocess.run``. Fails on a non-zero exit."""
    start = time.perf_counter()
    result = subprocess.run(cmd, env=ctx.env, capture_output=True, text=True, encoding="utf-8",
                            errors="replace", timeout=PROCESS_TIMEOUT_S, cwd=ctx.scratch)
    wall_ms = (time.perf_counter() - start) * 1000
    if result.returncode != 0:
        raise BenchmarkError(
            f"{' '.join(cmd)} exited {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return Timed(wall_ms, result.stdout, result.stderr)


def median_ms(values: list[float]) -> int:
    return int(round(statistics.median(values)))


def console_script() -> list[str]:
    """The installed ``curator-console`` entry point beside this interpreter (or ``-m`` without one)."""
    exe = Path(sys.executable).with_name("curator-console.exe" if os.name == "nt" else "curator-console")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "curator_console"]


# --- startup -------------------------------------------------------------------------------

BASELINE_SCRIPT = textwrap.dedent(
    """\
    # Bare PySide6: the least any Qt window can cost to show (the startup benchmark's yardstick).
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()

    def first_idle():
        print("baseline_ready", flush=True)
        app.quit()

    QTimer.singleShot(0, first_idle)
    sys.exit(app.exec())
    """
)


@benchmark("startup", "app start to an idle main window (--demo --smoke) vs. a bare PySide6 window")
def bench_startup(args: argparse.Namespace, ctx: Context) -> dict[str, object]:
    warm = console_script() + ["--demo", "--smoke"]
    print(f"startup: warm-up: {' '.join(warm)} (creates the demo database)", flush=True)
    first = run_timed(warm, ctx)
    if not STARTUP_LINE.search(first.stdout):
        raise BenchmarkError(f"warm-up printed no startup_ms line:\n{first.stdout}")
    print(f"startup: warm-up done in {first.wall_ms:.0f} ms", flush=True)

    baseline = ctx.scratch / "baseline_window.py"
    baseline.write_text(BASELINE_SCRIPT, encoding="utf-8")
    app_cmd = [sys.executable, "-m", "curator_console", "--demo", "--smoke"]
    base_cmd = [sys.executable, str(baseline)]

    app_ms: list[float] = []
    reported_ms: list[int] = []
    base_ms: list[float] = []
    for i in range(1, args.runs + 1):
        app = run_timed(app_cmd, ctx)
        match = STARTUP_LINE.search(app.stdout)
        if match is None:
            raise BenchmarkError(f"run {i}: no startup_ms line in:\n{app.stdout}")
        base = run_timed(base_cmd, ctx)
        if "baseline_ready" not in base.stdout:
            raise BenchmarkError(f"run {i}: the baseline window never became idle:\n{base.stdout}{base.stderr}")
        app_ms.append(app.wall_ms)
        reported_ms.append(int(match.group(1)))
        base_ms.append(base.wall_ms)
        print(f"startup: run {i}/{args.runs}: app_ms={app.wall_ms:.0f} app_reported_ms={match.group(1)} "
              f"baseline_ms={base.wall_ms:.0f}", flush=True)

    app_median, base_median = median_ms(app_ms), median_ms(base_ms)
    return {
        "app_median_ms": app_median,
        "baseline_median_ms": base_median,
        "ratio": f"{statistics.median(app_ms) / statistics.median(base_ms):.2f}",
        "app_reported_median_ms": median_ms(reported_ms),
        "runs": args.runs,
    }


# Further benchmarks (import, search, ingest) go here, each registered with @benchmark(...).


# --- command line --------------------------------------------------------------------------


# --- ingest --------------------------------------------------------------------------------

INGEST_DAILY_ORDERS = 1500.0  # × 30 days of simulated store history ≈ 45,000 orders


@benchmark("ingest", "order ingestion from the built-in simulator (orders/s) vs. a bare requests + sqlite3 loop")
def bench_ingest(args: argparse.Namespace, ctx: Context) -> dict[str, object]:
    """Both sides read the same pages from the same simulator server (its own HTTP contract) and
    store the same orders; the app through its connector and exactly-once ingestion into its own
    schema (one file per run), the baseline as a bare ``requests`` + ``sqlite3`` loop inserting into
    the same two tables with ``executemany`` and one commit per page."""
    import json
    import sqlite3
    from datetime import datetime, timedelta, timezone

    import requests

    from curator_console.connectors.base import ConnectionSettings
    from curator_console.connectors.http import HttpClient
    from curator_console.connectors.rest import RestConnector
    from curator_console.connectors.simulator.model import SimulatorModel, StoreProfile
    from curator_console.connectors.simulator.server import SimulatorServer
    from curator_console.paths import resources_dir
    from curator_console.persistence.db import open_database, resolve_url
    from curator_console.persistence import models as m
    from curator_console.persistence.unit_of_work import UnitOfWork
    from curator_console.services.store_sync import ingest_orders

    os.environ["CURATOR_CONSOLE_HOME"] = str(ctx.home)
    catalog = json.loads((resources_dir() / "demo" / "products.json").read_text(encoding="utf-8"))
    for product in catalog:
        product["stock"] = None  # never sells out: every run sees the same orders
    start = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
    store = StoreProfile(weekday_orders=INGEST_DAILY_ORDERS, weekend_orders=INGEST_DAILY_ORDERS)
    model = SimulatorModel(catalog, seed=7, start=start, store=store, clock=lambda: 0.0)
    server = SimulatorServer(model, "127.0.0.1", 0, "bench-token", page_size=500)
    server.start()
    since, until = start - timedelta(days=31), start
    try:
        app_rates, bare_rates, counts = [], [], []
        for run in range(args.runs):
            # The app: connector + exactly-once ingestion into its own schema.
            db = open_database(resolve_url(ctx.scratch / f"app-{run}.sqlite3", ctx.scratch), backups_dir=ctx.scratch)
            with db.session_factory() as s:
                conn = m.Connection(name="sim", platform="rest", base_url=server.url, room="r1")
                s.add(conn)
                s.commit()
                connection_id = conn.id
            connector = RestConnector(ConnectionSettings("sim", "rest", server.url, "r1", token="bench-token"),
                                      HttpClient())
            t0 = time.perf_counter()
            new, _seen = ingest_orders(lambda: UnitOfWork(db.session_factory), connection_id,
                                       connector.orders(since, until))
            app_s = time.perf_counter() - t0
            db.dispose()

            # The baseline: the same pages, requests + sqlite3 into the same tables.
            bare_path = ctx.scratch / f"bare-{run}.sqlite3"
            template = open_database(resolve_url(bare_path, ctx.scratch), backups_dir=ctx.scratch)
            template.dispose()
            sql = sqlite3.connect(bare_path)
            sql.execute("INSERT INTO connection (name, platform, base_url, room, token_env, allow_insecure_http,"
                        " options, version, created_at, updated_at) VALUES ('sim','rest','', 'r1','',0,'{}',1,"
                        " '2026-01-01','2026-01-01')")
            sql.commit()
            session = requests.Session()
            session.headers["Authorization"] = "Bearer bench-token"
            params = {"since": since.isoformat().replace("+00:00", "Z"), "until": until.isoformat().replace("+00:00", "Z")}
            t0 = time.perf_counter()
            bare_n = 0
            cursor = None
            while True:
                page = session.get(server.url + "/v1/orders", params={**params, **({"cursor": cursor} if cursor else {})},
                                   timeout=30).json()
                orders = page["orders"]
                now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
                cur = sql.executemany(
                    "INSERT OR IGNORE INTO store_order (connection_id, platform_order_id, created_at, currency,"
                    " ingested_at) VALUES (1, ?, ?, ?, ?)",
                    [(o["id"], o["created_at"].replace("T", " ").rstrip("Z"), o["lines"][0]["currency"], now)
                     for o in orders])
                ids = dict(sql.execute(
                    "SELECT platform_order_id, id FROM store_order WHERE platform_order_id IN (%s)"
                    % ",".join("?" * len(orders)), [o["id"] for o in orders]).fetchall()) if orders else {}
                sql.executemany(
                    "INSERT OR IGNORE INTO order_line (order_id, line_no, sku, quantity, unit_price, currency)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(ids[o["id"]], n, ln["sku"], ln["quantity"], ln["unit_price"], ln["currency"])
                     for o in orders for n, ln in enumerate(o["lines"], start=1)])
                sql.commit()
                bare_n += len(orders)
                cursor = page.get("next_cursor")
                if not cursor:
                    break
            bare_s = time.perf_counter() - t0
            sql.close()
            if bare_n != new:
                raise BenchmarkError(f"the app stored {new} orders, the baseline {bare_n}")
            counts.append(new)
            app_rates.append(new / app_s)
            bare_rates.append(bare_n / bare_s)
            print(f"ingest run {run + 1}: orders={new} app={new / app_s:,.0f}/s bare={bare_n / bare_s:,.0f}/s",
                  flush=True)
    finally:
        server.stop()
    app_median = statistics.median(app_rates)
    bare_median = statistics.median(bare_rates)
    return {"orders": counts[0], "app_orders_per_s": int(app_median), "baseline_orders_per_s": int(bare_median),
            "ratio": f"{app_median / bare_median:.2f}", "runs": args.runs}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run.py", description="Curator Console benchmarks.")
    sub = parser.add_subparsers(dest="name", metavar="BENCHMARK", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--runs", type=int, default=9, help="measured runs per benchmark (default 9)")

    for name, (_fn, help_text) in BENCHMARKS.items():
        common(sub.add_parser(name, help=help_text))
    common(sub.add_parser("all", help="every benchmark above, one summary line each"))
    return parser


def make_context(scratch: Path) -> Context:
    home = scratch / "home"
    home.mkdir()
    env = dict(os.environ)
    env["CURATOR_CONSOLE_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("LANG", "C.UTF-8")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return Context(home=home, env=env, scratch=scratch)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.runs < 1:
        print("run.py: --runs must be at least 1", file=sys.stderr)
        return 2
    names = list(BENCHMARKS) if args.name == "all" else [args.name]
    failed = False
    for name in names:
        fn, _help = BENCHMARKS[name]
        with tempfile.TemporaryDirectory(prefix=f"curator-bench-{name}-") as tmp:
            ctx = make_context(Path(tmp))
            try:
                figures = fn(args, ctx)
            except (BenchmarkError, subprocess.TimeoutExpired) as exc:
                print(f"{name}: FAILED: {exc}", file=sys.stderr, flush=True)
                failed = True
                continue
        print(summary_line(name, figures), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
