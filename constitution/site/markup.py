"""Literal text in generated pages: legal text as raw HTML, UI strings as inert Markdown.

Nothing the source holds may ever act as markup. Legal text goes into raw HTML blocks
(html.py's autoescaped templates, a line break as <br>), which Markdown and its extensions
leave alone; short
strings that must sit inside Markdown (headings, links, list items, table cells) have every
ASCII sign that some extension could read (`*`, `_`, `[`, `{`, `:`, `|`, `<`, `-` ...)
written as a numeric character reference, which every extension passes through.
"""

from __future__ import annotations

import math

from constitution.core import ids
from constitution.source import labels, ui

# Signs left as they are in Markdown: they mean nothing inside a line we start ourselves.
_PLAIN_ASCII = frozenset(" ,.;?/%@")


def literal_markdown(text: str) -> str:
    """Inline Markdown that shows `text` exactly as written, on one line."""
    out = []
    for char in " ".join(text.split("\n")):
        if char.isascii() and not char.isalnum() and char not in _PLAIN_ASCII:
            out.append(f"&#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


def fill(template: str, markdown: dict[str, str] | None = None, **values) -> str:
    """Fill a UI string: its own words and plain `values` literal, `markdown` fields as given. The
    placeholders are read by source/ui.parse, the one reader (labels.fill is the plain-text twin)."""
    markdown = markdown or {}
    out = []
    for text, name, form in ui.parse(template):
        out.append(literal_markdown(text))
        if not name:
            continue
        if form:  # only labels.fill knows a language's ordinal words; no page string has one
            raise KeyError(f"UI string {template!r}: {{{name}:{form}}} is filled by source/labels.py")
        if name in markdown:
            out.append(markdown[name])
        elif name in values:
            out.append(literal_markdown(str(values[name])))
        else:
            raise KeyError(f"UI string {template!r} has no value for {{{name}}}")
    return "".join(out)


def _follows(number: int | str, following: int | str | None) -> bool:
    """Whether `following` is the next article after `number`: 2 after 1, 2-1 after 2 or 2-1, 3 after 2-1."""
    if following is None:
        return False
    base, after = ids.base_number(number), ids.number_key(following)
    return after == (base + 1,) or (len(after) > 1 and after[0] == base)


def ranges(numbers: list[int | str]) -> str:
    """Article numbers as ranges: [1, 2, 3, 5] -> '1–3, 5', [1, 2, '2-1', 3] -> '1–3' (en dash, as in print)."""
    ordered = sorted(set(numbers), key=ids.number_key)
    parts, start = [], None
    for index, number in enumerate(ordered):
        if start is None:
            start = number
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if not _follows(number, following):
            parts.append(str(start) if start == number else f"{start}–{number}")
            start = None
    return ", ".join(parts)


NO_BREAK_SPACE = "\u00a0"


def file_size(size: int, kb: str, mb: str, decimal: str) -> str:
    """Bytes for a reader: '{n} KB' rounded up below a megabyte, else '{n} MB' with one decimal;
    its spaces no-break ones, so a line never ends between the number and its unit ('26 | КБ')."""
    if size < 1024 * 1024:
        words = labels.fill(kb, "", n=max(1, math.ceil(size / 1024)))
    else:
        words = labels.fill(mb, "", n=f"{size / (1024 * 1024):.1f}".replace(".", decimal))
    return words.replace(" ", NO_BREAK_SPACE)


def excerpt(text: str, limit: int = 160) -> str:
    """The start of a text on one line, cut at a word and marked with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return f"{cut}…"
