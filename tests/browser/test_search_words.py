"""Search by word forms, Latin script and phrases, through the real search box: Kazakh words
find their other forms (stems on both sides, consonant alternation included), a query in the
2021 Kazakh Latin alphabet finds the Cyrillic text, a phrase in quotes only its words in that
order, in every language; the English and Russian stems as before.

Each case runs on the website (served on 127.0.0.1, no request leaving it) and in the offline
bundle (file://, nothing but files asked for), on translations/ ("repo"), tests/data/rich and
tests/data/inflected (synthetic Kazakh word forms), each built once per session.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from constitution.core import urls
from constitution.source.validate import checked_source
from tests.helpers.browser import DESKTOP, Offline, expect_clause_in_view, open_search, search_all_languages

WHERE = ("website", "offline")

FINDS = [
    # test id, source, page language, query as a reader types it, the clause it must lead to
    # (None: lunr ranks a word's rarer forms first, any order), {clause it finds too (or the
    # same): the word marked in it, as written}
    ("inflected-plural-finds-stem-and-alternation", "inflected", "kk", "құқықтар", "art_1__para_3",
     {"art_1__para_1": "құқық", "art_1__para_2": "құқығы"}),
    ("inflected-stem-finds-alternation", "inflected", "kk", "құқық", None,
     {"art_1__para_1": "құқық", "art_1__para_2": "құқығы", "art_1__para_3": "құқықтары"}),
    ("inflected-alternation", "inflected", "kk", "құқығы", "art_1__para_2", {"art_1__para_3": "құқықтары"}),
    ("inflected-genitive", "inflected", "kk", "мемлекеттің", "art_2__para_2", {"art_2__para_1": "Мемлекет"}),
    ("inflected-possessive", "inflected", "kk", "Астанасы", "art_2__para_4", {"art_2__para_3": "Астана"}),
    ("inflected-plural-dative", "inflected", "kk", "азаматтарға", "art_1__para_4", {"art_2__para_5": "Азамат"}),
    ("inflected-form-not-in-the-text", "inflected", "kk", "кітаптар", "art_2__para_5", {"art_2__para_5": "кітабын"}),
    ("inflected-stem-not-in-the-text", "inflected", "kk", "ережелері", "art_1__para_2", {"art_1__para_2": "ережесімен"}),
    ("inflected-latin", "inflected", "kk", "qūqyğy", "art_1__para_2", {"art_1__para_1": "құқық"}),
    ("inflected-latin-capital", "inflected", "kk", "Memlekettıñ", "art_2__para_2", {}),  # ı: і
    ("inflected-latin-stem", "inflected", "kk", "qūqyq", None, {"art_1__para_1": "құқық", "art_1__para_2": "құқығы"}),
    ("inflected-en", "inflected", "en", "rights", "art_1__para_3", {"art_1__para_1": "right"}),
    ("inflected-ru", "inflected", "ru", "права", "art_1__para_3", {"art_1__para_2": "Право"}),
    ("repo-plural", "repo", "kk", "қалалар", "art_2__para_4", {"art_2__para_4": "қаласы"}),
    ("repo-alternation", "repo", "kk", "аумақтары", "art_2__para_2", {"art_2__para_2": "аумағын"}),
    ("repo-genitive", "repo", "kk", "мемлекеттің", "art_1", {"art_1": "мемлекет", "art_2__para_1": "мемлекет"}),
    ("repo-latin", "repo", "kk", "Astana", "art_2__para_4", {"art_2__para_4": "Астана"}),
    ("repo-latin-inflected", "repo", "kk", "qūqyqtary", "art_1", {"preamble__rec_6": "құқықтары"}),
    ("repo-latin-everywhere", "repo", "kk", "Qazaqstan", None, {"art_2__para_5": "Қазақстан", "art_1": "Қазақстан"}),
    ("repo-latin-stem", "repo", "kk", "memleket", None, {"art_2__para_1": "мемлекет", "art_1": "Мемлекеттің"}),
    ("rich-plural", "rich", "kk", "таңбалары", "art_2__para_2", {"art_2__para_2": "таңбалар"}),
    ("rich-latin", "rich", "kk", "tañbalar", "art_2__para_2", {}),
]

PHRASES = [
    # test id, source, page language, phrase, the only clause that holds it
    ("inflected-kk", "inflected", "kk", "«құқықтары мен міндеттері»", "art_1__para_3"),
    ("inflected-ru", "inflected", "ru", "«права и обязанности»", "art_1__para_3"),
    ("inflected-en", "inflected", "en", '"rights and duties"', "art_1__para_3"),
    ("rich-kk", "rich", "kk", '"бірінші тармақша"', "art_2__para_3__point_1"),
    ("rich-ru", "rich", "ru", "«первый подпункт»", "art_2__para_3__point_1"),
    ("rich-en", "rich", "en", "“first point”", "art_2__para_3__point_1"),
    ("repo-kk", "repo", "kk", "«Астана қаласы»", "art_2__para_4"),
    ("repo-ru", "repo", "ru", "«город Астана»", "art_2__para_4"),
    ("repo-en", "repo", "en", '"the city of Astana"', "art_2__para_4"),
]

NOT_PHRASES = [
    # test id, source, page language, query, its words unquoted (which find clauses)
    ("reversed", "inflected", "kk", "«міндеттері мен құқықтары»"),
    ("apart", "inflected", "ru", "«права обязанности»"),
    ("reversed-unclosed", "rich", "en", '"point first'),
]


class Site:
    """One source's site in a browser, on the website or from the offline bundle."""

    def __init__(self, page, home: str, clause_url, check):
        self.page, self.home, self.clause_url, self.check = page, home, clause_url, check


