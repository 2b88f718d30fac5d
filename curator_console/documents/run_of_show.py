"""The run-of-show: a tour on A4 portrait pages, segment after segment.

Page 1 opens with the tour (title, host, planned start, slot, planned total against the slot, with
a warning when it overruns). Then, for each segment: its start offset, number, title and planned
duration, the speaking-time estimate of its script, its objects (thumbnail, object number, title),
products (SKU, title, selling price with currency; the list price beside a live price; the pitch)
and cues. A segment that does not fit continues on the next page under a "(continued)" heading;
column headings repeat on every page; every page has "Page x of y".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from pathlib import Path

from curator_console.documents import formatting as f
from curator_console.documents.labels import fill, with_defaults
from curator_console.documents.layout import (
    Measure,
    Page,
    RectOp,
    Row,
    RuleOp,
    TextOp,
    elide,
    line_ops,
    paginate,
    place_rows,
    spacer,
    text_rows,
    wrap,
)
from curator_console.documents.parts import (
    A4,
    INK,
    MUTED,
    NEUTRAL_FILL,
    OK,
    OK_FILL,
    RULE,
    WARN,
    WARN_FILL,
    add_page_frames,
    thumbnail_ops,
)
from curator_console.domain.timing import ReadingSpeed, TourTiming, plan_tour
from curator_console.domain.tour_plan import CUE_OBS_SCENE, SegmentDetail, SegmentProductInfo, TourDetail

PAGE_W, PAGE_H = A4
MARGIN = 40.0
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
BODY_TOP = MARGIN + 26  # below the running header
BODY_BOTTOM = PAGE_H - MARGIN - 6  # above the footer
OFFSET_X = LEFT  # the start-offset column
CONTENT_X = LEFT + 58  # segment titles and everything inside a segment
THUMB = 30.0
TEXT = 9.5
SMALL = 8.2
LINE = 12.5


def build_run_of_show(tour: TourDetail, *, measure: Measure, labels: Mapping[str, str] | None = None,
                      speed: ReadingSpeed = ReadingSpeed(), tz: tzinfo | None = None,
                      thumbnails: Mapping[str, object] | None = None) -> list[Page]:
    """The pages of the run-of-show (drawing operations; ``pdf.write_pdf`` writes them).

    ``thumbnails`` maps an image's SHA-256 to a decoded image (objects without one get a
    placeholder box); ``tz`` is the zone the planned start is shown in."""
    lb = with_defaults(labels)
    timing = plan_tour([(s.title, s.planned_seconds, s.script) for s in tour.segments], tour.slot_seconds, speed)
    rows = _tour_header(tour, timing, lb, measure, tz)
    rows += _column_heads(lb)
    if not tour.segments:
        rows += text_rows(wrap(lb["no_segments"], RIGHT - CONTENT_X, TEXT, measure), CONTENT_X, TEXT, 18, color=MUTED)
    for seg, seg_timing in zip(tour.segments, timing.segments):
        rows += _segment_rows(seg, seg_timing.start_offset_seconds, seg_timing.estimated_seconds, lb, measure,
                              thumbnails or {})
    rows += _total_rows(timing, lb, measure)

    segments = {s.position: s for s in tour.segments}
    offsets = {s.position: t.start_offset_seconds for s, t in zip(tour.segments, timing.segments)}

    def continued(group: object) -> list[Row]:
        seg = segments[group]
        title = elide(fill(lb["continued"], f"{seg.position + 1}. {seg.title}"), RIGHT - CONTENT_X, 10, measure, bold=True)
        return [Row(20, (TextOp(OFFSET_X, 13, f.duration(offsets[group]), 10, color=MUTED),
                         TextOp(CONTENT_X, 13, title, 10, True, MUTED)))]

    placed = paginate(rows, BODY_BOTTOM - BODY_TOP, head=lambda _n: _column_heads(lb), continued=continued)
    pages = []
    for page_rows in placed:
        page = Page(PAGE_W, PAGE_H)
        place_rows(page, page_rows, BODY_TOP)
        pages.append(page)
    add_page_frames(pages, margin=MARGIN, left_text=f"{lb['run_of_show']} · {tour.title}",
                    right_text=tour.museum_name,
                    footer_left=f.start_time(tour.planned_start, tz) if tour.planned_start else "",
                    measure=measure, labels=lb)
    return pages


def write_run_of_show(tour: TourDetail, path: Path | str, *, labels: Mapping[str, str] | None = None,
                      speed: ReadingSpeed = ReadingSpeed(), tz: tzinfo | None = None,
                      thumbnails: Mapping[str, object] | None = None) -> int:
    """Write the run-of-show PDF to ``path``; returns the number of pages."""
    from curator_console.documents.fonts import FontMeasure
    from curator_console.documents.pdf import write_pdf

    lb = with_defaults(labels)
    pages = build_run_of_show(tour, measure=FontMeasure(), labels=lb, speed=speed, tz=tz, thumbnails=thumbnails)
    write_pdf(pages, path, title=f"{tour.title} — {lb['run_of_show']}", subject=lb["run_of_show"])
    return len(pages)


# --- the tour's header ----------------------------------------------------------------------


def _tour_header(tour: TourDetail, timing: TourTiming, lb: Mapping[str, str], measure: Measure,
                 tz: tzinfo | None) -> list[Row]:
    width = RIGHT - LEFT
    rows = text_rows(wrap(tour.title, width, 19, measure, bold=True), LEFT, 19, 25, keep_with_next=True)
    rows.append(spacer(6))

    cells = [
        (lb["host"], tour.host or "—"),
        (lb["planned_start"], f.start_time(tour.planned_start, tz)),
        (lb["slot"], f.duration(tour.slot_seconds) if tour.slot_seconds else lb["no_slot"]),
        (lb["planned_total"], f.duration(timing.planned_seconds)),
        (lb["speaking_time"], f.duration(timing.estimated_seconds)),
        (lb["segments"], str(len(tour.segments))),
    ]
    columns = (0.0, 0.27, 0.73, 1.0)  # the planned start needs the widest column
    for start in range(0, len(cells), 3):
        ops = []
        for k, (label, value) in enumerate(cells[start:start + 3]):
            x, cell_w = LEFT + columns[k] * width, (columns[k + 1] - columns[k]) * width
            ops.append(TextOp(x, 9, elide(label, cell_w - 10, 7.8, measure), 7.8, color=MUTED))
            ops.append(TextOp(x, 23, elide(value, cell_w - 10, 10.5, measure, bold=True), 10.5, bold=True))
        rows.append(Row(31, tuple(ops)))
    rows.append(spacer(6))

    # Planned total against the slot, in a coloured box.
    total = f.duration(timing.planned_seconds)
    if not tour.slot_seconds:
        message, color, fill_color = fill(lb["no_slot_total"], total), INK, NEUTRAL_FILL
    elif timing.overruns:
        message = "⚠ " + fill(lb["total_against_slot"], total, f.duration(tour.slot_seconds)) + " — " \
            + fill(lb["overruns"], f.duration(timing.overrun_seconds))
        color, fill_color = WARN, WARN_FILL
    else:
        message = fill(lb["total_against_slot"], total, f.duration(tour.slot_seconds)) + " — " \
            + fill(lb["fits"], f.duration(tour.slot_seconds - timing.planned_seconds))
        color, fill_color = OK, OK_FILL
    size, lh, pad = 10.5, 14.0, 7.0
    lines = wrap(message, width - 2 * pad, size, measure, bold=True)
    height = len(lines) * lh + 2 * pad
    ops = [RectOp(LEFT, 0, width, height, fill=fill_color, edge=color, line_width=0.8)]
    for n, ln in enumerate(lines):
        ops += line_ops(ln, LEFT + pad, pad + n * lh + size * 0.95, size, color)
    rows.append(Row(height, tuple(ops)))
    rows.append(spacer(12))
    return rows


def _column_heads(lb: Mapping[str, str]) -> list[Row]:
    size = 7.8
    return [Row(16, (
        TextOp(OFFSET_X, 9, lb["start"], size, True, MUTED),
        TextOp(CONTENT_X, 9, lb["segment"], size, True, MUTED),
        TextOp(RIGHT, 9, lb["planned"], size, True, MUTED, align="right"),
        RuleOp(LEFT, 13, RIGHT, 13, RULE, 0.8),
    ), keep_with_next=True)]


# --- segments -------------------------------------------------------------------------------


def _label_row(text: str, group: int) -> Row:
    return Row(16, (TextOp(CONTENT_X, 12, text, 7.8, True, MUTED),), keep_with_next=True, group=group)


def _segment_rows(seg: SegmentDetail, offset: int, estimated: int, lb: Mapping[str, str], measure: Measure,
                  thumbnails: Mapping[str, object]) -> list[Row]:
    g = seg.position
    rows: list[Row] = [spacer(6, g, keep_with_next=True)]
    size, lh = 12.0, 16.0
    planned = f.duration(seg.planned_seconds)
    planned_w = measure(planned, size, True)
    title_lines = wrap(f"{seg.position + 1}. {seg.title}", RIGHT - CONTENT_X - planned_w - 14, size, measure, bold=True)
    for n, ln in enumerate(title_lines):
        ops = line_ops(ln, CONTENT_X, 12, size)
        if n == 0:
            ops += [TextOp(OFFSET_X, 12, f.duration(offset), size, True),
                    TextOp(RIGHT, 12, planned, size, True, align="right")]
        rows.append(Row(lh, tuple(ops), keep_with_next=True, group=g))
    estimate = fill(lb["speaking_estimate"], f.duration(estimated))
    long = estimated > seg.planned_seconds
    if long:
        estimate = f"{estimate} — {lb['longer_than_planned']}"
    rows += text_rows(wrap(estimate, RIGHT - CONTENT_X, SMALL, measure), CONTENT_X, SMALL, 12,
                      color=WARN if long else MUTED, group=g, keep_with_next=True)

    content_w = RIGHT - CONTENT_X
    if seg.objects:
        rows.append(_label_row(lb["objects"], g))
        text_x = CONTENT_X + THUMB + 9
        for obj in seg.objects:
            lines = wrap(obj.title, RIGHT - text_x, TEXT, measure) if obj.title else []
            height = max(THUMB + 5, LINE * (1 + len(lines)) + 5)
            ops = thumbnail_ops(thumbnails.get(obj.image_sha256) if obj.image_sha256 else None,
                                CONTENT_X, 2, THUMB, measure, lb)
            ops.append(TextOp(text_x, 11, obj.object_number, TEXT, True))
            for n, ln in enumerate(lines):
                ops += line_ops(ln, text_x, 11 + LINE * (n + 1), TEXT, INK)
            rows.append(Row(height, tuple(ops), group=g))
    if seg.products:
        rows.append(_label_row(lb["products"], g))
        for product in seg.products:
            rows.append(_product_row(product, content_w, lb, measure, g))
    if seg.cues:
        rows.append(_label_row(lb["cues"], g))
        for cue in seg.cues:
            text = fill(lb["obs_scene"], cue.text) if cue.kind == CUE_OBS_SCENE else cue.text
            lines = wrap(text, content_w - 12, TEXT, measure)
            ops = [TextOp(CONTENT_X, 10, "▸", TEXT, color=MUTED)]
            for n, ln in enumerate(lines):
                ops += line_ops(ln, CONTENT_X + 12, 10 + n * LINE, TEXT)
            rows.append(Row(LINE * max(1, len(lines)) + 2, tuple(ops), group=g))
    rows.append(Row(12, (RuleOp(LEFT, 7, RIGHT, 7, RULE, 0.5),), group=g))
    return rows


def _product_row(p: SegmentProductInfo, content_w: float, lb: Mapping[str, str], measure: Measure, g: int) -> Row:
    sku_w = 96.0
    price_w = 92.0
    title_x = CONTENT_X + sku_w
    title_w = content_w - sku_w - price_w - 8
    sku_lines = wrap(p.sku, sku_w - 8, TEXT, measure, bold=True)
    title_lines = wrap(p.title, title_w, TEXT, measure)
    pitch_lines = wrap(p.pitch, title_w, SMALL, measure) if p.pitch else []
    selling = p.selling_price
    price = f.money(selling, p.currency) if selling is not None else lb["no_price"]
    price_lines = [(price, TEXT, True, INK if selling is not None else MUTED)]
    if p.live_price is not None and p.price is not None and p.live_price != p.price:
        price_lines.append((fill(lb["list_price"], f.money(p.price, p.currency)), SMALL, False, MUTED))
    ops: list = []
    last = 10.0  # the lowest baseline so far
    for n, ln in enumerate(sku_lines):
        last = max(last, 10 + n * LINE)
        ops += line_ops(ln, CONTENT_X, 10 + n * LINE, TEXT)
    y = 10.0
    for ln in title_lines:
        ops += line_ops(ln, title_x, y, TEXT)
        last, y = max(last, y), y + LINE
    y -= LINE - SMALL * 1.35
    for ln in pitch_lines:
        ops += line_ops(ln, title_x, y, SMALL, MUTED)
        last, y = max(last, y), y + SMALL * 1.35
    for n, (text, size, bold, color) in enumerate(price_lines):
        last = max(last, 10 + n * LINE)
        ops.append(TextOp(RIGHT, 10 + n * LINE, elide(text, price_w, size, measure, bold=bold), size, bold, color,
                          align="right"))
    return Row(last + 7, tuple(ops), group=g)


def _total_rows(timing: TourTiming, lb: Mapping[str, str], measure: Measure) -> list[Row]:
    size = 11.0
    ops = [
        RuleOp(LEFT, 2, RIGHT, 2, INK, 0.9),
        TextOp(CONTENT_X, 18, lb["total"], size, True),
        TextOp(RIGHT, 18, f.duration(timing.planned_seconds), size, True, align="right"),
    ]
    rows = [Row(24, tuple(ops), keep_with_next=True)]
    if timing.slot_seconds:
        slot = f"{lb['slot']} {f.duration(timing.slot_seconds)}"
        if timing.overruns:
            text, color = f"{slot} — {fill(lb['overruns'], f.duration(timing.overrun_seconds))}", WARN
        else:
            text, color = f"{slot} — {fill(lb['fits'], f.duration(timing.slot_seconds - timing.planned_seconds))}", OK
        rows += text_rows(wrap(text, RIGHT - CONTENT_X, TEXT, measure, bold=timing.overruns), CONTENT_X, TEXT, 14,
                          color=color, align="left")
    return rows
