"""The link check (constitution/build/linkcheck.py, issue 7, part 2) catches each kind of broken
reference, on tiny folders made here, and the site build stops on one (the built sites and the
offline bundle checked: tests/build/build/test_links.py).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest

from constitution.build import linkcheck, pipeline
from constitution.core import catalogue
from constitution.core.problems import BuildError

PAGE = "<!doctype html><html lang='en'><head>{head}</head><body>{body}</body></html>"

# test id, files of a tiny site {path: body or (head, body)}, directory URLs?, expected problem
# fragments (each must appear in one problem line; none expected = no problem at all)
CASES = [
    ("resolves", {"index.html": '<a href="a/#x">a</a><a href="#top" id="top">t</a>',
                  "a/index.html": '<p id="x">x</p><a href="../">home</a>'}, True, []),
    ("missing-page", {"index.html": '<a href="b/">b</a>'}, True, ["index.html: <a href=\"b/\">: no folder b/"]),
    ("missing-file", {"index.html": '<a href="b.html">b</a>'}, False, ["no file b.html"]),
    ("missing-fragment", {"index.html": '<a href="a/#y">a</a>', "a/index.html": '<p id="x">x</p>'}, True,
     ["no id 'y' in a/index.html"]),
    ("missing-fragment-same-page", {"index.html": '<a href="#nowhere">x</a>'}, True,
     ["no id 'nowhere' in index.html"]),
    ("fragment-escaped", {"index.html": '<a href="#%D0%B1">x</a><p id="б">б</p>'}, True, []),
    ("duplicate-id", {"index.html": '<p id="x">1</p><p id="x">2</p>'}, True, ["id 'x' is used more than once"]),
    ("folder-link-offline", {"index.html": '<a href="a/">a</a>', "a/index.html": "a"}, False,
     ["links to a folder"]),
    ("file-links-offline", {"index.html": '<a href="a/index.html#x">a</a>', "a/index.html": '<p id="x">'}, False,
     []),
    ("outside-the-site", {"index.html": '<a href="../x.html">x</a>'}, False, ["leads outside the site"]),
    ("root-absolute", {"index.html": '<a href="/a/">a</a>', "a/index.html": "a"}, True, ["root-absolute URL"]),
    ("javascript-url", {"index.html": '<a href="javascript:alert(1)">x</a>'}, True, ["'javascript:' URL"]),
    ("external-link-listed", {"index.html": '<a href="https://example.com/">x</a>'}, True, []),
    ("external-script", {"index.html": ('<script src="https://cdn.example/x.js"></script>', "")}, True,
     ["<script src=\"https://cdn.example/x.js\">: loads a resource from outside the site"]),
    ("external-stylesheet", {"index.html": ('<link rel="stylesheet" href="//fonts.example/css">', "")}, True,
     ["loads a resource from outside the site"]),
    ("external-image-srcset", {"index.html": '<img alt="" srcset="a.png 1x, https://x.example/b.png 2x">',
                               "a.png": ""}, True, ["loads a resource from outside the site"]),
    ("missing-stylesheet", {"index.html": ('<link rel="stylesheet" href="s.css">', "")}, True, ["no file s.css"]),
    ("css-missing-font", {"index.html": "x", "css/s.css": '@font-face{src:url("../f/x.woff2")}'}, True,
     ["css/s.css: url(../f/x.woff2): no file f/x.woff2"]),
    ("css-external-font", {"index.html": "x", "s.css": "@import 'https://fonts.example/x.css';"}, True,
     ["loads a resource from outside the site"]),
    ("css-data-url", {"index.html": "x", "s.css": "a{background:url(data:image/png;base64,AA==)}"}, True, []),
    ("search-index-location", {"index.html": "x", "a/index.html": '<p id="x">',
                               "search/ru.json": '{"docs": [{"location": "a/#x"}, {"location": "a/#y"}]}'},
     True, ["location \"a/#y\": no id 'y' in a/index.html"]),
    ("offline-search-index", {"index.html": "x", "a.html": '<p id="x">',
                              "search/en.js": 'var __search_index_en = {"docs": [{"location": "b.html"}]};'},
     False, ["no file b.html"]),
    ("meta-refresh", {"index.html": ('<meta http-equiv="refresh" content="0; url=kk/index.html">', "")}, False,
     ["no file kk/index.html"]),
    ("a-name-anchor", {"index.html": '<a name="n"></a><a href="#n">n</a>'}, True, []),
    ("style-element", {"index.html": ("<style>p{background:url(y.png)}</style>", "")}, True,
     ["index.html: url(y.png): no file y.png"]),
    ("style-attribute-any-case", {"index.html": '<p STYLE = "background:url(x.png)">x</p>'}, True,
     ["index.html: url(x.png): no file x.png"]),
    # a `../` URL is resolved once for the pages of one folder's subfolders: not for the site's
    # root page (it leads outside), and each page that holds a broken one is named
    ("upward-links-shared", {"index.html": '<a href="../a/">a</a>', "a/index.html": '<a href="../b/">b</a>',
                             "b/index.html": '<a href="../a/">a</a><a href="../c/">c</a>',
                             "c/d/index.html": '<a href="../c/">c</a>'}, True,
     ["index.html: <a href=\"../a/\">: leads outside the site", "b/index.html: <a href=\"../c/\">: no file c/index.html",
      "c/d/index.html: <a href=\"../c/\">: no folder c/c/"]),
]


# page: (its folder, the scope of its `../` URLs)
SCOPES = [
    ("index.html", ("", "")),
    ("a/index.html", ("a", "/..")),
    ("search/ru.json", ("search", "/..")),
    ("ru/art_2/index.html", ("ru/art_2", "ru/..")),
    ("ru/parallel/art_2/index.html", ("ru/parallel/art_2", "ru/parallel/..")),
]


@pytest.mark.parametrize("page, expected", SCOPES, ids=[case[0] for case in SCOPES])
def test_scopes_of_a_page(page, expected):
    assert linkcheck.scopes(page) == expected


# plain URLs (split without urlsplit) and others: both as urlsplit and unquote make them
SPLIT_URLS = ["../art_2/#art_2__para_4", "", "#x", "#", "a#", "./", "..", "a//b", "/abs/x", "x.html",
              "//host/x", "a#b#c", "a?q=1#f", "%D0%B1/#%D0%B1", "HTTPS://x.example/", "mailto:a@b", " a b"]


@pytest.mark.parametrize("url", SPLIT_URLS)
def test_split_is_urlsplit_unquoted(url):
    parts = urlsplit(url)
    linkcheck.split.cache_clear()
    assert linkcheck.split(url) == (parts.scheme.lower(), unquote(parts.path), unquote(parts.fragment))


def write_site(folder: Path, files: dict) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".html"):
            head, body = content if isinstance(content, tuple) else ("", content)
            content = PAGE.format(head=head, body=body)
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("files, directory_urls, expected", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_linkcheck_finds_each_kind_of_broken_reference(tmp_path, files, directory_urls, expected):
    write_site(tmp_path, files)
    report = linkcheck.check(tmp_path, directory_urls=directory_urls)
    if not expected:
        assert report.problems == []
    for fragment in expected:
        assert any(fragment in line for line in report.problems), report.problems
    assert len(report.problems) == len(expected), report.problems


def test_references_are_resolved_against_the_files_listed_once_not_the_disk(tmp_path, monkeypatch):
    pages = {f"p{n}/index.html": "".join(f'<a href="../p{m}/#x{m}">{m}</a>' for m in range(20)) + f'<p id="x{n}">'
             for n in range(20)}
    write_site(tmp_path, {"index.html": '<a href="p1/">1</a><a href="nowhere/">x</a>', **pages})
    walks, stats = [], []
    real_walk, real_stat = os.walk, os.stat
    monkeypatch.setattr(os, "walk", lambda *args, **kwargs: walks.append(args) or real_walk(*args, **kwargs))
    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: stats.append(args) or real_stat(*args, **kwargs))
    report = linkcheck.check(tmp_path)
    assert report.checked == 20 * 20 + 2 and report.problems == ['index.html: <a href="nowhere/">: no folder nowhere/']
    assert len(walks) == 1 and len(stats) <= 2  # one walk; the folder itself, not one stat per reference


def test_linkcheck_lists_external_links(tmp_path):
    write_site(tmp_path, {"index.html": '<a href="https://example.com/a">x</a>', "b/index.html": '<a href="http://x.example/">'})
    assert linkcheck.check(tmp_path).external == ["b/index.html: http://x.example/", "index.html: https://example.com/a"]


def test_addresses_under_the_site_url_are_checked_as_internal(tmp_path):
    site_url = "https://example.org/constitution/"
    write_site(tmp_path, {
        "index.html": (f'<link rel="canonical" href="{site_url}">', f'<a href="{site_url}ru/">ru</a>'),
        "404.html": '<a href="/constitution/">home</a><a href="/constitution/en/">en</a>',
        "ru/index.html": "ru",
    })
    assert linkcheck.published_at(tmp_path) == site_url
    report = linkcheck.check(tmp_path, site_url=site_url)
    assert report.problems == ["404.html: <a href=\"/constitution/en/\">: no folder en/"]
    assert report.external == []


def staged_build(tmp_path: Path, site_files: dict, bundle_files: dict | None = None, units: tuple = ()):
    """A pipeline.Build whose staging site/ (and offline zip in dist/) hold the given files, of a
    source that holds units with the given ids."""
    staged = pipeline.Build(tmp_path / "source", tmp_path / "work")
    staged.source = SimpleNamespace(document=SimpleNamespace(edition=SimpleNamespace(id="2026-01-30")),
                                    units=lambda: [SimpleNamespace(id=unit_id) for unit_id in units])
    write_site(staged.site, site_files)
    staged.dist.mkdir(parents=True)
    if bundle_files is not None:
        write_site(tmp_path / "bundle", bundle_files)
        with zipfile.ZipFile(staged.dist / catalogue.offline_name("2026-01-30"), "w") as archive:
            for path in sorted((tmp_path / "bundle").rglob("*")):
                archive.write(path, f"{catalogue.offline_folder('2026-01-30')}/{path.relative_to(tmp_path / 'bundle')}")
    return staged


ARTICLE_1 = {"index.html": "x", "art_1/index.html": '<p id="art_1">', "ru/art_1/index.html": '<p id="art_1">',
             "en/art_1/index.html": '<p id="art_1">'}

# test id, website files, bundle files (None: no bundle), ids of the source's units, expected problems
STAGE_CASES = [
    ("good", {"index.html": '<a href="a/#x">a</a>', "a/index.html": '<p id="x">'},
     {"index.html": '<a href="a.html">a</a>', "a.html": ""}, (), []),
    ("website", {"index.html": '<a href="nowhere/">x</a>'}, None, (),
     ['site/index.html: <a href="nowhere/">: no folder nowhere/']),
    ("bundle", {"index.html": "x"}, {"index.html": '<a href="a/">a</a>', "a/index.html": ""}, (),
     ['constitution-2026-01-30-offline.zip: index.html: <a href="a/">: links to a folder (from disk a browser '
      'shows a listing): link its index.html']),
    ("unit-anchors", ARTICLE_1, None, ("art_1",), []),
    ("unit-anchor-absent", {**ARTICLE_1, "ru/art_1/index.html": "<p>"}, None, ("art_1",),
     ["site/ru/art_1/#art_1: no id 'art_1' in ru/art_1/index.html"]),
]


@pytest.mark.parametrize("site_files, bundle_files, units, expected", [case[1:] for case in STAGE_CASES],
                         ids=[case[0] for case in STAGE_CASES])
def test_the_site_build_stops_on_a_broken_link(tmp_path, site_files, bundle_files, units, expected):
    runs = [stage.run for stage in pipeline.STAGES]
    assert runs.index(pipeline.links) > runs.index(pipeline.website)  # the last word on the site
    staged = staged_build(tmp_path, site_files, bundle_files, units)
    written = sorted(staged.work.rglob("*"))
    if not expected:
        pipeline.links(staged)
        assert sorted(staged.work.rglob("*")) == written  # the bundle is read in its zip, not unpacked
        return
    with pytest.raises(BuildError) as error:
        pipeline.links(staged)
    assert error.value.messages == expected
    assert error.value.lines() == expected
