"""Cue cards: one segment per A4 landscape page in large type, for the host to read from.

Each card shows the segment's number, title, start offset and planned duration, its script with
its formatting (headings larger, bold runs bold, bullets and numbered items with hanging
indents) in the wide column, and the objects (thumbnail, object number, title), products (SKU,
selling price, title, pitch) and cues in the narrow one. When either column does not fit, the
card continues on the next page, marked "(continued)" (and "Continued on the next page" at the
foot of the page before).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from pathlib import Path

from curator_console.documents import formatting as f
from curator_console.documents.labels import fill, with_defaults
from curator_console.documents.layout import (
    Line,
    Measure,
    Page,
    Row,
    RuleOp,
    Span,
    TextOp,
    clamp_lines,
    elide,
    line_ops,
    no_orphans,
    paginate,
    place_rows,
    spacer,
    text_rows,
    wrap,
)
from curator_console.documents.parts import A4, INK, MUTED, RULE, WARN, add_page_frames, thumbnail_ops
from curator_console.domain.script_markup import BULLET, HEADING, HEADING_SCALE, NUMBERED, Block, parse_script
from curator_console.domain.timing import ReadingSpeed, plan_tour
from curator_console.domain.tour_plan import CUE_OBS_SCENE, SegmentDetail, TourDetail

PAGE_W, PAGE_H = A4[1], A4[0]  # landscape
MARGIN = 34.0
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
HEADER_TOP = MARGIN + 24  # below the running header
SIDE_W = 236.0
GUTTER = 26.0
SCRIPT_X, SCRIPT_W = LEFT, RIGHT - LEFT - SIDE_W - GUTTER
SIDE_X = RIGHT - SIDE_W
BODY_BOTTOM = PAGE_H - MARGIN - 22  # room for "Continued on the next page" above the footer

SCRIPT_SIZE = 19.0
SCRIPT_MIN_SIZE = 17.0  # a script that fits one page at this size is set at it rather than continued
SCRIPT_LEADING = 1.45
TITLE_SIZE = 25.0
TITLE_LINES = 2
SIDE_SIZE = 11.5
SIDE_STRONG = 14.5
THUMB = 34.0
INDENT = 24.0  # per list level


def build_cue_cards(tour: TourDetail, *, measure: Measure, labels: Mapping[str, str] | None = None,
                    speed: ReadingSpeed = ReadingSpeed(), tz: tzinfo | None = None,
                    thumbnails: Mapping[str, object] | None = None) -> list[Page]:
    """The pages of the cue cards: at least one per segment (an empty tour gets one page saying so)."""
    lb = with_defaults(labels)
    timing = plan_tour([(s.title, s.planned_seconds, s.script) for s in tour.segments], tour.slot_seconds, speed)
    pages: list[Page] = []
    count = len(tour.segments)
    for seg, t in zip(tour.segments, timing.segments):
        pages += _card(seg, count, t.start_offset_seconds, t.estimated_seconds, lb, measure, thumbnails or {})
    if not pages:
        page = Page(PAGE_W, PAGE_H)
        page.ops.append(TextOp(LEFT, HEADER_TOP + TITLE_SIZE, lb["no_segments"], SCRIPT_SIZE, color=MUTED))
        pages.append(page)
    add_page_frames(pages, margin=MARGIN, left_text=f"{lb['cue_cards']} · {tour.title}", right_text=tour.museum_name,
                    footer_left=f.start_time(tour.planned_start, tz) if tour.planned_start else "",
                    measure=measure, labels=lb, header_size=9, footer_size=9)
    return pages


def write_cue_cards(tour: TourDetail, path: Path | str, *, labels: Mapping[str, str] | None = None,
                    speed: ReadingSpeed = ReadingSpeed(), tz: tzinfo | None = None,
                    thumbnails: Mapping[str, object] | None = None) -> int:
    """Write the cue cards PDF to ``path``; returns the number of pages."""
    from curator_console.documents.fonts import FontMeasure
    from curator_console.documents.pdf import write_pdf

    lb = with_defaults(labels)
    pages = build_cue_cards(tour, measure=FontMeasure(), labels=lb, speed=speed, tz=tz, thumbnails=thumbnails)
    write_pdf(pages, path, title=f"{tour.title} — {lb['cue_cards']}", subject=lb["cue_cards"])
    return len(pages)


# --- one card -------------------------------------------------------------------------------


def _header(seg: SegmentDetail, count: int, offset: int, estimated: int, lb: Mapping[str, str], measure: Measure,
            continued: bool) -> tuple[list, float]:
    """The card's header operations (absolute) and where the body starts."""
    ops: list = []
    facts = [fill(lb["segment_of"], seg.position + 1, count), fill(lb["starts_at"], f.duration(offset)),
             fill(lb["planned_duration"], f.duration(seg.planned_seconds))]
    y = HEADER_TOP + 13
    ops.append(TextOp(LEFT, y, elide("   ·   ".join(facts), RIGHT - LEFT - 190, 13, measure, bold=True), 13, True, MUTED))
    estimate = fill(lb["speaking_estimate"], f.duration(estimated))
    ops.append(TextOp(RIGHT, y, elide(estimate, 180, 11, measure), 11, color=WARN if estimated > seg.planned_seconds
                      else MUTED, align="right"))
    title = fill(lb["continued"], seg.title) if continued else seg.title
    lines = clamp_lines(wrap(title, RIGHT - LEFT, TITLE_SIZE, measure, bold=True), TITLE_LINES, RIGHT - LEFT,
                        TITLE_SIZE, measure)
    y += 10
    for ln in lines:
        y += TITLE_SIZE * 1.25
        ops += line_ops(ln, LEFT, y, TITLE_SIZE, INK)
    y += 12
    ops.append(RuleOp(LEFT, y, RIGHT, y, INK, 1.0))
    return ops, y + 16


