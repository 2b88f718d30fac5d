"""The tour file format without a database: records to JSON and back, refusals that name the
member and the record, the reference check, the imported tour's title."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from curator_console.domain import tour_file as tf

T = datetime(2026, 3, 14, 11, 30, tzinfo=timezone.utc)
SHA = "ab" * 32


def sample() -> tf.TourFile:
    obj = tf.ObjectRecord("QHM.1", (("title", "青花大盘"), ("begin_year", -200)), ("porcelain", "元"),
                          (tf.ImageRecord(SHA, "image/png", 3, 2, 70, "a.png", "", "说明"),
                           tf.ImageRecord("", source_url="https://example.org/b.jpg")))
    product = tf.ProductRecord("P-1", "盘", price=Decimal("138.0000"), stock=0, synced_at=T, objects=("QHM.1",))
    seg = tf.SegmentRecord("开场", 300, "**欢迎**\n- 一", "Welcome", ("QHM.1",),
                           (tf.ProductLinkRecord("P-1", "pitch", Decimal("99.5"), True),),
                           (tf.CueRecord("obs_scene", "Opening"),))
    tour = tf.TourRecord("夜游", "林", T, 3600, "zh_CN", "ready", False, "notes\nmore", (seg,))
    manifest = tf.Manifest(1, "0.1.0", T, tf.MuseumInfo("QHM", "Qinghe", timezone="Asia/Shanghai"), "夜游")
    return tf.TourFile(manifest, tour, (obj,), (product,))


def reparse(content: tf.TourFile) -> tf.TourFile:
    members = tf.json_members(content)
    return tf.TourFile(
        tf.parse_manifest(tf.load_json(tf.MANIFEST, members[tf.MANIFEST])),
        tf.parse_tour(tf.load_json(tf.TOUR, members[tf.TOUR])),
        tf.parse_objects(tf.load_json(tf.OBJECTS, members[tf.OBJECTS])),
        tf.parse_products(tf.load_json(tf.PRODUCTS, members[tf.PRODUCTS])),
    )


def test_records_survive_json_exactly() -> None:
    content = sample()
    back = reparse(content)
    assert back.tour == content.tour and back.products == content.products and back.manifest == content.manifest
    assert back.objects[0].value("title") == "青花大盘" and back.objects[0].value("begin_year") == -200
    assert back.objects[0].images == content.objects[0].images and back.objects[0].tags == ("porcelain", "元")
    assert str(back.products[0].price) == "138.0000"  # decimal text, never a float
    assert "青花大盘".encode() in tf.json_members(content)[tf.OBJECTS]  # Chinese stays readable
    assert back.media_hashes() == [SHA]
    tf.check_references(back, {SHA})


def test_refusals_name_the_member_and_the_record() -> None:
    with pytest.raises(tf.TourFileError, match=r"tour.json is not valid JSON \(line 1, column"):
        tf.load_json(tf.TOUR, b"{")
    with pytest.raises(tf.TourFileError, match="newer version"):
        tf.parse_manifest({"format": tf.FORMAT_NAME, "format_version": tf.FORMAT_VERSION + 1})
    with pytest.raises(tf.TourFileError, match="not a Curator Console tour file"):
        tf.parse_manifest({"format": "other", "format_version": 1})
    with pytest.raises(tf.TourFileError, match=r"products.json: product 1 \(P\): “price” “-1.5” is not an amount"):
        tf.parse_products([{"sku": "P", "price": Decimal("-1.5")}])
    with pytest.raises(tf.TourFileError, match=r"tour.json: segment 1 \(“A”\): “planned_seconds”"):
        tf.parse_tour({"title": "t", "segments": [{"title": "A", "planned_seconds": True}]})
    with pytest.raises(tf.TourFileError, match="has no time zone offset"):
        tf.parse_tour({"title": "t", "planned_start": "2026-03-14T11:30:00"})
    with pytest.raises(tf.TourFileError, match="shows the object QHM.1 twice"):
        tf.parse_tour({"title": "t", "segments": [{"objects": ["QHM.1", "QHM.1"]}]})


def test_references_must_be_in_the_file() -> None:
    content = sample()
    with pytest.raises(tf.TourFileError, match=r"media/abab.* is not in the file"):
        tf.check_references(content, set())
    allowed = tf.TourFile(tf.Manifest(**{**content.manifest.__dict__, "missing_media": (SHA,)}), content.tour,
                          content.objects, content.products)
    tf.check_references(allowed, set())  # named as missing by the exporter: allowed
    with pytest.raises(tf.TourFileError, match="shows the object QHM.1, which is not in objects.json"):
        tf.check_references(tf.TourFile(content.manifest, content.tour, (), ()), {SHA})


def test_imported_title() -> None:
    assert tf.imported_title("Night", set()) == "Night"
    assert tf.imported_title("Night", {"Night"}) == "Night (imported)"
    assert tf.imported_title("Night", {"Night", "Night (imported)"}) == "Night (imported 2)"
    long = "长" * 500
    title = tf.imported_title(long, {long})
    assert len(title) == 500 and title.endswith(" (imported)")
