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

# The Review charts and report (``review_charts.py``, ``review_text.py``, ``review_report.py``), in
# a dict of their own; ``with_defaults`` merges both dicts, and ``ui/export_labels.py:
# review_labels()`` translates the same keys.
REVIEW_LABELS: dict[str, str] = {
    "review_report": "Session review",
    "review_tour": "Tour",
    "review_mode": "Mode",
    "review_mode_live": "Live",
    "review_mode_rehearsal": "Rehearsal",
    "review_when": "Session",
    "review_duration": "Duration",
    "review_baseline": "Baseline",
    "review_no_baseline": "No baseline chosen",
    "review_currency": "Currency",
    # what the session is compared with: after "against" (long) and after "compared with" (short)
    "baseline_day_before": "the same hours the day before",
    "baseline_day_before_short": "the day before",
    "baseline_week_before": "the same hours a week before",
    "baseline_week_before_short": "the week before",
    "baseline_avg_28d": "an average day of the 28 days before",
    "baseline_avg_28d_short": "the 28-day average",
    "baseline_custom": "the whole of %1",
    # headline sentences
    "headline_revenue": "Revenue %1 from %2 orders (%3 units)",
    "headline_no_money": "%1 orders (%2 units); revenue cannot be added up: %3",
    "lift_rose": "Sales rose %1% against %2",
    "lift_fell": "Sales fell %1% against %2",
    "lift_level": "Sales were level with %1",
    "lift_doubled": "Doubled compared with %1",
    "lift_times": "%1 times %2",
    "lift_new_sales": "New sales: the baseline sold nothing",
    "lift_no_sales": "No sales in the session or the baseline",
    "headline_viewers": "Peak %1 viewers, average %2; %3 orders per 1,000 peak viewers",
    "headline_viewers_only": "Peak %1 viewers, average %2",
    "headline_no_viewers": "No viewer counts were recorded",
    # the figures table
    "review_figures": "Figures",
    "this_session": "This session",
    "change": "Change",
    "revenue": "Revenue",
    "orders": "Orders",
    "units": "Units",
    "peak_viewers": "Peak viewers",
    "avg_viewers": "Average viewers",
    "conversion": "Orders per 1,000 peak viewers",
    "lift_new": "new",
    # charts
    "chart_timeline": "Viewers and orders per minute",
    "viewers": "Viewers",
    "orders_per_minute": "Orders per minute",
    "time_in": "Time (%1)",
    "time_since_start": "Time since the start",
    "no_viewer_samples": "No viewer counts recorded",
    "no_orders": "No orders in this session",
    "featured": "Featured",
    "chart_products": "Revenue per product (%1)",
    "chart_products_units": "Units per product (revenue cannot be added up)",
    "others": "Others (%1 products)",
    "baseline_legend": "Baseline (%1)",
    "chart_cumulative": "Cumulative revenue (%1)",
    "chart_cumulative_units": "Cumulative units (revenue cannot be added up)",
    "chart_series": "Sessions side by side",
    "revenue_in": "Revenue (%1)",
    "no_sessions": "No sessions to compare",
    # tables and CSV headers
    "col_sku": "SKU",
    "col_title": "Title",
    "col_orders": "Orders",
    "col_units": "Units",
    "col_revenue": "Revenue (%1)",
    "col_baseline_units": "Baseline units",
    "col_baseline_revenue": "Baseline revenue (%1)",
    "col_lift": "Change",
    "col_lift_percent": "Change (%)",
    "col_featured": "Featured",
    "col_featured_seconds": "Featured (seconds)",
    "col_units_featured": "Units while featured",
    "col_revenue_featured": "Revenue while featured (%1)",
    "col_rate_featured": "Units/min featured",
    "col_rate_rest": "Units/min otherwise",
    "col_segment": "#",
    "col_start": "Start",
    "col_end": "End",
    "col_duration": "Duration",
    "col_duration_seconds": "Duration (seconds)",
    "col_avg_viewers": "Average viewers",
    "col_peak_viewers": "Peak viewers",
    "col_minute": "Minute",
    "col_viewers": "Viewers",
    "no_products_sold": "No products sold.",
    "no_segments_recorded": "No segments were recorded.",
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
    merged = {**DEFAULT_LABELS, **REVIEW_LABELS}
    for key, value in (labels or {}).items():
        if value:
            merged[key] = value
    return merged
