"""Site addresses. URLs never change: a page has one language-neutral key, the same path in
every language (the default language at the root, the others under <lang>/), and a unit's
anchor is its id. PDFs, exports and the offline bundle link into the site with these.
`url_problem` is the one check of an address that comes from outside (a source's link,
SITE_URL): a scheme of the allow-list and no sign that Markdown or HTML could read."""

import posixpath
import re
from functools import lru_cache
from urllib.parse import urlsplit

from .ids import TITLE_ID
from .languages import DEFAULT_LANGUAGE

HOME_PAGE = ""  # page key of the home page
ABOUT_PAGE = "about"
DOWNLOADS_PAGE = "downloads"
PARALLEL_PAGE = "parallel"  # the languages side by side: the whole text, and parallel/art_N
STATUS_PAGE = "status"
DOWNLOADS_DIR = "downloads"  # site folder holding the files of dist/ (beside the kk Downloads page)
LOCAL_SITE_URL = "http://localhost:8000/"  # mkdocs.yml's site_url when SITE_URL is unset (a test checks)


def parallel_page(article: str | None = None) -> str:
    """Page key of the side-by-side view: 'parallel' (whole text) or 'parallel/art_2'."""
    return f"{PARALLEL_PAGE}/{article}" if article else PARALLEL_PAGE


def page_of(unit_id: str) -> str:
    """The page that shows a unit: its article, the preamble or its section; the title is on home."""
    return HOME_PAGE if unit_id == TITLE_ID else unit_id.split("__")[0]


def page_url(page: str, lang: str) -> str:
    """Site-relative URL of a page: 'art_2/' in kk, 'ru/art_2/' in ru; kk home is ''."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}{page}/" if page else prefix


def unit_url(unit_id: str, lang: str) -> str:
    """Site-relative URL of a unit's anchor, e.g. 'ru/art_2/#art_2__para_4'."""
    return f"{page_url(page_of(unit_id), lang)}#{unit_id}"


def page_file(page: str, lang: str) -> str:
    """A page's built file, 'ru/art_2/index.html': raw HTML links to it work both on the website
    (directory URLs) and in the offline bundle (file URLs), where MkDocs rewrites only Markdown links."""
    return f"{page_url(page, lang)}index.html"


def page_source(page: str, lang: str) -> str:
    """The generated Markdown file of a page, relative to docs/ (every page is a folder's index)."""
    return f"{lang}/{page}/index.md" if page else f"{lang}/index.md"


def download_url(name: str) -> str:
    """Site-relative URL of a file of dist/, the same from every language."""
    return f"{DOWNLOADS_DIR}/{name}"


SCHEMES = ("https", "http", "mailto")  # the addresses a page may link to; SITE_URL: http(s) only
# RFC 3986's unreserved and reserved signs and %HH, less those Markdown or HTML read ( ) [ ] * ' "
_URL_SIGNS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#@!$&+,;=]|%[0-9A-Fa-f]{2})+")
# SITE_URL is printed into XML (the sitemap), attributes and scripts as it is: unreserved signs only
_SITE_SIGNS = re.compile(r"(?:[A-Za-z0-9\-._~:/]|%[0-9A-Fa-f]{2})+")
MAX_URL = 2000


@lru_cache(maxsize=1 << 14)
def relative(target: str, folder: str) -> str:
    """posixpath.relpath of two paths inside the site, kept: a page links the same few files
    from many of its cells and lines (relpath itself asks the system for the working folder)."""
    return posixpath.relpath(target, folder)


def url_problem(url: str, site: bool = False) -> str | None:
    """Why `url` is not an address we write into a page, or None. `site`: it is SITE_URL, the
    site's own http(s) address, a folder (ending in '/') without query, fragment or user."""
    if len(url) > MAX_URL:
        return f"is {len(url)} characters long: at most {MAX_URL}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as error:
        return f"is not a URL ({error})"
    schemes = SCHEMES[:2] if site else SCHEMES
    if not parts.scheme:
        return f"has no scheme: write {schemes[0]}://host/…"
    if parts.scheme.lower() not in schemes:
        return f"scheme '{parts.scheme}:' is not allowed: only {', '.join(s + ':' for s in schemes)}"
    if site:
        if "?" in url or "#" in url:
            return "holds a query or fragment: the site's address is a folder, e.g. https://example.kz/constitution/"
        if "@" in parts.netloc:
            return "holds a user name: the site's address cannot"
    signs = _SITE_SIGNS if site else _URL_SIGNS
    if not signs.fullmatch(url):
        return _bad_sign(url, signs)
    if parts.scheme.lower() == "mailto":
        return None if "@" in parts.path else "a mailto: address needs name@host"
    if not parts.hostname or url[len(parts.scheme):len(parts.scheme) + 3] != "://":
        return "has no host: write scheme://host/..."
    if site and not parts.path.endswith("/"):
        return "must end with '/' (the site is a folder), e.g. https://example.kz/constitution/"
    return None


def _bad_sign(url: str, signs: re.Pattern) -> str:
    """The message for the first sign of `url` that the address may not hold as it is."""
    index = 0
    while index < len(url):
        if url[index] == "%":
            if not re.fullmatch(r"%[0-9A-Fa-f]{2}", url[index:index + 3]):
                return (f"holds '%' not followed by two hex digits (at character {index + 1}): "
                        "write a percent sign itself as %25")
            index += 3
            continue
        if not signs.fullmatch(url[index]):
            bad = url[index]
            return (f"holds {bad!r} (U+{ord(bad):04X}), which an address cannot hold as it is: "
                    "write it %-encoded")
        index += 1
    return "holds a sign an address cannot hold as it is"


def linkable(url: str) -> bool:
    """Whether a page links to `url` (the one scheme allow-list, any case: HTTPS://, mailto:)."""
    return url_problem(url) is None
