"""MkDocs hook: every page's title reaches Material as HTML-escaped text in `page.meta["title"]`.

MkDocs titles a page by its nav entry, else by an H1 only if it is the page's very first
element; every generated page starts with the generated-file comment, so a page kept out of
the nav (each article side by side: `not_in_nav` in mkdocs.yml) would be titled "Index" in
its <title> and header. Its first `# Title {#id}` line (site/pages.py writes one on every
page) gives the title instead; a page outside the nav without one stops the build.

Material prints titles as they are (its templates do not autoescape), so a title is always
escaped HTML: the nav's are escaped by site/nav.py, a heading's signs are character references
(site/markup.py). A page without `meta.title` would get `<title>{{ page.title | striptags }}`,
and `striptags` turns the references back into markup (`&lt;/title&gt;` into `</title>`): so
every page but a language's home (titled by the site name) gets the escaped title as its
`meta.title`, which Material prints without `striptags`.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

HEADING = re.compile(r"^# (.+?)(?: \{#[^}\s]+\})?$", re.M)
UNSAFE = re.compile(r"[<>\"']|&(?!#\d+;|#x[0-9a-fA-F]+;|[a-z]+;)")  # what escaped HTML never holds raw

_in_nav: set[str] = set()  # src_uri of the pages of the nav being built (one language at a time)


def on_nav(nav, config, files):
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_page_markdown(markdown, page, config, files):
    if "title" in page.meta:
        raise PluginError(f"{page.file.src_uri}: sets its own meta title; titles come from the nav or "
                          "its '# Title' line")
    if page.file.src_uri in _in_nav:
        title = page.title  # site/nav.py's entry, escaped
        if page.is_homepage:
            return markdown
    else:
        heading = HEADING.search(markdown)
        if heading is None:
            raise PluginError(f"{page.file.src_uri}: not in the nav and no '# Title' line: it would be titled "
                              "after its file name")
        title = heading.group(1)  # the generator writes signs as &#NN;
    if not title or UNSAFE.search(title):
        raise PluginError(f"{page.file.src_uri}: title {title!r} is not escaped text")
    page.meta["title"] = title
    return markdown
