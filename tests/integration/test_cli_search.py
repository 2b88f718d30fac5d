"""`curator-console search` end to end on the demo museum, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from curator_console import paths

DEMO_OBJECTS = json.loads((paths.resources_dir() / "demo" / "objects.json").read_text(encoding="utf-8"))


def run(home, *args):
    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "curator_console", "--demo", "search", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def test_search_prints_numbers_and_titles_and_json(curator_home):
    expected = {o["object_number"] for o in DEMO_OBJECTS
                if "青花" in o["title"] or "青花" in o["alt_title"] or "青花" in o["description"]
                or any("青花" in t for t in o["tags"])}
    out = run(curator_home, "青花", "--limit", "100")
    assert out.returncode == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.strip().splitlines()]
    assert {num for num, _title in lines} >= expected and expected
    as_json = run(curator_home, "青花", "--limit", "3", "--json")
    data = json.loads(as_json.stdout)
    assert len(data) == 3 and set(data[0]) == {"object_number", "title"}
    assert all("青花" in d["title"] for d in data)  # title matches rank first


def test_search_with_no_match_prints_nothing_and_bad_limit_is_refused(curator_home):
    none = run(curator_home, "zzzzqqq", "--json")
    assert none.returncode == 0 and json.loads(none.stdout) == []
    bad = run(curator_home, "x", "--limit", "0")
    assert bad.returncode == 2 and "--limit" in bad.stderr
