"""The XSS table (issue 15): no text from any channel of the source ever becomes markup.

One hostile source (tests/helpers/payloads.py: the rich fixture with every payload appended to
every string of every file: legal text, titles, notes, every ui string, language names, the
edition, the timeline, the sources) is built once per session with `python -m constitution
site`: the website, the offline bundle (dist/'s zip, unzipped) and the PDFs. The payloads'
resources point at a trap server on 127.0.0.1 that records every request. Every kind of page
is opened in Chromium, on http and from the bundle at file://; search is typed and the copy
buttons are pressed. Each check asserts: no dialog, no script error, no injected element or
attribute, no javascript: link, no request to the trap (from the browser or, during the
build, from the PDF renderer), and the payloads shown as text. What a field cannot hold at
all is refused by validate with one located line (tests/unit/source/test_validate.py;
SITE_URL: tests/build/cli/test_hostile_input.py).

Every payload goes into every field at once, in one build, not one field at a time: a build of
the site, the bundle and the PDFs takes about a minute on the 2-core machine, and a build per
field (hundreds of strings) would take hours. The cost of that choice: a payload that fires is
caught, but the check names the page and payload, not the one field that carried it (bisect by
editing payload_source to fill fewer fields), and payloads in neighbouring fields could in
principle mask each other (each is complete on its own, so none ends another's markup).
"""

from __future__ import annotations

import csv
import io
import json
import threading
import zipfile
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest

from constitution.core import catalogue, contract, languages, urls
from tests.helpers.browser import CLIPBOARD, DESKTOP, open_search
from tests.helpers.builds import Built, build_site
from tests.helpers.payloads import INJECTED, URL, payload_source, payloads, theme_payload

LANGS = languages.LANGUAGES
# Every kind of page: home, a section, an article with its own text, one with clauses and
# points, the preamble, the languages side by side (whole and one article), about, downloads,
# the translation status.
PAGES = ["", "sec_1", "art_1", "art_2", "preamble", urls.parallel_page(), urls.parallel_page("art_2"),
         urls.ABOUT_PAGE, urls.DOWNLOADS_PAGE, urls.STATUS_PAGE]


