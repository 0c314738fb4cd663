"""Align the languages' readings by number into one Source, and write it as an aligned source.

What one language lacks is written `missing` and reported; the output is validated in a
scratch folder before it replaces anything, so an error leaves the output folder as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core import ids, languages, paths
from constitution.core.problems import (
    ERROR,
    WARNING,
    Problem,
    SourceError,
    display_path,
)
from constitution.importer.headings import Number
from constitution.importer.read import Piece, Reading
from constitution.source import save, validate
from constitution.source.model import SCHEMA_VERSION, Article, Document, Preamble, Source


def numbered(groups) -> list[Number]:
    """Every number a language has, and the plain numbers (or letters) below the highest that none
    has (still a unit, missing), in order."""
    found = {number for group in groups for number in group}
    letters = any(number.letter for number in found)
    top = max((number.main for number in found if not number.sub), default=0)
    plain = {(number.main, number.sub) for number in found}
    found |= {Number(n, letter=letters) for n in range(1, top + 1) if (n, 0) not in plain}
    unique = {}
    for number in sorted(found):
        unique.setdefault((number.main, number.sub), number)
    return list(unique.values())


def written(number: Number) -> ids.Number:
    """A reading's number as the source writes it: 26, "26-1", or a point's letter by position."""
    if number.letter:
        return ids.letter(number.main)
    return f"{number.main}-{number.sub}" if number.sub else number.main


@dataclass
class Aligner:
    """Builds aligned units: each given language's text, `missing` where it has none."""

    readings: dict[str, Reading]
    status: str
    kept: dict[str, dict]  # lang -> {unit id: LangText} taken from the template
    before: dict[str, dict]  # lang -> {unit id: LangText}: the template's, for the notes of unchanged texts
    problems: list[Problem] = field(default_factory=list)

    def entries(self, unit_id: str, texts: dict[str, str | None], lines: dict[str, int]) -> dict:
        out = {}
        for lang in languages.LANGUAGES:
            if lang in self.readings:
                text = texts.get(lang)
                if text:
                    out[lang] = {"status": self.status, "text": text}
                    prior = self.before.get(lang, {}).get(unit_id)
                    if prior is not None and prior.note and prior.text == text:  # a translator's note stays
                        out[lang]["note"] = prior.note                            # with the words it is about
                    continue
                self.problems.append(Problem(self.readings[lang].path, lines.get(lang, 1), unit_id, lang,
                                             "not in this text: written as missing", WARNING))
            elif lang in self.kept and unit_id in self.kept[lang]:
                out[lang] = self.kept[lang][unit_id].model_dump(exclude_defaults=True)
                continue
            out[lang] = {"status": "missing"}
        return out

    def lines(self, pieces: dict[str, Piece | None], near: dict[str, int]) -> dict[str, int]:
        return {lang: piece.line if piece else near.get(lang, 1) for lang, piece in pieces.items()}

    def body(self, unit_id: str, pieces: dict[str, Piece | None], near: dict[str, int]) -> dict:
        """A unit's own text (its part 1), its further parts and its notes."""
        parts = {lang: self.readings[lang].parts(piece) if piece else [] for lang, piece in pieces.items()}
        lines = self.lines(pieces, near)
        data = self.entries(unit_id, {lang: texts[0] if texts else None for lang, texts in parts.items()}, lines)
        extra = []
        for number in range(2, max((len(texts) for texts in parts.values()), default=0) + 1):
            part_id = ids.subparagraph_id(unit_id, number)
            texts = {lang: found[number - 1] if len(found) >= number else None for lang, found in parts.items()}
            extra.append({"id": part_id, "number": number, **self.entries(part_id, texts, lines)})
        if extra:
            data["parts"] = extra
        return {**data, **self.notes(unit_id, pieces, near)}

    def notes(self, owner_id: str, owners: dict[str, Piece | None], near: dict[str, int]) -> dict:
        found = {lang: piece.notes if piece else [] for lang, piece in owners.items()}
        notes = []
        for number in range(1, max((len(group) for group in found.values()), default=0) + 1):
            note_id = ids.note_id(owner_id, number)
            pieces = {lang: group[number - 1] if len(group) >= number else None for lang, group in found.items()}
            texts = {lang: self.readings[lang].text(piece) for lang, piece in pieces.items()}
            notes.append({"id": note_id, "number": number, **self.entries(note_id, texts, self.lines(pieces, near))})
        return {"notes": notes} if notes else {}

    def listed(self, parent_id: str, owners: dict[str, Piece | None]) -> dict:
        """The points of a clause (or an article) and the closing text after them."""
        near = {lang: piece.line for lang, piece in owners.items() if piece}
        points = []
        for number in numbered(piece.points for piece in owners.values() if piece):
            point_id = ids.point_id(parent_id, written(number))
            pieces = {lang: piece.points.get(number) if piece else None for lang, piece in owners.items()}
            points.append({"id": point_id, "number": written(number), **self.body(point_id, pieces, near)})
        data = {"points": points} if points else {}
        wraps = {lang: piece.wrap_up if piece else None for lang, piece in owners.items()}
        if points and any(wraps.values()):
            wrap_id = ids.wrap_up_id(parent_id)
            texts = {lang: self.readings[lang].text(piece) for lang, piece in wraps.items()}
            data["wrap_up"] = {"id": wrap_id, **self.entries(wrap_id, texts, self.lines(wraps, near)),
                               **self.notes(wrap_id, wraps, near)}
        return data

    def title(self, article_id: str, owners: dict[str, Piece | None]) -> dict:
        titles = {lang: self.readings[lang].title_of(piece) if piece and piece.title else None
                  for lang, piece in owners.items()}
        if not any(titles.values()):
            return {}
        return {"title": self.entries(ids.heading_id(article_id), titles, self.lines(owners, {}))}

    def article(self, key: Number, section_of) -> dict:
        number = written(key)
        article_id = ids.article_id(number)
        owners = {lang: reading.articles.get(key) for lang, reading in self.readings.items()}
        present = {lang: piece for lang, piece in owners.items() if piece}
        sections = {lang: piece.section.main if piece.section else None for lang, piece in present.items()}
        if None in sections.values():
            lang = next(lang for lang, section in sections.items() if section is None)
            section = section_of(number, present[lang], self.readings[lang])
            if section is None:
                raise self.error(lang, present[lang], article_id, f"Article {number} comes before any section "
                                 "heading, and the template has no section")
            sections = {lang: section for lang in present}
        if len(set(sections.values())) > 1:
            held = ", ".join(f"{lang} in section {section}" for lang, section in sections.items())
            raise self.error(next(iter(present)), next(iter(present.values())), article_id,
                             f"the languages put Article {number} in different sections ({held})")
        data = {"id": article_id, "number": number, "section": next(iter(sections.values())),
                **self.title(article_id, owners)}
        with_clauses = {lang for lang, piece in present.items() if piece.clauses}
        if not with_clauses:
            data.update(self.body(article_id, owners, {}))
            data.update(self.listed(article_id, owners))
            return data
        for lang, piece in present.items():
            if lang not in with_clauses:
                raise self.error(lang, piece, article_id,
                                 f"Article {number} has no numbered clauses here, but has them in "
                                 f"{', '.join(sorted(with_clauses))}")
            if self.readings[lang].text(piece) or piece.points:
                raise self.error(lang, piece, article_id, f"text before clause 1 of Article {number} "
                                 "(a note there starts with its word, like «Примечание.»)")
        near = {lang: piece.line for lang, piece in present.items()}
        clauses = []
        for clause_number in numbered(piece.clauses for piece in present.values()):
            clause_id = ids.clause_id(number, written(clause_number))
            pieces = {lang: piece.clauses.get(clause_number) if piece else None for lang, piece in owners.items()}
            body = self.body(clause_id, pieces, near)
            notes = body.pop("notes", None)
            clause = {"id": clause_id, "number": written(clause_number), **body, **self.listed(clause_id, pieces)}
            clauses.append({**clause, **({"notes": notes} if notes else {})})
        data["clauses"] = clauses
        data.update(self.notes(article_id, owners, near))  # a note after the heading, before clause 1
        return data

    def error(self, lang: str, piece: Piece, unit_id: str, message: str) -> SourceError:
        return SourceError([Problem(self.readings[lang].path, piece.line, unit_id, lang, message)])


