"""The importer as a library: headings, clauses and points recognised in both layouts, the
preamble split into recitals, and the committed files in the writer's layout (the command,
with the seed round trip and bad input: tests/build/cli/test_import.py)."""

import pytest

from constitution.core import languages
from constitution.importer.read import read_text, split_recitals
from constitution.source import save, validate
from constitution.source.load import load_source
from tests.helpers import TRANSLATIONS


# --- the committed source ---------------------------------------------------------------------

def test_committed_files_are_in_the_writer_layout():
    loaded = load_source(TRANSLATIONS)
    for relative, text in save.source_files(loaded.source()).items():
        assert (TRANSLATIONS / relative).read_text(encoding="utf-8") == text, relative


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_run_on_preamble_splits_into_the_committed_recitals(lang):
    recitals = [recital.text(lang) for recital in validate.checked_source(TRANSLATIONS).preamble.recitals]
    assert split_recitals(" ".join(recitals), lang) == recitals
    assert split_recitals("\n".join(recitals).replace(" ", "  "), lang) == recitals


# --- heading, clause and point recognition ----------------------------------------------------

HEADINGS = [
    ("kk", "I бөлім Жалпы ережелер 1-бап Мәтін."),
    ("kk", "I-бөлім Жалпы ережелер 1-бап Мәтін."),
    ("kk", "1-бөлім Жалпы ережелер 1-бап Мәтін."),
    ("kk", "І бөлім\nЖалпы ережелер\n1-бап\nМәтін."),  # Cyrillic І for Roman I
    ("ru", "Раздел I Общие положения Статья 1 Текст."),
    ("ru", "РАЗДЕЛ I\nОбщие положения\nСтатья 1.\nТекст."),
    ("en", "Section I General provisions Article 1 Text."),
    ("en", "Section I.\nGeneral provisions\nArticle 1.\nText."),
]


@pytest.mark.parametrize("lang, text", HEADINGS, ids=[f"{lang}: {text[:14]}" for lang, text in HEADINGS])
def test_section_and_article_headings(lang, text):
    reading, problems = read_text(text, lang, "x.txt")
    assert not problems
    assert list(reading.sections) == [1] and reading.text(reading.sections[1]).split()[0] in (
        "Жалпы", "Общие", "General")
    assert list(reading.articles) == [1] and reading.text(reading.articles[1]) in ("Мәтін.", "Текст.", "Text.")
    assert reading.articles[1].section == 1


RUN_ON, LINES = "Section I Title Article 2 ", "Section I\nTitle\nArticle 2\n"
CLAUSES = [
    ("run-on, glued numbers", RUN_ON + "1.One. 2.two, lower case. 3.Three.", [1, 2, 3], "two, lower case."),
    ("lines", LINES + "1. One.\n2. two, lower case.\n3. Three.", [1, 2, 3], "two, lower case."),
    ("run-on, a number in the text", RUN_ON + "1.One is 5. Two. 2.two, lower case.", [1, 2], "two, lower case."),
    ("lines, a gap", LINES + "1. One.\n3. Three.", [1, 3], None),
    ("run-on, a gap is text", RUN_ON + "1.One. 3.Three.", [1], None),
    ("lines, a number mid-line", LINES + "1. One, as 2. says.\n2. two, lower case.", [1, 2], "two, lower case."),
    ("lines, a clause on two lines", LINES + "1. One,\ngoing on.\n2. two, lower case.", [1, 2], "two, lower case."),
    ("lines, a clause in two parts", LINES + "1. One.\nIts part two.\n2. two, lower case.", [1, 2], "two, lower case."),
]


@pytest.mark.parametrize("name, text, numbers, second", CLAUSES, ids=[case[0] for case in CLAUSES])
def test_clauses(name, text, numbers, second):
    reading, _ = read_text(text, "en", "x.txt")
    assert reading.layout == name.split(",")[0]
    clauses = reading.articles[2].clauses
    assert list(clauses) == numbers
    if second:
        assert reading.text(clauses[2]) == second
    if "two lines" in name:
        assert reading.parts(clauses[1]) == ["One, going on."]  # a wrapped line: the sentence goes on
    if "two parts" in name:
        assert reading.parts(clauses[1]) == ["One.", "Its part two."]  # a line after a sentence: a part


def test_points_in_clause_and_article():
    reading, _ = read_text("Section I T Article 1 Lists: 1) a; 2) b. Article 2 1.Has: 1) c; 2) d. 2.End.", "en", "x")
    first, second = reading.articles[1], reading.articles[2]
    assert reading.text(first) == "Lists:" and [reading.text(p) for p in first.points.values()] == ["a;", "b."]
    assert [reading.text(p) for p in second.clauses[1].points.values()] == ["c;", "d."]
    assert reading.text(second.clauses[2]) == "End."


def test_prose_before_the_title_is_not_the_document():
    reading, _ = read_text("News: it has Section 11 and Article 95. Project CONSTITUTION OF X We, the people, "
                           "Adopting it. Section I T Article 1 Text.", "en", "x.txt")
    assert reading.title == "CONSTITUTION OF X"
    assert list(reading.articles) == [1]
    assert reading.recitals == ["We, the people,", "Adopting it."]


# --- translators' notes -----------------------------------------------------------------------

def test_a_note_stays_with_the_unchanged_text_it_is_about():
    """Importing the same English again keeps the translator's note on it; a changed text loses it."""
    from constitution.importer import align, read

    template = validate.checked_source(TRANSLATIONS)
    noted = {unit.id: unit.texts.lang("en").note for unit in template.units() if unit.texts.lang("en").note}
    assert noted, "the committed English carries translators' notes"
    reading, problems = read.read_file(TRANSLATIONS / "published" / "en.txt", "en")
    assert problems == []
    imported, _ = align.aligned_source({"en": reading}, template, "unofficial", [])
    assert {unit.id: unit.texts.lang("en").note for unit in imported.units()
            if unit.texts.lang("en").note} == noted
    assert "art_2__para_2" in noted
    assert "covers" in reading.text(reading.articles[2].clauses[2])
    text = (TRANSLATIONS / "published" / "en.txt").read_text(encoding="utf-8")
    reading, _ = read.read_text(text.replace("covers", "spans"), "en", "en.txt")
    changed, _ = align.aligned_source({"en": reading}, template, "unofficial", [])
    assert next(u for u in changed.units() if u.id == "art_2__para_2").texts.lang("en").note is None
