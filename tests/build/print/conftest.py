"""The PDFs the print build tests read: each source (the project's translations/, the rich
fixture and the units fixture) rendered once per session, shared by test_pdf.py, test_pdf_tags.py and
test_pdf_checkers.py."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from pypdf import PdfReader

from constitution.core import catalogue
from constitution.print import pdf
from constitution.source.validate import checked_source
from tests.helpers.pdf import source_dir
from tests.helpers.pdf_tags import Tagged

SOURCES = ("translations", "rich", "units")  # units: every kind of unit of format version 2
PDF_NAMES = catalogue.names(catalogue.pdfs())


def normal(text: str) -> str:
    """Text without whitespace: a PDF line may end at any break opportunity (after "-" or "/"),
    where extraction puts a newline the source never had."""
    return "".join(text.split())


@dataclass
class Built:
    directory: Path
    source_dir: Path

    @cached_property
    def source(self):
        return checked_source(self.source_dir)

    def path(self, edition: str) -> Path:
        return self.directory / catalogue.pdf_name(edition)

    def reader(self, edition: str) -> PdfReader:
        return PdfReader(self.path(edition))

    @cached_property
    def pages(self) -> dict[str, list[str]]:
        """Each edition's pages as extracted text, whitespace normalised."""
        return {edition: [normal(page.extract_text()) for page in self.reader(edition).pages]
                for edition in catalogue.PDF_EDITIONS}

    @cached_property
    def tagged(self) -> dict[str, Tagged]:
        return {edition: Tagged(self.path(edition)) for edition in catalogue.PDF_EDITIONS}


@pytest.fixture(scope="session", params=SOURCES)
def built(request, tmp_path_factory) -> Built:
    tmp = tmp_path_factory.mktemp(request.param)
    directory = source_dir(request.param, tmp)
    out = tmp / "dist"
    written = pdf.build(checked_source(directory), out)
    assert sorted(path.name for path in written) == sorted(PDF_NAMES)
    assert sorted(path.name for path in out.iterdir()) == sorted(PDF_NAMES)
    return Built(out, directory)
