"""Collection sources end to end: The Met, AIC and IIIF manifests from local fake servers (in the
brief's documented shapes) into a real database (SQLite and PostgreSQL), images into the media
store, objects findable with the collection search.

No test reaches the internet or sleeps: the HTTP client's sleep and clock are recorders, so the
pacing each source asks for is checked without waiting for it.
"""

from __future__ import annotations

import random
import socket
import struct
import zlib
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from tests.integration.conftest import row_counts
from tests.integration.connectors.conftest import FakeTime

from curator_console import __version__
from curator_console.connectors.errors import RateLimitedError
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.connectors.iiif_fetch import NotAManifestError
from curator_console.persistence import models as m
from curator_console.persistence.db import Database
from curator_console.persistence.media import MediaStore
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection, collection_sources
from curator_console.services.collection_import import ImportCancelled
from curator_console.services.collection_sources import (
    FailedImage,
    SourceProgress,
    fetch_missing_images,
    import_from_aic,
    import_from_met,
    import_iiif_manifest,
    search_aic,
    search_met,
)

MET = "/met/public/collection/v1"
AIC = "/aic/api/v1"


def tiny_png(width: int = 3, height: int = 2, colour: bytes = b"\xff\x00\x00") -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + colour * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PNG = tiny_png()
PNG_2 = tiny_png(colour=b"\x00\x00\xff")


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def client(fake_time: FakeTime) -> HttpClient:
    return HttpClient(timeout=(2.0, 5.0), sleep=fake_time.sleep, clock=fake_time.clock, rng=random.Random(5))


@pytest.fixture
def server(httpserver_ipv4: HTTPServer) -> HTTPServer:
    return httpserver_ipv4


@pytest.fixture
def media(tmp_path: Path) -> MediaStore:
    return MediaStore(tmp_path / "media")


def factory(db: Database):
    return lambda: UnitOfWork(db.session_factory)


# --- the fake image server ---------------------------------------------------------------------


def serve_images(server: HTTPServer) -> dict[str, str]:
    """A real PNG, a second PNG, a broken file, an HTML page, a 404 and an over-limit Content-Length."""
    server.expect_request("/img/ok.png").respond_with_data(PNG, content_type="image/png")
    server.expect_request("/img/second.png").respond_with_data(PNG_2, content_type="image/png")
    server.expect_request("/img/broken.jpg").respond_with_data(b"\x00\x01\x02 this is no image at all",
                                                               content_type="image/jpeg")
    server.expect_request("/img/page.jpg").respond_with_data("<!doctype html><h1>Image viewer</h1>",
                                                             content_type="text/html")
    server.expect_request("/img/missing.jpg").respond_with_data("no such image", status=404)
    server.expect_request("/img/huge.png").respond_with_data(PNG + b"\x00" * 9000, content_type="image/png")
    return {name: server.url_for(f"/img/{name}") for name in
            ("ok.png", "second.png", "broken.jpg", "page.jpg", "missing.jpg", "huge.png")}


def media_files(media: MediaStore) -> list[Path]:
    return sorted(p for p in media.root.rglob("*") if p.is_file())


def files_outside(tmp_path: Path, media: MediaStore) -> set[Path]:
    """Files under the test folder that are not in the media store nor the database's own folders."""
    skip = (media.root, tmp_path / "sqlite-db", tmp_path / "backups")
    return {p for p in tmp_path.rglob("*") if p.is_file() and not any(p.is_relative_to(s) for s in skip)}


def images_of(db: Database, object_number: str) -> list[m.ItemImage]:
    with db.session() as s:
        item = s.scalars(select(m.CollectionItem).where(m.CollectionItem.object_number == object_number)).one()
        return list(s.scalars(select(m.ItemImage).where(m.ItemImage.item_id == item.id)
                              .order_by(m.ItemImage.position)))


