"""The offline bundle's conversion of the website's output (constitution/build/offline.py), on a
tiny built website written here (the bundle of a real build: tests/build/build/test_offline.py,
in a browser: tests/browser/test_offline.py)."""

from __future__ import annotations

import datetime
import json
import zipfile
from pathlib import Path

import pytest
import yaml

from constitution.build import offline
from constitution.core import catalogue, languages, paths, urls
from constitution.core.problems import BuildError
from constitution.site import search_index
from constitution.site.hooks import downloads

SITE_URL = "https://example.org/constitution/"
BUNDLE = catalogue.offline_name("2026-01-30")
HEAD = ('<head>\n<meta charset="utf-8">\n<link rel="canonical" href="{url}">\n'
        '<link rel="alternate" href="{url}" hreflang="x-default">\n<link rel="prev" href="../">\n'
        '<link rel="preload" href="{base}assets/f.woff2" as="font" type="font/woff2" crossorigin>\n'
        '<link rel="stylesheet" href="{base}assets/app.css">\n<meta property="og:url" content="{url}">\n'
        '<meta name="twitter:card" content="summary">\n<script src="{base}assets/app.js"></script>\n</head>')
GROUP = (f'<div {downloads.WEBSITE_ONLY} data-search-exclude>\n<h2 id="offline" data-search-exclude>Offline</h2>\n'
         f'<table><tr><td><a href="../downloads/{BUNDLE}">zip</a></td>'
         f'<td>{downloads.pending_cell("size", BUNDLE)}</td><td>{downloads.pending_cell("sha256", BUNDLE)}</td>'
         '</tr></table>\n</div>')
TOC = ('<nav class="md-nav md-nav--secondary"><ul class="md-nav__list">'
       '<li class="md-nav__item">\n<a href="#pdf" class="md-nav__link">\n<span>PDF</span>\n</a>\n</li>'
       '<li class="md-nav__item">\n<a href="#offline" class="md-nav__link">\n<span>Offline</span>\n</a>\n</li>'
       '</ul></nav>')


def page(name: str, body: str) -> str:
    base = "../" * name.count("/")
    return (f"<!doctype html>\n<html>\n{HEAD.format(url=SITE_URL + name.removesuffix('index.html'), base=base)}"
            f"\n<body>{body}</body>\n</html>\n")


SEARCH_CONFIG = {"lang": ["ru", "en"], "separator": "[\\s]+", "pipeline": ["trimmer"], "fields": {}}
WEBSITE = {
    "index.html": page("index.html", '<a href="/constitution/">kk</a><a href="/constitution/ru/">ru</a>'
                                     '<a href="art_1/#p">1</a><a href="#top">top</a>'
                                     '<a href="https://example.com/">out</a><a href="downloads/a.pdf">pdf</a>'),
    "art_1/index.html": page("art_1/index.html", '<a href="..">home</a><a href="./">here</a><p id="p">'
                                                 '<a class="x" href="../ru/art_1/?order=ru,kk#p">ru</a>'),
    "ru/index.html": page("ru/index.html", '<a href="../">kk</a>'),
    "ru/art_1/index.html": page("ru/art_1/index.html", '<a href="../../art_1/">kk</a>'),
    "downloads/index.html": page("downloads/index.html", f'{TOC}<h2 id="pdf">PDF</h2>{GROUP}<p>after</p>'),
    "downloads/a.pdf": "%PDF-",
    "404.html": "<html><head></head><body>not found</body></html>",
    "ru/404.html": "<html><head></head><body>не найдено</body></html>",
    "sitemap.xml": "<urlset/>",
    "sitemap.xml.gz": "",
    "assets/app.js": "var x",
    "assets/app.js.map": "{}",
    "assets/app.css": "a{}",
    **{search_index.index_path(lang): json.dumps({"config": SEARCH_CONFIG, "docs": docs})
       for lang, docs in {
           "kk": [{"location": "", "title": "Басты бет", "text": ""}, {"location": "art_1/#p", "title": "1", "text": "x"}],
           "ru": [{"location": "ru/", "title": "Главная", "text": ""}],
           "en": [{"location": "en/art_1/#p", "title": "1", "text": "y"}]}.items()},
}


@pytest.fixture
def website(tmp_path) -> Path:
    for name, text in WEBSITE.items():
        path = tmp_path / "site" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "site"


def test_the_bundle_holds_the_website_less_what_only_a_server_or_a_developer_reads(website):
    assert set(offline.bundle_files(website)) == {
        "index.html", "art_1/index.html", "ru/index.html", "ru/art_1/index.html", "downloads/index.html",
        "downloads/a.pdf", "assets/app.js", "assets/app.css", *SEARCH_FILES,
        "assets/javascripts/iframe-worker/shim.js", "assets/javascripts/iframe-worker/LICENSE"}


