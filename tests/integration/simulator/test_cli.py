"""``python -m curator_console.connectors.simulator.cli`` as an independent process."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta

import pytest
import requests

from curator_console.connectors.simulator import cli

LINE = re.compile(r"^simulator url=(http://127\.0\.0\.1:(\d+)) token=(\S+) seed=(\d+) speed=(\S+) room=(\S+)$")


def start(*args: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "curator_console.connectors.simulator.cli", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(proc.stdout.readline()), daemon=True).start()
    try:
        line = lines.get(timeout=30).strip()
    except queue.Empty:
        proc.kill()
        pytest.fail("the simulator printed no start-up line within 30 s")
    return proc, line


def stop(proc: subprocess.Popen) -> tuple[int, str]:
    if sys.platform == "win32":
        proc.terminate()
    else:
        proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("the simulator did not stop on SIGTERM")
    return proc.returncode, err


def test_simulate_platform_serves_the_contract_to_an_independent_client():
    proc, line = start("--port", "0", "--seed", "7", "--speed", "600", "--token", "T")
    try:
        m = LINE.match(line)
        assert m, line
        url, port, token, seed, speed, room = m.groups()
        assert int(port) > 0 and token == "T" and seed == "7" and speed == "600" and room == "r1"
        auth = {"Authorization": "Bearer T"}

        # 401 without the token
        r = requests.get(f"{url}/v1/rooms", timeout=10)
        assert r.status_code == 401 and r.json()["error"]
        assert requests.get(f"{url}/v1/rooms", headers={"Authorization": "Bearer X"}, timeout=10).status_code == 401
        rooms = requests.get(f"{url}/v1/rooms", headers=auth, timeout=10).json()["rooms"]
        assert rooms[0]["id"] == "r1" and rooms[0]["status"] == "live"

        # viewers that change over time (speed 600: each real second is 10 simulated minutes)
        first = requests.get(f"{url}/v1/rooms/r1/viewers", headers=auth, timeout=10).json()
        second, tick, deadline = first, threading.Event(), time.monotonic() + 30
        while (second["viewers"] == first["viewers"] or second["visitors"] <= first["visitors"]) \
                and time.monotonic() < deadline:
            tick.wait(0.05)  # wait for simulated time to move on (a condition, not a fixed pause)
            second = requests.get(f"{url}/v1/rooms/r1/viewers", headers=auth, timeout=10).json()
        assert second["at"] > first["at"]
        assert second["viewers"] != first["viewers"] and second["visitors"] > first["visitors"]

        # feature / unfeature round trip
        assert requests.put(f"{url}/v1/rooms/r1/featured/QHM-P002", headers=auth, timeout=10).status_code == 204
        assert requests.get(f"{url}/v1/rooms/r1/featured", headers=auth, timeout=10).json() == {"skus": ["QHM-P002"]}
        assert requests.delete(f"{url}/v1/rooms/r1/featured/QHM-P002", headers=auth, timeout=10).status_code == 204
        assert requests.get(f"{url}/v1/rooms/r1/featured", headers=auth, timeout=10).json() == {"skus": []}

        # orders paged with cursors to the end
        now = datetime.fromisoformat(second["at"].replace("Z", "+00:00"))
        since = (now - timedelta(days=31)).strftime("%Y-%m-%dT%H:%M:%SZ")
        until = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        ids, cursor, pages = [], None, 0
        while True:
            params = {"since": since, "until": until}
            if cursor:
                params["cursor"] = cursor
            body = requests.get(f"{url}/v1/orders", params=params, headers=auth, timeout=10).json()
            pages += 1
            for o in body["orders"]:
                created = datetime.fromisoformat(o["created_at"].replace("Z", "+00:00"))
                assert now - timedelta(days=31) <= created < now
            ids += [o["id"] for o in body["orders"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert pages >= 5 and len(ids) == len(set(ids)) > 400
        assert requests.get(f"{url}/v1/orders", params={"since": "x", "until": until}, headers=auth,
                            timeout=10).status_code == 400
    finally:
        code, err = stop(proc)
    if sys.platform != "win32":
        assert code == 0, err
        assert "simulator stopped" in err


def test_idle_start_and_generated_token():
    proc, line = start("--port", "0", "--idle", "--speed", "60")
    try:
        m = LINE.match(line)
        assert m, line
        url, _, token, seed, *_ = m.groups()
        assert len(token) >= 16 and int(seed) > 0
        auth = {"Authorization": f"Bearer {token}"}
        assert requests.get(f"{url}/v1/rooms", headers=auth, timeout=10).json()["rooms"][0]["status"] == "idle"
        r = requests.post(f"{url}/v1/_sim/rooms/r1/start", headers=auth, timeout=10)
        assert r.status_code == 200 and r.json()["status"] == "live"
    finally:
        stop(proc)


def test_seed_and_start_make_runs_identical():
    bodies = []
    for _ in range(2):
        proc, line = start("--port", "0", "--seed", "42", "--token", "T", "--start", "2026-03-10T11:30:00Z")
        try:
            url = LINE.match(line).group(1)
            body = requests.get(f"{url}/v1/orders", params={"since": "2026-02-01T00:00:00Z",
                                "until": "2026-03-10T11:30:00Z", "limit": 1000},
                                headers={"Authorization": "Bearer T"}, timeout=10).json()
            bodies.append(body)
        finally:
            stop(proc)
    assert bodies[0] == bodies[1] and len(bodies[0]["orders"]) > 500


@pytest.mark.parametrize("argv", [["--speed", "0"], ["--port", "70000"], ["--page-size", "0"],
                                  ["--start", "not-a-time"]])
def test_bad_arguments_are_refused(argv, capsys):
    assert cli.main(argv) == cli.EXIT_USAGE
    assert "simulate-platform:" in capsys.readouterr().err


def test_a_port_in_use_is_reported(capsys):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert cli.main(["--port", str(port), "--token", "T", "--seed", "1"]) == cli.EXIT_ERROR
    assert "cannot listen" in capsys.readouterr().err


def test_add_arguments_defaults():
    import argparse

    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    args = parser.parse_args([])
    assert (args.host, args.port, args.seed, args.speed, args.token, args.idle, args.page_size) == (
        "127.0.0.1", 8765, None, 1.0, None, False, 100)
