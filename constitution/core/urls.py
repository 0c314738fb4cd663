"""Site addresses. URLs never change: a page has one language-neutral key, the same path in
every language (the default language at the root, the others under <lang>/), and a unit's
anchor is its id. PDFs, exports and the offline bundle link into the site with these."""

from .ids import TITLE_ID
from .languages import DEFAULT_LANGUAGE

HOME_PAGE = ""  # page key of the home page
ABOUT_PAGE = "about"
DOWNLOADS_PAGE = "downloads"
PARALLEL_PAGE = "parallel"  # the languages side by side: the whole text, and parallel/art_N
STATUS_PAGE = "status"
DOWNLOADS_DIR = "downloads"  # site folder holding the files of dist/ (beside the kk Downloads page)


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
