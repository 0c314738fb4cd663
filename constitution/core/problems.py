"""Problems with the input or a build, and the one way they are printed.

A source problem names its place as `path:line: id: lang: message`; a build problem (what
MkDocs or the link check said) is one line of text from a stage. Either reaches the user
as one line per problem on stderr and a non-zero exit, never a traceback. A place that is
no file (the SITE_URL setting) has line 0 and prints as `SITE_URL: -: -: message`. A line
shows every unprintable sign escaped (core/text.py's table) and long quoted values cut.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, TextIO

from constitution.core.text import MAX_QUOTED, escaped_unprintable, quotes_clipped

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    id: str
    lang: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        kind = "" if self.severity == ERROR else "warning: "
        where = f"{self.path}:{self.line}" if self.line else self.path  # line 0: no file (SITE_URL)
        line = f"{where}: {_field(self.id)}: {_field(self.lang)}: {kind}{quotes_clipped(self.message)}"
        return escaped_unprintable(line)  # one line, whatever it quotes, and every sign of it visible


_PLAIN_FIELD = re.compile(r"[\w.\-]+")


def _field(value: str) -> str:
    """An id or language for the line: '-' when there is none, quoted when it holds other signs
    (someone typed `id: 'a: b'`), so the line still splits at its first four ': '."""
    if not value:
        return "-"
    if len(value) <= MAX_QUOTED and _PLAIN_FIELD.fullmatch(value):
        return value
    quoted = ascii(value[:MAX_QUOTED - 1] if len(value) > MAX_QUOTED else value)
    return f"{quoted[:-1]}…{quoted[-1]}" if len(value) > MAX_QUOTED else quoted


class Failure(Exception):
    """Base of the errors a command reports as lines instead of a traceback."""

    exit_code = 1

    def lines(self) -> list[str]:
        raise NotImplementedError


class SourceError(Failure):
    """The input is wrong; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "invalid source")

    def lines(self) -> list[str]:
        return [str(problem) for problem in self.problems]


class BuildError(Failure):
    """A build stage failed; each of `messages` is one problem, printed on a line of its own."""

    def __init__(self, messages: list[str]):
        self.messages = messages or ["failed"]
        super().__init__(self.messages[0])

    def lines(self) -> list[str]:
        return list(self.messages)


class Refused(Failure):
    """A command will not write where it was told to (it would replace what it did not make)."""

    exit_code = 2

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__(messages[0])

    def lines(self) -> list[str]:
        return list(self.messages)


def display_path(path: Path) -> str:
    """A path as the user typed it: relative to the working folder where it lies inside it."""
    path = Path(path)
    try:
        cwd = Path.cwd().resolve()
    except OSError:  # the working folder is gone
        return str(path)
    try:  # the folder resolved, the name kept: a symlink (a loop, a dangling one) is named itself
        full = path.resolve() if path.name in ("", ".", "..") else path.absolute().parent.resolve() / path.name
    except (OSError, RuntimeError):  # a loop among the folders: the path as written, made absolute
        full = Path(os.path.abspath(path))
    try:
        return str(full.relative_to(cwd))
    except ValueError:  # outside the folder
        return str(path)


def report(lines: Iterable[str], summary: str | None = None, stream: TextIO | None = None) -> None:
    """Print problems one per line, then the summary line, on stderr."""
    stream = stream or sys.stderr
    for line in lines:
        print(line, file=stream)
    if summary:
        print(summary, file=stream)
