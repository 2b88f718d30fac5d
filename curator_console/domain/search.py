"""Search text rules shared by every backend: how object text is indexed and how a query is read.

Chinese (and Japanese/Korean) text has no spaces between words, so it is indexed one character
per token: "明青花缠枝莲纹瓶" → "明 青 花 缠 枝 莲 纹 瓶". A query's CJK run becomes a phrase of
consecutive characters, so "青花" finds 明青花缠枝莲纹瓶, and so do one- and four-character queries.
Other text is lower-cased words; each query word matches as a prefix ("porc" finds "Porcelain").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CJK_CHAR = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af\U00020000-\U0002fa1f"
_TOKEN = re.compile(rf"[{_CJK_CHAR}]+|[^\W_]+", re.UNICODE)
_IS_CJK = re.compile(rf"[{_CJK_CHAR}]")

# The index's columns, best tier first. ``num`` object number, ``title`` titles, ``people`` maker,
# ``tags`` tags, ``body`` everything else a person may search (description, culture, period …).
COLUMNS = ("num", "title", "people", "tags", "body")


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").lower()
    out: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if _IS_CJK.match(token):
            out.extend(token)  # one token per character
        else:
            out.append(token)
    return out


def normalize(text: str) -> str:
    """Indexable text: tokens separated by single spaces (CJK split into characters)."""
    return " ".join(_tokens(text))


@dataclass(frozen=True)
class SearchDocument:
    num: str
    title: str
    people: str
    tags: str
    body: str

    def as_dict(self) -> dict[str, str]:
        return {c: getattr(self, c) for c in COLUMNS}


def document(fields: dict) -> SearchDocument:
    """The index document of an object from its fields (missing ones count as empty)."""

    def joined(*names: str) -> str:
        return normalize(" ".join(str(fields.get(n) or "") for n in names))

    tags = fields.get("tags") or []
    return SearchDocument(
        num=joined("object_number"),
        title=joined("title", "alt_title"),
        people=joined("maker"),
        tags=normalize(" ".join(tags) if isinstance(tags, (list, tuple)) else str(tags)),
        body=joined("description", "alt_description", "culture", "period", "date_text", "medium",
                    "classification", "credit_line", "provenance"),
    )


@dataclass(frozen=True)
class Term:
    """One thing the query asks for: a phrase of tokens, the last one matched as a prefix when
    ``prefix`` (words are prefixes; a CJK run is an exact phrase of characters)."""

    tokens: tuple[str, ...]
    prefix: bool


def parse_query(query: str) -> list[Term]:
    """Every term must match (AND). Word terms are prefixes; CJK runs are phrases."""
    text = unicodedata.normalize("NFKC", query or "").lower()
    terms: list[Term] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if _IS_CJK.match(token):
            terms.append(Term(tuple(token), prefix=False))
        else:
            terms.append(Term((token,), prefix=True))
    return terms


def terms_match(terms: list[Term], normalised: str) -> bool:
    """Whether every term occurs in ``normalised`` text as the index would match it: a phrase of
    consecutive tokens, the last one as a prefix for word terms."""
    tokens = normalised.split()
    for t in terms:
        n = len(t.tokens)
        head, last = list(t.tokens[:-1]), t.tokens[-1]
        if not any(
            tokens[i:i + n - 1] == head
            and (tokens[i + n - 1].startswith(last) if t.prefix else tokens[i + n - 1] == last)
            for i in range(len(tokens) - n + 1)
        ):
            return False
    return True


def fts5_expression(terms: list[Term]) -> str:
    """The terms as an SQLite FTS5 query (tokens are letters/digits only, so quoting is safe)."""
    parts = []
    for t in terms:
        phrase = '"' + " ".join(t.tokens) + '"'
        parts.append(phrase + ("*" if t.prefix else ""))
    return " AND ".join(parts)


def tsquery_expression(terms: list[Term]) -> str:
    """The terms as a PostgreSQL tsquery for the 'simple' configuration."""
    parts = []
    for t in terms:
        tokens = [tok.replace("'", "") for tok in t.tokens]
        if t.prefix:
            tokens[-1] = tokens[-1] + ":*"
        parts.append("(" + " <-> ".join(tokens) + ")")
    return " & ".join(parts)


@dataclass(frozen=True)
class CollectionFilter:
    """Narrowing the collection: each set field must hold (empty = no filter)."""

    period: str = ""  # culture / dynasty / period, exact
    classification: str = ""
    tag: str = ""
    has_image: bool | None = None

    @property
    def empty(self) -> bool:
        return not (self.period or self.classification or self.tag or self.has_image is not None)


SORT_KEYS = ("object_number", "title", "alt_title", "maker", "period", "classification", "medium")
