"""Typst turns one edition's prepared data into its PDF bytes (what the worker runs).

A Job is plain data (the template's name, the data as a JSON string, the edition's date), so
the worker imports Typst, pikepdf and the fonts, never the source model: pdf.py prepares the
jobs in the build's own process.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from constitution.core.problems import BuildError

PDF_STANDARD = "ua-1"
TEMPLATES_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Job:
    name: str  # the PDF's file name, for messages
    template: str  # a file of templates/
    data: str  # the edition's data as JSON: the template parses it, so no text is ever markup
    epoch: int  # the edition's date (seconds): the PDF's dates, never the build's
    descriptions: dict[str, str]  # id -> what a link to it is called, in the document's language
    languages: tuple[str, ...]  # the languages of its text, for its XMP metadata


def typeset(job: Job) -> bytes:
    """The PDF: the data typeset by its template, then a named destination for every unit."""
    import typst

    from constitution.print import destinations, fonts

    compiler = typst.Compiler(TEMPLATES_DIR / job.template, root=TEMPLATES_DIR, font_paths=fonts.typst_fonts(),
                              ignore_system_fonts=True, sys_inputs={"data": job.data})
    # Typst writes its PDF into a file, which pikepdf reads as a file: from bytes in memory
    # (a Python stream) each of qpdf's reads would call back into Python, a third of the pass
    with tempfile.TemporaryDirectory(prefix="constitution-pdf-") as folder:
        rendered = Path(folder) / job.name
        try:
            _, warnings = compiler.compile_with_warnings(output=rendered, format="pdf",
                                                         pdf_standards=[PDF_STANDARD], timestamp=job.epoch)
            places = json.loads(compiler.query("<destinations>", field="value", one=True, format="json"))
        except typst.TypstError as error:
            raise BuildError([f"{job.name}: Typst: {one_line(error.message)}"]) from None
        if warnings:  # e.g. a glyph no font has: never a PDF that silently lacks text
            raise BuildError([f"{job.name}: Typst: {one_line(warning.message)}" for warning in warnings])
        return destinations.named(rendered, places, job.descriptions, job.languages)


def one_line(text: str) -> str:
    return " ".join(str(text).split())
