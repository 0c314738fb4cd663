"""The offline bundle opened from disk in a browser (the zip and its files:
tests/build/build/test_offline.py).

translations/ is packed once (`python -m constitution offline`, conftest.offline_zip) and
unzipped into a temporary folder; so is every edition's bundle of tests/data/editions, and its
current edition's is its served site converted (conftest.py); Debian's chromium opens them through Playwright at
file:// with every request that is not file: blocked and counted. Each test ends by asserting
that none was made.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from constitution.core import catalogue, ids, languages, paths, urls
from constitution.source.validate import checked_editions, checked_source
from tests.helpers.browser import CLIPBOARD, DESKTOP, Offline, expect_clause_in_view, open_search, search_all_languages, switch_language

LANGUAGES = languages.LANGUAGES
CLAUSE = ids.clause_id(2, 4)  # "the capital … is Astana", far enough down to need a scroll


@pytest.fixture(scope="module")
def source():
    return checked_source(paths.SOURCE_DIR)


@pytest.fixture(scope="module")
def folder(offline_folder) -> Path:
    """The bundle unzipped, as a reader would: the path of its one top-level folder."""
    return offline_folder


def url(folder: Path, page: str, lang: str, anchor: str = "") -> str:
    """A page's file URL in the bundle: 'ru/art_2/index.html' (no server to find index.html)."""
    return (folder / urls.page_file(page, lang)).as_uri() + (f"#{anchor}" if anchor else "")


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport=DESKTOP)
    watched = Offline(context)
    yield context.new_page(), watched
    context.close()


# --- in the browser, from file:// ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contents_lead_to_an_article(offline_page, folder, source, lang):
    page, watched = offline_page
    page.goto((folder / "index.html").as_uri())  # what a reader opens: the Kazakh home page
    assert page.evaluate("document.documentElement.lang") == languages.DEFAULT_LANGUAGE
    if lang != languages.DEFAULT_LANGUAGE:
        switch_language(page, lang)
        page.wait_for_url(url(folder, urls.HOME_PAGE, lang))
    contents_link = urls.page_file(ids.article_id(2), languages.DEFAULT_LANGUAGE)  # from any home page
    page.locator(f'.md-content a[href="{contents_link}"]').first.click()

    page.wait_for_url(url(folder, ids.article_id(2), lang))
    assert page.evaluate("document.documentElement.lang") == lang
    title = source.ui.get("article_label", lang).format(n=2)
    assert page.locator(".md-content h1").inner_text().strip() == title
    assert page.locator(f"#{CLAUSE}").is_visible()
    watched.check()


@pytest.mark.parametrize("target", ["kk", "en"])
def test_language_switch_lands_on_the_same_clause(offline_page, folder, target):
    page, watched = offline_page
    page.goto(url(folder, ids.article_id(2), "ru", CLAUSE))
    expect_clause_in_view(page, CLAUSE)

    switch_language(page, target)

    page.wait_for_url(url(folder, ids.article_id(2), target, CLAUSE))
    assert page.evaluate("document.documentElement.lang") == target
    expect_clause_in_view(page, CLAUSE)
    watched.check()


SEARCHES = [
    # test id, page language, query as a reader types it, the clause it must lead to
    ("kk", "kk", "қаласы", CLAUSE),  # Kazakh letters
    ("ru-genitive", "ru", "столицы", CLAUSE),  # the text has «Столицей»
    ("en-plural", "en", "capitals", CLAUSE),  # the text has "capital"
]


@pytest.mark.parametrize("lang, query, clause", [s[1:] for s in SEARCHES], ids=[s[0] for s in SEARCHES])
def test_search_finds_the_clause_and_leads_to_it(offline_page, folder, lang, query, clause):
    page, watched = offline_page
    page.goto(url(folder, urls.HOME_PAGE, lang))
    groups = open_search(page, query)

    expected = url(folder, urls.page_of(clause), lang, clause)
    assert next(href for href in groups[0] if "#" in href) == expected, groups
    page.locator("input.md-search__input").press("Enter")  # Material follows the best result
    page.wait_for_url(expected)
    expect_clause_in_view(page, clause)
    watched.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_the_page_language_only_from_disk(offline_page, folder, lang):
    page, watched = offline_page
    page.goto(url(folder, urls.HOME_PAGE, lang))
    groups = open_search(page, "Астана Astana")
    own = (folder / lang).as_uri() + "/" if lang != languages.DEFAULT_LANGUAGE else None
    others = tuple((folder / code).as_uri() + "/" for code in LANGUAGES if code not in (lang, languages.DEFAULT_LANGUAGE))
    hrefs = [group[0] for group in groups]
    assert hrefs and all(href.startswith(own) if own else not href.startswith(others) for href in hrefs), groups
    watched.check()


