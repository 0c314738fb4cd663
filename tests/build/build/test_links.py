"""Links and anchors (issue 7, part 2): nothing in a built site leads nowhere or loads from outside.

constitution/build/linkcheck.py (shown to catch each kind of broken reference in
tests/unit/build/test_linkcheck.py) runs over the site built from translations/ and from
tests/data/rich (the website, directory URLs), and over the offline bundle unpacked from
dist/ (file:// layout, `.html` URLs). Every unit's citable URL (urls.unit_url) must resolve too.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from constitution.build import linkcheck
from constitution.core import catalogue, languages, urls
from constitution.source.validate import checked_source
from tests.helpers.builds import GATES_SITE_URL


def problems_text(report: linkcheck.Report) -> str:
    return f"{len(report.problems)} problem(s):\n" + "\n".join(report.problems)


@pytest.mark.parametrize("name", ["repo", "rich", "editions"])
def test_every_link_and_fragment_of_the_website_resolves(built_site, name):
    site = built_site(name).site
    report = linkcheck.check(site, site_url=GATES_SITE_URL)
    assert report.problems == [], problems_text(report)
    pages = len(list(site.rglob("*.html")))
    assert report.checked > 10 * pages  # it did look: every page links its nav, assets and language versions
    print(f"{name}: {pages} pages, {report.checked} references; external links:", *report.external, sep="\n  ")


@pytest.mark.parametrize("name", ["repo", "rich"])
def test_no_page_loads_anything_from_outside_the_site(built_site, name):
    report = linkcheck.check(built_site(name).site, site_url=GATES_SITE_URL)
    outside = [line for line in report.problems if "from outside" in line]
    assert outside == []


def unit_urls(source_dir: Path, offline: bool = False) -> list[str]:
    """Every unit's citable URL in every language, as the site, PDFs and exports link it."""
    source = checked_source(source_dir)
    found = []
    for unit in source.units():
        for lang in languages.LANGUAGES:
            page = urls.page_of(unit.id)
            base = urls.page_file(page, lang) if offline else urls.page_url(page, lang)
            found.append(f"{base}#{unit.id}")
    return found


@pytest.mark.parametrize("name", ["repo", "rich", "editions"])
def test_every_unit_has_its_anchor_in_every_language(built_site, name):
    built = built_site(name)
    cited = unit_urls(built.source)
    assert len(cited) > 3 * 5
    assert linkcheck.unresolved(built.site, cited) == []


@pytest.fixture(scope="module", params=["repo", "rich"])
def offline_bundle(request, built_site, tmp_path_factory) -> tuple[Path, Path]:
    """(source, unpacked bundle folder) of each built offline zip."""
    built = built_site(request.param)
    edition = checked_source(built.source).document.edition.id
    archive = built.dist / catalogue.offline_name(edition)
    assert archive.is_file(), f"{archive} is not in dist/"
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(target)
    folders = [path for path in target.iterdir()]
    assert [path.name for path in folders] == [catalogue.offline_folder(edition)]
    return built.source, folders[0]


def test_every_link_and_fragment_of_the_offline_bundle_resolves(offline_bundle):
    _, folder = offline_bundle
    report = linkcheck.check(folder, directory_urls=False)
    assert report.problems == [], problems_text(report)
    assert report.checked > 10 * len(list(folder.rglob("*.html")))


def test_every_unit_has_its_anchor_in_the_offline_bundle(offline_bundle):
    source, folder = offline_bundle
    assert linkcheck.unresolved(folder, unit_urls(source, offline=True), directory_urls=False) == []
