"""Text shown exactly as written, for both HTML outputs (the site's fragments and the PDFs).

`literal` is the one filter that turns a text into HTML: every line escaped, line breaks as
<br>, with the standard library's spelling of entities (`&quot;`, `&#x27;`), so a rebuilt
page is the same bytes. `capitalized` raises the first letter of a label that starts a line.
HIDDEN / UNPRINTABLE are the one table of characters no output holds or no reader sees.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup


def literal(text: str) -> Markup:
    """A text exactly as written, for HTML; each line break becomes <br>."""
    return Markup("<br>".join(html.escape(line) for line in str(text).split("\n")))


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# What no output can hold or no reader can see: the one table of unprintable characters, each
# kind with the words a message gives it. rules.py refuses them in the source, importer/normalise.py in
# an imported text, and problems.py writes them escaped in a problem line.
HIDDEN = {
    **{chr(c): "a bidirectional control" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                                   0x200E, 0x200F, 0x061C)},
    "\u200b": "a zero-width space", "\u200c": "a zero-width non-joiner (ZWNJ)",
    "\u200d": "a zero-width joiner (ZWJ)", "\u2060": "a word joiner", "\ufeff": "a zero-width no-break space (BOM)",
    "\u180e": "a Mongolian vowel separator", "\u00ad": "a soft hyphen",
    "\u2028": "a line separator", "\u2029": "a paragraph separator",
}
# controls (a line break is the only one a text keeps), surrogates, noncharacters and HIDDEN
UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff"
                         + "".join(sorted(HIDDEN)) + "".join(
                             chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
                         + "]")


def unprintable(char: str) -> str:
    """What kind of unprintable character `char` (a match of UNPRINTABLE) is, for a message."""
    code = ord(char)
    if char in HIDDEN:
        return HIDDEN[char]
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate (not a character)"
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "a noncharacter"
    return "a tab" if char == "\t" else "a control character"


def escaped_unprintable(text: str) -> str:
    """`text` on one line with every unprintable character (and a line break) as its escape, \\u202e."""
    return _SHOWN_ESCAPED.sub(lambda match: ascii(match.group())[1:-1], text)


_SHOWN_ESCAPED = re.compile(f"\n|{UNPRINTABLE.pattern}")
MAX_QUOTED = 80  # a quoted value in a problem line is cut there
_QUOTED = re.compile(r"'[^'\n]{%d,}'|\"[^\"\n]{%d,}\"" % (MAX_QUOTED + 1, MAX_QUOTED + 1))


def clipped(text: str, limit: int = MAX_QUOTED) -> str:
    """`text`, cut to `limit` characters with an ellipsis when it is longer."""
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


def quotes_clipped(line: str) -> str:
    """A line with every quoted value longer than MAX_QUOTED cut with an ellipsis (a 1.5 MB key)."""
    return _QUOTED.sub(lambda match: match.group()[0] + clipped(match.group()[1:-1]) + match.group()[0], line)
