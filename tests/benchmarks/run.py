#!/usr/bin/env python3
"""Curator Console benchmarks (not collected by pytest).

    python tests/benchmarks/run.py startup [--runs N]
    python tests/benchmarks/run.py live-soak [--speed 120] [--faults]   (live-faults = --faults)
    python tests/benchmarks/run.py report [--orders 100000] [--runs 3]
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
ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {}  # a benchmark's own options


def benchmark(name: str, help_text: str,
              arguments: Callable[[argparse.ArgumentParser], None] | None = None) -> Callable[[Benchmark], Benchmark]:
    """Register ``bench_<name>``; ``arguments(parser)`` adds options of its own (``all`` gets them too)."""
    def register(fn: Benchmark) -> Benchmark:
        if name in BENCHMARKS or name == "all":
            raise ValueError(f"benchmark name {name!r} is taken")
        BENCHMARKS[name] = (fn, help_text)
        if arguments is not None:
            ARGUMENTS[name] = arguments
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
                sql.executemany(
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


# --- import --------------------------------------------------------------------------------

IMPORT_DEFAULT_ROWS = 200_000
IMPORT_HEADERS = ["藏品编号", "名称", "英文名称", "作者", "年代", "质地", "尺寸", "类别", "描述", "英文描述", "标签",
                  "Object Begin Date", "Object End Date", "Credit Line"]


def write_import_csv(path: Path, rows: int, seed: int = 11) -> None:
    """A collection export with realistic Chinese and English text: ~12-character Chinese titles,
    ~60-character English titles, 80–160-character Chinese and 200–400-character English
    descriptions, three to five tags separated by |, years; UTF-8 with a BOM, as Excel writes."""
    import csv
    import random

    rng = random.Random(seed)
    dynasties = [("商", -1600, -1046), ("周", -1046, -256), ("汉", -206, 220), ("唐", 618, 907), ("宋", 960, 1279),
                 ("元", 1271, 1368), ("明", 1368, 1644), ("清", 1644, 1912)]
    hanzi = ("青花瓷瓶碗盘罐壶杯盏炉鼎钟镜玉璧琮佩剑戈书画卷轴扇面册页山水人物花鸟草虫龙凤纹缠枝莲牡丹菊梅兰竹松鹤鹿"
             "鱼马云雷回兽面饕餮粉彩斗彩五釉里红白黑褐绿黄紫金银铜铁漆木竹牙角石陶瓦砖官窑民景德镇龙泉钧汝哥定磁州耀州"
             "建宜兴德化长沙越邢")
    words = ("vase bowl dish jar ewer cup censer tripod bell mirror jade disc blade scroll album leaf landscape figures "
             "flowers birds insects dragon phoenix lotus scroll peony chrysanthemum plum orchid bamboo pine crane deer "
             "fish horse cloud thunder mask famille rose doucai glaze underglaze red white black brown green yellow "
             "purple gold silver bronze iron lacquer wood ivory stone pottery tile brick imperial kiln Jingdezhen "
             "Longquan Jun Ru Ge Ding Cizhou Yaozhou Jian Yixing Dehua porcelain stoneware earthenware").split()
    tags = ["青花", "blue-and-white", "官窑", "imperial", "瓷器", "porcelain", "书画", "painting", "青铜", "bronze",
            "玉器", "jade", "漆器", "lacquer", "缠枝莲", "lotus", "龙纹", "dragon", "山水", "landscape"]
    classes = ["瓷器", "书画", "青铜器", "玉器", "漆器", "陶器", "织绣", "金银器"]
    materials = ["瓷 Porcelain", "绢本设色 Ink and colour on silk", "青铜 Bronze", "玉 Jade", "漆木 Lacquered wood",
                 "陶 Earthenware"]

    def zh(n: int) -> str:
        return "".join(rng.choice(hanzi) for _ in range(n))

    def en(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize()

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(IMPORT_HEADERS)
        for i in range(rows):
            dynasty, begin, end = rng.choice(dynasties)
            start = rng.randint(begin, end - 1)
            out.writerow([
                f"BM.{1900 + i % 120}.{i:07d}", dynasty + zh(rng.randint(8, 14)), en(rng.randint(6, 12)),
                zh(rng.randint(2, 4)) if rng.random() < 0.4 else "", dynasty, rng.choice(materials),
                f"H. {rng.uniform(5, 90):.1f} cm; Diam. {rng.uniform(5, 40):.1f} cm", rng.choice(classes),
                "。".join(zh(rng.randint(15, 30)) for _ in range(rng.randint(4, 6))) + "。",
                ". ".join(en(rng.randint(8, 14)) for _ in range(rng.randint(3, 5))) + ".",
                "|".join(rng.sample(tags, rng.randint(3, 5))), start, min(end, start + rng.randint(0, 60)),
                f"Gift of {en(2)}, {rng.randint(1950, 2020)}" if rng.random() < 0.5 else "",
            ])


def bare_import(csv_path: Path, db_path: Path) -> int:
    """The yardstick: the same CSV read with the csv module and written with bare sqlite3
    ``executemany`` (explicit ids, one transaction, same pragmas) into the same tables —
    collection_item, item_tag and the item_search FTS rows with the same ``domain.search.document``
    text. No mapping, no checks, no upsert: the least an import into this schema can cost."""
    import csv
    import sqlite3
    from datetime import datetime, timezone

    from curator_console.domain.search import document

    fields = ["object_number", "title", "alt_title", "maker", "period", "medium", "dimensions", "classification",
              "description", "alt_description", "tags", "begin_year", "end_year", "credit_line"]
    text_cols = ["culture", "date_text", "provenance", "rights", "source_ref"]
    now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
    conn = sqlite3.connect(db_path)
    for pragma in ("foreign_keys=ON", "busy_timeout=10000", "journal_mode=WAL", "synchronous=FULL"):
        conn.execute(f"PRAGMA {pragma}")
    item_cols = ["id", "museum_id", *[f for f in fields if f != "tags"], *text_cols, "source", "version",
                 "created_at", "updated_at"]
    item_sql = f"INSERT INTO collection_item ({', '.join(item_cols)}) VALUES ({', '.join('?' * len(item_cols))})"
    tag_sql = "INSERT INTO item_tag (item_id, tag, position) VALUES (?, ?, ?)"
    fts_sql = "INSERT INTO item_search (rowid, num, title, people, tags, body) VALUES (?, ?, ?, ?, ?, ?)"
    n = 0
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        conn.execute("BEGIN")
        conn.execute("INSERT INTO museum (id, code, name, alt_name, city, timezone, description, alt_description,"
                     " version, created_at, updated_at) VALUES (1, 'MUSEUM', 'bench', '', '', 'UTC', '', '', 1, ?, ?)",
                     (now, now))
        while True:
            items, tag_rows, docs = [], [], []
            for cells in reader:
                n += 1
                record = dict(zip(fields, cells))
                tag_list = [t for t in record.pop("tags").split("|") if t]
                record["begin_year"] = int(record["begin_year"]) if record["begin_year"] else None
                record["end_year"] = int(record["end_year"]) if record["end_year"] else None
                items.append((n, 1, *record.values(), "", "", "", "", "", "csv", 1, now, now))
                tag_rows.extend((n, t, i) for i, t in enumerate(tag_list))
                d = document({**record, "tags": tag_list})
                docs.append((n, d.num, d.title, d.people, d.tags, d.body))
                if len(items) >= 5000:
                    break
            if not items:
                break
            conn.executemany(item_sql, items)
            conn.executemany(tag_sql, tag_rows)
            conn.executemany(fts_sql, docs)
        conn.commit()
    conn.close()
    return n


@benchmark("import", "CSV collection import through the CLI's service (rows/s) vs. bare sqlite3 executemany")
def bench_import(args: argparse.Namespace, ctx: Context) -> dict[str, object]:
    """Both sides import the same generated CSV (Chinese and English text, tags with |) into a fresh
    SQLite file of the app's schema: the app through ``services.collection_import.import_collection``
    in-process — exactly what ``curator-console import-collection`` runs (encoding and delimiter
    detection, header mapping, checks, upsert lookups, tags, search index, one transaction) — the
    baseline with ``bare_import``. Database creation is outside the timings; reading the file is in."""
    from sqlalchemy import text

    from curator_console.persistence.db import open_database, resolve_url
    from curator_console.persistence.unit_of_work import UnitOfWork
    from curator_console.services.collection_import import import_collection

    os.environ["CURATOR_CONSOLE_HOME"] = str(ctx.home)
    rows = args.rows or IMPORT_DEFAULT_ROWS
    csv_path = ctx.scratch / "collection.csv"
    t0 = time.perf_counter()
    write_import_csv(csv_path, rows)
    print(f"import: generated {rows:,} rows ({csv_path.stat().st_size / 1e6:.0f} MB) in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    app_rates, bare_rates = [], []
    for run in range(args.runs):
        db = open_database(resolve_url(ctx.scratch / f"app-{run}.sqlite3", ctx.scratch), backups_dir=ctx.scratch)
        t0 = time.perf_counter()
        report = import_collection(UnitOfWork(db.session_factory), csv_path)
        app_s = time.perf_counter() - t0
        with db.engine.connect() as conn:
            stored = conn.execute(text("SELECT COUNT(*) FROM collection_item")).scalar_one()
            indexed = conn.execute(text("SELECT COUNT(*) FROM item_search")).scalar_one()
        db.dispose()
        if report.imported != rows or stored != rows or indexed != rows or report.rejected:
            raise BenchmarkError(f"the app imported {report.imported} of {rows} rows (stored {stored}, "
                                 f"indexed {indexed}, rejected {report.rejected_rows})")

        bare_path = ctx.scratch / f"bare-{run}.sqlite3"
        open_database(resolve_url(bare_path, ctx.scratch), backups_dir=ctx.scratch).dispose()
        t0 = time.perf_counter()
        bare_n = bare_import(csv_path, bare_path)
        bare_s = time.perf_counter() - t0
        if bare_n != rows:
            raise BenchmarkError(f"the baseline stored {bare_n} of {rows} rows")
        app_rates.append(rows / app_s)
        bare_rates.append(rows / bare_s)
        print(f"import run {run + 1}: app={rows / app_s:,.0f} rows/s ({app_s:.1f} s) "
              f"bare={rows / bare_s:,.0f} rows/s ({bare_s:.1f} s)", flush=True)
        for suffix in ("", "-wal", "-shm"):
            for stem in (f"app-{run}.sqlite3", f"bare-{run}.sqlite3"):
                (ctx.scratch / (stem + suffix)).unlink(missing_ok=True)
    app_median = statistics.median(app_rates)
    bare_median = statistics.median(bare_rates)
    return {"rows": rows, "app_rows_per_s": int(app_median), "baseline_rows_per_s": int(bare_median),
            "ratio": f"{app_median / bare_median:.2f}", "runs": args.runs}


# --- search --------------------------------------------------------------------------------


@benchmark("search", "first screenful of ranked results on a large collection vs. the same queries on the index")
def bench_search(args: argparse.Namespace, ctx: Context) -> dict[str, object]:
    """See ``search_bench.py``. ``--rows`` (default 2,000,000) objects are generated into the app's
    schema first (several minutes and ~2.4 GB for two million); ``--db PATH`` reuses a built file."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import search_bench

    os.environ["CURATOR_CONSOLE_HOME"] = str(ctx.home)
    rows = args.rows or 2_000_000
    path = Path(args.db) if getattr(args, "db", None) else ctx.scratch / "search.sqlite3"
    return search_bench.run(path, rows, max(1, args.runs))


