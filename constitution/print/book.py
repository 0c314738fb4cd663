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
    """A recital, clause, point, part, wrap-up or note: depth 1 a clause (or a point of the
    article), 2 a clause's point; a part, a wrap-up or a note stands at its unit's depth. A note
    (kind "note") is set apart from the legal text, under its `badge` («Примечание»)."""

    id: str
    text: dict[str, Text]
    number: dict[str, str] | None = None  # {lang: '1)'}: a lettered point's letter is the language's
    depth: int = 0
    kind: str = ""
    badge: dict[str, str] | None = None


@dataclass(frozen=True)
class Chapter:
    id: str
    label: dict[str, Text]  # 'Глава 1. …'
    notes: list[Unit]


@dataclass(frozen=True)
class Article:
    id: str
    label: dict[str, str]
    text: dict[str, Text] | None  # the article's own text, when it has no clauses
    units: list[Unit]
    title: Unit | None = None  # its title, under its label (id art_5__hdg)
    notes: list[Unit] = ()  # its notes, after its title
    chapter: Chapter | None = None  # the chapter that begins with this article


@dataclass(frozen=True)
class Section:
    id: str
    label: dict[str, str]  # 'Раздел I'
    running: dict[str, str]  # 'Раздел I. Основы …': running header and contents
    title: dict[str, Text]
    articles: list[Article]
    notes: list[Unit] = ()


@dataclass(frozen=True)
class Preamble:
    id: str
    label: dict[str, str]
    recitals: list[Unit]  # each recital followed by its notes


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


def language_statuses(source: Source, langs) -> dict[str, str]:
    """{lang: the language's status} for each of `langs`: `official` only when every present
    unit of the language is official (the units read once for all of them)."""
    found = {lang: set() for lang in langs}
    for unit in source.units():
        for lang, statuses in found.items():
            statuses.add(unit.texts.status(lang))
    return {lang: "missing" if not statuses - {"missing"} else
            "official" if statuses - {"missing"} == {"official"} else "unofficial"
            for lang, statuses in found.items()}


def printed(source: Source, texts, lang: str, edition_status: str) -> Text:
    """One language's text of a unit; a unit whose status differs from the edition says so."""
    text = texts.text(lang)
    if text is None:
        return Text(None, missing=source.ui.get("pdf_text_missing", lang))
    status = texts.status(lang)
    return Text(text, mark=source.ui.get("status_" + status, lang) if status != edition_status else None)


def link_example(source: Source, file_name: str) -> str:
    """A real destination to show on the cover: the first clause, else the first article."""
    clauses = (unit.id for unit in source.units() if unit.kind == "clause")  # read up to the first
    target = next(clauses, source.articles[0].id if source.articles else ids.PREAMBLE_ID)
    return f"{file_name}#{target}"


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
    """(unit, depth) for the units of an article under its text: clauses 1, their points 2 (a
    part, a wrap-up or a note at its unit's depth); its title and own notes are printed apart."""
    for unit in model.article_units(article):
        if unit.kind in ("article", "heading") or (unit.kind == "note" and unit.parent == article.id):
            continue  # the article's own text is printed under its heading
        kinds = [kind for kind, _ in unit.trail]
        yield unit, 2 if "clause" in kinds and "point" in kinds else 1


class Book:
    """The preamble and sections of the source in the languages of `statuses` ({lang: edition status})."""

    def __init__(self, source: Source, statuses: dict[str, str]):
        self.source, self.statuses = source, statuses
        ui = source.ui
        self.notes: dict[str, list[model.Unit]] = {}
        for unit in source.units():
            if unit.kind == "note":
                self.notes.setdefault(unit.parent, []).append(unit)
        self.preamble = Preamble(source.preamble.id, self.each(lambda lang: ui.get("preamble", lang)),
                                 [unit for r in source.preamble.recitals
                                  for unit in (Unit(r.id, self.texts(r)), *self.notes_of(r.id))])
        self.sections = [self.section(sec) for sec in source.document.sections]

    def note(self, unit: model.Unit, depth: int = 0) -> Unit:
        return Unit(unit.id, self.texts(unit.texts), None, depth, "note",
                    self.each(lambda lang: labels.note_badge(self.source.ui, lang, unit.texts.text(lang))))

    def number(self, unit: model.Unit) -> dict[str, str] | None:
        """{lang: '1)'}; None for a part or wrap-up of the article's own text, which has no margin."""
        if unit.kind in ("subparagraph", "wrapup") and len(unit.trail) == 1:
            return None
        return self.each(lambda lang: labels.number(unit.kind, unit.number, self.source.ui, lang))

    def notes_of(self, owner_id: str, depth: int = 0) -> list[Unit]:
        return [self.note(unit, depth) for unit in self.notes.get(owner_id, [])]

    def each(self, value) -> dict:
        """{lang: value(lang)} in the edition's languages."""
        return {lang: value(lang) for lang in self.statuses}

    def texts(self, texts) -> dict[str, Text]:
        return self.each(lambda lang: printed(self.source, texts, lang, self.statuses[lang]))

    def section(self, sec: model.Section) -> Section:
        ui = self.source.ui
        starts = {chapter.articles[0]: chapter for chapter in sec.chapters if chapter.articles}
        chapters = {number: Chapter(chapter.id, self.each(lambda lang: Text(labels.chapter_title(ui, lang, chapter))),
                                    self.notes_of(chapter.id)) for number, chapter in starts.items()}
        return Section(sec.id, self.each(lambda lang: labels.section_label(ui, lang, sec.number)),
                       self.each(lambda lang: labels.section_title(ui, lang, sec)), self.texts(sec.title),
                       [self.article(art, chapters.get(art.number)) for art in self.source.section_articles(sec)],
                       self.notes_of(sec.id))

    def article(self, art: model.Article, chapter: Chapter | None = None) -> Article:
        ui = self.source.ui
        units = [self.note(unit, depth) if unit.kind == "note" else
                 Unit(unit.id, self.texts(unit.texts), self.number(unit), depth, unit.kind)
                 for unit, depth in body_units(art)]
        title = None if art.title is None else Unit(ids.heading_id(art.id), self.texts(art.title), kind="heading")
        return Article(art.id, self.each(lambda lang: labels.article_label(ui, lang, art.number)),
                       None if art.has_clauses else self.texts(art), units, title, self.notes_of(art.id), chapter)
