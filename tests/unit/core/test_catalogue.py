"""The catalogue of dist/ (constitution/core/catalogue.py): what the offline bundle's row says it holds."""

from __future__ import annotations

import pytest

from constitution.core import catalogue

EDITIONS = ("2026-01-30", "2026-03-15")
CASES = [
    ("one-edition", (), catalogue.OFFLINE_CURRENT, "site_file_offline"),
    ("several-current", EDITIONS, catalogue.OFFLINE_CURRENT, "site_file_offline_current"),
    ("several-all", EDITIONS, catalogue.OFFLINE_ALL, "site_file_offline_all"),
]


@pytest.mark.parametrize(("editions", "holds", "label"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_the_offline_bundles_row_names_what_it_holds(editions, holds, label):
    rows = [item for item in catalogue.downloads("2026-03-15", editions=editions, holds=holds) if item.group == "offline"]
    assert [(row.name, row.label) for row in rows] == [("constitution-2026-03-15-offline.zip", label)]
