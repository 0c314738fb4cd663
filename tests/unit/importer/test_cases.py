"""Each way a published text went wrong before (issue 11), as a small synthetic fixture in
tests/data/import/cases/ (NAME.LANG.txt) read to exactly the units, places and report lines of
NAME.LANG.expected.yaml. The command's side (ids in the written source, --strict): tests/build/cli/."""

from __future__ import annotations

import re

import pytest
import yaml

from constitution.importer.read import read_file, read_text
from tests.helpers import DATA
from tests.helpers.importing import placed, units

CASES = DATA / "import" / "cases"

# fixture -> what it shows (the failure it was)
SHOWS = {
    "en-part-chapter-section.en": "`Part I`, `Chapter 1`, `Section 2` start a section, a chapter, a section",
    "ru-heading-forms.ru": "`РАЗДЕЛ I`, `Раздел 2`, `Глава 1`, `СТАТЬЯ 2.`",
    "kk-heading-forms.kk": "`БІРІНШІ БӨЛІМ`, `2 бап`, `3–бап`, `бөлiм` with a Latin i",
    "suffix-and-letters.ru": "`Статья 26-1`, `2-1.` clauses, `1-1)` points, lettered points `а)`",
    "letters.en": "lettered points `a)`",
    "paragraph-per-article.ru": "one paragraph per article: its clauses and points are found",
    "paragraph-per-section.ru": "one paragraph per section: every section is read",
    "inline-list.ru": "a list on one line is split into its points",
    "line-ends-cr.en": "lines ending in CR alone are lines, not run-on text (reported once with the count)",
    "reference-line.ru": "a line `Статья 40 Конституции …` is text (reported), not Article 40",
    "reference-run-on.en": "`… under Article 175.` in run-on text is text",
    "reference-wrapped.en": "a wrapped line `Article 175.` is text (reported)",
    "point-reference-run-on.ru": "`подпункте 1) пункта 1 статьи 73` in run-on text starts no point",
    "wrapped-point.ru": "a wrapped line `17) статьи 6` starts no point 17 (reported)",
    "quoted-oath.ru": "a quoted oath with its own `1.` and `2.` stays in its clause",
    "closing-text.en": "a sentence after a list's last point is the clause's closing text",
    "unnumbered-parts.ru": "an article's and a clause's further paragraphs are parts; a wrapped line is not",
    "notes.ru": "«Примечание.» before clause 1 and «Сноска.» after a clause are notes",
    "notes.kk": "«Ескерту.», «Ескертпе.» are notes",
    "notes.en": "\"Note.\", \"Footnote.\" are notes",
    "invisible.en": "soft hyphens, zero-width spaces before clause numbers, a BOM mid-file: removed, reported",
    "pdf-extract.ru": "a PDF's running headers, page numbers, form feeds and a cut word, each reported",
    "pdf-heading-at-page-end.kk": "pdftotext -layout: a page break right after an article's and a section's heading",
    "front-matter.ru": "a menu, a headline with КОНСТИТУЦИЯ, a news lead, an adoption block: skipped, listed",
    "single-article.ru": "one article quoted alone, with no section heading",
    "gaps.en": "sections I and III, articles 1 and 4: each gap reported",
    "article-title.ru": "an article's title on its heading's line and on the next",
}


def test_every_fixture_is_listed():
    assert sorted(path.name[:-4] for path in CASES.glob("*.txt")) == sorted(SHOWS)


@pytest.mark.parametrize("name", sorted(SHOWS), ids=sorted(SHOWS))
def test_case_reads_to_exactly_the_expected_units(name):
    lang = name.rsplit(".", 1)[1]
    expected = yaml.safe_load((CASES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    reading, problems = read_file(CASES / f"{name}.txt", lang)
    assert problems == []
    assert units(reading) == expected["units"]
    assert placed(reading) == expected["placed"]
    shown = f"tests/data/import/cases/{name}.txt:"
    assert [str(entry).replace(shown, "", 1) for entry in sorted(reading.entries, key=lambda e: (e.line, e.kind))] \
        == expected["report"]


@pytest.mark.parametrize("name", ["pdf-extract.ru", "pdf-heading-at-page-end.kk"])
def test_pdf_text_without_form_feeds_reads_the_same_given_from_pdf(tmp_path, name):
    """`pdftotext -nopgbrk` leaves no form feed: read with --from-pdf, a page ends at its number
    (the numbers run 1, 2, …), so its running header and number are found as with the feeds."""
    lang = name.rsplit(".", 1)[1]
    expected = yaml.safe_load((CASES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    path = tmp_path / f"{name}.txt"
    path.write_text((CASES / f"{name}.txt").read_text(encoding="utf-8").replace("\f", ""), encoding="utf-8")
    reading, problems = read_file(path, lang, from_pdf=True)
    assert problems == [] and reading.layout == "pdf"
    assert units(reading) == expected["units"]
    report = [str(entry).replace(f"{path}:", "", 1) for entry in sorted(reading.entries, key=lambda e: (e.line, e.kind))]
    assert report == [line for line in expected["report"] if "form feed" not in line]


@pytest.mark.parametrize("name", ["pdf-extract.ru", "pdf-heading-at-page-end.kk"])
def test_page_numbers_of_a_pdf_text_read_as_typed_are_warnings(tmp_path, name):
    """The same text without --from-pdf is read as typed: its page numbers stay in the text, and
    each is a warning at its line (so --strict fails), never kept silently."""
    lang = name.rsplit(".", 1)[1]
    source = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{name}.txt"
    path.write_text(source.replace("\f", ""), encoding="utf-8")
    reading, problems = read_file(path, lang)
    assert problems == [] and reading.layout != "pdf"
    numbers = [number for number, line in enumerate(source.replace("\f", "").split("\n"), start=1)
               if re.fullmatch(r"[-\s]*\d+[-\s]*", line)]  # '7', '- 7 -': the fixtures' page numbers
    warned = [entry for entry in reading.entries if entry.warning and "page number" in entry.what]
    assert len(numbers) >= 2 and [entry.line for entry in warned] == numbers


def test_numbers_of_clauses_on_their_own_lines_are_no_page_numbers():
    """'1.', '2.', '3.' alone on their lines are clause numbers of a typed text, not a PDF's pages."""
    text = "Статья 1\n1.\nПервый пункт статьи.\n2.\nВторой пункт статьи.\n3.\nТретий пункт статьи.\n"
    reading, problems = read_text(text, "ru", "clauses.txt")
    assert problems == []
    assert not [entry for entry in reading.entries if "page number" in entry.what]
