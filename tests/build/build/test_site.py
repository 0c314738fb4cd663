"""End to end: `python -m constitution site` builds site/ and dist/ from a source
(constitution/build/pipeline.py)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from constitution import cli
from constitution.build import bundle_editions, pipeline
from constitution.core import catalogue, ids, languages, urls
from constitution.source.validate import checked_source
from tests.helpers import ROOT, TRANSLATIONS
from tests.helpers.rendering import TextOf, clause_text
from tests.helpers.rich import SPECIAL

SITE_URL = "https://constitution.example.kz/draft/"  # a sub-path, as on a project's pages host
ENV = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
PREFIX = {lang: "" if lang == languages.DEFAULT_LANGUAGE else f"{lang}/" for lang in languages.LANGUAGES}
OUTSIDE = re.compile(r'<(?:link|script|img|iframe|source|video|audio|embed)\b[^>]*?\s(?:href|src)="(https?:)?//', re.I)


def run_site(source: Path, out: Path, dist: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "constitution", "site", "--source", str(source),
               "--out", str(out), "--dist", str(dist)]
    return subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)


def build_once(source_dir: Path, root: Path):
    result = run_site(source_dir, root / "site", root / "dist")
    assert result.returncode == 0, result.stderr
    return checked_source(source_dir), root / "site", root / "dist"


@pytest.fixture(scope="module")
def rich_build(rich_source, tmp_path_factory):
    """(source, site, dist) of the rich fixture, built once for the module."""
    return build_once(rich_source, tmp_path_factory.mktemp("built-rich"))


@pytest.fixture(scope="module")
def repo_build(tmp_path_factory):
    """(source, site, dist) of translations/, built once for the module."""
    return build_once(TRANSLATIONS, tmp_path_factory.mktemp("built-repo"))


@pytest.fixture(scope="module", params=["rich", "repo"])
def built(request):
    return request.getfixturevalue(f"{request.param}_build")


def page_keys(source) -> set[str]:
    keys = {"", "about", "downloads"} | ({"preamble"} if source.preamble.recitals else set())
    keys |= {section.id for section in source.document.sections}
    keys |= {urls.parallel_page(), urls.STATUS_PAGE}
    keys |= {urls.parallel_page(article.id) for article in source.articles}
    return keys | {article.id for article in source.articles}


def html(site: Path, key: str, lang: str) -> str:
    return (site / urls.page_url(key, lang) / "index.html").read_text(encoding="utf-8")


def test_the_exact_set_of_pages_of_the_rich_fixture(rich_build):
    _, site, _ = rich_build
    pages_kk = {"index.html", "preamble/index.html", "sec_1/index.html", "art_1/index.html",
                "art_2/index.html", "sec_2/index.html", "art_3/index.html", "about/index.html",
                "downloads/index.html", "parallel/index.html", "parallel/art_1/index.html",
                "parallel/art_2/index.html", "parallel/art_3/index.html", "status/index.html"}
    assert {path.relative_to(site).as_posix() for path in site.rglob("*.html")} == (
        {"404.html"} | pages_kk | {f"{lang}/{name}" for name in [*pages_kk, "404.html"] for lang in ("ru", "en")})


def test_the_exact_set_of_pages(built):
    source, site, _ = built
    expected = {f"{urls.page_url(key, lang)}{name}" for key in page_keys(source)
                for lang in languages.LANGUAGES for name in ["index.html", *(["404.html"] if key == "" else [])]}
    assert {path.relative_to(site).as_posix() for path in site.rglob("*.html")} == expected


def test_the_exact_set_of_what_serves_the_site(built):
    """Beside site/ and dist/, deploy/ with the nginx configuration; in site/, `_headers` and a .gz
    and .br copy of every text file (each only where it is smaller), and nothing else new."""
    from constitution.build import deploy, outputs
    from constitution.core import headers

    _, site, dist = built
    assert sorted(path.name for path in site.parent.iterdir() if not path.name.startswith(".")) == \
        ["deploy", "dist", "site"]
    assert sorted(path.name for path in (site.parent / "deploy").iterdir()) == [outputs.MARKER, deploy.NGINX_CONF]
    assert (site / deploy.HEADERS_FILE).is_file()
    names = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    copies = {name for name in names if name.endswith(headers.COMPRESSED) and name[:-3] in names}
    texts = {name for name in names - copies if headers.compressible(name)}
    assert {name[:-3] for name in copies} <= texts
    small = {name for name in texts if len((site / name).read_bytes()) < 200}
    assert {f"{name}{suffix}" for name in texts - small for suffix in headers.COMPRESSED} <= copies
    assert not [name for name in copies if not name.endswith(headers.COMPRESSED)]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_unit_is_an_anchor_on_its_page(built, lang):
    source, site, _ = built
    for unit in source.units():
        page = html(site, urls.page_of(unit.id), lang)
        assert f'id="{unit.id}"' in page, (unit.id, lang)
        assert f'id="{ids.akn_eid(unit.id)}"' in page, (unit.id, lang)  # its Akoma Ntoso eId too


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_html_lang_and_canonical_link_and_alternates_only_in_the_sitemap(built, lang):
    """Material's script fetches a sitemap.xml beside each <link rel="alternate"> of a page: the
    hreflang alternates are in the sitemap alone (test_sitemap_lists_every_page_with_its_alternates)."""
    source, site, _ = built
    for key in page_keys(source):
        page = html(site, key, lang)
        assert f'<html lang="{lang}"' in page
        assert f'<link rel="canonical" href="{urljoin(SITE_URL, urls.page_url(key, lang))}">' in page
        assert 'rel="alternate"' not in page, key


def test_sitemap_lists_every_page_with_its_alternates(built):
    source, site, _ = built
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    assert sorted(re.search(r"<loc>(.*)</loc>", url).group(1) for url in entries) == sorted(
        urljoin(SITE_URL, urls.page_url(key, lang)) for key in page_keys(source) for lang in languages.LANGUAGES)
    for url in entries:
        assert re.findall(r'hreflang="([^"]+)"', url) == [*languages.LANGUAGES, "x-default"]
        assert all(href.startswith(SITE_URL) for href in re.findall(r'href="([^"]+)"', url))


def test_nothing_is_loaded_from_outside_the_site(built):
    _, site, _ = built
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        loads = [match.group(0) for match in OUTSIDE.finditer(text)
                 if not re.search(r'rel="(canonical|alternate)"', match.group(0))]
        assert loads == [], path
    for path in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_each_language_has_its_404_page_leading_home_in_every_language(built, lang):
    """Kazakh at the root (what a server serves), ru/404.html and en/404.html: each in its own
    language, titled so, not for search engines, its own message first."""
    _, site, _ = built
    page = (site / urls.page_url("", lang) / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in page
    assert '<meta name="robots" content="noindex">' in page
    title = checked_source(TRANSLATIONS).ui.get("not_found_title", lang)  # ui.yaml's, through overrides/404.html
    assert re.search(rf"<title>{title} - [^<]+</title>", page) and f"<h1>{title} (404)</h1>" in page
    assert 'rel="alternate"' not in page
    path = urlsplit(SITE_URL).path
    found = re.findall(r'<p lang="(\w+)">[^<]+<a href="([^"]+)" hreflang="(\w+)">', page)
    assert found == [(code, f"{path}{urls.page_url('', code)}", code) for code in languages.page_first(lang)]
    switch = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link"', page)
    assert switch == [(f"{path}{urls.page_url('', code)}", code) for code in languages.LANGUAGES]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_footer_credits_the_theme_in_the_page_s_language(built, lang):
    """Material writes "Made with" in English on every page: ui.yaml's site_made_with, the name marked English."""
    _, site, _ = built
    made = checked_source(TRANSLATIONS).ui.get("site_made_with", lang)
    for key in ("", "art_2", "downloads"):
        footer = re.search(r'<div class="md-copyright">(.*?)</div>', html(site, key, lang), re.S).group(1)
        assert '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener" lang="en">' \
               'Material for MkDocs</a>' in footer
        assert " ".join(re.sub(r"<[^>]+>", "", footer).split()) == made.replace("{name}", "Material for MkDocs")


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_built_text_is_literal_and_marked(rich_build, lang):
    _, site, _ = rich_build
    page = html(site, "art_2", lang)
    assert clause_text(page, SPECIAL.id, "2.") == SPECIAL.text(lang)
    assert "<script>alert" not in page and "<b>bold" not in page
    assert ('class="admonition warning unofficial"' in page) is True
    assert ('class="admonition warning unofficial"' in html(site, "art_1", lang)) is (lang != "kk")
    if lang == "ru":
        assert TextOf.read(page, "art_2__para_3").count("Introduction of paragraph three:") == 1


