"""SITE_URL from the environment (issue 15): checked before anything is built, one line and a
non-zero exit, nothing written; the MkDocs hook refuses it too when MkDocs is run by hand.
A --source or --out that is no folder: one standard line, relative as typed."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from constitution.site.hooks import i18n_languages
from tests.helpers import RICH, ROOT

BAD_SITE_URLS = [
    ("https://example.org/a&b/", "holds '&'"),
    ("https://example.org/<svg onload=alert(1)>/", "holds '<'"),
    ("https://example.org/'/", "holds \"'\""),
    ("javascript:alert(1)//", "scheme 'javascript:' is not allowed"),
    ("https://example.org/?a=1&b=2", "holds a query or fragment"),
    ("example.org", "has no scheme"),
]


@pytest.mark.parametrize("command", ["site", "offline"])
@pytest.mark.parametrize("url, fragment", BAD_SITE_URLS,
                         ids=["ampersand", "markup", "apostrophe", "javascript", "query", "no-scheme"])
def test_a_bad_site_url_is_one_line_and_nothing_is_built(tmp_path, command, url, fragment):
    out = tmp_path / ("site" if command == "site" else "bundle.zip")
    result = subprocess.run([sys.executable, "-m", "constitution", command, "--source", str(RICH), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problem = [line for line in result.stderr.splitlines() if "SITE_URL" in line]
    assert len(problem) == 1 and fragment in problem[0], result.stderr
    assert problem[0].startswith(f"SITE_URL: -: -: {url!r} "), problem  # the standard line of a place with no file
    assert not out.exists() and not (tmp_path / "dist").exists()


@pytest.mark.parametrize("url, fragment", BAD_SITE_URLS[:3], ids=["ampersand", "markup", "apostrophe"])
def test_mkdocs_run_by_hand_refuses_a_bad_site_url(url, fragment):
    config = SimpleNamespace(site_url=url, docs_dir="unused")
    with pytest.raises(PluginError, match="SITE_URL") as raised:
        i18n_languages.on_config(config)
    assert fragment in str(raised.value)


def _symlink_loop(path):
    os.symlink(path.name, path)


@pytest.mark.parametrize("make, message", [
    (lambda path: path.write_text("x"), "the source is a file, not a folder: give --source the folder"),
    (_symlink_loop, "source folder is a symbolic link that loops (or is nested too deeply)"),
    (lambda path: None, "source folder is absent"),
], ids=["file", "symlink-loop", "absent"])
def test_a_source_that_is_no_folder_says_what_it_is(tmp_path, monkeypatch, capsys, make, message):
    from constitution.cli import main

    make(tmp_path / "given")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--source", str(tmp_path / "given")]) == 1
    out = capsys.readouterr()
    assert (out.err + out.out).splitlines()[0] == f"given:1: -: -: {message}"


@pytest.mark.parametrize("command", ["export", "pdf"])
def test_an_out_that_is_a_file_is_one_standard_line(tmp_path, monkeypatch, capsys, command):
    from constitution.cli import main

    (tmp_path / "afile").write_text("kept", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([command, "--source", str(RICH), "--out", "afile"]) == 1
    assert capsys.readouterr().err.splitlines() == ["afile:1: -: -: --out is a file, not a folder: give a folder"]
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "kept"
