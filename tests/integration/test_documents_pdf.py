"""The run-of-show and cue-card PDFs rendered from hand-built tours, read back with poppler:
exact Chinese and English text, pagination with nothing past the page bottom, thumbnails and
placeholders for missing or broken images, the slot warning, script formatting and continued cards."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from curator_console.documents import cue_cards, run_of_show
from curator_console.documents.fonts import FontMeasure
from curator_console.documents.images import load_thumbnail
from curator_console.documents.layout import TextOp
from curator_console.domain.tour_plan import CueInfo, SegmentDetail, SegmentObject, SegmentProductInfo, TourDetail
from curator_console.persistence.media import MediaStore
from tests.pdf_tools import image_count, page_count, page_size, pdf_text, squeezed, word_boxes

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 3, 20, 11, 30, tzinfo=timezone.utc)  # 19:30 in Shanghai


def product(n: int, sku: str, title: str, price: str | None, live: str | None = None, currency: str = "CNY",
            pitch: str = "") -> SegmentProductInfo:
    return SegmentProductInfo(product_id=n, sku=sku, title=title, alt_title="", price=Decimal(price) if price else None,
                              currency=currency, stock=10, status="active", pitch=pitch,
                              live_price=Decimal(live) if live else None)


def obj(n: int, number: str, title: str, sha: str = "", url: str = "") -> SegmentObject:
    return SegmentObject(item_id=n, object_number=number, title=title, image_sha256=sha, image_url=url)


def segment(pos: int, title: str, seconds: int, script: str = "", objects=(), products=(), cues=()) -> SegmentDetail:
    return SegmentDetail(id=pos + 1, position=pos, title=title, planned_seconds=seconds, script=script, script_alt="",
                         version=1, objects=tuple(objects), products=tuple(products), cues=tuple(cues))


def tour(segments, slot: int | None = 3600, title: str = "青花与蜀绣：夜间直播导览") -> TourDetail:
    return TourDetail(id=1, title=title, host="林晓棠", planned_start=START, slot_seconds=slot, language="zh_CN",
                      status="draft", is_template=False, notes="", version=1, museum_name="青禾博物馆 Qinghe Museum",
                      segments=tuple(segments))


MIXED = tour([
    segment(0, "开场：欢迎来到青禾", 300, "各位晚上好，欢迎来到青禾。", [obj(1, "QHM.1987.034", "明青花缠枝莲纹瓶")],
            cues=[CueInfo("obs_scene", "Opening title"), CueInfo("text", "Camera 2 close-up")]),
    segment(1, "Where the Silk Road Began: A Tang Brocade", 540, "This small fragment is one of the oldest textiles.",
            [obj(2, "QHM.1996.004", "Tang brocade with paired birds")],
            [product(1, "QHM-P017", "鱼藻纹青花餐盘", "159.00", live="138.00", pitch="今晚直播专享价"),
             product(2, "QHM-P001", "Replica vase — save $5 and $6 tonight", "1280", currency="CNY"),
             product(3, "US-42", "Scarf", "12.5", currency="USD"),
             product(4, "NOPRICE-1", "Sample", None)]),
])


def test_run_of_show_text_layer_holds_chinese_and_english_exactly(tmp_path: Path) -> None:
    out = tmp_path / "run.pdf"
    pages = run_of_show.write_run_of_show(MIXED, out, tz=SHANGHAI)
    assert pages == page_count(out) == 1
    assert page_size(out) == pytest.approx((595.28, 841.89), abs=0.5)
    text = pdf_text(out)
    flat = squeezed(text)
    for expected in ("青花与蜀绣：夜间直播导览", "开场：欢迎来到青禾", "Where the Silk Road Began: A Tang Brocade",
                     "QHM.1987.034", "明青花缠枝莲纹瓶", "QHM-P017", "鱼藻纹青花餐盘", "QHM-P001", "US-42",
                     "Replica vase — save $5 and $6 tonight", "今晚直播专享价", "OBS scene: Opening title",
                     "Camera 2 close-up", "林晓棠", "2026-03-20 19:30 (Asia/Shanghai)", "Page 1 of 1"):
        assert squeezed(expected) in flat, expected
    # Selling prices: the live price with the list price beside it; other currencies; no price.
    for expected in ("¥138.00", "list ¥159.00", "¥1,280.00", "$12.50", "no price"):
        assert squeezed(expected) in flat, expected
    # Start offsets and planned durations; the total against the slot.
    assert "0:00" in text and "5:00" in text and "9:00" in text and "14:00" in text
    assert "fits with 46:00 to spare" in text


def test_the_slot_warning_says_by_how_much_the_tour_overruns(tmp_path: Path) -> None:
    measure = FontMeasure()
    over = run_of_show.build_run_of_show(tour(MIXED.segments, slot=600), measure=measure, tz=SHANGHAI)
    text = " ".join(p.text() for p in over)
    assert "overruns the slot by 4:00" in text and "Planned 14:00 against a slot of 10:00" in text
    warnings = [op for p in over for op in p.ops if isinstance(op, TextOp) and "overruns" in op.text]
    assert warnings and all(op.color == "#b3261e" for op in warnings)
    none = run_of_show.build_run_of_show(tour(MIXED.segments, slot=None), measure=measure)
    assert "Planned 14:00; no slot set" in " ".join(p.text() for p in none)


def many_things(n_segments: int = 3) -> TourDetail:
    segs = []
    for s in range(n_segments):
        segs.append(segment(
            s, f"第{s + 1}段：宣德缠枝莲纹瓶与康熙青花笔筒的比较 Part {s + 1}", 600,
            objects=[obj(100 * s + k, f"QHM.{1980 + s}.{k:03d}", "清乾隆青花缠枝花卉纹天球瓶，景德镇御窑厂烧造，"
                         "器形端庄，青花发色浓艳 " * (1 + k % 3)) for k in range(14)],
            products=[product(100 * s + k, f"SKU-{s}-{k:02d}", f"Museum shop product number {k} with a long title "
                              f"that wraps over more than one line in the table", "59.00", pitch="限时优惠") for k in range(9)],
            cues=[CueInfo("text", f"Cue {k}: camera {k % 3 + 1} close-up on the glaze") for k in range(6)],
        ))
    return tour(segs)


def test_a_long_segment_continues_on_the_next_page_and_nothing_passes_the_body(tmp_path: Path) -> None:
    detail = many_things()
    out = tmp_path / "long.pdf"
    pages = run_of_show.write_run_of_show(detail, out, tz=SHANGHAI)
    assert pages == page_count(out) >= 4
    text = pdf_text(out)
    assert squeezed("第1段：宣德缠枝莲纹瓶与康熙青花笔筒的比较 Part 1 (continued)") in squeezed(text)
    for s, seg in enumerate(detail.segments):
        for o in seg.objects:
            assert o.object_number in text
        for p in seg.products:
            assert p.sku in text
    assert f"Page {pages} of {pages}" in text
    # Below the body there is only the footer (planned start, "Page x of y"); nothing is cut off.
    footer = {"Page", "of", str(pages), "2026-03-20", "19:30", "(Asia/Shanghai)"} | {str(k) for k in range(1, pages + 1)}
    boxes = word_boxes(out)
    assert {w for _p, _x0, y0, _x1, _y1, w in boxes if y0 > run_of_show.BODY_BOTTOM} <= footer
    assert all(y1 <= run_of_show.PAGE_H - 20 and x1 <= run_of_show.PAGE_W - 20 and x0 >= 20
               for _p, x0, _y0, x1, y1, _w in boxes)
    # The column heads repeat on every page.
    for page in range(1, pages + 1):
        assert "Segment" in pdf_text(out, page)


def png_bytes(size: tuple[int, int], color: tuple[int, int, int], fmt: str = "PNG") -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, color)
    for x in range(0, size[0], 8):
        for y in range(size[1]):
            image.putpixel((x, y), (255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def test_thumbnails_are_drawn_and_missing_or_broken_images_get_a_placeholder(tmp_path: Path) -> None:
    media = MediaStore(tmp_path / "media")
    wide = media.add_bytes(png_bytes((640, 320), (30, 60, 140)), "wide.png").sha256
    tall = media.add_bytes(png_bytes((300, 900), (150, 40, 30), "JPEG"), "tall.jpg").sha256
    truncated = png_bytes((400, 400), (20, 120, 40))
    broken = media.add_bytes(truncated[: len(truncated) // 3], "broken.png").sha256  # cut off mid-file
    missing = "ab" * 32
    thumbs = {sha: load_thumbnail(media.path_for(sha)) for sha in (wide, tall, broken, missing)}
    assert thumbs[wide].size == (160, 80) and thumbs[tall].size == (53, 160)
    assert thumbs[broken] is None and thumbs[missing] is None
    detail = tour([segment(0, "图片", 300, objects=[
        obj(1, "IMG-WIDE", "wide", wide), obj(2, "IMG-TALL", "tall", tall), obj(3, "IMG-BROKEN", "broken", broken),
        obj(4, "IMG-MISSING", "missing", missing), obj(5, "IMG-REMOTE", "remote", url="https://example.org/x.jpg"),
    ])])
    available = {k: v for k, v in thumbs.items() if v is not None}
    for write, name in ((run_of_show.write_run_of_show, "run.pdf"), (cue_cards.write_cue_cards, "cards.pdf")):
        out = tmp_path / name
        write(detail, out, thumbnails=available)
        assert image_count(out) == 2
        text = pdf_text(out)
        assert text.count("no image") == 3
        for number in ("IMG-WIDE", "IMG-TALL", "IMG-BROKEN", "IMG-MISSING", "IMG-REMOTE"):
            assert number in text


def test_translated_labels_are_used(tmp_path: Path) -> None:
    labels = {"page_of": "第 %1 页，共 %2 页", "objects": "展品", "products": "商品", "cues": "提示",
              "obs_scene": "OBS 场景：%1", "run_of_show": "节目流程", "list_price": "原价 %1"}
    out = tmp_path / "zh.pdf"
    run_of_show.write_run_of_show(MIXED, out, labels=labels, tz=SHANGHAI)
    flat = squeezed(pdf_text(out))
    for expected in ("第1页，共1页", "展品", "商品", "提示", "OBS场景：Openingtitle", "节目流程", "原价¥159.00"):
        assert expected in flat, expected
    assert "Objects" not in flat and "Page1of1" not in flat


SCRIPT = """# 元青花的诞生
这只大盘是**镇馆之宝**，请大家注意看盘心的鱼藻纹。

