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
