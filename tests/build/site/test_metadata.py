"""Each page's metadata (site/hooks/metadata.py): a description of its own, in its language,
unique on the whole site; Open Graph and Twitter card tags for a shared link; the home pages
titled like every other page. The offline bundle has descriptions but no web address to share.

The session's builds (conftest.built_site, offline_folder), read as files.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from constitution.core import languages, urls
from constitution.source.validate import checked_source
from tests.helpers.builds import GATES_SITE_URL

LIMIT = 160


def pages(site: Path) -> dict[str, str]:
    """{site-relative folder URL: HTML} of every generated page (the 404 pages aside)."""
    return {path.parent.relative_to(site).as_posix().removeprefix(".") + "/": path.read_text(encoding="utf-8")
            for path in site.rglob("index.html") if path.parent.name != "search"}


def language_of(url: str) -> str:
    first = url.split("/")[0]
    return first if first in languages.LANGUAGES[1:] else languages.DEFAULT_LANGUAGE


def meta(page: str, attribute: str, name: str) -> list[str]:
    return [html.unescape(value) for value in re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)]


def title_of(page: str) -> tuple[str, str]:
    """(page name, site name) of the <title>."""
    title = html.unescape(re.search(r"<title>([^<]*)</title>", page).group(1))
    name, _, site = title.rpartition(" - ")
    return name, site


@pytest.fixture(scope="module", params=["repo", "rich"])
def built(request, built_site):
    return built_site(request.param)


def test_every_page_has_a_description_of_its_own(built):
    found = {url: meta(page, "name", "description") for url, page in pages(built.site).items()}
    assert all(len(values) == 1 for values in found.values()), found
    descriptions = [values[0] for values in found.values()]
    assert len(set(descriptions)) == len(descriptions), "two pages share a description"
    assert all(0 < len(text) <= LIMIT for text in descriptions)


def test_a_description_is_the_page_and_its_first_words_in_its_language(built):
    source = checked_source(built.source)
    site_pages = pages(built.site)
    for url, page in site_pages.items():
        lang = language_of(url)
        description = meta(page, "name", "description")[0]
        name, _ = title_of(page)
        if url == urls.page_url("", lang) or url == "/":
            assert description == source.ui.get("site_description", lang)
        else:
            assert description.startswith(f"{name} — "), (url, description)
    for article in source.articles:
        for lang in languages.LANGUAGES:
            first = next(unit for unit in source.units() if urls.page_of(unit.id) == article.id and unit.texts.text(lang))
            words = " ".join(first.texts.text(lang).split()[:4])
            assert words in meta(site_pages[urls.page_url(article.id, lang) or "/"], "name", "description")[0]


def test_every_home_page_is_titled_with_its_name(built):
    site_pages = pages(built.site)
    for lang in languages.LANGUAGES:
        name, site = title_of(site_pages[urls.page_url("", lang) or "/"])
        assert name and site, (lang, name, site)


def test_every_page_has_its_open_graph_and_twitter_card_tags(built):
    for url, page in pages(built.site).items():
        lang = language_of(url)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page).group(1)
        assert canonical == urljoin(GATES_SITE_URL, url.removeprefix("/"))
        description = meta(page, "name", "description")
        expected = {
            ("property", "og:type"): ["website"],
            ("property", "og:url"): [canonical],
            ("property", "og:title"): [title_of(page)[0]],
            ("property", "og:site_name"): [title_of(page)[1]],
            ("property", "og:description"): description,
            ("property", "og:locale"): [languages.LANGUAGE[lang].locale],
            ("property", "og:locale:alternate"): [languages.LANGUAGE[other].locale for other in languages.others(lang)],
            ("name", "twitter:card"): ["summary"],
            ("name", "twitter:title"): [title_of(page)[0]],
            ("name", "twitter:description"): description,
        }
        assert {key: meta(page, *key) for key in expected} == expected, url


def test_the_offline_bundle_describes_its_pages_but_shares_no_address(offline_folder):
    for path in offline_folder.rglob("index.html"):
        page = path.read_text(encoding="utf-8")
        assert len(meta(page, "name", "description")) == 1, path
        assert 'property="og:' not in page and 'name="twitter:' not in page, path
