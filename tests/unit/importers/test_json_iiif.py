"""JSON collection files and IIIF Presentation 2 / 3 manifests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator_console.importers.iiif import ManifestError, language_map, records_from_manifest
from curator_console.importers.json_collection import JsonImport, preview_json
from curator_console.importers.records import ImportFileError

MANIFEST_V3 = {
    "@context": "http://iiif.io/api/presentation/3/context.json",
    "id": "https://iiif.example.org/objects/QHM.1987.034/manifest.json",
    "type": "Manifest",
    "label": {"zh-Hans": ["明青花缠枝莲纹瓶"], "en": ["Vase with interlaced lotus scrolls"]},
    "summary": {"zh": ["宣德年间景德镇御器厂烧造。"], "en": ["<p>Made at the imperial kilns &amp; painted.</p>"]},
    "metadata": [
        {"label": {"en": ["Object Number"]}, "value": {"none": ["QHM.1987.034"]}},
        {"label": {"en": ["Date"], "zh": ["年代"]}, "value": {"zh": ["明宣德"], "en": ["Xuande period (1426–1435)"]}},
        {"label": {"en": ["Medium"]}, "value": {"en": ["Porcelain with underglaze cobalt blue"]}},
        {"label": {"en": ["Object Begin Date"]}, "value": {"none": ["1426"]}},
        {"label": {"en": ["Subjects"]}, "value": {"en": ["lotus|blue-and-white"]}},
        {"label": {"en": ["Gallery"]}, "value": {"en": ["Room 5"]}},
    ],
    "requiredStatement": {"label": {"en": ["Attribution"]}, "value": {"en": ["Gift of the Li Family, 1987"]}},
    "rights": "http://creativecommons.org/publicdomain/zero/1.0/",
    "items": [
        {"id": "https://iiif.example.org/c1", "type": "Canvas", "height": 4000, "width": 3000, "items": [
            {"id": "https://iiif.example.org/c1/p1", "type": "AnnotationPage", "items": [
                {"id": "https://iiif.example.org/c1/a1", "type": "Annotation", "motivation": "painting",
                 "target": "https://iiif.example.org/c1",
                 "body": {"id": "https://iiif.example.org/image/qhm1/full/max/0/default.jpg", "type": "Image",
                          "format": "image/jpeg",
                          "service": [{"id": "https://iiif.example.org/image/qhm1", "type": "ImageService3",
                                       "profile": "level1"}]}}]}]},
        {"id": "https://iiif.example.org/c2", "type": "Canvas", "items": [
            {"id": "https://iiif.example.org/c2/p1", "type": "AnnotationPage", "items": [
                {"id": "https://iiif.example.org/c2/a1", "type": "Annotation", "motivation": "painting",
                 "body": {"type": "Image", "service": [{"id": "https://iiif.example.org/image/qhm2",
                                                        "type": "ImageService2",
                                                        "profile": "http://iiif.io/api/image/2/level2.json"}]}}]}]},
        {"id": "https://iiif.example.org/c3", "type": "Canvas", "items": [
            {"id": "https://iiif.example.org/c3/p1", "type": "AnnotationPage", "items": [
                {"id": "https://iiif.example.org/c3/a1", "type": "Annotation", "motivation": "painting",
                 "body": {"type": "Choice", "items": [
                     {"id": "https://iiif.example.org/image/qhm3-natural.jpg", "type": "Image"},
                     {"id": "https://iiif.example.org/image/qhm3-xray.jpg", "type": "Image"}]}}]}]},
    ],
}

MANIFEST_V2 = {
    "@context": "http://iiif.io/api/presentation/2/context.json",
    "@id": "https://iiif.example.org/v2/bowl/manifest",
    "@type": "sc:Manifest",
    "label": [{"@value": "Bowl with peonies", "@language": "en"}, {"@value": "牡丹纹碗", "@language": "zh-CN"}],
    "description": "A <b>famille rose</b> bowl.",
    "attribution": "Provided by the Example Museum",
    "license": "https://creativecommons.org/licenses/by/4.0/",
    "metadata": [
        {"label": "Accession number", "value": "1991.12"},
        {"label": "Dynasty", "value": "Qing"},
        {"label": "Artist", "value": [{"@value": "Jingdezhen kilns", "@language": "en"}]},
        {"label": "Dimensions", "value": "H. 7 cm"},
    ],
    "sequences": [{"@type": "sc:Sequence", "canvases": [
        {"@id": "https://iiif.example.org/v2/bowl/canvas/1", "@type": "sc:Canvas", "images": [
            {"@type": "oa:Annotation", "motivation": "sc:painting",
             "resource": {"@id": "https://iiif.example.org/iiif/2/bowl1/full/full/0/default.jpg",
                          "@type": "dctypes:Image",
                          "service": {"@context": "http://iiif.io/api/image/2/context.json",
                                      "@id": "https://iiif.example.org/iiif/2/bowl1"}}}]},
        {"@id": "https://iiif.example.org/v2/bowl/canvas/2", "@type": "sc:Canvas", "images": [
            {"@type": "oa:Annotation", "motivation": "sc:painting",
             "resource": {"@type": "dctypes:Image",
                          "service": {"@context": "http://iiif.io/api/image/2/context.json",
                                      "@id": "https://iiif.example.org/iiif/2/bowl2"}}}]},
    ]}],
}


def test_v3_manifest():
    [rec] = records_from_manifest(MANIFEST_V3, "https://iiif.example.org/fetched/manifest.json")
    assert rec.ok and rec.source == "iiif" and rec.row == 1
    assert rec.object_number == "QHM.1987.034"
    f = rec.fields
    assert f["title"] == "明青花缠枝莲纹瓶" and f["alt_title"] == "Vase with interlaced lotus scrolls"
    assert f["description"] == "宣德年间景德镇御器厂烧造。"
    assert f["alt_description"] == "Made at the imperial kilns & painted."
    assert f["period"] == "明宣德 / Xuande period (1426–1435)"
    assert f["date_text"] == "明宣德 / Xuande period (1426–1435)"
    assert f["medium"] == "Porcelain with underglaze cobalt blue"
    assert f["begin_year"] == 1426
    assert f["credit_line"] == "Gift of the Li Family, 1987"
    assert f["rights"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert f["source_ref"] == "https://iiif.example.org/fetched/manifest.json"
    assert rec.tags == ("lotus", "blue-and-white")
    assert rec.images == ("https://iiif.example.org/image/qhm1/full/max/0/default.jpg",
                          "https://iiif.example.org/image/qhm2/full/full/0/default.jpg",
                          "https://iiif.example.org/image/qhm3-natural.jpg")


def test_v2_manifest():
    [rec] = records_from_manifest(MANIFEST_V2, "")
    assert rec.ok
    assert rec.object_number == "1991.12"
    f = rec.fields
    assert f["title"] == "牡丹纹碗" and f["alt_title"] == "Bowl with peonies"
    assert f["description"] == "A famille rose bowl."
    assert f["period"] == "Qing" and f["maker"] == "Jingdezhen kilns" and f["dimensions"] == "H. 7 cm"
    assert f["credit_line"] == "Provided by the Example Museum"
    assert f["rights"] == "https://creativecommons.org/licenses/by/4.0/"
    assert f["source_ref"] == "https://iiif.example.org/v2/bowl/manifest"
    assert rec.images == ("https://iiif.example.org/iiif/2/bowl1/full/full/0/default.jpg",
                          "https://iiif.example.org/iiif/2/bowl2/full/full/0/default.jpg")


def test_manifest_without_object_number_uses_its_id():
    data = {**MANIFEST_V3, "metadata": []}
    [rec] = records_from_manifest(data, "")
    assert rec.ok and rec.object_number == MANIFEST_V3["id"]
    assert [w.field for w in rec.warnings] == ["object_number"]


def test_english_only_label_is_the_title():
    [rec] = records_from_manifest({**MANIFEST_V3, "label": {"en": ["Vase"]}}, "")
    assert rec.fields["title"] == "Vase" and "alt_title" not in rec.fields


def test_metadata_labels_follow_the_mapping():
    [rec] = records_from_manifest(MANIFEST_V3, "", mapping={"Gallery": "provenance"})
    assert rec.fields["provenance"] == "Room 5"


def test_not_a_manifest():
    with pytest.raises(ManifestError, match="Collection"):
        records_from_manifest({"type": "Collection", "items": []}, "")
    with pytest.raises(ManifestError):
        records_from_manifest({"hello": "world"}, "")


def test_language_map_shapes():
    assert language_map({"zh-CN": ["甲", "乙"], "en": "A"}) == {"zh": "甲; 乙", "en": "A"}
    assert language_map("plain") == {"none": "plain"}
    assert language_map([{"@value": "x", "@language": "en-GB"}, "y"]) == {"en": "x", "none": "y"}


def write_json(tmp_path: Path, name: str, data, encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode(encoding))
    return path


def test_json_list_of_objects(tmp_path):
    objects = [
        {"object_number": "J-1", "title": "青铜鼎", "begin_year": -1200, "tags": ["青铜", "商"], "image": "a.jpg"},
        {"accessionNumber": "J-2", "title": "Bowl", "isPublicDomain": True, "objectBeginDate": 1700,
         "tags": [{"term": "Flowers"}], "primaryImage": "https://images.example.org/2.jpg",
         "additionalImages": ["https://images.example.org/2b.jpg"], "objectID": 42, "Gallery": 5},
        {"object_number": "J-3", "begin_year": "soon"},
        "not an object",
    ]
    source = JsonImport(write_json(tmp_path, "c.json", objects))
    recs = list(source.records())
    assert source.format == "json" and source.encoding == "utf-8"
    assert source.unknown_headers == ["Gallery"]
    assert recs[0].fields == {"title": "青铜鼎", "begin_year": -1200}
    assert recs[0].tags == ("青铜", "商") and recs[0].images == ("a.jpg",)
    assert recs[1].object_number == "J-2"
    assert recs[1].fields["rights"] == "Public domain" and recs[1].fields["begin_year"] == 1700
    assert recs[1].fields["source_ref"] == "42"
    assert recs[1].tags == ("Flowers",)
    assert recs[1].images == ("https://images.example.org/2.jpg", "https://images.example.org/2b.jpg")
    assert [(p.row, p.field) for p in recs[2].problems] == [(3, "begin_year")]
    assert [(p.row, p.field) for p in recs[3].problems] == [(4, "row")]


def test_json_objects_key_and_gb18030(tmp_path):
    path = write_json(tmp_path, "c.json", {"objects": [{"藏品编号": "G-1", "名称": "玉璧"}]}, encoding="gb18030")
    source = JsonImport(path)
    [rec] = list(source.records())
    assert source.encoding == "gb18030"
    assert (rec.object_number, rec.fields["title"]) == ("G-1", "玉璧")


def test_json_manifest_file_is_iiif(tmp_path):
    source = JsonImport(write_json(tmp_path, "m.json", MANIFEST_V2))
    assert source.format == "iiif"
    [rec] = list(source.records())
    assert rec.object_number == "1991.12"
    assert preview_json(tmp_path / "m.json").format == "iiif"


def test_json_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"object_number": "x",}]', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"bad\.json is not valid JSON \(line 1"):
        JsonImport(bad)
    with pytest.raises(ImportFileError, match="neither a list"):
        JsonImport(write_json(tmp_path, "d.json", {"a": 1}))
    with pytest.raises(ImportFileError, match="object number"):
        JsonImport(write_json(tmp_path, "e.json", [{"title": "x"}]))
    with pytest.raises(ImportFileError, match="not a IIIF"):
        JsonImport(write_json(tmp_path, "f.json", [{"object_number": "x"}]), expect="iiif")
