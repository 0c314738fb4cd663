"""Format version 2's units in the built site of tests/data/units: every unit's id is an anchor
of its page in every language, with its ¶; notes are <aside>s out of search (the page's
data-search-exclude), and each Akoma Ntoso eId that differs from the site's id is an anchor too."""

from __future__ import annotations

import lxml.html
import pytest

from constitution.core import contract, ids, languages, urls


@pytest.fixture(scope="module")
def units_site(built_site):
    return built_site("units")


def page(site, unit_id: str, lang: str):
    path = site / urls.page_url(urls.page_of(unit_id), lang) / "index.html"
    return lxml.html.parse(str(path)).getroot()


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_unit_is_an_anchor_with_its_permalink(units_site, lang):
    source = units_site.source
    from constitution.source.validate import checked_source

    units = list(checked_source(source).units())
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
