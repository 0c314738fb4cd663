"""Fidelity: the committed English is the published text's, word for word, and nothing more.

The published English is committed as translations/published/en.txt: the seed's document
(from its title to the end of Article 2), exactly as the seed has it, which the last tests
check where the seed (../shared) is present. Independent of the importer: every English
text must occur in the published text verbatim (whitespace aside), and the document rebuilt
from translations/ must be exactly the published text, so no article, clause, section or
recital exists that it lacks.
"""

import re

import pytest

from constitution.core import ids
from constitution.source import validate
from tests.helpers import PUBLISHED_EN, SEED, TRANSLATIONS

SOURCE = validate.checked_source(TRANSLATIONS)
PUBLISHED = PUBLISHED_EN.read_text(encoding="utf-8")
UNITS = list(SOURCE.units())
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"{SEED} is absent (a clone without ../shared)")


def spaced(text: str) -> str:
    return " ".join(text.split())


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_document(seed: str) -> str:
    """The document part of the seed: from the draft's title to the line before its source."""
    start = seed.index("Project CONSTITUTION")
    return seed[start:].split("\n\nSource")[0]


@pytest.mark.parametrize("unit", UNITS, ids=[unit.id for unit in UNITS])
def test_english_text_is_in_the_published_text_verbatim(unit):
    text = unit.texts.text("en")
    assert text is not None and unit.texts.status("en") == "unofficial"
    assert spaced(text) in spaced(PUBLISHED)


def rebuilt_document() -> str:
    """The published document as translations/ holds it: headings, numbers and English text."""
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


def test_translations_hold_exactly_the_published_document():
    assert squashed(rebuilt_document()) == squashed(PUBLISHED)


def test_every_article_of_every_section_has_its_file():
    listed = [number for section in SOURCE.document.sections for number in section.articles]
    assert listed == [article.number for article in SOURCE.articles] == [1, 2]


def test_english_source_date_is_recorded():
    assert SOURCE.document.sources.en.published.isoformat() == "2026-02-01"


# --- against the seed itself ------------------------------------------------------------------


@needs_seed
def test_the_published_text_is_the_seeds_document_exactly():
    seed = SEED.read_text(encoding="utf-8")
    assert PUBLISHED == seed_document(seed) + "\n"  # the seed's line, with its line break
    assert PUBLISHED in seed


@needs_seed
def test_english_source_is_the_seeds():
    url = re.search(r"Source\s*:\s*(\S+)", SEED.read_text(encoding="utf-8")).group(1)
    assert SOURCE.document.sources.en.url == url
