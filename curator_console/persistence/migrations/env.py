"""Alembic environment: runs against the connection handed in by ``persistence.migrate``
(``config.attributes["connection"]``), or against ``sqlalchemy.url`` when run from the alembic CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from curator_console.persistence.migrate import include_object
from curator_console.persistence.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run against a database.")
run_migrations_online()
