"""The sources the PDF tests render, and reading the PDFs back."""

from __future__ import annotations

import shutil
from pathlib import Path

from constitution.core import paths
from tests.helpers import DATA, RICH


def source_dir(name: str, tmp: Path) -> Path:
    """"translations" (the project's source), "rich" or "units" (the fixtures, in a copy under `tmp`)."""
    if name == "translations":
        return paths.SOURCE_DIR
    # The fixture's ui.yaml predates the PDF strings: give it the project's interface strings.
    target = tmp / f"{name}-source"
    shutil.copytree(RICH if name == "rich" else DATA / "units", target)
    shutil.copyfile(paths.SOURCE_DIR / paths.UI_FILE, target / paths.UI_FILE)
    return target


def pdf_body_text(path: Path) -> str:
    """The text of a PDF's pages without what lies in the top and bottom page margins (the
    running headers and footers, which extraction would put in the middle of a clause that
    runs across pages), in reading order, pages joined by newlines."""
    from pypdf import PdfReader

    margin = 20 / 25.4 * 72  # 20 mm, in points: the PDFs' running heads sit in their margins
    pages = []
    for page in PdfReader(path).pages:
        height, kept = float(page.mediabox.top), []

        def keep(text, cm, tm, font, size):
            y = tm[5] * cm[3] + cm[5]
            if margin < y < height - margin:
                kept.append(text)

        page.extract_text(visitor_text=keep)
        pages.append("".join(kept))
    return "\n".join(pages)
