"""Reader tools in the generated pages (constitution/site/parallel.py, status.py, cite.py): the
languages side by side, citations of every clause, point and recital, and the translation status."""

from __future__ import annotations

import html as html_module
import posixpath
import re
from types import SimpleNamespace

import lxml.html
import pytest
from mkdocs.exceptions import PluginError

from constitution.core import contract, languages, paths, urls
from constitution.site import cite
from constitution.site.hooks import page_titles as titles
from constitution.site.nav import site_files
from constitution.site.units import Lang, status_summary
from constitution.source import labels, model
from constitution.source.model import article_units
from constitution.source.validate import checked_source
from tests.helpers.rendering import page_parser, render
from tests.helpers.rich import SPECIAL
from tests.helpers.rich import RICH_SOURCE as RICH

LANGS = languages.LANGUAGES
PARALLEL_PAGES = [urls.parallel_page()] + [urls.parallel_page(a.id) for a in RICH.articles]


@pytest.fixture(scope="module")
def source(rich_source):
    return checked_source(rich_source)


@pytest.fixture(scope="module")
def files(source) -> dict[str, str]:
    return site_files(source)


@pytest.fixture(scope="module")
def html(files, tmp_path_factory):
    """html(page, lang) -> the page's Markdown rendered (every hostile extension on), parsed."""
    return page_parser(files, tmp_path_factory.mktemp("render"))


def expected_units(source, page: str) -> list:
    if page == urls.parallel_page():
        return list(source.units())
    return list(article_units(source.article(int(page.rsplit("_", 1)[1]))))


def own_text(cell) -> str:
    """What a cell says in its language: without its number and its link to the language's page."""
    copy = lxml.html.fragment_fromstring(lxml.html.tostring(cell, encoding="unicode"))
    for part in copy.xpath(".//a[@class='pl-go'] | .//span[@class='unit__num']"):
        part.drop_tree()
    for br in copy.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return copy.text_content().strip()


# --- side by side -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PARALLEL_PAGES)
def test_every_unit_is_one_row_with_a_cell_per_language(source, html, page, lang):
    root = html(page, lang)
    rows = root.xpath("//div[contains(@class, 'pl-row') and not(contains(@class, 'pl-head'))]")
    units = expected_units(source, page)
    assert [row.get("id") for row in rows] == [contract.parallel_row_id(unit.id) for unit in units]
    order = [lang, *(code for code in LANGS if code != lang)]  # the page's language first
    for row, unit in zip(rows, units):
        cells = row.xpath("./div[contains(@class, 'pl-cell')]")
        assert [cell.get("lang") for cell in cells] == order, unit.id
        for cell in cells:
            code = cell.get("lang")
            assert cell.get("data-status") == unit.texts.status(code)
            link = cell.xpath(".//a[@class='pl-go']")
            assert len(link) == 1 and link[0].get("hreflang") == code
            here = posixpath.dirname(urls.page_file(page, lang))
            target, anchor = link[0].get("href").split("#")
            assert (posixpath.normpath(posixpath.join(here, target)), anchor) == (
                urls.page_file(urls.page_of(unit.id), code), unit.id)
            text = unit.texts.text(code)
            if text is not None:
                assert own_text(cell) == text, (unit.id, code)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PARALLEL_PAGES)
def test_side_by_side_ids_never_take_a_units_own_id(source, files, page, lang):
    text = files[urls.page_source(page, lang)]
    ids = re.findall(r' id="([^"]+)"', text) + re.findall(r"\{#([^}]+)\}", text)
    assert len(ids) == len(set(ids))
    assert not set(ids) & {unit.id for unit in source.units()}


@pytest.mark.parametrize("lang, notice", [
    ("kk", "Бұл тілдегі мәтін әзірге жоқ."), ("ru", "Текста на этом языке пока нет."),
    ("en", "No text in this language yet."),
])
@pytest.mark.parametrize("page, unit_id", [
    (urls.parallel_page("art_2"), "art_2__para_3"), (urls.parallel_page(), "art_2__para_3"),
    (urls.parallel_page(), "preamble__rec_2"),
])
def test_a_missing_text_is_a_notice_in_the_pages_language(html, page, unit_id, lang, notice):
    row = html(page, lang).get_element_by_id(contract.parallel_row_id(unit_id))
    cell = row.xpath("./div[@lang='ru']")[0]  # ru is missing in the fixture
    assert cell.get("data-status") == "missing"
    missing = cell.xpath(".//span[@class='pl-missing']")
    assert [(m.get("lang"), m.text_content()) for m in missing] == [(lang, notice)]
    assert all(own_text(c) for c in row.xpath("./div"))  # no blank cell