# --- live console ----------------------------------------------------------------------------


def live_arguments(parser: argparse.ArgumentParser) -> None:
    if any(a.dest == "speed" for a in parser._actions):  # "all" gets them once
        return
    parser.add_argument("--speed", type=float, default=120.0,
                        help="live-soak/live-faults: the simulator's speed (default 120: two hours in a minute)")
    parser.add_argument("--faults", action="store_true",
                        help="live-soak: the simulator fails in periods (503, 429, 10 s stalls, dropped connections)")
    parser.add_argument("--baseline-seconds", type=float, default=10.0,
                        help="live-soak/live-faults: how long the idle-heartbeat baseline runs (default 10)")
    parser.add_argument("--profile", action="store_true",
                        help="live-soak/live-faults: cProfile the GUI thread during the session")


def _live(args: argparse.Namespace, ctx: Context, name: str, faults: bool) -> dict[str, object]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import live_bench

    os.environ["CURATOR_CONSOLE_HOME"] = str(ctx.home)
    try:
        return live_bench.run(ctx.scratch, ctx.env, speed=args.speed, faults=faults,
                              baseline_seconds=args.baseline_seconds, profile=args.profile, name=name)
    except RuntimeError as exc:
        raise BenchmarkError(str(exc)) from exc


@benchmark("live-soak", "the live console on autopilot through a seed-scale two-hour session: GUI heartbeat "
           "lateness vs. an idle event loop, orders produced vs. stored, memory growth", live_arguments)
