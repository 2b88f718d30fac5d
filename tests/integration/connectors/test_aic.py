"""The Art Institute of Chicago API connector against a local fake (pytest-httpserver).

Shapes follow the brief's PLATFORM_APIS §5. No test reaches the internet or sleeps: the client's
sleep and clock are recorders.
"""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from tests.integration.connectors.conftest import FakeTime

from curator_console import __version__
from curator_console.connectors.aic import (
    FIELDS,
    MIN_INTERVAL,
    AicCollection,
    artwork_fields,
    image_url,
)
from curator_console.connectors.errors import RateLimitedError, UnexpectedResponseError
from curator_console.connectors.http import HttpClient, RetryPolicy

PREFIX = "/api/v1"
IIIF = "https://www.artic.edu/iiif/2"
UA = {"AIC-User-Agent": f"Curator Console ({__version__})"}


def aic(server: HTTPServer, client: HttpClient) -> AicCollection:
    return AicCollection(client, server.url_for(PREFIX))


def artwork(art_id: int = 27992, **overrides) -> dict:
    body = {
        "_score": 120.5, "id": art_id, "title": "A Sunday on La Grande Jatte — 1884",
        "artist_display": "Georges Seurat\nFrench, 1859-1891", "date_display": "1884/86",
        "date_start": 1884, "date_end": 1886, "medium_display": "Oil on canvas",
        "dimensions": "207.5 × 308.1 cm (81 3/4 × 121 1/4 in.)",
        "credit_line": "Helen Birch Bartlett Memorial Collection", "place_of_origin": "France",
        "main_reference_number": "1926.224", "image_id": "2d484387-2509-5e8e-2c43-22f9981972eb",
        "is_public_domain": True,
    }
    body.update(overrides)
    return body


def page(artworks: list[dict], total: int, current: int, pages: int, limit: int = 2) -> dict:
    return {"preference": None,
            "pagination": {"total": total, "limit": limit, "offset": (current - 1) * limit,
                           "total_pages": pages, "current_page": current},
            "data": artworks,
            "info": {"license_text": "…", "version": "1.13"},
            "config": {"iiif_url": IIIF, "website_url": "http://www.artic.edu"}}


def test_search_sends_fields_paging_and_user_agent(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(
        f"{PREFIX}/artworks/search", headers=UA,
        query_string={"q": "seurat", "page": "2", "limit": "2", "fields": ",".join(FIELDS)},
    ).respond_with_json(page([artwork(), artwork(111, image_id=None, main_reference_number="1999.1")], 5, 2, 3))
    result = aic(server, client).search("seurat", page=2, limit=2)
    assert (result.total, result.current_page, result.total_pages) == (5, 2, 3)
    assert result.iiif_url == IIIF
    assert [a["id"] for a in result.artworks] == [27992, 111]
    first, second = result.items
    assert first == {
        "object_number": "1926.224", "title": "A Sunday on La Grande Jatte — 1884",
        "maker": "Georges Seurat, French, 1859-1891", "culture": "France", "date_text": "1884/86",
        "begin_year": 1884, "end_year": 1886, "medium": "Oil on canvas",
        "dimensions": "207.5 × 308.1 cm (81 3/4 × 121 1/4 in.)",
        "credit_line": "Helen Birch Bartlett Memorial Collection", "rights": "Public domain", "source": "aic",
        "source_ref": "https://www.artic.edu/artworks/27992", "tags": [],
        "images": [f"{IIIF}/2d484387-2509-5e8e-2c43-22f9981972eb/full/843,/0/default.jpg"],
    }
    assert second["images"] == []


def test_limit_is_at_most_100(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/artworks/search",
                          query_string={"q": "vase", "page": "1", "limit": "100", "fields": ",".join(FIELDS)}
                          ).respond_with_json(page([], 0, 1, 0))
    result = aic(server, client).search("vase", page=0, limit=500)
    assert result.artworks == [] and result.total == 0


def test_artworks_by_id(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/artworks", headers=UA,
                          query_string={"ids": "27992,111", "limit": "2", "fields": ",".join(FIELDS)}
                          ).respond_with_json(page([artwork(), artwork(111)], 2, 1, 1))
    result = aic(server, client).artworks([27992, "111", "not-an-id"])
    assert [i["source_ref"] for i in result.items] == ["https://www.artic.edu/artworks/27992",
                                                        "https://www.artic.edu/artworks/111"]
    assert aic(server, client).artworks([]).artworks == []


def test_missing_iiif_url_falls_back_to_aics_own(server: HTTPServer, client: HttpClient) -> None:
    body = page([artwork()], 1, 1, 1)
    del body["config"]
    server.expect_request(f"{PREFIX}/artworks/search").respond_with_json(body)
    result = aic(server, client).search("seurat")
    assert result.items[0]["images"][0].startswith("https://www.artic.edu/iiif/2/")


def test_nulls_and_empty_values(server: HTTPServer) -> None:
    fields = artwork_fields({"id": 5, "title": None, "artist_display": "", "date_start": None,
                             "image_id": "", "is_public_domain": False}, IIIF)
    assert fields["title"] == "" and fields["maker"] == "" and fields["begin_year"] is None
    assert fields["images"] == [] and fields["rights"] == "Not in the public domain"
    assert image_url(IIIF + "/", "abc", 200) == f"{IIIF}/abc/full/200,/0/default.jpg"


def test_answer_without_data_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/artworks/search").respond_with_json({"error": "nope"})
    with pytest.raises(UnexpectedResponseError, match="data"):
        aic(server, client).search("x")


def test_one_request_a_second(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_request(f"{PREFIX}/artworks/search").respond_with_json(page([artwork()], 1, 1, 1))
    api = aic(server, client)
    assert MIN_INTERVAL == 1.0 and client.min_interval["127.0.0.1"] == 1.0
    for _ in range(3):
        api.search("seurat")
    assert fake_time.sleeps == [1.0, 1.0]


def test_rate_limit_is_a_plain_rate_limited_error(server: HTTPServer, fake_time: FakeTime) -> None:
    client = HttpClient(sleep=fake_time.sleep, clock=fake_time.clock, retry=RetryPolicy(max_retries=1))
    server.expect_request(f"{PREFIX}/artworks/search").respond_with_json(
        {"status": 429, "error": "Too many requests"}, status=429, headers={"Retry-After": "60"})
    with pytest.raises(RateLimitedError) as info:
        aic(server, client).search("seurat")
    assert str(info.value) == "Art Institute of Chicago asks us to slow down (try again in 60 s)."
    assert "seurat" not in str(info.value)
