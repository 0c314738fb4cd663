"""Measure every stage and the baselines on one corpus size, each as a child process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core import languages, paths

from . import bare, corpus, hugo, old_engine, report, stages
from .measure import Measurement, measure

# Run order: the baselines build the pages generate wrote; the second site run finds the
# first one's cache.
ORDER = ("validate", "generate", "pdf", report.OLD_PDF, "export", report.SITE_COLD, report.SITE_UNCHANGED,
         report.BARE_MKDOCS, report.HUGO, report.BARE_PDF)
# Table order: the commands, the stages of site as they ran, then the baselines.
FIRST = ("validate", "generate", report.SITE_COLD, report.SITE_UNCHANGED)
LAST = ("pdf", report.OLD_PDF, "export", *report.EDITIONS_ROWS, report.BARE_MKDOCS, report.HUGO, report.BARE_PDF)
NO_PAGES = "no Markdown pages: it builds what the generate stage wrote"


@dataclass
class Size:
    """One corpus size: where it runs, what was run and what was built."""

    articles: int
    work: Path
    timeout: float
    source: Path | None = None
    rows: list = field(default_factory=list)
    commands: dict = field(default_factory=dict)  # row name -> argv
    outputs: dict = field(default_factory=dict)  # stage -> {option dest: folder}, for stages that succeeded
    stage_times: dict = field(default_factory=dict)  # site run -> [{"stage", "cpu_s", "wall_s"}] (site_stages.py)
    figures: dict = field(default_factory=dict)  # what else was measured: page bytes, first search, preview

    @property
    def docs(self) -> Path:
        return self.work / stages.SHARED_DOCS

    @property
    def site(self) -> Path | None:
        return self.outputs.get(report.SITE_COLD, {}).get("out")

    @property
    def dist(self) -> Path | None:
        return self.outputs.get(report.SITE_COLD, {}).get("dist")

    def measure(self, name: str, argv: list[str], env: dict | None = None, outputs=(), cwd: Path = paths.ROOT) -> Measurement:
        self.commands[name] = argv
        log = self.work / "logs" / (name.replace(" ", "-").replace(":", "") + ".log")
        return measure(argv, cwd, env or stages.environment(), log, self.timeout,
                       prepare=lambda: _clean(outputs))

    def add(self, name: str, result: Measurement) -> None:
        row = report.Row(name, self.articles, result.wall_s, result.cpu_s, result.runs, result.peak_mib,
                         result.error)
        shown = f"failed: {row.error}" if row.error else \
            f"{row.wall_s:.2f} s wall, {row.cpu_s:.2f} s cpu, {report.number(row.peak_mib, 0)} MiB, {row.runs} run(s)"
        print(f"  {self.articles} articles  {name:<28} {shown}", file=sys.stderr, flush=True)
        self.rows.append(row)


def _clean(paths) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def pipeline_stage(size: Size, name: str) -> Measurement:
    try:
        stage = stages.stage(name, size.source, size.work)
    except Exception as error:  # a half-written stage module must not stop the benchmark
        return Measurement.failed(f"cannot read its options: {error!r}")
    if stage is None:
        return Measurement.failed(f"not available: constitution/cli.py has no command {name!r}")
    result = size.measure(name, stage.argv, outputs=list(stage.outputs.values()))
    if result.ok:
        size.outputs[name] = stage.outputs
    return result


def site_run(size: Size, name: str) -> Measurement:
    """The whole `python -m constitution site`, each of its stages timed (site_stages.py): cold
    (no cache, no earlier output), or again on the same source (its cache and outputs kept)."""
    stage = stages.stage("site", size.source, size.work)
    if stage is None:
        return Measurement.failed("not available: constitution/cli.py has no command 'site'")
    times = size.work / f"{name.replace(' ', '-').replace(',', '')}-stages.json"
    argv = [sys.executable, "-m", "benchmarks.site_stages", str(times), *stage.argv[3:]]
    cold = name == report.SITE_COLD
    staging = Path(stage.outputs["out"]).parent / paths.STAGING_DIR  # the build cache is there
    result = size.measure(name, argv, outputs=[*stage.outputs.values(), staging] if cold else [])
    if result.ok:
        size.stage_times[name] = json.loads(times.read_text(encoding="utf-8"))
        if cold:
            size.outputs[name] = stage.outputs
            for entry in size.stage_times[name]:
                size.add(report.stage_row(entry["stage"]), Measurement(entry["wall_s"], entry["cpu_s"], None, 1))
    return result


def hugo_build(size: Size) -> Measurement:
    if not any(size.docs.rglob("*.md")):
        return Measurement.failed(NO_PAGES)
    try:
        work = hugo.prepare(size.docs, size.work / "hugo")
        argv = hugo.command(work)
    except Exception as error:
        return Measurement.failed(" ".join(str(error).split())[:160])
    return size.measure(report.HUGO, argv, outputs=[work / "public"])


def bare_mkdocs(size: Size) -> Measurement:
    if not any(size.docs.rglob("*.md")):
        return Measurement.failed(NO_PAGES)
    folder = size.work / "bare-mkdocs"
    folder.mkdir(parents=True, exist_ok=True)
    configs = []
    for lang in languages.LANGUAGES:
        config = folder / f"{lang}.yml"
        config.write_text(bare.mkdocs_config(size.docs / lang, folder / "site" / lang, bare.project_extensions(),
                                             lang, bare.generated_nav(size.docs, lang)), encoding="utf-8")
        configs.append(str(config))
    argv = [sys.executable, "-m", "benchmarks.bare", "mkdocs", *configs]
    return size.measure(report.BARE_MKDOCS, argv, outputs=[folder / "site"])


def bare_pdf(size: Size) -> Measurement:
    out = size.work / "bare-pdf"
    return size.measure(report.BARE_PDF, [sys.executable, "-m", "benchmarks.bare", "pdf", str(size.source), str(out)],
                        outputs=[out])


def old_pdf(size: Size) -> Measurement:
    """The WeasyPrint pdf stage of benchmarks/old_engine.py, its font cache warmed first as the new one's is."""
    try:
        checkout = old_engine.checkout(size.work.parent)
    except RuntimeError as error:
        return Measurement.failed(str(error))
    warm = subprocess.run([sys.executable, "-c", "from constitution.print import fonts; fonts.coverage()"],
                          cwd=checkout, env=stages.environment(), capture_output=True, text=True)
    if warm.returncode != 0:
        return Measurement.failed(f"its fonts: {(warm.stderr.strip().splitlines() or ['failed'])[-1]}")
    out = size.work / "old-engine-pdf"
    source = old_engine.source_for(checkout, size.source, size.work / "old-engine-source")
    return size.measure(report.OLD_PDF, old_engine.command(source, out), outputs=[out], cwd=checkout)


