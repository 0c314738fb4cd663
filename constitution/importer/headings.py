"""Every form a heading, a clause number, a point number or a note takes in one language, as regexes
made from the language's words (core/languages.py ImportPatterns), and the numbers they carry.

A heading is its word and its number in either order (`1-бап`, `3–бап`, `2 бап`, `Статья 26-1`,
`РАЗДЕЛ I`, `БІРІНШІ БӨЛІМ`, `Part One`), in any case, with Latin look-alike letters in a
Cyrillic word (`бөлiм`). Whether a match is used as a heading is structure.py's decision.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from constitution.core import ids
from constitution.core.languages import LANGUAGE, UPPER, ImportPatterns

# Letters typed for one another: Cyrillic and Latin look-alikes (both cases are matched anyway).
LOOKALIKES = {"а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
              "т": "t", "у": "y", "х": "x", "і": "i"}
CYRILLIC_TWINS = frozenset(LOOKALIKES)
LOOKALIKES.update({latin: cyrillic for cyrillic, latin in list(LOOKALIKES.items())})
ROMAN = r"[IVXLCІХ]+"  # Kazakh and Russian texts often type Cyrillic І and Х for Roman I and X
ARABIC = r"\d{1,3}(?:-\d{1,2})?"  # 26-1: an article added between 26 and 27
SENTENCE_END = ".;:!?…»”\""
OPENING_QUOTES, CLOSING_QUOTES = "«“„", "»”"


@functools.total_ordering
@dataclass(frozen=True, eq=False)
class Number:
    """A unit's number as printed (`26-1`, `IV`, `а`) and its place: 26-1 comes after 26, before 27.
    A plain number equals its int (a reading's `articles[2]`)."""

    main: int
    sub: int = 0
    label: str = field(default="", compare=False)
    letter: bool = field(default=False, compare=False)

    def __lt__(self, other: Number) -> bool:
        return (self.main, self.sub) < (other.main, other.sub)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, int):
            return self.sub == 0 and self.main == other
        return isinstance(other, Number) and (self.main, self.sub) == (other.main, other.sub)

    def __hash__(self) -> int:
        return hash(self.main) if not self.sub else hash((self.main, self.sub))

    @property
    def first(self) -> bool:
        return self.main == 1 and self.sub == 0

    def follows(self, before: Number | None) -> bool:
        """The next number after `before`: 27 or 26-1 after 26, 26-2 or 27 after 26-1; 1 first."""
        if before is None:
            return self.first
        return (self.main == before.main + 1 and self.sub == 0) or \
            (self.main == before.main and self.sub == before.sub + 1)

    def __str__(self) -> str:
        return self.label or (f"{self.main}-{self.sub}" if self.sub else str(self.main))


def loose(word: str) -> str:
    """A regex for `word` in any case, each letter also as its look-alike of the other script."""
    out = []
    for char in word:
        if char == " ":
            out.append(r"[ \t-]+")
            continue
        variants = {char.lower(), char.upper()}
        twin = LOOKALIKES.get(char.lower())
        if twin:
            variants |= {twin, twin.upper()}
        out.append("[" + "".join(sorted(variants)) + "]" if len(variants) > 1 else re.escape(char))
    return "".join(out)


def canonical(word: str) -> str:
    """A word in lower case with each Cyrillic look-alike letter as its Latin twin, to compare spellings."""
    return "".join(LOOKALIKES.get(char, char) if char in CYRILLIC_TWINS else char for char in word.lower())


def number_words(patterns: ImportPatterns) -> dict[str, int]:
    """Each ordinal (or cardinal) word for 1–99, as `canonical` spells it."""
    words = {}
    for table in patterns.number_words:
        for number in range(1, 100):
            word = table.word(number)
            if word:
                words.setdefault(canonical(word), number)
    return words