def _card(seg: SegmentDetail, count: int, offset: int, estimated: int, lb: Mapping[str, str], measure: Measure,
          thumbnails: Mapping[str, object]) -> list[Page]:
    first_ops, first_top = _header(seg, count, offset, estimated, lb, measure, continued=False)
    next_ops, next_top = _header(seg, count, offset, estimated, lb, measure, continued=True)
    heights = {"body_height": BODY_BOTTOM - next_top, "first_height": BODY_BOTTOM - first_top}
    side_pages = paginate(_side_rows(seg, lb, measure, thumbnails), **heights)
    script_pages = paginate(_script_rows(seg.script, SCRIPT_SIZE, lb, measure), **heights)
    if len(script_pages) > 1:
        smaller = paginate(_script_rows(seg.script, SCRIPT_MIN_SIZE, lb, measure), **heights)
        if len(smaller) == 1:
            script_pages = smaller
    n_pages = max(len(script_pages), len(side_pages))
    pages = []
    for k in range(n_pages):
        page = Page(PAGE_W, PAGE_H)
        page.ops += first_ops if k == 0 else next_ops
        top = first_top if k == 0 else next_top
        if k < len(script_pages):
            place_rows(page, script_pages[k], top)
        if k < len(side_pages):
            place_rows(page, side_pages[k], top)
        page.ops.append(RuleOp(SIDE_X - GUTTER / 2, top, SIDE_X - GUTTER / 2, BODY_BOTTOM, RULE, 0.6))
        if k < n_pages - 1:
            page.ops.append(TextOp(RIGHT, BODY_BOTTOM + 15, lb["continued_next"] + " →", 11, True, MUTED, align="right"))
        pages.append(page)
    return pages


def _script_rows(script: str, size: float, lb: Mapping[str, str], measure: Measure) -> list[Row]:
    blocks = parse_script(script)
    if not blocks:
        return text_rows(wrap(lb["no_script"], SCRIPT_W, size, measure), SCRIPT_X, size, size * SCRIPT_LEADING,
                         color=MUTED)
    rows: list[Row] = []
    for n, block in enumerate(blocks):
        rows += _block_rows(block, size, n == 0, measure)
    return rows


def _block_rows(block: Block, base: float, first: bool, measure: Measure) -> list[Row]:
    spans = [Span(r.text, r.bold) for r in block.runs]
    if block.kind == HEADING:
        size = base * HEADING_SCALE.get(block.level, 1.0)
        spans = [Span(s.text, True) for s in spans]
        lines = wrap(spans, SCRIPT_W, size, measure)
        rows = [] if first else [spacer(size * 0.5, keep_with_next=True)]
        rows += text_rows(lines, SCRIPT_X, size, size * 1.3, keep_with_next=True)
        rows.append(spacer(size * 0.2, keep_with_next=True))
        return rows
    size = base
    lh = size * SCRIPT_LEADING
    if block.kind in (BULLET, NUMBERED):
        indent = INDENT * block.level
        mark = "•" if block.kind == BULLET else f"{block.number}."
        mark_w = max(size * 0.9, measure(mark, size, False) + size * 0.45)
        text_x = SCRIPT_X + indent + mark_w
        lines = wrap(spans, SCRIPT_W - indent - mark_w, size, measure) or [Line((), 0.0)]
        rows = text_rows(lines, text_x, size, lh)
        baseline = (lh - size) / 2 + size * 0.8
        mark_op = TextOp(SCRIPT_X + indent, baseline, mark, size, color=MUTED if block.kind == BULLET else INK)
        rows[0] = Row(rows[0].height, (mark_op, *rows[0].ops))
        return no_orphans(rows) + [spacer(size * 0.15)]
    rows = text_rows(wrap(spans, SCRIPT_W, size, measure), SCRIPT_X, size, lh)
    return no_orphans(rows) + [spacer(size * 0.45)]


