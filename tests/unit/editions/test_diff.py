"""The word-level difference of a clause's text: insertions and deletions as data, each side
giving back its text exactly (table-driven, plus a bounded fuzz over the fixture's texts)."""

import itertools
import random

import pytest

from constitution.editions.diff import DELETE, EQUAL, INSERT, Piece, side, word_diff
from constitution.source.validate import checked_editions
from tests.helpers import DATA

CASES = [
    ("inserted-words", "used in all institutions.", "used in all public institutions and courts.",
     [(EQUAL, "used in all "), (INSERT, "public "), (EQUAL, "institutions"), (INSERT, " and courts"), (EQUAL, ".")]),
    ("replaced-words", "a b c", "a x y c", [(EQUAL, "a "), (DELETE, "b"), (INSERT, "x y"), (EQUAL, " c")]),
    ("a run of changes, deletions first", "one two three four", "one 2 3 four",
     [(EQUAL, "one "), (DELETE, "two three"), (INSERT, "2 3"), (EQUAL, " four")]),
    ("cyrillic", "Никто не должен подвергаться пыткам.", "Никто не должен подвергаться пыткам или жестокому обращению.",
     [(EQUAL, "Никто не должен подвергаться пыткам"), (INSERT, " или жестокому обращению"), (EQUAL, ".")]),
    ("sign-only change", "Text, here.", "Text; here.", [(EQUAL, "Text"), (DELETE, ","), (INSERT, ";"), (EQUAL, " here.")]),
    ("new text", None, "All new.", [(INSERT, "All new.")]),
    ("dropped text", "All gone.", None, [(DELETE, "All gone.")]),
    ("unchanged", "Same words.", "Same words.", [(EQUAL, "Same words.")]),
    ("both absent", None, None, []),
    ("line break kept", "first\nsecond", "first\nthird", [(EQUAL, "first\n"), (DELETE, "second"), (INSERT, "third")]),
]


@pytest.mark.parametrize("old, new, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_word_diff(old, new, expected):
    pieces = word_diff(old, new)
    assert pieces == [Piece(op, text) for op, text in expected]
    assert side(pieces, DELETE) == (old or "") and side(pieces, INSERT) == (new or "")


def test_every_pair_of_fixture_texts_gives_back_both_sides():
    texts = sorted({unit.texts.text(lang) for edition in checked_editions(DATA / "editions").editions
                    for unit in edition.source.units() for lang in ("kk", "ru", "en") if unit.texts.text(lang)})
    pairs = random.Random(20).sample(list(itertools.permutations(texts, 2)), 300)
    for old, new in pairs:
        pieces = word_diff(old, new)
        assert side(pieces, DELETE) == old and side(pieces, INSERT) == new
        assert all(piece.text for piece in pieces)
        assert all(a.op != b.op or a.op != EQUAL for a, b in zip(pieces, pieces[1:]))  # runs joined
