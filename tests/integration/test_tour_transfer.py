"""Moving a tour to another computer: the demo museum's bilingual tour (with images added to its
objects and a product) exported to a .cctour file and imported into an EMPTY database on SQLite
and PostgreSQL — everything arrives, byte for byte where it matters; a second import adds a tour
but no objects or products; damaged, tampered, newer and incomplete files are refused and leave
the database (and the media store) exactly as they were."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from curator_console import __version__, paths
from curator_console.domain import tour_file as tf
from curator_console.persistence import models as m
from curator_console.persistence.media import MediaStore
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection_objects, demo, store, tours
from curator_console.services.collection_objects import ImageInfo
from curator_console.services.tour_export import find_tour
from curator_console.services.tour_transfer import (
    ImportSummary,
    TourFileError,
    export_tour_file,
    import_tour_file,
    read_tour_file,
)
from tests.images import png_bytes

from .conftest import row_counts

DEMO = paths.resources_dir() / "demo"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc)
DEMO_TOURS = json.loads((DEMO / "tours.json").read_text(encoding="utf-8"))
DEMO_PRODUCTS = {p["sku"]: p for p in json.loads((DEMO / "products.json").read_text(encoding="utf-8"))}
DEMO_OBJECTS = {o["object_number"]: o for o in json.loads((DEMO / "objects.json").read_text(encoding="utf-8"))}
# The bilingual tour: Chinese scripts with an English second-language script in every segment.
ZH_TOUR = next(t for t in DEMO_TOURS if t["language"] == "zh_CN" and not t.get("is_template"))
SYNCED = datetime(2026, 3, 1, 8, 15, 30, tzinfo=timezone.utc)
REMOTE_URL = "https://images.example.org/qhm/remote-only.jpg"


def uow(db) -> UnitOfWork:
    return UnitOfWork(db.session_factory)


# --- the source: the demo museum with images, on SQLite -----------------------------------------


def _prepare_source(db, media: MediaStore, folder: Path) -> dict:
    """Seed the demo, then give the tour's objects images (two stored with captions plus a remote
    one on the first object, one on another), a product a picture, a store link and sync fields,
    the tour notes and a status. Returns what was added."""
    demo.seed_demo(uow(db), DEMO, now=NOW)
    tour_id = find_tour(uow(db), ZH_TOUR["title"])
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for k, rgb in enumerate([(200, 30, 30), (30, 200, 30), (30, 30, 200), (250, 250, 10)]):
        path = folder / f"image-{k}.png"
        path.write_bytes(png_bytes(4 + k, 3, rgb))
        files.append(path)
    tour = tours.get_tour(uow(db), tour_id)
    first = tour.segments[1].objects[0]
    second = tour.segments[2].objects[-1]
    _old, new, problems = collection_objects.add_images(uow(db), media, first.item_id, files[:2])
    assert not problems
    images = [ImageInfo(i.id, i.sha256, i.mime_type, i.width, i.height, i.byte_size, i.original_name,
                        i.source_url, f"Caption {n} 说明") for n, i in enumerate(new)]
    images.append(ImageInfo(0, "", source_url=REMOTE_URL, caption="remote"))
    collection_objects.set_images(uow(db), first.item_id, images)
    assert not collection_objects.add_images(uow(db), media, second.item_id, files[2:3])[2]
    product = tour.segments[1].products[0]
    store.set_product_image(uow(db), media, product.product_id, files[3])
    with uow(db) as u:
        p = u.session.get(m.Product, product.product_id)
        p.external_id, p.synced_at = "gid://shopify/Product/42", SYNCED
        p.connection_id = u.session.scalar(select(m.Connection.id).limit(1))
        u.commit()
    tours.update_tour_field(uow(db), tour_id, "notes", "备注 line one\nline two")
    tours.set_tour_status(uow(db), tour_id, "ready")
    return {"tour_id": tour_id, "files": files, "first": first.object_number, "second": second.object_number,
            "product": product.sku}


@pytest.fixture
def source(tmp_path: Path, open_db):
    db = open_db(f"sqlite:///{tmp_path / 'source-db' / 'source.sqlite3'}")
    media = MediaStore(tmp_path / "source-media")
    info = _prepare_source(db, media, tmp_path / "source-files")
    return db, media, info


@pytest.fixture
def exported(source, tmp_path: Path) -> Path:
    db, media, info = source
    summary = export_tour_file(uow(db), media, info["tour_id"], tmp_path / "out" / "tour")
    assert summary.path == tmp_path / "out" / "tour.cctour"  # the extension is added
    return summary.path


@pytest.fixture(autouse=True)
def out_dir(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


@pytest.fixture
def target(any_db_url: str, open_db, tmp_path: Path):
    """An EMPTY database (no museum at all) and an empty media store."""
    db = open_db(any_db_url)
    with uow(db) as u:
        assert u.repos.museums.first() is None
    return db, MediaStore(tmp_path / "target-media")


# --- comparing two databases ---------------------------------------------------------------------


def tour_state(db, tour_id: int) -> dict:
    with uow(db) as u:
        tour = u.repos.tours.whole(tour_id)
        museum = tour.museum
        return {
            "fields": {k: getattr(tour, k) for k in ("host", "planned_start", "slot_seconds", "language", "status",
                                                       "is_template", "notes")},
            "museum": {k: getattr(museum, k) for k in ("code", "name", "alt_name", "city", "timezone", "description",
                                                        "alt_description")},
            "segments": [
                {"position": s.position, "title": s.title, "planned_seconds": s.planned_seconds, "script": s.script,
                 "script_alt": s.script_alt,
                 "objects": [(si.position, si.item.object_number) for si in s.items],
                 "products": [(sp.position, sp.product.sku, sp.pitch, sp.live_price, sp.auto_feature)
                              for sp in s.products],
                 "cues": [(c.position, c.kind, c.text) for c in s.cues]}
                for s in tour.segments
            ],
        }


ITEM_FIELDS = ("museum_id",) + tf.OBJECT_TEXT_FIELDS + tf.OBJECT_YEAR_FIELDS


def objects_state(db, numbers) -> dict:
    with uow(db) as u:
        q = (select(m.CollectionItem).where(m.CollectionItem.object_number.in_(list(numbers)))
             .options(selectinload(m.CollectionItem.tags), selectinload(m.CollectionItem.images),
                      selectinload(m.CollectionItem.museum)))
        return {
            i.object_number: {
                "museum": i.museum.code,
                **{k: getattr(i, k) for k in ITEM_FIELDS if k != "museum_id"},
                "tags": [(t.position, t.tag) for t in i.tags],
                "images": [(g.position, g.sha256, g.mime_type, g.width, g.height, g.byte_size, g.original_name,
                            g.source_url, g.caption) for g in i.images],
            }
            for i in u.session.scalars(q)
        }


def products_state(db, skus, numbers=None) -> dict:
    with uow(db) as u:
        q = select(m.Product).where(m.Product.sku.in_(list(skus))).options(selectinload(m.Product.items))
        return {
            p.sku: {
                **{k: getattr(p, k) for k in ("title", "alt_title", "price", "currency", "stock", "status", "url",
                                              "image_sha256", "image_url", "external_id", "synced_at")},
                "objects": [i.object_number for i in p.items if numbers is None or i.object_number in numbers],
            }
            for p in u.session.scalars(q)
        }


def tour_numbers_and_skus(db, tour_id) -> tuple[list[str], list[str]]:
    state = tour_state(db, tour_id)
    numbers = list(dict.fromkeys(n for s in state["segments"] for _pos, n in s["objects"]))
    skus = list(dict.fromkeys(p[1] for s in state["segments"] for p in s["products"]))
    return numbers, skus


def media_files(media: MediaStore) -> set[str]:
    return {str(p.relative_to(media.root)) for p in media.root.rglob("*") if p.is_file()}


# --- the round trip ------------------------------------------------------------------------------


def test_the_file_holds_the_documented_members(exported: Path, source) -> None:
    db, media, info = source
    with zipfile.ZipFile(exported) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        tour_json = json.loads(zf.read("tour.json"))
        products_json = json.loads(zf.read("products.json"))
    assert {"manifest.json", "tour.json", "objects.json", "products.json"} <= names
    shas = {n.removeprefix("media/") for n in names if n.startswith("media/")}
    assert len(shas) == 4  # three object images, one product picture; the remote image has no file
    assert manifest["format"] == tf.FORMAT_NAME and manifest["format_version"] == tf.FORMAT_VERSION
    assert manifest["app_version"] == __version__ and manifest["exported_at"].endswith("+00:00")
    assert (manifest["museum"]["code"], manifest["museum"]["timezone"]) == ("QHM", "Asia/Shanghai")
    assert manifest["missing_media"] == []
    assert tour_json["title"] == ZH_TOUR["title"]
    # Money is decimal text, never a JSON number.
    assert all(isinstance(p["price"], str) for p in products_json if p["price"] is not None)
    by_sku = {p["sku"]: p for p in products_json}
    assert by_sku[info["product"]]["connection"] == demo.SIMULATOR_CONNECTION  # for information only
    assert by_sku[info["product"]]["synced_at"] == SYNCED.isoformat()
    # No temporary file is left beside the export.
    assert [p.name for p in exported.parent.iterdir()] == [exported.name]


def test_import_into_an_empty_database_brings_everything(exported: Path, source, target) -> None:
    src, src_media, info = source
    db, media = target
    summary = import_tour_file(uow(db), media, exported)

    numbers, skus = tour_numbers_and_skus(src, info["tour_id"])
    assert isinstance(summary, ImportSummary)
    assert (summary.title, summary.original_title) == (ZH_TOUR["title"], ZH_TOUR["title"])
    assert (summary.objects_created, summary.objects_existing) == (len(numbers), 0)
    assert (summary.products_created, summary.products_existing) == (len(skus), 0)
    assert (summary.images_copied, summary.images_existing) == (4, 0)
    assert summary.museum_created and summary.museum_code == "QHM"
    assert summary.segments == len(ZH_TOUR["segments"])
    assert summary.line() == (f"tour_id={summary.tour_id} title={ZH_TOUR['title']} objects_new={len(numbers)} "
                              f"objects_existing=0 products_new={len(skus)} products_existing=0 images=4")

    # The tour: every field and every segment, link and cue, in order — as in the source.
    before, after = tour_state(src, info["tour_id"]), tour_state(db, summary.tour_id)
    assert after == before
    assert after["fields"]["status"] == "ready" and after["fields"]["notes"] == "备注 line one\nline two"
    assert after["fields"]["planned_start"] is not None and after["fields"]["planned_start"].tzinfo is not None
    # … and as the demo files say (Chinese scripts exactly, live prices as exact decimals).
    for seg, expected in zip(after["segments"], ZH_TOUR["segments"], strict=True):
        assert seg["title"] == expected["title"]
        assert seg["script"] == expected["script"] and seg["script_alt"] == expected.get("script_alt", "")
        assert seg["planned_seconds"] == expected["planned_seconds"]
        assert [n for _pos, n in seg["objects"]] == expected["objects"]
        assert [(sku, pitch, price, auto) for _pos, sku, pitch, price, auto in seg["products"]] == [
            (p["sku"], p["pitch"], Decimal(p["live_price"]) if p["live_price"] is not None else None,
             p["auto_feature"]) for p in expected["products"]]
        assert [(kind, text) for _pos, kind, text in seg["cues"]] == [
            ("obs_scene", c[4:].strip()) if c.startswith("OBS:") else ("text", c) for c in expected["cues"]]

    # The objects: every field, tags in order, image metadata in order.
    src_objects, new_objects = objects_state(src, numbers), objects_state(db, numbers)
    assert new_objects == src_objects and set(new_objects) == set(numbers)
    for number in numbers:
        assert new_objects[number]["title"] == DEMO_OBJECTS[number]["title"]
        assert [t for _p, t in new_objects[number]["tags"]] == list(dict.fromkeys(DEMO_OBJECTS[number]["tags"]))
    first_images = new_objects[info["first"]]["images"]
    assert [g[8] for g in first_images] == ["Caption 0 说明", "Caption 1 说明", "remote"]
    assert first_images[2][1:] == ("", "", None, None, None, "", REMOTE_URL, "remote")

    # The products: every field (prices exact), links limited to the objects in the file.
    src_products = products_state(src, skus, set(numbers))
    new_products = products_state(db, skus)
    assert new_products == src_products and set(new_products) == set(skus)
    for sku in skus:
        assert new_products[sku]["price"] == Decimal(DEMO_PRODUCTS[sku]["price"])
        assert str(new_products[sku]["price"].normalize()) == str(Decimal(DEMO_PRODUCTS[sku]["price"]).normalize())
    assert new_products[info["product"]]["synced_at"] == SYNCED
    with uow(db) as u:  # the store connection is this computer's business: not carried over
        assert u.session.scalar(select(m.Product.connection_id).where(m.Product.sku == info["product"])) is None
        assert u.session.scalar(select(m.Connection.id).limit(1)) is None

    # The images: byte-identical, under their hash.
    shas = {g[1] for o in new_objects.values() for g in o["images"] if g[1]}
    shas.add(new_products[info["product"]]["image_sha256"])
    assert len(shas) == 4
    for sha in shas:
        data = media.path_for(sha).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha
        assert data == src_media.path_for(sha).read_bytes()

    # The new objects are searchable like any other.
    hits = collection_objects.result_id_array(uow(db), info["first"])
    assert len(hits) >= 1


def test_export_from_any_database_and_import_into_sqlite(any_db_url: str, open_db, tmp_path: Path) -> None:
    """The other direction: exported from PostgreSQL (or SQLite), imported into a fresh SQLite file."""
    src = open_db(any_db_url)
    src_media = MediaStore(tmp_path / "pg-media")
    info = _prepare_source(src, src_media, tmp_path / "pg-files")
    path = export_tour_file(uow(src), src_media, info["tour_id"], tmp_path / "out" / "from-any.cctour").path
    db = open_db(f"sqlite:///{tmp_path / 'fresh' / 'fresh.sqlite3'}")
    summary = import_tour_file(uow(db), MediaStore(tmp_path / "fresh-media"), path)
    numbers, skus = tour_numbers_and_skus(src, info["tour_id"])
    assert tour_state(db, summary.tour_id) == tour_state(src, info["tour_id"])
    assert objects_state(db, numbers) == objects_state(src, numbers)
    assert products_state(db, skus) == products_state(src, skus, set(numbers))


def test_a_second_import_adds_a_tour_but_no_objects_or_products(exported: Path, target) -> None:
    db, media = target
    first = import_tour_file(uow(db), media, exported)
    counts = row_counts(db.engine)
    second = import_tour_file(uow(db), media, exported)
    assert second.tour_id != first.tour_id
    assert second.title == f"{ZH_TOUR['title']} (imported)" and second.original_title == ZH_TOUR["title"]
    assert (second.objects_created, second.products_created, second.images_copied) == (0, 0, 0)
    assert second.objects_existing == first.objects_created and second.products_existing == first.products_created
    assert second.images_existing == 4 and not second.museum_created
    assert set(second.existing_objects) == set(objects_state(db, second.existing_objects))
    after = row_counts(db.engine)
    for table in ("museum", "collection_item", "item_tag", "item_image", "product", "product_item"):
        assert after[table] == counts[table], table
    assert after["tour"] == counts["tour"] + 1
    assert after["segment"] == counts["segment"] + len(ZH_TOUR["segments"])
    one, two = tour_state(db, first.tour_id), tour_state(db, second.tour_id)
    assert one == two  # the same content, linked to the same objects and products
    third = import_tour_file(uow(db), media, exported)
    assert third.title == f"{ZH_TOUR['title']} (imported 2)"


def test_objects_and_products_already_there_are_left_as_they_are(exported: Path, source, target) -> None:
    """Matching is by (museum code, object number) and SKU; what the database holds wins."""
    src, _media, info = source
    db, media = target
    with uow(db) as u:
        museum = m.Museum(code="QHM", name="Our own name for it", timezone="UTC")
        u.session.add(museum)
        u.session.flush()
        u.session.add(m.CollectionItem(museum_id=museum.id, object_number=info["first"], title="Local title"))
        u.session.add(m.Product(sku=info["product"], title="Local product", price=Decimal("1.5")))
        u.session.add(m.Tour(title=ZH_TOUR["title"], museum_id=museum.id))
        u.commit()
    summary = import_tour_file(uow(db), media, exported)
    assert not summary.museum_created
    assert summary.existing_objects == (info["first"],) and summary.existing_products == (info["product"],)
    assert summary.title == f"{ZH_TOUR['title']} (imported)"
    assert objects_state(db, [info["first"]])[info["first"]]["title"] == "Local title"
    assert objects_state(db, [info["first"]])[info["first"]]["images"] == []
    local = products_state(db, [info["product"]])[info["product"]]
    assert (local["title"], local["price"], local["image_sha256"], local["objects"]) == (
        "Local product", Decimal("1.5"), "", [])
    with uow(db) as u:
        assert u.repos.museums.by_code("QHM").name == "Our own name for it"
    # The tour still links to them, in the file's order.
    assert tour_state(db, summary.tour_id)["segments"] == tour_state(src, info["tour_id"])["segments"]


def test_an_image_missing_from_the_media_folder_is_named_not_fatal(source, target, tmp_path: Path) -> None:
    src, src_media, info = source
    with uow(src) as u:
        sha = u.session.scalar(select(m.Product.image_sha256).where(m.Product.sku == info["product"]))
    src_media.path_for(sha).unlink()
    summary = export_tour_file(uow(src), src_media, info["tour_id"], tmp_path / "out" / "partial.cctour")
    assert summary.images == 3
    assert summary.missing_images == (f"product {info['product']} (sha256 {sha})",)
    with zipfile.ZipFile(summary.path) as zf:
        assert json.loads(zf.read("manifest.json"))["missing_media"] == [sha]
        assert f"media/{sha}" not in zf.namelist()
    db, media = target
    result = import_tour_file(uow(db), media, summary.path)
    assert result.images_copied == 3
    assert products_state(db, [info["product"]])[info["product"]]["image_sha256"] == sha  # as on the source
    assert media.path_for(sha) is None


# --- refusals ------------------------------------------------------------------------------------


def rewrite(src: Path, dest: Path, *, drop=(), replace: dict[str, bytes] | None = None) -> Path:
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, data in replace.items():
            if name not in zin.namelist():
                zout.writestr(name, data)
    return dest


def edit_json(src: Path, dest: Path, member: str, change) -> Path:
    with zipfile.ZipFile(src) as zf:
        value = json.loads(zf.read(member))
    change(value)
    return rewrite(src, dest, replace={member: json.dumps(value, ensure_ascii=False).encode("utf-8")})


def _media_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return sorted(n for n in zf.namelist() if n.startswith("media/"))


def _flip_stored_byte(src: Path, dest: Path) -> tuple[Path, str]:
    """A byte of a stored image changed inside the ZIP (its CRC no longer matches)."""
    name = _media_names(src)[0]
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(name)
    # local header: 30 bytes + name + extra, then the stored data
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 20] ^= 0xFF
    dest.write_bytes(bytes(data))
    return dest, name


def _tampered_media(src: Path, dest: Path) -> tuple[Path, str]:
    """An image member replaced by another (valid) image under the old name, CRC fine."""
    name = _media_names(src)[0]
    return rewrite(src, dest, replace={name: png_bytes(9, 9, (1, 2, 3))}), name


CASES = {
    "not a zip": (lambda src, dest: (dest.write_bytes(b"hello, this is text"), dest)[1],
                  ["not a Curator Console tour file", "not a ZIP archive"]),
    "truncated": (lambda src, dest: (dest.write_bytes(src.read_bytes()[: len(src.read_bytes()) // 2]), dest)[1],
                  ["not a ZIP archive", "cut off"]),
    "last byte cut": (lambda src, dest: (dest.write_bytes(src.read_bytes()[:-1]), dest)[1],
                      ["not a ZIP archive"]),
    "damaged image bytes": (lambda src, dest: _flip_stored_byte(src, dest)[0], ["media/", "is damaged"]),
    "tampered image": (lambda src, dest: _tampered_media(src, dest)[0], ["media/", "does not match its SHA-256"]),
    "newer format": (lambda src, dest: edit_json(src, dest, "manifest.json",
                                                 lambda v: v.update(format_version=tf.FORMAT_VERSION + 1,
                                                                    app_version="9.0")),
                     ["newer version of Curator Console", "9.0", "Update Curator Console"]),
    "other format": (lambda src, dest: edit_json(src, dest, "manifest.json", lambda v: v.update(format="zip-of-cats")),
                     ["manifest.json", "not a Curator Console tour file"]),
    "no museum code": (lambda src, dest: edit_json(src, dest, "manifest.json", lambda v: v["museum"].pop("code")),
                       ["manifest.json: museum", "“code” is missing"]),
    "missing manifest": (lambda src, dest: rewrite(src, dest, drop=("manifest.json",)), ["manifest.json is missing"]),
    "missing objects": (lambda src, dest: rewrite(src, dest, drop=("objects.json",)), ["objects.json is missing"]),
    "missing image": (lambda src, dest: rewrite(src, dest, drop=(_media_names(src)[0],)), ["is not in the file"]),
    "corrupt json": (lambda src, dest: rewrite(src, dest, replace={"tour.json": b'{"title": "x", "segments": ['}),
                     ["tour.json is not valid JSON", "line 1"]),
    "not utf-8": (lambda src, dest: rewrite(src, dest, replace={"products.json": "[\"货号\"]".encode("gb18030")}),
                  ["products.json is not UTF-8"]),
    "wrong type": (lambda src, dest: edit_json(src, dest, "tour.json",
                                               lambda v: v["segments"][1].update(planned_seconds="ten")),
                   ["tour.json: segment 2", "planned_seconds", "whole number"]),
    "float price": (lambda src, dest: edit_json(src, dest, "products.json", lambda v: v[0].update(price="1.23456")),
                    ["products.json: product 1", "more than 4 decimal places"]),
    "unknown object": (lambda src, dest: edit_json(src, dest, "objects.json", lambda v: v.pop(0)),
                       ["tour.json: segment", "which is not in objects.json"]),
    "unknown product": (lambda src, dest: edit_json(src, dest, "products.json", lambda v: v.pop(0)),
                        ["features the product", "which is not in products.json"]),
    "product link outside": (lambda src, dest: edit_json(src, dest, "products.json",
                                                         lambda v: v[0]["objects"].append("NOT.IN.FILE")),
                             ["is linked to the object NOT.IN.FILE", "not in objects.json"]),
    "unknown language": (lambda src, dest: edit_json(src, dest, "tour.json", lambda v: v.update(language="klingon")),
                         ["tour.json", "language “klingon”"]),
    "too long for a column": (lambda src, dest: edit_json(src, dest, "objects.json",
                                                          lambda v: v[0].update(rights="x" * 501)),
                              ["objects.json: object", "“rights” has 501 characters"]),
    "duplicate object": (lambda src, dest: edit_json(src, dest, "objects.json", lambda v: v.append(v[0])),
                         ["listed twice"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_file_is_refused_and_changes_nothing(case: str, exported: Path, target, tmp_path: Path) -> None:
    db, media = target
    make, words = CASES[case]
    bad = make(exported, tmp_path / "out" / "bad.cctour")
    counts, files = row_counts(db.engine), media_files(media)
    with pytest.raises(TourFileError) as err:
        import_tour_file(uow(db), media, bad)
    message = str(err.value)
    assert message.startswith(f"cannot import {bad}: "), message
    for word in words:
        assert word in message, (word, message)
    assert row_counts(db.engine) == counts
    assert media_files(media) == files


def test_refusals_leave_a_database_with_data_unchanged_too(exported: Path, target, tmp_path: Path) -> None:
    db, media = target
    import_tour_file(uow(db), media, exported)
    counts, files = row_counts(db.engine), media_files(media)
    for case in ("truncated", "tampered image", "newer format", "missing objects", "unknown object"):
        bad = CASES[case][0](exported, tmp_path / "out" / f"{case}.cctour")
        with pytest.raises(TourFileError):
            import_tour_file(uow(db), media, bad)
        assert row_counts(db.engine) == counts, case
    assert media_files(media) == files


def test_a_failure_while_writing_rolls_everything_back(exported: Path, target, monkeypatch) -> None:
    """The media store fails after the rows were flushed: the transaction is rolled back whole."""
    db, media = target
    counts = row_counts(db.engine)

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(media, "add_bytes", disk_full)
    with pytest.raises(TourFileError, match="No space left on device"):
        import_tour_file(uow(db), media, exported)
    assert row_counts(db.engine) == counts


def test_missing_file_and_folder_are_named(tmp_path: Path, target) -> None:
    db, media = target
    with pytest.raises(TourFileError, match="there is no such file") as err:
        import_tour_file(uow(db), media, tmp_path / "nowhere.cctour")
    assert str(tmp_path / "nowhere.cctour") in str(err.value)
    with pytest.raises(TourFileError, match="is a folder"):
        import_tour_file(uow(db), media, tmp_path)


def test_read_tour_file_checks_without_writing(exported: Path) -> None:
    content = read_tour_file(exported)
    assert content.tour.title == ZH_TOUR["title"] and content.manifest.museum.code == "QHM"
    assert len(content.media_hashes()) == 4


# --- writing -------------------------------------------------------------------------------------


def test_export_errors_name_the_path_and_never_leave_a_partial_file(source, tmp_path: Path, monkeypatch) -> None:
    db, media, info = source
    missing = tmp_path / "no-such-folder" / "t.cctour"
    with pytest.raises(TourFileError, match="does not exist") as err:
        export_tour_file(uow(db), media, info["tour_id"], missing)
    assert str(missing) in str(err.value)
    with pytest.raises(TourFileError, match="is a folder"):
        export_tour_file(uow(db), media, info["tour_id"], tmp_path / "out")
    with pytest.raises(TourFileError, match="no tour with id 9999"):
        export_tour_file(uow(db), media, 9999, tmp_path / "out" / "x.cctour")

    # An existing file is replaced only by a complete one: a write that fails leaves it as it was.
    target = tmp_path / "out" / "keep.cctour"
    target.write_bytes(b"the previous export")
    real_writestr = zipfile.ZipFile.writestr

    def failing_writestr(self, name, data, *args, **kwargs):
        if str(getattr(name, "filename", name)) == "objects.json":
            raise OSError(28, "No space left on device")
        return real_writestr(self, name, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing_writestr)
    with pytest.raises(TourFileError, match=f"cannot write {target}: No space left on device"):
        export_tour_file(uow(db), media, info["tour_id"], target)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in target.parent.iterdir()) == ["keep.cctour"]  # no temporary file left
    monkeypatch.setattr(zipfile.ZipFile, "writestr", real_writestr)
    summary = export_tour_file(uow(db), media, info["tour_id"], target)
    assert summary.path == target and read_tour_file(target).tour.title == ZH_TOUR["title"]