def item(db: Database, object_number: str) -> m.CollectionItem:
    with db.session() as s:
        found = s.scalars(select(m.CollectionItem).where(m.CollectionItem.object_number == object_number)).one()
        s.expunge(found)
        return found


def tags_of(db: Database, object_number: str) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(m.ItemTag.tag).join(m.CollectionItem)
                              .where(m.CollectionItem.object_number == object_number).order_by(m.ItemTag.position)))


def found(db: Database, query: str) -> list[str]:
    return [r.object_number for r in collection.search(UnitOfWork(db.session_factory), query, limit=20)]


# --- The Met ------------------------------------------------------------------------------------


def met_object(object_id: int, images: list[str], **overrides) -> dict:
    body = {
        "objectID": object_id, "isHighlight": False, "accessionNumber": f"14.40.{object_id}",
        "isPublicDomain": True, "primaryImage": images[0] if images else "",
        "primaryImageSmall": (images[0] + "?small") if images else "", "additionalImages": images[1:],
        "constituents": None, "department": "Asian Art", "objectName": "Vase",
        "title": "明青花缠枝莲纹瓶 Vase with lotus scrolls", "culture": "China",
        "period": "Ming dynasty (1368–1644)",
        "dynasty": "", "reign": "Yongle", "portfolio": "", "artistDisplayName": "", "objectDate": "early 15th century",
        "objectBeginDate": 1403, "objectEndDate": 1424, "medium": "Porcelain painted in cobalt blue under glaze",
        "dimensions": "H. 29.8 cm", "creditLine": "Gift of Mrs. Richard E. Linburn, 1979",
        "classification": "Ceramics", "tags": [{"term": "Lotus", "AAT_URL": "x", "Wikidata_URL": "y"}],
        "objectURL": f"https://www.metmuseum.org/art/collection/search/{object_id}",
    }
    body.update(overrides)
    return body


def serve_met(server: HTTPServer, img: dict[str, str]) -> None:
    server.expect_request(f"{MET}/search", query_string={"q": "lotus", "hasImages": "true"}).respond_with_json(
        {"total": 4, "objectIDs": [101, 404404, 102, 103]})
    server.expect_request(f"{MET}/search", query_string={"q": "nothing", "hasImages": "true"}).respond_with_json(
        {"total": 0, "objectIDs": None})
    server.expect_request(f"{MET}/objects/101").respond_with_json(
        met_object(101, [img["ok.png"], img["broken.jpg"], img["second.png"]]))
    server.expect_request(f"{MET}/objects/102").respond_with_json(met_object(
        102, [img["page.jpg"]], title="Bowl", culture="", period="", dynasty="Qing dynasty (1644–1911)",
        objectDate="", objectBeginDate=0, objectEndDate=0, medium="", dimensions="", creditLine="",
        classification="", objectName="", department="Asian Art", tags=None, isPublicDomain=False,
        artistDisplayName="Wang Hui"))
    server.expect_request(f"{MET}/objects/103").respond_with_json(met_object(103, [], accessionNumber=""))
    server.expect_request(f"{MET}/objects/404404").respond_with_json({"message": "ObjectID not found"}, status=404)


def test_search_met_fetches_details_only_for_the_hits_it_returns(server: HTTPServer, client: HttpClient) -> None:
    img = serve_images(server)
    serve_met(server, img)
    hits = search_met(client, "lotus", limit=2, base_url=server.url_for(MET))
    assert [(h.object_id, h.object_number, h.title) for h in hits] == [
        ("101", "14.40.101", "明青花缠枝莲纹瓶 Vase with lotus scrolls"), ("102", "14.40.102", "Bowl")]
    assert hits[0].thumbnail_url == img["ok.png"] + "?small" and hits[0].date == "early 15th century"
    assert hits[1].artist == "Wang Hui" and hits[0].source == "met"
    asked = [entry[0].path for entry in server.log]
    assert f"{MET}/objects/103" not in asked  # lazily: the third object was never needed
    assert asked.count(f"{MET}/objects/404404") == 1  # the 404 was skipped, not fatal
    assert search_met(client, "nothing", base_url=server.url_for(MET)) == []


