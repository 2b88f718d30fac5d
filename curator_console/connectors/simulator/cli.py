"""``curator-console simulate-platform``: run the built-in simulated platform as an HTTP server.

Prints one line, then serves until Ctrl+C or SIGTERM::

    simulator url=http://127.0.0.1:8765 token=… seed=7 speed=600 room=r1

The lead CLI registers ``add_arguments`` on its ``simulate-platform`` subparser and calls ``run``;
``python -m curator_console.connectors.simulator.cli …`` runs it on its own.
"""

from __future__ import annotations

import argparse
import logging
import random
import secrets
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import datetime, timezone

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on; 0 picks a free one (default: 8765)")
    parser.add_argument("--seed", type=int, default=None, help="random seed; the same seed plays the same session "
                        "(default: a random one, printed)")
    parser.add_argument("--speed", type=float, default=1.0, help="simulated seconds per real second; "
                        "60 plays two hours in two minutes (default: 1)")
    parser.add_argument("--token", default=None, help="bearer token clients must send (default: a random one, printed)")
    parser.add_argument("--idle", action="store_true", help="start with no live room "
                        "(POST /v1/_sim/rooms/r1/start goes live)")
    parser.add_argument("--page-size", type=int, default=100, help="orders and products per page (default: 100)")
    parser.add_argument("--start", metavar="ISO", default=None, help="simulated time at start-up, UTC "
                        "(default: now); with --seed it makes every order identical between runs")


def _fail(message: str, code: int) -> int:
    print(f"simulate-platform: {message}", file=sys.stderr, flush=True)
    return code


def run(args: argparse.Namespace) -> int:
    from curator_console.connectors.simulator.model import SimulatorModel
    from curator_console.connectors.simulator.server import BadRequest, SimulatorServer, parse_iso

    if not args.speed or args.speed <= 0:
        return _fail("--speed must be greater than 0", EXIT_USAGE)
    if not 0 <= args.port <= 65535:
        return _fail("--port must be between 0 and 65535", EXIT_USAGE)
    if not 1 <= args.page_size <= 1000:
        return _fail("--page-size must be between 1 and 1000", EXIT_USAGE)
    start = None
    if getattr(args, "start", None):
        try:
            start = datetime.fromtimestamp(parse_iso(args.start, "--start"), timezone.utc)
        except BadRequest as exc:
            return _fail(str(exc), EXIT_USAGE)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    token = args.token or secrets.token_urlsafe(18)

    try:
        model = SimulatorModel(seed=seed, speed=args.speed, start=start, idle=args.idle)
    except (OSError, ValueError) as exc:
        return _fail(f"the demo catalogue could not be loaded: {exc}", EXIT_ERROR)
    server = SimulatorServer(model, args.host, args.port, token, page_size=args.page_size)
    try:
        server.start()
    except OSError as exc:
        return _fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", EXIT_ERROR)

    stop = threading.Event()
    previous: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGINT", "SIGTERM", "SIGBREAK"):
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            try:
                previous[signum] = signal.signal(signum, lambda *_: stop.set())
            except (OSError, ValueError):
                pass
    room = model.rooms()[0].id
    print(f"simulator url={server.url} token={token} seed={seed} speed={args.speed:g} room={room}", flush=True)
    print("Serving the live-commerce contract; press Ctrl+C to stop.", file=sys.stderr, flush=True)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        for signum, handler in previous.items():
            try:
                signal.signal(signum, handler)  # type: ignore[arg-type]
            except (OSError, ValueError):
                pass
    print("simulator stopped", file=sys.stderr, flush=True)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="curator-console simulate-platform",
        description="Run the built-in simulated live-commerce platform as an HTTP server.",
    )
    add_arguments(parser)
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
