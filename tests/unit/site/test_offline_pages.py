"""The website's Downloads page lists every download, the offline bundle included (the bundle's own
copy of the page leaves the bundle's row out: tests/unit/build/test_offline.py)."""

from __future__ import annotations

import pytest

from constitution.core import catalogue, languages, paths, urls
from constitution.site.nav import site_files
from constitution.site.pages import DOWNLOAD_SIZE
from constitution.source.validate import checked_source

LANGUAGES = languages.LANGUAGES


@pytest.fixture(scope="module")
def source():
    return checked_source(paths.SOURCE_DIR)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_downloads_page_lists_every_download_the_bundle_included(source, lang):
    page = site_files(source)[urls.page_source(urls.DOWNLOADS_PAGE, lang)]
    assert source.ui.get("site_file_offline", lang) in page
    for name in catalogue.names(catalogue.downloads(source.document.edition.id)):
        assert DOWNLOAD_SIZE.format(name=name) in page
