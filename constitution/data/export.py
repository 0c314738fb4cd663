"""Open-data exports of the aligned source: JSON (and its JSON Schema), CSV, Akoma Ntoso XML.

Every file is built in memory first and written only when all of them are ready, each
through a temporary file, so a failure never leaves a half-written download behind. The
bytes depend on the source alone: two runs give identical files (checksums stay valid).

A source of several editions exports its current edition as a one-edition source does, and
beside it editions.json (the list) and one folder per edition, named by its id, with that
edition's files and, after the first, its change list (changes.py). Each edition's Akoma
Ntoso is an expression of one work, the first edition's: `/akn/kz/act/<first date>/constitution/
kaz@<its date>`.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

from constitution.core import atomic, catalogue, languages
from constitution.data import akn, changes
from constitution.source.editions import Editions
from constitution.source.model import SCHEMA_VERSION, Constitution, Source, json_schema

FIRST_KEYS = ("schema_version", "id", "number")  # then the declaration's order
# Lists that format version 2 added: left out where empty, so that a source without them
# exports as it did (an absent list reads as empty, as in the source files).
OPTIONAL_LISTS = ("chapters", "parts", "notes")
CSV_COLUMNS = ("id", "kind", "article", "number", *languages.LANGUAGES,
               *(f"status_{lang}" for lang in languages.LANGUAGES))


def build(source: Source, out_dir: Path) -> list[Path]:
    """Write every export of `source` into out_dir; return the written paths."""
    return _written(contents(source), out_dir)


def contents(source: Source, work_date: datetime.date | None = None) -> dict[str, bytes]:
    """Every export of one edition, by file name (its AKN dated as an expression of the work of `work_date`)."""
    return {
        catalogue.EXPORT_JSON: json_bytes(source),
        catalogue.EXPORT_JSON_SCHEMA: _dumps(json_schema()),
        catalogue.EXPORT_CSV: csv_bytes(source),
        **{catalogue.export_akn(lang): akn.document_bytes(source, lang, work_date)
           for lang in languages.LANGUAGES},
    }


def build_editions(editions: Editions, out_dir: Path) -> list[Path]:
    """Every export of a source of several editions (see the module's docstring); return the written paths."""
    work_date = editions.first.date
    files = {name: data for name, data in contents(editions.current.source, work_date).items()}
    files[catalogue.EXPORT_EDITIONS] = _dumps(editions_list(editions))
    for edition in editions.editions:
        folder = edition.id
        files.update({f"{folder}/{name}": data for name, data in contents(edition.source, work_date).items()})
        if edition is not editions.first:
            files[f"{folder}/{catalogue.EXPORT_CHANGES}"] = _dumps(changes.change_list(editions, edition))
    return _written(files, out_dir)


def editions_list(editions: Editions) -> dict:
    """editions.json: the editions, oldest first, which is current, and each one's files."""
    return {"current": editions.current_id, "editions": [
        {"id": edition.id, "date": edition.date.isoformat(), "kind": edition.kind, "name": edition.name.model_dump(),
         "files": [f"{edition.id}/{name}" for name in catalogue.edition_exports(edition is editions.first)]}
        for edition in editions.editions]}


def _written(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write the files (built whole beforehand), each through a temporary file."""
    out_dir = Path(out_dir)
    written = []
    for name, data in files.items():
        (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
        written.append(atomic.write_bytes(out_dir / name, data))
    return written


def constitution(source: Source) -> Constitution:
    return Constitution(schema_version=SCHEMA_VERSION, document=source.document,
                        preamble=source.preamble, articles=source.articles)


def json_bytes(source: Source) -> bytes:
    """The whole aligned source; absent values are left out rather than written as null."""
    return _dumps(_without_empty(constitution(source).model_dump(mode="json", exclude_none=True)))


def _without_empty(value):
    if isinstance(value, dict):
        return {key: _without_empty(item) for key, item in value.items()
                if not (key in OPTIONAL_LISTS and item == [])}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def csv_bytes(source: Source) -> bytes:
    """One row per text unit in reading order; a missing text is an empty cell."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; quotes keep line breaks in a cell
    writer.writerow(CSV_COLUMNS)
    for unit in source.units():
        texts = [unit.texts.text(lang) for lang in languages.LANGUAGES]
        statuses = [unit.texts.status(lang) for lang in languages.LANGUAGES]
        writer.writerow([unit.id, unit.kind, _cell(unit.article), _cell(unit.number),
                         *map(_cell, texts), *statuses])
    # The byte-order mark is what makes Excel read the file as UTF-8; without it Excel
    # guesses a legacy code page and shows the Kazakh and Russian Cyrillic as mojibake.
    return out.getvalue().encode("utf-8-sig")


def _cell(value) -> str:
    return "" if value is None else str(value)


def _ordered(value):
    """Ids before texts in every object, so a reader sees which unit a text belongs to."""
    if isinstance(value, dict):
        keys = [k for k in FIRST_KEYS if k in value] + [k for k in value if k not in FIRST_KEYS]
        return {key: _ordered(value[key]) for key in keys}
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return value


def _dumps(data) -> bytes:
    return (json.dumps(_ordered(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
