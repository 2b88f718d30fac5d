"""The Met Collection API connector against a local fake (pytest-httpserver on 127.0.0.1).

Shapes follow the brief's PLATFORM_APIS §5. No test reaches the internet or sleeps: the client's
sleep and clock are recorders.
"""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from tests.integration.connectors.conftest import FakeTime

from curator_console.connectors.errors import PlatformUnavailableError, RateLimitedError, UnexpectedResponseError
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.connectors.met import MIN_INTERVAL, MetCollection, object_fields, period_text

PREFIX = "/public/collection/v1"


def met(server: HTTPServer, client: HttpClient) -> MetCollection:
    return MetCollection(client, server.url_for(PREFIX))


def met_object(object_id: int = 42, **overrides) -> dict:
    """A Met object in the documented shape (missing values as empty strings)."""
    body = {
        "objectID": object_id, "isHighlight": False, "accessionNumber": f"29.100.{object_id}",
        "isPublicDomain": True,
        "primaryImage": f"https://images.metmuseum.org/CRDImages/as/original/{object_id}.jpg",
        "primaryImageSmall": f"https://images.metmuseum.org/CRDImages/as/web-large/{object_id}.jpg",
        "additionalImages": [f"https://images.metmuseum.org/CRDImages/as/original/{object_id}_2.jpg"],
        "department": "Asian Art", "objectName": "Vase", "title": "Vase with Flowers",
        "culture": "China", "period": "Ming dynasty (1368–1644)", "dynasty": "", "reign": "Xuande",
        "artistDisplayName": "", "objectDate": "early 15th century", "objectBeginDate": 1400,
        "objectEndDate": 1435, "medium": "Porcelain painted in underglaze cobalt blue",
        "dimensions": "H. 30 cm", "creditLine": "Bequest of Mrs. H. O. Havemeyer, 1929",
        "classification": "Ceramics", "tags": [{"term": "Flowers", "AAT_URL": "x"}, {"term": "Vases"}],
        "objectURL": f"https://www.metmuseum.org/art/collection/search/{object_id}",
    }
    body.update(overrides)
    return body


# --- search ------------------------------------------------------------------------------------


def test_search_returns_object_ids_and_asks_for_images(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/search", query_string={"q": "青花 vase", "hasImages": "true"}).respond_with_json(
        {"total": 3, "objectIDs": [42, 7, 42, 9]})
    assert met(server, client).search("青花 vase") == [42, 7, 9]


def test_search_without_image_filter(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/search", query_string={"q": "bowl"}).respond_with_json(
        {"total": 1, "objectIDs": [5]})
    assert met(server, client).search("bowl", has_images=False) == [5]


