"""The readiness check: every kind of problem, its severity and place, and the rights rule."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from curator_console.domain import readiness as r
from curator_console.domain.readiness import ReadinessProblem, check_readiness, rights_cleared, script_has_text
from curator_console.domain.timing import ReadingSpeed
from curator_console.domain.tour_plan import SegmentDetail, SegmentObject, SegmentProductInfo, TourDetail

ROOT = Path(__file__).resolve().parents[2]
MUSEUM = "Qinghe Museum of Chinese Decorative Arts"


def obj(item_id=1, number="QHM.1", sha="ab" * 32, url="", rights="Public domain") -> SegmentObject:
    return SegmentObject(item_id, number, f"Object {number}", image_sha256=sha, image_url=url, rights=rights)


def product(product_id=1, sku="SKU-1", price=Decimal("99.00"), stock=10, status="active",
            live_price=None) -> SegmentProductInfo:
    return SegmentProductInfo(product_id, sku, "Replica", "复制品", price, "CNY", stock, status, live_price=live_price)


def seg(seg_id=1, title="Welcome", planned=60, script="Good evening and welcome to the museum.", objects=(),
        products=()) -> SegmentDetail:
    return SegmentDetail(seg_id, 0, title, planned, script, "", 1, tuple(objects), tuple(products))


def tour(*segments, slot=None, title="Evening tour") -> TourDetail:
    return TourDetail(7, title, "Host", None, slot, "en", "draft", False, "", 1, MUSEUM, tuple(segments))


def kinds(problems: list[ReadinessProblem]) -> list[str]:
    return [p.kind for p in problems]


def test_a_ready_tour_has_no_problems():
    t = tour(seg(objects=[obj()], products=[product()]), seg(2, "Close", script="Thank you, good night."), slot=600)
    assert check_readiness(t, ReadingSpeed()) == []


def test_a_tour_without_segments_is_an_error():
    (p,) = check_readiness(tour(), ReadingSpeed())
    assert (p.kind, p.severity, p.segment_index, p.segment_id, p.subject) == ("no_segments", "error", None, None,
                                                                               "Evening tour")


@pytest.mark.parametrize("script", ["", "   \n\t ", "# \n- \n**  **\n* ", "\u3000\u3000", "1. \n## "])
def test_a_segment_whose_script_is_blank_or_only_markup_has_no_script(script):
    problems = check_readiness(tour(seg(seg_id=5, title="Blank", script=script)), ReadingSpeed())
    assert kinds(problems) == ["no_script"]
    assert (problems[0].severity, problems[0].segment_index, problems[0].segment_id, problems[0].subject) == (
        "error", 0, 5, "Blank")


@pytest.mark.parametrize("script", ["# 开场", "- one", "**Welcome**", "1. 元青花"])
def test_markup_around_words_is_a_script(script):
    assert script_has_text(script)
    assert "no_script" not in kinds(check_readiness(tour(seg(script=script, planned=600)), ReadingSpeed()))


def test_a_script_longer_than_planned_is_a_warning_with_its_speaking_time():
    script = "字" * 240  # 60 s at 240 characters a minute
    problems = check_readiness(tour(seg(planned=45, script=script)), ReadingSpeed())
    assert [(p.kind, p.severity, p.detail) for p in problems] == [("script_too_long", "warning", "60")]
    assert check_readiness(tour(seg(planned=60, script=script)), ReadingSpeed()) == []
    # a slower reader needs longer for the same script
    assert kinds(check_readiness(tour(seg(planned=60, script=script)), ReadingSpeed(cjk_chars_per_minute=200))) == [
        "script_too_long"]


def test_planned_time_over_the_slot_is_an_error_with_the_overrun():
    t = tour(seg(1, planned=400), seg(2, "Two", planned=300), slot=600)
    (p,) = check_readiness(t, ReadingSpeed())
    assert (p.kind, p.severity, p.detail, p.segment_index) == ("overrun", "error", "100", None)
    assert check_readiness(replace(t, slot_seconds=700), ReadingSpeed()) == []
    assert check_readiness(replace(t, slot_seconds=None), ReadingSpeed()) == []


def test_an_object_without_any_image_is_a_warning_but_a_remote_image_counts():
    t = tour(seg(objects=[obj(1, "A", sha=""), obj(2, "B", sha="", url="https://example.org/b.jpg"), obj(3, "C")]))
    (p,) = check_readiness(t, ReadingSpeed())
    assert (p.kind, p.severity, p.item_id, p.subject, p.segment_index) == ("object_no_image", "warning", 1, "A", 0)


def test_an_object_whose_rights_are_not_cleared_is_an_error_naming_the_rights():
    t = tour(seg(objects=[obj(4, "QHM.2019.002", rights="Rights not cleared"), obj(5, "OK")]))
    (p,) = check_readiness(t, ReadingSpeed())
    assert (p.kind, p.severity, p.item_id, p.subject, p.detail) == (
        "object_rights", "error", 4, "QHM.2019.002", "Rights not cleared")


def test_the_museums_own_copyright_is_cleared_someone_elses_is_not():
    t = tour(seg(objects=[obj(1, "OWN", rights="© Qinghe Museum"), obj(2, "ARTIST", rights="© 2019 Zhang San")]))
    assert [(p.kind, p.subject) for p in check_readiness(t, ReadingSpeed())] == [("object_rights", "ARTIST")]
    assert not rights_cleared("© Qinghe Museum")  # without knowing the owner it is someone's copyright


def test_featured_products_out_of_stock_without_price_or_not_active():
    products = [
        product(1, "EMPTY", stock=0),
        product(2, "NOPRICE", price=None),
        product(3, "LIVEONLY", price=None, live_price=Decimal("10")),  # a live price is a price
        product(4, "DRAFT", status="draft"),
        product(5, "UNKNOWN-STOCK", stock=None),  # unknown stock is not "out of stock"
    ]
    problems = check_readiness(tour(seg(products=products)), ReadingSpeed())
    assert [(p.kind, p.severity, p.product_id, p.subject) for p in problems] == [
        ("product_out_of_stock", "error", 1, "EMPTY"),
        ("product_no_price", "error", 2, "NOPRICE"),
        ("product_not_active", "warning", 4, "DRAFT"),
    ]
    assert problems[2].detail == "draft"


def test_problems_come_in_running_order_tour_wide_first():
    t = tour(
        seg(1, "First", planned=500, script="", objects=[obj(1, "A", sha="")]),
        seg(2, "Second", planned=500, products=[product(9, "P", stock=0)]),
        slot=600,
    )
    problems = check_readiness(t, ReadingSpeed())
    assert [(p.kind, p.segment_index) for p in problems] == [
        ("overrun", None), ("no_script", 0), ("object_no_image", 0), ("product_out_of_stock", 1)]
    assert {p.severity for p in problems} <= {"error", "warning"}
    assert set(r.SEVERITY) == set(r.KINDS)


def test_a_segment_without_id_reports_none_and_untitled_segments_get_their_number():
    problems = check_readiness(tour(seg(seg_id=0, title="", script="")), ReadingSpeed())
    assert [(p.segment_id, p.subject) for p in problems] == [(None, "#1")]


@pytest.mark.parametrize("rights", [
    "Public domain", "public domain", "Public Domain Mark 1.0", "CC0", "CC0 1.0 Universal", "cc-0",
    "CC BY 4.0", "CC BY-SA 4.0", "Open Access", "open access", "Rights cleared", "Cleared for streaming",
    "Licensed", "Licensed to the museum for broadcast", "Permission granted by the artist",
    "No known copyright restrictions", "Not in copyright",
    "http://creativecommons.org/publicdomain/zero/1.0/", "https://creativecommons.org/licenses/by/4.0/",
    "http://rightsstatements.org/vocab/NoC-US/1.0/",
    "公有领域", "公共领域", "公版", "开放获取", "开放存取", "已获授权", "已授权", "授权使用", "已清权", "版权已清",
    "无版权限制", "知识共享 CC0", "ＣＣ０",
])
def test_rights_that_are_cleared(rights):
    assert rights_cleared(rights)


@pytest.mark.parametrize("rights", [
    "", "   ", "Rights not cleared", "Not in the public domain", "Restricted", "Rights pending", "Pending",
    "Unknown", "Rights unknown", "Undetermined", "Uncleared", "Unlicensed", "Unauthorised use prohibited",
    "In copyright", "© 2019 Zhang San. All rights reserved.", "© Someone", "Copyright the artist",
    "CC BY-NC 4.0", "Licensed for non-commercial use only", "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "http://rightsstatements.org/vocab/InC/1.0/", "http://rightsstatements.org/vocab/UND/1.0/",
    "Public domain in the US; restrictions elsewhere", "Loan object", "See credit line", "No",
    "版权未清", "未获授权", "未授权", "授权待定", "待确认", "版权不详", "版权受限", "非公有领域", "不属于公有领域",
    "版权所有", "仅限非商业用途",
])
def test_rights_that_are_not_cleared(rights):
    assert not rights_cleared(rights)


def test_owner_copyright_is_cleared_only_for_the_owner_and_never_when_denied():
    assert rights_cleared("© Qinghe Museum. All rights reserved.", MUSEUM)
    assert rights_cleared("Copyright Qinghe Museum of Chinese Decorative Arts 2020", MUSEUM)
    assert not rights_cleared("© Another Museum", MUSEUM)
    assert not rights_cleared("© Qinghe Museum — rights pending", MUSEUM)
    assert not rights_cleared("© Museum", MUSEUM)  # a generic word is not the museum's name
    assert not rights_cleared("© Qinghe Museum", "")


@pytest.mark.parametrize("path", ["resources/demo/objects.json", "tests/ui/data/demo_small/objects.json"])
def test_every_rights_text_of_the_demo_data_is_decided_as_intended(path):
    expected = {"Public domain": True, "CC0": True, "": False, "Rights not cleared": False,
                "© Qinghe Museum": True}  # the demo museum's own copyright
    texts = {o.get("rights", "") for o in json.loads((ROOT / path).read_text(encoding="utf-8"))}
    assert texts <= set(expected)
    for text in texts:
        assert rights_cleared(text, MUSEUM) is expected[text], text
