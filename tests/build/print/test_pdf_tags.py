"""The PDFs' tags, read back with pikepdf (tests/helpers/pdf_tags.py): each text in its
language, running heads and footers as artifacts, links, tables.

What the independent checkers say of the same files: test_pdf_checkers.py.
"""

from __future__ import annotations

import re

import pikepdf
import pytest

from constitution.core import catalogue, ids, languages
from constitution.core.catalogue import edition_languages
from constitution.source import labels
from tests.build.print.conftest import normal

EDITIONS = catalogue.PDF_EDITIONS
EACH_EDITION = pytest.mark.parametrize("edition", EDITIONS, ids=EDITIONS)
PRINT_FLAG = 4  # annotation flag bit 3: printed as shown
ENTRY_LINK_MIN_PT = 60  # a contents link holds its entry's words, not its page number alone


def document_language(edition: str) -> str:
    return languages.DEFAULT_LANGUAGE if edition == catalogue.PARALLEL else edition


@EACH_EDITION
def test_every_text_is_tagged_in_its_language(built, edition):
    """Each unit's text lies in structure elements that say its language (WCAG 3.1.2): in the
    parallel edition the Russian and English cells, in a single edition the whole document."""
    tagged, source = built.tagged[edition], built.source
    assert tagged.lang == document_language(edition)
    by_language = {lang: normal(text) for lang, text in tagged.text_by_language().items()}
    assert set(by_language) == set(edition_languages(edition))
    for unit in source.units():
        texts = {lang: unit.texts.text(lang) for lang in edition_languages(edition)}
        for lang, text in texts.items():
            if text is None:
                continue
            assert normal(text) in by_language[lang], f"{unit.id}: its {lang} text is not tagged {lang}"
            for other in set(by_language) - {lang}:
                if all(normal(text) not in normal(texts[o] or "") for o in set(texts) - {lang}):
                    assert normal(text) not in by_language[other], f"{unit.id}: {lang} text tagged {other}"
    for article in source.articles:  # the labels too: '2-бап', 'Статья 2', 'Article 2'
        for lang in edition_languages(edition):
            assert normal(labels.article_label(source.ui, lang, article.number)) in by_language[lang]
    for lang in edition_languages(edition):  # the contents' title too: 'Мазмұны · Содержание · Contents'
        title = normal(source.ui.get("pdf_contents", lang))
        assert title in by_language[lang]
        assert all(title not in by_language[other] for other in set(by_language) - {lang}), f"{title} tagged not {lang}"


def test_each_parallel_cell_says_its_language(built):
    """Every cell of the text tables, header and body, is its column's language."""
    tagged = built.tagged[catalogue.PARALLEL]
    tables = tagged.elements("Table")
    assert len(tables) == 1 + len(built.source.document.sections)  # the preamble's, one per section
    for table in tables:
        for row in (element for element in table.walk() if element.kind == "TR"):
            cells = [cell for cell in row.children if cell.kind in ("TH", "TD")]
            if len(cells) == 1:  # a heading across the row: its parts are the columns
                cells = [part for part in cells[0].walk() if part.kind == "Div" and part.parent.kind == "Div"]
            assert [cell.lang for cell in cells] == list(languages.LANGUAGES), tagged.text(row)[:80]


@EACH_EDITION
def test_no_heading_is_empty(built, edition):
    tagged = built.tagged[edition]
    headings = [element for element in tagged.elements() if re.fullmatch(r"H[1-6]", element.kind)]
    assert headings
    for heading in headings:
        assert tagged.text(heading).strip(), f"an empty {heading.kind}"


@EACH_EDITION
def test_no_structure_element_is_empty(built, edition):
    """Every element holds content, a link or other elements: an empty one (a grid's unused
    cell) is one more stop a screen reader announces with nothing to read."""
    empty = [element.kind + " under " + element.parent.kind for element in built.tagged[edition].elements()
             if element.parent is not None and not (element.children or element.content or element.objects)]
    assert not empty, empty


@EACH_EDITION
def test_cover_and_contents_are_not_tables(built, edition):
    """Only the parallel text is a table; a table's header cells have their scope."""
    tagged = built.tagged[edition]
    tables = tagged.elements("Table")
    if edition != catalogue.PARALLEL:
        assert tables == []
    for table in tables:
        headers = [cell for cell in table.walk() if cell.kind == "TH"]
        assert len(headers) == len(languages.LANGUAGES)
        for cell in headers:
            attributes = cell.node.get("/A")
            attributes = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
            assert any(a.get("/O") == "/Table" and a.get("/Scope") == "/Column" for a in attributes)


