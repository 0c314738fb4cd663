"""Accessibility in a browser (issue 7, part 1): axe-core, keyboard-only use and `lang` where languages mix.

The sites of translations/ ("repo") and tests/data/rich ("rich": units missing in ru, special
characters, points) are built once per session (conftest.built_site) and served locally to
Debian's chromium. The kinds of page are read from the built sitemap (a page's key with its
numbers taken out: art_2 -> art_N), so a new kind of page is audited as soon as it exists;
the kinds known today must be there. Per site, language and kind, the page with the most
HTML is audited (art_2 of the rich fixture: clauses, points, missing units); the 404 page too.

- axe-core 4 (the copy that axe-playwright-python ships, injected into the page): no
  violation of serious or critical impact;
- keyboard only: Tab from the top of an article and of a side-by-side page reaches the skip
  link first, then the language selector and each language, the search box, and every ¶
  permalink and every button of the text units (the copy buttons) in reading order, each
  with a visible focus indicator, at desktop and phone widths;
- every text node in another language than its page's (another language's text offered
  for a missing unit, the side-by-side columns, language names) sits inside an element
  whose `lang` is that language (here as the browser shows the pages; every page of both
  sites as served: tests/build/site/test_accessibility.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest

from constitution.core import ids, languages, urls
from constitution.source.model import article_units
from constitution.source.validate import checked_source
from tests.helpers.accessibility import (
    BLOCKING_IMPACTS,
    KNOWN_KINDS,
    audited_pages,
    axe_script,
    foreign_text,
    kind_of,
    language_strings,
)
from tests.helpers.browser import DESKTOP, PHONE
from tests.helpers.builds import GATES_SITE_URL

LANGUAGES = languages.LANGUAGES
NOT_FOUND = "404.html"


# --- the audit: one visit per page gives axe's findings and the language of every text ----

TEXT_LANGUAGES = """() => {
  const found = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.replace(/\\s+/g, ' ').trim()
    const parent = node.parentElement
    if (!text || parent.closest('script, style, template')) continue
    const marked = parent.closest('[lang]')
    found.push([text, marked ? marked.getAttribute('lang') : ''])
  }
  return found
}"""


@dataclass
class Audit:
    url: str
    kind: str
    violations: list[dict] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (text, its element's lang)


def audit_page(page, url: str, kind: str) -> Audit:
    page.goto(url)
    page.evaluate("document.fonts.ready")
    page.evaluate(axe_script())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return Audit(url, kind, results["violations"], [tuple(pair) for pair in page.evaluate(TEXT_LANGUAGES)])


@pytest.fixture(scope="module")
def served(built_site, serve, tmp_path_factory):
    """served(site name) -> base URL of the built site, at the same sub-path as GATES_SITE_URL
    (the 404 page's URLs start from the site's root path, as on the real host)."""
    cache: dict[str, str] = {}

    def get(name: str) -> str:
        if name not in cache:
            root = tmp_path_factory.mktemp(f"served-{name}")
            sub_path = urlsplit(GATES_SITE_URL).path.strip("/")
            (root / sub_path).symlink_to(built_site(name).site, target_is_directory=True)
            cache[name] = urljoin(serve(root), f"{sub_path}/")
        return cache[name]

    return get


@pytest.fixture(scope="module")
def audits(built_site, served, browser):
    """audits(site name, lang) -> [Audit]: each kind's page of that language, visited once."""
    cache: dict[tuple[str, str], list[Audit]] = {}
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()

    def get(name: str, lang: str) -> list[Audit]:
        if (name, lang) not in cache:
            site = built_site(name).site
            base = served(name)
            found = [audit_page(page, urljoin(base, urls.page_url(key, lang)), kind)
                     for kind, key in audited_pages(site, lang).items()]
            if lang == languages.DEFAULT_LANGUAGE:
                found.append(audit_page(page, urljoin(base, NOT_FOUND), "404"))
            cache[(name, lang)] = found
        return cache[(name, lang)]

    yield get
    context.close()


def readable(audit: Audit, violation: dict) -> str:
    """One violation for a human: where, which rule, how bad, and each element with its reason."""
    lines = [f"{audit.url} [{audit.kind}]: {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"][:5]:
        reason = " ".join(node.get("failureSummary", "").split())
        lines.append(f"    {' '.join(map(str, node['target']))}: {reason[:300]}")
    if len(violation["nodes"]) > 5:
        lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


# In the browser: the rich fixture, which has every kind of page and more in it than the
# repo's text (units missing in ru, points, special characters); the same templates serve both.
CASES = [("rich", lang) for lang in LANGUAGES]
# and the source of three editions: its dated pages, change pages and comparison views (their
# kinds come from the sitemap: 'N-N-N/art_N', 'compare/N-N-N..N-N-N/art_N', …)
CASES += [("editions", lang) for lang in LANGUAGES]


