"""Per-field rules: years, multi-value cells, text cleaning, problems attached to records."""

from __future__ import annotations

import pytest

from curator_console.importers.records import (
    IMAGE_SPLIT,
    TAG_SPLIT,
    ImportReport,
    RowProblem,
    clean_text,
    make_record,
    parse_year,
    split_multi,
)


@pytest.mark.parametrize(("value", "year"), [("1403", 1403), (" -200 ", -200), ("1403.0", 1403), ("", None),
                                              (None, None), (1726, 1726), ("+5", 5)])
def test_years(value, year):
    assert parse_year(value) == (year, None)


@pytest.mark.parametrize("value", ["c. 1500", "1500-1600", "明", "14.5", "1e3", True, "99999999999"])
def test_not_years(value):
    year, reason = parse_year(value)
    assert year is None and reason


def test_tags_split_on_pipes_and_semicolons():
    assert split_multi("青花|官窑；明代; Ming | 青花", TAG_SPLIT) == ("青花", "官窑", "明代", "Ming")
    assert split_multi(["a|b", "c"], TAG_SPLIT) == ("a", "b", "c")
    assert split_multi([{"term": "Flowers"}, {"term": "Lotus"}], TAG_SPLIT) == ("Flowers", "Lotus")
    assert split_multi("a.jpg|b;c.jpg", IMAGE_SPLIT) == ("a.jpg", "b;c.jpg")
    assert split_multi("", TAG_SPLIT) == ()


def test_clean_text():
    assert clean_text("  a\r\nb\x00c  ") == "a\nbc"
    assert clean_text(12) == "12"
    assert clean_text(None) == ""
    assert clean_text(["x", "", "y"]) == "x; y"


def test_make_record_keeps_only_present_fields_and_reports_problems():
    rec = make_record(7, {"object_number": " A-1 ", "title": "瓶", "begin_year": "c. 1500", "end_year": "1600",
                          "tags": ["a|b"]}, "csv")
    assert rec.object_number == "A-1"
    assert dict(rec.fields) == {"title": "瓶", "end_year": 1600}
    assert rec.tags == ("a", "b") and rec.images is None
    assert rec.problems == (RowProblem(7, "begin_year", rec.problems[0].reason, "A-1"),)
    assert "c. 1500" in rec.problems[0].reason
    missing = make_record(3, {"object_number": "", "title": "x"}, "csv")
    assert [(p.row, p.field) for p in missing.problems] == [(3, "object_number")]


def test_public_domain_column_sets_rights():
    assert make_record(2, {"object_number": "1", "is_public_domain": "True"}, "csv").fields["rights"] == "Public domain"
    assert make_record(2, {"object_number": "1", "is_public_domain": "False"}, "csv").fields["rights"] == ""
    both = make_record(2, {"object_number": "1", "is_public_domain": "False", "rights": "© Artist"}, "csv")
    assert both.fields["rights"] == "© Artist"


def test_report_counts_rows_not_problems():
    report = ImportReport(rejected=[RowProblem(2, "begin_year", "x"), RowProblem(2, "end_year", "y"),
                                    RowProblem(5, "object_number", "z")])
    assert report.rejected_rows == 2
    assert report.summary_line() == "imported=0 updated=0 rejected=2"
