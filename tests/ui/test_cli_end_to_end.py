"""``python -m curator_console`` as a real process: the smoke start, and the databases it refuses
(left byte-for-byte untouched, with a message naming them and never a password)."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import sqlite3
import subprocess
from pathlib import Path

import pytest

from curator_console import paths
from curator_console.persistence.schema_version import HEAD_REVISION

from .conftest import PYTHON, subprocess_env

STARTUP_LINE = re.compile(r"^startup_ms=\d+$", re.MULTILINE)
PROCESS_TIMEOUT_S = 180  # a hang guard only; nothing asserts how long a run takes
EXIT_DATABASE = 3


def run_app(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "curator_console", *args],
        env=subprocess_env(home), capture_output=True, text=True, encoding="utf-8",
        timeout=PROCESS_TIMEOUT_S, cwd=home,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def names_file(message: str, path: Path) -> bool:
    return str(path) in message or str(path.resolve()) in message


def demo_files_present() -> bool:
    folder = paths.resources_dir() / "demo"
    return all((folder / n).is_file() for n in ("museum.json", "objects.json", "products.json", "tours.json", "sessions.json"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "process-home"
    path.mkdir()
    return path


def assert_smoke_ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert STARTUP_LINE.search(result.stdout), result.stdout


def test_smoke_on_a_new_database_file(home, tmp_path):
    db = tmp_path / "new" / "museum.sqlite3"
    result = run_app(home, "--db", str(db), "--smoke")
    assert_smoke_ok(result)
    assert db.is_file()
    info = run_app(home, "--db", str(db), "db", "info")
    assert info.returncode == 0, info.stderr
    assert f"revision={HEAD_REVISION}" in info.stdout


def test_smoke_on_the_seeded_small_museum(home, db_path):
    result = run_app(home, "--db", str(db_path), "--smoke")
    assert_smoke_ok(result)
    info = run_app(home, "--db", str(db_path), "db", "info")
    assert info.returncode == 0, info.stderr
    assert "collection_item=5" in info.stdout.splitlines()
    assert "product=3" in info.stdout.splitlines()


def test_demo_smoke(home):
    assert demo_files_present(), "resources/demo/*.json are missing"
    result = run_app(home, "--demo", "--smoke")
    assert_smoke_ok(result)
    assert (home / "data" / "demo" / "demo-museum.sqlite3").is_file()
    # A second start reuses the demo database it created.
    again = run_app(home, "--demo", "--smoke")
    assert_smoke_ok(again)


def test_smoke_in_chinese(home, db_path):
    assert_smoke_ok(run_app(home, "--db", str(db_path), "--lang", "zh_CN", "--smoke"))


# --- refusals ----------------------------------------------------------------------------------


@pytest.fixture
def random_bytes_file(tmp_path: Path) -> Path:
    folder = tmp_path / "junk"
    folder.mkdir()
    path = folder / "not-a-database.sqlite3"
    data = os.urandom(8192)
    if data.startswith(b"SQLite format 3"):
        data = b"x" + data
    path.write_bytes(data)
    return path


@pytest.fixture
def future_db(tmp_path: Path, db_path: Path) -> Path:
    """A real database of ours, stamped as written by a newer version."""
    folder = tmp_path / "future"
    folder.mkdir()
    path = folder / "future.sqlite3"
    db_path.rename(path)
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        assert not path.with_name(path.name + suffix).exists()
    return path


@pytest.mark.parametrize("command", [["--smoke"], ["db", "info"], ["db", "upgrade"]], ids=["smoke", "db-info", "db-upgrade"])
def test_random_bytes_file_is_refused_and_untouched(home, random_bytes_file, command):
    before, listing = sha256(random_bytes_file), folder_listing(random_bytes_file.parent)
    result = run_app(home, "--db", str(random_bytes_file), *command)
    assert result.returncode == EXIT_DATABASE, result.stderr
    assert names_file(result.stderr, random_bytes_file), result.stderr
    assert "not a Curator Console database" in result.stderr
    assert "startup_ms=" not in result.stdout
    assert "Traceback" not in result.stderr
    assert sha256(random_bytes_file) == before
    assert folder_listing(random_bytes_file.parent) == listing


@pytest.mark.parametrize("command", [["--smoke"], ["db", "info"], ["db", "upgrade"]], ids=["smoke", "db-info", "db-upgrade"])
def test_newer_version_database_is_refused_and_untouched(home, future_db, command):
    before = sha256(future_db)
    result = run_app(home, "--db", str(future_db), *command)
    assert result.returncode == EXIT_DATABASE, result.stderr
    assert names_file(result.stderr, future_db), result.stderr
    assert "newer version" in result.stderr and "9999_future" in result.stderr
    assert "startup_ms=" not in result.stdout
    assert "Traceback" not in result.stderr
    assert sha256(future_db) == before
    # No backup was taken and nothing was upgraded.
    backups = home / "data" / "backups"
    assert not backups.exists() or not any(backups.iterdir())
    conn = sqlite3.connect(f"{future_db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999_future",)]
    finally:
        conn.close()


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


@pytest.mark.parametrize("command", [["db", "info"], ["--smoke"]], ids=["db-info", "smoke"])
def test_unreachable_server_message_hides_the_password(home, command):
    url = f"postgresql+psycopg://u:pw@127.0.0.1:{closed_port()}/x"
    result = run_app(home, "--db", url, *command)
    assert result.returncode == EXIT_DATABASE, result.stderr
    output = result.stdout + result.stderr
    assert "pw" not in output, output
    assert "127.0.0.1" in result.stderr
    assert "Cannot reach the database" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["db", "info"], ["db", "backup"]], ids=["db-info", "db-backup"])
def test_missing_file_is_refused_not_created(home, tmp_path, command):
    missing = tmp_path / "nowhere" / "missing.sqlite3"
    result = run_app(home, "--db", str(missing), *command)
    assert result.returncode == EXIT_DATABASE, result.stderr
    assert names_file(result.stderr, missing), result.stderr
    assert "Traceback" not in result.stderr
    assert not missing.exists()


def test_malformed_port_is_a_clean_refusal(home):
    result = run_app(home, "--db", "postgresql+psycopg://u:pw@127.0.0.1:notaport/x", "db", "info")
    assert result.returncode == EXIT_DATABASE, result.stderr
    assert "Traceback" not in result.stderr
    assert "pw" not in result.stdout + result.stderr


def test_unparsable_url_message_hides_the_password(home):
    result = run_app(home, "--db", "post gres://u:pw@127.0.0.1/x", "db", "info")
    assert result.returncode == EXIT_DATABASE, result.stderr
    assert "pw" not in result.stdout + result.stderr, result.stderr
