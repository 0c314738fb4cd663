"""Cross-field rules of the source: each rule a small function yielding Problems.

load.py already reports what the format declaration (model.py) catches: YAML syntax,
encoding, types, unknown keys, languages and statuses. The rules here relate fields and
files to each other. `python -m scripts validate` prints every problem, sorted by file and
line, then a count; errors fail the run, warnings only with --strict.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from . import constants
from .load import ERROR, WARNING, Loaded, Problem, SourceError, YamlFile, display_path, load_source, read_yaml
from .model import Article, Document, Preamble, Source

# Article files are named with three digits (constants.article_file_name).
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


def _file_of(loaded: Loaded, path: Path) -> YamlFile | None:
    return loaded.files.get(display_path(path))


def context(loaded: Loaded) -> Context:
    directory = loaded.directory
    document = preamble = None
    units: list[Located] = []
    doc_file = _file_of(loaded, directory / constants.DOCUMENT_FILE)
    if loaded.document is not None and doc_file:
        document = (doc_file, loaded.document)
        units.append(Located(doc_file, ("title",), constants.TITLE_ID, "title", loaded.document.title))
        for index, section in enumerate(loaded.document.sections):
            units.append(Located(doc_file, ("sections", index, "title"), section.id, "section", section.title))
    pre_file = _file_of(loaded, directory / constants.PREAMBLE_FILE)
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
    claimed = {int(path.stem) for path in (directory / constants.ARTICLES_DIR).glob("*.y*ml")
               if path.stem.isdigit() and len(path.stem) < 10}
    return Context(loaded, document, preamble, loaded.articles, units,
                   claimed | {article.number for _, article in loaded.articles})


def strings(loaded: Loaded) -> Iterator[tuple[YamlFile, tuple, str, str, str]]:
    """Every string value of every readable file: (file, keys, id, lang, value)."""

    def walk(file: YamlFile, node: Any, keys: tuple, unit_id: str, lang: str):
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                unit_id = node["id"]
            for key, value in node.items():
                yield from walk(file, value, keys + (key,),
                                str(key) if file.path.name == constants.UI_FILE and not keys else unit_id,
                                str(key) if key in constants.LANGUAGES else lang)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(file, value, keys + (index,), unit_id, lang)
        elif isinstance(node, str):
            yield file, keys, unit_id, lang, node

    for file in loaded.files.values():
        yield from walk(file, file.data, (), "", "")


# --- the rules ---------------------------------------------------------------------------

def ids_match_numbers(ctx: Context) -> Iterator[Problem]:
    """Every id is the Akoma Ntoso id its numbers give (sec_1, preamble__rec_3, art_2__para_4__point_1)."""

    def check(file: YamlFile, keys: tuple, written: str, expected: str):
        if written != expected:
            yield ctx.problem_in(file, keys + ("id",), written,
                                 f"id '{written}' does not match its numbers: expected '{expected}'")

    if ctx.document:
        file, document = ctx.document
        for index, section in enumerate(document.sections):
            yield from check(file, ("sections", index), section.id, constants.section_id(section.number))
    if ctx.preamble:
        file, preamble = ctx.preamble
        yield from check(file, (), preamble.id, constants.PREAMBLE_ID)
        for index, recital in enumerate(preamble.recitals):
            yield from check(file, ("recitals", index), recital.id, constants.recital_id(recital.number))
    for file, article in filter(lambda pair: _in_range(pair[1]), ctx.articles):
        own = constants.article_id(article.number)
        yield from check(file, (), article.id, own)
        for index, point in enumerate(article.points):
            yield from check(file, ("points", index), point.id, constants.point_id(own, point.number))
        for index, clause in enumerate(article.clauses):
            clause_id = constants.clause_id(article.number, clause.number)
            yield from check(file, ("clauses", index), clause.id, clause_id)
            for sub, point in enumerate(clause.points):
                yield from check(file, ("clauses", index, "points", sub), point.id,
                                 constants.point_id(clause_id, point.number))


def shown(number: int) -> str:
    """A number for a message, shortened when someone typed a runaway one."""
    digits = str(number)
    return digits if len(digits) <= 12 else f"{digits[:6]}... ({len(digits)} digits)"


def _in_range(article: Article) -> bool:
    return 1 <= article.number <= MAX_ARTICLES


def _sequence_error(numbers: list[int], noun: str) -> tuple[int, str] | None:
    """The first place where 1, 2, 3, ... is broken, as (index, message)."""
    previous = 0
    for index, raw in enumerate(numbers):
        number = raw if abs(raw) < 10**12 else shown(raw)
        if raw == previous + 1:
            previous = raw
        elif previous == 0:
            return index, f"{noun} numbers start at {number}, not 1"
        elif raw <= previous:
            return index, f"{noun} {number} comes after {noun} {previous}: out of order or repeated"
        else:
            absent = f"{previous + 1}" if raw == previous + 2 else f"{previous + 1} to {shown(raw - 1)}"
            return index, f"{noun} {number} follows {noun} {previous}: {noun} {absent} is absent"
    return None


def numbers_in_sequence(ctx: Context) -> Iterator[Problem]:
    """Recitals, clauses and points are numbered 1, 2, 3, ... in order, without gaps."""

    def check(file: YamlFile, keys: tuple, items: list, noun: str):
        found = _sequence_error([item.number for item in items], noun)
        if found:
            index, message = found
            yield ctx.problem_in(file, keys + (index, "number"), items[index].id, message)

    if ctx.preamble:
        yield from check(ctx.preamble[0], ("recitals",), ctx.preamble[1].recitals, "recital")
    for file, article in ctx.articles:
        yield from check(file, ("clauses",), article.clauses, "clause")
        yield from check(file, ("points",), article.points, "point")
        for index, clause in enumerate(article.clauses):
            yield from check(file, ("clauses", index, "points"), clause.points, "point")


def sections_in_order(ctx: Context) -> Iterator[Problem]:
    """Sections, and the articles each section lists, are in increasing order, each once."""
    if not ctx.document:
        return
    file, document = ctx.document
    previous = 0
    for index, section in enumerate(document.sections):
        if section.number <= previous:
            yield ctx.problem_in(file, ("sections", index, "number"), section.id,
                                 f"section {shown(section.number)} comes after section {shown(previous)}: "
                                 "out of order or repeated")
        previous = max(previous, section.number)
        for position in range(1, len(section.articles)):
            before, number = section.articles[position - 1], section.articles[position]
            if number <= before:
                yield ctx.problem_in(file, ("sections", index, "articles", position), section.id,
                                     f"article {shown(number)} is listed after article {shown(before)}: "
                                     "out of order or repeated")


def unique_ids(ctx: Context) -> Iterator[Problem]:
    """No id names two units, in one file or across files."""
    seen: dict[str, str] = {}
    named = [(unit.file, unit.id_keys, unit.id) for unit in ctx.units if unit.kind != "title"]
    if ctx.preamble:
        named.append((ctx.preamble[0], ("id",), ctx.preamble[1].id))
    for file, keys, unit_id in named:
        where = f"{file.display}:{file.line(*keys)}"
        if unit_id in seen:
            yield ctx.problem_in(file, keys, unit_id, f"id '{unit_id}' is already used at {seen[unit_id]}")
        else:
            seen[unit_id] = where


def article_file_names(ctx: Context) -> Iterator[Problem]:
    """An article's file is named after its number (articles/002.yaml holds Article 2)."""
    for file, article in filter(lambda pair: _in_range(pair[1]), ctx.articles):
        expected = constants.article_file_name(article.number)
        if file.path.name != expected:
            yield ctx.problem_in(file, ("number",), article.id,
                                 f"Article {article.number} belongs in {constants.ARTICLES_DIR}/{expected}, "
                                 f"not {file.path.name}")


