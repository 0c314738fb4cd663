"""Word-level differences of one unit's text between two editions: insertions and deletions as data.

A text is cut into words, runs of whitespace and single signs; the pieces are `equal`, `delete`
(words of the old text only) or `insert` (of the new one only). The equal and deleted pieces,
in order, give back the old text and the equal and inserted ones the new text, character for
character; within a run of changes the deletions come before the insertions, and a space
between two changed words belongs to the change, so that a reader sees "old words" → "new words".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
EQUAL, DELETE, INSERT = "equal", "delete", "insert"


@dataclass(frozen=True)
class Piece:
    op: str  # EQUAL, DELETE or INSERT
    text: str


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def word_diff(old: str | None, new: str | None) -> list[Piece]:
    """The pieces that turn `old` into `new` (None, a text not there, is the empty text)."""
    before, after = tokens(old or ""), tokens(new or "")
    raw: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            raw.append(Piece(EQUAL, "".join(before[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Piece(DELETE, "".join(before[i1:i2])))
        if j2 > j1:
            raw.append(Piece(INSERT, "".join(after[j1:j2])))
    return _grouped(_spaces_joined(raw))


def _spaces_joined(pieces: list[Piece]) -> list[Piece]:
    """A run of whitespace alone between two changes is part of both sides of the change."""
    out: list[Piece] = []
    for index, piece in enumerate(pieces):
        between = 0 < index < len(pieces) - 1 and pieces[index - 1].op != EQUAL and pieces[index + 1].op != EQUAL
        if piece.op == EQUAL and between and not piece.text.strip():
            out += [Piece(DELETE, piece.text), Piece(INSERT, piece.text)]
        else:
            out.append(piece)
    return out


def _grouped(pieces: list[Piece]) -> list[Piece]:
    """Each run of changes as one deletion, then one insertion; equal runs as one piece."""
    out: list[Piece] = []
    run: dict[str, str] = {DELETE: "", INSERT: ""}

    def flush():
        out.extend(Piece(op, run[op]) for op in (DELETE, INSERT) if run[op])
        run[DELETE] = run[INSERT] = ""

    for piece in pieces:
        if piece.op == EQUAL:
            flush()
            if out and out[-1].op == EQUAL:
                out[-1] = Piece(EQUAL, out[-1].text + piece.text)
            else:
                out.append(piece)
        else:
            run[piece.op] += piece.text
    flush()
    return out


def side(pieces: list[Piece], op: str) -> str:
    """The text of one side: the old one (op DELETE) or the new one (op INSERT)."""
    return "".join(piece.text for piece in pieces if piece.op in (EQUAL, op))
