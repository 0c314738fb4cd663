"""Open-data exports (constitution/data/export.py, akn.py; `python -m constitution export`):
JSON + schema, CSV, Akoma Ntoso XML."""

import argparse
import csv
import json
import re
import shutil

import jsonschema
import pytest
from lxml import etree

from constitution import cli
from constitution.core import catalogue, ids, languages, paths
from constitution.core.problems import SourceError
from constitution.data import akn, export
from constitution.source import model
from constitution.source.model import Constitution, json_schema
from constitution.source.validate import checked_source
from tests.helpers import RICH, TRANSLATIONS
from tests.helpers.akn import schema

SOURCES = {"repo": TRANSLATIONS, "rich": RICH}
NAMES = (*SOURCES, "units")  # units: tests/data/units, every kind of unit of format version 2
NS = {"a": akn.AKN_NS, "ed": akn.EDITION_NS}
CASES = [(name, lang) for name in NAMES for lang in languages.LANGUAGES]


@pytest.fixture(scope="module")
def directories(units_source) -> dict:
    return {**SOURCES, "units": units_source}


@pytest.fixture(scope="module")
def exported(tmp_path_factory, directories):
    """Each source exported once into its own folder: name -> (source, folder, paths)."""
    result = {}
    for name, directory in directories.items():
        source = checked_source(directory)
        out = tmp_path_factory.mktemp(name)
        result[name] = (source, out, export.build(source, out))
    return result


@pytest.fixture(scope="module")
def xsd():
    return schema()


def akn_root(exported, name, lang):
    _, out, _ = exported[name]
    return etree.parse(str(out / catalogue.export_akn(lang))).getroot()


