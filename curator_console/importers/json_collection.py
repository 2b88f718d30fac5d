"""JSON collection files: a list of objects, ``{"objects": [...]}``, or IIIF manifests.

Each object's keys are field names (``object_number``, ``title`` …) or anything a CSV header may
be (``accessionNumber``, ``dcterms:title``, ``藏品编号`` …, see ``mapping``). Values may be strings,
numbers, booleans or lists (tags, images; the Met API's ``[{"term": …}]`` tags too). A key an
object does not have leaves that field as it is on an existing object. Record numbers count
objects from 1. A IIIF manifest (the whole file, or an element of the list) becomes one object.
The file is UTF-8 (with or without BOM); GB18030 is accepted too.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from curator_console.importers.iiif import ManifestError, is_collection, manifest_version, records_from_manifest
from curator_console.importers.mapping import ColumnPlan, MappingError, normalize_header, plan_columns, required_headers
from curator_console.importers.records import (
    ImportFileError,
    ObjectRecord,
    Preview,
    RowProblem,
    clean_text,
    make_record,
)


def load_json(path: Path | str) -> tuple[object, str]:
    """(parsed JSON, encoding). Unreadable or invalid files raise ImportFileError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a JSON file.") from None
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(f"{path} is neither UTF-8 nor GB18030 text; save it as UTF-8 and try again.")
    try:
        return json.loads(text), encoding
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None


def _pick_values(plan: ColumnPlan, cells: list[object]) -> dict[str, object]:
    """Like ``ColumnPlan.values`` for JSON values (numbers, booleans, lists stay as they are)."""
    out: dict[str, object] = {}
    n = len(cells)
    for name, columns in plan.scalar:
        value: object = ""
        for i in columns:
            if i < n:
                cell = cells[i]
                if cell is not None and cell != "" and cell != [] and (not isinstance(cell, str) or cell.strip()):
                    value = cell
                    break
        out[name] = value
    for name, columns in plan.multi:
        out[name] = [cells[i] for i in columns if i < n and cells[i] is not None]
    return out


class JsonImport:
    """A JSON file opened for import (see the module docstring)."""

    def __init__(self, path: Path | str, mapping: Mapping[str, str] | None = None,
                 require_mapping_headers: bool | Iterable[str] = False, expect: str | None = None) -> None:
        self.path = Path(path)
        self.mapping = dict(mapping or {})
        data, self.encoding = load_json(self.path)
        self.delimiter = ""
        self._done = 0
        if manifest_version(data) is not None:
            self.format = "iiif"
            self.objects: list[object] = [data]
        elif is_collection(data):
            raise ImportFileError(f"{self.path} is a IIIF Collection (a list of manifests), not a Manifest: "
                                  "import the manifests it lists one by one.")
        elif isinstance(data, list):
            self.format = "json"
            self.objects = data
        elif isinstance(data, dict) and isinstance(data.get("objects"), list):
            self.format = "json"
            self.objects = data["objects"]
        else:
            raise ImportFileError(f"{self.path} holds neither a list of objects, {{\"objects\": [...]}}, nor a IIIF "
                                  "manifest.")
        if expect == "iiif" and self.format != "iiif":
            raise ImportFileError(f"{self.path} is not a IIIF Presentation 2 or 3 manifest.")
        keys: dict[str, None] = {}
        for obj in self.objects[:100_000]:
            if isinstance(obj, dict) and manifest_version(obj) is None:
                keys.update(dict.fromkeys(str(k) for k in obj))
        self.headers = list(keys)
        required = required_headers(self.mapping, require_mapping_headers)
        if required and self.format == "json":
            known = {normalize_header(k) for k in self.headers}
            missing = [h for h in required if normalize_header(h) not in known]
            if missing:
                raise MappingError(f"no object in the file has the key “{missing[0]}”.")
        self.plan = plan_columns(self.headers, self.mapping) if self.format == "json" else None
        if self.plan is not None and self.objects and "object_number" not in self.plan.fields:
            raise ImportFileError(
                f"{self.path}: no key holds the object number (e.g. “object_number”, “accessionNumber”, "
                "“dcterms:identifier”, “藏品编号”); map one with --map \"key=object_number\".")
        self._plans: dict[tuple[str, ...], ColumnPlan] = {}

    @property
    def unknown_headers(self) -> list[str]:
        return list(self.plan.unknown) if self.plan is not None else []

    @property
    def fraction_read(self) -> float:
        return self._done / len(self.objects) if self.objects else 1.0

    def _plan_for(self, keys: tuple[str, ...]) -> ColumnPlan:
        plan = self._plans.get(keys)
        if plan is None:
            plan = self._plans[keys] = plan_columns(list(keys), self.mapping)
        return plan

    def records(self) -> Iterator[ObjectRecord]:
        for n, obj in enumerate(self.objects, start=1):
            self._done = n
            if isinstance(obj, dict) and (self.format == "iiif" or manifest_version(obj) is not None):
                try:
                    yield from records_from_manifest(obj, "", self.mapping, row=n)
                except ManifestError as exc:
                    yield ObjectRecord(n, "", {}, source="iiif", problems=(RowProblem(n, "row", str(exc)),))
                continue
            if not isinstance(obj, dict):
                yield ObjectRecord(n, "", {}, source="json",
                                   problems=(RowProblem(n, "row", f"record {n} is not an object but {type(obj).__name__}"),))
                continue
            keys = tuple(str(k) for k in obj)
            plan = self._plan_for(keys)
            values = _pick_values(plan, list(obj.values()))
            yield make_record(n, values, "json")

    def preview_rows(self, limit: int) -> list[list[str]]:
        rows = []
        for obj in self.objects[:limit]:
            if isinstance(obj, dict):
                rows.append([clean_text(obj.get(h)) for h in self.headers])
        return rows

    def close(self) -> None:
        pass


def preview_json(path: Path | str, limit: int = 20, mapping: Mapping[str, str] | None = None) -> Preview:
    source = JsonImport(path, mapping)
    if source.format == "iiif":
        record = next(source.records())
        headers = ["object_number", *record.fields]
        rows = [[record.object_number, *(clean_text(v) for v in record.fields.values())]]
        return Preview(headers=headers, rows=rows, auto_mapping={h: h for h in headers}, encoding=source.encoding,
                       delimiter="", unknown_headers=[], format="iiif")
    return Preview(headers=source.headers, rows=source.preview_rows(limit), auto_mapping=source.plan.mapping,
                   encoding=source.encoding, delimiter="", unknown_headers=source.unknown_headers, format="json")