def listed_articles_exist(ctx: Context) -> Iterator[Problem]:
    """Every article a section lists has its file in articles/."""
    if not ctx.document:
        return
    file, document = ctx.document
    for index, section in enumerate(document.sections):
        for position, number in enumerate(section.articles):
            if number not in ctx.claimed_articles:
                name = (f"{constants.ARTICLES_DIR}/{constants.article_file_name(number)}"
                        if 0 <= number <= MAX_ARTICLES else "its file")
                yield ctx.problem_in(file, ("sections", index, "articles", position), section.id,
                                     f"lists article {shown(number)}, which does not exist ({name} is absent)")


def article_sections(ctx: Context) -> Iterator[Problem]:
    """Every article is listed by exactly one section: the one its `section` key names."""
    if not ctx.document:
        return
    listing: dict[int, list[int]] = {}
    for section in ctx.document[1].sections:
        for number in section.articles:
            listing.setdefault(number, []).append(section.number)
    for file, article in ctx.articles:
        holders = listing.get(article.number, [])
        if not holders:
            yield ctx.problem_in(file, ("section",), article.id,
                                 f"Article {shown(article.number)} is in no section: "
                                 f"add {shown(article.number)} to the "
                                 f"articles of section {shown(article.section)} in {constants.DOCUMENT_FILE}")
        elif len(holders) > 1:
            yield ctx.problem_in(file, ("section",), article.id,
                                 f"Article {shown(article.number)} is listed by sections "
                                 f"{', '.join(map(str, holders))}")
        elif holders[0] != article.section:
            yield ctx.problem_in(file, ("section",), article.id,
                                 f"section: {shown(article.section)} here, but {constants.DOCUMENT_FILE} lists "
                                 f"Article {shown(article.number)} in section {holders[0]}")


