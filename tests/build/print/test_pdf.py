"""The PDF editions (constitution/print/), read back with pypdf: outline, destinations, text,
fonts, metadata (what a bad source or absent fonts do: tests/unit/print/test_pdf_input.py;
the tags: test_pdf_tags.py; the independent checkers: test_pdf_checkers.py).

Each source (the project's translations/ and the rich fixture) is rendered once per session
(conftest.py); a second render in a separate process must give byte-identical files.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from constitution.core import catalogue, ids, languages
from constitution.core.catalogue import edition_languages
from constitution.source.labels import section_title
from tests.build.print.conftest import PDF_NAMES, normal
from tests.helpers import ROOT

EDITIONS = catalogue.PDF_EDITIONS

KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
FONT_PREFIX = "NotoSerif"  # the merged Noto Serif faces (constitution/print/fonts.py), Typst's only fonts


def expected_text(source, texts, lang: str) -> str:
    text = texts.text(lang)
    return normal(text if text is not None else source.ui.get("pdf_text_missing", lang))


def outline_entries(reader: PdfReader, items=None) -> list[tuple[str, int]]:
    entries = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            entries += outline_entries(reader, item)
        else:
            entries.append((item.title, reader.get_destination_page_number(item)))
    return entries


EACH_EDITION = pytest.mark.parametrize("edition", EDITIONS, ids=EDITIONS)


@EACH_EDITION
def test_outline_has_preamble_sections_and_every_article(built, edition):
    reader, source = built.reader(edition), built.source
    entries = outline_entries(reader)
    pages = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
    wanted = {ids.PREAMBLE_ID: [source.ui.get("preamble", lang) for lang in edition_languages(edition)]}
    for section in source.document.sections:
        wanted[section.id] = [source.ui.get("section_label", lang).format(n=ids.roman(section.number))
                              for lang in edition_languages(edition)]
    for article in source.articles:
        wanted[article.id] = [source.ui.get("article_label", lang).format(n=article.number)
                              for lang in edition_languages(edition)]
    for target, labels in wanted.items():
        matches = [page for title, page in entries if all(label in title for label in labels)]
        assert pages[target] in matches, f"no outline entry {labels} on the page of #{target}"
    # a section's entry is its label and title apart ('I бөлім. Конституциялық …'), as the contents show it
    for section in source.document.sections:
        titles = [section_title(source.ui, lang, section) for lang in edition_languages(edition)]
        assert " · ".join(titles) in [title for title, _ in entries], titles


@EACH_EDITION
def test_named_destination_for_every_id(built, edition):
    source = built.source
    wanted = {unit.id for unit in source.units()}
    wanted |= {article.id for article in source.articles}
    wanted |= {section.id for section in source.document.sections} | {ids.PREAMBLE_ID}
    names = set(built.reader(edition).named_destinations)
    assert wanted - names == set()


@EACH_EDITION
def test_every_unit_text_in_its_language(built, edition):
    source = built.source
    whole = " ".join(built.pages[edition])
    for unit in source.units():
        for lang in edition_languages(edition):
            assert expected_text(source, unit.texts, lang) in whole, f"{unit.id} {lang}"
    other = [lang for lang in languages.LANGUAGES if lang not in edition_languages(edition)]
    for lang in other:  # a one-language edition holds no other language's clauses
        clauses = [unit for unit in source.units() if unit.kind == "clause" and unit.texts.text(lang)]
        assert not any(normal(unit.texts.text(lang)) in whole for unit in clauses
                       if unit.texts.text(lang) != unit.texts.text(edition))


@EACH_EDITION
def test_text_is_literal_without_ligatures_or_soft_hyphens(built, edition):
    whole = " ".join(built.pages[edition])
    assert not re.search("[\ufb00-\ufb06\u00ad\ufffd]", whole)
    if "rich" in str(built.source_dir):
        for literal in ("<script>alert(1)</script>", "*stars*", "_under_", "[a](javascript:x)",
                        "&amp;", "`code`", "\\*", "<b>bold</b>", "# not a heading", "> not a quote"):
            assert normal(literal) in whole, literal


@EACH_EDITION
def test_fonts_are_embedded_project_fonts(built, edition):
    reader = built.reader(edition)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert name.split("+", 1)[1].startswith(FONT_PREFIX), name
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
        assert "/ToUnicode" in font, name  # so extracted (and spoken) text is the text


@pytest.mark.parametrize("edition", ["kk", "parallel"])
def test_kazakh_letters_extractable(built, edition):
    source_letters = set()
    for unit in built.source.units():
        source_letters |= set(unit.texts.text("kk") or "") & set(KAZAKH_LETTERS)
    assert len(source_letters) >= 9
    extracted = set(" ".join(built.pages[edition]))
    assert source_letters <= extracted


COVER_DATES = [("kk", "Күні: 2026 жылғы 30 қаңтар"), ("ru", "Дата: 30 января 2026 г."), ("en", "Date: 30 January 2026")]


@pytest.mark.parametrize("lang, line", COVER_DATES, ids=[lang for lang, _ in COVER_DATES])
def test_cover_dates_the_edition_in_its_language_with_the_sites_label(built, lang, line):
    """The cover writes the date as the language does (never ISO 2026-01-30), under the site's label."""
    assert built.source.document.edition.date.isoformat() == "2026-01-30"
    for edition in (lang, "parallel"):
        cover = built.pages[edition][0]
        assert normal(line) in cover, (edition, cover[:300])
        assert "2026-01-30" not in cover.replace("constitution-2026-01-30", "")


