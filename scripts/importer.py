"""`python -m scripts import`: read the constitution as published (plain UTF-8 text, one file
per language) and write an aligned source in the layout of translations/.

Each file is read on its own: the title (in capitals), the preamble, section and article
headings, clauses `1.` and points `1)`, in either layout (one heading or clause per line, or
run-on text). The languages are then aligned by number; what one lacks is written
`missing` and reported. Only whitespace is normalised (and Unicode to NFC, as validate
requires); the words are kept as published.
"""

from __future__ import annotations

import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import constants, save, validate
from .load import ERROR, WARNING, Problem, SourceError, display_path
from .model import Article, Document, Preamble, Source

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
ROMAN = "[IVXLCІХ]+"  # Kazakh and Russian texts often type Cyrillic І and Х for Roman I and X
NEVER = r"(?!)"
MAX_INPUT_BYTES = 20_000_000


@dataclass(frozen=True)
class Patterns:
    """How one language writes the parts of the text; each heading's group 1 is its number."""

    draft: str  # the word printed with the title of a draft
    title_word: str  # a word of the title, which is printed in capitals
    section: str
    article: str
    address: str  # the preamble's opening address ("We, the people ...,"): its first recital
    # In run-on text a recital ends at a comma after a word like `recital_ends`, or before a
    # word like `recital_starts`: each recital is a participial phrase of its own.
    recital_ends: str
    recital_starts: str


PATTERNS = {
    "kk": Patterns(
        draft="Жоба|ЖОБА", title_word="КОНСТИТУЦИЯ",
        section=rf"(?<!\w)({ROMAN}|\d{{1,2}})(?:-|\s)(?i:бөлім)\b", article=r"(?<!\w)(\d{1,3})-(?i:бап)\b",
        address=r"Біз,[^,]*,", recital_ends=r"\w+(?:ып|іп|п)",  # converb: сақтай отырып,
        recital_starts=NEVER),
    "ru": Patterns(
        draft="Проект|ПРОЕКТ", title_word="КОНСТИТУЦИЯ",
        section=rf"(?<!\w)(?i:Раздел)\s+({ROMAN})\b", article=r"(?<!\w)(?i:Статья)\s+(\d{1,3})\b",
        address=r"Мы,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[А-ЯЁ]\w*|\w+(?:я|ясь|вшись|аем|яем)"),  # деепричастие, принимаем
    "en": Patterns(
        draft="Draft|Project|DRAFT|PROJECT", title_word="CONSTITUTION",
        section=rf"(?<!\w)(?i:Section)\s+({ROMAN})\b", article=r"(?<!\w)(?i:Article)\s+(\d{1,3})\b",
        address=r"We,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[A-Z]\w*|\w+(?:ing|ed)"),  # a capital or a participle
}
assert tuple(PATTERNS) == constants.LANGUAGES
# A heading is followed by the end of its line, or by a capital, a digit or a quote.
HEADING_END = rf"\.?(?=[ \t]*$|\s+[{UPPER}\d«\"“(])"
CLAUSE = r"(?<!\S)(\d{1,3})\.(?!\d)"
POINT = r"(?<!\S)(\d{1,3})\)"
TITLE_WORD = rf"[{UPPER}][{UPPER}\-]+(?!\w)"
TITLE_WORD_OR_LETTER = rf"[{UPPER}][{UPPER}\-]*(?!\w)"  # "A", "I" inside a title


# --- reading one language --------------------------------------------------------------

@dataclass
class Piece:
    """One unit's text in one language as read, with the line it starts on."""

    line: int
    raw: str = ""
    section: int | None = None  # articles only
    clauses: dict[int, Piece] = field(default_factory=dict)
    points: dict[int, Piece] = field(default_factory=dict)