def template_section(template: Source, problems: list[Problem]):
    """For an article read before any section heading (one article quoted alone): the template's
    section that holds its number, else the last section whose articles come before it (reported)."""
    def section_of(number: ids.Number, piece: Piece, reading: Reading) -> int | None:
        sections = template.document.sections
        for section in sections:
            if number in section.articles:
                return section.number
        before = [section for section in sections
                  if section.articles and ids.number_key(section.articles[0]) <= ids.number_key(number)]
        chosen = before[-1] if before else (sections[0] if sections else None)
        if chosen is not None:
            problems.append(Problem(reading.path, piece.line, ids.article_id(number), reading.lang,
                                    f"no section heading before Article {number}: put in the template's "
                                    f"section {chosen.number}", WARNING))
        return chosen.number if chosen else None
    return section_of


def aligned_source(readings: dict[str, Reading], template: Source, status: str,
                   keep: list[str]) -> tuple[Source, list[Problem]]:
    """One source from every language read; languages in `keep` come from the template."""
    before = {lang: {unit.id: unit.texts.lang(lang) for unit in template.units() if unit.texts.lang(lang)}
              for lang in languages.LANGUAGES}
    kept = {lang: before[lang] for lang in keep}
    aligner = Aligner(readings, status, kept, before)
    title = aligner.entries(ids.TITLE_ID, {lang: r.title for lang, r in readings.items()}, {})
    recitals = preamble(aligner, readings)
    articles = [aligner.article(number, template_section(template, aligner.problems))
                for number in sorted({n for reading in readings.values() for n in reading.articles})]
    if not articles:  # a preamble alone: the template's articles stay as they are
        reading = next(iter(readings.values()))
        aligner.problems.append(Problem(reading.path, 1, "", reading.lang, f"no article in this text: the template's "
                                        f"{len(template.articles)} article(s) are written as they were", WARNING))
        document = {**template.document.model_dump(), "title": title, "schema_version": SCHEMA_VERSION}
        return Source(Document.model_validate(document, strict=False), Preamble.model_validate(
            {"id": ids.PREAMBLE_ID, "recitals": recitals}), template.articles, template.ui), aligner.problems
    document = template.document.model_dump()
    document.update(title=title, sections=sections(aligner, readings, articles, template),
                    schema_version=SCHEMA_VERSION)
    plain = [ids.base_number(a["number"]) for a in articles]
    document["full_text"] = {
        "sections": max([document["full_text"]["sections"]] + [s["number"] for s in document["sections"]]),
        "articles": max([document["full_text"]["articles"]] + plain),
    }
    source = Source(
        Document.model_validate(document, strict=False),
        Preamble.model_validate({"id": ids.PREAMBLE_ID, "recitals": recitals}),
        [Article.model_validate(article, strict=False) for article in articles],
        template.ui,
    )
    return source, aligner.problems


