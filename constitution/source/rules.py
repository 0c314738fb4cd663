"""Cross-field rules of the source: each a small generator of Problems with a one-line docstring.

load.py already reports what the format declaration (model.py) catches: YAML syntax,
encoding, types, unknown keys, languages, statuses and the interface strings' keys. The
rules here relate fields and files to each other; validate.py runs them all.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import unicodedata
from typing import Callable, Iterator

from constitution.core import ids, languages, paths, text, urls
from constitution.core.problems import WARNING, Problem, display_path
from constitution.source.context import (
    MAX_ARTICLES,
    MAX_SECTIONS,
    Context,
    file_of,
)
from constitution.source.load import YamlFile
from constitution.source.model import READ_SCHEMA_VERSIONS, SCHEMA_VERSION, Article
from constitution.source import ui
from constitution.source.ui import ORDINAL_KEYS


def ids_match_numbers(ctx: Context) -> Iterator[Problem]:
    """Every id is the Akoma Ntoso id its numbers give (sec_1, preamble__rec_3, art_2__para_4__point_1, …)."""
    if ctx.preamble and ctx.preamble[1].id != ids.PREAMBLE_ID:
        yield ctx.problem_in(ctx.preamble[0], ("id",), ctx.preamble[1].id,
                             f"id '{ctx.preamble[1].id}' does not match its numbers: expected '{ids.PREAMBLE_ID}'")
    articles_in_range = {id(article) for _, article in ctx.articles if _in_range(article)}
    for unit in ctx.units:
        if unit.expected is None or unit.id == unit.expected or unit.kind == "heading":
            continue
        if unit.file.path.parent.name == paths.ARTICLES_DIR and id(_article_of(ctx, unit)) not in articles_in_range:
            continue  # numbers_within_full_text names the runaway number once
        yield ctx.problem_in(unit.file, unit.id_keys, unit.id,
                             f"id '{unit.id}' does not match its numbers: expected '{unit.expected}'")


def _article_of(ctx: Context, unit) -> Article | None:
    return next((article for file, article in ctx.articles if file is unit.file), None)


def shown(number: int | str) -> str:
    """A number for a message, shortened when someone typed a runaway one."""
    digits = str(number)
    return digits if len(digits) <= 12 else f"{digits[:6]}... ({len(digits)} digits)"


def _in_range(article: Article) -> bool:
    return 1 <= ids.base_number(article.number) <= MAX_ARTICLES


def _successors(previous: tuple[int, ...]) -> list[tuple[int, ...]]:
    """What may follow a number: the next one at any depth (3 -> 4; 3-1 -> 3-2 or 4) or a first suffix (3 -> 3-1)."""
    return [previous[:depth] + (previous[depth] + 1,) for depth in range(len(previous))] + [previous + (1,)]


def _written(key: tuple[int, ...], letters: bool) -> str:
    return ids.letter(key[0]) if letters else "-".join(map(str, key))


def _sequence_error(numbers: list, noun: str, start: int = 1) -> tuple[int, str] | None:
    """The first place where start, start + 1, … is broken, as (index, message); a suffixed number
    (3-1) may follow its base (3) or another suffix of it (3-1 -> 3-2), and letters run a, b, c."""
    if not numbers:
        return None
    letters = ids.is_letter(numbers[0])
    previous: tuple[int, ...] = (start - 1,)
    for index, raw in enumerate(numbers):
        if ids.is_letter(raw) != letters:
            return index, (f"{noun} {raw} among lettered {noun}s: number them all with letters or all with digits"
                           if letters else f"{noun} {raw} among numbered {noun}s: number them all with digits "
                           "or all with letters")
        if isinstance(raw, int) and abs(raw) >= 10**12:
            number = shown(raw)
        else:
            number = raw
        key = ids.number_key(raw)
        allowed = [(start,)] if index == 0 else _successors(previous)
        if key in [k for k in allowed if not letters or len(k) == 1]:
            previous = key
            continue
        if index == 0:
            return index, f"{noun} numbers start at {number}, not {_written((start,), letters)}"
        before = _written(previous, letters)
        if key <= previous:
            return index, f"{noun} {number} comes after {noun} {before}: out of order or repeated"
        if len(key) == 1 and len(previous) == 1 and not letters:
            gap = key[0] - previous[0]
            absent = f"{previous[0] + 1}" if gap == 2 else f"{previous[0] + 1} to {shown(key[0] - 1)}"
            return index, f"{noun} {number} follows {noun} {before}: {noun} {absent} is absent"
        expected = " or ".join(_written(k, letters) for k in _successors(previous) if not letters or len(k) == 1)
        return index, f"{noun} {number} follows {noun} {before}: expected {expected}"
    return None


def numbers_in_sequence(ctx: Context) -> Iterator[Problem]:
    """Recitals, clauses, points, notes run 1, 2, … (3-1 after 3; points a, b, …), parts 2, 3, …, chapters 1, 2, …."""

    def check(file: YamlFile, keys: tuple, items: list, noun: str, start: int = 1):
        found = _sequence_error([item.number for item in items], noun, start)
        if found:
            index, message = found
            yield ctx.problem_in(file, keys + (index, "number"), items[index].id, message)

    def noted(file: YamlFile, keys: tuple, owner) -> Iterator[Problem]:
        yield from check(file, keys + ("notes",), owner.notes, "note")

    def body(file: YamlFile, keys: tuple, owner) -> Iterator[Problem]:
        yield from check(file, keys + ("parts",), owner.parts, "part", start=2)
        for index, part in enumerate(owner.parts):
            yield from noted(file, keys + ("parts", index), part)
        if hasattr(owner, "points"):
            yield from check(file, keys + ("points",), owner.points, "point")
            for index, point in enumerate(owner.points):
                yield from body(file, keys + ("points", index), point)
                yield from noted(file, keys + ("points", index), point)
        if getattr(owner, "wrap_up", None) is not None:
            yield from noted(file, keys + ("wrap_up",), owner.wrap_up)

    if ctx.preamble:
        yield from check(ctx.preamble[0], ("recitals",), ctx.preamble[1].recitals, "recital")
        for index, recital in enumerate(ctx.preamble[1].recitals):
            yield from noted(ctx.preamble[0], ("recitals", index), recital)
    if ctx.document:
        file, document = ctx.document
        chapters = [(index, sub, chapter) for index, section in enumerate(document.sections)
                    for sub, chapter in enumerate(section.chapters)]
        found = _sequence_error([chapter.number for _, _, chapter in chapters], "chapter")
        if found:
            index, sub, chapter = chapters[found[0]]
            yield ctx.problem_in(file, ("sections", index, "chapters", sub, "number"), chapter.id, found[1])
        for index, section in enumerate(document.sections):
            yield from noted(file, ("sections", index), section)
            for sub, chapter in enumerate(section.chapters):
                yield from noted(file, ("sections", index, "chapters", sub), chapter)
    for file, article in ctx.articles:
        yield from noted(file, (), article)
        yield from check(file, ("clauses",), article.clauses, "clause")
        yield from body(file, (), article)
        for index, clause in enumerate(article.clauses):
            yield from body(file, ("clauses", index), clause)
            yield from noted(file, ("clauses", index), clause)


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
            if ids.number_key(number) <= ids.number_key(before):
                yield ctx.problem_in(file, ("sections", index, "articles", position), section.id,
                                     f"article {shown(number)} is listed after article {shown(before)}: "
                                     "out of order or repeated")


def unique_ids(ctx: Context) -> Iterator[Problem]:
    """No id names two units, in one file or across files."""
    seen: dict[str, str] = {}
    named = [(unit.file, unit.id_keys, unit.id) for unit in ctx.units if unit.kind not in ("title", "heading")]
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
        expected = paths.article_file_name(article.number)
        if file.path.name != expected:
            yield ctx.problem_in(file, ("number",), article.id,
                                 f"Article {article.number} belongs in {paths.ARTICLES_DIR}/{expected}, "
                                 f"not {file.path.name}")


def listed_articles_exist(ctx: Context) -> Iterator[Problem]:
    """Every article a section lists has its file in articles/."""
    if not ctx.document:
        return
    file, document = ctx.document
    for index, section in enumerate(document.sections):
        for position, number in enumerate(section.articles):
            if number not in ctx.claimed_articles:
                name = (f"{paths.ARTICLES_DIR}/{paths.article_file_name(number)}"
                        if 0 <= ids.base_number(number) <= MAX_ARTICLES else "its file")
                yield ctx.problem_in(file, ("sections", index, "articles", position), section.id,
                                     f"lists article {shown(number)}, which does not exist ({name} is absent)")


def article_sections(ctx: Context) -> Iterator[Problem]:
    """Every article is listed by exactly one section: the one its `section` key names."""
    if not ctx.document:
        return
    listing: dict[int | str, list[int]] = {}
    for section in ctx.document[1].sections:
        for number in section.articles:
            listing.setdefault(number, []).append(section.number)
    for file, article in ctx.articles:
        holders = listing.get(article.number, [])
        if not holders:
            yield ctx.problem_in(file, ("section",), article.id,
                                 f"Article {shown(article.number)} is in no section: "
                                 f"add {shown(article.number)} to the "
                                 f"articles of section {shown(article.section)} in {paths.DOCUMENT_FILE}")
        elif len(holders) > 1:
            yield ctx.problem_in(file, ("section",), article.id,
                                 f"Article {shown(article.number)} is listed by sections "
                                 f"{', '.join(map(str, holders))}")
        elif holders[0] != article.section:
            yield ctx.problem_in(file, ("section",), article.id,
                                 f"section: {shown(article.section)} here, but {paths.DOCUMENT_FILE} lists "
                                 f"Article {shown(article.number)} in section {holders[0]}")


def has_articles(ctx: Context) -> Iterator[Problem]:
    """The source holds at least one article."""
    if not ctx.claimed_articles and ctx.loaded.directory.is_dir():  # else load said the folder is none
        path = display_path(ctx.loaded.directory / paths.ARTICLES_DIR)
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
        if not 1 <= ids.base_number(article.number) <= articles:
            yield ctx.problem_in(art_file, ("number",), article.id,
                                 f"article number {shown(article.number)} is outside 1 to {articles} "
                                 "(full_text.articles)")


def schema_version(ctx: Context) -> Iterator[Problem]:
    """The document declares a schema version this package reads (a version 1 source reads as version 2)."""
    if ctx.document and ctx.document[1].schema_version not in READ_SCHEMA_VERSIONS:
        yield ctx.problem_in(ctx.document[0], ("schema_version",), "",
                             f"schema_version is {ctx.document[1].schema_version}; "
                             f"this package reads versions {READ_SCHEMA_VERSIONS[0]} to {SCHEMA_VERSION}")


def article_text_or_clauses(ctx: Context) -> Iterator[Problem]:
    """An article with numbered clauses has no text, parts, points or wrap-up of its own (they would never show)."""
    for file, article in ctx.articles:
        if not article.has_clauses:
            continue
        for lang in languages.LANGUAGES:
            if article.lang(lang) is not None:
                yield Problem(file.display, file.line(lang), article.id, lang,
                              "an article with clauses has no text of its own: move it into a clause "
                              "(a remark on the article is one of its `notes`)")
        for key, what in (("parts", "parts"), ("points", "points"), ("wrap_up", "wrap-up")):
            if getattr(article, key):
                yield ctx.problem_in(file, (key,), article.id,
                                     f"an article with clauses has no {what} of its own: move them into a clause")


def wrap_up_after_points(ctx: Context) -> Iterator[Problem]:
    """A wrap-up closes a list of points: only a clause or an article with points has one."""
    for unit in ctx.units:
        owner = unit.unit
        if unit.kind in ("article", "clause") and owner.wrap_up is not None and not owner.points:
            yield ctx.problem_in(unit.file, unit.keys + ("wrap_up",), unit.id,
                                 "a wrap-up is the text after a list of points, and there are none: "
                                 "make it a part (`parts`) instead")


def chapters_divide_sections(ctx: Context) -> Iterator[Problem]:
    """A section with chapters divides its articles among them: each chapter a run of them, in order, all covered."""
    if not ctx.document:
        return
    file, document = ctx.document
    for index, section in enumerate(document.sections):
        if not section.chapters:
            continue
        listed = [number for chapter in section.chapters for number in chapter.articles]
        if listed == list(section.articles):
            continue
        for sub, chapter in enumerate(section.chapters):
            stray = [n for n in chapter.articles if n not in section.articles]
            if stray:
                yield ctx.problem_in(file, ("sections", index, "chapters", sub, "articles"), chapter.id,
                                     f"lists article {shown(stray[0])}, which section {section.number} does not list")
        absent = [n for n in section.articles if n not in listed]
        if absent:
            yield ctx.problem_in(file, ("sections", index, "chapters"), section.id,
                                 f"article {shown(absent[0])} is in no chapter: a section with chapters "
                                 "puts each of its articles in one")
        elif not any(n not in section.articles for n in listed):
            yield ctx.problem_in(file, ("sections", index, "chapters"), section.id,
                                 "the chapters list the section's articles out of order or twice: each "
                                 "chapter holds the next run of the section's `articles`")


def every_language_present(ctx: Context) -> Iterator[Problem]:
    """Every text unit has an entry for every language; `status: missing` says there is no text yet."""
    for unit in ctx.units:
        for lang in languages.LANGUAGES:
            if unit.unit.lang(lang) is None:
                yield unit.problem(f"no {lang} entry: write `{lang}:` with `status: missing` if it has no text yet",
                                   lang)


def status_matches_text(ctx: Context) -> Iterator[Problem]:
    """A `missing` entry has no text; an `official` or `unofficial` one has text."""
    for unit in ctx.units:
        for lang in languages.LANGUAGES:
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
    for file, keys, unit_id, lang, value in ctx.strings:
        if not value.strip():
            what = "empty" if not value else "only whitespace"
            yield Problem(file.display, file.line(*keys), unit_id, lang, f"{'.'.join(map(str, keys))} is {what}")


def text_is_nfc(ctx: Context) -> Iterator[Problem]:
    """Every string is in Unicode NFC (composed letters, as typed: й, not и + combining breve)."""
    for file, keys, unit_id, lang, value in ctx.strings:
        if not unicodedata.is_normalized("NFC", value):
            index = _first_not_nfc(value)
            yield Problem(file.display, file.line(*keys), unit_id, lang,
                          f"{'.'.join(map(str, keys))} is not in Unicode NFC (at character {index + 1}, "
                          f"U+{ord(value[index]):04X}): retype it or normalise it to NFC")


def text_has_no_combining_marks(ctx: Context) -> Iterator[Problem]:
    """No string in NFC holds a combining mark (a stress mark on а, an accent on a digit or sign)."""
    anywhere = {char for char in ctx.characters if unicodedata.category(char).startswith("M")}
    for file, keys, unit_id, lang, value in ctx.strings if anywhere else ():
        marks = anywhere.intersection(value)
        if not marks or not unicodedata.is_normalized("NFC", value):
            continue  # a string not in NFC is text_is_nfc's
        index = min(value.index(mark) for mark in marks)
        after = f" after {value[index - 1]!r}" if index else ""
        # kk, ru and en write every letter as one character; a mark NFC leaves apart is drawn
        # over the letter in the PDF, whose text layer then repeats that letter (а́ → а́а́)
        yield Problem(file.display, file.line(*keys), unit_id, lang,
                      f"{'.'.join(map(str, keys))} holds the combining mark U+{ord(value[index]):04X}{after}, at "
                      f"character {index + 1}: no letter of kk, ru or en takes it (the PDF's text would "
                      "repeat the letter); delete it")


def _first_not_nfc(value: str) -> int:
    """Where NFC first changes a string, in linear time: the first character that differs from
    its normal form, or the combining mark a few characters on that composes with it."""
    start = len(os.path.commonprefix([value, unicodedata.normalize("NFC", value)]))
    for index in range(max(0, start - 1), min(len(value), start + 8)):
        char = value[index]
        if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", char):
            return index
    return min(start, len(value) - 1)


def _why_hidden(char: str, lang: str) -> str | None:
    """What is wrong with one character of a string in `lang`, or None if it may stay (a joiner
    the language needs)."""
    if char in languages.LANGUAGE.get(lang, languages.LANGUAGE[languages.DEFAULT_LANGUAGE]).joiners:
        return None
    return text.unprintable(char)


def text_has_no_hidden_characters(ctx: Context) -> Iterator[Problem]:
    """No string holds a control, noncharacter, surrogate, bidi, zero-width or soft-hyphen character."""
    for file, keys, unit_id, lang, value in ctx.strings:
        found = [(m.start(), why) for m in text.UNPRINTABLE.finditer(value) if (why := _why_hidden(m.group(), lang))]
        if found:
            index, why = found[0]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            yield Problem(file.display, file.line(*keys), unit_id, lang,
                          f"{'.'.join(map(str, keys))} holds {why}, U+{ord(value[index]):04X}, at character "
                          f"{index + 1}{more}: no output can hold it or no reader sees it; delete it")


# What a spreadsheet opening constitution.csv reads as a formula at the start of a cell: =, +, @,
# or a minus before a number, a cell name, a bracket or another sign ("-1+1", "-A1"); a legal
# dash before a word ("- text", "— text", "-бап") is text.
FORMULA_START = re.compile(r"[=+@]|-(?=[\dA-Za-z(.$=+\-@])")


def exported_strings_not_formulas(ctx: Context) -> Iterator[Problem]:
    """No exported string (legal text, titles, document data) starts as a spreadsheet formula."""
    for file, keys, unit_id, lang, value in ctx.strings:
        if file.path.name != paths.UI_FILE and FORMULA_START.match(value):
            yield Problem(file.display, file.line(*keys), unit_id, lang,
                          f"{'.'.join(map(str, keys))} starts with {value[:1]!r}: a spreadsheet opening "
                          "constitution.csv would run it as a formula; reword its start")


WORD = re.compile(r"[^\W\d_]+")


@functools.cache  # a text has a few dozen distinct letters, read hundreds of thousands of times
def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    return "Latin" if name.startswith("LATIN") else "Cyrillic" if name.startswith("CYRILLIC") else ""


def words_in_one_script(ctx: Context) -> Iterator[Problem]:
    """A word does not mix Latin and Cyrillic letters (Latin i, e, o, a, c, p typed for Cyrillic ones)."""
    for file, keys, unit_id, lang, value in ctx.strings:
        if not {"Latin", "Cyrillic"} <= {_script(char) for char in set(value)}:
            continue  # no word of a string in one script can mix the two
        for word in dict.fromkeys(WORD.findall(value)):
            scripts = {_script(letter) for letter in set(word)}
            if {"Latin", "Cyrillic"} <= scripts:
                latin = "".join(dict.fromkeys(c for c in word if _script(c) == "Latin"))
                yield Problem(file.display, file.line(*keys), unit_id, lang,
                              f"'{word}' mixes Latin and Cyrillic letters (Latin: {latin})", WARNING)


def _placeholder_names(text: str) -> list[str]:
    """'{recital:ordinal}' and '{recital}' name the same value: a language may write it as a word."""
    return sorted(f"{{{name}}}" for _, name, _ in ui.parse(text) if name)


def ui_placeholders(ctx: Context) -> Iterator[Problem]:
    """A ui.yaml string is plain text with its key's {placeholders} in every language, `:ordinal` where read."""
    strings_, file = ctx.loaded.ui, file_of(ctx.loaded, ctx.loaded.directory / paths.UI_FILE)
    if strings_ is None or file is None:
        return
    for key, texts in strings_.items():
        allowed, parsed = ui.PLACEHOLDERS.get(key, frozenset()), {}
        for lang in languages.LANGUAGES:
            try:
                pieces = ui.parse(getattr(texts, lang))
            except ui.PlaceholderError as error:
                yield Problem(file.display, file.line(key, lang), key, lang, str(error))
                continue
            parsed[lang] = pieces
            for _, name, form in pieces:
                if name and name not in allowed:
                    known = " ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
                    yield Problem(file.display, file.line(key, lang), key, lang,
                                  f"unknown placeholder {{{name}}}: {key} knows {known}")
                elif form and key not in ORDINAL_KEYS:
                    yield Problem(file.display, file.line(key, lang), key, lang,
                                  f"placeholder {{{name}:{form}}}: only {{name:ordinal}} may carry a form, "
                                  f"and only in {', '.join(ORDINAL_KEYS)}")
        first = languages.LANGUAGES[0]
        if first not in parsed:
            continue
        expected = _placeholder_names(getattr(texts, first))
        for lang in languages.LANGUAGES[1:]:
            if lang not in parsed:
                continue
            found = _placeholder_names(getattr(texts, lang))
            if found != expected:
                yield Problem(file.display, file.line(key, lang), key, lang,
                              f"placeholders {' '.join(found) or '(none)'} differ from {first}'s "
                              f"{' '.join(expected) or '(none)'}")


