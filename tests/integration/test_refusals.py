"""Databases that must be refused are refused with a message naming them, and left untouched."""

from __future__ import annotations

import os
import random
import socket
import sqlite3
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from curator_console.persistence import db as dbmod
from curator_console.persistence.db import (
    CorruptDatabaseError,
    DatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    UnreachableDatabaseError,
    open_database,
)
from curator_console.persistence.models import CollectionItem, Museum

from .conftest import alembic_revisions, file_fingerprint, populate, row_counts, set_alembic_revision

FUTURE = "9999_future"


# --- SQLite files of every kind that must be refused ---------------------------------------


def make_text_file(path: Path) -> None:
    path.write_text("Visitor notes\n参观笔记：青花瓷瓶很漂亮。\nThe vase in room 3 needs a new label.\n", encoding="utf-8")


def make_random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(20260314).randbytes(64 * 1024))


def make_corrupted_database(path: Path) -> None:
    """A real Curator Console database with a few hundred rows, two of whose b-tree pages (the
    collection_item table's root page and a page in the middle of the file) are overwritten."""
    db = open_database(make_url(f"sqlite:///{path}"), backups_dir=path.parent.parent / "unused-backups")
    try:
        with db.session() as s:
            museum = Museum(code="M", name="Museum")
            s.add(museum)
            s.flush()
            s.add_all(
                CollectionItem(
                    museum_id=museum.id,
                    object_number=f"OBJ-{i:04d}",
                    title=f"Object {i} " * 8,
                    description="lorem ipsum dolor sit amet " * 10,
                )
                for i in range(400)
            )
            s.commit()
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page_count = conn.execute("PRAGMA page_count").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'collection_item'").fetchone()[0]
    finally:
        conn.close()
    assert page_count > 20 and 1 < root < page_count
    data = bytearray(path.read_bytes())
    garbage = random.Random(7).randbytes(page_size)
    for page in {root, page_count // 2}:  # pages are numbered from 1
        data[(page - 1) * page_size : page * page_size] = garbage
    path.write_bytes(bytes(data))


def make_future_database(path: Path) -> None:
    db = open_database(make_url(f"sqlite:///{path}"), backups_dir=path.parent.parent / "unused-backups")
    try:
        populate(db, items=5)
        set_alembic_revision(db.engine, FUTURE)
    finally:
        db.dispose()


def make_foreign_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT)")
        conn.executemany("INSERT INTO foo (bar) VALUES (?)", [(f"row {i}",) for i in range(50)])
        conn.commit()
    finally:
        conn.close()


CASES: dict[str, tuple[Callable[[Path], None], type[DatabaseError]]] = {
    "text-file": (make_text_file, NotADatabaseError),
    "random-bytes": (make_random_bytes, NotADatabaseError),
    "corrupted-sqlite": (make_corrupted_database, CorruptDatabaseError),
    "newer-version": (make_future_database, NewerDatabaseError),
    "other-program": (make_foreign_database, ForeignDatabaseError),
}



@pytest.fixture
def refused_file(request, tmp_path: Path):
    make, expected = CASES[request.param]
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / f"{request.param}.sqlite3"
    make(path)
    return path, expected


def _open(path: Path, backups_dir: Path):
    return open_database(make_url(f"sqlite:///{path}"), backups_dir=backups_dir)


@pytest.mark.parametrize("refused_file", list(CASES), indirect=True)
def test_refused_file_raises_a_specific_error_naming_it_and_is_untouched(refused_file, backups_dir):
    path, expected = refused_file
    before = file_fingerprint(path)

    with pytest.raises(DatabaseError) as excinfo:
        _open(path, backups_dir)

    assert type(excinfo.value) is expected
    assert str(path) in str(excinfo.value)
    assert file_fingerprint(path) == before  # same bytes, same mtime, same size
    assert not backups_dir.exists() or not any(backups_dir.iterdir())


@pytest.mark.parametrize(
    "refused_file",
    [
        "text-file",
        "random-bytes",
        "other-program",
        pytest.param("corrupted-sqlite"),
        pytest.param("newer-version"),
    ],
    indirect=True,
)
def test_refusing_a_file_leaves_no_side_files(refused_file, backups_dir):
    path, expected = refused_file
    listing = sorted(os.listdir(path.parent))
    assert listing == [path.name]  # the fixture left no -wal/-shm/-journal of its own

    with pytest.raises(expected):
        _open(path, backups_dir)

    assert sorted(os.listdir(path.parent)) == listing