def preamble(aligner: Aligner, readings: dict[str, Reading]) -> list[dict]:
    """The recitals; a note in the preamble belongs to the recital before it (the last one)."""
    count = max(len(reading.recitals) for reading in readings.values())
    recitals = []
    for index in range(count):
        recital_id = ids.recital_id(index + 1)
        texts = {lang: r.recitals[index] if index < len(r.recitals) else None for lang, r in readings.items()}
        recitals.append({"id": recital_id, "number": index + 1, **aligner.entries(recital_id, texts, {})})
    if recitals:
        owners = {lang: r.builder.preamble for lang, r in readings.items()}
        recitals[-1].update(aligner.notes(recitals[-1]["id"], owners, {}))
    return recitals


def sections(aligner: Aligner, readings: dict[str, Reading], articles: list[dict], template: Source) -> list[dict]:
    numbers = sorted({n for reading in readings.values() for n in reading.sections})
    if not numbers:  # one article quoted alone: the template's sections that hold it
        held = {article["section"] for article in articles}
        return [{**section.model_dump(exclude_defaults=True), "chapters": [],
                 "articles": [a["number"] for a in articles if a["section"] == section.number]}
                for section in template.document.sections if section.number in held]
    out = []
    for key in numbers:
        number = key.main
        section_id = ids.section_id(number)
        pieces = {lang: r.sections.get(key) for lang, r in readings.items()}
        texts = {lang: r.builder.text(pieces[lang].spans, flow=True) if pieces[lang] else None
                 for lang, r in readings.items()}
        lines = aligner.lines(pieces, {})
        section = {"id": section_id, "number": number, "title": aligner.entries(section_id, texts, lines),
                   "articles": [a["number"] for a in articles if a["section"] == number]}
        chapters = chapters_of(aligner, readings, key, articles)
        if chapters:
            section["chapters"] = chapters
        section.update(aligner.notes(section_id, pieces, lines))
        out.append(section)
    return out


