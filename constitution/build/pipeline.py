"""Build the site and the downloads in one go, replacing the old ones only on success.

STAGES is the one declaration of the pipeline, in order: validate the source, render the
downloads (PDFs, exports), generate the pages, `mkdocs build --strict` (the website, once,
with the offline bundle pending), pack the offline bundle from the website's output and give
the website its figures (offline.py), write the manifest of dist/ (once, with every file),
check every link, write what serves the website (deploy.py: its precompressed copies, `_headers`
and deploy/nginx.conf). Everything is written in a staging folder beside the outputs
(<out's parent>/.build/); only when every stage succeeded are site/, dist/ and deploy/ swapped in, so a
failure leaves them as they were (outputs.py: which folders it may replace, and the swap).
`run(build, until=NAME)` runs a prefix of the stages (`offline` does). A stage whose inputs are
those of an earlier run is not run again: its outputs come from the cache in the staging folder
(cache.py; each stage names what it reads).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from constitution.build import bundle_editions, cache, deploy, docs, linkcheck, mkdocs, offline, outputs
from constitution.core import catalogue, languages, paths, urls
from constitution.core.problems import BuildError, Refused
from constitution.source.model import Source
from constitution.source.editions import Editions, edition_dir
from constitution.source.validate import checked_editions


@dataclass
class Build:
    """What the stages share. Everything they write is inside `work` until the swap."""

    source_dir: Path
    work: Path
    source: Source | None = None  # once validated (of a source of several editions, the current one)
    editions: Editions | None = None  # once validated: every edition (one, for a one-edition source)
    downloads: list[Path] = field(default_factory=list)  # files of the staging dist/, in catalogue order
    made: list[Path] = field(default_factory=list)  # folders staged() created beside the outputs, innermost first
    served_from: Path | None = None  # the site's folder after the swap (the nginx configuration's root)
    offline_editions: str = bundle_editions.CURRENT  # what the bundle of several editions holds

    @property
    def cached(self) -> cache.Cache:
        return cache.Cache(self.work.parent / CACHE_DIR)

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    @property
    def site(self) -> Path:
        return self.work / "site"

    @property
    def dist(self) -> Path:
        return self.work / "dist"

    @property
    def deploy(self) -> Path:
        return self.work / "deploy"

    @property
    def manifest(self) -> Path:
        return self.dist / catalogue.MANIFEST

    @property
    def bundle(self) -> Path:
        return self.dist / catalogue.offline_name(self.source.document.edition.id)

    def expected(self, bundle: bool = True) -> list[str]:
        """The names of every file of dist/ the catalogue lists for this source (but the manifest)."""
        several = tuple(edition.id for edition in self.editions.editions) if self.editions.several else ()
        return catalogue.names(catalogue.downloads(self.source.document.edition.id, bundle, several))


CACHE_DIR = "cache"  # in the staging folder, beside the builds' work folders


def site_inputs() -> dict:
    """What every stage that makes pages reads besides its own data: the package code, the
    theme's configuration and overrides, the tools, the environment mkdocs.yml reads."""
    return {**cache.code(), "mkdocs.yml": paths.MKDOCS_CONFIG, "overrides": paths.ROOT / "overrides",
            "tools": cache.tools(), "env": cache.environment(paths.SITE_URL_ENV)}


def validate(build: Build) -> list[Path]:
    build.editions = checked_editions(build.source_dir)
    build.source = build.editions.current.source
    return []


PDF_STAGE = "pdf"  # of a source of several editions: pdf-<edition id>, each edition's PDFs cached on their own


