"""Migrations: a new database is built to head, matches the models, and older ones are upgraded."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from curator_console.persistence import db as dbmod
from curator_console.persistence import migrate
from curator_console.persistence.models import Base, Museum
from curator_console.persistence.schema_version import HEAD_REVISION, KNOWN_REVISIONS

from .conftest import alembic_revisions, all_table_names, populate, row_counts, table_names


def test_head_revision_constant_matches_the_migration_scripts():
    assert HEAD_REVISION == migrate.script_head()


def test_known_revisions_list_every_migration_oldest_first():
    assert list(KNOWN_REVISIONS) == migrate.script_revisions()
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_open_on_an_empty_database_creates_every_table_at_head(any_db_url, open_db, backups_dir):
    db = open_db(any_db_url)

    assert db.revision == HEAD_REVISION
    assert db.backup_path is None  # nothing to back up in a new database
    assert "item_search" in all_table_names(db.engine)  # the search index (FTS5 / GIN-indexed table)
    assert table_names(db.engine) == set(Base.metadata.tables) | {"alembic_version"}
    assert alembic_revisions(db.engine) == [HEAD_REVISION]
    assert all(n == 0 for name, n in row_counts(db.engine).items() if name != "alembic_version")
    assert not backups_dir.exists() or not any(backups_dir.iterdir())


def test_migrated_schema_has_no_difference_from_the_models(any_db_url, open_db):
    db = open_db(any_db_url)

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": migrate.include_object})
        diff = compare_metadata(context, Base.metadata)

    assert diff == []


def test_reopening_a_database_at_head_neither_migrates_nor_backs_up(any_db_url, open_db, backups_dir, monkeypatch):
    first = open_db(any_db_url)
    populate(first)
    before = row_counts(first.engine)
    first.dispose()

    calls = []
    monkeypatch.setattr(migrate, "upgrade", lambda *a, **k: calls.append(a))
    again = open_db(any_db_url)

    assert calls == []
    assert again.revision == HEAD_REVISION
    assert again.backup_path is None
    assert row_counts(again.engine) == before
    assert not backups_dir.exists() or not any(backups_dir.iterdir())


def test_downgraded_database_is_upgraded_again_on_open(any_db_url, open_db):
    db = open_db(any_db_url)
    migrate.downgrade(db.engine, "base")
    # Down to base: every table gone, an empty alembic_version left behind.
    assert table_names(db.engine) == {"alembic_version"}
    assert alembic_revisions(db.engine) == []
    db.dispose()

    reopened = open_db(any_db_url)

    assert reopened.revision == HEAD_REVISION
    assert reopened.backup_path is None  # an empty database has nothing worth a backup
    assert table_names(reopened.engine) == set(Base.metadata.tables) | {"alembic_version"}
    assert alembic_revisions(reopened.engine) == [HEAD_REVISION]
    with reopened.session() as s:  # and it is usable
        s.add(Museum(code="M1", name="Museum"))
        s.commit()
        assert s.query(Museum).count() == 1


def test_open_without_upgrade_leaves_an_older_database_as_it_is(any_db_url, open_db, backups_dir, monkeypatch):
    db = open_db(any_db_url)
    migrate.downgrade(db.engine, "base")
    db.dispose()
    calls = []
    monkeypatch.setattr(migrate, "upgrade", lambda *a, **k: calls.append(a))

    old = open_db(any_db_url, upgrade=False)

    assert old.needs_upgrade
    assert old.revision is None
    assert old.backup_path is None
    assert calls == []
    assert table_names(old.engine) == {"alembic_version"}  # nothing was migrated
    assert not backups_dir.exists() or not any(backups_dir.iterdir())
    old.dispose()

    monkeypatch.undo()
    upgraded = open_db(any_db_url)  # a normal open still upgrades it
    assert upgraded.revision == HEAD_REVISION and not upgraded.needs_upgrade


def test_open_without_upgrade_of_a_current_database(any_db_url, open_db):
    open_db(any_db_url).dispose()

    db = open_db(any_db_url, upgrade=False)

    assert db.revision == HEAD_REVISION
    assert not db.needs_upgrade


def test_open_database_module_uses_the_schema_version_constants():
    # db.py checks revisions without importing Alembic; it must read the same constants.
    assert dbmod.HEAD_REVISION == HEAD_REVISION
    assert dbmod.KNOWN_REVISIONS == KNOWN_REVISIONS


def test_alembic_version_table_holds_exactly_one_row_after_upgrade(any_db_url, open_db):
    db = open_db(any_db_url)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar_one() == 1
