"""One language's edition (A4 portrait): cover, contents, preamble, sections, articles.

This module chooses the edition's data (book.py) and its footer; templates/single.html.j2
writes the HTML.
"""

from __future__ import annotations

from constitution.core import ids
from constitution.print import book, layout
from constitution.source.model import Source


def document(source: Source, lang: str, file_name: str) -> tuple[str, str]:
    """(HTML, CSS) of the edition in one language."""
    ui, edition = source.ui, source.document.edition
    status = book.language_status(source, lang)
    meta = {
        "title": f"{ui.get('site_name', lang)} ({getattr(edition.name, lang)})",
        "author": getattr(edition.author, lang),
        "description": getattr(edition.name, lang),
        "date": edition.date.isoformat(),
    }
    html = layout.render(
        "single.html.j2", lang=lang, meta=meta, cover=book.cover(source, lang, status, file_name),
        title_id=ids.TITLE_ID, contents_title=ui.get("pdf_contents", lang),
        book=book.Book(source, {lang: status}))
    return html, layout.stylesheet("pdf", book.capitalized(ui.get(f"status_{status}", lang)))