LINKS = [
    # test id, page, href on the website, href in the bundle
    ("folder", "index.html", "art_1/", "art_1/index.html"),
    ("folder-fragment", "index.html", "art_1/#p", "art_1/index.html#p"),
    ("parent", "art_1/index.html", "..", "../index.html"),
    ("parent-slash", "ru/index.html", "../", "../index.html"),
    ("itself", "art_1/index.html", "./", "index.html"),
    ("query-and-fragment", "art_1/index.html", "../ru/art_1/?order=ru,kk#p", "../ru/art_1/index.html?order=ru,kk#p"),
    ("root-absolute-home", "index.html", "/constitution/", "index.html"),
    ("root-absolute-language", "art_1/index.html", "/constitution/ru/", "../ru/index.html"),
    ("file", "index.html", "downloads/a.pdf", "downloads/a.pdf"),
    ("fragment", "index.html", "#top", "#top"),
    ("external", "index.html", "https://example.com/", "https://example.com/"),
    ("outside-the-root", "index.html", "/elsewhere/", "/elsewhere/"),
    ("no-such-folder", "index.html", "nowhere/", "nowhere/"),
]


@pytest.mark.parametrize("name, href, expected", [case[1:] for case in LINKS], ids=[case[0] for case in LINKS])
def test_a_link_to_a_folder_leads_to_its_index_html(name, href, expected):
    folders = {".", "art_1", "ru", "ru/art_1", "downloads"}
    assert offline.file_url(href, name, folders, "/constitution/") == expected
    converted = offline.file_links(f'<p>href="{href}"</p><a class="x" href="{href}">', name, folders, "/constitution/")
    assert converted == f'<p>href="{href}"</p><a class="x" href="{expected}">'  # in a tag only


def test_the_head_keeps_nothing_of_the_website_and_loads_the_worker_shim(website):
    html = offline.bundle_files(website)["art_1/index.html"].decode("utf-8")
    head = html.partition("</head>")[0]
    assert "example.org" not in html and 'rel="preload"' not in head and "og:" not in head and "twitter:" not in head
    assert '<link rel="prev" href="../index.html">' in head
    assert '<link rel="stylesheet" href="../assets/app.css">' in head
    assert head.endswith('<script src="../assets/javascripts/iframe-worker/shim.js"></script>\n')
    assert html.partition("</head>")[2] == offline.file_links(
        WEBSITE["art_1/index.html"].partition("</head>")[2], "art_1/index.html",
        {".", "art_1", "ru", "ru/art_1"}, "/constitution/")  # the body: only its links change


@pytest.mark.parametrize("tag", ["<link rel='canonical' href='https://example.org/'>",
                                 '<LINK REL="alternate" href="https://example.org/ru/">',
                                 "<meta property=og:url content=https://example.org/>"])
def test_a_head_link_to_the_website_in_an_unknown_form_stops_the_bundle(tag):
    with pytest.raises(BuildError, match="unknown form"):
        offline.offline_head(f"<head>{tag}", "index.html")


def test_a_head_tag_is_the_websites_only_by_its_attributes_in_any_order():
    assert offline.offline_head('<link href="https://example.org/" rel="canonical">\n', "a/index.html") == (
        '<script src="../assets/javascripts/iframe-worker/shim.js"></script>\n')


SEARCH_FILES = {f"search/{lang}.{kind}" for lang in ("kk", "ru", "en") for kind in ("json", "js")}


@pytest.mark.parametrize("lang, locations", [
    ("kk", ["index.html", "art_1/index.html#p"]), ("ru", ["ru/index.html"]), ("en", ["en/art_1/index.html#p"]),
], ids=["kk", "ru", "en"])
def test_search_is_a_script_per_language_whose_locations_are_files(website, lang, locations):
    files = offline.offline_search_files(website)
    assert set(files) == SEARCH_FILES
    script = files[f"search/{lang}.js"].decode("utf-8")
    prefix = f"var __search_index_{lang} = "
    assert script.startswith(prefix)
    index = json.loads(script.removeprefix(prefix).rstrip().removesuffix(";"))
    assert index == json.loads(files[f"search/{lang}.json"])
    assert [doc["location"] for doc in index["docs"]] == locations
    assert index["config"] == SEARCH_CONFIG
    assert "\\u" not in script  # UTF-8, as it is


def test_a_bundle_without_a_languages_index_is_refused(website):
    (website / "search" / "en.json").unlink()
    with pytest.raises(BuildError, match="en.json: missing"):
        offline.offline_search_files(website)


def test_the_bundles_downloads_page_leaves_out_the_bundle_and_its_contents_entry(website):
    html = offline.bundle_files(website)["downloads/index.html"].decode("utf-8")
    assert BUNDLE not in html and 'id="offline"' not in html and "#offline" not in html
    assert downloads.WEBSITE_ONLY not in html and "data-download-pending" not in html
    assert '<a href="#pdf" class="md-nav__link">' in html and '<h2 id="pdf">PDF</h2><p>after</p>' in html


