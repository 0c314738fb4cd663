"""What every page of the site is made of: one language's view of the source, links, headings,
the HTML of a text unit, and the unofficial-translation banner.

Pages (pages.py, parallel.py, status.py) are lists of Markdown lines built from these; legal
text goes in as raw HTML (html.py's templates), never as Markdown.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property

from constitution.core import contract, ids, languages, urls
from constitution.site import cite, html
from constitution.site.markup import fill, literal_markdown
from constitution.source import labels
from constitution.source.model import STATUSES, Article, Source, Unit


@dataclass(frozen=True)
class Lang:
    """One language's view of the source: its UI strings and names."""

    source: Source
    code: str

    def ui(self, key: str) -> str:
        return self.source.ui.get(key, self.code)

    def language_name(self, lang: str) -> str:
        """Another language's name in this one, e.g. 'орыс тілі' for ru on a kk page."""
        return getattr(getattr(self.source.document.languages, lang).names, self.code)

    def endonym(self, lang: str) -> str:
        return getattr(self.source.document.languages, lang).name

    @cached_property
    def names(self) -> dict[str, str]:
        """unit_names of this language, made once for all the pages that name units (every
        section page did so for the whole source); shared, so read, never changed."""
        return _unit_names(self)


def link(page: str, target: str, anchor: str = "") -> str:
    """Relative Markdown link between two pages of one language (MkDocs checks and rewrites it)."""
    path = urls.relative(urls.page_source(target, "xx"),
                             posixpath.dirname(urls.page_source(page, "xx")))
    return f"{path}#{anchor}" if anchor else path


def download_link(page: str, name: str) -> str:
    """Relative link from a page to a file of dist/, served at urls.download_url()."""
    return posixpath.relpath(urls.download_url(name),
                             posixpath.dirname(urls.page_source(page, "xx")))


def heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {text} {{#{anchor}}}"


def unit_html(lang: Lang, unit: Unit, label: str) -> str:
    """One text unit as a raw HTML block on one line, its id as anchor, with a ¶ permalink; a
    missing text is a notice, with the other languages' texts where they have one. A note is an
    <aside> under its badge («Примечание»), left out of search and citations (never legal text)."""
    text = unit.texts.text(lang.code)
    others = [{"lang": code, "name": lang.endonym(code), "text": unit.texts.text(code)}
              for code in languages.others(lang.code) if unit.texts.text(code) is not None]
    notice = lang.ui("site_missing_notice") + (" " + lang.ui("site_missing_offer") if others else "")
    return html.render("unit", {
        "id": unit.id, "kind": unit.kind, "number": unit_number(lang, unit),
        "badge": labels.note_badge(lang.source.ui, lang.code, text) if unit.is_note else None,
        "status": unit.texts.status(lang.code), "label": label, "text": text, "notice": notice,
        "permalink": labels.fill(lang.ui("site_permalink"), lang.code, unit=label), "others": others,
        # its part of a citation; the page holds the rest (cite.page_strings)
        "cite": cite.unit_part(lang.source, lang.code, unit) if unit.kind in cite.CITED_KINDS else None,
    })


def unit_number(lang: Lang, unit: Unit) -> str:
    """What stands before a unit's text: '4.', '1)', 'б)', and a chapter's label ('Глава 1.')."""
    if unit.kind == "chapter":
        return labels.chapter_label(lang.source.ui, lang.code, unit.number) + "."
    return labels.number(unit.kind, unit.number, lang.source.ui, lang.code)


def unit_title(lang: Lang, texts, fallback: str) -> str:
    """The text of a title-like unit in this language, or `fallback` when it is missing."""
    text = texts.text(lang.code)
    return text if text is not None else fallback


def section_title(lang: Lang, section) -> str:
    return labels.section_title(lang.source.ui, lang.code, section)


def article_title(lang: Lang, article: Article) -> str:
    return labels.article_label(lang.source.ui, lang.code, article.number)


def article_heading(lang: Lang, article: Article) -> str:
    """'Статья 5. Цель …' where the article has a title, else its label."""
    return labels.article_heading(lang.source.ui, lang.code, article)


def unit_names(lang: Lang) -> dict[str, str]:
    """How a reader names every unit outside the articles (recitals, section and chapter titles,
    their notes) and inside them (labels.unit_labels): the ¶'s name and the status table's."""
    return lang.names


def _unit_names(lang: Lang) -> dict[str, str]:
    ui, code, source = lang.source.ui, lang.code, lang.source
    names = {ids.TITLE_ID: lang.ui("status_document_title")}
    short = {}  # what a note's name starts with: 'Раздел I', 'Глава 2', 'Преамбула, абзац 2'
    for unit in source.units():
        if unit.kind == "recital":
            names[unit.id] = short[unit.id] = labels.recital_label(ui, code, unit.number)
        elif unit.kind == "section":
            names[unit.id] = labels.section_title(ui, code, source.section(unit.number))
            short[unit.id] = labels.section_label(ui, code, unit.number)
        elif unit.kind == "chapter":
            chapter = next(c for c in source.section(unit.section).chapters if c.id == unit.id)
            names[unit.id] = labels.chapter_title(ui, code, chapter)
            short[unit.id] = labels.chapter_label(ui, code, chapter.number)
        elif unit.kind == "note" and unit.article is None:
            names[unit.id] = labels.note_label(ui, code, short[unit.parent], unit.number)
    for article in source.articles:
        names.update(labels.unit_labels(ui, code, article))
    return names


def status_counts(units: list[Unit], lang: str) -> dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for unit in units:
        counts[unit.texts.status(lang)] += 1
    return counts


def status_summary(lang: Lang, of_lang: str, units: list[Unit]) -> str:
    """'ресми емес аударма' when every unit shares one status, else each status with its count."""
    counts = {status: n for status, n in status_counts(units, of_lang).items() if n}
    names = {status: lang.ui(f"status_{status}") for status in counts}
    if len(counts) == 1:
        return next(iter(names.values()))
    return ", ".join(f"{names[status]} ({n})" for status, n in counts.items())


def banner(lang: Lang, page: str, units: list[Unit]) -> list[str]:
    """The unofficial-translation notice, when any unit shown on the page is unofficial."""
    if not any(unit.texts.status(lang.code) == "unofficial" for unit in units):
        return []
    about = f"[{literal_markdown(lang.ui('site_about'))}]({link(page, urls.ABOUT_PAGE)})"
    title = literal_markdown(lang.ui("site_unofficial_title"))
    return [f'!!! warning {contract.BANNER} "{title}"', "",
            "    " + fill(lang.ui("site_unofficial_text"), markdown={"about": about}), ""]


@dataclass(frozen=True)
class Page:
    key: str  # language-neutral page key, see urls.page_url()
    title: str  # for the nav, in the page's language
    lines: list[str]
    in_nav: bool = True  # False: reached by links only (mkdocs.yml `not_in_nav` says so too)

