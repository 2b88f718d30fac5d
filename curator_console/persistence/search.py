"""The collection's full-text index, one implementation per backend behind one small API.

SQLite: an FTS5 table ``item_search(num, title, people, tags, body)`` whose rowid is the object's
id. PostgreSQL: a table ``item_search`` with the same columns and a GIN index on the 'simple'
tsvector of each. Both hold the *normalised* text of ``domain.search`` (CJK one character per
token), so the same query rules hold everywhere.

Ranking is by tiers, best first: the object number itself, then matches in the object number or
titles, then in maker or tags, then anywhere. Each tier is an unranked, LIMITed index query in id
order, so the first screenful of even a query matching a quarter of two million objects costs a
few milliseconds (full bm25 ranking of such a query costs seconds).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from curator_console.domain.search import (
    COLUMNS,
    Term,
    document,
    fts5_expression,
    parse_query,
    terms_match,
    tsquery_expression,
)
from curator_console.persistence import models as m

TABLE = "item_search"
# Tiers as column groups; tier 0 is the exact object number (a B-tree lookup, not the index).
TIER_COLUMNS: tuple[tuple[str, ...], ...] = (("num", "title"), ("people", "tags"), COLUMNS)


def pg_vector(columns: tuple[str, ...]) -> str:
    """The tsvector expression of a tier's columns; the GIN indexes are built on exactly these."""
    return "to_tsvector('simple'::regconfig, " + " || ' ' || ".join(columns) + ")"


PREFIX_CANDIDATES = 500  # how many prefix matches are put into tiers for the first screen


@dataclass(frozen=True)
class Hit:
    item_id: int
    tier: int


def item_fields(item: m.CollectionItem) -> dict:
    fields = {c: getattr(item, c) for c in (
        "object_number", "title", "alt_title", "maker", "description", "alt_description", "culture", "period",
        "date_text", "medium", "classification", "credit_line", "provenance")}
    fields["tags"] = [t.tag for t in item.tags]
    return fields


