"""Accessibility of every built page, without a browser (issue 7, part 1; in the browser:
tests/browser/test_accessibility.py).

The sites of translations/ ("repo"), tests/data/rich ("rich") and tests/data/units ("units") are built once per session
(conftest.built_site). Every kind of page known today is in the sitemap in every language,
and on every page as served (before any script runs) every text node in another language
than its page's sits inside an element whose `lang` is that language.
"""

from __future__ import annotations

import pytest

from constitution.core import languages, urls
from tests.helpers.accessibility import (KNOWN_KINDS, audited_pages, foreign_text, language_strings, page_texts,
                                         sitemap_pages)

LANGUAGES = languages.LANGUAGES
SITES = ("rich", "repo", "units")  # units: every kind of unit of format version 2


@pytest.mark.parametrize("name", SITES)
def test_every_known_kind_of_page_is_in_the_sitemap_in_every_language(built_site, name):
    site = built_site(name).site
    for lang in LANGUAGES:
        assert KNOWN_KINDS <= set(audited_pages(site, lang)), lang


@pytest.mark.parametrize("name", SITES)
def test_every_page_marks_text_in_another_language(built_site, name):
    """The same rule on every built page of both sites, as served (before any script runs)."""
    built = built_site(name)
    strings = language_strings(built.source)
    wrong, pages = [], 0
    for lang, key in sitemap_pages(built.site):
        path = built.site / urls.page_url(key, lang) / "index.html"
        page_lang, texts = page_texts(path)
        assert page_lang == lang, path
        pages += 1
        wrong += [f"{urls.page_url(key, lang) or '/'}: {actual} text inside lang={effective}: {text[:80]!r}"
                  for text, effective, actual in foreign_text(texts, lang, strings)]
    assert pages >= len(KNOWN_KINDS) * len(LANGUAGES)
    assert not wrong, "\n".join(wrong)