# The CLDR pattern letters of a date (no time of day: a date has none to print)
DATE_FIELDS = frozenset("GyYuQqMLwWdDFEec")
MAX_FIELD_RUN = 5  # CLDR's widest field is five letters (MMMMM, EEEEE); 'y' * 100000 is no pattern


def _date_pattern_problem(pattern: str, lang: str) -> str | None:
    """Why a date pattern cannot date the site, or None: its letters, their runs, its quotes."""
    from babel.dates import format_date, tokenize_pattern

    if pattern.count("'") % 2:  # '' is a quote sign and 'words' come in pairs: an odd count never closes
        return "date pattern: a quote ' is not closed; quote words as 'г.' and write '' for the sign itself"
    try:
        fields = [value for kind, value in tokenize_pattern(pattern) if kind == "field"]
    except Exception as error:  # noqa: BLE001 - Babel's own errors for a bad pattern vary
        return f"date pattern cannot be read ({type(error).__name__}: {str(error)[:80]}); quote words as 'г.'"
    unknown = sorted({letter for letter, _ in fields} - DATE_FIELDS)
    if unknown:
        return (f"date pattern: '{''.join(unknown)}' is no field of a date (letters "
                f"{''.join(sorted(DATE_FIELDS))}; quote words as 'г.')")
    long = next(((letter, count) for letter, count in fields if count > MAX_FIELD_RUN), None)
    if long:
        return f"date pattern: {long[1]} '{long[0]}' in a row: a field is at most {MAX_FIELD_RUN} letters"
    try:
        format_date(datetime.date(2026, 1, 30), pattern, locale=languages.LANGUAGE[lang].date_locale)
    except Exception as error:  # noqa: BLE001
        return f"date pattern cannot be read ({type(error).__name__}: {str(error)[:80]}); quote words as 'г.'"
    return None


