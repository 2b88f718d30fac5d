"""The collection's full-text search on SQLite (FTS5) and PostgreSQL (tsvector), through services."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from curator_console.domain.search import CollectionFilter
from curator_console.persistence import migrate
from curator_console.persistence import models as m
from curator_console.persistence.search import SearchIndex
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection

OBJECTS = [
    # object_number, title, alt_title, maker, period, classification, tags, description
    ("QHM.1987.034", "明青花缠枝莲纹瓶", "Vase with interlaced lotus scrolls", "景德镇御窑厂", "明 Ming", "Porcelain",
     ["青花", "lotus"], "青花瓷是元代成熟的釉下彩瓷器。"),
    ("QHM.1991.012", "清康熙青花山水人物纹笔筒", "Brush pot with figures in a landscape", "景德镇窑", "清 Qing",
     "Porcelain", ["blue-and-white"], "Kangxi period brush pot."),
    ("QHM.1988.005", "清蜀绣芙蓉鲤鱼纹帐檐", "Bed-curtain valance with hibiscus and carp", "", "清 Qing",
     "Embroidery", ["蜀绣", "carp"], "Shu embroidery from Chengdu, with a 青花 border pattern."),
    ("QHM.1989.003", "清缂丝八仙祝寿图轴", "The Eight Immortals, kesi hanging scroll", "", "清 Qing", "Silk",
     ["缂丝"], "Kesi tapestry weave."),
    ("QHM.2001.024", "Porcelain study sheet", "瓷器习作", "Porter Vasquez", "Modern", "Painting", ["porcelain"],
     "A sketch of porcelain vases."),
]


def add_objects(db, index: bool = True) -> dict[str, int]:
    with db.session_factory() as s:
        museum = m.Museum(code="T", name="Test museum")
        s.add(museum)
        s.flush()
        ids = {}
        for num, title, alt, maker, period, cls, tags, desc in OBJECTS:
            item = m.CollectionItem(museum_id=museum.id, object_number=num, title=title, alt_title=alt, maker=maker,
                                    period=period, classification=cls, description=desc)
            item.tags = [m.ItemTag(tag=t, position=i) for i, t in enumerate(tags)]
            s.add(item)
            s.flush()
            ids[num] = item.id
        s.add(m.ItemImage(item_id=ids["QHM.1989.003"], sha256="0" * 64, position=0))
        if index:
            SearchIndex(s).index_items(s.query(m.CollectionItem).all())
        s.commit()
    return ids


@pytest.fixture
def db(any_db_url, open_db):
    database = open_db(any_db_url)
    add_objects(database)
    return database


def uow(db) -> UnitOfWork:
    return UnitOfWork(db.session_factory)


def numbers(rows) -> list[str]:
    return [r.object_number for r in rows]


@pytest.mark.parametrize("query, expected", [
    ("青", {"QHM.1987.034", "QHM.1991.012", "QHM.1988.005"}),  # one character, inside titles and text
    ("青花", {"QHM.1987.034", "QHM.1991.012", "QHM.1988.005"}),  # two characters
    ("缠枝莲纹", {"QHM.1987.034"}),  # four characters inside an unsegmented title
    ("蜀绣", {"QHM.1988.005"}),  # a tag
    ("花青", set()),  # characters in the wrong order are not the word
    ("porc", {"QHM.1987.034", "QHM.1991.012", "QHM.2001.024"}),  # English prefix (classification, title)
    ("carp hibisc", {"QHM.1988.005"}),  # every term must match, each as a prefix
    ("kesi", {"QHM.1989.003"}),
    ("qhm.1991", {"QHM.1991.012"}),  # object numbers by prefix
    ("zzzz", set()),
])
def test_search_finds_chinese_inside_words_and_english_prefixes(db, query, expected):
    assert set(numbers(collection.search(uow(db), query, limit=50))) == expected


def test_ranking_puts_object_number_then_titles_then_maker_tags_then_text(db):
    # "porc": title match (QHM.2001.024) and maker match (none) and body matches (the others).
    ranked = numbers(collection.search(uow(db), "porc", limit=10))
    assert ranked[0] == "QHM.2001.024"
    # Exact object number first, whatever else matches.
    assert numbers(collection.search(uow(db), "QHM.1988.005", limit=10))[0] == "QHM.1988.005"
    # 青花: two title matches before the match only in tags/description.
    hits = numbers(collection.search(uow(db), "青花", limit=10))
    assert set(hits[:2]) == {"QHM.1987.034", "QHM.1991.012"} and hits[2] == "QHM.1988.005"


def test_limit_and_filters(db):
    assert len(collection.search(uow(db), "青", limit=2)) == 2
    only_qing = collection.search(uow(db), "青", flt=CollectionFilter(period="清 Qing"))
    assert set(numbers(only_qing)) == {"QHM.1991.012", "QHM.1988.005"}
    with_image = collection.result_ids(uow(db), "", CollectionFilter(has_image=True))
    assert len(with_image) == 1
    tagged = collection.result_ids(uow(db), "", CollectionFilter(tag="carp"))
    assert numbers(collection.rows_by_ids(uow(db), tagged)) == ["QHM.1988.005"]


def test_result_ids_order_for_browsing_and_sorted_search(db):
    ids = collection.result_ids(uow(db), "", sort="object_number")
    assert numbers(collection.rows_by_ids(uow(db), ids)) == sorted(o[0] for o in OBJECTS)
    desc = collection.result_ids(uow(db), "", sort="object_number", descending=True)
    assert desc == ids[::-1]
    by_title = collection.result_ids(uow(db), "青", sort="title")
    titles = [r.title for r in collection.rows_by_ids(uow(db), by_title)]
    assert titles == sorted(titles) and len(titles) == 3
    ranked = collection.result_ids(uow(db), "青花")
    assert numbers(collection.rows_by_ids(uow(db), ranked)) == numbers(collection.search(uow(db), "青花", limit=50))


def test_editing_a_title_updates_the_index(db):
    target = collection.search(uow(db), "QHM.1989.003")[0]
    collection.update_item_field(uow(db), target.id, "title", "清缂丝青花纹样")
    assert "QHM.1989.003" in numbers(collection.search(uow(db), "青花"))
    assert "QHM.1989.003" not in numbers(collection.search(uow(db), "八仙"))


def test_facets_list_values_most_used_first(db):
    f = collection.facets(uow(db))
    assert f["period"][0] == "清 Qing"
    assert set(f["classification"]) == {"Porcelain", "Embroidery", "Silk", "Painting"}
    assert "蜀绣" in f["tag"]


def test_upgrading_from_0001_indexes_existing_objects(any_db_url, open_db):
    db = open_db(any_db_url)
    migrate.downgrade(db.engine, "0001_initial")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001_initial"
    add_objects(db, index=False)  # at 0001 there is no index to write to
    db.dispose()
    reopened = open_db(any_db_url)
    assert reopened.backup_path is not None  # an older database is backed up before upgrading
    assert set(numbers(collection.search(UnitOfWork(reopened.session_factory), "青花"))) == {
        "QHM.1987.034", "QHM.1991.012", "QHM.1988.005"}



def test_whole_words_rank_before_prefix_only_matches(db):
    # "vase" is a whole word in QHM.1987.034's English title; "vases" only in QHM.2001.024's text.
    hits = numbers(collection.search(uow(db), "vase", limit=10))
    assert hits[0] == "QHM.1987.034" and "QHM.2001.024" in hits
    assert hits.index("QHM.1987.034") < hits.index("QHM.2001.024")


def test_prefix_matches_are_put_into_tiers_and_respect_filters(db):
    # "immort" is only a prefix (Immortals): the title match comes through the bounded prefix step.
    assert numbers(collection.search(uow(db), "immort")) == ["QHM.1989.003"]
    assert numbers(collection.search(uow(db), "porc", flt=CollectionFilter(classification="Painting"))) == [
        "QHM.2001.024"]
