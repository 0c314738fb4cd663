"""The built site's files, without a browser: the fonts that fonts.css names are in it, and the
search index has one entry per text unit in every language (site/hooks/fonts.py, search_units.py).

translations/ built once per session (conftest.built_site); in a browser: tests/browser/test_site.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from constitution.core import languages, paths, urls
from constitution.source.validate import checked_source
from tests.helpers import ROOT

LANGUAGES = languages.LANGUAGES
FONTS_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "fonts.css"


@pytest.fixture(scope="module")
def folder(built_site) -> Path:
    """The site built from translations/."""
    return built_site("repo").site


def test_every_font_in_fonts_css_is_in_the_site(folder):
    named = re.findall(r'url\("\.\./fonts/([^"]+)"\)', FONTS_CSS.read_text(encoding="utf-8"))
    assert named, FONTS_CSS
    assert (folder / "assets" / "stylesheets" / "fonts.css").is_file()
    missing = [name for name in named if not (folder / "assets" / "fonts" / name).is_file()]
    assert missing == []
    licences = {path.parent.name for path in (folder / "assets" / "fonts").glob("*/OFL.txt")}
    assert licences == {name.split("/")[0] for name in named}


def test_search_index_has_one_entry_per_unit_in_every_language(folder):
    source = checked_source(paths.SOURCE_DIR)
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert len(docs) == len(index["docs"]), "an entry appears twice"
    texts = [unit for unit in source.units() if unit.kind in ("recital", "article", "clause", "point")]
    assert texts
    for lang in LANGUAGES:
        for unit in texts:
            entry = docs.get(urls.unit_url(unit.id, lang))
            assert entry is not None, (lang, unit.id)
            assert " ".join(unit.texts.text(lang).split()) in entry["text"], (lang, unit.id)
            page = docs[urls.page_url(urls.page_of(unit.id), lang)]
            assert unit.texts.text(lang) not in page["text"], "clause text is also the page's"
