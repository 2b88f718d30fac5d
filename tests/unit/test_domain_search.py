"""How object text is indexed and queries are read (pure rules, no database)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from curator_console.domain.search import (
    Term,
    document,
    fts5_expression,
    normalize,
    parse_query,
    terms_match,
    tsquery_expression,
)


def test_cjk_is_indexed_one_character_per_token_and_words_lowercased():
    assert normalize("明青花缠枝莲纹瓶 Blue-and-White VASE") == "明 青 花 缠 枝 莲 纹 瓶 blue and white vase"


def test_full_width_forms_are_folded():
    assert normalize("ＱＨＭ．１９８７") == "qhm 1987"


def test_query_cjk_runs_are_phrases_and_words_are_prefixes():
    assert parse_query("青花 vas") == [Term(("青", "花"), False), Term(("vas",), True)]
    assert parse_query("  ") == []
    assert parse_query("\"*^:()") == []  # query syntax characters are never passed through


def test_fts5_and_tsquery_expressions():
    terms = parse_query("青花 Vas")
    assert fts5_expression(terms) == '"青 花" AND "vas"*'
    assert tsquery_expression(terms) == "(青 <-> 花) & (vas:*)"


def test_document_puts_fields_in_their_tier_columns():
    doc = document({"object_number": "QHM.1987.034", "title": "明青花缠枝莲纹瓶", "alt_title": "Vase",
                    "maker": "景德镇", "tags": ["青花", "lotus"], "description": "A vase.", "period": "明 Ming"})
    assert doc.num == "qhm 1987 034"
    assert doc.title == "明 青 花 缠 枝 莲 纹 瓶 vase"
    assert doc.people == "景 德 镇"
    assert doc.tags == "青 花 lotus"
    assert "明 ming" in doc.body and "a vase" in doc.body


@given(st.text())
def test_normalised_text_has_only_single_spaces_and_no_query_syntax(text):
    out = normalize(text)
    assert "  " not in out and out == out.strip()
    assert not set(out) & set('"*:()^')
    expr = fts5_expression(parse_query(text))
    # Quotes appear only in balanced pairs around phrases.
    assert expr.count('"') % 2 == 0


def test_terms_match_mirrors_the_index_rules():
    text = normalize("明青花缠枝莲纹瓶 Vase with lotus scrolls")
    assert terms_match(parse_query("青花"), text)
    assert terms_match(parse_query("缠枝莲纹 scro"), text)  # phrase + prefix
    assert not terms_match(parse_query("花青"), text)  # order matters
    assert not terms_match(parse_query("vases"), text)  # a longer word is not a prefix of a shorter one
    assert not terms_match(parse_query("lotus dragon"), text)  # every term must match
