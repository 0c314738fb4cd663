"""Read one language's published text (plain UTF-8) into pieces, every line accounted for.

The stages: normalise.py (line ends, spaces, invisible characters), pdftext.py (a PDF's page
furniture and cut words), the front matter here (the title, what comes before the document,
the preamble from its address «Мы,» on), structure.py (headings, clauses, points, notes, each
only where it stands as one) with headings.py's forms of them. What no unit holds is in
`entries`, the import report (report.py). The words are kept as published.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core.languages import LANGUAGE, UPPER, ImportPatterns
from constitution.core.problems import Problem, display_path
from constitution.core.reading import read_limited
from constitution.importer import headings, normalise, pdftext
from constitution.importer.report import Entry, quoted
from constitution.importer.structure import HEADINGS, Builder, Piece

MAX_INPUT_BYTES = 20_000_000
TITLE_WORD = rf"[{UPPER}][{UPPER}\-]+(?!\w)"
TITLE_WORD_OR_LETTER = rf"[{UPPER}][{UPPER}\-]*(?!\w)"  # "A", "I" inside a title
EXAMPLE = {"kk": "2-бап", "ru": "Статья 2", "en": "Article 2"}

__all__ = ["Piece", "Reading", "collapse", "read_file", "read_text", "split_recitals"]


@dataclass
class Reading:
    lang: str
    path: str
    layout: str  # lines, run-on, mixed or pdf
    title: str | None
    recitals: list[str]
    sections: dict
    chapters: dict
    articles: dict
    builder: Builder
    entries: list[Entry] = field(default_factory=list)

    def text(self, piece: Piece | None) -> str | None:
        return None if piece is None else self.builder.text(piece.spans)

    def parts(self, piece: Piece) -> list[str]:
        """Its own text (part 1) and its unnumbered parts."""
        return self.builder.parts(piece.spans)

    def title_of(self, piece: Piece) -> str | None:
        return self.builder.text(piece.title, flow=True)

    def wrap_up(self, piece: Piece) -> str | None:
        return self.text(piece.wrap_up)

    def counts(self) -> Counter:
        counts = Counter(recital=len(self.recitals), section=len(self.sections), chapter=len(self.chapters),
                         article=len(self.articles))
        for piece in (*self.sections.values(), *self.chapters.values(), *self.articles.values()):
            counts["note"] += len(piece.notes)
        for article in self.articles.values():
            counts["title"] += bool(article.title)
            for unit in (article, *article.clauses.values()):
                counts["clause"] += unit is not article
                counts["part"] += max(0, len(self.parts(unit)) - 1) + sum(
                    max(0, len(self.parts(point)) - 1) for point in unit.points.values())
                counts["point"] += len(unit.points)
                counts["closing text"] += bool(unit.wrap_up)
                counts["note"] += (len(unit.notes) if unit is not article else 0) + sum(
                    len(point.notes) for point in unit.points.values())
        counts["note"] += len(self.builder.preamble.notes)
        return counts


def collapse(text: str) -> str:
    return " ".join(text.split())


WORD = re.compile(r"\w+")
GAP = re.compile(r"(?<=[,;.])\s+")
NEXT_WORD = re.compile(r"[^\s,;.:]+")


def split_recitals(text: str, lang: str, opening: bool = True) -> list[str]:
    """Split a preamble paragraph into recitals by the language's patterns; a `;` always ends one."""
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
        elif text[gap.start() - 1] == ";":
            ends = True
        else:
            ends = bool(re.fullmatch(patterns.recital_ends, text[words[index][0]:words[index][1]])
                        or re.fullmatch(patterns.recital_starts, after.group()))
        if ends:
            recitals.append(text[start:gap.start()])
            start = gap.end()
    if text[start:]:
        recitals.append(text[start:])
    return recitals


# --- the front matter -------------------------------------------------------------------------

@dataclass
class Front:
    title: str | None
    start: int  # where the document's text (the preamble) starts
    skipped: list[tuple[int, int]]  # spans before it that are not the title
    is_document: bool  # a title or an address was found: what precedes the first heading is the preamble


def title_runs(body: str, patterns: ImportPatterns, end: int) -> list[re.Match]:
    return [run for run in re.finditer(rf"(?<!\w){TITLE_WORD}(?:[ \t]+{TITLE_WORD_OR_LETTER})*", body[:end])
            if patterns.title_word in run.group()]


