"""Restoring the database from a backup (``services.database.restore_backup``) on real SQLite files:
the backup's rows come back, a safety backup of the replaced database is made first, and files the
app would refuse at start-up (damaged, newer, another program's, not a database, empty) are refused
with the database left byte-for-byte as it was."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from curator_console import paths
from curator_console.persistence import db as dbmod
from curator_console.persistence import migrate
from curator_console.persistence.db import CorruptDatabaseError, DatabaseError, NewerDatabaseError
from curator_console.persistence.models import CollectionItem, Museum
from curator_console.persistence.schema_version import HEAD_REVISION
from curator_console.services import database as db_svc

from .conftest import file_fingerprint, populate, row_counts, set_alembic_revision
from .test_refusals import make_corrupted_database, make_foreign_database, make_future_database, make_text_file

SAFETY_NAME = re.compile(r"-before-restore-\d{8}-\d{6}(-\d+)?\.sqlite3$")


def titles(database) -> list[str]:
    with database.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT title FROM collection_item ORDER BY object_number"))]


def add_item(database, number: str, title: str) -> None:
    with database.session() as s:
        museum = s.query(Museum).first()
        s.add(CollectionItem(museum_id=museum.id, object_number=number, title=title))
        s.commit()


@pytest.fixture
def live_db(tmp_path: Path):
    """The app's open database: a real SQLite file with a small data set, opened as the app does."""
    path = tmp_path / "data" / "curator-console.sqlite3"
    database = db_svc.open_database(str(path))
    populate(database, items=4)
    yield database
    database.dispose()


def db_file(database) -> Path:
    return dbmod.sqlite_path(database.url)


def checkpointed_fingerprint(database) -> tuple[str, int, int]:
    """The database file's fingerprint with everything written into it (no pending -wal)."""
    database.engine.dispose()
    conn = sqlite3.connect(db_file(database))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return file_fingerprint(db_file(database))


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(live_db):
    backup = db_svc.backup(live_db)
    at_backup = row_counts(live_db.engine)
    before_titles = titles(live_db)
    add_item(live_db, "GU-99999", "Added after the backup")
    changed = row_counts(live_db.engine)
    assert changed["collection_item"] == at_backup["collection_item"] + 1

    summary = db_svc.restore_backup(live_db, backup)

    # The open Database works in place on the restored file.
    assert row_counts(live_db.engine) == at_backup
    assert titles(live_db) == before_titles
    with db_svc.unit_of_work(live_db) as uow:
        assert uow.repos.museums.first() is not None
    assert live_db.revision == HEAD_REVISION
    assert summary.source == str(backup) and summary.source_revision == HEAD_REVISION
    assert summary.revision == HEAD_REVISION and summary.upgrade_backup is None

    # The safety backup holds the database as it was just before the restore.
    safety = Path(summary.safety_backup)
    assert safety.parent == paths.backups_dir()
    assert SAFETY_NAME.search(safety.name), safety.name
    safety_db = dbmod.open_database(make_url(f"sqlite:///{safety}"), backups_dir=paths.backups_dir(), upgrade=False)
    try:
        assert row_counts(safety_db.engine) == changed
        assert "Added after the backup" in titles(safety_db)
    finally:
        safety_db.dispose()
    # The backup itself was only read.
    assert dbmod.read_revision(backup) == HEAD_REVISION
    # Nothing is left beside the database file but SQLite's own files.
    leftovers = {p.name for p in db_file(live_db).parent.iterdir()}
    assert leftovers <= {"curator-console.sqlite3", "curator-console.sqlite3-wal", "curator-console.sqlite3-shm"}


def test_restore_survives_writes_after_it(live_db):
    backup = db_svc.backup(live_db)
    db_svc.restore_backup(live_db, backup)
    add_item(live_db, "GU-77777", "Written after the restore")
    live_db.dispose()
    reopened = db_svc.open_database(str(db_file(live_db)))
    try:
        assert "Written after the restore" in titles(reopened)
    finally:
        reopened.dispose()


def test_restoring_the_safety_copy_undoes_a_restore(live_db):
    backup = db_svc.backup(live_db)
    add_item(live_db, "GU-55555", "Only in the newer state")
    summary = db_svc.restore_backup(live_db, backup)
    assert "Only in the newer state" not in titles(live_db)
    db_svc.restore_backup(live_db, Path(summary.safety_backup))
    assert "Only in the newer state" in titles(live_db)


