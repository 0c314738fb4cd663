"""Format version 2's units in a browser (tests/data/units): the citation button of an unnumbered
part, a closing text, an article's title, a suffixed clause and a lettered point copies that
unit's citation in each language, and a note, which is not cited, has no copy buttons.

The units site is the build tier's (conftest.built_site), served as it was built on 127.0.0.1;
Debian's chromium through Playwright (conftest.py)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from constitution.core import languages, urls
from tests.unit.site.test_new_units import CITATIONS

CASES = [(unit_id, lang, citation) for unit_id, texts in CITATIONS.items()
         for lang, citation in zip(languages.LANGUAGES, texts)]


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("units").site)


@pytest.mark.parametrize("unit_id, lang, citation", CASES, ids=[f"{u}-{lang}" for u, lang, _ in CASES])
def test_the_citation_button_copies_the_new_units_citation(open_page, site_url, unit_id, lang, citation):
    page = open_page(urljoin(site_url, urls.page_url(urls.page_of(unit_id), lang)))
    page.locator(f"[id='{unit_id}'] button.cite-btn--citation").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == citation
    assert page.errors == []


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_a_note_has_no_copy_buttons(open_page, site_url, lang):
    page = open_page(urljoin(site_url, urls.page_url("art_1", lang)))
    assert page.locator("[id='art_1__subpara_2'] button.cite-btn--citation").count() == 1
    assert page.locator("aside[id='art_1__note_1']").count() == 1
    assert page.locator("[id='art_1__note_1'] button").count() == 0
