"""Thumbnails: made in the background from the media store, cached on disk and in memory; broken,
missing and huge images get the neutral placeholder and never crash or block."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QColor, QImage

from curator_console.persistence.media import MediaStore
from curator_console.ui.thumbnails import ThumbnailError, Thumbnails, make_thumbnail, thumbnail_path

from .conftest import LOAD_TIMEOUT_MS


@pytest.fixture
def store(tmp_path) -> MediaStore:
    return MediaStore(tmp_path / "media")


def png_file(path: Path, size: tuple[int, int], color: str = "#3949ab") -> Path:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def huge_png(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge picture (the pixel data is a tiny stub)."""
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def wait_ready(qtbot, thumbs: Thumbnails, sha: str, px: int):
    first = thumbs.pixmap(sha, px)
    if first is None:
        with qtbot.waitSignal(thumbs.ready, timeout=LOAD_TIMEOUT_MS,
                              check_params_cb=lambda s, p: (s, p) == (sha, px)):
            pass
    return thumbs.pixmap(sha, px)


def test_thumbnail_made_in_the_background_and_cached_on_disk(qtbot, store, tmp_path):
    info = store.add_file(png_file(tmp_path / "wide.png", (400, 100)))
    thumbs = Thumbnails(store)
    threads: list[object] = []
    import curator_console.ui.thumbnails as module

    real = module.make_thumbnail

    def spy(*args):
        threads.append(QThread.currentThread())
        return real(*args)

    module.make_thumbnail = spy
    try:
        assert thumbs.pixmap(info.sha256, 64) is None  # not yet: being made
        pm = wait_ready(qtbot, thumbs, info.sha256, 64)
    finally:
        module.make_thumbnail = real
    assert threads and threads[0] is not QThread.currentThread()  # made on a worker thread
    assert (pm.width(), pm.height()) == (64, 16)  # the aspect ratio kept
    cached = thumbnail_path(store.root, info.sha256, 64)
    assert cached == store.root / "thumbs" / f"{info.sha256}-64.png" and cached.is_file()
    assert QImage(str(cached)).size().width() == 64
    # In memory now: answered at once, no new work.
    made = thumbs.made
    assert thumbs.pixmap(info.sha256, 64) is pm and thumbs.made == made
    # A fresh cache (the next start of the app) reads the file on disk, even without the original.
    store.path_for(info.sha256).unlink()
    again = Thumbnails(store)
    pm2 = wait_ready(qtbot, again, info.sha256, 64)
    assert pm2 is not None and pm2.width() == 64
    assert not again.failed(info.sha256, 64)


def test_small_images_are_not_enlarged(qtbot, store, tmp_path):
    info = store.add_file(png_file(tmp_path / "tiny.png", (3, 2)))
    pm = wait_ready(qtbot, Thumbnails(store), info.sha256, 64)
    assert (pm.width(), pm.height()) == (3, 2)


def test_broken_missing_and_empty_images_get_the_placeholder(qtbot, store, tmp_path):
    good = png_file(tmp_path / "good.png", (50, 50)).read_bytes()
    broken = store.add_bytes(good[:40] + b"this is not pixel data" * 20, "broken.png")
    thumbs = Thumbnails(store)
    placeholder = thumbs.placeholder(64, broken=True)
    pm = wait_ready(qtbot, thumbs, broken.sha256, 64)
    assert pm.cacheKey() == placeholder.cacheKey()
    assert thumbs.failed(broken.sha256, 64)
    assert not thumbnail_path(store.root, broken.sha256, 64).exists()
    # Not tried again on every repaint.
    made = thumbs.made
    assert thumbs.pixmap(broken.sha256, 64).cacheKey() == placeholder.cacheKey() and thumbs.made == made
    # An image the store does not hold (an imported record whose file never arrived).
    missing = "f" * 64
    assert wait_ready(qtbot, thumbs, missing, 64).cacheKey() == placeholder.cacheKey()
    # No image at all: the plain placeholder, at once.
    assert thumbs.pixmap("", 64).cacheKey() == thumbs.placeholder(64).cacheKey()
    assert not thumbs.placeholder(64).isNull()


def test_a_huge_image_is_never_decoded_at_full_size(qtbot, store, qtlog):
    info = store.add_bytes(huge_png(20_000, 20_000), "huge.png")  # 1.6 GB if decoded
    thumbs = Thumbnails(store)
    pm = wait_ready(qtbot, thumbs, info.sha256, 64)
    assert pm.cacheKey() == thumbs.placeholder(64, broken=True).cacheKey()
    with pytest.raises(ThumbnailError):
        make_thumbnail(store, info.sha256, 64)
    assert any("allocation limit" in r.message for r in qtlog.records)  # refused, not attempted


def test_a_big_jpeg_is_read_scaled(qtbot, store, tmp_path):
    path = tmp_path / "big.jpg"
    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#8d6e63"))
    assert image.save(str(path), "JPEG", 80)
    info = store.add_file(path)
    pm = wait_ready(qtbot, Thumbnails(store), info.sha256, 128)
    assert (pm.width(), pm.height()) == (128, 96)


def test_the_memory_cache_is_bounded(qtbot, store, tmp_path, monkeypatch):
    import curator_console.ui.thumbnails as module

    monkeypatch.setattr(module, "MEMORY_CACHE_ENTRIES", 3)
    thumbs = Thumbnails(store)
    shas = [store.add_file(png_file(tmp_path / f"{n}.png", (20, 20), color)).sha256
            for n, color in enumerate(["#111111", "#222222", "#333333", "#444444", "#555555"])]
    for sha in shas:
        assert wait_ready(qtbot, thumbs, sha, 32) is not None
    assert len(thumbs._memory) == 3
    assert thumbs.pixmap(shas[0], 32) is None  # dropped from memory; comes back from disk
    assert wait_ready(qtbot, thumbs, shas[0], 32) is not None
