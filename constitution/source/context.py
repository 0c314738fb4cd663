"""What the validation rules look at: the loaded files and models, with every text unit located.

`context(loaded)` finds each unit (title, section and chapter titles, recitals, article titles
and texts, clauses, points, parts, wrap-ups, notes) in the file it was read from, with the key
path of its mapping and the id its numbers give, so that a rule can name the line of any field.
`strings(loaded)` walks every string of every readable file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from constitution.core import ids, languages, paths
from constitution.core.problems import ERROR, Problem, display_path
from constitution.source.load import Loaded, YamlFile, unit_id_of
from constitution.source.model import Article, Document, Preamble

# Article files are named with three digits (paths.article_file_name).
MAX_ARTICLES = 999
MAX_SECTIONS = 99


@dataclass(frozen=True)
class Located:
    """A text unit (anything with kk/ru/en entries) and where it was read."""

    file: YamlFile
    keys: tuple  # path of the unit's mapping inside the file
    id: str  # its id as written (the title has none of its own; an article title's is its heading id)
    kind: str
    unit: Any
    expected: str | None = None  # the id its numbers (and its owner's) give; None where unchecked

    @property
    def id_keys(self) -> tuple:
        # a section's or a chapter's text lives under its `title`; its id sits beside it
        return (self.keys[:-1] if self.kind in ("section", "chapter", "heading") else self.keys) + ("id",)

    def line(self, *more) -> int:
        return self.file.line(*self.keys, *more)

    def problem(self, message: str, lang: str = "", *more, severity: str = ERROR) -> Problem:
        where = (lang, *more) if lang else more
        return Problem(self.file.display, self.line(*where), self.id, lang, message, severity)


@dataclass
class Context:
    """What the rules look at: the loaded files and models, and every text unit located."""

    loaded: Loaded
    document: tuple[YamlFile, Document] | None
    preamble: tuple[YamlFile, Preamble] | None
    articles: list[tuple[YamlFile, Article]]
    units: list[Located]
    claimed_articles: set[int | str]  # numbers of article files, read or not

    @cached_property
    def strings(self) -> list[tuple[YamlFile, tuple, str, str, str]]:
        """Every string of every readable file (`strings`), walked once for all the rules that read them."""
        return list(strings(self.loaded))

    @cached_property
    def characters(self) -> frozenset[str]:
        """Every character of every string: what a rule about rare characters looks for first."""
        return frozenset("".join(value for *_, value in self.strings))

    def problem_in(self, file: YamlFile, keys: tuple, unit_id: str, message: str,
                   severity: str = ERROR) -> Problem:
        return Problem(file.display, file.line(*keys), unit_id, "", message, severity)


def file_of(loaded: Loaded, path: Path) -> YamlFile | None:
    return loaded.files.get(display_path(path))


def _notes(file: YamlFile, keys: tuple, owner: Any, owner_id: str) -> Iterator[Located]:
    for index, note in enumerate(getattr(owner, "notes", [])):
        yield Located(file, keys + ("notes", index), note.id, "note", note, ids.note_id(owner_id, note.number))


def _parts(file: YamlFile, keys: tuple, owner: Any, owner_id: str) -> Iterator[Located]:
    for index, part in enumerate(owner.parts):
        here, expected = keys + ("parts", index), ids.subparagraph_id(owner_id, part.number)
        yield Located(file, here, part.id, "subparagraph", part, expected)
        yield from _notes(file, here, part, expected)


def _body(file: YamlFile, keys: tuple, owner: Any, owner_id: str) -> Iterator[Located]:
    """A unit's parts, points (with their parts and notes) and wrap-up, as model.body_units yields them."""
    yield from _parts(file, keys, owner, owner_id)
    for index, point in enumerate(owner.points):
        here, expected = keys + ("points", index), ids.point_id(owner_id, point.number)
        yield Located(file, here, point.id, "point", point, expected)
        yield from _parts(file, here, point, expected)
        yield from _notes(file, here, point, expected)
    if owner.wrap_up is not None:
        here, expected = keys + ("wrap_up",), ids.wrap_up_id(owner_id)
        yield Located(file, here, owner.wrap_up.id, "wrapup", owner.wrap_up, expected)
        yield from _notes(file, here, owner.wrap_up, expected)


def article_located(file: YamlFile, article: Article) -> Iterator[Located]:
    """Every unit of an article file, in model.article_units' order (parts of an article with
    clauses included, so that a rule can say they would never show)."""
    own = ids.article_id(article.number)
    if article.title is not None:
        heading = ids.heading_id(article.id)
        yield Located(file, ("title",), heading, "heading", article.title, ids.heading_id(own))
    yield from _notes(file, (), article, own)
    if not article.has_clauses:
        yield Located(file, (), article.id, "article", article, own)
    yield from _body(file, (), article, own)
    for index, clause in enumerate(article.clauses):
        here, expected = ("clauses", index), ids.clause_id(article.number, clause.number)
        yield Located(file, here, clause.id, "clause", clause, expected)
        yield from _body(file, here, clause, expected)
        yield from _notes(file, here, clause, expected)


def document_located(file: YamlFile, document: Document) -> Iterator[Located]:
    yield Located(file, ("title",), ids.TITLE_ID, "title", document.title)
    for index, section in enumerate(document.sections):
        here, expected = ("sections", index), ids.section_id(section.number)
        yield Located(file, here + ("title",), section.id, "section", section.title, expected)
        yield from _notes(file, here, section, expected)
        for sub, chapter in enumerate(section.chapters):
            there, own = here + ("chapters", sub), ids.chapter_id(expected, chapter.number)
            yield Located(file, there + ("title",), chapter.id, "chapter", chapter.title, own)
            yield from _notes(file, there, chapter, own)


def context(loaded: Loaded) -> Context:
    directory = loaded.directory
    document = preamble = None
    units: list[Located] = []
    doc_file = file_of(loaded, directory / paths.DOCUMENT_FILE)
    if loaded.document is not None and doc_file:
        document = (doc_file, loaded.document)
        units.extend(document_located(doc_file, loaded.document))
    pre_file = file_of(loaded, directory / paths.PREAMBLE_FILE)
    if loaded.preamble is not None and pre_file:
        preamble = (pre_file, loaded.preamble)
        for index, recital in enumerate(loaded.preamble.recitals):
            expected = ids.recital_id(recital.number)
            units.append(Located(pre_file, ("recitals", index), recital.id, "recital", recital, expected))
            units.extend(_notes(pre_file, ("recitals", index), recital, expected))
    for file, article in loaded.articles:
        units.extend(article_located(file, article))
    claimed = {paths.article_number(path.name) for path in (directory / paths.ARTICLES_DIR).glob("*.y*ml")}
    return Context(loaded, document, preamble, loaded.articles, units,
                   (claimed - {None}) | {article.number for _, article in loaded.articles})


def strings(loaded: Loaded) -> Iterator[tuple[YamlFile, tuple, str, str, str]]:
    """Every string value of every readable file: (file, keys, id, lang, value)."""

    def walk(file: YamlFile, node: Any, keys: tuple, unit_id: str, lang: str):
        if isinstance(node, dict):
            unit_id = unit_id_of(node, keys[-1] if keys else None) or unit_id
            for key, value in node.items():
                yield from walk(file, value, keys + (key,),
                                str(key) if file.path.name == paths.UI_FILE and not keys else unit_id,
                                str(key) if key in languages.LANGUAGES else lang)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(file, value, keys + (index,), unit_id, lang)
        elif isinstance(node, str):
            yield file, keys, unit_id, lang, node

    for file in loaded.files.values():
        yield from walk(file, file.data, (), "", "")
