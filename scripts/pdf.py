"""Render the printable PDFs with WeasyPrint: one per language and a parallel edition.

`build(source, out_dir)` writes constitution-kk.pdf, -ru, -en and -parallel.pdf. They are
tagged PDF/UA-1, carry the edition's date (not the build time) and a content-derived file
identifier, so the same source gives byte-identical files.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import constants
from .load import Problem, SourceError
from .model import Source

EDITIONS = (*constants.LANGUAGES, "parallel")
PDF_VARIANT = "pdf/ua-1"
UI_KEYS = ("site_name", "preamble", "section_label", "article_label", "status_official",
           "status_unofficial", "status_missing", "pdf_contents", "pdf_text_missing",
           "pdf_edition_date", "pdf_author", "pdf_partial", "pdf_source", "pdf_link_hint",
           "pdf_parallel")


def pdf_name(edition: str) -> str:
    return f"constitution-{edition}.pdf"


def pdf_names() -> list[str]:
    """Every PDF file name, in the order a Downloads list shows them."""
    return [pdf_name(edition) for edition in EDITIONS]


def build(source: Source, out_dir: Path) -> list[Path]:
    """Write the four PDFs of a validated Source into out_dir; return their paths.

    Characters the embedded fonts cannot draw are reported (SourceError) before anything
    is written; each file is replaced atomically, so a failed run keeps the old PDFs.
    """
    from .pdf_templates import fonts

    problems = [Problem(constants.UI_FILE, 1, key, "", "string is absent (the PDFs print it)")
                for key in UI_KEYS if key not in source.ui.root]
    problems += uncovered_characters(source, fonts.coverage())
    if problems:
        raise SourceError(problems)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    font_css = fonts.font_face_css()
    rendered = render_all(source, font_css)
    paths = []
    for edition in EDITIONS:
        path = out_dir / pdf_name(edition)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(rendered[edition])
        os.replace(partial, path)
        paths.append(path)
    return paths


def render_all(source: Source, font_css: str) -> dict[str, bytes]:
    """Every edition's bytes, rendered in parallel processes (the parallel edition first: it is longest)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(len(EDITIONS), os.cpu_count() or 1)
    if workers == 1:
        return {edition: render(source, edition, font_css) for edition in EDITIONS}
    order = sorted(EDITIONS, key=lambda edition: edition != "parallel")
    # spawn, not fork: the caller (a site build, a test run) may have threads of its own
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {edition: pool.submit(render, source, edition, font_css) for edition in order}
        return {edition: futures[edition].result() for edition in EDITIONS}


def render(source: Source, edition: str, font_css: str) -> bytes:
    """The PDF bytes of one edition."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from .pdf_templates import parallel, single

    if edition == "parallel":
        html, css = parallel.document(source, pdf_name(edition))
    else:
        html, css = single.document(source, edition, pdf_name(edition))
    font_config = FontConfiguration()
    stylesheets = [CSS(string=font_css + css, font_config=font_config)]
    document = HTML(string=html, base_url=str(constants.ROOT)).render(
        stylesheets=stylesheets, font_config=font_config)
    # pdf_identifier=True: the file /ID is a hash of the content, never random.
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True)


def uncovered_characters(source: Source, covered: frozenset[int]):
    """Problems for characters of the source that the PDF fonts cannot draw."""
    strings = []
    for unit in source.units():
        for lang in constants.LANGUAGES:
            strings.append((unit_file(source, unit), unit.id, lang, unit.texts.text(lang) or ""))
    for key, texts in source.ui.root.items():
        for lang in constants.LANGUAGES:
            strings.append((constants.UI_FILE, key, lang, getattr(texts, lang)))
    document = source.document
    for name, texts in (("edition.name", document.edition.name), ("edition.author", document.edition.author),
                        *((f"sources.{lang}", getattr(document.sources, lang).description)
                          for lang in constants.LANGUAGES)):
        for lang in constants.LANGUAGES:
            strings.append((constants.DOCUMENT_FILE, name, lang, getattr(texts, lang)))
    for path, where, lang, text in strings:
        for char in sorted(set(text) - {"\n"}):
            if ord(char) not in covered:
                yield Problem(path, 1, where, lang, f"character U+{ord(char):04X} is not in the PDF font")


def unit_file(source: Source, unit) -> str:
    if unit.article is not None:
        return source.files.get(constants.article_id(unit.article), constants.ARTICLES_DIR)
    return constants.PREAMBLE_FILE if unit.kind == "recital" else constants.DOCUMENT_FILE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=constants.SOURCE_DIR,
                        help="source directory (default: translations/)")
    parser.add_argument("--out", type=Path, default=constants.DIST_DIR,
                        help="output directory (default: dist/)")


def run(args: argparse.Namespace) -> int:
    from .validate import checked_source

    for path in build(checked_source(args.source), args.out):
        print(f"{path} ({path.stat().st_size // 1024} KiB)")
    return 0
