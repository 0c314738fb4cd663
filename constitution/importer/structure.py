"""Which candidates (headings.py) start units, and which text each unit holds.

A candidate is used where it stands as a heading stands, and its number is the next one
expected; anything else is text (and, at a line start, a warning):
- a heading at a line start stands alone, with at most its title (`Статья 5.`, `Раздел I Общие
  положения`), or is followed by its text or first clause where the line before it closed a
  sentence (one paragraph per article); inside a line it follows a sentence's end or a section's
  title, with the next number exactly;
- a clause `1.` or a point `1)` at a line start is the next number, or a later one where the line
  before closed a sentence (a gap, reported); inside a line it is the next number exactly, after
  a sentence's end (a clause) or after `:` (a first point) or `;` `,` `.` (a later one);
- nothing inside quotation marks is structure (an oath quoted with its own `1.` and `2.`);
- a note (`Примечание.`) starts at a line start or after a sentence, and belongs to the unit before.
Text that follows a list's last point as a sentence of its own is the clause's closing text;
a later point makes it part of the point before it again.

The layout is decided per paragraph: one where more units start inside its lines than at their
starts flows (its line breaks are spaces); in the others each line break is kept. A PDF's
paragraphs all flow.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from constitution.core.languages import UPPER
from constitution.importer import headings
from constitution.importer.headings import SENTENCE_END, Candidate, Number
from constitution.importer.report import Entry, quoted

HEADINGS = ("section", "chapter", "article")
TITLE_WORDS = 15
OPENING, CLOSING = headings.OPENING_QUOTES, headings.CLOSING_QUOTES


@dataclass
class Piece:
    """One unit's text in one language as read: spans of the body, the line it starts on."""

    kind: str  # preamble, section, chapter, article, clause, point, note
    line: int
    number: Number | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    title: list[tuple[int, int]] = field(default_factory=list)  # an article's title
    wrap_up: Piece | None = None  # its closing text, after its points
    section: Number | None = None
    chapter: Number | None = None
    clauses: dict[Number, Piece] = field(default_factory=dict)
    points: dict[Number, Piece] = field(default_factory=dict)
    notes: list[Piece] = field(default_factory=list)
    parent: Piece | None = None


