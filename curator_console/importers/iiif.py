"""IIIF Presentation 2 and 3 manifests → one ``ObjectRecord`` per manifest.

The manifest must already be loaded (from a file, or fetched over HTTP by the connector that calls
``records_from_manifest``). What is read:

- ``label`` → title and alt_title: a language map's Chinese (``zh``, ``zh-Hans``, ``zh-CN`` …) goes
  to ``title`` and its English to ``alt_title``; without Chinese the English (or ``none``) is the title.
- ``summary`` (v3) / ``description`` (v2) → description / alt_description by the same rule.
- ``metadata`` label/value pairs through the same header mapping as CSV columns (so a label
  ``Object Number``, ``Accession number``, ``藏品编号`` or ``Date`` lands where a column of that name
  would); values with several languages are joined as ``中文 / English``; the limited HTML IIIF
  allows in values is reduced to text.
- ``requiredStatement`` (v3) / ``attribution`` (v2) → credit_line; ``rights`` / ``license`` → rights.
- images: v3 ``items[].items[].items[].body.id`` (a ``Choice`` body's first item; without an ``id``
  the image service's full-size URL), v2 ``sequences[].canvases[].images[].resource.@id`` (or its
  service). At most ``MAX_IMAGES`` per manifest.
- source_ref: the URL the manifest was fetched from, else its ``id`` / ``@id``.
- object_number: from the metadata; a manifest without one uses its ``id`` (with a warning), so
  importing the same manifest again updates the same object.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from curator_console.importers.mapping import auto_targets, normalize_header, parse_targets
from curator_console.importers.records import MULTI_FIELDS, ImportFileError, ObjectRecord, RowProblem, make_record

MAX_IMAGES = 100
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)


class ManifestError(ImportFileError):
    """JSON that is not a IIIF manifest this app can read; the message says what it is."""


def manifest_version(data: object) -> int | None:
    """3 or 2 for a IIIF Presentation manifest, None for anything else."""
    if not isinstance(data, dict):
        return None
    kind = data.get("type") or data.get("@type") or ""
    context = data.get("@context") or ""
    contexts = " ".join(context) if isinstance(context, list) else str(context)
    if kind == "Manifest" or ("presentation/3" in contexts and "items" in data):
        return 3
    if kind == "sc:Manifest" or ("presentation/2" in contexts and "sequences" in data):
        return 2
    return None


def is_collection(data: object) -> bool:
    return isinstance(data, dict) and (data.get("type") or data.get("@type")) in ("Collection", "sc:Collection")


# --- values --------------------------------------------------------------------------------


def _text(value: str) -> str:
    value = str(value)
    if "<" in value and ">" in value:
        value = _TAG.sub("", _BREAK.sub("\n", value))
    return html.unescape(value).strip()


def _lang(code: object) -> str:
    code = str(code or "none").strip().lower()
    if code.startswith("zh") or code in ("cmn", "chi", "chinese"):
        return "zh"
    if code.startswith("en"):
        return "en"
    return code or "none"


def language_map(value: object) -> dict[str, str]:
    """Any IIIF text (v3 language map, v2 string / {"@value", "@language"} / list) as {lang: text}."""
    out: dict[str, list[str]] = {}

    def add(lang: str, text: object) -> None:
        if isinstance(text, (list, tuple)):
            for t in text:
                add(lang, t)
            return
        if isinstance(text, dict):
            add(_lang(text.get("@language") or text.get("language") or lang), text.get("@value", text.get("value", "")))
            return
        if text is None:
            return
        cleaned = _text(str(text))
        if cleaned and cleaned not in out.setdefault(lang, []):
            out[lang].append(cleaned)

    if isinstance(value, dict) and not ({"@value", "value"} & set(value)):
        for lang, texts in value.items():  # v3 language map
            add(_lang(lang), texts)
    else:
        add("none", value)
    return {lang: "; ".join(texts) for lang, texts in out.items() if texts}


def pick(langs: Mapping[str, str]) -> tuple[str, str]:
    """(primary, alternate): Chinese with its English beside it; else English, else anything."""
    if langs.get("zh"):
        return langs["zh"], langs.get("en", "")
    for key in ("en", "none"):
        if langs.get(key):
            return langs[key], ""
    for text in langs.values():
        return text, ""
    return "", ""


def joined(langs: Mapping[str, str]) -> str:
    """Every language's text once, Chinese first: ``明 / Ming``."""
    order = sorted(langs, key=lambda k: {"zh": 0, "en": 1, "none": 2}.get(k, 3))
    return " / ".join(dict.fromkeys(langs[k] for k in order if langs[k]))


def _ident(obj: object) -> str:
    if isinstance(obj, dict):
        return str(obj.get("id") or obj.get("@id") or "")
    if isinstance(obj, str):
        return obj
    return ""


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _service_url(service: object, version: int) -> str:
    """The full-size image URL of an image service (Image API 2 or 3 by its type/profile/context)."""
    for svc in _as_list(service):
        sid = _ident(svc)
        if not sid:
            continue
        v2 = version == 2
        if isinstance(svc, dict):
            kind = str(svc.get("type") or svc.get("@type") or "")
            profile = " ".join(map(str, _as_list(svc.get("profile"))))
            context = str(svc.get("@context") or "")
            if kind == "ImageService3" or "image/3" in context:
                v2 = False
            elif kind == "ImageService2" or "image/2" in profile or "image/2" in context:
                v2 = True
        return sid.rstrip("/") + ("/full/full/0/default.jpg" if v2 else "/full/max/0/default.jpg")
    return ""


