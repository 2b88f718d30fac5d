"""Object use cases (read whole, edit fields, tags and images, create, delete and restore, the id
lists behind the lazy table) on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from curator_console.domain.search import CollectionFilter
from curator_console.persistence import models as m
from curator_console.persistence.media import MediaStore
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection as collection_svc
from curator_console.services import collection_objects as svc
from tests.images import png_bytes

from .conftest import populate


@pytest.fixture
def uow(db):
    populate(db, items=12)
    u = UnitOfWork(db.session_factory)
    collection_svc.rebuild_search_index(u)
    return lambda: UnitOfWork(db.session_factory)


def item_id(uow, number: str) -> int:
    with uow() as u:
        return u.session.scalar(select(m.CollectionItem.id).where(m.CollectionItem.object_number == number))


def search_numbers(uow, query: str) -> list[str]:
    return [r.object_number for r in collection_svc.search(uow(), query, limit=100)]


@pytest.fixture
def media(tmp_path) -> MediaStore:
    return MediaStore(tmp_path / "media")


@pytest.fixture
def images(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "incoming"
    folder.mkdir()
    files = {
        "red": folder / "red.png", "blue": folder / "blue.png", "green": folder / "green.png",
        "text": folder / "notes.png", "missing": folder / "gone.png",
    }
    files["red"].write_bytes(png_bytes(rgb=(200, 0, 0)))
    files["blue"].write_bytes(png_bytes(rgb=(0, 0, 200)))
    files["green"].write_bytes(png_bytes(4, 4, (0, 200, 0)))
    files["text"].write_text("not an image", encoding="utf-8")
    return files


# --- reading -------------------------------------------------------------------------------------


def test_object_detail_has_every_field_tags_images_products_and_tours(uow):
    first = svc.get_object(uow(), item_id(uow, "GU-00000"))
    assert first.object_number == "GU-00000" and first.title == "青花瓷瓶 0"
    assert first.alt_title == "Blue-and-white vase 0" and first.period == "明 Ming" and first.begin_year == 1403
    assert first.tags == ("porcelain", "t0")
    assert [i.sha256 for i in first.images] == ["ab" * 32] and first.images[0].width == 640
    assert [(p.sku, p.title) for p in first.products] == [("SKU-1", "Vase replica")]
    assert [(t.title, t.segments) for t in first.tours] == [("Ming porcelain", ("Segment 0",))]
    lonely = svc.get_object(uow(), item_id(uow, "GU-00009"))
    assert lonely.products == () and lonely.tours == ()
    assert svc.get_object(uow(), 10**9) is None


def test_listed_rows_carry_the_primary_image(uow, media, images):
    ids = [item_id(uow, "GU-00001"), item_id(uow, "GU-00002")]
    rows = svc.listed_rows(uow(), ids)
    assert [r.object_number for r in rows] == ["GU-00001", "GU-00002"]
    assert all(r.primary_image == "ab" * 32 and r.image_count == 1 for r in rows)
    svc.set_images(uow(), ids[0], [])
    (row,) = svc.listed_rows(uow(), ids[:1])
    assert row.primary_image == "" and row.image_count == 0


# --- id lists for the lazy table --------------------------------------------------------------------


@pytest.mark.parametrize("kwargs", [
    {},
    {"sort": "title", "descending": True},
    {"flt": CollectionFilter(tag="t1")},
    {"query": "porcelain"},
    {"query": "青花"},
    {"query": "vase", "sort": "object_number", "descending": True},
    {"query": "GU-00003"},
    {"query": "porc"},  # a prefix only: whole words find nothing, prefixes fill the screen
    {"query": "vas blu"},
    {"query": "blue", "flt": CollectionFilter(tag="t2")},
])
def test_id_arrays_are_compact_and_the_first_screen_is_their_prefix(uow, kwargs):
    got = svc.result_id_array(uow(), **kwargs)
    assert got.typecode == "q" and len(set(got)) == len(got)
    assert list(svc.result_id_array(uow(), **kwargs, limit=3)) == list(got)[:3]
    assert collection_svc.result_ids(uow(), kwargs.get("query", ""), kwargs.get("flt"), kwargs.get("sort"),
                                     kwargs.get("descending", False)) == list(got)


def test_ranked_ids_put_the_object_number_first(uow):
    ids = svc.result_id_array(uow(), "GU-00007")
    assert ids[0] == item_id(uow, "GU-00007")


def test_unknown_sort_is_refused(uow):
    with pytest.raises(svc.ValidationError):
        svc.result_id_array(uow(), sort="secret")


# --- fields ------------------------------------------------------------------------------------------


def test_every_field_is_saved_and_reindexed(uow):
    oid = item_id(uow, "GU-00004")
    values = {
        "object_number": "GU-X4", "title": "Moonflask", "alt_title": "抱月瓶", "maker": "Imperial kilns",
        "culture": "Chinese", "period": "清 Qing", "date_text": "Yongzheng", "begin_year": "1723",
        "end_year": " 1735 ", "medium": "Porcelain", "dimensions": "H. 30 cm", "classification": "Ceramics",
        "credit_line": "Gift", "provenance": "Old collection", "description": "A flask.",
        "alt_description": "一件抱月瓶。", "rights": "CC0",
    }
    for name, value in values.items():
        old, new = svc.update_field(uow(), oid, name, value)
        assert new == (int(value) if name.endswith("_year") else value.strip())
    detail = svc.get_object(uow(), oid)
    for name, value in values.items():
        assert detail.value(name) == (int(value) if name.endswith("_year") else value.strip())
    assert search_numbers(uow, "抱月") == ["GU-X4"]
    assert search_numbers(uow, "moonfl") == ["GU-X4"]
    assert search_numbers(uow, "GU-X4") == ["GU-X4"]


def test_years_may_be_cleared_and_negative(uow):
    oid = item_id(uow, "GU-00001")
    assert svc.update_field(uow(), oid, "begin_year", "-1200") == (1404, -1200)
    assert svc.update_field(uow(), oid, "begin_year", "") == (-1200, None)
    assert svc.get_object(uow(), oid).begin_year is None


@pytest.mark.parametrize(("name", "value", "code"), [
    ("object_number", "  ", "required"),
    ("object_number", "GU-00002", "duplicate"),
    ("begin_year", "about 1400", "not_integer"),
    ("end_year", "1.5", "not_integer"),
    ("end_year", "123456", "out_of_range"),
    ("object_number", "x" * 101, "too_long"),
    ("version", "9", "not_editable"),
])
def test_refused_values_name_the_field_and_save_nothing(uow, name, value, code):
    oid = item_id(uow, "GU-00003")
    before = svc.get_object(uow(), oid)
    with pytest.raises(svc.FieldError) as err:
        svc.update_field(uow(), oid, name, value)
    assert err.value.field == name and err.value.code == code
    assert svc.get_object(uow(), oid) == before


def test_a_field_changed_meanwhile_is_not_overwritten(uow):
    oid = item_id(uow, "GU-00005")
    seen = svc.get_object(uow(), oid).title
    svc.update_field(uow(), oid, "title", "Changed by a colleague")
    with pytest.raises(svc.ConcurrentEditError):
        svc.update_field(uow(), oid, "title", "My title", expected=seen)
    assert svc.get_object(uow(), oid).title == "Changed by a colleague"
    # Setting what is already there is no conflict.
    assert svc.update_field(uow(), oid, "title", "Changed by a colleague", expected=seen)[1] == "Changed by a colleague"


def test_editing_a_deleted_object_says_so(uow):
    oid = item_id(uow, "GU-00006")
    svc.delete_objects(uow(), [oid])
    with pytest.raises(svc.ObjectMissingError):
        svc.update_field(uow(), oid, "title", "x")


# --- tags ------------------------------------------------------------------------------------------------


def test_tags_added_removed_and_searchable(uow):
    oid = item_id(uow, "GU-00008")
    assert svc.add_tag(uow(), oid, " 缠枝莲 ") == (("porcelain", "t2"), ("porcelain", "t2", "缠枝莲"))
    assert search_numbers(uow, "缠枝") == ["GU-00008"]
    old, new = svc.remove_tag(uow(), oid, "porcelain")
    assert new == ("t2", "缠枝莲")
    assert svc.set_tags(uow(), oid, ["a", "a", " ", "b"])[1] == ("a", "b")
    assert svc.get_object(uow(), oid).tags == ("a", "b")
    assert search_numbers(uow, "缠枝") == []
    with pytest.raises(svc.FieldError):
        svc.add_tag(uow(), oid, "x" * 201)
    with pytest.raises(svc.ConcurrentEditError):
        svc.set_tags(uow(), oid, ["c"], expected=("porcelain",))


# --- images ----------------------------------------------------------------------------------------------


def test_images_added_removed_and_reordered(uow, media, images):
    oid = item_id(uow, "GU-00010")
    old, new, problems = svc.add_images(uow(), media, oid, [images["red"], images["text"], images["blue"],
                                                             images["missing"], images["red"]])
    assert len(old) == 1 and len(new) == 3
    assert [(p.name, p.code) for p in problems] == [("notes.png", "not_image"), ("gone.png", "missing")]
    assert [i.original_name for i in new[1:]] == ["red.png", "blue.png"]
    stored = media.path_for(new[1].sha256)
    assert stored is not None and stored.read_bytes() == images["red"].read_bytes()
    assert new[1].width == 3 and new[1].height == 2 and new[1].mime_type == "image/png"

    _, moved = svc.move_image(uow(), oid, 2, 0)
    assert [i.original_name for i in moved] == ["blue.png", "", "red.png"]
    assert svc.listed_rows(uow(), [oid])[0].primary_image == moved[0].sha256
    _, removed = svc.remove_image(uow(), oid, 1)
    assert [i.original_name for i in removed] == ["blue.png", "red.png"]
    # Undo: the earlier list comes back (same images, by content).
    back_old, back = svc.set_images(uow(), oid, new, expected=removed)
    assert [i.key for i in back] == [i.key for i in new]
    with pytest.raises(svc.ConcurrentEditError):
        svc.set_images(uow(), oid, [], expected=removed)
    with pytest.raises(svc.ValidationError):
        svc.remove_image(uow(), oid, 7)


# --- create, delete, restore -------------------------------------------------------------------------------


def test_new_objects_get_free_numbers(uow):
    a = svc.create_object(uow())
    b = svc.create_object(uow(), title="Untitled find")
    assert (a.object_number, b.object_number) == ("NEW-0001", "NEW-0002")
    assert svc.get_object(uow(), b.id).title == "Untitled find"
    assert search_numbers(uow, "untitled") == ["NEW-0002"]
    with pytest.raises(svc.FieldError):
        svc.create_object(uow(), object_number="GU-00001")


def test_delete_and_restore_bring_back_links_and_search(uow, db):
    ids = [item_id(uow, "GU-00000"), item_id(uow, "GU-00001")]
    summary = svc.delete_summary(uow(), ids)
    assert (summary.objects, summary.tours, summary.products) == (2, 1, 1)
    before = [svc.get_object(uow(), i) for i in ids]
    snapshots = svc.delete_objects(uow(), ids)
    assert all(svc.get_object(uow(), i) is None for i in ids)
    assert "GU-00000" not in search_numbers(uow, "青花")
    with uow() as u:
        assert u.session.scalar(select(func.count()).select_from(m.ProductItem)
                                .where(m.ProductItem.item_id.in_(ids))) == 0
    assert svc.restore_objects(uow(), snapshots) == ids
    after = [svc.get_object(uow(), i) for i in ids]
    strip = lambda d: (d.object_number, d.title, d.tags, [i.key for i in d.images], d.products, d.tours)  # noqa: E731
    assert [strip(d) for d in after] == [strip(d) for d in before]
    assert "GU-00000" in search_numbers(uow, "青花")
    with pytest.raises(svc.ValidationError):
        svc.restore_objects(uow(), snapshots)  # they exist again
