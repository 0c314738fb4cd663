"""Read one language's published text (plain UTF-8) into pieces: title, recitals, sections,
articles, clauses `1.` and points `1)`, each with the line it starts on.

Either layout is read: one heading or clause per line, or run-on text. Only whitespace is
normalised (and Unicode to NFC, as validate requires); the words are kept as published.
How each language writes its headings is its record's `patterns` (core/languages.py).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core import ids
from constitution.core.languages import LANGUAGE, UPPER, ImportPatterns
from constitution.core.problems import Problem, display_path
from constitution.core.reading import read_limited
from constitution.core.text import UNPRINTABLE, unprintable

MAX_INPUT_BYTES = 20_000_000

# A heading is followed by the end of its line, or by a capital, a digit or a quote.
HEADING_END = rf"\.?(?=[ \t]*$|\s+[{UPPER}\d«\"“(])"
CLAUSE = r"(?<!\S)(\d{1,3})\.(?!\d)"
POINT = r"(?<!\S)(\d{1,3})\)"
TITLE_WORD = rf"[{UPPER}][{UPPER}\-]+(?!\w)"
TITLE_WORD_OR_LETTER = rf"[{UPPER}][{UPPER}\-]*(?!\w)"  # "A", "I" inside a title


@dataclass
class Piece:
    """One unit's text in one language as read, with the line it starts on."""

    line: int
    raw: str = ""
    section: int | None = None  # articles only
    clauses: dict[int, Piece] = field(default_factory=dict)
    points: dict[int, Piece] = field(default_factory=dict)


@dataclass
class Reading:
    lang: str
    path: str
    layout: str  # "lines" or "run-on"
    title: str | None
    recitals: list[str]
    sections: dict[int, Piece]
    articles: dict[int, Piece]

    def text(self, piece: Piece | None) -> str | None:
        if piece is None:
            return None
        if self.layout == "run-on":
            return " ".join(piece.raw.split()) or None
        lines = (" ".join(line.split()) for line in piece.raw.splitlines())
        return "\n".join(line for line in lines if line) or None


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # section, article, clause, point
    number: int


def collapse(text: str) -> str:
    return " ".join(text.split())


def roman_number(letters: str) -> int | None:
    letters = letters.replace("І", "I").replace("Х", "X")
    number = ids.from_roman(letters)
    return number if ids.roman(number) == letters else None


WORD = re.compile(r"\w+")
GAP = re.compile(r"(?<=[,;.])\s+")
NEXT_WORD = re.compile(r"[^\s,;.:]+")


def split_recitals(text: str, lang: str, opening: bool = True) -> list[str]:
    """Split a preamble paragraph into recitals by the language's patterns."""
    patterns, recitals = LANGUAGE[lang].patterns, []
    text = collapse(text)
    address = re.match(patterns.address, text) if opening else None
    if address:
        recitals.append(address.group())
        text = text[address.end():].lstrip()
    # linear in the line: the words are found once, each gap looks up the word before it
    words = [(match.start(), match.end()) for match in WORD.finditer(text)]
    ends_at = [end for _, end in words]
    start = 0
    for gap in GAP.finditer(text):
        index = bisect.bisect_right(ends_at, gap.start()) - 1
        after = NEXT_WORD.match(text, gap.end())
        if index < 0 or words[index][0] < start or not after:
            continue  # no word since the last recital, or none after the gap
        if text[gap.start() - 1] == ".":
            ends = bool(re.match(rf"[{UPPER}]", after.group()))
        else:
            ends = bool(re.fullmatch(patterns.recital_ends, text[words[index][0]:words[index][1]])
                        or re.fullmatch(patterns.recital_starts, after.group()))
        if ends:
            recitals.append(text[start:gap.start()])
            start = gap.end()
    if text[start:]:
        recitals.append(text[start:])
    return recitals


def find_title(text: str, patterns: ImportPatterns) -> tuple[str | None, int]:
    """The document's title (the first run of capitals naming the constitution) and its end."""
    for run in re.finditer(rf"(?<!\w){TITLE_WORD}(?:\s+{TITLE_WORD_OR_LETTER})*", text):
        if patterns.title_word in run.group():
            words = run.group().split()
            if re.fullmatch(patterns.draft, words[0]):
                words = words[1:]
            return " ".join(words), run.end()
    return None, 0


def marks(body: str, patterns: ImportPatterns) -> list[Mark]:
    found = []
    for kind, pattern in (("section", patterns.section + HEADING_END), ("article", patterns.article + HEADING_END),
                          ("clause", CLAUSE), ("point", POINT)):
        for match in re.finditer(pattern, body, re.MULTILINE):
            number = roman_number(match.group(1)) if kind == "section" and not match.group(1).isdigit() \
                else int(match.group(1))
            if number:
                found.append(Mark(match.start(), match.end(), kind, number))
    return sorted(found, key=lambda mark: (mark.start, -mark.end))