def chapters_of(aligner: Aligner, readings: dict[str, Reading], section: Number, articles: list[dict]) -> list[dict]:
    numbers = sorted({n for r in readings.values() for n, piece in r.chapters.items() if piece.section == section})
    out = []
    for key in numbers:
        chapter_id = ids.chapter_id(ids.section_id(section.main), key.main)
        pieces = {lang: r.chapters.get(key) for lang, r in readings.items()}
        texts = {lang: r.builder.text(pieces[lang].spans, flow=True) if pieces[lang] else None
                 for lang, r in readings.items()}
        lines = aligner.lines(pieces, {})
        held = {written(number) for r in readings.values() for number, piece in r.articles.items()
                if piece.chapter == key and piece.section == section}
        out.append({"id": chapter_id, "number": key.main, "title": aligner.entries(chapter_id, texts, lines),
                    "articles": [a["number"] for a in articles if a["number"] in held],
                    **aligner.notes(chapter_id, pieces, lines)})
    return out


def written_files(source: Source, template_dir: Path) -> dict[str, str]:
    files = save.source_files(source)
    files[paths.UI_FILE] = (Path(template_dir) / paths.UI_FILE).read_text(encoding="utf-8")
    return files


def checked_output(files: dict[str, str], out: Path, around: bool = False) -> list[Problem]:
    """Validate the files before they replace anything in `out`: an error leaves it as it was.
    With `around`, the files join what `out` already holds (another edition's, the list), and
    the whole is validated. Returns the validator's warnings, named at their place in `out`."""
    with tempfile.TemporaryDirectory() as scratch:
        if around and Path(out).is_dir():
            shutil.copytree(out, scratch, dirs_exist_ok=True, symlinks=True)
        stale_articles(files, Path(scratch))
        save.write_files(files, Path(scratch))
        found = validate.problems(Path(scratch))
        prefix = display_path(Path(scratch))
    found = [Problem(p.path.replace(prefix, display_path(out), 1), p.line, p.id, p.lang, p.message, p.severity)
             for p in found]
    errors = [p for p in found if p.severity == ERROR]
    if errors:
        raise SourceError(errors)
    return found


def write_output(files: dict[str, str], out: Path) -> None:
    save.write_files(files, out)
    stale_articles(files, out)


def stale_articles(files: dict[str, str], out: Path) -> None:
    """Remove the article files of each folder `files` writes articles into that it does not write."""
    folders = {Path(relative).parent for relative in files if Path(relative).parent.name == paths.ARTICLES_DIR}
    folders |= {Path(relative).parent / paths.ARTICLES_DIR for relative in files
                if Path(relative).name == paths.DOCUMENT_FILE}
    for folder in folders:
        for stale in (out / folder).glob("*.yaml"):
            if (folder / stale.name).as_posix() not in files:
                stale.unlink()
