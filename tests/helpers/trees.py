"""Folders compared file by file (and zips member by member): what a build wrote, what it kept."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path


def digests(folder: Path) -> dict[str, str]:
    """{path relative to the folder: SHA-256} of every file in it."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def zip_differences(first: Path, second: Path) -> list[str]:
    """How two zips differ, member by member: name, date, mode, content."""
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        left = {info.filename: info for info in a.infolist()}
        right = {info.filename: info for info in b.infolist()}
        lines = [f"    only in one: {name}" for name in sorted(left.keys() ^ right.keys())]
        if list(left) != list(right) and not lines:
            lines.append("    the same members in another order")
        for name in sorted(left.keys() & right.keys()):
            x, y = left[name], right[name]
            for field in ("date_time", "external_attr", "CRC", "compress_type", "extra", "comment"):
                if getattr(x, field) != getattr(y, field):
                    lines.append(f"    {name}: {field} {getattr(x, field)!r} != {getattr(y, field)!r}")
    return lines


def differences(first: Path, second: Path) -> list[str]:
    """One line per file that is missing from one tree or differs (zips: member by member)."""
    a, b = digests(first), digests(second)
    lines = []
    for name in sorted(a.keys() | b.keys()):
        if name not in a or name not in b:
            lines.append(f"{name}: only in {'the first' if name in a else 'the second'} build")
        elif a[name] != b[name]:
            lines.append(f"{name}: differs")
            if name.endswith(".zip"):
                lines += zip_differences(first / name, second / name)
    return lines
