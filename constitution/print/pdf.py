"""Render the printable PDFs with Typst: one per language and a parallel edition.

`build(source, out_dir)` writes constitution-kk.pdf, -ru, -en and -parallel.pdf. Typst
typesets each from its template (templates/single.typ, parallel.typ) and the edition's data,
given as JSON; it writes tagged PDF/UA-1: languages on the structure elements, running heads
and footers as artifacts, one /Link element per link. The PDFs carry the edition's date (not
the build time) and a content-derived file identifier, so the same source gives
byte-identical files.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from constitution.core import atomic, catalogue, ids, languages, paths
from constitution.core.catalogue import PDF_EDITIONS as EDITIONS
from constitution.core.catalogue import pdf_name
from constitution.core.problems import BuildError, Problem, SourceError
from constitution.print.typeset import Job, typeset
from constitution.source.model import Source



def build(source: Source, out_dir: Path) -> list[Path]:
    """Write the four PDFs of a validated Source into out_dir; return their paths.

    Characters the embedded fonts cannot draw are reported (SourceError) before anything
    is written; each file is replaced atomically, so a failed run keeps the old PDFs.
    """
    from constitution.print import fonts

    problems = list(uncovered_characters(source, fonts.coverage()))
    if problems:
        raise SourceError(problems)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rendered = render_all(source)
    written = []
    for edition in EDITIONS:
        written.append(atomic.write_bytes(out_dir / pdf_name(edition), rendered[edition]))
    return written


WEIGHT = {catalogue.PARALLEL: len(languages.LANGUAGES)}  # the parallel edition is about three single ones


def render_all(source: Source) -> dict[str, bytes]:
    """Every edition's bytes, typeset in one child process (print/worker.py) on one thread
    per core, from the jobs prepared here (the worker never loads the source).

    One process, not one per core: each would import Typst and pikepdf and read the fonts
    again, and Typst lets other threads run while it typesets. The child is killed if this
    process is interrupted, and exits by itself if it is killed: a build leaves no process,
    semaphore or traceback behind."""
    jobs = {edition: job(source, edition) for edition in sorted(EDITIONS, key=lambda e: -WEIGHT.get(e, 1))}
    threads = min(len(EDITIONS), os.cpu_count() or 1)
    if threads == 1:
        return {edition: typeset(jobs[edition]) for edition in EDITIONS}
    child = subprocess.Popen([sys.executable, "-m", "constitution.print.worker", str(os.getpid()), str(threads)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        output, errors = child.communicate(pickle.dumps(jobs, protocol=pickle.HIGHEST_PROTOCOL))
        if child.returncode != 0:
            lines = errors.decode("utf-8", "replace").strip().splitlines() or [f"exit {child.returncode}"]
            raise BuildError([f"a PDF worker failed: {lines[-1]}"])
        rendered = pickle.loads(output)
        return {edition: rendered[edition] for edition in EDITIONS}
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def render(source: Source, edition: str) -> bytes:
    """The PDF bytes of one edition."""
    return typeset(job(source, edition))


def job(source: Source, edition: str) -> Job:
    """What Typst needs to typeset an edition: its template and its data as JSON."""
    from constitution.print import parallel, single

    if edition == catalogue.PARALLEL:
        template, data = "parallel.typ", parallel.document(source, pdf_name(edition))
    else:
        template, data = "single.typ", single.document(source, edition, pdf_name(edition))
    epoch = calendar.timegm(source.document.edition.date.timetuple())
    return Job(pdf_name(edition), template, json.dumps(data, default=plain), epoch,
               link_descriptions(data["book"], data["lang"]), catalogue.edition_languages(edition))


def link_descriptions(book, lang: str) -> dict[str, str]:
    """What each contents link is called, in the document's language: the words the contents
    show for its target ('Кіріспе', 'Раздел I. Основы …', '2-бап'; source/labels.py's)."""
    names = {book.preamble.id: book.preamble.label[lang]}
    for section in book.sections:
        names[section.id] = section.running[lang]
        names.update((article.id, article.label[lang]) for article in section.articles)
    return names


def plain(value):
    """JSON for the template: book.py's dataclasses as dictionaries."""
    from constitution.print import book

    if is_data(type(value)):  # one level: the encoder comes back for the fields
        return vars(value)  # a frozen dataclass's attributes are its fields, in their order
    if isinstance(value, book.Book):
        return {"preamble": value.preamble, "sections": value.sections}
    raise TypeError(f"not PDF data: {type(value).__name__}")


@functools.cache
def is_data(kind: type) -> bool:
    """Whether a type is a dataclass (asked once per type: the encoder asks for each of the
    edition's thousands of texts and units)."""
    return dataclasses.is_dataclass(kind)


def uncovered_characters(source: Source, covered: frozenset[int]):
    """Problems for characters of the source that the PDF fonts cannot draw."""
    strings = []
    for unit in source.units():
        for lang in languages.LANGUAGES:
            strings.append((unit_file(source, unit), unit.id, lang, unit.texts.text(lang) or ""))
    for key, texts in source.ui.items():
        for lang in languages.LANGUAGES:
            strings.append((source.file(paths.UI_FILE), key, lang, getattr(texts, lang)))
    document = source.document
    for name, texts in (("edition.name", document.edition.name), ("edition.author", document.edition.author),
                        *((f"sources.{lang}", getattr(document.sources, lang).description)
                          for lang in languages.LANGUAGES)):
        for lang in languages.LANGUAGES:
            strings.append((source.file(paths.DOCUMENT_FILE), name, lang, getattr(texts, lang)))
    # the characters of all the strings checked at once; only those the fonts lack are looked for in each
    uncovered = {char for char in set("".join(text for *_, text in strings)) - {"\n"} if ord(char) not in covered}
    for path, where, lang, text in strings:
        for char in sorted(set(text) & uncovered) if uncovered else ():
            yield Problem(path, 1, where, lang, f"character U+{ord(char):04X} is not in the PDF font")


def unit_file(source: Source, unit) -> str:
    if unit.article is not None:
        return source.files.get(ids.article_id(unit.article), paths.ARTICLES_DIR)
    return source.file(paths.PREAMBLE_FILE if unit.kind == "recital" else paths.DOCUMENT_FILE)
