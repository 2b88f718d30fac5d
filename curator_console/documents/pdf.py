"""Write pages of drawing operations (``layout.Page``) to a PDF file with matplotlib.

Text is set with Type 3 fonts (``pdf.fonttype`` 3): each glyph from the first font of
``fonts.font_families()`` that has it, and the PDF's text layer holds the exact characters
(copy, search and ``pdftotext`` give the Chinese and English as written). The file is written
beside the target and renamed over it at the end, so a failed export never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from curator_console.documents.fonts import font_properties
from curator_console.documents.layout import ImageOp, Page, RectOp, RuleOp, TextOp

rc_lock = threading.RLock()  # rcParams are process-wide: one document at a time
_lock = rc_lock

PDF_RC = {"pdf.fonttype": 3, "pdf.compression": 6}


@contextlib.contextmanager
def atomic_output(path: Path | str, suffix: str) -> Iterator[Path]:
    """A temporary file beside ``path`` to write to; renamed over ``path`` when the block ends
    without an exception, removed when it raises (so a failed export never leaves half a file)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=f"{suffix}.part")
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Props:
    """FontProperties by (size, bold), made once per document."""

    def __init__(self) -> None:
        self._props: dict[tuple[float, bool], object] = {}

    def __call__(self, size: float, bold: bool):
        key = (size, bold)
        if key not in self._props:
            self._props[key] = font_properties(size, bold)
        return self._props[key]


def page_figure(page: Page, fp=None):
    """A ``matplotlib.figure.Figure`` of the page's size with its drawing operations on a
    full-page axes in points (y growing downwards). More artists (charts) can be added to it."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    fp = fp or _Props()
    fig = Figure(figsize=(page.width / 72, page.height / 72), dpi=72)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, page.width)
    ax.set_ylim(page.height, 0)  # y grows downwards, in points
    ax.set_autoscale_on(False)
    for op in page.ops:
        if isinstance(op, TextOp):
            ax.text(op.x, op.y, op.text, fontproperties=fp(op.size, op.bold), color=op.color,
                    ha=op.align, va="baseline", parse_math=False, clip_on=False)
        elif isinstance(op, RectOp):
            ax.add_patch(Rectangle((op.x, op.y), op.w, op.h, facecolor=op.fill or "none",
                                   edgecolor=op.edge or "none", linewidth=op.line_width))
        elif isinstance(op, RuleOp):
            ax.add_line(Line2D([op.x1, op.x2], [op.y1, op.y2], color=op.color,
                               linewidth=op.line_width, solid_capstyle="butt"))
        elif isinstance(op, ImageOp):
            ax.imshow(op.image, extent=(op.x, op.x + op.w, op.y + op.h, op.y), aspect="auto",
                      interpolation="antialiased", zorder=1)
    return fig


def write_pdf(pages: Sequence[Page], path: Path | str, *, title: str = "", subject: str = "") -> None:
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    fp = _Props()
    with atomic_output(path, ".pdf") as tmp, rc_lock, matplotlib.rc_context(PDF_RC):
        metadata = {"Title": title, "Subject": subject, "Creator": "Curator Console"}
        with PdfPages(tmp, metadata={k: v for k, v in metadata.items() if v}) as pdf:
            for page in pages:
                pdf.savefig(page_figure(page, fp))
