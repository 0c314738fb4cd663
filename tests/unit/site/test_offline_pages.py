"""The pages of the offline bundle (site_files(offline=True)): the website's Downloads page lists
the bundle, the bundle's own does not list itself (the bundle: tests/build/build/test_offline.py)."""

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


@pytest.mark.parametrize("offline_pages, listed", [(False, True), (True, False)], ids=["website", "bundle"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_downloads_page_lists_the_bundle_on_the_website_only(source, offline_pages, listed, lang):
    page = site_files(source, offline=offline_pages)[urls.page_source(urls.DOWNLOADS_PAGE, lang)]
    name = catalogue.offline_name(source.document.edition.id)
    assert (DOWNLOAD_SIZE.format(name=name) in page) is listed
    assert (source.ui.get("site_file_offline", lang) in page) is listed
    for other in catalogue.names(catalogue.downloads(source.document.edition.id, bundle=False)):
        assert DOWNLOAD_SIZE.format(name=other) in page
