"""What the tests share besides fixtures (those are in tests/conftest.py): where things are.

tests/ is a package (pytest imports it from the checkout's root), so a test imports these
as `from tests.helpers import ROOT`, like any module.
"""

from __future__ import annotations

from pathlib import Path

from constitution.core import paths

ROOT = Path(__file__).resolve().parents[2]  # the checkout
DATA = ROOT / "tests" / "data"
RICH = DATA / "rich"  # the fixture source: points, units missing in ru, special characters
TRANSLATIONS = paths.SOURCE_DIR
# The published English the committed text comes from: the seed's document, committed.
PUBLISHED_EN = paths.SOURCE_DIR / paths.PUBLISHED_DIR / "en.txt"
# The seed itself lies outside the checkout; a clone without ../shared skips what needs it.
SEED = ROOT.parent / "shared" / "seeds" / "000_c4cb6cee4a9d441f.txt"