def test_search_finds_every_language_from_one_page(offline_page, folder, source):
    """Every language's index loads from disk, not only the page's."""
    page, watched = offline_page
    page.goto(url(folder, urls.HOME_PAGE, "en"))
    search_all_languages(page, source.ui.get("site_search_all", "en"))
    groups = open_search(page, "Астана Astana")
    found = {next((lang for lang in LANGUAGES[1:] if href.startswith((folder / lang).as_uri() + "/")),
                  languages.DEFAULT_LANGUAGE) for href in (group[0] for group in groups)}
    assert found == set(LANGUAGES), groups
    watched.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_links_the_pdfs_in_the_bundle(offline_page, folder, lang):
    page, watched = offline_page
    page.goto(url(folder, urls.HOME_PAGE, lang))
    links = page.eval_on_selector_all('.md-content a[href$=".pdf"]', "links => links.map(a => a.href)")
    assert sorted(link.rsplit("/", 1)[1] for link in links) == sorted(catalogue.names(catalogue.pdfs()))
    for link in links:
        assert link == (folder / urls.download_url(link.rsplit("/", 1)[1])).as_uri()
        assert (folder / urls.download_url(link.rsplit("/", 1)[1])).read_bytes().startswith(b"%PDF-")
    watched.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_copy_button_copies_the_clauses_address_in_the_bundle(browser, folder, lang):
    """No canonical address in the bundle: a clause's link is its file's, with its anchor."""
    context = browser.new_context(viewport=DESKTOP, permissions=CLIPBOARD)
    watched = Offline(context)
    page = context.new_page()
    address = url(folder, ids.article_id(2), lang)
    page.goto(address)
    page.locator(f"[id='{CLAUSE}'] button.cite-btn--link").click()
    page.wait_for_function("() => document.querySelector('.cite-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == f"{address}#{CLAUSE}"
    watched.check()
    context.close()


# --- a source of several editions (tests/data/editions) ------------------------------------------
# the current edition's bundle: the served site converted (conftest.offline_site, its SITE_URL the
# server's address); every edition's: `offline --offline-editions all` (conftest.offline_all_editions)

PAIR = "2026-02-12..2026-03-15"  # the final draft and the adopted text, the current edition
CHANGED = ids.article_id(4)  # changed since the final draft: its notice links the comparison


@pytest.fixture(scope="module")
def editions_source(sources):
    return checked_editions(sources["editions"]).current.source


@pytest.fixture(scope="module")
def every_edition(offline_all_editions) -> Path:
    return offline_all_editions[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_current_editions_bundle_leads_its_comparison_link_to_the_website(
        offline_page, offline_site, served_site, editions_source, lang):
    folder, base = offline_site("editions"), served_site("editions")[0]
    page, watched = offline_page
    page.goto(url(folder, CHANGED, lang))
    link = page.locator(".edition-notice a")
    assert link.count() == 1
    assert link.get_attribute("href") == base + urls.page_url(f"compare/{PAIR}/{CHANGED}", lang)
    assert link.get_attribute("rel") == "external"
    words = f"{editions_source.ui.get('edition_compare', lang)} ({editions_source.ui.get('edition_offline_website', lang)})"
    assert link.inner_text().strip() == words
    assert page.locator(f"#{CHANGED}__para_3").is_visible()
    watched.check()


EDITION_SEARCHES = [
    # test id, page language, a word of the current Article 4 as a reader types it
    ("kk", "kk", "құпиясы"), ("ru", "ru", "тайна"), ("en", "en", "privacy"),
]


@pytest.mark.parametrize("lang, query", [s[1:] for s in EDITION_SEARCHES], ids=[s[0] for s in EDITION_SEARCHES])
def test_search_in_the_current_editions_bundle_finds_todays_pages_only(offline_page, offline_site, lang, query):
    folder = offline_site("editions")
    page, watched = offline_page
    page.goto(url(folder, urls.HOME_PAGE, lang))
    hrefs = [href for group in open_search(page, query) for href in group]
    assert url(folder, CHANGED, lang, f"{CHANGED}__para_3") in hrefs, hrefs
    assert not [href for href in hrefs if re.search(r"/(?:\d{4}-\d\d-\d\d|compare)/", href)], hrefs  # none dated
    watched.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_dated_page_of_every_editions_bundle_leads_to_the_current_text_from_disk(offline_page, every_edition, lang):
    page, watched = offline_page
    page.goto(url(every_edition, "2026-01-30/art_3", lang))
    assert page.locator(".edition-notice").is_visible()
    page.locator(".edition-notice a").click()
    page.wait_for_url(url(every_edition, CHANGED, lang))  # Article 3 of the draft is the adopted 4
    assert page.locator(f"#{CHANGED}__para_1").is_visible()
    page.locator(".edition-notice a").click()  # and today's page to its comparison, in the bundle
    page.wait_for_url(url(every_edition, f"compare/{PAIR}/{CHANGED}", lang))
    watched.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_comparison_of_every_editions_bundle_works_from_disk(offline_page, every_edition, lang):
    page, watched = offline_page
    page.goto(url(every_edition, f"compare/{PAIR}/{CHANGED}", lang))
    clause = page.locator(f"#{CHANGED}__para_3")
    assert clause.locator("del").count() >= 1 and clause.locator("ins").count() >= 1
    page.locator(".md-content a", has_text="2026").first.click()  # the earlier edition's article
    page.wait_for_url(url(every_edition, f"2026-02-12/{CHANGED}", lang))
    assert page.locator(".edition-notice").is_visible()
    watched.check()


def test_the_language_switch_keeps_the_dated_page_in_every_editions_bundle(offline_page, every_edition):
    page, watched = offline_page
    page.goto(url(every_edition, "2026-01-30/art_3", "ru"))
    switch_language(page, "en")
    page.wait_for_url(url(every_edition, "2026-01-30/art_3", "en"))
    assert page.evaluate("document.documentElement.lang") == "en"
    watched.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_downloads_page_of_every_editions_bundle_leads_to_each_edition(offline_page, every_edition,
                                                                           editions_source, lang):
    page, watched = offline_page
    page.goto(url(every_edition, urls.DOWNLOADS_PAGE, lang))
    said = page.locator(".md-content p", has_text=editions_source.ui.get("edition_offline_all", lang))
    assert said.count() == 1
    links = said.locator("xpath=following-sibling::*[1][self::ul]//a")
    assert [href.rsplit("/", 2)[-2] for href in links.evaluate_all("links => links.map(a => a.href)")] == [
        "2026-01-30", "2026-02-12", "2026-03-15"]
    links.first.click()
    page.wait_for_url(url(every_edition, "2026-01-30", lang))
    watched.check()