def _side_rows(seg: SegmentDetail, lb: Mapping[str, str], measure: Measure,
               thumbnails: Mapping[str, object]) -> list[Row]:
    rows: list[Row] = []

    def label(text: str) -> None:
        if rows:
            rows.append(spacer(10, keep_with_next=True))
        rows.append(Row(18, (TextOp(SIDE_X, 13, text, 10.5, True, MUTED),
                             RuleOp(SIDE_X, 16, RIGHT, 16, RULE, 0.5)), keep_with_next=True))

    if seg.objects:
        label(lb["objects"])
        text_x = SIDE_X + THUMB + 8
        for obj in seg.objects:
            lines = wrap(obj.title, RIGHT - text_x, SIDE_SIZE, measure) if obj.title else []
            height = max(THUMB + 6, SIDE_STRONG * 1.3 + len(lines) * SIDE_SIZE * 1.3 + 6)
            ops = thumbnail_ops(thumbnails.get(obj.image_sha256) if obj.image_sha256 else None, SIDE_X, 3, THUMB,
                                measure, lb)
            ops.append(TextOp(text_x, SIDE_STRONG + 1, elide(obj.object_number, RIGHT - text_x, SIDE_STRONG, measure,
                                                             bold=True), SIDE_STRONG, True))
            for n, ln in enumerate(lines):
                ops += line_ops(ln, text_x, SIDE_STRONG * 1.3 + SIDE_SIZE * (1.1 + 1.3 * n), SIDE_SIZE, INK)
            rows.append(Row(height, tuple(ops)))
    if seg.products:
        label(lb["products"])
        for p in seg.products:
            price = f.money(p.selling_price, p.currency) if p.selling_price is not None else lb["no_price"]
            price_w = measure(price, SIDE_STRONG, True)
            sku_lines = wrap(p.sku, SIDE_W - price_w - 10, SIDE_STRONG, measure, bold=True)
            ops = [TextOp(RIGHT, SIDE_STRONG + 1, price, SIDE_STRONG, True, INK, align="right")]
            for n, ln in enumerate(sku_lines):
                ops += line_ops(ln, SIDE_X, SIDE_STRONG + 1 + n * SIDE_STRONG * 1.25, SIDE_STRONG, INK)
            rows.append(Row(len(sku_lines) * SIDE_STRONG * 1.25 + 4, tuple(ops), keep_with_next=bool(p.title or p.pitch)))
            if p.live_price is not None and p.price is not None and p.live_price != p.price:
                rows += text_rows([wrap(fill(lb["list_price"], f.money(p.price, p.currency)), SIDE_W, SIDE_SIZE,
                                        measure)[0]], SIDE_X, SIDE_SIZE, SIDE_SIZE * 1.3, color=MUTED, align="left")
            rows += text_rows(wrap(p.title, SIDE_W, SIDE_SIZE, measure), SIDE_X, SIDE_SIZE, SIDE_SIZE * 1.3)
            if p.pitch:
                rows += text_rows(wrap(p.pitch, SIDE_W, SIDE_SIZE, measure), SIDE_X, SIDE_SIZE, SIDE_SIZE * 1.3,
                                  color=MUTED)
            rows.append(spacer(6))
    if seg.cues:
        label(lb["cues"])
        size, lh = 13.0, 17.0
        for cue in seg.cues:
            text = fill(lb["obs_scene"], cue.text) if cue.kind == CUE_OBS_SCENE else cue.text
            lines = wrap(text, SIDE_W - 16, size, measure)
            cue_rows = text_rows(lines, SIDE_X + 16, size, lh)
            baseline = (lh - size) / 2 + size * 0.8
            if cue_rows:
                cue_rows[0] = Row(cue_rows[0].height, (TextOp(SIDE_X, baseline, "▸", size, color=MUTED), *cue_rows[0].ops))
            rows += cue_rows
            rows.append(spacer(3))
    return rows
