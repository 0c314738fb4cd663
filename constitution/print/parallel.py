"""The parallel edition (A4 landscape): each unit is one table row, kk | ru | en.

A row is never split across pages, so the three texts of a clause stand side by side on the
same page. This module chooses the edition's data (book.py), its metadata and footer;
templates/parallel.typ lays it out.
"""

from __future__ import annotations

from constitution.core import ids, languages
from constitution.print import book
from constitution.source.model import Source

LANGS = languages.LANGUAGES


def joined(values) -> str:
    """One metadata string for three languages."""
    return " / ".join(values)


def document(source: Source, file_name: str) -> dict:
    """The data of the trilingual edition, for templates/parallel.typ."""
    ui, doc = source.ui, source.document
    edition = doc.edition
    statuses = book.language_statuses(source, LANGS)
    covers = {lang: book.cover(source, lang, statuses[lang], file_name, parallel=True) for lang in LANGS}
    return {
        "lang": languages.DEFAULT_LANGUAGE,
        "langs": list(LANGS),
        "meta": book.metadata(joined(f"{ui.get('site_name', l)} ({getattr(edition.name, l)})" for l in LANGS),
                              joined(getattr(edition.author, l) for l in LANGS),
                              joined(ui.get("pdf_parallel", l) for l in LANGS), edition.date),
        "covers": covers,
        "cover_parts": covers[languages.DEFAULT_LANGUAGE].parts,
        "title_id": ids.TITLE_ID,
        "names": {lang: getattr(doc.languages, lang).name for lang in LANGS},
        "contents_title": {lang: ui.get("pdf_contents", lang) for lang in LANGS},
        "footer": " · ".join(f"{getattr(doc.languages, l).name}: {ui.get('status_' + statuses[l], l)}"
                             for l in LANGS),
        "book": book.Book(source, statuses),
    }
