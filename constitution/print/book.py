"""The plain data the PDF templates lay out: metadata, cover, preamble, sections, articles.

Nothing here is markup. Every label and text is a str, which the Typst templates only place
(pdf.py hands them the data as JSON, so no character can act as markup), and comes per
language, {lang: value}, for the languages of the edition: one for single.py, three for
parallel.py. Each unit, article, section and the preamble keeps its Akoma Ntoso id, which
becomes the PDF named destination of its place.
"""

from __future__ import annotations

from dataclasses import dataclass

from constitution.core import ids
from constitution.core.text import capitalized
from constitution.source import labels, model
from constitution.source.model import Source


@dataclass(frozen=True)
class Text:
    """One language's text of a unit as printed: the literal text, else the missing-text label.

    `mark` names the unit's status where it differs from the edition's, else it is None."""

    text: str | None
    missing: str | None = None
    mark: str | None = None


@dataclass(frozen=True)
class Unit:
    """A recital, clause or point: depth 1 a clause (or a point of the article), 2 a clause's point."""

    id: str
    text: dict[str, Text]
    number: str = ""
    depth: int = 0


@dataclass(frozen=True)
class Article:
    id: str
    label: dict[str, str]
    text: dict[str, Text] | None  # the article's own text, when it has no clauses
    units: list[Unit]


@dataclass(frozen=True)
class Section:
    id: str
    label: dict[str, str]  # 'Раздел I'
    running: dict[str, str]  # 'Раздел I. Основы …': running header and contents
    title: dict[str, Text]
    articles: list[Article]


@dataclass(frozen=True)
class Preamble:
    id: str
    label: dict[str, str]
    recitals: list[Unit]


COVER_PARTS = ("kicker", "title", "edition", "date", "author", "parallel", "status", "partial", "hint")


@dataclass(frozen=True)
class Cover:
    """One language's cover. Every language has the same parts, so a parallel cover aligns them."""

    site_name: str
    title: Text
    edition: str
    date: str
    author: str
    parallel: str | None  # the line naming the parallel edition, only on its cover
    status: str
    status_label: str
    description: str
    url: str | None  # 'Source: https://…', the line naming the text's source
    address: str | None  # the source's URL alone, which that line links to
    partial: str | None  # 'This edition contains 3 of the draft's 5 articles.'
    hint: list[str]  # the link hint, split where the example goes
    example: str

    @property
    def parts(self) -> list[str]:
        """The names of the parts present, top to bottom (templates/edition.typ writes each)."""
        absent = {"parallel": self.parallel is None, "partial": self.partial is None}
        return [part for part in COVER_PARTS if not absent.get(part, False)]


def metadata(title: str, author: str, description: str, day) -> dict:
    """The document information of an edition; its date is the edition's (never the build's)."""
    return {"title": title, "author": author, "description": description, "date": [day.year, day.month, day.day]}


def language_status(source: Source, lang: str) -> str:
    """`official` only when every present unit of the language is official."""
    statuses = {unit.texts.status(lang) for unit in source.units()} - {"missing"}
    if not statuses:
        return "missing"
    return "official" if statuses == {"official"} else "unofficial"


def printed(source: Source, texts, lang: str, edition_status: str) -> Text:
    """One language's text of a unit; a unit whose status differs from the edition says so."""
    text = texts.text(lang)
    if text is None:
        return Text(None, missing=source.ui.get("pdf_text_missing", lang))
    status = texts.status(lang)
    return Text(text, mark=source.ui.get("status_" + status, lang) if status != edition_status else None)


def link_example(source: Source, file_name: str) -> str:
    """A real destination to show on the cover: the first clause, else the first article."""
    targets = [unit.id for unit in source.units() if unit.kind == "clause"]
    targets += [article.id for article in source.articles] + [ids.PREAMBLE_ID]
    return f"{file_name}#{targets[0]}"


def cover(source: Source, lang: str, status: str, file_name: str, parallel: bool = False) -> Cover:
    ui, doc = source.ui, source.document
    edition, text_source = doc.edition, getattr(doc.sources, lang)
    partial = None
    if len(source.articles) < doc.full_text.articles:
        partial = labels.fill(ui.get("pdf_partial", lang), lang, n=len(source.articles), total=doc.full_text.articles)
    return Cover(
        site_name=ui.get("site_name", lang),
        title=printed(source, doc.title, lang, status),
        edition=getattr(edition.name, lang),
        # the site's words for the same facts (site/pages.py `facts`), the date as the language writes it
        date=f"{ui.get('site_date', lang)}: {labels.date(ui, lang, edition.date)}",
        author=f"{ui.get('site_author', lang)}: {getattr(edition.author, lang)}",
        parallel=ui.get("pdf_parallel", lang) if parallel else None,
        status=status,
        status_label=capitalized(ui.get("status_" + status, lang)),
        description=getattr(text_source.description, lang),
        url=labels.fill(ui.get("pdf_source", lang), lang, url=text_source.url) if text_source.url else None,
        address=text_source.url or None,
        partial=partial,
        hint=labels.fill(ui.get("pdf_link_hint", lang), lang, example="\0").split("\0"),
        example=link_example(source, file_name),
    )


def body_units(article: model.Article):
    """(unit, depth) for the numbered units of an article: clauses 1, their points 2."""
    for unit in model.article_units(article):
        if unit.kind == "article":
            continue  # the article's own text is printed under its heading
        yield unit, 2 if unit.kind == "point" and unit.parent != article.id else 1


class Book:
    """The preamble and sections of the source in the languages of `statuses` ({lang: edition status})."""

    def __init__(self, source: Source, statuses: dict[str, str]):
        self.source, self.statuses = source, statuses
        ui = source.ui
        self.preamble = Preamble(source.preamble.id, self.each(lambda lang: ui.get("preamble", lang)),
                                 [Unit(r.id, self.texts(r)) for r in source.preamble.recitals])
        self.sections = [self.section(sec) for sec in source.document.sections]

    def each(self, value) -> dict:
        """{lang: value(lang)} in the edition's languages."""
        return {lang: value(lang) for lang in self.statuses}

    def texts(self, texts) -> dict[str, Text]:
        return self.each(lambda lang: printed(self.source, texts, lang, self.statuses[lang]))

    def section(self, sec: model.Section) -> Section:
        ui = self.source.ui
        return Section(sec.id, self.each(lambda lang: labels.section_label(ui, lang, sec.number)),
                       self.each(lambda lang: labels.section_title(ui, lang, sec)), self.texts(sec.title),
                       [self.article(art) for art in self.source.section_articles(sec)])

    def article(self, art: model.Article) -> Article:
        units = [Unit(unit.id, self.texts(unit.texts), labels.number(unit.kind, unit.number), depth)
                 for unit, depth in body_units(art)]
        return Article(art.id, self.each(lambda lang: labels.article_label(self.source.ui, lang, art.number)),
                       None if art.has_clauses else self.texts(art), units)
