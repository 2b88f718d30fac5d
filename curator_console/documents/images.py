"""Small thumbnails for the documents, read with Pillow (JPEG, PNG, WebP, GIF, TIFF, BMP).

A missing, unreadable, broken or absurdly large image gives ``None`` (the document draws a
placeholder box instead); nothing here raises for a bad file. JPEGs are decoded at a fraction of
their size (``draft``), and nothing larger than ``MAX_SOURCE_PIXELS`` is decoded at all.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

log = logging.getLogger(__name__)

THUMBNAIL_PX = 160  # enough for a 40 pt box at about 280 dpi
MAX_SOURCE_PIXELS = 80_000_000


def load_thumbnail(path: Path | str | None, max_px: int = THUMBNAIL_PX):
    """An RGB ``PIL.Image`` at most ``max_px`` on its longer side, or ``None``."""
    if path is None:
        return None
    try:
        from PIL import Image, ImageOps
    except ImportError:  # pragma: no cover - Pillow comes with matplotlib
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width <= 0 or height <= 0 or width * height > MAX_SOURCE_PIXELS:
                    log.info("image %s not used in the document: %dx%d pixels", path, width, height)
                    return None
                image.draft("RGB", (max_px, max_px))  # JPEG: decode at 1/2, 1/4 or 1/8 size
                image = ImageOps.exif_transpose(image)
                if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
                    rgba = image.convert("RGBA")
                    flat = Image.new("RGB", rgba.size, (255, 255, 255))
                    flat.paste(rgba, mask=rgba.getchannel("A"))
                    image = flat
                else:
                    image = image.convert("RGB")
                image.thumbnail((max_px, max_px))
                image.load()
                return image
    except Exception as exc:  # noqa: BLE001 - any unreadable image becomes a placeholder
        log.info("image %s not used in the document: %s", path, exc)
        return None