def has_articles(ctx: Context) -> Iterator[Problem]:
    """The source holds at least one article."""
    if not ctx.claimed_articles:
        path = display_path(ctx.loaded.directory / constants.ARTICLES_DIR)
        yield Problem(path, 1, "", "", "no article: the source needs at least one articles/NNN.yaml")


def numbers_within_full_text(ctx: Context) -> Iterator[Problem]:
    """Section and article numbers lie between 1 and the size of the full published text."""
    sections, articles = MAX_SECTIONS, MAX_ARTICLES
    if ctx.document:
        file, document = ctx.document
        size = document.full_text
        for key, value, limit in (("sections", size.sections, MAX_SECTIONS),
                                  ("articles", size.articles, MAX_ARTICLES)):
            if not 1 <= value <= limit:
                yield ctx.problem_in(file, ("full_text", key), "",
                                     f"full_text.{key} is {shown(value)}: must be 1 to {limit}")
        sections = size.sections if 1 <= size.sections <= MAX_SECTIONS else MAX_SECTIONS
        articles = size.articles if 1 <= size.articles <= MAX_ARTICLES else MAX_ARTICLES
        for index, section in enumerate(document.sections):
            if not 1 <= section.number <= sections:
                yield ctx.problem_in(file, ("sections", index, "number"), section.id,
                                     f"section number {shown(section.number)} is outside 1 to {sections} "
                                     "(full_text.sections)")
    for art_file, article in ctx.articles:
        if not 1 <= article.number <= articles:
            yield ctx.problem_in(art_file, ("number",), article.id,
                                 f"article number {shown(article.number)} is outside 1 to {articles} "
                                 "(full_text.articles)")


def schema_version(ctx: Context) -> Iterator[Problem]:
    """The document declares the schema version these scripts read."""
    if ctx.document and ctx.document[1].schema_version != constants.SCHEMA_VERSION:
        yield ctx.problem_in(ctx.document[0], ("schema_version",), "",
                             f"schema_version is {ctx.document[1].schema_version}; "
                             f"these scripts read version {constants.SCHEMA_VERSION}")