WEBSITE_ONLY_PROBLEMS = [
    # test id, body, what the error says
    ("nested-div", f"<div {downloads.WEBSITE_ONLY}><div></div></div>", "holding no other"),
    ("unclosed", f"<div {downloads.WEBSITE_ONLY}><h2 id='x'>", "holding no other"),
    ("toc-entry-of-another-form", f'<ul><li class="md-nav__item md-x"><a href="#g" class="md-nav__link">g</a></li></ul>'
                                  f'<div {downloads.WEBSITE_ONLY}><h2 id="g">G</h2></div>', "unknown form"),
    ("other-link-to-the-heading", f'<a href="#g">g</a><div {downloads.WEBSITE_ONLY}><h2 id="g">G</h2></div>',
     "leaves out"),
]


@pytest.mark.parametrize("body, message", [case[1:] for case in WEBSITE_ONLY_PROBLEMS],
                         ids=[case[0] for case in WEBSITE_ONLY_PROBLEMS])
def test_a_website_only_element_the_conversion_cannot_remove_stops_the_bundle(body, message):
    with pytest.raises(BuildError, match=message):
        offline.without_website_only(body, "downloads/index.html")


def test_the_same_files_give_the_same_zip(tmp_path):
    files = {"index.html": b"<p>", "ru/index.html": b"<p>", "assets/a/b.css": b"a{}"}
    day = datetime.date(2026, 1, 30)
    offline.pack(files, "constitution-2026-01-30", tmp_path / "one.zip", day)
    offline.pack(dict(reversed(files.items())), "constitution-2026-01-30", tmp_path / "two.zip", day)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == [
        "constitution-2026-01-30/", "constitution-2026-01-30/assets/", "constitution-2026-01-30/assets/a/",
        "constitution-2026-01-30/assets/a/b.css", "constitution-2026-01-30/index.html",
        "constitution-2026-01-30/ru/", "constitution-2026-01-30/ru/index.html"]
    assert {info.date_time for info in infos} == {(2026, 1, 30, 0, 0, 0)}
    assert {info.compress_type for info in infos if not info.is_dir()} == {zipfile.ZIP_DEFLATED}


def stamped_site(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(site, docs, zip): a website whose Downloads pages hold the bundle's pending cells."""
    site, docs, bundle = tmp_path / "site", tmp_path / "docs", tmp_path / BUNDLE
    formats = {lang: {"kb": "{n} KB", "mb": "{n} MB", "decimal": "," if lang != "en" else "."}
               for lang in languages.LANGUAGES}
    for lang in languages.LANGUAGES:
        path = site / urls.page_file(urls.DOWNLOADS_PAGE, lang)
        path.parent.mkdir(parents=True)
        path.write_text(page(urls.page_file(urls.DOWNLOADS_PAGE, lang), f"<p>x</p>{GROUP}"), encoding="utf-8")
    docs.mkdir()
    (docs / paths.SITE_DATA_FILE).write_text(yaml.safe_dump(
        {"languages": {lang: {"file_size": formats[lang]} for lang in languages.LANGUAGES}}), encoding="utf-8")
    bundle.write_bytes(b"z" * (3 * 1024 * 1024 // 2))
    return site, docs, bundle


def test_the_websites_downloads_pages_get_the_bundles_figures_and_nothing_else_changes(tmp_path):
    site, docs, bundle = stamped_site(tmp_path)
    before = {lang: (site / urls.page_file(urls.DOWNLOADS_PAGE, lang)).read_text(encoding="utf-8")
              for lang in languages.LANGUAGES}
    offline.stamp(site, docs, bundle)
    entry = catalogue.manifest_entry(bundle)
    for lang, size in zip(languages.LANGUAGES, ("1,5\u00a0MB", "1,5\u00a0MB", "1.5\u00a0MB")):
        after = (site / urls.page_file(urls.DOWNLOADS_PAGE, lang)).read_text(encoding="utf-8")
        assert after == before[lang].replace(downloads.pending_cell("size", BUNDLE), size).replace(
            downloads.pending_cell("sha256", BUNDLE), f'<code class="sha256">{entry["sha256"]}</code>')
    assert (site / urls.download_url(BUNDLE)).read_bytes() == bundle.read_bytes()


def test_a_downloads_page_without_the_pending_cells_stops_the_build(tmp_path):
    site, docs, bundle = stamped_site(tmp_path)
    ru = site / urls.page_file(urls.DOWNLOADS_PAGE, "ru")
    ru.write_text(ru.read_text(encoding="utf-8").replace(downloads.pending_cell("size", BUNDLE), ""), encoding="utf-8")
    with pytest.raises(BuildError, match="expected one"):
        offline.stamp(site, docs, bundle)