def csv_rows(exported, name) -> list[dict]:
    _, out, _ = exported[name]
    raw = (out / catalogue.EXPORT_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the BOM that makes Excel read UTF-8 is missing"
    with open(out / catalogue.EXPORT_CSV, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == export.CSV_COLUMNS
        return list(reader)


def site_ids(source) -> list[str]:
    """The anchors the site gives, rebuilt from numbers with the core/ids.py helpers."""
    found = [ids.TITLE_ID, ids.PREAMBLE_ID]
    found += [ids.recital_id(r.number) for r in source.preamble.recitals]
    for section in source.document.sections:
        found.append(ids.section_id(section.number))
        for article in source.section_articles(section):
            found.append(ids.article_id(article.number))
            found += [ids.point_id(ids.article_id(article.number), p.number)
                      for p in article.points]
            for clause in article.clauses:
                found.append(ids.clause_id(article.number, clause.number))
                found += [ids.point_id(ids.clause_id(article.number, clause.number),
                                       p.number) for p in clause.points]
    return found


def text_element(root, unit_id: str):
    """The element holding one unit's own text in the AKN document."""
    unit = root.xpath("//*[@eId=$id]", id=unit_id, namespaces=NS)[0]
    found = unit.xpath(
        "a:p/a:docTitle | a:p[not(a:docTitle)] | a:heading[not(@eId)] | a:content/a:p | a:intro/a:p"
        " | self::a:heading[@eId]",  # an article's title is a unit: its <heading> has its eId
        namespaces=NS)
    assert len(found) == 1, (unit_id, found)
    return found[0]


def akn_text(element) -> str:
    """The text of an AKN text element, its <eol/> line breaks read back as newlines (a
    <noteRef> to a note on the unit is no text: it comes last)."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname
        assert name in ("eol", "noteRef"), "only line breaks and note references are expected inline"
        parts += ["\n" if name == "eol" else "", child.tail or ""]
    return "".join(parts)


@pytest.mark.parametrize("name", NAMES, ids=list(NAMES))
def test_writes_exactly_the_export_files(exported, name):
    _, out, written = exported[name]
    assert [p.name for p in written] == catalogue.names(catalogue.exports())
    assert sorted(p.name for p in out.iterdir()) == sorted(catalogue.names(catalogue.exports()))


@pytest.mark.parametrize("name", NAMES, ids=list(NAMES))
def test_json_round_trips_to_the_same_source(exported, name):
    source, out, _ = exported[name]
    raw = (out / catalogue.EXPORT_JSON).read_bytes()
    loaded = Constitution.model_validate_json(raw)
    assert loaded.schema_version == model.SCHEMA_VERSION
    assert (loaded.document, loaded.preamble, loaded.articles) == (
        source.document, source.preamble, source.articles)


@pytest.mark.parametrize("name", NAMES, ids=list(NAMES))
def test_json_is_readable_utf8_with_ids_first(exported, name):
    _, out, _ = exported[name]
    text = (out / catalogue.EXPORT_JSON).read_text("utf-8")
    assert text.endswith("}\n") and "\\u04" not in text  # Cyrillic written as itself
    data = json.loads(text)
    assert list(data) == ["schema_version", "document", "preamble", "articles"]
    assert list(data["articles"][0])[:2] == ["id", "number"]
    assert data["document"]["edition"]["date"] == "2026-01-30"  # dates in ISO 8601


@pytest.mark.parametrize("name", NAMES, ids=list(NAMES))
def test_json_validates_against_its_schema_file(exported, name):
    _, out, _ = exported[name]
    schema = json.loads((out / catalogue.EXPORT_JSON_SCHEMA).read_text("utf-8"))
    assert schema == json.loads(json.dumps(json_schema()))  # the pydantic declaration
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    data = json.loads((out / catalogue.EXPORT_JSON).read_text("utf-8"))
    validator.validate(data)
    data["preamble"]["recitals"][0]["kk"]["status"] = "draft"  # the schema can say no
    assert not validator.is_valid(data)


@pytest.mark.parametrize("name", NAMES, ids=list(NAMES))
def test_csv_has_every_unit_once_with_texts_and_statuses(exported, name):
    source, _, _ = exported[name]
    rows = csv_rows(exported, name)
    units = list(source.units())
    assert [row["id"] for row in rows] == [unit.id for unit in units]
    for row, unit in zip(rows, units):
        assert row["kind"] == unit.kind
        assert row["article"] == ("" if unit.article is None else str(unit.article))
        assert row["number"] == ("" if unit.number is None else str(unit.number))
        for lang in languages.LANGUAGES:
            assert row[f"status_{lang}"] == unit.texts.status(lang)
            assert row[lang] == (unit.texts.text(lang) or "")


@pytest.mark.parametrize("unit_id, lang, status, text", [
    ("preamble__rec_2", "ru", "missing", ""),
    ("art_1", "kk", "official",
     "Бірінші баптың сынақ мәтіні: қазақ әріптері ә ғ қ ң ө ұ ү һ і."),
    ("art_2__para_3", "ru", "missing", ""),
    ("art_2__para_2", "en", "unofficial",
     'Special characters: <script>alert(1)</script> *stars* _under_ [a](javascript:x) | cell |'
     ' {: #x } --8<-- "x.md" :smile: &amp; `code` \\* <b>bold</b>\n# not a heading\n'
     '1. not a list\n- not a bullet\n> not a quote'),
], ids=["missing-recital", "official-kazakh", "missing-intro", "multi-line-special"])
def test_csv_cells_of_the_rich_fixture(exported, unit_id, lang, status, text):
    row = {row["id"]: row for row in csv_rows(exported, "rich")}[unit_id]
    assert (row[f"status_{lang}"], row[lang]) == (status, text)


@pytest.mark.parametrize("name, lang", CASES, ids=[f"{n}-{l}" for n, l in CASES])
def test_akn_validates_against_the_official_schema(exported, xsd, name, lang):
    root = akn_root(exported, name, lang)
    assert xsd.validate(root.getroottree()), xsd.error_log.last_error
    assert root.tag == f"{{{akn.AKN_NS}}}akomaNtoso"
    assert root.find("a:act", NS).get("name") == "constitution"


@pytest.mark.parametrize("name, lang", CASES, ids=[f"{n}-{l}" for n, l in CASES])
def test_akn_eids_are_the_site_anchors_named_by_the_convention(exported, name, lang):
    """The site's ids, but a section's built from its <num> and the long title's (the site
    carries those two as alias anchors: tests/build/build/test_site.py)."""
    source, _, _ = exported[name]
    root = akn_root(exported, name, lang)
    eids = root.xpath("//a:act/*[not(self::a:meta)]//@eId | //a:act/*[not(self::a:meta)]/@eId",
                      namespaces=NS)
    if name != "units":  # site_ids knows the first version's units only
        assert sorted(eids) == sorted(ids.akn_eid(anchor) for anchor in site_ids(source))
    assert sorted(eids) == sorted(
        {ids.akn_eid(unit.id) for unit in source.units() if unit.kind != "note"} | {ids.PREAMBLE_ID}
        | {article.id for article in source.articles})
    # the notes are meta/notes, each with its unit's <noteRef> (an empty incomplete <p> where missing)
    notes = root.xpath("//a:meta/a:notes/a:note/@eId", namespaces=NS)
    assert sorted(notes) == sorted(ids.akn_eid(u.id) for u in source.units() if u.kind == "note")
    assert sorted(root.xpath("//a:noteRef/@href", namespaces=NS)) == sorted(f"#{eid}" for eid in notes)
    eids += notes
    for section in root.iterfind(".//a:section", NS):
        number = section.find("a:num", NS).text.split()
        assert section.get("eId") == f"sec_{next(part for part in number if re.fullmatch('[IVXLC]+', part))}"
    assert root.find(".//a:preface/a:longTitle", NS).get("eId") == "longTitle_1"
    hrefs = root.xpath("//a:meta/a:proprietary//@href", namespaces=NS)
    assert hrefs and set(hrefs) <= {f"#{eid}" for eid in eids}  # the statuses name elements of the XML


def test_akn_eid_of_each_kind_of_unit():
    assert [ids.akn_eid(unit_id) for unit_id in ("sec_1", "sec_4", "sec_11", "title", "art_2__para_4", "preamble")] == [
        "sec_I", "sec_IV", "sec_XI", "longTitle_1", "art_2__para_4", "preamble"]


@pytest.mark.parametrize("name, lang", CASES, ids=[f"{n}-{l}" for n, l in CASES])
def test_akn_language_and_frbr_metadata(exported, name, lang):
    source, _, _ = exported[name]
    ident = akn_root(exported, name, lang).find("a:act/a:meta/a:identification", NS)
    code = languages.LANGUAGE[lang].iso639_2
    assert ident.xpath("a:FRBRExpression/a:FRBRlanguage/@language", namespaces=NS) == [code]
    assert ident.xpath("a:FRBRWork/a:FRBRcountry/@value", namespaces=NS) == ["kz"]
    expression = ident.xpath("a:FRBRExpression/a:FRBRuri/@value", namespaces=NS)[0]
    assert expression == "/akn/kz/act/2026-01-30/constitution/" + f"{code}@2026-01-30"
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        for part in ("FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"):
            assert ident.find(f"a:{level}/a:{part}", NS) is not None, (level, part)
    author = ident.xpath("../a:references/a:TLCOrganization[@eId='author']/@showAs",
                         namespaces=NS)
    assert author == [getattr(source.document.edition.author, lang)]
    for href in ident.xpath("../a:references/a:TLCOrganization/@href", namespaces=NS):
        assert re.fullmatch(r"/akn/ontology/organization/kz/[a-z][A-Za-z0-9]*", href), href


@pytest.mark.parametrize("name, lang", CASES, ids=[f"{n}-{l}" for n, l in CASES])
def test_akn_texts_and_statuses_are_the_sources(exported, name, lang):
    source, _, _ = exported[name]
    root = akn_root(exported, name, lang)
    listed = {u.get("href"): u.get("status") for u in root.iterfind(".//ed:unit", NS)}
    assert listed == {f"#{ids.akn_eid(unit.id)}": unit.texts.status(lang) for unit in source.units()}
    for unit in source.units():
        element = text_element(root, ids.akn_eid(unit.id))
        text = unit.texts.text(lang)
        if text is None:
            assert element.get("status") == "incomplete" and len(element) == 0
            assert not element.text
        else:
            assert element.get("status") is None and akn_text(element) == text


def test_akn_keeps_special_characters_literally(exported):
    root = akn_root(exported, "rich", "kk")
    text = akn_text(text_element(root, "art_2__para_2"))
    assert "<script>alert(1)</script>" in text and "&amp;" in text and "\n# not a heading" in text
    assert text_element(root, "art_1").text.endswith("ә ғ қ ң ө ұ ү һ і.")


@pytest.mark.parametrize("replace, expected", [
    ("unofficial", {"kk": "false", "ru": "false", "en": "false"}),
    ("official", {"kk": "true", "ru": "false", "en": "true"}),  # ru has missing units
], ids=["as-is", "all-official"])
def test_akn_expression_is_authoritative_only_when_all_official(tmp_path, replace, expected):
    directory = tmp_path / "source"
    shutil.copytree(SOURCES["rich"], directory)
    for path in directory.rglob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("status: unofficial", f"status: {replace}"),
                        "utf-8")
    source = checked_source(directory)
    for lang, value in expected.items():
        root = etree.fromstring(akn.document_bytes(source, lang))
        assert root.xpath("//a:FRBRExpression/a:FRBRauthoritative/@value", namespaces=NS) == [value]


@pytest.mark.parametrize("name", NAMES, ids=list(NAMES))
def test_two_exports_are_byte_identical(exported, directories, tmp_path, name):
    source, first, _ = exported[name]
    again = export.build(checked_source(directories[name]), tmp_path)
    for path in again:
        assert path.read_bytes() == (first / path.name).read_bytes(), path.name


def run_export(*argv: str) -> int:
    """The export command's own function (cli.COMMANDS), which lets a SourceError through."""
    arguments, run, _ = cli.COMMANDS["export"]
    parser = argparse.ArgumentParser()
    arguments(parser)
    return run(parser.parse_args(argv))


def test_bad_source_writes_nothing_and_keeps_old_files(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(SOURCES["rich"], source)
    (source / paths.PREAMBLE_FILE).write_text("id: preamble\nrecitals: [\n", "utf-8")
    out = tmp_path / "dist"
    out.mkdir()
    (out / catalogue.EXPORT_JSON).write_text("earlier build\n", "utf-8")
    with pytest.raises(SourceError):
        run_export("--source", str(source), "--out", str(out))
    assert [p.name for p in out.iterdir()] == [catalogue.EXPORT_JSON]
    assert (out / catalogue.EXPORT_JSON).read_text("utf-8") == "earlier build\n"


def test_cli_writes_into_out(tmp_path, capsys):
    assert run_export("--source", str(SOURCES["rich"]), "--out", str(tmp_path)) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in printed] == [
        str(tmp_path / name) for name in catalogue.names(catalogue.exports())]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(catalogue.names(catalogue.exports()))


def test_csv_rows_of_the_units_fixture_are_every_unit_notes_as_kind_note(exported):
    """tests/data/units: one row per unit of every kind, in reading order (tests/unit/source/test_units.py)."""
    from tests.unit.source.test_units import EXPECTED

    rows = csv_rows(exported, "units")
    assert [(row["id"], row["kind"], row["number"]) for row in rows] == [
        (unit_id, kind, "" if number is None else str(number)) for kind, unit_id, number, _ in EXPECTED]
    note = {row["id"]: row for row in rows}["art_1__note_1"]
    assert (note["kind"], note["article"], note["status_en"], note["en"]) == ("note", "1", "missing", "")
    assert note["ru"] == "Сноска. Статья изменена испытательным законом."
    assert {row["id"]: row for row in rows}["art_2-1__point_b"]["article"] == "2-1"


def test_akn_of_the_units_fixture_holds_each_new_element(exported, xsd):
    root = akn_root(exported, "units", "ru")
    assert xsd.validate(root.getroottree()), xsd.error_log.last_error

    def one(eid):
        found = root.xpath("//*[@eId=$id]", id=eid)
        assert len(found) == 1, eid
        return found[0]

    assert etree.QName(one("art_2__para_3__subpara_2")).localname == "subparagraph"
    assert etree.QName(one("art_2__para_2__wrapup")).localname == "wrapUp"
    assert etree.QName(one("art_1__hdg")).localname == "heading"
    assert etree.QName(one("sec_II__chp_1")).localname == "chapter"
    assert one("sec_II__chp_1").getparent().get("eId") == "sec_II"
    assert [a.get("eId") for a in one("sec_II__chp_1").iterfind("a:article", NS)] == ["art_2", "art_2-1"]
    assert one("art_2__para_1-1").find("a:num", NS).text == "1-1."
    assert one("art_2-1__point_b").find("a:num", NS).text == "б)"
    assert [etree.QName(c).localname for c in one("art_2__para_2")] == ["num", "intro", "point", "point", "point",
                                                                        "wrapUp"]
    assert etree.QName(one("art_2__para_2__note_1").getparent()).localname == "notes"
    ref = root.xpath("//a:noteRef[@href='#art_2__para_2__note_1']", namespaces=NS)[0]
    assert ref.getparent().getparent().tag == f"{{{akn.AKN_NS}}}intro"  # after the clause's own text
