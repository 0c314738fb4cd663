"""Accessibility (issue 7, part 1): axe-core, keyboard-only use and `lang` where languages mix.

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
  whose `lang` is that language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import DESKTOP, GATES_SITE_URL, PHONE
from constitution.core import ids, languages, urls
from scripts.model import article_units
from scripts.validate import checked_source

pytestmark = pytest.mark.browser

LANGUAGES = languages.LANGUAGES
SITES = ("rich", "repo")
BLOCKING_IMPACTS = ("serious", "critical")
NOT_FOUND = "404.html"


def kind_of(page: str) -> str:
    """A page's kind: its key with numbers taken out ('art_2' -> 'art_N'); the home page is 'home'."""
    return re.sub(r"\d+", "N", page) or "home"


KNOWN_KINDS = {kind_of(page) for page in (
    urls.HOME_PAGE, ids.PREAMBLE_ID, ids.section_id(1), ids.article_id(1),
    urls.ABOUT_PAGE, urls.DOWNLOADS_PAGE,
)}
if hasattr(constants, "parallel_page"):  # reader tools (issue 6): side by side, translation status
    KNOWN_KINDS |= {kind_of(urls.parallel_page()), kind_of(urls.parallel_page(ids.article_id(1))),
                    kind_of(urls.STATUS_PAGE)}


def sitemap_pages(site: Path) -> list[tuple[str, str]]:
    """(language, page key) of every page the built sitemap lists."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    pages = []
    for url in re.findall(r"<loc>([^<]*)</loc>", text):
        path = url.removeprefix(GATES_SITE_URL).strip("/")
        first, _, rest = path.partition("/")
        lang, key = (first, rest) if first in LANGUAGES and first != languages.DEFAULT_LANGUAGE \
            else (languages.DEFAULT_LANGUAGE, path)
        assert urls.page_url(key, lang) == (f"{path}/" if path else ""), url
        pages.append((lang, key))
    return pages


def audited_pages(site: Path, lang: str) -> dict[str, str]:
    """{kind: page key} of one language: per kind, the page with the most HTML."""
    chosen: dict[str, tuple[int, str]] = {}
    for page_lang, key in sitemap_pages(site):
        if page_lang != lang:
            continue
        size = (site / urls.page_url(key, lang) / "index.html").stat().st_size
        kind = kind_of(key)
        if kind not in chosen or size > chosen[kind][0]:
            chosen[kind] = (size, key)
    return {kind: key for kind, (_, key) in sorted(chosen.items())}


@pytest.mark.parametrize("name", SITES)
def test_every_known_kind_of_page_is_in_the_sitemap_in_every_language(built_site, name):
    site = built_site(name).site
    for lang in LANGUAGES:
        assert KNOWN_KINDS <= set(audited_pages(site, lang)), lang


# --- the audit: one visit per page gives axe's findings and the language of every text ----

AXE_SCRIPT = None


def axe_script() -> str:
    global AXE_SCRIPT
    if AXE_SCRIPT is None:
        import axe_playwright_python

        AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    return AXE_SCRIPT


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


@pytest.mark.parametrize("name, lang", CASES, ids=[f"{name}-{lang}" for name, lang in CASES])
def test_axe_finds_no_serious_or_critical_violation(audits, name, lang):
    found = audits(name, lang)
    assert KNOWN_KINDS <= {audit.kind for audit in found}
    blocking = [readable(audit, violation) for audit in found for violation in audit.violations
                if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{len(blocking)} serious or critical violation(s):\n" + "\n".join(blocking)


# --- lang where languages mix ----------------------------------------------------------------

def language_strings(source_dir: Path) -> dict[str, set[str]]:
    """{lang: strings only that language's pages hold}: lines of unit texts, language names."""
    source = checked_source(source_dir)
    strings: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for unit in source.units():
        for lang in LANGUAGES:
            for line in (unit.texts.text(lang) or "").split("\n"):
                strings[lang].add(" ".join(line.split()))
    for lang in LANGUAGES:
        strings[lang].add(getattr(source.document.languages, lang).name)
    shared = set.intersection(*strings.values())  # e.g. a line of symbols, the same in all three
    return {lang: {text for text in texts - shared if len(text) >= 4} for lang, texts in strings.items()}


def foreign_text(texts: list[tuple[str, str]], page_lang: str, strings: dict[str, set[str]]):
    """(text, its lang, the language it is in) of every text node holding another language's string."""
    for text, marked in texts:
        effective = marked or page_lang
        for lang, known in strings.items():
            if lang != effective and any(string in text for string in known) \
                    and not any(string in text for string in strings[effective]):
                yield text, effective, lang


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


STRINGS = {"kk": {"Қазақша", "Бірінші бап."}, "ru": {"Русский", "Первая статья."}, "en": {"English"}}
FOREIGN = [
    # test id, text nodes (text, lang of its element), page language, expected (text, marked, actual)
    ("marked", [("Қазақша", "kk"), ("Первая статья.", "")], "ru", []),
    ("unmarked-name", [("Қазақша", "")], "en", [("Қазақша", "en", "kk")]),
    ("wrongly-marked", [("Қазақша: Бірінші бап.", "ru")], "ru", [("Қазақша: Бірінші бап.", "ru", "kk")]),
    ("page-language", [("Первая статья.", "")], "ru", []),
]


@pytest.mark.parametrize("texts, page_lang, expected", [case[1:] for case in FOREIGN], ids=[c[0] for c in FOREIGN])
def test_text_in_another_language_is_recognised(texts, page_lang, expected):
    assert list(foreign_text(texts, page_lang, STRINGS)) == expected


def page_texts(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """(the page's lang, [(text, lang of its element)]) of a built HTML file, as the server sends it."""
    import lxml.html

    root = lxml.html.fromstring(path.read_bytes(), parser=lxml.html.HTMLParser(encoding="utf-8"))
    found = []

    def marked(element) -> str:
        holder = next((e for e in element.iterancestors() if e.get("lang")), None) if not element.get("lang") else element
        return holder.get("lang") if holder is not None and holder.tag != "html" else ""

    for element in root.body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "template"):
            continue
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            text = " ".join((text or "").split())
            if text and holder is not None and holder.tag not in ("script", "style", "template"):
                found.append((text, marked(holder)))
    return root.get("lang"), found


@pytest.mark.parametrize("name", SITES)
def test_every_page_marks_text_in_another_language(built_site, name):
    """The same rule on every built page of both sites, as served (before any script runs)."""
    built = built_site(name)
    strings = language_strings(built.source)
    wrong, pages = [], 0
    for lang, key in sitemap_pages(built.site):
        path = built.site / urls.page_url(key, lang) / "index.html"
        page_lang, texts = page_texts(path)
        assert page_lang == lang, path
        pages += 1
        wrong += [f"{urls.page_url(key, lang) or '/'}: {actual} text inside lang={effective}: {text[:80]!r}"
                  for text, effective, actual in foreign_text(texts, lang, strings)]
    assert pages >= len(KNOWN_KINDS) * len(LANGUAGES)
    assert not wrong, "\n".join(wrong)


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
KEYBOARD_PAGES = [ids.article_id(2)] + (
    [urls.parallel_page(ids.article_id(2))] if hasattr(constants, "parallel_page") else [])
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
        assert not hasattr(constants, "parallel_page") or len(buttons) >= len(permalinks), content
