"""The Art Institute of Chicago API: artwork search, artworks by id, and their mapping to
collection-object fields.

``GET {base}/artworks/search?q=…&limit=…&page=…&fields=…`` and ``GET {base}/artworks?ids=…&fields=…``
answer ``{"pagination": {"total", "current_page", "total_pages", …}, "data": [...],
"config": {"iiif_url": …}}``. ``limit`` is at most 100. Anonymous callers get 60 requests a
minute, so the client paces the API's host at one request a second; AIC asks every caller to name
itself in an ``AIC-User-Agent`` header.

An image is ``{iiif_url}/{image_id}/full/843,/0/default.jpg`` (IIIF Image API 2; 843 px wide is
the size AIC recommends and caches).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from curator_console import APP_NAME, __version__
from curator_console.connectors.errors import UnexpectedResponseError
from curator_console.connectors.http import HttpClient
from curator_console.connectors.met import text, year

NAME = "Art Institute of Chicago"
SOURCE = "aic"
DEFAULT_BASE_URL = "https://api.artic.edu/api/v1"
DEFAULT_IIIF_URL = "https://www.artic.edu/iiif/2"
REQUESTS_PER_MINUTE = 60
MIN_INTERVAL = 60.0 / REQUESTS_PER_MINUTE
MAX_LIMIT = 100
FIELDS = (
    "id", "title", "artist_display", "date_display", "date_start", "date_end", "medium_display",
    "dimensions", "credit_line", "place_of_origin", "main_reference_number", "image_id",
    "is_public_domain",
)
USER_AGENT = f"{APP_NAME} ({__version__})"
ARTWORK_PAGE_URL = "https://www.artic.edu/artworks/{id}"


def image_url(iiif_url: str, image_id: str, width: int = 843) -> str:
    """A IIIF Image API 2 URL of the whole image ``width`` pixels wide ("" without an image)."""
    if not image_id:
        return ""
    return f"{(iiif_url or DEFAULT_IIIF_URL).rstrip('/')}/{image_id}/full/{width},/0/default.jpg"


def artwork_fields(art: dict[str, Any], iiif_url: str) -> dict[str, Any]:
    """An AIC artwork as collection-object fields (``CollectionItem`` column names plus ``tags``
    and ``images``, a list of remote image URLs)."""
    art_id = text(art.get("id"))
    image = image_url(iiif_url, text(art.get("image_id")))
    public = art.get("is_public_domain")
    # "Claude Monet\nFrench, 1840–1926": one line, still searchable by name.
    maker = ", ".join(line.strip() for line in text(art.get("artist_display")).splitlines() if line.strip())
    return {
        "object_number": text(art.get("main_reference_number")),
        "title": text(art.get("title")),
        "maker": maker,
        "culture": text(art.get("place_of_origin")),
        "date_text": text(art.get("date_display")),
        "begin_year": year(art.get("date_start")),
        "end_year": year(art.get("date_end")),
        "medium": text(art.get("medium_display")),
        "dimensions": text(art.get("dimensions")),
        "credit_line": text(art.get("credit_line")),
        "rights": "Public domain" if public is True else ("Not in the public domain" if public is False else ""),
        "source": SOURCE,
        "source_ref": ARTWORK_PAGE_URL.format(id=art_id) if art_id else "",
        "tags": [],
        "images": [image] if image else [],
    }


@dataclass(frozen=True)
class AicPage:
    """One page of AIC results."""

    artworks: list[dict[str, Any]]
    iiif_url: str
    total: int
    current_page: int
    total_pages: int
    items: list[dict[str, Any]] = field(default_factory=list)  # artwork_fields of each artwork


class AicCollection:
    """AIC's API over the shared client (paced one request a second for the API's host)."""

    def __init__(self, client: HttpClient, base_url: str = DEFAULT_BASE_URL) -> None:
        self.client = client
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        host = urlsplit(self.base_url).hostname or ""
        current = client.min_interval.get(host.lower(), client.default_min_interval)
        client.set_min_interval(host, max(current, MIN_INTERVAL))
        self.headers = {"AIC-User-Agent": USER_AGENT}

    def search(self, query: str, page: int = 1, limit: int = 20) -> AicPage:
        """One page of artworks matching ``query`` (``limit`` clamped to 1…100)."""
        params = {
            "q": (query or "").strip(),
            "page": str(max(1, int(page))),
            "limit": str(min(MAX_LIMIT, max(1, int(limit)))),
            "fields": ",".join(FIELDS),
        }
        return self._page(f"{self.base_url}/artworks/search", params)

    def artworks(self, ids: list[int | str]) -> AicPage:
        """The artworks with these ids (at most 100 at once; unknown ids are simply absent)."""
        clean = [str(i).strip() for i in ids if str(i).strip().isdigit()]
        if len(clean) > MAX_LIMIT:
            raise ValueError(f"At most {MAX_LIMIT} artworks at once.")
        if not clean:
            return AicPage([], DEFAULT_IIIF_URL, 0, 1, 0)
        params = {"ids": ",".join(clean), "limit": str(len(clean)), "fields": ",".join(FIELDS)}
        return self._page(f"{self.base_url}/artworks", params)

    def _page(self, url: str, params: dict[str, str]) -> AicPage:
        data = self.client.get_json(url, params=params, headers=self.headers, platform=NAME)
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise UnexpectedResponseError(f"{NAME}'s answer lacks its list of artworks (“data”).", NAME)
        config = data.get("config") if isinstance(data.get("config"), dict) else {}
        iiif = text(config.get("iiif_url")) or DEFAULT_IIIF_URL
        pagination = data.get("pagination") if isinstance(data.get("pagination"), dict) else {}
        artworks = [a for a in data["data"] if isinstance(a, dict)]
        total = year(pagination.get("total"))
        return AicPage(
            artworks=artworks,
            iiif_url=iiif,
            total=len(artworks) if total is None else total,
            current_page=year(pagination.get("current_page")) or 1,
            total_pages=year(pagination.get("total_pages")) or (1 if artworks else 0),
            items=[artwork_fields(a, iiif) for a in artworks],
        )
