"""Reading collection exports: CSV (any common encoding and delimiter), JSON, IIIF manifests.

Importers only *read*: they turn a file (or an already loaded IIIF manifest) into a stream of
``records.ObjectRecord`` — one per object, carrying the row number a person sees, the fields the
source has, and any problem found in the row. They never touch the database or the media store;
``services.collection_import`` decides what to write. Standard library only (plus ``domain``).

    csv_collection   CSV: encoding detected (UTF-8 with/without BOM, GB18030/GBK, UTF-16 with BOM),
                     delimiter sniffed (comma, semicolon, tab), quoted fields with newlines
    json_collection  a JSON list of objects, or {"objects": [...]}, or a IIIF manifest
    iiif             IIIF Presentation 2 and 3 manifests → one record each
    mapping          header → field mapping (MetObjects.csv, Dublin Core / Omeka S, Chinese headers)
    records          ObjectRecord, RowProblem and the per-field rules (years, multi-values …)
"""

from __future__ import annotations

from curator_console.importers.records import (
    FIELDS,
    ImportFileError,
    ObjectRecord,
    RowProblem,
)

__all__ = ["FIELDS", "ImportFileError", "ObjectRecord", "RowProblem"]
