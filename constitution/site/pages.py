"""The pages of one language, as Markdown: home, preamble, sections, articles, About, Downloads.

`language_pages(lang, source)` is pure. Sizes and checksums of dist/ exist only once it is
built, so pages carry markers (DOWNLOAD_SIZE, DOWNLOAD_SHA256, DOWNLOAD_ALL) that the
downloads hook fills at build time. The side-by-side and status pages are parallel.py's
and status.py's; the nav and the files of docs/ are nav.py's.
"""

from __future__ import annotations

import posixpath

from constitution.core import catalogue, contract, ids, languages, urls
from constitution.core.text import capitalized
from constitution.site import cite, html, parallel, status
from constitution.site.markup import excerpt, fill, literal_markdown, ranges
from constitution.site.units import (
    Lang,
    Page,
    article_heading,
    article_title,
    banner,
    heading,
    link,
    section_title,
    status_summary,
    unit_html,
    unit_names,
    unit_title,
)
from constitution.source import labels
from constitution.source.model import Article, Source, Unit, article_units

DOWNLOAD_SIZE = "<!-- download:size {name} -->"


DOWNLOAD_SHA256 = "<!-- download:sha256 {name} -->"


DOWNLOAD_ALL = "<!-- download:all -->"  # this page must list every file of dist/


def download_link(page: str, name: str) -> str:
    """Relative link from a page to a file of dist/, served at urls.download_url()."""
    return posixpath.relpath(urls.download_url(name),
                             posixpath.dirname(urls.page_source(page, "xx")))


def holds(lang: Lang, source: Source) -> str:
    """What part of the full text this edition holds: 'Preamble and Articles 1–2 of 95'."""
    parts = [lang.ui("preamble")] if source.preamble.recitals else []
    numbers = [article.number for article in source.articles]
    if numbers:
        key = "site_holds_article" if len(numbers) == 1 else "site_holds_articles"
        total = source.document.full_text.articles
        parts.append(labels.fill(lang.ui(key), lang.code, ranges=ranges(numbers), total=total))
    return capitalized(f" {lang.ui('site_and')} ".join(parts))


def facts(lang: Lang, source: Source, page: str) -> list[str]:
    """The edition as a list: name, date, author, what it holds and, on home, the text's status."""
    document = source.document
    rows = [
        ("site_edition", literal_markdown(getattr(document.edition.name, lang.code))),
        ("site_date", f"<time datetime=\"{document.edition.date.isoformat()}\">"
                      f"{literal_markdown(labels.date(lang.source.ui, lang.code, document.edition.date))}</time>"),
        ("site_author", literal_markdown(getattr(document.edition.author, lang.code))),
        ("site_holds", literal_markdown(holds(lang, source))),
    ]
    if page == urls.HOME_PAGE:
        about = f"[{literal_markdown(lang.ui('site_about'))}]({link(page, urls.ABOUT_PAGE)})"
        summary = literal_markdown(status_summary(lang, lang.code, list(source.units())))
        rows.append(("site_status", f"{summary} ({about})"))
    return [f"- **{literal_markdown(lang.ui(key))}:** {value}" for key, value in rows]


def other_languages(lang: Lang, source: Source, page: str) -> list[str]:
    """A visible line to the same page in the other languages: the header's selector is only an icon."""
    here = posixpath.dirname(urls.page_file(page, lang.code)) or "."
    links = [{"href": posixpath.relpath(urls.page_file(page, code), here), "lang": code,
              "name": getattr(source.document.languages, code).name} for code in languages.others(lang.code)]
    return [html.render("other_languages", lang.ui("site_other_languages"), links), ""]


def anchor_alias(unit_id: str) -> list[str]:
    """The unit's Akoma Ntoso eId as a second anchor, where it is not the site's id."""
    eid = ids.akn_eid(unit_id)
    return [html.render("anchor_alias", eid), ""] if eid != unit_id else []


def home_page(lang: Lang, source: Source) -> Page:
    page = urls.HOME_PAGE
    title = unit_title(lang, source.document.title, lang.ui("site_name"))
    lines = [heading(1, literal_markdown(title), ids.TITLE_ID), "", *anchor_alias(ids.TITLE_ID)]
    lines += banner(lang, page, list(source.units()))
    lines += other_languages(lang, source, page)
    lines += facts(lang, source, page) + [""]
    lines += contents(lang, source, page)
    lines += [""] + parallel.home_links(lang, source)
    lines += pdf_links(lang, page, catalogue.pdfs())
    all_files = literal_markdown(lang.ui("site_all_downloads"))
    lines += ["", f"[{all_files}]({link(page, urls.DOWNLOADS_PAGE)})"]
    return Page(page, lang.ui("site_home"), lines)