def date_patterns(ctx: Context) -> Iterator[Problem]:
    """ui.yaml's date_format is a CLDR date pattern of date fields, each at most five letters, quotes closed."""
    strings_, file = ctx.loaded.ui, file_of(ctx.loaded, ctx.loaded.directory / paths.UI_FILE)
    if strings_ is None or file is None:
        return
    for lang in languages.LANGUAGES:
        problem = _date_pattern_problem(strings_.get("date_format", lang), lang)
        if problem:
            yield Problem(file.display, file.line("date_format", lang), "date_format", lang, problem)


def point_letters(ctx: Context) -> Iterator[Problem]:
    """ui.yaml's point_letters are single letters, each once, enough for every lettered point of the source."""
    strings_, file = ctx.loaded.ui, file_of(ctx.loaded, ctx.loaded.directory / paths.UI_FILE)
    if strings_ is None or file is None:
        return
    lettered = [ids.number_key(u.unit.number)[0] for u in ctx.units if u.kind == "point" and ids.is_letter(u.unit.number)]
    for lang in languages.LANGUAGES:
        letters = strings_.get("point_letters", lang).split()
        where = (file.display, file.line("point_letters", lang), "point_letters", lang)
        odd = next((item for item in letters if len(item) != 1 or not item.isalpha()), None)
        if odd is not None:
            yield Problem(*where, f"point_letters holds {odd!r}: write single letters separated by spaces")
        elif len(set(letters)) != len(letters):
            twice = next(item for item in letters if letters.count(item) > 1)
            yield Problem(*where, f"point_letters holds {twice!r} twice: each letter names one place")
        elif lettered and max(lettered) > len(letters):
            yield Problem(*where, f"point_letters has {len(letters)} letters; the source letters a point "
                                  f"'{ids.letter(max(lettered))}' (the {max(lettered)}th)")


