"""Keep a docs/ folder equal to the generated files: what differs, and the sync that writes it.

Only files that carry the generated marker are ever removed; a file someone put into docs/
by hand stops the sync instead of being deleted.
"""

from __future__ import annotations

import errno
from pathlib import Path

from constitution.core import atomic, paths


def differences(files: dict[str, str], docs: Path) -> list[str]:
    """How docs/ differs from the generated files: one line per stale, missing or extra file."""
    present = {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()} if docs.is_dir() else set()
    lines = []
    for name in sorted(files.keys() | present):
        shown = docs / name
        if name not in present:
            lines.append(f"{shown}: missing")
        elif name not in files:
            lines.append(f"{shown}: extra (not generated from the source)")
        elif (docs / name).read_text(encoding="utf-8") != files[name]:
            lines.append(f"{shown}: stale")
    return lines


def write(files: dict[str, str], docs: Path) -> list[str]:
    """Make docs/ hold exactly `files`; return what changed. A file we did not generate stops it."""
    docs.mkdir(parents=True, exist_ok=True)
    foreign = [path for path in docs.rglob("*") if path.is_file()
               and path.relative_to(docs).as_posix() not in files and not is_generated(path)]
    if foreign:
        raise OSError(errno.EEXIST, f"not generated, so not removed: {', '.join(map(str, foreign))}", str(docs))
    changed = differences(files, docs)
    for path in [p for p in docs.rglob("*") if p.is_file() and p.relative_to(docs).as_posix() not in files]:
        path.unlink()
    atomic.make_folders(docs / name for name in files)
    for name, text in files.items():
        path = docs / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for folder in sorted((p for p in docs.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    return changed


def is_generated(path: Path) -> bool:
    with path.open("rb") as handle:
        return paths.GENERATED_MARKER.encode() in handle.read(200)