@dataclass(frozen=True)
class Forms:
    """One language's compiled forms."""

    heading: re.Pattern  # groups: word (section, chapter or article) and number, in the language's order
    clause: re.Pattern
    point: re.Pattern
    note: re.Pattern
    words: dict[str, int]
    kinds: dict[str, str]  # a heading word, lower case, -> section, chapter or article
    letters: str

    def number(self, text: str) -> Number | None:
        """The number a heading's number token means, or None."""
        token = " ".join(text.replace("–", "-").split())
        if re.fullmatch(ARABIC, token):
            main, _, sub = token.partition("-")
            return Number(int(main), int(sub or 0), token)
        if re.fullmatch(ROMAN, token):
            letters = token.replace("І", "I").replace("Х", "X")
            value = ids.from_roman(letters)
            return Number(value, 0, token) if value and ids.roman(value) == letters else None
        value = self.words.get(canonical(token).replace("-", " "))
        return Number(value, 0, token) if value else None

    def kind(self, word: str) -> str:
        return self.kinds[canonical(word)]

    def point_number(self, token: str) -> Number | None:
        if token[0].isdigit():
            main, _, sub = token.partition("-")
            return Number(int(main), int(sub or 0), token)
        index = canonical(self.letters).find(canonical(token))
        return Number(index + 1, 0, token, letter=True) if index >= 0 else None


@functools.cache
def forms(lang: str) -> Forms:
    patterns = LANGUAGE[lang].patterns
    words = number_words(patterns)
    spelled = "|".join(loose(table.word(n)) for n in range(99, 0, -1) for table in patterns.number_words
                       if table.word(n))
    number = rf"(?:{ARABIC}|{ROMAN}(?!\w)|(?:{spelled})(?!\w))"
    kinds = {canonical(word): kind for kind, group in (("section", patterns.section_words),
                                                  ("chapter", patterns.chapter_words),
                                                  ("article", patterns.article_words)) for word in group}
    spellings = [word for group in (patterns.section_words, patterns.chapter_words, patterns.article_words)
                 for word in group]
    heading_word = "|".join(loose(word) for word in sorted(spellings, key=len, reverse=True))
    number_part, word_part = rf"(?P<number>{number})", rf"(?P<word>{heading_word})"
    first, second = (number_part, word_part) if patterns.number_first else (word_part, number_part)
    heading = re.compile(rf"(?<!\w){first}[ \t]*[-–]?[ \t]*{second}(?!\w)")
    note = "|".join(loose(word) for word in sorted(patterns.note_words, key=len, reverse=True))
    letters = patterns.letters
    return Forms(
        heading=heading,
        clause=re.compile(rf"(?<![\w.,\-])(?P<n>{ARABIC})\.(?![\d.])"),
        point=re.compile(rf"(?<![\w(\-])(?P<n>{ARABIC}|[{letters}])\)"),
        note=re.compile(rf"(?<!\w)(?:{note})[ \t]*[.:]"),
        words=words, kinds=kinds, letters=letters)


@dataclass(frozen=True)
class Candidate:
    """A place in the text that may start a unit."""

    start: int
    end: int
    kind: str  # section, chapter, article, clause, point, note
    number: Number | None


def candidates(text: str, lang: str) -> list[Candidate]:
    """Every place that looks like a heading, a clause or point number or a note, in order."""
    form = forms(lang)
    found = []
    for match in form.heading.finditer(text):
        number = form.number(match.group("number"))
        if number:
            found.append(Candidate(match.start(), match.end(), form.kind(match.group("word")), number))
    for kind, pattern in (("clause", form.clause), ("point", form.point)):
        for match in pattern.finditer(text):
            number = form.number(match.group("n")) if kind == "clause" else form.point_number(match.group("n"))
            if number:
                found.append(Candidate(match.start(), match.end(), kind, number))
    found.extend(Candidate(match.start(), match.end(), "note", None) for match in form.note.finditer(text))
    return sorted(found, key=lambda c: (c.start, -c.end))


HEADING_REST = re.compile(rf"\.?[ \t]*$|\.?\s+(?=[{UPPER}\d«\"“(])|\s*[.:–—-]\s+(?=\S)")


def heading_end(text: str, end: int) -> re.Match | None:
    """After a heading: the end of the line, or a title or text that starts with a capital, a digit or a quote."""
    return HEADING_REST.match(text, end)
