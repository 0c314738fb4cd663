"""Shared fixtures: the repository root and the fixture sources in tests/data/."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_c4cb6cee4a9d441f.txt"


@pytest.fixture
def data_dir() -> Path:
    return DATA
