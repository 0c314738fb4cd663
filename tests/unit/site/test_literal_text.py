"""Any text a clause can hold shows literally on the page (issue 7, part 4; the PDF:
tests/build/print/test_literal_text.py).

Property-based (hypothesis): texts of printable Unicode, Markdown and HTML signs and line
breaks, normalised to NFC as validate requires, are written into a copy of tests/data/rich
(the English of Article 2, paragraph 1 and of Section I's title), read back and validated;
what validate rejects is not a clause and is skipped. Then the generator's pure function
(nav.site_files) and Python-Markdown with the site's extensions (mkdocs.yml's, plus those
MkDocs always adds) give HTML in which the clause, its preview on the section page, the
section's heading, its side-by-side cell and its search entry (site/hooks/search_units.py)
hold exactly that text.
"""

from __future__ import annotations

import copy
import html
import shutil
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from constitution.core import contract, ids, urls
from constitution.site.hooks import search_units
from constitution.site.markup import excerpt
from constitution.site.nav import site_files
from constitution.site.units import Lang, section_title
from tests.helpers import ROOT
from tests.helpers.literal import CLAUSE, LANG, SECTION, SIGNS, with_texts

TEXT = st.lists(st.one_of(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), st.sampled_from(SIGNS)),
                min_size=1, max_size=40).map("".join).map(lambda text: unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def workspace(rich_source, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("literal") / "source"
    shutil.copytree(rich_source, directory)
    return directory


@lru_cache(maxsize=1)
def site_markdown():
    """Python-Markdown as the site runs it: mkdocs.yml's extensions and MkDocs' own defaults."""
    import markdown

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, options = ["toc", "tables", "fenced_code"], {}
    for item in config.get("markdown_extensions") or []:
        name, settings_ = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if settings_:
            options[name] = settings_
    return markdown.Markdown(extensions=list(dict.fromkeys(names)), extension_configs=options)


def page_html(files: dict[str, str], page: str) -> str:
    converter = site_markdown()
    converter.reset()
    return converter.convert(files[urls.page_source(page, LANG)])


def element(html_text: str, element_id: str):
    import lxml.html

    root = lxml.html.fragment_fromstring(html_text, create_parent="div")
    found = root.xpath("//*[@id=$id]", id=element_id)
    assert len(found) == 1, f"{len(found)} elements with id {element_id}"
    return found[0]


def shown(el) -> str:
    """What a reader sees of an element's text: line breaks as newlines, without the unit's
    number and without links (the ¶; legal text never makes one)."""
    el = copy.deepcopy(el)
    for part in el.xpath(".//*[contains(concat(' ', @class, ' '), ' unit__num ')] | .//a"):
        part.drop_tree()
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return el.text_content()


def flat(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clause=TEXT, title=TEXT)
def test_any_clause_text_shows_literally_on_the_site(workspace, clause, title):
    source = with_texts(workspace, clause, title)
    assume(source is not None)
    assert source.article(2).clauses[0].text(LANG) == clause  # the YAML round trip keeps it
    files = site_files(source)

    article = page_html(files, ids.article_id(2))
    assert shown(element(article, CLAUSE)) == f" {clause} "  # number, text, ¶

    entries, _ = search_units.split_units(article, f"{LANG}/art_2/", LANG)
    entry = next(entry for entry in entries if entry["location"].endswith(f"#{CLAUSE}"))
    assert flat(clause) in html.unescape(entry["text"])

    section = page_html(files, SECTION)
    heading = element(section, SECTION)
    assert flat(heading.text_content()) == flat(section_title(Lang(source, LANG), source.section(1)))
    assert flat(title) in flat(heading.text_content())
    previews = [flat(li.text_content()) for li in element(section, "articles").getnext().iter("li")]
    assert any(preview.endswith(flat(excerpt(clause))) for preview in previews), previews

    parallel = page_html(files, urls.parallel_page(ids.article_id(2)))  # side by side (reader tools)
    row = element(parallel, contract.parallel_row_id(CLAUSE))
    cell = row.xpath("./*[@lang=$lang]", lang=LANG)[0]
    assert shown(cell) == f" {clause}\u00a0"


@pytest.mark.parametrize("url", ["https://x.kz/?a=__b__&c=_d_", "https://x.kz/a_b_c/__init__", "https://x.kz/~~s~~/",
                                 "mailto:__a__@x.kz"], ids=["underscores", "path", "tildes", "mailto"])
def test_a_source_link_shows_its_address_as_written(url):
    """The About page's link: Markdown reads nothing in the address it shows (no bold, no italic)."""
    import lxml.html

    from constitution.site.pages import external_link

    converter = site_markdown()
    converter.reset()
    root = lxml.html.fragment_fromstring(converter.convert(f"- **Link:** {external_link(url)}"), create_parent="div")
    (link,) = root.xpath("//a")
    assert link.get("href") == url and link.text_content() == url
    assert not root.xpath("//em | //code | //del | //a//*") and len(root.xpath("//strong")) == 1  # **Link:**
