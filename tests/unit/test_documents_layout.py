"""Line wrapping by measured width (Chinese per character, Latin per word, mixed, over-long words),
eliding, and pagination (keep-with-next, continued headings, repeated heads, no orphans)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator_console.documents.layout import (
    NO_BREAK_AFTER,
    NO_BREAK_BEFORE,
    LayoutError,
    Row,
    Span,
    TextOp,
    clamp_lines,
    elide,
    is_cjk,
    no_orphans,
    paginate,
    text_rows,
    wrap,
)


def grid_measure(text: str, size: float, bold: bool = False) -> float:
    """A font where a CJK character is one em wide, anything else half an em (bold: 10% wider)."""
    em = sum(1.0 if is_cjk(c) else 0.5 for c in text)
    return em * size * (1.1 if bold else 1.0)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_latin_breaks_between_words_only() -> None:
    text = "Where the Silk Road Began: a Tang brocade with roundels of paired birds"
    lines = wrap(text, 100, 10, grid_measure)  # 20 half-em characters a line
    assert len(lines) > 1
    assert all(line.width <= 100 for line in lines)
    words = text.split()
    assert [w for line in lines for w in line.text.split()] == words  # no word cut in two
    assert all(not line.text.startswith(" ") and not line.text.endswith(" ") for line in lines)
    # Greedy: the next line's first word would not have fitted on the line before.
    for a, b in zip(lines, lines[1:]):
        assert grid_measure(a.text + " " + b.text.split()[0], 10) > 100


def test_chinese_breaks_between_any_characters_and_fills_the_line() -> None:
    text = "各位晚上好欢迎来到青禾中国装饰艺术博物馆的夜间直播导览我是策展人林晓棠"
    lines = wrap(text, 100, 10, grid_measure)  # ten characters a line
    assert [len(line.text) for line in lines[:-1]] == [10] * (len(lines) - 1)
    assert "".join(line.text for line in lines) == text
    assert all(line.width <= 100 for line in lines)


def test_a_chinese_paragraph_never_ends_with_a_single_character_alone() -> None:
    text = "一二三四五六七八九十" * 2 + "终"
    assert [len(line.text) for line in wrap(text, 100, 10, grid_measure)] == [10, 9, 2]
    assert [line.text for line in wrap(text + "。", 100, 10, grid_measure)][-1] == "十终。"
    # Latin text is left as it is: a short last word is fine there.
    assert [line.text for line in wrap("aaaa bbbb c", 45, 10, grid_measure)] == ["aaaa bbbb", "c"]


def test_closing_punctuation_never_starts_and_opening_never_ends_a_line() -> None:
    text = "今晚闭馆之后，我们带大家走进瓷器馆和织绣馆。“蓉城”的蜀绣（清代）很精彩！看《百子图》、再问答。" * 3
    for width in range(40, 200, 7):
        lines = wrap(text, width, 10, grid_measure)
        assert "".join(line.text for line in lines) == text
        for line in lines:
            assert line.text[0] not in NO_BREAK_BEFORE, (width, line.text)
            assert line.text[-1] not in NO_BREAK_AFTER, (width, line.text)


def test_mixed_chinese_and_english_keeps_english_words_whole() -> None:
    text = "这件唐代 brocade 来自 Sichuan workshops，纹样叫 Lingyang patterns，非常精美。"
    for width in range(60, 160, 5):
        lines = wrap(text, width, 10, grid_measure)
        assert squeeze("".join(line.text for line in lines)) == squeeze(text)
        flat = [w for line in lines for w in line.text.replace("，", " ").replace("。", " ").split()]
        for word in ("brocade", "Sichuan", "workshops", "Lingyang", "patterns"):
            assert any(word in w for w in flat), (width, [line.text for line in lines])
        assert all(line.width <= width for line in lines)


def test_a_word_wider_than_the_line_is_broken_between_characters() -> None:
    sku = "QHM-" + "X" * 60
    lines = wrap(f"SKU {sku} end", 80, 10, grid_measure)
    assert all(line.width <= 80 for line in lines)
    assert squeeze("".join(line.text for line in lines)) == squeeze(f"SKU {sku} end")
    assert len(lines) >= 60 * 5 // 80


def test_line_breaks_in_the_text_are_kept_and_empty_text_gives_no_lines() -> None:
    lines = wrap("first\n\nthird", 500, 10, grid_measure)
    assert [line.text for line in lines] == ["first", "", "third"]
    assert wrap("", 100, 10, grid_measure) == []
    # Tabs become spaces; Windows line ends and other control characters are not printed.
    assert [line.text for line in wrap("a\tb\r\nc\x07d", 500, 10, grid_measure)] == ["a    b", "cd"]


def test_styled_spans_keep_their_style_and_positions() -> None:
    spans = [Span("看 "), Span("鱼藻纹", bold=True), Span(" 的细节 and the glaze")]
    lines = wrap(spans, 1000, 10, grid_measure)
    assert len(lines) == 1
    pieces = lines[0].pieces
    assert [(p.text, p.bold) for p in pieces] == [("看 ", False), ("鱼藻纹", True), (" 的细节 and the glaze", False)]
    assert [p.x for p in pieces] == [0.0, grid_measure("看 ", 10), grid_measure("看 ", 10) + grid_measure("鱼藻纹", 10, True)]
    # A change of style is no place to break: "preBOLDpost" is one word, too wide for 50 pt, so it
    # is cut where the width runs out, not where the bold starts or ends.
    lines = wrap([Span("pre"), Span("BOLD", True), Span("post and more words")], 50, 10, grid_measure)
    assert [line.text for line in lines] == ["preBOLDpo", "st and", "more words"]


@given(st.lists(st.sampled_from(list("ab cd，。青花瓷“”（）\n-QHM.1987") + ["brocade ", "蜀绣 ", "   "]),
                max_size=60).map("".join),
       st.integers(min_value=12, max_value=300))
def test_wrapping_never_loses_text_and_never_overflows(text: str, width: int) -> None:
    lines = wrap(text, width, 10, grid_measure)
    assert squeeze("".join(line.text for line in lines)) == squeeze(text)
    for line in lines:
        assert line.width <= width or len(line.text) == 1


def test_real_fonts_measure_chinese_as_full_width_and_wrap_by_measured_width() -> None:
    from curator_console.documents.fonts import FontMeasure

    measure = FontMeasure()
    assert measure("青花瓷", 10) == pytest.approx(30.0)  # Noto Sans CJK: one em per ideograph
    assert measure("iiii", 10) < measure("WWWW", 10)  # Latin widths are proportional
    assert measure("Bold", 10, True) > measure("Bold", 10, False)
    text = "元青花的诞生：鱼藻纹大盘 — a Yuan blue-and-white dish with fish and water plants, 14th century"
    lines = wrap(text, 120, 10, measure)
    assert len(lines) > 2 and all(line.width <= 120 for line in lines)
    assert squeeze("".join(line.text for line in lines)) == squeeze(text)


def test_elide_cuts_with_an_ellipsis_only_when_needed() -> None:
    assert elide("short", 100, 10, grid_measure) == "short"
    cut = elide("青花与蜀绣：青禾博物馆夜间直播导览", 60, 10, grid_measure)
    assert cut.endswith("…") and grid_measure(cut, 10) <= 60 and cut.startswith("青花与蜀绣")
    bold = elide("A long English title for the tour", 60, 10, grid_measure, bold=True)
    assert grid_measure(bold, 10, True) <= 60


def test_clamp_lines_keeps_the_rest_of_the_text_on_the_last_line() -> None:
    lines = wrap("一二三四五六七八九十" * 3, 50, 10, grid_measure)
    clamped = clamp_lines(lines, 2, 50, 10, grid_measure)
    assert len(clamped) == 2 and clamped[0].text == lines[0].text
    assert clamped[1].text.endswith("…") and clamped[1].width <= 50
    assert clamp_lines(lines[:2], 2, 50, 10, grid_measure) == lines[:2]


# --- pagination -----------------------------------------------------------------------------


def rows_of(heights, group=None, keep=()):
    return [Row(h, (TextOp(0, h, f"r{i}", 8),), keep_with_next=i in keep, group=group) for i, h in enumerate(heights)]


def test_rows_fill_pages_without_passing_the_bottom() -> None:
    rows = rows_of([30] * 25)
    pages = paginate(rows, 100)
    assert [len(p) for p in pages] == [3] * 8 + [1]
    for page in pages:
        assert all(y + row.height <= 100 for y, row in page)
    assert [row for page in pages for _y, row in page] == rows


def test_a_keep_with_next_chain_moves_to_the_next_page_whole() -> None:
    rows = rows_of([40, 40]) + rows_of([15, 15, 30], keep={0, 1})  # a heading chain of three rows
    pages = paginate(rows, 100)
    assert [len(p) for p in pages] == [2, 3]
    assert pages[1][0][1] is rows[2]


def test_a_chain_longer_than_a_page_still_breaks() -> None:
    rows = rows_of([40] * 5, keep={0, 1, 2, 3})
    pages = paginate(rows, 100)
    # Rows break where they must; the last two (still chained, and fitting a page) stay together.
    assert [len(p) for p in pages] == [2, 1, 2]


def test_continued_heading_and_repeated_heads_after_a_break_inside_a_group() -> None:
    head = Row(10, (TextOp(0, 8, "Start  Segment", 8),))
    rows = rows_of([30, 30, 30], group="s1") + rows_of([30, 30], group="s2")

    def continued(group):
        return [Row(12, (TextOp(0, 10, f"{group} (continued)", 8),))]

    pages = paginate(rows, 100, head=lambda n: [head], continued=continued)
    texts = [[op.text for _y, r in page for op in r.ops] for page in pages]
    assert texts[0] == ["r0", "r1", "r2"]
    assert texts[1][:2] == ["Start  Segment", "r0"]  # s2 starts on a new page: no "continued"
    rows = rows_of([30, 30, 30, 30, 30], group="s1")
    pages = paginate(rows, 100, head=lambda n: [head], continued=continued)
    texts = [[op.text for _y, r in page for op in r.ops] for page in pages]
    assert texts[1][:3] == ["Start  Segment", "s1 (continued)", "r3"]
    assert all(y + r.height <= 100 for page in pages for y, r in page)


def test_first_page_height_and_rows_taller_than_a_page() -> None:
    pages = paginate(rows_of([30] * 4), 100, first_height=40)
    assert [len(p) for p in pages] == [1, 3]
    with pytest.raises(LayoutError):
        paginate(rows_of([30, 130]), 100)


def test_no_orphans_keeps_two_lines_together_at_both_ends_of_a_paragraph() -> None:
    lines = wrap("一二三四五六七八九十" * 4, 50, 10, grid_measure)  # eight lines of five
    paragraph = no_orphans(text_rows(lines, 0, 10, 20))
    filler = rows_of([70])
    pages = paginate(filler + paragraph, 100)  # one line would fit under the filler: none is put there
    assert len(pages[0]) == 1
    # Near the end: the last line never goes alone to the next page.
    pages = paginate(rows_of([20]) + paragraph, 100)
    assert all(len(page) != 1 for page in pages[1:]) and sum(len(p) for p in pages) == 9
