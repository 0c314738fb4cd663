"""Format version 2's units in the built site of tests/data/units: every unit's id is an anchor
of its page in every language, with its ¶; notes are <aside>s out of search (the page's
data-search-exclude: no entry of the built index holds one), and each Akoma Ntoso eId that
differs from the site's id is an anchor too."""

from __future__ import annotations

import json

import lxml.html
import pytest

from constitution.core import contract, ids, languages, urls
from constitution.site import search_index
from constitution.source.validate import checked_source


@pytest.fixture(scope="module")
def units_site(built_site):
    return built_site("units")


def page(site, unit_id: str, lang: str):
    path = site / urls.page_url(urls.page_of(unit_id), lang) / "index.html"
    return lxml.html.parse(str(path)).getroot()


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_unit_is_an_anchor_with_its_permalink(units_site, lang):
    units = list(checked_source(units_site.source).units())
    assert {u.kind for u in units} >= {"chapter", "heading", "subparagraph", "wrapup", "note"}
    for unit in units:
        root = page(units_site.site, unit.id, lang)
        found = root.xpath("//*[@id=$id]", id=unit.id)
        assert len(found) == 1, (unit.id, lang)
        if unit.kind not in ("title", "section"):
            assert found[0].xpath(f".//a[@class='{contract.PERMALINK}']/@href") == [f"#{unit.id}"], unit.id
        if ids.akn_eid(unit.id) != unit.id and unit.kind in ("title", "section"):
            assert root.xpath("//*[@id=$id]", id=ids.akn_eid(unit.id)), unit.id
        if unit.kind == "note":
            assert found[0].tag == "aside" and contract.SEARCH_EXCLUDE in found[0].attrib, unit.id


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_search_index_holds_the_new_legal_units_and_no_note(units_site, lang):
    source = checked_source(units_site.source)
    index = json.loads((units_site.site / search_index.index_path(lang)).read_text(encoding="utf-8"))
    entries = {doc["location"]: doc["text"] for doc in index["docs"]}
    for unit in source.units():
        text = " ".join((unit.texts.text(lang) or "").split())
        if unit.kind == "note" and text:
            assert urls.unit_url(unit.id, lang) not in entries, unit.id
            assert not [where for where, found in entries.items() if text in found], unit.id
        elif unit.kind in ("subparagraph", "wrapup") and text:
            assert text in entries[urls.unit_url(unit.id, lang)], unit.id
