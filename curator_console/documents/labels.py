"""The fixed words of the documents, in English. The interface passes translated ones
(``ui/export_labels.py`` builds the same keys through Qt's translations); any key it leaves out
falls back to the English here. ``%1``, ``%2`` are filled by ``fill``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

DEFAULT_LABELS: dict[str, str] = {
    "run_of_show": "Run of show",
    "cue_cards": "Cue cards",
    "host": "Host",
    "planned_start": "Planned start",
    "slot": "Slot",
    "no_slot": "No slot set",
    "planned_total": "Planned total",
    "speaking_time": "Speaking time",
    "segments": "Segments",
    "start": "Start",
    "segment": "Segment",
    "planned": "Planned",
    "total": "Total",
    "objects": "Objects",
    "products": "Products",
    "cues": "Cues",
    "total_against_slot": "Planned %1 against a slot of %2",
    "overruns": "overruns the slot by %1",
    "fits": "fits with %1 to spare",
    "no_slot_total": "Planned %1; no slot set",
    "speaking_estimate": "Speaking time ≈ %1",
    "longer_than_planned": "longer than planned",
    "starts_at": "Starts at %1",
    "planned_duration": "Planned %1",
    "segment_of": "Segment %1 of %2",
    "obs_scene": "OBS scene: %1",
    "list_price": "list %1",
    "no_price": "no price",
    "no_image": "no image",
    "no_script": "No script yet.",
    "no_segments": "This tour has no segments yet.",
    "continued": "%1 (continued)",
    "continued_next": "Continued on the next page",
    "page_of": "Page %1 of %2",
}

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """Fill ``%1``…``%9`` in one pass (a value containing ``%2`` is never substituted again)."""
    def sub(m: re.Match) -> str:
        n = int(m.group(1))
        return str(values[n - 1]) if n <= len(values) else m.group(0)

    return _PLACEHOLDER.sub(sub, template)


def with_defaults(labels: Mapping[str, str] | None) -> dict[str, str]:
    """``labels`` over the English defaults (empty translations fall back too)."""
    merged = dict(DEFAULT_LABELS)
    for key, value in (labels or {}).items():
        if value:
            merged[key] = value
    return merged
