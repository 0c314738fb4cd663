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
from functools import lru_cache

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from constitution.core import contract, languages

LIMIT = 160  # characters: what search engines show of a description
# Not the page's own words: notices, links to elsewhere, controls, hidden strings, permalinks.
SKIPPED = ("admonition", "other-languages", "compare-link", contract.PARALLEL_CONTROLS, contract.CITE_STRINGS,
           contract.PERMALINK, "pl-go", "pl-head", "headerlink")
HEAD_END = "</head>"


@lru_cache(maxsize=1)
def _paths():
    """The XPath expressions of `description`, compiled once (not once per page)."""
    from lxml import etree

    skipped = etree.XPath("|".join(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
                                   for name in SKIPPED) + " | .//*[@hidden] | .//h1")
    units = etree.XPath(f".//*[contains(concat(' ', @class, ' '), ' {contract.UNIT} ')]"
                        " | .//div[contains(@class, 'pl-row')]/div[@lang=$lang]")
    return skipped, units, etree.XPath(".//p | .//li[not(.//li)]")


def description(title: str, content: str, language: str) -> str:
    """'<title> — <first words of the page>', at most LIMIT characters, cut at a word."""
    import lxml.html

    skipped, unit_path, block_path = _paths()
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    for el in skipped(root):
        el.drop_tree()
    units = unit_path(root, lang=language)
    blocks = units or block_path(root)
    words = " ".join(" ".join(" ".join(block.itertext()).split()) for block in blocks)
    words = " ".join(words.split())
    if not words:
        raise PluginError(f"{title}: no text to describe the page with")
    return shortened(f"{title} — {words}")


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
