"""Text wrapping by measured width, page content as drawing operations, and pagination.

Pure Python: widths come from a ``Measure`` (``fonts.FontMeasure`` in the real documents, any
function in tests), so everything here can be tested without fonts or matplotlib.

Coordinates are PDF points (1/72 inch) from the page's top-left corner, y growing downwards;
a text's ``y`` is its baseline.

Line breaking: Latin (and other space-separated) text breaks at spaces; Chinese, Japanese and
Korean text may break between any two characters, except that closing punctuation (，。、：！？）」…)
never starts a line and opening punctuation (（「《“…) never ends one. A word wider than the whole
line is broken between characters. ``\\n`` always starts a new line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Union

Measure = Callable[[str, float, bool], float]
"""``measure(text, size_pt, bold) -> width_pt``: the advance width of ``text`` set in one style."""

ELLIPSIS = "…"

# Closing punctuation (CJK and Latin) that must not start a line; opening that must not end one.
NO_BREAK_BEFORE = frozenset("，。、；：！？）］｝〕〉》」』】〗〙〛’”…‥・·—～%％,.;:!?)]}")
NO_BREAK_AFTER = frozenset("（［｛〔〈《「『【〖〘〚‘“([{$¥￥£€#")

_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FFF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility jamo, Kanbun, CJK strokes
    (0x3200, 0x4DBF),  # enclosed CJK, compatibility, extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    (0x20000, 0x3FFFF),  # extensions B and later
)


def is_cjk(ch: str) -> bool:
    """True for a character of a script written without spaces (Chinese, Japanese, Korean)."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def can_break_between(before: str, after: str) -> bool:
    """May a line end after ``before`` with the next line starting at ``after``?"""
    if after.isspace():
        return False  # spaces stay at the end of the line they follow
    if after in NO_BREAK_BEFORE or before in NO_BREAK_AFTER:
        return False
    if before.isspace():
        return True
    return is_cjk(before) or is_cjk(after)


# --- wrapping -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A stretch of text in one style (the input of ``wrap``)."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Piece:
    """Part of a wrapped line in one style, ``x`` points from the line's start."""

    text: str
    bold: bool
    x: float
    width: float


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    width: float

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


_CONTROL = dict.fromkeys([c for c in range(32) if c not in (9, 10)] + [127])


def _printable(text: str) -> str:
    """Tabs as four spaces, Windows line ends as ``\n``, other control characters dropped."""
    return text.replace("\r\n", "\n").replace("\t", "    ").translate(_CONTROL)


class _Styled:
    """The spans of a paragraph as one string, with the style of every position."""

    def __init__(self, spans: Sequence[Span]) -> None:
        texts = [_printable(s.text) for s in spans]
        self.text = "".join(texts)
        self.bounds: list[tuple[int, int, bool]] = []  # (start, end, bold), no empty ones
        pos = 0
        for s, t in zip(spans, texts):
            if t:
                self.bounds.append((pos, pos + len(t), s.bold))
                pos += len(t)

    def pieces(self, start: int, end: int) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for a, b, bold in self.bounds:
            lo, hi = max(a, start), min(b, end)
            if lo < hi:
                if out and out[-1][1] == bold:
                    out[-1] = (out[-1][0] + self.text[lo:hi], bold)
                else:
                    out.append((self.text[lo:hi], bold))
        return out


