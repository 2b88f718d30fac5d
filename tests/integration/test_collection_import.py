"""Collection import end to end on real databases (SQLite files and PostgreSQL via ``any_db_url``):
real-world CSVs, bad rows and the report, upserts, strict / cancelled / failed imports leaving every
table exactly as it was, search after import and update, images, JSON, IIIF, saved mappings, CLI."""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection
from curator_console.services import collection_import as ci
from tests.integration.conftest import all_table_names, populate
from tests.unit.importers.test_json_iiif import MANIFEST_V2, MANIFEST_V3

# --- helpers ---------------------------------------------------------------------------------


def uow(db) -> UnitOfWork:
    return UnitOfWork(db.session_factory)


def dump(db) -> dict[str, list]:
    """Every row of every table (the search index and, on SQLite, its FTS5 shadow tables too)."""
    out = {}
    with db.engine.connect() as conn:
        for name in sorted(all_table_names(db.engine)):
            rows = conn.execute(text(f'SELECT * FROM "{name}"')).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
        out["item_search count"] = conn.execute(text("SELECT COUNT(*) FROM item_search")).scalar_one()
    return out


def items(db) -> dict[str, dict]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM collection_item ORDER BY object_number")).mappings().all()
        tags = conn.execute(text("SELECT item_id, tag FROM item_tag ORDER BY item_id, position")).all()
    by_id: dict[int, list[str]] = {}
    for item_id, tag in tags:
        by_id.setdefault(item_id, []).append(tag)
    return {r["object_number"]: {**r, "tags": by_id.get(r["id"], [])} for r in rows}


def images(db) -> list[tuple]:
    with db.engine.connect() as conn:
        return conn.execute(text(
            "SELECT c.object_number, i.position, i.sha256, i.source_url, i.original_name, i.mime_type, i.width "
            "FROM item_image i JOIN collection_item c ON c.id = i.item_id ORDER BY c.object_number, i.position")).all()


def found(db, query: str) -> list[str]:
    return [r.object_number for r in collection.search(uow(db), query, limit=50)]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def png(width: int, height: int, salt: bytes = b"") -> bytes:
    ihdr = struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00"
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + ihdr + b"\x00\x00\x00\x00" + salt


def jpeg(width: int, height: int) -> bytes:
    sof = b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", height, width) + b"\x03" + b"\x00" * 9
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + sof + b"\xff\xd9"


def files_under(root: Path, skip: tuple[Path, ...]) -> dict[str, bytes]:
    out = {}
    for path in root.rglob("*"):
        if path.is_file() and not any(path.is_relative_to(s) for s in skip):
            out[str(path.relative_to(root))] = path.read_bytes()
    return out


@pytest.fixture
def media(tmp_path: Path) -> Path:
    return tmp_path / "media"


CHINESE_HEADERS = ["藏品编号", "名称", "年代", "质地", "尺寸", "作者", "来源", "描述", "类别", "标签"]
CHINESE_ROWS = [
    ["QHM.1987.034", "明青花缠枝莲纹瓶", "明", "瓷", "高38.5厘米", "景德镇御器厂", "李氏家族捐赠",
     "此瓶为明代宣德年间景德镇御器厂烧造，通体绘缠枝莲纹。", "瓷器", "青花|官窑；宣德"],
    ["QHM.1991.012", "清康熙青花山水人物纹笔筒", "清", "瓷", "高15.2厘米", "", "征集", "山水人物。", "瓷器", "青花"],
    ["QHM.2001.007", "商青铜饕餮纹鼎", "商", "青铜", "高60厘米", "", "发掘", "饕餮纹。", "青铜器", "青铜;商代"],
]


# --- real-world files --------------------------------------------------------------------------


