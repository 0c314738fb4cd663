"""One language's edition (A4 portrait): cover, contents, preamble, sections, articles."""

from __future__ import annotations

from html import escape

from constitution.core import ids
from constitution.source.model import Article, Source
from constitution.print.layout import (article_label, attr, body_units, capitalized, cover_parts, head, language_status, number_label,
               section_label, section_running, stylesheet, unit_html)


def document(source: Source, lang: str, file_name: str) -> tuple[str, str]:
    """(HTML, CSS) of the edition in one language."""
    ui, doc = source.ui, source.document
    status = language_status(source, lang)
    title = f"{ui.get('site_name', lang)} ({getattr(doc.edition.name, lang)})"
    html = (
        f'<!DOCTYPE html><html lang="{lang}">'
        + head(title, getattr(doc.edition.author, lang), getattr(doc.edition.name, lang),
               doc.edition.date.isoformat())
        + "<body>" + cover(source, lang, status, file_name) + contents(source, lang)
        + "<main>" + preamble(source, lang, status)
        + "".join(section(source, s, lang, status) for s in doc.sections)
        + "</main></body></html>"
    )
    return html, stylesheet("pdf", capitalized(ui.get(f"status_{status}", lang)))


def cover(source: Source, lang: str, status: str, file_name: str) -> str:
    parts = []
    for tag, css_class, inner in cover_parts(source, lang, status, file_name):
        ident = f' id="{ids.TITLE_ID}"' if css_class == "title" else ""
        parts.append(f'<{tag} class="{css_class}"{ident}>{inner}</{tag}>')
    return f'<section class="cover">{"".join(parts)}</section>'


def contents(source: Source, lang: str) -> str:
    ui = source.ui
    items = [entry(ids.PREAMBLE_ID, ui.get("preamble", lang), "toc-part")]
    for sec in source.document.sections:
        articles = "".join(entry(a.id, article_label(source, a.number, lang), "toc-article")
                           for a in source.section_articles(sec))
        items.append(entry(sec.id, section_running(source, sec, lang), "toc-part")
                     + (f'<ol class="articles">{articles}</ol>' if articles else ""))
    return (f'<nav class="toc"><h2 class="toc-title">{escape(ui.get("pdf_contents", lang))}</h2>'
            f'<ol>{"".join(items)}</ol></nav>')


def entry(target: str, label: str, kind: str) -> str:
    return f'<li class="{kind}"><a href="#{target}"><span class="label">{escape(label)}</span></a>'


def preamble(source: Source, lang: str, status: str) -> str:
    label = source.ui.get("preamble", lang)
    recitals = "".join(f'<p class="recital" id="{r.id}">{unit_html(source, r, lang, status)}</p>'
                       for r in source.preamble.recitals)
    return (f'<section class="preamble" id="{source.preamble.id}">'
            f'<h2 data-running="{attr(label)}">{escape(label)}</h2>{recitals}</section>')


def section(source: Source, sec, lang: str, status: str) -> str:
    title = (f'<span class="title">{unit_html(source, sec.title, lang, status)}</span>')
    heading = (f'<h2 data-running="{attr(section_running(source, sec, lang))}">'
               f'<span class="label">{escape(section_label(source, sec.number, lang))}</span>{title}</h2>')
    articles = "".join(article(source, a, lang, status) for a in source.section_articles(sec))
    return f'<section class="section" id="{sec.id}">{heading}{articles}</section>'


def article(source: Source, art: Article, lang: str, status: str) -> str:
    label = article_label(source, art.number, lang)
    parts = [f'<h3 data-running="{attr(label)}">{escape(label)}</h3>']
    if not art.has_clauses:
        parts.append(f'<p class="text">{unit_html(source, art, lang, status)}</p>')
    for unit, depth in body_units(art):
        parts.append(
            f'<div class="unit depth-{depth}" id="{unit.id}"><span class="num">'
            f'{number_label(unit.kind, unit.number)}</span>{unit_html(source, unit.texts, lang, status)}</div>')
    return f'<article class="article" id="{art.id}">{"".join(parts)}</article>'
