"""Pieces both documents draw: colours, thumbnail boxes (or a placeholder), running headers and
page footers with "Page x of y"."""

from __future__ import annotations

from collections.abc import Mapping

from curator_console.documents.labels import fill
from curator_console.documents.layout import ImageOp, Measure, Op, Page, RectOp, RuleOp, TextOp, elide

A4 = (595.28, 841.89)  # points, portrait

INK = "#1f1f1f"
MUTED = "#6b6b6b"
RULE = "#c8c8c8"
WARN = "#b3261e"
WARN_FILL = "#fdecea"
OK = "#1e6b35"
OK_FILL = "#e7f3ea"
NEUTRAL_FILL = "#f2f2f2"
PLACEHOLDER_FILL = "#f1f1f1"
PLACEHOLDER_EDGE = "#bdbdbd"


def thumbnail_ops(image: object | None, x: float, y: float, box: float, measure: Measure,
                  labels: Mapping[str, str]) -> list[Op]:
    """The image fitted into a ``box`` × ``box`` square at (x, y), or a neat placeholder box."""
    size = getattr(image, "size", None)
    if image is None or not size or size[0] <= 0 or size[1] <= 0:
        text_size = max(4.5, box / 6)
        word = elide(labels["no_image"], box - 4, text_size, measure)
        return [
            RectOp(x, y, box, box, fill=PLACEHOLDER_FILL, edge=PLACEHOLDER_EDGE, line_width=0.5),
            TextOp(x + box / 2, y + box / 2 + text_size * 0.35, word, text_size, color=MUTED, align="center"),
        ]
    w, h = size
    scale = box / max(w, h)
    dw, dh = w * scale, h * scale
    ix, iy = x + (box - dw) / 2, y + (box - dh) / 2
    return [ImageOp(ix, iy, dw, dh, image), RectOp(ix, iy, dw, dh, edge=PLACEHOLDER_EDGE, line_width=0.4)]


def add_page_frames(pages: list[Page], *, margin: float, left_text: str, right_text: str, footer_left: str,
                    measure: Measure, labels: Mapping[str, str], header_size: float = 8.5,
                    footer_size: float = 8.5) -> None:
    """A running header (two texts and a rule) and a footer with "Page x of y" on every page."""
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        width = page.width - 2 * margin
        header_y = margin + header_size
        right = elide(right_text, width * 0.38, header_size, measure)
        left = elide(left_text, width - measure(right, header_size, False) - 16, header_size, measure)
        page.ops.append(TextOp(margin, header_y, left, header_size, color=MUTED))
        if right:
            page.ops.append(TextOp(page.width - margin, header_y, right, header_size, color=MUTED, align="right"))
        page.ops.append(RuleOp(margin, header_y + 6, page.width - margin, header_y + 6, RULE, 0.6))
        footer_y = page.height - margin + footer_size
        number = fill(labels["page_of"], n, total)
        page.ops.append(TextOp(page.width - margin, footer_y, number, footer_size, color=MUTED, align="right"))
        if footer_left:
            room = width - measure(number, footer_size, False) - 16
            page.ops.append(TextOp(margin, footer_y, elide(footer_left, room, footer_size, measure), footer_size,
                                   color=MUTED))
