"""Tour scripts are written in a light Markdown; this reads it.

What a script may use (nothing else is markup; every other character is text):

- ``# `` / ``## `` / ``### `` at the start of a line: a heading (one line)
- ``**bold**`` anywhere in a block (an unclosed or empty ``**`` stays as typed)
- ``- `` / ``* `` / ``• `` at the start of a line: a bullet; indenting by 2 spaces per level nests it
- ``1. `` / ``1、`` / ``1．`` at the start of a line: a numbered item (indented the same way)
- a blank line ends a paragraph; consecutive plain lines are one paragraph (joined by newlines);
  an indented plain line straight after a list item continues that item

``parse_script`` gives the blocks, ``plain_text`` the words without markup (speaking-time
estimates, previews), ``to_html`` safe HTML for ``QTextDocument`` / ``QLabel`` (every character of
the script is escaped). Windows and old Mac line ends are read like ``\\n``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

HEADING = "heading"
BULLET = "bullet"
NUMBERED = "numbered"
PARAGRAPH = "paragraph"
BLOCK_KINDS = (HEADING, BULLET, NUMBERED, PARAGRAPH)
LIST_KINDS = (BULLET, NUMBERED)

INDENT_PER_LEVEL = 2
TAB_WIDTH = 4
BOLD_MARK = "**"

_NEWLINES = re.compile(r"\r\n|\r|\n")
_SPACE = "[ \t\u3000]"
_HEADING = re.compile(rf"^ {{0,3}}(#{{1,3}}){_SPACE}+(.*)$")
_BULLET = re.compile(rf"^([ \t]*)([-*•]){_SPACE}+(.*)$")
# "1. " needs a space after the dot (so "3.14" stays text); "1、" and "1．" (full width) do not.
_NUMBERED = re.compile(rf"^([ \t]*)([0-9]{{1,9}})(?:\.{_SPACE}+|[、．]{_SPACE}*)(.*)$")

# Heading sizes relative to the body text (h1, h2, h3).
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.15}


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """A heading (``level`` 1–3), a list item (``level`` 0 = top, 1 = nested once…; ``number``
    for numbered items) or a paragraph (``level`` 0). Runs may hold ``\\n`` (line breaks inside
    a paragraph or a continued list item)."""

    kind: str
    runs: tuple[Run, ...]
    level: int = 0
    number: int | None = None

    @property
    def text(self) -> str:
        """The block's words without markup."""
        return "".join(r.text for r in self.runs)


def split_lines(text: str) -> list[str]:
    """The lines of ``text``; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    return _NEWLINES.split(text)


def indent_width(prefix: str) -> int:
    """Columns of leading blanks (a tab counts as ``TAB_WIDTH``)."""
    return sum(TAB_WIDTH if c == "\t" else 1 for c in prefix)


def bold_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` is bold: ``(start, end)`` of each ``**…**`` pair, marks included, left to
    right. An unclosed ``**`` and an empty pair (``****``) are not bold."""
    spans: list[tuple[int, int]] = []
    pos = 0
    mark = len(BOLD_MARK)
    while True:
        start = text.find(BOLD_MARK, pos)
        if start < 0:
            return spans
        end = text.find(BOLD_MARK, start + mark)
        if end < 0:
            return spans  # unclosed: the rest is literal
        if end == start + mark:
            pos = start + 1  # "****": nothing to make bold; look again from the next mark
            continue
        spans.append((start, end + mark))
        pos = end + mark


def parse_inline(text: str) -> tuple[Run, ...]:
    """``text`` as runs (see ``bold_spans``). Adjacent runs of the same style are merged, empty
    ones dropped."""
    runs: list[Run] = []

    def add(piece: str, bold: bool) -> None:
        if not piece:
            return
        if runs and runs[-1].bold == bold:
            runs[-1] = Run(runs[-1].text + piece, bold)
        else:
            runs.append(Run(piece, bold))

    mark = len(BOLD_MARK)
    done = 0
    for start, end in bold_spans(text):
        add(text[done:start], False)
        add(text[start + mark:end - mark], True)
        done = end
    add(text[done:], False)
    return tuple(runs)


@dataclass(frozen=True)
class LineMark:
    """The block mark a line starts with. ``kind``: heading, bullet or numbered. ``level``: the
    heading level (1–3), or for list items the nesting the indent asks for (2 spaces a level; the
    parser allows one level deeper than the item before at most). ``start``/``end``: the mark's
    span in the line (the indent is before ``start``; the text begins at ``end``)."""

    kind: str
    level: int
    start: int
    end: int
    number: int | None = None