def bench_live_soak(args: argparse.Namespace, ctx: Context) -> dict[str, object]:
    """See ``live_bench.py``. One run (``--runs`` is ignored); ``--faults`` = ``live-faults``."""
    return _live(args, ctx, "live-soak", bool(args.faults))


@benchmark("live-faults", "live-soak with the simulator failing in periods (503s, 429s, 10 s stalls, drops)",
           live_arguments)
def bench_live_faults(args: argparse.Namespace, ctx: Context) -> dict[str, object]:
    return _live(args, ctx, "live-faults", True)


# --- review report ---------------------------------------------------------------------------


def report_arguments(parser: argparse.ArgumentParser) -> None:
    if any(a.dest == "orders" for a in parser._actions):
        return
    parser.add_argument("--orders", type=int, default=100_000,
                        help="report: order lines in the generated two-hour session (default 100,000)")
    if parser.prog.split()[-1] == "report":
        parser.set_defaults(runs=3)  # the report's own default; "all" keeps its own


@benchmark("report", "the Review's analytics and charts on a two-hour session (build_report + every chart drawn "
           "to Agg) vs. a bare matplotlib script drawing the same arrays", report_arguments)
def bench_report(args: argparse.Namespace, ctx: Context) -> dict[str, object]:
    """See ``report_bench.py``. ``--orders`` order lines (default 100,000), ``--runs`` (default 3)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import report_bench

    os.environ["CURATOR_CONSOLE_HOME"] = str(ctx.home)
    return report_bench.run(max(1, args.orders), max(1, args.runs), out=ctx.scratch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run.py", description="Curator Console benchmarks.")
    sub = parser.add_subparsers(dest="name", metavar="BENCHMARK", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--runs", type=int, default=9, help="measured runs per benchmark (default 9)")
        p.add_argument("--rows", type=int, default=None,
                       help="data size for benchmarks that generate data (each has its own default)")
        p.add_argument("--db", default=None, help="search: reuse an already generated collection file")

    for name, (_fn, help_text) in BENCHMARKS.items():
        p = sub.add_parser(name, help=help_text)
        common(p)
        if name in ARGUMENTS:
            ARGUMENTS[name](p)
    every = sub.add_parser("all", help="every benchmark above, one summary line each")
    common(every)
    for add in ARGUMENTS.values():
        add(every)
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
