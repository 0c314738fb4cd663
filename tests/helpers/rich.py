"""What the rich fixture (tests/data/rich) holds, for parametrizing; the tests build and render
the `rich_source` fixture (the same texts with the repository's interface strings)."""

from __future__ import annotations

from constitution.source.load import load_source
from tests.helpers import RICH

RICH_SOURCE = load_source(RICH).source()
SPECIAL = RICH_SOURCE.article(2).clauses[1]  # art_2__para_2: every Markdown and HTML sign, line breaks
