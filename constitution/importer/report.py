"""The import report: what became of every input line that is in no unit, and the counts.

An entry is one line `file:line: id: lang: kind: what`. Its kind says what happened:
`normalised` (a character kind replaced, once with its count), `removed` (a PDF's page
furniture, a hyphen joined), `skipped` (lines before the document), or `warning` (a
heading-like line read as text, a gap in the numbers, a unit one language lacks, a unit
`--keep` could not keep): only warnings fail an import under `--strict`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from constitution.core.text import clipped, escaped_unprintable

KINDS = ("normalised", "removed", "skipped", "warning")


@dataclass(frozen=True)
class Entry:
    path: str
    line: int
    lang: str
    kind: str  # one of KINDS
    what: str
    id: str = "-"

    def __str__(self) -> str:
        return escaped_unprintable(f"{self.path}:{self.line}: {self.id or '-'}: {self.lang}: {self.kind}: {self.what}")

    @property
    def warning(self) -> bool:
        return self.kind == "warning"


def quoted(text: str) -> str:
    return repr(clipped(" ".join(text.split()), 60))


def summary(counts: Counter, entries: list[Entry]) -> list[str]:
    """The report: units per kind, entries per kind, then every entry in file and line order."""
    units = ", ".join(f"{count} {kind}(s)" for kind, count in counts.items() if count)
    kinds = Counter(entry.kind for entry in entries)
    lines = [f"import report: {units or 'no units'}; "
             + (", ".join(f"{kinds[kind]} {kind}" for kind in KINDS if kinds[kind]) or "nothing to report")]
    order = {kind: index for index, kind in enumerate(KINDS)}
    lines.extend(str(entry) for entry in sorted(entries, key=lambda e: (e.path, e.line, order[e.kind])))
    return lines


def alignment_table(counts: dict[str, dict[str, tuple[int, int]]], langs: list[str]) -> list[str]:
    """Articles whose clause or point counts differ between the languages: `counts` is
    {article label: {lang: (clauses, points)}}, a language without the article absent (`-`);
    an empty list when they all agree."""
    rows = [(article, by_lang) for article, by_lang in counts.items()
            if len(by_lang) < len(langs) or len(set(by_lang.values())) > 1]
    if not rows:
        return []
    header = ["article", *(f"{lang} clauses/points" for lang in langs)]
    table = [header] + [[article, *(f"{by_lang[lang][0]}/{by_lang[lang][1]}" if lang in by_lang else "-"
                                    for lang in langs)] for article, by_lang in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = [f"alignment: {len(rows)} article(s) where the languages disagree in clause or point count"]
    lines.extend("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in table)
    return lines
