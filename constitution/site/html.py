"""The raw HTML blocks of the generated pages, from templates/fragments.html.j2 (autoescaped).

Each function takes plain values and returns the block as a string, on one line. Values are
escaped on output, with the standard library's spelling of entities (`&quot;`, `&#x27;`),
so that a page is the same bytes as it always was; the `literal` filter shows a text
exactly, its line breaks as <br>; `oneline` puts an attribute value on one line; `inline` shows
a short text exactly inside a fragment that stands within a Markdown line (a table cell, a list
item), where Markdown still reads `[`, `*`, `_` …: each such sign as a character reference.
"""

from __future__ import annotations

import html
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from constitution.core import contract
from constitution.core.text import literal
from constitution.site.markup import literal_markdown


def _escaped(value):
    """autoescape's finalize: escape a plain value once (Markup passes as it is)."""
    if value is None or isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))


def inline(text: str) -> Markup:
    """A short text for a fragment inside a Markdown line: every sign Markdown or HTML reads as &#NN;."""
    return Markup(literal_markdown(str(text)))


def oneline(text: str) -> str:
    """An attribute value on one line (whitespace runs become one space); escaped on output."""
    return " ".join(str(text).split())


FRAGMENTS = "fragments.html.j2"
EDITIONS = "editions.html.j2"  # the comparison views of a source of several editions (site/editions.py)


@lru_cache(maxsize=2)
def fragments(template: str = FRAGMENTS):
    environment = Environment(loader=PackageLoader("constitution.site", "templates"), autoescape=True,
                              undefined=StrictUndefined, finalize=_escaped, keep_trailing_newline=False)
    environment.filters.update(literal=literal, oneline=oneline, inline=inline)
    environment.globals["contract"] = contract
    return environment.get_template(template).module


def render(macro: str, *args, template: str = FRAGMENTS) -> str:
    return str(getattr(fragments(template), macro)(*args))
