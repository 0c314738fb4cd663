"""The downloads hook (constitution/site/hooks/downloads.py) in-process: the sizes and checksums of
the files of dist/, and the offline bundle, made after the website, pending until the pipeline
fills its cells (build/offline.py stamp; the whole build: tests/build/build/test_site.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

from constitution.core import catalogue, paths
from constitution.site.hooks import downloads as hook
from constitution.site.pages import DOWNLOAD_ALL, DOWNLOAD_SHA256, DOWNLOAD_SIZE

PDF, BUNDLE = catalogue.pdf_name("kk"), catalogue.offline_name("2026-01-30")
ROW = "| {name} | " + DOWNLOAD_SIZE + " | " + DOWNLOAD_SHA256 + " |"
MARKDOWN = "\n".join(["## PDF {#pdf}", "", ROW.format(name=PDF), "", "## Offline {#offline}", "",
                      ROW.format(name=BUNDLE), "", DOWNLOAD_ALL])


@pytest.fixture
def config(tmp_path, monkeypatch):
    """A config whose docs hold site.yml, and a manifest listing the PDF with the bundle pending."""
    (tmp_path / paths.SITE_DATA_FILE).write_text(yaml.safe_dump({"languages": {"kk": {"file_size": {
        "kb": "{n} КБ", "mb": "{n} МБ", "decimal": ","}}}}), encoding="utf-8")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"files": [{"name": PDF, "bytes": 2048, "sha256": "ab" * 32}],
                                    "pending": [{"name": BUNDLE, "group": "offline"}]}), encoding="utf-8")
    monkeypatch.setattr(hook, "manifest_path", manifest)
    return SimpleNamespace(docs_dir=str(tmp_path))


PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="kk/downloads/index.md"))


def test_a_built_file_shows_its_figures_and_the_pending_bundle_marked_cells(config):
    markdown = hook.on_page_markdown(MARKDOWN, PAGE, config, None)
    assert f'| {PDF} | 2\u00a0КБ | <code class="sha256">{"ab" * 32}</code> |' in markdown
    assert f'| {BUNDLE} | {hook.pending_cell("size", BUNDLE)} | {hook.pending_cell("sha256", BUNDLE)} |' in markdown
    assert "download:" not in markdown


def test_a_file_neither_built_nor_pending_stops_the_build(config):
    with pytest.raises(PluginError, match="lists"):
        hook.on_page_markdown(MARKDOWN.replace(BUNDLE, "other.zip"), PAGE, config, None)


def test_the_pending_bundle_is_linked_but_not_built_by_mkdocs(config):
    from mkdocs.structure.files import Files

    mkdocs_config = SimpleNamespace(docs_dir=config.docs_dir, site_dir="/nowhere", use_directory_urls=True,
                                    plugins=SimpleNamespace(_current_plugin=None))
    files = {file.src_uri: file for file in hook.on_files(Files([]), mkdocs_config)}
    assert files[f"downloads/{PDF}"].inclusion.is_included()
    assert files[f"downloads/{BUNDLE}"].inclusion.is_excluded()


PDF_GROUP = f'<h2 id="pdf">PDF</h2>\n<table><tr><td>{hook.pending_cell("size", "x")}</td></tr></table>\n'
BUNDLE_TABLE = f'Offline</h2>\n<table><tr><td>{hook.pending_cell("size", BUNDLE)}</td></tr></table>'
CONTENT = f'{PDF_GROUP}<h2 id="offline">{BUNDLE_TABLE}\n'


def test_the_pending_bundles_group_is_one_website_only_element_out_of_search(config):
    assert hook.on_page_content(CONTENT, PAGE, config, None) == (
        f'{PDF_GROUP}<div {hook.WEBSITE_ONLY} data-search-exclude>\n'
        f'<h2 id="offline" data-search-exclude>{BUNDLE_TABLE}\n</div>\n')


def test_a_pending_download_outside_its_groups_table_stops_the_build(config):
    with pytest.raises(PluginError, match='not in a table under <h2 id="offline">'):
        hook.on_page_content(CONTENT.replace('id="offline"', 'id="elsewhere"'), PAGE, config, None)


def test_filled_replaces_each_pending_cell_once_with_the_figures_as_every_row_shows_them():
    cells = f'<td>{hook.pending_cell("size", BUNDLE)}</td><td>{hook.pending_cell("sha256", BUNDLE)}</td>'
    assert hook.filled(cells, BUNDLE, "7,5 МБ", "cd" * 32) == (
        f'<td>7,5 МБ</td><td><code class="sha256">{"cd" * 32}</code></td>')
    with pytest.raises(ValueError, match="found 2"):
        hook.filled(cells + cells, BUNDLE, "7,5 МБ", "cd" * 32)
