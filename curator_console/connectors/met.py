"""The Metropolitan Museum of Art Collection API: search, object details, and their mapping to
collection-object fields.

``GET {base}/search?q=…&hasImages=true`` → ``{"total": N, "objectIDs": [...] | null}`` (null means
no results); ``GET {base}/objects/{id}`` → one object, or 404 for an id the Met no longer serves
(its search index does return such ids now and then). No key is needed; the Met asks callers to
stay under 80 requests a second, so the client paces the API host at 1/80 s a request.

Missing values are usually empty strings (sometimes null or absent): every field here is read
defensively and ends up as a plain string, or None for years.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from curator_console.connectors.errors import UnexpectedResponseError
from curator_console.connectors.http import HttpClient, decode_json

NAME = "The Met"
SOURCE = "met"
DEFAULT_BASE_URL = "https://collectionapi.metmuseum.org/public/collection/v1"
MAX_REQUESTS_PER_SECOND = 80
MIN_INTERVAL = 1.0 / MAX_REQUESTS_PER_SECOND
OBJECT_PAGE_URL = "https://www.metmuseum.org/art/collection/search/{id}"


def text(value: Any) -> str:
    """A field as a stripped string: None, absent, lists and dicts become ""."""
    if value is None or isinstance(value, (list, dict, bool)):
        return ""
    return str(value).strip()


def year(value: Any) -> int | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        try:
            return int(float(str(value)))
        except (TypeError, ValueError):
            return None


def period_text(period: str, dynasty: str) -> str:
    """The Met keeps period and dynasty apart; the app has one column for both."""
    if not period:
        return dynasty
    if not dynasty or dynasty.lower() in period.lower():
        return period
    return f"{period} / {dynasty}"


def object_fields(obj: dict[str, Any]) -> dict[str, Any]:
    """A Met object as collection-object fields (the names of ``CollectionItem``'s columns plus
    ``tags`` and ``images``, a list of remote image URLs, primary first)."""
    object_id = text(obj.get("objectID"))
    begin, end = year(obj.get("objectBeginDate")), year(obj.get("objectEndDate"))
    date_text = text(obj.get("objectDate"))
    if not date_text and begin == 0 and end == 0:  # the Met's "unknown"
        begin = end = None
    tags: list[str] = []
    for tag in obj.get("tags") or []:
        term = text(tag.get("term")) if isinstance(tag, dict) else text(tag)
        if term and term not in tags:
            tags.append(term)
    images: list[str] = []
    for url in [obj.get("primaryImage"), *(obj.get("additionalImages") or [])]:
        url = text(url)
        if url and url not in images:
            images.append(url)
    public = obj.get("isPublicDomain")
    return {
        "object_number": text(obj.get("accessionNumber")),
        "title": text(obj.get("title")),
        "maker": text(obj.get("artistDisplayName")),
        "culture": text(obj.get("culture")),
        "period": period_text(text(obj.get("period")), text(obj.get("dynasty"))),
        "date_text": date_text,
        "begin_year": begin,
        "end_year": end,
        "medium": text(obj.get("medium")),
        "dimensions": text(obj.get("dimensions")),
        "classification": text(obj.get("classification")) or text(obj.get("objectName"))
        or text(obj.get("department")),
        "credit_line": text(obj.get("creditLine")),
        "rights": "Public domain" if public is True else ("Not in the public domain" if public is False else ""),
        "source": SOURCE,
        "source_ref": text(obj.get("objectURL")) or (OBJECT_PAGE_URL.format(id=object_id) if object_id else ""),
        "tags": tags,
        "images": images,
    }


class MetCollection:
    """The Met's API over the shared client (which it paces for the API's host)."""

    def __init__(self, client: HttpClient, base_url: str = DEFAULT_BASE_URL) -> None:
        self.client = client
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        host = urlsplit(self.base_url).hostname or ""
        current = client.min_interval.get(host.lower(), client.default_min_interval)
        client.set_min_interval(host, max(current, MIN_INTERVAL))

    def search(self, query: str, has_images: bool = True) -> list[int]:
        """Object ids matching ``query`` (the Met's order); [] when there are none."""
        query = (query or "").strip()
        if not query:
            return []
        params: dict[str, str] = {"q": query}
        if has_images:
            params["hasImages"] = "true"
        data = self.client.get_json(f"{self.base_url}/search", params=params, platform=NAME)
        if not isinstance(data, dict):
            raise UnexpectedResponseError(f"{NAME} answered the search with something other than a result.", NAME)
        ids = data.get("objectIDs")
        if ids is None:
            return []
        if not isinstance(ids, list):
            raise UnexpectedResponseError(f"{NAME}'s search answer has an unexpected “objectIDs”.", NAME)
        out: list[int] = []
        for value in ids:
            number = year(value)
            if number is not None and number not in out:
                out.append(number)
        return out

    def object(self, object_id: int | str) -> dict[str, Any] | None:
        """One object's record, or None when the Met does not know (any more) this id (404)."""
        oid = str(object_id).strip()
        if not oid.isdigit():
            return None
        response = self.client.request("GET", f"{self.base_url}/objects/{quote(oid)}", platform=NAME,
                                        ok_statuses=(404,))
        if response.status_code == 404:
            return None
        data = decode_json(response, NAME)
        if not isinstance(data, dict):
            raise UnexpectedResponseError(f"{NAME} answered with something other than an object for {oid}.", NAME)
        return data