@dataclass
class Reading:
    lang: str
    path: str
    layout: str  # "lines" or "run-on"
    title: str | None
    recitals: list[str]
    sections: dict[int, Piece]
    articles: dict[int, Piece]

    def text(self, piece: Piece | None) -> str | None:
        if piece is None:
            return None
        if self.layout == "run-on":
            return " ".join(piece.raw.split()) or None
        lines = (" ".join(line.split()) for line in piece.raw.splitlines())
        return "\n".join(line for line in lines if line) or None


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # section, article, clause, point
    number: int


def collapse(text: str) -> str:
    return " ".join(text.split())


def roman_number(letters: str) -> int | None:
    letters = letters.replace("І", "I").replace("Х", "X")
    number = constants.from_roman(letters)
    return number if constants.roman(number) == letters else None


def split_recitals(text: str, lang: str, opening: bool = True) -> list[str]:
    """Split a preamble paragraph into recitals by the language's patterns."""
    patterns, recitals = PATTERNS[lang], []
    text = collapse(text)
    address = re.match(patterns.address, text) if opening else None
    if address:
        recitals.append(address.group())
        text = text[address.end():].lstrip()
    start = 0
    for gap in re.finditer(r"(?<=[,;.])\s+", text):
        before = re.findall(r"\w+", text[start:gap.start()])
        after = re.match(r"[^\s,;.:]+", text[gap.end():])
        if not before or not after:
            continue
        if text[gap.start() - 1] == ".":
            ends = bool(re.match(rf"[{UPPER}]", after.group()))
        else:
            ends = bool(re.fullmatch(patterns.recital_ends, before[-1])
                        or re.fullmatch(patterns.recital_starts, after.group()))
        if ends:
            recitals.append(text[start:gap.start()])
            start = gap.end()
    if text[start:]:
        recitals.append(text[start:])
    return recitals


def find_title(text: str, patterns: Patterns) -> tuple[str | None, int]:
    """The document's title (the first run of capitals naming the constitution) and its end."""
    for run in re.finditer(rf"(?<!\w){TITLE_WORD}(?:\s+{TITLE_WORD_OR_LETTER})*", text):
        if patterns.title_word in run.group():
            words = run.group().split()
            if re.fullmatch(patterns.draft, words[0]):
                words = words[1:]
            return " ".join(words), run.end()
    return None, 0


def marks(body: str, patterns: Patterns) -> list[Mark]:
    found = []
    for kind, pattern in (("section", patterns.section + HEADING_END), ("article", patterns.article + HEADING_END),
                          ("clause", CLAUSE), ("point", POINT)):
        for match in re.finditer(pattern, body, re.MULTILINE):
            number = roman_number(match.group(1)) if kind == "section" and not match.group(1).isdigit() \
                else int(match.group(1))
            if number:
                found.append(Mark(match.start(), match.end(), kind, number))
    return sorted(found, key=lambda mark: (mark.start, -mark.end))


def _at_line_start(text: str, position: int) -> bool:
    return not text[text.rfind("\n", 0, position) + 1:position].strip()