def test_met_import_with_images_search_and_media(db: Database, server: HTTPServer, client: HttpClient,
                                                 media: MediaStore, tmp_path: Path) -> None:
    img = serve_images(server)
    serve_met(server, img)
    before = files_outside(tmp_path, media)
    stages: list[SourceProgress] = []
    report = import_from_met(factory(db), client, [101, 404404, 102, 103, 101], media, progress=stages.append,
                             base_url=server.url_for(MET))

    assert (report.imported, report.updated, report.rejected_rows) == (2, 0, 1)
    assert report.summary_line() == "imported=2 updated=0 rejected=1"
    assert [(p.row, p.field) for p in report.rejected] == [(4, "object_number")]  # 103 has no accession number
    warnings = {(p.row, p.field): p.reason for p in report.warnings}
    assert "404404" in warnings[(2, "row")]
    assert "not an image" in warnings[(1, "image")] and "broken.jpg" in warnings[(1, "image")]
    assert "not an image" in warnings[(3, "image")] and "page.jpg" in warnings[(3, "image")]
    assert {s.stage for s in stages} == {"fetching", "saving", "images"}
    assert stages[-1] == SourceProgress("images", 4, 4)

    vase = item(db, "14.40.101")
    assert (vase.title, vase.culture, vase.period, vase.date_text) == (
        "明青花缠枝莲纹瓶 Vase with lotus scrolls", "China", "Ming dynasty (1368–1644)", "early 15th century")
    assert (vase.begin_year, vase.end_year, vase.classification, vase.rights, vase.source) == (
        1403, 1424, "Ceramics", "Public domain", "met")
    assert vase.source_ref == "https://www.metmuseum.org/art/collection/search/101"
    assert tags_of(db, "14.40.101") == ["Lotus"]
    bowl = item(db, "14.40.102")
    assert (bowl.period, bowl.culture, bowl.date_text, bowl.begin_year) == ("Qing dynasty (1644–1911)", "", "", None)
    assert (bowl.maker, bowl.classification, bowl.rights) == ("Wang Hui", "Asian Art", "Not in the public domain")

    images = images_of(db, "14.40.101")
    assert [i.source_url for i in images] == [img["ok.png"], img["broken.jpg"], img["second.png"]]
    ok, broken, second = images
    assert broken.sha256 == "" and ok.sha256 and second.sha256 and ok.sha256 != second.sha256
    assert (ok.mime_type, ok.width, ok.height, ok.byte_size) == ("image/png", 3, 2, len(PNG))
    assert media.path_for(ok.sha256).read_bytes() == PNG
    assert media.path_for(ok.sha256).parent.parent == media.root
    assert [i.sha256 for i in images_of(db, "14.40.102")] == [""]
    assert len(media_files(media)) == 2
    assert files_outside(tmp_path, media) == before  # nothing written anywhere else

    assert found(db, "青花") == ["14.40.101"]
    assert found(db, "lot") == ["14.40.101"]
    assert found(db, "Wang") == ["14.40.102"]


def test_met_import_again_updates_and_fetches_only_what_is_missing(db: Database, server: HTTPServer,
                                                                   client: HttpClient, media: MediaStore) -> None:
    img = serve_images(server)
    serve_met(server, img)
    base = server.url_for(MET)
    import_from_met(factory(db), client, [101, 102], media, base_url=base)
    server.clear_log()
    again = import_from_met(factory(db), client, [101, 102], media, base_url=base)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    asked = [entry[0].path for entry in server.log]
    assert "/img/ok.png" not in asked and "/img/second.png" not in asked  # stored already
    assert asked.count("/img/broken.jpg") == 1  # failed before: tried again
    assert len(images_of(db, "14.40.101")) == 3  # no duplicate rows


