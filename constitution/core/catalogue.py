"""The catalogue of dist/: every file a build publishes, its group and the words that name it.

The pipeline writes exactly these files, the manifest lists them (`manifest_entry`: the
figures of one), the Downloads page shows them by group and the home page links the PDFs:
all four read this one list.
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


def offline(edition_id: str) -> Download:
    return Download(offline_name(edition_id), "offline", "site_file_offline")


def downloads(edition_id: str, bundle: bool = True) -> list[Download]:
    """Every file of dist/ in the Downloads page's order; `bundle=False`: without the offline
    bundle (the bundle's own Downloads page cannot list the bundle with its size)."""
    return [*pdfs(), *exports(), *([offline(edition_id)] if bundle else [])]


def names(items: list[Download]) -> list[str]:
    return [item.name for item in items]


def manifest_entry(path: Path) -> dict:
    """A file's entry in the manifest: name, bytes and SHA-256 (what the Downloads pages show)."""
    data = path.read_bytes()
    return {"name": path.name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