@pytest.mark.parametrize("name, lang", CASES, ids=[f"{name}-{lang}" for name, lang in CASES])
def test_axe_finds_no_serious_or_critical_violation(audits, name, lang):
    found = audits(name, lang)
    assert KNOWN_KINDS <= {audit.kind for audit in found}
    blocking = [readable(audit, violation) for audit in found for violation in audit.violations
                if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{len(blocking)} serious or critical violation(s):\n" + "\n".join(blocking)


# --- lang where languages mix ----------------------------------------------------------------

@pytest.mark.parametrize("name, lang", CASES, ids=[f"{name}-{lang}" for name, lang in CASES])
def test_text_in_another_language_is_marked_with_its_lang(audits, built_site, name, lang):
    strings = language_strings(built_site(name).source)
    found = audits(name, lang)
    wrong, marked = [], 0
    for audit in found:
        for text, effective, actual in foreign_text(audit.texts, lang, strings):
            wrong.append(f"{audit.url} [{audit.kind}]: {actual} text inside lang={effective}: {text[:80]!r}")
        page_strings = [(text, marked_lang) for text, marked_lang in audit.texts if marked_lang and marked_lang != lang]
        marked += len(page_strings)
    assert not wrong, "\n".join(wrong)
    assert marked >= len(found), "expected other languages' text (at least the language names) on every page"


# --- keyboard only ---------------------------------------------------------------------------

# Every control a reader can reach in the page's content (¶ permalinks, copy buttons, the
# side-by-side language choice, links in the text), numbered in document (reading) order.
MARK_CONTENT_CONTROLS = """() => {
  const look = e => { const s = getComputedStyle(e)
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
            s.textDecorationLine, s.borderColor].join('|') }
  window.__unfocusedLook = new Map()
  const all = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')
  for (const el of all) window.__unfocusedLook.set(el, look(el))
  const controls = [...document.querySelectorAll('.md-content :is(a[href], button, input, select, textarea, [tabindex])')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.checkVisibility({visibilityProperty: true}))
  controls.forEach((el, i) => { el.dataset.qaControl = i })
  return {focusable: all.length, content: controls.map(el => window.__describe(el))}
}"""

DESCRIBE = """() => { window.__describe = el => {
  if (el.matches('.md-skip')) return 'skip'
  if (el.closest('.md-select') && el.matches('button')) return 'language-selector'
  if (el.matches('.md-select__link')) return 'language:' + el.getAttribute('hreflang')
  if (el.matches('input.md-search__input')) return 'search'
  const what = el.matches('a.unit__permalink') ? 'permalink ' + el.getAttribute('href')
    : el.tagName.toLowerCase() + ' ' + (el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 40)
  return el.dataset.qaControl !== undefined ? el.dataset.qaControl + ': ' + what : 'other: ' + what
} }"""

FOCUSED = """() => {
  const el = document.activeElement
  if (!el || el === document.body) return null
  const look = e => { const s = getComputedStyle(e)
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
            s.textDecorationLine, s.borderColor].join('|') }
  const r = el.getBoundingClientRect()
  const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
  const s = getComputedStyle(el)
  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
  const caret = el.matches('input[type=text], input[type=search], textarea')  // a text box shows its caret
  const before = window.__unfocusedLook.get(el)
  return {key: window.__describe(el),
          shown: inView && el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
          indicator: ring || caret || (before !== undefined && before !== look(el))}
}"""

TRANSITION_MS = 400
HEADER_CONTROLS = ["language-selector", *(f"language:{code}" for code in LANGUAGES), "search"]
KEYBOARD_PAGES = [ids.article_id(2), urls.parallel_page(ids.article_id(2))]
KEYBOARD_CASES = [(page, lang, viewport) for page in KEYBOARD_PAGES for lang in LANGUAGES
                  for viewport in ("desktop", "phone") if viewport == "desktop" or page == KEYBOARD_PAGES[0]]


@pytest.mark.parametrize("key, lang, viewport", KEYBOARD_CASES,
                         ids=[f"{kind_of(k)}-{lang}-{v}" for k, lang, v in KEYBOARD_CASES])
def test_tab_reaches_every_control_with_visible_focus(built_site, served, new_page, key, lang, viewport):
    base = served("rich")
    page = new_page({"desktop": DESKTOP, "phone": PHONE}[viewport])
    page.goto(urljoin(base, urls.page_url(key, lang)))
    page.evaluate("document.fonts.ready")
    page.evaluate(DESCRIBE)
    marked = page.evaluate(MARK_CONTENT_CONTROLS)
    content = marked["content"]
    watched = {"skip", *HEADER_CONTROLS, *content}
    stops = []
    for _ in range(marked["focusable"] + 10):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None:
            continue
        if stops and stop["key"] == "skip":
            break  # round the page and back to the top
        if stop["key"] in watched and not (stop["shown"] and stop["indicator"]):
            page.wait_for_timeout(TRANSITION_MS)  # Material fades the skip link and the search in
            stop = page.evaluate(FOCUSED)
        stops.append(stop)
        if content and stop["key"] == content[-1]:
            break  # the rest is the footer

    keys = [stop["key"] for stop in stops]
    assert keys and keys[0] == "skip", keys[:5]
    missing = [name for name in HEADER_CONTROLS if name not in keys]
    assert not missing, f"never reached by Tab: {missing}; reached: {keys}"
    assert keys.index("language-selector") < keys.index("search")
    reached = [name for name in keys if name in content]
    assert reached == content, "Tab does not reach every control of the content once, in reading order"
    hidden = [stop["key"] for stop in stops if stop["key"] in watched and not (stop["shown"] and stop["indicator"])]
    assert not hidden, f"focus not visible on: {hidden}"
    if key == ids.article_id(2):
        permalinks = [name for name in content if ": permalink #" in name]
        assert len(permalinks) == len(list(article_units(checked_source(built_site("rich").source).article(2))))
        buttons = [name for name in content if ": button " in name]  # copy buttons (reader tools, issue 6)
        assert len(buttons) >= len(permalinks), content


# --- tables wider than a phone ---------------------------------------------------------------

SCROLLING_TABLES = """() => [...document.querySelectorAll('.md-typeset table')].map(table => {
  const box = table.closest('.md-typeset__scrollwrap') || table
  const named = box.getAttribute('aria-labelledby')
  return {scrolls: box.scrollWidth > box.clientWidth + 1, tabindex: box.getAttribute('tabindex'),
          role: box.getAttribute('role'), name: named && document.getElementById(named) ? document.getElementById(named).textContent.trim() : null}
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_table_wider_than_a_phone_scrolls_from_the_keyboard(served, new_page, lang):
    """At 390 px the status tables scroll sideways: each box that scrolls is in the tab order, a
    region named by its heading (axe: scrollable-region-focusable); wide enough, none is."""
    key = urls.STATUS_PAGE
    page = new_page(PHONE)
    page.goto(urljoin(served("rich"), urls.page_url(key, lang)))
    page.evaluate("document.fonts.ready")
    tables = page.evaluate(SCROLLING_TABLES)
    assert any(table["scrolls"] for table in tables), f"no table of {key} is wider than a phone: the test tests nothing"
    for table in tables:
        if table["scrolls"]:
            assert table["tabindex"] == "0" and table["role"] == "region" and table["name"], table
        else:
            assert table["tabindex"] is None, table
    page.evaluate(axe_script())
    found = page.evaluate("axe.run(document, {runOnly: ['scrollable-region-focusable']})")["violations"]
    assert found == [], found
    page.set_viewport_size(DESKTOP)
    page.wait_for_function("""() => [...document.querySelectorAll('.md-typeset table')].every(table => {
      const box = table.closest('.md-typeset__scrollwrap') || table
      return box.scrollWidth > box.clientWidth + 1 || !box.hasAttribute('tabindex') })""")


DOWNLOAD_ROWS = """() => [...document.querySelectorAll('.md-typeset table')].flatMap(table =>
  [...table.tBodies[0].rows].map(row => {
    const cells = [...row.cells].map(cell => cell.getBoundingClientRect())
    const checksum = row.querySelector('code.sha256').getBoundingClientRect()
    return {file: row.cells[0].textContent, display: getComputedStyle(row).display,
            right: Math.max(...cells.map(box => box.right), checksum.right),
            nameAbove: cells[0].bottom <= cells[1].top + 1, checksumBelow: checksum.top >= cells[1].bottom - 1}
  }))"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_on_a_phone_are_one_block_per_file_still_a_table(served, new_page, lang):
    """At 390 px each file of the Downloads page stands in a block of its own (its name, then what
    it holds and its size, then its whole checksum) within the screen, nothing to scroll
    sideways; a screen reader still meets tables, their cells under their column headers. On a
    desktop they are four columns."""
    page = new_page(PHONE)
    page.goto(urljoin(served("rich"), urls.page_url(urls.DOWNLOADS_PAGE, lang)))
    page.evaluate("document.fonts.ready")
    rows = page.evaluate(DOWNLOAD_ROWS)
    assert rows and page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for row in rows:
        assert row["display"] == "block" and row["right"] <= PHONE["width"], row
        assert row["nameAbove"] and row["checksumBelow"], row
    assert not any(table["scrolls"] for table in page.evaluate(SCROLLING_TABLES))
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in tree if not node.get("ignored")]
    tables = page.evaluate("document.querySelectorAll('.md-typeset table').length")
    assert roles.count("table") == tables and roles.count("columnheader") == 4 * tables
    assert roles.count("row") == len(rows) + tables and roles.count("cell") == 4 * len(rows)
    page.set_viewport_size(DESKTOP)
    assert {row["display"] for row in page.evaluate(DOWNLOAD_ROWS)} == {"table-row"}
