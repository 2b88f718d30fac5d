"""The media store: image files kept under their content hash, inside the app's media folder only.

``add_file``/``add_bytes`` check that the data really is an image (by its signature, not its
name), refuse empty and over-large files, read the pixel size from the header, and copy the bytes
to ``<root>/<aa>/<sha256>.<ext>`` atomically (write to a temporary file, then rename). Nothing is
ever written outside ``root``, whatever name or path an import file gives; the same image added
twice is stored once.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_IMAGE_BYTES = 64 * 1024 * 1024
MAX_PIXELS = 30_000 * 30_000

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
    (b"II*\x00", "image/tiff", "tif"),
    (b"MM\x00*", "image/tiff", "tif"),
    (b"BM", "image/bmp", "bmp"),
)


class MediaError(ValueError):
    """A file that cannot be stored as an image; the message says why in plain words."""


@dataclass(frozen=True)
class MediaInfo:
    sha256: str
    mime_type: str
    extension: str
    byte_size: int
    width: int | None
    height: int | None


def sniff(head: bytes) -> tuple[str, str] | None:
    """(MIME type, extension) from a file's first bytes, or None when it is not a known image."""
    for signature, mime, ext in _SIGNATURES:
        if head.startswith(signature):
            return mime, ext
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


def image_size(data: bytes, mime: str) -> tuple[int | None, int | None]:
    """Pixel width and height read from the header (None when the header does not say)."""
    try:
        if mime == "image/png" and len(data) >= 24:
            return struct.unpack(">II", data[16:24])
        if mime == "image/gif" and len(data) >= 10:
            return struct.unpack("<HH", data[6:10])
        if mime == "image/bmp" and len(data) >= 26:
            w, h = struct.unpack("<ii", data[18:26])
            return abs(w), abs(h)
        if mime == "image/jpeg":
            i = 2
            while i + 9 < len(data):
                if data[i] != 0xFF:
                    i += 1
                    continue
                marker = data[i + 1]
                if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                    i += 2
                    continue
                length = struct.unpack(">H", data[i + 2:i + 4])[0]
                if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                    h, w = struct.unpack(">HH", data[i + 5:i + 9])
                    return w, h
                i += 2 + length
    except struct.error:
        pass
    return None, None


class MediaStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str, extension: str | None = None) -> Path | None:
        """Where an image is stored (None when it is not). Only hex digests are accepted."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            return None
        folder = self.root / sha256[:2]
        if extension:
            candidate = folder / f"{sha256}.{extension}"
            return candidate if candidate.exists() else None
        matches = sorted(folder.glob(f"{sha256}.*")) if folder.exists() else []
        return matches[0] if matches else None

    def add_bytes(self, data: bytes, name: str = "") -> MediaInfo:
        label = f"“{name}”" if name else "The file"
        if not data:
            raise MediaError(f"{label} is empty.")
        if len(data) > MAX_IMAGE_BYTES:
            raise MediaError(f"{label} is too large ({len(data) // (1024 * 1024)} MB; at most "
                             f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB).")
        kind = sniff(data[:16])
        if kind is None:
            raise MediaError(f"{label} is not an image Curator Console can show (PNG, JPEG, GIF, WebP, TIFF, BMP).")
        mime, ext = kind
        width, height = image_size(data[:256 * 1024], mime)
        if width is not None and height is not None and width * height > MAX_PIXELS:
            raise MediaError(f"{label} is too large ({width}×{height} pixels).")
        sha = hashlib.sha256(data).hexdigest()
        dest = self.root / sha[:2] / f"{sha}.{ext}"
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, dest)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return MediaInfo(sha, mime, ext, len(data), width, height)

    def add_file(self, path: Path | str) -> MediaInfo:
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_IMAGE_BYTES:
                raise MediaError(f"“{path.name}” is too large ({size // (1024 * 1024)} MB; at most "
                                 f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB).")
            data = path.read_bytes()
        except FileNotFoundError:
            raise MediaError(f"The image “{path.name}” does not exist.") from None
        except IsADirectoryError:
            raise MediaError(f"“{path.name}” is a folder, not an image.") from None
        except OSError as exc:
            raise MediaError(f"The image “{path.name}” cannot be read ({exc.strerror or exc}).") from None
        return self.add_bytes(data, path.name)


def resolve_inside(base: Path, name: str) -> Path | None:
    """``name`` (as written in an import file) as a path inside ``base``, or None if it leaves it."""
    if not name or "\x00" in name:
        return None
    candidate = Path(name)
    if candidate.is_absolute() or candidate.drive:
        return None
    try:
        resolved = (base / candidate).resolve()
        resolved.relative_to(base.resolve())
    except (ValueError, OSError):
        return None
    return resolved
