"""The offline bundle (scripts/offline.py): one zip that works opened from disk.

translations/ is packed once (`python -m scripts offline`) and unzipped into a temporary
folder; Debian's chromium opens it through Playwright at file:// with every request that
is not file: blocked and counted. Each browser test ends by asserting that none was made.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import DESKTOP, ROOT
from test_browser_site import expect_clause_in_view, open_search

from constitution.core import catalogue, ids, languages, paths, urls

from scripts import offline, pages
from scripts.validate import checked_source

LANGUAGES = languages.LANGUAGES
CLAUSE = ids.clause_id(2, 4)  # "the capital … is Astana", far enough down to need a scroll
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_offline(source: Path, out: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "scripts", "offline", "--source", str(source), "--out", str(out)]
    return subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)


@pytest.fixture(scope="module")
def source():
    return checked_source(paths.SOURCE_DIR)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The zip of translations/, built once for the module."""
    out = tmp_path_factory.mktemp("offline") / "bundle.zip"
    result = run_offline(paths.SOURCE_DIR, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def folder(bundle, source, tmp_path_factory) -> Path:
    """The bundle unzipped, as a reader would: the path of its one top-level folder."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    return target / catalogue.offline_folder(source.document.edition.id)


def page_file(page: str, lang: str) -> str:
    """Where a page is in the bundle: 'ru/art_2/index.html' (no server to find index.html)."""
    return f"{urls.page_url(page, lang)}index.html"


def url(folder: Path, page: str, lang: str, anchor: str = "") -> str:
    return (folder / page_file(page, lang)).as_uri() + (f"#{anchor}" if anchor else "")


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


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport=DESKTOP)
    watched = Offline(context)
    yield context.new_page(), watched
    context.close()


# --- in the browser, from file:// ------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contents_lead_to_an_article(offline_page, folder, source, lang):
    page, watched = offline_page
    page.goto((folder / "index.html").as_uri())  # what a reader opens: the Kazakh home page
    assert page.evaluate("document.documentElement.lang") == languages.DEFAULT_LANGUAGE
    if lang != languages.DEFAULT_LANGUAGE:
        page.locator(".md-select").hover()
        page.locator(f"a.md-select__link[hreflang={lang}]").click()
        page.wait_for_url(url(folder, urls.HOME_PAGE, lang))
    contents_link = page_file(ids.article_id(2), languages.DEFAULT_LANGUAGE)  # from any home page
    page.locator(f'.md-content a[href="{contents_link}"]').first.click()

    page.wait_for_url(url(folder, ids.article_id(2), lang))
    assert page.evaluate("document.documentElement.lang") == lang
    title = source.ui.get("article_label", lang).format(n=2)
    assert page.locator(".md-content h1").inner_text().strip() == title
    assert page.locator(f"#{CLAUSE}").is_visible()
    watched.check()


@pytest.mark.browser
@pytest.mark.parametrize("target", ["kk", "en"])
def test_language_switch_lands_on_the_same_clause(offline_page, folder, target):
    page, watched = offline_page
    page.goto(url(folder, ids.article_id(2), "ru", CLAUSE))
    expect_clause_in_view(page, CLAUSE)

    page.locator(".md-select").hover()
    page.locator(f"a.md-select__link[hreflang={target}]").click()

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


@pytest.mark.browser
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


@pytest.mark.browser
def test_search_finds_every_language_from_one_page(offline_page, folder):
    """The index holds all three languages, not only the last one built."""
    page, watched = offline_page
    page.goto(url(folder, urls.HOME_PAGE, "en"))
    groups = open_search(page, "Астана Astana")
    languages = {next((lang for lang in LANGUAGES[1:] if href.startswith((folder / lang).as_uri() + "/")),
                      languages.DEFAULT_LANGUAGE) for href in (group[0] for group in groups)}
    assert languages == set(LANGUAGES), groups
    watched.check()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_links_the_pdfs_in_the_bundle(offline_page, folder, lang):
    page, watched = offline_page
    page.goto(url(folder, urls.HOME_PAGE, lang))
    links = page.eval_on_selector_all('.md-content a[href$=".pdf"]', "links => links.map(a => a.href)")
    assert sorted(link.rsplit("/", 1)[1] for link in links) == sorted(
        name for name in pages.download_names() if name.endswith(".pdf"))
    for link in links:
        assert link == (folder / urls.download_url(link.rsplit("/", 1)[1])).as_uri()
        assert (folder / urls.download_url(link.rsplit("/", 1)[1])).read_bytes().startswith(b"%PDF-")
    watched.check()


# --- the zip and the files in it ---------------------------------------------------------------


def test_one_folder_named_after_the_edition_sorted_dated_and_with_fixed_modes(bundle, source):
    edition = source.document.edition
    top = catalogue.offline_folder(edition.id)
    with zipfile.ZipFile(bundle) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names) and len(set(names)) == len(names)
    assert {name.split("/")[0] for name in names} == {top} and f"{top}/index.html" in names
    assert {info.date_time for info in infos} == {(edition.date.year, edition.date.month, edition.date.day, 0, 0, 0)}
    assert {(info.filename.endswith("/"), info.external_attr >> 16) for info in infos} == {
        (True, offline.FOLDER_MODE), (False, offline.FILE_MODE)}


def test_the_bundle_holds_every_page_and_download_but_nothing_for_servers(folder, source):
    files = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    keys = {page.key for page in pages.language_pages(pages.Lang(source, "kk"), source, offline=True)}
    assert {name for name in files if name.endswith(".html")} == {
        page_file(key, lang) for key in keys for lang in LANGUAGES}
    assert {urls.download_url(name) for name in pages.download_names()} <= files
    assert not [name for name in files if name in offline.WEB_ONLY or name.endswith(".map")]


def test_nothing_in_the_pages_points_outside_the_bundle(folder):
    loads = re.compile(r'<(?:link|script|img|iframe|source)\b[^>]*?\s(?:href|src)="([^"]+)"')
    for path in folder.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'rel="alternate"' not in text and 'rel="canonical"' not in text, path
        for target in loads.findall(text):
            assert not re.match(r"[a-z]+:|//", target), (path, target)
            file = (path.parent / target.split("#")[0].split("?")[0]).resolve()
            assert file.is_file() and folder in file.parents, (path, target)


def test_the_search_script_holds_every_clause_in_every_language(folder, source):
    script = (folder / "search" / "search_index.js").read_text(encoding="utf-8")
    prefix = "var __index = "
    assert script.startswith(prefix)
    index = json.loads(script.removeprefix(prefix))
    assert index == json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for lang in LANGUAGES:
        for unit in source.units():
            if unit.kind in ("recital", "clause", "point"):
                assert f"{page_file(urls.page_of(unit.id), lang)}#{unit.id}" in locations, (lang, unit.id)


def test_the_worker_shim_is_in_the_bundle_with_its_licence(folder):
    shim = folder / "assets" / "javascripts" / "iframe-worker"
    assert (shim / "shim.js").read_bytes() == (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").read_bytes()
    assert "MIT" in (shim / "LICENSE").read_text(encoding="utf-8")
    home = (folder / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker/shim.js">' in home


def test_two_builds_give_the_same_bytes(bundle, tmp_path):
    again = tmp_path / "again.zip"
    result = run_offline(paths.SOURCE_DIR, again)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(again.read_bytes()).hexdigest() == hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert f"SHA-256 {hashlib.sha256(again.read_bytes()).hexdigest()}" in result.stdout


# --- the pages: the website lists the bundle, the bundle does not list itself ----------------------


@pytest.mark.parametrize("offline_pages, listed", [(False, True), (True, False)], ids=["website", "bundle"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_downloads_page_lists_the_bundle_on_the_website_only(source, offline_pages, listed, lang):
    page = pages.site_files(source, offline=offline_pages)[urls.page_source(urls.DOWNLOADS_PAGE, lang)]
    name = catalogue.offline_name(source.document.edition.id)
    assert (pages.DOWNLOAD_SIZE.format(name=name) in page) is listed
    assert (source.ui.get("site_file_offline", lang) in page) is listed
    for other in pages.download_names():
        assert pages.DOWNLOAD_SIZE.format(name=other) in page


# --- bad input ----------------------------------------------------------------------------------


def test_a_broken_source_says_where_and_writes_nothing(rich_source, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(rich_source, broken)
    article = broken / "articles" / "002.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("status: unofficial", "status: draft", 1),
                       encoding="utf-8")
    out = tmp_path / "out" / "bundle.zip"
    result = run_offline(broken, out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if "002.yaml" in line]
    assert len(problems) == 1 and "draft" in problems[0], result.stderr
    assert not out.parent.exists()