@pytest.mark.parametrize("refused_file", ["newer-version", "other-program"], indirect=True)
def test_refusal_is_repeatable(refused_file, backups_dir):
    """Refusing does not turn the file into something else: a second open refuses it the same way."""
    path, expected = refused_file
    for _ in range(2):
        with pytest.raises(expected):
            _open(path, backups_dir)


def test_a_folder_is_not_a_database(tmp_path, backups_dir):
    folder = tmp_path / "looks-like.sqlite3"
    folder.mkdir()

    with pytest.raises(NotADatabaseError) as excinfo:
        _open(folder, backups_dir)

    assert str(folder) in str(excinfo.value)


def test_an_empty_file_becomes_a_new_database(tmp_path, backups_dir):
    path = tmp_path / "empty.sqlite3"
    path.touch()

    db = _open(path, backups_dir)
    try:
        assert alembic_revisions(db.engine) == [dbmod.HEAD_REVISION]
    finally:
        db.dispose()


# --- PostgreSQL ----------------------------------------------------------------------------


def test_unreachable_postgresql_is_refused_without_showing_the_password(backups_dir, monkeypatch):
    engine_kwargs: list[dict] = []
    real_create_engine = dbmod.create_engine

    def recording_create_engine(url, **kwargs):
        engine_kwargs.append(kwargs)
        return real_create_engine(url, **kwargs)

    monkeypatch.setattr(dbmod, "create_engine", recording_create_engine)
    # A port that is bound but not listening: connections to it are refused at once.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as blocker:
        blocker.bind(("127.0.0.1", 0))
        port = blocker.getsockname()[1]
        url = make_url(f"postgresql+psycopg://curator:s3cr3t-pw@127.0.0.1:{port}/museum")

        with pytest.raises(UnreachableDatabaseError) as excinfo:
            open_database(url, backups_dir=backups_dir)

    error = excinfo.value
    shown = "".join(traceback.format_exception(error))
    assert "s3cr3t-pw" not in str(error)
    assert "s3cr3t-pw" not in repr(error)
    assert "s3cr3t-pw" not in shown
    assert f"127.0.0.1:{port}/museum" in str(error)
    # It gives up quickly: the server connection attempt is bounded by a connect timeout.
    assert engine_kwargs and 0 < engine_kwargs[0]["connect_args"]["connect_timeout"] <= 10
    assert not backups_dir.exists() or not any(backups_dir.iterdir())


def test_display_url_never_shows_a_password():
    url = make_url("postgresql+psycopg://curator:s3cr3t-pw@db.example.org:5432/museum")
    assert "s3cr3t-pw" not in dbmod.display_url(url)
    assert "db.example.org:5432/museum" in dbmod.display_url(url)


@pytest.mark.postgres
def test_newer_postgresql_database_is_refused_and_left_alone(pg_url, open_db, backups_dir):
    db = open_db(pg_url)
    populate(db, items=5)
    set_alembic_revision(db.engine, FUTURE)
    before = row_counts(db.engine)
    db.dispose()

    with pytest.raises(NewerDatabaseError) as excinfo:
        open_db(pg_url)

    assert FUTURE in str(excinfo.value)
    assert make_url(pg_url).database in str(excinfo.value)
    engine = create_engine(pg_url)
    try:
        assert alembic_revisions(engine) == [FUTURE]
        assert row_counts(engine) == before
    finally:
        engine.dispose()
    assert not backups_dir.exists() or not any(backups_dir.iterdir())


@pytest.mark.postgres
def test_postgresql_database_of_another_program_is_refused_and_left_alone(pg_url, open_db):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE foo (id integer PRIMARY KEY, bar text)"))
            conn.execute(text("INSERT INTO foo VALUES (1, 'one'), (2, 'two')"))

        with pytest.raises(ForeignDatabaseError) as excinfo:
            open_db(pg_url)

        assert "foo" in str(excinfo.value)
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == {"foo"}
            assert conn.execute(text("SELECT COUNT(*) FROM foo")).scalar_one() == 2
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_refusing_a_postgresql_database_leaves_no_connection_open(pg_url, pg_admin, open_db):
    db = open_db(pg_url)
    set_alembic_revision(db.engine, FUTURE)
    db.dispose()
    name = make_url(pg_url).database

    with pytest.raises(NewerDatabaseError) as excinfo:
        open_db(pg_url)

    assert excinfo.value is not None  # the caller still holds the error, as a dialog would
    with pg_admin() as admin:
        open_connections = admin.execute(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = %s", (name,)
        ).fetchone()[0]
    assert open_connections == 0
