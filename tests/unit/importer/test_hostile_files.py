"""What `import` is given that is not a readable text file: one located line each, never a
traceback; and the recital splitter on a line of thousands of commas (linear time: the
benchmark measures it, this checks the split)."""

from __future__ import annotations

import errno
import os

import pytest

from constitution.core import reading
from constitution.importer import read


def _fifo(path):
    os.mkfifo(path)


def _folder(path):
    path.mkdir()


def _loop(path):
    os.symlink(path.name, path)


def _sparse(path):
    with path.open("wb") as handle:
        handle.truncate(8_000_000_000)


@pytest.mark.parametrize("make, message", [
    (_fifo, "is a FIFO (named pipe), not a file"), (_folder, "is a folder, not a file"),
    (_loop, "is a symbolic link that loops"), (_sparse, "file is 8000000000 bytes, more than"),
    (lambda path: None, "no such file"),
], ids=["fifo", "folder", "symlink-loop", "huge-sparse", "absent"])
def test_a_file_that_cannot_be_read_is_one_line(tmp_path, make, message):
    path = tmp_path / "en.txt"
    make(path)
    found, problems = read.read_file(path, "en")
    assert found is None
    assert [str(p).split(": ", 1)[0] for p in problems] == [f"{path}:1"]
    assert message in str(problems[0])


def test_permission_denied_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "en.txt"
    path.write_text("text", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(reading, "open", denied, raising=False)  # as root, chmod 000 would not stop us
    _, problems = read.read_file(path, "en")
    assert [str(p) for p in problems] == [f"{path}:1: -: en: cannot be read: permission denied"]


@pytest.mark.parametrize("lang, line, expected", [
    ("en", "We, the people, " + "word, " * 20000 + "Adopting it.", 3),
    ("ru", "Мы, народ, " + "слово, " * 20000 + "Принимаем её.", 3),
    ("kk", "Біз, халқы, " + "сөз, " * 20000 + "сақтай отырып, қабылдаймыз.", 3),
    ("en", ", " * 30000, 1),
], ids=["en-commas", "ru-commas", "kk-commas", "only-commas"])
def test_a_line_of_twenty_thousand_commas_splits_as_a_short_one(lang, line, expected):
    recitals = read.split_recitals(line, lang)
    assert len(recitals) == expected
    assert "".join(recitals).replace(" ", "") == line.replace(" ", "")  # nothing lost


EN_TEXT = ("CONSTITUTION OF THE REPUBLIC OF KAZAKHSTAN\nWe, the people, adopt it.\n"
           "Article 1\nFirst text.\nArticle 2\nSecond.\n")


@pytest.mark.parametrize("old, new, line, message", [
    ("Second.", "Sec\u202eond.", 6, "holds a bidirectional control, U+202E, at column 4"),
    ("First text", "First\x07 te\x07xt", 4, "holds a control character, U+0007, at column 6 (and 1 more)"),
], ids=["bidi", "two-on-a-line"])
def test_a_hidden_character_is_named_at_the_input_line(tmp_path, old, new, line, message):
    """What no reading can make plain: validate would refuse it; import names it where it was typed."""
    path = tmp_path / "en.txt"
    path.write_text(EN_TEXT.replace(old, new), encoding="utf-8")
    found, problems = read.read_file(path, "en")
    assert found is None
    assert [str(p) for p in problems] == [f"{path}:{line}: -: en: {message}: no output can hold it or no reader "
                                          "sees it; delete it"]


@pytest.mark.parametrize("old, new, reported", [
    ("the people", "the peo\u00adple", ["2: -: en: normalised: 1 soft hyphen(s) removed"]),
    ("First text", "First\u200b text", ["4: -: en: normalised: 1 zero-width character(s) removed"]),
    ("Article 1", "Article\u2060 1", ["3: -: en: normalised: 1 zero-width character(s) removed"]),
    ("First text", "Fi\ufeffrst te\ufeffxt", ["4: -: en: normalised: 2 byte order mark(s) removed (first on line 4)"]),
    ("the people", "the\u00a0people", ["2: -: en: normalised: 1 no-break space(s) read as spaces"]),
    ("\n", "\r\n", ["1: -: en: normalised: 6 CRLF line end(s) read as line ends (first on line 1)"]),
    ("\n", "\r", ["1: -: en: normalised: 6 CR line end(s) read as line ends (first on line 1)"]),
], ids=["soft-hyphen", "zero-width-space", "word-joiner", "bom-mid-file", "nbsp", "crlf", "cr"])
def test_invisible_characters_are_removed_and_reported_once(tmp_path, old, new, reported):
    path = tmp_path / "en.txt"
    path.write_text(EN_TEXT.replace(old, new), encoding="utf-8", newline="")
    found, problems = read.read_file(path, "en")
    assert problems == []
    assert [str(entry) for entry in found.entries] == [f"{path}:{line}" for line in reported]
    assert found.title == "CONSTITUTION OF THE REPUBLIC OF KAZAKHSTAN"
    assert found.recitals == ["We, the people,", "adopt it."]
    assert [found.text(article) for article in found.articles.values()] == ["First text.", "Second."]


def test_the_import_command_names_the_input_file_and_writes_nothing(tmp_path, capsys, monkeypatch):
    from constitution.cli import main
    from tests.helpers import RICH

    monkeypatch.chdir(tmp_path)
    (tmp_path / "en.txt").write_text(EN_TEXT.replace("the people", "the peo\u202eple"), encoding="utf-8")
    assert main(["import", "--en", "en.txt", "--template", str(RICH), "--out", "out"]) == 1
    assert capsys.readouterr().err.splitlines()[0].startswith("en.txt:2: -: en: holds a bidirectional control")
    assert not (tmp_path / "out").exists()


def test_tabs_the_reader_collapses_may_stay(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text(EN_TEXT.replace("First text", "First\ttext"), encoding="utf-8")
    found, problems = read.read_file(path, "en")
    assert found is not None and problems == [] and found.entries == []
