"""collection search index

Revision ID: 0002_search_index
Revises: 0001_initial
Create Date: 2026-11-26

Also an index on collection_item.object_number alone (looked up and sorted by).

SQLite: an FTS5 table ``item_search`` (rowid = collection_item.id). PostgreSQL: a table with the
same columns and GIN indexes on the 'simple' tsvector of each ranking tier's columns. Both hold
text normalised by ``domain.search`` (CJK one character per token). Existing objects are indexed.
"""
from alembic import op
import sqlalchemy as sa

revision = "0002_search_index"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TIERS = (("num", "title"), ("people", "tags"), ("num", "title", "people", "tags", "body"))


def upgrade() -> None:
    bind = op.get_bind()
    # Object numbers are looked up and sorted on their own (the unique constraint leads with museum_id).
    op.create_index("ix_collection_item_object_number", "collection_item", ["object_number"])
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE item_search USING fts5("
            "num, title, people, tags, body, tokenize='unicode61 remove_diacritics 2')"
        )
    else:
        op.create_table(
            "item_search",
            sa.Column("item_id", sa.Integer(), sa.ForeignKey("collection_item.id", ondelete="CASCADE",
                                                             name="fk_item_search_item_id_collection_item"),
                      primary_key=True),
            *(sa.Column(c, sa.Text(), nullable=False, server_default="") for c in ("num", "title", "people", "tags", "body")),
        )
        for n, cols in enumerate(TIERS, start=1):
            expr = "to_tsvector('simple'::regconfig, " + " || ' ' || ".join(cols) + ")"
            op.execute(f"CREATE INDEX ix_item_search_tier{n} ON item_search USING gin ({expr})")
    from sqlalchemy.orm import Session

    from curator_console.persistence.search import SearchIndex

    SearchIndex(Session(bind=bind)).rebuild()


def downgrade() -> None:
    op.execute("DROP TABLE item_search")
    op.drop_index("ix_collection_item_object_number", table_name="collection_item")
