"""One import from the command's options to the files it writes and the report it prints.

The report (report.py) holds every line of every input that no unit holds, the warnings
(a heading-like line read as text, a gap, a unit one language lacks, a unit `--keep` could
not keep), the alignment table of a multilingual import and the validator's warnings about
what is written. Nothing is written when a text has an error, or a warning under `--strict`.

Into a source of several editions (an `--out` that holds editions.yaml, or any `--out` with
`--kind`), the import writes one edition, editions/<its id>/, in place of the edition of that
id or beside the others, and lists it in editions.yaml; the whole is validated first.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core import ids, languages, paths
from constitution.core.problems import WARNING, Problem, SourceError, display_path
from constitution.importer import align, read, report
from constitution.importer.report import Entry
from constitution.source import editions, save
from constitution.source.model import Document, EditionEntry, Source


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
    kind: str | None = None  # of the edition, in a source of several
    current: bool = False  # the imported edition becomes the current one

    @property
    def into_editions(self) -> bool:
        """Whether the import writes one edition of a source of several."""
        return self.kind is not None or editions.holds_editions(self.out)


@dataclass
class Outcome:
    source: Source
    files: dict[str, str]
    readings: dict[str, read.Reading]
    entries: list[Entry]
    written_warnings: list[Problem]
    alignment: list[str]

    def folder(self, out: Path) -> Path:
        """Where the edition's files went: `out`, or its edition's folder in a source of several."""
        return editions.edition_dir(out, self.source.document.edition.id) \
            if paths.EDITIONS_FILE in self.files else Path(out)

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
    if options.into_editions:
        files = edition_files(files, source.document, options)
    written = align.checked_output(files, options.out, around=options.into_editions)
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


def edition_files(files: dict[str, str], document: Document, options: Options) -> dict[str, str]:
    """The edition's files in its folder of `out`, and editions.yaml listing it (its kind kept
    from the list where --kind is not given)."""
    listing = None
    if editions.holds_editions(options.out):
        loaded = editions.load_editions(options.out)
        if loaded.listing is None:
            raise SourceError(loaded.problems)
        listing = loaded.listing
    known = {entry.id: entry for entry in listing.editions} if listing else {}
    edition = document.edition
    where = display_path(options.out / paths.EDITIONS_FILE)
    problem = ids.file_id_problem(edition.id)
    if problem:  # it names the edition's folder: never a path out of `out`
        raise SourceError([Problem(where, 1, edition.id, "", f"edition id {problem}")])
    kind = options.kind or (known[edition.id].kind if edition.id in known else None)
    if kind is None:
        raise SourceError([Problem(where, 1, edition.id, "", f"edition '{edition.id}' is new here: give its --kind "
                                                            "(draft, final draft, adopted or amended)")])
    entry = EditionEntry(id=edition.id, date=edition.date, kind=kind, name=edition.name)
    folder = f"{paths.EDITIONS_DIR}/{edition.id}"
    return {paths.EDITIONS_FILE: save.editions_yaml(editions.listed(listing, entry, options.current)),
            **{f"{folder}/{relative}": text for relative, text in files.items()}}


def alignment(readings: dict[str, read.Reading]) -> list[str]:
    if len(readings) < 2:
        return []
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for lang, reading in readings.items():
        for number, article in sorted(reading.articles.items()):
            points = len(article.points) + sum(len(clause.points) for clause in article.clauses.values())
            counts.setdefault(str(number), {})[lang] = (len(article.clauses), points)
    return report.alignment_table(counts, list(readings))
