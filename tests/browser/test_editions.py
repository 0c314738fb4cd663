"""The pages of a source of several editions in a browser (tests/data/editions, served): the
edition notice in three languages leads to the same unit in the current edition; the comparison
view shows deletions struck through and insertions underlined, each with words that a screen
reader says and the eye does not see; the language switch keeps the dated page. Search offers
a labelled choice of edition (the current one by default, a dated page's own on it), loads
nothing before the box is used and then only the chosen edition's index, and an earlier
edition's results lead to its dated pages; the copy buttons give the dated address (and today's
undated one on the current edition's pages) and the citation names the edition."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from constitution.core import contract, languages, urls
from constitution.site import search_index
from tests.helpers.accessibility import BLOCKING_IMPACTS, axe_script
from tests.helpers.browser import PHONE, Offline, open_search

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


# --- search with a choice of edition, in three languages -----------------------------------

A, C = "2026-01-30", "2026-03-15"  # the first draft, the current (adopted) text
LABEL = {"kk": "Редакция", "ru": "Редакция", "en": "Edition"}
ONLY_IN_A = {"kk": "елтаңба", "ru": "герб", "en": "emblem"}  # Article 2, paragraph 3 of the draft alone
EVERYWHERE = {"kk": "астанасы", "ru": "столица", "en": "capital"}  # Article 2, paragraph 1 of every edition
SEARCHED = ("/search/", "/workers/", "/lunr/")


def searched(requests_made: list[str]) -> list[str]:
    return [url for url in requests_made if any(part in url for part in SEARCHED)]


def indexes(requests_made: list[str], base: str) -> set[str]:
    return {url.removeprefix(base) for url in requests_made if url.removeprefix(base).startswith(contract.SEARCH_DIR)}


def choose_edition(page, lang: str, edition: str) -> None:
    page.get_by_label(LABEL[lang], exact=True).select_option(value=edition)
    page.wait_for_selector(f".{contract.SEARCH_SCOPE}:not([aria-busy])")  # the worker has its index


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_search_covers_the_current_edition_with_a_labelled_choice(base, new_page, requests_made, lang):
    page = new_page()
    page.goto(urljoin(base, urls.page_url("art_2", lang)))
    page.wait_for_load_state("networkidle")
    assert searched(requests_made) == []  # nothing of search before the box is used
    assert not page.get_by_label(LABEL[lang], exact=True).is_visible()  # the choice shows with the search
    groups = open_search(page, EVERYWHERE[lang])
    choice = page.get_by_label(LABEL[lang], exact=True)
    assert choice.is_visible() and choice.input_value() == C
    assert choice.evaluate("el => [...el.options].map(o => o.text)") == \
        [EDITION_NAMES[edition][lang] for edition in ("2026-01-30", "2026-02-12", C)]
    assert urljoin(base, urls.unit_url("art_2__para_1", lang)) in [href for group in groups for href in group]
    assert not [href for group in groups for href in group if "/20" in href.removeprefix(base)]  # today's pages
    assert indexes(requests_made, base) == {search_index.index_path(lang)}


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_an_earlier_editions_results_lead_to_its_dated_pages(base, new_page, requests_made, lang):
    page = new_page()
    page.goto(urljoin(base, urls.page_url("art_2", lang)))
    assert open_search(page, ONLY_IN_A[lang]) == []  # the current edition has no such word
    choose_edition(page, lang, A)
    page.wait_for_selector(".md-search-result__item")
    hrefs = [href for group in open_search(page, ONLY_IN_A[lang]) for href in group]
    assert hrefs == [urljoin(base, urls.page_url(f"{A}/art_2", lang)),
                     urljoin(base, urls.page_url(f"{A}/art_2", lang)) + "#art_2__para_3"]
    assert page.locator(".md-search-result mark").first.inner_text().lower() == ONLY_IN_A[lang]
    assert indexes(requests_made, base) == {search_index.index_path(lang), search_index.index_path(lang, A)}
    page.locator(".md-search-result__item a[href$='#art_2__para_3']").click()
    page.wait_for_function("() => location.hash === '#art_2__para_3'")
    assert page.locator("#art_2__para_3").inner_text().lower().count(ONLY_IN_A[lang]) == 1
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_an_earlier_editions_page_searches_its_edition_first(base, new_page, requests_made, lang):
    page = new_page(PHONE)
    page.goto(urljoin(base, urls.page_url(f"{A}/art_3", lang)))
    page.wait_for_load_state("networkidle")
    assert searched(requests_made) == []
    hrefs = [href for group in open_search(page, ONLY_IN_A[lang]) for href in group]
    assert page.get_by_label(LABEL[lang], exact=True).input_value() == A
    page.wait_for_timeout(400)  # Material slides the search in
    assert urljoin(base, urls.page_url(f"{A}/art_2", lang)) + "#art_2__para_3" in hrefs
    assert indexes(requests_made, base) == {search_index.index_path(lang, A)}  # only the chosen edition's
    right = page.evaluate(f"document.querySelector('.{contract.SEARCH_EDITION}').getBoundingClientRect().right")
    assert right <= PHONE["width"]  # a long name is cut short on a phone


def test_the_keyboard_reaches_the_choice_of_edition(base, new_page):
    page = new_page()
    page.goto(urljoin(base, urls.page_url("art_2", "en")))
    open_search(page, EVERYWHERE["en"])
    box = page.locator("input.md-search__input")
    languages_choice = page.locator(f".{contract.SEARCH_SCOPE} input[type=checkbox]")
    edition = page.get_by_label(LABEL["en"], exact=True)
    focused = "el => el === document.activeElement"
    box.press("ArrowDown")
    assert languages_choice.evaluate(focused)
    page.keyboard.press("ArrowDown")
    assert edition.evaluate(focused)
    page.keyboard.press("Home")  # the first edition, chosen from the keyboard
    assert edition.input_value() == A
    page.wait_for_selector(f".{contract.SEARCH_SCOPE}:not([aria-busy])")
    page.wait_for_function("a => [...document.querySelectorAll('.md-search-result__item > a')]"
                           ".every(link => link.href.includes(a))", arg=f"/{A}/")
    assert edition.evaluate(focused) and page.locator("[data-md-toggle=search]").is_checked()
    page.keyboard.press("ArrowDown")  # on to the first result, then back up to the choices and the box
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    page.keyboard.press("ArrowUp")
    assert edition.evaluate(focused)
    page.keyboard.press("ArrowUp")
    assert languages_choice.evaluate(focused)
    page.keyboard.press("ArrowUp")
    assert box.evaluate(focused)


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_axe_finds_nothing_serious_with_the_choice_open(base, new_page, lang):
    page = new_page()
    page.goto(urljoin(base, urls.page_url(f"{A}/art_2", lang)))
    open_search(page, ONLY_IN_A[lang])
    page.wait_for_selector(f".{contract.SEARCH_SCOPE}:not([aria-busy])")
    page.wait_for_timeout(400)  # Material fades the search in
    page.evaluate(axe_script())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in results["violations"]
             if v["impact"] in BLOCKING_IMPACTS]
    assert found == []
    checked = page.evaluate("axe.run(document.querySelector('.search-edition'), {resultTypes: ['passes']})")
    assert "select-name" in {rule["id"] for rule in checked["passes"]}  # the select was audited, and is labelled


EDITION_NAMES = {
    "2026-01-30": {"kk": "2026 жылғы 30 қаңтардағы сынақ жобасы", "ru": "Тестовый проект от 30 января 2026 года",
                   "en": "Fixture draft of 30 January 2026"},
    "2026-02-12": {"kk": "2026 жылғы 12 ақпандағы түпкілікті сынақ жобасы",
                   "ru": "Окончательный тестовый проект от 12 февраля 2026 года",
                   "en": "Final fixture draft of 12 February 2026"},
    "2026-03-15": {"kk": "2026 жылғы 15 наурызда қабылданған сынақ мәтіні",
                   "ru": "Тестовый текст, принятый 15 марта 2026 года", "en": "Fixture text adopted on 15 March 2026"},
}


# --- copy-link and citations: the dated address, the edition named ---------------------------

CITED = {  # Article 2, paragraph 3 of the current edition, and of the draft
    "kk": ("Қазақстан Республикасы Конституциясының «{name}» редакциясындағы 2-бабының 3-тармағы ({date})",
           {C: "2026 жылғы 15 наурыз", A: "2026 жылғы 30 қаңтар"}),
    "ru": ("пункт 3 статьи 2 Конституции Республики Казахстан в редакции «{name}» ({date})",
           {C: "15 марта 2026 г.", A: "30 января 2026 г."}),
    "en": ("Article 2, paragraph 3, Constitution of the Republic of Kazakhstan, edition “{name}” ({date})",
           {C: "15 March 2026", A: "30 January 2026"}),
}


def citation(lang: str, edition: str) -> str:
    pattern, dates = CITED[lang]
    return pattern.replace("{name}", EDITION_NAMES[edition][lang]).replace("{date}", dates[edition])


def copied(page, kind: str, unit_id: str = "art_2__para_3") -> str:
    page.locator(f"[id='{unit_id}'] button.cite-btn--{kind}").click()
    return page.evaluate("navigator.clipboard.readText()")


# (page, the edition it shows, whether it is the current edition's undated page)
COPIED = [("art_2", C, True), (f"{C}/art_2", C, False), (f"{A}/art_2", A, False)]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("key, edition, today", COPIED, ids=["today", "dated-current", "draft"])
def test_copy_link_gives_the_dated_address_and_the_citation_names_the_edition(base, open_page, lang, key, edition,
                                                                               today):
    page = open_page(urljoin(base, urls.page_url(key, lang)))
    dated = urljoin(base, urls.page_url(f"{edition}/art_2", lang)) + "#art_2__para_3"
    assert copied(page, "link") == dated
    assert copied(page, "citation") == citation(lang, edition)
    current = page.locator("[id='art_2__para_3'] button.cite-btn--current")
    if edition == C:  # the undated address stays on offer, by a button of its own
        assert copied(page, "current") == urljoin(base, urls.unit_url("art_2__para_3", lang))
        assert current.get_attribute("aria-label").endswith(page.get_attribute("[id='art_2__para_3']", "data-label"))
    else:
        assert current.count() == 0  # an earlier edition's unit is no longer today's
    page.wait_for_function("() => document.querySelector('.cite-status').textContent !== ''")


# --- from disk: the offline bundle searches the editions it holds -----------------------------

@pytest.fixture(scope="module")
def bundle(offline_all_editions) -> Path:
    """The editions fixture's offline bundle of every edition (`--offline-editions all`; the
    default bundle holds the current edition alone), unzipped: its top folder."""
    return offline_all_editions[1]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_from_disk_an_earlier_editions_page_searches_its_edition(browser, bundle, lang):
    context = browser.new_context()
    watched = Offline(context)
    page = context.new_page()
    try:
        page.goto((bundle / urls.page_file(f"{A}/art_3", lang)).as_uri())
        hrefs = [href for group in open_search(page, ONLY_IN_A[lang]) for href in group]
        assert (bundle / urls.page_file(f"{A}/art_2", lang)).as_uri() + "#art_2__para_3" in hrefs
        choose_edition(page, lang, C)  # the current edition's index: no such word
        page.wait_for_function("() => document.querySelector('.md-search-result__item') === null")
        watched.check()
    finally:
        context.close()
