"""The site of a source of several editions (tests/data/editions, built once): every edition at
its dated address in three languages, the current one also at today's addresses, the notice of
each edition with its link to the same unit in the current one, the what-changed pages and the
comparison views holding exactly the fixture's changes, search covering the current edition
alone by default, each earlier one in an index of its own, with a choice of edition on every
page, and the downloads: the current edition's files at today's names, every edition's at its
dated address, each in the manifest and on the Downloads page of each language (the link check
of every page: tests/build/build/test_links.py; each edition's PDFs cached on their own:
tests/build/build/test_cache.py)."""

from __future__ import annotations

import hashlib
import json

import lxml.html
import pytest

from constitution.build.outputs import MARKER
from constitution.core import contract, languages, urls
from constitution.site import search_index
from tests.helpers import DATA

A, B, C = "2026-01-30", "2026-02-12", "2026-03-15"
DATA_EDITIONS = DATA / "editions"
ARTICLES = {A: 6, B: 7, C: 6}
COMPARED = {f"{A}..{B}": ["art_2", "art_4", "art_7", "preamble"], f"{B}..{C}": ["art_1", "art_2", "art_4"],
            f"{A}..{C}": ["art_1", "art_2", "art_4", "art_6", "preamble"]}  # any two editions compare


@pytest.fixture(scope="module")
def site(built_site):
    return built_site("editions").site


def page(site, key, lang):
    return lxml.html.parse(str(site / urls.page_file(key, lang))).getroot()


def folders(path):
    return sorted(p.name for p in path.iterdir() if p.is_dir())


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_edition_has_its_dated_pages(site, lang):
    for edition, count in ARTICLES.items():
        root = site / urls.page_url(edition, lang)
        expected = sorted([*(f"art_{n}" for n in range(1, count + 1)), "preamble", *(["changes"] if edition != A else [])])
        assert folders(root) == expected, edition
        assert all((root / name / "index.html").is_file() for name in expected)
    compare = site / urls.page_url("compare", lang)
    assert {name: folders(compare / name) for name in folders(compare)} == COMPARED
    assert (compare / f"{A}..{C}" / "index.html").is_file()  # what changed from the draft to the adopted text


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_current_edition_keeps_todays_addresses(site, lang):
    for n in range(1, 7):
        assert (site / urls.page_file(f"art_{n}", lang)).is_file()
    assert not (site / urls.page_file("art_7", lang)).exists()  # the final draft's Article 7 is the adopted 6
    today = page(site, "art_4", lang).get_element_by_id("art_4__para_3").text_content()
    dated = page(site, f"{C}/art_4", lang).get_element_by_id("art_4__para_3").text_content()
    assert today == dated


NOTICES = [  # (page, the link of "the same text in the current edition", or None: no longer held)
    (f"{A}/art_3", "art_4"), (f"{A}/art_2", "art_2"), (f"{A}/art_6", "art_6"), (f"{B}/art_5", None),
    (f"{B}/art_7", "art_6"), (f"{A}/preamble", "preamble"),
]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("key, now", NOTICES, ids=[key for key, _ in NOTICES])
def test_an_earlier_edition_says_so_and_links_the_current_text(site, lang, key, now):
    notice = page(site, key, lang).find_class("edition-notice")
    assert len(notice) == 1
    links = [a.get("href") for a in notice[0].iter("a") if "compare/" not in a.get("href")]
    if now is None:
        assert links == []
    else:
        expected = urls.page_url(now, lang)
        assert len(links) == 1 and (site / urls.page_url(key, lang) / links[0]).resolve() == (site / expected).resolve()


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_current_editions_dated_pages_say_it_is_current(site, lang):
    notice = page(site, f"{C}/art_1", lang).find_class("edition-notice")[0]
    assert [a.get("href") for a in notice.iter("a")] == [f"../../compare/{B}..{C}/art_1/"]  # it changed: compare
    assert page(site, f"{A}/art_1", lang).find_class("edition-notice")[0].text_content() != notice.text_content()


def groups(root) -> dict[str, list[str]]:
    """The change page's groups: heading id -> the article pages its items link first."""
    out, current = {}, None
    for element in root.xpath("//article")[0].iter("h2", "li"):
        if element.tag == "h2":
            current = element.get("id")
            out[current] = []
        elif current is not None:
            out[current].append(element.find("a").get("href"))
    return out


