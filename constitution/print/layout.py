"""HTML and CSS of the PDF editions, built from the Source model with html.escape.

Legal text is printed literally (escaped, a newline becomes <br>). Every unit, article,
section and the preamble carries its Akoma Ntoso id, which WeasyPrint turns into a PDF
named destination. Shared pieces live here; single.py and parallel.py lay them out.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from constitution.core import ids
from constitution.source import labels
from constitution.source.model import Article, Source, article_units

CSS_DIR = Path(__file__).parent


def text_html(text: str) -> str:
    """Literal text: escaped, each newline a line break."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def attr(text: str) -> str:
    return escape(text, quote=True)


def css_string(text: str) -> str:
    """A CSS string literal for generated content (footers)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def language_status(source: Source, lang: str) -> str:
    """`official` only when every present unit of the language is official."""
    statuses = {unit.texts.status(lang) for unit in source.units()} - {"missing"}
    if not statuses:
        return "missing"
    return "official" if statuses == {"official"} else "unofficial"


def unit_html(source: Source, texts, lang: str, edition_status: str) -> str:
    """One language's text of a unit; a unit whose status differs from the edition says so."""
    text = texts.text(lang)
    if text is None:
        return f'<span class="missing">{escape(source.ui.get("pdf_text_missing", lang))}</span>'
    status = texts.status(lang)
    mark = ""
    if status != edition_status:
        mark = f' <span class="status-mark">[{escape(source.ui.get("status_" + status, lang))}]</span>'
    return text_html(text) + mark


def section_label(source: Source, number: int, lang: str) -> str:
    return labels.section_label(source.ui, lang, number)


def article_label(source: Source, number: int, lang: str) -> str:
    return labels.article_label(source.ui, lang, number)


def section_running(source: Source, section, lang: str) -> str:
    """The running-header text of a section: label and title."""
    return labels.section_title(source.ui, lang, section)


def number_label(kind: str, number: int) -> str:
    return labels.number(kind, number)


def body_units(article: Article):
    """(unit, depth) for the numbered units of an article: clauses 1, their points 2."""
    for unit in article_units(article):
        if unit.kind == "article":
            continue  # the article's own text is printed under its heading
        yield unit, 2 if unit.kind == "point" and unit.parent != article.id else 1


def link_example(source: Source, file_name: str) -> str:
    """A real destination to show on the cover: the first clause, else the first article."""
    targets = [unit.id for unit in source.units() if unit.kind == "clause"]
    targets += [article.id for article in source.articles] + [ids.PREAMBLE_ID]
    return f"{file_name}#{targets[0]}"


def cover_parts(source: Source, lang: str, status: str, file_name: str,
                parallel: bool = False) -> list[tuple[str, str, str]]:
    """(tag, class, inner HTML) of the cover in one language, top to bottom.

    Every language gets the same parts in the same order, so a parallel cover aligns them."""
    ui, doc = source.ui, source.document
    edition, text_source = doc.edition, getattr(doc.sources, lang)
    status_html = (f'<p class="status-label">{escape(capitalized(ui.get("status_" + status, lang)))}</p>'
                   f"<p>{text_html(getattr(text_source.description, lang))}</p>")
    if text_source.url:
        status_html += f'<p class="url">{escape(ui.get("pdf_source", lang).format(url=text_source.url))}</p>'
    example = f'<span class="nowrap">{escape(link_example(source, file_name))}</span>'
    parts = [
        ("p", "kicker", escape(ui.get("site_name", lang))),
        ("h1", "title", unit_html(source, doc.title, lang, status)),
        ("p", "edition", escape(getattr(edition.name, lang))),
        ("p", "meta", escape(ui.get("pdf_edition_date", lang).format(date=edition.date.isoformat()))),
        ("p", "meta", escape(ui.get("pdf_author", lang).format(author=getattr(edition.author, lang)))),
        *([("p", "meta", escape(ui.get("pdf_parallel", lang)))] if parallel else []),
        ("div", f"status status-{status}", status_html),
    ]
    if len(source.articles) < doc.full_text.articles:
        partial = ui.get("pdf_partial", lang).format(n=len(source.articles), total=doc.full_text.articles)
        parts.append(("p", "note", escape(partial)))
    hint = escape(ui.get("pdf_link_hint", lang).format(example="\0")).replace("\0", example)
    parts.append(("p", "note", hint))
    return parts


def head(title: str, author: str, description: str, date: str) -> str:
    """<head> whose meta elements WeasyPrint writes as PDF metadata."""
    return (
        f'<head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="author" content="{attr(author)}">'
        f'<meta name="description" content="{attr(description)}">'
        f'<meta name="generator" content="python -m constitution pdf">'
        f'<meta name="dcterms.created" content="{date}">'
        f'<meta name="dcterms.modified" content="{date}"></head>'
    )


def stylesheet(name: str, footer: str) -> str:
    """A layout's CSS (file in this folder) with the footer text of this edition."""
    css = (CSS_DIR / "pdf.css").read_text(encoding="utf-8")
    if name != "pdf":
        css += (CSS_DIR / f"{name}.css").read_text(encoding="utf-8")
    return css + f"\n@page {{ @bottom-left {{ content: {css_string(footer)}; }} }}\n"
