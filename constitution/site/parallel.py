"""The languages side by side: the whole text and each article, in each site language.

Side by side (urls.parallel_page): one page for the whole text and one per article, in
each site language (the interface in that language). Each row is one text unit
(`id="row-art_2__para_4"`, contract.parallel_row_id), with one cell per language
(`lang="kk"`) that links to the unit on that language's page; a missing text is a notice,
never a blank. Cells come in the page's language first; reader.js lets the reader choose two
or three languages and their order and remembers the choice. The rows are left out of the
search index (`data-search-exclude`): each unit is found on its own page already.
"""

from __future__ import annotations

import posixpath

from constitution.core import contract, ids, languages, urls
from constitution.site.markup import attribute, literal_html, literal_markdown
from constitution.site.units import Lang, Page, article_title, heading, link, section_title, status_summary
from constitution.source import labels
from constitution.source.model import Article, Source, Unit, article_units


def site_href(page: str, lang: str, target: str) -> str:
    """A raw HTML link from a page to a built file of the site (urls.page_file), relative."""
    here = posixpath.dirname(urls.page_file(page, lang)) or "."
    return posixpath.relpath(target, here)


def column_order(lang: Lang) -> list[str]:
    """The languages as columns before the reader chooses: the page's own first."""
    return languages.page_first(lang.code)


def reading_order(source: Source) -> list[Article]:
    return [article for section in source.document.sections for article in source.section_articles(section)]


def cell(lang: Lang, page: str, unit: Unit, code: str) -> str:
    """One language's text of a unit, with a link to it on that language's page."""
    text = unit.texts.text(code)
    target = site_href(page, lang.code, urls.page_file(urls.page_of(unit.id), code))
    go = (f'<a class="pl-go" href="{target}#{attribute(unit.id)}" hreflang="{code}">'
          f'<span aria-hidden="true">¶</span><span class="pl-lang">{literal_html(lang.endonym(code))}</span></a>')
    number = labels.number(unit.kind, unit.number)
    body = f'<span class="unit__num">{number}</span> ' if number else ""
    if text is None:
        body += f'<span class="pl-missing" lang="{lang.code}">{literal_html(lang.ui("parallel_missing"))}</span>'
    else:
        body += literal_html(text)
    # a no-break space: the ¶ never starts a line of its own
    return f'<div class="pl-cell" lang="{code}" data-status="{unit.texts.status(code)}">{body}&#160;{go}</div>'


def row(lang: Lang, page: str, unit: Unit) -> str:
    cells = "".join(cell(lang, page, unit, code) for code in column_order(lang))
    return f'<div class="pl-row pl-row--{unit.kind}" id="{contract.parallel_row_id(unit.id)}">{cells}</div>'


def head_row(lang: Lang, units: list[Unit]) -> str:
    """Each column's language and the status of its text on this page, in the page's language."""
    cells = "".join(
        f'<div class="pl-cell" lang="{code}"><span class="pl-name">{literal_html(lang.endonym(code))}</span> '
        f'<span class="pl-status" lang="{lang.code}">{literal_html(status_summary(lang, code, units))}</span></div>'
        for code in column_order(lang))
    return f'<div class="pl-row pl-head">{cells}</div>'


def rows(lang: Lang, page: str, units: list[Unit], head: list[Unit] | None = None, kind: str = "") -> str:
    """A block of rows as one raw HTML block, with the column heads when `head` gives their units."""
    parts = [head_row(lang, head)] if head is not None else []
    parts += [row(lang, page, unit) for unit in units]
    classes = f"pl pl--{kind}" if kind else "pl"
    return f'<div class="{classes}" {contract.SEARCH_EXCLUDE}>{"".join(parts)}</div>'


def controls(lang: Lang) -> str:
    """The reader's choice of columns (shown by reader.js; without it, every language shows)."""
    def options(optional: bool) -> str:
        none = f'<option value="">{literal_html(lang.ui("parallel_column_none"))}</option>' if optional else ""
        return none + "".join(f'<option value="{code}" lang="{code}">{literal_html(lang.endonym(code))}</option>'
                              for code in languages.LANGUAGES)

    selects = "".join(
        f'<label class="pl-choice"><span>{literal_html(lang.ui("parallel_column").format(n=index + 1))}</span> '
        f'<select name="column-{index + 1}">{options(index >= 2)}</select></label>'
        for index in range(len(languages.LANGUAGES)))
    return (f'<form class="pl-controls" hidden data-pages="{urls.PARALLEL_PAGE}">'
            f'<fieldset><legend>{literal_html(lang.ui("parallel_columns"))}</legend>{selects}</fieldset></form>')


def whole_page(lang: Lang, source: Source) -> Page:
    page = urls.parallel_page()
    title = lang.ui("parallel_title")
    units = list(source.units())
    by_id = {unit.id: unit for unit in units}
    lines = [heading(1, literal_markdown(title), page), "",
             literal_markdown(lang.ui("parallel_intro")), "", controls(lang), "",
             rows(lang, page, [by_id[ids.TITLE_ID]], head=units), ""]
    prefix = contract.PARALLEL_HEADING_PREFIX
    recitals = [unit for unit in units if unit.kind == "recital"]
    if recitals:
        lines += [heading(2, literal_markdown(lang.ui("preamble")), prefix + ids.PREAMBLE_ID), "",
                  rows(lang, page, recitals), ""]
    for section in source.document.sections:
        lines += [heading(2, literal_markdown(section_title(lang, section)), prefix + section.id), "",
                  rows(lang, page, [by_id[section.id]]), ""]
        for article in source.section_articles(section):
            alone = f"[{literal_markdown(lang.ui('parallel_article_alone'))}]({link(page, urls.parallel_page(article.id))})"
            lines += [heading(3, literal_markdown(article_title(lang, article)), prefix + article.id), "",
                      alone, "", rows(lang, page, list(article_units(article))), ""]
    return Page(page, title, lines)


def article_page(lang: Lang, source: Source, article: Article, before: Article | None,
                 after: Article | None) -> Page:
    page = urls.parallel_page(article.id)
    title = lang.ui("parallel_article_title").format(article=article_title(lang, article))
    units = list(article_units(article))
    back = f"[{literal_markdown(lang.ui('parallel_back').format(n=article.number))}]({link(page, article.id)})"
    whole = f"[{literal_markdown(lang.ui('parallel_whole'))}]({link(page, urls.parallel_page())})"
    lines = [heading(1, literal_markdown(title), contract.PARALLEL_HEADING_PREFIX + article.id), "",
             f"{back} · {whole}", "", literal_markdown(lang.ui("parallel_intro")), "", controls(lang), "",
             rows(lang, page, units, head=units, kind="article"), ""]
    steps = [f"[{literal_markdown(lang.ui(key).format(article=article_title(lang, other)))}]"
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
            "{ .compare-link }", ""]


def home_links(lang: Lang, source: Source) -> list[str]:
    """The home page's list of the reader tools."""
    page = urls.HOME_PAGE
    return [heading(2, literal_markdown(lang.ui("site_reader_tools")), "tools"), "",
            f"- [{literal_markdown(lang.ui('parallel_whole'))}]({link(page, urls.parallel_page())})",
            f"- [{literal_markdown(lang.ui('status_title'))}]({link(page, urls.STATUS_PAGE)})", ""]
