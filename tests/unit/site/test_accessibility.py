"""The accessibility gates' recognition of text in another language than its element's `lang`
(tests/helpers/accessibility.py; the gates: tests/build/site/ and tests/browser/test_accessibility.py)."""

from __future__ import annotations

import pytest

from tests.helpers.accessibility import foreign_text


STRINGS = {"kk": {"Қазақша", "Бірінші бап."}, "ru": {"Русский", "Первая статья."}, "en": {"English"}}
FOREIGN = [
    # test id, text nodes (text, lang of its element), page language, expected (text, marked, actual)
    ("marked", [("Қазақша", "kk"), ("Первая статья.", "")], "ru", []),
    ("unmarked-name", [("Қазақша", "")], "en", [("Қазақша", "en", "kk")]),
    ("wrongly-marked", [("Қазақша: Бірінші бап.", "ru")], "ru", [("Қазақша: Бірінші бап.", "ru", "kk")]),
    ("page-language", [("Первая статья.", "")], "ru", []),
]


@pytest.mark.parametrize("texts, page_lang, expected", [case[1:] for case in FOREIGN], ids=[c[0] for c in FOREIGN])
def test_text_in_another_language_is_recognised(texts, page_lang, expected):
    assert list(foreign_text(texts, page_lang, STRINGS)) == expected
