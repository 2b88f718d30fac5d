"""Render the app icon from ``resources/icons/app.svg`` into the files the app and the bundles use.

Usage (from anywhere; paths are resolved from this file's location):

    python tools/make_icons.py          # write app.png (256), app@2x.png (512), app.ico, app.icns
    python tools/make_icons.py --check  # exit 1 when a written file is missing or older than app.svg

The SVG is drawn with Qt's own renderer (QtSvg, part of pyside6-essentials) off screen; Pillow
(a dependency of matplotlib, listed in the ``build`` extra too) writes the Windows ``.ico`` and
the macOS ``.icns``. Commit the written files with the SVG: building a bundle does not redraw them.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "app.svg"
PNG_SIZES = {"app.png": 256, "app@2x.png": 512}  # QIcon("app.png") picks app@2x.png on HiDPI screens
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]
OUTPUTS = [*PNG_SIZES, "app.ico", "app.icns"]


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` canvas, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def make_icons(svg: Path = SVG, out_dir: Path = ICONS) -> list[Path]:
    from PIL import Image

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, size in PNG_SIZES.items():
        path = out_dir / name
        path.write_bytes(render_png(svg, size))
        written.append(path)

    # Each size drawn from the vector, not scaled down from one bitmap: small sizes stay crisp.
    frames = {size: Image.open(io.BytesIO(render_png(svg, size))).convert("RGBA")
              for size in sorted(set(ICO_SIZES) | set(ICNS_SIZES))}
    largest = frames[max(ICO_SIZES)]
    ico = out_dir / "app.ico"
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[frames[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    written.append(ico)
    icns = out_dir / "app.icns"
    frames[max(ICNS_SIZES)].save(icns, format="ICNS",
                                 append_images=[frames[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)])
    written.append(icns)
    return written


def stale(svg: Path = SVG, out_dir: Path = ICONS) -> list[str]:
    """The outputs that are missing or older than the SVG."""
    source_time = svg.stat().st_mtime
    return [name for name in OUTPUTS
            if not (out_dir / name).exists() or (out_dir / name).stat().st_mtime < source_time]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report missing or outdated files")
    args = parser.parse_args(argv)
    if args.check:
        missing = stale()
        for name in missing:
            print(f"make_icons: {ICONS / name} is missing or older than {SVG.name}", file=sys.stderr)
        return 1 if missing else 0
    for path in make_icons():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