def front_matter(body: str, lang: str, first_heading: int) -> Front:
    """The title is the capitals naming the constitution (the last such line before the preamble's
    address, so a headline above it is not); the preamble starts at the address where there is one."""
    patterns = LANGUAGE[lang].patterns
    address = None
    for match in re.finditer(rf"(?<!\w){patterns.address}", body[:first_heading]):
        before = body[:match.start()].rstrip()
        if not before or not (before[-1].islower() or before[-1] == ","):
            address = match
            break
    runs = title_runs(body, patterns, address.start() if address else first_heading)
    run = (runs[-1] if address else runs[0]) if runs else None
    title, start, skipped = None, 0, []
    if run:
        words = run.group().split()
        title_start = run.start()
        if re.fullmatch(patterns.draft, words[0]):
            words = words[1:]
        title = " ".join(words)
        draft = re.search(rf"(?:{patterns.draft})\.?\s*$", body[:title_start])
        skipped.append((0, draft.start() if draft else title_start))
        start = run.end()
        after = re.match(rf"\s*(?:{patterns.draft})\b\.?", body[start:])
        start += after.end() if after else 0
    if address:
        skipped.append((start, address.start()))
        start = address.start()
    return Front(title, start, [span for span in skipped if body[span[0]:span[1]].strip()],
                 bool(run or address))


def skipped_entries(builder: Builder, spans: list[tuple[int, int]], why: str) -> list[Entry]:
    entries = []
    for start, end in spans:
        offset = start
        for line in builder.body[start:end].split("\n"):
            if line.strip():
                entries.append(Entry(builder.path, builder.line_of(offset + len(line) - len(line.lstrip())),
                                     builder.lang, "skipped", f"{why}: {quoted(line)}"))
            offset += len(line) + 1
    return entries


# --- reading ----------------------------------------------------------------------------------

def starts_unit(lang: str):
    form = headings.forms(lang)

    def check(text: str) -> bool:
        return any(pattern.match(text) for pattern in (form.heading, form.clause, form.point))
    return check


def read_text(text: str, lang: str, path: str, from_pdf: bool | None = None) -> tuple[Reading | None, list[Problem]]:
    """Read one language's published text; a text with no article and no preamble is an error."""
    pdf = pdftext.looks_like_pdf(text) if from_pdf is None else from_pdf
    text, entries, problems = normalise.normalised(text, lang, path, pdf)
    if problems:
        return None, problems
    lines = list(enumerate(text.split("\n"), start=1))
    if pdf:
        lines, removed = pdftext.from_pdf(lines, lang, path, starts_unit(lang))
        entries.extend(removed)
    else:
        entries.extend(pdftext.page_numbers_in_typed_text(lines, lang, path, starts_unit(lang)))
    body = "\n".join(line for _, line in lines)
    builder = Builder(body, [number for number, _ in lines], lang, path, flowing_all=pdf)
    found = headings.candidates(body, lang)
    first_heading = next((c.start for c in found if c.kind in HEADINGS and builder.at_line_start(c.start)), len(body))
    front = front_matter(body, lang, first_heading)
    entries.extend(skipped_entries(builder, front.skipped, "before the document"))
    builder.read(found, front.start)
    entries.extend(builder.entries)
    if builder.trailing:
        entries.extend(skipped_entries(builder, [builder.trailing], "after the text, in no unit"))
    preamble = builder.preamble
    recitals = []
    if front.is_document:
        paragraphs = (builder.text(preamble.spans) or "").split("\n")
        recitals = [recital for index, line in enumerate(paragraphs) if line.strip()
                    for recital in split_recitals(line, lang, opening=index == 0)]
    else:
        entries.extend(skipped_entries(builder, preamble.spans, "before the first heading, no title or preamble"))
    if not builder.articles and not recitals:
        return None, [Problem(path, 1, "", lang,
                              f"no article heading (like '{EXAMPLE[lang]}') found: not a text to import")]
    reading = Reading(lang, path, layout(builder, pdf), front.title, recitals, builder.sections, builder.chapters,
                      builder.articles, builder, entries)
    return reading, []


def layout(builder: Builder, pdf: bool) -> str:
    """How the paragraphs that start units are laid out: lines, run-on, mixed (some of each) or pdf."""
    if pdf:
        return "pdf"
    flowing = {paragraph in builder.flowing for paragraph in builder.marks}
    return "mixed" if len(flowing) > 1 else "run-on" if flowing == {True} else "lines"


def read_file(path: Path, lang: str, from_pdf: bool | None = None) -> tuple[Reading | None, list[Problem]]:
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
    return read_text(text, lang, shown, from_pdf)