# The strings that reach the theme (Material prints MkDocs settings as they are, without
# escaping, and so do the project's own theme templates): site.yml's site name and
# description, the templates' strings and each language's own name.
THEME_SIGNS = re.compile(r"[<>&\"'`]")


def theme_strings_plain(ctx: Context) -> Iterator[Problem]:
    """The strings the theme prints (ui.UNESCAPED_KEYS) and language names hold no <, >, &, quote or backquote."""
    found = []
    ui_file = file_of(ctx.loaded, ctx.loaded.directory / paths.UI_FILE)
    if ctx.loaded.ui is not None and ui_file is not None:
        for key in ui.UNESCAPED_KEYS:
            found += [(ui_file, (key, lang), key, lang, ctx.loaded.ui.get(key, lang)) for lang in languages.LANGUAGES]
    if ctx.document:
        file, document = ctx.document
        found += [(file, ("languages", lang, "name"), "", lang, getattr(document.languages, lang).name)
                  for lang in languages.LANGUAGES]
    for file, keys, unit_id, lang, value in found:
        sign = THEME_SIGNS.search(value)
        if sign:
            yield Problem(file.display, file.line(*keys), unit_id, lang,
                          f"{'.'.join(keys)} holds {sign.group()!r}: the theme prints this name as HTML; "
                          "write it with typographic signs (« » ’) or in words")


