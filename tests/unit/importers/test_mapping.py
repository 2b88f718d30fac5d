"""Header → field mapping: MetObjects.csv, Dublin Core / Omeka S, Chinese exports, overrides."""

from __future__ import annotations

import pytest

from curator_console.importers.mapping import (
    MappingError,
    auto_mapping,
    normalize_header,
    parse_map_option,
    parse_targets,
    plan_columns,
)

MET_HEADERS = [
    "Object Number", "Is Highlight", "Is Timeline Work", "Is Public Domain", "Object ID", "Gallery Number",
    "Department", "AccessionYear", "Object Name", "Title", "Culture", "Period", "Dynasty", "Reign", "Portfolio",
    "Artist Display Name", "Object Date", "Object Begin Date", "Object End Date", "Medium", "Dimensions",
    "Credit Line", "Classification", "Rights and Reproduction", "Link Resource", "Tags", "Tags AAT URL",
]


def test_met_objects_headers_map_to_fields():
    mapping = auto_mapping(MET_HEADERS)
    assert mapping["Object Number"] == "object_number"
    assert mapping["Title"] == "title"
    assert mapping["Artist Display Name"] == "maker"
    assert mapping["Object Date"] == "date_text"
    assert mapping["Object Begin Date"] == "begin_year"
    assert mapping["Object End Date"] == "end_year"
    assert mapping["Medium"] == "medium"
    assert mapping["Dimensions"] == "dimensions"
    assert mapping["Credit Line"] == "credit_line"
    assert mapping["Classification"] == "classification"
    assert mapping["Tags"] == "tags"
    assert mapping["Object ID"] == "source_ref"
    assert mapping["Link Resource"] == "source_ref"
    assert mapping["Is Public Domain"] == "is_public_domain"
    assert mapping["Period"] == "period" and mapping["Dynasty"] == "period"
    plan = plan_columns(MET_HEADERS)
    assert "Is Highlight" in plan.unknown and "Tags AAT URL" in plan.unknown and "Gallery Number" in plan.unknown


def test_ranks_pick_the_best_non_empty_column():
    plan = plan_columns(MET_HEADERS)
    cells = [""] * len(MET_HEADERS)
    cells[MET_HEADERS.index("Object Number")] = "29.100.1"
    cells[MET_HEADERS.index("Object Name")] = "Vase"
    cells[MET_HEADERS.index("Title")] = "Vase with lotus"
    cells[MET_HEADERS.index("Dynasty")] = "Ming dynasty"
    cells[MET_HEADERS.index("Object ID")] = "42"
    cells[MET_HEADERS.index("Link Resource")] = "http://www.metmuseum.org/art/collection/search/42"
    values = plan.values(cells)
    assert values["title"] == "Vase with lotus"
    assert values["period"] == "Ming dynasty"  # Period is empty, so Dynasty fills it
    assert values["source_ref"] == "42"
    cells[MET_HEADERS.index("Title")] = ""
    cells[MET_HEADERS.index("Period")] = "Ming dynasty (1368–1644)"
    values = plan.values(cells)
    assert values["title"] == "Vase"  # Object Name when there is no title
    assert values["period"] == "Ming dynasty (1368–1644)"


@pytest.mark.parametrize(("header", "field"), [
    ("dcterms:identifier", "object_number"), ("dcterms:title", "title"), ("dcterms:creator", "maker"),
    ("dcterms:date", "date_text"), ("dcterms:medium", "medium"), ("dcterms:description", "description"),
    ("dcterms:subject", "tags"), ("dcterms:rights", "rights"), ("Dublin Core:Title", "title"),
    ("dc:identifier", "object_number"), ("dcterms:extent", "dimensions"),
])
def test_dublin_core_terms(header, field):
    assert auto_mapping([header])[header] == field


@pytest.mark.parametrize(("header", "field"), [
    ("藏品编号", "object_number"), ("登记号", "object_number"), ("名称", "title"), ("藏品名称", "title"),
    ("年代", "period,date_text"), ("时代", "period,date_text"), ("质地", "medium"), ("材质", "medium"),
    ("尺寸", "dimensions"), ("规格", "dimensions"), ("作者", "maker"), ("来源", "provenance"),
    ("描述", "description"), ("简介", "description"), ("类别", "classification"), ("标签", "tags"),
    ("图片", "image"), ("尺寸（cm）", "dimensions"), ("藏品编号*", "object_number"),
])
def test_chinese_headers(header, field):
    assert auto_mapping([header])[header] == field


@pytest.mark.parametrize("header", ["object number", "  OBJECT   NUMBER ", "\ufeffObject Number", "Object_Number",
                                    "ｏｂｊｅｃｔ　ｎｕｍｂｅｒ", "object-number", "Object Number:"])
def test_headers_compare_case_width_space_and_bom_insensitively(header):
    assert auto_mapping([header])[header] == "object_number"


def test_field_names_map_to_themselves():
    headers = ["object_number", "title", "alt_title", "begin_year", "alt_description", "source_ref", "image"]
    assert auto_mapping(headers) == {h: h for h in headers}


def test_overrides_win_and_may_ignore_or_fill_several_fields():
    headers = ["Inv", "Name", "Title", "Dynasty/Date", "Junk"]
    plan = plan_columns(headers, {"inv": "object_number", "Name": "title", "Dynasty/Date": "period, date_text",
                                  "Title": "alt_title", "Junk": "ignore"})
    assert plan.mapping == {"Inv": "object_number", "Name": "title", "Title": "alt_title",
                            "Dynasty/Date": "period,date_text", "Junk": ""}
    assert plan.unknown == ()  # ignored on purpose is not "unknown"
    values = plan.values(["A-1", "瓶", "Vase", "明", "x"])
    assert values == {"object_number": "A-1", "title": "瓶", "alt_title": "Vase", "period": "明", "date_text": "明"}


def test_override_naming_a_missing_header_is_an_error_when_required():
    with pytest.raises(MappingError, match="no column “Nope”"):
        plan_columns(["Object Number"], {"Nope": "title"}, require_override_headers=True)
    plan_columns(["Object Number"], {"Nope": "title"})  # saved mappings are lenient


def test_targets_are_checked():
    assert parse_targets("period,date_text") == ("period", "date_text")
    assert parse_targets("images") == ("image",)
    assert parse_targets("ignore") == ()
    with pytest.raises(MappingError, match="“titel” is not a field"):
        parse_targets("titel")
    assert parse_map_option("Inventar Nr.=object_number") == ("Inventar Nr.", "object_number")
    assert parse_map_option("a=b=title") == ("a=b", "title")
    with pytest.raises(MappingError):
        parse_map_option("no equals sign")
    with pytest.raises(MappingError):
        parse_map_option("Header=nonsense")


def test_normalize_header():
    assert normalize_header("\ufeff  Object\u3000Number ") == "object number"
    assert normalize_header("dcterms:title") == "dcterms:title"


def test_multi_value_columns_collect_every_column():
    plan = plan_columns(["Object Number", "Tags", "Keywords", "Image", "Additional images"])
    values = plan.values(["1", "a|b", "c", "x.jpg", "y.jpg|z.jpg"])
    assert values["tags"] == ["a|b", "c"]
    assert values["image"] == ["x.jpg", "y.jpg|z.jpg"]
