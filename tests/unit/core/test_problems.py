"""core/problems.py's printed line: one line whatever it quotes, every unprintable sign of
core/text.py's one table escaped, long quoted values cut, paths as typed (a symlink loop too)."""

from __future__ import annotations

import os

import pytest

from constitution.core import text
from constitution.core.problems import Problem, display_path


@pytest.mark.parametrize("char", sorted(text.HIDDEN) + ["\x07", "\x1b", "\t", "\n", "\x85", "\ufffe", "\U0010ffff",
                                                         "\ud800", "\ufdd0"],
                         ids=lambda char: f"U+{ord(char):04X}")
def test_every_unprintable_sign_is_escaped_in_a_problem_line(char):
    line = str(Problem("ui.yaml", 3, f"a{char}b", "", f"unknown key 'ab{char}cd'"))
    assert not text.UNPRINTABLE.search(line) and "\n" not in line
    assert f"unknown key 'ab{ascii(char)[1:-1]}cd'" in line


def test_the_rules_and_the_printer_read_one_table():
    from constitution.source import rules

    assert not hasattr(rules, "_HIDDEN") and not hasattr(rules, "_SUSPECT")
    assert all(text.UNPRINTABLE.fullmatch(char) for char in text.HIDDEN)


@pytest.mark.parametrize("message, kept", [
    ("unknown key '" + "k" * 1_500_000 + "'", "unknown key '" + "k" * (text.MAX_QUOTED - 1) + "…'"),
    ('holds "' + "x" * 500 + '" here', 'holds "' + "x" * (text.MAX_QUOTED - 1) + '…" here'),
    ("unknown key '" + "k" * text.MAX_QUOTED + "'", "unknown key '" + "k" * text.MAX_QUOTED + "'"),
], ids=["huge-key", "double-quoted", "at-the-limit"])
def test_a_long_quoted_value_is_cut_with_an_ellipsis(message, kept):
    line = str(Problem("articles/001.yaml", 5, "art_1", "", message))
    assert line == f"articles/001.yaml:5: art_1: -: {kept}"


def test_a_long_id_is_cut_too():
    line = str(Problem("ui.yaml", 5, "k" * 1_500_000, "", "unknown key"))
    assert len(line) < 200 and "…" in line


def test_a_place_that_is_no_file_prints_without_a_line():
    assert str(Problem("SITE_URL", 0, "", "", "'x' has no scheme")) == "SITE_URL: -: -: 'x' has no scheme"


@pytest.mark.parametrize("make", [lambda p: os.symlink(p.name, p), lambda p: p.write_text("x"),
                                  lambda p: os.symlink("absent", p)], ids=["symlink-loop", "file", "dangling"])
def test_a_path_prints_relative_to_the_working_folder(tmp_path, monkeypatch, make):
    (tmp_path / "src").mkdir()
    path = tmp_path / "src" / "002.yaml"
    make(path)
    monkeypatch.chdir(tmp_path)
    assert display_path(path) == os.path.join("src", "002.yaml")
