"""The offline bundle: the whole trilingual site in one zip that works opened from disk.

It is the `offline` stage of the pipeline (pipeline.py): `python -m constitution site` builds
it with the rest, and its website's Downloads page lists it; `python -m constitution offline`
runs the pipeline up to this stage and copies the bundle out.

It is the site built once more for file://: mkdocs.yml turns Material's offline plugin on
with CONSTITUTION_OFFLINE (links end in .html, search runs without a server) and
the offline hook keeps every request inside the bundle. Its pages are generated apart, as
their Downloads page lists every other file but not the bundle, whose size is not known
until it is packed. The zip holds one folder named after the edition; its index.html is the
Kazakh home page, with the language selector, the contents and the PDFs.

The same source gives the same bytes: entries in name order, every date the edition's,
fixed modes, one compression level. Left out: what only a web server or a search engine
reads (the 404 page, sitemaps, which name the website) and source maps (developer tools).
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from constitution.build import docs, mkdocs
from constitution.core import catalogue, paths
from constitution.core.problems import BuildError
from constitution.site.nav import site_files

HOME = "index.html"  # the Kazakh home page, at the top of the bundle's folder
WEB_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
DEVELOPER_ONLY = (".map",)
FILE_MODE = 0o100644  # regular file, rw-r--r--
FOLDER_MODE = 0o040755  # directory, rwxr-xr-x
MSDOS_DIRECTORY = 0x10
COMPRESS_LEVEL = 9


def build_bundle(source, dist: Path, manifest: Path, downloads: list[str], work: Path) -> Path:
    """Build the bundle into `dist` from a validated source and the downloads already in `dist`
    (listed in `manifest`, which its Downloads page shows); return the zip's path."""
    edition = source.document.edition
    pages, site = work / "docs", work / "site"
    docs.write(site_files(source, offline=True), pages)
    mkdocs.run_mkdocs(pages, dist, manifest, site, downloads, {paths.OFFLINE_ENV: "true"})
    if not (site / HOME).is_file():
        raise BuildError([f"{site}: no {HOME} at the top of the offline site"])
    out = dist / catalogue.offline_name(edition.id)
    pack(site, catalogue.offline_folder(edition.id), out, edition.date)
    shutil.rmtree(work)
    return out


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