def test_met_pacing_stays_under_80_requests_a_second(db: Database, server: HTTPServer, client: HttpClient,
                                                     media: MediaStore, fake_time: FakeTime) -> None:
    img = serve_images(server)
    serve_met(server, img)
    import_from_met(factory(db), client, [101, 102, 103], media, base_url=server.url_for(MET), fetch_images=False)
    assert len(server.log) == 3
    assert fake_time.sleeps == pytest.approx([1 / 80] * 2)


def test_met_rate_limit_surfaces_and_nothing_is_written(db: Database, server: HTTPServer, media: MediaStore,
                                                        fake_time: FakeTime) -> None:
    client = HttpClient(sleep=fake_time.sleep, clock=fake_time.clock, retry=RetryPolicy(max_retries=1))
    img = serve_images(server)
    server.expect_request(f"{MET}/objects/101").respond_with_json(met_object(101, [img["ok.png"]]))
    server.expect_request(f"{MET}/objects/102").respond_with_data("slow down", status=429,
                                                                  headers={"Retry-After": "600"})
    before = row_counts(db.engine)
    with pytest.raises(RateLimitedError, match=r"^The Met asks us to slow down \(try again in 600 s\)\.$"):
        import_from_met(factory(db), client, [101, 102], media, base_url=server.url_for(MET))
    assert row_counts(db.engine) == before
    assert media_files(media) == []


def test_met_cancelled_while_fetching_writes_nothing(db: Database, server: HTTPServer, client: HttpClient,
                                                     media: MediaStore) -> None:
    img = serve_images(server)
    serve_met(server, img)
    calls = {"n": 0}

    def cancel_on_second() -> bool:
        calls["n"] += 1
        return calls["n"] >= 2

    before = row_counts(db.engine)
    with pytest.raises(ImportCancelled):
        import_from_met(factory(db), client, [101, 102], media, cancelled=cancel_on_second,
                        base_url=server.url_for(MET))
    assert row_counts(db.engine) == before


# --- Art Institute of Chicago ---------------------------------------------------------------------


def aic_artwork(art_id: int, image_id: str | None, **overrides) -> dict:
    body = {"id": art_id, "title": "Water Lilies", "artist_display": "Claude Monet\nFrench, 1840–1926",
            "date_display": "1906", "date_start": 1906, "date_end": 1906, "medium_display": "Oil on canvas",
            "dimensions": "89.9 × 94.1 cm", "credit_line": "Mr. and Mrs. Martin A. Ryerson Collection",
            "place_of_origin": "France", "main_reference_number": f"1933.{art_id}", "image_id": image_id,
            "is_public_domain": True}
    body.update(overrides)
    return body


def aic_page(server: HTTPServer, data: list[dict], total: int, page: int, pages: int) -> dict:
    return {"preference": None, "pagination": {"total": total, "limit": 2, "offset": (page - 1) * 2,
                                               "total_pages": pages, "current_page": page},
            "data": data, "info": {"license_text": "…"},
            "config": {"iiif_url": server.url_for("/iiif/2"), "website_url": "http://www.artic.edu"}}


def serve_aic(server: HTTPServer) -> None:
    ua = {"AIC-User-Agent": f"Curator Console ({__version__})"}
    server.expect_request(f"{AIC}/artworks/search", headers=ua, query_string={"q": "lilies", "page": "1", "limit": "2",
                          "fields": ",".join(collection_sources.aic.FIELDS)}).respond_with_json(
        aic_page(server, [aic_artwork(16568, "abc-1"), aic_artwork(16569, None, title="Sketch")], 3, 1, 2))
    server.expect_request(f"{AIC}/artworks", headers=ua).respond_with_json(
        aic_page(server, [aic_artwork(16568, "abc-1"), aic_artwork(16570, "abc-404", title="荷花 Lotus",
                                                                     place_of_origin="China")], 2, 1, 1))
    server.expect_request("/iiif/2/abc-1/full/843,/0/default.jpg").respond_with_data(PNG, content_type="image/jpeg")
    server.expect_request("/iiif/2/abc-404/full/843,/0/default.jpg").respond_with_data("", status=404)


