"""An older database is backed up (timestamped, complete) before it is upgraded."""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from curator_console.persistence import db as dbmod
from curator_console.persistence import migrate
from curator_console.persistence.db import backup_database
from curator_console.persistence.models import Base, Product
from curator_console.persistence.schema_version import HEAD_REVISION

from .conftest import alembic_revisions, populate, row_counts, set_alembic_revision

OLDER = "0000_older"
BACKUP_NAME = re.compile(rf"-before-upgrade-from-{OLDER}-\d{{8}}-\d{{6}}(-\d+)?\.sqlite3$")
ALL_TABLES = sorted(Base.metadata.tables) + ["alembic_version"]


def sqlite_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in ALL_TABLES}
    finally:
        conn.close()


def sqlite_integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


@pytest.fixture
def pretend_older_schema(monkeypatch):
    """``pretend_older_schema()`` makes this build "know" an older revision ``0000_older`` and turns
    its upgrade into a spy that records the call and moves the version row to head. Returns the
    list of recorded calls."""

    def activate() -> list[dict]:
        monkeypatch.setattr(dbmod, "KNOWN_REVISIONS", (OLDER, *dbmod.KNOWN_REVISIONS))
        monkeypatch.setattr(dbmod, "HEAD_REVISION", HEAD_REVISION)
        calls: list[dict] = []

        def spy_upgrade(engine, target="head"):
            with engine.connect() as conn:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            calls.append({"target": target, "revision_at_call": revision})
            set_alembic_revision(engine, HEAD_REVISION)

        monkeypatch.setattr(migrate, "upgrade", spy_upgrade)
        return calls

    return activate


def test_older_database_is_backed_up_then_upgraded(any_db_url, open_db, backups_dir, pretend_older_schema):
    first = open_db(any_db_url)
    populate(first)
    set_alembic_revision(first.engine, OLDER)
    before = row_counts(first.engine)
    first.dispose()
    assert before["collection_item"] > 0 and before["alembic_version"] == 1
    upgrades = pretend_older_schema()

    db = open_db(any_db_url)

    # Upgraded exactly once, from the older revision, and now at head.
    assert upgrades == [{"target": "head", "revision_at_call": OLDER}]
    assert db.revision == HEAD_REVISION
    assert alembic_revisions(db.engine) == [HEAD_REVISION]
    assert row_counts(db.engine) == before

    # The backup: one timestamped SQLite file in the backups folder with every row as it was.
    assert db.backup_path is not None
    backup = db.backup_path
    assert backup.parent == backups_dir
    assert list(backups_dir.iterdir()) == [backup]
    assert BACKUP_NAME.search(backup.name), backup.name
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")
    assert sqlite_integrity(backup) == ["ok"]
    assert sqlite_counts(backup) == before
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(OLDER,)]
    finally:
        conn.close()


def test_older_database_opened_without_upgrade_is_neither_backed_up_nor_changed(
    any_db_url, open_db, backups_dir, pretend_older_schema
):
    first = open_db(any_db_url)
    populate(first, items=3)
    set_alembic_revision(first.engine, OLDER)
    before = row_counts(first.engine)
    first.dispose()
    upgrades = pretend_older_schema()

    db = open_db(any_db_url, upgrade=False)

    assert upgrades == []
    assert db.revision == OLDER and db.needs_upgrade
    assert db.backup_path is None
    assert alembic_revisions(db.engine) == [OLDER]
    assert row_counts(db.engine) == before
    assert not backups_dir.exists() or not any(backups_dir.iterdir())


def test_sqlite_backup_is_an_exact_copy(sqlite_url, open_db, tmp_path):
    db = open_db(sqlite_url)
    populate(db)
    source = dbmod.sqlite_path(make_url(sqlite_url))

    backup = backup_database(make_url(sqlite_url), db.engine, tmp_path / "b", reason="manual")

    assert backup.name.startswith("curator-manual-")
    src, dst = sqlite3.connect(source), sqlite3.connect(backup)
    try:
        for table in ALL_TABLES:
            query = f'SELECT * FROM "{table}" ORDER BY rowid'
            assert dst.execute(query).fetchall() == src.execute(query).fetchall(), table
    finally:
        src.close()
        dst.close()


def test_two_backups_in_the_same_second_get_distinct_names(sqlite_url, open_db, tmp_path, monkeypatch):
    db = open_db(sqlite_url)
    monkeypatch.setattr(dbmod, "timestamp", lambda: "20260314-093000")

    first = backup_database(make_url(sqlite_url), db.engine, tmp_path / "b")
    second = backup_database(make_url(sqlite_url), db.engine, tmp_path / "b")

    assert first != second
    assert first.exists() and second.exists()


@pytest.mark.postgres
def test_postgresql_backup_is_an_sqlite_file_with_the_same_rows(pg_url, open_db, tmp_path):
    db = open_db(pg_url)
    populate(db)
    before = row_counts(db.engine)

    backup = backup_database(make_url(pg_url), db.engine, tmp_path / "b")

    assert backup.parent == tmp_path / "b"
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")
    assert sqlite_integrity(backup) == ["ok"]
    assert sqlite_counts(backup) == before
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]
        titles = {r[0] for r in conn.execute("SELECT alt_title FROM collection_item")}
        assert "Blue-and-white vase 3" in titles
        assert conn.execute("SELECT alt_name FROM museum").fetchone()[0] == "故宫博物院"
    finally:
        conn.close()


@pytest.mark.postgres
def test_postgresql_backup_keeps_money_exact(pg_url, open_db, tmp_path):
    db = open_db(pg_url)
    amounts = ["99999999999999.9999", "123456789012.3456", "0.1", "19.90"]
    with db.session() as s:
        s.add_all(Product(sku=f"P{i}", price=Decimal(a)) for i, a in enumerate(amounts))
        s.commit()

    backup = backup_database(make_url(pg_url), db.engine, tmp_path / "b")

    engine = create_engine(f"sqlite:///{backup}")
    try:
        with engine.connect() as conn:
            stored = dict(conn.execute(text("SELECT sku, CAST(price AS TEXT) FROM product")).all())
    finally:
        engine.dispose()
    assert {sku: Decimal(v) for sku, v in stored.items()} == {f"P{i}": Decimal(a) for i, a in enumerate(amounts)}
