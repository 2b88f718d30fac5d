"""Facts for Help → About and support emails that the UI cannot see itself: which database
engine the open database runs on, and its version."""

from __future__ import annotations

from sqlalchemy import text

from curator_console.persistence.db import Database

BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def database_backend(database: Database) -> tuple[str, str]:
    """``(engine name, version)``: for SQLite the version of the SQLite library the app runs
    (``3.45.1``), for PostgreSQL the server's version (``16.2``). The version is read from what
    the driver learnt when it connected; only when it knows nothing is the server asked (and an
    empty version is given back if that fails)."""
    backend = database.backend
    name = BACKEND_NAMES.get(backend, backend)
    dialect = database.engine.dialect
    if backend == "sqlite":
        dbapi = getattr(dialect, "dbapi", None) or getattr(dialect, "loaded_dbapi", None)
        version = getattr(dbapi, "sqlite_version", "")
        if version:
            return name, str(version)
    info = getattr(dialect, "server_version_info", None)
    if info:
        return name, ".".join(str(part) for part in info)
    query = "SELECT sqlite_version()" if backend == "sqlite" else "SHOW server_version"
    try:
        with database.engine.connect() as conn:
            return name, str(conn.execute(text(query)).scalar_one())
    except Exception:  # noqa: BLE001 - an About box never fails over a version number
        return name, ""
