"""One language's edition (A4 portrait): cover, contents, preamble, sections, articles.

This module chooses the edition's data (book.py), its metadata and footer; templates/single.typ
lays it out.
"""

from __future__ import annotations

from constitution.core import ids
from constitution.core.text import capitalized
from constitution.print import book
from constitution.source.model import Source


def document(source: Source, lang: str, file_name: str) -> dict:
    """The data of the edition in one language, for templates/single.typ."""
    ui, edition = source.ui, source.document.edition
    status = book.language_statuses(source, (lang,))[lang]
    cover = book.cover(source, lang, status, file_name)
    return {
        "lang": lang,
        "meta": book.metadata(f"{ui.get('site_name', lang)} ({getattr(edition.name, lang)})",
                              getattr(edition.author, lang), getattr(edition.name, lang), edition.date),
        "cover": cover,
        "cover_parts": cover.parts,
        "title_id": ids.TITLE_ID,
        "contents_title": ui.get("pdf_contents", lang),
        "footer": capitalized(ui.get(f"status_{status}", lang)),
        "book": book.Book(source, {lang: status}),
    }