def test_gb18030_csv_with_chinese_headers(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    path = write_csv(tmp_path / "馆藏目录.csv", [CHINESE_HEADERS, *CHINESE_ROWS], encoding="gb18030")
    report = ci.import_collection(uow(db), path, media_dir=media)
    assert (report.imported, report.updated, report.unchanged, report.rejected) == (3, 0, 0, [])
    assert (report.encoding, report.delimiter, report.format) == ("gb18030", ",", "csv")
    assert report.museum == "馆藏目录"  # an empty database gets a museum named after the file
    got = items(db)
    vase = got["QHM.1987.034"]
    assert vase["title"] == "明青花缠枝莲纹瓶" and vase["period"] == "明" and vase["date_text"] == "明"
    assert vase["medium"] == "瓷" and vase["dimensions"] == "高38.5厘米" and vase["maker"] == "景德镇御器厂"
    assert vase["provenance"] == "李氏家族捐赠" and vase["classification"] == "瓷器" and vase["source"] == "csv"
    assert vase["description"].startswith("此瓶为明代宣德年间")
    assert vase["tags"] == ["青花", "官窑", "宣德"]
    assert got["QHM.2001.007"]["tags"] == ["青铜", "商代"]
    # Search finds 1-, 2- and 4-character Chinese queries inside unsegmented text.
    assert set(found(db, "青花")) == {"QHM.1987.034", "QHM.1991.012"}
    assert found(db, "鼎") == ["QHM.2001.007"]
    assert found(db, "缠枝莲纹") == ["QHM.1987.034"]
    assert found(db, "官窑") == ["QHM.1987.034"]  # a tag
    assert found(db, "QHM.1991.012")[0] == "QHM.1991.012"


MET_HEADERS = ["Object Number", "Is Highlight", "Is Public Domain", "Object ID", "Department", "Object Name",
               "Title", "Culture", "Period", "Dynasty", "Artist Display Name", "Object Date", "Object Begin Date",
               "Object End Date", "Medium", "Dimensions", "Credit Line", "Classification", "Link Resource", "Tags"]
MET_ROWS = [
    ["14.40.100", "False", "True", "39637", "Asian Art", "Vase", "Vase with Lotus Scrolls", "China",
     "Ming dynasty (1368–1644)", "", "", "early 15th century", "1403", "1435", "Porcelain painted in underglaze cobalt blue",
     "H. 38.5 cm", "Gift of J. P. Morgan, 1917", "Ceramics", "http://www.metmuseum.org/art/collection/search/39637",
     "Lotuses|Flowers|Dragons"],
    ["29.100.5", "True", "False", "44000", "Asian Art", "Bowl", "", "China", "", "Qing dynasty", "Tang Ying",
     "1730s", "1730", "1739", "Porcelain with famille rose", "Diam. 15 cm", "H. O. Havemeyer Collection", "Ceramics",
     "http://www.metmuseum.org/art/collection/search/44000", ""],
]


def test_met_objects_csv_with_bom_and_pipes(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    path = write_csv(tmp_path / "MetObjects.csv", [MET_HEADERS, *MET_ROWS], encoding="utf-8-sig")
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    report = ci.import_collection(uow(db), path, media_dir=media)
    assert (report.imported, report.rejected_rows, report.encoding) == (2, 0, "utf-8-sig")
    assert report.unknown_headers == ["Is Highlight", "Department"]
    got = items(db)
    vase, bowl = got["14.40.100"], got["29.100.5"]
    assert vase["title"] == "Vase with Lotus Scrolls" and vase["culture"] == "China"
    assert vase["period"] == "Ming dynasty (1368–1644)" and vase["date_text"] == "early 15th century"
    assert (vase["begin_year"], vase["end_year"]) == (1403, 1435)
    assert vase["rights"] == "Public domain" and bowl["rights"] == ""
    assert vase["source_ref"] == "39637" and vase["credit_line"] == "Gift of J. P. Morgan, 1917"
    assert vase["classification"] == "Ceramics"
    assert vase["tags"] == ["Lotuses", "Flowers", "Dragons"] and bowl["tags"] == []
    assert bowl["title"] == "Bowl" and bowl["period"] == "Qing dynasty" and bowl["maker"] == "Tang Ying"
    assert found(db, "lotu") == ["14.40.100"]  # English words by prefix, tags included
    assert found(db, "porcel") == ["14.40.100", "29.100.5"]
    assert found(db, "tang") == ["29.100.5"]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimited(sqlite_url, open_db, tmp_path, media, delimiter):
    db = open_db(sqlite_url)
    rows = [["Object Number", "Title", "Medium", "Tags"], ["A-1", "Vase, blue; white", "Porcelain", "a|b"],
            ["A-2", "Bowl", "Stoneware, glazed", ""]]
    path = write_csv(tmp_path / "export.txt", rows, delimiter=delimiter)
    report = ci.import_collection(uow(db), path, media_dir=media)
    assert report.delimiter == delimiter and report.imported == 2
    got = items(db)
    assert got["A-1"]["title"] == "Vase, blue; white" and got["A-2"]["medium"] == "Stoneware, glazed"
    assert got["A-1"]["tags"] == ["a", "b"]


def test_quoted_fields_with_newlines(sqlite_url, open_db, tmp_path, media):
    db = open_db(sqlite_url)
    path = tmp_path / "multi.csv"
    path.write_text('Object Number,Title,Description,Begin Year\n'
                    'M-1,Vase,"First paragraph.\n\nSecond, with ""quotes"".",1400\n'
                    'M-2,Bowl,"one\r\ntwo",soon\n'
                    'M-3,Dish,plain,1500\n', encoding="utf-8")
    report = ci.import_collection(uow(db), path, media_dir=media)
    assert report.imported == 2
    assert [(p.row, p.field) for p in report.rejected] == [(3, "begin_year")]  # the row a spreadsheet shows
    assert items(db)["M-1"]["description"] == 'First paragraph.\n\nSecond, with "quotes".'


# --- bad rows and the report ---------------------------------------------------------------------


def bad_file(folder: Path) -> Path:
    """Rows 2–10 with every kind of problem between good rows (UTF-8 with one undecodable row)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "Object Number,Title,Begin Year,End Year,Tags,Image",  # 1
        "B-1,明青花瓶,1426,1435,青花|明,",  # 2 good
        ",无编号,,,,",  # 3 no object number
        "B-2,Bowl,,,,",  # 4 good
        "B-1,重复,,,,",  # 5 duplicate of row 2
        "B-3,Ragged,,,,,surplus",  # 6 more cells than headers
        None,  # 7 undecodable bytes
        "B-5,Years,c. 1500,1600s,,",  # 8 two bad years
        "B-6,Escaping image,,,,../secret.png",  # 9 image outside the folder
        "B-7,Last good,,,,",  # 10 good
    ]
    data = b""
    for line in lines:
        data += (b"B-4,\xff\xfe\xe6\x98 broken,,,," if line is None else line.encode("utf-8")) + b"\r\n"
    path = folder / "bad.csv"
    path.write_bytes(data)
    return path


def test_bad_rows_are_skipped_and_reported(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    report = ci.import_collection(uow(db), bad_file(tmp_path / "in"), media_dir=media)
    assert (report.imported, report.updated, report.rejected_rows) == (3, 0, 6)
    assert report.encoding == "utf-8"
    assert [(p.row, p.field) for p in report.rejected] == [
        (3, "object_number"), (5, "object_number"), (6, "row"), (7, "row"), (8, "begin_year"), (8, "end_year"),
        (9, "image")]
    by_row = {(p.row, p.field): p for p in report.rejected}
    assert "already appeared in row 2" in by_row[5, "object_number"].reason
    assert "7 cells but the header has 6 columns" in by_row[6, "row"].reason
    assert "undecodable" in by_row[7, "row"].reason
    assert "c. 1500" in by_row[8, "begin_year"].reason and by_row[8, "begin_year"].object_number == "B-5"
    assert "outside the import file's folder" in by_row[9, "image"].reason
    assert set(items(db)) == {"B-1", "B-2", "B-7"}
    assert items(db)["B-1"]["title"] == "明青花瓶"  # the first occurrence, not the duplicate

    out = ci.write_report_csv(report, tmp_path / "report.csv")
    raw = out.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)  # so Excel opens it as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["row", "object_number", "field", "status", "problem"]
    assert [(r[0], r[1], r[2], r[3]) for r in rows[1:]] == [
        ("3", "", "object_number", "rejected"), ("5", "B-1", "object_number", "rejected"),
        ("6", "B-3", "row", "rejected"), ("7", "B-4", "row", "rejected"), ("8", "B-5", "begin_year", "rejected"),
        ("8", "B-5", "end_year", "rejected"), ("9", "B-6", "image", "rejected")]
    assert rows[2][4] == by_row[5, "object_number"].reason


# --- upserts -------------------------------------------------------------------------------------


def test_reimport_updates_and_counts_changes(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    path = write_csv(tmp_path / "c.csv", [CHINESE_HEADERS, *CHINESE_ROWS], encoding="gb18030")
    ci.import_collection(uow(db), path, media_dir=media)
    before = items(db)
    again = ci.import_collection(uow(db), path, media_dir=media)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 3)
    assert items(db) == before  # not even a version or timestamp moved

    changed = [list(r) for r in CHINESE_ROWS]
    changed[0][1] = "明宣德青花缠枝莲纹梅瓶"  # new title
    changed[1][9] = "青花|文房"  # new tags
    changed.append(["QHM.2020.001", "唐三彩马", "唐", "陶", "", "", "", "", "陶器", "三彩"])
    write_csv(path, [CHINESE_HEADERS, *changed], encoding="gb18030")
    report = ci.import_collection(uow(db), path, media_dir=media)
    assert (report.imported, report.updated, report.unchanged, report.rejected) == (1, 2, 1, [])
    after = items(db)
    assert after["QHM.1987.034"]["title"] == "明宣德青花缠枝莲纹梅瓶"
    assert after["QHM.1987.034"]["version"] == before["QHM.1987.034"]["version"] + 1
    assert after["QHM.1991.012"]["tags"] == ["青花", "文房"]
    assert after["QHM.2001.007"] == before["QHM.2001.007"]
    # The index follows: the new title and tag are found, the old tag no longer finds the object.
    assert found(db, "梅瓶") == ["QHM.1987.034"]
    assert found(db, "文房") == ["QHM.1991.012"]
    assert found(db, "三彩") == ["QHM.2020.001"]
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM item_search")).scalar_one() == 4


def test_imported_objects_are_ordinary_objects(any_db_url, open_db, tmp_path, media):
    """Rows written by the bulk path load through the ORM (UTC times, versions) and edit like any other."""
    from datetime import timezone

    from curator_console.persistence import models as m

    db = open_db(any_db_url)
    ci.import_collection(uow(db), write_csv(tmp_path / "c.csv", [CHINESE_HEADERS, *CHINESE_ROWS]), media_dir=media)
    with db.session() as s:
        item = s.query(m.CollectionItem).filter_by(object_number="QHM.1991.012").one()
        assert item.created_at.tzinfo == timezone.utc and item.created_at == item.updated_at
        assert item.version == 1 and [t.tag for t in item.tags] == ["青花"]
        item_id = item.id
    assert collection.update_item_field(uow(db), item_id, "title", "清康熙青花笔筒") == "清康熙青花山水人物纹笔筒"
    assert found(db, "笔筒") == ["QHM.1991.012"] and found(db, "人物纹") == []


def test_columns_absent_from_the_file_are_kept(sqlite_url, open_db, tmp_path, media):
    db = open_db(sqlite_url)
    ci.import_collection(uow(db), write_csv(tmp_path / "a.csv", [CHINESE_HEADERS, *CHINESE_ROWS]), media_dir=media)
    report = ci.import_collection(uow(db), write_csv(tmp_path / "b.csv", [["藏品编号", "尺寸"], ["QHM.1987.034", "高40厘米"]]),
                                  media_dir=media)
    assert (report.updated, report.unchanged) == (1, 0)
    vase = items(db)["QHM.1987.034"]
    assert vase["dimensions"] == "高40厘米"
    assert vase["title"] == "明青花缠枝莲纹瓶" and vase["tags"] == ["青花", "官窑", "宣德"]
    assert found(db, "缠枝莲") == ["QHM.1987.034"]  # re-indexed with the fields it kept


# --- all or nothing ------------------------------------------------------------------------------


def seeded(db, tmp_path: Path, media: Path) -> None:
    populate(db, items=5)  # rows in every table
    ci.import_collection(uow(db), write_csv(tmp_path / "seed" / "c.csv", [CHINESE_HEADERS, *CHINESE_ROWS]),
                         media_dir=media)


def test_strict_refuses_a_bad_file_and_changes_nothing(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    seeded(db, tmp_path, media)
    before = dump(db)
    folder = tmp_path / "strict"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "a.png").write_bytes(png(4, 3))
    rows = [[*CHINESE_HEADERS, "图片"],
            ["QHM.1987.034", "改过的名称", "明", "瓷", "", "", "", "", "瓷器", "新标签", "img/a.png"],  # an update
            ["NEW-1", "新藏品", "清", "瓷", "", "", "", "", "瓷器", "", "img/a.png"],  # an insert
            ["", "无编号", "", "", "", "", "", "", "", "", ""]]  # row 4: the bad row
    path = write_csv(folder / "c.csv", rows)
    with pytest.raises(ci.StrictImportError) as caught:
        ci.import_collection(uow(db), path, strict=True, media_dir=media)
    assert [(p.row, p.field) for p in caught.value.report.rejected] == [(4, "object_number")]
    assert str(path) in str(caught.value)
    assert dump(db) == before
    assert not any(media.rglob("*.png"))  # strict checks the whole file before copying anything


def test_cancel_after_the_first_batch_changes_nothing(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    seeded(db, tmp_path, media)
    before = dump(db)
    rows = [CHINESE_HEADERS, [CHINESE_ROWS[0][0], "改过的名称", *CHINESE_ROWS[0][2:]]]
    rows += [[f"C-{i}", f"新藏品{i}", "清", "瓷", "", "", "", "", "瓷器", "x|y"] for i in range(7)]
    path = write_csv(tmp_path / "cancel" / "c.csv", rows)
    asked: list[int] = []
    written: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        if len(asked) == 2:  # after the first batch was written inside the transaction
            with db.engine.connect() as conn:
                written.append(conn.execute(text("SELECT COUNT(*) FROM collection_item")).scalar_one())
            return True
        return False

    with pytest.raises(ci.ImportCancelled):
        ci.import_collection(uow(db), path, batch_size=2, cancelled=cancelled, media_dir=media)
    assert len(asked) == 2
    assert dump(db) == before
    # Nothing of the first batch was visible to others either (one transaction, never committed).
    assert written == [before["collection_item"].__len__()]


def test_a_failure_midway_changes_nothing(any_db_url, open_db, tmp_path, media, monkeypatch):
    db = open_db(any_db_url)
    seeded(db, tmp_path, media)
    before = dump(db)
    calls: list[int] = []
    real_index = ci.SearchIndex.index

    def failing(self, docs, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_index(self, docs, **kw)

    monkeypatch.setattr(ci.SearchIndex, "index", failing)
    rows = [CHINESE_HEADERS] + [[f"F-{i}", f"藏品{i}", "", "", "", "", "", "", "", ""] for i in range(6)]
    with pytest.raises(RuntimeError, match="disk full"):
        ci.import_collection(uow(db), write_csv(tmp_path / "f" / "c.csv", rows), batch_size=2, media_dir=media)
    assert dump(db) == before


# --- images --------------------------------------------------------------------------------------


def test_images_are_copied_into_the_media_store_and_never_escape(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    folder = tmp_path / "export"
    (folder / "img" / "sub").mkdir(parents=True)
    a, b = png(400, 300), jpeg(640, 480)
    (folder / "img" / "a.png").write_bytes(a)
    (folder / "img" / "sub" / "b.jpg").write_bytes(b)
    (folder / "img" / "broken.png").write_bytes(b"this is not an image")
    (tmp_path / "outside.png").write_bytes(png(1, 1, b"outside"))
    (folder / "img" / "link.png").symlink_to(tmp_path / "outside.png")
    rows = [["Object Number", "Title", "Image"],
            ["I-1", "Two images", "img/a.png|img\\sub\\b.jpg"],  # 2 (Windows separators accepted)
            ["I-2", "Escapes", "../outside.png"],  # 3 rejected
            ["I-3", "Absolute", str(tmp_path / "outside.png")],  # 4 rejected
            ["I-4", "Link out", "img/link.png"],  # 5 rejected
            ["I-5", "Missing", "img/missing.png"],  # 6 warning
            ["I-6", "Broken", "img/broken.png"],  # 7 warning
            ["I-7", "Remote", "https://images.example.org/i7.jpg"],  # 8 remote, fetched later
            ["I-8", "Same file again", "img/a.png"],  # 9
            ["I-9", "Windows absolute", "C:\\images\\x.png"]]  # 10 rejected
    path = write_csv(folder / "c.csv", rows)
    outside_before = files_under(tmp_path, skip=(media, Path(db.url.database or "/nonexistent").parent,
                                                 tmp_path / "curator-home"))
    report = ci.import_collection(uow(db), path, media_dir=media)
    assert [(p.row, p.field) for p in report.rejected] == [(3, "image"), (4, "image"), (5, "image"), (10, "image")]
    assert "absolute" in report.rejected[1].reason and "outside" in report.rejected[2].reason
    assert [(p.row, p.field) for p in report.warnings] == [(6, "image"), (7, "image")]
    assert "does not exist" in report.warnings[0].reason and "not an image" in report.warnings[1].reason
    assert report.imported == 5  # warnings keep the object

    sha_a, sha_b = hashlib.sha256(a).hexdigest(), hashlib.sha256(b).hexdigest()
    assert images(db) == [
        ("I-1", 0, sha_a, "", "img/a.png", "image/png", 400),
        ("I-1", 1, sha_b, "", "img\\sub\\b.jpg", "image/jpeg", 640),
        ("I-7", 0, "", "https://images.example.org/i7.jpg", "i7.jpg", "", None),
        ("I-8", 0, sha_a, "", "img/a.png", "image/png", 400),
    ]
    stored = sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())
    assert stored == sorted([f"{sha_a[:2]}/{sha_a}.png", f"{sha_b[:2]}/{sha_b}.jpg"])
    assert (media / sha_a[:2] / f"{sha_a}.png").read_bytes() == a
    # Nothing was written anywhere else.
    assert files_under(tmp_path, skip=(media, Path(db.url.database or "/nonexistent").parent,
                                       tmp_path / "curator-home")) == outside_before

    again = ci.import_collection(uow(db), path, media_dir=media)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 5)
    assert len(images(db)) == 4  # images are not added twice


def test_new_image_on_an_existing_object_is_an_update(sqlite_url, open_db, tmp_path, media):
    db = open_db(sqlite_url)
    folder = tmp_path / "export"
    folder.mkdir()
    ci.import_collection(uow(db), write_csv(folder / "a.csv", [["Object Number", "Title"], ["X-1", "Vase"]]),
                         media_dir=media)
    (folder / "x.png").write_bytes(png(2, 2))
    report = ci.import_collection(uow(db), write_csv(folder / "b.csv", [["Object Number", "Image"], ["X-1", "x.png"]]),
                                  media_dir=media)
    assert (report.updated, report.unchanged) == (1, 0)
    assert items(db)["X-1"]["version"] == 2 and len(images(db)) == 1


# --- JSON and IIIF -------------------------------------------------------------------------------


def test_json_list(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    objects = [
        {"object_number": "J-1", "title": "青铜鼎", "begin_year": -1200, "tags": ["青铜", "商"]},
        {"accessionNumber": "J-2", "title": "Bowl with peonies", "isPublicDomain": True,
         "tags": [{"term": "Peonies"}], "primaryImage": "https://images.example.org/j2.jpg"},
        {"object_number": "J-3", "begin_year": "soon"},
    ]
    path = tmp_path / "objects.json"
    path.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
    report = ci.import_collection(uow(db), path, media_dir=media)
    assert (report.format, report.imported, [(p.row, p.field) for p in report.rejected]) == \
        ("json", 2, [(3, "begin_year")])
    got = items(db)
    assert got["J-1"]["begin_year"] == -1200 and got["J-1"]["tags"] == ["青铜", "商"]
    assert got["J-2"]["rights"] == "Public domain" and got["J-2"]["source"] == "json"
    assert images(db) == [("J-2", 0, "", "https://images.example.org/j2.jpg", "j2.jpg", "", None)]
    assert found(db, "peon") == ["J-2"]


def test_iiif_v2_and_v3_manifests(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    v3, v2 = tmp_path / "v3.json", tmp_path / "v2-manifest.json"
    v3.write_text(json.dumps(MANIFEST_V3, ensure_ascii=False), encoding="utf-8")
    v2.write_text(json.dumps(MANIFEST_V2, ensure_ascii=False), encoding="utf-8")
    r3 = ci.import_collection(uow(db), v3, media_dir=media)
    r2 = ci.import_collection(uow(db), v2, format="iiif", media_dir=media)
    assert (r3.format, r3.imported, r2.format, r2.imported) == ("iiif", 1, "iiif", 1)
    got = items(db)
    assert got["QHM.1987.034"]["title"] == "明青花缠枝莲纹瓶"
    assert got["QHM.1987.034"]["alt_title"] == "Vase with interlaced lotus scrolls"
    assert got["QHM.1987.034"]["source_ref"] == MANIFEST_V3["id"] and got["QHM.1987.034"]["source"] == "iiif"
    assert got["1991.12"]["title"] == "牡丹纹碗"
    assert [(o, u) for o, _p, _s, u, *_ in images(db)] == [
        ("1991.12", "https://iiif.example.org/iiif/2/bowl1/full/full/0/default.jpg"),
        ("1991.12", "https://iiif.example.org/iiif/2/bowl2/full/full/0/default.jpg"),
        ("QHM.1987.034", "https://iiif.example.org/image/qhm1/full/max/0/default.jpg"),
        ("QHM.1987.034", "https://iiif.example.org/image/qhm2/full/full/0/default.jpg"),
        ("QHM.1987.034", "https://iiif.example.org/image/qhm3-natural.jpg"),
    ]
    assert found(db, "牡丹") == ["1991.12"] and found(db, "lotus") == ["QHM.1987.034"]
    again = ci.import_collection(uow(db), v3, media_dir=media)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 1)


def test_records_from_connectors(sqlite_url, open_db, media):
    from curator_console.importers.iiif import records_from_manifest

    db = open_db(sqlite_url)
    records = records_from_manifest(MANIFEST_V3, "https://iiif.example.org/fetched/manifest.json")
    report = ci.import_records(uow(db), records, museum_name="Example Museum", source_label="iiif", media_dir=media)
    assert (report.imported, report.museum) == (1, "Example Museum")
    assert items(db)["QHM.1987.034"]["source_ref"] == "https://iiif.example.org/fetched/manifest.json"


# --- mappings, progress, preview -----------------------------------------------------------------


def test_saved_mappings(any_db_url, open_db, tmp_path, media):
    db = open_db(any_db_url)
    assert ci.list_mappings(uow(db)) == []
    ci.save_mapping(uow(db), "Museum system", {"Inv.-Nr.": "object_number", "Bezeichnung": "title",
                                               "Datierung": "period, date_text"})
    ci.save_mapping(uow(db), "Other", {"Nr": "object_number"})
    ci.save_mapping(uow(db), "Other", {"Nr": "object_number", "X": "ignore"})  # replaced, not duplicated
    assert [s.name for s in ci.list_mappings(uow(db))] == ["Museum system", "Other"]
    mapping = ci.get_mapping(uow(db), "Museum system")
    assert mapping == {"Inv.-Nr.": "object_number", "Bezeichnung": "title", "Datierung": "period,date_text"}
    assert ci.get_mapping(uow(db), "Other") == {"Nr": "object_number", "X": "ignore"}
    assert ci.get_mapping(uow(db), "nope") is None
    with pytest.raises(ci.MappingError):
        ci.save_mapping(uow(db), "Bad", {"A": "no_such_field"})
    path = write_csv(tmp_path / "de.csv", [["Inv.-Nr.", "Bezeichnung", "Datierung"], ["D-1", "Vase", "Ming"]])
    report = ci.import_collection(uow(db), path, mapping=mapping, media_dir=media)
    assert report.imported == 1 and report.unknown_headers == []
    assert (items(db)["D-1"]["title"], items(db)["D-1"]["period"], items(db)["D-1"]["date_text"]) == ("Vase", "Ming", "Ming")
    assert ci.delete_mapping(uow(db), "Other") and not ci.delete_mapping(uow(db), "Other")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT kind FROM import_mapping")).scalars().all() == ["collection"]


def test_progress_is_reported(sqlite_url, open_db, tmp_path, media):
    db = open_db(sqlite_url)
    rows = [["Object Number", "Title"]] + [[f"P-{i}", f"Object {i}"] for i in range(250)]
    seen: list[ci.ImportProgress] = []
    report = ci.import_collection(uow(db), write_csv(tmp_path / "p.csv", rows), batch_size=10, progress=seen.append,
                                  media_dir=media)
    assert report.imported == 250
    assert seen and seen[-1].rows_done == 250 and seen[-1].rows_total_estimate == 250
    assert seen[-1].seconds_left == 0 and seen[-1].rows_per_s > 0
    assert all(a.rows_done <= b.rows_done for a, b in zip(seen, seen[1:]))
    assert len(seen) < 25  # throttled (at most ~10 a second), not once per batch


def test_preview(tmp_path):
    path = write_csv(tmp_path / "c.csv", [CHINESE_HEADERS, *CHINESE_ROWS], encoding="gb18030", delimiter=";")
    p = ci.preview(path, limit=2)
    assert (p.encoding, p.delimiter, p.headers, len(p.rows)) == ("gb18030", ";", CHINESE_HEADERS, 2)
    assert p.auto_mapping["名称"] == "title" and p.unknown_headers == []


def test_unusable_files_are_refused_before_anything_is_written(sqlite_url, open_db, tmp_path, media):
    db = open_db(sqlite_url)
    before = dump(db)
    no_number = write_csv(tmp_path / "n.csv", [["Title", "Medium"], ["Vase", "Porcelain"]])
    with pytest.raises(ci.ImportFileError, match="no column holds the object number"):
        ci.import_collection(uow(db), no_number, media_dir=media)
    with pytest.raises(ci.ImportFileError, match="does not exist"):
        ci.import_collection(uow(db), tmp_path / "missing.csv", media_dir=media)
    with pytest.raises(ci.MappingError, match="no column “Inventory”"):
        ci.import_collection(uow(db), no_number, mapping={"Inventory": "object_number"}, require_mapping_headers=True,
                             media_dir=media)
    assert dump(db) == before


# --- command line --------------------------------------------------------------------------------


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CURATOR_CONSOLE_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "curator_console", *args], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_cli_end_to_end(any_db_url, open_db, tmp_path):
    home = tmp_path / "home"
    path = bad_file(tmp_path / "in")
    out = tmp_path / "report.csv"
    result = run_cli(home, "--db", any_db_url, "import-collection", str(path), "--report", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "imported=3 updated=0 rejected=6"
    assert lines[-2] == "unchanged=0 warnings=0"
    assert any(line.startswith("row 5: rejected: object_number:") for line in lines)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["row", "object_number", "field", "status", "problem"] and len(rows) == 8

    again = run_cli(home, "--db", any_db_url, "import-collection", str(path))
    assert again.returncode == 0
    assert again.stdout.strip().splitlines()[-2:] == ["unchanged=3 warnings=0", "imported=0 updated=0 rejected=6"]
    search = run_cli(home, "--db", any_db_url, "search", "青花", "--json")
    assert json.loads(search.stdout) == [{"object_number": "B-1", "title": "明青花瓶"}]


def test_cli_strict_and_unreadable_files_fail_naming_the_file(sqlite_url, open_db, tmp_path):
    home = tmp_path / "home"
    db = open_db(sqlite_url)
    before = dump(db)
    db.dispose()
    path = bad_file(tmp_path / "in")
    strict = run_cli(home, "--db", sqlite_url, "import-collection", str(path), "--strict",
                     "--report", str(tmp_path / "r.csv"))
    assert strict.returncode != 0
    assert str(path) in strict.stderr and "nothing was imported" in strict.stderr
    assert (tmp_path / "r.csv").exists()
    assert dump(open_db(sqlite_url)) == before

    missing = run_cli(home, "--db", sqlite_url, "import-collection", str(tmp_path / "nope.csv"))
    assert missing.returncode != 0 and "nope.csv" in missing.stderr
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    bad_json = run_cli(home, "--db", sqlite_url, "import-collection", str(garbage))
    assert bad_json.returncode != 0 and "garbage.json is not valid JSON" in bad_json.stderr
    assert dump(open_db(sqlite_url)) == before


def test_cli_map_and_saved_mapping(sqlite_url, open_db, tmp_path):
    home = tmp_path / "home"
    first = write_csv(tmp_path / "a.csv", [["Inventar", "Bezeichnung", "Regal"], ["K-1", "Krug", "3"]])
    result = run_cli(home, "--db", sqlite_url, "import-collection", str(first), "--map", "Inventar=object_number",
                     "--map", "Bezeichnung=title")
    assert result.returncode == 0, result.stderr
    assert "ignored columns: Regal" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "imported=1 updated=0 rejected=0"
    result = run_cli(home, "--db", sqlite_url, "import-collection", str(first), "--map", "Inventar=object_number",
                     "--map", "Bezeichnung=title", "--map", "Regal=ignore", "--save-mapping", "Depot")
    assert "ignored columns" not in result.stdout and "saved mapping=Depot" in result.stdout
    assert result.stdout.strip().splitlines()[-2:] == ["unchanged=1 warnings=0", "imported=0 updated=0 rejected=0"]
    second = write_csv(tmp_path / "b.csv", [["Inventar", "Bezeichnung"], ["K-2", "Schale"]])  # no "Regal": fine
    result = run_cli(home, "--db", sqlite_url, "import-collection", str(second), "--mapping", "Depot")
    assert result.stdout.strip().splitlines()[-1] == "imported=1 updated=0 rejected=0", result.stderr
    assert items(open_db(sqlite_url))["K-2"]["title"] == "Schale"
    wrong = run_cli(home, "--db", sqlite_url, "import-collection", str(second), "--map", "Nope=title")
    assert wrong.returncode != 0 and "Nope" in wrong.stderr
    unknown = run_cli(home, "--db", sqlite_url, "import-collection", str(second), "--mapping", "Missing")
    assert unknown.returncode != 0 and "Missing" in unknown.stderr
