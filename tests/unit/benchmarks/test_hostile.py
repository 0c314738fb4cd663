"""benchmarks/hostile.py writes its section (the numbers themselves are the benchmark's, not a test's)."""

from benchmarks import hostile


def test_the_section_has_a_row_per_case(monkeypatch):
    monkeypatch.setattr(hostile, "SIZES", (1_000, 10_000))
    text = hostile.section()
    assert text.startswith("\n## Hostile input (linear time)")
    rows = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ")][2:]
    assert rows == ["validate: NFC locator, 1 decomposed letter", "import: recitals of a line of commas"]