class SearchIndex:
    def __init__(self, session: Session) -> None:
        self.s = session
        self.dialect = session.get_bind().dialect.name

    # --- maintenance ------------------------------------------------------------------------
    def index(self, docs: Iterable[tuple[int, dict]], new: bool = False) -> int:
        """(Re)index objects from ``(item id, fields)`` pairs; returns how many. ``new=True`` when
        the objects were just inserted (nothing to remove first)."""
        rows = [{"id": item_id, **document(fields).as_dict()} for item_id, fields in docs]
        if not rows:
            return 0
        if not new:
            self.remove([r["id"] for r in rows])
        if self.dialect == "sqlite":
            sql = f"INSERT INTO {TABLE}(rowid, num, title, people, tags, body) VALUES (:id, :num, :title, :people, :tags, :body)"
        else:
            sql = f"INSERT INTO {TABLE}(item_id, num, title, people, tags, body) VALUES (:id, :num, :title, :people, :tags, :body)"
        self.s.execute(text(sql), rows)
        return len(rows)

    def index_items(self, items: Iterable[m.CollectionItem]) -> int:
        return self.index((i.id, item_fields(i)) for i in items)

    def remove(self, item_ids: Sequence[int]) -> None:
        if not item_ids:
            return
        key = "rowid" if self.dialect == "sqlite" else "item_id"
        for start in range(0, len(item_ids), 500):
            chunk = list(item_ids[start:start + 500])
            self.s.execute(text(f"DELETE FROM {TABLE} WHERE {key} IN :ids").bindparams(bindparam("ids", expanding=True)),
                           {"ids": chunk})

    def rebuild(self, batch: int = 2000) -> int:
        """Index every object again (after a migration or a restore)."""
        self.s.execute(text(f"DELETE FROM {TABLE}"))
        n = 0
        last = 0
        while True:
            items = self.s.scalars(
                select(m.CollectionItem).where(m.CollectionItem.id > last).order_by(m.CollectionItem.id).limit(batch)
            ).all()
            if not items:
                return n
            n += self.index_items(items)
            last = items[-1].id
            self.s.expunge_all()

    # --- queries ----------------------------------------------------------------------------
    def _match_sql(self, columns: tuple[str, ...], terms: list[Term]) -> tuple[str, dict]:
        if self.dialect == "sqlite":
            expr = fts5_expression(terms)
            if columns != COLUMNS:
                expr = "{" + " ".join(columns) + "} : (" + expr + ")"
            return f"SELECT rowid AS id FROM {TABLE} WHERE {TABLE} MATCH :q", {"q": expr}
        return (f"SELECT item_id AS id FROM {TABLE} WHERE {pg_vector(columns)} @@ to_tsquery('simple', :q)",
                {"q": tsquery_expression(terms)})

    def ranked(self, query: str, limit: int, exclude: set[int] | None = None, within: str | None = None,
               within_params: dict | None = None) -> list[Hit]:
        """Up to ``limit`` hits, best first; ``within`` is an optional SQL condition on the
        ``collection_item`` table (filters), given as text with bound ``within_params``.

        1. An object whose number is exactly the query answers alone (a B-tree lookup).
        2. Whole words, tier by tier (numbers/titles, maker/tags, anywhere): FTS5 streams a whole
           word's postings, so even a word in a quarter of two million objects costs little.
        3. Only if that leaves the screen short: prefixes ("porc" → porcelain). A prefix makes the
           index gather every matching posting first, so this is ONE bounded query over all columns
           whose first candidates are put into tiers here (the full, exact tiered list is what
           ``collection_objects.result_id_array`` reads in the background)."""
        terms = parse_query(query)
        if not terms:
            return []
        seen: set[int] = set(exclude or ())
        hits: list[Hit] = []
        number = query.strip()
        q = select(m.CollectionItem.id).where(m.CollectionItem.object_number == number)
        if within:
            q = q.where(text(within).bindparams(**(within_params or {})))
        for item_id in self.s.scalars(q):
            if item_id not in seen:
                hits.append(Hit(item_id, 0))
                seen.add(item_id)
        if hits:
            return hits[:limit]
        whole = [Term(t.tokens, prefix=False) for t in terms]
        for tier, columns in enumerate(TIER_COLUMNS, start=1):
            if len(hits) >= limit:
                break
            sql, params = self._match_sql(columns, whole)
            sql, params = self._limited(sql, params, within, within_params, limit - len(hits) + len(seen))
            for (item_id,) in self.s.execute(text(sql), params):
                if item_id not in seen:
                    hits.append(Hit(item_id, tier))
                    seen.add(item_id)
                    if len(hits) >= limit:
                        break
        if len(hits) < limit and any(t.prefix for t in terms):
            hits.extend(self._prefix_candidates(terms, limit - len(hits), seen, within, within_params))
        return hits

    def _limited(self, sql: str, params: dict, within: str | None, within_params: dict | None,
                 limit: int, columns: str = "s.id") -> tuple[str, dict]:
        if within:
            sql = (f"SELECT {columns} FROM ({sql}) s JOIN collection_item ON collection_item.id = s.id "
                   f"WHERE {within} ORDER BY s.id LIMIT :lim")
            params.update(within_params or {})
        else:
            sql = f"SELECT {columns} FROM ({sql}) s ORDER BY s.id LIMIT :lim"
        params["lim"] = limit
        return sql, params

    def _prefix_candidates(self, terms: list[Term], want: int, seen: set[int], within: str | None,
                           within_params: dict | None) -> list[Hit]:
        bound = max(want * 10, PREFIX_CANDIDATES)
        if self.dialect == "sqlite":
            sql = f"SELECT rowid AS id, num, title, people, tags FROM {TABLE} WHERE {TABLE} MATCH :q"
            params: dict = {"q": fts5_expression(terms)}
        else:
            sql = (f"SELECT item_id AS id, num, title, people, tags FROM {TABLE} "
                   f"WHERE {pg_vector(COLUMNS)} @@ to_tsquery('simple', :q)")
            params = {"q": tsquery_expression(terms)}
        sql, params = self._limited(sql, params, within, within_params, bound,
                                    columns="s.id, s.num, s.title, s.people, s.tags")
        ranked: list[Hit] = []
        for item_id, num, title, people, tags in self.s.execute(text(sql), params):
            if item_id in seen:
                continue
            if terms_match(terms, f"{num} {title}"):
                tier = 1
            elif terms_match(terms, f"{people} {tags}"):
                tier = 2
            else:
                tier = 3
            ranked.append(Hit(item_id, tier))
        ranked.sort(key=lambda h: (h.tier, h.item_id))
        out = ranked[:want]
        seen.update(h.item_id for h in out)
        return out

    def match_subquery(self, query: str) -> tuple[str, dict]:
        """SQL selecting the ids of every object matching ``query`` anywhere (column ``id``)."""
        return self._match_sql(COLUMNS, parse_query(query))

    def all_ids(self, query: str, within: str | None = None, within_params: dict | None = None) -> list[int]:
        """Every matching id (anywhere), in id order: the full result set for scrolling and sorting."""
        terms = parse_query(query)
        if not terms:
            return []
        sql, params = self._match_sql(COLUMNS, terms)
        if within:
            sql = (f"SELECT s.id FROM ({sql}) s JOIN collection_item ON collection_item.id = s.id "
                   f"WHERE {within} ORDER BY s.id")
            params.update(within_params or {})
        else:
            sql = f"SELECT id FROM ({sql}) s ORDER BY id"
        return [r[0] for r in self.s.execute(text(sql), params)]

    def count(self, query: str) -> int:
        terms = parse_query(query)
        if not terms:
            return 0
        sql, params = self._match_sql(COLUMNS, terms)
        return self.s.execute(text(f"SELECT COUNT(*) FROM ({sql}) s"), params).scalar_one()