- 第一看：**青花发色**浓艳
- 第二看：鱼的鳞片
  - 细看：一笔一笔画出来的
1. 先看正面
2. 再看背面

Afterwards we open the **Q&A**."""


def test_cue_cards_one_page_per_segment_with_the_script_formatted(tmp_path: Path) -> None:
    detail = tour([
        segment(0, "元青花的诞生：鱼藻纹大盘", 540, SCRIPT, [obj(1, "QHM.1994.008", "元青花鱼藻纹大盘")],
                [product(1, "QHM-P017", "鱼藻纹青花餐盘", "159.00", live="138.00")],
                [CueInfo("text", "Camera 2 close-up"), CueInfo("obs_scene", "Split compare")]),
        segment(1, "结束语与观众问答", 780, "谢谢大家！"),
        segment(2, "Empty", 60, ""),
    ])
    out = tmp_path / "cards.pdf"
    assert cue_cards.write_cue_cards(detail, out, tz=SHANGHAI) == 3 == page_count(out)
    assert page_size(out) == pytest.approx((841.89, 595.28), abs=0.5)  # landscape
    first = pdf_text(out, 1)
    flat = squeezed(first)
    for expected in ("元青花的诞生：鱼藻纹大盘", "Segment 1 of 3", "Starts at 0:00", "Planned 9:00", "镇馆之宝",
                     "•第一看：青花发色浓艳", "1.先看正面", "2.再看背面", "AfterwardsweopentheQ&A.", "QHM.1994.008",
                     "QHM-P017", "¥138.00", "Camera2close-up", "OBSscene:Splitcompare", "Page1of3"):
        assert squeezed(expected) in flat, expected
    assert "**" not in first and "# " not in first
    assert "结束语与观众问答" in pdf_text(out, 2) and "Starts at 9:00" in pdf_text(out, 2)
    assert "No script yet." in pdf_text(out, 3)
    # Bold runs are set bold, headings larger than the text.
    pages = cue_cards.build_cue_cards(detail, measure=FontMeasure())
    ops = [op for op in pages[0].ops if isinstance(op, TextOp)]
    assert any(op.bold and op.text == "镇馆之宝" for op in ops)
    assert any(not op.bold and "请大家注意看盘心的鱼藻纹" in op.text for op in ops)
    heading = next(op for op in ops if op.text == "元青花的诞生")
    body = next(op for op in ops if "请大家注意看盘心的鱼藻纹" in op.text)
    assert heading.bold and heading.size > body.size >= cue_cards.SCRIPT_MIN_SIZE


def test_a_long_script_continues_on_following_pages_marked_continued(tmp_path: Path) -> None:
    long_script = "\n\n".join(f"第{k}段讲解：这件青花瓷的发色、纹饰和器形都值得细看，**请注意**盘沿的缠枝花卉。"
                              f"The painter worked quickly, paragraph {k}." for k in range(1, 25))
    detail = tour([segment(0, "很长的一段", 1200, long_script), segment(1, "短的一段", 300, "谢谢。")])
    out = tmp_path / "cards.pdf"
    pages = cue_cards.write_cue_cards(detail, out)
    assert pages == page_count(out) >= 4
    text = [pdf_text(out, k) for k in range(1, pages + 1)]
    assert "Continued on the next page" in text[0] and "(continued)" not in text[0]
    for k in range(1, pages - 1):
        assert squeezed("很长的一段 (continued)") in squeezed(text[k])
    assert "短的一段" in text[-1] and "(continued)" not in text[-1] and "Continued on the next page" not in text[-1]
    joined = squeezed("".join(text))
    for k in range(1, 25):
        assert f"paragraph{k}." in joined  # every paragraph printed once, none lost at a page break
        assert joined.count(f"paragraph{k}.") == 1
    footer = {"Page", "of", str(pages)} | {str(k) for k in range(1, pages + 1)}
    assert {w for _p, _x0, y0, _x1, _y1, w in word_boxes(out) if y0 > cue_cards.BODY_BOTTOM + 20} <= footer


def test_an_empty_tour_still_gives_a_page_saying_so(tmp_path: Path) -> None:
    empty = tour([], slot=None, title="Draft tour")
    for write in (run_of_show.write_run_of_show, cue_cards.write_cue_cards):
        out = tmp_path / "empty.pdf"
        assert write(empty, out) == 1
        assert "This tour has no segments yet." in pdf_text(out)
