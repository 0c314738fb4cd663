"""Load translations/ into typed models, keeping the line of every YAML node.

Loading never raises on bad input: it returns the models it could build and a list of
Problems (YAML syntax, encoding, types, unknown keys), each with file and line.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from constitution.core import ids, languages, paths
from constitution.core.problems import Problem, display_path
from constitution.core.reading import os_problem, read_limited
from constitution.source.ui import RETIRED
from constitution.source.model import STATUSES, UI, Article, Document, Preamble, Source

MAX_FILE_BYTES = 2_000_000  # far above any real article; stops a runaway file early
# libyaml's parser where PyYAML was built with it: parsing is most of a build's load time
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The tags plain YAML resolves to by itself: any other was written on purpose (`!!python/…`)
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                       ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))


@dataclass
class YamlFile:
    path: Path
    display: str
    data: Any
    lines: dict[tuple, int]  # key path -> 1-based line

    def line(self, *keys) -> int:
        """Line of the deepest node on the path that exists (1 for the file itself)."""
        for end in range(len(keys), -1, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return 1


class _Builder:
    """Turns a composed YAML tree into Python data, noting each node's line."""

    def __init__(self, display: str):
        self.display = display
        self.lines: dict[tuple, int] = {}
        self.problems: list[Problem] = []
        self.scalars = yaml.SafeLoader("")
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, keys: tuple = ()) -> Any:
        if id(node) in self.seen:  # an alias: a cycle would never end, a nest of them explodes
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in the source",
                                              node.start_mark)
        self.seen.add(id(node))
        self.lines[keys] = node.start_mark.line + 1
        if node.tag not in PLAIN_TAGS:  # !!python/object…, !!binary, !custom: the source is plain data
            raise yaml.constructor.ConstructorError(None, None, f"YAML tag '{node.tag}' is not allowed in the "
                                                    "source (plain strings, numbers, dates, lists, maps only)",
                                                    node.start_mark)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, keys + ("<key>",))
                if not isinstance(key, (str, int)):
                    key = str(key)
                if key in result:
                    self.problems.append(Problem(self.display, key_node.start_mark.line + 1,
                                                 "", "", f"duplicate key '{key}'"))
                result[key] = self.build(value_node, keys + (key,))
                self.lines[keys + (key,)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, keys + (index,)) for index, item in enumerate(node.value)]
        try:
            return self.scalars.construct_object(node, deep=True)
        except (ValueError, OverflowError) as error:  # e.g. 2026-13-45, a 5000-digit number
            reason = str(error).split(";")[0]
            raise yaml.constructor.ConstructorError(None, None, f"unreadable value: {reason}", node.start_mark)


