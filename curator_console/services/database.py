"""Database use cases: open (check, back up, upgrade), describe, back up, list backups, restore."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from curator_console import paths
from curator_console.domain.records import BackupInfo, DatabaseInfo, RestoreSummary
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


# <database name>-<reason>-<UTC timestamp>[-n].sqlite3, as persistence.db.backup_database names them
_BACKUP_NAME = re.compile(
    r"-(?:(?P<manual>backup)|before-upgrade-from-(?P<upgrade>.+?)|(?P<restore>before-restore))"
    r"-(?P<ts>\d{8}-\d{6})(?:-\d+)?\.sqlite3$")


def backup_info(path: Path) -> BackupInfo:
    """Date, size, kind and schema revision of one backup file (read-only, no integrity check)."""
    stat = path.stat()
    created = datetime.fromtimestamp(stat.st_mtime, timezone.utc)
    kind, upgraded_from = "other", ""
    match = _BACKUP_NAME.search(path.name)
    if match:
        created = datetime.strptime(match["ts"], "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
        if match["upgrade"]:
            kind, upgraded_from = "upgrade", match["upgrade"]
        elif match["restore"]:
            kind = "restore"
        else:
            kind = "manual"
    return BackupInfo(path=str(path), created_at=created, size_bytes=stat.st_size, kind=kind,
                      revision=dbmod.read_revision(path), upgraded_from=upgraded_from)


def describe_backups(folder: Path | None = None) -> list[BackupInfo]:
    """The backups in ``folder`` (the backups folder by default), newest first: the automatic ones
    made before upgrades and restores, and the manual ones."""
    folder = folder or paths.backups_dir()
    infos = []
    for path in folder.glob("*.sqlite3"):
        try:
            infos.append(backup_info(path))
        except OSError:
            continue  # removed meanwhile
    return sorted(infos, key=lambda b: (b.created_at, b.path), reverse=True)


def restore_backup(database: dbmod.Database, backup_path: Path) -> RestoreSummary:
    """Replace the open database with the backup at ``backup_path``.

    The backup is checked first (read-only, the same checks as at start-up: not a database,
    damaged, newer, another program's, empty → ``DatabaseError``, nothing changed). Then the
    current database is backed up (``…-before-restore-….sqlite3`` in the backups folder), its file
    replaced by a copy of the backup, and ``database`` reopened in place (an older backup is
    upgraded, after a backup of its own). Only SQLite files can be restored: for a shared
    PostgreSQL database the restore is refused.
    """
    target = dbmod.sqlite_path(database.url)
    if target is None:
        raise DatabaseError(
            f"Restoring from a backup works on a database file only; {database.display} is a shared "
            "database server. Ask its administrator to restore it. Nothing was changed.")
    backup_path = Path(backup_path).expanduser()
    try:
        same = target.exists() and backup_path.exists() and backup_path.resolve().samefile(target.resolve())
    except OSError:
        same = False
    if same:
        raise DatabaseError(f"{backup_path} is the database that is open now; choose a backup. Nothing was changed.")
    source_revision = dbmod.check_backup_file(backup_path)
    safety = dbmod.backup_database(database.url, database.engine, paths.backups_dir(), reason="before-restore")
    dbmod.replace_sqlite_database(database, backup_path, backups_dir=paths.backups_dir())
    return RestoreSummary(
        source=str(backup_path), source_revision=source_revision, safety_backup=str(safety),
        revision=database.revision,
        upgrade_backup=str(database.backup_path) if database.backup_path is not None else None,
    )


def is_empty(database: dbmod.Database) -> bool:
    with unit_of_work(database) as uow:
        return uow.repos.museums.first() is None