def pdf_links(lang: Lang, page: str, pdfs: list[catalogue.Download]) -> list[str]:
    """The PDFs (catalogue.pdfs(), or an edition's) under their heading: the page's language first."""
    lines = [heading(2, literal_markdown(lang.ui("site_downloads_pdf")), "pdf"), ""]
    by_language = {item.language: item for item in pdfs}
    for item in [*(by_language[code] for code in languages.page_first(lang.code)), by_language[None]]:
        lines.append(f"- [{literal_markdown(download_label(lang, item))}]({download_link(page, item.name)})"
                     f" — PDF, {DOWNLOAD_SIZE.format(name=item.name)}")
    return lines


def contents(lang: Lang, source: Source, page: str, key=lambda target: target, sections: bool = True) -> list[str]:
    """The contents: the preamble, each section (a link to its page, with `sections`) and its
    articles, each linked from `page` to the page `key` gives (an edition's dated one: editions.py)."""
    lines = [heading(2, literal_markdown(lang.ui("site_contents")), "contents"), ""]
    if source.preamble.recitals:
        lines.append(f"- [{literal_markdown(lang.ui('preamble'))}]({link(page, key(ids.PREAMBLE_ID))})")
    for section in source.document.sections:
        title = literal_markdown(section_title(lang, section))
        lines.append(f"- [{title}]({link(page, key(section.id))})" if sections else f"- {title}")
        for article in source.section_articles(section):
            lines.append(f"    - [{literal_markdown(article_heading(lang, article))}]({link(page, key(article.id))})")
    return lines


def preamble_page(lang: Lang, source: Source) -> Page:
    page = ids.PREAMBLE_ID
    title = lang.ui("preamble")
    units = [unit for unit in source.units() if urls.page_of(unit.id) == ids.PREAMBLE_ID]  # recitals, their notes
    recitals = [unit for unit in units if unit.kind == "recital"]
    names = unit_names(lang)
    lines = [heading(1, literal_markdown(title), ids.PREAMBLE_ID), ""]
    lines += banner(lang, page, recitals)
    lines += parallel.compare_link(lang, page, contract.PARALLEL_HEADING_PREFIX + ids.PREAMBLE_ID)
    for unit in units:
        lines += [unit_html(lang, unit, names[unit.id]), ""]
    lines.append(cite.page_strings(lang.source, lang.code))
    return Page(page, title, lines)


def section_page(lang: Lang, source: Source, section) -> Page:
    page = section.id
    title = section_title(lang, section)
    unit = Unit(section.id, "section", section.title, section.number, section=section.number)
    missing = section.title.text(lang.code) is None  # then the notice below holds the id
    lines = [heading(1, literal_markdown(title), f"{section.id}__hdg" if missing else section.id), "",
             *anchor_alias(section.id)]
    lines += banner(lang, page, [unit])
    if missing:
        lines += [unit_html(lang, unit, title), ""]
    names = unit_names(lang)
    notes = [u for u in source.units() if u.kind == "note" and u.parent == section.id]
    lines += [line for note in notes for line in (unit_html(lang, note, names[note.id]), "")]
    lines += [heading(2, literal_markdown(lang.ui("site_section_articles")), contract.SECTION_ARTICLES), ""]
    starts = {chapter.articles[0]: chapter for chapter in section.chapters if chapter.articles}
    for article in source.section_articles(section):
        if article.number in starts:  # a chapter's title (a unit: its anchor, its ¶) and notes
            lines += ["", *chapter_lines(lang, source, starts[article.number], names)]
        first = next(u for u in article_units(article) if u.kind not in ("heading", "note"))
        text = first.texts.text(lang.code)
        preview = f" — {literal_markdown(excerpt(text))}" if text else ""
        lines.append(f"- [{literal_markdown(article_heading(lang, article))}]({link(page, article.id)}){preview}")
    return Page(page, title, lines)


def chapter_lines(lang: Lang, source: Source, chapter, names: dict[str, str]) -> list[str]:
    """A chapter on its section's page: its title as a unit, then its notes."""
    units = [u for u in source.units() if u.id == chapter.id or (u.kind == "note" and u.parent == chapter.id)]
    return [line for unit in units for line in (unit_html(lang, unit, names[unit.id]), "")]


def article_page(lang: Lang, article: Article) -> Page:
    page = article.id
    title = article_title(lang, article)
    units = list(article_units(article))
    # An article without clauses is itself a text unit with the article's id; an article's
    # title is a unit too (art_5__hdg, below the heading, with its ¶ and citation).
    anchor = article.id if article.has_clauses else f"{article.id}__label" if article.title else f"{article.id}__hdg"
    lines = [heading(1, literal_markdown(title), anchor), ""]
    lines += banner(lang, page, units)
    lines += parallel.compare_link(lang, page)
    names = labels.unit_labels(lang.source.ui, lang.code, article)
    for unit in units:
        lines += [unit_html(lang, unit, names[unit.id]), ""]
    lines.append(cite.page_strings(lang.source, lang.code))
    return Page(page, title, lines)


