"""MkDocs hook: each page's own description, its title on the home page, and the tags of a shared link.

- Description (`<meta name="description">`, Material prints page.meta.description): the
  page's title and the first words of what it holds, in its language: an article's or the
  preamble's text, the first row of a side-by-side page in the page's language, a section's
  articles, the opening paragraph of the other pages (never their notices, links or
  controls); a home page has the site's description (site.yml). No two pages share one.
- Title: Material leaves the page's name out of the default language's home page alone
  (the other homes are not "the" home page to it); every home is titled "<page> - <site>".
- Open Graph and Twitter card tags (templates/head.html.j2): title, description, the
  canonical address, og:locale and the other languages as og:locale:alternate. The offline
  bundle has no address on the web: its pages keep the description only (build/offline.py).
"""

from __future__ import annotations

import html
import itertools
import re
from functools import lru_cache

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from constitution.core import contract, languages

LIMIT = 160  # characters: what search engines show of a description
# Not the page's own words: notices, links to elsewhere, controls, hidden strings, permalinks.
SKIPPED = frozenset({"admonition", "other-languages", "compare-link", contract.PARALLEL_CONTROLS,
                     contract.CITE_STRINGS, contract.PERMALINK, "pl-go", "pl-head", "headerlink"})
HEAD_END = "</head>"


CLASS_SPACE = re.compile("[ \t\r\n]+")  # what separates the names of a class attribute (XML's spaces)


def _left_out(element) -> bool:
    """Not the page's words: an h1, a hidden element or one of a SKIPPED class."""
    names = element.get("class")
    return (element.tag == "h1" or element.get("hidden") is not None
            or (names is not None and not SKIPPED.isdisjoint(CLASS_SPACE.split(names))))


def _kept(parent):
    """(element, its parent) of every element under `parent`, in document order, without the
    elements left out and what they hold (comments and processing instructions are no elements)."""
    for child in parent:
        if isinstance(child.tag, str) and not _left_out(child):
            yield child, parent
            yield from _kept(child)


def _text(element):
    """The texts under `element` in document order, as if what is left out had been dropped
    with its tail kept (lxml's drop_tree: the tail joins the text before it)."""
    text = element.text or ""
    for child in element:
        if isinstance(child.tag, str) and _left_out(child):
            text += child.tail or ""
            continue
        if text:
            yield text
        if isinstance(child.tag, str):
            yield from _text(child)
        text = child.tail or ""  # a comment's or processing instruction's own text is no text
    if text:
        yield text


def _is_unit(element, parent, language: str) -> bool:
    """A unit (its class names `contract.UNIT`), or the page's language's cell of a side-by-side row."""
    if f" {contract.UNIT} " in f" {element.get('class') or ''} ":
        return True
    return (element.tag == "div" and element.get("lang") == language and parent.tag == "div"
            and "pl-row" in (parent.get("class") or ""))


def _blocks(kept: list) -> list:
    """The paragraphs and innermost list items of `kept`, in its order (a page without units)."""
    items = {element for element in kept if element.tag == "li"}
    return [element for element in kept if element.tag == "p"
            or (element.tag == "li" and not any(inner in items for inner in element.iterdescendants("li")))]


def description(title: str, content: str, language: str) -> str:
    """'<title> — <first words of the page>', at most LIMIT characters, cut at a word.

    The words are those of the page's units (clauses, recitals, its language's side of a
    side-by-side row) where it has any, else of its paragraphs and list items, never of what
    is left out; they are read only as far as the description reaches (a side-by-side page of
    every article holds a thousand units)."""
    import lxml.html

    root = lxml.html.fragment_fromstring(content, create_parent="div")
    prefix = f"{title} — "
    words: list[str] = []
    length = len(prefix) - 1
    walked = _kept(root)
    seen = []  # up to the first unit: all of the page when it has none
    for element, parent in walked:
        if _is_unit(element, parent, language):
            units = (element for element, parent in walked if _is_unit(element, parent, language))
            blocks = itertools.chain([element], units)
            break
        seen.append(element)
    else:
        blocks = _blocks(seen)
    for block in blocks:
        for word in " ".join(_text(block)).split():
            words.append(word)
            length += 1 + len(word)
        if length > LIMIT:
            break  # shortened() keeps less than this
    if not words:
        raise PluginError(f"{title}: no text to describe the page with")
    return shortened(prefix + " ".join(words))


def shortened(text: str) -> str:
    if len(text) <= LIMIT:
        return text
    cut = text[:LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return f"{cut}…"


@lru_cache(maxsize=1)
def _head():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(loader=PackageLoader("constitution.site", "templates"), autoescape=True,
                              undefined=StrictUndefined)
    return environment.get_template("head.html.j2").module


def sharing_tags(**values) -> str:
    return str(_head().sharing(values))


def on_page_context(context, page, config, nav):
    language = config.theme["language"]
    home = page.file.src_uri == f"{language}/index.md"
    if home:
        page.meta.setdefault("title", page.title)
        text = config.site_description
    else:
        text = page.meta.get("description") or description(html.unescape(page.title), page.content or "", language)
    # Material's templates print it as it is (MkDocs' Jinja does not autoescape): escaped once here.
    page.meta["description"] = Markup.escape(str(text))
    return context


def on_post_page(output, page, config):
    if not page.canonical_url:
        raise PluginError(f"{page.file.src_uri}: no canonical address for its Open Graph tags (site_url)")
    language = config.theme["language"]
    tags = sharing_tags(
        site_name=config.site_name, title=html.unescape(page.title), description=page.meta["description"],
        url=page.canonical_url, locale=languages.LANGUAGE[language].locale,
        alternate_locales=[languages.LANGUAGE[other].locale for other in languages.others(language)])
    if output.count(HEAD_END) != 1:
        raise PluginError(f"{page.file.src_uri}: expected one {HEAD_END} to put the Open Graph tags before")
    return output.replace(HEAD_END, f"{tags}  {HEAD_END}")
