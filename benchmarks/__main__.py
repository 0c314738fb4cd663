"""`python -m benchmarks` (make bench): time every stage on a synthetic corpus, beside two baselines.

For each size (96 and 288 articles × 3 languages by default) it writes a synthetic source,
runs each command as `python -m constitution COMMAND` into benchmarks/.work/ (the whole
`site` with each of its stages timed, cold and again with the source unchanged), then the old
(WeasyPrint) pdf stage, a bare mkdocs, a Hugo and a bare Typst baseline on the same text,
weighs the article pages; at the first size it measures in Chromium an article page, its
first search, its transfer through nginx (compressed, deploy/nginx.conf) and the
edit-to-preview time of `make serve`. It prints the tables, with issue
12's goals, and writes them to benchmarks/RESULTS.md. A stage that fails is a row saying so.
Last, the hostile inputs that once took quadratic time, at two sizes (benchmarks/hostile.py).
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
    parser.add_argument("--no-browser", action="store_true", help="weigh the page statically only")
    args = parser.parse_args(argv)
    if min(args.articles) < 11:
        parser.error("--articles: at least 11, one article per section")
    return args


def warm_machine_caches(work: Path, timeout: float) -> None:
    """Build the shipped source once, so that the caches a machine keeps for every source (the
    merged PDF fonts, .build/pdf-fonts/; the shared assets' compressed copies, .build/compressed/)
    are warm for every measured run, as on a publisher's machine after its first build."""
    import shutil
    import subprocess

    out = work / "warm-caches"
    shutil.rmtree(out, ignore_errors=True)
    print("benchmark: warming the machine's caches (one build of translations/)", file=sys.stderr, flush=True)
    try:
        subprocess.run([sys.executable, "-m", "constitution", "site", "--out", str(out / "site"),
                        "--dist", str(out / "dist")], capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        print("benchmark: warming the caches timed out; the first cold run fills them", file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    info = machine.describe()
    load_at_start = machine.load_average()
    sizes, weights, extra = [], "Not measured.\n", ""
    warm_machine_caches(args.work, args.timeout)
    for index, articles in enumerate(args.articles):
        print(f"benchmark: {articles} articles × 3 languages", file=sys.stderr, flush=True)
        size = measure_size(Size(articles, args.work / f"articles-{articles}", args.timeout))
        sizes.append(size)
        weighed = results.weigh(size, browser=index == 0 and not args.no_browser)
        if index == 0:
            weights = weighed
            if not args.no_browser:
                print("  first search, edit-to-preview (Chromium)", file=sys.stderr, flush=True)
                extra = "\n".join(["## First search on an article page", "", results.first_search(size),
                                   "## An article page through nginx, compressed", "", results.served(size),
                                   "## Edit-to-preview of `make serve`", "", results.preview(size)])
    rows = report.with_goals([row for size in sizes for row in size.rows])
    info["load average (1/5/15 min)"] = (f"{load_at_start} at start, {machine.load_average()} at the end "
                                        "(other work on the machine lengthens wall times more than cpu times)")
    tables, text = results.document(sizes, info, rows, weights, extra)
    linear = hostile.section()  # the inputs that were quadratic (issue 15)
    tables, text = tables + linear, text + linear
    print(tables)
    args.out.write_text(text, encoding="utf-8")
    print(f"\nwritten: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