CHANGES = {
    B: {"changed": ["../art_2/"], "moved": ["../art_4/", "../art_5/", "../art_6/", "../art_7/"],
        "new": ["../art_3/"], "dropped": []},
    C: {"changed": ["../art_1/", "../art_2/", "../art_4/"], "moved": ["../art_5/", "../art_6/"], "new": [],
        "dropped": [f"../../{B}/art_5/"]},
}


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("edition", [B, C])
def test_the_change_page_lists_exactly_the_fixtures_changes(site, lang, edition):
    root = page(site, f"{edition}/changes", lang)
    found = groups(root)
    assert {key: found.get(key) for key in CHANGES[edition]} == CHANGES[edition]
    preamble = [a.get("href") for a in root.xpath("//article//a") if a.get("href", "").endswith("/preamble/")]
    assert bool(preamble) == (edition == B)  # the final draft reworded recital 2


def marks(root, unit_id):
    unit = root.get_element_by_id(unit_id)
    return ([d.text_content() for d in unit.iter("del")], [i.text_content() for i in unit.iter("ins")])


def test_the_comparison_view_marks_words_deleted_and_inserted(site):
    root = page(site, f"compare/{A}..{B}/art_2", "en")
    assert marks(root, "art_2__para_1") == ([], [])
    assert marks(root, "art_2__para_2") == ([], ["inserted: public ", "inserted:  and courts"])
    assert marks(root, "dropped-art_2__para_3") == (["deleted: The flag, the emblem and the anthem are set by law."], [])
    moved = page(site, f"compare/{A}..{B}/art_4", "ru")
    assert marks(moved, "art_4__para_2") == ([], ["добавлено:  или жестокому обращению"])
    assert "прежде: Статья 3, пункт 2" in moved.get_element_by_id("art_4__para_2").text_content()
    rewritten = page(site, f"compare/{B}..{C}/art_4", "kk")
    deleted, inserted = marks(rewritten, "art_4__para_3")
    assert deleted and inserted and all(text.startswith("алынды: ") for text in deleted)


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_a_change_is_not_told_by_colour_alone(site, lang):
    root = page(site, f"compare/{B}..{C}/art_4", lang)
    for element in [*root.iter("del"), *root.iter("ins")]:
        hidden = element.find("span")
        assert hidden is not None and hidden.get("class") == contract.SCREEN_READER_ONLY
        assert hidden.text_content().strip() in {languages_word(lang, "deleted"), languages_word(lang, "inserted")}


def test_words_for_screen_readers_are_out_of_sight_and_still_read(site):
    """The class of the words before each change hides them from the eye alone (not display: none)."""
    css = (site / "assets/stylesheets/constitution.css").read_text(encoding="utf-8")
    rule = css.split(f".{contract.SCREEN_READER_ONLY} {{", 1)[1].split("}", 1)[0]
    assert "clip: rect(0, 0, 0, 0)" in rule and "position: absolute" in rule and "display" not in rule


