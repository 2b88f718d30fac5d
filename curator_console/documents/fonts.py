"""Fonts for the PDF documents: DejaVu Sans (bundled with matplotlib) for Latin text, then the
first Chinese font this computer has, glyph by glyph; and text widths measured with them.

matplotlib is imported here only inside functions (it takes about a second to load).
"""

from __future__ import annotations

import functools
import logging

log = logging.getLogger(__name__)

LATIN_FAMILY = "DejaVu Sans"
# Chinese fonts in order of preference: Linux (Noto / Source Han, WenQuanYi), Windows, macOS.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Arial Unicode MS",
)

_MEASURE_SIZE = 100.0  # advances are read at this size and scaled


@functools.cache
def font_families() -> tuple[str, ...]:
    """The family chain the documents use: DejaVu Sans first, then the first Chinese font found."""
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FAMILIES if name in installed][:1]
    if not cjk:
        log.warning("no Chinese font found (tried %s); Chinese text will show as empty boxes", ", ".join(CJK_FAMILIES))
    return (LATIN_FAMILY, *cjk)


def font_properties(size: float, bold: bool):
    from matplotlib.font_manager import FontProperties

    return FontProperties(family=list(font_families()), weight="bold" if bold else "normal", size=size)


class FontMeasure:
    """``measure(text, size, bold)``: the advance width in points of ``text`` as the PDF sets it
    (each character from the first font of the chain that has it; kerning ignored, so a measured
    width is never much smaller than the drawn one).

    Holds FreeType faces: make one per thread (matplotlib's font cache is per thread)."""

    def __init__(self, families: tuple[str, ...] | None = None) -> None:
        from matplotlib.font_manager import FontProperties, findfont, get_font
        from matplotlib.ft2font import LoadFlags

        self._flags = LoadFlags.NO_HINTING
        self._faces: dict[bool, list] = {}
        for bold in (False, True):
            faces = []
            for family in families or font_families():
                try:
                    path = findfont(FontProperties(family=family, weight="bold" if bold else "normal"),
                                    fallback_to_default=False)
                except ValueError:
                    continue
                faces.append(get_font(path))
            self._faces[bold] = faces
        self._advance: dict[tuple[str, bool], float] = {}
        self._width: dict[tuple[str, bool], float] = {}

    def _char_advance(self, ch: str, bold: bool) -> float:
        key = (ch, bold)
        advance = self._advance.get(key)
        if advance is None:
            faces = self._faces[bold]
            face = next((f for f in faces if f.get_char_index(ord(ch))), faces[0] if faces else None)
            if face is None:
                advance = 0.6 * _MEASURE_SIZE
            else:
                face.set_size(_MEASURE_SIZE, 72)  # the face is shared with matplotlib's renderer
                advance = face.load_char(ord(ch), flags=self._flags).linearHoriAdvance / 65536
            self._advance[key] = advance
        return advance

    def __call__(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, bold)
        width = self._width.get(key)
        if width is None:
            width = sum(self._char_advance(ch, bold) for ch in text) / _MEASURE_SIZE
            if len(self._width) < 50_000:
                self._width[key] = width
        return width * size
