"""MkDocs hook: the hreflang alternates, with x-default, absolute, in the sitemap (not in the pages).

Material prints config.extra.alternate (static-i18n points it at the language roots) as
relative <link rel="alternate" hreflang> in each page's head, and its script fetches a
`sitemap.xml` beside each such link's address: none exists there, so every page made two
to four requests answered 404 (console errors). Search engines read hreflang from the
sitemap as well as from the head, so the alternates are left out of the pages and written,
absolute and with x-default, in the sitemap only; static-i18n's own sitemap has no x-default
and dates every page with the build day, and a rebuild of the same source should give the
same files. The URLs come from urls.page_url(). The language selector keeps its relative
links (they also work offline). Only the head is searched (the page split once at </head>):
the links are there, and the rest of the page is most of its bytes.
"""

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from mkdocs.exceptions import PluginError

from constitution.core import languages, urls

MATERIAL_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
HEAD_END = "</head>"
SITEMAP = "sitemap.xml"
NOT_FOUND = "404.html"


def page_key(src_uri: str) -> str:
    """'ru/art_2/index.md' -> 'art_2'; 'kk/index.md' -> ''; 'en/parallel/art_2/index.md' ->
    'parallel/art_2'; a comparison view of several editions, 'kk/compare/<a>..<b>/art_4/index.md'
    -> 'compare/<a>..<b>/art_4' (see urls.page_source)."""
    parts = src_uri.split("/")
    if parts[0] not in languages.LANGUAGES or parts[-1] != "index.md" or len(parts) > 5:
        raise PluginError(f"{src_uri}: not a generated page path (urls.page_source)")
    return "/".join(parts[1:-1])


def alternates(site_url: str, key: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of a page in every language, then x-default."""
    links = [(lang, urljoin(site_url, urls.page_url(key, lang))) for lang in languages.LANGUAGES]
    return links + [("x-default", dict(links)[languages.DEFAULT_LANGUAGE])]


def without_alternates(html: str, where: str) -> str:
    """The page without the theme's hreflang links (the sitemap has them)."""
    head, end, body = html.partition(HEAD_END)
    head, found = MATERIAL_ALTERNATE.subn("", head)
    if not end or found != len(languages.LANGUAGES):
        raise PluginError(f"{where}: expected {len(languages.LANGUAGES)} hreflang links "
                          f"from the theme in the head, found {found}")
    return f"{head}{end}{body}"


def on_post_page(output, page, config):
    page_key(page.file.src_uri)  # a page the sitemap can name
    return without_alternates(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    if template_name != NOT_FOUND or 'rel="alternate"' not in output_content.partition(HEAD_END)[0]:
        return output_content  # the not_found hook may hand on a page already done
    return without_alternates(output_content, template_name)


def sitemap(site_url: str, keys: list[str]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for key in keys:
        links = alternates(site_url, key)
        for lang, href in links[:-1]:
            lines.append(f"  <url>\n    <loc>{href}</loc>")
            lines += [f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(url)}/>'
                      for other, url in links]
            lines.append("  </url>")
    return "\n".join(lines + ["</urlset>", ""])


# Runs after each language's build has written the theme's sitemap, so the last word is ours.
def on_post_build(config):
    docs = Path(config.docs_dir) / languages.DEFAULT_LANGUAGE
    keys = sorted(page_key(path.relative_to(config.docs_dir).as_posix()) for path in docs.rglob("index.md"))
    text = sitemap(config.site_url, keys).encode("utf-8")
    site = Path(config.site_dir)
    (site / SITEMAP).write_bytes(text)
    (site / f"{SITEMAP}.gz").write_bytes(gzip.compress(text, mtime=0))