def test_search_aic_one_page_with_paging(server: HTTPServer, client: HttpClient) -> None:
    serve_aic(server)
    page = search_aic(client, "lilies", page=1, limit=2, base_url=server.url_for(AIC))
    assert (page.total, page.page, page.total_pages) == (3, 1, 2)
    first, second = page.hits
    assert (first.object_id, first.object_number, first.title, first.date) == ("16568", "1933.16568", "Water Lilies",
                                                                               "1906")
    assert first.artist == "Claude Monet, French, 1840–1926"
    assert first.thumbnail_url == server.url_for("/iiif/2/abc-1/full/200,/0/default.jpg")
    assert second.thumbnail_url == ""


def test_aic_import(db: Database, server: HTTPServer, client: HttpClient, media: MediaStore,
                    fake_time: FakeTime) -> None:
    serve_aic(server)
    report = import_from_aic(factory(db), client, [16568, 16570, 99999], media, base_url=server.url_for(AIC))
    assert (report.imported, report.rejected_rows) == (2, 0)
    reasons = {(p.row, p.field): p.reason for p in report.warnings}
    assert "99999" in reasons[(3, "row")]
    assert "HTTP 404" in reasons[(2, "image")]
    assert fake_time.sleeps == [1.0, 1.0]  # one second between requests to the (shared) host
    lilies = item(db, "1933.16568")
    assert (lilies.title, lilies.maker, lilies.culture, lilies.begin_year, lilies.source) == (
        "Water Lilies", "Claude Monet, French, 1840–1926", "France", 1906, "aic")
    assert lilies.source_ref == "https://www.artic.edu/artworks/16568"
    (image,) = images_of(db, "1933.16568")
    assert image.sha256 and media.path_for(image.sha256).read_bytes() == PNG
    assert [i.sha256 for i in images_of(db, "1933.16570")] == [""]
    assert found(db, "荷") == ["1933.16570"]
    assert found(db, "Monet") == ["1933.16568", "1933.16570"]


def test_aic_rate_limit_is_plain(db: Database, server: HTTPServer, media: MediaStore, fake_time: FakeTime) -> None:
    client = HttpClient(sleep=fake_time.sleep, clock=fake_time.clock, retry=RetryPolicy(max_retries=0))
    server.expect_request(f"{AIC}/artworks").respond_with_json({"status": 429, "error": "Too many requests"},
                                                               status=429)
    with pytest.raises(RateLimitedError, match=r"^Art Institute of Chicago asks us to slow down\.$"):
        import_from_aic(factory(db), client, [1], media, base_url=server.url_for(AIC))


# --- IIIF ------------------------------------------------------------------------------------------


def manifest_v3(server: HTTPServer) -> dict:
    def canvas(n: int, url: str) -> dict:
        return {"id": server.url_for(f"/iiif/canvas/{n}"), "type": "Canvas", "height": 2, "width": 3,
                "items": [{"id": server.url_for(f"/iiif/page/{n}"), "type": "AnnotationPage", "items": [
                    {"id": server.url_for(f"/iiif/anno/{n}"), "type": "Annotation", "motivation": "painting",
                     "target": server.url_for(f"/iiif/canvas/{n}"),
                     "body": {"id": url, "type": "Image", "format": "image/png"}}]}]}
    return {
        "@context": "http://iiif.io/api/presentation/3/context.json",
        "id": server.url_for("/iiif/v3/manifest.json"), "type": "Manifest",
        "label": {"zh": ["明青花缠枝莲纹瓶"], "en": ["Blue-and-white vase with lotus scrolls"]},
        "summary": {"en": ["A Yongle period vase."]},
        "metadata": [{"label": {"en": ["Object Number"]}, "value": {"none": ["GU-2026.1"]}},
                     {"label": {"en": ["Date"]}, "value": {"en": ["1403–1424"]}}],
        "requiredStatement": {"label": {"en": ["Attribution"]}, "value": {"en": ["Palace Museum"]}},
        "items": [canvas(1, server.url_for("/img/ok.png")), canvas(2, server.url_for("/img/missing.jpg")),
                  canvas(3, server.url_for("/img/huge.png"))],
    }


