"""How the PDF editions are written: the Jinja2 environment of templates/ and the CSS.

The templates write all the HTML; autoescape escapes every string they are given, and the
`lines` filter (core/text.py's `literal`, the one for both HTML outputs) prints legal text literally: escaped, a newline a <br>.
StrictUndefined makes a missing value an error, not an empty string. trim_blocks and
lstrip_blocks drop the line breaks around template tags, so the templates can be laid out
on lines while the HTML has no whitespace between elements (which WeasyPrint could render).
book.py prepares the data; single.py and parallel.py choose it for their template.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from constitution.core.text import literal

CSS_DIR = Path(__file__).parent
TEMPLATES_DIR = CSS_DIR / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["lines"] = literal
    return env


def render(template: str, **data) -> str:
    """The HTML of a template in templates/ filled with plain data."""
    return environment().get_template(template).render(**data)


def css_string(text: str) -> str:
    """A CSS string literal for generated content (footers). Backslashes, quotes, braces,
    parentheses, semicolons, angle brackets and every non-printable character (\\r and \\f end
    a CSS line too) are written as CSS escapes (`\\HH `): no text can end the string or the rule."""
    def escaped(char: str) -> str:
        if char == "\n":
            return "\\A "
        if char in '\\"\'{}();<>' or not char.isprintable() or ord(char) < 32:
            return f"\\{ord(char):X} "
        return char

    return '"' + "".join(escaped(char) for char in text) + '"'


def stylesheet(name: str, footer: str) -> str:
    """A layout's CSS (file in this folder) with the footer text of this edition."""
    css = (CSS_DIR / "pdf.css").read_text(encoding="utf-8")
    if name != "pdf":
        css += (CSS_DIR / f"{name}.css").read_text(encoding="utf-8")
    return css + f"\n@page {{ @bottom-left {{ content: {css_string(footer)}; }} }}\n"
