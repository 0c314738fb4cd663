"""Measure every stage and both baselines on one corpus size, each as a child process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core import catalogue, languages, paths

from . import bare, corpus, old_engine, report, stages
from .measure import Measurement, measure

# Run order: the mkdocs step needs generate's pages and the downloads of pdf, export and
# offline (the website's Downloads page lists the offline bundle).
ORDER = ("validate", "generate", "pdf", report.OLD_PDF, "export", "offline", report.MKDOCS_STEP, "site",
         report.BARE_MKDOCS, report.BARE_PDF)
# Table order: the pipeline's, then the baselines.
SHOWN = ("validate", "generate", "site", report.MKDOCS_STEP, "offline", "pdf", report.OLD_PDF, "export",
         report.BARE_MKDOCS, report.BARE_PDF)
NO_PAGES = "no Markdown pages: it builds what the generate stage wrote"


@dataclass
class Size:
    """One corpus size: where it runs, what was run and what was built."""

    articles: int
    work: Path
    timeout: float
    whole_site: bool  # run `python -m constitution site` itself (the slowest command) at this size
    source: Path | None = None
    rows: list = field(default_factory=list)
    commands: dict = field(default_factory=dict)  # row name -> argv
    outputs: dict = field(default_factory=dict)  # stage -> {option dest: folder}, for stages that succeeded

    @property
    def docs(self) -> Path:
        return self.work / stages.SHARED_DOCS

    @property
    def site(self) -> Path | None:
        return self.outputs.get("site", {}).get("out")

    def measure(self, name: str, argv: list[str], env: dict | None = None, outputs=(), cwd: Path = paths.ROOT) -> Measurement:
        self.commands[name] = argv
        log = self.work / "logs" / (name.replace(" ", "-").replace(":", "") + ".log")
        return measure(argv, cwd, env or stages.environment(), log, self.timeout,
                       prepare=lambda: _clean(outputs))

    def add(self, name: str, result: Measurement) -> None:
        row = report.Row(name, self.articles, result.wall_s, result.cpu_s, result.runs, result.peak_mib,
                         result.error)
        shown = f"failed: {row.error}" if row.error else \
            f"{row.wall_s:.2f} s wall, {row.cpu_s:.2f} s cpu, {row.peak_mib:.0f} MiB, {row.runs} run(s)"
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


def downloads(size: Size) -> Path:
    """A dist/ as the site stage stages it: the pdf and export outputs with their manifest.json."""
    from constitution.build import pipeline
    from constitution.source.validate import checked_source

    folder = size.work / "downloads"
    _clean([folder])
    staged = pipeline.Build(size.source, folder)
    staged.dist.mkdir(parents=True)
    edition = checked_source(size.source).document.edition.id
    files = {}
    for stage in ("pdf", "export", "offline"):
        out = size.outputs.get(stage, {}).get("out")
        if out and Path(out).is_file():  # the offline bundle: one zip, its name the edition's
            files[catalogue.offline_name(edition)] = Path(out)
        elif out:
            files.update((path.name, path) for path in Path(out).iterdir())
    for name in catalogue.names(catalogue.downloads(edition)):  # in the catalogue's order, as the site stages them
        if name in files:
            shutil.copy2(files[name], staged.dist / name)
            staged.downloads.append(staged.dist / name)
    staged.source = checked_source(size.source)
    pipeline.manifest(staged)
    return staged.dist


def mkdocs_step(size: Size) -> Measurement:
    """The site stage's own `mkdocs build --strict` (constitution/build/pipeline.py), alone, on generate's pages."""
    if not any(size.docs.rglob("*.md")):
        return Measurement.failed(NO_PAGES)
    try:
        dist = downloads(size)
    except Exception as error:
        return Measurement.failed(f"cannot stage the downloads: {' '.join(str(error).split())[:120]}")
    out = size.work / "mkdocs-step-site"
    argv = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(paths.ROOT / "mkdocs.yml"),
            "--site-dir", str(out)]
    env = {**stages.environment(), paths.DOCS_ENV: str(size.docs), paths.DIST_ENV: str(dist)}
    return size.measure(report.MKDOCS_STEP, argv, env, outputs=[out])


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


def measure_size(size: Size) -> Size:
    """Write the corpus, then run everything in ORDER; rows come back in SHOWN order."""
    _clean([size.work])
    size.source = corpus.write(size.work / "source", size.articles)
    special = {report.MKDOCS_STEP: mkdocs_step, report.BARE_MKDOCS: bare_mkdocs, report.BARE_PDF: bare_pdf,
               report.OLD_PDF: old_pdf}
    for name in ORDER:
        if name == "site" and not size.whole_site:
            continue
        size.add(name, special[name](size) if name in special else pipeline_stage(size, name))
    size.rows.sort(key=lambda row: SHOWN.index(row.stage))
    return size
