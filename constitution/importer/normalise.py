"""The first stage of reading a text: line ends, spaces and invisible characters made plain.

CR and CRLF become LF; no-break and other fixed-width spaces become spaces; soft hyphens,
zero-width characters and byte order marks (anywhere, as in concatenated files) are removed;
line and paragraph separators become line ends. Each kind is reported once, with its count
and the first line it was on. What stays unprintable (a bidi control, a control character)
is an error at its line: no output may hold it (core/text.py's table).
"""

from __future__ import annotations

import re
import unicodedata

from constitution.core.languages import LANGUAGE
from constitution.core.problems import Problem
from constitution.core.text import UNPRINTABLE, unprintable
from constitution.importer.report import Entry

# what is replaced, by what, and how a report line names it
REPLACED = (
    ("\r\n", "\n", "CRLF line end(s) read as line ends"),
    ("\r", "\n", "CR line end(s) read as line ends"),
    ("\u2028", "\n", "line separator(s) read as line ends"),
    ("\u2029", "\n\n", "paragraph separator(s) read as blank lines"),
    ("[\u00a0\u2007\u202f]", " ", "no-break space(s) read as spaces"),
    ("\u00ad", "", "soft hyphen(s) removed"),
    ("[\u200b\u2060\u180e]", "", "zero-width character(s) removed"),
    ("\ufeff", "", "byte order mark(s) removed"),
)
JOINERS = "[\u200c\u200d]"


CUT = ("\u00ad[ \t]*(?=\r?\n|\r|\f)", "-", "soft hyphen(s) at line ends read as words cut in two")


def normalised(text: str, lang: str, path: str, pdf: bool = False) -> tuple[str, list[Entry], list[Problem]]:
    """The text made plain, what was changed (one entry per kind), and what cannot be. In a PDF's
    text a soft hyphen at a line end is where typesetting cut a word: it becomes a hyphen there."""
    entries = []
    for pattern, replacement, what in ((CUT,) if pdf else ()) + REPLACED:
        found = list(re.finditer(pattern, text))
        if not found:
            continue
        line = text.count("\n", 0, found[0].start()) + 1
        entries.append(Entry(path, line, lang, "normalised", f"{len(found)} {what}"
                             + (f" (first on line {line})" if len(found) > 1 else "")))
        text = re.sub(pattern, replacement, text)
    joiners = [m for m in re.finditer(JOINERS, text) if m.group() not in LANGUAGE[lang].joiners]
    if joiners:
        entries.append(Entry(path, text.count("\n", 0, joiners[0].start()) + 1, lang, "normalised",
                             f"{len(joiners)} zero-width joiner(s) removed"))
        keep = LANGUAGE[lang].joiners
        text = re.sub(JOINERS, lambda m: m.group() if m.group() in keep else "", text)
    return unicodedata.normalize("NFC", text), entries, hidden_characters(text, lang, path)


def hidden_characters(text: str, lang: str, path: str) -> list[Problem]:
    """Each line still holding a character no output holds or no reader sees (core/text.py's table,
    as validate refuses it), at its line. A tab and a form feed (a PDF's page break) may stay."""
    found: dict[int, list[int]] = {}
    line, counted = 1, 0  # lines counted up to `counted`: linear however many there are
    for match in UNPRINTABLE.finditer(text):
        if match.group() in "\t\f":
            continue
        line, counted = line + text.count("\n", counted, match.start()), match.start()
        found.setdefault(line, []).append(match.start())
    problems = []
    for line, positions in found.items():
        first, more = positions[0], f" (and {len(positions) - 1} more)" if len(positions) > 1 else ""
        column = first - text.rfind("\n", 0, first)
        problems.append(Problem(path, line, "", lang, f"holds {unprintable(text[first])}, U+{ord(text[first]):04X}, "
                                f"at column {column}{more}: no output can hold it or no reader sees it; delete it"))
    return problems
