"""Any text a clause can hold is in the PDF's text (issue 7, part 4; the site:
tests/unit/site/test_literal_text.py).

Property-based (hypothesis): a few texts of characters the PDF font draws, written into a
copy of tests/data/rich (the English of Article 2, paragraph 1) and validated, rendered by
constitution/print/pdf.py, are in the English PDF's text. And table-driven: every sign that is
Typst markup (the text reaches Typst as JSON data, never as markup), at the start of a line
too, is printed as itself and makes no heading, emphasis, label or reference.
"""

from __future__ import annotations

import shutil
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from constitution.print import fonts, pdf
from tests.helpers.literal import LANG, SIGNS, with_texts
from tests.helpers.pdf import pdf_body_text
from tests.helpers.pdf_tags import Tagged


@pytest.fixture(scope="module")
def workspace(rich_source, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("literal") / "source"
    shutil.copytree(rich_source, directory)
    return directory


@lru_cache(maxsize=1)
def drawable() -> list[str]:
    """Printable characters the PDF font draws with a glyph of their own (so its text layer can
    say which character it was), plus a line break."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(fonts.merged_font(fonts.STYLES[0])).getBestCmap()
    uses: dict[str, int] = {}
    for glyph in cmap.values():
        uses[glyph] = uses.get(glyph, 0) + 1
    return sorted(chr(code) for code, glyph in cmap.items()
                  if uses[glyph] == 1 and unicodedata.category(chr(code))[0] in "LMNPS") + ["\n", " "]


@settings(max_examples=4, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_clause_text_is_in_the_pdf_text(workspace, data):
    letters = st.sampled_from(drawable())
    signs = st.sampled_from([sign for sign in SIGNS if set(sign) <= set(drawable())])
    clause = data.draw(st.lists(st.one_of(letters, signs), min_size=1, max_size=200).map("".join)
                       .map(lambda text: unicodedata.normalize("NFC", text)))
    source = with_texts(workspace, clause, "Section title")
    assume(source is not None)
    path = workspace.parent / "en.pdf"
    path.write_bytes(pdf.render(source, LANG))
    printed = "".join(pdf_body_text(path).split())
    assert "".join(clause.split()) in printed


# Typst markup, each as a clause would hold it; a newline puts the sign at the start of a line.
HOSTILE = {
    "hash": "Code #let x = 1 and #x, #(1 + 2)",
    "dollar": "Math $a + b$ and $ x $",
    "star": "Strong *not bold* here",
    "underscore": "Emphasis _not italic_ here",
    "backtick": "Raw `not code` and ```block```",
    "backslash": "Escape \\# \\n \\u{41} and a lone \\",
    "angles": "Label <art_1> and <not-a-label>",
    "at": "Reference @art_1 and @nothing",
    "brackets": "Content [#strong[x]] and ]unbalanced[",
    "slashes": "Comment // not a comment and /* nor this */",
    "line-start": "First line\n= Not a heading\n- not a list\n+ nor this\n/ Term: no",
    "mixed": "\\#$*_`<>@[]//=~",
}


@pytest.mark.parametrize("clause", list(HOSTILE.values()), ids=list(HOSTILE))
def test_typst_markup_in_the_text_is_printed_literally(workspace, clause):
    source = with_texts(workspace, clause, "Title with #heading[x] and = sign")
    assert source is not None
    path = workspace.parent / "hostile.pdf"
    path.write_bytes(pdf.render(source, LANG))
    printed = "".join(pdf_body_text(path).split())
    assert "".join(clause.split()) in printed
    assert "".join("Title with #heading[x] and = sign".split()) in printed
    tagged = Tagged(path)  # the signs made no element of their own: as many headings as the fixture
    headings = [element.kind for element in tagged.elements() if element.kind.startswith("H")]
    plain = with_texts(workspace, "Plain text.", "Plain title")
    path.write_bytes(pdf.render(plain, LANG))
    assert headings == [element.kind for element in Tagged(path).elements() if element.kind.startswith("H")]


@pytest.mark.parametrize("edition", [LANG, "parallel"])
def test_a_clause_longer_than_a_page_breaks_across_pages_whole(workspace, edition):
    """A unit is kept on one page where it fits; one too long for a page breaks across pages
    and is all in the PDF (Typst would let an unbreakable block run off the page)."""
    clause = " ".join(f"Sentence {n} of a clause longer than any page holds." for n in range(900))
    source = with_texts(workspace, clause, "Section title")
    path = workspace.parent / f"long-{edition}.pdf"
    path.write_bytes(pdf.render(source, edition))
    tagged = "".join(Tagged(path).text_by_language()[LANG].split())  # the text a reader gets, in order
    assert "".join(clause.split()) in tagged
