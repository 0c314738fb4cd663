"""RESULTS.md: the machine, the tables, the weight of an article page and how it was measured."""

from __future__ import annotations

import statistics

from constitution.core import languages, paths
from constitution.source.load import load_source
from constitution.source.model import article_units

from . import corpus, old_engine, report, weight
from .measure import MAX_RUNS, REPEAT_UNDER_S
from .run import Size


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


def weigh(size: Size, browser: bool) -> str:
    """The page-weight section, for the article with the median number of units, and over all."""
    site = size.site or size.work / "mkdocs-step-site"
    if not site.is_dir():
        return "Not measured: no site was built.\n"
    source = load_source(size.source).source()
    found = weight.pages_by_id(site)

    def page_of(article, lang):
        ids = [article.id] + [c.id for c in article.clauses]
        return next((found[(lang, i)] for i in ids if (lang, i) in found), None)

    units = {a.number: len(list(article_units(a))) for a in source.articles}
    median = sorted(source.articles, key=lambda a: (units[a.number], a.number))[len(source.articles) // 2]
    pages = {(a.number, lang): page_of(a, lang) for a in source.articles for lang in languages.LANGUAGES}
    sizes = {key: p.stat().st_size for key, p in pages.items() if p}
    if not sizes:
        return "Not measured: no page of the built site holds an article's id.\n"
    shown = site.relative_to(paths.ROOT) if paths.ROOT in site.parents else site
    out = [f"Built site: `{shown}` "
           f"({size.articles} articles). The article with the median number of text units (article "
           f"{median.number}, {units[median.number]} units), found as the smallest built page holding its id:", ""]
    body = []
    for lang in languages.LANGUAGES:
        page = pages[(median.number, lang)]
        if page:
            html = page.read_bytes()
            goal, met = report.page_goal(len(html))
            body.append([lang, page.relative_to(site).as_posix(), str(len(html)), str(weight.gzip_size(html)),
                         goal, met])
    out += [report.markdown_table(["lang", "page", "HTML bytes", "gzip -9 bytes", "goal", "met?"], body), ""]
    kk_page = pages[(median.number, languages.DEFAULT_LANGUAGE)]
    if kk_page:
        parts = weight.html_parts(kk_page.read_bytes())
        out += [f"Where the bytes of `{kk_page.relative_to(site).as_posix()}` go: "
                + ", ".join(f"{name} {count}" for name, count in parts.items())
                + " (elements of Material's layout, as serialized by lxml).", ""]
    (largest_number, largest_lang), largest = max(sizes.items(), key=lambda item: item[1])
    over = sum(1 for s in sizes.values() if s > report.PAGE_GOAL_BYTES)
    out += [f"All {len(sizes)} article pages ({len(source.articles)} articles × {len(languages.LANGUAGES)} "
            f"languages): median {int(statistics.median(sizes.values()))} bytes, largest {largest} (article "
            f"{largest_number}, {largest_lang}); {over} over {report.PAGE_GOAL_BYTES:,} bytes.", ""]
    page = pages[(median.number, languages.DEFAULT_LANGUAGE)] or next(p for p in pages.values() if p)
    static = weight.static_weight(site, page)
    out += [f"**Everything `{page.relative_to(site).as_posix()}` references (static)**: the page's "
            "link/script/img references and the url()s of its stylesheets (every @font-face subset "
            "declared, so an upper bound), summed from the files in the built folder.", "",
            report.weight_table(static["kinds"]), "",
            "External references: " + (", ".join(static["external"]) or "none") + ". "
            "References to files absent from the site: " + (", ".join(static["missing"]) or "none") + ".", ""]
    if browser:
        try:
            fetched = weight.browser_weight(site, page)
        except Exception as error:
            return "\n".join(out + [f"Browser measurement failed: {_one_line(error)}", ""])
        largest = ", ".join(f"{path} {kib} ({kind})" for kib, kind, path in
                            ((report.kib(b), k, p) for b, k, p in fetched["largest"]))
        failed = ", ".join(f"{path} ({status})" for status, path in fetched["failed"]) or "none"
        out += ["**What Chromium fetched (browser)**: the page served over HTTP on localhost, opened in "
                "/usr/bin/chromium via Playwright until the network was idle; response bodies "
                "(uncompressed) by resource type, workers included.", "",
                report.weight_table(fetched["kinds"]), "",
                f"Largest: {largest}. Failed requests: {failed}.", ""]
    return "\n".join(out)


METHOD = [
    "- Each stage runs as a child process from the repository root, its outputs redirected into "
    "`benchmarks/.work/` and removed before every run (a cold build each time).",
    "- **wall s**: time from spawning to the child's exit (Python start-up and imports included). "
    f"Best of up to {MAX_RUNS} runs; a command whose first run takes {REPEAT_UNDER_S:g} s or more "
    "runs once (the **runs** column says which).",
    "- **cpu s**: user + system CPU time of the child and its waited-for descendants (from "
    "`os.wait4`), the least over its runs; more than wall s when a stage runs workers in "
    "parallel. Other work on the machine disturbs it less than wall time, so the site-build and "
    "growth goals are judged on it.",
    "- **peak MiB**: the larger of `ru_maxrss` from the same `os.wait4` (the largest single "
    "process: the child or a descendant it waited for) and the sum of the resident memory of all "
    "processes in the child's session, sampled every 0.2 s (parallel workers, shared pages counted "
    "in each); the largest over its runs.",
    "- **site** is the whole `python -m constitution site`: validate, the PDFs and exports for the "
    "downloads, generate, `mkdocs build --strict` (and whatever later stages it gains). Being "
    "about the sum of the rows below it, it runs at the first size only (`--whole-site-every-size` "
    "runs it at each).",
    f"- **{report.MKDOCS_STEP}** is that command's `mkdocs build --strict` alone (the project's "
    "mkdocs.yml: Material, static-i18n, hooks, overrides), on the pages `generate` wrote and a "
    "downloads folder made of the pdf and export outputs with their manifest. The site-build goal "
    "compares this with the bare build.",
    f"- **{report.BARE_MKDOCS}**: `mkdocs build` with Material and its defaults (search plugin), "
    "the project's Markdown extensions and each language's nav from the generated `docs/site.yml`, "
    "on the same generated pages, each language folder as a plain site of its own, built one after "
    "another in one process (`benchmarks/bare.py`); no hooks, no i18n plugin, no overrides, no "
    "extra CSS/JS. (Without the nav, Material would list every page of the language on every "
    "page: a baseline that grows with the square of the pages.)",
    f"- **{report.BARE_PDF}**: Typst on the same text as plain headings and paragraphs (its own "
    "fonts and default page, no tagging standard): one document per language and one with the three "
    "languages unit by unit, the pdf stage's set of documents. The pdf stage's ratio is to this.",
    f"- **{report.OLD_PDF}**: the pdf stage as it was with WeasyPrint (commit "
    f"{old_engine.OLD_ENGINE_COMMIT[:7]}, taken out of git history by `benchmarks/old_engine.py`), "
    "on the same source, its font cache warm as the new stage's is; the pdf row's goal says how much "
    "less CPU the Typst stage takes.",
]


def document(sizes: list[Size], info: dict, rows: list[report.Row], weights: str) -> tuple[str, str]:
    """(the tables printed on the terminal, the whole RESULTS.md)."""
    articles = [s.articles for s in sizes]
    tables = ["## Stages", "", report.stage_table(rows), ""]
    if len(articles) >= 2:
        small, large = articles[:2]
        tables += ["## Growth", "",
                   f"Time at {large} over {small} articles (× 3 languages): a cost linear in articles × "
                   f"languages gives {large / small:.1f}; fixed start-up costs make it lower.", "",
                   report.growth_table(report.growth(rows, small, large), small, large), ""]
    tables += ["## Weight of an article page", "", weights]
    root = str(paths.ROOT) + "/"
    commands = [f"- {name}: `python {' '.join(a.replace(root, '') for a in argv[1:])}`"
                for name, argv in sizes[0].commands.items()]
    text = "\n".join([
        "# Benchmark results", "",
        "Written by `make bench` (`python -m benchmarks`); run it again rather than editing this file. "
        f"The text is synthetic (made-up words, `benchmarks/corpus.py`, seed {corpus.DEFAULT_SEED}): "
        f"{' and '.join(map(str, articles))} articles × 3 languages, {corpus.SECTIONS} sections, "
        f"{corpus.RECITALS} recitals, articles of their own text or 1–8 clauses, some points, some "
        "`missing` units.", "",
        "## Machine", "", *(f"- **{key}**: {value}" for key, value in info.items()), "",
        *tables, "## How it was measured", "", *METHOD, "",
        f"Commands at {articles[0]} articles:", "", *commands,
    ])
    return "\n".join(tables), text + "\n"
