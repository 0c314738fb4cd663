"""One import from the command's options to the files it writes and the report it prints.

The report (report.py) holds every line of every input that no unit holds, the warnings
(a heading-like line read as text, a gap, a unit one language lacks, a unit `--keep` could
not keep), the alignment table of a multilingual import and the validator's warnings about
what is written. Nothing is written when a text has an error, or a warning under `--strict`.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core import languages
from constitution.core.problems import WARNING, Problem, SourceError
from constitution.importer import align, read, report
from constitution.importer.report import Entry
from constitution.source.model import Document, Source


@dataclass
class Options:
    given: dict[str, Path]
    template: Source
    template_dir: Path
    out: Path
    status: str = "official"
    keep: list[str] = field(default_factory=list)
    from_pdf: bool | None = None
    edition: str | None = None
    edition_id: str | None = None
    date: datetime.date | None = None
    source_note: str | None = None


@dataclass
class Outcome:
    source: Source
    files: dict[str, str]
    readings: dict[str, read.Reading]
    entries: list[Entry]
    written_warnings: list[Problem]
    alignment: list[str]

    @property
    def warnings(self) -> int:
        return sum(entry.warning for entry in self.entries) + len(self.written_warnings)

    def report(self) -> list[str]:
        counts = Counter()
        for reading in self.readings.values():
            counts.update(reading.counts())
        lines = report.summary(counts, self.entries)
        lines.extend(self.alignment)
        lines.extend(f"written: {problem}" for problem in self.written_warnings)
        return lines


def as_entry(problem: Problem) -> Entry:
    return Entry(problem.path, problem.line, problem.lang or "-", "warning" if problem.severity == WARNING
                 else "error", problem.message, problem.id or "-")


def imported(options: Options) -> Outcome:
    """Read, align and check; raise SourceError with every error (nothing is written then)."""
    readings, errors, entries = {}, [], []
    for lang, path in options.given.items():
        reading, found = read.read_file(path, lang, options.from_pdf)
        errors.extend(found)
        if reading:
            readings[lang] = reading
            entries.extend(reading.entries)
    if errors:
        raise SourceError(errors)
    source, problems = align.aligned_source(readings, options.template, options.status, options.keep)
    entries.extend(as_entry(problem) for problem in problems)
    entries.extend(lost_from_template(options.template, source, options.keep, options.out))
    source.document = with_edition(source.document, options)
    files = align.written_files(source, options.template_dir)
    written = align.checked_output(files, options.out)
    return Outcome(source, files, readings, entries, written, alignment(readings))


def lost_from_template(template: Source, source: Source, keep: list[str], out: Path) -> list[Entry]:
    """A unit of a language kept from the template that the imported text has no place for."""
    if not keep:
        return []
    present = {unit.id for unit in source.units()}
    lost = []
    for unit in template.units():
        if unit.id in present:
            continue
        langs = [lang for lang in keep if unit.texts.text(lang)]
        if langs:
            lost.append(Entry(str(out), 1, ",".join(langs), "warning",
                              "the template's unit is not in the imported text: --keep cannot keep it", unit.id))
    return lost


def with_edition(document: Document, options: Options) -> Document:
    """The edition's name, date, id and each imported language's source from the options."""
    data = document.model_dump()
    edition = data["edition"]
    if options.date:
        edition["date"] = options.date
        edition["id"] = options.date.isoformat()
    if options.edition_id:
        edition["id"] = options.edition_id
    if options.edition:
        edition["name"] = {lang: options.edition for lang in languages.LANGUAGES}
    if options.source_note:
        for lang in options.given:
            data["sources"][lang] = {"description": {other: options.source_note for other in languages.LANGUAGES},
                                     **({"published": options.date} if options.date else {})}
    return Document.model_validate(data, strict=False)


def alignment(readings: dict[str, read.Reading]) -> list[str]:
    if len(readings) < 2:
        return []
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for lang, reading in readings.items():
        for number, article in sorted(reading.articles.items()):
            points = len(article.points) + sum(len(clause.points) for clause in article.clauses.values())
            counts.setdefault(str(number), {})[lang] = (len(article.clauses), points)
    return report.alignment_table(counts, list(readings))
