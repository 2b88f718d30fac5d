"""Reading real-world CSV exports: encodings, delimiters, quoted newlines, row numbers, bad rows."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from curator_console.importers.csv_collection import CsvImport, detect_encoding, preview_csv, sniff_delimiter
from curator_console.importers.records import ImportFileError

CHINESE = "藏品编号,名称,年代,质地,尺寸,作者,来源,描述,类别,标签\r\n" \
          "QHM.1,明青花缠枝莲纹瓶,明,瓷,高38.5厘米,景德镇御器厂,旧藏,通体绘缠枝莲纹,瓷器,青花|官窑；明代\r\n" \
          "QHM.2,清粉彩花卉碗,清,瓷,口径15厘米,,征集,,瓷器,粉彩\r\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def records(path: Path, **kw):
    source = CsvImport(path, **kw)
    return source, list(source.records())


@pytest.mark.parametrize(("encoding", "detected"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                    ("gb18030", "gb18030"), ("gbk", "gb18030"),
                                                    ("utf-16", "utf-16")])
def test_encodings_are_detected(tmp_path, encoding, detected):
    path = write(tmp_path, "c.csv", CHINESE.encode(encoding))
    assert detect_encoding(path) == (detected, True)
    source, recs = records(path)
    assert source.encoding == detected
    assert source.headers[0] == "藏品编号"
    assert [r.object_number for r in recs] == ["QHM.1", "QHM.2"]
    assert recs[0].fields["title"] == "明青花缠枝莲纹瓶"
    assert recs[0].fields["period"] == "明" and recs[0].fields["date_text"] == "明"
    assert recs[0].tags == ("青花", "官窑", "明代")
    assert all(r.ok for r in recs)


def test_explicit_encoding_is_used(tmp_path):
    path = write(tmp_path, "c.csv", CHINESE.encode("gbk"))
    source, recs = records(path, encoding="GBK")
    assert source.encoding == "gbk"
    assert recs[1].fields["title"] == "清粉彩花卉碗"
    with pytest.raises(ImportFileError, match="not an encoding"):
        CsvImport(path, encoding="klingon")


def test_a_bad_row_in_a_utf8_file_is_rejected_alone(tmp_path):
    data = CHINESE.encode("utf-8") + b"QHM.3,\xff\xfe broken,\xe6\x98,,,,,,,\r\n" + "QHM.4,宋汝窑盘,宋,瓷,,,,,,\r\n".encode()
    path = write(tmp_path, "c.csv", data)
    assert detect_encoding(path) == ("utf-8", False)
    source, recs = records(path)
    assert [r.object_number for r in recs] == ["QHM.1", "QHM.2", "QHM.3", "QHM.4"]
    assert [r.ok for r in recs] == [True, True, False, True]
    assert recs[2].problems[0].row == 4 and recs[2].problems[0].field == "row"
    assert "undecodable" in recs[2].problems[0].reason
    assert recs[3].fields["title"] == "宋汝窑盘"


def test_a_bad_row_in_a_gb18030_file_is_rejected_alone(tmp_path):
    data = CHINESE.encode("gb18030") + b"QHM.3,\x80\xff,,,,,,,,\r\n" + "QHM.4,宋汝窑盘,宋,瓷,,,,,,\r\n".encode("gb18030")
    path = write(tmp_path, "c.csv", data)
    assert detect_encoding(path) == ("gb18030", False)
    _source, recs = records(path)
    assert [r.ok for r in recs] == [True, True, False, True]
    assert recs[3].fields["title"] == "宋汝窑盘"


@pytest.mark.parametrize(("delimiter", "name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
def test_delimiters_are_sniffed(tmp_path, delimiter, name):
    text = CHINESE.replace(",", delimiter)
    path = write(tmp_path, f"{name}.csv", text.encode("utf-8"))
    source, recs = records(path)
    assert source.delimiter == delimiter
    assert recs[0].fields["dimensions"] == "高38.5厘米"


def test_sniffing_ignores_delimiters_inside_text():
    sample = 'Object Number;Title;Description\n1;"Vase, blue";"a, b, c"\n2;Bowl;"x, y"\n'
    assert sniff_delimiter(sample) == ";"
    sample = "Object Number,Title,Description\n1,Vase; blue,a; b\n2,Bowl,x\n"
    assert sniff_delimiter(sample) == ","
    assert sniff_delimiter("Object Number\tTitle\n1\tVase, blue; white\n") == "\t"


def test_excel_sep_line(tmp_path):
    path = write(tmp_path, "c.csv", b"sep=;\r\nObject Number;Title\r\nA;Vase, blue\r\nB;Bowl\r\n")
    source, recs = records(path)
    assert source.delimiter == ";"
    assert [(r.row, r.object_number, r.fields["title"]) for r in recs] == [(2, "A", "Vase, blue"), (3, "B", "Bowl")]


def test_quoted_newlines_count_as_one_spreadsheet_row(tmp_path):
    text = ('Object Number,Title,Description\n'
            'A,Vase,"line one\nline two\n\nline four"\n'
            '\n'
            'B,"Bowl ""with"" quotes",plain\n'
            'C,"Dish\r\nwith CRLF",x\n')
    path = write(tmp_path, "c.csv", text.encode("utf-8"))
    _source, recs = records(path)
    assert [(r.row, r.object_number) for r in recs] == [(2, "A"), (4, "B"), (5, "C")]  # row 3 is blank
    assert recs[0].fields["description"] == "line one\nline two\n\nline four"
    assert recs[1].fields["title"] == 'Bowl "with" quotes'
    assert recs[2].fields["title"] == "Dish\nwith CRLF"


def test_ragged_rows(tmp_path):
    text = ("Object Number,Title,Medium\n"
            "A,Vase\n"  # fewer cells: trailing empties were dropped by the exporter
            "B,Bowl,Porcelain,,\n"  # trailing empty extra cells: harmless
            "C,Dish,Stoneware,extra\n")  # a real extra cell: rejected
    path = write(tmp_path, "c.csv", text.encode())
    _source, recs = records(path)
    assert [r.ok for r in recs] == [True, True, False]
    assert recs[0].fields["medium"] == ""
    problem = recs[2].problems[0]
    assert (problem.row, problem.field, problem.object_number) == (4, "row", "C")
    assert "4 cells but the header has 3 columns" in problem.reason


def test_unclosed_quote_is_reported_where_it_opens(tmp_path):
    text = 'Object Number,Title\nA,Vase\nB,"Bowl\nC,Dish\nD,Jar\n'
    path = write(tmp_path, "c.csv", text.encode())
    _source, recs = records(path)
    assert [r.ok for r in recs] == [True, False]
    assert recs[1].row == 3 and "never closed" in recs[1].problems[0].reason


def test_empty_and_missing_files(tmp_path):
    with pytest.raises(ImportFileError, match="no header row"):
        CsvImport(write(tmp_path, "empty.csv", b""))
    with pytest.raises(ImportFileError, match="does not exist"):
        CsvImport(tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="folder"):
        CsvImport(tmp_path)


def test_bom_in_header_is_not_part_of_the_name_even_when_utf8_is_forced(tmp_path):
    path = write(tmp_path, "c.csv", codecs.BOM_UTF8 + b"Object Number,Title\nA,Vase\n")
    source, recs = records(path, encoding="utf-8")
    assert source.headers == ["Object Number", "Title"]
    assert recs[0].object_number == "A"


def test_unknown_headers_are_listed(tmp_path):
    path = write(tmp_path, "c.csv", "Object Number,Title,Gallery Number,馆内位置\nA,Vase,5,3号柜\n".encode())
    source, recs = records(path)
    assert source.unknown_headers == ["Gallery Number", "馆内位置"]
    assert set(recs[0].fields) == {"title"}


def test_preview(tmp_path):
    path = write(tmp_path, "c.csv", CHINESE.encode("gb18030"))
    p = preview_csv(path, limit=1)
    assert p.encoding == "gb18030" and p.delimiter == ","
    assert p.headers[:2] == ["藏品编号", "名称"]
    assert p.rows == [CHINESE.splitlines()[1].split(",")]
    assert p.auto_mapping["藏品编号"] == "object_number" and p.auto_mapping["年代"] == "period,date_text"
    assert p.unknown_headers == []
