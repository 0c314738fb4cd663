"""The source format, declared once: typed models of the YAML files in translations/.

Types, required keys and unknown keys are checked here (pydantic, strict, no extra
keys), the interface strings' keys included (source/ui.py); rules that relate fields to
each other live in rules.py. `json_schema()`
exports the same declaration for the open-data downloads and for editors.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Annotated, Iterator, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, create_model

from constitution.core import ids, languages
from constitution.source import ui

Status = Literal["official", "unofficial", "missing"]
STATUSES: tuple[str, ...] = Status.__args__
# Of the source format; document.yaml declares the version it is written in. Version 2 added
# suffixed and lettered numbers, article titles, unnumbered parts, wrap-ups, notes and
# chapters; a version 1 source is a valid version 2 source and is read as one.
SCHEMA_VERSION = 2
READ_SCHEMA_VERSIONS = (1, 2)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LangText(Strict):
    """One language's text of one unit: `missing` carries no text, the others do."""

    status: Status
    text: str | None = None
    note: str | None = None  # translator's remark, never shown as legal text


class _AlignedBase(Strict):
    def lang(self, lang: str) -> LangText | None:
        return getattr(self, lang)

    def text(self, lang: str) -> str | None:
        entry = self.lang(lang)
        return entry.text if entry and entry.status != "missing" else None

    def status(self, lang: str) -> str:
        entry = self.lang(lang)
        return entry.status if entry else "missing"


# A text unit: one LangText per language, side by side, so alignment is by construction.
# Every language is optional here; validate.py says which one is absent, in one rule.
Aligned = create_model(
    "Aligned",
    __base__=_AlignedBase,
    **{lang: (LangText | None, None) for lang in languages.LANGUAGES},
)

# Plain per-language strings of the edition's own metadata (not legal text).
Localized = create_model(
    "Localized", __base__=Strict, **{lang: (str, ...) for lang in languages.LANGUAGES}
)


# How numbers are written (core/ids.py): a plain 26, a suffixed "26-1" (inserted after 26), or,
# for a point only, a Latin letter "a" whose printed letter each language takes from ui.yaml.
Suffixed = Annotated[str, StringConstraints(pattern=f"^{ids.SUFFIXED}$")]
Lettered = Annotated[str, StringConstraints(pattern=f"^(?:{ids.SUFFIXED}|{ids.LETTER})$")]
Number = int | Suffixed  # an article's or a clause's
PointNumber = int | Lettered


class Note(Aligned):
    """A note attached to a unit (an editorial note, an amendment footnote): never legal text."""

    id: str
    number: int


class Noted(Aligned):
    notes: list[Note] = []


class Subparagraph(Noted):
    """An unnumbered part of an article, clause or point after its first (the unit's own text
    is part 1; `parts` are 2, 3, …): Akoma Ntoso `subparagraph`."""

    id: str
    number: int


class WrapUp(Noted):
    """A clause's (or an article's) closing text after its points: Akoma Ntoso `wrapUp`."""

    id: str


class Point(Noted):
    id: str
    number: PointNumber
    parts: list[Subparagraph] = []


class Clause(Noted):
    id: str
    number: Number
    parts: list[Subparagraph] = []
    points: list[Point] = []
    wrap_up: WrapUp | None = None


class Article(Noted):
    """An article holds either its own text (like Article 1) or numbered clauses."""

    id: str
    number: Number
    section: int
    title: Aligned | None = None  # its heading's words after "Article 5." (unit id art_5__hdg)
    parts: list[Subparagraph] = []
    clauses: list[Clause] = []
    points: list[Point] = []
    wrap_up: WrapUp | None = None

    @property
    def has_clauses(self) -> bool:
        return bool(self.clauses)


class Recital(Noted):
    id: str
    number: int


class Preamble(Strict):
    id: str
    recitals: list[Recital]


