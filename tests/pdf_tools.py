"""Reading PDFs in tests with poppler-utils (pdftotext, pdfinfo, pdfimages, pdftoppm).

CI installs poppler-utils (``.ci/run``); without it these tests fail under ``CI=true`` and are
skipped elsewhere, like the PostgreSQL tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import in_ci


def require(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        message = f"{tool} (poppler-utils) is not installed: this test reads the PDF with it"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


def _run(*args: str) -> str:
    out = subprocess.run(list(args), capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text layer (one page when ``page`` is given, 1-based)."""
    args = [require("pdftotext"), "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return _run(*args, str(path), "-")


def squeezed(text: str) -> str:
    """Text without any whitespace (pdftotext breaks lines where the document wrapped them)."""
    return "".join(text.split())


def pdf_info(path: Path) -> dict[str, str]:
    info = {}
    for line in _run(require("pdfinfo"), str(path)).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


def page_count(path: Path) -> int:
    return int(pdf_info(path)["Pages"])


def page_size(path: Path) -> tuple[float, float]:
    m = re.match(r"([\d.]+) x ([\d.]+) pts", pdf_info(path)["Page size"])
    assert m, pdf_info(path)
    return float(m.group(1)), float(m.group(2))


def image_count(path: Path) -> int:
    """Images placed in the PDF (``pdfimages -list``; masks not counted)."""
    lines = _run(require("pdfimages"), "-list", str(path)).splitlines()[2:]
    return sum(1 for line in lines if line.split()[2] == "image")


def word_boxes(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) of every word, from ``pdftotext -bbox``."""
    html = _run(require("pdftotext"), "-bbox", "-enc", "UTF-8", str(path), "-")
    boxes = []
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            boxes.append((page, *(float(m.group(k)) for k in range(1, 5)), m.group(5)))
    return boxes
