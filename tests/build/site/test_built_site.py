"""The built site's files, without a browser: the fonts that fonts.css names are in it, and the
search index has one entry per text unit in every language (site/hooks/fonts.py, search_units.py).

translations/ built once per session (conftest.built_site); in a browser: tests/browser/test_site.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from constitution.core import contract, headers, languages, paths, urls
from constitution.site import search_index
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


def index_of(folder: Path, lang: str) -> dict:
    return json.loads((folder / search_index.index_path(lang)).read_text(encoding="utf-8"))


def test_search_index_has_one_entry_per_unit_in_every_language(folder):
    source = checked_source(paths.SOURCE_DIR)
    texts = [unit for unit in source.units() if unit.kind in ("recital", "article", "clause", "point")]
    assert texts
    for lang in LANGUAGES:
        index = index_of(folder, lang)
        docs = {doc["location"]: doc for doc in index["docs"]}
        assert len(docs) == len(index["docs"]), "an entry appears twice"
        for unit in texts:
            entry = docs.get(urls.unit_url(unit.id, lang))
            assert entry is not None, (lang, unit.id)
            assert " ".join(unit.texts.text(lang).split()) in entry["text"], (lang, unit.id)
            page = docs[urls.page_url(urls.page_of(unit.id), lang)]
            assert unit.texts.text(lang) not in page["text"], "clause text is also the page's"


def test_each_language_has_its_own_index_of_its_own_pages_in_utf8(folder):
    assert sorted(path.name for path in (folder / "search").iterdir() if path.suffix not in headers.COMPRESSED) == sorted(
        f"{lang}.json" for lang in LANGUAGES)  # and no index of every language (Material's own)
    pages = {lang: {path.parent.relative_to(folder).as_posix() + "/" for path in folder.rglob("index.html")
                    if page_language(folder, path) == lang} for lang in LANGUAGES}
    for lang in LANGUAGES:
        data = (folder / search_index.index_path(lang)).read_bytes()
        assert b"\\u" not in data, lang  # UTF-8, not escapes
        located = {doc["location"].split("#")[0] for doc in json.loads(data)["docs"]}
        assert located and located <= {page.removeprefix("./") for page in pages[lang]}, lang


def page_language(folder: Path, page: Path) -> str:
    first = page.relative_to(folder).parts[0]
    return first if first in LANGUAGES[1:] else languages.DEFAULT_LANGUAGE


def test_no_boilerplate_in_any_index(folder):
    source = checked_source(paths.SOURCE_DIR)
    for lang in LANGUAGES:
        docs = index_of(folder, lang)["docs"]
        texts = [doc["text"] for doc in docs]
        locations = [doc["location"] for doc in docs]
        boilerplate = {
            "unofficial banner": source.ui.get("site_unofficial_text", lang)[:30],
            "link to the side-by-side page": source.ui.get("parallel_link", lang),
            "side-by-side intro": source.ui.get("parallel_intro", lang)[:40],
            "side-by-side controls": source.ui.get("parallel_column_none", lang),
            "side-by-side link to one article": source.ui.get("parallel_article_alone", lang),
        }
        for name, words in boilerplate.items():
            assert not [doc["location"] for doc in docs if words in doc["text"]], (lang, name)
        assert not [location for location in locations if location.split("#")[-1] in (
            contract.STATUS_TOTALS, contract.STATUS_UNITS, contract.SECTION_ARTICLES)], lang
        for page in (urls.PARALLEL_PAGE, urls.STATUS_PAGE):  # the side-by-side pages, the status tables
            address = urls.page_url(page, lang)
            assert [location for location in locations if location.startswith(address)] == [address], lang
        assert all(not text.startswith(" ") for text in texts)
