"""The built site in a browser: the language switch keeps the clause, search finds clauses
in each language and leads to them, nothing loads from outside the site, and the fonts
show every Kazakh letter.

translations/ and the rich fixture built once per session (`python -m constitution site`,
conftest.served_site), served on 127.0.0.1 at a random port (SITE_URL is that address, so
the absolute hreflang links stay on the site); Debian's chromium through Playwright
(fixtures in conftest.py). The same build's files without a browser:
tests/build/site/test_built_site.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from constitution.core import ids, languages, paths, urls
from constitution.source.validate import checked_source
from tests.helpers.browser import expect_clause_in_view, open_search, search_all_languages, switch_language

LANGUAGES = languages.LANGUAGES
CLAUSE = ids.clause_id(2, 4)  # "the capital … is Astana": far enough down to need a scroll

KAZAKH_ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
KAZAKH_TEXT = f"{KAZAKH_ALPHABET} {KAZAKH_ALPHABET.lower()} «№ 1» – ¶"


@pytest.fixture(scope="module")
def site(served_site) -> tuple[str, Path]:
    """(base URL, folder) of translations/ built and served locally."""
    return served_site("repo")


@pytest.fixture(scope="module")
def rich_site(served_site) -> tuple[str, Path]:
    """The rich fixture source: special characters, units missing in ru, points."""
    return served_site("rich")


@pytest.fixture(scope="module")
def site_url(site) -> str:
    return site[0]


def language_of(url: str, site_url: str) -> str:
    first = url.removeprefix(site_url).split("/")[0]
    return first if first in LANGUAGES else languages.DEFAULT_LANGUAGE


SWITCHES = [(start, target) for start in LANGUAGES for target in LANGUAGES if start != target]


@pytest.mark.parametrize("start, target", SWITCHES, ids=[f"{a}-to-{b}" for a, b in SWITCHES])
def test_language_switch_lands_on_the_same_clause(page, site_url, off_site, start, target):
    page.goto(urljoin(site_url, urls.unit_url(CLAUSE, start)))
    expect_clause_in_view(page, CLAUSE)

    switch_language(page, target)

    page.wait_for_url(urljoin(site_url, urls.unit_url(CLAUSE, target)))
    assert page.evaluate("document.documentElement.lang") == target
    expect_clause_in_view(page, CLAUSE)
    assert off_site(site_url) == []


SEARCHES = [
    # test id, page language, query as a reader types it, the clause it must lead to
    ("kk-letters-a-i", "kk", "әкімшілік", "art_2__para_3"),  # ә і
    ("kk-letters-u-i", "kk", "мүлтіксіз", "preamble__rec_6"),  # ү і
    ("kk-letter-q", "kk", "қаласы", "art_2__para_4"),  # қ
    ("ru-genitive-Astana", "ru", "Астаны", "art_2__para_4"),  # the text has «город Астана»
    ("ru-genitive", "ru", "неотчуждаемости", "art_2__para_2"),  # the text has «неотчуждаемость»
    ("ru-nominative", "ru", "столица", "art_2__para_4"),  # the text has «Столицей», «столицы»
    ("en-plural", "en", "capitals", "art_2__para_4"),  # the text has "capital"
]


@pytest.mark.parametrize("lang, query, clause", [s[1:] for s in SEARCHES], ids=[s[0] for s in SEARCHES])
def test_search_leads_to_the_clause(page, site_url, off_site, lang, query, clause):
    page.goto(urljoin(site_url, urls.page_url("", lang)))
    groups = open_search(page, query)

    expected = urljoin(site_url, urls.unit_url(clause, lang))
    first_clause_result = next(href for href in groups[0] if "#" in href)
    assert first_clause_result == expected, groups
    page.locator("input.md-search__input").press("Enter")  # Material follows the best result
    page.wait_for_url(expected)
    expect_clause_in_view(page, clause)
    assert off_site(site_url) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_in_the_page_language_come_first(page, site_url, lang):
    page.goto(urljoin(site_url, urls.page_url("", lang)))
    search_all_languages(page, checked_source(paths.SOURCE_DIR).ui.get("site_search_all", lang))
    groups = open_search(page, "Астана Astana")  # in the text of every language
    order = [language_of(group[0], site_url) for group in groups]
    assert set(order) == set(LANGUAGES), order
    own = order.count(lang)
    assert order[:own] == [lang] * own, order


def test_no_page_loads_anything_from_outside_the_site(page, site, off_site):
    site_url, folder = site
    pages = sorted(path.parent.relative_to(folder).as_posix() + "/"
                   for path in folder.rglob("index.html"))
    assert len(pages) > 3 * 5
    for path in [*pages, "404.html"]:
        page.goto(urljoin(site_url, "" if path == "./" else path))
    open_search(page, "Constitution")  # the worker, its languages and the index load too
    page.wait_for_load_state("networkidle")
    assert off_site(site_url) == []


PROBE = ('<p class="unit" id="probe-text">{t}<strong id="probe-bold">{t}</strong>'
         '<em id="probe-italic">{t}</em></p>')
FONT_PROBES = [
    # where the letters stand, the one face that must draw them all
    ("#probe-text", "NotoSerif-Regular"),  # the legal text
    ("#probe-bold", "NotoSerif-Bold"),
    ("#probe-italic", "NotoSerif-Italic"),
    (".md-content .md-typeset h1", "NotoSans-Light"),  # headings
    (".md-content .md-typeset .admonition-title", "NotoSans-Bold"),  # the status notice
    (".md-header__topic .md-ellipsis", "NotoSans-Bold"),  # the interface
    (".md-nav__link--active", "NotoSans-Regular"),
]


@pytest.mark.parametrize("selector, face", FONT_PROBES, ids=[p[0] for p in FONT_PROBES])
def test_every_kazakh_letter_is_drawn_by_the_site_font(page, site_url, selector, face):
    page.goto(urljoin(site_url, urls.page_url("art_2", "kk")))
    page.eval_on_selector("article", "(el, html) => el.insertAdjacentHTML('beforeend', html)",
                          PROBE.format(t=KAZAKH_TEXT))
    page.eval_on_selector(selector, "(el, text) => { el.textContent = text }", KAZAKH_TEXT)
    page.evaluate("document.fonts.ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    # one web font drew every glyph: no fallback to a system font for any letter
    assert [(f["postScriptName"], f["isCustomFont"]) for f in fonts] == [(face, True)], fonts


def test_search_results_show_special_characters_as_typed(page, rich_site):
    site_url, _ = rich_site
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(urljoin(site_url, urls.page_url("", "en")))
    groups = open_search(page, "alert")
    assert groups[0][0] == urljoin(site_url, urls.page_url("art_2", "en"))
    teaser = page.locator(".md-search-result__item").first.locator("article").nth(1)
    text = teaser.inner_text()
    assert "<script>alert(1)</script>" in text and "<b>bold</b>" in text, text
    assert teaser.locator("script, b").count() == 0
    assert dialogs == []


def test_switch_to_a_language_missing_the_clause_lands_on_its_notice(page, rich_site):
    site_url, _ = rich_site
    clause = ids.clause_id(2, 3)  # missing in ru
    page.goto(urljoin(site_url, urls.unit_url(clause, "en")))
    switch_language(page, "ru")
    page.wait_for_url(urljoin(site_url, urls.unit_url(clause, "ru")))
    expect_clause_in_view(page, clause)
    assert "unit--missing" in page.get_attribute(f"#{clause}", "class")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_breadcrumbs_fit_a_phone(new_page, site_url, lang):
    """At 390 px a section's long name wraps onto its own line: nothing of the breadcrumbs is
    cut off (Material's one scrolling line showed 'негіздер' for 'негіздері'), the home link whole."""
    from tests.helpers.browser import PHONE

    page = new_page(PHONE)
    page.goto(urljoin(site_url, urls.page_url(ids.article_id(2), lang)))
    page.evaluate("document.fonts.ready")
    fit = page.evaluate("""() => {
      const path = document.querySelector('nav.md-path')
      const items = [...path.querySelectorAll('.md-path__item')]
      const lines = el => { const range = document.createRange(); range.selectNodeContents(el)
        return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size }
      const inside = el => { const r = el.getBoundingClientRect(), p = path.getBoundingClientRect()
        return r.left >= p.left - 0.5 && r.right <= p.right + 0.5 }
      return {overflow: path.scrollWidth - path.clientWidth, items: items.length,
              inside: items.every(inside), homeLines: lines(items[0])}
    }""")
    assert fit["items"] >= 2 and fit["overflow"] <= 0 and fit["inside"], fit
    assert fit["homeLines"] == 1, fit
