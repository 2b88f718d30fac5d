"""Exporting the demo museum's tours (seeded into a real SQLite file) as run-of-show PDFs and cue
cards, checked with poppler's text extractor; resolving a tour by id or exact title."""

from __future__ import annotations

import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from curator_console import paths
from curator_console.persistence import models as m
from curator_console.persistence.media import MediaStore
from curator_console.services import collection_objects, demo, tours
from curator_console.services import database as dbs
from curator_console.services.tour_export import TourExportError, export_tour_pdf, find_tour
from tests.pdf_tools import image_count, page_count, pdf_text, squeezed

DEMO = paths.resources_dir() / "demo"
DEMO_TOURS = json.loads((DEMO / "tours.json").read_text(encoding="utf-8"))
ZH_TOUR = next(t for t in DEMO_TOURS if t["language"] == "zh_CN")
EN_TOUR = next(t for t in DEMO_TOURS if t["language"] == "en")


@pytest.fixture
def database(tmp_path: Path):
    db = dbs.open_database(str(tmp_path / "demo-museum.sqlite3"))
    demo.seed_demo(dbs.unit_of_work(db), DEMO)
    yield db
    db.dispose()


@pytest.fixture
def media(tmp_path: Path) -> MediaStore:
    return MediaStore(tmp_path / "media")


def uow(database):
    return dbs.unit_of_work(database)


def test_find_tour_by_exact_title_or_id_and_clear_errors(database) -> None:
    zh = find_tour(uow(database), ZH_TOUR["title"])
    en = find_tour(uow(database), EN_TOUR["title"])
    assert zh != en
    assert find_tour(uow(database), str(zh)) == zh
    assert tours.get_tour(uow(database), zh).title == ZH_TOUR["title"]
    with pytest.raises(TourExportError, match="no tour “青花与蜀绣”") as err:
        find_tour(uow(database), "青花与蜀绣")  # a prefix is not the exact title
    assert ZH_TOUR["title"] in str(err.value)  # the message lists the tours there are
    with pytest.raises(TourExportError, match="no tour “999”"):
        find_tour(uow(database), "999")
    # Two tours with the same title: ambiguous, the ids are named.
    with uow(database) as u:
        u.session.add(m.Tour(title=EN_TOUR["title"]))
        u.commit()
    with pytest.raises(TourExportError, match=f"more than one tour is titled “{EN_TOUR['title']}”") as err:
        find_tour(uow(database), EN_TOUR["title"])
    assert str(en) in str(err.value)
    # Digits that are one tour's id and another tour's title.
    with uow(database) as u:
        u.session.add(m.Tour(title=str(zh)))
        u.commit()
    with pytest.raises(TourExportError, match=f"“{zh}” is the id of tour"):
        find_tour(uow(database), str(zh))


def test_demo_chinese_tour_run_of_show_has_every_segment_sku_and_object(database, media, tmp_path: Path) -> None:
    tour_id = find_tour(uow(database), ZH_TOUR["title"])
    out = tmp_path / "run-of-show.pdf"
    summary = export_tour_pdf(uow(database), media, tour_id, out, cards=False, labels=None,
                              tz=ZoneInfo("Asia/Shanghai"))
    assert summary.path == out and summary.pages == page_count(out) >= 2
    text = pdf_text(out)
    flat = squeezed(text)
    assert squeezed(ZH_TOUR["title"]) in flat and ZH_TOUR["host"] in text
    for seg in ZH_TOUR["segments"]:
        assert squeezed(seg["title"]) in flat, seg["title"]
        for number in seg["objects"]:
            assert number in text
        for product in seg["products"]:
            assert product["sku"] in text
    assert "19:30 (Asia/Shanghai)" in text
    planned = sum(s["planned_seconds"] for s in ZH_TOUR["segments"])
    over = planned - ZH_TOUR["slot_minutes"] * 60
    assert over > 0 and f"overruns the slot by {over // 60}:{over % 60:02d}" in text
    assert f"Page {summary.pages} of {summary.pages}" in text


def test_demo_tours_cue_cards_have_a_page_per_segment(database, media, tmp_path: Path) -> None:
    for source in (ZH_TOUR, EN_TOUR):
        tour_id = find_tour(uow(database), source["title"])
        out = tmp_path / f"cards-{tour_id}.pdf"
        summary = export_tour_pdf(uow(database), media, tour_id, out, cards=True, labels=None)
        segments = source["segments"]
        assert summary.pages == page_count(out) >= len(segments)
        # Page by page: each segment starts on a page of its own, in order; extra pages continue one.
        starts = []
        for page in range(1, summary.pages + 1):
            text = squeezed(pdf_text(out, page))
            titles = [k for k, seg in enumerate(segments) if squeezed(seg["title"]) in text]
            assert len(titles) >= 1, page
            if "(continued)" not in text:
                starts.append(titles[0])
        assert starts == list(range(len(segments)))
        if source is ZH_TOUR:
            assert summary.pages == len(segments)  # the demo's Chinese scripts fit a card each
        all_text = squeezed(pdf_text(out))
        for seg in segments:
            for product in seg["products"]:
                assert product["sku"] in all_text


def png_file(path: Path) -> Path:
    from PIL import Image

    image = Image.new("RGB", (300, 200), (40, 70, 150))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_stored_object_images_appear_as_thumbnails(database, media, tmp_path: Path) -> None:
    tour_id = find_tour(uow(database), ZH_TOUR["title"])
    detail = tours.get_tour(uow(database), tour_id)
    first = detail.segments[0].objects[0]
    _old, new, problems = collection_objects.add_images(uow(database), media, first.item_id,
                                                        [png_file(tmp_path / "vase.png")])
    assert not problems and new
    shown = sum(1 for seg in detail.segments for o in seg.objects if o.item_id == first.item_id)
    assert shown >= 2  # the demo shows this object in more than one segment
    out = tmp_path / "with-image.pdf"
    export_tour_pdf(uow(database), media, tour_id, out, cards=False, labels=None)
    assert image_count(out) == shown
    # The same export when the file has gone from the media store: placeholders, no crash.
    media.path_for(new[0].sha256).unlink()
    export_tour_pdf(uow(database), media, tour_id, out, cards=False, labels=None)
    assert image_count(out) == 0 and "no image" in pdf_text(out)


def test_errors_name_the_problem(database, media, tmp_path: Path) -> None:
    tour_id = find_tour(uow(database), EN_TOUR["title"])
    with pytest.raises(TourExportError, match="does not exist"):
        export_tour_pdf(uow(database), media, tour_id, tmp_path / "no-such-folder" / "x.pdf", labels=None)
    with pytest.raises(TourExportError, match="is a folder"):
        export_tour_pdf(uow(database), media, tour_id, tmp_path, labels=None)
    with pytest.raises(TourExportError, match="no tour with id 4242"):
        export_tour_pdf(uow(database), media, 4242, tmp_path / "gone.pdf", labels=None)
    assert not (tmp_path / "gone.pdf").exists()
