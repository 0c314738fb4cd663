"""Atomic file writes: a reader (a web server, a parallel build, a download) never sees half a
file; and the folders a set of files is written into."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable


def make_folders(paths: Iterable[Path]) -> None:
    """Make the folder of each of `paths`, with its parents, each folder once (a mkdir that
    finds its folder raises and catches an error: a cost for each of a site's thousand files)."""
    for folder in dict.fromkeys(Path(path).parent for path in paths):
        folder.mkdir(parents=True, exist_ok=True)


def write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file beside it, then rename it into place."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def copy_file(source: Path, path: Path) -> Path:
    """Copy a file into place atomically."""
    return write_bytes(path, Path(source).read_bytes())