@pytest.mark.parametrize("make, error", [
    (make_corrupted_database, CorruptDatabaseError),
    (make_future_database, NewerDatabaseError),
    (make_foreign_database, DatabaseError),
    (make_text_file, DatabaseError),
], ids=["corrupt", "newer", "foreign", "text"])
def test_a_refused_file_leaves_the_database_unchanged(live_db, tmp_path, make, error):
    bad = tmp_path / "offered" / "backup.sqlite3"
    bad.parent.mkdir()
    make(bad)
    bad_before = file_fingerprint(bad)
    counts = row_counts(live_db.engine)
    fingerprint = checkpointed_fingerprint(live_db)
    backups_before = sorted(paths.backups_dir().iterdir())

    with pytest.raises(error) as refused:
        db_svc.restore_backup(live_db, bad)

    assert str(bad) in str(refused.value)
    assert file_fingerprint(db_file(live_db)) == fingerprint
    assert file_fingerprint(bad) == bad_before
    assert sorted(paths.backups_dir().iterdir()) == backups_before  # no safety backup: nothing was replaced
    assert row_counts(live_db.engine) == counts  # and the open database still works


def test_newer_schema_message_says_update_the_app(live_db, tmp_path):
    newer = tmp_path / "newer.sqlite3"
    make_future_database(newer)
    with pytest.raises(NewerDatabaseError, match="newer version of Curator Console"):
        db_svc.restore_backup(live_db, newer)


def test_empty_and_missing_files_are_refused(live_db, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(DatabaseError, match="no Curator Console data"):
        db_svc.restore_backup(live_db, empty)
    with pytest.raises(DatabaseError, match="does not exist"):
        db_svc.restore_backup(live_db, tmp_path / "missing.sqlite3")
    assert not any(paths.backups_dir().iterdir())


def test_the_open_database_itself_is_refused(live_db):
    with pytest.raises(DatabaseError, match="open now"):
        db_svc.restore_backup(live_db, db_file(live_db))


def test_a_server_database_is_refused_plainly():
    server = dbmod.Database(engine=None, url=make_url("postgresql+psycopg://curator:secret@db.example/museum"),
                            session_factory=None, revision=HEAD_REVISION)
    with pytest.raises(DatabaseError) as refused:
        db_svc.restore_backup(server, Path("whatever.sqlite3"))
    message = str(refused.value)
    assert "database file only" in message and "secret" not in message


def test_an_older_backup_is_upgraded_after_its_own_backup(live_db, monkeypatch):
    older = "0000_older"
    backup = db_svc.backup(live_db)
    conn = sqlite3.connect(backup)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (older,))
        conn.commit()
    finally:
        conn.close()
    monkeypatch.setattr(dbmod, "KNOWN_REVISIONS", (older, *dbmod.KNOWN_REVISIONS))
    upgrades = []

    def spy_upgrade(engine, target="head"):
        upgrades.append(target)
        set_alembic_revision(engine, HEAD_REVISION)

    monkeypatch.setattr(migrate, "upgrade", spy_upgrade)

    summary = db_svc.restore_backup(live_db, backup)

    assert upgrades == ["head"]
    assert summary.source_revision == older and summary.revision == HEAD_REVISION
    assert summary.upgrade_backup is not None and f"before-upgrade-from-{older}" in summary.upgrade_backup
    assert live_db.revision == HEAD_REVISION


def test_describe_backups_lists_kind_size_and_schema(live_db):
    manual = db_svc.backup(live_db)
    upgrade = dbmod.backup_database(live_db.url, live_db.engine, paths.backups_dir(),
                                    reason="before-upgrade-from-0001_initial")
    other = paths.backups_dir() / "copied by hand.sqlite3"
    other.write_bytes(manual.read_bytes())
    (paths.backups_dir() / "notes.txt").write_text("not a backup")

    infos = {Path(i.path).name: i for i in db_svc.describe_backups()}

    assert set(infos) == {manual.name, upgrade.name, other.name}
    assert infos[manual.name].kind == "manual"
    assert infos[upgrade.name].kind == "upgrade" and infos[upgrade.name].upgraded_from == "0001_initial"
    assert infos[other.name].kind == "other"
    for info in infos.values():
        assert info.revision == HEAD_REVISION
        assert info.size_bytes == Path(info.path).stat().st_size > 0
        assert info.created_at.tzinfo is not None
    listed = db_svc.describe_backups()
    assert [i.created_at for i in listed] == sorted((i.created_at for i in listed), reverse=True)
