"""Command line: ``curator-console [--db URL] [--demo [--reset]] [--smoke] [SUBCOMMAND …]``.

Global options come before the subcommand and apply to all of them. Without a subcommand the
desktop app starts. Subcommands never import Qt.
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.demo and args.db:
        return _fail("use either --demo or --db, not both.", EXIT_USAGE)
    if args.reset and not args.demo:
        return _fail("--reset only applies to --demo.", EXIT_USAGE)

    from curator_console.persistence.db import DatabaseError
    from curator_console.services.demo import DemoDataError

    try:
        if args.command == "db":
            return cmd_db(args)
        if args.command is None:
            from curator_console.app import run_gui

            return run_gui(args, started=STARTED)
    except DatabaseError as exc:
        return _fail(str(exc), EXIT_DATABASE)
    except DemoDataError as exc:
        return _fail(f"the demo museum could not be created: {exc}", EXIT_ERROR)
    except KeyboardInterrupt:
        return 130
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
