"""The pipeline's order (constitution/build/pipeline.py): MkDocs builds the website once, and the
offline bundle is its output converted (build/offline.py), with the website's figures of the
bundle filled in after packing. Run in-process on tests/data/rich, the PDFs and exports stood in
for by small files (their stage is tested in tests/build/print and tests/build/data)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import zipfile
from urllib.parse import urlsplit

import pytest

from constitution.build import offline, pipeline
from constitution.core import catalogue, languages, urls
from constitution.site.hooks import downloads as downloads_hook
from constitution.site.markup import file_size
from tests.helpers.builds import GATES_SITE_URL


def stand_in_downloads(build: pipeline.Build) -> list:
    """Every file of dist/ but the bundle, a few bytes each, in the catalogue's order."""
    build.dist.mkdir(parents=True)
    made = []
    for item in catalogue.downloads(build.source.document.edition.id, bundle=False):
        path = build.dist / item.name
        path.write_bytes(b"%PDF-1.7 stand-in" if item.name.endswith(".pdf") else f"{item.name}\n".encode())
        made.append(path)
    return made


@pytest.fixture(scope="module")
def run(rich_source, tmp_path_factory):
    """(the finished site, its dist, the command lines of the child processes it ran)."""
    work = tmp_path_factory.mktemp("pipeline")
    children: list[list[str]] = []
    real_run = subprocess.run

    def counted(command, *args, **kwargs):
        children.append([str(part) for part in command])
        return real_run(command, *args, **kwargs)

    stages = tuple(dataclasses.replace(stage, run=stand_in_downloads) if stage.name == "downloads" else stage
                   for stage in pipeline.STAGES)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "STAGES", stages)
        patch.setattr(subprocess, "run", counted)
        patch.setenv("SITE_URL", GATES_SITE_URL)
        pipeline.site(rich_source, work / "site", work / "dist")
    return work / "site", work / "dist", children


def test_the_stages_build_the_website_before_the_bundle_and_the_manifest_last_but_the_check_and_deploy():
    assert [stage.name for stage in pipeline.STAGES] == [
        "validate", "downloads", "pages", "mkdocs", "offline", "manifest", "links", "deploy"]


def test_the_website_build_runs_mkdocs_exactly_once(run):
    _, _, children = run
    builds = [command for command in children if "constitution.build.mkdocs_child" in command]
    assert len(builds) == 1 and "build" in builds[0]


def test_the_bundle_is_the_websites_output_converted(run, rich_source):
    site, dist, _ = run
    manifest = json.loads((dist / catalogue.MANIFEST).read_text(encoding="utf-8"))["files"]
    bundle = dist / manifest[-1]["name"]
    folders = {"."} | {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_dir()}
    with zipfile.ZipFile(bundle) as archive:
        top = archive.namelist()[0].rstrip("/")
        pages = {name[len(top) + 1:]: archive.read(name).decode("utf-8")
                 for name in archive.namelist() if name.endswith(".html")}
    website = {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
    assert set(pages) == {name for name in website if not name.endswith("404.html")}
    for name, html in pages.items():
        expected = offline.offline_page((site / name).read_text(encoding="utf-8"), name, folders,
                                        urlsplit(GATES_SITE_URL).path)
        assert html == expected, name


def test_every_figure_of_the_bundle_the_website_shows_is_the_packed_zips(run):
    site, dist, _ = run
    entry = json.loads((dist / catalogue.MANIFEST).read_text(encoding="utf-8"))["files"][-1]
    bundle = dist / entry["name"]
    assert entry == catalogue.manifest_entry(bundle)
    assert (site / urls.download_url(bundle.name)).read_bytes() == bundle.read_bytes()
    formats = {"kk": ("КБ", "МБ", ","), "ru": ("КБ", "МБ", ","), "en": ("KB", "MB", ".")}
    for lang in languages.LANGUAGES:
        page = (site / urls.page_file(urls.DOWNLOADS_PAGE, lang)).read_text(encoding="utf-8")
        kb, mb, decimal = formats[lang]
        size = file_size(entry["bytes"], kb="{n} " + kb, mb="{n} " + mb, decimal=decimal)
        row = page[page.index(f">{bundle.name.replace('-', '&#45;')}</a>"):]
        row = row[:row.index("</tr>")]
        assert f"<td>{size}</td>" in row and f'<code class="sha256">{entry["sha256"]}</code>' in row
        assert "data-download-pending" not in page and downloads_hook.WEBSITE_ONLY in page
