"""What the validation rules look at: the loaded files and models, with every text unit located.

`context(loaded)` finds each unit (title, section titles, recitals, article texts, clauses,
points) in the file it was read from, with the key path of its mapping, so that a rule can
name the line of any field. `strings(loaded)` walks every string of every readable file.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    id: str  # its id as written (the title has none of its own)
    kind: str
    unit: Any

    @property
    def id_keys(self) -> tuple:
        # a section's text lives under its `title`; its id sits beside it
        return (self.keys[:-1] if self.kind == "section" else self.keys) + ("id",)

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
    claimed_articles: set[int]  # numbers of article files, read or not

    def problem_in(self, file: YamlFile, keys: tuple, unit_id: str, message: str,
                   severity: str = ERROR) -> Problem:
        return Problem(file.display, file.line(*keys), unit_id, "", message, severity)


def file_of(loaded: Loaded, path: Path) -> YamlFile | None:
    return loaded.files.get(display_path(path))


def context(loaded: Loaded) -> Context:
    directory = loaded.directory
    document = preamble = None
    units: list[Located] = []
    doc_file = file_of(loaded, directory / paths.DOCUMENT_FILE)
    if loaded.document is not None and doc_file:
        document = (doc_file, loaded.document)
        units.append(Located(doc_file, ("title",), ids.TITLE_ID, "title", loaded.document.title))
        for index, section in enumerate(loaded.document.sections):
            units.append(Located(doc_file, ("sections", index, "title"), section.id, "section", section.title))
    pre_file = file_of(loaded, directory / paths.PREAMBLE_FILE)
    if loaded.preamble is not None and pre_file:
        preamble = (pre_file, loaded.preamble)
        for index, recital in enumerate(loaded.preamble.recitals):
            units.append(Located(pre_file, ("recitals", index), recital.id, "recital", recital))
    for file, article in loaded.articles:
        if not article.has_clauses:
            units.append(Located(file, (), article.id, "article", article))
        for index, point in enumerate(article.points):
            units.append(Located(file, ("points", index), point.id, "point", point))
        for index, clause in enumerate(article.clauses):
            units.append(Located(file, ("clauses", index), clause.id, "clause", clause))
            for sub, point in enumerate(clause.points):
                units.append(Located(file, ("clauses", index, "points", sub), point.id, "point", point))
    claimed = {int(path.stem) for path in (directory / paths.ARTICLES_DIR).glob("*.y*ml")
               if path.stem.isdigit() and len(path.stem) < 10}
    return Context(loaded, document, preamble, loaded.articles, units,
                   claimed | {article.number for _, article in loaded.articles})


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
