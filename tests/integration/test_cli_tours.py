"""`curator-console tour list` end to end, in a subprocess: the demo museum's tours as JSON and as
an aligned table, and a tour made a template through the services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata

from curator_console import paths
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import database as dbs
from curator_console.services import tour_segments, tours

DEMO_TOURS = json.loads((paths.resources_dir() / "demo" / "tours.json").read_text(encoding="utf-8"))


def run(home, *args):
    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "curator_console", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=180)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def test_tour_list_json_on_the_demo_museum(curator_home):
    out = run(curator_home, "--demo", "tour", "list", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"id", "title", "segments", "host", "language", "planned_seconds", "slot_seconds", "status",
            "is_template"} <= set(data[0])
    by_title = {d["title"]: d for d in data}
    assert set(by_title) == {t["title"] for t in DEMO_TOURS}
    for t in DEMO_TOURS:
        row = by_title[t["title"]]
        assert row["segments"] == len(t["segments"])
        assert row["planned_seconds"] == sum(s["planned_seconds"] for s in t["segments"])
        assert row["slot_seconds"] == t["slot_minutes"] * 60
        assert (row["host"], row["language"], row["status"], row["is_template"]) == (
            t["host"], t["language"], "draft", bool(t.get("is_template", False)))
        assert isinstance(row["id"], int)


def test_tour_list_table_is_aligned_even_with_chinese_titles(curator_home):
    out = run(curator_home, "--demo", "tour", "list")
    assert out.returncode == 0, out.stderr
    header, *lines = out.stdout.rstrip("\n").splitlines()
    assert header.split()[:3] == ["id", "title", "segments"]
    assert len(lines) == len(DEMO_TOURS)
    for t in DEMO_TOURS:
        assert sum(t["title"] in line for line in lines) == 1
    # every column starts at the same screen column on every line (CJK characters are two wide)
    status_at = width(header[: header.index("status")])
    for line in lines:
        assert line[_index_at_width(line, status_at):].startswith("draft")


def _index_at_width(line: str, columns: int) -> int:
    used = 0
    for i, ch in enumerate(line):
        if used >= columns:
            return i
        used += width(ch)
    return len(line)


def test_tour_list_reports_templates_and_an_empty_database(tmp_path, curator_home):
    target = str(tmp_path / "team.sqlite3")
    empty = run(curator_home, "--db", target, "tour", "list", "--json")
    assert empty.returncode == 0, empty.stderr
    assert json.loads(empty.stdout) == []
    database = dbs.open_database(target)
    try:
        uow = lambda: UnitOfWork(database.session_factory)  # noqa: E731
        tid = tours.create_tour(uow(), "Weekly template")
        tour_segments.add_segment(uow(), tid, title="Opening", planned_seconds=120)
        tours.set_template(uow(), tid, True)
        tours.create_tour(uow(), "Plain tour")
    finally:
        database.dispose()
    data = json.loads(run(curator_home, "--db", target, "tour", "list", "--json").stdout)
    assert [(d["title"], d["is_template"], d["segments"], d["planned_seconds"]) for d in data] == [
        ("Plain tour", False, 0, 0), ("Weekly template", True, 1, 120)]
    table = run(curator_home, "--db", target, "tour", "list").stdout
    _header, plain, template = table.splitlines()
    assert "Plain tour" in plain and "yes" not in plain
    assert "Weekly template" in template and "yes" in template.split()
    usage = run(curator_home, "--db", target, "tour")
    assert usage.returncode == 2 and "ACTION" in usage.stderr
