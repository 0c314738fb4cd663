"""The catalogue of dist/: every file a build publishes, its group and the words that name it.

The pipeline writes exactly these files, the manifest lists them (`manifest_entry`: the
figures of one), the Downloads page shows them by group and the home page links the PDFs:
all four read this one list.

A source of several editions publishes the current edition's files at the names a one-edition
source has, beside them editions.json, and every edition's files (the current one's too) in a
folder named by its id, the layout of the `export` command: its PDFs, its exports and, after the
first, its change list (`downloads(…, editions=ids)`; names are paths relative to dist/).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGES

MANIFEST = "manifest.json"  # in dist/: name, bytes and SHA-256 of every other file
PARALLEL = "parallel"  # the PDF edition of the three languages side by side
PDF_EDITIONS = (*LANGUAGES, PARALLEL)
GROUPS = ("pdf", "data", "offline")  # in the order the Downloads page shows them
EXPORT_JSON = "constitution.json"
EXPORT_JSON_SCHEMA = "constitution.schema.json"
EXPORT_CSV = "constitution.csv"
# A source of several editions: the list, and each edition's exports in a folder named by its id
EXPORT_EDITIONS = "editions.json"
EXPORT_CHANGES = "changes.json"  # in each edition's folder after the first: what it changed


@dataclass(frozen=True)
class Download:
    name: str
    group: str  # one of GROUPS
    label: str  # ui.yaml key of its description; `{language}` in it names `language`
    language: str | None = None
    edition: str | None = None  # the id of the edition whose folder holds it; None: dist/ itself


def edition_languages(edition: str) -> tuple[str, ...]:
    """The languages a PDF edition holds: its own, or all of them side by side."""
    return LANGUAGES if edition == PARALLEL else (edition,)


def pdf_name(edition: str) -> str:
    """'constitution-kk.pdf', …, 'constitution-parallel.pdf'."""
    return f"constitution-{edition}.pdf"


def export_akn(lang: str) -> str:
    return f"constitution-{lang}.akn.xml"


def offline_folder(edition_id: str) -> str:
    """'constitution-2026-01-30': the offline bundle's top-level folder."""
    return f"constitution-{edition_id}"


def offline_name(edition_id: str) -> str:
    """'constitution-2026-01-30-offline.zip': the offline bundle, in dist/."""
    return f"{offline_folder(edition_id)}-offline.zip"


def pdfs() -> list[Download]:
    return [Download(pdf_name(lang), "pdf", "site_file_pdf", lang) for lang in LANGUAGES] + [
        Download(pdf_name(PARALLEL), "pdf", "site_file_pdf_parallel")]


def exports() -> list[Download]:
    return [Download(EXPORT_JSON, "data", "site_file_json"),
            Download(EXPORT_JSON_SCHEMA, "data", "site_file_json_schema"),
            Download(EXPORT_CSV, "data", "site_file_csv"),
            *(Download(export_akn(lang), "data", "site_file_akn", lang) for lang in LANGUAGES)]


def edition_exports(first: bool) -> list[str]:
    """The files of one edition's folder of the exports: its own, and after the first its changes."""
    return [*names(exports()), *([] if first else [EXPORT_CHANGES])]


def edition_list() -> Download:
    return Download(EXPORT_EDITIONS, "data", "edition_file_list")


def edition_downloads(edition_id: str, first: bool) -> list[Download]:
    """The files of one edition's folder of dist/: its PDFs, its exports, after the first its changes."""
    changes = [Download(EXPORT_CHANGES, "data", "edition_file_changes")] if not first else []
    return [Download(f"{edition_id}/{item.name}", item.group, item.label, item.language, edition_id)
            for item in [*pdfs(), *exports(), *changes]]


# What the offline bundle of a source of several editions holds (`--offline-editions`): the current
# edition, the default, or every one; each names the ui.yaml string of its Downloads row.
OFFLINE_CURRENT, OFFLINE_ALL = "current", "all"
OFFLINE_EDITIONS = (OFFLINE_CURRENT, OFFLINE_ALL)


def offline(edition_id: str, holds: str | None = None) -> Download:
    """The offline bundle; `holds`: of a source of several editions, which (OFFLINE_EDITIONS)."""
    return Download(offline_name(edition_id), "offline", f"site_file_offline_{holds}" if holds else "site_file_offline")


def downloads(edition_id: str, bundle: bool = True, editions: tuple[str, ...] = (),
              holds: str = OFFLINE_CURRENT) -> list[Download]:
    """Every file of dist/ in the Downloads page's order; `bundle=False`: without the offline
    bundle (the bundle's own Downloads page cannot list the bundle with its size); `editions`:
    the ids of a source of several editions, oldest first (their list, then each one's folder),
    whose bundle `holds` the current edition or all (OFFLINE_EDITIONS)."""
    listed = [edition_list()] if editions else []
    folders = [item for index, each in enumerate(editions) for item in edition_downloads(each, index == 0)]
    return [*pdfs(), *exports(), *listed, *([offline(edition_id, holds if editions else None)] if bundle else []), *folders]


def names(items: list[Download]) -> list[str]:
    return [item.name for item in items]


def manifest_entry(path: Path, base: Path | None = None) -> dict:
    """A file's entry in the manifest: name (its path relative to `base`, dist/), bytes and
    SHA-256 (what the Downloads pages show)."""
    data = path.read_bytes()
    name = path.relative_to(base).as_posix() if base is not None else path.name
    return {"name": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
