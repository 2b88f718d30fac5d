"""Product use cases (list with links and sync time, read whole, edit fields with expected values,
picture, links from either side, create, delete and restore) on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from curator_console.persistence import models as m
from curator_console.persistence.media import MediaStore
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection_objects as objsvc
from curator_console.services import store as svc
from tests.images import png_bytes

from .conftest import populate, row_counts


@pytest.fixture
def uow(db):
    populate(db, items=6)
    return lambda: UnitOfWork(db.session_factory)


def pid(uow, sku: str = "SKU-1") -> int:
    with uow() as u:
        return u.session.scalar(select(m.Product.id).where(m.Product.sku == sku))


def item_ids(uow, *numbers: str) -> list[int]:
    with uow() as u:
        found = dict(u.session.execute(select(m.CollectionItem.object_number, m.CollectionItem.id)
                                       .where(m.CollectionItem.object_number.in_(numbers))).all())
    return [found[n] for n in numbers]


# --- reading -------------------------------------------------------------------------------------


def test_list_products_with_links_and_last_sync(uow):
    first = svc.list_products(uow())[0]
    assert first.sku == "SKU-1" and first.price == Decimal("199.90") and isinstance(first.price, Decimal)
    assert first.linked_objects == ("GU-00000", "GU-00001")
    assert first.object_ids == tuple(item_ids(uow, "GU-00000", "GU-00001"))
    assert first.synced_at is None and first.connection_name == "Simulator"
    with uow() as u:
        p = u.repos.products.by_sku("SKU-1")
        p.synced_at = m.utcnow()
        u.commit()
    synced = svc.list_products(uow())[0].synced_at
    assert synced is not None and synced.tzinfo == timezone.utc


def test_get_product_reads_every_field_and_its_objects(uow):
    d = svc.get_product(uow(), pid(uow))
    assert (d.sku, d.title, d.price, d.currency, d.stock, d.status) == ("SKU-1", "Vase replica", Decimal("199.90"),
                                                                        "CNY", 5, "active")
    assert [o.object_number for o in d.objects] == ["GU-00000", "GU-00001"]
    assert d.objects[0].title == "青花瓷瓶 0" and d.image == svc.ProductImage() and not d.image
    assert svc.get_product(uow(), 999_999) is None


# --- editing fields ------------------------------------------------------------------------------


def test_each_field_is_saved_as_normalised_and_returns_old_and_new(uow):
    product = pid(uow)
    assert svc.update_product_field(uow(), product, "price", "¥1,280.50", expected=Decimal("199.90")) == (
        Decimal("199.90"), Decimal("1280.50"))
    assert svc.update_product_field(uow(), product, "stock", " 12 ") == (5, 12)
    assert svc.update_product_field(uow(), product, "stock", "") == (12, None)  # not tracked
    assert svc.update_product_field(uow(), product, "status", "下架") == ("active", "archived")
    assert svc.update_product_field(uow(), product, "title", "  青花 瓷瓶  ") == ("Vase replica", "青花 瓷瓶")
    assert svc.update_product_field(uow(), product, "alt_title", "Vase") == ("", "Vase")
    assert svc.update_product_field(uow(), product, "url", "https://shop.example/p/1")[1] == "https://shop.example/p/1"
    assert svc.update_product_field(uow(), product, "currency", "usd") == ("CNY", "USD")
    assert svc.update_product_field(uow(), product, "sku", "SKU-1B") == ("SKU-1", "SKU-1B")
    d = svc.get_product(uow(), product)
    assert (d.sku, d.price, d.stock, d.status, d.currency) == ("SKU-1B", Decimal("1280.50"), None, "archived", "USD")
    # The same value again changes nothing (and 1280.5 is the same amount).
    version = d.version
    assert svc.update_product_field(uow(), product, "price", "1280.5", expected=Decimal("1280.50"))[0] == Decimal("1280.50")
    assert svc.get_product(uow(), product).version == version


@pytest.mark.parametrize("name, value, code", [
    ("sku", "  ", "required"), ("sku", "x" * 101, "too_long"), ("price", "abc", "not_amount"),
    ("price", "-3", "negative"), ("price", "1.23456", "too_many_decimals"), ("price", "$5", "other_currency"),
    ("price", 1.5, "not_amount"), ("stock", "2.5", "not_integer"), ("stock", "-1", "negative"),
    ("status", "gone", "not_status"), ("status", "", "required"), ("currency", "dollar", "not_currency"),
    ("url", "shop/page", "not_url"), ("version", "3", "not_editable"),
])
def test_refused_values_name_the_field_and_change_nothing(uow, name, value, code):
    product = pid(uow)
    before = svc.get_product(uow(), product)
    with pytest.raises(svc.FieldError) as err:
        svc.update_product_field(uow(), product, name, value)
    assert (err.value.field, err.value.code) == (name, code)
    assert svc.get_product(uow(), product) == before


def test_a_sku_taken_by_another_product_is_refused(uow):
    other = svc.create_product(uow(), "SKU-2", "Scarf")
    with pytest.raises(svc.FieldError) as err:
        svc.update_product_field(uow(), other.id, "sku", "SKU-1")
    assert err.value.code == "duplicate"


def test_a_colleagues_change_is_never_overwritten(uow):
    product = pid(uow)
    seen = svc.get_product(uow(), product)
    svc.update_product_field(uow(), product, "price", "210.00")  # a colleague, on the shared database
    with pytest.raises(svc.ConcurrentEditError, match="changed by someone else"):
        svc.update_product_field(uow(), product, "price", "180.00", expected=seen.price)
    assert svc.get_product(uow(), product).price == Decimal("210.00")
    # Undo after a colleague's change is refused the same way (it expects the value it set).
    with pytest.raises(svc.ConcurrentEditError):
        svc.update_product_field(uow(), product, "stock", "9", expected=4)
    # Making the same change the colleague made is not a conflict.
    assert svc.update_product_field(uow(), product, "price", "210", expected=seen.price)[1] == Decimal("210")


def test_a_deleted_product_cannot_be_edited(uow):
    product = pid(uow)
    svc.delete_products(uow(), [product])
    with pytest.raises(svc.ProductMissingError):
        svc.update_product_field(uow(), product, "title", "x")


# --- picture -------------------------------------------------------------------------------------


def test_picture_from_a_file_cleared_and_put_back(uow, tmp_path):
    media = MediaStore(tmp_path / "media")
    picture = tmp_path / "vase.png"
    picture.write_bytes(png_bytes())
    product = pid(uow)
    with uow() as u:
        u.repos.products.get(product).image_url = "https://cdn.example/vase.jpg"
        u.commit()
    old, new = svc.set_product_image(uow(), media, product, picture)
    assert old == svc.ProductImage("", "https://cdn.example/vase.jpg")
    assert new.url == old.url and media.path_for(new.sha256) is not None
    assert svc.get_product(uow(), product).image == new
    assert svc.clear_product_image(uow(), product, expected=new) == (new, svc.ProductImage())
    with pytest.raises(svc.ConcurrentEditError):  # an undo of the set expects the picture it set
        svc.set_product_image_value(uow(), product, old, expected=new)
    svc.set_product_image_value(uow(), product, new, expected=svc.ProductImage())  # undo of the clear
    assert svc.get_product(uow(), product).image == new


@pytest.mark.parametrize("content, code", [(None, "missing"), (b"not an image at all", "not_image")])
def test_a_file_that_is_not_a_picture_is_refused(uow, tmp_path, content, code):
    path = tmp_path / "file.png"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(svc.FieldError) as err:
        svc.set_product_image(uow(), MediaStore(tmp_path / "media"), pid(uow), path)
    assert (err.value.field, err.value.code) == ("image", code)
    assert not svc.get_product(uow(), pid(uow)).image


# --- links ---------------------------------------------------------------------------------------


def test_links_from_the_product_side_with_expected_values(uow):
    product = pid(uow)
    a, b, c = item_ids(uow, "GU-00000", "GU-00001", "GU-00004")
    old, new = svc.set_product_objects(uow(), product, [c, a, b, c], expected=[a, b])
    assert (old, new) == (tuple(sorted((a, b))), tuple(sorted((a, b, c))))
    d = svc.get_product(uow(), product)
    assert [o.object_number for o in d.objects] == ["GU-00000", "GU-00001", "GU-00004"]
    # The object's side shows it too.
    assert [p.sku for p in objsvc.get_object(uow(), c).products] == ["SKU-1"]
    with pytest.raises(svc.ConcurrentEditError):
        svc.set_product_objects(uow(), product, [a], expected=[a, b])  # saw an older list
    with pytest.raises(svc.ValidationError, match="no longer exists"):
        svc.set_product_objects(uow(), product, [a, 999_999])
    assert svc.set_product_objects(uow(), product, [], expected=[a, b, c])[1] == ()
    assert svc.get_product(uow(), product).objects == ()


def test_links_from_the_object_side(uow):
    other = svc.create_product(uow(), "SKU-2", "Scarf").id
    first = pid(uow)
    item = item_ids(uow, "GU-00003")[0]
    version = svc.get_product(uow(), other).version
    old, new = svc.set_object_products(uow(), item, [other, first], expected=[])
    assert (old, new) == ((), tuple(sorted((first, other))))
    assert [p.sku for p in objsvc.get_object(uow(), item).products] == ["SKU-1", "SKU-2"]
    assert "GU-00003" in [o.object_number for o in svc.get_product(uow(), other).objects]
    assert svc.get_product(uow(), other).version == version + 1  # a colleague's editor sees the change
    with pytest.raises(svc.ConcurrentEditError):
        svc.set_object_products(uow(), item, [], expected=[first])
    assert svc.set_object_products(uow(), item, [other], expected=[first, other]) == (tuple(sorted((first, other))),
                                                                                       (other,))
    with pytest.raises(objsvc.ObjectMissingError):
        svc.set_object_products(uow(), 999_999, [other])


# --- create, delete, restore ---------------------------------------------------------------------


def test_create_suggests_a_free_sku_and_undo_deletes_it(uow):
    a = svc.create_product(uow())
    b = svc.create_product(uow())
    assert (a.sku, b.sku) == ("NEW-0001", "NEW-0002")
    d = svc.get_product(uow(), a.id)
    assert (d.status, d.price, d.currency, d.objects) == ("draft", None, "CNY", ())
    with pytest.raises(svc.FieldError):
        svc.create_product(uow(), "SKU-1")
    svc.delete_products(uow(), [a.id])
    assert svc.get_product(uow(), a.id) is None
    svc.restore_products(uow(), [a])
    assert svc.get_product(uow(), a.id).sku == "NEW-0001"


def test_delete_and_restore_put_back_links_tour_features_and_order_lines(db, uow):
    product = pid(uow)
    summary = svc.product_delete_summary(uow(), [product])
    assert (summary.products, summary.tours, summary.order_lines, summary.skus) == (1, 1, 1, ("SKU-1",))
    before = row_counts(db.engine)
    with uow() as u:
        features = sorted(u.session.execute(select(m.SegmentProduct.segment_id, m.SegmentProduct.live_price)
                                            .where(m.SegmentProduct.product_id == product)).all())
    snaps = svc.delete_products(uow(), [product])
    after = row_counts(db.engine)
    assert after["product"] == before["product"] - 1
    assert after["product_item"] == before["product_item"] - 2
    assert after["segment_product"] == before["segment_product"] - 3
    assert after["order_line"] == before["order_line"]  # history stays …
    with uow() as u:
        assert u.session.scalar(select(func.count()).select_from(m.OrderLine)
                                .where(m.OrderLine.product_id.is_not(None))) == 0  # … without the link
    assert svc.restore_products(uow(), snaps) == [product]
    assert row_counts(db.engine) == before
    d = svc.get_product(uow(), product)
    assert d.sku == "SKU-1" and [o.object_number for o in d.objects] == ["GU-00000", "GU-00001"]
    with uow() as u:
        assert sorted(u.session.execute(select(m.SegmentProduct.segment_id, m.SegmentProduct.live_price)
                                        .where(m.SegmentProduct.product_id == product)).all()) == features
        line = u.session.scalars(select(m.OrderLine).where(m.OrderLine.sku == "SKU-1")).one()
        assert line.product_id == product and line.unit_price == Decimal("179.00")


def test_restore_is_refused_when_the_sku_was_taken_meanwhile(uow):
    snaps = svc.delete_products(uow(), [pid(uow)])
    svc.create_product(uow(), "SKU-1", "someone else's")
    with pytest.raises(svc.FieldError) as err:
        svc.restore_products(uow(), snaps)
    assert err.value.code == "duplicate"


def test_restore_skips_links_to_objects_deleted_meanwhile(uow):
    product = pid(uow)
    snaps = svc.delete_products(uow(), [product])
    objsvc.delete_objects(uow(), item_ids(uow, "GU-00001"))
    svc.restore_products(uow(), snaps)
    assert [o.object_number for o in svc.get_product(uow(), product).objects] == ["GU-00000"]


def test_store_connections_are_those_that_list_products_and_orders(uow):
    from curator_console.services import connections

    connections.add_connection(uow(), connections.ConnectionSpec("Studio OBS", "obs", "ws://127.0.0.1:4455"))
    connections.add_connection(uow(), connections.ConnectionSpec("Partner", "rest", "https://partner.example",
                                                                 room="r1", token_env="PARTNER_TOKEN"))
    assert [c.name for c in svc.store_connections(uow())] == ["Partner", "Simulator"]
