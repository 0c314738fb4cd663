"""The reproducibility gate's own report (tests/helpers/trees.py): one line per differing file
(the gate itself: tests/build/build/test_reproducible.py)."""

from __future__ import annotations

from tests.helpers.trees import differences


def test_difference_report_names_each_file(tmp_path):
    for side, files in (("a", {"same": "x", "changed": "1", "only-a": ""}), ("b", {"same": "x", "changed": "2"})):
        for name, text in files.items():
            (tmp_path / side / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / side / name).write_text(text)
    assert differences(tmp_path / "a", tmp_path / "b") == ["changed: differs", "only-a: only in the first build"]