class Builder:
    """Reads the body once, candidate by candidate, into pieces."""

    def __init__(self, body: str, line_numbers: list[int], lang: str, path: str, flowing_all: bool):
        self.body, self.numbers, self.lang, self.path = body, line_numbers, lang, path
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", body)]
        self.flowing_all = flowing_all
        self.flowing: set[int] = set()  # paragraphs (by their first line's index) that flow
        self.marks: dict[int, int] = {}  # per paragraph: units started inside lines less those at line starts
        self.entries: list[Entry] = []
        self.preamble = Piece("preamble", 1)
        self.sections: dict[Number, Piece] = {}
        self.chapters: dict[Number, Piece] = {}  # numbered through the whole document
        self.articles: dict[Number, Piece] = {}
        self.target = self.preamble
        self.section = self.chapter = self.article = self.clause = None
        self.cursor = 0
        self.mark_end = -1  # where the last used candidate ended
        self.quotes = 0  # quotation marks open in the current unit's text, up to `quoted_to`
        self.quoted_to = self.straight = 0
        self.paragraph_of = self._paragraphs()

    # --- places in the body ---------------------------------------------------------------------

    def _paragraphs(self) -> list[int]:
        """For each body line, the index of its paragraph's first line (blank lines separate them)."""
        out, first = [], 0
        lines = self.body.split("\n")
        for index, text in enumerate(lines):
            if not text.strip():
                first = index + 1
            out.append(first)
        return out

    def line_index(self, position: int) -> int:
        return bisect.bisect_right(self.line_starts, position) - 1

    def line_of(self, position: int) -> int:
        return self.numbers[self.line_index(position)]

    def at_line_start(self, position: int) -> bool:
        start = self.line_starts[self.line_index(position)]
        return not self.body[start:position].strip()

    def line_rest(self, position: int) -> str:
        end = self.body.find("\n", position)
        return self.body[position:end if end >= 0 else len(self.body)]

    def before(self, position: int) -> str:
        """The last character before `position` that is not a space (in the body), or ''."""
        text = self.body[max(0, position - 200):position].rstrip()
        return text[-1:] if text else ""

    def previous_line_closed(self, position: int) -> bool:
        """The line before this one is blank, a heading's or title's, or ends a sentence."""
        index = self.line_index(position)
        if index == 0 or self.paragraph_of[index] == index:
            return True
        if self.target.kind in ("section", "chapter"):
            return True
        previous = self.body[self.line_starts[index - 1]:self.line_starts[index]].rstrip()
        return not previous or previous[-1] in SENTENCE_END or self.mark_end >= self.line_starts[index - 1] \
            and not self.body[self.mark_end:self.line_starts[index]].strip()

    def just_after_mark(self, position: int) -> bool:
        return self.mark_end >= 0 and not self.body[self.mark_end:position].strip()

    def in_quotes(self, position: int) -> bool:
        text = self.body[self.quoted_to:position]
        self.quotes += sum(text.count(q) for q in OPENING) - sum(text.count(q) for q in CLOSING)
        self.straight = (self.straight + text.count('"')) % 2  # straight quotes pair up
        self.quoted_to = position
        return self.quotes > 0 or self.straight == 1

    # --- the report -------------------------------------------------------------------------------

    def warn(self, position: int, what: str) -> None:
        self.entries.append(Entry(self.path, self.line_of(position), self.lang, "warning", what))

    # --- reading ----------------------------------------------------------------------------------

    def read(self, candidates: list[Candidate], start: int) -> None:
        self.cursor = self.quoted_to = start
        for candidate in candidates:
            if candidate.start < self.cursor:
                continue
            if self.decide(candidate):
                self.take(candidate)
        self.flush(len(self.body))
        self.trailing = self.after_the_text()

    def after_the_text(self) -> tuple[int, int] | None:
        """Paragraphs after a text that flows, with no unit of their own (a news page's `Source:` line),
        are not its last unit's: they are cut off, for the report."""
        if self.mark_end < 0 or self.flowing_all:
            return None
        last = self.paragraph_of[self.line_index(self.mark_end)]
        if last not in self.flowing:
            return None
        blank = re.compile(r"\n[ \t]*\n").search(self.body, self.mark_end)
        if blank is None or not self.body[blank.end():].strip():
            return None
        piece = self.target
        piece.spans = [(start, min(end, blank.start())) for start, end in piece.spans if start < blank.start()]
        if piece.kind == "wrap_up" and not piece.spans and not piece.notes:
            piece.parent.wrap_up = None
        return blank.end(), len(self.body)

    def decide(self, candidate: Candidate) -> bool:
        at_start = self.at_line_start(candidate.start)
        quoted_here = self.in_quotes(candidate.start)
        if candidate.kind == "note":
            return not quoted_here and (at_start or self.before(candidate.start) in SENTENCE_END)
        if quoted_here:
            return False
        if self.target.kind == "note" and not at_start and not self.body[self.mark_end:candidate.start].strip():
            return False  # «Сноска. Статья 2 с изменениями …»: the note's own words
        if candidate.kind in HEADINGS:
            return self.heading(candidate, at_start)
        return self.numbered(candidate, at_start)

    def last(self, kind: str) -> Number | None:
        if kind == "section":
            return max(self.sections, default=None)
        if kind == "article":
            return max(self.articles, default=None)
        return max(self.chapters, default=None)

    def heading(self, candidate: Candidate, at_start: bool) -> bool:
        rest_match = headings.heading_end(self.body, candidate.end)
        rest = self.line_rest(candidate.end)
        if rest_match is None:  # goes on in lower case: a sentence that names it
            return False
        last = self.last(candidate.kind)
        follows = last is None or candidate.number.follows(last)
        form = self.form(candidate.kind, rest)
        if not at_start:
            return follows and (self.before(candidate.start) in SENTENCE_END or self.just_after_mark(candidate.start)
                                or self.target.kind in ("section", "chapter"))
        closed = self.previous_line_closed(candidate.start)
        if follows and (form != "text" or closed):
            return True
        paragraph_start = self.paragraph_of[self.line_index(candidate.start)] == self.line_index(candidate.start)
        if last is not None and candidate.number > last and (form != "text" and closed or paragraph_start):
            self.warn(candidate.start, f"{candidate.kind} {candidate.number} follows {candidate.kind} {last}: "
                                       f"a gap in the numbers")
            return True
        expected = "the first" if last is None else f"after {candidate.kind} {last}"
        self.warn(candidate.start, f"{quoted(self.line_rest(candidate.start))} looks like a heading "
                                   f"({candidate.kind}) but is not {expected}, or does not stand alone: read as text")
        return False

    @staticmethod
    def form(kind: str, rest: str) -> str:
        """alone, titled (a title on the same line) or text (the unit's text follows)."""
        if not rest.strip(" .\t"):
            return "alone"
        if kind != "article":
            return "titled"
        if re.match(r"\s*[.:–—-]\s+\S", rest) and rest.rstrip()[-1] not in SENTENCE_END \
                and len(rest.split()) <= TITLE_WORDS:
            return "titled"
        return "text"

    def owner(self, kind: str) -> Piece | None:
        if kind == "clause":
            return self.article
        return self.clause if self.clause is not None else self.article

    def numbered(self, candidate: Candidate, at_start: bool) -> bool:
        owner = self.owner(candidate.kind)
        if owner is None:
            return False
        siblings = owner.clauses if candidate.kind == "clause" else owner.points
        if candidate.kind == "point" and siblings and next(iter(siblings)).letter != candidate.number.letter:
            return False
        last = max(siblings, default=None)
        follows = candidate.number.follows(last)
        if not at_start:
            before = self.before(candidate.start)
            if candidate.kind == "clause":
                place = before in SENTENCE_END or self.just_after_mark(candidate.start)
            else:
                place = before == ":" if last is None else before in ";,.:"
            return follows and place and bool(self.line_rest(candidate.end).strip())
        if follows:
            return True
        if last is not None and candidate.number > last and self.previous_line_closed(candidate.start):
            self.warn(candidate.start, f"{candidate.kind} {candidate.number} follows {candidate.kind} {last}: "
                                       "a gap in the numbers")
            return True
        expected = f"{candidate.kind} 1" if last is None else f"the {candidate.kind} after {last}"
        self.warn(candidate.start, f"{quoted(self.line_rest(candidate.start))} starts like a {candidate.kind} "
                                   f"but is not {expected} or continues a line: read as text")
        return False

    def take(self, candidate: Candidate) -> None:
        """Start the unit the candidate names."""
        self.flush(candidate.start)
        paragraph = self.paragraph_of[self.line_index(candidate.start)]
        self.marks[paragraph] = self.marks.get(paragraph, 0) + (-1 if self.at_line_start(candidate.start) else 1)
        if self.marks[paragraph] > 0:  # more units start inside its lines than at their starts: it flows
            self.flowing.add(paragraph)
        else:
            self.flowing.discard(paragraph)
        piece = Piece(candidate.kind, self.line_of(candidate.start), candidate.number)
        end = candidate.end
        if candidate.kind == "section":
            self.sections[candidate.number] = piece
            self.section, self.chapter, self.article, self.clause = candidate.number, None, None, None
        elif candidate.kind == "chapter":
            self.chapters[candidate.number] = piece
            piece.section, self.chapter, self.article, self.clause = self.section, candidate.number, None, None
        elif candidate.kind == "article":
            piece.section, piece.chapter = self.section, self.chapter
            self.articles[candidate.number] = self.article = piece
            self.clause = None
            rest = self.line_rest(end)
            if self.form("article", rest) == "titled":
                separator = re.match(r"\s*[.:–—-]\s+", rest)
                piece.title.append((end + separator.end(), end + len(rest)))
                end += len(rest)
        elif candidate.kind == "clause":
            piece.parent = self.article
            self.article.clauses[candidate.number] = self.clause = piece
        elif candidate.kind == "point":
            owner = self.owner("point")
            piece.parent = owner
            if owner.points and owner.wrap_up:  # what seemed to close the list was the last point's
                last = owner.points[max(owner.points)]
                last.spans.extend(owner.wrap_up.spans)
                last.notes.extend(owner.wrap_up.notes)
                owner.wrap_up = None
            owner.points[candidate.number] = piece
        else:  # a note, label word and all: of the unit being read
            owner = self.target.parent if self.target.kind == "note" else self.target
            piece.parent = owner
            owner.notes.append(piece)
            end = candidate.start
        if candidate.kind in ("section", "chapter", "article"):
            dot = re.match(r"\.", self.body[end:])  # `Статья 1.`: the dot is the heading's
            end += 1 if dot and candidate.kind != "article" or dot and not piece.title else 0
        self.target = piece
        self.cursor = self.mark_end = end
        self.quotes, self.straight, self.quoted_to = 0, 0, end

    def flush(self, end: int) -> None:
        """Give the text up to `end` to the unit being read."""
        start, self.cursor = self.cursor, end
        if not self.body[start:end].strip():
            return
        piece = self.target
        if piece.kind == "article" and not piece.spans and not piece.title:
            start = self.title_line(piece, start, end)
        if piece.kind == "point":
            closing = self.closing_text(piece, start, end)
            if closing is not None:
                if start < closing:
                    piece.spans.append((start, closing))
                owner = piece.parent
                owner.wrap_up = Piece("wrap_up", self.line_of(closing), parent=owner)
                self.target, start = owner.wrap_up, closing
                piece = self.target
        if start < end and self.body[start:end].strip():
            piece.spans.append((start, end))

    def title_line(self, piece: Piece, start: int, end: int) -> int:
        """An article heading alone on its line may have its title on the next: a short line that ends
        no sentence, followed by more text. Returns where the article's own text starts."""
        text = self.body[start:end]
        lines = text.lstrip("\n").split("\n")
        first = lines[0].strip()
        if len(lines) < 2 or not first or first[-1] in SENTENCE_END or len(first.split()) > TITLE_WORDS \
                or not re.match(rf"[{UPPER}]", first) or not self.at_line_start(start + text.index(first)):
            return start
        if self.flowing_all:  # a PDF's lines are wrapped: a title line is followed by a clause's number
            form = headings.forms(self.lang)
            if not (form.clause.match(lines[1].strip()) or form.point.match(lines[1].strip())):
                return start
        begin = start + text.index(first)
        piece.title.append((begin, begin + len(first)))
        return begin + len(first)

    def closing_text(self, piece: Piece, start: int, end: int) -> int | None:
        """Where a list's closing sentence starts in this text of a point, if it has one."""
        text = self.body[start:end]
        said = "".join(self.body[s:e] for s, e in piece.spans).rstrip()
        if said and said[-1] in ".!?" and re.match(rf"\s*[{UPPER}«\"“]", text):
            return start + len(text) - len(text.lstrip())
        match = re.search(rf"[.!?](\s+)(?=[{UPPER}«\"“])", text)
        return start + match.end() if match else None

    # --- the text of a unit ---------------------------------------------------------------------

    def parts(self, spans: list[tuple[int, int]], flow: bool = False) -> list[str]:
        """The spans' words as paragraphs: a new one where a blank line is, or a line break where the
        paragraph does not flow and the line before ends a sentence; a line that ends none (a wrapped
        line) goes on. With `flow` it is one paragraph."""
        lines: list[tuple[int, str]] = []  # (line index, the line's words)
        for start, end in spans:
            index = self.line_index(start)
            for number, line in enumerate(self.body[start:end].split("\n")):
                words = " ".join(line.split())
                if words:
                    lines.append((index + number, words))
        if not lines:
            return []
        out = [lines[0][1]]
        for (before, _), (index, words) in zip(lines, lines[1:]):
            paragraph = self.paragraph_of[index]
            flows = flow or self.flowing_all or index == before
            blank = not flows and paragraph != self.paragraph_of[before]
            broken = not flows and paragraph not in self.flowing and out[-1][-1] in SENTENCE_END
            if blank or broken:
                out.append(words)
            else:
                out[-1] += " " + words
        return out

    def text(self, spans: list[tuple[int, int]], flow: bool = False) -> str | None:
        """The spans' words, a line between paragraphs (parts) kept."""
        return "\n".join(self.parts(spans, flow)) or None
