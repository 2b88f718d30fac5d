"""`curator-console tour export` / `tour import` end to end, in subprocesses: the demo museum's
bilingual tour (with an image) moved from one app home and database file to another, empty one;
a second import; refusals leave the database file as it was."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import collection_objects, demo, tours
from curator_console.services import database as dbs
from curator_console.services.tour_export import find_tour
from tests.images import png_bytes

from .conftest import row_counts

DEMO = paths.resources_dir() / "demo"
DEMO_TOURS = json.loads((DEMO / "tours.json").read_text(encoding="utf-8"))
ZH_TOUR = next(t for t in DEMO_TOURS if t["language"] == "zh_CN" and not t.get("is_template"))
LINE = re.compile(r"^tour_id=(\d+) title=(.+) objects_new=(\d+) objects_existing=(\d+) products_new=(\d+) "
                  r"products_existing=(\d+) images=(\d+)$")


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    env.pop("CURATOR_TEST_PG_URL", None)
    return subprocess.run([sys.executable, "-m", "curator_console", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=180)


def test_tour_export_then_import_into_an_empty_database_file(tmp_path: Path, curator_home: Path) -> None:
    # The first computer: the demo museum in a file, one object with an image in its media folder.
    source = tmp_path / "laptop-a.sqlite3"
    database = dbs.open_database(str(source))
    try:
        demo.seed_demo(dbs.unit_of_work(database), DEMO)
        tour_id = find_tour(dbs.unit_of_work(database), ZH_TOUR["title"])
        picture = tmp_path / "vase.png"
        picture.write_bytes(png_bytes(5, 4))
        item_id = tours.get_tour(dbs.unit_of_work(database), tour_id).segments[0].objects[0].item_id
        assert not collection_objects.add_images(dbs.unit_of_work(database), MediaStore(paths.media_dir()),
                                                 item_id, [picture])[2]
    finally:
        database.dispose()

    out = tmp_path / "青花 tour.cctour"
    result = run(curator_home, "--db", str(source), "tour", "export", ZH_TOUR["title"], "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"tour_id={tour_id} title={ZH_TOUR['title']} segments={len(ZH_TOUR['segments'])} "
                                     f"objects=9 products=8 images=1 file={out}")
    assert zipfile.is_zipfile(out)

    # The second computer: its own app home (media folder) and a database file that does not exist yet.
    other_home = tmp_path / "laptop-b-home"
    other_home.mkdir()
    target = tmp_path / "laptop-b.sqlite3"
    result = run(other_home, "--db", str(target), "tour", "import", str(out))
    assert result.returncode == 0, result.stderr
    match = LINE.match(result.stdout.strip())
    assert match, result.stdout
    assert match.group(2) == ZH_TOUR["title"]
    assert [int(match.group(k)) for k in (3, 4, 5, 6, 7)] == [9, 0, 8, 0, 1]
    image = [p for p in (other_home / "data" / "media").rglob("*.png")]
    assert len(image) == 1 and image[0].read_bytes() == png_bytes(5, 4)

    listed = run(other_home, "--db", str(target), "tour", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["title"], r["segments"]) for r in rows] == [(ZH_TOUR["title"], len(ZH_TOUR["segments"]))]

    # Again: a second tour, nothing else new.
    again = run(other_home, "--db", str(target), "tour", "import", str(out))
    assert again.returncode == 0, again.stderr
    match = LINE.match(again.stdout.strip())
    assert match and match.group(2) == f"{ZH_TOUR['title']} (imported)"
    assert [int(match.group(k)) for k in (3, 4, 5, 6, 7)] == [0, 9, 0, 8, 0]

    # A damaged file: refused with the path named, exit 1, the database file as it was.
    opened = dbs.open_database(str(target))
    try:
        before = row_counts(opened.engine)
    finally:
        opened.dispose()
    broken = tmp_path / "broken.cctour"
    broken.write_bytes(out.read_bytes()[:-200])
    refused = run(other_home, "--db", str(target), "tour", "import", str(broken))
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith(f"curator-console: cannot import {broken}: ")
    opened = dbs.open_database(str(target))
    try:
        assert row_counts(opened.engine) == before
    finally:
        opened.dispose()


def test_tour_export_refuses_an_unknown_tour_and_a_missing_folder(tmp_path: Path, curator_home: Path) -> None:
    source = tmp_path / "museum.sqlite3"
    database = dbs.open_database(str(source))
    try:
        demo.seed_demo(dbs.unit_of_work(database), DEMO)
    finally:
        database.dispose()
    result = run(curator_home, "--db", str(source), "tour", "export", "No such tour", "--out", str(tmp_path / "x"))
    assert result.returncode == 1 and "there is no tour “No such tour”" in result.stderr
    missing = tmp_path / "nowhere" / "t.cctour"
    result = run(curator_home, "--db", str(source), "tour", "export", "1", "--out", str(missing))
    assert result.returncode == 1 and f"cannot write {missing}" in result.stderr and "does not exist" in result.stderr
    result = run(curator_home, "--db", str(source), "tour", "import", str(tmp_path / "none.cctour"))
    assert result.returncode == 1 and "there is no such file" in result.stderr
