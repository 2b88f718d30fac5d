"""Database use cases: open (check, back up, upgrade), describe, back up."""

from __future__ import annotations

from pathlib import Path

from curator_console import paths
from curator_console.domain.records import DatabaseInfo
from curator_console.persistence import db as dbmod
from curator_console.persistence.schema_version import HEAD_REVISION
from curator_console.persistence.unit_of_work import UnitOfWork

DatabaseError = dbmod.DatabaseError


def resolve(target: str | None, demo: bool = False):
    default = paths.demo_database_path() if demo else paths.default_database_path()
    return dbmod.resolve_url(target, default)


def existing_file_or_none(target: str | None, demo: bool = False):
    """For SQLite: the file's path when it exists, ``False`` when it does not; ``None`` for servers."""
    path = dbmod.sqlite_path(resolve(target, demo))
    if path is None:
        return None
    return path if path.exists() else False


def open_database(target: str | None = None, demo: bool = False, upgrade: bool = True) -> dbmod.Database:
    return dbmod.open_database(resolve(target, demo), backups_dir=paths.backups_dir(), upgrade=upgrade)


def unit_of_work(database: dbmod.Database) -> UnitOfWork:
    return UnitOfWork(database.session_factory)


def info(database: dbmod.Database) -> DatabaseInfo:
    return DatabaseInfo(
        url=database.display, backend=database.backend, revision=database.revision,
        head_revision=HEAD_REVISION, counts=dbmod.table_counts(database),
    )


def backup(database: dbmod.Database, dest_dir: Path | None = None) -> Path:
    return dbmod.backup_database(database.url, database.engine, dest_dir or paths.backups_dir(), reason="backup")


def list_backups() -> list[Path]:
    return sorted(paths.backups_dir().glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)


def is_empty(database: dbmod.Database) -> bool:
    with unit_of_work(database) as uow:
        return uow.repos.museums.first() is None
