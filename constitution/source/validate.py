"""Validate a source: the loader's problems and every rule's, sorted by file and line.

Errors stop every stage that reads the source; warnings (mixed scripts in a word, text
still missing) are printed and fail `validate --strict` only.
"""

from __future__ import annotations

from pathlib import Path

from constitution.core import paths
from constitution.core.problems import ERROR, Problem, SourceError, display_path
from constitution.source.context import context
from constitution.source.load import Loaded, load_source
from constitution.source.model import Source
from constitution.source.rules import RULES


def check(loaded: Loaded) -> list[Problem]:
    """Every problem of a loaded source: the loader's and every rule's, sorted by file and line."""
    ctx = context(loaded)
    problems = list(loaded.problems)
    for rule in RULES:
        problems.extend(rule(ctx))
    return sorted(problems, key=lambda p: (p.path, p.line, p.severity != ERROR))


def problems(directory: Path = paths.SOURCE_DIR) -> list[Problem]:
    return check(load_source(directory))


def checked_source(directory: Path = paths.SOURCE_DIR) -> Source:
    """Load and validate; raise SourceError with every error, or return the Source."""
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
