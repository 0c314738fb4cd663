"""The exports of a source of several editions (tests/data/editions): the current edition at the
top as a one-edition source's, the list, each edition's files in its folder with its Akoma Ntoso
dated as an expression of one work (`kaz@2026-02-12`), and after the first the change list,
exactly what the fixture changed; a one-edition source's exports gain nothing."""

import json

import pytest
from lxml import etree

from constitution import cli
from constitution.core import catalogue, languages
from constitution.data import akn, export
from constitution.editions.diff import DELETE, INSERT, Piece, side
from constitution.source.validate import checked_editions
from tests.helpers import DATA, RICH
from tests.helpers.akn import schema

EDITIONS = DATA / "editions"
IDS = ("2026-01-30", "2026-02-12", "2026-03-15")
NS = {"a": akn.AKN_NS}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    assert cli.main(["export", f"--source={EDITIONS}", f"--out={folder}"]) == 0
    return folder


@pytest.fixture(scope="module")
def xsd():
    return schema()


def files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def test_exactly_these_files(out):
    own = catalogue.names(catalogue.exports())
    expected = {*own, catalogue.EXPORT_EDITIONS,
                *(f"{edition}/{name}" for edition in IDS for name in own),
                *(f"{edition}/{catalogue.EXPORT_CHANGES}" for edition in IDS[1:])}
    assert set(files(out)) == expected


def test_the_top_is_the_current_edition(out):
    written = files(out)
    for name in catalogue.names(catalogue.exports()):
        assert written[name] == written[f"2026-03-15/{name}"], name


def test_the_list_names_every_edition_and_its_files(out):
    listing = json.loads((out / catalogue.EXPORT_EDITIONS).read_text(encoding="utf-8"))
    assert listing["current"] == "2026-03-15"
    assert [(e["id"], e["kind"]) for e in listing["editions"]] == [
        ("2026-01-30", "draft"), ("2026-02-12", "final draft"), ("2026-03-15", "adopted")]
    written = files(out)
    assert all(name in written for edition in listing["editions"] for name in edition["files"])
    assert "2026-02-12/changes.json" in listing["editions"][1]["files"]


@pytest.mark.parametrize("edition", IDS)
@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_each_edition_is_an_expression_of_one_work(out, xsd, edition, lang):
    root = etree.parse(str(out / edition / catalogue.export_akn(lang))).getroot()
    xsd.assertValid(root)
    code = languages.LANGUAGE[lang].iso639_2
    work = root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    expression = root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
    assert work == "/akn/kz/act/2026-01-30/constitution"
    assert expression == f"/akn/kz/act/2026-01-30/constitution/{code}@{edition}"
    assert root.find(".//a:FRBRExpression/a:FRBRdate", NS).get("date") == edition


def changes(out, edition):
    return json.loads((out / edition / catalogue.EXPORT_CHANGES).read_text(encoding="utf-8"))


def test_the_change_list_of_the_final_draft(out):
    found = changes(out, "2026-02-12")
    assert (found["edition"]["id"], found["previous"]["id"]) == ("2026-02-12", "2026-01-30")
    assert found["summary"] == {"articles": {"unchanged": 1, "changed": 1, "moved": 4, "new": 1, "dropped": 0},
                                "units": {"unchanged": 6, "changed": 2, "moved": 6, "new": 3, "dropped": 1}}
    assert [(a["id"], a["status"], a.get("previous_number"), a["number"]) for a in found["articles"]] == [
        ("art_2", "changed", 2, 2), ("art_3", "new", None, 3), ("art_4", "moved", 3, 4), ("art_5", "moved", 4, 5),
        ("art_6", "moved", 5, 6), ("art_7", "moved", 6, 7)]
    assert [(u["id"], u["status"], "diff" in u) for u in found["units"]] == [
        ("preamble__rec_2", "changed", True), ("art_2__para_2", "changed", True), ("art_3__para_1", "new", True),
        ("art_3__para_2", "new", True), ("art_4__para_1", "moved", False), ("art_4__para_2", "moved", True),
        ("art_4__para_3", "new", True), ("art_5", "moved", False), ("art_6__para_1", "moved", False),
        ("art_6__para_2", "moved", False), ("art_7", "moved", True)]
    assert [u["id"] for u in found["dropped"]["units"]] == ["art_2__para_3"]
    assert found["dropped"]["units"][0]["text"]["en"] == "The flag, the emblem and the anthem are set by law."


def test_a_diff_gives_back_both_texts(out):
    editions = checked_editions(EDITIONS)
    unit = next(u for u in changes(out, "2026-02-12")["units"] if u["id"] == "art_2__para_2")
    for lang in languages.LANGUAGES:
        pieces = [Piece(p["op"], p["text"]) for p in unit["diff"][lang]]
        old = next(x for x in editions.edition("2026-01-30").source.units() if x.id == "art_2__para_2")
        new = next(x for x in editions.edition("2026-02-12").source.units() if x.id == "art_2__para_2")
        assert side(pieces, DELETE) == old.texts.text(lang) and side(pieces, INSERT) == new.texts.text(lang)
    assert {"op": "insert", "text": "public "} in unit["diff"]["en"]


def test_the_change_list_of_the_adopted_text(out):
    found = changes(out, "2026-03-15")
    assert found["dropped"] == {"articles": [{"id": "art_5", "number": 5}], "units": [
        {"id": "art_5", "kind": "article", "article": 5, "text": {
            "kk": "Меншік заңмен қорғалады.", "ru": "Собственность охраняется законом.",
            "en": "Property is protected by law."}}]}
    hand = next(u for u in found["units"] if u["id"] == "art_4__para_3")
    assert (hand["status"], hand["by"]) == ("changed", "hand")


def test_two_runs_give_the_same_bytes(out, tmp_path):
    export.build_editions(checked_editions(EDITIONS), tmp_path)
    assert files(tmp_path) == files(out)


def test_a_one_edition_source_exports_what_it_did(tmp_path):
    assert cli.main(["export", f"--source={RICH}", f"--out={tmp_path}"]) == 0
    assert sorted(files(tmp_path)) == sorted(catalogue.names(catalogue.exports()))
    source = checked_editions(RICH).current.source
    assert files(tmp_path) == export.contents(source)
    root = etree.fromstring(files(tmp_path)[catalogue.export_akn("ru")])
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value") == "/akn/kz/act/2026-01-30/constitution/rus@2026-01-30"
