"""Hostile input in linear time (issue 15): the NFC error locator of `validate` and the recital
splitter of `import`, on inputs that were quadratic before, at two sizes ten times apart.

Each is measured in CPU seconds in this process, beside a linear baseline on the same text
(Unicode normalisation of the clause; one regular-expression pass over the line's gaps), so a
noisy machine shows in both. Linear time: ten times the input costs about ten times the CPU
(the goal: at most 20 times), and the ratio to the baseline stays flat.
"""

from __future__ import annotations

import re
import time
import unicodedata

from . import report

SIZES = (100_000, 1_000_000)  # characters of the clause; the preamble line is 6 % of it
GROWTH_GOAL = 20.0


def _cpu(function, *args) -> float:
    """Least CPU seconds of three runs."""
    best = None
    for _ in range(3):
        start = time.process_time()
        function(*args)
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return max(best, 1e-6)


def _cases(size: int) -> list[tuple[str, float, float]]:
    from constitution.importer.read import split_recitals
    from constitution.source.rules import _first_not_nfc

    clause = "а" * size + "и\u0306"  # one decomposed letter at the very end: the worst place
    line = "We, the people, " + "word, " * (size // 100) + "Adopting it."
    return [
        ("validate: NFC locator, 1 decomposed letter", _cpu(_first_not_nfc, clause),
         _cpu(unicodedata.normalize, "NFC", clause)),
        ("import: recitals of a line of commas", _cpu(split_recitals, line, "en"),
         _cpu(lambda text: list(re.finditer(r"(?<=[,;.])\s+", text)), line)),
    ]


def section() -> str:
    """The Markdown section of RESULTS.md."""
    small, large = (_cases(size) for size in SIZES)
    body = []
    for (name, cpu_small, base_small), (_, cpu_large, base_large) in zip(small, large):
        growth = cpu_large / cpu_small
        body.append([name, f"{cpu_small:.4f}", f"{cpu_large:.4f}", f"{growth:.1f}",
                     f"{cpu_small / base_small:.1f} / {cpu_large / base_large:.1f}",
                     report.yes_no(growth <= GROWTH_GOAL)])
    table = report.markdown_table(
        ["case", f"cpu s at {SIZES[0]:,}", f"cpu s at {SIZES[1]:,}", "growth (×10 input)",
         "÷ baseline (small / large)", f"linear (growth ≤ {GROWTH_GOAL:.0f})?"], body)
    return f"\n## Hostile input (linear time)\n\n{__doc__.split(chr(10), 2)[2].strip()}\n\n{table}\n"


if __name__ == "__main__":
    print(section())