def read_text(text: str, lang: str, path: str) -> tuple[Reading | None, list[Problem]]:
    """Read one language's published text; a text with no article heading is an error."""
    patterns = PATTERNS[lang]
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    title, start = find_title(text, patterns)
    draft = re.match(rf"\s*(?:{patterns.draft})\b\.?", text[start:])
    start += draft.end() if draft else 0
    body = text[start:]
    candidates = marks(body, patterns)
    first = next((mark for mark in candidates if mark.kind == "article"), None)
    if first is None:
        example = {"kk": "2-бап", "ru": "Статья 2", "en": "Article 2"}[lang]
        return None, [Problem(path, 1, "", lang, f"no article heading (like '{example}') found: not a text to import")]
    layout = "lines" if _at_line_start(body, first.start) else "run-on"
    if layout == "run-on":  # the document is one paragraph: it ends at the next blank line
        blank = re.compile(r"\n[ \t]*\n").search(body, first.end)
        body = body[:blank.start()] if blank else body

    def line_of(position: int) -> int:
        return text.count("\n", 0, start + position) + 1

    preamble = Piece(line_of(0))
    sections: dict[int, Piece] = {}
    articles: dict[int, Piece] = {}
    current, section, article, clause = preamble, None, None, None
    cursor = 0
    for mark in candidates:
        if mark.start < cursor or mark.end > len(body):
            continue
        if layout == "lines" and not _at_line_start(body, mark.start):
            continue
        piece = Piece(line_of(mark.start))
        if mark.kind == "section":
            if sections and mark.number <= max(sections):
                continue
            sections[mark.number] = piece
            section, article, clause = mark.number, None, None
        elif mark.kind == "article":
            if articles and mark.number <= max(articles):
                continue
            piece.section = section
            articles[mark.number] = article = piece
            clause = None
        else:
            parent = (article if mark.kind == "clause" else clause or article)
            if parent is None:
                continue
            siblings = parent.clauses if mark.kind == "clause" else parent.points
            last = max(siblings, default=0)
            if not (mark.number > last if layout == "lines" else mark.number == last + 1):
                continue
            siblings[mark.number] = piece
            if mark.kind == "clause":
                clause = piece
        current.raw += body[cursor:mark.start]
        current, cursor = piece, mark.end
    current.raw += body[cursor:]

    lines = preamble.raw.splitlines() if layout == "lines" else [preamble.raw]
    recitals = [recital for index, line in enumerate(l for l in lines if l.strip())
                for recital in split_recitals(line, lang, opening=index == 0)]
    return Reading(lang, path, layout, title, recitals, sections, articles), []


