"""Thumbnails of media-store images, made in the background and cached on disk and in memory.

``Thumbnails.pixmap(sha256, px)`` answers at once: the cached pixmap, or ``None`` while the
thumbnail is being made (``ready(sha256, px)`` is emitted when it is there). Images are read with
``QImageReader`` at the thumbnail's size (``setScaledSize``: JPEG decodes at a fraction of its
size), under a global allocation limit, so a huge image never decodes at full size on any thread
and never on the GUI thread. A made thumbnail is written to ``<media>/thumbs/<sha>-<px>.png`` and
read from there next time. Missing, broken or too large images get a neutral placeholder (and the
failure is remembered, so it is not retried on every repaint).
"""

from __future__ import annotations

import os
import tempfile
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter, QPainterPath, QPen, QPixmap, QPolygon

from shiboken6 import isValid

from curator_console.persistence.media import MediaStore
from curator_console.ui import appearance
from curator_console.ui.tasks import run_task

# Refuse to decode anything that would need more than this much memory (a 8000 × 8000 RGBA image).
ALLOCATION_LIMIT_MB = 256
MEMORY_CACHE_ENTRIES = 600
_WORKERS = 2


class ThumbnailError(Exception):
    """An image that cannot be made into a thumbnail (missing, broken, too large)."""


def thumbnail_path(root: Path, sha256: str, px: int) -> Path:
    return root / "thumbs" / f"{sha256}-{px}.png"


def make_thumbnail(store: MediaStore, sha256: str, px: int) -> QImage:
    """The thumbnail image (at most ``px`` × ``px``), from the disk cache or made and cached there.
    Runs on a worker thread (QImage, not QPixmap). Raises ``ThumbnailError``."""
    cached = thumbnail_path(store.root, sha256, px)
    if cached.exists():
        image = QImageReader(str(cached)).read()
        if not image.isNull():
            return image
    source = store.path_for(sha256) if sha256 else None
    if source is None:
        raise ThumbnailError("missing")
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        scaled = size.scaled(QSize(px, px), Qt.AspectRatioMode.KeepAspectRatio)
        if scaled.width() < size.width() or scaled.height() < size.height():
            reader.setScaledSize(QSize(max(1, scaled.width()), max(1, scaled.height())))
    image = reader.read()
    if image.isNull():
        raise ThumbnailError(reader.errorString() or "unreadable")
    if image.width() > px or image.height() > px:
        image = image.scaled(px, px, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    cached.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".thumb-", suffix=".png")
    os.close(fd)
    try:
        if image.save(tmp, "PNG"):
            os.replace(tmp, cached)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return image


def placeholder(px: int, broken: bool = False) -> QPixmap:
    """A neutral picture icon (a framed landscape); ``broken`` adds a diagonal stroke."""
    pm = QPixmap(px, px)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    m = max(1, px // 10)
    rect = QRect(m, m, px - 2 * m, px - 2 * m)
    path = QPainterPath()
    path.addRoundedRect(rect, px / 12, px / 12)
    p.fillPath(path, appearance.colour("placeholder_bg"))  # a quiet tile on a light or a dark palette
    ink = appearance.colour("placeholder_ink")
    p.setPen(QPen(ink, max(1, px // 32)))
    p.drawPath(path)
    p.setBrush(ink)
    p.setPen(Qt.PenStyle.NoPen)
    w, h = rect.width(), rect.height()
    x0, y0 = rect.left(), rect.top()
    p.drawEllipse(QRect(x0 + int(w * 0.62), y0 + int(h * 0.18), max(2, int(w * 0.18)), max(2, int(w * 0.18))))
    hills = [
        (x0 + int(w * 0.08), y0 + int(h * 0.85)), (x0 + int(w * 0.38), y0 + int(h * 0.45)),
        (x0 + int(w * 0.58), y0 + int(h * 0.68)), (x0 + int(w * 0.72), y0 + int(h * 0.55)),
        (x0 + int(w * 0.92), y0 + int(h * 0.85)),
    ]
    p.drawPolygon(QPolygon([QPoint(x, y) for x, y in hills]))
    if broken:
        p.setPen(QPen(appearance.colour("muted"), max(1, px // 20)))
        p.drawLine(rect.topRight() + QPoint(-m, m), rect.bottomLeft() + QPoint(m, -m))
    p.end()
    return pm


class Thumbnails(QObject):
    """The app's thumbnail cache (one per media store)."""

    ready = Signal(str, int)  # sha256, px: a thumbnail (or its failure) is now known

    def __init__(self, store: MediaStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(_WORKERS)
        self._memory: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._failed: set[tuple[str, int]] = set()
        self._pending: set[tuple[str, int]] = set()
        self._placeholders: dict[tuple[int, bool], QPixmap] = {}
        self.made = 0  # thumbnails delivered from the workers (disk cache reads included)

    def placeholder(self, px: int, broken: bool = False) -> QPixmap:
        key = (px, broken, appearance.is_dark())
        if key not in self._placeholders:
            self._placeholders[key] = placeholder(px, broken)
        return self._placeholders[key]

    def failed(self, sha256: str, px: int) -> bool:
        return (sha256, px) in self._failed or not sha256

    def pixmap(self, sha256: str, px: int) -> QPixmap | None:
        """The thumbnail if it is in memory; else ``None`` and it is made in the background. Images
        that cannot be shown answer with the placeholder."""
        key = (sha256, px)
        if not sha256 or key in self._failed:
            return self.placeholder(px, broken=bool(sha256))
        pm = self._memory.get(key)
        if pm is not None:
            self._memory.move_to_end(key)
            return pm
        if key not in self._pending:
            self._pending.add(key)
            store = self.store
            run_task(lambda: make_thumbnail(store, sha256, px), lambda image: self._done(key, image),
                     lambda exc: self._done(key, None), pool=self.pool)
        return None

    def _done(self, key: tuple[str, int], image: QImage | None) -> None:
        if not isValid(self):
            return
        self._pending.discard(key)
        if image is None or image.isNull():
            self._failed.add(key)
        else:
            self._memory[key] = QPixmap.fromImage(image)
            self._memory.move_to_end(key)
            while len(self._memory) > MEMORY_CACHE_ENTRIES:
                self._memory.popitem(last=False)
        self.made += 1
        self.ready.emit(*key)

    def forget_failures(self) -> None:
        self._failed.clear()

    @property
    def pending(self) -> int:
        return len(self._pending)