def _atoms(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at every allowed line break: (start, end) of each unbreakable part
    (trailing spaces included)."""
    atoms: list[tuple[int, int]] = []
    a = start
    for i in range(start + 1, end):
        if can_break_between(text[i - 1], text[i]):
            atoms.append((a, i))
            a = i
    if a < end:
        atoms.append((a, end))
    return atoms


def wrap(spans: Sequence[Span] | str, width: float, size: float, measure: Measure, *, bold: bool = False) -> list[Line]:
    """Break styled text into lines no wider than ``width`` points at ``size``.

    A plain string is one span (``bold`` applies to it). Every ``\\n`` starts a new line (an empty
    line for ``\\n\\n``); spaces at the end of a wrapped line are dropped; an empty text gives no
    lines. Only a single character wider than ``width`` can make a line wider than ``width``.
    """
    if isinstance(spans, str):
        spans = [Span(spans, bold)]
    styled = _Styled(spans)
    text = styled.text
    if not text:
        return []

    def width_of(a: int, b: int) -> float:
        return sum(measure(t, size, bd) for t, bd in styled.pieces(a, b))

    def trimmed_end(a: int, b: int) -> int:
        while b > a and text[b - 1].isspace():
            b -= 1
        return b

    def make_line(a: int, b: int) -> Line:
        b = trimmed_end(a, b)
        pieces: list[Piece] = []
        x = 0.0
        for t, bd in styled.pieces(a, b):
            w = measure(t, size, bd)
            pieces.append(Piece(t, bd, x, w))
            x += w
        return Line(tuple(pieces), x)

    lines: list[Line] = []
    hard_start = 0
    while True:
        nl = text.find("\n", hard_start)
        hard_end = len(text) if nl < 0 else nl
        starts: list[int] = []  # where each line of this stretch begins
        line_width = 0.0
        for a, b in _atoms(text, hard_start, hard_end):
            w_trim = width_of(a, trimmed_end(a, b))
            if starts and line_width + w_trim <= width:
                line_width += width_of(a, b)
                continue
            if w_trim <= width:
                starts.append(a)
                line_width = width_of(a, b)
                continue
            # A part wider than the whole line: break it between characters.
            starts.append(a)
            line_width = 0.0
            for i in range(a, b):
                w = width_of(i, i + 1)
                if i > starts[-1] and not text[i].isspace() and line_width + w > width:
                    starts.append(i)
                    line_width = 0.0
                line_width += w
        if len(starts) >= 2:
            # A Chinese paragraph never ends with one or two characters alone on its last line:
            # the last character of the line before goes down with them.
            last = text[starts[-1]:hard_end].strip()
            before = _atoms(text, starts[-2], starts[-1])
            if len(last) <= 2 and any(is_cjk(c) for c in last) and len(before) >= 3:
                moved = before[-1][0]
                if width_of(moved, trimmed_end(moved, hard_end)) <= width:
                    starts[-1] = moved
        for k, start in enumerate(starts):
            lines.append(make_line(start, starts[k + 1] if k + 1 < len(starts) else hard_end))
        if not starts and hard_end == hard_start:
            lines.append(Line((), 0.0))  # an empty line between two "\n"
        if nl < 0:
            break
        hard_start = nl + 1
    return lines


def elide(text: str, width: float, size: float, measure: Measure, *, bold: bool = False) -> str:
    """``text`` on one line (line breaks become spaces), cut with "…" when wider than ``width``."""
    text = " ".join(text.split())
    if measure(text, size, bold) <= width:
        return text
    room = width - measure(ELLIPSIS, size, bold)
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits
        mid = (lo + hi + 1) // 2
        if measure(text[:mid], size, bold) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def clamp_lines(lines: Sequence[Line], max_lines: int, width: float, size: float, measure: Measure) -> list[Line]:
    """At most ``max_lines`` lines: the last one shown holds the rest of the text, cut with "…"."""
    if len(lines) <= max_lines:
        return list(lines)
    rest = ""
    for ln in lines[max_lines - 1:]:
        t = ln.text
        if rest and t and not is_cjk(rest[-1]) and not is_cjk(t[0]):
            rest += " "
        rest += t
    pieces = lines[max_lines - 1].pieces
    bold = bool(pieces) and pieces[0].bold
    last = elide(rest, width, size, measure, bold=bold)
    w = measure(last, size, bold)
    return list(lines[:max_lines - 1]) + [Line((Piece(last, bold, 0.0, w),), w)]


# --- drawing operations ---------------------------------------------------------------------


@dataclass(frozen=True)
class TextOp:
    x: float
    y: float  # baseline
    text: str
    size: float
    bold: bool = False
    color: str = "#1f1f1f"
    align: str = "left"  # "left" | "right" | "center": where x is


@dataclass(frozen=True)
class RectOp:
    x: float
    y: float  # top
    w: float
    h: float
    fill: str | None = None
    edge: str | None = None
    line_width: float = 0.6


@dataclass(frozen=True)
class RuleOp:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = "#c8c8c8"
    line_width: float = 0.6


@dataclass(frozen=True)
class ImageOp:
    x: float
    y: float  # top
    w: float
    h: float
    image: object = field(compare=False)  # whatever the writer draws (a PIL image)


Op = Union[TextOp, RectOp, RuleOp, ImageOp]


def shift(op: Op, dy: float) -> Op:
    """``op`` moved down by ``dy`` points."""
    if isinstance(op, RuleOp):
        return dataclasses.replace(op, y1=op.y1 + dy, y2=op.y2 + dy)
    return dataclasses.replace(op, y=op.y + dy)


def op_top(op: Op) -> float:
    """The highest point an operation may paint (text: its ascent, taken as one size)."""
    if isinstance(op, TextOp):
        return op.y - op.size
    if isinstance(op, RuleOp):
        return min(op.y1, op.y2)
    return op.y


def op_bottom(op: Op) -> float:
    """The lowest point an operation may paint (text: its descent, taken as a quarter size)."""
    if isinstance(op, TextOp):
        return op.y + op.size * 0.25
    if isinstance(op, RuleOp):
        return max(op.y1, op.y2)
    return op.y + op.h


def line_ops(line: Line, x: float, baseline: float, size: float, color: str = "#1f1f1f",
             align: str = "left") -> list[TextOp]:
    """Text operations for one wrapped line starting at ``x`` (or ending at ``x`` for "right")."""
    if align == "right":
        x -= line.width
    elif align == "center":
        x -= line.width / 2
    return [TextOp(x + p.x, baseline, p.text, size, p.bold, color) for p in line.pieces if p.text.strip()]


# --- pagination -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """An unbreakable strip of a page: operations relative to the row's top (y = 0), absolute x.

    ``keep_with_next`` keeps it on the same page as the row after it (headings). Rows of the same
    ``group`` (a segment) that a page break separates get the ``continued`` rows of
    ``paginate`` at the top of the new page.
    """

    height: float
    ops: tuple[Op, ...] = ()
    keep_with_next: bool = False
    group: object = None


def spacer(height: float, group: object = None, keep_with_next: bool = False) -> Row:
    return Row(height, (), keep_with_next, group)


def text_rows(lines: Sequence[Line], x: float, size: float, line_height: float, *, color: str = "#1f1f1f",
              group: object = None, keep_with_next: bool = False, align: str = "left") -> list[Row]:
    """One row per wrapped line (so a paragraph can break between any two lines)."""
    baseline = (line_height - size) / 2 + size * 0.8
    return [Row(line_height, tuple(line_ops(ln, x, baseline, size, color, align)), keep_with_next, group)
            for ln in lines]


def no_orphans(rows: list[Row]) -> list[Row]:
    """The rows of one paragraph with its first two and last two lines kept together, so a page
    break never leaves a single line of it alone at the foot or the top of a page."""
    out = list(rows)
    if len(out) >= 2:
        for k in {0, len(out) - 2}:
            out[k] = dataclasses.replace(out[k], keep_with_next=True)
    return out


class LayoutError(ValueError):
    """A row taller than the page body (the document builders never make one)."""


def paginate(rows: Sequence[Row], body_height: float, *, first_height: float | None = None,
             head: Callable[[int], Sequence[Row]] | None = None,
             continued: Callable[[object], Sequence[Row]] | None = None) -> list[list[tuple[float, Row]]]:
    """Place rows on pages of ``body_height`` points (``first_height`` on the first page when
    given): a list per page of (y, row).

    ``head(page_index)`` gives rows repeated at the top of every page after the first (column
    headings). After a page break inside a group, ``continued(group)`` gives rows placed first
    (a "continued" heading). A chain of ``keep_with_next`` rows moves to the next page whole when it
    does not fit (unless it would not fit on an empty page either). Raises ``LayoutError`` for a
    row taller than a page.
    """
    pages: list[list[tuple[float, Row]]] = [[]]
    y = 0.0
    height = body_height if first_height is None else first_height
    fresh = True  # only heads and continuation rows on this page so far
    last_group: object = None

    def place(row: Row) -> None:
        nonlocal y
        if y + row.height > height + 1e-6:
            raise LayoutError(f"a row of {row.height:.1f} pt does not fit a page body of {height:.1f} pt")
        pages[-1].append((y, row))
        y += row.height

    def new_page(group: object) -> None:
        nonlocal y, fresh, height
        pages.append([])
        y = 0.0
        height = body_height
        fresh = True
        for r in head(len(pages) - 1) if head else ():
            place(r)
        if continued and group is not None and group == last_group:
            for r in continued(group):
                place(r)

    for i, row in enumerate(rows):
        need = row.height
        j = i
        while rows[j].keep_with_next and j + 1 < len(rows):
            j += 1
            need += rows[j].height
        chain_moves = not fresh and y + need > height + 1e-6 and need <= body_height + 1e-6
        if y + row.height > height + 1e-6 or chain_moves:
            new_page(row.group)
        place(row)
        fresh = False
        last_group = row.group
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages


@dataclass
class Page:
    width: float
    height: float
    ops: list[Op] = field(default_factory=list)

    def text(self) -> str:
        """The page's words in drawing order (for tests and previews)."""
        return "\n".join(op.text for op in self.ops if isinstance(op, TextOp))


def place_rows(page: Page, placed: Sequence[tuple[float, Row]], top: float) -> None:
    """Add the operations of paginated rows to ``page``, the body starting at ``top``."""
    for y, row in placed:
        page.ops.extend(shift(op, top + y) for op in row.ops)
