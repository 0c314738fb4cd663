"""Open-data exports of the aligned source: JSON (and its JSON Schema), CSV, Akoma Ntoso XML.

Every file is built in memory first and written only when all of them are ready, each
through a temporary file, so a failure never leaves a half-written download behind. The
bytes depend on the source alone: two runs give identical files (checksums stay valid).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from constitution.core import atomic, catalogue, languages
from constitution.data import akn
from constitution.source.model import SCHEMA_VERSION, Constitution, Source, json_schema

FIRST_KEYS = ("schema_version", "id", "number")  # then the declaration's order
# Lists that format version 2 added: left out where empty, so that a source without them
# exports as it did (an absent list reads as empty, as in the source files).
OPTIONAL_LISTS = ("chapters", "parts", "notes")
CSV_COLUMNS = ("id", "kind", "article", "number", *languages.LANGUAGES,
               *(f"status_{lang}" for lang in languages.LANGUAGES))


def build(source: Source, out_dir: Path) -> list[Path]:
    """Write every export of `source` into out_dir; return the written paths."""
    contents = {
        catalogue.EXPORT_JSON: json_bytes(source),
        catalogue.EXPORT_JSON_SCHEMA: _dumps(json_schema()),
        catalogue.EXPORT_CSV: csv_bytes(source),
        **{catalogue.export_akn(lang): akn.document_bytes(source, lang)
           for lang in languages.LANGUAGES},
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [atomic.write_bytes(out_dir / name, contents[name]) for name in catalogue.names(catalogue.exports())]


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
