"""The fixed words of the exported documents (run-of-show, cue cards), translated like every other
visible string. The keys are those of ``documents/labels.py: DEFAULT_LABELS``; ``%1``/``%2`` are
filled in by the document."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def document_labels() -> dict[str, str]:
    """The labels in the interface language now installed (``i18n.apply_language``)."""
    # Every string is written out in a translate() call so pyside6-lupdate finds it.
    return {
        "run_of_show": QCoreApplication.translate("DocumentLabels", "Run of show"),
        "cue_cards": QCoreApplication.translate("DocumentLabels", "Cue cards"),
        "host": QCoreApplication.translate("DocumentLabels", "Host"),
        "planned_start": QCoreApplication.translate("DocumentLabels", "Planned start"),
        "slot": QCoreApplication.translate("DocumentLabels", "Slot"),
        "no_slot": QCoreApplication.translate("DocumentLabels", "No slot set"),
        "planned_total": QCoreApplication.translate("DocumentLabels", "Planned total"),
        "speaking_time": QCoreApplication.translate("DocumentLabels", "Speaking time"),
        "segments": QCoreApplication.translate("DocumentLabels", "Segments"),
        "start": QCoreApplication.translate("DocumentLabels", "Start"),
        "segment": QCoreApplication.translate("DocumentLabels", "Segment"),
        "planned": QCoreApplication.translate("DocumentLabels", "Planned"),
        "total": QCoreApplication.translate("DocumentLabels", "Total"),
        "objects": QCoreApplication.translate("DocumentLabels", "Objects"),
        "products": QCoreApplication.translate("DocumentLabels", "Products"),
        "cues": QCoreApplication.translate("DocumentLabels", "Cues"),
        "total_against_slot": QCoreApplication.translate(
            "DocumentLabels", "Planned %1 against a slot of %2", "%1 planned total, %2 the slot (durations)"),
        "overruns": QCoreApplication.translate("DocumentLabels", "overruns the slot by %1"),
        "fits": QCoreApplication.translate("DocumentLabels", "fits with %1 to spare"),
        "no_slot_total": QCoreApplication.translate("DocumentLabels", "Planned %1; no slot set"),
        "speaking_estimate": QCoreApplication.translate("DocumentLabels", "Speaking time ≈ %1"),
        "longer_than_planned": QCoreApplication.translate("DocumentLabels", "longer than planned"),
        "starts_at": QCoreApplication.translate("DocumentLabels", "Starts at %1", "%1 the offset from the tour's start"),
        "planned_duration": QCoreApplication.translate("DocumentLabels", "Planned %1", "%1 a duration"),
        "segment_of": QCoreApplication.translate("DocumentLabels", "Segment %1 of %2"),
        "obs_scene": QCoreApplication.translate("DocumentLabels", "OBS scene: %1"),
        "list_price": QCoreApplication.translate("DocumentLabels", "list %1", "the catalogue price beside a live price"),
        "no_price": QCoreApplication.translate("DocumentLabels", "no price"),
        "no_image": QCoreApplication.translate("DocumentLabels", "no image"),
        "no_script": QCoreApplication.translate("DocumentLabels", "No script yet."),
        "no_segments": QCoreApplication.translate("DocumentLabels", "This tour has no segments yet."),
        "continued": QCoreApplication.translate("DocumentLabels", "%1 (continued)", "%1 a segment title"),
        "continued_next": QCoreApplication.translate("DocumentLabels", "Continued on the next page"),
        "page_of": QCoreApplication.translate("DocumentLabels", "Page %1 of %2"),
    }