def downloads(build: Build) -> list[Path]:
    """The PDFs and the open-data exports, into the staging dist/; of a source of several
    editions, every edition's into its folder too (core/catalogue.py), each edition's PDFs
    rendered and cached on their own: a build where one edition changed renders its PDFs alone."""
    from constitution.data import export
    from constitution.print import fonts, pdf

    build.dist.mkdir(parents=True)
    common = {"source": build.source_dir, "tools": cache.tools()}
    printing = {**cache.code("core", "source", "print"), "fonts": fonts.FONT_DIR}
    exports = {**common, **cache.code("core", "source", "data")}
    if not build.editions.several:
        return [*cache.files(build.cached, PDF_STAGE, {**common, **printing}, build.dist,
                             lambda: pdf.build(build.source, build.dist)),
                *cache.files(build.cached, "export", exports, build.dist, lambda: export.build(build.source, build.dist))]
    made = cache.files(build.cached, "export", exports, build.dist, lambda: export.build_editions(build.editions, build.dist))
    for edition in build.editions.editions:
        folder = build.dist / edition.id
        inputs = {"source": edition_dir(build.source_dir, edition.id), "tools": cache.tools(), **printing}
        made += cache.files(build.cached, f"{PDF_STAGE}-{edition.id}", inputs, folder,
                            lambda edition=edition, folder=folder: pdf.build(edition.source, folder))
    for name in catalogue.names(catalogue.pdfs()):  # the current edition's, at today's names too
        made.append(Path(shutil.copyfile(build.dist / build.editions.current_id / name, build.dist / name)))
    return in_order(made, build.dist, build.expected(bundle=False))


def in_order(files: list[Path], base: Path, names: list[str]) -> list[Path]:
    """`files` (inside `base`) in the order of `names`, their paths relative to it; BuildError
    unless they are those names, each once."""
    by_name = {path.relative_to(base).as_posix(): path for path in files}
    if sorted(by_name) != sorted(names) or len(by_name) != len(files):
        raise BuildError([f"{base}: the stages made {sorted(by_name)}, the catalogue lists {sorted(names)}"])
    return [by_name[name] for name in names]


def pages(build: Build) -> list[Path]:
    from constitution.site.nav import site_files

    held = offline_held(build)
    inputs = {**site_inputs(), "source": build.source_dir, "offline": held}
    cache.folder(build.cached, "pages", inputs, build.docs,
                 lambda: docs.write(site_files(build.source, build.editions, held), build.docs))
    return []


def manifest(build: Build) -> list[Path]:
    """dist/manifest.json: every file of dist/ (by its path there), with the figures the Downloads
    pages show."""
    expected = build.expected()
    present = sorted(path.relative_to(build.dist).as_posix() for path in build.dist.rglob("*") if path.is_file())
    if present != sorted(expected):
        raise BuildError([f"{build.dist}: holds {present}, the catalogue lists {expected}"])
    # what the stages reported must be those files, each once: in the catalogue's order (the bundle, made last, in its place)
    build.downloads = in_order(build.downloads, build.dist, expected)
    build.manifest.write_bytes(manifest_bytes(build.downloads, build.dist))
    return []


def manifest_bytes(files: list[Path], base: Path, pending: tuple[catalogue.Download, ...] = ()) -> bytes:
    """A manifest of `files` (named by their paths relative to `base`); `pending`: the downloads
    made after the website (the downloads hook)."""
    listed = {"files": [catalogue.manifest_entry(path, base) for path in files]}
    if pending:
        listed["pending"] = [{"name": item.name, "group": item.group} for item in pending]
    return (json.dumps(listed, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def website(build: Build) -> list[Path]:
    """`mkdocs build --strict` of the staging docs/ with the downloads so far, the offline bundle
    pending (its website's manifest is not dist/'s: that is written once, with the bundle)."""
    listed = build.work / f"website-{catalogue.MANIFEST}"
    listed.write_bytes(manifest_bytes(build.downloads, build.dist, (catalogue.offline(build.source.document.edition.id),)))
    names = [path.relative_to(build.dist).as_posix() for path in build.downloads]
    inputs = {**site_inputs(), "docs": build.docs, "downloads": listed}
    cache.folder(build.cached, "mkdocs", inputs, build.site,
                 lambda: mkdocs.run_mkdocs(build.docs, build.dist, listed, build.site, names))
    return []


def offline_held(build: Build) -> str:
    """Which editions the offline bundle holds: the option's, of a source of several (one: no choice)."""
    return build.offline_editions if build.editions.several else bundle_editions.CURRENT


def bundle(build: Build) -> list[Path]:
    """The offline bundle, converted from the website's output, with the editions
    `offline_editions` names (bundle_editions.py); then the website's Downloads pages get its
    figures (offline.py)."""
    held = offline_held(build)
    inputs = {**cache.code(), "site": build.site, "node_modules": paths.NODE_MODULES / "iframe-worker",
              "editions": held}
    cache.files(build.cached, "offline", inputs, build.dist,
                lambda: [offline.build_bundle(build.editions, build.site, build.bundle, held)])
    offline.stamp(build.site, build.docs, build.bundle)  # the website's own figures: every time
    return [build.bundle]


def links(build: Build) -> list[Path]:
    """Every link, resource and #fragment of the staged website and offline bundle resolves, and
    so does the citable address of every unit in every language (what a reader may have cited).
    Checked once for each website and bundle (the cache keeps that they passed)."""
    def check() -> list[Path]:
        cited = [urls.unit_url(unit.id, lang) for unit in build.source.units() for lang in languages.LANGUAGES]
        problems = linkcheck.build_problems(build.site, build.bundle, cited)
        if problems:
            raise BuildError(problems)
        return []

    inputs = {**cache.code(), "source": build.source_dir, "site": build.site, "bundle": build.bundle}
    return cache.files(build.cached, "links", inputs, build.work, check)


def serving(build: Build) -> list[Path]:
    """The finished website's precompressed copies and headers (`_headers`), and the nginx
    server block that serves it from its folder (deploy.py), from the table of core/headers.py."""
    site_url = linkcheck.published_at(build.site) or ""
    hsts = os.environ.get(paths.HSTS_ENV) == "1"
    root = build.served_from or paths.SITE_DIR
    inputs = {**cache.code(), "site": build.site, "root": str(root), "url": site_url, "hsts": str(hsts)}
    cache.files(build.cached, "deploy", inputs, build.work,
                lambda: deploy.write(build.site, build.deploy, root, site_url, hsts))
    return []


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Build], list[Path]]  # returns the files it added to dist/


