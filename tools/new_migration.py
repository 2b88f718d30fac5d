"""Generate a new Alembic migration from the difference between the models and the schema.

    python tools/new_migration.py "add product barcode" 0002_product_barcode

Builds a scratch SQLite database at the current head, autogenerates the revision into
curator_console/persistence/migrations/versions/, and reminds you to bump schema_version.py.
Read the generated file before committing: autogenerate misses renames and data moves.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    message, rev_id = sys.argv[1], sys.argv[2]
    from alembic import command
    from sqlalchemy import create_engine

    from curator_console.persistence import migrate

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.sqlite3'}")
        migrate.upgrade(engine)
        with engine.begin() as conn:
            command.revision(migrate.alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
    print(f"Now set HEAD_REVISION = {rev_id!r} and append it to KNOWN_REVISIONS in "
          "curator_console/persistence/schema_version.py.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
