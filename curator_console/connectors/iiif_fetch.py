"""IIIF Presentation manifests (versions 2 and 3) fetched over HTTP, and remote images fetched
with a size cap.

A manifest is JSON-LD: version 3 has ``"@context": ".../presentation/3/context.json"`` (a string
or a list that ends with it) and ``"type": "Manifest"``; version 2 has the ``/presentation/2/``
context and ``"@type": "sc:Manifest"``. Anything else — a IIIF Collection, an Image API
``info.json``, a web page — is refused with a plain message naming what it is.

Parsing a manifest into object records is the importers' job (``importers.iiif``); this module
only fetches and checks.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from curator_console.connectors.errors import UnexpectedResponseError
from curator_console.connectors.http import HttpClient, TooLargeError, read_capped, safe_url

NAME = "IIIF"
PRESENTATION_2 = "http://iiif.io/api/presentation/2/context.json"
PRESENTATION_3 = "http://iiif.io/api/presentation/3/context.json"
MAX_MANIFEST_BYTES = 32 * 1024 * 1024


class NotAManifestError(UnexpectedResponseError):
    """The address answered, but not with a IIIF Presentation 2 or 3 manifest."""


def _contexts(data: dict[str, Any]) -> list[str]:
    ctx = data.get("@context")
    if isinstance(ctx, str):
        return [ctx]
    if isinstance(ctx, list):
        return [c for c in ctx if isinstance(c, str)]
    return []


def _types(data: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for key in ("type", "@type"):
        value = data.get(key)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str):
                out.add(v.split(":")[-1].lower())  # "sc:Manifest" → "manifest"
    return out


def manifest_version(data: Any, where: str = "The document") -> int:
    """2 or 3 for a Presentation manifest; NotAManifestError (plain words) for anything else."""
    if not isinstance(data, dict):
        raise NotAManifestError(f"{where} is not a IIIF manifest (the JSON is not an object).", NAME)
    contexts = " ".join(c.replace("https://", "http://") for c in _contexts(data))
    types = _types(data)
    if "/presentation/3/" in contexts:
        version = 3
    elif "/presentation/2/" in contexts:
        version = 2
    elif not contexts and types & {"manifest", "collection"}:  # no @context: go by the type alone
        version = 2 if any(isinstance(data.get(k), str) and data[k].startswith("sc:") for k in ("@type", "type")) else 3
    elif "/image/" in contexts or "protocol" in data:
        raise NotAManifestError(f"{where} is a IIIF image description (info.json), not a manifest.", NAME)
    else:
        raise NotAManifestError(
            f"{where} is not a IIIF Presentation 2 or 3 manifest (it names no IIIF Presentation context).", NAME)
    if "collection" in types:
        raise NotAManifestError(
            f"{where} is a IIIF collection (a list of manifests), not a manifest: open one of its manifests.", NAME)
    if "manifest" not in types:
        kind = ", ".join(sorted(types)) or "no type"
        raise NotAManifestError(f"{where} is a IIIF Presentation {version} document of type {kind}, not a manifest.",
                                NAME)
    return version


def fetch_manifest(client: HttpClient, url: str, *, allow_insecure_http: bool = False) -> dict[str, Any]:
    """The manifest at ``url`` as a dict, checked to be a Presentation 2 or 3 manifest."""
    where = f"“{safe_url(url)}”"
    response = client.request("GET", url, platform=NAME, allow_insecure_http=allow_insecure_http,
                              headers={"Accept": "application/ld+json, application/json;q=0.9, */*;q=0.1"})
    body = response.content
    if len(body) > MAX_MANIFEST_BYTES:
        raise NotAManifestError(f"{where} is too large for a manifest ({len(body) // (1024 * 1024)} MB).", NAME)
    try:
        data = json.loads(body)  # bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 detected
    except ValueError:
        kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        what = "broken JSON" if not kind or "json" in kind else f"{kind}, not JSON"
        raise NotAManifestError(f"{where} is not a IIIF manifest (the answer is {what}).", NAME) from None
    manifest_version(data, where)
    return data


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


class ImageFetchError(Exception):
    """A remote image could not be fetched; the message says why in plain words."""


def fetch_image_bytes(client: HttpClient, url: str, max_bytes: int, *, allow_insecure_http: bool = False) -> bytes:
    """The bytes at ``url``, refused when larger than ``max_bytes``: a declared Content-Length over
    the limit is refused before reading, and the download stops as soon as it passes the limit.
    Errors from the client (``PlatformError``: unreachable, 404, 429 …) pass through unchanged."""
    host = urlsplit(url).hostname or ""  # messages name the image's server
    response = client.request("GET", url, platform=host, allow_insecure_http=allow_insecure_http,
                              headers={"Accept": "image/*"}, stream=True)
    try:
        data = read_capped(response, max_bytes, host)
    except TooLargeError:
        declared = (response.headers.get("Content-Length") or "").strip()
        size = f"{size_text(int(declared))}; " if declared.isdigit() else ""
        raise ImageFetchError(f"the image is too large ({size}at most {size_text(max_bytes)})") from None
    if not data:
        raise ImageFetchError("the server sent an empty file")
    return data