def read_yaml(path: Path) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one YAML file; bad bytes, syntax and duplicate keys become Problems."""
    display = display_path(path)
    raw, why = read_limited(path, MAX_FILE_BYTES)
    if raw is None:
        return None, [Problem(display, 1, "", "", why)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, "", "", f"not UTF-8 (byte 0x{raw[error.start]:02x})")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [Problem(display, line, "", "", "binary data (NUL byte) in a text file")]
    try:
        node = yaml.compose(text, Loader=COMPOSER)
    except RecursionError:
        return None, [Problem(display, 1, "", "", "YAML syntax: nested too deeply")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [Problem(display, line, "", "", f"YAML syntax: {problem}")]
    if node is None:
        return None, [Problem(display, 1, "", "", "file is empty")]
    builder = _Builder(display)
    try:
        data = builder.build(node)
    except RecursionError:
        return None, [Problem(display, 1, "", "", "YAML: nested too deeply")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(display, mark.line + 1 if mark else 1, "", "", f"YAML: {error.problem}")]
    return YamlFile(path, display, data, builder.lines), builder.problems


# `id` names a text unit in every mapping but these, where it names files (edition.id)
NOT_UNIT_IDS = frozenset({"edition"})


def unit_id_of(node: Any, key: Any = None) -> str | None:
    """The id of the unit a mapping is (found under `key` of its parent), or None."""
    if key in NOT_UNIT_IDS or not isinstance(node, dict) or not isinstance(node.get("id"), str):
        return None
    return node["id"]


def _unit_id_at(data: Any, loc: tuple) -> str:
    """The id of the innermost unit on the path, for error lines."""
    found, node = unit_id_of(data) or "", data
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        found = unit_id_of(node, key) or found
    return found


def _data_loc(data: Any, loc: tuple, missing: bool) -> tuple:
    """pydantic's location of an error as keys of the data: the names it adds of its own (the
    member of a union, `function-after[…]`) dropped; a key the data lacks kept only at the end of a
    `missing` error. A key of the data may hold any sign, '[' included."""
    kept, node = [], data
    for position, key in enumerate(loc):
        if isinstance(node, dict) and key in node:
            kept.append(key)
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            kept.append(key)
            node = node[key]
        elif missing and position == len(loc) - 1 and isinstance(node, dict):
            kept.append(key)
    return tuple(kept)


def _lang_in(loc: tuple) -> str:
    return next((str(key) for key in reversed(loc) if key in languages.LANGUAGES), "")


def typed(file: YamlFile, model: type) -> tuple[Any, list[Problem]]:
    """Build a model from a parsed file; each schema error is a Problem at its line."""
    try:
        return model.model_validate(file.data), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = _data_loc(file.data, item["loc"], item["type"] == "missing")
            # a key of ui.yaml is the name of its strings, which stands where an id would
            unit_id = str(loc[0]) if model is UI and loc else _unit_id_at(file.data, loc)
            problems.append(Problem(file.display, file.line(*loc), unit_id, _lang_in(loc),
                                    _schema_message(item, loc)))
        return None, problems


def _schema_message(item: dict, loc: tuple) -> str:
    where = ".".join(str(k) for k in loc) or "file"
    if item["type"] == "extra_forbidden":
        name = loc[-1]
        if len(loc) == 1 and name in RETIRED:
            return f"'{name}' is {RETIRED[name]}"
        if len(loc) >= 2 and isinstance(name, str) and len(name) <= 3 and name.isalpha():
            return f"unknown language or key '{name}'"
        return f"unknown key '{name}'"
    if item["type"] == "missing":
        return f"required key '{where}' is absent"
    if item["type"] == "literal_error" and loc and loc[-1] == "status":
        return f"unknown status {item['input']!r} (one of {', '.join(STATUSES)})"
    return f"{where}: {item['msg'].lower()}"


@dataclass
class Loaded:
    """What load_source could read: models (None where a file failed) and its problems."""

    directory: Path
    document: Document | None
    preamble: Preamble | None
    articles: list[tuple[YamlFile, Article]]
    ui: UI | None
    files: dict[str, YamlFile]
    problems: list[Problem]

    def source(self) -> Source:
        articles = sorted((a for _, a in self.articles), key=lambda a: ids.number_key(a.number))
        files = {name: display_path(self.directory / name)
                 for name in (paths.DOCUMENT_FILE, paths.PREAMBLE_FILE, paths.UI_FILE)}
        files.update({a.id: f.display for f, a in self.articles})
        return Source(self.document, self.preamble, articles, self.ui, files)


def _not_a_folder(directory: Path) -> str | None:
    """Why the source folder cannot be read as one, or None."""
    try:
        mode = os.stat(directory).st_mode
    except OSError as error:
        return "source folder is absent" if error.errno == errno.ENOENT else f"source folder {os_problem(error)}"
    except ValueError:
        return "source folder is not a usable path"
    return None if stat.S_ISDIR(mode) else "the source is a file, not a folder: give --source the folder"


def load_source(directory: Path = paths.SOURCE_DIR) -> Loaded:
    directory = Path(directory)
    problems: list[Problem] = []
    files: dict[str, YamlFile] = {}

    def one(path: Path, model: type):
        parsed, found = read_yaml(path)
        problems.extend(found)
        if parsed is None:
            return None, None
        files[parsed.display] = parsed
        value, found = typed(parsed, model)
        problems.extend(found)
        return parsed, value

    why = _not_a_folder(directory)
    if why:
        problems.append(Problem(display_path(directory), 1, "", "", why))
        return Loaded(directory, None, None, [], None, files, problems)
    _, document = one(directory / paths.DOCUMENT_FILE, Document)
    _, preamble = one(directory / paths.PREAMBLE_FILE, Preamble)
    _, ui = one(directory / paths.UI_FILE, UI)
    articles = []
    try:
        names = sorted(os.listdir(directory / paths.ARTICLES_DIR))
    except FileNotFoundError:
        names = []  # rules.has_articles says the source needs one
    except OSError as error:
        problems.append(Problem(display_path(directory / paths.ARTICLES_DIR), 1, "", "", os_problem(error)))
        names = []
    for path in (directory / paths.ARTICLES_DIR / name for name in names):
        if path.suffix not in (".yaml", ".yml"):
            problems.append(Problem(display_path(path), 1, "", "", "not a .yaml file in articles/"))
            continue
        parsed, article = one(path, Article)
        if article is not None:
            articles.append((parsed, article))
    return Loaded(directory, document, preamble, articles, ui, files, problems)
