"""source/labels.py and the language records' ordinals: how each language names, numbers and dates
the document's parts (the forms the site, the PDFs and the citations share)."""

import datetime

import pytest

from constitution.core import languages
from constitution.source import labels
from constitution.source.validate import checked_source
from tests.helpers import TRANSLATIONS

UI = checked_source(TRANSLATIONS).ui

ORDINALS = [(1, "первый"), (2, "второй"), (4, "четвертый"), (12, "двенадцатый"), (20, "двадцатый"),
            (21, "двадцать первый"), (40, "сороковой"), (99, "девяносто девятый"), (100, "100")]


@pytest.mark.parametrize("number, word", ORDINALS, ids=[str(n) for n, _ in ORDINALS])
def test_russian_ordinal_words(number, word):
    assert languages.LANGUAGE["ru"].ordinal(number) == word


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_a_language_without_ordinal_words_writes_digits(lang):
    assert languages.LANGUAGE[lang].ordinal(3) == "3"


FILLS = [
    ("абзац {recital:ordinal} преамбулы", "ru", {"recital": 3}, "абзац третий преамбулы"),
    ("кіріспесінің {recital}-азат жолы", "kk", {"recital": 3}, "кіріспесінің 3-азат жолы"),
    ("Preamble, recital {recital:ordinal}", "en", {"recital": 3}, "Preamble, recital 3"),
    ("{article}-бабының {clause}-тармағы", "kk", {"article": 2, "clause": 4}, "2-бабының 4-тармағы"),
]


@pytest.mark.parametrize("template, lang, values, expected", FILLS, ids=[f"{lang}-{i}" for i, (_, lang, _, _) in enumerate(FILLS)])
def test_fill_writes_numbers_and_ordinals(template, lang, values, expected):
    assert labels.fill(template, lang, **values) == expected


def test_fill_names_the_placeholder_it_lacks():
    with pytest.raises(KeyError, match="clause"):
        labels.fill("{article}-бабының {clause}-тармағы", "kk", article=2)


DATES = [("kk", "2026 жылғы 30 қаңтар"), ("ru", "30 января 2026 г."), ("en", "30 January 2026")]


@pytest.mark.parametrize("lang, expected", DATES, ids=[lang for lang, _ in DATES])
def test_one_date_form_per_language(lang, expected):
    """The full Kazakh form («2026 жылғы 30 қаңтар») everywhere, not CLDR's short «2026 ж. 30 қаңтар»."""
    assert labels.date(UI, lang, datetime.date(2026, 1, 30)) == expected


POINT_LABELS = [("kk", "1) тармақша"), ("ru", "подпункт 1)"), ("en", "subparagraph 1)")]


@pytest.mark.parametrize("lang, expected", POINT_LABELS, ids=[lang for lang, _ in POINT_LABELS])
def test_point_labels(lang, expected):
    """No hyphen after the bracket in Kazakh: «1) тармақша»."""
    assert UI.get("point_label", lang).format(n=1) == expected