def _at_line_start(text: str, position: int) -> bool:
    return not text[text.rfind("\n", 0, position) + 1:position].strip()


def hidden_characters(text: str, lang: str, path: str) -> list[Problem]:
    """Each line of an input text holding a character no output holds or no reader sees (core/text.py's
    table, as validate refuses it), at the input's own line. Whitespace the reader collapses (a tab)
    and the joiners the language keeps may stay."""
    keep = LANGUAGE[lang].joiners
    found: dict[int, list[int]] = {}
    line, counted = 1, 0  # lines counted up to `counted`: linear however many there are
    for match in UNPRINTABLE.finditer(text):
        char = match.group()
        if not char.isspace() and char not in keep:
            line, counted = line + text.count("\n", counted, match.start()), match.start()
            found.setdefault(line, []).append(match.start())
    problems = []
    for line, positions in found.items():
        first, more = positions[0], f" (and {len(positions) - 1} more)" if len(positions) > 1 else ""
        column = first - text.rfind("\n", 0, first)
        problems.append(Problem(path, line, "", lang, f"holds {unprintable(text[first])}, U+{ord(text[first]):04X}, "
                                f"at column {column}{more}: no output can hold it or no reader sees it; delete it"))
    return problems


def read_text(text: str, lang: str, path: str) -> tuple[Reading | None, list[Problem]]:
    """Read one language's published text; a text with no article heading is an error."""
    patterns = LANGUAGE[lang].patterns
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    hidden = hidden_characters(text, lang, path)
    if hidden:
        return None, hidden
    title, start = find_title(text, patterns)
    draft = re.match(rf"\s*(?:{patterns.draft})\b\.?", text[start:])
    start += draft.end() if draft else 0
    body = text[start:]
    candidates = marks(body, patterns)
    first = next((mark for mark in candidates if mark.kind == "article"), None)
    if first is None:
        example = {"kk": "2-бап", "ru": "Статья 2", "en": "Article 2"}[lang]
        return None, [Problem(path, 1, "", lang, f"no article heading (like '{example}') found: not a text to import")]
    layout = "lines" if _at_line_start(body, first.start) else "run-on"
    if layout == "run-on":  # the document is one paragraph: it ends at the next blank line
        blank = re.compile(r"\n[ \t]*\n").search(body, first.end)
        body = body[:blank.start()] if blank else body

    def line_of(position: int) -> int:
        return text.count("\n", 0, start + position) + 1

    preamble = Piece(line_of(0))
    sections: dict[int, Piece] = {}
    articles: dict[int, Piece] = {}
    current, section, article, clause = preamble, None, None, None
    cursor = 0
    for mark in candidates:
        if mark.start < cursor or mark.end > len(body):
            continue
        if layout == "lines" and not _at_line_start(body, mark.start):
            continue
        piece = Piece(line_of(mark.start))
        if mark.kind == "section":
            if sections and mark.number <= max(sections):
                continue
            sections[mark.number] = piece
            section, article, clause = mark.number, None, None
        elif mark.kind == "article":
            if articles and mark.number <= max(articles):
                continue
            piece.section = section
            articles[mark.number] = article = piece
            clause = None
        else:
            parent = (article if mark.kind == "clause" else clause or article)
            if parent is None:
                continue
            siblings = parent.clauses if mark.kind == "clause" else parent.points
            last = max(siblings, default=0)
            if not (mark.number > last if layout == "lines" else mark.number == last + 1):
                continue
            siblings[mark.number] = piece
            if mark.kind == "clause":
                clause = piece
        current.raw += body[cursor:mark.start]
        current, cursor = piece, mark.end
    current.raw += body[cursor:]

    lines = preamble.raw.splitlines() if layout == "lines" else [preamble.raw]
    recitals = [recital for index, line in enumerate(l for l in lines if l.strip())
                for recital in split_recitals(line, lang, opening=index == 0)]
    return Reading(lang, path, layout, title, recitals, sections, articles), []


def read_file(path: Path, lang: str) -> tuple[Reading | None, list[Problem]]:
    shown = display_path(path)
    raw, why = read_limited(path, MAX_INPUT_BYTES)
    if raw is None:
        return None, [Problem(shown, 1, "", lang, "no such file" if why == "file is absent" else why)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "", lang, f"not UTF-8 text (byte 0x{raw[error.start]:02x})")]
    if "\x00" in text:
        return None, [Problem(shown, text[: text.index("\x00")].count("\n") + 1, "", lang,
                              "binary data (NUL byte), not plain text")]
    return read_text(text, lang, shown)