def test_downloads_are_in_the_site_with_sizes_and_checksums(built):
    source, site, dist = built
    manifest = json.loads((dist / catalogue.MANIFEST).read_text(encoding="utf-8"))["files"]
    assert [entry["name"] for entry in manifest] == catalogue.names(
        catalogue.downloads(source.document.edition.id))  # the offline bundle last
    for entry in manifest:
        data = (dist / entry["name"]).read_bytes()
        assert (site / urls.download_url(entry["name"])).read_bytes() == data
        assert entry == {"name": entry["name"], "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    for lang in languages.LANGUAGES:
        page = html(site, urls.DOWNLOADS_PAGE, lang)
        for entry in manifest:
            assert f'<code class="sha256">{entry["sha256"]}</code>' in page
            here = urls.page_url(urls.DOWNLOADS_PAGE, lang)
            assert f'href="{posixpath.relpath(urls.download_url(entry["name"]), here)}"' in page
    assert not [path for path in site.rglob("*.html") if "download:" in path.read_text(encoding="utf-8")]


@pytest.mark.parametrize("lang, size", [("kk", "\u00a0КБ"), ("ru", "\u00a0КБ"), ("en", "\u00a0KB")])
def test_home_links_the_pdfs_with_their_size(built, lang, size):
    source, site, dist = built
    page = html(site, "", lang)
    for name in catalogue.names(catalogue.downloads(source.document.edition.id, bundle=False)):
        if name.endswith(".pdf"):
            kilobytes = -(-(dist / name).stat().st_size // 1024)
            shown = f"{kilobytes}{size}" if kilobytes < 1024 else None
            assert urls.download_url(name) in page and (shown is None or shown in page), name



def page_tree(site: Path, key: str, lang: str):
    import lxml.html

    return lxml.html.fromstring(html(site, key, lang).encode("utf-8"))


def nav_targets(site: Path, key: str, lang: str) -> set[str]:
    """The pages the primary nav of a page links to, as page keys."""
    here = urls.page_url(key, lang)
    links = page_tree(site, key, lang).xpath('//nav[contains(@class, "md-nav--primary")]//a/@href')
    return {posixpath.normpath(posixpath.join(here, link.split("#")[0])).removeprefix(PREFIX[lang].rstrip("/"))
            .strip("/").removeprefix(".") for link in links if not link.startswith("#")}


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_pruned_nav_reaches_every_article_through_its_section(built, lang):
    """A page's nav lists every section (a link to its index page) and, expanded, the articles of
    its own section only (navigation.prune); every article is one step from its section's page."""
    source, site, _ = built
    sections = {section.id: [article.id for article in source.section_articles(section)]
                for section in source.document.sections}
    home = nav_targets(site, urls.HOME_PAGE, lang)
    assert set(sections) <= home and not home & {a for articles in sections.values() for a in articles}
    for section, articles in sections.items():
        assert set(articles) <= nav_targets(site, section, lang)
        tree = page_tree(site, articles[0], lang)
        active = tree.xpath('//nav[contains(@class, "md-nav--primary")]//li[contains(@class, "md-nav__item--active")'
                            ' and contains(@class, "md-nav__item--nested")]')
        assert len(active) == 1 and active[0].xpath("./input/@checked") == ["checked"]
        assert active[0].xpath('./nav/@aria-expanded') == ["true"]
        others = set(sections) - {section}
        assert set(articles) | others <= nav_targets(site, articles[0], lang)
        assert not nav_targets(site, articles[0], lang) & {a for s in others for a in sections[s]}


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_an_article_keeps_its_breadcrumbs_and_its_footer_links(built, lang):
    source, site, _ = built
    section = source.document.sections[0]
    article = source.section_articles(section)[0].id
    tree = page_tree(site, article, lang)
    here = urls.page_url(article, lang)
    crumbs = [posixpath.normpath(posixpath.join(here, href)) for href in tree.xpath('//nav[@class="md-path"]//a/@href')]
    assert crumbs[-1] == posixpath.normpath(urls.page_url(section.id, lang))
    footer = tree.xpath('//nav[contains(@class, "md-footer__inner")]//a')
    assert [a.get("class").split()[-1] for a in footer] == ["md-footer__link--prev", "md-footer__link--next"]
    assert posixpath.normpath(posixpath.join(here, footer[0].get("href"))) == posixpath.normpath(
        urls.page_url(section.id, lang))  # the article after its section's page

# --- a failed build changes nothing ---------------------------------------------------------------


def snapshot(*folders: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for folder in folders for path in folder.rglob("*") if path.is_file()}


def test_a_broken_source_leaves_the_previous_build_and_says_where(rich_build, rich_source, tmp_path):
    _, site, dist = rich_build
    before = snapshot(site, dist)
    broken = tmp_path / "broken"
    subprocess.run(["cp", "-r", str(rich_source), str(broken)], check=True)
    article = broken / "articles" / "002.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("status: unofficial", "status: draft", 1),
                       encoding="utf-8")
    result = run_site(broken, site, dist)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if "002.yaml" in line]
    assert len(problems) == 1 and "draft" in problems[0], result.stderr
    assert snapshot(site, dist) == before
    staging = site.parent / ".build"  # no work folder left; only the good build's cache (cache.py)
    assert not staging.exists() or [path.name for path in staging.iterdir()] == [pipeline.CACHE_DIR]


def test_a_failing_mkdocs_build_prints_its_errors_and_leaves_the_previous_build(
        rich_build, rich_source, monkeypatch, capsys):
    _, site, dist = rich_build
    before = snapshot(site, dist)

    def downloads_without_manifest(build: pipeline.Build) -> list[Path]:  # the manifest stage never runs
        build.dist.mkdir()
        return []

    stages = {stage.name: stage for stage in pipeline.STAGES}
    monkeypatch.setattr(pipeline, "STAGES", (
        stages["validate"], pipeline.Stage("downloads", downloads_without_manifest), stages["pages"],
        stages["mkdocs"]))
    monkeypatch.setenv("SITE_URL", SITE_URL)
    args = argparse.Namespace(source=rich_source, out=site, dist=dist, site_url=None, deploy=None, hsts=False,
                              offline_editions=bundle_editions.CURRENT)
    assert cli.site(args) == 1
    error = capsys.readouterr().err.splitlines()
    assert len(error) == 2, error
    assert error[0].startswith("site: mkdocs: ERROR") and catalogue.MANIFEST in error[0]
    assert error[-1] == f"site: failed; {site} and {dist} are unchanged"
    assert snapshot(site, dist) == before
