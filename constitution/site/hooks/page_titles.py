"""MkDocs hook: a page outside the nav is titled by its `# Heading`, not by its file name.

MkDocs titles a page by its nav entry, else by an H1 only if it is the page's very first
element; every generated page starts with the generated-file comment, so a page kept out of
the nav (each article side by side: `not_in_nav` in mkdocs.yml) would be titled "Index" in
its <title> and header. Its first `# Title {#id}` line (site/pages.py writes one on every
page) gives the title instead; a page outside the nav without one stops the build.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

HEADING = re.compile(r"^# (.+?)(?: \{#[^}\s]+\})?$", re.M)

_in_nav: set[str] = set()  # src_uri of the pages of the nav being built (one language at a time)


def on_nav(nav, config, files):
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in _in_nav or "title" in page.meta:
        return markdown
    heading = HEADING.search(markdown)
    if heading is None:
        raise PluginError(f"{page.file.src_uri}: not in the nav and no '# Title' line: it would be titled "
                          "after its file name")
    page.meta["title"] = html.unescape(heading.group(1))  # the generator writes signs as &#NN;
    return markdown
