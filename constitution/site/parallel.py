"""The languages side by side: the whole text and each article, in each site language.

Side by side (urls.parallel_page): one page for the whole text and one per article, in
each site language (the interface in that language). Each row is one text unit
(`id="row-art_2__para_4"`, contract.parallel_row_id), with one cell per language
(`lang="kk"`) that links to the unit on that language's page; a missing text is a notice,
never a blank. Cells come in the page's language first; reader.js lets the reader choose two
or three languages and their order and remembers the choice. Search leaves out all but the
whole text's title (`data-search-exclude`, and the headings by their prefix: core/contract.py):
each unit is found on its own page already, and the rest is the same on every page.
"""

from __future__ import annotations

import posixpath

from constitution.core import contract, ids, languages, urls
from constitution.site import html
from constitution.site.markup import literal_markdown
from constitution.site.units import (
    Lang,
    Page,
    article_title,
    heading,
    link,
    section_title,
    status_summary,
)
from constitution.source import labels
from constitution.source.model import Article, Source, Unit, article_units


def site_href(page: str, lang: str, target: str) -> str:
    """A raw HTML link from a page to a built file of the site (urls.page_file), relative."""
    here = posixpath.dirname(urls.page_file(page, lang)) or "."
    return urls.relative(target, here)


def column_order(lang: Lang) -> list[str]:
    """The languages as columns before the reader chooses: the page's own first."""
    return languages.page_first(lang.code)


def reading_order(source: Source) -> list[Article]:
    return [article for section in source.document.sections for article in source.section_articles(section)]


def cell(lang: Lang, page: str, unit: Unit, code: str) -> dict:
    """One language's text of a unit, with a link to it on that language's page."""
    return {"lang": code, "page_lang": lang.code, "status": unit.texts.status(code),
            "number": labels.number(unit.kind, unit.number, lang.source.ui, code), "text": unit.texts.text(code),
            "missing": lang.ui("parallel_missing"), "name": lang.endonym(code), "unit_id": unit.id,
            "href": site_href(page, lang.code, urls.page_file(urls.page_of(unit.id), code))}


def rows(lang: Lang, page: str, units: list[Unit], head: list[Unit] | None = None, kind: str = "") -> str:
    """A block of rows as one raw HTML block, with the column heads when `head` gives their units."""
    columns = column_order(lang)
    heads = None if head is None else [
        {"lang": code, "page_lang": lang.code, "name": lang.endonym(code), "status": status_summary(lang, code, head)}
        for code in columns]
    return html.render("parallel_rows", {
        "classes": f"pl pl--{kind}" if kind else "pl", "head": heads,
        "rows": [{"kind": unit.kind, "id": contract.parallel_row_id(unit.id),
                  "cells": [cell(lang, page, unit, code) for code in columns]} for unit in units]})


def controls(lang: Lang) -> str:
    """The reader's choice of columns (working with reader.js; without it, hidden and every
    language shows). Each select starts at its column of the page's order (its language first),
    the order the rows are written in, so reader.js changes nothing until the reader chooses."""
    columns = column_order(lang)
    return html.render("parallel_controls", {
        "pages": urls.PARALLEL_PAGE, "legend": lang.ui("parallel_columns"), "none": lang.ui("parallel_column_none"),
        "options": [{"lang": code, "name": lang.endonym(code)} for code in languages.LANGUAGES],
        "selects": [{"label": labels.fill(lang.ui("parallel_column"), lang.code, n=index + 1), "name": f"column-{index + 1}",
                     "optional": index >= 2, "shown": columns[index]} for index in range(len(languages.LANGUAGES))]})


