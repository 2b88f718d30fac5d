"""Command line: ``curator-console [--db URL] [--demo [--reset]] [--smoke] [SUBCOMMAND …]``.

Global options come before the subcommand and apply to all of them. Without a subcommand the
desktop app starts. Subcommands never import Qt (``export-script`` alone loads QtCore, for the
translated words of the PDF).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence

from curator_console import APP_NAME, __version__

STARTED = time.perf_counter()

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_PLATFORM = 4


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="curator-console",
        description=f"{APP_NAME}: prepare, run and review curator-led live-stream museum tours.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--db", metavar="URL", help="database file path or SQLAlchemy URL "
                   "(default: the SQLite file in your data folder); e.g. postgresql+psycopg://user@host/db")
    p.add_argument("--demo", action="store_true", help="use the demo museum's own database (created on first use)")
    p.add_argument("--reset", action="store_true", help="with --demo: delete the demo database and seed it afresh")
    p.add_argument("--smoke", action="store_true",
                   help="start the app, wait until the window is shown and idle, print startup_ms=N and exit")
    p.add_argument("--lang", choices=["en", "zh_CN"], help="interface language for this run")
    p.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    dbp = sub.add_parser("db", help="database maintenance: upgrade, backup, info")
    dbsub = dbp.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    dbsub.add_parser("upgrade", help="back up the database, then upgrade it to this version's schema")
    b = dbsub.add_parser("backup", help="copy the whole database to a timestamped SQLite file")
    b.add_argument("--to", metavar="DIR", help="folder for the backup (default: the app's backups folder)")
    i = dbsub.add_parser("info", help="where the database is, its schema revision and row counts")
    i.add_argument("--json", action="store_true", help="print as JSON")

    cp = sub.add_parser("connection", help="platform connections: add, list, test, remove")
    csub = cp.add_subparsers(dest="connection_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", help="add a connection (the token goes to the OS keychain)")
    add.add_argument("name")
    add.add_argument("--type", required=True, dest="platform",
                     choices=["simulator", "rest", "youtube", "twitch", "shopify", "obs"])
    add.add_argument("--url", default="", help="base URL (default: the platform's own; for tests a local server)")
    add.add_argument("--room", default="", help="room id / channel login / video id / shop name")
    add.add_argument("--token-env", default="", metavar="VAR",
                     help="read the token from this environment variable instead of the keychain")
    add.add_argument("--allow-http", action="store_true",
                     help="allow a plain http:// address to another machine (trusted networks only)")
    add.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                     help="platform option, e.g. client_id=… (Twitch), api_version=2025-10 (Shopify)")
    csub.add_parser("list", help="list connections")
    t = csub.add_parser("test", help="make one call to the platform and say what it answered")
    t.add_argument("name")
    rm = csub.add_parser("remove", help="remove a connection and its stored token")
    rm.add_argument("name")
    rm.add_argument("--delete-orders", action="store_true", help="also delete the orders synced from it")

    ss = sub.add_parser("sync-store", help="fetch products and orders from a store connection (exactly once)")
    ss.add_argument("name")
    ss.add_argument("--since", metavar="ISO", help="start of the order window (default: 30 days ago)")
    ss.add_argument("--until", metavar="ISO", help="end of the order window (default: now)")
    ss.add_argument("--no-products", action="store_true", help="only orders")

    se = sub.add_parser("search", help="search the collection (object numbers, titles, makers, tags, descriptions)")
    se.add_argument("query")
    se.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    se.add_argument("--json", action="store_true", help="print a JSON list of {object_number, title}")

    ic = sub.add_parser("import-collection",
                        help="import objects from a CSV, JSON or IIIF manifest file (upsert by object number)")
    ic.add_argument("file", help="the file to import (CSV: UTF-8 / UTF-8 with BOM / GB18030; comma, semicolon or tab)")
    ic.add_argument("--format", choices=["csv", "json", "iiif"], help="the file's format (default: from its name and content)")
    ic.add_argument("--encoding", metavar="E", help="the CSV's text encoding, e.g. utf-8, gb18030 (default: detected)")
    ic.add_argument("--delimiter", metavar="D", help="the CSV's delimiter: , ; tab (default: detected)")
    ic.add_argument("--map", action="append", default=[], metavar="\"Source header=field\"",
                    help="map a column to a field (repeatable); field may be a,b or ignore")
    ic.add_argument("--mapping", metavar="NAME", help="use a saved mapping (--map entries win over it)")
    ic.add_argument("--save-mapping", metavar="NAME", help="save the --map entries (over --mapping) under NAME")
    ic.add_argument("--strict", action="store_true", help="import nothing if any row has a problem")
    ic.add_argument("--report", metavar="OUT.csv", help="write the rejected rows and warnings to a CSV file")

    src = sub.add_parser("import-source", help="import objects from The Met, the Art Institute of Chicago or a IIIF manifest URL")
    ssub = src.add_subparsers(dest="source", metavar="SOURCE", required=True)
    for name, label in (("met", "The Metropolitan Museum of Art"), ("aic", "the Art Institute of Chicago")):
        sp = ssub.add_parser(name, help=f"search or pick objects of {label}'s open-access API")
        pick = sp.add_mutually_exclusive_group(required=True)
        pick.add_argument("--search", metavar="QUERY", help="import the first --limit results of a search")
        pick.add_argument("--ids", metavar="ID,ID,…", help="import these object ids")
        sp.add_argument("--limit", type=int, default=20, help="how many search results (default 20)")
        sp.add_argument("--no-images", action="store_true", help="do not download the images now")
        sp.add_argument("--report", metavar="OUT.csv", help="write the import report as CSV")
        sp.add_argument("--base-url", help=argparse.SUPPRESS)  # tests point this at a local server
    ip = ssub.add_parser("iiif", help="import one IIIF Presentation 2 or 3 manifest from its URL")
    ip.add_argument("url")
    ip.add_argument("--allow-http", action="store_true", help="allow a plain http:// address to another machine")
    ip.add_argument("--no-images", action="store_true", help="do not download the images now")
    ip.add_argument("--report", metavar="OUT.csv", help="write the import report as CSV")
    fi = sub.add_parser("fetch-images", help="download images that imports only referenced by URL")
    fi.add_argument("--limit", type=int, default=None, help="at most this many images")

    tp = sub.add_parser("tour", help="tours: list, export to a file, import from a file")
    tsub = tp.add_subparsers(dest="tour_command", metavar="ACTION", required=True)
    tl = tsub.add_parser("list", help="list tours with their segments, timing and status")
    tl.add_argument("--json", action="store_true", help="print as JSON")
    tex = tsub.add_parser("export", help="write a tour with its objects, products and images to one .cctour file")
    tex.add_argument("tour", metavar="TOUR", help="the tour's id or its exact title")
    tex.add_argument("--out", required=True, metavar="FILE.cctour",
                     help="the file to write (.cctour added when it has no extension; replaced if it exists)")
    tim = tsub.add_parser("import", help="import a .cctour file as a new tour (objects and products there already "
                                         "are left as they are)")
    tim.add_argument("file", metavar="FILE.cctour", help="the tour file to import")

    ipr = sub.add_parser("import-products", help="import shop products from a CSV file (upsert by SKU, one transaction)")
    ipr.add_argument("file", help="the CSV file (Shopify product export, or headers such as SKU/货号, title/商品名称, "
                                  "price/价格, stock/库存, objects/藏品编号)")
    ipr.add_argument("--encoding", metavar="E", help="the CSV's text encoding, e.g. utf-8, gb18030 (default: detected)")
    ipr.add_argument("--delimiter", metavar="D", help="the CSV's delimiter: , ; tab (default: detected)")
    ipr.add_argument("--map", action="append", default=[], metavar="\"Source header=field\"",
                     help="map a column to a product field (repeatable): sku, title, alt_title, price, currency, "
                          "stock, status, url, image, objects, handle or ignore")
    ipr.add_argument("--mapping", metavar="NAME", help="use a saved product mapping (--map entries win over it)")
    ipr.add_argument("--strict", action="store_true", help="import nothing if any row has a problem")
    ipr.add_argument("--report", metavar="OUT.csv", help="write the rejected rows and warnings to a CSV file")

    ex = sub.add_parser("export-script", help="write a tour's run-of-show PDF, or its cue cards (--cards)")
    ex.add_argument("tour", metavar="TOUR", help="the tour's id or its exact title")
    ex.add_argument("--pdf", required=True, metavar="OUT.pdf", help="the PDF file to write (replaced if it exists)")
    ex.add_argument("--cards", action="store_true", help="cue cards: one segment per page in large type")
    ex.add_argument("--tz", metavar="ZONE", help="time zone for the planned start, e.g. Asia/Shanghai "
                                                 "(default: this computer's)")

    def positive_speed(value: str) -> float:
        try:
            speed = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{value}” is not a number such as 1 or 60") from None
        if not speed > 0 or speed == float("inf"):
            raise argparse.ArgumentTypeError(f"the speed must be a number above 0, not {value}")
        return speed

    lv = sub.add_parser("live", help="open the live console on a tour: start a session (or --resume one) and run it")
    lv.add_argument("tour", metavar="TOUR", help="the tour's id or its exact title")
    lv.add_argument("--connection", metavar="NAME",
                    help="the platform connection to go live on (default: the built-in simulator, a rehearsal)")
    lv.add_argument("--speed", type=positive_speed, default=1.0, metavar="X",
                    help="rehearsals: how much faster than real time the simulated audience moves (default 1)")
    lv.add_argument("--autopilot", action="store_true", help="move on when a segment's planned time is up")
    lv.add_argument("--resume", action="store_true",
                    help="carry on with this tour's unfinished session (after a crash) instead of starting a new one")

    sp_ = sub.add_parser("session", help="live sessions: list, show")
    ssub_ = sp_.add_subparsers(dest="session_command", metavar="ACTION", required=True)
    sl_ = ssub_.add_parser("list", help="list live sessions, newest first")
    sl_.add_argument("--json", action="store_true", help="print as JSON")
    sh_ = ssub_.add_parser("show", help="one session: event counts, orders, units, revenue, viewer samples")
    sh_.add_argument("session_id", type=int, metavar="ID", help="the session's id (see session list)")
    sh_.add_argument("--json", action="store_true", help="print as JSON")

    iord = sub.add_parser("import-orders",
                          help="import a store's orders from a CSV export (exactly once by order id, one transaction)")
    iord.add_argument("file", help="the CSV file, one row per order line (headers such as Order ID/订单号, "
                                   "Created at/下单时间, SKU/商品编码, Quantity/数量, Unit price/单价, Currency/币种)")
    iord.add_argument("--connection", metavar="NAME",
                      help="the store connection the orders belong to (default: the only store connection; "
                           "with none, a new one named “Imported orders”)")
    iord.add_argument("--encoding", metavar="E", help="the CSV's text encoding, e.g. utf-8, gb18030 (default: detected)")
    iord.add_argument("--delimiter", metavar="D", help="the CSV's delimiter: , ; tab (default: detected)")
    iord.add_argument("--map", action="append", default=[], metavar="\"Source header=field\"",
                      help="map a column to an order field (repeatable): order_id, created_at, sku, quantity, "
                           "unit_price, currency or ignore")
    iord.add_argument("--mapping", metavar="NAME", help="use a saved order mapping (--map entries win over it)")
    iord.add_argument("--save-mapping", metavar="NAME", help="save the --map entries (over --mapping) under NAME")
    iord.add_argument("--strict", action="store_true", help="import nothing if any row has a problem")
    iord.add_argument("--dry-run", action="store_true", help="check the file and report what would be stored; store nothing")
    iord.add_argument("--report", metavar="OUT.csv", help="write the rejected rows and warnings to a CSV file")

    rp = sub.add_parser("report", help="a session's review: figures against a baseline, as text, JSON, PDF, PNG, CSV")
    rp.add_argument("session_id", type=int, metavar="SESSION", help="the session's id (see session list)")
    rp.add_argument("--baseline", default="day-before", metavar="KIND",
                    help="day-before (default), week-before, avg-28d, none, or FROM..TO "
                         "(dates or date-times in the museum's time zone; 2026-02-01..2026-02-28 = all of February)")
    rp.add_argument("--pdf", metavar="OUT.pdf", help="write the report as a PDF (replaced if it exists)")
    rp.add_argument("--png", metavar="DIR", help="write each chart as a PNG into DIR")
    rp.add_argument("--csv", metavar="DIR", help="write the tables (products, segments, minutes) as CSV into DIR")
    rp.add_argument("--json", action="store_true", help="print the headline figures as JSON")
    rp.add_argument("--source", metavar="CONNECTION",
                    help="the connection whose orders count (default: the session's, if it holds orders)")
    rp.add_argument("--rate", action="append", default=[], metavar="CODE=RATE",
                    help="exchange rate into the report's currency for orders in another one, e.g. USD=7.10 "
                         "(repeatable); without one, money in two currencies is not added up")
    rp.add_argument("--currency", metavar="CODE", help="the report's currency (default: that of most orders)")
    rp.add_argument("--sync", action="store_true",
                    help="first fetch the session's and the baseline's orders from the store connection")
    rp.add_argument("--series", choices=("tour", "museum"), default="tour",
                    help="which sessions the series chart compares: the same tour's (default) or all")

    sim = sub.add_parser("simulate-platform", help="run the built-in simulated live-commerce platform as an HTTP server")
    from curator_console.connectors.simulator import cli as sim_cli

    sim_cli.add_arguments(sim)
    return p


def _fail(message: str, code: int) -> int:
    print(f"curator-console: {message}", file=sys.stderr)
    return code


def open_for_cli(args: argparse.Namespace, upgrade: bool = True):
    """Open the database chosen by the global options (seeding the demo when it is new)."""
    from curator_console.services import database as dbs
    from curator_console.services import demo

    if args.demo:
        return demo.open_demo_database(reset=args.reset)
    if not upgrade:
        path = dbs.existing_file_or_none(args.db)
        if path is False:
            from curator_console.persistence.db import DatabaseError

            raise DatabaseError(f"There is no database at {dbs.resolve(args.db).database}.")
    return dbs.open_database(args.db, upgrade=upgrade)


def cmd_db(args: argparse.Namespace) -> int:
    import json

    from curator_console.services import database as dbs

    if args.db_command == "upgrade":
        database = open_for_cli(args, upgrade=True)
        if database.backup_path:
            print(f"backup={database.backup_path}")
        print(f"revision={database.revision}")
        return EXIT_OK
    if args.db_command == "backup":
        from pathlib import Path

        database = open_for_cli(args, upgrade=False)
        print(dbs.backup(database, Path(args.to) if args.to else None))
        return EXIT_OK
    if args.db_command == "info":
        database = open_for_cli(args, upgrade=False)
        info = dbs.info(database)
        if args.json:
            print(json.dumps(info.__dict__, ensure_ascii=False, indent=2))
        else:
            print(f"database={info.url}")
            print(f"backend={info.backend}")
            print(f"revision={info.revision} (this version: {info.head_revision})")
            if database.needs_upgrade:
                print("needs_upgrade=yes (run: curator-console db upgrade)")
            for table, n in info.counts.items():
                print(f"{table}={n}")
        return EXIT_OK
    return EXIT_USAGE


def _parse_time(value: str | None, default, what: str):
    from datetime import datetime, timezone

    if not value:
        return default
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SystemExit(f"curator-console: {what} “{value}” is not an ISO date/time such as 2026-03-10T10:00:00Z") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _read_token(name: str, required: bool) -> str | None:
    import getpass

    prompt = f"Token for {name}" + ("" if required else " (leave empty if none)") + ": "
    if sys.stdin is not None and sys.stdin.isatty():
        token = getpass.getpass(prompt)
    else:
        token = sys.stdin.readline().strip() if sys.stdin is not None else ""
    if required and not token:
        raise SystemExit("curator-console: no token given; pass --token-env VAR or type the token when asked.")
    return token or None


def cmd_connection(args: argparse.Namespace) -> int:
    from curator_console.connectors.http import HttpClient
    from curator_console.connectors.registry import platform_type
    from curator_console.services import connections as svc
    from curator_console.services import database as dbs

    database = open_for_cli(args)
    uow = lambda: dbs.unit_of_work(database)  # noqa: E731
    if args.connection_command == "add":
        options = {}
        for item in args.option:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                return _fail(f"--option takes KEY=VALUE, not “{item}”.", EXIT_USAGE)
            options[key.strip()] = value.strip()
        spec = svc.validate(svc.ConnectionSpec(args.name, args.platform, args.url, args.room, args.token_env,
                                               args.allow_http, options))
        token = None
        ptype = platform_type(args.platform)
        if not args.token_env and args.platform != "simulator":
            from curator_console.persistence import secrets

            if not secrets.keychain_available():
                if ptype.needs_token:
                    return _fail("this computer has no system keychain to keep the token in; "
                                 "put the token in an environment variable and pass --token-env VAR.", EXIT_ERROR)
            else:
                token = _read_token(args.name, ptype.needs_token)
        row = svc.add_connection(uow(), spec, token)
        print(f"added connection={row.name} type={row.platform}")
        return EXIT_OK
    if args.connection_command == "list":
        for row in svc.list_connections(uow()):
            print(f"{row.name}\t{row.platform}\t{row.room}\t{row.base_url or '(default)'}")
        return EXIT_OK
    if args.connection_command == "test":
        print(svc.test_connection(uow(), args.name, HttpClient()))
        return EXIT_OK
    if args.connection_command == "remove":
        n = svc.remove_connection(uow(), args.name, delete_orders=args.delete_orders)
        print(f"removed connection={args.name} orders_deleted={n}")
        return EXIT_OK
    return EXIT_USAGE


def cmd_sync_store(args: argparse.Namespace) -> int:
    from datetime import datetime, timedelta, timezone

    from curator_console.connectors.http import HttpClient
    from curator_console.services import database as dbs
    from curator_console.services import store_sync

    now = datetime.now(timezone.utc)
    since = _parse_time(args.since, now - timedelta(days=30), "--since")
    until = _parse_time(args.until, now, "--until")
    database = open_for_cli(args)
    summary = store_sync.sync_store(lambda: dbs.unit_of_work(database), args.name, HttpClient(), since, until,
                                    include_products=not args.no_products)
    print(summary.line())
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    import json

    from curator_console.services import collection
    from curator_console.services import database as dbs

    if args.limit < 1:
        return _fail("--limit must be at least 1.", EXIT_USAGE)
    database = open_for_cli(args)
    rows = collection.search(dbs.unit_of_work(database), args.query, limit=args.limit)
    if args.json:
        print(json.dumps([{"object_number": r.object_number, "title": r.title} for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r.object_number}\t{r.title}")
    return EXIT_OK


def _map_overrides(args: argparse.Namespace, svc) -> dict[str, str]:
    """Each ``--map HEADER=FIELD`` of an import (``_UsageError`` naming a malformed one)."""
    overrides: dict[str, str] = {}
    try:
        for item in args.map:
            header, spec = svc.parse_map_option(item)
            overrides[header] = spec
    except svc.MappingError as exc:
        raise _UsageError(str(exc)) from None
    return overrides


def _saved_mapping(args: argparse.Namespace, svc, uow, what: str) -> dict[str, str]:
    """The saved mapping named by ``--mapping`` (empty without it; ``_UsageError`` if unknown)."""
    if not args.mapping:
        return {}
    saved = svc.get_mapping(uow(), args.mapping)
    if saved is None:
        names = ", ".join(m.name for m in svc.list_mappings(uow())) or "none"
        raise _UsageError(f"there is no saved {what}mapping “{args.mapping}” (saved: {names}).")
    return dict(saved)


class _UsageError(Exception):
    pass


def _import_failure(exc: Exception, path, args: argparse.Namespace, svc) -> int:
    """The plain message and exit code for an import that stopped (nothing was imported)."""
    if isinstance(exc, svc.StrictImportError):
        for problem in exc.report.rejected[:20]:
            print(f"row {problem.row}: {problem.field}: {problem.reason}", file=sys.stderr)
        if len(exc.report.rejected) > 20:
            print(f"… and {len(exc.report.rejected) - 20} more problems", file=sys.stderr)
        if args.report:
            svc.write_report_csv(exc.report, args.report)
        return _fail(str(exc), EXIT_ERROR)
    if isinstance(exc, (svc.ImportFileError, svc.MappingError)):
        message = str(exc)
        return _fail(message if str(path) in message else f"{path}: {message}", EXIT_ERROR)
    if isinstance(exc, OSError):
        return _fail(f"{path}: the import stopped and nothing was imported: {exc.strerror or exc}", EXIT_ERROR)
    return _fail(f"{path}: {exc}", EXIT_ERROR)  # cancelled, or a concurrent change


def _print_import_report(report, args: argparse.Namespace, first_line: str) -> None:
    print(first_line)
    if report.unknown_headers:
        print("ignored columns: " + ", ".join(report.unknown_headers))
    problems = [("rejected", p) for p in report.rejected] + [("warning", p) for p in report.warnings]
    for status, problem in problems[:20]:
        print(f"row {problem.row}: {status}: {problem.field}: {problem.reason}")
    if len(problems) > 20:
        print(f"… and {len(problems) - 20} more" + (f" (all in {args.report})" if args.report else " (see --report)"))
    print(f"unchanged={report.unchanged} warnings={len(report.warnings)}")
    print(report.summary_line())


def _delimiter_name(delimiter: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab"}.get(delimiter, delimiter)


def _import_file(args: argparse.Namespace):
    """The file named on the command line, or the exit code of a plain refusal."""
    from pathlib import Path

    path = Path(args.file)
    if not path.is_file():
        return _fail(f"{path}: no such file." if not path.exists() else f"{path} is not a file.", EXIT_ERROR)
    return path


def _import_setup(args: argparse.Namespace, module, kind: str):
    """What every import command starts with: the --map overrides, the file, the database, and the
    mapping (a saved one under the --map entries). Returns ``(path, uow, overrides, mapping)`` or
    the exit code of a plain refusal."""
    from curator_console.services import database as dbs

    try:
        overrides = _map_overrides(args, module)
    except _UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    path = _import_file(args)
    if isinstance(path, int):
        return path
    database = open_for_cli(args)
    uow = lambda: dbs.unit_of_work(database)  # noqa: E731
    try:
        mapping = {**_saved_mapping(args, module, uow, kind), **overrides}
    except _UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    return path, uow, overrides, mapping


def cmd_import_collection(args: argparse.Namespace) -> int:
    from curator_console.services import collection_import as ci

    setup = _import_setup(args, ci, "")
    if isinstance(setup, int):
        return setup
    path, uow, overrides, mapping = setup
    show_progress = sys.stderr is not None and sys.stderr.isatty()

    def progress(p: ci.ImportProgress) -> None:
        if show_progress:
            left = f", {p.seconds_left:.0f} s left" if p.seconds_left is not None else ""
            print(f"\r{p.rows_done:,} / ~{p.rows_total_estimate:,} rows, {p.rows_per_s:,.0f} rows/s{left}   ",
                  end="", file=sys.stderr, flush=True)

    try:
        report = ci.import_collection(uow(), path, format=args.format, encoding=args.encoding,
                                      delimiter=args.delimiter, mapping=mapping, require_mapping_headers=list(overrides),
                                      strict=args.strict, progress=progress)
    except (ci.StrictImportError, ci.ImportFileError, ci.MappingError, ci.ImportCancelled, ci.ConcurrentEditError,
            OSError) as exc:
        if show_progress:
            print(file=sys.stderr)
        return _import_failure(exc, path, args, ci)
    if show_progress:
        print(file=sys.stderr)
    if args.save_mapping:
        ci.save_mapping(uow(), args.save_mapping, mapping)
        print(f"saved mapping={args.save_mapping}")
    if args.report:
        ci.write_report_csv(report, args.report)
    delimiter = _delimiter_name(report.delimiter)
    _print_import_report(report, args, f"file={path} format={report.format}"
                         + (f" encoding={report.encoding}" if report.encoding else "")
                         + (f" delimiter={delimiter}" if delimiter else "")
                         + (f" museum={report.museum}" if report.museum else ""))
    return EXIT_OK


def cmd_import_products(args: argparse.Namespace) -> int:
    from curator_console.services import product_import as pi

    setup = _import_setup(args, pi, "product ")
    if isinstance(setup, int):
        return setup
    path, uow, overrides, mapping = setup
    try:
        report = pi.import_products(uow(), path, encoding=args.encoding, delimiter=args.delimiter, mapping=mapping,
                                    require_mapping_headers=list(overrides), strict=args.strict)
    except (pi.StrictImportError, pi.ImportFileError, pi.MappingError, pi.ImportCancelled, pi.ConcurrentEditError,
            OSError) as exc:
        return _import_failure(exc, path, args, pi)
    if args.report:
        pi.write_report_csv(report, args.report)
    _print_import_report(report, args, f"file={path} encoding={report.encoding} "
                                       f"delimiter={_delimiter_name(report.delimiter)}")
    return EXIT_OK


def cmd_import_orders(args: argparse.Namespace) -> int:
    from curator_console.services import order_import as oi

    setup = _import_setup(args, oi, "order ")
    if isinstance(setup, int):
        return setup
    path, uow, overrides, mapping = setup
    try:
        oi.target_connection(uow(), args.connection)  # refuse before the file is read
    except oi.ConnectionChoiceError as exc:
        return _fail(str(exc), EXIT_USAGE)
    try:
        report = oi.import_orders(uow(), path, connection=args.connection, encoding=args.encoding,
                                  delimiter=args.delimiter, mapping=mapping, require_mapping_headers=list(overrides),
                                  strict=args.strict, dry_run=args.dry_run)
    except oi.ConnectionChoiceError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except (oi.StrictImportError, oi.ImportFileError, oi.MappingError, oi.ImportCancelled, oi.ConcurrentEditError,
            OSError) as exc:
        return _import_failure(exc, path, args, oi)
    if args.save_mapping and not args.dry_run:
        oi.save_mapping(uow(), args.save_mapping, mapping)
        print(f"saved mapping={args.save_mapping}")
    if args.report:
        oi.write_report_csv(report, args.report)
    _print_import_report(report, args, f"file={path} encoding={report.encoding} "
                                       f"delimiter={_delimiter_name(report.delimiter)} "
                                       f"connection={report.connection}{' (new)' if report.connection_created else ''} "
                                       f"time_zone={report.time_zone}" + (" dry_run=yes" if args.dry_run else ""))
    if args.dry_run:
        print("dry run: nothing was stored" + (" (the mapping was not saved either)" if args.save_mapping else ""),
              file=sys.stderr)
    return EXIT_OK


def cmd_import_source(args: argparse.Namespace) -> int:
    from curator_console import paths
    from curator_console.connectors.http import HttpClient
    from curator_console.persistence.media import MediaStore
    from curator_console.services import collection_import as ci
    from curator_console.services import collection_sources as sources
    from curator_console.services import database as dbs

    database = open_for_cli(args)
    uow = lambda: dbs.unit_of_work(database)  # noqa: E731
    client, media = HttpClient(), MediaStore(paths.media_dir())
    fetch = not args.no_images
    if args.source == "iiif":
        report = sources.import_iiif_manifest(uow, client, args.url, media, allow_insecure_http=args.allow_http,
                                              fetch_images=fetch)
    else:
        base = {"base_url": args.base_url} if args.base_url else {}
        if args.ids:
            ids = [i.strip() for i in args.ids.split(",") if i.strip()]
        elif args.source == "met":
            ids = [h.object_id for h in sources.search_met(client, args.search, limit=args.limit, **base)]
        else:
            ids = [h.object_id for h in sources.search_aic(client, args.search, limit=min(args.limit, 100), **base).hits]
        if not ids:
            print("imported=0 updated=0 rejected=0")
            return EXIT_OK
        run = sources.import_from_met if args.source == "met" else sources.import_from_aic
        report = run(uow, client, ids, media, fetch_images=fetch, **base)
    if args.report:
        ci.write_report_csv(report, args.report)
    for problem in report.warnings[:20]:
        print(f"warning: {problem.field}: {problem.reason}", file=sys.stderr)
    print(f"unchanged={report.unchanged} warnings={len(report.warnings)}")
    print(report.summary_line())
    return EXIT_OK


def cmd_fetch_images(args: argparse.Namespace) -> int:
    from curator_console import paths
    from curator_console.connectors.http import HttpClient
    from curator_console.persistence.media import MediaStore
    from curator_console.services import collection_sources as sources
    from curator_console.services import database as dbs

    database = open_for_cli(args)
    summary = sources.fetch_missing_images(lambda: dbs.unit_of_work(database), HttpClient(),
                                           MediaStore(paths.media_dir()), limit=args.limit)
    for failure in summary.failed[:20]:
        print(f"failed: {failure.item}: {failure.reason}", file=sys.stderr)
    print(summary.line())
    return EXIT_OK


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    """Rows as aligned columns (Chinese characters count as two columns)."""
    widths = [max(_display_width(str(r[k])) for r in [header, *rows]) for k in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = []
        for k, cell in enumerate(r):
            pad = " " * (widths[k] - _display_width(str(cell)))
            cells.append(pad + str(cell) if k in right else str(cell) + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def cmd_tour_transfer(args: argparse.Namespace) -> int:
    """``tour export TOUR --out FILE`` and ``tour import FILE``: one .cctour file per tour."""
    from curator_console import paths
    from curator_console.persistence.media import MediaStore
    from curator_console.services import database as dbs
    from curator_console.services import tour_export, tour_transfer

    database = open_for_cli(args)
    uow = lambda: dbs.unit_of_work(database)  # noqa: E731
    media = MediaStore(paths.media_dir())
    try:
        if args.tour_command == "export":
            tour_id = tour_export.find_tour(uow(), args.tour)
            summary = tour_transfer.export_tour_file(uow(), media, tour_id, args.out)
            for missing in summary.missing_images:
                print(f"warning: the image of {missing} is not in this computer's media folder; "
                      "the file names it but does not carry it", file=sys.stderr)
        else:
            summary = tour_transfer.import_tour_file(uow(), media, args.file)
    except (tour_export.TourExportError, tour_transfer.TourFileError) as exc:
        return _fail(str(exc), EXIT_ERROR)
    print(summary.line())
    return EXIT_OK


def cmd_tour(args: argparse.Namespace) -> int:
    import json

    from curator_console.domain.timing import format_duration
    from curator_console.services import database as dbs
    from curator_console.services import tours

    if args.tour_command in ("export", "import"):
        return cmd_tour_transfer(args)
    database = open_for_cli(args)
    rows = tours.list_tours(dbs.unit_of_work(database))
    if args.json:
        print(json.dumps([
            {"id": r.id, "title": r.title, "segments": r.segment_count, "host": r.host, "language": r.language,
             "planned_start": r.planned_start.isoformat() if r.planned_start else None,
             "planned_seconds": r.planned_seconds, "estimated_seconds": r.estimated_seconds,
             "slot_seconds": r.slot_seconds, "status": r.status, "is_template": r.is_template}
            for r in rows
        ], ensure_ascii=False, indent=2))
        return EXIT_OK
    table = [
        (str(r.id), r.title, str(r.segment_count), format_duration(r.planned_seconds),
         format_duration(r.slot_seconds) if r.slot_seconds else "-", r.language, r.status,
         "yes" if r.is_template else "", r.host)
        for r in rows
    ]
    for line in _table(("id", "title", "segments", "planned", "slot", "language", "status", "template", "host"),
                       table, right=(0, 2, 3, 4)):
        print(line)
    return EXIT_OK


def cmd_session(args: argparse.Namespace) -> int:
    import json

    from curator_console.services import database as dbs
    from curator_console.services import live_sessions

    database = open_for_cli(args)
    uow = dbs.unit_of_work(database)
    if args.session_command == "list":
        rows = live_sessions.list_sessions_json(uow)
        if args.json:
            print(json.dumps([{k: r[k] for k in ("id", "tour", "mode", "status", "started_at", "ended_at")}
                              for r in rows], ensure_ascii=False, indent=2))
            return EXIT_OK
        table = [(str(r["id"]), r["tour"], r["mode"], r["status"], r["started_at"] or "-", r["ended_at"] or "-")
                 for r in rows]
        for line in _table(("id", "tour", "mode", "status", "started", "ended"), table, right=(0,)):
            print(line)
        return EXIT_OK
    try:
        detail = live_sessions.session_detail_json(uow, args.session_id)
    except live_sessions.LiveSessionError as exc:
        return _fail(str(exc), EXIT_ERROR)
    if args.json:
        print(json.dumps(detail, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key in ("id", "tour", "title", "mode", "status", "connection", "started_at", "ended_at", "orders", "units"):
        print(f"{key}: {detail[key] if detail[key] is not None else '-'}")
    print(f"revenue: {detail['revenue']} {detail['currency']}".rstrip())
    print(f"viewer_samples: {detail['viewer_samples']}")
    print(f"peak_viewers: {detail['peak_viewers']}")
    print("events:")
    for kind, n in detail["events"].items():
        print(f"  {kind}: {n}")
    return EXIT_OK


def _document_settings(lang: str | None):
    """The documents' labels in the interface language (``--lang`` or the saved setting) and the
    saved reading speeds. Loads QtCore (translations and settings live there), not the GUI."""
    from PySide6.QtCore import QCoreApplication

    from curator_console.ui import i18n
    from curator_console.ui.export_labels import document_labels
    from curator_console.ui.settings import Settings

    if QCoreApplication.instance() is None:
        QCoreApplication(sys.argv[:1])
    settings = Settings()
    i18n.apply_language(lang or settings.language)
    return document_labels(), settings.reading_speed


def cmd_export_script(args: argparse.Namespace) -> int:
    from pathlib import Path

    from curator_console import paths
    from curator_console.persistence.media import MediaStore
    from curator_console.services import database as dbs
    from curator_console.services import tour_export

    tz = None
    if args.tz:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            tz = ZoneInfo(args.tz)
        except (ZoneInfoNotFoundError, ValueError):
            return _fail(f"--tz: “{args.tz}” is not a time zone name such as Asia/Shanghai or Europe/London.",
                         EXIT_USAGE)
    out = Path(args.pdf).expanduser()
    labels, speed = _document_settings(args.lang)
    database = open_for_cli(args)
    uow = lambda: dbs.unit_of_work(database)  # noqa: E731
    try:
        tour_id = tour_export.find_tour(uow(), args.tour)
        summary = tour_export.export_tour_pdf(uow(), MediaStore(paths.media_dir()), tour_id, out, cards=args.cards,
                                              labels=labels, speed=speed, tz=tz)
    except tour_export.TourExportError as exc:
        return _fail(str(exc), EXIT_ERROR)
    print(f"pages={summary.pages} file={summary.path}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.demo and args.db:
        return _fail("use either --demo or --db, not both.", EXIT_USAGE)
    if args.reset and not args.demo:
        return _fail("--reset only applies to --demo.", EXIT_USAGE)

    from curator_console.connectors.errors import PlatformError
    from curator_console.importers.records import ImportFileError
    from curator_console.persistence.db import DatabaseError
    from curator_console.persistence.secrets import KeychainUnavailableError, MissingTokenError, install_log_redaction
    from curator_console.services.collection import ValidationError
    from curator_console.services.errors import ConnectionError_
    from curator_console.services.demo import DemoDataError

    install_log_redaction()

    try:
        if args.command == "db":
            return cmd_db(args)
        if args.command == "connection":
            return cmd_connection(args)
        if args.command == "search":
            return cmd_search(args)
        if args.command == "sync-store":
            return cmd_sync_store(args)
        if args.command == "import-collection":
            return cmd_import_collection(args)
        if args.command == "import-source":
            return cmd_import_source(args)
        if args.command == "fetch-images":
            return cmd_fetch_images(args)
        if args.command == "tour":
            return cmd_tour(args)
        if args.command == "import-products":
            return cmd_import_products(args)
        if args.command == "export-script":
            return cmd_export_script(args)
        if args.command == "live":
            from curator_console.app import run_live

            return run_live(args, started=STARTED)
        if args.command == "session":
            return cmd_session(args)
        if args.command == "import-orders":
            return cmd_import_orders(args)
        if args.command == "report":
            from curator_console.cli_review import cmd_report

            return cmd_report(args)
        if args.command == "simulate-platform":
            from curator_console.connectors.simulator import cli as sim_cli

            return sim_cli.run(args)
        if args.command is None:
            from curator_console.app import run_gui

            return run_gui(args, started=STARTED)
    except DatabaseError as exc:
        return _fail(str(exc), EXIT_DATABASE)
    except DemoDataError as exc:
        return _fail(f"the demo museum could not be created: {exc}", EXIT_ERROR)
    except PlatformError as exc:
        return _fail(str(exc), EXIT_PLATFORM)
    except (ConnectionError_, ValidationError, KeychainUnavailableError, MissingTokenError, ImportFileError) as exc:
        return _fail(str(exc), EXIT_ERROR)
    except KeyboardInterrupt:
        return 130
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