def article_text_or_clauses(ctx: Context) -> Iterator[Problem]:
    """An article with numbered clauses has no text or points of its own (they would never show)."""
    for file, article in ctx.articles:
        if not article.has_clauses:
            continue
        for lang in constants.LANGUAGES:
            if article.lang(lang) is not None:
                yield Problem(file.display, file.line(lang), article.id, lang,
                              "an article with clauses has no text of its own: move it into a clause")
        if article.points:
            yield ctx.problem_in(file, ("points",), article.id,
                                 "an article with clauses has no points of its own: move them into a clause")


def every_language_present(ctx: Context) -> Iterator[Problem]:
    """Every text unit has an entry for every language; `status: missing` says there is no text yet."""
    for unit in ctx.units:
        for lang in constants.LANGUAGES:
            if unit.unit.lang(lang) is None:
                yield unit.problem(f"no {lang} entry: write `{lang}:` with `status: missing` if it has no text yet",
                                   lang)


def status_matches_text(ctx: Context) -> Iterator[Problem]:
    """A `missing` entry has no text; an `official` or `unofficial` one has text."""
    for unit in ctx.units:
        for lang in constants.LANGUAGES:
            entry = unit.unit.lang(lang)
            if entry is None:
                continue
            if entry.status == "missing" and entry.text is not None:
                yield unit.problem("status is missing but there is text: set the status or remove the text", lang)
            elif entry.status != "missing" and entry.text is None:
                yield unit.problem(f"status is {entry.status} but there is no text: write it or set `status: missing`",
                                   lang)


def text_not_blank(ctx: Context) -> Iterator[Problem]:
    """No string is empty or only whitespace (absent text is `status: missing`, never an empty string)."""
    for file, keys, unit_id, lang, value in strings(ctx.loaded):
        if not value.strip():
            what = "empty" if not value else "only whitespace"
            yield Problem(file.display, file.line(*keys), unit_id, lang, f"{'.'.join(map(str, keys))} is {what}")


def text_is_nfc(ctx: Context) -> Iterator[Problem]:
    """Every string is in Unicode NFC (composed letters, as typed: й, not и + combining breve)."""
    for file, keys, unit_id, lang, value in strings(ctx.loaded):
        if not unicodedata.is_normalized("NFC", value):
            index = next(i for i in range(len(value) + 1)
                         if not unicodedata.is_normalized("NFC", value[:i + 1]))
            yield Problem(file.display, file.line(*keys), unit_id, lang,
                          f"{'.'.join(map(str, keys))} is not in Unicode NFC (at character {index + 1}, "
                          f"U+{ord(value[index]):04X}): retype it or normalise it to NFC")


WORD = re.compile(r"[^\W\d_]+")


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    return "Latin" if name.startswith("LATIN") else "Cyrillic" if name.startswith("CYRILLIC") else ""


def words_in_one_script(ctx: Context) -> Iterator[Problem]:
    """A word does not mix Latin and Cyrillic letters (Latin i, e, o, a, c, p typed for Cyrillic ones)."""
    for file, keys, unit_id, lang, value in strings(ctx.loaded):
        for word in dict.fromkeys(WORD.findall(value)):
            scripts = {_script(letter) for letter in word}
            if {"Latin", "Cyrillic"} <= scripts:
                latin = "".join(dict.fromkeys(c for c in word if _script(c) == "Latin"))
                yield Problem(file.display, file.line(*keys), unit_id, lang,
                              f"'{word}' mixes Latin and Cyrillic letters (Latin: {latin})", WARNING)


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def ui_placeholders(ctx: Context) -> Iterator[Problem]:
    """A ui.yaml string has the same {placeholders} in every language."""
    ui, file = ctx.loaded.ui, _file_of(ctx.loaded, ctx.loaded.directory / constants.UI_FILE)
    if ui is None or file is None:
        return
    for key, texts in ui.root.items():
        first = constants.LANGUAGES[0]
        expected = sorted(PLACEHOLDER.findall(getattr(texts, first)))
        for lang in constants.LANGUAGES[1:]:
            found = sorted(PLACEHOLDER.findall(getattr(texts, lang)))
            if found != expected:
                yield Problem(file.display, file.line(key, lang), key, lang,
                              f"placeholders {' '.join(found) or '(none)'} differ from {first}'s "
                              f"{' '.join(expected) or '(none)'}")


