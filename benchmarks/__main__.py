"""`python -m benchmarks` (make bench): time every stage on a synthetic corpus, beside two baselines.

For each size (96 and 288 articles × 3 languages by default) it writes a synthetic source,
runs each stage as `python -m constitution STAGE` into benchmarks/.work/, then the old
(WeasyPrint) pdf stage, a bare mkdocs and a bare Typst baseline on the same text, weighs a
built article page, prints the tables and writes them to benchmarks/RESULTS.md. A stage that
fails is a row saying so. Last, the hostile inputs that once took quadratic time, at two sizes
(benchmarks/hostile.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import hostile, machine, report, results
from .run import Size, measure_size

HERE = Path(__file__).resolve().parent


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[96, 288],
                        help="corpus sizes (at least 11); the first is weighed, the first two give the growth")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a run is killed")
    parser.add_argument("--whole-site-every-size", action="store_true",
                        help="run `python -m constitution site` at every size, not only the first")
    parser.add_argument("--no-browser", action="store_true", help="weigh the page statically only")
    args = parser.parse_args(argv)
    if min(args.articles) < 11:
        parser.error("--articles: at least 11, one article per section")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    info = machine.describe()
    load_at_start = machine.load_average()
    sizes, weights = [], "Not measured.\n"
    for index, articles in enumerate(args.articles):
        print(f"benchmark: {articles} articles × 3 languages", file=sys.stderr, flush=True)
        size = measure_size(Size(articles, args.work / f"articles-{articles}", args.timeout,
                                 whole_site=index == 0 or args.whole_site_every_size))
        sizes.append(size)
        if index == 0:
            weights = results.weigh(size, browser=not args.no_browser)
    rows = report.with_goals([row for size in sizes for row in size.rows])
    info["load average (1/5/15 min)"] = (f"{load_at_start} at start, {machine.load_average()} at the end "
                                        "(other work on the machine lengthens wall times more than cpu times)")
    tables, text = results.document(sizes, info, rows, weights)
    linear = hostile.section()  # the inputs that were quadratic (issue 15)
    tables, text = tables + linear, text + linear
    print(tables)
    args.out.write_text(text, encoding="utf-8")
    print(f"\nwritten: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