def edition_id_names_files(ctx: Context) -> Iterator[Problem]:
    """The edition id, which names files, matches the strict file-naming pattern (core/ids.py)."""
    if ctx.document:
        file, document = ctx.document
        problem = ids.file_id_problem(document.edition.id)
        if problem:
            yield Problem(file.display, file.line("edition", "id"), "", "", f"edition.id {problem}")


def source_urls(ctx: Context) -> Iterator[Problem]:
    """Every source's url is an https, http or mailto address with no sign a page would read."""
    if ctx.document:
        file, document = ctx.document
        for lang in languages.LANGUAGES:
            url = getattr(document.sources, lang).url
            problem = urls.url_problem(url) if url is not None else None
            if problem:
                yield Problem(file.display, file.line("sources", lang, "url"), "", lang,
                              f"sources.{lang}.url {problem}")


def text_missing(ctx: Context) -> Iterator[Problem]:
    """Text still missing is named, as a warning (once per language when that language has none)."""
    for lang in languages.LANGUAGES:
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
    article_text_or_clauses, wrap_up_after_points, chapters_divide_sections, every_language_present,
    status_matches_text, text_not_blank, text_is_nfc, text_has_no_combining_marks,
    text_has_no_hidden_characters, exported_strings_not_formulas, words_in_one_script, ui_placeholders,
    date_patterns, point_letters, theme_strings_plain,
    edition_id_names_files, source_urls, text_missing,
)
