"""Opening a database safely: where it is, whether it is ours, whether it needs upgrading.

``open_database`` never changes a file it refuses: a file that is not a database, a corrupted one,
one from a newer version of the app, or a database of some other program are each refused with a
``DatabaseError`` whose message a curator can act on. An older database is copied to a timestamped
backup first and then upgraded with Alembic.

SQLite (the default, one file in the user's data folder) runs with WAL journaling, foreign keys on
and full fsync on commit. PostgreSQL (``postgresql+psycopg://…``) runs the same code for a shared
museum database.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from curator_console.persistence.schema_version import HEAD_REVISION, KNOWN_REVISIONS

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# Files up to this size get a full ``PRAGMA quick_check`` on open; larger ones a schema read only.
QUICK_CHECK_LIMIT_BYTES = 256 * 1024 * 1024
CONNECT_TIMEOUT_SECONDS = 5


class DatabaseError(Exception):
    """A database cannot be used; ``str(error)`` is a message for the user."""


class NotADatabaseError(DatabaseError):
    pass


class CorruptDatabaseError(DatabaseError):
    pass


class NewerDatabaseError(DatabaseError):
    pass


class ForeignDatabaseError(DatabaseError):
    pass


class UnreachableDatabaseError(DatabaseError):
    pass


_URL_PASSWORD = re.compile(r"(://[^/@:]*:)[^@]*@")


def _redact_password(value: str) -> str:
    """A URL-ish string as typed, with whatever sits between ``user:`` and ``@`` masked."""
    return _URL_PASSWORD.sub(r"\1***@", value)


def resolve_url(target: str | os.PathLike[str] | None, default_path: Path) -> URL:
    """A ``--db`` value (a file path or any SQLAlchemy URL) as a URL; ``None`` means the default file."""
    if target is None or str(target) == "":
        return make_url(f"sqlite:///{Path(default_path).resolve()}")
    value = str(target)
    if "://" in value:
        try:
            return make_url(value)
        except (ArgumentError, ValueError):  # ValueError: e.g. a port that is not a number
            raise DatabaseError(f"“{_redact_password(value)}” is neither a file path nor a database URL.") from None
    return make_url(f"sqlite:///{Path(value).expanduser().resolve()}")


def display_url(url: URL) -> str:
    """The URL as shown to people and written to logs: never with its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


@dataclass
class Database:
    """An open, checked, up-to-date database."""

    engine: Engine
    url: URL
    session_factory: sessionmaker[Session]
    revision: str | None
    backup_path: Path | None = None  # set when opening upgraded the database after a backup

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != HEAD_REVISION

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def display(self) -> str:
        return display_url(self.url)

    def session(self) -> Session:
        return self.session_factory()

    def dispose(self) -> None:
        self.engine.dispose()


# --- Checks that never write ---------------------------------------------------------------