@pytest.mark.parametrize("lang", LANGS)
def test_special_characters_stay_literal_side_by_side(html, lang):
    row = html(urls.parallel_page("art_2"), lang).get_element_by_id(contract.parallel_row_id(SPECIAL.id))
    for code in LANGS:
        assert own_text(row.xpath(f"./div[@lang='{code}']")[0]) == SPECIAL.text(code)
    assert not row.xpath(".//script | .//b")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PARALLEL_PAGES)
def test_the_reader_chooses_columns_with_labelled_controls(source, html, page, lang):
    root = html(page, lang)
    form = root.xpath("//div[@class='pl-controls']")[0]  # not a form: nothing is sent (a form wants a submit)
    assert not root.xpath("//form")
    assert form.get("data-pages") == urls.PARALLEL_PAGE and form.get("hidden") is None  # its room is kept
    assert form.xpath("./fieldset/legend")[0].text_content() == source.ui.get("parallel_columns", lang)
    labels = form.xpath(".//label")
    assert [label.xpath("./span")[0].text_content() for label in labels] == [
        source.ui.get("parallel_column", lang).format(n=n) for n in (1, 2, 3)]
    options = [[option.get("value") for option in label.xpath(".//option")] for label in labels]
    assert options == [list(LANGS), list(LANGS), ["", *LANGS]]  # two languages at least
    shown = [[option.get("value") for option in label.xpath(".//option[@selected]")] for label in labels]
    assert shown == [[code] for code in languages.page_first(lang)]  # the columns as written, before reader.js
    blocks = root.xpath("//div[contains(concat(' ', @class, ' '), ' pl ')]")
    assert blocks and all(block.get("data-search-exclude") is not None for block in blocks)
    heads = root.xpath("//div[contains(@class, 'pl-head')]")
    assert len(heads) == 1
    units = expected_units(source, page)
    assert [cell.xpath(".//span[@class='pl-status']")[0].text_content() for cell in heads[0]] == [
        status_summary(Lang(source, lang), cell.get("lang"), units) for cell in heads[0]]


@pytest.mark.parametrize("lang", LANGS)
def test_side_by_side_is_linked_from_articles_home_and_nav(files, lang):
    for article in RICH.articles:
        text = files[urls.page_source(article.id, lang)]
        assert f"](../parallel/{article.id}/index.md){{ .compare-link }}" in text
    assert "](../parallel/index.md#parallel-preamble){ .compare-link }" in files[urls.page_source("preamble", lang)]
    home = files[urls.page_source("", lang)]
    assert "](parallel/index.md)" in home and "](status/index.md)" in home
    assert "](../status/index.md)" in files[urls.page_source("about", lang)]
    nav = files[paths.SITE_DATA_FILE]
    assert "parallel/index.md" in nav and "status/index.md" in nav and "parallel/art_" not in nav


@pytest.mark.parametrize("article, previous, following", [
    ("art_1", None, "art_2"), ("art_2", "art_1", "art_3"), ("art_3", "art_2", None),
])
def test_each_article_side_by_side_leads_to_its_neighbours(files, article, previous, following):
    text = files[urls.page_source(urls.parallel_page(article), "en")]
    assert f"[Back to Article {article[4:]}](../../{article}/index.md)" in text
    assert ("(../art_1/index.md)" in text) is (previous == "art_1" or following == "art_1")
    for neighbour, word in ((previous, "Previous"), (following, "Next")):
        assert (f"[{word}&#58; Article {neighbour[4:]}](../{neighbour}/index.md)" in text) if neighbour else (
            f"[{word}&#58;" not in text)


# --- citations ----------------------------------------------------------------------------