@pytest.fixture
def site(browser, served_site, offline_site, requests_made, off_site):
    """site(source, lang, where) -> Site: a fresh desktop page on that language's home page."""
    contexts = []

    def open_site(source: str, lang: str, where: str) -> Site:
        context = browser.new_context(viewport=DESKTOP)
        contexts.append(context)
        if where == "website":
            base = served_site(source)[0]
            context.on("request", lambda req: requests_made.append(req.url))
            page = context.new_page()
            page.goto(urljoin(base, urls.page_url(urls.HOME_PAGE, lang)))
            return Site(page, base, lambda clause: urljoin(base, urls.unit_url(clause, lang)),
                        lambda: _assert_equal(off_site(base), []))
        folder = offline_site(source)
        watched = Offline(context)
        page = context.new_page()
        page.goto((folder / urls.page_file(urls.HOME_PAGE, lang)).as_uri())
        return Site(page, folder.as_uri(),
                    lambda clause: (folder / urls.page_file(urls.page_of(clause), lang)).as_uri() + f"#{clause}",
                    watched.check)

    yield open_site
    for context in contexts:
        context.close()


def _assert_equal(found, expected):
    assert found == expected


def clause_results(groups: list[list[str]]) -> list[str]:
    return [href for group in groups for href in group if "#" in href]


def marks(page) -> dict[str, list[str]]:
    """{href of each result: the words marked in it}."""
    return page.eval_on_selector_all(
        ".md-search-result__item a",
        "links => Object.fromEntries(links.map(a => [a.href, [...a.querySelectorAll('mark')].map(m => m.textContent)]))",
    )


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("source, lang, query, clause, also", [c[1:] for c in FINDS], ids=[c[0] for c in FINDS])
def test_a_word_form_leads_to_its_clause(site, where, source, lang, query, clause, also):
    opened = site(source, lang, where)
    page = opened.page
    groups = open_search(page, query)

    found = clause_results(groups)
    assert found and (clause is None or found[0] == opened.clause_url(clause)), groups
    marked = marks(page)
    for other, word in also.items():
        assert word in marked.get(opened.clause_url(other), []), (other, word, marked)
    assert page.locator(".md-search-result mark mark").count() == 0  # each word marked once
    if clause is not None:
        page.locator("input.md-search__input").press("Enter")  # Material follows the best result
        page.wait_for_url(opened.clause_url(clause))
        expect_clause_in_view(page, clause)
    opened.check()


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("source, lang, phrase, clause", [c[1:] for c in PHRASES], ids=[c[0] for c in PHRASES])
def test_a_phrase_finds_only_the_clause_that_holds_it(site, where, source, lang, phrase, clause):
    opened = site(source, lang, where)
    groups = open_search(opened.page, phrase)
    assert clause_results(groups) == [opened.clause_url(clause)], groups
    opened.check()


@pytest.mark.parametrize("source, lang, query", [c[1:] for c in NOT_PHRASES], ids=[c[0] for c in NOT_PHRASES])
def test_a_phrase_needs_its_words_in_order_and_together(site, source, lang, query):
    unquoted = query.strip("«»\"")
    assert clause_results(open_search(site(source, lang, "website").page, unquoted))  # the words are there
    assert open_search(site(source, lang, "website").page, query) == []


def test_searching_all_languages_stems_the_kazakh_entries_among_the_others(site, sources):
    """From an English page, with every language: a Kazakh form finds its alternation in the
    Kazakh text, marked as written, and the English word still finds the English text first."""
    label = checked_source(sources["inflected"]).ui.get("site_search_all", "en")
    opened = site("inflected", "en", "website")
    search_all_languages(opened.page, label)
    groups = open_search(opened.page, "құқықтар rights")
    kazakh = urljoin(opened.home, urls.unit_url("art_1__para_2", "kk"))
    assert "құқығы" in marks(opened.page).get(kazakh, []), groups
    assert clause_results(groups)[0] == opened.clause_url("art_1__para_3")  # the page's language first
    opened.check()