def languages_word(lang, which):
    return {"kk": {"deleted": "алынды:", "inserted": "қосылды:"}, "ru": {"deleted": "удалено:", "inserted": "добавлено:"},
            "en": {"deleted": "deleted:", "inserted": "inserted:"}}[lang][which]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_search_covers_the_current_edition_alone(site, lang):
    index = json.loads((site / search_index.index_path(lang)).read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not [loc for loc in locations if any(part in loc for part in (A, B, C, "compare/"))]
    assert any(loc.endswith("art_4/") for loc in locations)


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("edition", [A, B])
def test_an_earlier_edition_has_an_index_of_its_dated_pages_by_clause(site, lang, edition):
    index = json.loads((site / search_index.index_path(lang, edition)).read_text(encoding="utf-8"))
    pages = {urls.page_url(f"{edition}/{key}", lang)
             for key in ("preamble", *(f"art_{n}" for n in range(1, ARTICLES[edition] + 1)))}
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == pages
    clauses = {doc["location"] for doc in index["docs"] if "#" in doc["location"]}
    assert urls.page_url(f"{edition}/art_2", lang) + "#art_2__para_1" in clauses
    assert (contract.SEARCH_STEMS in index) == (lang == search_index.STEMMED)
    assert index["config"] == json.loads((site / search_index.index_path(lang)).read_text(encoding="utf-8"))["config"]


def test_the_current_edition_has_no_dated_index(site):
    assert sorted(edition for _, edition in search_index.indexes(site) if edition) == sorted([A] * 3 + [B] * 3)


CHOICE = f"//template[@id='{contract.SEARCH_EDITION}']"


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("key, chosen", [("", C), ("art_2", C), (f"{A}/art_3", A), (f"{B}/changes", B),
                                         (f"{C}/art_2", C), (f"compare/{A}..{C}", C)],
                         ids=["home", "today", "draft", "changes", "dated-current", "compare"])
def test_searchs_choice_of_edition_names_them_and_chooses_the_pages_own(site, lang, key, chosen):
    template = page(site, key, lang).xpath(CHOICE)[0]
    choice = lxml.html.fragment_fromstring(lxml.html.tostring(template, encoding="unicode").removeprefix(
        f'<template id="{contract.SEARCH_EDITION}">').removesuffix("</template>"))
    label = choice.xpath("label")[0]
    assert label.text == {"kk": "Редакция", "ru": "Редакция", "en": "Edition"}[lang]
    select = choice.get_element_by_id(label.get("for"))
    options = select.xpath("option")
    assert [option.get("value") for option in options] == [A, B, C]
    assert [option.get(contract.SEARCH_EDITION_INDEX) for option in options] == [A, B, ""]
    assert [option.text for option in options] == [EDITION_NAMES[edition][lang] for edition in (A, B, C)]
    assert [option.get("value") for option in options if option.get("selected") is not None] == [chosen]


EDITION_NAMES = {
    A: {"kk": "2026 жылғы 30 қаңтардағы сынақ жобасы", "ru": "Тестовый проект от 30 января 2026 года",
        "en": "Fixture draft of 30 January 2026"},
    B: {"kk": "2026 жылғы 12 ақпандағы түпкілікті сынақ жобасы",
        "ru": "Окончательный тестовый проект от 12 февраля 2026 года", "en": "Final fixture draft of 12 February 2026"},
    C: {"kk": "2026 жылғы 15 наурызда қабылданған сынақ мәтіні", "ru": "Тестовый текст, принятый 15 марта 2026 года",
        "en": "Fixture text adopted on 15 March 2026"},
}


def test_citations_on_a_dated_page_name_its_edition(site):
    citation = page(site, f"{A}/art_3", "en").xpath("//*[@data-citation]")[0].get("data-citation")
    assert "30 January 2026" in citation
    assert "15 March 2026" in page(site, "art_3", "en").xpath("//*[@data-citation]")[0].get("data-citation")


def test_two_editions_apart_compare_through_the_one_between(site):
    found = groups(page(site, f"compare/{A}..{C}", "en"))
    assert found == {"changed": ["../../2026-03-15/art_1/", "../../2026-03-15/art_2/",
                                 "../../2026-03-15/art_6/"],  # the draft's 6 is the adopted 6, reworded
                     "moved": ["../../2026-03-15/art_4/"],
                     "new": ["../../2026-03-15/art_3/"], "dropped": [f"../../{A}/art_4/"]}
    root = page(site, f"compare/{A}..{C}/art_4", "en")  # the draft's Article 3, the adopted 4
    assert marks(root, "art_4__para_1") == ([], [])
    assert "formerly Article 3, paragraph 1" in root.get_element_by_id("art_4__para_1").text_content()


PDFS = ["constitution-kk.pdf", "constitution-ru.pdf", "constitution-en.pdf", "constitution-parallel.pdf"]
EXPORTS = ["constitution.json", "constitution.schema.json", "constitution.csv", "constitution-kk.akn.xml",
           "constitution-ru.akn.xml", "constitution-en.akn.xml"]
EDITION_FILES = {A: PDFS + EXPORTS, B: PDFS + EXPORTS + ["changes.json"], C: PDFS + EXPORTS + ["changes.json"]}
TODAY = PDFS + EXPORTS + ["editions.json", f"constitution-{C}-offline.zip"]  # the current edition's, as ever
DIST = TODAY + [f"{edition}/{name}" for edition, names in EDITION_FILES.items() for name in names]


@pytest.fixture(scope="module")
def built(built_site):
    return built_site("editions")


def manifest(dist):
    return json.loads((dist / "manifest.json").read_text(encoding="utf-8"))["files"]


def test_dist_holds_every_editions_files_and_the_manifest_lists_them(built):
    files = sorted(path.relative_to(built.dist).as_posix() for path in built.dist.rglob("*") if path.is_file())
    assert files == sorted([*DIST, "manifest.json", MARKER])
    entries = manifest(built.dist)
    assert [entry["name"] for entry in entries] == DIST
    for entry in entries:
        data = (built.dist / entry["name"]).read_bytes()
        assert entry == {"name": entry["name"], "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        assert (built.site / urls.download_url(entry["name"])).read_bytes() == data  # served from the site too


def test_the_current_editions_files_are_its_dated_ones_and_each_edition_its_own(built):
    for name in PDFS + EXPORTS:
        assert (built.dist / name).read_bytes() == (built.dist / C / name).read_bytes(), name
    for name in PDFS + ["constitution.json"]:  # three texts: three different files
        assert len({(built.dist / edition / name).read_bytes() for edition in EDITION_FILES}) == 3, name
    listed = json.loads((built.dist / "editions.json").read_text(encoding="utf-8"))
    assert [edition["id"] for edition in listed["editions"]] == [A, B, C] and listed["current"] == C


NAMES = {A: "Fixture draft of 30 January 2026", B: "Final fixture draft of 12 February 2026",
         C: "Fixture text adopted on 15 March 2026"}


@pytest.mark.parametrize("edition", [A, B, C])
def test_each_editions_pdfs_name_it(built, edition):
    from pypdf import PdfReader

    reader = PdfReader(built.dist / edition / "constitution-en.pdf")
    assert NAMES[edition] in reader.metadata.title and NAMES[edition] in reader.pages[0].extract_text()


def table_after(element):
    """The first table after `element` (a group's or an edition's heading)."""
    table = element.getnext()
    while table.tag != "table":
        table = table.getnext()
    return table


def edition_names(lang):
    from constitution.source.validate import checked_editions

    return {edition.id: getattr(edition.name, lang) for edition in checked_editions(DATA_EDITIONS).editions}


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_downloads_page_lists_every_editions_files_at_their_dated_addresses(built, lang):
    root = page(built.site, urls.DOWNLOADS_PAGE, lang)
    here = built.site / urls.page_url(urls.DOWNLOADS_PAGE, lang)
    figures = {entry["name"]: entry for entry in manifest(built.dist)}

    def resolved(hrefs):
        return [(here / href).resolve() for href in hrefs]

    todays = [a.get("href") for group in ("pdf", "data", "offline")
              for a in table_after(root.get_element_by_id(group)).iter("a")]
    assert resolved(todays) == [(built.site / urls.download_url(name)).resolve() for name in TODAY]
    names = edition_names(lang)
    for edition, files in EDITION_FILES.items():
        heading = root.get_element_by_id(f"edition-{edition}")
        assert heading.tag == "h3" and heading.text_content().strip() == names[edition]
        rows = table_after(heading).findall(".//tbody/tr")
        assert resolved(row.find(".//a").get("href") for row in rows) == \
            [(built.site / urls.download_url(f"{edition}/{name}")).resolve() for name in files]
        for row, name in zip(rows, files):
            cells = [cell.text_content().strip() for cell in row.findall("td")]
            assert cells[0] == f"{edition}/{name}" and cells[3] == figures[f"{edition}/{name}"]["sha256"]
            assert cells[2][0].isdigit()  # its size, as every row's
        facts = heading.getnext()  # its date, kind and pages
        assert facts.find(".//time").get("datetime") == edition
        assert resolved(a.get("href") for a in facts.iter("a")) == [(built.site / urls.page_url(edition, lang)).resolve()]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("edition", [A, B, C])
def test_an_editions_dated_home_links_its_own_pdfs(built, lang, edition):
    root = page(built.site, edition, lang)
    here = built.site / urls.page_url(edition, lang)
    hrefs = [a.get("href") for a in root.xpath("//article//a") if ".pdf" in a.get("href", "")]
    assert sorted((here / href).resolve() for href in hrefs) == \
        sorted((built.site / urls.download_url(f"{edition}/{name}")).resolve() for name in PDFS)


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_downloads_page_says_the_offline_bundle_holds_the_current_edition(built, lang):
    from constitution.source.validate import checked_editions

    ui = checked_editions(DATA_EDITIONS).current.source.ui
    rows = table_after(page(built.site, urls.DOWNLOADS_PAGE, lang).get_element_by_id("offline")).findall(".//tbody/tr")
    assert [row.findall("td")[1].text_content().strip() for row in rows] == [ui.get("site_file_offline_current", lang)]
