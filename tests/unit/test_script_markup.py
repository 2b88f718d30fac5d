"""The light Markdown of tour scripts: blocks, plain text and safe HTML."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from curator_console.domain.script_markup import (
    Block,
    LineMark,
    Run,
    bold_spans,
    line_mark,
    parse_inline,
    parse_script,
    plain_text,
    to_html,
)
from curator_console.domain.timing import estimate_speaking_seconds


def kinds(text: str) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in parse_script(text)]


# --- blocks ---------------------------------------------------------------------------------------


def test_headings_of_three_levels_in_chinese_and_english() -> None:
    blocks = parse_script("# 青铜器厅\n## Bronze hall\n### 第三节")
    assert blocks == [
        Block("heading", (Run("青铜器厅"),), 1),
        Block("heading", (Run("Bronze hall"),), 2),
        Block("heading", (Run("第三节"),), 3),
    ]


def test_heading_marks_need_a_space_and_at_most_three_hashes() -> None:
    assert kinds("#标签\n#### four") == [("paragraph", 0, "#标签\n#### four")]


def test_consecutive_plain_lines_are_one_paragraph_and_blank_lines_separate() -> None:
    blocks = parse_script("第一行\nsecond line\n\n  \nnext paragraph")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "第一行\nsecond line"),
        ("paragraph", "next paragraph"),
    ]


def test_windows_and_old_mac_line_ends_read_like_newlines() -> None:
    unix = "# 标题\n\n- 一\n- two\n\n第一行\n第二行"
    assert parse_script(unix.replace("\n", "\r\n")) == parse_script(unix)
    assert parse_script(unix.replace("\n", "\r")) == parse_script(unix)
    assert "\r" not in to_html(unix.replace("\n", "\r\n"))


def test_bold_runs_in_chinese_and_english() -> None:
    (block,) = parse_script("这件**西周青铜鼎**重 **12 kg**!")
    assert block.runs == (Run("这件"), Run("西周青铜鼎", True), Run("重 "), Run("12 kg", True), Run("!"))


def test_unclosed_bold_stays_literal() -> None:
    assert parse_inline("只有**一半") == (Run("只有**一半"),)
    assert parse_inline("**a** and **b") == (Run("a", True), Run(" and **b"))
    assert plain_text("price **20% off") == "price **20% off"


def test_empty_bold_pair_stays_literal() -> None:
    assert parse_inline("a****b") == (Run("a****b"),)


def test_bullets_with_all_three_markers_and_nesting() -> None:
    text = "- 青铜\n* jade\n• 瓷器\n  - 青花\n    - 元代\n  - 粉彩\n- bronze again"
    assert kinds(text) == [
        ("bullet", 0, "青铜"),
        ("bullet", 0, "jade"),
        ("bullet", 0, "瓷器"),
        ("bullet", 1, "青花"),
        ("bullet", 2, "元代"),
        ("bullet", 1, "粉彩"),
        ("bullet", 0, "bronze again"),
    ]


def test_nesting_goes_one_level_at_a_time() -> None:
    assert [b.level for b in parse_script("- a\n      - deep\n- b")] == [0, 1, 0]
    assert [b.level for b in parse_script("    - indented first item")] == [0]


def test_bold_at_the_start_of_a_line_is_not_a_bullet() -> None:
    (block,) = parse_script("**重点**在这里")
    assert block.kind == "paragraph"
    assert block.runs == (Run("重点", True), Run("在这里"))
    (item,) = parse_script("* **重点**")
    assert (item.kind, item.runs) == ("bullet", (Run("重点", True),))


def test_numbered_items_with_dot_and_chinese_comma() -> None:
    blocks = parse_script("1. First\n2、第二\n3．第三 with full stop\n  1. nested")
    assert [(b.kind, b.number, b.level, b.text) for b in blocks] == [
        ("numbered", 1, 0, "First"),
        ("numbered", 2, 0, "第二"),
        ("numbered", 3, 0, "第三 with full stop"),
        ("numbered", 1, 1, "nested"),
    ]


def test_numbers_that_are_not_list_items() -> None:
    assert kinds("3.14 is pi\n1.5 米高") == [("paragraph", 0, "3.14 is pi\n1.5 米高")]


def test_indented_line_continues_a_list_item_and_plain_line_starts_a_paragraph() -> None:
    assert kinds("- 鼎\n  三足两耳\nAfter the list") == [
        ("bullet", 0, "鼎\n三足两耳"),
        ("paragraph", 0, "After the list"),
    ]


def test_empty_script() -> None:
    assert parse_script("") == []
    assert parse_script("\n \r\n\t\n") == []
    assert plain_text("") == ""
    assert to_html("") == ""


def test_bold_spans_include_the_marks() -> None:
    assert bold_spans("a **b** c **d") == [(2, 7)]
    assert bold_spans("***x***") == [(0, 6)]  # the first pair wins; the last "*" is text


def test_line_marks() -> None:
    assert line_mark("## 标题") == LineMark("heading", 2, 0, 3)
    assert line_mark("    - item") == LineMark("bullet", 2, 4, 6)
    assert line_mark("12、第十二") == LineMark("numbered", 0, 0, 3, 12)
    assert line_mark("**bold**") is None
    assert line_mark("plain") is None


# --- plain text -----------------------------------------------------------------------------------


def test_plain_text_removes_markup_and_keeps_numbers() -> None:
    text = "# 开场\n欢迎来到**博物馆**。\n\n- 青铜器\n  - **鼎**\n1. First stop\n2、第二站"
    assert plain_text(text) == "开场\n欢迎来到博物馆。\n青铜器\n鼎\n1. First stop\n2. 第二站"


def test_plain_text_gives_the_same_speaking_time_as_the_words() -> None:
    text = "## Bronze **ding**\n- three legs\n- 两只耳朵"
    assert estimate_speaking_seconds(plain_text(text)) == estimate_speaking_seconds("Bronze ding three legs 两只耳朵")


# --- HTML -----------------------------------------------------------------------------------------


def test_html_structure() -> None:
    html = to_html("# 标题\n正文**加粗**\n第二行\n\n- a\n  - b\n- c\n\n3. x\n4. y")
    assert html == (
        "<h1>标题</h1>"
        "<p>正文<b>加粗</b><br>第二行</p>"
        "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"
        '<ol start="3"><li>x</li><li>y</li></ol>'
    )


def test_html_switches_list_kind_at_the_same_level() -> None:
    assert to_html("- a\n1. b") == "<ul><li>a</li></ul><ol><li>b</li></ol>"


def test_html_escapes_everything() -> None:
    html = to_html('# <script>alert("x")</script>\nA & B < C > D\n- **<b>** &amp;')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "A &amp; B &lt; C &gt; D" in html
    assert "<li><b>&lt;b&gt;</b> &amp;amp;</li>" in html


def test_html_with_a_base_size() -> None:
    html = to_html("# Big\ntext\n- item", base_size_pt=10)
    assert '<h1 style="font-size:16pt">Big</h1>' in html
    assert '<p style="font-size:10pt">text</p>' in html
    assert '<li style="font-size:10pt">item</li>' in html


ALLOWED_TAGS = {"h1", "h2", "h3", "p", "b", "br", "ul", "ol", "li"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.closed: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag) -> None:
        self.closed.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


# --- properties -----------------------------------------------------------------------------------

script_chars = st.text(alphabet=st.sampled_from(list("ab 中文#*-•1.、\n\r\t<>&\"'")) | st.characters(), max_size=200)


@given(script_chars)
def test_parse_never_raises_and_blocks_are_well_formed(text: str) -> None:
    for block in parse_script(text):
        assert block.kind in ("heading", "bullet", "numbered", "paragraph")
        assert all(run.text for run in block.runs)
        assert all(a.bold != b.bold for a, b in zip(block.runs, block.runs[1:]))
        if block.kind == "heading":
            assert 1 <= block.level <= 3
        if block.kind == "numbered":
            assert block.number is not None


@given(script_chars)
def test_html_only_has_the_allowed_tags_and_they_are_balanced(text: str) -> None:
    parser = _Tags()
    parser.feed(to_html(text))
    parser.close()
    assert set(parser.tags) <= ALLOWED_TAGS
    assert sorted(t for t in parser.tags if t != "br") == sorted(parser.closed)
    # Every visible character of the script is still there (markup aside), escaped and unescaped again.
    shown = "".join(parser.text)
    assert shown.replace("\n", "") == "".join(b.text for b in parse_script(text)).replace("\n", "")


plain_piece = st.text(alphabet=st.sampled_from(list("ab 中文#-•1.、\n<>&")), max_size=12)
bold_piece = st.text(alphabet=st.sampled_from(list("ab 中文#-•1.、<>&")), min_size=1, max_size=8).map(lambda s: f"**{s}**")


@given(st.lists(plain_piece | bold_piece, max_size=10))
def test_balanced_bold_marks_never_reach_the_plain_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert "**" not in plain_text(text)
    assert "**" not in "".join(run.text for b in parse_script(text) for run in b.runs)