def line_mark(line: str) -> LineMark | None:
    """The heading, bullet or number mark at the start of ``line`` (None for a plain line)."""
    m = _HEADING.match(line)
    if m:
        return LineMark(HEADING, len(m.group(1)), m.start(1), m.start(2))
    m = _BULLET.match(line)
    if m:
        return LineMark(BULLET, indent_width(m.group(1)) // INDENT_PER_LEVEL, m.start(2), m.start(3))
    m = _NUMBERED.match(line)
    if m:
        return LineMark(NUMBERED, indent_width(m.group(1)) // INDENT_PER_LEVEL, m.start(2), m.start(3),
                        int(m.group(2)))
    return None


@dataclass
class _Open:
    """A block being read (paragraphs and list items may take more lines)."""

    kind: str
    lines: list[str]
    level: int = 0
    number: int | None = None

    def close(self) -> Block:
        return Block(self.kind, parse_inline("\n".join(self.lines)), self.level, self.number)


def parse_script(text: str) -> list[Block]:
    """The blocks of a script, in order. Never raises; any text is a valid script."""
    blocks: list[Block] = []
    current: _Open | None = None
    last_list_level = -1  # the level of the list item just before (-1: not in a list)

    def finish() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current.close())
            current = None

    for line in split_lines(text or ""):
        if not line.strip(" \t\u3000"):
            finish()
            last_list_level = -1
            continue
        mark = line_mark(line)
        if mark is not None and mark.kind == HEADING:
            finish()
            blocks.append(Block(HEADING, parse_inline(line[mark.end:].rstrip()), mark.level))
            last_list_level = -1
            continue
        if mark is not None:
            finish()
            # Nesting goes one level at a time: a deeper indent than that is the next level.
            level = min(mark.level, last_list_level + 1)
            current = _Open(mark.kind, [line[mark.end:].rstrip()], level, mark.number)
            last_list_level = level
            continue
        stripped = line.lstrip(" \t")
        lead = indent_width(line[: len(line) - len(stripped)])
        if current is not None and current.kind in LIST_KINDS and lead >= INDENT_PER_LEVEL:
            current.lines.append(stripped.rstrip())  # an indented line continues the list item
            continue
        if current is None or current.kind != PARAGRAPH:
            finish()
            current = _Open(PARAGRAPH, [])
            last_list_level = -1
        current.lines.append(stripped.rstrip())
    finish()
    return blocks


def _item_label(block: Block) -> str:
    return f"{block.number}. " if block.kind == NUMBERED else ""


def plain_text(text: str) -> str:
    """The script without markup: one line per block (a paragraph keeps its line breaks),
    heading marks, bullets and ``**`` removed, numbered items keep their number ("2. …")."""
    return "\n".join(_item_label(b) + b.text for b in parse_script(text))


def _runs_html(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        piece = escape(run.text, quote=True).replace("\n", "<br>")
        out.append(f"<b>{piece}</b>" if run.bold else piece)
    return "".join(out)


def _pt(size: float) -> str:
    return f"{size:.1f}".rstrip("0").rstrip(".")


def to_html(text: str, base_size_pt: float | None = None) -> str:
    """The script as HTML using only h1–h3, p, b, br, ul, ol and li (every character of the
    script escaped). With ``base_size_pt`` the body text gets that size and headings a larger one;
    without it, the viewer's own sizes apply."""

    def style(scale: float) -> str:
        return f' style="font-size:{_pt(base_size_pt * scale)}pt"' if base_size_pt else ""

    body = style(1.0)
    out: list[str] = []
    stack: list[str] = []  # open lists, innermost last ("ul" / "ol")

    def close_lists(depth: int) -> None:
        while len(stack) > depth:
            out.append(f"</li></{stack.pop()}>")

    for block in parse_script(text):
        if block.kind not in LIST_KINDS:
            close_lists(0)
            if block.kind == HEADING:
                tag = f"h{block.level}"
                out.append(f"<{tag}{style(HEADING_SCALE[block.level])}>{_runs_html(block.runs)}</{tag}>")
            else:
                out.append(f"<p{body}>{_runs_html(block.runs)}</p>")
            continue
        tag = "ol" if block.kind == NUMBERED else "ul"
        depth = block.level + 1  # lists that must be open for this item
        close_lists(depth)
        if len(stack) == depth and stack[-1] != tag:
            close_lists(depth - 1)  # a bullet after numbered items (or back): a new list
        if len(stack) == depth:
            out.append("</li>")
        while len(stack) < depth:
            start = f' start="{block.number}"' if tag == "ol" and block.number not in (None, 1) else ""
            out.append(f"<{tag}{start}>")
            stack.append(tag)
        out.append(f"<li{body}>{_runs_html(block.runs)}")
    close_lists(0)
    return "".join(out)