def about_page(lang: Lang, source: Source) -> Page:
    page = urls.ABOUT_PAGE
    document = source.document
    title = lang.ui("site_about")
    lines = [heading(1, literal_markdown(title), urls.ABOUT_PAGE), ""]
    lines += banner(lang, page, list(source.units()))
    lines += [heading(2, literal_markdown(lang.ui("site_edition")), "edition"), ""]
    lines += facts(lang, source, page)
    full = document.full_text
    lines += [f"- {fill(lang.ui('site_full_text'), sections=full.sections, articles=full.articles)}", ""]
    lines += [heading(2, literal_markdown(lang.ui("site_sources")), "sources"), ""]
    lines += status.status_link(lang, page)
    units = list(source.units())
    for code in languages.LANGUAGES:
        text_source = getattr(document.sources, code)
        lines += [heading(3, literal_markdown(capitalized(lang.language_name(code))), f"source-{code}"), ""]
        lines.append(literal_markdown(getattr(text_source.description, lang.code)))
        lines.append("")
        lines.append(f"- **{literal_markdown(lang.ui('site_source_status'))}:** "
                     f"{literal_markdown(status_summary(lang, code, units))}")
        if text_source.published:
            lines.append(f"- **{literal_markdown(lang.ui('site_source_published'))}:** "
                         f"{literal_markdown(labels.date(lang.source.ui, lang.code, text_source.published))}")
        if text_source.url:
            lines.append(f"- **{literal_markdown(lang.ui('site_source_link'))}:** {external_link(text_source.url)}")
        lines.append("")
    lines += [heading(2, literal_markdown(lang.ui("site_timeline")), "timeline"), ""]
    for event in document.timeline:
        lines.append(f"- <time datetime=\"{event.date.isoformat()}\">**"
                     f"{literal_markdown(labels.date(lang.source.ui, lang.code, event.date))}**</time> — "
                     f"{literal_markdown(getattr(event.text, lang.code))}")
    return Page(page, title, lines)


def external_link(url: str) -> str:
    """A link to an outside address; one that core/urls.py would not link to shows as plain text."""
    if not urls.linkable(url):
        return literal_markdown(url)
    return html.render("external_link", url)


def download_label(lang: Lang, item: catalogue.Download) -> str:
    """What a file of dist/ holds, in this language (its catalogue entry's ui.yaml string)."""
    text = lang.ui(item.label)
    return labels.fill(text, lang.code, language=lang.language_name(item.language)) if item.language else text


def downloads_page(lang: Lang, source: Source, editions: tuple[str, ...] = (), more: list[str] = (),
                   holds: str = catalogue.OFFLINE_CURRENT) -> Page:
    """The Downloads page: the files of dist/ by group; of a source of several editions (`editions`,
    their ids), the current edition's at today's names, then `more` (site/editions.py: every
    edition's own, in its folder), its offline bundle holding the editions `holds` names."""
    page = urls.DOWNLOADS_PAGE
    title = lang.ui("site_downloads")
    lines = [heading(1, literal_markdown(title), urls.DOWNLOADS_PAGE), ""]
    lines += banner(lang, page, list(source.units()))
    lines += [literal_markdown(lang.ui("site_downloads_intro")), ""]
    # the bundle's copy of this page leaves the bundle's own row out (build/offline.py)
    files = [item for item in catalogue.downloads(source.document.edition.id, editions=editions, holds=holds)
             if item.edition is None]
    for group in catalogue.GROUPS:
        items = [item for item in files if item.group == group]
        if not items:
            continue
        lines += [heading(2, literal_markdown(lang.ui(f"site_downloads_{group}")), group), ""]
        lines += download_table(lang, page, items)
    lines += more
    lines.append(DOWNLOAD_ALL)
    return Page(page, title, lines)


def download_table(lang: Lang, page: str, items: list[catalogue.Download]) -> list[str]:
    """A table of files of dist/: each one's link, what it holds, its size and SHA-256."""
    columns = [lang.ui(key) for key in ("site_file", "site_file_description", "site_file_size")]
    lines = ["| " + " | ".join(literal_markdown(column) for column in columns) + " | SHA&#45;256 |",
             "| --- | --- | --- | --- |"]
    for item in items:
        name = item.name
        lines.append(f"| [{literal_markdown(name)}]({download_link(page, name)}) "
                     f"| {literal_markdown(download_label(lang, item))} "
                     f"| {DOWNLOAD_SIZE.format(name=name)} | {DOWNLOAD_SHA256.format(name=name)} |")
    return [*lines, ""]


def language_pages(lang: Lang, source: Source) -> list[Page]:
    """Every page of one language, in reading order (home first)."""
    pages = [home_page(lang, source)]
    if source.preamble.recitals:
        pages.append(preamble_page(lang, source))
    for section in source.document.sections:
        pages.append(section_page(lang, source, section))
        pages.extend(article_page(lang, article) for article in source.section_articles(section))
    pages += [*parallel.parallel_pages(lang, source), status.status_page(lang, source)]
    return pages + [about_page(lang, source), downloads_page(lang, source)]

