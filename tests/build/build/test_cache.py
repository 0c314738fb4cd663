"""The build cache end to end (constitution/build/cache.py, pipeline.py): `site` again on the same
source runs no stage and gives the same bytes; after an edit it gives what a fresh build gives;
of a source of several editions, an edit of one edition renders that edition's PDFs alone."""

from __future__ import annotations

import shutil

import pytest

from constitution.build import linkcheck, mkdocs, offline, pipeline
from constitution.data import export
from constitution.print import pdf
from constitution.site import nav
from tests.helpers.builds import GATES_SITE_URL, build_site
from tests.helpers.trees import differences, digests

STAGE_WORK = [(pdf, "build"), (export, "build"), (offline, "build_bundle"), (nav, "site_files"),
              (mkdocs, "run_mkdocs"), (linkcheck, "build_problems")]


@pytest.fixture(scope="module")
def first(rich_source, tmp_path_factory):
    """The rich source built once, cold, as a user does; its cache beside the outputs."""
    return build_site(rich_source, tmp_path_factory.mktemp("cached") / "out")


def test_the_same_source_again_runs_no_stage_and_gives_the_same_bytes(first, monkeypatch):
    before = digests(first.site), digests(first.dist)

    def ran(*args, **kwargs):
        raise AssertionError("a stage ran although its inputs were unchanged")

    for module, name in STAGE_WORK:  # only the cache can make this build pass
        monkeypatch.setattr(module, name, ran)
    monkeypatch.setenv("SITE_URL", GATES_SITE_URL)
    pipeline.site(first.source, first.site, first.dist)
    assert (digests(first.site), digests(first.dist)) == before
    staging = first.site.parent / ".build"
    assert [path.name for path in staging.iterdir()] == [pipeline.CACHE_DIR]  # no work folder left


def test_an_edited_clause_gives_the_bytes_of_a_fresh_build(first, tmp_path):
    edited = tmp_path / "source"
    shutil.copytree(first.source, edited)
    article = sorted((edited / "articles").glob("*.yaml"))[1]
    text = article.read_text(encoding="utf-8")
    assert "text: " in text
    article.write_text(text.replace("text: ", "text: Edited ", 1), encoding="utf-8")  # one unit's text
    before = digests(first.dist)
    warm = build_site(edited, first.site.parent)  # into the first build's folders, beside its cache
    fresh = build_site(edited, tmp_path / "fresh")
    assert differences(warm.site, fresh.site) == [] and differences(warm.dist, fresh.dist) == []
    changed = {name for name, digest in digests(warm.dist).items() if before.get(name) != digest}
    assert {name.rsplit(".", 1)[-1] for name in changed} >= {"pdf", "json", "zip"}  # the edit is in them


def test_an_edited_edition_renders_its_own_pdfs_alone(built_site, tmp_path, monkeypatch):
    """The session's build of the three editions, its cache copied beside a new output; the first
    edition's text edited: the downloads stage renders the PDFs of that edition, once, and takes
    the other two editions' from the cache, the same bytes as before."""
    built = built_site("editions")
    source = tmp_path / "source"
    shutil.copytree(built.source, source)
    article = source / "editions" / "2026-01-30" / "articles" / "001.yaml"
    text = article.read_text(encoding="utf-8")
    assert "serves its citizens" in text
    article.write_text(text.replace("serves its citizens", "serves all its citizens"), encoding="utf-8")
    shutil.copytree(built.site.parent / ".build" / pipeline.CACHE_DIR, tmp_path / ".build" / pipeline.CACHE_DIR)
    rendered = []
    real = pdf.build

    def counted(edition_source, out_dir):
        rendered.append(edition_source.document.edition.id)
        return real(edition_source, out_dir)

    monkeypatch.setattr(pdf, "build", counted)
    build = pipeline.staged(tmp_path / "site")
    build.source_dir = source
    try:
        pipeline.run(build, until="downloads")
        assert rendered == ["2026-01-30"]
        after = digests(build.dist)
    finally:
        pipeline.cleanup(build)
    before = digests(built.dist)
    changed = sorted(name for name in after if after[name] != before[name])
    assert [name for name in changed if name.endswith(".pdf")] == [  # the English text was edited
        "2026-01-30/constitution-en.pdf", "2026-01-30/constitution-parallel.pdf"]
    assert "2026-02-12/changes.json" in changed  # what the next edition changed is against the edited text
