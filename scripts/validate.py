"""Cross-field rules of the source (placeholder wiring; the rules land with issue 2)."""

from pathlib import Path

from . import constants
from .load import ERROR, SourceError, load_source
from .model import Source


def checked_source(directory: Path = constants.SOURCE_DIR) -> Source:
    """Load and validate; raise SourceError with every error, or return the Source."""
    loaded = load_source(directory)
    errors = [p for p in loaded.problems if p.severity == ERROR]
    if errors:
        raise SourceError(errors)
    return loaded.source()


def add_arguments(parser):
    parser.add_argument("--source", type=Path, default=constants.SOURCE_DIR)


def run(args) -> int:
    checked_source(args.source)
    return 0
