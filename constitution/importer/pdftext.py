"""Text extracted from a PDF (poppler's `pdftotext`, with or without `-layout`): the page furniture
removed and the words split at line ends joined, every removal listed in the report.

A page ends at a form feed; in a text without them (`pdftotext -nopgbrk`, read with
`--from-pdf`), after each line that is only a page number, where two or more run in sequence
(1, 2, 3 …). A line at the top or bottom of pages that repeats on at least
half of them (and on two or more) is a running header or footer; a line there that is only a
page number (`7`, `- 7 -`, `7 / 40`, `Page 7`, `стр. 7`, `7-бет`) is a page number. A line
that ends in a letter and a hyphen, followed by one that starts in lower case, is one word cut
in two. Wrapped lines are joined by the structure stage (a PDF's paragraphs all flow).
"""

from __future__ import annotations

import re
from collections import Counter

from constitution.importer.report import Entry, quoted

Lines = list[tuple[int, str]]  # (line number in the input file, its text)

PAGE_NUMBER = re.compile(r"[\W_]*(?:(?:page|p\.|стр\.?|страница|бет)\s*)?\d{1,4}(?:\s*(?:/|of|из)\s*\d{1,4})?"
                         r"(?:\s*-?\s*(?:бет|page))?[\W_]*", re.IGNORECASE)
CUT_WORD = re.compile(r"\w-$")
ZONE = 2  # lines at a page's top and bottom where furniture may be


def looks_like_pdf(text: str) -> bool:
    """pdftotext ends every page with a form feed; no typed text has one."""
    return "\f" in text


def pages(lines: Lines) -> list[Lines]:
    if not any("\f" in text for _, text in lines):
        return numbered_pages(lines)
    out: list[Lines] = [[]]
    for number, text in lines:
        parts = text.split("\f")
        for index, part in enumerate(parts):
            if index:
                out.append([])
            if part.strip() or index == 0:
                out[-1].append((number, part))
    return [page for page in out if any(text.strip() for _, text in page)]


def page_number(text: str) -> int | None:
    """The number of a line that is only a page number (`7`, `- 7 -`, `стр. 7`), else None."""
    text = text.strip()
    return int(re.search(r"\d+", text).group()) if PAGE_NUMBER.fullmatch(text) and any(
        ch.isdigit() for ch in text) else None


def page_number_run(lines: Lines, accept=lambda text: True) -> list[int]:
    """Indexes of the lines of the longest run of page numbers in sequence (1, 2, 3 …, each a
    line of its own that `accept`s), at least two: a number alone on a line once is no page's."""
    ending: dict[int, tuple[int, int]] = {}  # page number -> (length, last line) of the longest run ending so
    before: dict[int, int | None] = {}  # a run's line -> the line of its previous page number
    for index, (_, text) in enumerate(lines):
        if (number := page_number(text)) is not None and accept(text):
            length, previous = ending.get(number - 1, (0, None))
            if length + 1 > ending.get(number, (0, None))[0]:
                ending[number], before[index] = (length + 1, index), previous
    length, last = max(ending.values(), default=(0, None))
    run = []
    while length >= 2 and last is not None:
        run.append(last)
        last = before[last]
    return sorted(run)


def numbered_pages(lines: Lines) -> list[Lines]:
    """The lines cut into pages after each page number of the longest run in sequence, or one
    page where there is none."""
    ends = set(page_number_run(lines))
    out: list[Lines] = [[]]
    for index, line in enumerate(lines):
        out[-1].append(line)
        if index in ends:
            out.append([])
    return [page for page in out if any(text.strip() for _, text in page)]


def page_numbers_in_typed_text(lines: Lines, lang: str, path: str, starts_unit) -> list[Entry]:
    """A warning for each line of a text read as typed that looks like a PDF's page number (a run
    of them in sequence, none a clause's or point's number): kept in the text unless the text is
    read with --from-pdf, so never kept silently."""
    run = page_number_run(lines, lambda text: not starts_unit(text.strip()))
    return [Entry(path, lines[index][0], lang, "warning",
                  f"{quoted(lines[index][1])} is kept as text, but looks like a page number of a PDF's text "
                  "(one of a run in sequence): import it with --from-pdf to drop page furniture")
            for index in run]


def zone(page: Lines) -> list[int]:
    """Indexes of the page's first and last non-blank lines."""
    filled = [index for index, (_, text) in enumerate(page) if text.strip()]
    return sorted(set(filled[:ZONE] + filled[-ZONE:]))


def key(text: str) -> str:
    return re.sub(r"^\d+\s*|\s*\d+$", "", " ".join(text.split())).lower()


def from_pdf(lines: Lines, lang: str, path: str, starts_unit) -> tuple[Lines, list[Entry]]:
    """The lines without page furniture and with cut words joined. `starts_unit(text)` says whether
    a line begins a heading, clause or point (such a line is never furniture)."""
    entries = []
    feeds = sum(text.count("\f") for _, text in lines)
    if feeds:
        first = next(number for number, text in lines if "\f" in text)
        entries.append(Entry(path, first, lang, "removed", f"{feeds} form feed(s) (page breaks) dropped"))
    split = pages(lines)
    seen = Counter(key(page[index][1]) for page in split for index in zone(page)
                   if not starts_unit(page[index][1].strip()))
    repeated = {text for text, count in seen.items() if text and count >= 2 and count * 2 >= len(split)}
    kept: Lines = []
    for page in split:
        furniture = set()
        for index in zone(page):
            text = page[index][1].strip()
            if PAGE_NUMBER.fullmatch(text) and any(ch.isdigit() for ch in text) and len(split) > 1:
                furniture.add(index)
                entries.append(Entry(path, page[index][0], lang, "removed", f"page number {quoted(text)}"))
            elif key(text) in repeated and not starts_unit(text):
                furniture.add(index)
                entries.append(Entry(path, page[index][0], lang, "removed", f"running header or footer {quoted(text)}"))
        kept.extend(line for index, line in enumerate(page) if index not in furniture)
    return joined_words(kept, lang, path, entries), entries


def joined_words(lines: Lines, lang: str, path: str, entries: list[Entry]) -> Lines:
    """A word cut at a line end (`сло-` / `во`) joined, across the blank lines a page break left."""
    out: Lines = []
    for number, text in lines:
        stripped = text.strip()
        filled = next((index for index in range(len(out) - 1, -1, -1) if out[index][1].strip()), None)
        if stripped[:1].islower() and filled is not None and CUT_WORD.search(out[filled][1].rstrip()):
            before_number, before = out[filled]
            before = before.rstrip()
            word = before.split()[-1][:-1] + stripped.split()[0]
            entries.append(Entry(path, number, lang, "removed", f"hyphen at the end of line {before_number}: "
                                 f"joined {quoted(word)}"))
            del out[filled + 1:]
            out[filled] = (before_number, before[:-1] + stripped)
            continue
        out.append((number, text))
    return out
