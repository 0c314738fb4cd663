"""Debian's chromium through Playwright for Python (never `playwright install`), and what the
browser tests do in it (the fixtures that open it are in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CLIPBOARD = ["clipboard-read", "clipboard-write"]  # the copy buttons' tests read what was copied


def expect_clause_in_view(page, clause: str) -> None:
    """The clause is the :target, highlighted, and wholly visible below the header."""
    page.wait_for_function("id => document.querySelector(':target')?.id === id", arg=clause)
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(100)  # language-switch.js re-reveals once fonts have reflowed
    box = page.evaluate(
        """id => {
            const r = document.getElementById(id).getBoundingClientRect()
            const header = document.querySelector('.md-header').getBoundingClientRect()
            const colour = getComputedStyle(document.getElementById(id)).backgroundColor
            return {top: r.top, bottom: r.bottom, header: header.bottom,
                    height: innerHeight, colour: colour}
        }""",
        clause,
    )
    assert box["header"] - 1 <= box["top"] and box["bottom"] <= box["height"], box
    assert box["colour"] not in ("rgba(0, 0, 0, 0)", "transparent"), "the clause is not highlighted"


def switch_language(page, target: str) -> None:
    """Choose the language `target` in the header's language selector, as a reader does."""
    page.locator(".md-select").hover()
    page.locator(f"a.md-select__link[hreflang={target}]").click()


# The search has answered: results, or Material's "no matching documents" in the page's language
ANSWERED = """() => document.querySelector('.md-search-result__item') !== null
    || document.querySelector('.md-search-result__meta').textContent
       === JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"""


def open_search(page, query: str) -> list[list[str]]:
    """Type into the real search box; the hrefs of each result group, in order (none: [])."""
    box = page.locator("input.md-search__input")
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():  # a phone: the search opens from its header button
        button.click()
    box.click()
    # The whole query at once, then one key: Material searches on keyup, so it searches this
    # query only (typed letter by letter, the results of its first word could be read instead)
    box.fill(query)
    box.press("End")
    page.wait_for_function(ANSWERED)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))",
    )


def search_all_languages(page, label: str) -> None:
    """Open the search and tick its choice to search every language (named `label`), as a reader does."""
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():
        button.click()
    page.locator("input.md-search__input").click()
    page.get_by_role("checkbox", name=label).check()
    page.wait_for_selector(".search-scope:not([aria-busy])")  # the worker has every language's index


class Offline:
    """A browser context that lets only file: requests through and keeps the others."""

    def __init__(self, context):
        self.context = context
        self.blocked: list[str] = []
        self.failed: list[str] = []
        context.route("**/*", self.route)
        context.on("requestfailed", lambda request: self.failed.append(request.url))

    def route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def check(self) -> None:
        """Nothing was asked of the network, and every file asked for is in the bundle."""
        assert self.blocked == []
        assert [url for url in self.failed if url.startswith("file:")] == []
