"""Fidelity: the committed English is the seed's, word for word, and nothing more.

Independent of the importer: every English text must occur in the seed verbatim (whitespace
aside), and the document rebuilt from translations/ must be exactly the document part of
the seed, so no article, clause, section or recital exists that the seed lacks.
"""

import re

import pytest

from conftest import ROOT, SEED
from constitution.core import ids
from scripts import validate

SOURCE = validate.checked_source(ROOT / "translations")
SEED_TEXT = SEED.read_text(encoding="utf-8")
UNITS = list(SOURCE.units())


def spaced(text: str) -> str:
    return " ".join(text.split())


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("unit", UNITS, ids=[unit.id for unit in UNITS])
def test_english_text_is_in_the_seed_verbatim(unit):
    text = unit.texts.text("en")
    assert text is not None and unit.texts.status("en") == "unofficial"
    assert spaced(text) in spaced(SEED_TEXT)


def rebuilt_document() -> str:
    """The seed's document as translations/ holds it: headings, numbers and English text."""
    parts = ["Project", SOURCE.document.title.text("en")]
    parts += [recital.text("en") for recital in SOURCE.preamble.recitals]
    for section in SOURCE.document.sections:
        parts.append(f"Section {ids.roman(section.number)} {section.title.text('en')}")
        for article in SOURCE.section_articles(section):
            parts.append(f"Article {article.number}")
            if not article.has_clauses:
                parts.append(article.text("en"))
            parts += [f"{point.number}) {point.text('en')}" for point in article.points]
            for clause in article.clauses:
                parts.append(f"{clause.number}.{clause.text('en')}")
                parts += [f"{point.number}) {point.text('en')}" for point in clause.points]
    return " ".join(parts)


def test_translations_hold_exactly_the_seed_document():
    start = SEED_TEXT.index("Project CONSTITUTION")
    document = SEED_TEXT[start:].split("\n\nSource")[0]
    assert squashed(rebuilt_document()) == squashed(document)


def test_every_article_of_every_section_has_its_file():
    listed = [number for section in SOURCE.document.sections for number in section.articles]
    assert listed == [article.number for article in SOURCE.articles] == [1, 2]


def test_english_source_is_recorded():
    url = re.search(r"Source\s*:\s*(\S+)", SEED_TEXT).group(1)
    assert SOURCE.document.sources.en.url == url
    assert SOURCE.document.sources.en.published.isoformat() == "2026-02-01"
