"""IIIF manifests and remote images fetched from a local fake server (pytest-httpserver)."""

from __future__ import annotations

import struct
import zlib

import pytest
from pytest_httpserver import HTTPServer

from curator_console.connectors.errors import InsecureAddressError, UnexpectedResponseError
from curator_console.connectors.http import HttpClient
from curator_console.connectors.iiif_fetch import (
    ImageFetchError,
    NotAManifestError,
    fetch_image_bytes,
    fetch_manifest,
    manifest_version,
)

V2 = "http://iiif.io/api/presentation/2/context.json"
V3 = "http://iiif.io/api/presentation/3/context.json"


def tiny_png(width: int = 2, height: int = 1) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def manifest_v3(base: str) -> dict:
    return {"@context": V3, "id": f"{base}/manifest.json", "type": "Manifest", "label": {"en": ["Vase"]},
            "items": [{"id": f"{base}/canvas/1", "type": "Canvas", "items": [{"type": "AnnotationPage", "items": [
                {"type": "Annotation", "motivation": "painting",
                 "body": {"id": f"{base}/img.png", "type": "Image", "format": "image/png"}}]}]}]}


def manifest_v2(base: str) -> dict:
    return {"@context": V2, "@id": f"{base}/manifest.json", "@type": "sc:Manifest", "label": "Vase",
            "sequences": [{"@type": "sc:Sequence", "canvases": [
                {"@id": f"{base}/canvas/1", "@type": "sc:Canvas",
                 "images": [{"resource": {"@id": f"{base}/img.png"}}]}]}]}


# --- manifests ---------------------------------------------------------------------------------


def test_presentation_3_manifest(server: HTTPServer, client: HttpClient) -> None:
    body = manifest_v3(server.url_for(""))
    server.expect_request("/m3.json").respond_with_json(body, content_type="application/ld+json")
    data = fetch_manifest(client, server.url_for("/m3.json"))
    assert data == body and manifest_version(data) == 3


def test_presentation_2_manifest(server: HTTPServer, client: HttpClient) -> None:
    body = manifest_v2(server.url_for(""))
    server.expect_request("/m2.json").respond_with_json(body)
    data = fetch_manifest(client, server.url_for("/m2.json"))
    assert data == body and manifest_version(data) == 2


def test_context_lists_https_and_bom_are_accepted(server: HTTPServer, client: HttpClient) -> None:
    body = manifest_v3("https://example.org")
    body["@context"] = ["http://www.w3.org/ns/anno.jsonld", V3.replace("http://", "https://")]
    import json
    server.expect_request("/m.json").respond_with_data(b"\xef\xbb\xbf" + json.dumps(body).encode(),
                                                       content_type="text/plain")
    assert manifest_version(fetch_manifest(client, server.url_for("/m.json"))) == 3


@pytest.mark.parametrize(("body", "message"), [
    ({"@context": V3, "type": "Collection", "items": []}, "IIIF collection"),
    ({"@context": V2, "@type": "sc:Collection", "manifests": []}, "IIIF collection"),
    ({"@context": "http://iiif.io/api/image/2/context.json", "@id": "x", "protocol": "http://iiif.io/api/image"},
     "image description"),
    ({"@context": V3, "type": "Canvas"}, "of type canvas, not a manifest"),
    ({"title": "just some JSON"}, "names no IIIF Presentation context"),
    ([1, 2, 3], "not an object"),
])
def test_other_documents_are_refused_plainly(server: HTTPServer, client: HttpClient, body, message: str) -> None:
    server.expect_request("/doc.json").respond_with_json(body)
    with pytest.raises(NotAManifestError, match=message) as info:
        fetch_manifest(client, server.url_for("/doc.json") + "?token=SECRET")
    assert "/doc.json" in str(info.value) and "SECRET" not in str(info.value)


def test_a_web_page_is_not_a_manifest(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request("/viewer").respond_with_data("<!doctype html><title>Viewer</title>",
                                                       content_type="text/html; charset=utf-8")
    with pytest.raises(NotAManifestError, match=r"the answer is text/html, not JSON"):
        fetch_manifest(client, server.url_for("/viewer"))


def test_missing_manifest_is_404(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request("/gone.json").respond_with_data("not found", status=404)
    with pytest.raises(UnexpectedResponseError, match="HTTP 404"):
        fetch_manifest(client, server.url_for("/gone.json"))


def test_plain_http_elsewhere_is_refused_before_any_request(client: HttpClient) -> None:
    with pytest.raises(InsecureAddressError):
        fetch_manifest(client, "http://iiif.example.org/manifest.json")


# --- images ------------------------------------------------------------------------------------


def test_image_bytes(server: HTTPServer, client: HttpClient) -> None:
    png = tiny_png()
    server.expect_request("/img.png").respond_with_data(png, content_type="image/png")
    assert fetch_image_bytes(client, server.url_for("/img.png"), max_bytes=10_000) == png


def test_declared_length_over_the_cap_is_refused(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request("/big.png").respond_with_data(tiny_png() + b"\x00" * 5000, content_type="image/png")
    with pytest.raises(ImageFetchError, match=r"too large \(5 KB; at most 1000 bytes\)"):
        fetch_image_bytes(client, server.url_for("/big.png"), max_bytes=1000)


def test_chunked_body_over_the_cap_is_refused(server: HTTPServer, client: HttpClient) -> None:
    from werkzeug import Response

    def chunked(_request):
        return Response((part for part in [tiny_png(), b"\x00" * 3000]), content_type="image/png")

    server.expect_request("/chunked.png").respond_with_handler(chunked)
    with pytest.raises(ImageFetchError, match="too large"):
        fetch_image_bytes(client, server.url_for("/chunked.png"), max_bytes=1000)


def test_empty_image_is_refused(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request("/empty.png").respond_with_data(b"", content_type="image/png")
    with pytest.raises(ImageFetchError, match="empty"):
        fetch_image_bytes(client, server.url_for("/empty.png"), max_bytes=1000)


def test_broken_json_is_named_as_such(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request("/bad.json").respond_with_data('{"@context": ', content_type="application/json")
    with pytest.raises(NotAManifestError, match=r"the answer is broken JSON"):
        fetch_manifest(client, server.url_for("/bad.json"))


def test_a_manifest_without_context_is_read_by_its_type() -> None:
    assert manifest_version({"type": "Manifest", "items": []}) == 3
    assert manifest_version({"@type": "sc:Manifest", "sequences": []}) == 2