def _check_sqlite_file(path: Path) -> str | None:
    """Check an existing SQLite file read-only. Returns its schema revision (``None`` when the
    file is empty or has no tables). Raises a DatabaseError when it must be refused."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"Cannot read the database file {path}: {exc.strerror or exc}.") from None
    if header == b"":
        return None  # an empty file is a new SQLite database
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{path} is not a Curator Console database (it is not an SQLite file). "
            "The file was left untouched; choose another file or start with a new one."
        )
    # Read-only *and* leaving nothing behind: opened with plain mode=ro, a WAL-mode file gets
    # -wal/-shm files created beside it, which stay after a refusal. Without a -wal file
    # everything is in the main file, so it can be read as immutable (no side files, no locks).
    params = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    uri = f"{path.resolve().as_uri()}?{params}"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open the database file {path}: {exc}.") from None
    try:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if path.stat().st_size <= QUICK_CHECK_LIMIT_BYTES:
                result = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
                if result != ["ok"]:
                    raise sqlite3.DatabaseError("; ".join(result))
            revision = None
            if "alembic_version" in tables:
                rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
                revision = rows[0][0] if rows else None
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabaseError(
                f"The database file {path} is damaged ({exc}). It was left untouched. "
                "Restore it from a backup (File → Restore from backup, or the backups folder)."
            ) from None
    finally:
        conn.close()
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if revision is None and user_tables - {"alembic_version"}:
        raise ForeignDatabaseError(
            f"{path} is an SQLite database of another program (tables: "
            f"{', '.join(sorted(user_tables)[:5])}). It was left untouched."
        )
    return revision


def _check_revision(revision: str | None, where: str) -> None:
    if revision is None or revision == HEAD_REVISION:
        return
    if revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            f"{where} was written by a newer version of Curator Console (schema {revision}); "
            f"this version understands schemas up to {HEAD_REVISION}. Update the app to open it. "
            "The database was left untouched."
        )


# --- Engine --------------------------------------------------------------------------------


def _sqlite_on_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def make_engine(url: URL) -> Engine:
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_on_connect)
        return engine
    connect_args = {}
    if backend == "postgresql":
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except NoSuchModuleError:
        raise DatabaseError(f"Database type “{url.drivername}” is not supported.") from None
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"The driver for {url.drivername} is not installed ({exc.name})."
            + (" Install the app's PostgreSQL extra: pip install 'curator-console[postgres]'."
               if url.get_backend_name() == "postgresql" else "")
        ) from None


def _migration_engine(url: URL) -> Engine:
    """SQLite engine for migrations: pysqlite runs DDL outside transactions by default, so this
    one issues BEGIN itself and a failed migration rolls back whole instead of leaving half a schema.
    (Normal work keeps pysqlite's default, where a stale edit surfaces as a version conflict.)"""
    engine = create_engine(url, isolation_level=None)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def _server_revision(engine: Engine, url: URL) -> str | None:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if "alembic_version" not in tables:
                if tables:
                    raise ForeignDatabaseError(
                        f"The database {display_url(url)} holds tables of another program "
                        f"({', '.join(sorted(tables)[:5])}). It was left untouched."
                    )
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise UnreachableDatabaseError(
            f"Cannot reach the database {display_url(url)}: {reason}. "
            "Check the address and that the server is running, or start without --db to use the local file."
        ) from None
    except DBAPIError as exc:
        raise DatabaseError(f"The database {display_url(url)} refused the connection: {exc.orig}.") from None


# --- Backup --------------------------------------------------------------------------------


def timestamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")


def backup_database(url: URL, engine: Engine | None, dest_dir: Path, reason: str = "backup") -> Path:
    """Copy the whole database to ``dest_dir`` as an SQLite file named with a UTC timestamp.

    SQLite is copied with SQLite's online backup API (consistent even while WAL is in use); a
    server database is copied table by table into an SQLite file with the same tables.
    """
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = sqlite_path(url)
    stem = path.stem if path is not None else (url.database or "database")
    dest = dest_dir / f"{stem}-{reason}-{timestamp()}.sqlite3"
    n = 1
    while dest.exists():
        n += 1
        dest = dest_dir / f"{stem}-{reason}-{timestamp()}-{n}.sqlite3"
    if path is not None:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(dest)
            try:
                src.backup(out)
            finally:
                out.close()
        finally:
            src.close()
        return dest
    if engine is None:
        engine = make_engine(url)
    _copy_tables_to_sqlite(engine, dest)
    return dest


def _copy_tables_to_sqlite(engine: Engine, dest: Path) -> None:
    from sqlalchemy import Float, MetaData, Numeric, Table

    from curator_console.persistence.types import Money

    source_meta = MetaData()
    source_meta.reflect(engine)
    out_engine = create_engine(f"sqlite:///{dest}")
    out_meta = MetaData()
    for table in source_meta.sorted_tables:
        cols = [c._copy() for c in table.columns]
        for c in cols:
            c.server_default = None
            # Reflected server types (JSONB, TIMESTAMP WITH TIME ZONE …) are stored generically.
            c.type = c.type.as_generic() if hasattr(c.type, "as_generic") else c.type
            if isinstance(c.type, Numeric) and not isinstance(c.type, Float):
                c.type = Money()  # exact decimal text, as the app stores money in SQLite (never REAL)
        Table(table.name, out_meta, *cols)
    try:
        out_meta.create_all(out_engine)
        with engine.connect() as src, out_engine.begin() as dst:
            for table in source_meta.sorted_tables:
                out_table = out_meta.tables[table.name]
                result = src.execute(table.select()).mappings()
                while batch := result.fetchmany(5000):
                    dst.execute(out_table.insert(), [dict(r) for r in batch])
    finally:
        out_engine.dispose()


# --- Restore -------------------------------------------------------------------------------


def read_revision(path: Path) -> str | None:
    """The schema revision stored in an SQLite file, read without changing it; ``None`` when the
    file has none or cannot be read (no checks: for listing backups)."""
    try:
        params = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{params}", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def check_backup_file(path: Path) -> str:
    """Check, read-only, that ``path`` is a Curator Console database this version can open (the
    same checks as opening one: SQLite header, ``quick_check``, ours, not newer). Returns its
    schema revision; raises a DatabaseError naming the file otherwise."""
    if not path.exists():
        raise DatabaseError(f"{path} does not exist.")
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.")
    revision = _check_sqlite_file(path)
    _check_revision(revision, str(path))
    if revision is None:
        raise NotADatabaseError(f"{path} holds no Curator Console data (it is an empty database). Nothing was changed.")
    return revision


def _copy_sqlite(source: Path, dest: Path) -> None:
    """A consistent copy of ``source`` (read-only; its -wal file included) at ``dest``."""
    params = "mode=ro" if Path(f"{source}-wal").exists() else "mode=ro&immutable=1"
    src = sqlite3.connect(f"{source.resolve().as_uri()}?{params}", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            out.close()
    finally:
        src.close()


def _checkpoint_and_close(path: Path) -> None:
    """Fold the -wal file into ``path`` and remove it (refused while another program writes)."""
    conn = sqlite3.connect(path, timeout=5)
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise DatabaseError(f"{path} is in use by another program; close it there and try again. Nothing was changed.")
        conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot prepare {path} for the restore ({exc}). Nothing was changed.") from None
    finally:
        conn.close()


def replace_sqlite_database(database: Database, source: Path, *, backups_dir: Path) -> None:
    """Replace the SQLite file of ``database`` with a copy of ``source`` (already checked with
    ``check_backup_file``) and reopen ``database`` in place: its engine and session factory then
    work on the restored file (upgraded first when it is older, with the usual backup).

    The copy is written beside the database and checked before it replaces the file in one rename;
    until then the database is unchanged.
    """
    path = sqlite_path(database.url)
    if path is None:
        raise DatabaseError("Only a database file can be replaced from a backup.")
    staging = path.with_name(f".{path.name}.restoring")
    for leftover in (staging, Path(f"{staging}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        _copy_sqlite(source, staging)
        revision = _check_sqlite_file(staging)
        _check_revision(revision, str(source))
    except sqlite3.Error as exc:
        staging.unlink(missing_ok=True)
        raise DatabaseError(f"Cannot copy {source}: {exc}. Nothing was changed.") from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    database.engine.dispose()
    try:
        if path.exists():
            _checkpoint_and_close(path)
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        os.replace(staging, path)
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise DatabaseError(f"Cannot replace {path}: {exc.strerror or exc}. The database was left as it was.") from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    reopened = open_database(database.url, backups_dir=backups_dir)
    database.engine = reopened.engine
    database.session_factory = reopened.session_factory
    database.revision = reopened.revision
    database.backup_path = reopened.backup_path


# --- Open ----------------------------------------------------------------------------------


def open_database(url: URL, *, backups_dir: Path, upgrade: bool = True) -> Database:
    """Check, back up if needed, upgrade and open the database at ``url``.

    With ``upgrade=False`` an older database is opened as it is (for ``db info`` and ``db backup``);
    ``Database.needs_upgrade`` tells, and nothing but reading and copying may be done with it.
    """
    path = sqlite_path(url)
    where = str(path) if path is not None else display_url(url)
    if path is not None and path.exists():
        if path.is_dir():
            raise NotADatabaseError(f"{path} is a folder, not a database file.")
        revision = _check_sqlite_file(path)
        _check_revision(revision, where)
        engine = make_engine(url)
    else:
        engine = make_engine(url)
        try:
            revision = _server_revision(engine, url) if path is None and url.database != ":memory:" else None
            if path is None:
                _check_revision(revision, where)
        except DatabaseError:
            engine.dispose()  # a refused server database keeps no pooled connection open
            raise

    backup_path = None
    if revision != HEAD_REVISION and upgrade:
        if revision is not None:
            backup_path = backup_database(url, engine, backups_dir, reason=f"before-upgrade-from-{revision}")
            log.info("backed up %s to %s before upgrading from %s", where, backup_path, revision)
        from curator_console.persistence import migrate

        if path is not None:
            migration_engine = _migration_engine(url)
            try:
                migrate.upgrade(migration_engine)
            finally:
                migration_engine.dispose()
        else:
            migrate.upgrade(engine)
        revision = HEAD_REVISION
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(engine=engine, url=url, session_factory=factory, revision=revision, backup_path=backup_path)


def table_counts(db: Database) -> dict[str, int]:
    from curator_console.persistence.models import Base

    counts: dict[str, int] = {}
    with db.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        for name in sorted(set(Base.metadata.tables) & present):
            counts[name] = conn.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
    return counts