def whole_page(lang: Lang, source: Source) -> Page:
    page = urls.parallel_page()
    title = lang.ui("parallel_title")
    units = list(source.units())
    by_id = {unit.id: unit for unit in units}
    lines = [heading(1, literal_markdown(title), page), "",
             literal_markdown(lang.ui("parallel_intro")), f"{{ {contract.SEARCH_EXCLUDE} }}", "", controls(lang), "",
             rows(lang, page, [by_id[ids.TITLE_ID]], head=units), ""]
    prefix = contract.PARALLEL_HEADING_PREFIX
    recitals = [unit for unit in units if urls.page_of(unit.id) == ids.PREAMBLE_ID]  # with their notes
    if recitals:
        lines += [heading(2, literal_markdown(lang.ui("preamble")), prefix + ids.PREAMBLE_ID), "",
                  rows(lang, page, recitals), ""]
    for section in source.document.sections:
        lines += [heading(2, literal_markdown(section_title(lang, section)), prefix + section.id), "",
                  rows(lang, page, [by_id[section.id], *notes_of(units, section.id)]), ""]
        starts = {chapter.articles[0]: chapter for chapter in section.chapters if chapter.articles}
        for article in source.section_articles(section):
            if article.number in starts:
                chapter = starts[article.number]
                lines += [rows(lang, page, [by_id[chapter.id], *notes_of(units, chapter.id)]), ""]
            alone = f"[{literal_markdown(lang.ui('parallel_article_alone'))}]({link(page, urls.parallel_page(article.id))})"
            lines += [heading(3, literal_markdown(article_title(lang, article)), prefix + article.id), "",
                      alone, "", rows(lang, page, list(article_units(article))), ""]
    return Page(page, title, lines)


def notes_of(units: list[Unit], owner_id: str) -> list[Unit]:
    return [unit for unit in units if unit.kind == "note" and unit.parent == owner_id]


def article_page(lang: Lang, source: Source, article: Article, before: Article | None,
                 after: Article | None) -> Page:
    page = urls.parallel_page(article.id)
    title = labels.fill(lang.ui("parallel_article_title"), lang.code, article=article_title(lang, article))
    units = list(article_units(article))
    back = f"[{literal_markdown(labels.fill(lang.ui('parallel_back'), lang.code, n=article.number))}]({link(page, article.id)})"
    whole = f"[{literal_markdown(lang.ui('parallel_whole'))}]({link(page, urls.parallel_page())})"
    lines = [heading(1, literal_markdown(title), contract.PARALLEL_HEADING_PREFIX + article.id), "",
             f"{back} · {whole}", "", literal_markdown(lang.ui("parallel_intro")), "", controls(lang), "",
             rows(lang, page, units, head=units, kind="article"), ""]
    steps = [f"[{literal_markdown(labels.fill(lang.ui(key), lang.code, article=article_title(lang, other)))}]"
             f"({link(page, urls.parallel_page(other.id))})"
             for key, other in (("parallel_previous", before), ("parallel_next", after)) if other]
    if steps:
        lines += [" · ".join(steps), ""]
    return Page(page, title, lines, in_nav=False)  # reached from its article; the nav stays light


def parallel_pages(lang: Lang, source: Source) -> list[Page]:
    articles = reading_order(source)
    neighbours = zip(articles, [None, *articles[:-1]], [*articles[1:], None])
    return [whole_page(lang, source),
            *(article_page(lang, source, article, before, after) for article, before, after in neighbours)]


def compare_link(lang: Lang, page: str, anchor: str = "") -> list[str]:
    """The link from a single-language page to the same text side by side."""
    target = urls.parallel_page(page) if page.startswith("art_") else urls.parallel_page()
    return [f"[{literal_markdown(lang.ui('parallel_link'))}]({link(page, target, anchor)})"
            f"{{ .{contract.COMPARE_LINK} }}", ""]


def home_links(lang: Lang, source: Source) -> list[str]:
    """The home page's list of the reader tools."""
    page = urls.HOME_PAGE
    return [heading(2, literal_markdown(lang.ui("site_reader_tools")), "tools"), "",
            f"- [{literal_markdown(lang.ui('parallel_whole'))}]({link(page, urls.parallel_page())})",
            f"- [{literal_markdown(lang.ui('status_title'))}]({link(page, urls.STATUS_PAGE)})", ""]