def read_file(path: Path, lang: str) -> tuple[Reading | None, list[Problem]]:
    shown = display_path(path)
    if not path.is_file():
        return None, [Problem(shown, 1, "", lang, "no such file")]
    raw = path.read_bytes()
    if len(raw) > MAX_INPUT_BYTES:
        return None, [Problem(shown, 1, "", lang, f"file is {len(raw)} bytes, more than {MAX_INPUT_BYTES}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "", lang, f"not UTF-8 text (byte 0x{raw[error.start]:02x})")]
    if "\x00" in text:
        return None, [Problem(shown, text[: text.index("\x00")].count("\n") + 1, "", lang,
                              "binary data (NUL byte), not plain text")]
    return read_text(text, lang, shown)


# --- aligning the languages ------------------------------------------------------------

def numbered(groups) -> range:
    """Numbers 1 to the highest any language has: a number none has is still a unit, missing."""
    return range(1, max((max(group, default=0) for group in groups), default=0) + 1)


@dataclass
class Aligner:
    """Builds aligned units: each given language's text, `missing` where it has none."""

    readings: dict[str, Reading]
    status: str
    kept: dict[str, dict]  # lang -> {unit id: LangText} taken from the template
    problems: list[Problem] = field(default_factory=list)

    def entries(self, unit_id: str, texts: dict[str, str | None], lines: dict[str, int]) -> dict:
        out = {}
        for lang in constants.LANGUAGES:
            if lang in self.readings:
                text = texts.get(lang)
                if text:
                    out[lang] = {"status": self.status, "text": text}
                    continue
                self.problems.append(Problem(self.readings[lang].path, lines.get(lang, 1), unit_id, lang,
                                             "not in this text: written as missing", WARNING))
            elif lang in self.kept and unit_id in self.kept[lang]:
                out[lang] = self.kept[lang][unit_id].model_dump(exclude_defaults=True)
                continue
            out[lang] = {"status": "missing"}
        return out

    def unit(self, unit_id: str, pieces: dict[str, Piece | None], near: dict[str, int]) -> dict:
        texts = {lang: self.readings[lang].text(piece) for lang, piece in pieces.items()}
        lines = {lang: piece.line if piece else near.get(lang, 1) for lang, piece in pieces.items()}
        return self.entries(unit_id, texts, lines)

    def points(self, parent_id: str, owners: dict[str, Piece | None]) -> list[dict]:
        numbers = numbered(piece.points for piece in owners.values() if piece)
        near = {lang: piece.line for lang, piece in owners.items() if piece}
        out = []
        for number in numbers:
            point_id = constants.point_id(parent_id, number)
            pieces = {lang: piece.points.get(number) if piece else None for lang, piece in owners.items()}
            out.append({"id": point_id, "number": number, **self.unit(point_id, pieces, near)})
        return out

    def article(self, number: int) -> dict:
        article_id = constants.article_id(number)
        owners = {lang: reading.articles.get(number) for lang, reading in self.readings.items()}
        present = {lang: piece for lang, piece in owners.items() if piece}
        sections = {lang: piece.section for lang, piece in present.items()}
        if None in sections.values():
            lang = next(lang for lang, section in sections.items() if section is None)
            raise self.error(lang, present[lang], article_id, f"Article {number} comes before any section heading")
        if len(set(sections.values())) > 1:
            held = ", ".join(f"{lang} in section {section}" for lang, section in sections.items())
            raise self.error(next(iter(present)), next(iter(present.values())), article_id,
                             f"the languages put Article {number} in different sections ({held})")
        with_clauses = {lang for lang, piece in present.items() if piece.clauses}
        data = {"id": article_id, "number": number, "section": next(iter(sections.values()))}
        if not with_clauses:
            data.update(self.unit(article_id, owners, {}))
            data["points"] = self.points(article_id, owners)
            return data
        for lang, piece in present.items():
            if lang not in with_clauses:
                raise self.error(lang, piece, article_id,
                                 f"Article {number} has no numbered clauses here, but has them in "
                                 f"{', '.join(sorted(with_clauses))}")
            if self.readings[lang].text(piece) or piece.points:
                raise self.error(lang, piece, article_id, f"text before clause 1 of Article {number}")
        near = {lang: piece.line for lang, piece in present.items()}
        clauses = []
        for clause_number in numbered(piece.clauses for piece in present.values()):
            clause_id = constants.clause_id(number, clause_number)
            pieces = {lang: piece.clauses.get(clause_number) if piece else None for lang, piece in owners.items()}
            clause = {"id": clause_id, "number": clause_number, **self.unit(clause_id, pieces, near)}
            clause["points"] = self.points(clause_id, pieces)
            clauses.append(clause)
        data["clauses"] = clauses
        return data

    def error(self, lang: str, piece: Piece, unit_id: str, message: str) -> SourceError:
        return SourceError([Problem(self.readings[lang].path, piece.line, unit_id, lang, message)])


def aligned_source(readings: dict[str, Reading], template: Source, status: str,
                   keep: list[str]) -> tuple[Source, list[Problem]]:
    """One source from every language read; languages in `keep` come from the template."""
    kept = {lang: {unit.id: unit.texts.lang(lang) for unit in template.units() if unit.texts.lang(lang)}
            for lang in keep}
    aligner = Aligner(readings, status, kept)
    title = aligner.entries(constants.TITLE_ID, {lang: r.title for lang, r in readings.items()}, {})
    count = max(len(reading.recitals) for reading in readings.values())
    recitals = []
    for index in range(count):
        recital_id = constants.recital_id(index + 1)
        texts = {lang: r.recitals[index] if index < len(r.recitals) else None for lang, r in readings.items()}
        recitals.append({"id": recital_id, "number": index + 1, **aligner.entries(recital_id, texts, {})})
    articles = [aligner.article(number)
                for number in sorted({n for reading in readings.values() for n in reading.articles})]
    sections = []
    for number in sorted({n for reading in readings.values() for n in reading.sections}):
        section_id = constants.section_id(number)
        pieces = {lang: r.sections.get(number) for lang, r in readings.items()}
        texts = {lang: collapse(piece.raw) if piece else None for lang, piece in pieces.items()}
        lines = {lang: piece.line for lang, piece in pieces.items() if piece}
        sections.append({"id": section_id, "number": number, "title": aligner.entries(section_id, texts, lines),
                         "articles": [a["number"] for a in articles if a["section"] == number]})
    document = template.document.model_dump()
    document.update(title=title, sections=sections)
    document["full_text"] = {
        "sections": max([document["full_text"]["sections"]] + [s["number"] for s in sections]),
        "articles": max([document["full_text"]["articles"]] + [a["number"] for a in articles]),
    }
    source = Source(
        Document.model_validate(document, strict=False),
        Preamble.model_validate({"id": constants.PREAMBLE_ID, "recitals": recitals}),
        [Article.model_validate(article) for article in articles],
        template.ui,
    )
    return source, aligner.problems


# --- the command -----------------------------------------------------------------------

def written_files(source: Source, template_dir: Path) -> dict[str, str]:
    files = save.source_files(source)
    files[constants.UI_FILE] = (Path(template_dir) / constants.UI_FILE).read_text(encoding="utf-8")
    return files


def checked_output(files: dict[str, str], out: Path) -> None:
    """Validate the files before they replace anything in `out`: an error leaves it as it was."""
    with tempfile.TemporaryDirectory() as scratch:
        save.write_files(files, Path(scratch))
        errors = [p for p in validate.problems(Path(scratch)) if p.severity == ERROR]
    if errors:
        prefix = display_path(Path(scratch))
        raise SourceError([Problem(p.path.replace(prefix, display_path(out), 1), p.line, p.id, p.lang, p.message)
                           for p in errors])


def write_output(files: dict[str, str], out: Path) -> None:
    save.write_files(files, out)
    for stale in (out / constants.ARTICLES_DIR).glob("*.yaml"):
        if f"{constants.ARTICLES_DIR}/{stale.name}" not in files:
            stale.unlink()


def add_arguments(parser):
    for lang in constants.LANGUAGES:
        parser.add_argument(f"--{lang}", type=Path, metavar="FILE", help=f"the published {lang} text, plain UTF-8")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="where to write the aligned source")
    parser.add_argument("--template", type=Path, default=constants.SOURCE_DIR, metavar="DIR",
                        help="source whose edition, languages, sources, timeline and ui.yaml are reused "
                             "(default: translations/)")
    parser.add_argument("--status", choices=("official", "unofficial"), default="official",
                        help="status of the imported text (default: official, as published by the state body)")
    parser.add_argument("--keep", nargs="+", default=[], choices=constants.LANGUAGES, metavar="LANG",
                        help="languages not imported whose text is kept from the template, unit by unit")


def run(args) -> int:
    given = {lang: getattr(args, lang) for lang in constants.LANGUAGES if getattr(args, lang)}
    if not given:
        print("import: give at least one of --kk, --ru, --en", file=sys.stderr)
        return 2
    if set(args.keep) & set(given):
        print(f"import: --keep {' '.join(sorted(set(args.keep) & set(given)))} is also imported", file=sys.stderr)
        return 2
    template = validate.checked_source(args.template)
    readings, errors = {}, []
    for lang, path in given.items():
        reading, found = read_file(path, lang)
        errors.extend(found)
        if reading:
            readings[lang] = reading
    if errors:
        raise SourceError(errors)
    source, reported = aligned_source(readings, template, args.status, args.keep)
    files = written_files(source, args.template)
    checked_output(files, args.out)
    write_output(files, args.out)
    for problem in reported:
        print(problem, file=sys.stderr)
    for lang in constants.LANGUAGES:
        if lang not in given and lang not in args.keep:
            print(f"{display_path(args.out / constants.DOCUMENT_FILE)}:1: -: {lang}: warning: no --{lang} file "
                  f"and no --keep {lang}: every {lang} text is written as missing", file=sys.stderr)
    clauses = sum(len(article.clauses) for article in source.articles)
    layouts = ", ".join(f"{lang} ({reading.layout})" for lang, reading in readings.items())
    print(f"wrote {display_path(args.out)}: {len(source.preamble.recitals)} recitals, "
          f"{len(source.document.sections)} section(s), {len(source.articles)} article(s), {clauses} clause(s) "
          f"from {layouts}; {len(reported)} unit(s) missing in a given language")
    return 0