def manifest_v2(server: HTTPServer) -> dict:
    return {
        "@context": "http://iiif.io/api/presentation/2/context.json",
        "@id": server.url_for("/iiif/v2/manifest.json"), "@type": "sc:Manifest", "label": "Celadon bowl",
        "metadata": [{"label": "Accession number", "value": "V2-0007"}],
        "sequences": [{"@type": "sc:Sequence", "canvases": [
            {"@id": server.url_for("/iiif/v2/canvas/1"), "@type": "sc:Canvas",
             "images": [{"@type": "oa:Annotation", "motivation": "sc:painting",
                         "resource": {"@id": server.url_for("/img/second.png"), "@type": "dctypes:Image"}}]}]}],
    }


def test_iiif_v3_manifest_import(db: Database, server: HTTPServer, client: HttpClient, media: MediaStore,
                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    serve_images(server)
    monkeypatch.setattr(collection_sources, "MAX_IMAGE_BYTES", 4096)  # huge.png declares 9 KB
    server.expect_request("/iiif/v3/manifest.json").respond_with_json(manifest_v3(server))
    url = server.url_for("/iiif/v3/manifest.json")
    before = files_outside(tmp_path, media)
    report = import_iiif_manifest(factory(db), client, url, media)
    assert (report.imported, report.rejected_rows, report.format) == (1, 0, "iiif")
    reasons = [p.reason for p in report.warnings if p.field == "image"]
    assert any("missing.jpg" in r and "HTTP 404" in r for r in reasons)
    assert any("huge.png" in r and "too large (9 KB; at most 4 KB)" in r for r in reasons)
    vase = item(db, "GU-2026.1")
    assert (vase.title, vase.alt_title, vase.source, vase.source_ref) == (
        "明青花缠枝莲纹瓶", "Blue-and-white vase with lotus scrolls", "iiif", url)
    assert [bool(i.sha256) for i in images_of(db, "GU-2026.1")] == [True, False, False]
    assert len(media_files(media)) == 1 and files_outside(tmp_path, media) == before
    assert found(db, "青花") == ["GU-2026.1"]
    assert found(db, "lotu") == ["GU-2026.1"]


def test_iiif_v2_manifest_import(db: Database, server: HTTPServer, client: HttpClient, media: MediaStore) -> None:
    serve_images(server)
    server.expect_request("/iiif/v2/manifest.json").respond_with_json(manifest_v2(server))
    report = import_iiif_manifest(factory(db), client, server.url_for("/iiif/v2/manifest.json"), media)
    assert (report.imported, report.warnings) == (1, [])
    (image,) = images_of(db, "V2-0007")
    assert media.path_for(image.sha256).read_bytes() == PNG_2
    assert found(db, "celadon") == ["V2-0007"]


def test_a_document_that_is_not_a_manifest_changes_nothing(db: Database, server: HTTPServer, client: HttpClient,
                                                           media: MediaStore) -> None:
    server.expect_request("/iiif/collection.json").respond_with_json(
        {"@context": "http://iiif.io/api/presentation/3/context.json", "type": "Collection", "items": []})
    server.expect_request("/viewer.html").respond_with_data("<html>viewer</html>", content_type="text/html")
    before = row_counts(db.engine)
    with pytest.raises(NotAManifestError, match="IIIF collection"):
        import_iiif_manifest(factory(db), client, server.url_for("/iiif/collection.json"), media)
    with pytest.raises(NotAManifestError, match="not JSON"):
        import_iiif_manifest(factory(db), client, server.url_for("/viewer.html"), media)
    assert row_counts(db.engine) == before


# --- fetching missing images ------------------------------------------------------------------------


def iiif_without_images(db: Database, server: HTTPServer, client: HttpClient, media: MediaStore) -> None:
    server.expect_request("/iiif/v3/manifest.json").respond_with_json(manifest_v3(server))
    import_iiif_manifest(factory(db), client, server.url_for("/iiif/v3/manifest.json"), media, fetch_images=False)


def test_fetch_missing_images_records_every_failure_and_never_crashes(db: Database, server: HTTPServer,
                                                                      client: HttpClient, media: MediaStore) -> None:
    img = serve_images(server)
    server.expect_request(f"{MET}/objects/101").respond_with_json(met_object(101, [
        img["ok.png"], img["broken.jpg"], img["page.jpg"], img["missing.jpg"], img["huge.png"],
        "http://iiif.example.org/plain-http.jpg"]))
    import_from_met(factory(db), client, [101], media, base_url=server.url_for(MET), fetch_images=False)
    assert [i.sha256 for i in images_of(db, "14.40.101")] == [""] * 6
    server.clear_log()

    seen: list[SourceProgress] = []
    summary = fetch_missing_images(factory(db), client, media, progress=seen.append, max_bytes=4096)
    assert summary.fetched == 1 and not summary.cancelled and summary.line() == "fetched=1 failed=5"
    reasons = {f.url.rsplit("/", 1)[-1]: f.reason for f in summary.failed}
    assert all(isinstance(f, FailedImage) and f.item == "14.40.101" for f in summary.failed)
    assert "is not an image" in reasons["broken.jpg"]
    assert "is not an image" in reasons["page.jpg"]
    assert "HTTP 404" in reasons["missing.jpg"]
    assert "too large" in reasons["huge.png"]
    assert "unencrypted http://" in reasons["plain-http.jpg"]
    assert seen[0] == SourceProgress("images", 0, 6) and seen[-1] == SourceProgress("images", 6, 6)
    images = images_of(db, "14.40.101")
    assert [bool(i.sha256) for i in images] == [True, False, False, False, False, False]
    assert all(i.source_url for i in images)

    # Again: only the five still missing are asked for; the stored one is not fetched twice.
    server.clear_log()
    assert fetch_missing_images(factory(db), client, media, max_bytes=4096).fetched == 0
    assert "/img/ok.png" not in [entry[0].path for entry in server.log]


def test_fetch_missing_images_limit_and_cancel(db: Database, server: HTTPServer, client: HttpClient,
                                               media: MediaStore) -> None:
    serve_images(server)
    iiif_without_images(db, server, client, media)
    assert fetch_missing_images(factory(db), client, media, limit=1).fetched == 1
    stopped = fetch_missing_images(factory(db), client, media, cancelled=lambda: True)
    assert stopped.cancelled and stopped.fetched == 0 and stopped.failed == []
    assert [f.url.rsplit("/", 1)[-1] for f in stopped.not_tried] == ["missing.jpg", "huge.png"]
    assert [bool(i.sha256) for i in images_of(db, "GU-2026.1")] == [True, False, False]


def test_image_rate_limit_stops_the_run_and_keeps_the_rest(db: Database, server: HTTPServer, media: MediaStore,
                                                           fake_time: FakeTime) -> None:
    client = HttpClient(sleep=fake_time.sleep, clock=fake_time.clock, retry=RetryPolicy(max_retries=0))
    server.expect_request("/img/ok.png").respond_with_data("", status=429, headers={"Retry-After": "90"})
    iiif_without_images(db, server, client, media)
    summary = fetch_missing_images(factory(db), client, media)
    assert summary.fetched == 0 and len(summary.failed) == 1
    assert summary.failed[0].reason == "127.0.0.1 asks us to slow down (try again in 90 s)."
    assert summary.stopped == summary.failed[0].reason
    assert [f.url.rsplit("/", 1)[-1] for f in summary.not_tried] == ["missing.jpg", "huge.png"]
    assert [entry[0].path for entry in server.log if entry[0].path.startswith("/img/")] == ["/img/ok.png"]


def test_an_unreachable_image_server_does_not_stop_the_others(db: Database, server: HTTPServer,
                                                              client: HttpClient, media: MediaStore) -> None:
    img = serve_images(server)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/gone.png"
    server.expect_request(f"{MET}/objects/101").respond_with_json(met_object(101, [closed, img["ok.png"]]))
    report = import_from_met(factory(db), client, [101], media, base_url=server.url_for(MET))
    assert report.imported == 1
    (warning,) = report.warnings
    assert warning.field == "image" and "cannot be reached" in warning.reason and "gone.png" in warning.reason
    assert [bool(i.sha256) for i in images_of(db, "14.40.101")] == [False, True]


def test_cancelling_during_the_image_download_keeps_the_objects(db: Database, server: HTTPServer,
                                                                client: HttpClient, media: MediaStore) -> None:
    serve_images(server)
    server.expect_request("/iiif/v3/manifest.json").respond_with_json(manifest_v3(server))
    state = {"images": False}

    def progress(p: SourceProgress) -> None:
        state["images"] = state["images"] or p.stage == "images"

    report = import_iiif_manifest(factory(db), client, server.url_for("/iiif/v3/manifest.json"), media,
                                  progress=progress, cancelled=lambda: state["images"])
    assert report.imported == 1
    assert [p.reason.split(": ", 1)[1] for p in report.warnings if p.field == "image"] == [
        "not fetched yet (the download was cancelled); fetching missing images later gets it"] * 3
    assert [i.sha256 for i in images_of(db, "GU-2026.1")] == ["", "", ""]
    assert fetch_missing_images(factory(db), client, media).fetched == 2  # later: all but the 404


# --- the command line ------------------------------------------------------------------------


def run_cli(home: Path, dbfile: Path, *args: str):
    import os
    import subprocess
    import sys

    env = dict(os.environ, CURATOR_CONSOLE_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "curator_console", "--db", str(dbfile), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def test_cli_import_source_met_iiif_and_fetch_images(server: HTTPServer, tmp_path: Path, curator_home: Path) -> None:
    img = serve_images(server)
    serve_met(server, img)
    dbfile = tmp_path / "cli.sqlite3"
    base = server.url_for(MET)
    met_run = run_cli(curator_home, dbfile, "import-source", "met", "--search", "lotus", "--limit", "5",
                      "--base-url", base, "--report", str(tmp_path / "met-report.csv"))
    assert met_run.returncode == 0, met_run.stderr
    last = met_run.stdout.strip().splitlines()[-1]
    assert last.startswith("imported=2")  # 101 and 102; 103 has no object number, 404404 does not exist
    assert "warning:" in met_run.stderr  # the broken image and the HTML page are named
    assert (tmp_path / "met-report.csv").exists()

    server.expect_request("/manifest.json").respond_with_json(manifest_v3(server))
    iiif_run = run_cli(curator_home, dbfile, "import-source", "iiif", server.url_for("/manifest.json"), "--no-images")
    assert iiif_run.returncode == 0, iiif_run.stderr
    assert iiif_run.stdout.strip().splitlines()[-1].startswith("imported=1")

    fetched = run_cli(curator_home, dbfile, "fetch-images")
    assert fetched.returncode == 0, fetched.stderr
    assert "fetched=" in fetched.stdout

    server.expect_request("/not-a-manifest").respond_with_data("<html>hi</html>", content_type="text/html")
    refused = run_cli(curator_home, dbfile, "import-source", "iiif", server.url_for("/not-a-manifest"))
    assert refused.returncode != 0 and "not" in refused.stderr.lower()
