"""The parallel edition (A4 landscape): each unit is one table row, kk | ru | en.

A row is never split across pages where it fits on one, so the three texts of a clause
stand side by side on the same page. This module chooses the edition's data (book.py), its
metadata and footer; templates/parallel.html.j2 writes the HTML.
"""

from __future__ import annotations

from constitution.core import ids, languages
from constitution.print import book, layout
from constitution.source.model import Source

LANGS = languages.LANGUAGES


def joined(values) -> str:
    """One metadata string for three languages."""
    return " / ".join(values)


def document(source: Source, file_name: str) -> tuple[str, str]:
    """(HTML, CSS) of the trilingual edition."""
    ui, doc = source.ui, source.document
    edition = doc.edition
    statuses = {lang: book.language_status(source, lang) for lang in LANGS}
    meta = {
        "title": joined(f"{ui.get('site_name', l)} ({getattr(edition.name, l)})" for l in LANGS),
        "author": joined(getattr(edition.author, l) for l in LANGS),
        "description": joined(ui.get("pdf_parallel", l) for l in LANGS),
        "date": edition.date.isoformat(),
    }
    html = layout.render(
        "parallel.html.j2", langs=LANGS, html_lang=languages.DEFAULT_LANGUAGE, meta=meta,
        covers={l: book.cover(source, l, statuses[l], file_name, parallel=True) for l in LANGS},
        title_id=ids.TITLE_ID, names={l: getattr(doc.languages, l).name for l in LANGS},
        contents_title={l: ui.get("pdf_contents", l) for l in LANGS}, book=book.Book(source, statuses))
    footer = " · ".join(f"{getattr(doc.languages, l).name}: {ui.get('status_' + statuses[l], l)}"
                        for l in LANGS)
    return html, layout.stylesheet("parallel", footer)
