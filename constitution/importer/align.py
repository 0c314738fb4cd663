"""Align the languages' readings by number into one Source, and write it as an aligned source.

What one language lacks is written `missing` and reported; the output is validated in a
scratch folder before it replaces anything, so an error leaves the output folder as it was.
"""

from __future__ import annotations

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
from constitution.source.model import Article, Document, Preamble, Source


def numbered(groups) -> list[Number]:
    """Every number a language has, and the plain numbers below the highest that none has (still a
    unit, missing), in order."""
    found = {number for group in groups for number in group}
    top = max((number.main for number in found if not number.sub), default=0)
    plain = {(number.main, number.sub) for number in found}
    found |= {Number(n) for n in range(1, top + 1) if (n, 0) not in plain}
    unique = {}
    for number in sorted(found):
        unique.setdefault((number.main, number.sub), number)
    return list(unique.values())


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

    def unit(self, unit_id: str, pieces: dict[str, Piece | None], near: dict[str, int]) -> dict:
        texts = {lang: self.readings[lang].text(piece) for lang, piece in pieces.items()}
        lines = {lang: piece.line if piece else near.get(lang, 1) for lang, piece in pieces.items()}
        return self.entries(unit_id, texts, lines)

    def points(self, parent_id: str, owners: dict[str, Piece | None]) -> list[dict]:
        numbers = numbered(piece.points for piece in owners.values() if piece)
        near = {lang: piece.line for lang, piece in owners.items() if piece}
        out = []
        for number in numbers:
            point_id = ids.point_id(parent_id, number.main)
            pieces = {lang: piece.points.get(number) if piece else None for lang, piece in owners.items()}
            out.append({"id": point_id, "number": number.main, **self.unit(point_id, pieces, near)})
        return out

    def article(self, key: Number) -> dict:
        number = key.main
        article_id = ids.article_id(number)
        owners = {lang: reading.articles.get(key) for lang, reading in self.readings.items()}
        present = {lang: piece for lang, piece in owners.items() if piece}
        sections = {lang: piece.section.main if piece.section else None for lang, piece in present.items()}
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
            clause_id = ids.clause_id(number, clause_number.main)
            pieces = {lang: piece.clauses.get(clause_number) if piece else None for lang, piece in owners.items()}
            clause = {"id": clause_id, "number": clause_number.main, **self.unit(clause_id, pieces, near)}
            clause["points"] = self.points(clause_id, pieces)
            clauses.append(clause)
        data["clauses"] = clauses
        return data

    def error(self, lang: str, piece: Piece, unit_id: str, message: str) -> SourceError:
        return SourceError([Problem(self.readings[lang].path, piece.line, unit_id, lang, message)])


def aligned_source(readings: dict[str, Reading], template: Source, status: str,
                   keep: list[str]) -> tuple[Source, list[Problem]]:
    """One source from every language read; languages in `keep` come from the template."""
    before = {lang: {unit.id: unit.texts.lang(lang) for unit in template.units() if unit.texts.lang(lang)}
              for lang in languages.LANGUAGES}
    kept = {lang: before[lang] for lang in keep}
    aligner = Aligner(readings, status, kept, before)
    title = aligner.entries(ids.TITLE_ID, {lang: r.title for lang, r in readings.items()}, {})
    count = max(len(reading.recitals) for reading in readings.values())
    recitals = []
    for index in range(count):
        recital_id = ids.recital_id(index + 1)
        texts = {lang: r.recitals[index] if index < len(r.recitals) else None for lang, r in readings.items()}
        recitals.append({"id": recital_id, "number": index + 1, **aligner.entries(recital_id, texts, {})})
    articles = [aligner.article(number)
                for number in sorted({n for reading in readings.values() for n in reading.articles})]
    if not articles:  # a preamble alone: the template's articles stay as they are
        source = Source(template.document, Preamble.model_validate({"id": ids.PREAMBLE_ID, "recitals": recitals}),
                        template.articles, template.ui)
        reading = next(iter(readings.values()))
        aligner.problems.append(Problem(reading.path, 1, "", reading.lang, f"no article in this text: the template's "
                                        f"{len(template.articles)} article(s) are written as they were", WARNING))
        source.document = Document.model_validate({**template.document.model_dump(), "title": title}, strict=False)
        return source, aligner.problems
    sections = []
    for key in sorted({n for reading in readings.values() for n in reading.sections}):
        number = key.main
        section_id = ids.section_id(number)
        pieces = {lang: r.sections.get(key) for lang, r in readings.items()}
        texts = {lang: r.builder.text(pieces[lang].spans, flow=True) if pieces[lang] else None
                 for lang, r in readings.items()}
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
        Preamble.model_validate({"id": ids.PREAMBLE_ID, "recitals": recitals}),
        [Article.model_validate(article) for article in articles],
        template.ui,
    )
    return source, aligner.problems



def written_files(source: Source, template_dir: Path) -> dict[str, str]:
    files = save.source_files(source)
    files[paths.UI_FILE] = (Path(template_dir) / paths.UI_FILE).read_text(encoding="utf-8")
    return files


def checked_output(files: dict[str, str], out: Path) -> list[Problem]:
    """Validate the files before they replace anything in `out`: an error leaves it as it was.
    Returns the validator's warnings, named at their place in `out`."""
    with tempfile.TemporaryDirectory() as scratch:
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
    for stale in (out / paths.ARTICLES_DIR).glob("*.yaml"):
        if f"{paths.ARTICLES_DIR}/{stale.name}" not in files:
            stale.unlink()
