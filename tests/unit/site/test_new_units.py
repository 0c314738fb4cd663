"""Format version 2's units on the site (tests/data/units): each has its anchor and ¶ on its
page, a citation in each language where it is legal text, and a note is an <aside> apart from
the legal text, labelled, out of search (data-search-exclude) and out of citations."""

from __future__ import annotations

import pytest

from constitution.core import contract, languages, urls
from constitution.site import cite
from constitution.site.nav import site_files
from constitution.source.validate import checked_source
from tests.helpers.rendering import page_parser


@pytest.fixture(scope="module")
def source(units_source):
    return checked_source(units_source)


@pytest.fixture(scope="module")
def html(source, tmp_path_factory):
    return page_parser(site_files(source), tmp_path_factory.mktemp("render"))


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_unit_has_its_anchor_and_permalink_on_its_page(source, html, lang):
    for unit in source.units():
        if unit.kind == "title":
            continue
        root = html(urls.page_of(unit.id), lang)
        element = root.get_element_by_id(unit.id)
        if unit.kind == "section":  # its page's heading
            assert element.tag == "h1", unit.id
            continue
        links = element.xpath(f".//a[@class='{contract.PERMALINK}']")
        assert [a.get("href") for a in links] == [f"#{unit.id}"], unit.id
        assert element.get(contract.DATA_LABEL), unit.id
        if unit.kind in cite.CITED_KINDS:
            assert element.get(contract.DATA_CITE) == cite.unit_part(source, lang, unit), unit.id
        else:
            assert element.get(contract.DATA_CITE) is None, unit.id


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_notes_stand_apart_labelled_and_out_of_search(source, html, lang):
    notes = [unit for unit in source.units() if unit.kind == "note"]
    assert len(notes) == 8
    for note in notes:
        element = html(urls.page_of(note.id), lang).get_element_by_id(note.id)
        assert element.tag == "aside", note.id
        assert contract.SEARCH_EXCLUDE in element.attrib, note.id
        assert element.get("aria-label") == element.get(contract.DATA_LABEL), note.id
        # never inside a unit of legal text
        assert not [a for a in element.iterancestors() if contract.UNIT in (a.get("class") or "").split()]
    for unit in source.units():
        if unit.kind != "note" and unit.kind not in ("title", "section"):
            element = html(urls.page_of(unit.id), lang).get_element_by_id(unit.id)
            assert contract.SEARCH_EXCLUDE not in element.attrib, unit.id


CITATIONS = {  # unit id -> the whole citation in kk, ru, en
    "art_1__subpara_2": (
        "Қазақстан Республикасы Конституциясы жобасының 1-бабының 2-бөлігі (2026 жылғы 30 қаңтар)",
        "часть 2 статьи 1 проекта Конституции Республики Казахстан (30 января 2026 г.)",
        "Article 1, part 2, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    "art_2__para_3__subpara_2": (
        "Қазақстан Республикасы Конституциясы жобасының 2-бабының 3-тармағының 2-бөлігі (2026 жылғы 30 қаңтар)",
        "часть 2 пункта 3 статьи 2 проекта Конституции Республики Казахстан (30 января 2026 г.)",
        "Article 2, paragraph 3, part 2, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    "art_2-1__point_b": (
        "Қазақстан Республикасы Конституциясы жобасының 2-1-бабының ә) тармақшасы (2026 жылғы 30 қаңтар)",
        "подпункт б) статьи 2-1 проекта Конституции Республики Казахстан (30 января 2026 г.)",
        "Article 2-1, subparagraph b), Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    "art_2-1__point_a__subpara_2": (
        "Қазақстан Республикасы Конституциясы жобасының 2-1-бабының а) тармақшасының 2-бөлігі (2026 жылғы 30 қаңтар)",
        "часть 2 подпункта а) статьи 2-1 проекта Конституции Республики Казахстан (30 января 2026 г.)",
        "Article 2-1, subparagraph a), part 2, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    "art_2__para_1-1": (
        "Қазақстан Республикасы Конституциясы жобасының 2-бабының 1-1-тармағы (2026 жылғы 30 қаңтар)",
        "пункт 1-1 статьи 2 проекта Конституции Республики Казахстан (30 января 2026 г.)",
        "Article 2, paragraph 1-1, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    "art_2__para_2__wrapup": (
        "Қазақстан Республикасы Конституциясы жобасының 2-бабының 2-тармағы (2026 жылғы 30 қаңтар)",
        "пункт 2 статьи 2 проекта Конституции Республики Казахстан (30 января 2026 г.)",
        "Article 2, paragraph 2, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
    "art_2__hdg": (
        "Қазақстан Республикасы Конституциясы жобасының 2-бабы (2026 жылғы 30 қаңтар)",
        "статья 2 проекта Конституции Республики Казахстан (30 января 2026 г.)",
        "Article 2, Draft Constitution of the Republic of Kazakhstan (30 January 2026)"),
}


@pytest.mark.parametrize("unit_id", CITATIONS)
def test_citations_of_the_new_units_in_three_languages(source, html, unit_id):
    unit = next(unit for unit in source.units() if unit.id == unit_id)
    for lang, expected in zip(languages.LANGUAGES, CITATIONS[unit_id]):
        assert cite.citation(source, lang, unit) == expected
        root = html(urls.page_of(unit_id), lang)
        pattern = root.xpath(f"//div[@class='{contract.CITE_STRINGS}']")[0].get("data-citation")
        assert pattern.replace(cite.UNIT, root.get_element_by_id(unit_id).get(contract.DATA_CITE)) == expected


def test_notes_and_titles_of_sections_are_not_cited(source):
    for unit in source.units():
        if unit.kind in ("note", "section", "chapter", "title"):
            with pytest.raises(ValueError):
                cite.unit_part(source, "en", unit)


def test_lettered_points_print_each_languages_letter(source, html):
    for lang, letter in zip(languages.LANGUAGES, ("ә)", "б)", "b)")):
        element = html("art_2-1", lang).get_element_by_id("art_2-1__point_b")
        assert element.xpath(f"./span[@class='{contract.UNIT_NUMBER}']")[0].text == letter