@EACH_EDITION
def test_running_heads_footers_and_page_numbers_are_artifacts(built, edition):
    tagged = built.tagged[edition]
    pages = len(tagged.pages)
    owned = tagged.owned_content()
    for index, page in enumerate(tagged.pages):
        artifacts = normal("".join(page.artifacts))
        assert normal(f"{index + 1} / {pages}") in artifacts, f"page {index + 1}: its number is not an artifact"
        assert page.unmarked == [], f"page {index + 1}: text neither tagged nor an artifact"
        for mcid in page.marked:  # every marked sequence is reachable from the structure root
            assert (index, mcid) in owned, f"page {index + 1}: MCID {mcid} belongs to no structure element"
    status = built.source.ui.get("status_unofficial", document_language(edition))
    for index, page in enumerate(tagged.pages):
        assert normal(status) in normal("".join(page.artifacts)).lower(), f"page {index + 1}: no footer"
    if edition != catalogue.PARALLEL:  # the running head names the first article headed on the page
        reader = built.reader(edition)
        pages_of = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
        last_page = len(tagged.pages) - 1
        first = next(article for article in built.source.articles if pages_of[article.id] == last_page)
        label = labels.article_label(built.source.ui, edition, first.number)
        assert normal(label) in normal("".join(tagged.pages[last_page].artifacts))


def expected_description(source, target: str, lang: str) -> str:
    """What a link to `target` is called in `lang`: the words the contents show for it."""
    if target == ids.PREAMBLE_ID:
        return source.ui.get("preamble", lang)
    for section in source.document.sections:
        if section.id == target:
            return labels.section_title(source.ui, lang, section)
    for article in source.articles:
        if article.id == target:
            return labels.article_label(source.ui, lang, article.number)
    raise AssertionError(f"a link to {target!r}, which the contents do not list")


@EACH_EDITION
def test_every_link_is_one_link_element_with_a_description(built, edition):
    """One /Link element per annotation, none inside another, printed, described in the
    document's language ('2-бап', 'Статья 2', 'Article 2')."""
    tagged, source = built.tagged[edition], built.source
    links = tagged.elements("Link")
    annotations = [(page, annotation) for page, annotation in tagged.annotations() if annotation.Subtype == "/Link"]
    assert len(links) == len(annotations)
    owners = {}
    for link in links:
        assert not any(ancestor.kind == "Link" for ancestor in link.ancestors())
        assert len(link.objects) == 1, tagged.text(link)
        owners[link.objects[0].objgen] = link
    targets = set()
    for page, annotation in annotations:
        assert annotation.objgen in owners, f"page {page + 1}: a link annotation outside any /Link"
        assert int(annotation.F) & PRINT_FLAG
        description = str(annotation.Contents)
        if "/Dest" in annotation:  # within the document: a named destination
            target = str(annotation.Dest)
            targets.add(target)
            assert description == expected_description(source, target, document_language(edition))
            # the whole contents entry is the link, its words and its number (a page number alone
            # is under 20 pt wide; '1-бап' and its number in a single edition's grid about 130)
            left, _, right, _ = (float(value) for value in annotation.Rect)
            assert right - left > ENTRY_LINK_MIN_PT, f"{target}: a link {right - left:.0f} pt wide"
        else:
            assert annotation.A.S == "/URI" and description
    listed = {ids.PREAMBLE_ID} | {s.id for s in source.document.sections} | {a.id for a in source.articles}
    assert targets == listed


@EACH_EDITION
def test_a_note_is_a_paragraph_of_its_own_apart_from_the_legal_text(built, edition):
    """tests/data/units: each note (an editorial note, an amendment footnote) is tagged as a
    paragraph that holds its badge («ПРИМЕЧАНИЕ», where its text does not open with the word)
    and its text, and nothing of the unit it is on."""
    if built.source_dir.name != "units-source":
        pytest.skip("the units fixture's own test")
    tagged, source = built.tagged[edition], built.source
    paragraphs = [normal(tagged.text(element)) for element in tagged.elements("P")]
    notes = [unit for unit in source.units() if unit.kind == "note"]
    assert len(notes) == 8
    for note in notes:
        for lang in edition_languages(edition):
            text = note.texts.text(lang)
            shown = text if text is not None else source.ui.get("pdf_text_missing", lang)
            badge = labels.note_badge(source.ui, lang, text).upper()
            assert normal(badge + shown) in paragraphs, f"{note.id} {lang}: not a paragraph of its own"
