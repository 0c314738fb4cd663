"""Text shown exactly as written, for both HTML outputs (the site's fragments and the PDFs).

`literal` is the one filter that turns a text into HTML: every line escaped, line breaks as
<br>, with the standard library's spelling of entities (`&quot;`, `&#x27;`), so a rebuilt
page is the same bytes. `capitalized` raises the first letter of a label that starts a line.
"""

from __future__ import annotations

import html

from markupsafe import Markup


def literal(text: str) -> Markup:
    """A text exactly as written, for HTML; each line break becomes <br>."""
    return Markup("<br>".join(html.escape(line) for line in str(text).split("\n")))


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