# The corrected forms (issue: established constitutional vocabulary): in Kazakh the date follows
# the whole genitive chain and a point is «2) тармақшасы» with no hyphen after the bracket; in
# Russian a preamble paragraph is named by its ordinal word.
CITATIONS = [
    ("art_2__para_1", "en", "Article 2, paragraph 1, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    ("art_2__para_1", "ru", "пункт 1 статьи 2 проекта Конституции Республики Казахстан (30 января 2026 г.)"),
    ("art_2__para_1", "kk", "Қазақстан Республикасы Конституциясы жобасының 2-бабының 1-тармағы (2026 жылғы 30 қаңтар)"),
    ("art_2__para_3__point_2", "en",
     "Article 2, paragraph 3, subparagraph 2), Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    ("art_2__para_3__point_2", "ru",
     "подпункт 2) пункта 3 статьи 2 проекта Конституции Республики Казахстан (30 января 2026 г.)"),
    ("art_2__para_3__point_2", "kk",
     "Қазақстан Республикасы Конституциясы жобасының 2-бабының 3-тармағының 2) тармақшасы (2026 жылғы 30 қаңтар)"),
    ("art_1", "en", "Article 1, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    ("art_1", "ru", "статья 1 проекта Конституции Республики Казахстан (30 января 2026 г.)"),
    ("art_1", "kk", "Қазақстан Республикасы Конституциясы жобасының 1-бабы (2026 жылғы 30 қаңтар)"),
    ("art_3__point_1", "en", "Article 3, subparagraph 1), Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    ("art_3__point_1", "ru", "подпункт 1) статьи 3 проекта Конституции Республики Казахстан (30 января 2026 г.)"),
    ("art_3__point_1", "kk", "Қазақстан Республикасы Конституциясы жобасының 3-бабының 1) тармақшасы (2026 жылғы 30 қаңтар)"),
    ("preamble__rec_2", "en", "Preamble, recital 2, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    ("preamble__rec_2", "ru", "абзац второй преамбулы проекта Конституции Республики Казахстан (30 января 2026 г.)"),
    ("preamble__rec_2", "kk", "Қазақстан Республикасы Конституциясы жобасының кіріспесінің 2-азат жолы (2026 жылғы 30 қаңтар)"),
]


def page_citation(root, unit_id: str) -> str:
    """The citation reader.js copies: the page's pattern with the unit's part in it."""
    pattern = root.xpath("//div[@class='cite-strings']")[0].get("data-citation")
    return pattern.replace(cite.UNIT, root.get_element_by_id(unit_id).get("data-cite"))


@pytest.mark.parametrize("unit_id, lang, expected", CITATIONS, ids=[f"{u}-{lang}" for u, lang, _ in CITATIONS])
def test_citation_in_the_pages_language(source, html, unit_id, lang, expected):
    root = html(urls.page_of(unit_id), lang)
    assert page_citation(root, unit_id) == expected
    unit = next(unit for unit in source.units() if unit.id == unit_id)
    assert cite.citation(source, lang, unit) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_every_clause_point_and_recital_can_be_cited_and_named(source, html, lang):
    cited = [unit for unit in source.units() if unit.kind in cite.CITED_KINDS]
    # the rich fixture has the first version's kinds; tests/unit/site/test_new_units.py cites the others
    assert {unit.kind for unit in cited} == {"recital", "article", "clause", "point"}
    for unit in cited:
        root = html(urls.page_of(unit.id), lang)
        element = root.get_element_by_id(unit.id)
        assert element.get("data-cite") and element.get("data-label"), unit.id
        strings = root.xpath("//div[@class='cite-strings']")
        assert len(strings) == 1 and strings[0].get("hidden") is not None
        for key, name in cite.PAGE_STRINGS.items():
            assert strings[0].get(f"data-{key}") == source.ui.get(name, lang)
            assert "{unit}" in strings[0].get(f"data-{key}") or key == "failed"


def test_the_label_names_the_unit_as_its_permalink_does(html):
    element = html("art_2", "ru").get_element_by_id("art_2__para_3__point_1")
    assert element.get("data-label") == "Статья 2, пункт 3, подпункт 1)"
    assert element.xpath(".//a[@class='unit__permalink']")[0].get("aria-label").endswith(element.get("data-label"))


# --- translation status --------------------------------------------------------------------


def table_rows(text: str, heading_id: str) -> list[list[str]]:
    """The body rows of the Markdown table under the heading with `heading_id`, cell by cell."""
    part = text.split(f"{{#{heading_id}}}", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in part.splitlines() if line.startswith("| ")][2:]
    return [[cell.strip() for cell in line.strip("| ").split(" | ")] for line in lines]


# The rich fixture, counted by hand: 14 units; kk has two official ones (the title, art_1), ru
# misses art_2__para_3 and preamble__rec_2, en is unofficial throughout.
TOTALS = {"kk": (2, 12, 0), "ru": (0, 12, 2), "en": (0, 14, 0)}


@pytest.mark.parametrize("lang", LANGS)
def test_status_totals(files, source, lang):
    rows = table_rows(files[urls.page_source(urls.STATUS_PAGE, lang)], "totals")
    assert len(rows) == len(model.STATUSES) + 1
    for index, status in enumerate(model.STATUSES):
        assert f'class="st st--{status}">{source.ui.get(f"status_{status}", lang)}<' in rows[index][0]
        assert rows[index][1:] == [str(TOTALS[code][index]) for code in LANGS]
    assert rows[-1][1:] == ["**14**"] * 3 == [f"**{len(list(source.units()))}**"] * 3


@pytest.mark.parametrize("lang", LANGS)
def test_status_of_every_unit_in_every_language(files, source, html, lang):
    rows = table_rows(files[urls.page_source(urls.STATUS_PAGE, lang)], "units")
    units = list(source.units())
    assert [re.search(r"<br>`([^`]+)`", row[0]).group(1) for row in rows] == [unit.id for unit in units]
    for row, unit in zip(rows, units):
        assert f"index.md#{unit.id})" in row[0]
        assert [re.search(r'class="st st--(\w+)"', cell).group(1) for cell in row[1:]] == [
            unit.texts.status(code) for code in LANGS]
    marks = html(urls.STATUS_PAGE, lang).xpath("//span[starts-with(@class, 'st st--')]")
    assert all(mark.text_content() for mark in marks)  # a word, not a colour alone


# --- titles of pages outside the nav (site/hooks/page_titles.py) ------------------------------


def titled(markdown: str, in_nav: bool, nav_title: str = "Nav &amp; title") -> str | None:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="ru/parallel/art_2/index.md"), meta={},
                           title=nav_title if in_nav else None, is_homepage=False)
    titles.on_nav(SimpleNamespace(pages=[page] if in_nav else []), None, None)
    assert titles.on_page_markdown(markdown, page, None, None) == markdown
    return page.meta.get("title")


@pytest.mark.parametrize("lang", LANGS)
def test_a_side_by_side_article_is_titled_by_its_heading(files, source, lang):
    text = files[urls.page_source(urls.parallel_page("art_2"), lang)]
    expected = labels.fill(source.ui.get("parallel_article_title", lang), lang,
                           article=labels.article_label(source.ui, lang, 2))
    title = titled(text, in_nav=False)
    assert html_module.unescape(title) == expected  # e.g. "Статья 2: сравнение языковых версий"
    assert not re.search(r"[<>\"']", title)  # escaped: Material prints it as it is
    assert titled(text, in_nav=True) == "Nav &amp; title"  # the nav's (escaped) title stands, without striptags


@pytest.mark.parametrize("heading", ["# A </title><svg onload=alert(1)> {#x}", "# A \"b\" {#x}", "# A & B {#x}"],
                         ids=["tag", "quote", "bare-ampersand"])
def test_a_title_that_is_not_escaped_stops_the_build(heading):
    with pytest.raises(PluginError, match="is not escaped text"):
        titled(f"<!-- generated -->\n\n{heading}\n", in_nav=False)


def test_a_page_outside_the_nav_without_a_heading_stops_the_build():
    with pytest.raises(PluginError, match="ru/parallel/art_2/index.md: not in the nav"):
        titled("<!-- generated -->\n\ntext\n", in_nav=False)