def test_null_object_ids_mean_no_results(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/search").respond_with_json({"total": 0, "objectIDs": None})
    assert met(server, client).search("nothing like this") == []


def test_empty_query_asks_nothing(server: HTTPServer, client: HttpClient) -> None:
    assert met(server, client).search("   ") == []
    assert server.log == []


def test_search_answer_of_wrong_shape_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/search").respond_with_json({"total": 1, "objectIDs": "42"})
    with pytest.raises(UnexpectedResponseError, match="objectIDs"):
        met(server, client).search("vase")


# --- objects -----------------------------------------------------------------------------------


def test_object_is_fetched_and_mapped(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/objects/42").respond_with_json(met_object(42))
    fields = object_fields(met(server, client).object(42))
    assert fields == {
        "object_number": "29.100.42", "title": "Vase with Flowers", "maker": "", "culture": "China",
        "period": "Ming dynasty (1368–1644)", "date_text": "early 15th century", "begin_year": 1400,
        "end_year": 1435, "medium": "Porcelain painted in underglaze cobalt blue", "dimensions": "H. 30 cm",
        "classification": "Ceramics", "credit_line": "Bequest of Mrs. H. O. Havemeyer, 1929",
        "rights": "Public domain", "source": "met",
        "source_ref": "https://www.metmuseum.org/art/collection/search/42", "tags": ["Flowers", "Vases"],
        "images": ["https://images.metmuseum.org/CRDImages/as/original/42.jpg",
                   "https://images.metmuseum.org/CRDImages/as/original/42_2.jpg"],
    }


def test_unknown_object_is_none(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/objects/404404").respond_with_json({"message": "ObjectID not found"}, status=404)
    assert met(server, client).object(404404) is None


def test_non_numeric_id_asks_nothing(server: HTTPServer, client: HttpClient) -> None:
    assert met(server, client).object("../search") is None
    assert server.log == []


def test_empty_strings_and_nulls_become_empty_fields() -> None:
    sparse = {"objectID": 7, "accessionNumber": "", "title": "", "artistDisplayName": None, "objectDate": "",
              "objectBeginDate": 0, "objectEndDate": 0, "culture": "", "period": "", "dynasty": "",
              "medium": "", "dimensions": "", "creditLine": "", "department": "", "objectName": "",
              "isPublicDomain": False, "primaryImage": "", "additionalImages": [], "tags": None, "objectURL": ""}
    fields = object_fields(sparse)
    assert fields["object_number"] == "" and fields["title"] == "" and fields["maker"] == ""
    assert fields["begin_year"] is None and fields["end_year"] is None
    assert fields["images"] == [] and fields["tags"] == []
    assert fields["rights"] == "Not in the public domain"
    assert fields["source_ref"] == "https://www.metmuseum.org/art/collection/search/7"
    assert object_fields({})["source_ref"] == ""


def test_classification_falls_back_to_object_name_then_department() -> None:
    assert object_fields(met_object(classification=""))["classification"] == "Vase"
    assert object_fields(met_object(classification="", objectName=""))["classification"] == "Asian Art"


@pytest.mark.parametrize(("period", "dynasty", "expected"), [
    ("", "Qing dynasty", "Qing dynasty"),
    ("Edo period", "", "Edo period"),
    ("Kofun period", "Yamato", "Kofun period / Yamato"),
    ("Ming dynasty (1368–1644)", "Ming dynasty", "Ming dynasty (1368–1644)"),
    ("", "", ""),
])
def test_period_and_dynasty(period: str, dynasty: str, expected: str) -> None:
    assert period_text(period, dynasty) == expected


# --- pacing and errors -------------------------------------------------------------------------


def test_requests_are_paced_under_80_a_second(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_request(f"{PREFIX}/objects/1").respond_with_json(met_object(1))
    api = met(server, client)
    assert client.min_interval["127.0.0.1"] == pytest.approx(MIN_INTERVAL) and MIN_INTERVAL >= 1 / 80
    for _ in range(4):
        api.object(1)
    assert fake_time.sleeps == pytest.approx([MIN_INTERVAL] * 3)  # the first goes at once, then one slot each


def test_a_slower_pacing_already_set_is_kept(server: HTTPServer, client: HttpClient) -> None:
    client.set_min_interval("127.0.0.1", 2.0)
    met(server, client)
    assert client.min_interval["127.0.0.1"] == 2.0


def test_rate_limit_is_a_plain_rate_limited_error(server: HTTPServer, fake_time: FakeTime) -> None:
    client = HttpClient(sleep=fake_time.sleep, clock=fake_time.clock, retry=RetryPolicy(max_retries=0))
    server.expect_request(f"{PREFIX}/search").respond_with_data("Too Many Requests", status=429,
                                                                 headers={"Retry-After": "120"})
    with pytest.raises(RateLimitedError) as info:
        met(server, client).search("vase")
    assert str(info.value) == "The Met asks us to slow down (try again in 120 s)."
    assert info.value.retry_after == 120


def test_short_retry_after_is_waited_for(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_ordered_request(f"{PREFIX}/search").respond_with_data("", status=429, headers={"Retry-After": "3"})
    server.expect_ordered_request(f"{PREFIX}/search").respond_with_json({"total": 1, "objectIDs": [1]})
    assert met(server, client).search("vase") == [1]
    assert 3.0 in fake_time.sleeps


def test_server_errors_are_retried_then_reported(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request(f"{PREFIX}/objects/3").respond_with_data("oops", status=502)
    with pytest.raises(PlatformUnavailableError, match=r"The Met is having trouble \(HTTP 502\)"):
        met(server, client).object(3)
    assert len(server.log) == 4  # the first attempt and three retries
