"""`make serve` (constitution/build/serve.py) in Chromium: a translator's edit of one clause shows in
the page already open, then the full build comes in (benchmarks/preview.py drives both)."""

from __future__ import annotations

from benchmarks import preview


def test_an_edited_clause_shows_in_the_open_page_and_the_full_build_follows(built_site, browser, tmp_path):
    built = built_site("rich")
    result = preview.edit_to_preview(built.source, built.dist, tmp_path, timeout_s=600, browser=browser)
    assert "error" not in result, result
    assert result["page"].startswith("en/art_")
    assert result["full_s"] is not None and result["full_s"] >= result["preview_s"], result
    log = (tmp_path / "logs" / "preview.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and f"serve: {result['page']}index.md: shown after" in log, log
