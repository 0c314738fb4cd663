"""A full-size synthetic text (benchmarks/corpus.py's 11 sections and 96 articles, made to have one
reading by tests/helpers/published.py) in every layout, each in each of a language's four sets of
heading forms, reads back to the same units, every id and every text, with nothing to report but
what a layout itself needs (a PDF's page furniture, the line ends and byte order marks made plain)."""

from __future__ import annotations

import pytest

from constitution.core import languages
from constitution.importer import align, read
from constitution.source.validate import checked_source
from tests.helpers import published

REPORTED = {  # what each layout's report holds besides nothing
    "pdf": {"removed"}, "pdf-layout": {"removed"}, "crlf": {"normalised"}, "cr": {"normalised"},
    "bom": {"normalised"},
}


@pytest.fixture(scope="session")
def full_source(tmp_path_factory):
    return checked_source(published.write_full(tmp_path_factory.mktemp("full") / "source"))


def texts(source, lang):
    return {unit.id: unit.texts.text(lang) for unit in source.units()}


CASES = [(layout, lang, style) for layout in published.LAYOUTS for lang in languages.LANGUAGES for style in range(4)]


@pytest.mark.parametrize("layout, lang, style", CASES, ids=[f"{layout}-{lang}-forms{style}" for layout, lang, style in CASES])
def test_every_layout_reads_back_to_the_same_units(tmp_path, full_source, layout, lang, style):
    path = tmp_path / f"{lang}.txt"
    path.write_text(published.render(full_source, lang, layout, style), encoding="utf-8", newline="")
    reading, problems = read.read_file(path, lang)
    assert problems == []
    imported, missing = align.aligned_source({lang: reading}, full_source, "unofficial", [])
    assert missing == []
    assert texts(imported, lang) == texts(full_source, lang)
    assert len(full_source.articles) == 96 and len(full_source.document.sections) == 11
    assert {entry.kind for entry in reading.entries} == REPORTED.get(layout, set())
    assert not [entry for entry in reading.entries if entry.warning]


@pytest.mark.parametrize("lang, style, forms", [
    ("kk", 0, ["XI бөлім", "1-бап"]), ("kk", 1, ["11-бөлім", "3 бап"]), ("kk", 2, ["ОН БІРІНШІ БӨЛІМ", "3–бап"]),
    ("kk", 3, ["XI бөл\u0069м", "3-БАП"]),
    ("ru", 0, ["РАЗДЕЛ XI", "Статья 3"]), ("ru", 1, ["Раздел 11", "СТАТЬЯ 3."]),
    ("ru", 2, ["Раздел одиннадцатый", "Статья 3."]), ("ru", 3, ["Раздел XI.", "статья 3"]),
    ("en", 0, ["Section XI", "Article 3"]), ("en", 1, ["PART XI", "ARTICLE 3."]),
    ("en", 2, ["Part Eleven", "Article 3."]), ("en", 3, ["Section 11", "article 3"]),
], ids=lambda value: str(value))
def test_each_style_writes_its_heading_forms(full_source, lang, style, forms):
    """The forms the cases above read: Roman, Arabic and word numbers, hyphen, en dash and space,
    upper and lower case, a trailing dot, a Latin look-alike letter."""
    lines = published.render(full_source, lang, "lines", style).split("\n")
    assert all(form in lines for form in forms)
