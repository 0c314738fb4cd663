"""site/markup.py's fill reads a ui string's placeholders with source/ui.parse, the one reader:
it refuses what validate refuses and fills what labels.fill fills."""

from __future__ import annotations

import pytest

from constitution.site import markup
from constitution.source import labels, ui


@pytest.mark.parametrize("template", ["{n.a}", "{n[0]}", "{n!r}", "{n:>9}", "{0}", "{", "}", "{{n}}"],
                         ids=["attribute", "index", "conversion", "spec", "positional", "open", "close", "doubled"])
def test_what_ui_parse_refuses_markup_fill_refuses(template):
    with pytest.raises(ui.PlaceholderError):
        ui.parse(template)
    with pytest.raises(ui.PlaceholderError):
        markup.fill(template, n=1)


@pytest.mark.parametrize("template, values", [
    ("{n} of {total}", {"n": 2, "total": 5}), ("Article {article}", {"article": "2*"}), ("no placeholder", {}),
], ids=["two", "markdown-sign", "none"])
def test_markup_fill_is_labels_fill_with_each_piece_literal(template, values):
    expected = "".join(markup.literal_markdown(piece) for piece in [labels.fill(template, "en", **values)])
    assert markup.fill(template, **values) == expected


def test_an_ordinal_is_left_to_labels():
    with pytest.raises(KeyError):
        markup.fill("{n:ordinal}", n=1)