def ui_complete(ctx: Context) -> Iterator[Problem]:
    """ui.yaml holds every string of the project's own translations/ui.yaml (the ones the stages print)."""
    ui, file = ctx.loaded.ui, _file_of(ctx.loaded, ctx.loaded.directory / constants.UI_FILE)
    reference = constants.SOURCE_DIR / constants.UI_FILE
    if ui is None or file is None or file.path.resolve() == reference.resolve():
        return
    project, _ = read_yaml(reference)
    wanted = project.data if project and isinstance(project.data, dict) else {}
    for key in sorted(set(wanted) - set(ui.root)):
        yield Problem(file.display, 1, key, "", f"string '{key}' is absent (every stage's interface needs it)")


def text_missing(ctx: Context) -> Iterator[Problem]:
    """Text still missing is named, as a warning (once per language when that language has none)."""
    for lang in constants.LANGUAGES:
        missing = [unit for unit in ctx.units if unit.unit.lang(lang) and unit.unit.status(lang) == "missing"]
        if ctx.units and len(missing) == len(ctx.units) and ctx.document:
            yield Problem(ctx.document[0].display, 1, "", lang,
                          f"no {lang} text at all yet: every unit is missing", WARNING)
            continue
        for unit in missing:
            yield unit.problem("no text yet (status: missing)", lang, severity=WARNING)


RULES: tuple[Callable[[Context], Iterator[Problem]], ...] = (
    ids_match_numbers, numbers_in_sequence, sections_in_order, unique_ids, article_file_names,
    listed_articles_exist, article_sections, has_articles, numbers_within_full_text, schema_version,
    article_text_or_clauses, every_language_present, status_matches_text, text_not_blank, text_is_nfc,
    words_in_one_script, ui_placeholders, ui_complete, text_missing,
)


def check(loaded: Loaded) -> list[Problem]:
    """Every problem of a loaded source: the loader's and every rule's, sorted by file and line."""
    ctx = context(loaded)
    problems = list(loaded.problems)
    for rule in RULES:
        problems.extend(rule(ctx))
    return sorted(problems, key=lambda p: (p.path, p.line, p.severity != ERROR))


def problems(directory: Path = constants.SOURCE_DIR) -> list[Problem]:
    return check(load_source(directory))


def checked_source(directory: Path = constants.SOURCE_DIR) -> Source:
    """Load and validate; raise SourceError with every error, or return the Source."""
    loaded = load_source(directory)
    errors = [p for p in check(loaded) if p.severity == ERROR]
    if errors:
        raise SourceError(errors)
    return loaded.source()


def summary(found: list[Problem], directory: Path) -> str:
    errors = sum(p.severity == ERROR for p in found)
    warnings = len(found) - errors
    if not found:
        return f"{display_path(directory)}: no problems"
    return f"{display_path(directory)}: {errors} error(s), {warnings} warning(s)"


def add_arguments(parser):
    parser.add_argument("--source", type=Path, default=constants.SOURCE_DIR, metavar="DIR",
                        help="the source folder (default: translations/)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")


def run(args) -> int:
    found = problems(args.source)
    for problem in found:
        print(problem)
    print(summary(found, args.source))
    failing = [p for p in found if p.severity == ERROR or args.strict]
    return 1 if failing else 0