class Chapter(Strict):
    """A chapter of a section, where the text has them: numbered through the whole document."""

    id: str
    number: int
    title: Aligned
    articles: list[Number]  # a run of its section's articles, in order
    notes: list[Note] = []


class Section(Strict):
    id: str
    number: int
    title: Aligned
    articles: list[Number]  # every article of the section, in chapters or not
    chapters: list[Chapter] = []
    notes: list[Note] = []


class Edition(Strict):
    id: str
    date: datetime.date
    name: Localized
    author: Localized


class FullText(Strict):
    """The size of the whole published text, so a partial edition can say what it holds."""

    sections: int
    articles: int


class LanguageInfo(Strict):
    name: str  # the language's own name for itself
    names: Localized  # its name in each language


class TextSource(Strict):
    """Where one language's text comes from."""

    description: Localized
    published: datetime.date | None = None
    url: str | None = None


class Event(Strict):
    date: datetime.date
    text: Localized


Languages = create_model(
    "Languages", __base__=Strict, **{lang: (LanguageInfo, ...) for lang in languages.LANGUAGES}
)
Sources = create_model(
    "Sources", __base__=Strict, **{lang: (TextSource, ...) for lang in languages.LANGUAGES}
)


class Document(Strict):
    schema_version: int
    title: Aligned
    edition: Edition
    full_text: FullText
    languages: Languages
    sources: Sources
    sections: list[Section]
    timeline: list[Event]


# --- several editions (editions.yaml and editions/<id>/) ------------------------------------

EditionKind = Literal["draft", "final draft", "adopted", "amended"]
EDITION_KINDS: tuple[str, ...] = EditionKind.__args__


class EditionEntry(Strict):
    """One edition of a source that holds several: its folder is editions/<id>/, a complete source."""

    id: str
    date: datetime.date
    kind: EditionKind
    name: Localized


class EditionList(Strict):
    """editions.yaml: the editions in the order the text went through them, and the current one."""

    current: str
    editions: list[EditionEntry]


class SameAs(Strict):
    """A hand correction of the computed correspondence (same_as.yaml in a later edition's folder):
    this edition's unit `id` follows the previous edition's `same_as`, or (null) is new."""

    id: str
    same_as: str | None


class Corrections(Strict):
    corrections: list[SameAs]


# Interface strings in every language, one required field per key (ui.yaml).
# The strings of a source of several editions are optional here (rules_editions.py asks for them there).
UI = create_model("UI", __base__=ui.Strings, **{key: (Localized, ...) for key in ui.KEYS},
                  **{key: (Localized | None, None) for key in ui.EDITION_KEYS})


UNIT_KINDS = ("title", "recital", "section", "chapter", "heading", "article", "clause", "point",
              "subparagraph", "wrapup", "note")
LEGAL_KINDS = tuple(kind for kind in UNIT_KINDS if kind != "note")  # notes are never legal text


@dataclass(frozen=True)
class Unit:
    """A text unit in reading order, with what an index, a table or an export needs."""

    id: str
    kind: str  # one of UNIT_KINDS
    texts: _AlignedBase
    number: int | str | None = None
    article: int | str | None = None
    section: int | None = None
    parent: str | None = None  # the unit it belongs to: a clause's article, a note's unit, …
    # where in its article: (("clause", 4), ("point", 2), ("subparagraph", 2)); () for the article
    trail: tuple[tuple[str, int | str | None], ...] = ()
    chapter: int | None = None

    @property
    def is_note(self) -> bool:
        return self.kind == "note"


