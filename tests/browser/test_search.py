"""Search per language in a browser: a page searches its own language's index, loaded only when
the search box is first used, and offers to search every language.

translations/ built once per session and served on 127.0.0.1 (conftest.served_site); every
request the page and its worker make is recorded (conftest.requests_made). The searches that
lead to clauses, stems included: tests/browser/test_site.py; from disk: test_offline.py; Kazakh
word forms, Latin-script queries and phrases: test_search_words.py.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest

from constitution.core import contract, ids, languages, paths, urls
from constitution.site import search_index
from constitution.source.validate import checked_source
from tests.helpers.browser import PHONE, open_search, search_all_languages

LANGUAGES = languages.LANGUAGES
SEARCHED = ("search/", "/workers/", "/lunr/")  # the index, the workers and lunr's languages
BOTH_SCRIPTS = "Астана Astana"  # in the text of every language


@pytest.fixture(scope="module")
def site_url(served_site) -> str:
    return served_site("repo")[0]


@pytest.fixture(scope="module")
def ui():
    return checked_source(paths.SOURCE_DIR).ui


def language_of(url: str, site_url: str) -> str:
    first = url.removeprefix(site_url).split("/")[0]
    return first if first in LANGUAGES else languages.DEFAULT_LANGUAGE


def search_requests(requests_made: list[str], site_url: str) -> list[str]:
    """The site-relative paths of the search requests made so far ('search/kk.json' …)."""
    paths_asked = [urlparse(url).path.removeprefix(urlparse(site_url).path) for url in requests_made]
    return [path for path in paths_asked if any(part in "/" + path for part in SEARCHED)]


def indexes(requests: list[str]) -> set[str]:
    return {path for path in requests if path.startswith(contract.SEARCH_DIR)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_are_in_the_page_language(page, site_url, lang):
    page.goto(urljoin(site_url, urls.page_url("", lang)))
    groups = open_search(page, BOTH_SCRIPTS)
    assert groups and {language_of(group[0], site_url) for group in groups} == {lang}, groups


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_choice_of_all_languages_is_named_in_the_page_language_and_off(page, site_url, ui, lang):
    page.goto(urljoin(site_url, urls.page_url(ids.article_id(2), lang)))
    open_search(page, "2")
    choice = page.get_by_role("checkbox", name=ui.get("site_search_all", lang))
    assert choice.is_visible() and not choice.is_checked()
    page.locator("input.md-search__input").press("Escape")  # closed, the search shows no choice
    assert not choice.is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_searching_all_languages_loads_the_other_indexes_and_finds_them_all(page, site_url, ui, requests_made, lang):
    page.goto(urljoin(site_url, urls.page_url("", lang)))
    search_all_languages(page, ui.get("site_search_all", lang))
    groups = open_search(page, BOTH_SCRIPTS)
    assert {language_of(group[0], site_url) for group in groups} == set(LANGUAGES), groups  # the order: test_site.py
    assert indexes(search_requests(requests_made, site_url)) == {search_index.index_path(code) for code in LANGUAGES}


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_nothing_of_search_loads_before_the_search_box_is_used(new_page, site_url, requests_made, viewport):
    page = new_page(viewport) if viewport else new_page()
    page.goto(urljoin(site_url, urls.unit_url(ids.clause_id(2, 4), "ru")))
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)  # reading and scrolling the page is no search
    page.wait_for_timeout(300)
    assert search_requests(requests_made, site_url) == []
    assert len(requests_made) > 5  # the page, its stylesheets and scripts were recorded

    open_search(page, "столица")
    asked = search_requests(requests_made, site_url)
    assert indexes(asked) == {search_index.index_path("ru")}, asked  # its own language's only
    assert any("/workers/search-i18n.js" in path for path in asked) and any("/lunr/" in path for path in asked)


def test_the_keyboard_reaches_the_choice_between_the_box_and_the_results(page, site_url, ui):
    page.goto(urljoin(site_url, urls.page_url("", "en")))
    groups = open_search(page, BOTH_SCRIPTS)
    assert {language_of(group[0], site_url) for group in groups} == {"en"}
    box = page.locator("input.md-search__input")
    box.press("ArrowDown")
    choice = page.get_by_role("checkbox", name=ui.get("site_search_all", "en"))
    assert choice.evaluate("el => el === document.activeElement")
    page.keyboard.press("Space")
    assert choice.is_checked()
    page.wait_for_selector(".search-scope:not([aria-busy])")
    page.wait_for_function("own => [...document.querySelectorAll('.md-search-result__item > a')]"
                           ".some(a => !a.href.startsWith(own))", arg=urljoin(site_url, "en/"))
    page.keyboard.press("ArrowDown")  # on to the first result, then back up to the choice and the box
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    page.keyboard.press("ArrowUp")
    assert choice.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("el => el === document.activeElement")
