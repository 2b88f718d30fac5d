"""The fixed words of the exported documents (run-of-show, cue cards, the session review: report,
charts, CSV headers), translated like every other visible string. The keys are those of
``documents/labels.py``: ``DEFAULT_LABELS`` and ``REVIEW_LABELS``; ``%1``/``%2`` are filled in by
the document."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def document_labels() -> dict[str, str]:
    """The labels in the interface language now installed (``i18n.apply_language``): every key of
    the run-of-show, the cue cards and the review documents."""
    return {**_tour_labels(), **review_labels()}


def _tour_labels() -> dict[str, str]:
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


def review_labels() -> dict[str, str]:
    """The review documents' own labels (``REVIEW_LABELS``: the report, the charts, the tables and
    the CSV headers) in the interface language now installed."""
    return {
        "review_report": QCoreApplication.translate("DocumentLabels", "Session review"),
        "review_tour": QCoreApplication.translate("DocumentLabels", "Tour"),
        "review_mode": QCoreApplication.translate("DocumentLabels", "Mode"),
        "review_mode_live": QCoreApplication.translate("DocumentLabels", "Live", "a session's mode"),
        "review_mode_rehearsal": QCoreApplication.translate("DocumentLabels", "Rehearsal", "a session's mode"),
        "review_when": QCoreApplication.translate(
            "DocumentLabels", "Session", "the label above a session's date and time in the review report"),
        "review_duration": QCoreApplication.translate("DocumentLabels", "Duration"),
        "review_baseline": QCoreApplication.translate("DocumentLabels", "Baseline"),
        "review_no_baseline": QCoreApplication.translate("DocumentLabels", "No baseline chosen"),
        "review_currency": QCoreApplication.translate("DocumentLabels", "Currency"),
        "baseline_day_before": QCoreApplication.translate(
            "DocumentLabels", "the same hours the day before", "what a session is compared with, after 'against'"),
        "baseline_day_before_short": QCoreApplication.translate(
            "DocumentLabels", "the day before", "what a session is compared with, after 'compared with'"),
        "baseline_week_before": QCoreApplication.translate(
            "DocumentLabels", "the same hours a week before", "what a session is compared with, after 'against'"),
        "baseline_week_before_short": QCoreApplication.translate(
            "DocumentLabels", "the week before", "what a session is compared with, after 'compared with'"),
        "baseline_avg_28d": QCoreApplication.translate(
            "DocumentLabels", "an average day of the 28 days before",
            "what a session is compared with, after 'against'"),
        "baseline_avg_28d_short": QCoreApplication.translate(
            "DocumentLabels", "the 28-day average", "what a session is compared with, after 'compared with'"),
        "baseline_custom": QCoreApplication.translate(
            "DocumentLabels", "the whole of %1", "%1 a date range, e.g. 2026-02-01 – 2026-02-28"),
        "headline_revenue": QCoreApplication.translate(
            "DocumentLabels", "Revenue %1 from %2 orders (%3 units)", "%1 an amount of money, %2 orders, %3 units"),
        "headline_no_money": QCoreApplication.translate(
            "DocumentLabels", "%1 orders (%2 units); revenue cannot be added up: %3",
            "%1 orders, %2 units, %3 why (a sentence)"),
        "lift_rose": QCoreApplication.translate(
            "DocumentLabels", "Sales rose %1% against %2", "%1 a percentage (the number only), %2 the baseline"),
        "lift_fell": QCoreApplication.translate(
            "DocumentLabels", "Sales fell %1% against %2", "%1 a percentage (the number only), %2 the baseline"),
        "lift_level": QCoreApplication.translate("DocumentLabels", "Sales were level with %1", "%1 the baseline"),
        "lift_doubled": QCoreApplication.translate(
            "DocumentLabels", "Doubled compared with %1", "%1 the baseline (short form)"),
        "lift_times": QCoreApplication.translate(
            "DocumentLabels", "%1 times %2", "%1 a multiple, %2 the baseline: '60 times the whole of February'"),
        "lift_new_sales": QCoreApplication.translate("DocumentLabels", "New sales: the baseline sold nothing"),
        "lift_no_sales": QCoreApplication.translate("DocumentLabels", "No sales in the session or the baseline"),
        "headline_viewers": QCoreApplication.translate(
            "DocumentLabels", "Peak %1 viewers, average %2; %3 orders per 1,000 peak viewers",
            "%1 peak viewers, %2 average viewers, %3 orders per 1,000 peak viewers"),
        "headline_viewers_only": QCoreApplication.translate(
            "DocumentLabels", "Peak %1 viewers, average %2", "%1 peak viewers, %2 average viewers"),
        "headline_no_viewers": QCoreApplication.translate("DocumentLabels", "No viewer counts were recorded"),
        "review_figures": QCoreApplication.translate("DocumentLabels", "Figures"),
        "this_session": QCoreApplication.translate("DocumentLabels", "This session"),
        "change": QCoreApplication.translate("DocumentLabels", "Change"),
        "revenue": QCoreApplication.translate("DocumentLabels", "Revenue"),
        "orders": QCoreApplication.translate("DocumentLabels", "Orders"),
        "units": QCoreApplication.translate("DocumentLabels", "Units"),
        "peak_viewers": QCoreApplication.translate("DocumentLabels", "Peak viewers"),
        "avg_viewers": QCoreApplication.translate("DocumentLabels", "Average viewers"),
        "conversion": QCoreApplication.translate("DocumentLabels", "Orders per 1,000 peak viewers"),
        "lift_new": QCoreApplication.translate(
            "DocumentLabels", "new", "the change in a table cell when the baseline sold nothing"),
        "chart_timeline": QCoreApplication.translate("DocumentLabels", "Viewers and orders per minute"),
        "viewers": QCoreApplication.translate("DocumentLabels", "Viewers"),
        "orders_per_minute": QCoreApplication.translate("DocumentLabels", "Orders per minute"),
        "time_in": QCoreApplication.translate("DocumentLabels", "Time (%1)", "%1 a time zone name"),
        "time_since_start": QCoreApplication.translate("DocumentLabels", "Time since the start"),
        "no_viewer_samples": QCoreApplication.translate("DocumentLabels", "No viewer counts recorded"),
        "no_orders": QCoreApplication.translate("DocumentLabels", "No orders in this session"),
        "featured": QCoreApplication.translate("DocumentLabels", "Featured"),
        "chart_products": QCoreApplication.translate(
            "DocumentLabels", "Revenue per product (%1)", "%1 a currency code"),
        "chart_products_units": QCoreApplication.translate(
            "DocumentLabels", "Units per product (revenue cannot be added up)"),
        "others": QCoreApplication.translate("DocumentLabels", "Others (%1 products)", "%1 how many products"),
        "baseline_legend": QCoreApplication.translate(
            "DocumentLabels", "Baseline (%1)", "%1 the baseline (short form)"),
        "chart_cumulative": QCoreApplication.translate(
            "DocumentLabels", "Cumulative revenue (%1)", "%1 a currency code"),
        "chart_cumulative_units": QCoreApplication.translate(
            "DocumentLabels", "Cumulative units (revenue cannot be added up)"),
        "chart_series": QCoreApplication.translate("DocumentLabels", "Sessions side by side"),
        "revenue_in": QCoreApplication.translate("DocumentLabels", "Revenue (%1)", "%1 a currency code"),
        "no_sessions": QCoreApplication.translate("DocumentLabels", "No sessions to compare"),
        "col_sku": QCoreApplication.translate("DocumentLabels", "SKU"),
        "col_title": QCoreApplication.translate("DocumentLabels", "Title"),
        "col_orders": QCoreApplication.translate("DocumentLabels", "Orders"),
        "col_units": QCoreApplication.translate("DocumentLabels", "Units"),
        "col_revenue": QCoreApplication.translate("DocumentLabels", "Revenue (%1)", "%1 a currency code"),
        "col_baseline_units": QCoreApplication.translate("DocumentLabels", "Baseline units"),
        "col_baseline_revenue": QCoreApplication.translate(
            "DocumentLabels", "Baseline revenue (%1)", "%1 a currency code"),
        "col_lift": QCoreApplication.translate("DocumentLabels", "Change"),
        "col_lift_percent": QCoreApplication.translate("DocumentLabels", "Change (%)"),
        "col_featured": QCoreApplication.translate("DocumentLabels", "Featured"),
        "col_featured_seconds": QCoreApplication.translate("DocumentLabels", "Featured (seconds)"),
        "col_units_featured": QCoreApplication.translate("DocumentLabels", "Units while featured"),
        "col_revenue_featured": QCoreApplication.translate(
            "DocumentLabels", "Revenue while featured (%1)", "%1 a currency code"),
        "col_rate_featured": QCoreApplication.translate("DocumentLabels", "Units/min featured"),
        "col_rate_rest": QCoreApplication.translate("DocumentLabels", "Units/min otherwise"),
        "col_segment": QCoreApplication.translate("DocumentLabels", "#", "the column of segment numbers"),
        "col_start": QCoreApplication.translate("DocumentLabels", "Start"),
        "col_end": QCoreApplication.translate("DocumentLabels", "End"),
        "col_duration": QCoreApplication.translate("DocumentLabels", "Duration"),
        "col_duration_seconds": QCoreApplication.translate("DocumentLabels", "Duration (seconds)"),
        "col_avg_viewers": QCoreApplication.translate("DocumentLabels", "Average viewers"),
        "col_peak_viewers": QCoreApplication.translate("DocumentLabels", "Peak viewers"),
        "col_minute": QCoreApplication.translate("DocumentLabels", "Minute"),
        "col_viewers": QCoreApplication.translate("DocumentLabels", "Viewers"),
        "no_products_sold": QCoreApplication.translate("DocumentLabels", "No products sold."),
        "no_segments_recorded": QCoreApplication.translate("DocumentLabels", "No segments were recorded."),
    }