class _Trap(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.server.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def trap():
    """A server on 127.0.0.1 that every payload's resource points at; `.requests` it received."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Trap)
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@dataclass(frozen=True)
class Hostile:
    url: str  # where the site is served
    built: Built
    offline: Path  # the bundle's top folder, unzipped
    during_build: tuple[str, ...]  # what the trap got while the site, the bundle and the PDFs were built
    payloads: dict[str, str]


@pytest.fixture(scope="session")
def hostile(tmp_path_factory, serve, trap) -> Hostile:
    work = tmp_path_factory.mktemp("hostile")
    source = payload_source(work / "source", trap.server_port)
    url = serve(work / "site")
    built = build_site(source, work, site_url=url)
    during_build = tuple(trap.requests)
    from constitution.source.validate import checked_source

    edition = checked_source(source).document.edition.id
    with zipfile.ZipFile(built.dist / catalogue.offline_name(edition)) as bundle:
        bundle.extractall(work / "offline")
    return Hostile(url, built, work / "offline" / catalogue.offline_folder(edition), during_build,
                   payloads(trap.server_port))


@pytest.fixture
def open_page(browser, trap):
    """open_page(url) -> a Page that records dialogs and script errors; after the test, every
    page is checked to have had neither and the trap to have had no request."""
    contexts, pages = [], []

    def opened(url: str):
        context = browser.new_context(viewport=DESKTOP, permissions=CLIPBOARD)
        contexts.append(context)
        page = context.new_page()
        page.dialogs, page.errors = [], []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(url)
        pages.append(page)
        return page

    before = len(trap.requests)
    yield opened
    for page in pages:
        assert page.dialogs == [] and page.errors == [], (page.url, page.dialogs, page.errors)
    assert trap.requests[before:] == []
    for context in contexts:
        context.close()


def assert_inert(page) -> None:
    """Nothing of the payloads became an element, an attribute, a link or a script."""
    injected = page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML.slice(0, 160))")
    assert injected == [], page.url
    scripts = page.evaluate("[...document.scripts].filter(s => s.text.includes('alert(')).length")
    assert scripts == 0, page.url  # the pre-escaped <script> stayed text
    links = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
    assert [href for href in links if href.strip().lower().startswith(("javascript:", "data:", "vbscript:"))] == []
    assert page.dialogs == [] and page.errors == []


def shown(page) -> str:
    return " ".join(page.inner_text("body").split())


def assert_shown_as_text(page, hostile: Hostile) -> None:
    """Every payload is on the page as text, exactly (the pre-escaped one included, as &lt;…)."""
    text = shown(page)
    missing = [name for name, payload in hostile.payloads.items() if " ".join(payload.split()) not in text]
    assert missing == [], (page.url, missing)


# --- the website, over http -----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", PAGES, ids=[key or "home" for key in PAGES])
def test_every_page_shows_the_payloads_as_text(open_page, hostile, key, lang):
    page = open_page(urljoin(hostile.url, urls.page_url(key, lang)))
    assert_inert(page)
    assert_shown_as_text(page, hostile)
    theme = theme_payload(_port(hostile))
    title = page.title()
    # <title>: the page's title and the site's name, as text (Material's striptags undid escapes)
    assert theme in title and (key == "" or hostile.payloads["title"] in title), title
    description = page.get_attribute("meta[name=description]", "content")
    # the page's title and first words (hooks/metadata.py), whole: the attribute was not broken out of
    assert description is not None and (hostile.payloads["attribute"] if key else theme) in description
    assert page.get_attribute("meta[property='og:description']", "content") == description
    assert page.locator(".md-header__topic").first.inner_text().strip()  # the header shows the site's name
    names = page.eval_on_selector_all(".md-select__link, .other-languages a", "els => els.map(e => e.textContent)")
    assert any(theme in name for name in names)  # the language selector's names, as text


def test_the_not_found_page(open_page, hostile):
    page = open_page(urljoin(hostile.url, "404.html"))
    assert_inert(page)
    assert theme_payload(_port(hostile)) in page.title()


def test_the_about_page_links_to_the_source_as_written(open_page, hostile):
    page = open_page(urljoin(hostile.url, urls.page_url(urls.ABOUT_PAGE, "en")))
    assert page.get_attribute("a[rel=external]", "href") == URL  # '&lt;' stays text in the address
    assert page.inner_text("a[rel=external]") == URL


@pytest.mark.parametrize("query", ["onerror", "svg", "script", "javascript"])
def test_search_results_show_the_payloads_as_text(open_page, hostile, query):
    page = open_page(urljoin(hostile.url, urls.page_url("art_2", "ru")))
    assert open_search(page, query)
    page.wait_for_timeout(200)  # the result list is filled in several steps
    assert_inert(page)
    results = " ".join(page.inner_text(".md-search-result").split())
    assert "<svg class=xss onload=alert(1)>" in results


def test_the_copy_buttons_copy_the_payloads_as_text(open_page, hostile):
    page = open_page(urljoin(hostile.url, urls.page_url("art_2", "en")))
    unit = "art_2__para_3__point_1"
    page.locator(f"[id='{unit}'] button.cite-btn--citation").click()
    page.wait_for_function("() => document.querySelector('.cite-status').textContent !== ''")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert hostile.payloads["attribute"] in copied and hostile.payloads["pre-escaped"] in copied
    assert hostile.payloads["attribute"] in page.inner_text(".cite-status")  # the status line, as text
    page.locator(f"[id='{unit}'] button.cite-btn--link").click()
    assert page.evaluate("navigator.clipboard.readText()") == urljoin(hostile.url, urls.unit_url(unit, "en"))
    assert_inert(page)


@pytest.mark.parametrize("query", ["?langs=%E0", "?langs=%", "?langs=ru,%E0,kk", "?langs=<svg>"],
                         ids=["bad-escape", "lone-percent", "mixed", "markup"])
def test_a_broken_languages_query_keeps_the_side_by_side_controls(open_page, hostile, query):
    page = open_page(urljoin(hostile.url, urls.page_url(urls.parallel_page("art_2"), "kk")) + query)
    assert page.locator(f".{contract.PARALLEL_CONTROLS}").is_visible()  # and no script error (assert_inert)
    assert_inert(page)


@pytest.mark.parametrize("fragment", ["#%E0", "#%", "#%3Csvg%20onload%3Dalert(1)%3E"],
                         ids=["bad-escape", "lone-percent", "markup"])
def test_a_broken_fragment_keeps_the_language_switch(open_page, hostile, fragment):
    page = open_page(urljoin(hostile.url, urls.page_url("art_2", "ru")) + fragment)
    hrefs = page.eval_on_selector_all("a.md-select__link[hreflang]", "els => els.map(a => a.hash)")
    assert hrefs and all(href == fragment for href in hrefs)  # language-switch.js ran to the end
    assert_inert(page)


# --- the offline bundle, from disk ----------------------------------------------------------

@pytest.mark.parametrize("key", PAGES, ids=[key or "home" for key in PAGES])
def test_every_page_of_the_offline_bundle_shows_the_payloads_as_text(open_page, hostile, key):
    page = open_page((hostile.offline / urls.page_file(key, "ru")).as_uri())
    assert_inert(page)
    assert_shown_as_text(page, hostile)


def test_offline_search_shows_the_payloads_as_text(open_page, hostile):
    page = open_page((hostile.offline / urls.page_file("art_2", "en")).as_uri())
    assert open_search(page, "onerror")
    page.wait_for_timeout(200)
    assert_inert(page)
    assert "<svg class=xss onload=alert(1)>" in " ".join(page.inner_text(".md-search-result").split())


# --- the PDFs and the open data -------------------------------------------------------------

def _port(hostile: Hostile) -> int:
    return int(hostile.payloads["img"].split("127.0.0.1:")[1].split("/")[0])


def test_the_pdf_renderer_fetched_nothing_and_printed_the_payloads(hostile):
    from pypdf import PdfReader

    assert hostile.during_build == ()  # no <img>, url() or @import of a payload was fetched
    for pdf in catalogue.pdfs():
        text = " ".join("".join(page.extract_text() for page in PdfReader(hostile.built.dist / pdf.name).pages).split())
        assert "onload=alert(1)>" in text.replace(" ", "") or "onload=alert(1)>" in text, pdf.name
        assert "&lt;script&gt;" in text.replace(" ", ""), pdf.name


def test_the_open_data_holds_the_payloads_as_data(hostile):
    from lxml import etree

    payload = hostile.payloads["attribute"]
    data = json.loads((hostile.built.dist / catalogue.EXPORT_JSON).read_text(encoding="utf-8"))
    assert data["document"]["title"]["en"]["text"].endswith(" ".join([*hostile.payloads.values(),
                                                                       "{: .xss onclick=alert(9) }"]))
    rows = list(csv.DictReader(io.StringIO((hostile.built.dist / catalogue.EXPORT_CSV).read_text("utf-8-sig"))))
    assert all(payload in row["en"] for row in rows if row["en"])
    for lang in LANGS:
        tree = etree.parse(str(hostile.built.dist / catalogue.export_akn(lang)))
        texts = "".join(tree.getroot().itertext())
        assert payload in texts and "&lt;script&gt;" in texts
        assert not tree.getroot().xpath("//*[local-name()='svg' or local-name()='img' or local-name()='b']")
    sitemap = etree.parse(str(hostile.built.site / "sitemap.xml"))  # well-formed XML
    assert sitemap.getroot().xpath("//*[local-name()='loc']")
