"""Alembic, driven from code: upgrade a database to this build's head and inspect revisions.

Alembic is imported here only, so that a normal start (database already at head) never pays for it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """What Alembic compares with the models: everything but the search index (an FTS5 table and
    its shadow tables on SQLite, a plain table with GIN indexes on PostgreSQL), which no model maps."""
    return not (name and str(name).startswith(("item_search", "ix_item_search")))


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads; merge them: {heads}")
    return heads[0]


def script_revisions() -> list[str]:
    """All revisions, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), target)