def test_parallel_clause_texts_on_one_page(built):
    source, pages = built.source, built.pages["parallel"]
    for unit in source.units():
        found = {lang: [index for index, page in enumerate(pages)
                        if expected_text(source, unit.texts, lang) in page] for lang in languages.LANGUAGES}
        common = set.intersection(*(set(indexes) for indexes in found.values()))
        assert common, f"{unit.id}: pages per language {found}"


@EACH_EDITION
def test_metadata(built, edition):
    reader, document = built.reader(edition), built.source.document
    info, langs = reader.metadata, edition_languages(edition)
    for lang in langs:
        assert built.source.ui.get("site_name", lang) in info.title
        assert getattr(document.edition.name, lang) in info.title
        assert getattr(document.edition.author, lang) in info.author
    date = "D:" + document.edition.date.strftime("%Y%m%d")
    assert info["/CreationDate"].startswith(date) and info["/ModDate"].startswith(date)
    lang = languages.DEFAULT_LANGUAGE if edition == "parallel" else edition
    assert reader.trailer["/Root"]["/Lang"] == lang


@EACH_EDITION
def test_tagged_pdf_ua(built, edition):
    root = built.reader(edition).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data()
    # the XMP says PDF/UA-1, as an attribute or as an element (either is RDF)
    assert re.search(rb'pdfuaid:part="1"|<pdfuaid:part>1</pdfuaid:part>', xmp)


XMP_LANGUAGES = {"kk": [b"kk"], "ru": [b"ru"], "en": [b"en"], "parallel": [b"kk", b"ru", b"en"]}


@EACH_EDITION
def test_xmp_names_every_language_of_the_text(built, edition):
    """The metadata a catalogue reads (XMP dc:language) lists each language the edition holds."""
    xmp = built.reader(edition).trailer["/Root"]["/Metadata"].get_object().get_data()
    bag = re.search(rb"<dc:language>\s*<rdf:Bag>(.*?)</rdf:Bag>\s*</dc:language>", xmp, re.S)
    assert bag and re.findall(rb"<rdf:li>([^<]*)</rdf:li>", bag.group(1)) == XMP_LANGUAGES[edition]


def test_second_render_is_byte_identical(built, tmp_path):
    out = tmp_path / "again"
    subprocess.run([sys.executable, "-m", "constitution", "pdf", "--source", str(built.source_dir), "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    for name in PDF_NAMES:
        first = hashlib.sha256((built.directory / name).read_bytes()).hexdigest()
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == first, name


def test_a_parallel_row_that_fits_a_page_stands_on_one(built):
    """The three texts of a unit stand on one page of the parallel edition: a row that fits on
    a page moves whole to the next one, never split (templates/parallel.typ, `cells`)."""
    pages, source = built.pages[catalogue.PARALLEL], built.source
    for unit in source.units():
        if any(len((unit.texts.text(lang) or "").encode()) > 1500 for lang in languages.LANGUAGES):
            continue  # a longer unit may break across pages
        texts = [expected_text(source, unit.texts, lang) for lang in languages.LANGUAGES]
        assert any(all(text in page for text in texts) for page in pages), unit.id


@EACH_EDITION
def test_units_fixture_has_exactly_a_destination_per_id(built, edition):
    """tests/data/units: a named destination for each id of every kind of unit, and no other."""
    if built.source_dir.name != "units-source":
        pytest.skip("the units fixture's own test")
    source = built.source
    wanted = {unit.id for unit in source.units()} | {article.id for article in source.articles}
    wanted |= {ids.PREAMBLE_ID}
    assert set(built.reader(edition).named_destinations) == wanted
    assert {"art_1__hdg", "art_1__subpara_2", "art_2__para_1-1", "art_2__para_2__wrapup", "sec_2__chp_1",
            "art_2-1__point_b", "art_2-1__point_a__subpara_2", "art_3__para_1__wrapup__note_1"} <= wanted
