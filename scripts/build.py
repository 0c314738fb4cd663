"""Build the site and the downloads in one go, replacing the old ones only on success.

`python -m scripts site [--source DIR] [--out DIR] [--dist DIR]` runs STAGES in a staging
folder beside the outputs (<out's parent>/.build/): validate, render the downloads into a
staging dist/ with a manifest (name, bytes, SHA-256), generate the pages into a staging
docs/, pack the offline bundle into dist/ (scripts/offline.py), `mkdocs build --strict` on
the pages, check every link of both (scripts/linkcheck.py). Only when all succeed are site/ and dist/ swapped in; a failure leaves them as
they were and prints one line per problem.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import constants

MKDOCS_CONFIG = constants.ROOT / "mkdocs.yml"


class BuildError(Exception):
    """A stage failed; each of `lines` is one problem, printed on a line of its own."""

    def __init__(self, lines: list[str]):
        self.lines = lines or ["failed"]
        super().__init__(self.lines[0])


@dataclass
class Build:
    """What the stages share. Everything they write is inside `work` until the swap."""

    source_dir: Path
    work: Path
    source: object = None  # model.Source, once validated
    downloads: list[Path] = field(default_factory=list)  # files of the staging dist/

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    @property
    def site(self) -> Path:
        return self.work / "site"

    @property
    def dist(self) -> Path:
        return self.work / "dist"


def validate(build: Build) -> None:
    from .validate import checked_source

    build.source = checked_source(build.source_dir)


def downloads(build: Build) -> None:
    """The PDFs and the open-data exports, into the staging dist/."""
    from . import export, pdf

    build.dist.mkdir(parents=True)
    build.downloads = [*pdf.build(build.source, build.dist), *export.build(build.source, build.dist)]


def manifest(build: Build) -> None:
    """dist/manifest.json: what hooks/downloads.py shows on the Downloads page."""
    names = [path.name for path in build.downloads]
    stray = sorted({path.name for path in build.dist.iterdir()} - set(names))
    if stray or len(set(names)) != len(names):
        raise BuildError([f"{build.dist}: files the stages did not report, or twice: {stray or names}"])
    entries = [{"name": path.name, "bytes": path.stat().st_size,
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest()} for path in build.downloads]
    text = json.dumps({"files": entries}, indent=2, ensure_ascii=False) + "\n"
    (build.dist / constants.DOWNLOADS_MANIFEST).write_text(text, encoding="utf-8")


def pages(build: Build) -> None:
    from . import pages as generator

    generator.write(generator.site_files(build.source), build.docs)


def mkdocs(build: Build) -> None:
    """`mkdocs build --strict` of the staging docs/ (a child process: MkDocs keeps global state)."""
    run_mkdocs(build.docs, build.dist, build.site, [path.name for path in build.downloads])


def run_mkdocs(docs: Path, dist: Path, site: Path, downloads: list[str], env: dict | None = None) -> None:
    """Build `docs` with the files of `dist` into `site`, which must then serve `downloads`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {}),
           "CONSTITUTION_DOCS_DIR": str(docs), "CONSTITUTION_DIST_DIR": str(dist)}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(MKDOCS_CONFIG), "--site-dir", str(site)]
    result = subprocess.run(command, env=env, cwd=constants.ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(mkdocs_problems(result.stderr))
    missing = [name for name in downloads if not (site / constants.download_url(name)).is_file()]
    if missing:
        raise BuildError([f"{site}: downloads not in the site: {', '.join(missing)}"])


def mkdocs_problems(stderr: str) -> list[str]:
    """MkDocs' warnings and errors, one line each; the last line if it crashed without one."""
    problems: list[str] = []
    for line in stderr.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            if problems and problems[-1].endswith(":"):  # "Error reading page 'x.md':" + the reason
                problems[-1] += " " + " ".join(line.split("-", 1)[-1].split())
            else:
                problems.append(" ".join(line.split()))
        elif problems and line.startswith((" ", "\t")) and line.strip():
            problems[-1] += " " + line.strip()
    if not problems:
        lines = [line.strip() for line in stderr.splitlines() if line.strip()]
        problems = lines[-1:] or ["mkdocs build failed without a message"]
    return problems


def offline(build: Build) -> None:
    """The offline bundle into the staging dist/ and its manifest (scripts/offline.py)."""
    from . import offline as bundle

    bundle.stage(build)


def links(build: Build) -> None:
    """Every link, resource and #fragment of the staged website and offline bundle resolves (scripts/linkcheck.py)."""
    from . import linkcheck

    bundle = build.dist / constants.offline_name(build.source.document.edition.id)
    problems = linkcheck.build_problems(build.site, bundle, build.work)
    if problems:
        raise BuildError(problems)


# In order. The offline bundle is built from the source and the downloads, not from the
# website (its links end in .html), before `mkdocs`: the website lists it with its size.
STAGES = [validate, downloads, manifest, pages, offline, mkdocs, links]


def swap(pairs: list[tuple[Path, Path]], trash: Path) -> None:
    """Put each staged folder in its target's place; undo all if one move fails."""
    done: list[tuple[Path, Path, Path | None]] = []
    try:
        for staged, target in pairs:
            old = None
            if target.exists():
                old = trash / f"old-{target.name}-{len(done)}"
                shutil.move(target, old)
            done.append((staged, target, old))
            shutil.move(staged, target)
    except OSError:
        for staged, target, old in reversed(done):
            if target.exists() and not staged.exists():
                shutil.move(target, staged)
            if old is not None and old.exists():
                shutil.move(old, target)
        raise


def site(source_dir: Path, out: Path, dist: Path) -> Build:
    """Run every stage and swap the results in; raise BuildError (or SourceError) on failure."""
    out, dist = out.resolve(), dist.resolve()
    staging = out.parent / ".build"
    staging.mkdir(parents=True, exist_ok=True)
    build = Build(Path(source_dir), Path(tempfile.mkdtemp(prefix=f"{out.name}-", dir=staging)))
    try:
        for stage in STAGES:
            try:
                stage(build)
            except BuildError as error:
                error.lines = [f"{stage.__name__}: {line}" for line in error.lines]
                raise
        swap([(build.site, out), (build.dist, dist)], build.work)
        return build
    finally:
        shutil.rmtree(build.work, ignore_errors=True)
        if staging.is_dir() and not any(staging.iterdir()):
            staging.rmdir()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=constants.SOURCE_DIR, help="source folder (default: translations/)")
    parser.add_argument("--out", type=Path, default=constants.SITE_DIR, help="the site folder (default: site/)")
    parser.add_argument("--dist", type=Path, default=None, help="the downloads folder (default: dist/ beside --out)")


def run(args: argparse.Namespace) -> int:
    dist = args.dist if args.dist is not None else args.out.parent / constants.DIST_DIR.name
    try:
        build = site(args.source, args.out, dist)
    except BuildError as error:
        for line in error.lines:
            print(f"site: {line}", file=sys.stderr)
        print(f"site: failed; {args.out} and {dist} are unchanged", file=sys.stderr)
        return 1
    pages = sum(1 for _ in args.out.rglob("index.html"))
    print(f"{args.out}: {pages} pages; {dist}: {len(build.downloads)} files")
    return 0
