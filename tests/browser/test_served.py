"""The browser suite's core through nginx with the generated configuration, its
Content-Security-Policy enforced (constitution/core/headers.py, build/deploy.py): the language
switch keeping the clause, search in each language, the copy buttons, side by side; with no
`securitypolicyviolation` event, no console error and no script error on any page.

translations/ and the rich fixture built once per session (conftest.built_site, SITE_URL on a
sub-path) and served by Debian's nginx at that path on 127.0.0.1 (conftest.nginx_site); the
flows are those of test_site.py and test_reader.py, with their helpers.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from constitution.core import urls
from tests.browser.test_reader import CLIPBOARD, choose, expect_columns, parallel_url, unit_button
from tests.browser.test_site import CLAUSE, SEARCHES
from tests.helpers.browser import expect_clause_in_view, open_search, switch_language
from tests.helpers.builds import GATES_SITE_URL
from tests.unit.site.test_reader import CITATIONS

PATH = "/constitution/"  # GATES_SITE_URL's path, where nginx serves the site

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    event => window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
"""


@pytest.fixture
def open_served(browser, nginx_site):
    """open_served(source, address) -> a Page of the site served by nginx, watched: its CSP
    violations, console errors and script errors are checked when the test ends."""
    contexts, pages = [], []

    def opened(source: str, address: str, permissions: list[str] = (), missing: bool = False):
        """`missing`: the address is unknown; its answer is the 404 page, and its 404 status no error."""
        server, _ = nginx_site(source)
        context = browser.new_context(permissions=list(permissions))
        context.add_init_script(WATCH)
        contexts.append(context)
        page = context.new_page()
        url = f"{server.origin}{PATH}{address}"
        page.problems = []
        # A resource that failed is its response's (or request's) problem, named by its address;
        # Chromium's console line for it ("Failed to load resource") names none.
        page.on("console", lambda message: message.type == "error" and not message.text.startswith(
            "Failed to load resource") and page.problems.append(message.text))
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.on("response", lambda response: response.status >= 400 and not (missing and response.url == url)
                and page.problems.append(f"{response.status} {response.url}"))
        page.on("requestfailed", lambda request: page.problems.append(f"failed: {request.url} {request.failure}"))
        page.goto(url)
        headers = page.evaluate("fetch(location.href).then(r => r.headers.get('content-security-policy'))")
        assert headers and "default-src 'self'" in headers  # the policy is the one in force
        pages.append(page)
        return page

    yield opened
    problems = {}
    for page in pages:
        found = page.problems + page.evaluate("window.__violations")
        if found:
            problems[page.url] = found
    for context in contexts:
        context.close()
    assert not problems, problems


def served_url(page, address: str) -> str:
    return urljoin(page.url, f"{PATH}{address}")


SWITCHES = [("kk", "ru"), ("ru", "en"), ("en", "kk")]  # each language left and reached once


@pytest.mark.parametrize("start, target", SWITCHES, ids=[f"{a}-to-{b}" for a, b in SWITCHES])
def test_the_language_switch_keeps_the_clause(open_served, start, target):
    page = open_served("repo", urls.unit_url(CLAUSE, start))
    expect_clause_in_view(page, CLAUSE)
    switch_language(page, target)
    page.wait_for_url(served_url(page, urls.unit_url(CLAUSE, target)))
    expect_clause_in_view(page, CLAUSE)


FIRST_SEARCHES = [next(case for case in SEARCHES if case[1] == lang) for lang in ("kk", "ru", "en")]


@pytest.mark.parametrize("lang, query, clause", [s[1:] for s in FIRST_SEARCHES], ids=[s[0] for s in FIRST_SEARCHES])
def test_search_finds_the_clause_in_each_language(open_served, lang, query, clause):
    page = open_served("repo", urls.page_url("", lang))
    groups = open_search(page, query)
    expected = served_url(page, urls.unit_url(clause, lang))
    assert next(href for href in groups[0] if "#" in href) == expected, groups
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url(expected)
    expect_clause_in_view(page, clause)


COPIES = [next(case for case in CITATIONS if case[1] == lang) for lang in ("kk", "ru", "en")]


@pytest.mark.parametrize("unit_id, lang, citation", COPIES, ids=[f"{u}-{lang}" for u, lang, _ in COPIES])
def test_the_copy_buttons_copy_the_link_and_the_citation(open_served, unit_id, lang, citation):
    page = open_served("rich", urls.page_url(urls.page_of(unit_id), lang), CLIPBOARD)
    unit_button(page, unit_id, "link").click()
    assert page.evaluate("navigator.clipboard.readText()") == urljoin(GATES_SITE_URL, urls.unit_url(unit_id, lang))
    unit_button(page, unit_id, "citation").click()
    assert page.evaluate("navigator.clipboard.readText()") == citation


PAGES = ["", "preamble", "sec_1", "art_2", "parallel", "parallel/art_2", "status", "about", "downloads",
         "no-such-page"]  # the last: the language's 404 page


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_kind_of_page_shows_under_the_policy(open_served, lang):
    """Each kind of page of the language, its 404 page too, loads with nothing blocked (checked
    by open_served) and its scripts run (the copy buttons are drawn by reader.js)."""
    for key in PAGES:
        page = open_served("rich", urls.page_url(key, lang), missing=key == "no-such-page")
        page.wait_for_load_state("networkidle")
        if key.startswith("art_"):
            assert page.locator("button.cite-btn--link").count() > 0
        assert page.evaluate("typeof window.__md_scope") == "object"  # Material's inline script ran
        assert page.evaluate("document.documentElement.lang") == lang


def test_side_by_side_chooses_the_languages_and_their_order(open_served):
    page = open_served("rich", parallel_url("", "art_2", "kk").lstrip("/"))
    expect_columns(page, ["kk", "ru", "en"])
    choose(page, 1, "ru")
    expect_columns(page, ["ru", "kk", "en"])
    choose(page, 3, "")
    expect_columns(page, ["ru", "kk"])
    assert page.url.endswith("?langs=ru,kk")
