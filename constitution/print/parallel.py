"""The parallel edition (A4 landscape): each unit is one table row, kk | ru | en.

A row is never split across pages where it fits on one, so the three texts of a clause
stand side by side on the same page. The row carries the unit's id (one destination for
all three languages); headings are rows too, so the columns stay aligned throughout.
"""

from __future__ import annotations

from html import escape

from constitution.core import ids, languages
from constitution.source.model import Article, Source
from constitution.print.layout import (article_label, attr, body_units, cover_parts, head, language_status, number_label,
               section_label, section_running, stylesheet, unit_html)

LANGS = languages.LANGUAGES


def joined(values) -> str:
    """One metadata string for three languages."""
    return " / ".join(values)


def document(source: Source, file_name: str) -> tuple[str, str]:
    """(HTML, CSS) of the trilingual edition."""
    ui, doc = source.ui, source.document
    statuses = {lang: language_status(source, lang) for lang in LANGS}
    html = (
        f'<!DOCTYPE html><html lang="{languages.DEFAULT_LANGUAGE}">'
        + head(joined(f"{ui.get('site_name', l)} ({getattr(doc.edition.name, l)})" for l in LANGS),
               joined(getattr(doc.edition.author, l) for l in LANGS),
               joined(ui.get("pdf_parallel", l) for l in LANGS), doc.edition.date.isoformat())
        + "<body>" + cover(source, statuses, file_name) + contents(source)
        + "<main>" + preamble(source, statuses)
        + "".join(section(source, s, statuses) for s in doc.sections)
        + "</main></body></html>"
    )
    footer = " · ".join(f"{getattr(doc.languages, l).name}: {ui.get('status_' + statuses[l], l)}"
                        for l in LANGS)
    return html, stylesheet("parallel", footer)


def row(cells: dict[str, str], css_class: str, unit_id: str | None = None, extra: str = "") -> str:
    ident = f' id="{unit_id}"' if unit_id else ""
    tds = "".join(f'<td lang="{lang}">{cells[lang]}</td>' for lang in LANGS)
    return f'<tr class="{css_class}"{ident}{extra}>{tds}</tr>'


def table(source: Source, rows: list[str], css_class: str, ident: str = "") -> str:
    names = {lang: escape(getattr(source.document.languages, lang).name) for lang in LANGS}
    head_row = "".join(f'<th scope="col" lang="{lang}">{names[lang]}</th>' for lang in LANGS)
    return (f'<table class="parallel {css_class}"{ident}><thead><tr>{head_row}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def cover(source: Source, statuses: dict[str, str], file_name: str) -> str:
    """The three covers side by side, part by part, so each line meets its translations."""
    columns = {lang: cover_parts(source, lang, statuses[lang], file_name, parallel=True) for lang in LANGS}
    rows = []
    for index, (_, css_class, _) in enumerate(columns[languages.DEFAULT_LANGUAGE]):
        cells = {lang: '<{0} class="{1}">{2}</{0}>'.format(*columns[lang][index]) for lang in LANGS}
        rows.append(row(cells, "cover-part", ids.TITLE_ID if css_class == "title" else None))
    return f'<section class="cover"><table class="cover-columns">{"".join(rows)}</table></section>'


def contents(source: Source) -> str:
    ui = source.ui
    rows = [toc_row(ids.PREAMBLE_ID, {l: ui.get("preamble", l) for l in LANGS}, "toc-part")]
    for sec in source.document.sections:
        rows.append(toc_row(sec.id, {l: section_running(source, sec, l) for l in LANGS}, "toc-part"))
        rows += [toc_row(a.id, {l: article_label(source, a.number, l) for l in LANGS}, "toc-article")
                 for a in source.section_articles(sec)]
    title = " · ".join(ui.get("pdf_contents", l) for l in LANGS)
    return (f'<nav class="toc"><h2 class="toc-title">{escape(title)}</h2>'
            f'<table class="toc-table">{"".join(rows)}</table></nav>')


def toc_row(target: str, labels: dict[str, str], kind: str) -> str:
    cells = "".join(f'<td lang="{l}">{escape(labels[l])}</td>' for l in LANGS)
    return f'<tr class="{kind}">{cells}<td class="page"><a href="#{target}"></a></td></tr>'


def heading_extra(running: str, bookmark: str) -> str:
    return f' data-running="{attr(running)}" data-bookmark="{attr(bookmark)}"'


def preamble(source: Source, statuses: dict[str, str]) -> str:
    labels = {l: source.ui.get("preamble", l) for l in LANGS}
    bookmark = " · ".join(labels.values())
    rows = [row({l: f"<h2>{escape(labels[l])}</h2>" for l in LANGS}, "row-heading row-part",
                extra=heading_extra(bookmark, bookmark))]
    rows += [row({l: unit_html(source, r, l, statuses[l]) for l in LANGS}, "row-unit", r.id)
             for r in source.preamble.recitals]
    return table(source, rows, "block", f' id="{source.preamble.id}"')


def section(source: Source, sec, statuses: dict[str, str]) -> str:
    cells = {l: (f'<h2><span class="label">{escape(section_label(source, sec.number, l))}</span>'
                 f'<span class="title">{unit_html(source, sec.title, l, statuses[l])}</span></h2>')
             for l in LANGS}
    running = " · ".join(section_label(source, sec.number, l) for l in LANGS)
    bookmark = " · ".join(section_running(source, sec, l) for l in LANGS)
    rows = [row(cells, "row-heading row-part", sec.id, extra=heading_extra(running, bookmark))]
    for art in source.section_articles(sec):
        rows += article_rows(source, art, statuses)
    return table(source, rows, "block")


def article_rows(source: Source, art: Article, statuses: dict[str, str]) -> list[str]:
    labels = {l: article_label(source, art.number, l) for l in LANGS}
    joined = " · ".join(labels.values())
    rows = [row({l: f"<h3>{escape(labels[l])}</h3>" for l in LANGS}, "row-heading row-article", art.id,
                extra=heading_extra(joined, joined))]
    if not art.has_clauses:
        rows.append(row({l: unit_html(source, art, l, statuses[l]) for l in LANGS}, "row-unit"))
    for unit, depth in body_units(art):
        number = f'<span class="num">{number_label(unit.kind, unit.number)}</span>'
        rows.append(row({l: number + unit_html(source, unit.texts, l, statuses[l]) for l in LANGS},
                        f"row-unit row-depth-{depth}", unit.id))
    return rows