def three_editions(size: Size) -> None:
    """validate, export, the correspondence and the whole site (cold: every edition's dated pages,
    the change pages and comparisons) of the same size as a source of three editions
    (benchmarks/corpus.py, the draft one article short), each beside its one-edition row."""
    try:
        source = corpus.write_editions(size.work / "source-editions", size.articles)
    except ValueError as error:  # too few articles for a draft one short
        for name in report.EDITIONS_ROWS:
            size.add(name, Measurement.failed(str(error)))
        return
    for name, command in zip(report.EDITIONS_ROWS, report.EDITIONS_COMMANDS):
        stage = stages.stage(command, source, size.work / "editions")
        if stage is None:
            size.add(name, Measurement.failed(f"not available: constitution/cli.py has no command {command!r}"))
            continue
        cleaned = list(stage.outputs.values())
        if command == "site":  # cold, as the one-edition row: its build cache goes too
            cleaned.append(Path(stage.outputs["out"]).parent / paths.STAGING_DIR)
        size.add(name, size.measure(name, stage.argv, outputs=cleaned))


def shown_order(row) -> int:
    if row.stage in FIRST:
        return FIRST.index(row.stage)
    if row.stage in LAST:
        return 1000 + LAST.index(row.stage)
    return len(FIRST)  # the stages of site, in the order they ran (the sort is stable)


def measure_size(size: Size) -> Size:
    """Write the corpus, then run everything in ORDER; rows come back in table order."""
    _clean([size.work])
    size.source = corpus.write(size.work / "source", size.articles)
    special = {report.SITE_COLD: lambda s: site_run(s, report.SITE_COLD),
               report.SITE_UNCHANGED: lambda s: site_run(s, report.SITE_UNCHANGED),
               report.BARE_MKDOCS: bare_mkdocs, report.HUGO: hugo_build, report.BARE_PDF: bare_pdf,
               report.OLD_PDF: old_pdf}
    for name in ORDER:
        size.add(name, special[name](size) if name in special else pipeline_stage(size, name))
    three_editions(size)
    size.rows.sort(key=shown_order)
    return size
