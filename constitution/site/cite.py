"""Citations of text units, as a reader of each language writes them.

A citation is the document's pattern (ui.yaml `cite_document`, the edition's date filled in)
with `{unit}` replaced by the unit's part, inflected where the language needs it:
  en  Article 2, paragraph 4, Draft Constitution of the Republic of Kazakhstan (30 January 2026)
  ru  пункт 4 статьи 2 проекта Конституции Республики Казахстан (30 января 2026 г.)
  kk  Қазақстан Республикасы Конституциясы жобасының 2-бабының 4-тармағы (2026 жылғы 30 қаңтар)
The generator writes the unit's part on each unit (`data-cite`) and the pattern once per page,
so a long citation is not repeated on every clause; reader.js joins the two.

A source of several editions cites the edition by its name too (ui.yaml `cite_edition_document`),
and its pages name their permanent dated address (`data-edition-link`, relative to the page:
'../2026-03-15/art_2/' on today's `art_2/`), which the link button copies; the current
edition's pages also name today's undated address (`data-current-link`), which a button of
its own copies. A one-edition source's pages hold neither.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from constitution.site import html
from constitution.source import labels
from constitution.source.model import Source, Unit

UNIT = "{unit}"
# The units that have copy buttons: legal text. A title or a wrap-up is cited as the unit it
# belongs to (its article, its clause); titles of sections and chapters and notes are not cited.
CITED_KINDS = ("recital", "heading", "article", "clause", "point", "subparagraph", "wrapup")
# the ui.yaml string of a citation, by what the unit's trail holds: (clause?, point?, part?)
CITE_KEYS = {
    (False, False, False): "cite_article", (True, False, False): "cite_clause",
    (False, True, False): "cite_article_point", (True, True, False): "cite_clause_point",
    (False, False, True): "cite_article_part", (True, False, True): "cite_clause_part",
    (False, True, True): "cite_article_point_part", (True, True, True): "cite_clause_point_part",
}


@dataclass(frozen=True)
class Edition:
    """What a page of a source of several editions cites: its edition, its page keys."""

    name: str  # the edition's name in the page's language (editions.yaml)
    page: str  # the page's key: 'art_2', '2026-03-15/art_2'
    dated: str  # the key of its permanent dated address: '2026-03-15/art_2'
    undated: str | None  # today's key of the same page ('art_2') on the current edition's pages, else None


def relative(page: str, target: str) -> str:
    """The address of one page from another of the same language: '../2026-03-15/art_2/', '' to itself."""
    path = posixpath.relpath(target, page)
    return "" if path == "." else f"{path}/"


def document_pattern(source: Source, lang: str, edition: Edition | None = None) -> str:
    """The citation with '{unit}' still in it, e.g. '{unit}, Draft Constitution … (30 January 2026)';
    of a source of several editions, naming the edition."""
    date = labels.date(source.ui, lang, source.document.edition.date)
    if edition is not None:
        return labels.fill(source.ui.get("cite_edition_document", lang), lang, date=date, edition=edition.name,
                           unit=UNIT)
    return labels.fill(source.ui.get("cite_document", lang), lang, date=date, unit=UNIT)  # {unit} stays


def unit_part(source: Source, lang: str, unit: Unit) -> str:
    """The unit's own part of its citation: 'пункт 4 статьи 2', '2-бабының 4-тармағы'."""
    def part(key: str, **numbers) -> str:
        return labels.fill(source.ui.get(key, lang), lang, **numbers)

    if unit.kind == "recital":
        return part("cite_recital", recital=unit.number)
    if unit.kind not in CITED_KINDS:
        raise ValueError(f"{unit.id}: a {unit.kind} is not cited (only {', '.join(CITED_KINDS)})")
    where = {kind: number for kind, number in unit.trail}  # clause, point, part: each at most once
    numbers = {"article": labels.shown(source.ui, lang, unit.article)}
    for kind, name in (("clause", "clause"), ("point", "point"), ("subparagraph", "part")):
        if kind in where:
            numbers[name] = labels.shown(source.ui, lang, where[kind])
    key = CITE_KEYS[("clause" in numbers, "point" in numbers, "part" in numbers)]
    return part(key, **numbers)


def citation(source: Source, lang: str, unit: Unit) -> str:
    """The whole citation of a unit, as the copy button gives it."""
    return document_pattern(source, lang).replace(UNIT, unit_part(source, lang, unit))


# What reader.js reads from a page's cite-strings element: data-KEY from ui.yaml's string.
PAGE_STRINGS = {"copy-link": "cite_copy_link", "copy-citation": "cite_copy_citation",
                "copied-link": "cite_copied_link", "copied-citation": "cite_copied_citation",
                "failed": "cite_failed"}


# ... and on a page of a source of several editions, the button of today's undated address
CURRENT_STRINGS = {"copy-current-link": "cite_copy_current_link", "copied-current-link": "cite_copied_current_link"}


def page_strings(source: Source, lang: str, edition: Edition | None = None) -> str:
    """One hidden element per page: the citation pattern and the copy buttons' words (with {unit});
    with `edition`, the page's dated address and, on the current edition's, its undated one."""
    values = {"citation": document_pattern(source, lang, edition),
              **{key: source.ui.get(name, lang) for key, name in PAGE_STRINGS.items()}}
    if edition is not None:
        values["edition-link"] = relative(edition.page, edition.dated)
        if edition.undated is not None:
            values["current-link"] = relative(edition.page, edition.undated)
            values.update({key: source.ui.get(name, lang) for key, name in CURRENT_STRINGS.items()})
    return html.render("cite_strings", list(values.items()))