STAGES = (
    Stage("validate", validate), Stage("downloads", downloads), Stage("pages", pages), Stage("mkdocs", website),
    Stage("offline", bundle), Stage("manifest", manifest), Stage("links", links), Stage("deploy", serving),
)


def run(build: Build, until: str | None = None) -> Build:
    """Run the stages in order (through `until`); a failing stage's lines name it."""
    for stage in STAGES:
        try:
            build.downloads += stage.run(build)
        except BuildError as error:
            error.messages = [f"{stage.name}: {line}" for line in error.messages]
            raise
        if stage.name == until:
            break
    return build


def staged(out: Path) -> Build:
    """A new Build whose work folder is in the staging folder beside `out`."""
    staging = out.parent / paths.STAGING_DIR
    made = [folder for folder in (staging, *staging.parents) if not folder.exists()]
    staging.mkdir(parents=True, exist_ok=True)
    outputs.clear_staging(staging, out.name)  # what killed builds of the same output left
    work = Path(tempfile.mkdtemp(prefix=f"{out.name}.{outputs.STAGE}-", dir=staging))
    (work / "pid").write_text(str(os.getpid()), encoding="utf-8")
    return Build(Path(), work, made=made)


def cleanup(build: Build) -> None:
    """Remove the work folder, the staging folder once empty, and the folders staged() made for
    the outputs that are still empty (a failed run leaves nothing behind)."""
    shutil.rmtree(build.work, ignore_errors=True)
    for folder in dict.fromkeys([build.work.parent, *build.made]):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def site(source_dir: Path, out: Path, dist: Path, deploy_dir: Path | None = None,
         offline_editions: str = bundle_editions.CURRENT) -> Build:
    """Run every stage and swap the results in (site/, dist/ and deploy/, by default beside
    `out`); raise BuildError (or SourceError) on failure, Refused before anything is done if
    the outputs are not the build's to replace. `offline_editions`: what the offline bundle
    of a source of several editions holds (bundle_editions.CHOICES)."""
    deploy_dir = deploy_dir if deploy_dir is not None else out.parent / paths.DEPLOY_DIR.name
    refused = outputs.problems(source_dir, {"--out": out, "--dist": dist, "--deploy": deploy_dir})
    if refused:
        raise Refused(refused)
    out, dist, deploy_dir = out.resolve(), dist.resolve(), deploy_dir.resolve()
    journal = out.parent / paths.STAGING_DIR / f"{out.name}.swap.json"
    outputs.recover(journal, [out, dist, deploy_dir])  # what a build killed during its swap left
    build = staged(out)
    build.source_dir = Path(source_dir)
    build.served_from = out
    build.offline_editions = offline_editions
    try:
        run(build)
        outputs.swap([(build.site, out), (build.dist, dist), (build.deploy, deploy_dir)], journal)
        return build
    finally:
        cleanup(build)
