"""Write a source as YAML in the committed layout of translations/ (the inverse of load.py).

One layout for every writer, so that an import and the committed files compare byte for
byte and a diff shows only changed text: block mappings in one fixed key order, lists of
numbers in flow style, plain scalars where they read back unchanged (else JSON-style
double quotes), `|-` blocks for text with line breaks, and no line wrapping.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import yaml

from constitution.core import languages, paths
from constitution.source.model import Article, Document, EditionList, Preamble, Source

FORMAT_NOTE = "Format: translations/README.md."
DOCUMENT_HEADER = (
    "The document: its title, the edition, where each language's text comes from, the\n"
    f"sections and the public timeline. {FORMAT_NOTE}"
)
PREAMBLE_HEADER = f"The preamble, one recital per line of the published text. {FORMAT_NOTE}"
DOCUMENT_COMMENTS = {"full_text": "The size of the whole published text; this edition may hold a part of it."}

# Every mapping of the format lists its keys in this order (unknown keys last, as given).
KEY_ORDER = (
    "schema_version", "current", "id", "number", "section", "date", "kind", "title", "name", "names", "author",
    "description", "published", "url", "edition", "full_text", "languages", "sources",
    "status", "text", "note", *languages.LANGUAGES, "sections", "articles", "chapters", "recitals",
    "parts", "clauses", "points", "wrap_up", "notes", "timeline",
    "editions", "same_as",
)
_RANK = {key: index for index, key in enumerate(KEY_ORDER)}


def _reads_back(fragment: str, value: str) -> bool:
    try:
        return yaml.safe_load(f"k: {fragment}\n") == {"k": value}
    except yaml.YAMLError:
        return False


def scalar(value: Any, indent: int) -> str:
    """One scalar as YAML text; a multi-line string continues at indent + 2."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, datetime.date)):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} as YAML")
    if "\n" in value:
        block = "|-\n" + "\n".join(" " * (indent + 2) + line if line else "" for line in value.split("\n"))
        if _reads_back(block.replace("\n" + " " * indent, "\n"), value):
            return block
    elif value and _reads_back(value, value):
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return quoted if _reads_back(quoted, value) else json.dumps(value)


def _ordered(mapping: dict) -> list[tuple[str, Any]]:
    items = [(key, value) for key, value in mapping.items() if value is not None]
    return sorted(items, key=lambda item: _RANK.get(item[0], len(_RANK)))


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _mapping_lines(mapping: dict, indent: int, spaced: bool = False,
                   comments: dict[str, str] | None = None) -> list[str]:
    pad, out = " " * indent, []
    for index, (key, value) in enumerate(_ordered(mapping)):
        if spaced and index:
            out.append("")
        if comments and key in comments:
            out.append(f"{pad}# {comments[key]}")
        if isinstance(value, dict) and value:
            out.append(f"{pad}{key}:")
            out.extend(_mapping_lines(value, indent + 2))
        elif isinstance(value, list) and value and not all(_is_scalar(item) for item in value):
            out.append(f"{pad}{key}:")
            for item in value:
                out.extend(_item_lines(item, indent + 2))
        elif isinstance(value, list):
            out.append(f"{pad}{key}: [{', '.join(scalar(item, indent) for item in value)}]")
        elif isinstance(value, dict):
            out.append(f"{pad}{key}: {{}}")
        else:
            out.append(f"{pad}{key}: {scalar(value, indent)}")
    return out


def _item_lines(item: Any, indent: int) -> list[str]:
    pad = " " * indent
    if not isinstance(item, dict) or not item:
        return [f"{pad}- {scalar(item, indent) if _is_scalar(item) else '[]'}"]
    lines = _mapping_lines(item, indent + 2)
    return [pad + "- " + lines[0][indent + 2:]] + lines[1:]


def dump(data: dict, header: str = "", spaced: bool = False,
         comments: dict[str, str] | None = None) -> str:
    """A mapping as a YAML file: header comment lines, then the mapping in block style."""
    lines = [f"# {line}" for line in header.splitlines()]
    lines += _mapping_lines(data, 0, spaced, comments)
    return "\n".join(lines) + "\n"


def _data(model) -> dict:
    return model.model_dump(mode="python", exclude_defaults=True)


def document_yaml(document: Document) -> str:
    data = _data(document)
    data["schema_version"] = document.schema_version  # a default still belongs in the file
    return dump(data, DOCUMENT_HEADER, spaced=True, comments=DOCUMENT_COMMENTS)


def preamble_yaml(preamble: Preamble) -> str:
    return dump(_data(preamble), PREAMBLE_HEADER)


EDITIONS_HEADER = (
    "The editions this source holds, oldest first, and the current one; each edition's text is\n"
    f"in editions/<id>/. {FORMAT_NOTE}"
)


def editions_yaml(listing: EditionList) -> str:
    return dump(listing.model_dump(mode="python"), EDITIONS_HEADER)


def article_header(article: Article) -> str:
    if article.clauses:
        first, last = article.clauses[0].number, article.clauses[-1].number
        held = f"clause {first}" if first == last else f"clauses {first} to {last}"
        return f"Article {article.number}, {held}. {FORMAT_NOTE}"
    points = f", with points 1 to {len(article.points)}" if article.points else ""
    return f"Article {article.number} has no numbered clauses: its text is one unit{points}. {FORMAT_NOTE}"


def article_yaml(article: Article) -> str:
    return dump(_data(article), article_header(article))


def source_files(source: Source) -> dict[str, str]:
    """Relative path -> YAML text for the document, the preamble and every article.

    ui.yaml is not written here: it holds no legal text and is copied as it is.
    """
    files = {
        paths.DOCUMENT_FILE: document_yaml(source.document),
        paths.PREAMBLE_FILE: preamble_yaml(source.preamble),
    }
    for article in source.articles:
        files[f"{paths.ARTICLES_DIR}/{paths.article_file_name(article.number)}"] = article_yaml(article)
    return files


def write_files(files: dict[str, str], directory: Path) -> None:
    for relative, text in files.items():
        path = Path(directory) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
