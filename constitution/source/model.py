"""The source format, declared once: typed models of the YAML files in translations/.

Types, required keys and unknown keys are checked here (pydantic, strict, no extra
keys), the interface strings' keys included (source/ui.py); rules that relate fields to
each other live in rules.py. `json_schema()`
exports the same declaration for the open-data downloads and for editors.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, create_model

from constitution.core import ids, languages
from constitution.source import ui

Status = Literal["official", "unofficial", "missing"]
STATUSES: tuple[str, ...] = Status.__args__
SCHEMA_VERSION = 1  # of the source format; document.yaml declares the version it is written in


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


class Point(Aligned):
    id: str
    number: int


class Clause(Aligned):
    id: str
    number: int
    points: list[Point] = []


class Article(Aligned):
    """An article holds either its own text (like Article 1) or numbered clauses."""

    id: str
    number: int
    section: int
    clauses: list[Clause] = []
    points: list[Point] = []

    @property
    def has_clauses(self) -> bool:
        return bool(self.clauses)


class Recital(Aligned):
    id: str
    number: int


class Preamble(Strict):
    id: str
    recitals: list[Recital]


class Section(Strict):
    id: str
    number: int
    title: Aligned
    articles: list[int]


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


# Interface strings in every language, one required field per key (ui.yaml).
UI = create_model("UI", __base__=ui.Strings, **{key: (Localized, ...) for key in ui.KEYS})


UNIT_KINDS = ("title", "recital", "section", "article", "clause", "point")


@dataclass(frozen=True)
class Unit:
    """A text unit in reading order, with what an index, a table or an export needs."""

    id: str
    kind: str  # one of UNIT_KINDS
    texts: _AlignedBase
    number: int | None = None
    article: int | None = None
    section: int | None = None
    parent: str | None = None


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

    def article(self, number: int) -> Article:
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(number)

    def section(self, number: int) -> Section:
        for section in self.document.sections:
            if section.number == number:
                return section
        raise KeyError(number)

    def section_articles(self, section: Section) -> list[Article]:
        present = {article.number: article for article in self.articles}
        return [present[n] for n in section.articles if n in present]

    def units(self) -> Iterator[Unit]:
        """Every text unit, in the order a reader meets it."""
        yield Unit(ids.TITLE_ID, "title", self.document.title)
        for recital in self.preamble.recitals:
            yield Unit(recital.id, "recital", recital, recital.number, parent=self.preamble.id)
        for section in self.document.sections:
            yield Unit(section.id, "section", section.title, section.number, section=section.number)
            for article in self.section_articles(section):
                yield from article_units(article)


def article_units(article: Article) -> Iterator[Unit]:
    base = dict(article=article.number, section=article.section)
    if not article.has_clauses:  # an article with clauses has no text of its own
        yield Unit(article.id, "article", article, article.number, **base)
    for point in article.points:
        yield Unit(point.id, "point", point, point.number, parent=article.id, **base)
    for clause in article.clauses:
        yield Unit(clause.id, "clause", clause, clause.number, parent=article.id, **base)
        for point in clause.points:
            yield Unit(point.id, "point", point, point.number, parent=clause.id, **base)


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
