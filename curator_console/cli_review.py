"""``curator-console report SESSION``: a session's review on the command line (figures as text or
JSON, the PDF report, the charts as PNG, the tables as CSV). Kept apart from ``cli.py`` so that
module stays a table of commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from curator_console.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, _document_settings, _fail, open_for_cli


def cmd_report(args: argparse.Namespace) -> int:
    from curator_console.services import database as dbs
    from curator_console.services import review

    database = open_for_cli(args)
    uow = lambda: dbs.unit_of_work(database)  # noqa: E731
    try:
        rates = dict(review.parse_rate(text) for text in args.rate)
        with uow() as u:
            zone = review.museum_zone(u)
        baseline = None if args.baseline.strip().lower() == "none" else review.parse_baseline(args.baseline, zone)
    except review.ReviewError as exc:
        return _fail(str(exc), EXIT_USAGE)
    try:
        if args.sync:
            from curator_console.connectors.http import HttpClient

            new, seen = review.sync_review_orders(uow, HttpClient(), args.session_id, baseline, source=args.source)
            print(f"synced orders_new={new} orders_seen={seen}", file=sys.stderr)
        data = review.review_input(uow(), args.session_id, baseline, source=args.source, tz=zone)
        from curator_console.domain import analytics

        report = analytics.build_report(data.session, data.baseline, currency=args.currency, rates=rates)
    except review.ReviewError as exc:
        return _fail(str(exc), EXIT_ERROR)
    figures = review.report_json(report, data.source)
    wants_files = bool(args.pdf or args.png or args.csv)
    labels = None
    if wants_files or not args.json:
        labels, _speed = _document_settings(getattr(args, "lang", None))
    written: list[Path] = []
    if wants_files:
        from curator_console.documents import review_report

        series = review.series(uow(), args.session_id, args.series, source=args.source, currency=report.currency,
                               rates=rates) if (args.pdf or args.png) else None
        try:
            for folder in (args.png, args.csv):  # a folder named on the command line is made if need be
                if folder:
                    Path(folder).expanduser().mkdir(parents=True, exist_ok=True)
            if args.pdf:
                review_report.export_review_pdf(report, Path(args.pdf).expanduser(), labels, zone, series=series)
                written.append(Path(args.pdf).expanduser())
            if args.png:
                written.extend(review_report.export_review_pngs(report, Path(args.png).expanduser(), labels, zone,
                                                                series=series))
            if args.csv:
                written.extend(review_report.export_review_csvs(report, Path(args.csv).expanduser(), labels, tz=zone))
        except (OSError, ValueError) as exc:
            return _fail(str(exc), EXIT_ERROR)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        from curator_console.documents.review_text import headline_lines

        for line in headline_lines(report, labels, tz=zone):
            print(line)
        if report.money_problem:
            print(report.money_problem)
        print(f"orders_from={data.source or '-'}")
    for path in written:
        print(f"wrote {path}", file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK
