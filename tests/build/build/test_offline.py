"""The offline bundle (constitution/build/offline.py): one zip that works opened from disk.

translations/ is packed once (`python -m constitution offline`, conftest.offline_zip) and
unzipped into a temporary folder; here the zip and the files in it (in a browser:
tests/browser/test_offline.py); and the two bundles of tests/data/editions, the current
edition's and every edition's (build/bundle_editions.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from constitution.build import linkcheck, offline
from constitution.core import catalogue, contract, languages, paths, urls
from constitution.site import search_index
from constitution.site.editions import edition_pages
from constitution.site.pages import language_pages
from constitution.site.units import Lang
from constitution.source import labels
from constitution.source.validate import checked_editions, checked_source
from tests.helpers import ROOT
from tests.helpers.builds import run_offline

LANGUAGES = languages.LANGUAGES


@pytest.fixture(scope="module")
def source():
    return checked_source(paths.SOURCE_DIR)


@pytest.fixture(scope="module")
def bundle(offline_zip) -> Path:
    """The zip of translations/, built once for the session."""
    return offline_zip


@pytest.fixture(scope="module")
def folder(offline_folder) -> Path:
    """The bundle unzipped, as a reader would: the path of its one top-level folder."""
    return offline_folder


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
    keys = {page.key for page in language_pages(Lang(source, "kk"), source)}
    assert {name for name in files if name.endswith(".html")} == {
        urls.page_file(key, lang) for key in keys for lang in LANGUAGES}
    assert {urls.download_url(name) for name in catalogue.names(
        catalogue.downloads(source.document.edition.id, bundle=False))} <= files
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


def test_the_search_scripts_hold_every_clause_of_their_language(folder, source):
    for lang in LANGUAGES:
        script = (folder / search_index.script_path(lang)).read_text(encoding="utf-8")
        prefix = f"var {contract.SEARCH_SCRIPT_GLOBAL}{lang} = "
        assert script.startswith(prefix)
        index = json.loads(script.removeprefix(prefix).removesuffix(";\n"))
        locations = {doc["location"] for doc in index["docs"]}
        for unit in source.units():
            if unit.kind in ("recital", "clause", "point"):
                assert f"{urls.page_file(urls.page_of(unit.id), lang)}#{unit.id}" in locations, (lang, unit.id)
        assert all(location.split("#")[0].endswith(".html") for location in locations), lang  # files, from disk


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


# --- a source of several editions (tests/data/editions) -------------------------------------------
# the bundle of the current edition: its served site converted (conftest.offline_site); of every
# edition: `offline --offline-editions all` (conftest.offline_all_editions)


@pytest.fixture(scope="module")
def editions(sources):
    return checked_editions(sources["editions"])


def current_pages(editions) -> set[str]:
    """The HTML files of the current edition's undated pages, in every language."""
    source = editions.current.source
    return {urls.page_file(page.key, lang) for page in language_pages(Lang(source, "kk"), source) for lang in LANGUAGES}


def html_files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")}


def search_locations(folder: Path) -> set[str]:
    return {doc["location"] for lang in LANGUAGES
            for doc in json.loads((folder / search_index.index_path(lang)).read_bytes())["docs"]}


def test_the_bundle_of_several_editions_holds_the_current_edition_alone(offline_site, editions):
    folder = offline_site("editions")
    assert html_files(folder) == current_pages(editions)
    dated = re.compile(r"(?:(?:ru|en)/)?(?:\d{4}-\d\d-\d\d|compare)/|downloads/2026-0(?:1-30|2-12)/")
    assert not [path for path in folder.rglob("*") if dated.match(path.relative_to(folder).as_posix())]
    assert (folder / urls.download_url(f"{editions.current.id}/{catalogue.pdf_name('kk')}")).is_file()
    current, ui = editions.current, editions.current.source.ui
    for lang in LANGUAGES:  # its Downloads page says so
        said = labels.fill(ui.get("edition_offline_current", lang), lang, edition=getattr(current.name, lang),
                           date=labels.date(ui, lang, current.date))
        assert f"<p>{said}</p>" in (folder / urls.page_file(urls.DOWNLOADS_PAGE, lang)).read_text(encoding="utf-8")
    assert {location.split("#")[0] for location in search_locations(folder)} <= current_pages(editions)
    assert search_files(folder) == {path for lang in LANGUAGES  # today's index of each language alone
                                    for path in (search_index.index_path(lang), search_index.script_path(lang))}
    assert not [name for name in current_pages(editions)  # one edition held: no choice of edition
                if f'id="{contract.SEARCH_EDITION}"' in (folder / name).read_text(encoding="utf-8")]


def search_files(folder: Path) -> set[str]:
    """The search indexes and their scripts (search/**.json, .js) a bundle holds."""
    return {path.relative_to(folder).as_posix() for path in (folder / "search").rglob("*")
            if path.suffix in (".json", ".js")}


def test_the_bundle_of_every_edition_holds_every_dated_and_comparison_page(offline_all_editions, editions):
    _, folder = offline_all_editions
    dated = {urls.page_file(page.key, lang) for lang in LANGUAGES for page, _ in edition_pages(editions, lang)}
    assert {name.split("/")[-2] for name in dated if "compare/" in name} >= {"art_4", "preamble"}
    assert html_files(folder) == current_pages(editions) | dated
    assert {location.split("#")[0] for location in search_locations(folder)} <= current_pages(editions)
    assert search_files(folder) == {path for lang in LANGUAGES for edition in ("", "2026-01-30", "2026-02-12")
                                    for path in (search_index.index_path(lang, edition),
                                                 search_index.script_path(lang, edition))}
    home = (folder / urls.page_file("art_2", "en")).read_text(encoding="utf-8")
    assert f'<template id="{contract.SEARCH_EDITION}">' in home  # the choice, every edition held


def test_both_bundles_of_several_editions_pass_the_link_check(offline_site, offline_all_editions):
    assert linkcheck.check(offline_site("editions"), directory_urls=False).problems == []
    bundle, folder = offline_all_editions
    with zipfile.ZipFile(bundle) as archive:
        assert linkcheck.check_files(linkcheck.Files.of_zip(archive, folder.name), directory_urls=False).problems == []


def test_the_choice_is_part_of_the_offline_stages_key(offline_all_editions, editions, sources):
    """The current edition's bundle beside the cache of every edition's is not that one."""
    bundle, _ = offline_all_editions
    current = bundle.parent / "current.zip"
    result = run_offline(sources["editions"], current)  # warm: only the offline stage runs again
    assert result.returncode == 0, result.stderr
    top = catalogue.offline_folder(editions.current.id)
    with zipfile.ZipFile(current) as archive:
        pages = {name.removeprefix(f"{top}/") for name in archive.namelist() if name.endswith(".html")}
    assert pages == current_pages(editions)
