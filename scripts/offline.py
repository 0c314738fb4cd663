"""The offline bundle: the whole trilingual site in one zip that works opened from disk.

`python -m scripts offline [--source DIR] [--out FILE]` builds it alone (default:
dist/constitution-<edition id>-offline.zip); `python -m scripts site` builds it with the rest
(`stage`, in scripts/build.py's STAGES) and its website's Downloads page lists it.

It is the site built once more for file://: mkdocs.yml turns Material's offline plugin on
with CONSTITUTION_OFFLINE (links end in .html, search runs without a server) and
hooks/offline.py keeps every request inside the bundle. Its pages are generated apart, as
their Downloads page lists every other file but not the bundle, whose size is not known
until it is packed. The zip holds one folder named after the edition; its index.html is the
Kazakh home page, with the language selector, the contents and the PDFs.

The same source gives the same bytes: entries in name order, every date the edition's,
fixed modes, one compression level. Left out: what only a web server or a search engine
reads (the 404 page, sitemaps, which name the website) and source maps (developer tools).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import constants

OFFLINE_ENV = {"CONSTITUTION_OFFLINE": "true"}  # mkdocs.yml: Material's offline plugin on
HOME = "index.html"  # the Kazakh home page, at the top of the bundle's folder
WEB_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
DEVELOPER_ONLY = (".map",)
FILE_MODE = 0o100644  # regular file, rw-r--r--
FOLDER_MODE = 0o040755  # directory, rwxr-xr-x
MSDOS_DIRECTORY = 0x10
COMPRESS_LEVEL = 9


def bundled(name: str) -> bool:
    """Whether a file of the built site (path relative to it) goes into the bundle."""
    return name not in WEB_ONLY and not name.endswith(DEVELOPER_ONLY)


def entries(site: Path, folder: str) -> list[tuple[str, Path | None]]:
    """(name in the zip, file or None for a folder) of everything bundled, in name order."""
    files = {f"{folder}/{path.relative_to(site).as_posix()}": path
             for path in site.rglob("*") if path.is_file() and bundled(path.relative_to(site).as_posix())}
    folders = {name.rsplit("/", depth)[0] + "/" for name in files for depth in range(1, name.count("/") + 1)}
    return sorted([*files.items(), *((name, None) for name in folders)])


def pack(site: Path, folder: str, out: Path, day: datetime.date) -> None:
    """Zip the built site under one top-level folder; the same files give the same bytes."""
    import zipfile

    stamp = (day.year, day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w") as archive:
        for name, path in entries(site, folder):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix: the modes below are read as such everywhere
            if path is None:
                info.external_attr = FOLDER_MODE << 16 | MSDOS_DIRECTORY
                archive.writestr(info, b"")
            else:
                info.external_attr = FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=COMPRESS_LEVEL)


def stage(build) -> None:
    """Build the bundle into build.dist from the validated source and the staged downloads,
    then list it in the manifest beside them (a scripts/build.py stage, after `pages`)."""
    from . import build as pipeline
    from . import pages

    edition = build.source.document.edition
    work = build.work / "offline"
    docs, site = work / "docs", work / "site"
    pages.write(pages.site_files(build.source, offline=True), docs)
    pipeline.run_mkdocs(docs, build.dist, site, [path.name for path in build.downloads], OFFLINE_ENV)
    if not (site / HOME).is_file():
        raise pipeline.BuildError([f"{site}: no {HOME} at the top of the offline site"])
    out = build.dist / constants.offline_name(edition.id)
    pack(site, constants.offline_folder(edition.id), out, edition.date)
    shutil.rmtree(work)
    build.downloads.append(out)
    (build.dist / constants.DOWNLOADS_MANIFEST).unlink()  # written anew, with the bundle
    pipeline.manifest(build)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=constants.SOURCE_DIR, help="source folder (default: translations/)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the zip to write (default: dist/constitution-<edition id>-offline.zip)")


def run(args: argparse.Namespace) -> int:
    from . import build as pipeline

    work = Path(tempfile.mkdtemp(prefix="constitution-offline-"))
    try:
        staged = pipeline.Build(Path(args.source), work)
        for step in (pipeline.validate, pipeline.downloads, pipeline.manifest, stage):
            try:
                step(staged)
            except pipeline.BuildError as error:
                for line in error.lines:
                    print(f"offline: {step.__name__}: {line}", file=sys.stderr)
                print("offline: failed; nothing was written", file=sys.stderr)
                return 1
        packed = staged.downloads[-1]
        out = args.out or constants.DIST_DIR / packed.name
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f".{out.name}.partial")  # a reader never sees half a zip
        shutil.copyfile(packed, partial)
        os.replace(partial, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    data = out.read_bytes()
    print(f"{out}: {len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}")
    return 0
