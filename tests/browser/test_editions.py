"""The pages of a source of several editions in a browser (tests/data/editions, served): the
edition notice in three languages leads to the same unit in the current edition; the comparison
view shows deletions struck through and insertions underlined, each with words that a screen
reader says and the eye does not see; the language switch keeps the dated page."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from constitution.core import languages, urls

NOTICE_LINK = ".edition-notice a"
WORDS = {"kk": ("алынды:", "қосылды:"), "ru": ("удалено:", "добавлено:"), "en": ("deleted:", "inserted:")}


@pytest.fixture(scope="module")
def base(served_site):
    return served_site("editions")[0]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_notice_of_an_earlier_edition_leads_to_the_current_text(base, new_page, lang):
    page = new_page()
    page.goto(urljoin(base, urls.page_url("2026-01-30/art_3", lang)))
    notice = page.locator(".edition-notice")
    assert notice.is_visible()
    page.locator(NOTICE_LINK).click()
    page.wait_for_load_state()
    assert page.url == urljoin(base, urls.page_url("art_4", lang))  # Article 3 of the draft is the adopted 4
    assert page.locator("#art_4__para_1").is_visible()
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_comparison_view_marks_changes_by_more_than_colour(base, new_page, lang):
    page = new_page()
    page.goto(urljoin(base, urls.page_url("compare/2026-02-12..2026-03-15/art_4", lang)))
    clause = page.locator("#art_4__para_3")
    assert clause.is_visible()
    deleted, inserted = clause.locator("del"), clause.locator("ins")
    assert deleted.count() >= 1 and inserted.count() >= 1
    styles = page.evaluate("""() => [...document.querySelectorAll('#art_4__para_3 del, #art_4__para_3 ins')]
        .map(e => [e.tagName, getComputedStyle(e).textDecorationLine, e.firstElementChild.textContent,
                   e.firstElementChild.getBoundingClientRect().width])""")
    words = dict(zip(("DEL", "INS"), WORDS[lang]))
    for tag, decoration, hidden, width in styles:
        assert decoration == ("line-through" if tag == "DEL" else "underline")
        assert hidden.strip() == words[tag] and width <= 1  # said, not seen


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_change_page_links_each_comparison(base, new_page, lang):
    page = new_page()
    page.goto(urljoin(base, urls.page_url("2026-02-12/changes", lang)))
    links = page.locator("article a[href*='compare/']")
    assert links.count() == 4  # the preamble, Articles 2, 4 and 7
    links.nth(1).click()
    page.wait_for_load_state()
    assert page.url == urljoin(base, urls.page_url("compare/2026-01-30..2026-02-12/art_2", lang))