def _image_of(resource: object, version: int) -> str:
    if not isinstance(resource, dict):
        return _ident(resource)
    if (resource.get("type") or resource.get("@type")) in ("Choice", "oa:Choice"):
        choices = _as_list(resource.get("items")) or _as_list(resource.get("default"))
        return _image_of(choices[0], version) if choices else ""
    url = _ident(resource)
    return url or _service_url(resource.get("service"), version)


def manifest_images(data: Mapping, version: int) -> list[str]:
    urls: list[str] = []
    if version == 3:
        for canvas in _as_list(data.get("items")):
            for page in _as_list(canvas.get("items") if isinstance(canvas, dict) else None):
                for anno in _as_list(page.get("items") if isinstance(page, dict) else None):
                    if not isinstance(anno, dict) or anno.get("motivation", "painting") not in ("painting", ["painting"]):
                        continue
                    for body in _as_list(anno.get("body")):
                        if url := _image_of(body, 3):
                            urls.append(url)
    else:
        for sequence in _as_list(data.get("sequences")):
            for canvas in _as_list(sequence.get("canvases") if isinstance(sequence, dict) else None):
                for image in _as_list(canvas.get("images") if isinstance(canvas, dict) else None):
                    if isinstance(image, dict) and (url := _image_of(image.get("resource"), 2)):
                        urls.append(url)
    return list(dict.fromkeys(urls))


# --- the record ----------------------------------------------------------------------------


def records_from_manifest(data: dict, source_url: str = "", mapping: Mapping[str, str] | None = None,
                          row: int = 1) -> list[ObjectRecord]:
    """The object a IIIF Presentation 2 or 3 manifest describes (a list of one record, so callers
    can treat every source alike). ``mapping`` overrides metadata labels like CSV headers.
    Raises ``ManifestError`` for anything that is not a manifest (a IIIF Collection included)."""
    version = manifest_version(data)
    if version is None:
        if is_collection(data):
            raise ManifestError("this is a IIIF Collection (a list of manifests), not a Manifest: "
                                "import the manifests it lists one by one.")
        raise ManifestError("this JSON is not a IIIF Presentation 2 or 3 manifest (no type “Manifest”).")
    overrides = {normalize_header(k): v for k, v in (mapping or {}).items()}
    # target → [(rank, value)]; a lower rank wins for text fields, multi fields collect all.
    found: dict[str, list[tuple[int, object]]] = {}

    def offer(target: str, rank: int, value: object) -> None:
        if value not in (None, "", []):
            found.setdefault(target, []).append((rank, value))

    title, alt_title = pick(language_map(data.get("label")))
    offer("title", 0, title)
    offer("alt_title", 0, alt_title)
    summary = data.get("summary") if version == 3 else data.get("description")
    description, alt_description = pick(language_map(summary))
    offer("description", 0, description)
    offer("alt_description", 0, alt_description)
    statement = data.get("requiredStatement") if version == 3 else data.get("attribution")
    if isinstance(statement, dict) and "value" in statement and version == 3:
        statement = statement.get("value")
    offer("credit_line", 3, joined(language_map(statement)))
    rights = data.get("rights") if version == 3 else data.get("license")
    offer("rights", 3, "; ".join(_ident(r) for r in _as_list(rights) if _ident(r)))
    manifest_id = _ident(data)
    offer("source_ref", 0, source_url or manifest_id)

    for entry in _as_list(data.get("metadata")):
        if not isinstance(entry, dict):
            continue
        labels = language_map(entry.get("label"))
        value_langs = language_map(entry.get("value"))
        if not value_langs:
            continue
        # A label in several languages fills what any of them names ("Date" / "年代").
        best: dict[str, int] = {}
        overridden = [normalize_header(label) for label in labels.values() if normalize_header(label) in overrides]
        if overridden:
            best = {t: 1 for t in parse_targets(overrides[overridden[0]])}
        else:
            for label in labels.values():
                for target, rank in auto_targets(label):
                    best[target] = min(rank, best.get(target, rank))
        targets = list(best.items())
        for target, rank in targets:
            if target in ("title", "description"):
                primary, alternate = pick(value_langs)
                offer(target, rank + 1, primary)
                offer("alt_" + target, rank + 1, alternate)
            elif target in MULTI_FIELDS:
                for text in value_langs.values():
                    offer(target, rank, text)
            else:
                offer(target, rank + 1, joined(value_langs))

    warnings: list[RowProblem] = []
    images = manifest_images(data, version)
    if len(images) > MAX_IMAGES:
        warnings.append(RowProblem(row, "image", f"the manifest has {len(images)} images; the first {MAX_IMAGES} "
                                                 "were taken"))
        images = images[:MAX_IMAGES]
    values: dict[str, object] = {}
    for target, offers in found.items():
        if target in MULTI_FIELDS:
            values[target] = [v for _r, v in sorted(offers, key=lambda o: o[0])]
        else:
            values[target] = min(offers, key=lambda o: o[0])[1]
    if images:
        values["image"] = [*values.get("image", []), *images]  # type: ignore[misc]
    if not values.get("object_number"):
        fallback = manifest_id or source_url
        if fallback:
            values["object_number"] = fallback
            warnings.append(RowProblem(row, "object_number", "the manifest's metadata has no object number; "
                                                             "its address is used"))
    return [make_record(row, values, "iiif", warnings=warnings)]
