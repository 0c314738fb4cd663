"""`pdf` on bad input, stopped before anything is rendered: one line per problem, exit 1, the
old PDFs kept (the PDFs themselves: tests/build/print/test_pdf.py)."""

from __future__ import annotations

import pytest

from constitution.cli import main
from constitution.core import catalogue
from constitution.print import fonts
from tests.helpers.pdf import source_dir


BAD_SOURCES = {
    "char-outside-fonts": (
        "articles/001.yaml", "Fixture text of article one.", "Fixture text 中 of article one.",
        "articles/001.yaml:1: art_1: en: character U+4E2D is not in the PDF font"),
    "ui-string-absent": (  # the interface strings are declared: an absent one fails at load
        "ui.yaml", "pdf_contents:", "pdf_contents_renamed:",
        "ui.yaml:3: pdf_contents: -: required key 'pdf_contents' is absent"),
}


@pytest.mark.parametrize("case", BAD_SOURCES, ids=list(BAD_SOURCES))
def test_bad_source_one_line_and_old_pdfs_kept(case, tmp_path, capsys):
    path, old, new, message = BAD_SOURCES[case]
    directory = source_dir("rich", tmp_path)
    text = (directory / path).read_text(encoding="utf-8")
    assert old in text
    (directory / path).write_text(text.replace(old, new), encoding="utf-8")
    out = tmp_path / "dist"
    out.mkdir()
    (out / catalogue.pdf_name("en")).write_bytes(b"%PDF old")
    assert main(["pdf", "--source", str(directory), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
    assert [p.name for p in out.iterdir()] == [catalogue.pdf_name("en")]
    assert (out / catalogue.pdf_name("en")).read_bytes() == b"%PDF old"


def test_absent_fonts_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(fonts, "FONT_DIR", tmp_path / "no-fonts")
    fonts.coverage.cache_clear()
    try:
        assert main(["pdf", "--out", str(tmp_path / "dist")]) == 1
    finally:
        fonts.coverage.cache_clear()
    error = capsys.readouterr().err
    assert "no-fonts/noto-serif-latin-400-normal.woff2: -: -: PDF font is absent" in error
    assert "Traceback" not in error and not (tmp_path / "dist").exists()