@dataclass
class Source:
    document: Document
    preamble: Preamble
    articles: list[Article]
    ui: UI
    # where each part was read: article id -> its file; document.yaml, preamble.yaml, ui.yaml -> theirs
    files: dict[str, str] = field(default_factory=dict)

    def file(self, name: str) -> str:
        """The path a part was read from, for a problem's `path:line` (the bare name if unknown)."""
        return self.files.get(name, name)

    def article(self, number: int | str) -> Article:
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(number)

    def section(self, number: int) -> Section:
        for section in self.document.sections:
            if section.number == number:
                return section
        raise KeyError(number)

    def section_articles(self, section: Section | Chapter) -> list[Article]:
        present = {article.number: article for article in self.articles}
        return [present[n] for n in section.articles if n in present]

    def units(self) -> Iterator[Unit]:
        """Every text unit, in the order a reader meets it (each note right after what it annotates)."""
        yield Unit(ids.TITLE_ID, "title", self.document.title)
        for recital in self.preamble.recitals:
            yield Unit(recital.id, "recital", recital, recital.number, parent=self.preamble.id)
            yield from note_units(recital, {})
        for section in self.document.sections:
            yield Unit(section.id, "section", section.title, section.number, section=section.number)
            yield from note_units(section, dict(section=section.number), section.id)
            chapters = {number: chapter for chapter in section.chapters for number in chapter.articles}
            for article in self.section_articles(section):
                chapter = chapters.get(article.number)
                if chapter is not None and chapter.articles[0] == article.number:
                    yield Unit(chapter.id, "chapter", chapter.title, chapter.number, section=section.number,
                               chapter=chapter.number)
                    yield from note_units(chapter, dict(section=section.number, chapter=chapter.number),
                                          chapter.id)
                yield from article_units(article, chapter.number if chapter else None)


def note_units(owner, base: dict, owner_id: str | None = None, trail: tuple = ()) -> Iterator[Unit]:
    """The notes attached to a unit, numbered 1, 2, … after it."""
    for note in owner.notes:
        yield Unit(note.id, "note", note, note.number, parent=owner_id or owner.id,
                   trail=trail + (("note", note.number),), **base)


def article_units(article: Article, chapter: int | None = None) -> Iterator[Unit]:
    """An article's units: its title, its notes, then its text, parts, clauses, points and wrap-up."""
    base = dict(article=article.number, section=article.section, chapter=chapter)
    if article.title is not None:
        yield Unit(ids.heading_id(article.id), "heading", article.title, parent=article.id,
                   trail=(("heading", None),), **base)
    yield from note_units(article, base)
    if not article.has_clauses:  # an article with clauses has no text of its own
        yield Unit(article.id, "article", article, article.number, **base)
        yield from body_units(article, (), base)
    for clause in article.clauses:
        trail = (("clause", clause.number),)
        yield Unit(clause.id, "clause", clause, clause.number, parent=article.id, trail=trail, **base)
        yield from body_units(clause, trail, base)
        yield from note_units(clause, base, trail=trail)


def part_units(owner: Article | Clause | Point, trail: tuple, base: dict) -> Iterator[Unit]:
    for part in owner.parts:
        here = trail + (("subparagraph", part.number),)
        yield Unit(part.id, "subparagraph", part, part.number, parent=owner.id, trail=here, **base)
        yield from note_units(part, base, trail=here)


def body_units(owner: Article | Clause, trail: tuple, base: dict) -> Iterator[Unit]:
    """What follows a unit's own text: its parts, its points (each with its parts and notes), its wrap-up."""
    yield from part_units(owner, trail, base)
    for point in owner.points:
        here = trail + (("point", point.number),)
        yield Unit(point.id, "point", point, point.number, parent=owner.id, trail=here, **base)
        yield from part_units(point, here, base)
        yield from note_units(point, base, trail=here)
    if owner.wrap_up is not None:
        here = trail + (("wrapup", None),)
        yield Unit(owner.wrap_up.id, "wrapup", owner.wrap_up, parent=owner.id, trail=here, **base)
        yield from note_units(owner.wrap_up, base, trail=here)


class Constitution(Strict):
    """The whole aligned source as one object, as exported in constitution.json."""

    schema_version: Literal[SCHEMA_VERSION]
    document: Document
    preamble: Preamble
    articles: list[Article]


def json_schema() -> dict:
    """JSON Schema of constitution.json (JSON Schema 2020-12, which pydantic emits)."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            **Constitution.model_json_schema()}
