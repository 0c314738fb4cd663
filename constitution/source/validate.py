"""Validate a source: the loader's problems and every rule's, sorted by file and line.

A source of several editions (editions.py) is checked as its list (rules_editions.py) and
each edition as a one-edition source; the stages that read one source read its current one.

Errors stop every stage that reads the source; warnings (mixed scripts in a word, text
still missing) are printed and fail `validate --strict` only.
"""

from __future__ import annotations

from pathlib import Path

from constitution.core import paths
from constitution.core.problems import ERROR, Problem, SourceError, display_path
from constitution.source import editions as several
from constitution.source.context import context
from constitution.source.load import Loaded, load_source
from constitution.source.model import Source
from constitution.source.rules import RULES
from constitution.source.rules_editions import EDITION_RULES


def check(loaded: Loaded) -> list[Problem]:
    """Every problem of a loaded source: the loader's and every rule's, sorted by file and line."""
    ctx = context(loaded)
    problems = list(loaded.problems)
    for rule in RULES:
        problems.extend(rule(ctx))
    return _sorted(problems)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.severity != ERROR))


def check_editions(loaded: several.LoadedEditions) -> list[Problem]:
    """Every problem of a source of several editions: the list's, its rules', each edition's."""
    problems = list(loaded.problems)
    for rule in EDITION_RULES:
        problems.extend(rule(loaded))
    for edition in loaded.editions:
        problems.extend(check(edition.loaded))
    return _sorted(problems)


def problems(directory: Path = paths.SOURCE_DIR) -> list[Problem]:
    if several.holds_editions(directory):
        return check_editions(several.load_editions(directory))
    return check(load_source(directory))


def checked_editions(directory: Path = paths.SOURCE_DIR) -> several.Editions:
    """Load and validate every edition; raise SourceError with every error, or return them
    (a one-edition source is one edition)."""
    if not several.holds_editions(directory):
        return several.single(checked_source(directory))
    loaded = several.load_editions(directory)
    errors = [p for p in check_editions(loaded) if p.severity == ERROR]
    if errors:
        raise SourceError(errors)
    return several.checked(loaded)


def checked_source(directory: Path = paths.SOURCE_DIR) -> Source:
    """Load and validate; raise SourceError with every error, or return the Source (of a source
    of several editions, the current edition's, every edition checked)."""
    if several.holds_editions(directory):
        return checked_editions(directory).current.source
    loaded = load_source(directory)
    errors = [p for p in check(loaded) if p.severity == ERROR]
    if errors:
        raise SourceError(errors)
    return loaded.source()


def summary(found: list[Problem], directory: Path) -> str:
    errors = sum(p.severity == ERROR for p in found)
    warnings = len(found) - errors
    if not found:
        return f"{display_path(directory)}: no problems"
    return f"{display_path(directory)}: {errors} error(s), {warnings} warning(s)"
